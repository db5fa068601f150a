package bench

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
)

// Engine answers a claim with passage texts, best first. Implementations
// are safe for concurrent use.
type Engine interface {
	Name() string
	Search(ctx context.Context, query string, k int) ([]string, error)
	Close() error
}

// Build is what building an engine's index cost.
type Build struct {
	Passages  int
	Took      time.Duration
	DiskBytes int64
	// PeakRSS is the process's peak resident memory during the build, 0
	// when the platform cannot tell.
	PeakRSS uint64
}

// PassagesPerSecond is the build throughput.
func (b Build) PassagesPerSecond() float64 {
	if b.Took <= 0 {
		return 0
	}
	return float64(b.Passages) / b.Took.Seconds()
}

// CountPassages is the number of paragraphs of arts.
func CountPassages(arts []articles.Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Paragraphs)
	}
	return n
}

// Bleve is claimbot's own index (package index) as a benchmark engine.
type Bleve struct {
	Index *index.Index
	Dir   string
}

// OpenBleve opens (or creates) claimbot's index in dir.
func OpenBleve(ctx context.Context, dir string) (*Bleve, error) {
	ix, err := index.Open(ctx, dir, index.Options{})
	if err != nil {
		return nil, err
	}
	return &Bleve{Index: ix, Dir: dir}, nil
}

// BuildBleve indexes arts with index.Rebuild, the path a re-index takes.
func BuildBleve(ctx context.Context, dir string, arts []articles.Article) (*Bleve, Build, error) {
	b, err := OpenBleve(ctx, dir)
	if err != nil {
		return nil, Build{}, err
	}
	st, err := b.Rebuild(ctx, arts)
	if err != nil {
		b.Close()
		return nil, Build{}, err
	}
	return b, st, nil
}

// Rebuild re-indexes arts into a new generation and reports the cost.
func (b *Bleve) Rebuild(ctx context.Context, arts []articles.Article) (Build, error) {
	ResetPeakRSS()
	start := time.Now()
	if err := b.Index.Rebuild(ctx, arts); err != nil {
		return Build{}, err
	}
	st := Build{Passages: CountPassages(arts), Took: time.Since(start), DiskBytes: DirSize(b.Dir)}
	st.PeakRSS, _ = PeakRSS()
	return st, nil
}

// Name implements Engine.
func (b *Bleve) Name() string { return "bleve" }

// Search implements Engine.
func (b *Bleve) Search(ctx context.Context, q string, k int) ([]string, error) {
	return b.passages(ctx, q, index.SearchOptions{Limit: k})
}

// Rank is Search without the highlighted fragments, for quality passes
// that only look at the order of the passages.
func (b *Bleve) Rank(ctx context.Context, q string, k int) ([]string, error) {
	return b.passages(ctx, q, index.SearchOptions{Limit: k, NoFragments: true})
}

// RankLang is Rank for questions in lang ("de", "en"): English ones are
// translated (index.SearchOptions.Lang).
func (b *Bleve) RankLang(lang string) func(ctx context.Context, q string, k int) ([]string, error) {
	return func(ctx context.Context, q string, k int) ([]string, error) {
		return b.passages(ctx, q, index.SearchOptions{Limit: k, NoFragments: true, Lang: lang})
	}
}

func (b *Bleve) passages(ctx context.Context, q string, o index.SearchOptions) ([]string, error) {
	res, err := b.Index.Search(ctx, q, o)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Passage
	}
	return out, nil
}

// Close implements Engine.
func (b *Bleve) Close() error { return b.Index.Close() }

// DirSize is the total size of the regular files under dir.
func DirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// FileSize is the size of path plus its SQLite side files, 0 if absent.
func FileSize(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

// QueryWords splits a claim into the words the peers OR together: white
// space separated, with surrounding punctuation removed ("„100.000“," →
// "100.000"). Inner punctuation stays, so "Kim-Regime" is one word that the
// peer's tokenizer then splits as it splits the indexed text.
func QueryWords(q string) []string {
	var out []string
	for _, f := range strings.Fields(q) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
