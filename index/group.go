package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// groupTie is what the clauses of a word group beyond its best match
// add, as a share of their scores (see wordGroup).
const groupTie = 0.2

// wordGroup is the clauses of one query word: the word in the text field,
// the heading and the title, its other forms, its compound parts, its
// spelling variants, its renderings of an English word. A passage scores
// the best clause it matches plus groupTie times the others (Lucene's
// dis-max with a tie-breaker).
//
// Bleve's disjunction would sum the clauses and scale the sum by the share
// of them that match. Within one word that share says nothing about the
// passage: it falls with the number of alternatives the word has, so a
// passage with the exact word scores a third of its term for a noun and
// an eighth for a verb with five forms, while one with three forms of a
// common verb scores them three times over, and rises again with each
// form. "Wann wurde das Plastom entdeckt?" found the passage on a
// discoverer with "entdeckte" and "Entdecker" before the one passage with
// "Plastom". Between the words of a query Bleve's share stays: there it
// counts the words a passage has.
type wordGroup struct {
	clauses []query.Query
	tie     float64
}

func (q *wordGroup) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &groupSearcher{tie: q.tie, explain: opts.Explain}
	for _, c := range q.clauses {
		cs, err := c.Searcher(ctx, r, m, opts)
		if err != nil {
			_ = s.Close()
			return nil, err
		}
		s.subs = append(s.subs, cs)
	}
	s.currs = make([]*search.DocumentMatch, len(s.subs))
	return s, nil
}

type groupSearcher struct {
	subs     []search.Searcher
	currs    []*search.DocumentMatch
	matching []int
	tie      float64
	explain  bool
	started  bool
}

func (s *groupSearcher) start(ctx *search.SearchContext) error {
	s.started = true
	for i, sub := range s.subs {
		m, err := sub.Next(ctx)
		if err != nil {
			return err
		}
		s.currs[i] = m
	}
	return nil
}

func (s *groupSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	s.matching = s.matching[:0]
	var first *search.DocumentMatch
	for i, c := range s.currs {
		if c == nil {
			continue
		}
		if first != nil {
			cmp := c.IndexInternalID.Compare(first.IndexInternalID)
			if cmp > 0 {
				continue
			}
			if cmp < 0 {
				s.matching = s.matching[:0]
			}
		}
		if len(s.matching) == 0 {
			first = c
		}
		s.matching = append(s.matching, i)
	}
	if len(s.matching) == 0 {
		return nil, nil
	}
	rv := s.currs[s.matching[0]]
	var best, sum float64
	var expl []*search.Explanation
	for _, i := range s.matching {
		c := s.currs[i]
		sum += c.Score
		best = max(best, c.Score)
		if s.explain {
			expl = append(expl, c.Expl)
		}
		if c != rv {
			rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{c})
		}
	}
	rv.Score = best + s.tie*(sum-best)
	if s.explain {
		rv.Expl = &search.Explanation{Value: rv.Score, Message: fmt.Sprintf("word group (best + %.2f × rest):", s.tie), Children: expl}
	}
	for _, i := range s.matching {
		if s.currs[i] != rv {
			ctx.DocumentMatchPool.Put(s.currs[i])
		}
		m, err := s.subs[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.currs[i] = m
	}
	return rv, nil
}

func (s *groupSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for i, c := range s.currs {
		if c == nil || c.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(c)
		m, err := s.subs[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.currs[i] = m
	}
	return s.Next(ctx)
}

func (s *groupSearcher) Weight() float64 {
	var w float64
	for _, sub := range s.subs {
		w += sub.Weight()
	}
	return w
}

func (s *groupSearcher) SetQueryNorm(norm float64) {
	for _, sub := range s.subs {
		sub.SetQueryNorm(norm)
	}
}

func (s *groupSearcher) Size() int {
	n := 0
	for _, sub := range s.subs {
		n += sub.Size()
	}
	return n
}

func (s *groupSearcher) Count() uint64 {
	var n uint64
	for _, sub := range s.subs {
		n += sub.Count()
	}
	return n
}

func (s *groupSearcher) Min() int { return 0 }

func (s *groupSearcher) DocumentMatchPoolSize() int {
	n := len(s.subs)
	for _, sub := range s.subs {
		n += sub.DocumentMatchPoolSize()
	}
	return n
}

func (s *groupSearcher) Close() error {
	var err error
	for _, sub := range s.subs {
		if cerr := sub.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
