package bot_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/ops"
)

// The load benchmark: /claim interactions from many concurrent clients
// through the HTTP-interactions endpoint on loopback, with signed
// requests, the real library on the seed corpus, Prometheus metrics on,
// and the bot's REST calls (edits after a deferral) going to a no-op
// server. It reports errors (must be 0), latency percentiles and memory
// before and after.
//
//	go test -run XXX -bench BenchmarkLoad -benchtime 1x ./bot/
//
// TestLoadSmoke runs the same harness small, in go test ./..., so the
// benchmark cannot rot; it asserts no errors and nothing about time.

const (
	loadRequests = 10000
	loadClients  = 128
	// Memory bounds: live heap (after GC) and resident set may grow by at
	// most this much over a run.
	loadHeapBound = 50 << 20
	loadRSSBound  = 50 << 20
)

var loadQueries = []string{
	"Minenräumer Kursk", "100.000 Soldaten", "laut Bloomberg Nordkorea", "Schoigu Pjöngjang",
	"Kim Jong-un Putin", "nordkoreanische Soldaten Front", "Freiwillige Ukraine", "Todeskommando",
	"Militärhilfe Russland", "Kursk 5.000 Soldaten", "Geheimdienst Südkorea", "Wie viele Soldaten schickt Nordkorea?",
}

type loadResult struct {
	requests, errors, deferred int
	latencies                  []time.Duration
	took                       time.Duration
	restCalls                  int64
	firstErr                   string
	counted                    float64 // claimbot_interactions_total for claim/ok
}

type loadRig struct {
	srv     *httptest.Server
	noop    *httptest.Server
	priv    ed25519.PrivateKey
	metrics *ops.Metrics
	rest    *atomic.Int64
	client  *http.Client
}

func newLoadRig(tb testing.TB) *loadRig {
	tb.Helper()
	lib, err := library.Open(context.Background(), library.Config{DataDir: tb.TempDir()}) // the embedded seeds
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { lib.Close() })
	rest := &atomic.Int64{}
	noop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1290000000000000999","channel_id":"1290000000000000998"}`)
	}))
	tb.Cleanup(noop.Close)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		tb.Fatal(err)
	}
	m := ops.New(ops.Options{})
	m.WatchLibrary(lib.IndexStats)
	b, err := bot.New(bot.Config{
		Token: "load-test-token-not-a-secret", APIBase: noop.URL, PublicKey: hex.EncodeToString(pub),
		ClaimRate: 1 << 30, // the per-user limit is not what is measured
	}, bot.Deps{Library: lib, Metrics: m})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(b.HTTPHandler())
	tb.Cleanup(srv.Close)
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: loadClients * 2, MaxIdleConnsPerHost: loadClients * 2, IdleConnTimeout: time.Minute},
	}
	tb.Cleanup(client.CloseIdleConnections)
	return &loadRig{srv: srv, noop: noop, priv: priv, metrics: m, rest: rest, client: client}
}

// bodies builds n signed /claim requests up front, so the clients measure
// the bot, not their own signing.
func (r *loadRig) bodies(n int) [][2][]byte {
	out := make([][2][]byte, n)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	for i := range out {
		user := fmt.Sprintf("129000000000%07d", i%1000)
		bl := fakediscord.SlashCommand("claim", fakediscord.Opt("query", loadQueries[i%len(loadQueries)])).
			InGuild(fakediscord.DefaultGuildID, fakediscord.Member(user, fakediscord.DefaultPermissions))
		body := bl.JSON()
		out[i] = [2][]byte{body, []byte(fakediscord.Sign(r.priv, ts, body) + "|" + ts)}
	}
	return out
}

func (r *loadRig) run(n, clients int) loadResult {
	reqs := r.bodies(n)
	var (
		next   atomic.Int64
		mu     sync.Mutex
		res    = loadResult{requests: n, latencies: make([]time.Duration, 0, n)}
		wg     sync.WaitGroup
		before = r.rest.Load()
	)
	fail := func(msg string) {
		mu.Lock()
		res.errors++
		if res.firstErr == "" {
			res.firstErr = msg
		}
		mu.Unlock()
	}
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				body := reqs[i][0]
				sig, ts, _ := strings.Cut(string(reqs[i][1]), "|")
				req, _ := http.NewRequest("POST", r.srv.URL+"/interactions", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Signature-Ed25519", sig)
				req.Header.Set("X-Signature-Timestamp", ts)
				t0 := time.Now()
				resp, err := r.client.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				data, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				if err != nil || resp.StatusCode != 200 {
					fail(fmt.Sprintf("status %d: %s", resp.StatusCode, data))
					continue
				}
				var ir struct {
					Type int `json:"type"`
					Data struct {
						Content string            `json:"content"`
						Embeds  []json.RawMessage `json:"embeds"`
					} `json:"data"`
				}
				err = json.Unmarshal(data, &ir)
				answered := ir.Type == 5 || ir.Type == 4 && (len(ir.Data.Embeds) > 0 || ir.Data.Content != "")
				if err != nil || !answered {
					fail(fmt.Sprintf("unexpected answer: %.200s", data))
					continue
				}
				mu.Lock()
				res.latencies = append(res.latencies, d)
				if ir.Type == 5 {
					res.deferred++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.took = time.Since(start)
	res.restCalls = r.rest.Load() - before
	res.counted = r.counted()
	return res
}

// counted reads claimbot_interactions_total for answered claims from the
// bot's own metrics.
func (r *loadRig) counted() float64 {
	rec := httptest.NewRecorder()
	r.metrics.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, `claimbot_interactions_total{command="claim",kind="command",outcome="ok"} `); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

// memory is the live heap after a collection and the resident set.
type memory struct{ heap, rss uint64 }

func measure() memory {
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return memory{heap: ms.HeapAlloc, rss: rss()}
}

// rss reads VmRSS from /proc (Linux); 0 elsewhere.
func rss() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

func BenchmarkLoad(b *testing.B) {
	rig := newLoadRig(b)
	rig.run(200, 16) // warm up: index caches, connections
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		before := measure()
		b.StartTimer()
		res := rig.run(loadRequests, loadClients)
		b.StopTimer()
		after := measure()
		slices.Sort(res.latencies)
		heapGrowth := int64(after.heap) - int64(before.heap)
		rssGrowth := int64(after.rss) - int64(before.rss)
		heapOK, rssOK := heapGrowth < loadHeapBound, rssGrowth < loadRSSBound
		b.ReportMetric(float64(res.errors), "errors")
		b.ReportMetric(float64(percentile(res.latencies, .5).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(percentile(res.latencies, .99).Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(res.requests)/res.took.Seconds(), "req/s")
		b.ReportMetric(mb(heapGrowth), "heap-growth-MB")
		b.ReportMetric(mb(rssGrowth), "rss-growth-MB")
		fmt.Fprintf(os.Stderr, "load: %d /claim at %d clients in %s (%.0f req/s): errors %d, deferred %d, REST calls %d, counted %v\n",
			res.requests, loadClients, res.took.Round(time.Millisecond), float64(res.requests)/res.took.Seconds(),
			res.errors, res.deferred, res.restCalls, res.counted)
		fmt.Fprintf(os.Stderr, "load: latency p50 %s, p90 %s, p99 %s, max %s\n",
			percentile(res.latencies, .5).Round(10*time.Microsecond), percentile(res.latencies, .9).Round(10*time.Microsecond),
			percentile(res.latencies, .99).Round(10*time.Microsecond), percentile(res.latencies, 1).Round(10*time.Microsecond))
		fmt.Fprintf(os.Stderr, "load: heap %.1f MB → %.1f MB (growth %.1f MB, bound < %d MB: %s); RSS %.1f MB → %.1f MB (growth %.1f MB, bound < %d MB: %s)\n",
			mb(int64(before.heap)), mb(int64(after.heap)), mb(heapGrowth), loadHeapBound>>20, holds(heapOK),
			mb(int64(before.rss)), mb(int64(after.rss)), mb(rssGrowth), loadRSSBound>>20, holds(rssOK))
		if res.errors != 0 {
			b.Errorf("%d errors; first: %s", res.errors, res.firstErr)
		}
		if !heapOK || !rssOK {
			b.Errorf("memory bound exceeded")
		}
		b.StartTimer()
	}
}

func holds(ok bool) string {
	if ok {
		return "holds"
	}
	return "EXCEEDED"
}

// TestLoadSmoke is the benchmark's harness, small: every request answered.
func TestLoadSmoke(t *testing.T) {
	t.Parallel()
	rig := newLoadRig(t)
	const n = 300
	res := rig.run(n, 16)
	if res.errors != 0 {
		t.Fatalf("%d errors; first: %s", res.errors, res.firstErr)
	}
	if len(res.latencies) != n {
		t.Errorf("%d answers; want %d", len(res.latencies), n)
	}
	// Every answer is counted once the handler has returned; the HTTP
	// response is written before that, so the count may lag by requests
	// still finishing: it is never more than n.
	if res.counted > n {
		t.Errorf("metrics count %v claims; want at most %d", res.counted, n)
	}
}
