// Package boltstate is the state.Store in one bbolt file (DATA/state.db),
// for one bot process: the command line and the bot share the file and
// its lock.
package boltstate

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// formatID marks a bbolt file as claimbot state, so that another program's
// bbolt file (or an index file given by mistake) is refused rather than
// silently filled with our buckets.
//
// Format 2 keys feeds and feed items by guild (migrate.go reads format 1,
// where feeds were shared by every guild).
const (
	formatID      = "claimbot-state"
	formatVersion = 2
)

var (
	bucketMeta      = []byte("meta")
	bucketGuilds    = []byte("guilds")
	bucketVerdicts  = []byte("verdicts")
	bucketPosted    = []byte("posted")
	bucketOutbox    = []byte("outbox")
	bucketAudit     = []byte("audit")      // one sub-bucket per guild, keyed by sequence
	bucketFeeds     = []byte("feeds")      // guild NUL url → state.Feed
	bucketFeedItems = []byte("feed_items") // guild NUL link → FeedItem

	allBuckets = [][]byte{bucketMeta, bucketGuilds, bucketVerdicts, bucketPosted, bucketOutbox, bucketAudit, bucketFeeds, bucketFeedItems}
)

// DefaultLockTimeout is how long OpenBolt waits for another process to let
// go of the file before giving up with a clear error instead of hanging.
const DefaultLockTimeout = 2 * time.Second

// Option configures Open.
type Option func(*options)

type options struct {
	now         func() time.Time
	lockTimeout time.Duration
	log         *slog.Logger
}

// WithLogger receives what Open says once, such as a format migration.
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithNow sets the clock used for default timestamps (tests inject one).
func WithNow(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithLockTimeout sets how long to wait for the file lock (default
// DefaultLockTimeout).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.lockTimeout = d } }

// Store is the single-file state.Store used by one bot process.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time
	log  *slog.Logger
	// seen is the replay window: one process serves from this file, so
	// it is kept in memory (state.Interactions).
	seen state.Interactions
}

var _ state.Store = (*Store)(nil)

// Open opens (creating if needed) the state database at path, migrating an
// older format in place. A file locked by another process, a corrupt file
// and a file that is not claimbot state are refused with an error naming
// the path.
func Open(path string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, lockTimeout: DefaultLockTimeout, log: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s: cannot create its directory: %w", path, err)
	}
	db, err := openDB(path, o.lockTimeout)
	if err != nil {
		return nil, err
	}
	b := &Store{db: db, path: path, now: o.now, log: o.log}
	if err := b.init(); err != nil {
		db.Close()
		return nil, err
	}
	return b, nil
}

// openDB wraps bolt.Open: bbolt panics on some kinds of damage instead of
// returning an error, and a damaged file must be reported, not crash the bot.
func openDB(path string, timeout time.Duration) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is corrupt (%v); move it away to start with empty state", path, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is in use by another claimbot process: %w", path, err)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is corrupt or not a claimbot state database: %w", path, err)
	default:
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s cannot be opened: %w", path, err)
	}
}

// init creates the buckets in a new file and checks the format marker of an
// existing one.
func (b *Store) init() error {
	return b.update(context.Background(), func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty := true
			if err := tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil }); err != nil {
				return err
			}
			if !empty {
				return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is a bbolt file of another program, not claimbot state", b.path)
			}
			var err error
			if meta, err = tx.CreateBucket(bucketMeta); err != nil {
				return err
			}
			if err := meta.Put([]byte("format"), []byte(formatID)); err != nil {
				return err
			}
			if err := meta.Put([]byte("version"), binary.BigEndian.AppendUint64(nil, formatVersion)); err != nil {
				return err
			}
		}
		if got := string(meta.Get([]byte("format"))); got != formatID {
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is a bbolt file of another program (format %q), not claimbot state", b.path, got)
		}
		v := meta.Get([]byte("version"))
		if len(v) != 8 {
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is corrupt: bad format version", b.path)
		}
		n := binary.BigEndian.Uint64(v)
		if n > formatVersion {
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s was written by a newer claimbot (format %d, this one reads %d)", b.path, n, formatVersion)
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if n < formatVersion {
			if err := b.migrate(tx, n); err != nil {
				return err
			}
			return meta.Put([]byte("version"), binary.BigEndian.AppendUint64(nil, formatVersion))
		}
		return nil
	})
}

// Path returns the file the store lives in.
func (b *Store) Path() string { return b.path }

// Close releases the file and its lock.
func (b *Store) Close() error {
	if err := b.db.Close(); err != nil {
		return claimbot.Errorf(claimbot.EINTERNAL, "state database %s: close: %w", b.path, err)
	}
	return nil
}

func (b *Store) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	return b.tx(ctx, false, fn)
}

func (b *Store) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	return b.tx(ctx, true, fn)
}

// tx runs fn in a transaction. bbolt panics on damaged pages; bbolt rolls the
// transaction back on the way out, so recovering here turns a damaged file
// into an error naming it instead of a crashed bot.
func (b *Store) tx(ctx context.Context, write bool, fn func(*bolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is corrupt (%v); move it away to start with empty state", b.path, r)
		}
	}()
	if write {
		err = b.db.Update(fn)
	} else {
		err = b.db.View(fn)
	}
	var ce *claimbot.Error
	switch {
	case err == nil, errors.As(err, &ce):
		return err
	case errors.Is(err, bolterrors.ErrDatabaseNotOpen):
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is closed", b.path)
	default:
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s: %w", b.path, err)
	}
}

// pairKey joins a guild and an alert key; NUL cannot occur in either (Discord
// snowflakes and hex keys), and we refuse it in required arguments.
func pairKey(guildID, alertKey string) []byte {
	return []byte(guildID + "\x00" + alertKey)
}

func required(name, v string) error {
	if v == "" {
		return claimbot.Errorf(claimbot.EINVALID, "%s is required", name)
	}
	if bytes.IndexByte([]byte(v), 0) >= 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s contains a NUL byte", name)
	}
	return nil
}

func putJSON(bk *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return claimbot.Errorf(claimbot.EINTERNAL, "encode state: %w", err)
	}
	return bk.Put(key, data)
}

func (b *Store) getJSON(bk *bolt.Bucket, key []byte, v any) (bool, error) {
	data := bk.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s is corrupt: record %q: %w", b.path, key, err)
	}
	return true, nil
}

// stamp fills a zero time from the store's clock and drops the monotonic
// reading and location so values compare equal after a round trip.
func (b *Store) stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = b.now()
	}
	return t.UTC().Round(0)
}

// GuildSettings implements state.Store.
func (b *Store) GuildSettings(ctx context.Context, guildID string) (state.GuildSettings, error) {
	var s state.GuildSettings
	if err := required("guild ID", guildID); err != nil {
		return s, err
	}
	err := b.view(ctx, func(tx *bolt.Tx) error {
		_, err := b.getJSON(tx.Bucket(bucketGuilds), []byte(guildID), &s)
		return err
	})
	return s, err
}

// SetGuildSettings implements state.Store.
func (b *Store) SetGuildSettings(ctx context.Context, guildID string, s state.GuildSettings) error {
	if err := required("guild ID", guildID); err != nil {
		return err
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketGuilds), []byte(guildID), s)
	})
}

// Verdict implements state.Store.
func (b *Store) Verdict(ctx context.Context, guildID, alertKey string) (state.Verdict, bool, error) {
	var v state.Verdict
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return v, false, firstErr(err)
	}
	var ok bool
	err := b.view(ctx, func(tx *bolt.Tx) error {
		var err error
		ok, err = b.getJSON(tx.Bucket(bucketVerdicts), pairKey(guildID, alertKey), &v)
		return err
	})
	return v, ok, err
}

// SetVerdict implements state.Store.
func (b *Store) SetVerdict(ctx context.Context, guildID, alertKey string, v state.Verdict) error {
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return firstErr(err)
	}
	if err := state.ValidVerdict(v.Value); err != nil {
		return err
	}
	v.At = b.stamp(v.At)
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketVerdicts), pairKey(guildID, alertKey), v)
	})
}

// firstErr returns the first error joined by errors.Join, so callers see one
// plain claimbot error rather than a multi-line join.
func firstErr(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if errs := j.Unwrap(); len(errs) > 0 {
			return errs[0]
		}
	}
	return err
}

// ClaimAlert implements state.Store. bbolt runs one write transaction at a time, so
// the check and the insert below cannot interleave with another caller's.
func (b *Store) ClaimAlert(ctx context.Context, guildID, alertKey string) (bool, error) {
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return false, firstErr(err)
	}
	first := false
	err := b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketPosted)
		k := pairKey(guildID, alertKey)
		if bk.Get(k) != nil {
			return nil
		}
		first = true
		return bk.Put(k, []byte(b.stamp(time.Time{}).Format(time.RFC3339Nano)))
	})
	if err != nil {
		return false, err
	}
	return first, nil
}

// EnqueueAlert implements state.Store.
func (b *Store) EnqueueAlert(ctx context.Context, p state.PendingAlert) error {
	if err := errors.Join(required("guild ID", p.GuildID), required("alert key", p.AlertKey)); err != nil {
		return firstErr(err)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketOutbox)
		k := pairKey(p.GuildID, p.AlertKey)
		var old state.PendingAlert
		found, err := b.getJSON(bk, k, &old)
		if err != nil {
			return err
		}
		if found && !old.Enqueued.IsZero() {
			p.Enqueued = old.Enqueued
		}
		p.Enqueued = b.stamp(p.Enqueued)
		if !p.NextAttempt.IsZero() {
			p.NextAttempt = p.NextAttempt.UTC().Round(0)
		}
		return putJSON(bk, k, p)
	})
}

// PendingAlerts implements state.Store.
func (b *Store) PendingAlerts(ctx context.Context, limit int) ([]state.PendingAlert, error) {
	var out []state.PendingAlert
	err := b.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(k, _ []byte) error {
			var p state.PendingAlert
			if _, err := b.getJSON(tx.Bucket(bucketOutbox), k, &p); err != nil {
				return err
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Enqueued.Before(out[j].Enqueued) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// AckAlert implements state.Store.
func (b *Store) AckAlert(ctx context.Context, guildID, alertKey string) error {
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return firstErr(err)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).Delete(pairKey(guildID, alertKey))
	})
}

// AppendAudit implements state.Store. Entries are keyed by a per-guild sequence so
// that order is the order of appending, whatever the clocks say.
func (b *Store) AppendAudit(ctx context.Context, e state.AuditEntry) error {
	if err := errors.Join(required("guild ID", e.GuildID), required("user ID", e.UserID), required("action", e.Action)); err != nil {
		return firstErr(err)
	}
	e.At = b.stamp(e.At)
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk, err := tx.Bucket(bucketAudit).CreateBucketIfNotExists([]byte(e.GuildID))
		if err != nil {
			return err
		}
		seq, err := bk.NextSequence()
		if err != nil {
			return err
		}
		return putJSON(bk, binary.BigEndian.AppendUint64(nil, seq), e)
	})
}

// Audit implements state.Store.
func (b *Store) Audit(ctx context.Context, guildID string, limit int) ([]state.AuditEntry, error) {
	if err := required("guild ID", guildID); err != nil {
		return nil, err
	}
	var out []state.AuditEntry
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketAudit).Bucket([]byte(guildID))
		if bk == nil {
			return nil
		}
		c := bk.Cursor()
		for k, _ := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, _ = c.Prev() {
			var e state.AuditEntry
			if _, err := b.getJSON(bk, k, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// ListGuildSettings implements state.Store.
func (b *Store) ListGuildSettings(ctx context.Context) (map[string]state.GuildSettings, error) {
	out := map[string]state.GuildSettings{}
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketGuilds)
		return bk.ForEach(func(k, _ []byte) error {
			var s state.GuildSettings
			if _, err := b.getJSON(bk, k, &s); err != nil {
				return err
			}
			out[string(k)] = s
			return nil
		})
	})
	return out, err
}

// scoped joins a guild ("" for the operators) and a URL; NUL occurs in
// neither (noNUL refuses it).
func scoped(guildID, s string) []byte { return []byte(guildID + "\x00" + s) }

func noNUL(name, v string) error {
	if strings.IndexByte(v, 0) >= 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s contains a NUL byte", name)
	}
	return nil
}

// eachScoped calls fn for every record of the guild in bk, in key order.
func (b *Store) eachScoped(bk *bolt.Bucket, guildID string, fn func(k []byte) error) error {
	prefix := scoped(guildID, "")
	c := bk.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if err := fn(k); err != nil {
			return err
		}
	}
	return nil
}

// AddFeed implements state.Store.
func (b *Store) AddFeed(ctx context.Context, f state.Feed) error {
	if err := errors.Join(required("feed URL", f.URL), noNUL("guild ID", f.GuildID)); err != nil {
		return firstErr(err)
	}
	f.Added = b.stamp(f.Added)
	f.FeedCursor = state.FeedCursor{}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		k := scoped(f.GuildID, f.URL)
		if bk.Get(k) != nil {
			return claimbot.Errorf(claimbot.ECONFLICT, "feed %s is already subscribed", f.URL)
		}
		return putJSON(bk, k, f)
	})
}

// ListFeeds implements state.Store. Keys sort by guild, then URL.
func (b *Store) ListFeeds(ctx context.Context, guildID string) ([]state.Feed, error) {
	if err := noNUL("guild ID", guildID); err != nil {
		return nil, err
	}
	var out []state.Feed
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		return b.eachScoped(bk, guildID, func(k []byte) error {
			var f state.Feed
			if _, err := b.getJSON(bk, k, &f); err != nil {
				return err
			}
			out = append(out, f)
			return nil
		})
	})
	return out, err
}

// AllFeeds implements state.Store.
func (b *Store) AllFeeds(ctx context.Context) ([]state.Feed, error) {
	var out []state.Feed
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		return bk.ForEach(func(k, _ []byte) error {
			var f state.Feed
			if _, err := b.getJSON(bk, k, &f); err != nil {
				return err
			}
			out = append(out, f)
			return nil
		})
	})
	return out, err
}

// RemoveFeed implements state.Store.
func (b *Store) RemoveFeed(ctx context.Context, guildID, url string) error {
	if err := errors.Join(required("feed URL", url), noNUL("guild ID", guildID)); err != nil {
		return firstErr(err)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		k := scoped(guildID, url)
		if bk.Get(k) == nil {
			return claimbot.Errorf(claimbot.ENOTFOUND, "feed %s is not subscribed", url)
		}
		if err := bk.Delete(k); err != nil {
			return err
		}
		items := tx.Bucket(bucketFeedItems)
		var drop [][]byte
		if err := b.eachScoped(items, guildID, func(k []byte) error {
			var it state.FeedItem
			if _, err := b.getJSON(items, k, &it); err != nil {
				return err
			}
			if it.Feed == url {
				drop = append(drop, bytes.Clone(k))
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range drop {
			if err := items.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetFeedCursor implements state.Store.
func (b *Store) SetFeedCursor(ctx context.Context, guildID, url string, c state.FeedCursor) error {
	if err := errors.Join(required("feed URL", url), noNUL("guild ID", guildID)); err != nil {
		return firstErr(err)
	}
	c.LastPoll = b.stamp(c.LastPoll)
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		k := scoped(guildID, url)
		var f state.Feed
		found, err := b.getJSON(bk, k, &f)
		if err != nil {
			return err
		}
		if !found {
			return claimbot.Errorf(claimbot.ENOTFOUND, "feed %s is not subscribed", url)
		}
		f.FeedCursor = c
		return putJSON(bk, k, f)
	})
}

// FeedItem implements state.Store.
func (b *Store) FeedItem(ctx context.Context, guildID, link string) (state.FeedItem, bool, error) {
	var it state.FeedItem
	if err := errors.Join(required("item link", link), noNUL("guild ID", guildID)); err != nil {
		return it, false, firstErr(err)
	}
	var ok bool
	err := b.view(ctx, func(tx *bolt.Tx) error {
		var err error
		ok, err = b.getJSON(tx.Bucket(bucketFeedItems), scoped(guildID, link), &it)
		return err
	})
	return it, ok, err
}

// PutFeedItem implements state.Store.
func (b *Store) PutFeedItem(ctx context.Context, it state.FeedItem) error {
	if err := errors.Join(required("item link", it.Link), required("item feed", it.Feed), noNUL("guild ID", it.GuildID), state.ValidItemStatus(it.Status)); err != nil {
		return firstErr(err)
	}
	it.At = b.stamp(it.At)
	if !it.NextAttempt.IsZero() {
		it.NextAttempt = it.NextAttempt.UTC().Round(0)
	}
	if !it.Updated.IsZero() {
		it.Updated = it.Updated.UTC().Round(0)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketFeedItems), scoped(it.GuildID, it.Link), it)
	})
}

// FeedItems implements state.Store.
func (b *Store) FeedItems(ctx context.Context, guildID, feedURL string) ([]state.FeedItem, error) {
	if err := errors.Join(required("feed URL", feedURL), noNUL("guild ID", guildID)); err != nil {
		return nil, firstErr(err)
	}
	var out []state.FeedItem
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeedItems)
		return b.eachScoped(bk, guildID, func(k []byte) error {
			var it state.FeedItem
			if _, err := b.getJSON(bk, k, &it); err != nil {
				return err
			}
			if it.Feed == feedURL && (it.Status == state.ItemFailed || it.Status == state.ItemGaveUp) {
				out = append(out, it)
			}
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, err
}
