package index

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
)

// TestSearchIgnoresQuerySyntax: what a person types is never parsed as
// Bleve query syntax. Operators neither fail nor change the meaning: a query
// finds what the same words without the operators find, and "field:value"
// neither targets nor filters a field.
func TestSearchIgnoresQuerySyntax(t *testing.T) {
	ix := seedIndex(t)
	kursk := hitIDs(t, ix, "Kursk", MaxLimit)
	if len(kursk) == 0 {
		t.Fatal(`"Kursk" finds nothing; the seed corpus changed?`)
	}
	tests := []struct {
		name, q string
		// sameAs: a plain query that must give exactly the same ranking.
		sameAs string
		// includes: passages every one of which must be found too.
		includes []string
		// top: a phrase the first hit must contain.
		top string
	}{
		{name: "plus and minus", q: "+Kursk -Putin", sameAs: "Kursk Putin", top: "Kursk"},
		{name: "boolean words", q: "Kursk AND NOT Putin", sameAs: "Kursk AND NOT Putin"},
		{name: "field text", q: "text:Kursk", sameAs: "text Kursk", includes: kursk, top: "Kursk"},
		{name: "field heading", q: "heading:Kursk", sameAs: "heading Kursk", includes: kursk},
		{name: "field article", q: "article:004_4d7b7c7852ea0801 Kursk", includes: kursk},
		{name: "range on published, after", q: "published:>2020 Kursk", sameAs: "published 2020 Kursk", includes: kursk},
		{name: "range on published, before", q: "published:<2000 Kursk", includes: kursk},
		{name: "range alone", q: "published:>2020", sameAs: "published 2020"},
		{name: "bracket range", q: "paragraph:[1 TO 3] Kursk", includes: kursk},
		{name: "star suffix", q: "Kursk*", sameAs: "Kursk", top: "Kursk"},
		{name: "question mark", q: "Kurs?", sameAs: "Kurs"},
		{name: "fuzzy operator", q: "Kursk~2", sameAs: "Kursk 2", top: "Kursk"},
		{name: "boost operator", q: "Kursk^10", sameAs: "Kursk 10", top: "Kursk"},
		{name: "quoted", q: `"Kursk"`, sameAs: "Kursk", top: "Kursk"},
		{name: "unbalanced quote", q: `"Kursk`, sameAs: "Kursk", top: "Kursk"},
		{name: "unbalanced quote after", q: `Kursk"`, sameAs: "Kursk", top: "Kursk"},
		{name: "quoted phrase", q: `"Rückeroberung des Gebiets Kursk"`, sameAs: "Rückeroberung des Gebiets Kursk", top: "Rückeroberung des Gebiets Kursk"},
		{name: "regexp", q: "/.*/", sameAs: "zzzz-nothing"},
		{name: "regexp word", q: "/Kur.*/", sameAs: "Kur"},
		{name: "lone star", q: "*", sameAs: "zzzz-nothing"},
		{name: "wildcards everywhere", q: "a* b* c* d*", sameAs: "a b c d"},
		{name: "parentheses", q: "(Kursk OR Schoigu)", sameAs: "Kursk OR Schoigu"},
		{name: "backslashes", q: `Kursk\ \"\\`, sameAs: "Kursk", top: "Kursk"},
		{name: "braces", q: "{Kursk} [Putin]", sameAs: "Kursk Putin"},
		{name: "control characters", q: "\x00Kursk\x1b[31m", includes: kursk},
		{name: "colons only", q: ":::", sameAs: "zzzz-nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.q, SearchOptions{Limit: MaxLimit})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.q, err)
			}
			got := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				got[i] = h.ID
			}
			if tt.sameAs != "" {
				want, err := ix.Search(context.Background(), tt.sameAs, SearchOptions{Limit: MaxLimit})
				if err != nil {
					t.Fatal(err)
				}
				if !sameRanking(res, want) {
					t.Errorf("Search(%q) = %s\nwant the ranking of %q = %s", tt.q, ranking(res), tt.sameAs, ranking(want))
				}
			}
			for _, id := range tt.includes {
				if !slices.Contains(got, id) {
					t.Errorf("Search(%q) misses %s, which plain Kursk finds: the syntax filtered", tt.q, id)
				}
			}
			if tt.top != "" && (len(res.Hits) == 0 || !containsAny(res.Hits[0].Passage, []string{tt.top})) {
				t.Errorf("Search(%q): first hit does not contain %q: %s", tt.q, tt.top, ranking(res))
			}
		})
	}
}

func sameRanking(a, b Result) bool {
	if a.Total != b.Total || len(a.Hits) != len(b.Hits) {
		return false
	}
	for i := range a.Hits {
		if a.Hits[i].ID != b.Hits[i].ID {
			return false
		}
	}
	return true
}

func ranking(r Result) string {
	var b strings.Builder
	b.WriteString("[")
	for i, h := range r.Hits {
		if i == 5 {
			b.WriteString(" …")
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(h.ID)
	}
	b.WriteString("]")
	return b.String()
}

// TestSearchHeavyQueries: queries that would expand to many terms or many
// clauses complete without an error. Nothing here is timed; the point is
// that they are answered, not refused or failed.
func TestSearchHeavyQueries(t *testing.T) {
	ix := seedIndex(t)
	long := func(words ...string) string { return strings.Join(words, " ") }
	var many []string // distinct long words, each fuzzy with two edits
	for i := range 23 {
		many = append(many, "Kriegsschif"+string(rune('a'+i)))
	}
	tests := []struct{ name, q string }{
		{"many wildcards", strings.Repeat("a* ", 99)},
		{"many short words", strings.Repeat("ab ", 99)},
		{"many long fuzzy words", long(many...)},
		{"one 300-rune word", strings.Repeat("n", MaxQueryRunes)},
		{"many numbers", strings.Repeat("1 000 ", 50)},
		{"many distinct numbers", long("1", "22", "333", "4.444", "55.555", "666.666", "1,3", "2,5 Millionen", "100 000", "7.000.000")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ix.Search(context.Background(), tt.q, SearchOptions{}); err != nil {
				t.Fatalf("Search(%.40q…): %v", tt.q, err)
			}
		})
	}
}

func TestSearchValidation(t *testing.T) {
	ix := seedIndex(t)
	tests := []struct {
		name, q  string
		wantCode string // "" = no error
	}{
		{"empty", "", claimbot.EINVALID},
		{"blank", " \t\n ", claimbot.EINVALID},
		{"301 runes", strings.Repeat("a", MaxQueryRunes+1), claimbot.EINVALID},
		{"301 two-byte runes", strings.Repeat("ä", MaxQueryRunes+1), claimbot.EINVALID},
		{"300 two-byte runes", strings.Repeat("ä", MaxQueryRunes), ""},
		{"300 runes padded with blanks", "  " + strings.Repeat("a", MaxQueryRunes) + "  ", ""},
		{"invalid UTF-8", "Kursk \xff\xfe", claimbot.EINVALID},
		{"stop words only", "der die das und oder", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.q, SearchOptions{})
			if code := claimbot.ErrorCode(err); code != tt.wantCode {
				t.Fatalf("Search: error %v (code %q), want code %q", err, code, tt.wantCode)
			}
			if err != nil && claimbot.ErrorMessage(err) == "internal error" {
				t.Errorf("error %v has no user-facing message", err)
			}
			if tt.name == "stop words only" && (res.Total != 0 || len(res.Hits) != 0) {
				t.Errorf("stop words found %d passages, want none", res.Total)
			}
		})
	}
}

func TestSearchOptions(t *testing.T) {
	ix := seedIndex(t)
	const q = "Nordkorea Soldaten"
	all, err := ix.Search(context.Background(), q, SearchOptions{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total < 10 {
		t.Fatalf("%q matches %d passages; the test needs 10", q, all.Total)
	}
	tests := []struct {
		name     string
		opts     SearchOptions
		from, to int // the expected window of all.Hits
	}{
		{"default limit", SearchOptions{}, 0, 5},
		{"limit", SearchOptions{Limit: 3}, 0, 3},
		{"offset", SearchOptions{Limit: 3, Offset: 2}, 2, 5},
		{"negative offset", SearchOptions{Limit: 2, Offset: -4}, 0, 2},
		{"limit above the cap", SearchOptions{Limit: 10 * MaxLimit}, 0, min(MaxLimit, len(all.Hits))},
		{"offset past the end", SearchOptions{Limit: 5, Offset: int(all.Total)}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), q, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			want := all.Hits[tt.from:tt.to]
			if tt.name == "offset past the end" {
				want = nil
			}
			if len(res.Hits) != len(want) {
				t.Fatalf("%d hits, want %d", len(res.Hits), len(want))
			}
			for i := range want {
				if res.Hits[i].ID != want[i].ID {
					t.Errorf("hit %d = %s, want %s", i, res.Hits[i].ID, want[i].ID)
				}
			}
			if res.Total != all.Total {
				t.Errorf("Total = %d, want %d whatever the window", res.Total, all.Total)
			}
		})
	}
}

// TestSearchHits checks what a hit carries for attribution and that the
// highlighted spans are the words that matched, including numbers typed
// differently from the text and gender forms.
func TestSearchHits(t *testing.T) {
	ix := seedIndex(t)
	tests := []struct {
		q         string
		wantID    string
		wantDate  string
		wantMarks []string // marked spans in the first fragment
	}{
		{"Wolhinien", "002_faae90cb512dd3ab#6", "2024-11-18", []string{"Wolhynien"}},
		{"100 000 Freiwillige", "003_6c091646097290d1#3", "", []string{"100.000", "Freiwillige"}},
		{"1.300.000 Reservisten", "003_6c091646097290d1#7", "", []string{"1,3", "Reservist"}},
		{"Shoigu", "004_4d7b7c7852ea0801#9", "", []string{"Schoigu"}}, // the shorter of the passages naming him
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.q, SearchOptions{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].ID != tt.wantID {
				t.Fatalf("first hit %s, want %s", ranking(res), tt.wantID)
			}
			h := res.Hits[0]
			article, n, _ := strings.Cut(h.ID, "#")
			if h.Article != article || n == "" || h.Paragraph == 0 || PassageID(h.Article, h.Paragraph) != h.ID {
				t.Errorf("hit %s: Article %q, Paragraph %d", h.ID, h.Article, h.Paragraph)
			}
			if h.Title == "" || h.Passage == "" || h.Score <= 0 {
				t.Errorf("hit %s lacks title, passage or score: %+v", h.ID, h)
			}
			if tt.wantDate != "" && h.PublishedDate() != tt.wantDate {
				t.Errorf("published %q, want %q", h.PublishedDate(), tt.wantDate)
			}
			if len(h.Fragments) == 0 {
				t.Fatal("no fragments")
			}
			var marks []string
			for _, s := range h.Fragments[0] {
				if s.Match {
					marks = append(marks, s.Text)
				}
			}
			for _, m := range tt.wantMarks {
				if !slices.Contains(marks, m) {
					t.Errorf("marked %q, want %q among them", marks, m)
				}
			}
			plain := strings.TrimSuffix(strings.TrimPrefix(h.Fragments[0].Plain(), "… "), " …")
			if !strings.Contains(h.Passage, plain) {
				t.Errorf("fragment %q is not an excerpt of the passage", plain)
			}
		})
	}
}

// TestSearchContextDone: a search whose context is already done reports
// that, as ETIMEOUT for a deadline and as the context's error for a
// cancellation, never as an internal error and never with hits.
func TestSearchContextDone(t *testing.T) {
	ix := seedIndex(t)
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancel()
	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		ok   func(error) bool
	}{
		{"expired deadline", expired, func(err error) bool { return claimbot.ErrorCode(err) == claimbot.ETIMEOUT }},
		{"cancelled", cancelled, func(err error) bool {
			return errors.Is(err, context.Canceled) || claimbot.ErrorCode(err) == claimbot.ETIMEOUT
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(tt.ctx, "Nordkorea Soldaten Kursk", SearchOptions{})
			if err == nil || !tt.ok(err) {
				t.Fatalf("Search = %d hits, error %v (code %q)", len(res.Hits), err, claimbot.ErrorCode(err))
			}
			if len(res.Hits) != 0 {
				t.Errorf("%d hits with an error", len(res.Hits))
			}
		})
	}
}

// TestClosedIndex: every operation on a closed index is EUNAVAILABLE; a
// search must not answer "no hits" as if the corpus were empty.
func TestClosedIndex(t *testing.T) {
	ix := seedIndex(t)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	ctx := context.Background()
	ops := map[string]func() error{
		"Search":  func() error { _, err := ix.Search(ctx, "Kursk", SearchOptions{}); return err },
		"Rebuild": func() error { return ix.Rebuild(ctx, seeds(t)) },
		"Upsert":  func() error { return ix.Upsert(ctx, seeds(t)[0]) },
		"Remove":  func() error { return ix.Remove(ctx, seeds(t)[0].ID) },
	}
	for name, op := range ops {
		if err := op(); claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE {
			t.Errorf("%s after Close: %v (code %q), want %s", name, err, claimbot.ErrorCode(err), claimbot.EUNAVAILABLE)
		}
	}
	if _, ok := ix.Article(seeds(t)[0].ID); ok {
		t.Error("Article found in a closed index")
	}
}
