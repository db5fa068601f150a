package bot

import "testing"

// e2eLibrary is the library the end-to-end tests run against.
// TODO(bot): switch to library.Open on a t.TempDir() once the library
// package builds.
func e2eLibrary(t *testing.T) Library {
	t.Helper()
	return seedLib()
}
