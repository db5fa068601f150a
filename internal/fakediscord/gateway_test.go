package fakediscord_test

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// wsClient speaks the gateway protocol by hand, to test the fake's side of
// it without discordgo's one-second Close.
type wsClient struct {
	t  *testing.T
	ws *websocket.Conn
}

type payload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

func dialGateway(t *testing.T, fake *fakediscord.Server, version string) *wsClient {
	t.Helper()
	resp, err := http.Get(fake.URL() + "/api/v" + version + "/gateway")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var g struct{ URL string }
	if err := json.NewDecoder(resp.Body).Decode(&g); err != nil {
		t.Fatal(err)
	}
	ws, _, err := websocket.DefaultDialer.Dial(g.URL+"/?v="+version+"&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return &wsClient{t: t, ws: ws}
}

func (c *wsClient) send(op int, d any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		c.t.Fatal(err)
	}
}

// read returns the next payload, inflating zlib binary frames as discordgo
// does.
func (c *wsClient) read() payload {
	c.t.Helper()
	_ = c.ws.SetReadDeadline(time.Now().Add(10 * time.Second)) // a bound, not a sleep
	typ, data, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	if typ == websocket.BinaryMessage {
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			c.t.Fatal(err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			c.t.Fatal(err)
		}
	}
	var p payload
	if err := json.Unmarshal(data, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

func (c *wsClient) expectDispatch(name string, seq int64) payload {
	c.t.Helper()
	p := c.read()
	if p.Op != 0 || p.T == nil || *p.T != name || p.S == nil || *p.S != seq {
		c.t.Fatalf("got op %d t %v s %v, want DISPATCH %s seq %d", p.Op, deref(p.T), deref(p.S), name, seq)
	}
	return p
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func identify(compress bool) map[string]any {
	return map[string]any{
		"token": "Bot test-token", "intents": 1, "compress": compress,
		"properties": map[string]string{"os": "linux", "browser": "test", "device": "test"},
	}
}

// TestGatewayProtocol walks HELLO, heartbeat, IDENTIFY/READY (with an
// event dispatched before READY), sequence numbers, a refused RESUME and a
// good one with replay — on API v10 with zlib compression.
func TestGatewayProtocol(t *testing.T) {
	fake := fakediscord.New(t)
	fake.Dispatch("CUSTOM_EARLY", map[string]string{"when": "before READY"})

	c := dialGateway(t, fake, "10")
	hello := c.read()
	var h struct {
		HeartbeatInterval int `json:"heartbeat_interval"`
	}
	if err := json.Unmarshal(hello.D, &h); hello.Op != 10 || err != nil || h.HeartbeatInterval <= 0 {
		t.Fatalf("first payload op %d %s, want HELLO", hello.Op, hello.D)
	}
	c.send(1, nil)
	if ack := c.read(); ack.Op != 11 {
		t.Fatalf("heartbeat answered with op %d", ack.Op)
	}

	c.send(2, identify(true))
	ready := c.expectDispatch("READY", 1)
	var r struct {
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
		V                int    `json:"v"`
		User             struct{ ID string }
		Application      struct{ ID string }
	}
	if err := json.Unmarshal(ready.D, &r); err != nil || r.SessionID == "" || r.V != 10 ||
		r.User.ID != fake.BotUserID() || r.Application.ID != fake.AppID() || r.ResumeGatewayURL == "" {
		t.Fatalf("READY = %s", ready.D)
	}
	c.expectDispatch("GUILD_CREATE", 2) // intents include GUILDS
	c.expectDispatch("CUSTOM_EARLY", 3)
	if err := fake.WaitReady(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	fake.Dispatch("CUSTOM_LIVE", map[string]int{"n": 4})
	c.expectDispatch("CUSTOM_LIVE", 4)

	fake.DropGateway()
	fake.Dispatch("CUSTOM_MISSED", map[string]int{"n": 5})

	bad := dialGateway(t, fake, "10")
	bad.read() // HELLO
	bad.send(6, map[string]any{"token": "Bot test-token", "session_id": "someone-else", "seq": 4})
	if p := bad.read(); p.Op != 9 || string(p.D) != "false" {
		t.Fatalf("resume of an unknown session got op %d %s, want INVALID_SESSION false", p.Op, p.D)
	}

	good := dialGateway(t, fake, "10")
	good.read() // HELLO
	good.send(6, map[string]any{"token": "Bot test-token", "session_id": r.SessionID, "seq": 4})
	good.expectDispatch("CUSTOM_MISSED", 5)
	good.expectDispatch("RESUMED", 6)
	if err := fake.WaitResumed(testCtx(t)); err != nil {
		t.Fatal(err)
	}
}

// TestGatewayRefusals: payloads Discord closes the connection for.
func TestGatewayRefusals(t *testing.T) {
	tests := []struct {
		name     string
		op       int
		d        any
		wantCode int
	}{
		{"privileged intents", 2, map[string]any{"token": "Bot x", "intents": 1<<1 | 1<<8, "properties": map[string]string{}}, 4014},
		{"identify without token", 2, map[string]any{"token": "", "intents": 1, "properties": map[string]string{}}, 4004},
		{"identify without intents", 2, map[string]any{"token": "Bot x", "properties": map[string]string{}}, 4013},
		{"presence before identify", 3, map[string]any{"status": "online"}, 4003},
		{"unknown opcode", 42, nil, 4001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakediscord.New(t, fakediscord.CollectViolations())
			c := dialGateway(t, fake, "9")
			c.read() // HELLO
			c.send(tt.op, tt.d)
			_ = c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
			_, _, err := c.ws.ReadMessage()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.wantCode {
				t.Fatalf("err = %v, want close %d", err, tt.wantCode)
			}
			if len(fake.Violations()) != 1 {
				t.Errorf("violations = %v, want one", fake.Violations())
			}
		})
	}
}
