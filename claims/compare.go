package claims

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
)

// Stage 4: comparison. Two claims are compared when they speak about the
// same thing: matching measured heads (or, for stances and statements,
// matching content), event anchors that do not name different places or
// owners, and overlapping times. Then a decision list gives the kind.

// Text is a message in German and English.
type Text struct{ DE, EN string }

// Comparison is the verdict on two claims.
type Comparison struct {
	Kind        Kind
	Severity    Severity // for alerting kinds and updates; "" otherwise
	Explanation Text     // one sentence in each language
}

// Compare decides how two claims relate, whichever is given first; the
// earlier one (by time spoken about, then publication order) is taken as
// the earlier report.
func Compare(x, y Claim) Comparison {
	v := judge(&x, &y)
	return Comparison{Kind: v.kind, Severity: v.severity, Explanation: v.explain(&x, &y)}
}

// verdict is Compare without the explanation, which costs more than the
// decision and is only needed for alerts.
type verdict struct {
	kind     Kind
	severity Severity
	why      string
	swapped  bool // y is the earlier claim
	weak     int  // how many gates held only loosely
}

func (v verdict) explain(x, y *Claim) Text {
	if v.swapped {
		x, y = y, x
	}
	return explain(v.kind, *x, *y, v.why)
}

func judge(x, y *Claim) verdict {
	a, b := x, y
	v := verdict{}
	if x.Unit != y.Unit && x.HasQuantity && y.HasQuantity {
		// "1,8 Tonnen" and "rund 800 Kilogramm": one measure in two units
		if fx, fy, base := unitScale(x.Unit, y.Unit); base != "" {
			xc, yc := *x, *y
			xc.Quantity, xc.Unit = scaleQuantity(x.Quantity, fx), base
			yc.Quantity, yc.Unit = scaleQuantity(y.Quantity, fy), base
			a, b = &xc, &yc
		}
	}
	if later(*a, *b) {
		a, b, v.swapped = b, a, true
	}
	why, weak := differentThing(a, b)
	if why != "" {
		v.kind, v.why = KindUnrelated, why
		return v
	}
	v.weak = weak
	v.kind = decide(a, b)
	if v.kind == KindConflict && kindBelowWhole(a, b) {
		v.kind = KindCompatible
	}
	switch {
	case v.kind == KindConflict && opposedTrends(a, b):
		v.why = "trend" // one says it grew, the other it shrank
	case v.kind == KindConflict && typeOf(a) == tStatement:
		v.why = "date" // two dated plans: the dates, not figures, disagree
	}
	if v.kind.Alerts() && (a.possible || b.possible) {
		// "könnte", "halten es für möglich": a possibility contradicts
		// nothing; it is shown as a change of the picture at most.
		v.kind = KindUpdate
	}
	if v.kind.Notable() {
		v.severity = severity(v.kind, a, b, weak)
	}
	return v
}

// unitBase gives each unit of a measure with several the unit it is
// compared in and its factor.
var unitBase = map[string]struct {
	base string
	f    float64
}{
	"g": {"kg", 0.001}, "kg": {"kg", 1}, "t": {"kg", 1000},
	"mm": {"m", 0.001}, "cm": {"m", 0.01}, "m": {"m", 1}, "km": {"m", 1000},
	"l": {"l", 1}, "m³": {"l", 1000},
	"m²": {"m²", 1}, "ha": {"m²", 1e4}, "km²": {"m²", 1e6},
	"kW": {"kW", 1}, "MW": {"kW", 1e3}, "GW": {"kW", 1e6},
	"ct": {"€", 0.01}, "€": {"€", 1},
	// spans of time: "45 Minuten" against "zweieinhalb Stunden"; months
	// and years have no fixed length in days
	"Minuten": {"Minuten", 1}, "Stunden": {"Minuten", 60}, "Tage": {"Minuten", 1440}, "Wochen": {"Minuten", 10080},
	"Monate": {"Monate", 1}, "Jahre": {"Monate", 12},
}

// unitScale returns the factors that bring two units of one measure to
// their common base, or base "" when they measure different things.
func unitScale(ua, ub string) (fa, fb float64, base string) {
	a, okA := unitBase[ua]
	b, okB := unitBase[ub]
	if !okA || !okB || a.base != b.base {
		return 0, 0, ""
	}
	return a.f, b.f, a.base
}

func scaleQuantity(q Quantity, f float64) Quantity {
	q.Low, q.High, q.Point, q.lowPrinted = q.Low*f, q.High*f, q.Point*f, q.lowPrinted*f
	return q
}

// later reports whether x speaks about a later time than y, or, the same
// time, comes later in publication order.
func later(x, y Claim) bool {
	xw, yw := x.When, y.When
	if x.Stance != StanceAssert || y.Stance != StanceAssert || x.Mode != ModeReport || y.Mode != ModeReport {
		// A plan's time is when it is to happen, a stance's when it is
		// taken: which was said first is the order of the articles.
		if x.order != y.order {
			return y.order.before(x.order)
		}
	}
	if xw.Known() && yw.Known() {
		if !xw.To.Equal(yw.To) {
			return xw.To.After(yw.To)
		}
		if !xw.From.Equal(yw.From) {
			return xw.From.After(yw.From)
		}
	}
	return y.order.before(x.order)
}

// claimType groups claims for the decision list.
type claimType int

const (
	tFigure claimType = iota
	tStatement
	tStance
)

func typeOf(c *Claim) claimType {
	switch {
	case c.HasQuantity:
		return tFigure
	case c.Stance != StanceAssert:
		return tStance
	}
	return tStatement
}

// differentThing returns why two claims are not about the same thing, or
// "" when they are; weak counts the gates that held only loosely (no name
// shared, a content match by one word).
func differentThing(a, b *Claim) (string, int) {
	ta, tb := typeOf(a), typeOf(b)
	weak := 0
	switch {
	case ta == tFigure && tb == tFigure && a.Stance == StanceAssert && b.Stance == StanceAssert:
		if why := differentMeasure(a, b); why != "" {
			return why, 0
		}
		if a.Key != b.Key {
			weak++ // a compound and its head: "Baukosten", "Kosten"
		}
		if !predicatesAgree(a.preds, b.preds) {
			if a.ownVerb || b.ownVerb {
				// "1.200 Bäume gepflanzt und 300 gefällt": its own
				// sentence tells the events apart by the verb
				return "event", 0
			}
			weak++ // different verbs: synonyms ("geschickt", "entsandt") or another event
		}
	case ta == tFigure && tb == tFigure:
		// a figure denied or taken back against a figure: the heads must
		// match, or the same amount of the same unit ("die zugesagte
		// Förderung von 20 Millionen Euro zurückgezogen")
		if a.Unit != b.Unit {
			return "thing", 0
		}
		if !keysMatch(a.Key, b.Key) {
			if a.Unit == "" || !sameFigure(a.Quantity, b.Quantity) {
				return "thing", 0
			}
			weak++
		}
	case ta == tStatement && tb == tStatement:
		if a.negative() == b.negative() && !plannedApart(a, b) && !opposedTrends(a, b) {
			return "no stance", 0 // two statements contradict by polarity, a plan's date or which way something went
		}
		if opposedTrends(a, b) {
			break // the changed things matched, what else differs is differentEvent's
		}
		if causeDenied(a, b) || causeDenied(b, a) {
			break // the cause named and denied: one noun, the cause, says what "nicht" denies
		}
		// Two statements of opposite polarity: only when they say nearly
		// the same words, since negation scope is read from punctuation.
		n, ok := contentMatch(a, b)
		if !ok || n < 2 || !sharesPredicate(a, b) && !sameCause(a, b) {
			return "content", 0
		}
	case ta == tStance && tb == tStance:
		// a denial of a cancellation ("Das Schulamt widersprach: Der
		// Unterricht finde weiterhin statt") against the cancellation
		if a.Stance == b.Stance {
			return "two stances", 0
		}
		n, ok := contentMatch(a, b)
		if !ok || n < 2 {
			return "content", 0
		}
	default:
		// a stance or a statement against a figure or a statement: what
		// the stance targets must be what the other says
		n, ok := contentMatch(a, b)
		if !ok && !commitmentTaken(a, b) && !commitmentTaken(b, a) {
			return "content", 0
		}
		if ok && !commitmentTaken(a, b) && !commitmentTaken(b, a) && (missesTarget(a, b) || missesTarget(b, a)) {
			return "content", 0
		}
		if n < 2 {
			weak++
		}
	}
	why, w := differentEvent(a, b)
	if why != "" {
		return why, 0
	}
	return "", weak + w
}

// differentMeasure compares what two figures measure.
func differentMeasure(a, b *Claim) string {
	switch {
	case a.Unit != b.Unit:
		return "unit"
	case listedPart(a, b) || listedPart(b, a):
		return "part"
	case !sameThing(a, b) && !kindAndWhole(a, b):
		return "thing"
	case shareUnsaid(a, b) || shareUnsaid(b, a) || rateUnsaid(a, b) || rateUnsaid(b, a) || dimensionsDiffer(a, b):
		return "thing" // the share of drivers is not the share of cyclists, nor the rate of recycling what was burnt, nor a height a length
	case (a.days || b.days) && a.Key == b.Key && !commonPredicate(a.preds, b.preds):
		// days on which it rained are not days the limit was exceeded
		return "event"
	case a.Change != 0 && b.Change == 0 || a.Change == 0 && b.Change != 0:
		return "change"
	case a.base != "" && b.base != "" && a.base != b.base:
		return "base"
	case !sameModifiers(unsaidModifiers(a, b), unsaidModifiers(b, a)):
		return "part"
	case opposed(a.dirs, b.dirs):
		return "event"
	}
	return ""
}

// listedPart: x counts a list's class ("Autos, Lastwagen und andere
// Fahrzeuge") and y one of the nouns the list names ("300 Autos"): a part
// of what x counts, whatever key the noun has.
func listedPart(x, y *Claim) bool {
	if len(x.listed) == 0 || y.Head == "" || len(y.listed) > 0 {
		return false
	}
	return containsString(x.listed, stem(y.Head))
}

// sameThing: the two figures' measured nouns name one thing, by the key,
// a compound, a synonym of the thesaurus or through English, or a word of
// the other clause.
func sameThing(a, b *Claim) bool {
	return keysMatch(a.Key, b.Key) ||
		// "Läuferinnen und Läufer" and "Läufer"
		keysMatch(pairKey(a), pairKey(b)) ||
		compoundOf(a.Key, b.Key) ||
		(a.Unit != "" && unitCompound(a.Key, b.Key)) ||
		splitAcross(a, b) ||
		splitAcross(b, a) ||
		compoundAcross(a, b) ||
		compoundAcross(b, a) ||
		durationOf(a, b) ||
		durationOf(b, a) ||
		(a.Unit != "" && (measuredIn(a, b) || measuredIn(b, a))) ||
		synonymHeads(a.Head, b.Head) ||
		pivotHeads(a.Head, b.Head) ||
		thingHeadsOfOneModifier(a.Head, b.Head) ||
		nominalisedIn(a, b) ||
		nominalisedIn(b, a) ||
		sameCollectiveHeads(a.Head, b.Head) ||
		crewsInContext(a, b) ||
		crewsInContext(b, a) ||
		(physicalUnit(a.Unit) && (compoundHead(a.Head, b.Head) || compoundHead(b.Head, a.Head))) ||
		broadSynonymsInContext(a, b) ||
		areaOf(a, b) ||
		areaOf(b, a) ||
		votesOf(a, b) ||
		votesOf(b, a) ||
		jobsOf(a, b) ||
		jobsOf(b, a) ||
		doersOf(a, b) ||
		doersOf(b, a) ||
		shareOf(a, b) ||
		shareOf(b, a) ||
		rateOf(a, b) ||
		rateOf(b, a) ||
		measureOfEvent(a, b) ||
		measureOfEvent(b, a) ||
		compoundByAdjective(a, b) ||
		compoundByAdjective(b, a) ||
		actNounOf(a, b) ||
		actNounOf(b, a) ||
		actNounByPivot(a, b) ||
		actNounByPivot(b, a) ||
		verbNounOf(a, b) ||
		verbNounOf(b, a) ||
		casesOf(a, b) ||
		casesOf(b, a) ||
		withoutOf(a, b) ||
		withoutOf(b, a) ||
		membersOfGroup(a, b) ||
		membersOfGroup(b, a) ||
		broadNounInContext(a, b) ||
		broadNounInContext(b, a) ||
		(a.Unit == "" && (eventVerbOf(a, b) || eventVerbOf(b, a) || eventNounOf(a, b) || eventNounOf(b, a))) ||
		(wholeGiven(a) && wholeGiven(b) && sameModifiers(a.Modifiers, b.Modifiers) && (compoundHead(a.Head, b.Head) || compoundHead(b.Head, a.Head)))
}

// thingHeads are compound heads that only say "a thing": "Fundsachen",
// "Fundstücke" and "Fundgegenstände" are all things found.
var thingHeads = set("sach stuck gegenstand objekt ding")

// thingHeadsOfOneModifier: two compounds of one first part whose heads
// are both thingHeads ("Fundsachen", "Fundstücke"; "Wertsachen",
// "Wertgegenstände").
func thingHeadsOfOneModifier(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ca, cb := splitNoun(a), splitNoun(b)
	return ca.modifier != "" && ca.modifier == cb.modifier && ca.head != cb.head &&
		thingHeads[foldUmlauts(ca.head)] && thingHeads[foldUmlauts(cb.head)]
}

// kindAndWhole: one figure counts a kind, the other its broader term in
// an article that names the kind (see broaderInContext), or people of a
// kind against people (see peopleOfKind); judge reads the pair as a part
// and its whole.
func kindAndWhole(a, b *Claim) bool {
	return broaderInContext(a, b) || broaderInContext(b, a) || peopleOfKind(a, b) || peopleOfKind(b, a)
}

// collectiveHeads end compounds that name a group of people by what they
// do: "Feuerwehrleute", "Feuerwehrkräfte", "Feuerwehrmänner" are one crew.
var collectiveHeads = set("leute kräfte männer frauen personal personen menschen")

// crewsInContext: two compounds ending in a word for people as a group
// ("Einsatzkräfte", "Feuerwehrleute") whose first parts differ, where the
// one clause's owner is the other's first part ("Die Feuerwehr war mit 150
// Einsatzkräften …"): whose crew they are. ("im Einsatz" names a task, not
// an owner.) The clauses share a name.
func crewsInContext(x, y *Claim) bool {
	if x.Head == "" || y.Head == "" || x.Unit != "" || y.Unit != "" {
		return false
	}
	px, py := splitNoun(strings.ToLower(x.Head)).parts, splitNoun(strings.ToLower(y.Head)).parts
	if len(px) < 2 || len(py) < 2 || !collectiveHead(px[len(px)-1]) || !collectiveHead(py[len(py)-1]) {
		return false
	}
	owner := stem(strings.Join(py[:len(py)-1], ""))
	if len(owner) < 4 || strings.TrimPrefix(x.ownerKey, "~") != owner {
		return false
	}
	return namesShared(x, y)
}

// collectiveHead: a last part of collectiveHeads, or its dative
// ("Einsatzkräften").
func collectiveHead(p string) bool {
	return collectiveHeads[p] || collectiveHeads[strings.TrimSuffix(p, "n")]
}

// sameCollectiveHeads: two compounds of one first part, each ending in a
// word for people as a group.
func sameCollectiveHeads(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	pa, pb := splitNoun(strings.ToLower(a)).parts, splitNoun(strings.ToLower(b)).parts
	if len(pa) < 2 || len(pb) < 2 {
		return false
	}
	return strings.Join(pa[:len(pa)-1], "") == strings.Join(pb[:len(pb)-1], "") &&
		collectiveHeads[pa[len(pa)-1]] && collectiveHeads[pb[len(pb)-1]]
}

// physicalUnit: a unit that measures one object's size (weight, length,
// volume, area), not a share or an amount of money, which count a
// population or an account that a compound narrows.
func physicalUnit(u string) bool {
	b, ok := unitBase[u]
	return ok && b.base != "€" && durationUnits[strings.ToLower(u)] == "" // a span of time is no physical size
}

// compoundHead: a's measured noun is a compound whose last part, as the
// dictionary splits it, is b's noun ("Fliegerbombe", "Bombe"): with a
// physical unit the two measure one thing, however short the head.
func compoundHead(a, b string) bool {
	if a == "" || b == "" || strings.EqualFold(a, b) {
		return false
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if len(lb) >= 4 && len(la) >= len(lb)+3 && strings.HasSuffix(la, lb) {
		return true // (the split can go wrong: "Wasserproben" is "was", "erproben")
	}
	pa := splitNoun(la).parts
	return len(pa) >= 2 && len(pa[len(pa)-1]) >= 4 && stem(pa[len(pa)-1]) == stem(lb)
}

// broadSynonymsInContext: two measured nouns the thesaurus lists as each
// other's synonyms although each has many senses ("Stände", "Buden"), in
// clauses that share another content noun, which picks the sense ("auf
// dem Domplatz"), and is not the title of a name ("Der Autozulieferer
// Brose" names whose "Stellen" and "Standorte" they are).
func broadSynonymsInContext(a, b *Claim) bool {
	if a.Head == "" || b.Head == "" || strings.EqualFold(a.Head, b.Head) {
		return false
	}
	shared := false
	for _, x := range a.nouns {
		// (a title of a name, "Der Autozulieferer Brose", says whose
		// figures they are, not in which sense)
		if x != a.Key && len(x) >= 5 && !strings.HasPrefix(x, "v:") && containsNoun(b.nouns, x) && x != b.Key && !titleOfName(a, x) && !titleOfName(b, x) {
			shared = true
			break
		}
	}
	if !shared {
		return false
	}
	lists := func(es, other []*synEntry) bool {
		for _, e := range es {
			for _, o := range other {
				if e.syns[o.lemma] {
					return true
				}
			}
		}
		return false
	}
	ea, eb := synonymsOf(a.Head), synonymsOf(b.Head)
	return lists(ea, eb) && lists(eb, ea)
}

// areaOf: with a unit of area, x's noun names only an area ("Die
// Brandfläche des Feuers") and y's clause shares x's other content noun
// ("verbrannten bei dem Feuer 150 Hektar Wald"): both give the area of
// what that noun names.
func areaOf(x, y *Claim) bool {
	if b, ok := unitBase[x.Unit]; !ok || b.base != "m²" {
		return false
	}
	if lh := strings.ToLower(x.Head); !strings.HasSuffix(lh, "fläche") && !strings.HasSuffix(lh, "flächen") {
		return false
	}
	for _, n := range x.nouns {
		if n != x.Key && len(n) >= 5 && !strings.HasPrefix(n, "v:") && containsNoun(y.nouns, n) {
			return true
		}
	}
	return false
}

// keysMatch: the same key, or a compound ending in the other ("Teilzeitstellen"
// is not "Stellen"; a compound of a class already became the class).
func keysMatch(a, b string) bool {
	return a != "" && a == b
}

// compoundOf reports a compound ending in the other key, of five letters
// or more: "baukost" and "kost", "ablosesumm" was cut already.
func compoundOf(a, b string) bool {
	if a == "" || b == "" || strings.HasPrefix(a, "v:") || strings.HasPrefix(b, "v:") {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(b) >= 5 && strings.HasSuffix(a, b) && !equivalenceKey(b)
}

// splitAcross: x's key is a compound of y's key and a noun or name of y's
// sentence: "3.410 Unternehmensinsolvenzen" and "2.840 Unternehmen
// meldeten Insolvenz an".
func splitAcross(x, y *Claim) bool {
	if len(y.Key) < 5 || strings.HasPrefix(y.Key, "v:") || equivalenceKey(y.Key) {
		return false
	}
	rest, ok := strings.CutPrefix(x.Key, y.Key)
	if !ok {
		return false
	}
	for _, link := range []string{"ens", "es", "en", "s", "n", ""} {
		if r, ok := strings.CutPrefix(rest, link); ok && len(r) >= 4 {
			rest = r
			break
		}
	}
	if len(rest) < 4 {
		return false
	}
	for _, n := range y.nouns {
		if n != y.Key && (n == rest || nounsMatch(n, rest)) {
			return true
		}
	}
	for _, n := range y.Anchors {
		if n == rest || len(n) >= 5 && strings.HasPrefix(rest, n) {
			return true
		}
	}
	return false
}

// compoundAcross: x's measured noun is a compound ("Steuereinnahmen")
// whose one part is y's measured noun and whose other part is what y's
// clause says in a verb or another noun ("nahm 1,2 Prozent weniger
// Steuern ein"): the compound is the sentence said in one word. The parts
// come from the dictionary split, so "Steuer" keeps its "er".
func compoundAcross(x, y *Claim) bool {
	if y.Key == "" || strings.HasPrefix(y.Key, "v:") || equivalenceKey(y.Key) || x.Head == "" {
		return false
	}
	parts := germanData().SplitCompound(strings.ToLower(x.Head))
	if len(parts) < 2 {
		return false
	}
	first, last := strings.Join(parts[:len(parts)-1], ""), parts[len(parts)-1]
	said := func(part string) bool {
		k := stem(part)
		for _, n := range y.nouns {
			if n != y.Key && nounsMatch(n, k) {
				return true
			}
		}
		// a noun read as a name at the head of a phrase: "als Ersatz"
		if len(k) >= 5 && containsString(y.Anchors, k) {
			return true
		}
		sk := skeleton(k)
		vk := nounVerbKey(k) // "Baumfällungen" and "Bäume gefällt": the act's noun is its verb
		for _, p := range y.preds {
			if len(p) >= 5 && strings.HasPrefix(sk, p) || len(p) >= 2 && (sk == p || vk == p) {
				return true
			}
		}
		return false
	}
	return stem(first) == y.Key && said(last) || stem(last) == y.Key && said(first)
}

// nominalisedIn: x counts people ("2,9 Millionen Menschen waren
// arbeitslos") by what its clause says of them, and y counts the noun
// made of that adjective or participle ("die Zahl der Arbeitslosen"): the
// noun is the predicate said as a noun.
func nominalisedIn(x, y *Claim) bool {
	if x.Key != genericKey || len(y.Key) < 5 || strings.HasPrefix(y.Key, "v:") || equivalenceKey(y.Key) {
		return false
	}
	sk := skeleton(y.Key)
	for _, p := range x.preds {
		if p == sk {
			return true
		}
	}
	return false
}

// eventVerbOf: y counts the people taking part in an event its clause
// names by a noun ("Am Streik beteiligten sich 6.000 Beschäftigte"), and
// x counts people by the verb of that noun ("4.000 Beschäftigte
// streikten"): the noun and the verb are one word.
func eventVerbOf(x, y *Claim) bool {
	if y.Key != genericKey || x.Unit != "" || y.Unit != "" || strings.HasPrefix(x.Key, "v:") {
		return false
	}
	for _, p := range x.preds {
		if len(p) < 3 {
			continue
		}
		for _, n := range y.nouns {
			if n != y.Key && n != x.Key && skeleton(n) == p {
				return true
			}
		}
	}
	return false
}

// eventNounOf: y counts people by the verb of an event ("Rund 9.000
// Teilnehmer starteten"), and x counts people named by what they do
// ("14.300 Läuferinnen und Läufer") in a clause that says the event as a
// noun ("an den Start gegangen"): both count those who started.
func eventNounOf(x, y *Claim) bool {
	if y.Key != genericKey || x.Unit != "" || y.Unit != "" || !personNoun(x.Head) {
		return false
	}
	for _, p := range y.preds {
		if len(p) < 3 {
			continue
		}
		for _, n := range x.nouns {
			if n != x.Key && skeleton(n) == p {
				return true
			}
		}
	}
	return false
}

// personNoun: a noun for people by what they do, "Läuferinnen",
// "Bewohner", "Fahrer".
func personNoun(head string) bool {
	lw := strings.ToLower(head)
	return strings.HasSuffix(lw, "innen") || agentNoun(lw) || strings.HasSuffix(lw, "er") || strings.HasSuffix(lw, "ern")
}

// wholeGiven: a count out of a given whole ("3 von 40 Proben").
func wholeGiven(c *Claim) bool {
	for _, m := range c.Modifiers {
		if strings.HasPrefix(m, "von ") {
			return true
		}
	}
	return false
}

// genericKey is the key of a count of people ("Menschen", "Personen").
const genericKey = "mensch"

// durationOf: a duration noun made of a verb ("eine Laufzeit von 24
// Monaten", "die Bauzeit") and the same verb with a bare duration ("läuft
// 30 Monate") measure the same span.
func durationOf(x, y *Claim) bool {
	p, ok := strings.CutPrefix(y.Key, "v:")
	if !ok || !timeUnits[x.Unit] || x.Head == "" {
		return false
	}
	parts := germanData().SplitCompound(strings.ToLower(x.Head))
	if len(parts) < 2 || !spanNouns[parts[len(parts)-1]] {
		return false
	}
	first := stem(strings.Join(parts[:len(parts)-1], ""))
	// (the verb key may have lost a stem's last consonant with its ending:
	// "warten" is keyed "wr", "Wartezeit" begins "wrt")
	if sk := skeleton(first); len(p) >= 2 && strings.HasPrefix(sk, p) && len(sk) <= len(p)+1 || len(p) >= 5 && strings.HasPrefix(sk, p) {
		return true
	}
	if p == durationVerb {
		// "Der Bau dauert drei Jahre" and "Die Bauzeit beträgt fünf Jahre"
		for _, n := range y.nouns {
			if n == first {
				return true
			}
		}
	}
	return false
}

// durationVerb is the key of "dauern", the verb that says how long what
// its subject names lasts.
var durationVerb = verbKey("dauert")

// spanNouns end a compound that names how long something lasts.
var spanNouns = set("zeit dauer frist")

// timeUnits are the units of durations.
var timeUnits = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range durationUnits {
		m[u] = true
	}
	return m
}()

// measuredIn: with a unit, x's measured noun is a content noun of y's
// clause, or the verb or predicate of y's clause is x's noun
// ("62,1 Prozent der Fernzüge waren pünktlich", "Die Pünktlichkeit lag
// bei 55,8 Prozent"; "zwölf Kubikmeter pro Sekunde abgegeben", "Die
// Abgabe beträgt 30 Kubikmeter pro Sekunde").
func measuredIn(x, y *Claim) bool {
	if len(x.Key) < 5 || strings.HasPrefix(x.Key, "v:") {
		return false
	}
	for _, n := range y.nouns {
		if n != y.Key && nounsMatch(n, x.Key) {
			return true // "Einnahmen aus der Gewerbesteuer", "1,9 Milliarden Euro Gewerbesteuer"
		}
	}
	sk := skeleton(x.Key)
	for _, p := range y.preds {
		if len(p) >= 5 && strings.HasPrefix(sk, p) || len(p) >= 3 && sk == p {
			return true
		}
		// a predicate adjective read as a verb lost its "t" with the
		// ending ("300 Meter breit" is keyed "br"); the noun made of it
		// keeps it ("eine Breite von 80 Metern")
		if len(p) == 2 && len(sk) == 3 && sk[2] == 't' && strings.HasPrefix(sk, p) {
			return true
		}
	}
	return false
}

// unitCompound: with a unit, a compound and its first part measure the
// same ("2,1 Millionen Tonnen Getreideernte", "2,8 Millionen Tonnen Getreide").
func unitCompound(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(b) >= 5 && strings.HasPrefix(a, b) && !equivalenceKey(b) && !strings.HasPrefix(b, "v:")
}

// equivalenceKey reports the class keys: a compound of a class already
// became the class where the class allows it ("Baustellen" are no Stellen).
func equivalenceKey(k string) bool { return classKeys[k] }

var classKeys = func() map[string]bool {
	m := map[string]bool{"mensch": true}
	for _, v := range equivalences {
		m[v] = true
	}
	return m
}()

func sameModifiers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y || stem(x) == stem(y) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// commonPredicate: the two clauses share a content verb.
func commonPredicate(a, b []string) bool {
	return len(a) > 0 && len(b) > 0 && predicatesAgree(a, b)
}

// predicatesAgree: when both clauses have content verbs, one must be
// shared ("Stellen geschaffen" is not "Stellen gestrichen").
func predicatesAgree(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// commitmentTaken: "hat sein Hilfsangebot zurückgezogen" takes back the
// offer or plan its owner made, whatever it was about.
func commitmentTaken(st, target *Claim) bool {
	if st.Stance != StanceRetract || !st.commits || !target.Mode.intention() {
		return false
	}
	ctx := append(append([]string{st.ownerKey}, st.Anchors...), st.ctx.around(st.Paragraph)...)
	return target.ownerKey != "" && containsName(ctx, target.ownerKey)
}

// opposed reports verbs of the two clauses that go in opposite
// directions: making against losing, adding against cutting.
func opposed(da, db int) bool {
	return da != 0 && db != 0 && da&db == 0
}

// contentMatch compares what a stance or statement says with another
// claim: shared nouns (the other's measured head counts), and shared
// predicates when both have some. It returns how many words matched.
func contentMatch(a, b *Claim) (int, bool) {
	an, bn := contentNouns(a), contentNouns(b)
	nouns := 0
	for _, x := range an {
		for _, y := range bn {
			if nounsMatch(x, y) {
				nouns++
				break
			}
		}
	}
	preds := 0
	for _, x := range a.preds {
		for _, y := range b.preds {
			if x == y {
				preds++
				break
			}
		}
	}
	if nouns > 0 && (adverbCompound(a, b) || adverbCompound(b, a)) {
		// (what is closed must be named alike: the verb alone is no
		// target)
		preds++
	}
	if compoundSaid(a, b, bn) || compoundSaid(b, a, an) {
		// "Berichte über einen zweiten Bombenfund" and "eine zweite
		// Fliegerbombe gefunden": the compound is the clause in one word
		nouns++
		preds++
	}
	names := 0
	for _, x := range a.Anchors {
		if containsName(b.Anchors, x) {
			names++
		}
	}
	if nouns == 0 && names+preds > 0 && (compoundHeadIn(an, b) || compoundHeadIn(bn, a)) {
		// "die zweite Bombe in Osnabrück" and "eine zweite Fliegerbombe in
		// Osnabrück": with a name or verb shared, a compound's head counts
		nouns++
	}
	if st, other := deniedRetraction(a, b); st != nil {
		// A denial of a cancellation names the cancellation ("Absage"
		// for "fällt aus"); what was cancelled is what its article is
		// about when the sentence names nothing ("Mira Stein tritt auf").
		nouns++
		if len(st.Anchors) == 0 {
			for _, x := range st.ctx.around(st.Paragraph) {
				if containsName(other.Anchors, x) {
					names++
				}
			}
		}
	}
	if nouns == 0 && (names < 2 || preds == 0 && typeOf(a) != tStance && typeOf(b) != tStance) {
		return 0, false
	}
	if (contentPreds(a.preds) && contentPreds(b.preds) || names == 0 && len(a.preds) > 0 && len(b.preds) > 0) && preds == 0 && names < 2 {
		// "bestreitet, das Werk schließen zu wollen" does not deny "will im
		// Werk 500 Stellen streichen"; a stance on an event noun alone
		// ("Das Konzert wurde abgesagt") has no verb to compare.
		if typeOf(a) != tStance && typeOf(b) != tStance || nouns < 2 {
			return 0, false
		}
	}
	return nouns + preds + names, true
}

// missesTarget reports a denial or retraction st whose target names
// neither what the claim f says nor its verb. The target is what the
// stance's nouns name save those a preposition governs, which say where
// or on what occasion: "Die Stadt widerspricht dem Eindruck eines
// Ansturms auf das Tierheim" denies a rush, neither "Im Tierheim wurden
// 180 Katzen abgegeben" nor "Das Tierheim hat einen Aufnahmestopp
// verhängt"; "Das Feuerwerk beim Stadtfest wurde abgesagt" calls off the
// fireworks, not the festival. A figure's target is what it counts or a
// noun of its clause other than where it happens; a statement, whose
// words are read less closely, is also met where both name the same
// occasion ("Berichten, wonach bei der Razzia …").
func missesTarget(st, f *Claim) bool {
	if typeOf(st) != tStance || f.Stance != StanceAssert || typeOf(f) == tStance {
		return false
	}
	for _, p := range st.preds {
		if containsString(f.preds, p) {
			return false
		}
	}
	figure := typeOf(f) == tFigure
	var things []string
	if figure {
		things = append(things, f.Key, nounKey(f.Head))
	}
	things = append(things, f.nouns...)
	// Only a match through the occasion alone misses: where no noun
	// matches, the names decide as before.
	matched := false
	for _, n := range st.nouns {
		circumstance := containsString(st.placeNouns, n)
		for _, k := range things {
			if !nounsMatch(n, k) {
				continue
			}
			// the figure's place ("auf der Fähre") is no more its thing
			place := figure && containsString(f.placeNouns, k)
			if !circumstance && !place || circumstance && !figure && containsString(f.placeNouns, k) {
				return false
			}
			matched = true
		}
	}
	return matched && !compoundSaid(st, f, things)
}

// compoundHeadIn reports a compound noun of y whose head, by the
// dictionary's split, is one of the content nouns xs of another claim: a
// "Fliegerbombe" is a "Bombe". nounsMatch sees such heads from five
// letters on; the split finds the shorter ones without taking "Rate" for
// the end of "Karate".
func compoundHeadIn(xs []string, y *Claim) bool {
	if len(xs) == 0 {
		return false
	}
	has := func(w string) bool {
		cp := splitNoun(w)
		return cp.head != "" && containsString(xs, cp.head)
	}
	if y.HasQuantity && len(y.Head) >= minCompoundWord && has(y.Head) {
		return true
	}
	for _, w := range y.compounds {
		if has(w) {
			return true
		}
	}
	return false
}

// compoundSaid reports a compound noun of x whose head is the noun of a
// verb of y and whose modifier is one of y's content nouns ys: "Bombenfund"
// says "eine Bombe gefunden", "Deichbruch" "der Deich brach". The noun of
// a verb has the verb's consonants (Fund, gefunden; Bruch, brach).
func compoundSaid(x, y *Claim, ys []string) bool {
	if len(y.preds) == 0 {
		return false
	}
	for _, w := range x.compounds {
		cp := splitNoun(w)
		if len(cp.headSkeleton) < 3 || !containsString(y.preds, cp.headSkeleton) {
			continue
		}
		for _, n := range ys {
			if nounsMatch(n, cp.modifier) {
				return true
			}
		}
		if compoundHeadIn([]string{cp.modifier}, y) {
			return true
		}
	}
	return false
}

// adverbCompound: a verb of x, read off a compound noun ("Vollsperrung",
// "vlspr"), is a verb of y ("gesperrt", "spr") after a word of y's
// sentence that is the compound's first part ("voll", "komplett"): the
// adverb and the verb the compound joins.
func adverbCompound(x, y *Claim) bool {
	for _, p := range x.preds {
		for _, b := range y.preds {
			first, ok := strings.CutSuffix(p, b)
			if !ok || len(b) < 3 || len(first) < 2 {
				continue
			}
			for _, w := range letterWords(strings.ToLower(y.Text)) {
				if len(w) >= 4 && skeleton(w) == first {
					return true
				}
			}
		}
	}
	return false
}

// compoundParts is a compound noun read for comparison: the stems of its
// head and of what precedes it, the head's consonants, and the parts as
// the dictionary split them (lower case, not to be modified).
type compoundParts struct {
	head, modifier, headSkeleton string
	parts                        []string
}

// splitNoun splits a noun (as written or lower case) with the
// dictionary, cached: comparing a stance with its candidates splits the
// same nouns again and again. The zero value is no compound.
func splitNoun(w string) compoundParts {
	if v, ok := compoundCache.Load(w); ok {
		return v.(compoundParts)
	}
	var cp compoundParts
	if parts := germanData().SplitCompound(strings.ToLower(w)); len(parts) >= 2 {
		cp.head = stem(parts[len(parts)-1])
		cp.modifier = stem(strings.Join(parts[:len(parts)-1], ""))
		cp.headSkeleton = skeleton(cp.head)
		cp.parts = parts
	}
	if compoundCacheSize.Add(1) > maxCompoundCache {
		compoundCache.Clear()
		compoundCacheSize.Store(0)
	}
	compoundCache.Store(w, cp)
	return cp
}

var (
	compoundCache     sync.Map // word → compoundParts
	compoundCacheSize atomic.Int64
)

const maxCompoundCache = 50_000

// deniedRetraction returns the denial of a retraction and the retraction
// it may deny, in that order, or nil.
func deniedRetraction(a, b *Claim) (*Claim, *Claim) {
	switch {
	case a.deniesStance && b.Stance == StanceRetract:
		return a, b
	case b.deniesStance && a.Stance == StanceRetract:
		return b, a
	}
	return nil, nil
}

// contentPreds reports a verb key of three consonants or more. Shorter
// keys are the light verbs of phrases whose noun says what happens ("eine
// Gefahr geht … aus", "es kommt zu", "gibt"), or too short to tell two
// verbs apart ("sagen", "siegen"): where a name is shared, their mismatch
// shows no other event.
func contentPreds(ps []string) bool {
	for _, p := range ps {
		if len(p) >= 3 {
			return true
		}
	}
	return false
}

func contentNouns(c *Claim) []string {
	if c.HasQuantity && c.Key != "" {
		return appendUnique(append([]string(nil), c.nouns...), c.Key)
	}
	return c.nouns
}

// nounsMatch: the same key, or one a compound ending in the other of at
// least five letters ("Zentralbibliothek", "Bibliothek").
func nounsMatch(a, b string) bool {
	if a == b {
		return a != ""
	}
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	return strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// differentEvent compares the anchors: different places in the two
// sentences, a place of one that the other's article never names, or
// different owners make different events. weak is 1 when no name is
// shared at all.
func differentEvent(a, b *Claim) (string, int) {
	// One city's march is not another's.
	if len(a.Places) > 0 && len(b.Places) > 0 && !anyShared(a.Places, b.Places) &&
		!anyShared(a.Places, placeAnchors(b)) && !anyShared(b.Places, placeAnchors(a)) {
		return "place", 0
	}
	// "In der Stadt fehlen 4.000 Sozialwohnungen" under "Düsseldorf –" is
	// Düsseldorf's figure, not Cologne's: a sentence that names its place
	// only by referring back is of its article's dateline town. The same
	// town places both figures, whatever else their sentences name (a
	// speaker, a word for the thing unlike the other's). Another town
	// parts them only when the sentence says it speaks of the town ("in
	// der Stadt") and the articles share no name: a dateline may be just
	// the reporter's town ("Stade –" over a count "mit der Fähre" at
	// Wischhafen).
	datelined := false
	if typeOf(a) == tFigure && typeOf(b) == tFigure {
		ta, tb := datelineTown(a), datelineTown(b)
		wa, wb := a.Places, b.Places
		if ta != nil {
			wa = ta
		}
		if tb != nil {
			wb = tb
		}
		if (ta != nil || tb != nil) && len(wa) > 0 && len(wb) > 0 {
			town := (ta == nil || a.level == "town") && (tb == nil || b.level == "town")
			if town && !anyShared(wa, wb) && !mentionsAny(a.ctx, wb) && !mentionsAny(b.ctx, wa) && !anyShared(a.ctx.all, b.ctx.all) {
				return "place", 0
			}
			datelined = anyShared(wa, wb)
		}
	}
	// A plant's staff is not the group's: a place the other article
	// never names.
	if typeOf(a) == tFigure && typeOf(b) == tFigure && (a.ownerKey != "" || b.ownerKey != "") {
		for _, p := range a.locations {
			if (p != homeCountry || worldwide(b)) && !b.ctx.mentions(p) && !containsName(b.Anchors, p) {
				return "place", 0
			}
		}
		for _, p := range b.locations {
			if (p != homeCountry || worldwide(a)) && !a.ctx.mentions(p) && !containsName(a.Anchors, p) {
				return "place", 0
			}
		}
	}
	// "Der Yachtclub „Möwe“ will seine 190 Liegeplätze erweitern" is
	// not "In Kiel gibt es 1.900 Liegeplätze": what one named owner
	// holds against a place's count whose article never names it.
	if typeOf(a) == tFigure && typeOf(b) == tFigure && (ownerApartFromPlace(a, b) || ownerApartFromPlace(b, a)) {
		return "owner", 0
	}
	// "bundesweit" and "im Freistaat", "auf allen Linien" and "auf der
	// Linie 5": the whole and one of its parts.
	if typeOf(a) == tFigure && typeOf(b) == tFigure && (wholeAndPart(a, b) || wholeAndPart(b, a)) {
		return "place", 0
	}
	if typeOf(a) == tFigure && typeOf(b) == tFigure {
		if why := anotherOccasion(a, b); why != "" {
			return why, 0
		}
	}
	// One station's reading is not another's: "an der Landshuter Allee"
	// and "am Stachus", when neither article names the other's spot.
	if typeOf(a) == tFigure && typeOf(b) == tFigure && a.spot != "" && b.spot != "" && !sameSpot(a, b) {
		return "place", 0
	}
	// Bosch's figure is not Conti's. A stance's owner is who denies or
	// takes back, often another party than who reported: not compared.
	if a.ownerKey != "" && b.ownerKey != "" && a.Stance == StanceAssert && b.Stance == StanceAssert && differentOwners(a, b) {
		return "owner", 0
	}
	// "3.000 nordkoreanische Soldaten" against soldiers of a claim that
	// names no owner: the origin must be named around the other claim.
	for _, p := range [][2]*Claim{{a, b}, {b, a}} {
		x, y := p[0], p[1]
		// (not "deutsch": German news speaks of Germany without saying so)
		// (nor on the size of one object: "eine 250 Kilogramm schwere
		// britische Fliegerbombe" is the bomb "Die Bombe … wiegt" weighs)
		if k := x.ownerKey; x.ownerAdj && !strings.HasPrefix(k, "deutsch") && !physicalUnit(x.Unit) && (y.ownerKey == "" || strings.HasPrefix(y.ownerKey, "~")) && y.Stance == StanceAssert && x.Stance == StanceAssert &&
			!containsName(y.Anchors, k) && !containsName(y.ctx.paragraphNames(y.Paragraph), k) {
			return "owner", 0
		}
	}
	if typeOf(a) == tStatement && typeOf(b) == tStatement && len(a.Anchors) > 0 && len(b.Anchors) > 0 && !namesShared(a, b) {
		// "Eine Evakuierung von Wilhelmsburg ist nicht geplant" does not
		// deny that Ohlsdorf is evacuated: what both say is the same verb,
		// where it happens is not
		return "anchors", 0
	}
	// What the figures measure ("Kokain", "Stellen" in "Stellenabbau")
	// is what made them meet: no sign of one event. A noun of one
	// sentence may stand for a name the other writes as one ("der
	// Pumpenhersteller Hartmann"), but a common noun both use ("im
	// Stadtgebiet", "Zollbeamte") is every town's.
	na := eventNames(a, b, a.Anchors, a.ctx.eventAround(a.Paragraph))
	nb := eventNames(a, b, b.Anchors, b.ctx.eventAround(b.Paragraph))
	if a.ownerKey != "" {
		na = append(na, a.ownerKey)
	}
	if b.ownerKey != "" {
		nb = append(nb, b.ownerKey)
	}
	la, lb := eventNames(a, b, longNouns(a.nouns)), eventNames(a, b, longNouns(b.nouns))
	if typeOf(a) != tFigure || typeOf(b) != tFigure {
		// what a stance or a statement is about are its nouns
		na, nb = append(na, la...), append(nb, lb...)
	}
	// "am Neckartor" in both: one spot is one event's place
	spot := a.spot != "" && b.spot != "" && sameSpot(a, b)
	if datelined || spot || anyShared(na, nb) || anyShared(la, nb) || anyShared(na, lb) {
		return "", 0
	}
	// Both sentences name something and share nothing: different events.
	// (Who gives a figure, "sagte Landrat Kai Seefried", "so die Autobahn
	// GmbH", names no event of it.)
	if len(ownNames(a, b, a)) > 0 && len(ownNames(a, b, b)) > 0 {
		return "anchors", 0
	}
	if namedApart(a, b) {
		return "anchors", 0
	}
	return "", 1
}

// ownerApartFromPlace: o's figure is a named owner's and names no place
// of its own; p's is a place's with no owner, and p's article never
// names o's owner.
func ownerApartFromPlace(o, p *Claim) bool {
	k := o.ownerKey
	if k == "" || strings.HasPrefix(k, "~") || o.ownerAdj || len(o.Places) > 0 || p.ownerKey != "" || len(p.locations) == 0 || p.ctx == nil {
		return false
	}
	return !p.ctx.mentions(k) && !containsName(p.Anchors, k)
}

// eventNames are the names of lists but those that are what the two
// figures measure (see measuredName).
func eventNames(a, b *Claim, lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, n := range l {
			if !measuredName(a, n) && !measuredName(b, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// ownNames are the names of c's sentence but what a and b measure and,
// of a figure, its sources.
func ownNames(a, b, c *Claim) []string {
	ns := eventNames(a, b, c.Anchors)
	if typeOf(c) != tFigure {
		return ns
	}
	out := ns[:0]
	for _, n := range ns {
		if !containsString(c.sourceNames, n) {
			out = append(out, n)
		}
	}
	return out
}

// measuredName reports a name key (or noun key) that is the measured
// noun of figure c or a part of its compound ("lade" of "Ladepunkte"): a
// title's "Kokain:" and "Kokain" counted are one word, not one event.
// (A compound of it names something else: "Flughafen" is no "Flüge".)
func measuredName(c *Claim, n string) bool {
	if typeOf(c) != tFigure || c.Head == "" || n == "" || strings.IndexByte(n, ' ') >= 0 {
		return false
	}
	head := foldUmlauts(stem(c.Head))
	whole := []string{head, foldUmlauts(c.Key)}
	n = foldUmlauts(strings.TrimPrefix(n, "~"))
	for _, w := range whole {
		if inflectedAlike(n, w) {
			return true
		}
	}
	for _, p := range splitNoun(c.Head).parts {
		if inflectedAlike(n, foldUmlauts(stem(p))) {
			return true
		}
	}
	return false
}

// inflectedAlike: two keys that are one word but for an ending of up to
// two letters ("kokai", "kokain"; "stell", "stellen").
func inflectedAlike(x, y string) bool {
	if x == y {
		return x != ""
	}
	if len(x) < 4 || len(y) < 4 {
		return false
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	return len(x)-len(y) <= 2 && strings.HasPrefix(x, y)
}

// namedApart: two figures whose articles each name something (in the
// title, a dateline, the body outside attributions) and never one name
// of the other's: "Rostock –" over one count, "Magdeburg –" over the
// other, two firms named in the paragraph before. An article about a
// county or a state ("Der Landkreis Stade") may give a figure of a town
// in it without naming the town: it stays open.
func namedApart(a, b *Claim) bool {
	if typeOf(a) != tFigure || typeOf(b) != tFigure || a.ctx == nil || b.ctx == nil || a.ctx.regional || b.ctx.regional {
		return false
	}
	xa, xb := eventNames(a, b, a.ctx.named), eventNames(a, b, b.ctx.named)
	if len(xa) == 0 || len(xb) == 0 || anyShared(xa, xb) {
		return false
	}
	for _, k := range xa {
		if b.ctx.mentionsWord(k) {
			return false
		}
	}
	for _, k := range xb {
		if a.ctx.mentionsWord(k) {
			return false
		}
	}
	return true
}

// placeAnchors are c's anchors but its dateline's, when its sentence
// names a place of its own: "München – In Bayern sind 86 Radfahrer
// gestorben" is Bavaria's figure, reported from Munich.
// Its owner is one of them: "Der Schaden bei Polytherm" is the firm's,
// wherever the other report places the firm.
func placeAnchors(c *Claim) []string {
	if c.ctx == nil || len(c.ctx.dateline) == 0 || len(c.Places) == 0 {
		return c.Anchors
	}
	var out []string
	for _, n := range c.Anchors {
		if !containsName(c.ctx.dateline, n) || containsName(c.Places, n) {
			out = append(out, n)
		}
	}
	if c.ownerKey != "" && !strings.HasPrefix(c.ownerKey, "~") {
		out = append(out, c.ownerKey)
	}
	return out
}

// datelineTown is the place of a figure whose sentence names none but
// refers back to its article's ("in der Stadt", "in der Nacht" under
// "Bremen –"): the dateline's town. It is nil when the sentence names a
// place, an owner or any name but its speaker's and the dateline's, or
// speaks of more than a town ("bundesweit", "im Landkreis"): the
// dateline says where the reporter is, not where those are.
func datelineTown(c *Claim) []string {
	if c.ctx == nil || len(c.ctx.dateline) == 0 || len(c.Places) > 0 || c.nationwide || c.level != "" && c.level != "town" ||
		c.ownerKey != "" && !strings.HasPrefix(c.ownerKey, "~") || c.ownerAdj {
		return nil
	}
	for _, n := range c.Anchors {
		if !containsName(c.sourceNames, n) && !containsName(c.ctx.dateline, n) {
			return nil
		}
	}
	return c.ctx.dateline
}

// mentionsAny reports an article that names one of the place keys.
func mentionsAny(ctx *context, keys []string) bool {
	for _, k := range keys {
		if ctx.mentions(k) {
			return true
		}
	}
	return false
}

// levelOf is the kind of place a figure's clause names; a place that is
// its article's dateline, with no word of its kind, is a town ("Potsdam –
// In Potsdam fehlen …"): datelines name towns.
func levelOf(c *Claim) string {
	if c.level != "" || len(c.locations) == 0 || c.ctx == nil {
		return c.level
	}
	for _, l := range c.locations {
		if !containsName(c.ctx.dateline, l) {
			return ""
		}
	}
	return "town"
}

// wholeAndPart reports a figure w for the whole country against one for a
// part of it, or one for all of a kind ("auf allen Linien") against one
// whose clause names that kind but not all of it ("auf der Linie").
func wholeAndPart(w, p *Claim) bool {
	if w.nationwide && !w.regional && p.regional && !p.nationwide {
		return true
	}
	// "im Landkreis Celle" and "in der Stadt Celle"; "im Stadtteil
	// Connewitz" and "in Leipzig"
	if lw, lp := levelOf(w), levelOf(p); lw != "" && lp != "" && lw != lp || lp == "sub" && lw == "" && len(w.locations) > 0 {
		return true
	}
	for _, n := range w.allOf {
		k := nounKey(n)
		if k == "" || len(p.allOf) > 0 {
			continue
		}
		head := splitNoun(n).head
		for _, m := range p.nouns {
			if m == k || nounsMatch(m, k) || head != "" && m == head {
				return true
			}
		}
	}
	return false
}

// anotherOccasion compares what the clauses of two figures say of their
// occasion: another instance ("beim zweiten Heimspiel" and "beim ersten",
// "bei einem weiteren Unfall" and "bei dem Unfall"), another cause of a
// count ("gegen die Schließung", "für den Klimaschutz"). (A place named
// by a noun is not compared: "in einem Betrieb" and "auf dem Hof" are one
// farm, "im Insolvenzverfahren" and "im Fall" one case.)
func anotherOccasion(a, b *Claim) string {
	if pa, pb := partOfTime(a.instance), partOfTime(b.instance); pa || pb {
		// a day or a stage of an event ("am ersten Tag", "zum Auftakt")
		// is another occasion than another day or stage, and than the
		// event's total ("Insgesamt kamen 55.000"); against a figure
		// that says neither it may be the same ("am ersten Wochenende"
		// and "am Wochenende")
		switch {
		case pa && pb && a.instance != b.instance:
			return "event"
		case pa && !pb && movedOn(b.Text, totalWords, false), pb && !pa && movedOn(a.Text, totalWords, false):
			return "event"
		}
	} else if a.instance != b.instance && (a.instance != "" && a.instance != "1" || b.instance != "" && b.instance != "1") {
		return "event"
	}
	// ("für" alone has too many senses: for whom, for how long, in favour)
	if !moneyUnits[a.Unit] && (a.against || b.against) && len(a.causes) > 0 && len(b.causes) > 0 && !nounsOverlap(a.causes, b.causes) {
		return "event"
	}
	return ""
}

// totalWords mark a figure as the whole of what it counts.
var totalWords = set("insgesamt gesamt zusammen")

func nounsOverlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if nounsMatch(x, y) {
				return true
			}
		}
	}
	return false
}

// sameSpot: two spots that are one, as a compound and its head
// ("Wetterstation", "Station"), or that the other article names.
func sameSpot(a, b *Claim) bool {
	x, y := a.spot, b.spot
	if x == y || strings.HasSuffix(x, y) || strings.HasSuffix(y, x) || strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		return true
	}
	return a.ctx.mentions(y) || b.ctx.mentions(x)
}

// namesShared reports a name of one claim's sentence, owner, title or
// paragraph that the other's sentence, owner, title or paragraph has.
func namesShared(a, b *Claim) bool {
	names := append(b.ctx.around(b.Paragraph), b.Anchors...)
	in := func(n string) bool {
		return containsName(names, n) || b.ownerKey != "" && sameName(b.ownerKey, n)
	}
	for _, list := range [][]string{a.Anchors, a.ctx.around(a.Paragraph)} {
		for _, n := range list {
			if in(n) {
				return true
			}
		}
	}
	return a.ownerKey != "" && in(a.ownerKey)
}

// differentOwners: two named owners that are not the same name (unless
// one is who the other's sentence quotes), or a common-noun owner ("die
// Ukraine", "die Stadt") against a name its sentence and paragraph never
// mention.
func differentOwners(a, b *Claim) bool {
	if ownerInHead(a, b) || ownerInHead(b, a) || oneBody(a, b) {
		return false
	}
	na, nb := strings.HasPrefix(a.ownerKey, "~"), strings.HasPrefix(b.ownerKey, "~")
	switch {
	case !na && !nb && townInstitutions(a, b):
		return true
	case !na && !nb:
		// "Sturmtief „Xenia“" and "Das Sturmtief „Xenia“": each owner
		// named in the other's sentence is one owner read two ways.
		mutual := ownerMentioned(b, a.ownerKey) && ownerMentioned(a, b.ownerKey)
		return !sameName(a.ownerKey, b.ownerKey) && !mutual &&
			!containsName(b.sourceNames, a.ownerKey) && !containsName(a.sourceNames, b.ownerKey)
	case na && nb:
		// "Die Übertragung des Halbfinales" and "Das Halbfinale": a common
		// noun the other sentence also speaks of is one owner read two ways.
		return a.ownerKey != b.ownerKey && !nounOwnerIn(a.ownerKey[1:], b) && !nounOwnerIn(b.ownerKey[1:], a)
	case na:
		return !containsName(a.Anchors, b.ownerKey) && !containsName(a.ctx.paragraphNames(a.Paragraph), b.ownerKey) && !ownerIsEvent(a, b)
	}
	return !containsName(b.Anchors, a.ownerKey) && !containsName(b.ctx.paragraphNames(b.Paragraph), a.ownerKey) && !ownerIsEvent(b, a)
}

// townInstitutions: one place's name after two common nouns that are not
// one ("Die Sparkasse Celle", "Die Volksbank Celle"; "Das Klinikum
// Fulda", "Das Krankenhaus Fulda"): two institutions of the town. A name
// that is no place of its articles ("Der Autobauer Brenner", "Der
// Konzern Brenner") is one owner however it is described.
func townInstitutions(a, b *Claim) bool {
	if a.ownerTitle == "" || b.ownerTitle == "" || !sameName(a.ownerKey, b.ownerKey) || nounsMatch(a.ownerTitle, b.ownerTitle) {
		return false
	}
	if containsNoun(a.nouns, b.ownerTitle) || containsNoun(b.nouns, a.ownerTitle) {
		return false
	}
	return placeOf(a, a.ownerKey) && placeOf(b, b.ownerKey)
}

// placeOf reports a name key that c's article gives as a place: its
// dateline, a place of c's sentence, or a name after "in", "aus" or "bei"
// in its text.
func placeOf(c *Claim, key string) bool {
	if containsName(c.Places, key) || c.ctx == nil {
		return containsName(c.Places, key)
	}
	if containsName(c.ctx.dateline, key) {
		return true
	}
	for _, p := range []string{"in ", "aus ", "bei "} {
		if strings.Contains(c.ctx.text, p+key) {
			return true
		}
	}
	return false
}

// oneBody: two owners that are people named by what they do, of one body
// by a compound's first part the other names ("Zollfahnder" and
// "Ermittler des Zolls", "Steuerfahnder" and "Beamte der Steuerfahndung",
// "Grenzpolizisten" and "Grenzbeamte"): who acted for the body, not two
// owners. People of two trades ("Schüler", "Förster") name no body.
func oneBody(a, b *Claim) bool {
	if !roleOwner(a) || !roleOwner(b) {
		return false
	}
	fa, fb := bodyOf(a.Owner), bodyOf(b.Owner)
	switch {
	case fa != "" && fb != "":
		return nounsMatch(fa, fb)
	case fa != "":
		return bodyNamed(fa, b)
	case fb != "":
		return bodyNamed(fb, a)
	}
	return false
}

// roleOwner: the owner is one word ("Ermittler", "Beamte").
func roleOwner(c *Claim) bool {
	o := c.Owner
	return o != "" && !strings.ContainsAny(o, " -") && unicode.IsUpper(firstRune(o))
}

// bodyOf is the first part of a compound for people: "zoll" of
// "Zollfahnder"; "" for any other word.
func bodyOf(owner string) string {
	parts := germanData().SplitCompound(strings.ToLower(owner))
	if len(parts) < 2 || !personHead(owner) {
		return ""
	}
	return nounKey(strings.Join(parts[:len(parts)-1], ""))
}

// bodyNamed: the body is a noun of the claim's clause or the first part
// of one ("des Zolls", "der Steuerfahndung" for "steuer").
func bodyNamed(body string, c *Claim) bool {
	for _, n := range c.nouns {
		if nounsMatch(n, body) || len(body) >= 4 && strings.HasPrefix(n, body) {
			return true
		}
	}
	return false
}

// ownerIsEvent: x's common-noun owner is the event y's verb says ("Der
// Rückstau … auf einer Länge von 17 Kilometern", "staute sich der
// Verkehr"): whose length it is, not whose figure.
func ownerIsEvent(x, y *Claim) bool {
	o := strings.TrimPrefix(x.ownerKey, "~")
	for _, p := range y.preds {
		if len(p) >= 2 && endsInVerb(o, p) {
			return true
		}
	}
	return false
}

// longNouns are the nouns of a sentence that may stand for a name the
// other article writes as one ("der Pumpenhersteller Hartmann").
func longNouns(ns []string) []string {
	var out []string
	for _, n := range ns {
		if len(n) >= 5 && !strings.HasPrefix(n, "v:") {
			out = append(out, n)
		}
	}
	return out
}

func ownerMentioned(c *Claim, key string) bool {
	return containsName(c.Anchors, key) || containsNoun(c.nouns, key)
}

func anyShared(a, b []string) bool {
	for _, x := range a {
		if containsName(b, x) {
			return true
		}
	}
	return false
}

func containsName(list []string, n string) bool {
	for _, x := range list {
		if sameName(x, n) {
			return true
		}
	}
	return false
}

type timeRel int

const (
	timeSame timeRel = iota
	timeApart
	timeUnknown
)

func timeRelation(a, b *Claim) timeRel {
	if !a.When.Known() || !b.When.Known() {
		return timeUnknown
	}
	if spanApart(a.When, b.When) || onwardApart(a.When, b.When) || runningApart(a.When, b.When) || a.earlier != b.earlier && typeOf(a) == tFigure && typeOf(b) == tFigure {
		// (a state "damals" or "vor der Sanierung" is one before the other's)
		return timeApart
	}
	if a.When.reach().overlaps(b.When.reach()) || weekAhead(a.When, b.When) || weekAhead(b.When, a.When) {
		return timeSame
	}
	return timeApart
}

// spanApart reports a count that runs up to a time (Window.span) against
// a count up to a time more than datelineDays away: "bis Ende März 81.000
// Ausleihen" and "im ersten Halbjahr 164.000" are two states of one
// running count, whose periods overlap but do not coincide.
func spanApart(a, b Window) bool {
	if !a.span && !b.span {
		return false
	}
	d := a.To.Sub(b.To)
	if d < 0 {
		d = -d
	}
	return d > datelineDays*24*time.Hour
}

// runningApart reports a count of a period still running at its
// dateline (Window.upTo, "in diesem Jahr") against a count up to a time
// more than datelineDays away, another such count or one of a dateline:
// "In diesem Jahr wurden 14 Wölfe überfahren" in March and 31 in June are
// two states of one running count.
func runningApart(a, b Window) bool {
	if a.upTo.IsZero() && b.upTo.IsZero() || a.upTo.IsZero() && a.Basis != "published" || b.upTo.IsZero() && b.Basis != "published" {
		// (against a month of the year, "Im Mai kamen 31", a count of
		// this year is a whole against its part)
		return false
	}
	ua, ub := a.upTo, b.upTo
	if ua.IsZero() {
		ua = a.To
	}
	if ub.IsZero() {
		ub = b.To
	}
	d := ua.Sub(ub)
	if d < 0 {
		d = -d
	}
	return d > datelineDays*24*time.Hour
}

// onwardApart reports two states each set from its dateline on
// (Window.onward, "künftig") whose datelines lie more than datelineDays
// apart: "Künftig kostet der Eintritt 6 Euro" in April and "Künftig kostet
// der Eintritt 7 Euro" the next spring are two settings of the fee.
func onwardApart(a, b Window) bool {
	if !a.onward || !b.onward {
		return false
	}
	d := a.From.Sub(b.From)
	if d < 0 {
		d = -d
	}
	return d > datelineDays*24*time.Hour
}

// weekAhead reports an unsure weekday (Window.unsure) whose coming
// instance is the other window's day: "Von der Evakuierung am Sonntag sind
// 13.000 Menschen betroffen" and "müssen am Sonntag 8.500 Anwohner ihre
// Wohnungen verlassen" a day earlier speak of one Sunday.
func weekAhead(u, o Window) bool {
	return u.unsure && u.From.Equal(u.To) && o.From.Equal(o.To) && u.From.AddDate(0, 0, 7).Equal(o.From)
}

// decide applies the decision list to a (earlier) and b (later).
func decide(a, b *Claim) Kind {
	tr := timeRelation(a, b)
	ta, tb := typeOf(a), typeOf(b)
	// Retractions: a plan, an announcement or an event, then the stance
	// that takes it back. Which came first must be known: a dated and an
	// undated article have no order.
	if (a.Stance == StanceRetract || b.Stance == StanceRetract) && a.When.Known() != b.When.Known() {
		return KindUpdate
	}
	if a.Stance == StanceRetract || b.Stance == StanceRetract {
		switch {
		case a.Stance == StanceRetract && b.Stance == StanceRetract:
			return KindCompatible
		case a.Stance == StanceRetract && b.Stance == StanceDeny || a.Stance == StanceDeny && b.Stance == StanceRetract:
			if st, _ := deniedRetraction(a, b); st != nil && st.When.Basis == "published" {
				// the denial's only date is its article's: when it is
				// made, not when what was called off was to happen
				return KindDenial
			}
			if tr == timeApart {
				return KindUpdate
			}
			return KindDenial // one says it was called off, the other denies it
		case b.Stance == StanceRetract:
			if stateChanged(a, b, false) {
				return KindUpdate // "Die Sperrung wurde aufgehoben" after "ist seit Montag gesperrt"
			}
			if a.negative() {
				return KindCompatible
			}
			if a.Mode.intention() || a.Mode == ModeForecast || ta == tStatement || b.Mode.intention() || strongMatch(a, b) {
				return KindRetraction
			}
			if tr == timeApart {
				return KindUpdate
			}
			return KindRetraction
		}
		// After a retraction: "Das Konzert findet statt" says it was not
		// called off (a denial of the cancellation); a new plan is an
		// update.
		if !b.negative() && b.Mode == ModeReport && tb == tStatement && tr == timeSame && strongMatch(a, b) {
			return KindDenial
		}
		return KindUpdate
	}
	// Denials: a stance, a "keine" or a "nicht" against a report.
	na, nb := a.negative(), b.negative()
	switch {
	case na && nb:
		return KindCompatible
	case na != nb:
		if stateChanged(a, b, true) {
			return KindUpdate // "ist wieder erreichbar" after "ist nicht erreichbar"
		}
		neg, pos := a, b
		if nb {
			neg, pos = b, a
		}
		if neg.HasQuantity && neg.Quantity.Zero && neg.Increment {
			return KindCompatible // "keine weiteren Fische verendet" adds none to the count
		}
		if neg.Mode.intention() && neg.Stance == StanceAssert && pos.Mode == ModeReport && pos.past {
			// "will kein Lösegeld zahlen" after "hat Lösegeld gezahlt": what
			// is meant from now on, not what happened
			return KindUpdate
		}
		if neg.deniesStance && pos.Stance != StanceRetract {
			// "bestreitet, dass das Fest abgesagt wird" affirms what
			// announced the Fest
			return KindCompatible
		}
		if causeDenied(neg, pos) && (neg.past || tr != timeApart) {
			// "nicht durch einen Kurzschluss ausgelöst" after "Ursache war
			// ein Kurzschluss": the cause of what happened, denied when it
			// is found out, weeks later as often as not
			return KindDenial
		}
		if neg.HasQuantity && pos.HasQuantity && !neg.Quantity.Zero && !rangesOverlap(neg.Quantity, pos.Quantity) {
			return KindCompatible // "nicht 10.000" does not deny 5.000; "Berichte über 20 Tote" bestritten is no denial of 12
		}
		if pos.Mode != ModeReport && neg.Mode == ModeReport && typeOf(neg) != tStance && (typeOf(neg) == tFigure || neg.past || !neg.When.Known() || !pos.When.Known()) {
			return KindUpdate // a plan, then "did not happen"; "wird nicht geschlossen" denies the plan
		}
		if tr == timeApart && neg.Stance != StanceDeny && !(neg.Mode.intention() && neg.When.Basis == "published" && scheduled(pos)) {
			// (a plan denied without a time of its own, "Eine Schließung
			// sei nicht geplant", speaks of the time of what is scheduled)
			return KindUpdate
		}
		plainNot := typeOf(neg) == tStatement ||
			typeOf(neg) == tFigure && neg.Stance == StanceAssert && !neg.Quantity.Zero && typeOf(pos) == tStatement
		if plainNot && (tr == timeUnknown || !sharesPredicate(neg, pos) && !sameCause(neg, pos)) {
			// a sentence with "nicht" somewhere denies a report only when
			// both speak of the same time and the same verb; so does a
			// figure's ("Nach 5 Monaten … nicht umgesetzt") against a statement
			return KindCompatible
		}
		return KindDenial
	}
	if ta == tStatement && tb == tStatement && plannedApart(a, b) {
		if revisedPlan(b) {
			return KindUpdate // "verschiebt sich auf 2027": the owner moved the date
		}
		if !b.order.t.IsZero() && b.order.t.After(a.When.To) {
			return KindUpdate // the earlier date has passed: next year's festival, or a plan gone by
		}
		return KindConflict
	}
	if (ta == tStatement || tb == tStatement) && opposedTrends(a, b) {
		// "ist gewachsen" against "ist geschrumpft": for the same time, one
		// way excludes the other; for a later one, or corrected, it moved
		if tr != timeSame || a.Mode != b.Mode || b.Correct || b.running {
			return KindUpdate
		}
		return KindConflict
	}
	if ta != tFigure || tb != tFigure {
		return KindCompatible
	}
	if a.Part != b.Part {
		// "15.000 von ihnen an der Front" is part of those sent: it
		// agrees with any whole at least as large, and is compared no
		// further.
		part, whole := a, b
		if b.Part {
			part, whole = b, a
		}
		if !sameRestriction(part, whole) {
			pl, _ := part.Quantity.comparable()
			_, wh := whole.Quantity.comparable()
			if pl <= wh {
				return KindCompatible
			}
			return KindUnrelated
		}
		// "15.000 von ihnen an der Front" and "3.000 an der Front": the
		// same part, compared as such.
	}
	qa, qb := asRead(a.Quantity), asRead(b.Quantity)
	if a.loss != b.loss {
		// a profit against a loss: the loss is a result below zero
		if a.loss {
			qa = signed(qa, -1)
		} else {
			qb = signed(qb, -1)
		}
	}
	if a.Change != 0 {
		qa = signed(qa, a.Change)
		qb = signed(qb, b.Change)
	}
	overlap := rangesOverlap(qa, qb)
	if reportMode(a) != reportMode(b) && !sameIntent(a, b) && !sameForecast(a, b) && !planForecast(a, b) {
		// A forecast against a count, a plan against what happened: the
		// picture changed, nobody contradicted anybody.
		if overlap && tr != timeApart {
			return KindCompatible
		}
		return KindUpdate
	}
	if b.Correct && !overlap {
		return KindUpdate // "korrigierte die Zahl auf …"
	}
	if tr == timeApart && a.earlier == b.earlier && datelineApart(a, b) {
		tr = timeSame
	}
	closed := tr == timeApart && a.earlier == b.earlier && closedPeriod(a, b)
	if closed {
		tr = timeSame
	}
	if tr == timeSame {
		if inner, ok := nestedPeriods(a, b); ok {
			// "im ersten Halbjahr 14", "im vergangenen Jahr 27": a count of
			// a part of the period contradicts the whole's only by being
			// larger; a level of a month is not the level of its year
			qi, qo := qa, qb
			if inner == b {
				qi, qo = qb, qa
			}
			il, _ := qi.comparable()
			_, oh := qo.comparable()
			if inner.Unit == "" && il > oh {
				return KindConflict
			}
			return KindUpdate
		}
	}
	switch tr {
	case timeApart:
		if sameFigure(qa, qb) {
			return KindCompatible
		}
		return KindUpdate
	case timeUnknown:
		if overlap {
			return KindCompatible
		}
		return KindUpdate
	}
	if overlap || (a.Increment || b.Increment) && !(a.newOnes && b.newOnes) {
		return KindCompatible
	}
	if (a.Quantity.Vague || b.Quantity.Vague) && !(a.Change == 0 && a.loss == b.loss && ordersApart(qa, qb)) {
		// "Tausende", "mehrere tausend": a writer's impression, not a
		// count to hold another count against, unless the count is of
		// another order ("Tausende" against "rund 800")
		return KindCompatible
	}
	if a.provisional || b.provisional {
		return KindUpdate // a count in progress, then the result
	}
	if ranOn(a, b, qa, qb) {
		return KindUpdate // "bislang drei gefunden", a day later seven
	}
	if saysNow(a, b) {
		return KindUpdate // "hat nun 800 Betten", "mittlerweile 3.000" a day later
	}
	if changedSince(a, b) {
		// "hat die Gebühr ab Januar auf 289 Euro erhöht" after "Ab Januar
		// soll die Gebühr 245 Euro betragen": the plan was changed
		return KindUpdate
	}
	if !closed && b.Changing && b.order != a.order && a.order.before(b.order) && (a.When.Basis == "published" || b.When.Basis == "published" || b.When.To.After(a.When.To)) &&
		!againstChange(qa, qb, changeDirection(b.Text)) {
		// "stieg auf 17": a running count moved on since the earlier
		// report ("ist bis Freitagmorgen auf 689 gestiegen" after 312 on
		// Wednesday: the later count's time reaches further)
		return KindUpdate
	}
	return KindConflict
}

// stateChanged reports a later claim b that says a state changed since the
// statement a: a reports a state that held since a day up to its article
// ("ist seit Montag gesperrt", Window.span) and b speaks of a later day,
// or, with again, b says the opposite holds again ("ist wieder
// erreichbar"). A retraction's "wieder" ("hat die Stallpflicht wieder
// aufgehoben") is the taking back itself.
func stateChanged(a, b *Claim, again bool) bool {
	if typeOf(a) != tStatement || a.Mode != ModeReport {
		return false
	}
	if a.When.span && b.When.Known() && b.When.To.After(a.When.To) {
		return true
	}
	if !again {
		return false
	}
	ws := letterWords(strings.ToLower(b.Text))
	for i, w := range ws {
		if w == "wieder" && (i == 0 || ws[i-1] != "immer") {
			return true
		}
	}
	return false
}

// datelineDays is how long after the earlier figure's time a later
// article, which states no time of its own, still reports the same state:
// news of one event within a few days speaks about that event.
const datelineDays = 7

// datelineApart reports two figures whose times are apart only by the later
// article's dateline, or by the day the later figure was given out
// ("meldete am Donnerstag 14 Tote") after an event's time: neither gives a state in the present tense, the
// later sentence states no time, it appeared within datelineDays of the
// earlier figure's time, and neither text marks the figure as moved on (a change verb, "inzwischen", "bislang", a
// correction). Issue 12 calls a later figure an update only for a later
// event time, and a dateline alone says nothing of the event's time.
func datelineApart(a, b *Claim) bool {
	if b.When.Basis != "published" && !(b.When.said && !a.When.said) || !a.When.Known() || b.When.To.Before(a.When.To) ||
		b.When.To.After(a.When.To.AddDate(0, 0, datelineDays)) {
		return false
	}
	for _, c := range []*Claim{a, b} {
		o := a
		if c == a {
			o = b
		}
		if c.Mode == ModeReport && !c.past && !(c.standing && standingUnit(c.Unit) && o.Mode == ModeReport) && presentState(c.Text) {
			// "Der Pegel liegt bei 6,20 Metern": the state on the dateline;
			// what an owner has ("Das Archiv umfasst 80.000 Akten") or
			// what a sum amounts to ("Der Haushalt beträgt 90 Millionen
			// Euro") stands for longer than days, against another report;
			// a share ("hat 30 Prozent"), a size ("beträgt 4,20 Meter"), a
			// span of time or a temperature is a level, and a plan for what
			// is had ("will ihre 860 Kleingärten sichern") is no report of it
			return false
		}
		now := nowWords
		if c.holds && standingUnit(c.Unit) {
			// "verfügt derzeit über 120.000 Akten": what an owner has at
			// present is what it had days before, unless it says it has
			// it since ("jetzt", "inzwischen")
			now = laterWords
		}
		if c.Changing || c.Change != 0 || c.Correct || c.Increment || c.provisional ||
			c.running || movedOn(c.Text, now, true) {
			return false
		}
	}
	return true
}

// laterWords mark a figure as the state reached since: "inzwischen",
// "mittlerweile", "nun", "jetzt", "bereits", "schon", "nach neuesten
// Angaben" (not "derzeit" or "aktuell", which say what holds at the time
// of either report).
var laterWords = set("inzwischen mittlerweile nunmehr nun jetzt bereits schon neuesten neueste")

// saysNow reports a figure of a later article that its sentence marks as
// the state by now (laterWords): within the days two reports of one state
// share, it is the state moved on, not another reading of the earlier one.
func saysNow(a, b *Claim) bool {
	if a.order == b.order {
		return false
	}
	e, l := a, b
	if b.order.before(a.order) {
		e, l = b, a
	}
	return saysLater(l.Text) && !saysLater(e.Text)
}

// saysLater reports a word of laterWords in text that is not part of an
// attribute: "des inzwischen gelöschten Feuers" says when the fire was
// put out, not that the figure is a later one.
func saysLater(text string) bool {
	ws := letterWords(text)
	for i, w := range ws {
		if lw := strings.ToLower(w); laterAdjectives[lw] && i+1 < len(ws) && findingNoun(ws[i+1]) {
			return true // "nach neuen Angaben der Polizei", "nach jüngsten Erkenntnissen", "nach neuer Schätzung"
		}
		if !laterWords[strings.ToLower(w)] {
			continue
		}
		if i+2 < len(ws) && unicode.IsLower([]rune(ws[i+1])[0]) && unicode.IsUpper([]rune(ws[i+2])[0]) && adjectiveEnding(ws[i+1]) {
			continue
		}
		return true
	}
	return false
}

// laterAdjectives say that what a finding gives is newer than before.
var laterAdjectives = set("neue neuen neuer neuesten neueste jüngsten jüngste letzten aktualisierten aktualisierte")

// findingNoun: a noun of what is said or found out ("Angaben",
// "Erkenntnisse", "Zahlen") or of a reckoning in -ung ("Schätzung",
// "Berechnungen", "Zählung").
func findingNoun(w string) bool {
	if w == "" || !unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	lw := strings.ToLower(w)
	return sayNouns[lw] || lw == "zahlen" || lw == "daten" || strings.HasSuffix(lw, "ung") || strings.HasSuffix(lw, "ungen")
}

func adjectiveEnding(w string) bool {
	for _, e := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// changedSince reports a later article that says in a past tense that
// the figure was changed ("hat … auf 289 Euro erhöht") against an earlier
// article's plan for it, or a state it gave for a time ahead.
func changedSince(a, b *Claim) bool {
	p, c := a, b
	if b.order.before(a.order) {
		p, c = b, a
	}
	if p.order == c.order || !c.Changing || !c.past || p.past {
		return false
	}
	return reportMode(p).intention() || scheduled(p)
}

// nestedPeriods reports two figures of periods of a month or more, each
// stated ("im ersten Halbjahr", "im Juli", "2025"), one inside the other
// and not all of it, and returns the one of the shorter period. (A count
// up to a time, "bis Ende März", is a state of a running count, not a
// period's.)
func nestedPeriods(a, b *Claim) (*Claim, bool) {
	stated := func(w Window) bool {
		// (not "künftig" or a season without its year, whose windows are
		// a reach, not a calendar period)
		return (w.Basis == "explicit" || w.Basis == "relative") && !w.said && !w.onward && !w.span && w.upTo.IsZero() &&
			!strings.Contains(strings.ToLower(w.Cue), "saison") && w.To.Sub(w.From) >= 27*24*time.Hour
	}
	if !stated(a.When) || !stated(b.When) {
		return nil, false
	}
	inside := func(in, out Window) bool {
		return !in.From.Before(out.From) && !in.To.After(out.To) && (in.From.After(out.From) || in.To.Before(out.To))
	}
	switch {
	case inside(a.When, b.When):
		return a, true
	case inside(b.When, a.When):
		return b, true
	}
	return nil, false
}

// soFarWords give a count as the one reached so far.
var soFarWords = set("bislang bisher vorerst")

// ranOn reports a count so far ("wurden bislang drei Menschen gefunden")
// in one of the sentences, and the later article's figure above the
// earlier article's: the count ran on. A count so far that a later one
// falls short of is contradicted, and two counts so far for one time
// ("zählte für den Dezember bislang 1.400 Reservierungen", a day later
// 1.900) are two readings of one state.
func ranOn(a, b *Claim, qa, qb Quantity) bool {
	if a.order == b.order || movedOn(a.Text, soFarWords, false) == movedOn(b.Text, soFarWords, false) {
		return false
	}
	if b.order.before(a.order) {
		qa, qb = qb, qa
	}
	_, eh := qa.comparable()
	ll, _ := qb.comparable()
	return ll > eh
}

// closedPeriod reports a count of a period of a month or more that was
// over when its article appeared ("hat im vergangenen Jahr 410.000
// Ausleihen gezählt", "Im März wurden 320 Fahrräder gestohlen") against a
// report that states no time, its dateline within datelineDays of the
// other's: nothing could happen in that period between the two articles,
// so the later figure is its count, and its change verb ("sank auf
// 380.000") compares it with the period before, not with the earlier
// report. A provisional count, a correction, "inzwischen" or an addition
// still moves on.
func closedPeriod(a, b *Claim) bool {
	p, o := a, b
	if p.When.Basis == "published" {
		p, o = b, a
	}
	if o.When.Basis != "published" || p.When.Basis != "explicit" && p.When.Basis != "relative" || p.When.said ||
		p.order.t.IsZero() || o.order.t.IsZero() || p.When.To.Sub(p.When.From) < 27*24*time.Hour || !p.When.To.Before(p.order.t) ||
		p.order.t.Sub(p.When.To) > 92*24*time.Hour || !o.past && !o.Changing || o.standing {
		// (a period just over, as a balance gives it; the other a count
		// or a change, not a state of its dateline)
		return false
	}
	d := p.order.t.Sub(o.order.t)
	if d < 0 {
		d = -d
	}
	if d > datelineDays*24*time.Hour {
		return false
	}
	for _, c := range []*Claim{a, b} {
		if c.Mode != ModeReport || c.Correct || c.Increment || c.provisional || c.running || movedOn(c.Text, nowWords, false) {
			return false
		}
	}
	return true
}

// standingUnit: a standing state is a count (no unit) or a sum of money.
func standingUnit(u string) bool {
	switch u {
	case "", "€", "ct", "$", "CHF", "£", "₽", "¥":
		return true
	}
	return false
}

// presentStates are the present tense of the verbs that give a state
// ("liegt bei", "beträgt", "kostet", "gibt es"): said without a date, the
// state is the one of the dateline, and a later dateline a later state.
var presentStates = set("ist sind liegt liegen beträgt betragen kostet kosten steht stehen gibt zählt zählen " +
	"hat haben gilt gelten leben wohnen sitzt sitzen befindet befinden bleibt bleiben umfasst umfassen hält halten")

// presentState reports a verb of presentStates in text; a capital is a
// noun ("ums Leben kommen").
func presentState(text string) bool {
	for _, w := range letterWords(text) {
		if presentStates[w] {
			return true
		}
	}
	return false
}

// letterWords splits text into its runs of letters: the words the lists
// of update and revision cues are looked up by.
func letterWords(text string) []string {
	return strings.FieldsFunc(text, notLetter)
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// runningWords mark a count as one that runs on, wherever they stand in
// the paragraph: "bislang", "inzwischen", a correction, a provisional count.
var runningWords = set("bislang bisher inzwischen mittlerweile nunmehr vorläufig vorläufigen vorerst " +
	"korrigiert korrigierte korrigierten revidiert revidierte")

// nowWords mark a figure as the latest state only in its own sentence: "weiter"
// or "jetzt" elsewhere in the paragraph ("Die Polizei ermittelt weiter")
// speak of something else.
var nowWords = set("nun jetzt weiter weiterhin zuletzt derzeit aktuell aktuellen zurzeit momentan bereits schon " +
	"neuen neuesten neueste jüngsten jüngste")

// movedOn reports one of words, or with change a change verb ("stieg",
// "sank"), in text.
func movedOn(text string, words map[string]bool, change bool) bool {
	for _, w := range letterWords(strings.ToLower(text)) {
		if words[w] || change && (changeUp[w] || changeDown[w]) {
			return true
		}
	}
	return false
}

// changeDirection reads which way the change verbs of text go: +1 all
// up ("stieg auf"), -1 all down ("sank auf"), 0 none or both.
func changeDirection(text string) int {
	up, down := false, false
	for _, w := range letterWords(strings.ToLower(text)) {
		up = up || changeUp[w]
		down = down || changeDown[w]
	}
	switch {
	case up && !down:
		return 1
	case down && !up:
		return -1
	}
	return 0
}

// againstChange reports a later level that lies on the wrong side of the
// earlier one for its verb: "stieg auf neun" after 14 dead at the same
// time is no count that moved on but another count.
func againstChange(earlier, later Quantity, dir int) bool {
	el, eh := earlier.comparable()
	ll, lh := later.comparable()
	return dir > 0 && lh < el || dir < 0 && ll > eh
}

// direction is which way a claim says its thing went: a statement's trend,
// a change's sign ("wuchs um 0,4 Prozent"), 0 for a level.
func direction(c *Claim) int {
	if c.HasQuantity {
		return c.Change
	}
	return c.trend
}

// opposedTrends reports two claims that something went opposite ways, at
// least one without a figure, where what changed is the same: each side's
// nouns are found on the other ("Die Zahl der Arbeitslosen stieg", "sank
// die Zahl der Arbeitslosen"), and a figure's measured noun among them.
func opposedTrends(a, b *Claim) bool {
	da, db := direction(a), direction(b)
	if da == 0 || da != -db || a.HasQuantity && b.HasQuantity || a.negative() || b.negative() {
		return false
	}
	an, bn := contentNouns(a), contentNouns(b)
	if len(an) == 0 || len(bn) == 0 {
		return false
	}
	covered := func(xs, ys []string) bool {
		for _, x := range xs {
			found := false
			for _, y := range ys {
				if nounsMatch(x, y) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	return covered(an, bn) && covered(bn, an)
}

// plannedApart reports two plans for the same thing, each dated in its
// sentence, whose dates do not overlap: "will sein Werk in Eisenach Ende
// 2026 schließen" and "Die Schließung des Werks in Eisenach ist für Mitte
// 2028 geplant". A weekday is no such date: the next instance of a
// recurring event is planned for the next one.
func plannedApart(a, b *Claim) bool {
	if !scheduled(a) || !scheduled(b) || a.negative() || b.negative() || a.possible || b.possible ||
		!dayOrMonth(a.When) || !dayOrMonth(b.When) || timeRelation(a, b) != timeApart {
		return false
	}
	n, ok := contentMatch(a, b)
	return ok && n >= 3 && sharesPredicate(a, b)
}

// scheduled reports a plan, or a report in the present tense of a time
// wholly after its article: "Das Freibad öffnet am 15. Juni" is as much a
// plan as "soll am 15. Juni öffnen".
func scheduled(c *Claim) bool {
	return c.Mode.intention() ||
		c.Mode == ModeReport && !c.past && c.When.Known() && !c.order.t.IsZero() && c.When.From.After(c.order.t)
}

// dayOrMonth reports a window read from a date or a month, with its year
// or without ("am 15. Juni", "Ende 2026", "im Juli"), not from a weekday
// or a word like "nächste Woche".
func dayOrMonth(w Window) bool {
	switch w.Basis {
	case "explicit":
		return true
	case "relative":
		for _, f := range strings.FieldsFunc(strings.ToLower(w.Cue), func(r rune) bool { return r == ' ' || r == '.' }) {
			if _, ok := monthNames[f]; ok || f[0] >= '0' && f[0] <= '9' {
				return true
			}
		}
	}
	return false
}

// revisionWords say that a plan's date was changed by who made it: moved,
// put off, brought forward, now another.
var revisionWords = set("verschoben verschiebt verschieben verschob verschiebung verlegt verlegte verlegen verlegung " +
	"vertagt vertagte vorgezogen vorziehen nun jetzt inzwischen mittlerweile statt anstatt neuer neuen neue neues " +
	"später früher erst verzögert verzögerung verzögerungen verzögern korrigiert revidiert")

// revisedPlan reports a word of revision in the claim's paragraph.
func revisedPlan(c *Claim) bool { return c.revised }

func sharesPredicate(a, b *Claim) bool {
	for _, x := range a.preds {
		for _, y := range b.preds {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sameCause: both statements say that one thing caused another, in words
// of cause ("macht … für … verantwortlich", "Einen Zusammenhang zwischen
// … gibt es nicht", "hat … ausgelöst"), and the things a "zwischen" joins
// are all named by the other (else every noun of each): the cause and the
// effect, not a cause of another effect ("zwischen den Sprengungen und
// dem Fischsterben").
func sameCause(a, b *Claim) bool {
	if !causal(a) || !causal(b) {
		return false
	}
	named := func(n string, y *Claim) bool {
		return containsNoun(y.nouns, n) || containsName(y.Anchors, n)
	}
	ja, jb := betweenNouns(a.Text), betweenNouns(b.Text)
	if len(ja) > 0 || len(jb) > 0 {
		return !slices.ContainsFunc(ja, func(n string) bool { return !named(n, b) }) &&
			!slices.ContainsFunc(jb, func(n string) bool { return !named(n, a) })
	}
	all := func(x, y *Claim) bool {
		for _, n := range x.nouns {
			if !causeNoun(n) && !containsString(x.placeNouns, n) && !named(n, y) {
				return false
			}
		}
		return true
	}
	return all(a, b) && all(b, a)
}

// betweenNouns are the keys of the nouns and names after "zwischen", up to
// the verb: "zwischen den Bauarbeiten an der Umgehungsstraße und dem
// Hangrutsch in Kirnbach gibt es …".
func betweenNouns(text string) []string {
	var out []string
	in := false
	for _, w := range strings.Fields(text) {
		bare := strings.Trim(w, ".,;:!?\"„“”()")
		lw := strings.ToLower(bare)
		if !in {
			in = lw == "zwischen"
			continue
		}
		switch {
		case bare == "":
		case unicode.IsUpper(firstRune(bare)):
			out = append(out, nounKey(bare))
		case determiners[lw] || prepositions[lw] || lw == "und" || lw == "sowie" || looksAdjective(lw):
		default:
			return out
		}
		if strings.ContainsAny(w, ",;:") {
			return out
		}
	}
	return out
}

// causalStems begin the words that say a thing caused another.
var causalStems = []string{"verantwortlich", "verursach", "ausgelöst", "auslös", "zusammenhang", "ursache", "ursächlich", "schuld", "zurückzuführen", "zurückgeführt"}

func causal(c *Claim) bool {
	for _, w := range letterWords(strings.ToLower(c.Text)) {
		for _, p := range causalStems {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func causeNoun(n string) bool {
	for _, p := range causalStems {
		if strings.HasPrefix(n, foldUmlauts(p)) || strings.HasPrefix(p, n) && len(n) >= 5 {
			return true
		}
	}
	return false
}

// strongMatch: the stance names what the other said in two or more words.
func strongMatch(a, b *Claim) bool {
	n, ok := contentMatch(a, b)
	return ok && n >= 2
}

// sameRestriction reports whether what makes part a part ("an der Front
// im Einsatz") is said of whole too.
func sameRestriction(part, whole *Claim) bool {
	n := 0
	for _, x := range part.nouns {
		if x == part.Key || x == whole.Key {
			continue // what is measured restricts nothing ("steuerte 150 Millionen zum Umsatz bei")
		}
		if !containsNoun(whole.nouns, x) {
			return false
		}
		n++
	}
	return n > 0
}

// reportMode is the claim's mode, a decision taken counting as a report
// of what was decided.
func reportMode(c *Claim) Mode {
	if c.decided {
		return ModeReport
	}
	return c.Mode
}

// sameIntent: a plan or an announcement and a report in the present
// tense ("will 1.200 Stellen streichen", "mindestens 2.000 Arbeitsplätze
// fallen weg") speak about the same intended thing; a report of what
// happened does not.
func sameIntent(a, b *Claim) bool {
	intent := func(c *Claim) bool { return c.Mode.intention() || c.Mode == ModeReport && !c.past }
	return a.Mode != ModeForecast && b.Mode != ModeForecast && intent(a) && intent(b) && (a.Mode.intention() || b.Mode.intention())
}

// sameForecast: an expectation and a report of a time wholly after the
// report's own publication ("Der Haushaltsentwurf für 2026 weist einen
// Fehlbetrag von 1,2 Milliarden Euro aus", written in 2025) both speak of
// what is expected; a report of what already happened does not.
func sameForecast(a, b *Claim) bool {
	ahead := func(c *Claim) bool {
		return c.Mode == ModeReport && !c.past && c.When.Known() && !c.order.t.IsZero() && c.When.From.After(c.order.t)
	}
	return a.Mode == ModeForecast && ahead(b) || b.Mode == ModeForecast && ahead(a)
}

// planForecast: a plan and an expectation ("soll 40 Millionen Euro
// kosten", "wird voraussichtlich 55 Millionen Euro kosten") both speak of
// what is to come, neither of what happened: two figures for it contradict
// as two plans do.
func planForecast(a, b *Claim) bool {
	return !a.past && !b.past && (reportMode(a).intention() && b.Mode == ModeForecast || reportMode(b).intention() && a.Mode == ModeForecast)
}

// Readers close the open side of some qualifiers: "mehr als 1.000" is a
// figure somewhat above a thousand (up to moreReach times it), "bis zu
// 20.000" one that came near twenty thousand (at least upToReach of it).
// "mindestens", "höchstens" and "weniger als" set a floor or a ceiling and
// stay open.
const (
	moreReach    = 2.0
	farMoreReach = 3.0 // "weit mehr als", "deutlich mehr als", "weit über"
	upToReach    = 0.5
)

// asRead narrows q to the reading of its qualifier.
func asRead(q Quantity) Quantity {
	if q.Range || q.Vague || q.Point <= 0 {
		return q
	}
	switch q.Qualifier {
	case "mehr als", "über":
		q.High = q.Point * moreReach
	case "weit mehr als", "deutlich mehr als", "weit über":
		q.High = q.Point * farMoreReach
	case "bis zu":
		q.Low = q.Point * upToReach
	}
	return q
}

// ordersApart reports two figures more than twice apart: each interval
// doubled still misses the other.
func ordersApart(a, b Quantity) bool {
	al, ah := a.comparable()
	bl, bh := b.comparable()
	return al >= 0 && bl >= 0 && (2*ah < bl || 2*bh < al)
}

func signed(q Quantity, sign int) Quantity {
	if sign < 0 {
		q.Low, q.High = -q.High, -q.Low
	}
	return q
}

func rangesOverlap(a, b Quantity) bool {
	al, ah := a.comparable()
	bl, bh := b.comparable()
	return al <= bh && bl <= ah
}

// sameFigure reports whether each figure's central value lies in the
// other's interval: "100.000" and "bis zu 100.000" are the same figure,
// "300–500" and "bis zu 100.000" are not.
func sameFigure(a, b Quantity) bool {
	al, ah := a.comparable()
	bl, bh := b.comparable()
	ca, cb := a.center(), b.center()
	return ca >= bl && ca <= bh && cb >= al && cb <= ah
}

// severity follows how sure the comparison is: every gate that held only
// loosely, every hedge and every missing time costs a level.
func severity(kind Kind, a, b *Claim, weak int) Severity {
	level := 0
	switch kind {
	case KindConflict, KindDenial:
		level = 3
	case KindRetraction:
		level = 3
	case KindUpdate:
		return SeverityLow
	}
	if a.Hedged() || b.Hedged() {
		level--
	}
	if kind == KindConflict && typeOf(a) == tStatement {
		level-- // a plan's date is softer than a count: plans slip
	}
	level -= weak
	if !a.When.Known() || !b.When.Known() {
		level = 1
	}
	return severityOf(level)
}

// explain writes the one-sentence explanation naming both claims, both
// sources and both dates.
func explain(kind Kind, a, b Claim, why string) Text {
	if kind == KindDenial || kind == KindRetraction {
		// a stance that names no figure takes back or denies what the
		// figure's sentence says, not the figure: show that sentence
		if a.HasQuantity && !b.HasQuantity {
			a.Figure = excerpt(a.Text)
		} else if b.HasQuantity && !a.HasQuantity {
			b.Figure = excerpt(b.Text)
		}
	}
	ad, ae := sideText(a)
	bd, be := sideText(b)
	var t Text
	switch kind {
	case KindConflict:
		if why == "trend" {
			t.DE = fmt.Sprintf("Widerspruch: %s steht gegen %s – für dieselbe Zeit meldet die eine Seite einen Anstieg, die andere einen Rückgang%s.", ad, bd, hedgeDE(a, b))
			t.EN = fmt.Sprintf("Conflict: %s versus %s – for the same time one side reports a rise, the other a fall%s.", ae, be, hedgeEN(a, b))
			break
		}
		if why == "date" {
			t.DE = fmt.Sprintf("Widerspruch: %s steht gegen %s – derselbe Plan ist für Zeiten angesetzt, die sich ausschließen%s.", ad, bd, hedgeDE(a, b))
			t.EN = fmt.Sprintf("Conflict: %s versus %s – the same plan is set for times that exclude each other%s.", ae, be, hedgeEN(a, b))
			break
		}
		t.DE = fmt.Sprintf("Widerspruch: %s steht gegen %s – für dieselbe Zeit schließen sich die Zahlen aus%s.", ad, bd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Conflict: %s versus %s – for the same time the figures exclude each other%s.", ae, be, hedgeEN(a, b))
	case KindDenial:
		neg, pos := a, b
		if b.negative() {
			neg, pos = b, a
		}
		nd, ne := sideText(neg)
		pd, pe := sideText(pos)
		t.DE = fmt.Sprintf("Dementi: %s bestreitet, was %s meldet%s.", nd, pd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Denial: %s denies what %s reports%s.", ne, pe, hedgeEN(a, b))
	case KindRetraction:
		t.DE = fmt.Sprintf("Rückzug: %s wurde zurückgenommen – später heißt es %s%s.", ad, bd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Retraction: %s was taken back – later %s%s.", ae, be, hedgeEN(a, b))
	case KindUpdate:
		t.DE = fmt.Sprintf("Aktualisierung: auf %s folgt %s.", ad, bd)
		t.EN = fmt.Sprintf("Update: %s is followed by %s.", ae, be)
	case KindCompatible:
		t.DE = fmt.Sprintf("Vereinbar: %s und %s passen zusammen.", ad, bd)
		t.EN = fmt.Sprintf("Compatible: %s and %s agree.", ae, be)
	default:
		wd, we := whyText(why)
		t.DE = fmt.Sprintf("Kein Vergleich: %s und %s betreffen %s.", ad, bd, wd)
		t.EN = fmt.Sprintf("Not comparable: %s and %s concern %s.", ae, be, we)
	}
	return t
}

// excerpt is a sentence cut to its first dozen words.
func excerpt(s string) string {
	const maxWords = 12
	words := strings.Fields(s)
	if len(words) <= maxWords {
		return strings.TrimRight(s, ".")
	}
	return strings.Join(words[:maxWords], " ") + " …"
}

func whyText(why string) (string, string) {
	switch why {
	case "thing", "unit":
		return "Verschiedenes", "different things"
	case "owner":
		return "verschiedene Akteure", "different actors"
	case "event", "content", "anchors":
		return "verschiedene Vorgänge", "different events"
	case "place":
		return "verschiedene Orte", "different places"
	case "part":
		return "einen Teil und ein Ganzes", "a part and a whole"
	case "change":
		return "eine Veränderung und einen Stand", "a change and a level"
	case "base":
		return "Veränderungen gegenüber verschiedenen Zeiträumen", "changes against different periods"
	}
	return "nicht erkennbar dasselbe", "not recognisably the same thing"
}

// sideText renders „figure“ (laut source, publisher, date).
func sideText(c Claim) (de, en string) {
	srcDE, srcEN := "ohne Quellenangabe", "no source named"
	if len(c.Sources) > 0 {
		s := c.Sources
		if len(s) > 2 {
			s = s[:2]
		}
		srcDE = "laut " + strings.Join(s, " und ")
		srcEN = "according to " + strings.Join(s, " and ")
	}
	if c.Publisher != "" {
		srcDE += ", " + c.Publisher
		srcEN += ", " + c.Publisher
	}
	dateDE, dateEN := "Datum unbekannt", "date unknown"
	if c.When.Known() {
		dateDE, dateEN = c.When.String(), c.When.String()
	}
	fig := c.Figure
	if c.Owner != "" && c.HasQuantity && !strings.Contains(fig, c.Owner) {
		fig = c.Owner + ": " + fig
	}
	de = fmt.Sprintf("„%s“ (%s, %s)", fig, srcDE, dateDE)
	en = fmt.Sprintf("“%s” (%s, %s)", fig, srcEN, dateEN)
	return de, en
}

func hedgeDE(a, b Claim) string {
	if h := hedges(a, b); h != "" {
		return " (mit Vorbehalt: " + h + ")"
	}
	return ""
}

func hedgeEN(a, b Claim) string {
	if h := hedges(a, b); h != "" {
		return " (hedged: " + h + ")"
	}
	return ""
}

func hedges(a, b Claim) string {
	var hs []string
	for _, c := range []Claim{a, b} {
		for _, h := range c.Hedges {
			hs = appendUnique(hs, h)
		}
	}
	if len(hs) > 3 {
		hs = hs[:3]
	}
	return strings.Join(hs, ", ")
}

// nounOwnerIn reports a common-noun owner (its key without the "~") among
// the other claim's nouns, or a compound of one ("Kurzarbeiterquote",
// "Kurzarbeit").
func nounOwnerIn(owner string, c *Claim) bool {
	for _, n := range contentNouns(c) {
		if nounsMatch(owner, n) {
			return true
		}
	}
	return false
}

// homeCountry is the country German news speaks of without naming it:
// "in Deutschland" narrows nothing against a figure that names no place.
// Against a figure said to be "weltweit" it is a part.
const homeCountry = "deutschland"

func worldwide(c *Claim) bool {
	for _, w := range strings.Fields(strings.ToLower(c.Text)) {
		switch strings.Trim(w, ",.;:") {
		case "weltweit", "global", "europaweit", "international":
			return true
		}
	}
	return false
}

// ownerInHead: x's owner is the first part of y's measured compound, a
// noun read as a name ("150 Busse als Ersatz" against "200 Ersatzbusse"):
// what the figure counts, not whose it is.
func ownerInHead(x, y *Claim) bool {
	o := strings.TrimPrefix(x.ownerKey, "~")
	if len(o) < 4 || y.Head == "" {
		return false
	}
	parts := splitNoun(strings.ToLower(y.Head)).parts
	return len(parts) >= 2 && stem(strings.Join(parts[:len(parts)-1], "")) == o
}
