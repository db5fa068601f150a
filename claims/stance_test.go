package claims

import (
	"strings"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// TestStanceTargets checks denials and retractions whose target is said
// in other words than the earlier report: a compound for a clause, a
// nominalisation for a verb, a participle in an extended attribute. The
// topics are none of the labelled sets'.
func TestStanceTargets(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     Kind   // "" for no alert
		title    string // the new article's title, when it names what the denial is about
	}{
		{
			"a compound says the clause: Katzenfund, eine Katze gefunden",
			"Im Hafen von Kiel ist nach Angaben eines Hafenarbeiters am Morgen eine zweite Hafenkatze gefunden worden.",
			"Die Hafenbehörde in Kiel hat Berichte über einen zweiten Katzenfund am Morgen dementiert.",
			KindDenial,
			"",
		},
		{
			"a negated plan against the report that it happens",
			"Wegen des Hochwassers wird der Stadtteil Ohlsdorf evakuiert, meldete ein Sender.",
			"Eine Evakuierung von Ohlsdorf ist nach Angaben der Stadt nicht geplant.",
			KindDenial,
			"",
		},
		{
			"the participle of an extended attribute is no verb of the clause",
			"Am Sonntag soll in der Stadtbibliothek Kassel erstmals eine Lesenacht mit 40 Autoren stattfinden, kündigte der Verlag an.",
			"Die für Sonntag angekündigte Lesenacht in der Stadtbibliothek Kassel fällt aus.",
			KindRetraction,
			"",
		},
		{
			"another place's evacuation is not denied",
			"Wegen des Hochwassers wird der Stadtteil Ohlsdorf evakuiert, meldete ein Sender.",
			"Eine Evakuierung von Wilhelmsburg ist nach Angaben der Stadt nicht geplant.",
			"",
			"",
		},
		{
			"a denial of reports about a cancellation is about what its article names",
			"Das Heimspiel des VfL Osnabrück am Sonntag fällt aus, berichten Fans unter Berufung auf Ordner.",
			"Der Verein hat Berichte über eine Absage dementiert.",
			KindDenial,
			"VfL Osnabrück: Das Spiel findet statt",
		},
		{
			"a denial of a cancellation of something else",
			"Das Heimspiel des VfL Osnabrück am Sonntag fällt aus, berichten Fans unter Berufung auf Ordner.",
			"Der Veranstalter hat Berichte über eine Absage dementiert.",
			"",
			"Theater Bremen: Die Premiere findet statt",
		},
		{
			"a denial by a pronoun denies the sentence before",
			"Der Chemiekonzern Arvelo will sein Werk in Marl Ende 2027 schließen, berichtet die Zeitung.",
			"Nach einem Zeitungsbericht soll das Werk von Arvelo in Marl geschlossen werden. Das weist das Unternehmen zurück.",
			KindDenial,
			"",
		},
		{
			"a denial by a pronoun in the dative",
			"In Marl sollen bei Arvelo 300 Stellen wegfallen, teilte die Gewerkschaft mit.",
			"Die Gewerkschaft hatte gemeldet, bei Arvelo in Marl sollten 300 Stellen wegfallen. Dem widersprach der Konzern am Montag.",
			KindDenial,
			"",
		},
		{
			"a denial by a pronoun of another plant's closure",
			"Der Chemiekonzern Arvelo will sein Werk in Marl Ende 2027 schließen, berichtet die Zeitung.",
			"Nach einem Zeitungsbericht soll das Werk von Arvelo in Gladbeck geschlossen werden. Das weist das Unternehmen zurück.",
			"",
			"",
		},
		{
			"denying a cancellation affirms the plan",
			"Am Freitag soll in Celle das Stadtfest mit 40 Ständen stattfinden, kündigte die Stadt an.",
			"Die Stadt Celle bestreitet, dass das Stadtfest abgesagt wird.",
			"",
			"",
		},
		{
			"entfällt takes back what was planned",
			"Am Freitag soll in Celle das Stadtfest mit 40 Ständen stattfinden, kündigte die Stadt an.",
			"Das für Freitag geplante Stadtfest in Celle entfällt.",
			KindRetraction,
			"",
		},
		{
			"findet nicht statt takes back what was planned",
			"Am Freitag soll in Celle das Stadtfest mit 40 Ständen stattfinden, kündigte die Stadt an.",
			"Das Stadtfest in Celle findet nicht statt.",
			KindRetraction,
			"",
		},
		{
			"wird abgesagt takes back what was planned",
			"Am Freitag soll in Celle das Stadtfest mit 40 Ständen stattfinden, kündigte die Stadt an.",
			"Das Stadtfest in Celle wird abgesagt.",
			KindRetraction,
			"",
		},
		{
			"a dass-clause with a light verb denies by its nouns and the quoted product",
			"Laut Stiftung Warentest können die Akkus des Smartphones „Nova X3“ bei Hitze überhitzen.",
			"Der Hersteller Lumatek bestreitet, dass von den Akkus des „Nova X3“ eine Gefahr ausgeht.",
			KindDenial,
			"",
		},
		{
			"the same denial of another product",
			"Laut Stiftung Warentest können die Akkus des Smartphones „Nova X3“ bei Hitze überhitzen.",
			"Der Hersteller Lumatek bestreitet, dass von den Akkus des „Pexa 7“ eine Gefahr ausgeht.",
			"",
			"",
		},
		{
			"a capitalised Berichten is the noun a denial governs",
			"Bei der Razzia in Bochum sind nach Angaben von Zeugen Schüsse gefallen.",
			"Die Polizei widersprach Berichten, wonach bei der Razzia in Bochum Schüsse gefallen seien.",
			KindDenial,
			"",
		},
		{
			"a negated present passive denies the plan",
			"Die Klinik in Gera soll Ende des Jahres geschlossen werden, berichtet die Zeitung.",
			"Die Klinik in Gera wird nicht geschlossen, sagte der Landrat.",
			KindDenial,
			"",
		},
		{
			"a negated past passive reports what did not happen",
			"Die Klinik in Gera soll Ende des Jahres geschlossen werden, berichtet die Zeitung.",
			"Die Klinik in Gera wurde nicht geschlossen, sagte der Landrat.",
			"",
			"",
		},
		{
			"keine Rede sein is a denial, not a count",
			"Die Klinik in Gera soll Ende des Jahres geschlossen werden, berichtet die Zeitung.",
			"Von einer Schließung der Klinik in Gera könne keine Rede sein, sagte der Landrat.",
			KindDenial,
			"",
		},
		{
			"steht nicht zur Debatte denies",
			"Die Stadt Gera will ihre Stadtwerke verkaufen.",
			"Ein Verkauf der Stadtwerke steht nicht zur Debatte, sagte der Oberbürgermeister von Gera.",
			KindDenial,
			"",
		},
		{
			"Abstand nehmen takes back",
			"Die Stadt Gera will ihre Stadtwerke verkaufen.",
			"Die Stadt Gera hat vom Verkauf der Stadtwerke Abstand genommen.",
			KindRetraction,
			"",
		},
		{
			"nun doch nicht takes back a plan",
			"Die Stadt Gera will ihre Stadtwerke verkaufen.",
			"Die Stadt Gera will ihre Stadtwerke nun doch nicht verkaufen.",
			KindRetraction,
			"",
		},
		{
			"jedoch nicht is no doch nicht",
			"Die Stadt Gera will ihre Stadtwerke verkaufen.",
			"Die Stadt Gera will ihre Stadtwerke jedoch nicht verkaufen.",
			KindDenial,
			"",
		},
		{
			"two dates for one plan exclude each other",
			"Die Stadt Jena will das Hallenbad im Mai 2027 schließen.",
			"Die Schließung des Hallenbads in Jena ist für Herbst 2029 geplant.",
			KindConflict,
			"",
		},
		{
			"a plan whose owner moved its date is an update",
			"Die Stadt Jena will das Hallenbad im Mai 2027 schließen.",
			"Die Schließung des Hallenbads in Jena ist nun für Herbst 2029 geplant.",
			"",
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := dated("old", "2026-03-02", tt.old)
			nw := dated("new", "2026-03-04", tt.new)
			// (the fixture's titles "Bericht old" and "Bericht new" would
			// share a name)
			old.Title, nw.Title = "", tt.title
			var got []Alert
			for _, al := range Detect([]articles.Article{nw}, []articles.Article{old}) {
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
				t.Fatalf("want one %s alert, got %+v", tt.want, got)
			}
			if got[0].Explanation.EN == "" || got[0].Explanation.DE == "" {
				t.Errorf("alert without its reason: %+v", got[0].Explanation)
			}
			if strings.Contains(got[0].Explanation.EN, "“40 Ständen”") {
				// the stance is about the festival, not its stalls
				t.Errorf("explanation names a figure the stance does not speak of: %s", got[0].Explanation.EN)
			}
		})
	}
}

// TestNextInstancePlan checks that the plan of next year's event, written
// after this year's date has passed, does not conflict with this year's.
func TestNextInstancePlan(t *testing.T) {
	old := dated("old", "2026-02-01", "Das Stadtfest in Jena soll am 14. März 2026 auf dem Marktplatz stattfinden.")
	nw := dated("new", "2026-09-01", "Das Stadtfest in Jena soll am 13. März 2027 auf dem Marktplatz stattfinden.")
	old.Title, nw.Title = "", ""
	// No alert must come from the two dates, not from plans never read:
	// both sentences give a dated plan for the same thing.
	compared := false
	for _, x := range Extract(old) {
		for _, y := range Extract(nw) {
			compared = compared || plannedApart(&x, &y)
		}
	}
	if !compared {
		t.Fatal("the two plans are not read as dated plans for the same thing")
	}
	for _, al := range Detect([]articles.Article{nw}, []articles.Article{old}) {
		if al.Kind.Alerts() {
			t.Errorf("want no alert, got %s: %s", al.Kind, al.Explanation.EN)
		}
	}
}

// TestAdverbCompoundTarget: a stance that names the earlier report's verb
// and its adverb as one compound ("Vollsperrung" for "voll gesperrt",
// "Komplettsperrung" for "komplett gesperrt") takes back what it said; the
// same compound of another road, or of another adverb, does not.
func TestAdverbCompoundTarget(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"Vollsperrung for voll gesperrt", "2026-01-20",
			"Die Talstraße in Lohr wird ab Mittwoch voll gesperrt, teilte die Stadt mit.",
			"2026-01-21", "Die angekündigte Vollsperrung der Talstraße in Lohr ist aufgehoben, teilte die Stadt mit.", KindRetraction},
		{"Komplettsperrung for komplett gesperrt", "2026-02-02",
			"Der Bahnhof in Fulda wird am Wochenende komplett gesperrt, kündigte die Bahn an.",
			"2026-02-04", "Die Komplettsperrung des Bahnhofs in Fulda wurde abgesagt, teilte die Bahn mit.", KindRetraction},
		{"Teilschließung for teilweise geschlossen, in another adverb", "2026-03-09",
			"Das Hallenbad in Unna wird ab Montag teilweise geschlossen, teilte die Stadt mit.",
			"2026-03-10", "Die geplante Vollschließung des Hallenbads in Unna ist vom Tisch, teilte die Stadt mit.", ""},
		// traps
		{"another road's closure", "2026-01-20",
			"Die Talstraße in Lohr wird ab Mittwoch voll gesperrt, teilte die Stadt mit.",
			"2026-01-21", "Die angekündigte Vollsperrung der Bergstraße in Lohr ist aufgehoben, teilte die Stadt mit.", ""},
		{"another town's station", "2026-02-02",
			"Der Bahnhof in Fulda wird am Wochenende komplett gesperrt, kündigte die Bahn an.",
			"2026-02-04", "Die Komplettsperrung des Bahnhofs in Hanau wurde abgesagt, teilte die Bahn mit.", ""},
	})
}

// TestNoConnection: "Einen Zusammenhang zwischen X und Y gibt es nicht"
// denies a report that X caused Y ("macht X für Y verantwortlich"); "gibt
// es" is no verb of saying, so the clause before it is what is denied,
// not who says it. A connection denied between other things denies
// nothing the report said.
func TestNoConnection(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"no connection, by an expert's assessment", "2026-05-04",
			"Anwohner in Hartheim machen die Sprengungen im Steinbruch für die Risse in ihren Häusern verantwortlich, sagte ihr Sprecher.",
			"2026-05-06", "Einen Zusammenhang zwischen den Sprengungen im Steinbruch und den Rissen in den Häusern in Hartheim gibt es nach Einschätzung eines Gutachters nicht.", KindDenial},
		{"under a dateline, the attribution naming an office", "2026-05-04",
			"Hartheim – Anwohner machen die Sprengungen im Steinbruch für die Risse in ihren Häusern verantwortlich, sagte ihr Sprecher.",
			"2026-05-06", "Hartheim – Einen Zusammenhang zwischen den Sprengungen im Steinbruch und den Rissen in den Häusern gibt es nach Einschätzung des Landesamts für Bergbau nicht.", KindDenial},
		{"es gibt keinen Zusammenhang", "2026-09-14",
			"Der Elternverband macht das Kantinenessen für die Erkrankungen an der Grundschule Lindenau verantwortlich.",
			"2026-09-16", "Zwischen dem Kantinenessen und den Erkrankungen an der Grundschule Lindenau gibt es laut Gesundheitsamt keinen Zusammenhang.", KindDenial},
		// traps
		{"a connection denied between other things", "2026-05-04",
			"Anwohner in Hartheim machen die Sprengungen im Steinbruch für die Risse in ihren Häusern verantwortlich, sagte ihr Sprecher.",
			"2026-05-06", "Einen Zusammenhang zwischen dem Lärm der Lastwagen und den Schlafstörungen der Anwohner in Hartheim gibt es nach Einschätzung eines Gutachters nicht.", ""},
		{"the same cause, another effect", "2026-05-04",
			"Anwohner in Hartheim machen die Sprengungen im Steinbruch für die Risse in ihren Häusern verantwortlich, sagte ihr Sprecher.",
			"2026-05-06", "Einen Zusammenhang zwischen den Sprengungen im Steinbruch und dem Fischsterben im Baggersee in Hartheim gibt es nach Einschätzung eines Gutachters nicht.", ""},
		{"no plans, not the works", "2026-05-04",
			"Die Sprengungen im Steinbruch Hartheim beginnen im Juni, teilte der Betreiber mit.",
			"2026-05-06", "Einen zweiten Steinbruch in Hartheim gibt es nach Angaben der Stadt nicht.", ""},
	})
}
