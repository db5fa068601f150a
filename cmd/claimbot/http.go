package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/ops"
)

// opsServer is the HTTP listener on HTTP_ADDR: /healthz, /readyz and
// /metrics always, and Discord's POST /interactions in HTTP-interactions
// mode. It listens before the library opens (a first index build can take
// a while), so probes get answers from the start: /healthz says the
// process is up, /readyz says not yet.
type opsServer struct {
	srv  *http.Server
	ln   net.Listener
	log  *slog.Logger
	errc chan error
	once sync.Once

	lib          atomic.Pointer[library.Library]
	bot          atomic.Pointer[bot.Bot]
	interactions atomic.Pointer[http.Handler]
}

// listenOps starts the listener; a bad address is a configuration error
// (exit status 2), reported before anything connects to Discord.
// With a shared archive (replica), /readyz also waits for the index to
// have caught up with it.
func listenOps(addr string, m *ops.Metrics, log *slog.Logger, replica bool) (*opsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &ConfigError{"HTTP_ADDR", fmt.Sprintf("cannot listen on %q: %v", addr, err)}
	}
	s := &opsServer{ln: ln, log: log, errc: make(chan error, 1)}
	checks := []ops.Check{
		{Name: "index", Run: s.indexReady},
		{Name: "discord", Run: s.discordReady},
	}
	if replica {
		checks = append(checks, ops.Check{Name: "replica", Run: s.replicaReady})
	}
	mux := ops.Mux(m, checks...)
	mux.Handle("/interactions", http.HandlerFunc(s.serveInteractions))
	s.srv = &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() { s.errc <- s.srv.Serve(ln) }()
	log.Info("HTTP listener up", "addr", ln.Addr().String(), "paths", "/healthz /readyz /metrics /interactions")
	return s, nil
}

// Addr is the address the listener got (HTTP_ADDR may say port 0).
func (s *opsServer) Addr() string { return s.ln.Addr().String() }

// setInteractions mounts the bot's interactions endpoint.
func (s *opsServer) setInteractions(h http.Handler) { s.interactions.Store(&h) }

func (s *opsServer) serveInteractions(w http.ResponseWriter, r *http.Request) {
	h := s.interactions.Load()
	if h == nil {
		http.Error(w, "interactions endpoint not configured or not started yet", http.StatusServiceUnavailable)
		return
	}
	(*h).ServeHTTP(w, r)
}

// indexReady: the library is open and its index answers a search.
func (s *opsServer) indexReady(ctx context.Context) error {
	lib := s.lib.Load()
	if lib == nil {
		return errors.New("opening the index")
	}
	_, err := lib.Search(ctx, library.Base, "claimbot", index.SearchOptions{Limit: 1})
	if err != nil && claimbot.ErrorCode(err) != claimbot.EINVALID {
		return err
	}
	return nil
}

// replicaReady: the index has every change the shared archive has
// committed, so this instance answers with the same corpus as the others.
func (s *opsServer) replicaReady(ctx context.Context) error {
	lib := s.lib.Load()
	if lib == nil {
		return errors.New("opening the index")
	}
	return lib.CaughtUp(ctx)
}

// discordReady: the gateway session is up, or the interactions endpoint
// is serving.
func (s *opsServer) discordReady(context.Context) error {
	b := s.bot.Load()
	if b == nil {
		return errors.New("starting")
	}
	return b.Ready()
}

// stop shuts the listener down, waiting (bounded) for requests in flight.
func (s *opsServer) stop() {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			s.log.Warn("HTTP shutdown", "err", err)
		}
		if err := <-s.errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Warn("HTTP listener", "err", err)
		}
	})
}
