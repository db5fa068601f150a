package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
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

// Corpus is what /article changes in the library (*library.Library).
type Corpus interface {
	Add(ctx context.Context, files []library.File) (library.Report, error)
	Remove(ctx context.Context, id string) error
	Restore(ctx context.Context, id string) (library.Report, error)
	Exclude(ctx context.Context, id string) error
	Include(ctx context.Context, id string) error
	Excluded() []string
	Trashed() []string
}

var _ Corpus = (*library.Library)(nil)

// Ingest lets moderators grow the corpus from Discord: /article (add a
// page or a file, remove, restore, exclude, include), /feeds, and the feed
// poller that RunGateway and RunHTTP run. Set Deps.Ingest to enable it.
type Ingest struct {
	// Ingester fetches pages, attachments and feeds (required). Give it
	// the bot's store as Options.Store so duplicates are refused and
	// remembered.
	Ingester *ingest.Ingester
	// Corpus is what /article changes. Default: Deps.Library when it is
	// one (*library.Library is).
	Corpus Corpus
	// Feeds holds the feed subscriptions, cursors and seen items. Default:
	// Deps.Store when it is a state.Store. Without one, /feeds says so
	// and no poller runs.
	Feeds state.Store
	// FeedInterval is the time between feed polls (default
	// ingest.DefaultPollInterval); negative runs no poller.
	FeedInterval time.Duration
	// NewTicker drives the poller (tests inject one they fire).
	NewTicker func(time.Duration) ingest.Ticker
}

// ingestion is the bot's resolved Ingest.
type ingestion struct {
	fetch    *ingest.Ingester
	corpus   Corpus
	feeds    state.Store
	interval time.Duration

	once   sync.Once
	poller *ingest.Poller // built on first use; nil without feeds
	newTkr func(time.Duration) ingest.Ticker
}

// newIngestion resolves deps.Ingest; nil when ingestion is off.
func newIngestion(deps Deps, store Store) (*ingestion, error) {
	in := deps.Ingest
	if in == nil {
		return nil, nil
	}
	if in.Ingester == nil {
		return nil, fmt.Errorf("bot: Deps.Ingest needs an Ingester")
	}
	g := &ingestion{fetch: in.Ingester, corpus: in.Corpus, feeds: in.Feeds, interval: in.FeedInterval, newTkr: in.NewTicker}
	if g.corpus == nil {
		c, ok := deps.Library.(Corpus)
		if !ok {
			return nil, fmt.Errorf("bot: Deps.Ingest needs a Corpus (Deps.Library is not one)")
		}
		g.corpus = c
	}
	if g.feeds == nil {
		g.feeds, _ = store.(state.Store)
	}
	if g.interval == 0 {
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

// article is /article add|remove|restore|exclude|include.
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
	title := id
	if a, ok := b.lib.Article(id); ok {
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
		if err = corpus.Remove(ctx, id); err == nil {
			text = l.t(msgArticleRemoved, shown, id)
		}
	case subArticleRestore:
		if rep, err = corpus.Restore(ctx, id); err == nil {
			if a, ok := b.lib.Article(id); ok {
				shown = escapeMarkdown(truncatePlain(oneLine(a.Title), 200))
				title = oneLine(a.Title)
			}
			text = l.t(msgArticleRestored, shown, id)
			posted, total := b.postIngestAlerts(ctx, in.GuildID, rep.Alerts)
			text += "\n" + l.t(msgRestoreAlerts, b.alertSummary(ctx, l, in.GuildID, total, posted))
		}
	case subArticleExclude:
		if err = corpus.Exclude(ctx, id); err == nil {
			text = l.t(msgArticleExcluded, shown, id)
		}
	case subArticleInclude:
		if err = corpus.Include(ctx, id); err == nil {
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
// happen; the library's messages say it in plain words.
func (b *Bot) curationRefusal(l lang, sub, id string, err error) (Reply, error) {
	switch claimbot.ErrorCode(err) {
	case claimbot.EINVALID, claimbot.ENOTFOUND, claimbot.ECONFLICT:
		text := l.t(msgArticleFailed, escapeMarkdown(claimbot.ErrorMessage(err)))
		if sub == subArticleRemove && claimbot.ErrorCode(err) == claimbot.EINVALID {
			text += "\n" + l.t(msgRemoveBaseHint, id)
		}
		return textReply(text + "\n" + l.t(msgNothingChanged)), nil
	}
	return Reply{}, err
}

// articleAdd is /article add file:<attachment> | url:<page>: fetch (the
// route is deferred at once: fetching can take seconds), add to the
// library, remember it so it is not added twice, post its contradiction
// alerts, and show what was extracted, so a moderator sees at once if it
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
	rep, err := b.addFetched(ctx, f)
	if err != nil {
		if code := claimbot.ErrorCode(err); code == claimbot.EINVALID || code == claimbot.ECONFLICT {
			return textReply(l.t(msgNotAdded, escapeMarkdown(claimbot.ErrorMessage(err))) + "\n" + l.t(msgNothingChanged)), nil
		}
		return Reply{}, err
	}
	posted, total := b.postIngestAlerts(ctx, in.GuildID, rep.Alerts)
	b.audit(ctx, in, "article.add", f.ArticleID, source)
	a, _ := b.lib.Article(f.ArticleID)
	e := addedEmbed(l, f, a, source)
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgFieldAlerts), Value: b.alertSummary(ctx, l, in.GuildID, total, posted)})
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

// addFetched adds a fetched article to the library and records it so the
// same page or text is refused later. An article whose ID is taken is
// refused (ECONFLICT) rather than replacing the one in the archive.
func (b *Bot) addFetched(ctx context.Context, f ingest.Fetched) (library.Report, error) {
	if _, ok := b.lib.Article(f.ArticleID); ok {
		return library.Report{}, claimbot.Errorf(claimbot.ECONFLICT, "an article with ID %s is in the archive already; rename the file, or remove that article first", f.ArticleID)
	}
	rep, err := b.ing.corpus.Add(ctx, []library.File{{Name: f.Name, Data: f.Data}})
	if err != nil {
		return rep, err
	}
	// Indexed: a failure to remember it only means a later duplicate is
	// caught by the library instead.
	if err := b.ing.fetch.Record(ctx, f); err != nil {
		b.log.WarnContext(ctx, "recording an ingested article failed", "article", f.ArticleID, "err", err)
	}
	return rep, nil
}

// postIngestAlerts posts the contradictions an added article raised: to
// this guild's alert channel first (so the reply can say so), then to every
// other guild's, because the corpus is shared. It returns how many were
// posted here and how many contradictions there are.
func (b *Bot) postIngestAlerts(ctx context.Context, guildID string, alerts []claims.Alert) (posted, total int) {
	total = len(b.postable(alerts))
	if total == 0 {
		return 0, 0
	}
	if guildID != "" {
		posted = b.postAlerts(ctx, guildID, alerts)
	}
	for _, g := range b.knownGuilds() {
		if g != guildID {
			b.postAlerts(ctx, g, alerts)
		}
	}
	return posted, total
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
