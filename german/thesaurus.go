package german

import (
	"bufio"
	"strings"
)

// thesaurus maps a lowercased single word to the synonym sets
// (OpenThesaurus synsets) it belongs to. The .dat file repeats every set
// under each of its words; here each distinct set is kept once.
type thesaurus struct {
	sets  [][]string
	index map[string][]int32
	// broader holds, per set, its members marked "(Oberbegriff)": the
	// words of the broader set the entry points to ("Kind" for
	// "Erstklässler", "Droge" for "Kokain").
	broader [][]string
}

// skipMarks are the OpenThesaurus labels of entries that are not
// synonyms (broader and narrower terms) or that newspapers do not use.
var skipMarks = []string{"Oberbegriff", "Unterbegriff", "veraltet", "derb", "vulgär", "abwertend", "selten", "Jargon", "scherzhaft", "ironisch"}

func (d *Data) loadThesaurus() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.thesOnce.Do(func() {
		f, err := open(d.paths.Thesaurus, "mythes-de")
		if err != nil {
			d.thesErr = err
			return
		}
		defer f.Close()
		th := &thesaurus{index: make(map[string][]int32, 120_000)}
		seen := make(map[string]int32, 40_000)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		sc.Scan() // encoding line
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '-' || line[0] == '(' {
				continue
			}
			// "headword|count", then count lines "-|member|member…".
			_, n, ok := strings.Cut(line, "|")
			if !ok {
				continue
			}
			count := atoi(n)
			for k := 0; k < count && sc.Scan(); k++ {
				set := sc.Text()
				if _, known := seen[set]; known {
					continue
				}
				id := int32(len(th.sets))
				seen[set] = id
				members := cleanSet(set)
				th.sets = append(th.sets, members)
				th.broader = append(th.broader, broaderTerms(set))
				for _, m := range members {
					lw := strings.ToLower(m)
					th.index[lw] = append(th.index[lw], id)
				}
			}
		}
		if err := sc.Err(); err != nil {
			d.thesErr = err
			return
		}
		d.thes = th
	})
	return d.thesErr
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// cleanSet returns the single-word members of a set line without their
// labels, leaving out the labelled entries of skipMarks.
func cleanSet(line string) []string {
	fields := strings.Split(line, "|")
	var out []string
	for _, f := range fields[1:] {
		skip := false
		for _, m := range skipMarks {
			if strings.Contains(f, m) {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		if i := strings.IndexByte(f, '('); i >= 0 {
			f = f[:i]
		}
		f = strings.TrimSpace(f)
		if f == "" || strings.ContainsAny(f, " .…") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// broaderTerms returns the single-word members of a set line marked as
// broader terms, without their labels, leaving out the other labels of
// skipMarks (a dated or derogatory broader term is none a newspaper uses).
func broaderTerms(line string) []string {
	fields := strings.Split(line, "|")
	var out []string
	for _, f := range fields[1:] {
		if !strings.Contains(f, "Oberbegriff") {
			continue
		}
		skip := false
		for _, m := range skipMarks {
			if m != "Oberbegriff" && strings.Contains(f, m) {
				skip = true
				break
			}
		}
		if i := strings.IndexByte(f, '('); i >= 0 {
			f = f[:i]
		}
		f = strings.TrimSpace(f)
		if skip || f == "" || strings.ContainsAny(f, " .…") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Broader returns the broader terms OpenThesaurus gives for a word (any
// case), one level up, single words only: "Kind" for "Erstklässler",
// "Gebäude" for "Haus". A word of several senses has the broader terms of
// each ("Schwein": "Säugetier", "Beleidigung"). It is nil for an unknown
// word and when mythes-de is not installed.
func (d *Data) Broader(w string) []string {
	if d.loadThesaurus() != nil {
		return nil
	}
	lw := strings.ToLower(w)
	var out []string
	seen := map[string]bool{lw: true}
	for _, id := range d.thes.index[lw] {
		for _, m := range d.thes.broader[id] {
			if k := strings.ToLower(m); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// Synonyms returns the OpenThesaurus synonyms of a word (any case), not
// the word itself, in the order of the thesaurus: single words only,
// without broader, narrower, dated or derogatory terms. It is nil for an
// unknown word and when mythes-de is not installed.
func (d *Data) Synonyms(w string) []string {
	if d.loadThesaurus() != nil {
		return nil
	}
	lw := strings.ToLower(w)
	ids := d.thes.index[lw]
	if len(ids) == 0 {
		return nil
	}
	var out []string
	seen := map[string]bool{lw: true}
	for _, id := range ids {
		for _, m := range d.thes.sets[id] {
			if k := strings.ToLower(m); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out
}
