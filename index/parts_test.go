package index

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

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
	ix := indexOf(t,
		testArticle("rhein", "Am Rhein stieg das Hochwasser über Nacht."),
		testArticle("niederrhein", "Am Niederrhein blieben die Pegel stabil."),
		testArticle("regierung", "Die Regierung legte ihren Haushalt vor."),
		testArticle("koalition", "Die Koalitionsregierung stritt über Renten."),
		testArticle("anatolien", "In Anatolien bebte die Erde."),
		testArticle("andere", "Der Stadtrat tagte am Montag."),
		testArticle("strecken", "Die Strecken durch Tirol sind steil."),
		testArticle("zeit", "Zur Zeit der Wahl regnete es."),
	)
	for _, tt := range []struct {
		query, want string
	}{
		{"Niederrhein", "rhein#1"}, // compound query, part in the passage
		{"Rhein", "niederrhein#1"}, // part query, compound in the passage
		{"Koalitionsregierung", "regierung#1"},
		{"Regierung", "koalition#1"},
		{"Ostanatolien", "anatolien#1"},
		// The head is a compound too: Eisen + Bahnstrecken, Bahn + Strecken.
		{"Eisenbahnstrecken", "strecken#1"},
	} {
		if ids := hitIDs(t, ix, tt.query, 10); !slices.Contains(ids, tt.want) {
			t.Errorf("%s: hits %v, want %s among them", tt.query, ids, tt.want)
		}
	}
	// A first part's own parts are no evidence: "Zeitlupenaufnahmen" is
	// Zeitlupen + Aufnahmen, and "Zeit" alone does not find it.
	if ids := hitIDs(t, ix, "Zeitlupenaufnahmen", 10); slices.Contains(ids, "zeit#1") {
		t.Errorf("Zeitlupenaufnahmen: hits %v, want no zeit#1", ids)
	}
	// The linking s is read only after a modifier that takes one:
	// "Bahnsteig" is Bahn + Steig, so it is no passage about Teig.
	bahn := indexOf(t,
		testArticle("bahnsteig", "Der Bahnsteig in Fulda wurde verlängert."),
		testArticle("steig", "Ein steiler Steig führt auf den Berg."),
	)
	if ids := hitIDs(t, bahn, "Teig", 10); slices.Contains(ids, "bahnsteig#1") {
		t.Errorf("Teig: hits %v, want no bahnsteig#1", ids)
	}
	if ids := hitIDs(t, bahn, "Bahnsteig", 10); !slices.Contains(ids, "steig#1") {
		t.Errorf("Bahnsteig: hits %v, want steig#1 among them", ids)
	}
	// The exact word still ranks first.
	if ids := hitIDs(t, ix, "Rhein", 2); len(ids) == 0 || ids[0] != "rhein#1" {
		t.Errorf("Rhein: first hit %v, want rhein#1", ids)
	}
}

// TestPartsFilterSplitsAsGerman: the filter's length check and cache change
// nothing: every word of the seed corpus splits as german.SplitCompound
// splits it, also with a cache so small that words fall out of it and are
// split again.
func TestPartsFilterSplitsAsGerman(t *testing.T) {
	requireGerman(t)
	data := german.Default()
	words := seedWords(t)
	for _, cacheWords := range []int{splitCacheWords, 64} {
		f := newPartsFilter(data, cacheWords)
		for range 2 { // the second round answers from the cache
			for _, w := range words {
				if got, want := f.split([]byte(w)), data.SplitCompound(w); !slices.Equal(got, want) {
					t.Fatalf("cache of %d: split(%q) = %q, SplitCompound = %q", cacheWords, w, got, want)
				}
			}
		}
		if n := f.cache.len(); n > cacheWords {
			t.Errorf("cache of %d words holds %d", cacheWords, n)
		}
	}
}

// TestSplitCacheKeepsRecurringWords: a word asked for again and again stays
// cached while a stream of words seen once passes through.
func TestSplitCacheKeepsRecurringWords(t *testing.T) {
	c := newSplitCache(1024)
	c.put("bundestagswahl", []string{"bundestag", "wahl"})
	for i := range 100_000 {
		c.put("einmalwort"+strconv.Itoa(i), nil)
		if i%100 == 0 {
			if parts, ok := c.get([]byte("bundestagswahl")); !ok || !slices.Equal(parts, []string{"bundestag", "wahl"}) {
				t.Fatalf("after %d other words: get(bundestagswahl) = %q, %v", i, parts, ok)
			}
		}
	}
	if n := c.len(); n > 1024 {
		t.Errorf("cache of 1024 words holds %d", n)
	}
	if _, ok := c.get([]byte("einmalwort0")); ok {
		t.Error("the first word seen once is still cached after 100,000 others")
	}
}

// seedWords are the distinct lowercased words of the seed corpus, as the
// parts analyzer sees them before splitting.
func seedWords(tb testing.TB) []string {
	tb.Helper()
	m, err := newMapping()
	if err != nil {
		tb.Fatal(err)
	}
	lower := m.AnalyzerNamed(analyzerText) // for its tokenizer only
	seen := map[string]bool{}
	var words []string
	for _, a := range seeds(tb) {
		for _, p := range a.Paragraphs {
			for _, tok := range lower.(*analysis.DefaultAnalyzer).Tokenizer.Tokenize([]byte(strings.ToLower(p.Text))) {
				if w := string(tok.Term); !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	return words
}

// BenchmarkPartsAnalyzer analyses the seed passages with the parts
// analyzer, as indexing does: once with the filter's cache warm (a corpus
// repeats its words) and once with a new filter per round, where every
// word of six letters or more is split against the word lists.
func BenchmarkPartsAnalyzer(b *testing.B) {
	requireGerman(b)
	m, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	for _, a := range seeds(b) {
		for _, p := range a.Paragraphs {
			texts = append(texts, []byte(p.Text))
		}
	}
	an := m.AnalyzerNamed(analyzerParts).(*analysis.DefaultAnalyzer)
	an.Analyze([]byte("Bundestagswahl")) // loads the word lists
	run := func(b *testing.B, fresh bool) {
		orig := an.TokenFilters
		defer func() { an.TokenFilters = orig }()
		for b.Loop() {
			if fresh {
				an.TokenFilters = slices.Clone(orig)
				for i, f := range an.TokenFilters {
					if pf, ok := f.(*partsFilter); ok {
						an.TokenFilters[i] = newPartsFilter(pf.data, splitCacheWords)
					}
				}
			}
			for _, t := range texts {
				an.Analyze(t)
			}
		}
		b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "passages/s")
	}
	b.Run("cache=warm", func(b *testing.B) { run(b, false) })
	b.Run("cache=cold", func(b *testing.B) { run(b, true) })
}
