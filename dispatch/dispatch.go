// Package dispatch posts contradiction alerts to the guilds that see them,
// each alert once per guild however many instances of the bot raise it.
//
// A Dispatcher owns the whole way from an alert to a channel: which guilds
// a change reaches (broadcast), the claim in the state store that makes an
// alert one guild's once, the outbox entry written in the same step, the
// post through a Poster (the Discord adapter, which renders the alert), the
// ack after the post, and the retries with back-off of what could not be
// posted. The store is the only coordination: claims and outbox leases are
// taken in it (state.Store.ClaimAndEnqueueAlert, LeaseAlerts), so several
// processes sharing one database post each alert once between them, and a
// process that dies mid-post leaves an entry another posts when its lease
// ends.
package dispatch

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// Store is the part of state.Store the dispatcher uses.
type Store interface {
	GuildSettings(ctx context.Context, guildID string) (state.GuildSettings, error)
	ListGuildSettings(ctx context.Context) (map[string]state.GuildSettings, error)
	Verdict(ctx context.Context, guildID, alertKey string) (state.Verdict, bool, error)
	ClaimAndEnqueueAlert(ctx context.Context, p state.PendingAlert) (first bool, err error)
	EnqueueAlert(ctx context.Context, p state.PendingAlert) error
	LeaseAlerts(ctx context.Context, now, until time.Time, limit int) ([]state.PendingAlert, error)
	AckAlert(ctx context.Context, guildID, alertKey string) error
}

var _ Store = state.Store(nil)

// Poster renders one alert in a language and posts it to a channel: the
// Discord adapter. A post it cannot make is an error; the dispatcher
// queues the alert and tries again later.
type Poster interface {
	PostAlert(ctx context.Context, channelID, locale string, a claims.Alert) error
}

// Views says which of a change's alerts a guild sees (the bot's tenancy:
// its collection's view, without what it excludes).
type Views interface {
	AlertsFor(guildID string, rep library.Report) []claims.Alert
}

// Metrics counts alerts at each stage.
type Metrics interface {
	Alerts(stage string, n int)
}

// Stages of an alert, for Metrics.
const (
	Raised  = "raised"  // new postable alerts from a re-index or an addition
	Posted  = "posted"  // posted to an alert channel
	Queued  = "queued"  // a post failed; waiting in the outbox
	Retried = "retried" // posted from the outbox
	Dropped = "dropped" // removed from the outbox unposted (alerts off, judged)
)

// Config configures New. Store and Views are required.
type Config struct {
	Store Store
	// Poster posts; nil posts nothing (every Deliver and Post returns 0).
	Poster Poster
	Views  Views
	// Key is an alert's key in the store, which the verdict buttons carry
	// too (default claims.Alert.Key).
	Key func(claims.Alert) string
	// Locale is the language of a guild's alerts, kept with a queued alert
	// so a retry (by any instance) renders it the same (default "").
	Locale func(guildID string) string
	// Kinds are the kinds posted to alert channels (default: those whose
	// Kind.Alerts is true).
	Kinds []claims.Kind
	// Fallback is the operators' default alert channel and the guild it
	// belongs to (ALERT_CHANNEL_ID), for guilds that never chose one; it
	// returns "" when there is none or its guild is not known yet.
	Fallback func(ctx context.Context) (guildID, channelID string)
	// Interval is how often Run retries the outbox, and the first back-off
	// after a failed post, doubling up to an hour (default 1 min).
	Interval time.Duration
	// Lease is how long an alert being posted is kept from other workers
	// (default 2 min): longer than a post with its retries takes, and
	// short enough that an alert whose poster died goes out soon.
	Lease time.Duration
	// Batch is how many outbox entries one pass leases (default 100).
	Batch   int
	Now     func() time.Time
	After   func(time.Duration) <-chan time.Time
	Logger  *slog.Logger
	Metrics Metrics
}

// Dispatcher delivers alerts; create it with New. It is safe for
// concurrent use.
type Dispatcher struct {
	cfg Config
}

// New returns a Dispatcher.
func New(cfg Config) *Dispatcher {
	if cfg.Key == nil {
		cfg.Key = claims.Alert.Key
	}
	if cfg.Locale == nil {
		cfg.Locale = func(string) string { return "" }
	}
	if cfg.Fallback == nil {
		cfg.Fallback = func(context.Context) (string, string) { return "", "" }
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Minute
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2 * time.Minute
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 100
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.After == nil {
		cfg.After = time.After
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = nopMetrics{}
	}
	return &Dispatcher{cfg: cfg}
}

type nopMetrics struct{}

func (nopMetrics) Alerts(string, int) {}

// Postable keeps the alerts of the kinds that go to alert channels.
func (d *Dispatcher) Postable(alerts []claims.Alert) []claims.Alert {
	var out []claims.Alert
	for _, a := range alerts {
		if d.cfg.Kinds == nil && a.Kind.Alerts() || slices.Contains(d.cfg.Kinds, a.Kind) {
			out = append(out, a)
		}
	}
	return out
}

// Deliver posts the alerts a change raised to the guilds that see them: a
// guild collection's to that guild alone; the base's to every guild with
// an alert channel, each with the alerts its view has (Views). It returns
// how many were posted now in each guild.
func (d *Dispatcher) Deliver(ctx context.Context, rep library.Report) map[string]int {
	guilds := []string{rep.Collection.Guild()}
	if rep.Collection.IsBase() {
		guilds = d.alertGuilds(ctx)
	}
	posted := map[string]int{}
	raised := 0
	for _, g := range guilds {
		alerts := d.Postable(d.cfg.Views.AlertsFor(g, rep))
		raised += len(alerts)
		if n := d.post(ctx, g, alerts); n > 0 {
			posted[g] = n
		}
	}
	d.cfg.Metrics.Alerts(Raised, raised)
	return posted
}

// Post posts alerts to one guild's alert channel and returns how many were
// posted now: each at most once per guild, ever, and never after a
// moderator gave a verdict on it. The caller decides which guild sees
// which alerts; Deliver does that for a change.
func (d *Dispatcher) Post(ctx context.Context, guildID string, alerts []claims.Alert) int {
	alerts = d.Postable(alerts)
	d.cfg.Metrics.Alerts(Raised, len(alerts))
	return d.post(ctx, guildID, alerts)
}

// alertGuilds are the guilds alerts for everyone go to: those with an
// alert channel in the store (shared by every instance, so it knows
// guilds this process never heard from) and the operators' default
// channel's guild.
func (d *Dispatcher) alertGuilds(ctx context.Context) []string {
	var out []string
	settings, err := d.cfg.Store.ListGuildSettings(ctx)
	if err != nil {
		d.cfg.Logger.WarnContext(ctx, "listing guild settings failed; alerts for everyone go to the default channel only", "err", err)
	}
	for g, s := range settings {
		if s.AlertChannelID != "" && s.AlertChannelID != state.AlertsOff {
			out = append(out, g)
		}
	}
	slices.Sort(out)
	if g, _ := d.cfg.Fallback(ctx); g != "" && !slices.Contains(out, g) {
		out = append(out, g)
	}
	return out
}

// Channel is where a guild's alerts go: its /alerts setting, else the
// default channel when that is the guild's; "" when alerts are off.
func (d *Dispatcher) Channel(ctx context.Context, guildID string) (string, error) {
	s, err := d.cfg.Store.GuildSettings(ctx, guildID)
	if err != nil {
		return "", err
	}
	switch s.AlertChannelID {
	case state.AlertsOff:
		return "", nil
	case "":
		// The default channel belongs to one guild: only that guild's
		// alerts may go there.
		if g, ch := d.cfg.Fallback(ctx); g != "" && g == guildID {
			return ch, nil
		}
		return "", nil
	}
	return s.AlertChannelID, nil
}

func (d *Dispatcher) post(ctx context.Context, guildID string, alerts []claims.Alert) int {
	if len(alerts) == 0 || d.cfg.Poster == nil || guildID == "" {
		return 0
	}
	log := d.cfg.Logger.With("guild", guildID)
	ch, err := d.Channel(ctx, guildID)
	if err != nil {
		log.WarnContext(ctx, "alert channel unknown; alerts not posted", "err", err)
		return 0
	}
	if ch == "" {
		return 0
	}
	locale := d.cfg.Locale(guildID)
	posted := 0
	for _, a := range alerts {
		if d.deliver(ctx, log, guildID, ch, locale, a) {
			posted++
		}
	}
	return posted
}

// payload is what the outbox keeps of an alert: enough to render it again
// in the guild's language. Its form is the one the bot's outbox had, so
// entries queued before an upgrade are read.
type payload struct {
	Locale string       `json:"locale"`
	Alert  claims.Alert `json:"alert"`
}

// deliver posts one alert to a guild's channel, at most once ever per
// guild and alert. The claim and the outbox entry are one step, before the
// post, and the entry is leased to this caller (its next attempt is a
// lease away), so whatever happens next — the post fails, the process dies
// mid-post — the outbox has the alert and a later pass posts it, here or in
// another instance; the post acks the entry. It reports whether the alert
// was posted now.
func (d *Dispatcher) deliver(ctx context.Context, log *slog.Logger, guildID, ch, locale string, a claims.Alert) bool {
	key := d.cfg.Key(a)
	log = log.With("alert", key)
	if _, judged, err := d.cfg.Store.Verdict(ctx, guildID, key); err == nil && judged {
		return false
	}
	data, err := json.Marshal(payload{Locale: locale, Alert: a})
	if err != nil {
		log.ErrorContext(ctx, "encoding alert for the outbox failed; not posted", "err", err)
		return false
	}
	now := d.cfg.Now()
	p := state.PendingAlert{GuildID: guildID, AlertKey: key, ChannelID: ch, Payload: data, Enqueued: now, NextAttempt: now.Add(d.cfg.Lease)}
	first, err := d.cfg.Store.ClaimAndEnqueueAlert(ctx, p)
	if err != nil {
		log.WarnContext(ctx, "claiming alert failed; not posted", "err", err)
		return false
	}
	if !first {
		return false // posted (or queued) before, here or elsewhere
	}
	if err := d.cfg.Poster.PostAlert(ctx, ch, locale, a); err != nil {
		log.WarnContext(ctx, "posting alert failed; queued for retry", "channel", ch, "err", err)
		d.cfg.Metrics.Alerts(Queued, 1)
		d.requeue(ctx, p, err)
		return false
	}
	d.ack(ctx, p)
	d.cfg.Metrics.Alerts(Posted, 1)
	return true
}

// requeue puts a failed post back into the outbox with exponential
// back-off.
func (d *Dispatcher) requeue(ctx context.Context, p state.PendingAlert, cause error) {
	p.Attempts++
	p.LastError = cause.Error()
	p.NextAttempt = d.cfg.Now().Add(d.backoff(p.Attempts))
	if err := d.cfg.Store.EnqueueAlert(ctx, p); err != nil {
		// The entry is still there with its lease: it is tried again when
		// the lease ends.
		d.cfg.Logger.ErrorContext(ctx, "re-queueing alert failed; it is tried again when its lease ends", "guild", p.GuildID, "alert", p.AlertKey, "err", err)
	}
}

func (d *Dispatcher) backoff(attempts int) time.Duration {
	b := d.cfg.Interval
	for i := 1; i < attempts && b < time.Hour; i++ {
		b *= 2
	}
	return min(b, time.Hour)
}

func (d *Dispatcher) ack(ctx context.Context, p state.PendingAlert) {
	if err := d.cfg.Store.AckAlert(ctx, p.GuildID, p.AlertKey); err != nil {
		d.cfg.Logger.WarnContext(ctx, "acking outbox alert failed; it may be posted again when its lease ends", "guild", p.GuildID, "alert", p.AlertKey, "err", err)
	}
}

// Retry posts the outbox entries that are due, leased from the store so
// that no other pass, here or in another instance, posts them at the same
// time. Entries for guilds whose alerts were turned off, or that a
// moderator has since judged, are removed without posting.
func (d *Dispatcher) Retry(ctx context.Context) error {
	if d.cfg.Poster == nil {
		return nil
	}
	now := d.cfg.Now()
	leased, err := d.cfg.Store.LeaseAlerts(ctx, now, now.Add(d.cfg.Lease), d.cfg.Batch)
	if err != nil {
		return fmt.Errorf("lease alerts from the outbox: %w", err)
	}
	for _, p := range leased {
		if ctx.Err() != nil {
			return ctx.Err() // the rest are due again when their lease ends
		}
		d.retry(ctx, p)
	}
	return nil
}

func (d *Dispatcher) retry(ctx context.Context, p state.PendingAlert) {
	log := d.cfg.Logger.With("guild", p.GuildID, "alert", p.AlertKey)
	var pl payload
	if err := json.Unmarshal(p.Payload, &pl); err != nil {
		log.ErrorContext(ctx, "outbox entry unreadable; removed", "err", err)
		d.ack(ctx, p)
		d.cfg.Metrics.Alerts(Dropped, 1)
		return
	}
	_, judged, err := d.cfg.Store.Verdict(ctx, p.GuildID, p.AlertKey)
	if err != nil {
		log.WarnContext(ctx, "reading the verdict failed; tried again later", "err", err)
		return
	}
	ch, err := d.Channel(ctx, p.GuildID)
	if err != nil {
		log.WarnContext(ctx, "alert channel unknown; tried again later", "err", err)
		return
	}
	if ch == "" || judged {
		log.InfoContext(ctx, "outbox alert dropped: alerts are off or the pair was judged")
		d.ack(ctx, p)
		d.cfg.Metrics.Alerts(Dropped, 1)
		return
	}
	p.ChannelID = ch
	if err := d.cfg.Poster.PostAlert(ctx, ch, pl.Locale, pl.Alert); err != nil {
		log.WarnContext(ctx, "retrying alert failed", "attempts", p.Attempts+1, "err", err)
		d.requeue(ctx, p, err)
		return
	}
	d.ack(ctx, p)
	d.cfg.Metrics.Alerts(Retried, 1)
	log.InfoContext(ctx, "alert posted from the outbox", "attempts", p.Attempts+1)
}

// Run retries the outbox every Interval until ctx is done.
func (d *Dispatcher) Run(ctx context.Context) {
	for {
		if err := d.Retry(ctx); err != nil && ctx.Err() == nil {
			d.cfg.Logger.WarnContext(ctx, "alert outbox", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-d.cfg.After(d.cfg.Interval):
		}
	}
}
