package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/state"
)

// console serves the library in a local console: the main job on a machine
// without a Discord token.
func (a *app) console(ctx context.Context) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	st, err := state.OpenBolt(filepath.Join(a.cfg.DataDir, "state.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	return bot.RunConsole(ctx, bot.Deps{Library: lib, Store: st, Logger: a.logger}, a.stdin, a.stdout)
}

// serve runs the Discord bot: over the gateway, or as an HTTP interactions
// endpoint when DISCORD_PUBLIC_KEY is set.
func (a *app) serve(ctx context.Context) error {
	if a.cfg.DiscordToken == "" {
		return &ConfigError{"DISCORD_TOKEN", "required to run the bot; without it, run the console (claimbot console)"}
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	st, err := state.OpenBolt(filepath.Join(a.cfg.DataDir, "state.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := bot.New(bot.Config{
		Token:           a.cfg.DiscordToken,
		GuildID:         a.cfg.DiscordGuildID,
		PublicKey:       a.cfg.DiscordPublicKey,
		APIBase:         a.cfg.DiscordAPIBase,
		AlertChannelID:  a.cfg.AlertChannelID,
		ModeratorRoleID: a.cfg.ModeratorRoleID,
		ClaimRate:       a.cfg.ClaimRateCount,
		ClaimWindow:     a.cfg.ClaimRateWindow,
	}, bot.Deps{Library: lib, Store: st, Logger: a.logger})
	if err != nil {
		return err
	}
	if a.cfg.DiscordPublicKey == "" {
		return b.RunGateway(ctx)
	}
	return a.serveHTTP(ctx, b)
}

func (a *app) serveHTTP(ctx context.Context, b *bot.Bot) error {
	ln, err := net.Listen("tcp", a.cfg.HTTPAddr)
	if err != nil {
		return &ConfigError{"HTTP_ADDR", fmt.Sprintf("cannot listen on %q: %v", a.cfg.HTTPAddr, err)}
	}
	srv := &http.Server{
		Handler:           b.HTTPHandler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
	}
	a.logger.Info("serving Discord interactions", "addr", ln.Addr().String(), "path", "/interactions")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	runErr := b.RunHTTP(ctx) // returns after ctx is done and in-flight work drained
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		a.logger.Warn("http shutdown", "err", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return runErr
}
