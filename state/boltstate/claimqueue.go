package boltstate

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/claimbot/claimbot/state"
	bolt "go.etcd.io/bbolt"
)

// ClaimAndEnqueueAlert implements state.Store. With the claim and the
// outbox entry in one transaction, a crash at any point leaves either
// nothing claimed or an entry the next outbox pass posts; with two steps a
// process that died between them would have marked the alert as posted
// without queueing it, and the alert would be lost.
func (b *Store) ClaimAndEnqueueAlert(ctx context.Context, p state.PendingAlert) (bool, error) {
	if err := errors.Join(required("guild ID", p.GuildID), required("alert key", p.AlertKey)); err != nil {
		return false, firstErr(err)
	}
	first := false
	err := b.update(ctx, func(tx *bolt.Tx) error {
		k := pairKey(p.GuildID, p.AlertKey)
		posted := tx.Bucket(bucketPosted)
		if posted.Get(k) != nil {
			return nil
		}
		now := b.stamp(p.Enqueued)
		if err := posted.Put(k, []byte(now.Format(time.RFC3339Nano))); err != nil {
			return err
		}
		p.Enqueued = now
		if !p.NextAttempt.IsZero() {
			p.NextAttempt = p.NextAttempt.UTC().Round(0)
		}
		if err := putJSON(tx.Bucket(bucketOutbox), k, p); err != nil {
			return err
		}
		first = true
		return nil
	})
	if err != nil {
		return false, err
	}
	return first, nil
}

// LeaseAlerts implements state.Store. The scan and the updates are one
// write transaction, and bbolt runs one at a time, so two callers never
// take the same entry.
func (b *Store) LeaseAlerts(ctx context.Context, now, until time.Time, limit int) ([]state.PendingAlert, error) {
	var out []state.PendingAlert
	err := b.update(ctx, func(tx *bolt.Tx) error {
		out = out[:0]
		bk := tx.Bucket(bucketOutbox)
		var due []state.PendingAlert
		err := bk.ForEach(func(k, _ []byte) error {
			var p state.PendingAlert
			if _, err := b.getJSON(bk, k, &p); err != nil {
				return err
			}
			if !p.NextAttempt.After(now) {
				due = append(due, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.SliceStable(due, func(i, j int) bool { return due[i].Enqueued.Before(due[j].Enqueued) })
		if limit > 0 && len(due) > limit {
			due = due[:limit]
		}
		for _, p := range due {
			p.NextAttempt = until.UTC().Round(0)
			if err := putJSON(bk, pairKey(p.GuildID, p.AlertKey), p); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RecordInteraction implements state.Store, in memory (see Store.seen).
func (b *Store) RecordInteraction(ctx context.Context, id string, now, until time.Time) (bool, error) {
	if err := required("interaction ID", id); err != nil {
		return false, err
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	return b.seen.Record(id, now, until), nil
}
