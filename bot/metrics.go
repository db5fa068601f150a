package bot

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/dispatch"
)

// Metrics receives what the bot does, for monitoring: the ops package
// implements it with Prometheus. Implementations must be safe for concurrent
// use and cheap: they are called on every interaction and REST call. Every
// string argument is from a small fixed set (never user input), so it can be
// a metric label.
type Metrics interface {
	// Interaction is called once per interaction, after its last message
	// was sent (or could not be).
	Interaction(ev InteractionEvent)
	// Search is one library search; outcome is "ok", "empty", "invalid",
	// "timeout" or "error".
	Search(outcome string, took time.Duration)
	// Reindex is one re-index run by /reindex.
	Reindex(took time.Duration, err error)
	// Alerts counts contradiction alerts at a stage: AlertRaised,
	// AlertPosted, AlertQueued, AlertRetried, AlertDropped.
	Alerts(stage string, n int)
	// REST is one response from Discord's REST API; status is 0 when no
	// response came (network error, timeout). route is a template such as
	// "/webhooks/{id}/{token}/messages/@original".
	REST(method, route string, status int, took time.Duration)
	// RateLimited is one 429 that discordgo waits out before it retries.
	RateLimited(route string, wait time.Duration, global bool)
	// Retry is one retry of a REST call by the bot after a 5xx; op is
	// "respond", "edit", "delete", "followup" or "post".
	Retry(op string)
	// Gateway is a gateway connection event: "ready", "resumed",
	// "disconnected".
	Gateway(event string)
}

// InteractionEvent describes one interaction once it is answered.
type InteractionEvent struct {
	// Command is the command's name, "button:<action>" for buttons, or
	// "unknown" for anything the bot does not know (never raw input).
	Command string
	// Kind is "command", "autocomplete" or "component".
	Kind string
	// Outcome is one of the Outcome constants.
	Outcome string
	// First is the time from receipt to the first response; Final to the
	// last message (the answer). Zero when nothing could be sent.
	First, Final time.Duration
	// Deferred reports whether the first response was a deferral.
	Deferred bool
	// DeadlineMissed reports that the first response came later than
	// Discord's 3 seconds, or did not arrive.
	DeadlineMissed bool
}

// Interaction outcomes.
const (
	OutcomeOK          = "ok"          // answered
	OutcomeInvalid     = "invalid"     // answered with a user error (bad input, not found, conflict)
	OutcomeRefused     = "refused"     // not allowed (moderator command, DM)
	OutcomeError       = "error"       // answered with "something went wrong"
	OutcomePanic       = "panic"       // the handler panicked; answered with an error
	OutcomeUnknown     = "unknown"     // unknown command or button
	OutcomeDraining    = "draining"    // refused during shutdown
	OutcomeUndelivered = "undelivered" // the answer did not reach Discord
)

// Alert stages for Metrics.Alerts.
const (
	AlertRaised  = dispatch.Raised  // new postable alerts from a re-index or an addition
	AlertPosted  = dispatch.Posted  // posted to an alert channel
	AlertQueued  = dispatch.Queued  // a post failed; waiting in the outbox
	AlertRetried = dispatch.Retried // posted from the outbox
	AlertDropped = dispatch.Dropped // removed from the outbox unposted (alerts off, judged)
)

// firstResponseDeadline is Discord's limit for an interaction's first
// response.
const firstResponseDeadline = 3 * time.Second

// nopMetrics is the default: no monitoring.
type nopMetrics struct{}

func (nopMetrics) Interaction(InteractionEvent)            {}
func (nopMetrics) Search(string, time.Duration)            {}
func (nopMetrics) Reindex(time.Duration, error)            {}
func (nopMetrics) Alerts(string, int)                      {}
func (nopMetrics) REST(string, string, int, time.Duration) {}
func (nopMetrics) RateLimited(string, time.Duration, bool) {}
func (nopMetrics) Retry(string)                            {}
func (nopMetrics) Gateway(string)                          {}

// searchOutcome classifies a search for Metrics.Search.
func searchOutcome(hits int, err error) string {
	switch {
	case err == nil && hits == 0:
		return "empty"
	case err == nil:
		return "ok"
	}
	switch claimbot.ErrorCode(err) {
	case claimbot.EINVALID:
		return "invalid"
	case claimbot.ETIMEOUT:
		return "timeout"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "error"
}

// kindName names an interaction kind for metrics and logs.
func kindName(k Kind) string {
	switch k {
	case KindAutocomplete:
		return "autocomplete"
	case KindComponent:
		return "component"
	}
	return "command"
}

// commandLabel is the command of an interaction as a metric label: known
// command names as they are, buttons by action, anything else "unknown"
// (names come from the request and must not create label values).
func commandLabel(in Input, known bool) string {
	if in.Kind == KindComponent {
		switch a := componentAction(in.CustomID); a {
		case actionPage, actionVerdict:
			return "button:" + a
		}
		return "unknown"
	}
	if !known {
		return "unknown"
	}
	return in.Command
}

// metricsTransport counts Discord's REST responses by route and status.
type metricsTransport struct {
	next http.RoundTripper
	m    func() Metrics
}

func (t *metricsTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	start := time.Now()
	resp, err := next.RoundTrip(req)
	status := 0
	if err == nil {
		status = resp.StatusCode
	}
	t.m().REST(req.Method, restRoute(req.URL.Path), status, time.Since(start))
	return resp, err
}

// restRoute turns a REST path into a template for a metric label: the API
// version dropped, snowflakes as {id}, interaction and webhook tokens as
// {token} (they are credentials and unbounded).
func restRoute(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) >= 2 && segs[0] == "api" && strings.HasPrefix(segs[1], "v") {
		segs = segs[2:]
	}
	for i, s := range segs {
		switch {
		case s == "":
		case isSnowflake(s):
			segs[i] = "{id}"
		case i >= 2 && (segs[i-2] == "webhooks" || segs[i-2] == "interactions"):
			segs[i] = "{token}"
		case len(s) > 32:
			segs[i] = "{token}"
		}
	}
	return "/" + strings.Join(segs, "/")
}

func isSnowflake(s string) bool {
	if len(s) < 5 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// watchSession feeds discordgo's events into metrics and readiness:
// rate-limit waits (discordgo sleeps through a 429 and fires a RateLimit
// event first) and the gateway's connection state.
func (b *Bot) watchSession(s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) {
		var wait time.Duration
		route := "unknown"
		if rl.TooManyRequests != nil {
			wait = rl.RetryAfter
		}
		if i := strings.Index(rl.URL, "://"); i >= 0 {
			rest := rl.URL[i+3:]
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				route = restRoute(strings.SplitN(rest[j:], "?", 2)[0])
			}
		}
		b.metrics().RateLimited(route, wait, false)
		b.log.Warn("Discord rate limit: waiting before retrying", "route", route, "wait", wait)
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Ready) {
		b.ops.gatewayUp.Store(true)
		b.metrics().Gateway("ready")
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		b.ops.gatewayUp.Store(true)
		b.metrics().Gateway("resumed")
		b.log.Info("gateway session resumed")
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		b.ops.gatewayUp.Store(false)
		b.metrics().Gateway("disconnected")
		b.log.Warn("gateway disconnected; discordgo reconnects")
	})
}

func (b *Bot) metrics() Metrics { return b.ops.metrics }
