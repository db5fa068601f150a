package index

import (
	"slices"
	"testing"
)

// TestForeignPluralForms: a noun German took from Latin or Greek has a
// plural the light stemmer does not join with its singular.
func TestForeignPluralForms(t *testing.T) {
	for _, c := range []struct {
		word string
		want []string // among the forms
		not  []string
	}{
		{"Bakterien", []string{"bakterium"}, nil},
		{"Bakterium", []string{"bakterien"}, nil},
		{"Zentrum", []string{"zentren"}, nil},
		{"Zentren", []string{"zentrum"}, nil},
		{"Museum", []string{"museen"}, nil},
		{"Organismus", []string{"organismen"}, nil},
		{"Organismen", []string{"organismus"}, nil},
		{"Themen", []string{"thema"}, nil},
		{"Firma", []string{"firmen"}, nil},
		{"Konto", []string{"konten"}, nil},
		{"Risiken", []string{"risiko"}, nil},
		{"Stadion", []string{"stadien"}, nil},
		// Lower-case words are no nouns; short stems are no Latin nouns.
		{"zentrum", nil, []string{"zentren"}},
		{"Bus", nil, []string{"ben"}},
	} {
		got := foreignForms(c.word)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("foreignForms(%q) = %q, want %q among them", c.word, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("foreignForms(%q) = %q, want no %q", c.word, got, w)
			}
		}
	}
}

// TestForeignPluralFindsSingular: invented passages where the question
// has the plural and only the answer has the singular, or the other way
// round.
func TestForeignPluralFindsSingular(t *testing.T) {
	ix := indexOf(t,
		testArticle("bakterium", "Ein einzelnes Bakterium teilt sich unter günstigen Bedingungen alle zwanzig Minuten."),
		testArticle("ernte", "Die Ernte gelingt unter günstigen Bedingungen."),
		testArticle("zentren", "Ihre Zentren hat die Forschung heute in Asien, in Japan und in Korea."),
		testArticle("kosten", "Die Forschung ist teuer."),
	)
	for _, c := range []struct{ q, want string }{
		{"Bakterien unter günstigen Bedingungen", "bakterium#1"},
		{"das Zentrum der Forschung", "zentren#1"},
	} {
		if ids := hitIDs(t, ix, c.q, 2); len(ids) == 0 || ids[0] != c.want {
			t.Errorf("%q: hits %v, want %s first", c.q, ids, c.want)
		}
	}
}
