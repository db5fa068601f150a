package bot

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestRESTRoute(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/api/v10/channels/1290000000000000777/messages", "/channels/{id}/messages"},
		{"/api/v9/interactions/1290000000000000901/aW50ZXJhY3Rpb246MTI5MDAwMDAwMDAwMDAwMDkwMTpzZWNyZXQ/callback", "/interactions/{id}/{token}/callback"},
		{"/api/v9/webhooks/1290000000000000001/tok.short/messages/@original", "/webhooks/{id}/{token}/messages/@original"},
		{"/api/v9/applications/1290000000000000001/guilds/1290000000000000100/commands", "/applications/{id}/guilds/{id}/commands"},
		{"/api/v9/gateway/bot", "/gateway/bot"},
		{"/api/v9/applications/@me", "/applications/@me"},
	}
	for _, tt := range tests {
		if got := restRoute(tt.path); got != tt.want {
			t.Errorf("restRoute(%q) = %q; want %q", tt.path, got, tt.want)
		}
	}
}

func restErr(status, code int) error {
	return &discordgo.RESTError{Response: &http.Response{StatusCode: status}, Message: &discordgo.APIErrorMessage{Code: code}}
}

// TestWithRetry: which failures are retried, how often, with what
// back-off, and that a repeated first response Discord already took counts
// as done.
func TestWithRetry(t *testing.T) {
	tests := []struct {
		name       string
		op         string
		idempotent bool
		errs       []error // per try; nil = success
		wantTries  int
		wantErr    bool
	}{
		{"success", "edit", true, []error{nil}, 1, false},
		{"503 then success", "edit", true, []error{restErr(503, 0), nil}, 2, false},
		{"5xx until out of tries", "followup", false, []error{restErr(500, 0), restErr(502, 0), restErr(503, 0), restErr(504, 0), nil}, 4, true},
		{"403 is final", "post", true, []error{restErr(403, 50013), nil}, 1, true},
		{"404 is final", "edit", true, []error{restErr(404, 10008), nil}, 1, true},
		{"network error, idempotent", "edit", true, []error{errors.New("connection reset"), nil}, 2, false},
		{"network error, not idempotent", "followup", false, []error{errors.New("connection reset"), nil}, 1, true},
		{"discordgo gave up on 502", "followup", false, []error{errors.New("Exceeded Max retries HTTP 502 Bad Gateway, "), nil}, 2, false},
		{"first response already taken", "respond", false, []error{restErr(503, 0), restErr(400, 40060)}, 2, false},
		{"cancelled", "edit", true, []error{context.Canceled, nil}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			var waits []time.Duration
			h.b.ops.retry.wait = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			m := newRecMetrics()
			h.b.ops.metrics = m
			tries := 0
			err := h.b.withRetry(context.Background(), tt.op, tt.idempotent, func() error {
				e := tt.errs[tries]
				tries++
				return e
			})
			if tries != tt.wantTries || (err != nil) != tt.wantErr {
				t.Errorf("tries %d, err %v; want %d tries, error %v", tries, err, tt.wantTries, tt.wantErr)
			}
			for i, d := range waits {
				if want := 250 * time.Millisecond << i; d != want {
					t.Errorf("back-off %d = %s; want %s", i, d, want)
				}
			}
			if got := m.retried(tt.op); got != tries-1 {
				t.Errorf("%d retries reported; want %d", got, tries-1)
			}
		})
	}
}
