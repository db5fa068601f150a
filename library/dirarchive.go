package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/internal/atomicfile"
	"github.com/claimbot/claimbot/state"
)

// dirArchive is the state.Archive of one process: files in the data
// directory, DATA/collections/<collection>/added/<id>.<ext> for the kept
// articles, trash/ beside it for the removed ones and excluded.json for
// the exclusions. It keeps no change log (every sequence number is 0).
// An update's changes are staged and written when fn returns nil, so a
// failed update writes nothing; each file is replaced atomically.
type dirArchive struct {
	root string // DATA/collections
	mu   sync.Mutex
}

var _ state.Archive = (*dirArchive)(nil)

func newDirArchive(dataDir string) *dirArchive {
	return &dirArchive{root: filepath.Join(dataDir, "collections")}
}

func (d *dirArchive) dir(coll, sub string) (string, error) {
	if !Collection(coll).valid() {
		return "", claimbot.Errorf(claimbot.EINVALID, "%q is not a collection", coll)
	}
	return filepath.Join(d.root, coll, sub), nil
}

// ArchiveID implements state.Archive.
func (d *dirArchive) ArchiveID(context.Context) (string, error) { return "dir:" + d.root, nil }

// LastChange implements state.Archive: there is no change log.
func (d *dirArchive) LastChange(context.Context) (int64, error) { return 0, nil }

// Changes implements state.Archive: there is no change log.
func (d *dirArchive) Changes(context.Context, int64, int) ([]state.Change, error) { return nil, nil }

// collections lists the collection folders, the base first, then the
// guilds' in order. Folders that are not collections are left alone.
func (d *dirArchive) collections() ([]string, error) {
	entries, err := os.ReadDir(d.root)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("list collections: %w", err)
	}
	out := []string{string(Base)}
	for _, e := range entries {
		if c := Collection(e.Name()); e.IsDir() && c != Base && c.valid() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out[1:])
	return out, nil
}

// files reads the article files of one of a collection's folders.
func (d *dirArchive) files(coll, sub string) ([]state.StoredArticle, error) {
	dir, err := d.dir(coll, sub)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var out []state.StoredArticle
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !articles.IsArticleFile(name) || strings.HasPrefix(name, ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, name), err)
		}
		a := state.StoredArticle{Collection: coll, ID: articles.IDFromFile(name), File: name, Data: data}
		if info, err := e.Info(); err == nil {
			a.At = info.ModTime().UTC()
		}
		out = append(out, a)
	}
	return out, nil
}

func (d *dirArchive) excluded(coll string) ([]string, error) {
	dir, err := d.dir(coll, "")
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "excluded.json")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read excluded articles: %w", err)
	}
	var f excludedFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "%s is not a list of excluded articles (%v); fix or delete it", path, err)
	}
	sort.Strings(f.Articles)
	return f.Articles, nil
}

// excludedFile is the on-disk form of a collection's exclusions.
type excludedFile struct {
	Articles []string `json:"articles"`
}

// Snapshot implements state.Archive.
func (d *dirArchive) Snapshot(ctx context.Context) (state.ArchiveSnapshot, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.snapshot(ctx)
}

func (d *dirArchive) snapshot(ctx context.Context) (state.ArchiveSnapshot, error) {
	snap := state.ArchiveSnapshot{Excluded: map[string][]string{}}
	colls, err := d.collections()
	if err != nil {
		return snap, err
	}
	for _, c := range colls {
		if err := ctx.Err(); err != nil {
			return snap, err
		}
		arts, err := d.files(c, "added")
		if err != nil {
			return snap, err
		}
		snap.Articles = append(snap.Articles, arts...)
		ex, err := d.excluded(c)
		if err != nil {
			return snap, err
		}
		if len(ex) > 0 {
			snap.Excluded[c] = ex
		}
	}
	return snap, nil
}

// Trashed implements state.Archive.
func (d *dirArchive) Trashed(_ context.Context, coll string) ([]state.StoredArticle, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	arts, err := d.files(coll, "trash")
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	return arts, err
}

// Update implements state.Archive.
func (d *dirArchive) Update(ctx context.Context, fn func(tx state.ArchiveTx) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	tx := &dirTx{d: d, ctx: ctx}
	if err := fn(tx); err != nil {
		return err
	}
	for _, op := range tx.ops {
		if err := op(); err != nil {
			return err
		}
	}
	return nil
}

// dirTx stages an update's changes; reads see the staged ones.
type dirTx struct {
	d   *dirArchive
	ctx context.Context
	ops []func() error
	// what the staged changes did, for later reads in the same update
	added     map[string]string // ID → collection
	trashed   map[string]string // ID → collection
	untrashed map[[2]string]bool
}

func (t *dirTx) Seq() int64 { return 0 }

// owner returns the collection keeping an article with that ID, "" when
// none does, with the staged changes applied.
func (t *dirTx) owner(id string) (string, string, error) {
	if c, ok := t.added[id]; ok {
		return c, "", nil
	}
	colls, err := t.d.collections()
	if err != nil {
		return "", "", err
	}
	for _, c := range colls {
		dir, _ := t.d.dir(c, "added")
		matches, err := articleFiles(dir, id)
		if err != nil {
			return "", "", err
		}
		if len(matches) > 0 && t.trashed[id] != c {
			return c, matches[0], nil
		}
	}
	return "", "", nil
}

func checkStored(a state.StoredArticle) error {
	if err := articles.CheckID(a.ID); err != nil {
		return err
	}
	if !Collection(a.Collection).valid() {
		return claimbot.Errorf(claimbot.EINVALID, "%q is not a collection", a.Collection)
	}
	if !articles.IsArticleFile(a.File) || articles.IDFromFile(a.File) != a.ID || filepath.Base(a.File) != a.File {
		return claimbot.Errorf(claimbot.EINVALID, "%q is not a file name for article %s", a.File, a.ID)
	}
	return nil
}

// Add implements state.ArchiveTx.
func (t *dirTx) Add(a state.StoredArticle) (int64, error) {
	if err := checkStored(a); err != nil {
		return 0, err
	}
	if c, _, err := t.owner(a.ID); err != nil {
		return 0, err
	} else if c != "" {
		return 0, claimbot.Errorf(claimbot.ECONFLICT, "article ID %q is taken", a.ID)
	}
	if t.added == nil {
		t.added = map[string]string{}
	}
	t.added[a.ID] = a.Collection
	dir, _ := t.d.dir(a.Collection, "added")
	t.ops = append(t.ops, func() error {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create collection folder: %w", err)
		}
		if err := atomicfile.Write(filepath.Join(dir, a.File), a.Data, 0o644); err != nil {
			return fmt.Errorf("keep article file: %w", err)
		}
		return nil
	})
	return 0, nil
}

// Trash implements state.ArchiveTx: the files move (rename) to the
// collection's trash, replacing an older copy there.
func (t *dirTx) Trash(coll, id string) (int64, error) {
	if err := articles.CheckID(id); err != nil {
		return 0, err
	}
	dir, err := t.d.dir(coll, "added")
	if err != nil {
		return 0, err
	}
	if c, _, err := t.owner(id); err != nil {
		return 0, err
	} else if c != coll || t.added[id] == coll {
		// (Trashing an article added in the same update is not needed.)
		return 0, claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q in %s", id, coll)
	}
	if t.trashed == nil {
		t.trashed = map[string]string{}
	}
	t.trashed[id] = coll
	trash, _ := t.d.dir(coll, "trash")
	t.ops = append(t.ops, func() error {
		matches, err := articleFiles(dir, id)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(trash, 0o755); err != nil {
			return fmt.Errorf("create trash folder: %w", err)
		}
		old, err := articleFiles(trash, id)
		if err != nil {
			return err
		}
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("replace the trash copy: %w", err)
			}
		}
		for _, f := range matches {
			if err := os.Rename(f, filepath.Join(trash, filepath.Base(f))); err != nil {
				return fmt.Errorf("move article file to the trash: %w", err)
			}
		}
		return nil
	})
	return 0, nil
}

// DropTrashed implements state.ArchiveTx.
func (t *dirTx) DropTrashed(coll, id string) error {
	if err := articles.CheckID(id); err != nil {
		return err
	}
	trash, err := t.d.dir(coll, "trash")
	if err != nil {
		return err
	}
	matches, err := articleFiles(trash, id)
	if err != nil {
		return err
	}
	if len(matches) == 0 || t.untrashed[[2]string{coll, id}] {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q in %s", id, coll)
	}
	if t.untrashed == nil {
		t.untrashed = map[[2]string]bool{}
	}
	t.untrashed[[2]string{coll, id}] = true
	t.ops = append(t.ops, func() error {
		for _, f := range matches {
			// Restored (its file is back in the collection's folder):
			// failing to delete the trash copy loses nothing.
			if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove the trash copy: %w", err)
			}
		}
		return nil
	})
	return nil
}

// SetExcluded implements state.ArchiveTx.
func (t *dirTx) SetExcluded(coll, id string, excluded bool) (int64, error) {
	if err := articles.CheckID(id); err != nil {
		return 0, err
	}
	dir, err := t.d.dir(coll, "")
	if err != nil {
		return 0, err
	}
	t.ops = append(t.ops, func() error {
		ids, err := t.d.excluded(coll)
		if err != nil {
			return err
		}
		set := map[string]bool{}
		for _, x := range ids {
			set[x] = true
		}
		if excluded {
			set[id] = true
		} else {
			delete(set, id)
		}
		f := excludedFile{Articles: make([]string, 0, len(set))}
		for x := range set {
			f.Articles = append(f.Articles, x)
		}
		sort.Strings(f.Articles)
		data, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("save excluded articles: %w", err)
		}
		if err := atomicfile.Write(filepath.Join(dir, "excluded.json"), append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("save excluded articles: %w", err)
		}
		return nil
	})
	return 0, nil
}
