package bot

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/library"
)

// seedArticles copies the embedded corpus into a fresh directory, so a test
// can add article files to it as a moderator would.
func seedArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(articles.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(articles.Default(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// openLibrary opens the real library over an articles directory, with its
// index in a temporary data directory.
func openLibrary(t *testing.T, articlesDir string) *library.Library {
	t.Helper()
	lib, err := library.Open(context.Background(), library.Config{
		DataDir:       filepath.Join(t.TempDir(), "data"),
		Articles:      os.DirFS(articlesDir),
		ArticlesLabel: articlesDir,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// e2eLibrary is the library the end-to-end tests run against: the real
// one over the seed corpus.
func e2eLibrary(t *testing.T) Library {
	t.Helper()
	return openLibrary(t, seedArticles(t))
}
