package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
// lookups must never return (excluded, kept in the corpus) and which
// removed ones can be restored (their files in the trash folder).
// Exclusions live in DATA/excluded.json so they survive restarts and
// re-indexes; they are by article ID, so they also hold for an article
// that is removed and restored.
type curation struct {
	path     string // DATA/excluded.json
	trashDir string // DATA/trash

	mu       sync.Mutex
	excluded map[string]bool
}

// excludedFile is the on-disk form of the exclusions.
type excludedFile struct {
	Articles []string `json:"articles"`
}

func (c *curation) open(dataDir string) error {
	c.path = filepath.Join(dataDir, "excluded.json")
	c.trashDir = filepath.Join(dataDir, "trash")
	c.excluded = map[string]bool{}
	data, err := os.ReadFile(c.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read excluded articles: %w", err)
	}
	var f excludedFile
	if err := json.Unmarshal(data, &f); err != nil {
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "%s is not a list of excluded articles (%v); fix or delete it", c.path, err)
	}
	for _, id := range f.Articles {
		c.excluded[id] = true
	}
	return nil
}

// save writes the exclusions; c.mu is held.
func (c *curation) save() error {
	f := excludedFile{Articles: make([]string, 0, len(c.excluded))}
	for id := range c.excluded {
		f.Articles = append(f.Articles, id)
	}
	sort.Strings(f.Articles)
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(c.path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("save excluded articles: %w", err)
	}
	return nil
}

// list returns the excluded IDs, sorted.
func (c *curation) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]string, 0, len(c.excluded))
	for id := range c.excluded {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// searchExclude adds the excluded IDs to a caller's own, without changing
// the caller's slice.
func (c *curation) searchExclude(own []string) []string {
	ids := c.list()
	if len(ids) == 0 {
		return own
	}
	return append(ids, own...)
}

// without drops excluded articles.
func (c *curation) without(arts []articles.Article) []articles.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.excluded) == 0 {
		return arts
	}
	out := make([]articles.Article, 0, len(arts))
	for _, a := range arts {
		if !c.excluded[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// alertsWithout drops the excluded articles' passages from alerts, and
// alerts from an excluded article or left with no earlier passage.
func (c *curation) alertsWithout(alerts []claims.Alert) []claims.Alert {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.excluded) == 0 {
		return alerts
	}
	out := make([]claims.Alert, 0, len(alerts))
	for _, a := range alerts {
		if c.excluded[a.New.Article] {
			continue
		}
		kept := make([]claims.Side, 0, len(a.Existing))
		for _, s := range a.Existing {
			if !c.excluded[s.Article] {
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

// Exclude keeps an article in the corpus but out of every lookup: searches
// never return its passages, and answers, timelines and contradiction
// alerts ignore it. Use it for an article that should not be deleted but
// spoils answers (one that matches every query). The exclusion is saved in
// the data directory. ENOTFOUND for an unknown article, ECONFLICT when it
// is excluded already.
func (l *Library) Exclude(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := articles.CheckID(id); err != nil {
		return err
	}
	if _, ok := l.ix.Manifest()[id]; !ok {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q is indexed", id)
	}
	c := &l.cur
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.excluded[id] {
		return claimbot.Errorf(claimbot.ECONFLICT, "%s is already excluded from lookups", id)
	}
	c.excluded[id] = true
	if err := c.save(); err != nil {
		delete(c.excluded, id)
		return err
	}
	return nil
}

// Include undoes Exclude. ENOTFOUND when the article is not excluded.
func (l *Library) Include(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := articles.CheckID(id); err != nil {
		return err
	}
	c := &l.cur
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.excluded[id] {
		return claimbot.Errorf(claimbot.ENOTFOUND, "%s is not excluded from lookups", id)
	}
	delete(c.excluded, id)
	if err := c.save(); err != nil {
		c.excluded[id] = true
		return err
	}
	return nil
}

// Excluded returns the IDs of the excluded articles, sorted.
func (l *Library) Excluded() []string { return l.cur.list() }

// trash moves an added article's files into the trash folder, where
// Restore finds them; an older copy of the same article there is replaced.
func (c *curation) trash(files []string) error {
	if err := os.MkdirAll(c.trashDir, 0o755); err != nil {
		return fmt.Errorf("create trash folder: %w", err)
	}
	for _, f := range files {
		if err := os.Rename(f, filepath.Join(c.trashDir, filepath.Base(f))); err != nil {
			return fmt.Errorf("move article file to the trash: %w", err)
		}
	}
	return nil
}

// Trashed returns the IDs of removed articles that Restore can bring back,
// sorted.
func (l *Library) Trashed() []string {
	entries, err := os.ReadDir(l.cur.trashDir)
	if err != nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if !e.IsDir() && articles.IsArticleFile(e.Name()) {
			ids = append(ids, articles.IDFromFile(e.Name()))
		}
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// Restore brings back an article that Remove put into the trash: it is
// added again (indexed, kept in the data directory) and leaves the trash.
// The report carries the contradiction alerts it raises, as Add's does.
// ENOTFOUND when there is no such removed article; ECONFLICT when an
// article with the same ID was indexed since.
func (l *Library) Restore(ctx context.Context, id string) (Report, error) {
	if err := articles.CheckID(id); err != nil {
		return Report{}, err
	}
	matches, err := articleFiles(l.cur.trashDir, id)
	if err != nil {
		return Report{}, err
	}
	if len(matches) == 0 {
		return Report{}, claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q", id)
	}
	if _, ok := l.ix.Manifest()[id]; ok {
		return Report{}, claimbot.Errorf(claimbot.ECONFLICT, "an article with ID %s is indexed again; remove it before restoring the old one", id)
	}
	path := matches[0]
	data, err := os.ReadFile(path)
	if err != nil {
		return Report{}, fmt.Errorf("read removed article: %w", err)
	}
	rep, err := l.Add(ctx, []File{{Name: filepath.Base(path), Data: data}})
	if err != nil {
		return rep, err
	}
	// Added (its file is back in the data directory): the trash copy can go.
	// Failing to delete it loses nothing.
	if err := os.Remove(path); err != nil {
		l.cfg.Logger.Warn("restored article left in the trash", "path", path, "err", err)
	}
	return rep, nil
}
