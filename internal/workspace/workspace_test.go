package workspace

import (
	"fmt"
	"path/filepath"
	"runtime"
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

// fakeTB records how Need ends a test; Fatalf and Skipf stop the caller
// the way testing's do (runtime.Goexit), so Need returns nothing after them.
type fakeTB struct{ fatal, skip string }

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skip = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func need(rel string) *fakeTB {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Need(f, rel)
	}()
	<-done
	return f
}

// TestNeedMissing: a missing shared file skips, and fails when CI requires
// the shared data.
func TestNeedMissing(t *testing.T) {
	t.Setenv(EnvRequire, "")
	if f := need("no/such/file.json"); f.fatal != "" || !strings.Contains(f.skip, "file.json is absent") {
		t.Errorf("without %s: fatal %q, skip %q; want a skip", EnvRequire, f.fatal, f.skip)
	}
	t.Setenv(EnvRequire, "1")
	if f := need("no/such/file.json"); f.skip != "" || !strings.Contains(f.fatal, EnvRequire+"=1 but") {
		t.Errorf("with %s=1: fatal %q, skip %q; want a failure", EnvRequire, f.fatal, f.skip)
	}
}
