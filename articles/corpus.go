package articles

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/claimbot/claimbot"
)

//go:embed corpus/*.txt
var embedded embed.FS

// Default returns the embedded default corpus: the seed articles the binary
// carries so it works with no set-up.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "corpus")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// Extensions are the file types LoadDir reads; others are ignored so a
// README or an editor's backup file next to the articles does no harm.
var Extensions = []string{".txt", ".md", ".markdown"}

// IsArticleFile reports whether name has one of Extensions.
func IsArticleFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// LoadError collects the files of a directory that could not be parsed;
// the articles that could are still returned, so one bad file loses nothing.
type LoadError struct {
	Errs []error
}

func (e *LoadError) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return fmt.Sprintf("%d article file(s) skipped: %s", len(e.Errs), strings.Join(msgs, "; "))
}

func (e *LoadError) Unwrap() []error { return e.Errs }

// LoadDir parses every article file at the top of fsys, sorted by name.
// It returns the articles it could parse and, if any file failed, a
// *LoadError naming each failure.
func LoadDir(fsys fs.FS) ([]Article, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && IsArticleFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)

	// Parsing is CPU-bound (source patterns); spread it over the cores and
	// keep the results in file order.
	type result struct {
		a   Article
		err error
	}
	results := make([]result, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range next {
				data, err := fs.ReadFile(fsys, names[i])
				if err != nil {
					results[i].err = claimbot.Errorf(claimbot.EINTERNAL, "%s: %w", names[i], err).Say(msgUnreadable, names[i])
					continue
				}
				results[i].a, results[i].err = Parse(names[i], data)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()

	var (
		out  []Article
		errs []error
		seen = map[string]string{}
	)
	for i, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		if other, dup := seen[r.a.ID]; dup {
			errs = append(errs, claimbot.Errorf(claimbot.EINVALID, "%s: article ID %q already used by %s", names[i], r.a.ID, other).Say(msgIDUsed, names[i], r.a.ID, other))
			continue
		}
		seen[r.a.ID] = names[i]
		out = append(out, r.a)
	}
	if len(errs) > 0 {
		return out, &LoadError{Errs: errs}
	}
	return out, nil
}

// IsPartial reports whether err is only a LoadError, meaning the returned
// articles are usable.
func IsPartial(err error) bool {
	var le *LoadError
	return errors.As(err, &le)
}
