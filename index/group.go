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

// titleOnly divides the score of a word group that matches only in the
// heading or title: the word names the passage's article, not what the
// passage says.
const titleOnly = 3

// wordGroup is the clauses of one query word: the word in the text field,
// its other forms, its compound parts, its spelling variants, its
// renderings of an English word; and the word in the passage's heading and
// its article's title. A passage scores the best form it matches plus
// groupTie times the other forms, plus its title matches, divided by one
// plus the number of title clauses; a passage that has the word only in a
// title scores a further titleOnly times less.
//
// Bleve's disjunction would sum the clauses and scale the sum by the share
// of them that match. Within one word that share says nothing about the
// passage: it falls with the number of alternatives the word has, so a
// passage with the exact word scores a third of its term for a noun and
// an eighth for a verb with five forms, while one with three forms of a
// common verb scores them three times over, and rises again with each
// form. "Wann wurde das Plastom entdeckt?" found the passage on a
// discoverer with "entdeckte" and "Entdecker" before the one passage with
// "Plastom". And a word in the text and the title scored twice what it
// scores in the text alone (two of three clauses): among 76,000 short
// passages from program documentation, each the title of its own
// article, "Was schreibt die Apothekengesetzgebung vor?" found the line
// "--no-location schreibt keine Zeilen …" first. The division by one plus
// the titles keeps what a word in the text alone weighs against the
// numbers and the phrase, which are no word groups. Between the words of a
// query Bleve's share stays: there it counts the words a passage has.
type wordGroup struct {
	clauses []query.Query
	titles  []query.Query
	tie     float64
}

func (q *wordGroup) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &groupSearcher{tie: q.tie, explain: opts.Explain, forms: len(q.clauses), titles: len(q.titles)}
	for _, c := range append(append([]query.Query(nil), q.clauses...), q.titles...) {
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
	// The first forms subs are the word's forms, the titles after them.
	forms, titles int
	subs          []search.Searcher
	currs         []*search.DocumentMatch
	matching      []int
	tie           float64
	explain       bool
	started       bool
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
	var best, sum, titles float64
	var expl []*search.Explanation
	for _, i := range s.matching {
		c := s.currs[i]
		if i < s.forms {
			sum += c.Score
			best = max(best, c.Score)
		} else {
			titles += c.Score
		}
		if s.explain {
			expl = append(expl, c.Expl)
		}
		if c != rv {
			rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{c})
		}
	}
	rv.Score = (best + s.tie*(sum-best) + titles) / float64(1+s.titles)
	if s.matching[0] >= s.forms {
		rv.Score /= titleOnly // matching is in clause order: no form matched
	}
	if s.explain {
		rv.Expl = &search.Explanation{Value: rv.Score, Message: fmt.Sprintf("word group ((best form + %.2f × other forms + titles) / %d):", s.tie, 1+s.titles), Children: expl}
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
