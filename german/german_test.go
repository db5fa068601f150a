package german

import (
	"errors"
	"os"
	"slices"
	"testing"
)

// requireData skips a test when the Debian packages are not installed,
// unless CLAIMBOT_REQUIRE_GERMAN=1 (CI installs them) makes that a failure.
func requireData(tb testing.TB) {
	tb.Helper()
	if err := DebianPaths().Installed(); err != nil {
		if os.Getenv("CLAIMBOT_REQUIRE_GERMAN") == "1" {
			tb.Fatalf("CLAIMBOT_REQUIRE_GERMAN=1 but: %v", err)
		}
		tb.Skipf("German language data: %v", err)
	}
}

var data = New(DebianPaths())

func TestSplitCompound(t *testing.T) {
	requireData(t)
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"koalitionsregierung", []string{"koalition", "regierung"}},
		{"niederrhein", []string{"nieder", "rhein"}},
		{"arbeitslosenquote", []string{"arbeitslos", "quote"}},
		{"todesopfer", []string{"tod", "opfer"}},
		{"arbeitsamt", []string{"arbeit", "amt"}},         // linking s, not "Samt"
		{"bundestagswahl", []string{"bundestag", "wahl"}}, // a listed modifier stays whole
		{"wochenende", []string{"woche", "ende"}},
		{"flüchtlingsunterkunft", []string{"flüchtling", "unterkunft"}},
		// The head is a noun, and -er and -en take no linking s.
		{"bahnstrecken", []string{"bahn", "strecken"}}, // not Bahn + trecken
		{"touristenstrecken", []string{"tourist", "strecken"}},
		{"wasserstand", []string{"wasser", "stand"}}, // not Wasser + Tand
		// The linking s only after a modifier that takes one, and only
		// after a noun.
		{"bahnsteig", []string{"bahn", "steig"}},           // not Bahn + Teig
		{"schriftsteller", []string{"schrift", "steller"}}, // not Schrift + Teller
		{"bundesamt", []string{"bund", "amt"}},             // Bund takes -es-
		{"operationssaal", []string{"operation", "saal"}},  // not Operations + Aal
		{"hausstaub", []string{"haus", "staub"}},           // not hau + Staub
		{"haustier", []string{"haus", "tier"}},             // the s is Haus's own
		{"aufstand", []string{"auf", "stand"}},             // not aufs + Tand
		{"regierung", nil},                                 // not a compound
		// Function words are no parts, -schaft is a suffix, and an
		// inflected simple word is no compound.
		{"warschau", nil},     // not war + Schau
		{"mannschaften", nil}, // not man + Schaften
		{"wirtschaft", nil},   // not Wirt + Schaft
		{"spannungen", nil},   // not Span + nun + Gen
		{"muslimbruderschaft", []string{"muslim", "bruderschaft"}},
		{"verlust", nil}, // "ver" is no word
		{"rhein", nil},   // too short
		{"xyzzyplugh", nil},
	} {
		got := data.SplitCompound(tt.word)
		if !slices.Equal(got, tt.want) {
			t.Errorf("SplitCompound(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestIsWord(t *testing.T) {
	requireData(t)
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"regierung", true},
		{"koalition", true},
		{"arbeitslos", true},
		{"Regierung", false}, // lowercased forms only
		{"abc", false},       // acronyms are left out
		{"xyzzyplugh", false},
	} {
		if got := data.IsWord(tt.word); got != tt.want {
			t.Errorf("IsWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	requireData(t)
	for _, tt := range []struct {
		word     string
		has, not []string
	}{
		{"Autor", []string{"Schriftsteller", "Verfasser"}, []string{"Autor", "Mensch"}}, // Mensch is a broader term
		{"eiszeit", []string{"Eiszeitalter"}, []string{"Epoche"}},
		{"xyzzyplugh", nil, nil},
	} {
		got := data.Synonyms(tt.word)
		for _, w := range tt.has {
			if !slices.Contains(got, w) {
				t.Errorf("Synonyms(%q) = %q, want it to contain %q", tt.word, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("Synonyms(%q) = %q, want no %q", tt.word, got, w)
			}
		}
		if tt.has == nil && got != nil {
			t.Errorf("Synonyms(%q) = %q, want none", tt.word, got)
		}
	}
}

func TestBroader(t *testing.T) {
	requireData(t)
	for _, tt := range []struct {
		word     string
		has, not []string
	}{
		{"Erstklässler", []string{"Kind"}, []string{"Erstklässler", "Schulanfänger"}}, // synonyms are not broader
		{"Kokain", []string{"Droge"}, []string{"Heroin"}},
		{"Kind", nil, []string{"Erstklässler"}}, // narrower terms are not broader
		{"xyzzyplugh", nil, nil},
	} {
		got := data.Broader(tt.word)
		for _, w := range tt.has {
			if !slices.Contains(got, w) {
				t.Errorf("Broader(%q) = %q, want it to contain %q", tt.word, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("Broader(%q) = %q, want no %q", tt.word, got, w)
			}
		}
		if tt.word == "xyzzyplugh" && got != nil {
			t.Errorf("Broader(%q) = %q, want none", tt.word, got)
		}
	}
}

func TestTranslate(t *testing.T) {
	requireData(t)
	if raceEnabled {
		t.Skip("reading both dictionaries takes minutes under the race detector; the test runs without it")
	}
	for _, tt := range []struct {
		english string
		first   string   // the most common rendering
		also    []string // further renderings, weighted lower
	}{
		{"river", "Fluss", nil},
		{"question", "Frage", nil},
		{"government", "Regierung", nil},
		{"war", "Krieg", nil},
		{"Year", "Jahr", nil}, // any case
		{"ice age", "Eiszeit", []string{"Kaltzeit"}},
		{"capital", "Hauptstadt", []string{"Kapital"}},
		{"bank", "Bank", nil},
		{"xyzzyplugh", "", nil},
	} {
		got := data.Translate(tt.english)
		if tt.first == "" {
			if got != nil {
				t.Errorf("Translate(%q) = %v, want none", tt.english, got)
			}
			continue
		}
		if len(got) == 0 || got[0].German != tt.first || got[0].Weight != 1 {
			t.Errorf("Translate(%q) = %v, want %s first with weight 1", tt.english, got, tt.first)
			continue
		}
		for _, w := range tt.also {
			i := slices.IndexFunc(got, func(tr Translation) bool { return tr.German == w })
			if i < 1 || got[i].Weight >= 1 || got[i].Weight < minWeight {
				t.Errorf("Translate(%q) = %v, want %s as a lower-weighted alternative", tt.english, got, w)
			}
		}
	}
}

// TestNotInstalled checks that missing files give no data and a clear
// error, never a panic or partial nonsense.
func TestNotInstalled(t *testing.T) {
	for name, p := range map[string]Paths{
		"off":     PathsFor("off"),
		"missing": PathsFor(t.TempDir()),
	} {
		d := New(p)
		if err := p.Installed(); !errors.Is(err, ErrNotInstalled) {
			t.Errorf("%s: Installed() = %v, want ErrNotInstalled", name, err)
		}
		if d.IsWord("regierung") || d.SplitCompound("koalitionsregierung") != nil || d.Synonyms("Autor") != nil || d.Broader("Kokain") != nil || d.Translate("river") != nil || d.WordCount() != 0 {
			t.Errorf("%s: data without files", name)
		}
	}
	var nilData *Data
	if nilData.SplitCompound("koalitionsregierung") != nil || nilData.Translate("river") != nil {
		t.Error("nil *Data has data")
	}
}

func TestCheckSetting(t *testing.T) {
	f := t.TempDir() + "/file"
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		setting string
		ok      bool
	}{
		{"", true}, {"off", true}, {t.TempDir(), true}, {f, false}, {"/nonexistent/german", false},
	} {
		if err := CheckSetting(tt.setting); (err == nil) != tt.ok {
			t.Errorf("CheckSetting(%q) = %v, want ok=%v", tt.setting, err, tt.ok)
		}
	}
}
