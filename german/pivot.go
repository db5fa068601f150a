package german

import (
	"bufio"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The English side of Ding read the other way: the English words a German
// word is given for. Two German nouns that render one narrow English word
// name one thing ("Ausleihe", "Entleihe": "lending"), a pivot the
// thesaurus does not have for every pair. How narrow an English word is
// the dictionary says too: "loan" is given for a handful of German words,
// "issue" for three dozen.
type pivot struct {
	english []string           // English renderings by id
	germans []int32            // per English id: how many German headwords render it
	byWord  map[string][]int32 // German headword or plural as written → English ids
	heads   [][]string         // per English id: its German headwords, when few
	byKey   map[string]int32   // English rendering → id
}

// maxListedHeads is how many German headwords an English rendering may
// have for Germans to list them: a broad word's list is no use.
const maxListedHeads = 12

// English is one English rendering of a German word and how many German
// headwords Ding gives that rendering for: few for a narrow word
// ("lending"), many for a broad one ("issue", "position"). A verb's
// renderings are English verbs with their "to" ("to borrow"), counted
// among the verbs, so that no noun Ding happens to render alike ("borrow"
// for a barrow) counts against them.
type English struct {
	Word    string
	Germans int
}

// English returns the English renderings Ding gives a German noun or verb
// as written (a noun's singular or plural capitalised as Ding lists it, a
// verb's infinitive in lower case), in the order of the dictionary; nil for a word Ding does
// not list as a headword and when trans-de-en is not installed. Only
// headword entries count, not usage examples: "Ausleihe" gives "loan",
// "issue" and "lending", each with the number of German headwords it
// renders.
func (d *Data) English(w string) []English {
	if d.loadPivot() != nil {
		return nil
	}
	ids := d.pivot.byWord[w]
	if len(ids) == 0 {
		return nil
	}
	out := make([]English, len(ids))
	for i, id := range ids {
		out[i] = English{d.pivot.english[id], int(d.pivot.germans[id])}
	}
	return out
}

// Germans returns the German headwords Ding gives an English rendering as
// English returns it ("lending", "to borrow"), sorted; nil for an unknown
// rendering, for one of more than a dozen headwords, and when
// trans-de-en is not installed.
func (d *Data) Germans(english string) []string {
	if d.loadPivot() != nil {
		return nil
	}
	id, ok := d.pivot.byKey[english]
	if !ok {
		return nil
	}
	return d.pivot.heads[id]
}

// LoadForComparison reads now what comparing two claims looks up (the
// English renderings of Ding, seconds and some 50 MB), so that the first
// article a bot indexes does not wait for it.
func (d *Data) LoadForComparison() error { return d.loadPivot() }

func (d *Data) loadPivot() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.pivotOnce.Do(func() {
		p, err := readPivot(d.paths.Ding)
		if err != nil {
			d.pivotErr = err
			return
		}
		d.pivot = p
	})
	return d.pivotErr
}

// readPivot reads Ding's noun and verb entries: the headword sub-entry's
// German alternatives against its English ones, and a noun's plural
// sub-entry ("Ausleihen {pl}") against the headword's English, so that
// the plural a newspaper counts with finds the same words.
func readPivot(path string) (*pivot, error) {
	f, err := open(path, "trans-de-en")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p := &pivot{byWord: make(map[string][]int32, 150_000)}
	ids := make(map[string]int32, 200_000)
	heads := make(map[int32]map[string]bool, 200_000)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var words, plurals, keys []string
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		de, en, ok := strings.Cut(line, " :: ")
		if !ok {
			continue
		}
		deSubs := strings.SplitN(de, " | ", 3)
		head := deSubs[0]
		noun := strings.Contains(head, "{m") || strings.Contains(head, "{f") || strings.Contains(head, "{n") || strings.Contains(head, "{pl")
		if !noun && !strings.Contains(head, "{v") {
			continue
		}
		words = pivotWords(head, noun, words[:0])
		if len(words) == 0 {
			continue
		}
		plurals = plurals[:0]
		if noun && len(deSubs) > 1 && strings.Contains(deSubs[1], "{pl") {
			plurals = pivotWords(deSubs[1], true, plurals)
		}
		enHead, _, _ := strings.Cut(en, " | ")
		keys = keys[:0]
		for _, e := range strings.Split(enHead, "; ") {
			if k := pivotKey(e); k != "" {
				if !noun {
					k = "to " + k // a verb's renderings are not a noun's
				}
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			id, ok := ids[k]
			if !ok {
				id = int32(len(p.english))
				ids[k] = id
				p.english = append(p.english, k)
				heads[id] = map[string]bool{}
			}
			for _, w := range words {
				heads[id][w] = true
				p.link(w, id)
			}
			for _, w := range plurals {
				p.link(w, id)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	p.germans = make([]int32, len(p.english))
	p.heads = make([][]string, len(p.english))
	for id, hs := range heads {
		p.germans[id] = int32(len(hs))
		if len(hs) <= maxListedHeads {
			ws := make([]string, 0, len(hs))
			for w := range hs {
				ws = append(ws, w)
			}
			sort.Strings(ws)
			p.heads[id] = ws
		}
	}
	p.byKey = ids
	return p, nil
}

func (p *pivot) link(w string, id int32) {
	for _, x := range p.byWord[w] {
		if x == id {
			return
		}
	}
	p.byWord[w] = append(p.byWord[w], id)
}

// pivotWords are the one-word alternatives of a German sub-entry, lower
// without notes, object placeholders and "sich", as written: a noun must
// start with a capital, a verb must not, so that the noun "Stellen" and
// the verb "stellen" keep their own renderings.
func pivotWords(sub string, noun bool, out []string) []string {
	for _, alt := range strings.Split(sub, "; ") {
		var word string
		n := 0
		for _, f := range strings.Fields(stripNotes(alt)) {
			if pronouns[f] || strings.ContainsAny(f, "./") || f == "jdm" || f == "jdn" {
				continue
			}
			word = f
			n++
		}
		if n != 1 || utf8.RuneCountInString(word) < 3 || strings.ContainsAny(word, "-'’") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(word)
		if noun != unicode.IsUpper(r) {
			continue
		}
		out = append(out, word)
	}
	return out
}

// pivotKey is the form an English rendering is compared in: lower case,
// notes and "to" dropped, at most two words ("residential house"); ""
// for a phrase or an abbreviation.
func pivotKey(e string) string {
	fs := strings.Fields(normalizeKey(e))
	n := 0
	for _, f := range fs {
		if !objectWords[f] {
			fs[n] = f
			n++
		}
	}
	k := strings.Join(fs[:n], " ")
	if k == "" || n > 2 || strings.IndexFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' && r != '-' }) >= 0 || strings.HasPrefix(k, "-") {
		return ""
	}
	return k
}

// objectWords are the placeholders of an English rendering: "to borrow
// sth. (from sb.)" is "borrow".
var objectWords = map[string]bool{"sth.": true, "sb.": true, "sth": true, "sb": true, "sb.'s": true, "sb.’s": true, "oneself": true}
