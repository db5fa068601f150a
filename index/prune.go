package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// drivenQuery matches the passages driver matches and scores them as full
// does. driver must match a subset of full's passages (its clauses are
// clauses of full), so every candidate gets exactly the score the whole
// query would give it; what is skipped are the passages only full matches.
type drivenQuery struct {
	full, driver query.Query
}

func (q *drivenQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	// The driver only names candidates: without scores or term vectors
	// Bleve ORs its postings as bitmaps.
	d, err := q.driver.Searcher(ctx, r, m, search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	f, err := q.full.Searcher(ctx, r, m, opts)
	if err != nil {
		_ = d.Close()
		return nil, err
	}
	return &drivenSearcher{driver: d, full: f}, nil
}

type drivenSearcher struct {
	driver, full search.Searcher
}

func (s *drivenSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.driver.Next(ctx)
	if err != nil || d == nil {
		return nil, err
	}
	return s.score(ctx, d)
}

func (s *drivenSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.driver.Advance(ctx, id)
	if err != nil || d == nil {
		return nil, err
	}
	return s.score(ctx, d)
}

// score moves full to the candidate d and returns full's match for it.
func (s *drivenSearcher) score(ctx *search.SearchContext, d *search.DocumentMatch) (*search.DocumentMatch, error) {
	for {
		id := append(index.IndexInternalID(nil), d.IndexInternalID...)
		ctx.DocumentMatchPool.Put(d)
		m, err := s.full.Advance(ctx, id)
		if err != nil || m == nil {
			return nil, err
		}
		if m.IndexInternalID.Equals(id) {
			return m, nil
		}
		// Cannot happen while driver's clauses are full's; if it does,
		// catch the driver up rather than return an unscored passage.
		next := append(index.IndexInternalID(nil), m.IndexInternalID...)
		ctx.DocumentMatchPool.Put(m)
		if d, err = s.driver.Advance(ctx, next); err != nil || d == nil {
			return nil, err
		}
	}
}

func (s *drivenSearcher) Close() error {
	err := s.driver.Close()
	if ferr := s.full.Close(); err == nil {
		err = ferr
	}
	return err
}

func (s *drivenSearcher) Weight() float64           { return s.full.Weight() }
func (s *drivenSearcher) SetQueryNorm(norm float64) { s.full.SetQueryNorm(norm) }
func (s *drivenSearcher) Size() int                 { return s.driver.Size() + s.full.Size() }
func (s *drivenSearcher) Count() uint64             { return s.driver.Count() }
func (s *drivenSearcher) Min() int                  { return 0 }
func (s *drivenSearcher) DocumentMatchPoolSize() int {
	return s.driver.DocumentMatchPoolSize() + s.full.DocumentMatchPoolSize()
}
