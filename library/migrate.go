package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// migrate moves a data directory from before collections into the base
// collection: DATA/added, DATA/trash and DATA/excluded.json were the one
// shared corpus's additions, removals and exclusions, which is what the
// base is now. Each is moved once (a rename, nothing copied); the log says
// so once. A directory already migrated, or new, has none of them.
func (l *Library) migrate() error {
	moves := []struct{ from, to string }{
		{filepath.Join(l.cfg.DataDir, "added"), l.addedDir(Base)},
		{filepath.Join(l.cfg.DataDir, "trash"), l.trashDir(Base)},
		{filepath.Join(l.cfg.DataDir, "excluded.json"), filepath.Join(l.collDir(Base), "excluded.json")},
	}
	var moved []string
	for _, m := range moves {
		st, err := os.Stat(m.from)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("migrate data directory: %w", err)
		}
		if st.IsDir() {
			// Open created the new added folder already; an empty one is
			// replaced, a full one means both exist: stop rather than mix.
			if err := os.Remove(m.to); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("migrate data directory: %s and %s both hold articles; move the files of the first into the second: %w", m.from, m.to, err)
			}
		} else if _, err := os.Stat(m.to); err == nil {
			return fmt.Errorf("migrate data directory: %s and %s both exist; keep one", m.from, m.to)
		}
		if err := os.MkdirAll(filepath.Dir(m.to), 0o755); err != nil {
			return fmt.Errorf("migrate data directory: %w", err)
		}
		if err := os.Rename(m.from, m.to); err != nil {
			return fmt.Errorf("migrate data directory: %w", err)
		}
		moved = append(moved, filepath.Base(m.from))
	}
	if len(moved) > 0 {
		n := 0
		if entries, err := os.ReadDir(l.addedDir(Base)); err == nil {
			n = len(entries)
		}
		l.cfg.Logger.Info("data directory migrated: what was added, removed and excluded before now belongs to the shared base collection",
			"moved", moved, "added_articles", n, "to", filepath.Join(l.cfg.DataDir, "collections", string(Base)))
	}
	return nil
}
