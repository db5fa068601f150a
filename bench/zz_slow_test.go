package bench

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/relevance"
)

func TestZZSlow(t *testing.T) {
	dir := os.Getenv("ZZ_INDEX")
	if dir == "" {
		t.Skip()
	}
	b, err := OpenBleve(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	arts, _ := articles.LoadDir(os.DirFS(os.Getenv("ZZ_CORPUS")))
	var qs []string
	for _, c := range ClaimQueries(arts, 200, 1) {
		qs = append(qs, c.Query)
	}
	path, _ := sharedFile(t, "eval/queries.json")
	set, _ := relevance.Load(path)
	for _, g := range set.Groups() {
		for _, c := range set[g] {
			qs = append(qs, c.Query)
		}
	}
	type r struct {
		q string
		d time.Duration
		n uint64
	}
	var rs []r
	for _, q := range qs {
		best := time.Hour
		var tot uint64
		for i := 0; i < 3; i++ {
			t0 := time.Now()
			res, err := b.Index.Search(context.Background(), q, indexOpts())
			if err != nil {
				t.Log(q, err)
			}
			tot = res.Total
			best = min(best, time.Since(t0))
		}
		rs = append(rs, r{q, best, tot})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	for _, x := range rs[:15] {
		t.Logf("%8v total=%6d %q", x.d, x.n, x.q)
	}
	t.Logf("median %v", rs[len(rs)/2].d)
}

func indexOpts() index.SearchOptions { return index.SearchOptions{Limit: 5} }
