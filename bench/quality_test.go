package bench

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimbot/claimbot/relevance"
)

// rankedSearch answers each query with passages that put its expected
// text at a rank derived from the query (a miss for some), after a pause of
// a few microseconds that also depends on the query, so that concurrent
// queries finish out of order. Nothing is asserted about time.
func rankedSearch(q string) ([]string, error) {
	h := fnv.New32a()
	h.Write([]byte(q))
	v := h.Sum32()
	time.Sleep(time.Duration(v%200) * time.Microsecond)
	out := []string{"a", "b", "c", "d", "e", "f"}
	// 0: not found; 6: found beyond K, a miss too.
	if rank := int(v % 7); rank > 0 {
		out[rank-1] = "die Antwort auf " + q
	}
	return out, nil
}

func caseSet(groups map[string]int) relevance.Set {
	set := relevance.Set{}
	for g, n := range groups {
		for i := 0; i < n; i++ {
			q := fmt.Sprintf("%s Frage %d", g, i)
			set[g] = append(set[g], relevance.Case{Query: q, Expect: []string{"Antwort auf " + q}})
		}
	}
	return set
}

func countCases(set relevance.Set) int {
	n := 0
	for _, cs := range set {
		n += len(cs)
	}
	return n
}

// firstN is the set cut to its first n cases in Groups order: the subset a
// pass stopped by its budget evaluates.
func firstN(set relevance.Set, n int) relevance.Set {
	out := relevance.Set{}
	for _, g := range set.Groups() {
		for _, c := range set[g] {
			if n == 0 {
				return out
			}
			out[g] = append(out[g], c)
			n--
		}
	}
	return out
}

func TestEvaluateConcurrentMatchesSequential(t *testing.T) {
	tests := []struct {
		name   string
		groups map[string]int
	}{
		{"one group", map[string]int{"generated": 200}},
		{"shared-like groups", map[string]int{"german": 6, "numbers": 6, "spelling": 3}},
		{"single query", map[string]int{"g": 1}},
	}
	for _, tt := range tests {
		set := caseSet(tt.groups)
		want, err := relevance.Evaluate(set, rankedSearch)
		if err != nil {
			t.Fatal(err)
		}
		for _, workers := range []int{1, 2, 4, 16} {
			t.Run(fmt.Sprintf("%s/%d workers", tt.name, workers), func(t *testing.T) {
				ev, err := evaluate(t.Context(), set, rankedSearch, evalOptions{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if !ev.Complete() || ev.Total != countCases(set) {
					t.Errorf("evaluated %d of %d, set has %d", ev.Done, ev.Total, countCases(set))
				}
				// DeepEqual: the same floats (summed in the same order) and
				// the misses in the set's order.
				if !reflect.DeepEqual(ev.Scores, want) {
					t.Errorf("concurrent scores differ from relevance.Evaluate:\n got %+v\nwant %+v", ev.Scores, want)
				}
			})
		}
	}
}

func TestEvaluateReturnsFirstErrorInOrder(t *testing.T) {
	set := caseSet(map[string]int{"g": 40})
	search := func(q string) ([]string, error) {
		if strings.HasSuffix(q, " 7") || strings.HasSuffix(q, " 30") {
			return nil, errors.New("boom " + q)
		}
		return rankedSearch(q)
	}
	for _, workers := range []int{1, 4} {
		_, err := evaluate(t.Context(), set, search, evalOptions{Workers: workers})
		if err == nil || !strings.Contains(err.Error(), "boom g Frage 7") {
			t.Errorf("%d workers: got %v, want the error of query 7", workers, err)
		}
	}
}

// fakeClock is a clock the fake search advances: each query "takes" cost.
type fakeClock struct {
	base time.Time
	ns   atomic.Int64
}

func (c *fakeClock) now() time.Time          { return c.base.Add(time.Duration(c.ns.Load())) }
func (c *fakeClock) advance(d time.Duration) { c.ns.Add(int64(d)) }

func TestEvaluateBudget(t *testing.T) {
	tests := []struct {
		name    string
		queries int
		workers int
		budget  time.Duration
		// minDone..maxDone bound how many queries are evaluated. With one
		// worker the budget is checked after each query, so the count is
		// exact; with more, which queries finish before a check depends on
		// scheduling, and the bounds are what any interleaving gives.
		minDone, maxDone int
	}{
		{"no budget", 10, 1, 0, 10, 10},
		{"budget between queries", 10, 1, 3500 * time.Millisecond, 4, 4},
		{"budget on a query boundary", 10, 1, 3 * time.Second, 3, 3},
		{"tiny budget still evaluates one", 10, 1, time.Nanosecond, 1, 1},
		{"budget larger than the pass", 10, 1, time.Hour, 10, 10},
		// Checks 0..3 see at most 3 finished queries (< 3.5 s); check k
		// sees at least k-3, so no check past the 7th passes.
		{"four workers", 20, 4, 3500 * time.Millisecond, 4, 7},
		{"four workers, no budget", 20, 4, 0, 20, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := caseSet(map[string]int{"generated": tt.queries})
			clock := &fakeClock{base: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
			search := func(q string) ([]string, error) {
				out, err := rankedSearch(q)
				clock.advance(time.Second)
				return out, err
			}
			ev, err := evaluate(t.Context(), set, search, evalOptions{Workers: tt.workers, Budget: tt.budget, Now: clock.now})
			if err != nil {
				t.Fatal(err)
			}
			if ev.Done < tt.minDone || ev.Done > tt.maxDone || ev.Total != tt.queries {
				t.Fatalf("evaluated %d of %d, want %d..%d of %d", ev.Done, ev.Total, tt.minDone, tt.maxDone, tt.queries)
			}
			if ev.Complete() != (ev.Done == tt.queries) {
				t.Errorf("Complete() = %v with %d of %d", ev.Complete(), ev.Done, ev.Total)
			}
			// The score is the sequential score of the first Done queries.
			want, _ := relevance.Evaluate(firstN(set, ev.Done), rankedSearch)
			if !reflect.DeepEqual(ev.Scores, want) {
				t.Errorf("budgeted score is not the score of the first %d queries:\n got %+v\nwant %+v", ev.Done, ev.Scores, want)
			}
			if len(ev.Ranks[0]) != ev.Done {
				t.Errorf("%d ranks for %d queries", len(ev.Ranks[0]), ev.Done)
			}
		})
	}
}

func TestEvaluateStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	set := caseSet(map[string]int{"g": 50})
	var n atomic.Int32
	search := func(q string) ([]string, error) {
		if n.Add(1) == 5 {
			cancel()
		}
		return rankedSearch(q)
	}
	if _, err := evaluate(ctx, set, search, evalOptions{Workers: 2}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if n.Load() >= 50 {
		t.Errorf("all %d queries ran after the cancel", n.Load())
	}
}

// blockingEngine answers nothing until its context ends, like a peer whose
// queries take longer than the level.
type blockingEngine struct{}

func (blockingEngine) Name() string { return "blocking" }
func (blockingEngine) Close() error { return nil }
func (blockingEngine) Search(ctx context.Context, _ string, _ int) ([]string, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestLoadCancelsQueriesAtTheTimeLimit(t *testing.T) {
	r := Load(t.Context(), blockingEngine{}, []string{"a", "b"}, LoadOptions{Clients: 3, Queries: 100, MaxDuration: 20 * time.Millisecond})
	if !r.Stopped || r.Queries != 0 || r.Errors != 0 || r.CutOff != 3 || r.Planned != 100 {
		t.Errorf("got %+v, want stopped with 3 queries cut off, none answered or failed", r)
	}
	if got := levelQueries(r); got != "0 of 100 (time limit; 3 cut off)" {
		t.Errorf("queries column %q", got)
	}
	done := Load(t.Context(), fakeEngine{}, []string{"a"}, LoadOptions{Clients: 2, Queries: 10, MaxDuration: time.Hour})
	if done.Stopped || done.CutOff != 0 || levelQueries(done) != "10" {
		t.Errorf("a level that finished: %+v, column %q", done, levelQueries(done))
	}
}

func TestReportSaysWhatWasCutShort(t *testing.T) {
	known := func(n int, ranks []int) (*relevance.Score, []int) {
		s := scoreRanks("generated", ranks, make([]string, len(ranks)))
		return &s, ranks
	}
	bk, branks := known(200, append([]int{1, 1, 0, 2}, make([]int, 196)...))
	fk, franks := known(3, []int{2, 0, 1})
	r := &Report{
		Articles: 2000, Took: 14*time.Minute + 30*time.Second, QualityBudget: 45 * time.Second,
		Engines: []*EngineReport{
			{Name: "bleve", KnownItem: bk, KnownItemOf: 200, KnownItemRanks: branks,
				Levels: []LoadResult{{Clients: 1, Queries: 1000, Planned: 1000}}},
			{Name: "sqlite-fts5", KnownItem: fk, KnownItemOf: 200, KnownItemRanks: franks, KnownItemBudget: 45 * time.Second,
				Levels: []LoadResult{{Clients: 1, Queries: 12, Planned: 1000, Stopped: true, CutOff: 1}}},
		},
		Phases: []PhaseTime{{"parse (articles.LoadDir)", 23 * time.Second}, {"bleve: build", 4*time.Minute + 40*time.Second}},
	}
	var b strings.Builder
	r.Print(&b)
	out := b.String()
	for _, want := range []string{
		"sqlite-fts5: known item over 3 of 200 queries (time budget 45 s, --quality-budget)",
		"Bleve on the same 3: MRR@5 0.667, S@1 0.667.",
		"| sqlite-fts5 | generated (known item) | 3 of 200 |",
		"| bleve | generated (known item) | 200 |",
		"| sqlite-fts5 | 1 | 12 of 1000 (time limit; 1 cut off) |",
		"| parse (articles.LoadDir) | 23.0 s |",
		"| bleve: build | 4m40s |",
		"| everything else (queries, reports, cleanup) | 9m27s |",
		"| **run took** | **14m30s** |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "bleve: known item over") {
		t.Errorf("the complete Bleve pass is reported as cut short:\n%s", out)
	}
}
