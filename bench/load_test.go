package bench

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		var out []time.Duration
		for _, x := range xs {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	tests := []struct {
		in   []time.Duration
		p    float64
		want time.Duration
	}{
		{nil, 50, 0},
		{ms(3, 1, 2), 50, 2 * time.Millisecond},
		{ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{ms(5, 1, 4, 2, 3), 100, 5 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{ms(7), 1, 7 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := Percentile(tt.in, tt.p); got != tt.want {
			t.Errorf("Percentile(%v, %v) = %v, want %v", tt.in, tt.p, got, tt.want)
		}
	}
}

type fakeEngine struct{ fail string }

func (fakeEngine) Name() string { return "fake" }
func (fakeEngine) Close() error { return nil }
func (f fakeEngine) Search(_ context.Context, q string, _ int) ([]string, error) {
	if q == f.fail {
		return nil, errors.New("boom")
	}
	return []string{q}, nil
}

func TestLoadCountsQueriesAndErrors(t *testing.T) {
	tests := []struct {
		clients, queries int
		fail             string
		wantOK, wantErr  int
	}{
		{1, 10, "", 10, 0},
		{4, 10, "", 10, 0},
		{3, 9, "b", 6, 3},
	}
	for _, tt := range tests {
		r := Load(t.Context(), fakeEngine{tt.fail}, []string{"a", "b", "c"}, LoadOptions{Clients: tt.clients, Queries: tt.queries})
		if r.Queries != tt.wantOK || r.Errors != tt.wantErr || r.Clients != tt.clients {
			t.Errorf("%+v: got %d ok, %d errors, %d clients", tt, r.Queries, r.Errors, r.Clients)
		}
		if tt.wantErr > 0 && !strings.Contains(r.FirstError, "boom") {
			t.Errorf("first error %q", r.FirstError)
		}
	}
}

func TestQueryTranslation(t *testing.T) {
	tests := []struct {
		q, words, fts5, pg string
	}{
		{"Nordkorea bietet 100.000 Soldaten", "Nordkorea|bietet|100.000|Soldaten",
			`"Nordkorea" OR "bietet" OR "100.000" OR "Soldaten"`, "'Nordkorea' | 'bietet' | '100.000' | 'Soldaten'"},
		{"„Kim-Regime“, sagt er.", "Kim-Regime|sagt|er", `"Kim-Regime" OR "sagt" OR "er"`, "'Kim-Regime' | 'sagt' | 'er'"},
		{`a"b O'Neil \x`, `a"b|O'Neil|x`, `"a""b" OR "O'Neil" OR "x"`, `'a"b' | 'ONeil' | 'x'`},
		{" - … ", "", "", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(QueryWords(tt.q), "|"); got != tt.words {
			t.Errorf("QueryWords(%q) = %q, want %q", tt.q, got, tt.words)
		}
		if got := FTS5Query(tt.q); got != tt.fts5 {
			t.Errorf("FTS5Query(%q) = %q, want %q", tt.q, got, tt.fts5)
		}
		if got := PGOrQuery(tt.q); got != tt.pg {
			t.Errorf("PGOrQuery(%q) = %q, want %q", tt.q, got, tt.pg)
		}
	}
}
