package index

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
)

// TestPruningKeepsScores forces candidate pruning on the seed index (it
// normally starts at 20,000 passages) with a budget small enough to prune
// most queries, and checks what pruning promises: every passage it returns
// is one the whole query returns too, with the same score, and a passage
// is only ever left out in favour of ones with a distinctive word.
func TestPruningKeepsScores(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	queries := []string{
		"Nordkorea bietet Russland 100.000 Soldaten an",
		"400000 ukrainische Soldaten",
		"Soldaten Russland Ukraine Kursk",
		"Kim Jong-un Schoigu Pjöngjang Besuch",
		"1,3 Millionen Soldaten Armee",
	}
	for _, c := range loadRelevanceCases(t) {
		queries = append(queries, c.Query)
	}
	full := map[string]map[string]float64{}
	for _, q := range queries {
		res, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		full[q] = map[string]float64{}
		for _, h := range res.Hits {
			full[q][h.ID] = h.Score
		}
	}

	defer func(min, budget uint64) { pruneMinPassages, pruneBudget = min, budget }(pruneMinPassages, pruneBudget)
	pruneMinPassages, pruneBudget = 0, 3
	pruned := 0
	for _, q := range queries {
		res, err := ix.Search(ctx, q, SearchOptions{Limit: 5})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if uint64(len(full[q])) > res.Total {
			pruned++
		}
		for _, h := range res.Hits {
			want, ok := full[q][h.ID]
			if !ok && len(full[q]) < MaxLimit {
				t.Errorf("%q: pruned search returns %s, which the whole query does not", q, h.ID)
				continue
			}
			if ok && math.Abs(want-h.Score) > 1e-9 {
				t.Errorf("%q: %s scores %.6f pruned, %.6f whole", q, h.ID, h.Score, want)
			}
		}
	}
	if pruned == 0 {
		t.Fatal("no query was pruned: the test does not exercise pruning")
	}
	t.Logf("%d of %d queries pruned", pruned, len(queries))
}

func TestDistinctive(t *testing.T) {
	defer func(min, budget uint64) { pruneMinPassages, pruneBudget = min, budget }(pruneMinPassages, pruneBudget)
	pruneMinPassages, pruneBudget = 100, 1000
	tests := []struct {
		name         string
		order        []int
		df           map[int]uint64
		docs         uint64
		rare, common []int
	}{
		{"small index: no pruning", []int{1, 2}, map[int]uint64{1: 5, 2: 90}, 99, nil, nil},
		{"one word", []int{1}, map[int]uint64{1: 900}, 10_000, nil, nil},
		{"all rare: nothing to prune", []int{1, 2}, map[int]uint64{1: 10, 2: 900}, 10_000, nil, nil},
		{"rarest within budget", []int{1, 2, 3}, map[int]uint64{1: 5000, 2: 14, 3: 700}, 10_000, []int{2, 3}, []int{1}},
		{"only common words: all of them", []int{1, 2}, map[int]uint64{1: 5000, 2: 3000}, 10_000, []int{}, []int{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rare, common := distinctive(tt.order, tt.df, tt.docs)
			if fmt.Sprint(rare) != fmt.Sprint(tt.rare) || fmt.Sprint(common) != fmt.Sprint(tt.common) {
				t.Fatalf("distinctive = %v, %v; want %v, %v", rare, common, tt.rare, tt.common)
			}
		})
	}
}

// TestGermanCharFilter compares the byte scan with the two regexps it
// replaced, on the cases they were written for and on text around them.
func TestGermanCharFilter(t *testing.T) {
	gender := regexp.MustCompile(`[:*_/]innen\b`)
	colon := regexp.MustCompile(`:`)
	old := func(s string) string {
		s = gender.ReplaceAllString(s, "      ")
		return colon.ReplaceAllString(s, " ")
	}
	inputs := []string{
		"Soldat:innen", "Soldat*innen", "Soldat_innen", "Soldat/innen", "Soldat:innenzahl",
		"Soldat:innen.", "Soldat:innen_", "Soldat:innen9", "Soldat:Innen", "text:Kursk", ":innen",
		"::innen", "a:inne", "Bürger*innen und Bürger:innen: 5", "ä:innenü", "", ":", "/innen/innen",
	}
	for _, s := range inputs {
		for _, wrap := range []string{"%s", "Die %s kamen", "(%s)", "%s:%s"} {
			in := strings.ReplaceAll(wrap, "%s", s)
			if got, want := string(germanCharFilter{}.Filter([]byte(in))), old(in); got != want {
				t.Errorf("Filter(%q) = %q, want %q", in, got, want)
			}
		}
	}
}

func TestFuzzyMatch(t *testing.T) {
	tests := []struct {
		a, b string
		f    int
		want bool
	}{
		{"soigu", "soigu", 0, true},
		{"soygu", "soigu", 1, true},
		{"soigu", "koigu", 1, false}, // prefix differs
		{"pionian", "piongiang", 2, true},
		{"pionian", "piongiang", 1, false},
		{"ä", "äa", 1, true},
		{"", "a", 1, false},
	}
	for _, tt := range tests {
		if got := fuzzyMatch(tt.a, tt.b, tt.f); got != tt.want {
			t.Errorf("fuzzyMatch(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.f, got, tt.want)
		}
	}
}

// TestCandidatePhrase drives the candidate-scoring query with the whole
// query itself, so every passage is a candidate: the answers must be those
// of the whole query, in the same order with the same scores, including
// the phrase bonus that candidatePhrase computes its own way.
func TestCandidatePhrase(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	phrased := 0
	for _, c := range loadRelevanceCases(t) {
		p, ok := ix.buildQuery(ix.cur, c.Query, true, nil)
		if !ok {
			continue
		}
		opts := SearchOptions{Limit: MaxLimit}
		want, err := page(ctx, ix.cur, p.query, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := page(ctx, ix.cur, &drivenQuery{full: p.candidateQuery, driver: p.query}, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Hits) != len(want.Hits) || got.Total != want.Total {
			t.Errorf("%q: %d hits of %d, want %d of %d", c.Query, len(got.Hits), got.Total, len(want.Hits), want.Total)
			continue
		}
		for i := range want.Hits {
			if got.Hits[i].ID != want.Hits[i].ID || math.Abs(got.Hits[i].Score-want.Hits[i].Score) > 1e-9 {
				t.Errorf("%q: hit %d is %s %.6f, want %s %.6f", c.Query, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
			}
		}
		if p.candidateQuery != p.query {
			phrased++
		}
	}
	if phrased == 0 {
		t.Fatal("no query had a phrase: the test does not exercise candidatePhrase")
	}
}

// TestSearchSlots: with every slot taken a search waits, and gives up with
// ETIMEOUT at its deadline; a freed slot lets it run.
func TestSearchSlots(t *testing.T) {
	ix := seedIndex(t)
	for range cap(ix.slots) {
		ix.slots <- struct{}{}
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := ix.Search(ctx, "Kursk", SearchOptions{}); claimbot.ErrorCode(err) != claimbot.ETIMEOUT {
		t.Fatalf("Search with all slots taken = %v, want ETIMEOUT", err)
	}
	<-ix.slots
	res, err := ix.Search(context.Background(), "Kursk", SearchOptions{})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("Search with a free slot = %d hits, %v", len(res.Hits), err)
	}
	if len(ix.slots) != cap(ix.slots)-1 {
		t.Fatalf("%d slots taken after the search, want %d", len(ix.slots), cap(ix.slots)-1)
	}
}
