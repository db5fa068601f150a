package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/ops"
	"github.com/claimbot/claimbot/state/pgstate"
)

// Several instances on one PostgreSQL database (CLAIMBOT_DATABASE_URL):
// the state and the article archive are the database's (pgstate), each
// instance's index is a replica that follows the archive's change log,
// and the jobs that must run once — feed polling and the contradiction
// checks of new articles from the log — run on whichever instance holds
// the worker lock.

// database opens the PostgreSQL store once per run; run closes it.
func (a *app) database(ctx context.Context) (*pgstate.Store, error) {
	a.dbOnce.Do(func() {
		a.db, a.dbErr = pgstate.Open(ctx, a.cfg.DatabaseURL, pgstate.WithLogger(a.logger))
	})
	return a.db, a.dbErr
}

func (a *app) closeDatabase() {
	if a.db != nil {
		a.db.Close()
	}
}

// dbState is the database's store handed out by openState: closing it
// leaves the connection pool to run, which the library shares.
type dbState struct{ *pgstate.Store }

func (dbState) Close() error { return nil }

// Names in the database of the worker lock and of the contradiction
// checks' place in the change log.
const (
	workerLock   = "worker"
	checksCursor = "contradiction-checks"
)

// worker runs the shared jobs while this instance holds the worker lock:
// the feed poller (through the bot, which posts what it raises) and the
// contradiction checks of new articles. It is the bot's Poller, so the bot
// starts it after connecting and stops it on shutdown.
type worker struct {
	lead    *pgstate.Leader
	db      *pgstate.Store
	lib     *library.Library
	poller  bot.Poller
	deliver func(context.Context, library.Report)
	every   time.Duration // between passes over the change log
	log     *slog.Logger
}

func (a *app) newWorker(db *pgstate.Store, lib *library.Library, poller bot.Poller, metrics *ops.Metrics, deliver func(context.Context, library.Report)) *worker {
	lead := db.NewLeader(workerLock, time.Second)
	lead.OnChange = metrics.SetWorker
	return &worker{lead: lead, db: db, lib: lib, poller: poller, deliver: deliver, every: time.Second, log: a.logger}
}

// Run implements bot.Poller.
func (w *worker) Run(ctx context.Context) error {
	return w.lead.Run(ctx, func(ctx context.Context) error {
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); w.poller.Run(ctx) }()
		go func() { defer wg.Done(); w.checks(ctx) }()
		wg.Wait()
		return ctx.Err()
	})
}

// checks works through the change log from where the last worker left
// off, posting what each new article raises. The instance that added an
// article posted its alerts already; this is what makes them survive that
// instance dying before it could (the alerts' claims keep each one posted
// once). A new database starts at its newest change: what was added before
// any worker ran was checked by the instances that added it.
func (w *worker) checks(ctx context.Context) {
	var cur int64
	started := false
	t := time.NewTicker(w.every)
	defer t.Stop()
	for {
		var err error
		if !started {
			cur, started, err = w.startChecks(ctx)
		}
		if started {
			err = w.checkOnce(ctx, &cur)
		}
		if err != nil && ctx.Err() == nil {
			w.log.Warn("contradiction checks of new articles failed; trying again", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// startChecks reads the checks' cursor, setting it to the newest change
// when there is none yet.
func (w *worker) startChecks(ctx context.Context) (int64, bool, error) {
	cur, ok, err := w.db.Cursor(ctx, checksCursor)
	if err != nil || ok {
		return cur, ok, err
	}
	last, err := w.db.LastChange(ctx)
	if err != nil {
		return 0, false, err
	}
	if err := w.db.SetCursor(ctx, checksCursor, last); err != nil {
		return 0, false, err
	}
	return w.db.Cursor(ctx, checksCursor)
}

func (w *worker) checkOnce(ctx context.Context, cur *int64) error {
	for {
		reps, last, err := w.lib.CheckChanges(ctx, *cur, 100)
		if err != nil {
			return err
		}
		if last == *cur {
			return nil
		}
		for _, rep := range reps {
			w.deliver(ctx, rep)
		}
		if err := w.db.SetCursor(ctx, checksCursor, last); err != nil {
			return err
		}
		*cur = last
	}
}

// follow keeps the library's index current with the archive until ctx is
// done; the returned channel is closed when it has stopped.
func follow(ctx context.Context, lib *library.Library, db *pgstate.Store) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		lib.Follow(ctx, db.WatchChanges(ctx), 5*time.Second) // returns when ctx is done; failures are logged
	}()
	return done
}
