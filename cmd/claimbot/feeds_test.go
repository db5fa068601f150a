package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// newsServer serves an article page that contradicts seed 002 (3.000 North
// Korean soldiers at the front on 2024-11-18 against 15.000), a second one
// announced by an Atom feed, and the feed, on 127.0.0.1.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	page := func(title, publisher, first string) string {
		return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>` + title + `</title>
<meta property="og:site_name" content="` + publisher + `"><meta name="author" content="Eva Brandt">
<meta property="article:published_time" content="2024-11-18T10:00:00+01:00"></head><body><article><h1>` + title + `</h1>
<p>` + first + `</p>
<p>Ein Sprecher des Verteidigungsministeriums in Washington sagte am Montag, die Zahl sei deutlich kleiner als in anderen Berichten genannt. Die übrigen Truppen würden noch im Osten Russlands ausgebildet.</p>
<p>Beobachter in Seoul und Kiew wiesen darauf hin, dass sich die Angaben verschiedener Geheimdienste seit Wochen deutlich unterscheiden und eine unabhängige Überprüfung kaum möglich ist.</p>
</article></body></html>`
	}
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/politik/pentagon", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Pentagon: Nur 3.000 nordkoreanische Soldaten an der Front", "Testpost",
			"Nach Angaben des Pentagon sind derzeit lediglich 3.000 nordkoreanische Soldaten an der Front im Einsatz."))
	})
	mux.HandleFunc("/welt/abendpost", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front", "Abendpost Test",
			"Nach Angaben des Pentagon sind derzeit lediglich 3.000 nordkoreanische Soldaten an der Front im Einsatz, wie die Abendpost erfuhr."))
	})
	mux.HandleFunc("/feeds/welt.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Abendpost Test – Welt</title><id>%[1]s/feeds/welt.xml</id>
<updated>2024-11-18T18:00:00+01:00</updated>
<entry><title>Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front</title><id>urn:test:abendpost</id>
<link href="%[1]s/welt/abendpost"/><updated>2024-11-18T18:00:00+01:00</updated></entry>
</feed>`, srv.URL)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAddURL(t *testing.T) {
	srv := newsServer(t)
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1"}
	url := srv.URL + "/politik/pentagon"

	out, _, err := runCLI(t, env, "add", url)
	if err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	for _, want := range []string{
		`Added “Pentagon: Nur 3.000 nordkoreanische Soldaten an der Front” as article 127-0-0-1-2024-11-18-pentagon`,
		"publisher: Testpost · author: Eva Brandt · date: 18 Nov 2024 · 3 paragraphs",
		"canonical: " + url, "> Nach Angaben des Pentagon", "ontradiction", "[conflicting figures · high] New figure contradicts", "15.000",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("add output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCLI(t, env, "search", "Pentagon 3.000 Soldaten Front")
	if err != nil || !strings.Contains(out, "Testpost") {
		t.Errorf("the added page is not found: %v\n%s", err, out)
	}

	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"duplicate", env, []string{"add", url}, 1, "is in the archive already as article"},
		{"private address without the switch", map[string]string{"CLAIMBOT_DATA": env["CLAIMBOT_DATA"]}, []string{"add", srv.URL + "/welt/abendpost"}, 1, "loopback"},
		{"missing page", env, []string{"add", srv.URL + "/gibt-es-nicht"}, 1, "does not exist"},
		{"files and URLs mixed", env, []string{"add", url, "artikel.txt"}, 2, "not both"},
	}
	for _, tt := range tests {
		_, _, err := runCLI(t, tt.env, tt.args...)
		if err == nil || exitCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v (exit %d); want exit %d mentioning %q", tt.name, err, exitCode(err), tt.code, tt.want)
		}
	}

	// JSON for scripts.
	out, _, err = runCLI(t, env, "add", "--json", srv.URL+"/welt/abendpost")
	if err != nil {
		t.Fatalf("add --json: %v\n%s", err, out)
	}
	var rep struct {
		Added []struct {
			Article, Title, Publisher, Published, Canonical string
			Paragraphs                                      int
		} `json:"added"`
		Alerts []json.RawMessage `json:"alerts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Added) != 1 || rep.Added[0].Publisher != "Abendpost Test" || rep.Added[0].Published != "2024-11-18" || rep.Added[0].Paragraphs != 3 {
		t.Errorf("added: %+v", rep.Added)
	}
}

func TestFeedsCLI(t *testing.T) {
	srv := newsServer(t)
	env := map[string]string{"CLAIMBOT_DATA": t.TempDir(), "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1"}
	feed := srv.URL + "/feeds/welt.xml"
	steps := []struct {
		args []string
		want []string // in stdout
		err  string   // "" = success
		code int
	}{
		{args: []string{"feeds", "list"}, want: []string{"No feeds"}},
		{args: []string{"feeds", "add", feed}, want: []string{`Subscribed to “Abendpost Test – Welt” (one item now): ` + feed}},
		{args: []string{"feeds", "add", feed}, err: "subscribed already", code: 1},
		{args: []string{"feeds", "add", srv.URL + "/politik/pentagon"}, err: "text/html", code: 1},
		{args: []string{"feeds", "list"}, want: []string{feed, "last poll never"}},
		{args: []string{"feeds", "poll"}, want: []string{feed, "1 new, 0 seen before", `Added “Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front”`, "Abendpost Test · 18 Nov 2024", "ontradiction", "[conflicting figures · high]", "15.000"}},
		{args: []string{"feeds", "poll"}, want: []string{"0 new, 1 seen before", "No new articles."}},
		{args: []string{"search", "Abendpost Pentagon Nordkoreaner"}, want: []string{"Abendpost Test"}},
		{args: []string{"feeds", "list"}, want: []string{feed, "UTC"}},
		{args: []string{"feeds", "remove", feed}, want: []string{"Unsubscribed from " + feed}},
		{args: []string{"feeds", "remove", feed}, err: "no feed", code: 1},
		{args: []string{"feeds", "list"}, want: []string{"No feeds"}},
		{args: []string{"feeds"}, err: "feeds needs add URL | list", code: 2},
		{args: []string{"feeds", "add"}, err: "needs one feed URL", code: 2},
		{args: []string{"feeds", "frobnicate"}, err: "unknown command \"claimbot feeds frobnicate\"", code: 2},
	}
	for _, s := range steps {
		out, _, err := runCLI(t, env, s.args...)
		name := strings.Join(s.args, " ")
		if s.err != "" {
			if err == nil || exitCode(err) != s.code || !strings.Contains(err.Error(), s.err) {
				t.Errorf("%s: got %v (exit %d); want exit %d mentioning %q", name, err, exitCode(err), s.code, s.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		for _, w := range s.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", name, w, out)
			}
		}
	}
}

// TestFeedsListInReadersLanguage: `claimbot feeds list` says why a feed
// failed in the language the command runs in, whichever language the poll
// ran in, and --json gives the error's code beside its English message.
// (It printed the English stored at poll time, "… is text/html, not one
// of application/rss+xml, …", under a German list.)
func TestFeedsListInReadersLanguage(t *testing.T) {
	srv := newsServer(t)
	data := t.TempDir()
	notFeed := srv.URL + "/politik/pentagon" // an article page, not a feed
	poll := map[string]string{"CLAIMBOT_DATA": data, "CLAIMBOT_ALLOW_PRIVATE_FETCH": "1", "CLAIMBOT_LANG": "en"}
	if _, _, err := runCLI(t, poll, "feeds", "add", srv.URL+"/feeds/welt.xml"); err != nil {
		t.Fatal(err)
	}
	st, err := boltstate.Open(filepath.Join(data, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeed(t.Context(), state.Feed{URL: notFeed}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, _, err := runCLI(t, poll, "feeds", "poll"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang    string
		args    []string
		want    []string
		notWant []string
	}{
		{"de", []string{"feeds", "list"}, []string{notFeed + " ist text/html, nicht eines von application/rss+xml"}, []string{"not one of"}},
		{"en", []string{"feeds", "list"}, []string{notFeed + " is text/html, not one of application/rss+xml"}, nil},
		{"de", []string{"feeds", "list", "--json"}, []string{`"last_error_code": "invalid"`, `is text/html, not one of`}, nil},
	}
	for _, tt := range tests {
		out, _, err := runCLI(t, map[string]string{"CLAIMBOT_DATA": data, "CLAIMBOT_LANG": tt.lang}, tt.args...)
		if err != nil {
			t.Fatalf("%s %v: %v", tt.lang, tt.args, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %v: output lacks %q:\n%s", tt.lang, tt.args, w, out)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(out, w) {
				t.Errorf("%s %v: output has %q:\n%s", tt.lang, tt.args, w, out)
			}
		}
	}
}
