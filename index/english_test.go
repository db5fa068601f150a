package index

import (
	"context"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/german"
)

// fakeDictionary is a translator with a few entries, so the English query
// building is tested without the Debian dictionaries.
type fakeDictionary struct {
	entries map[string][]german.Translation
	loaded  bool
}

func (f fakeDictionary) Translate(en string) []german.Translation {
	return f.entries[strings.ToLower(en)]
}
func (f fakeDictionary) DictionariesLoaded() bool { return f.loaded }
func (f fakeDictionary) LoadDictionaries() error  { return nil }

func withDictionary(t *testing.T, d translator) {
	t.Helper()
	saved := englishDictionary
	englishDictionary = func() translator { return d }
	t.Cleanup(func() { englishDictionary = saved })
}

func TestEnglishSearch(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	dict := fakeDictionary{loaded: true, entries: map[string][]german.Translation{
		"soldiers":    {{German: "Soldaten", Weight: 1}, {German: "Krieger", Weight: 0.3}},
		"north korea": {{German: "Nordkorea", Weight: 1}},
		"north":       {{German: "Norden", Weight: 1}},
		"send":        {{German: "schicken", Weight: 1}, {German: "entsenden", Weight: 0.6}},
		"russia":      {{German: "Russland", Weight: 1}},
	}}
	search := func(q string) Result {
		t.Helper()
		res, err := ix.Search(ctx, q, SearchOptions{Limit: 5, Lang: "en"})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		return res
	}

	withDictionary(t, dict)
	q := "How many soldiers did North Korea send to Russia?"
	translated := search(q)
	if len(translated.Hits) == 0 {
		t.Fatalf("%q finds nothing with the dictionary", q)
	}
	top := translated.Hits[0].Passage
	for _, w := range []string{"Soldat", "Nordkorea"} {
		if !strings.Contains(top, w) {
			t.Errorf("%q: top passage lacks %q: %.200s", q, w, top)
		}
	}

	// The ambiguous word keeps every rendering as an alternative of one
	// group, and the question words are not looked for.
	idx := ix.cur
	p, ok := ix.buildQuery(idx, q, true, dict)
	if !ok {
		t.Fatal("no plan")
	}
	text := p.marks[analyzerText]
	for _, want := range analyse(idx.Mapping(), analyzerText, "Soldaten Nordkorea Russland") {
		if _, ok := text[want]; !ok {
			t.Errorf("query does not look for %q (marks %v)", want, text)
		}
	}
	for _, not := range analyse(idx.Mapping(), analyzerText, "how many did") {
		if _, ok := text[not]; ok {
			t.Errorf("query looks for the question word %q", not)
		}
	}

	if res := search("what is the"); len(res.Hits) != 0 {
		t.Errorf("a question of function words only finds %d passages, want none", len(res.Hits))
	}
	// A German query from an English client searches as in German.
	for _, q := range []string{"Soldaten Russland Ukraine Kursk", "Kim Jong-un Schoigu Pjöngjang Besuch"} {
		de, err := ix.Search(ctx, q, SearchOptions{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if en := search(q); !sameHits(en, de) {
			t.Errorf("%q: English search differs from German one", q)
		}
	}

	// Until the dictionaries are read, the words are matched as typed:
	// names and numbers still find their passages, translations do not.
	withDictionary(t, fakeDictionary{entries: dict.entries})
	if res := search(q); res.Total >= translated.Total {
		t.Errorf("without the dictionary %q matches %d passages, with it %d: want fewer", q, res.Total, translated.Total)
	}
	for _, tc := range []struct{ q, want string }{
		{"Kim Jong-un and Putin", "Kim"},
		{"400000 soldiers", "400.000"},
	} {
		res := search(tc.q)
		if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Passage, tc.want) {
			t.Errorf("%q as typed: want a top passage with %q, got %d hits", tc.q, tc.want, len(res.Hits))
		}
	}
}

func sameHits(a, b Result) bool {
	if len(a.Hits) != len(b.Hits) || a.Total != b.Total {
		return false
	}
	for i := range a.Hits {
		if a.Hits[i].ID != b.Hits[i].ID || a.Hits[i].Score != b.Hits[i].Score {
			return false
		}
	}
	return true
}
