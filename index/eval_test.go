package index

import (
	"context"
	"testing"

	"github.com/claimbot/claimbot/relevance"

	"github.com/claimbot/claimbot/internal/workspace"
)

// TestSharedEval scores the project's shared claim-lookup queries. The
// thresholds are the acceptance bar: German MRR@5 >= 0.95, numbers and
// spelling success@1 = 1.
func TestSharedEval(t *testing.T) {
	path := workspace.Need(t, "eval/queries.json")
	set, err := relevance.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ix := seedIndex(t)
	scores, err := relevance.Evaluate(set, searchTexts(ix))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		t.Logf("%-9s n=%2d MRR@5=%.3f success@1=%.3f misses=%q", s.Group, s.Queries, s.MRR, s.Success1, s.Misses)
		switch s.Group {
		case "german":
			if s.MRR < 0.95 {
				t.Errorf("german MRR@5 = %.3f, want >= 0.95", s.MRR)
			}
		case "numbers", "spelling":
			if s.Success1 < 1 {
				t.Errorf("%s success@1 = %.3f, want 1", s.Group, s.Success1)
			}
		}
	}
}

func searchTexts(ix *Index) relevance.SearchFunc {
	return func(q string) ([]string, error) {
		res, err := ix.Search(context.Background(), q, SearchOptions{Limit: relevance.K})
		if err != nil {
			return nil, err
		}
		out := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			out[i] = h.Passage
		}
		return out, nil
	}
}
