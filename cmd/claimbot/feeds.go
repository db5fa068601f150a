package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/l10n"
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

var (
	msgAddMixed     = l10n.New("add takes either files or URLs, not both", "add nimmt entweder Dateien oder URLs, nicht beides")
	msgAddScheme    = l10n.New("%s: only http and https URLs can be fetched; for a file on this machine give its path", "%s: nur http- und https-URLs lassen sich abrufen; für eine Datei auf diesem Rechner gib ihren Pfad an")
	msgAddNoScheme  = l10n.New("%s is neither a file nor a URL; did you mean https://%s ?", "%s ist weder eine Datei noch eine URL; meintest du https://%s ?")
	msgAddNoFile    = l10n.New("%s: no such file", "%s: keine solche Datei")
	msgAddReadError = l10n.New("cannot read %s: %s", "%s lässt sich nicht lesen: %s")
)

var reScheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://`)

// reHostLike is what a web address without its scheme looks like
// ("www.example.org/x", "example.org/artikel").
var reHostLike = regexp.MustCompile(`^(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?].*)?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[/?].*)$`)

// classifyAddArgs says whether add's arguments are URLs (true) or files,
// and refuses what is neither with what to do: another scheme ("ftp://"),
// a web address without "https://", or a mix.
func (a *app) classifyAddArgs(args []string) (urls bool, err error) {
	n := 0
	for _, s := range args {
		low := strings.ToLower(s)
		switch {
		case strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://"):
			n++
		case reScheme.MatchString(s):
			return false, claimbot.Errorf(claimbot.EINVALID, "%s", a.lang.T(msgAddScheme, s))
		default:
			if _, err := os.Stat(s); err != nil && reHostLike.MatchString(low) {
				return false, usageError{a.lang.T(msgAddNoScheme, s, s), "claimbot add"}
			}
		}
	}
	if n > 0 && n < len(args) {
		return false, usageError{a.lang.T(msgAddMixed), "claimbot add"}
	}
	return n > 0, nil
}

// readArticleFiles reads add's files: .txt and .md as they are, .html
// through the same extraction as a page or a Discord attachment.
func (a *app) readArticleFiles(ctx context.Context, paths []string) ([]library.File, error) {
	var files []library.File
	var problems []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		switch {
		case errors.Is(err, os.ErrNotExist):
			problems = append(problems, a.lang.T(msgAddNoFile, p))
			continue
		case err != nil:
			problems = append(problems, a.lang.T(msgAddReadError, p, err.Error()))
			continue
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm":
			f, err := a.ingester().FromFile(ctx, filepath.Base(p), data, "text/html")
			if err != nil {
				if claimbot.ErrorCode(err) == claimbot.EINTERNAL {
					return nil, err
				}
				problems = append(problems, claimbot.ErrorMessage(err))
				continue
			}
			files = append(files, library.File{Name: f.Name, Data: f.Data})
		default:
			files = append(files, library.File{Name: filepath.Base(p), Data: data})
		}
	}
	if len(problems) > 0 {
		return nil, claimbot.Errorf(claimbot.EINVALID, "%s", strings.Join(problems, "; "))
	}
	return files, nil
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

var (
	msgNotAddedURLs  = l10n.New("not added: %s", "nicht aufgenommen: %s")
	msgFetchedAs     = l10n.New("Added “%s” as article %s", "„%s“ aufgenommen als Artikel %s")
	msgFetchedRename = l10n.New("  (the ID %s was taken by another article)", "  (die ID %s hatte schon ein anderer Artikel)")
	msgFetchedMeta   = l10n.New("publisher", "Medium")
	msgFetchedAuthor = l10n.New("author", "Autor")
	msgFetchedDate   = l10n.New("date", "Datum")
	msgFetchedParas  = l10n.Plural("one paragraph", "%d paragraphs", "ein Absatz", "%d Absätze")
	msgFetchedCanon  = l10n.New("canonical", "kanonisch")
	msgNotStated     = l10n.New("not stated", "nicht angegeben")
	msgFeedsNeedSub  = l10n.New("feeds needs add URL | list | remove URL | poll", "feeds braucht add URL | list | remove URL | poll")
	msgFeedDup       = l10n.New("%s is subscribed already", "%s ist schon abonniert")
	msgFeedUntitled  = l10n.New("(untitled feed)", "(Feed ohne Titel)")
	msgFeedSubbed    = l10n.Plural("Subscribed to “%[2]s” (one item now): %[3]s\nThe bot polls it every %[4]s; “claimbot feeds poll” polls now.", "Subscribed to “%[2]s” (%[1]d items now): %[3]s\nThe bot polls it every %[4]s; “claimbot feeds poll” polls now.", "Abonniert: „%[2]s“ (ein Eintrag derzeit): %[3]s\nDer Bot ruft ihn alle %[4]s ab; „claimbot feeds poll“ ruft jetzt ab.", "Abonniert: „%[2]s“ (%[1]d Einträge derzeit): %[3]s\nDer Bot ruft ihn alle %[4]s ab; „claimbot feeds poll“ ruft jetzt ab.")
	msgFeedNoSuch    = l10n.New("no feed %s; “claimbot feeds list” shows the subscribed ones", "kein Feed %s; „claimbot feeds list“ zeigt die abonnierten")
	msgFeedUnsubbed  = l10n.New("Unsubscribed from %s. Articles already added stay in the corpus.", "Abo beendet: %s. Schon aufgenommene Artikel bleiben im Bestand.")
	msgFeedsEmpty    = l10n.New("No feeds. Add one with: claimbot feeds add URL", "Keine Feeds. Einen hinzufügen: claimbot feeds add URL")
	msgFeedListLine  = l10n.New("  added %s · last poll %s", "  hinzugefügt %s · letzter Abruf %s")
	msgFeedNever     = l10n.New("never", "nie")
	msgFeedLastErr   = l10n.New("  last error: %s", "  letzter Fehler: %s")
	msgFeedGaveUp    = l10n.New("  given up after %d tries: %s: %s", "  nach %d Versuchen aufgegeben: %s: %s")
	msgFeedRetry     = l10n.New("  failed %d×, next try %s: %s: %s", "  %d× fehlgeschlagen, nächster Versuch %s: %s: %s")
	msgFeedOperators = l10n.New("operators", "Betreiber")
	msgFeedGuild     = l10n.New("server %s", "Server %s")
	msgFeedFailed    = l10n.New("  failed: %s", "  fehlgeschlagen: %s")
	msgFeedNotMod    = l10n.New("  not modified since the last poll", "  seit dem letzten Abruf unverändert")
	msgFeedCounts    = l10n.New("  %d new, %d seen before, %d duplicates, %d waiting for another try", "  %d neu, %d schon gesehen, %d Duplikate, %d warten auf einen neuen Versuch")
	msgFeedRefused   = l10n.New("  refused: %s", "  abgelehnt: %s")
	msgFeedRetryLtr  = l10n.New("  failed, tried again later: %s", "  fehlgeschlagen, später neuer Versuch: %s")
	msgFeedGaveUpOne = l10n.New("  given up: %s", "  aufgegeben: %s")
	msgFeedNoNew     = l10n.New("No new articles.", "Keine neuen Artikel.")
	msgAllFeedsFail  = l10n.Plural("the feed could not be polled", "none of the %d feeds could be polled", "der Feed ließ sich nicht abrufen", "keiner der %d Feeds ließ sich abrufen")
)

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
			alerts = append(alerts, lib.AlertsFor(c, rep)...)
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
			out.Alerts = append(out.Alerts, a.toJSONAlert(al))
		}
		if err := writeJSON(a.stdout, out); err != nil {
			return err
		}
	} else if len(added) > 0 {
		a.printAlerts(alerts)
	}
	if len(problems) > 0 {
		return claimbot.Errorf(claimbot.EINVALID, "%s", a.lang.T(msgNotAddedURLs, strings.Join(problems, "; ")))
	}
	return nil
}

// printFetched shows what was extracted, so a wrong extraction is seen at
// once: the metadata, the paragraph count and the opening lines.
func (a *app) printFetched(lib *library.Library, c library.Collection, f ingest.Fetched, rep library.Report) {
	l := a.lang
	j := toJSONFetched(f, rep)
	a.printf(msgFetchedAs, f.Title, j.Article)
	if j.RenamedFrom != "" {
		a.printf(msgFetchedRename, j.RenamedFrom)
	}
	or := func(s string) string {
		if s == "" {
			return l.T(msgNotStated)
		}
		return s
	}
	date := ""
	if !f.Published.IsZero() {
		date = l.Date(f.Published)
	}
	fmt.Fprintf(a.stdout, "  %s: %s · %s: %s · %s: %s · %s\n", l.T(msgFetchedMeta), or(j.Publisher), l.T(msgFetchedAuthor), or(j.Author),
		l.T(msgFetchedDate), or(date), l.T(msgFetchedParas, j.Paragraphs))
	fmt.Fprintf(a.stdout, "  %s: %s\n", l.T(msgFetchedCanon), or(j.Canonical))
	if art, ok := lib.Article(c, j.Article); ok {
		for i, p := range art.Paragraphs {
			if i == 3 {
				break
			}
			fmt.Fprintf(a.stdout, "  > %s\n", articles.Truncate(strings.Join(strings.Fields(p.Text), " "), 160))
		}
	}
}

// feeds is `claimbot feeds add|list|remove|poll`: the operators' feeds, or
// with --guild a guild's (poll polls every guild's).
func (a *app) feeds(ctx context.Context, sub, url string) error {
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
		return a.feedAdd(ctx, st, url)
	case "remove":
		return a.feedRemove(ctx, st, url)
	case "list":
		return a.feedList(ctx, st)
	}
	return a.feedPoll(ctx, st)
}

func (a *app) feedAdd(ctx context.Context, st state.Store, raw string) error {
	info, err := a.ingester().CheckFeed(ctx, raw)
	if err != nil {
		return err
	}
	err = st.AddFeed(ctx, state.Feed{URL: info.URL, GuildID: a.guild})
	if claimbot.ErrorCode(err) == claimbot.ECONFLICT {
		return claimbot.Errorf(claimbot.ECONFLICT, "%s", a.lang.T(msgFeedDup, info.URL))
	}
	if err != nil {
		return err
	}
	title := info.Title
	if title == "" {
		title = a.lang.T(msgFeedUntitled)
	}
	a.printf(msgFeedSubbed, info.Items, title, info.URL, a.lang.Duration(a.cfg.FeedInterval))
	return nil
}

func (a *app) feedRemove(ctx context.Context, st state.Store, raw string) error {
	url := strings.TrimSpace(raw)
	err := st.RemoveFeed(ctx, a.guild, url)
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		if u, perr := ingest.ParseURL(raw); perr == nil && u.String() != url {
			url = u.String()
			err = st.RemoveFeed(ctx, a.guild, url)
		}
	}
	if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
		return claimbot.Errorf(claimbot.ENOTFOUND, "%s", a.lang.T(msgFeedNoSuch, raw))
	}
	if err != nil {
		return err
	}
	a.printf(msgFeedUnsubbed, url)
	return nil
}

// jsonFeed is a feed as `feeds list --json` prints it: times that never
// happened are left out, not printed as the year 1.
type jsonFeed struct {
	URL       string    `json:"url"`
	GuildID   string    `json:"guild_id,omitempty"`
	AddedBy   string    `json:"added_by,omitempty"`
	Added     time.Time `json:"added,omitzero"`
	LastPoll  time.Time `json:"last_poll,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	// LastErrorCode is the error's claimbot code ("" for an error kept
	// before codes were).
	LastErrorCode string         `json:"last_error_code,omitempty"`
	Failing       []jsonFeedItem `json:"failing"`
	err           error
}

type jsonFeedItem struct {
	Link          string    `json:"link"`
	Title         string    `json:"title,omitempty"`
	Status        string    `json:"status"`
	Attempts      int       `json:"attempts,omitempty"`
	LastError     string    `json:"last_error,omitempty"`
	LastErrorCode string    `json:"last_error_code,omitempty"`
	NextAttempt   time.Time `json:"next_attempt,omitzero"`
	err           error
}

func (a *app) feedList(ctx context.Context, st state.Store) error {
	l := a.lang
	feeds, err := st.ListFeeds(ctx, a.guild)
	if err != nil {
		return err
	}
	out := []jsonFeed{}
	for _, f := range feeds {
		items, err := st.FeedItems(ctx, a.guild, f.URL)
		if err != nil {
			return err
		}
		jf := jsonFeed{URL: f.URL, GuildID: f.GuildID, AddedBy: f.AddedBy, Added: f.Added, LastPoll: f.LastPoll,
			LastError: f.LastError, LastErrorCode: f.LastErrorCode, Failing: []jsonFeedItem{}, err: f.Err()}
		for _, it := range items {
			jf.Failing = append(jf.Failing, jsonFeedItem{Link: it.Link, Title: it.Title, Status: it.Status, Attempts: it.Attempts,
				LastError: it.LastError, LastErrorCode: it.LastErrorCode, NextAttempt: it.NextAttempt, err: it.Err()})
		}
		out = append(out, jf)
	}
	if a.opts.json {
		return writeJSON(a.stdout, struct {
			Feeds []jsonFeed `json:"feeds"`
		}{out})
	}
	if len(out) == 0 {
		a.printf(msgFeedsEmpty)
		return nil
	}
	when := func(t time.Time) string {
		if t.IsZero() {
			return l.T(msgFeedNever)
		}
		return l.DateTime(t)
	}
	for _, f := range out {
		fmt.Fprintln(a.stdout, f.URL)
		a.printf(msgFeedListLine, when(f.Added), when(f.LastPoll))
		if f.err != nil {
			a.printf(msgFeedLastErr, a.errorWords(f.err))
		}
		for _, it := range f.Failing {
			if it.Status == state.ItemGaveUp {
				a.printf(msgFeedGaveUp, it.Attempts, it.Link, a.errorWords(it.err))
			} else {
				a.printf(msgFeedRetry, it.Attempts, when(it.NextAttempt), it.Link, a.errorWords(it.err))
			}
		}
	}
	return nil
}

// errorWords is what an error says in the command's language, as runMain
// says a command's own error: its text for people where it has one in a
// language other than English, else its (English) message, which keeps
// the network's or a parser's detail. An error the state store kept is
// thus said in the language of whoever lists it, not of whoever polled.
func (a *app) errorWords(err error) string {
	if err == nil {
		return ""
	}
	if a.lang != l10n.EN {
		if s := claimbot.ErrorText(err, a.lang); s != "" {
			return s
		}
	}
	return claimbot.ErrorMessage(err)
}

// feedPoll is `claimbot feeds poll`: one poll of every feed now. New
// articles are added to their feed's collection; their contradiction
// alerts are printed (the bot, when it runs, posts its own polls' alerts
// to Discord). It fails (exit 1) when no feed could be polled.
func (a *app) feedPoll(ctx context.Context, st state.Store) error {
	l := a.lang
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
	failed := 0
	for _, fr := range rep.Feeds {
		if fr.Err != "" {
			failed++
		}
	}
	var allFailed error
	if failed > 0 && failed == len(rep.Feeds) {
		allFailed = claimbot.Errorf(claimbot.EUNAVAILABLE, "%s", l.T(msgAllFeedsFail, failed))
	}
	if a.opts.json {
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
			out.Alerts = append(out.Alerts, a.toJSONAlert(al))
		}
		if err := writeJSON(a.stdout, out); err != nil {
			return err
		}
		return allFailed
	}
	if len(rep.Feeds) == 0 {
		a.printf(msgFeedsEmpty)
		return nil
	}
	for _, fr := range rep.Feeds {
		owner := l.T(msgFeedOperators)
		if fr.GuildID != "" {
			owner = l.T(msgFeedGuild, fr.GuildID)
		}
		fmt.Fprintf(a.stdout, "%s (%s)\n", fr.URL, owner)
		switch {
		case fr.Err != "":
			a.printf(msgFeedFailed, fr.Err)
			continue
		case fr.NotModified:
			a.printf(msgFeedNotMod)
			continue
		}
		a.printf(msgFeedCounts, len(fr.Added), fr.Seen, fr.Duplicates, fr.Waiting)
		for _, r := range fr.Refused {
			a.printf(msgFeedRefused, r)
		}
		for _, r := range fr.Failed {
			a.printf(msgFeedRetryLtr, r)
		}
		for _, r := range fr.GaveUp {
			a.printf(msgFeedGaveUpOne, r)
		}
	}
	if allFailed != nil {
		return allFailed
	}
	if len(added) == 0 {
		a.printf(msgFeedNoNew)
		return nil
	}
	fmt.Fprintln(a.stdout)
	for _, ad := range added {
		a.printf(msgFetchedAs, ad.Title, ad.ID)
	}
	fmt.Fprintln(a.stdout)
	a.printAlerts(alerts)
	return nil
}
