// Package workspace locates the workplace's shared/ directory, which sits
// beside the module root (../shared) and holds the evaluation queries and
// Discord's API spec. Tests and tools read those files from there; nothing
// of it is copied into the repository.
package workspace

import (
	"os"
	"path/filepath"
)

// Shared returns the path of rel under the shared directory and whether
// that file exists. The module root is the nearest directory above the
// working directory that has a go.mod. When there is none, the path is
// relative to the working directory and ok is false.
func Shared(rel string) (path string, ok bool) {
	dir, err := os.Getwd()
	if err == nil {
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				path = filepath.Join(dir, "..", "shared", rel)
				_, err := os.Stat(path)
				return path, err == nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return filepath.Join("..", "shared", rel), false
}

// EnvRequire, set to 1, makes a missing shared file fail the tests that
// read it instead of skipping them (or, for Discord's spec, running
// unvalidated). CI sets it: its checkout always has shared/ beside it, and
// there a skip would report a check that never ran as passed.
const EnvRequire = "CLAIMBOT_REQUIRE_SHARED"

// Required reports whether CLAIMBOT_REQUIRE_SHARED=1.
func Required() bool { return os.Getenv(EnvRequire) == "1" }

// TB is the part of testing.TB that Need uses (this package is imported by
// commands too, which should not link package testing).
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}

// Need returns the path of rel under the shared directory for a test that
// cannot run without it. When the file is missing the test is skipped, or
// fails under CLAIMBOT_REQUIRE_SHARED=1.
func Need(tb TB, rel string) string {
	tb.Helper()
	path, ok := Shared(rel)
	if !ok {
		if Required() {
			tb.Fatalf("%s=1 but %s is absent", EnvRequire, path)
		}
		tb.Skipf("%s is absent: the shared data is not beside the repository", path)
	}
	return path
}
