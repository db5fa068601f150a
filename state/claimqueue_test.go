package state_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/claimbot/claimbot/state"
)

// TestClaimAndEnqueueAlert: one caller of many gets the claim, and its
// outbox entry is there; the others change nothing; ClaimAlert agrees; the
// entry survives a reopen (a crash after the call).
func TestClaimAndEnqueueAlert(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	st, err := state.OpenBolt(path, state.WithNow(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := state.PendingAlert{GuildID: "g1", AlertKey: "k1", ChannelID: "c1", Payload: []byte(`{"x":1}`), NextAttempt: now}

	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := 0
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first, err := st.ClaimAndEnqueueAlert(ctx, p)
			if err != nil {
				t.Error(err)
			}
			if first {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firsts != 1 {
		t.Fatalf("%d callers got the claim; want 1", firsts)
	}
	if first, _ := st.ClaimAlert(ctx, "g1", "k1"); first {
		t.Error("ClaimAlert after ClaimAndEnqueueAlert returned first")
	}
	// A pair claimed the old way is not queued by a late ClaimAndEnqueue.
	st.ClaimAlert(ctx, "g1", "k2")
	if first, _ := st.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: "g1", AlertKey: "k2"}); first {
		t.Error("claimed twice")
	}
	if _, err := st.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: "g1"}); err == nil {
		t.Error("no alert key: no error")
	}
	st.Close()

	st, err = state.OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pending, err := st.PendingAlerts(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].AlertKey != "k1" || pending[0].ChannelID != "c1" || string(pending[0].Payload) != `{"x":1}` ||
		!pending[0].Enqueued.Equal(now) || !pending[0].NextAttempt.Equal(now) || pending[0].Attempts != 0 {
		t.Errorf("outbox after reopen = %+v", pending)
	}
}
