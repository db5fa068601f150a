package state

import (
	"sync"
	"time"
)

// Interactions is RecordInteraction kept in memory, for a store that
// serves one process (bbolt's, the console's): records need to outlive
// only the timestamp window of a signed request, and a store shared by
// several processes keeps them in its database instead. The zero value is
// ready to use. Memory is bounded by the interactions of one window:
// expired records are swept as time moves on.
type Interactions struct {
	mu    sync.Mutex
	until map[string]time.Time // ID → when it may be forgotten
	next  time.Time            // next sweep
}

// Record implements Store.RecordInteraction.
func (w *Interactions) Record(id string, now, until time.Time) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.until == nil {
		w.until = map[string]time.Time{}
	}
	if now.After(w.next) {
		for k, u := range w.until {
			if now.After(u) {
				delete(w.until, k)
			}
		}
		w.next = now.Add(until.Sub(now) / 4)
	}
	if u, ok := w.until[id]; ok && !now.After(u) {
		return false
	}
	w.until[id] = until
	return true
}
