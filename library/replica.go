package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing/fstest"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/internal/atomicfile"
	"github.com/claimbot/claimbot/state"
)

// The index as a replica of a shared archive. Every instance keeps its own
// index (searches stay local and fast), built from the archive's snapshot
// and then kept current by applying the archive's change log in order:
// changes commit in sequence order, so "the changes after the last one
// applied" misses nothing, whether a notification was lost or the
// process was down. How far the index has got is kept beside it
// (DATA/replica.json) so a restart catches up from there instead of
// rebuilding. An archive in the data directory has no change log; its
// index is what this process wrote.

// catchUpBatch is how many changes are read and applied at a time.
const catchUpBatch = 500

// replica is what the index has applied of the archive.
type replica struct {
	l      *Library
	shared bool   // the archive has a change log
	id     string // the archive's ID
	path   string // DATA/replica.json

	// applyMu is held while changes are applied to the index and while it
	// is rebuilt, so they never interleave.
	applyMu sync.Mutex

	mu     sync.Mutex
	seq    int64            // the last change applied
	seqOf  map[string]int64 // archive articles → the change that added them
	latest int64            // the newest change known of
	behind time.Time        // since when seq < latest (zero when caught up)
}

// replicaFile is DATA/replica.json.
type replicaFile struct {
	Archive string `json:"archive"`
	Seq     int64  `json:"seq"`
}

func (r *replica) open(ctx context.Context, l *Library) error {
	r.l = l
	_, dir := l.arch.(*dirArchive)
	r.shared = !dir
	id, err := l.arch.ArchiveID(ctx)
	if err != nil {
		return fmt.Errorf("identify the archive: %w", err)
	}
	r.id = id
	r.path = filepath.Join(l.cfg.DataDir, "replica.json")
	r.seqOf = map[string]int64{}
	return nil
}

// resumable says whether the index on disk can be caught up rather than
// rebuilt, and from which change: it must be current (not stale) and,
// for a shared archive, say it was built from this archive.
func (r *replica) resumable(stale bool) (int64, bool) {
	if stale {
		return 0, false
	}
	if !r.shared {
		return 0, true
	}
	data, err := os.ReadFile(r.path)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			r.l.cfg.Logger.Warn("replica state unreadable; rebuilding the index", "path", r.path, "err", err)
		}
		return 0, false
	}
	var f replicaFile
	if err := json.Unmarshal(data, &f); err != nil || f.Archive != r.id {
		r.l.cfg.Logger.Info("the index was built from another archive; rebuilding it", "path", r.path)
		return 0, false
	}
	return f.Seq, true
}

// reset takes the snapshot's articles as the archive's and applied as
// the last change the index has.
func (r *replica) reset(snap state.ArchiveSnapshot, applied int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seqOf = make(map[string]int64, len(snap.Articles))
	for _, a := range snap.Articles {
		r.seqOf[a.ID] = a.Seq
	}
	r.seq = applied
	r.latest = max(r.latest, snap.Seq)
	r.noteBehind()
}

// noteBehind keeps behind current; r.mu is held.
func (r *replica) noteBehind() {
	switch {
	case r.seq >= r.latest:
		r.behind = time.Time{}
	case r.behind.IsZero():
		r.behind = r.l.cfg.Now()
	}
}

// save records how far the index has got. A failure costs a longer
// catch-up or a rebuild after a restart, nothing else.
func (r *replica) save() {
	if !r.shared {
		return
	}
	r.mu.Lock()
	f := replicaFile{Archive: r.id, Seq: r.seq}
	r.mu.Unlock()
	data, _ := json.Marshal(f)
	if err := atomicfile.Write(r.path, append(data, '\n'), 0o644); err != nil {
		r.l.cfg.Logger.Warn("saving the replica state failed", "path", r.path, "err", err)
	}
}

func (r *replica) current() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seq
}

func (r *replica) setSeq(seq int64) {
	r.mu.Lock()
	r.seq = max(r.seq, seq)
	r.latest = max(r.latest, r.seq)
	r.noteBehind()
	r.mu.Unlock()
}

func (r *replica) setLatest(seq int64) {
	r.mu.Lock()
	r.latest = max(r.latest, seq)
	r.noteBehind()
	r.mu.Unlock()
}

// archived reports whether the index has the article from the archive
// (not from the base corpus files).
func (r *replica) archived(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.seqOf[id]
	return ok
}

func (r *replica) seqOfArticle(id string) (int64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	seq, ok := r.seqOf[id]
	return seq, ok
}

func (r *replica) note(id string, seq int64) {
	r.mu.Lock()
	r.seqOf[id] = seq
	r.mu.Unlock()
}

func (r *replica) forget(id string) {
	r.mu.Lock()
	delete(r.seqOf, id)
	r.mu.Unlock()
}

// after returns the archive articles added after change asOf; nil when
// there is no change log or asOf is 0 (no limit).
func (r *replica) after(asOf int64) map[string]bool {
	if !r.shared || asOf <= 0 {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]bool{}
	for id, seq := range r.seqOf {
		if seq > asOf {
			out[id] = true
		}
	}
	return out
}

// applied brings a change this process just committed (changes before+1
// to seq) into the index with fn, unless the follower has applied them
// already, in which case it only makes sure the index has got that far.
// If fn fails, the changes are left to the next catch-up.
func (l *Library) applied(before, seq int64, fn func() error) error {
	r := &l.rep
	r.applyMu.Lock()
	if r.current() == before {
		err := fn()
		if err == nil {
			r.setSeq(seq)
		}
		r.applyMu.Unlock()
		if err == nil {
			r.save()
		}
		return err
	}
	r.applyMu.Unlock()
	return l.catchUpTo(context.Background(), seq)
}

// catchUpTo applies the archive's changes until the index has change
// target (or the log has nothing more).
func (l *Library) catchUpTo(ctx context.Context, target int64) error {
	r := &l.rep
	r.applyMu.Lock()
	defer r.applyMu.Unlock()
	r.setLatest(target)
	for r.current() < target {
		changes, err := l.arch.Changes(ctx, r.current(), catchUpBatch)
		if err != nil {
			return fmt.Errorf("read the archive's changes: %w", err)
		}
		if len(changes) == 0 {
			return nil
		}
		if err := l.apply(ctx, changes); err != nil {
			return err
		}
		r.setSeq(changes[len(changes)-1].Seq)
		r.save()
	}
	return nil
}

// apply applies changes to the index, in order. Consecutive additions go
// into one index batch; an article the base corpus files have under the
// same ID is skipped (the files come first, as in a re-index). An article
// that does not parse is skipped with a warning: no change stops the
// replica.
func (l *Library) apply(ctx context.Context, changes []state.Change) error {
	var run []state.StoredArticle
	touched := map[Collection]bool{}
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		arts := l.parseStored(run)
		if err := l.ix.Upsert(ctx, arts...); err != nil {
			return fmt.Errorf("index articles: %w", err)
		}
		for _, a := range run {
			l.rep.note(a.ID, a.Seq)
		}
		run = run[:0]
		return nil
	}
	for _, c := range changes {
		coll := Collection(c.Collection)
		touched[coll] = true
		switch c.Kind {
		case state.ChangeAdd:
			if c.Article == nil {
				continue // removed since; a later change says so
			}
			if _, ok := l.ix.Entry(c.ID); ok && !l.rep.archived(c.ID) {
				l.cfg.Logger.Warn("archive article skipped: the corpus files have an article with its ID", "article", c.ID, "collection", c.Collection)
				continue
			}
			run = append(run, *c.Article)
		case state.ChangeRemove:
			if err := flush(); err != nil {
				return err
			}
			if err := l.ix.Remove(ctx, c.ID); err != nil && claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
				return err
			}
			l.rep.forget(c.ID)
		case state.ChangeExclude, state.ChangeInclude:
			l.cur.set(coll, c.ID, c.Kind == state.ChangeExclude)
		default:
			l.cfg.Logger.Warn("unknown change in the archive's log; skipped (is a newer claimbot writing it?)", "seq", c.Seq, "kind", c.Kind)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	for c := range touched {
		l.invalidate(c)
	}
	return nil
}

// parseStored parses archive articles (on every core, as a re-index
// does), leaving out, with a warning, those that do not parse.
func (l *Library) parseStored(stored []state.StoredArticle) []articles.Article {
	files := fstest.MapFS{}
	coll := map[string]string{}
	for _, a := range stored {
		files[a.File] = &fstest.MapFile{Data: a.Data, Mode: 0o644}
		coll[a.File] = a.Collection
	}
	arts, err := articles.LoadDir(files)
	if err != nil {
		l.cfg.Logger.Warn("archive articles skipped", "err", err)
	}
	for i := range arts {
		if c := coll[arts[i].File]; c != string(Base) {
			arts[i].Collection = c
		}
	}
	return arts
}

// Follow keeps the index current with a shared archive until ctx is done:
// it catches up at once, at every signal (a change was committed:
// pgstate's WatchChanges), and every poll interval in case a signal was
// lost. It returns ctx's error. With an archive in the data directory
// there is nothing to follow.
func (l *Library) Follow(ctx context.Context, signals <-chan struct{}, poll time.Duration) error {
	if !l.rep.shared {
		<-ctx.Done()
		return ctx.Err()
	}
	if poll <= 0 {
		poll = 5 * time.Second
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		latest, err := l.arch.LastChange(ctx)
		if err == nil {
			err = l.catchUpTo(ctx, latest)
		}
		if err != nil && ctx.Err() == nil {
			l.cfg.Logger.Warn("catching up with the archive failed; trying again", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case _, ok := <-signals:
			if !ok {
				signals = nil
			}
		case <-t.C:
		}
	}
}

// ReplicaStatus is how far the index has got with a shared archive.
type ReplicaStatus struct {
	// Shared is false for an archive in the data directory, which has no
	// change log (then the rest is zero).
	Shared bool
	// Applied is the last change the index has, Latest the newest one
	// known of.
	Applied, Latest int64
	// Lag is how long the index has been behind Latest (0 when caught up).
	Lag time.Duration
}

// ReplicaStatus reports the replica's progress, for monitoring.
func (l *Library) ReplicaStatus() ReplicaStatus {
	r := &l.rep
	r.mu.Lock()
	defer r.mu.Unlock()
	st := ReplicaStatus{Shared: r.shared, Applied: r.seq, Latest: max(r.latest, r.seq)}
	if !r.behind.IsZero() {
		st.Lag = l.cfg.Now().Sub(r.behind)
	}
	return st
}

// CaughtUp returns nil when the index has every change the archive has
// committed, else says how far behind it is: a replica that is behind
// answers with an older corpus, so an instance is not ready until then.
func (l *Library) CaughtUp(ctx context.Context) error {
	if !l.rep.shared {
		return nil
	}
	latest, err := l.arch.LastChange(ctx)
	if err != nil {
		return err
	}
	l.rep.setLatest(latest)
	if applied := l.rep.current(); applied < latest {
		return fmt.Errorf("catching up with the archive: change %d of %d applied", applied, latest)
	}
	return nil
}

// CheckChanges is the contradiction check of new articles from the change
// log, for the one worker that runs it: for each article added by a
// change after after (up to limit changes, and no further than the index
// has applied) that is still indexed as that change added it, the report
// of what it raises in the views that see it, as of that change — the
// same alerts, with the same keys, the adding instance raised, so a check
// of an article already posted posts nothing again. It returns the last
// change looked at, to continue from.
func (l *Library) CheckChanges(ctx context.Context, after int64, limit int) ([]Report, int64, error) {
	applied := l.rep.current()
	if after >= applied {
		return nil, after, nil
	}
	changes, err := l.arch.Changes(ctx, after, limit)
	if err != nil {
		return nil, after, fmt.Errorf("read the archive's changes: %w", err)
	}
	var reps []Report
	last := after
	for _, ch := range changes {
		if ch.Seq > applied {
			break
		}
		last = ch.Seq
		if ch.Kind != state.ChangeAdd || ch.Article == nil {
			continue
		}
		if seq, ok := l.rep.seqOfArticle(ch.ID); !ok || seq != ch.Seq {
			continue // removed, or replaced since
		}
		a, ok := l.ix.Article(ch.ID)
		if !ok {
			continue
		}
		c := Collection(ch.Collection)
		rep := Report{Collection: c, Added: []string{l.shownID(c, a.ID)}}
		rep.Alerts, rep.GuildAlerts = l.raise(ctx, c, []articles.Article{a}, ch.Seq)
		reps = append(reps, rep)
	}
	return reps, last, nil
}

// raiseAll is raise for what one addition added: in a shared archive each
// article as of its own change, as CheckChanges will check it; in the data
// directory all of them at once.
func (l *Library) raiseAll(ctx context.Context, c Collection, fresh []articles.Article, seqs []int64) ([]claims.Alert, map[string][]claims.Alert) {
	if !l.rep.shared {
		return l.raise(ctx, c, fresh, 0)
	}
	var alerts []claims.Alert
	var guilds map[string][]claims.Alert
	for i, a := range fresh {
		al, ga := l.raise(ctx, c, []articles.Article{a}, seqs[i])
		alerts = append(alerts, al...)
		for g, x := range ga {
			if guilds == nil {
				guilds = map[string][]claims.Alert{}
			}
			guilds[g] = append(guilds[g], x...)
		}
	}
	return alerts, guilds
}
