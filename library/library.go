// Package library is claimbot's corpus service: the articles (the embedded
// seeds or a moderator's folder, plus articles added later), their passage
// index and the contradictions between their claims. The command line and
// the Discord bot both work through it.
package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/atomicfile"
)

// Config configures Open.
type Config struct {
	// DataDir holds the index and the articles added after the build.
	DataDir string
	// Articles is the base corpus. Nil means the embedded seed articles.
	Articles fs.FS
	// ArticlesLabel names the base corpus in messages ("embedded corpus" or
	// a directory).
	ArticlesLabel string
	Logger        *slog.Logger
	Now           func() time.Time
	// LockTimeout bounds the wait for another process holding the index.
	LockTimeout time.Duration
}

// File is an article file to add.
type File struct {
	Name string
	Data []byte
}

// Report says what a re-index or an addition did.
type Report struct {
	Articles, Passages      int
	Added, Changed, Removed []string // article IDs
	// Problems are files skipped and why; nothing else was lost.
	Problems []string
	Took     time.Duration
	// Alerts are the contradictions the new or changed articles raise
	// against the articles that were already indexed.
	Alerts []claims.Alert
}

// Stats describe the library.
type Stats struct {
	Articles, Passages int
	// IndexBuilt is when the index was last rebuilt from scratch (the last
	// re-index); LastChange is when any article was last added or removed.
	IndexBuilt, LastChange time.Time
	Corpus                 string
	// Skipped is how many files the last full build could not index; the
	// build's report and the log say which and why.
	Skipped int
}

// Library is safe for concurrent use.
type Library struct {
	cfg      Config
	ix       *index.Index
	addedDir string

	reindexing sync.Mutex // held for the duration of a re-index

	cacheMu sync.Mutex
	all     []articles.Article // every indexed article, loaded on demand
	pairs   []claims.Alert     // every alerting pair, computed on demand
	skipped int                // files skipped by the last full build

	cur curation // excluded and removed articles (curation.go)
}

// Open opens the library in cfg.DataDir, building the index from the
// articles when it is new or was built by an older version.
func Open(ctx context.Context, cfg Config) (*Library, error) {
	if cfg.DataDir == "" {
		return nil, claimbot.Errorf(claimbot.EINVALID, "no data directory given")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Articles == nil {
		cfg.Articles = articles.Default()
		cfg.ArticlesLabel = "embedded corpus"
	}
	l := &Library{cfg: cfg, addedDir: filepath.Join(cfg.DataDir, "added")}
	if err := os.MkdirAll(l.addedDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	if err := l.cur.open(cfg.DataDir); err != nil {
		return nil, err
	}
	ix, err := index.Open(ctx, filepath.Join(cfg.DataDir, "index"), index.Options{
		Logger: cfg.Logger, Now: cfg.Now, LockTimeout: cfg.LockTimeout,
	})
	if err != nil {
		return nil, err
	}
	l.ix = ix
	if ix.Stale() {
		cfg.Logger.Info("building the index", "corpus", cfg.ArticlesLabel)
		rep, err := l.reindex(ctx, false)
		if err != nil {
			ix.Close()
			return nil, err
		}
		cfg.Logger.Info("index built", "articles", rep.Articles, "passages", rep.Passages, "took", rep.Took)
	}
	return l, nil
}

// Close closes the index.
func (l *Library) Close() error { return l.ix.Close() }

// Search finds the passages matching a claim; excluded articles are never
// among them.
func (l *Library) Search(ctx context.Context, query string, opts index.SearchOptions) (index.Result, error) {
	opts.Exclude = l.cur.searchExclude(opts.Exclude)
	return l.ix.Search(ctx, query, opts)
}

// Article returns an indexed article.
func (l *Library) Article(id string) (articles.Article, bool) { return l.ix.Article(id) }

// Articles lists every indexed article by ID, title and date, sorted by
// title, from the index's manifest: listing must not load every article's
// text. Article returns a whole article.
func (l *Library) Articles() []articles.Article {
	m := l.ix.Manifest()
	out := make([]articles.Article, 0, len(m))
	for id, e := range m {
		a := articles.Article{ID: id, Title: e.Title}
		if t, err := time.Parse(time.DateOnly, e.Published); err == nil {
			a.Published = t
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Title != out[j].Title {
			return out[i].Title < out[j].Title
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Stats returns counts and times.
func (l *Library) Stats() Stats {
	st := l.ix.Stats()
	l.cacheMu.Lock()
	skipped := l.skipped
	l.cacheMu.Unlock()
	return Stats{Articles: st.Articles, Passages: st.Passages, IndexBuilt: st.Built, LastChange: st.LastChange, Corpus: l.cfg.ArticlesLabel, Skipped: skipped}
}

// Reindex rebuilds the index from the base corpus and the added articles.
// Only one runs at a time: a second call while one runs gets ECONFLICT
// rather than starting another rebuild.
func (l *Library) Reindex(ctx context.Context) (Report, error) {
	return l.reindex(ctx, true)
}

func (l *Library) reindex(ctx context.Context, alert bool) (Report, error) {
	if !l.reindexing.TryLock() {
		return Report{}, claimbot.Errorf(claimbot.ECONFLICT, "a re-index is already running")
	}
	defer l.reindexing.Unlock()
	start := l.cfg.Now()

	arts, problems, err := l.loadCorpus()
	if err != nil {
		return Report{}, err
	}
	rep := Report{Problems: problems}
	// Every build says what it skipped, whoever started it: the first
	// build on open, `claimbot index`, /reindex.
	for _, p := range problems {
		l.cfg.Logger.Warn("article file skipped", "problem", p)
	}
	l.cacheMu.Lock()
	l.skipped = len(problems)
	l.cacheMu.Unlock()
	before := l.ix.Manifest()
	var fresh, kept []articles.Article
	for _, a := range arts {
		old, ok := before[a.ID]
		switch {
		case !ok:
			rep.Added = append(rep.Added, a.ID)
			fresh = append(fresh, a)
		case old.Hash != a.Hash():
			rep.Changed = append(rep.Changed, a.ID)
			fresh = append(fresh, a)
		default:
			kept = append(kept, a)
		}
		delete(before, a.ID)
		rep.Passages += len(a.Paragraphs)
	}
	for id := range before {
		rep.Removed = append(rep.Removed, id)
	}
	sort.Strings(rep.Removed)
	rep.Articles = len(arts)

	if err := l.ix.Rebuild(ctx, arts); err != nil {
		return Report{}, fmt.Errorf("rebuild index: %w", err)
	}
	l.invalidate()
	if alert && len(fresh) > 0 {
		rep.Alerts = claims.Detect(l.cur.without(fresh), l.cur.without(kept))
	}
	rep.Took = l.cfg.Now().Sub(start)
	return rep, nil
}

// loadCorpus reads the base corpus and the added articles. Files that do
// not parse are reported as problems and skipped; an added article replaces
// a base article with the same ID.
func (l *Library) loadCorpus() ([]articles.Article, []string, error) {
	var problems []string
	collect := func(where string, fsys fs.FS) ([]articles.Article, error) {
		arts, err := articles.LoadDir(fsys)
		var le *articles.LoadError
		switch {
		case err == nil:
		case errors.As(err, &le):
			for _, e := range le.Errs {
				problems = append(problems, e.Error())
			}
		default:
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		return arts, nil
	}
	base, err := collect(l.cfg.ArticlesLabel, l.cfg.Articles)
	if err != nil {
		return nil, nil, err
	}
	added, err := collect(l.addedDir, os.DirFS(l.addedDir))
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]int{}
	out := make([]articles.Article, 0, len(base)+len(added))
	for _, a := range append(base, added...) {
		if i, ok := byID[a.ID]; ok {
			out[i] = a
			continue
		}
		byID[a.ID] = len(out)
		out = append(out, a)
	}
	return out, problems, nil
}

// Add parses and indexes new article files without a rebuild, and keeps
// them in the data directory so a later re-index includes them. Files that
// do not parse are refused with a message each; the others are added. It
// fails with EINVALID when no file could be added.
func (l *Library) Add(ctx context.Context, files []File) (Report, error) {
	start := l.cfg.Now()
	var (
		rep   Report
		fresh []articles.Article
		data  [][]byte
		names []string
	)
	manifest := l.ix.Manifest()
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f.Name)
		if !articles.IsArticleFile(name) {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: not an article file (want %s)", name, strings.Join(articles.Extensions, ", ")))
			continue
		}
		a, err := articles.Parse(name, f.Data)
		if err != nil {
			rep.Problems = append(rep.Problems, claimbot.ErrorMessage(err))
			continue
		}
		if old, ok := manifest[a.ID]; ok && old.Hash == a.Hash() {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: already indexed as %s", name, a.ID))
			continue
		}
		if seen[a.ID] {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: article ID %s given twice", name, a.ID))
			continue
		}
		seen[a.ID] = true
		if _, ok := manifest[a.ID]; ok {
			rep.Changed = append(rep.Changed, a.ID)
		} else {
			rep.Added = append(rep.Added, a.ID)
		}
		fresh = append(fresh, a)
		data = append(data, f.Data)
		names = append(names, name)
	}
	if len(fresh) == 0 {
		if len(rep.Problems) == 0 {
			return rep, claimbot.Errorf(claimbot.EINVALID, "no files given")
		}
		return rep, claimbot.Errorf(claimbot.EINVALID, "nothing added: %s", strings.Join(rep.Problems, "; "))
	}
	existing := l.cur.without(l.existingExcept(seen))
	// Keep the files first: if indexing then fails, the next re-index picks
	// them up; if the files were written last, a crash could lose an
	// article the index already answered with.
	for i, a := range fresh {
		path := filepath.Join(l.addedDir, a.ID+strings.ToLower(filepath.Ext(names[i])))
		if err := atomicfile.Write(path, data[i], 0o644); err != nil {
			return rep, fmt.Errorf("keep article file: %w", err)
		}
	}
	if err := l.ix.Upsert(ctx, fresh...); err != nil {
		return rep, fmt.Errorf("index articles: %w", err)
	}
	l.invalidate()
	rep.Alerts = claims.Detect(l.cur.without(fresh), existing)
	st := l.ix.Stats()
	rep.Articles, rep.Passages = st.Articles, st.Passages
	rep.Took = l.cfg.Now().Sub(start)
	return rep, nil
}

// Remove takes an added article out of the index and the data directory;
// its file goes to the trash folder, from which Restore brings it back.
// Articles of the base corpus are removed by deleting their file from the
// corpus folder and re-indexing.
func (l *Library) Remove(ctx context.Context, id string) error {
	if err := articles.CheckID(id); err != nil {
		return err
	}
	matches, err := articleFiles(l.addedDir, id)
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		if _, ok := l.ix.Manifest()[id]; ok {
			return claimbot.Errorf(claimbot.EINVALID, "%s belongs to the %s; remove its file there and re-index", id, l.cfg.ArticlesLabel)
		}
		return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q", id)
	}
	if err := l.ix.Remove(ctx, id); err != nil && claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		return err
	}
	if err := l.cur.trash(matches); err != nil {
		return err
	}
	l.invalidate()
	return nil
}

// Disagreements returns the alerts that involve any of the passages of
// hits, so an answer can say that sources disagree. Excluded articles are
// left out.
func (l *Library) Disagreements(hits []index.Hit) []claims.Alert {
	want := map[string]bool{}
	for _, h := range hits {
		want[index.PassageID(h.Article, h.Paragraph)] = true
	}
	var out []claims.Alert
	for _, a := range l.allPairs() {
		hit := want[index.PassageID(a.New.Article, a.New.Paragraph)]
		for _, s := range a.Existing {
			hit = hit || want[index.PassageID(s.Article, s.Paragraph)]
		}
		if hit {
			out = append(out, a)
		}
	}
	return l.cur.alertsWithout(out)
}

// Contradictions returns every alerting pair in the corpus but those with
// an excluded article.
func (l *Library) Contradictions() []claims.Alert {
	if l.ix.ArticleCount() > wholeCorpusLimit {
		return l.cur.alertsWithout(claims.Pairs(l.allArticles()))
	}
	return l.cur.alertsWithout(append([]claims.Alert(nil), l.allPairs()...))
}

// Timeline returns the figures reported on a topic, in date order. In a
// large corpus it reads only the articles whose passages match the topic
// best, so its cost does not grow with the corpus.
func (l *Library) Timeline(ctx context.Context, topic string) ([]claims.TimelineEntry, error) {
	topic = strings.TrimSpace(topic)
	if topic == "" {
		return nil, claimbot.Errorf(claimbot.EINVALID, "the topic is empty")
	}
	if n := len([]rune(topic)); n > index.MaxQueryRunes {
		return nil, claimbot.Errorf(claimbot.EINVALID, "the topic has %d characters; at most %d are allowed", n, index.MaxQueryRunes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if l.ix.ArticleCount() <= wholeCorpusLimit {
		return claims.Timeline(l.cur.without(l.allArticles()), topic), nil
	}
	var arts []articles.Article
	seen := map[string]bool{}
	for offset := 0; offset < timelinePassages; offset += index.MaxLimit {
		res, err := l.Search(ctx, topic, index.SearchOptions{Limit: index.MaxLimit, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if seen[h.Article] {
				continue
			}
			seen[h.Article] = true
			if a, ok := l.ix.Article(h.Article); ok {
				arts = append(arts, a)
			}
		}
		if len(res.Hits) < index.MaxLimit {
			break
		}
	}
	return claims.Timeline(arts, topic), nil
}

// Work that compares every article with every other (the pair table behind
// the disagreement notes in answers, and timelines over the whole corpus)
// is done for corpora up to wholeCorpusLimit articles. Beyond that the
// pair table would take minutes and gigabytes, so answers carry no
// disagreement note and timelines read the timelinePassages best-matching
// passages' articles; alerts on additions are unaffected.
var wholeCorpusLimit = 2000 // a variable so tests can lower it

const timelinePassages = 200

func (l *Library) invalidate() {
	l.cacheMu.Lock()
	l.all, l.pairs = nil, nil
	l.cacheMu.Unlock()
}

func (l *Library) allArticles() []articles.Article {
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	if l.all == nil {
		m := l.ix.Manifest()
		ids := make([]string, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		all := make([]articles.Article, 0, len(ids))
		for _, id := range ids {
			if a, ok := l.ix.Article(id); ok {
				all = append(all, a)
			}
		}
		l.all = all
	}
	return l.all
}

func (l *Library) allPairs() []claims.Alert {
	if l.ix.ArticleCount() > wholeCorpusLimit {
		return nil
	}
	all := l.allArticles()
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	if l.pairs == nil {
		l.pairs = claims.Pairs(all)
	}
	return l.pairs
}

// articleFiles returns the paths of the article files in dir whose ID is
// id. The ID is compared with the names the directory lists, never used to
// build a pattern or a path: what a user typed cannot name another file.
func articleFiles(dir, id string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && articles.IsArticleFile(e.Name()) && articles.IDFromFile(e.Name()) == id {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

func (l *Library) existingExcept(skip map[string]bool) []articles.Article {
	var out []articles.Article
	for _, a := range l.allArticles() {
		if !skip[a.ID] {
			out = append(out, a)
		}
	}
	return out
}
