package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/l10n"
)

// runMainCLI runs the program as main does: exit status and both streams.
func runMainCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["CLAIMBOT_DATA"]; !ok {
		env["CLAIMBOT_DATA"] = t.TempDir()
	}
	if _, ok := env["CLAIMBOT_LANG"]; !ok {
		env["CLAIMBOT_LANG"] = "en"
	}
	var out, errOut bytes.Buffer
	code = runMain(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestFlagsAnywhere: flags after the query count, as they do before it.
func TestFlagsAnywhere(t *testing.T) {
	code, out, stderr := runMainCLI(t, nil, "search", "Kursk", "--json", "--limit", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct{ Hits []json.RawMessage }
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) != 1 {
		t.Errorf("search Kursk --json --limit 1: %v, %d hits:\n%s", err, len(res.Hits), out)
	}
	data := t.TempDir()
	if code, _, stderr := runMainCLI(t, nil, "index", "--data", data); code != 0 {
		t.Fatalf("index --data after the command: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "state.db")); err != nil && !dirHasFiles(data) {
		t.Errorf("--data after the command was ignored")
	}
}

func dirHasFiles(dir string) bool {
	es, _ := os.ReadDir(dir)
	return len(es) > 0
}

// TestExitCodesAndHelp: help on stdout with status 0; usage errors once,
// status 2, with where the help is; failures status 1.
func TestExitCodesAndHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"search", "--help"}, {"help", "feeds"}, {"feeds", "poll", "--help"}} {
		code, out, stderr := runMainCLI(t, nil, args...)
		if code != 0 || !strings.Contains(out, "Usage:") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want help on stdout, exit 0", args, code, out, stderr)
		}
	}
	code, out, _ := runMainCLI(t, map[string]string{"CLAIMBOT_LANG": "de"}, "--help")
	if code != 0 || !strings.Contains(out, "Aufruf:") || !strings.Contains(out, "die Passagen zu einer Behauptung") || strings.Contains(out, "Usage:") {
		t.Errorf("German help:\n%s", out)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"search", "Kursk", "--bogus"}, 2, "claimbot: unknown flag --bogus\nRun “claimbot search --help” for its usage.\n"},
		{[]string{"frobnicate"}, 2, "claimbot: unknown command \"frobnicate\"\n"},
		{[]string{"search", "--limit", "x", "Kursk"}, 2, "--limit: \"x\" is not a valid value"},
		{[]string{"search", "--limit", "0", "Kursk"}, 2, "--limit must be between 1 and 50"},
		{[]string{"contradictions", "--min-severity", "huge"}, 2, "want high, medium or low"},
		{[]string{"index", "extra"}, 2, "takes no arguments"},
		{[]string{"search", strings.Repeat("Soldaten ", 40)}, 1, "at most 300"},
	}
	for _, tt := range tests {
		code, _, stderr := runMainCLI(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if n := strings.Count(stderr, "claimbot: "); n != 1 {
			t.Errorf("%v: the error is printed %d times:\n%s", tt.args, n, stderr)
		}
	}
}

// TestAddSaysWhatToDo: arguments that are neither files nor fetchable
// URLs are refused with what to do; a .html file is read like a page.
func TestAddSaysWhatToDo(t *testing.T) {
	tests := []struct {
		arg  string
		code int
		want string
	}{
		{"ftp://example.org/artikel.txt", 1, "only http and https URLs can be fetched"},
		{"www.example.org/artikel", 2, "did you mean https://www.example.org/artikel ?"},
		{"example.org/politik/artikel", 2, "did you mean https://example.org/politik/artikel ?"},
		{"fehlt.txt", 1, "fehlt.txt: no such file"},
	}
	for _, tt := range tests {
		code, _, stderr := runMainCLI(t, nil, "add", tt.arg)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("add %s: exit %d, %q; want exit %d with %q", tt.arg, code, stderr, tt.code, tt.want)
		}
	}
	page := filepath.Join(t.TempDir(), "seite.html")
	os.WriteFile(page, []byte(`<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Hafen in Rostock erweitert</title>
<meta property="og:site_name" content="Ostseebote"></head><body><article><h1>Hafen in Rostock erweitert</h1>
<p>Der Hafen in Rostock bekommt bis 2027 drei neue Liegeplätze für Fähren, teilte die Hafengesellschaft am Montag mit. Die Kosten liegen bei 120 Millionen Euro.</p>
<p>Der Ausbau soll den Fährverkehr nach Skandinavien entlasten, der in den vergangenen Jahren stark gewachsen ist. Anwohner hatten gegen den Lärm protestiert.</p>
</article></body></html>`), 0o644)
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir()}
	code, out, stderr := runMainCLI(t, env, "add", page)
	if code != 0 || !strings.Contains(out, "added:") {
		t.Fatalf("add seite.html: exit %d\n%s%s", code, out, stderr)
	}
	if _, out, _ := runMainCLI(t, env, "search", "Liegeplätze Fähren Rostock"); !strings.Contains(out, "Ostseebote") {
		t.Errorf("the .html article is not found:\n%s", out)
	}
}

// TestLoopbackRefusalNamesTheSwitch and short IDs for pages.
func TestFetchMessages(t *testing.T) {
	srv := newsServer(t)
	code, _, stderr := runMainCLI(t, nil, "add", srv.URL+"/politik/pentagon")
	if code != 1 || !strings.Contains(stderr, "loopback") || !strings.Contains(stderr, "CLAIMBOT_ALLOW_PRIVATE_FETCH=1") {
		t.Errorf("exit %d, %q; want the loopback refusal to name CLAIMBOT_ALLOW_PRIVATE_FETCH", code, stderr)
	}
	env := map[string]string{"CLAIMBOT_ALLOW_PRIVATE_FETCH": "1"}
	code, out, stderr := runMainCLI(t, env, "add", "--json", srv.URL+"/politik/pentagon")
	var rep struct{ Added []struct{ Article string } }
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Added) != 1 {
		t.Fatalf("exit %d %s%s", code, out, stderr)
	}
	if id := rep.Added[0].Article; len(id) > 80 {
		t.Errorf("ID %q has %d characters", id, len(id))
	}
	if strings.Contains(stderr, "go-readability") || strings.Contains(out, "go-readability") {
		t.Errorf("go-readability's log reached the output:\n%s", stderr)
	}
}

// TestFeedsFailures: a poll where every feed failed exits 1; feeds list
// --json shows no zero times.
func TestFeedsFailures(t *testing.T) {
	gone := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss.xml" && r.Header.Get("X-Check") == "" {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x/</link><description>d</description></channel></rss>`))
			return
		}
		http.NotFound(w, r)
	}))
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1"}
	if code, _, stderr := runMainCLI(t, env, "feeds", "add", gone.URL+"/rss.xml"); code != 0 {
		t.Fatalf("feeds add: %d %s", code, stderr)
	}
	code, out, _ := runMainCLI(t, env, "feeds", "list", "--json")
	if code != 0 || strings.Contains(out, "0001-01-01") || !strings.Contains(out, `"url"`) {
		t.Errorf("feeds list --json: exit %d\n%s", code, out)
	}
	gone.Close() // every poll now fails
	code, out, stderr := runMainCLI(t, env, "feeds", "poll")
	if code != 1 || !strings.Contains(stderr, "be polled") || !strings.Contains(out, "failed:") {
		t.Errorf("feeds poll with every feed failing: exit %d\n%s%s", code, out, stderr)
	}
}

// TestContradictionsSeverity: high and medium by default, as the README
// says; --min-severity low shows the rest, and the default says so.
func TestContradictionsSeverity(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"CLAIMBOT_DATA": data}
	_, low, _ := runMainCLI(t, env, "contradictions", "--json", "--min-severity", "low")
	_, def, _ := runMainCLI(t, env, "contradictions", "--json")
	var l, d struct {
		Pairs  []struct{ Severity string }
		Hidden int
	}
	json.Unmarshal([]byte(low), &l)
	json.Unmarshal([]byte(def), &d)
	for _, p := range d.Pairs {
		if p.Severity == "low" {
			t.Errorf("a low alert shown by default")
		}
	}
	if len(d.Pairs)+d.Hidden != len(l.Pairs) {
		t.Errorf("default %d shown + %d hidden; low shows %d", len(d.Pairs), d.Hidden, len(l.Pairs))
	}
	if d.Hidden > 0 {
		_, text, _ := runMainCLI(t, env, "contradictions")
		if !strings.Contains(text, "--min-severity low shows") {
			t.Errorf("the hidden ones are not mentioned:\n%s", text)
		}
	}
}

// TestCLISpeaksGerman: with CLAIMBOT_LANG=de the command line's own words
// are German, and dates are as German readers write them.
func TestCLISpeaksGerman(t *testing.T) {
	env := map[string]string{"CLAIMBOT_LANG": "de"}
	code, out, _ := runMainCLI(t, env, "search", "laut Bloomberg 100000 Soldaten", "--limit", "2")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"18.11.2024", "Absatz ", "Artikel ", "laut Bloomberg", "von 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("German search output lacks %q:\n%s", want, out)
		}
	}
	for _, e := range l10n.Entries() {
		for _, english := range []string{"paragraph %d", "article %s", "according to %s"} {
			if e.EN == english && strings.Contains(out, strings.Fields(english)[0]+" ") {
				t.Errorf("English %q in the German output:\n%s", english, out)
			}
		}
	}
}

// TestServeRejectedTokenAndInvite: a rejected token is one line that
// says what to do, exit 1; an accepted one prints the invite URL.
func TestServeRejectedTokenAndInvite(t *testing.T) {
	fake := fakediscord.New(t)
	fake.Inject(func(r fakediscord.Request) bool { return r.Operation == "get_my_user" }, fakediscord.Status(http.StatusUnauthorized))
	env := map[string]string{"DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL()}
	code, _, stderr := runMainCLI(t, env, "serve")
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.Contains(last, "rejected DISCORD_TOKEN") || !strings.Contains(last, "Reset Token") || strings.Contains(stderr, "{") && strings.Contains(last, "{") {
		t.Errorf("exit %d, last line %q; want the token rejection that says what to do", code, last)
	}
}

// TestServePrintsInvite: at start-up the bot prints the link that adds it
// to a server, with both scopes and the alert channel's permissions.
func TestServePrintsInvite(t *testing.T) {
	fake := fakediscord.New(t)
	env := map[string]string{"DISCORD_TOKEN": serveToken, "DISCORD_API_BASE": fake.URL(), "CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_LANG": "en"}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- runMain(ctx, []string{"serve"}, func(k string) string { return env[k] }, strings.NewReader(""), out, io.Discard)
	}()
	want := "Add the bot to a server with: https://discord.com/oauth2/authorize?client_id=" + fake.AppID() + "&permissions=19456&scope=bot%20applications.commands"
	for !strings.Contains(out.String(), want) {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d:\n%s", code, out.String())
		case <-ctx.Done():
			t.Fatalf("no invite URL on stdout:\n%s", out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	<-done
}

// TestCLIErrorsSpeakGerman: with CLAIMBOT_LANG=de an error of the
// packages below the command line is said in German, as the bot says it;
// in English it stays the whole English message.
func TestCLIErrorsSpeakGerman(t *testing.T) {
	for lang, want := range map[string]string{"de": "claimbot: bericht.pdf: keine Artikeldatei", "en": "claimbot: nothing added: bericht.pdf: not an article file"} {
		dir := t.TempDir()
		file := filepath.Join(dir, "bericht.pdf")
		if err := os.WriteFile(file, []byte("Titel\n\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runMainCLI(t, map[string]string{"CLAIMBOT_LANG": lang, "CLAIMBOT_DATA": filepath.Join(dir, "data")}, "add", file)
		if code == 0 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", lang, code, stderr, want)
		}
	}
}
