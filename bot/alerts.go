package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// alertID is the alert's key in the store and in button custom IDs. It is
// claims.Alert.Key() unless that is too long for a custom_id, then a digest
// of it, so one pair always has one ID.
func alertID(a claims.Alert) string {
	k := a.Key()
	if len(k) <= maxCustomID-len(actionVerdict)-3 && !strings.Contains(k, ":") {
		return k
	}
	sum := sha256.Sum256([]byte(k))
	return "h" + hex.EncodeToString(sum[:20])
}

// Verdict button IDs: "verdict:<c|n>:<alert ID>".
func verdictID(value, id string) string {
	short := "c"
	if value == state.VerdictNotContradiction {
		short = "n"
	}
	return actionVerdict + ":" + short + ":" + id
}

func parseVerdictID(customID string) (value, id string, ok bool) {
	parts := strings.SplitN(customID, ":", 3)
	if len(parts) != 3 || parts[0] != actionVerdict || parts[2] == "" {
		return "", "", false
	}
	switch parts[1] {
	case "c":
		return state.VerdictConfirmed, parts[2], true
	case "n":
		return state.VerdictNotContradiction, parts[2], true
	}
	return "", "", false
}

// verdictButtons are the moderators' buttons under an alert; once a
// verdict is in (chosen != ""), both are disabled and the chosen one is
// highlighted.
func verdictButtons(l lang, id, chosen string) []discordgo.MessageComponent {
	confirmed := discordgo.Button{Label: l.T(msgVerdictConfirmed), Style: discordgo.DangerButton, CustomID: verdictID(state.VerdictConfirmed, id)}
	dismissed := discordgo.Button{Label: l.T(msgVerdictNot), Style: discordgo.SecondaryButton, CustomID: verdictID(state.VerdictNotContradiction, id)}
	if chosen != "" {
		confirmed.Disabled, dismissed.Disabled = true, true
		if chosen == state.VerdictNotContradiction {
			confirmed.Style, dismissed.Style = discordgo.SecondaryButton, discordgo.SuccessButton
		}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{confirmed, dismissed}}}
}

// PostAlerts posts contradiction alerts to a guild's alert channel (its
// /alerts setting, else Config.AlertChannelID when that channel is the
// guild's). Each pair is posted at most once per guild, ever (state
// ClaimAlert), and never after a moderator gave a verdict on it. A post
// that fails (403, 5xx, network) is queued in the outbox and retried by
// RetryAlerts. It returns how many were posted now. The caller decides
// which guild sees which alerts (deliverReport).
func (b *Bot) PostAlerts(ctx context.Context, guildID string, alerts []claims.Alert) int {
	b.metrics().Alerts(AlertRaised, len(b.postable(alerts)))
	return b.postAlerts(ctx, guildID, alerts)
}

// Deliver posts the alerts an addition or a re-index outside a command
// raised (the feed poller's, in cmd) to the guilds whose views see them,
// and returns how many were posted.
func (b *Bot) Deliver(ctx context.Context, rep library.Report) int {
	n := 0
	for _, k := range b.deliverReport(ctx, rep) {
		n += k
	}
	return n
}

// postable keeps the alerts of the kinds that go to alert channels.
func (b *Bot) postable(alerts []claims.Alert) []claims.Alert {
	var out []claims.Alert
	for _, a := range alerts {
		if b.cfg.AlertKinds == nil && a.Kind.Alerts() || slices.Contains(b.cfg.AlertKinds, a.Kind) {
			out = append(out, a)
		}
	}
	return out
}

func (b *Bot) postAlerts(ctx context.Context, guildID string, alerts []claims.Alert) int {
	alerts = b.postable(alerts)
	if len(alerts) == 0 || b.post == nil {
		return 0
	}
	log := b.log.With("guild", guildID)
	ch, err := b.alertChannel(ctx, guildID)
	if err != nil {
		log.WarnContext(ctx, "alert channel unknown; alerts not posted", "err", err)
		return 0
	}
	if ch == "" {
		return 0
	}
	l := b.guildLang(guildID)
	posted := 0
	for _, a := range alerts {
		id := alertID(a)
		if _, judged, err := b.store.Verdict(ctx, guildID, id); err == nil && judged {
			continue
		}
		if b.deliverAlert(ctx, log, guildID, ch, l, a) { // alertpost.go
			posted++
		}
	}
	return posted
}

// alertChannel is where a guild's alerts go; "" when they are off.
func (b *Bot) alertChannel(ctx context.Context, guildID string) (string, error) {
	s, err := b.store.GuildSettings(ctx, guildID)
	if err != nil {
		return "", err
	}
	switch s.AlertChannelID {
	case alertsOff:
		return "", nil
	case "":
		// ALERT_CHANNEL_ID is a channel of one guild: only that guild's
		// alerts may go there.
		if g := b.fallback.get(ctx, b); g != "" && g == guildID {
			return b.cfg.AlertChannelID, nil
		}
		return "", nil
	}
	return s.AlertChannelID, nil
}

// outboxPayload is what the outbox keeps of an alert: enough to render
// it again in the guild's language.
type outboxPayload struct {
	Locale string       `json:"locale"`
	Alert  claims.Alert `json:"alert"`
}

// enqueue puts a failed post into the outbox with exponential back-off.
func (b *Bot) enqueue(ctx context.Context, p state.PendingAlert, l lang, a claims.Alert, cause error) {
	payload, err := json.Marshal(outboxPayload{Locale: l.DiscordLocale(), Alert: a})
	if err != nil {
		b.log.ErrorContext(ctx, "encoding alert for the outbox failed", "alert", p.AlertKey, "err", err)
		return
	}
	p.Payload = payload
	p.Attempts++
	p.LastError = cause.Error()
	p.NextAttempt = b.now().Add(b.backoff(p.Attempts))
	if err := b.store.EnqueueAlert(ctx, p); err != nil {
		b.log.ErrorContext(ctx, "queueing alert failed; it is lost", "alert", p.AlertKey, "err", err)
	}
}

func (b *Bot) backoff(attempts int) time.Duration {
	d := b.cfg.OutboxInterval
	for i := 1; i < attempts && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// RetryAlerts posts the outbox entries that are due. Entries for guilds
// whose alerts were turned off, or that a moderator has since judged, are
// removed without posting.
func (b *Bot) RetryAlerts(ctx context.Context) error {
	if b.post == nil {
		return nil
	}
	b.ops.retryMu.Lock()
	defer b.ops.retryMu.Unlock()
	pending, err := b.store.PendingAlerts(ctx, 100)
	if err != nil {
		return fmt.Errorf("read alert outbox: %w", err)
	}
	now := b.now()
	for _, p := range pending {
		if p.NextAttempt.After(now) {
			continue
		}
		b.retryAlert(ctx, p) // alertpost.go
	}
	return nil
}

func (b *Bot) ack(ctx context.Context, p state.PendingAlert) {
	if err := b.store.AckAlert(ctx, p.GuildID, p.AlertKey); err != nil {
		b.log.WarnContext(ctx, "acking outbox alert failed", "guild", p.GuildID, "alert", p.AlertKey, "err", err)
	}
}

// runOutbox retries the outbox every OutboxInterval until ctx is done.
func (b *Bot) runOutbox(ctx context.Context) {
	for {
		if err := b.RetryAlerts(ctx); err != nil && ctx.Err() == nil {
			b.log.WarnContext(ctx, "alert outbox", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-b.after(b.cfg.OutboxInterval):
		}
	}
}
