package claims

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func seeds(t testing.TB) []articles.Article {
	t.Helper()
	as, err := articles.LoadDir(articles.Default())
	if err != nil {
		t.Fatalf("load seeds: %v", err)
	}
	if len(as) != 5 {
		t.Fatalf("want 5 seed articles, got %d", len(as))
	}
	return as
}

// article wraps paragraphs into an article published on 2024-11-18.
func article(paras ...string) articles.Article {
	a := articles.Article{ID: "t", File: "t.txt", Title: "Test", Published: time.Date(2024, 11, 18, 8, 0, 0, 0, time.UTC)}
	for i, p := range paras {
		a.Paragraphs = append(a.Paragraphs, articles.Paragraph{N: i + 1, Text: p, Sources: articles.CitedSources(p)})
	}
	return a
}

// formatClaim is the golden-file line of a claim: every field a reviewer
// needs to check the extraction by eye.
func formatClaim(c Claim) string {
	var b strings.Builder
	fmt.Fprintf(&b, "p%d.%d  %s\n", c.Paragraph, c.Sentence, c.Figure)
	if c.HasQuantity {
		fmt.Fprintf(&b, "      range=[%s, %s]", fnum(c.Quantity.Low), fnum(c.Quantity.High))
		if c.Quantity.Qualifier != "" {
			fmt.Fprintf(&b, " qualifier=%q", c.Quantity.Qualifier)
		}
		fmt.Fprintf(&b, " key=%s unit=%s mods=%s", or(c.Key, "-"), or(c.Unit, "-"), or(strings.Join(c.Modifiers, ","), "-"))
		b.WriteString("\n")
	}
	var flags []string
	for _, f := range []struct {
		on   bool
		name string
	}{{c.Negated, "negated"}, {c.Part, "part"}, {c.Changing, "changing"}, {c.Correct, "correction"}, {c.Increment, "increment"}, {c.InQuote, "quote"}} {
		if f.on {
			flags = append(flags, f.name)
		}
	}
	fmt.Fprintf(&b, "      owner=%s anchors=%s places=%s mode=%s stance=%s flags=%s\n", or(c.Owner, "-"),
		or(strings.Join(c.Anchors, ","), "-"), or(strings.Join(c.Places, ","), "-"), c.Mode, or(string(c.Stance), "-"), or(strings.Join(flags, ","), "-"))
	fmt.Fprintf(&b, "      when=%s [%s] hedges=%s\n", or(c.When.String(), "?"), c.When.Note(), or(strings.Join(c.Hedges, ","), "-"))
	fmt.Fprintf(&b, "      sources=%s\n", or(strings.Join(c.Sources, "; "), "-"))
	fmt.Fprintf(&b, "      %q\n", c.Text)
	return b.String()
}

func fnum(v float64) string {
	if v > 1e300 {
		return "inf"
	}
	return fmt.Sprintf("%g", v)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func near(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return math.IsInf(a, 1) && math.IsInf(b, 1)
	}
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b))
}

func dumpArticles(as []articles.Article) string {
	var b strings.Builder
	for _, a := range Order(as) {
		w := articleWindow(a)
		fmt.Fprintf(&b, "== %s  published=%s  time=%s [%s]\n", a.ID, or(a.PublishedDate(), "unknown"), or(w.String(), "?"), w.Note())
		for _, c := range Extract(a) {
			if !c.HasQuantity && c.Stance == StanceAssert {
				continue // statements are many; the golden pins figures and stances
			}
			b.WriteString(formatClaim(c))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./claims -run %s -update to create it)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs from the current output; diff it with -update and git diff.\n--- got ---\n%s", path, got)
	}
}

// TestExtractGolden pins the figure and stance claims of the seed articles.
func TestExtractGolden(t *testing.T) {
	golden(t, "extract.golden", dumpArticles(seeds(t)))
}
