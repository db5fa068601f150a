package bench

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimbot/claimbot/relevance"
)

// Target is one of the performance goals, judged on this run's figures.
type Target struct {
	Goal     string
	Measured string
	// Holds is "yes", "no" or "n/a" (not measurable in this run).
	Holds string
}

func (r *Report) engine(name string) *EngineReport {
	for _, e := range r.Engines {
		if e.Name == name {
			return e
		}
	}
	return nil
}

func level(e *EngineReport, clients int) (LoadResult, bool) {
	if e == nil {
		return LoadResult{}, false
	}
	for _, l := range e.Levels {
		if l.Clients == clients {
			return l, true
		}
	}
	return LoadResult{}, false
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

// Targets judges the goals of the performance issue on this run.
func (r *Report) Targets() []Target {
	var out []Target
	b := r.engine("bleve")
	e2eGoal := "/claim end to end through the bot's HTTP-interactions endpoint"
	switch e := r.E2E; {
	case e == nil:
		note := r.E2ENote
		if note == "" {
			note = "not measured"
		}
		out = append(out, Target{e2eGoal, note, "n/a"})
	case e.FirstError != "":
		out = append(out, Target{e2eGoal, fmt.Sprintf("the first /claim after start gave no answer (%s): it computes every contradiction pair of the corpus (library.Disagreements → claims.Pairs)", e.FirstError), "no"})
	default:
		ee := r.engine("/claim e2e")
		if l, ok := level(ee, 1); ok {
			out = append(out, Target{"/claim e2e: p99 < 10 ms at 1 client", fmtDur(l.P99), yes(l.P99 < 10*time.Millisecond && l.Errors == 0)})
		}
		if l, ok := level(ee, 32); ok {
			out = append(out, Target{"/claim e2e: p99 < 100 ms at 32 clients", fmtDur(l.P99), yes(l.P99 < 100*time.Millisecond && l.Errors == 0)})
		}
		best := 0.0
		for _, l := range levelsOf(ee) {
			best = max(best, l.QPS)
		}
		out = append(out, Target{"/claim e2e: >= 1000 answers/s (best level)", fmt.Sprintf("%.0f/s", best), yes(best >= 1000)})
		if l, ok := level(ee, 128); ok {
			out = append(out, Target{"/claim e2e: no answer past 3 s at 128 clients", fmt.Sprintf("max %s, %d errors", fmtDur(l.Max), l.Errors), yes(l.Max <= 3*time.Second && l.Errors == 0)})
		}
		for _, fr := range e.FirstResponse {
			if fr.Clients == 128 {
				out = append(out, Target{"/claim e2e: Discord's 3-second deadline at 128 clients (HTTP response: answer or deferral)", fmt.Sprintf("p99 %s, max %s, %d of %d past 3 s", fmtDur(fr.P99), fmtDur(fr.Max), fr.Over3s, fr.Count), yes(fr.Count > 0 && fr.Over3s == 0)})
			}
		}
	}
	if l1, ok := level(b, 1); ok {
		out = append(out, Target{"search only (lower bound of /claim): p99 < 10 ms at 1 client", fmtDur(l1.P99), yes(l1.P99 < 10*time.Millisecond)})
	}
	if l, ok := level(b, 32); ok {
		out = append(out, Target{"search only: p99 < 100 ms at 32 clients", fmtDur(l.P99), yes(l.P99 < 100*time.Millisecond)})
	}
	best := 0.0
	for _, l := range levelsOf(b) {
		best = max(best, l.QPS)
	}
	if b != nil {
		out = append(out, Target{"search only: >= 1000 answers/s (best level)", fmt.Sprintf("%.0f/s", best), yes(best >= 1000)})
	}
	if l, ok := level(b, 128); ok {
		out = append(out, Target{"search only: no answer past 3 s at 128 clients", "max " + fmtDur(l.Max), yes(l.Max <= 3*time.Second && l.Errors == 0)})
	}
	if b != nil && b.Build.Took > 0 {
		took := b.Build.Took
		label := "indexing >= 5000 passages/s incl. claim extraction"
		if r.ClaimsOK {
			took += r.Claims.Took
		} else {
			label += " (claims package absent: index.Rebuild only)"
		}
		rate := float64(b.Build.Passages) / took.Seconds()
		out = append(out, Target{label, fmt.Sprintf("%.0f passages/s", rate), yes(rate >= 5000)})
		full := r.Parse.Took + b.Build.Took + r.Claims.Took
		t := Target{"full rebuild of 100k articles < 3 min (parse + claims + index.Rebuild)", fmtDur(full) + fmt.Sprintf(" for %d articles", r.Articles+5), "n/a"}
		if r.Articles >= 100_000 {
			t.Holds = yes(full < 3*time.Minute)
		} else {
			t.Measured += " (judged only at 100k)"
		}
		out = append(out, t)
	}
	switch {
	case r.E2E != nil && len(r.E2E.Levels) > 0:
		out = append(out, Target{"RSS while serving < 300 MB (bot process under the /claim levels)", "peak " + fmtBytes(r.E2E.PeakRSS) + rssParts(r.E2E.AnonRSS, r.E2E.FileRSS), yes(r.E2E.PeakRSS < 300<<20)})
	case r.Serve != nil && r.Serve.ServePeakRSS > 0:
		out = append(out, Target{"RSS while serving < 300 MB (fresh process searching at 32 clients; no bot)", fmt.Sprintf("peak %s, after load %s%s", fmtBytes(r.Serve.ServePeakRSS), fmtBytes(r.Serve.ServeRSS), rssParts(r.Serve.ServeAnonRSS, r.Serve.ServeFileRSS)), yes(r.Serve.ServePeakRSS < 300<<20)})
	default:
		out = append(out, Target{"RSS while serving < 300 MB", "not measured", "n/a"})
	}
	if len(r.Cold) > 0 {
		var walls []time.Duration
		for _, c := range r.Cold {
			walls = append(walls, c.Wall)
		}
		m := MedianDuration(walls)
		out = append(out, Target{"cold start < 1 s (fresh process: open + first answer, warm page cache)", fmtDur(m) + " median", yes(m < time.Second)})
	} else {
		out = append(out, Target{"cold start < 1 s", "not measured", "n/a"})
	}
	for _, peer := range []string{"sqlite-fts5", "postgres"} {
		p := r.engine(peer)
		if p == nil || p.Skipped != "" || b == nil {
			continue
		}
		bl, _ := level(b, 1)
		pl, _ := level(p, 1)
		bm, pm := groupMRR(b.Quality, "german"), groupMRR(p.Quality, "german")
		faster := bl.Median < pl.Median
		better := bm > pm
		out = append(out, Target{fmt.Sprintf("search faster than %s at better German MRR@5", peer),
			fmt.Sprintf("median %s vs %s (%.2fx), MRR@5 %.3f vs %.3f", fmtDur(bl.Median), fmtDur(pl.Median), ratio(pl.Median, bl.Median), bm, pm),
			yes(faster && better)})
	}
	return out
}

func levelsOf(e *EngineReport) []LoadResult {
	if e == nil {
		return nil
	}
	return e.Levels
}

func groupMRR(s []relevance.Score, g string) float64 {
	for _, x := range s {
		if x.Group == g {
			return x.MRR
		}
	}
	return 0
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Print writes the report as Markdown tables.
func (r *Report) Print(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	m := r.Machine
	p("## claimbench: %d generated articles + 5 seeds\n\n", r.Articles)
	p("- Machine: %s, %d cores, %.1f GiB RAM, %s, %s\n", m.CPU, m.Cores, m.MemoryGiB, m.Go, m.OS)
	p("- Date: %s; run took %s (per phase: *Where the time went* below); repeats: %d (medians reported); load average at start %s, at end %s (%d cores; other work on the machine skews the figures)\n",
		r.Started.Format("2006-01-02 15:04 MST"), r.Took.Round(time.Second), r.Repeat, r.LoadStart, r.LoadEnd, m.Cores)
	reuse := "generated in " + r.Gen.Took.Round(time.Millisecond).String()
	if !r.Generated {
		reuse = "reused from an earlier run"
	}
	p("- Corpus: %d articles (seed %d, prose fingerprint %s), %s of text, %s; prose: %s\n", r.Gen.Articles, r.Seed, r.Gen.Fingerprint, fmtBytes(uint64(r.Gen.Bytes)), reuse, r.Prose)
	p("- Parse (articles.LoadDir): %d articles, %d passages in %s (%.0f articles/s)\n", r.Parse.Articles, r.Parse.Passages, fmtDur(r.Parse.Took), float64(r.Parse.Articles)/r.Parse.Took.Seconds())
	if r.ClaimsOK {
		p("- Claim extraction (claims.Extract, on all cores): %d claims from %d articles in %s\n", r.Claims.Items, r.Claims.Articles, fmtDur(r.Claims.Took))
	} else {
		p("- Claim extraction: not measured (claims package absent)\n")
	}
	p("- Queries: %d (%d shared eval + %d drawn from the corpus), top 5, cycled\n\n", r.Queries, r.SharedQueries, r.Queries-r.SharedQueries)

	b := r.engine("bleve")
	p("### Build\n\n| engine | passages | time | passages/s | ×bleve | size on disk | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, e := range r.Engines {
		if e.Skipped != "" || e.Build.Took == 0 {
			continue
		}
		rat := "1.00"
		if b != nil && e != b && b.Build.Took > 0 {
			rat = fmt.Sprintf("%.2f", e.Build.PassagesPerSecond()/b.Build.PassagesPerSecond())
		}
		rss := "–"
		if e.Build.PeakRSS > 0 {
			rss = fmtBytes(e.Build.PeakRSS)
		}
		p("| %s | %d | %s | %.0f | %s | %s | %s |\n", e.Name, e.Build.Passages, fmtDur(e.Build.Took), e.Build.PassagesPerSecond(), rat, fmtBytes(uint64(e.Build.DiskBytes)), rss)
	}
	p("\nPeak RSS is this process's (it also holds the parsed corpus); PostgreSQL's memory is in its own server processes and not counted.\n\n")

	p("### Latency and throughput (closed loop: each client sends its next query when answered)\n\n")
	p("A level stops at its time limit; the queries still running then are cancelled (\"cut off\") and count neither as answered nor as errors, so a stopped level's latencies cover only the queries that finished.\n\n")
	p("| engine | clients | queries | median | p99 | max | QPS | median ×bleve | p99 ×bleve | QPS ×bleve | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, e := range r.Engines {
		if e.Skipped != "" || len(e.Levels) == 0 {
			continue
		}
		for _, l := range e.Levels {
			bl, ok := level(b, l.Clients)
			rm, rp, rq := "1.00", "1.00", "1.00"
			if e != b && ok {
				rm = fmt.Sprintf("%.2f", ratio(l.Median, bl.Median))
				rp = fmt.Sprintf("%.2f", ratio(l.P99, bl.P99))
				rq = fmt.Sprintf("%.2f", l.QPS/bl.QPS)
			}
			errs := fmt.Sprint(l.Errors)
			if l.FirstError != "" {
				errs += " (" + truncate(l.FirstError, 60) + ")"
			}
			p("| %s | %d | %s | %s | %s | %s | %.0f | %s | %s | %s | %s |\n", e.Name, l.Clients, levelQueries(l), fmtDur(l.Median), fmtDur(l.P99), fmtDur(l.Max), l.QPS, rm, rp, rq, errs)
		}
	}
	p("\n### Retrieval quality (shared/eval/queries.json, MRR@5 / success@1)\n\n")
	p("| engine | group | n | seeds only: MRR@5 | seeds only: S@1 | at scale: MRR@5 | at scale: S@1 | misses at scale |\n|---|---|---:|---:|---:|---:|---:|---|\n")
	for _, e := range r.Engines {
		if e.Skipped != "" {
			continue
		}
		groups := e.Quality
		if len(groups) == 0 {
			groups = e.Seed
		}
		for i, s := range groups {
			seedMRR, seedS1 := "–", "–"
			for _, x := range e.Seed {
				if x.Group == s.Group {
					seedMRR, seedS1 = fmt.Sprintf("%.3f", x.MRR), fmt.Sprintf("%.3f", x.Success1)
				}
			}
			scaleMRR, scaleS1, misses := "–", "–", ""
			if i < len(e.Quality) {
				q := e.Quality[i]
				scaleMRR, scaleS1 = fmt.Sprintf("%.3f", q.MRR), fmt.Sprintf("%.3f", q.Success1)
				misses = truncate(strings.Join(q.Misses, "; "), 120)
			}
			p("| %s | %s | %d | %s | %s | %s | %s | %s |\n", e.Name, s.Group, s.Queries, seedMRR, seedS1, scaleMRR, scaleS1, misses)
		}
		if e.KnownItem != nil {
			k := e.KnownItem
			n := fmt.Sprint(k.Queries)
			if k.Queries < e.KnownItemOf {
				n = fmt.Sprintf("%d of %d", k.Queries, e.KnownItemOf)
			}
			p("| %s | generated (known item) | %s | | | %.3f | %.3f | %d misses |\n", e.Name, n, k.MRR, k.Success1, len(k.Misses))
		}
	}
	for _, line := range r.knownItemNotes() {
		p("\n%s\n", line)
	}
	p("\n### Cold start, serving memory, /claim end to end (fresh processes)\n\n")
	if len(r.Cold) > 0 {
		var walls, opens, firsts []time.Duration
		for _, c := range r.Cold {
			walls, opens, firsts = append(walls, c.Wall), append(opens, c.Open), append(firsts, c.FirstQuery)
		}
		p("- Cold start (exec → first answer, %d runs, warm page cache): median %s (index.Open %s, first search %s); RSS after first answer %s\n",
			len(r.Cold), fmtDur(MedianDuration(walls)), fmtDur(MedianDuration(opens)), fmtDur(MedianDuration(firsts)), fmtBytes(r.Cold[0].AfterOpenRSS))
	}
	if s := r.Serve; s != nil && s.Load != nil {
		p("- Serving %s queries at %d clients in a fresh process: peak RSS %s, RSS after %s%s, Go heap objects %s; median %s, p99 %s, %.0f QPS\n",
			levelQueries(*s.Load), s.Load.Clients, fmtBytes(s.ServePeakRSS), fmtBytes(s.ServeRSS), rssParts(s.ServeAnonRSS, s.ServeFileRSS), fmtBytes(s.GoHeap), fmtDur(s.Load.Median), fmtDur(s.Load.P99), s.Load.QPS)
	}
	if r.ColdNote != "" {
		p("- %s\n", r.ColdNote)
	}
	if e := r.E2E; e != nil {
		p("- /claim end to end (bot.HTTPHandler on loopback, library.Library, fresh process): first /claim after start %s", fmtDur(e.First))
		if e.FirstError != "" {
			p(" — FAILED: %s; levels not run", e.FirstError)
		} else {
			p("; %d answers deferred and edited over REST; peak RSS under load %s%s, Go heap objects %s", e.Deferred, fmtBytes(e.PeakRSS), rssParts(e.AnonRSS, e.FileRSS), fmtBytes(e.GoHeap))
			for _, fr := range e.FirstResponse {
				p("; HTTP response (answer or deferral) at %d clients p99 %s, max %s", fr.Clients, fmtDur(fr.P99), fmtDur(fr.Max))
			}
		}
		p("\n")
	} else if r.E2ENote != "" {
		p("- /claim end to end: %s\n", r.E2ENote)
	}
	if r.InProcessServe > 0 {
		p("- Peak RSS of the benchmark process while Bleve served the levels (includes the parsed corpus held in memory): %s\n", fmtBytes(r.InProcessServe))
	}
	p("\n### Targets\n\n| goal | measured | holds |\n|---|---|---|\n")
	for _, t := range r.Targets() {
		p("| %s | %s | %s |\n", t.Goal, t.Measured, t.Holds)
	}
	p("\n### Where the time went\n\n| phase | took |\n|---|---:|\n")
	var sum time.Duration
	for _, ph := range r.Phases {
		p("| %s | %s |\n", ph.Name, fmtElapsed(ph.Took))
		sum += ph.Took
	}
	if other := r.Took - sum; other > 0 {
		p("| everything else (queries, reports, cleanup) | %s |\n", fmtElapsed(other))
	}
	p("| **run took** | **%s** |\n", fmtElapsed(r.Took))
	p("\n### Engines\n\n")
	for _, e := range r.Engines {
		if e.Skipped != "" {
			p("- %s: SKIPPED: %s\n", e.Name, e.Skipped)
			continue
		}
		p("- %s: %s\n", e.Name, e.Version)
	}
	if len(r.Notes) > 0 {
		p("\n### Notes\n\n")
		for _, n := range r.Notes {
			p("- %s\n", n)
		}
	}
	p("\n")
}

// levelQueries is the queries column of a level: answered queries, and
// for a level its time limit stopped, how far it got.
func levelQueries(l LoadResult) string {
	if !l.Stopped {
		return fmt.Sprint(l.Queries)
	}
	s := fmt.Sprintf("%d of %d (time limit", l.Queries, l.Planned)
	if l.CutOff > 0 {
		s += fmt.Sprintf("; %d cut off", l.CutOff)
	}
	return s + ")"
}

// knownItemNotes says, for each engine whose known-item pass the quality
// budget cut short, over how many queries its score is, and what Bleve
// scored on the same queries: the two are comparable only on those.
func (r *Report) knownItemNotes() []string {
	b := r.engine("bleve")
	var out []string
	for _, e := range r.Engines {
		k := e.KnownItem
		if e.Skipped != "" || k == nil || k.Queries >= e.KnownItemOf {
			continue
		}
		line := fmt.Sprintf("%s: known item over %d of %d queries (time budget %s, --quality-budget), the first %d generated.",
			e.Name, k.Queries, e.KnownItemOf, fmtBudget(e.KnownItemBudget), k.Queries)
		if b != nil && e != b && len(b.KnownItemRanks) >= k.Queries {
			bs := scoreRanks("generated", b.KnownItemRanks[:k.Queries], nil)
			line += fmt.Sprintf(" Bleve on the same %d: MRR@5 %.3f, S@1 %.3f.", k.Queries, bs.MRR, bs.Success1)
		}
		out = append(out, line)
	}
	return out
}

func fmtBudget(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return d.String()
}

// fmtElapsed is a phase's wall time, to the tenth of a second below a
// minute and to the second above.
func fmtElapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return d.Round(time.Second).String()
}

func truncate(s string, n int) string {
	s = strings.ReplaceAll(s, "|", "/")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func fmtDur(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
}

func fmtBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d B", n)
	}
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

func cut(line, sep string) (string, string, bool) {
	k, v, ok := strings.Cut(line, sep)
	return strings.TrimSpace(k), strings.TrimSpace(v), ok
}

func trimQuotes(s string) string { return strings.Trim(s, `"'`) }

// rssParts describes what an RSS figure is made of: the anonymous part is
// the process's own memory, the file-backed part mostly the index's mapped
// segments, which the kernel can reclaim.
func rssParts(anon, file uint64) string {
	if anon == 0 && file == 0 {
		return ""
	}
	return fmt.Sprintf(" (at the end: %s anonymous, %s file-backed index pages)", fmtBytes(anon), fmtBytes(file))
}
