package workspace

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestShared(t *testing.T) {
	path, ok := Shared("no/such/file.json")
	if ok {
		t.Errorf("a missing file reported present: %s", path)
	}
	if want := filepath.Join("shared", "no", "such", "file.json"); !strings.HasSuffix(path, want) {
		t.Errorf("path %q does not end in %q", path, want)
	}
}
