package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/state"
)

// /feeds and its subcommands.
const (
	cmdFeeds = "feeds"

	subFeedsAdd    = "add"
	subFeedsList   = "list"
	subFeedsRemove = "remove"
)

// feeds is /feeds add|list|remove.
func (b *Bot) feeds(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	switch {
	case b.ing == nil:
		return textReply(l.T(msgIngestOff)), nil
	case b.ing.feeds == nil:
		return textReply(l.T(msgFeedsOff)), nil
	}
	switch in.Sub {
	case subFeedsAdd:
		return b.feedAdd(ctx, in)
	case subFeedsList:
		return b.feedList(ctx, in)
	case subFeedsRemove:
		return b.feedRemove(ctx, in)
	}
	return textReply(l.T(msgUnknownCmd)), nil
}

// feedAdd checks that the URL is a feed (fetching it: the route is
// deferred) and subscribes the guild's collection to it (the base in an
// operator guild).
func (b *Bot) feedAdd(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	raw := strings.TrimSpace(in.stringOpt("url"))
	if raw == "" {
		return textReply(l.T(msgFeedNeedsURL)), nil
	}
	info, err := b.ing.fetch.CheckFeed(ctx, raw)
	if err != nil {
		return b.fetchRefusal(l, msgFeedNotAdded, err)
	}
	f := state.Feed{URL: info.URL, GuildID: b.feedScope(in.GuildID), AddedBy: in.UserID, Added: b.now()}
	if f.GuildID != in.GuildID {
		f.AddedIn = in.GuildID
	}
	err = b.ing.feeds.AddFeed(ctx, f)
	if claimbot.ErrorCode(err) == claimbot.ECONFLICT {
		return textReply(l.T(msgFeedDuplicate, info.URL)), nil
	}
	if err != nil {
		return Reply{}, err
	}
	b.audit(ctx, in, "feed.add", info.URL, info.Title)
	title := escapeMarkdown(truncatePlain(oneLine(info.Title), 200))
	if title == "" {
		title = l.T(msgFeedsUntitled)
	}
	text := l.T(msgFeedAdded, title, fmt.Sprint(info.Items), info.URL, humanInterval(b.ing.interval))
	if f.GuildID != "" {
		text += "\n" + l.T(msgFeedThisServer)
	}
	return textReply(text), nil
}

// feedList lists the guild's subscriptions with their last poll and
// error, and the items that failed with theirs.
func (b *Bot) feedList(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	scope := b.feedScope(in.GuildID)
	feeds, err := b.ing.feeds.ListFeeds(ctx, scope)
	if err != nil {
		return Reply{}, err
	}
	if len(feeds) == 0 {
		return textReply(l.T(msgFeedsNone)), nil
	}
	lines := make([]string, 0, len(feeds))
	for _, f := range feeds {
		by := l.T(msgFeedsAddedByCL)
		if f.AddedBy != "" {
			by = "<@" + f.AddedBy + ">"
		}
		polled := l.T(msgFeedNotPolled)
		if !f.LastPoll.IsZero() {
			polled = fmt.Sprintf("<t:%d:R>", f.LastPoll.Unix())
		}
		line := "• <" + f.URL + ">\n  " + l.T(msgFeedLine, by, fmt.Sprintf("<t:%d:R>", f.Added.Unix()), polled)
		if err := f.Err(); err != nil {
			line += "\n  " + l.T(msgFeedLastError, escapeMarkdown(truncatePlain(oneLine(keptErrorText(l, err)), 300)))
		}
		items, err := b.ing.feeds.FeedItems(ctx, scope, f.URL)
		if err != nil {
			return Reply{}, err
		}
		for i, it := range items {
			if i == maxItemLines {
				line += "\n  " + l.T(msgFeedItemsMore, len(items)-i)
				break
			}
			line += "\n  " + itemLine(l, it)
		}
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{
		Title:       "📰 " + l.T(msgFeedsTitle, len(feeds)),
		Description: truncateMarkdown(strings.Join(lines, "\n"), maxDescription),
		Color:       colorInfo,
		Footer:      &discordgo.MessageEmbedFooter{Text: l.T(msgFeedsFooter, humanInterval(b.ing.interval))},
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// maxItemLines is how many failing items /feeds list shows per feed.
const maxItemLines = 3

// itemLine is one failing feed item: its title or link, its error, and
// when it is tried again (or that it was given up).
func itemLine(l lang, it state.FeedItem) string {
	what := it.Title
	if what == "" {
		what = it.Link
	}
	what = escapeMarkdown(truncatePlain(oneLine(what), 80))
	why := ""
	if err := it.Err(); err != nil {
		why = escapeMarkdown(truncatePlain(oneLine(keptErrorText(l, err)), 160))
	}
	if it.Status == state.ItemGaveUp {
		return l.T(msgFeedItemGaveUp, what, it.Attempts, why)
	}
	return l.T(msgFeedItemRetry, what, it.Attempts, why, fmt.Sprintf("<t:%d:R>", it.NextAttempt.Unix()))
}

// feedRemove unsubscribes the guild; the URL may be given as typed or as
// stored. Only the guild's own feeds can be named.
func (b *Bot) feedRemove(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	raw := strings.TrimSpace(in.stringOpt("url"))
	if raw == "" {
		return textReply(l.T(msgFeedNeedsURL)), nil
	}
	scope := b.feedScope(in.GuildID)
	url := raw
	err := b.ing.feeds.RemoveFeed(ctx, scope, url)
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		if u, perr := ingest.ParseURL(raw); perr == nil && u.String() != raw {
			url = u.String()
			err = b.ing.feeds.RemoveFeed(ctx, scope, url)
		}
	}
	switch {
	case claimbot.ErrorCode(err) == claimbot.ENOTFOUND, claimbot.ErrorCode(err) == claimbot.EINVALID:
		return textReply(l.T(msgFeedUnknown, escapeMarkdown(truncatePlain(oneLine(raw), 200)))), nil
	case err != nil:
		return Reply{}, err
	}
	b.audit(ctx, in, "feed.remove", url, "")
	return textReply(l.T(msgFeedRemoved, url)), nil
}

// Poller is what the bot runs beside the gateway or the interactions
// endpoint: the feed poller that cmd builds (ingest.Poller), whose handler
// adds each item through the library and posts its alerts with Deliver.
type Poller interface {
	Run(ctx context.Context) error
}

// startPoller runs Deps.Poller (if any) until ctx is done; the returned
// channel is closed when it has stopped.
func (b *Bot) startPoller(ctx context.Context) <-chan struct{} {
	done := make(chan struct{})
	if b.poller == nil {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		_ = b.poller.Run(ctx) // returns ctx's error; failures are logged per poll
	}()
	return done
}

// humanInterval says a poll interval for people: "15 min", "2 h".
func humanInterval(d time.Duration) string {
	switch {
	case d > 0 && d%time.Hour == 0:
		return fmt.Sprintf("%d h", d/time.Hour)
	case d > 0 && d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}

// ingestAutocomplete suggests values for /article id: and /feeds url:,
// from the guild's own collection, view and feeds only. (serve checks
// first that the user may run the command.)
func (b *Bot) ingestAutocomplete(in Input) []*discordgo.ApplicationCommandOptionChoice {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if b.ing == nil {
		return choices
	}
	c := b.collection(in.GuildID)
	typed := strings.TrimSpace(in.stringOpt(in.Focused))
	add := func(name, value string) {
		if len(choices) < maxChoices && runes(value) <= maxChoiceValue {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: truncatePlain(oneLine(name), maxChoiceName), Value: value})
		}
	}
	byID := func(ids []string) {
		q := fold(typed)
		for _, id := range ids {
			title := id
			if a, ok := b.lib.Article(c, id); ok {
				title = a.Title
			}
			if q == "" || strings.Contains(fold(id), q) || strings.Contains(fold(title), q) {
				add(title, id)
			}
		}
	}
	switch {
	case in.Command == cmdArticle && in.Focused == "id":
		switch in.Sub {
		case subArticleRestore:
			byID(b.ing.corpus.Trashed(c))
		case subArticleInclude:
			byID(b.ing.corpus.Excluded(c))
		default:
			for _, a := range matchArticles(b.lib.Articles(c), typed) {
				excluded := b.lib.IsExcluded(c, a.ID)
				switch {
				case in.Sub == subArticleExclude && excluded:
				case in.Sub == subArticleRemove && a.Collection != string(c):
					// only the collection's own articles can be removed
				default:
					add(a.Title, a.ID)
				}
			}
		}
	case in.Command == cmdFeeds && in.Focused == "url" && b.ing.feeds != nil:
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		feeds, err := b.ing.feeds.ListFeeds(ctx, b.feedScope(in.GuildID))
		if err != nil {
			return choices
		}
		for _, f := range feeds {
			if strings.Contains(strings.ToLower(f.URL), strings.ToLower(typed)) {
				add(f.URL, f.URL)
			}
		}
	}
	return choices
}
