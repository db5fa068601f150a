package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/claimbot/claimbot/articles"
)

// Stage 5: grouping. Each claim of a new article is compared with the
// claims of the earlier passages its sentence matches best (passages.go);
// what contradicts is grouped into one alert per new article and
// contradicted statement, listing every earlier passage.

// Alert is one contradiction a new article raises: the new claim and every
// earlier passage it contradicts.
type Alert struct {
	Kind        Kind
	Severity    Severity
	Explanation Text // one sentence naming the new claim and the first earlier one, their sources and dates
	New         Side // from the article added (or published) later
	// Existing are the earlier passages, most severe and then most recent
	// first; never empty.
	Existing []Side
}

// Side is one claim of an alert, with enough context to show it.
type Side struct {
	Article, Title, Publisher, Published string // Published "" or YYYY-MM-DD
	Paragraph                            int
	Passage                              string   // whole paragraph
	Claim                                string   // the claim sentence
	Figure                               string   // e.g. "100.000 Soldaten", "bestritten: Werk schließen"
	Sources                              []string // primary sources (who says it)
	// Severity of this earlier side's comparison with the new claim (for
	// the Existing sides).
	Severity Severity `json:",omitempty"`
}

// First is the first (most severe) earlier passage.
func (a Alert) First() Side {
	if len(a.Existing) == 0 {
		return Side{}
	}
	return a.Existing[0]
}

// Key is a stable ID of the alert, for deduplication and moderator
// verdicts: the new claim, the kind and the earlier passages.
func (a Alert) Key() string {
	keys := make([]string, 0, len(a.Existing))
	for _, s := range a.Existing {
		keys = append(keys, s.Article+"\x00"+strconv.Itoa(s.Paragraph))
	}
	sort.Strings(keys)
	h := sha256.Sum256([]byte(sideKey(a.New) + "\x01" + string(a.Kind) + "\x01" + strings.Join(keys, "\x02")))
	return hex.EncodeToString(h[:8])
}

func sideKey(s Side) string {
	return s.Article + "\x00" + strconv.Itoa(s.Paragraph) + "\x00" + s.Claim + "\x00" + s.Figure
}

// UnmarshalJSON reads an alert, also in the form of earlier versions that
// had one Existing side (alerts kept in the outbox across an upgrade).
func (a *Alert) UnmarshalJSON(data []byte) error {
	type plain Alert
	var v struct {
		plain
		Existing json.RawMessage
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*a = Alert(v.plain)
	a.Existing = nil
	ex := strings.TrimSpace(string(v.Existing))
	switch {
	case ex == "" || ex == "null":
	case strings.HasPrefix(ex, "{"):
		var s Side
		if err := json.Unmarshal(v.Existing, &s); err != nil {
			return err
		}
		a.Existing = []Side{s}
	default:
		if err := json.Unmarshal(v.Existing, &a.Existing); err != nil {
			return err
		}
	}
	return nil
}

func sideOf(c *Claim) Side {
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

// memo keeps the claims of recently seen articles, keyed by content hash:
// Detect, Pairs and Timeline are called again and again on a corpus that
// changes by a few articles, and extraction is most of their cost. The
// slices it returns are shared and must not be modified.
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
	key := a.Hash() + "\x00" + a.File + "\x00" + a.ID
	cc.mu.Lock()
	cs, ok := cc.m[key]
	cc.mu.Unlock()
	if ok {
		return cs
	}
	cs = Extract(a)
	cc.mu.Lock()
	if cc.m == nil || len(cc.m) >= cc.limit {
		cc.m = map[string][]Claim{} // bounded memory beats a perfect hit rate
	}
	cc.m[key] = cs
	cc.mu.Unlock()
	return cs
}

// Order sorts articles the way alerts are raised: by publication date,
// then by file name; undated articles come last.
func Order(all []articles.Article) []articles.Article {
	out := append([]articles.Article(nil), all...)
	sort.SliceStable(out, func(i, j int) bool {
		return orderOf(out[i], articleWindow(out[i])).before(orderOf(out[j], articleWindow(out[j])))
	})
	return out
}

// Detect returns the alerts that the added articles raise against the
// existing ones (and against each other, in publication order): one per
// added article and contradicted statement. An added article that
// replaces an existing one with the same ID is compared with the rest,
// not with its old version. Updates are included (Kind.Alerts says which
// alerts moderators get).
func Detect(added, existing []articles.Article) []Alert {
	replaced := map[string]bool{}
	for _, a := range added {
		replaced[a.ID] = true
	}
	var px passageIndex
	for _, a := range Order(existing) {
		if !replaced[a.ID] {
			px.add(extractOne(a).claims)
		}
	}
	var out []Alert
	for _, a := range Order(added) {
		na := extractOne(a)
		out = append(out, alertsOf(&px, na)...)
		px.add(na.claims)
	}
	return out
}

// Pairs returns the alerts of the corpus, each article against the ones
// before it in publication order.
func Pairs(all []articles.Article) []Alert { return Detect(all, nil) }

type hit struct {
	x, y *Claim
	v    verdict
}

// alertsOf compares the claims of a new article with the index and
// groups what it finds.
func alertsOf(px *passageIndex, na extracted) []Alert {
	var (
		cands []*Claim
		hits  []hit
	)
	for i := range na.claims {
		x := &na.claims[i]
		cands = px.search(x, cands)
		for _, y := range cands {
			if y.Article == na.id {
				continue
			}
			if !viable(x, y) {
				continue
			}
			v := judge(x, y)
			if !v.kind.Notable() {
				continue
			}
			hits = append(hits, hit{x, y, v})
		}
	}
	return group(hits)
}

// viable reports pairs the decision list can find notable: a positive
// statement is noted only against a stance, a negation or a claim that
// its thing went the other way, a positive figure against a figure, a
// stance or a negation.
func viable(x, y *Claim) bool {
	tx, ty := typeOf(x), typeOf(y)
	xs := tx == tStance || x.negative()
	ys := ty == tStance || y.negative()
	switch {
	case xs || ys:
		return true
	case tx == tStatement && ty == tStatement && scheduled(x) && scheduled(y):
		return true // two plans may disagree on their date
	case direction(x) != 0 && direction(x) == -direction(y):
		return true // "ist gewachsen" against "ist geschrumpft"
	case tx == tStatement || ty == tStatement:
		return false
	}
	return true
}

// group merges hits into alerts: hits of one kind join when their new
// claims say the same in one paragraph, or when they contradict the same
// earlier passage. Each alert lists its earlier passages once.
func group(hits []hit) []Alert {
	if len(hits) == 0 {
		return nil
	}
	parent := make([]int, len(hits))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) { parent[find(i)] = find(j) }
	byKey := map[string]int{}
	for i, h := range hits {
		keys := []string{
			string(h.v.kind) + "\x00p\x00" + h.y.Article + "\x00" + strconv.Itoa(h.y.Paragraph),
			string(h.v.kind) + "\x00s\x00" + strconv.Itoa(h.x.Paragraph) + "\x00" + subjectOf(h.x),
		}
		for _, k := range keys {
			if j, ok := byKey[k]; ok {
				union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range hits {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []Alert
	for _, r := range roots {
		members := groups[r]
		sort.SliceStable(members, func(i, j int) bool {
			a, b := hits[members[i]], hits[members[j]]
			if a.v.severity != b.v.severity {
				return a.v.severity.rank() > b.v.severity.rank()
			}
			if a.v.weak != b.v.weak {
				return a.v.weak < b.v.weak
			}
			if sa, sb := strength(a), strength(b); sa != sb {
				return sa > sb
			}
			return b.y.order.before(a.y.order)
		})
		// One passage per earlier article: the best match. A denial that
		// also matches the article's introduction contradicts its report.
		bestOf := map[string]bool{}
		kept := members[:0]
		for _, m := range members {
			if a := hits[m].y.Article; !bestOf[a] {
				bestOf[a] = true
				kept = append(kept, m)
			}
		}
		members = kept
		best := hits[members[0]]
		al := Alert{Kind: best.v.kind, Severity: best.v.severity, Explanation: best.v.explain(best.x, best.y), New: sideOf(best.x)}
		seen := map[string]bool{}
		for _, m := range members {
			h := hits[m]
			k := h.y.Article + "\x00" + strconv.Itoa(h.y.Paragraph)
			if seen[k] {
				continue
			}
			seen[k] = true
			s := sideOf(h.y)
			s.Severity = h.v.severity
			al.Existing = append(al.Existing, s)
		}
		if n := len(al.Existing) - 1; n > 0 {
			al.Explanation.DE += " (" + strconv.Itoa(n) + " weitere frühere Passage" + plural(n, "", "n") + ")"
			al.Explanation.EN += " (" + strconv.Itoa(n) + " more earlier passage" + plural(n, "", "s") + ")"
		}
		out = append(out, al)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind.Alerts() != out[j].Kind.Alerts() {
			return out[i].Kind.Alerts()
		}
		return out[i].Severity.rank() > out[j].Severity.rank()
	})
	return out
}

// strength is how much of the earlier claim the new one names: a figure
// beats a statement, then the shared content words count.
func strength(h hit) int {
	n := 0
	if h.x.HasQuantity && h.y.HasQuantity {
		n += 10
	}
	if h.y.HasQuantity && containsNoun(h.x.nouns, h.y.Key) || h.x.HasQuantity && containsNoun(h.y.nouns, h.x.Key) {
		n += 5 // the stance names what the figure counts
	}
	if m, ok := contentMatch(h.x, h.y); ok {
		n += m
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// subjectOf is what a claim is about, for grouping the sentences of one
// paragraph that say the same.
func subjectOf(c *Claim) string {
	if c.HasQuantity {
		return c.Key + "\x00" + c.Unit
	}
	if len(c.nouns) > 0 {
		return "s\x00" + c.nouns[0]
	}
	return "s\x00" + c.Event
}
