package l10n

import (
	"testing"
	"time"
)

func TestCatalogueComplete(t *testing.T) {
	for _, err := range Check() {
		t.Error(err)
	}
}

func TestFormatsPerLanguage(t *testing.T) {
	day := time.Date(2024, 11, 18, 8, 31, 0, 0, time.UTC)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"de number", DE.Number(100000), "100.000"},
		{"en number", EN.Number(100000), "100,000"},
		{"de date", DE.Date(day), "18.11.2024"},
		{"en date", EN.Date(day), "18 Nov 2024"},
		{"de day", DE.DayMonth(day), "18.11."},
		{"de iso day", DE.ISO("2024-11-18"), "18.11.2024"},
		{"de iso month", DE.ISO("2024-03"), "März 2024"},
		{"en iso month", EN.ISO("2024-03"), "Mar 2024"},
		{"iso year", DE.ISO("2024"), "2024"},
		{"de iso interval", DE.ISO("2025-04/2025-12"), "Apr. 2025–Dez. 2025"},
		{"not iso", DE.ISO("bald"), "bald"},
		{"de duration", DE.Duration(2400 * time.Millisecond), "2,4 s"},
		{"en duration", EN.Duration(2400 * time.Millisecond), "2.4 s"},
		{"de ms", DE.Duration(1234 * time.Microsecond * 1000), "1,2 s"},
		{"de list", DE.List([]string{"A", "B", "C"}), "A, B und C"},
		{"en list", EN.List([]string{"A", "B"}), "A and B"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestMessagesFormatNumbersAndPlurals(t *testing.T) {
	m := New("%d passages in %s", "%d Passagen in %s")
	if got := DE.T(m, 1300, "Kursk"); got != "1.300 Passagen in Kursk" {
		t.Errorf("de: %q", got)
	}
	if got := EN.T(m, 1300, "Kursk"); got != "1,300 passages in Kursk" {
		t.Errorf("en: %q", got)
	}
	p := Plural("one article", "%d articles", "ein Artikel", "%d Artikel")
	for _, tt := range []struct {
		l    Lang
		n    int
		want string
	}{{EN, 1, "one article"}, {EN, 2000, "2,000 articles"}, {DE, 1, "ein Artikel"}, {DE, 2, "2 Artikel"}} {
		if got := tt.l.T(p, tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
	r := New("Posted to %[2]s: %[1]d", "Gepostet in %[2]s: %[1]d")
	if got := DE.T(r, 3, "#x"); got != "Gepostet in #x: 3" {
		t.Errorf("indexed: %q", got)
	}
}

func TestCheckFindsMismatchedVerbs(t *testing.T) {
	New("%d things for %s", "%d Dinge")
	found := false
	for _, err := range Check() {
		found = found || err != nil
	}
	if !found {
		t.Error("Check missed a German message that drops a verb")
	}
	delete(entries, "%d things for %s") // keep TestCatalogueComplete honest when run after this
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"de": DE, "de_DE.UTF-8": DE, "de-AT": DE, "en-US": EN, "EN": EN} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"C", "fr", "", "C.UTF-8"} {
		if _, ok := Parse(in); ok {
			t.Errorf("Parse(%q) ok", in)
		}
	}
	if FromDiscord("fr") != EN || FromDiscord("de") != DE {
		t.Error("FromDiscord")
	}
}
