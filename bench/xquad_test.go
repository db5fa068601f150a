package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimbot/claimbot/german"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/workspace"
)

// TestXQuADFloors scores claimbot's index on XQuAD's 240 German paragraphs
// (no distractors) with the German and the English questions and fails
// when MRR@5 falls below a floor a little under the measured value, so a
// ranking change that loses ground on real German questions is noticed.
// The floors are not targets: raise them when a change lifts the figures.
func TestXQuADFloors(t *testing.T) {
	dir := workspace.Need(t, "eval/xquad/xquad.de.json")
	x, err := LoadXQuAD(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Articles) != 240 || len(x.German) != 1190 {
		t.Fatalf("loaded %d contexts and %d questions, want 240 and 1190", len(x.Articles), len(x.German))
	}
	if h := HalfScore(x.German, scoreRetrievalRanks(make([]int, len(x.German))), HalfTuning); h.Questions != 549 {
		t.Fatalf("%d questions in the tuning half, want 549 (the split moved)", h.Questions)
	}
	ctx := context.Background()
	if err := index.PrepareEnglish(true); err != nil {
		t.Logf("no English–German dictionaries (%v): English questions are matched as typed", err)
	}
	enFloor := 0.81
	if err := german.Default().Paths().Installed(); err != nil {
		if os.Getenv("CLAIMBOT_REQUIRE_GERMAN") == "1" {
			t.Fatalf("CLAIMBOT_REQUIRE_GERMAN=1 but: %v", err)
		}
		enFloor = 0.465
	}
	b, _, err := BuildBleve(ctx, t.TempDir(), x.Articles)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, tc := range []struct {
		lang  string
		qs    []XQuADQuestion
		floor float64
	}{
		// Measured 0.956 (success@1 0.935, recall@10 0.990; tuning half
		// 0.968, held-out 0.946) with a word's forms and titles scored as
		// one wordGroup (index/group.go).
		{"de", x.German, 0.945},
		// Measured 0.836 (success@1 0.783, recall@10 0.950) translated
		// with the Debian dictionaries; 0.483 matching the English words
		// as typed (names, numbers, loan words), which is what a machine
		// without them gets: the floor then is that.
		{"en", x.English, enFloor},
	} {
		s, err := ScoreXQuAD(ctx, tc.qs, b.RankLang(tc.lang), 4)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s alone: MRR@5 %.3f success@1 %.3f recall@10 %.3f (%d questions)", tc.lang, s.MRR5, s.Success1, s.Recall10, s.Questions)
		for _, half := range []string{HalfTuning, HalfHeldOut} {
			h := HalfScore(tc.qs, s, half)
			t.Logf("%s alone, %s half: MRR@5 %.3f success@1 %.3f (%d questions)", tc.lang, half, h.MRR5, h.Success1, h.Questions)
		}
		if s.MRR5 < tc.floor {
			t.Errorf("%s alone: MRR@5 %.3f is below the floor %.3f", tc.lang, s.MRR5, tc.floor)
		}
	}
}

func TestXQuADHalf(t *testing.T) {
	// The split must not move: figures of the two halves in BENCHMARKS.md
	// are only comparable while each article stays in its half.
	for title, want := range map[string]string{"Super_Bowl_50": HalfHeldOut, "Warsaw": HalfTuning, "Normans": HalfHeldOut} {
		if got := XQuADHalf(title); got != want {
			t.Errorf("XQuADHalf(%q) = %q, want %q", title, got, want)
		}
	}
	qs := []XQuADQuestion{{Half: HalfTuning}, {Half: HalfHeldOut}, {Half: HalfTuning}}
	s := scoreRetrievalRanks([]int{1, 0, 2})
	if h := HalfScore(qs, s, HalfTuning); h.Questions != 2 || h.MRR5 != 0.75 {
		t.Errorf("tuning half = %+v, want 2 questions, MRR@5 0.75", h)
	}
	if h := HalfScore(qs, s, HalfHeldOut); h.Questions != 1 || h.MRR5 != 0 {
		t.Errorf("held-out half = %+v, want 1 question, MRR@5 0", h)
	}
}

func TestScoreRetrievalRanks(t *testing.T) {
	// Ranks 1, 2, 7 (beyond MRR's cut-off, within recall's) and a miss.
	s := scoreRetrievalRanks([]int{1, 2, 7, 0})
	want := RetrievalScore{Questions: 4, MRR5: (1 + 0.5) / 4, Success1: 0.25, Recall10: 0.75}
	if s.Questions != want.Questions || s.MRR5 != want.MRR5 || s.Success1 != want.Success1 || s.Recall10 != want.Recall10 {
		t.Errorf("got %+v, want %+v", s, want)
	}
	ps := []string{"a", "b", "Die Antwort", "c"}
	if r := rankOf(ps, []string{"Die Antwort"}); r != 3 {
		t.Errorf("rankOf = %d, want 3", r)
	}
	// Only the passage itself counts, not one that contains it.
	if r := rankOf([]string{"Die Antwort und mehr"}, []string{"Die Antwort"}); r != 0 {
		t.Errorf("rankOf of a longer passage = %d, want 0", r)
	}
}
