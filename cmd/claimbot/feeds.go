package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// Growing the corpus from the command line: `claimbot add URL...` and
// `claimbot feeds add|list|remove|poll`. They use the same ingester, state
// store and library as the bot, so what one adds the other refuses as a
// duplicate. The store and the index are locked by a running bot: these
// commands are for when it is stopped (the bot has /article and /feeds).
// They work on the base collection, or with --guild ID on that guild's.

// openState opens the state: the PostgreSQL database's with
// CLAIMBOT_DATABASE_URL, else the bbolt file in the data directory.
func (a *app) openState(ctx context.Context) (state.Store, error) {
	if a.cfg.DatabaseURL != "" {
		db, err := a.database(ctx)
		if err != nil {
			return nil, err
		}
		return dbState{db}, nil
	}
	return boltstate.Open(filepath.Join(a.cfg.DataDir, "state.db"), boltstate.WithLogger(a.logger))
}

// ingester fetches safely; CLAIMBOT_ALLOW_PRIVATE_FETCH=1 lets it reach
// private addresses (tests, an intranet archive).
func (a *app) ingester() *ingest.Ingester {
	return ingest.New(ingest.Options{AllowPrivate: a.cfg.AllowPrivateFetch, MinTextRunes: a.cfg.MinArticleChars, Logger: a.logger})
}

// botIngest is the bot's /article and /feeds.
func (a *app) botIngest(lib *library.Library, st state.Store) *bot.Ingest {
	return &bot.Ingest{Ingester: a.ingester(), Corpus: lib, Feeds: st, FeedInterval: a.cfg.FeedInterval}
}

// poller is the one feed poller, the bot's and `claimbot feeds poll`'s:
// each new item goes into its feed's collection through the one library
// call (duplicates refused there), and what that raised goes to deliver
// (posted by the bot, printed by the command line).
func (a *app) poller(lib *library.Library, st ingest.FeedStore, deliver func(context.Context, library.Report), opts ingest.PollerOptions) *ingest.Poller {
	if opts.Interval == 0 {
		opts.Interval = a.cfg.FeedInterval
	}
	if opts.Logger == nil {
		opts.Logger = a.logger
	}
	return ingest.NewPoller(a.ingester(), st, func(ctx context.Context, feed state.Feed, f ingest.Fetched) (string, error) {
		c := library.Base
		if feed.GuildID != "" {
			var err error
			if c, err = library.GuildCollection(feed.GuildID); err != nil {
				return "", err
			}
		}
		rep, err := lib.Add(ctx, c, []library.File{{Name: f.Name, Data: f.Data}})
		if err != nil {
			if len(rep.Duplicates) > 0 {
				return rep.Duplicates[0].Of, err
			}
			return "", err
		}
		deliver(ctx, rep)
		return rep.Added[0], nil
	}, opts)
}

// collection is the collection the command line works on: the base, or
// --guild's.
func (a *app) collection() (library.Collection, error) {
	if a.guild == "" {
		return library.Base, nil
	}
	c, err := library.GuildCollection(a.guild)
	if err != nil {
		return "", &ConfigError{"--guild", fmt.Sprintf("%q: want a Discord guild ID (17 to 20 digits)", a.guild)}
	}
	return c, nil
}

// countURLs counts the arguments of add that are URLs, not file names.
func countURLs(args []string) int {
	n := 0
	for _, s := range args {
		s = strings.ToLower(s)
		if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
			n++
		}
	}
	return n
}

type jsonFetched struct {
	Article     string `json:"article"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher"`
	Author      string `json:"author"`
	Published   string `json:"published"`
	URL         string `json:"url,omitempty"`
	Canonical   string `json:"canonical"`
	Paragraphs  int    `json:"paragraphs"`
	RenamedFrom string `json:"renamed_from,omitempty"`
}

func toJSONFetched(f ingest.Fetched, rep library.Report) jsonFetched {
	j := jsonFetched{Article: rep.Added[0], Title: f.Title, Publisher: f.Publisher, Author: f.Author,
		URL: f.URL, Canonical: f.Canonical, Paragraphs: f.Paragraphs}
	if !f.Published.IsZero() {
		j.Published = f.Published.Format(time.DateOnly)
	}
	if len(rep.Renamed) > 0 {
		j.RenamedFrom = rep.Renamed[0].Wanted
	}
	return j
}

// addURLs is `claimbot add URL...`: each page is fetched and added; one
// that fails does not stop the others, and the command fails at the end
// naming each.
func (a *app) addURLs(ctx context.Context, urls []string, asJSON bool) error {
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	ing := a.ingester()

	var (
		added    []jsonFetched
		alerts   []claims.Alert
		problems []string
	)
	for _, u := range urls {
		f, err := ing.FetchArticle(ctx, u)
		var rep library.Report
		if err == nil {
			rep, err = lib.Add(ctx, c, []library.File{{Name: f.Name, Data: f.Data}})
			alerts = append(alerts, rep.Alerts...)
		}
		if err != nil {
			if claimbot.ErrorCode(err) == claimbot.EINTERNAL {
				return err
			}
			problems = append(problems, claimbot.ErrorMessage(err))
			continue
		}
		added = append(added, toJSONFetched(f, rep))
		if !asJSON {
			a.printFetched(lib, c, f, rep)
		}
	}
	if asJSON {
		out := struct {
			Added    []jsonFetched `json:"added"`
			Alerts   []jsonAlert   `json:"alerts"`
			Problems []string      `json:"problems,omitempty"`
		}{Added: []jsonFetched{}, Alerts: []jsonAlert{}, Problems: problems}
		out.Added = append(out.Added, added...)
		for _, al := range alerts {
			out.Alerts = append(out.Alerts, toJSONAlert(al))
		}
		if err := writeJSON(a.stdout, out); err != nil {
			return err
		}
	} else if len(added) > 0 {
		printAlerts(a.stdout, alerts)
	}
	if len(problems) > 0 {
		return claimbot.Errorf(claimbot.EINVALID, "not added: %s", strings.Join(problems, "; "))
	}
	return nil
}

// printFetched shows what was extracted, so a wrong extraction is seen at
// once: the metadata, the paragraph count and the opening lines.
func (a *app) printFetched(lib *library.Library, c library.Collection, f ingest.Fetched, rep library.Report) {
	w := a.stdout
	j := toJSONFetched(f, rep)
	fmt.Fprintf(w, "Added %q as article %s\n", f.Title, j.Article)
	if j.RenamedFrom != "" {
		fmt.Fprintf(w, "  (the ID %s was taken by another article)\n", j.RenamedFrom)
	}
	fmt.Fprintf(w, "  publisher: %s · author: %s · date: %s · %d paragraphs\n", orUnknown(j.Publisher), orUnknown(j.Author), orUnknown(j.Published), j.Paragraphs)
	fmt.Fprintf(w, "  canonical: %s\n", orUnknown(j.Canonical))
	if art, ok := lib.Article(c, j.Article); ok {
		for i, p := range art.Paragraphs {
			if i == 3 {
				break
			}
			fmt.Fprintf(w, "  > %s\n", articles.Truncate(strings.Join(strings.Fields(p.Text), " "), 160))
		}
	}
}

const feedsUsage = `usage: claimbot [--guild ID] feeds add URL | list [--json] | remove URL | poll [--json]`

// feeds is `claimbot feeds add|list|remove|poll`: the operators' feeds, or
// with --guild a guild's (poll polls every guild's).
func (a *app) feeds(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError(feedsUsage)
	}
	sub, args := args[0], args[1:]
	fs := newFlags("feeds "+sub, a.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch sub {
	case "add", "remove":
		if fs.NArg() != 1 {
			return usageError(fmt.Sprintf("feeds %s needs one feed URL, e.g. claimbot feeds %s https://example.org/rss.xml", sub, sub))
		}
	case "list", "poll":
		if fs.NArg() != 0 {
			return usageError(feedsUsage)
		}
	default:
		return usageError(feedsUsage)
	}
	if _, err := a.collection(); err != nil {
		return err
	}
	st, err := a.openState(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		return a.feedAdd(ctx, st, fs.Arg(0))
	case "remove":
		return feedRemove(ctx, st, a.guild, a.stdout, fs.Arg(0))
	case "list":
		return feedList(ctx, st, a.guild, a.stdout, *asJSON)
	}
	return a.feedPoll(ctx, st, *asJSON)
}

func (a *app) feedAdd(ctx context.Context, st state.Store, raw string) error {
	info, err := a.ingester().CheckFeed(ctx, raw)
	if err != nil {
		return err
	}
	err = st.AddFeed(ctx, state.Feed{URL: info.URL, GuildID: a.guild})
	if claimbot.ErrorCode(err) == claimbot.ECONFLICT {
		return claimbot.Errorf(claimbot.ECONFLICT, "%s is subscribed already", info.URL)
	}
	if err != nil {
		return err
	}
	title := info.Title
	if title == "" {
		title = "(untitled feed)"
	}
	fmt.Fprintf(a.stdout, "Subscribed to %q (%d items now): %s\nThe bot polls it every %s; `claimbot feeds poll` polls now.\n", title, info.Items, info.URL, a.cfg.FeedInterval)
	return nil
}

func feedRemove(ctx context.Context, st state.Store, guild string, w io.Writer, raw string) error {
	url := strings.TrimSpace(raw)
	err := st.RemoveFeed(ctx, guild, url)
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		if u, perr := ingest.ParseURL(raw); perr == nil && u.String() != url {
			url = u.String()
			err = st.RemoveFeed(ctx, guild, url)
		}
	}
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no feed %s; `claimbot feeds list` shows the subscribed ones", raw)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Unsubscribed from %s. Articles already added stay in the corpus.\n", url)
	return nil
}

func feedList(ctx context.Context, st state.Store, guild string, w io.Writer, asJSON bool) error {
	feeds, err := st.ListFeeds(ctx, guild)
	if err != nil {
		return err
	}
	type listed struct {
		state.Feed
		Failing []state.FeedItem `json:"failing"`
	}
	out := []listed{}
	for _, f := range feeds {
		items, err := st.FeedItems(ctx, guild, f.URL)
		if err != nil {
			return err
		}
		if items == nil {
			items = []state.FeedItem{}
		}
		out = append(out, listed{f, items})
	}
	if asJSON {
		return writeJSON(w, struct {
			Feeds []listed `json:"feeds"`
		}{out})
	}
	if len(out) == 0 {
		fmt.Fprintln(w, "No feeds. Add one with: claimbot feeds add URL")
		return nil
	}
	for _, f := range out {
		polled := "never"
		if !f.LastPoll.IsZero() {
			polled = f.LastPoll.Format(time.RFC3339)
		}
		fmt.Fprintf(w, "%s\n  added %s · last poll %s\n", f.URL, f.Added.Format(time.RFC3339), polled)
		if f.LastError != "" {
			fmt.Fprintf(w, "  last error: %s\n", f.LastError)
		}
		for _, it := range f.Failing {
			if it.Status == state.ItemGaveUp {
				fmt.Fprintf(w, "  given up after %d tries: %s: %s\n", it.Attempts, it.Link, it.LastError)
			} else {
				fmt.Fprintf(w, "  failed %d×, next try %s: %s: %s\n", it.Attempts, it.NextAttempt.Format(time.RFC3339), it.Link, it.LastError)
			}
		}
	}
	return nil
}

// feedPoll is `claimbot feeds poll`: one poll of every feed now. New
// articles are added to their feed's collection; their contradiction
// alerts are printed (the bot, when it runs, posts its own polls' alerts
// to Discord).
func (a *app) feedPoll(ctx context.Context, st state.Store, asJSON bool) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	type addedArticle struct{ ID, Title string }
	var (
		added  []addedArticle
		alerts []claims.Alert
	)
	poller := a.poller(lib, st, func(_ context.Context, rep library.Report) {
		for _, id := range rep.Added {
			art, _ := lib.Article(rep.Collection, id)
			added = append(added, addedArticle{id, art.Title})
		}
		alerts = append(alerts, rep.Alerts...)
		for _, ga := range rep.GuildAlerts {
			alerts = append(alerts, ga...)
		}
	}, ingest.PollerOptions{})
	rep, err := poller.Poll(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := struct {
			Feeds  []ingest.FeedReport `json:"feeds"`
			Added  []string            `json:"added"`
			Alerts []jsonAlert         `json:"alerts"`
		}{Feeds: rep.Feeds, Added: []string{}, Alerts: []jsonAlert{}}
		if out.Feeds == nil {
			out.Feeds = []ingest.FeedReport{}
		}
		for _, ad := range added {
			out.Added = append(out.Added, ad.ID)
		}
		for _, al := range alerts {
			out.Alerts = append(out.Alerts, toJSONAlert(al))
		}
		return writeJSON(a.stdout, out)
	}
	w := a.stdout
	if len(rep.Feeds) == 0 {
		fmt.Fprintln(w, "No feeds. Add one with: claimbot feeds add URL")
		return nil
	}
	for _, fr := range rep.Feeds {
		owner := "operators"
		if fr.GuildID != "" {
			owner = "guild " + fr.GuildID
		}
		fmt.Fprintf(w, "%s (%s)\n", fr.URL, owner)
		switch {
		case fr.Err != "":
			fmt.Fprintf(w, "  failed: %s\n", fr.Err)
			continue
		case fr.NotModified:
			fmt.Fprintln(w, "  not modified since the last poll")
			continue
		}
		fmt.Fprintf(w, "  %d new, %d seen before, %d duplicates, %d waiting for another try\n", len(fr.Added), fr.Seen, fr.Duplicates, fr.Waiting)
		for _, r := range fr.Refused {
			fmt.Fprintf(w, "  refused: %s\n", r)
		}
		for _, r := range fr.Failed {
			fmt.Fprintf(w, "  failed, tried again later: %s\n", r)
		}
		for _, r := range fr.GaveUp {
			fmt.Fprintf(w, "  given up: %s\n", r)
		}
	}
	if len(added) == 0 {
		fmt.Fprintln(w, "No new articles.")
		return nil
	}
	fmt.Fprintln(w)
	for _, ad := range added {
		fmt.Fprintf(w, "Added %q as article %s\n", ad.Title, ad.ID)
	}
	fmt.Fprintln(w)
	printAlerts(w, alerts)
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
