package claims

import (
	"math"
	"strings"
	"testing"
	"time"
)

// mk builds a claim for the decision-table tests: North Korea sending
// soldiers, reported on a day, unless changed by opts.
func mk(lo, hi float64, opts ...func(*Claim)) Claim {
	c := Claim{
		Article: "a", HasQuantity: true, Quantity: Quantity{Low: lo, High: hi, Point: hi, Qualifier: "etwa"},
		Noun: "Soldaten", Thing: "Soldaten", Actor: "Nordkorea", Relation: "schicken", Family: "transfer",
		Mode: "report", kind: kSend, Sources: []string{"Yonhap"},
		When: Window{From: day(2024, 11, 1), To: day(2024, 11, 1), Basis: "published"},
	}
	for _, o := range opts {
		o(&c)
	}
	c.Figure = figure(c)
	return c
}

func on(y, m, d int) func(*Claim) {
	return func(c *Claim) {
		c.When = Window{From: day(y, monthOf(m), d), To: day(y, monthOf(m), d), Basis: "published"}
	}
}

func monthOf(m int) time.Month { return time.Month(m) }

func plan(c *Claim)      { c.Mode, c.kind, c.Relation = "plan", kOffer, "anbieten" }
func hedged(c *Claim)    { c.Hedges = []string{"soll"} }
func retracted(c *Claim) { c.Retracted, c.HasQuantity, c.Mode = true, false, "plan" }
func denied(c *Claim)    { c.Denied, c.HasQuantity = true, false }
func zero(c *Claim)      { c.Quantity = Quantity{Zero: true, Qualifier: "keine"} }
func deployed(c *Claim)  { c.kind, c.Relation = kDeployed, "im Einsatz" }
func increment(c *Claim) { c.Increment = true }
func actor(a string) func(*Claim) {
	return func(c *Claim) { c.Actor = a }
}
func thing(t string) func(*Claim) {
	return func(c *Claim) { c.Thing, c.Noun = t, t }
}
func place(p string) func(*Claim) {
	return func(c *Claim) { c.Place = p }
}
func family(f string) func(*Claim) {
	return func(c *Claim) { c.Family = f }
}
func exact(c *Claim) { c.Quantity.Qualifier = "" }

func TestCompareDecisions(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name     string
		x, y     Claim
		kind     string
		severity string
	}{
		{"same figure", mk(9000, 11000), mk(9500, 12000), "compatible", ""},
		{"disjoint, same time", mk(9000, 11000), mk(2500, 3500), "conflict", "high"},
		{"disjoint, one hedged", mk(9000, 11000), mk(2500, 3500, hedged), "conflict", "medium"},
		{"disjoint, a day apart is the same time", mk(9000, 11000), mk(2500, 3500, on(2024, 11, 2)), "conflict", "high"},
		{"disjoint, a year apart", mk(9000, 11000), mk(2500, 3500, on(2025, 11, 1)), "update", "low"},
		{"same figure, a year apart", mk(9000, 11000), mk(9000, 11000, on(2025, 11, 1)), "compatible", ""},
		{"open range overlaps", mk(10000, inf), mk(12750, 17250), "compatible", ""},
		{"front is part of those sent", mk(2500, 3500, deployed), mk(9000, 11000), "compatible", ""},
		{"more at the front than sent", mk(15000, 16000, deployed), mk(9000, 11000), "conflict", "high"},
		{"increment is not a total", mk(2500, 3500, increment), mk(9000, 11000), "compatible", ""},
		{"plan, later report", mk(5000, 5000, plan, exact), mk(5000, 5000, exact, on(2025, 3, 1)), "update", "low"},
		{"plan and report, same time", mk(0, 100000, plan), mk(12750, 17250), "compatible", ""},
		{"offer, later retraction", mk(100000, 100000, plan, exact, on(2022, 8, 1)), mk(0, 0, retracted, on(2023, 2, 1)), "retraction", "medium"},
		{"retraction, hedged", mk(100000, 100000, plan, exact, on(2022, 8, 1)), mk(0, 0, retracted, hedged, on(2023, 2, 1)), "retraction", "low"},
		{"retraction, later new plan", mk(0, 0, retracted, on(2023, 2, 1)), mk(5000, 5000, plan, on(2025, 6, 1)), "update", "low"},
		{"unspecific retraction covers the offer", mk(100000, 100000, plan, on(2022, 8, 1)), mk(0, 0, retracted, thing(""), on(2023, 2, 1)), "retraction", "medium"},
		{"denial, same time", mk(9000, 11000), mk(0, 0, denied), "denial", "high"},
		{"none, same time", mk(9000, 11000), mk(0, 0, zero), "denial", "high"},
		{"none, a year earlier", mk(9000, 11000), mk(0, 0, zero, on(2023, 11, 1)), "update", "low"},
		{"both none", mk(0, 0, zero), mk(0, 0, denied), "compatible", ""},
		{"other actor", mk(9000, 11000), mk(2500, 3500, actor("Russland")), "unrelated", ""},
		{"other thing", mk(4750, 5250), mk(4750, 5250, thing("Munition")), "unrelated", ""},
		{"other relation family", mk(4750, 5250), mk(4750, 5250, family("strength")), "unrelated", ""},
		{"disjoint regions", mk(9000, 11000, place("Kursk")), mk(2500, 3500, place("Donezk")), "unrelated", ""},
		{"region within region", mk(9000, 11000, place("Donbass")), mk(2500, 3500, place("Donezk")), "conflict", "high"},
		{"broad place overlaps", mk(9000, 11000, place("Russland")), mk(2500, 3500, place("Kursk")), "conflict", "high"},
		{"unknown actor", mk(9000, 11000, actor("")), mk(2500, 3500, actor("")), "unrelated", ""},
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

// TestExplanationNamesBoth checks that an alert explains itself: both
// figures, both sources and both dates, in German and English.
func TestExplanationNamesBoth(t *testing.T) {
	a := mk(9000, 11000, func(c *Claim) { c.Sources = []string{"Yonhap"} })
	b := mk(2500, 3500, on(2024, 11, 3), func(c *Claim) { c.Sources = []string{"Pentagon"} })
	c := Compare(a, b)
	for _, text := range []string{c.Explanation.DE, c.Explanation.EN} {
		for _, want := range []string{a.Figure, b.Figure, "Yonhap", "Pentagon", "2024-11-01", "2024-11-03"} {
			if !strings.Contains(text, want) {
				t.Errorf("explanation %q lacks %q", text, want)
			}
		}
		if strings.Count(text, ". ") > 0 {
			t.Errorf("explanation %q is more than one sentence", text)
		}
	}
	c = Compare(mk(9000, 11000, func(c *Claim) { c.Sources = nil; c.When = Window{Basis: "unknown"} }), b)
	if !strings.Contains(c.Explanation.DE, "ohne Quellenangabe") || !strings.Contains(c.Explanation.EN, "date unknown") {
		t.Errorf("missing source and date should be said: %q / %q", c.Explanation.DE, c.Explanation.EN)
	}
	if c.Severity != "low" {
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
		{"000:2:100.000 Soldaten", "001:2:zurückgezogen: Soldaten", "retraction"},
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
		if c := Compare(a, b); !strings.Contains(tt.kinds, c.Kind) {
			t.Errorf("%s vs %s: %s, want %s: %s", tt.a, tt.b, c.Kind, tt.kinds, c.Explanation.DE)
		}
	}
}

func TestAlertKey(t *testing.T) {
	x := Side{Article: "a", Paragraph: 1, Claim: "Satz eins.", Figure: "100 Soldaten"}
	y := Side{Article: "b", Paragraph: 2, Claim: "Satz zwei.", Figure: "300 Soldaten"}
	k1 := Alert{New: x, Existing: y}.Key()
	k2 := Alert{New: y, Existing: x, Kind: "update"}.Key()
	if k1 != k2 || len(k1) != 16 {
		t.Errorf("keys %q and %q: want equal, 16 hex digits", k1, k2)
	}
	if k3 := (Alert{New: x, Existing: Side{Article: "c"}}).Key(); k3 == k1 {
		t.Error("different pairs share a key")
	}
}
