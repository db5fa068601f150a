package bench

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimbot/claimbot/relevance"

	"github.com/claimbot/claimbot/internal/workspace"
)

// benchQueries are the shared eval queries, or a few claims when the file
// is absent, so the benchmarks always run.
func benchQueries(b *testing.B) []string {
	var qs []string
	if path, ok := workspace.Shared("eval/queries.json"); ok {
		if set, err := relevance.Load(path); err == nil {
			for _, g := range set.Groups() {
				for _, c := range set[g] {
					qs = append(qs, c.Query)
				}
			}
		}
	}
	if len(qs) == 0 {
		qs = []string{"Nordkorea bietet Russland 100.000 Soldaten an", "Schoigu Besuch in Pjöngjang", "400000 ukrainische Soldaten"}
	}
	return qs
}

func benchSearch(b *testing.B, e Engine) {
	ctx := context.Background()
	qs := benchQueries(b)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := e.Search(ctx, qs[i%len(qs)], relevance.K); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkBleveSearch is one claim lookup (top 5) in claimbot's index of
// the seed articles; compare with BenchmarkFTS5Search.
func BenchmarkBleveSearch(b *testing.B) {
	e, _, err := BuildBleve(context.Background(), b.TempDir(), seedArticles(b))
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	benchSearch(b, e)
}

// BenchmarkFTS5Search is the same lookup in SQLite FTS5.
func BenchmarkFTS5Search(b *testing.B) {
	e, _, err := BuildFTS5(context.Background(), filepath.Join(b.TempDir(), "fts5.db"), seedArticles(b), 1)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	benchSearch(b, e)
}
