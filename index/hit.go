package index

import (
	"strings"
	"time"
)

// SearchOptions bound one search.
type SearchOptions struct {
	// Limit is the number of hits to return (default 5, at most MaxLimit).
	Limit int
	// Offset skips that many hits, for paging.
	Offset int
	// Exclude lists article IDs whose passages must never be returned
	// (articles a moderator excluded from lookups but kept in the corpus).
	Exclude []string
	// Collections, when set, are the only collections whose passages may
	// be returned ("" is BaseCollection); see collection.go.
	Collections []string
	// NotCollections are collections whose passages must never be
	// returned, for a search of every collection but some.
	NotCollections []string
	// NoFragments leaves Hit.Fragments empty: for callers that only rank
	// (the retrieval benchmarks), since marking a passage's matched words
	// re-analyses it and costs more than the search itself on a small index.
	NoFragments bool
	// Lang is the language of the query: "" or "de" for German, "en" for
	// English, which is translated with the English–German dictionaries
	// (english.go). Any other value is searched as German.
	Lang string
}

// MaxLimit caps SearchOptions.Limit.
const MaxLimit = 50

// MaxQueryRunes caps the length of a query; longer input is refused with a
// claimbot.EINVALID error rather than cut, so the user knows.
const MaxQueryRunes = 300

// Result is the answer to one search.
type Result struct {
	Query string
	Hits  []Hit
	// Total is the number of passages that matched. On a large index
	// (see pruneMinPassages) only passages with one of the claim's rarer
	// words, or with all of its common ones, count: the others are never
	// scored.
	Total uint64
	Took  time.Duration
}

// Hit is one matching passage with everything needed to attribute it.
type Hit struct {
	// ID is the passage's document ID, "<article>#<paragraph>".
	ID        string
	Article   string
	Title     string
	Publisher string // "" when the article does not say
	Author    string
	URL       string
	// Published is zero when the article states no date.
	Published time.Time
	Paragraph int
	Heading   string
	// Passage is the whole paragraph text.
	Passage string
	// Fragments are the best-matching excerpts of Passage, matched words marked.
	Fragments []Fragment
	// Sources are the primary sources the passage cites.
	Sources []string
	Score   float64
}

// PublishedDate is the publication date as YYYY-MM-DD, or "".
func (h Hit) PublishedDate() string {
	if h.Published.IsZero() {
		return ""
	}
	return h.Published.Format(time.DateOnly)
}

// Fragment is an excerpt of a passage as a sequence of spans, so each
// renderer (Discord Markdown, HTML <mark>, terminal) marks matches its own
// way and escapes the rest correctly.
type Fragment []Span

// Span is a piece of a fragment; Match marks words that matched the query.
type Span struct {
	Text  string
	Match bool
}

// Render joins the fragment's spans, wrapping matches in open and close
// after passing every span's text through escape (nil for none).
func (f Fragment) Render(open, close string, escape func(string) string) string {
	var b strings.Builder
	for _, s := range f {
		t := s.Text
		if escape != nil {
			t = escape(t)
		}
		if s.Match {
			b.WriteString(open)
			b.WriteString(t)
			b.WriteString(close)
			continue
		}
		b.WriteString(t)
	}
	return b.String()
}

// Plain is the fragment's text without marks.
func (f Fragment) Plain() string { return f.Render("", "", nil) }
