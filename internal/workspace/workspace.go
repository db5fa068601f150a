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
