package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the program in-process with a private data directory.
func runCLI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
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
	err = run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestSearchText(t *testing.T) {
	out, _, err := runCLI(t, nil, "search", "Minenräumer Kursk")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(out, "\n\n", 2)[0]
	for _, want := range []string{
		"Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando",
		"news.de · paragraph 3 · article 004_4d7b7c7852ea0801", "1.000 **Minenräumer**",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("first hit lacks %q:\n%s", want, first)
		}
	}
}

func TestSearchJSONShape(t *testing.T) {
	out, _, err := runCLI(t, nil, "search", "--json", "--limit", "2", "laut Bloomberg 100000 Soldaten")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Query string `json:"query"`
		Hits  []struct {
			Article      string   `json:"article"`
			Title        string   `json:"title"`
			Publisher    *string  `json:"publisher"`
			Published    *string  `json:"published"`
			Paragraph    int      `json:"paragraph"`
			Passage      string   `json:"passage"`
			Fragments    []string `json:"fragments"`
			CitedSources []string `json:"cited_sources"`
			Score        float64  `json:"score"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Query != "laut Bloomberg 100000 Soldaten" || len(res.Hits) != 2 {
		t.Fatalf("got query %q and %d hits", res.Query, len(res.Hits))
	}
	h := res.Hits[0]
	if h.Article == "" || h.Title == "" || h.Publisher == nil || h.Published == nil || h.Paragraph < 1 || h.Passage == "" || h.Score <= 0 {
		t.Errorf("incomplete hit: %+v", h)
	}
	if len(h.Fragments) == 0 || !strings.Contains(h.Fragments[0], "<mark>") {
		t.Errorf("fragments without marks: %q", h.Fragments)
	}
	if *h.Published != "2024-11-18" || strings.Join(h.CitedSources, ",") != "Bloomberg" {
		t.Errorf("want the dated Bloomberg passage first, got %s ¶%d published %q sources %q", h.Article, h.Paragraph, *h.Published, h.CitedSources)
	}
}

func TestSearchNothingFound(t *testing.T) {
	out, _, err := runCLI(t, nil, "search", "Quantencomputer Bienenzucht")
	if err != nil {
		t.Fatalf("no result must not be an error: %v", err)
	}
	if !strings.Contains(out, "No passages found") {
		t.Errorf("got %q", out)
	}
}

func TestSearchBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no query", []string{"search"}, 2, "needs a query"},
		{"overlong", []string{"search", strings.Repeat("Soldaten ", 40)}, 1, "at most 300"},
		{"bad limit", []string{"search", "--limit", "0", "x"}, 2, "--limit"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		_, _, err := runCLI(t, nil, tt.args...)
		if err == nil || exitCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v (exit %d), want exit %d mentioning %q", tt.name, err, exitCode(err), tt.code, tt.want)
		}
	}
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		key, value string
	}{
		{"DISCORD_GUILD_ID", "abc"},
		{"DISCORD_PUBLIC_KEY", "zz"},
		{"DISCORD_API_BASE", "ftp://x"},
		{"CLAIMBOT_LOG_LEVEL", "loud"},
		{"CLAIMBOT_CLAIM_RATE", "5 per minute"},
		{"CLAIMBOT_FEED_INTERVAL", "1s"},
		{"DISCORD_TOKEN", "short"},
	}
	for _, tt := range tests {
		_, _, err := runCLI(t, map[string]string{tt.key: tt.value}, "search", "x")
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Key != tt.key || exitCode(err) != 2 {
			t.Errorf("%s=%q: got %v, want a ConfigError naming the key, exit 2", tt.key, tt.value, err)
		}
	}
}

func TestIndexAndAdd(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"CLAIMBOT_DATA": data}
	out, _, err := runCLI(t, env, "index")
	if err != nil || !strings.Contains(out, "Indexed 5 articles") {
		t.Fatalf("index: %v\n%s", err, out)
	}
	file := filepath.Join(t.TempDir(), "neu.md")
	article := "---\ntitle: Seoul meldet Zahl der Pionierkräfte\npublisher: Testzeitung\npublished: 2025-07-02\n---\n\nNordkorea hat laut dem südkoreanischen Geheimdienst 1.000 Minenräumer in die Region Kursk geschickt.\n"
	if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, env, "add", "--json", file)
	if err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	var rep struct {
		Added []struct {
			Article, Title string
		} `json:"added"`
		Alerts []json.RawMessage `json:"alerts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Added) != 1 || rep.Added[0].Article != "neu" || rep.Added[0].Title != "Seoul meldet Zahl der Pionierkräfte" {
		t.Errorf("added: %+v", rep.Added)
	}
	if rep.Alerts == nil {
		t.Error("alerts must be a list, even when empty")
	}
	out, _, err = runCLI(t, env, "search", "Pionierkräfte")
	if err != nil || !strings.Contains(out, "Testzeitung") {
		t.Errorf("added article not found: %v\n%s", err, out)
	}
	// Adding the same file again changes nothing and says why.
	_, _, err = runCLI(t, env, "add", file)
	if err == nil || !strings.Contains(err.Error(), "is in the archive already as article neu") {
		t.Errorf("re-adding: got %v", err)
	}
	// A re-index keeps the added article.
	out, _, err = runCLI(t, env, "index")
	if err != nil || !strings.Contains(out, "Indexed 6 articles") {
		t.Errorf("re-index lost the added article: %v\n%s", err, out)
	}
}

func TestAddRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "leer.txt")
	binary := filepath.Join(dir, "bild.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)
	_, _, err := runCLI(t, nil, "add", empty, binary)
	if err == nil || !strings.Contains(err.Error(), "empty") || !strings.Contains(err.Error(), "binary") {
		t.Errorf("got %v, want both files refused with reasons", err)
	}
	_, _, err = runCLI(t, nil, "add", filepath.Join(dir, "fehlt.txt"))
	if err == nil || !strings.Contains(err.Error(), "fehlt.txt") {
		t.Errorf("missing file: got %v", err)
	}
}

// TestConsoleIsTheDefault drives the main job as a person would: no token,
// no command, claims typed on stdin.
func TestConsoleIsTheDefault(t *testing.T) {
	var out, errOut bytes.Buffer
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_LOG_LEVEL": "warn"}
	in := strings.NewReader("/claim Minenräumer Kursk\n/stats\n/quit\n")
	if err := run(context.Background(), nil, func(k string) string { return env[k] }, in, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{"DISCORD_TOKEN", "1.000 Minenräumer", "news.de", "Artikel: 5"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestServeNeedsToken(t *testing.T) {
	_, _, err := runCLI(t, nil, "serve")
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Key != "DISCORD_TOKEN" || exitCode(err) != 2 {
		t.Errorf("got %v, want a ConfigError naming DISCORD_TOKEN", err)
	}
}
