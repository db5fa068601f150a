package pgstate

import (
	"context"
	"errors"
	"hash/fnv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Leadership: jobs that must run on one instance at a time (feed polling,
// the contradiction checks of new articles) run while the instance holds
// a session-level advisory lock, on a connection of its own. PostgreSQL
// lets go of the lock when that session ends, so when the holder dies —
// even by SIGKILL, which closes its socket — another instance takes the
// lock at its next try, within one retry interval. On TCP connections the
// session asks the server to probe the client every few seconds
// (tcp_keepalives_*), so a holder that vanished from the network loses
// the lock within about 15 s rather than the operating system's two
// hours.
//
// A leader that is alive but has lost its session (a network fault, the
// server terminated it) notices at its next ping, within a second, and
// stops its jobs; another instance may have started them by then. The
// jobs are safe to overlap that briefly: articles are added one writer at
// a time and duplicates are refused, and alerts are claimed in the
// database.

// Leader runs jobs while holding a named lock.
type Leader struct {
	s     *Store
	name  string
	key   int64
	retry time.Duration
	ping  time.Duration
	// OnChange, when set, is told when this process becomes the leader
	// (true) and stops being it (false).
	OnChange func(leading bool)
}

// NewLeader returns a Leader for the lock called name; retry is how often
// a follower tries to take it (default 1 s), which bounds how long a dead
// leader's jobs wait for a new one.
func (s *Store) NewLeader(name string, retry time.Duration) *Leader {
	if retry <= 0 {
		retry = time.Second
	}
	h := fnv.New64a()
	h.Write([]byte("claimbot leader " + name))
	return &Leader{s: s, name: name, key: int64(h.Sum64()), retry: retry, ping: time.Second}
}

// Run runs fn whenever this process holds the lock, with a context that
// is cancelled when it loses the lock (its connection failed) or ctx is
// done, until ctx is done. fn returning early gives the lock up for one
// retry interval. Run returns ctx's error.
func (l *Leader) Run(ctx context.Context, fn func(ctx context.Context) error) error {
	for ctx.Err() == nil {
		held, err := l.lead(ctx, fn)
		if err != nil && ctx.Err() == nil {
			l.s.log.Warn("worker lock", "lock", l.name, "err", redact(err))
		}
		if held && ctx.Err() == nil {
			l.s.log.Info("worker lock lost", "lock", l.name)
		}
		select {
		case <-ctx.Done():
		case <-time.After(l.retry):
		}
	}
	return ctx.Err()
}

// lead connects, tries the lock until it gets it, and runs fn while it
// holds it. It reports whether the lock was held.
func (l *Leader) lead(ctx context.Context, fn func(ctx context.Context) error) (bool, error) {
	cfg := l.s.conn.Copy()
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["tcp_keepalives_idle"] = "5"
	cfg.RuntimeParams["tcp_keepalives_interval"] = "2"
	cfg.RuntimeParams["tcp_keepalives_count"] = "3"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for {
		var got bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, l.key).Scan(&got); err != nil {
			return false, err
		}
		if got {
			break
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(l.retry):
		}
	}
	l.s.log.Info("worker lock taken: running the shared jobs here", "lock", l.name)
	if l.OnChange != nil {
		l.OnChange(true)
		defer l.OnChange(false)
	}
	jobCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn(jobCtx) }()
	t := time.NewTicker(l.ping)
	defer t.Stop()
	for {
		select {
		case err := <-done:
			// fn is done: give the lock back (closing the connection would
			// too) so another instance may take it.
			unlockCtx, c := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			conn.Exec(unlockCtx, `SELECT pg_advisory_unlock($1)`, l.key)
			c()
			if errors.Is(err, context.Canceled) {
				err = nil
			}
			return true, err
		case <-t.C:
			pingCtx, c := context.WithTimeout(ctx, 3*time.Second)
			err := conn.Ping(pingCtx)
			c()
			if err != nil && ctx.Err() == nil {
				// The session may be gone, and the lock with it: stop
				// the jobs before another instance starts them.
				cancel()
				<-done
				return true, err
			}
		}
	}
}
