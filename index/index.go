// Package index keeps claimbot's full-text index of article passages in
// Bleve: one document per paragraph, analysed for German (stems, umlaut
// folding), for spelling variants of foreign names, and for numbers as people
// type them; scored with BM25.
//
// The index lives in generations under its directory. A full rebuild writes a
// new generation beside the serving one and switches an atomically replaced
// pointer file, so searches keep working during a rebuild and a crash
// half-way leaves the old generation serving.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/internal/atomicfile"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sync/errgroup"
)

const (
	currentFile = "CURRENT"
	ownerFile   = "owner.json"
	genPrefix   = "gen-"
	// batchSize: one Bleve segment per batch; single-document batches make
	// thousands of tiny segments (bleve issue 1697).
	batchSize   = 1000
	keyMeta     = "claimbot:meta"
	keyManifest = "claimbot:manifest"
)

// rebuildBatch and rebuildWorkers: a Bleve batch analyses its documents in
// parallel but builds its segment on one goroutine, so one batch at a time
// leaves a core idle. Rebuilding the 10,000-article benchmark corpus (84,747
// passages) on the 2-core benchmark machine, passages per second: 1 × 1,000
// (the sequential rebuild) about 2,000; 4 × 500 4,570-4,680; 4 × 1,000
// 4,620-5,060; 2 × 2,000 5,610-5,660; 2 × 3,000 5,570-5,640; 3 × 2,000
// 5,300; 2 × 4,000 5,370-5,430. Bigger batches make fewer segments to merge
// later; more than one per core only adds contention.
const (
	rebuildBatch   = 2000
	rebuildWorkers = 2
)

// Options configure Open.
type Options struct {
	Logger *slog.Logger
	// LockTimeout bounds the wait for another process's lock (default 1 s).
	LockTimeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Index is a passage index on disk. It is safe for concurrent use: searches
// run concurrently with each other and with writes; writes are serialised.
type Index struct {
	dir  string
	opts Options

	// serving is held for reading by every search for its whole run and
	// for writing while the serving generation is swapped or closed, so no
	// search ever uses a closed generation.
	serving sync.RWMutex

	writeMu sync.Mutex // serialises Rebuild, Upsert, Remove

	// slots bounds the searches that run at once (see searchSlots).
	slots chan struct{}

	mu       sync.RWMutex // guards the fields below
	cur      bleve.Index
	curArts  *bolt.DB // the serving generation's article store
	curGen   string
	manifest map[string]ManifestEntry
	counts   map[string]count // by collection, kept with manifest (setManifest)
	meta     meta
	stale    bool
}

// ManifestEntry is what the index remembers of each article without
// loading it: enough to list articles and to detect changes.
type ManifestEntry struct {
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Hash      string `json:"hash"`
	Passages  int    `json:"passages"`
	// Collection is the article's collection ("" before collections;
	// BaseCollection means the same), TextHash its text alone and URL its
	// stated URL, so duplicates are found without loading articles.
	Collection string `json:"collection,omitempty"`
	TextHash   string `json:"text_hash,omitempty"`
	URL        string `json:"url,omitempty"`
}

type meta struct {
	MappingVersion int       `json:"mapping_version"`
	Built          time.Time `json:"built"`
	LastChange     time.Time `json:"last_change"`
	// Changed is when each collection last gained, changed or lost an
	// article since Built: a guild's own additions are its business, so a
	// view's last change must not move with another guild's (LastChangeIn).
	// Older indexes have none; their views' last change is Built until the
	// next change, rather than a time another guild's change set.
	Changed map[string]time.Time `json:"changed,omitempty"`
}

// changed returns m with collection c's last change set to now, without
// touching m's map, which readers may hold.
func (m meta) changed(c string, now time.Time) meta {
	if c == "" {
		c = BaseCollection
	}
	out := make(map[string]time.Time, len(m.Changed)+1)
	for k, v := range m.Changed {
		out[k] = v
	}
	out[c] = now
	m.Changed, m.LastChange = out, now
	return m
}

// Stats describe the index.
type Stats struct {
	Articles int
	Passages int
	// Built is when the serving generation was built from scratch.
	Built time.Time
	// LastChange is when any article was last added, changed or removed.
	LastChange time.Time
	Dir        string
}

// LastChangeIn is when an article of one of collections ("" is
// BaseCollection) was last added, changed or removed, or the index was
// last built if none has been since: the last change a view of those
// collections can see.
func (ix *Index) LastChangeIn(collections ...string) time.Time {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	last := ix.meta.Built
	for _, c := range collections {
		if c == "" {
			c = BaseCollection
		}
		if t := ix.meta.Changed[c]; t.After(last) {
			last = t
		}
	}
	return last
}

type owner struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

// Open opens the index in dir, creating it if needed. An index built with an
// older mapping is discarded and Stale reports true, so the caller rebuilds
// it from the articles instead of reading it with the wrong analysis. If
// another process holds the index, Open fails after LockTimeout with an
// EUNAVAILABLE error that names the holder.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	configureBleve()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index dir: %w", err)
	}
	ix := &Index{dir: dir, opts: opts, slots: make(chan struct{}, searchSlots())}

	gen, err := readCurrent(dir)
	if err != nil {
		return nil, err
	}
	var idx bleve.Index
	if gen != "" {
		if err := readable(filepath.Join(dir, gen)); ioError(err) {
			return nil, unreadableGen(filepath.Join(dir, gen), err)
		}
		idx, err = ix.openGen(gen)
		switch {
		case err == nil:
		case claimbot.ErrorCode(err) == claimbot.EUNAVAILABLE:
			return nil, err
		case ioError(err):
			return nil, unreadableGen(filepath.Join(dir, gen), err)
		default:
			// A generation that does not open (torn by a crash, or written by
			// an incompatible version) is rebuilt, never half-read.
			opts.Logger.Warn("index generation unreadable; rebuilding", "gen", gen, "err", err)
			idx, gen = nil, ""
		}
	}
	if idx != nil {
		m, manifest, err := readMeta(idx)
		if ioError(err) {
			_ = idx.Close()
			return nil, unreadableGen(filepath.Join(dir, gen), err)
		}
		if err != nil || m.MappingVersion != MappingVersion {
			opts.Logger.Info("index mapping changed; rebuilding", "have", m.MappingVersion, "want", MappingVersion)
			_ = idx.Close()
			idx, gen = nil, ""
		} else {
			ix.meta = m
			ix.setManifest(manifest)
		}
	}
	if idx == nil {
		gen, idx, err = ix.createGen()
		if err != nil {
			return nil, err
		}
		ix.meta = meta{MappingVersion: MappingVersion}
		ix.setManifest(map[string]ManifestEntry{})
		if err := writeMeta(idx, ix.meta, ix.manifest); err != nil {
			_ = idx.Close()
			return nil, err
		}
		if err := writeCurrent(dir, gen); err != nil {
			_ = idx.Close()
			return nil, err
		}
		ix.stale = true
	}
	arts, err := openArticles(filepath.Join(dir, gen), opts.LockTimeout)
	if err != nil {
		_ = idx.Close()
		return nil, err
	}
	ix.cur, ix.curArts, ix.curGen = idx, arts, gen
	ix.writeOwner()
	ix.removeOtherGens()
	if err := ctx.Err(); err != nil {
		// The caller gets no index to close, so this one must not keep
		// holding the lock.
		_ = ix.Close()
		return nil, err
	}
	return ix, nil
}

var configureOnce sync.Once

// configureBleve bounds fuzzy and prefix expansion process-wide: a query
// that would expand to more terms fails fast instead of running for seconds.
func configureBleve() {
	configureOnce.Do(func() {
		setMaxClauses(maxClauses)
	})
}

// Stale reports whether the index was created empty or discarded on open
// (new directory, older mapping, unreadable data) and needs a rebuild.
func (ix *Index) Stale() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.stale
}

// Close closes the index.
func (ix *Index) Close() error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.serving.Lock()
	defer ix.serving.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	_ = os.Remove(filepath.Join(ix.dir, ownerFile))
	if ix.cur == nil {
		return nil
	}
	err := ix.cur.Close()
	if ix.curArts != nil {
		if cerr := ix.curArts.Close(); err == nil {
			err = cerr
		}
	}
	ix.cur, ix.curArts = nil, nil
	return err
}

func (ix *Index) closed() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cur == nil
}

func errClosed() error { return claimbot.Errorf(claimbot.EUNAVAILABLE, "index is closed") }

// Stats returns counts and times.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := Stats{Articles: len(ix.manifest), Built: ix.meta.Built, LastChange: ix.meta.LastChange, Dir: ix.dir}
	for _, e := range ix.manifest {
		st.Passages += e.Passages
	}
	return st
}

// ArticleCount is the number of indexed articles; unlike Stats it does not
// walk the manifest, so hot paths can ask it.
func (ix *Index) ArticleCount() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.manifest)
}

// Manifest returns a copy of what the index holds, by article ID.
func (ix *Index) Manifest() map[string]ManifestEntry {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make(map[string]ManifestEntry, len(ix.manifest))
	for k, v := range ix.manifest {
		out[k] = v
	}
	return out
}

// Article loads a stored article.
func (ix *Index) Article(id string) (articles.Article, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return articles.Article{}, false
	}
	if _, ok := ix.manifest[id]; !ok {
		return articles.Article{}, false
	}
	return getArticle(ix.curArts, id)
}

// Rebuild indexes arts into a new generation and swaps it in. Searches run
// against the old generation until the swap and the new one after it.
func (ix *Index) Rebuild(ctx context.Context, arts []articles.Article) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	if ix.closed() {
		// A rebuild queued behind Close must not bring the index back to
		// life, holding its files with no one left to close them.
		return errClosed()
	}

	gen, idx, err := ix.createGen()
	if err != nil {
		return err
	}
	store, err := openArticles(filepath.Join(ix.dir, gen), ix.opts.LockTimeout)
	if err != nil {
		_ = idx.Close()
		_ = os.RemoveAll(filepath.Join(ix.dir, gen))
		return err
	}
	abandon := func(err error) error {
		_ = idx.Close()
		_ = store.Close()
		_ = os.RemoveAll(filepath.Join(ix.dir, gen))
		return err
	}
	// The manifest and the article store do not depend on the index, so
	// they are made while the passages are indexed, which leaves a core
	// idle part of the time: made before and after it, they were a
	// twentieth of a rebuild's time, on one core.
	manifest := make(map[string]ManifestEntry, len(arts))
	storeCtx, stopStore := context.WithCancel(ctx)
	defer stopStore()
	stored := make(chan error, 1)
	go func() {
		stored <- func() error {
			for _, a := range arts {
				manifest[a.ID] = entryFor(a)
			}
			for i := 0; i < len(arts); i += batchSize {
				if err := storeCtx.Err(); err != nil {
					return err
				}
				if err := putArticles(store, arts[i:min(i+batchSize, len(arts))]); err != nil {
					return err
				}
			}
			return nil
		}()
	}()
	err = indexConcurrently(ctx, idx, arts)
	if err != nil {
		stopStore()
	}
	if serr := <-stored; err == nil {
		err = serr
	}
	if err != nil {
		return abandon(err)
	}
	now := ix.opts.Now()
	m := meta{MappingVersion: MappingVersion, Built: now, LastChange: now}
	if err := writeMeta(idx, m, manifest); err != nil {
		return abandon(err)
	}
	if err := ctx.Err(); err != nil {
		return abandon(err)
	}
	// The pointer file is the commit point: before this rename a crash
	// leaves the old generation serving, after it the new one.
	if err := writeCurrent(ix.dir, gen); err != nil {
		return abandon(err)
	}
	// Waits for searches in flight on the old generation to finish; new
	// searches wait for the swap, which takes no time.
	ix.serving.Lock()
	ix.mu.Lock()
	old, oldArts, oldGen := ix.cur, ix.curArts, ix.curGen
	ix.cur, ix.curArts, ix.curGen, ix.meta, ix.stale = idx, store, gen, m, false
	ix.setManifest(manifest)
	ix.mu.Unlock()
	ix.serving.Unlock()
	if old != nil {
		if err := old.Close(); err != nil {
			ix.opts.Logger.Warn("close old index generation", "gen", oldGen, "err", err)
		}
		if oldArts != nil {
			_ = oldArts.Close()
		}
		_ = os.RemoveAll(filepath.Join(ix.dir, oldGen))
	}
	return nil
}

// indexConcurrently adds the passages of arts to idx in batches, several
// in flight at once. A rebuild's generation is not serving yet, so the order
// in which batches land does not matter.
func indexConcurrently(ctx context.Context, idx bleve.Index, arts []articles.Article) error {
	g, gctx := errgroup.WithContext(ctx)
	jobs := make(chan []articles.Article)
	g.Go(func() error {
		defer close(jobs)
		var chunk []articles.Article
		n := 0
		for i, a := range arts {
			// The caller's context is asked once per article, as the
			// sequential rebuild did; a cancellation stops the feed.
			if err := ctx.Err(); err != nil {
				return err
			}
			chunk = append(chunk, a)
			n += len(a.Paragraphs)
			if n < rebuildBatch && i < len(arts)-1 {
				continue
			}
			select {
			case jobs <- chunk:
			case <-gctx.Done():
				return gctx.Err()
			}
			chunk, n = nil, 0
		}
		return nil
	})
	for range rebuildWorkers {
		g.Go(func() error {
			for chunk := range jobs {
				if err := gctx.Err(); err != nil {
					return err
				}
				b := idx.NewBatch()
				for _, a := range chunk {
					if err := addToBatch(b, a); err != nil {
						return err
					}
				}
				if err := idx.Batch(b); err != nil {
					return fmt.Errorf("index batch: %w", err)
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// Upsert adds or replaces articles in the serving generation without a
// rebuild. Each article's old passages are deleted in the same batch that
// adds its new ones, so a search never sees an article twice or half.
func (ix *Index) Upsert(ctx context.Context, arts ...articles.Article) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.RLock()
	idx, store := ix.cur, ix.curArts
	manifest := make(map[string]ManifestEntry, len(ix.manifest)+len(arts))
	for k, v := range ix.manifest {
		manifest[k] = v
	}
	m := ix.meta
	ix.mu.RUnlock()
	if idx == nil {
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "index is closed")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b := idx.NewBatch()
	now := ix.opts.Now()
	for _, a := range arts {
		if old, ok := manifest[a.ID]; ok {
			deletePassages(b, a.ID, old.Passages)
			if old.collection() != collectionOf(a) {
				m = m.changed(old.collection(), now) // it left that collection's view
			}
		}
		if err := addToBatch(b, a); err != nil {
			return err
		}
		manifest[a.ID] = entryFor(a)
		m = m.changed(collectionOf(a), now)
	}
	if err := setMetaInBatch(b, m, manifest); err != nil {
		return err
	}
	// The articles go in first: the manifest, which says an article is
	// indexed, is written with its passages in the batch below, so a crash
	// between the two leaves at most an unused record here.
	if err := putArticles(store, arts); err != nil {
		return fmt.Errorf("store articles: %w", err)
	}
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	ix.mu.Lock()
	ix.meta = m
	ix.setManifest(manifest)
	ix.mu.Unlock()
	return nil
}

// Remove deletes articles from the index. Unknown IDs are an ENOTFOUND error
// and nothing is removed.
func (ix *Index) Remove(ctx context.Context, ids ...string) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.RLock()
	idx, store := ix.cur, ix.curArts
	manifest := make(map[string]ManifestEntry, len(ix.manifest))
	for k, v := range ix.manifest {
		manifest[k] = v
	}
	m := ix.meta
	ix.mu.RUnlock()
	if idx == nil {
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "index is closed")
	}
	b := idx.NewBatch()
	now := ix.opts.Now()
	for _, id := range ids {
		old, ok := manifest[id]
		if !ok {
			return claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q", id)
		}
		deletePassages(b, id, old.Passages)
		delete(manifest, id)
		m = m.changed(old.collection(), now)
	}
	if err := setMetaInBatch(b, m, manifest); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	ix.mu.Lock()
	ix.meta = m
	ix.setManifest(manifest)
	ix.mu.Unlock()
	// After the batch: until then the manifest still lists the articles.
	if err := deleteArticles(store, ids); err != nil {
		ix.opts.Logger.Warn("deleting removed articles' records", "err", err)
	}
	return nil
}

func entryFor(a articles.Article) ManifestEntry {
	return ManifestEntry{Title: a.Title, Published: a.PublishedDate(), Hash: a.Hash(), Passages: len(a.Paragraphs),
		Collection: collectionOf(a), TextHash: a.TextHash(), URL: a.URL}
}

// PassageID is the document ID of an article's paragraph.
func PassageID(article string, n int) string { return article + "#" + strconv.Itoa(n) }

func deletePassages(b *bleve.Batch, id string, n int) {
	for i := 1; i <= n; i++ {
		b.Delete(PassageID(id, i))
	}
}

func addToBatch(b *bleve.Batch, a articles.Article) error {
	for _, p := range a.Paragraphs {
		doc := passageDoc{
			Text: p.Text, Spell: p.Text, Numbers: p.Text, Parts: p.Text,
			Heading: p.Heading, Article: a.ID, Paragraph: float64(p.N), Sources: p.Sources,
			Collection: collectionOf(a),
		}
		if p.N == 1 {
			doc.LeadTitle = a.Title
		}
		if err := b.Index(PassageID(a.ID, p.N), doc); err != nil {
			return fmt.Errorf("index %s: %w", PassageID(a.ID, p.N), err)
		}
	}
	return nil
}

func setMetaInBatch(b *bleve.Batch, m meta, manifest map[string]ManifestEntry) error {
	md, err := json.Marshal(m)
	if err != nil {
		return err
	}
	mf, err := json.Marshal(manifest)
	if err != nil {
		return err
	}
	b.SetInternal([]byte(keyMeta), md)
	b.SetInternal([]byte(keyManifest), mf)
	return nil
}

func writeMeta(idx bleve.Index, m meta, manifest map[string]ManifestEntry) error {
	b := idx.NewBatch()
	if err := setMetaInBatch(b, m, manifest); err != nil {
		return err
	}
	return idx.Batch(b)
}

func readMeta(idx bleve.Index) (meta, map[string]ManifestEntry, error) {
	var m meta
	manifest := map[string]ManifestEntry{}
	md, err := idx.GetInternal([]byte(keyMeta))
	if err != nil {
		return m, nil, err
	}
	if md == nil {
		return m, nil, errors.New("no index metadata")
	}
	if err := json.Unmarshal(md, &m); err != nil {
		return m, nil, err
	}
	mf, err := idx.GetInternal([]byte(keyManifest))
	if err != nil {
		return m, nil, err
	}
	if mf != nil {
		if err := json.Unmarshal(mf, &manifest); err != nil {
			return m, nil, err
		}
	}
	return m, manifest, nil
}

func (ix *Index) createGen() (string, bleve.Index, error) {
	im, err := newMapping()
	if err != nil {
		return "", nil, fmt.Errorf("index mapping: %w", err)
	}
	gen := genPrefix + strconv.FormatInt(time.Now().UnixNano(), 36)
	idx, err := bleve.NewUsing(filepath.Join(ix.dir, gen), im, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore,
		map[string]any{"bolt_timeout": ix.opts.LockTimeout.String()})
	if err != nil {
		return "", nil, fmt.Errorf("create index generation: %w", err)
	}
	return gen, idx, nil
}

func (ix *Index) openGen(gen string) (bleve.Index, error) {
	idx, err := bleve.OpenUsing(filepath.Join(ix.dir, gen), map[string]any{"bolt_timeout": ix.opts.LockTimeout.String()})
	if err == nil {
		return idx, nil
	}
	if strings.Contains(err.Error(), "timeout") {
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "%s", ix.lockHolder())
	}
	return nil, err
}

// lockHolder describes who holds the index, from the owner file the holder
// wrote when it opened the index.
func (ix *Index) lockHolder() string {
	msg := fmt.Sprintf("the index in %s is in use by another process", ix.dir)
	data, err := os.ReadFile(filepath.Join(ix.dir, ownerFile))
	if err != nil {
		return msg + "; stop it or use another data directory (--data)"
	}
	var o owner
	if json.Unmarshal(data, &o) != nil {
		return msg
	}
	return fmt.Sprintf("%s: %s (pid %d, since %s); stop it or use another data directory (--data)",
		msg, o.Command, o.PID, o.Since.Format(time.RFC3339))
}

func (ix *Index) writeOwner() {
	cmd := strings.Join(os.Args, " ")
	if len(cmd) > 200 {
		cmd = cmd[:200]
	}
	data, _ := json.Marshal(owner{PID: os.Getpid(), Command: cmd, Since: ix.opts.Now()})
	_ = atomicfile.Write(filepath.Join(ix.dir, ownerFile), data, 0o644)
}

// removeOtherGens deletes generations a crashed rebuild left behind.
func (ix *Index) removeOtherGens() {
	entries, err := os.ReadDir(ix.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), genPrefix) && e.Name() != ix.curGen {
			ix.opts.Logger.Info("removing abandoned index generation", "gen", e.Name())
			_ = os.RemoveAll(filepath.Join(ix.dir, e.Name()))
		}
	}
}

func readCurrent(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read index pointer: %w", err)
	}
	gen := strings.TrimSpace(string(data))
	if !strings.HasPrefix(gen, genPrefix) || strings.ContainsAny(gen, `/\`) {
		return "", nil // not ours; rebuild
	}
	return gen, nil
}

func writeCurrent(dir, gen string) error {
	return atomicfile.Write(filepath.Join(dir, currentFile), []byte(gen+"\n"), 0o644)
}
