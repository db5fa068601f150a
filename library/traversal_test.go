package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
)

// traversalForms are ids that once reached filepath.Glob: relative and
// absolute paths, both separators, pattern characters, NUL and a long one.
var traversalForms = []string{
	"../state", "../../x/notes", `..\state`, `..\..\x\notes`, "/abs/notes", "*", "?", "[", "[a-z]*",
	"spam\x00", "\x00", strings.Repeat("a", 300), "spam/../spam", ".", "..", "",
}

// tree hashes every file under root, so a test can tell whether anything
// moved, appeared or changed.
func tree(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[rel+"/"] = "dir"
			return nil
		}
		if strings.Contains(rel, "index"+string(filepath.Separator)) {
			return nil // the index's own files change as it pleases
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[rel] = hex.EncodeToString(sum[:8])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t testing.TB, what string, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s changed or vanished", what, k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s: %s appeared", what, k)
		}
	}
}

// traversalSetup is a data directory beside files an id must never reach:
// a state database in the data directory and notes outside it. One added
// article is in the trash, one in the archive.
func traversalSetup(t testing.TB) (root string, l *Library) {
	t.Helper()
	root = t.TempDir()
	data := filepath.Join(root, "data")
	for path, body := range map[string]string{
		filepath.Join(data, "state.db"):        "live state",
		filepath.Join(root, "x", "notes.txt"):  "Geheime Notizen\n\nDieser Text darf nie in den Index gelangen, er liegt außerhalb des Datenverzeichnisses.\n",
		filepath.Join(root, "abs", "notes.md"): "Notizen\n\nAuch dieser Text liegt außerhalb.\n",
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := Open(context.Background(), Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	ctx := context.Background()
	if _, err := l.Add(ctx, Base, []File{{Name: "spam.md", Data: []byte(spam)}, {Name: "pentagon.md", Data: testdata(t, "pentagon.md")}}); err != nil {
		t.Fatal(err)
	}
	if err := l.Remove(ctx, Base, "pentagon"); err != nil {
		t.Fatal(err)
	}
	return root, l
}

// TestIDsNeverReachPaths: every traversal form is refused by remove,
// restore, exclude and include with EINVALID, and nothing anywhere under
// the data directory's parent moves, appears or changes.
func TestIDsNeverReachPaths(t *testing.T) {
	root, l := traversalSetup(t)
	ctx := context.Background()
	ops := map[string]func(id string) error{}
	for _, c := range []Collection{Base, guild(t, guildA)} {
		ops["remove in "+string(c)] = func(id string) error { return l.Remove(ctx, c, id) }
		ops["restore in "+string(c)] = func(id string) error { _, err := l.Restore(ctx, c, id); return err }
		ops["exclude in "+string(c)] = func(id string) error { return l.Exclude(ctx, c, id) }
		ops["include in "+string(c)] = func(id string) error { return l.Include(ctx, c, id) }
	}
	before := tree(t, root)
	articlesBefore := len(l.Articles(Base))
	for name, op := range ops {
		for _, id := range traversalForms {
			err := op(id)
			if claimbot.ErrorCode(err) != claimbot.EINVALID {
				t.Errorf("%s %q: error %v (%s), want EINVALID", name, id, err, claimbot.ErrorCode(err))
			}
			if msg := claimbot.ErrorMessage(err); strings.ContainsRune(msg, 0) || len(msg) > 200 {
				t.Errorf("%s %q: message %q echoes the input", name, id, msg)
			}
		}
	}
	sameTree(t, "after every traversal form", before, tree(t, root))
	if n := len(l.Articles(Base)); n != articlesBefore {
		t.Errorf("the archive has %d articles, want %d", n, articlesBefore)
	}
}

// FuzzCurationIDs: whatever id remove, restore, exclude and include get,
// files outside the library's own folders stay untouched, and only a
// valid ID can succeed.
func FuzzCurationIDs(f *testing.F) {
	for _, id := range traversalForms {
		f.Add(id)
	}
	f.Add("spam")
	f.Add("pentagon")
	// One library for every input: its own folders may change (a valid ID
	// is excluded, removed, restored), nothing else may.
	root, l := traversalSetup(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, id string) {
		outside := func() map[string]string {
			m := tree(t, root)
			for k := range m {
				if strings.HasPrefix(k, "data"+string(filepath.Separator)) && k != filepath.Join("data", "state.db") {
					delete(m, k)
				}
			}
			return m
		}
		before := outside()
		for _, c := range []Collection{Base, Collection("guild-" + guildA)} {
			errs := []error{l.Exclude(ctx, c, id), l.Include(ctx, c, id), l.Remove(ctx, c, id)}
			_, err := l.Restore(ctx, c, id)
			errs = append(errs, err)
			for _, err := range errs {
				if err == nil && id != "spam" && id != "pentagon" {
					t.Errorf("an operation on %q in %s succeeded", id, c)
				}
			}
		}
		sameTree(t, "outside the library's folders", before, outside())
	})
}
