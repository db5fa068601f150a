package index

import (
	"context"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimbot/claimbot"
)

// FuzzSearch: any string typed as a query is answered or refused as
// invalid; it never panics and never fails otherwise. Answers are
// well-formed: fragments are excerpts of their passage.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"Nordkorea bietet Russland 100.000 Soldaten an", "100 000", "1,3 Millionen", "Shoigu Pyongyang",
		"text:Kursk", "published:>2020", "+Kursk -Putin", `"Kursk`, "/.*/", "a* b* c* d*", "Kursk~2^3",
		"Soldat:innen", "18.11.2024", "300-500", "", " ", "\xff", strings.Repeat("ä", MaxQueryRunes+1),
		"der die das", "\x00", "100\u00a0000\u202f000",
	} {
		f.Add(q)
	}
	ix := seedIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), q, SearchOptions{Limit: 10})
		trimmed := strings.TrimSpace(q)
		invalid := trimmed == "" || !utf8.ValidString(trimmed) || utf8.RuneCountInString(trimmed) > MaxQueryRunes
		switch {
		case err != nil && claimbot.ErrorCode(err) != claimbot.EINVALID:
			t.Fatalf("Search(%q): %v (code %q); only EINVALID is allowed", q, err, claimbot.ErrorCode(err))
		case (err != nil) != invalid:
			t.Fatalf("Search(%q): error %v; want an error: %v", q, err, invalid)
		}
		if uint64(len(res.Hits)) > res.Total {
			t.Fatalf("Search(%q): %d hits of %d", q, len(res.Hits), res.Total)
		}
		for _, h := range res.Hits {
			for _, fr := range h.Fragments {
				plain := strings.TrimSuffix(strings.TrimPrefix(fr.Plain(), "… "), " …")
				if !strings.Contains(h.Passage, plain) || !utf8.ValidString(plain) {
					t.Fatalf("Search(%q): hit %s: fragment %q is not an excerpt of its passage", q, h.ID, plain)
				}
			}
		}
	})
}

// canonicalNumber is the form NumberValues promises: no sign, no leading
// zeros, a decimal point only before significant fraction digits.
var canonicalNumber = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)

// FuzzNumberValues: NumberValues and the numbers analyzer never panic and
// only produce canonical decimal numbers, with offsets inside the text.
func FuzzNumberValues(f *testing.F) {
	for _, s := range []string{
		"100.000", "100000", "100,000", "1,3", "1.300.000", "18.11.2024", "1,300,000", "0,50", "007",
		"100_000", "1__300_000", "1.", ",5", "1 300 000 Soldaten", "300 – 500", "300-500", "1,3 Millionen",
		"100\u00a0000", "2\u2009000", "A4 100", "99999999999999999999999999 Milliarden",
	} {
		f.Add(s)
	}
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	a := m.AnalyzerNamed(analyzerNumbers)
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range NumberValues(s) {
			if !canonicalNumber.MatchString(v) {
				t.Fatalf("NumberValues(%q) has %q, not a canonical decimal", s, v)
			}
			if _, ok := new(big.Rat).SetString(v); !ok {
				t.Fatalf("NumberValues(%q) has %q, which does not parse", s, v)
			}
		}
		if filtered := (groupSpaceFilter{}).Filter([]byte(s)); len(filtered) != len(s) {
			t.Fatalf("group-space filter changed the length of %q to %d bytes: offsets would shift", s, len(filtered))
		}
		for _, tok := range a.Analyze([]byte(s)) {
			if string(tok.Term) != figureTerm && !canonicalNumber.MatchString(string(tok.Term)) {
				t.Fatalf("numbers analyzer on %q: term %q is not a canonical decimal", s, tok.Term)
			}
			if tok.Start < 0 || tok.Start > tok.End || tok.End > len(s) {
				t.Fatalf("numbers analyzer on %q: token %q at %d:%d is outside the text", s, tok.Term, tok.Start, tok.End)
			}
		}
	})
}
