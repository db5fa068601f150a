package bench

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/library"
)

// ClaimE2E drives /claim through the bot's HTTP-interactions endpoint on
// loopback, as Discord would: a signed interaction is POSTed, and the
// answer is the HTTP response, or, when the bot defers, its edit of the
// original response sent over REST to a local stand-in for Discord's API.
// The latency of one Search is until the answer, either way. It implements
// Engine so the load harness drives it like the search engines.
type ClaimE2E struct {
	lib    *library.Library
	bot    *bot.Bot
	priv   ed25519.PrivateKey
	srv    *http.Server
	api    *http.Server
	url    string
	client *http.Client

	deferred atomic.Int64
	// deferWait bounds the wait for the REST edit of a deferred answer
	// (nanoseconds; atomic because the warm-up changes it).
	deferWait atomic.Int64

	mu      sync.Mutex
	waiting map[string]chan struct{} // interaction token → answered over REST
	// firsts are the times to the HTTP response of each /claim: the answer
	// or the deferral, whichever came. Discord's 3-second deadline is on
	// this response; a deferred answer follows later as a REST edit.
	firsts []time.Duration
}

// takeFirsts returns the first-response times since the last call.
func (e *ClaimE2E) takeFirsts() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := e.firsts
	e.firsts = nil
	return out
}

const e2eAppID = "1300000000000000001"

// e2eSeq numbers the interactions of every ClaimE2E in the process, so two
// instances on one state store never send the same interaction ID (the
// second would be refused as a replay).
var e2eSeq atomic.Int64

// StartClaimE2E opens the library on dataDir (its index/ must have been
// built by the caller, so nothing is re-indexed here) and serves the bot's
// interactions endpoint and a REST stand-in on 127.0.0.1.
func StartClaimE2E(ctx context.Context, dataDir string, corpus string, clients int, log *slog.Logger) (*ClaimE2E, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	lib, err := library.Open(ctx, library.Config{DataDir: dataDir, Articles: os.DirFS(corpus), ArticlesLabel: corpus,
		Logger: log, LockTimeout: 5 * time.Second})
	if err != nil {
		return nil, err
	}
	return ServeClaimE2E(lib, nil, clients, log)
}

// ServeClaimE2E serves the bot's interactions endpoint over lib (which it
// closes with the rest) and a REST stand-in on 127.0.0.1; st is the bot's
// state store (nil: in memory).
func ServeClaimE2E(lib *library.Library, st bot.Store, clients int, log *slog.Logger) (*ClaimE2E, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &ClaimE2E{lib: lib, waiting: map[string]chan struct{}{}}
	e.deferWait.Store(int64(time.Minute))
	fail := func(err error) (*ClaimE2E, error) {
		e.Close()
		return nil, err
	}
	apiLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail(err)
	}
	e.api = &http.Server{Handler: http.HandlerFunc(e.serveAPI), ReadHeaderTimeout: 10 * time.Second}
	go e.api.Serve(apiLn)

	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return fail(err)
	}
	e.priv = priv
	e.bot, err = bot.New(bot.Config{
		Token: "claimbench-token", AppID: e2eAppID, PublicKey: hex.EncodeToString(pub),
		APIBase: "http://" + apiLn.Addr().String(),
		// Every simulated user is a different person; the per-user rate
		// limit would otherwise refuse the load instead of measuring it.
		ClaimRate: 1 << 30, ClaimWindow: time.Second,
	}, bot.Deps{Library: lib, Store: st, Logger: log})
	if err != nil {
		return fail(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail(err)
	}
	e.srv = &http.Server{Handler: e.bot.HTTPHandler(), ReadHeaderTimeout: 10 * time.Second}
	go e.srv.Serve(ln)
	e.url = "http://" + ln.Addr().String() + "/interactions"
	e.client = &http.Client{Transport: &http.Transport{MaxIdleConns: clients + 8, MaxIdleConnsPerHost: clients + 8}}
	return e, nil
}

// serveAPI stands in for Discord's REST API: it accepts everything and
// marks webhook edits and follow-ups of deferred interactions as answered.
func (e *ClaimE2E) serveAPI(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	if i := strings.Index(r.URL.Path, "/webhooks/"+e2eAppID+"/"); i >= 0 {
		rest := r.URL.Path[i+len("/webhooks/"+e2eAppID+"/"):]
		token, _, _ := strings.Cut(rest, "/")
		e.mu.Lock()
		if ch, ok := e.waiting[token]; ok {
			close(ch)
			delete(e.waiting, token)
		}
		e.mu.Unlock()
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"id":"1300000000000000009","channel_id":"1300000000000000200","content":"","type":0}`))
}

// Name implements Engine.
func (e *ClaimE2E) Name() string { return "/claim e2e" }

// Deferred is how many answers came as a deferral plus a REST edit.
func (e *ClaimE2E) Deferred() int64 { return e.deferred.Load() }

// Search implements Engine: one /claim with query, answered by the bot.
func (e *ClaimE2E) Search(ctx context.Context, query string, k int) ([]string, error) {
	n := e2eSeq.Add(1)
	id := strconv.FormatInt(1300000000000100000+n, 10)
	token := "claimbench-" + id
	user := strconv.FormatInt(1300000000000200000+n%100000, 10)
	body, err := json.Marshal(map[string]any{
		"id": id, "application_id": e2eAppID, "type": discordgo.InteractionApplicationCommand, "token": token, "version": 1,
		"guild_id": "1300000000000000100", "channel_id": "1300000000000000200", "locale": "de", "guild_locale": "de",
		"app_permissions": "2147534848", "entitlements": []any{},
		"channel": map[string]any{"id": "1300000000000000200", "type": 0, "name": "general", "guild_id": "1300000000000000100"},
		"member": map[string]any{
			"user":        map[string]any{"id": user, "username": "bench" + user[len(user)-4:], "discriminator": "0"},
			"roles":       []string{},
			"joined_at":   "2025-03-01T12:00:00Z",
			"permissions": "2147534848",
		},
		"data": map[string]any{
			"id": "1300000000000000050", "name": "claim", "type": 1,
			"options": []map[string]any{{"name": "query", "type": 3, "value": query}, {"name": "results", "type": 4, "value": k}},
		},
	})
	if err != nil {
		return nil, err
	}
	ch := make(chan struct{})
	e.mu.Lock()
	e.waiting[token] = ch
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		delete(e.waiting, token)
		e.mu.Unlock()
	}()
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, "POST", e.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(e.priv, append([]byte(stamp), body...))))
	sent := time.Now()
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	e.firsts = append(e.firsts, time.Since(sent))
	e.mu.Unlock()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("interactions endpoint: %s: %s", resp.Status, bytes.TrimSpace(data))
	}
	var r struct {
		Type int `json:"type"`
		Data struct {
			Content string `json:"content"`
			Embeds  []struct {
				Title       string `json:"title"`
				Description string `json:"description"`
			} `json:"embeds"`
		} `json:"data"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("interaction response: %w", err)
	}
	switch r.Type {
	case int(discordgo.InteractionResponseChannelMessageWithSource):
		out := []string{r.Data.Content}
		for _, em := range r.Data.Embeds {
			out = append(out, em.Title+"\n"+em.Description)
		}
		return out, nil
	case int(discordgo.InteractionResponseDeferredChannelMessageWithSource):
		e.deferred.Add(1)
		select {
		case <-ch:
			return nil, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(e.deferWait.Load())):
			return nil, fmt.Errorf("deferred /claim: no edit within %s", time.Duration(e.deferWait.Load()))
		}
	default:
		return nil, fmt.Errorf("unexpected interaction response type %d", r.Type)
	}
}

// Close stops the servers and closes the library.
func (e *ClaimE2E) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if e.srv != nil {
		_ = e.srv.Shutdown(ctx)
	}
	if e.api != nil {
		_ = e.api.Shutdown(ctx)
	}
	if e.lib != nil {
		return e.lib.Close()
	}
	return nil
}

// E2EOptions configure one end-to-end measurement in a fresh process.
type E2EOptions struct {
	// DataDir is the library's data directory; DataDir/index must hold a
	// current index of Corpus.
	DataDir, Corpus string
	Queries         []string
	Clients         []int // concurrent levels after the single-client one
	SingleQueries   int
	LevelQueries    int
	LevelTimeout    time.Duration
	// WarmupTimeout bounds the first /claim, which computes what the
	// library caches (every contradiction pair of the corpus).
	WarmupTimeout time.Duration
}

// E2EResult is what the end-to-end process measured.
type E2EResult struct {
	// First is the latency of the first /claim after start.
	First time.Duration `json:"first_ns"`
	// FirstError is set when the first /claim did not answer in time; the
	// levels are then not run.
	FirstError string       `json:"first_error,omitempty"`
	Levels     []LoadResult `json:"levels,omitempty"`
	Deferred   int64        `json:"deferred"`
	PeakRSS    uint64       `json:"peak_rss"`
	RSS        uint64       `json:"rss"`
	GoHeap     uint64       `json:"go_heap"`
	// FirstResponse is, per level, how long the interactions endpoint
	// took to respond (answer or deferral): what Discord's 3-second
	// deadline applies to.
	FirstResponse []FirstResponse `json:"first_response,omitempty"`
	// AnonRSS and FileRSS split the RSS right after the levels (see
	// RSSParts).
	AnonRSS uint64 `json:"anon_rss,omitempty"`
	FileRSS uint64 `json:"file_rss,omitempty"`
}

// FirstResponse summarises the endpoint's response times at one level.
type FirstResponse struct {
	Clients int           `json:"clients"`
	Count   int           `json:"count"`
	P99     time.Duration `json:"p99"`
	Max     time.Duration `json:"max"`
	Over3s  int           `json:"over_3s"`
}

func firstResponse(clients int, ds []time.Duration) FirstResponse {
	fr := FirstResponse{Clients: clients, Count: len(ds)}
	if len(ds) == 0 {
		return fr
	}
	fr.P99 = Percentile(ds, 99)
	for _, d := range ds {
		fr.Max = max(fr.Max, d)
		if d > 3*time.Second {
			fr.Over3s++
		}
	}
	return fr
}

// E2EFunc measures /claim end to end in a fresh process.
type E2EFunc func(ctx context.Context, opts E2EOptions) (E2EResult, error)

// E2EChild is the fresh process's side: it starts the bot on the library,
// sends a first /claim, runs the levels and prints an E2EResult as one JSON
// line to w. When the first /claim does not answer within the warm-up
// timeout it reports that and returns; the caller should then exit the
// process, abandoning the computation still running.
func E2EChild(ctx context.Context, opts E2EOptions, w io.Writer) error {
	maxC := 1
	for _, c := range opts.Clients {
		maxC = max(maxC, c)
	}
	e, err := StartClaimE2E(ctx, opts.DataDir, opts.Corpus, maxC, nil)
	if err != nil {
		return err
	}
	var res E2EResult
	done := make(chan error, 1)
	e.deferWait.Store(int64(opts.WarmupTimeout))
	t0 := time.Now()
	go func() {
		_, err := e.Search(ctx, opts.Queries[0], 5)
		done <- err
	}()
	select {
	case err := <-done:
		res.First = time.Since(t0)
		if err != nil {
			res.FirstError = err.Error()
		}
	case <-time.After(opts.WarmupTimeout):
		res.First = time.Since(t0)
		res.FirstError = fmt.Sprintf("no answer within %s", opts.WarmupTimeout)
	}
	if res.FirstError == "" {
		e.deferWait.Store(int64(time.Minute))
		ResetPeakRSS()
		e.takeFirsts()
		res.Levels = append(res.Levels, Load(ctx, e, opts.Queries, LoadOptions{Clients: 1, Queries: opts.SingleQueries, MaxDuration: opts.LevelTimeout}))
		res.FirstResponse = append(res.FirstResponse, firstResponse(1, e.takeFirsts()))
		for _, c := range opts.Clients {
			res.Levels = append(res.Levels, Load(ctx, e, opts.Queries, LoadOptions{Clients: c, Queries: max(opts.LevelQueries, 2*c), MaxDuration: opts.LevelTimeout}))
			res.FirstResponse = append(res.FirstResponse, firstResponse(c, e.takeFirsts()))
		}
		res.PeakRSS, _ = PeakRSS()
		res.AnonRSS, res.FileRSS = RSSParts()
		res.Deferred = e.Deferred()
		e.Close()
	}
	res.RSS, _ = CurrentRSS()
	res.GoHeap = GoHeap()
	return json.NewEncoder(w).Encode(res)
}

// ExecE2E returns an E2EFunc that runs argv (this program and its e2e
// subcommand) with the options as flags, and kills it when it overruns.
func ExecE2E(argv []string) E2EFunc {
	return func(ctx context.Context, opts E2EOptions) (E2EResult, error) {
		f, err := os.CreateTemp("", "claimbench-e2e-*.txt")
		if err != nil {
			return E2EResult{}, err
		}
		defer os.Remove(f.Name())
		for _, q := range opts.Queries {
			fmt.Fprintln(f, strings.ReplaceAll(q, "\n", " "))
		}
		if err := f.Close(); err != nil {
			return E2EResult{}, err
		}
		clients := make([]string, len(opts.Clients))
		for i, c := range opts.Clients {
			clients[i] = strconv.Itoa(c)
		}
		args := append(append([]string(nil), argv[1:]...), "--data", opts.DataDir, "--corpus", opts.Corpus, "--queries", f.Name(),
			"--clients", strings.Join(clients, ","), "--single", strconv.Itoa(opts.SingleQueries),
			"--level-queries", strconv.Itoa(opts.LevelQueries), "--level-timeout", opts.LevelTimeout.String(),
			"--warmup-timeout", opts.WarmupTimeout.String())
		limit := opts.WarmupTimeout + time.Duration(len(opts.Clients)+1)*(opts.LevelTimeout+30*time.Second) + time.Minute
		cctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		cmd := exec.CommandContext(cctx, argv[0], args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return E2EResult{}, fmt.Errorf("e2e process: %v: %s", err, strings.TrimSpace(lastLines(stderr.String(), 5)))
		}
		var res E2EResult
		if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &res); err != nil {
			return E2EResult{}, fmt.Errorf("e2e output %q: %w", stdout.String(), err)
		}
		return res, nil
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
