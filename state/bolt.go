package state

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/claimbot/claimbot"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// formatID marks a bbolt file as claimbot state, so that another program's
// bbolt file (or an index file given by mistake) is refused rather than
// silently filled with our buckets.
const (
	formatID      = "claimbot-state"
	formatVersion = 1
)

var (
	bucketMeta     = []byte("meta")
	bucketGuilds   = []byte("guilds")
	bucketVerdicts = []byte("verdicts")
	bucketPosted   = []byte("posted")
	bucketOutbox   = []byte("outbox")
	bucketAudit    = []byte("audit") // one sub-bucket per guild, keyed by sequence
	bucketFeeds    = []byte("feeds")
	bucketItems    = []byte("items")

	allBuckets = [][]byte{bucketMeta, bucketGuilds, bucketVerdicts, bucketPosted, bucketOutbox, bucketAudit, bucketFeeds, bucketItems}
)

// DefaultLockTimeout is how long OpenBolt waits for another process to let
// go of the file before giving up with a clear error instead of hanging.
const DefaultLockTimeout = 2 * time.Second

// Option configures OpenBolt.
type Option func(*options)

type options struct {
	now         func() time.Time
	lockTimeout time.Duration
}

// WithNow sets the clock used for default timestamps (tests inject one).
func WithNow(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithLockTimeout sets how long to wait for the file lock (default
// DefaultLockTimeout).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.lockTimeout = d } }

// Bolt is the single-file Store used by one bot process.
type Bolt struct {
	db   *bolt.DB
	path string
	now  func() time.Time
}

var _ Store = (*Bolt)(nil)

// OpenBolt opens (creating if needed) the state database at path. A file
// locked by another process, a corrupt file and a file that is not claimbot
// state are refused with an error naming the path.
func OpenBolt(path string, opts ...Option) (*Bolt, error) {
	o := options{now: time.Now, lockTimeout: DefaultLockTimeout}
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
	b := &Bolt{db: db, path: path, now: o.now}
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
func (b *Bolt) init() error {
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
		if n := binary.BigEndian.Uint64(v); n > formatVersion {
			return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database %s was written by a newer claimbot (format %d, this one reads %d)", b.path, n, formatVersion)
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
}

// Path returns the file the store lives in.
func (b *Bolt) Path() string { return b.path }

// Close releases the file and its lock.
func (b *Bolt) Close() error {
	if err := b.db.Close(); err != nil {
		return claimbot.Errorf(claimbot.EINTERNAL, "state database %s: close: %w", b.path, err)
	}
	return nil
}

func (b *Bolt) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	return b.tx(ctx, false, fn)
}

func (b *Bolt) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	return b.tx(ctx, true, fn)
}

// tx runs fn in a transaction. bbolt panics on damaged pages; bbolt rolls the
// transaction back on the way out, so recovering here turns a damaged file
// into an error naming it instead of a crashed bot.
func (b *Bolt) tx(ctx context.Context, write bool, fn func(*bolt.Tx) error) (err error) {
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

func (b *Bolt) getJSON(bk *bolt.Bucket, key []byte, v any) (bool, error) {
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
func (b *Bolt) stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = b.now()
	}
	return t.UTC().Round(0)
}

// GuildSettings implements Store.
func (b *Bolt) GuildSettings(ctx context.Context, guildID string) (GuildSettings, error) {
	var s GuildSettings
	if err := required("guild ID", guildID); err != nil {
		return s, err
	}
	err := b.view(ctx, func(tx *bolt.Tx) error {
		_, err := b.getJSON(tx.Bucket(bucketGuilds), []byte(guildID), &s)
		return err
	})
	return s, err
}

// SetGuildSettings implements Store.
func (b *Bolt) SetGuildSettings(ctx context.Context, guildID string, s GuildSettings) error {
	if err := required("guild ID", guildID); err != nil {
		return err
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketGuilds), []byte(guildID), s)
	})
}

// Verdict implements Store.
func (b *Bolt) Verdict(ctx context.Context, guildID, alertKey string) (Verdict, bool, error) {
	var v Verdict
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

// SetVerdict implements Store.
func (b *Bolt) SetVerdict(ctx context.Context, guildID, alertKey string, v Verdict) error {
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return firstErr(err)
	}
	if err := ValidVerdict(v.Value); err != nil {
		return err
	}
	v.At = b.stamp(v.At)
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketVerdicts), pairKey(guildID, alertKey), v)
	})
}

// ValidVerdict returns an EINVALID error unless value is a known verdict;
// every Store implementation uses it so they refuse the same values.
func ValidVerdict(value string) error {
	switch value {
	case VerdictConfirmed, VerdictNotContradiction:
		return nil
	}
	return claimbot.Errorf(claimbot.EINVALID, "verdict %q: want %q or %q", value, VerdictConfirmed, VerdictNotContradiction)
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

// ClaimAlert implements Store. bbolt runs one write transaction at a time, so
// the check and the insert below cannot interleave with another caller's.
func (b *Bolt) ClaimAlert(ctx context.Context, guildID, alertKey string) (bool, error) {
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

// EnqueueAlert implements Store.
func (b *Bolt) EnqueueAlert(ctx context.Context, p PendingAlert) error {
	if err := errors.Join(required("guild ID", p.GuildID), required("alert key", p.AlertKey)); err != nil {
		return firstErr(err)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketOutbox)
		k := pairKey(p.GuildID, p.AlertKey)
		var old PendingAlert
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

// PendingAlerts implements Store.
func (b *Bolt) PendingAlerts(ctx context.Context, limit int) ([]PendingAlert, error) {
	var out []PendingAlert
	err := b.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(k, _ []byte) error {
			var p PendingAlert
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

// AckAlert implements Store.
func (b *Bolt) AckAlert(ctx context.Context, guildID, alertKey string) error {
	if err := errors.Join(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return firstErr(err)
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).Delete(pairKey(guildID, alertKey))
	})
}

// AppendAudit implements Store. Entries are keyed by a per-guild sequence so
// that order is the order of appending, whatever the clocks say.
func (b *Bolt) AppendAudit(ctx context.Context, e AuditEntry) error {
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

// Audit implements Store.
func (b *Bolt) Audit(ctx context.Context, guildID string, limit int) ([]AuditEntry, error) {
	if err := required("guild ID", guildID); err != nil {
		return nil, err
	}
	var out []AuditEntry
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketAudit).Bucket([]byte(guildID))
		if bk == nil {
			return nil
		}
		c := bk.Cursor()
		for k, _ := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, _ = c.Prev() {
			var e AuditEntry
			if _, err := b.getJSON(bk, k, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// AddFeed implements Store.
func (b *Bolt) AddFeed(ctx context.Context, f Feed) error {
	if err := required("feed URL", f.URL); err != nil {
		return err
	}
	f.Added = b.stamp(f.Added)
	f.FeedCursor = FeedCursor{}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		if bk.Get([]byte(f.URL)) != nil {
			return claimbot.Errorf(claimbot.ECONFLICT, "feed %s is already subscribed", f.URL)
		}
		return putJSON(bk, []byte(f.URL), f)
	})
}

// ListFeeds implements Store. bbolt iterates keys in byte order, which is the
// URL order promised by the interface.
func (b *Bolt) ListFeeds(ctx context.Context) ([]Feed, error) {
	var out []Feed
	err := b.view(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		return bk.ForEach(func(k, _ []byte) error {
			var f Feed
			if _, err := b.getJSON(bk, k, &f); err != nil {
				return err
			}
			out = append(out, f)
			return nil
		})
	})
	return out, err
}

// RemoveFeed implements Store.
func (b *Bolt) RemoveFeed(ctx context.Context, url string) error {
	if err := required("feed URL", url); err != nil {
		return err
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		if bk.Get([]byte(url)) == nil {
			return claimbot.Errorf(claimbot.ENOTFOUND, "feed %s is not subscribed", url)
		}
		return bk.Delete([]byte(url))
	})
}

// SetFeedCursor implements Store.
func (b *Bolt) SetFeedCursor(ctx context.Context, url string, c FeedCursor) error {
	if err := required("feed URL", url); err != nil {
		return err
	}
	c.LastPoll = b.stamp(c.LastPoll)
	return b.update(ctx, func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketFeeds)
		var f Feed
		found, err := b.getJSON(bk, []byte(url), &f)
		if err != nil {
			return err
		}
		if !found {
			return claimbot.Errorf(claimbot.ENOTFOUND, "feed %s is not subscribed", url)
		}
		f.FeedCursor = c
		return putJSON(bk, []byte(url), f)
	})
}

type item struct {
	ArticleID string    `json:"article_id"`
	At        time.Time `json:"at"`
}

// SeenItem implements Store.
func (b *Bolt) SeenItem(ctx context.Context, key string) (string, bool, error) {
	if err := required("item key", key); err != nil {
		return "", false, err
	}
	var it item
	var ok bool
	err := b.view(ctx, func(tx *bolt.Tx) error {
		var err error
		ok, err = b.getJSON(tx.Bucket(bucketItems), []byte(key), &it)
		return err
	})
	return it.ArticleID, ok, err
}

// MarkItem implements Store.
func (b *Bolt) MarkItem(ctx context.Context, key, articleID string) error {
	if err := required("item key", key); err != nil {
		return err
	}
	return b.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketItems), []byte(key), item{ArticleID: articleID, At: b.stamp(time.Time{})})
	})
}
