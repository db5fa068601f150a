package german

import (
	"bufio"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordSet is every word form of the word lists, lowercased. Acronyms
// (all capitals) are left out: as compound parts they would split ordinary
// words ("Verlust" is not "VER" + "Lust").
type wordSet struct {
	m map[string]struct{}
}

func (d *Data) loadWords() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.wordsOnce.Do(func() {
		ws := &wordSet{m: make(map[string]struct{}, 450_000)}
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
		ws.m[strings.ToLower(line)] = struct{}{}
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
	return d.words.split(w, 0)
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
		if ws.has(head) {
			// A head starting with s after a modifier that takes the
			// linking s is read with the s: "Arbeitsamt" is Arbeit + Amt,
			// not Arbeit + Samt.
			if head[0] == 's' && n-letters-1 >= minPart && ws.has(head[1:]) {
				if mods := ws.modifier(w[:i+1], depth); mods != nil {
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

// modifier returns the parts of what precedes a head: one word without its
// linking element, or the parts of a compound.
func (ws *wordSet) modifier(m string, depth int) []string {
	for _, f := range fugen {
		if s, ok := strings.CutSuffix(m, f); ok && utf8.RuneCountInString(s) >= minPart && ws.has(s) {
			return []string{s}
		}
	}
	if ws.has(m) {
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
