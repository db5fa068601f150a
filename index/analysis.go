package index

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // "custom" analyzer type
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"         // stop_de; normalize_de and stemmer_de_light for indexes built before stem.go
	_ "github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	_ "github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/claimbot/claimbot/german"
)

// Analyzer names in the mapping.
const (
	analyzerText  = "claimbot_de"       // German: stems, folds umlauts
	analyzerSpell = "claimbot_spelling" // German + transliteration folding, for fuzzy matching
	// analyzerSpellQuery also joins adjacent query words ("Kim Jong Un"
	// finds "Jongun"). Only queries are analysed with it: indexing every
	// word pair made the term dictionary several times larger and was a
	// large share of the indexing time; the opposite case, a joined word
	// in the query, is split against the dictionary instead (see splits).
	analyzerSpellQuery = "claimbot_spelling_query"
	analyzerNumbers    = "claimbot_numbers" // canonical numeric values only
	analyzerParts      = "claimbot_parts"   // compound parts only (parts.go)
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

// Filter folds the terms into one buffer for the whole stream: folding
// each term into strings of its own (the replacer, then the c-to-k pass,
// then the builder) was three allocations a word, on every word of every
// passage.
func (translitFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	n := 0
	for _, tok := range in {
		// "x" becomes "ks": at most twice as long.
		n += 2 * len(tok.Term)
	}
	buf := make([]byte, 0, n)
	for _, tok := range in {
		if tok.Type == analysis.Numeric || len(tok.Term) == 0 || tok.Term[0] <= '9' {
			continue
		}
		start := len(buf)
		var ok bool
		if buf, ok = foldASCII(buf, tok.Term); !ok {
			buf = append(buf[:start], fold(string(tok.Term))...)
		}
		tok.Term = buf[start:len(buf):len(buf)]
	}
	return in
}

// foldASCII appends fold(w) to dst for an ASCII w, in one pass: at each
// byte the rule that translitRules would apply there (the first in its
// list that matches; they never compete across first letters), c as k,
// and a byte equal to the last one written dropped. It reports false,
// with dst unspecified, for a w with other bytes, which fold handles.
func foldASCII(dst, w []byte) ([]byte, bool) {
	var prev byte // fold's previous rune starts as 0, too
	emit := func(s string) {
		for i := 0; i < len(s); i++ {
			if s[i] != prev {
				dst = append(dst, s[i])
				prev = s[i]
			}
		}
	}
	at := func(i int, s string) bool {
		return len(w)-i >= len(s) && string(w[i:i+len(s)]) == s
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c >= 0x80 {
			return dst, false
		}
		out, used := string(w[i:i+1]), 1
		switch c {
		case 't':
			if at(i, "tsch") {
				out, used = "k", 4
			} else if at(i, "tch") {
				out, used = "k", 3
			}
		case 's':
			if at(i, "sch") {
				out, used = "s", 3
			} else if at(i, "sh") {
				out, used = "s", 2
			}
		case 'k':
			if at(i, "kh") {
				out, used = "k", 2
			}
		case 'c':
			// "ch" and "ck" become k, and so does a c alone.
			out = "k"
			if at(i, "ch") || at(i, "ck") {
				used = 2
			}
		case 'p':
			if at(i, "ph") {
				out, used = "f", 2
			}
		case 'q':
			if at(i, "qu") {
				out, used = "kv", 2
			}
		case 'x':
			out = "ks"
		case 'y':
			out = "i"
			if at(i, "yj") {
				used = 2
			}
		case 'i':
			if at(i, "ij") {
				out, used = "i", 2
			} else if at(i, "ie") {
				out, used = "i", 2
			}
		case 'j':
			out = "i"
		case 'w':
			out = "v"
		case 'z':
			out = "s"
		case 'o':
			if at(i, "ou") {
				out, used = "u", 2
			}
		}
		// A byte that "used" skips is ASCII too, or it would not match.
		emit(out)
		i += used
	}
	return dst, true
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

// germanCharFilterName blanks what the Unicode tokenizer would read wrongly
// in German text, without changing lengths, so that offsets (and with them
// highlighting) stay right:
//   - gender forms ("Soldat:innen", "Soldat*innen", "Soldat_innen",
//     "Soldat/innen") index as the stem: the suffix becomes spaces;
//   - "text:Kursk" is one word to the tokenizer (a colon between letters
//     joins them, as in Swedish "S:t"); in German it separates words, so a
//     colon becomes a space.
//
// It is a byte scan rather than two regexp filters: it runs over every
// passage three times, and regexps were a fifth of the analysis time.
const germanCharFilterName = "claimbot_german_chars"

func init() {
	registry.RegisterCharFilter(germanCharFilterName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return germanCharFilter{}, nil
	})
}

type germanCharFilter struct{}

func (germanCharFilter) Filter(in []byte) []byte {
	var out []byte // copied on the first change
	set := func(i int, b byte) {
		if out == nil {
			out = append([]byte(nil), in...)
		}
		out[i] = b
	}
	for i := 0; i < len(in); i++ {
		switch in[i] {
		case ':', '*', '_', '/':
		default:
			continue
		}
		if genderSuffixAt(in, i) {
			for k := i; k < i+len(":innen"); k++ {
				set(k, ' ')
			}
			i += len(":innen") - 1
			continue
		}
		if in[i] == ':' {
			set(i, ' ')
		}
	}
	if out == nil {
		return in
	}
	return out
}

// genderSuffixAt reports whether in[i:] is a separator, "innen" and a word
// end (what the regexp `[:*_/]innen\b` matched).
func genderSuffixAt(in []byte, i int) bool {
	end := i + len(":innen")
	if end > len(in) || string(in[i+1:end]) != "innen" {
		return false
	}
	if end == len(in) {
		return true
	}
	c := in[end]
	return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')
}

// sharedTokenizerName is the Unicode tokenizer, remembering its last few
// results: a passage's text goes into the text, spelling, numbers and parts
// fields, whose analyzers start alike (the German character filter, then
// this tokenizer), and Bleve analyses a document's fields one after the
// other. So the later fields copy the first one's tokens instead of
// segmenting the text again, which was a tenth of the indexing time. The
// tokens are the Unicode tokenizer's, so the terms do not change.
const sharedTokenizerName = "claimbot_unicode_shared"

func init() {
	registry.RegisterTokenizer(sharedTokenizerName, func(_ map[string]any, cache *registry.Cache) (analysis.Tokenizer, error) {
		t, err := cache.TokenizerNamed(unicode.Name)
		if err != nil {
			return nil, err
		}
		return newSharedTokenizer(t), nil
	})
}

// Shared tokenizer sizes: texts shorter than sharedMinBytes (headings,
// titles, queries) are tokenized each time, as the copy would save little;
// each of the shards keeps its last sharedRing texts, enough for the few
// documents the analysis workers have in hand at once.
const (
	sharedMinBytes = 64
	sharedShards   = 16
	sharedRing     = 4
)

type sharedTokenizer struct {
	inner  analysis.Tokenizer
	seed   maphash.Seed
	shards [sharedShards]sharedShard
}

type sharedShard struct {
	mu   sync.Mutex
	next int
	ring [sharedRing]sharedEntry
	_    [40]byte // keep each shard's lock on its own cache line
}

type sharedEntry struct {
	hash   uint64
	input  []byte
	tokens analysis.TokenStream // never handed out: callers get copies
}

func newSharedTokenizer(inner analysis.Tokenizer) *sharedTokenizer {
	return &sharedTokenizer{inner: inner, seed: maphash.MakeSeed()}
}

func (t *sharedTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return t.tokenizeKeep(input, nil)
}

// tokenizeKeep is Tokenize, with only the tokens keep keeps (all if keep
// is nil); they keep their positions.
func (t *sharedTokenizer) tokenizeKeep(input []byte, keep keepFunc) analysis.TokenStream {
	if len(input) < sharedMinBytes {
		return keepTokens(t.tokenize(input), keep)
	}
	h := maphash.Bytes(t.seed, input)
	s := &t.shards[h%sharedShards]
	s.mu.Lock()
	for i := range s.ring {
		if e := &s.ring[i]; e.hash == h && bytes.Equal(e.input, input) {
			out := cloneTokens(e.tokens, keep)
			s.mu.Unlock()
			return out
		}
	}
	s.mu.Unlock()
	out := t.tokenize(input)
	// The filters after the tokenizer change tokens in place, so the
	// ring keeps a copy of its own, and of the input too.
	e := sharedEntry{hash: h, input: bytes.Clone(input), tokens: cloneTokens(out, nil)}
	s.mu.Lock()
	s.ring[s.next] = e
	s.next = (s.next + 1) % sharedRing
	s.mu.Unlock()
	return keepTokens(out, keep)
}

// keepFunc reports whether a field needs the token toks[i].
type keepFunc func(toks analysis.TokenStream, i int) bool

// keepTokens returns the tokens of toks that keep keeps.
func keepTokens(toks analysis.TokenStream, keep keepFunc) analysis.TokenStream {
	if keep == nil {
		return toks
	}
	var out analysis.TokenStream
	for i, tok := range toks {
		if keep(toks, i) {
			out = append(out, tok)
		}
	}
	return out
}

// Two fields read few of a passage's tokens, and copying all of them for
// each was most of what the shared tokenizer allocated. Their tokenizers
// hand out only the tokens the field's filters can use, so the terms are
// the same as from all tokens:
//   - the numbers field (numberFilter) reads tokens that start with a
//     digit, and the token after each for a multiplier ("1,3 Millionen");
//   - the parts field (partsFilter) splits words of german.MinCompound
//     letters or more and skips numbers; lowercasing and the stop words
//     before it take no letters from a word.
const (
	sharedNumbersTokenizerName = "claimbot_unicode_shared_numbers"
	sharedLongTokenizerName    = "claimbot_unicode_shared_long"
)

func init() {
	views := map[string]keepFunc{
		sharedNumbersTokenizerName: func(toks analysis.TokenStream, i int) bool {
			return startsWithDigitTerm(toks[i].Term) || i > 0 && startsWithDigitTerm(toks[i-1].Term)
		},
		sharedLongTokenizerName: func(toks analysis.TokenStream, i int) bool {
			term := toks[i].Term
			return toks[i].Type != analysis.Numeric && len(term) >= german.MinCompound && utf8.RuneCount(term) >= german.MinCompound
		},
	}
	for name, keep := range views {
		registry.RegisterTokenizer(name, func(_ map[string]any, cache *registry.Cache) (analysis.Tokenizer, error) {
			t, err := cache.TokenizerNamed(sharedTokenizerName)
			if err != nil {
				return nil, err
			}
			shared, ok := t.(*sharedTokenizer)
			if !ok {
				return nil, fmt.Errorf("%s is a %T", sharedTokenizerName, t)
			}
			return sharedView{shared: shared, keep: keep}, nil
		})
	}
}

func startsWithDigitTerm(term []byte) bool { return len(term) > 0 && term[0] >= '0' && term[0] <= '9' }

// sharedView is the shared tokenizer's tokens for one field.
type sharedView struct {
	shared *sharedTokenizer
	keep   keepFunc
}

func (v sharedView) Tokenize(input []byte) analysis.TokenStream {
	return v.shared.tokenizeKeep(input, v.keep)
}

// tokenize segments input as the Unicode tokenizer does, with the fast
// path where it knows every character.
func (t *sharedTokenizer) tokenize(input []byte) analysis.TokenStream {
	if out, ok := fastTokenize(input); ok {
		return out
	}
	return t.inner.Tokenize(input)
}

// cloneTokens copies the tokens of a stream that keep keeps (all if it
// is nil) into three allocations: the stream, the tokens and their terms.
// Each term's capacity ends with it, so a filter that lengthens a term
// reallocates rather than overwrite the next.
func cloneTokens(in analysis.TokenStream, keep keepFunc) analysis.TokenStream {
	n, k := 0, 0
	for i, tok := range in {
		if keep == nil || keep(in, i) {
			n += len(tok.Term)
			k++
		}
	}
	terms := make([]byte, 0, n)
	toks := make([]analysis.Token, k)
	out := make(analysis.TokenStream, k)
	k = 0
	for i, tok := range in {
		if keep != nil && !keep(in, i) {
			continue
		}
		toks[k] = *tok
		start := len(terms)
		terms = append(terms, tok.Term...)
		toks[k].Term = terms[start:len(terms):len(terms)]
		out[k] = &toks[k]
		k++
	}
	return out
}

// addAnalysis defines the analyzers on the mapping. They are data in the
// mapping, so an index carries the description of how it was built.
func addAnalysis(im *mapping.IndexMappingImpl) error {
	if err := im.AddCustomTokenFilter("claimbot_pairs", map[string]any{
		// "Kim Jong-un" also indexes "jongun", so "Kim Jongun" finds it.
		"type": "shingle", "min": 2.0, "max": 2.0, "output_original": true, "separator": "",
	}); err != nil {
		return err
	}
	analyzers := map[string][]string{
		analyzerText:       {"to_lower", "stop_de", germanStemFilterName},
		analyzerSpell:      {"to_lower", "stop_de", germanStemFilterName, translitFilterName},
		analyzerSpellQuery: {"to_lower", "stop_de", germanStemFilterName, translitFilterName, "claimbot_pairs"},
		analyzerNumbers:    {numberFilterName},
		// Split before stemming: the word lists hold whole words.
		analyzerParts: {"to_lower", "stop_de", partsFilterName, germanStemFilterName},
	}
	for name, filters := range analyzers {
		charFilters := []string{germanCharFilterName}
		tokenizer := sharedTokenizerName
		switch name {
		case analyzerNumbers:
			// Its input differs from the other fields' only where
			// grouped digits are joined, which few passages have; the
			// shared tokenizer compares inputs, so those tokenize anew.
			charFilters = append(charFilters, groupSpaceFilterName)
			tokenizer = sharedNumbersTokenizerName
		case analyzerParts:
			tokenizer = sharedLongTokenizerName
		}
		if err := im.AddCustomAnalyzer(name, map[string]any{
			"type":          "custom",
			"char_filters":  charFilters,
			"tokenizer":     tokenizer,
			"token_filters": filters,
		}); err != nil {
			return err
		}
	}
	return nil
}
