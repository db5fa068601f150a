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
)

// Growing the corpus from the command line: `claimbot add URL...` and
// `claimbot feeds add|list|remove|poll`. They use the same ingester, state
// store and library as the bot, so what one adds the other refuses as a
// duplicate. The store and the index are locked by a running bot: these
// commands are for when it is stopped (the bot has /article and /feeds).

// openState opens the bbolt store in the data directory.
func (a *app) openState() (*state.Bolt, error) {
	return state.OpenBolt(filepath.Join(a.cfg.DataDir, "state.db"))
}

// ingester fetches safely; CLAIMBOT_ALLOW_PRIVATE_FETCH=1 lets it reach
// private addresses (tests, an intranet archive).
func (a *app) ingester(st state.Store) *ingest.Ingester {
	return ingest.New(ingest.Options{AllowPrivate: a.cfg.AllowPrivateFetch, Store: st, Logger: a.logger})
}

// botIngest is the bot's ingestion: /article, /feeds and the poller every
// CLAIMBOT_FEED_INTERVAL.
func (a *app) botIngest(lib *library.Library, st state.Store) *bot.Ingest {
	return &bot.Ingest{Ingester: a.ingester(st), Corpus: lib, Feeds: st, FeedInterval: a.cfg.FeedInterval}
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

// addFetched adds a fetched article and records it, refusing one whose ID
// is taken rather than replacing the article in the corpus.
func (a *app) addFetched(ctx context.Context, lib *library.Library, ing *ingest.Ingester, f ingest.Fetched) (library.Report, error) {
	if _, ok := lib.Article(f.ArticleID); ok {
		return library.Report{}, claimbot.Errorf(claimbot.ECONFLICT, "an article with ID %s is in the corpus already", f.ArticleID)
	}
	rep, err := lib.Add(ctx, []library.File{{Name: f.Name, Data: f.Data}})
	if err != nil {
		return rep, err
	}
	// Indexed: failing to remember it only means a later duplicate is
	// caught by the library instead.
	if err := ing.Record(ctx, f); err != nil {
		a.logger.Warn("recording an ingested article failed", "article", f.ArticleID, "err", err)
	}
	return rep, nil
}

type jsonFetched struct {
	Article    string `json:"article"`
	Title      string `json:"title"`
	Publisher  string `json:"publisher"`
	Author     string `json:"author"`
	Published  string `json:"published"`
	URL        string `json:"url,omitempty"`
	Canonical  string `json:"canonical"`
	Paragraphs int    `json:"paragraphs"`
}

func toJSONFetched(f ingest.Fetched) jsonFetched {
	j := jsonFetched{Article: f.ArticleID, Title: f.Title, Publisher: f.Publisher, Author: f.Author,
		URL: f.URL, Canonical: f.Canonical, Paragraphs: f.Paragraphs}
	if !f.Published.IsZero() {
		j.Published = f.Published.Format(time.DateOnly)
	}
	return j
}

// addURLs is `claimbot add URL...`: each page is fetched, added and
// recorded; one that fails does not stop the others, and the command fails
// at the end naming each.
func (a *app) addURLs(ctx context.Context, urls []string, asJSON bool) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	st, err := a.openState()
	if err != nil {
		return err
	}
	defer st.Close()
	ing := a.ingester(st)

	var (
		added    []jsonFetched
		alerts   []claims.Alert
		problems []string
	)
	for _, u := range urls {
		f, err := ing.FetchArticle(ctx, u)
		if err == nil {
			var rep library.Report
			rep, err = a.addFetched(ctx, lib, ing, f)
			alerts = append(alerts, rep.Alerts...)
		}
		if err != nil {
			if claimbot.ErrorCode(err) == claimbot.EINTERNAL {
				return err
			}
			problems = append(problems, claimbot.ErrorMessage(err))
			continue
		}
		added = append(added, toJSONFetched(f))
		if !asJSON {
			a.printFetched(lib, f)
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
func (a *app) printFetched(lib *library.Library, f ingest.Fetched) {
	w := a.stdout
	j := toJSONFetched(f)
	fmt.Fprintf(w, "Added %q as article %s\n", f.Title, f.ArticleID)
	fmt.Fprintf(w, "  publisher: %s · author: %s · date: %s · %d paragraphs\n", orUnknown(j.Publisher), orUnknown(j.Author), orUnknown(j.Published), j.Paragraphs)
	fmt.Fprintf(w, "  canonical: %s\n", orUnknown(j.Canonical))
	if art, ok := lib.Article(f.ArticleID); ok {
		for i, p := range art.Paragraphs {
			if i == 3 {
				break
			}
			fmt.Fprintf(w, "  > %s\n", articles.Truncate(strings.Join(strings.Fields(p.Text), " "), 160))
		}
	}
}

const feedsUsage = `usage: claimbot feeds add URL | list [--json] | remove URL | poll [--json]`

// feeds is `claimbot feeds add|list|remove|poll`.
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
	st, err := a.openState()
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		return a.feedAdd(ctx, st, fs.Arg(0))
	case "remove":
		return feedRemove(ctx, st, a.stdout, fs.Arg(0))
	case "list":
		return feedList(ctx, st, a.stdout, *asJSON)
	}
	return a.feedPoll(ctx, st, *asJSON)
}

func (a *app) feedAdd(ctx context.Context, st state.Store, raw string) error {
	info, err := a.ingester(st).CheckFeed(ctx, raw)
	if err != nil {
		return err
	}
	err = st.AddFeed(ctx, state.Feed{URL: info.URL})
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

func feedRemove(ctx context.Context, st state.Store, w io.Writer, raw string) error {
	url := strings.TrimSpace(raw)
	err := st.RemoveFeed(ctx, url)
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		if u, perr := ingest.ParseURL(raw); perr == nil && u.String() != url {
			url = u.String()
			err = st.RemoveFeed(ctx, url)
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

func feedList(ctx context.Context, st state.Store, w io.Writer, asJSON bool) error {
	feeds, err := st.ListFeeds(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if feeds == nil {
			feeds = []state.Feed{}
		}
		return writeJSON(w, struct {
			Feeds []state.Feed `json:"feeds"`
		}{feeds})
	}
	if len(feeds) == 0 {
		fmt.Fprintln(w, "No feeds. Add one with: claimbot feeds add URL")
		return nil
	}
	for _, f := range feeds {
		polled := "never"
		if !f.LastPoll.IsZero() {
			polled = f.LastPoll.Format(time.RFC3339)
		}
		fmt.Fprintf(w, "%s\n  added %s · last poll %s\n", f.URL, f.Added.Format(time.RFC3339), polled)
		if f.LastError != "" {
			fmt.Fprintf(w, "  last error: %s\n", f.LastError)
		}
	}
	return nil
}

// feedPoll is `claimbot feeds poll`: one poll now. New articles are added
// and recorded; their contradiction alerts are printed (the bot, when it
// runs, posts its own polls' alerts to Discord).
func (a *app) feedPoll(ctx context.Context, st state.Store, asJSON bool) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	ing := a.ingester(st)
	var (
		added  []jsonFetched
		alerts []claims.Alert
	)
	poller := ingest.NewPoller(ing, st, func(ctx context.Context, f ingest.Fetched) error {
		rep, err := a.addFetched(ctx, lib, ing, f)
		if err != nil {
			return err
		}
		added = append(added, toJSONFetched(f))
		alerts = append(alerts, rep.Alerts...)
		return nil
	}, ingest.PollerOptions{Logger: a.logger})
	rep, err := poller.Poll(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := struct {
			Feeds  []ingest.FeedReport `json:"feeds"`
			Added  []jsonFetched       `json:"added"`
			Alerts []jsonAlert         `json:"alerts"`
		}{Feeds: rep.Feeds, Added: []jsonFetched{}, Alerts: []jsonAlert{}}
		if out.Feeds == nil {
			out.Feeds = []ingest.FeedReport{}
		}
		out.Added = append(out.Added, added...)
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
		fmt.Fprintf(w, "%s\n", fr.URL)
		switch {
		case fr.Err != "":
			fmt.Fprintf(w, "  failed: %s\n", fr.Err)
			continue
		case fr.NotModified:
			fmt.Fprintln(w, "  not modified since the last poll")
			continue
		}
		fmt.Fprintf(w, "  %d new, %d seen before, %d duplicates\n", len(fr.Added), fr.Seen, fr.Duplicates)
		for _, r := range fr.Refused {
			fmt.Fprintf(w, "  refused: %s\n", r)
		}
		for _, r := range fr.Failed {
			fmt.Fprintf(w, "  failed, retried next poll: %s\n", r)
		}
	}
	if len(added) == 0 {
		fmt.Fprintln(w, "No new articles.")
		return nil
	}
	fmt.Fprintln(w)
	for _, f := range added {
		fmt.Fprintf(w, "Added %q as article %s (%s, %s)\n", f.Title, f.Article, orUnknown(f.Publisher), orUnknown(f.Published))
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
