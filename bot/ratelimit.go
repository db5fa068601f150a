package bot

import (
	"sync"
	"time"
)

// rateLimiter allows each key n events per sliding window. Time is passed
// in, so tests drive it with a fake clock.
type rateLimiter struct {
	n      int
	window time.Duration

	mu     sync.Mutex
	events map[string][]time.Time
}

func newRateLimiter(n int, window time.Duration) *rateLimiter {
	return &rateLimiter{n: n, window: window, events: map[string][]time.Time{}}
}

// allow records an event for key at now if the key is under its limit. When
// it is not, it returns the time the oldest event leaves the window.
func (r *rateLimiter) allow(key string, now time.Time) (ok bool, retry time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cutoff := now.Add(-r.window)
	ev := r.events[key]
	i := 0
	for i < len(ev) && !ev[i].After(cutoff) {
		i++
	}
	ev = ev[i:]
	if len(ev) >= r.n {
		r.events[key] = ev
		return false, ev[0].Add(r.window)
	}
	r.events[key] = append(ev, now)
	if len(r.events) > 10000 {
		r.sweep(cutoff)
	}
	return true, time.Time{}
}

// sweep forgets keys with no event in the window, bounding memory.
func (r *rateLimiter) sweep(cutoff time.Time) {
	for k, ev := range r.events {
		if len(ev) == 0 || !ev[len(ev)-1].After(cutoff) {
			delete(r.events, k)
		}
	}
}
