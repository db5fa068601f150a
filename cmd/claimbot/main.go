// Command claimbot looks up claims in a full-text index of news articles,
// with exact source attribution, and alerts moderators to contradictions.
// Without a Discord token it serves the embedded corpus in a local console
// that shows what the bot would post; with one it is the Discord bot.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runMain(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses: 0 ok, 1 a failure (something was tried and did not
// work), 2 a usage or configuration error (nothing was tried).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// runMain runs the program and turns its error into exactly one line on
// stderr (two for a usage error: the problem and where the help is) and
// the exit status.
func runMain(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := run(ctx, args, getenv, stdin, stdout, stderr)
	if err == nil {
		return exitOK
	}
	msg := err.Error()
	// The errors' own words in the reader's language where they have them;
	// English keeps the whole message (with the network's or a parser's
	// detail, which the catalogue leaves out).
	if l := langOf(getenv); l != l10n.EN {
		if s := claimbot.ErrorText(err, l); s != "" {
			msg = s
		}
	}
	fmt.Fprintln(stderr, "claimbot: "+strings.Join(strings.Fields(msg), " "))
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, langOf(getenv).T(msgSeeHelp, ue.command))
	}
	return exitCode(err)
}

// exitCode is 2 for usage and configuration errors, 1 for everything else.
func exitCode(err error) int {
	var ce *ConfigError
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce) || errors.As(err, &ue):
		return exitUsage
	}
	return exitFailure
}

// usageError is a command line that does not say what to do; command is
// the command whose help explains it ("claimbot search").
type usageError struct {
	msg     string
	command string
}

func (e usageError) Error() string { return e.msg }

// langOf is the command line's language before the configuration is
// read (for help and usage errors): CLAIMBOT_LANG, else the locale.
func langOf(getenv func(string) string) l10n.Lang {
	for _, k := range []string{"CLAIMBOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if l, ok := l10n.Parse(getenv(k)); ok {
			return l
		}
	}
	return l10n.DE
}

// run is the whole program with its dependencies injected, so tests can run
// it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	env, err := dotenv(".env")
	if err != nil {
		return &ConfigError{".env", err.Error()}
	}
	getenv = withDotenv(getenv, env)
	a := &app{getenv: getenv, lang: langOf(getenv), stdin: stdin, stdout: stdout, stderr: stderr}
	defer a.closeDatabase()
	root := a.commands()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil {
		return a.classify(cmd, err)
	}
	return nil
}
