package claims

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

// The labelled sets live in testdata/ as JSON so they can be read and
// extended without touching Go code.

type seedClaimLabel struct {
	Article   string   `json:"article"`
	Paragraph int      `json:"paragraph"`
	Pick      string   `json:"pick"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Thing     string   `json:"thing"`
	Actor     string   `json:"actor"`
	Family    string   `json:"family"`
	Mode      string   `json:"mode"`
	Place     string   `json:"place"`
	When      string   `json:"when"`
	Negative  bool     `json:"negative"`
	Retracted bool     `json:"retracted"`
	Hedged    bool     `json:"hedged"`
	Sources   []string `json:"sources"`
}

func readJSON(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// seedClaims extracts the seeds once per test, keyed by the article prefix
// ("000").
func seedClaims(t testing.TB) map[string][]Claim {
	out := map[string][]Claim{}
	for _, a := range seeds(t) {
		out[a.ID[:3]] = Extract(a)
	}
	return out
}

// findClaim resolves "article:paragraph:figure substring" (or its parts).
func findClaim(cs map[string][]Claim, article string, paragraph int, pick string) (Claim, bool) {
	for _, c := range cs[article] {
		if (paragraph == 0 || c.Paragraph == paragraph) && strings.Contains(c.Figure, pick) {
			return c, true
		}
	}
	return Claim{}, false
}

// TestSeedClaims checks the extraction of every seed claim against the
// hand labels, field by field, and reports the accuracy per field.
func TestSeedClaims(t *testing.T) {
	var labels struct {
		Claims []seedClaimLabel `json:"claims"`
	}
	readJSON(t, "seed_claims.json", &labels)
	cs := seedClaims(t)

	fields := []string{"range", "thing", "actor", "relation", "mode", "place", "when", "polarity", "retracted", "hedged", "sources"}
	right := map[string]int{}
	total := 0
	used := map[string]bool{}
	found := 0
	for _, l := range labels.Claims {
		c, ok := findClaim(cs, l.Article, l.Paragraph, l.Pick)
		if !ok {
			t.Errorf("seed claim %s p%d %q not extracted", l.Article, l.Paragraph, l.Pick)
			continue
		}
		found++
		used[c.ID] = true
		total++
		check := func(field string, ok bool, got, want any) {
			if ok {
				right[field]++
				return
			}
			t.Logf("%s p%d %q: %s = %v, want %v", l.Article, l.Paragraph, l.Pick, field, got, want)
		}
		if l.Low != nil || l.High != nil {
			wantHigh := math.Inf(1)
			if l.High != nil {
				wantHigh = *l.High
			}
			check("range", c.HasQuantity && near(c.Quantity.Low, *l.Low) && near(c.Quantity.High, wantHigh),
				fmt.Sprintf("[%g, %g]", c.Quantity.Low, c.Quantity.High), fmt.Sprintf("[%g, %g]", *l.Low, wantHigh))
		} else {
			check("range", !c.HasQuantity, "a figure", "no figure")
		}
		check("thing", c.Thing == l.Thing, c.Thing, l.Thing)
		check("actor", c.Actor == l.Actor, c.Actor, l.Actor)
		check("relation", c.Family == l.Family, c.Family, l.Family)
		check("mode", c.Mode == l.Mode, c.Mode, l.Mode)
		check("place", c.Place == l.Place, c.Place, l.Place)
		check("when", c.When.String() == l.When, c.When.String(), l.When)
		check("polarity", c.negative() == l.Negative, c.negative(), l.Negative)
		check("retracted", c.Retracted == l.Retracted, c.Retracted, l.Retracted)
		check("hedged", c.Hedged() == l.Hedged, c.Hedges, l.Hedged)
		check("sources", sameSet(c.Sources, l.Sources), c.Sources, l.Sources)
	}
	var extra []string
	n := 0
	for _, list := range cs {
		for _, c := range list {
			n++
			if !used[c.ID] {
				extra = append(extra, c.ID+" "+c.Figure)
			}
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("extracted a claim that is not in the labels: %s", e)
	}
	t.Logf("claims: %d labelled, %d found, %d extracted (recall %.2f, precision %.2f)",
		len(labels.Claims), found, n, ratio(found, len(labels.Claims)), ratio(n-len(extra), n))
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-10s %s\n", "field", "accuracy")
	sum := 0
	for _, f := range fields {
		fmt.Fprintf(&b, "%-10s %d/%d = %.2f\n", f, right[f], total, ratio(right[f], total))
		sum += right[f]
	}
	t.Log(b.String())
	if acc := ratio(sum, total*len(fields)); acc < 0.9 {
		t.Errorf("field accuracy %.2f, want >= 0.90", acc)
	}
}

func near(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return math.IsInf(a, 1) && math.IsInf(b, 1)
	}
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b))
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, s := range a {
		m[s] = true
	}
	for _, s := range b {
		if !m[s] {
			return false
		}
	}
	return true
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

type pairSide struct {
	Seed      string `json:"seed"`
	Paragraph int    `json:"paragraph"`
	Pick      string `json:"pick"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Publisher string `json:"publisher"`
}

type labelledPair struct {
	ID   string   `json:"id"`
	Set  string   `json:"set"`
	Kind string   `json:"kind"`
	A    pairSide `json:"a"`
	B    pairSide `json:"b"`
}

// sideClaim turns one side of a labelled pair into a claim: a seed claim,
// or the first claim of a one-paragraph article around the written text.
func sideClaim(t *testing.T, cs map[string][]Claim, id string, s pairSide) (Claim, bool) {
	if s.Seed != "" {
		return findClaim(cs, s.Seed, s.Paragraph, s.Pick)
	}
	a := articles.Article{ID: "pair-" + strings.ToLower(id), File: "pair-" + id + ".txt", Title: "Testartikel", Publisher: s.Publisher}
	if s.Published != "" {
		p, err := time.Parse(time.DateOnly, s.Published)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		a.Published = p
	}
	a.Paragraphs = []articles.Paragraph{{N: 1, Text: s.Text, Sources: articles.CitedSources(s.Text)}}
	for _, c := range Extract(a) {
		if s.Pick == "" || strings.Contains(c.Figure, s.Pick) {
			return c, true
		}
	}
	return Claim{}, false
}

var kinds = []string{"conflict", "denial", "retraction", "update", "compatible", "unrelated"}

// TestPairs measures Compare on the labelled pairs: precision and recall per
// kind and for alerts as a whole (an alert is conflict, denial, retraction
// or update; a pair counts as a correct alert when both gold and prediction
// are alerts).
func TestPairs(t *testing.T) {
	var set struct {
		Pairs []labelledPair `json:"pairs"`
	}
	readJSON(t, "pairs.json", &set)
	if len(set.Pairs) < 40 {
		t.Fatalf("want at least 40 labelled pairs, have %d", len(set.Pairs))
	}
	cs := seedClaims(t)
	type counts struct{ tp, fp, fn int }
	for _, subset := range []string{"dev", "heldout", "all"} {
		per := map[string]*counts{}
		for _, k := range kinds {
			per[k] = &counts{}
		}
		var alert counts
		n, exact := 0, 0
		for _, p := range set.Pairs {
			if subset != "all" && p.Set != subset {
				continue
			}
			n++
			got := "unrelated"
			a, okA := sideClaim(t, cs, p.ID, p.A)
			b, okB := sideClaim(t, cs, p.ID, p.B)
			var cmp Comparison
			if okA && okB {
				cmp = Compare(a, b)
				got = cmp.Kind
			}
			if got == p.Kind {
				exact++
				per[got].tp++
			} else {
				per[got].fp++
				per[p.Kind].fn++
				if subset == "all" {
					why := cmp.Explanation.EN
					if !okA || !okB {
						why = fmt.Sprintf("no claim extracted (a: %v, b: %v)", okA, okB)
					}
					t.Logf("%s: got %s, want %s: %s", p.ID, got, p.Kind, why)
				}
			}
			ga, pa := isAlertKind(p.Kind), isAlertKind(got)
			switch {
			case ga && pa:
				alert.tp++
			case pa:
				alert.fp++
			case ga:
				alert.fn++
			}
		}
		if n == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\n[%s] %d pairs, exact kind %d/%d\n%-11s %9s %9s  %s\n", subset, n, exact, n, "kind", "precision", "recall", "(tp/fp/fn)")
		for _, k := range kinds {
			c := per[k]
			fmt.Fprintf(&b, "%-11s %9.2f %9.2f  (%d/%d/%d)\n", k, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn), c.tp, c.fp, c.fn)
		}
		ap, ar := ratio(alert.tp, alert.tp+alert.fp), ratio(alert.tp, alert.tp+alert.fn)
		fmt.Fprintf(&b, "%-11s %9.2f %9.2f  (%d/%d/%d)\n", "ALERT", ap, ar, alert.tp, alert.fp, alert.fn)
		t.Log(b.String())
		if subset == "all" {
			if ap < 0.9 {
				t.Errorf("alert precision %.2f, want >= 0.90", ap)
			}
			if ar < 0.8 {
				t.Errorf("alert recall %.2f, want >= 0.80", ar)
			}
		}
	}
}

type seedPair struct {
	A, B, Kind string
}

// findRef resolves "article:paragraph:figure substring".
func findRef(cs map[string][]Claim, ref string) (Claim, bool) {
	parts := strings.SplitN(ref, ":", 3)
	if len(parts) != 3 {
		return Claim{}, false
	}
	var paragraph int
	if _, err := fmt.Sscan(parts[1], &paragraph); err != nil {
		return Claim{}, false
	}
	return findClaim(cs, parts[0], paragraph, parts[2])
}

// TestReplaySeeds feeds the seeds in publication order (undated ones by
// inferred time, then file name) and checks that Detect raises no alert on
// a pair labelled compatible or unrelated, and that the alerts the issue
// names are raised.
func TestReplaySeeds(t *testing.T) {
	var set struct {
		Pairs []seedPair `json:"pairs"`
	}
	readJSON(t, "seed_pairs.json", &set)
	cs := seedClaims(t)
	gold := map[[2]string]string{}
	for _, p := range set.Pairs {
		a, ok1 := findRef(cs, p.A)
		b, ok2 := findRef(cs, p.B)
		if !ok1 || !ok2 {
			t.Errorf("label %s / %s: claim not extracted", p.A, p.B)
			continue
		}
		gold[[2]string{a.ID, b.ID}] = p.Kind
		gold[[2]string{b.ID, a.ID}] = p.Kind
	}
	byText := map[string]string{} // article + claim sentence + figure -> claim ID
	for _, list := range cs {
		for _, c := range list {
			byText[c.Article+"\x00"+c.Text+"\x00"+c.Figure] = c.ID
		}
	}
	idOf := func(s Side) string { return byText[s.Article+"\x00"+s.Claim+"\x00"+s.Figure] }

	ordered := Order(seeds(t))
	var wantOrder []string
	for _, a := range ordered {
		wantOrder = append(wantOrder, a.ID[:3])
	}
	if got := strings.Join(wantOrder, " "); got != "000 003 001 002 004" {
		t.Errorf("publication order = %s, want 000 003 001 002 004", got)
	}
	raised := map[[2]string]string{}
	for i := range ordered {
		for _, al := range Detect(ordered[i:i+1], ordered[:i]) {
			x, y := idOf(al.New), idOf(al.Existing)
			raised[[2]string{x, y}] = al.Kind
			raised[[2]string{y, x}] = al.Kind
			g, ok := gold[[2]string{x, y}]
			switch {
			case !ok:
				t.Errorf("unlabelled alert %s %s: %s", al.Kind, al.Key(), al.Explanation.EN)
			case !isAlertKind(g):
				t.Errorf("alert on a pair labelled %s: %s", g, al.Explanation.EN)
			case g != al.Kind:
				t.Logf("alert kind %s, labelled %s: %s", al.Kind, g, al.Explanation.EN)
			}
		}
	}
	// The pairs the issue names.
	for _, want := range []struct{ a, b, kinds string }{
		{"000:2:100.000 Soldaten", "001:2:zurückgezogen: Soldaten", "retraction"},
		{"000:2:100.000 Soldaten", "001:3:300–500", "update retraction"},
	} {
		a, _ := findRef(cs, want.a)
		b, _ := findRef(cs, want.b)
		if k := raised[[2]string{a.ID, b.ID}]; !strings.Contains(want.kinds, k) || k == "" {
			t.Errorf("%s vs %s: raised %q, want one of %q", want.a, want.b, k, want.kinds)
		}
	}
	for _, quiet := range [][2]string{
		{"002:2:15.000", "004:7:10.000"},
		{"003:7:1,3 Millionen", "004:7:10.000"},
		{"002:3:500.000", "003:7:1,3 Millionen"},
	} {
		a, _ := findRef(cs, quiet[0])
		b, _ := findRef(cs, quiet[1])
		if k := raised[[2]string{a.ID, b.ID}]; k != "" {
			t.Errorf("%s vs %s raised %s, want no alert", quiet[0], quiet[1], k)
		}
		if k := Compare(a, b).Kind; quiet[0] == "002:2:15.000" && k != "compatible" || quiet[0] != "002:2:15.000" && k != "unrelated" {
			t.Errorf("Compare(%s, %s) = %s", quiet[0], quiet[1], k)
		}
	}
	missed := 0
	for k, g := range gold {
		if isAlertKind(g) && raised[k] == "" && k[0] < k[1] {
			missed++
			t.Logf("labelled %s not raised: %s / %s", g, k[0], k[1])
		}
	}
	t.Logf("%d alerts raised, %d labelled alerts not raised (duplicates within an article are raised once)", len(raised)/2, missed)
}
