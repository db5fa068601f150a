package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/claimbot/claimbot/german"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/l10n"
)

// Config is claimbot's configuration, read from the environment (and a .env
// file) once at start-up. Every key is documented in .env.example.
type Config struct {
	DataDir     string // CLAIMBOT_DATA, --data
	ArticlesDir string // CLAIMBOT_ARTICLES, --articles ("" = embedded corpus)
	// DatabaseURL (CLAIMBOT_DATABASE_URL; secret, it may hold a password)
	// puts the state and the article archive in PostgreSQL, shared by
	// every instance; "" keeps them in DataDir (bbolt and files).
	DatabaseURL string

	DiscordToken     string // DISCORD_TOKEN (secret)
	DiscordGuildID   string // DISCORD_GUILD_ID
	DiscordPublicKey string // DISCORD_PUBLIC_KEY (hex Ed25519 key)
	DiscordAPIBase   string // DISCORD_API_BASE
	HTTPAddr         string // HTTP_ADDR
	AlertChannelID   string // ALERT_CHANNEL_ID
	ModeratorRoleID  string // CLAIMBOT_MODERATOR_ROLE

	ClaimRateCount  int           // CLAIMBOT_CLAIM_RATE "5/10s"
	ClaimRateWindow time.Duration //
	LogLevel        string        // CLAIMBOT_LOG_LEVEL
	LogFormat       string        // CLAIMBOT_LOG_FORMAT: text, json or "" (text on a terminal)

	AllowPrivateFetch bool          // CLAIMBOT_ALLOW_PRIVATE_FETCH
	FeedInterval      time.Duration // CLAIMBOT_FEED_INTERVAL
	MinArticleChars   int           // CLAIMBOT_MIN_ARTICLE_CHARS
	OperatorGuilds    []string      // CLAIMBOT_OPERATOR_GUILDS

	// GermanData (CLAIMBOT_GERMAN_DATA) is where the German language data
	// is read from: "" the Debian packages' paths, "off" none, or a
	// directory holding the same files (see package german).
	GermanData string

	// Lang is the language of the command line and the console
	// (CLAIMBOT_LANG, else the language of LC_ALL, LC_MESSAGES or LANG,
	// else German, the language of the articles).
	Lang l10n.Lang
}

// ConfigError names the setting that is wrong and what is expected.
type ConfigError struct {
	Key, Problem string
}

func (e *ConfigError) Error() string { return e.Key + ": " + e.Problem }

var reSnowflake = regexp.MustCompile(`^[0-9]{17,20}$`)

// LoadConfig reads the configuration through getenv, which the caller backs
// with the process environment and the .env file.
func LoadConfig(getenv func(string) string) (Config, error) {
	c := Config{
		DataDir:          getenv("CLAIMBOT_DATA"),
		ArticlesDir:      getenv("CLAIMBOT_ARTICLES"),
		DatabaseURL:      strings.TrimSpace(getenv("CLAIMBOT_DATABASE_URL")),
		DiscordToken:     strings.TrimSpace(getenv("DISCORD_TOKEN")),
		DiscordGuildID:   strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		DiscordPublicKey: strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")),
		DiscordAPIBase:   strings.TrimSpace(getenv("DISCORD_API_BASE")),
		HTTPAddr:         strings.TrimSpace(getenv("HTTP_ADDR")),
		AlertChannelID:   strings.TrimSpace(getenv("ALERT_CHANNEL_ID")),
		ModeratorRoleID:  strings.TrimSpace(getenv("CLAIMBOT_MODERATOR_ROLE")),
		LogLevel:         strings.ToLower(strings.TrimSpace(getenv("CLAIMBOT_LOG_LEVEL"))),
		LogFormat:        strings.ToLower(strings.TrimSpace(getenv("CLAIMBOT_LOG_FORMAT"))),
		ClaimRateCount:   5,
		ClaimRateWindow:  10 * time.Second,
		FeedInterval:     15 * time.Minute,
		MinArticleChars:  ingest.DefaultMinTextRunes,
		GermanData:       strings.TrimSpace(getenv(german.EnvData)),
	}
	if c.DataDir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		c.DataDir = filepath.Join(cache, "claimbot")
	}
	if c.DiscordAPIBase == "" {
		c.DiscordAPIBase = "https://discord.com"
	}
	if c.LogLevel == "" {
		c.LogLevel = "info"
	}
	if v := strings.TrimSpace(getenv("CLAIMBOT_CLAIM_RATE")); v != "" {
		n, w, err := parseRate(v)
		if err != nil {
			return c, &ConfigError{"CLAIMBOT_CLAIM_RATE", fmt.Sprintf("%q: want COUNT/DURATION, e.g. 5/10s", v)}
		}
		c.ClaimRateCount, c.ClaimRateWindow = n, w
	}
	if v := strings.TrimSpace(getenv("CLAIMBOT_FEED_INTERVAL")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			return c, &ConfigError{"CLAIMBOT_FEED_INTERVAL", fmt.Sprintf("%q: want a duration of at least 1m, e.g. 15m", v)}
		}
		c.FeedInterval = d
	}
	if v := strings.TrimSpace(getenv("CLAIMBOT_MIN_ARTICLE_CHARS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return c, &ConfigError{"CLAIMBOT_MIN_ARTICLE_CHARS", fmt.Sprintf("%q: want a number of characters from 1 to 100000, e.g. 200", v)}
		}
		c.MinArticleChars = n
	}
	for _, g := range strings.Split(getenv("CLAIMBOT_OPERATOR_GUILDS"), ",") {
		if g = strings.TrimSpace(g); g != "" {
			c.OperatorGuilds = append(c.OperatorGuilds, g)
		}
	}
	c.Lang = l10n.DE
	if v := strings.TrimSpace(getenv("CLAIMBOT_LANG")); v != "" {
		l, ok := l10n.Parse(v)
		if !ok {
			return c, &ConfigError{"CLAIMBOT_LANG", fmt.Sprintf("%q: want de or en", v)}
		}
		c.Lang = l
	} else {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if l, ok := l10n.Parse(getenv(k)); ok {
				c.Lang = l
				break
			}
		}
	}
	switch v := strings.TrimSpace(getenv("CLAIMBOT_ALLOW_PRIVATE_FETCH")); v {
	case "", "0", "false":
	case "1", "true":
		c.AllowPrivateFetch = true
	default:
		return c, &ConfigError{"CLAIMBOT_ALLOW_PRIVATE_FETCH", fmt.Sprintf("%q: want 1 or 0", v)}
	}
	return c, c.Validate()
}

// Validate checks the settings' forms; it does not connect anywhere.
func (c Config) Validate() error {
	if c.DiscordToken != "" && (strings.ContainsAny(c.DiscordToken, " \t") || len(c.DiscordToken) < 20) {
		return &ConfigError{"DISCORD_TOKEN", "does not look like a bot token (copy it from the Developer Portal, Bot tab)"}
	}
	for _, id := range []struct{ key, v, what string }{
		{"DISCORD_GUILD_ID", c.DiscordGuildID, "right-click the server icon → Copy Server ID"},
		{"ALERT_CHANNEL_ID", c.AlertChannelID, "right-click the channel → Copy Channel ID"},
		{"CLAIMBOT_MODERATOR_ROLE", c.ModeratorRoleID, "Server Settings → Roles, right-click the role → Copy Role ID"},
	} {
		if id.v != "" && !reSnowflake.MatchString(id.v) {
			return &ConfigError{id.key, fmt.Sprintf("%q: want a Discord ID (17 to 20 digits; with Developer Mode on, %s)", id.v, id.what)}
		}
	}
	for _, g := range c.OperatorGuilds {
		if !reSnowflake.MatchString(g) {
			return &ConfigError{"CLAIMBOT_OPERATOR_GUILDS", fmt.Sprintf("%q: want Discord guild IDs (17 to 20 digits), separated by commas", g)}
		}
	}
	if c.DatabaseURL != "" {
		// Parsed, not connected to; the message never quotes the value.
		if _, err := pgconn.ParseConfig(c.DatabaseURL); err != nil {
			return &ConfigError{"CLAIMBOT_DATABASE_URL", "want a PostgreSQL connection string, e.g. postgres://claimbot:PASSWORD@db.example:5432/claimbot or host=/run/postgresql dbname=claimbot"}
		}
	}
	if c.DiscordPublicKey != "" {
		if b, err := hex.DecodeString(c.DiscordPublicKey); err != nil || len(b) != 32 {
			return &ConfigError{"DISCORD_PUBLIC_KEY", "want the application's public key: 64 hex digits"}
		}
		if c.HTTPAddr == "" {
			return &ConfigError{"HTTP_ADDR", "required with DISCORD_PUBLIC_KEY (the address the interactions endpoint listens on, e.g. :8080)"}
		}
	}
	if c.HTTPAddr != "" {
		_, port, err := net.SplitHostPort(c.HTTPAddr)
		if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
			return &ConfigError{"HTTP_ADDR", fmt.Sprintf("%q: want HOST:PORT or :PORT, e.g. :8080", c.HTTPAddr)}
		}
	}
	if u, err := url.Parse(c.DiscordAPIBase); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return &ConfigError{"DISCORD_API_BASE", fmt.Sprintf("%q: want scheme and host only, e.g. https://discord.com", c.DiscordAPIBase)}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return &ConfigError{"CLAIMBOT_LOG_LEVEL", fmt.Sprintf("%q: want debug, info, warn or error", c.LogLevel)}
	}
	switch c.LogFormat {
	case "", "text", "json":
	default:
		return &ConfigError{"CLAIMBOT_LOG_FORMAT", fmt.Sprintf("%q: want text or json", c.LogFormat)}
	}
	if err := german.CheckSetting(c.GermanData); err != nil {
		return &ConfigError{german.EnvData, fmt.Sprintf("%q: want empty (the Debian packages), off, or a directory holding the German data files (%v)", c.GermanData, err)}
	}
	if c.ClaimRateCount < 1 || c.ClaimRateWindow <= 0 {
		return &ConfigError{"CLAIMBOT_CLAIM_RATE", "want at least 1 per a positive duration"}
	}
	return nil
}

func parseRate(s string) (int, time.Duration, error) {
	n, w, ok := strings.Cut(s, "/")
	if !ok {
		return 0, 0, errors.New("no /")
	}
	count, err := strconv.Atoi(strings.TrimSpace(n))
	if err != nil || count < 1 {
		return 0, 0, errors.New("bad count")
	}
	window, err := time.ParseDuration(strings.TrimSpace(w))
	if err != nil || window <= 0 {
		return 0, 0, errors.New("bad window")
	}
	return count, window, nil
}

// dotenv reads KEY=VALUE lines from a .env file. Missing files are not an
// error: .env is optional.
func dotenv(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	vals := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want KEY=VALUE", path, n)
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		vals[strings.TrimSpace(k)] = v
	}
	return vals, sc.Err()
}

// withDotenv layers the .env values under the process environment: a
// variable set in the environment wins.
func withDotenv(getenv func(string) string, vals map[string]string) func(string) string {
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return vals[k]
	}
}
