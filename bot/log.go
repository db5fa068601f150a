package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// discordgo logs through one package variable, discordgo.Logger. It is set
// once, to a function that forwards to the logger of the most recently
// created session, with every token the process has used redacted (at
// LogDebug discordgo prints whole payloads, IDENTIFY included).
var dgLogs struct {
	once    sync.Once
	mu      sync.Mutex
	log     *slog.Logger
	secrets []string
}

func routeDiscordgoLogs(log *slog.Logger, token string) {
	dgLogs.mu.Lock()
	dgLogs.log = log
	if token != "" && !slices.Contains(dgLogs.secrets, token) {
		dgLogs.secrets = append(dgLogs.secrets, token)
	}
	dgLogs.mu.Unlock()
	dgLogs.once.Do(func() { discordgo.Logger = discordgoLog })
}

// discordgoLog receives discordgo's messages. Its errors are mostly
// transient gateway trouble it handles itself (reconnects), so they go out
// as warnings; everything else is debug detail.
func discordgoLog(level, _ int, format string, args ...any) {
	dgLogs.mu.Lock()
	log, secrets := dgLogs.log, dgLogs.secrets
	dgLogs.mu.Unlock()
	if log == nil {
		return
	}
	lvl := slog.LevelDebug
	if level == discordgo.LogError {
		lvl = slog.LevelWarn
	}
	if !log.Enabled(context.Background(), lvl) {
		return
	}
	log.Log(context.Background(), lvl, redact(fmt.Sprintf(format, args...), secrets), "source", "discordgo")
}

// redact replaces every secret in s: the bot tokens, and interaction
// tokens in webhook and callback URLs (each lets anyone answer as the bot
// for 15 minutes; discordgo logs URLs when it retries or is rate limited).
func redact(s string, secrets []string) string {
	for _, sec := range secrets {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[REDACTED]")
		}
	}
	return reInteractionToken.ReplaceAllString(s, "$1[REDACTED]")
}

var reInteractionToken = regexp.MustCompile(`((?:webhooks|interactions)/[0-9]+/)[A-Za-z0-9_.\-]{20,}`)
