package index

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/claimbot/claimbot"
)

// A generation that does not open is rebuilt from the article files only
// when it is proven damaged (a crash tore it, or another version wrote it).
// A generation that cannot be read now (a permission, a failing disk) is
// an error naming the file: rebuilding it would delete it, and a rebuild
// from the same files could silently miss what it cannot read either.

// openFile opens a file for readable; tests replace it, because the tests
// run as root, for whom no permission bit refuses a read.
var openFile = func(name string) (io.Closer, error) { return os.Open(name) }

// readable opens every file of a generation once. Bleve reports an
// index_meta.json it may not read as missing, which would look like a
// torn generation.
func readable(genDir string) error {
	return filepath.WalkDir(genDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		f, err := openFile(p)
		if err != nil {
			return err
		}
		return f.Close()
	})
}

// ioError reports an error from the operating system other than a missing
// file: the data may be fine, the process just cannot read it now.
func ioError(err error) bool {
	var pe *fs.PathError
	var errno syscall.Errno
	return (errors.As(err, &pe) || errors.As(err, &errno)) && !errors.Is(err, fs.ErrNotExist)
}

// unreadableGen is the error for a generation that cannot be read now.
func unreadableGen(genDir string, err error) error {
	return claimbot.Errorf(claimbot.EUNAVAILABLE, "the index in %s cannot be read (%w); fix the file's permissions or the disk and start again; nothing was deleted", genDir, err)
}
