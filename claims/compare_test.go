package claims

import (
	"math"
	"strings"
	"testing"
	"time"
)

// mk builds a figure claim for the decision-table tests: a city's count of
// participants, reported on a day, unless changed by opts.
func mk(lo, hi float64, opts ...func(*Claim)) Claim {
	c := Claim{
		Article: "a", HasQuantity: true, Quantity: Quantity{Low: lo, High: hi, Point: hi, Qualifier: "etwa"},
		Head: "Teilnehmer", Key: "teilnehm", Owner: "Köln", ownerKey: "koln", Anchors: []string{"koln"},
		Mode: ModeReport, Sources: []string{"Polizei"},
		When: Window{From: day(2024, 11, 1), To: day(2024, 11, 1), Basis: "published"},
	}
	for _, o := range opts {
		o(&c)
	}
	c.Figure = figureText(c)
	return c
}

func on(y, m, d int) func(*Claim) {
	return func(c *Claim) {
		c.When = Window{From: day(y, time.Month(m), d), To: day(y, time.Month(m), d), Basis: "published"}
	}
}

func plan(c *Claim)   { c.Mode = ModePlan }
func hedged(c *Claim) { c.Hedges = []string{"soll"} }
func retracted(c *Claim) {
	c.Stance, c.HasQuantity, c.cue, c.nouns, c.Event = StanceRetract, false, "abgesagt", []string{"teilnehm"}, "Demonstration"
}
func denied(c *Claim) {
	c.Stance, c.HasQuantity, c.nouns, c.Event = StanceDeny, false, []string{"teilnehm"}, "Teilnehmer"
}
func zero(c *Claim)      { c.Quantity = Quantity{Zero: true, Qualifier: "keine"}; c.Negated = true }
func part(c *Claim)      { c.Part = true }
func increment(c *Claim) { c.Increment = true }
func owner(o string) func(*Claim) {
	return func(c *Claim) { c.Owner, c.ownerKey, c.Anchors = o, nameKey(o), []string{nameKey(o)} }
}
func key(k string) func(*Claim) { return func(c *Claim) { c.Key, c.Head = k, k } }
func places(p ...string) func(*Claim) {
	return func(c *Claim) { c.Places = p; c.Anchors = append(c.Anchors, p...) }
}
func mods(m ...string) func(*Claim) { return func(c *Claim) { c.Modifiers = m } }
func exact(c *Claim)                { c.Quantity.Qualifier = "" }
func unit(u string) func(*Claim)    { return func(c *Claim) { c.Unit = u } }
func spot(s string) func(*Claim) {
	return func(c *Claim) { c.spot, c.ctx = s, &context{text: s} } // each article names only its own spot
}
func loss(c *Claim)        { c.loss = true }
func unknownTime(c *Claim) { c.When = Window{Basis: "unknown"} }
func changing(c *Claim)    { c.Changing = true }
func happened(c *Claim)    { c.past = true }
func forecast(c *Claim)    { c.Mode = ModeForecast }
func article2(c *Claim)    { c.Article, c.order = "b", articleOrder{file: "b"} }

func TestCompareDecisions(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name     string
		x, y     Claim
		kind     Kind
		severity Severity
	}{
		{"same figure", mk(9000, 11000), mk(9500, 12000, article2), KindCompatible, ""},
		{"disjoint, same time", mk(9000, 11000), mk(2500, 3500, article2), KindConflict, SeverityHigh},
		{"disjoint, one hedged", mk(9000, 11000), mk(2500, 3500, hedged, article2), KindConflict, SeverityMedium},
		{"disjoint, a day apart is the same time", mk(9000, 11000), mk(2500, 3500, on(2024, 11, 2), article2), KindConflict, SeverityHigh},
		{"disjoint, three days apart by the datelines alone", mk(9000, 11000), mk(2500, 3500, on(2024, 11, 4), article2), KindConflict, SeverityHigh},
		{"disjoint, three days apart, a running count", mk(9000, 11000), mk(2500, 3500, on(2024, 11, 4), article2, func(c *Claim) { c.Passage, c.running = "Inzwischen sind es 3.000.", true }), KindUpdate, SeverityLow},
		{"disjoint, ten days apart", mk(9000, 11000), mk(2500, 3500, on(2024, 11, 11), article2), KindUpdate, SeverityLow},
		{"same figure, a year apart", mk(9000, 11000), mk(9000, 11000, on(2025, 11, 1), article2), KindCompatible, ""},
		{"open range overlaps", mk(10000, inf), mk(12750, 17250, article2), KindCompatible, ""},
		{"a part fits the whole", mk(2500, 3500, part), mk(9000, 11000, article2), KindCompatible, ""},
		{"increment is not a total", mk(2500, 3500, increment), mk(9000, 11000, article2), KindCompatible, ""},
		{"plan, later report of what happened", mk(5000, 5000, plan, exact), mk(5000, 5000, exact, on(2025, 3, 1), article2, happened), KindUpdate, SeverityLow},
		{"plan and a present report of it", mk(1200, 1200, plan, exact), mk(2000, 2000, exact, article2), KindConflict, SeverityHigh},
		{"forecast against a count", mk(5000, 5000, forecast, exact), mk(9000, 9000, exact, article2), KindUpdate, SeverityLow},
		{"a running count moved on", mk(12, 12, exact), mk(17, 17, exact, changing, article2), KindUpdate, SeverityLow},
		{"plan, later retraction", mk(100, 100, plan, exact, on(2024, 8, 1)), mk(0, 0, retracted, on(2024, 9, 1), article2), KindRetraction, SeverityHigh},
		{"retraction, hedged", mk(100, 100, plan, exact, on(2024, 8, 1)), mk(0, 0, retracted, hedged, on(2024, 9, 1), article2), KindRetraction, SeverityMedium},
		{"retraction, later new plan", mk(0, 0, retracted, on(2024, 9, 1)), mk(5000, 5000, plan, on(2025, 6, 1), article2), KindUpdate, SeverityLow},
		{"denial, same time", mk(9000, 11000), mk(0, 0, denied, article2), KindDenial, SeverityHigh},
		{"denial matched by one word only", mk(9000, 11000, func(c *Claim) { c.Anchors = nil }), mk(0, 0, denied, article2, func(c *Claim) { c.Anchors = nil }), KindDenial, SeverityMedium},
		{"none, same time", mk(9000, 11000), mk(0, 0, zero, article2), KindDenial, SeverityHigh},
		{"none, a year earlier", mk(9000, 11000), mk(0, 0, zero, on(2023, 11, 1), article2), KindUpdate, SeverityLow},
		{"both none", mk(0, 0, zero), mk(0, 0, denied, article2), KindCompatible, ""},
		{"other owner", mk(9000, 11000), mk(2500, 3500, owner("Düsseldorf"), article2), KindUnrelated, ""},
		{"other thing", mk(4750, 5250), mk(4750, 5250, key("besucher"), article2), KindUnrelated, ""},
		{"narrower thing", mk(4750, 5250), mk(1000, 1200, mods("schwer"), article2), KindUnrelated, ""},
		{"disjoint places", mk(9000, 11000, places("deutz")), mk(2500, 3500, places("ehrenfeld"), article2), KindUnrelated, ""},
		{"unknown time is no conflict", mk(9000, 11000, unknownTime), mk(2500, 3500, unknownTime, article2), KindUpdate, SeverityLow},
		{"one measure in two units that agree", mk(1.8, 1.8, exact, unit("t")), mk(1800, 1800, exact, unit("kg"), article2), KindCompatible, ""},
		{"one measure in two units that disagree", mk(1.8, 1.8, exact, unit("t")), mk(680, 920, unit("kg"), article2), KindConflict, SeverityHigh},
		{"two units of different measures", mk(1.8, 1.8, exact, unit("t")), mk(1800, 1800, exact, unit("l"), article2), KindUnrelated, ""},
		{"a profit against a loss of the same size", mk(12e6, 12e6, exact, unit("€"), key(resultKey)), mk(12e6, 12e6, exact, unit("€"), key(resultKey), loss, article2), KindConflict, SeverityHigh},
		{"a running count whose time reaches further", mk(312, 312, exact, on(2024, 11, 1)), mk(689, 689, exact, changing, article2, func(c *Claim) {
			c.When = Window{From: day(2024, 11, 1), To: day(2024, 11, 3), Basis: "explicit"}
		}), KindUpdate, SeverityLow},
		{"two spots of one place", mk(38, 38, exact, spot("landshuter allee")), mk(29, 29, exact, spot("stachus"), article2), KindUnrelated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][2]Claim{{tt.x, tt.y}, {tt.y, tt.x}} {
				c := Compare(order[0], order[1])
				if c.Kind != tt.kind || c.Severity != tt.severity {
					t.Errorf("Compare = %s/%s, want %s/%s: %s", c.Kind, c.Severity, tt.kind, tt.severity, c.Explanation.EN)
				}
				if c.Explanation.DE == "" || c.Explanation.EN == "" {
					t.Error("missing explanation")
				}
			}
		})
	}
}

// TestKinds pins which kinds alert.
func TestKinds(t *testing.T) {
	for _, k := range Kinds {
		want := k == KindConflict || k == KindDenial || k == KindRetraction
		if k.Alerts() != want {
			t.Errorf("%s.Alerts() = %v", k, k.Alerts())
		}
	}
}

// TestExplanationNamesBoth checks that an alert explains itself: both
// figures, both sources and both dates, in German and English, in one
// sentence.
func TestExplanationNamesBoth(t *testing.T) {
	a := mk(9000, 11000, func(c *Claim) { c.Sources = []string{"Polizei"} })
	b := mk(2500, 3500, on(2024, 11, 2), article2, func(c *Claim) { c.Sources = []string{"Veranstalter"} })
	c := Compare(a, b)
	for _, text := range []string{c.Explanation.DE, c.Explanation.EN} {
		for _, want := range []string{a.Figure, b.Figure, "Polizei", "Veranstalter", "2024-11-01", "2024-11-02"} {
			if !strings.Contains(text, want) {
				t.Errorf("explanation %q lacks %q", text, want)
			}
		}
		if strings.Count(text, ". ") > 0 {
			t.Errorf("explanation %q is more than one sentence", text)
		}
	}
	c = Compare(mk(9000, 11000, func(c *Claim) { c.Sources = nil; c.When = Window{Basis: "unknown"} }), mk(0, 0, denied, article2))
	if !strings.Contains(c.Explanation.DE, "ohne Quellenangabe") || !strings.Contains(c.Explanation.EN, "date unknown") {
		t.Errorf("missing source and date should be said: %q / %q", c.Explanation.DE, c.Explanation.EN)
	}
	if c.Severity != SeverityLow {
		t.Errorf("unknown date: severity %s, want low", c.Severity)
	}
}

// TestSeedComparisons checks the comparisons the issue names on the seeds.
func TestSeedComparisons(t *testing.T) {
	cs := seedClaims(t)
	tests := []struct {
		a, b  string
		kinds string
	}{
		{"000:2:100.000 Soldaten", "001:2:zurückgezogen", "retraction"},
		{"000:2:100.000 Soldaten", "001:3:300–500", "update retraction"},
		{"002:2:15.000", "004:7:10.000", "compatible"},
		{"003:7:1,3 Millionen", "004:7:10.000", "unrelated"},
		{"003:7:1,3 Millionen", "002:2:15.000", "unrelated"},
		{"002:3:500.000", "003:7:1,3 Millionen", "unrelated"},
	}
	for _, tt := range tests {
		a, ok1 := findRef(cs, tt.a)
		b, ok2 := findRef(cs, tt.b)
		if !ok1 || !ok2 {
			t.Fatalf("%s / %s: claim missing", tt.a, tt.b)
		}
		if c := Compare(a, b); !strings.Contains(tt.kinds, string(c.Kind)) {
			t.Errorf("%s vs %s: %s, want %s: %s", tt.a, tt.b, c.Kind, tt.kinds, c.Explanation.DE)
		}
	}
}

func TestAlertKey(t *testing.T) {
	x := Side{Article: "a", Paragraph: 1, Claim: "Satz eins.", Figure: "100 Teilnehmer"}
	y := Side{Article: "b", Paragraph: 2, Claim: "Satz zwei.", Figure: "300 Teilnehmer"}
	z := Side{Article: "c", Paragraph: 3, Claim: "Satz drei.", Figure: "400 Teilnehmer"}
	k1 := Alert{Kind: KindConflict, New: x, Existing: []Side{y, z}}.Key()
	k2 := Alert{Kind: KindConflict, New: x, Existing: []Side{z, y}}.Key()
	if k1 != k2 || len(k1) != 16 {
		t.Errorf("keys %q and %q: want equal, 16 hex digits", k1, k2)
	}
	if k3 := (Alert{Kind: KindConflict, New: x, Existing: []Side{y}}).Key(); k3 == k1 {
		t.Error("different groups share a key")
	}
}

// TestHedgedSourcesLowerSeverity: a figure given on hearsay, on an
// unconfirmed or unnamed estimate, contradicts a count less surely than a
// plain report; the severity of the conflict says so.
func TestHedgedSourcesLowerSeverity(t *testing.T) {
	plain := "Am Samstag beteiligten sich in Leipzig 4.000 Menschen an der Kundgebung."
	tests := []struct {
		s    string
		want Severity
	}{
		{"An der Kundgebung in Leipzig am Samstag beteiligten sich 12.000 Menschen.", SeverityHigh},
		{"Schätzungen zufolge beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityMedium},
		{"Nach ersten Schätzungen beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityMedium},
		{"Nach unbestätigten Angaben beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityMedium},
		{"An der Kundgebung in Leipzig am Samstag beteiligten sich laut Gerüchten 12.000 Menschen.", SeverityMedium},
		{"Wie aus Polizeikreisen verlautete, beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityMedium},
		{"An der Kundgebung in Leipzig am Samstag beteiligten sich schätzungsweise 12.000 Menschen.", SeverityMedium},
		{"Angeblich beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityMedium},
		{"An der Kundgebung in Leipzig am Samstag sollen sich 12.000 Menschen beteiligt haben.", SeverityMedium},
		// a named source's own count is no hedge
		{"Nach Angaben der Polizei beteiligten sich an der Kundgebung in Leipzig am Samstag 12.000 Menschen.", SeverityHigh},
		{"Die Polizei zählte bei der Kundgebung in Leipzig am Samstag 12.000 Teilnehmer.", SeverityHigh},
	}
	for _, tt := range tests {
		a, b := dated("a", "2025-02-16", plain), dated("b", "2025-02-16", tt.s)
		var got []string
		for _, x := range Extract(b) {
			for _, y := range Extract(a) {
				if x.HasQuantity && y.HasQuantity {
					c := Compare(x, y)
					got = append(got, string(c.Kind)+"/"+string(c.Severity))
				}
			}
		}
		if len(got) != 1 || got[0] != string(KindConflict)+"/"+string(tt.want) {
			t.Errorf("%q: %v, want conflict/%s", tt.s, got, tt.want)
		}
	}
}
