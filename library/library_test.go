package library

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
)

// seedDir copies the embedded corpus into a folder a test may change.
func seedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(articles.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(articles.Default(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func open(t *testing.T, cfg Config) *Library {
	t.Helper()
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	l, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestOpenBuildsOnFirstUse(t *testing.T) {
	l := open(t, Config{})
	st := l.Stats(Base)
	if st.Articles != 5 || st.Passages == 0 || st.IndexBuilt.IsZero() || st.Corpus != "embedded corpus" {
		t.Errorf("stats after first open: %+v", st)
	}
	res, err := l.Search(context.Background(), Base, "Minenräumer Kursk", index.SearchOptions{Limit: 1})
	if err != nil || len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Passage, "1.000 Minenräumer") {
		t.Fatalf("search after first open: %v %+v", err, res)
	}
}

func TestReindexReportsChanges(t *testing.T) {
	dir := seedDir(t)
	l := open(t, Config{Articles: os.DirFS(dir), ArticlesLabel: dir})
	ctx := context.Background()

	// One new article, one changed, one deleted, one broken.
	if err := os.WriteFile(filepath.Join(dir, "pentagon.md"), testdata(t, "pentagon.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "000_d385df09853590cf.txt")
	data, _ := os.ReadFile(changed)
	os.WriteFile(changed, append(data, []byte("\nEin neuer Absatz am Ende.\n")...), 0o644)
	os.Remove(filepath.Join(dir, "001_856eca06fb30107a.txt"))
	os.WriteFile(filepath.Join(dir, "kaputt.txt"), []byte{0, 1, 2, 3}, 0o644)

	rep, err := l.Reindex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Added, []string{"pentagon"}) || !slices.Equal(rep.Changed, []string{"000_d385df09853590cf"}) ||
		!slices.Equal(rep.Removed, []string{"001_856eca06fb30107a"}) {
		t.Errorf("added %v changed %v removed %v", rep.Added, rep.Changed, rep.Removed)
	}
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "kaputt.txt") {
		t.Errorf("problems: %q", rep.Problems)
	}
	if rep.Articles != 5 || l.Stats(Base).Articles != 5 {
		t.Errorf("articles: report %d, stats %d, want 5", rep.Articles, l.Stats(Base).Articles)
	}
	if !hasKind(rep.Alerts, "conflict", "pentagon") {
		t.Errorf("the Pentagon's 3.000 against 15.000 at the front must raise a conflict; got %s", kinds(rep.Alerts))
	}
	// Nothing new: a second re-index reports no change and no alert.
	rep, err = l.Reindex(ctx)
	if err != nil || len(rep.Added)+len(rep.Changed)+len(rep.Removed)+len(rep.Alerts) != 0 {
		t.Errorf("second re-index: %v %+v", err, rep)
	}
}

func TestReindexRunsOnce(t *testing.T) {
	l := open(t, Config{})
	l.reindexing.Lock() // a re-index in progress
	_, err := l.Reindex(context.Background())
	l.reindexing.Unlock()
	if claimbot.ErrorCode(err) != claimbot.ECONFLICT {
		t.Errorf("got %v, want ECONFLICT", err)
	}
}

func TestAddAndRemove(t *testing.T) {
	data := t.TempDir()
	l := open(t, Config{DataDir: data})
	ctx := context.Background()

	rep, err := l.Add(ctx, Base, []File{
		{Name: "pentagon.md", Data: testdata(t, "pentagon.md")},
		{Name: "leer.txt", Data: nil},
		{Name: "bild.png", Data: []byte("x")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Added, []string{"pentagon"}) || len(rep.Problems) != 2 {
		t.Errorf("added %v problems %q", rep.Added, rep.Problems)
	}
	if !hasKind(rep.Alerts, "conflict", "pentagon") {
		t.Errorf("want a conflict alert for the new article, got %s", kinds(rep.Alerts))
	}
	for _, a := range rep.Alerts {
		if a.New.Article != "pentagon" {
			t.Errorf("alert not about the new article: %+v", a.New)
		}
	}
	res, _ := l.Search(ctx, Base, "Pentagon 3.000 Soldaten", index.SearchOptions{Limit: 3})
	if len(res.Hits) == 0 || res.Hits[0].Article != "pentagon" {
		t.Fatalf("added article not found first: %+v", res.Hits)
	}
	if len(l.Disagreements(Base, res.Hits[:1])) == 0 {
		t.Error("the added passage disagrees with seed 002, but Disagreements is empty")
	}

	// The same file again: refused with a reason, nothing changes.
	before := l.Stats(Base)
	if _, err := l.Add(ctx, Base, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}}); claimbot.ErrorCode(err) != claimbot.ECONFLICT || !strings.Contains(err.Error(), "in the archive already as article pentagon") {
		t.Errorf("duplicate: got %v", err)
	}
	if after := l.Stats(Base); after.Articles != before.Articles || after.Passages != before.Passages {
		t.Errorf("a refused add changed the index: %+v -> %+v", before, after)
	}

	// The added article survives a re-open and a re-index.
	l.Close()
	l = open(t, Config{DataDir: data})
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Article(Base, "pentagon"); !ok {
		t.Fatal("added article lost by re-open and re-index")
	}

	if err := l.Remove(ctx, Base, "pentagon"); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Article(Base, "pentagon"); ok {
		t.Error("removed article still there")
	}
	if err := l.Remove(ctx, Base, "000_d385df09853590cf"); claimbot.ErrorCode(err) != claimbot.EINVALID {
		t.Errorf("removing a corpus article: got %v, want EINVALID explaining how", err)
	}
	if err := l.Remove(ctx, Base, "gibt-es-nicht"); claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		t.Errorf("removing an unknown article: got %v", err)
	}
}

func TestTimeline(t *testing.T) {
	l := open(t, Config{})
	entries, err := l.Timeline(context.Background(), Base, "nordkoreanische Soldaten")
	if err != nil || len(entries) < 5 {
		t.Fatalf("got %d entries, %v", len(entries), err)
	}
	for _, bad := range []string{"", "  ", strings.Repeat("x", 301)} {
		if _, err := l.Timeline(context.Background(), Base, bad); claimbot.ErrorCode(err) != claimbot.EINVALID {
			t.Errorf("topic %q: got %v, want EINVALID", bad, err)
		}
	}
}

func hasKind(alerts []claims.Alert, kind, article string) bool {
	for _, a := range alerts {
		if string(a.Kind) == kind && (a.New.Article == article || a.First().Article == article) {
			return true
		}
	}
	return false
}

func kinds(alerts []claims.Alert) string {
	var out []string
	for _, a := range alerts {
		out = append(out, string(a.Kind)+":"+a.New.Article+"/"+a.First().Article)
	}
	return "[" + strings.Join(out, " ") + "]"
}

// TestLargeCorpusPaths runs the paths a corpus above wholeCorpusLimit
// takes, on the seeds, by lowering the limit: the timeline narrowed by
// search must equal the one over the whole corpus.
func TestLargeCorpusPaths(t *testing.T) {
	l := open(t, Config{})
	ctx := context.Background()
	whole, err := l.Timeline(ctx, Base, "nordkoreanische Soldaten")
	if err != nil {
		t.Fatal(err)
	}
	res, _ := l.Search(ctx, Base, "Nordkorea 100.000 Soldaten", index.SearchOptions{})
	if len(l.Disagreements(Base, res.Hits)) == 0 {
		t.Fatal("precondition: the seeds' 100.000 offer has disagreements")
	}

	defer func(n int) { wholeCorpusLimit = n }(wholeCorpusLimit)
	wholeCorpusLimit = 2
	narrowed, err := l.Timeline(ctx, Base, "nordkoreanische Soldaten")
	if err != nil {
		t.Fatal(err)
	}
	if len(narrowed) != len(whole) {
		t.Fatalf("narrowed timeline has %d entries, whole %d", len(narrowed), len(whole))
	}
	for i := range whole {
		if narrowed[i].Claim != whole[i].Claim || narrowed[i].Relation != whole[i].Relation {
			t.Errorf("entry %d: %q (%s), want %q (%s)", i, narrowed[i].Claim, narrowed[i].Relation, whole[i].Claim, whole[i].Relation)
		}
	}
	if d := l.Disagreements(Base, res.Hits); d != nil {
		t.Errorf("above the limit answers carry no disagreement note, got %d", len(d))
	}
	if len(l.Contradictions(Base)) == 0 {
		t.Error("contradictions are still listed on request above the limit")
	}
	if arts := l.Articles(Base); len(arts) != 5 || arts[0].Title == "" || arts[0].ID == "" {
		t.Errorf("Articles from the manifest: %+v", arts)
	}
}

// TestBuildOnceOnANewDataDirectory: `claimbot index` on a new data
// directory opens the library, which builds the index, and then asks for a
// build; the second build would redo the first. Build reuses the opened
// build only while nothing has changed since.
func TestBuildOnceOnANewDataDirectory(t *testing.T) {
	ctx := context.Background()
	var tick int64
	clock := func() time.Time { tick++; return time.Unix(1_700_000_000+tick, 0) }
	l := open(t, Config{Now: clock})
	built := l.Stats(Base).IndexBuilt

	rep, err := l.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 5 || rep.Passages == 0 || len(rep.Added) != 5 {
		t.Errorf("the reused build must report what Open built: %+v", rep)
	}
	if got := l.Stats(Base).IndexBuilt; !got.Equal(built) {
		t.Errorf("Build after Open rebuilt the index (built %v, then %v)", built, got)
	}

	// Asked again, it builds: the user wants a re-index.
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	again := l.Stats(Base).IndexBuilt
	if again.Equal(built) {
		t.Error("a second Build must rebuild the index")
	}

	// After a change, a fresh library's opened build is stale and Build
	// rebuilds.
	l2 := open(t, Config{Now: clock})
	if _, err := l2.Add(ctx, Base, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}}); err != nil {
		t.Fatal(err)
	}
	before := l2.Stats(Base).IndexBuilt
	rep, err = l2.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if l2.Stats(Base).IndexBuilt.Equal(before) || rep.Articles != 6 {
		t.Errorf("Build after an addition must rebuild with it: %+v", rep)
	}
}
