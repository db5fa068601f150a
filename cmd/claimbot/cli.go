package main

import (
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/l10n"
)

// The command line, on spf13/cobra: flags go anywhere (before or after
// the query), help goes to stdout with status 0, and every text is from
// the catalogue in CLAIMBOT_LANG.

var (
	msgSeeHelp       = l10n.New("Run “%s --help” for its usage.", "„%s --help“ zeigt, wie es geht.")
	msgRootShort     = l10n.New("Claim lookup in a news archive, with sources; a Discord bot", "Behauptungen in einem Nachrichtenarchiv nachschlagen, mit Quellen; ein Discord-Bot")
	msgRootLong      = l10n.New("Without a command: the Discord bot when DISCORD_TOKEN is set, else the local console.\nThe commands work on the shared base collection; --guild ID works on that Discord server's own collection instead.\nSettings come from the environment and a .env file; see .env.example.", "Ohne Befehl: der Discord-Bot, wenn DISCORD_TOKEN gesetzt ist, sonst die lokale Konsole.\nDie Befehle arbeiten auf dem gemeinsamen Grundbestand; --guild ID auf der eigenen Sammlung dieses Discord-Servers.\nEinstellungen kommen aus der Umgebung und einer .env-Datei; siehe .env.example.")
	msgFlagData      = l10n.New("data directory for the index and state (env CLAIMBOT_DATA)", "Datenverzeichnis für Index und Zustand (env CLAIMBOT_DATA)")
	msgFlagArticles  = l10n.New("directory of article files (env CLAIMBOT_ARTICLES; default: the embedded corpus)", "Verzeichnis mit Artikeldateien (env CLAIMBOT_ARTICLES; Standard: der eingebettete Bestand)")
	msgFlagGuild     = l10n.New("work on this Discord server's collection instead of the shared base", "auf der Sammlung dieses Discord-Servers arbeiten statt auf dem Grundbestand")
	msgFlagJSON      = l10n.New("print JSON", "JSON ausgeben")
	msgFlagLimit     = l10n.New("number of passages (1-50)", "Anzahl der Passagen (1–50)")
	msgFlagSeverity  = l10n.New("show contradictions of this severity and above: high, medium or low", "Widersprüche ab dieser Schwere zeigen: high, medium oder low")
	msgFlagHelp      = l10n.New("help for this command", "Hilfe zu diesem Befehl")
	msgCmdConsole    = l10n.New("the local console: what the bot would post on Discord", "die lokale Konsole: was der Bot auf Discord posten würde")
	msgCmdServe      = l10n.New("the Discord bot (gateway, or HTTP interactions with DISCORD_PUBLIC_KEY)", "der Discord-Bot (Gateway oder HTTP-Interaktionen mit DISCORD_PUBLIC_KEY)")
	msgCmdSearch     = l10n.New("the passages that match a claim, with their sources", "die Passagen zu einer Behauptung, mit ihren Quellen")
	msgCmdIndex      = l10n.New("rebuild the index from the articles", "den Index aus den Artikeln neu aufbauen")
	msgCmdAdd        = l10n.New("add article files (.txt, .md, .html) or web pages (URLs) and report contradictions", "Artikeldateien (.txt, .md, .html) oder Webseiten (URLs) aufnehmen und Widersprüche melden")
	msgCmdFeeds      = l10n.New("RSS and Atom feeds the archive grows from", "RSS- und Atom-Feeds, aus denen das Archiv wächst")
	msgCmdFeedAdd    = l10n.New("subscribe to a feed", "einen Feed abonnieren")
	msgCmdFeedList   = l10n.New("the subscribed feeds, their last poll and failing items", "die abonnierten Feeds, ihr letzter Abruf und fehlgeschlagene Einträge")
	msgCmdFeedRemove = l10n.New("unsubscribe from a feed (its articles stay)", "ein Feed-Abo beenden (seine Artikel bleiben)")
	msgCmdFeedPoll   = l10n.New("poll every feed once now and print what was added", "alle Feeds jetzt einmal abrufen und zeigen, was hinzukam")
	msgCmdContra     = l10n.New("the contradicting claims in the corpus (high and medium by default)", "die widersprüchlichen Behauptungen im Bestand (standardmäßig hoch und mittel)")
	msgCmdTimeline   = l10n.New("the figures reported on a topic, in date order", "die berichteten Zahlen zu einem Thema, nach Datum")
	msgCmdHelp       = l10n.New("help about any command", "Hilfe zu einem Befehl")
	msgUsage         = l10n.New("Usage:", "Aufruf:")
	msgCommands      = l10n.New("Commands:", "Befehle:")
	msgFlags         = l10n.New("Flags:", "Optionen:")
	msgGlobalFlags   = l10n.New("Flags for every command:", "Optionen für alle Befehle:")
	msgExamples      = l10n.New("Examples:", "Beispiele:")
	msgFlagsWord     = l10n.New("OPTIONS", "OPTIONEN")
	msgCommandWord   = l10n.New("COMMAND", "BEFEHL")
	msgMoreHelp      = l10n.New("“%s COMMAND --help” explains a command.", "„%s BEFEHL --help“ erklärt einen Befehl.")
	msgNeedsQuery    = l10n.New("search needs a query, e.g. claimbot search \"Minenräumer Kursk\"", "search braucht eine Anfrage, z. B. claimbot search \"Minenräumer Kursk\"")
	msgNeedsTopic    = l10n.New("timeline needs a topic, e.g. claimbot timeline \"nordkoreanische Soldaten\"", "timeline braucht ein Thema, z. B. claimbot timeline \"nordkoreanische Soldaten\"")
	msgNeedsFiles    = l10n.New("add needs article files or URLs, e.g. claimbot add artikel.txt", "add braucht Artikeldateien oder URLs, z. B. claimbot add artikel.txt")
	msgNeedsFeedURL  = l10n.New("feeds %[1]s needs one feed URL, e.g. claimbot feeds %[1]s https://example.org/rss.xml", "feeds %[1]s braucht eine Feed-URL, z. B. claimbot feeds %[1]s https://example.org/rss.xml")
	msgNoArgs        = l10n.New("%s takes no arguments (got %s)", "%s nimmt keine Argumente (bekam %s)")
	msgBadLimit      = l10n.New("--limit must be between 1 and %d", "--limit muss zwischen 1 und %d liegen")
	msgBadSeverity   = l10n.New("--min-severity %q: want high, medium or low", "--min-severity %q: erwartet high, medium oder low")
	msgUnknownCmd    = l10n.New("unknown command %q", "unbekannter Befehl %q")
	msgUnknownFlag   = l10n.New("unknown flag %s", "unbekannte Option %s")
	msgBadFlagValue  = l10n.New("%s: %q is not a valid value", "%s: %q ist kein gültiger Wert")
	msgFlagNeedsArg  = l10n.New("%s needs a value", "%s braucht einen Wert")
)

// options are the flags of the command being run.
type options struct {
	data, articles, guild string
	json                  bool
	limit                 int
	minSeverity           string
}

// commands builds the command tree.
func (a *app) commands() *cobra.Command {
	l := a.lang
	o := &a.opts
	root := &cobra.Command{
		Use:           "claimbot",
		Short:         l.T(msgRootShort),
		Long:          l.T(msgRootLong),
		Args:          cobra.NoArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		CompletionOptions: cobra.CompletionOptions{
			DisableDefaultCmd: true,
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.setup(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.cfg.DiscordToken != "" || a.cfg.DiscordPublicKey != "" {
				return a.serve(cmd.Context())
			}
			return a.console(cmd.Context())
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&o.data, "data", "", l.T(msgFlagData))
	pf.StringVar(&o.articles, "articles", "", l.T(msgFlagArticles))
	pf.StringVar(&o.guild, "guild", "", l.T(msgFlagGuild))

	jsonFlag := func(c *cobra.Command) { c.Flags().BoolVar(&o.json, "json", false, l.T(msgFlagJSON)) }
	noArgs := func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageError{l.T(msgNoArgs, c.CommandPath(), strings.Join(args, " ")), c.CommandPath()}
		}
		return nil
	}
	needs := func(m l10n.Msg, n int, exact bool, fargs ...any) cobra.PositionalArgs {
		return func(c *cobra.Command, args []string) error {
			if len(args) < n || exact && len(args) != n {
				return usageError{l.T(m, fargs...), c.CommandPath()}
			}
			return nil
		}
	}

	search := &cobra.Command{
		Use: "search QUERY", Short: l.T(msgCmdSearch), Args: needs(msgNeedsQuery, 1, false),
		Example: `  claimbot search "Minenräumer Kursk"
  claimbot search --json --limit 3 "100000 Soldaten"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.limit < 1 || o.limit > index.MaxLimit {
				return usageError{l.T(msgBadLimit, index.MaxLimit), cmd.CommandPath()}
			}
			return a.search(cmd.Context(), strings.Join(args, " "))
		},
	}
	jsonFlag(search)
	search.Flags().IntVar(&o.limit, "limit", 5, l.T(msgFlagLimit))

	add := &cobra.Command{
		Use: "add FILE|URL...", Short: l.T(msgCmdAdd), Args: needs(msgNeedsFiles, 1, false),
		Example: `  claimbot add artikel.md
  claimbot add https://example.org/artikel`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.add(cmd.Context(), args) },
	}
	jsonFlag(add)

	contra := &cobra.Command{
		Use: "contradictions", Short: l.T(msgCmdContra), Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sev := claims.Severity(strings.ToLower(o.minSeverity))
			if severityRank(sev) == 0 {
				return usageError{l.T(msgBadSeverity, o.minSeverity), cmd.CommandPath()}
			}
			return a.contradictions(cmd.Context(), sev)
		},
	}
	jsonFlag(contra)
	contra.Flags().StringVar(&o.minSeverity, "min-severity", "medium", l.T(msgFlagSeverity))

	timeline := &cobra.Command{
		Use: "timeline TOPIC", Short: l.T(msgCmdTimeline), Args: needs(msgNeedsTopic, 1, false),
		Example: `  claimbot timeline "nordkoreanische Soldaten"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.timeline(cmd.Context(), strings.Join(args, " "))
		},
	}
	jsonFlag(timeline)

	feeds := &cobra.Command{Use: "feeds", Short: l.T(msgCmdFeeds),
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{l.T(msgUnknownCmd, c.CommandPath()+" "+args[0]) + "; " + l.T(msgFeedsNeedSub), c.CommandPath()}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{l.T(msgFeedsNeedSub), cmd.CommandPath()}
		}}
	feedAdd := &cobra.Command{Use: "add URL", Short: l.T(msgCmdFeedAdd), Args: needs(msgNeedsFeedURL, 1, true, "add"),
		RunE: func(cmd *cobra.Command, args []string) error { return a.feeds(cmd.Context(), "add", args[0]) }}
	feedRemove := &cobra.Command{Use: "remove URL", Short: l.T(msgCmdFeedRemove), Args: needs(msgNeedsFeedURL, 1, true, "remove"),
		RunE: func(cmd *cobra.Command, args []string) error { return a.feeds(cmd.Context(), "remove", args[0]) }}
	feedList := &cobra.Command{Use: "list", Short: l.T(msgCmdFeedList), Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.feeds(cmd.Context(), "list", "") }}
	feedPoll := &cobra.Command{Use: "poll", Short: l.T(msgCmdFeedPoll), Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.feeds(cmd.Context(), "poll", "") }}
	jsonFlag(feedList)
	jsonFlag(feedPoll)
	feeds.AddCommand(feedAdd, feedList, feedRemove, feedPoll)

	root.AddCommand(
		&cobra.Command{Use: "console", Short: l.T(msgCmdConsole), Args: noArgs,
			RunE: func(cmd *cobra.Command, _ []string) error { return a.console(cmd.Context()) }},
		&cobra.Command{Use: "serve", Short: l.T(msgCmdServe), Args: noArgs,
			RunE: func(cmd *cobra.Command, _ []string) error { return a.serve(cmd.Context()) }},
		search,
		&cobra.Command{Use: "index", Short: l.T(msgCmdIndex), Args: noArgs,
			RunE: func(cmd *cobra.Command, _ []string) error { return a.index(cmd.Context()) }},
		add, feeds, contra, timeline,
	)
	root.SetHelpCommand(&cobra.Command{
		Use: "help [command]", Short: l.T(msgCmdHelp),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := root.Find(args)
			if err != nil || c == nil {
				return usageError{l.T(msgUnknownCmd, strings.Join(args, " ")), "claimbot"}
			}
			return c.Help()
		},
	})
	localize(root, l)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{flagError(l, err), c.CommandPath()}
	})
	return root
}

// localize gives every command a help flag and a usage template in the
// language.
func localize(root *cobra.Command, l l10n.Lang) {
	tmpl := `{{T "usage"}}{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [{{T "flagsword"}}]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [{{T "commandword"}}]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

{{T "examples"}}
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

{{T "commands"}}{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

{{T "flags"}}
{{localDefaults . .LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

{{T "global"}}
{{localDefaults . .InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

{{T "more" .CommandPath}}{{end}}
`
	// The headings are put into the template text itself: template
	// functions are global in cobra, and one process may speak both
	// languages (the tests do).
	for key, text := range map[string]string{
		`{{T "usage"}}`: l.T(msgUsage), `{{T "commands"}}`: l.T(msgCommands), `{{T "flags"}}`: l.T(msgFlags),
		`{{T "global"}}`: l.T(msgGlobalFlags), `{{T "examples"}}`: l.T(msgExamples),
		`{{T "flagsword"}}`: l.T(msgFlagsWord), `{{T "commandword"}}`: l.T(msgCommandWord), `{{T "more" .CommandPath}}`: l.T(msgMoreHelp, "{{.CommandPath}}"),
	} {
		tmpl = strings.ReplaceAll(tmpl, key, text)
	}
	root.Annotations = map[string]string{"lang": l.String()}
	templateFuncs.Do(func() {
		// Global in cobra, so it reads the language from the command.
		cobra.AddTemplateFunc("localDefaults", func(c *cobra.Command, usages string) string {
			lang, _ := l10n.Parse(c.Root().Annotations["lang"])
			return reDefault.ReplaceAllString(usages, "("+lang.T(msgDefault, "$1")+")")
		})
	})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, l.T(msgFlagHelp))
		c.DisableFlagsInUseLine = true
		c.SetUsageTemplate(tmpl)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

var (
	templateFuncs sync.Once
	reDefault     = regexp.MustCompile(`\(default ([^)]*)\)`)
	msgDefault    = l10n.New("default %s", "Standard %s")
)

var (
	reUnknownFlag = regexp.MustCompile(`^unknown (?:shorthand )?flag: '?(-{0,2}[^' ]+)'?`)
	reBadValue    = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag`)
	reNeedsArg    = regexp.MustCompile(`^flag needs an argument: '?(-{0,2}[^' ]+)'?`)
)

// flagError says a flag problem in the language; cobra's (pflag's) own
// messages are English.
func flagError(l l10n.Lang, err error) string {
	s := err.Error()
	if m := reUnknownFlag.FindStringSubmatch(s); m != nil {
		return l.T(msgUnknownFlag, m[1])
	}
	if m := reBadValue.FindStringSubmatch(s); m != nil {
		return l.T(msgBadFlagValue, m[2], m[1])
	}
	if m := reNeedsArg.FindStringSubmatch(s); m != nil {
		return l.T(msgFlagNeedsArg, m[1])
	}
	return s
}

var reUnknownCommand = regexp.MustCompile(`^unknown command "([^"]*)"`)

// classify turns what cobra returns into the program's error vocabulary:
// its own usage errors (an unknown command) exit 2 like ours.
func (a *app) classify(cmd *cobra.Command, err error) error {
	path := "claimbot"
	if cmd != nil {
		path = cmd.CommandPath()
	}
	if m := reUnknownCommand.FindStringSubmatch(err.Error()); m != nil {
		return usageError{a.lang.T(msgUnknownCmd, m[1]), path}
	}
	if strings.HasPrefix(err.Error(), "unknown flag") || strings.HasPrefix(err.Error(), "unknown shorthand flag") {
		return usageError{flagError(a.lang, err), path}
	}
	return err
}

func severityRank(s claims.Severity) int {
	switch s {
	case claims.SeverityHigh:
		return 3
	case claims.SeverityMedium:
		return 2
	case claims.SeverityLow:
		return 1
	}
	return 0
}
