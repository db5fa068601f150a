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
	"github.com/claimbot/claimbot/l10n"
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
		{"ListGuildSettings", testListGuildSettings},
		{"Verdicts", testVerdicts},
		{"ClaimAlert", testClaimAlert},
		{"ClaimAlertConcurrent", testClaimAlertConcurrent},
		{"ClaimAndEnqueueAlert", testClaimAndEnqueueAlert},
		{"Outbox", testOutbox},
		{"LeaseAlerts", testLeaseAlerts},
		{"LeaseAlertsConcurrent", testLeaseAlertsConcurrent},
		{"RecordInteraction", testRecordInteraction},
		{"RecordInteractionConcurrent", testRecordInteractionConcurrent},
		{"Audit", testAudit},
		{"Feeds", testFeeds},
		{"FeedsPerGuild", testFeedsPerGuild},
		{"FeedItems", testFeedItems},
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
	keys := pendingKeys
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

func testListGuildSettings(t *testing.T, s state.Store) {
	ctx := context.Background()
	got, err := s.ListGuildSettings(ctx)
	must(t, err)
	if len(got) != 0 {
		t.Fatalf("empty store lists %v", got)
	}
	must(t, s.SetGuildSettings(ctx, "g2", state.GuildSettings{AlertChannelID: "c2"}))
	must(t, s.SetGuildSettings(ctx, "g1", state.GuildSettings{ModeratorRoleID: "r1"}))
	must(t, s.SetGuildSettings(ctx, "g2", state.GuildSettings{AlertChannelID: "c3"}))
	got, err = s.ListGuildSettings(ctx)
	must(t, err)
	want := map[string]state.GuildSettings{"g1": {ModeratorRoleID: "r1"}, "g2": {AlertChannelID: "c3"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ListGuildSettings = %v, want %v", got, want)
	}
}

func testClaimAndEnqueueAlert(t *testing.T, s state.Store) {
	ctx := context.Background()
	p := state.PendingAlert{GuildID: "g1", AlertKey: "k1", ChannelID: "c1", Payload: []byte(`{"x":1}`), Enqueued: t0, NextAttempt: t0}
	const callers = 16
	firsts := concurrentFirsts(t, callers, func() (bool, error) { return s.ClaimAndEnqueueAlert(ctx, p) })
	if firsts != 1 {
		t.Fatalf("%d of %d callers got the claim; want 1", firsts, callers)
	}
	if first, _ := s.ClaimAlert(ctx, "g1", "k1"); first {
		t.Error("ClaimAlert after ClaimAndEnqueueAlert returned first")
	}
	first, err := s.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: "g2", AlertKey: "k1"})
	must(t, err)
	if !first {
		t.Error("another guild's claim of the same alert was refused")
	}
	// A pair claimed the old way is not queued by a late ClaimAndEnqueue.
	_, err = s.ClaimAlert(ctx, "g1", "k2")
	must(t, err)
	if first, _ := s.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: "g1", AlertKey: "k2"}); first {
		t.Error("claimed twice")
	}
	pending, err := s.PendingAlerts(ctx, 0)
	must(t, err)
	if len(pending) != 2 {
		t.Fatalf("outbox = %+v, want g1/k1 and g2/k1", pending)
	}
	got := pending[0]
	if got.GuildID != "g1" || got.AlertKey != "k1" || got.ChannelID != "c1" || string(got.Payload) != `{"x":1}` ||
		!got.Enqueued.Equal(t0) || !got.NextAttempt.Equal(t0) || got.Attempts != 0 {
		t.Errorf("queued entry = %+v, want %+v", got, p)
	}
	if pending[1].Enqueued.IsZero() {
		t.Error("an entry without Enqueued got no time")
	}
}

func feedURLs(fs []state.Feed) string {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s/%s ", f.GuildID, f.URL)
	}
	return b.String()
}

func testFeeds(t *testing.T, s state.Store) {
	ctx := context.Background()
	for _, u := range []string{"https://b.example/rss", "https://a.example/atom"} {
		must(t, s.AddFeed(ctx, state.Feed{URL: u, GuildID: "g1", AddedBy: "u1", Added: t0}))
	}
	wantCode(t, "duplicate feed", s.AddFeed(ctx, state.Feed{URL: "https://a.example/atom", GuildID: "g1"}), claimbot.ECONFLICT)

	feeds, err := s.ListFeeds(ctx, "g1")
	must(t, err)
	if len(feeds) != 2 || feeds[0].URL != "https://a.example/atom" || feeds[1].URL != "https://b.example/rss" {
		t.Fatalf("ListFeeds = %+v, want a then b", feeds)
	}
	if f := feeds[0]; f.GuildID != "g1" || f.AddedBy != "u1" || !f.Added.Equal(t0) || f.FeedCursor != (state.FeedCursor{}) {
		t.Errorf("new feed = %+v, want its fields and an empty cursor", f)
	}

	cur := state.FeedCursor{ETag: `"v1"`, LastModified: "Mon, 18 Nov 2024 09:30:00 GMT", LastPoll: t0.Add(time.Hour)}
	must(t, s.SetFeedCursor(ctx, "g1", "https://a.example/atom", cur))
	// An error is kept with its code and its text for people, so it is
	// said in each reader's language.
	k := keptError("https://b.example/rss")
	failed := state.FeedCursor{ETag: `"v1"`, LastPoll: t0.Add(2 * time.Hour), LastError: k.Message, LastErrorCode: k.Code, LastErrorText: k.Text}
	must(t, s.SetFeedCursor(ctx, "g1", "https://b.example/rss", failed))
	feeds, err = s.ListFeeds(ctx, "g1")
	must(t, err)
	for i, want := range []state.FeedCursor{cur, failed} {
		got := feeds[i].FeedCursor
		if got.ETag != want.ETag || got.LastModified != want.LastModified || got.LastError != want.LastError ||
			got.LastErrorCode != want.LastErrorCode || got.LastErrorText != want.LastErrorText || !got.LastPoll.Equal(want.LastPoll) {
			t.Errorf("cursor of %s = %+v, want %+v", feeds[i].URL, got, want)
		}
		if !feeds[i].Added.Equal(t0) || feeds[i].AddedBy != "u1" {
			t.Errorf("SetFeedCursor changed the feed's other fields: %+v", feeds[i])
		}
	}

	if err := feeds[1].Err(); claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE || claimbot.ErrorText(err, l10n.DE) != "statetest: https://b.example/rss ist nicht verfügbar (der Server antwortete 503)" {
		t.Errorf("the kept error says %q (code %q) in German", claimbot.ErrorText(err, l10n.DE), claimbot.ErrorCode(err))
	}
	// A successful poll clears all of it.
	must(t, s.SetFeedCursor(ctx, "g1", "https://b.example/rss", cur))
	if feeds, _ := s.ListFeeds(ctx, "g1"); len(feeds) != 2 || feeds[1].Err() != nil || feeds[1].LastErrorCode != "" || feeds[1].LastErrorText != "" {
		t.Errorf("cursor after a successful poll = %+v, want no error", feeds[1].FeedCursor)
	}
	wantCode(t, "cursor of unknown feed", s.SetFeedCursor(ctx, "g1", "https://c.example/", cur), claimbot.ENOTFOUND)
	must(t, s.RemoveFeed(ctx, "g1", "https://a.example/atom"))
	wantCode(t, "remove twice", s.RemoveFeed(ctx, "g1", "https://a.example/atom"), claimbot.ENOTFOUND)
	wantCode(t, "cursor of removed feed", s.SetFeedCursor(ctx, "g1", "https://a.example/atom", cur), claimbot.ENOTFOUND)
	feeds, err = s.ListFeeds(ctx, "g1")
	must(t, err)
	if len(feeds) != 1 || feeds[0].URL != "https://b.example/rss" {
		t.Errorf("after remove: %+v", feeds)
	}
	// Re-adding a removed feed starts with a fresh cursor.
	must(t, s.AddFeed(ctx, state.Feed{URL: "https://a.example/atom", GuildID: "g1", FeedCursor: cur}))
	feeds, _ = s.ListFeeds(ctx, "g1")
	if len(feeds) != 2 || feeds[0].FeedCursor != (state.FeedCursor{}) || feeds[0].Added.IsZero() {
		t.Errorf("re-added feed = %+v, want empty cursor and an Added time", feeds)
	}
}

// testFeedsPerGuild: one guild's feeds are invisible to another's list,
// remove and cursor; the operators' feeds ("" guild) are a scope of
// their own; AllFeeds sees every one.
func testFeedsPerGuild(t *testing.T, s state.Store) {
	ctx := context.Background()
	const u = "https://a.example/rss"
	must(t, s.AddFeed(ctx, state.Feed{URL: u, GuildID: "g1", AddedBy: "u1"}))
	must(t, s.AddFeed(ctx, state.Feed{URL: u, GuildID: "g2", AddedBy: "u2"})) // the same feed, another guild
	must(t, s.AddFeed(ctx, state.Feed{URL: u, AddedIn: "g9", AddedBy: "op"})) // an operator feed
	must(t, s.AddFeed(ctx, state.Feed{URL: "https://b.example/rss", GuildID: "g10"}))
	for guild, want := range map[string]string{"g1": "g1/" + u + " ", "g2": "g2/" + u + " ", "": "/" + u + " ", "g10": "g10/https://b.example/rss ", "g3": ""} {
		got, err := s.ListFeeds(ctx, guild)
		must(t, err)
		if feedURLs(got) != want {
			t.Errorf("ListFeeds(%q) = %q, want %q", guild, feedURLs(got), want)
		}
	}
	ops, _ := s.ListFeeds(ctx, "")
	if len(ops) == 1 && (ops[0].AddedIn != "g9" || ops[0].AddedBy != "op") {
		t.Errorf("operator feed = %+v, want AddedIn g9 and AddedBy op kept", ops[0])
	}
	wantCode(t, "g3 removes g1's feed", s.RemoveFeed(ctx, "g3", u), claimbot.ENOTFOUND)
	wantCode(t, "g3 sets g1's cursor", s.SetFeedCursor(ctx, "g3", u, state.FeedCursor{ETag: "x"}), claimbot.ENOTFOUND)
	must(t, s.SetFeedCursor(ctx, "g2", u, state.FeedCursor{ETag: `"g2"`}))
	all, err := s.AllFeeds(ctx)
	must(t, err)
	if len(all) != 4 {
		t.Fatalf("AllFeeds = %q, want 4 feeds", feedURLs(all))
	}
	for _, f := range all {
		if want := map[string]string{"g2": `"g2"`}[f.GuildID]; f.URL == u && f.ETag != want {
			t.Errorf("cursor of %s/%s = %q, want %q: a cursor leaked between guilds", f.GuildID, f.URL, f.ETag, want)
		}
	}
	must(t, s.RemoveFeed(ctx, "g1", u))
	for _, guild := range []string{"g2", ""} {
		if got, _ := s.ListFeeds(ctx, guild); len(got) != 1 {
			t.Errorf("g1's remove changed %q's feeds: %q", guild, feedURLs(got))
		}
	}
}

// testFeedItems: items are kept per guild and link, with their status,
// error and next attempt; FeedItems lists a feed's unfinished ones; a
// removed feed's items go with it.
func testFeedItems(t *testing.T, s state.Store) {
	ctx := context.Background()
	const feed, other = "https://a.example/rss", "https://b.example/rss"
	must(t, s.AddFeed(ctx, state.Feed{URL: feed, GuildID: "g1"}))
	must(t, s.AddFeed(ctx, state.Feed{URL: other, GuildID: "g1"}))
	if _, ok, err := s.FeedItem(ctx, "g1", "https://a.example/1"); err != nil || ok {
		t.Fatalf("unknown item: ok=%v err=%v", ok, err)
	}
	items := []state.FeedItem{
		{GuildID: "g1", Feed: feed, Link: "https://a.example/1", Status: state.ItemAdded, ArticleID: "a-1", At: t0},
		{GuildID: "g1", Feed: feed, Link: "https://a.example/2", Title: "Zwei", Status: state.ItemFailed, Attempts: 2,
			LastError: keptError("https://a.example/2").Message, LastErrorCode: keptError("https://a.example/2").Code, LastErrorText: keptError("https://a.example/2").Text,
			NextAttempt: t0.Add(time.Hour), Updated: t0.Add(-time.Hour), At: t0.Add(time.Minute)},
		{GuildID: "g1", Feed: feed, Link: "https://a.example/3", Status: state.ItemGaveUp, Attempts: 5, LastError: "too short", At: t0.Add(2 * time.Minute)},
		{GuildID: "g1", Feed: feed, Link: "https://a.example/4", Status: state.ItemDuplicate, ArticleID: "a-1", At: t0.Add(3 * time.Minute)},
		{GuildID: "g1", Feed: other, Link: "https://b.example/1", Status: state.ItemFailed, LastError: "503", At: t0},
		{GuildID: "g2", Feed: feed, Link: "https://a.example/2", Status: state.ItemAdded, ArticleID: "g2-2", At: t0},
	}
	for _, it := range items {
		must(t, s.PutFeedItem(ctx, it))
	}
	got, ok, err := s.FeedItem(ctx, "g1", "https://a.example/2")
	must(t, err)
	want := items[1]
	if !ok || got.Status != want.Status || got.Attempts != 2 || got.LastError != want.LastError || got.Title != "Zwei" ||
		got.LastErrorCode != want.LastErrorCode || got.LastErrorText != want.LastErrorText ||
		!got.NextAttempt.Equal(want.NextAttempt) || !got.Updated.Equal(want.Updated) || !got.At.Equal(want.At) || got.Feed != feed {
		t.Errorf("FeedItem = %+v, %v; want %+v", got, ok, want)
	}
	if got, _, _ := s.FeedItem(ctx, "g2", "https://a.example/2"); got.ArticleID != "g2-2" {
		t.Errorf("g2's item = %+v; items leak between guilds", got)
	}
	if _, ok, _ := s.FeedItem(ctx, "", "https://a.example/2"); ok {
		t.Error("the operators see g1's item")
	}
	list, err := s.FeedItems(ctx, "g1", feed)
	must(t, err)
	var links []string
	for _, it := range list {
		links = append(links, it.Link)
	}
	if fmt.Sprint(links) != "[https://a.example/2 https://a.example/3]" {
		t.Errorf("FeedItems(g1, a) = %v, want the failing and the given-up item, oldest first", links)
	}
	// A retry that succeeds replaces the record.
	must(t, s.PutFeedItem(ctx, state.FeedItem{GuildID: "g1", Feed: feed, Link: "https://a.example/2", Status: state.ItemAdded, ArticleID: "a-2"}))
	if got, _, _ := s.FeedItem(ctx, "g1", "https://a.example/2"); got.Status != state.ItemAdded || got.ArticleID != "a-2" || got.At.IsZero() {
		t.Errorf("after success: %+v", got)
	}
	wantCode(t, "unknown status", s.PutFeedItem(ctx, state.FeedItem{GuildID: "g1", Feed: feed, Link: "https://a.example/9", Status: "seen"}), claimbot.EINVALID)
	must(t, s.RemoveFeed(ctx, "g1", feed))
	if _, ok, _ := s.FeedItem(ctx, "g1", "https://a.example/1"); ok {
		t.Error("a removed feed's item is still there")
	}
	if _, ok, _ := s.FeedItem(ctx, "g1", "https://b.example/1"); !ok {
		t.Error("removing one feed dropped another feed's item")
	}
	if _, ok, _ := s.FeedItem(ctx, "g2", "https://a.example/2"); !ok {
		t.Error("g1's remove dropped g2's item")
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
		{"feed guild with NUL", func() error { return s.AddFeed(ctx, state.Feed{URL: "https://a.example/", GuildID: "g\x00"}) }},
		{"list feeds guild with NUL", func() error { _, err := s.ListFeeds(ctx, "g\x00"); return err }},
		{"item without link", func() error {
			return s.PutFeedItem(ctx, state.FeedItem{Feed: "https://a.example/", Status: state.ItemAdded})
		}},
		{"item without feed", func() error {
			return s.PutFeedItem(ctx, state.FeedItem{Link: "https://a.example/1", Status: state.ItemAdded})
		}},
		{"claim-and-enqueue without key", func() error { _, err := s.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: "g1"}); return err }},
		{"interaction without ID", func() error { _, err := s.RecordInteraction(ctx, "", t0, t0.Add(time.Minute)); return err }},
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

func pendingKeys(ps []state.PendingAlert) string {
	var b bytes.Buffer
	for _, p := range ps {
		fmt.Fprintf(&b, "%s/%s ", p.GuildID, p.AlertKey)
	}
	return b.String()
}

// testLeaseAlerts: only due entries are leased, oldest first and up to the
// limit; a leased entry is not leased again before its lease ends, and is
// due again after it; acking or re-enqueueing a leased entry works as for
// any other.
func testLeaseAlerts(t *testing.T, s state.Store) {
	ctx := context.Background()
	if got, err := s.LeaseAlerts(ctx, t0, t0.Add(time.Minute), 10); err != nil || len(got) != 0 {
		t.Fatalf("lease from an empty outbox: %v, %v", got, err)
	}
	for _, p := range []state.PendingAlert{
		{GuildID: "g1", AlertKey: "late", Enqueued: t0.Add(-time.Minute), NextAttempt: t0.Add(time.Hour)},
		{GuildID: "g1", AlertKey: "b", ChannelID: "c1", Payload: []byte(`{"n":2}`), Attempts: 2, LastError: "503", Enqueued: t0.Add(-2 * time.Minute), NextAttempt: t0},
		{GuildID: "g2", AlertKey: "a", Enqueued: t0.Add(-3 * time.Minute)}, // zero NextAttempt: at once
		{GuildID: "g1", AlertKey: "c", Enqueued: t0.Add(-time.Second), NextAttempt: t0.Add(-time.Second)},
	} {
		must(t, s.EnqueueAlert(ctx, p))
	}
	until := t0.Add(2 * time.Minute)
	got, err := s.LeaseAlerts(ctx, t0, until, 2)
	must(t, err)
	if pendingKeys(got) != "g2/a g1/b " {
		t.Fatalf("first lease = %q, want the two oldest due entries %q", pendingKeys(got), "g2/a g1/b ")
	}
	if p := got[1]; p.ChannelID != "c1" || string(p.Payload) != `{"n":2}` || p.Attempts != 2 || p.LastError != "503" ||
		!p.NextAttempt.Equal(until) || !p.Enqueued.Equal(t0.Add(-2*time.Minute)) {
		t.Errorf("leased entry = %+v; want its fields and NextAttempt %v", p, until)
	}
	// Leased entries are not due again before the lease ends.
	got, err = s.LeaseAlerts(ctx, t0.Add(time.Minute), t0.Add(3*time.Minute), 0)
	must(t, err)
	if pendingKeys(got) != "g1/c " {
		t.Errorf("second lease = %q, want only the entry left %q", pendingKeys(got), "g1/c ")
	}
	all, err := s.PendingAlerts(ctx, 0)
	must(t, err)
	if len(all) != 4 {
		t.Fatalf("leasing removed entries: %q", pendingKeys(all))
	}
	// The holder of g2/a acks it, the holder of g1/b fails and re-enqueues.
	must(t, s.AckAlert(ctx, "g2", "a"))
	retry := state.PendingAlert{GuildID: "g1", AlertKey: "b", Attempts: 3, LastError: "500", NextAttempt: t0.Add(10 * time.Minute)}
	must(t, s.EnqueueAlert(ctx, retry))
	// At the end of the leases: g1/c (whose holder vanished) is due
	// again; g1/b waits for its own next attempt; g1/late is due at t0+1h.
	got, err = s.LeaseAlerts(ctx, t0.Add(5*time.Minute), t0.Add(7*time.Minute), 0)
	must(t, err)
	if pendingKeys(got) != "g1/c " {
		t.Errorf("after the leases ended: %q, want %q", pendingKeys(got), "g1/c ")
	}
	got, err = s.LeaseAlerts(ctx, t0.Add(2*time.Hour), t0.Add(3*time.Hour), 0)
	must(t, err)
	if pendingKeys(got) != "g1/b g1/late g1/c " {
		t.Errorf("much later: %q, want every entry, oldest first", pendingKeys(got))
	}
	for _, p := range got {
		if p.AlertKey == "b" && (p.Attempts != 3 || p.LastError != "500" || !p.Enqueued.Equal(t0.Add(-2*time.Minute))) {
			t.Errorf("re-enqueued entry leased as %+v", p)
		}
	}
}

// testLeaseAlertsConcurrent: callers leasing at once get disjoint entries,
// and every due entry goes to one of them.
func testLeaseAlertsConcurrent(t *testing.T, s state.Store) {
	ctx := context.Background()
	const entries, callers = 40, 8
	for i := range entries {
		must(t, s.EnqueueAlert(ctx, state.PendingAlert{GuildID: "g1", AlertKey: fmt.Sprintf("k%02d", i), Enqueued: t0.Add(time.Duration(i) * time.Second)}))
	}
	var mu sync.Mutex
	taken := map[string]int{}
	var wg sync.WaitGroup
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				got, err := s.LeaseAlerts(ctx, t0.Add(time.Hour), t0.Add(2*time.Hour), 3)
				if err != nil {
					t.Error(err)
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, p := range got {
					taken[p.AlertKey]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(taken) != entries {
		t.Errorf("%d of %d entries leased", len(taken), entries)
	}
	for k, n := range taken {
		if n != 1 {
			t.Errorf("%s leased %d times; want once", k, n)
		}
	}
}

// testRecordInteraction: an ID is new once within its record's time; after
// the record expires it is new again; IDs are independent.
func testRecordInteraction(t *testing.T, s state.Store) {
	ctx := context.Background()
	until := t0.Add(10 * time.Minute)
	steps := []struct {
		id       string
		now      time.Time
		until    time.Time
		want     bool
		whatWant string
	}{
		{"i1", t0, until, true, "a new ID"},
		{"i1", t0.Add(time.Second), until, false, "the same ID again"},
		{"i2", t0.Add(time.Second), until, true, "another ID"},
		{"i1", until, until.Add(time.Minute), false, "the same ID at the end of its record"},
		{"i1", until.Add(time.Second), until.Add(10 * time.Minute), true, "the same ID after its record expired"},
		{"i1", until.Add(2 * time.Second), until.Add(10 * time.Minute), false, "the ID recorded again"},
	}
	for i, st := range steps {
		got, err := s.RecordInteraction(ctx, st.id, st.now, st.until)
		must(t, err)
		if got != st.want {
			t.Errorf("step %d (%s): RecordInteraction(%s) = %v, want %v", i, st.whatWant, st.id, got, st.want)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.RecordInteraction(cancelled, "i3", t0, until); err == nil {
		t.Error("RecordInteraction with a cancelled context succeeded")
	}
	if first, err := s.RecordInteraction(ctx, "i3", t0, until); err != nil || !first {
		t.Errorf("after a cancelled record: first=%v err=%v, want a new ID", first, err)
	}
}

// testRecordInteractionConcurrent: of many callers recording one ID at
// once, exactly one is told it is new.
func testRecordInteractionConcurrent(t *testing.T, s state.Store) {
	ctx := context.Background()
	const callers = 32
	firsts := concurrentFirsts(t, callers, func() (bool, error) {
		return s.RecordInteraction(ctx, "1300000000000000001", t0, t0.Add(10*time.Minute))
	})
	if firsts != 1 {
		t.Errorf("%d of %d callers were told the ID is new; want 1", firsts, callers)
	}
}

// concurrentFirsts runs fn from callers goroutines at once and counts the
// calls that returned true.
func concurrentFirsts(t *testing.T, callers int, fn func() (bool, error)) int {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := 0
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first, err := fn()
			if err != nil {
				t.Error(err)
				return
			}
			if first {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return firsts
}
