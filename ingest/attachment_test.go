package ingest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/ingest"
)

// TestFetchAttachment downloads uploads as Discord serves them: the file
// name decides how the text is read, the safe client's limits apply, and
// what is not text is refused with a reason.
func TestFetchAttachment(t *testing.T) {
	s := newSite(t)
	serve := func(path, contentType, body string) string {
		s.Handle(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(body))
		})
		return s.URL(path)
	}
	md := serve("/att/1/neu.md", "text/markdown; charset=utf-8", uploadMD)
	html := serve("/att/2/seite.html", "text/html; charset=utf-8", uploadHTML)
	octet := serve("/att/3/neu.md", "application/octet-stream", uploadMD)
	png := serve("/att/4/bild.md", "image/png", "\x89PNG\r\n\x1a\n")
	binary := serve("/att/5/bild.txt", "application/octet-stream", "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	big := serve("/att/6/gross.txt", "text/plain", strings.Repeat("Wort ", 300))

	tests := []struct {
		name, url, file string
		opts            ingest.Options
		title, id       string // on success
		code, msg       string // on failure
	}{
		{name: "markdown with front matter", url: md, file: "neu.md", title: "Bundestag debattiert über Wehrpflicht", id: "neu"},
		{name: "html is extracted", url: html, file: "seite.html", title: "Hochwasser in Süddeutschland", id: "seite"},
		{name: "octet-stream that is text", url: octet, file: "neu.md", title: "Bundestag debattiert über Wehrpflicht", id: "neu"},
		{name: "image type", url: png, file: "bild.md", code: claimbot.EINVALID, msg: "image/png"},
		{name: "binary bytes", url: binary, file: "bild.txt", code: claimbot.EINVALID, msg: "binary"},
		{name: "wrong extension, not downloaded", url: s.URL("/att/7/bild.png"), file: "bild.png", code: claimbot.EINVALID, msg: "only .txt, .md and .html"},
		{name: "too large", url: big, file: "gross.txt", opts: ingest.Options{MaxBytes: 1000}, code: claimbot.EINVALID, msg: "larger than"},
		{name: "gone", url: s.URL("/att/8/weg.txt"), file: "weg.txt", code: claimbot.ENOTFOUND, msg: "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := localIngester(tt.opts).FetchAttachment(context.Background(), tt.url, tt.file)
			if tt.code != "" {
				if claimbot.ErrorCode(err) != tt.code || !strings.Contains(claimbot.ErrorMessage(err), tt.msg) {
					t.Fatalf("got %v (%s); want %s mentioning %q", err, claimbot.ErrorCode(err), tt.code, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || f.ArticleID != tt.id || f.URL != "" {
				t.Errorf("got title %q, ID %q, URL %q; want %q, %q and no URL", f.Title, f.ArticleID, f.URL, tt.title, tt.id)
			}
		})
	}
	if n := s.Requests("/att/7/bild.png"); n != 0 {
		t.Errorf("a .png attachment was downloaded %d times", n)
	}

	t.Run("private address refused by default", func(t *testing.T) {
		_, err := ingest.New(ingest.Options{}).FetchAttachment(context.Background(), md, "neu.md")
		if claimbot.ErrorCode(err) != claimbot.EINVALID || !strings.Contains(claimbot.ErrorMessage(err), "loopback") {
			t.Errorf("got %v; want the loopback address refused", err)
		}
	})
}
