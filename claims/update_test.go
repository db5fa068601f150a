package claims

import (
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// TestUpdateNeedsEvidence pairs two reports of one event's figure and asks
// whether the later one is an update or contradicts the earlier one. A
// later dateline alone is no later event time: two figures a few days apart
// that neither mark as moved ("stieg auf", "inzwischen", "bislang", a
// correction, a later stated date) are for the same time.
func TestUpdateNeedsEvidence(t *testing.T) {
	tests := []struct {
		name           string
		d1, s1, d2, s2 string
		want           Kind
	}{
		// a strike: two counts of one walkout, datelines three days apart
		{"strike, two counts", "2025-03-10", "Nach Angaben der Gewerkschaft beteiligten sich in Hannover rund 3.000 Beschäftigte am Warnstreik.",
			"2025-03-13", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Stadt etwa 1.200 Beschäftigte.", KindConflict},
		{"strike, more joined", "2025-03-10", "Nach Angaben der Gewerkschaft beteiligten sich in Hannover rund 1.200 Beschäftigte am Warnstreik.",
			"2025-03-13", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Gewerkschaft mittlerweile 3.000 Beschäftigte.", KindUpdate},
		// an accident: a toll that rose, three days apart
		{"accident, two tolls", "2025-04-07", "Bei dem Busunglück in Tirol kamen neun Menschen ums Leben.",
			"2025-04-10", "Bei dem Busunglück in Tirol kamen 14 Menschen ums Leben.", KindConflict},
		{"accident, the toll rose", "2025-04-07", "Bei dem Busunglück in Tirol kamen neun Menschen ums Leben.",
			"2025-04-10", "Die Zahl der Toten des Busunglücks in Tirol stieg auf 14.", KindUpdate},
		{"accident, the toll rose, a day later", "2025-04-07", "Bei dem Busunglück in Tirol kamen neun Menschen ums Leben.",
			"2025-04-08", "Die Zahl der Toten des Busunglücks in Tirol stieg auf 14.", KindUpdate},
		{"accident, a rise to fewer", "2025-04-07", "Bei dem Busunglück in Tirol kamen 14 Menschen ums Leben.",
			"2025-04-08", "Die Zahl der Toten des Busunglücks in Tirol stieg auf neun.", KindConflict},
		{"flood, a fall to more", "2025-06-02", "In Passau sind wegen des Hochwassers 800 Menschen in Notunterkünften untergebracht worden.",
			"2025-06-03", "Die Zahl der Menschen in Notunterkünften in Passau sank auf 1.500.", KindConflict},
		// a flood: evacuated people, four days apart
		{"flood, two counts", "2025-06-02", "In Passau mussten wegen des Hochwassers 800 Menschen ihre Wohnungen verlassen.",
			"2025-06-06", "Wegen des Hochwassers mussten in Passau 2.500 Menschen ihre Wohnungen verlassen.", KindConflict},
		{"flood, a running count", "2025-06-02", "In Passau mussten wegen des Hochwassers 800 Menschen ihre Wohnungen verlassen.",
			"2025-06-06", "Wegen des Hochwassers mussten in Passau inzwischen 2.500 Menschen ihre Wohnungen verlassen.", KindUpdate},
		{"flood, so far", "2025-06-02", "In Passau mussten wegen des Hochwassers bislang 800 Menschen ihre Wohnungen verlassen.",
			"2025-06-06", "Wegen des Hochwassers mussten in Passau 2.500 Menschen ihre Wohnungen verlassen.", KindUpdate},
		{"flood, later stated days", "2025-06-03", "Am Montag standen in Passau 300 Keller unter Wasser.",
			"2025-06-06", "Am Donnerstag standen in Passau 900 Keller unter Wasser.", KindUpdate},
		// a company: a plan to cut jobs, five days apart
		{"company, two plans", "2025-09-01", "Der Maschinenbauer Kessler will in Augsburg 400 Stellen streichen.",
			"2025-09-06", "Der Maschinenbauer Kessler will in Augsburg 650 Stellen streichen.", KindConflict},
		{"company, a revised figure", "2025-09-01", "Der Maschinenbauer Kessler will in Augsburg 400 Stellen streichen.",
			"2025-09-06", "Der Maschinenbauer Kessler hat die Zahl der Stellen, die in Augsburg gestrichen werden, nach oben korrigiert: Nun sollen 650 Stellen wegfallen.", KindUpdate},
		// an election: turnout, three days apart
		{"election, two turnouts", "2025-09-22", "Bei der Bürgermeisterwahl in Kleve lag die Wahlbeteiligung bei 48 Prozent.",
			"2025-09-25", "Die Wahlbeteiligung bei der Bürgermeisterwahl in Kleve lag bei 41 Prozent.", KindConflict},
		// a count so far ("bislang", "bisher") runs on: a higher count a day or
		// two later is its next state, a lower one contradicts it
		{"search, found so far and more", "2025-03-04", "Bei der Suche nach Vermissten in Zeitz wurden bislang drei Menschen gefunden.",
			"2025-03-05", "Bei der Suche nach Vermissten in Zeitz wurden sieben Menschen gefunden.", KindUpdate},
		{"search, more found so far", "2025-03-04", "Bei der Suche nach Vermissten in Zeitz wurden drei Menschen gefunden.",
			"2025-03-05", "Bei der Suche nach Vermissten in Zeitz wurden bisher sieben Menschen gefunden.", KindUpdate},
		{"search, found so far and fewer", "2025-03-04", "Bei der Suche nach Vermissten in Zeitz wurden bislang sieben Menschen gefunden.",
			"2025-03-05", "Bei der Suche nach Vermissten in Zeitz wurden drei Menschen gefunden.", KindConflict},
		{"search, fewer found so far", "2025-03-04", "Bei der Suche nach Vermissten in Zeitz wurden sieben Menschen gefunden.",
			"2025-03-05", "Bei der Suche nach Vermissten in Zeitz wurden bislang drei Menschen gefunden.", KindConflict},
		// the later article says its figure is the state by now, a day or
		// two after the earlier one
		{"hospital, beds now", "2025-04-02", "Das Klinikum in Zeitz hat 650 Betten.",
			"2025-04-04", "Nach dem Ausbau hat das Klinikum in Zeitz nun 800 Betten.", KindUpdate},
		{"strike, joined by now, a day later", "2025-03-10", "Nach Angaben der Gewerkschaft beteiligten sich in Hannover rund 1.200 Beschäftigte am Warnstreik.",
			"2025-03-11", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Gewerkschaft mittlerweile 3.000 Beschäftigte.", KindUpdate},
		{"accident, a toll by new information a day later", "2025-04-07", "Bei dem Busunglück in Tirol kamen neun Menschen ums Leben.",
			"2025-04-08", "Nach neuen Angaben der Polizei kamen bei dem Busunglück in Tirol 14 Menschen ums Leben.", KindUpdate},
		{"accident, a toll by the latest findings a day later", "2025-04-07", "Bei dem Busunglück in Tirol kamen neun Menschen ums Leben.",
			"2025-04-08", "Nach jüngsten Erkenntnissen der Polizei kamen bei dem Busunglück in Tirol 14 Menschen ums Leben.", KindUpdate},
		{"accident, a toll by the same information a day later", "2025-04-07", "Bei dem Busunglück in Tirol kamen nach Angaben der Polizei neun Menschen ums Leben.",
			"2025-04-08", "Nach Angaben der Bergwacht kamen bei dem Busunglück in Tirol 14 Menschen ums Leben.", KindConflict},
		{"fire, an area of a fire meanwhile put out", "2025-07-29", "Bei dem Waldbrand bei Zeitz verbrannten nach Angaben des Landratsamts 150 Hektar Wald.",
			"2025-07-30", "Die Fläche des inzwischen gelöschten Waldbrands bei Zeitz beziffert die Feuerwehr auf 400 Hektar.", KindConflict},
		{"strike, a day later, the earlier said now", "2025-03-10", "Nach Angaben der Gewerkschaft beteiligten sich in Hannover jetzt rund 3.000 Beschäftigte am Warnstreik.",
			"2025-03-11", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Stadt etwa 1.200 Beschäftigte.", KindConflict},
		// the paragraph around the figure: a "weiter" about something else
		// marks nothing; a running count named in the sentence before does
		{"strike, other news goes on", "2025-03-10", "Nach Angaben der Gewerkschaft beteiligten sich in Hannover rund 3.000 Beschäftigte am Warnstreik.",
			"2025-03-13", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Stadt etwa 1.200 Beschäftigte. Die Verhandlungen gehen weiter.", KindConflict},
		{"flood, running count in the paragraph", "2025-06-02", "In Passau mussten wegen des Hochwassers 800 Menschen ihre Wohnungen verlassen.",
			"2025-06-06", "Die Lage in Passau hat sich inzwischen verschärft. Wegen des Hochwassers mussten in Passau 2.500 Menschen ihre Wohnungen verlassen.", KindUpdate},
		// a state in the present tense is the state on the dateline: a
		// river's level, a price
		{"flood, the level now", "2025-06-02", "Der Pegel der Donau in Passau liegt bei 6,20 Metern.",
			"2025-06-05", "Der Pegel der Donau in Passau liegt bei 8,10 Metern.", KindUpdate},
		{"company, the share price now", "2025-09-01", "Die Aktie des Maschinenbauers Kessler kostet 41 Euro.",
			"2025-09-05", "Die Aktie des Maschinenbauers Kessler kostet 35 Euro.", KindUpdate},
		// the day a figure was given out is not the day it counts
		{"strike, the day it was said", "2025-03-11", "Am Montag beteiligten sich in Hannover rund 3.000 Beschäftigte am Warnstreik.",
			"2025-03-14", "Am Warnstreik in Hannover beteiligten sich etwa 1.200 Beschäftigte, wie die Stadt am Donnerstag mitteilte.", KindConflict},
		{"accident, the day it was said", "2025-04-08", "Bei dem Busunglück in Tirol am Montag kamen neun Menschen ums Leben.",
			"2025-04-11", "Das Landratsamt teilte am Donnerstag mit, dass bei dem Busunglück in Tirol 14 Menschen ums Leben kamen.", KindConflict},
		// a weekday in the present tense is the coming one, whichever
		// day of the week before the article appeared
		{"strike ahead, two counts", "2025-03-11", "Am Freitag streiken in Hannover rund 3.000 Busfahrer.",
			"2025-03-12", "Zum Warnstreik am Freitag in Hannover werden 1.200 Busfahrer erwartet.", KindConflict},
		{"strike ahead, present and past", "2025-03-13", "Am Freitag streiken in Hannover rund 3.000 Busfahrer.",
			"2025-03-15", "Am Freitag legten in Hannover 1.200 Busfahrer die Arbeit nieder.", KindConflict},
		{"vote ahead, two counts", "2025-06-03", "Am Sonntag stimmen in Freiburg 180.000 Wahlberechtigte über den Bürgerentscheid ab.",
			"2025-06-05", "Am Sonntag dürfen in Freiburg 120.000 Wahlberechtigte beim Bürgerentscheid abstimmen.", KindConflict},
		{"strike ahead, the next week's", "2025-03-11", "Am Freitag streiken in Hannover rund 3.000 Busfahrer.",
			"2025-03-19", "Am Freitag streiken in Hannover erneut 1.200 Busfahrer.", KindUpdate},
		{"strike, the past one and the coming one", "2025-03-17", "Am Freitag streikten in Hannover rund 3.000 Busfahrer.",
			"2025-03-18", "Am Freitag streiken in Hannover 1.200 Busfahrer.", KindUpdate},
		// a tense that says neither ("sind … betroffen") leaves the day
		// open: the coming one, if the other report names it
		{"evacuation ahead, a state", "2026-02-06", "Für die Entschärfung einer Fliegerbombe am Sonntag müssen in Osnabrück rund 8.500 Anwohner ihre Wohnungen verlassen.",
			"2026-02-07", "Von der Evakuierung in Osnabrück am Sonntag sind 13.000 Anwohner betroffen.", KindConflict},
		{"accident, the perfect without ge-", "2025-03-10", "Bei dem Unfall am Sonntag sind auf der A7 bei Kassel drei Menschen verunglückt.",
			"2025-03-11", "Auf der A7 bei Kassel sind am Sonntag sechs Menschen verunglückt.", KindConflict},
		// the perfect of a verb with an inseparable prefix or in -ieren
		// reports what happened; it is no state of the dateline
		{"fire, the damage done", "2025-09-01", "Bei dem Brand in der Lagerhalle in Kassel ist ein Schaden von 2 Millionen Euro entstanden.",
			"2025-09-04", "Der Schaden bei dem Brand der Lagerhalle in Kassel wird auf 500.000 Euro geschätzt.", KindConflict},
		{"storm, trees damaged", "2025-10-20", "Bei dem Sturm sind in Bremen 300 Bäume beschädigt worden.",
			"2025-10-23", "Der Sturm hat in Bremen 80 Bäume beschädigt.", KindConflict},
		{"flood, houses destroyed", "2025-06-02", "In Halle sind bei dem Hochwasser 120 Häuser zerstört worden.",
			"2025-06-06", "Das Hochwasser zerstörte in Halle 45 Häuser.", KindConflict},
		{"protest, the perfect in -iert", "2025-11-08", "In Kassel haben nach Angaben der Polizei 3.000 Menschen gegen das Sparpaket protestiert.",
			"2025-11-11", "Gegen das Sparpaket protestierten in Kassel nach Angaben der Gewerkschaft 9.000 Menschen.", KindConflict},
		{"doctors, a state now", "2026-03-03", "In Jena sind derzeit 17 Hausarztsitze besetzt.",
			"2026-03-06", "In Jena sind 25 Hausarztsitze besetzt.", KindUpdate},
		{"flood, a state of the houses", "2025-06-02", "In Halle sind nach dem Hochwasser 120 Häuser unbewohnbar.",
			"2025-06-06", "In Halle sind nach dem Hochwasser 45 Häuser unbewohnbar.", KindUpdate},
		// a date still ahead in the present tense is this year's
		{"city festival, future and present", "2025-06-03", "Das Stadtfest in Halle am 21. Juni wird 40.000 Besucher anlocken.",
			"2025-06-05", "Zum Stadtfest am 21. Juni kommen nach Angaben der Stadt 80.000 Besucher nach Halle.", KindConflict},
		{"city festival, last year's and this year's", "2025-06-03", "Zum Stadtfest in Halle kamen am 21. Juni 40.000 Besucher.",
			"2025-06-05", "Zum Stadtfest am 21. Juni kommen nach Angaben der Stadt 80.000 Besucher nach Halle.", KindUpdate},
		// a later article names the same time in words of its own
		{"festival, the weekend before the last", "2025-08-12", "Zum Seefest in Plön kamen am Wochenende 20.000 Besucher.",
			"2025-08-19", "Das Seefest in Plön hatte am vorletzten Wochenende 35.000 Besucher.", KindConflict},
		{"accident, nearly two weeks ago", "2025-08-11", "Bei dem Busunglück bei Rosenheim starben am Sonntag drei Menschen.",
			"2025-08-22", "Bei dem Busunglück vor knapp zwei Wochen bei Rosenheim starben fünf Menschen.", KindConflict},
		{"new year's eve, a week later", "2026-01-01", "In der Silvesternacht rückte die Feuerwehr in Essen zu 310 Einsätzen aus.",
			"2026-01-09", "In der Silvesternacht rückte die Feuerwehr in Essen nach ihrer Bilanz zu 450 Einsätzen aus.", KindConflict},
		{"new year's eve, the next year's", "2026-01-01", "In der Silvesternacht rückte die Feuerwehr in Essen zu 310 Einsätzen aus.",
			"2027-01-01", "In der Silvesternacht rückte die Feuerwehr in Essen zu 450 Einsätzen aus.", KindUpdate},
		{"festival, this weekend and the one before", "2025-08-12", "Zum Seefest in Plön kamen am Wochenende 20.000 Besucher.",
			"2025-08-19", "Zum Seefest in Plön kamen am Wochenende 35.000 Besucher.", KindUpdate},
		// a season without its year is the latest one
		{"castle, this summer's visitors", "2025-09-10", "Im Sommer besuchten 40.000 Menschen das Schloss in Gotha.",
			"2025-09-25", "Das Schloss in Gotha hatte in diesem Sommer 65.000 Besucher.", KindConflict},
		{"trees, this summer's plan and a report ahead", "2025-04-10", "Die Stadt Gera will im Sommer 300 Bäume pflanzen.",
			"2025-04-12", "Im Sommer pflanzt die Stadt Gera 120 Bäume.", KindConflict},
		// a season without its year: this one or the one before the dateline
		{"pool, last season and the summer of that year", "2025-09-10", "In der vergangenen Saison kamen 80.000 Badegäste ins Freibad in Gera.",
			"2025-09-12", "Im Sommer 2024 kamen 60.000 Badegäste ins Freibad in Gera.", KindConflict},
		{"pool, this season twice", "2025-09-10", "In dieser Saison kamen 80.000 Badegäste ins Freibad in Gera.",
			"2025-09-12", "In der laufenden Saison zählte das Freibad in Gera 60.000 Badegäste.", KindConflict},
		{"pool, this season's count weeks apart", "2025-07-01", "In dieser Saison kamen bislang 40.000 Badegäste ins Freibad in Gera.",
			"2025-07-22", "In dieser Saison kamen bislang 65.000 Badegäste ins Freibad in Gera.", KindUpdate},
		{"wolves, this year's count months apart", "2025-03-10", "In diesem Jahr wurden in Sachsen 14 Wölfe überfahren.",
			"2025-06-12", "In diesem Jahr wurden in Sachsen 31 Wölfe überfahren.", KindUpdate},
		{"wolves, this year's count days apart", "2025-06-10", "In diesem Jahr wurden in Sachsen 14 Wölfe überfahren.",
			"2025-06-12", "In diesem Jahr wurden in Sachsen nach Angaben des Landesamts 31 Wölfe überfahren.", KindConflict},
		{"trees, this year's plans months apart", "2025-03-10", "In diesem Jahr sollen in Gera 300 Bäume gepflanzt werden.",
			"2025-06-12", "Die Stadt Gera will in diesem Jahr 500 Bäume pflanzen.", KindConflict},
		{"thefts, this month's count weeks apart", "2025-03-04", "In diesem Monat wurden in Gera 20 Fahrräder gestohlen.",
			"2025-03-28", "In diesem Monat wurden in Gera 75 Fahrräder gestohlen.", KindUpdate},
		{"tree, this year's price and this season's", "2026-11-20", "Eine Nordmanntanne kostet in diesem Jahr in Zeitz zwischen 23 und 27 Euro pro Meter.",
			"2026-11-23", "Der Meterpreis für Nordmanntannen in Zeitz liegt in dieser Saison bei 30 bis 34 Euro.", KindConflict},
		{"pool, last season and this one", "2025-09-10", "In der vergangenen Saison kamen 80.000 Badegäste ins Freibad in Gera.",
			"2025-09-12", "In dieser Saison kamen 60.000 Badegäste ins Freibad in Gera.", KindUpdate},
		{"pool, this season and the one before", "2025-09-10", "In dieser Saison kamen 80.000 Badegäste ins Freibad in Gera.",
			"2025-09-12", "In der Vorsaison kamen 60.000 Badegäste ins Freibad in Gera.", KindUpdate},
		{"castle, next summer's visitors", "2025-09-10", "Im Sommer besuchten 40.000 Menschen das Schloss in Gotha.",
			"2026-09-10", "Im Sommer besuchten 65.000 Menschen das Schloss in Gotha.", KindUpdate},
		// the day a figure is given out in its own clause is no event time
		// either; counting and estimating happen when the event does
		{"accident, reported on a later day", "2025-04-08", "Bei dem Busunglück in Tirol am Montag kamen neun Menschen ums Leben.",
			"2025-04-11", "Die Polizei meldete am Donnerstag 14 Tote bei dem Busunglück in Tirol.", KindConflict},
		{"accident, given out on a later day", "2025-04-08", "Bei dem Busunglück in Tirol am Montag kamen neun Menschen ums Leben.",
			"2025-04-11", "Am Donnerstag gab die Polizei die Zahl der Toten des Busunglücks in Tirol mit 14 an.", KindConflict},
		{"fire, the damage put at", "2025-09-01", "Bei dem Brand der Lagerhalle in Kassel entstand am Sonntag ein Schaden von 2 Millionen Euro.",
			"2025-09-04", "Die Polizei bezifferte am Mittwoch den Schaden des Brandes der Lagerhalle in Kassel auf 500.000 Euro.", KindConflict},
		{"infections, two daily reports", "2025-04-08", "Das Gesundheitsamt in Jena meldete am Montag 90 Infektionen.",
			"2025-04-11", "Das Gesundheitsamt in Jena meldete am Donnerstag 140 Infektionen.", KindUpdate},
		{"demonstrations, two counts on two days", "2025-04-08", "Die Polizei zählte am Montag in Jena 900 Demonstranten.",
			"2025-04-11", "In Jena zählte die Polizei am Donnerstag 1.400 Demonstranten.", KindUpdate},
		// an earlier article that states no time, against a later one
		// that dates the same event a few days before it
		{"strike, dated by the later report", "2025-03-14", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Gewerkschaft rund 3.000 Beschäftigte.",
			"2025-03-15", "Am Montag beteiligten sich in Hannover nach Angaben der Stadt 1.200 Beschäftigte am Warnstreik.", KindConflict},
		{"fire, damage dated by the later report", "2025-09-05", "Bei dem Brand der Lagerhalle in Kassel entstand ein Schaden von 2 Millionen Euro.",
			"2025-09-06", "Bei dem Brand der Lagerhalle in Kassel am Dienstag entstand ein Schaden von 500.000 Euro.", KindConflict},
		{"strike, an earlier one weeks before", "2025-03-14", "Am Warnstreik in Hannover beteiligten sich nach Angaben der Gewerkschaft rund 3.000 Beschäftigte.",
			"2025-03-15", "Vor drei Wochen beteiligten sich in Hannover 1.200 Beschäftigte an einem Warnstreik.", KindUpdate},
		{"flood, the level now and days before", "2025-06-06", "Der Pegel der Donau in Passau liegt bei 8,10 Metern.",
			"2025-06-07", "Am Montag lag der Pegel der Donau in Passau bei 6,20 Metern.", KindUpdate},
		{"strike, so far and days before", "2025-03-14", "Am Warnstreik in Hannover haben sich bislang rund 3.000 Beschäftigte beteiligt.",
			"2025-03-15", "Am Montag beteiligten sich in Hannover 1.200 Beschäftigte am Warnstreik.", KindUpdate},
		// a count of a period closed before the earlier article: a later
		// article days after it, with no time of its own, gives that
		// period's count, whatever its change verb compares it with
		{"library, last year's loans and a fall", "2026-02-03", "Die Stadtbücherei Zeitz hat im vergangenen Jahr 410.000 Ausleihen gezählt.",
			"2026-02-05", "Die Zahl der Ausleihen der Stadtbücherei Zeitz sank auf 290.000.", KindConflict},
		{"bicycles, last month's thefts and a rise", "2025-04-02", "Im März wurden in Zeitz 320 Fahrräder gestohlen.",
			"2025-04-04", "Die Zahl der gestohlenen Fahrräder in Zeitz stieg auf 410.", KindConflict},
		{"bicycles, a rise weeks later", "2025-04-02", "Im März wurden in Zeitz 320 Fahrräder gestohlen.",
			"2025-04-24", "Die Zahl der gestohlenen Fahrräder in Zeitz stieg auf 410.", KindUpdate},
		{"library, a provisional count of last year", "2026-02-03", "Die Stadtbücherei Zeitz hat im vergangenen Jahr nach vorläufigen Zahlen 410.000 Ausleihen gezählt.",
			"2026-02-05", "Die Zahl der Ausleihen der Stadtbücherei Zeitz sank auf 290.000.", KindUpdate},
		{"library, meanwhile fewer", "2026-02-03", "Die Stadtbücherei Zeitz hat im vergangenen Jahr 410.000 Ausleihen gezählt.",
			"2026-02-05", "Die Zahl der Ausleihen der Stadtbücherei Zeitz sank inzwischen auf 290.000.", KindUpdate},
		{"accident, a toll of a day that rose", "2025-04-08", "Bei dem Busunglück in Tirol am Sonntag kamen neun Menschen ums Leben.",
			"2025-04-10", "Die Zahl der Toten des Busunglücks in Tirol stieg auf 14.", KindUpdate},
		// far apart datelines: a figure a month later is another state
		{"flood, a month apart", "2025-06-02", "In Passau mussten wegen des Hochwassers 800 Menschen ihre Wohnungen verlassen.",
			"2025-07-04", "Wegen des Hochwassers mussten in Passau 2.500 Menschen ihre Wohnungen verlassen.", KindUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dated("a", tt.d1, tt.s1), dated("b", tt.d2, tt.s2)
			got := map[Kind]bool{}
			for _, al := range Detect([]articles.Article{b}, []articles.Article{a}) {
				got[al.Kind] = true
			}
			var figs []string
			for _, art := range []articles.Article{a, b} {
				for _, c := range Extract(art) {
					if c.HasQuantity {
						figs = append(figs, c.Figure+" ("+c.When.Note()+")")
					}
				}
			}
			if !got[tt.want] || tt.want == KindUpdate && got[KindConflict] {
				t.Errorf("kinds %v, want %s; figures %v", got, tt.want, figs)
			}
		})
	}
}

// TestOwnClassInAList checks that nouns naming what happened to people
// keep their class when listed together: each figure counts its own noun.
func TestOwnClassInAList(t *testing.T) {
	want := map[string]string{"2": "tot", "15": "verletzt"}
	n := 0
	for _, c := range Extract(article("Bei dem Brand einer Lagerhalle in Bremen gab es zwei Tote und 15 Verletzte.")) {
		if k, ok := want[fnum(c.Quantity.High)]; ok && c.HasQuantity {
			n++
			if c.Key != k {
				t.Errorf("%s: key %s, want %s", c.Figure, c.Key, k)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d of the two figures read", n)
	}
}

// TestOppositeChangeVerbs pairs two reports of how one thing changed: a
// verb of growing against one of shrinking (wachsen/schrumpfen,
// steigen/sinken, zunehmen/abnehmen, zulegen/zurückgehen), with or without a
// figure, for the same time, contradict; another time, another thing,
// another place, the same direction or a correction do not.
func TestOppositeChangeVerbs(t *testing.T) {
	tests := []struct {
		name           string
		d1, s1, d2, s2 string
		want           Kind // KindConflict, or "" for no alert (an update at most)
	}{
		{"economy, grew and shrank", "2025-07-30", "Die deutsche Wirtschaft ist im zweiten Quartal gewachsen.",
			"2025-07-31", "Die deutsche Wirtschaft ist im zweiten Quartal geschrumpft.", KindConflict},
		{"jobless, rose and fell", "2025-06-02", "Die Zahl der Arbeitslosen in Bremen stieg im Mai.",
			"2025-06-03", "Im Mai sank die Zahl der Arbeitslosen in Bremen.", KindConflict},
		{"burglaries, more and fewer", "2025-02-02", "Die Zahl der Einbrüche in Essen hat im vergangenen Jahr zugenommen.",
			"2025-02-03", "Die Zahl der Einbrüche in Essen hat im vergangenen Jahr abgenommen.", KindConflict},
		{"rents, rose and fell", "2025-02-02", "Die Mieten in Leipzig sind 2024 gestiegen.",
			"2025-02-03", "In Leipzig sind die Mieten 2024 gesunken.", KindConflict},
		{"exports, gained and went back", "2025-02-02", "Die Exporte aus Bayern legten im Januar zu.",
			"2025-02-04", "Im Januar gingen die Exporte aus Bayern zurück.", KindConflict},
		{"economy, a figure and a verb", "2025-04-30", "Die Wirtschaft in Sachsen wuchs im ersten Quartal um 0,4 Prozent.",
			"2025-05-02", "Die Wirtschaft in Sachsen schrumpfte im ersten Quartal.", KindConflict},
		{"jobless, another month", "2025-06-02", "Die Zahl der Arbeitslosen in Bremen stieg im Mai.",
			"2025-07-02", "Im Juni sank die Zahl der Arbeitslosen in Bremen.", ""},
		{"prices and wages", "2025-06-02", "Die Preise in Bremen stiegen im Mai.",
			"2025-06-03", "Die Löhne in Bremen sanken im Mai.", ""},
		{"jobless and vacancies", "2025-06-02", "Die Zahl der Arbeitslosen in Bremen stieg im Mai.",
			"2025-06-03", "Die Zahl der offenen Stellen in Bremen sank im Mai.", ""},
		{"jobless, another city", "2025-06-02", "Die Zahl der Arbeitslosen in Bremen stieg im Mai.",
			"2025-06-03", "Die Zahl der Arbeitslosen in Hamburg sank im Mai.", ""},
		{"rents, the same direction", "2025-02-02", "Die Mieten in Leipzig sind 2024 gestiegen.",
			"2025-02-03", "In Leipzig haben die Mieten 2024 zugelegt.", ""},
		{"economy, corrected", "2025-07-30", "Die deutsche Wirtschaft ist im zweiten Quartal gewachsen.",
			"2025-08-25", "Das Bundesamt hat seine Angaben korrigiert: Die deutsche Wirtschaft ist im zweiten Quartal geschrumpft.", ""},
		{"rents, not risen", "2025-02-02", "Die Mieten in Leipzig sind 2024 nicht gestiegen.",
			"2025-02-03", "In Leipzig sind die Mieten 2024 gesunken.", ""},
		{"jobless, a forecast", "2025-06-02", "Die Zahl der Arbeitslosen in Bremen dürfte im Juni steigen.",
			"2025-06-03", "Im Juni sank die Zahl der Arbeitslosen in Bremen.", ""},
		{"income up, spending down", "2025-02-02", "Die Einnahmen der Stadt Kiel stiegen 2024, die Ausgaben sanken.",
			"2025-02-03", "Die Einnahmen der Stadt Kiel sanken 2024.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dated("a", tt.d1, tt.s1), dated("b", tt.d2, tt.s2)
			var got []Kind
			for _, al := range Detect([]articles.Article{b}, []articles.Article{a}) {
				if al.Kind.Alerts() {
					got = append(got, al.Kind)
				}
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("alerts %v, want %q", got, tt.want)
			}
		})
	}
}

// TestPlanDenied: a plan denied without a time of its own ("sei nicht
// geplant") denies what is scheduled, whenever it is to happen.
func TestPlanDenied(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"branch closure not planned", "2025-03-10", "Die Sparkasse Celle schließt im Sommer ihre Filiale in Bergen.",
			"2025-03-11", "Eine Schließung der Filiale in Bergen sei nicht geplant, sagte ein Sprecher der Sparkasse Celle.", KindDenial},
		{"pool closure not intended", "2025-03-10", "Der Landkreis Celle schließt im Herbst das Hallenbad in Bergen.",
			"2025-03-12", "Eine Schließung des Hallenbads in Bergen sei nicht vorgesehen, sagte der Landkreis Celle.", KindDenial},
		{"a closure that happened, then not planned", "2025-03-10", "Die Sparkasse Celle hat im Januar ihre Filiale in Bergen geschlossen.",
			"2025-03-11", "Eine Schließung der Filiale in Bergen sei nicht geplant, sagte ein Sprecher der Sparkasse Celle.", ""},
	})
}

// TestScheduledDates: a report in the present tense of what happens on a
// day still ahead ("Das Freibad öffnet am 15. Juni") is a plan as much as
// "soll am 15. Juni öffnen": two such reports of one thing on days that
// exclude each other contradict, unless the date was moved or is the next
// year's.
func TestScheduledDates(t *testing.T) {
	tests := []struct {
		name           string
		d1, s1, d2, s2 string
		want           Kind // KindConflict, or "" for no alert
	}{
		{"pool, two openings", "2025-06-03", "Das Freibad in Halle öffnet am 15. Juni.",
			"2025-06-05", "Das Freibad in Halle öffnet am 22. Juni.", KindConflict},
		{"bridge, two starts", "2025-07-01", "Die Sanierung der Brücke in Zwickau beginnt am 4. August.",
			"2025-07-03", "Am 11. August beginnt die Sanierung der Brücke in Zwickau.", KindConflict},
		{"pool, a plan and a report", "2025-06-03", "Das Freibad in Halle soll am 15. Juni öffnen.",
			"2025-06-05", "Das Freibad in Halle öffnet am 22. Juni.", KindConflict},
		{"pool, moved", "2025-06-03", "Das Freibad in Halle öffnet am 15. Juni.",
			"2025-06-05", "Die Eröffnung wurde verschoben: Das Freibad in Halle öffnet nun am 22. Juni.", ""},
		{"pool and indoor pool", "2025-06-03", "Das Freibad in Halle öffnet am 15. Juni.",
			"2025-06-05", "Das Hallenbad in Halle öffnet am 22. Juni.", ""},
		{"pool, next year's", "2025-06-03", "Das Freibad in Halle öffnet am 15. Juni.",
			"2026-05-20", "Das Freibad in Halle öffnet am 22. Juni.", ""},
		{"pool, the same day", "2025-06-03", "Das Freibad in Halle öffnet am 15. Juni.",
			"2025-06-05", "Am 15. Juni öffnet das Freibad in Halle.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dated("a", tt.d1, tt.s1), dated("b", tt.d2, tt.s2)
			var got []Kind
			for _, al := range Detect([]articles.Article{b}, []articles.Article{a}) {
				if al.Kind.Alerts() {
					got = append(got, al.Kind)
				}
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("alerts %v, want %q", got, tt.want)
			}
		})
	}
}

// TestDecidedFigures: a figure decided ("beschloss einen Haushalt mit 420
// Millionen Euro") is what the decided thing is; a report of it at the
// same time contradicts another figure, while a plan before the decision
// and the deed long after it are other states.
func TestDecidedFigures(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"budget, decided and described", "2025-09-05", "Der Stadtrat von Jena beschloss am Donnerstag einen Haushalt mit 420 Millionen Euro.",
			"2025-09-06", "Der am Donnerstag beschlossene Haushalt der Stadt Jena umfasst 380 Millionen Euro.", KindConflict},
		{"grant, decided and given", "2025-11-05", "Die Gemeinde Plön hat am Montag einen Zuschuss von 50.000 Euro für das Freibad beschlossen.",
			"2025-11-06", "Die Gemeinde Plön gab dem Freibad am Montag einen Zuschuss von 30.000 Euro.", KindConflict},
		{"budget, a plan then the decision", "2025-09-05", "Der Stadtrat von Jena will einen Haushalt mit 420 Millionen Euro beschließen.",
			"2025-09-26", "Der Stadtrat von Jena beschloss am Donnerstag einen Haushalt mit 380 Millionen Euro.", ""},
		{"budget, to be decided", "2025-09-05", "In Jena soll am Donnerstag ein Haushalt mit 420 Millionen Euro beschlossen werden.",
			"2025-09-06", "Der Haushalt der Stadt Jena umfasst 380 Millionen Euro.", ""},
		{"jobs, the decision and the deed months later", "2025-01-20", "Der Stadtrat von Jena beschloss im Januar, 400 Stellen zu streichen.",
			"2025-10-01", "Die Stadt Jena hat in diesem Jahr 250 Stellen gestrichen.", ""},
	})
}

// TestStandingStatesAndPlans pairs two reports of a state that holds for
// a while (what an owner has, holds, employs or what a place can take in:
// "verfügt über", "umfasst", "besitzt", "beschäftigt", "fasst") and of a
// state set for a time ahead ("künftig", "ab August"). Restated with
// another figure within days and without a word that it moved, a standing
// state contradicts; so do two states set for the same time ahead. A state
// that moved on ("inzwischen", "mittlerweile", a change verb, a later
// stated time, weeks later) is an update, and so is a state ahead against
// the one that holds now, or a count against what was expected. A time
// another clause gives ("die bis Ende April umgezogen werden sollen", "beschloss am Mittwoch") is not the time of the state.
func TestStandingStatesAndPlans(t *testing.T) {
	tests := []struct {
		name           string
		d1, s1, d2, s2 string
		want           Kind
	}{
		// standing states restated
		{"archive, holdings restated", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-05-16", "Das Stadtarchiv in Kiel verfügt über 120.000 Akten.", KindConflict},
		{"archive, holdings at present restated", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-05-16", "Das Stadtarchiv in Kiel verfügt derzeit über 120.000 Akten.", KindConflict},
		{"clinic, staff at the moment restated", "2025-10-06", "Die Klinik in Suhl beschäftigt aktuell 900 Mitarbeiter.",
			"2025-10-10", "Die Klinik in Suhl beschäftigt rund 1.400 Mitarbeiter.", KindConflict},
		{"museum, holdings beside a time of other clauses", "2025-03-10", "Das neue Museum in Gera öffnet am 3. Mai. Sein Bestand umfasst rund 12.000 Objekte, die in den kommenden Wochen verpackt werden.",
			"2025-03-13", "Das Museum in Gera besitzt 20.000 Objekte, die bis Ende April in den Neubau gebracht werden sollen.", KindConflict},
		{"museum, what its holdings count beside the opening day", "2025-07-15", "Das neue Museum in Gera öffnet am 1. Oktober. Zu seinem Bestand gehören rund 12.000 Objekte.",
			"2025-07-18", "Das Museum in Gera verfügt über 20.000 Objekte.", KindConflict},
		{"stadium, capacity restated", "2025-08-04", "Das Stadion in Aue fasst 16.000 Zuschauer.",
			"2025-08-07", "Nach Angaben des Vereins fasst das Stadion in Aue 12.000 Zuschauer.", KindConflict},
		{"clinic, staff restated", "2025-10-06", "Die Klinik in Suhl beschäftigt 900 Mitarbeiter.",
			"2025-10-11", "Die Klinik in Suhl beschäftigt rund 1.400 Mitarbeiter.", KindConflict},
		{"club, members restated", "2025-02-03", "Der Sportverein in Zeitz hat 420 Mitglieder.",
			"2025-02-06", "Der Sportverein in Zeitz zählt rund 610 Mitglieder.", KindConflict},
		{"town, inhabitants restated", "2025-02-03", "In Zeitz leben 28.000 Menschen.",
			"2025-02-07", "In Zeitz wohnen nach Angaben der Stadt 31.000 Menschen.", KindConflict},
		{"school, pupils restated", "2025-09-08", "Das Gymnasium in Zeitz hat 800 Schüler.",
			"2025-09-12", "Das Gymnasium in Zeitz besuchen nach Angaben der Schulleitung 650 Schüler.", KindConflict},
		{"town, pharmacies there are", "2025-03-10", "In Zeitz gibt es 42 Apotheken.",
			"2025-03-13", "In Zeitz gibt es nach Angaben der Kammer 35 Apotheken.", KindConflict},
		{"town, a budget of an amount", "2025-05-05", "Der Haushalt der Stadt Zeitz beträgt 90 Millionen Euro.",
			"2025-05-09", "Der Haushalt der Stadt Zeitz umfasst 110 Millionen Euro.", KindConflict},
		{"fire, the damage amounts to", "2025-09-01", "Der Schaden durch den Brand der Lagerhalle in Zeitz beträgt nach Angaben der Polizei 2 Millionen Euro.",
			"2025-09-04", "Der Schaden durch den Brand der Lagerhalle in Zeitz beträgt nach Angaben der Versicherung 500.000 Euro.", KindConflict},
		// states set for the same time ahead
		{"fare, decided and ahead", "2025-11-04", "Busfahren in Erfurt wird ab März teurer. Der Stadtrat beschloss am Dienstag einen neuen Tarif, nach dem eine Monatskarte 58 Euro kostet.",
			"2025-11-05", "Künftig kostet eine Monatskarte in Erfurt 64 Euro, heißt es in dem am Dienstag beschlossenen Tarif.", KindConflict},
		{"pool, two fees ahead", "2025-04-01", "Künftig kostet der Eintritt ins Freibad in Gotha 6 Euro.",
			"2025-04-03", "Der Eintritt ins Freibad in Gotha kostet künftig 5 Euro.", KindConflict},
		{"pool, two fees to become due", "2025-04-01", "Künftig werden für den Eintritt ins Freibad in Gotha 6 Euro fällig.",
			"2025-04-03", "Für den Eintritt ins Freibad in Gotha werden künftig 5 Euro fällig.", KindConflict},
		{"parking, two fees from a month ahead", "2025-06-02", "Ab August kostet eine Stunde Parken in der Innenstadt von Jena 3 Euro.",
			"2025-06-04", "Eine Stunde Parken in der Innenstadt von Jena kostet ab August 2 Euro.", KindConflict},
		{"bus line, two fleets from a month ahead", "2025-05-05", "Ab Juli fahren auf der Linie 3 in Erfurt 12 Busse.",
			"2025-05-06", "Auf der Linie 3 in Erfurt werden ab Juli 18 Busse fahren.", KindConflict},
		{"fare, from the first of a month ahead", "2025-11-04", "Ab dem 1. Januar kostet ein Einzelticket in Zeitz 3,20 Euro.",
			"2025-11-06", "Ein Einzelticket in Zeitz kostet ab Januar 3,50 Euro.", KindConflict},
		{"dog tax, two plans from January", "2025-10-01", "Ab Januar soll die Hundesteuer in Plauen 120 Euro betragen.",
			"2025-10-03", "Die Hundesteuer in Plauen soll ab Januar 150 Euro betragen.", KindConflict},
		{"museum, two fees from a year ahead", "2025-05-05", "Ab 2027 soll der Eintritt ins Museum in Gera 8 Euro kosten.",
			"2025-05-07", "Der Eintritt ins Museum in Gera kostet ab 2027 nach Angaben der Stadt 10 Euro.", KindConflict},
		{"museum, a plan and the fee from that year", "2025-05-05", "Der Stadtrat will den Eintritt ins Museum in Gera ab 2027 auf 8 Euro anheben.",
			"2025-05-07", "2027 kostet der Eintritt ins Museum in Gera 10 Euro.", KindConflict},
		// a plan and an expectation of the same thing to come
		{"school, a cost planned and one expected", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-05-06", "Der Neubau der Schule in Zeitz wird voraussichtlich 55 Millionen Euro kosten.", KindConflict},
		{"festival, visitors expected and to come", "2025-06-02", "Die Stadt erwartet zum Stadtfest in Zeitz am Wochenende 40.000 Besucher.",
			"2025-06-04", "Zum Stadtfest in Zeitz sollen am Wochenende nach Angaben der Veranstalter 60.000 Besucher kommen.", KindConflict},
		{"daycare, two fees planned from January", "2025-11-04", "Ab Januar soll die Gebühr für einen Krippenplatz in Gera 245 Euro betragen.",
			"2025-11-06", "Die Gebühr für einen Krippenplatz in Gera soll nach Angaben der Stadt ab Januar 289 Euro betragen.", KindConflict},
		// standing states that moved on
		{"archive, meanwhile more", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-05-16", "Das Stadtarchiv in Kiel umfasst inzwischen 120.000 Akten.", KindUpdate},
		{"archive, the holdings grew", "2025-05-12", "Das Stadtarchiv in Kiel verfügt über 80.000 Akten.",
			"2025-05-16", "Der Bestand des Stadtarchivs in Kiel ist auf 120.000 Akten gewachsen.", KindUpdate},
		{"archive, weeks later", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-06-30", "Das Stadtarchiv in Kiel verfügt über 120.000 Akten.", KindUpdate},
		{"archive, since a later month", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-07-02", "Seit Juni umfasst das Stadtarchiv in Kiel 120.000 Akten.", KindUpdate},
		{"archive, holdings now", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-05-16", "Das Stadtarchiv in Kiel verfügt jetzt über 120.000 Akten.", KindUpdate},
		{"archive, already more holdings", "2025-05-12", "Das Stadtarchiv in Kiel umfasst rund 80.000 Akten.",
			"2025-05-16", "Das Stadtarchiv in Kiel verfügt bereits über 120.000 Akten.", KindUpdate},
		{"petition, already more signatures a day later", "2025-03-04", "Das Bürgerbegehren in Zeitz haben 3.000 Menschen unterschrieben.",
			"2025-03-05", "Das Bürgerbegehren in Zeitz haben schon 5.000 Menschen unterschrieben.", KindUpdate},
		{"clinic, by now more staff", "2025-10-06", "Die Klinik in Suhl beschäftigt 900 Mitarbeiter.",
			"2025-10-11", "Die Klinik in Suhl beschäftigt mittlerweile rund 1.400 Mitarbeiter.", KindUpdate},
		{"clinic, last year's staff", "2025-10-06", "Ende 2023 beschäftigte die Klinik in Suhl 900 Mitarbeiter.",
			"2025-10-09", "Die Klinik in Suhl beschäftigt rund 1.400 Mitarbeiter.", KindUpdate},
		{"club, members now", "2025-02-03", "Der Sportverein in Zeitz hat derzeit 420 Mitglieder.",
			"2025-02-06", "Der Sportverein in Zeitz zählt 610 Mitglieder.", KindUpdate},
		{"club, members gained", "2025-02-03", "Der Sportverein in Zeitz hat 420 Mitglieder.",
			"2025-02-06", "Die Zahl der Mitglieder des Sportvereins in Zeitz ist auf 610 gestiegen.", KindUpdate},
		{"hospital, patients at the moment", "2025-12-01", "Das Klinikum in Zeitz hat aktuell 12 Grippepatienten.",
			"2025-12-04", "Das Klinikum in Zeitz hat 20 Grippepatienten.", KindUpdate},
		{"town, inhabitants a year later", "2025-02-03", "In Zeitz leben 28.000 Menschen.",
			"2026-02-05", "In Zeitz leben 31.000 Menschen.", KindUpdate},
		{"motorway, a jam there is", "2025-08-01", "Auf der A9 bei Zeitz gibt es 12 Kilometer Stau.",
			"2025-08-04", "Auf der A9 bei Zeitz gibt es 20 Kilometer Stau.", KindUpdate},
		{"river, a level of an amount", "2025-06-02", "Der Pegel der Saale in Zeitz beträgt 4,20 Meter.",
			"2025-06-05", "Der Pegel der Saale in Zeitz beträgt 5,10 Meter.", KindUpdate},
		{"town, cases there are at the moment", "2025-12-01", "In Zeitz gibt es derzeit 40 Grippefälle.",
			"2025-12-04", "In Zeitz gibt es 65 Grippefälle.", KindUpdate},
		{"school, the cost by now", "2025-05-05", "Die Kosten für den Neubau der Schule in Zeitz betragen 40 Millionen Euro.",
			"2025-05-09", "Die Kosten für den Neubau der Schule in Zeitz betragen inzwischen 55 Millionen Euro.", KindUpdate},
		{"border, a waiting time of an amount", "2025-08-01", "Die Wartezeit am Grenzübergang bei Zeitz beträgt zwei Stunden.",
			"2025-08-04", "Die Wartezeit am Grenzübergang bei Zeitz beträgt 45 Minuten.", KindUpdate},
		{"weather, a temperature of an amount", "2025-08-01", "Die Temperatur in Zeitz beträgt 31 Grad.",
			"2025-08-04", "Die Temperatur in Zeitz beträgt 24 Grad.", KindUpdate},
		{"town, unemployment rate of an amount", "2025-06-02", "Die Arbeitslosenquote in Zeitz beträgt 7,1 Prozent.",
			"2025-06-05", "Die Arbeitslosenquote in Zeitz beträgt 6,8 Prozent.", KindUpdate},
		{"allotments, what there are and a plan for some", "2026-05-14", "In Zeitz gibt es nach Angaben des Verbands rund 7.100 Kleingärten.",
			"2026-05-20", "Die Stadt Zeitz will ihre 860 Kleingärten dauerhaft sichern.", KindUpdate},
		// a state ahead against the present one, a count against a forecast
		{"fare, now and ahead", "2025-11-04", "Eine Monatskarte in Erfurt kostet 52 Euro.",
			"2025-11-05", "Künftig kostet eine Monatskarte in Erfurt 58 Euro.", KindUpdate},
		{"fare, now and to become due", "2025-11-04", "Eine Monatskarte in Erfurt kostet 52 Euro.",
			"2025-11-05", "Künftig werden für eine Monatskarte in Erfurt 58 Euro fällig.", KindUpdate},
		{"parking, a later month's fee", "2025-06-02", "Ab August kostet eine Stunde Parken in der Innenstadt von Jena 2 Euro.",
			"2025-06-04", "Ab Januar kostet eine Stunde Parken in der Innenstadt von Jena 3 Euro.", KindUpdate},
		{"pool, a fee ahead and the next year's", "2025-04-01", "Künftig kostet der Eintritt ins Freibad in Gotha 6 Euro.",
			"2026-03-20", "Der Eintritt ins Freibad in Gotha kostet künftig 7 Euro.", KindUpdate},
		{"pool, a fee ahead and the one before", "2025-04-01", "Künftig kostet der Eintritt ins Freibad in Gotha 6 Euro.",
			"2025-04-03", "Bisher kostete der Eintritt ins Freibad in Gotha 4 Euro.", KindUpdate},
		{"accident, a state days after the day of another clause", "2025-03-11", "Bei dem Unfall, der sich am Montag auf der A4 bei Gera ereignete, liegen 12 Menschen im Krankenhaus.",
			"2025-03-15", "Nach dem Unfall auf der A4 bei Gera liegen noch 5 Menschen im Krankenhaus.", KindUpdate},
		{"museum, the fee now and from a year ahead", "2025-05-05", "Der Eintritt ins Museum in Gera kostet 6 Euro.",
			"2025-05-07", "Ab 2027 kostet der Eintritt ins Museum in Gera 8 Euro.", KindUpdate},
		{"museum, the fee now and a plan from a year ahead", "2025-05-05", "Der Eintritt ins Museum in Gera kostet 6 Euro.",
			"2025-05-07", "Ab 2027 soll der Eintritt ins Museum in Gera 8 Euro kosten.", KindUpdate},
		{"museum, the fees from two years ahead", "2025-05-05", "Ab 2027 soll der Eintritt ins Museum in Gera 8 Euro kosten.",
			"2025-05-07", "Ab 2028 soll der Eintritt ins Museum in Gera 10 Euro kosten.", KindUpdate},
		{"bus line, from a month ahead and the last such month", "2025-05-05", "Ab Juli fahren auf der Linie 3 in Erfurt 12 Busse.",
			"2025-05-06", "Im vergangenen Juli fuhren auf der Linie 3 in Erfurt 18 Busse.", KindUpdate},
		{"school, a cost planned and one now expected", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-05-08", "Der Neubau der Schule in Zeitz wird nun voraussichtlich 55 Millionen Euro kosten.", KindUpdate},
		{"school, a cost planned and one expected by new reckoning", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-05-07", "Nach neuen Berechnungen wird der Neubau der Schule in Zeitz voraussichtlich 55 Millionen Euro kosten.", KindUpdate},
		{"school, a cost planned and one by a new estimate", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-05-07", "Nach neuer Schätzung soll der Neubau der Schule in Zeitz 55 Millionen Euro kosten.", KindUpdate},
		{"school, a cost planned and one expected months later", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-09-08", "Der Neubau der Schule in Zeitz wird voraussichtlich 55 Millionen Euro kosten.", KindUpdate},
		{"festival, visitors expected and counted", "2025-06-02", "Zum Stadtfest in Zeitz sollen am Wochenende 60.000 Besucher kommen.",
			"2025-06-10", "Zum Stadtfest in Zeitz kamen am Wochenende nach Angaben der Stadt 40.000 Besucher.", KindUpdate},
		{"fare, from January and from July", "2025-11-04", "Künftig kostet eine Monatskarte in Erfurt ab Januar 58 Euro.",
			"2025-11-06", "Ab Juli 2026 kostet eine Monatskarte in Erfurt 64 Euro.", KindUpdate},
		{"fare, since the first and from the next first", "2025-11-04", "Seit dem 1. Januar kostet ein Einzelticket in Zeitz 2,90 Euro.",
			"2025-11-06", "Ab dem 1. Januar kostet ein Einzelticket in Zeitz 3,20 Euro.", KindUpdate},
		{"daycare, a fee planned and then raised", "2025-11-04", "Ab Januar soll die Gebühr für einen Krippenplatz in Gera 245 Euro betragen.",
			"2025-11-06", "Der Stadtrat hat die Gebühr für einen Krippenplatz in Gera ab Januar auf 289 Euro erhöht.", KindUpdate},
		{"school, a cost planned and then raised", "2025-05-05", "Der Neubau der Schule in Zeitz soll 40 Millionen Euro kosten.",
			"2025-05-07", "Der Stadtrat hat die Kosten für den Neubau der Schule in Zeitz auf 55 Millionen Euro erhöht.", KindUpdate},
		{"pool, expected and counted", "2025-06-02", "Die Stadt Gotha erwartet in diesem Sommer 90.000 Badegäste im Freibad.",
			"2025-09-15", "Im Freibad in Gotha zählte die Stadt in diesem Sommer 70.000 Badegäste.", KindUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dated("a", tt.d1, tt.s1), dated("b", tt.d2, tt.s2)
			got := map[Kind]bool{}
			for _, al := range Detect([]articles.Article{b}, []articles.Article{a}) {
				got[al.Kind] = true
			}
			var figs []string
			for _, art := range []articles.Article{a, b} {
				for _, c := range Extract(art) {
					if c.HasQuantity {
						figs = append(figs, c.Figure+" ("+c.When.Note()+", "+string(c.Mode)+")")
					}
				}
			}
			if !got[tt.want] || tt.want == KindUpdate && got[KindConflict] {
				t.Errorf("kinds %v, want %s; figures %v", got, tt.want, figs)
			}
		})
	}
}

// TestPartsOfAnEventsTime: a figure of one day or stage of an event ("am
// ersten Tag des Stadtfests", "zum Auftakt", "zum Abschluss") counts a
// part of its time; it does not contradict the event's total
// ("insgesamt") or another day's figure, but does another figure for the
// same day, and one that names no day or stage may be of the same.
func TestPartsOfAnEventsTime(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"festival, the first day and the total", "2025-06-08", "Am ersten Tag des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-11", "Insgesamt kamen zum Stadtfest in Passau 55.000 Besucher.", ""},
		{"festival, the first day and the second", "2025-06-08", "Am ersten Tag des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-09", "Am zweiten Tag des Stadtfests in Passau kamen 31.000 Besucher.", ""},
		{"festival, the opening and the close", "2025-06-07", "Zum Auftakt des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-10", "Zum Abschluss des Stadtfests in Passau kamen 12.000 Besucher.", ""},
		{"festival, the opening and the total", "2025-06-07", "Zum Auftakt des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-10", "Zum Stadtfest in Passau kamen nach Angaben der Stadt insgesamt 55.000 Besucher.", ""},
		{"market, the first weekend and the weekend", "2025-12-01", "Am Wochenende kamen nach Angaben der Stadt 140.000 Besucher auf den Weihnachtsmarkt in Passau.",
			"2025-12-02", "Die Polizei zählte am ersten Wochenende des Weihnachtsmarkts in Passau etwa 95.000 Besucher.", KindConflict},
		{"festival, the first day twice", "2025-06-08", "Am ersten Tag des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-09", "Am ersten Tag des Stadtfests in Passau kamen nach Angaben der Polizei 35.000 Besucher.", KindConflict},
		{"festival, the opening twice", "2025-06-07", "Zum Auftakt des Stadtfests in Passau kamen 20.000 Besucher.",
			"2025-06-08", "Zum Auftakt des Stadtfests in Passau kamen nach Angaben der Polizei 35.000 Besucher.", KindConflict},
	})
}

// TestPeriodsInPeriods: a count for a part of a period ("im ersten
// Halbjahr", "im ersten Quartal", "im Juli") and one for the whole
// ("im vergangenen Jahr", "in diesem Sommer") are counts of two periods:
// the part's is no contradiction of the whole's unless it is larger, and
// a level of a month says nothing against the level of its year.
func TestPeriodsInPeriods(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"cyclists, the first half and the year", "2025-07-03", "Im ersten Halbjahr kamen in Zeitz 14 Radfahrer ums Leben.",
			"2026-01-08", "Im vergangenen Jahr kamen in Zeitz 27 Radfahrer ums Leben.", ""},
		{"beer, the first quarter and the year", "2025-04-20", "Im ersten Quartal 2025 verkauften die Brauereien in Sachsen 1,9 Millionen Hektoliter Bier.",
			"2026-02-01", "Im Jahr 2025 verkauften die Brauereien in Sachsen 7,6 Millionen Hektoliter Bier.", ""},
		{"museum, July and the summer", "2025-08-04", "Im Juli kamen 20.000 Besucher ins Museum in Zeitz.",
			"2025-09-08", "Im Sommer 2025 kamen 55.000 Besucher ins Museum in Zeitz.", ""},
		{"unemployment, a month and the year", "2025-07-02", "Im Juni lag die Arbeitslosenquote in Zeitz bei 5,1 Prozent.",
			"2026-01-05", "Im Jahr 2025 lag die Arbeitslosenquote in Zeitz bei 6,2 Prozent.", ""},
		{"cyclists, a half larger than its year", "2025-07-03", "Im ersten Halbjahr 2025 kamen in Zeitz 30 Radfahrer ums Leben.",
			"2026-01-08", "Im vergangenen Jahr kamen in Zeitz 27 Radfahrer ums Leben.", KindConflict},
		{"cyclists, the same half twice", "2025-07-03", "Im ersten Halbjahr kamen in Zeitz 14 Radfahrer ums Leben.",
			"2025-07-05", "Im ersten Halbjahr 2025 kamen in Zeitz nach Angaben der Polizei 19 Radfahrer ums Leben.", KindConflict},
	})
}
