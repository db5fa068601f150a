package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/claimbot/claimbot/german"
)

// partsFilterName replaces each German compound by its parts and drops
// every other word: the parts field holds only what compounds are made of,
// so that "Rhein" finds a passage on the "Niederrhein" and
// "Koalitionsregierung" one on the "Regierung" (issue 14). The parts keep
// the compound's position, so a query's parts group with its word. Without
// the word lists (german package) no word splits and the field is empty.
const partsFilterName = "claimbot_compound_parts"

func init() {
	registry.RegisterTokenFilter(partsFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return &partsFilter{data: german.Default()}, nil
	})
}

// partsFilter remembers each word's split: a corpus repeats its words, and
// splitting one tries every cut against the word lists, which made
// indexing slower by more than half.
type partsFilter struct {
	data  *german.Data
	cache sync.Map // word → []string (nil: not a compound)
}

func (f *partsFilter) split(w string) []string {
	if v, ok := f.cache.Load(w); ok {
		return v.([]string)
	}
	parts := f.data.SplitCompound(w)
	f.cache.Store(w, parts)
	return parts
}

func (f *partsFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0:0]
	for _, tok := range in {
		if tok.Type == analysis.Numeric {
			continue
		}
		for _, p := range f.split(string(tok.Term)) {
			out = append(out, &analysis.Token{
				Term:     []byte(p),
				Start:    tok.Start,
				End:      tok.End,
				Position: tok.Position,
				Type:     tok.Type,
			})
		}
	}
	return out
}
