package claims

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/claimbot/claimbot/german"
)

// Measured nouns that one narrow English word translates: "Entleihungen"
// and "Ausleihen" (lending), "Todesopfer" and "Toten" (fatalities). The
// thesaurus does not list every such pair, and a nominalisation it lacks
// ("Entleihung") is read through its verb ("entleihen"), which the
// dictionary has. English is the pivot: the Ding dictionary gives each
// German headword its English renderings, and for each English word how
// many German headwords it renders, which says how narrow it is ("loan"
// a few, "issue" dozens, "position" two dozen).
//
// A pair counts when the two nouns share a rendering of few German words
// and the nouns' renderings overlap: most of the smaller set is in the
// other. Both conditions leave out the broad words that join different
// things of one unit ("Stellen" and "Standorte" share "position";
// "Einnahmen" and "Ausgaben" nothing). The other gates (unit, anchors,
// time, part and whole) still apply.

// maxPivotGermans is how many German headwords an English rendering may
// translate for it to join two nouns.
const maxPivotGermans = 8

// pivotSenses are a noun's English renderings, and those of the verb it is
// made of, by how many German words each renders.
type pivotSenses struct {
	noun, verb map[string]int
}

var (
	pivotCache     sync.Map // noun as written → pivotSenses
	pivotCacheSize atomic.Int64
)

// sensesOf are the English renderings of a measured noun as written: of
// the first of its forms the dictionary lists ("Ausleihen" as "Ausleihe",
// not "Ausleih…"), and of the verb a nominalisation is made of
// ("Entleihungen", entleihen; "Ausleihe", ausleihen).
func sensesOf(w string) pivotSenses {
	if v, ok := pivotCache.Load(w); ok {
		return v.(pivotSenses)
	}
	s := computeSenses(w)
	if pivotCacheSize.Add(1) > maxSynCache {
		pivotCache.Clear()
		pivotCacheSize.Store(0)
	}
	pivotCache.Store(w, s)
	return s
}

func computeSenses(w string) pivotSenses {
	var out pivotSenses
	if utf8.RuneCountInString(w) < 4 {
		return out
	}
	d := germanData()
	add := func(m *map[string]int, es []german.English) {
		for _, e := range es {
			if *m == nil {
				*m = map[string]int{}
			}
			(*m)[e.Word] = e.Germans
		}
	}
	// the word as written, and the first of its shorter forms listed
	lw := strings.ToLower(w)
	forms := []string{lw}
	for _, f := range pivotForms(lw) {
		if es := d.English(capitalised(f)); len(es) > 0 {
			forms = append(forms, f)
			break
		}
	}
	for _, f := range forms {
		es := d.English(capitalised(f))
		add(&out.noun, es)
		if out.verb != nil {
			continue
		}
		if v := nominalisedVerb(f, len(es) > 0); v != "" {
			vs := d.English(v)
			if len(es) > 0 && !sharesRendering(es, vs) {
				continue // "Erlöse" is not made of "erlösen": no rendering says so
			}
			add(&out.verb, vs)
		}
	}
	return out
}

// pivotForms are the shorter forms a plural or an inflected noun may be
// listed in, the likelier first: "Ausleihen" is "Ausleihe" before
// "Ausleih", "Häuser" "Haus".
func pivotForms(lw string) []string {
	var out []string
	for _, suf := range []string{"n", "en", "e", "s", "es", "er", "nen"} {
		if p, ok := strings.CutSuffix(lw, suf); ok && utf8.RuneCountInString(p) >= 3 {
			out = append(out, p)
			if f := foldUmlauts(p); f != p {
				out = append(out, f)
			}
		}
	}
	return out
}

// sharesRendering: a noun and a verb the dictionary renders alike ("loan"
// and "to loan"), which shows the noun is made of the verb.
func sharesRendering(noun, verb []german.English) bool {
	for _, n := range noun {
		for _, v := range verb {
			if strings.TrimPrefix(v.Word, "to ") == n.Word {
				return true
			}
		}
	}
	return false
}

// nominalisedVerb is the infinitive a noun's form may be made of: "-ung"
// or "-ungen" for "-en" ("entleihungen", entleihen), and a listed noun in "-e" plus "n"
// ("ausleihe", ausleihen); "" for another form.
func nominalisedVerb(lc string, listed bool) string {
	for _, suf := range []string{"ungen", "ung"} {
		if b, ok := strings.CutSuffix(lc, suf); ok && len(b) >= 4 {
			return b + "en"
		}
	}
	if listed && strings.HasSuffix(lc, "e") && len(lc) >= 5 {
		return lc + "n"
	}
	return ""
}

func capitalised(lw string) string {
	r, n := utf8.DecodeRuneInString(lw)
	return string(unicode.ToUpper(r)) + lw[n:]
}

// overlap counts the renderings two sets share and whether one of them
// is narrow.
func overlap(a, b map[string]int) (shared int, narrow bool) {
	for e, n := range a {
		if _, ok := b[e]; ok {
			shared++
			narrow = narrow || n <= maxPivotGermans
		}
	}
	return shared, narrow
}

// pivotNouns: two nouns as written that share a narrow English rendering
// and most of their renderings (more than two in five of the two sets
// together: "Fahrgäste", "Passagiere"; not "Abonnenten", whose one
// rendering "subscriber" is one of four of "Teilnehmer"), or that are
// made of two verbs of which one's renderings are all the other's
// ("Entleihungen", entleihen: to borrow; "Ausleihen", ausleihen: to
// borrow, to lend, …).
func pivotNouns(a, b string) bool {
	if a == "" || b == "" || strings.EqualFold(a, b) {
		return false
	}
	if la, lb := strings.ToLower(a), strings.ToLower(b); strings.HasSuffix(la, lb) || strings.HasSuffix(lb, la) {
		// a noun and the noun made with a prefix are two words
		// ("Mieter", "Vermieter"), a compound is the compound rules'
		return false
	}
	sa, sb := sensesOf(a), sensesOf(b)
	if n, narrow := overlap(sa.noun, sb.noun); narrow && 5*2*n > 2*(len(sa.noun)+len(sb.noun)) {
		return true
	}
	return verbsJoined(sa.verb, sb.verb)
}

// verbsJoined: two verbs' renderings of which the fewer are all the
// other's, one of them narrow ("entleihen": to borrow; "ausleihen": to
// borrow, to lend, …).
func verbsJoined(va, vb map[string]int) bool {
	if len(va) == 0 || len(vb) == 0 {
		return false
	}
	if len(va) > len(vb) {
		va, vb = vb, va
	}
	n, narrow := overlap(va, vb)
	return narrow && n == len(va)
}

var (
	verbSenseCache     sync.Map // verb form → map[string]int (nil: none)
	verbSenseCacheSize atomic.Int64
)

// verbSenses are the English renderings of the verb a lower-case form
// belongs to: its own when it is an infinitive Ding lists, else those of
// the first of its infinitives the paradigms give ("entliehen":
// entleihen).
func verbSenses(w string) map[string]int {
	if v, ok := verbSenseCache.Load(w); ok {
		return v.(map[string]int)
	}
	d := germanData()
	var out map[string]int
	add := func(es []german.English) {
		for _, e := range es {
			if out == nil {
				out = map[string]int{}
			}
			out[e.Word] = e.Germans
		}
	}
	if utf8.RuneCountInString(w) >= 4 {
		add(d.English(w))
		if out == nil {
			for _, f := range d.VerbForms(w) {
				if es := d.English(f); len(es) > 0 {
					add(es)
					break
				}
			}
		}
	}
	if verbSenseCacheSize.Add(1) > maxSynCache {
		verbSenseCache.Clear()
		verbSenseCacheSize.Store(0)
	}
	verbSenseCache.Store(w, out)
	return out
}

// actNounByPivot: y counts acts by a noun made of a verb ("3,4 Millionen
// Ausleihen", ausleihen) and x counts what another verb of its clause
// befell ("2,9 Millionen Medien entliehen"), a verb whose renderings
// verbsJoined joins to the noun's verb's: one act said with two verbs,
// as actNounOf reads it said with one. The clauses share a setting.
func actNounByPivot(x, y *Claim) bool {
	if x.Unit != "" || y.Unit != "" || y.Head == "" || len(x.preds) == 0 || strings.HasPrefix(y.Key, "v:") || equivalenceKey(y.Key) || x.Key == y.Key {
		return false
	}
	vy := sensesOf(y.Head).verb
	if len(vy) == 0 {
		return false
	}
	for _, w := range letterWords(x.Text) {
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 5 || unicode.IsUpper(r) || !containsString(x.preds, verbKey(w)) {
			continue
		}
		if verbsJoined(verbSenses(w), vy) {
			return sameSetting(x, y)
		}
	}
	return false
}

// thesaurusConfirmed: two nouns the thesaurus gives as each other's
// synonyms, each from an entry of any breadth ("Häftling" has fifteen
// synonyms, "Gefangener" too, so synonymNouns counts neither), whose
// renderings share a narrow one and at least a quarter of the two sets
// together (prisoner): two resources agreeing on one sense. "Erlös" and
// "Gewinn", synonyms in the thesaurus, share one rendering of a dozen
// (earnings) and stay apart.
func thesaurusConfirmed(a, b string) bool {
	if a == "" || b == "" || strings.EqualFold(a, b) {
		return false
	}
	if la, lb := strings.ToLower(a), strings.ToLower(b); strings.HasSuffix(la, lb) || strings.HasSuffix(lb, la) {
		return false
	}
	ea, eb := synonymsOf(a), synonymsOf(b)
	names := func(es, other []*synEntry) bool {
		for _, e := range es {
			for _, o := range other {
				if e.syns[o.lemma] {
					return true
				}
			}
		}
		return false
	}
	if !names(ea, eb) || !names(eb, ea) {
		return false
	}
	sa, sb := sensesOf(a), sensesOf(b)
	n, narrow := overlap(sa.noun, sb.noun)
	return narrow && 8*n >= len(sa.noun)+len(sb.noun)
}

// pivotSynonyms: two nouns pivotNouns or thesaurusConfirmed joins.
func pivotSynonyms(a, b string) bool { return pivotNouns(a, b) || thesaurusConfirmed(a, b) }

// pivotHeads: two measured nouns that pivotSynonyms joins, or compounds
// of one head whose first parts it joins, or of one first part whose
// heads it joins.
func pivotHeads(a, b string) bool {
	if pivotSynonyms(a, b) {
		return true
	}
	d := germanData()
	pa, pb := d.SplitCompound(strings.ToLower(a)), d.SplitCompound(strings.ToLower(b))
	if len(pa) < 2 || len(pb) < 2 {
		return false
	}
	firstA, lastA := strings.Join(pa[:len(pa)-1], ""), pa[len(pa)-1]
	firstB, lastB := strings.Join(pb[:len(pb)-1], ""), pb[len(pb)-1]
	switch {
	case lastA == lastB:
		return pivotSynonyms(capitalised(firstA), capitalised(firstB))
	case firstA == firstB:
		return pivotSynonyms(capitalised(lastA), capitalised(lastB))
	}
	return false
}

var (
	pivotKeyCache     sync.Map // noun as written → []string
	pivotKeyCacheSize atomic.Int64
)

// maxPivotKeys bounds the keys pivotKeys adds to one search.
const maxPivotKeys = 16

// pivotKeys are the keys of the nouns pivotSynonyms joins to a measured noun,
// found through its narrow renderings: the candidate search looks for
// "Ausleihen" when the new sentence says "Entleihungen" and shares no
// other word with the earlier one. A verb's headwords stand for the nouns
// made of them ("ausleihen": "Ausleihen", "Ausleihung"); every noun is
// checked with pivotSynonyms, so the search adds no key the gate would
// not accept.
func pivotKeys(head string, out []string) []string {
	if head == "" {
		return out
	}
	if v, ok := pivotKeyCache.Load(head); ok {
		return append(out, v.([]string)...)
	}
	ks := computePivotKeys(head)
	if pivotKeyCacheSize.Add(1) > maxSynCache {
		pivotKeyCache.Clear()
		pivotKeyCacheSize.Store(0)
	}
	pivotKeyCache.Store(head, ks)
	return append(out, ks...)
}

func computePivotKeys(head string) []string {
	s := sensesOf(head)
	if len(s.noun) == 0 && len(s.verb) == 0 {
		return nil
	}
	d := germanData()
	own := nounKey(head)
	var out []string
	seen := map[string]bool{}
	try := func(noun string) {
		if seen[noun] || len(out) >= maxPivotKeys {
			return
		}
		seen[noun] = true
		if k := nounKey(noun); k != "" && k != own && !containsString(out, k) && pivotSynonyms(head, noun) {
			out = append(out, k)
		}
	}
	for _, senses := range []map[string]int{s.noun, s.verb} {
		es := make([]string, 0, len(senses))
		for e, n := range senses {
			if n <= maxPivotGermans {
				es = append(es, e)
			}
		}
		sort.Strings(es) // one order of the keys
		for _, e := range es {
			for _, w := range d.Germans(e) {
				r, _ := utf8.DecodeRuneInString(w)
				if unicode.IsUpper(r) {
					try(w)
					continue
				}
				// a verb: the nouns made of it
				if b, ok := strings.CutSuffix(w, "en"); ok && len(b) >= 3 {
					try(capitalised(b + "ung"))
					try(capitalised(w))
				}
			}
		}
	}
	return out
}
