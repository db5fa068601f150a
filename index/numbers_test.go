package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestNumberValues(t *testing.T) {
	tests := []struct {
		term string
		want []string
	}{
		{"100.000", []string{"100000"}},
		{"100000", []string{"100000"}},
		{"1.300.000", []string{"1300000"}},
		{"1.000", []string{"1000"}},
		{"007", []string{"7"}},
		{"0", []string{"0"}},
		// German decimals.
		{"1,3", []string{"1.3"}},
		{"0,50", []string{"0.5"}},
		{"2,0", []string{"2"}},
		// English thousands, which are also a German decimal with three places.
		{"100,000", []string{"100000", "100"}},
		{"1,300,000", []string{"1300000"}}, // not also "1.300,"
		// English decimal point, unless it has exactly three places.
		{"1.5", []string{"1.5"}},
		{"3.14", []string{"3.14"}},
		// Joined by the numbers field's char filter from "100 000".
		{"100_000", []string{"100000"}},
		{"1__300_000", []string{"1300000"}},
		// Not numbers.
		{"18.11.2024", nil},
		{"1.000.00", nil},
		{"1.0000", []string{"1"}},
		{"1000.000", nil},
		{"1_00", nil},
		{"1,3,5", nil},
		{"12a", nil},
		{"a12", nil},
		{"", nil},
		{"-5", nil},
		{"٣", nil}, // Arabic-Indic digit: not what the filter canonicalises
		{"1.", nil},
		{",5", nil},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			if got := NumberValues(tt.term); !slices.Equal(got, tt.want) {
				t.Errorf("NumberValues(%q) = %q, want %q", tt.term, got, tt.want)
			}
		})
	}
}

// TestNumberAnalysis runs text through the numbers field's analyzer as the
// mapping defines it (char filters, tokenizer, number filter), which is what
// both indexing and query building use.
func TestNumberAnalysis(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(analyzerNumbers)
	if a == nil {
		t.Fatalf("mapping has no analyzer %q", analyzerNumbers)
	}
	// Tokens are written term@start:end (byte offsets into the text), so
	// the tests also pin what a highlight marks.
	tests := []struct {
		name, text string
		want       []string
	}{
		{"grouped", "100.000 Soldaten", []string{"100000@0:7"}},
		{"plain", "100000", []string{"100000@0:6"}},
		{"english grouping", "100,000", []string{"100000@0:7", "100@0:7"}},
		{"space grouping", "100 000", []string{"100000@0:7"}},
		{"space grouping, millions", "1 300 000 Soldaten", []string{"1300000@0:9"}},
		{"no-break space", "100\u00a0000", []string{"100000@0:8"}},
		{"narrow no-break space", "100\u202f000", []string{"100000@0:9"}},
		{"thin space", "2\u2009000", []string{"2000@0:7"}},
		{"scaled millions", "1,3 Millionen", []string{"1300000@0:3", "1.3@0:3"}},
		{"scaled abbreviation", "1,3 Mio. Soldaten", []string{"1300000@0:3", "1.3@0:3"}},
		{"scaled billions", "2,5 Mrd.", []string{"2500000000@0:3", "2.5@0:3"}},
		{"scaled thousands", "5 Tausend", []string{"5000@0:1", "5@0:1"}},
		{"date is not a number", "18.11.2024", nil},
		{"date and time", "18.11.2024 08:31", []string{"8@11:13", "31@14:16"}},
		{"range with en dash", "300 – 500", []string{"300@0:3", "500@8:11"}},
		{"range with hyphen", "300-500 Soldaten", []string{"300@0:3", "500@4:7"}},
		{"range with slash", "300/500", []string{"300@0:3", "500@4:7"}},
		{"range in words", "zwischen 19 und 27 Jahren", []string{"19@9:11", "27@16:18"}},
		{"year then count", "2024 500 Soldaten", []string{"2024@0:4", "500@5:8"}},
		{"four digits do not group", "12 345 6789", []string{"12345@0:6", "6789@7:11"}},
		{"digits after a letter", "A4 100 Seiten", []string{"100@3:6"}},
		{"decimal before a space", "1,5 000", []string{"1.5@0:3", "0@4:7"}},
		{"unit glued on", "100 000km", []string{"100@0:3"}},
		{"percent", "20 %", []string{"20@0:2"}},
		{"words only", "Kim Jong-un schickt Soldaten", nil},
		{"gender colon", "600.000 Soldat:innen", []string{"600000@0:7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			markers := 0
			for _, tok := range a.Analyze([]byte(tt.text)) {
				if string(tok.Term) == figureTerm {
					markers++
					continue
				}
				got = append(got, fmt.Sprintf("%s@%d:%d", tok.Term, tok.Start, tok.End))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("analyse %q = %q, want %q", tt.text, got, tt.want)
			}
			// A text with a figure has the marker once, one without none.
			if want := min(len(tt.want), 1); markers != want {
				t.Errorf("analyse %q: %d %s markers, want %d", tt.text, markers, figureTerm, want)
			}
		})
	}
}

// TestTextAnalysis pins the German and spelling analyzers on the forms the
// relevance cases rely on.
func TestTextAnalysis(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		analyzer, text string
		want           []string
	}{
		{analyzerText, "Soldat Soldaten Soldat:innen Soldat*innen Soldat_innen", []string{"soldat"}},
		{analyzerText, "Reservisten Reservist:innen", []string{"reservist"}},
		{analyzerText, "nordkoreanisch nordkoreanischer nordkoreanischen", []string{"nordkoreanisch"}},
		{analyzerText, "text:Kursk", []string{"text", "kursk"}},
		{analyzerText, "Kursk:Nordkorea", []string{"kursk", "nordkorea"}},
		{analyzerText, "der die das und", nil},
		{analyzerSpell, "Schoigu Shoigu Schojgu", []string{"soigu"}},
		{analyzerSpell, "Pjöngjang Pyongyang Pjoengjang", []string{"piongiang"}},
		{analyzerSpell, "Korotschenko Korotchenko", []string{"korokenko"}},
	}
	for _, tt := range tests {
		t.Run(tt.analyzer+"/"+tt.text, func(t *testing.T) {
			got := analyse(m, tt.analyzer, tt.text)
			// The spelling analyzer also emits joined pairs; keep single words.
			if tt.analyzer == analyzerSpell {
				got = slices.DeleteFunc(got, func(s string) bool {
					for _, w := range tt.want {
						if s != w && strings.HasPrefix(s, w) {
							return true
						}
					}
					return false
				})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.text, got, tt.want)
			}
		})
	}
}
