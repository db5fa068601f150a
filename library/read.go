package library

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
)

// What c's view reads: the base and c's own articles, minus the
// exclusions of both. An article outside the view is answered as if it
// did not exist.

// Search finds the passages of c's view matching a claim; excluded
// articles are never among them.
func (l *Library) Search(ctx context.Context, c Collection, query string, opts index.SearchOptions) (index.Result, error) {
	if err := c.check(); err != nil {
		return index.Result{}, err
	}
	keys := make([]string, len(opts.Exclude))
	for i, id := range opts.Exclude {
		keys[i] = l.keyOf(c, id)
	}
	opts.Exclude = l.cur.searchExclude(c, keys)
	opts.Collections = c.view()
	res, err := l.ix.Search(ctx, query, opts)
	res.Hits = l.shownHits(c, res.Hits)
	return res, err
}

// Article returns an article of c's view, excluded or not (the caller
// decides whether to show an excluded one).
func (l *Library) Article(c Collection, id string) (articles.Article, bool) {
	if !c.valid() {
		return articles.Article{}, false
	}
	key := l.keyOf(c, id)
	if e, ok := l.ix.Entry(key); !ok || !c.sees(e.Collection) || l.shownID(c, key) != id {
		return articles.Article{}, false
	}
	a, ok := l.ix.Article(key)
	if !ok {
		return articles.Article{}, false
	}
	a.ID = id
	return a, true
}

// IsExcluded reports whether c's view excludes the article.
func (l *Library) IsExcluded(c Collection, id string) bool {
	return c.valid() && l.cur.inView(c)[l.keyOf(c, id)]
}

// Articles lists the articles of c's view by ID, title and date, sorted by
// title, from the index's manifest: listing must not load every article's
// text. Article returns a whole article.
func (l *Library) Articles(c Collection) []articles.Article {
	if !c.valid() {
		return nil
	}
	m := l.ix.Entries(c.view()...)
	out := make([]articles.Article, 0, len(m))
	for key, e := range m {
		a := articles.Article{ID: l.shownID(c, key), Title: e.Title, Collection: e.Collection}
		if t, err := time.Parse(time.DateOnly, e.Published); err == nil {
			a.Published = t
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Title != out[j].Title {
			return out[i].Title < out[j].Title
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Disagreements returns the alerts of c's view that involve any of the
// passages of hits, so an answer can say that sources disagree. Articles
// excluded in the view are left out.
func (l *Library) Disagreements(c Collection, hits []index.Hit) []claims.Alert {
	if !c.valid() || len(hits) == 0 {
		return nil
	}
	pairs := l.viewPairs(c)
	if pairs == nil {
		return nil
	}
	var idx []int
	for _, h := range hits {
		idx = append(idx, pairs.at[index.PassageID(l.keyOf(c, h.Article), h.Paragraph)]...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	out := make([]claims.Alert, 0, len(idx))
	for _, i := range idx {
		out = append(out, pairs.alerts[i])
	}
	return l.shownAlerts(c, l.cur.alertsWithout(c, out))
}

// Contradictions returns every alerting pair of c's view but those with an
// excluded article.
func (l *Library) Contradictions(c Collection) []claims.Alert {
	if !c.valid() {
		return nil
	}
	if l.viewSize(c) > wholeCorpusLimit {
		return l.shownAlerts(c, l.cur.alertsWithout(c, claims.Pairs(l.viewArticles(c))))
	}
	var all []claims.Alert
	if p := l.viewPairs(c); p != nil {
		all = append(all, p.alerts...)
	}
	return l.shownAlerts(c, l.cur.alertsWithout(c, all))
}

// Timeline returns the figures reported on a topic in c's view, in date
// order. In a large view it reads only the articles whose passages match
// the topic best, so its cost does not grow with the archive.
func (l *Library) Timeline(ctx context.Context, c Collection, topic string) ([]claims.TimelineEntry, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	topic = strings.TrimSpace(topic)
	if topic == "" {
		return nil, claimbot.Errorf(claimbot.EINVALID, "the topic is empty").Say(msgEmptyTopic)
	}
	if n := len([]rune(topic)); n > index.MaxQueryRunes {
		return nil, claimbot.Errorf(claimbot.EINVALID, "the topic has %d characters; at most %d are allowed", n, index.MaxQueryRunes).Say(msgTopicTooLong, n, index.MaxQueryRunes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if l.viewSize(c) <= wholeCorpusLimit {
		return l.shownTimeline(c, claims.Timeline(l.cur.without(c, l.viewArticles(c)), topic)), nil
	}
	var arts []articles.Article
	seen := map[string]bool{}
	for offset := 0; offset < timelinePassages; offset += index.MaxLimit {
		res, err := l.Search(ctx, c, topic, index.SearchOptions{Limit: index.MaxLimit, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if seen[h.Article] {
				continue
			}
			seen[h.Article] = true
			if a, ok := l.ix.Article(l.keyOf(c, h.Article)); ok { // the hits have c's shown IDs
				arts = append(arts, a)
			}
		}
		if len(res.Hits) < index.MaxLimit {
			break
		}
	}
	return l.shownTimeline(c, claims.Timeline(arts, topic)), nil
}

func (l *Library) shownTimeline(c Collection, entries []claims.TimelineEntry) []claims.TimelineEntry {
	for i := range entries {
		entries[i].Article = l.shownID(c, entries[i].Article)
	}
	return entries
}

// AlertsFor returns the alerts of rep that c's view sees, without the
// articles it excludes: all of a change to c itself; of a change to the
// base, those against the base and those against c's own articles
// (Report.GuildAlerts); of a change to another guild's collection, none.
func (l *Library) AlertsFor(c Collection, rep Report) []claims.Alert {
	switch {
	case !c.valid():
		return nil
	case rep.Collection == c:
		return l.shownAlerts(c, l.cur.alertsWithout(c, rep.Alerts))
	case rep.Collection.IsBase():
		out := l.cur.alertsWithout(c, rep.Alerts)
		if g := c.Guild(); g != "" {
			out = append(out, l.cur.alertsWithout(c, rep.GuildAlerts[g])...)
		}
		return l.shownAlerts(c, out)
	}
	return nil
}
