package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // "custom" analyzer type
	_ "github.com/blevesearch/bleve/v2/analysis/char/regexp"     // gender-suffix char filters
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"         // stop_de, normalize_de, stemmer_de_light
	_ "github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	_ "github.com/blevesearch/bleve/v2/analysis/token/shingle"
	_ "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer names in the mapping.
const (
	analyzerText    = "claimbot_de"       // German: stems, folds umlauts
	analyzerSpell   = "claimbot_spelling" // German + transliteration folding + joined word pairs, for fuzzy matching
	analyzerNumbers = "claimbot_numbers"  // canonical numeric values only
)

// translitFilterName folds the spellings that German and English use for
// Russian, Ukrainian and Korean names onto one form (Schoigu/Shoigu,
// Pjöngjang/Pyongyang, Selenskyj/Zelensky, Wladimir/Vladimir), so that the
// remaining difference is small enough for a bounded fuzzy match.
const translitFilterName = "claimbot_translit"

func init() {
	registry.RegisterTokenFilter(translitFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return translitFilter{}, nil
	})
}

type translitFilter struct{}

var translitRules = strings.NewReplacer(
	"tsch", "c", "tch", "c", "sch", "s", "sh", "s", "kh", "k", "ch", "k",
	"ph", "f", "ck", "k", "qu", "kv", "x", "ks",
	"yj", "i", "ij", "i", "y", "i", "j", "i",
	"w", "v", "z", "s", "ou", "u", "ie", "i",
)

func (translitFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, tok := range in {
		if tok.Type == analysis.Numeric || len(tok.Term) == 0 || tok.Term[0] <= '9' {
			continue
		}
		tok.Term = []byte(fold(string(tok.Term)))
	}
	return in
}

// fold applies the transliteration rules, maps c to k, and collapses doubled
// letters.
func fold(s string) string {
	s = translitRules.Replace(s)
	s = strings.ReplaceAll(s, "c", "k")
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// addAnalysis defines the analyzers on the mapping. They are data in the
// mapping, so an index carries the description of how it was built.
func addAnalysis(im *mapping.IndexMappingImpl) error {
	// "Soldat:innen", "Soldat*innen", "Soldat_innen": gender forms index as
	// the stem. The replacement has the suffix's length so that offsets, and
	// with them highlighting, stay right.
	if err := im.AddCustomCharFilter("claimbot_gender", map[string]any{
		"type": "regexp", "regexp": `[:*_/]innen\b`, "replace": "      ",
	}); err != nil {
		return err
	}
	// "text:Kursk" is one word to the Unicode tokenizer (a colon between
	// letters joins them, as in Swedish "S:t"); for German text it separates
	// words, so a colon is a space. It runs after claimbot_gender, which
	// has already blanked ":innen".
	if err := im.AddCustomCharFilter("claimbot_colon", map[string]any{
		"type": "regexp", "regexp": `:`, "replace": " ",
	}); err != nil {
		return err
	}
	if err := im.AddCustomTokenFilter("claimbot_pairs", map[string]any{
		// "Kim Jong-un" also indexes "jongun", so "Kim Jongun" finds it.
		"type": "shingle", "min": 2.0, "max": 2.0, "output_original": true, "separator": "",
	}); err != nil {
		return err
	}
	analyzers := map[string][]string{
		analyzerText:    {"to_lower", "stop_de", "normalize_de", "stemmer_de_light"},
		analyzerSpell:   {"to_lower", "stop_de", "normalize_de", "stemmer_de_light", translitFilterName, "claimbot_pairs"},
		analyzerNumbers: {numberFilterName},
	}
	for name, filters := range analyzers {
		charFilters := []string{"claimbot_gender", "claimbot_colon"}
		if name == analyzerNumbers {
			charFilters = append(charFilters, groupSpaceFilterName)
		}
		if err := im.AddCustomAnalyzer(name, map[string]any{
			"type":          "custom",
			"char_filters":  charFilters,
			"tokenizer":     "unicode",
			"token_filters": filters,
		}); err != nil {
			return err
		}
	}
	return nil
}
