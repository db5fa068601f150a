// Package library is claimbot's corpus service: the articles (the embedded
// seeds or a moderator's folder, plus articles added later), their passage
// index and the contradictions between their claims. The command line and
// the Discord bot both work through it.
//
// Articles live in collections (collection.go): the shared base every
// guild reads, and one per guild for what that guild's moderators add.
// Every read names the collection whose view it serves; every change names
// the collection it changes. There is one index for all of them.
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
	"testing/fstest"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/state"
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
	// Archive keeps what is added to collections, what was removed and the
	// exclusions. Nil keeps them in DataDir (one process). A shared one
	// (PostgreSQL's, for several instances) is the source of truth and
	// the index a replica of it: built from it, then kept current from
	// its change log by Follow (replica.go).
	Archive state.Archive
}

// Stats describe a collection's view.
type Stats struct {
	// Articles and Passages are those the view sees (the base and the
	// collection); Own is how many articles are in the collection itself.
	Articles, Passages, Own int
	// IndexBuilt is when the index was last rebuilt from scratch (the last
	// re-index); LastChange is when an article of the view was last added
	// or removed (IndexStats: of any collection).
	IndexBuilt, LastChange time.Time
	Corpus                 string
	// Skipped is how many files the last full build could not index; the
	// build's report and the log say which and why.
	Skipped int
}

// Library is safe for concurrent use.
type Library struct {
	cfg Config
	ix  *index.Index

	reindexing sync.Mutex // held for the duration of a re-index
	// changing serialises the changes to collections (add, remove,
	// restore): new IDs and duplicates are decided against the index as
	// it is, so two additions must not decide at once.
	changing sync.Mutex

	cacheMu sync.Mutex
	arts    map[Collection][]articles.Article // a collection's articles, loaded on demand
	pairs   map[Collection]*viewAlerts        // alerts among a view's articles, computed on demand
	skipped int                               // files skipped by the last full build

	cur curation // exclusions (curation.go)

	arch state.Archive // Config.Archive, or the data directory's
	rep  replica       // what of the archive the index has applied (replica.go)

	// opened is the report of the build Open made, and the archive
	// change it was built at; nil when Open found an index to resume or
	// a re-index has run since. Build hands it out instead of building
	// the same index again.
	opened *openedBuild
}

type openedBuild struct {
	rep Report
	seq int64
}

// Open opens the library in cfg.DataDir, building the index from the
// articles when it is new or was built by an older version. A data
// directory from before collections is moved into the base collection
// first (migrate.go).
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
	l := &Library{cfg: cfg, arch: cfg.Archive}
	if l.arch == nil {
		if err := os.MkdirAll(l.addedDir(Base), 0o755); err != nil {
			return nil, fmt.Errorf("create data directory: %w", err)
		}
		if err := l.migrate(); err != nil {
			return nil, err
		}
		l.arch = newDirArchive(cfg.DataDir)
	} else if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	if err := l.rep.open(ctx, l); err != nil {
		return nil, err
	}
	snap, err := l.arch.Snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the archive: %w", err)
	}
	if l.rep.shared && snap.Seq == 0 {
		if snap, err = l.importDir(ctx, snap); err != nil {
			return nil, err
		}
	}
	ix, err := index.Open(ctx, filepath.Join(cfg.DataDir, "index"), index.Options{
		Logger: cfg.Logger, Now: cfg.Now, LockTimeout: cfg.LockTimeout,
	})
	if err != nil {
		return nil, err
	}
	l.ix = ix
	if from, ok := l.rep.resumable(ix.Stale()); ok {
		// The index has the archive up to change from: catch up on the
		// rest of the log.
		l.cur.load(snap.Excluded)
		l.rep.reset(snap, from)
		if err := l.catchUpTo(ctx, snap.Seq); err != nil {
			ix.Close()
			return nil, err
		}
		return l, nil
	}
	cfg.Logger.Info("building the index", "corpus", cfg.ArticlesLabel, "archive_articles", len(snap.Articles))
	rep, err := l.rebuild(ctx, snap, false)
	if err != nil {
		ix.Close()
		return nil, err
	}
	cfg.Logger.Info("index built", "articles", rep.Articles, "passages", rep.Passages, "took", rep.Took)
	l.opened = &openedBuild{rep: rep, seq: snap.Seq}
	return l, nil
}

// importDir moves a single instance to a new shared archive: what the
// data directory's own archive holds (added articles, exclusions; the
// trash stays) is added to the shared one, once, when that has never
// changed. Two instances starting at once import once: the second finds
// the archive changed inside its update and leaves it.
func (l *Library) importDir(ctx context.Context, snap state.ArchiveSnapshot) (state.ArchiveSnapshot, error) {
	if err := l.migrate(); err != nil {
		return snap, err
	}
	local, err := newDirArchive(l.cfg.DataDir).Snapshot(ctx)
	if err != nil || len(local.Articles) == 0 && len(local.Excluded) == 0 {
		return snap, err
	}
	imported := 0
	err = l.arch.Update(ctx, func(tx state.ArchiveTx) error {
		if tx.Seq() != 0 {
			return nil
		}
		for _, a := range local.Articles {
			switch _, err := tx.Add(a); claimbot.ErrorCode(err) {
			case "":
				imported++
			case claimbot.ECONFLICT, claimbot.EINVALID:
				l.cfg.Logger.Warn("article of the data directory not imported", "article", a.ID, "collection", a.Collection, "err", err)
			default:
				return err
			}
		}
		for c, ids := range local.Excluded {
			for _, id := range ids {
				if _, err := tx.SetExcluded(c, id, true); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return snap, fmt.Errorf("import the data directory's articles: %w", err)
	}
	if imported > 0 {
		l.cfg.Logger.Info("the data directory's articles and exclusions were imported into the shared archive; the files stay where they were",
			"articles", imported, "from", filepath.Join(l.cfg.DataDir, "collections"))
	}
	return l.arch.Snapshot(ctx)
}

// Close closes the index.
func (l *Library) Close() error { return l.ix.Close() }

// Stats returns the counts of c's view and the index's times.
func (l *Library) Stats(c Collection) Stats {
	st := l.ix.Stats()
	// The view's last change, not the index's: another guild adding an
	// article must not move this guild's /stats.
	out := Stats{IndexBuilt: st.Built, LastChange: l.ix.LastChangeIn(c.view()...), Corpus: l.cfg.ArticlesLabel}
	out.Articles, out.Passages = l.ix.Count(c.view()...)
	out.Own, _ = l.ix.Count(string(c))
	l.cacheMu.Lock()
	out.Skipped = l.skipped
	l.cacheMu.Unlock()
	return out
}

// IndexStats counts every article of every collection: the index's size,
// for monitoring.
func (l *Library) IndexStats() Stats {
	st := l.ix.Stats()
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	return Stats{Articles: st.Articles, Passages: st.Passages, Own: st.Articles, IndexBuilt: st.Built, LastChange: st.LastChange,
		Corpus: l.cfg.ArticlesLabel, Skipped: l.skipped}
}

// Reindex rebuilds the index from the base corpus and every collection's
// added articles. Only one runs at a time: a second call while one runs
// gets ECONFLICT rather than starting another rebuild.
func (l *Library) Reindex(ctx context.Context) (Report, error) {
	return l.reindex(ctx, true)
}

// Build is Reindex for a caller that has just opened the library to
// build its index (`claimbot index`): when Open built the index from
// scratch and the archive has not changed since, it reports that build
// rather than doing it a second time. On a new data directory that halves
// the command's time.
func (l *Library) Build(ctx context.Context) (Report, error) {
	return l.reindexFrom(ctx, true, true)
}

func (l *Library) reindex(ctx context.Context, alert bool) (Report, error) {
	return l.reindexFrom(ctx, alert, false)
}

func (l *Library) reindexFrom(ctx context.Context, alert, reuseOpened bool) (Report, error) {
	if !l.reindexing.TryLock() {
		return Report{}, claimbot.Errorf(claimbot.ECONFLICT, "a re-index is already running").Say(msgReindexRunning)
	}
	defer l.reindexing.Unlock()
	l.changing.Lock()
	defer l.changing.Unlock()
	snap, err := l.arch.Snapshot(ctx)
	if err != nil {
		return Report{}, fmt.Errorf("read the archive: %w", err)
	}
	opened := l.opened
	l.opened = nil
	if reuseOpened && opened != nil && opened.seq == snap.Seq {
		return opened.rep, nil
	}
	return l.rebuild(ctx, snap, alert)
}

// rebuild builds a new index generation from the base corpus and the
// archive's snapshot and swaps it in. The replica is held still meanwhile:
// a change applied to the old generation would be lost with it; changes
// after the snapshot are applied to the new one afterwards.
func (l *Library) rebuild(ctx context.Context, snap state.ArchiveSnapshot, alert bool) (Report, error) {
	start := l.cfg.Now()
	l.rep.applyMu.Lock()
	defer l.rep.applyMu.Unlock()
	arts, problems, err := l.loadCorpus(snap)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Collection: Base, ProblemErrs: problems}
	// Every build says what it skipped, whoever started it: the first
	// build on open, `claimbot index`, /reindex.
	for _, p := range problems {
		rep.Problems = append(rep.Problems, claimbot.ErrorMessage(p))
		l.cfg.Logger.Warn("article file skipped", "problem", claimbot.ErrorMessage(p))
	}
	l.cacheMu.Lock()
	l.skipped = len(problems)
	l.cacheMu.Unlock()
	before := l.ix.Manifest()
	fresh := map[Collection][]articles.Article{}
	for _, a := range arts {
		old, ok := before[a.ID]
		switch {
		case !ok:
			rep.Added = append(rep.Added, a.ID)
			fresh[collOf(a)] = append(fresh[collOf(a)], a)
		case old.Hash != a.Hash() || collOfEntry(old.Collection) != collOf(a):
			rep.Changed = append(rep.Changed, a.ID)
			fresh[collOf(a)] = append(fresh[collOf(a)], a)
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
	l.cur.load(snap.Excluded)
	l.rep.reset(snap, snap.Seq)
	l.rep.save()
	l.invalidate(Base)
	if alert {
		// What changed in the base is news for everyone; what changed in a
		// guild's folder (edited by hand) is that guild's.
		if len(fresh[Base]) > 0 {
			rep.Alerts, rep.GuildAlerts = l.raise(ctx, Base, fresh[Base], 0)
		}
		for c, arts := range fresh {
			if c == Base {
				continue
			}
			if alerts, _ := l.raise(ctx, c, arts, 0); len(alerts) > 0 {
				if rep.GuildAlerts == nil {
					rep.GuildAlerts = map[string][]claims.Alert{}
				}
				rep.GuildAlerts[c.Guild()] = append(rep.GuildAlerts[c.Guild()], alerts...)
			}
		}
	}
	rep.Took = l.cfg.Now().Sub(start)
	return rep, nil
}

// collOf is the collection an article is kept in.
func collOf(a articles.Article) Collection {
	if a.Collection == "" {
		return Base
	}
	return Collection(a.Collection)
}

// loadCorpus reads the base corpus and parses every collection's
// articles in the archive's snapshot. Files that do not parse are
// reported as problems and skipped, and so is a file whose ID an earlier
// one has (the base corpus first, then the base's added articles, then
// the guilds' in order): additions are given IDs of their own, so this
// happens only when the corpus folder gains a file later, and it is said
// rather than one article silently replacing another. A guild's article
// kept under its private key (ids.go) whose shown ID the base has is
// skipped the same way, so no view has one ID twice. Each problem is an
// error whose Text says it for people, naming files but no folders.
func (l *Library) loadCorpus(snap state.ArchiveSnapshot) ([]articles.Article, []error, error) {
	var problems []error
	collect := func(where string, fsys fs.FS) ([]articles.Article, error) {
		arts, err := articles.LoadDir(fsys)
		var le *articles.LoadError
		switch {
		case err == nil:
		case errors.As(err, &le):
			problems = append(problems, le.Errs...)
		default:
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		return arts, nil
	}
	var out []articles.Article
	owner := map[string]string{}     // ID → where its file is, for logs
	ownerFile := map[string]string{} // ID → its file's name, for people
	baseIDs := map[string]bool{}     // the IDs every view has
	take := func(where string, c Collection, arts []articles.Article) {
		for _, a := range arts {
			id := a.ID
			if sfx := guildSuffix(c); sfx != "" {
				// A key of c's own shows c its ID without the suffix:
				// when the base has that ID since, c's view would have
				// it twice. It is skipped as a key that is itself taken
				// would be, so what c sees does not depend on whether
				// another guild held the ID when c's article came.
				if shown, ok := strings.CutSuffix(id, sfx); ok && shown != "" && baseIDs[shown] {
					id = shown
				}
			}
			if other, dup := owner[id]; dup {
				problems = append(problems, claimbot.Errorf(claimbot.EINVALID, "%s: article ID %s is taken by %s; skipped (rename the file)",
					filepath.Join(where, a.File), id, other).Say(msgIDTakenBy, a.File, id, ownerFile[id]))
				continue
			}
			owner[a.ID], ownerFile[a.ID] = filepath.Join(where, a.File), a.File
			if c == Base {
				baseIDs[a.ID] = true
			} else {
				a.Collection = string(c)
			}
			out = append(out, a)
		}
	}
	base, err := collect(l.cfg.ArticlesLabel, l.cfg.Articles)
	if err != nil {
		return nil, nil, err
	}
	take(l.cfg.ArticlesLabel, Base, base)
	byColl := map[Collection]fstest.MapFS{}
	for _, a := range snap.Articles {
		c := Collection(a.Collection)
		if !c.valid() {
			problems = append(problems, claimbot.Errorf(claimbot.EINVALID, "article %s: %q is not a collection; skipped", a.ID, a.Collection).Say(msgNotACollection, a.ID, a.Collection))
			continue
		}
		if byColl[c] == nil {
			byColl[c] = fstest.MapFS{}
		}
		byColl[c][a.File] = &fstest.MapFile{Data: a.Data, Mode: 0o644}
	}
	colls := make([]Collection, 0, len(byColl))
	for c := range byColl {
		colls = append(colls, c)
	}
	sort.Slice(colls, func(i, j int) bool { return colls[i] == Base || colls[j] != Base && colls[i] < colls[j] })
	for _, c := range colls {
		where := l.archiveLabel(c)
		arts, err := collect(where, byColl[c])
		if err != nil {
			return nil, nil, err
		}
		take(where, c, arts)
	}
	return out, problems, nil
}

// corpusLabel is ArticlesLabel for people, in their language: the
// embedded corpus, or the base corpus folder without its path, which is
// the operator's file system and no business of a Discord user's (the
// English message for logs names it).
func (l *Library) corpusLabel() claimbot.Text {
	if l.cfg.ArticlesLabel == "embedded corpus" {
		return claimbot.T(msgEmbeddedCorpus)
	}
	return claimbot.T(msgCorpusFolder)
}

// archiveLabel names where a collection's articles are kept, in messages.
func (l *Library) archiveLabel(c Collection) string {
	if _, ok := l.arch.(*dirArchive); ok {
		return l.addedDir(c)
	}
	return "archive/" + string(c)
}

// Work that compares every article of a view with every other (the pair
// table behind the disagreement notes in answers, and timelines over the
// whole view) is done for views up to wholeCorpusLimit articles. Beyond
// that the pair table would take minutes and gigabytes, so answers carry no
// disagreement note and timelines read the timelinePassages best-matching
// passages' articles; alerts on additions are unaffected.
var wholeCorpusLimit = 2000 // a variable so tests can lower it

const timelinePassages = 200

// invalidate drops what is cached about c; a change to the base changes
// every view.
func (l *Library) invalidate(c Collection) {
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	if c == Base {
		l.arts, l.pairs = nil, nil
		return
	}
	delete(l.arts, c)
	delete(l.pairs, c)
}

// articlesOf returns the articles of one collection (not its view), by ID.
func (l *Library) articlesOf(c Collection) []articles.Article {
	l.cacheMu.Lock()
	arts, ok := l.arts[c]
	l.cacheMu.Unlock()
	if ok {
		return arts
	}
	m := l.ix.Entries(string(c))
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	arts = make([]articles.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := l.ix.Article(id); ok {
			arts = append(arts, a)
		}
	}
	l.cacheMu.Lock()
	if l.arts == nil {
		l.arts = map[Collection][]articles.Article{}
	}
	l.arts[c] = arts
	l.cacheMu.Unlock()
	return arts
}

// viewArticles returns every article c's view sees, excluded ones too.
func (l *Library) viewArticles(c Collection) []articles.Article {
	if c == Base {
		return l.articlesOf(Base)
	}
	return append(append([]articles.Article(nil), l.articlesOf(Base)...), l.articlesOf(c)...)
}

// viewSize is the number of articles c's view sees.
func (l *Library) viewSize(c Collection) int {
	n, _ := l.ix.Count(c.view()...)
	return n
}

// viewAlerts are the alerts among a view's articles, with the ones each
// passage is in: Disagreements asks for the passages of every answer.
type viewAlerts struct {
	alerts []claims.Alert
	at     map[string][]int // passage ID → indexes into alerts
}

func newViewAlerts(alerts []claims.Alert) *viewAlerts {
	v := &viewAlerts{alerts: alerts, at: map[string][]int{}}
	for i, a := range alerts {
		ids := []string{index.PassageID(a.New.Article, a.New.Paragraph)}
		for _, s := range a.Existing {
			ids = append(ids, index.PassageID(s.Article, s.Paragraph))
		}
		for _, id := range ids {
			if at := v.at[id]; len(at) == 0 || at[len(at)-1] != i {
				v.at[id] = append(at, i)
			}
		}
	}
	return v
}

// viewPairs returns the alerts among the articles c's view sees: the
// base's among themselves, and, for a guild, its own articles against the
// base and each other; nil for a view above wholeCorpusLimit. Exclusions
// are applied by the callers.
func (l *Library) viewPairs(c Collection) *viewAlerts {
	if l.viewSize(c) > wholeCorpusLimit {
		return nil
	}
	l.cacheMu.Lock()
	p, ok := l.pairs[c]
	l.cacheMu.Unlock()
	if ok {
		return p
	}
	var alerts []claims.Alert
	if c == Base {
		alerts = claims.Pairs(l.articlesOf(Base))
	} else {
		if base := l.viewPairs(Base); base != nil {
			alerts = append(alerts, base.alerts...)
		}
		alerts = append(alerts, claims.Detect(l.articlesOf(c), l.articlesOf(Base))...)
	}
	p = newViewAlerts(alerts)
	l.cacheMu.Lock()
	if l.pairs == nil {
		l.pairs = map[Collection]*viewAlerts{}
	}
	l.pairs[c] = p
	l.cacheMu.Unlock()
	return p
}
