package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/state"
)

// deliverAlert posts one alert to a guild's channel, at most once ever per
// guild and pair. The claim and the outbox entry are one step
// (Store.ClaimAndEnqueueAlert), before the post, so whatever happens next — the
// post fails, the process dies mid-post — the outbox still has the alert
// and RetryAlerts posts it; a successful post acks the entry. It reports
// whether the alert was posted now.
func (b *Bot) deliverAlert(ctx context.Context, log *slog.Logger, guildID, ch string, l lang, a claims.Alert) bool {
	id := alertID(a)
	payload, err := json.Marshal(outboxPayload{Locale: l.DiscordLocale(), Alert: a})
	if err != nil {
		log.ErrorContext(ctx, "encoding alert for the outbox failed; not posted", "alert", id, "err", err)
		return false
	}
	// Held before the entry exists, so the outbox pass cannot post it at
	// the same time. Held already: the outbox is posting it, so it was
	// claimed before.
	if !b.ops.hold(guildID, id) {
		return false
	}
	defer b.ops.release(guildID, id)
	p := state.PendingAlert{GuildID: guildID, AlertKey: id, ChannelID: ch, Payload: payload, NextAttempt: b.now()}
	first, err := b.claimAlert(ctx, log, p)
	if err != nil {
		log.WarnContext(ctx, "claiming alert failed; not posted", "alert", id, "err", err)
		return false
	}
	if !first {
		return false // posted (or queued) before
	}
	if err := b.post(ctx, ch, alertMessage(l, a, b.articleURLs(b.collection(guildID)))); err != nil {
		log.WarnContext(ctx, "posting alert failed; queued for retry", "alert", id, "channel", ch, "err", err)
		b.metrics().Alerts(AlertQueued, 1)
		b.enqueue(ctx, p, l, a, err)
		return false
	}
	b.ack(ctx, p)
	b.metrics().Alerts(AlertPosted, 1)
	return true
}

// claimAlert claims p's alert and queues p in one step, so an alert is
// never marked as posted without being in the outbox.
func (b *Bot) claimAlert(ctx context.Context, _ *slog.Logger, p state.PendingAlert) (bool, error) {
	return b.store.ClaimAndEnqueueAlert(ctx, p)
}

// retryAlert posts one due outbox entry, unless it is being posted right
// now or was acked since the outbox was read.
func (b *Bot) retryAlert(ctx context.Context, p state.PendingAlert) {
	if !b.ops.hold(p.GuildID, p.AlertKey) {
		return
	}
	defer b.ops.release(p.GuildID, p.AlertKey)
	cur, ok, err := b.pendingAlert(ctx, p.GuildID, p.AlertKey)
	if err != nil || !ok || cur.NextAttempt.After(b.now()) {
		return
	}
	p = cur
	log := b.log.With("guild", p.GuildID, "alert", p.AlertKey)
	var pl outboxPayload
	if err := json.Unmarshal(p.Payload, &pl); err != nil {
		log.ErrorContext(ctx, "outbox entry unreadable; removed", "err", err)
		b.ack(ctx, p)
		b.metrics().Alerts(AlertDropped, 1)
		return
	}
	_, judged, _ := b.store.Verdict(ctx, p.GuildID, p.AlertKey)
	ch, err := b.alertChannel(ctx, p.GuildID)
	if err != nil {
		return
	}
	if ch == "" || judged {
		log.InfoContext(ctx, "outbox alert dropped: alerts are off or the pair was judged")
		b.ack(ctx, p)
		b.metrics().Alerts(AlertDropped, 1)
		return
	}
	p.ChannelID = ch
	if err := b.post(ctx, ch, alertMessage(langOf(pl.Locale), pl.Alert, b.articleURLs(b.collection(p.GuildID)))); err != nil {
		log.WarnContext(ctx, "retrying alert failed", "attempts", p.Attempts+1, "err", err)
		b.enqueue(ctx, p, langOf(pl.Locale), pl.Alert, err)
		return
	}
	b.ack(ctx, p)
	b.metrics().Alerts(AlertRetried, 1)
	log.InfoContext(ctx, "alert posted from the outbox", "attempts", p.Attempts+1)
}

// pendingAlert reads one outbox entry afresh.
func (b *Bot) pendingAlert(ctx context.Context, guildID, key string) (state.PendingAlert, bool, error) {
	all, err := b.store.PendingAlerts(ctx, 0)
	if err != nil {
		return state.PendingAlert{}, false, err
	}
	for _, p := range all {
		if p.GuildID == guildID && p.AlertKey == key {
			return p, true, nil
		}
	}
	return state.PendingAlert{}, false, nil
}

// messageWithNonce is a channel message with a nonce Discord enforces: a
// second message with the same nonce within a few minutes returns the first
// instead of posting again. It makes a retried post (after a 5xx that was
// in fact carried out, or a restart right after a post) land once.
type messageWithNonce struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// alertNonce is derived from the channel and the message, so a re-rendered
// alert gets the same nonce. Discord allows 25 characters.
func alertNonce(channelID string, m *discordgo.MessageSend) string {
	data, _ := json.Marshal(m)
	sum := sha256.Sum256(append([]byte(channelID+"\x00"), data...))
	return hex.EncodeToString(sum[:])[:25]
}

// restPost sends a channel message over REST, with a nonce, retrying after
// Discord's 5xx.
func (b *Bot) restPost(ctx context.Context, channelID string, m *discordgo.MessageSend) error {
	for _, e := range m.Embeds {
		if e.Type == "" {
			e.Type = discordgo.EmbedTypeRich
		}
	}
	body := messageWithNonce{MessageSend: m, Nonce: alertNonce(channelID, m), EnforceNonce: true}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	return b.withRetry(ctx, "post", true, func() error {
		_, err := b.session.RequestWithBucketID("POST", endpoint, body, endpoint, discordgo.WithContext(ctx))
		return err
	})
}
