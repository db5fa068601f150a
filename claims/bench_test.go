package claims

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
)

// BenchmarkExtract measures claim extraction over the seed corpus and
// reports passages (paragraphs) per second, the unit of the indexing
// target (5,000 passages/s including extraction).
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, seeds(b)) }

// BenchmarkExtractMixed measures extraction of dated articles in which most
// sentences carry no figure, as in a re-index of a large corpus; the seed
// articles alone are dense with claims and mostly undated.
func BenchmarkExtractMixed(b *testing.B) { benchmarkExtract(b, mixedArticles(seeds(b), 100)) }

func benchmarkExtract(b *testing.B, as []articles.Article) {
	passages := 0
	for _, a := range as {
		passages += len(a.Paragraphs)
	}
	// The language data loads once per process, on first use; the
	// throughput is that of a running indexer.
	germanData().Synonyms("haus")
	germanData().SplitCompound("haus")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			Extract(a)
		}
	}
	b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "passages/s")
}

// plainProse are sentences without figures or stances of the kind the
// claim rules look for.
var plainProse = []string{
	"Die Sitzung des Ausschusses wurde am Nachmittag fortgesetzt.",
	"Viele Besucher nutzten das gute Wetter für einen Spaziergang am Fluss.",
	"Der Bericht soll in den kommenden Wochen veröffentlicht werden.",
	"Die Bibliothek bleibt wegen Renovierungsarbeiten bis auf Weiteres geschlossen.",
	"Beobachter sprechen von einer angespannten Lage in der Region.",
	"Das Programm liest die Konfigurationsdatei beim Start ein und prüft alle Einträge.",
	"Eine Sprecherin wollte sich zu den Einzelheiten nicht äußern.",
	"Im Anschluss an die Pressekonferenz beantwortete der Minister Fragen von Journalisten.",
	"Die Straße wurde nach dem Unwetter für mehrere Stunden gesperrt.",
	"Die Datei enthält eine Liste aller installierten Pakete.",
	"Ein Sprecher des Unternehmens bestätigte den Eingang der Beschwerde.",
	"Die Gespräche sollen in der nächsten Woche fortgesetzt werden.",
}

// mixedArticles builds n dated articles of five paragraphs whose sentences
// are one part seed sentences to two parts plainProse.
func mixedArticles(seed []articles.Article, n int) []articles.Article {
	var claimSentences []string
	for _, a := range seed {
		for _, p := range a.Paragraphs {
			claimSentences = append(claimSentences, SplitSentences(p.Text)...)
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	out := make([]articles.Article, n)
	for i := range out {
		a := articles.Article{
			ID: fmt.Sprintf("mixed%03d", i), File: fmt.Sprintf("mixed%03d.txt", i), Title: "Gemischt",
			Published: time.Date(2024, time.Month(1+i%12), 1+i%28, 8, 0, 0, 0, time.UTC),
		}
		for pn := 1; pn <= 5; pn++ {
			var text []string
			for range 5 {
				if r.IntN(3) == 0 {
					text = append(text, claimSentences[r.IntN(len(claimSentences))])
				} else {
					text = append(text, plainProse[r.IntN(len(plainProse))])
				}
			}
			p := strings.Join(text, " ")
			a.Paragraphs = append(a.Paragraphs, articles.Paragraph{N: pn, Text: p, Sources: articles.CitedSources(p)})
		}
		out[i] = a
	}
	return out
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

// BenchmarkPairsMixed measures the comparison of 300 dated articles built
// from seed sentences and plain prose: many articles on one topic, the
// worst case for the candidate search.
func BenchmarkPairsMixed(b *testing.B) {
	as := mixedArticles(seeds(b), 300)
	for _, a := range as {
		memo.get(a)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Pairs(as)
	}
}
