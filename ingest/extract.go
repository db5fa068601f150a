package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"gopkg.in/yaml.v3"
)

// Fetched is one article ready for library.Add: a file name and its
// contents (Markdown with YAML front matter, or the uploaded text as is),
// plus what the caller needs for messages and dedup.
type Fetched struct {
	Name      string // file name for library.Add, e.g. "tagesspiegel-de-2024-11-18-nordkorea-schickt-soldaten-3f2a9c.md"
	Data      []byte // the article file; articles.Parse(Name, Data) succeeds
	ArticleID string // articles.IDFromFile(Name)

	URL       string // the URL asked for ("" for uploads)
	Canonical string // canonical URL from the page's metadata, else the final URL ("" for uploads without one)

	Title, Publisher, Author string    // "" when the page does not say
	Published                time.Time // zero when the page does not say
	Paragraphs               int
}

// pageMeta is the metadata readability does not expose (canonical URL) or
// that we parse more strictly than it does (dates: readability guesses
// between day-month and month-day orders, German pages write 05.11.2024).
type pageMeta struct {
	canonical, ogURL, jsonldURL string
	published                   string
	author                      string
}

var articleTypes = regexp.MustCompile(`^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|Report|BlogPosting|LiveBlogPosting)$`)

func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var metaPublished string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case "meta":
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					if m.ogURL == "" {
						m.ogURL = content
					}
				case "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "dc.date.issued", "dcterms.issued":
					if metaPublished == "" {
						metaPublished = content
					}
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &m)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.published == "" {
		m.published = metaPublished
	}
	return m
}

// readJSONLD takes datePublished, url and a plain-string author from the
// first article object, looking inside @graph and arrays as sites nest them.
func readJSONLD(src string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var visit func(any) bool
	visit = func(v any) bool {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e) {
					return true
				}
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok && visit(g) {
				return true
			}
			if !isArticleType(x["@type"]) {
				return false
			}
			if s, ok := x["datePublished"].(string); ok && m.published == "" {
				m.published = strings.TrimSpace(s)
			}
			if s, ok := x["url"].(string); ok && m.jsonldURL == "" {
				m.jsonldURL = strings.TrimSpace(s)
			}
			if s, ok := x["author"].(string); ok && m.author == "" {
				m.author = strings.TrimSpace(s)
			}
			return true
		}
		return false
	}
	visit(v)
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes.MatchString(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && articleTypes.MatchString(s) {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// extractHTML turns an HTML page into an article file. pageURL is the
// final URL (base for relative links, fallback canonical URL); it may be nil
// for uploads.
func (ing *Ingester) extractHTML(name string, body []byte, contentType string, pageURL *url.URL) (Fetched, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s: unknown character set in %q", name, contentType).Say(msgUnknownCharset, name, contentType)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s: not readable HTML: %v", name, err).Say(msgNotHTML, name)
	}
	meta := readMeta(doc)
	parser := readability.NewParser()
	// go-readability logs its scoring at info; for claimbot that is
	// detail, so it goes in at debug.
	parser.Logger = slog.New(debugOnly{ing.log.Handler()}).With("source", "go-readability")
	art, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an article: %v", name, err).Say(msgNotArticle, name)
	}

	f := Fetched{
		Title:     oneLine(art.Title()),
		Publisher: oneLine(art.SiteName()),
		Author:    cleanByline(art.Byline()),
	}
	if f.Author == "" {
		f.Author = cleanByline(meta.author)
	}
	published, hasClock := parsePublished(meta.published)
	f.Published = published
	if pageURL != nil {
		f.Canonical = pageURL.String()
	}
	for _, c := range []string{meta.canonical, meta.ogURL, meta.jsonldURL} {
		if u := resolveHTTP(pageURL, c); u != "" {
			f.Canonical = u
			break
		}
	}

	var blocks []string
	if art.Node != nil {
		blocks = markdownBlocks(art.Node, f.Title)
	}
	text := 0
	paragraphs := 0
	for _, b := range blocks {
		if !strings.HasPrefix(b, "## ") {
			text += utf8.RuneCountInString(b)
			paragraphs++
		}
	}
	switch {
	case f.Title == "":
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an article: the page has no title", name).Say(msgNoTitle, name)
	case text < ing.opts.MinTextRunes:
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an article: it has only %d characters of text (at least %d needed)", name, text, ing.opts.MinTextRunes).Say(msgTooShort, name, text, ing.opts.MinTextRunes)
	}
	f.Paragraphs = paragraphs

	var doc2 bytes.Buffer
	doc2.WriteString("---\n")
	fm := frontMatter{Title: f.Title, URL: f.Canonical, Publisher: f.Publisher, Author: f.Author, Published: formatPublished(published, hasClock)}
	enc := yaml.NewEncoder(&doc2)
	if err := enc.Encode(fm); err != nil {
		return Fetched{}, claimbot.Errorf(claimbot.EINTERNAL, "encode front matter: %w", err)
	}
	enc.Close()
	doc2.WriteString("---\n\n")
	for _, b := range blocks {
		doc2.WriteString(b)
		doc2.WriteString("\n\n")
	}
	f.Data = doc2.Bytes()
	f.Name = fileName(f, pageURL, ".md")
	return ing.finish(f)
}

// finish parses the file as the library will, so that nothing the library
// would refuse leaves this package, and derives the ID and the text hash.
func (ing *Ingester) finish(f Fetched) (Fetched, error) {
	a, err := articles.Parse(f.Name, f.Data)
	if err != nil {
		return Fetched{}, err
	}
	f.ArticleID = a.ID
	f.Paragraphs = len(a.Paragraphs)
	if f.Title == "" {
		f.Title, f.Publisher, f.Author, f.Published = a.Title, a.Publisher, a.Author, a.Published
	}
	if f.Canonical == "" && a.URL != "" {
		if u, err := ParseURL(a.URL); err == nil {
			f.Canonical = u.String()
		}
	}
	return f, nil
}

// frontMatter is written in the order and with the keys articles.Parse
// reads; empty values are left out rather than guessed.
type frontMatter struct {
	Title     string `yaml:"title"`
	URL       string `yaml:"url,omitempty"`
	Publisher string `yaml:"publisher,omitempty"`
	Author    string `yaml:"author,omitempty"`
	Published string `yaml:"published,omitempty"`
}

var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "dd": true, "details": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true, "tbody": true,
	"thead": true, "tr": true, "td": true, "th": true, "ul": true,
}

// markdownBlocks renders readability's cleaned content as the Markdown
// subset articles.Parse understands: one paragraph per block, "## " for
// sub-headings, "- " for list items. Figures and captions are dropped: they
// are picture credits, not reporting.
func markdownBlocks(root *html.Node, title string) []string {
	var out []string
	add := func(prefix, text string) {
		text = oneLine(text)
		if text == "" {
			return
		}
		if prefix == "## " && text == title {
			return // readability keeps the headline as a heading
		}
		out = append(out, prefix+text)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "figure", "figcaption", "nav", "aside", "form", "button", "script", "style", "noscript":
			return
		case "h1", "h2", "h3", "h4", "h5", "h6":
			add("## ", render.InnerText(n))
			return
		case "li":
			if !hasBlockChild(n) {
				add("- ", render.InnerText(n))
				return
			}
		case "p", "pre", "dt", "dd", "td", "th":
			add("", render.InnerText(n))
			return
		}
		if !hasBlockChild(n) {
			add("", render.InnerText(n))
			return
		}
		// Mixed content: text directly inside a container next to blocks
		// is a paragraph of its own.
		var inline []*html.Node
		flush := func() {
			var b strings.Builder
			for _, c := range inline {
				b.WriteString(innerTextOf(c))
			}
			add("", b.String())
			inline = nil
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && blockTags[c.Data] {
				flush()
				walk(c)
			} else {
				inline = append(inline, c)
			}
		}
		flush()
	}
	walk(root)
	// List items that follow each other stay one block so articles.Parse
	// sees one bulleted paragraph.
	var merged []string
	for _, b := range out {
		if n := len(merged); n > 0 && strings.HasPrefix(b, "- ") && strings.HasPrefix(merged[n-1], "- ") {
			merged[n-1] += "\n" + b
			continue
		}
		merged = append(merged, b)
	}
	return merged
}

func innerTextOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	return render.InnerText(n)
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.Data] || hasBlockChild(c)) {
			return true
		}
	}
	return false
}

// oneLine collapses all white space, so a value fits a YAML scalar and a
// Markdown paragraph line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

var reBylinePrefix = regexp.MustCompile(`(?i)^(?:von|by|autor(?:in)?:?|text:?)\s+`)

// cleanByline keeps the names in a byline: readability returns what the
// page shows ("Von Anna Schmidt"), and URLs (article:author) are not names.
func cleanByline(s string) string {
	s = oneLine(s)
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	s = reBylinePrefix.ReplaceAllString(s, "")
	if utf8.RuneCountInString(s) > 200 {
		return "" // a paragraph that readability took for a byline
	}
	return s
}

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err) // articles imports time/tzdata, so this cannot fail
	}
	return loc
}()

// parsePublished reads the page's publication date strictly: ISO 8601
// forms and German day-first dates. Anything else stays unknown rather than
// guessed.
func parsePublished(s string) (t time.Time, clock bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	layouts := []struct {
		layout string
		clock  bool
	}{
		{time.RFC3339Nano, true},
		{"2006-01-02T15:04:05Z0700", true},
		{"2006-01-02T15:04Z07:00", true},
		{"2006-01-02T15:04:05", true},
		{"2006-01-02T15:04", true},
		{"2006-01-02 15:04:05", true},
		{"2006-01-02 15:04", true},
		{time.DateOnly, false},
		{"02.01.2006 15:04", true},
		{"02.01.2006", false},
		{"2.1.2006", false},
		{time.RFC1123Z, true},
		{time.RFC1123, true},
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l.layout, s, berlin); err == nil {
			return t, l.clock
		}
	}
	return time.Time{}, false
}

// formatPublished writes a date in a form articles.Parse reads back to the
// same instant: RFC 3339 when the page gave a time, the day alone otherwise.
func formatPublished(t time.Time, clock bool) string {
	switch {
	case t.IsZero():
		return ""
	case clock:
		return t.Format(time.RFC3339)
	default:
		return t.Format(time.DateOnly)
	}
}

// resolveHTTP resolves ref against base (nil: ref must be absolute) and
// returns it if it is http(s).
func resolveHTTP(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	u, err := ParseURL(r.String())
	if err != nil {
		return ""
	}
	return u.String()
}

// fileName derives a stable, readable name from where the article lives,
// its date and its title; a short hash of the canonical URL keeps two
// articles with the same headline apart while the same page always gets
// the same name (so re-ingesting replaces rather than duplicates).
func fileName(f Fetched, pageURL *url.URL, ext string) string {
	var parts []string
	key := f.Canonical
	if u, err := url.Parse(f.Canonical); err == nil && u.Host != "" {
		parts = append(parts, truncateSlug(slug(strings.TrimPrefix(u.Hostname(), "www.")), 24))
	} else if pageURL != nil {
		parts = append(parts, truncateSlug(slug(strings.TrimPrefix(pageURL.Hostname(), "www.")), 24))
	}
	if !f.Published.IsZero() {
		parts = append(parts, f.Published.In(berlin).Format(time.DateOnly))
	}
	// The title's first words are enough to recognise the article; the
	// ID is typed and shown in every answer, so it stays short.
	parts = append(parts, truncateSlug(slug(f.Title), 40))
	if key == "" {
		key = f.Title
	}
	sum := sha256.Sum256([]byte(key))
	parts = append(parts, hex.EncodeToString(sum[:3]))
	// The parts hold no dots, so IDFromFile sees ext as the only extension.
	return strings.Join(parts, "-") + ext
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "ae", "Ö", "oe", "Ü", "ue", "ß", "ss")

func slug(s string) string {
	s = umlauts.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func truncateSlug(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// debugOnly hands every record on at debug level: library chatter that
// belongs in a debug log, not in an operator's.
type debugOnly struct{ h slog.Handler }

func (d debugOnly) Enabled(ctx context.Context, _ slog.Level) bool {
	return d.h.Enabled(ctx, slog.LevelDebug)
}

func (d debugOnly) Handle(ctx context.Context, r slog.Record) error {
	r.Level = slog.LevelDebug
	return d.h.Handle(ctx, r)
}

func (d debugOnly) WithAttrs(as []slog.Attr) slog.Handler { return debugOnly{d.h.WithAttrs(as)} }
func (d debugOnly) WithGroup(g string) slog.Handler       { return debugOnly{d.h.WithGroup(g)} }
