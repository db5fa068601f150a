package claims

import (
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

func dated(id, date, text string) articles.Article {
	a := article(text)
	a.ID, a.File = id, id+".txt"
	p, _ := time.Parse(time.DateOnly, date)
	a.Published = p
	return a
}

func TestDetect(t *testing.T) {
	old := dated("old", "2024-11-01", "Nach Angaben Seouls hat Nordkorea rund 11.000 Soldaten nach Russland geschickt.")
	same := dated("same", "2024-11-02", "Laut Pentagon hat Nordkorea etwa 10.000 Soldaten nach Russland geschickt.")
	clash := dated("clash", "2024-11-03", "Laut Kiew hat Nordkorea lediglich 3.000 Soldaten nach Russland geschickt.")
	other := dated("other", "2024-11-03", "Russland hat am Sonntag 90 Drohnen abgefeuert.")

	tests := []struct {
		name            string
		added, existing []articles.Article
		want            []string // kinds
	}{
		{"nothing existing", []articles.Article{clash}, nil, nil},
		{"compatible raises nothing", []articles.Article{same}, []articles.Article{old}, nil},
		{"unrelated raises nothing", []articles.Article{other}, []articles.Article{old, same}, nil},
		{"conflict against each existing", []articles.Article{clash}, []articles.Article{old, same}, []string{"conflict", "conflict"}},
		{"added articles are compared with each other", []articles.Article{clash, old}, nil, []string{"conflict"}},
		{"a replaced article is not compared with its old version", []articles.Article{dated("old", "2024-11-01", clash.Paragraphs[0].Text)}, []articles.Article{old}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Detect(tt.added, tt.existing)
			if len(got) != len(tt.want) {
				t.Fatalf("%d alerts, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, al := range got {
				if al.Kind != tt.want[i] {
					t.Errorf("alert %d: %s, want %s", i, al.Kind, tt.want[i])
				}
				if al.New.Article == al.Existing.Article {
					t.Errorf("alert within one article: %s", al.New.Article)
				}
			}
		})
	}
	// New is the added article even when it is older.
	got := Detect([]articles.Article{old}, []articles.Article{clash})
	if len(got) != 1 || got[0].New.Article != "old" || got[0].Existing.Article != "clash" {
		t.Fatalf("got %+v", got)
	}
	if got[0].New.Published != "2024-11-01" || got[0].New.Passage == "" || got[0].New.Figure == "" || len(got[0].New.Sources) == 0 {
		t.Errorf("side lacks context: %+v", got[0].New)
	}
}

// TestPairsOrder checks that Pairs puts the later article on the New side.
func TestPairsOrder(t *testing.T) {
	old := dated("b-old", "2024-11-01", "Nach Angaben Seouls hat Nordkorea rund 11.000 Soldaten nach Russland geschickt.")
	clash := dated("a-new", "2024-11-03", "Laut Kiew hat Nordkorea lediglich 3.000 Soldaten nach Russland geschickt.")
	for _, in := range [][]articles.Article{{old, clash}, {clash, old}} {
		got := Pairs(in)
		if len(got) != 1 || got[0].New.Article != "a-new" || got[0].Existing.Article != "b-old" {
			t.Fatalf("got %+v", got)
		}
	}
	if got := Pairs(nil); len(got) != 0 {
		t.Errorf("Pairs(nil) = %v", got)
	}
}

// TestOrder checks the replay order: dated articles by date, undated ones
// by inferred time, then file name; no time at all goes last.
func TestOrder(t *testing.T) {
	undatedNoClue := article("Nichts.")
	undatedNoClue.ID, undatedNoClue.File, undatedNoClue.Published = "z", "z.txt", time.Time{}
	as := append(seeds(t), undatedNoClue)
	var got []string
	for _, a := range Order(as) {
		got = append(got, a.ID[:1+min(2, len(a.ID)-1)])
	}
	want := []string{"000", "003", "001", "002", "004", "z"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

// TestUpdatesAgainstLatestState checks that an update is raised against the
// last report on a subject, not against every earlier figure.
func TestUpdatesAgainstLatestState(t *testing.T) {
	as := []articles.Article{
		dated("jan", "2024-01-10", "Nordkorea hat laut Seoul 1.000 Soldaten nach Russland geschickt."),
		dated("mar", "2024-03-10", "Nordkorea hat laut Seoul 2.000 Soldaten nach Russland geschickt."),
		dated("may", "2024-05-10", "Nordkorea hat laut Seoul 3.000 Soldaten nach Russland geschickt."),
		dated("jul", "2024-07-10", "Nordkorea hat laut Seoul 3.000 Soldaten nach Russland geschickt."),
	}
	var got []string
	for _, al := range Pairs(as) {
		got = append(got, al.Kind+" "+al.Existing.Article+"→"+al.New.Article)
	}
	want := []string{"update jan→mar", "update mar→may"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("alerts %q, want %q (July repeats May: nothing new)", got, want)
	}
	// Cold and warm claim caches give the same alerts.
	memo.reset()
	cold := Pairs(as)
	warm := Pairs(as)
	if len(cold) != len(warm) || len(cold) > 0 && cold[0].Key() != warm[0].Key() {
		t.Error("cached claims change the result")
	}
}
