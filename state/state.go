// Package state keeps claimbot's persistent, mutable state: per-guild
// settings, moderator verdicts on alerts, the ledger of alerts already posted,
// the outbox of alerts that could not be posted yet, the audit log of
// moderator actions, the feeds the corpus grows from and the items already
// ingested from them.
//
// Everything goes through the one small Store interface so that the
// single-file bbolt store used today (OpenBolt, DATA/state.db) can be joined
// by a shared database (PostgreSQL, for several bot instances) without
// touching the handlers. Package statetest holds the conformance suite every
// implementation must pass.
package state

import (
	"context"
	"time"
)

// Store is claimbot's persistent state. Implementations are safe for
// concurrent use. Methods return claimbot errors: EINVALID for bad arguments,
// ENOTFOUND for a missing feed, ECONFLICT for a duplicate feed, EUNAVAILABLE
// when the database cannot be used, and the context's error when ctx is done.
type Store interface {
	// GuildSettings returns the guild's settings, the zero value when unset.
	GuildSettings(ctx context.Context, guildID string) (GuildSettings, error)
	// SetGuildSettings replaces the guild's settings.
	SetGuildSettings(ctx context.Context, guildID string, s GuildSettings) error

	// Verdict returns a moderator's verdict on an alert (claims.Alert.Key()).
	Verdict(ctx context.Context, guildID, alertKey string) (Verdict, bool, error)
	// SetVerdict records (or replaces) the verdict; At defaults to now.
	SetVerdict(ctx context.Context, guildID, alertKey string, v Verdict) error

	// ClaimAlert atomically marks the alert as posted (or being posted) in
	// the guild. It returns true to exactly one caller, however many call it
	// at once and across restarts; everyone else gets false and must not post.
	ClaimAlert(ctx context.Context, guildID, alertKey string) (first bool, err error)

	// EnqueueAlert puts an alert that could not be posted into the outbox,
	// replacing the entry with the same guild and key (so a retry that fails
	// again updates Attempts/LastError/NextAttempt instead of duplicating).
	// Enqueued defaults to now and is kept from the first entry.
	EnqueueAlert(ctx context.Context, p PendingAlert) error
	// PendingAlerts returns up to limit outbox entries (all when limit <= 0),
	// oldest first, across all guilds. Entries whose NextAttempt is in the
	// future are included; the caller decides when to retry.
	PendingAlerts(ctx context.Context, limit int) ([]PendingAlert, error)
	// AckAlert removes a posted alert from the outbox; acking an entry that
	// is not there is not an error (it was acked by another worker).
	AckAlert(ctx context.Context, guildID, alertKey string) error

	// AppendAudit records a moderator action; At defaults to now.
	AppendAudit(ctx context.Context, e AuditEntry) error
	// Audit returns the guild's last limit entries (all when limit <= 0),
	// newest first.
	Audit(ctx context.Context, guildID string, limit int) ([]AuditEntry, error)

	// AddFeed subscribes the corpus to a feed; ECONFLICT if the URL is
	// already there. Added defaults to now; the cursor starts empty.
	AddFeed(ctx context.Context, f Feed) error
	// ListFeeds returns all feeds, ordered by URL.
	ListFeeds(ctx context.Context) ([]Feed, error)
	// RemoveFeed unsubscribes; ENOTFOUND if the URL is not a feed.
	RemoveFeed(ctx context.Context, url string) error
	// SetFeedCursor records the outcome of a poll; ENOTFOUND if the feed was
	// removed meanwhile (the poll result is then dropped on purpose).
	SetFeedCursor(ctx context.Context, url string, c FeedCursor) error

	// SeenItem reports whether an item key (canonical URL or "sha256:<hex>"
	// of the text) was ingested, and as which article.
	SeenItem(ctx context.Context, key string) (articleID string, seen bool, err error)
	// MarkItem records that key was ingested as articleID (idempotent).
	MarkItem(ctx context.Context, key, articleID string) error

	// Close releases the database; the Store must not be used afterwards.
	Close() error
}

// GuildSettings are what a guild's moderators configured.
type GuildSettings struct {
	AlertChannelID  string `json:"alert_channel_id,omitempty"`
	ModeratorRoleID string `json:"moderator_role_id,omitempty"`
}

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

// Feed is an RSS/Atom feed the corpus grows from, with its poll cursor.
type Feed struct {
	URL     string    `json:"url"`
	GuildID string    `json:"guild_id,omitempty"` // where it was added (informational: the corpus is shared)
	AddedBy string    `json:"added_by,omitempty"`
	Added   time.Time `json:"added"`
	FeedCursor
}

// FeedCursor is what the poller remembers between polls of a feed.
type FeedCursor struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPoll     time.Time `json:"last_poll"`
	LastError    string    `json:"last_error,omitempty"` // "" after a successful poll
}
