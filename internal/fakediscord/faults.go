package fakediscord

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// Response is a scripted answer for Inject.
type Response struct {
	Status int
	Header http.Header
	Body   []byte // sent as application/json when not empty
}

type injection struct {
	match func(Request) bool
	queue []Response
}

// Inject makes the next requests that match get rs, one each, before the
// fake answers normally again. Injected answers take precedence over the
// fake's own (even over its 400 for an invalid body; the violation is still
// reported). Injections are consumed in the order they were added.
func (s *Server) Inject(match func(Request) bool, rs ...Response) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.injections = append(s.injections, &injection{match: match, queue: rs})
}

func (s *Server) takeInjection(req Request) (reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, in := range s.injections {
		if len(in.queue) == 0 || !in.match(req) {
			continue
		}
		r := in.queue[0]
		in.queue = in.queue[1:]
		rep := reply{status: r.Status, header: r.Header.Clone(), body: r.Body}
		if len(rep.body) == 0 {
			rep.body = nil
		}
		return rep, true
	}
	return reply{}, false
}

// RateLimited is Discord's 429: JSON body with retry_after in seconds and
// the X-RateLimit-* headers discordgo's limiter reads. global limits block
// every route in discordgo, not just this one.
func RateLimited(retryAfter time.Duration, global bool) Response {
	secs := retryAfter.Seconds()
	h := http.Header{}
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", "fake-rate-limit")
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	scope := "user"
	if global {
		h.Set("X-RateLimit-Global", "true")
		scope = "global"
	}
	h.Set("X-RateLimit-Scope", scope)
	body, _ := json.Marshal(map[string]any{
		"message": "You are being rate limited.", "retry_after": secs, "global": global,
	})
	return Response{Status: http.StatusTooManyRequests, Header: h, Body: body}
}

// APIError is a Discord JSON error, e.g. APIError(403, 50013, "Missing
// Permissions") or APIError(401, 50027, "Invalid Webhook Token") for an
// interaction token past its 15 minutes.
func APIError(status, code int, message string) Response {
	body, _ := json.Marshal(map[string]any{"message": message, "code": code})
	return Response{Status: status, Header: http.Header{}, Body: body}
}

// Status is a plain failure with the body Discord sends for it: 403 Missing
// Permissions, 404, 500, 502/503/504 (as from Discord's edge).
func Status(code int) Response {
	switch code {
	case http.StatusForbidden:
		return APIError(code, 50013, "Missing Permissions")
	case http.StatusNotFound:
		return APIError(code, 0, "404: Not Found")
	case http.StatusUnauthorized:
		return APIError(code, 0, "401: Unauthorized")
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return Response{Status: code, Header: http.Header{"Content-Type": {"text/plain"}},
			Body: []byte("upstream connect error or disconnect/reset before headers. reset reason: overflow")}
	}
	return APIError(code, 0, fmt.Sprintf("%d: %s", code, http.StatusText(code)))
}
