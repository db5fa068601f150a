package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
)

// Set-up that works the first time: the token is checked before anything
// else and a rejected one is said as such; the invite URL is printed at
// start-up; /alerts channel refuses a channel the bot cannot post in.

// alertPermissions are what the bot needs in an alert channel (and all it
// asks for in the invite URL): see the channel, post, and post embeds.
var alertPermissions = []struct {
	bit  int64
	name l10n.Msg
}{
	{discordgo.PermissionViewChannel, l10n.New("View Channel", "Kanal ansehen")},
	{discordgo.PermissionSendMessages, l10n.New("Send Messages", "Nachrichten senden")},
	{discordgo.PermissionEmbedLinks, l10n.New("Embed Links", "Links einbetten")},
}

// InvitePermissions is the permission integer of the invite URL.
func InvitePermissions() int64 {
	var p int64
	for _, a := range alertPermissions {
		p |= a.bit
	}
	return p
}

// InviteURL is the link that adds the bot to a server with the scopes it
// needs (bot, applications.commands) and the permissions its alert
// channel needs.
func InviteURL(appID string) string {
	q := url.Values{}
	q.Set("client_id", appID)
	q.Set("scope", "bot applications.commands")
	q.Set("permissions", strconv.FormatInt(InvitePermissions(), 10))
	return "https://discord.com/oauth2/authorize?" + strings.ReplaceAll(q.Encode(), "+", "%20")
}

// ErrTokenRejected is returned at start-up when Discord refuses
// DISCORD_TOKEN. Its text is the one line the operator reads.
var ErrTokenRejected error = tokenRejected{}

type tokenRejected struct{}

func (tokenRejected) Error() string {
	return "Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal (Applications → your application → Bot → Reset Token) and put the new one into .env as DISCORD_TOKEN"
}

// rejected reports whether err is Discord's 401 for the token.
func rejected(err error) bool {
	var re *discordgo.RESTError
	return errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized
}

// checkToken asks Discord who the bot is, so a rejected token stops the
// start with one clear line instead of a gateway error; it learns the
// application ID for the invite URL and command registration, and
// announces the invite URL.
func (b *Bot) checkToken(ctx context.Context) error {
	u, err := b.session.User("@me", discordgo.WithContext(ctx))
	if rejected(err) {
		return ErrTokenRejected
	}
	if err != nil {
		return fmt.Errorf("bot: cannot check DISCORD_TOKEN with Discord (check the network, a proxy, or DISCORD_API_BASE): %w", err)
	}
	b.botUser.Store(u.ID)
	if b.AppID() == "" {
		a, err := b.session.Application("@me")
		if rejected(err) {
			return ErrTokenRejected
		}
		if err != nil {
			return fmt.Errorf("bot: look up the application ID: %w", err)
		}
		b.appID.Store(a.ID)
	}
	invite := InviteURL(b.AppID())
	b.log.InfoContext(ctx, "invite URL", "url", invite, "bot_user", u.Username)
	if b.cfg.OnInvite != nil {
		b.cfg.OnInvite(invite)
	}
	return nil
}

// botUserID is the bot's own user ID, once checkToken ran.
func (b *Bot) botUserID() string { s, _ := b.botUser.Load().(string); return s }

var (
	msgAlertsMissing = l10n.New("❌ I cannot post alerts in <#%s>: I lack %s there. Give the bot's role these permissions in that channel (Edit Channel → Permissions), or choose another channel. Nothing was changed.", "❌ In <#%s> kann ich keine Warnungen posten: Mir fehlt dort %s. Gib der Rolle des Bots diese Berechtigungen in dem Kanal (Kanal bearbeiten → Berechtigungen) oder wähle einen anderen Kanal. Es wurde nichts geändert.")
	msgAlertsNoSee   = l10n.New("❌ I cannot see <#%s> (or it is not in this server). Give the bot's role View Channel there, or choose another channel. Nothing was changed.", "❌ <#%s> kann ich nicht sehen (oder er gehört nicht zu diesem Server). Gib der Rolle des Bots dort „Kanal ansehen“ oder wähle einen anderen Kanal. Es wurde nichts geändert.")
)

// channelRefusal checks the bot's own permissions in a guild channel
// (Discord's rules: @everyone, then the bot's roles, Administrator, then
// the channel's overwrites for @everyone, the roles and the member) and
// says what is missing in the reader's language; "" when the bot can post
// alerts there. Without a REST session (the console) there is nothing to
// check.
func (b *Bot) channelRefusal(ctx context.Context, l lang, guildID, channelID string) (string, error) {
	if b.session == nil || b.botUserID() == "" {
		return "", nil
	}
	opt := discordgo.WithContext(ctx)
	ch, err := b.session.Channel(channelID, opt)
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && (re.Response.StatusCode == http.StatusForbidden || re.Response.StatusCode == http.StatusNotFound) {
			return l.T(msgAlertsNoSee, channelID), nil
		}
		return "", claimbot.Errorf(claimbot.EUNAVAILABLE, "read channel %s: %w", channelID, err)
	}
	if ch.GuildID != guildID {
		return l.T(msgAlertsNoSee, channelID), nil
	}
	roles, err := b.session.GuildRoles(guildID, opt)
	if err != nil {
		return "", claimbot.Errorf(claimbot.EUNAVAILABLE, "read the server's roles: %w", err)
	}
	member, err := b.session.GuildMember(guildID, b.botUserID(), opt)
	if err != nil {
		return "", claimbot.Errorf(claimbot.EUNAVAILABLE, "read the bot's roles: %w", err)
	}
	perms := channelPermissions(guildID, b.botUserID(), member.Roles, roles, ch.PermissionOverwrites)
	var missing []string
	for _, p := range alertPermissions {
		if perms&p.bit == 0 {
			missing = append(missing, "**"+l.T(p.name)+"**")
		}
	}
	if len(missing) == 0 {
		return "", nil
	}
	return l.T(msgAlertsMissing, channelID, l.List(missing)), nil
}

// channelPermissions computes a member's permissions in a channel as
// Discord does.
func channelPermissions(guildID, userID string, memberRoles []string, roles []*discordgo.Role, overwrites []*discordgo.PermissionOverwrite) int64 {
	var perms int64
	has := map[string]bool{}
	for _, r := range memberRoles {
		has[r] = true
	}
	for _, r := range roles {
		if r.ID == guildID || has[r.ID] { // the @everyone role has the guild's ID
			perms |= r.Permissions
		}
	}
	if perms&discordgo.PermissionAdministrator != 0 {
		return discordgo.PermissionAll
	}
	var allow, deny int64
	for _, o := range overwrites {
		if o.Type == discordgo.PermissionOverwriteTypeRole && o.ID == guildID {
			perms = perms&^o.Deny | o.Allow
		}
	}
	for _, o := range overwrites {
		if o.Type == discordgo.PermissionOverwriteTypeRole && has[o.ID] {
			allow |= o.Allow
			deny |= o.Deny
		}
	}
	perms = perms&^deny | allow
	for _, o := range overwrites {
		if o.Type == discordgo.PermissionOverwriteTypeMember && o.ID == userID {
			perms = perms&^o.Deny | o.Allow
		}
	}
	return perms
}
