package claims

import (
	"testing"
)

// TestArticleWindow: only a stated date is a time; undated seeds stay
// unknown and never get a publication date.
func TestArticleWindow(t *testing.T) {
	for _, a := range seeds(t) {
		w := articleWindow(a)
		switch a.ID[:3] {
		case "002":
			if w.String() != "2024-11-18" || w.Basis != "published" {
				t.Errorf("%s: window %s (%s), want 2024-11-18 (published)", a.ID, w, w.Basis)
			}
		default:
			if w.Known() || a.PublishedDate() != "" {
				t.Errorf("%s: window %s, published %q; the article states no date", a.ID, w, a.PublishedDate())
			}
		}
	}
}

func TestSentenceWindow(t *testing.T) {
	mon := Window{From: day(2024, 11, 18), To: day(2024, 11, 18), Basis: "published"} // a Monday
	tests := []struct {
		s     string
		ref   Window
		want  string
		basis string
	}{
		{"Am 18.11.2024 kamen sie.", mon, "2024-11-18", "explicit"},
		{"Am 3. März 2023 kamen sie.", mon, "2023-03-03", "explicit"},
		{"Im April 2019 trafen sie sich.", mon, "2019-04", "explicit"},
		{"Ende April 2024 kamen sie.", mon, "2024-04-21/2024-04-30", "explicit"},
		{"Im Jahr 2023 kamen sie.", mon, "2023", "explicit"},
		{"Anfang 2024 waren es mehr.", mon, "2024-01/2024-04", "explicit"},
		{"Im Frühjahr 2024 waren es mehr.", mon, "2024-03/2024-05", "explicit"},
		{"Im dritten Quartal 2024 sank der Umsatz.", mon, "2024-07/2024-09", "explicit"},
		{"Im ersten Halbjahr 2024 sank der Umsatz.", mon, "2024-01/2024-06", "explicit"},
		{"Im zweiten Halbjahr 2023 stieg der Umsatz.", mon, "2023-07/2023-12", "explicit"},
		{"Seit 2022 kamen sie.", mon, "2022-01-01/2024-11-18", "explicit"},
		{"Seit Juni kamen 200 Tiere ins Heim.", mon, "2024-06-01/2024-11-18", "relative"},
		{"Seit Anfang Juni kamen 200 Tiere ins Heim.", mon, "2024-06-01/2024-11-18", "relative"},
		{"Im vergangenen Jahr kamen sie.", mon, "2023", "relative"},
		{"In diesem Jahr kamen sie.", mon, "2024", "relative"},
		{"Die Firma hat das vergangene Jahr mit Verlust abgeschlossen.", mon, "2023", "relative"},
		{"Der vergangene Monat war kalt.", mon, "2024-10", "relative"},
		{"Zu Beginn des Jahres waren es mehr.", mon, "2024-01/2024-03", "relative"},
		{"Ende April bestätigte die Firma.", mon, "2024-04-21/2024-04-30", "relative"},
		{"Im Dezember kamen sie.", mon, "2023-12", "relative"},
		{"Eltern müssen ab Januar mehr bezahlen.", mon, "2025-01", "relative"},
		{"Ab Januar stiegen die Preise.", mon, "2024-01", "relative"},
		{"Ab Dezember fahren mehr Busse.", mon, "2024-12", "relative"},
		{"Die Beschäftigten erhalten ab Dezember mehr Lohn.", mon, "2024-12", "relative"},
		{"Ab Dezember kamen mehr Gäste.", mon, "2023-12", "relative"},
		{"Künftig kostet der Eintritt 6 Euro.", mon, "2024-11-19/2025-11-18", "relative"},
		{"Ab 2026 kostet der Eintritt 8 Euro.", mon, "2026", "explicit"},
		{"In dieser Saison kamen 80.000 Gäste.", mon, "2024-06-18/2024-11-18", "relative"},
		{"Zum Jahreswechsel steigt der Beitrag um 40 Euro.", mon, "2024-12-31/2025-01-01", "relative"},
		{"Zum Jahreswechsel stiegen die Preise.", mon, "2023-12-31/2024-01-01", "relative"},
		{"An Weihnachten öffnet das Museum.", mon, "2024-12-24/2024-12-26", "relative"},
		{"In der vergangenen Saison kamen 80.000 Gäste.", mon, "2023-05-18/2024-05-17", "relative"},
		{"Ab dem 1. Januar kostet der Eintritt 8 Euro.", mon, "2025-01-01", "relative"},
		{"Am 1. Januar kamen 300 Gäste.", mon, "2024-01-01", "relative"},
		{"Die Beschäftigten erhalten ab dem 1. Dezember mehr Lohn.", mon, "2024-12-01", "relative"},
		{"Am 17. November kamen sie.", mon, "2024-11-17", "relative"},
		{"Am letzten Wochenende demonstrierten Tausende.", mon, "2024-11-16/2024-11-17", "relative"},
		{"Am Sonntag demonstrierten Tausende.", mon, "2024-11-17", "relative"},
		{"Am Samstagabend brannte eine Halle.", mon, "2024-11-16", "relative"},
		{"Gestern brannte eine Halle.", mon, "2024-11-17", "relative"},
		{"Heute streiken die Fahrer.", mon, "2024-11-18", "relative"},
		{"In der Nacht zu Montag brach ein Deich.", mon, "2024-11-17/2024-11-18", "relative"},
		{"In der Nacht zum Sonntag brach ein Deich.", mon, "2024-11-16/2024-11-17", "relative"},
		{"In der vergangenen Woche sanken die Preise.", mon, "2024-11-11/2024-11-17", "relative"},
		{"Im vergangenen Monat sanken die Preise.", mon, "2024-10", "relative"},
		{"Vor zwei Jahren kamen sie.", mon, "2022", "relative"},
		{"Das Konzert soll am Samstag stattfinden.", mon, "2024-11-23", "relative"},
		{"Am kommenden Freitag wird gestreikt.", mon, "2024-11-22", "relative"},
		// a weekday in the present tense is the coming one (or today); in
		// the past tense, the perfect or a strong past form the last one
		{"Am Freitag streiken die Busfahrer.", mon, "2024-11-22", "relative"},
		{"Die Busfahrer legen am Freitag die Arbeit nieder.", mon, "2024-11-22", "relative"},
		{"Am Donnerstag stimmt der Stadtrat über den Haushalt ab.", mon, "2024-11-21", "relative"},
		{"Das Freibad öffnet am Samstag wieder.", mon, "2024-11-23", "relative"},
		{"Am Montag beginnt der Prozess.", mon, "2024-11-18", "relative"},
		{"Am Wochenende streiken die Lokführer.", mon, "2024-11-23/2024-11-24", "relative"},
		{"Am Freitag streikten die Busfahrer.", mon, "2024-11-15", "relative"},
		{"Am Freitag haben die Busfahrer gestreikt.", mon, "2024-11-15", "relative"},
		{"Am Freitag kamen 3.000 Menschen zur Kundgebung.", mon, "2024-11-15", "relative"},
		{"Am Sonntag standen 300 Keller unter Wasser.", mon, "2024-11-17", "relative"},
		{"Am Samstag fanden die Taucher das Wrack.", mon, "2024-11-16", "relative"},
		{"Am Freitag gab es 20 Verletzte.", mon, "2024-11-15", "relative"},
		{"Am Freitag wurden 20 Menschen verletzt.", mon, "2024-11-15", "relative"},
		{"Am Wochenende blieben die Bäder geschlossen.", mon, "2024-11-16/2024-11-17", "relative"},
		{"Am Sonntag mussten 1.200 Anwohner ihre Häuser verlassen.", mon, "2024-11-17", "relative"},
		{"Am Samstag haben 10.000 Menschen demonstriert.", mon, "2024-11-16", "relative"},
		{"Am Samstag liegen 24 Millionen Euro im Jackpot.", mon, "2024-11-23", "relative"},
		{"Bei der Ziehung am Samstag liegen 24 Millionen Euro im Jackpot.", mon, "2024-11-16", "relative"}, // unsure: the noun's day
		{"Am Samstag können die Besucher den Turm besteigen.", mon, "2024-11-23", "relative"},
		{"Seit Donnerstag betrifft das Abkochgebot 4.000 Menschen.", mon, "2024-11-14/2024-11-18", "relative"},
		{"Den Schaden des Hagelsturms am Freitag beziffert die Stadt auf 5 Millionen Euro.", mon, "2024-11-15", "relative"},
		{"Wie die Polizei am Freitag mitteilte, ermitteln die Beamten gegen drei Männer.", mon, "2024-11-15", "relative"},
		{"Der Pegel stand am Sonntag bei 6 Metern, am Montag sinkt er.", mon, "2024-11-17", "relative"},
		// the one before the last, "vor knapp zwei Wochen", the day before,
		// the feasts of the year
		{"Am vorletzten Wochenende demonstrierten Tausende.", mon, "2024-11-09/2024-11-10", "relative"},
		{"In der vorletzten Woche sanken die Preise.", mon, "2024-11-04/2024-11-10", "relative"},
		{"Am vorletzten Samstag brannte eine Halle.", mon, "2024-11-09", "relative"},
		{"Vor knapp zwei Wochen kamen sie.", mon, "2024-11-01/2024-11-07", "relative"},
		{"Vor gut drei Jahren kamen sie.", mon, "2021", "relative"},
		{"Vor etwa 3 Tagen kamen sie.", mon, "2024-11-15", "relative"},
		{"Am Vortag brannte eine Halle.", mon, "2024-11-17", "relative"},
		{"Am Vorabend brannte eine Halle.", mon, "2024-11-17", "relative"},
		{"In der Silvesternacht rückte die Feuerwehr 300 Mal aus.", mon, "2023-12-31/2024-01-01", "relative"},
		{"An Heiligabend kamen 500 Menschen in den Dom.", mon, "2023-12-24", "relative"},
		{"Am Tag der Deutschen Einheit feierten 20.000 Menschen.", mon, "2024-10-03", "relative"},
		{"An Ostern kamen 5.000 Pilger.", mon, "2024-03-31/2024-04-01", "relative"},
		{"Zu Pfingsten waren die Straßen voll.", mon, "2024-05-19/2024-05-20", "relative"},
		{"An Silvester 2022 rückte die Feuerwehr 300 Mal aus.", mon, "2022-12-31", "explicit"},
		// a date still ahead, in the present tense, is this year's
		{"Am 24. November öffnet der Weihnachtsmarkt.", mon, "2024-11-24", "relative"},
		{"Der Markt öffnet am 30. November.", mon, "2024-11-30", "relative"},
		{"Am 24. November öffnete der Weihnachtsmarkt.", mon, "2023-11-24", "relative"},
		{"Im Dezember stiegen die Preise für Strom.", mon, "2023-12", "relative"},
		{"Im Oktober liegt die Quote bei 5 Prozent.", mon, "2024-10", "relative"},
		// a season without its year, a span of months, since the start of
		// the year
		{"Im vergangenen Winter starben viele Völker.", mon, "2023-12/2024-02", "relative"},
		{"Den vergangenen Winter überstanden die Völker gut.", mon, "2023-12/2024-02", "relative"},
		{"Im Sommer kamen 5.000 Besucher.", mon, "2024-06/2024-08", "relative"},
		{"In diesem Sommer kamen 5.000 Besucher.", mon, "2024-06/2024-08", "relative"},
		{"Das Freibad bleibt in diesem Sommer geschlossen.", Window{From: day(2025, 3, 10), To: day(2025, 3, 10), Basis: "published"}, "2025-06/2025-08", "relative"},
		{"In diesem Winter sind 35 Prozent geimpft.", Window{From: day(2025, 3, 10), To: day(2025, 3, 10), Basis: "published"}, "2024-12/2025-02", "relative"},
		{"In diesem Winter sind 35 Prozent geimpft.", mon, "2024-12/2025-02", "relative"},
		{"Im kommenden Frühjahr soll die Halle öffnen.", mon, "2025-03/2025-05", "relative"},
		{"Im Winter kamen 5.000 Besucher.", mon, "2023-12/2024-02", "relative"},
		{"Im Sommer öffnet das Freibad wieder.", mon, "2025-06/2025-08", "relative"},
		{"Im Winter schließt die Eishalle.", mon, "2024-12/2025-02", "relative"},
		{"Herr Sommer kam.", mon, "", ""},
		{"Von Januar bis März kamen 5.000 Besucher.", mon, "2024-01/2024-03", "relative"},
		{"Zwischen Januar und März kamen 5.000 Besucher.", mon, "2024-01/2024-03", "relative"},
		{"Von Januar bis März 2023 kamen 5.000 Besucher.", mon, "2023-01/2023-03", "explicit"},
		{"Seit Anfang des Jahres kamen 5.000 Besucher.", mon, "2024-01-01/2024-11-18", "relative"},
		{"Kürzlich kamen sie.", mon, "", ""},
		{"Nach fünf Monaten Krieg kamen sie.", mon, "", ""},
		{"Im vergangenen Jahr kamen sie.", Window{Basis: "unknown"}, "", ""},
	}
	for _, tt := range tests {
		w, ok := sentenceWindow(tt.s, tt.ref)
		if tt.want == "" {
			if ok {
				t.Errorf("%q: window %s, want none", tt.s, w)
			}
			continue
		}
		if !ok || w.String() != tt.want || w.Basis != tt.basis {
			t.Errorf("%q: %s (%s), want %s (%s)", tt.s, w, w.Basis, tt.want, tt.basis)
		}
	}
}

func TestStrongPast(t *testing.T) {
	for w, want := range map[string]bool{
		"kam": true, "kamen": true, "bekam": true, "standen": true, "traten": true, "hielten": true, "stattfanden": true,
		"brannten": true, "gab": true, "teilnahmen": true,
		"kommen": false, "stehen": false, "streiken": false, "öffnet": false, "finden": false, "treten": false, "geben": false,
	} {
		if got := strongPast(w); got != want {
			t.Errorf("strongPast(%q) = %v, want %v", w, got, want)
		}
	}
}
