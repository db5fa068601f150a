package ingest

import (
	"bytes"
	"context"
	"errors"
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

// refusedPrefix marks a feed item link that was refused for good (not an
// article, gone), so the poller does not fetch it on every poll, while a
// person who adds the same URL by hand is not told it is a duplicate.
const refusedPrefix = "refused:"

// Handler receives each new article of a feed; it adds f to the corpus.
// Returning nil (or an ECONFLICT error: already in the corpus) records the
// item as ingested; EUNAVAILABLE, ETIMEOUT, ERATELIMIT, EINTERNAL or a
// context error make the poller try the item again on the next poll; any
// other error refuses the item for good.
type Handler func(ctx context.Context, f Fetched) error

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
	Now             func() time.Time
	NewTicker       func(time.Duration) Ticker
	// OnPoll, when set, is called after every poll Run makes (for logs and
	// tests; the report is also returned by Poll).
	OnPoll func(PollReport, error)
	Logger *slog.Logger
}

// Poller polls the feeds in a state.Store and hands new articles to a
// Handler.
type Poller struct {
	ing    *Ingester
	st     state.Store
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
	NotModified bool     // the server answered 304
	Added       []string // article IDs handed to the handler and accepted
	Seen        int      // items known from earlier polls (not fetched)
	Duplicates  int      // fetched, but the same URL or text is in the corpus already
	Refused     []string // "link: reason", not retried
	Failed      []string // "link: reason", retried on the next poll
	Err         string   // the feed itself could not be polled ("" when it was)
}

// NewPoller returns a Poller. ing fetches (its safety rules apply to feeds
// and items alike); st holds the feeds, their cursors and the seen items.
func NewPoller(ing *Ingester, st state.Store, handle Handler, opts PollerOptions) *Poller {
	if opts.Interval <= 0 {
		opts.Interval = DefaultPollInterval
	}
	if opts.MaxItemsPerPoll <= 0 {
		opts.MaxItemsPerPoll = DefaultMaxItemsPerPoll
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
	// The ingester's duplicate checks must look at the same store.
	if ing.opts.Store == nil {
		cp := *ing
		cp.opts.Store = st
		ing = &cp
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
	feeds, err := p.st.ListFeeds(ctx)
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
	r := FeedReport{URL: feed.URL}
	header := http.Header{}
	if feed.ETag != "" {
		header.Set("If-None-Match", feed.ETag)
	}
	if feed.LastModified != "" {
		header.Set("If-Modified-Since", feed.LastModified)
	}
	// Until the whole feed is processed the old validators stay, so a
	// feed with items to retry is fetched in full next time instead of
	// being answered with a 304.
	cursor := state.FeedCursor{ETag: feed.ETag, LastModified: feed.LastModified}
	save := func() error {
		cursor.LastPoll = p.opts.Now()
		err := p.st.SetFeedCursor(ctx, feed.URL, cursor)
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
		cursor.LastError = r.Err
		return r, save()
	}
	if resp.Status == http.StatusNotModified {
		r.NotModified = true
		return r, save()
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		r.Err = fmt.Sprintf("%s is not an RSS or Atom feed: %v", feed.URL, err)
		cursor.LastError = r.Err
		return r, save()
	}

	complete := true
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
		key, _, err := p.ing.duplicateOf(ctx, link, refusedPrefix+link)
		if err != nil {
			return r, err
		}
		if key != "" {
			r.Seen++
			continue
		}
		if fetched >= p.opts.MaxItemsPerPoll {
			complete = false // the rest next time
			break
		}
		fetched++
		if err := p.ingestItem(ctx, link, &r); err != nil {
			if ctx.Err() != nil {
				return r, ctx.Err()
			}
			if isStoreError(err) {
				return r, err
			}
			complete = false
		}
	}
	if complete {
		cursor.ETag, cursor.LastModified = resp.ETag, resp.LastModified
	}
	if n := len(r.Failed); n > 0 {
		cursor.LastError = fmt.Sprintf("%d item(s) will be retried; first: %s", n, r.Failed[0])
	}
	return r, save()
}

// storeError marks a failure of the state store, which ends the poll:
// without the store the poller cannot tell new items from old ones.
type storeError struct{ err error }

func (e storeError) Error() string { return e.err.Error() }
func (e storeError) Unwrap() error { return e.err }

func isStoreError(err error) bool {
	var se storeError
	return errors.As(err, &se)
}

// ingestItem fetches one item's page and hands it to the handler; it
// records the outcome in r and returns an error when the item should be
// retried (or the store failed, wrapped in storeError).
func (p *Poller) ingestItem(ctx context.Context, link string, r *FeedReport) error {
	mark := func(keys []string, id string) error {
		for _, k := range keys {
			if err := p.st.MarkItem(ctx, k, id); err != nil {
				return storeError{err}
			}
		}
		return nil
	}
	outcome := func(err error) error {
		msg := link + ": " + claimbot.ErrorMessage(err)
		if retryable(err) {
			r.Failed = append(r.Failed, msg)
			p.log.Info("feed item failed, will retry", "url", link, "err", err)
			return err
		}
		r.Refused = append(r.Refused, msg)
		p.log.Info("feed item refused", "url", link, "err", err)
		return mark([]string{refusedPrefix + link}, "")
	}

	f, err := p.ing.fetchArticle(ctx, link)
	if err != nil {
		return outcome(err)
	}
	key, id, err := p.ing.duplicateOf(ctx, f.Keys()...)
	if err != nil {
		return storeError{err}
	}
	if key != "" {
		// Another feed or a person added the same article: remember this
		// link as that article so it is not fetched again.
		r.Duplicates++
		return mark(f.Keys(), id)
	}
	switch err := p.handle(ctx, f); {
	case err == nil:
		r.Added = append(r.Added, f.ArticleID)
		return mark(f.Keys(), f.ArticleID)
	case claimbot.ErrorCode(err) == claimbot.ECONFLICT:
		r.Duplicates++
		return mark(f.Keys(), f.ArticleID)
	default:
		return outcome(err)
	}
}

// retryable reports failures that may go away by themselves.
func retryable(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	switch claimbot.ErrorCode(err) {
	case claimbot.EUNAVAILABLE, claimbot.ETIMEOUT, claimbot.ERATELIMIT, claimbot.EINTERNAL:
		return true
	}
	return false
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
		return FeedInfo{}, claimbot.Errorf(claimbot.EINVALID, "%s is not an RSS or Atom feed: %v", u, err)
	}
	return FeedInfo{URL: resp.URL.String(), Title: oneLine(parsed.Title), Items: len(parsed.Items)}, nil
}
