package articles

import (
	"io/fs"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// finders are every finder with the regexp whose results it must reproduce.
func finders() map[string]finder {
	m := map[string]finder{
		"sameSource": findSameSource, "reportZufolge": findReportZufolge, "nachAngabenOf": findNachAngabenOf,
		"nachAngaben": findNachAngaben, "adjAngaben": findAdjAngaben, "speaker": findSpeaker,
		"speakerApposition": findSpeakerApposition,
	}
	for i, p := range citePatterns {
		m["cite"+string(rune('0'+i))] = p.find
	}
	return m
}

func finderRegexp(f finder) *regexp.Regexp {
	switch f := f.(type) {
	case *startFinder:
		return f.re
	case *runFinder:
		return f.re
	}
	panic("unknown finder")
}

// findTokens build texts dense in what the patterns look for, including the
// case folds, white space and broken UTF-8 the finders must not get wrong.
var findTokens = []string{
	"laut", "Laut", "LAUT", "lAuT", "wie", "Wie", "WIE", "wİe", "wıe", "der", "die", "das", "dem", "des",
	"einem", "einer", "Einem", "den", "Nachrichtenagentur", "Zeitung", "Bloomberg", "Daily NK", "New York Post",
	"„", "“", "”", "\"", "‚", "‘", "«", "»", "berichtet", "berichtete", "schreibt", "schrieb", "meldet",
	"meldete", "mitteilte", "Veröffentlichung", "unter Berufung auf", "Unter berufung AUF", "unter  Berufung auf",
	"zufolge", "Zufolge", "nach Angaben", "Nach angaben", "NACH ANGABEN", "nach", "Nach", "von", "russischen",
	"Angaben", "angaben", "derselben", "derſelben", "der gleichen", "dieser", "Quelle", "sagte", "erklärte",
	"behauptete", "betonte", "verkündete", "warnte", "zumindest", "jüngst", "Militärexperte", "Igor",
	"Korotchenko", "Er", "Sie", "Council", "for", "of", "Foreign", "Relations", "südkoreanischen", "Bericht",
	"und", "westlicher", "Geheimdienste", ",", ".", ";", ":", "!", "?", "-", "&", "'", "3", "2024", "\t", "\n",
	"\u00a0", "\u212a", "ſ", "\xff", "\xe2\x80", "ä", "Ö", "x", "Xzufolge", "Foo.zufolge", "(", ")", "e.V.",
	"Reuters-Berichten", "Bild", "TASS", "Sprecher", "Sekretär", "Schoigu", "Sergei",
}

func findTexts(n int) []string {
	texts := []string{"", "laut", "zufolge", " zufolge", "Bloomberg zufolge", "nach Angaben des Amtes"}
	entries, _ := fs.ReadDir(Default(), ".")
	var files [][]byte
	for _, e := range entries {
		data, _ := fs.ReadFile(Default(), e.Name())
		files = append(files, data)
	}
	for _, data := range append(files, generatedArticles(10)...) {
		a, err := Parse("t.txt", data)
		if err != nil {
			panic(err)
		}
		for _, p := range a.Paragraphs {
			texts = append(texts, p.Text)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	seps := []string{" ", " ", " ", " ", "", "  ", ", "}
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(findTokens[rng.IntN(len(findTokens))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestFindersMatchRegexps(t *testing.T) {
	for _, text := range findTexts(2000) {
		checkFinders(t, text)
	}
}

func checkFinders(t *testing.T, text string) {
	t.Helper()
	for name, f := range finders() {
		want := finderRegexp(f).FindAllStringSubmatchIndex(text, -1)
		if got := f.findAll(text, asciiLower(text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on %q:\n got %v\nwant %v", name, text, got, want)
		}
	}
	if got, want := lowerText(text), strings.ToLower(text); got != want {
		t.Fatalf("lowerText(%q) = %q, want %q", text, got, want)
	}
	if got, want := outletMentions(text), outletMentionsPlain(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("outletMentions(%q) = %v, want %v", text, got, want)
	}
	if spacedOnce(text) && strings.Join(strings.Fields(text), " ") != text {
		t.Fatalf("spacedOnce(%q) but its fields join to something else", text)
	}
	if !glued(text) && ungluePlain(text) != text {
		t.Fatalf("glued(%q) is false but unglue changes it", text)
	}
}

func FuzzFinders(f *testing.F) {
	for _, text := range findTexts(50) {
		f.Add(text)
	}
	f.Fuzz(checkFinders)
}

// outletMentionsPlain is outletMentions as one search per outlet.
func outletMentionsPlain(text string) []found {
	var out []found
	for _, o := range knownOutlets {
		for from := 0; ; {
			i := strings.Index(text[from:], o)
			if i < 0 {
				break
			}
			i += from
			end := i + len(o)
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[end:])
			if (i == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
				out = append(out, found{i, o})
			}
			from = end
		}
	}
	return out
}

// ungluePlain is unglue without the glued shortcut.
func ungluePlain(s string) string {
	var b strings.Builder
	r := []rune(s)
	last := 0
	for i := 2; i+2 < len(r); i++ {
		if strings.ContainsRune(".:!?", r[i]) && unicode.IsLower(r[i-1]) && unicode.IsLower(r[i-2]) &&
			unicode.IsUpper(r[i+1]) && unicode.IsLower(r[i+2]) {
			b.WriteString(string(r[last : i+1]))
			b.WriteByte(' ')
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(string(r[last:]))
	return b.String()
}
