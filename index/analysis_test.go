package index

import (
	"bytes"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// TestSharedTokenizer: the shared tokenizer's tokens are the Unicode
// tokenizer's, also when they come from its ring, and a caller changing
// its tokens in place (as the lowercase and stemming filters do) changes
// nobody else's.
func TestSharedTokenizer(t *testing.T) {
	inner := unicode.NewUnicodeTokenizer()
	st := newSharedTokenizer(inner)
	for _, a := range seeds(t) {
		for _, p := range a.Paragraphs {
			text := []byte(p.Text)
			want := inner.Tokenize(bytes.Clone(text))
			for round := range 3 {
				// Each field has its own copy of the text, and the
				// Unicode tokenizer's terms point into it.
				got := st.Tokenize(bytes.Clone(text))
				if !sameTokens(got, want) {
					t.Fatalf("%s round %d: shared tokens differ from the Unicode tokenizer's", a.ID, round)
				}
				for _, tok := range got {
					tok.Term = append(tok.Term[:0], 'x')
					tok.Position = -1
				}
			}
		}
	}
}

func sameTokens(a, b analysis.TokenStream) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !bytes.Equal(x.Term, y.Term) || x.Start != y.Start || x.End != y.End || x.Position != y.Position || x.Type != y.Type || x.KeyWord != y.KeyWord {
			return false
		}
	}
	return true
}
