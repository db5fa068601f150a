package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// /article and its subcommands.
const (
	cmdArticle = "article"

	subArticleAdd     = "add"
	subArticleRemove  = "remove"
	subArticleRestore = "restore"
	subArticleExclude = "exclude"
	subArticleInclude = "include"
)

// Corpus is what /article changes in the library (*library.Library):
// always one collection, the guild's (see collection).
type Corpus interface {
	Add(ctx context.Context, c library.Collection, files []library.File) (library.Report, error)
	Remove(ctx context.Context, c library.Collection, id string) error
	Restore(ctx context.Context, c library.Collection, id string) (library.Report, error)
	Exclude(ctx context.Context, c library.Collection, id string) error
	Include(ctx context.Context, c library.Collection, id string) error
	Excluded(c library.Collection) []string
	Trashed(c library.Collection) []string
}

var _ Corpus = (*library.Library)(nil)

// FeedStore is the part of state.Store /feeds uses: each guild's feeds
// and what became of their items. The poller that reads them runs in cmd.
type FeedStore interface {
	AddFeed(ctx context.Context, f state.Feed) error
	ListFeeds(ctx context.Context, guildID string) ([]state.Feed, error)
	RemoveFeed(ctx context.Context, guildID, url string) error
	FeedItems(ctx context.Context, guildID, feedURL string) ([]state.FeedItem, error)
}

var _ FeedStore = state.Store(nil)

// Ingest lets moderators grow their collection from Discord: /article
// (add a page or a file, remove, restore, exclude, include) and /feeds.
// Set Deps.Ingest to enable it.
type Ingest struct {
	// Ingester fetches pages, attachments and feeds (required).
	Ingester *ingest.Ingester
	// Corpus is what /article changes (required).
	Corpus Corpus
	// Feeds holds the feed subscriptions; without it /feeds says feeds
	// are not set up.
	Feeds FeedStore
	// FeedInterval is how often the poller (run by the caller) polls,
	// for the replies (default ingest.DefaultPollInterval).
	FeedInterval time.Duration
}

// ingestion is the bot's resolved Ingest.
type ingestion struct {
	fetch    *ingest.Ingester
	corpus   Corpus
	feeds    FeedStore
	interval time.Duration
}

// newIngestion resolves deps.Ingest; nil when ingestion is off.
func newIngestion(deps Deps) (*ingestion, error) {
	in := deps.Ingest
	if in == nil {
		return nil, nil
	}
	if in.Ingester == nil || in.Corpus == nil {
		return nil, fmt.Errorf("bot: Deps.Ingest needs an Ingester and a Corpus")
	}
	g := &ingestion{fetch: in.Ingester, corpus: in.Corpus, feeds: in.Feeds, interval: in.FeedInterval}
	if g.interval <= 0 {
		g.interval = ingest.DefaultPollInterval
	}
	return g, nil
}

// articleCommand is /article, for moderators.
func articleCommand() *discordgo.ApplicationCommand {
	de := func(s string) map[discordgo.Locale]string { return map[discordgo.Locale]string{discordgo.German: s} }
	idOpt := func(desc, descDE string) []*discordgo.ApplicationCommandOption {
		return []*discordgo.ApplicationCommandOption{{
			Type:                     discordgo.ApplicationCommandOptionString,
			Name:                     "id",
			Description:              desc,
			DescriptionLocalizations: de(descDE),
			Required:                 true,
			Autocomplete:             true,
		}}
	}
	descDE := "Artikel ins Archiv aufnehmen, entfernen oder aus Antworten heraushalten (Moderation)"
	return moderatorOnly(&discordgo.ApplicationCommand{
		Type:                     discordgo.ChatApplicationCommand,
		Name:                     cmdArticle,
		Description:              "Add articles to the archive, remove them or keep them out of answers (moderators)",
		DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.German: descDE},
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subArticleAdd,
				NameLocalizations:        de("hinzufügen"),
				Description:              "Add a news article from a file or a web page",
				DescriptionLocalizations: de("Einen Nachrichtenartikel aus einer Datei oder von einer Webseite hinzufügen"),
				Options: []*discordgo.ApplicationCommandOption{
					{
						Type:                     discordgo.ApplicationCommandOptionAttachment,
						Name:                     "file",
						NameLocalizations:        de("datei"),
						Description:              "A .txt, .md (with front matter) or .html file",
						DescriptionLocalizations: de("Eine .txt-, .md- (mit Front Matter) oder .html-Datei"),
					},
					{
						Type:                     discordgo.ApplicationCommandOptionString,
						Name:                     "url",
						Description:              "The article's web address (https://…)",
						DescriptionLocalizations: de("Die Webadresse des Artikels (https://…)"),
						MaxLength:                2000,
					},
				},
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subArticleRemove,
				NameLocalizations:        de("entfernen"),
				Description:              "Remove an added article (it goes to the trash; restore undoes it)",
				DescriptionLocalizations: de("Einen hinzugefügten Artikel entfernen (Papierkorb; restore macht es rückgängig)"),
				Options:                  idOpt("The article to remove", "Der zu entfernende Artikel"),
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subArticleRestore,
				NameLocalizations:        de("wiederherstellen"),
				Description:              "Bring back a removed article",
				DescriptionLocalizations: de("Einen entfernten Artikel zurückholen"),
				Options:                  idOpt("The removed article", "Der entfernte Artikel"),
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subArticleExclude,
				NameLocalizations:        de("ausschließen"),
				Description:              "Keep an article in the archive but out of every answer",
				DescriptionLocalizations: de("Einen Artikel im Archiv behalten, aber aus allen Antworten heraushalten"),
				Options:                  idOpt("The article to exclude", "Der auszuschließende Artikel"),
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subArticleInclude,
				NameLocalizations:        de("einschließen"),
				Description:              "Return an excluded article in answers again",
				DescriptionLocalizations: de("Einen ausgeschlossenen Artikel wieder in Antworten zeigen"),
				Options:                  idOpt("The excluded article", "Der ausgeschlossene Artikel"),
			},
		},
	})
}

// attachment returns the file uploaded for an attachment option.
func (in Input) attachment(name string) *discordgo.MessageAttachment {
	id := in.stringOpt(name)
	if id == "" {
		return nil
	}
	return in.Attachments[id]
}

// article is /article add|remove|restore|exclude|include, on the guild's
// collection (the base in an operator guild).
func (b *Bot) article(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	if b.ing == nil {
		return textReply(l.t(msgIngestOff)), nil
	}
	if in.Sub == subArticleAdd {
		return b.articleAdd(ctx, in)
	}
	id := strings.TrimSpace(in.stringOpt("id"))
	if id == "" {
		return textReply(l.t(msgArticleNeedsID)), nil
	}
	if !articles.ValidID(id) {
		// Refused before anything looks the ID up: an option must never
		// reach a path, a pattern or a query, whatever the library does.
		return textReply(l.t(msgBadArticleID, escapeMarkdown(articles.Shown(id, 40)), articles.MaxIDLen) + "\n" + l.t(msgNothingChanged)), nil
	}
	c := b.collection(in.GuildID)
	title := id
	if a, ok := b.lib.Article(c, id); ok {
		title = oneLine(a.Title)
	}
	shown := escapeMarkdown(truncatePlain(title, 200))
	corpus := b.ing.corpus
	var (
		text string
		err  error
		rep  library.Report
	)
	switch in.Sub {
	case subArticleRemove:
		if err = corpus.Remove(ctx, c, id); err == nil {
			text = l.t(msgArticleRemoved, shown, id)
		}
	case subArticleRestore:
		if rep, err = corpus.Restore(ctx, c, id); err == nil {
			newID := id
			if len(rep.Added) > 0 {
				newID = rep.Added[0]
			}
			if a, ok := b.lib.Article(c, newID); ok {
				shown = escapeMarkdown(truncatePlain(oneLine(a.Title), 200))
				title = oneLine(a.Title)
			}
			text = l.t(msgArticleRestored, shown, newID)
			if newID != id {
				text += "\n" + l.t(msgRestoredAs, id, newID)
			}
			posted := b.deliverReport(ctx, rep)
			text += "\n" + l.t(msgRestoreAlerts, b.alertSummary(ctx, l, in.GuildID, len(b.postable(b.lib.AlertsFor(c, rep))), posted[in.GuildID]))
		}
	case subArticleExclude:
		if err = corpus.Exclude(ctx, c, id); err == nil {
			text = l.t(msgArticleExcluded, shown, id)
			if !c.IsBase() {
				text += "\n" + l.t(msgOnlyHere)
			}
		}
	case subArticleInclude:
		if err = corpus.Include(ctx, c, id); err == nil {
			text = l.t(msgArticleIncluded, shown, id)
		}
	default:
		return textReply(l.t(msgUnknownCmd)), nil
	}
	if err != nil {
		return b.curationRefusal(l, in.Sub, id, err)
	}
	b.audit(ctx, in, "article."+in.Sub, id, title)
	return textReply(text), nil
}

// curationRefusal explains why remove/restore/exclude/include did not
// happen, in the user's language where the bot knows the case; the
// library's own message (English) is quoted for the rest.
func (b *Bot) curationRefusal(l lang, sub, id string, err error) (Reply, error) {
	var text string
	switch code := claimbot.ErrorCode(err); {
	case code == claimbot.ENOTFOUND && (sub == subArticleRemove || sub == subArticleExclude):
		text = l.t(msgNoSuchArticle, id)
	case code == claimbot.ENOTFOUND && sub == subArticleRestore:
		text = l.t(msgNoSuchRemoved, id)
	case code == claimbot.ENOTFOUND && sub == subArticleInclude:
		text = l.t(msgNotExcluded, id)
	case code == claimbot.ECONFLICT && sub == subArticleExclude:
		text = l.t(msgAlreadyExcluded, id)
	case code == claimbot.EFORBIDDEN && sub == subArticleRemove:
		text = l.t(msgBaseNotYours, id) + "\n" + l.t(msgRemoveBaseHint, id)
	case code == claimbot.EINVALID && sub == subArticleRemove:
		text = l.t(msgArticleFailed, escapeMarkdown(claimbot.ErrorMessage(err))) + "\n" + l.t(msgRemoveBaseHint, id)
	case code == claimbot.EINVALID, code == claimbot.ECONFLICT, code == claimbot.ENOTFOUND:
		text = l.t(msgArticleFailed, escapeMarkdown(claimbot.ErrorMessage(err)))
	default:
		return Reply{}, err
	}
	return textReply(text + "\n" + l.t(msgNothingChanged)), nil
}

// articleAdd is /article add file:<attachment> | url:<page>: fetch (the
// route is deferred at once: fetching can take seconds), add to the
// guild's collection in the one library call that refuses duplicates and
// renames a taken ID, post its contradiction alerts to the guilds that see
// them, and show what was extracted, so a moderator sees at once if it
// went wrong.
func (b *Bot) articleAdd(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	url := strings.TrimSpace(in.stringOpt("url"))
	att := in.attachment("file")
	switch {
	case url == "" && att == nil:
		return textReply(l.t(msgArticleAddWhat)), nil
	case url != "" && att != nil:
		return textReply(l.t(msgArticleAddOne)), nil
	}
	var (
		f      ingest.Fetched
		err    error
		source string
	)
	if att != nil {
		source = att.Filename
		f, err = b.ing.fetch.FetchAttachment(ctx, att.URL, att.Filename)
	} else {
		source = url
		f, err = b.ing.fetch.FetchArticle(ctx, url)
	}
	if err != nil {
		return b.fetchRefusal(l, msgNotAdded, err)
	}
	c := b.collection(in.GuildID)
	rep, err := b.ing.corpus.Add(ctx, c, []library.File{{Name: f.Name, Data: f.Data}})
	if err != nil {
		switch claimbot.ErrorCode(err) {
		case claimbot.ECONFLICT:
			return textReply(l.t(msgNotAdded, l.t(msgWhyDuplicate)) + "\n> " + escapeMarkdown(oneLine(claimbot.ErrorMessage(err))) + "\n" + l.t(msgNothingChanged)), nil
		case claimbot.EINVALID:
			return textReply(l.t(msgNotAdded, escapeMarkdown(claimbot.ErrorMessage(err))) + "\n" + l.t(msgNothingChanged)), nil
		}
		return Reply{}, err
	}
	id := rep.Added[0]
	posted := b.deliverReport(ctx, rep)
	b.audit(ctx, in, "article.add", id, source)
	a, _ := b.lib.Article(c, id)
	f.ArticleID = id
	e := addedEmbed(l, f, a, source)
	if len(rep.Renamed) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgFieldRenamed), Value: l.t(msgRenamed, rep.Renamed[0].Wanted, id)})
	}
	if !c.IsBase() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgFieldWhoSees), Value: l.t(msgOnlyThisServer)})
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgFieldAlerts), Value: b.alertSummary(ctx, l, in.GuildID, len(b.postable(b.lib.AlertsFor(c, rep))), posted[in.GuildID])})
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// fetchRefusal says why a page, file or feed could not be fetched. The
// ingest package's messages are plain sentences naming the URL and the
// reason (unreachable, not an article, too large, refused address,
// duplicate); lead, in the user's language, says what it means.
func (b *Bot) fetchRefusal(l lang, lead msg, err error) (Reply, error) {
	var why msg
	switch claimbot.ErrorCode(err) {
	case claimbot.EINVALID:
		why = msgWhyInvalid
	case claimbot.ECONFLICT:
		why = msgWhyDuplicate
	case claimbot.ENOTFOUND:
		why = msgWhyGone
	case claimbot.EUNAVAILABLE, claimbot.ETIMEOUT, claimbot.ERATELIMIT:
		why = msgWhyUnreachable
	default:
		return Reply{}, err
	}
	return textReply(l.t(lead, l.t(why)) + "\n> " + escapeMarkdown(oneLine(claimbot.ErrorMessage(err))) + "\n" + l.t(msgNothingChanged)), nil
}

// alertSummary is "none", or the count and where this guild's went.
func (b *Bot) alertSummary(ctx context.Context, l lang, guildID string, total, posted int) string {
	if total == 0 {
		return l.t(msgNone)
	}
	if ch, err := b.alertChannel(ctx, guildID); err == nil && ch != "" && ch != consoleGuild {
		return l.t(msgAlertsPostedIn, total, ch, posted)
	}
	return strconv.Itoa(total)
}

// addedEmbed shows what was extracted from a page or file: the metadata,
// the number of paragraphs and the opening lines.
func addedEmbed(l lang, f ingest.Fetched, a articles.Article, source string) *discordgo.MessageEmbed {
	unknown := "*" + l.t(msgUnknown) + "*"
	or := func(s string) string {
		if s = escapeMarkdown(oneLine(s)); s != "" {
			return s
		}
		return unknown
	}
	date := unknown
	if !f.Published.IsZero() {
		date = f.Published.Format(time.DateOnly)
	}
	canonical := unknown
	if validURL(f.Canonical) {
		canonical = "<" + f.Canonical + ">"
	}
	from := escapeMarkdown(source)
	if validURL(source) {
		from = "<" + source + ">"
	}
	e := &discordgo.MessageEmbed{
		Title: l.t(msgArticleAdded, escapeMarkdown(truncatePlain(oneLine(f.Title), 200))),
		Color: colorInfo,
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.t(msgFieldPublisher), Value: or(f.Publisher), Inline: true},
			{Name: l.t(msgFieldAuthor), Value: or(f.Author), Inline: true},
			{Name: l.t(msgFieldDate), Value: date, Inline: true},
			{Name: l.t(msgFieldParagraphs), Value: strconv.Itoa(f.Paragraphs), Inline: true},
			{Name: l.t(msgSourceID), Value: "`" + f.ArticleID + "`", Inline: true},
			{Name: l.t(msgFieldCanonical), Value: canonical},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: l.t(msgAddedFooter, f.ArticleID)},
	}
	if source != f.Canonical {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgFieldFrom), Value: from})
	}
	if validURL(f.Canonical) {
		e.URL = f.Canonical
	}
	var lines []string
	budget := 700
	for _, p := range a.Paragraphs {
		if len(lines) == 3 || budget <= 0 {
			break
		}
		text := truncatePlain(oneLine(p.Text), min(budget, 300))
		budget -= runes(text)
		lines = append(lines, "> "+escapeMarkdown(text))
	}
	e.Description = strings.Join(lines, "\n")
	return e
}
