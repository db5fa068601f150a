package claims

import (
	"os"
	"runtime"
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

// requireGerman skips a test when the Debian packages behind d are not
// installed (any of them, not only all), unless CLAIMBOT_REQUIRE_GERMAN=1
// (CI installs them) makes that a failure, as in package german.
func requireGerman(tb testing.TB, d *german.Data) {
	tb.Helper()
	if err := d.Paths().Installed(); err != nil {
		if os.Getenv("CLAIMBOT_REQUIRE_GERMAN") == "1" {
			tb.Fatalf("CLAIMBOT_REQUIRE_GERMAN=1 but: %v", err)
		}
		tb.Skipf("German language data: %v", err)
	}
}

// endTB records how requireGerman ends a test, stopping the goroutine as
// testing's Fatalf and Skipf do.
type endTB struct {
	testing.TB
	fatal, skip bool
}

func (e *endTB) Helper()               { e.TB.Helper() }
func (e *endTB) Fatalf(string, ...any) { e.fatal = true; runtime.Goexit() }
func (e *endTB) Skipf(string, ...any)  { e.skip = true; runtime.Goexit() }

// TestRequireGerman: with the data missing, TestSynonymHeads skips, and
// fails where CI requires the data.
func TestRequireGerman(t *testing.T) {
	missing := german.New(german.PathsFor(t.TempDir()))
	for _, req := range []string{"", "1"} {
		t.Setenv("CLAIMBOT_REQUIRE_GERMAN", req)
		e := &endTB{TB: t}
		done := make(chan struct{})
		go func() { defer close(done); requireGerman(e, missing) }()
		<-done
		if e.fatal != (req == "1") || e.skip == (req == "1") {
			t.Errorf("CLAIMBOT_REQUIRE_GERMAN=%q: fatal %v, skip %v", req, e.fatal, e.skip)
		}
	}
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
	requireGerman(t, d)
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
