package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/ops"
)

// console serves the library in a local console: the main job on a machine
// without a Discord token.
func (a *app) console(ctx context.Context) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	st, err := a.openState(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	term := isTerminalIO(a.stdin) && isTerminalIO(a.stdout)
	return bot.RunConsole(ctx, bot.Deps{Library: lib, Store: st, Logger: a.logger, Ingest: a.botIngest(lib, st)}, bot.ConsoleOptions{
		In: a.stdin, Out: a.stdout, Lang: a.cfg.Lang, Terminal: term, HistoryFile: filepath.Join(a.cfg.DataDir, "console_history"),
	})
}

// serve runs the Discord bot: over the gateway, or as an HTTP interactions
// endpoint when DISCORD_PUBLIC_KEY is set. With HTTP_ADDR set, the
// listener there also serves /healthz, /readyz and /metrics (http.go); it
// starts first, so probes are answered while the index builds.
func (a *app) serve(ctx context.Context) error {
	if a.cfg.DiscordToken == "" {
		return &ConfigError{"DISCORD_TOKEN", "required to run the bot; without it, run the console (claimbot console)"}
	}
	metrics := ops.New(ops.Options{})
	var web *opsServer
	if a.cfg.HTTPAddr != "" {
		var err error
		if web, err = listenOps(a.cfg.HTTPAddr, metrics, a.logger, a.cfg.DatabaseURL != ""); err != nil {
			return err
		}
		defer web.stop()
		if onListen != nil {
			onListen(web.Addr())
		}
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	metrics.WatchLibrary(lib.IndexStats)
	st, err := a.openState(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	// The poller is built here, once; it runs inside the bot (after the
	// gateway's READY) and posts what it adds through the bot. b is set
	// before the bot runs the poller.
	var b *bot.Bot
	deliver := func(ctx context.Context, rep library.Report) { b.Deliver(ctx, rep) }
	var poller bot.Poller = a.poller(lib, st, deliver, ingest.PollerOptions{
		OnPoll: func(r ingest.PollReport, err error) {
			metrics.FeedPoll(r, err)
			if added := r.Added(); len(added) > 0 {
				a.logger.Info("feed poll added articles", "articles", strings.Join(added, ","))
			}
		},
	})
	if a.cfg.DatabaseURL != "" {
		// One of several instances: the index follows the shared archive,
		// and the poller runs with the contradiction checks on whichever
		// instance holds the worker lock (shared.go).
		db, err := a.database(ctx)
		if err != nil {
			return err
		}
		metrics.WatchReplica(lib.ReplicaStatus)
		followCtx, stopFollow := context.WithCancel(ctx)
		followed := follow(followCtx, lib, db)
		defer func() { stopFollow(); <-followed }()
		poller = a.newWorker(db, lib, poller, metrics, deliver)
	}
	b, err = bot.New(bot.Config{
		Token:           a.cfg.DiscordToken,
		GuildID:         a.cfg.DiscordGuildID,
		PublicKey:       a.cfg.DiscordPublicKey,
		APIBase:         a.cfg.DiscordAPIBase,
		AlertChannelID:  a.cfg.AlertChannelID,
		ModeratorRoleID: a.cfg.ModeratorRoleID,
		OperatorGuilds:  a.cfg.OperatorGuilds,
		OnInvite:        func(u string) { fmt.Fprintln(a.stdout, a.lang.T(msgInvite, u)) },
		ClaimRate:       a.cfg.ClaimRateCount,
		ClaimWindow:     a.cfg.ClaimRateWindow,
	}, bot.Deps{Library: lib, Store: st, Logger: a.logger, Metrics: metrics, Ingest: a.botIngest(lib, st), Poller: poller})
	if err != nil {
		return err
	}
	if web != nil {
		web.lib.Store(lib)
		web.bot.Store(b)
	}
	if a.cfg.DiscordPublicKey == "" {
		err = b.RunGateway(ctx)
	} else {
		a.logger.Info("serving Discord interactions", "addr", web.Addr(), "path", "/interactions")
		web.setInteractions(b.HTTPHandler())
		err = b.RunHTTP(ctx) // returns after ctx is done and in-flight work drained
	}
	if web != nil {
		web.stop() // before the library closes under it
	}
	return err
}

var msgInvite = l10n.New("Add the bot to a server with: %s", "Den Bot zu einem Server hinzufügen: %s")

// onListen, when set (tests), is told the address the HTTP listener got.
var onListen func(addr string)
