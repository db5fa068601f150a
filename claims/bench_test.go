package claims

import (
	"testing"
)

// BenchmarkExtract measures claim extraction over the seed corpus and
// reports passages (paragraphs) per second, the unit of the indexing
// target (5,000 passages/s including extraction).
func BenchmarkExtract(b *testing.B) {
	as := seeds(b)
	passages := 0
	for _, a := range as {
		passages += len(a.Paragraphs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			Extract(a)
		}
	}
	b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "passages/s")
}

// BenchmarkPairs measures the comparison of the seed corpus, cold (every
// article extracted again) and warm (claims cached, as in a running bot).
func BenchmarkPairs(b *testing.B) {
	as := seeds(b)
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			memo.reset()
			Pairs(as)
		}
	})
	b.Run("warm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Pairs(as)
		}
	})
}
