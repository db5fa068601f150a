package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// End-to-end tests: the real bot (discordgo session, gateway, REST) against
// the in-process fake Discord, which validates every request against
// Discord's OpenAPI document. Waits are bounded by a context; nothing
// sleeps and no assertion depends on timing: deferral is forced with the
// injected timer and a gated library.

const (
	e2eGuild   = fakediscord.DefaultGuildID
	e2eChannel = fakediscord.DefaultChannelID
	e2eAlerts  = "1290000000000000777"
	e2eUser    = fakediscord.DefaultUserID
	modUser    = "1290000000000000301"
)

// gatedLib holds searches while a gate is set, to make a search slow
// without sleeping.
type gatedLib struct {
	Library
	mu   sync.Mutex
	gate chan struct{}
}

func (g *gatedLib) hold() chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gate = make(chan struct{})
	return g.gate
}

func (g *gatedLib) Search(ctx context.Context, c library.Collection, q string, o index.SearchOptions) (index.Result, error) {
	g.mu.Lock()
	gate := g.gate
	g.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return index.Result{}, ctx.Err()
		}
	}
	return g.Library.Search(ctx, c, q, o)
}

type e2e struct {
	t      *testing.T
	ctx    context.Context
	fake   *fakediscord.Server
	bot    *Bot
	lib    *gatedLib
	store  Store
	clock  *clock
	timers *timers
	logs   *syncBuffer
}

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

const e2eToken = "test-token.not-a-secret"

// startE2E runs a bot in gateway mode against a fresh fake Discord.
func startE2E(t *testing.T, lib Library, store Store, cfg Config) *e2e {
	t.Helper()
	return startE2EWithMetrics(t, lib, store, cfg, nil)
}

// startE2EWithMetrics is startE2E with a Metrics (set before the bot runs).
func startE2EWithMetrics(t *testing.T, lib Library, store Store, cfg Config, m Metrics) *e2e {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	e := &e2e{t: t, ctx: ctx, fake: fakediscord.New(t), lib: &gatedLib{Library: lib}, store: store,
		clock: &clock{now: time.Now()}, timers: &timers{only: 1500 * time.Millisecond}, logs: &syncBuffer{}}
	cfg.Token = e2eToken
	cfg.APIBase = e.fake.URL()
	cfg.ClaimRate = 1000
	if cfg.OperatorGuilds == nil {
		// The home guild runs the operators' commands (/reindex); the
		// tenancy tests (e2e_tenancy_test.go) set up guilds of their own.
		cfg.OperatorGuilds = []string{e2eGuild}
	}
	if cfg.AlertChannelID == "" {
		cfg.AlertChannelID = e2eAlerts
	}
	logger := slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, Deps{Library: e.lib, Store: store, Now: e.clock.Now, After: e.timers.After, Logger: logger, Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	e.bot = b
	// REST retries back off without sleeping; e.retries counts them.
	b.ops.retry.wait = func(context.Context, time.Duration) error { return nil }
	done := make(chan error, 1)
	go func() { done <- b.RunGateway(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunGateway: %v", err)
		}
	})
	if err := e.fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	return e
}

// interact sends an interaction and waits for the bot's first response.
func (e *e2e) interact(b *fakediscord.Builder) (*discordgo.Interaction, wireResponse) {
	e.t.Helper()
	i := e.fake.Interact(b.Build())
	return i, e.callback(i)
}

func (e *e2e) callback(i *discordgo.Interaction) wireResponse {
	e.t.Helper()
	r := e.wait(i.Token, "create_interaction_response")
	var w wireResponse
	if err := r.Decode(&w); err != nil {
		e.t.Fatalf("decode callback: %v", err)
	}
	return w
}

// wait returns the first request of an operation for an interaction token.
func (e *e2e) wait(token, op string) fakediscord.Request {
	e.t.Helper()
	r, err := e.fake.WaitFor(e.ctx, func(r fakediscord.Request) bool {
		return r.Operation == op && (r.Params["interaction_token"] == token || r.Params["webhook_token"] == token)
	})
	if err != nil {
		e.t.Fatalf("waiting for %s: %v", op, err)
	}
	return r
}

// wireResponse is an interaction response or message as sent on the wire.
type wireResponse struct {
	Type int         `json:"type"`
	Data wireMessage `json:"data"`
}

type wireMessage struct {
	Content         string                                      `json:"content"`
	Flags           int                                         `json:"flags"`
	Embeds          []*discordgo.MessageEmbed                   `json:"embeds"`
	Components      []wireRow                                   `json:"components"`
	Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
}

type wireRow struct {
	Components []struct {
		CustomID string `json:"custom_id"`
		Label    string `json:"label"`
		Disabled bool   `json:"disabled"`
	} `json:"components"`
}

func (m wireMessage) text() string { return text(m.Content, m.Embeds) }

func (m wireMessage) button(label string) (string, bool) {
	for _, r := range m.Components {
		for _, c := range r.Components {
			if c.Label == label {
				return c.CustomID, !c.Disabled
			}
		}
	}
	return "", false
}

func (m wireMessage) ephemeral() bool { return m.Flags&int(discordgo.MessageFlagsEphemeral) != 0 }

func decodeMessage(t *testing.T, r fakediscord.Request) wireMessage {
	t.Helper()
	var m wireMessage
	if err := r.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func modMember() *discordgo.Member {
	return fakediscord.Member(modUser, fakediscord.DefaultPermissions|discordgo.PermissionManageGuild)
}

// TestE2EGateway covers the commands over the gateway, one bot session.
func TestE2EGateway(t *testing.T) {
	t.Parallel()
	lib := e2eLibrary(t)
	e := startE2E(t, lib, newMemStore(), Config{GuildID: e2eGuild})

	t.Run("registration", func(t *testing.T) {
		r := e.waitAny("bulk_set_guild_application_commands")
		if r.Params["guild_id"] != e2eGuild || r.Params["application_id"] != e.fake.AppID() {
			t.Errorf("registered to %v", r.Params)
		}
		var names []string
		for _, c := range e.fake.RegisteredCommands(e2eGuild) {
			names = append(names, c.Name)
		}
		if got := strings.Join(names, ","); got != "claim,Check claim,source,timeline,stats,help,alerts,article,feeds,reindex" {
			t.Errorf("registered %s", got)
		}
		if id, ok := e.fake.Identify(); !ok || id.Intents != discordgo.IntentsGuilds {
			t.Errorf("IDENTIFY intents = %v; want Guilds only", id.Intents)
		}
	})

	t.Run("claim answer with source", func(t *testing.T) {
		_, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk")).Locale("de"))
		if resp.Type != 4 || !resp.Data.ephemeral() {
			t.Errorf("type %d flags %d; want an ephemeral message", resp.Type, resp.Data.Flags)
		}
		mustContain(t, resp.Data.text(), "**Minenräumer**", "Abs. ", "Artikel `")
		if resp.Data.AllowedMentions == nil || len(resp.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed_mentions = %+v", resp.Data.AllowedMentions)
		}
	})

	t.Run("deferral when the search is slow", func(t *testing.T) {
		gate := e.lib.hold()
		e.timers.setFire(true)
		defer func() { e.timers.setFire(false); e.lib.mu.Lock(); e.lib.gate = nil; e.lib.mu.Unlock() }()
		i, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer"), fakediscord.Opt("public", true)))
		if resp.Type != 5 || resp.Data.ephemeral() {
			t.Errorf("first response type %d flags %d; want a public deferral (5)", resp.Type, resp.Data.Flags)
		}
		close(gate)
		edit := decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
		mustContain(t, edit.text(), "**Minenräumer**")
		msgs := e.fake.InteractionMessages(i.Token)
		if len(msgs) != 1 || !strings.Contains(text(msgs[0].Content, msgs[0].Embeds), "Minenräumer") {
			t.Errorf("the user sees %+v", msgs)
		}
	})

	t.Run("reindex refused to a non-moderator", func(t *testing.T) {
		i, resp := e.interact(fakediscord.SlashCommand("reindex"))
		if resp.Type != 4 || !resp.Data.ephemeral() {
			t.Errorf("type %d flags %d; want an ephemeral refusal", resp.Type, resp.Data.Flags)
		}
		mustContain(t, resp.Data.text(), "Only moderators")
		if n := len(e.fake.InteractionResponses(i.Token)); n != 1 {
			t.Errorf("%d requests for the refused interaction; want just the refusal", n)
		}
	})

	t.Run("reindex by a moderator", func(t *testing.T) {
		i, resp := e.interact(fakediscord.SlashCommand("reindex").InGuild(e2eGuild, modMember()))
		if resp.Type != 5 {
			t.Errorf("type %d; want a deferral", resp.Type)
		}
		edit := decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
		mustContain(t, edit.text(), "Re-indexed", "articles")
	})

	t.Run("reindex in a DM", func(t *testing.T) {
		_, resp := e.interact(fakediscord.SlashCommand("reindex").InDM(e2eUser))
		mustContain(t, resp.Data.text(), "only works in a server")
	})

	t.Run("claim in a DM", func(t *testing.T) {
		_, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer")).InDM(e2eUser))
		mustContain(t, resp.Data.text(), "Minenräumer**")
	})

	t.Run("alerts channel and off", func(t *testing.T) {
		const ch = "1290000000000000888"
		_, resp := e.interact(fakediscord.SlashCommand("alerts",
			fakediscord.SubCommand("channel", fakediscord.TypedOpt("channel", discordgo.ApplicationCommandOptionChannel, ch))).
			InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "<#"+ch+">")
		if s, _ := e.store.GuildSettings(e.ctx, e2eGuild); s.AlertChannelID != ch {
			t.Errorf("stored %q", s.AlertChannelID)
		}
		_, resp = e.interact(fakediscord.SlashCommand("alerts", fakediscord.SubCommand("off")).InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "off")
		_, resp = e.interact(fakediscord.SlashCommand("alerts", fakediscord.SubCommand("off")))
		mustContain(t, resp.Data.text(), "Only moderators")
		e.store.SetGuildSettings(e.ctx, e2eGuild, state.GuildSettings{})
	})

	t.Run("autocomplete", func(t *testing.T) {
		_, resp := e.interact(fakediscord.Autocomplete("source", fakediscord.Focused("article", "Nordkorea")))
		if resp.Type != 8 || len(resp.Data.Choices) == 0 || len(resp.Data.Choices) > 25 {
			t.Fatalf("type %d, %d choices", resp.Type, len(resp.Data.Choices))
		}
		id := resp.Data.Choices[0].Value.(string)
		_, resp = e.interact(fakediscord.SlashCommand("source", fakediscord.Opt("article", id)))
		mustContain(t, resp.Data.text(), "ID: "+id)
	})

	t.Run("paging buttons", func(t *testing.T) {
		i, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Soldaten"), fakediscord.Opt("results", 1)))
		next, enabled := resp.Data.button("Next")
		if !enabled {
			t.Fatalf("no enabled Next button in %+v", resp.Data.Components)
		}
		msg := e.fake.InteractionMessages(i.Token)[0]
		_, page := e.interact(fakediscord.Button(next).OnMessage(&msg))
		if page.Type != 7 {
			t.Errorf("type %d; want 7 (update)", page.Type)
		}
		mustContain(t, page.Data.text(), "Results 2–2")
	})

	t.Run("context menu", func(t *testing.T) {
		target := fakediscord.UserMessage("Stimmt es, dass Nordkorea 1.000 Minenräumer nach Kursk schickt?")
		_, resp := e.interact(fakediscord.MessageCommand("Check claim", target).Locale("de"))
		if resp.Type != 4 || !resp.Data.ephemeral() {
			t.Errorf("type %d flags %d", resp.Type, resp.Data.Flags)
		}
		mustContain(t, resp.Data.text(), "Minenräumer**")
	})

	t.Run("alert outbox after 403 and 5xx", func(t *testing.T) {
		alerts := e.bot.postable(lib.Disagreements(library.Base, mustSearch(t, lib, "Soldaten").Hits))
		if len(alerts) == 0 {
			// The seeds disagree on figures about soldiers; a library that
			// finds none has lost that, and these checks would not run.
			t.Fatal("the seed corpus yields no disagreement about Soldaten")
		}
		const guild = "1290000000000000555"
		const ch = "1290000000000000556"
		e.store.SetGuildSettings(e.ctx, guild, state.GuildSettings{AlertChannelID: ch})
		isPost := func(r fakediscord.Request) bool {
			return r.Operation == "create_message" && r.Params["channel_id"] == ch
		}
		// A 403 is not retried at once; 5xx are, a few times, and
		// then the alert waits in the outbox.
		e.fake.Inject(isPost, fakediscord.Status(http.StatusForbidden),
			fakediscord.Status(http.StatusServiceUnavailable), fakediscord.Status(http.StatusInternalServerError),
			fakediscord.Status(http.StatusServiceUnavailable), fakediscord.Status(http.StatusGatewayTimeout))
		if n := e.bot.PostAlerts(e.ctx, guild, alerts[:1]); n != 0 {
			t.Fatalf("posted %d despite the 403", n)
		}
		if pending, _ := e.store.PendingAlerts(e.ctx, 0); len(pending) != 1 || pending[0].Attempts != 1 {
			t.Fatalf("outbox after the 403 = %+v", pending)
		}
		e.clock.Add(time.Hour)
		e.bot.RetryAlerts(e.ctx) // 503, 500, 503, 504: stays queued
		if got := len(e.fake.Messages(ch)); got != 0 {
			t.Fatalf("%d messages after the 5xx", got)
		}
		if pending, _ := e.store.PendingAlerts(e.ctx, 0); len(pending) != 1 || pending[0].Attempts != 2 {
			t.Fatalf("outbox after the 5xx = %+v", pending)
		}
		e.clock.Add(time.Hour)
		e.bot.RetryAlerts(e.ctx)
		if got := len(e.fake.Messages(ch)); got != 1 {
			t.Fatalf("%d messages after the retry; want 1", got)
		}
		e.clock.Add(time.Hour)
		e.bot.RetryAlerts(e.ctx)
		e.bot.PostAlerts(e.ctx, guild, alerts[:1])
		if got := len(e.fake.Messages(ch)); got != 1 {
			t.Errorf("%d messages; the alert was posted twice", got)
		}
	})

	t.Run("interactions after a gateway resume", func(t *testing.T) {
		e.fake.DropGateway()
		if err := e.fake.WaitResumed(e.ctx); err != nil {
			t.Fatal(err)
		}
		_, resp := e.interact(fakediscord.SlashCommand("stats"))
		mustContain(t, resp.Data.text(), "Articles")
	})

	t.Cleanup(func() {
		if strings.Contains(e.logs.String(), e2eToken) {
			t.Errorf("the token appears in the logs:\n%s", e.logs.String())
		}
	})

	t.Run("verdict buttons", func(t *testing.T) {
		alerts := e.bot.postable(lib.Disagreements(library.Base, mustSearch(t, lib, "Soldaten").Hits))
		if len(alerts) == 0 {
			// The seeds disagree on figures about soldiers; a library that
			// finds none has lost that, and these checks would not run.
			t.Fatal("the seed corpus yields no disagreement about Soldaten")
		}
		e.bot.PostAlerts(e.ctx, e2eGuild, alerts[:1]) // may have been posted by the re-index above
		posted := e.fake.Messages(e2eAlerts)
		if len(posted) == 0 {
			t.Fatal("no message in the alert channel")
		}
		msg := posted[len(posted)-1]
		var dismiss string
		for _, row := range msg.Components {
			for _, c := range row.(*discordgo.ActionsRow).Components {
				if b := c.(*discordgo.Button); b.Label == "Kein Widerspruch" || b.Label == "Not a contradiction" {
					dismiss = b.CustomID
				}
			}
		}
		_, key, ok := parseVerdictID(dismiss)
		if !ok {
			t.Fatalf("no verdict button in %+v", msg.Components)
		}
		_, resp := e.interact(fakediscord.Button(dismiss).OnMessage(&msg).InChannel(e2eAlerts))
		mustContain(t, resp.Data.text(), "Only moderators")
		_, resp = e.interact(fakediscord.Button(dismiss).OnMessage(&msg).InChannel(e2eAlerts).InGuild(e2eGuild, modMember()))
		if resp.Type != 7 {
			t.Errorf("type %d; want 7", resp.Type)
		}
		mustContain(t, resp.Data.text(), "<@"+modUser+">")
		if _, enabled := resp.Data.button("Kein Widerspruch"); enabled {
			t.Error("verdict buttons still enabled")
		}
		if v, ok, _ := e.store.Verdict(e.ctx, e2eGuild, key); !ok || v.Value != state.VerdictNotContradiction || v.By != modUser {
			t.Errorf("verdict %+v %v", v, ok)
		}
		var judged []claims.Alert
		for _, a := range alerts {
			if alertID(a) == key {
				judged = append(judged, a)
			}
		}
		if len(judged) == 0 {
			t.Fatal("the judged alert is not among the library's alerts")
		}
		before := len(e.fake.Messages(e2eAlerts))
		e.bot.PostAlerts(e.ctx, e2eGuild, judged)
		if after := len(e.fake.Messages(e2eAlerts)); after != before {
			t.Errorf("alerts posted again after the verdict: %d → %d messages", before, after)
		}
	})
}

// waitAny waits for the first request of an operation.
func (e *e2e) waitAny(op string) fakediscord.Request {
	e.t.Helper()
	r, err := e.fake.WaitFor(e.ctx, fakediscord.Op(op))
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

func mustSearch(t *testing.T, lib Library, q string) index.Result {
	t.Helper()
	return mustSearchIn(t, lib, library.Base, q)
}

// mustSearchIn searches collection c's view.
func mustSearchIn(t *testing.T, lib Library, c library.Collection, q string) index.Result {
	t.Helper()
	r, err := lib.Search(context.Background(), c, q, index.SearchOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestE2EHTTPInteractions serves Discord's HTTP interactions endpoint.
// The bot's HTTP response is the first response; the test forwards it to
// the fake's callback route, as Discord would apply it, so the fake
// validates it against the OpenAPI document like any other request.
func TestE2EHTTPInteractions(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	fake := fakediscord.New(t)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{now: time.Unix(1_760_000_000, 0)}
	tm := &timers{only: 1500 * time.Millisecond}
	lib := &gatedLib{Library: e2eLibrary(t)}
	b, err := New(Config{Token: "test-token", APIBase: fake.URL(), PublicKey: hex.EncodeToString(pub), ClaimRate: 1000, MaxBodyBytes: 64 << 10},
		Deps{Library: lib, Now: clk.Now, After: tm.After})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(b.HTTPHandler())
	defer srv.Close()

	post := func(body []byte, ts time.Time, sign bool) *http.Response {
		t.Helper()
		stamp := strconv.FormatInt(ts.Unix(), 10)
		req, _ := http.NewRequest("POST", srv.URL+"/interactions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", stamp)
		sig := fakediscord.Sign(priv, stamp, body)
		if !sign {
			sig = fakediscord.Sign(priv, stamp, append([]byte(" "), body...))
		}
		req.Header.Set("X-Signature-Ed25519", sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	// forward applies the bot's HTTP answer at the fake, like Discord.
	forward := func(i *discordgo.Interaction, body []byte) {
		t.Helper()
		url := fake.URL() + "/api/v10/interactions/" + i.ID + "/" + i.Token + "/callback"
		req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bot forwarded-by-test")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			t.Errorf("the fake refused the bot's response: %s", resp.Status)
		}
	}
	read := func(resp *http.Response) []byte {
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return data
	}

	tests := []struct {
		name   string
		body   []byte
		ts     time.Time
		sign   bool
		status int
	}{
		{"ping", fakediscord.Ping().JSON(), clk.Now(), true, 200},
		{"bad signature", fakediscord.Ping().JSON(), clk.Now(), false, 401},
		{"stale timestamp", fakediscord.Ping().JSON(), clk.Now().Add(-6 * time.Minute), true, 401},
		{"future timestamp", fakediscord.Ping().JSON(), clk.Now().Add(6 * time.Minute), true, 401},
		{"body too large", bytes.Repeat([]byte(" "), 65<<10), clk.Now(), true, 413},
		{"malformed JSON", []byte(`{"type":2,"data":{`), clk.Now(), true, 400},
		{"wrong field types", []byte(`{"type":"command","id":1}`), clk.Now(), true, 400},
		{"no id or token", []byte(`{"type":2,"data":{"type":1,"name":"stats"}}`), clk.Now(), true, 400},
		{"binary body", []byte("\x89PNG\r\n\x1a\n\x00\x00"), clk.Now(), true, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(tt.body, tt.ts, tt.sign)
			data := read(resp)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d; want %d (%s)", resp.StatusCode, tt.status, data)
			}
			if tt.name == "ping" && strings.TrimSpace(string(data)) != `{"type":1}` {
				t.Errorf("PING answered %s", data)
			}
		})
	}

	t.Run("command answered in the HTTP response", func(t *testing.T) {
		bl := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk")).Locale("de")
		i := fake.Prepare(bl.Build())
		resp := post(bl.JSON(), clk.Now(), true)
		body := read(resp)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("status %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		var w wireResponse
		json.Unmarshal(body, &w)
		if w.Type != 4 {
			t.Errorf("type %d; want 4", w.Type)
		}
		mustContain(t, w.Data.text(), "**Minenräumer**", "Artikel `")
		forward(i, body)
	})

	t.Run("deferred command edited over REST", func(t *testing.T) {
		gate := lib.hold()
		tm.setFire(true)
		defer tm.setFire(false)
		bl := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer"))
		i := fake.Prepare(bl.Build())
		resp := post(bl.JSON(), clk.Now(), true)
		body := read(resp)
		var w wireResponse
		json.Unmarshal(body, &w)
		if w.Type != 5 || !w.Data.ephemeral() {
			t.Fatalf("first response %s; want an ephemeral deferral", body)
		}
		forward(i, body)
		close(gate)
		r, err := fake.WaitFor(ctx, func(r fakediscord.Request) bool {
			return r.Operation == "update_original_webhook_message" && r.Params["webhook_token"] == i.Token
		})
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, decodeMessage(t, r).text(), "**Minenräumer**")
	})

	t.Run("RunHTTP registers commands globally and stops", func(t *testing.T) {
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- b.RunHTTP(runCtx) }()
		r, err := fake.WaitFor(ctx, fakediscord.Op("bulk_set_application_commands"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Params["application_id"] != fake.AppID() {
			t.Errorf("registered for application %q", r.Params["application_id"])
		}
		if n := len(fake.RegisteredCommands("")); n != len(Commands()) {
			t.Errorf("%d global commands", n)
		}
		stop()
		if err := <-done; err != nil {
			t.Errorf("RunHTTP = %v", err)
		}
		// Stopped: interactions now get a polite refusal.
		bl := fakediscord.SlashCommand("stats")
		i := fake.Prepare(bl.Build())
		body := read(post(bl.JSON(), clk.Now(), true))
		var w wireResponse
		json.Unmarshal(body, &w)
		mustContain(t, w.Data.text(), "restarting")
		forward(i, body)
	})
}
