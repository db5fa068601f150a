// Package statetest is the conformance suite for state.Store. Every
// implementation (bbolt today, PostgreSQL next) runs it, so handlers can
// rely on the behaviour documented on the interface whichever store they get.
package statetest

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

// Run runs the suite. open must return a new, empty store for each call and
// close it when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) state.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, state.Store)
	}{
		{"GuildSettings", testGuildSettings},
		{"Verdicts", testVerdicts},
		{"ClaimAlert", testClaimAlert},
		{"ClaimAlertConcurrent", testClaimAlertConcurrent},
		{"Outbox", testOutbox},
		{"Audit", testAudit},
		{"Feeds", testFeeds},
		{"Items", testItems},
		{"InvalidArguments", testInvalidArguments},
		{"CancelledContext", testCancelledContext},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// t0 is a fixed instant for explicit timestamps; stores must round-trip it.
var t0 = time.Date(2024, 11, 18, 9, 30, 0, 0, time.UTC)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := claimbot.ErrorCode(err); got != code {
		t.Errorf("%s: error code %q (%v), want %q", what, got, err, code)
	}
}

func testGuildSettings(t *testing.T, s state.Store) {
	ctx := context.Background()
	got, err := s.GuildSettings(ctx, "g1")
	must(t, err)
	if got != (state.GuildSettings{}) {
		t.Errorf("unset settings = %+v, want zero", got)
	}
	steps := []struct {
		guild string
		set   state.GuildSettings
	}{
		{"g1", state.GuildSettings{AlertChannelID: "c1", ModeratorRoleID: "r1"}},
		{"g2", state.GuildSettings{AlertChannelID: "c2"}},
		{"g1", state.GuildSettings{AlertChannelID: "c3"}}, // replaces, does not merge
	}
	want := map[string]state.GuildSettings{}
	for _, st := range steps {
		must(t, s.SetGuildSettings(ctx, st.guild, st.set))
		want[st.guild] = st.set
		for g, w := range want {
			got, err := s.GuildSettings(ctx, g)
			must(t, err)
			if got != w {
				t.Errorf("after setting %s: settings of %s = %+v, want %+v", st.guild, g, got, w)
			}
		}
	}
}

func testVerdicts(t *testing.T, s state.Store) {
	ctx := context.Background()
	if _, ok, err := s.Verdict(ctx, "g1", "k1"); err != nil || ok {
		t.Fatalf("unset verdict: ok=%v err=%v, want false, nil", ok, err)
	}
	tests := []struct {
		guild, key string
		v          state.Verdict
	}{
		{"g1", "k1", state.Verdict{Value: state.VerdictConfirmed, By: "u1", At: t0}},
		{"g2", "k1", state.Verdict{Value: state.VerdictNotContradiction, By: "u2", At: t0.Add(time.Hour)}},
		{"g1", "k1", state.Verdict{Value: state.VerdictNotContradiction, By: "u3", At: t0.Add(2 * time.Hour)}},
	}
	for _, tt := range tests {
		must(t, s.SetVerdict(ctx, tt.guild, tt.key, tt.v))
		got, ok, err := s.Verdict(ctx, tt.guild, tt.key)
		must(t, err)
		if !ok || got.Value != tt.v.Value || got.By != tt.v.By || !got.At.Equal(tt.v.At) {
			t.Errorf("Verdict(%s, %s) = %+v, %v; want %+v", tt.guild, tt.key, got, ok, tt.v)
		}
	}
	// A verdict without a time gets the store's clock, not the zero time.
	must(t, s.SetVerdict(ctx, "g1", "k2", state.Verdict{Value: state.VerdictConfirmed, By: "u1"}))
	if got, _, err := s.Verdict(ctx, "g1", "k2"); err != nil || got.At.IsZero() {
		t.Errorf("verdict without time: At = %v, err %v; want the store's now", got.At, err)
	}
	err := s.SetVerdict(ctx, "g1", "k3", state.Verdict{Value: "maybe", By: "u1"})
	wantCode(t, "unknown verdict value", err, claimbot.EINVALID)
}

func testClaimAlert(t *testing.T, s state.Store) {
	ctx := context.Background()
	steps := []struct {
		guild, key string
		want       bool
	}{
		{"g1", "k1", true},
		{"g1", "k1", false},
		{"g2", "k1", true}, // guilds have their own ledgers
		{"g1", "k2", true},
		{"g2", "k1", false},
	}
	for i, st := range steps {
		got, err := s.ClaimAlert(ctx, st.guild, st.key)
		must(t, err)
		if got != st.want {
			t.Errorf("step %d: ClaimAlert(%s, %s) = %v, want %v", i, st.guild, st.key, got, st.want)
		}
	}
}

func testClaimAlertConcurrent(t *testing.T, s state.Store) {
	ctx := context.Background()
	const callers = 32
	const keys = 4
	var wg sync.WaitGroup
	wins := make([]int, keys)
	var mu sync.Mutex
	for i := 0; i < callers; i++ {
		for k := 0; k < keys; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				first, err := s.ClaimAlert(ctx, "g1", fmt.Sprintf("key-%d", k))
				if err != nil {
					t.Error(err)
					return
				}
				if first {
					mu.Lock()
					wins[k]++
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	for k, n := range wins {
		if n != 1 {
			t.Errorf("key-%d was claimed first by %d of %d callers, want exactly 1", k, n, callers)
		}
	}
}

func testOutbox(t *testing.T, s state.Store) {
	ctx := context.Background()
	if got, err := s.PendingAlerts(ctx, 0); err != nil || len(got) != 0 {
		t.Fatalf("empty outbox: %v, %v", got, err)
	}
	in := []state.PendingAlert{
		{GuildID: "g1", AlertKey: "b", ChannelID: "c1", Payload: []byte(`{"n":2}`), Enqueued: t0.Add(2 * time.Minute)},
		{GuildID: "g2", AlertKey: "a", ChannelID: "c2", Payload: []byte(`{"n":1}`), Enqueued: t0.Add(time.Minute)},
		{GuildID: "g1", AlertKey: "c", ChannelID: "c1", Payload: []byte(`{"n":3}`), Enqueued: t0.Add(3 * time.Minute)},
	}
	for _, p := range in {
		must(t, s.EnqueueAlert(ctx, p))
	}
	keys := func(ps []state.PendingAlert) string {
		var b bytes.Buffer
		for _, p := range ps {
			fmt.Fprintf(&b, "%s/%s ", p.GuildID, p.AlertKey)
		}
		return b.String()
	}
	tests := []struct {
		limit int
		want  string
	}{
		{0, "g2/a g1/b g1/c "},
		{-1, "g2/a g1/b g1/c "},
		{2, "g2/a g1/b "},
		{10, "g2/a g1/b g1/c "},
	}
	for _, tt := range tests {
		got, err := s.PendingAlerts(ctx, tt.limit)
		must(t, err)
		if keys(got) != tt.want {
			t.Errorf("PendingAlerts(%d) = %q, want %q", tt.limit, keys(got), tt.want)
		}
	}
	got, _ := s.PendingAlerts(ctx, 1)
	if len(got) == 1 && (!bytes.Equal(got[0].Payload, in[1].Payload) || got[0].ChannelID != "c2" || !got[0].Enqueued.Equal(in[1].Enqueued)) {
		t.Errorf("payload round trip: got %+v, want %+v", got[0], in[1])
	}

	// A failed retry re-enqueues: one entry, updated, first Enqueued kept.
	retry := in[0]
	retry.Attempts, retry.LastError, retry.NextAttempt = 1, "503 from Discord", t0.Add(time.Hour)
	retry.Enqueued = t0.Add(time.Hour)
	must(t, s.EnqueueAlert(ctx, retry))
	all, err := s.PendingAlerts(ctx, 0)
	must(t, err)
	if keys(all) != "g2/a g1/b g1/c " {
		t.Fatalf("after re-enqueue: %q, want the same three entries in the same order", keys(all))
	}
	if p := all[1]; p.Attempts != 1 || p.LastError != "503 from Discord" || !p.NextAttempt.Equal(retry.NextAttempt) || !p.Enqueued.Equal(in[0].Enqueued) {
		t.Errorf("re-enqueued entry = %+v; want attempts 1, the error, next attempt %v, enqueued %v", p, retry.NextAttempt, in[0].Enqueued)
	}

	must(t, s.AckAlert(ctx, "g1", "b"))
	must(t, s.AckAlert(ctx, "g1", "b")) // a second ack (another worker) is fine
	must(t, s.AckAlert(ctx, "g9", "none"))
	all, err = s.PendingAlerts(ctx, 0)
	must(t, err)
	if keys(all) != "g2/a g1/c " {
		t.Errorf("after ack: %q, want %q", keys(all), "g2/a g1/c ")
	}

	// Enqueued defaults to the store's clock.
	must(t, s.EnqueueAlert(ctx, state.PendingAlert{GuildID: "g3", AlertKey: "z"}))
	all, _ = s.PendingAlerts(ctx, 0)
	for _, p := range all {
		if p.Enqueued.IsZero() {
			t.Errorf("entry %s/%s has no Enqueued time", p.GuildID, p.AlertKey)
		}
	}
}

func testAudit(t *testing.T, s state.Store) {
	ctx := context.Background()
	if got, err := s.Audit(ctx, "g1", 0); err != nil || len(got) != 0 {
		t.Fatalf("empty audit: %v, %v", got, err)
	}
	for i := 0; i < 5; i++ {
		must(t, s.AppendAudit(ctx, state.AuditEntry{
			GuildID: "g1", UserID: fmt.Sprintf("u%d", i), Action: "verdict",
			Target: fmt.Sprintf("k%d", i), Detail: "confirmed", At: t0.Add(time.Duration(i) * time.Minute),
		}))
	}
	must(t, s.AppendAudit(ctx, state.AuditEntry{GuildID: "g2", UserID: "x", Action: "settings"}))
	tests := []struct {
		guild string
		limit int
		want  []string // targets, newest first
	}{
		{"g1", 0, []string{"k4", "k3", "k2", "k1", "k0"}},
		{"g1", 2, []string{"k4", "k3"}},
		{"g1", 99, []string{"k4", "k3", "k2", "k1", "k0"}},
		{"g2", 0, []string{""}},
		{"g3", 0, nil},
	}
	for _, tt := range tests {
		got, err := s.Audit(ctx, tt.guild, tt.limit)
		must(t, err)
		var targets []string
		for _, e := range got {
			targets = append(targets, e.Target)
		}
		if fmt.Sprint(targets) != fmt.Sprint(tt.want) || len(got) != len(tt.want) {
			t.Errorf("Audit(%s, %d) targets = %q, want %q", tt.guild, tt.limit, targets, tt.want)
		}
	}
	got, _ := s.Audit(ctx, "g1", 1)
	if len(got) == 1 {
		e := got[0]
		if e.GuildID != "g1" || e.UserID != "u4" || e.Action != "verdict" || e.Detail != "confirmed" || !e.At.Equal(t0.Add(4*time.Minute)) {
			t.Errorf("newest entry = %+v", e)
		}
	}
	got, _ = s.Audit(ctx, "g2", 1)
	if len(got) == 1 && got[0].At.IsZero() {
		t.Errorf("entry without time has no At; want the store's now")
	}
}

func testFeeds(t *testing.T, s state.Store) {
	ctx := context.Background()
	for _, u := range []string{"https://b.example/rss", "https://a.example/atom"} {
		must(t, s.AddFeed(ctx, state.Feed{URL: u, GuildID: "g1", AddedBy: "u1", Added: t0}))
	}
	wantCode(t, "duplicate feed", s.AddFeed(ctx, state.Feed{URL: "https://a.example/atom"}), claimbot.ECONFLICT)

	feeds, err := s.ListFeeds(ctx)
	must(t, err)
	if len(feeds) != 2 || feeds[0].URL != "https://a.example/atom" || feeds[1].URL != "https://b.example/rss" {
		t.Fatalf("ListFeeds = %+v, want a then b", feeds)
	}
	if f := feeds[0]; f.GuildID != "g1" || f.AddedBy != "u1" || !f.Added.Equal(t0) || f.FeedCursor != (state.FeedCursor{}) {
		t.Errorf("new feed = %+v, want its fields and an empty cursor", f)
	}

	cur := state.FeedCursor{ETag: `"v1"`, LastModified: "Mon, 18 Nov 2024 09:30:00 GMT", LastPoll: t0.Add(time.Hour)}
	must(t, s.SetFeedCursor(ctx, "https://a.example/atom", cur))
	failed := state.FeedCursor{ETag: `"v1"`, LastPoll: t0.Add(2 * time.Hour), LastError: "503 Service Unavailable"}
	must(t, s.SetFeedCursor(ctx, "https://b.example/rss", failed))
	feeds, err = s.ListFeeds(ctx)
	must(t, err)
	for i, want := range []state.FeedCursor{cur, failed} {
		got := feeds[i].FeedCursor
		if got.ETag != want.ETag || got.LastModified != want.LastModified || got.LastError != want.LastError || !got.LastPoll.Equal(want.LastPoll) {
			t.Errorf("cursor of %s = %+v, want %+v", feeds[i].URL, got, want)
		}
		if !feeds[i].Added.Equal(t0) || feeds[i].AddedBy != "u1" {
			t.Errorf("SetFeedCursor changed the feed's other fields: %+v", feeds[i])
		}
	}

	wantCode(t, "cursor of unknown feed", s.SetFeedCursor(ctx, "https://c.example/", cur), claimbot.ENOTFOUND)
	must(t, s.RemoveFeed(ctx, "https://a.example/atom"))
	wantCode(t, "remove twice", s.RemoveFeed(ctx, "https://a.example/atom"), claimbot.ENOTFOUND)
	wantCode(t, "cursor of removed feed", s.SetFeedCursor(ctx, "https://a.example/atom", cur), claimbot.ENOTFOUND)
	feeds, err = s.ListFeeds(ctx)
	must(t, err)
	if len(feeds) != 1 || feeds[0].URL != "https://b.example/rss" {
		t.Errorf("after remove: %+v", feeds)
	}
	// Re-adding a removed feed starts with a fresh cursor.
	must(t, s.AddFeed(ctx, state.Feed{URL: "https://a.example/atom", FeedCursor: cur}))
	feeds, _ = s.ListFeeds(ctx)
	if len(feeds) != 2 || feeds[0].FeedCursor != (state.FeedCursor{}) || feeds[0].Added.IsZero() {
		t.Errorf("re-added feed = %+v, want empty cursor and an Added time", feeds)
	}
}

func testItems(t *testing.T, s state.Store) {
	ctx := context.Background()
	steps := []struct {
		mark, id string // mark key as id first, when mark != ""
		key      string
		wantID   string
		wantSeen bool
	}{
		{key: "https://a.example/1"},
		{mark: "https://a.example/1", id: "a-1", key: "https://a.example/1", wantID: "a-1", wantSeen: true},
		{mark: "sha256:00ff", id: "a-1", key: "sha256:00ff", wantID: "a-1", wantSeen: true},
		{key: "https://a.example/2"},
		{mark: "https://a.example/1", id: "a-1", key: "https://a.example/1", wantID: "a-1", wantSeen: true}, // idempotent
	}
	for i, st := range steps {
		if st.mark != "" {
			must(t, s.MarkItem(ctx, st.mark, st.id))
		}
		id, seen, err := s.SeenItem(ctx, st.key)
		must(t, err)
		if id != st.wantID || seen != st.wantSeen {
			t.Errorf("step %d: SeenItem(%s) = %q, %v; want %q, %v", i, st.key, id, seen, st.wantID, st.wantSeen)
		}
	}
}

func testInvalidArguments(t *testing.T, s state.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
	}{
		{"settings without guild", func() error { _, err := s.GuildSettings(ctx, ""); return err }},
		{"set settings without guild", func() error { return s.SetGuildSettings(ctx, "", state.GuildSettings{}) }},
		{"verdict without key", func() error { _, _, err := s.Verdict(ctx, "g1", ""); return err }},
		{"claim without guild", func() error { _, err := s.ClaimAlert(ctx, "", "k"); return err }},
		{"enqueue without key", func() error { return s.EnqueueAlert(ctx, state.PendingAlert{GuildID: "g1"}) }},
		{"audit without action", func() error { return s.AppendAudit(ctx, state.AuditEntry{GuildID: "g1", UserID: "u"}) }},
		{"audit without user", func() error { return s.AppendAudit(ctx, state.AuditEntry{GuildID: "g1", Action: "x"}) }},
		{"feed without URL", func() error { return s.AddFeed(ctx, state.Feed{}) }},
		{"item without key", func() error { return s.MarkItem(ctx, "", "a") }},
	}
	for _, tt := range tests {
		wantCode(t, tt.name, tt.call(), claimbot.EINVALID)
	}
}

func testCancelledContext(t *testing.T, s state.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ClaimAlert(ctx, "g1", "k1"); err == nil {
		t.Errorf("ClaimAlert with a cancelled context succeeded")
	}
	// The cancelled claim must not have taken the slot.
	first, err := s.ClaimAlert(context.Background(), "g1", "k1")
	must(t, err)
	if !first {
		t.Errorf("a cancelled ClaimAlert took the claim")
	}
}
