package dispatch_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/dispatch"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

var epoch = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// clock is a settable time shared by the dispatchers of a test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// poster records posts; fail, when set, decides which fail.
type poster struct {
	mu    sync.Mutex
	posts []string // "channel locale key"
	fail  func(channel string) error
	block chan struct{} // when set, posts wait on it
}

func (p *poster) PostAlert(_ context.Context, ch, locale string, a claims.Alert) error {
	if p.block != nil {
		<-p.block
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		if err := p.fail(ch); err != nil {
			return err
		}
	}
	p.posts = append(p.posts, ch+" "+locale+" "+a.Key())
	return nil
}

func (p *poster) all() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := append([]string(nil), p.posts...)
	sort.Strings(out)
	return out
}

// views gives every guild the report's alerts, and a guild's own alerts
// from GuildAlerts.
type views struct{}

func (views) AlertsFor(guildID string, rep library.Report) []claims.Alert {
	return append(append([]claims.Alert(nil), rep.Alerts...), rep.GuildAlerts[guildID]...)
}

func alert(kind claims.Kind, article string) claims.Alert {
	return claims.Alert{Kind: kind, Severity: "high",
		New:      claims.Side{Article: article, Paragraph: 1, Figure: "100 Soldaten"},
		Existing: []claims.Side{{Article: "old", Paragraph: 2, Figure: "200 Soldaten"}}}
}

func openStore(t *testing.T) state.Store {
	t.Helper()
	st, err := boltstate.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newDispatcher(st state.Store, p *poster, c *clock, fallback string) *dispatch.Dispatcher {
	return dispatch.New(dispatch.Config{
		Store: st, Poster: p, Views: views{}, Now: c.Now,
		Locale: func(g string) string { return "de-" + g },
		Fallback: func(context.Context) (string, string) {
			if fallback == "" {
				return "", ""
			}
			return fallback, "fallback-channel"
		},
	})
}

func TestDeliverBroadcastsToGuildsWithChannels(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for g, ch := range map[string]string{"g1": "c1", "g2": "c2", "g3": state.AlertsOff} {
		if err := st.SetGuildSettings(ctx, g, state.GuildSettings{AlertChannelID: ch}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetGuildSettings(ctx, "g5", state.GuildSettings{ModeratorRoleID: "r"}); err != nil {
		t.Fatal(err)
	}
	p := &poster{}
	d := newDispatcher(st, p, &clock{now: epoch}, "g4")
	base := alert(claims.KindConflict, "new")
	own := alert(claims.KindDenial, "mine")
	update := alert(claims.KindUpdate, "later")
	rep := library.Report{Collection: library.Base, Alerts: []claims.Alert{base, update}, GuildAlerts: map[string][]claims.Alert{"g2": {own}}}
	got := d.Deliver(ctx, rep)
	want := map[string]int{"g1": 1, "g2": 2, "g4": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Deliver posted %v; want %v (g3 turned alerts off, g5 has no channel, g4 has the default channel, updates are not posted)", got, want)
	}
	wantPosts := []string{
		"c1 de-g1 " + base.Key(), "c2 de-g2 " + base.Key(), "c2 de-g2 " + own.Key(), "fallback-channel de-g4 " + base.Key(),
	}
	sort.Strings(wantPosts)
	if fmt.Sprint(p.all()) != fmt.Sprint(wantPosts) {
		t.Errorf("posts = %q\nwant %q", p.all(), wantPosts)
	}
	// Again: nothing new anywhere.
	if got := d.Deliver(ctx, rep); len(got) != 0 {
		t.Errorf("second Deliver posted %v", got)
	}
	// A guild collection's report goes to that guild alone.
	g1 := library.Collection("guild-1300000000000000001")
	rep = library.Report{Collection: g1, Alerts: []claims.Alert{alert(claims.KindConflict, "g1-only")}}
	if err := st.SetGuildSettings(ctx, g1.Guild(), state.GuildSettings{AlertChannelID: "c9"}); err != nil {
		t.Fatal(err)
	}
	if got := d.Deliver(ctx, rep); fmt.Sprint(got) != fmt.Sprint(map[string]int{g1.Guild(): 1}) {
		t.Errorf("guild report posted %v", got)
	}
}

func TestPostSkipsJudgedAndOnlyOnce(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	st.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: "c1"})
	p := &poster{}
	d := newDispatcher(st, p, &clock{now: epoch}, "")
	a, b := alert(claims.KindConflict, "a"), alert(claims.KindRetraction, "b")
	if err := st.SetVerdict(ctx, "g1", b.Key(), state.Verdict{Value: state.VerdictNotContradiction, By: "m"}); err != nil {
		t.Fatal(err)
	}
	if n := d.Post(ctx, "g1", []claims.Alert{a, b}); n != 1 {
		t.Errorf("posted %d; want 1 (the other was judged)", n)
	}
	if n := d.Post(ctx, "g1", []claims.Alert{a, b}); n != 0 {
		t.Errorf("posted %d again", n)
	}
	if n := d.Post(ctx, "g2", []claims.Alert{a}); n != 0 {
		t.Errorf("posted %d to a guild without a channel", n)
	}
}

// TestFailedPostIsRetriedWithBackoff: a failed post is queued with the
// first back-off, retried when due, backed off again on failure, posted
// and acked on success.
func TestFailedPostIsRetriedWithBackoff(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	st.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: "c1"})
	c := &clock{now: epoch}
	p := &poster{fail: func(string) error { return errors.New("HTTP 503") }}
	d := newDispatcher(st, p, c, "")
	a := alert(claims.KindConflict, "a")
	if n := d.Post(ctx, "g1", []claims.Alert{a}); n != 0 {
		t.Fatalf("posted %d while Discord fails", n)
	}
	pending, _ := st.PendingAlerts(ctx, 0)
	if len(pending) != 1 || pending[0].Attempts != 1 || pending[0].LastError != "HTTP 503" || !pending[0].NextAttempt.Equal(epoch.Add(time.Minute)) {
		t.Fatalf("outbox = %+v; want one entry, 1 attempt, due in a minute", pending)
	}
	if err := d.Retry(ctx); err != nil || len(p.all()) != 0 {
		t.Fatalf("retry before due: %v, posts %v", err, p.all())
	}
	c.Add(time.Minute)
	d.Retry(ctx)
	pending, _ = st.PendingAlerts(ctx, 0)
	if len(pending) != 1 || pending[0].Attempts != 2 || !pending[0].NextAttempt.Equal(c.Now().Add(2*time.Minute)) {
		t.Fatalf("after a failed retry: %+v; want 2 attempts, due in 2 minutes", pending)
	}
	p.fail = nil
	c.Add(2 * time.Minute)
	d.Retry(ctx)
	if got := p.all(); len(got) != 1 || got[0] != "c1 de-g1 "+a.Key() {
		t.Errorf("posts = %q; want the alert once, in the guild's language", got)
	}
	if pending, _ = st.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox after the post = %+v", pending)
	}
}

func TestRetryDropsWhenOffOrJudged(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	st.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: "c1"})
	st.SetGuildSettings(ctx, "g2", state.GuildSettings{AlertChannelID: "c2"})
	c := &clock{now: epoch}
	p := &poster{fail: func(string) error { return errors.New("HTTP 403") }}
	d := newDispatcher(st, p, c, "")
	a := alert(claims.KindConflict, "a")
	d.Post(ctx, "g1", []claims.Alert{a})
	d.Post(ctx, "g2", []claims.Alert{a})
	st.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: state.AlertsOff})
	st.SetVerdict(ctx, "g2", a.Key(), state.Verdict{Value: state.VerdictConfirmed, By: "m"})
	p.fail = nil
	c.Add(time.Hour)
	d.Retry(ctx)
	if len(p.all()) != 0 {
		t.Errorf("posted %v", p.all())
	}
	if pending, _ := st.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v; want both dropped", pending)
	}
}

// TestTwoDispatchersPostOnce: two dispatchers on one store (two instances
// of the bot on one database) deliver the same changes and retry the same
// outbox at once; every alert is posted once per guild.
func TestTwoDispatchersPostOnce(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for i := range 4 {
		st.SetGuildSettings(ctx, fmt.Sprintf("g%d", i), state.GuildSettings{AlertChannelID: fmt.Sprintf("c%d", i)})
	}
	c := &clock{now: epoch}
	var flaky sync.Map // channel → failed once
	p := &poster{fail: func(ch string) error {
		if _, done := flaky.LoadOrStore(ch, true); !done {
			return errors.New("HTTP 502")
		}
		return nil
	}}
	a, b := newDispatcher(st, p, c, ""), newDispatcher(st, p, c, "")
	var alerts []claims.Alert
	for i := range 5 {
		alerts = append(alerts, alert(claims.KindConflict, fmt.Sprintf("art%d", i)))
	}
	rep := library.Report{Collection: library.Base, Alerts: alerts}
	var wg sync.WaitGroup
	for range 8 {
		for _, d := range []*dispatch.Dispatcher{a, b} {
			wg.Add(2)
			go func() { defer wg.Done(); d.Deliver(ctx, rep) }()
			go func() { defer wg.Done(); d.Retry(ctx) }()
		}
	}
	wg.Wait()
	for range 3 {
		c.Add(time.Hour)
		wg.Add(2)
		go func() { defer wg.Done(); a.Retry(ctx) }()
		go func() { defer wg.Done(); b.Retry(ctx) }()
		wg.Wait()
	}
	got := p.all()
	if len(got) != 4*len(alerts) {
		t.Errorf("%d posts; want %d (every alert once in each of 4 guilds)", len(got), 4*len(alerts))
	}
	for i := 1; i < len(got); i++ {
		if got[i] == got[i-1] {
			t.Errorf("posted twice: %s", got[i])
		}
	}
	if pending, _ := st.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v", pending)
	}
}

// TestLeaseKeepsOtherWorkersOff: while one dispatcher is posting an alert
// (the post is slow), another's outbox pass leaves it alone; if the first
// never finishes (its process died), the second posts it when the lease
// has ended.
func TestLeaseKeepsOtherWorkersOff(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	st.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: "c1"})
	c := &clock{now: epoch}
	stuck := &poster{block: make(chan struct{})}
	dead := newDispatcher(st, stuck, c, "")
	done := make(chan struct{})
	go func() { defer close(done); dead.Post(ctx, "g1", []claims.Alert{alert(claims.KindConflict, "a")}) }()
	defer func() { close(stuck.block); <-done }()
	// Wait until the claim is in the store.
	for {
		if pending, _ := st.PendingAlerts(ctx, 0); len(pending) == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	p := &poster{}
	other := newDispatcher(st, p, c, "")
	c.Add(time.Minute)
	other.Retry(ctx)
	if len(p.all()) != 0 {
		t.Fatalf("posted %v while the first dispatcher's lease held", p.all())
	}
	c.Add(2 * time.Minute)
	other.Retry(ctx)
	if len(p.all()) != 1 {
		t.Errorf("posts after the lease ended: %v; want 1", p.all())
	}
	if pending, _ := st.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v", pending)
	}
}
