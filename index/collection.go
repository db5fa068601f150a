package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimbot/claimbot/articles"
)

// Collections. Every passage carries the collection of its article as a
// keyword, so one index serves every guild: a search names the
// collections it may see (SearchOptions.Collections) and the rest are
// filtered out in the query, without a score of their own. Memory and
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
// excluded articles. The collection filter is a Bleve filter clause: it
// selects passages without adding to their scores, so the same passage
// ranks the same in every guild.
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
	bq := query.NewBooleanQuery([]query.Query{q}, nil, not)
	if len(in) > 0 {
		bq.AddFilter(query.NewDisjunctionQuery(in))
	}
	return bq
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
