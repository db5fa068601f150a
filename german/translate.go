package german

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Translation is one German rendering of an English word or phrase.
// Weight is 1 for the most common rendering and less for the others, in
// proportion to how much the dictionaries favour them.
type Translation struct {
	German string
	Weight float64
}

// Translation limits: the renderings kept per English key, and the weight
// below which a rendering is dropped as too unlikely to be meant.
const (
	maxTranslations = 6
	minWeight       = 0.15
	maxKeyWords     = 2
)

// Translate returns the German renderings of an English word or phrase
// (any case), most common first; nil when the dictionaries do not know it
// or are not installed. Ambiguous words get several weighted renderings
// ("bank": Bank, Ufer). Both dictionaries contribute: Ding's entries give
// the pairs and their order within an entry, FreeDict's (made from Ding,
// but one entry per sense, with usage examples) rank the senses.
func (d *Data) Translate(english string) []Translation {
	if d.loadDict() != nil {
		return nil
	}
	return d.dict[normalizeKey(english)]
}

func (d *Data) loadDict() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.dictOnce.Do(func() {
		// Candidates per English key, as indexes into germans; a key has
		// few, so a slice searched linearly beats a map per key.
		type cand struct {
			g int32
			w float64
		}
		scores := make(map[string][]cand, 300_000)
		ids := make(map[string]int32, 200_000)
		var germans []string
		add := func(key, de string, w float64) {
			id, ok := ids[de]
			if !ok {
				id = int32(len(germans))
				ids[de] = id
				germans = append(germans, de)
			}
			cs := scores[key]
			for i := range cs {
				if cs[i].g == id {
					cs[i].w += w
					return
				}
			}
			scores[key] = append(cs, cand{id, w})
		}
		freq := make(map[string]int, 400_000)
		errDing := readDing(d.paths.Ding, add, freq)
		errFD := readFreeDict(d.paths.FreeDictIndex, d.paths.FreeDictDict, add)
		if errDing != nil && errFD != nil {
			d.dictErr = errors.Join(errDing, errFD)
			return
		}
		common := make([]float64, len(germans))
		for i, g := range germans {
			common[i] = commonness(g, freq)
		}
		d.dict = make(map[string][]Translation, len(scores))
		for key, cs := range scores {
			ts := make([]Translation, len(cs))
			for i, c := range cs {
				ts[i] = Translation{germans[c.g], c.w * common[c.g]}
			}
			sort.Slice(ts, func(i, j int) bool {
				if ts[i].Weight != ts[j].Weight {
					return ts[i].Weight > ts[j].Weight
				}
				return ts[i].German < ts[j].German
			})
			top := ts[0].Weight
			n := 0
			for _, t := range ts {
				if n == maxTranslations || t.Weight/top < minWeight {
					break
				}
				ts[n] = Translation{t.German, t.Weight / top}
				n++
			}
			d.dict[key] = ts[:n:n]
		}
	})
	d.dictDone.Store(true)
	return d.dictErr
}

// LoadDictionaries reads the dictionaries now (seconds of CPU, once per
// process) instead of on the first Translate, for a program that would
// rather pay that at start than in its first English search.
func (d *Data) LoadDictionaries() error { return d.loadDict() }

// DictionariesLoaded says whether the dictionaries have been read (or
// found missing), so that Translate would answer without reading them.
func (d *Data) DictionariesLoaded() bool { return d != nil && d.dictDone.Load() }

// stripNotes removes the bracketed notes of both dictionaries: {f} {pl}
// genders, [geol.] fields, (explanations), <masc> and <v> labels.
func stripNotes(s string) string {
	if !strings.ContainsAny(s, "{[(<") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '{', '[', '(', '<':
			depth++
		case '}', ']', ')', '>':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// normalizeKey is the form English keys are stored and looked up in:
// lowercased, without notes, a verb without its "to".
func normalizeKey(s string) string {
	s = strings.ToLower(stripNotes(s))
	s = strings.TrimPrefix(s, "to ")
	return strings.Join(strings.Fields(s), " ")
}

// usableKey and usableGerman leave out what a query cannot use: long
// phrases, and renderings with placeholders (etw., jdn.) or alternatives.
func usableKey(k string) bool {
	return k != "" && strings.Count(k, " ") < maxKeyWords && !strings.ContainsAny(k, "/….;,")
}

func usableGerman(g string) bool {
	return g != "" && strings.Count(g, " ") < 3 && !strings.ContainsAny(g, "/….;,") && !strings.Contains(g, "etw") && !strings.Contains(g, "jd")
}

// readDing reads "German :: English" lines. Both sides are " | "-separated
// subentries (headword, then inflected forms or phrases) whose
// "; "-separated alternatives translate each other; an alternative earlier
// in its list, and the headword subentry, count more.
//
// It also counts how many lines each German word occurs in (freq): a
// common word occurs in many entries, phrases and compounds' explanations,
// which is the only measure of commonness the dictionaries offer.
func readDing(path string, add func(key, de string, w float64), freq map[string]int) error {
	f, err := open(path, "trans-de-en")
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		de, en, ok := strings.Cut(line, " :: ")
		if !ok {
			continue
		}
		countWords(de, freq)
		deSubs, enSubs := strings.Split(de, " | "), strings.Split(en, " | ")
		for i := 0; i < len(deSubs) && i < len(enSubs); i++ {
			sub := 1.0
			if i > 0 {
				sub = 0.5
			}
			deAlts := strings.Split(deSubs[i], "; ")
			for _, e := range strings.Split(enSubs[i], "; ") {
				key := normalizeKey(e)
				if !usableKey(key) {
					continue
				}
				for j, g := range deAlts {
					if g = stripNotes(g); usableGerman(g) {
						add(key, g, sub/float64(1+j))
					}
				}
			}
		}
	}
	return sc.Err()
}

// readFreeDict reads the dictd database. Each index line is "headword TAB
// offset TAB length" (base64 numbers); a headword has one entry per sense,
// the common senses first. An entry is the headword line, the renderings
// (", "-separated) up to the first indented line, then indented usage
// examples, notes and cross references. A sense weighs less the later it
// comes and more the more examples it has.
func readFreeDict(indexPath, dictPath string, add func(key, de string, w float64)) error {
	idx, err := open(indexPath, "dict-freedict-eng-deu")
	if err != nil {
		return err
	}
	defer idx.Close()
	dz, err := open(dictPath, "dict-freedict-eng-deu")
	if err != nil {
		return err
	}
	defer dz.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(dz, 1<<20))
	if err != nil {
		return err
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(idx)
	sense := map[string]int{}
	for sc.Scan() {
		head, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(head, "00-database") {
			continue
		}
		offS, lenS, ok := strings.Cut(rest, "\t")
		if !ok {
			continue
		}
		off, n := b64(offS), b64(lenS)
		if off < 0 || n < 0 || off+n > len(body) {
			continue
		}
		key := normalizeKey(head)
		if !usableKey(key) {
			continue
		}
		k := sense[key]
		sense[key] = k + 1
		entry := body[off : off+n]
		// The renderings are the lines after the headword up to the
		// first indented one; examples are indented and quoted.
		_, after, _ := bytes.Cut(entry, []byte("\n"))
		var rend []string
		for len(after) > 0 && after[0] != ' ' {
			var l []byte
			l, after, _ = bytes.Cut(after, []byte("\n"))
			if len(l) > 0 {
				rend = append(rend, string(l))
			}
		}
		examples := bytes.Count(after, []byte("\n      \"")) + bytes.Count(after[:min(len(after), 7)], []byte("      \""))
		w := (1 + 0.25*float64(min(examples, 8))) / float64(1+k)
		j := 0
		for _, r := range rend {
			for _, g := range strings.Split(r, ", ") {
				if g = stripNotes(g); usableGerman(g) {
					add(key, g, w/float64(1+j))
					j++
				}
			}
		}
	}
	return sc.Err()
}

// b64 decodes a dictd index number (base64 digits, most significant first).
func b64(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v int
		switch {
		case c >= 'A' && c <= 'Z':
			v = int(c - 'A')
		case c >= 'a' && c <= 'z':
			v = int(c-'a') + 26
		case c >= '0' && c <= '9':
			v = int(c-'0') + 52
		case c == '+':
			v = 62
		case c == '/':
			v = 63
		default:
			return -1
		}
		n = n*64 + v
	}
	return n
}

// countWords adds one to freq for each distinct lowercased word of s.
func countWords(s string, freq map[string]int) {
	var seen [16]string
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		dup := false
		for _, p := range seen[:n] {
			if p == w {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if n < len(seen) {
			seen[n] = w
			n++
		}
		freq[w]++
	}
}

// commonness scales a rendering's dictionary evidence by how common it is:
// the logarithm of the line count of its rarest word.
func commonness(de string, freq map[string]int) float64 {
	f := -1
	for _, w := range strings.Fields(strings.ToLower(de)) {
		if c := freq[w]; f < 0 || c < f {
			f = c
		}
	}
	return math.Log(2 + float64(max(f, 0)))
}
