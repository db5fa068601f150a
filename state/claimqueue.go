package state

import (
	"context"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"
)

// AlertClaimer is implemented by stores that can claim an alert and put it
// into the outbox in one transaction. The bot prefers it to ClaimAlert
// followed by EnqueueAlert: with two steps, a process that dies between
// them has marked the alert as posted without queueing it, and the alert
// is lost. With the entry in the outbox before the post, a crash at any
// point leaves either nothing claimed or an entry the next outbox pass
// posts.
type AlertClaimer interface {
	// ClaimAndEnqueueAlert does what ClaimAlert does and, for the one caller
	// that gets first == true, enqueues p (keyed by p.GuildID and
	// p.AlertKey) in the same transaction. Callers that get false changed
	// nothing.
	ClaimAndEnqueueAlert(ctx context.Context, p PendingAlert) (first bool, err error)
}

var _ AlertClaimer = (*Bolt)(nil)

// ClaimAndEnqueueAlert implements AlertClaimer.
func (b *Bolt) ClaimAndEnqueueAlert(ctx context.Context, p PendingAlert) (bool, error) {
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
