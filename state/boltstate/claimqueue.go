package boltstate

import (
	"context"
	"errors"
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
