package index

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/german"
)

// requireGerman skips a test when the Debian word lists are not installed,
// unless CLAIMBOT_REQUIRE_GERMAN=1 (CI installs them) makes that a failure.
func requireGerman(tb testing.TB) {
	tb.Helper()
	if err := german.Default().Paths().Installed(); err != nil {
		if os.Getenv("CLAIMBOT_REQUIRE_GERMAN") == "1" {
			tb.Fatalf("CLAIMBOT_REQUIRE_GERMAN=1 but: %v", err)
		}
		tb.Skipf("German language data: %v", err)
	}
}

// TestCompoundParts: a compound in the query finds a passage that has only
// its part, and a part in the query finds a passage that has only the
// compound. The other passage shares no word with the query, so it is found
// by the parts field alone.
func TestCompoundParts(t *testing.T) {
	requireGerman(t)
	art := func(id, text string) articles.Article {
		return articles.Article{ID: id, Title: "Titel " + id, Paragraphs: []articles.Paragraph{{N: 1, Text: text}}}
	}
	ix := openIndex(t, t.TempDir(), Options{})
	if err := ix.Rebuild(context.Background(), []articles.Article{
		art("rhein", "Am Rhein stieg das Hochwasser über Nacht."),
		art("niederrhein", "Am Niederrhein blieben die Pegel stabil."),
		art("regierung", "Die Regierung legte ihren Haushalt vor."),
		art("koalition", "Die Koalitionsregierung stritt über Renten."),
		art("anatolien", "In Anatolien bebte die Erde."),
		art("andere", "Der Stadtrat tagte am Montag."),
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query, want string
	}{
		{"Niederrhein", "rhein#1"}, // compound query, part in the passage
		{"Rhein", "niederrhein#1"}, // part query, compound in the passage
		{"Koalitionsregierung", "regierung#1"},
		{"Regierung", "koalition#1"},
		{"Ostanatolien", "anatolien#1"},
	} {
		if ids := hitIDs(t, ix, tt.query, 10); !slices.Contains(ids, tt.want) {
			t.Errorf("%s: hits %v, want %s among them", tt.query, ids, tt.want)
		}
	}
	// The exact word still ranks first.
	if ids := hitIDs(t, ix, "Rhein", 2); len(ids) == 0 || ids[0] != "rhein#1" {
		t.Errorf("Rhein: first hit %v, want rhein#1", ids)
	}
}
