package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

// article wraps paragraphs into an article published on 2024-11-18.
func article(paras ...string) articles.Article {
	a := articles.Article{ID: "t", File: "t.txt", Title: "Test", Published: time.Date(2024, 11, 18, 8, 0, 0, 0, time.UTC)}
	for i, p := range paras {
		a.Paragraphs = append(a.Paragraphs, articles.Paragraph{N: i + 1, Text: p, Sources: articles.CitedSources(p)})
	}
	return a
}

// TestExtractRules checks one rule per row on a written sentence. Fields
// left empty in want are not checked.
func TestExtractRules(t *testing.T) {
	type want struct {
		figure, thing, actor, relation, mode, place, when string
		negative, retracted, hedged, increment            *bool
		sources                                           []string
	}
	yes, no := new(bool), new(bool)
	*yes = true
	tests := []struct {
		name string
		text string
		want []want // one per claim, in order; nil = no claim
	}{
		{"plan with wird", "Nordkorea wird 5.000 Soldaten nach Kursk entsenden.",
			[]want{{figure: "5.000 Soldaten", actor: "Nordkorea", relation: "schicken", mode: "plan", place: "Kursk"}}},
		{"report with hat", "Nordkorea hat 5.000 Soldaten nach Kursk geschickt.",
			[]want{{mode: "report", hedged: no}}},
		{"plan with könnte", "Nordkorea könnte 5.000 Soldaten schicken.",
			[]want{{mode: "plan", hedged: yes}}},
		{"reportative soll", "Nordkorea soll 5.000 Soldaten geschickt haben.",
			[]want{{mode: "report", hedged: yes}}},
		{"Konjunktiv I", "Seoul erklärte, Nordkorea habe 5.000 Soldaten geschickt.",
			[]want{{actor: "Nordkorea", hedged: yes}}},
		{"passive plan", "Es sollen 5.000 Soldaten aus Nordkorea geschickt werden.",
			[]want{{actor: "Nordkorea", mode: "plan"}}},
		{"offer", "Kim Jong-un hat Putin 100.000 Soldaten versprochen.",
			[]want{{relation: "anbieten", mode: "plan", actor: "Nordkorea"}}},
		{"consider governs the infinitive", "Nordkorea erwägt, bis zu 100.000 Soldaten zu entsenden.",
			[]want{{figure: "bis zu 100.000 Soldaten", relation: "erwägen", mode: "plan"}}},
		{"receive names the origin", "Russland erhielt 12.000 Soldaten aus Nordkorea.",
			[]want{{actor: "Nordkorea", relation: "schicken"}}},
		{"destination is not the actor", "Nach Russland schickte Nordkorea 3.000 Soldaten.",
			[]want{{actor: "Nordkorea", place: "Russland"}}},
		{"source adjective is not the actor", "Einem südkoreanischen Bericht zufolge hat Nordkorea 3.000 Soldaten geschickt.",
			[]want{{actor: "Nordkorea", sources: []string{"südkoreanischer Bericht"}}}},
		{"speaker before the verb is not the actor", "Das ukrainische Militär erklärte, Nordkorea habe 3.000 Soldaten geschickt.",
			[]want{{actor: "Nordkorea"}}},
		{"nationality adjective owns the noun", "Laut Kiew kämpfen 3.000 nordkoreanische Soldaten gegen die Ukraine.",
			[]want{{actor: "Nordkorea", relation: "im Einsatz"}}},
		{"anaphora", "Nordkoreanische Soldaten wurden geschickt, und etwa 3.000 von ihnen sind an der Front im Einsatz.",
			[]want{{figure: "etwa 3.000 Soldaten", actor: "Nordkorea", relation: "im Einsatz", place: "Front"}}},
		{"region beats country", "Nordkorea schickte 3.000 Soldaten in die russische Region Kursk.",
			[]want{{place: "Kursk"}}},
		{"zero", "Nordkorea hat keine Soldaten nach Russland geschickt.",
			[]want{{figure: "keine Soldaten", negative: yes}}},
		{"negated figure", "Nordkorea hat die 3.000 Soldaten nicht geschickt.",
			[]want{{negative: yes}}},
		{"nicht nur is no negation", "Nordkorea hat nicht nur 3.000 Soldaten geschickt, sondern auch Raketen.",
			[]want{{negative: no}}},
		{"nicht klar is a hedge", "Es ist nicht klar, ob Nordkorea 3.000 Soldaten geschickt hat.",
			[]want{{negative: no, hedged: yes}}},
		{"um-zu clause keeps its negation", "Um nicht wortbrüchig zu werden, will Kim 300 Soldaten entsenden.",
			[]want{{negative: no, mode: "plan"}}},
		{"denial without figure", "Pjöngjang bestreitet, Soldaten nach Russland geschickt zu haben.",
			[]want{{figure: "bestritten: Soldaten", actor: "Nordkorea", negative: yes}}},
		{"separable denial", "Moskau weist Berichte zurück, wonach nordkoreanische Soldaten in Kursk im Einsatz seien.",
			[]want{{actor: "Nordkorea", negative: yes, place: "Kursk"}}},
		{"retraction of an offer", "Kim hat sein Angebot zur Entsendung von Soldaten zurückgezogen.",
			[]want{{figure: "Angebot zurückgezogen: Soldaten", retracted: yes, mode: "plan"}}},
		{"withdrawal of troops is no retraction", "Nordkorea hat 2.000 Soldaten aus Kursk zurückgezogen.",
			[]want{{retracted: no, relation: "abziehen"}}},
		{"a retraction reaches its own clause only", "Kim zog sein Angebot zurück, schickte aber 300 Soldaten.",
			[]want{{figure: "300 Soldaten", retracted: no, mode: "report"}}},
		{"unspecific retraction", "Kim hat sein Hilfsangebot an Russland zurückgezogen.",
			[]want{{thing: "", retracted: yes}}},
		{"increment", "Nordkorea schickt erneut 3.000 Soldaten.", []want{{increment: yes}}},
		{"relative clause hedge stays there", "Nordkorea schickt 3.000 Soldaten, die eingesetzt werden sollen.",
			[]want{{hedged: no}}},
		{"relative time", "Im vergangenen Jahr schickte Nordkorea 3.000 Soldaten.", []want{{when: "2023"}}},
		{"strength", "Die nordkoreanische Armee verfügt über 1,2 Millionen aktive Soldaten.",
			[]want{{relation: "verfügen über", actor: "Nordkorea"}}},
		{"reserve", "In Nordkorea dienen 600.000 Soldaten als Reservisten.", []want{{relation: "in Reserve"}}},
		{"measure", "Nordkorea hat 5.000 Tonnen Munition geliefert.", []want{{thing: "Munition", figure: "5.000 t Munition"}}},
		{"durations are not claims", "Die Verbindungen waren seit mehr als 30 Jahren unterbrochen.", nil},
		{"ages are not claims", "Soldaten im Alter zwischen 19 und 27 Jahren kamen.", nil},
		{"no actor, no relation, unknown noun", "Es gab 300 Gründe.", nil},
	}
	check := func(t *testing.T, c Claim, w want) {
		t.Helper()
		str := func(name, got, want string) {
			if want != "" && got != want && !(name == "thing" && want == "" && got == "") {
				t.Errorf("%s = %q, want %q", name, got, want)
			}
		}
		str("figure", c.Figure, w.figure)
		str("actor", c.Actor, w.actor)
		str("relation", c.Relation, w.relation)
		str("mode", c.Mode, w.mode)
		str("place", c.Place, w.place)
		str("when", c.When.String(), w.when)
		if w.thing != "" || (w.retracted != nil && *w.retracted && w.figure == "" && w.relation == "") {
			if c.Thing != w.thing {
				t.Errorf("thing = %q, want %q", c.Thing, w.thing)
			}
		}
		flag := func(name string, got bool, want *bool) {
			if want != nil && got != *want {
				t.Errorf("%s = %v, want %v", name, got, *want)
			}
		}
		flag("negative", c.negative(), w.negative)
		flag("retracted", c.Retracted, w.retracted)
		flag("hedged", c.Hedged(), w.hedged)
		flag("increment", c.Increment, w.increment)
		if w.sources != nil && !sameSet(c.Sources, w.sources) {
			t.Errorf("sources = %q, want %q", c.Sources, w.sources)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Extract(article(tt.text))
			if len(cs) != len(tt.want) {
				var figs []string
				for _, c := range cs {
					figs = append(figs, c.Figure)
				}
				t.Fatalf("%d claims %q, want %d", len(cs), figs, len(tt.want))
			}
			for i, w := range tt.want {
				check(t, cs[i], w)
			}
		})
	}
}

// TestCarry checks what one sentence passes to the next in a paragraph:
// the actor and the time.
func TestCarry(t *testing.T) {
	cs := Extract(article("Unterdessen führte Russland am letzten Wochenende Angriffe durch. Es wurden etwa 120 Raketen abgefeuert."))
	if len(cs) != 1 || cs[0].Actor != "Russland" || cs[0].When.String() != "2024-11-16/2024-11-17" {
		t.Fatalf("got %+v", cs)
	}
}

// TestExtractIDs checks that claim IDs are unique and stable.
func TestExtractIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range seeds(t) {
		first := Extract(a)
		second := Extract(a)
		for i, c := range first {
			if seen[c.ID] {
				t.Errorf("duplicate claim ID %s", c.ID)
			}
			seen[c.ID] = true
			if second[i].ID != c.ID || !strings.HasPrefix(c.ID, a.ID+"#") {
				t.Errorf("unstable or foreign ID %s", c.ID)
			}
		}
	}
}

// FuzzExtract feeds arbitrary paragraphs through the whole extractor.
func FuzzExtract(f *testing.F) {
	for _, a := range seeds(f) {
		for _, p := range a.Paragraphs {
			f.Add(p.Text)
		}
	}
	f.Add("„Nordkorea“ schickt – keine – 5.000 (etwa) Soldaten,, nicht")
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range Extract(article(text)) {
			if c.HasQuantity && (c.Quantity.Low > c.Quantity.High || c.Quantity.Low < 0) {
				t.Fatalf("bad interval in %q", text)
			}
			if c.Text == "" || !strings.Contains(text, c.Text) {
				t.Fatalf("claim sentence %q not in %q", c.Text, text)
			}
		}
	})
}
