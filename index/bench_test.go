package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkIndexSeeds measures a full rebuild: the seed corpus, and 20
// copies of it under new IDs, where per-rebuild overhead matters less.
func BenchmarkIndexSeeds(b *testing.B) {
	for _, copies := range []int{1, 20} {
		arts := seeds(b)
		if copies > 1 {
			arts = synthetic(arts, "bench", copies)
		}
		b.Run(fmt.Sprintf("passages=%d", passages(arts)), func(b *testing.B) {
			ix := openIndex(b, b.TempDir(), Options{})
			for b.Loop() {
				if err := ix.Rebuild(context.Background(), arts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(passages(arts)*b.N)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}

// BenchmarkSearch runs the shared eval queries round-robin against the seed
// index and against a synthetic index of about 5,000 passages, reporting
// the median and 99th percentile of the single-search latency beside ns/op.
func BenchmarkSearch(b *testing.B) {
	queries := evalQueries(b)
	base := seeds(b)
	for _, copies := range []int{1, 5000/passages(base) + 1} {
		arts := base
		if copies > 1 {
			arts = synthetic(base, "bench", copies)
		}
		b.Run(fmt.Sprintf("passages=%d", passages(arts)), func(b *testing.B) {
			ix := openIndex(b, b.TempDir(), Options{})
			if err := ix.Rebuild(context.Background(), arts); err != nil {
				b.Fatal(err)
			}
			durations := make([]time.Duration, 0, 1024)
			i := 0
			for b.Loop() {
				q := queries[i%len(queries)]
				i++
				start := time.Now()
				res, err := ix.Search(context.Background(), q, SearchOptions{Limit: 5})
				durations = append(durations, time.Since(start))
				if err != nil || len(res.Hits) == 0 {
					b.Fatalf("Search(%q): %d hits, %v", q, len(res.Hits), err)
				}
			}
			reportLatency(b, durations)
		})
	}
}

// reportLatency reports the median and the 99th percentile of durations as
// custom benchmark metrics.
func reportLatency(b *testing.B, durations []time.Duration) {
	b.Helper()
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	at := func(p float64) float64 { return float64(durations[int(p*float64(len(durations)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}
