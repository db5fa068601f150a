package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
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

// candidatePhrase is a phrase query that can only be advanced to given
// passages: it says whether the phrase is in that passage and scores it as
// Bleve's phrase searcher does (the sum of its words' scores). Bleve's own
// searcher, asked for the next match at or after a passage, reads the
// positions of every passage with all the words on the way.
//
// Where the phrase is not in the asked-for passage, it answers with a
// placeholder just past that passage (its ID with a zero byte appended):
// greater than the passage, smaller than any passage after it, and equal to
// none, so the disjunction above counts no match and advances it again next
// time. That is only right under drivenSearcher, which only ever advances.
type candidatePhrase struct {
	phrase [][]string // terms by position from the first; nil for a stop word
	field  string
	boost  float64
}

// phraseOf lays out analysed tokens by position, as Bleve's match-phrase
// query does, for a multi-phrase query and for candidatePhrase alike.
func phraseOf(toks analysis.TokenStream) [][]string {
	if len(toks) == 0 {
		return nil
	}
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range toks {
		out[t.Position-first] = append(out[t.Position-first], string(t.Term))
	}
	return out
}

func (q *candidatePhrase) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.IncludeTermVectors = true
	s := &candidatePhraseSearcher{}
	for i, terms := range q.phrase {
		if len(terms) == 0 {
			continue
		}
		// One term per position: the analyzers here have no synonyms.
		ts, err := searcher.NewTermSearcher(ctx, r, terms[0], q.field, q.boost, opts)
		if err != nil {
			_ = s.Close()
			return nil, err
		}
		s.slots = append(s.slots, phraseSlot{term: terms[0], offset: uint64(i), s: ts})
	}
	return s, nil
}

type phraseSlot struct {
	term   string
	offset uint64 // position relative to the phrase's first word
	s      search.Searcher
	cur    *search.DocumentMatch
	done   bool
}

type candidatePhraseSearcher struct {
	slots []phraseSlot
}

func (s *candidatePhraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	// The disjunction calls Next when it starts, before any Advance:
	// nothing is known yet, and it advances this searcher to every
	// candidate anyway. After that, Next comes only after a match was
	// taken, at which every slot stands: nothing is known past it.
	cur := s.slots[0].cur
	if cur == nil {
		return nil, nil
	}
	return placeholder(ctx, cur.IndexInternalID), nil
}

func (s *candidatePhraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	all := true
	for i := range s.slots {
		sl := &s.slots[i]
		if sl.done {
			return nil, nil // a word has no passages left: no phrase either
		}
		if sl.cur == nil || sl.cur.IndexInternalID.Compare(id) < 0 {
			if sl.cur != nil {
				ctx.DocumentMatchPool.Put(sl.cur)
			}
			m, err := sl.s.Advance(ctx, id)
			if err != nil {
				return nil, err
			}
			if m == nil {
				sl.done, sl.cur = true, nil
				return nil, nil
			}
			sl.cur = m
		}
		all = all && sl.cur.IndexInternalID.Equals(id)
	}
	if all && s.matches() {
		rv := ctx.DocumentMatchPool.Get()
		rv.IndexInternalID = append(rv.IndexInternalID[:0], id...)
		for _, sl := range s.slots {
			rv.Score += sl.cur.Score
		}
		return rv, nil
	}
	return placeholder(ctx, id), nil
}

// matches reports whether the slots' positions line up as the phrase.
func (s *candidatePhraseSearcher) matches() bool {
	positions := func(sl phraseSlot) []uint64 {
		var out []uint64
		for _, l := range sl.cur.FieldTermLocations {
			if l.Term == sl.term {
				out = append(out, l.Location.Pos)
			}
		}
		return out
	}
	first := s.slots[0]
	for _, p0 := range positions(first) {
		start := p0 - first.offset
		ok := true
		for _, sl := range s.slots[1:] {
			found := false
			for _, p := range positions(sl) {
				if p == start+sl.offset {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func placeholder(ctx *search.SearchContext, id index.IndexInternalID) *search.DocumentMatch {
	rv := ctx.DocumentMatchPool.Get()
	rv.IndexInternalID = append(append(rv.IndexInternalID[:0], id...), 0)
	return rv
}

func (s *candidatePhraseSearcher) Close() error {
	var err error
	for _, sl := range s.slots {
		if cerr := sl.s.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func (s *candidatePhraseSearcher) Weight() float64 {
	var w float64
	for _, sl := range s.slots {
		w += sl.s.Weight()
	}
	return w
}

func (s *candidatePhraseSearcher) SetQueryNorm(norm float64) {
	for _, sl := range s.slots {
		sl.s.SetQueryNorm(norm)
	}
}

func (s *candidatePhraseSearcher) Size() int {
	n := 0
	for _, sl := range s.slots {
		n += sl.s.Size()
	}
	return n
}

func (s *candidatePhraseSearcher) Count() uint64 {
	var n uint64
	for i, sl := range s.slots {
		if c := sl.s.Count(); i == 0 || c < n {
			n = c
		}
	}
	return n
}

func (s *candidatePhraseSearcher) Min() int { return 0 }

func (s *candidatePhraseSearcher) DocumentMatchPoolSize() int {
	n := 1
	for _, sl := range s.slots {
		n += sl.s.DocumentMatchPoolSize()
	}
	return n
}
