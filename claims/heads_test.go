package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/german"
)

// fakeLexicon is a thesaurus and compound splitter of a few words, so the
// head rules are tested without the installed language data.
type fakeLexicon struct {
	syns   map[string][]string // lower case word → synonyms
	splits map[string][]string // lower case compound → parts
	broad  map[string][]string // lower case word → broader terms
	// English renderings by German word as written
	english map[string][]german.English
}

func (f fakeLexicon) Synonyms(w string) []string { return f.syns[w] }

func (f fakeLexicon) Broader(w string) []string { return f.broad[w] }

func (f fakeLexicon) English(w string) []german.English { return f.english[w] }

func (f fakeLexicon) Germans(string) []string { return nil }

func (f fakeLexicon) VerbForms(string) []string { return nil }

func (f fakeLexicon) SplitCompound(w string) []string {
	if p, ok := f.splits[w]; ok {
		return p
	}
	return []string{w}
}

var testLexicon = fakeLexicon{
	syns: map[string][]string{
		"umsatz":      {"Erlös", "Einnahme"},
		"erlös":       {"Umsatz", "Einnahme", "Gewinn"},
		"firma":       {"Unternehmen", "Betrieb"},
		"unternehmen": {"Firma", "Betrieb"},
		"teuerung":    {"Inflation", "Preissteigerung"},
		"inflation":   {"Teuerung", "Preissteigerung"},
		// a broad entry: its synonyms do not count from its side
		"gewinn": strings.Fields("Erlös Ertrag Profit Plus Nutzen Vorteil Ausbeute Rendite Treffer Preis"),
	},
	splits: map[string][]string{
		"firmeninsolvenzen":       {"firmen", "insolvenzen"},
		"unternehmensinsolvenzen": {"unternehmens", "insolvenzen"},
		"verbraucherinsolvenzen":  {"verbraucher", "insolvenzen"},
		"preissteigerung":         {"preis", "steigerung"},
		"jahresumsatz":            {"jahres", "umsatz"},
		"jahreserlöse":            {"jahres", "erlöse"},
		"monatserlöse":            {"monats", "erlöse"},
		"inflationsrate":          {"inflation", "rate"},
	},
}

func TestSynonymHeadsFake(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Umsatz", "Erlöse", true},                                   // listed, plural on one side
		{"Erlöse", "Umsatz", true},                                   // either order
		{"Inflation", "Teuerung", true},                              // both list each other
		{"Gewinn", "Umsatz", false},                                  // not listed
		{"Gewinn", "Erlöse", true},                                   // "Erlös" names "Gewinn" from its narrow side
		{"Umsatz", "Umsatz", false},                                  // the same word is no synonym (keys match instead)
		{"Firmeninsolvenzen", "Unternehmensinsolvenzen", true},       // one head, synonym first parts
		{"Verbraucherinsolvenzen", "Unternehmensinsolvenzen", false}, // one head, another whole
		{"Erlöse", "Jahresumsatz", true},                             // a noun and a compound of its synonym
		{"Jahresumsatz", "Jahreserlöse", true},                       // one first part, synonym heads
		{"Jahresumsatz", "Monatserlöse", false},                      // other first parts
		{"", "Umsatz", false},
		{"Wetter", "Klima", false}, // unknown words
	}
	withGermanData(t, testLexicon, func() {
		for _, c := range cases {
			if got := synonymHeads(c.a, c.b); got != c.want {
				t.Errorf("synonymHeads(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
			}
		}
	})
}

func TestSynonymKeysFake(t *testing.T) {
	withGermanData(t, testLexicon, func() {
		got := synonymKeys("Inflation", nil)
		for _, w := range []string{"Teuerung", "Preissteigerung"} {
			if !slices.Contains(got, nounKey(w)) {
				t.Errorf("synonymKeys(Inflation) = %v, lacks the key of %s", got, w)
			}
		}
		if got := synonymKeys("Gewinn", nil); len(got) != 0 {
			t.Errorf("a broad entry expands the search: %v", got)
		}
	})
}

func TestChangeSynonymKeyFake(t *testing.T) {
	cases := []struct {
		head string
		key  string
		sign int
	}{
		{"Inflation", "preis", 1},      // "Preissteigerung": the first part as the dictionary has it
		{"Inflationsrate", "preis", 1}, // by the compound's first part
		{"Teuerung", "preis", 1},       // either side of the pair
		{"Schwankung", "", 0},          // changes of two things say nothing
		{"Gewinn", "", 0},              // a broad entry
		{"Umsatz", "", 0},
	}
	withGermanData(t, testLexicon, func() {
		for _, c := range cases {
			k, sign := changeSynonymKey(c.head)
			if k != c.key || sign != c.sign {
				t.Errorf("changeSynonymKey(%q) = %q, %d; want %q, %d", c.head, k, sign, c.key, c.sign)
			}
		}
	})
}

func TestNominalisedIn(t *testing.T) {
	people := func(preds ...string) *Claim { return &Claim{Key: genericKey, preds: preds} }
	cases := []struct {
		name string
		x, y *Claim
		want bool
	}{
		{"people said to be jobless, the jobless", people(skeleton("arbeitslos")), &Claim{Key: "arbeitslos"}, true},
		{"another predicate", people(skeleton("obdachlos")), &Claim{Key: "arbeitslos"}, false},
		{"not a count of people", &Claim{Key: "stell", preds: []string{skeleton("arbeitslos")}}, &Claim{Key: "arbeitslos"}, false},
		{"a verb key is no noun", people("rbtsls"), &Claim{Key: "v:rbtsls"}, false},
		{"a short key", people(skeleton("tot")), &Claim{Key: "tot"}, false},
	}
	for _, c := range cases {
		if got := nominalisedIn(c.x, c.y); got != c.want {
			t.Errorf("%s: nominalisedIn = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestEventVerbOf(t *testing.T) {
	// "Am Streik beteiligten sich 6.000 Beschäftigte": people taking part
	// in the event the clause names.
	takingPart := &Claim{Key: genericKey, nouns: []string{"streik", "beschäftigt"}, preds: []string{"btlg"}}
	cases := []struct {
		name string
		x    *Claim
		want bool
	}{
		{"the event's verb", &Claim{Key: "beschäftigt", nouns: []string{"beschäftigt"}, preds: []string{skeleton("streik")}}, true},
		{"another verb", &Claim{Key: "beschäftigt", preds: []string{skeleton("demonstrier")}}, false},
		{"a measured amount", &Claim{Key: "lohn", Unit: "EUR", preds: []string{skeleton("streik")}}, false},
		{"a verb too short to tell", &Claim{Key: "beschäftigt", preds: []string{"st"}}, false},
	}
	for _, c := range cases {
		if got := eventVerbOf(c.x, takingPart); got != c.want {
			t.Errorf("%s: eventVerbOf = %v, want %v", c.name, got, c.want)
		}
	}
	if eventVerbOf(takingPart, &Claim{Key: "beschäftigt", preds: []string{"strk"}}) {
		t.Error("the other side must count people taking part")
	}
}

func TestSearchAcrossWordsFake(t *testing.T) {
	withGermanData(t, testLexicon, func() {
		earlier := []Claim{
			{Paragraph: 1, Key: "beschäftigt", Head: "Beschäftigte", nouns: []string{"streik", "beschäftigt"}},
			{Paragraph: 2, Key: nounKey("Teuerung"), Head: "Teuerung"},
			{Paragraph: 3, Key: "wetter", Head: "Wetter"},
		}
		var px passageIndex
		px.add(earlier)
		cases := []struct {
			name string
			c    Claim
			want string // the key of the passage to be found, "" for none
		}{
			{"a verb finds the noun", Claim{Key: "mensch", preds: []string{skeleton("streik")}}, "beschäftigt"},
			{"a noun finds its synonym", Claim{Key: nounKey("Inflation"), Head: "Inflation"}, nounKey("Teuerung")},
			{"nothing shared", Claim{Key: "umsatz", Head: "Umsatz"}, ""},
		}
		for _, c := range cases {
			got := px.search(&c.c, nil)
			found := ""
			for _, g := range got {
				if g.Key == c.want && c.want != "" {
					found = g.Key
				}
			}
			if c.want == "" && len(got) != 0 || c.want != "" && found == "" {
				t.Errorf("%s: search found %d claims, want the one keyed %q", c.name, len(got), c.want)
			}
		}
	})
}

func TestMeasuredInAdjective(t *testing.T) {
	// "Die Lawine war 300 Meter breit": the adjective is keyed as a verb
	// without its "t". (Skeletons fold doubled letters, so "Brett" would
	// pass too: the unit and the event gates keep such pairs apart.)
	wide := &Claim{Key: "lawin", Unit: "m", preds: []string{"br"}}
	cases := []struct {
		key  string
		want bool
	}{
		{"breit", true},  // "eine Breite von 80 Metern"
		{"brand", false}, // more after the two consonants
		{"boden", false}, // another start
	}
	for _, c := range cases {
		if got := measuredIn(&Claim{Key: c.key, Unit: "m"}, wide); got != c.want {
			t.Errorf("measuredIn(%q, breit) = %v, want %v", c.key, got, c.want)
		}
	}
}
