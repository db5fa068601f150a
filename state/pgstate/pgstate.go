// Package pgstate is claimbot's state in PostgreSQL, shared by several bot
// instances: everything state.Store keeps (guild settings, verdicts, alert
// claims and the outbox, the audit log, feeds and their items, the replay
// window of signed interactions), the article archive with its change log
// (state.Archive, archive.go), notifications of changes (LISTEN/NOTIFY,
// notify.go), the advisory lock that picks one instance for shared jobs
// (leader.go), and the cursors those jobs keep (cursor.go).
//
// The schema is migrated by goose from the SQL files in migrations/ when
// a Store opens, under a PostgreSQL advisory lock, so instances that start
// at the same time do not migrate twice.
package pgstate

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"log/slog"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys: the schema migration's, and the base of the named
// leader locks (leader.go). Values are arbitrary but fixed, so every
// version of claimbot uses the same ones.
const (
	lockMigrate  int64 = 0x636c61696d000001 // "claim" 0001
	versionTable       = "claimbot_schema_version"
)

// Option configures Open.
type Option func(*options)

type options struct {
	now      func() time.Time
	log      *slog.Logger
	maxConns int32
}

// WithNow sets the clock used for default timestamps (tests inject one).
func WithNow(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithLogger receives what Open says once, such as the migrations applied.
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithMaxConns bounds the connection pool (default 10).
func WithMaxConns(n int32) Option { return func(o *options) { o.maxConns = n } }

// Store is the PostgreSQL state. It is safe for concurrent use, by any
// number of processes on one database.
type Store struct {
	pool *pgxpool.Pool
	conn *pgx.ConnConfig // for the dedicated connections of LISTEN and the leader lock
	now  func() time.Time
	log  *slog.Logger

	latest    atomic.Int64 // the newest change sequence heard of (notify.go)
	nextSweep atomic.Int64 // Unix nanoseconds of the next sweep of expired interactions
}

var (
	_ state.Store   = (*Store)(nil)
	_ state.Archive = (*Store)(nil)
)

// Open connects to the database at url (a PostgreSQL connection string or
// URL, as libpq takes them) and migrates its schema. Errors never contain
// the URL, which may carry a password.
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, log: slog.New(slog.DiscardHandler), maxConns: 10}
	for _, opt := range opts {
		opt(&o)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, claimbot.Errorf(claimbot.EINVALID, "database URL: %s", redact(err))
	}
	cfg.MaxConns = o.maxConns
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "claimbot"
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "database: %s", redact(err))
	}
	s := &Store{pool: pool, conn: cfg.ConnConfig, now: o.now, log: o.log}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, claimbot.Errorf(claimbot.EUNAVAILABLE, "cannot reach the database: %s", redact(err))
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// redact keeps a connection error's message but never a password: pgx
// names the host, user and database it tried, not the password, but a
// parse error may quote the string.
func redact(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "password"); i >= 0 {
		return msg[:i] + "(rest withheld: it may contain the password)"
	}
	return msg
}

// migrate brings the schema up to date under a session advisory lock:
// a second instance starting at once waits for the first, then finds
// nothing left to do.
func (s *Store) migrate(ctx context.Context) error {
	db := stdlib.OpenDBFromPool(s.pool)
	defer db.Close()
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(lockMigrate), lock.WithLockTimeout(1, 300))
	if err != nil {
		return err
	}
	src, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, src,
		goose.WithSessionLocker(locker), goose.WithTableName(versionTable), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return claimbot.Errorf(claimbot.EINTERNAL, "database migrations: %w", err)
	}
	if err := checkNotNewer(ctx, p, db); err != nil {
		return err
	}
	results, err := p.Up(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "migrating the database schema: %s", redact(err))
	}
	for _, r := range results {
		s.log.Info("database schema migrated", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	return nil
}

// checkNotNewer refuses a database a newer claimbot migrated: this one
// does not know its schema.
func checkNotNewer(ctx context.Context, p *goose.Provider, db *sql.DB) error {
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, versionTable).Scan(&exists); err != nil || !exists {
		return nil // a new database, or one goose will report on
	}
	cur, err := p.GetDBVersion(ctx)
	if err != nil {
		return nil
	}
	var known int64
	for _, src := range p.ListSources() {
		known = max(known, src.Version)
	}
	if cur > known {
		return claimbot.Errorf(claimbot.EUNAVAILABLE, "the database's schema (version %d) was written by a newer claimbot; this one knows up to version %d", cur, known)
	}
	return nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// fail turns a database error into the store's vocabulary: the context's
// error when ctx is done, claimbot errors as they are, anything else
// EUNAVAILABLE naming what was being done.
func (s *Store) fail(ctx context.Context, what string, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ce *claimbot.Error
	if errors.As(err, &ce) {
		return err
	}
	return claimbot.Errorf(claimbot.EUNAVAILABLE, "state database: %s: %s", what, redact(err))
}

// required refuses empty values and NUL bytes (PostgreSQL text cannot
// hold them), with the messages the bbolt store gives.
func required(name, v string) error {
	if v == "" {
		return claimbot.Errorf(claimbot.EINVALID, "%s is required", name)
	}
	return noNUL(name, v)
}

func noNUL(name, v string) error {
	if strings.IndexByte(v, 0) >= 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s contains a NUL byte", name)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// stamp fills a zero time from the store's clock.
func (s *Store) stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = s.now()
	}
	return t.UTC().Round(0)
}

// tz is a time for a nullable column: NULL for the zero time.
func tz(t time.Time) pgtype.Timestamptz {
	if t.IsZero() {
		return pgtype.Timestamptz{}
	}
	return pgtype.Timestamptz{Time: t.UTC(), Valid: true}
}

// fromTZ reads a nullable time column back: the zero time for NULL.
func fromTZ(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

func utc(t time.Time) time.Time { return t.UTC() }

// GuildSettings implements state.Store.
func (s *Store) GuildSettings(ctx context.Context, guildID string) (state.GuildSettings, error) {
	var g state.GuildSettings
	if err := required("guild ID", guildID); err != nil {
		return g, err
	}
	err := s.pool.QueryRow(ctx, `SELECT alert_channel_id, moderator_role_id FROM guild_settings WHERE guild_id = $1`, guildID).
		Scan(&g.AlertChannelID, &g.ModeratorRoleID)
	if errors.Is(err, pgx.ErrNoRows) {
		return state.GuildSettings{}, nil
	}
	return g, s.fail(ctx, "read guild settings", err)
}

// SetGuildSettings implements state.Store.
func (s *Store) SetGuildSettings(ctx context.Context, guildID string, g state.GuildSettings) error {
	if err := firstErr(required("guild ID", guildID), noNUL("alert channel", g.AlertChannelID), noNUL("moderator role", g.ModeratorRoleID)); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO guild_settings (guild_id, alert_channel_id, moderator_role_id) VALUES ($1, $2, $3)
		ON CONFLICT (guild_id) DO UPDATE SET alert_channel_id = EXCLUDED.alert_channel_id, moderator_role_id = EXCLUDED.moderator_role_id`,
		guildID, g.AlertChannelID, g.ModeratorRoleID)
	return s.fail(ctx, "write guild settings", err)
}

// ListGuildSettings implements state.Store.
func (s *Store) ListGuildSettings(ctx context.Context) (map[string]state.GuildSettings, error) {
	rows, err := s.pool.Query(ctx, `SELECT guild_id, alert_channel_id, moderator_role_id FROM guild_settings`)
	if err != nil {
		return nil, s.fail(ctx, "list guild settings", err)
	}
	out := map[string]state.GuildSettings{}
	var id string
	var g state.GuildSettings
	_, err = pgx.ForEachRow(rows, []any{&id, &g.AlertChannelID, &g.ModeratorRoleID}, func() error {
		out[id] = g
		return nil
	})
	return out, s.fail(ctx, "list guild settings", err)
}

// Verdict implements state.Store.
func (s *Store) Verdict(ctx context.Context, guildID, alertKey string) (state.Verdict, bool, error) {
	var v state.Verdict
	if err := firstErr(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return v, false, err
	}
	err := s.pool.QueryRow(ctx, `SELECT value, by_user, at FROM verdicts WHERE guild_id = $1 AND alert_key = $2`, guildID, alertKey).
		Scan(&v.Value, &v.By, &v.At)
	if errors.Is(err, pgx.ErrNoRows) {
		return state.Verdict{}, false, nil
	}
	if err != nil {
		return state.Verdict{}, false, s.fail(ctx, "read verdict", err)
	}
	v.At = utc(v.At)
	return v, true, nil
}

// SetVerdict implements state.Store.
func (s *Store) SetVerdict(ctx context.Context, guildID, alertKey string, v state.Verdict) error {
	if err := firstErr(required("guild ID", guildID), required("alert key", alertKey), noNUL("user", v.By)); err != nil {
		return err
	}
	if err := state.ValidVerdict(v.Value); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO verdicts (guild_id, alert_key, value, by_user, at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (guild_id, alert_key) DO UPDATE SET value = EXCLUDED.value, by_user = EXCLUDED.by_user, at = EXCLUDED.at`,
		guildID, alertKey, v.Value, v.By, s.stamp(v.At))
	return s.fail(ctx, "write verdict", err)
}

// ClaimAlert implements state.Store: the primary key decides, whichever
// process inserts first.
func (s *Store) ClaimAlert(ctx context.Context, guildID, alertKey string) (bool, error) {
	if err := firstErr(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return false, err
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO alert_claims (guild_id, alert_key, claimed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		guildID, alertKey, s.stamp(time.Time{}))
	if err != nil {
		return false, s.fail(ctx, "claim alert", err)
	}
	return tag.RowsAffected() == 1, nil
}

// ClaimAndEnqueueAlert implements state.Store in one statement: the
// outbox entry is inserted only from the claim's own row, so it exists
// exactly when this caller's claim did.
func (s *Store) ClaimAndEnqueueAlert(ctx context.Context, p state.PendingAlert) (bool, error) {
	if err := checkPending(p); err != nil {
		return false, err
	}
	p.Enqueued = s.stamp(p.Enqueued)
	tag, err := s.pool.Exec(ctx, `WITH claim AS (
			INSERT INTO alert_claims (guild_id, alert_key, claimed) VALUES ($1, $2, $6) ON CONFLICT DO NOTHING RETURNING 1)
		INSERT INTO alert_outbox (guild_id, alert_key, channel_id, payload, attempts, last_error, enqueued, next_attempt)
		SELECT $1, $2, $3, $4, $5, $7, $6, $8 FROM claim
		ON CONFLICT (guild_id, alert_key) DO UPDATE SET channel_id = EXCLUDED.channel_id, payload = EXCLUDED.payload,
			attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, next_attempt = EXCLUDED.next_attempt`,
		p.GuildID, p.AlertKey, p.ChannelID, p.Payload, p.Attempts, p.Enqueued, p.LastError, tz(p.NextAttempt))
	if err != nil {
		return false, s.fail(ctx, "claim and queue alert", err)
	}
	return tag.RowsAffected() == 1, nil
}

func checkPending(p state.PendingAlert) error {
	return firstErr(required("guild ID", p.GuildID), required("alert key", p.AlertKey), noNUL("channel", p.ChannelID), noNUL("error", p.LastError))
}

// EnqueueAlert implements state.Store.
func (s *Store) EnqueueAlert(ctx context.Context, p state.PendingAlert) error {
	if err := checkPending(p); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO alert_outbox (guild_id, alert_key, channel_id, payload, attempts, last_error, enqueued, next_attempt)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (guild_id, alert_key) DO UPDATE SET channel_id = EXCLUDED.channel_id, payload = EXCLUDED.payload,
			attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, next_attempt = EXCLUDED.next_attempt`,
		p.GuildID, p.AlertKey, p.ChannelID, p.Payload, p.Attempts, p.LastError, s.stamp(p.Enqueued), tz(p.NextAttempt))
	return s.fail(ctx, "queue alert", err)
}

const outboxColumns = `guild_id, alert_key, channel_id, payload, attempts, last_error, enqueued, next_attempt`

func scanPending(rows pgx.Rows) ([]state.PendingAlert, error) {
	var out []state.PendingAlert
	var p state.PendingAlert
	var next pgtype.Timestamptz
	_, err := pgx.ForEachRow(rows, []any{&p.GuildID, &p.AlertKey, &p.ChannelID, &p.Payload, &p.Attempts, &p.LastError, &p.Enqueued, &next}, func() error {
		q := p
		q.Enqueued = utc(q.Enqueued)
		q.NextAttempt = fromTZ(next)
		q.Payload = append([]byte(nil), p.Payload...)
		if len(q.Payload) == 0 {
			q.Payload = nil
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// limitArg is a LIMIT parameter: NULL (no limit) for limit <= 0.
func limitArg(limit int) any {
	if limit <= 0 {
		return nil
	}
	return limit
}

// PendingAlerts implements state.Store.
func (s *Store) PendingAlerts(ctx context.Context, limit int) ([]state.PendingAlert, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+outboxColumns+` FROM alert_outbox
		ORDER BY enqueued, guild_id COLLATE "C", alert_key COLLATE "C" LIMIT $1`, limitArg(limit))
	if err != nil {
		return nil, s.fail(ctx, "read alert outbox", err)
	}
	out, err := scanPending(rows)
	return out, s.fail(ctx, "read alert outbox", err)
}

// LeaseAlerts implements state.Store. FOR UPDATE SKIP LOCKED lets callers
// in several processes lease at once: each takes rows no other is taking,
// and a row another caller has just leased is no longer due when the lock
// is let go, so nobody takes it twice.
func (s *Store) LeaseAlerts(ctx context.Context, now, until time.Time, limit int) ([]state.PendingAlert, error) {
	rows, err := s.pool.Query(ctx, `UPDATE alert_outbox o SET next_attempt = $2
		FROM (SELECT guild_id, alert_key FROM alert_outbox
			WHERE next_attempt IS NULL OR next_attempt <= $1
			ORDER BY enqueued, guild_id COLLATE "C", alert_key COLLATE "C" LIMIT $3
			FOR UPDATE SKIP LOCKED) due
		WHERE o.guild_id = due.guild_id AND o.alert_key = due.alert_key
		RETURNING o.guild_id, o.alert_key, o.channel_id, o.payload, o.attempts, o.last_error, o.enqueued, o.next_attempt`,
		now.UTC(), until.UTC(), limitArg(limit))
	if err != nil {
		return nil, s.fail(ctx, "lease alerts", err)
	}
	out, err := scanPending(rows)
	if err != nil {
		return nil, s.fail(ctx, "lease alerts", err)
	}
	// RETURNING has no order of its own.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Enqueued.Equal(b.Enqueued) {
			return a.Enqueued.Before(b.Enqueued)
		}
		if a.GuildID != b.GuildID {
			return a.GuildID < b.GuildID
		}
		return a.AlertKey < b.AlertKey
	})
	return out, nil
}

// AckAlert implements state.Store.
func (s *Store) AckAlert(ctx context.Context, guildID, alertKey string) error {
	if err := firstErr(required("guild ID", guildID), required("alert key", alertKey)); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `DELETE FROM alert_outbox WHERE guild_id = $1 AND alert_key = $2`, guildID, alertKey)
	return s.fail(ctx, "ack alert", err)
}

// AppendAudit implements state.Store.
func (s *Store) AppendAudit(ctx context.Context, e state.AuditEntry) error {
	if err := firstErr(required("guild ID", e.GuildID), required("user ID", e.UserID), required("action", e.Action),
		noNUL("target", e.Target), noNUL("detail", e.Detail)); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO audit (guild_id, user_id, action, target, detail, at) VALUES ($1, $2, $3, $4, $5, $6)`,
		e.GuildID, e.UserID, e.Action, e.Target, e.Detail, s.stamp(e.At))
	return s.fail(ctx, "append audit", err)
}

// Audit implements state.Store.
func (s *Store) Audit(ctx context.Context, guildID string, limit int) ([]state.AuditEntry, error) {
	if err := required("guild ID", guildID); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT guild_id, user_id, action, target, detail, at FROM audit
		WHERE guild_id = $1 ORDER BY id DESC LIMIT $2`, guildID, limitArg(limit))
	if err != nil {
		return nil, s.fail(ctx, "read audit", err)
	}
	var out []state.AuditEntry
	var e state.AuditEntry
	_, err = pgx.ForEachRow(rows, []any{&e.GuildID, &e.UserID, &e.Action, &e.Target, &e.Detail, &e.At}, func() error {
		q := e
		q.At = utc(q.At)
		out = append(out, q)
		return nil
	})
	return out, s.fail(ctx, "read audit", err)
}

// RecordInteraction implements state.Store: one statement inserts the ID
// or renews a record that has expired; anything else changes no row.
// Expired records are swept now and then.
func (s *Store) RecordInteraction(ctx context.Context, id string, now, until time.Time) (bool, error) {
	if err := required("interaction ID", id); err != nil {
		return false, err
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO interactions (id, until) VALUES ($1, $3)
		ON CONFLICT (id) DO UPDATE SET until = EXCLUDED.until WHERE interactions.until < $2`, id, now.UTC(), until.UTC())
	if err != nil {
		return false, s.fail(ctx, "record interaction", err)
	}
	if next := s.nextSweep.Load(); now.UnixNano() > next && s.nextSweep.CompareAndSwap(next, now.Add(time.Minute).UnixNano()) {
		if _, err := s.pool.Exec(ctx, `DELETE FROM interactions WHERE until < $1`, now.UTC()); err != nil && ctx.Err() == nil {
			s.log.Warn("sweeping expired interaction records failed", "err", redact(err))
		}
	}
	return tag.RowsAffected() == 1, nil
}

// inTx runs fn in a transaction, committed when fn returns nil.
func (s *Store) inTx(ctx context.Context, what string, fn func(pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, s.pool, fn)
	return s.fail(ctx, what, err)
}
