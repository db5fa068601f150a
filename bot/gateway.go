package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// RunGateway connects to the Discord gateway, registers the commands (bulk
// overwrite: in Config.GuildID, or globally), answers interactions and
// retries the alert outbox until ctx is cancelled. It then stops taking
// new interactions, waits up to Config.ShutdownTimeout for those in flight
// and disconnects.
func (b *Bot) RunGateway(ctx context.Context) error {
	if b.session == nil {
		return errors.New("bot: gateway mode needs a token (DISCORD_TOKEN)")
	}
	if err := b.checkToken(ctx); err != nil {
		return err
	}
	s := b.session
	var once sync.Once
	ready := make(chan struct{})
	remove := []func(){
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			for _, g := range r.Guilds {
				b.rememberGuild(g.ID, "")
			}
			if r.Application != nil && r.Application.ID != "" && b.AppID() == "" {
				b.appID.Store(r.Application.ID)
			}
			once.Do(func() { close(ready) })
		}),
		s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) {
			if g.Guild != nil {
				b.rememberGuild(g.ID, string(g.PreferredLocale))
			}
		}),
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			if ic.Interaction == nil || ic.ID == "" || ic.Token == "" {
				// discordgo hands on what it could decode of a malformed
				// payload; without an ID and token it cannot be answered.
				b.log.Warn("undecodable interaction ignored")
				return
			}
			b.serve(ctx, restResponder{s: s, i: ic.Interaction, b: b}, inputOf(ic.Interaction))
		}),
	}
	defer func() {
		for _, r := range remove {
			r()
		}
	}()
	if err := s.Open(); err != nil {
		if rejected(err) {
			return ErrTokenRejected
		}
		return fmt.Errorf("bot: connect to the Discord gateway: %w", err)
	}
	b.log.InfoContext(ctx, "connected to the Discord gateway")

	select {
	case <-ready:
		if err := b.registerCommands(ctx); err != nil {
			// The commands registered last time keep working.
			b.log.ErrorContext(ctx, "registering commands failed", "err", err)
		}
	case <-ctx.Done():
	}
	outboxDone := make(chan struct{})
	go func() { defer close(outboxDone); b.runOutbox(ctx) }()
	// After READY: the guilds that get feed articles' alerts are known.
	feedsDone := b.startPoller(ctx)

	<-ctx.Done()
	b.drain()
	<-outboxDone
	<-feedsDone
	if err := s.Close(); err != nil {
		b.log.WarnContext(ctx, "closing the gateway", "err", err)
	}
	b.log.Info("disconnected from the Discord gateway")
	return nil
}

// registerCommands replaces the application's commands with Commands():
// in Config.GuildID when set (instant, for development), globally otherwise.
func (b *Bot) registerCommands(ctx context.Context) error {
	app := b.AppID()
	if app == "" {
		a, err := b.session.Application("@me")
		if err != nil {
			return fmt.Errorf("look up the application ID: %w", err)
		}
		app = a.ID
		b.appID.Store(app)
	}
	cmds, err := b.session.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, Commands(), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bulk overwrite commands: %w", err)
	}
	scope := "globally"
	if b.cfg.GuildID != "" {
		scope = "in guild " + b.cfg.GuildID
	}
	b.log.InfoContext(ctx, "commands registered", "count", len(cmds), "scope", scope)
	return nil
}

// drain stops taking interactions and waits, bounded, for those in flight.
func (b *Bot) drain() {
	idle := b.track.close()
	select {
	case <-idle:
	case <-b.after(b.cfg.ShutdownTimeout):
		b.log.Warn("shutdown: interactions still running", "running", b.track.running())
	}
}

// tracker counts interactions in flight and refuses new ones once closed.
// (A sync.WaitGroup may not be added to while it is being waited on.)
type tracker struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{}
}

func (t *tracker) start() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.n++
	return true
}

func (t *tracker) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 && t.idle != nil {
		close(t.idle)
		t.idle = nil
	}
}

func (t *tracker) close() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	ch := make(chan struct{})
	if t.n == 0 {
		close(ch)
	} else {
		t.idle = ch
	}
	return ch
}

func (t *tracker) running() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}
