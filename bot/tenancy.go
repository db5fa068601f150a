package bot

import (
	"context"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/library"
)

// Tenancy: every guild reads the shared base and its own collection, and
// its moderators change only its own. Operator guilds (Config.
// OperatorGuilds, and the console, whose user owns the machine) change the
// base instead. Direct messages read the base.

// isOperator reports whether a guild's moderators change the base.
func (b *Bot) isOperator(guildID string) bool {
	return guildID == consoleGuild || guildID != "" && b.operators[guildID]
}

// collection is the collection a guild's moderators change and whose view
// its members read: the base for operator guilds and direct messages, the
// guild's own otherwise. A guild ID that is not a snowflake gets a
// collection the library refuses, rather than someone else's.
func (b *Bot) collection(guildID string) library.Collection {
	if guildID == "" || b.isOperator(guildID) {
		return library.Base
	}
	c, err := library.GuildCollection(guildID)
	if err != nil {
		return library.Collection("invalid-guild")
	}
	return c
}

// feedScope is the owner of a guild's feeds in the state store: "" (the
// operators) for an operator guild, else the guild.
func (b *Bot) feedScope(guildID string) string {
	if b.isOperator(guildID) {
		return ""
	}
	return guildID
}

// fallbackGuild is the guild Config.AlertChannelID belongs to. A channel
// belongs to one guild, and alerts raised in another guild must never be
// posted where that guild's members cannot see them, or where this one's
// can. It is DISCORD_GUILD_ID when set, else asked from Discord once.
type fallbackGuild struct {
	mu sync.Mutex
	id string
}

func (f *fallbackGuild) get(ctx context.Context, b *Bot) string {
	if b.cfg.AlertChannelID == "" {
		return ""
	}
	if b.cfg.GuildID != "" {
		return b.cfg.GuildID
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.id != "" || b.session == nil {
		return f.id
	}
	ch, err := b.session.Channel(b.cfg.AlertChannelID, discordgo.WithContext(ctx))
	if err != nil || ch.GuildID == "" {
		b.log.WarnContext(ctx, "the guild of ALERT_CHANNEL_ID is unknown; it gets no alerts until Discord says", "channel", b.cfg.AlertChannelID, "err", err)
		return ""
	}
	f.id = ch.GuildID
	return f.id
}
