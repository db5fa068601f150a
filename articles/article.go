// Package articles turns news article files into structured articles: title,
// metadata the article itself states, reporting paragraphs with boilerplate
// removed, and the primary sources each paragraph cites. It also carries the
// default corpus embedded in the binary.
//
// Metadata an article does not state stays empty: a claim-lookup bot that
// invents a date or an outlet misattributes claims, which is worse than saying
// "unknown".
package articles

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Article is one parsed news article.
type Article struct {
	// ID is stable across runs: it is derived from the file name.
	ID string `json:"id"`
	// File is the base name the article was read from.
	File string `json:"file"`
	// Collection is the collection the library keeps the article in: ""
	// for the shared base, else a guild's (see package library).
	Collection string `json:"collection,omitempty"`
	// ExternalID is a leading numeric ID some exports put above the text
	// (e.g. "37448:"); empty when absent.
	ExternalID string `json:"external_id,omitempty"`

	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Author    string `json:"author,omitempty"`
	// Published is the zero time when the article states no date.
	Published time.Time `json:"published,omitzero"`
	// PublishedHasClock reports whether Published includes a time of day
	// (a dateline "18.11.2024 08:31" does, front matter "2024-11-18" does not).
	PublishedHasClock bool `json:"published_has_clock,omitempty"`
	// Agencies are news agencies credited for the whole article
	// (e.g. "dpa" from a credit line "/news.de/dpa/stg").
	Agencies []string `json:"agencies,omitempty"`

	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one reporting paragraph of an article: the unit that is
// indexed, quoted and attributed.
type Paragraph struct {
	// N is the 1-based position among the article's reporting paragraphs.
	N int `json:"n"`
	// Heading is the nearest sub-heading above the paragraph, if any.
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text"`
	// Sources are the primary sources the paragraph cites ("Bloomberg").
	Sources []string `json:"sources,omitempty"`
}

// PublishedDate returns the publication date as YYYY-MM-DD, or "" when the
// article states none.
func (a Article) PublishedDate() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}

// Hash is a digest of everything that ends up in the index, so a re-index
// can tell changed articles from unchanged ones without comparing fields.
func (a Article) Hash() string {
	h := sha256.New()
	write := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	write(a.ID)
	write(a.Title)
	write(a.URL)
	write(a.Publisher)
	write(a.Author)
	write(a.PublishedDate())
	for _, ag := range a.Agencies {
		write(ag)
	}
	for _, p := range a.Paragraphs {
		write(p.Heading)
		write(p.Text)
		for _, s := range p.Sources {
			write(s)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// TextHash is a digest of the article's paragraph text alone, ignoring
// case, spacing and typographic quotes (which vary between a site's page
// and its syndicated copies), and not its file name, ID or metadata: two
// files with the same TextHash are the same article.
func (a Article) TextHash() string {
	h := sha256.New()
	for _, p := range a.Paragraphs {
		h.Write([]byte(normalizeText(p.Text)))
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func normalizeText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '„', '“', '”', '«', '»', '‚', '‘', '’':
			return '"'
		case '\u00a0':
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Summary is the article's opening paragraph, cut to about n characters at a
// word boundary.
func (a Article) Summary(n int) string {
	if len(a.Paragraphs) == 0 {
		return ""
	}
	return Truncate(a.Paragraphs[0].Text, n)
}

// Truncate cuts s to at most n characters (runes), at a word boundary where
// one is near, and marks the cut with an ellipsis.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return string(r[:max(n, 0)])
	}
	cut := n - 1 // room for the ellipsis
	for i := cut; i > cut/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	out := []rune(string(r[:cut]))
	for len(out) > 0 && (out[len(out)-1] == ' ' || out[len(out)-1] == ',') {
		out = out[:len(out)-1]
	}
	return string(out) + "…"
}
