package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/internal/atomicfile"
)

// curation is what moderators decided about single articles: which ones
// their view must never return (excluded, kept in the archive). Each
// collection keeps its own exclusions in DATA/collections/<c>/excluded.json,
// so they survive restarts and re-indexes; they are by article ID, so they
// also hold for an article that is removed and restored. The base's
// exclusions hold in every view; a guild's only in its own.
type curation struct {
	l *Library

	mu       sync.Mutex
	excluded map[Collection]map[string]bool
}

// excludedFile is the on-disk form of a collection's exclusions.
type excludedFile struct {
	Articles []string `json:"articles"`
}

func (l *Library) excludedPath(c Collection) string {
	return filepath.Join(l.collDir(c), "excluded.json")
}

// open reads every collection's exclusions.
func (c *curation) open(l *Library) error {
	c.l = l
	c.excluded = map[Collection]map[string]bool{}
	colls, err := l.collections()
	if err != nil {
		return err
	}
	for _, coll := range colls {
		path := l.excludedPath(coll)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("read excluded articles: %w", err)
		}
		var f excludedFile
		if err := json.Unmarshal(data, &f); err != nil {
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "%s is not a list of excluded articles (%v); fix or delete it", path, err)
		}
		set := map[string]bool{}
		for _, id := range f.Articles {
			set[id] = true
		}
		c.excluded[coll] = set
	}
	return nil
}

// save writes one collection's exclusions; c.mu is held.
func (c *curation) save(coll Collection) error {
	f := excludedFile{Articles: make([]string, 0, len(c.excluded[coll]))}
	for id := range c.excluded[coll] {
		f.Articles = append(f.Articles, id)
	}
	sort.Strings(f.Articles)
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.l.collDir(coll), 0o755); err != nil {
		return fmt.Errorf("save excluded articles: %w", err)
	}
	if err := atomicfile.Write(c.l.excludedPath(coll), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("save excluded articles: %w", err)
	}
	return nil
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
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return firstErr(err)
	}
	if e, ok := l.ix.Entry(id); !ok || !c.sees(e.Collection) {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q is indexed", id)
	}
	cur := &l.cur
	cur.mu.Lock()
	defer cur.mu.Unlock()
	if cur.excluded[c][id] || cur.excluded[Base][id] {
		return claimbot.Errorf(claimbot.ECONFLICT, "%s is already excluded from lookups", id)
	}
	if cur.excluded[c] == nil {
		cur.excluded[c] = map[string]bool{}
	}
	cur.excluded[c][id] = true
	if err := cur.save(c); err != nil {
		delete(cur.excluded[c], id)
		return err
	}
	return nil
}

// Include undoes Exclude in c. ENOTFOUND when c does not exclude the
// article (a guild cannot include what the base excludes).
func (l *Library) Include(ctx context.Context, c Collection, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return firstErr(err)
	}
	cur := &l.cur
	cur.mu.Lock()
	defer cur.mu.Unlock()
	if !cur.excluded[c][id] {
		return claimbot.Errorf(claimbot.ENOTFOUND, "%s is not excluded from lookups", id)
	}
	delete(cur.excluded[c], id)
	if err := cur.save(c); err != nil {
		cur.excluded[c][id] = true
		return err
	}
	return nil
}

// Excluded returns the IDs c itself excludes, sorted.
func (l *Library) Excluded(c Collection) []string { return l.cur.list(c) }

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
	defer l.changing.Unlock()
	e, ok := l.ix.Entry(id)
	switch {
	case !ok || !c.sees(e.Collection):
		return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q", id)
	case collOfEntry(e.Collection) != c:
		return claimbot.Errorf(claimbot.EFORBIDDEN, "%s belongs to the shared base collection, which only operators change; exclude it to keep it out of this server's answers", id)
	}
	matches, err := articleFiles(l.addedDir(c), id)
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s belongs to the %s; remove its file there and re-index", id, l.cfg.ArticlesLabel)
	}
	if err := l.ix.Remove(ctx, id); err != nil && claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		return err
	}
	if err := l.trash(c, matches); err != nil {
		return err
	}
	l.invalidate(c)
	return nil
}

func collOfEntry(s string) Collection {
	if s == "" {
		return Base
	}
	return Collection(s)
}

// trash moves an added article's files into c's trash folder, where
// Restore finds them; an older copy of the same article there is replaced.
func (l *Library) trash(c Collection, files []string) error {
	dir := l.trashDir(c)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create trash folder: %w", err)
	}
	for _, f := range files {
		if err := os.Rename(f, filepath.Join(dir, filepath.Base(f))); err != nil {
			return fmt.Errorf("move article file to the trash: %w", err)
		}
	}
	return nil
}

// Trashed returns the IDs of c's removed articles that Restore can bring
// back, sorted.
func (l *Library) Trashed(c Collection) []string {
	if !c.valid() {
		return nil
	}
	entries, err := os.ReadDir(l.trashDir(c))
	if err != nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if e.Type().IsRegular() && articles.IsArticleFile(e.Name()) {
			ids = append(ids, articles.IDFromFile(e.Name()))
		}
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// Restore brings back an article that Remove put into c's trash: it is
// added again as Add adds (refused if the archive has it again, under a new
// ID if its own was taken since) and leaves the trash. The report carries
// the contradiction alerts it raises. ENOTFOUND when c has no such removed
// article.
func (l *Library) Restore(ctx context.Context, c Collection, id string) (Report, error) {
	if err := errors.Join(c.check(), articles.CheckID(id)); err != nil {
		return Report{}, firstErr(err)
	}
	l.changing.Lock()
	defer l.changing.Unlock()
	matches, err := articleFiles(l.trashDir(c), id)
	if err != nil {
		return Report{}, err
	}
	if len(matches) == 0 {
		return Report{}, claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q", id)
	}
	path := matches[0]
	data, err := os.ReadFile(path)
	if err != nil {
		return Report{}, fmt.Errorf("read removed article: %w", err)
	}
	rep, err := l.add(ctx, c, []File{{Name: filepath.Base(path), Data: data}})
	if err != nil {
		return rep, err
	}
	// Added (its file is back in the collection's folder): the trash copy
	// can go. Failing to delete it loses nothing.
	if err := os.Remove(path); err != nil {
		l.cfg.Logger.Warn("restored article left in the trash", "path", path, "err", err)
	}
	return rep, nil
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
