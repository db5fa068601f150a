// Command claimbot looks up claims in a full-text index of news articles,
// with exact source attribution, and alerts moderators to contradictions.
// Without a Discord token it serves the embedded corpus in a local console
// that shows what the bot would post; with one it is the Discord bot.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runMain(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// runMain runs the program and turns its error into exactly one line on
// stderr ("claimbot: KEY: what is expected" for a bad setting) and the exit
// status.
func runMain(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := run(ctx, args, getenv, stdin, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return exitCode(err) // the flag package printed the usage
	}
	fmt.Fprintln(stderr, "claimbot: "+strings.Join(strings.Fields(err.Error()), " "))
	return exitCode(err)
}

// exitCode is 2 for usage and configuration errors (nothing was tried), 1
// for everything else.
func exitCode(err error) int {
	var ce *ConfigError
	var ue usageError
	if errors.As(err, &ce) || errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

type usageError string

func (e usageError) Error() string { return string(e) }

const usage = `usage: claimbot [--data DIR] [--articles DIR] [--guild ID] [COMMAND] [ARGS]

Commands:
  (none)                   the Discord bot when DISCORD_TOKEN is set, else the local console
  console                  the local console: type /claim, /source, /timeline, /stats, /reindex
  serve                    the Discord bot (gateway, or HTTP interactions with DISCORD_PUBLIC_KEY)
  search [--json] [--limit N] QUERY
                           the passages that match a claim, with their sources
  index                    rebuild the index from the articles
  add [--json] FILE...     index new article files (.txt, .md) and report contradictions
  add [--json] URL...      fetch web pages and add them as articles (see "Growing the corpus")
  feeds add|remove URL     subscribe to an RSS/Atom feed, or unsubscribe
  feeds list|poll [--json] the subscribed feeds; poll them once now and print what was added
  contradictions [--json]  every contradicting pair of claims in the corpus
  timeline [--json] TOPIC  the figures reported on a topic, in date order

The commands work on the shared base collection; --guild ID works on that
Discord guild's own collection instead (search, add, contradictions and
timeline see the base and the guild's articles, as the guild does).
Settings come from the environment and a .env file; see .env.example.
`

// run is the whole program with its dependencies injected, so tests can run
// it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	env, err := dotenv(".env")
	if err != nil {
		return &ConfigError{".env", err.Error()}
	}
	getenv = withDotenv(getenv, env)

	global := flag.NewFlagSet("claimbot", flag.ContinueOnError)
	global.SetOutput(stderr)
	global.Usage = func() { fmt.Fprint(stderr, usage) }
	data := global.String("data", "", "data directory for the index and state (env CLAIMBOT_DATA)")
	arts := global.String("articles", "", "directory of article files (env CLAIMBOT_ARTICLES; default: the embedded corpus)")
	guild := global.String("guild", "", "work on this Discord guild's collection instead of the shared base")
	if err := global.Parse(args); err != nil {
		return err
	}
	cfg, err := LoadConfig(getenv)
	if err != nil {
		return err
	}
	if *data != "" {
		cfg.DataDir = *data
	}
	if *arts != "" {
		cfg.ArticlesDir = *arts
	}
	app := &app{cfg: cfg, guild: strings.TrimSpace(*guild), stdin: stdin, stdout: stdout, stderr: stderr}
	app.logger = newLogger(cfg, stderr)
	defer app.closeDatabase()

	rest := global.Args()
	cmd := ""
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	switch cmd {
	case "":
		if cfg.DiscordToken != "" || cfg.DiscordPublicKey != "" {
			return app.serve(ctx)
		}
		return app.console(ctx)
	case "console":
		return app.console(ctx)
	case "serve":
		return app.serve(ctx)
	case "search":
		return app.search(ctx, rest)
	case "index":
		return app.index(ctx, rest)
	case "add":
		return app.add(ctx, rest)
	case "feeds":
		return app.feeds(ctx, rest) // feeds.go
	case "contradictions":
		return app.contradictions(ctx, rest)
	case "timeline":
		return app.timeline(ctx, rest)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError(fmt.Sprintf("unknown command %q", cmd))
	}
}
