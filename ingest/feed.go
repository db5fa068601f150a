package ingest

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
	"github.com/mmcdole/gofeed"
)

// feedTypes are the media types a feed may be served as; many servers use
// the generic XML types.
var feedTypes = []string{
	"application/rss+xml", "application/atom+xml", "application/rdf+xml",
	"application/xml", "text/xml", "application/feed+json",
}

// Defaults for PollerOptions.
const (
	DefaultPollInterval    = 15 * time.Minute
	DefaultMaxItemsPerPoll = 50
)

// DefaultRetryAfter is how long the poller waits before trying a failed
// item again, after its first, second, … failure: five tries over 17
// hours. A page that is missing, too short or down when its feed first
// lists it is often fixed within hours (it once stayed refused forever).
// After the last try the item is given up until the feed republishes it.
var DefaultRetryAfter = []time.Duration{15 * time.Minute, time.Hour, 4 * time.Hour, 12 * time.Hour}

// Handler receives each new article of a guild's feed and adds it to that
// collection (feed.GuildID; "" the shared base), returning the ID it was
// added as. An ECONFLICT error means the collection has it already; id is
// then that article's ID, and the item is recorded as a duplicate. Any
// other error is a failure: the item is tried again later (see
// PollerOptions.RetryAfter), unless it is the context's.
type Handler func(ctx context.Context, feed state.Feed, f Fetched) (id string, err error)

// FeedStore is what the poller needs of the state store: the feeds of
// every guild, their cursors and what became of their items.
type FeedStore interface {
	AllFeeds(ctx context.Context) ([]state.Feed, error)
	SetFeedCursor(ctx context.Context, guildID, url string, c state.FeedCursor) error
	FeedItem(ctx context.Context, guildID, link string) (state.FeedItem, bool, error)
	PutFeedItem(ctx context.Context, it state.FeedItem) error
}

// Ticker is the part of *time.Ticker the poller uses; tests inject one.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

type timeTicker struct{ *time.Ticker }

func (t timeTicker) C() <-chan time.Time { return t.Ticker.C }

// PollerOptions configure a Poller.
type PollerOptions struct {
	Interval        time.Duration // between polls in Run; default DefaultPollInterval
	MaxItemsPerPoll int           // new items fetched per feed and poll; default DefaultMaxItemsPerPoll
	// RetryAfter are the waits after each failure of an item; its length
	// plus one is the number of tries. Default DefaultRetryAfter.
	RetryAfter []time.Duration
	Now        func() time.Time
	NewTicker  func(time.Duration) Ticker
	// OnPoll, when set, is called after every poll Run makes (for logs and
	// tests; the report is also returned by Poll).
	OnPoll func(PollReport, error)
	Logger *slog.Logger
}

// Poller polls every guild's feeds and hands new articles to a Handler.
type Poller struct {
	ing    *Ingester
	st     FeedStore
	handle Handler
	opts   PollerOptions
	log    *slog.Logger
	mu     sync.Mutex // one poll at a time: Run's tick and a manual Poll must not fetch twice
}

// PollReport says what one poll did, per feed.
type PollReport struct {
	Feeds []FeedReport
}

// Added returns the IDs of all articles added in the poll.
func (r PollReport) Added() []string {
	var ids []string
	for _, f := range r.Feeds {
		ids = append(ids, f.Added...)
	}
	return ids
}

// FeedReport is the outcome of polling one feed.
type FeedReport struct {
	URL         string
	GuildID     string   // whose feed it is ("" the operators')
	NotModified bool     // the server answered 304
	Added       []string // article IDs handed to the handler and accepted
	Seen        int      // items added (or found duplicate) in earlier polls
	Duplicates  int      // fetched, but the collection has the same article
	Waiting     int      // failed before and not due for another try yet
	Refused     []string // "link: reason": items without a usable link
	Failed      []string // "link: reason", tried again later
	GaveUp      []string // "link: reason", failed on every try
	Err         string   // the feed itself could not be polled ("" when it was)

	firstFailed, firstGaveUp error // the first of Failed's and GaveUp's errors, for the cursor
}

// NewPoller returns a Poller. ing fetches (its safety rules apply to feeds
// and items alike); st holds the feeds, their cursors and their items.
func NewPoller(ing *Ingester, st FeedStore, handle Handler, opts PollerOptions) *Poller {
	if opts.Interval <= 0 {
		opts.Interval = DefaultPollInterval
	}
	if opts.MaxItemsPerPoll <= 0 {
		opts.MaxItemsPerPoll = DefaultMaxItemsPerPoll
	}
	if opts.RetryAfter == nil {
		opts.RetryAfter = DefaultRetryAfter
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.NewTicker == nil {
		opts.NewTicker = func(d time.Duration) Ticker { return timeTicker{time.NewTicker(d)} }
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{ing: ing, st: st, handle: handle, opts: opts, log: opts.Logger}
}

// Run polls at once and then every Interval until ctx is done, and returns
// ctx's error. Failures are logged and reported through OnPoll; they do not
// stop the loop (the next tick retries).
func (p *Poller) Run(ctx context.Context) error {
	t := p.opts.NewTicker(p.opts.Interval)
	defer t.Stop()
	for {
		r, err := p.Poll(ctx)
		if err != nil && ctx.Err() == nil {
			p.log.Warn("feed poll failed", "err", err)
		}
		if p.opts.OnPoll != nil {
			p.opts.OnPoll(r, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C():
		}
	}
}

// Poll polls every feed once. One feed's failure is recorded in its cursor
// and report and does not stop the others; the error is for the store
// failing or a poll already running (ECONFLICT).
func (p *Poller) Poll(ctx context.Context) (PollReport, error) {
	if !p.mu.TryLock() {
		return PollReport{}, claimbot.Errorf(claimbot.ECONFLICT, "a feed poll is already running")
	}
	defer p.mu.Unlock()
	feeds, err := p.st.AllFeeds(ctx)
	if err != nil {
		return PollReport{}, err
	}
	var r PollReport
	for _, f := range feeds {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		fr, err := p.pollFeed(ctx, f)
		r.Feeds = append(r.Feeds, fr)
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// pollFeed polls one feed. The returned error is only for the store.
func (p *Poller) pollFeed(ctx context.Context, feed state.Feed) (FeedReport, error) {
	r := FeedReport{URL: feed.URL, GuildID: feed.GuildID}
	header := http.Header{}
	if feed.ETag != "" {
		header.Set("If-None-Match", feed.ETag)
	}
	if feed.LastModified != "" {
		header.Set("If-Modified-Since", feed.LastModified)
	}
	// Until every item is settled the old validators stay, so a feed with
	// items to retry is fetched in full next time instead of being
	// answered with a 304.
	cursor := state.FeedCursor{ETag: feed.ETag, LastModified: feed.LastModified}
	save := func() error {
		cursor.LastPoll = p.opts.Now()
		err := p.st.SetFeedCursor(ctx, feed.GuildID, feed.URL, cursor)
		if claimbot.ErrorCode(err) == claimbot.ENOTFOUND {
			return nil // removed while we polled it
		}
		return err
	}

	resp, err := p.ing.get(ctx, feed.URL, feedTypes, header)
	if err != nil {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		r.Err = claimbot.ErrorMessage(err)
		cursor.SetErr(err)
		return r, save()
	}
	if resp.Status == http.StatusNotModified {
		r.NotModified = true
		return r, save()
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		e := claimbot.Errorf(claimbot.EINVALID, "%s is not an RSS or Atom feed: %v", feed.URL, err).Say(msgNotFeed, feed.URL)
		r.Err = e.Message
		cursor.SetErr(e)
		return r, save()
	}

	settled := true
	fetched := 0
	for _, it := range oldestFirst(parsed.Items) {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		link := itemLink(resp.URL, it)
		if link == "" {
			r.Refused = append(r.Refused, fmt.Sprintf("%q: the item has no link", it.Title))
			continue
		}
		prev, known, err := p.st.FeedItem(ctx, feed.GuildID, link)
		if err != nil {
			return r, err
		}
		updated := itemTime(it)
		switch {
		case known && (prev.Status == state.ItemAdded || prev.Status == state.ItemDuplicate):
			r.Seen++
			continue
		case known && prev.Status == state.ItemGaveUp && !updated.After(prev.Updated):
			continue // given up, and not republished since
		case known && prev.Status == state.ItemFailed && prev.NextAttempt.After(p.opts.Now()):
			r.Waiting++
			settled = false
			continue
		}
		if known && prev.Status == state.ItemGaveUp {
			prev = state.FeedItem{} // republished: a fresh set of tries
		}
		if fetched >= p.opts.MaxItemsPerPoll {
			settled = false // the rest next time
			break
		}
		fetched++
		rec := state.FeedItem{GuildID: feed.GuildID, Feed: feed.URL, Link: link, Title: oneLine(it.Title), Attempts: prev.Attempts, Updated: updated}
		if err := p.ingestItem(ctx, feed, &rec, &r); err != nil {
			return r, err
		}
		if rec.Status == state.ItemFailed {
			settled = false
		}
	}
	if settled {
		cursor.ETag, cursor.LastModified = resp.ETag, resp.LastModified
	}
	// The cursor's error says the first item's, in its reader's language
	// when it is shown (the item's Text names its link).
	switch n := len(r.Failed); {
	case n > 0:
		cursor.SetErr(claimbot.Errorf(claimbot.ErrorCode(r.firstFailed), "%d item(s) will be tried again; first: %s", n, r.Failed[0]).
			Say(msgItemsRetried, n, itemText(r.Failed[0], r.firstFailed)))
	case len(r.GaveUp) > 0:
		tries := len(p.opts.RetryAfter) + 1
		cursor.SetErr(claimbot.Errorf(claimbot.ErrorCode(r.firstGaveUp), "%d item(s) given up after %d tries; first: %s", len(r.GaveUp), tries, r.GaveUp[0]).
			Say(msgItemsGaveUp, len(r.GaveUp), tries, itemText(r.GaveUp[0], r.firstGaveUp)))
	}
	return r, save()
}

// itemText is what a failed item's error says for people, its link
// among it; an error that says nothing for people names the link.
func itemText(msg string, err error) claimbot.Text {
	if t := claimbot.TextOf(err); !t.IsZero() {
		return t
	}
	link, _, _ := strings.Cut(msg, ": ")
	return claimbot.T(msgItemFailed, link)
}

// itemTime is when the feed says an entry last changed, for telling a
// republished entry from one already given up on.
func itemTime(it *gofeed.Item) time.Time {
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	return time.Time{}
}

// ingestItem fetches one item's page, hands it to the handler and records
// the outcome in rec (stored) and r. The returned error is only for the
// store or a cancelled context, which end the poll.
func (p *Poller) ingestItem(ctx context.Context, feed state.Feed, rec *state.FeedItem, r *FeedReport) error {
	link := rec.Link
	f, err := p.ing.fetchArticle(ctx, link)
	id := ""
	if err == nil {
		id, err = p.handle(ctx, feed, f)
	}
	if ctx.Err() != nil {
		return ctx.Err() // stopped, not failed: nothing to count
	}
	switch {
	case err == nil:
		rec.Status, rec.ArticleID = state.ItemAdded, id
		r.Added = append(r.Added, id)
	case claimbot.ErrorCode(err) == claimbot.ECONFLICT:
		rec.Status, rec.ArticleID = state.ItemDuplicate, id
		r.Duplicates++
	default:
		rec.Attempts++
		rec.SetErr(err)
		msg := link + ": " + rec.LastError
		if rec.Attempts > len(p.opts.RetryAfter) {
			rec.Status = state.ItemGaveUp
			r.GaveUp = append(r.GaveUp, msg)
			if r.firstGaveUp == nil {
				r.firstGaveUp = err
			}
			p.log.Info("feed item failed on every try; given up", "url", link, "tries", rec.Attempts, "err", err)
		} else {
			rec.Status = state.ItemFailed
			rec.NextAttempt = p.opts.Now().Add(p.opts.RetryAfter[rec.Attempts-1])
			r.Failed = append(r.Failed, msg)
			if r.firstFailed == nil {
				r.firstFailed = err
			}
			p.log.Info("feed item failed, will try again", "url", link, "tries", rec.Attempts, "next", rec.NextAttempt, "err", err)
		}
	}
	return p.st.PutFeedItem(ctx, *rec)
}

// oldestFirst orders items by publication time, oldest first, so the
// corpus (and the alerts raised against it) grows in the order things were
// reported. Feeds list newest first; undated items keep that order reversed.
func oldestFirst(items []*gofeed.Item) []*gofeed.Item {
	out := make([]*gofeed.Item, 0, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		if items[i] != nil {
			out = append(out, items[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].PublishedParsed, out[j].PublishedParsed
		if a == nil || b == nil {
			return false
		}
		return a.Before(*b)
	})
	return out
}

// itemLink is the item's article URL resolved against the feed's URL, or
// "" when the item has none (a GUID is used only when it is a URL).
func itemLink(base *url.URL, it *gofeed.Item) string {
	candidates := append([]string{it.Link}, it.Links...)
	if strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://") {
		candidates = append(candidates, it.GUID)
	}
	for _, c := range candidates {
		if u := resolveHTTP(base, c); u != "" {
			return u
		}
	}
	return ""
}

// FeedInfo describes a feed checked by CheckFeed.
type FeedInfo struct {
	URL   string // final URL after redirects
	Title string
	Items int
}

// CheckFeed fetches and parses a feed once, for a command that subscribes
// to it: a URL that is not a feed is refused (EINVALID) before it is stored.
func (ing *Ingester) CheckFeed(ctx context.Context, rawURL string) (FeedInfo, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return FeedInfo{}, err
	}
	resp, err := ing.get(ctx, u.String(), feedTypes, nil)
	if err != nil {
		return FeedInfo{}, err
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return FeedInfo{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an RSS or Atom feed: %v", u, err).Say(msgNotFeed, u.String())
	}
	return FeedInfo{URL: resp.URL.String(), Title: oneLine(parsed.Title), Items: len(parsed.Items)}, nil
}
