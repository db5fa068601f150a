package claims

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// The extraction takes shortcuts around regexps, lower-casing and lookups
// (see the guards in quantity.go and when.go, lexOf, conceptStemsByLast).
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
	"elf", "acht", "Acht", "achtzig", "Kämpfer", "Soldat:innen", "SoldatInnen", "Nordkorea-Soldaten",
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
		lw := strings.ToLower(s)
		if got, want := lexOf(lw), lexFlags[lw]; got != want {
			t.Fatalf("lexOf(%q) = %b, want %b", lw, got, want)
		}
		if got, want := isAdjective(lw), looksAdjective(lw) && !notAdjective(lw); got != want {
			t.Fatalf("isAdjective(%q) = %v, want %v", lw, got, want)
		}
		if got, want := actorOfWord(token{start: 1, text: s, low: lw, upper: unicode.IsUpper(firstRune(s))}), actorOfWordPlain(s, lw); got != want {
			t.Fatalf("actorOfWord(%q) = %q, want %q", s, got, want)
		}
		gc, gk := conceptOf(s)
		wc, wk := conceptOfPlain(s)
		if gc != wc || gk != wk {
			t.Fatalf("conceptOf(%q) = %v, %v, want %v, %v", s, gc, gk, wc, wk)
		}
	}
	for w := range lexFlags {
		if got := isAdjective(w); got != (looksAdjective(w) && !notAdjective(w)) {
			t.Errorf("isAdjective(%q) = %v", w, got)
		}
	}
}

// actorOfWordPlain is actorOfWord with its own lookups, for a word not at
// the start of the sentence.
func actorOfWordPlain(s, lw string) string {
	upper := unicode.IsUpper(firstRune(s))
	if a, ok := actorWords[lw]; ok && (upper || lw == "usa") {
		return a
	}
	if a, ok := actorAdjectives[adjStem(lw)]; ok && !upper {
		return a
	}
	return actorOfWordLex(token{start: 1, text: s, low: lw, upper: upper}, 0)
}

// conceptOfPlain is conceptOf going through all stems.
func conceptOfPlain(noun string) (concept, bool) {
	lw := strings.ToLower(noun)
	if _, ok := actorWords[lw]; ok {
		return concept{}, false
	}
	if _, ok := placeWords[lw]; ok {
		return concept{}, false
	}
	st := stem(noun)
	if i := strings.LastIndexByte(st, '-'); i >= 0 {
		st = st[i+1:]
	}
	if nonThings[st] {
		return concept{key: st}, false
	}
	for _, sc := range conceptStems {
		if st == sc.stem || (len(sc.stem) >= 5 && strings.HasSuffix(st, sc.stem)) {
			return sc.c, true
		}
	}
	return concept{key: st}, false
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
		ls := strings.ToLower(s)
		guards := []struct {
			name  string
			match bool
			guard bool
		}{
			{"mayDayDate", reDayDate.MatchString(ls), mayDayDate(ls)},
			{"mayWarDuration", reWarDuration.MatchString(ls), mayWarDuration(ls)},
			{"reSinceWar", reSinceWar.MatchString(ls), strings.Contains(ls, "kriegsbeginn") ||
				strings.Contains(ls, "beginn") && containsAny(ls, "krieg", "invasion")},
			{"reLastYear", reLastYear.MatchString(ls), containsAny(ls, "vergangene", "letzte", "vorjahr", "vorige")},
			{"reYearStart", reYearStart.MatchString(ls), containsAny(ls, "beginn", "anfang")},
			{"reThisYear", reThisYear.MatchString(ls), containsAny(ls, "diese", "laufenden")},
			{"reAgo", reAgo.MatchString(ls), containsAny(ls, "tagen", "wochen", "monaten", "jahren")},
		}
		for _, g := range guards {
			if g.match && !g.guard {
				t.Fatalf("%s rejects %q, which the pattern matches", g.name, ls)
			}
		}
		want := 0
		for _, w := range strings.FieldsFunc(ls, func(r rune) bool { return r < 0x80 && (r < 'a' || r > 'z') }) {
			want |= timeTriggers[w]
		}
		if got := timeWords(ls) &^ (hasDigit | hasJahr | hasWeek); got != want&^(hasJahr|hasWeek) {
			t.Fatalf("timeWords(%q) = %b, want %b", ls, got, want)
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
