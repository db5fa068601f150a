package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/state"
)

// curation is what moderators decided about single articles: which ones
// their view must never return (excluded, kept in the archive). Each
// collection's exclusions are kept in the archive (state.Archive; in the
// data directory DATA/collections/<c>/excluded.json), so they survive
// restarts and re-indexes and reach every instance; they are by article
// ID, so they also hold for an article that is removed and restored. The
// base's exclusions hold in every view; a guild's only in its own. This is
// the copy in memory, loaded from a snapshot and kept current by the
// changes (replica.go).
type curation struct {
	mu       sync.Mutex
	excluded map[Collection]map[string]bool
}

// load replaces the exclusions with a snapshot's.
func (c *curation) load(ex map[string][]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.excluded = map[Collection]map[string]bool{}
	for coll, ids := range ex {
		set := map[string]bool{}
		for _, id := range ids {
			set[id] = true
		}
		c.excluded[Collection(coll)] = set
	}
}

// set records one exclusion (or its end).
func (c *curation) set(coll Collection, id string, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.excluded == nil {
		c.excluded = map[Collection]map[string]bool{}
	}
	if !on {
		delete(c.excluded[coll], id)
		return
	}
	if c.excluded[coll] == nil {
		c.excluded[coll] = map[string]bool{}
	}
	c.excluded[coll][id] = true
}

// has reports whether coll itself excludes id.
func (c *curation) has(coll Collection, id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.excluded[coll][id]
}

// list returns the IDs one collection excludes, sorted.
func (c *curation) list(coll Collection) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]string, 0, len(c.excluded[coll]))
	for id := range c.excluded[coll] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// inView returns the IDs excluded in coll's view: the base's and its own.
func (c *curation) inView(coll Collection) map[string]bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]bool{}
	for id := range c.excluded[Base] {
		out[id] = true
	}
	if coll != Base {
		for id := range c.excluded[coll] {
			out[id] = true
		}
	}
	return out
}

// searchExclude adds the IDs excluded in coll's view to a caller's own,
// without changing the caller's slice.
func (c *curation) searchExclude(coll Collection, own []string) []string {
	ex := c.inView(coll)
	if len(ex) == 0 {
		return own
	}
	ids := make([]string, 0, len(ex)+len(own))
	for id := range ex {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return append(ids, own...)
}

// without drops the articles excluded in coll's view.
func (c *curation) without(coll Collection, arts []articles.Article) []articles.Article {
	ex := c.inView(coll)
	if len(ex) == 0 {
		return arts
	}
	out := make([]articles.Article, 0, len(arts))
	for _, a := range arts {
		if !ex[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// alertsWithout drops the passages of articles excluded in coll's view
// from alerts, and alerts from an excluded article or left with no earlier
// passage.
func (c *curation) alertsWithout(coll Collection, alerts []claims.Alert) []claims.Alert {
	ex := c.inView(coll)
	if len(ex) == 0 {
		return alerts
	}
	out := make([]claims.Alert, 0, len(alerts))
	for _, a := range alerts {
		if ex[a.New.Article] {
			continue
		}
		kept := make([]claims.Side, 0, len(a.Existing))
		for _, s := range a.Existing {
			if !ex[s.Article] {
				kept = append(kept, s)
			}
		}
		if len(kept) == 0 {
			continue
		}
		a.Existing = kept
		out = append(out, a)
	}
	return out
}

// Exclude keeps an article in the archive but out of c's view: searches
// never return its passages, and answers, timelines and contradiction
// alerts there ignore it. Use it for an article that should not be deleted
// but spoils answers (one that matches every query). A guild may exclude
// base articles and its own, for itself; the base's exclusions hold for
// every guild. ENOTFOUND for an article c's view does not have, ECONFLICT
// when it is excluded there already.
func (l *Library) Exclude(ctx context.Context, c Collection, id string) error {
	return l.setExcluded(ctx, c, id, true)
}

// Include undoes Exclude in c. ENOTFOUND when c does not exclude the
// article (a guild cannot include what the base excludes).
func (l *Library) Include(ctx context.Context, c Collection, id string) error {
	return l.setExcluded(ctx, c, id, false)
}

func (l *Library) setExcluded(ctx context.Context, c Collection, id string, on bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return firstErr(err)
	}
	l.changing.Lock()
	l.opened = nil // the build Open made no longer holds everything
	defer l.changing.Unlock()
	var seq, before int64
	var key string
	err := l.arch.Update(ctx, func(tx state.ArchiveTx) error {
		before = tx.Seq()
		if err := l.catchUpTo(ctx, before); err != nil {
			return err
		}
		key = l.keyOf(c, id)
		if on && l.shownID(c, key) != id {
			key = "" // a key is not an ID c's view shows
		}
		switch {
		case on:
			if e, ok := l.ix.Entry(key); !ok || !c.sees(e.Collection) {
				return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q is indexed", id).Say(msgNotIndexed, id)
			}
			if l.cur.has(c, key) || l.cur.has(Base, key) {
				return claimbot.Errorf(claimbot.ECONFLICT, "%s is already excluded from lookups", id).Say(msgAlreadyExcluded, id)
			}
		case !l.cur.has(c, key):
			// Exclusions outlive their article: one of c's own removed
			// articles is excluded by its key.
			if q := qualified(c, id); c != Base && l.cur.has(c, q) {
				key = q
				break
			}
			return claimbot.Errorf(claimbot.ENOTFOUND, "%s is not excluded from lookups", id).Say(msgNotExcluded, id)
		}
		var err error
		seq, err = tx.SetExcluded(string(c), key, on)
		return err
	})
	if err != nil {
		return err
	}
	l.applied(before, seq, func() error { l.cur.set(c, key, on); return nil })
	l.invalidate(c)
	return nil
}

// Excluded returns the IDs c itself excludes, sorted.
func (l *Library) Excluded(c Collection) []string {
	ids := l.shownIDs(c, l.cur.list(c))
	sort.Strings(ids)
	return ids
}

// Remove takes an article that was added to c out of the index and the
// collection's folder; its file goes to c's trash, from which Restore
// brings it back. Articles of the base corpus folder are removed by
// deleting their file there and re-indexing; a guild cannot remove base
// articles (it can exclude them). The ID is looked up in the library's own
// records, never used in a path or a pattern.
func (l *Library) Remove(ctx context.Context, c Collection, id string) error {
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return firstErr(err)
	}
	l.changing.Lock()
	l.opened = nil // the build Open made no longer holds everything
	defer l.changing.Unlock()
	var before, seq int64
	var key string
	err := l.arch.Update(ctx, func(tx state.ArchiveTx) error {
		before = tx.Seq()
		if err := l.catchUpTo(ctx, before); err != nil {
			return err
		}
		key = l.keyOf(c, id)
		e, ok := l.ix.Entry(key)
		switch {
		case !ok || !c.sees(e.Collection) || l.shownID(c, key) != id:
			return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q", id).Say(msgNoArticle, id)
		case collOfEntry(e.Collection) != c:
			return claimbot.Errorf(claimbot.EFORBIDDEN, "%s belongs to the shared base collection, which only operators change; exclude it to keep it out of this server's answers", id).Say(msgBaseNotYours, id)
		case !l.rep.archived(key):
			return claimbot.Errorf(claimbot.EINVALID, "%s belongs to the %s; remove its file there and re-index", id, l.cfg.ArticlesLabel).Say(msgInCorpus, id, l.corpusLabel())
		}
		var err error
		seq, err = tx.Trash(string(c), key)
		return err
	})
	if err != nil {
		return err
	}
	err = l.applied(before, seq, func() error {
		if err := l.ix.Remove(ctx, key); err != nil && claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
			return err
		}
		l.rep.forget(key)
		return nil
	})
	l.invalidate(c)
	return err
}

func collOfEntry(s string) Collection {
	if s == "" {
		return Base
	}
	return Collection(s)
}

// Trashed returns the IDs of c's removed articles that Restore can bring
// back, sorted.
func (l *Library) Trashed(c Collection) []string {
	if !c.valid() {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	arts, err := l.arch.Trashed(ctx, string(c))
	if err != nil {
		l.cfg.Logger.Warn("listing removed articles failed", "collection", string(c), "err", err)
		return nil
	}
	ids := make([]string, 0, len(arts))
	for _, a := range arts {
		ids = append(ids, l.shownID(c, a.ID)) // not indexed: c's own, so its suffix goes
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// Restore brings back an article that Remove put into c's trash: it is
// added again as Add adds (refused if the archive has it again, under a new
// ID if its own was taken since) and leaves the trash, in one change of
// the archive. The report carries the contradiction alerts it raises.
// ENOTFOUND when c has no such removed article.
func (l *Library) Restore(ctx context.Context, c Collection, id string) (Report, error) {
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return Report{}, firstErr(err)
	}
	l.changing.Lock()
	l.opened = nil // the build Open made no longer holds everything
	defer l.changing.Unlock()
	trashed, err := l.arch.Trashed(ctx, string(c))
	if err != nil {
		return Report{}, err
	}
	var found *state.StoredArticle
	for i := range trashed {
		if trashed[i].ID == id || c != Base && trashed[i].ID == qualified(c, id) {
			found = &trashed[i]
			break
		}
	}
	if found == nil {
		return Report{}, claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q", id).Say(msgNoRemoved, id)
	}
	// Dropped from the trash in the same change: if another instance
	// restored it meanwhile, this one is refused and adds nothing.
	return l.add(ctx, c, []File{{Name: found.File, Data: found.Data}}, func(tx state.ArchiveTx) error {
		if err := tx.DropTrashed(string(c), found.ID); err != nil {
			if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
				return claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q", id).Say(msgNoRemoved, id)
			}
			return err
		}
		return nil
	})
}

// articleFiles returns the paths of the article files in dir whose ID is
// id. The ID is compared with the names the directory lists, never used to
// build a pattern or a path: what a user typed cannot name another file.
func articleFiles(dir, id string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && articles.IsArticleFile(e.Name()) && articles.IDFromFile(e.Name()) == id {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// firstErr returns the first error joined by errors.Join, so callers see
// one plain claimbot error.
func firstErr(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if errs := j.Unwrap(); len(errs) > 0 {
			return errs[0]
		}
	}
	return err
}
