package claims

import (
	"fmt"
	"strings"
)

// Text is a message in German and English.
type Text struct{ DE, EN string }

// Comparison is the verdict on two claims.
type Comparison struct {
	// Kind is "conflict", "denial", "retraction", "update" (the alert kinds),
	// "compatible" or "unrelated".
	Kind string
	// Severity is "high", "medium" or "low" for alert kinds, "" otherwise.
	Severity    string
	Explanation Text
}

// Alert reports whether the kind is one a moderator should see.
func (c Comparison) Alert() bool { return isAlertKind(c.Kind) }

func isAlertKind(k string) bool {
	return k == "conflict" || k == "denial" || k == "retraction" || k == "update"
}

// Compare decides how two claims relate. Claims are compared only when they
// speak about the same thing: the same counted thing, actor and relation
// family, overlapping places. Then, in this order:
//
//   - retraction: an offer or plan, and a later (or concurrent) claim that
//     takes it back;
//   - denial: one side says none / denies / "nicht", the other reports it,
//     for the same time;
//   - update: different time windows with different figures, or a plan and
//     a later report;
//   - compatible: the intervals overlap (allowing for rounding and for the
//     front line being part of the troops sent);
//   - conflict: same time, disjoint intervals, same stance.
//
// A figure repeated unchanged at a later time is compatible, not an update:
// an update means the picture changed. Hedges ("soll", "könnte",
// Konjunktiv) and inferred dates lower the severity.
func Compare(x, y Claim) Comparison {
	v := judge(&x, &y)
	return Comparison{Kind: v.kind, Severity: v.severity, Explanation: v.explain(&x, &y)}
}

// verdict is Compare without the explanation, which costs more than the
// decision and is only needed for alerts.
type verdict struct {
	kind, severity, why string
	swapped             bool // y is the earlier claim
}

func (v verdict) explain(x, y *Claim) Text {
	if v.swapped {
		x, y = y, x
	}
	return explain(v.kind, *x, *y, v.why)
}

// judge compares by pointer: claims are large and Pairs judges millions.
func judge(x, y *Claim) verdict {
	a, b := x, y
	v := verdict{}
	if later(*a, *b) {
		a, b, v.swapped = b, a, true
	}
	if why := differentSubject(*a, *b); why != "" {
		v.kind, v.why = "unrelated", why
		return v
	}
	v.kind = decide(*a, *b)
	if isAlertKind(v.kind) {
		v.severity = severity(v.kind, *a, *b)
	}
	return v
}

// later reports whether x speaks about a later time than y.
func later(x, y Claim) bool {
	xw, yw := x.When, y.When
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

// differentSubject returns why two claims are not about the same thing, or
// "" when they are.
func differentSubject(a, b Claim) string {
	switch {
	case a.Family == "" || b.Family == "":
		return "relation unknown"
	case a.Family != b.Family:
		return "relation"
	case a.Actor == "" || b.Actor == "":
		return "actor unknown"
	case a.Actor != b.Actor:
		return "actor"
	case a.Measure != b.Measure:
		return "measure"
	case !sameThing(a, b):
		return "thing"
	case !placesOverlap(a.Place, b.Place):
		return "place"
	}
	return ""
}

func sameThing(a, b Claim) bool {
	if a.Thing == b.Thing {
		return a.Thing != ""
	}
	// "Kim hat sein Hilfsangebot zurückgezogen" takes back every offer of
	// the same kind.
	return (a.Thing == "" && a.Retracted) || (b.Thing == "" && b.Retracted)
}

func placesOverlap(p, q string) bool {
	if p == "" || q == "" || p == q || broadPlaces[p] || broadPlaces[q] {
		return true
	}
	return within(p, q) || within(q, p)
}

// within reports whether place p lies in q.
func within(p, q string) bool {
	for x := placeParent[p]; x != ""; x = placeParent[x] {
		if x == q {
			return true
		}
	}
	return false
}

type timeRel int

const (
	timeSame timeRel = iota // overlapping windows
	timeApart
	timeUnknown
)

// reportLag is how far back a claim dated only by its article's
// publication reaches: a report of 19 November and a denial of 20 November
// speak about the same situation.
const reportLag = 30

func timeRelation(a, b Claim) timeRel {
	aw, bw := a.When, b.When
	switch {
	case !aw.Known() || !bw.Known():
		return timeUnknown
	}
	if aw.Basis == "published" {
		aw.From = aw.From.AddDate(0, 0, -reportLag)
	}
	if bw.Basis == "published" {
		bw.From = bw.From.AddDate(0, 0, -reportLag)
	}
	if aw.overlaps(bw) {
		return timeSame
	}
	return timeApart
}

// decide applies the decision list to a (earlier) and b (later).
func decide(a, b Claim) string {
	tr := timeRelation(a, b)
	switch {
	case a.Retracted && b.Retracted:
		return "compatible"
	case b.Retracted || (a.Retracted && tr != timeApart):
		off := a // the offer or report, the other side being the retraction
		if a.Retracted {
			off = b
		}
		switch {
		case off.negative():
			return "compatible"
		case off.Mode == "plan":
			return "retraction"
		case tr == timeApart:
			return "update"
		}
		return "denial" // an offer taken back while troops are reported sent
	case a.Retracted:
		return "update" // a new offer or report after the retraction
	}
	na, nb := a.negative(), b.negative()
	switch {
	case na && nb:
		return "compatible"
	case na != nb:
		neg, pos := a, b
		if nb {
			neg, pos = b, a
		}
		if neg.HasQuantity && !neg.Quantity.Zero && !rangesOverlap(neg, pos) {
			return "compatible" // "nicht 10.000" does not deny 5.000
		}
		if tr == timeApart {
			return "update"
		}
		return "denial"
	}
	if !a.HasQuantity || !b.HasQuantity {
		return "compatible"
	}
	overlap := rangesOverlap(a, b) || subset(a, b) || subset(b, a)
	if a.Mode != b.Mode {
		if tr == timeApart || !overlap {
			return "update"
		}
		return "compatible"
	}
	if tr == timeApart {
		// Across time the question is whether the figure changed, so mere
		// overlap is not enough: "bis zu 100.000" a year after "300–500"
		// overlaps it but is news.
		if sameFigure(a, b) {
			return "compatible"
		}
		return "update"
	}
	if overlap || a.Increment || b.Increment {
		return "compatible"
	}
	return "conflict"
}

func rangesOverlap(a, b Claim) bool {
	al, ah := a.Quantity.comparable()
	bl, bh := b.Quantity.comparable()
	return al <= bh && bl <= ah
}

// sameFigure reports whether each figure's central value lies in the
// other's interval: "100.000" and "bis zu 100.000" are the same figure,
// "300–500" and "bis zu 100.000" are not.
func sameFigure(a, b Claim) bool {
	al, ah := a.Quantity.comparable()
	bl, bh := b.Quantity.comparable()
	ca, cb := a.Quantity.center(), b.Quantity.center()
	return ca >= bl && ca <= bh && cb >= al && cb <= ah
}

// subset: troops at the front are part of the troops sent, so fewer at the
// front than sent is no contradiction.
func subset(part, whole Claim) bool {
	if part.kind != kDeployed || (whole.kind != kSend && whole.kind != kReceive) {
		return false
	}
	pl, _ := part.Quantity.comparable()
	_, wh := whole.Quantity.comparable()
	return pl <= wh
}

func severity(kind string, a, b Claim) string {
	level := 0
	switch kind {
	case "conflict", "denial":
		level = 3
		if a.Hedged() || b.Hedged() {
			level--
		}
		if a.When.Basis == "inferred" || b.When.Basis == "inferred" {
			level--
		}
		if !a.When.Known() || !b.When.Known() {
			level = 1
		}
	case "retraction":
		level = 2
		if a.Hedged() || b.Hedged() {
			level--
		}
	case "update":
		level = 1
	}
	switch {
	case level >= 3:
		return "high"
	case level == 2:
		return "medium"
	}
	return "low"
}

// explain writes the one-sentence explanation naming both figures, both
// sources and both dates.
func explain(kind string, a, b Claim, why string) Text {
	ad, ae := sideText(a)
	bd, be := sideText(b)
	var t Text
	switch kind {
	case "conflict":
		t.DE = fmt.Sprintf("Widerspruch: %s steht gegen %s – für denselben Zeitraum schließen sich die Zahlen aus%s.", ad, bd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Conflict: %s versus %s – for the same period the figures exclude each other%s.", ae, be, hedgeEN(a, b))
	case "denial":
		neg, pos := a, b
		if b.negative() || b.Retracted {
			neg, pos = b, a
		}
		nd, ne := sideText(neg)
		pd, pe := sideText(pos)
		t.DE = fmt.Sprintf("Dementi: %s bestreitet für denselben Zeitraum, was %s meldet%s.", nd, pd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Denial: %s denies for the same period what %s reports%s.", ne, pe, hedgeEN(a, b))
	case "retraction":
		t.DE = fmt.Sprintf("Rückzug: %s wurde zurückgenommen – später heißt es %s%s.", ad, bd, hedgeDE(a, b))
		t.EN = fmt.Sprintf("Retraction: %s was taken back – later %s%s.", ae, be, hedgeEN(a, b))
	case "update":
		t.DE = fmt.Sprintf("Aktualisierung: auf %s folgt %s.", ad, bd)
		t.EN = fmt.Sprintf("Update: %s is followed by %s.", ae, be)
	case "compatible":
		t.DE = fmt.Sprintf("Vereinbar: %s und %s passen zusammen.", ad, bd)
		t.EN = fmt.Sprintf("Compatible: %s and %s agree.", ae, be)
	default:
		wd, we := whyText(why)
		t.DE = fmt.Sprintf("Kein Vergleich: %s und %s betreffen %s.", ad, bd, wd)
		t.EN = fmt.Sprintf("Not comparable: %s and %s concern %s.", ae, be, we)
	}
	return t
}

func whyText(why string) (string, string) {
	switch why {
	case "thing":
		return "Verschiedenes", "different things"
	case "actor":
		return "verschiedene Akteure", "different actors"
	case "relation":
		return "verschiedene Vorgänge", "different events"
	case "place":
		return "verschiedene Orte", "different places"
	case "measure":
		return "verschiedene Maßeinheiten", "different units"
	}
	return "nicht erkennbar dasselbe", "not recognisably the same thing"
}

// sideText renders „figure“ laut source (date).
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
		if c.When.Basis == "inferred" {
			dateDE += ", erschlossen"
			dateEN += ", inferred"
		}
	}
	fig := c.Figure
	if c.Actor != "" {
		fig = c.Actor + ": " + fig
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
