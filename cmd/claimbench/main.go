// Command claimbench generates a German news corpus at scale and measures
// claimbot's passage search on it against SQLite FTS5 and PostgreSQL, in
// one run on the same passages and queries. See BENCHMARKS.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/claimbot/claimbot/bench"

	"github.com/claimbot/claimbot/internal/workspace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "claimbench:", err)
		var ue usageError
		if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// defaultLevelTimeout bounds each load level. At 100k the peers answer
// about one query a second and run four levels each, so this is most of
// what their levels cost in a run that has to fit in 15 minutes.
const defaultLevelTimeout = 15 * time.Second

// defaultQualityBudget bounds each engine's known-item pass: at 100k the
// sequential quality passes took 3.6 (FTS5) and 5.5 (PostgreSQL) minutes.
const defaultQualityBudget = 45 * time.Second

type usageError string

func (e usageError) Error() string { return string(e) }

const usage = `usage: claimbench COMMAND [FLAGS]

Commands:
  gen  --articles N --seed S --out DIR [--prose auto|debian|seeds] [--install-corpora]
       write N German news-like article files (deterministic for the seed and prose)
  run  [--articles 100000] [--quick] [--seed S] [--work DIR] [--peers fts5,postgres]
       [--clients 8,32,128] [--repeat N] [--install-corpora] [--eval FILE] [--json FILE] [--no-e2e]
       [--level-timeout 15s] [--quality-budget 45s] [--quality-workers 4]
       generate, index with Bleve and the peers, and measure everything in one run
       (--quick = 10,000 articles)
  xquad [--xquad DIR] [--distractors DIR | --gen-distractors N] [--peers fts5,postgres]
       [--work DIR] [--workers 4] [--json FILE]
       passage retrieval on XQuAD's 240 German paragraphs with its German and English
       questions, alone and beside distractor articles (distractors.py), every engine
       on the same passages; prints MRR@5, success@1, recall@10 as a Markdown table

Prose: fortunes-de and manpages-de (Debian) when installed; --install-corpora runs
apt-get update && apt-get install -y fortunes-de manpages-de man-db first.
`

// run is the whole program with its dependencies injected.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError("no command")
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	switch args[0] {
	case "gen":
		return runGen(ctx, args[1:], getenv, stdout, stderr, log)
	case "run":
		return runBench(ctx, args[1:], getenv, stdout, stderr, log)
	case "xquad":
		return runXQuAD(ctx, args[1:], stdout, stderr, log)
	case "coldstart":
		return runColdStart(ctx, args[1:], stdout, stderr)
	case "e2e":
		return runE2E(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError(fmt.Sprintf("unknown command %q", args[0]))
	}
}

func proseFlags(fs *flag.FlagSet) (*string, *bool, *string) {
	prose := fs.String("prose", "auto", "where sentences come from: auto (Debian packages, else seeds), debian, seeds")
	install := fs.Bool("install-corpora", false, "apt-get install fortunes-de manpages-de man-db first")
	cache := fs.String("cache", "", "directory for the rendered man pages (default: user cache dir)")
	return prose, install, cache
}

func proseOptions(prose string, install bool, cache string, log *slog.Logger, stderr io.Writer) (bench.ProseOptions, error) {
	src := bench.ProseSource(prose)
	switch src {
	case bench.ProseAuto, bench.ProseDebian, bench.ProseSeeds:
	default:
		return bench.ProseOptions{}, usageError(fmt.Sprintf("--prose %q: want auto, debian or seeds", prose))
	}
	return bench.ProseOptions{Source: src, Install: install, CacheDir: cache, Logger: log, Stderr: stderr}, nil
}

func runGen(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("articles", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output directory (required)")
	prose, install, cache := proseFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if *out == "" || *n <= 0 || fs.NArg() > 0 {
		return usageError("gen needs --out DIR and a positive --articles")
	}
	po, err := proseOptions(*prose, *install, *cache, log, stderr)
	if err != nil {
		return err
	}
	p, err := bench.LoadProse(ctx, po)
	if err != nil {
		return err
	}
	if p.Fallback {
		fmt.Fprintln(stdout, p.Origin)
	}
	rep, err := bench.Generate(ctx, bench.GenOptions{Articles: *n, Seed: *seed, Out: *out}, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d bytes) to %s in %s; prose: %s; fingerprint %s\n",
		rep.Articles, rep.Bytes, *out, rep.Took.Round(time.Millisecond), rep.Prose, rep.Fingerprint)
	return nil
}

func runBench(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("articles", 100_000, "number of generated articles (the 5 seeds are added)")
	quick := fs.Bool("quick", false, "10,000 articles")
	seed := fs.Uint64("seed", 1, "random seed of the corpus and the generated queries")
	work := fs.String("work", "", "work directory for corpus and indexes, kept (default: a temporary directory, removed)")
	peers := fs.String("peers", "fts5,postgres", "peers to compare, comma-separated (fts5, postgres; empty for none)")
	clients := fs.String("clients", "8,32,128", "concurrent client levels after the single-client one")
	repeat := fs.Int("repeat", 1, "repeat builds and load levels, report medians")
	genQueries := fs.Int("queries", 200, "claim-like queries drawn from the corpus")
	single := fs.Int("single", 1000, "queries in the single-client level")
	perLevel := fs.Int("level-queries", 2000, "queries per concurrent level")
	timeout := fs.Duration("level-timeout", defaultLevelTimeout, "stop each load level (and the warm-up, the fresh-process serving load, each /claim level) after this long, cancelling the queries in flight")
	budget := fs.Duration("quality-budget", defaultQualityBudget, "per engine, stop the known-item pass over the generated queries after this long and score the queries evaluated so far (0: no limit); the shared eval is always complete")
	qworkers := fs.Int("quality-workers", bench.DefaultQualityWorkers, "quality queries in flight at once")
	eval := fs.String("eval", "", "shared eval queries (default: ../shared/eval/queries.json beside the module root)")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	warmup := fs.Duration("e2e-warmup", 2*time.Minute, "how long the first /claim of the end-to-end run may take")
	noE2E := fs.Bool("no-e2e", false, "skip the /claim end-to-end measurement")
	prose, install, cache := proseFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() > 0 {
		return usageError("run takes no arguments")
	}
	if *quick {
		*n = 10_000
	}
	if *timeout <= 0 || *budget < 0 || *qworkers < 1 {
		return usageError("--level-timeout must be positive, --quality-budget not negative, --quality-workers at least 1")
	}
	po, err := proseOptions(*prose, *install, *cache, log, stderr)
	if err != nil {
		return err
	}
	levels, err := parseInts(*clients)
	if err != nil {
		return usageError("--clients: " + err.Error())
	}
	cfg := bench.Config{
		Articles: *n, Seed: *seed, WorkDir: *work, Prose: po, Clients: levels, Repeat: *repeat,
		GenQueries: *genQueries, SingleQueries: *single, LevelQueries: *perLevel, LevelTimeout: *timeout,
		QualityBudget: *budget, QualityWorkers: *qworkers,
		EvalPath: *eval, Logger: log, E2EWarmup: *warmup,
	}
	if *peers != "" {
		cfg.Peers = strings.Split(*peers, ",")
	}
	if cfg.EvalPath == "" {
		if p, ok := workspace.Shared("eval/queries.json"); ok {
			cfg.EvalPath = p
		}
	}
	if self, err := os.Executable(); err == nil {
		cfg.ColdStart = bench.ExecColdStart([]string{self, "coldstart"})
		if !*noE2E {
			cfg.E2E = bench.ExecE2E([]string{self, "e2e"})
		}
	}
	rep, err := bench.Run(ctx, cfg)
	if err != nil {
		return err
	}
	rep.Print(stdout)
	return writeJSON(*jsonOut, rep)
}

func runXQuAD(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("xquad", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("xquad", "", "directory with xquad.de.json, xquad.en.json and distractors.py (default: ../shared/eval/xquad beside the module root)")
	distractors := fs.String("distractors", "", "directory of distractor articles written by distractors.py")
	gen := fs.Int("gen-distractors", 0, "run distractors.py for this many articles (3000 in SOURCE.md) into --distractors, or into the work directory")
	peers := fs.String("peers", "fts5,postgres", "peers to compare, comma-separated (fts5, postgres; empty for none)")
	work := fs.String("work", "", "work directory for the indexes, kept (default: a temporary directory, removed)")
	workers := fs.Int("workers", bench.DefaultQualityWorkers, "questions in flight at once")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() > 0 || *gen < 0 || *workers < 1 {
		return usageError("xquad takes no arguments; --gen-distractors must not be negative, --workers at least 1")
	}
	if *dir == "" {
		p, ok := workspace.Shared("eval/xquad")
		if !ok {
			return fmt.Errorf("XQuAD not found at %s; pass --xquad DIR", p)
		}
		*dir = p
	}
	x, err := bench.LoadXQuAD(*dir)
	if err != nil {
		return err
	}
	cfg := bench.XQuADConfig{Data: x, WorkDir: *work, Workers: *workers, Logger: log}
	if *peers != "" {
		cfg.Peers = strings.Split(*peers, ",")
	}
	if *gen > 0 {
		out := *distractors
		if out == "" {
			if *work == "" {
				tmp, err := os.MkdirTemp("", "claimbench-distractors-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(tmp)
				out = tmp
			} else {
				out = filepath.Join(*work, "distractors")
			}
		}
		log.Info("generating distractors", "n", *gen, "out", out)
		if err := bench.GenerateDistractors(ctx, filepath.Join(*dir, "distractors.py"), out, *gen, stderr); err != nil {
			return err
		}
		*distractors = out
	}
	if *distractors != "" {
		if cfg.Distractors, err = bench.LoadDistractors(*distractors); err != nil {
			return err
		}
	}
	rep, err := bench.RunXQuAD(ctx, cfg)
	if err != nil {
		return err
	}
	rep.Print(stdout)
	return writeJSON(*jsonOut, rep)
}

func runColdStart(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("coldstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("index", "", "index directory")
	q := fs.String("query", "", "first query")
	load := fs.String("load", "", "file of queries to serve after the first answer")
	clients := fs.Int("clients", 32, "concurrent clients for --load")
	timeout := fs.Duration("timeout", defaultLevelTimeout, "stop serving --load after this long")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if *dir == "" || *q == "" {
		return usageError("coldstart needs --index and --query")
	}
	return bench.ColdStartChild(ctx, *dir, *q, *load, *clients, *timeout, stdout)
}

// runE2E is the end-to-end child process (internal; started by run).
func runE2E(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("e2e", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o bench.E2EOptions
	fs.StringVar(&o.DataDir, "data", "", "library data directory (with a built index/)")
	fs.StringVar(&o.Corpus, "corpus", "", "article directory")
	queries := fs.String("queries", "", "file of queries, one per line")
	clients := fs.String("clients", "8,32,128", "concurrent levels")
	fs.IntVar(&o.SingleQueries, "single", 1000, "queries in the single-client level")
	fs.IntVar(&o.LevelQueries, "level-queries", 2000, "queries per concurrent level")
	fs.DurationVar(&o.LevelTimeout, "level-timeout", defaultLevelTimeout, "stop a level after this long")
	fs.DurationVar(&o.WarmupTimeout, "warmup-timeout", 2*time.Minute, "bound on the first /claim")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if o.DataDir == "" || o.Corpus == "" || *queries == "" {
		return usageError("e2e needs --data, --corpus and --queries")
	}
	data, err := os.ReadFile(*queries)
	if err != nil {
		return err
	}
	o.Queries = strings.Split(strings.TrimSpace(string(data)), "\n")
	if o.Clients, err = parseInts(*clients); err != nil {
		return usageError("--clients: " + err.Error())
	}
	return bench.E2EChild(ctx, o, stdout)
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// writeJSON writes a report as indented JSON to path, when one is given.
func writeJSON(path string, rep any) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
