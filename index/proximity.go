package index

import (
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
)

// Proximity. BM25 scores each word of the query on its own: a passage that
// names "Warschau" in its first sentence and "1901" in its last scores as
// one that says "Warschau 1901" in one clause. The phrase bonus only
// rewards the whole query in order, which a question almost never is. The
// passage that answers a question usually holds the question's words close
// together, in the sentence that answers it, so the first passages are
// re-scored by how close their matched words of different query words lie
// (after Rasolofo and Savoy's BM25 term proximity: each pair of
// occurrences within proxWindow words adds 1/d², saturated per pair of
// query words and weighted by the rarer word's IDF).
//
// It re-scores only the first proxDepth passages by Bleve's score, from
// their stored text (which the page fetches anyway): term locations for
// every candidate would cost what they cost the phrase (prune.go). The
// bonus is never negative, so what is past proxDepth stays past it, and
// the first proxDepth are the same passages for every page of a query.
var (
	proxDepth  = 20
	proxWindow = 8
	proxWeight = 3.0
)

// proximity is what the re-scoring needs of a query: the terms of its
// words in the text field, each mapped to its word, and each word's IDF.
type proximity struct {
	word map[string]int // analysed term → query word (index into idf)
	idf  []float64
	pos  map[int]int // query position → query word
	// norm is the sum over the query's pairs of words of the rarer's IDF:
	// the most the pairs can add, so that the bonus is a share of it.
	norm float64
}

// add records term as a form of the query word at pos, with df passages
// of docs holding it. The word's IDF is that of its rarest form.
func (p *proximity) add(pos int, term string, df, docs uint64) {
	if df == 0 || docs == 0 {
		return
	}
	if p.word == nil {
		p.word, p.pos = map[string]int{}, map[int]int{}
	}
	w, ok := p.pos[pos]
	if !ok {
		w = len(p.idf)
		p.pos[pos] = w
		p.idf = append(p.idf, 0)
	}
	if _, ok := p.word[term]; !ok {
		p.word[term] = w
	}
	idf := math.Log(1 + (float64(docs)-float64(df)+0.5)/(float64(df)+0.5))
	p.idf[w] = math.Max(p.idf[w], idf)
}

func (p *proximity) done() {
	p.norm = 0
	for i := range p.idf {
		for j := i + 1; j < len(p.idf); j++ {
			p.norm += math.Min(p.idf[i], p.idf[j])
		}
	}
}

// bonus is the share (0 to 1) of the query's word pairs that the passage
// has close together, each pair weighted by its rarer word's IDF.
func (p *proximity) bonus(m mapping.IndexMapping, text string) float64 {
	if p == nil || p.norm == 0 {
		return 0
	}
	a := m.AnalyzerNamed(analyzerText)
	if a == nil {
		return 0
	}
	type occ struct{ pos, word int }
	var occs []occ
	for _, tok := range a.Analyze([]byte(text)) {
		if w, ok := p.word[string(tok.Term)]; ok {
			occs = append(occs, occ{tok.Position, w})
		}
	}
	if len(occs) < 2 {
		return 0
	}
	n := len(p.idf)
	acc := make([]float64, n*n)
	for i, o := range occs {
		for _, q := range occs[i+1:] {
			d := q.pos - o.pos
			if d > proxWindow {
				break
			}
			if q.word == o.word || d <= 0 {
				continue
			}
			a, b := min(o.word, q.word), max(o.word, q.word)
			acc[a*n+b] += 1 / float64(d*d)
		}
	}
	var sum float64
	for a := range n {
		for b := a + 1; b < n; b++ {
			if x := acc[a*n+b]; x > 0 {
				sum += math.Min(p.idf[a], p.idf[b]) * x / (x + 1)
			}
		}
	}
	return sum / p.norm
}

// rescore multiplies the scores of the first proxDepth hits (sorted by
// score, then ID) by one plus their proximity bonus and sorts them again.
func (p *proximity) rescore(m mapping.IndexMapping, hits []*search.DocumentMatch) {
	if p == nil || p.norm == 0 || proxWeight == 0 {
		return
	}
	top := hits[:min(proxDepth, len(hits))]
	for _, h := range top {
		text, _ := h.Fields[fieldText].(string)
		h.Score *= 1 + proxWeight*p.bonus(m, text)
	}
	sortHits(top)
}

func sortHits(hits []*search.DocumentMatch) {
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
}
