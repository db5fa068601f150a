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
	// WhenBasis and WhenCue are When's Window.Basis and Window.Cue, for
	// renderers that explain the date in the reader's language.
	WhenBasis, WhenCue string
}

// topic is a parsed timeline query: its words, each a possible measured
// noun, and the names and origins that narrow it.
type topic struct {
	words []topicWord
	mods  []string
}

type topicWord struct {
	key  string // noun key, as the claims have it
	name string // name key; "" for words that cannot be names
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
		switch {
		case t.punct:
		case an.role[i] == rNoun || an.role[i] == rName:
			k := nounKey(t.text)
			if k == "teilnehm" || k == "besucher" || genericHeads[t.low] {
				k = "mensch"
			}
			tp.words = append(tp.words, topicWord{key: k, name: nameKey(t.text)})
		case strings.Contains(t.low, "isch"):
			tp.words = append(tp.words, topicWord{name: nameKey(adjStem(t.low))})
		case looksAdjective(t.low) && !neutralModifiers[t.low] && !functionWord(t.low):
			tp.mods = appendUnique(tp.mods, adjStem(t.low))
		}
	}
	return tp
}

// matches: one word of the topic is the claim's measured thing, every
// other names its owner (or, without an owner, something of its context),
// and the claim's narrowing adjectives are the topic's.
func (tp topic) matches(c *Claim) bool {
	if !c.HasQuantity {
		return false
	}
	hit := -1
	for i, w := range tp.words {
		if w.key != "" && keysMatch(w.key, c.Key) {
			hit = i
			break
		}
	}
	if hit < 0 || !sameModifiers(tp.mods, c.Modifiers) {
		return false
	}
	for i, w := range tp.words {
		if i == hit || w.name == "" {
			continue
		}
		switch {
		case c.ownerKey != "" && !strings.HasPrefix(c.ownerKey, "~"):
			if !sameName(c.ownerKey, w.name) && !containsName(c.Anchors, w.name) {
				return false
			}
		case c.ownerKey != "":
			// a common-noun owner ("die Ukraine", "die Stadt") stands for
			// a name of its paragraph, not of the title
			if !containsName(append(append([]string(nil), c.Anchors...), c.ctx.paragraphNames(c.Paragraph)...), w.name) {
				return false
			}
		case !containsName(append(append([]string(nil), c.Anchors...), c.ctx.around(c.Paragraph)...), w.name):
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

// Timeline returns the figures on topic in time order (by the end of their
// time window), each with its relation to the nearest earlier comparable
// entry; undated figures come last, in publication order.
func Timeline(all []articles.Article, topicText string) []TimelineEntry {
	tp := parseTopic(topicText)
	if len(tp.words) == 0 {
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
			When: c.When.String(), WhenNote: c.When.Note(), WhenBasis: c.When.Basis, WhenCue: c.When.Cue, Figure: c.Figure, Low: lo, High: hi,
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
