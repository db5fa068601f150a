package bot

import (
	"github.com/bwmarrin/discordgo"
)

// Command names. They are part of the contract with users and with the
// registration on Discord's side; renaming one orphans the old command.
const (
	cmdClaim      = "claim"
	cmdCheckClaim = "Check claim" // message context menu; such names may contain spaces
	cmdSource     = "source"
	cmdReindex    = "reindex"
	cmdAlerts     = "alerts"
	cmdStats      = "stats"
	cmdTimeline   = "timeline"

	subAlertsChannel = "channel"
	subAlertsOff     = "off"
)

// Permission bits Discord sends in member.permissions.
const (
	permAdministrator = int64(discordgo.PermissionAdministrator) // 1 << 3
	permManageGuild   = int64(discordgo.PermissionManageGuild)   // 1 << 5
)

// maxResults is the most passages one /claim page shows; five embeds plus a
// disagreement embed stay well inside Discord's 10 embeds and 6000
// characters.
const maxResults = 5

// Commands returns the application commands claimbot registers, as data.
// Moderator commands carry default_member_permissions (Manage Server) so
// Discord hides them from others, and are limited to guilds; the handlers
// check again on the server side because server admins can override the
// default.
func Commands() []*discordgo.ApplicationCommand {
	minQuery, minResults := 1, float64(1)
	anywhere := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	de := func(s string) *map[discordgo.Locale]string { return &map[discordgo.Locale]string{discordgo.German: s} }
	deOpt := func(s string) map[discordgo.Locale]string { return map[discordgo.Locale]string{discordgo.German: s} }

	return []*discordgo.ApplicationCommand{
		{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdClaim,
			Description:              "Find sourced passages in the news archive for a claim",
			DescriptionLocalizations: de("Belegte Passagen im Nachrichtenarchiv zu einer Behauptung finden"),
			Contexts:                 anywhere,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:                     discordgo.ApplicationCommandOptionString,
					Name:                     "query",
					NameLocalizations:        deOpt("anfrage"),
					Description:              "The claim to look up, e.g. “Nordkorea schickt 100.000 Soldaten”",
					DescriptionLocalizations: deOpt("Die Behauptung, z. B. „Nordkorea schickt 100.000 Soldaten“"),
					Required:                 true,
					MinLength:                &minQuery,
					MaxLength:                maxQueryRunes,
				},
				{
					Type:                     discordgo.ApplicationCommandOptionInteger,
					Name:                     "results",
					NameLocalizations:        deOpt("treffer"),
					Description:              "How many passages to show at once (1–5, default 3)",
					DescriptionLocalizations: deOpt("Wie viele Passagen auf einmal (1–5, Standard 3)"),
					MinValue:                 &minResults,
					MaxValue:                 maxResults,
				},
				{
					Type:                     discordgo.ApplicationCommandOptionBoolean,
					Name:                     "public",
					NameLocalizations:        deOpt("öffentlich"),
					Description:              "Show the answer to everyone in the channel (default: only you)",
					DescriptionLocalizations: deOpt("Antwort allen im Kanal zeigen (Standard: nur dir)"),
				},
			},
		},
		{
			Type:              discordgo.MessageApplicationCommand,
			Name:              cmdCheckClaim,
			NameLocalizations: de("Behauptung prüfen"),
			Contexts:          anywhere,
		},
		{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdSource,
			Description:              "Show an article's metadata and summary",
			DescriptionLocalizations: de("Metadaten und Zusammenfassung eines Artikels zeigen"),
			Contexts:                 anywhere,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:                     discordgo.ApplicationCommandOptionString,
				Name:                     "article",
				NameLocalizations:        deOpt("artikel"),
				Description:              "Start typing a title",
				DescriptionLocalizations: deOpt("Titel eintippen und auswählen"),
				Required:                 true,
				Autocomplete:             true,
			}},
		},
		moderatorOnly(&discordgo.ApplicationCommand{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdReindex,
			Description:              "Rebuild the search index from the article files (moderators)",
			DescriptionLocalizations: de("Suchindex aus den Artikeldateien neu aufbauen (Moderation)"),
		}),
		moderatorOnly(&discordgo.ApplicationCommand{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdAlerts,
			Description:              "Choose where contradiction alerts are posted (moderators)",
			DescriptionLocalizations: de("Festlegen, wohin Widerspruchs-Warnungen gehen (Moderation)"),
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:                     discordgo.ApplicationCommandOptionSubCommand,
					Name:                     subAlertsChannel,
					NameLocalizations:        deOpt("kanal"),
					Description:              "Post contradiction alerts to this channel",
					DescriptionLocalizations: deOpt("Widerspruchs-Warnungen in diesen Kanal posten"),
					Options: []*discordgo.ApplicationCommandOption{{
						Type:                     discordgo.ApplicationCommandOptionChannel,
						Name:                     "channel",
						NameLocalizations:        deOpt("kanal"),
						Description:              "A text channel the bot can post in",
						DescriptionLocalizations: deOpt("Ein Textkanal, in dem der Bot schreiben darf"),
						Required:                 true,
						ChannelTypes:             []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
					}},
				},
				{
					Type:                     discordgo.ApplicationCommandOptionSubCommand,
					Name:                     subAlertsOff,
					NameLocalizations:        deOpt("aus"),
					Description:              "Stop posting contradiction alerts in this server",
					DescriptionLocalizations: deOpt("Keine Widerspruchs-Warnungen mehr auf diesem Server"),
				},
			},
		}),
		{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdStats,
			Description:              "Articles, passages and index age",
			DescriptionLocalizations: de("Artikel, Passagen und Alter des Index"),
			Contexts:                 anywhere,
		},
		{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmdTimeline,
			Description:              "The reported figures for one subject in date order",
			DescriptionLocalizations: de("Die berichteten Zahlen zu einem Thema in zeitlicher Reihenfolge"),
			Contexts:                 anywhere,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:                     discordgo.ApplicationCommandOptionString,
				Name:                     "topic",
				NameLocalizations:        deOpt("thema"),
				Description:              "A subject, e.g. “Soldaten” or “Minenräumer”",
				DescriptionLocalizations: deOpt("Ein Thema, z. B. „Soldaten“ oder „Minenräumer“"),
				Required:                 true,
				MinLength:                &minQuery,
				MaxLength:                maxQueryRunes,
			}},
		},
		articleCommand(), // article.go
		feedsCommand(),   // feeds.go
	}
}

// moderatorOnly makes a command a moderator command: hidden from members
// without Manage Server by default and offered only in guilds. The
// handlers check again, since server admins can change the default.
func moderatorOnly(c *discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	perms := permManageGuild
	no := false
	c.DefaultMemberPermissions = &perms
	//lint:ignore SA1019 set beside Contexts for older clients
	c.DMPermission = &no
	c.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	return c
}
