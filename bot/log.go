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

// redactHandler applies redact to every line the bot logs: the message and
// every attribute. discordgo's REST errors carry the request URL (a
// *url.Error on a network failure: `Post ".../interactions/ID/TOKEN/callback":
// EOF`), and the bot logs those errors as they come, so redacting only
// discordgo's own logger is not enough.
type redactHandler struct {
	next    slog.Handler
	secrets []string
}

func newRedactHandler(next slog.Handler, secrets ...string) *redactHandler {
	return &redactHandler{next: next, secrets: slices.DeleteFunc(slices.Clone(secrets), func(s string) bool { return s == "" })}
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, redact(r.Message, h.secrets), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(as))
	for i, a := range as {
		red[i] = h.attr(a)
	}
	return &redactHandler{next: h.next.WithAttrs(red), secrets: h.secrets}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{next: h.next.WithGroup(name), secrets: h.secrets}
}

// attr redacts one attribute. Values other than strings and groups (errors,
// structs) are printed as the handlers below would print them; only when
// that text held a secret is the value replaced by its redacted text, so
// numbers, times and clean values keep their type.
func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, redact(v.String(), h.secrets))
	case slog.KindGroup:
		g := v.Group()
		red := make([]slog.Attr, len(g))
		for i, ga := range g {
			red[i] = h.attr(ga)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(red...)}
	case slog.KindAny:
		if s, ok := printed(v.Any()); ok {
			if r := redact(s, h.secrets); r != s {
				return slog.String(a.Key, r)
			}
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// printed is a value's text; ok is false if printing it panicked (a nil
// pointer behind an error), which slog's handlers report themselves.
func printed(v any) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if err, isErr := v.(error); isErr {
		return err.Error(), true
	}
	return fmt.Sprintf("%+v", v), true
}
