package german

import (
	"bufio"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verb paradigms from the Ding dictionary (trans-de-en). A verb's entry
// lists its forms in the sub-entries after the infinitives, aligned with
// them: "finden; auffinden {vt} | findend; auffindend | gefunden;
// aufgefunden | er/sie findet | ich/er/sie fand". The strong and irregular
// verbs change their stem vowel ("umgibt": umgeben, "schloss":
// schließen, "fand": finden), which no ending rule finds; the dictionary
// has their forms, so no list of strong verbs has to be written by hand.
type paradigms struct {
	lemmas [][]string       // each verb's forms, the infinitive first
	byForm map[string][]int // a form's verbs (indexes into lemmas)
}

// pronouns are the words Ding puts before a finite form ("er/sie
// findet", "er/sie hat/hatte gefunden"); they are dropped.
var pronouns = map[string]bool{
	"ich": true, "du": true, "er": true, "sie": true, "es": true, "wir": true, "ihr": true,
	"er/sie": true, "ich/er/sie": true, "wir/sie": true, "er/sie/es": true, "ich/er/sie/es": true,
	"hat/hatte": true, "ist/war": true, "hat": true, "ist": true, "sich": true,
}

// LoadForQueries reads now what building a search query looks up — the
// word lists (sorted, for linking elements) and the verb paradigms —
// instead of in the first search: a fifth of a second on an idle machine,
// seconds on a loaded one, which would otherwise count against that
// search's deadline. Missing data is returned but only means fewer forms.
func (d *Data) LoadForQueries() error {
	werr := d.loadWords()
	if werr == nil {
		d.words.sortedWords()
	}
	return errors.Join(werr, d.loadVerbs())
}

func (d *Data) loadVerbs() error {
	if d == nil {
		return ErrNotInstalled
	}
	d.verbsOnce.Do(func() {
		v, err := readParadigms(d.paths.Ding)
		if err != nil {
			d.verbsErr = err
			return
		}
		d.verbs = v
	})
	return d.verbsErr
}

func readParadigms(path string) (*paradigms, error) {
	f, err := open(path, "trans-de-en")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p := &paradigms{byForm: make(map[string][]int, 100_000)}
	lemma := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, "{v") {
			continue
		}
		de, _, ok := strings.Cut(line, " :: ")
		if !ok {
			continue
		}
		p.addEntry(de, lemma)
	}
	return p, sc.Err()
}

// addEntry reads one Ding entry's German side. Only the infinitives of
// one word count (not "sitzen lassen"), and a sub-entry only when it has
// as many alternatives as the first, each one word: an entry's usage
// examples do not line up with its infinitives.
func (p *paradigms) addEntry(de string, lemma map[string]int) {
	subs := strings.Split(de, " | ")
	if !strings.Contains(subs[0], "{v") {
		return
	}
	heads := strings.Split(subs[0], "; ")
	ids := make([]int, len(heads))
	any := false
	for i, h := range heads {
		ids[i] = -1
		inf, ok := verbWord(h)
		if !ok || !(strings.HasSuffix(inf, "en") || strings.HasSuffix(inf, "rn") || strings.HasSuffix(inf, "ln") || inf == "tun" || inf == "sein") {
			continue
		}
		id, ok := lemma[inf]
		if !ok {
			id = len(p.lemmas)
			lemma[inf] = id
			p.lemmas = append(p.lemmas, []string{inf})
			p.byForm[inf] = append(p.byForm[inf], id)
		}
		ids[i] = id
		any = true
	}
	if !any {
		return
	}
	for _, sub := range subs[1:] {
		alts := strings.Split(sub, "; ")
		if len(alts) != len(heads) {
			continue
		}
		for i, a := range alts {
			if ids[i] < 0 {
				continue
			}
			form, ok := verbWord(a)
			if !ok || !sameVerb(p.lemmas[ids[i]][0], form) {
				continue
			}
			p.add(ids[i], form)
		}
	}
}

func (p *paradigms) add(id int, form string) {
	for _, f := range p.lemmas[id] {
		if f == form {
			return
		}
	}
	p.lemmas[id] = append(p.lemmas[id], form)
	p.byForm[form] = append(p.byForm[form], id)
}

// verbWord is the one lower-case word of a Ding alternative once its notes,
// object placeholders (etw., jdm.) and pronouns are dropped; false when
// there is not exactly one, or it has other characters than letters.
func verbWord(s string) (string, bool) {
	var word string
	n := 0
	for _, f := range strings.Fields(stripNotes(s)) {
		if pronouns[f] || strings.ContainsAny(f, "./") {
			continue
		}
		word = f
		n++
	}
	if n != 1 || utf8.RuneCountInString(word) < 2 {
		return "", false
	}
	for _, r := range word {
		if !unicode.IsLower(r) {
			return "", false
		}
	}
	return word, true
}

// sameVerb guards against a sub-entry that lines up by chance: every form
// of a German verb starts as its infinitive does, after the participle's
// ge- ("gefunden", "fand": finden). The few that do not (essen: aß) are
// lost, which only costs a match.
func sameVerb(inf, form string) bool {
	r1, _ := utf8.DecodeRuneInString(inf)
	r2, _ := utf8.DecodeRuneInString(form)
	if r1 == r2 {
		return true
	}
	rest, ok := strings.CutPrefix(form, "ge")
	r3, _ := utf8.DecodeRuneInString(rest)
	return ok && r3 == r1
}

// VerbForms returns the forms the dictionary lists for the verbs a
// lower-case word is a form of, infinitive first, the word itself left
// out: "umgibt" → umgeben, umgab, … . A word the dictionary lacks is read
// as a prefix and a form it has, when the prefix and the form's infinitive
// make a word of the word lists: "umgibt" is um + gibt, gibt a form of
// geben, and "umgeben" is a word, so the forms are um + those of geben.
// It returns nil when the word is no known verb form or the dictionary is
// not installed.
func (d *Data) VerbForms(w string) []string {
	if d.loadVerbs() != nil || utf8.RuneCountInString(w) < 2 {
		return nil
	}
	out := d.verbs.formsOf("", d.verbs.byForm[w], w, nil)
	// A prefixed verb's own entry often lists only its participles
	// ("umgeben | umgebend | umgeben"), so the base's forms are added
	// whether or not the word is listed. The longest listed form at the
	// end counts, at least three letters, after a prefix of at least two.
	for i := range w {
		if i < 2 || !utf8.RuneStart(w[i]) || utf8.RuneCountInString(w[i:]) < 3 {
			continue
		}
		prefix, rest := w[:i], w[i:]
		if prefix == "ge" {
			continue // the participle's ge- is no prefix: "gelegen" is liegen's, not legen's
		}
		var keep []int
		for _, id := range d.verbs.byForm[rest] {
			if d.IsWord(prefix + d.verbs.lemmas[id][0]) {
				keep = append(keep, id)
			}
		}
		if keep != nil {
			return d.verbs.formsOf(prefix, keep, w, out)
		}
	}
	return out
}

// formsOf appends to out the forms of the verbs ids with prefix before
// them, leaving out w and the forms out has.
func (p *paradigms) formsOf(prefix string, ids []int, w string, out []string) []string {
	seen := map[string]bool{w: true}
	for _, f := range out {
		seen[f] = true
	}
	for _, id := range ids {
		for _, f := range p.lemmas[id] {
			if f = prefix + f; !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
