package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimbot/claimbot/relevance"
)

// DefaultQualityWorkers is how many quality queries run at once: enough to
// keep two cores (or a PostgreSQL server) busy while one query waits, few
// enough not to turn the pass into a load test.
const DefaultQualityWorkers = 4

// evalOptions bound one quality pass.
type evalOptions struct {
	// Workers is how many queries are in flight at once (default
	// DefaultQualityWorkers).
	Workers int
	// Budget stops handing out queries once this much time has passed
	// (0: no limit). Queries already handed out finish, so the evaluated
	// queries are always the first Done of the set, in Groups order: the
	// subset is the same for every engine that gets as far.
	Budget time.Duration
	// Now is the clock the budget is measured with (default time.Now).
	Now func() time.Time
}

// evaluation is one quality pass: the scores of relevance.Evaluate over the
// queries that were evaluated.
type evaluation struct {
	// Scores has one entry per group in Groups order; Queries counts the
	// evaluated queries of the group.
	Scores []relevance.Score
	// Ranks are the first-correct ranks (0: miss) of the evaluated queries
	// of each group, aligned with Scores, so another engine can be scored
	// on the same subset.
	Ranks [][]int
	// Total is the number of queries in the set, Done how many were
	// evaluated.
	Total, Done int
}

// Complete reports whether every query was evaluated.
func (e evaluation) Complete() bool { return e.Done == e.Total }

// evaluate scores set with search like relevance.Evaluate, with up to
// o.Workers queries in flight and an optional time budget. Each query is
// scored on its own, so the scores are those of the sequential pass over
// the same queries; the order of Misses is the set's.
func evaluate(ctx context.Context, set relevance.Set, search relevance.SearchFunc, o evalOptions) (evaluation, error) {
	if o.Workers < 1 {
		o.Workers = DefaultQualityWorkers
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	type item struct {
		group int
		c     relevance.Case
	}
	groups := set.Groups()
	var items []item
	for gi, g := range groups {
		for _, c := range set[g] {
			items = append(items, item{gi, c})
		}
	}
	ranks := make([]int, len(items))
	errs := make([]error, len(items))
	var (
		failed atomic.Bool
		wg     sync.WaitGroup
		sem    = make(chan struct{}, o.Workers)
		done   int
	)
	start := o.Now()
dispatch:
	for i := range items {
		// The budget is checked once a worker is free, not before waiting
		// for one, so no query starts after the budget ran out.
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break dispatch
		}
		if failed.Load() || ctx.Err() != nil || (o.Budget > 0 && o.Now().Sub(start) >= o.Budget) {
			<-sem
			break dispatch
		}
		done++
		wg.Add(1)
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			it := items[i]
			passages, err := search(it.c.Query)
			if err != nil {
				errs[i] = fmt.Errorf("%s: %q: %w", groups[it.group], it.c.Query, err)
				failed.Store(true)
				return
			}
			ranks[i] = relevance.FirstCorrect(passages, it.c.Expect, relevance.K)
		}(i)
	}
	wg.Wait()
	// Queries are handed out in order, so the lowest failing one is the
	// error the sequential pass would have stopped at.
	for _, err := range errs[:done] {
		if err != nil {
			return evaluation{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return evaluation{}, err
	}
	ev := evaluation{Total: len(items), Done: done, Scores: make([]relevance.Score, len(groups)), Ranks: make([][]int, len(groups))}
	for i, it := range items[:done] {
		ev.Ranks[it.group] = append(ev.Ranks[it.group], ranks[i])
	}
	for gi := range groups {
		ev.Scores[gi] = scoreRanks(groups[gi], ev.Ranks[gi], casesOf(set[groups[gi]]))
	}
	return ev, nil
}

func casesOf(cs []relevance.Case) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Query
	}
	return out
}

// scoreRanks scores the first len(ranks) queries of a group (queries
// names the misses; nil leaves them out); the arithmetic is
// relevance.Evaluate's, in the same order, so the floats are identical.
func scoreRanks(group string, ranks []int, queries []string) relevance.Score {
	sc := relevance.Score{Group: group, Queries: len(ranks)}
	for i, rank := range ranks {
		if rank == 1 {
			sc.Success1++
		}
		if rank > 0 {
			sc.MRR += 1 / float64(rank)
		} else if i < len(queries) {
			sc.Misses = append(sc.Misses, queries[i])
		}
	}
	if sc.Queries > 0 {
		sc.MRR /= float64(sc.Queries)
		sc.Success1 /= float64(sc.Queries)
	}
	return sc
}
