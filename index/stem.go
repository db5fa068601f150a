package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/registry"
)

// germanStemFilterName is Bleve's normalize_de followed by its
// stemmer_de_light, in one filter that works on an ASCII term in place.
// Bleve's filters turn every term into runes and back, twice, which was
// a tenth of the analysis time, and the text, spelling and parts fields
// run them over every word. Terms with other bytes (umlauts, ß, accents)
// go through Bleve's filters, so every term is the one they give
// (TestGermanStemFilter).
const germanStemFilterName = "claimbot_de_normalize_stem"

func init() {
	registry.RegisterTokenFilter(germanStemFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return germanStemFilter{normalize: de.NewGermanNormalizeFilter(), stem: de.NewGermanLightStemmerFilter()}, nil
	})
}

type germanStemFilter struct {
	normalize, stem analysis.TokenFilter
}

func (f germanStemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var one analysis.TokenStream
	for _, tok := range in {
		if term, ok := normalizeStemASCII(tok.Term); ok {
			tok.Term = term
			continue
		}
		one = append(one[:0], tok)
		f.stem.Filter(f.normalize.Filter(one))
	}
	return in
}

// The states of normalize_de's umlaut rule: an e right after a or o, or
// after a u that follows no other vowel, is dropped ("Goethe", "Mueller"
// as "Gothe", "Muller"; "Bauer" keeps its e).
const (
	normOrdinary = iota
	normVowel    // stops u from entering the umlaut state
	normUmlaut   // an e here is dropped
)

// normalizeStemASCII is normalize_de then stemmer_de_light on an ASCII
// word, shortening w in place; for a word with other bytes it reports
// false and leaves w as it was. Only the rules that can apply to ASCII
// remain: ä, ö, ü and ß are not ASCII.
func normalizeStemASCII(w []byte) ([]byte, bool) {
	for _, c := range w {
		if c >= 0x80 {
			return w, false
		}
	}
	state, j := normOrdinary, 0
	for _, c := range w {
		switch c {
		case 'a', 'o':
			state = normUmlaut
		case 'u':
			if state == normOrdinary {
				state = normUmlaut
			} else {
				state = normVowel
			}
		case 'e':
			drop := state == normUmlaut
			state = normVowel
			if drop {
				continue
			}
		case 'i', 'q', 'y':
			state = normVowel
		default:
			state = normOrdinary
		}
		w[j] = c
		j++
	}
	return stemStep2(stemStep1(w[:j])), true
}

// stEnding, stemStep1 and stemStep2 are stemmer_de_light's on bytes.
func stEnding(c byte) bool {
	switch c {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't':
		return true
	}
	return false
}

func stemStep1(s []byte) []byte {
	l := len(s)
	if l > 5 && s[l-3] == 'e' && s[l-2] == 'r' && s[l-1] == 'n' {
		return s[:l-3]
	}
	if l > 4 && s[l-2] == 'e' {
		switch s[l-1] {
		case 'm', 'n', 'r', 's':
			return s[:l-2]
		}
	}
	if l > 3 && s[l-1] == 'e' {
		return s[:l-1]
	}
	if l > 3 && s[l-1] == 's' && stEnding(s[l-2]) {
		return s[:l-1]
	}
	return s
}

func stemStep2(s []byte) []byte {
	l := len(s)
	if l > 5 && s[l-3] == 'e' && s[l-2] == 's' && s[l-1] == 't' {
		return s[:l-3]
	}
	if l > 4 && s[l-2] == 'e' && (s[l-1] == 'r' || s[l-1] == 'n') {
		return s[:l-2]
	}
	if l > 4 && s[l-2] == 's' && s[l-1] == 't' && stEnding(s[l-3]) {
		return s[:l-2]
	}
	return s
}
