package index

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// referenceTranslitName folds each term with fold, term by term, as the
// transliteration filter first did.
const referenceTranslitName = "claimbot_translit_reference"

func init() {
	registry.RegisterTokenFilter(referenceTranslitName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return referenceTranslit{}, nil
	})
}

type referenceTranslit struct{}

func (referenceTranslit) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, tok := range in {
		if tok.Type == analysis.Numeric || len(tok.Term) == 0 || tok.Term[0] <= '9' {
			continue
		}
		tok.Term = []byte(fold(string(tok.Term)))
	}
	return in
}

// referenceFilters are the field analyzers' token filters as first
// written, one Bleve or claimbot filter each, on the plain Unicode
// tokenizer. What the index does to save time (shared tokens, shared
// filter passes, a faster fold) must give the same terms as these.
var referenceFilters = map[string][]string{
	analyzerText:    {"to_lower", "stop_de", "normalize_de", "stemmer_de_light"},
	analyzerSpell:   {"to_lower", "stop_de", "normalize_de", "stemmer_de_light", referenceTranslitName},
	analyzerNumbers: {numberFilterName},
	analyzerParts:   {"to_lower", "stop_de", partsFilterName, "normalize_de", "stemmer_de_light"},
}

func referenceMapping(t *testing.T) *mapping.IndexMappingImpl {
	t.Helper()
	im := bleve.NewIndexMapping()
	for name, filters := range referenceFilters {
		charFilters := []string{germanCharFilterName}
		if name == analyzerNumbers {
			charFilters = append(charFilters, groupSpaceFilterName)
		}
		if err := im.AddCustomAnalyzer(name, map[string]any{
			"type":          "custom",
			"char_filters":  charFilters,
			"tokenizer":     unicode.Name,
			"token_filters": filters,
		}); err != nil {
			t.Fatal(err)
		}
	}
	return im
}

// referenceTexts are passages with what each field treats specially:
// grouped digits (numbers), gender forms and colons (character filter),
// compounds (parts), transliterated names (spelling), stop words.
var referenceTexts = []string{
	"Nach Angaben des Verteidigungsministeriums wurden 100 000 Soldat:innen und 1 300 000 Reservisten mobilisiert; 400.000 ukrainische Soldaten stehen an der Front.",
	"Selenskyj traf in Pjöngjang Wladimir Schoigu, berichtete die Nachrichtenagentur Yonhap am 18.11.2024 um 14:30 Uhr aus Seoul.",
	"Die Koalitionsregierung am Niederrhein beschloss Mehrfachraketenwerfer für 1,3 Millionen Euro; die Bürgermeister*innen der Städte widersprachen text:Kursk.",
	"Kim Jong Un und Kim Jong-un: Die Rüstungsindustrie Nordkoreas liefert Artilleriegranaten, heißt es im Bericht der Tschechischen Republik über die Zusammenarbeit.",
	"1,3 Millionen Bürgerkriegsflüchtlinge", // shorter than sharedMinBytes
	"In den Jahren 2022 und 2023 stiegen die Ausgaben von 300-500 Millionen auf 2,5 Mrd. Dollar, sagte die Sprecher_innen-Gruppe im Bundestagswahlkampf.",
}

// TestAnalyzersMatchReference: every field analyzer gives the reference
// analyzer's tokens (terms, offsets, positions, types), for every seed
// passage and the texts above, analysed field after field as Bleve
// analyses a document, and each text twice, so that the second round
// comes from whatever the first left behind.
func TestAnalyzersMatchReference(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	ref := referenceMapping(t)
	texts := append([]string(nil), referenceTexts...)
	for _, a := range seeds(t) {
		for _, p := range a.Paragraphs {
			texts = append(texts, p.Text)
		}
	}
	fields := []string{analyzerText, analyzerSpell, analyzerNumbers, analyzerParts}
	for _, text := range texts {
		for round := range 2 {
			for _, name := range fields {
				got := m.AnalyzerNamed(name).Analyze([]byte(text))
				want := ref.AnalyzerNamed(name).Analyze([]byte(text))
				if !sameTokens(got, want) {
					t.Fatalf("%s, round %d, %.60q: got %d tokens %s, want %d %s", name, round, text, len(got), got, len(want), want)
				}
			}
		}
	}
}

// TestFoldASCII: foldASCII folds as fold does, on words made of the
// letters the rules start with and of the rules themselves, so that rules
// meet and overlap ("tschsch", "ckh", "ijie"), and it leaves other bytes
// to fold.
func TestFoldASCII(t *testing.T) {
	pieces := []string{"t", "s", "c", "h", "k", "p", "q", "u", "x", "y", "j", "i", "e", "w", "z", "o", "a", "n", "r",
		"tsch", "tch", "sch", "sh", "kh", "ch", "ph", "ck", "qu", "yj", "ij", "ou", "ie", "kk", "ss", "-", "'", "\x00"}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"", "a", "schoigu", "selenskyj", "pjongjang", "wladimir", "tschechien", "zzz", "jij", "kck"}
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		got, ok := foldASCII(nil, []byte(w))
		if !ok || string(got) != fold(w) {
			t.Fatalf("foldASCII(%q) = %q, %v; fold gives %q", w, got, ok, fold(w))
		}
	}
	for _, w := range []string{"pjöngjang", "straße", "\u2000\u2000"} {
		if _, ok := foldASCII(nil, []byte(w)); ok {
			t.Errorf("foldASCII(%q) folded a word that is not ASCII", w)
		}
	}
}

// TestGermanStemFilter: the fused filter gives the terms of Bleve's
// normalize_de and stemmer_de_light run one after the other, on words
// built from the letters and endings the two rules look at, and on words
// with umlauts, ß and accents, which take Bleve's path.
func TestGermanStemFilter(t *testing.T) {
	cache := registry.NewCache()
	var chain []analysis.TokenFilter
	for _, name := range []string{"normalize_de", "stemmer_de_light", germanStemFilterName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		chain = append(chain, f)
	}
	pieces := []string{"a", "o", "u", "e", "i", "q", "y", "s", "t", "n", "r", "m", "b", "d", "k", "x",
		"ern", "em", "en", "er", "es", "est", "st", "ue", "oe", "ae", "eu", "ä", "ö", "ü", "ß", "é", "ô"}
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"", "e", "goethe", "mueller", "bauer", "bürgermeistern", "straße", "häusern", "kindern", "festest"}
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		want := chain[1].Filter(chain[0].Filter(analysis.TokenStream{{Term: []byte(w)}}))[0].Term
		got := chain[2].Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
		if string(got) != string(want) {
			t.Fatalf("%q: got %q, Bleve's filters give %q", w, got, want)
		}
	}
}

// TestFastTokenize: fastTokenize gives the Unicode tokenizer's tokens for
// every text it takes, on strings mixing letters, digits and every
// character it knows, so that each mark meets letters and digits on
// either side; it refuses texts with a character it does not know.
func TestFastTokenize(t *testing.T) {
	inner := unicode.NewUnicodeTokenizer()
	pieces := []string{"a", "Z", "ä", "ß", "É", "ÿ", "0", "7", "_", ":", ".", ",", ";", "'", "’", "‘", "·",
		" ", "\t", "\n", "\r", "-", "\"", "!", "?", "(", ")", "/", "*", "+", "«", "»", "–", "—", "‐", "“", "„", "”", "‚", "…", "•", "°", "§", "\u00a0",
		"ab", "12", "Haus", "1.000", "Soldat:innen", "don't", "e.g.", "3,5"}
	rng := rand.New(rand.NewPCG(5, 6))
	texts := append([]string{"", " ", "_", "__", "_1", "1_", "a_.b", "1_,2", "a.1", "1.a", "a..b", "1,,2", "a'", "x:y:z"}, referenceTexts...)
	for range 300000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		got, ok := fastTokenize([]byte(text))
		if !ok {
			t.Fatalf("fastTokenize(%q) refused a text of known characters", text)
		}
		if want := inner.Tokenize([]byte(text)); !sameTokens(got, want) {
			t.Fatalf("fastTokenize(%q) = %s, the Unicode tokenizer gives %s", text, got, want)
		}
	}
	for _, a := range seeds(t) {
		for _, p := range a.Paragraphs {
			if got, ok := fastTokenize([]byte(p.Text)); ok && !sameTokens(got, inner.Tokenize([]byte(p.Text))) {
				t.Fatalf("%s: fastTokenize differs from the Unicode tokenizer on %q", a.ID, p.Text)
			}
		}
	}
	for _, text := range []string{"Kyjiw µ", "a\u00adb", "Über 💥", "x\x92y", "中文", "\x01"} {
		if _, ok := fastTokenize([]byte(text)); ok {
			t.Errorf("fastTokenize(%q) took a text with a character it does not know", text)
		}
	}
}
