package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddNeverReplaces: `claimbot add other/artikel.md` once replaced a
// different, earlier artikel.md (IDs are base names): the passage count
// dropped and the first article was gone. Now the second gets a new ID,
// the output says so and both are found; a byte-identical copy under
// another name is refused as a duplicate instead of alerting against
// itself.
func TestAddNeverReplaces(t *testing.T) {
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir()}
	dir := t.TempDir()
	write := func(rel, body string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := write("artikel.md", "---\ntitle: Stadt meldet Wohnungsbau\nurl: https://example.org/wohnungen\n---\n\nDie Stadt meldet 1.200 neue Wohnungen im Jahr 2024.\n")
	other := write("other/artikel.md", "---\ntitle: Hafen meldet Umschlag\n---\n\nDer Hafen meldet 40 Millionen Tonnen Umschlag im Jahr 2024.\n")
	copied := write("kopie.md", mustRead(t, first))
	if out, _, err := runCLI(t, env, "add", first); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	out, _, err := runCLI(t, env, "add", other)
	if err != nil || !strings.Contains(out, "artikel.md: the ID artikel was taken by another article; added as artikel-2") {
		t.Fatalf("add other/artikel.md: %v\n%s", err, out)
	}
	if !strings.Contains(out, "the index now holds 7 articles") {
		t.Errorf("the article count did not grow by one:\n%s", out)
	}
	for q, want := range map[string]string{"Wohnungen Stadt": "article artikel", "Hafen Umschlag Tonnen": "article artikel-2"} {
		out, _, err := runCLI(t, env, "search", q)
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("search %q: %v\n%s", q, err, out)
		}
	}
	_, _, err = runCLI(t, env, "add", copied)
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "is in the archive already as article artikel") {
		t.Errorf("byte-identical copy: %v; want it refused as a duplicate of artikel", err)
	}
	out, _, _ = runCLI(t, env, "contradictions")
	if strings.Contains(out, "kopie") {
		t.Errorf("the copy raised alerts:\n%s", out)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestShortAgencyItems: a page of 278 characters, as short agency items
// are, was refused by the 400-character minimum; the default is 200 now,
// and CLAIMBOT_MIN_ARTICLE_CHARS sets it.
func TestShortAgencyItems(t *testing.T) {
	text := "Berlin (dpa) - Die Bundesregierung hat am Dienstag einen Entwurf für ein neues Klimaschutzprogramm beschlossen. " +
		"Bis 2030 sollen die Emissionen im Verkehr um ein Drittel sinken, teilte das Umweltministerium mit. Die Opposition kritisierte den Plan als zu zögerlich."
	if n := len([]rune(text)); n < 250 || n > 300 {
		t.Fatalf("the item has %d characters; the test wants a short agency item of about 278", n)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="de"><head><title>Klimaprogramm beschlossen</title><meta property="og:site_name" content="Agenturdienst"></head>
<body><article><h1>Klimaprogramm beschlossen</h1><p>%s</p></article></body></html>`, text)
	}))
	defer srv.Close()
	for _, tt := range []struct {
		min  string
		code int
		want string
	}{
		{"", 0, `Added “Klimaprogramm beschlossen”`},
		{"400", 1, "is not an article: it has only"},
	} {
		env := map[string]string{"CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1", "CLAIMBOT_MIN_ARTICLE_CHARS": tt.min}
		out, _, err := runCLI(t, env, "add", srv.URL+"/eil")
		got, code := out, 0
		if err != nil {
			got, code = err.Error(), exitCode(err)
		}
		if code != tt.code || !strings.Contains(got, tt.want) {
			t.Errorf("CLAIMBOT_MIN_ARTICLE_CHARS=%q: %v\n%s; want exit %d and %q", tt.min, err, out, tt.code, tt.want)
		}
	}
	if _, _, err := runCLI(t, map[string]string{"CLAIMBOT_MIN_ARTICLE_CHARS": "viel"}, "search", "x"); exitCode(err) != 2 || !strings.Contains(err.Error(), "CLAIMBOT_MIN_ARTICLE_CHARS") {
		t.Errorf("a bad CLAIMBOT_MIN_ARTICLE_CHARS: %v", err)
	}
}

// TestGuildFlag: the command line works on the base, and with --guild on
// that guild's collection, which the base does not see.
func TestGuildFlag(t *testing.T) {
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir()}
	file := filepath.Join(t.TempDir(), "hafen.md")
	if err := os.WriteFile(file, []byte("Hafen meldet Rekord\n\nDer Hafen meldet 40 Millionen Tonnen Umschlag im Jahr 2024.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const guild = "1290000000000000010"
	if out, _, err := runCLI(t, env, "--guild", guild, "add", file); err != nil {
		t.Fatalf("add --guild: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		args []string
		sees bool
	}{
		{[]string{"--guild", guild, "search", "Hafen Tonnen"}, true},
		{[]string{"search", "Hafen Tonnen"}, false},
		{[]string{"--guild", "1290000000000000020", "search", "Hafen Tonnen"}, false},
	} {
		out, _, err := runCLI(t, env, tt.args...)
		if err != nil || strings.Contains(out, "Hafen meldet Rekord") != tt.sees {
			t.Errorf("%v: %v; sees the guild's article: want %v\n%s", tt.args, err, tt.sees, out)
		}
	}
	if _, _, err := runCLI(t, env, "--guild", "../x", "search", "Hafen"); exitCode(err) != 2 || !strings.Contains(err.Error(), "--guild") {
		t.Errorf("--guild ../x: %v; want a usage error naming --guild", err)
	}
}
