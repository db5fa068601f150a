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
	"github.com/claimbot/claimbot/l10n"
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
		return textReply(l.T(msgIngestOff)), nil
	}
	if in.Sub == subArticleAdd {
		return b.articleAdd(ctx, in)
	}
	id := strings.TrimSpace(in.stringOpt("id"))
	if id == "" {
		return textReply(l.T(msgArticleNeedsID)), nil
	}
	if !articles.ValidID(id) {
		// Refused before anything looks the ID up: an option must never
		// reach a path, a pattern or a query, whatever the library does.
		return textReply(l.T(msgBadArticleID, escapeMarkdown(articles.Shown(id, 40)), articles.MaxIDLen) + "\n" + l.T(msgNothingChanged)), nil
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
			text = l.T(msgArticleRemoved, shown, id)
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
			text = l.T(msgArticleRestored, shown, newID)
			if newID != id {
				text += "\n" + l.T(msgRestoredAs, id, newID)
			}
			posted := b.deliverReport(ctx, rep)
			text += "\n" + l.T(msgRestoreAlerts, b.alertSummary(ctx, l, in.GuildID, len(b.postable(b.lib.AlertsFor(c, rep))), posted[in.GuildID]))
		}
	case subArticleExclude:
		if err = corpus.Exclude(ctx, c, id); err == nil {
			text = l.T(msgArticleExcluded, shown, id)
			if !c.IsBase() {
				text += "\n" + l.T(msgOnlyHere)
			}
		}
	case subArticleInclude:
		if err = corpus.Include(ctx, c, id); err == nil {
			text = l.T(msgArticleIncluded, shown, id)
		}
	default:
		return textReply(l.T(msgUnknownCmd)), nil
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
		text = l.T(msgNoSuchArticle, id)
	case code == claimbot.ENOTFOUND && sub == subArticleRestore:
		text = l.T(msgNoSuchRemoved, id)
	case code == claimbot.ENOTFOUND && sub == subArticleInclude:
		text = l.T(msgNotExcluded, id)
	case code == claimbot.ECONFLICT && sub == subArticleExclude:
		text = l.T(msgAlreadyExcluded, id)
	case code == claimbot.EFORBIDDEN && sub == subArticleRemove:
		text = l.T(msgBaseNotYours, id) + "\n" + l.T(msgRemoveBaseHint, id)
	case code == claimbot.EINVALID && sub == subArticleRemove:
		text = l.T(msgArticleFailed, escapeMarkdown(curationWhy(l, err))) + "\n" + l.T(msgRemoveBaseHint, id)
	case code == claimbot.EINVALID, code == claimbot.ECONFLICT, code == claimbot.ENOTFOUND:
		text = l.T(msgArticleFailed, escapeMarkdown(curationWhy(l, err)))
	default:
		return Reply{}, err
	}
	return textReply(text + "\n" + l.T(msgNothingChanged)), nil
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
		return textReply(l.T(msgArticleAddWhat)), nil
	case url != "" && att != nil:
		return textReply(l.T(msgArticleAddOne)), nil
	}
	var (
		f      ingest.Fetched
		err    error
		source string
	)
	if att != nil {
		source = att.Filename
		if data, ok := in.localFiles[att.ID]; ok {
			f, err = b.ing.fetch.FromFile(ctx, att.Filename, data, "")
		} else {
			f, err = b.ing.fetch.FetchAttachment(ctx, att.URL, att.Filename)
		}
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
		return addRefusal(l, err)
	}
	id := rep.Added[0]
	posted := b.deliverReport(ctx, rep)
	b.audit(ctx, in, "article.add", id, source)
	a, _ := b.lib.Article(c, id)
	f.ArticleID = id
	e := addedEmbed(l, f, a, source)
	if len(rep.Renamed) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgFieldRenamed), Value: l.T(msgRenamed, rep.Renamed[0].Wanted, id)})
	}
	if !c.IsBase() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgFieldWhoSees), Value: l.T(msgOnlyThisServer)})
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgFieldAlerts), Value: b.alertSummary(ctx, l, in.GuildID, len(b.postable(b.lib.AlertsFor(c, rep))), posted[in.GuildID])})
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// addRefusal says why the library added nothing.
func addRefusal(l lang, err error) (Reply, error) {
	switch claimbot.ErrorCode(err) {
	case claimbot.ECONFLICT:
		return textReply(l.T(msgNotAdded, l.T(msgWhyDuplicate)) + quoted(l, err) + "\n" + l.T(msgNothingChanged)), nil
	case claimbot.EINVALID:
		why := errorDetail(l, err)
		if why == "" {
			why = l.T(msgWhyInvalid)
		}
		return textReply(l.T(msgNotAdded, escapeMarkdown(why)) + "\n" + l.T(msgNothingChanged)), nil
	}
	return Reply{}, err
}

// curationWhy is the error's own words, or what its code means.
func curationWhy(l lang, err error) string {
	if why := errorDetail(l, err); why != "" {
		return why
	}
	return errorText(l, "", err)
}

// fetchRefusal says why a page, file or feed could not be fetched. The
// ingest package's messages are plain sentences naming the URL and the
// reason (unreachable, not an article, too large, refused address,
// duplicate); lead, in the user's language, says what it means.
func (b *Bot) fetchRefusal(l lang, lead l10n.Msg, err error) (Reply, error) {
	var why l10n.Msg
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
	return textReply(l.T(lead, l.T(why)) + quoted(l, err) + "\n" + l.T(msgNothingChanged)), nil
}

// alertSummary is "none", or the count and where this guild's went.
func (b *Bot) alertSummary(ctx context.Context, l lang, guildID string, total, posted int) string {
	if total == 0 {
		return l.T(msgNone)
	}
	if ch, err := b.alertChannel(ctx, guildID); err == nil && ch != "" && ch != consoleGuild {
		return l.T(msgAlertsPostedIn, total, ch, posted)
	}
	return strconv.Itoa(total)
}

// addedEmbed shows what was extracted from a page or file: the metadata,
// the number of paragraphs and the opening lines.
func addedEmbed(l lang, f ingest.Fetched, a articles.Article, source string) *discordgo.MessageEmbed {
	unknown := "*" + l.T(msgUnknown) + "*"
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
		Title: l.T(msgArticleAdded, escapeMarkdown(truncatePlain(oneLine(f.Title), 200))),
		Color: colorInfo,
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.T(msgFieldPublisher), Value: or(f.Publisher), Inline: true},
			{Name: l.T(msgFieldAuthor), Value: or(f.Author), Inline: true},
			{Name: l.T(msgFieldDate), Value: date, Inline: true},
			{Name: l.T(msgFieldParagraphs), Value: strconv.Itoa(f.Paragraphs), Inline: true},
			{Name: l.T(msgSourceID), Value: "`" + f.ArticleID + "`", Inline: true},
			{Name: l.T(msgFieldCanonical), Value: canonical},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: l.T(msgAddedFooter, f.ArticleID)},
	}
	if source != f.Canonical {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgFieldFrom), Value: from})
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
