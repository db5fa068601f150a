package bot

import (
	"context"
	"errors"
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

// feedsCommand is /feeds, for moderators.
func feedsCommand() *discordgo.ApplicationCommand {
	de := func(s string) map[discordgo.Locale]string { return map[discordgo.Locale]string{discordgo.German: s} }
	descDE := "RSS- und Atom-Feeds, aus denen das Archiv wächst (Moderation)"
	return moderatorOnly(&discordgo.ApplicationCommand{
		Type:                     discordgo.ChatApplicationCommand,
		Name:                     cmdFeeds,
		Description:              "RSS and Atom feeds the archive grows from (moderators)",
		DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.German: descDE},
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subFeedsAdd,
				NameLocalizations:        de("hinzufügen"),
				Description:              "Subscribe to a feed: its new articles are added and checked",
				DescriptionLocalizations: de("Einen Feed abonnieren: neue Artikel werden aufgenommen und geprüft"),
				Options: []*discordgo.ApplicationCommandOption{{
					Type:                     discordgo.ApplicationCommandOptionString,
					Name:                     "url",
					Description:              "The feed's address (RSS or Atom, https://…)",
					DescriptionLocalizations: de("Die Adresse des Feeds (RSS oder Atom, https://…)"),
					Required:                 true,
					MaxLength:                2000,
				}},
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subFeedsList,
				NameLocalizations:        de("liste"),
				Description:              "The subscribed feeds and when they were last polled",
				DescriptionLocalizations: de("Die abonnierten Feeds und wann sie zuletzt abgerufen wurden"),
			},
			{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subFeedsRemove,
				NameLocalizations:        de("entfernen"),
				Description:              "Unsubscribe from a feed (its articles stay)",
				DescriptionLocalizations: de("Ein Feed-Abo beenden (seine Artikel bleiben)"),
				Options: []*discordgo.ApplicationCommandOption{{
					Type:                     discordgo.ApplicationCommandOptionString,
					Name:                     "url",
					Description:              "The feed's address, as /feeds list shows it",
					DescriptionLocalizations: de("Die Adresse des Feeds, wie /feeds list sie zeigt"),
					Required:                 true,
					Autocomplete:             true,
					MaxLength:                2000,
				}},
			},
		},
	})
}

// feeds is /feeds add|list|remove.
func (b *Bot) feeds(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	switch {
	case b.ing == nil:
		return textReply(l.t(msgIngestOff)), nil
	case b.ing.feeds == nil:
		return textReply(l.t(msgFeedsOff)), nil
	}
	switch in.Sub {
	case subFeedsAdd:
		return b.feedAdd(ctx, in)
	case subFeedsList:
		return b.feedList(ctx, in)
	case subFeedsRemove:
		return b.feedRemove(ctx, in)
	}
	return textReply(l.t(msgUnknownCmd)), nil
}

// feedAdd checks that the URL is a feed (fetching it: the route is
// deferred) and subscribes the corpus to it.
func (b *Bot) feedAdd(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	raw := strings.TrimSpace(in.stringOpt("url"))
	if raw == "" {
		return textReply(l.t(msgFeedNeedsURL)), nil
	}
	info, err := b.ing.fetch.CheckFeed(ctx, raw)
	if err != nil {
		return b.fetchRefusal(l, msgFeedNotAdded, err)
	}
	err = b.ing.feeds.AddFeed(ctx, state.Feed{URL: info.URL, GuildID: in.GuildID, AddedBy: in.UserID, Added: b.now()})
	if claimbot.ErrorCode(err) == claimbot.ECONFLICT {
		return textReply(l.t(msgFeedDuplicate, info.URL)), nil
	}
	if err != nil {
		return Reply{}, err
	}
	b.audit(ctx, in, "feed.add", info.URL, info.Title)
	title := escapeMarkdown(truncatePlain(oneLine(info.Title), 200))
	if title == "" {
		title = l.t(msgFeedsUntitled)
	}
	return textReply(l.t(msgFeedAdded, title, fmt.Sprint(info.Items), info.URL, humanInterval(b.ing.interval))), nil
}

// feedList lists the subscriptions with their last poll and error.
func (b *Bot) feedList(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	feeds, err := b.ing.feeds.ListFeeds(ctx)
	if err != nil {
		return Reply{}, err
	}
	if len(feeds) == 0 {
		return textReply(l.t(msgFeedsNone)), nil
	}
	lines := make([]string, 0, len(feeds))
	for _, f := range feeds {
		by := l.t(msgFeedsAddedByCL)
		if f.AddedBy != "" {
			by = "<@" + f.AddedBy + ">"
		}
		polled := l.t(msgFeedNotPolled)
		if !f.LastPoll.IsZero() {
			polled = fmt.Sprintf("<t:%d:R>", f.LastPoll.Unix())
		}
		line := "• <" + f.URL + ">\n  " + l.t(msgFeedLine, by, fmt.Sprintf("<t:%d:R>", f.Added.Unix()), polled)
		if f.LastError != "" {
			line += "\n  " + l.t(msgFeedLastError, escapeMarkdown(truncatePlain(oneLine(f.LastError), 300)))
		}
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{
		Title:       "📰 " + l.t(msgFeedsTitle, len(feeds)),
		Description: strings.Join(lines, "\n"),
		Color:       colorInfo,
		Footer:      &discordgo.MessageEmbedFooter{Text: l.t(msgFeedsFooter, humanInterval(b.ing.interval))},
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// feedRemove unsubscribes; the URL may be given as typed or as stored.
func (b *Bot) feedRemove(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	raw := strings.TrimSpace(in.stringOpt("url"))
	if raw == "" {
		return textReply(l.t(msgFeedNeedsURL)), nil
	}
	url := raw
	err := b.ing.feeds.RemoveFeed(ctx, url)
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		if u, perr := ingest.ParseURL(raw); perr == nil && u.String() != raw {
			url = u.String()
			err = b.ing.feeds.RemoveFeed(ctx, url)
		}
	}
	switch {
	case claimbot.ErrorCode(err) == claimbot.ENOTFOUND, claimbot.ErrorCode(err) == claimbot.EINVALID:
		return textReply(l.t(msgFeedUnknown, raw)), nil
	case err != nil:
		return Reply{}, err
	}
	b.audit(ctx, in, "feed.remove", url, "")
	return textReply(l.t(msgFeedRemoved, url)), nil
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

// errNoFeeds is PollFeeds' answer when feeds are not set up.
var errNoFeeds = errors.New("bot: feeds are not set up (Deps.Ingest with a state store)")

// feedPoller builds the poller once: one poller means one poll at a time,
// whether the ticker or PollFeeds starts it.
func (b *Bot) feedPoller() *ingest.Poller {
	g := b.ing
	if g == nil || g.feeds == nil {
		return nil
	}
	g.once.Do(func() {
		g.poller = ingest.NewPoller(g.fetch, g.feeds, b.feedItem, ingest.PollerOptions{
			Interval:  max(g.interval, 0),
			Now:       b.now,
			NewTicker: g.newTkr,
			Logger:    b.log,
			OnPoll: func(r ingest.PollReport, err error) {
				b.metrics().FeedPoll(r, err)
				if added := r.Added(); len(added) > 0 {
					b.log.Info("feed poll added articles", "articles", strings.Join(added, ","))
				}
			},
		})
	})
	return g.poller
}

// PollFeeds polls every feed once now: new articles are added to the
// library and their contradiction alerts posted to every guild the bot
// knows. ECONFLICT when a poll is running already.
func (b *Bot) PollFeeds(ctx context.Context) (ingest.PollReport, error) {
	p := b.feedPoller()
	if p == nil {
		return ingest.PollReport{}, errNoFeeds
	}
	b.rememberFeedGuilds(ctx)
	rep, err := p.Poll(ctx)
	if claimbot.ErrorCode(err) != claimbot.ECONFLICT { // a poll already running counts itself
		b.metrics().FeedPoll(rep, err)
	}
	return rep, err
}

// startFeeds runs the feed poller (if set up) until ctx is done; the
// returned channel is closed when it has stopped.
func (b *Bot) startFeeds(ctx context.Context) <-chan struct{} {
	done := make(chan struct{})
	p := b.feedPoller()
	if p == nil || b.ing.interval < 0 {
		close(done)
		return done
	}
	b.rememberFeedGuilds(ctx)
	go func() {
		defer close(done)
		_ = p.Run(ctx) // returns ctx's error; failures are logged per poll
	}()
	return done
}

// rememberFeedGuilds counts the guilds that added feeds among those that
// get alerts: in HTTP mode the bot learns guilds only from interactions,
// and a restart forgets them.
func (b *Bot) rememberFeedGuilds(ctx context.Context) {
	feeds, err := b.ing.feeds.ListFeeds(ctx)
	if err != nil {
		b.log.WarnContext(ctx, "listing feeds failed", "err", err)
		return
	}
	for _, f := range feeds {
		b.rememberGuild(f.GuildID, "")
	}
}

// feedItem is the poller's handler: add the article and broadcast its
// contradictions. Errors keep the poller's meaning (see ingest.Handler).
func (b *Bot) feedItem(ctx context.Context, f ingest.Fetched) error {
	rep, err := b.addFetched(ctx, f)
	if err != nil {
		return err
	}
	posted := b.Broadcast(ctx, rep.Alerts)
	b.log.InfoContext(ctx, "feed article added", "article", f.ArticleID, "url", f.URL, "alerts", len(b.postable(rep.Alerts)), "posted", posted)
	return nil
}

// ingestAutocomplete suggests values for /article id: and /feeds url:.
func (b *Bot) ingestAutocomplete(in Input) []*discordgo.ApplicationCommandOptionChoice {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if b.ing == nil {
		return choices
	}
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
			if a, ok := b.lib.Article(id); ok {
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
			byID(b.ing.corpus.Trashed())
		case subArticleInclude:
			byID(b.ing.corpus.Excluded())
		default:
			excluded := map[string]bool{}
			for _, id := range b.ing.corpus.Excluded() {
				excluded[id] = in.Sub == subArticleExclude
			}
			for _, a := range matchArticles(b.lib.Articles(), typed) {
				if !excluded[a.ID] {
					add(a.Title, a.ID)
				}
			}
		}
	case in.Command == cmdFeeds && in.Focused == "url" && b.ing.feeds != nil:
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		feeds, err := b.ing.feeds.ListFeeds(ctx)
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
