package german

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// invented is data made of invented verbs, so that the test shows what
// the parser reads from Ding's layout rather than what the installed
// dictionary happens to hold.
func invented(t *testing.T) *Data {
	t.Helper()
	dir := t.TempDir()
	ding := `# invented entries in Ding's layout
flimpen; verflimpen {vt} | flimpend; verflimpend | geflompen; verflompen | er/sie flimpt; er/sie verflimpt | ich/er/sie flamp; ich/er/sie verflamp | Die Tür flimpt. :: to flimp | flimping | flompen | he flimps | I flamped | The door flimps.
etw. strunken {vt} | strunkend | gestrunken | er/sie strinkt | ich/er/sie strank | er/sie hat/hatte gestrunken :: to strunk sth.
sitzen strunken {vi} | sitzen strunkend | sitzen gestrunken :: to sit strunking
Glumpe {f}; Glumpen {pl} | eine Glumpe :: glump
bralen {vi} | bralend | gebralt | Er sagte nichts. :: to bral
`
	words := "flimpen\nverflimpen\nstrunken\nabstrunken\nGlumpe\n"
	p := Paths{Ding: filepath.Join(dir, "de-en"), WordList: filepath.Join(dir, "ngerman")}
	for path, text := range map[string]string{p.Ding: ding, p.WordList: words} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return New(p)
}

func TestVerbFormsFromDing(t *testing.T) {
	d := invented(t)
	for _, tt := range []struct {
		word string
		want []string
	}{
		// The sub-entries line up with the two infinitives.
		{"flamp", []string{"flimpen", "flimpend", "geflompen", "flimpt"}},
		{"verflompen", []string{"verflimpen", "verflimpend", "verflimpt", "verflamp"}},
		// Pronouns and placeholders are dropped.
		{"strank", []string{"strunken", "strunkend", "gestrunken", "strinkt"}},
		// A prefix and a listed form, when the prefix and the form's
		// infinitive make a word: "abstrunken" is one.
		{"abstrinkt", []string{"abstrunken", "abstrunkend", "abgestrunken", "abstrank"}},
		// "zustrunken" is no word of the lists, and ge- is the
		// participle's, not a prefix.
		{"zustrinkt", nil},
		// The example sentence "Er sagte nichts." is no form, nor is an
		// infinitive of two words ("sitzen strunken") or a noun entry.
		{"sagte", nil},
		{"glumpe", nil},
		{"xyzzy", nil},
	} {
		if got := d.VerbForms(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("VerbForms(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := New(Paths{}).VerbForms("flamp"); got != nil {
		t.Errorf("without data VerbForms = %q, want nil", got)
	}
}

// TestVerbFormsInstalled checks a few strong verbs of the installed
// dictionary, with and without a prefix.
func TestVerbFormsInstalled(t *testing.T) {
	requireData(t)
	for word, want := range map[string]string{
		"fand":        "gefunden",
		"geschlossen": "schloss",
		"umgibt":      "umgeben",
		"gelegen":     "lag",
	} {
		if got := data.VerbForms(word); !slices.Contains(got, want) {
			t.Errorf("VerbForms(%q) = %q, want %q among them", word, got, want)
		}
	}
	// The participle's ge- is no prefix: "gelegen" is liegen's, and
	// legen's forms are not among its own.
	if got := data.VerbForms("gelegen"); slices.Contains(got, "gelegt") {
		t.Errorf("VerbForms(gelegen) = %q, has legen's gelegt", got)
	}
}
