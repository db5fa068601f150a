package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/relevance"

	"github.com/claimbot/claimbot/internal/workspace"
)

// seeds returns the embedded corpus.
func seeds(t testing.TB) []articles.Article {
	t.Helper()
	arts, err := articles.LoadDir(articles.Default())
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// seedIndex builds a real index of the seed corpus in a temporary directory.
func seedIndex(t testing.TB) *Index {
	t.Helper()
	ix := openIndex(t, t.TempDir(), Options{})
	if err := ix.Rebuild(context.Background(), seeds(t)); err != nil {
		t.Fatal(err)
	}
	return ix
}

// openIndex opens the index in dir and closes it when the test ends (Close
// is idempotent, so tests may close it earlier).
func openIndex(t testing.TB, dir string, opts Options) *Index {
	t.Helper()
	ix, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// synthetic returns copies × the given articles under new IDs
// ("syn<prefix>-<copy>-<id>"), for a corpus larger than the seeds.
func synthetic(arts []articles.Article, prefix string, copies int) []articles.Article {
	out := make([]articles.Article, 0, len(arts)*copies)
	for c := range copies {
		for _, a := range arts {
			a.ID = fmt.Sprintf("syn%s-%03d-%s", prefix, c, a.ID)
			out = append(out, a)
		}
	}
	return out
}

func passages(arts []articles.Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Paragraphs)
	}
	return n
}

// genDirs lists the index generations present in dir.
func genDirs(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var gens []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), genPrefix) {
			gens = append(gens, e.Name())
		}
	}
	return gens
}

// hitIDs runs a search that must succeed and returns the passage IDs found.
func hitIDs(t testing.TB, ix *Index, q string, limit int) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), q, SearchOptions{Limit: limit})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids
}

// tripContext is a context whose Err starts failing with context.Canceled
// after a given number of calls. Rebuild checks Err once per article, so
// this cancels a rebuild at an exact point instead of at a moment in time.
type tripContext struct {
	context.Context
	after  int64
	calls  atomic.Int64
	once   sync.Once
	done   chan struct{}
	onTrip func() // called once, from the call that trips
}

func newTripContext(after int, onTrip func()) *tripContext {
	return &tripContext{Context: context.Background(), after: int64(after), done: make(chan struct{}), onTrip: onTrip}
}

func (c *tripContext) Err() error {
	if c.calls.Add(1) <= c.after {
		return nil
	}
	c.once.Do(func() {
		if c.onTrip != nil {
			c.onTrip()
		}
		close(c.done)
	})
	return context.Canceled
}

func (c *tripContext) Done() <-chan struct{} { return c.done }

// evalQueries are the shared eval set's queries, or a few built-in ones
// when the shared directory is not beside the repository.
func evalQueries(t testing.TB) []string {
	t.Helper()
	path, ok := workspace.Shared("eval/queries.json")
	if !ok && workspace.Required() {
		t.Fatalf("%s=1 but %s is absent", workspace.EnvRequire, path)
	}
	if ok {
		set, err := relevance.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		var qs []string
		for _, g := range set.Groups() {
			for _, c := range set[g] {
				qs = append(qs, c.Query)
			}
		}
		return qs
	}
	return []string{
		"Nordkorea bietet Russland 100.000 Soldaten an", "Schoigu Pjoengjang Besuch",
		"400000 ukrainische Soldaten", "Rückeroberung des Gebiets Kursk",
	}
}

// decodeMeta reads the stored meta of a generation as loose JSON, so a test
// can rewrite fields the way an older claimbot would have written them.
func decodeMeta(t testing.TB, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("stored meta %q: %v", data, err)
	}
	return m
}

// testArticle is an article of the given paragraphs, titled after its ID.
func testArticle(id string, paras ...string) articles.Article {
	a := articles.Article{ID: id, Title: "Titel " + id}
	for i, p := range paras {
		a.Paragraphs = append(a.Paragraphs, articles.Paragraph{N: i + 1, Text: p})
	}
	return a
}

// indexOf is a fresh index in a temporary directory holding arts.
func indexOf(t testing.TB, arts ...articles.Article) *Index {
	t.Helper()
	ix := openIndex(t, t.TempDir(), Options{})
	if err := ix.Rebuild(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return ix
}
