package index

import (
	"context"
	"slices"
	"testing"
)

// TestSearchExclude: SearchOptions.Exclude removes every passage of the
// listed articles, and only those: the other hits keep their order and
// scores, and Total counts what is left, so paging stays right.
func TestSearchExclude(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	const q = "Nordkorea Soldaten Kursk"
	all, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var articles []string
	perArticle := map[string]uint64{}
	for _, h := range all.Hits {
		if perArticle[h.Article] == 0 {
			articles = append(articles, h.Article)
		}
		perArticle[h.Article]++
	}
	if len(articles) < 3 || all.Total != uint64(len(all.Hits)) {
		t.Fatalf("want hits from at least 3 articles, all on one page; got %d articles, %d of %d hits", len(articles), len(all.Hits), all.Total)
	}

	tests := []struct {
		name    string
		exclude []string
	}{
		{"nothing", nil},
		{"the top article", articles[:1]},
		{"two articles", []string{articles[0], articles[2]}},
		{"unknown and empty IDs", []string{"no-such-article", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(ctx, q, SearchOptions{Limit: MaxLimit, Exclude: tt.exclude})
			if err != nil {
				t.Fatal(err)
			}
			var want []Hit
			wantTotal := all.Total
			for _, h := range all.Hits {
				if !slices.Contains(tt.exclude, h.Article) {
					want = append(want, h)
				}
			}
			for _, id := range tt.exclude {
				wantTotal -= perArticle[id]
			}
			if res.Total != wantTotal || len(res.Hits) != len(want) {
				t.Fatalf("total %d, %d hits; want %d, %d", res.Total, len(res.Hits), wantTotal, len(want))
			}
			for i, h := range res.Hits {
				if slices.Contains(tt.exclude, h.Article) {
					t.Errorf("hit %d is from excluded article %s", i, h.Article)
				}
				if h.ID != want[i].ID || h.Score != want[i].Score {
					t.Errorf("hit %d = %s (%.4f); want %s (%.4f)", i, h.ID, h.Score, want[i].ID, want[i].Score)
				}
			}
		})
	}

	t.Run("paging", func(t *testing.T) {
		ex := []string{articles[0]}
		first, err := ix.Search(ctx, q, SearchOptions{Limit: 2, Exclude: ex})
		if err != nil {
			t.Fatal(err)
		}
		second, err := ix.Search(ctx, q, SearchOptions{Limit: 2, Offset: 2, Exclude: ex})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range append(first.Hits, second.Hits...) {
			if h.Article == articles[0] {
				t.Errorf("paged hit %s is from the excluded article", h.ID)
			}
		}
		if len(first.Hits) == 2 && len(second.Hits) > 0 && first.Hits[1].ID == second.Hits[0].ID {
			t.Errorf("pages overlap at %s", second.Hits[0].ID)
		}
	})
}
