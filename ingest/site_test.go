package ingest_test

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/claimbot/claimbot/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// site is a German news site on 127.0.0.1 serving the pages and feeds in
// testdata, with the conditional-GET behaviour of real servers and a count
// of every request so tests can see what was fetched.
type site struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	requests map[string]int // path → requests
	notMod   map[string]int // path → 304 answers
	feeds    map[string]string
	extra    map[string]http.HandlerFunc
}

var pages = map[string]struct{ file, contentType string }{
	"/politik/nordkorea-soldaten": {"nordkorea-soldaten.html", "text/html; charset=utf-8"},
	"/welt/kreml-dementi":         {"kreml-dementi.html", "text/html; charset=utf-8"},
	"/welt/waffenruhe":            {"waffenruhe.html", "text/html"}, // charset from <meta>
	"/wirtschaft/gaspreise":       {"gaspreise.html", "text/html; charset=iso-8859-1"},
	"/impressum":                  {"impressum.html", "text/html; charset=utf-8"},
}

func newSite(t *testing.T) *site {
	s := &site{
		t:        t,
		requests: map[string]int{},
		notMod:   map[string]int{},
		feeds:    map[string]string{"/feeds/atom.xml": "atom.xml", "/feeds/rss.xml": "rss.xml"},
		extra:    map[string]http.HandlerFunc{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) URL(path string) string { return s.srv.URL + path }

// Handle adds a handler for one path (faults, redirects).
func (s *site) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.extra[path] = h
}

// SetFeed makes path serve another testdata/feeds file (a feed update).
func (s *site) SetFeed(path, file string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feeds[path] = file
}

func (s *site) Requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

func (s *site) NotModified(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notMod[path]
}

// read returns a testdata file with {{BASE}} replaced by the server's URL.
func (s *site) read(dir, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		s.t.Error(err)
		return nil
	}
	return []byte(strings.ReplaceAll(string(data), "{{BASE}}", s.srv.URL))
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path]++
	h := s.extra[r.URL.Path]
	feed := s.feeds[r.URL.Path]
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	if p, ok := pages[r.URL.Path]; ok {
		w.Header().Set("Content-Type", p.contentType)
		w.Write(s.read("site", p.file))
		return
	}
	if feed == "" {
		http.NotFound(w, r)
		return
	}
	body := s.read("feeds", feed)
	// The Atom feed validates with an ETag, the RSS feed with
	// Last-Modified, as servers do one or the other.
	if strings.HasSuffix(r.URL.Path, "atom.xml") {
		etag := fmt.Sprintf(`"%s-%d"`, feed, len(body))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.count304(r.URL.Path)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	} else {
		lm := "Sat, 02 Nov 2024 08:00:00 GMT"
		if feed != "rss.xml" {
			lm = "Tue, 05 Nov 2024 12:00:00 GMT"
		}
		w.Header().Set("Last-Modified", lm)
		if r.Header.Get("If-Modified-Since") == lm {
			s.count304(r.URL.Path)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
	}
	w.Write(body)
}

func (s *site) count304(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notMod[path]++
}

// localIngester may fetch from the httptest server on 127.0.0.1: tests are
// the one place AllowPrivate is on.
func localIngester(opts ingest.Options) *ingest.Ingester {
	opts.AllowPrivate = true
	return ingest.New(opts)
}

// publicNet pretends that the given host names resolve to public addresses
// and routes connections for those addresses to the test server, so the
// address checks run as in production without DNS or real network. A dial
// to any other address fails the test: nothing may leave the machine.
func publicNet(t *testing.T, srv *httptest.Server, hosts map[string]string) (ingest.Resolver, ingest.DialFunc) {
	target := srv.Listener.Addr().String()
	resolve := func(_ context.Context, host string) ([]netip.Addr, error) {
		ip, ok := hosts[host]
		if !ok {
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		var out []netip.Addr
		for _, s := range strings.Split(ip, ",") {
			out = append(out, netip.MustParseAddr(s))
		}
		return out, nil
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		ap := netip.MustParseAddrPort(addr)
		for _, ip := range hosts {
			if ap.Addr().String() == ip {
				var d net.Dialer
				return d.DialContext(ctx, network, target)
			}
		}
		t.Errorf("dial to %s: the address check should have refused it", addr)
		return nil, fmt.Errorf("test: no route to %s", addr)
	}
	return resolve, dial
}
