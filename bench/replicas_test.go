package bench

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/pgserver"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/pgstate"
)

// The tests and benchmarks of this package that need PostgreSQL start a
// private cluster (internal/pgserver) and skip without one, saying so.
func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(pgserver.Main(m))
}

var (
	replicaArticles = flag.Int("replica-articles", 10000, "articles in the shared archive for BenchmarkReplicas")
	replicaRepeats  = flag.Int("replica-repeats", 3, "repetitions of each BenchmarkReplicas measurement (medians are reported)")
)

// BenchmarkReplicas measures several instances on one PostgreSQL archive
// (run it once: go test -run XXX -bench BenchmarkReplicas -benchtime 1x
// ./bench/):
//
//   - the index of a new instance built from the archive's 10,000 articles,
//     against the same articles built from the data directory (one
//     instance, the baseline);
//   - a replica catching up on 10,000 changes from the change log;
//   - the time from an addition on instance A (its reply) to the first
//     search hit on instance B;
//   - /claim latency through the interactions endpoint of two instances
//     (requests alternating) against one, the same queries and clients.
//
// Medians of -replica-repeats runs, all in one run of the benchmark.
func BenchmarkReplicas(b *testing.B) {
	ctx := context.Background()
	n, reps := *replicaArticles, max(*replicaRepeats, 1)
	prose, err := LoadProse(ctx, ProseOptions{})
	if err != nil {
		b.Fatal(err)
	}
	corpus := b.TempDir()
	if _, err := Generate(ctx, GenOptions{Articles: n, Seed: 1, Out: corpus}, prose); err != nil {
		b.Fatal(err)
	}
	stored := storedArticles(b, corpus)
	parsed, err := articles.LoadDir(os.DirFS(corpus))
	if err != nil {
		b.Fatal(err)
	}
	fmt.Printf("BenchmarkReplicas: %d generated articles (%s), %d repetitions\n", n, prose.Origin, reps)
	// The first index a process builds loads the analysis data; build one
	// before measuring, so neither side pays for it.
	warm, err := library.Open(ctx, library.Config{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	warm.Close()

	// 1. A new instance's index: from PostgreSQL, and (baseline) from the
	// data directory.
	var fromPG, fromDir, addPG, addDir []time.Duration
	probe := func(lib *library.Library, i int) time.Duration {
		f := library.File{Name: fmt.Sprintf("probe-%d.md", i), Data: []byte(fmt.Sprintf("---\ntitle: Probe %d\npublisher: Bench\n---\n\nIm Landkreis meldeten die Behörden am Montag %d neue Wohnungen, das Wort Probewort%d inklusive.\n", i, 100+i, i))}
		start := time.Now()
		if _, err := lib.Add(ctx, library.Base, []library.File{f}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	for r := range reps {
		db := loadedArchive(b, stored)
		start := time.Now()
		lib := openReplica(b, b.TempDir(), db)
		fromPG = append(fromPG, time.Since(start))
		checkArticles(b, lib, n)
		// The claims of the articles are kept in memory by content: an
		// untimed addition first, so both sides are timed alike.
		probe(lib, 1000+r)
		addPG = append(addPG, probe(lib, r))
		lib.Close()

		dir := b.TempDir()
		added := filepath.Join(dir, "collections", "base", "added")
		if err := os.CopyFS(added, os.DirFS(corpus)); err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		lib, err := library.Open(ctx, library.Config{DataDir: dir, LockTimeout: 5 * time.Second})
		if err != nil {
			b.Fatal(err)
		}
		fromDir = append(fromDir, time.Since(start))
		checkArticles(b, lib, n)
		probe(lib, 1000+r)
		addDir = append(addDir, probe(lib, r))
		lib.Close()
	}

	// 2. A replica that was down while n articles were added catches up
	// from the change log.
	var catchUp []time.Duration
	for range reps {
		db := openDB(b)
		data := b.TempDir()
		openReplica(b, data, db).Close()
		bulkAdd(b, db, stored)
		start := time.Now()
		lib := openReplica(b, data, db)
		catchUp = append(catchUp, time.Since(start))
		checkArticles(b, lib, n)
		if st := lib.ReplicaStatus(); st.Applied != int64(n) {
			b.Fatalf("caught up to change %d; want %d", st.Applied, n)
		}
		lib.Close()
	}

	// 3 and 4 on one archive with two instances, each with a store (and
	// connection pool) of its own, following the change log.
	db := loadedArchive(b, stored)
	dbB := openDB(b, db.url)
	libA := openReplica(b, b.TempDir(), db)
	libB := openReplica(b, b.TempDir(), dbB)
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	for _, in := range []struct {
		lib *library.Library
		db  *testDB
	}{{libA, db}, {libB, dbB}} {
		go in.lib.Follow(fctx, in.db.WatchChanges(fctx), 5*time.Second)
	}
	var addToHit, addCall []time.Duration
	for i := range 3 * reps {
		token := fmt.Sprintf("Replikatwort%dx", i)
		f := library.File{Name: fmt.Sprintf("neu-%d.md", i), Data: []byte(fmt.Sprintf("---\ntitle: Neue Meldung %d\npublisher: Bench\n---\n\nDie Meldung mit dem Wort %s kam soeben herein.\n", i, token))}
		start := time.Now()
		if _, err := libA.Add(ctx, library.Base, []library.File{f}); err != nil {
			b.Fatal(err)
		}
		replied := time.Now()
		for {
			res, err := libB.Search(ctx, library.Base, token, index.SearchOptions{Limit: 1})
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Hits) > 0 {
				break
			}
			if time.Since(replied) > time.Minute {
				b.Fatal("B never found A's addition")
			}
			time.Sleep(500 * time.Microsecond)
		}
		addToHit = append(addToHit, time.Since(replied))
		addCall = append(addCall, replied.Sub(start))
	}

	var queries []string
	for _, c := range ClaimQueries(parsed, 300, 7) {
		queries = append(queries, c.Query)
	}
	eA, err := ServeClaimE2E(libA, db.Store, 16, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer eA.Close()
	eB, err := ServeClaimE2E(libB, dbB.Store, 16, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer eB.Close()
	two := &alternate{engines: []Engine{eA, eB}}
	const clients, perLevel = 8, 2000
	var one, both []LoadResult
	for range reps {
		one = append(one, Load(ctx, eA, queries, LoadOptions{Clients: clients, Queries: perLevel}))
		both = append(both, Load(ctx, two, queries, LoadOptions{Clients: clients, Queries: perLevel}))
	}
	for _, r := range append(append([]LoadResult(nil), one...), both...) {
		if r.Errors > 0 {
			b.Fatalf("%d errors under load: %s", r.Errors, r.FirstError)
		}
	}
	oneM, bothM := medianOf(one), medianOf(both)

	pg, dirB, cu := MedianDuration(fromPG), MedianDuration(fromDir), MedianDuration(catchUp)
	fmt.Printf("\n| measurement | median | runs |\n| --- | --- | --- |\n")
	fmt.Printf("| new instance's index from PostgreSQL, %d articles | %s | %s |\n", n, pg.Round(time.Millisecond), durations(fromPG))
	fmt.Printf("| the same from the data directory (one instance, baseline) | %s | %s |\n", dirB.Round(time.Millisecond), durations(fromDir))
	fmt.Printf("| ratio PostgreSQL / data directory | %.2f | |\n", pg.Seconds()/dirB.Seconds())
	fmt.Printf("| replica catching up on %d changes from the change log | %s | %s |\n", n, cu.Round(time.Millisecond), durations(catchUp))
	fmt.Printf("| one addition, PostgreSQL archive (fetch excluded; parse, archive, index, contradiction check) | %s | %s |\n", MedianDuration(addPG).Round(time.Millisecond), durations(addPG))
	fmt.Printf("| one addition, data directory (baseline) | %s | %s |\n", MedianDuration(addDir).Round(time.Millisecond), durations(addDir))
	fmt.Printf("| additions on A while B follows | %s | %s |\n", MedianDuration(addCall).Round(time.Millisecond), durations(addCall))
	fmt.Printf("| from A's reply to the first hit on B | %s | max %s |\n", MedianDuration(addToHit).Round(time.Microsecond), maxDuration(addToHit).Round(time.Microsecond))
	fmt.Printf("\n| /claim, %d clients, %d requests | median | p99 | answers/s |\n| --- | --- | --- | --- |\n", clients, perLevel)
	fmt.Printf("| one instance | %s | %s | %.0f |\n", oneM.Median.Round(time.Microsecond), oneM.P99.Round(time.Microsecond), oneM.QPS)
	fmt.Printf("| two instances, requests alternating | %s | %s | %.0f |\n", bothM.Median.Round(time.Microsecond), bothM.P99.Round(time.Microsecond), bothM.QPS)
	fmt.Printf("| ratio two / one (median latency) | %.2f | | |\n", bothM.Median.Seconds()/oneM.Median.Seconds())
	b.ReportMetric(pg.Seconds(), "pg-build-s")
	b.ReportMetric(cu.Seconds(), "catch-up-s")
	b.ReportMetric(float64(MedianDuration(addToHit).Microseconds())/1000, "add-to-hit-ms")
}

// testDB is one instance's store on a benchmark database.
type testDB struct {
	*pgstate.Store
	url string
}

// openDB opens a store on url, or on a new database when url is empty.
func openDB(b *testing.B, url ...string) *testDB {
	b.Helper()
	u := ""
	if len(url) > 0 {
		u = url[0]
	} else {
		u = pgserver.NewDatabase(b)
	}
	st, err := pgstate.Open(context.Background(), u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return &testDB{Store: st, url: u}
}

// loadedArchive is a new database whose archive has the articles.
func loadedArchive(b *testing.B, stored []state.StoredArticle) *testDB {
	db := openDB(b)
	bulkAdd(b, db, stored)
	return db
}

// bulkAdd adds the articles to the base collection in one change of the
// archive (one change each in the log).
func bulkAdd(b *testing.B, db *testDB, stored []state.StoredArticle) {
	b.Helper()
	err := db.Update(context.Background(), func(tx state.ArchiveTx) error {
		for _, a := range stored {
			if _, err := tx.Add(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

func openReplica(b *testing.B, data string, db *testDB) *library.Library {
	b.Helper()
	lib, err := library.Open(context.Background(), library.Config{DataDir: data, Archive: db.Store, LockTimeout: 5 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

// checkArticles: the index has the generated articles and the seeds.
func checkArticles(b *testing.B, lib *library.Library, n int) {
	b.Helper()
	if got := lib.Stats(library.Base).Articles; got < n {
		b.Fatalf("the index has %d articles; want at least %d", got, n)
	}
}

// storedArticles reads a generated corpus as archive records.
func storedArticles(b *testing.B, dir string) []state.StoredArticle {
	b.Helper()
	var out []state.StoredArticle
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !articles.IsArticleFile(p) {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return err
		}
		out = append(out, state.StoredArticle{Collection: string(library.Base), ID: articles.IDFromFile(p), File: p, Data: data})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// alternate sends each request to the next of its engines in turn, as a
// round-robin load balancer does.
type alternate struct {
	engines []Engine
	n       atomic.Int64
}

func (a *alternate) Name() string { return "alternating" }

func (a *alternate) Search(ctx context.Context, q string, k int) ([]string, error) {
	return a.engines[int(a.n.Add(1))%len(a.engines)].Search(ctx, q, k)
}

func (a *alternate) Close() error { return nil }

// medianOf is the run with the median median latency.
func medianOf(rs []LoadResult) LoadResult {
	sorted := append([]LoadResult(nil), rs...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j].Median < sorted[j-1].Median; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	return sorted[len(sorted)/2]
}

func maxDuration(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

func durations(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.Round(time.Millisecond).String()
	}
	return strings.Join(parts, ", ")
}
