package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
)

// countingLib counts searches and re-indexes, to tell whether a request
// ran its command. A re-index waits for gate, when set, so the test can
// forward the deferral to the fake before the edit follows it.
type countingLib struct {
	Library
	searches, reindexes atomic.Int32
	gate                chan struct{}
}

func (c *countingLib) Search(ctx context.Context, coll library.Collection, q string, o index.SearchOptions) (index.Result, error) {
	c.searches.Add(1)
	return c.Library.Search(ctx, coll, q, o)
}

func (c *countingLib) Reindex(ctx context.Context) (library.Report, error) {
	c.reindexes.Add(1)
	if c.gate != nil {
		<-c.gate
	}
	return c.Library.Reindex(ctx)
}

// httpEndpoint is a bot serving HTTP interactions with a signing key.
type httpEndpoint struct {
	t    *testing.T
	fake *fakediscord.Server
	bot  *Bot
	srv  *httptest.Server
	priv ed25519.PrivateKey
	clk  *clock
}

func startHTTPEndpoint(t *testing.T, lib Library, cfg Config) *httpEndpoint {
	t.Helper()
	fake := fakediscord.New(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{now: time.Unix(1_760_000_000, 0)}
	cfg.Token, cfg.APIBase, cfg.PublicKey, cfg.ClaimRate = "test-token", fake.URL(), hex.EncodeToString(pub), 1000
	b, err := New(cfg, Deps{Library: lib, Now: clk.Now, After: (&timers{}).After})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(b.HTTPHandler())
	t.Cleanup(srv.Close)
	return &httpEndpoint{t: t, fake: fake, bot: b, srv: srv, priv: priv, clk: clk}
}

// signed is a request Discord would send for body.
func (h *httpEndpoint) signed(body []byte) *http.Request {
	stamp := strconv.FormatInt(h.clk.Now().Unix(), 10)
	req, _ := http.NewRequest("POST", h.srv.URL+"/interactions", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", fakediscord.Sign(h.priv, stamp, body))
	return req
}

// forward applies the bot's HTTP answer at the fake, as Discord does.
func (h *httpEndpoint) forward(i *discordgo.Interaction, body string) {
	h.t.Helper()
	url := h.fake.URL() + "/api/v10/interactions/" + i.ID + "/" + i.Token + "/callback"
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bot forwarded-by-test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		h.t.Errorf("the fake refused the bot's response: %s", resp.Status)
	}
}

func (h *httpEndpoint) do(req *http.Request) (int, string) {
	h.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// TestHTTPReplayRefused: a signed interaction sent again within the
// timestamp window is refused with 409 and its command does not run again
// (once three /reindex ran from one captured request). A new interaction
// is served as before, and after the window the replay fails the
// timestamp check.
func TestHTTPReplayRefused(t *testing.T) {
	t.Parallel()
	lib := &countingLib{Library: e2eLibrary(t), gate: make(chan struct{})}
	h := startHTTPEndpoint(t, lib, Config{OperatorGuilds: []string{e2eGuild}})
	bl := fakediscord.SlashCommand("reindex").InGuild(e2eGuild, fakediscord.Member(modUser, permManageGuild))
	i := h.fake.Prepare(bl.Build())
	body := bl.JSON()
	capture := h.signed(body)
	headers := capture.Header.Clone()
	code, resp := h.do(capture)
	if code != 200 {
		t.Fatalf("first delivery: %d %s", code, resp)
	}
	h.forward(i, resp)
	close(lib.gate)
	for i := range 2 {
		req, _ := http.NewRequest("POST", h.srv.URL+"/interactions", bytes.NewReader(body))
		req.Header = headers.Clone()
		if code, resp := h.do(req); code != http.StatusConflict {
			t.Errorf("replay %d: %d %s; want 409", i+1, code, resp)
		}
	}
	h.clk.Add(time.Minute)
	other := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk"))
	oi := h.fake.Prepare(other.Build())
	if code, resp := h.do(h.signed(other.JSON())); code != 200 {
		t.Errorf("a new interaction after the replays: %d %s", code, resp)
	} else {
		h.forward(oi, resp)
	}
	h.clk.Add(10 * time.Minute)
	req, _ := http.NewRequest("POST", h.srv.URL+"/interactions", bytes.NewReader(body))
	req.Header = headers.Clone()
	if code, _ := h.do(req); code != http.StatusUnauthorized {
		t.Errorf("replay after the window: %d; want 401 (stale timestamp)", code)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := h.fake.WaitFor(ctx, func(r fakediscord.Request) bool {
		return r.Operation == "update_original_webhook_message" && r.Params["webhook_token"] == i.Token
	}); err != nil {
		t.Fatalf("the re-index's answer: %v", err)
	}
	if n := lib.reindexes.Load(); n != 1 {
		t.Errorf("/reindex ran %d times from one request; want 1", n)
	}
}

// TestHTTPUnverifiedBodiesBounded: with MaxUnverified bodies being read
// (clients that send headers and then trickle), the next request gets 503
// at once instead of another MaxBodyBytes buffer; once they are gone,
// requests are checked again (a bad signature is a 401).
func TestHTTPUnverifiedBodiesBounded(t *testing.T) {
	t.Parallel()
	const bound = 4
	h := startHTTPEndpoint(t, e2eLibrary(t), Config{MaxUnverified: bound})
	addr := h.srv.Listener.Addr().String()
	var slow []net.Conn
	for range bound {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nX-Signature-Timestamp: 1\r\nX-Signature-Ed25519: 00\r\n\r\n{\"type\":")
		slow = append(slow, c)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(h.bot.unverified) < bound {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d slow bodies being read", len(h.bot.unverified), bound)
		}
		time.Sleep(time.Millisecond) // waiting for the server to accept, not for time to pass
	}
	req := h.signed([]byte(`{"type":1}`))
	if code, body := h.do(req); code != http.StatusServiceUnavailable {
		t.Errorf("request past the bound: %d %s; want 503", code, body)
	}
	for _, c := range slow {
		c.Close()
	}
	for len(h.bot.unverified) > 0 {
		if time.Now().After(deadline) {
			t.Fatal("slow bodies still held after their connections closed")
		}
		time.Sleep(time.Millisecond)
	}
	bad := h.signed([]byte(`{"type":1}`))
	bad.Header.Set("X-Signature-Ed25519", hex.EncodeToString(make([]byte, 64)))
	if code, _ := h.do(bad); code != http.StatusUnauthorized {
		t.Errorf("bad signature after the slow clients left: %d; want 401", code)
	}
}
