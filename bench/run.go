package bench

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/relevance"
)

// Peer names for Config.Peers.
const (
	PeerFTS5     = "fts5"
	PeerPostgres = "postgres"
)

// DefaultClaimExtractor extracts the claims of one article and returns how
// many it found; nil while the claims package is not part of the build, in
// which case the indexing figure is reported without claim extraction.
var DefaultClaimExtractor func(articles.Article) int

// Config configures Run.
type Config struct {
	Articles int
	Seed     uint64
	// WorkDir holds the generated corpus and the indexes. Empty: a
	// temporary directory, removed afterwards. A corpus generated earlier
	// with the same size, seed and prose is reused.
	WorkDir string
	Prose   ProseOptions
	// Peers to compare (PeerFTS5, PeerPostgres); unavailable ones are
	// reported as skipped with the reason.
	Peers []string
	// Clients are the concurrent levels after the single-client one.
	Clients []int
	// GenQueries is the number of claim-like queries drawn from the corpus.
	GenQueries int
	// SingleQueries is the number of queries of the single-client level;
	// LevelQueries of each concurrent level. LevelTimeout stops a level
	// early, cancelling the queries in flight; it bounds every level: the
	// search levels (their warm-up gets a third of it), the serving load of
	// the fresh process and each /claim end-to-end level.
	SingleQueries, LevelQueries int
	LevelTimeout                time.Duration
	// QualityBudget bounds each engine's known-item pass over the
	// generated queries (0: no limit); the score then covers the queries
	// evaluated in time, and the report says how many. The shared eval
	// queries are always evaluated completely. QualityWorkers is how many
	// quality queries run at once (default DefaultQualityWorkers).
	QualityBudget  time.Duration
	QualityWorkers int
	// Repeat repeats builds and levels and reports medians.
	Repeat int
	// EvalPath is the shared queries.json ("" or absent: quality skipped).
	EvalPath string
	// ColdStart, when set, measures cold start and serving memory in fresh
	// processes; ColdRuns is how many cold starts (median reported).
	ColdStart ColdStartFunc
	ColdRuns  int
	// E2E, when set, measures /claim through the bot's HTTP-interactions
	// endpoint in a fresh process; E2EWarmup bounds its first /claim.
	E2E       E2EFunc
	E2EWarmup time.Duration
	// ClaimExtractor defaults to DefaultClaimExtractor.
	ClaimExtractor func(articles.Article) int
	Logger         *slog.Logger
}

// Report is everything one run measured.
type Report struct {
	Machine  Machine
	Started  time.Time
	Took     time.Duration
	Articles int
	Seed     uint64
	Repeat   int
	// QualityBudget is Config.QualityBudget (0: none).
	QualityBudget time.Duration
	Gen           GenReport
	Generated     bool // false: an earlier identical corpus was reused
	Prose         string
	Fallback      bool

	Parse    Phase
	Claims   Phase
	ClaimsOK bool

	Queries        int // in the load list
	SharedQueries  int
	Engines        []*EngineReport
	Cold           []ColdResult
	Serve          *ColdResult
	ColdNote       string
	InProcessServe uint64 // peak RSS of this process while Bleve served the levels
	E2E            *E2EResult
	E2ENote        string
	Notes          []string
	// LoadStart and LoadEnd are /proc/loadavg when the run started and
	// ended: the machines are shared, and other work skews the figures.
	LoadStart, LoadEnd string
	// Phases is where the run's time went, in the order of the run.
	Phases []PhaseTime
}

// PhaseTime is the wall time of one step of the run.
type PhaseTime struct {
	Name string
	Took time.Duration
}

// addPhase adds d to the phase called name, appending it the first time:
// with --repeat the rebuilds and levels of each round add up.
func (r *Report) addPhase(name string, d time.Duration) {
	for i := range r.Phases {
		if r.Phases[i].Name == name {
			r.Phases[i].Took += d
			return
		}
	}
	r.Phases = append(r.Phases, PhaseTime{name, d})
}

// timePhase starts timing a phase; call the result when it ends.
func (r *Report) timePhase(name string) func() {
	start := time.Now()
	return func() { r.addPhase(name, time.Since(start)) }
}

// Phase is a timed step over the corpus.
type Phase struct {
	Articles, Passages, Items int
	Took                      time.Duration
}

// EngineReport is one engine's figures.
type EngineReport struct {
	Name      string
	Version   string
	Skipped   string // reason, when the engine could not run
	Build     Build
	Builds    []Build
	Levels    []LoadResult // medians over repeats: single client first
	Quality   []relevance.Score
	Seed      []relevance.Score // the shared eval on the seed articles alone
	KnownItem *relevance.Score  // generated queries: is the source passage in the top 5
	// KnownItemOf is the number of generated queries; KnownItem.Queries is
	// smaller when the quality budget ran out, and KnownItemBudget is then
	// that budget.
	KnownItemOf     int
	KnownItemBudget time.Duration
	// KnownItemRanks are the first-correct ranks (0: miss) of the
	// evaluated generated queries, in order, so engines cut short by the
	// budget can be compared with others on the same queries.
	KnownItemRanks []int
}

// Machine describes where the figures were measured.
type Machine struct {
	CPU       string
	Cores     int
	MemoryGiB float64
	Go        string
	OS        string
}

// Run builds every engine on one corpus and measures them. Progress goes
// to cfg.Logger; the figures come back in the Report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg.defaults()
	log := cfg.Logger
	rep := &Report{Machine: DescribeMachine(), Started: time.Now(), Articles: cfg.Articles, Seed: cfg.Seed, Repeat: cfg.Repeat, QualityBudget: cfg.QualityBudget, LoadStart: loadAvg()}
	work := cfg.WorkDir
	if work == "" {
		d, err := os.MkdirTemp("", "claimbench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		work = d
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}

	endPhase := rep.timePhase("prose (Debian packages, man pages)")
	prose, err := LoadProse(ctx, cfg.Prose)
	if err != nil {
		return nil, err
	}
	endPhase()
	rep.Prose, rep.Fallback = prose.Origin, prose.Fallback
	if prose.Fallback {
		rep.Notes = append(rep.Notes, prose.Origin)
		log.Warn(prose.Origin)
	}
	corpusDir := filepath.Join(work, fmt.Sprintf("corpus-%d-seed%d", cfg.Articles, cfg.Seed))
	gopts := GenOptions{Articles: cfg.Articles, Seed: cfg.Seed, Out: corpusDir}
	start := time.Now()
	if g, err := ReadGenReport(corpusDir); err == nil && g.Matches(gopts, prose) {
		rep.Gen = g
		log.Info("reusing generated corpus", "dir", corpusDir)
	} else {
		_ = os.RemoveAll(corpusDir)
		log.Info("generating corpus", "articles", cfg.Articles, "dir", corpusDir)
		g, err := Generate(ctx, gopts, prose)
		if err != nil {
			return nil, fmt.Errorf("generate: %w", err)
		}
		rep.Gen, rep.Generated = g, true
	}
	if err := writeSeeds(corpusDir); err != nil {
		return nil, err
	}
	if rep.Generated {
		rep.addPhase("generate corpus", time.Since(start))
	} else {
		rep.addPhase("corpus (reused)", time.Since(start))
	}

	log.Info("parsing corpus")
	start = time.Now()
	generated, err := articles.LoadDir(os.DirFS(corpusDir))
	if err != nil {
		return nil, fmt.Errorf("parse generated corpus: %w", err)
	}
	// The seed files are copied into the corpus: the shared eval queries ask
	// for their passages among all the generated ones.
	arts := generated
	rep.Parse = Phase{Articles: len(arts), Passages: CountPassages(arts), Took: time.Since(start)}
	rep.addPhase("parse (articles.LoadDir)", rep.Parse.Took)
	seeds, err := articles.LoadDir(articles.Default())
	if err != nil {
		return nil, err
	}

	if ex := cfg.ClaimExtractor; ex != nil {
		start := time.Now()
		n := extractAll(arts, ex)
		rep.Claims = Phase{Articles: len(arts), Passages: CountPassages(arts), Items: n, Took: time.Since(start)}
		rep.ClaimsOK = true
		rep.addPhase("claims (claims.Extract)", rep.Claims.Took)
	} else {
		rep.Notes = append(rep.Notes, "claims package not present in this build: indexing throughput excludes claim extraction (claims.Extract)")
	}

	var shared relevance.Set
	if cfg.EvalPath != "" {
		if s, err := relevance.Load(cfg.EvalPath); err == nil {
			shared = s
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("shared eval queries not loaded (%v): quality columns empty", err))
		}
	}
	known := ClaimQueries(arts, cfg.GenQueries, cfg.Seed)
	var queries []string
	for _, g := range shared.Groups() {
		for _, c := range shared[g] {
			queries = append(queries, c.Query)
			rep.SharedQueries++
		}
	}
	for _, c := range known {
		queries = append(queries, c.Query)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 7))
	r.Shuffle(len(queries), func(i, j int) { queries[i], queries[j] = queries[j], queries[i] })
	rep.Queries = len(queries)
	if len(queries) == 0 {
		return nil, errors.New("no queries")
	}
	knownSet := relevance.Set{"generated": known}

	// measure runs the levels and the quality passes of an engine whose
	// index is built; rebuild builds it again for the later rounds.
	measure := func(e Engine, er *EngineReport, rebuild func() (Build, error)) error {
		var levels [][]LoadResult
		for i := 0; i < cfg.Repeat; i++ {
			if i > 0 {
				t := time.Now()
				b, err := rebuild()
				if err != nil {
					return err
				}
				rep.addPhase(er.Name+": build", time.Since(t))
				er.Builds = append(er.Builds, b)
			}
			endLevels := rep.timePhase(er.Name + ": levels")
			// A third of a level: at 100k a peer answers about one query a
			// second, and 100 unbounded warm-up queries took minutes.
			warm := min(len(queries), 100)
			Load(ctx, e, queries[:warm], LoadOptions{Clients: 1, MaxDuration: cfg.LevelTimeout / 3})
			var ls []LoadResult
			log.Info("searching", "engine", e.Name(), "clients", 1, "round", i+1)
			ls = append(ls, Load(ctx, e, queries, LoadOptions{Clients: 1, Queries: cfg.SingleQueries, MaxDuration: cfg.LevelTimeout}))
			for _, c := range cfg.Clients {
				log.Info("searching", "engine", e.Name(), "clients", c, "round", i+1)
				ls = append(ls, Load(ctx, e, queries, LoadOptions{Clients: c, Queries: max(cfg.LevelQueries, 2*c), MaxDuration: cfg.LevelTimeout}))
			}
			levels = append(levels, ls)
			endLevels()
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		er.Build = medianBuild(er.Builds)
		er.Levels = medianLevels(levels)
		defer rep.timePhase(er.Name + ": quality")()
		log.Info("quality", "engine", e.Name(), "shared", rep.SharedQueries, "generated", len(known), "budget", cfg.QualityBudget)
		search := func(q string) ([]string, error) { return e.Search(ctx, q, relevance.K) }
		if shared != nil {
			ev, err := evaluate(ctx, shared, search, evalOptions{Workers: cfg.QualityWorkers})
			if err != nil {
				return err
			}
			er.Quality = ev.Scores
		}
		ev, err := evaluate(ctx, knownSet, search, evalOptions{Workers: cfg.QualityWorkers, Budget: cfg.QualityBudget})
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: known-item pass failed: %v", er.Name, err))
		case len(ev.Scores) == 1:
			er.KnownItem, er.KnownItemOf, er.KnownItemRanks = &ev.Scores[0], ev.Total, ev.Ranks[0]
			if !ev.Complete() {
				er.KnownItemBudget = cfg.QualityBudget
			}
		}
		return nil
	}

	// Bleve.
	{
		er := &EngineReport{Name: "bleve", Version: "bleve v2.6.1 (claimbot index)"}
		rep.Engines = append(rep.Engines, er)
		if shared != nil {
			endPhase := rep.timePhase("bleve: seed index + quality")
			er.Seed, err = seedQualityBleve(ctx, filepath.Join(work, "bleve-seeds"), seeds, shared, cfg.QualityWorkers)
			if err != nil {
				return nil, fmt.Errorf("bleve on the seeds: %w", err)
			}
			endPhase()
		}
		// The index goes where the library looks for it, so the end-to-end
		// run opens it instead of building it again.
		libDir := filepath.Join(work, "library")
		dir := filepath.Join(libDir, "index")
		_ = os.RemoveAll(libDir)
		log.Info("indexing", "engine", "bleve", "passages", CountPassages(arts))
		b, st, err := BuildBleve(ctx, dir, arts)
		if err != nil {
			return nil, fmt.Errorf("bleve build: %w", err)
		}
		rep.addPhase("bleve: build", st.Took)
		er.Builds = append(er.Builds, st)
		stopSampling := samplePeakRSS()
		err = measure(b, er, func() (Build, error) {
			log.Info("re-indexing", "engine", "bleve")
			return b.Rebuild(ctx, arts)
		})
		rep.InProcessServe = stopSampling()
		b.Close()
		if err != nil {
			return nil, err
		}
		if cfg.ColdStart != nil {
			q := queries[0]
			endPhase := rep.timePhase(fmt.Sprintf("cold start (%d fresh processes)", cfg.ColdRuns))
			for i := 0; i < cfg.ColdRuns; i++ {
				log.Info("cold start", "run", i+1)
				c, err := cfg.ColdStart(ctx, dir, q, nil, 0, 0)
				if err != nil {
					rep.ColdNote = err.Error()
					break
				}
				rep.Cold = append(rep.Cold, c)
			}
			endPhase()
			endPhase = rep.timePhase("serving at 32 clients (fresh process)")
			log.Info("serving memory in a fresh process", "clients", 32, "timeout", cfg.LevelTimeout)
			if s, err := cfg.ColdStart(ctx, dir, q, queries, 32, cfg.LevelTimeout); err == nil {
				rep.Serve = &s
			} else {
				rep.ColdNote = err.Error()
			}
			endPhase()
		} else {
			rep.ColdNote = "not measured (no re-exec available, e.g. under go test)"
		}
		if cfg.E2E != nil {
			log.Info("/claim end to end through the bot's HTTP-interactions endpoint", "warmup_timeout", cfg.E2EWarmup)
			endPhase := rep.timePhase("/claim e2e (fresh process: open, first /claim, levels)")
			res, err := cfg.E2E(ctx, E2EOptions{DataDir: libDir, Corpus: corpusDir, Queries: queries, Clients: cfg.Clients,
				SingleQueries: cfg.SingleQueries, LevelQueries: cfg.LevelQueries, LevelTimeout: cfg.LevelTimeout, WarmupTimeout: cfg.E2EWarmup})
			endPhase()
			switch {
			case err != nil:
				rep.E2ENote = err.Error()
			default:
				rep.E2E = &res
				if len(res.Levels) > 0 {
					rep.Engines = append(rep.Engines, &EngineReport{Name: "/claim e2e", Version: "bot.HTTPHandler on 127.0.0.1 over library.Library (search + disagreements + rendering + Ed25519 check)", Levels: res.Levels})
				}
			}
		} else {
			rep.E2ENote = "not measured (skipped with --no-e2e, or no re-exec available)"
		}
		if cfg.WorkDir == "" {
			_ = os.RemoveAll(libDir)
		}
	}

	for _, peer := range cfg.Peers {
		switch peer {
		case PeerFTS5:
			er := &EngineReport{Name: "sqlite-fts5", Version: "SQLite FTS5 (modernc.org/sqlite v1.61.1), unicode61 remove_diacritics 2, bm25, OR of quoted words"}
			rep.Engines = append(rep.Engines, er)
			if shared != nil {
				endPhase := rep.timePhase(er.Name + ": seed index + quality")
				f, _, err := BuildFTS5(ctx, filepath.Join(work, "fts5-seeds.db"), seeds, cfg.QualityWorkers)
				if err != nil {
					er.Skipped = err.Error()
					continue
				}
				if ev, err := evaluate(ctx, shared, func(q string) ([]string, error) { return f.Search(ctx, q, relevance.K) }, evalOptions{Workers: cfg.QualityWorkers}); err == nil {
					er.Seed = ev.Scores
				}
				f.Close()
				endPhase()
			}
			path := filepath.Join(work, "fts5.db")
			log.Info("indexing", "engine", "sqlite-fts5")
			maxC := max(maxInt(cfg.Clients), cfg.QualityWorkers)
			f, st, err := BuildFTS5(ctx, path, arts, maxC)
			if err != nil {
				er.Skipped = err.Error()
				continue
			}
			rep.addPhase(er.Name+": build", st.Took)
			er.Builds = append(er.Builds, st)
			err = measure(f, er, func() (Build, error) {
				f.Close()
				nf, st, err := BuildFTS5(ctx, path, arts, maxC)
				if err == nil {
					*f = *nf
				}
				return st, err
			})
			f.Close()
			if err != nil {
				return nil, err
			}
			if cfg.WorkDir == "" {
				_ = os.Remove(path)
			}
		case PeerPostgres:
			er := &EngineReport{Name: "postgres"}
			rep.Engines = append(rep.Engines, er)
			bin := FindPostgres()
			if bin == "" {
				er.Skipped = "no PostgreSQL server binary (initdb/pg_ctl) installed"
				continue
			}
			log.Info("starting a private PostgreSQL cluster", "bin", bin)
			endPhase := rep.timePhase("postgres: start and stop the cluster")
			srv, err := StartPostgres(ctx, bin, log)
			endPhase()
			if err != nil {
				er.Skipped = err.Error()
				continue
			}
			er.Version = srv.Version(ctx) + ", german config, stored tsvector + GIN, ts_rank_cd, OR to_tsquery"
			err = func() error {
				maxC := max(maxInt(cfg.Clients), cfg.QualityWorkers) + 2
				if shared != nil {
					endPhase := rep.timePhase(er.Name + ": seed index + quality")
					p, _, err := BuildPostgres(ctx, srv, seeds, cfg.QualityWorkers)
					if err != nil {
						return err
					}
					if ev, err := evaluate(ctx, shared, func(q string) ([]string, error) { return p.Search(ctx, q, relevance.K) }, evalOptions{Workers: cfg.QualityWorkers}); err == nil {
						er.Seed = ev.Scores
					}
					p.Close()
					endPhase()
				}
				log.Info("indexing", "engine", "postgres")
				p, st, err := BuildPostgres(ctx, srv, arts, maxC)
				if err != nil {
					return err
				}
				defer p.Close()
				rep.addPhase(er.Name+": build", st.Took)
				er.Builds = append(er.Builds, st)
				if err := measure(p, er, func() (Build, error) {
					np, st, err := BuildPostgres(ctx, srv, arts, maxC)
					if err == nil {
						p.Close()
						*p = *np
					}
					return st, err
				}); err != nil {
					return err
				}
				// The AND variant is scored on the shared eval only: it is
				// there to show what requiring every word costs in recall,
				// and the shared queries show that.
				if shared != nil {
					defer rep.timePhase("postgres-and: quality (shared eval only)")()
					and := &EngineReport{Name: "postgres-and", Version: "same table, plainto_tsquery (all words must match); quality on the shared eval only"}
					pa := p.WithMode("and")
					if ev, err := evaluate(ctx, shared, func(q string) ([]string, error) { return pa.Search(ctx, q, relevance.K) }, evalOptions{Workers: cfg.QualityWorkers}); err == nil {
						and.Quality = ev.Scores
					}
					rep.Engines = append(rep.Engines, and)
				}
				return nil
			}()
			endPhase = rep.timePhase("postgres: start and stop the cluster")
			if serr := srv.Stop(); serr != nil {
				log.Warn("stopping PostgreSQL", "err", serr)
			}
			endPhase()
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				er.Skipped = err.Error()
			}
		default:
			return nil, fmt.Errorf("unknown peer %q (want %s, %s)", peer, PeerFTS5, PeerPostgres)
		}
	}
	rep.Took = time.Since(rep.Started)
	rep.LoadEnd = loadAvg()
	log.Info("done", "took", rep.Took.Round(time.Second))
	return rep, nil
}

// extractAll runs ex over arts on every core, as a re-index can: each
// article's claims depend on that article only.
func extractAll(arts []articles.Article, ex func(articles.Article) int) int {
	var total atomic.Int64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			n := 0
			for i := next.Add(1) - 1; i < int64(len(arts)); i = next.Add(1) - 1 {
				n += ex(arts[i])
			}
			total.Add(int64(n))
		})
	}
	wg.Wait()
	return int(total.Load())
}

func (c *Config) defaults() {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Prose.Logger == nil {
		c.Prose.Logger = c.Logger
	}
	if c.Articles <= 0 {
		c.Articles = 10_000
	}
	if c.Clients == nil {
		c.Clients = []int{8, 32, 128}
	}
	if c.GenQueries <= 0 {
		c.GenQueries = 200
	}
	if c.SingleQueries <= 0 {
		c.SingleQueries = 1000
	}
	if c.LevelQueries <= 0 {
		c.LevelQueries = 2000
	}
	if c.LevelTimeout <= 0 {
		c.LevelTimeout = 15 * time.Second
	}
	if c.QualityWorkers <= 0 {
		c.QualityWorkers = DefaultQualityWorkers
	}
	if c.QualityBudget < 0 {
		c.QualityBudget = 0
	}
	if c.Repeat <= 0 {
		c.Repeat = 1
	}
	if c.ColdRuns <= 0 {
		c.ColdRuns = 5
	}
	if c.E2EWarmup <= 0 {
		c.E2EWarmup = 2 * time.Minute
	}
	if c.ClaimExtractor == nil {
		c.ClaimExtractor = DefaultClaimExtractor
	}
}

// writeSeeds copies the embedded seed articles into the corpus directory.
func writeSeeds(dir string) error {
	entries, err := fs.ReadDir(articles.Default(), ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		data, err := fs.ReadFile(articles.Default(), e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func seedQualityBleve(ctx context.Context, dir string, seeds []articles.Article, set relevance.Set, workers int) ([]relevance.Score, error) {
	defer os.RemoveAll(dir)
	b, _, err := BuildBleve(ctx, dir, seeds)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	ev, err := evaluate(ctx, set, func(q string) ([]string, error) { return b.Search(ctx, q, relevance.K) }, evalOptions{Workers: workers})
	return ev.Scores, err
}

// samplePeakRSS resets the peak-RSS mark and returns a function that stops
// and returns the peak since.
func samplePeakRSS() func() uint64 {
	ResetPeakRSS()
	var once sync.Once
	var peak uint64
	return func() uint64 {
		once.Do(func() { peak, _ = PeakRSS() })
		return peak
	}
}

func maxInt(xs []int) int {
	m := 1
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func medianBuild(bs []Build) Build {
	if len(bs) == 0 {
		return Build{}
	}
	c := append([]Build(nil), bs...)
	sort.Slice(c, func(i, j int) bool { return c[i].Took < c[j].Took })
	m := c[(len(c)-1)/2]
	var peak uint64
	for _, b := range bs {
		peak = max(peak, b.PeakRSS)
	}
	m.PeakRSS = peak
	return m
}

func medianLevels(runs [][]LoadResult) []LoadResult {
	if len(runs) == 0 {
		return nil
	}
	out := make([]LoadResult, len(runs[0]))
	for i := range out {
		var med, p99, mx []time.Duration
		var qps []float64
		for _, r := range runs {
			med = append(med, r[i].Median)
			p99 = append(p99, r[i].P99)
			mx = append(mx, r[i].Max)
			qps = append(qps, r[i].QPS)
			out[i].Queries += r[i].Queries
			out[i].Planned += r[i].Planned
			out[i].CutOff += r[i].CutOff
			out[i].Stopped = out[i].Stopped || r[i].Stopped
			out[i].Errors += r[i].Errors
			if out[i].FirstError == "" {
				out[i].FirstError = r[i].FirstError
			}
		}
		out[i].Clients = runs[0][i].Clients
		out[i].Median, out[i].P99, out[i].QPS = MedianDuration(med), MedianDuration(p99), MedianFloat(qps)
		out[i].Max = Percentile(mx, 100)
	}
	return out
}

// loadAvg is the 1, 5 and 15 minute load averages, "" when unknown.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// DescribeMachine reads the CPU model and memory from /proc.
func DescribeMachine() Machine {
	m := Machine{Cores: runtime.NumCPU(), Go: runtime.Version(), CPU: "unknown", OS: runtime.GOOS + "/" + runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range splitLines(string(data)) {
			if k, v, ok := cut(line, ":"); ok && k == "model name" {
				m.CPU = v
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range splitLines(string(data)) {
			if k, v, ok := cut(line, ":"); ok && k == "MemTotal" {
				var kb float64
				fmt.Sscanf(v, "%f", &kb)
				m.MemoryGiB = kb / (1 << 20)
			}
		}
	}
	if data, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, line := range splitLines(string(data)) {
			if k, v, ok := cut(line, "="); ok && k == "PRETTY_NAME" {
				m.OS = trimQuotes(v) + " " + m.OS
			}
		}
	}
	return m
}
