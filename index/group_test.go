package index

import (
	"math"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimbot/claimbot/articles"
)

// TestWordGroupRanking: invented passages where the scoring of a word's
// alternatives decides the order.
func TestWordGroupRanking(t *testing.T) {
	withTitle := func(id, title string, paras ...string) articles.Article {
		a := testArticle(id, paras...)
		a.Title = title
		return a
	}
	ix := indexOf(t,
		testArticle("komet", "Der Astronom entdeckte den Kometen im Winter. Seine Entdeckung wurde gefeiert, denn entdeckt hatte ihn vorher niemand."),
		testArticle("element", "Rhenium ist eines der seltensten Elemente der Erdkruste."),
		testArticle("hoehle", "Die Forscherin entdeckte im Gebirge eine Höhle."),
		testArticle("wrack", "Im Sommer wurde vor der Küste ein Schiffswrack entdeckt."),
		testArticle("hafen", "Der Hafen liegt im Norden."),
		testArticle("werft", "Die Werft baut Schiffe."),
		testArticle("bahnhof", "Die Stadt hat einen Bahnhof."),
		testArticle("fluss", "Der Fluss fließt ins Meer."),
		withTitle("titel", "Raketen über der Hauptstadt", "In der Nacht heulten in der Hauptstadt die Sirenen."),
		testArticle("gesetz", "Das Apothekengesetz regelt, welche Arzneimittel nur mit Rezept abgegeben werden."),
		withTitle("werkzeug", "Das Werkzeug schreibt Protokolle", "Das Werkzeug schreibt Protokolle."),
		testArticle("zeitung", "Die Zeitung schreibt jeden Tag über das Wetter in der Region."),
		testArticle("autor", "Der Autor schreibt seit vielen Jahren Romane über das Meer."),
		testArticle("text", "Die Armee meldete am Morgen Raketen über dem Hafen und der Stadt."),
	)
	for _, c := range []struct {
		name, q, want string
	}{
		// The one passage with the rare word, not the one with three
		// forms of the common verb: a word's forms are alternatives, and
		// a passage that has several of them has the word once.
		{"rare word over verb forms", "Wann wurde Rhenium entdeckt?", "element#1"},
		// A word only in the article's title is weaker evidence than the
		// word in the passage: the title is beside the word's forms, not
		// the best of them.
		{"text over title", "Raketen", "text#1"},
		// The one passage with the rare word, not the short one whose
		// title repeats its common verb: the title adds to the word in
		// the text, it does not double it.
		{"rare word over text and title", "Was schreibt das Apothekengesetz vor?", "gesetz#1"},
	} {
		if ids := hitIDs(t, ix, c.q, 3); len(ids) == 0 || ids[0] != c.want {
			t.Errorf("%s: %q: hits %v, want %s first", c.name, c.q, ids, c.want)
		}
	}
}

// TestWordGroupScore: a word group matches the passages Bleve's
// disjunction of its clauses matches and scores each with its best
// clause plus groupTie times the rest.
func TestWordGroupScore(t *testing.T) {
	ix := indexOf(t,
		testArticle("a", "Der Hafen liegt im Norden.", "Der Hafen und die Werft liegen im Norden."),
		testArticle("b", "Die Werft baut Schiffe.", "Im Süden gibt es keinen Hafen, nur eine Werft und noch eine Werft."),
	)
	idx := ix.cur
	term := func(t string, boost float64) query.Query {
		q := bleve.NewTermQuery(t)
		q.SetField(fieldText)
		q.SetBoost(boost)
		return q
	}
	scores := func(q query.Query) map[string]float64 {
		t.Helper()
		sr, err := idx.Search(bleve.NewSearchRequestOptions(q, 10, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, h := range sr.Hits {
			out[h.ID] = h.Score
		}
		return out
	}
	hafen, werft := scores(term("haf", 1)), scores(term("werft", 0.5))
	group := scores(&wordGroup{clauses: []query.Query{term("haf", 1), term("werft", 0.5)}, tie: groupTie})
	disj := scores(bleve.NewDisjunctionQuery(term("haf", 1), term("werft", 0.5)))
	ids := func(m map[string]float64) []string {
		var out []string
		for id := range m {
			out = append(out, id)
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(ids(group), ids(disj)) {
		t.Fatalf("word group matches %v, Bleve's disjunction %v", ids(group), ids(disj))
	}
	if len(group) != 4 {
		t.Fatalf("word group matches %v, want all 4 passages", ids(group))
	}
	for id, got := range group {
		h, w := hafen[id], werft[id]
		want := max(h, w) + groupTie*min(h, w)
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: score %.6f, want %.6f (Hafen %.6f, Werft %.6f)", id, got, want, h, w)
		}
	}
}
