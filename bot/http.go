package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// HTTPHandler serves Discord's HTTP interactions endpoint at
// POST /interactions (mount it beside /healthz). Each request must carry a
// valid Ed25519 signature (DISCORD_PUBLIC_KEY) over a timestamp at most
// Config.MaxClockSkew old (401 otherwise: discordgo.VerifyInteraction does
// not check freshness, so a captured request could be replayed), and an
// interaction ID seen within that window is refused with 409
// (Store.RecordInteraction, shared by every instance on one store);
// bodies over Config.MaxBodyBytes get 413, and past Config.MaxUnverified
// bodies being read at once the endpoint answers 503. PING is answered with PONG; every
// other interaction runs the same handlers as the gateway, with the first
// response in the HTTP response and later edits and follow-ups over REST.
func (b *Bot) HTTPHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", b.serveHTTP)
	return mux
}

// RunHTTP does what HTTP-interactions mode needs besides the handler:
// registers the commands, retries the alert outbox, and on cancellation
// waits (bounded) for interactions in flight. Run it beside the HTTP
// server that mounts HTTPHandler.
func (b *Bot) RunHTTP(ctx context.Context) error {
	if b.session == nil || b.pubKey == nil {
		return errors.New("bot: HTTP-interactions mode needs DISCORD_TOKEN and DISCORD_PUBLIC_KEY")
	}
	if err := b.checkToken(ctx); err != nil {
		return err
	}
	b.ops.httpOn.Store(true)
	defer b.ops.httpOn.Store(false)
	if err := b.registerCommands(ctx); err != nil {
		b.log.ErrorContext(ctx, "registering commands failed", "err", err)
	}
	feedsDone := b.startPoller(ctx)
	b.runOutbox(ctx)
	b.drain()
	<-feedsDone
	return nil
}

// firstResponseWait bounds how long the HTTP handler waits for the first
// response; the deferral budget normally answers far sooner.
const firstResponseWait = 2800 * time.Millisecond

func (b *Bot) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if b.pubKey == nil {
		http.Error(w, "interactions endpoint not configured", http.StatusServiceUnavailable)
		return
	}
	i, ok := b.verified(w, r)
	if !ok {
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	// A request is fresh up to MaxClockSkew after its timestamp, which may
	// itself lie MaxClockSkew in the future: twice the window covers every
	// replay the timestamp check lets through. The record is in the state
	// store, so a replay reaching another instance is refused too.
	now := b.now()
	first, err := b.store.RecordInteraction(r.Context(), i.ID, now, now.Add(2*b.cfg.MaxClockSkew))
	if err != nil {
		b.log.Error("recording the interaction failed; refused", "interaction", i.ID, "err", err)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "state unavailable", http.StatusServiceUnavailable)
		return
	}
	if !first {
		b.log.Warn("replayed interaction refused", "interaction", i.ID)
		http.Error(w, "interaction already received", http.StatusConflict)
		return
	}

	hr := &httpResponder{
		restResponder: restResponder{s: b.session, i: i, b: b},
		first:         make(chan firstResponse),
		gone:          make(chan struct{}),
	}
	defer close(hr.gone)
	go b.serve(r.Context(), hr, inputOf(i))
	timer := time.NewTimer(firstResponseWait)
	defer timer.Stop()
	select {
	case fr := <-hr.first:
		fr.written <- writeJSON(w, fr.resp)
	case <-timer.C:
		b.log.Error("no first response in time", "interaction", i.ID)
		http.Error(w, "timeout", http.StatusServiceUnavailable)
	case <-r.Context().Done():
	}
}

// verified reads and checks one request: signature, timestamp, and an
// interaction with an ID and token. Bodies are read before they can be
// checked, so at most Config.MaxUnverified are read at once; past that the
// endpoint answers 503 at once rather than letting unauthenticated
// requests hold MaxBodyBytes each without bound. On false the response has
// been written.
func (b *Bot) verified(w http.ResponseWriter, r *http.Request) (*discordgo.Interaction, bool) {
	select {
	case b.unverified <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "too many requests being verified", http.StatusServiceUnavailable)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.cfg.MaxBodyBytes))
	<-b.unverified // the body is read; verifying it holds no connection
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return nil, false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, b.pubKey) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return nil, false
	}
	if !b.fresh(r.Header.Get("X-Signature-Timestamp")) {
		http.Error(w, "stale request timestamp", http.StatusUnauthorized)
		return nil, false
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "invalid interaction", http.StatusBadRequest)
		return nil, false
	}
	if i.Type != discordgo.InteractionPing && (i.ID == "" || i.Token == "") {
		http.Error(w, "invalid interaction: no id or token", http.StatusBadRequest)
		return nil, false
	}
	return &i, true
}

// fresh reports whether a signature timestamp (Unix seconds) is within
// the allowed clock skew of now.
func (b *Bot) fresh(ts string) bool {
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := b.now().Sub(time.Unix(sec, 0))
	return d <= b.cfg.MaxClockSkew && d >= -b.cfg.MaxClockSkew
}

func writeJSON(w http.ResponseWriter, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(data)
	return err
}

// httpResponder sends the first response as the HTTP response body, the
// rest over REST. respond returns only once the body is written, so an
// edit can never overtake the response it edits.
type httpResponder struct {
	restResponder
	first chan firstResponse
	gone  chan struct{} // closed when the HTTP request gave up
}

type firstResponse struct {
	resp    *discordgo.InteractionResponse
	written chan error
}

func (h *httpResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	fr := firstResponse{resp: resp, written: make(chan error, 1)}
	select {
	case h.first <- fr:
	case <-h.gone:
		return errRequestGone
	case <-ctx.Done():
		return ctx.Err()
	}
	if err := <-fr.written; err != nil {
		return fmt.Errorf("bot: write interaction response: %w", err)
	}
	return nil
}
