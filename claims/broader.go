package claims

import (
	"strings"
	"sync"
	"sync/atomic"
)

// A kind and its broader term: "120 Häuser" and "80 Gebäude", "40
// Kilogramm Heroin" and "25 Kilogramm Drogen". OpenThesaurus gives the
// broader terms; a broader term covers many kinds ("Gebäude" are also
// schools and barns, "Drogen" also cocaine), so the two count one thing
// only where the article of the broader term names the kind as well ("Vor
// allem alte Häuser …", "Es handelt sich um Heroin"): its writer says which
// of the broader things are counted.

var (
	broadCache     sync.Map // noun as written → map of broader lemmas, lower case
	broadCacheSize atomic.Int64
)

// broaderOf is the set of broader terms of a noun as written, through each
// of its candidate forms, lower case.
func broaderOf(w string) map[string]bool {
	if v, ok := broadCache.Load(w); ok {
		return v.(map[string]bool)
	}
	var m map[string]bool
	d := germanData()
	for _, c := range lemmaCandidates(w) {
		for _, b := range d.Broader(c) {
			if m == nil {
				m = map[string]bool{}
			}
			m[strings.ToLower(b)] = true
		}
	}
	if broadCacheSize.Add(1) > maxSynCache {
		broadCache.Clear()
		broadCacheSize.Store(0)
	}
	broadCache.Store(w, m)
	return m
}

// broaderTerm reports gen (a noun as written) as a broader term of spec.
func broaderTerm(spec, gen string) bool {
	b := broaderOf(spec)
	if len(b) == 0 {
		return false
	}
	for _, c := range lemmaCandidates(gen) {
		if b[c] {
			return true
		}
	}
	return false
}

// broaderInContext: gen's measured noun is a broader term of spec's, gen's
// article names spec's kind (by a word beginning with the noun's stem or
// with a part of it or of a narrow synonym: "Schuleingangsuntersuchungen"
// for "Erstklässler", a "Schulanfänger"), both clauses say the same verb
// or neither has one, and the two share a name.
func broaderInContext(spec, gen *Claim) bool {
	if spec.Head == "" || gen.Head == "" || strings.EqualFold(spec.Head, gen.Head) ||
		genericHeads[strings.ToLower(spec.Head)] || genericHeads[strings.ToLower(gen.Head)] ||
		spec.Key != genericKey && equivalenceKey(spec.Key) || gen.Key != genericKey && equivalenceKey(gen.Key) ||
		strings.HasPrefix(spec.Key, "v:") || strings.HasPrefix(gen.Key, "v:") {
		return false
	}
	if contentPreds(spec.preds) && contentPreds(gen.preds) && !sharesPredicate(spec, gen) {
		return false // "beschädigt" is not "zerstört"
	}
	if !broaderTerm(spec.Head, gen.Head) || gen.ctx == nil || !namesShared(spec, gen) {
		return false
	}
	return kindNamed(spec.Head, gen.ctx.text)
}

// kindNamed reports a word of text (lower case, umlauts folded) that
// begins with the stem of head, or with a part of four letters or more of
// head or of one of its narrow synonyms.
func kindNamed(head, text string) bool {
	var starts []string
	add := func(w string) {
		lw := strings.ToLower(w)
		if s := foldUmlauts(stem(lw)); len(s) >= 4 {
			starts = append(starts, s)
		}
		for _, p := range splitNoun(lw).parts {
			if p = foldUmlauts(p); len(p) >= 4 {
				starts = append(starts, p)
			}
		}
	}
	add(head)
	for _, e := range synonymsOf(head) {
		if len(e.syns) > maxSynonyms {
			continue
		}
		for s := range e.syns {
			if !strings.ContainsAny(s, " -") {
				add(s)
			}
		}
	}
	if len(starts) == 0 {
		return false
	}
	// a compound whose last part is the kind names it too: "Wohnhäuser"
	whole := foldUmlauts(strings.ToLower(head))
	for _, w := range letterWords(text) {
		if len(whole) >= 4 && len(w) >= len(whole)+3 && strings.HasSuffix(w, whole) {
			return true
		}
		for _, s := range starts {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

// broadNounInContext: gen's measured noun has many senses (the
// thesaurus lists more synonyms than maxSynonyms: "Verbindungen" are
// ties, links and services), its sentence names spec's kind inside
// another noun ("Der Flughafenbetreiber … 130 Verbindungen gestrichen":
// flights), both say one cancellation or one verb, and they share a noun
// besides ("wegen des Sturms").
func broadNounInContext(gen, spec *Claim) bool {
	if gen.Head == "" || spec.Head == "" || gen.Unit != spec.Unit || gen.Key == spec.Key ||
		len(spec.Key) < 4 || strings.HasPrefix(spec.Key, "v:") || equivalenceKey(gen.Key) || gen.Key == genericKey {
		return false
	}
	kind := false
	for _, n := range gen.nouns {
		if n != gen.Key && len(n) > len(spec.Key)+2 && strings.HasPrefix(n, spec.Key) {
			kind = true
			break
		}
	}
	if !kind || !(sharesPredicate(gen, spec) || cancelled(gen) && cancelled(spec)) || !sharesOtherNoun(gen, spec) {
		return false
	}
	for _, e := range synonymsOf(gen.Head) {
		if len(e.syns) > maxSynonyms {
			return true
		}
	}
	return false
}

// cancelled: the clause says that what it counts was called off or cut
// ("gestrichen", "fielen … aus", "abgesagt").
func cancelled(c *Claim) bool {
	if c.dirs&2 != 0 {
		return true
	}
	for _, w := range letterWords(strings.ToLower(c.Text)) {
		if cancelWords[w] && w != "sagt" && w != "sagte" && w != "sagten" {
			return true
		}
	}
	return false
}

// kindBelowWhole: the two figures are one only as a kind and its broader
// term where the broader term's paragraph says the kind is part of it
// ("80 Gebäude … Vor allem alte Häuser"), or as people of a kind and
// people, and the kind's count fits in the broader one ("50 Häuser"): the
// houses may be part of the buildings. Only a kind that alone exceeds the
// whole contradicts it. A share is no part: "88 Prozent der Erstklässler"
// is compared as it is.
func kindBelowWhole(a, b *Claim) bool {
	if a.Unit == "%" || a.Key == b.Key || sameThing(a, b) {
		return false
	}
	part := func(spec, gen *Claim) bool {
		return peopleOfKind(spec, gen) || broaderInContext(spec, gen) && movedOn(gen.Passage, partitiveWords, false)
	}
	spec, gen := a, b
	if !part(spec, gen) {
		spec, gen = b, a
		if !part(spec, gen) {
			return false
		}
	}
	sl, _ := spec.Quantity.comparable()
	_, gh := gen.Quantity.comparable()
	return sl <= gh
}

// partitiveWords say that what a paragraph names is some of what it
// counts: "darunter", "vor allem", "unter anderem", "überwiegend".
var partitiveWords = set("darunter allem anderem überwiegend vorwiegend meist meistens größtenteils hauptsächlich insbesondere teils teilweise")

// peopleOfKind: spec counts people of a kind ("acht Wanderer"), gen
// people ("fünf Menschen"), and the two clauses say one verb, share a name
// and another noun ("Bergwacht", "Zugspitze"): the kind are some or all of
// the people.
func peopleOfKind(spec, gen *Claim) bool {
	if gen.Key != genericKey || spec.Key == genericKey || spec.Unit != "" || gen.Unit != "" ||
		equivalenceKey(spec.Key) || strings.HasPrefix(spec.Key, "v:") || !personHead(spec.Head) {
		return false
	}
	return sharesPredicate(spec, gen) && namesShared(spec, gen) && (sharesOtherNoun(spec, gen) || sharedAnchors(spec, gen) >= 2)
}

// sharedAnchors counts the names of x's sentence that y's sentence has.
func sharedAnchors(x, y *Claim) int {
	n := 0
	for _, a := range x.Anchors {
		if containsName(y.Anchors, a) {
			n++
		}
	}
	return n
}
