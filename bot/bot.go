package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/dispatch"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// Library is what the bot reads from the article library
// (*library.Library). Every read names the collection whose view it
// serves (see collection); errors carry claimbot codes.
type Library interface {
	Search(ctx context.Context, c library.Collection, query string, opts index.SearchOptions) (index.Result, error)
	Reindex(ctx context.Context) (library.Report, error)
	Article(c library.Collection, id string) (articles.Article, bool)
	Articles(c library.Collection) []articles.Article
	IsExcluded(c library.Collection, id string) bool
	Stats(c library.Collection) library.Stats
	Disagreements(c library.Collection, hits []index.Hit) []claims.Alert
	Timeline(ctx context.Context, c library.Collection, topic string) ([]claims.TimelineEntry, error)
	AlertsFor(c library.Collection, rep library.Report) []claims.Alert
}

var _ Library = (*library.Library)(nil)

// Store is the part of state.Store the bot uses: guild settings, verdicts,
// the audit log, the replay window of signed interactions, and what the
// alert dispatcher needs (claims and the outbox).
type Store interface {
	dispatch.Store
	SetGuildSettings(ctx context.Context, guildID string, s state.GuildSettings) error
	SetVerdict(ctx context.Context, guildID, alertKey string, v state.Verdict) error
	PendingAlerts(ctx context.Context, limit int) ([]state.PendingAlert, error)
	AppendAudit(ctx context.Context, e state.AuditEntry) error
	RecordInteraction(ctx context.Context, id string, now, until time.Time) (first bool, err error)
}

var _ Store = state.Store(nil)

// alertsOff is stored as a guild's AlertChannelID after "/alerts off".
const alertsOff = state.AlertsOff

// Config is the bot's configuration; cmd/claimbot fills it from the
// environment.
type Config struct {
	// Token is the bot token (DISCORD_TOKEN), without the "Bot " prefix.
	// It is never logged.
	Token string
	// AppID is the application ID. Optional: the gateway learns it from
	// READY and HTTP mode from GET /applications/@me.
	AppID string
	// GuildID (DISCORD_GUILD_ID) registers the commands in that guild only
	// (instant, for development); empty registers them globally.
	GuildID string
	// PublicKey (DISCORD_PUBLIC_KEY) is the application's Ed25519 public key
	// in hex, needed for HTTP-interactions mode.
	PublicKey string
	// APIBase (DISCORD_API_BASE) replaces https://discord.com for every
	// REST call, e.g. a rate-limit proxy or a fake Discord in tests.
	APIBase string
	// AlertChannelID (ALERT_CHANNEL_ID) is where contradiction alerts go in
	// guilds that have not chosen a channel with /alerts. When GuildID is
	// set it applies to that guild only, since a channel belongs to one
	// guild.
	AlertChannelID string
	// ModeratorRoleID (CLAIMBOT_MODERATOR_ROLE) is a role whose members may
	// use moderator commands, in addition to Manage Server and
	// Administrator (and to a guild's stored moderator role).
	ModeratorRoleID string
	// OperatorGuilds (CLAIMBOT_OPERATOR_GUILDS) are the guilds whose
	// moderators change the shared base collection: their /article and
	// /feeds act on the base, and only they may /reindex. Every other
	// guild's moderators change their guild's own collection.
	OperatorGuilds []string
	// AlertLocale is the language of alerts in guilds whose locale the bot
	// has not seen yet ("de" or "en"; default "de").
	AlertLocale string
	// AlertKinds are the claims.Alert kinds posted to alert channels
	// (default: those whose Kind.Alerts is true, conflict, denial and
	// retraction). An "update" (a later figure replacing an earlier one)
	// is news, not a contradiction; one new article typically updates many
	// older figures, so posting updates would bury the contradictions.
	AlertKinds []claims.Kind

	// OnInvite, when set, is told the invite URL once the token is
	// checked at start-up (cmd prints it).
	OnInvite func(inviteURL string)

	// ClaimRate and ClaimWindow limit each user's searches (/claim, Check
	// claim, /timeline, page buttons; default 5 per 10 s).
	ClaimRate   int
	ClaimWindow time.Duration
	// DeferAfter is how long a handler may run before the bot defers the
	// response (default 1.5 s; Discord allows 3 s for the first response).
	DeferAfter time.Duration
	// SearchTimeout bounds one search (default 10 s).
	SearchTimeout time.Duration
	// ShutdownTimeout bounds how long Run waits for interactions in flight
	// when ctx is cancelled (default 10 s; with ingestion, the longest
	// fetch plus 10 s, so a slow /article add still gets its reply).
	ShutdownTimeout time.Duration
	// OutboxInterval is how often alerts that could not be posted are
	// retried (default 1 min).
	OutboxInterval time.Duration
	// MaxBodyBytes caps HTTP-interactions request bodies (default 1 MiB).
	MaxBodyBytes int64
	// MaxUnverified bounds the HTTP-interactions bodies read at once before
	// their signature is checked (default 64), so unauthenticated requests
	// hold at most MaxUnverified × MaxBodyBytes; past it the endpoint
	// answers 503.
	MaxUnverified int
	// MaxClockSkew is how old (or how far in the future) a signed
	// HTTP interaction's timestamp may be (default 5 min).
	MaxClockSkew time.Duration
}

func (c *Config) defaults() {
	if c.ClaimRate <= 0 {
		c.ClaimRate = 5
	}
	if c.ClaimWindow <= 0 {
		c.ClaimWindow = 10 * time.Second
	}
	if c.DeferAfter <= 0 {
		c.DeferAfter = 1500 * time.Millisecond
	}
	if c.SearchTimeout <= 0 {
		c.SearchTimeout = 10 * time.Second
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 10 * time.Second
	}
	if c.OutboxInterval <= 0 {
		c.OutboxInterval = time.Minute
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 1 << 20
	}
	if c.MaxUnverified <= 0 {
		c.MaxUnverified = 64
	}
	if c.MaxClockSkew <= 0 {
		c.MaxClockSkew = 5 * time.Minute
	}
	if c.AlertLocale == "" {
		c.AlertLocale = "de"
	}
}

// Deps are the bot's collaborators. Library is required; the rest default.
type Deps struct {
	Library Library
	// Store persists guild settings, verdicts and alerts. Nil keeps them in
	// memory (console mode, tests): lost on restart.
	Store Store
	// Logger receives the bot's logs (default: discard).
	Logger *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// After is the timer used for deferral budgets and retry intervals
	// (default time.After). Tests inject one they fire themselves.
	After func(time.Duration) <-chan time.Time
	// Metrics receives interactions, searches, alerts and REST calls for
	// monitoring (ops.Metrics); nil records nothing.
	Metrics Metrics
	// Ingest enables /article and /feeds (article.go, feeds.go);
	// nil leaves those commands saying that ingestion is not set up.
	Ingest *Ingest
	// Poller, when set, runs beside RunGateway (after READY, when the
	// guilds are known) and RunHTTP, and stops with them.
	Poller Poller
}

// Bot serves claimbot's commands. Create it with New; it is safe for
// concurrent use.
type Bot struct {
	cfg    Config
	lib    Library
	store  Store
	log    *slog.Logger
	now    func() time.Time
	after  func(time.Duration) <-chan time.Time
	pubKey ed25519.PublicKey

	limiter *rateLimiter
	queries *queryCache

	// HTTP interactions: bodies being read before verification (http.go).
	unverified chan struct{}

	// session does REST for every mode but the console; set by New when a
	// token is configured.
	session *discordgo.Session
	// post sends a channel message (REST, or printing in the console).
	post func(ctx context.Context, channelID string, m *discordgo.MessageSend) error

	appID   atomic.Value // string
	botUser atomic.Value // string: the bot's own user ID (checkToken)

	operators map[string]bool // Config.OperatorGuilds
	fallback  fallbackGuild   // the guild Config.AlertChannelID belongs to

	mu     sync.Mutex
	guilds map[string]string // guild ID → locale ("" unknown)
	track  tracker           // interactions in flight

	ops      opsState             // metrics, readiness, REST retries (observe.go)
	dispatch *dispatch.Dispatcher // claims, outbox, retries, broadcast (alertpost.go)

	ing    *ingestion // /article and /feeds; nil when off
	poller Poller     // Deps.Poller
}

// New checks the configuration and builds a bot. It does not connect.
func New(cfg Config, deps Deps) (*Bot, error) {
	if cfg.ShutdownTimeout <= 0 && deps.Ingest != nil && deps.Ingest.Ingester != nil {
		cfg.ShutdownTimeout = max(10*time.Second, deps.Ingest.Ingester.Timeout()+10*time.Second)
	}
	cfg.defaults()
	if deps.Library == nil {
		return nil, errors.New("bot: Deps.Library is required")
	}
	b := &Bot{
		cfg:       cfg,
		lib:       deps.Library,
		store:     deps.Store,
		log:       deps.Logger,
		now:       deps.Now,
		after:     deps.After,
		queries:   newQueryCache(4096),
		guilds:    map[string]string{},
		operators: map[string]bool{},
	}
	for _, g := range cfg.OperatorGuilds {
		b.operators[g] = true
	}
	if b.store == nil {
		b.store = newMemStore()
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	// Every line the bot logs passes the redaction: REST errors quote
	// their request URL, which holds the interaction token.
	b.log = slog.New(newRedactHandler(b.log.Handler(), cfg.Token))
	if b.now == nil {
		b.now = time.Now
	}
	if b.after == nil {
		b.after = time.After
	}
	b.ops.init(deps.Metrics)
	b.dispatch = b.newDispatcher()
	ing, err := newIngestion(deps)
	if err != nil {
		return nil, err
	}
	b.ing = ing
	b.poller = deps.Poller
	b.limiter = newRateLimiter(cfg.ClaimRate, cfg.ClaimWindow)
	b.unverified = make(chan struct{}, cfg.MaxUnverified)
	b.appID.Store(cfg.AppID)
	if cfg.GuildID != "" {
		b.guilds[cfg.GuildID] = ""
	}
	if cfg.PublicKey != "" {
		k, err := hex.DecodeString(cfg.PublicKey)
		if err != nil || len(k) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("bot: DISCORD_PUBLIC_KEY must be %d bytes in hex", ed25519.PublicKeySize)
		}
		b.pubKey = k
	}
	if cfg.PublicKey != "" && cfg.Token == "" {
		return nil, errors.New("bot: HTTP-interactions mode needs DISCORD_TOKEN too, for edits and follow-ups")
	}
	if cfg.APIBase != "" {
		if _, err := parseAPIBase(cfg.APIBase); err != nil {
			return nil, err
		}
	}
	if cfg.Token != "" {
		s, err := b.newSession()
		if err != nil {
			return nil, err
		}
		b.session = s
		b.post = b.restPost
	}
	return b, nil
}

// parseAPIBase checks DISCORD_API_BASE: an absolute http(s) URL.
func parseAPIBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("bot: DISCORD_API_BASE %q: want a URL like https://discord.com", s)
	}
	return u, nil
}

// AppID is the application ID, once known.
func (b *Bot) AppID() string { s, _ := b.appID.Load().(string); return s }

// rememberGuild records a guild the bot is in, and its locale if known, so
// its alerts speak its language.
func (b *Bot) rememberGuild(id, locale string) {
	if id == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if locale != "" || b.guilds[id] == "" {
		b.guilds[id] = locale
	}
}

// guildLang is the language of alerts in a guild.
func (b *Bot) guildLang(id string) lang {
	b.mu.Lock()
	loc := b.guilds[id]
	b.mu.Unlock()
	if loc == "" {
		loc = b.cfg.AlertLocale
	}
	return langOf(loc)
}
