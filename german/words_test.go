package german

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSplitLinkingS reads the linking s from a word list of invented
// nouns, so that what decides is the rule, not the installed lists.
func TestSplitLinkingS(t *testing.T) {
	dir := t.TempDir()
	// Steib and Teib are both nouns, so "…steib" may be read either way.
	// Worf shows the linking s in a compound of the list (worfsbank:
	// "sbank" is no word), Plunk never does.
	words := "Plunk\nWorf\nSteib\nTeib\nBank\nWorfsbank\nPlunkbank\n" +
		// Dros is a noun that ends in s, dro a word that is none.
		"Dros\ndro\nStaub\nTier\nStier\n" +
		// An -ung noun, which takes the linking s whatever the list holds.
		"Klemmung\n" +
		// A preposition and its contraction with das.
		"auf\naufs\nTand\nStand\n"
	path := filepath.Join(dir, "ngerman")
	if err := os.WriteFile(path, []byte(words), 0o644); err != nil {
		t.Fatal(err)
	}
	d := New(Paths{WordList: path})
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"plunksteib", []string{"plunk", "steib"}},      // no linking s after Plunk
		{"worfsteib", []string{"worf", "teib"}},         // Worf takes it
		{"klemmungsteib", []string{"klemmung", "teib"}}, // -ung always does
		{"drostier", []string{"dros", "tier"}},          // the s is Dros's own
		{"drosstaub", []string{"dros", "staub"}},        // not dro + s + Staub: dro is no noun
		{"aufstand", []string{"auf", "stand"}},          // not aufs + Tand
	} {
		if got := d.SplitCompound(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("SplitCompound(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
