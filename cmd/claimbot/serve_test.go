package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// The serve path end to end, in-process through runMain: the bot against
// the fake Discord, the HTTP listener with /healthz, /readyz and /metrics,
// logs as an operator gets them (JSON, debug), and the token nowhere in
// them. onListen is a package variable, so these tests do not run in
// parallel with each other.

// syncBuffer is a log destination safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serving is one claimbot serve process run in-process.
type serving struct {
	t    *testing.T
	ctx  context.Context
	stop context.CancelFunc
	addr string
	logs *syncBuffer
	done chan int
}

const serveToken = "MTIzNDU2Nzg5MDEy.serve-path.Zm9vYmFyYmF6cXV4"

func startServe(t *testing.T, env map[string]string) *serving {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	addrc := make(chan string, 1)
	onListen = func(a string) { addrc <- a }
	s := &serving{t: t, ctx: ctx, stop: cancel, logs: &syncBuffer{}, done: make(chan int, 1)}
	runCtx, stopRun := context.WithCancel(ctx)
	s.stop = stopRun
	go func() {
		s.done <- runMain(runCtx, []string{"serve"}, func(k string) string { return env[k] }, strings.NewReader(""), io.Discard, s.logs)
	}()
	t.Cleanup(func() {
		stopRun()
		select {
		case <-s.done:
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
		cancel()
		onListen = nil
	})
	select {
	case s.addr = <-addrc:
	case code := <-s.done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, s.logs.String())
	case <-ctx.Done():
		t.Fatal("no HTTP listener")
	}
	return s
}

// get fetches a path from the listener.
func (s *serving) get(path string) (int, string) {
	s.t.Helper()
	req, _ := http.NewRequestWithContext(s.ctx, "GET", "http://"+s.addr+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// eventually polls cond until it holds; bounded by the test's context
// (a wait for an asynchronous state, not a timing assertion).
func (s *serving) eventually(what string, cond func() bool) {
	s.t.Helper()
	for !cond() {
		select {
		case <-s.ctx.Done():
			s.t.Fatalf("never: %s\n%s", what, s.logs.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// finish stops serve and checks the exit status and the logs.
func (s *serving) finish() []map[string]any {
	s.t.Helper()
	s.stop()
	if code := <-s.done; code != 0 {
		s.t.Errorf("exit status %d\n%s", code, s.logs.String())
	}
	s.done <- 0 // for the cleanup
	out := s.logs.String()
	if strings.Contains(out, serveToken) {
		s.t.Errorf("the token appears in the logs")
	}
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			s.t.Errorf("log line is not JSON: %q", sc.Text())
			continue
		}
		lines = append(lines, m)
	}
	return lines
}

// interactionLines are the per-interaction log lines.
func interactionLines(lines []map[string]any) []map[string]any {
	var out []map[string]any
	for _, l := range lines {
		if l["msg"] == "interaction" {
			out = append(out, l)
		}
	}
	return out
}

func TestServeGatewayOperates(t *testing.T) {
	fake := fakediscord.New(t)
	s := startServe(t, map[string]string{
		"CLAIMBOT_DATA": t.TempDir(), "DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": fakediscord.DefaultGuildID, "HTTP_ADDR": "127.0.0.1:0",
		"CLAIMBOT_LOG_LEVEL": "debug", "CLAIMBOT_LOG_FORMAT": "json",
	})
	if code, body := s.get("/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	if err := fake.WaitReady(s.ctx); err != nil {
		t.Fatal(err)
	}
	s.eventually("/readyz 200", func() bool { code, _ := s.get("/readyz"); return code == 200 })
	_, ready := s.get("/readyz")
	mustHave(t, ready, "index: ok", "discord: ok")

	claim := fake.Interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk")).Locale("de").Build())
	if _, err := fake.WaitFor(s.ctx, func(r fakediscord.Request) bool {
		return r.Operation == "create_interaction_response" && r.Params["interaction_token"] == claim.Token
	}); err != nil {
		t.Fatal(err)
	}
	// The gateway drops; the bot resumes and answers again.
	fake.DropGateway()
	if err := fake.WaitResumed(s.ctx); err != nil {
		t.Fatal(err)
	}
	stats := fake.Interact(fakediscord.SlashCommand("stats").Build())
	if _, err := fake.WaitFor(s.ctx, func(r fakediscord.Request) bool {
		return r.Operation == "create_interaction_response" && r.Params["interaction_token"] == stats.Token
	}); err != nil {
		t.Fatal(err)
	}
	s.eventually("both interactions counted", func() bool {
		_, m := s.get("/metrics")
		return strings.Contains(m, `claimbot_interactions_total{command="claim",kind="command",outcome="ok"} 1`) &&
			strings.Contains(m, `claimbot_interactions_total{command="stats",kind="command",outcome="ok"} 1`)
	})
	_, metrics := s.get("/metrics")
	mustHave(t, metrics,
		"claimbot_index_articles 5",
		"claimbot_index_passages ",
		"claimbot_index_age_seconds ",
		`claimbot_searches_total{outcome="ok"} 1`,
		`claimbot_interaction_first_response_seconds_bucket{command="claim",le="3"} 1`,
		`claimbot_interaction_answer_seconds_count{command="claim"} 1`,
		`claimbot_discord_rest_requests_total{method="POST",route="/interactions/{id}/{token}/callback",status="204"}`,
		`claimbot_discord_rest_requests_total{method="PUT",route="/applications/{id}/guilds/{id}/commands",status="200"}`,
		`claimbot_gateway_events_total{event="ready"} 1`,
		"go_goroutines ",
		"process_resident_memory_bytes ",
	)
	if strings.Contains(metrics, claim.Token) {
		t.Error("an interaction token is a metric label")
	}

	lines := s.finish()
	for _, tok := range []string{claim.Token, stats.Token} {
		if strings.Contains(s.logs.String(), tok) {
			t.Error("an interaction token appears in the logs")
		}
	}
	got := interactionLines(lines)
	if len(got) != 2 {
		t.Fatalf("%d interaction log lines; want one per interaction", len(got))
	}
	for _, l := range got {
		for _, k := range []string{"command", "guild", "latency_ms", "first_response_ms", "outcome", "deferred"} {
			if _, ok := l[k]; !ok {
				t.Errorf("interaction log line without %q: %v", k, l)
			}
		}
		if l["outcome"] != "ok" || l["guild"] != fakediscord.DefaultGuildID {
			t.Errorf("interaction log line %v", l)
		}
	}
	discordgoLines := 0
	for _, l := range lines {
		if l["source"] == "discordgo" {
			discordgoLines++
		}
	}
	if discordgoLines == 0 {
		t.Error("no discordgo log lines routed into slog")
	}
}

func TestServeHTTPInteractionsOperates(t *testing.T) {
	fake := fakediscord.New(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{
		"CLAIMBOT_DATA": t.TempDir(), "DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL(),
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "HTTP_ADDR": "127.0.0.1:0",
		"CLAIMBOT_LOG_LEVEL": "debug", "CLAIMBOT_LOG_FORMAT": "json",
	})
	s.eventually("/readyz 200", func() bool { code, _ := s.get("/readyz"); return code == 200 })
	post := func(body []byte) (int, string) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequestWithContext(s.ctx, "POST", "http://"+s.addr+"/interactions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", fakediscord.Sign(priv, ts, body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	if code, body := post(fakediscord.Ping().JSON()); code != 200 || strings.TrimSpace(body) != `{"type":1}` {
		t.Errorf("PING = %d %s", code, body)
	}
	bl := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk"))
	fake.Prepare(bl.Build())
	code, body := post(bl.JSON())
	if code != 200 || !strings.Contains(body, "Minenr") {
		t.Errorf("/claim = %d %s", code, body)
	}
	if code, _ := post([]byte(`{"type":2,"data":`)); code != 400 {
		t.Errorf("malformed JSON = %d; want 400", code)
	}
	s.eventually("the claim counted", func() bool {
		_, m := s.get("/metrics")
		return strings.Contains(m, `claimbot_interactions_total{command="claim",kind="command",outcome="ok"} 1`)
	})
	got := interactionLines(s.finish())
	if len(got) != 1 || got[0]["command"] != "claim" || got[0]["outcome"] != "ok" {
		t.Errorf("interaction log lines %v", got)
	}
}

// TestStartupErrorsAreOneLine: a missing or malformed setting is one line
// on stderr naming the key and what is expected, exit status 2, and
// nothing was opened or contacted.
func TestStartupErrorsAreOneLine(t *testing.T) {
	fake := fakediscord.New(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	key := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		env  map[string]string
		key  string
	}{
		{"serve without a token", map[string]string{"DISCORD_TOKEN": ""}, "DISCORD_TOKEN"},
		{"malformed token", map[string]string{"DISCORD_TOKEN": "abc def"}, "DISCORD_TOKEN"},
		{"guild ID", map[string]string{"DISCORD_GUILD_ID": "my-server"}, "DISCORD_GUILD_ID"},
		{"alert channel", map[string]string{"ALERT_CHANNEL_ID": "#alerts"}, "ALERT_CHANNEL_ID"},
		{"public key", map[string]string{"DISCORD_PUBLIC_KEY": "xyz", "HTTP_ADDR": ":0"}, "DISCORD_PUBLIC_KEY"},
		{"public key without address", map[string]string{"DISCORD_PUBLIC_KEY": key}, "HTTP_ADDR"},
		{"address", map[string]string{"HTTP_ADDR": "localhost"}, "HTTP_ADDR"},
		{"address in use", map[string]string{"HTTP_ADDR": busy.Addr().String()}, "HTTP_ADDR"},
		{"API base", map[string]string{"DISCORD_API_BASE": "discord.com"}, "DISCORD_API_BASE"},
		{"log level", map[string]string{"CLAIMBOT_LOG_LEVEL": "verbose"}, "CLAIMBOT_LOG_LEVEL"},
		{"log format", map[string]string{"CLAIMBOT_LOG_FORMAT": "xml"}, "CLAIMBOT_LOG_FORMAT"},
		{"claim rate", map[string]string{"CLAIMBOT_CLAIM_RATE": "lots"}, "CLAIMBOT_CLAIM_RATE"},
		{"feed interval", map[string]string{"CLAIMBOT_FEED_INTERVAL": "5s"}, "CLAIMBOT_FEED_INTERVAL"},
		{"database URL", map[string]string{"CLAIMBOT_DATABASE_URL": "postgres://claimbot:pw-s3cr3t@%zz/db"}, "CLAIMBOT_DATABASE_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			env := map[string]string{"CLAIMBOT_DATA": data, "DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL()}
			for k, v := range tt.env {
				env[k] = v
			}
			var stdout, stderr bytes.Buffer
			code := runMain(context.Background(), []string{"serve"}, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
			if code != 2 {
				t.Errorf("exit status %d; want 2", code)
			}
			lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "claimbot: "+tt.key+": ") {
				t.Errorf("stderr = %q; want one line naming %s", stderr.String(), tt.key)
			}
			if strings.Contains(stderr.String(), serveToken) || strings.Contains(stderr.String(), "pw-s3cr3t") {
				t.Error("a secret is in the error")
			}
			if _, err := os.Stat(data); err == nil {
				t.Error("the data directory was created")
			}
		})
	}
	if n := len(fake.Requests()); n != 0 {
		t.Errorf("%d requests reached Discord; want none", n)
	}
}

func mustHave(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

// TestServePollsOperatorFeeds: the feed poller cmd builds runs inside the
// served bot: a feed the operators subscribed on the command line is
// polled at start, its article goes to the base and its contradiction is
// posted in the alert channel, and the poll is counted.
func TestServePollsOperatorFeeds(t *testing.T) {
	srv := newsServer(t)
	data := t.TempDir()
	env := map[string]string{"CLAIMBOT_DATA": data, "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1"}
	if out, _, err := runCLI(t, env, "feeds", "add", srv.URL+"/feeds/welt.xml"); err != nil {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	fake := fakediscord.New(t)
	const alerts = "1290000000000000777"
	s := startServe(t, map[string]string{
		"CLAIMBOT_DATA": data, "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1", "DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": fakediscord.DefaultGuildID, "ALERT_CHANNEL_ID": alerts, "HTTP_ADDR": "127.0.0.1:0", "CLAIMBOT_LOG_FORMAT": "json",
	})
	r, err := fake.WaitFor(s.ctx, func(r fakediscord.Request) bool {
		return r.Operation == "create_message" && r.Params["channel_id"] == alerts
	})
	if err != nil {
		t.Fatalf("no alert from the operator feed: %v\n%s", err, s.logs.String())
	}
	mustHave(t, string(r.Body), "Abendpost Test", "3.000", "15.000")
	s.eventually("the poll counted", func() bool {
		_, m := s.get("/metrics")
		return strings.Contains(m, `claimbot_feed_polls_total{result="ok"} 1`)
	})
	s.finish()
	out, _, err := runCLI(t, map[string]string{"CLAIMBOT_DATA": data}, "search", "Abendpost Pentagon Nordkoreaner")
	if err != nil || !strings.Contains(out, "Abendpost Test") {
		t.Errorf("the feed's article is not in the base: %v\n%s", err, out)
	}
}
