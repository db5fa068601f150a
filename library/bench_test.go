package library_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/bench"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
)

// settle collects garbage, returns memory to the system and resets the
// peak-RSS mark, so what is measured next is what runs next.
func settle() (rss uint64, ms runtime.MemStats) {
	runtime.GC()
	debug.FreeOSMemory()
	bench.ResetPeakRSS()
	runtime.ReadMemStats(&ms)
	rss, _ = bench.PeakRSS()
	return rss, ms
}

// BenchmarkAddLimits adds one file of each pathological shape the issue
// found (100,000 one-line paragraphs: 30 MB → 1.4 GB RSS; a 4 MB
// front-matter title: 1.5 GB) beside a typical article and the largest
// files the limits accept, each to a library over the seeds, and reports
// what one add costs: the peak RSS growth while it runs (Linux: VmHWM,
// reset before the add) and the bytes allocated, the most of the
// iterations. The largest accepted files' peak is the bound one add stays
// within.
//
//	go test -run XXX -bench BenchmarkAddLimits -benchtime 3x ./library/
func BenchmarkAddLimits(b *testing.B) {
	typical, err := os.ReadFile(filepath.Join("testdata", "pentagon.md"))
	if err != nil {
		b.Fatal(err)
	}
	var tiny strings.Builder
	tiny.WriteString("Hunderttausend Absätze\n\n")
	for i := range 100000 {
		fmt.Fprintf(&tiny, "Absatz %d.\n", i)
	}
	title := strings.Repeat("Titel ", 4<<20/6)
	cases := []struct {
		name   string
		file   string
		data   []byte
		refuse string // substring of the refusal; "" = added
	}{
		{"typical article", "pentagon.md", typical, ""},
		{"most paragraphs accepted", "absaetze.md", atTheLimits(articles.MaxParagraphs), ""},
		{"longest paragraphs accepted", "lang.md", atTheLimits(articles.MaxTextRunes / articles.MaxParagraphRunes), ""},
		{"100k tiny paragraphs", "absaetze.txt", []byte(tiny.String()), "100003 lines; at most 20000"},
		{"4 MB front-matter title", "titel.md", []byte("---\ntitle: " + title + "\n---\n\nEin Absatz.\n"), "the front matter has"},
		{"4 MB first-line title", "zeile.txt", []byte(title + "\n\nEin Absatz.\n"), "the title has"},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			data := b.TempDir()
			l, err := library.Open(context.Background(), library.Config{DataDir: data})
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			ctx := context.Background()
			var peak, alloc uint64
			for b.Loop() {
				b.StopTimer()
				before, ms := settle()
				b.StartTimer()
				rep, err := l.Add(ctx, library.Base, []library.File{{Name: tc.file, Data: tc.data}})
				b.StopTimer()
				hwm, _ := bench.PeakRSS()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				peak, alloc = max(peak, hwm-before), max(alloc, after.TotalAlloc-ms.TotalAlloc)
				switch {
				case tc.refuse == "" && err != nil:
					b.Fatalf("refused: %v", err)
				case tc.refuse != "" && (claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(err.Error(), tc.refuse)):
					b.Fatalf("%v; want a refusal saying %q", err, tc.refuse)
				case err == nil:
					if err := l.Remove(ctx, library.Base, rep.Added[0]); err != nil {
						b.Fatal(err)
					}
					os.RemoveAll(filepath.Join(data, "collections", "base", "trash"))
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			b.ReportMetric(float64(alloc)/(1<<20), "alloc-MB")
			b.ReportMetric(float64(len(tc.data))/(1<<20), "file-MB")
		})
	}
}

// atTheLimits is an article at the limits: n paragraphs of varied German
// prose with figures, just under articles.MaxTextRunes characters in all.
func atTheLimits(n int) []byte {
	sentences := []string{
		"Nach Angaben der Behörden wurden am Montag %d Menschen in Sicherheit gebracht.",
		"Die Regierung kündigte an, bis zum Jahresende weitere %d Millionen Euro bereitzustellen.",
		"Laut dem Statistischen Bundesamt stieg die Zahl im Vergleich zum Vorjahr um %d Prozent.",
		"Ein Sprecher des Ministeriums sagte, man prüfe die Lage in %d Gemeinden sehr genau.",
		"Beobachter rechnen damit, dass sich die Entwicklung in den kommenden %d Wochen fortsetzt.",
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Ein Artikel an den Grenzen\npublisher: Testblatt\npublished: 2025-01-01\n---\n\n")
	per := articles.MaxTextRunes/n - 10
	for p := range n {
		var para []string
		size := 0
		for i := 0; ; i++ {
			next := fmt.Sprintf(sentences[(p+i)%len(sentences)], p*7+i)
			if size+len([]rune(next))+1 > per {
				break
			}
			para = append(para, next)
			size += len([]rune(next)) + 1
		}
		b.WriteString(strings.Join(para, " ") + "\n\n")
	}
	return []byte(b.String())
}

// Guild collections against the base alone: one index holds every
// guild's collection, filtered in the query. The benchmark builds, in one
// run, a base of guildBase generated articles alone; the same base with
// guildCount guild collections of guildEach generated articles each; and,
// as a control, the same base with those articles in the base itself, so
// the cost of the collections can be told from the cost of the articles.
const (
	guildBase  = 1000
	guildCount = 1000
	guildEach  = 20
	guildReps  = 5 // timed runs of each query
)

// BenchmarkGuildCollections builds the three configurations one after
// the other, measuring the build, one base addition (checked against the
// guilds' own articles too) and the Go heap the open library holds
// (growth over the heap before it opened, after a GC) with the index's
// memory-mapped size; then it opens all three at once and times the
// /claim path's library work (Search, 5 hits, plus Disagreements) for a
// fixed query set from the base's own text, interleaved query by query
// across the configurations and views so the shared machine's load falls
// on all alike, and reports medians, p90 and ratios to the base alone.
//
//	go test -run XXX -bench BenchmarkGuildCollections -benchtime 1x -timeout 60m -v ./library/
func BenchmarkGuildCollections(b *testing.B) {
	ctx := context.Background()
	prose, err := bench.LoadProse(ctx, bench.ProseOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("prose: %s", prose.Origin)
	tmp := b.TempDir()
	baseDir, guildDir := filepath.Join(tmp, "base"), filepath.Join(tmp, "guild-articles")
	if _, err := bench.Generate(ctx, bench.GenOptions{Articles: guildBase, Seed: 1, Out: baseDir}, prose); err != nil {
		b.Fatal(err)
	}
	if _, err := bench.Generate(ctx, bench.GenOptions{Articles: guildCount * guildEach, Seed: 2, Out: guildDir}, prose); err != nil {
		b.Fatal(err)
	}
	queries := guildQueries(b, baseDir)
	guildFiles, err := articleNames(guildDir)
	if err != nil {
		b.Fatal(err)
	}
	guildID := func(g int) string { return fmt.Sprintf("129%016d", g) }
	one, _ := library.GuildCollection(guildID(guildCount / 2))
	type config struct {
		name  string
		data  string
		place func(data string) error // puts the guild articles into the data directory
		views []library.Collection
	}
	configs := []*config{
		{name: "base alone", place: func(string) error { return nil }, views: []library.Collection{library.Base}},
		{name: "base + 1000 guild collections", views: []library.Collection{library.Base, one}, place: func(data string) error {
			for i, name := range guildFiles {
				dir := filepath.Join(data, "collections", "guild-"+guildID(i/guildEach), "added")
				if err := copyFile(filepath.Join(guildDir, name), filepath.Join(dir, name)); err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "control: those articles in the base", views: []library.Collection{library.Base}, place: func(data string) error {
			for _, name := range guildFiles {
				if err := copyFile(filepath.Join(guildDir, name), filepath.Join(data, "collections", "base", "added", name)); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	open := func(cfg *config) *library.Library {
		lib, err := library.Open(ctx, library.Config{DataDir: cfg.data, Articles: os.DirFS(baseDir), ArticlesLabel: baseDir})
		if err != nil {
			b.Fatal(err)
		}
		return lib
	}
	for b.Loop() {
		for i, cfg := range configs {
			cfg.data = filepath.Join(tmp, fmt.Sprintf("data-%d", i))
			if err := cfg.place(cfg.data); err != nil {
				b.Fatal(err)
			}
			settle()
			heapBefore := bench.GoHeap()
			start := time.Now()
			lib := open(cfg)
			built := time.Since(start)
			for _, v := range cfg.views {
				claimPath(b, lib, v, queries[:5]) // warm: pair tables, caches
			}
			start = time.Now()
			rep, err := lib.Add(ctx, library.Base, []library.File{{Name: "neu.md", Data: []byte(guildAddition)}})
			if err != nil {
				b.Fatal(err)
			}
			added := time.Since(start)
			runtime.GC()
			heap := bench.GoHeap()
			_, file := bench.RSSParts()
			st := lib.IndexStats()
			b.Logf("%-38s %6d articles %7d passages | build %6.1f s | base addition %7.0f ms (%d alerts for everyone, guild alerts in %d guilds) | Go heap +%4.0f MB | index mapped %4.0f MB",
				cfg.name, st.Articles, st.Passages, built.Seconds(), ms(added), len(rep.Alerts), len(rep.GuildAlerts), mb(heap-min(heap, heapBefore)), mb(file))
			if err := lib.Close(); err != nil {
				b.Fatal(err)
			}
		}
		libs := make([]*library.Library, len(configs))
		for i, cfg := range configs {
			libs[i] = open(cfg)
			defer libs[i].Close()
			for _, v := range cfg.views {
				claimPath(b, libs[i], v, queries[:5])
			}
		}
		took := map[string][]time.Duration{}
		var order []string
		for rep := 0; rep < guildReps; rep++ {
			for _, q := range queries {
				for i, cfg := range configs {
					for _, v := range cfg.views {
						key := cfg.name + " | view " + string(v)
						if rep == 0 && q == queries[0] {
							order = append(order, key)
						}
						took[key] = append(took[key], claimOnce(b, libs[i], v, q))
					}
				}
			}
		}
		var baseP50 time.Duration
		for _, key := range order {
			d := took[key]
			slices.Sort(d)
			p50, p90 := d[len(d)/2], d[len(d)*9/10]
			if baseP50 == 0 {
				baseP50 = p50
			}
			b.Logf("%-60s p50 %6.2f ms  p90 %6.2f ms  p50 ×%.2f the base alone (%d runs)", key, ms(p50), ms(p90), float64(p50)/float64(baseP50), len(d))
		}
	}
}

// guildAddition is the article each configuration's base gains.
const guildAddition = `---
title: Behörde meldet neue Zahlen
publisher: Testblatt
published: 2025-03-01
---

Nach Angaben der Behörde wurden im vergangenen Jahr 4.200 neue Wohnungen gebaut, mehr als im Jahr davor.

Die Stadt rechnet für das laufende Jahr mit weiteren 3.000 Wohnungen; die Opposition hält die Zahl für zu niedrig.
`

// claimOnce times what /claim asks of the library for one query: Search
// (5 hits) and Disagreements.
func claimOnce(b *testing.B, lib *library.Library, c library.Collection, q string) time.Duration {
	b.Helper()
	start := time.Now()
	res, err := lib.Search(context.Background(), c, q, index.SearchOptions{Limit: 5})
	if err != nil {
		b.Fatal(err)
	}
	lib.Disagreements(c, res.Hits)
	return time.Since(start)
}

// claimPath runs claimOnce for every query.
func claimPath(b *testing.B, lib *library.Library, c library.Collection, queries []string) {
	b.Helper()
	for _, q := range queries {
		claimOnce(b, lib, c, q)
	}
}

// guildQueries are claims typed from the base's own text: the first seven
// words of the lead paragraph of every tenth article.
func guildQueries(b *testing.B, dir string) []string {
	b.Helper()
	arts, err := articles.LoadDir(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	var qs []string
	for i := 0; i < len(arts); i += 10 {
		words := strings.Fields(arts[i].Paragraphs[0].Text)
		qs = append(qs, strings.Join(words[:min(7, len(words))], " "))
	}
	return qs
}

func articleNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if articles.IsArticleFile(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
func mb(n uint64) float64        { return float64(n) / (1 << 20) }
