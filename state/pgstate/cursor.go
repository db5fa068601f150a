package pgstate

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
)

// Cursor returns how far the job called name has worked through the
// change log; false when it never recorded any progress.
func (s *Store) Cursor(ctx context.Context, name string) (int64, bool, error) {
	if err := required("cursor name", name); err != nil {
		return 0, false, err
	}
	var seq int64
	err := s.pool.QueryRow(ctx, `SELECT seq FROM cursors WHERE name = $1`, name).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, s.fail(ctx, "read cursor", err)
	}
	return seq, true, nil
}

// SetCursor records the job's progress; it never moves a cursor back
// (a slower worker that lost the lock must not undo a newer one's work).
func (s *Store) SetCursor(ctx context.Context, name string, seq int64) error {
	if err := required("cursor name", name); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO cursors (name, seq) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET seq = GREATEST(cursors.seq, EXCLUDED.seq)`, name, seq)
	return s.fail(ctx, "write cursor", err)
}
