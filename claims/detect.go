package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"sync"

	"github.com/claimbot/claimbot/articles"
)

// Alert is a pair of claims from two articles that a moderator should see.
type Alert struct {
	Kind        string // "conflict" | "denial" | "retraction" | "update"
	Severity    string // "high" | "medium" | "low"
	Explanation Text   // one sentence naming both figures, both sources, both dates
	New         Side   // from the article added (or published) later
	Existing    Side
}

// Side is one claim of an alert, with enough context to show it.
type Side struct {
	Article, Title, Publisher, Published string // Published "" or YYYY-MM-DD
	Paragraph                            int
	Passage                              string   // whole paragraph
	Claim                                string   // the claim sentence
	Figure                               string   // e.g. "100.000 Soldaten", "300–500 Soldaten"
	Sources                              []string // primary sources (who says it)
}

// Key is a stable ID of the pair, the same whichever side is New, for
// deduplication and moderator verdicts.
func (a Alert) Key() string {
	x, y := sideKey(a.New), sideKey(a.Existing)
	if y < x {
		x, y = y, x
	}
	h := sha256.Sum256([]byte(x + "\x01" + y))
	return hex.EncodeToString(h[:8])
}

func sideKey(s Side) string {
	return s.Article + "\x00" + strconv.Itoa(s.Paragraph) + "\x00" + s.Claim + "\x00" + s.Figure
}

func sideOf(c Claim) Side {
	return Side{
		Article: c.Article, Title: c.Title, Publisher: c.Publisher, Published: c.Published,
		Paragraph: c.Paragraph, Passage: c.Passage, Claim: c.Text, Figure: c.Figure,
		Sources: append([]string(nil), c.Sources...),
	}
}

type extracted struct {
	id     string
	order  articleOrder
	claims []Claim
}

func extractOne(a articles.Article) extracted {
	w := articleWindow(a)
	return extracted{id: a.ID, order: orderOf(a, w), claims: memo.get(a)}
}

// memo keeps the comparable claims of recently seen articles, keyed by
// content hash: Detect, Pairs and Timeline are called again and again on a
// corpus that changes by a few articles, and extraction is most of their
// cost. The slices it returns are shared and must not be modified.
var memo = claimCache{limit: 8192}

type claimCache struct {
	mu    sync.Mutex
	limit int
	m     map[string][]Claim
}

func (cc *claimCache) reset() {
	cc.mu.Lock()
	cc.m = nil
	cc.mu.Unlock()
}

func (cc *claimCache) get(a articles.Article) []Claim {
	key := a.Hash() + "\x00" + a.File
	cc.mu.Lock()
	cs, ok := cc.m[key]
	cc.mu.Unlock()
	if ok {
		return cs
	}
	cs = distinct(Extract(a))
	cc.mu.Lock()
	if cc.m == nil || len(cc.m) >= cc.limit {
		cc.m = map[string][]Claim{} // bounded memory beats a perfect hit rate
	}
	cc.m[key] = cs
	cc.mu.Unlock()
	return cs
}

// distinct drops claims an article repeats: the same figure for the same
// subject in a later paragraph, and an unspecific "Hilfsangebot
// zurückgezogen" when the article also says what was offered. Repeats
// would only multiply identical alerts.
func distinct(cs []Claim) []Claim {
	type key struct {
		actor, family, thing, place, mode string
		lo, hi                            float64
		neg, ret                          bool
	}
	seen := map[key]bool{}
	specific := map[[2]string]bool{}
	for _, c := range cs {
		if c.Retracted && c.Thing != "" {
			specific[[2]string{c.Actor, c.Family}] = true
		}
	}
	var out []Claim
	for _, c := range cs {
		if c.Retracted && c.Thing == "" && specific[[2]string{c.Actor, c.Family}] {
			continue
		}
		k := key{c.Actor, c.Family, c.Thing, c.Place, c.Mode, c.Quantity.Low, c.Quantity.High, c.negative(), c.Retracted}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// Order sorts articles the way alerts are raised: by publication date,
// undated articles by the time their text reveals, then by file name;
// articles with no time at all come last.
func Order(all []articles.Article) []articles.Article {
	ex := make([]extracted, len(all))
	idx := make([]int, len(all))
	for i, a := range all {
		w := articleWindow(a)
		ex[i] = extracted{id: a.ID, order: orderOf(a, w)}
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return ex[idx[i]].order.before(ex[idx[j]].order) })
	out := make([]articles.Article, len(all))
	for i, k := range idx {
		out[i] = all[k]
	}
	return out
}

// Detect returns the alerts that the added articles raise against the
// existing ones (and against each other, in publication order). An added
// article that replaces an existing one with the same ID is compared with
// the rest, not with its old version.
func Detect(added, existing []articles.Article) []Alert {
	replaced := map[string]bool{}
	for _, a := range added {
		replaced[a.ID] = true
	}
	var ix index
	for _, a := range Order(existing) {
		if !replaced[a.ID] {
			ix.add(extractOne(a))
		}
	}
	var out []Alert
	seen := map[string]bool{}
	for _, a := range Order(added) {
		na := extractOne(a)
		out = ix.alerts(na, out, seen)
		ix.add(na)
	}
	return out
}

// Pairs returns the alerting pairs of the corpus; New is the side from the
// article that comes later in publication order. Each claim is compared
// with the most recent earlier claims on its subject (see maxCandidates).
func Pairs(all []articles.Article) []Alert { return Detect(all, nil) }

// maxCandidates bounds how many earlier claims on the same subject a claim
// is compared with: the most recent ones in publication order. A corpus of
// thousands of articles about one war would otherwise cost a comparison per
// pair of claims and raise an "update" for every one of them; conflicts and
// retractions are between claims close in time, which the most recent
// candidates are.
const maxCandidates = 64

// index holds the claims seen so far by subject, in publication order, so
// that a new claim meets only claims it can be compared with.
type index struct {
	bySubject map[string][]*Claim // actor|family|thing
	things    map[string][]string // actor|family → thing keys seen
}

func subjectKey(c Claim) (full, group string) {
	group = c.Actor + "\x00" + c.Family
	return group + "\x00" + c.Thing, group
}

func (ix *index) add(e extracted) {
	if ix.bySubject == nil {
		ix.bySubject = map[string][]*Claim{}
		ix.things = map[string][]string{}
	}
	for i := range e.claims {
		c := &e.claims[i]
		if c.Actor == "" || c.Family == "" {
			continue // never comparable
		}
		full, group := subjectKey(*c)
		if _, ok := ix.bySubject[full]; !ok {
			ix.things[group] = append(ix.things[group], c.Thing)
		}
		ix.bySubject[full] = append(ix.bySubject[full], c)
	}
}

// candidates returns the earlier claims c may be compared with: the same
// subject, an unspecific retraction of the same actor and relation, or —
// for such a retraction — every thing of that actor and relation.
func (ix *index) candidates(c *Claim, out []*Claim) []*Claim {
	out = out[:0]
	full, group := subjectKey(*c)
	recent := func(list []*Claim) []*Claim {
		if len(list) > maxCandidates {
			return list[len(list)-maxCandidates:]
		}
		return list
	}
	if c.Thing == "" {
		for _, t := range ix.things[group] {
			out = append(out, recent(ix.bySubject[group+"\x00"+t])...)
		}
		return out
	}
	out = append(out, recent(ix.bySubject[full])...)
	return append(out, recent(ix.bySubject[group+"\x00"])...)
}

// maxAlertsPerClaim bounds the alerts one claim raises: the most severe,
// then the most recent. A figure at odds with fifty earlier reports is one
// story, not fifty.
const maxAlertsPerClaim = 8

// alerts compares the claims of a new article with the index.
//
// Claims of one article are never compared with each other: an article that
// tells how an offer shrank is not contradicting itself. Conflicts and
// denials are raised against the candidates of the same time. Updates and
// retractions are raised only against the latest earlier state of the
// subject (the comparable candidates of the latest time window): "Nordkorea
// schickt 5.000 Soldaten" updates the last report, not every figure since
// 2022, and a withdrawal takes back the offer that stood, which superseded
// the ones before it.
func (ix *index) alerts(na extracted, out []Alert, seen map[string]bool) []Alert {
	type hit struct {
		v verdict
		y *Claim
	}
	var (
		cands []*Claim
		hits  []hit
	)
	for i := range na.claims {
		x := &na.claims[i]
		if x.Actor == "" || x.Family == "" {
			continue
		}
		cands = ix.candidates(x, cands)
		hits = hits[:0]
		var latest Window
		for _, y := range cands {
			if y.Article == na.id {
				continue
			}
			v := judge(x, y)
			if v.kind == "unrelated" {
				continue
			}
			if laterWindow(y.When, latest) {
				latest = y.When
			}
			if isAlertKind(v.kind) {
				hits = append(hits, hit{v, y})
			}
		}
		kept := hits[:0]
		for _, h := range hits {
			if (h.v.kind == "update" || h.v.kind == "retraction") && !sameWindow(h.y.When, latest) {
				continue
			}
			kept = append(kept, h)
		}
		sort.SliceStable(kept, func(i, j int) bool {
			si, sj := severityRank[kept[i].v.severity], severityRank[kept[j].v.severity]
			if si != sj {
				return si > sj
			}
			return laterWindow(kept[i].y.When, kept[j].y.When)
		})
		if len(kept) > maxAlertsPerClaim {
			kept = kept[:maxAlertsPerClaim]
		}
		for _, h := range kept {
			al := Alert{Kind: h.v.kind, Severity: h.v.severity, Explanation: h.v.explain(x, h.y),
				New: sideOf(*x), Existing: sideOf(*h.y)}
			k := al.Key()
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, al)
		}
	}
	return out
}

var severityRank = map[string]int{"high": 3, "medium": 2, "low": 1}

// laterWindow orders windows by their end, then start; unknown is earliest.
func laterWindow(w, than Window) bool {
	switch {
	case !w.Known():
		return false
	case !than.Known():
		return true
	case !w.To.Equal(than.To):
		return w.To.After(than.To)
	}
	return w.From.After(than.From)
}

func sameWindow(a, b Window) bool {
	return a.From.Equal(b.From) && a.To.Equal(b.To)
}
