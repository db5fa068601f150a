package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
)

// fakeLib is an in-memory Library for handler tests.
type fakeLib struct {
	mu         sync.Mutex
	hits       []index.Hit
	arts       []articles.Article
	alerts     []claims.Alert
	timeline   []claims.TimelineEntry
	report     library.Report
	reindexErr error
	searchErr  error
	stats      library.Stats
	// gate, when set, blocks Search and Reindex until it is closed.
	gate     chan struct{}
	searches []index.SearchOptions
	reindexN int
}

func (f *fakeLib) wait(ctx context.Context) error {
	f.mu.Lock()
	g := f.gate
	f.mu.Unlock()
	if g == nil {
		return nil
	}
	select {
	case <-g:
		return nil
	case <-ctx.Done():
		return claimbot.Errorf(claimbot.ETIMEOUT, "search timed out")
	}
}

func (f *fakeLib) Search(ctx context.Context, _ library.Collection, q string, o index.SearchOptions) (index.Result, error) {
	if err := f.wait(ctx); err != nil {
		return index.Result{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches = append(f.searches, o)
	if f.searchErr != nil {
		return index.Result{}, f.searchErr
	}
	if strings.Contains(q, "nichts") {
		return index.Result{Query: q}, nil
	}
	hits := f.hits
	if o.Offset < len(hits) {
		hits = hits[o.Offset:]
	} else {
		hits = nil
	}
	if o.Limit > 0 && len(hits) > o.Limit {
		hits = hits[:o.Limit]
	}
	return index.Result{Query: q, Hits: hits, Total: uint64(len(f.hits))}, nil
}

func (f *fakeLib) Reindex(ctx context.Context) (library.Report, error) {
	if err := f.wait(ctx); err != nil {
		return library.Report{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reindexN++
	return f.report, f.reindexErr
}

func (f *fakeLib) Article(_ library.Collection, id string) (articles.Article, bool) {
	for _, a := range f.arts {
		if a.ID == id {
			return a, true
		}
	}
	return articles.Article{}, false
}

func (f *fakeLib) Articles(library.Collection) []articles.Article { return f.arts }
func (f *fakeLib) Stats(library.Collection) library.Stats         { return f.stats }
func (f *fakeLib) IsExcluded(library.Collection, string) bool     { return false }

// AlertsFor routes as the library does, without exclusions.
func (f *fakeLib) AlertsFor(c library.Collection, rep library.Report) []claims.Alert {
	switch {
	case rep.Collection == c:
		return rep.Alerts
	case rep.Collection.IsBase():
		return append(append([]claims.Alert(nil), rep.Alerts...), rep.GuildAlerts[c.Guild()]...)
	}
	return nil
}

func (f *fakeLib) Disagreements(_ library.Collection, hits []index.Hit) []claims.Alert {
	var out []claims.Alert
	for _, a := range f.alerts {
		for _, h := range hits {
			if h.Article == a.New.Article || h.Article == a.First().Article {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

func (f *fakeLib) Timeline(_ context.Context, _ library.Collection, topic string) ([]claims.TimelineEntry, error) {
	if strings.Contains(topic, "nichts") {
		return nil, nil
	}
	return f.timeline, nil
}

var (
	published = time.Date(2024, 11, 18, 8, 31, 0, 0, time.UTC)
	epoch     = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
)

// seedLib has hits modelled on the seed corpus.
func seedLib() *fakeLib {
	hits := []index.Hit{
		{
			ID: "002#1", Article: "002", Title: "Nordkorea plant massive Militärhilfe für Russland im Ukraine-Krieg",
			Publisher: "Merkur", Published: published, Paragraph: 1, URL: "https://example.org/nk",
			Passage: "Laut Bloomberg-Berichten könnte Nordkorea bis zu 100.000 Soldaten entsenden.",
			Fragments: []index.Fragment{{
				{Text: "Laut Bloomberg-Berichten könnte Nordkorea bis zu "},
				{Text: "100.000", Match: true}, {Text: " "}, {Text: "Soldaten", Match: true},
				{Text: " entsenden."},
			}},
			Sources: []string{"Bloomberg"},
		},
		{
			ID: "004#5", Article: "004", Title: "Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando",
			Paragraph: 5,
			Passage:   "Nordkorea wird 1.000 Minenräumer und 5.000 Soldaten in die russische Region Kursk entsenden.",
			Fragments: []index.Fragment{{
				{Text: "Nordkorea wird 1.000 "}, {Text: "Minenräumer", Match: true},
				{Text: " und 5.000 Soldaten in die russische Region "}, {Text: "Kursk", Match: true}, {Text: " entsenden."},
			}},
			Sources: []string{"Sergei Schoigu"},
		},
		{
			ID: "000#2", Article: "000", Title: "Schickt Kim Jong-un 100.000 Nordkorea-Soldaten an die Ukraine-Front?",
			Publisher: "news.de", Paragraph: 2, Passage: "Kim Jong-un hat Putin 100.000 Soldaten versprochen @everyone <@123>.",
			Sources: []string{"Regnum"},
		},
		{ID: "001#3", Article: "001", Title: "Putin verliert seine letzten Verbündeten", Paragraph: 3, Passage: "Kim schicke keine Soldaten."},
	}
	arts := []articles.Article{
		{ID: "002", Title: "Nordkorea plant massive Militärhilfe für Russland im Ukraine-Krieg", Publisher: "Merkur", Published: published,
			URL: "https://example.org/nk", Paragraphs: []articles.Paragraph{{N: 1, Text: "Nordkorea erwägt, bis zu 100.000 Soldaten zu entsenden.", Sources: []string{"Bloomberg"}}}},
		{ID: "004", Title: "Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando",
			Paragraphs: []articles.Paragraph{{N: 1, Text: "Jetzt schaffen Wladimir Putin und Kim Jong-un gemeinsam Fakten."}}},
		{ID: "003", Title: "Nordkorea unterstützt Russland: 100.000 „Freiwillige“ im Kampf gegen die Ukraine", Author: "Ares Abasi"},
	}
	alert := claims.Alert{
		Kind: "conflict", Severity: "high",
		Explanation: claims.Text{DE: "Merkur (2024-11-18, laut Bloomberg) nennt 100.000 Soldaten, news.de (Datum unbekannt) 100.000 versprochene.", EN: "Merkur says 100,000 soldiers."},
		New:         claims.Side{Article: "002", Title: hits[0].Title, Publisher: "Merkur", Published: "2024-11-18", Paragraph: 1, Passage: hits[0].Passage, Claim: hits[0].Passage, Figure: "100.000 Soldaten", Sources: []string{"Bloomberg"}},
		Existing:    []claims.Side{{Article: "001", Title: hits[3].Title, Paragraph: 3, Passage: "Kim schicke keine Soldaten.", Figure: "keine Soldaten", Sources: []string{"Daily NK"}}},
	}
	return &fakeLib{
		hits:   hits,
		arts:   arts,
		alerts: []claims.Alert{alert},
		timeline: []claims.TimelineEntry{
			{When: "2022-07", Figure: "100.000 Soldaten", Publisher: "news.de", Sources: []string{"Regnum"}, Paragraph: 2},
			{When: "2024-11-18", Figure: "bis zu 100.000 Soldaten", Publisher: "Merkur", Sources: []string{"Bloomberg"}, Paragraph: 1, Relation: "update"},
		},
		report: library.Report{Collection: library.Base, Articles: 5, Passages: 60, Added: []string{"005"}, Took: 1234 * time.Millisecond, Alerts: []claims.Alert{alert}},
		stats:  library.Stats{Articles: 5, Passages: 60, IndexBuilt: epoch.Add(-time.Hour), LastChange: epoch.Add(-time.Minute), Corpus: "embedded corpus"},
	}
}

// clock is a settable fake clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// timers is an injectable After: nothing fires unless the test says so.
type timers struct {
	mu    sync.Mutex
	fire  bool          // fire timers at once
	only  time.Duration // if set, fire only timers of this duration
	count int
}

func (tm *timers) setFire(on bool) {
	tm.mu.Lock()
	tm.fire = on
	tm.mu.Unlock()
}

func (tm *timers) After(d time.Duration) <-chan time.Time {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.count++
	if tm.fire && (tm.only == 0 || d == tm.only) {
		ch := make(chan time.Time, 1)
		ch <- time.Time{}
		return ch
	}
	return nil // never fires
}

// call is one thing a responder was asked to do.
type call struct {
	op     string // respond, edit, delete, followup, post
	resp   *discordgo.InteractionResponse
	edit   *discordgo.WebhookEdit
	params *discordgo.WebhookParams
	msg    *discordgo.MessageSend
}

// recorder is a responder that records calls and can run a hook on each.
type recorder struct {
	mu    sync.Mutex
	calls []call
	hook  func(call)
}

func (r *recorder) add(c call) {
	r.mu.Lock()
	r.calls = append(r.calls, c)
	h := r.hook
	r.mu.Unlock()
	if h != nil {
		h(c)
	}
}

func (r *recorder) respond(_ context.Context, resp *discordgo.InteractionResponse) error {
	r.add(call{op: "respond", resp: resp})
	return nil
}
func (r *recorder) editOriginal(_ context.Context, e *discordgo.WebhookEdit) error {
	r.add(call{op: "edit", edit: e})
	return nil
}
func (r *recorder) deleteOriginal(context.Context) error { r.add(call{op: "delete"}); return nil }
func (r *recorder) followup(_ context.Context, p *discordgo.WebhookParams) error {
	r.add(call{op: "followup", params: p})
	return nil
}

func (r *recorder) ops() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, c := range r.calls {
		out = append(out, c.op)
	}
	return out
}

func (r *recorder) all() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

// harness is a bot with fakes.
type harness struct {
	b      *Bot
	lib    *fakeLib
	store  *memStore
	clock  *clock
	timers *timers
	posts  *recorder
}

// newHarness is a bot over the fake library, serving one guild, g1, which
// is an operator guild unless cfg names others (so /reindex runs there).
func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	if cfg.OperatorGuilds == nil {
		cfg.OperatorGuilds = []string{"g1"}
	}
	h := &harness{lib: seedLib(), store: newMemStore(), clock: &clock{now: epoch}, timers: &timers{}, posts: &recorder{}}
	b, err := New(cfg, Deps{Library: h.lib, Store: h.store, Now: h.clock.Now, After: h.timers.After})
	if err != nil {
		t.Fatal(err)
	}
	b.post = func(_ context.Context, ch string, m *discordgo.MessageSend) error {
		h.posts.add(call{op: "post:" + ch, msg: m})
		return nil
	}
	h.b = b
	return h
}

// run serves one interaction and returns what was sent.
func (h *harness) run(in Input) *recorder {
	rec := &recorder{}
	h.b.serve(context.Background(), rec, in)
	return rec
}

// guildUser is an input from a member without special permissions.
func guildUser(cmd string, opts map[string]any) Input {
	if opts == nil {
		opts = map[string]any{}
	}
	return Input{Kind: KindCommand, Command: cmd, Options: opts, UserID: "u1", GuildID: "g1", ChannelID: "c1", Locale: "en-US"}
}

func moderator(cmd string, opts map[string]any) Input {
	in := guildUser(cmd, opts)
	in.Perms = permManageGuild
	return in
}
