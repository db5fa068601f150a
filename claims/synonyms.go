package claims

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/claimbot/claimbot/german"
)

// Measured nouns that are synonyms: "Fahrgäste" and "Passagiere", "Umsatz"
// and "Erlöse", "Firmeninsolvenzen" and "Unternehmensinsolvenzen". The
// synonyms come from OpenThesaurus through package german, read at run
// time; without the data (german reports it not installed) no two
// different nouns are synonyms and the rules work as before.
//
// The thesaurus is broad: "Erlös" is listed with "Gewinn", "Stelle" with
// "Ort". A synonym counts only from a word with few synonyms, whose sense
// is narrow: "Umsatz" has three and names "Erlös"; "Gewinn" has two dozen
// and names nobody.

// lexicon is the language data head matching reads: OpenThesaurus synonyms,
// the dictionary's compound split and its English renderings. *german.Data is one; tests give a
// small fake, and without installed data both answer nothing, so every
// rule falls back to exact heads.
type lexicon interface {
	Synonyms(w string) []string
	Broader(w string) []string
	SplitCompound(w string) []string
	English(w string) []german.English
	Germans(english string) []string
	VerbForms(w string) []string
}

// germanData is the language data the synonyms come from: the process's
// german.Default, which reads its files once, on first use.
var germanData = func() lexicon { return german.Default() }

// maxSynonyms is how many synonyms a word may have for its synonyms to
// count.
const maxSynonyms = 8

type synEntry struct {
	lemma string          // the form the thesaurus knows, lower case
	syns  map[string]bool // its synonyms, lower case
}

var (
	synCache     sync.Map // noun as written → []*synEntry (none: unknown)
	synCacheSize atomic.Int64
)

const maxSynCache = 50_000

// lemmaCandidates are the forms a noun as written may have in the
// thesaurus: itself, without a case or plural ending, without the plural
// umlaut ("Fahrgäste", "Fahrgast"), "-en" for "-a" ("Firmen", "Firma").
func lemmaCandidates(w string) []string {
	lw := strings.ToLower(w)
	out := []string{lw}
	add := func(s string) {
		if len([]rune(s)) < 3 {
			return
		}
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, suf := range []string{"en", "n", "e", "s", "es", "er", "nen"} {
		if p, ok := strings.CutSuffix(lw, suf); ok {
			add(p)
		}
	}
	if p, ok := strings.CutSuffix(lw, "en"); ok {
		add(p + "a")
	}
	// a noun made of an adjective or participle is listed in its strong
	// masculine form: "Gefangene", "Gefangenen" as "Gefangener"
	if p, ok := strings.CutSuffix(lw, "en"); ok && len(p) >= 5 {
		add(p + "er")
	} else if strings.HasSuffix(lw, "e") && len(lw) >= 6 {
		add(lw + "r")
	}
	for _, c := range append([]string(nil), out...) {
		if strings.ContainsAny(c, "äöü") {
			add(strings.NewReplacer("ä", "a", "ö", "o", "ü", "u").Replace(c))
		}
	}
	return out
}

// synonymsOf looks a noun up in the thesaurus by each of its candidate
// forms ("firmen" is no form of "firm", but of "firma").
func synonymsOf(w string) []*synEntry {
	if e, ok := synCache.Load(w); ok {
		return e.([]*synEntry)
	}
	var entries []*synEntry
	d := germanData()
	for _, c := range lemmaCandidates(w) {
		syn := d.Synonyms(c)
		if len(syn) == 0 {
			continue
		}
		e := &synEntry{lemma: c, syns: map[string]bool{}}
		for _, s := range syn {
			e.syns[strings.ToLower(s)] = true
		}
		entries = append(entries, e)
	}
	if synCacheSize.Add(1) > maxSynCache {
		synCache.Clear()
		synCacheSize.Store(0)
	}
	synCache.Store(w, entries)
	return entries
}

// synonymNouns reports two nouns as written that the thesaurus gives as
// synonyms, from a side with few synonyms.
func synonymNouns(a, b string) bool {
	if a == "" || b == "" || strings.EqualFold(a, b) {
		return false
	}
	ea, eb := synonymsOf(a), synonymsOf(b)
	if len(ea) == 0 || len(eb) == 0 {
		return false
	}
	names := func(es []*synEntry, other []*synEntry) bool {
		for _, e := range es {
			if len(e.syns) > maxSynonyms {
				continue
			}
			for _, o := range other {
				if e.syns[o.lemma] {
					return true
				}
			}
		}
		return false
	}
	return names(ea, eb) || names(eb, ea)
}

// synonymHeads reports two measured nouns that are synonyms, or compounds
// of one head whose first parts are synonyms ("Firmeninsolvenzen",
// "Unternehmensinsolvenzen"; not "Verbraucherinsolvenzen").
func synonymHeads(a, b string) bool {
	if synonymNouns(a, b) {
		return true
	}
	d := germanData()
	pa, pb := d.SplitCompound(strings.ToLower(a)), d.SplitCompound(strings.ToLower(b))
	if len(pa) < 2 && len(pb) < 2 || len(pa) == 0 || len(pb) == 0 {
		return false // (an unknown word has no parts)
	}
	firstA, lastA := strings.Join(pa[:len(pa)-1], ""), pa[len(pa)-1]
	firstB, lastB := strings.Join(pb[:len(pb)-1], ""), pb[len(pb)-1]
	switch {
	case len(pa) < 2:
		// a noun and a compound of its synonym, as "Kosten" and
		// "Baukosten" are a noun and a compound of it: "Passagiere",
		// "Bahnfahrgäste"
		return synonymNouns(a, lastB)
	case len(pb) < 2:
		return synonymNouns(lastA, b)
	case lastA == lastB:
		return synonymNouns(firstA, firstB)
	case firstA == firstB:
		// "Bahnpassagiere", "Bahnfahrgäste"
		return synonymNouns(lastA, lastB)
	}
	return false
}

// synonymKeys are the keys of a measured noun's synonyms, from an entry
// with few synonyms as synonymNouns counts them: the candidate search
// looks for "Teuerung" when the new sentence says "Inflation". Phrases
// ("Pressure-Group", "zu Tode kommen") are no measured noun.
func synonymKeys(head string, out []string) []string {
	for _, e := range synonymsOf(head) {
		if len(e.syns) > maxSynonyms {
			continue
		}
		words := make([]string, 0, len(e.syns))
		for s := range e.syns {
			if !strings.ContainsAny(s, " -") {
				words = append(words, s)
			}
		}
		// sorted, so that the search adds its scores in one order
		sort.Strings(words)
		for _, w := range words {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			if k := nounKey(string(r)); k != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

// changeSynonymKey reads a measured noun that is not itself a change
// compound through its synonyms: when those of few synonyms that are
// change compounds all name one thing and one direction ("Inflation":
// "Preissteigerung", "Preisanstieg"), the noun measures that change. A
// compound of two parts is read by its first part too: a rate of
// inflation ("Inflationsrate") is a percentage as the inflation is.
func changeSynonymKey(head string) (string, int) {
	if head == "" {
		return "", 0
	}
	if v, ok := changeSynCache.Load(head); ok {
		r := v.(changeSyn)
		return r.key, r.sign
	}
	k, sign := computeChangeSynonymKey(head)
	if changeSynCacheSize.Add(1) > maxSynCache {
		changeSynCache.Clear()
		changeSynCacheSize.Store(0)
	}
	changeSynCache.Store(head, changeSyn{k, sign})
	return k, sign
}

// changeSynCache keeps changeSynonymKey per head as written: extraction
// asks for every figure, and the compound split costs.
var (
	changeSynCache     sync.Map
	changeSynCacheSize atomic.Int64
)

type changeSyn struct {
	key  string
	sign int
}

func computeChangeSynonymKey(head string) (string, int) {
	words := []string{head}
	if parts := germanData().SplitCompound(strings.ToLower(head)); len(parts) == 2 {
		words = append(words, parts[0])
	}
	key, sign := "", 0
	for _, w := range words {
		for _, e := range synonymsOf(w) {
			if len(e.syns) > maxSynonyms {
				continue
			}
			for s := range e.syns {
				k, sg := changeNounKey(foldUmlauts(s))
				if sg == 0 || k == "" {
					continue
				}
				if key != "" && (k != key || sg != sign) {
					return "", 0 // synonyms that disagree say nothing
				}
				key, sign = k, sg
			}
		}
		if sign != 0 {
			return key, sign
		}
	}
	return "", 0
}
