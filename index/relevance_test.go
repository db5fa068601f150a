package index

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/claimbot/claimbot/german"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// relevanceCase is one entry of testdata/relevance.json.
type relevanceCase struct {
	Name  string `json:"name"`
	Query string `json:"query"`
	// Expect: phrases of which each of the first Top hits must contain one.
	Expect []string `json:"expect"`
	Top    int      `json:"top"`
	// ExpectNone: the query must match nothing.
	ExpectNone bool `json:"expect_none"`
}

func loadRelevanceCases(t *testing.T) []relevanceCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "relevance.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []relevanceCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("testdata/relevance.json: %v", err)
	}
	seen := map[string]bool{}
	for i, c := range file.Cases {
		switch {
		case c.Name == "" || seen[c.Name]:
			t.Fatalf("case %d: name %q is empty or repeated", i, c.Name)
		case c.ExpectNone == (len(c.Expect) > 0):
			t.Fatalf("case %s: give either expect or expect_none", c.Name)
		}
		seen[c.Name] = true
		if file.Cases[i].Top <= 0 {
			file.Cases[i].Top = 1
		}
	}
	return file.Cases
}

// TestRelevance checks the cases' expectations against the seed index and
// compares the rankings with testdata/relevance.golden, so a change in
// analysis or scoring shows up as a reviewed diff even where it does not
// break an expectation.
func TestRelevance(t *testing.T) {
	cases := loadRelevanceCases(t)
	ix := seedIndex(t)
	var golden strings.Builder
	golden.WriteString("# Top 3 passages per case of relevance.json: ID and BM25 score (3 places).\n")
	golden.WriteString("# Rewrite with: go test ./index -run TestRelevance -update\n")
	for _, c := range cases {
		res, err := ix.Search(context.Background(), c.Query, SearchOptions{Limit: max(3, c.Top)})
		if err != nil {
			t.Errorf("%s: Search(%q): %v", c.Name, c.Query, err)
			continue
		}
		var top []string
		for i, h := range res.Hits {
			if i < 3 {
				top = append(top, fmt.Sprintf("%s %.3f", h.ID, h.Score))
			}
		}
		fmt.Fprintf(&golden, "%s | %q | %s\n", c.Name, c.Query, strings.Join(top, ", "))

		verdict := "ok"
		if msg := checkRelevance(c, res); msg != "" {
			verdict = "FAIL"
			t.Errorf("%s: query %q: %s", c.Name, c.Query, msg)
		}
		first := "-"
		if len(res.Hits) > 0 {
			first = fmt.Sprintf("%s %.3f", res.Hits[0].ID, res.Hits[0].Score)
		}
		t.Logf("%-4s %-38s %-48q total=%-3d top=%s", verdict, c.Name, c.Query, res.Total, first)
	}
	// Compound parts come from the German word lists (parts.go), so the
	// rankings differ with and without them.
	name := "relevance.golden"
	if german.Default().Paths().Installed() != nil {
		name = "relevance.nodata.golden"
	}
	compareGolden(t, filepath.Join("testdata", name), golden.String())
}

// checkRelevance returns what is wrong with res for c, or "".
func checkRelevance(c relevanceCase, res Result) string {
	if c.ExpectNone {
		if res.Total != 0 || len(res.Hits) != 0 {
			return fmt.Sprintf("want no hits, got %d (first %s)", res.Total, res.Hits[0].ID)
		}
		return ""
	}
	if len(res.Hits) < c.Top {
		return fmt.Sprintf("want at least %d hits containing %q, got %d", c.Top, c.Expect, len(res.Hits))
	}
	for i, h := range res.Hits[:c.Top] {
		if !containsAny(h.Passage, c.Expect) {
			return fmt.Sprintf("hit %d (%s) contains none of %q: %.160q", i+1, h.ID, c.Expect, h.Passage)
		}
	}
	return ""
}

func containsAny(text string, phrases []string) bool {
	text = normalise(text)
	for _, p := range phrases {
		if strings.Contains(text, normalise(p)) {
			return true
		}
	}
	return false
}

func normalise(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// compareGolden diffs got against the golden file, or rewrites the file
// with -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if d := lineDiff(string(want), got); d != "" {
		t.Errorf("%s differs (-golden +got); if the change is intended, rerun with -update:\n%s", path, d)
	}
}

// lineDiff lists the lines that differ between two texts, keyed by their
// first field so that a changed case shows as one -/+ pair.
func lineDiff(want, got string) string {
	key := func(line string) string { k, _, _ := strings.Cut(line, " | "); return k }
	index := func(text string) (map[string]string, []string) {
		m := map[string]string{}
		var order []string
		for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			if _, dup := m[key(l)]; !dup {
				order = append(order, key(l))
			}
			m[key(l)] = l
		}
		return m, order
	}
	w, wOrder := index(want)
	g, gOrder := index(got)
	var b strings.Builder
	for _, k := range wOrder {
		if g[k] != w[k] {
			fmt.Fprintf(&b, "- %s\n", w[k])
			if gl, ok := g[k]; ok {
				fmt.Fprintf(&b, "+ %s\n", gl)
			}
		}
	}
	for _, k := range gOrder {
		if _, ok := w[k]; !ok {
			fmt.Fprintf(&b, "+ %s\n", g[k])
		}
	}
	return b.String()
}
