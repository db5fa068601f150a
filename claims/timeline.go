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
	WhenNote string // how When was found, e.g. "inferred: 'fast ein Jahr an' (war began 2022-02-24)"
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
	Relation string
}

// topic is a parsed timeline query.
type topic struct {
	actor  string
	things map[string]bool // concept keys
	stems  map[string]bool // stems of other words, for things without a concept
	family string
	place  string
}

// parseTopic reads a topic with the extraction lexicon, so inflected forms
// ("nordkoreanischer Soldat", "Soldat:innen") find the same claims.
func parseTopic(q string) topic {
	tp := topic{things: map[string]bool{}, stems: map[string]bool{}}
	for i, t := range tokenize(q, nil) {
		if t.punct {
			continue
		}
		t.start = i // a topic has no sentence position; let capitalised adjectives count
		if a := actorOfWord(t); a != "" && tp.actor == "" {
			tp.actor = a
			continue
		}
		if a, ok := actorAdjectives[adjStem(t.low)]; ok && tp.actor == "" {
			tp.actor = a
			continue
		}
		if c, ok := cueLookup(t.low); ok && c.kind != kNone {
			fam := relInfo[c.kind].family
			if c.kind == kReserve || c.kind == kStrength || tp.family == "" {
				tp.family = fam
			}
		}
		if p, ok := placeWords[t.low]; ok && !broadPlaces[p] {
			tp.place = p
			continue
		}
		if c, ok := conceptOf(t.text); ok {
			tp.things[c.key] = true
			continue
		}
		if len(t.low) > 2 {
			tp.stems[stem(t.text)] = true
		}
	}
	return tp
}

// cueLookup finds a relation cue allowing an adjective ending, since topics
// use participles attributively ("getötete Soldaten").
func cueLookup(lw string) (cue, bool) {
	if c, ok := cueWords[lw]; ok {
		return c, true
	}
	for _, suf := range []string{"e", "en", "er", "es"} {
		if c, ok := cueWords[strings.TrimSuffix(lw, suf)]; ok && strings.HasSuffix(lw, suf) {
			return c, true
		}
	}
	return cue{}, false
}

// actorSurfaces are lower-case fragments any mention of an actor contains,
// for the cheap test before extraction.
var actorSurfaces = func() map[string][]string {
	m := map[string][]string{}
	for w, a := range actorWords {
		m[a] = append(m[a], w)
	}
	for w, a := range actorAdjectives {
		m[a] = append(m[a], w)
	}
	return m
}()

// mayMention reports whether the article can hold a claim on the topic:
// when the topic names an actor, the article must mention it somewhere.
func (tp topic) mayMention(a articles.Article) bool {
	if tp.actor == "" {
		return true
	}
	for _, p := range a.Paragraphs {
		lt := strings.ToLower(p.Text)
		for _, f := range actorSurfaces[tp.actor] {
			if strings.Contains(lt, f) {
				return true
			}
		}
	}
	return false
}

func (tp topic) matches(c Claim) bool {
	if tp.actor != "" && c.Actor != tp.actor {
		return false
	}
	if tp.place != "" && !placesOverlap(tp.place, c.Place) {
		return false
	}
	switch {
	case len(tp.things) > 0:
		if !tp.things[c.Thing] && !tp.things[c.thingParent] && !(c.Thing == "" && c.Retracted && tp.actor != "") {
			return false
		}
	case len(tp.stems) > 0:
		if !tp.stems[stem(c.Noun)] && !tp.stems[c.Thing] {
			return false
		}
	case tp.actor == "":
		return false
	}
	return c.Family != ""
}

// Timeline returns the figures on topic in time order (by the end of their
// time window, so "im vergangenen Jahr" from a 2025 article comes after a
// day in November of that year), each with its relation to the nearest
// earlier comparable entry. When the topic names no relation ("aktive",
// "getötet"), the relation family with most figures is shown, so
// "nordkoreanische Soldaten" follows the troops sent rather than the size of
// North Korea's army.
func Timeline(all []articles.Article, topicText string) []TimelineEntry {
	tp := parseTopic(topicText)
	var cs []Claim
	for _, a := range all {
		if !tp.mayMention(a) {
			continue // extraction is the expensive part; most articles are off topic
		}
		for _, c := range memo.get(a) {
			if tp.matches(c) {
				cs = append(cs, c)
			}
		}
	}
	fam := tp.family
	if fam == "" {
		count := map[string]int{}
		for _, c := range cs {
			count[c.Family]++
		}
		for f, n := range count {
			if n > count[fam] || n == count[fam] && (f == "transfer" || fam != "transfer" && f < fam) {
				fam = f
			}
		}
	}
	kept := cs[:0]
	for _, c := range cs {
		if c.Family == fam {
			kept = append(kept, c)
		}
	}
	cs = kept
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
		article   string
		lo, hi    float64
		mode      string
		thing     string
		retracted bool
	}
	seen := map[dupKey]bool{}
	var out []TimelineEntry
	var shown []Claim
	for _, c := range cs {
		lo, hi := c.Quantity.Low, c.Quantity.High
		k := dupKey{c.Article, lo, hi, c.Mode, c.Thing, c.Retracted}
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
		if c.Actor != "" && !strings.Contains(e.Figure, c.Actor) {
			e.Figure = c.Actor + ": " + e.Figure
		}
		for i := len(shown) - 1; i >= 0; i-- {
			if v := judge(&shown[i], &c); v.kind != "unrelated" {
				e.Relation = v.kind
				break
			}
		}
		shown = append(shown, c)
		out = append(out, e)
	}
	return out
}
