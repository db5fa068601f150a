package index

import "github.com/blevesearch/bleve/v2/mapping"

// marks are the terms a query looks for, by the analyzer that produced
// them. Highlighting re-analyses the few passages on the page and marks the
// tokens that match, instead of asking the index for term locations, which
// Bleve would collect for every candidate passage, not only the page.
type marks map[string]map[string]int // analyzer → term → allowed edits

func (mk *marks) add(analyzer, term string, fuzziness int) {
	if *mk == nil {
		*mk = marks{}
	}
	if (*mk)[analyzer] == nil {
		(*mk)[analyzer] = map[string]int{}
	}
	(*mk)[analyzer][term] = fuzziness
}

// spans returns the byte ranges of text whose tokens match a marked term.
// The analyzers keep offsets into the original text (their char filters
// replace without changing lengths), so the ranges are the words as
// written.
func (mk marks) spans(m mapping.IndexMapping, text string) [][2]int {
	var out [][2]int
	for name, terms := range mk {
		a := m.AnalyzerNamed(name)
		if a == nil {
			continue
		}
		for _, tok := range a.Analyze([]byte(text)) {
			if matchesAny(string(tok.Term), terms) {
				out = append(out, [2]int{tok.Start, tok.End})
			}
		}
	}
	return out
}

func matchesAny(tok string, terms map[string]int) bool {
	if _, ok := terms[tok]; ok {
		return true
	}
	for t, f := range terms {
		if f > 0 && fuzzyMatch(tok, t, f) {
			return true
		}
	}
	return false
}

// fuzzyMatch mirrors the fuzzy query the search ran: the same first letter
// (prefix 1) and at most f edits.
func fuzzyMatch(a, b string, f int) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 || ra[0] != rb[0] {
		return false
	}
	if d := len(ra) - len(rb); d > f || -d > f {
		return false
	}
	return levenshtein(ra, rb) <= f
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
