package ingest

import (
	"bytes"
	"context"
	"mime"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
)

// pageTypes are the media types an article page may have.
var pageTypes = []string{"text/html", "application/xhtml+xml", "text/plain"}

// FetchArticle fetches the page at rawURL and converts it to an article
// file. It refuses (EINVALID) pages that are not articles, too large, of the
// wrong type or at a forbidden address; EUNAVAILABLE/ETIMEOUT when the site
// cannot be reached. Whether the article is in the archive already is the
// library's to say, when it is added.
func (ing *Ingester) FetchArticle(ctx context.Context, rawURL string) (Fetched, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return Fetched{}, err
	}
	return ing.fetchArticle(ctx, u.String())
}

// fetchArticle is FetchArticle without the duplicate checks; u is a URL
// that passed ParseURL.
func (ing *Ingester) fetchArticle(ctx context.Context, u string) (Fetched, error) {
	resp, err := ing.get(ctx, u, pageTypes, nil)
	if err != nil {
		return Fetched{}, err
	}
	var f Fetched
	if resp.ContentType == "text/plain" {
		f, err = ing.fromText(u, resp.Body, resp.ContentType, resp.URL.String())
	} else {
		ct := resp.ContentType
		if resp.Charset != "" {
			ct = mime.FormatMediaType(ct, map[string]string{"charset": resp.Charset})
		}
		f, err = ing.extractHTML(u, resp.Body, ct, resp.URL)
	}
	if err != nil {
		return Fetched{}, err
	}
	f.URL = u
	return f, nil
}

// fromText takes a plain-text page or upload as it is: the seed corpus is
// plain text and articles.Parse reads titles, datelines and bylines from it.
func (ing *Ingester) fromText(name string, data []byte, contentType, pageURL string) (Fetched, error) {
	if err := checkText(name, data, contentType); err != nil {
		return Fetched{}, err
	}
	f := Fetched{Data: data, Canonical: pageURL}
	parseName := uploadName(name)
	if pageURL != "" {
		parseName = "page.txt" // a URL's last segment need not make a valid ID
	}
	a, err := articles.Parse(parseName, data)
	if err != nil {
		return Fetched{}, err
	}
	f.Title, f.Publisher, f.Author, f.Published = a.Title, a.Publisher, a.Author, a.Published
	if pageURL != "" {
		// Web pages must look like articles; an upload is the user's choice.
		text := 0
		for _, p := range a.Paragraphs {
			text += utf8.RuneCountInString(p.Text)
		}
		if text < ing.opts.MinTextRunes {
			return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an article: it has only %d characters of text (at least %d needed)", name, text, ing.opts.MinTextRunes).Say(msgTooShort, name, text, ing.opts.MinTextRunes)
		}
		u, _ := ParseURL(pageURL)
		f.Name = fileName(f, u, ".txt")
	} else {
		f.Name = parseName
	}
	return ing.finish(f)
}

// Upload limits and kinds.
var uploadExts = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// FromFile converts an uploaded file: .txt and .md (with front matter) are
// kept as they are after checking that they parse; .html goes through the
// same extractor as fetched pages. contentType is what the uploader
// declared ("" when unknown).
func (ing *Ingester) FromFile(_ context.Context, name string, data []byte, contentType string) (Fetched, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if !uploadExts[ext] {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s: only .txt, .md and .html files can be added", filepath.Base(name)).Say(msgOnlyTextFiles, filepath.Base(name))
	}
	if int64(len(data)) > ing.opts.MaxBytes {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s is larger than the %s allowed", filepath.Base(name), mib(ing.opts.MaxBytes)).Say(msgFileTooLarge, filepath.Base(name), mib(ing.opts.MaxBytes))
	}
	if err := checkText(name, data, contentType); err != nil {
		return Fetched{}, err
	}
	var f Fetched
	var err error
	switch ext {
	case ".html", ".htm":
		f, err = ing.extractHTML(filepath.Base(name), data, contentType, nil)
		if err == nil {
			// Keep the uploader's name: there is no URL to name it after.
			f.Name = uploadName(name)
			f, err = ing.finish(f)
		}
	default:
		f, err = ing.fromText(name, data, contentType, "")
	}
	if err != nil {
		return Fetched{}, err
	}
	return f, nil
}

// uploadName keeps the uploader's base name but always as .md/.txt so the
// library stores an article file, not HTML.
func uploadName(name string) string {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	switch ext {
	case ".html", ".htm", ".markdown":
		return stem + ".md"
	}
	return stem + ext
}

// checkText refuses binary uploads before they reach a parser: a declared
// non-text type, NUL bytes, or bytes that are neither UTF-8 nor a
// plausible Latin-1 text.
func checkText(name string, data []byte, contentType string) error {
	base := filepath.Base(name)
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err == nil && !strings.HasPrefix(mt, "text/") && mt != "application/xhtml+xml" && mt != "application/octet-stream" {
			return claimbot.Errorf(claimbot.EINVALID, "%s is %s, not text", base, mt).Say(msgNotText, base, mt)
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s is empty", base).Say(msgFileEmpty, base)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s contains binary data, not text (UTF-16 files must be converted to UTF-8)", base).Say(msgBinaryUTF16, base)
	}
	if !utf8.Valid(data) && !strings.Contains(strings.ToLower(contentType), "charset") {
		// articles.Parse converts Windows-1252; only refuse what is clearly
		// not text of any 8-bit encoding.
		ctl := 0
		for _, c := range data {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
				ctl++
			}
		}
		if ctl*50 > len(data) {
			return claimbot.Errorf(claimbot.EINVALID, "%s contains binary data, not text", base).Say(msgBinary, base)
		}
	}
	return nil
}
