package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/dispatch"
	"github.com/claimbot/claimbot/library"
)

// alertPoster is the dispatcher's Poster: it renders an alert in the
// guild's language (alertMessage) and posts it with the bot's post
// function (REST with a nonce, or the console's printer).
type alertPoster struct{ b *Bot }

func (p alertPoster) PostAlert(ctx context.Context, channelID, locale string, a claims.Alert) error {
	if p.b.post == nil {
		return errNoPoster
	}
	return p.b.post(ctx, channelID, alertMessage(langOf(locale), a, p.b.alertURLs(ctx, channelID)))
}

var errNoPoster = errors.New("bot: no Discord session to post alerts with")

// alertViews is the dispatcher's Views: a guild sees the alerts of its
// collection's view (tenancy.go).
type alertViews struct{ b *Bot }

func (v alertViews) AlertsFor(guildID string, rep library.Report) []claims.Alert {
	return v.b.lib.AlertsFor(v.b.collection(guildID), rep)
}

// newDispatcher builds the bot's alert dispatcher (package dispatch): it
// claims, queues, posts (through alertPoster), retries and broadcasts;
// the bot renders and handles the verdict buttons.
func (b *Bot) newDispatcher() *dispatch.Dispatcher {
	return dispatch.New(dispatch.Config{
		Store:  b.store,
		Poster: alertPoster{b},
		Views:  alertViews{b},
		Key:    alertID,
		Locale: func(guildID string) string { return b.guildLang(guildID).DiscordLocale() },
		Kinds:  b.cfg.AlertKinds,
		Fallback: func(ctx context.Context) (string, string) {
			if g := b.fallback.get(ctx, b); g != "" {
				return g, b.cfg.AlertChannelID
			}
			return "", ""
		},
		Interval: b.cfg.OutboxInterval,
		Now:      b.now,
		After:    b.after,
		Logger:   b.log,
		Metrics:  b.metrics(),
	})
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

// alertURLs links an alert's articles as the guild whose alert channel
// channelID is sees them; the base's articles when no guild claims it.
func (b *Bot) alertURLs(ctx context.Context, channelID string) urlsOf {
	c := library.Base
	if all, err := b.store.ListGuildSettings(ctx); err == nil {
		for g, s := range all {
			if s.AlertChannelID == channelID {
				c = b.collection(g)
				break
			}
		}
	}
	if c == library.Base && channelID == b.cfg.AlertChannelID {
		if g := b.fallback.get(ctx, b); g != "" {
			c = b.collection(g)
		}
	}
	return b.articleURLs(c)
}
