package bot

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

func TestRateLimiter(t *testing.T) {
	r := newRateLimiter(2, 10*time.Second)
	steps := []struct {
		at    time.Duration
		ok    bool
		retry time.Duration
	}{
		{0, true, 0},
		{time.Second, true, 0},
		{2 * time.Second, false, 10 * time.Second},
		{10 * time.Second, true, 0}, // the first left the window
		{10 * time.Second, false, 11 * time.Second},
	}
	for i, s := range steps {
		ok, retry := r.allow("u", epoch.Add(s.at))
		if ok != s.ok || (!ok && !retry.Equal(epoch.Add(s.retry))) {
			t.Errorf("step %d: allow = %v, %v; want %v, %v", i, ok, retry, s.ok, epoch.Add(s.retry))
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r }))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/proxy/")
	c := &http.Client{Transport: &RewriteTransport{Base: base}}
	resp, err := c.Get("https://discord.com/api/v9/gateway?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got.URL.Path != "/proxy/api/v9/gateway" || got.URL.RawQuery != "x=1" {
		t.Errorf("request went to %s?%s", got.URL.Path, got.URL.RawQuery)
	}
}

// TestTokenNeverLogged: discordgo's own log lines go to slog at debug
// level with the token redacted.
func TestTokenNeverLogged(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	const token = "MTA5.secret-token.xyz"
	if _, err := New(Config{Token: token}, Deps{Library: seedLib(), Logger: log}); err != nil {
		t.Fatal(err)
	}
	discordgo.Logger(discordgo.LogInformational, 0, "sending identify %s", `{"token":"`+token+`"}`)
	discordgo.Logger(discordgo.LogError, 0, "error: Bot %s", token)
	// Interaction tokens in webhook URLs are credentials too.
	const itoken = "aW50ZXJhY3Rpb246MTI5MDAwMDAwMDAwMDAwOTAx.secret_part-x"
	discordgo.Logger(discordgo.LogInformational, 0, "Rate Limiting %s, retry in %v",
		"https://discord.com/api/v9/webhooks/1290000000000000001/"+itoken+"/messages/@original", time.Second)
	discordgo.Logger(discordgo.LogInformational, 0, "%s Failed (%s), Retrying...",
		"https://discord.com/api/v9/interactions/1290000000000000901/"+itoken+"/callback", "502 Bad Gateway")
	out := buf.String()
	if strings.Contains(out, token) || strings.Contains(out, itoken) {
		t.Errorf("token in logs:\n%s", out)
	}
	mustContain(t, out, "level=DEBUG", "[REDACTED]", "level=WARN", "source=discordgo",
		"webhooks/1290000000000000001/[REDACTED]/messages/@original", "interactions/1290000000000000901/[REDACTED]/callback")
}

// TestRESTErrorsRedacted: when Discord's connection drops, discordgo's
// error is a *url.Error whose text holds the callback or webhook URL, and
// with it the interaction token. The bot logs those errors; none of the
// lines may carry the interaction token, the bot token or the public key.
// The server below accepts deferrals and drops every other request, so
// each failing path runs: the first response, the retried edit, the
// delete of a public deferral and the follow-up.
func TestRESTErrorsRedacted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.HasSuffix(r.URL.Path, "/callback") && bytes.Contains(body, []byte(`"type":5`)) {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()

	var buf syncBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	const token = "MTA5.bot-token-secret.xyz"
	pub := strings.Repeat("5e", 32)
	lib := seedLib()
	tm := &timers{}
	b, err := New(Config{Token: token, PublicKey: pub, APIBase: srv.URL}, Deps{Library: lib, Logger: log, After: tm.After})
	if err != nil {
		t.Fatal(err)
	}
	b.ops.retry.wait = func(context.Context, time.Duration) error { return nil }

	serve := func(i *discordgo.Interaction) {
		b.serve(context.Background(), restResponder{s: b.session, i: i, b: b}, inputOf(i))
	}
	help := fakediscord.SlashCommand("help").Build()
	serve(help)
	tm.setFire(true) // searches are deferred at once
	claim := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Soldaten")).Build()
	serve(claim)
	nothing := fakediscord.SlashCommand("claim", fakediscord.Opt("query", "gar nichts"), fakediscord.Opt("public", true)).Build()
	serve(nothing)

	out := buf.String()
	for _, secret := range []string{help.Token, claim.Token, nothing.Token, token, pub} {
		if strings.Contains(out, secret) {
			t.Errorf("%q in logs", secret)
		}
	}
	if t.Failed() {
		t.Logf("logs:\n%s", out)
	}
	// The failures were logged, with the redacted URL left to diagnose them.
	mustContain(t, out, "response failed", "retrying", "delivering the deferred reply failed",
		"deleting the public deferral failed", "/callback", "/messages/@original", "[REDACTED]")
}

// TestRedactHandler: the redaction reaches the message, attributes added
// with With, groups and error values, and leaves other values their type.
func TestRedactHandler(t *testing.T) {
	var buf bytes.Buffer
	const token = "MTA5.bot-token-secret.xyz"
	const itoken = "aW50ZXJhY3Rpb246MTI5MDAwMDAwMDAwMDAwOTAx.secret_part-x"
	hook := "https://discord.com/api/v9/webhooks/1290000000000000001/" + itoken + "/messages/@original"
	log := slog.New(newRedactHandler(slog.NewJSONHandler(&buf, nil), token))
	log.With("url", hook).WithGroup("g").Info("sent Bot "+token,
		"n", 3, slog.Group("inner", "err", &url.Error{Op: "Patch", URL: hook, Err: io.EOF}), "clean", io.EOF)
	out := buf.String()
	if strings.Contains(out, token) || strings.Contains(out, itoken) {
		t.Errorf("secret in %s", out)
	}
	mustContain(t, out, `"msg":"sent Bot [REDACTED]"`, `"url":"https://discord.com/api/v9/webhooks/1290000000000000001/[REDACTED]/messages/@original"`,
		`"g":{"n":3,"inner":{"err":"Patch \"https://discord.com/api/v9/webhooks/1290000000000000001/[REDACTED]/messages/@original\": EOF"},"clean":"EOF"}`)
}

func TestNewValidatesConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		deps Deps
	}{
		{"no library", Config{}, Deps{}},
		{"bad public key", Config{Token: "t", PublicKey: "zz"}, Deps{Library: seedLib()}},
		{"public key without token", Config{PublicKey: strings.Repeat("ab", 32)}, Deps{Library: seedLib()}},
		{"bad API base", Config{APIBase: "discord.com"}, Deps{Library: seedLib()}},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg, tt.deps); err == nil {
			t.Errorf("%s: New succeeded", tt.name)
		}
	}
}

// TestConsoleLangUnknown: /lang with a value it does not know says what
// it accepts, in the language being read, and changes nothing.
func TestConsoleLangUnknown(t *testing.T) {
	in := strings.NewReader(strings.Join([]string{"/lang xx", "/lang", "/lang en", "/lang fr", "/lang"}, "\n") + "\n")
	var out bytes.Buffer
	err := RunConsole(context.Background(), Deps{Library: seedLib(), Now: (&clock{now: epoch}).Now, After: (&timers{}).After}, ConsoleOptions{In: in, Out: &out, Lang: de})
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	want := []string{"Unbekannte Sprache „xx“: /lang de oder /lang en.", "Sprache: Deutsch", "Language: English",
		"Unknown language “fr”: use /lang de or /lang en.", "Language: English"}
	at := 0
	for _, w := range want {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Fatalf("%q missing (in order) from:\n%s", w, got)
		}
		at += i + len(w)
	}
	if n := strings.Count(got, "Sprache: Deutsch"); n != 1 {
		t.Errorf("\"Sprache: Deutsch\" printed %d times; an unknown value must not report the language as set:\n%s", n, got)
	}
}

func TestConsoleWithFakes(t *testing.T) {
	in := strings.NewReader(strings.Join([]string{
		"/claim Minenräumer Kursk", "1", "/lang en", "/source artikel: 002", "/stats", "/reindex", "2",
		"/timeline Soldaten", "/bogus", "/help", "/help article", "/alerts kanal", "/alerts", "/claim anfrage: Kursk treffer: x",
		"/feeds liste", "/quit", "/stats",
	}, "\n") + "\n")
	var out bytes.Buffer
	clk := &clock{now: epoch}
	err := RunConsole(context.Background(), Deps{Library: seedLib(), Now: clk.Now, After: (&timers{}).After}, ConsoleOptions{In: in, Out: &out, Lang: de})
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	mustContain(t, got,
		"DISCORD_TOKEN",                                      // the banner says how to go online
		"╭─", "│ Nordkorea plant massive Militärhilfe", "╰─", // embeds as boxes
		"│ Laut Bloomberg-Berichten könnte Nordkorea bis zu 100.000 Soldaten entsenden.", // Markdown rendered, escapes gone
		"│ Merkur · 18.11.2024 · Abs. 1 · laut Bloomberg",
		"( ◀️ Zurück )   [1] Weiter ▶️", // buttons as numbered choices
		"Treffer 4–4 zu",                // 1 pressed Next
		"Publisher: Merkur",             // /lang en, the German option name
		"Index built: 1 h ago",
		"Re-indexed 5 articles (60 passages) in 1.2 s",
		"alert (posted to the alert channel on Discord)",
		"New figure contradicts",
		"[1] Confirmed   [2] Not a contradiction",
		"Verdict: Not a contradiction by @console", // 2 pressed the alert's second button
		"Timeline: Soldaten",
		"Unknown command /bogus",
		"/claim query: [results:] [public:]", // /help from the command table
		"In the console: a number presses that button",
		"/article add [file:] [url:]", // /help article
		"Contradiction alerts for this server now go to #100000000000000001.",
		"/alerts needs one of: channel, off",
		"results: want a number, not “x”.",
		"Adding articles is not set up", // moderator commands run as the operator
	)
	for _, leak := range []string{"**", `\-`, "^^^"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q leaked into the console:\n%s", leak, got)
		}
	}
	if strings.Count(got, "Articles: 5") != 1 {
		t.Error("commands after /quit ran")
	}
}

func TestConsoleEndsAtEOF(t *testing.T) {
	err := RunConsole(context.Background(), Deps{Library: seedLib()}, ConsoleOptions{In: strings.NewReader("/stats"), Out: io.Discard})
	if err != nil {
		t.Errorf("RunConsole at EOF = %v", err)
	}
}
