package german

import (
	"bufio"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// wordSet is every word form of the word lists, lowercased. Acronyms
// (all capitals) are left out: as compound parts they would split ordinary
// words ("Verlust" is not "VER" + "Lust").
type wordSet struct {
	// m holds whether the word is a noun: the lists capitalise nouns, as
	// German does, so a form seen capitalised is one.
	m map[string]bool

	// sorted is m's words in order, for takesS's prefix scan; built on
	// its first use.
	sortOnce sync.Once
	sorted   []string
	// linking memoises takesS per modifier.
	linkMu  sync.Mutex
	linking map[string]bool
}

func (d *Data) loadWords() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.wordsOnce.Do(func() {
		ws := &wordSet{m: make(map[string]bool, 450_000)}
		var errs []error
		loaded := 0
		for _, src := range []struct{ path, pkg string }{{d.paths.WordList, "wngerman"}, {d.paths.Hunspell, "hunspell-de-de"}} {
			if err := ws.read(src.path, src.pkg); err != nil {
				errs = append(errs, err)
				continue
			}
			loaded++
		}
		if loaded == 0 {
			d.wordsErr = errors.Join(errs...)
			return
		}
		d.words = ws
	})
	return d.wordsErr
}

func (ws *wordSet) read(path, pkg string) error {
	f, err := open(path, pkg)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first && strings.HasSuffix(path, ".dic") {
			// A hunspell .dic starts with its entry count.
			first = false
			continue
		}
		first = false
		if i := strings.IndexByte(line, '/'); i >= 0 {
			line = line[:i] // hunspell affix flags
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.ContainsAny(line, " \t.") || isAcronym(line) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line)
		lw := strings.ToLower(line)
		ws.m[lw] = ws.m[lw] || unicode.IsUpper(r)
	}
	return sc.Err()
}

func isAcronym(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper > 1
}

// IsWord reports whether a lowercased word form is in the word lists. It is
// false for every word when the lists are not installed.
func (d *Data) IsWord(w string) bool {
	if d.loadWords() != nil {
		return false
	}
	_, ok := d.words.m[w]
	return ok
}

// WordCount is the number of word forms loaded (0 when not installed).
func (d *Data) WordCount() int {
	if d.loadWords() != nil {
		return 0
	}
	return len(d.words.m)
}

// Compound splitting limits, in letters: shorter parts are too often a
// chance match ("Bestand" is not "Bes" + "Tand").
const (
	minPart     = 3
	minCompound = MinCompound
	maxDepth    = 3
)

// MinCompound is the fewest letters a word needs for SplitCompound to split
// it (two parts of at least three letters): a caller splitting every word
// of a text can pass over the shorter ones without asking.
const MinCompound = 6

// fugen are the linking elements between a compound's parts, longest first
// so that "Todes" becomes "Tod" rather than "Tode". A modifier loses one
// whenever what is left is a word: "arbeitslosen" is a word form itself,
// but in "Arbeitslosenquote" the part is "arbeitslos".
var fugen = []string{"ens", "es", "en", "er", "s", "n", "e"}

// sFugen are the linking elements with an s, which German puts after nouns
// only, the lists' nouns or an infinitive used as one ("Vertrauensfrage",
// "wünschenswert"): "Hausstaub" is Haus + Staub, not hau (of hauen) +
// Staub.
var sFugen = map[string]bool{"ens": true, "es": true, "s": true}

// infinitive reports whether w ends as a German infinitive does, which
// German uses as a noun (das Vorgehen) where the lists have only the verb.
func infinitive(w string) bool {
	return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "eln")
}

// SplitCompound splits a lowercased German compound into its parts, head
// (the last part, which names what the compound is) last:
// "koalitionsregierung" → koalition, regierung; "arbeitslosenquote" →
// arbeitslos, quote. The head is the longest final word of the word list
// whose rest is a word or splits in turn. It returns nil for a word that
// is not a compound of listed words, and when the lists are not installed.
func (d *Data) SplitCompound(w string) []string {
	if d.loadWords() != nil || utf8.RuneCountInString(w) < minCompound {
		return nil
	}
	parts := d.words.split(w, 0)
	if parts == nil || !d.words.has(w) {
		return parts
	}
	// An inflected form of a word that is no compound is none either:
	// "spannungen" is Spannung + -en, not Span + nun + Gen. Asked only
	// of the words that split, so the rest cost nothing more.
	for _, end := range inflections {
		if base, ok := strings.CutSuffix(w, end); ok && utf8.RuneCountInString(base) >= minCompound && d.words.has(base) && d.words.split(base, 0) == nil {
			return nil
		}
	}
	return parts
}

// inflections are the endings of German plural and case forms.
var inflections = []string{"en", "n", "e", "es", "s", "er"}

// functionWords are words of the lists that are never a compound's part:
// articles, pronouns, the forms of sein, haben and werden, conjunctions,
// particles and a preposition's contraction with das ("aufs"). As parts
// they are chance matches of a few letters inside a word ("Warschau" is
// not war + Schau, "Mannschaft" not man + Schaft, "Aufstand" not aufs +
// Tand). Prepositions stay out of the list: they are modifiers of many
// compounds ("Vorort", "Niederrhein").
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`der die das den dem des ein eine einer eines einem einen
		ich du er sie es wir ihr ihm ihn uns euch mir dir sich man
		mein dein sein unser euer ihre seine meine deine
		bin bist ist sind seid war warst waren wart wird werde wirst werden wurde wurden
		hat habe hast haben hatte hatten
		und oder aber denn doch sondern dass weil wenn als wie ob
		nun schon noch nur auch nie dann hier dort sehr ganz gen
		was wer wen wem wo wann
		ans aufs durchs fürs ins ums übers unters vors`) {
		functionWords[w] = true
	}
}

// part reports whether w may be a part of a compound.
func (ws *wordSet) part(w string) bool {
	return ws.has(w) && !functionWords[w]
}

func (ws *wordSet) has(w string) bool {
	_, ok := ws.m[w]
	return ok
}

func (ws *wordSet) split(w string, depth int) []string {
	// i runs over the rune boundaries that leave minPart letters on both
	// sides, from the left: the first head found is the longest.
	n := utf8.RuneCountInString(w)
	i, letters := 0, 0
	for i < len(w) && letters < minPart {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		letters++
	}
	for ; i < len(w) && n-letters >= minPart; letters++ {
		head := w[i:]
		if ws.part(head) && !suffixHeads[head] {
			// A head starting with s after a modifier that takes the
			// linking s is read with the s: "Arbeitsamt" is Arbeit + Amt,
			// not Arbeit + Samt.
			// Unless only the head with the s is a noun (a compound's
			// head is one: "Touristenstrecken" is Touristen + Strecken,
			// not Tourist + trecken) or the modifier ends in -er or -en,
			// after which German puts no linking s ("Wasserstand").
			// And only after a modifier the lists show with a linking s
			// elsewhere: "Bahnsteig" is Bahn + Steig, not Bahn + Teig,
			// though both heads are nouns.
			if head[0] == 's' && n-letters-1 >= minPart && ws.part(head[1:]) && (ws.m[head[1:]] || !ws.m[head]) && !linksWithoutS(w[:i]) {
				if mods := ws.modifier(w[:i+1], depth); mods != nil && ws.linkingS(w[:i+1], mods[len(mods)-1]) {
					return append(mods, head[1:])
				}
			}
			if mods := ws.modifier(w[:i], depth); mods != nil {
				return append(mods, head)
			}
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return nil
}

// linkingS reports whether the s that ends m, whose last part is last, may
// be read as a linking s: when it is the own letter of a noun ("Haustier"
// is Haus + Tier), or when the modifier before it, with the linking element
// it had (Bund-e-s), takes a linking s (takesS).
func (ws *wordSet) linkingS(m, last string) bool {
	if strings.HasSuffix(m, last) {
		return ws.m[last] // "aufs" (auf das) ends in s too, but is no noun
	}
	i := strings.LastIndex(m, last)
	if i < 0 {
		return false
	}
	return ws.takesS(m[i : len(m)-1])
}

// sSuffixes are the noun suffixes after which German always puts the
// linking s (Operationssaal, Kennungsteil, Universitätsstadt), whether or
// not the lists hold a compound that shows it.
var sSuffixes = []string{"ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum"}

// takesS reports whether the lists show the modifier m with a linking s:
// a compound of theirs that is m + s + a word, where s + that word is none
// ("arbeitsplatz": Arbeit takes the s, as "Arbeitsamt" needs). "Bahn" has
// no such compound (Bahnhof, Bahnsteig, Bahnstrecke), so "Bahnsteig" is
// Bahn + Steig, not Bahn + Teig.
// sortedWords is the word forms in order, sorted on the first call.
func (ws *wordSet) sortedWords() []string {
	ws.sortOnce.Do(func() {
		ws.sorted = make([]string, 0, len(ws.m))
		for w := range ws.m {
			ws.sorted = append(ws.sorted, w)
		}
		slices.Sort(ws.sorted)
	})
	return ws.sorted
}

func (ws *wordSet) takesS(m string) bool {
	for _, suf := range sSuffixes {
		if strings.HasSuffix(m, suf) {
			return true
		}
	}
	ws.linkMu.Lock()
	v, ok := ws.linking[m]
	ws.linkMu.Unlock()
	if ok {
		return v
	}
	sorted := ws.sortedWords()
	prefix := m + "s"
	for i := sort.SearchStrings(sorted, prefix); i < len(sorted) && strings.HasPrefix(sorted[i], prefix); i++ {
		rest := sorted[i][len(prefix):]
		if utf8.RuneCountInString(rest) >= minPart && ws.part(rest) && !ws.has("s"+rest) {
			v = true
			break
		}
	}
	ws.linkMu.Lock()
	if ws.linking == nil {
		ws.linking = map[string]bool{}
	}
	ws.linking[m] = v
	ws.linkMu.Unlock()
	return v
}

// linksWithoutS reports whether a modifier ends in -er or -en, which take
// no linking s.
func linksWithoutS(m string) bool {
	return strings.HasSuffix(m, "er") || strings.HasSuffix(m, "en")
}

// suffixHeads are derivational suffixes that are also words of the lists:
// "Wirtschaft" and "Landschaften" are nouns in -schaft, not compounds of
// Schaft.
var suffixHeads = map[string]bool{"schaft": true, "schaften": true}

// modifier returns the parts of what precedes a head: one word without its
// linking element, or the parts of a compound.
func (ws *wordSet) modifier(m string, depth int) []string {
	for _, f := range fugen {
		if s, ok := strings.CutSuffix(m, f); ok && utf8.RuneCountInString(s) >= minPart && ws.part(s) && (!sFugen[f] || ws.m[s] || infinitive(s)) {
			return []string{s}
		}
	}
	if ws.part(m) {
		return []string{m}
	}
	if depth+1 >= maxDepth || utf8.RuneCountInString(m) < minCompound {
		return nil
	}
	// A compound modifier may itself end in a linking element
	// ("Bundestagswahl": bundestag-s-wahl).
	if parts := ws.split(m, depth+1); parts != nil {
		return parts
	}
	for _, f := range fugen {
		if s, ok := strings.CutSuffix(m, f); ok && utf8.RuneCountInString(s) >= minCompound {
			if parts := ws.split(s, depth+1); parts != nil {
				return parts
			}
		}
	}
	return nil
}
