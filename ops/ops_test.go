package ops

import (
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var epoch = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

// TestMetricsExposition feeds every kind of event and compares the whole
// exposition with a golden file (-update rewrites it).
func TestMetricsExposition(t *testing.T) {
	m := New(Options{Now: func() time.Time { return epoch }, NoRuntime: true})
	m.WatchLibrary(func() library.Stats {
		return library.Stats{Articles: 5, Passages: 60, IndexBuilt: epoch.Add(-time.Hour), LastChange: epoch.Add(-time.Minute)}
	})
	m.Interaction(bot.InteractionEvent{Command: "claim", Kind: "command", Outcome: bot.OutcomeOK, First: 40 * time.Millisecond, Final: 40 * time.Millisecond})
	m.Interaction(bot.InteractionEvent{Command: "reindex", Kind: "command", Outcome: bot.OutcomeOK, First: 5 * time.Millisecond, Final: 2 * time.Second, Deferred: true})
	m.Interaction(bot.InteractionEvent{Command: "claim", Kind: "command", Outcome: bot.OutcomeUndelivered, DeadlineMissed: true})
	m.Search("ok", 3*time.Millisecond)
	m.Search("invalid", 0)
	m.Reindex(1500*time.Millisecond, nil)
	m.Reindex(0, errors.New("conflict"))
	m.Alerts(bot.AlertRaised, 2)
	m.Alerts(bot.AlertPosted, 1)
	m.Alerts(bot.AlertQueued, 1)
	m.Alerts(bot.AlertRetried, 0)
	m.REST("POST", "/interactions/{id}/{token}/callback", 204, 20*time.Millisecond)
	m.REST("PATCH", "/webhooks/{id}/{token}/messages/@original", 503, 10*time.Millisecond)
	m.REST("POST", "/channels/{id}/messages", 0, time.Second)
	m.RateLimited("/channels/{id}/messages", 1500*time.Millisecond, false)
	m.Retry("edit")
	m.Gateway("ready")
	m.Gateway("disconnected")
	m.Gateway("resumed")
	m.FeedPoll(ingest.PollReport{Feeds: []ingest.FeedReport{
		{URL: "https://a.example/feed", Added: []string{"a1", "a2"}, Duplicates: 1},
		{URL: "https://b.example/feed", Err: "503 Service Unavailable"},
		{URL: "https://c.example/feed", Failed: []string{"x: timeout"}, Refused: []string{"y: not an article"}},
	}}, nil)
	m.FeedPoll(ingest.PollReport{}, errors.New("state database closed"))

	code, got := get(t, m.Handler(), "/metrics")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	golden := filepath.Join("testdata", "metrics.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("exposition differs from %s (run with -update if intended):\n%s", golden, got)
	}
}

// TestReplicaMetrics: a replica's progress and the worker lock, as an
// instance on a shared database reports them.
func TestReplicaMetrics(t *testing.T) {
	m := New(Options{NoRuntime: true})
	st := library.ReplicaStatus{Shared: true, Applied: 95, Latest: 100, Lag: 1500 * time.Millisecond}
	m.WatchReplica(func() library.ReplicaStatus { return st })
	m.SetWorker(true)
	_, body := get(t, m.Handler(), "/metrics")
	for _, want := range []string{
		"claimbot_replica_applied_sequence 95", "claimbot_replica_latest_sequence 100",
		"claimbot_replica_lag_changes 5", "claimbot_replica_lag_seconds 1.5", "claimbot_worker 1",
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("missing %q in\n%s", want, body)
		}
	}
	st = library.ReplicaStatus{Shared: true, Applied: 100, Latest: 100}
	m.SetWorker(false)
	_, body = get(t, m.Handler(), "/metrics")
	for _, want := range []string{"claimbot_replica_lag_changes 0", "claimbot_replica_lag_seconds 0", "claimbot_worker 0"} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("after catching up: missing %q", want)
		}
	}
}

// TestRegistriesArePrivate: two Metrics in one process do not collide,
// and neither touches the global registry.
func TestRegistriesArePrivate(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	a.Search("ok", time.Millisecond)
	_, bodyB := get(t, b.Handler(), "/metrics")
	if strings.Contains(bodyB, `claimbot_searches_total{outcome="ok"} 1`) {
		t.Error("b sees a's search")
	}
	for _, want := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(bodyB, want) {
			t.Errorf("runtime metric %s missing", want)
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	indexErr := errors.New("opening the index")
	var hang chan struct{}
	mux := Mux(New(Options{NoRuntime: true}),
		Check{Name: "index", Run: func(context.Context) error { return indexErr }},
		Check{Name: "discord", Run: func(ctx context.Context) error {
			if hang != nil {
				<-ctx.Done()
				return ctx.Err()
			}
			return nil
		}},
	)
	tests := []struct {
		name   string
		setup  func()
		path   string
		status int
		body   string
	}{
		{"healthz", func() {}, "/healthz", 200, "ok\n"},
		{"not ready", func() {}, "/readyz", 503, "index: opening the index\ndiscord: ok\n"},
		{"ready", func() { indexErr = nil }, "/readyz", 200, "index: ok\ndiscord: ok\n"},
		{"metrics", func() {}, "/metrics", 200, ""},
		{"unknown path", func() {}, "/debug", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup()
			code, body := get(t, mux, tt.path)
			if code != tt.status || tt.body != "" && body != tt.body {
				t.Errorf("%s = %d %q; want %d %q", tt.path, code, body, tt.status, tt.body)
			}
		})
	}
	t.Run("a hanging check times out", func(t *testing.T) {
		hang = make(chan struct{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the probe's request is already done: the check must not hang it
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil).WithContext(ctx))
		if rec.Code != 503 || !strings.Contains(rec.Body.String(), "discord: ") {
			t.Errorf("/readyz = %d %q", rec.Code, rec.Body.String())
		}
	})
}
