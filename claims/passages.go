package claims

import (
	"math"
	"sort"
	"strings"
)

// The passage index finds a new claim's candidates: the earlier passages
// whose words best match the claim's sentence, scored like BM25 without
// length normalisation (passages are paragraphs of similar length, and the
// terms are a claim's content words, each counted once). There is no list
// of topics or subjects to look claims up by; whatever the sentence says is
// the query.
type passageIndex struct {
	postings map[string][]int32
	passages []indexedPassage
	scores   []float64 // per passage, reused between searches
	touched  []int32
}

type indexedPassage struct {
	claims []*Claim
}

// maxCandidatePassages bounds the passages a claim is compared with: the
// best matches. A corpus of thousands of articles on one event would
// otherwise cost a comparison per pair of claims.
const maxCandidatePassages = 40

// terms are the index terms of a claim: its measured key, content nouns,
// predicates and anchors. A noun is indexed by its consonants too, and
// searched as a verb of those consonants, so that a word said as a noun
// and as a verb meet.
func claimTerms(c *Claim, out []string, indexing bool) []string {
	out = out[:0]
	add := func(s string) {
		if s == "" {
			return
		}
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	add(c.Key)
	if c.Head != "" {
		// The parts of a compound find what says it in words: "Steuereinnahmen"
		// finds "nahm weniger Steuern ein", "Asylerstanträge" "Erstanträge".
		for _, p := range germanData().SplitCompound(strings.ToLower(c.Head)) {
			if len(p) >= 4 {
				add(stem(p))
			}
		}
	}
	for _, n := range c.nouns {
		add(n)
		// a noun's consonants, which a later sentence's verb of the same
		// word has ("Streik", "streikten"; "Arbeitslose", "arbeitslos")
		if sk := skeleton(n); len(sk) >= 3 {
			if indexing {
				add("s:" + sk)
			} else {
				add("v:" + sk)
			}
		}
		// a noun made of a verb keeps the verb's consonants before its
		// "-ung" only ("Entlassungen", "entließ"; "Abschiebungen",
		// "schob … ab")
		if k := nounVerbKey(n); len(k) >= 3 {
			if indexing {
				add("s:" + k)
			} else {
				add("v:" + k)
			}
		}
	}
	for _, p := range c.preds {
		add("v:" + p)
	}
	if c.HasQuantity && physicalUnit(c.Unit) {
		// Two figures of one physical measure may share no other word:
		// "40.000 Kubikmeter Erde abgegangen", "120.000 Kubikmeter
		// Material ins Tal gerutscht". Money and shares are too common
		// a measure to find anything by.
		add("u:" + unitBase[c.Unit].base)
	}
	for _, a := range c.Anchors {
		for _, w := range strings.Fields(a) {
			add("n:" + anchorTerm(w))
		}
	}
	for _, w := range strings.Fields(c.ownerKey) {
		add("n:" + anchorTerm(w))
	}
	switch {
	case indexing && c.Stance == StanceRetract:
		add(retractionTerm)
	case !indexing && c.deniesStance:
		// a denial of a cancellation finds cancellations, and what they
		// were of by the names around it ("Berichte über eine Absage")
		add(retractionTerm)
		if len(c.Anchors) == 0 {
			for _, a := range c.ctx.around(c.Paragraph) {
				for _, w := range strings.Fields(a) {
					add("n:" + anchorTerm(w))
				}
			}
		}
	}
	return out
}

// retractionTerm indexes retractions, which a denial of one searches.
const retractionTerm = "x:retraction"

// anchorTerm cuts a name key to the prefix sameName compares, so that
// "koln" finds "kolner" and "russland" finds "russisch".
func anchorTerm(k string) string {
	if len(k) > 4 {
		return k[:4]
	}
	return k
}

// add indexes the claims of one article, passage by passage.
func (px *passageIndex) add(cs []Claim) {
	if px.postings == nil {
		px.postings = map[string][]int32{}
	}
	var terms []string
	byPara := map[int]int32{}
	var seen map[string]bool
	for i := range cs {
		c := &cs[i]
		n, ok := byPara[c.Paragraph]
		if !ok {
			n = int32(len(px.passages))
			byPara[c.Paragraph] = n
			px.passages = append(px.passages, indexedPassage{})
			seen = map[string]bool{}
		}
		px.passages[n].claims = append(px.passages[n].claims, c)
		terms = claimTerms(c, terms, true)
		for _, t := range terms {
			if seen[t] {
				continue
			}
			seen[t] = true
			px.postings[t] = append(px.postings[t], n)
		}
	}
}

// search returns the claims of the passages that best match c, best
// passage first.
func (px *passageIndex) search(c *Claim, out []*Claim) []*Claim {
	out = out[:0]
	if len(px.passages) == 0 {
		return out
	}
	if len(px.scores) < len(px.passages) {
		px.scores = make([]float64, len(px.passages))
	}
	for _, n := range px.touched {
		px.scores[n] = 0
	}
	px.touched = px.touched[:0]
	var terms []string
	terms = claimTerms(c, terms, false)
	if c.Head != "" {
		// An earlier passage may say the measure in other words
		// ("Teuerung" for "Inflation") and share no other index word.
		n := len(terms)
		for _, k := range synonymKeys(c.Head, nil) {
			if !containsString(terms[:n], k) && !containsString(terms[n:], k) {
				terms = append(terms, k)
			}
		}
		// or in a word one narrow English word translates alike
		// ("Ausleihen" for "Entleihungen")
		for _, k := range pivotKeys(c.Head, nil) {
			if !containsString(terms, k) {
				terms = append(terms, k)
			}
		}
	}
	if c.Stance != StanceAssert || c.negative() {
		// What a denial names in one compound an earlier sentence may say
		// with a verb: "Bombenfund" finds "eine Bombe gefunden".
		for _, w := range c.compounds {
			if sk := splitNoun(w).headSkeleton; len(sk) >= 3 && !containsString(terms, "v:"+sk) {
				terms = append(terms, "v:"+sk)
			}
		}
	}
	// A verb of the new sentence finds earlier nouns of the same word
	// ("streikten", "Streik"); its nouns find earlier verbs (above).
	for _, p := range c.preds {
		if len(p) >= 3 && !containsString(terms, "s:"+p) {
			terms = append(terms, "s:"+p)
		}
	}
	N := float64(len(px.passages))
	for _, t := range terms {
		post := px.postings[t]
		if len(post) == 0 {
			continue
		}
		idf := math.Log(1 + N/float64(len(post)))
		last := int32(-1)
		for _, n := range post {
			if n == last {
				continue
			}
			last = n
			if px.scores[n] == 0 {
				px.touched = append(px.touched, n)
			}
			px.scores[n] += idf
		}
	}
	hits := px.touched
	sort.Slice(hits, func(i, j int) bool {
		si, sj := px.scores[hits[i]], px.scores[hits[j]]
		if si != sj {
			return si > sj
		}
		return hits[i] > hits[j] // the more recent passage first
	})
	if len(hits) > maxCandidatePassages {
		hits = hits[:maxCandidatePassages]
	}
	for _, n := range hits {
		out = append(out, px.passages[n].claims...)
	}
	return out
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
