package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

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
// guild's). Each pair is posted at most once per guild, ever, and never
// after a moderator gave a verdict on it; a post that fails (403, 5xx,
// network) is queued in the outbox and retried by RetryAlerts (package
// dispatch does all of it). It returns how many were posted now. The
// caller decides which guild sees which alerts (Deliver does for a
// change).
func (b *Bot) PostAlerts(ctx context.Context, guildID string, alerts []claims.Alert) int {
	if b.post == nil {
		return 0
	}
	return b.dispatch.Post(ctx, guildID, alerts)
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

// deliverReport posts the alerts a change raised to the guilds that see
// them and returns how many were posted in each (dispatch.Deliver).
func (b *Bot) deliverReport(ctx context.Context, rep library.Report) map[string]int {
	if b.post == nil {
		return map[string]int{}
	}
	return b.dispatch.Deliver(ctx, rep)
}

// postable keeps the alerts of the kinds that go to alert channels.
func (b *Bot) postable(alerts []claims.Alert) []claims.Alert { return b.dispatch.Postable(alerts) }

// alertChannel is where a guild's alerts go; "" when they are off.
func (b *Bot) alertChannel(ctx context.Context, guildID string) (string, error) {
	return b.dispatch.Channel(ctx, guildID)
}

// RetryAlerts posts the outbox entries that are due. Entries for guilds
// whose alerts were turned off, or that a moderator has since judged, are
// removed without posting.
func (b *Bot) RetryAlerts(ctx context.Context) error {
	if b.post == nil {
		return nil
	}
	return b.dispatch.Retry(ctx)
}

// runOutbox retries the outbox every OutboxInterval until ctx is done.
func (b *Bot) runOutbox(ctx context.Context) { b.dispatch.Run(ctx) }
