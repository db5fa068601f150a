package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// seeds returns the embedded corpus.
func seeds(t testing.TB) []articles.Article {
	t.Helper()
	arts, err := articles.LoadDir(articles.Default())
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// seedIndex builds a real index of the seed corpus in a temporary directory.
func seedIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Rebuild(context.Background(), seeds(t)); err != nil {
		t.Fatal(err)
	}
	return ix
}

// sharedFile finds a file under the workspace's shared/ directory, which
// sits beside the repository root.
func sharedFile(t testing.TB, rel string) (string, bool) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", rel)
			_, err := os.Stat(p)
			return p, err == nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
