package ingest_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/ingest"
)

func TestFetchArticle(t *testing.T) {
	s := newSite(t)
	ing := localIngester(ingest.Options{})
	tests := []struct {
		path, golden                        string
		title, publisher, author, published string // published: RFC 3339, a day, or ""
		canonical                           string // path on the site
	}{
		{
			path: "/politik/nordkorea-soldaten", golden: "nordkorea-soldaten.md",
			title: "Nordkorea schickt Soldaten nach Russland", publisher: "Morgenpost Test", author: "Anna Schmidt",
			published: "2024-10-18T09:30:00+02:00", canonical: "/politik/nordkorea-soldaten", // <link rel=canonical> wins over og:url
		},
		{
			path: "/welt/kreml-dementi", golden: "kreml-dementi.md",
			title: "Kreml: Keine nordkoreanischen Truppen im Einsatz", publisher: "Abendblatt Test", author: "Jana Keller",
			published: "2024-10-21T17:05:00+02:00", canonical: "/welt/kreml-dementi",
		},
		{
			// No metadata at all: everything unknown stays empty.
			path: "/welt/waffenruhe", golden: "waffenruhe.md",
			title: "Gespräche über Waffenruhe in Istanbul", canonical: "/welt/waffenruhe",
		},
		{
			// ISO-8859-1 page; JSON-LD with a date only and an author string.
			path: "/wirtschaft/gaspreise", golden: "gaspreise.md",
			title: "Gaspreise steigen vor dem Winter", publisher: "Wirtschaftsblatt Test", author: "Peter Müller",
			published: "2024-11-02", canonical: "/wirtschaft/gaspreise",
		},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			f, err := ing.FetchArticle(context.Background(), s.URL(tt.path))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{
				"title": f.Title, "publisher": f.Publisher, "author": f.Author,
				"canonical": strings.TrimPrefix(f.Canonical, s.srv.URL), "url": f.URL,
			}
			want := map[string]string{
				"title": tt.title, "publisher": tt.publisher, "author": tt.author,
				"canonical": tt.canonical, "url": s.URL(tt.path),
			}
			for k := range want {
				if got[k] != want[k] {
					t.Errorf("%s = %q, want %q", k, got[k], want[k])
				}
			}
			checkPublished(t, f.Published, tt.published)

			// The file is what the library will parse: it must agree.
			a, err := articles.Parse(f.Name, f.Data)
			if err != nil {
				t.Fatalf("articles.Parse: %v\n%s", err, f.Data)
			}
			if a.ID != f.ArticleID || a.Title != tt.title || a.Publisher != tt.publisher || a.Author != tt.author || a.URL != f.Canonical {
				t.Errorf("parsed article = {ID %q Title %q Publisher %q Author %q URL %q}, want the fetched metadata (ID %q)", a.ID, a.Title, a.Publisher, a.Author, a.URL, f.ArticleID)
			}
			checkPublished(t, a.Published, tt.published)
			if len(a.Paragraphs) < 3 || f.Paragraphs != len(a.Paragraphs) {
				t.Errorf("%d paragraphs (Fetched says %d), want at least 3", len(a.Paragraphs), f.Paragraphs)
			}
			golden(t, tt.golden, bytes.ReplaceAll(f.Data, []byte(s.srv.URL), []byte("{{BASE}}")))
		})
	}
}

func checkPublished(t *testing.T, got time.Time, want string) {
	t.Helper()
	switch {
	case want == "":
		if !got.IsZero() {
			t.Errorf("published = %v, want unknown (zero)", got)
		}
	case len(want) == len("2006-01-02"):
		if got.Format(time.DateOnly) != want || got.Hour() != 0 || got.Minute() != 0 {
			t.Errorf("published = %v, want the day %s without an invented time", got, want)
		}
	default:
		w, _ := time.Parse(time.RFC3339, want)
		if !got.Equal(w) {
			t.Errorf("published = %v, want %v", got, w)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestFetchArticleNameIsStable(t *testing.T) {
	s := newSite(t)
	ing := localIngester(ingest.Options{})
	a, err := ing.FetchArticle(context.Background(), s.URL("/politik/nordkorea-soldaten"))
	if err != nil {
		t.Fatal(err)
	}
	// A tracking query or a fragment is the same article: same canonical
	// URL, so the same file name and ID (re-adding replaces, not duplicates).
	b, err := ing.FetchArticle(context.Background(), s.URL("/politik/nordkorea-soldaten#kommentare"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != b.Name || a.ArticleID != b.ArticleID {
		t.Errorf("names differ: %s vs %s", a.Name, b.Name)
	}
	if want := "2024-10-18-nordkorea-schickt-soldaten-nach-russland-"; !strings.Contains(a.Name, want) || !strings.HasSuffix(a.Name, ".md") {
		t.Errorf("name %q, want it to contain %q and end in .md", a.Name, want)
	}
}

func TestFetchArticleRefusals(t *testing.T) {
	s := newSite(t)
	big := bytes.Repeat([]byte("<p>Viel zu lang. </p>\n"), 300) // about 6 KiB
	s.Handle("/gross", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(big)
	})
	s.Handle("/gross-ohne-laenge", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.(http.Flusher).Flush() // chunked: no Content-Length to check up front
		w.Write(big)
	})
	s.Handle("/bild", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	s.Handle("/kaputt", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "Wartungsarbeiten", http.StatusServiceUnavailable)
	})
	s.Handle("/paywall", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "Nur für Abonnenten", http.StatusForbidden)
	})
	s.Handle("/langsam", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // answers only when the client gives up
	})
	s.Handle("/kreis", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/kreis", http.StatusFound)
	})
	s.Handle("/leer", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><div>` + strings.Repeat("Text ohne Titel. ", 60) + `</div></body></html>`))
	})
	closed := newSite(t)
	closedURL := closed.URL("/weg")
	closed.srv.Close()

	ing := localIngester(ingest.Options{MaxBytes: 4096, Timeout: 200 * time.Millisecond})
	tests := []struct {
		name, url, code, msg string
	}{
		{"not an article", s.URL("/impressum"), claimbot.EINVALID, "is not an article: it has only"},
		{"no title", s.URL("/leer"), claimbot.EINVALID, "is not an article: the page has no title"},
		{"too large", s.URL("/gross"), claimbot.EINVALID, "is larger than the 4096 bytes allowed"},
		{"too large, chunked", s.URL("/gross-ohne-laenge"), claimbot.EINVALID, "is larger than the 4096 bytes allowed"},
		{"wrong type", s.URL("/bild"), claimbot.EINVALID, "is image/png, not one of text/html"},
		{"server error", s.URL("/kaputt"), claimbot.EUNAVAILABLE, "is unavailable (the server answered 503 Service Unavailable)"},
		{"forbidden", s.URL("/paywall"), claimbot.EINVALID, "was refused by the server (403 Forbidden)"},
		{"missing", s.URL("/gibt-es-nicht"), claimbot.ENOTFOUND, "does not exist"},
		{"timeout", s.URL("/langsam"), claimbot.ETIMEOUT, "did not answer in time"},
		{"redirect loop", s.URL("/kreis"), claimbot.EINVALID, "it redirects more than 5 times"},
		{"unreachable", closedURL, claimbot.EUNAVAILABLE, "could not reach 127.0.0.1"},
		{"ftp", "ftp://example.org/artikel.txt", claimbot.EINVALID, `only http and https URLs can be fetched, not "ftp"`},
		{"file", "file:///etc/passwd", claimbot.EINVALID, `only http and https`},
		{"relative", "/politik/artikel", claimbot.EINVALID, "is not an absolute URL"},
		{"credentials", "http://user:pw@example.org/", claimbot.EINVALID, "user name or password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ing.FetchArticle(context.Background(), tt.url)
			t.Logf("[%s] %s", claimbot.ErrorCode(err), claimbot.ErrorMessage(err))
			if claimbot.ErrorCode(err) != tt.code || !strings.Contains(claimbot.ErrorMessage(err), tt.msg) {
				t.Errorf("FetchArticle(%s) = [%s] %q; want [%s] containing %q", tt.url, claimbot.ErrorCode(err), claimbot.ErrorMessage(err), tt.code, tt.msg)
			}
		})
	}
}

func TestDefaultSizeCap(t *testing.T) {
	s := newSite(t)
	body := make([]byte, ingest.DefaultMaxBytes+1)
	for i := range body {
		body[i] = 'a'
	}
	s.Handle("/riesig", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(body)
	})
	_, err := localIngester(ingest.Options{}).FetchArticle(context.Background(), s.URL("/riesig"))
	if claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(claimbot.ErrorMessage(err), "larger than the 5 MiB allowed") {
		t.Errorf("5 MiB + 1 byte: %v, want EINVALID larger than the 5 MiB allowed", err)
	}
}

// TestAddressChecks runs without AllowPrivate: names resolve through a
// resolver hook and the only reachable "public" address is routed to the
// test server, so nothing touches DNS or the network.
func TestAddressChecks(t *testing.T) {
	s := newSite(t)
	port := s.srv.Listener.Addr().(*net.TCPAddr).Port
	hosts := map[string]string{
		"nachrichten.example": "203.0.113.10", // stands for a public news site
		"intern.example":      "127.0.0.1",
		"metadaten.example":   "169.254.169.254",
		"aws6.example":        "fd00:ec2::254",
		"lan.example":         "192.168.1.20",
		"cgnat.example":       "100.64.0.7",
		"gemischt.example":    "203.0.113.10,10.0.0.1", // one private answer is enough to refuse
		"mapped.example":      "::ffff:127.0.0.1",
	}
	resolve, dial := publicNet(t, s.srv, hosts)
	pub := func(path string) string { return "http://nachrichten.example" + path }
	s.Handle("/umleitung-metadaten", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/", http.StatusFound)
	})
	s.Handle("/umleitung-intern", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://intern.example/politik/nordkorea-soldaten", http.StatusMovedPermanently)
	})
	s.Handle("/umleitung-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL("/politik/nordkorea-soldaten"), http.StatusFound)
	})
	s.Handle("/umleitung-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://nachrichten.example/x", http.StatusFound)
	})
	s.Handle("/umleitung-gut", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/politik/nordkorea-soldaten", http.StatusFound)
	})

	tests := []struct {
		name, url    string
		allowPrivate bool
		code, msg    string // code "" means success
	}{
		{"public name", pub("/politik/nordkorea-soldaten"), false, "", ""},
		{"redirect within the public site", pub("/umleitung-gut"), false, "", ""},
		{"name resolving to loopback", "http://intern.example/", false, claimbot.EINVALID, "intern.example resolves to 127.0.0.1, which is a loopback address"},
		{"name resolving to metadata", "http://metadaten.example/latest/meta-data/", false, claimbot.EINVALID, "a cloud metadata address"},
		{"IPv6 metadata", "http://aws6.example/", false, claimbot.EINVALID, "a cloud metadata address"},
		{"private LAN", "http://lan.example/", false, claimbot.EINVALID, "a private address"},
		{"CGNAT", "http://cgnat.example/", false, claimbot.EINVALID, "a carrier-grade NAT address"},
		{"one private answer", "http://gemischt.example/", false, claimbot.EINVALID, "resolves to 10.0.0.1, which is a private address"},
		{"IPv4-mapped loopback", "http://mapped.example/", false, claimbot.EINVALID, "a loopback address"},
		{"literal loopback", s.URL("/politik/nordkorea-soldaten"), false, claimbot.EINVALID, "127.0.0.1 is a loopback address"},
		{"literal IPv6 loopback", "http://[::1]:" + itoa(port) + "/", false, claimbot.EINVALID, "a loopback address"},
		{"literal metadata", "http://169.254.169.254/latest/meta-data/", false, claimbot.EINVALID, "a cloud metadata address"},
		{"decimal loopback", "http://2130706433/", false, claimbot.EUNAVAILABLE, "could not reach"}, // not an IP to Go: looked up as a name, which our resolver does not know
		{"redirect to metadata", pub("/umleitung-metadaten"), false, claimbot.EINVALID, "it redirects to http://169.254.169.254/latest/meta-data/iam/, and 169.254.169.254 is a cloud metadata address"},
		{"redirect to a name resolving to loopback", pub("/umleitung-intern"), false, claimbot.EINVALID, "intern.example resolves to 127.0.0.1"},
		{"redirect to literal loopback", pub("/umleitung-loopback"), false, claimbot.EINVALID, "127.0.0.1 is a loopback address"},
		{"redirect to ftp", pub("/umleitung-ftp"), false, claimbot.EINVALID, `not "ftp"`},
		{"metadata even with AllowPrivate", "http://metadaten.example/", true, claimbot.EINVALID, "a cloud metadata address"},
		{"loopback with AllowPrivate", s.URL("/politik/nordkorea-soldaten"), true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := ingest.Options{AllowPrivate: tt.allowPrivate, Resolver: resolve, Dial: dial}
			if tt.allowPrivate {
				opts.Dial = nil // the real dialer, to the real 127.0.0.1 test server
			}
			f, err := ingest.New(opts).FetchArticle(context.Background(), tt.url)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("FetchArticle(%s): %v", tt.url, err)
				}
				if f.Title != "Nordkorea schickt Soldaten nach Russland" {
					t.Errorf("title %q", f.Title)
				}
				return
			}
			t.Logf("[%s] %s", claimbot.ErrorCode(err), claimbot.ErrorMessage(err))
			if claimbot.ErrorCode(err) != tt.code || !strings.Contains(claimbot.ErrorMessage(err), tt.msg) {
				t.Errorf("FetchArticle(%s) = [%s] %q; want [%s] containing %q", tt.url, claimbot.ErrorCode(err), claimbot.ErrorMessage(err), tt.code, tt.msg)
			}
		})
	}
}

// TestNoDNSRebinding: a resolver that answers differently the second time
// cannot win, because the address checked is the address dialled.
func TestNoDNSRebinding(t *testing.T) {
	s := newSite(t)
	calls := 0
	rebinding := func(context.Context, string) ([]netip.Addr, error) {
		calls++
		if calls == 1 {
			return []netip.Addr{netip.MustParseAddr("203.0.113.10")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	var dialled []string
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialled = append(dialled, addr)
		return nil, &net.OpError{Op: "dial", Net: network, Err: errTestNoRoute}
	}
	_, err := ingest.New(ingest.Options{Resolver: rebinding, Dial: dial}).FetchArticle(context.Background(), "http://rebind.example:"+itoa(s.srv.Listener.Addr().(*net.TCPAddr).Port)+"/")
	if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE {
		t.Errorf("err = %v, want EUNAVAILABLE from the (fake) unreachable public address", err)
	}
	for _, a := range dialled {
		if !strings.HasPrefix(a, "203.0.113.10:") {
			t.Errorf("dialled %s; only the checked address may be dialled", a)
		}
	}
	if calls != 1 {
		t.Errorf("resolver called %d times, want once per connection", calls)
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTestNoRoute = testError("test: no route to host")

func itoa(n int) string { return strconv.Itoa(n) }

// TestFetchPlainText: a text/plain page is taken as it is, like a seed
// file; articles.Parse reads its title, dateline and byline.
func TestFetchPlainText(t *testing.T) {
	s := newSite(t)
	text := "Bahnstreik legt Fernverkehr lahm\n\n07.03.2024, 06:10 Uhr\n\nVon Tom Richter\n\n" +
		"Die Lokführergewerkschaft GDL hat erneut zu einem Streik im Personenverkehr aufgerufen. Nach Angaben der Deutschen Bahn fallen rund 80 Prozent der Fernzüge aus.\n\n" +
		"Pendler müssen sich auch im Regionalverkehr auf erhebliche Einschränkungen einstellen. Die Bahn richtete einen Ersatzfahrplan ein und bat Reisende, nicht notwendige Fahrten zu verschieben.\n\n" +
		"Der Streik soll nach Angaben der Gewerkschaft bis Freitagmorgen dauern.\n"
	s.Handle("/meldung/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(text))
	})
	f, err := localIngester(ingest.Options{}).FetchArticle(context.Background(), s.URL("/meldung/"))
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Data) != text || f.Title != "Bahnstreik legt Fernverkehr lahm" || f.Author != "Tom Richter" || f.Publisher != "" {
		t.Errorf("got %+v", f)
	}
	if !strings.HasPrefix(f.Name, "127-0-0-1-2024-03-07-bahnstreik-legt-fernverkehr-lahm-") || !strings.HasSuffix(f.Name, ".txt") {
		t.Errorf("name %q", f.Name)
	}
	if f.Canonical != s.URL("/meldung/") {
		t.Errorf("canonical %q, want the final URL", f.Canonical)
	}
}
