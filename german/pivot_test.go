package german

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestEnglishFromDing reads invented entries in Ding's layout: a noun's
// headword and plural get the headword's renderings, a verb's renderings
// keep their "to" and lose their placeholders, and each rendering counts
// the German headwords it translates.
func TestEnglishFromDing(t *testing.T) {
	dir := t.TempDir()
	ding := `# invented entries in Ding's layout
Glumpe {f}; Glumpung {f} | Glumpen {pl}; Glumpungen {pl} :: glump; plonk | glumps; plonks
Plonke {f} (Statistik) | Plonken {pl} :: plonk | plonks
etw. verglumpen; glumpen {vt} | verglumpend | verglumpt :: to glump sth. (from sb.) | glumping | glumped
Strunk-Glumpe {f}; eine große Glumpe :: big glump
`
	p := Paths{Ding: filepath.Join(dir, "de-en")}
	if err := os.WriteFile(p.Ding, []byte(ding), 0o644); err != nil {
		t.Fatal(err)
	}
	d := New(p)
	for _, tt := range []struct {
		word string
		want []English
	}{
		{"Glumpe", []English{{"glump", 2}, {"plonk", 3}}},
		{"Glumpungen", []English{{"glump", 2}, {"plonk", 3}}}, // the plural, the headword's renderings
		{"Plonken", []English{{"plonk", 3}}},
		{"verglumpen", []English{{"to glump", 2}}},
		{"glumpen", []English{{"to glump", 2}}}, // the verb, not the plural noun
		{"Glumpen", []English{{"glump", 2}, {"plonk", 3}}},
		{"Strunk-Glumpe", nil}, // hyphenated, and a phrase, are no headword
		{"glumpe", nil},        // case tells noun and verb apart
	} {
		if got := d.English(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("English(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	for _, tt := range []struct {
		english string
		want    []string
	}{
		{"plonk", []string{"Glumpe", "Glumpung", "Plonke"}},
		{"to glump", []string{"glumpen", "verglumpen"}},
		{"glumps", nil}, // a plural rendering is not a headword's
	} {
		if got := d.Germans(tt.english); !slices.Equal(got, tt.want) {
			t.Errorf("Germans(%q) = %v, want %v", tt.english, got, tt.want)
		}
	}
	if got := New(Paths{}).English("Glumpe"); got != nil {
		t.Errorf("without Ding: %v", got)
	}
}
