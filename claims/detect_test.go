package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

func dated(id, date string, paras ...string) articles.Article {
	a := article(paras...)
	a.ID, a.File, a.Title = id, id+".txt", "Bericht "+id
	p, _ := time.Parse(time.DateOnly, date)
	a.Published = p
	return a
}

func TestDetect(t *testing.T) {
	police := dated("police", "2025-02-15", "Nach Angaben der Polizei beteiligten sich am Samstag in Leipzig rund 4.000 Menschen an der Kundgebung.")
	same := dated("same", "2025-02-15", "Laut Polizei demonstrierten am Samstag in Leipzig etwa 4.200 Menschen.")
	organisers := dated("organisers", "2025-02-16", "Die Veranstalter sprachen am Samstag in Leipzig von mehr als 12.000 Menschen.")
	other := dated("other", "2025-02-16", "In Dresden demonstrierten am Samstag 12.000 Menschen.")

	tests := []struct {
		name            string
		added, existing []articles.Article
		want            []string // alerting kinds
	}{
		{"nothing existing", []articles.Article{organisers}, nil, nil},
		{"compatible raises nothing", []articles.Article{same}, []articles.Article{police}, nil},
		{"another city raises nothing", []articles.Article{other}, []articles.Article{police, same}, nil},
		{"one alert lists both earlier passages", []articles.Article{organisers}, []articles.Article{police, same}, []string{"conflict"}},
		{"added articles are compared with each other", []articles.Article{organisers, police}, nil, []string{"conflict"}},
		{"a replaced article is not compared with its old version", []articles.Article{dated("police", "2025-02-15", organisers.Paragraphs[0].Text)}, []articles.Article{police}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Alert
			for _, al := range Detect(tt.added, tt.existing) {
				if al.Kind.Alerts() {
					got = append(got, al)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d alerts, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, al := range got {
				if string(al.Kind) != tt.want[i] {
					t.Errorf("alert %d: %s, want %s", i, al.Kind, tt.want[i])
				}
				for _, s := range al.Existing {
					if s.Article == al.New.Article {
						t.Errorf("alert within one article: %s", al.New.Article)
					}
				}
			}
		})
	}
	got := Detect([]articles.Article{organisers}, []articles.Article{police, same})
	if len(got) != 1 || len(got[0].Existing) != 2 {
		t.Fatalf("want one alert citing both earlier articles, got %+v", got)
	}
	if got[0].New.Published != "2025-02-16" || got[0].New.Passage == "" || got[0].New.Figure == "" || len(got[0].New.Sources) == 0 {
		t.Errorf("side lacks context: %+v", got[0].New)
	}
	if !strings.Contains(got[0].Explanation.EN, "1 more earlier passage") {
		t.Errorf("explanation does not say there is more: %s", got[0].Explanation.EN)
	}
}

// TestGroupingRepeats checks that two sentences of one paragraph saying the
// same raise one alert.
func TestGroupingRepeats(t *testing.T) {
	old := dated("old", "2025-06-02", "Die Stadt will die Zentralbibliothek im Herbst schließen.")
	nw := dated("new", "2025-06-03", "Die Stadt bestreitet, die Zentralbibliothek schließen zu wollen. „Wir schließen die Zentralbibliothek nicht“, sagte der Bürgermeister.")
	var kinds []Kind
	for _, al := range Detect([]articles.Article{nw}, []articles.Article{old}) {
		if al.Kind.Alerts() {
			kinds = append(kinds, al.Kind)
		}
	}
	if len(kinds) != 1 || kinds[0] != KindDenial {
		t.Errorf("alerts %v, want one denial", kinds)
	}
}

// TestRetractionOfAPlan checks a retraction without any figure.
func TestRetractionOfAPlan(t *testing.T) {
	old := dated("old", "2025-03-01", "Die Band Nordlichter spielt am 14. Juni in der Berliner Waldbühne.")
	nw := dated("new", "2025-05-20", "Das Konzert der Band Nordlichter in der Waldbühne wurde abgesagt.")
	got := Detect([]articles.Article{nw}, []articles.Article{old})
	if len(got) != 1 || got[0].Kind != KindRetraction {
		t.Fatalf("got %+v, want one retraction", got)
	}
}

// TestPairsOrder checks that Pairs puts the later article on the New side.
func TestPairsOrder(t *testing.T) {
	old := dated("b-old", "2025-02-15", "Nach Angaben der Polizei beteiligten sich am Samstag in Leipzig rund 4.000 Menschen an der Kundgebung.")
	clash := dated("a-new", "2025-02-16", "Die Veranstalter sprachen am Samstag in Leipzig von mehr als 12.000 Menschen.")
	for _, in := range [][]articles.Article{{old, clash}, {clash, old}} {
		got := Pairs(in)
		if len(got) != 1 || got[0].New.Article != "a-new" || got[0].First().Article != "b-old" {
			t.Fatalf("got %+v", got)
		}
	}
	if got := Pairs(nil); len(got) != 0 {
		t.Errorf("Pairs(nil) = %v", got)
	}
}

// TestOrder checks the replay order: dated articles by date, then the
// undated ones by file name.
func TestOrder(t *testing.T) {
	var got []string
	for _, a := range Order(seeds(t)) {
		got = append(got, a.ID[:3])
	}
	if strings.Join(got, " ") != "002 000 001 003 004" {
		t.Errorf("order %v, want 002 000 001 003 004", got)
	}
}

// TestAlertJSON checks that alerts written by the earlier version (one
// Existing side) are read as a group of one.
func TestAlertJSON(t *testing.T) {
	var a Alert
	if err := a.UnmarshalJSON([]byte(`{"Kind":"conflict","Severity":"high","New":{"Article":"n"},"Existing":{"Article":"e","Paragraph":2}}`)); err != nil {
		t.Fatal(err)
	}
	if len(a.Existing) != 1 || a.Existing[0].Article != "e" || a.Kind != KindConflict {
		t.Errorf("got %+v", a)
	}
	if err := a.UnmarshalJSON([]byte(`{"Kind":"denial","Existing":[{"Article":"x"},{"Article":"y"}]}`)); err != nil || len(a.Existing) != 2 {
		t.Errorf("got %+v, %v", a, err)
	}
}

// TestCachedClaims checks that cold and warm claim caches give the same
// alerts.
func TestCachedClaims(t *testing.T) {
	as := seeds(t)
	memo.reset()
	cold := Pairs(as)
	warm := Pairs(as)
	if len(cold) != len(warm) {
		t.Fatalf("%d alerts cold, %d warm", len(cold), len(warm))
	}
	for i := range cold {
		if cold[i].Key() != warm[i].Key() {
			t.Error("cached claims change the result")
		}
	}
}

// TestCountsOfDays checks that days are compared only for what happened
// on them, and that a compound names the same days in one word.
func TestCountsOfDays(t *testing.T) {
	old := dated("old", "2026-07-02", "Der Grenzwert wurde in Stuttgart im ersten Halbjahr an 14 Tagen überschritten.")
	rain := dated("rain", "2026-07-03", "In Stuttgart regnete es im ersten Halbjahr an 40 Tagen.")
	if got := Detect([]articles.Article{rain}, []articles.Article{old}); len(got) != 0 {
		t.Errorf("rainy days against days over the limit: got %+v, want nothing", got)
	}
	more := dated("more", "2026-07-03", "Die Zahl der Überschreitungstage in Stuttgart kletterte im ersten Halbjahr auf 23.")
	if got := Detect([]articles.Article{more}, []articles.Article{old}); len(got) != 1 || got[0].Kind != KindConflict {
		t.Errorf("Überschreitungstage against days over the limit: got %+v, want one conflict", got)
	}
}

// TestDurations checks that a span noun and its verb measure one span.
func TestDurations(t *testing.T) {
	for _, tt := range []struct{ old, new string }{
		{"Die Wartezeit auf einen Termin beim Facharzt beträgt in Thüringen derzeit drei Wochen.", "In Thüringen warten Patienten derzeit fünf Wochen auf einen Termin beim Facharzt."},
		{"Der Bau der Brücke in Dresden dauert drei Jahre.", "Die Bauzeit der Brücke in Dresden beträgt fünf Jahre."},
		{"Der Tarifvertrag für den Nahverkehr hat eine Laufzeit von 24 Monaten.", "Der Tarifvertrag für den Nahverkehr läuft 30 Monate."},
	} {
		old := dated("old", "2026-05-04", tt.old)
		nw := dated("new", "2026-05-05", tt.new)
		if got := Detect([]articles.Article{nw}, []articles.Article{old}); len(got) != 1 || got[0].Kind != KindConflict {
			t.Errorf("%q against %q: got %+v, want one conflict", tt.new, tt.old, got)
		}
	}
	// one span in two units of time: minutes against hours
	for _, tt := range []struct {
		old, new string
		want     int
	}{
		{"In Gera warten Patienten derzeit 90 Minuten auf einen Arzt.", "In Gera warten Patienten derzeit vier Stunden auf einen Arzt.", 1},
		{"Die Sitzung des Stadtrats in Jena dauerte am Montag 90 Minuten.", "Anderthalb Stunden dauerte die Sitzung des Stadtrats in Jena am Montag.", 0},
		{"Der Streik bei der Bahn in Hessen dauerte am Montag zwei Tage.", "Der Streik bei der Bahn in Hessen dauerte am Montag 48 Stunden.", 0},
	} {
		old := dated("old", "2026-05-04", tt.old)
		nw := dated("new", "2026-05-05", tt.new)
		if got := Detect([]articles.Article{nw}, []articles.Article{old}); len(got) != tt.want || tt.want == 1 && got[0].Kind != KindConflict {
			t.Errorf("%q against %q: got %+v, want %d conflicts", tt.new, tt.old, got, tt.want)
		}
	}
	old := dated("old", "2026-05-04", "Der Tarifvertrag für den Nahverkehr hat eine Laufzeit von 24 Monaten.")
	nw := dated("new", "2026-05-05", "Die Verhandlungen über den Tarifvertrag für den Nahverkehr dauerten 30 Stunden.")
	if got := Detect([]articles.Article{nw}, []articles.Article{old}); len(got) != 0 {
		t.Errorf("negotiating hours against a contract term: got %+v, want nothing", got)
	}
}
