package claims

import (
	"strings"
	"testing"
)

// TestExtractRules checks one rule per row on a written sentence (the
// article is dated Monday 2024-11-18). Fields left empty in want are not
// checked; the claim checked is the first whose figure contains pick.
func TestExtractRules(t *testing.T) {
	type want struct {
		pick, key, unit, owner, when string
		mode                         Mode
		stance                       Stance
		mods                         string
		negative, part, hedged       *bool
		changing, increment          *bool
		change                       int
		places, sources              []string
	}
	yes, no := new(bool), new(bool)
	*yes = true
	tests := []struct {
		name string
		text string
		want *want // nil: no figure or stance claim
	}{
		{"figure after the noun", "Die Arbeitslosenquote lag im März bei 6,1 Prozent.", &want{pick: "6,1 %", key: nounKey("Arbeitslosenquote"), unit: "%", when: "2024-03"}},
		{"genitive of a count", "Die Zahl der Verletzten stieg auf 17.", &want{pick: "17", key: "verletzt", changing: yes}},
		{"a change is not a level", "Die Verbraucherpreise stiegen um 2,1 Prozent.", &want{pick: "2,1", change: 1, unit: "%"}},
		{"von before the figure", "Die Stadt rechnet mit einem Defizit von 800 Millionen Euro.", &want{pick: "800", key: "defizit", unit: "€", mode: ModeForecast}},
		{"people counted by what happened to them", "Bei dem Unfall wurden am Sonntag 17 Menschen verletzt.", &want{pick: "17", key: "verletzt", when: "2024-11-17"}},
		{"ums Leben", "Bei dem Brand kamen drei Menschen ums Leben.", &want{pick: "3", key: "tot"}},
		{"Todesopfer", "Das Unglück forderte fünf Todesopfer.", &want{pick: "5", key: "tot"}},
		{"a crowd taking part", "In Leipzig zogen 12.000 Menschen durch die Innenstadt.", &want{pick: "12.000", key: "mensch", places: []string{"leipzig"}}},
		{"part of a whole", "17 Menschen wurden verletzt, drei von ihnen schwer.", &want{pick: "3", key: "verletzt", part: yes, mods: "schwer"}},
		{"a narrowing adjective", "Die Armee verfügt über 1,2 Millionen aktive Soldaten.", &want{pick: "1,2", mods: "aktiv"}},
		{"neutral adjectives narrow nothing", "Der Konzern schafft 500 neue Stellen.", &want{pick: "500", key: "stelle", mods: "", increment: yes}},
		{"owner is the subject, not the source", "Laut Betriebsrat will Siemens 500 Stellen streichen.", &want{pick: "500", owner: "Siemens", mode: ModePlan, sources: []string{"Betriebsrat"}}},
		{"owner is not the speaker", "Die Gewerkschaft Verdi erklärte, Siemens habe 500 Stellen gestrichen.", &want{pick: "500", owner: "Siemens", hedged: yes}},
		{"the speaker's figure", "Die Veranstalter sprachen von 20.000 Teilnehmern.", &want{pick: "20.000", key: "mensch", sources: []string{"Veranstalter"}}},
		{"place adjective", "Die Kölner Verkehrsbetriebe zählten 300 Busse.", &want{pick: "300", key: nounKey("Busse")}},
		{"plan with will", "Die Stadt will 200 Wohnungen bauen.", &want{pick: "200", mode: ModePlan}},
		{"announcement", "Der Konzern kündigte an, 300 Stellen abzubauen.", &want{pick: "300", mode: ModeAnnouncement}},
		{"forecast", "Die Bundesagentur erwartet im Dezember 2,9 Millionen Arbeitslose.", &want{pick: "2,9", mode: ModeForecast}},
		{"reportative soll is a hedge, not a plan", "Bei dem Einsturz sollen zwölf Menschen gestorben sein.", &want{pick: "12", key: "tot", mode: ModeReport, hedged: yes}},
		{"zero", "Bei dem Brand gab es keine Verletzten.", &want{pick: "keine", key: "verletzt", negative: yes}},
		{"negated figure", "Die Polizei hat nicht 600 Menschen festgenommen.", &want{pick: "600", negative: yes}},
		{"nicht nur is no negation", "Es kamen nicht nur 3.000 Besucher, sondern auch viele Händler.", &want{pick: "3.000", negative: no}},
		{"denial without a figure", "Die Firma bestreitet, das Werk in Nauen schließen zu wollen.", &want{pick: "bestritten", stance: StanceDeny}},
		{"separable denial", "Der Verein weist Berichte über eine Entlassung des Trainers zurück.", &want{pick: "bestritten", stance: StanceDeny}},
		{"es gebe keine", "Es gebe keine Pläne, die Klinik zu schließen, sagte der Landrat.", &want{pick: "bestritten", stance: StanceDeny}},
		{"retraction of an event", "Das Konzert am Samstag wurde abgesagt.", &want{pick: "abgesagt", stance: StanceRetract}},
		{"auf Eis gelegt", "Die Bahn hat die Generalsanierung der Strecke auf Eis gelegt.", &want{pick: "Eis", stance: StanceRetract}},
		{"a figure in a retraction", "Der Rat hat die Kürzung des Zuschusses um 1,5 Millionen Euro zurückgenommen.", &want{pick: "1,5", stance: StanceRetract}},
		{"cancelled flights are a count", "Am Montag wurden rund 600 Flüge gestrichen.", &want{pick: "600", stance: StanceAssert}},
		{"a withdrawal is an event", "Die Armee hat 2.000 Soldaten aus der Stadt zurückgezogen.", &want{pick: "2.000", stance: StanceAssert}},
		{"a demand is no retraction", "Die Stadt müsse die Kürzungen zurücknehmen, sagte die Sprecherin.", nil},
		{"durations are not claims", "Die Verbindungen waren seit mehr als 30 Jahren unterbrochen.", nil},
		{"people affected by an evacuation", "Von der Evakuierung am Sonntag sind 13.000 Menschen betroffen.", &want{pick: "13.000", key: "evakuiert"}},
		{"people a notice affects", "Das Abkochgebot betrifft 4.000 Menschen in Bad Oeynhausen.", &want{pick: "4.000", key: affectedKey}},
		{"people a notice applies to", "Für rund 25.000 Einwohner gilt ein Abkochgebot.", &want{pick: "25.000", key: affectedKey}},
		{"a number word after the dateline", "Mittelberg – Sieben Tourengeher wurden von der Lawine verschüttet.", &want{pick: "7", key: nounKey("Tourengeher")}},
		{"half a measure", "Die Bombe wiegt eine halbe Tonne.", &want{pick: "0,5", unit: "t", key: nounKey("Bombe")}},
		{"a size by its adjective", "Bei Bauarbeiten wurde eine 250 Kilogramm schwere Fliegerbombe entdeckt.", &want{pick: "250", unit: "kg", key: nounKey("Fliegerbombe")}},
		{"a price per thing", "Das Angebot liegt bei 41,50 Euro pro Aktie.", &want{pick: "41,5", unit: "€", key: "je:" + nounKey("Aktie")}},
		{"degrees without a measuring noun", "Mit 41,2 Grad erreichte das Thermometer einen neuen Rekord.", &want{pick: "41,2", unit: "°", key: nounKey("Temperatur")}},
		{"a value given with bewerten", "Das Angebot bewertet die Firma mit rund 1,2 Milliarden Euro.", &want{pick: "1,2", unit: "€", key: "v:" + verbKey("bewertet")}},
		{"a count out of a given whole", "In zwölf der 40 untersuchten Wasserproben fanden sich Bakterien.", &want{pick: "12", key: nounKey("Wasserproben"), mods: "von 40"}},
		{"an amount estimated by beziffern", "Die Menge des ausgelaufenen Diesels beziffert das Amt auf etwa 3.000 Liter.", &want{pick: "3.000", unit: "l", key: nounKey("Diesels")}},
		{"a sum in a jackpot", "Um 31 Millionen Euro geht es am Samstag im Jackpot der Lottoziehung.", &want{pick: "31", unit: "€", key: nounKey("Jackpot")}},
		{"a passive infinitive under a modal happened", "In Garrel mussten 28.000 Puten getötet werden.", &want{pick: "28.000", key: "tot", mode: ModeReport}},
		{"a count of days", "Der Grenzwert wurde an 14 Tagen überschritten.", &want{pick: "14", key: nounKey("Tagen")}},
		{"a duration as the size of a noun", "Der Vertrag hat eine Laufzeit von 24 Monaten.", &want{pick: "24", key: nounKey("Laufzeit"), unit: "Monate"}},
		{"a duration of the verb", "Der Vertrag läuft 30 Monate.", &want{pick: "30", unit: "Monate"}},
		{"a span noun with a light verb", "Die Wartezeit beträgt derzeit drei Wochen.", &want{pick: "3", key: nounKey("Wartezeit"), unit: "Wochen"}},
		{"a duration after verb and subject", "In Thüringen warten Patienten derzeit fünf Wochen auf einen Termin.", &want{pick: "5", unit: "Wochen"}},
		{"an age is no duration claim", "Der Mann starb im Alter von 54 Jahren.", nil},
		{"the estimated object before the verb", "Den Sachschaden beziffert die Polizei auf 500.000 Euro.", &want{pick: "500.000", key: nounKey("Sachschaden"), unit: "€"}},
		{"the estimated object after a genitive", "Die Brandfläche des inzwischen gelöschten Feuers beziffert der Verband auf 400 Hektar.", &want{pick: "400", key: nounKey("Brandfläche")}},
		{"ages are not claims", "Die Opfer sind zwischen 19 und 27 Jahre alt.", nil},
		// An uninflected word before an attributive adjective says how the
		// adjective holds ("frei zugängliche", "besonders schwere"): the
		// figure still counts the noun, narrowed by the pair.
		{"an adverb before the adjective of a count", "Im Kreis gibt es 300 frei zugängliche Spielplätze.", &want{pick: "300", key: nounKey("Spielplätze"), mods: "frei zugänglich"}},
		{"a degree word before the adjective of a count", "Die Polizei zählte 40 besonders schwere Unfälle.", &want{pick: "40", key: nounKey("Unfälle"), mods: "besonders schwer"}},
		{"an adverb before the adjective of members", "Der Verein hat 1.200 regelmäßig aktive Mitglieder.", &want{pick: "1.200", key: nounKey("Mitglieder"), mods: "regelmäßig aktiv"}},
		{"an adverb before a participle", "Am Freitag wurden 30 neu gebaute Wohnungen übergeben.", &want{pick: "30", key: nounKey("Wohnungen")}},
		{"an adverb before the adjective of a noun before the figure", "Die Zahl der öffentlich geförderten Stellen stieg auf 800.", &want{pick: "800", key: nounKey("Stellen")}},
		// A bare duration measures its verb when the verb follows it: the
		// finite verb after a duration that opens the clause, or the
		// clause's last verb right after it. A preposition before it, a
		// word of time after it or "alt" make a time or an age.
		{"a fronted duration before its verb", "Bis zu zweieinhalb Stunden standen Fahrgäste am Bahnsteig in Fulda.", &want{pick: "2,5", unit: "Stunden", key: "v:" + verbKey("standen")}},
		{"a fronted duration in words", "Anderthalb Stunden dauerte die Sitzung des Stadtrats.", &want{pick: "1,5", unit: "Stunden", key: "v:" + verbKey("dauerte")}},
		{"a duration before the infinitive of a modal", "Die Pendler mussten laut Bahn höchstens 40 Minuten warten.", &want{pick: "40", unit: "Minuten", key: "v:" + verbKey("warten")}},
		{"a duration before the participle", "Die Tarifparteien haben am Wochenende 18 Stunden verhandelt.", &want{pick: "18", unit: "Stunden", key: "v:" + verbKey("verhandelt")}},
		{"a time offset is no duration claim", "Zwei Stunden später traf die Feuerwehr ein.", nil},
		{"a time ago is no duration claim", "Die Halle wurde vor 40 Jahren gebaut.", nil},
		{"a time after nach is no duration claim", "Nach zweieinhalb Stunden war das Feuer gelöscht.", nil},
		{"an age with alt is no duration claim", "Der Kapitän ist 58 Jahre alt.", nil},
		{"a time since is no duration claim", "Seit drei Wochen streiken die Busfahrer.", nil},
		{"an age range is no duration claim", "Die Stadt will Lehrkräfte im Alter zwischen 25 und 40 Jahren einstellen.", nil},
		// An age is no claim, but an average age is a figure of a group:
		// a noun of age as the measured noun, or "im Schnitt … Jahre alt".
		{"an average age by its noun", "Das Durchschnittsalter der Lehrkräfte in Sachsen liegt bei 49 Jahren.", &want{pick: "49", unit: "Jahre", key: nounKey("Durchschnittsalter")}},
		{"a retirement age by its noun", "Das Renteneintrittsalter steigt bis 2031 auf 67 Jahre.", &want{pick: "67", unit: "Jahre", key: nounKey("Renteneintrittsalter")}},
		{"an average age with im Schnitt", "Im Schnitt sind die Busse der Verkehrsbetriebe zwölf Jahre alt.", &want{pick: "12", unit: "Jahre", key: nounKey("Durchschnittsalter")}},
		{"an average age with durchschnittlich", "Die Mitglieder des Kreistags sind durchschnittlich 57 Jahre alt.", &want{pick: "57", unit: "Jahre", key: nounKey("Durchschnittsalter")}},
		{"one person's age is no claim", "Die 61 Jahre alte Ärztin führt die Praxis seit 1998.", nil},
		{"an age range without an average is no claim", "Die Verletzten sind zwischen 19 und 27 Jahre alt.", nil},
		{"an age after im Alter von is no claim", "Der Trainer starb im Alter von 71 Jahren.", nil},
		{"a score of two dozen", "Die Verkehrsbetriebe sprachen von zwei Dutzend Verletzten.", &want{pick: "24", key: "verletzt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Extract(article(tt.text))
			var c Claim
			found := false
			var figs []string
			for _, x := range cs {
				if !x.HasQuantity && x.Stance == StanceAssert {
					continue
				}
				figs = append(figs, x.Figure)
				if tt.want != nil && !found && strings.Contains(x.Figure, tt.want.pick) {
					c, found = x, true
				}
			}
			if tt.want == nil {
				if len(figs) > 0 {
					t.Fatalf("claims %q, want none", figs)
				}
				return
			}
			if !found {
				t.Fatalf("no claim with %q among %q", tt.want.pick, figs)
			}
			w := tt.want
			str := func(name, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			str("key", c.Key, w.key)
			str("unit", c.Unit, w.unit)
			str("owner", c.Owner, w.owner)
			str("when", c.When.String(), w.when)
			str("mode", string(c.Mode), string(w.mode))
			if w.stance != "" || w.pick == "600" || w.pick == "2.000" {
				str("stance", "["+string(c.Stance)+"]", "["+string(w.stance)+"]")
			}
			if w.mods != "" || w.pick == "500" && w.key == "stelle" {
				str("modifiers", "["+strings.Join(c.Modifiers, ",")+"]", "["+w.mods+"]")
			}
			flag := func(name string, got bool, want *bool) {
				if want != nil && got != *want {
					t.Errorf("%s = %v, want %v", name, got, *want)
				}
			}
			flag("negative", c.negative(), w.negative)
			flag("part", c.Part, w.part)
			flag("hedged", c.Hedged(), w.hedged)
			flag("changing", c.Changing, w.changing)
			flag("increment", c.Increment, w.increment)
			if w.change != 0 && c.Change != w.change {
				t.Errorf("change = %d, want %d", c.Change, w.change)
			}
			if w.places != nil && strings.Join(c.Places, ",") != strings.Join(w.places, ",") {
				t.Errorf("places = %q, want %q", c.Places, w.places)
			}
			if w.sources != nil && !sameSet(c.Sources, w.sources) {
				t.Errorf("sources = %q, want %q", c.Sources, w.sources)
			}
		})
	}
}

// TestStatements checks that sentences without figures are kept as
// statements, with polarity and mode, so a later stance can target them.
func TestStatements(t *testing.T) {
	tests := []struct {
		text    string
		mode    Mode
		negated bool
	}{
		{"In der Nacht zu Montag ist in Niederalteich ein Deich gebrochen.", ModeReport, false},
		{"Die Stadt will die Zentralbibliothek schließen.", ModePlan, false},
		{"Das Konzert findet statt.", ModeReport, false},
		{"Eine Evakuierung des Ortes ist nicht geplant.", ModePlan, true},
	}
	for _, tt := range tests {
		cs := Extract(article(tt.text))
		if len(cs) != 1 || cs[0].HasQuantity || cs[0].Stance != StanceAssert {
			t.Errorf("%q: %d claims, want one statement: %+v", tt.text, len(cs), cs)
			continue
		}
		if cs[0].Mode != tt.mode || cs[0].Negated != tt.negated {
			t.Errorf("%q: mode %s negated %v, want %s %v", tt.text, cs[0].Mode, cs[0].Negated, tt.mode, tt.negated)
		}
	}
}

// TestCarry checks what one sentence passes to the next in a paragraph:
// the owner and the time.
func TestCarry(t *testing.T) {
	cs := Extract(article("Am Wochenende tagte Verdi in Kassel. Dabei stimmten 300 Delegierte für den Streik."))
	var fig *Claim
	for i := range cs {
		if cs[i].HasQuantity {
			fig = &cs[i]
		}
	}
	if fig == nil || fig.Owner != "Verdi" || fig.When.String() != "2024-11-16/2024-11-17" {
		t.Fatalf("got %+v", fig)
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
	f.Add("„Siemens“ streicht – keine – 5.000 (etwa) Stellen,, nicht")
	f.Add("In der Nacht zu Montag bestreitet NRW, dass 3 von ihnen davon abgesagt")
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

// TestMeasuredHeadRules: what a figure measures where the words between
// it and its noun, or the order of the clause, hide the noun. An extended
// participle attribute stands between a figure and its noun ("300 im
// Container versteckte Päckchen", "12 am Montag entdeckte Fälle"): the
// noun after the participle is what is counted, whether the attribute
// stands before the figure or after it. A fronted accusative ("Den
// Schaden schätzen Experten auf …") is what the estimate measures, the
// subject after the verb who gives it, with or without an article. After
// a fronted year ("Seit 2020", "Im Jahr 2025") the word in -en is the
// verb ("warten Patienten"), as after a fronted month; a number word that
// opens the sentence ("Zwölf Menschen") is a figure, not a name.
func TestMeasuredHeadRules(t *testing.T) {
	tests := []struct {
		name, text, pick string
		key, unit, owner string // owner "-": none
		sources          []string
	}{
		// extended participle attributes after the figure
		{"a participle phrase after the figure", "Die Fahnder stellten 300 im Bananencontainer versteckte Päckchen Kokain sicher.", "300", nounKey("Päckchen"), "", "", nil},
		{"a participle phrase after the figure, in the passive", "Im Hafen wurden 300 in Bananenkisten versteckte Pakete entdeckt.", "300", nounKey("Pakete"), "", "", nil},
		{"a time phrase and a participle after the figure", "Zollbeamte meldeten 12 am Montag entdeckte Fälle.", "12", nounKey("Fälle"), "", "", nil},
		{"a present participle's phrase", "In Köln standen 400 seit Stunden wartende Fahrgäste am Bahnsteig.", "400", "", "", "", nil},
		// an extended attribute after "Zahl der": its preposition's noun is
		// no head
		{"an extended attribute after Zahl der", "Die Zahl der beim Landratsamt gemeldeten Pferde liegt bei 2.400.", "2.400", nounKey("Pferde"), "", "", nil},
		{"an extended attribute with a name after Zahl der", "Die Zahl der in der Stadt Gera zugelassenen Taxis stieg auf 640.", "640", nounKey("Taxis"), "", "", nil},
		{"a place after the genitive of Zahl der", "Die Zahl der Schüler in der Stadt Gera liegt bei 9.000.", "9.000", nounKey("Schüler"), "", "", nil},
		// measurements, calculations and evaluations as a source
		{"a source by its measurements", "Der Krater misst nach Messungen des Landesamts für Umwelt und Geologie rund 15 Meter im Durchmesser.", "15", nounKey("Krater"), "m", "", nil},
		{"a source by its calculations", "Die Ernte sank nach Berechnungen des Instituts für Agrarökonomie auf 3,1 Millionen Tonnen.", "3,1", nounKey("Ernte"), "t", "", nil},
		{"a source by its evaluation", "Der Verein zählte nach Auswertung des Verbands für Vogelschutz 420 Brutpaare.", "420", nounKey("Brutpaare"), "", "", nil},
		// before the figure: as before
		{"a participle phrase before the figure", "Zollbeamte fanden die im Bananencontainer versteckten 300 Kilo Kokain.", "300", nounKey("Kokain"), "kg", "", nil},
		{"a participle phrase opening the sentence", "Im Bananencontainer versteckte 300 Kilo Kokain fanden Zollbeamte am Montag.", "300", nounKey("Kokain"), "kg", "", nil},
		{"a time phrase and a participle before the figure", "Die am Montag entdeckten 12 Fälle betreffen Schulen.", "12", nounKey("Fälle"), "", "", nil},
		// the verb a bare duration measures, over an adverb and a place
		{"a duration, an adverb before it", "In Jena warten Patienten durchschnittlich 40 Tage auf einen Termin.", "40", "v:" + verbKey("warten"), "Tage", "", nil},
		{"a duration, a place and an adverb before it", "Patienten warten in Jena durchschnittlich 40 Tage auf einen Termin.", "40", "v:" + verbKey("warten"), "Tage", "", nil},
		{"a duration, a place before it", "Patienten warten in Jena derzeit 40 Tage auf einen Termin.", "40", "v:" + verbKey("warten"), "Tage", "", nil},
		// a figure fronted with its preposition: the subject after the verb
		{"a fronted change", "Um 460 Euro monatlich steigt der Eigenanteil im Seniorenzentrum zum Jahreswechsel.", "460", nounKey("Eigenanteil"), "€", "", nil},
		{"a fronted level of a count", "Auf 2,9 Millionen sank im vergangenen Jahr die Zahl der Entleihungen.", "2,9", nounKey("Entleihungen"), "", "", nil},
		// an indefinite genitive after the measured noun
		{"a span with an indefinite genitive", "Die durchschnittliche Bearbeitungsdauer eines Einbürgerungsantrags in Nürnberg beträgt derzeit neun Monate.", "9", nounKey("Bearbeitungsdauer"), "Monate", "", nil},
		{"a rate with an indefinite genitive", "Der Preis einer Fahrkarte liegt in Kiel bei 3 Euro.", "3", nounKey("Preis"), "€", "", nil},
		// what the counted noun holds is no name
		{"a material after the counted noun", "Die Fahnder stellten 300 Päckchen Kokain sicher.", "300", nounKey("Päckchen"), "", "Die Fahnder", nil},
		{"a drink after the counted noun", "Bei der Kontrolle fanden die Beamten 40 Kisten Bier.", "40", nounKey("Kisten"), "", "-", nil},
		// fronted accusatives of estimates
		{"a fronted accusative, a bare plural subject", "Den Schaden schätzen Experten auf 2 Millionen Euro.", "2", nounKey("Schaden"), "€", "-", []string{"Experten"}},
		{"a fronted compound accusative", "Den Gesamtschaden beziffern Gutachter auf rund 4 Millionen Euro.", "4", nounKey("Gesamtschaden"), "€", "-", []string{"Gutachter"}},
		{"a fronted accusative, the subject with its article", "Den Schaden schätzt die Polizei auf rund 50.000 Euro.", "50.000", nounKey("Schaden"), "€", "-", []string{"Polizei"}},
		{"the subject first", "Die Polizei schätzt den Schaden auf 50.000 Euro.", "50.000", nounKey("Schaden"), "€", "-", []string{"Polizei"}},
		// what is paid for: the noun after "für" of a verb of paying
		{"what is paid for, after the verb's subject", "Ab April zahlen Autofahrer für die einfache Fahrt mit der Fähre 18 Euro.", "18", nounKey("Fahrt"), "€", "", nil},
		{"what is paid for, the subject after the verb", "Für einen Ganztagsplatz zahlen Eltern künftig 289 Euro.", "289", nounKey("Ganztagsplatz"), "€", "", nil},
		{"what is paid for, the subject first", "Eltern zahlen für einen Ganztagsplatz 289 Euro im Monat.", "289", nounKey("Ganztagsplatz"), "€", "", nil},
		{"what is paid for, a payer with its article", "Die Stadt zahlt dem Träger für jeden Kitaplatz 300 Euro im Monat.", "300", nounKey("Kitaplatz"), "€", "", nil},
		{"the figure's own noun, paid for a player", "Der Verein zahlt für den Stürmer Ilir Rama eine Ablösesumme von 50 Millionen Euro.", "50", nounKey("Ablösesumme"), "€", "", nil},
		{"a price for a group is a frame, not what is paid for", "Für Kinder kostet der Eintritt 2 Euro.", "2", nounKey("Eintritt"), "€", "", nil},
		// the verb after a fronted year, a number word that opens the sentence
		{"the verb after a fronted year", "Seit 2020 zahlen Mieter in Kiel 11 Euro je Quadratmeter.", "11", "", "€", "", nil},
		{"the verb after a fronted year, a duration", "Bis 2030 warten Patienten in Jena durchschnittlich 40 Tage auf einen Termin.", "40", "", "Tage", "", nil},
		{"a number word opens the sentence", "Zwölf Patienten warten in der Notaufnahme auf einen Arzt.", "12", nounKey("Patienten"), "", "-", nil},
		{"a number word opens a passive", "Zwölf Menschen wurden bei dem Unfall verletzt.", "12", "verletzt", "", "-", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *Claim
			cs := Extract(article(tt.text))
			for i := range cs {
				if cs[i].HasQuantity && strings.Contains(cs[i].Figure, tt.pick) {
					c = &cs[i]
					break
				}
			}
			if c == nil {
				var figs []string
				for _, x := range cs {
					figs = append(figs, x.Figure)
				}
				t.Fatalf("no figure %q read; claims %q", tt.pick, figs)
			}
			if tt.key == "" && strings.Contains(tt.name, "participle") && c.Head != "Fahrgäste" {
				t.Errorf("head = %q, want %q", c.Head, "Fahrgäste")
			}
			if tt.key != "" && c.Key != tt.key {
				t.Errorf("key = %q (head %q), want %q", c.Key, c.Head, tt.key)
			}
			if tt.unit != "" && c.Unit != tt.unit {
				t.Errorf("unit = %q, want %q", c.Unit, tt.unit)
			}
			if tt.owner == "-" && c.Owner != "" || tt.owner != "-" && tt.owner != "" && c.Owner != tt.owner {
				t.Errorf("owner = %q, want %q", c.Owner, tt.owner)
			}
			if len(c.Modifiers) > 0 && (strings.Contains(tt.name, "verb after") || strings.Contains(tt.name, "participle phrase")) {
				t.Errorf("modifiers = %q, want none", c.Modifiers)
			}
			if tt.sources != nil && !sameSet(c.Sources, tt.sources) {
				t.Errorf("sources = %q, want %q", c.Sources, tt.sources)
			}
		})
	}
}
