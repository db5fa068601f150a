package bench

import (
	"context"
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// LoadResult is one load level: latencies as each client saw them.
type LoadResult struct {
	Clients int
	Queries int
	Errors  int
	// FirstError is the first failure, for the report.
	FirstError string
	// Planned is how many queries the level was to run; Stopped is set
	// when its time limit ended it first, and CutOff counts the queries
	// still running then, which were cancelled and are counted neither as
	// answered nor as errors.
	Planned int
	Stopped bool
	CutOff  int
	Median  time.Duration
	P99     time.Duration
	Max     time.Duration
	Elapsed time.Duration
	// QPS is answered queries per second over the whole level.
	QPS float64
}

// LoadOptions bound one level.
type LoadOptions struct {
	Clients int
	// Queries is how many queries the level runs in total (the query list
	// is cycled).
	Queries int
	// MaxDuration stops the level early (0: no limit): no query starts
	// after it, and the queries still running are cancelled, since at 128
	// clients on a slow engine waiting for them took minutes. The figures
	// then cover the queries that finished.
	MaxDuration time.Duration
	// K is the number of passages asked for (default 5).
	K int
}

// Load runs queries against search from opts.Clients goroutines at once,
// each sending its next query as soon as the previous one is answered
// (a closed loop: the offered load adapts to the engine's speed).
func Load(ctx context.Context, e Engine, queries []string, opts LoadOptions) LoadResult {
	if opts.Clients < 1 {
		opts.Clients = 1
	}
	if opts.K <= 0 {
		opts.K = 5
	}
	if opts.Queries <= 0 {
		opts.Queries = len(queries)
	}
	lctx, cancel := ctx, context.CancelFunc(func() {})
	if opts.MaxDuration > 0 {
		lctx, cancel = context.WithTimeout(ctx, opts.MaxDuration)
	}
	defer cancel()
	var (
		next     atomic.Int64
		mu       sync.Mutex
		lat      = make([]time.Duration, 0, opts.Queries)
		errs     int
		cut      int
		firstErr string
		wg       sync.WaitGroup
	)
	start := time.Now()
	for c := 0; c < opts.Clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]time.Duration, 0, opts.Queries/opts.Clients+1)
			var lerrs, lcut int
			var lfirst string
			for {
				i := next.Add(1) - 1
				if int(i) >= opts.Queries || lctx.Err() != nil {
					break
				}
				q := queries[int(i)%len(queries)]
				t0 := time.Now()
				_, err := e.Search(lctx, q, opts.K)
				d := time.Since(t0)
				if err != nil {
					if lctx.Err() != nil && ctx.Err() == nil {
						lcut++
						continue
					}
					lerrs++
					if lfirst == "" {
						lfirst = err.Error()
					}
					continue
				}
				local = append(local, d)
			}
			mu.Lock()
			lat = append(lat, local...)
			errs += lerrs
			cut += lcut
			if firstErr == "" {
				firstErr = lfirst
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res := LoadResult{Clients: opts.Clients, Queries: len(lat), Errors: errs, FirstError: firstErr, Elapsed: time.Since(start),
		Planned: opts.Queries, CutOff: cut, Stopped: ctx.Err() == nil && len(lat)+errs < opts.Queries}
	res.Median, res.P99, res.Max = Percentile(lat, 50), Percentile(lat, 99), Percentile(lat, 100)
	if res.Elapsed > 0 {
		res.QPS = float64(len(lat)) / res.Elapsed.Seconds()
	}
	return res
}

// Percentile is the p-th percentile (nearest rank) of ds; it sorts ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	rank := int(math.Ceil(p / 100 * float64(len(ds))))
	rank = min(max(rank, 1), len(ds))
	return ds[rank-1]
}

// MedianDuration is the median of ds (the lower middle for even counts).
func MedianDuration(ds []time.Duration) time.Duration {
	c := append([]time.Duration(nil), ds...)
	return Percentile(c, 50)
}

// MedianFloat is the median of xs.
func MedianFloat(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	c := append([]float64(nil), xs...)
	sort.Float64s(c)
	return c[(len(c)-1)/2]
}
