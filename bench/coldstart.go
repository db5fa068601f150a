package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// ColdResult is one fresh process opening an existing index and answering.
type ColdResult struct {
	// Wall is from starting the process to receiving its first answer:
	// exec, Go runtime start, index open and the first search.
	Wall time.Duration `json:"wall_ns"`
	// Open and FirstQuery are measured inside the process.
	Open       time.Duration `json:"open_ns"`
	FirstQuery time.Duration `json:"first_query_ns"`
	Hits       int           `json:"hits"`
	// Serving figures, when the process also ran a load.
	Load         *LoadResult `json:"load,omitempty"`
	ServeRSS     uint64      `json:"serve_rss,omitempty"`
	ServePeakRSS uint64      `json:"serve_peak_rss,omitempty"`
	// ServeAnonRSS and ServeFileRSS split ServeRSS (see RSSParts).
	ServeAnonRSS uint64 `json:"serve_anon_rss,omitempty"`
	ServeFileRSS uint64 `json:"serve_file_rss,omitempty"`
	GoHeap       uint64 `json:"go_heap,omitempty"`
	// AfterOpenRSS is the resident memory right after the first answer.
	AfterOpenRSS uint64 `json:"after_open_rss,omitempty"`
}

// ColdStartFunc runs a cold start of the index in dir in a fresh process;
// with loadQueries it then serves them at loadClients concurrent clients,
// for at most loadTimeout, and reports the process's memory.
type ColdStartFunc func(ctx context.Context, dir, query string, loadQueries []string, loadClients int, loadTimeout time.Duration) (ColdResult, error)

// ColdStartChild is the fresh process's side: it opens the index, answers
// query, optionally serves the queries in loadFile (one per line) for at
// most loadTimeout (0: no limit), and prints a ColdResult as one JSON line
// to w.
func ColdStartChild(ctx context.Context, dir, query, loadFile string, loadClients int, loadTimeout time.Duration, w io.Writer) error {
	t0 := time.Now()
	b, err := OpenBleve(ctx, dir)
	if err != nil {
		return err
	}
	defer b.Close()
	if b.Index.Stale() {
		return fmt.Errorf("the index in %s is empty or stale; nothing to cold-start", dir)
	}
	res := ColdResult{Open: time.Since(t0)}
	t1 := time.Now()
	hits, err := b.Search(ctx, query, 5)
	if err != nil {
		return err
	}
	res.FirstQuery, res.Hits = time.Since(t1), len(hits)
	res.AfterOpenRSS, _ = CurrentRSS()
	if loadFile != "" {
		data, err := os.ReadFile(loadFile)
		if err != nil {
			return err
		}
		qs := strings.Split(strings.TrimSpace(string(data)), "\n")
		l := Load(ctx, b, qs, LoadOptions{Clients: loadClients, Queries: 2 * len(qs), MaxDuration: loadTimeout})
		res.Load = &l
		res.ServeRSS, _ = CurrentRSS()
		res.ServePeakRSS, _ = PeakRSS()
		res.ServeAnonRSS, res.ServeFileRSS = RSSParts()
		res.GoHeap = GoHeap()
	}
	return json.NewEncoder(w).Encode(res)
}

// ExecColdStart returns a ColdStartFunc that runs argv (this program and
// its cold-start subcommand) with --index, --query, and for loads --load,
// --clients and --timeout appended, and kills it when it overruns.
func ExecColdStart(argv []string) ColdStartFunc {
	return func(ctx context.Context, dir, query string, loadQueries []string, loadClients int, loadTimeout time.Duration) (ColdResult, error) {
		args := append(append([]string(nil), argv[1:]...), "--index", dir, "--query", query)
		if len(loadQueries) > 0 {
			f, err := os.CreateTemp("", "claimbench-queries-*.txt")
			if err != nil {
				return ColdResult{}, err
			}
			defer os.Remove(f.Name())
			for _, q := range loadQueries {
				fmt.Fprintln(f, strings.ReplaceAll(q, "\n", " "))
			}
			if err := f.Close(); err != nil {
				return ColdResult{}, err
			}
			args = append(args, "--load", f.Name(), "--clients", fmt.Sprint(loadClients), "--timeout", loadTimeout.String())
		}
		// Opening even the 100k index takes about a second; the margin is
		// for a loaded machine, the bound for a child that hangs.
		cctx, cancel := context.WithTimeout(ctx, loadTimeout+2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(cctx, argv[0], args...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return ColdResult{}, err
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			return ColdResult{}, err
		}
		line, rerr := bufio.NewReader(stdout).ReadString('\n')
		wall := time.Since(start)
		werr := cmd.Wait()
		if rerr != nil || werr != nil {
			return ColdResult{}, fmt.Errorf("cold-start process: %v %v: %s", rerr, werr, strings.TrimSpace(stderr.String()))
		}
		var res ColdResult
		if err := json.Unmarshal([]byte(line), &res); err != nil {
			return ColdResult{}, fmt.Errorf("cold-start output %q: %w", line, err)
		}
		if res.Load == nil {
			// The load, when there is one, runs after the first answer; the
			// wall time then still ends at the JSON line, so it is only
			// meaningful without a load.
			res.Wall = wall
		}
		return res, nil
	}
}
