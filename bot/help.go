package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/l10n"
)

var (
	msgHelpTitle     = l10n.New("What claimbot can do", "Was claimbot kann")
	msgHelpIntro     = l10n.New("claimbot looks claims up in an archive of news articles and answers with the passages, their outlet, date and paragraph, and whom the article cites. When a new article contradicts the archive, moderators get an alert.", "claimbot sucht Behauptungen in einem Archiv von Nachrichtenartikeln und antwortet mit den Passagen, ihrem Medium, Datum und Absatz und mit der Quelle, die der Artikel nennt. Widerspricht ein neuer Artikel dem Archiv, bekommt die Moderation eine Warnung.")
	msgHelpEveryone  = l10n.New("For everyone", "Für alle")
	msgHelpModerator = l10n.New("For moderators (Manage Server or the moderator role)", "Für die Moderation (Server verwalten oder Moderatorenrolle)")
	msgHelpFooter    = l10n.New("/help command: shows one command with its options.", "/help befehl: zeigt einen Befehl mit seinen Optionen.")
	msgHelpNoCommand = l10n.New("There is no command “%s”. /help lists them all.", "Einen Befehl „%s“ gibt es nicht. /help zeigt alle.")
	msgHelpRequired  = l10n.New("required", "nötig")
)

// help is /help [command:]: the command table rendered for people, in
// the reader's language, so it cannot drift from what is registered.
func (b *Bot) help(_ context.Context, in Input) (Reply, error) {
	l := in.lang()
	if name := strings.TrimPrefix(strings.TrimSpace(in.stringOpt("command")), "/"); name != "" {
		for _, c := range commandTable {
			d := c.def()
			if strings.EqualFold(d.Name, name) || strings.EqualFold(localName(l, d), name) {
				return Reply{Embeds: []*discordgo.MessageEmbed{commandHelp(l, c, d)}, Ephemeral: true}, nil
			}
		}
		return textReply(l.T(msgHelpNoCommand, escapeMarkdown(truncatePlain(name, 40)))), nil
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{helpEmbed(l)}, Ephemeral: true}, nil
}

// helpEmbed lists every command, one line per command or subcommand.
func helpEmbed(l lang) *discordgo.MessageEmbed {
	var everyone, mods []string
	for _, c := range commandTable {
		lines := helpLines(l, c, c.def())
		if c.moderator {
			mods = append(mods, lines...)
		} else {
			everyone = append(everyone, lines...)
		}
	}
	return &discordgo.MessageEmbed{
		Title:       "❔ " + l.T(msgHelpTitle),
		Description: l.T(msgHelpIntro),
		Color:       colorInfo,
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.T(msgHelpEveryone), Value: strings.Join(everyone, "\n")},
			{Name: l.T(msgHelpModerator), Value: strings.Join(mods, "\n")},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: l.T(msgHelpFooter)},
	}
}

// helpLines are a command's lines in the overview: "`/claim anfrage
// [treffer]` – description", one per subcommand where it has them.
func helpLines(l lang, c command, d *discordgo.ApplicationCommand) []string {
	suffix := ""
	if d.Type == discordgo.MessageApplicationCommand {
		return []string{"**" + localName(l, d) + "** – " + l.T(descCheck)}
	}
	var subs []*discordgo.ApplicationCommandOption
	for _, o := range d.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs = append(subs, o)
		}
	}
	if len(subs) == 0 {
		return []string{"`" + usage(l, "/"+d.Name, d.Options) + "` – " + localDesc(l, d.Description, d.DescriptionLocalizations) + suffix}
	}
	var lines []string
	for _, s := range subs {
		lines = append(lines, "`"+usage(l, "/"+d.Name+" "+localOptName(l, s), s.Options)+"` – "+localDesc(l, s.Description, &s.DescriptionLocalizations)+suffix)
	}
	return lines
}

// commandHelp is one command with each option explained.
func commandHelp(l lang, c command, d *discordgo.ApplicationCommand) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: "❔ /" + localName(l, d), Color: colorInfo}
	if d.Type == discordgo.MessageApplicationCommand {
		e.Title = "❔ " + localName(l, d)
		e.Description = l.T(descCheck)
		return e
	}
	e.Description = localDesc(l, d.Description, d.DescriptionLocalizations)
	if c.moderator {
		e.Description += "\n*" + l.T(msgHelpModerator) + "*"
	}
	add := func(prefix string, opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if o.Type == discordgo.ApplicationCommandOptionSubCommand {
				e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
					Name:  usage(l, prefix+" "+localOptName(l, o), o.Options),
					Value: optionLines(l, o.Options, localDesc(l, o.Description, &o.DescriptionLocalizations)),
				})
			}
		}
	}
	add("/"+d.Name, d.Options)
	if len(e.Fields) == 0 && len(d.Options) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: usage(l, "/"+d.Name, d.Options), Value: optionLines(l, d.Options, "")})
	}
	return e
}

func optionLines(l lang, opts []*discordgo.ApplicationCommandOption, head string) string {
	lines := []string{}
	if head != "" {
		lines = append(lines, head)
	}
	for _, o := range opts {
		line := "• `" + localOptName(l, o) + "`: " + localDesc(l, o.Description, &o.DescriptionLocalizations)
		if o.Required {
			line += " (" + l.T(msgHelpRequired) + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// usage is "/claim anfrage [treffer] [öffentlich]".
func usage(l lang, prefix string, opts []*discordgo.ApplicationCommandOption) string {
	parts := []string{prefix}
	for _, o := range opts {
		if o.Required {
			parts = append(parts, localOptName(l, o)+":")
		} else {
			parts = append(parts, "["+localOptName(l, o)+":]")
		}
	}
	return strings.Join(parts, " ")
}

func localName(l lang, d *discordgo.ApplicationCommand) string {
	if l == de && d.NameLocalizations != nil {
		if n := (*d.NameLocalizations)[discordgo.German]; n != "" {
			return n
		}
	}
	return d.Name
}

func localOptName(l lang, o *discordgo.ApplicationCommandOption) string {
	if l == de {
		if n := o.NameLocalizations[discordgo.German]; n != "" {
			return n
		}
	}
	return o.Name
}

func localDesc(l lang, d string, locs *map[discordgo.Locale]string) string {
	if l == de && locs != nil {
		if s := (*locs)[discordgo.German]; s != "" {
			return s
		}
	}
	return d
}

// helpChoices autocompletes /help command: with the command names.
func helpChoices(l lang, typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(typed), "/"))
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, c := range commandTable {
		d := c.def()
		if d.Type != discordgo.ChatApplicationCommand {
			continue
		}
		if typed == "" || strings.HasPrefix(d.Name, typed) {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: "/" + d.Name + " – " + localDesc(l, d.Description, d.DescriptionLocalizations), Value: d.Name})
		}
	}
	return out
}
