package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

var pollTime = time.Date(2024, 11, 5, 12, 30, 0, 0, time.UTC)

// library stands in for the real library: it parses what it is handed, as
// library.Add will, keeps the articles by ID and refuses one it has by text
// or canonical URL (ECONFLICT with that article's ID), as library.Add does.
type library struct {
	t    *testing.T
	mu   sync.Mutex
	byID map[string]articles.Article
	fail func(f ingest.Fetched) error // optional scripted failures
}

func newLibrary(t *testing.T) *library {
	return &library{t: t, byID: map[string]articles.Article{}}
}

func (l *library) add(_ context.Context, _ state.Feed, f ingest.Fetched) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fail != nil {
		if err := l.fail(f); err != nil {
			return "", err
		}
	}
	a, err := articles.Parse(f.Name, f.Data)
	if err != nil {
		l.t.Errorf("library cannot parse %s: %v", f.Name, err)
		return "", err
	}
	for id, old := range l.byID {
		if old.TextHash() == a.TextHash() || old.URL != "" && old.URL == a.URL {
			return id, claimbot.Errorf(claimbot.ECONFLICT, "already in the archive as %s", id)
		}
	}
	if _, ok := l.byID[a.ID]; ok {
		l.t.Errorf("article %s handed to the library twice", a.ID)
	}
	l.byID[a.ID] = a
	return a.ID, nil
}

func (l *library) titles() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, a := range l.byID {
		out = append(out, a.Title)
	}
	slices.Sort(out)
	return out
}

// clock is the poller's time, which the tests move on.
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

func openStore(t *testing.T, path string) *boltstate.Store {
	t.Helper()
	st, err := boltstate.Open(path, boltstate.WithNow(func() time.Time { return pollTime }))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func newPoller(st ingest.FeedStore, lib *library, opts ingest.PollerOptions) *ingest.Poller {
	if opts.Now == nil {
		opts.Now = func() time.Time { return pollTime }
	}
	return ingest.NewPoller(localIngester(ingest.Options{}), st, lib.add, opts)
}

func addFeeds(t *testing.T, st state.Store, urls ...string) {
	t.Helper()
	for _, u := range urls {
		if err := st.AddFeed(context.Background(), state.Feed{URL: u, GuildID: "g1", AddedBy: "u1"}); err != nil {
			t.Fatal(err)
		}
	}
}

// summary is a FeedReport without the site's random port, for comparison.
func summary(s *site, r ingest.FeedReport) string {
	strip := func(xs []string) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			x = strings.ReplaceAll(x, s.srv.URL, "")
			if i := strings.Index(x, ": "); i >= 0 {
				x = x[:i] // the reason is checked elsewhere; keep the link
			}
			out[i] = x
		}
		return out
	}
	const host = "127-0-0-1" // the name starts with the site's host name
	var added []string
	for _, id := range r.Added {
		// IDs are host-date-title-hash; the hash varies with the test
		// server's port, date and title say which article it is.
		id = strings.TrimPrefix(id, host+"-")
		added = append(added, id[:strings.LastIndexByte(id, '-')])
	}
	return fmt.Sprintf("304=%v added=%v seen=%d dup=%d waiting=%d refused=%v failed=%v gaveup=%v err=%q",
		r.NotModified, added, r.Seen, r.Duplicates, r.Waiting, strip(r.Refused), strip(r.Failed), strip(r.GaveUp), r.Err)
}

// TestPollerIngestsOnce is the acceptance test for feeds: an Atom and an
// RSS feed, each item ingested once, the duplicate across feeds skipped,
// the page that is not an article refused, 304s honoured, an update adding
// only the new item, and all of it surviving a restart.
func TestPollerIngestsOnce(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	dbPath := filepath.Join(t.TempDir(), "state.db")
	st := openStore(t, dbPath)
	defer func() { st.Close() }()
	atom, rss := s.URL("/feeds/atom.xml"), s.URL("/feeds/rss.xml")
	addFeeds(t, st, atom, rss)
	lib := newLibrary(t)
	// One try: a page that is not an article is given up at once here
	// (TestPollerRetriesWithBackoff tries again).
	once := ingest.PollerOptions{RetryAfter: []time.Duration{}}
	p := newPoller(st, lib, once)

	steps := []struct {
		name   string
		before func()
		want   []string // summary per feed: atom, rss
		titles int      // articles in the library afterwards
		pages  map[string]int
	}{
		{
			name: "first poll",
			want: []string{
				// Oldest first: the corpus grows in reporting order.
				`304=false added=[2024-10-18-nordkorea-schickt-soldaten-nach-russland 2024-10-21-kreml-keine-nordkoreanischen-truppen-im] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
				`304=false added=[2024-11-02-gaspreise-steigen-vor-dem-winter] seen=0 dup=1 waiting=0 refused=[] failed=[] gaveup=[/impressum] err=""`,
			},
			titles: 3,
			pages:  map[string]int{"/politik/nordkorea-soldaten": 1, "/welt/kreml-dementi": 2, "/wirtschaft/gaspreise": 1, "/impressum": 1, "/welt/waffenruhe": 0},
		},
		{
			name: "unchanged feeds answer 304",
			want: []string{
				`304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
				`304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
			},
			titles: 3,
			pages:  map[string]int{"/politik/nordkorea-soldaten": 1, "/welt/kreml-dementi": 2, "/wirtschaft/gaspreise": 1, "/impressum": 1},
		},
		{
			name:   "updated Atom feed adds only the new item",
			before: func() { s.SetFeed("/feeds/atom.xml", "atom-updated.xml") },
			want: []string{
				`304=false added=[gespraeche-ueber-waffenruhe-in-istanbul] seen=2 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
				`304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
			},
			titles: 4,
			pages:  map[string]int{"/politik/nordkorea-soldaten": 1, "/welt/kreml-dementi": 2, "/welt/waffenruhe": 1, "/impressum": 1},
		},
		{
			name: "after a restart the cursors and seen items are still there",
			before: func() {
				if err := st.Close(); err != nil {
					t.Fatal(err)
				}
				st = openStore(t, dbPath)
				p = newPoller(st, lib, once)
			},
			want: []string{
				`304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
				`304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`,
			},
			titles: 4,
			pages:  map[string]int{"/politik/nordkorea-soldaten": 1, "/welt/kreml-dementi": 2, "/welt/waffenruhe": 1, "/impressum": 1},
		},
	}
	for i, step := range steps {
		if step.before != nil {
			step.before()
		}
		r, err := p.Poll(ctx)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if len(r.Feeds) != 2 || r.Feeds[0].URL != atom || r.Feeds[1].URL != rss {
			t.Fatalf("%s: report for %d feeds: %+v", step.name, len(r.Feeds), r)
		}
		for k, fr := range r.Feeds {
			if got := summary(s, fr); got != step.want[k] {
				t.Errorf("%s, %s:\n got %s\nwant %s", step.name, fr.URL, got, step.want[k])
			}
		}
		if got := lib.titles(); len(got) != step.titles {
			t.Errorf("%s: library has %d articles %q, want %d", step.name, len(got), got, step.titles)
		}
		for path, n := range step.pages {
			if got := s.Requests(path); got != n {
				t.Errorf("%s: %s requested %d times, want %d", step.name, path, got, n)
			}
		}
		// Every poll asks for each feed once; from the second poll on,
		// conditionally.
		for _, path := range []string{"/feeds/atom.xml", "/feeds/rss.xml"} {
			if got := s.Requests(path); got != i+1 {
				t.Errorf("%s: %s requested %d times, want %d", step.name, path, got, i+1)
			}
		}
	}
	if got := s.NotModified("/feeds/atom.xml"); got != 2 {
		t.Errorf("atom answered 304 %d times, want 2", got)
	}
	if got := s.NotModified("/feeds/rss.xml"); got != 3 {
		t.Errorf("rss answered 304 %d times, want 3", got)
	}

	feeds, err := st.ListFeeds(ctx, "g1")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		if !f.LastPoll.Equal(pollTime) || (f.ETag == "" && f.LastModified == "") {
			t.Errorf("cursor of %s = %+v; want a validator and the poll time", f.URL, f.FeedCursor)
		}
	}
	gaveUp, err := st.FeedItems(ctx, "g1", rss)
	if err != nil {
		t.Fatal(err)
	}
	if len(gaveUp) != 1 || gaveUp[0].Status != state.ItemGaveUp || !strings.Contains(gaveUp[0].LastError, "is not an article") || gaveUp[0].Title != "Impressum" {
		t.Errorf("the feed's unfinished items = %+v; want the Impressum, given up, with its error", gaveUp)
	}
	want := []string{
		"Gaspreise steigen vor dem Winter", "Gespräche über Waffenruhe in Istanbul",
		"Kreml: Keine nordkoreanischen Truppen im Einsatz", "Nordkorea schickt Soldaten nach Russland",
	}
	if got := lib.titles(); !slices.Equal(got, want) {
		t.Errorf("library = %q, want %q", got, want)
	}
}

// TestPollerRetriesFailedItems: an item the library could not take (here
// the index is busy) is tried again once it is due, and meanwhile holds the
// feed's validator back so the feed is read in full; an item the library
// has already is a duplicate and never fetched again.
func TestPollerRetriesFailedItems(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.SetFeed("/feeds/atom.xml", "atom-updated.xml")
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	addFeeds(t, st, s.URL("/feeds/atom.xml"))
	lib := newLibrary(t)
	attempts := map[string]int{}
	lib.fail = func(f ingest.Fetched) error {
		attempts[f.Title]++
		switch {
		case strings.HasPrefix(f.Title, "Gespräche") && attempts[f.Title] == 1:
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "index is being rebuilt")
		case strings.HasPrefix(f.Title, "Kreml"):
			return claimbot.Errorf(claimbot.ECONFLICT, "already in the corpus")
		}
		return nil
	}
	clk := &clock{now: pollTime}
	p := newPoller(st, lib, ingest.PollerOptions{Now: clk.Now})

	steps := []struct {
		after   time.Duration // clock moved before the poll
		want    string
		etagSet bool
	}{
		{0, `304=false added=[2024-10-18-nordkorea-schickt-soldaten-nach-russland] seen=0 dup=1 waiting=0 refused=[] failed=[/welt/waffenruhe] gaveup=[] err=""`, false},
		// Not due yet: the item waits, the feed is read in full.
		{time.Minute, `304=false added=[] seen=2 dup=0 waiting=1 refused=[] failed=[] gaveup=[] err=""`, false},
		{15 * time.Minute, `304=false added=[gespraeche-ueber-waffenruhe-in-istanbul] seen=2 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`, true},
		{15 * time.Minute, `304=true added=[] seen=0 dup=0 waiting=0 refused=[] failed=[] gaveup=[] err=""`, true},
	}
	for i, step := range steps {
		clk.Add(step.after)
		r, err := p.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(s, r.Feeds[0]); got != step.want {
			t.Errorf("poll %d:\n got %s\nwant %s", i+1, got, step.want)
		}
		feeds, _ := st.ListFeeds(ctx, "g1")
		if (feeds[0].ETag != "") != step.etagSet {
			t.Errorf("poll %d: ETag %q, want set=%v", i+1, feeds[0].ETag, step.etagSet)
		}
		if i == 0 && !strings.Contains(feeds[0].LastError, "1 item(s) will be tried again") {
			t.Errorf("poll 1: LastError %q", feeds[0].LastError)
		}
		// What people read is kept as a text to say in their language.
		if de := claimbot.ErrorText(feeds[0].Err(), l10n.DE); i == 0 && !strings.HasPrefix(de, "1 Eintrag wird erneut versucht; zuerst: "+s.URL("/welt/waffenruhe")) {
			t.Errorf("poll 1: in German %q", de)
		}
	}
	if got := s.Requests("/welt/kreml-dementi"); got != 1 {
		t.Errorf("the item the library already had was fetched %d times, want 1", got)
	}
	if got := s.Requests("/welt/waffenruhe"); got != 2 {
		t.Errorf("the failed item was fetched %d times, want 2 (once more when due)", got)
	}
}

// TestPollerRetriesWithBackoff: an item that fails (a 404, text too
// short) is tried five times over 17 hours, shown with its error, then
// given up; when the feed republishes it (a newer updated time) and the
// page is fixed, it comes in. It was once refused for good on the first
// failure.
func TestPollerRetriesWithBackoff(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	var mu sync.Mutex
	updated, fixed := "2024-11-05T08:00:00Z", false
	s.Handle("/feeds/eil.xml", func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Eil</title><id>eil</id><updated>%[1]s</updated>
<entry><title>Eilmeldung</title><id>eil-1</id><link href="%[2]s/eil/1"/><updated>%[1]s</updated></entry></feed>`, updated, s.URL(""))
	})
	s.Handle("/eil/1", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if !fixed {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(s.read("site", "nordkorea-soldaten.html"))
	})
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	feed := s.URL("/feeds/eil.xml")
	addFeeds(t, st, feed)
	clk := &clock{now: pollTime}
	p := newPoller(st, newLibrary(t), ingest.PollerOptions{Now: clk.Now})
	poll := func() ingest.FeedReport {
		t.Helper()
		r, err := p.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return r.Feeds[0]
	}
	var tried []time.Duration
	var gaveUp string                    // the feed's error in German when the item was given up
	for step := 0; step < 24*4; step++ { // every 15 minutes for a day
		fr := poll()
		if len(fr.Failed)+len(fr.GaveUp) > 0 {
			tried = append(tried, clk.Now().Sub(pollTime))
		}
		if len(fr.GaveUp) > 0 {
			feeds, _ := st.ListFeeds(ctx, "g1")
			gaveUp = claimbot.ErrorText(feeds[0].Err(), l10n.DE)
		}
		clk.Add(15 * time.Minute)
	}
	want := []time.Duration{0, 15 * time.Minute, 75 * time.Minute, 315 * time.Minute, 1035 * time.Minute}
	if !slices.Equal(tried, want) {
		t.Errorf("tried at %v after the first poll, want %v", tried, want)
	}
	if n := s.Requests("/eil/1"); n != 5 {
		t.Errorf("the page was fetched %d times, want 5", n)
	}
	items, err := st.FeedItems(ctx, "g1", feed)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Status != state.ItemGaveUp || items[0].Attempts != 5 || !strings.Contains(items[0].LastError, "404") {
		t.Fatalf("items = %+v; want the item given up after 5 tries with its 404", items)
	}
	if want := "1 Eintrag nach 5 Versuchen aufgegeben; zuerst: " + s.URL("/eil/1") + " gibt es nicht"; !strings.HasPrefix(gaveUp, want) {
		t.Errorf("the feed's error in German = %q, want %q…", gaveUp, want)
	}
	if err := items[0].Err(); claimbot.ErrorCode(err) != claimbot.ENOTFOUND || !strings.HasPrefix(claimbot.ErrorText(err, l10n.DE), s.URL("/eil/1")+" gibt es nicht") {
		t.Errorf("the item's error = %q (%s) in German", claimbot.ErrorText(err, l10n.DE), claimbot.ErrorCode(err))
	}
	if fr := poll(); len(fr.Failed)+len(fr.GaveUp)+len(fr.Added) != 0 {
		t.Errorf("a given-up item was tried again without being republished: %+v", fr)
	}
	mu.Lock()
	updated, fixed = "2024-11-06T18:00:00Z", true
	mu.Unlock()
	if fr := poll(); len(fr.Added) != 1 {
		t.Errorf("republished and fixed: %s; want it added", summary(s, fr))
	}
	if items, _ := st.FeedItems(ctx, "g1", feed); len(items) != 0 {
		t.Errorf("items after the fix = %+v; want none left unfinished", items)
	}
}

func TestPollerFeedErrors(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.Handle("/feeds/kaputt.xml", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "Wartung", http.StatusBadGateway)
	})
	s.Handle("/feeds/seite.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>Kein Feed</body></html>"))
	})
	s.Handle("/feeds/fremd.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write([]byte(`<?xml version="1.0"?><bestellung><artikel>Brot</artikel></bestellung>`))
	})
	s.Handle("/feeds/ohne-links.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Nur Text</title><description>Ohne Link</description></item></channel></rss>`))
	})
	tests := []struct {
		path, err, refused string
		de                 string // the kept error in German
	}{
		{"/feeds/kaputt.xml", "is unavailable (the server answered 502 Bad Gateway)", "", "ist nicht verfügbar (der Server antwortete 502)"},
		{"/feeds/seite.xml", "is text/html, not one of application/rss+xml", "", "ist text/html, nicht eines von application/rss+xml"},
		{"/feeds/fremd.xml", "is not an RSS or Atom feed", "", "ist kein RSS- oder Atom-Feed"},
		{"/feeds/ohne-links.xml", "", `"Nur Text": the item has no link`, ""},
	}
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	for _, tt := range tests {
		addFeeds(t, st, s.URL(tt.path))
	}
	r, err := newPoller(st, newLibrary(t), ingest.PollerOptions{}).Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]ingest.FeedReport{}
	for _, fr := range r.Feeds {
		byURL[fr.URL] = fr
	}
	feeds, _ := st.ListFeeds(ctx, "g1")
	cursor := map[string]state.FeedCursor{}
	for _, f := range feeds {
		cursor[f.URL] = f.FeedCursor
	}
	for _, tt := range tests {
		fr := byURL[s.URL(tt.path)]
		if !strings.Contains(fr.Err, tt.err) || (tt.err == "") != (fr.Err == "") {
			t.Errorf("%s: Err %q, want %q", tt.path, fr.Err, tt.err)
		}
		if c := cursor[s.URL(tt.path)]; c.LastError != fr.Err || !c.LastPoll.Equal(pollTime) {
			t.Errorf("%s: cursor %+v, want LastError %q at %v", tt.path, c, fr.Err, pollTime)
		}
		if de := claimbot.ErrorText(cursor[s.URL(tt.path)].Err(), l10n.DE); !strings.Contains(de, tt.de) || (tt.de == "") != (de == "") {
			t.Errorf("%s: the kept error in German is %q, want %q", tt.path, de, tt.de)
		}
		if tt.refused != "" {
			refused := strings.Join(fr.Refused, "|")
			if !strings.Contains(refused, strings.ReplaceAll(tt.refused, "/impressum: ", s.URL("/impressum")+": ")) {
				t.Errorf("%s: refused %q, want %q", tt.path, refused, tt.refused)
			}
		}
	}
}

// fakeTicker is driven by the test instead of the clock.
type fakeTicker struct {
	c       chan time.Time
	stopped chan struct{}
}

func (f *fakeTicker) C() <-chan time.Time { return f.c }
func (f *fakeTicker) Stop()               { close(f.stopped) }

func TestPollerRun(t *testing.T) {
	s := newSite(t)
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	addFeeds(t, st, s.URL("/feeds/atom.xml"))

	ticker := &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	var interval time.Duration
	reports := make(chan ingest.PollReport)
	p := newPoller(st, newLibrary(t), ingest.PollerOptions{
		NewTicker: func(d time.Duration) ingest.Ticker { interval = d; return ticker },
		OnPoll: func(r ingest.PollReport, err error) {
			if err != nil {
				t.Error(err)
			}
			reports <- r
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- p.Run(ctx) }()

	if r := <-reports; len(r.Added()) != 2 {
		t.Errorf("first poll (at start, before any tick) added %d, want 2", len(r.Added()))
	}
	if interval != 15*time.Minute {
		t.Errorf("interval %v, want the 15 minute default", interval)
	}
	ticker.c <- pollTime
	if r := <-reports; !r.Feeds[0].NotModified {
		t.Errorf("second poll: %+v, want 304", r.Feeds[0])
	}
	s.SetFeed("/feeds/atom.xml", "atom-updated.xml")
	ticker.c <- pollTime.Add(15 * time.Minute)
	if r := <-reports; len(r.Added()) != 1 {
		t.Errorf("third poll added %d, want the 1 new item", len(r.Added()))
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	<-ticker.stopped
}

func TestPollIsExclusive(t *testing.T) {
	s := newSite(t)
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	addFeeds(t, st, s.URL("/feeds/atom.xml"))
	lib := newLibrary(t)
	entered := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	lib.fail = func(ingest.Fetched) error {
		once.Do(func() { close(entered); <-release })
		return nil
	}
	p := newPoller(st, lib, ingest.PollerOptions{})
	done := make(chan error)
	go func() { _, err := p.Poll(context.Background()); done <- err }()
	<-entered
	_, err := p.Poll(context.Background())
	if claimbot.ErrorCode(err) != claimbot.ECONFLICT || !strings.Contains(claimbot.ErrorMessage(err), "already running") {
		t.Errorf("second Poll while one runs = %v, want ECONFLICT", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestPollerLimitsItemsPerPoll(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.SetFeed("/feeds/atom.xml", "atom-updated.xml")
	st := openStore(t, filepath.Join(t.TempDir(), "state.db"))
	defer st.Close()
	addFeeds(t, st, s.URL("/feeds/atom.xml"))
	p := newPoller(st, newLibrary(t), ingest.PollerOptions{MaxItemsPerPoll: 2})
	var added []int
	for i := 0; i < 3; i++ {
		r, err := p.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, len(r.Added()))
	}
	// 3 items, 2 per poll: the rest comes with the next poll (the feed's
	// validator is held back until then), then 304.
	if !slices.Equal(added, []int{2, 1, 0}) || s.NotModified("/feeds/atom.xml") != 1 {
		t.Errorf("added per poll %v, 304s %d; want [2 1 0] and 1", added, s.NotModified("/feeds/atom.xml"))
	}
}

func TestCheckFeed(t *testing.T) {
	s := newSite(t)
	ing := localIngester(ingest.Options{})
	info, err := ing.CheckFeed(context.Background(), s.URL("/feeds/rss.xml"))
	if err != nil || info.Title != "Wirtschaftsblatt Test" || info.Items != 3 {
		t.Errorf("CheckFeed(rss) = %+v, %v", info, err)
	}
	_, err = ing.CheckFeed(context.Background(), s.URL("/politik/nordkorea-soldaten"))
	if claimbot.ErrorCode(err) != claimbot.EINVALID {
		t.Errorf("CheckFeed(article page) = %v, want EINVALID", err)
	}
}
