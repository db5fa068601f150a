// Package state keeps claimbot's persistent, mutable state: per-guild
// settings, moderator verdicts on alerts, the ledger of alerts already posted,
// the outbox of alerts that could not be posted yet, the audit log of
// moderator actions, and the feeds each guild's collection (or the shared
// base) grows from, with what became of their items.
//
// Store is the whole contract, and Archive (archive.go) the contract of
// the article archive; package statetest is their conformance suite,
// which every implementation passes: the single-file bbolt store of one
// process (package boltstate, DATA/state.db; its archive is the data
// directory's, in package library) and PostgreSQL for several instances
// (package pgstate). Consumers do not take Store whole: each declares the
// few methods it uses (bot.Store, dispatch.Store, bot.FeedStore,
// ingest.FeedStore) and the command wires one implementation into all of
// them.
package state

import (
	"context"
	"time"

	"github.com/claimbot/claimbot"
)

// Store is claimbot's persistent state. Implementations are safe for
// concurrent use. Methods return claimbot errors: EINVALID for bad arguments,
// ENOTFOUND for a missing feed, ECONFLICT for a duplicate feed, EUNAVAILABLE
// when the database cannot be used, and the context's error when ctx is done.
//
// Everything a guild's moderators change is kept under that guild's ID, so
// one guild never reads or changes another's. Feeds and feed items with an
// empty guild ID belong to the operators: they feed the shared base
// collection.
type Store interface {
	// GuildSettings returns the guild's settings, the zero value when unset.
	GuildSettings(ctx context.Context, guildID string) (GuildSettings, error)
	// SetGuildSettings replaces the guild's settings.
	SetGuildSettings(ctx context.Context, guildID string, s GuildSettings) error
	// ListGuildSettings returns every guild's stored settings, by guild ID,
	// so alerts for everyone reach guilds the process has not heard from
	// since it started.
	ListGuildSettings(ctx context.Context) (map[string]GuildSettings, error)

	// Verdict returns a moderator's verdict on an alert (claims.Alert.Key()).
	Verdict(ctx context.Context, guildID, alertKey string) (Verdict, bool, error)
	// SetVerdict records (or replaces) the verdict; At defaults to now.
	SetVerdict(ctx context.Context, guildID, alertKey string, v Verdict) error

	// ClaimAlert atomically marks the alert as posted (or being posted) in
	// the guild. It returns true to exactly one caller, however many call it
	// at once and across restarts; everyone else gets false and must not post.
	ClaimAlert(ctx context.Context, guildID, alertKey string) (first bool, err error)
	// ClaimAndEnqueueAlert does what ClaimAlert does and, for the one caller
	// that gets first == true, enqueues p (keyed by p.GuildID and
	// p.AlertKey) in the same transaction, so an alert is never marked as
	// posted without being in the outbox. Callers that get false changed
	// nothing. Enqueued defaults to now.
	ClaimAndEnqueueAlert(ctx context.Context, p PendingAlert) (first bool, err error)

	// EnqueueAlert puts an alert that could not be posted into the outbox,
	// replacing the entry with the same guild and key (so a retry that fails
	// again updates Attempts/LastError/NextAttempt instead of duplicating).
	// Enqueued defaults to now and is kept from the first entry.
	EnqueueAlert(ctx context.Context, p PendingAlert) error
	// PendingAlerts returns up to limit outbox entries (all when limit <= 0),
	// oldest first, across all guilds. Entries whose NextAttempt is in the
	// future are included; the caller decides when to retry.
	PendingAlerts(ctx context.Context, limit int) ([]PendingAlert, error)
	// LeaseAlerts takes up to limit outbox entries that are due (NextAttempt
	// not after now), oldest first, and sets their NextAttempt to until in
	// the same step, so no other caller, in this process or another sharing
	// the store, takes them again before until. The caller posts each one
	// and acks it, or enqueues it again with its next attempt; one it never
	// comes back to (its process died) is due again at until.
	LeaseAlerts(ctx context.Context, now, until time.Time, limit int) ([]PendingAlert, error)
	// AckAlert removes a posted alert from the outbox; acking an entry that
	// is not there is not an error (it was acked by another worker).
	AckAlert(ctx context.Context, guildID, alertKey string) error

	// RecordInteraction remembers the ID of a signed interaction until
	// until and reports whether it is new: false when the ID was recorded
	// before and its record has not expired at now. Every process sharing
	// the store sees the same records, so a replayed request is refused
	// whichever instance it reaches. Expired records may be dropped.
	RecordInteraction(ctx context.Context, id string, now, until time.Time) (first bool, err error)

	// AppendAudit records a moderator action; At defaults to now.
	AppendAudit(ctx context.Context, e AuditEntry) error
	// Audit returns the guild's last limit entries (all when limit <= 0),
	// newest first.
	Audit(ctx context.Context, guildID string, limit int) ([]AuditEntry, error)

	// AddFeed subscribes f.GuildID's collection ("" the base) to a feed;
	// ECONFLICT if that guild has the URL already (another guild may have
	// it too). Added defaults to now; the cursor starts empty.
	AddFeed(ctx context.Context, f Feed) error
	// ListFeeds returns the guild's feeds ("" the operators'), by URL.
	ListFeeds(ctx context.Context, guildID string) ([]Feed, error)
	// AllFeeds returns every guild's feeds, by guild ID and URL, for the
	// poller.
	AllFeeds(ctx context.Context) ([]Feed, error)
	// RemoveFeed unsubscribes the guild and forgets the feed's items;
	// ENOTFOUND if the guild has no such feed.
	RemoveFeed(ctx context.Context, guildID, url string) error
	// SetFeedCursor records the outcome of a poll; ENOTFOUND if the feed was
	// removed meanwhile (the poll result is then dropped on purpose).
	SetFeedCursor(ctx context.Context, guildID, url string, c FeedCursor) error

	// FeedItem returns what became of an item link in the guild's feeds.
	FeedItem(ctx context.Context, guildID, link string) (FeedItem, bool, error)
	// PutFeedItem records (or replaces) an item, keyed by guild and link;
	// At defaults to now.
	PutFeedItem(ctx context.Context, it FeedItem) error
	// FeedItems returns the items of one of the guild's feeds that are not
	// added: failing ones and those given up on, oldest first, so /feeds
	// list can show them with their errors.
	FeedItems(ctx context.Context, guildID, feedURL string) ([]FeedItem, error)

	// Close releases the database; the Store must not be used afterwards.
	Close() error
}

// GuildSettings are what a guild's moderators configured.
type GuildSettings struct {
	// AlertChannelID is where the guild's alerts go: a channel ID,
	// AlertsOff, or "" (never configured: the operators' default channel
	// when it is the guild's).
	AlertChannelID  string `json:"alert_channel_id,omitempty"`
	ModeratorRoleID string `json:"moderator_role_id,omitempty"`
}

// AlertsOff is a guild's AlertChannelID after "/alerts off". It must differ
// from "" (never configured, which falls back to the operators' default
// channel) and can never collide with a channel ID, which is a number.
const AlertsOff = "off"

// Verdict values.
const (
	VerdictConfirmed        = "confirmed"
	VerdictNotContradiction = "not_contradiction"
)

// Verdict is a moderator's judgement of an alert.
type Verdict struct {
	Value string    `json:"value"` // VerdictConfirmed or VerdictNotContradiction
	By    string    `json:"by"`    // Discord user ID
	At    time.Time `json:"at"`
}

// ValidVerdict returns an EINVALID error unless value is a known verdict;
// every Store implementation uses it so they refuse the same values.
func ValidVerdict(value string) error {
	switch value {
	case VerdictConfirmed, VerdictNotContradiction:
		return nil
	}
	return claimbot.Errorf(claimbot.EINVALID, "verdict %q: want %q or %q", value, VerdictConfirmed, VerdictNotContradiction)
}

// PendingAlert is an outbox entry: an alert that was claimed but could not be
// posted. Payload is opaque to the store (the bot's encoding of the alert),
// so the store does not depend on the claims package.
type PendingAlert struct {
	GuildID     string    `json:"guild_id"`
	AlertKey    string    `json:"alert_key"`
	ChannelID   string    `json:"channel_id,omitempty"`
	Payload     []byte    `json:"payload,omitempty"`
	Attempts    int       `json:"attempts"`
	LastError   string    `json:"last_error,omitempty"`
	Enqueued    time.Time `json:"enqueued"`
	NextAttempt time.Time `json:"next_attempt"` // zero: as soon as possible
}

// AuditEntry is one moderator action: who did what to what, and when.
type AuditEntry struct {
	GuildID string    `json:"guild_id"`
	UserID  string    `json:"user_id"` // who
	Action  string    `json:"action"`  // what, e.g. "verdict", "settings", "feed.add"
	Target  string    `json:"target,omitempty"`
	Detail  string    `json:"detail,omitempty"`
	At      time.Time `json:"at"`
}

// Feed is an RSS/Atom feed a collection grows from, with its poll cursor.
type Feed struct {
	URL string `json:"url"`
	// GuildID is the guild whose collection the feed's articles go to; ""
	// for an operator feed, whose articles go to the shared base.
	GuildID string `json:"guild_id,omitempty"`
	// AddedIn is the guild the feed was added from, when that is not
	// GuildID (an operator guild adding to the base); informational.
	AddedIn string    `json:"added_in,omitempty"`
	AddedBy string    `json:"added_by,omitempty"` // Discord user ID; "" from the command line
	Added   time.Time `json:"added"`
	FeedCursor
}

// FeedCursor is what the poller remembers between polls of a feed.
type FeedCursor struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPoll     time.Time `json:"last_poll"`
	// LastError is the last poll's error in English, for logs; "" after
	// a successful poll. LastErrorCode and LastErrorText are the same
	// error as its claimbot code and its text for people, encoded
	// (claimbot.Keep), so it is said in the language of whoever reads it,
	// not of the poller; a record from before they were kept has only
	// LastError. Err puts the three together.
	LastError     string `json:"last_error,omitempty"`
	LastErrorCode string `json:"last_error_code,omitempty"`
	LastErrorText string `json:"last_error_text,omitempty"`
}

// Err is the last poll's error, nil after a successful one.
func (c FeedCursor) Err() error {
	return claimbot.KeptError{Code: c.LastErrorCode, Message: c.LastError, Text: c.LastErrorText}.Err()
}

// SetErr records err (nil: none) as the last poll's error.
func (c *FeedCursor) SetErr(err error) {
	k := claimbot.Keep(err)
	c.LastError, c.LastErrorCode, c.LastErrorText = k.Message, k.Code, k.Text
}

// Feed item statuses.
const (
	ItemAdded     = "added"     // in the collection as ArticleID
	ItemDuplicate = "duplicate" // already in the collection, as ArticleID
	ItemFailed    = "failed"    // failed; tried again at NextAttempt
	ItemGaveUp    = "gave_up"   // failed every try; tried again only if the feed republishes it
)

// FeedItem is what became of one entry of a feed: added, a duplicate, or
// failing with an error and a time for the next try.
type FeedItem struct {
	GuildID string `json:"guild_id,omitempty"`
	Feed    string `json:"feed"` // the feed's URL
	Link    string `json:"link"` // the entry's article URL; the key with GuildID
	Title   string `json:"title,omitempty"`
	Status  string `json:"status"`
	// ArticleID is the article the item became (added or duplicate).
	ArticleID string `json:"article_id,omitempty"`
	Attempts  int    `json:"attempts,omitempty"`
	// LastError, LastErrorCode and LastErrorText are the last try's
	// error as FeedCursor keeps a poll's.
	LastError     string    `json:"last_error,omitempty"`
	LastErrorCode string    `json:"last_error_code,omitempty"`
	LastErrorText string    `json:"last_error_text,omitempty"`
	NextAttempt   time.Time `json:"next_attempt,omitzero"`
	// Updated is the entry's own updated (or published) time when it was
	// last tried, so a republished entry is tried again.
	Updated time.Time `json:"updated,omitzero"`
	At      time.Time `json:"at"` // when this record was written
}

// Err is the item's last error, nil when it has none.
func (it FeedItem) Err() error {
	return claimbot.KeptError{Code: it.LastErrorCode, Message: it.LastError, Text: it.LastErrorText}.Err()
}

// SetErr records err (nil: none) as the item's last error.
func (it *FeedItem) SetErr(err error) {
	k := claimbot.Keep(err)
	it.LastError, it.LastErrorCode, it.LastErrorText = k.Message, k.Code, k.Text
}

// ValidItemStatus returns an EINVALID error unless s is a feed item status.
func ValidItemStatus(s string) error {
	switch s {
	case ItemAdded, ItemDuplicate, ItemFailed, ItemGaveUp:
		return nil
	}
	return claimbot.Errorf(claimbot.EINVALID, "feed item status %q: want %s, %s, %s or %s", s, ItemAdded, ItemDuplicate, ItemFailed, ItemGaveUp)
}
