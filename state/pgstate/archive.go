package pgstate

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

// The archive (state.Archive): articles, trash and exclusions, and the
// change log every replica follows. Writers take the one row of
// archive_seq with UPDATE first, so they run one at a time across
// processes and their changes commit in sequence order: a reader that has
// seen change n has seen every change before it. Each committed write
// notifies channel claimbot_changes with its last sequence number.

// notifyChannel is the LISTEN/NOTIFY channel of the change log.
const notifyChannel = "claimbot_changes"

// ArchiveID implements state.Archive.
func (s *Store) ArchiveID(ctx context.Context) (string, error) {
	var id string
	err := s.pool.QueryRow(ctx, `SELECT archive_id FROM archive_seq`).Scan(&id)
	return id, s.fail(ctx, "read archive ID", err)
}

// LastChange implements state.Archive.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var seq int64
	err := s.pool.QueryRow(ctx, `SELECT seq FROM archive_seq`).Scan(&seq)
	return seq, s.fail(ctx, "read archive sequence", err)
}

// Snapshot implements state.Archive, in one repeatable-read transaction
// so the articles, exclusions and sequence number agree.
func (s *Store) Snapshot(ctx context.Context) (state.ArchiveSnapshot, error) {
	snap := state.ArchiveSnapshot{Excluded: map[string][]string{}}
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT seq FROM archive_seq`).Scan(&snap.Seq); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT collection, id, file, data, seq, added FROM articles ORDER BY seq`)
		if err != nil {
			return err
		}
		if snap.Articles, err = scanArticles(rows); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT collection, article_id FROM exclusions ORDER BY collection COLLATE "C", article_id COLLATE "C"`)
		if err != nil {
			return err
		}
		var c, id string
		_, err = pgx.ForEachRow(rows, []any{&c, &id}, func() error {
			snap.Excluded[c] = append(snap.Excluded[c], id)
			return nil
		})
		return err
	})
	return snap, s.fail(ctx, "read archive", err)
}

func scanArticles(rows pgx.Rows) ([]state.StoredArticle, error) {
	var out []state.StoredArticle
	var a state.StoredArticle
	_, err := pgx.ForEachRow(rows, []any{&a.Collection, &a.ID, &a.File, &a.Data, &a.Seq, &a.At}, func() error {
		q := a
		q.Data = append([]byte(nil), a.Data...)
		q.At = utc(q.At)
		out = append(out, q)
		return nil
	})
	return out, err
}

// Changes implements state.Archive. An "add" carries its article while
// the article is still the one that change added (same ID and sequence).
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]state.Change, error) {
	rows, err := s.pool.Query(ctx, `SELECT c.seq, c.kind, c.collection, c.article_id, c.at, a.file, a.data, a.added
		FROM changes c LEFT JOIN articles a ON c.kind = 'add' AND a.id = c.article_id AND a.seq = c.seq
		WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`, after, limitArg(limit))
	if err != nil {
		return nil, s.fail(ctx, "read changes", err)
	}
	var out []state.Change
	var c state.Change
	var file *string
	var data []byte
	var added *time.Time
	_, err = pgx.ForEachRow(rows, []any{&c.Seq, &c.Kind, &c.Collection, &c.ID, &c.At, &file, &data, &added}, func() error {
		q := c
		q.At = utc(q.At)
		if file != nil && added != nil {
			q.Article = &state.StoredArticle{Collection: c.Collection, ID: c.ID, File: *file, Data: append([]byte(nil), data...), Seq: c.Seq, At: utc(*added)}
		}
		out = append(out, q)
		return nil
	})
	return out, s.fail(ctx, "read changes", err)
}

// Trashed implements state.Archive.
func (s *Store) Trashed(ctx context.Context, collection string) ([]state.StoredArticle, error) {
	if err := required("collection", collection); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT collection, id, file, data, 0::bigint, removed FROM trash WHERE collection = $1 ORDER BY id COLLATE "C"`, collection)
	if err != nil {
		return nil, s.fail(ctx, "read trash", err)
	}
	out, err := scanArticles(rows)
	return out, s.fail(ctx, "read trash", err)
}

// Update implements state.Archive.
func (s *Store) Update(ctx context.Context, fn func(tx state.ArchiveTx) error) error {
	var fnErr error
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		at := &archiveTx{ctx: ctx, tx: tx, now: s.stamp(time.Time{})}
		// The row lock is held to the end of the transaction: this is what
		// makes writers take turns.
		if err := tx.QueryRow(ctx, `UPDATE archive_seq SET seq = seq RETURNING seq`).Scan(&at.seq); err != nil {
			return err
		}
		at.before = at.seq
		if fnErr = fn(at); fnErr != nil {
			return fnErr
		}
		if at.seq == at.before {
			return nil
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, notifyChannel, strconv.FormatInt(at.seq, 10))
		return err
	})
	if fnErr != nil {
		return fnErr // fn's own error, as it returned it
	}
	return s.fail(ctx, "change archive", err)
}

// archiveTx is state.ArchiveTx inside Update.
type archiveTx struct {
	ctx         context.Context
	tx          pgx.Tx
	now         time.Time
	before, seq int64
}

func (t *archiveTx) Seq() int64 { return t.before }

// next takes the next sequence number and logs the change under it.
func (t *archiveTx) next(kind, collection, id string) (int64, error) {
	if err := t.tx.QueryRow(t.ctx, `UPDATE archive_seq SET seq = seq + 1 RETURNING seq`).Scan(&t.seq); err != nil {
		return 0, err
	}
	_, err := t.tx.Exec(t.ctx, `INSERT INTO changes (seq, kind, collection, article_id, at) VALUES ($1, $2, $3, $4, $5)`,
		t.seq, kind, collection, id, t.now)
	return t.seq, err
}

func checkArticle(a state.StoredArticle) error {
	return firstErr(required("collection", a.Collection), required("article ID", a.ID), required("file name", a.File))
}

// Add implements state.ArchiveTx. The ID is checked before a sequence
// number is taken, so a refused article leaves no gap in the log.
func (t *archiveTx) Add(a state.StoredArticle) (int64, error) {
	if err := checkArticle(a); err != nil {
		return 0, err
	}
	var taken bool
	if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, a.ID).Scan(&taken); err != nil {
		return 0, err
	}
	if taken {
		return 0, claimbot.Errorf(claimbot.ECONFLICT, "article ID %q is taken", a.ID)
	}
	seq, err := t.next(state.ChangeAdd, a.Collection, a.ID)
	if err != nil {
		return 0, err
	}
	_, err = t.tx.Exec(t.ctx, `INSERT INTO articles (id, collection, file, data, seq, added) VALUES ($1, $2, $3, $4, $5, $6)`,
		a.ID, a.Collection, a.File, a.Data, seq, t.now)
	return seq, err
}

// Trash implements state.ArchiveTx.
func (t *archiveTx) Trash(collection, id string) (int64, error) {
	if err := firstErr(required("collection", collection), required("article ID", id)); err != nil {
		return 0, err
	}
	var file string
	var data []byte
	err := t.tx.QueryRow(t.ctx, `DELETE FROM articles WHERE id = $1 AND collection = $2 RETURNING file, data`, id, collection).Scan(&file, &data)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, claimbot.Errorf(claimbot.ENOTFOUND, "no article with ID %q in %s", id, collection)
	}
	if err != nil {
		return 0, err
	}
	if _, err := t.tx.Exec(t.ctx, `INSERT INTO trash (collection, id, file, data, removed) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (collection, id) DO UPDATE SET file = EXCLUDED.file, data = EXCLUDED.data, removed = EXCLUDED.removed`,
		collection, id, file, data, t.now); err != nil {
		return 0, err
	}
	return t.next(state.ChangeRemove, collection, id)
}

// DropTrashed implements state.ArchiveTx.
func (t *archiveTx) DropTrashed(collection, id string) error {
	if err := firstErr(required("collection", collection), required("article ID", id)); err != nil {
		return err
	}
	tag, err := t.tx.Exec(t.ctx, `DELETE FROM trash WHERE collection = $1 AND id = $2`, collection, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no removed article with ID %q in %s", id, collection)
	}
	return nil
}

// SetExcluded implements state.ArchiveTx.
func (t *archiveTx) SetExcluded(collection, id string, excluded bool) (int64, error) {
	if err := firstErr(required("collection", collection), required("article ID", id)); err != nil {
		return 0, err
	}
	kind := state.ChangeInclude
	q := `DELETE FROM exclusions WHERE collection = $1 AND article_id = $2`
	if excluded {
		kind = state.ChangeExclude
		q = `INSERT INTO exclusions (collection, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	}
	if _, err := t.tx.Exec(t.ctx, q, collection, id); err != nil {
		return 0, err
	}
	return t.next(kind, collection, id)
}
