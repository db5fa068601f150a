package relevance

import "testing"

func TestFirstCorrect(t *testing.T) {
	tests := []struct {
		name     string
		passages []string
		expect   []string
		k, want  int
	}{
		{"first", []string{"Die 100.000  Soldaten", "x"}, []string{"100.000 soldaten"}, 5, 1},
		{"second", []string{"x", "Schwarzmeerflotte"}, []string{"Schwarzmeerflotte"}, 5, 2},
		{"beyond k", []string{"a", "b", "c"}, []string{"c"}, 2, 0},
		{"none", []string{"a"}, []string{"z"}, 5, 0},
		{"any of several", []string{"a", "b"}, []string{"z", "b"}, 5, 2},
	}
	for _, tt := range tests {
		if got := FirstCorrect(tt.passages, tt.expect, tt.k); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	set := Set{"g": {{Query: "a", Expect: []string{"A"}}, {Query: "b", Expect: []string{"B"}}}}
	scores, err := Evaluate(set, func(q string) ([]string, error) {
		if q == "a" {
			return []string{"A"}, nil
		}
		return []string{"x", "B"}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := scores[0]; s.MRR != 0.75 || s.Success1 != 0.5 || len(s.Misses) != 0 {
		t.Errorf("got %+v, want MRR 0.75, success@1 0.5", s)
	}
}
