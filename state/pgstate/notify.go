package pgstate

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// WatchChanges listens for committed changes to the archive (NOTIFY from
// Update, whichever process made them) on a connection of its own, and
// signals each on the returned channel until ctx is done, when it closes
// the channel. Signals are coalesced: a reader that falls behind gets one
// signal for many changes, and reads the changes themselves with Changes.
// After connecting, and after every reconnection (the connection dropped
// and notifications may have been missed), it signals too, so the reader
// catches up. Latest reports the newest sequence number heard of.
func (s *Store) WatchChanges(ctx context.Context) <-chan struct{} {
	out := make(chan struct{}, 1)
	signal := func() {
		select {
		case out <- struct{}{}:
		default:
		}
	}
	go func() {
		defer close(out)
		wait := 100 * time.Millisecond
		for ctx.Err() == nil {
			err := s.listen(ctx, signal)
			if ctx.Err() != nil {
				return
			}
			s.log.Warn("listening for archive changes failed; reconnecting", "err", redact(err), "in", wait)
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, 5*time.Second)
		}
	}()
	return out
}

// listen holds one LISTEN connection until it fails or ctx is done.
func (s *Store) listen(ctx context.Context, signal func()) error {
	conn, err := pgx.ConnectConfig(ctx, s.conn.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		return err
	}
	// Listening now: whatever committed before is read by the catch-up
	// this signal starts, whatever commits after is notified.
	if seq, err := s.LastChange(ctx); err == nil {
		s.noteLatest(seq)
	}
	signal()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if seq, err := strconv.ParseInt(n.Payload, 10, 64); err == nil {
			s.noteLatest(seq)
		}
		signal()
	}
}

func (s *Store) noteLatest(seq int64) {
	for {
		cur := s.latest.Load()
		if seq <= cur || s.latest.CompareAndSwap(cur, seq) {
			return
		}
	}
}

// Latest is the newest change sequence number this process has heard of
// (from WatchChanges), without asking the database.
func (s *Store) Latest() int64 { return s.latest.Load() }
