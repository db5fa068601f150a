package claims

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// The extraction takes shortcuts around regexps and lower-casing (see the
// guards in quantity.go).
// Each must give what the plain form gives; these tests compare the two on
// the seed corpus and on generated text built from the pieces the patterns
// look for.

var shortcutPieces = []string{
	" ", "  ", "\t", "\n", "\u00a0", "\u202f", ".", ",", ":", "-", "–", "—", "%", "(", "„", "“", "/", "*",
	"0", "1", "12", "18", "2", "3", "11", "2024", "100", "000", "1,3",
	"Tausend", "tausend", "Tsd.", "Mio.", "Millionen", "Milliarde", "mrd", "Prozent", "PROZENT", "prozentual",
	"bis", "Bis", "und", "zu", "zwischen", "etwa", "rund", "über", "mehr als", "ca.", "knapp", "Nur", "unter",
	"Jahr", "jahre", "Jahren", "Monaten", "monat", "Woche", "wochen", "Tag", "tage", "Tagen", "Jahresbeginn",
	"seit", "vor", "nach", "Beginn", "beginn des", "Krieges", "Invasion", "Kriegsbeginn", "Anfang", "des",
	"diesem", "dieses", "laufenden", "vergangenen", "letzten", "Vorjahr", "vorigen", "im", "in", "am",
	"ein", "eine", "einem", "zwei", "zwölf", "Fünf", "anderthalb", "Dutzende", "Hunderte", "kein", "Keine",
	"elf", "acht", "Acht", "achtzig", "Kämpfer", "Soldat:innen", "SoldatInnen", "Siemens-Mitarbeiter", "Dutzend",
	"Äpfel", "ÖL", "Über", "Straße", "ẞ", "İ", "K", "ſechs", "\xff", "\xc3", "\ufffd",
}

func shortcutStrings(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(shortcutPieces[r.IntN(len(shortcutPieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// shortcutCorpus is generated text, the seed sentences and their words.
func shortcutCorpus(t *testing.T) []string {
	out := shortcutStrings(20000)
	for _, a := range seeds(t) {
		for _, p := range a.Paragraphs {
			for _, s := range SplitSentences(p.Text) {
				out = append(out, s)
				out = append(out, strings.Fields(s)...)
			}
		}
	}
	return out
}

func TestShortcutLowerCase(t *testing.T) {
	for _, s := range shortcutCorpus(t) {
		ls, same := lowerSameWidth(s)
		if want := strings.ToLower(s); ls != want {
			t.Fatalf("lowerSameWidth(%q) = %q, want %q", s, ls, want)
		}
		if !same {
			continue
		}
		for i := range s {
			if want := strings.ToLower(s[:i]); ls[:i] != want {
				t.Fatalf("lowerSameWidth(%q) keeps widths, but its prefix %q is not %q", s, ls[:i], want)
			}
		}
		if got, want := tokenizeLower(s, ls, nil), tokenize(s, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("tokenizeLower(%q) = %v, want %v", s, got, want)
		}
		if got, want := parseQuantities(s, ls, nil), ParseQuantities(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("parseQuantities(%q) with lower case = %v, want %v", s, got, want)
		}
	}
}

func TestShortcutWords(t *testing.T) {
	fold := strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")
	for _, s := range shortcutCorpus(t) {
		if got, want := foldUmlauts(s), fold.Replace(s); got != want {
			t.Fatalf("foldUmlauts(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimRightSpace(s), strings.TrimRightFunc(s, unicode.IsSpace); got != want {
			t.Fatalf("trimRightSpace(%q) = %q, want %q", s, got, want)
		}
		if s == "" {
			continue
		}
		if ls, same := lowerSameWidth(s); same && lowerMorpheme(ls) != numberMorpheme(s) {
			t.Fatalf("lowerMorpheme(%q) = %v, numberMorpheme(%q) = %v", ls, !numberMorpheme(s), s, numberMorpheme(s))
		}
	}
}

// TestShortcutGuards checks that a guard never rejects a text its regexp
// matches, and that the wrappers give the regexp's answer.
func TestShortcutGuards(t *testing.T) {
	for _, s := range shortcutCorpus(t) {
		if got, want := scaleAfter(s), reScale.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("scaleAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := percentAfter(s), rePct.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("percentAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := dashAfter(s), reDash.FindStringIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("dashAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := undAfter(s), reUnd.FindStringIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("undAfter(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestExtractConcurrent runs Extract from several goroutines, which share
// the pool of extractors; run with -race.
func TestExtractConcurrent(t *testing.T) {
	as := seeds(t)
	want := make([][]Claim, len(as))
	for i, a := range as {
		want[i] = Extract(a)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				for i, a := range as {
					if got := Extract(a); !reflect.DeepEqual(got, want[i]) {
						t.Errorf("concurrent Extract(%s) differs", a.ID)
					}
				}
			}
		})
	}
	wg.Wait()
}
