package index

import (
	"math/big"
	"strings"

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
	for i := 0; i < len(in); i++ {
		tok := in[i]
		term := string(tok.Term)
		values := NumberValues(term)
		if len(values) == 0 {
			continue
		}
		end := tok.End
		// "100 000": a group of exactly three digits right after a
		// one-to-three digit number is the same number, written with a space.
		if len(term) <= 3 && allDigits(term) {
			j := i + 1
			digits := term
			for j < len(in) && in[j].Start == end+1 && len(in[j].Term) == 3 && allDigits(string(in[j].Term)) {
				digits += string(in[j].Term)
				end = in[j].End
				j++
			}
			if j > i+1 {
				values = NumberValues(digits)
				i = j - 1
			}
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
				Term: []byte(v), Start: tok.Start, End: end, Position: tok.Position, Type: analysis.Numeric,
			})
		}
	}
	return out
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
	case grouped(term, '.'):
		return []string{canon(strings.ReplaceAll(term, ".", ""), "")}
	case grouped(term, ','):
		// "100,000": English thousands, or a German decimal with three places.
		intPart, frac, _ := strings.Cut(term, ",")
		return []string{canon(strings.ReplaceAll(term, ",", ""), ""), canon(intPart, frac)}
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
	parts := strings.Split(s, string(sep))
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
