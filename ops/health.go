package ops

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Check is one readiness condition, e.g. "index" or "discord".
type Check struct {
	Name string
	// Run returns nil when the condition holds, else why not.
	Run func(ctx context.Context) error
}

// checkTimeout bounds one /readyz request: an orchestrator's probe must
// get an answer even if a check hangs.
const checkTimeout = 2 * time.Second

// Mux serves the operations endpoints:
//
//	GET /healthz  200 "ok" while the process serves HTTP at all
//	GET /readyz   200 when every check passes, else 503; one line per check
//	GET /metrics  Prometheus text format (when m is not nil)
//
// The caller may mount more (the interactions endpoint) on the result.
func Mux(m *Metrics, checks ...Check) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /readyz", Ready(checks...))
	if m != nil {
		mux.Handle("GET /metrics", m.Handler())
	}
	return mux
}

// Ready is the /readyz handler on its own.
func Ready(checks ...Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
		defer cancel()
		var lines []string
		ready := true
		for _, c := range checks {
			if err := runCheck(ctx, c); err != nil {
				ready = false
				lines = append(lines, c.Name+": "+oneLine(err.Error()))
			} else {
				lines = append(lines, c.Name+": ok")
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if !ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		fmt.Fprintln(w, strings.Join(lines, "\n"))
	})
}

// runCheck runs one check, turning a hang into a timeout error.
func runCheck(ctx context.Context, c Check) error {
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("no answer within %s", checkTimeout)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
