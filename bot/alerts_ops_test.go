package bot

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// TestAlertSurvivesDeathMidPost closes the gap between claiming an alert
// and posting it: the process "dies" while the post is in flight (the post
// never returns and the state file is closed under it); a bot started on
// the same state file posts the alert from the outbox, once, when the dead
// process's lease on it has ended.
func TestAlertSurvivesDeathMidPost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	ctx := context.Background()
	alerts := seedLib().alerts

	st1, err := boltstate.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	dead, err := New(Config{GuildID: "g1", AlertChannelID: "alerts"}, Deps{Library: seedLib(), Store: st1})
	if err != nil {
		t.Fatal(err)
	}
	entered := make(chan struct{})
	never := make(chan struct{})
	dead.post = func(ctx context.Context, _ string, _ *discordgo.MessageSend) error {
		close(entered)
		<-never // the process is gone
		return errors.New("killed")
	}
	done := make(chan struct{})
	go func() { defer close(done); dead.PostAlerts(ctx, "g1", alerts) }()
	<-entered
	st1.Close() // nothing more reaches the file

	st2, err := boltstate.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	// The dead process leased the entry while it posted: another worker
	// leaves it alone until the lease has run out (dispatch.Config.Lease,
	// 2 min), then posts it.
	var posts atomic.Int32
	soon, _ := New(Config{GuildID: "g1", AlertChannelID: "alerts"}, Deps{Library: seedLib(), Store: st2})
	soon.post = func(context.Context, string, *discordgo.MessageSend) error { posts.Add(1); return nil }
	if err := soon.RetryAlerts(ctx); err != nil || posts.Load() != 0 {
		t.Fatalf("posted %d (err %v) while the dead process's lease held; want 0", posts.Load(), err)
	}
	later := func() time.Time { return time.Now().Add(3 * time.Minute) }
	restarted, _ := New(Config{GuildID: "g1", AlertChannelID: "alerts"}, Deps{Library: seedLib(), Store: st2, Now: later})
	restarted.post = func(context.Context, string, *discordgo.MessageSend) error { posts.Add(1); return nil }
	if err := restarted.RetryAlerts(ctx); err != nil {
		t.Fatal(err)
	}
	if n := posts.Load(); n != 1 {
		t.Fatalf("%d posts after the restart; want the queued alert posted once", n)
	}
	restarted.PostAlerts(ctx, "g1", alerts)
	restarted.RetryAlerts(ctx)
	if n := posts.Load(); n != 1 {
		t.Errorf("%d posts; the alert was posted twice", n)
	}
	if pending, _ := st2.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v; want empty", pending)
	}
	close(never)
	<-done
}

// TestAlertPostAndRetryRace: alerts posted directly and from the outbox at
// the same time are posted once each.
func TestAlertPostAndRetryRace(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts"})
	ctx := context.Background()
	h.store.SetGuildSettings(ctx, "g2", state.GuildSettings{AlertChannelID: "alerts"})
	alerts := h.lib.alerts
	// The first post fails: the alert is in the outbox, due after the
	// back-off.
	h.b.post = func(context.Context, string, *discordgo.MessageSend) error { return errors.New("HTTP 503") }
	h.b.PostAlerts(ctx, "g1", alerts)
	h.clock.Add(time.Hour)

	var posts atomic.Int32
	h.b.post = func(context.Context, string, *discordgo.MessageSend) error { posts.Add(1); return nil }
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(3)
		go func() { defer wg.Done(); h.b.RetryAlerts(ctx) }()
		go func() { defer wg.Done(); h.b.PostAlerts(ctx, "g1", alerts) }()
		go func() { defer wg.Done(); h.b.PostAlerts(ctx, "g2", alerts) }()
	}
	wg.Wait()
	h.b.RetryAlerts(ctx)
	if n := posts.Load(); n != 2 {
		t.Errorf("%d posts; want 2 (once in g1 from the outbox, once in g2)", n)
	}
	if pending, _ := h.store.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v", pending)
	}
}

// panicResponder panics on its first response, as a bug in delivery code
// would, then records.
type panicResponder struct {
	recorder
	once sync.Once
}

func (p *panicResponder) respond(ctx context.Context, r *discordgo.InteractionResponse) error {
	panicked := false
	p.once.Do(func() { panicked = true })
	if panicked {
		panic("delivery bug")
	}
	return p.recorder.respond(ctx, r)
}

// TestPanicOutsideTheHandler: a panic while delivering does not escape
// serve (it would end the process); the user gets an error answer and the
// interaction is recorded as a panic.
func TestPanicOutsideTheHandler(t *testing.T) {
	h := newHarness(t, Config{})
	m := newRecMetrics()
	h.b.ops.metrics = m
	rs := &panicResponder{}
	h.b.serve(context.Background(), rs, guildUser(cmdStats, nil))
	calls := rs.all()
	if len(calls) != 1 || calls[0].op != "respond" {
		t.Fatalf("calls = %v; want one error response", rs.ops())
	}
	mustContain(t, calls[0].resp.Data.Content, "Something went wrong")
	if len(m.events) != 1 || m.events[0].Outcome != OutcomePanic || m.events[0].Command != cmdStats {
		t.Errorf("events = %+v", m.events)
	}
	// The bot serves on.
	rec := h.run(guildUser(cmdStats, nil))
	if ops := rec.ops(); len(ops) != 1 || ops[0] != "respond" {
		t.Errorf("next interaction: %v", ops)
	}
}

// TestInteractionEvents: what one interaction reports, per outcome.
func TestInteractionEvents(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want InteractionEvent
	}{
		{"ok", guildUser(cmdStats, nil), InteractionEvent{Command: "stats", Kind: "command", Outcome: OutcomeOK}},
		{"refused", guildUser(cmdReindex, nil), InteractionEvent{Command: "reindex", Kind: "command", Outcome: OutcomeRefused}},
		{"unknown", guildUser("bogus", nil), InteractionEvent{Command: "unknown", Kind: "command", Outcome: OutcomeUnknown}},
		{"button", Input{Kind: KindComponent, CustomID: "claim:0:1:nope:next", UserID: "u1"},
			InteractionEvent{Command: "button:claim", Kind: "component", Outcome: OutcomeOK}},
		{"bad button", Input{Kind: KindComponent, CustomID: "evil:" + string(make([]byte, 50)), UserID: "u1"},
			InteractionEvent{Command: "unknown", Kind: "component", Outcome: OutcomeUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			m := newRecMetrics()
			h.b.ops.metrics = m
			h.run(tt.in)
			if len(m.events) != 1 || m.events[0] != tt.want {
				t.Errorf("events = %+v; want %+v", m.events, tt.want)
			}
		})
	}
}
