package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/l10n"
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
	cmdHelp       = "help"

	subAlertsChannel = "channel"
	subAlertsOff     = "off"
)

// Permission bits Discord sends in member.permissions.
const (
	permAdministrator = int64(discordgo.PermissionAdministrator) // 1 << 3
	permManageGuild   = int64(discordgo.PermissionManageGuild)   // 1 << 5
)

// maxResults is the most passages one /claim page shows.
const maxResults = 5

// command is one row of the command table: what Discord registers, the
// handler, who may run it and how it is delivered. Registration
// (Commands), routing (Bot.route), /help, the console and the permission
// tests all read this table, so they cannot disagree.
type command struct {
	def    func() *discordgo.ApplicationCommand
	handle func(b *Bot, ctx context.Context, in Input) (Reply, error)
	// moderator commands are refused to others before anything runs, and
	// only work in servers.
	moderator bool
	// operator commands change what every guild sees: only operator
	// guilds may run them (the console is one).
	operator bool
	// slow commands are deferred at once: their work is known to take
	// longer than Discord's 3 s.
	slow func(Input) bool
	// public reports whether a deferred first response should be visible
	// to everyone; the deferral fixes the message's visibility.
	public func(Input) bool
	// console commands can be typed in the local console; the others
	// (a message context menu) need something only Discord has.
	console bool
}

// commandTable is every command claimbot has. It is filled in init: /help
// reads the table, so a literal would be an initialization cycle.
var commandTable []command

func init() {
	commandTable = []command{
		{def: claimCommand, handle: (*Bot).claim, console: true, public: func(in Input) bool { return in.boolOpt("public") }},
		{def: checkClaimCommand, handle: (*Bot).checkClaim},
		{def: sourceCommand, handle: (*Bot).source, console: true},
		{def: timelineCommand, handle: (*Bot).timeline, console: true},
		{def: statsCommand, handle: (*Bot).stats, console: true},
		{def: helpCommand, handle: (*Bot).help, console: true},
		{def: alertsCommand, handle: (*Bot).alerts, moderator: true, console: true},
		{def: articleCommand, handle: (*Bot).article, moderator: true, console: true, slow: func(in Input) bool { return in.Sub == subArticleAdd }},
		{def: feedsCommand, handle: (*Bot).feeds, moderator: true, console: true, slow: func(in Input) bool { return in.Sub == subFeedsAdd }},
		{def: reindexCommand, handle: (*Bot).reindex, moderator: true, operator: true, console: true, slow: func(Input) bool { return true }},
	}
}

// commandByName finds a command's row by its (unlocalized) name.
func commandByName(name string) (command, *discordgo.ApplicationCommand, bool) {
	for _, c := range commandTable {
		if d := c.def(); d.Name == name {
			return c, d, true
		}
	}
	return command{}, nil, false
}

// Commands returns the application commands claimbot registers, as data.
// Moderator commands carry default_member_permissions (Manage Server) so
// Discord hides them from others, and are limited to guilds; the handlers
// check again on the server side because server admins can override the
// default.
func Commands() []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(commandTable))
	for _, c := range commandTable {
		d := c.def()
		if c.moderator {
			moderatorOnly(d)
		}
		out = append(out, d)
	}
	return out
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

// The command definitions. Descriptions and German names come from the
// catalogue (l10n), like every other text.

// german is a catalogue message's German text as a Discord localization.
func german(m l10n.Msg) map[discordgo.Locale]string {
	return map[discordgo.Locale]string{discordgo.German: de.T(m)}
}

func germanPtr(m l10n.Msg) *map[discordgo.Locale]string { g := german(m); return &g }

// chat is a slash command usable in servers and DMs.
func chat(name string, desc l10n.Msg, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Type:                     discordgo.ChatApplicationCommand,
		Name:                     name,
		Description:              en.T(desc),
		DescriptionLocalizations: germanPtr(desc),
		Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM},
		Options:                  opts,
	}
}

// option is a command option; name is a catalogue message whose English
// text is the option's name and whose German text its German name.
func option(typ discordgo.ApplicationCommandOptionType, name, desc l10n.Msg, required bool) *discordgo.ApplicationCommandOption {
	o := &discordgo.ApplicationCommandOption{
		Type:                     typ,
		Name:                     en.T(name),
		Description:              en.T(desc),
		DescriptionLocalizations: german(desc),
		Required:                 required,
	}
	if n := de.T(name); n != o.Name {
		o.NameLocalizations = german(name)
	}
	return o
}

func subcommand(name, desc l10n.Msg, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	o := option(discordgo.ApplicationCommandOptionSubCommand, name, desc, false)
	o.Options = opts
	return o
}

func textOption(name, desc l10n.Msg, required bool, minLen, maxLen int) *discordgo.ApplicationCommandOption {
	o := option(discordgo.ApplicationCommandOptionString, name, desc, required)
	if minLen > 0 {
		o.MinLength = &minLen
	}
	o.MaxLength = maxLen
	return o
}

var (
	nameQuery    = l10n.New("query", "anfrage")
	nameResults  = l10n.New("results", "treffer")
	namePublic   = l10n.New("public", "öffentlich")
	nameArticle  = l10n.New("article", "artikel")
	nameTopic    = l10n.New("topic", "thema")
	nameChannel  = l10n.New("channel", "kanal")
	nameOff      = l10n.New("off", "aus")
	nameAdd      = l10n.New("add", "hinzufügen")
	nameRemove   = l10n.New("remove", "entfernen")
	nameRestore  = l10n.New("restore", "wiederherstellen")
	nameExclude  = l10n.New("exclude", "ausschließen")
	nameInclude  = l10n.New("include", "einschließen")
	nameList     = l10n.New("list", "liste")
	nameFile     = l10n.New("file", "datei")
	nameURL      = l10n.New("url", "url")
	nameID       = l10n.New("id", "id")
	nameCheck    = l10n.New("Check claim", "Behauptung prüfen")
	nameCommand  = l10n.New("command", "befehl")
	descClaim    = l10n.New("Find sourced passages in the news archive for a claim", "Belegte Passagen im Nachrichtenarchiv zu einer Behauptung finden")
	descQuery    = l10n.New("The claim to look up, e.g. “Nordkorea schickt 100.000 Soldaten”", "Die Behauptung, z. B. „Nordkorea schickt 100.000 Soldaten“")
	descResults  = l10n.New("How many passages to show at once (1–5, default 3)", "Wie viele Passagen auf einmal (1–5, Standard 3)")
	descPublic   = l10n.New("Show the answer to everyone in the channel (default: only you)", "Antwort allen im Kanal zeigen (Standard: nur dir)")
	descSource   = l10n.New("Show an article's metadata and summary", "Metadaten und Zusammenfassung eines Artikels zeigen")
	descArticle  = l10n.New("Start typing a title, or give an article ID", "Titel eintippen und auswählen oder Artikel-ID angeben")
	descReindex  = l10n.New("Rebuild the search index from the article files (operators)", "Suchindex aus den Artikeldateien neu aufbauen (Betreiber)")
	descAlerts   = l10n.New("Choose where contradiction alerts are posted (moderators)", "Festlegen, wohin Widerspruchswarnungen gehen (Moderation)")
	descAlertsCh = l10n.New("Post contradiction alerts to this channel", "Widerspruchswarnungen in diesen Kanal posten")
	descChannel  = l10n.New("A text channel the bot can post in", "Ein Textkanal, in dem der Bot schreiben darf")
	descAlertOff = l10n.New("Stop posting contradiction alerts in this server", "Keine Widerspruchswarnungen mehr auf diesem Server")
	descStats    = l10n.New("Articles, passages and index age", "Artikel, Passagen und Alter des Index")
	descTimeline = l10n.New("The reported figures for one subject in date order", "Die berichteten Zahlen zu einem Thema in zeitlicher Reihenfolge")
	descTopic    = l10n.New("A subject, e.g. “Soldaten” or “Minenräumer”", "Ein Thema, z. B. „Soldaten“ oder „Minenräumer“")
	descHelp     = l10n.New("What claimbot can do, and how", "Was claimbot kann und wie")
	descHelpCmd  = l10n.New("Only this command", "Nur dieser Befehl")
	descCheck    = l10n.New("Right-click a message → Apps → Check claim: looks up its text", "Rechtsklick auf eine Nachricht → Apps → Behauptung prüfen: sucht ihren Text")

	descArticleCmd = l10n.New("Add articles to the archive, remove them or keep them out of answers (moderators)", "Artikel ins Archiv aufnehmen, entfernen oder aus Antworten heraushalten (Moderation)")
	descArtAdd     = l10n.New("Add a news article from a file or a web page", "Einen Nachrichtenartikel aus einer Datei oder von einer Webseite hinzufügen")
	descArtFile    = l10n.New("A .txt, .md (with front matter) or .html file", "Eine .txt-, .md- (mit Front Matter) oder .html-Datei")
	descArtURL     = l10n.New("The article's web address (https://…)", "Die Webadresse des Artikels (https://…)")
	descArtRemove  = l10n.New("Remove an added article (it goes to the trash; restore undoes it)", "Einen hinzugefügten Artikel entfernen (Papierkorb; wiederherstellen holt ihn zurück)")
	descArtRemID   = l10n.New("The article to remove", "Der zu entfernende Artikel")
	descArtRestore = l10n.New("Bring back a removed article", "Einen entfernten Artikel zurückholen")
	descArtResID   = l10n.New("The removed article", "Der entfernte Artikel")
	descArtExclude = l10n.New("Keep an article in the archive but out of every answer", "Einen Artikel im Archiv behalten, aber aus allen Antworten heraushalten")
	descArtExcID   = l10n.New("The article to exclude", "Der auszuschließende Artikel")
	descArtInclude = l10n.New("Return an excluded article in answers again", "Einen ausgeschlossenen Artikel wieder in Antworten zeigen")
	descArtIncID   = l10n.New("The excluded article", "Der ausgeschlossene Artikel")

	descFeedsCmd  = l10n.New("RSS and Atom feeds the archive grows from (moderators)", "RSS- und Atom-Feeds, aus denen das Archiv wächst (Moderation)")
	descFeedAdd   = l10n.New("Subscribe to a feed: its new articles are added and checked", "Einen Feed abonnieren: neue Artikel werden aufgenommen und geprüft")
	descFeedURL   = l10n.New("The feed's address (RSS or Atom, https://…)", "Die Adresse des Feeds (RSS oder Atom, https://…)")
	descFeedList  = l10n.New("The subscribed feeds and when they were last polled", "Die abonnierten Feeds und wann sie zuletzt abgerufen wurden")
	descFeedRem   = l10n.New("Unsubscribe from a feed (its articles stay)", "Ein Feed-Abo beenden (seine Artikel bleiben)")
	descFeedRemID = l10n.New("The feed's address, as /feeds list shows it", "Die Adresse des Feeds, wie /feeds liste sie zeigt")
)

func claimCommand() *discordgo.ApplicationCommand {
	minResults := float64(1)
	results := option(discordgo.ApplicationCommandOptionInteger, nameResults, descResults, false)
	results.MinValue, results.MaxValue = &minResults, maxResults
	return chat(cmdClaim, descClaim,
		textOption(nameQuery, descQuery, true, 1, maxQueryRunes),
		results,
		option(discordgo.ApplicationCommandOptionBoolean, namePublic, descPublic, false),
	)
}

func checkClaimCommand() *discordgo.ApplicationCommand {
	c := chat(cmdCheckClaim, descCheck)
	// Context-menu commands have a localized name and no description.
	c.Type, c.Description, c.DescriptionLocalizations = discordgo.MessageApplicationCommand, "", nil
	c.NameLocalizations = germanPtr(nameCheck)
	return c
}

func sourceCommand() *discordgo.ApplicationCommand {
	o := option(discordgo.ApplicationCommandOptionString, nameArticle, descArticle, true)
	o.Autocomplete = true
	return chat(cmdSource, descSource, o)
}

func timelineCommand() *discordgo.ApplicationCommand {
	return chat(cmdTimeline, descTimeline, textOption(nameTopic, descTopic, true, 1, maxQueryRunes))
}

func statsCommand() *discordgo.ApplicationCommand { return chat(cmdStats, descStats) }

func helpCommand() *discordgo.ApplicationCommand {
	o := option(discordgo.ApplicationCommandOptionString, nameCommand, descHelpCmd, false)
	o.Autocomplete = true
	return chat(cmdHelp, descHelp, o)
}

func reindexCommand() *discordgo.ApplicationCommand { return chat(cmdReindex, descReindex) }

func alertsCommand() *discordgo.ApplicationCommand {
	ch := option(discordgo.ApplicationCommandOptionChannel, nameChannel, descChannel, true)
	ch.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
	return chat(cmdAlerts, descAlerts,
		subcommand(nameChannel, descAlertsCh, ch),
		subcommand(nameOff, descAlertOff),
	)
}

func articleCommand() *discordgo.ApplicationCommand {
	id := func(desc l10n.Msg) *discordgo.ApplicationCommandOption {
		o := option(discordgo.ApplicationCommandOptionString, nameID, desc, true)
		o.Autocomplete = true
		return o
	}
	url := textOption(nameURL, descArtURL, false, 0, 2000)
	return chat(cmdArticle, descArticleCmd,
		subcommand(nameAdd, descArtAdd, option(discordgo.ApplicationCommandOptionAttachment, nameFile, descArtFile, false), url),
		subcommand(nameRemove, descArtRemove, id(descArtRemID)),
		subcommand(nameRestore, descArtRestore, id(descArtResID)),
		subcommand(nameExclude, descArtExclude, id(descArtExcID)),
		subcommand(nameInclude, descArtInclude, id(descArtIncID)),
	)
}

func feedsCommand() *discordgo.ApplicationCommand {
	rem := textOption(nameURL, descFeedRemID, true, 0, 2000)
	rem.Autocomplete = true
	return chat(cmdFeeds, descFeedsCmd,
		subcommand(nameAdd, descFeedAdd, textOption(nameURL, descFeedURL, true, 0, 2000)),
		subcommand(nameList, descFeedList),
		subcommand(nameRemove, descFeedRem, rem),
	)
}
