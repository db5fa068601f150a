package boltstate_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// TestClaimAndEnqueueSurvivesReopen: the outbox entry written with the
// claim is there after a reopen (a crash right after the call), so the
// alert the claim promised is still posted.
func TestClaimAndEnqueueSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	st, err := boltstate.Open(path, boltstate.WithNow(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := state.PendingAlert{GuildID: "g1", AlertKey: "k1", ChannelID: "c1", Payload: []byte(`{"x":1}`), NextAttempt: now}
	if first, err := st.ClaimAndEnqueueAlert(ctx, p); err != nil || !first {
		t.Fatalf("ClaimAndEnqueueAlert = %v, %v", first, err)
	}
	st.Close()

	st, err = boltstate.Open(path)
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
	if first, _ := st.ClaimAlert(ctx, "g1", "k1"); first {
		t.Error("the claim did not survive the reopen")
	}
}
