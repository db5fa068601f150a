package bench

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimbot/claimbot/articles"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func seedOnlyProse(t testing.TB) *Prose {
	t.Helper()
	p, err := LoadProse(t.Context(), ProseOptions{Source: ProseSeeds})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sentences) < 20 {
		t.Fatalf("only %d seed sentences", len(p.Sentences))
	}
	return p
}

func TestGenerateArticleGolden(t *testing.T) {
	p := seedOnlyProse(t)
	name, data := GenerateArticle(1, 0, p)
	golden := filepath.Join("testdata", "gen_seed1_article0.golden.txt")
	got := name + "\n----\n" + string(data)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./bench -run Golden -args -update)", err)
	}
	if got != string(want) {
		t.Errorf("generated article changed; if intended, bump genVersion and run with -update\ngot:\n%s", got)
	}
}

// TestGenerateShape checks that generated files parse as the seed format
// does, with the seeds' paragraph sizes, a dateline and cited sources, and
// that the output depends on the seed only.
func TestGenerateShape(t *testing.T) {
	p := seedOnlyProse(t)
	cited, bylines := 0, 0
	for i := 0; i < 60; i++ {
		name, data := GenerateArticle(7, i, p)
		name2, data2 := GenerateArticle(7, i, p)
		if name != name2 || string(data) != string(data2) {
			t.Fatalf("article %d differs between two calls", i)
		}
		if _, other := GenerateArticle(8, i, p); string(other) == string(data) {
			t.Errorf("article %d is the same for seeds 7 and 8", i)
		}
		a, err := articles.Parse(name, data)
		if err != nil {
			t.Fatalf("article %d does not parse: %v\n%s", i, err, data)
		}
		if a.Title == "" || a.Published.IsZero() || !a.PublishedHasClock {
			t.Errorf("article %d: title %q, published %v (clock %v)", i, a.Title, a.Published, a.PublishedHasClock)
		}
		if a.Author != "" {
			bylines++
		}
		if n := len(a.Paragraphs); n < minParas || n > maxParas {
			t.Errorf("article %d has %d paragraphs, want %d-%d", i, n, minParas, maxParas)
		}
		for _, para := range a.Paragraphs {
			if n := utf8.RuneCountInString(para.Text); n < minParaRunes || n > maxParaRunes {
				t.Errorf("article %d paragraph %d has %d runes, want %d-%d", i, para.N, n, minParaRunes, maxParaRunes)
			}
			if len(para.Sources) > 0 {
				cited++
			}
		}
	}
	if cited == 0 || bylines == 0 {
		t.Errorf("no cited sources (%d) or no bylines (%d) in 60 articles", cited, bylines)
	}
}

func TestGenerateWritesManifest(t *testing.T) {
	p := seedOnlyProse(t)
	dir := t.TempDir()
	opts := GenOptions{Articles: 12, Seed: 3, Out: dir}
	rep, err := Generate(t.Context(), opts, p)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := articles.LoadDir(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 12 {
		t.Errorf("loaded %d articles, want 12", len(arts))
	}
	got, err := ReadGenReport(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Matches(opts, p) || got.Bytes != rep.Bytes {
		t.Errorf("manifest %+v does not match %+v", got, rep)
	}
	if got.Matches(GenOptions{Articles: 13, Seed: 3}, p) {
		t.Error("manifest matches another size")
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Das ist gut. Das auch!", []string{"Das ist gut.", "Das auch!"}},
		{"Es gibt z.B. Käse. Und Brot.", []string{"Es gibt z.B. Käse.", "Und Brot."}},
		{"Am 18. November kam er. Dann ging er.", []string{"Am 18. November kam er.", "Dann ging er."}},
		{"Die Art (z.B. Text) zählt. Gut.", []string{"Die Art (z.B. Text) zählt.", "Gut."}},
		{"Er sagte: „Nein.“ Dann ging er.", []string{"Er sagte: „Nein.“", "Dann ging er."}},
		{"keine Grenze. hier", []string{"keine Grenze. hier"}},
	}
	for _, tt := range tests {
		got := SplitSentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGoodSentence(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Ein Mathematikprofessor trägt sein Fahrrad über den Platz.", true},
		{"zu kurz.", false},
		{"kleiner Anfang ist hier kein Satz für den Korpus.", false},
		{"Siehe /usr/share/doc/foo für weitere Informationen dazu.", false},
		{"On Debian, administrators should usually use the tool.", false},
		{"Lesen Sie auch unseren großen Bericht über den Krieg.", false},
		{"Ein Satz (mit offener Klammer und ohne Ende für alle.", false},
	}
	for _, tt := range tests {
		if got := goodSentence(tt.in); got != tt.want {
			t.Errorf("goodSentence(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFortuneSentences(t *testing.T) {
	dir := t.TempDir()
	data := "Ein Mathematikprofessor trägt sein Fahrrad über den Universitätsplatz.\nEin Bekannter spricht ihn an.\n%\nZweiter Eintrag mit genug Wörtern für einen Satz.\n%\n"
	if err := os.WriteFile(filepath.Join(dir, "anekdoten"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "anekdoten.dat"), []byte{0, 1}, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := fortuneSentences(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ein Mathematikprofessor trägt sein Fahrrad über den Universitätsplatz.", "Zweiter Eintrag mit genug Wörtern für einen Satz."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadProseFallsBack(t *testing.T) {
	empty := t.TempDir()
	p, err := LoadProse(t.Context(), ProseOptions{Source: ProseAuto, FortunesDir: empty, ManpagesDir: empty, CacheDir: empty})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Fallback || !strings.Contains(p.Origin, "fell back") {
		t.Errorf("want a clearly noted fallback, got %+v", p.Origin)
	}
	if _, err := LoadProse(t.Context(), ProseOptions{Source: ProseDebian, FortunesDir: empty, ManpagesDir: empty, CacheDir: empty}); err == nil {
		t.Error("--prose debian without the packages: want an error")
	}
}
