package bot

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/claimbot/claimbot/state"
)

// memStore keeps the bot's state in memory, for the console and for a bot
// started without a data directory. It is lost on exit.
type memStore struct {
	mu       sync.Mutex
	settings map[string]state.GuildSettings
	verdicts map[[2]string]state.Verdict
	claimed  map[[2]string]bool
	outbox   map[[2]string]state.PendingAlert
	audit    []state.AuditEntry
	seen     state.Interactions
}

func newMemStore() *memStore {
	return &memStore{
		settings: map[string]state.GuildSettings{},
		verdicts: map[[2]string]state.Verdict{},
		claimed:  map[[2]string]bool{},
		outbox:   map[[2]string]state.PendingAlert{},
	}
}

func (m *memStore) GuildSettings(_ context.Context, g string) (state.GuildSettings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings[g], nil
}

func (m *memStore) SetGuildSettings(_ context.Context, g string, s state.GuildSettings) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.settings[g] = s
	return nil
}

func (m *memStore) ListGuildSettings(context.Context) (map[string]state.GuildSettings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]state.GuildSettings, len(m.settings))
	for g, s := range m.settings {
		out[g] = s
	}
	return out, nil
}

func (m *memStore) Verdict(_ context.Context, g, k string) (state.Verdict, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.verdicts[[2]string{g, k}]
	return v, ok, nil
}

func (m *memStore) SetVerdict(_ context.Context, g, k string, v state.Verdict) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.verdicts[[2]string{g, k}] = v
	return nil
}

// ClaimAndEnqueueAlert claims and queues in one step, as state.Store does.
func (m *memStore) ClaimAndEnqueueAlert(_ context.Context, p state.PendingAlert) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{p.GuildID, p.AlertKey}
	if m.claimed[k] {
		return false, nil
	}
	m.claimed[k] = true
	m.outbox[k] = p
	return true, nil
}

func (m *memStore) EnqueueAlert(_ context.Context, p state.PendingAlert) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{p.GuildID, p.AlertKey}
	if old, ok := m.outbox[k]; ok {
		p.Enqueued = old.Enqueued
	}
	m.outbox[k] = p
	return nil
}

func (m *memStore) PendingAlerts(_ context.Context, limit int) ([]state.PendingAlert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []state.PendingAlert
	for _, p := range m.outbox {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Enqueued.Before(out[j].Enqueued) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (m *memStore) AckAlert(_ context.Context, g, k string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.outbox, [2]string{g, k})
	return nil
}

func (m *memStore) AppendAudit(_ context.Context, e state.AuditEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.audit = append(m.audit, e)
	return nil
}

// LeaseAlerts leases due entries as state.Store does.
func (m *memStore) LeaseAlerts(_ context.Context, now, until time.Time, limit int) ([]state.PendingAlert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var due []state.PendingAlert
	for _, p := range m.outbox {
		if !p.NextAttempt.After(now) {
			due = append(due, p)
		}
	}
	sort.Slice(due, func(i, j int) bool { return due[i].Enqueued.Before(due[j].Enqueued) })
	if limit > 0 && len(due) > limit {
		due = due[:limit]
	}
	for i := range due {
		due[i].NextAttempt = until
		m.outbox[[2]string{due[i].GuildID, due[i].AlertKey}] = due[i]
	}
	return due, nil
}

// RecordInteraction keeps the replay window in memory.
func (m *memStore) RecordInteraction(_ context.Context, id string, now, until time.Time) (bool, error) {
	return m.seen.Record(id, now, until), nil
}
