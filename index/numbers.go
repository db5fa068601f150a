package index

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// numberFilterName is the token filter that turns the numbers people type
// ("100.000", "100000", "100 000", "100,000", "1,3 Millionen") into one
// canonical term per value, so they find each other. Non-numbers are
// dropped: the filter feeds a field of its own.
const numberFilterName = "claimbot_numbers"

func init() {
	registry.RegisterTokenFilter(numberFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return numberFilter{}, nil
	})
}

type numberFilter struct{}

var multipliers = map[string]int64{
	"tausend": 1_000, "tsd": 1_000, "million": 1_000_000, "millionen": 1_000_000, "mio": 1_000_000,
	"milliarde": 1_000_000_000, "milliarden": 1_000_000_000, "mrd": 1_000_000_000,
	"thousand": 1_000, "billion": 1_000_000_000,
}

func (numberFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0:0]
	for i, tok := range in {
		values := NumberValues(string(tok.Term))
		if len(values) == 0 {
			continue
		}
		// "1,3 Millionen": the value scaled, and the figure as written.
		if i+1 < len(in) {
			if m, ok := multipliers[strings.ToLower(string(in[i+1].Term))]; ok {
				if scaled, ok := scale(values[0], m); ok {
					values = append([]string{scaled}, values...)
				}
			}
		}
		for _, v := range values {
			out = append(out, &analysis.Token{
				Term: []byte(v), Start: tok.Start, End: tok.End, Position: tok.Position, Type: analysis.Numeric,
			})
		}
	}
	if len(out) > 0 {
		// One marker term per passage with a figure, for the questions
		// that ask for one ("Wie viele ...?", see question.go). It is no
		// number, so no typed number can match it.
		first := out[0]
		out = append(out, &analysis.Token{Term: []byte(figureTerm), Start: first.Start, End: first.End, Position: first.Position, Type: analysis.AlphaNumeric})
	}
	return out
}

// groupSpaceFilterName is the char filter of the numbers field that keeps
// "100 000" and "1 300 000" (space, no-break space or thin space between
// groups of three digits) in one token: each byte of such a space becomes
// '_', which the tokenizer keeps inside a number. Deciding this on the text,
// not on the tokens, is what tells "100 000" from "300-500" or "300/500",
// whose tokens lie just as close together.
const groupSpaceFilterName = "claimbot_group_spaces"

func init() {
	registry.RegisterCharFilter(groupSpaceFilterName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return groupSpaceFilter{}, nil
	})
}

type groupSpaceFilter struct{}

// groupSpaces are the separators of digit groups: space, no-break space,
// narrow no-break space, thin space.
var groupSpaces = []string{" ", "\u00a0", "\u202f", "\u2009"}

func (groupSpaceFilter) Filter(in []byte) []byte {
	var out []byte   // copied on the first change
	chained := false // the digits before i follow a group space already replaced
	for i := 0; i < len(in); {
		sep := groupSpaceAt(in, i)
		if sep == 0 {
			if in[i] < '0' || in[i] > '9' {
				chained = false
			}
			i++
			continue
		}
		if groupsAround(in, i, sep, chained) {
			if out == nil {
				out = append([]byte(nil), in...)
			}
			for k := i; k < i+sep; k++ {
				out[k] = '_'
			}
			chained = true
		} else {
			chained = false
		}
		i += sep
	}
	if out == nil {
		return in
	}
	return out
}

// groupSpaceAt returns the length of the group space starting at in[i], or 0.
func groupSpaceAt(in []byte, i int) int {
	for _, s := range groupSpaces {
		if len(in)-i >= len(s) && string(in[i:i+len(s)]) == s {
			return len(s)
		}
	}
	return 0
}

// groupsAround reports whether the space at in[i:i+sep] separates digit
// groups: one to three digits before it (that start a number, or follow a
// group space already joined), exactly three after it, and no letter or
// digit right after those.
func groupsAround(in []byte, i, sep int, chained bool) bool {
	start := i
	for start > 0 && in[start-1] >= '0' && in[start-1] <= '9' {
		start--
	}
	if n := i - start; n == 0 || n > 3 || (chained && n != 3) {
		return false
	}
	if !chained && start > 0 {
		r, _ := utf8.DecodeLastRune(in[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '_' {
			return false
		}
	}
	j := i + sep
	if len(in)-j < 3 || !allDigits(string(in[j:j+3])) {
		return false
	}
	if j+3 < len(in) {
		r, _ := utf8.DecodeRune(in[j+3:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// NumberValues returns the canonical values a numeric token can stand for:
// German grouping ("100.000") and decimals ("1,3"), plain digits, and the
// English grouping "100,000" people type too, which is ambiguous and so
// yields both readings. Non-numeric tokens yield nil.
func NumberValues(term string) []string {
	if term == "" || term[0] < '0' || term[0] > '9' {
		return nil
	}
	switch {
	case allDigits(term):
		return []string{canon(term, "")}
	case strings.Contains(term, "_"):
		// "100_000": the numbers field's char filter joined "100 000".
		if groups := strings.FieldsFunc(term, func(r rune) bool { return r == '_' }); groupedParts(groups) {
			return []string{canon(strings.Join(groups, ""), "")}
		}
		return nil
	case grouped(term, '.'):
		return []string{canon(strings.ReplaceAll(term, ".", ""), "")}
	case grouped(term, ','):
		// "100,000": English thousands, or a German decimal with three
		// places; "1,300,000" can only be thousands.
		values := []string{canon(strings.ReplaceAll(term, ",", ""), "")}
		if intPart, frac, _ := strings.Cut(term, ","); !strings.Contains(frac, ",") {
			values = append(values, canon(intPart, frac))
		}
		return values
	}
	if intPart, frac, ok := strings.Cut(term, ","); ok && allDigits(intPart) && allDigits(frac) {
		return []string{canon(intPart, frac)}
	}
	if intPart, frac, ok := strings.Cut(term, "."); ok && allDigits(intPart) && allDigits(frac) && len(frac) != 3 {
		// "1.5" typed the English way; dates like 18.11.2024 do not get here.
		return []string{canon(intPart, frac)}
	}
	return nil
}

// grouped reports whether s is digits in groups of three after a first group
// of one to three, separated by sep: 1.000, 100.000, 1.300.000.
func grouped(s string, sep byte) bool {
	return groupedParts(strings.Split(s, string(sep)))
}

// groupedParts reports whether parts are one to three digits followed by
// groups of exactly three.
func groupedParts(parts []string) bool {
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

func canon(intPart, frac string) string {
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

func scale(v string, m int64) (string, bool) {
	r, ok := new(big.Rat).SetString(v)
	if !ok {
		return "", false
	}
	r.Mul(r, new(big.Rat).SetInt64(m))
	if !r.IsInt() {
		return "", false
	}
	return r.Num().String(), true
}
