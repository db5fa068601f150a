package bot

import (
	"sync"
	"time"
)

// replayGuard remembers the IDs of the signed interactions it has accepted
// for as long as their timestamps are fresh (Config.MaxClockSkew), so a
// captured request sent again inside that window is refused instead of
// running again: three /reindex from one request, once. Older entries are
// dropped as the window moves, and a replay older than the window fails
// the timestamp check anyway, so memory is bounded by the interactions of
// one window.
//
// The memory is per process: behind a load balancer, a replay that reaches
// another instance is caught only by the timestamp window.
type replayGuard struct {
	window time.Duration

	mu   sync.Mutex
	seen map[string]time.Time // interaction ID → when it may be forgotten
	next time.Time            // next sweep
}

func newReplayGuard(window time.Duration) *replayGuard {
	return &replayGuard{window: window, seen: map[string]time.Time{}}
}

// first records id at now and reports whether it had not been seen within
// the window.
func (g *replayGuard) first(id string, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now.After(g.next) {
		for k, until := range g.seen {
			if now.After(until) {
				delete(g.seen, k)
			}
		}
		g.next = now.Add(g.window / 4)
	}
	if until, ok := g.seen[id]; ok && !now.After(until) {
		return false
	}
	// A request is fresh up to window after its timestamp, which may itself
	// lie window in the future: twice the window covers every replay the
	// timestamp check lets through.
	g.seen[id] = now.Add(2 * g.window)
	return true
}
