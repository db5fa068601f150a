package claims

import (
	"strings"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// precisionCase is an earlier and a later report, each on its dateline,
// and the alert the later one should raise ("" for none).
type precisionCase struct {
	name           string
	d1, s1, d2, s2 string
	want           Kind
}

// titledCase is a precisionCase whose articles have titles: what a reader
// sees first, and often the only line that names the article's place.
type titledCase struct {
	name                   string
	t1, d1, s1, t2, d2, s2 string
	want                   Kind
}

// runPrecision checks each case's alerts: the wanted one and no other, or
// none at all.
func runPrecision(t *testing.T, tests []precisionCase) {
	t.Helper()
	titled := make([]titledCase, len(tests))
	for i, tt := range tests {
		// no titles: the fixture's would share a name
		titled[i] = titledCase{name: tt.name, d1: tt.d1, s1: tt.s1, d2: tt.d2, s2: tt.s2, want: tt.want}
	}
	runTitled(t, titled)
}

// runTitled is runPrecision for articles with the titles given.
func runTitled(t *testing.T, tests []titledCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// "\n\n" parts an article's paragraphs: a dateline and a title
			// paragraph, then the claim
			a, b := dated("a", tt.d1, strings.Split(tt.s1, "\n\n")...), dated("b", tt.d2, strings.Split(tt.s2, "\n\n")...)
			a.Title, b.Title = tt.t1, tt.t2
			var got []Alert
			for _, al := range Detect([]articles.Article{b}, []articles.Article{a}) {
				if al.Kind.Alerts() {
					got = append(got, al)
				}
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("want no alert, got %s: %s", got[0].Kind, got[0].Explanation.EN)
				}
				return
			}
			if len(got) != 1 || got[0].Kind != tt.want {
				var kinds []Kind
				for _, al := range got {
					kinds = append(kinds, al.Kind)
				}
				var figs []string
				for _, art := range []articles.Article{a, b} {
					for _, c := range Extract(art) {
						figs = append(figs, c.Figure)
					}
				}
				t.Fatalf("want one %s alert, got %v; claims %q", tt.want, kinds, figs)
			}
		})
	}
}

// TestNegatedShare: "20 Prozent der Bienenvölker haben den Winter nicht
// überlebt" counts those of whom the negated verb holds; it denies no
// figure. A "nicht" before the figure ("nicht 20 Prozent") still does.
func TestNegatedShare(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"a share that did not survive, and the same share lost", "2026-04-10",
			"In Hessen haben 20 Prozent der Bienenvölker den vergangenen Winter nicht überlebt, teilte der Imkerbund mit.",
			"2026-04-11", "In Hessen ist nach Angaben des Imkerbunds etwa jedes fünfte Bienenvolk im Winter eingegangen.", ""},
		{"a share that failed, and the same share failed", "2025-07-01",
			"In Bremen haben 12 Prozent der Schüler die Abschlussprüfung nicht bestanden, teilte die Behörde mit.",
			"2025-07-02", "Bei der Abschlussprüfung in Bremen sind laut Behörde 12 Prozent der Schüler durchgefallen.", ""},
		{"the later report gives the negated share", "2025-09-01",
			"In Sachsen sind in diesem Sommer 25 Prozent der jungen Störche gestorben, sagte der Naturschutzbund.",
			"2025-09-03", "In Sachsen haben in diesem Sommer 25 Prozent der jungen Störche nach Angaben des Naturschutzbunds nicht überlebt.", ""},
		{"the share that made it and the share that did not", "2025-11-03",
			"In Leipzig haben im Oktober 80 Prozent der Fahrgäste ihren Anschluss erreicht, teilten die Verkehrsbetriebe mit.",
			"2025-11-05", "In Leipzig haben im Oktober 20 Prozent der Fahrgäste ihren Anschluss nicht erreicht, teilten die Verkehrsbetriebe mit.", ""},
		{"keine after the share", "2025-05-02",
			"In Thüringen finden 30 Prozent der Handwerksbetriebe einen Nachfolger, sagte die Kammer.",
			"2025-05-04", "In Thüringen finden 30 Prozent der Handwerksbetriebe keinen Nachfolger, sagte die Kammer.", ""},
		// the same negated share, two figures: still a conflict
		{"two shares that did not survive", "2026-04-10",
			"In Hessen haben 20 Prozent der Bienenvölker den vergangenen Winter nicht überlebt, sagte der Imkerbund.",
			"2026-04-12", "In Hessen haben nach Angaben des Landesamts 35 Prozent der Bienenvölker den vergangenen Winter nicht überlebt.", KindConflict},
		{"nicht before the share denies it", "2026-04-10",
			"In Hessen sind im vergangenen Winter 20 Prozent der Bienenvölker eingegangen, sagte der Imkerbund.",
			"2026-04-12", "Im vergangenen Winter sind in Hessen nach Angaben des Landesamts nicht 20 Prozent der Bienenvölker eingegangen.", KindDenial},
		{"two shares that failed", "2025-07-01",
			"In Bremen haben 12 Prozent der Schüler die Abschlussprüfung nicht bestanden, teilte die Behörde mit.",
			"2025-07-02", "In Bremen haben nach Angaben der Elternvertretung 19 Prozent der Schüler die Abschlussprüfung nicht bestanden.", KindConflict},
	})
}

// TestRunningSpan: "bis Ende März", "seit Jahresbeginn", "seit Juni" give
// a count that runs up to a time. Against a count up to a later time it is
// an earlier state of the count, not a contradiction; up to the same time
// it is the same count.
func TestRunningSpan(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"up to April, then the whole year", "2025-05-05",
			"Bis Ende April hat das Freibad in Kassel 40.000 Badegäste gezählt.",
			"2026-01-10", "Im gesamten Jahr 2025 kamen 95.000 Badegäste ins Freibad in Kassel.", ""},
		{"up to March, then the first half", "2025-04-04",
			"Bis Ende März hat das Amt in Erfurt 3.100 Anträge auf Wohngeld bewilligt.",
			"2025-07-07", "Im ersten Halbjahr hat das Amt in Erfurt 5.900 Anträge auf Wohngeld bewilligt.", ""},
		{"up to July this year, then the year", "2025-08-04",
			"Bis Ende Juli sind in Sachsen in diesem Jahr 31 Menschen bei Unfällen mit Motorrädern gestorben, teilte die Polizei mit.",
			"2026-02-02", "Im Jahr 2025 starben in Sachsen 52 Menschen bei Unfällen mit Motorrädern, so die Polizei.", ""},
		{"since the start of the year, two datelines", "2025-03-03",
			"Seit Jahresbeginn hat die Feuerwehr in Rostock 410 Einsätze gezählt.",
			"2025-06-02", "Seit Jahresbeginn hat die Feuerwehr in Rostock 1.020 Einsätze gezählt.", ""},
		{"June, then since June", "2025-07-02",
			"Im Juni wurden im Tierheim Kiel 60 Katzen abgegeben.",
			"2025-08-25", "Seit Juni wurden im Tierheim Kiel 150 Katzen abgegeben.", ""},
		// up to the same time: one count
		{"since June, two sources two days apart", "2025-08-20",
			"Seit Anfang Juni sind im Tierheim Kiel 240 Katzen abgegeben worden, sagte der Verein.",
			"2025-08-22", "Nach Zahlen der Stadt wurden seit Juni 140 Katzen im Tierheim Kiel abgegeben.", KindConflict},
		{"up to March, two sources", "2025-04-04",
			"Bis Ende März hat das Amt in Erfurt 3.100 Anträge auf Wohngeld bewilligt, sagte die Stadt.",
			"2025-04-07", "Das Amt in Erfurt hat nach Angaben des Mietervereins bis Ende März 2.400 Anträge auf Wohngeld bewilligt.", KindConflict},
		{"up to June and the first half", "2025-07-08",
			"Bis Ende Juni sind in Niedersachsen in diesem Jahr 1.200 Wohnungseinbrüche angezeigt worden, sagte das Ministerium.",
			"2025-07-10", "Im ersten Halbjahr 2025 wurden in Niedersachsen nach Angaben der Gewerkschaft 1.650 Wohnungseinbrüche angezeigt.", KindConflict},
	})
}

// TestDenialTarget: a denial denies what its object names. Against a
// figure it must name what the figure counts or what happens to it; a
// place and a noun both merely mention ("auf das Tierheim") are no target.
func TestDenialTarget(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"an impression of something else than the count", "2025-08-20",
			"Seit Anfang Juli sind im Tierheim Kiel 180 Katzen abgegeben worden, sagte der Verein.",
			"2025-08-22", "Die Stadt Kiel widerspricht dem Eindruck einer Überlastung des Tierheims.", ""},
		{"reports of fights, not the visitors", "2025-09-01",
			"Am Wochenende kamen 40.000 Besucher zum Weinfest in Bernkastel, teilte der Veranstalter mit.",
			"2025-09-02", "Der Veranstalter in Bernkastel wies Berichte über Schlägereien auf dem Weinfest zurück.", ""},
		{"looting denied, not the evacuation", "2025-06-03",
			"Bei dem Hochwasser in Passau mussten 800 Menschen ihre Wohnungen verlassen.",
			"2025-06-04", "Die Stadt Passau bestreitet, dass es beim Hochwasser Plünderungen gegeben habe.", ""},
		{"the delay denied, not the passengers", "2025-10-06",
			"Auf der Fähre nach Norderney waren am Sonntag 900 Fahrgäste, teilte die Reederei mit.",
			"2025-10-07", "Die Reederei auf Norderney widerspricht Darstellungen, die Fähre sei am Sonntag verspätet gewesen.", ""},
		{"a power cut denied, not the price", "2025-04-01",
			"Die Stadtwerke in Kiel wollen den Strompreis im Mai um 3 Cent pro Kilowattstunde anheben.",
			"2025-04-02", "Die Stadtwerke in Kiel widersprechen Berichten über einen Stromausfall am Hafen.", ""},
		{"a rush denied, not the stop", "2025-08-20",
			"Das Tierheim in Kiel hat einen Aufnahmestopp für Hunde verhängt.",
			"2025-08-22", "Die Stadt Kiel widerspricht dem Eindruck eines Ansturms auf das Tierheim.", ""},
		{"the stop denied", "2025-08-20",
			"Das Tierheim in Kiel hat einen Aufnahmestopp für Hunde verhängt.",
			"2025-08-22", "Die Stadt Kiel bestreitet, dass das Tierheim einen Aufnahmestopp verhängt habe.", KindDenial},
		// a denial that names what was counted
		{"reports of a fare rise called false", "2025-04-01",
			"Die Verkehrsbetriebe in Jena wollen den Preis für das Einzelticket im Mai auf 3,20 Euro anheben.",
			"2025-04-02", "Die Verkehrsbetriebe in Jena haben Berichte über eine Erhöhung der Ticketpreise als falsch bezeichnet.", KindDenial},
		{"reports of shots denied", "2025-03-02",
			"Bei der Razzia in Bochum sind nach Angaben von Zeugen 20 Schüsse gefallen.",
			"2025-03-03", "Die Polizei in Bochum widersprach Berichten über Schüsse bei der Razzia.", KindDenial},
		{"reports of the intake denied", "2025-08-20",
			"Das Tierheim in Kiel hat seit Juli 180 Katzen aufgenommen, sagte der Verein.",
			"2025-08-22", "Die Stadt Kiel hat Berichte zurückgewiesen, wonach das Tierheim seit Juli 180 Katzen aufgenommen habe.", KindDenial},
	})
}

// TestWholeAndPart: a figure for all of a kind ("auf allen Linien",
// "bundesweit", "in deutschen Krankenhäusern") and one for one of them
// ("auf der Linie 5", "in Bayern", "im Freistaat") count different things.
func TestWholeAndPart(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"nationwide and one state", "2025-02-20",
			"Bundesweit sind im vergangenen Jahr 2.800 Verkehrstote gezählt worden, teilte das Bundesamt mit.",
			"2025-02-21", "In Bayern wurden im vergangenen Jahr 540 Verkehrstote gezählt.", ""},
		{"in German hospitals and in one state", "2025-05-06",
			"In deutschen Krankenhäusern wurden 2024 rund 16,8 Millionen Patienten behandelt.",
			"2025-05-07", "In Sachsen wurden 2024 in den Krankenhäusern 900.000 Patienten behandelt.", ""},
		{"the state named before, and nationwide", "2025-03-10",
			"Sachsen meldet weniger Einbrüche. Im Freistaat wurden 2024 nach Angaben der Polizei 4.100 Wohnungseinbrüche angezeigt.",
			"2025-03-11", "Deutschlandweit wurden 2024 rund 78.000 Wohnungseinbrüche angezeigt.", ""},
		{"all lines together and one line", "2026-01-20",
			"Die Stadtwerke haben 2025 auf allen Buslinien zusammen 12 Millionen Fahrgäste befördert.",
			"2026-01-21", "Auf der Linie 5 zwischen Hauptbahnhof und Messe wurden 2025 1,3 Millionen Fahrgäste befördert.", ""},
		{"one branch, then all branches", "2026-02-02",
			"Die Filiale in der Innenstadt erzielte 2025 einen Umsatz von 6 Millionen Euro.",
			"2026-02-03", "Die Kette hat 2025 in all ihren Filialen einen Umsatz von 80 Millionen Euro erzielt.", ""},
		// the same scope: still one count
		{"nationwide twice", "2025-02-20",
			"Bundesweit wurden 2024 rund 2.800 Verkehrstote gezählt, sagte das Bundesamt.",
			"2025-02-21", "Bundesweit wurden 2024 nach Angaben des Automobilclubs 3.600 Verkehrstote gezählt.", KindConflict},
		{"all lines twice", "2026-01-20",
			"Auf allen Buslinien zusammen haben die Stadtwerke 2025 12 Millionen Fahrgäste befördert, sagte der Vorstand.",
			"2026-01-21", "Die Stadtwerke haben 2025 auf allen Buslinien 9 Millionen Fahrgäste befördert, so der Fahrgastverband.", KindConflict},
		{"the state twice", "2025-02-20",
			"In Bayern wurden 2024 rund 540 Verkehrstote gezählt, sagte das Ministerium.",
			"2025-02-21", "Im Freistaat Bayern wurden 2024 nach Angaben des Automobilclubs 700 Verkehrstote gezählt.", KindConflict},
	})
}

// TestFrameOfAFigure: a price for one group ("für Kinder", "ermäßigt"), a
// number needed ("nötig sind"), a capacity ("ausgelegt für", "fasst") and
// what remains ("bleiben übrig") are not counts of the thing itself; each
// is compared only with a figure in the same frame.
func TestFrameOfAFigure(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"a price for children and the price", "2025-06-01",
			"Der Eintritt ins Freibad in Kassel kostet 4 Euro.",
			"2025-06-02", "Für Kinder kostet der Eintritt ins Freibad in Kassel 2 Euro.", ""},
		{"what pupils pay and a fare", "2025-06-01",
			"Eine Fahrt mit dem Bus kostet in Rostock 2,80 Euro.",
			"2025-06-02", "Für Schüler kostet eine Fahrt mit dem Bus in Rostock 1,40 Euro.", ""},
		{"a reduced price and the price", "2025-06-01",
			"Das Museum in Bonn verlangt 12 Euro Eintritt.",
			"2025-06-02", "Ermäßigt kostet der Eintritt ins Museum in Bonn 8 Euro.", ""},
		{"signatures needed and collected", "2025-07-01",
			"Für das Bürgerbegehren in Kiel sind 8.000 Unterschriften nötig.",
			"2025-07-03", "Die Initiative in Kiel hat 11.500 Unterschriften für das Bürgerbegehren gesammelt.", ""},
		{"collected, then needed", "2025-07-01",
			"Die Initiative in Kiel hat 11.500 Unterschriften gesammelt.",
			"2025-07-03", "Erforderlich sind in Kiel 8.000 Unterschriften.", ""},
		{"members needed and members", "2025-07-01",
			"Der Sportverein in Celle hat 240 Mitglieder.",
			"2025-07-03", "Damit der Sportverein in Celle weiter am Ligabetrieb teilnehmen kann, sind 300 Mitglieder notwendig.", ""},
		{"visitors and what the pool is built for", "2025-06-01",
			"Am Sonntag kamen 2.000 Badegäste ins Freibad in Kassel.",
			"2025-06-02", "Das Freibad in Kassel ist für 3.000 Badegäste ausgelegt.", ""},
		{"what the hall holds and who came", "2025-06-01",
			"Die Halle in Erfurt fasst 4.500 Zuschauer.",
			"2025-06-02", "Zum Spiel in der Halle in Erfurt kamen am Samstag 3.900 Zuschauer.", ""},
		{"children cared for and places", "2025-06-01",
			"In der Kita Regenbogen in Gotha werden derzeit 80 Kinder betreut.",
			"2025-06-02", "Die Kita Regenbogen in Gotha bietet Platz für 95 Kinder.", ""},
		{"branches closed and branches left", "2025-05-01",
			"Die Sparkasse schließt in Gera 12 Filialen.",
			"2025-05-03", "Nach der Schließung bleiben der Sparkasse in Gera 18 Filialen.", ""},
		{"letter boxes removed and left", "2025-05-01",
			"Die Post baut in Suhl 6 Briefkästen ab.",
			"2025-05-03", "In Suhl bleiben nach dem Abbau 14 Briefkästen übrig.", ""},
		// the same frame: compared as ever
		{"two prices for children", "2025-06-01",
			"Für Kinder kostet der Eintritt ins Freibad in Kassel 2 Euro, sagte die Stadt.",
			"2025-06-02", "Für Kinder kostet der Eintritt ins Freibad in Kassel nach Angaben des Fördervereins 3,50 Euro.", KindConflict},
		{"two prices", "2025-06-01",
			"Der Eintritt ins Freibad in Kassel kostet 4 Euro, sagte die Stadt.",
			"2025-06-02", "Der Eintritt ins Freibad in Kassel kostet nach Angaben des Fördervereins 5,50 Euro.", KindConflict},
		{"two numbers needed", "2025-07-01",
			"Für das Bürgerbegehren in Kiel sind 8.000 Unterschriften nötig, sagte die Stadt.",
			"2025-07-03", "Nach Angaben der Initiative sind für das Bürgerbegehren in Kiel 6.000 Unterschriften erforderlich.", KindConflict},
		{"two capacities", "2025-06-01",
			"Das Freibad in Kassel ist für 3.000 Badegäste ausgelegt, sagte die Stadt.",
			"2025-06-02", "Das Freibad in Kassel ist nach Angaben des Fördervereins für 5.000 Badegäste ausgelegt.", KindConflict},
		{"two remainders", "2025-05-01",
			"Nach der Schließung bleiben der Sparkasse in Gera 18 Filialen, sagte der Vorstand.",
			"2025-05-03", "Nach der Schließung bleiben der Sparkasse in Gera nach Angaben der Gewerkschaft nur 11 Filialen.", KindConflict},
	})
}

// TestRetractionTarget: what is called off is what the retraction names,
// not the occasion it names with a preposition.
func TestRetractionTarget(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the fireworks at the festival", "2025-05-01",
			"Das Stadtfest in Celle findet am Samstag statt, sagte die Stadt.",
			"2025-05-02", "Das Feuerwerk beim Stadtfest in Celle wurde abgesagt.", ""},
		{"the children's race at the town run", "2025-05-01",
			"Am Sonntag findet in Kassel der Stadtlauf statt.",
			"2025-05-02", "Der Kinderlauf beim Stadtlauf in Kassel fällt aus.", ""},
		{"a show at the fair", "2025-05-01",
			"Die Messe in Leipzig soll am Freitag öffnen.",
			"2025-05-02", "Die Modenschau auf der Messe in Leipzig wurde abgesagt.", ""},
		// the thing itself
		{"the festival", "2025-05-01",
			"Das Stadtfest in Celle findet am Samstag statt, sagte die Stadt.",
			"2025-05-02", "Das Stadtfest in Celle wurde wegen des Unwetters abgesagt.", KindRetraction},
		{"the town run", "2025-05-01",
			"Am Sonntag findet in Kassel der Stadtlauf statt.",
			"2025-05-02", "Der Stadtlauf in Kassel fällt aus.", KindRetraction},
		{"the fair", "2025-05-01",
			"Die Messe in Leipzig soll am Freitag öffnen.",
			"2025-05-02", "Die Messe in Leipzig wurde abgesagt.", KindRetraction},
		{"what verzichten auf governs is its object", "2025-05-01",
			"Die Reederei will ab Juni dreimal pro Woche von Emden nach Borkum fahren.",
			"2025-05-02", "Die Reederei verzichtet auf die angekündigte Fahrt von Emden nach Borkum.", KindRetraction},
	})
}

// TestPartsOfAPlace: the county and the town of one name, a district and
// its town are different places; the same level of one name is one.
func TestPartsOfAPlace(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the county and the town", "2025-07-01",
			"Im Landkreis Celle leben nach Schätzung der Behörde rund 40 Wölfe.",
			"2025-07-03", "In der Stadt Celle leben nach Schätzung des Naturschutzbunds 3 Wölfe.", ""},
		{"the town and the county", "2025-07-01",
			"In der Stadt Fulda gibt es 14 Apotheken.",
			"2025-07-03", "Im Kreis Fulda gibt es 41 Apotheken.", ""},
		{"a district and its town", "2025-03-01",
			"Im Ortsteil Süd in Gera wurden 400 Haushalte ans Glasfasernetz angeschlossen.",
			"2025-03-03", "In Gera sind 12.000 Haushalte ans Glasfasernetz angeschlossen.", ""},
		{"a quarter and its town", "2025-03-01",
			"In Leipzig wurden 2024 rund 9.000 Fahrräder gestohlen.",
			"2025-03-03", "Im Stadtteil Connewitz in Leipzig wurden 2024 rund 700 Fahrräder gestohlen.", ""},
		// one level, one place
		{"the county twice", "2025-07-01",
			"Im Landkreis Celle leben nach Schätzung der Behörde rund 40 Wölfe.",
			"2025-07-03", "Im Landkreis Celle leben nach Schätzung des Naturschutzbunds 75 Wölfe.", KindConflict},
		{"the district twice", "2025-03-01",
			"Im Stadtteil Connewitz in Leipzig wurden 2024 rund 700 Fahrräder gestohlen, sagte die Polizei.",
			"2025-03-03", "Im Stadtteil Connewitz in Leipzig wurden 2024 nach Angaben des Fahrradclubs 1.400 Fahrräder gestohlen.", KindConflict},
	})
}

// TestPartBeforeTheFigure: "Davon waren 9.200 gültig", "Von den 120
// Mitarbeitern verlieren 40 ihren Job" count a part of a whole named
// before the figure.
func TestPartBeforeTheFigure(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the valid part of the signatures", "2025-07-01",
			"Die Initiative in Kiel hat 11.500 Unterschriften für das Bürgerbegehren eingereicht.",
			"2025-07-03", "Die Initiative in Kiel hat Unterschriften für das Bürgerbegehren eingereicht. Davon waren nach Prüfung der Stadt 9.200 Unterschriften gültig.", ""},
		{"those of the staff who lose their jobs", "2025-05-01",
			"Die Firma Lenz in Jena beschäftigt 120 Mitarbeiter.",
			"2025-05-02", "Von den 120 Mitarbeitern der Firma Lenz in Jena verlieren 40 ihren Job.", ""},
		{"the children among the guests", "2025-05-01",
			"Zum Stadtfest in Celle kamen am Samstag 8.000 Besucher.",
			"2025-05-02", "Von den 8.000 Besuchern beim Stadtfest in Celle am Samstag waren 1.500 Kinder.", ""},
	})
}

// TestRemainderAndDimension: "nur noch 9 Apotheken übrig" is what is left;
// "240 Meter hoch" and "1.000 Meter entfernt" measure different sizes.
func TestRemainderAndDimension(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"left over and now", "2025-03-01",
			"In Halle gibt es 12 Apotheken.",
			"2025-03-03", "Bis Ende des Jahres sollen in Halle nur noch 9 Apotheken übrig sein.", ""},
		{"height and distance", "2025-03-01",
			"Die Windräder bei Prenzlau sind 240 Meter hoch.",
			"2025-03-03", "Die Windräder bei Prenzlau stehen 1.000 Meter von den Häusern entfernt.", ""},
		{"length and depth", "2025-03-01",
			"Der Tunnel bei Kassel ist 1.200 Meter lang.",
			"2025-03-03", "Der Tunnel bei Kassel liegt 40 Meter tief.", ""},
		{"two heights", "2025-03-01",
			"Die Windräder bei Prenzlau sind 240 Meter hoch, sagte der Betreiber.",
			"2025-03-03", "Die Windräder bei Prenzlau sind nach Angaben der Bürgerinitiative 280 Meter hoch.", KindConflict},
	})
}

// TestStateChange: a state said to hold since a day ("ist seit Montag
// gesperrt"), or one said to hold again ("ist wieder erreichbar"), is a
// state that changed, not a denial or a retraction of the earlier report.
func TestStateChange(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"reachable again", "2025-07-01",
			"Die Stadtverwaltung in Witten ist seit Montag wegen eines Cyberangriffs nicht erreichbar.",
			"2025-07-03", "Die Stadtverwaltung in Witten ist wieder erreichbar.", ""},
		{"open again, no since", "2025-07-01",
			"Das Bürgerbüro in Lahr ist wegen eines Wasserschadens nicht geöffnet.",
			"2025-07-04", "Das Bürgerbüro in Lahr ist wieder geöffnet.", ""},
		{"a closure in force lifted", "2025-07-01",
			"Die Brücke in Lahnstein ist seit Montag gesperrt.",
			"2025-07-10", "Die Sperrung der Brücke in Lahnstein wurde aufgehoben.", ""},
		{"closed since, then no longer", "2025-07-01",
			"Die Schule in Gotha ist seit Montag geschlossen.",
			"2025-07-08", "Die Schule in Gotha ist nicht mehr geschlossen.", ""},
		// no word says the state changed: a denial, a retraction
		{"reachable, denied the next day", "2025-07-01",
			"Die Stadtverwaltung in Witten ist wegen eines Cyberangriffs nicht erreichbar, sagte ein Sprecher.",
			"2025-07-02", "Die Stadtverwaltung in Witten ist erreichbar, sagte der Bürgermeister.", KindDenial},
		{"wieder with a retraction takes back", "2025-07-01",
			"Der Landkreis Celle hat eine Leinenpflicht für Hunde verhängt.",
			"2025-07-03", "Der Landkreis Celle hat die Leinenpflicht für Hunde wieder aufgehoben.", KindRetraction},
		{"a planned closure lifted", "2025-07-01",
			"Die Brücke in Lahnstein soll ab Montag gesperrt werden.",
			"2025-07-03", "Die geplante Sperrung der Brücke in Lahnstein wurde aufgehoben.", KindRetraction},
	})
}

// TestMomentOfACount: "zu Beginn", "in der Spitze", "zeitweise" count at
// a moment of an event, not over all of it.
func TestMomentOfACount(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"at the start and in all", "2025-05-03",
			"Am Samstag kamen 5.000 Menschen zur Demonstration in Kiel.",
			"2025-05-04", "Zu Beginn der Demonstration in Kiel am Samstag waren 2.000 Menschen auf dem Platz.", ""},
		{"at the peak and in all", "2025-05-03",
			"Am Samstag kamen insgesamt 120.000 Besucher zum Hafenfest in Kiel.",
			"2025-05-04", "In der Spitze waren am Samstag 40.000 Besucher gleichzeitig auf dem Hafenfest in Kiel.", ""},
		{"at times and all day", "2025-05-04",
			"Zeitweise waren am Sonntag 3.000 Haushalte in Witten ohne Strom.",
			"2025-05-05", "Am Sonntag waren in Witten 9.000 Haushalte ohne Strom.", ""},
		{"at the start, two counts", "2025-05-03",
			"Zu Beginn der Demonstration in Kiel am Samstag waren nach Angaben der Polizei 2.000 Menschen auf dem Platz.",
			"2025-05-04", "Zu Beginn der Demonstration in Kiel am Samstag waren nach Angaben der Veranstalter 6.000 Menschen auf dem Platz.", KindConflict},
	})
}

// TestNumberThatNames: "die Linie 5", "Gleis 3" name a thing by a number;
// they count nothing.
func TestNumberThatNames(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"two bus lines", "2025-05-03",
			"Auf der Linie 5 in Rostock fahren künftig 12 Busse.",
			"2025-05-04", "Auf der Linie 7 in Rostock fahren künftig 12 Busse.", ""},
		{"two platforms", "2025-05-03",
			"Der Zug nach Hamburg fährt in Hannover von Gleis 3 ab.",
			"2025-05-04", "Der Zug nach Hamburg fährt in Hannover von Gleis 8 ab.", ""},
	})
}

// TestChangeStartAndCoordination: in "stieg von 12 auf 40" the 12 is the
// state before the change; in "1.200 Bäume gepflanzt und 300 gefällt"
// each figure has its own verb.
func TestChangeStartAndCoordination(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the start of a rise", "2025-03-01",
			"Im Landkreis Celle leben 40 Wölfe.",
			"2025-03-03", "Seit 2015 stieg die Zahl der Wölfe im Landkreis Celle von 12 auf 40.", ""},
		{"the start of a fall", "2025-03-01",
			"In Suhl gibt es 9 Apotheken.",
			"2025-03-03", "In Suhl sank die Zahl der Apotheken in den vergangenen zehn Jahren von 14 auf 9.", ""},
		{"planted and felled, then felled", "2025-03-01",
			"Die Stadt Kiel hat 2024 rund 1.200 Bäume gepflanzt und 300 gefällt.",
			"2025-03-03", "Die Stadt Kiel hat 2024 rund 300 Bäume fällen lassen.", ""},
		{"planted and felled, the verb first", "2025-03-01",
			"Die Stadt Kiel pflanzte 2024 rund 1.200 Bäume und fällte 300.",
			"2025-03-03", "Die Stadt Kiel fällte 2024 rund 300 Bäume.", ""},
		{"felled twice", "2025-03-01",
			"Die Stadt Kiel hat 2024 rund 1.200 Bäume gepflanzt und 300 gefällt.",
			"2025-03-03", "Die Stadt Kiel hat 2024 nach Angaben des Naturschutzbunds rund 800 Bäume gefällt.", KindConflict},
	})
}

// TestNoDenial: "keine Angaben" gives no information, "keine weiteren"
// adds none, "will kein Lösegeld zahlen" is an intention against what was
// reported as done, and "die B 27" is a road: none denies the report.
func TestNoDenial(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"no information on the injured", "2025-03-01",
			"Bei dem Brand in Bremen wurden 14 Menschen verletzt.",
			"2025-03-02", "Zur Zahl der Verletzten bei dem Brand in Bremen machte die Polizei keine Angaben.", ""},
		{"no details on the victims", "2025-03-01",
			"Bei dem Unfall auf der Autobahn bei Kassel starben zwei Menschen.",
			"2025-03-02", "Zu den Toten des Unfalls bei Kassel gab die Polizei keine Auskunft.", ""},
		{"no further fish", "2025-03-01",
			"Im Teich in Moers sind 200 Fische verendet.",
			"2025-03-02", "Im Teich in Moers sind keine weiteren Fische verendet.", ""},
		{"no new cases", "2025-03-01",
			"Im Landkreis Cloppenburg wurde die Geflügelpest in 3 Betrieben nachgewiesen.",
			"2025-03-03", "Im Landkreis Cloppenburg wurden keine neuen Fälle der Geflügelpest nachgewiesen.", ""},
		{"will not pay, after paying was reported", "2025-03-01",
			"Die Stadtwerke in Witten haben nach dem Angriff Lösegeld an die Hacker gezahlt, berichtet die Zeitung.",
			"2025-03-02", "Die Stadtwerke in Witten wollen kein Lösegeld an die Hacker zahlen.", ""},
		{"a road's number", "2025-03-01",
			"Die Radarfalle an der B 27 in Tübingen hat 2024 rund 12.000 Autofahrer geblitzt.",
			"2025-03-02", "Die Radarfalle an der B 27 in Tübingen war 2024 drei Monate lang nicht in Betrieb.", ""},
		// denials as ever
		{"no injured at all", "2025-03-01",
			"Bei dem Brand in Bremen wurden 14 Menschen verletzt, berichtete ein Sender.",
			"2025-03-02", "Bei dem Brand in Bremen gab es nach Angaben der Feuerwehr keine Verletzten.", KindDenial},
		{"did not pay", "2025-03-01",
			"Die Stadtwerke in Witten haben nach dem Angriff Lösegeld an die Hacker gezahlt, berichtet die Zeitung.",
			"2025-03-02", "Die Stadtwerke in Witten haben kein Lösegeld an die Hacker gezahlt.", KindDenial},
	})
}

// TestEarlierState: "damals", "früher", "ursprünglich", "bei der
// Gründung", "vor der Sanierung" and a past tense with "bisher" or
// "zuletzt" give a figure of a time before the one the article reports.
func TestEarlierState(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"at the founding", "2025-03-01", "Der Sportverein in Celle hat 240 Mitglieder.",
			"2025-03-02", "Bei der Gründung hatte der Sportverein in Celle 40 Mitglieder.", ""},
		{"back then", "2025-03-01", "Der Sportverein in Celle hat 240 Mitglieder.",
			"2025-03-02", "Damals hatte der Sportverein in Celle nur 40 Mitglieder.", ""},
		{"before the renovation", "2025-03-01", "Im Freibad in Kassel kamen im Sommer 95.000 Badegäste.",
			"2025-03-02", "Vor der Sanierung kamen im Sommer 60.000 Badegäste ins Freibad in Kassel.", ""},
		{"before the pandemic", "2025-03-01", "Das Museum in Bonn zählt jährlich 120.000 Besucher.",
			"2025-03-02", "Vor der Pandemie zählte das Museum in Bonn jährlich 150.000 Besucher.", ""},
		{"in former times", "2025-03-01", "In Suhl gibt es 9 Apotheken.",
			"2025-03-02", "Früher gab es in Suhl 14 Apotheken.", ""},
		{"originally", "2025-03-01", "In Suhl gibt es 9 Apotheken.",
			"2025-03-02", "Ursprünglich gab es in Suhl 14 Apotheken.", ""},
		{"what it cost so far", "2025-03-01", "Das Einzelticket in Rostock kostet 2,80 Euro.",
			"2025-03-02", "Bisher kostete das Einzelticket in Rostock 2,50 Euro.", ""},
		{"what it cost last", "2025-03-01", "Das Einzelticket in Rostock kostet 2,80 Euro.",
			"2025-03-02", "Das Einzelticket in Rostock kostete zuletzt 2,50 Euro.", ""},
		{"what was planned first", "2025-03-01", "Der Windpark bei Prenzlau soll 12 Windräder umfassen.",
			"2025-03-02", "Ursprünglich waren für den Windpark bei Prenzlau 18 Windräder geplant.", ""},
		// the same time: a conflict as ever
		{"two counts now", "2025-03-01", "Der Sportverein in Celle hat 240 Mitglieder, sagte der Vorstand.",
			"2025-03-02", "Der Sportverein in Celle hat nach Angaben des Kreissportbunds 190 Mitglieder.", KindConflict},
		{"two counts back then", "2025-03-01", "Damals hatte der Sportverein in Celle 40 Mitglieder, sagte der Vorstand.",
			"2025-03-02", "Damals hatte der Sportverein in Celle nach Angaben des Kreissportbunds 70 Mitglieder.", KindConflict},
		{"so far, in a strong past, and before the closure", "2025-03-01", "Bisher fuhren täglich 30.000 Autos über die Brücke in Lahnstein, sagte die Stadt.",
			"2025-03-03", "Vor der Sperrung fuhren nach Angaben des Landesbetriebs täglich 22.000 Autos über die Brücke in Lahnstein.", KindConflict},
		{"earlier than planned is no earlier state", "2025-03-01", "Das Freibad in Kassel öffnet am Samstag mit 12 Bahnen.",
			"2025-03-02", "Das Freibad in Kassel öffnet früher als geplant am Samstag mit 10 Bahnen.", KindConflict},
	})
}

// TestAnotherEvent: "beim zweiten Heimspiel", "bei einem weiteren Unfall"
// name another instance; "gegen die Schließung" and "für den Klimaschutz"
// another cause.
func TestAnotherEvent(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the first and the second home game", "2025-03-01",
			"Beim ersten Heimspiel des VfL in Bochum kamen 12.000 Zuschauer.",
			"2025-03-02", "Beim zweiten Heimspiel des VfL in Bochum kamen 9.000 Zuschauer.", ""},
		{"a further accident", "2025-03-01",
			"Bei dem Unfall auf der A 7 bei Kassel wurden drei Menschen verletzt.",
			"2025-03-02", "Bei einem weiteren Unfall auf der A 7 bei Kassel wurden fünf Menschen verletzt.", ""},
		{"a second fire", "2025-03-01",
			"Bei dem Brand in der Lagerhalle in Bremen entstand ein Schaden von 2 Millionen Euro.",
			"2025-03-02", "Bei einem zweiten Brand in Bremen entstand ein Schaden von 300.000 Euro.", ""},
		{"against one thing and for another", "2025-03-01",
			"Am Samstag demonstrierten in Kiel 3.000 Menschen gegen die Schließung des Freibads.",
			"2025-03-02", "Am Samstag demonstrierten in Kiel 800 Menschen für den Klimaschutz.", ""},
		{"two petitions", "2025-03-01",
			"Bei der Petition gegen die Baumfällung in Halle kamen 3.000 Unterschriften zusammen.",
			"2025-03-02", "Bei der Petition für ein neues Freibad in Halle kamen 5.000 Unterschriften zusammen.", ""},
		// one instance, one cause, one place
		{"the second home game twice", "2025-03-01",
			"Beim zweiten Heimspiel des VfL in Bochum kamen nach Angaben des Vereins 12.000 Zuschauer.",
			"2025-03-02", "Beim zweiten Heimspiel des VfL in Bochum kamen nach Angaben der Polizei 7.000 Zuschauer.", KindConflict},
		{"against the closure twice", "2025-03-01",
			"Am Samstag demonstrierten in Kiel nach Angaben der Polizei 3.000 Menschen gegen die Schließung des Freibads.",
			"2025-03-02", "Am Samstag demonstrierten in Kiel nach Angaben der Veranstalter 6.000 Menschen gegen die Schließung des Freibads.", KindConflict},
		{"the pond twice", "2025-08-01",
			"In Moers sind im Juli im Stadtteich 200 Fische verendet, sagte die Stadt.",
			"2025-08-02", "In Moers sind im Juli im Stadtteich nach Angaben des Anglervereins 500 Fische verendet.", KindConflict},
	})
}

// TestSpeakerIsNoPlace: who says a figure ("sagte Sprecherin Anne Berg")
// does not place it. A sentence whose only names are its speaker's speaks
// of its article's place, which the dateline gives ("In der Stadt
// fehlten …" under "Bremen –"); without a dateline, or under another
// city's, it stays apart.
func TestSpeakerIsNoPlace(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"in der Stadt under the same dateline", "2026-05-04",
			"Bremen – In Bremen fehlen nach Angaben des Bauressorts derzeit 1.500 Sozialwohnungen.",
			"2026-05-05", "Bremen – Der Mieterverein wirft dem Senat vor, die Lage zu beschönigen.\n\nIn der Stadt fehlen derzeit 4.000 Sozialwohnungen, sagte Vereinschef Jonas Reiter.", KindConflict},
		{"a night's count, the place left to the dateline", "2026-01-01",
			"Essen – In der Silvesternacht hat die Polizei in Essen 21 Angriffe auf Rettungskräfte gezählt.",
			"2026-01-02", "Essen – Die Feuerwehr zieht eine eigene Bilanz.\n\n48 Übergriffe auf Rettungskräfte habe es in der Nacht gegeben, sagte Sprecher Olaf Krämer.", KindConflict},
		{"a weekend's count, the speaker named after it", "2026-03-09",
			"Kassel – Am Wochenende sind in Kassel laut Polizei 12 Einbrüche angezeigt worden.",
			"2026-03-10", "Kassel – Die Opposition wirft der Polizei vor, Zahlen zurückzuhalten.\n\nAm Wochenende habe es 40 Einbrüche gegeben, sagte der Abgeordnete Paul Wendt.", KindConflict},
		{"the speaker in the earlier report", "2026-06-01",
			"Erfurt – In der Stadt sind derzeit 230 Lehrerstellen unbesetzt, sagte Schulamtsleiterin Vera Koch.",
			"2026-06-03", "Erfurt – In Erfurt sind nach Angaben der Gewerkschaft derzeit 410 Lehrerstellen unbesetzt.", KindConflict},
		{"a compound against its head, placed by the dateline", "2026-09-01",
			"Augsburg – Zum Schuljahresbeginn fehlen in Augsburg nach Zahlen des Schulreferats 90 Hortplätze.",
			"2026-09-02", "Augsburg – Der Elternbeirat schlägt Alarm.\n\nIn der Stadt fehlten 240 Plätze, erklärte Beiratssprecher Malte Sommer.", KindConflict},
		// traps
		{"another city's dateline", "2026-05-04",
			"Köln – In Köln fehlen nach Angaben des Bauressorts derzeit 1.500 Sozialwohnungen.",
			"2026-05-05", "Düsseldorf – Der Mieterverein wirft der Stadt vor, die Lage zu beschönigen.\n\nIn der Stadt fehlen derzeit 4.000 Sozialwohnungen, sagte Vereinschef Jonas Reiter.", ""},
		{"two cities, each under its own dateline", "2026-08-10",
			"Mainz – In der Stadt fehlen derzeit 800 Kitaplätze, sagte Dezernent Eric Lahm.",
			"2026-08-11", "Wiesbaden – In der Stadt fehlen derzeit 1.900 Kitaplätze, sagte Elternsprecherin Ina Rau.", ""},
		{"a district against the town", "2026-08-10",
			"Leipzig – Im Stadtteil Grünau fehlen derzeit 300 Kitaplätze, teilte das Jugendamt mit.",
			"2026-08-11", "Leipzig – Die Eltern schlagen Alarm.\n\nIn der Stadt fehlen derzeit 2.600 Kitaplätze, sagte Elternsprecherin Anne Berg.", ""},
		{"the dateline's town against its county", "2026-08-10",
			"Potsdam – In Potsdam fehlen derzeit 700 Kitaplätze, teilte die Stadt mit.",
			"2026-08-11", "Potsdam – Die Kreiselternvertretung schlägt Alarm.\n\nIm Landkreis fehlen derzeit 2.000 Kitaplätze, sagte Elternsprecherin Anne Berg.", ""},
	})
}

// TestNegatedState: "31 Hausarztsitze sind nicht besetzt" counts those of
// whom the negated verb holds, as "31 Hausarztsitze sind unbesetzt" does;
// neither denies a figure, and neither is compared with a count of those
// of whom the verb holds ("400 Stellen sind besetzt").
func TestNegatedState(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"nicht besetzt against unbesetzt", "2026-03-03",
			"Im Landkreis Oderland sind derzeit 17 Hausarztsitze unbesetzt, teilte die Kassenärztliche Vereinigung mit.",
			"2026-03-05", "Im Landkreis Oderland sind derzeit 31 Hausarztsitze nicht besetzt, sagte die Landrätin.", KindConflict},
		{"nicht bewohnbar against unbewohnbar", "2026-07-14",
			"In Gera sind nach dem Hochwasser seit Montag 80 Wohnungen unbewohnbar, sagte ein Sprecher der Stadt.",
			"2026-07-15", "In Gera sind nach dem Hochwasser seit Montag 120 Wohnungen nicht bewohnbar, teilte die Feuerwehr mit.", KindConflict},
		{"two counts of the negated verb", "2026-06-20",
			"In Bremen haben in diesem Jahr 140 Prüflinge die Meisterprüfung nicht bestanden, sagte die Kammer.",
			"2026-06-22", "In Bremen haben in diesem Jahr laut Innung 210 Prüflinge die Meisterprüfung nicht bestanden.", KindConflict},
		{"an attributive un- against nicht", "2026-03-03",
			"Im Landkreis Oderland gibt es derzeit 17 unbesetzte Hausarztsitze, teilte die Kassenärztliche Vereinigung mit.",
			"2026-03-05", "Im Landkreis Oderland sind derzeit 31 Hausarztsitze nicht besetzt, sagte die Landrätin.", KindConflict},
		{"a known number denied", "2026-09-01",
			"Im Werk Kassel sind im Sommer 300 Stellen abgebaut worden, berichtete die Zeitung.",
			"2026-09-02", "Die 300 Stellen im Werk Kassel sind im Sommer nicht abgebaut worden, sagte ein Sprecher des Konzerns.", KindDenial},
		// traps
		{"the same count, nicht and un-", "2026-05-02",
			"In Halle sind derzeit 40 Lehrerstellen unbesetzt, sagte das Ministerium.",
			"2026-05-04", "In Halle sind derzeit 40 Lehrerstellen nicht besetzt, sagte die Gewerkschaft.", ""},
		{"filled against not filled", "2026-05-02",
			"In Halle sind derzeit 400 Lehrerstellen besetzt, sagte das Ministerium.",
			"2026-05-04", "In Halle sind derzeit 40 Lehrerstellen nicht besetzt, sagte die Gewerkschaft.", ""},
		{"filled against unfilled", "2026-05-02",
			"In Halle sind derzeit 400 Lehrerstellen besetzt, sagte das Ministerium.",
			"2026-05-04", "In Halle sind derzeit 40 Lehrerstellen unbesetzt, sagte die Gewerkschaft.", ""},
		{"passed against failed", "2026-06-20",
			"In Bremen haben in diesem Jahr 640 Prüflinge die Meisterprüfung bestanden, sagte die Kammer.",
			"2026-06-22", "In Bremen haben in diesem Jahr laut Innung 210 Prüflinge die Meisterprüfung nicht bestanden.", ""},
		{"unhurt against hurt", "2026-02-11",
			"Bei dem Busunfall in Celle wurden sechs Fahrgäste verletzt, sagte die Polizei.",
			"2026-02-11", "Bei dem Busunfall in Celle blieben 14 Fahrgäste unverletzt, sagte ein Sprecher der Feuerwehr.", ""},
	})
}

// TestSameMeasureOtherWords: two figures of one physical measure find each
// other though their sentences share no other word; what they measure
// still decides.
func TestSameMeasureOtherWords(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"earth and rubble said as material, nothing else shared",
			"2026-04-11", "Gondo – Beim Felssturz oberhalb der Passstraße sind nach Einschätzung der Kantonsgeologen rund 8.000 Kubikmeter Erde und Geröll abgegangen.",
			"2026-04-12", "Gondo – Die Passstraße bleibt bis auf Weiteres gesperrt.\n\nEtwa 30.000 Kubikmeter Material seien am Freitag ins Tal gestürzt, teilte die Gemeinde mit.", KindConflict},
		{"rain is not the oil that ran out",
			"2026-02-03", "Kehl – Aus einem beschädigten Tank einer Spedition sind am Montag rund 3.000 Liter Heizöl ausgelaufen.",
			"2026-02-04", "Kehl – Das Wetter erschwert die Arbeiten.\n\nSeit Montag fielen 40 Liter Regen je Quadratmeter, sagte ein Meteorologe.", ""},
		{"water pumped out is not the rock that fell",
			"2026-04-11", "Sexten – Am Felsen oberhalb der Passstraße sind am Freitag nach Einschätzung von Geologen rund 5.000 Tonnen Gestein abgebrochen.",
			"2026-04-12", "Sexten – Die Feuerwehr war die ganze Nacht im Einsatz.\n\nAus den Kellern wurden 300 Tonnen Wasser gepumpt, sagte der Kommandant.", ""},
	})
}

// TestRoleOwners: people named by what they do ("Zollfahnder", "Ermittler
// des Zolls") are one owner when both words name the same body, by a
// compound's first part or the other's genitive; people of two trades
// ("Schüler", "Förster") stay two, as two firms do.
func TestRoleOwners(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"a compound and a genitive of one body", "2026-06-16",
			"Bremerhaven – Zollfahnder haben im Hafen von Bremerhaven 1,2 Tonnen Kokain in einem Container sichergestellt.",
			"2026-06-16", "Bremerhaven – In einem Container im Hafen haben Ermittler des Zolls rund 600 Kilogramm Kokain entdeckt.", KindConflict},
		{"two compounds of one body", "2026-03-02",
			"Bei der Kontrolle auf der A3 bei Passau haben Grenzpolizisten am Sonntag 14 Migranten in einem Lieferwagen entdeckt.",
			"2026-03-03", "Bei der Kontrolle auf der A3 bei Passau haben Grenzbeamte am Sonntag 23 Migranten in einem Lieferwagen entdeckt.", KindConflict},
		{"a genitive and a compound, the other way round", "2026-05-13",
			"Bei der Razzia in Duisburg haben Beamte der Steuerfahndung am Dienstag 90 Ordner mit Belegen beschlagnahmt.",
			"2026-05-14", "Bei der Razzia in Duisburg haben Steuerfahnder am Dienstag 40 Ordner mit Belegen beschlagnahmt.", KindConflict},
		// traps
		{"people of two trades", "2026-04-20",
			"Im Stadtwald von Hameln haben Schüler am Samstag 300 Bäume gepflanzt.",
			"2026-04-20", "Im Stadtwald von Hameln haben Förster am Samstag 500 Bäume gepflanzt.", ""},
		{"two firms", "2026-02-10",
			"Bosch streicht im Werk Reutlingen 300 Stellen.",
			"2026-02-11", "Continental streicht im Werk Reutlingen 500 Stellen.", ""},
		{"two bodies' people", "2026-06-16",
			"Zollfahnder haben im Hafen von Bremerhaven 1,2 Tonnen Kokain sichergestellt.",
			"2026-06-16", "Im Hafen von Bremerhaven haben Ermittler der Polizei rund 600 Kilogramm Kokain entdeckt.", ""},
	})
}

// TestVerbAfterFrontedTime: after a fronted time ("Ab April", "Seit
// Januar", "Im Mai") the word in -en is the finite verb, not an adjective
// of the subject after it ("Ab April zahlen Autofahrer"): it narrows
// nothing. A true adjective there ("Ab Montag gelten neue Regeln", "Im
// Mai kommen 120 neue Lehrer") still does.
func TestVerbAfterFrontedTime(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ab April zahlen Autofahrer für die Überfahrt 18 Euro.", nil},
		{"Seit Januar warten Patienten in Jena durchschnittlich 40 Tage auf einen Termin.", nil},
		{"Im Mai kosten Tickets für das Freibad 5 Euro.", nil},
		{"Ab Montag unterrichten 120 junge Lehrer in Gera.", []string{"jung"}},
	}
	for _, tt := range tests {
		var got []string
		found := false
		for _, c := range Extract(dated("a", "2026-03-02", tt.text)) {
			if c.HasQuantity {
				got, found = c.Modifiers, true
				break
			}
		}
		if !found || strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: modifiers %q (figure read: %v), want %q", tt.text, got, found, tt.want)
		}
	}
	runPrecision(t, []precisionCase{
		{"patients waiting, the verb after a fronted month", "2026-03-02",
			"Im März warten Patienten in Jena durchschnittlich 40 Tage auf einen Facharzttermin, sagte der Patientenbeauftragte.",
			"2026-03-03", "Patienten in Jena warten derzeit durchschnittlich 25 Tage auf einen Facharzttermin, teilte die Kassenärztliche Vereinigung mit.", KindConflict},
	})
}

// TestMeasuredNounIsNoAnchor: what two figures measure ("Kokain",
// "Ladepunkte", "Stellen"), in their sentences or as a title's word, is
// no sign that they are of one event: that is what the thing gate has
// already found. Nor is a common noun both sentences use ("Zollbeamte",
// "im Stadtgebiet"): two towns have each their own. Where the names
// around two figures differ, in the titles or in the paragraph before
// (a dateline, a firm), the figures are of different events; one name
// shared, or one article that names nothing, still lets them meet.
func TestMeasuredNounIsNoAnchor(t *testing.T) {
	runTitled(t, []titledCase{
		{"the seized drug, two towns in the titles",
			"Drogenfund im Hafen von Hamburg", "2026-06-16", "Zollbeamte haben in einem Bananencontainer 300 Kilo Kokain entdeckt.",
			"Drogenfund in Bremerhaven", "2026-06-17", "Zollbeamte haben in einem Container 500 Kilo Kokain entdeckt.", ""},
		{"the measured noun opens both titles",
			"Kokain: Rekordfund in Hamburg", "2026-06-16", "Zollbeamte haben 300 Kilo Kokain entdeckt.",
			"Kokain: Fund in Bremerhaven", "2026-06-17", "Fahnder haben 500 Kilo Kokain entdeckt.", ""},
		{"two datelines in the paragraph before",
			"", "2026-03-09", "Rostock – Die Polizei hat am Wochenende Bilanz gezogen.\n\nInsgesamt wurden 45 Autofahrer mit zu viel Alkohol erwischt.",
			"", "2026-03-10", "Magdeburg – Die Polizei zieht eine Bilanz der Kontrollwoche.\n\nInsgesamt wurden 80 Autofahrer mit zu viel Alkohol erwischt.", ""},
		{"a place noun of two towns",
			"", "2026-03-09", "Kiel – Im Stadtgebiet gibt es 400 öffentliche Ladepunkte.",
			"", "2026-03-10", "Lübeck – Im Stadtgebiet gibt es 250 öffentliche Ladepunkte.", ""},
		{"two firms in the paragraph before",
			"", "2026-02-10", "Der Autozulieferer Brenner baut Stellen ab.\n\nBis Ende 2026 sollen 300 Arbeitsplätze wegfallen.",
			"", "2026-02-11", "Der Maschinenbauer Kessler streicht Stellen.\n\nBis Ende 2026 sollen 120 Arbeitsplätze wegfallen.", ""},
		{"a compound of the measured noun in both titles",
			"Stellenabbau bei Brenner", "2026-02-10", "Bis Ende 2026 sollen 300 Stellen wegfallen.",
			"Stellenabbau bei Kessler", "2026-02-11", "Bis Ende 2026 sollen 120 Stellen wegfallen.", ""},
		// one event
		{"one town in both titles",
			"Drogenfund in Bremerhaven", "2026-06-16", "Zollbeamte haben 300 Kilo Kokain entdeckt.",
			"Rekordfund in Bremerhaven", "2026-06-17", "Beamte des Zolls haben rund 500 Kilogramm Kokain entdeckt.", KindConflict},
		{"one dateline in the paragraph before",
			"", "2026-03-09", "Rostock – Die Polizei hat am Wochenende Bilanz gezogen.\n\nInsgesamt wurden 45 Autofahrer mit zu viel Alkohol erwischt.",
			"", "2026-03-10", "Rostock – Die Opposition zweifelt an der Bilanz der Polizei.\n\nInsgesamt wurden 80 Autofahrer mit zu viel Alkohol erwischt, sagte der Abgeordnete Paul Wendt.", KindConflict},
		{"a place noun of one town",
			"", "2026-03-09", "Kiel – Im Stadtgebiet gibt es 400 öffentliche Ladepunkte.",
			"", "2026-03-10", "Kiel – Die Stadtwerke bauen aus.\n\nIm Stadtgebiet gibt es 250 öffentliche Ladepunkte, sagte Sprecherin Ina Rau.", KindConflict},
		{"one firm in the paragraph before",
			"", "2026-02-10", "Der Autozulieferer Brenner baut Stellen ab.\n\nBis Ende 2026 sollen 300 Arbeitsplätze wegfallen.",
			"", "2026-02-11", "Der Betriebsrat von Brenner wehrt sich.\n\nBis Ende 2026 sollen 120 Arbeitsplätze wegfallen.", KindConflict},
		{"a county's article gives a figure of a town in it",
			"", "2026-04-07", "Wischhafen – Die Fähre hat über die Ostertage 9.800 Fahrzeuge übergesetzt.",
			"", "2026-04-08", "Stade – Der Landkreis Stade fordert eine bessere Verbindung.\n\nÜber die Ostertage seien mit der Fähre 14.000 Fahrzeuge übergesetzt worden, sagte der Landrat.", KindConflict},
		{"one spot, the names around apart",
			"Stickoxid bleibt Thema in Stuttgart", "2026-06-02", "An der Messstation am Neckartor wurde der Tagesgrenzwert für Stickstoffdioxid im Mai an 9 Tagen überschritten.",
			"Luft am Neckartor schlechter", "2026-06-03", "Die Zahl der Überschreitungstage am Neckartor stieg im Mai auf 15.", KindConflict},
		{"one article names the town, the other nothing",
			"", "2026-03-09", "In Rostock wurden am Wochenende 45 Autofahrer mit zu viel Alkohol erwischt.",
			"", "2026-03-10", "Bei den Kontrollen am Wochenende wurden 80 Autofahrer mit zu viel Alkohol erwischt.", KindConflict},
	})
}

// TestWhatIsPaidFor: "zahlen Autofahrer für die einfache Fahrt 18 Euro"
// prices the trip, as "Die einfache Überfahrt kostet 14,50 Euro" does;
// another thing paid for ("für die Rückfahrt", "für ein Zehnerticket")
// is another price.
func TestWhatIsPaidFor(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"the single trip, paid and costing", "2026-03-02",
			"Bingen – Die einfache Überfahrt mit der Fähre kostet ab April 14,50 Euro, teilte die Fährgesellschaft mit.",
			"2026-03-03", "Bingen – Pendler ärgern sich.\n\nAb April zahlen Autofahrer für die einfache Fahrt mit der Fähre 18 Euro.", KindConflict},
		{"a place in the day care", "2026-05-02",
			"Kassel – Ein Ganztagsplatz in der Kita kostet ab August 240 Euro im Monat, sagte die Stadt.",
			"2026-05-03", "Kassel – Der Elternbeirat ist empört.\n\nFür einen Ganztagsplatz in der Kita zahlen Eltern ab August 310 Euro im Monat.", KindConflict},
		// traps
		{"the single trip and the return trip", "2026-03-02",
			"Bingen – Die einfache Überfahrt mit der Fähre kostet ab April 14,50 Euro, teilte die Fährgesellschaft mit.",
			"2026-03-03", "Bingen – Pendler ärgern sich.\n\nAb April zahlen Autofahrer für die Hin- und Rückfahrt mit der Fähre 25 Euro.", ""},
		{"a place and a ticket", "2026-05-02",
			"Kassel – Ein Ganztagsplatz in der Kita kostet ab August 240 Euro im Monat, sagte die Stadt.",
			"2026-05-03", "Kassel – Der Elternbeirat ist empört.\n\nFür ein Mittagessen in der Kita zahlen Eltern ab August 4 Euro.", ""},
	})
}

// TestBarePluralIsNoName: a noun without an article that opens the
// sentence before a plural verb ("Fahnder haben", "Autofahrer zahlen") is
// a plural of common nouns, not a name: it parts the figure from no other
// owner. A firm before a singular verb ("Hofmeister hat") stays a name.
func TestBarePluralIsNoName(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"investigators opening the sentence, the town in the dateline", "2026-06-16",
			"In Bremerhaven haben Zollbeamte am Montag 300 Kilo Kokain entdeckt.",
			"2026-06-17", "Bremerhaven – Der Zoll meldet einen Rekordfund.\n\nFahnder haben am Montag im Hafen 500 Kilo Kokain entdeckt.", KindConflict},
		{"drivers paying, the town's fare", "2026-03-02",
			"In Kiel kostet die Fahrt mit der Fähre ab April 2 Euro, teilte die Stadt mit.",
			"2026-03-03", "Autofahrer zahlen ab April in Kiel 3 Euro für die Fahrt mit der Fähre.", KindConflict},
		// traps: two firms
		{"two firms, each before its verb", "2026-02-10",
			"Hofmeister hat am Montag 300 Stellen in Gütersloh gestrichen.",
			"2026-02-11", "Brenninger hat am Montag 120 Stellen in Gütersloh gestrichen.", ""},
	})
}

// TestInstitutionOfATown: "Die Sparkasse Celle" and "Die Volksbank Celle"
// are two owners that share the town in their names: the common noun
// before a place's name says whose figure it is. Where the name is no
// place ("Der Autobauer Brenner", "Der Konzern Brenner") the noun before
// it is a description and the owner is one.
func TestInstitutionOfATown(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"two banks of one town", "2026-02-10",
			"Celle – Die Sparkasse Celle schließt bis Jahresende 12 Filialen.",
			"2026-02-11", "Celle – Die Volksbank Celle schließt bis Jahresende 5 Filialen.", ""},
		{"two clinics of one town", "2026-02-10",
			"Das Klinikum Fulda hat im vergangenen Jahr 2.100 Geburten gezählt, teilte die Klinik in Fulda mit.",
			"2026-02-11", "Das Herz-Jesu-Krankenhaus Fulda hat im vergangenen Jahr 900 Geburten gezählt.", ""},
		// one owner
		{"one bank, two sources", "2026-02-10",
			"Celle – Die Sparkasse Celle schließt bis Jahresende 12 Filialen.",
			"2026-02-11", "Celle – Die Sparkasse Celle schließt nach Angaben des Betriebsrats bis Jahresende 17 Filialen.", KindConflict},
		{"one firm described twice", "2026-02-10",
			"Der Autobauer Brenner streicht im Werk Köln 300 Stellen.",
			"2026-02-11", "Der Konzern Brenner streicht im Werk Köln nach Angaben der Gewerkschaft 500 Stellen.", KindConflict},
	})
}

// TestDurationOverAdverbs: a bare duration measures the verb before it
// over the adverbs and the place between ("warten Patienten in Jena
// durchschnittlich 40 Tage"), so two waits in other words meet.
func TestDurationOverAdverbs(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"on average and now", "2026-03-02",
			"In Jena warten Patienten durchschnittlich 40 Tage auf einen Facharzttermin, sagte der Patientenbeauftragte.",
			"2026-03-03", "Patienten warten in Jena derzeit 25 Tage auf einen Facharzttermin, teilte die Kassenärztliche Vereinigung mit.", KindConflict},
		// trap: another verb
		{"waiting and being treated", "2026-03-02",
			"In Jena warten Patienten durchschnittlich 40 Tage auf einen Facharzttermin, sagte der Patientenbeauftragte.",
			"2026-03-03", "In Jena liegen Patienten derzeit durchschnittlich 6 Tage im Krankenhaus, teilte die Kassenärztliche Vereinigung mit.", ""},
	})
}

// TestPeopleAfterBei: "bei Bekannten", "bei Verwandten", "bei
// Angehörigen" are people, nominalised participles and adjectives, not
// places: a figure whose sentence names no place but them is of no other
// town. A town after "bei" ("bei Tübingen", "bei Göttingen") still is.
func TestPeopleAfterBei(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"staying with friends, the other names the town", "2026-03-14",
			"Am Samstag wurden 14 Wohnhäuser geräumt, die Bewohner kamen bei Bekannten unter.",
			"2026-03-15", "In Wolfach wurden am Samstag 23 Wohnhäuser geräumt, sagte der Kreisbrandmeister.", KindConflict},
		{"staying with relatives", "2026-03-14",
			"Am Samstag wurden 14 Wohnhäuser geräumt, die Bewohner kamen bei Angehörigen unter.",
			"2026-03-15", "In Wolfach wurden am Samstag 23 Wohnhäuser geräumt, sagte der Kreisbrandmeister.", KindConflict},
		// traps: a town after "bei"
		{"a town after bei", "2026-03-14",
			"Bei Tübingen wurden am Samstag 14 Wohnhäuser geräumt.",
			"2026-03-15", "In Wolfach wurden am Samstag 23 Wohnhäuser geräumt, sagte der Kreisbrandmeister.", ""},
		{"another town after bei", "2026-03-14",
			"Bei Göttingen wurden am Samstag 14 Wohnhäuser geräumt.",
			"2026-03-15", "In Wolfach wurden am Samstag 23 Wohnhäuser geräumt, sagte der Kreisbrandmeister.", ""},
	})
}

// TestLevelsOfPlaces: a district or a town that owns a figure ("Der
// Bezirk Pankow will seine 8.600 Kleingärten sichern", "hat die Stadt
// Stuttgart 6.240 Menschen eingebürgert") is a part of its city or state
// ("In Berlin gibt es 71.000 Kleingärten", "Landesweit wurden 38.000
// eingebürgert"), as one named after "im Bezirk" is; a dateline names
// where the reporter is, not the place a sentence names for itself ("München
// – In Bayern …" is Bavaria's figure). A season ("Spielzeit 2025/26") is
// no figure.
func TestLevelsOfPlaces(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"a district that owns its count, the city's", "2026-05-14",
			"Berlin – In Berlin gibt es nach Angaben des Landesverbands rund 71.000 Kleingärten.",
			"2026-05-20", "Berlin – Der Bezirk Pankow will seine 8.600 Kleingärten dauerhaft sichern.", ""},
		{"a town that owns its count, the state's", "2026-02-17",
			"Stuttgart – Im vergangenen Jahr hat die Stadt Stuttgart 6.240 Menschen eingebürgert.",
			"2026-06-03", "Stuttgart – Die Zahl der Einbürgerungen in Stuttgart lag 2025 bei 4.900.\n\nLandesweit wurden 2025 rund 38.000 Menschen eingebürgert.", KindConflict},
		{"the state's count under the town's dateline", "2026-03-20",
			"München – In Bayern sind im Jahr 2025 insgesamt 86 Radfahrer im Straßenverkehr gestorben, teilte das Innenministerium mit.",
			"2026-03-22", "München – In München kamen im vergangenen Jahr neun Radfahrer ums Leben.", ""},
		{"a season is no figure", "2026-06-30",
			"Detmold – Rund 95.000 Zuschauer besuchten in der Spielzeit 2025/26 die Vorstellungen des Landestheaters, teilte das Haus mit.",
			"2026-07-04", "Detmold – Mit 94.650 Besucherinnen und Besuchern hat das Landestheater die Spielzeit 2025/26 abgeschlossen.", ""},
		// one place
		{"a firm's damage, the firm placed by the other report", "2025-11-03",
			"Krefeld – Am Sonntag ist eine Halle der Firma Brandtner im Krefelder Hafen abgebrannt. Den Schaden schätzt die Feuerwehr auf rund drei Millionen Euro.",
			"2025-11-04", "Krefeld – Der Sachschaden nach dem Feuer bei Brandtner beläuft sich nach Schätzungen der Polizei auf etwa 9 Millionen Euro.", KindConflict},
		{"the town's count twice", "2026-02-17",
			"Stuttgart – Im vergangenen Jahr hat die Stadt Stuttgart 6.240 Menschen eingebürgert.",
			"2026-06-03", "Stuttgart – In Stuttgart wurden 2025 nach Angaben des Landesamts 4.900 Menschen eingebürgert.", KindConflict},
		{"the state's count twice under two datelines", "2026-03-20",
			"München – In Bayern sind im Jahr 2025 insgesamt 86 Radfahrer im Straßenverkehr gestorben, teilte das Innenministerium mit.",
			"2026-03-22", "Nürnberg – In Bayern kamen im vergangenen Jahr nach Zahlen des Fahrradclubs 97 Radfahrer ums Leben.", KindConflict},
	})
}

// TestAlleinMarksAPart: "An der Gesamtschule Nordend allein haben 95
// Kinder eine Absage bekommen" counts a part of what the city's 640
// count, wherever "allein" stands before the figure; after it ("leben
// 9.000 Senioren allein") it says how they live.
func TestAlleinMarksAPart(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"one school alone, the city's count", "2026-03-05",
			"Frankfurt – In Frankfurt sind in diesem Jahr 640 Kinder bei der Vergabe der Schulplätze leer ausgegangen.",
			"2026-03-06", "Frankfurt – An der Gesamtschule Nordend allein haben 95 Kinder eine Absage bekommen.", ""},
		{"one district alone", "2026-01-10",
			"Köln – In Köln sind im vergangenen Jahr 1.400 Wohnungen fertiggestellt worden, teilte die Stadt mit.",
			"2026-01-12", "Köln – In Ehrenfeld allein sind im vergangenen Jahr 300 Wohnungen fertiggestellt worden.", ""},
		// after the figure: how they live
		{"people living alone, two counts", "2026-01-10",
			"In Kassel leben nach Angaben der Stadt 9.000 Senioren allein.",
			"2026-01-12", "In Kassel leben nach Zahlen des Seniorenbeirats 14.000 Senioren allein.", KindConflict},
	})
}
