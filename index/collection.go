package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimbot/claimbot/articles"
)

// Collections. Every passage carries the collection of its article as a
// keyword, so one index serves every guild: a search names the
// collections it may see (SearchOptions.Collections) and the rest are
// left out in the query, without a score of their own. Memory and
// rebuild time then grow with the articles, not with the guilds.

// BaseCollection is the collection of an article whose Collection is
// empty: the shared base every guild sees.
const BaseCollection = "base"

// fieldCollection is the passage field holding the collection.
const fieldCollection = "collection"

// collectionOf is the collection an article is indexed in.
func collectionOf(a articles.Article) string {
	if a.Collection == "" {
		return BaseCollection
	}
	return a.Collection
}

// filtered restricts q to opts' collections and drops the passages of the
// excluded articles and collections, without changing any passage's
// score, so the same passage ranks the same in every guild.
func filtered(q query.Query, opts SearchOptions) query.Query {
	var not []query.Query
	for _, id := range opts.Exclude {
		if id == "" {
			continue
		}
		tq := bleve.NewTermQuery(id)
		tq.SetField(fieldArticle)
		not = append(not, tq)
	}
	for _, c := range opts.NotCollections {
		if c == "" {
			c = BaseCollection
		}
		tq := bleve.NewTermQuery(c)
		tq.SetField(fieldCollection)
		not = append(not, tq)
	}
	var in []query.Query
	for _, c := range opts.Collections {
		if c == "" {
			c = BaseCollection
		}
		tq := bleve.NewTermQuery(c)
		tq.SetField(fieldCollection)
		in = append(in, tq)
	}
	if len(not) == 0 && len(in) == 0 {
		return q
	}
	if len(in) == 0 {
		return query.NewBooleanQuery([]query.Query{q}, nil, not)
	}
	// The collections are a second required clause, so the search advances
	// through the view's postings only (a Bleve filter clause would score
	// every passage of every collection first, three times slower with
	// 1,000 guilds; BenchmarkGuildCollections). Their boost is 0: a passage
	// scores the same in every view.
	for _, t := range in {
		t.(*query.TermQuery).SetBoost(0)
	}
	view := query.NewDisjunctionQuery(in)
	view.SetBoost(0)
	return query.NewBooleanQuery([]query.Query{q, view}, nil, not)
}

// Entries returns the manifest entries of the articles in the given
// collections ("" is the base), by ID: listing one guild's view must not
// copy every guild's.
func (ix *Index) Entries(collections ...string) map[string]ManifestEntry {
	want := make(map[string]bool, len(collections))
	for _, c := range collections {
		if c == "" {
			c = BaseCollection
		}
		want[c] = true
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := map[string]ManifestEntry{}
	for id, e := range ix.manifest {
		if want[e.collection()] {
			out[id] = e
		}
	}
	return out
}

// Entry returns one article's manifest entry.
func (ix *Index) Entry(id string) (ManifestEntry, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	e, ok := ix.manifest[id]
	return e, ok
}

func (e ManifestEntry) collection() string {
	if e.Collection == "" {
		return BaseCollection
	}
	return e.Collection
}

// count is how many articles and passages one collection has.
type count struct{ articles, passages int }

// setManifest replaces the manifest and recounts it by collection, so
// Count answers without walking it; the caller holds ix.mu (or is Open).
func (ix *Index) setManifest(m map[string]ManifestEntry) {
	counts := map[string]count{}
	for _, e := range m {
		c := counts[e.collection()]
		c.articles++
		c.passages += e.Passages
		counts[e.collection()] = c
	}
	ix.manifest, ix.counts = m, counts
}

// Count returns how many articles and passages the given collections
// ("" is the base) hold, without walking the manifest: it is asked on
// every answer.
func (ix *Index) Count(collections ...string) (articles, passages int) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seen := map[string]bool{}
	for _, c := range collections {
		if c == "" {
			c = BaseCollection
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		articles += ix.counts[c].articles
		passages += ix.counts[c].passages
	}
	return articles, passages
}
