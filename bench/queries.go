package bench

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/relevance"
)

// ClaimQueries draws n claim-like queries from the corpus, the way a person
// retypes part of a claim they read: a run of 4 to 9 words of one sentence
// of a random paragraph, preferring sentences with a figure. Each case
// expects a passage containing the whole source sentence, so the set also
// measures known-item retrieval at scale. Deterministic for a seed.
func ClaimQueries(arts []articles.Article, n int, seed uint64) []relevance.Case {
	if len(arts) == 0 || n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, 0xC1A1))
	var out []relevance.Case
	for tries := 0; len(out) < n && tries < n*20; tries++ {
		a := arts[r.IntN(len(arts))]
		if len(a.Paragraphs) == 0 {
			continue
		}
		p := a.Paragraphs[r.IntN(len(a.Paragraphs))]
		sents := SplitSentences(p.Text)
		var withFigure []string
		for _, s := range sents {
			if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
				withFigure = append(withFigure, s)
			}
		}
		s := sents[r.IntN(len(sents))]
		if len(withFigure) > 0 && r.IntN(10) < 7 {
			s = withFigure[r.IntN(len(withFigure))]
		}
		words := strings.Fields(s)
		if len(words) < 4 {
			continue
		}
		l := min(4+r.IntN(6), len(words))
		from := r.IntN(len(words) - l + 1)
		q := strings.Join(words[from:from+l], " ")
		q = strings.TrimRight(q, ".,;:!?")
		out = append(out, relevance.Case{Query: q, Expect: []string{s}})
	}
	return out
}
