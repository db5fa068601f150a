package claims

import (
	"math"
	"sort"
	"strings"

	"github.com/claimbot/claimbot/articles"
)

// TimelineEntry is one figure on a topic's timeline.
type TimelineEntry struct {
	When     string // ISO date, month, year or interval; "" when unknown
	WhenNote string // how When was found, e.g. "'am Sonntag' relative to publication 2024-11-18"
	Figure   string
	// Low and High bound the figure; High is math.MaxFloat64 when the text
	// gives no upper bound ("mehr als 10.000"), so the entry survives JSON.
	// Both are 0 for entries without a figure (a retraction, a denial).
	Low, High float64
	Hedges    []string
	Sources   []string
	Publisher string
	Article   string
	Title     string
	Paragraph int
	Claim     string
	// Relation to the nearest earlier entry it can be compared with:
	// "", "update", "compatible", "conflict", "retraction", "denial".
	Relation Kind
}

// topic is a parsed timeline query: the measured things it names and the
// names or origins that narrow it.
type topic struct {
	keys   []string // noun keys
	names  []string // name keys and origin adjectives
	mods   []string
	assert bool
}

func parseTopic(q string) topic {
	var tp topic
	ex := extractors.Get().(*extractor)
	defer ex.release()
	ls, same := lowerSameWidth(q)
	if !same {
		ls = ""
	}
	ex.toks = tokenizeLower(q, ls, ex.toks)
	an := &ex.an
	an.reset(q, ls, ex.toks)
	an.analyse()
	for i, t := range ex.toks {
		switch an.role[i] {
		case rNoun:
			tp.keys = appendUnique(tp.keys, nounKey(t.text))
		case rName:
			if i == 0 || an.name[i-1] != an.name[i] {
				tp.names = appendUnique(tp.names, an.name[i])
			}
			// a single capitalised word may be a name or a noun: both
			tp.keys = appendUnique(tp.keys, nounKey(t.text))
		case rAdj, rPred:
			if strings.Contains(t.low, "isch") {
				tp.names = appendUnique(tp.names, nameKey(adjStem(t.low)))
			} else if !neutralModifiers[t.low] && looksAdjective(t.low) {
				tp.mods = appendUnique(tp.mods, adjStem(t.low))
			}
		}
	}
	return tp
}

func (tp topic) matches(c *Claim) bool {
	if !c.HasQuantity && c.Stance == StanceAssert {
		return false
	}
	keyHit := false
	for _, k := range tp.keys {
		if keysMatch(k, c.Key) || !c.HasQuantity && containsNoun(c.nouns, k) {
			keyHit = true
		}
	}
	if !keyHit {
		return false
	}
	for _, m := range tp.mods {
		if !sameModifiers([]string{m}, c.Modifiers) && !containsString(c.Modifiers, m) {
			return false
		}
	}
	if len(tp.mods) == 0 && len(c.Modifiers) > 0 {
		return false // "Soldaten" is not "aktive Soldaten"
	}
	for _, n := range tp.names {
		if tp.keys != nil && containsString(tp.keys, nounKey(n)) {
			continue // the word was taken as the noun
		}
		ctx := append(append([]string{c.ownerKey}, c.Anchors...), c.ctx.around(c.Paragraph)...)
		if !containsName(ctx, n) {
			return false
		}
	}
	return true
}

func containsNoun(list []string, k string) bool {
	for _, x := range list {
		if nounsMatch(x, k) {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Timeline returns the figures on topic in time order (by the end of their
// time window), each with its relation to the nearest earlier comparable
// entry; undated figures come last, in publication order.
func Timeline(all []articles.Article, topicText string) []TimelineEntry {
	tp := parseTopic(topicText)
	if len(tp.keys) == 0 {
		return nil
	}
	var cs []*Claim
	for _, a := range all {
		list := memo.get(a)
		for i := range list {
			if tp.matches(&list[i]) {
				cs = append(cs, &list[i])
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.When.Known() != b.When.Known() {
			return a.When.Known()
		}
		if !a.When.To.Equal(b.When.To) {
			return a.When.To.Before(b.When.To)
		}
		if !a.When.From.Equal(b.When.From) {
			return a.When.From.Before(b.When.From)
		}
		if a.order != b.order {
			return a.order.before(b.order)
		}
		if a.Paragraph != b.Paragraph {
			return a.Paragraph < b.Paragraph
		}
		return a.Sentence < b.Sentence
	})
	// One entry per article and figure: a report repeating its own figure
	// in a later paragraph adds nothing to a timeline.
	type dupKey struct {
		article string
		lo, hi  float64
		key     string
		stance  Stance
	}
	seen := map[dupKey]bool{}
	var out []TimelineEntry
	var shown []*Claim
	for _, c := range cs {
		lo, hi := c.Quantity.Low, c.Quantity.High
		k := dupKey{c.Article, lo, hi, c.Key, c.Stance}
		if seen[k] {
			continue
		}
		seen[k] = true
		if math.IsInf(hi, 1) {
			hi = math.MaxFloat64
		}
		e := TimelineEntry{
			When: c.When.String(), WhenNote: c.When.Note(), Figure: c.Figure, Low: lo, High: hi,
			Hedges: c.Hedges, Sources: c.Sources, Publisher: c.Publisher, Article: c.Article, Title: c.Title,
			Paragraph: c.Paragraph, Claim: c.Text,
		}
		if c.Owner != "" && c.HasQuantity && !strings.Contains(e.Figure, c.Owner) {
			e.Figure = c.Owner + ": " + e.Figure
		}
		for i := len(shown) - 1; i >= 0; i-- {
			if v := judge(shown[i], c); v.kind != KindUnrelated {
				e.Relation = v.kind
				break
			}
		}
		shown = append(shown, c)
		out = append(out, e)
	}
	return out
}
