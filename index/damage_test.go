package index

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/claimbot/claimbot"
)

// TestUnreadableGenerationIsNotRebuilt: a generation with a file the
// process cannot read (EACCES; simulated, since the tests run as root) is
// an error naming that file, and the generation stays; a generation that
// is really torn (its metadata gone) is still rebuilt.
func TestUnreadableGenerationIsNotRebuilt(t *testing.T) {
	dir := t.TempDir()
	ix := openIndex(t, dir, Options{})
	if err := ix.Rebuild(context.Background(), seeds(t)); err != nil {
		t.Fatal(err)
	}
	gen := ix.curGen
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	meta := filepath.Join(dir, gen, "index_meta.json")
	orig := openFile
	t.Cleanup(func() { openFile = orig })
	openFile = func(name string) (io.Closer, error) {
		if name == meta {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
		return orig(name)
	}
	_, err := Open(context.Background(), dir, Options{})
	if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE || !strings.Contains(err.Error(), meta) || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("Open = %v (%s); want EUNAVAILABLE naming %s and the permission", err, claimbot.ErrorCode(err), meta)
	}
	if _, err := os.Stat(meta); err != nil {
		t.Fatalf("the unreadable generation was deleted: %v", err)
	}
	openFile = orig

	again := openIndex(t, dir, Options{})
	if again.Stale() || again.Stats().Articles != len(seeds(t)) {
		t.Fatalf("readable again: Stale %v, %d articles; want the old generation serving", again.Stale(), again.Stats().Articles)
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(meta); err != nil {
		t.Fatal(err)
	}
	torn := openIndex(t, dir, Options{})
	if !torn.Stale() {
		t.Error("a generation without its metadata was not rebuilt")
	}
}
