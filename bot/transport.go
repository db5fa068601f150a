package bot

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RewriteTransport sends requests for https://discord.com to another base
// URL (DISCORD_API_BASE): a rate-limit proxy in production, a fake Discord
// in tests. discordgo's endpoints are package variables fixed at init, so
// redirecting at the transport is the only per-session way; the gateway
// address follows because discordgo asks GET /gateway for it.
type RewriteTransport struct {
	// Base is the scheme and host (and optional path prefix) to use.
	Base *url.URL
	// Next sends the rewritten request (default http.DefaultTransport).
	Next http.RoundTripper
}

// RoundTrip rewrites Discord's host and passes the request on.
func (t *RewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.Next
	if next == nil {
		next = http.DefaultTransport
	}
	if !isDiscordHost(req.URL.Host) {
		return next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = t.Base.Scheme
	r.URL.Host = t.Base.Host
	r.Host = t.Base.Host
	if p := strings.TrimSuffix(t.Base.Path, "/"); p != "" {
		r.URL.Path = p + r.URL.Path
		if r.URL.RawPath != "" {
			r.URL.RawPath = p + r.URL.RawPath
		}
	}
	return next.RoundTrip(r)
}

func isDiscordHost(h string) bool {
	h = strings.ToLower(h)
	return h == "discord.com" || h == "discordapp.com" || h == "discord.com:443"
}

// newSession builds the discordgo session for REST and the gateway: the
// token, the API base, no privileged intents, logs routed into slog.
func (b *Bot) newSession() (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + b.cfg.Token)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: 20 * time.Second}
	if b.cfg.APIBase != "" {
		base, err := parseAPIBase(b.cfg.APIBase)
		if err != nil {
			return nil, err
		}
		client.Transport = &RewriteTransport{Base: base}
	}
	client.Transport = &metricsTransport{next: client.Transport, m: b.metrics}
	s.Client = client
	// Guilds is not privileged; it tells the bot which guilds it is in
	// (for alerts) and their locale. No message content, no members.
	s.Identify.Intents = discordgo.IntentsGuilds
	s.StateEnabled = false
	s.ShouldReconnectOnError = true
	s.LogLevel = discordgo.LogInformational
	routeDiscordgoLogs(b.log, b.cfg.Token)
	b.watchSession(s)
	return s, nil
}
