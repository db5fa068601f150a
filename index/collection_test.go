package index

import (
	"context"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// inCollection returns copies of arts in collection c, with IDs prefixed
// so they do not collide with the originals.
func inCollection(arts []articles.Article, c, prefix string) []articles.Article {
	out := make([]articles.Article, len(arts))
	for i, a := range arts {
		a.ID = prefix + a.ID
		a.Collection = c
		out[i] = a
	}
	return out
}

// TestCollectionFilter: a search sees only the collections it names; the
// filter does not score, so a base passage ranks with the same score in
// every view; without Collections every passage is searched.
func TestCollectionFilter(t *testing.T) {
	ctx := context.Background()
	base := seeds(t)
	all := append(append(append([]articles.Article(nil), base...), inCollection(base, "guild-1", "g1-")...), inCollection(base, "guild-2", "g2-")...)
	ix := openIndex(t, t.TempDir(), Options{})
	if err := ix.Rebuild(ctx, all); err != nil {
		t.Fatal(err)
	}
	const q = "Minenräumer Kursk"
	search := func(cs ...string) Result {
		t.Helper()
		res, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit, Collections: cs})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	prefixes := func(res Result) map[string]int {
		m := map[string]int{}
		for _, h := range res.Hits {
			p := "base"
			if i := strings.IndexByte(h.Article, '-'); i > 0 && strings.HasPrefix(h.Article, "g") {
				p = h.Article[:i]
			}
			m[p]++
		}
		return m
	}
	baseOnly := search("")
	if got := prefixes(baseOnly); len(got) != 1 || got["base"] == 0 {
		t.Errorf("base view: hits from %v", got)
	}
	g1 := search("", "guild-1")
	if got := prefixes(g1); len(got) != 2 || got["base"] != got["g1"] || got["g2"] != 0 {
		t.Errorf("guild-1 view: hits from %v; want base and g1 alike, no g2", got)
	}
	if g1.Total != 2*baseOnly.Total {
		t.Errorf("Total: guild-1 view %d, base %d; want twice", g1.Total, baseOnly.Total)
	}
	if got := prefixes(search()); len(got) != 3 {
		t.Errorf("no Collections: hits from %v; want all three", got)
	}
	if got := prefixes(search("guild-2")); len(got) != 1 || got["g2"] == 0 {
		t.Errorf("guild-2 only: hits from %v", got)
	}
	score := map[string]float64{}
	for _, h := range baseOnly.Hits {
		score[h.ID] = h.Score
	}
	for _, h := range g1.Hits {
		if s, ok := score[h.ID]; ok && s != h.Score {
			t.Errorf("%s scores %v in the base view and %v in guild-1's: the filter must not score", h.ID, s, h.Score)
		}
	}
	// Exclusions and collections together.
	ex, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit, Collections: []string{"", "guild-1"}, Exclude: []string{baseOnly.Hits[0].Article}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range ex.Hits {
		if h.Article == baseOnly.Hits[0].Article {
			t.Errorf("excluded %s returned", h.Article)
		}
	}
	not, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit, NotCollections: []string{""}})
	if err != nil {
		t.Fatal(err)
	}
	if got := prefixes(not); got["base"] != 0 || got["g1"] == 0 || got["g2"] == 0 {
		t.Errorf("every collection but the base: hits from %v", got)
	}
	if n, _ := ix.Count("guild-2"); n != len(base) || len(ix.Entries("guild-2")) != n {
		t.Errorf("Entries(guild-2) = %d, want %d", n, len(base))
	}
	if n := len(ix.Entries("", "guild-1")); n != 2*len(base) {
		t.Errorf("Entries(base, guild-1) = %d, want %d", n, 2*len(base))
	}
	if e, ok := ix.Entry("g2-" + base[0].ID); !ok || e.Collection != "guild-2" || e.TextHash != base[0].TextHash() {
		t.Errorf("Entry = %+v, %v", e, ok)
	}
}
