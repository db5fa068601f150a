package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
)

// Fault and bad-input tests against the fake Discord: REST 429 and 5xx
// while answering, a gateway drop in the middle of an interaction, a
// panicking handler, hostile queries, malformed and unknown interactions.
// The bot must answer every interaction it accepted, stay up, and change
// nothing it should not.

// recMetrics records what the bot reports, for assertions.
type recMetrics struct {
	mu       sync.Mutex
	events   []InteractionEvent
	searches map[string]int
	alerts   map[string]int
	rest     map[string]int // "METHOD route status"
	limited  int
	retries  map[string]int
	gateway  chan string
	changed  chan struct{} // closed and replaced when an event is recorded
}

func newRecMetrics() *recMetrics {
	return &recMetrics{searches: map[string]int{}, alerts: map[string]int{}, rest: map[string]int{},
		retries: map[string]int{}, gateway: make(chan string, 64), changed: make(chan struct{})}
}

func (m *recMetrics) Interaction(ev InteractionEvent) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events = append(m.events, ev)
	close(m.changed)
	m.changed = make(chan struct{})
}

// waitEvent waits for a recorded interaction matching ok: events are
// recorded after the last message went out, so after the test saw it.
func (m *recMetrics) waitEvent(ctx context.Context, t *testing.T, ok func(InteractionEvent) bool) InteractionEvent {
	t.Helper()
	for {
		m.mu.Lock()
		for _, ev := range m.events {
			if ok(ev) {
				m.mu.Unlock()
				return ev
			}
		}
		ch := m.changed
		m.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			t.Fatal("no matching interaction event recorded")
			return InteractionEvent{}
		}
	}
}

func (m *recMetrics) Search(outcome string, _ time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.searches[outcome]++
}

func (m *recMetrics) Reindex(time.Duration, error) {}

func (m *recMetrics) Alerts(stage string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.alerts[stage] += n
}

func (m *recMetrics) REST(method, route string, status int, _ time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.rest[method+" "+route+" "+http.StatusText(status)]++
}

func (m *recMetrics) RateLimited(string, time.Duration, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.limited++
}

func (m *recMetrics) Retry(op string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.retries[op]++
}

func (m *recMetrics) FeedPoll(ingest.PollReport, error) {}

func (m *recMetrics) Gateway(event string) {
	select {
	case m.gateway <- event:
	default:
	}
}

func (m *recMetrics) retried(op string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.retries[op]
}

func (m *recMetrics) waitGateway(ctx context.Context, t *testing.T, want string) {
	t.Helper()
	for {
		select {
		case ev := <-m.gateway:
			if ev == want {
				return
			}
		case <-ctx.Done():
			t.Fatalf("no gateway event %q", want)
		}
	}
}

// panickyLib panics on searches for "panik", as a bug in a handler would.
type panickyLib struct{ Library }

func (p panickyLib) Search(ctx context.Context, c library.Collection, q string, o index.SearchOptions) (index.Result, error) {
	if strings.Contains(q, "panik") {
		var hits []index.Hit
		_ = hits[len(q)] // index out of range: a real runtime panic
	}
	return p.Library.Search(ctx, c, q, o)
}

// startOpsE2E is startE2E with recorded metrics.
func startOpsE2E(t *testing.T, lib Library) (*e2e, *recMetrics) {
	t.Helper()
	m := newRecMetrics()
	return startE2EWithMetrics(t, lib, newMemStore(), Config{GuildID: e2eGuild}, m), m
}

// send prepares an interaction (so its token is known), lets prepare add
// faults for it, and dispatches it.
func (e *e2e) send(b *fakediscord.Builder, prepare func(i *discordgo.Interaction)) *discordgo.Interaction {
	i := e.fake.Prepare(b.Build())
	if prepare != nil {
		prepare(i)
	}
	e.fake.Dispatch("INTERACTION_CREATE", i)
	return i
}

// waitOK waits for a successful request of an operation for a token.
func (e *e2e) waitOK(token, op string) fakediscord.Request {
	e.t.Helper()
	r, err := e.fake.WaitFor(e.ctx, func(r fakediscord.Request) bool {
		return r.Operation == op && r.Status < 300 && (r.Params["interaction_token"] == token || r.Params["webhook_token"] == token)
	})
	if err != nil {
		e.t.Fatalf("waiting for a successful %s: %v", op, err)
	}
	return r
}

func forToken(token, op string) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Operation == op && (r.Params["interaction_token"] == token || r.Params["webhook_token"] == token)
	}
}

func TestE2EFaults(t *testing.T) {
	t.Parallel()
	lib := e2eLibrary(t)
	e, m := startOpsE2E(t, panickyLib{lib})

	// slow makes the next search wait for the returned release, with the
	// deferral timer firing, so the answer goes out as an edit.
	slow := func(t *testing.T) func() {
		gate := e.lib.hold()
		e.timers.setFire(true)
		var once sync.Once
		release := func() {
			once.Do(func() {
				close(gate)
				e.lib.mu.Lock()
				e.lib.gate = nil
				e.lib.mu.Unlock()
			})
		}
		t.Cleanup(func() { e.timers.setFire(false); release() })
		return release
	}

	t.Run("429 and 503 on the deferred answer", func(t *testing.T) {
		release := slow(t)
		before := m.retried("edit")
		i := e.send(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk")), func(i *discordgo.Interaction) {
			e.fake.Inject(forToken(i.Token, "update_original_webhook_message"),
				fakediscord.RateLimited(20*time.Millisecond, false),
				fakediscord.Status(http.StatusServiceUnavailable),
				fakediscord.Status(http.StatusServiceUnavailable))
		})
		if resp := e.callback(i); resp.Type != 5 {
			t.Fatalf("first response type %d; want a deferral", resp.Type)
		}
		release()
		edit := decodeMessage(t, e.waitOK(i.Token, "update_original_webhook_message"))
		mustContain(t, edit.text(), "**Minenräumer**")
		if got := m.retried("edit") - before; got != 2 {
			t.Errorf("%d retries of the edit; want 2 (one per 503)", got)
		}
		m.mu.Lock()
		limited := m.limited
		m.mu.Unlock()
		if limited == 0 {
			t.Error("the 429 was not reported as a rate-limit wait")
		}
	})

	t.Run("503 on the first response", func(t *testing.T) {
		i := e.send(fakediscord.SlashCommand("stats"), func(i *discordgo.Interaction) {
			e.fake.Inject(forToken(i.Token, "create_interaction_response"), fakediscord.Status(http.StatusServiceUnavailable))
		})
		var w wireResponse
		if err := e.waitOK(i.Token, "create_interaction_response").Decode(&w); err != nil {
			t.Fatal(err)
		}
		mustContain(t, w.Data.text(), "Articles")
		if n := len(e.fake.InteractionResponses(i.Token)); n != 2 {
			t.Errorf("%d callback requests; want the 503 and its retry", n)
		}
	})

	t.Run("5xx on the follow-up", func(t *testing.T) {
		release := slow(t)
		// A public /claim with no results: the public deferral is deleted
		// and the ephemeral answer sent as a follow-up.
		i := e.send(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Quantencomputer Bienenzucht"), fakediscord.Opt("public", true)),
			func(i *discordgo.Interaction) {
				e.fake.Inject(forToken(i.Token, "execute_webhook"),
					fakediscord.Status(http.StatusInternalServerError), fakediscord.Status(http.StatusGatewayTimeout))
			})
		e.callback(i)
		release()
		r := e.waitOK(i.Token, "execute_webhook")
		mustContain(t, decodeMessage(t, r).text(), "Quantencomputer")
	})

	t.Run("gateway dropped mid-interaction", func(t *testing.T) {
		release := slow(t)
		i := e.send(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Schoigu")), nil)
		e.callback(i) // deferred; the search is still running
		e.fake.DropGateway()
		m.waitGateway(e.ctx, t, "disconnected")
		if err := e.bot.Ready(); err == nil {
			t.Error("Ready() is nil while the gateway is down")
		}
		if err := e.fake.WaitResumed(e.ctx); err != nil {
			t.Fatal(err)
		}
		m.waitGateway(e.ctx, t, "resumed")
		if err := e.bot.Ready(); err != nil {
			t.Errorf("Ready() after the resume: %v", err)
		}
		release()
		edit := decodeMessage(t, e.waitOK(i.Token, "update_original_webhook_message"))
		mustContain(t, edit.text(), "Schoigu")
		e.timers.setFire(false)
		_, resp := e.interact(fakediscord.SlashCommand("stats"))
		mustContain(t, resp.Data.text(), "Articles")
	})

	t.Run("a panicking handler", func(t *testing.T) {
		_, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "panik Soldaten")))
		mustContain(t, resp.Data.text(), "Something went wrong")
		if !resp.Data.ephemeral() {
			t.Error("the error is public")
		}
		_, resp = e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer")))
		mustContain(t, resp.Data.text(), "**Minenräumer**")
		m.waitEvent(e.ctx, t, func(ev InteractionEvent) bool { return ev.Outcome == OutcomePanic && ev.Command == "claim" })
	})

	t.Run("bad queries", func(t *testing.T) {
		before := lib.Stats(library.Base)
		tests := []struct {
			name, query string
			want        string
		}{
			{"empty", "   ", "Please give me a claim"},
			{"10000 characters", strings.Repeat("Soldaten ", 1112), "the limit is 300"},
			{"binary", "\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n", ""},
			{"control characters", "\a\b\x1b[2J\x1b[31mSoldaten\x00\u202e", ""},
			{"markdown and mentions", "@everyone <@123> **Soldaten** `x`", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", tt.query)))
				if resp.Type != 4 || !resp.Data.ephemeral() {
					t.Errorf("type %d flags %d; want an ephemeral answer", resp.Type, resp.Data.Flags)
				}
				got := resp.Data.text()
				if got == "" || strings.Contains(got, "Something went wrong") {
					t.Errorf("answer %q; want a clear message", got)
				}
				if tt.want != "" {
					mustContain(t, got, tt.want)
				}
				if strings.Contains(got, "@everyone") && !strings.Contains(got, "\\@everyone") && resp.Data.AllowedMentions == nil {
					t.Error("mention not neutralised")
				}
			})
		}
		if after := lib.Stats(library.Base); after != before {
			t.Errorf("index stats changed: %+v → %+v", before, after)
		}
	})

	t.Run("unknown command", func(t *testing.T) {
		_, resp := e.interact(fakediscord.SlashCommand("frobnicate", fakediscord.Opt("x", "y")))
		mustContain(t, resp.Data.text(), "I don't know that command")
		// Recorded without the user-chosen name as a label.
		m.waitEvent(e.ctx, t, func(ev InteractionEvent) bool { return ev.Command == "unknown" && ev.Outcome == OutcomeUnknown })
		m.mu.Lock()
		for _, ev := range m.events {
			if ev.Command == "frobnicate" {
				t.Errorf("recorded %+v", ev)
			}
		}
		m.mu.Unlock()
	})

	t.Run("malformed INTERACTION_CREATE", func(t *testing.T) {
		before := lib.Stats(library.Base)
		// Fields of the wrong type: discordgo cannot decode it.
		raw := json.RawMessage(`{"id":"1290000000000009001","token":"malformed-token-1","type":2,"application_id":"` +
			e.fake.AppID() + `","channel_id":"` + e2eChannel + `","data":{"type":1,"name":42,"options":"x"},"locale":7}`)
		e.fake.Dispatch("INTERACTION_CREATE", raw)
		// The bot is still up and answers the next interaction.
		_, resp := e.interact(fakediscord.SlashCommand("stats"))
		mustContain(t, resp.Data.text(), "Articles")
		for _, r := range e.fake.InteractionResponses("malformed-token-1") {
			if r.Status < 300 && !strings.Contains(decodeMessage(t, r).text(), "know that command") {
				t.Errorf("malformed interaction answered with %s", r.Body)
			}
		}
		if after := lib.Stats(library.Base); after != before {
			t.Errorf("index stats changed: %+v → %+v", before, after)
		}
	})
}

// TestE2EShutdownFinishesInflight: on shutdown the bot stops taking new
// interactions (they are told it is restarting) but finishes the ones in
// flight before it disconnects.
func TestE2EShutdownFinishesInflight(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	fake := fakediscord.New(t)
	lib := &gatedLib{Library: e2eLibrary(t)}
	tm := &timers{only: 1500 * time.Millisecond}
	b, err := New(Config{Token: e2eToken, APIBase: fake.URL(), GuildID: e2eGuild, ClaimRate: 1000},
		Deps{Library: lib, After: tm.After})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- b.RunGateway(runCtx) }()
	if err := fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	gate := lib.hold()
	tm.setFire(true)
	i := fake.Interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer")).Build())
	if _, err := fake.WaitFor(ctx, forToken(i.Token, "create_interaction_response")); err != nil {
		t.Fatal(err)
	}
	// SIGTERM; then wait until RunGateway has started draining.
	stop()
	for !b.track.isClosed() {
		select {
		case <-ctx.Done():
			t.Fatal("never started draining")
		case <-time.After(time.Millisecond):
		}
	}
	late := fake.Interact(fakediscord.SlashCommand("stats").Build())
	r, err := fake.WaitFor(ctx, forToken(late.Token, "create_interaction_response"))
	if err != nil {
		t.Fatal(err)
	}
	var w wireResponse
	r.Decode(&w)
	mustContain(t, w.Data.text(), "restarting")
	select {
	case err := <-done:
		t.Fatalf("RunGateway returned (%v) with an interaction in flight", err)
	default:
	}
	close(gate)
	edit, err := fake.WaitFor(ctx, forToken(i.Token, "update_original_webhook_message"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, decodeMessage(t, edit).text(), "**Minenräumer**")
	if err := <-done; err != nil {
		t.Errorf("RunGateway = %v", err)
	}
	if b.Ready() == nil {
		t.Error("Ready() after shutdown")
	}
}
