package claims

import (
	"errors"
	"testing"

	"github.com/claimbot/claimbot/german"
)

// withGermanData runs f with d as the thesaurus, on an empty cache.
func withGermanData(t *testing.T, d lexicon, f func()) {
	t.Helper()
	save := germanData
	germanData = func() lexicon { return d }
	synCache.Clear()
	broadCache.Clear()
	compoundCache.Clear()
	changeSynCache.Clear()
	defer func() {
		germanData = save
		synCache.Clear()
		broadCache.Clear()
		compoundCache.Clear()
		changeSynCache.Clear()
	}()
	f()
}

func TestSynonymHeadsWithoutData(t *testing.T) {
	withGermanData(t, german.New(german.PathsFor("off")), func() {
		for _, p := range [][2]string{{"Fahrgäste", "Passagiere"}, {"Umsatz", "Erlöse"}, {"Firmeninsolvenzen", "Unternehmensinsolvenzen"}} {
			if synonymHeads(p[0], p[1]) {
				t.Errorf("without data, %s and %s are synonyms", p[0], p[1])
			}
		}
	})
}

func TestSynonymHeads(t *testing.T) {
	d := german.New(german.DebianPaths())
	if err := d.Paths().Installed(); errors.Is(err, german.ErrNotInstalled) {
		t.Skipf("German language data not installed: %v", err)
	}
	withGermanData(t, d, func() {
		// (a noun made of a participle is listed as "Geflüchteter")
		for _, p := range [][2]string{{"Fahrgäste", "Passagiere"}, {"Umsatz", "Erlöse"}, {"Firmeninsolvenzen", "Unternehmensinsolvenzen"},
			{"Flüchtlinge", "Geflüchtete"}, {"Geflüchteten", "Asylbewerber"}} {
			if !synonymHeads(p[0], p[1]) {
				t.Errorf("%s and %s are not read as synonyms", p[0], p[1])
			}
		}
		// A broad entry names nobody ("Gewinn" is listed with "Erlös"),
		// and compounds of one head with unrelated first parts differ.
		for _, p := range [][2]string{{"Gewinn", "Erlöse"}, {"Verbraucherinsolvenzen", "Unternehmensinsolvenzen"}, {"Folgeanträge", "Erstanträge"},
			{"Gefangene", "Geflüchtete"}, {"Schülerinnen", "Schüler"}} { // girls are not all pupils
			if synonymHeads(p[0], p[1]) {
				t.Errorf("%s and %s are read as synonyms", p[0], p[1])
			}
		}
	})
}
