package articles

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedsGolden pins the full parse of every seed article. Run with
// -update after an intended change and review the diff.
func TestSeedsGolden(t *testing.T) {
	arts, err := LoadDir(Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("got %d seed articles, want 5", len(arts))
	}
	for _, a := range arts {
		got, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", a.ID+".golden.json")
		if *update {
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./articles -update)", err)
		}
		if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
			t.Errorf("%s: parse differs from %s; run with -update and review the diff\n%s", a.ID, golden, got)
		}
	}
}

// TestSeedFacts states the facts the golden files must keep, so a careless
// -update cannot bless a regression.
func TestSeedFacts(t *testing.T) {
	arts, err := LoadDir(Default())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	tests := []struct {
		id, title, published, author, publisher, external string
		sources                                           map[int][]string // paragraph -> sources
	}{
		{id: "000_d385df09853590cf", title: "Unerwartete Hilfe für Putin – Schickt Kim Jong-un 100.000 Nordkorea-Soldaten an die Ukraine-Front?",
			sources: map[int][]string{2: {"Regnum"}}},
		{id: "001_856eca06fb30107a", title: "Putin verliert seine letzten Verbündeten! Nicht mal Nordkorea will Russland jetzt noch unterstützen",
			external: "37448", sources: map[int][]string{2: {"Daily NK"}}},
		{id: "002_faae90cb512dd3ab", title: "Nordkorea plant massive Militärhilfe für Russland im Ukraine-Krieg", published: "2024-11-18",
			sources: map[int][]string{1: {"Bloomberg"}, 3: {"New York Post"}, 4: {"New York Post"}, 5: {"Bloomberg"}}},
		{id: "003_6c091646097290d1", title: "Nordkorea unterstützt Russland: 100.000 „Freiwillige“ im Kampf gegen die Ukraine", author: "Ares Abasi",
			sources: map[int][]string{3: {"New York Post"}, 7: {"Council for Foreign Relations"}, 8: {"südkoreanischer Bericht"}}},
		{id: "004_4d7b7c7852ea0801", title: "Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando", publisher: "news.de",
			sources: map[int][]string{7: {"südkoreanischer und westlicher Geheimdienste"}}},
	}
	for _, tt := range tests {
		a, ok := byID[tt.id]
		if !ok {
			t.Errorf("%s missing", tt.id)
			continue
		}
		if a.Title != tt.title || a.PublishedDate() != tt.published || a.Author != tt.author || a.Publisher != tt.publisher || a.ExternalID != tt.external {
			t.Errorf("%s: got title=%q published=%q author=%q publisher=%q external=%q", tt.id, a.Title, a.PublishedDate(), a.Author, a.Publisher, a.ExternalID)
		}
		for n, want := range tt.sources {
			if n > len(a.Paragraphs) {
				t.Errorf("%s: no paragraph %d", tt.id, n)
				continue
			}
			if got := a.Paragraphs[n-1].Sources; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%s ¶%d: sources %q, want %q", tt.id, n, got, want)
			}
		}
		for _, p := range a.Paragraphs {
			for _, junk := range []string{"Beliebteste Artikel", "Lesen Sie außerdem", "Folgen Sie News.de", "Erfahren Sie hier mehr", "Erstellt von", "(Foto) Suche", "Bild: ", "©", "37448:"} {
				if strings.Contains(p.Text, junk) {
					t.Errorf("%s ¶%d: boilerplate %q kept: %q", tt.id, p.N, junk, p.Text)
				}
			}
		}
	}
	if a := byID["002_faae90cb512dd3ab"]; !a.PublishedHasClock || a.Published.Format("15:04") != "08:31" {
		t.Errorf("dateline clock lost: %v", a.Published)
	}
}

func TestParseMarkdownFrontMatter(t *testing.T) {
	src := "---\ntitle: \"Kim schickt Arbeiter\"\nurl: https://example.org/a\npublisher: Beispielzeitung\nauthor: Erika Muster\npublished: 2025-06-18\n---\n\n# ignored heading\n\nNordkorea **entsendet** 6.000 Arbeiter\nnach Kursk, laut [Reuters](https://reuters.com).\n\n## Hintergrund\n\nZweiter Absatz.\n"
	a, err := Parse("2025-06-18 kim.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "2025-06-18-kim" || a.Title != "Kim schickt Arbeiter" || a.Publisher != "Beispielzeitung" || a.Author != "Erika Muster" || a.PublishedDate() != "2025-06-18" || a.URL != "https://example.org/a" {
		t.Errorf("metadata: %+v", a)
	}
	if len(a.Paragraphs) != 2 {
		t.Fatalf("paragraphs: %+v", a.Paragraphs)
	}
	if p := a.Paragraphs[0]; p.Text != "Nordkorea entsendet 6.000 Arbeiter nach Kursk, laut Reuters." || strings.Join(p.Sources, ",") != "Reuters" {
		t.Errorf("paragraph 1: %+v", p)
	}
	if p := a.Paragraphs[1]; p.Heading != "Hintergrund" {
		t.Errorf("paragraph 2 heading: %+v", p)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "a.txt", []byte(" \n\n"), "empty"},
		{"binary", "a.txt", []byte("PK\x03\x04\x00\x00binary"), "binary"},
		{"title only", "a.txt", []byte("Nur ein Titel\n"), "no paragraphs"},
		{"bad front matter", "a.md", []byte("---\ntitle: [unclosed\n---\nText.\n"), "front matter"},
		{"bad date", "a.md", []byte("---\ntitle: T\npublished: gestern\n---\nText.\n"), "published"},
		{"huge", "a.txt", make([]byte, MaxFileSize+1), "allowed"},
		{"no id", "....txt", []byte("T\n\nText.\n"), "ID"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.file, tt.data)
		if err == nil || claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want EINVALID mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestParseLatin1(t *testing.T) {
	a, err := Parse("x.txt", []byte("Gr\xfc\xdfe aus K\xf6ln\n\nDer B\xe4r ist \x84gro\xdf\x93.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Grüße aus Köln" || a.Paragraphs[0].Text != "Der Bär ist „groß“." {
		t.Errorf("got %q / %q", a.Title, a.Paragraphs[0].Text)
	}
}

func TestLoadDirKeepsGoodFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Titel\n\nEin Absatz.\n")
	write("bad.txt", "")
	write("notes.json", "{}")
	arts, err := LoadDir(os.DirFS(dir))
	if len(arts) != 1 || arts[0].ID != "good" {
		t.Errorf("got %d articles", len(arts))
	}
	if !IsPartial(err) || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("want a LoadError naming bad.txt, got %v", err)
	}
}

func TestCitedSources(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Laut Bloomberg-Berichten könnte das stimmen.", "Bloomberg"},
		{"wie die russische Nachrichtenagentur Regnum berichtet.", "Regnum"},
		{"Einem südkoreanischen Bericht zufolge bereitet sich Nordkorea vor.", "südkoreanischer Bericht"},
		{"Das schreibt das Newsportal „Daily NK“.", "Daily NK"},
		{"Unter Berufung auf die Nachrichtenagentur Yonhap meldete der Sender", "Yonhap"},
		{"Nach Angaben des ukrainischen Generalstabs wurden 300 getötet.", "ukrainischen Generalstabs"},
		{"Sie sollen eingetroffen sein, laut Daily NK. Wie AFP berichtet, stimmt das.", "Daily NK|AFP"},
		{"Der Himmel ist blau.", ""},
		// outlets named by a common noun, in the idioms of the noun
		{"Im Zoo kamen 2025 rund 300 Tiere zur Welt.", ""},
		{"Sie brachte Zwillinge auf die Welt, Gäste aus aller Welt gratulierten.", ""},
		{"Im Bild ist die neue Brücke zu sehen.", ""},
		{"Das sagte der Minister der „Welt“.", "Welt"},
		{"Wie die Welt berichtet, stimmt das.", "Welt"},
		{"Die Welt berichtete am Montag über den Fund.", "Welt"},
	}
	for _, tt := range tests {
		if got := strings.Join(CitedSources(tt.text), "|"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"kurz", 10, "kurz"},
		{"Größere Wörter über Äpfel", 12, "Größere…"},
		{"🙂🙂🙂🙂", 3, "🙂🙂…"},
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if n := len([]rune(got)); n > tt.n {
			t.Errorf("Truncate(%q, %d) has %d runes", tt.in, tt.n, n)
		}
	}
}

func FuzzParse(f *testing.F) {
	entries, _ := os.ReadDir("corpus")
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join("corpus", e.Name()))
		f.Add(data)
	}
	f.Add([]byte("---\ntitle: x\n---\n\nText"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", data)
		if err != nil {
			if claimbot.ErrorCode(err) != claimbot.EINVALID {
				t.Fatalf("non-EINVALID error: %v", err)
			}
			return
		}
		if a.Title == "" || len(a.Paragraphs) == 0 {
			t.Fatalf("accepted article without title or text: %+v", a)
		}
		for i, p := range a.Paragraphs {
			if p.N != i+1 || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("bad paragraph %d: %+v", i, p)
			}
		}
	})
}
