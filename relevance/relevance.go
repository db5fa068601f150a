// Package relevance scores retrieval: given queries with the phrases a
// correct passage contains, it computes MRR@k and success@1 per group, for
// any search function. The same scorer measures claimbot's index and the
// peers it is compared with, so the figures are comparable.
package relevance

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Case is one query and the phrases any correct passage contains.
type Case struct {
	Query  string   `json:"q"`
	Expect []string `json:"expect"`
}

// Set is a named collection of case groups ("german", "numbers", ...).
type Set map[string][]Case

// Load reads a query file in the format of shared/eval/queries.json: an
// object whose array members are groups of cases (other members, such as a
// note, are ignored).
func Load(path string) (Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	set := Set{}
	for name, msg := range raw {
		var cases []Case
		if json.Unmarshal(msg, &cases) == nil && len(cases) > 0 {
			set[name] = cases
		}
	}
	if len(set) == 0 {
		return nil, fmt.Errorf("%s: no query groups", path)
	}
	return set, nil
}

// Groups returns the group names in a stable order.
func (s Set) Groups() []string {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Score is the retrieval quality of one group.
type Score struct {
	Group    string
	Queries  int
	MRR      float64 // mean reciprocal rank of the first correct passage within K
	Success1 float64 // share of queries whose first passage is correct
	// Misses are the queries with no correct passage within K.
	Misses []string
}

// K is the cut-off rank for MRR.
const K = 5

// SearchFunc returns the passage texts for a query, best first.
type SearchFunc func(query string) ([]string, error)

// Evaluate scores every group of the set with search.
func Evaluate(s Set, search SearchFunc) ([]Score, error) {
	var out []Score
	for _, g := range s.Groups() {
		sc := Score{Group: g, Queries: len(s[g])}
		for _, c := range s[g] {
			passages, err := search(c.Query)
			if err != nil {
				return nil, fmt.Errorf("%s: %q: %w", g, c.Query, err)
			}
			rank := FirstCorrect(passages, c.Expect, K)
			if rank == 1 {
				sc.Success1++
			}
			if rank > 0 {
				sc.MRR += 1 / float64(rank)
			} else {
				sc.Misses = append(sc.Misses, c.Query)
			}
		}
		if sc.Queries > 0 {
			sc.MRR /= float64(sc.Queries)
			sc.Success1 /= float64(sc.Queries)
		}
		out = append(out, sc)
	}
	return out, nil
}

// FirstCorrect returns the 1-based rank of the first passage within k that
// contains one of the expected phrases (white space normalised, case
// ignored), or 0.
func FirstCorrect(passages, expect []string, k int) int {
	for i, p := range passages {
		if i >= k {
			break
		}
		np := normalise(p)
		for _, e := range expect {
			if strings.Contains(np, normalise(e)) {
				return i + 1
			}
		}
	}
	return 0
}

func normalise(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
