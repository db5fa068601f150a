package bot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/chzyer/readline"

	"github.com/claimbot/claimbot/l10n"
)

// consoleGuild stands in for a guild in the console. It is an operator
// guild and its user an administrator: moderator commands in the console
// act as the operator, on the base collection.
const consoleGuild = "console"

// consoleChannel is the channel a console /alerts kanal names: alerts in
// the console are printed wherever they would go.
const consoleChannel = "100000000000000001"

// defaultConsoleWidth is where output wraps when the width is unknown.
const defaultConsoleWidth = 96

// ConsoleOptions say where the console reads and writes.
type ConsoleOptions struct {
	In  io.Reader
	Out io.Writer
	// Lang is the reply language (CLAIMBOT_LANG); /lang changes it.
	Lang l10n.Lang
	// Terminal: In and Out are a terminal (*os.File). The console then
	// edits lines with history (arrow keys, Ctrl-R, Ctrl-D to leave) and
	// shows Markdown with terminal styles.
	Terminal bool
	// HistoryFile keeps typed lines between sessions ("" keeps none).
	HistoryFile string
	// Width is where output wraps (default: the terminal's, else 96).
	Width int
}

var (
	msgConsoleBanner = l10n.New("claimbot console — what the bot would post on Discord. Type a claim, or a command: /help lists them. Numbers press buttons; ↑/↓ recall lines; Ctrl-D leaves.\nTo run on Discord, set DISCORD_TOKEN in .env (see “Put it on your server” in the README).",
		"claimbot-Konsole – was der Bot auf Discord posten würde. Tippe eine Behauptung oder einen Befehl; /help zeigt alle. Zahlen drücken Knöpfe; ↑/↓ holen Zeilen zurück; Strg-D beendet.\nFür Discord setze DISCORD_TOKEN in .env (siehe „Put it on your server“ in der README).")
	msgConsoleExtras = l10n.New("In the console: a number presses that button · /next, /prev page · /lang de|en · /quit (or Ctrl-D) · ↑/↓ and Ctrl-R recall earlier lines · options as name:value, e.g. /claim anfrage: Kursk treffer: 5",
		"In der Konsole: eine Zahl drückt diesen Knopf · /next, /prev blättern · /lang de|en · /quit (oder Strg-D) · ↑/↓ und Strg-R holen frühere Zeilen · Optionen als name:wert, z. B. /claim anfrage: Kursk treffer: 5")
	msgConsoleNoButton  = l10n.New("There is no button %s here.", "Einen Knopf %s gibt es hier nicht.")
	msgConsoleDiscord   = l10n.New("/%s only works in Discord.", "/%s gibt es nur in Discord.")
	msgConsoleUsage     = l10n.New("Usage: %s", "Aufruf: %s")
	msgConsoleSubs      = l10n.New("/%s needs one of: %s", "/%s braucht eins von: %s")
	msgConsoleBadNumber = l10n.New("%s: want a number, not “%s”.", "%s: erwartet eine Zahl, nicht „%s“.")
	msgConsoleFile      = l10n.New("Cannot read %s: %s", "%s lässt sich nicht lesen: %s")
	msgConsoleLang      = l10n.New("Language: English", "Sprache: Deutsch")
	msgConsoleLangBad   = l10n.New("Unknown language “%s”: use /lang de or /lang en.", "Unbekannte Sprache „%s“: /lang de oder /lang en.")
	msgConsoleLeave     = l10n.New("(/quit or Ctrl-D leaves)", "(/quit oder Strg-D beendet)")
)

// RunConsole runs the bot as a read-eval-print loop: a person types
// commands from the command table (moderator ones too: the console is the
// operator) and sees what the bot would post on Discord, rendered. It uses
// the same handlers and replies as Discord; only the responder differs.
// It returns at /quit, at the end of the input (Ctrl-D), or when ctx is
// cancelled.
func RunConsole(ctx context.Context, deps Deps, opts ConsoleOptions) error {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	c := &console{out: opts.Out, lang: opts.Lang, color: opts.Terminal, width: opts.Width}
	if c.width <= 0 {
		c.width = defaultConsoleWidth
		if f, ok := opts.Out.(*os.File); ok && opts.Terminal {
			if w, _, err := readline.GetSize(int(f.Fd())); err == nil && w > 20 {
				c.width = w
			}
		}
	}
	b, err := New(Config{AlertChannelID: consoleChannel, GuildID: consoleGuild, OperatorGuilds: []string{consoleGuild}}, deps)
	if err != nil {
		return err
	}
	b.post = c.postAlert
	c.b = b

	lines, closeIn, err := c.reader(opts)
	if err != nil {
		return err
	}
	defer closeIn()
	c.printf("%s\n\n", c.lang.T(msgConsoleBanner))
	for {
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			c.printf("\n")
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			c.printf("\n")
			return nil
		}
		if line == "\x03" { // Ctrl-C on an empty line
			c.printf("%s\n", c.lang.T(msgConsoleLeave))
		} else if quit := c.exec(ctx, strings.TrimSpace(line)); quit {
			return nil
		}
		// The reader prompts for the next line only now, so output and
		// the prompt do not mix.
		c.ready <- struct{}{}
	}
}

// reader delivers typed lines: through readline on a terminal, else line
// by line. The channel closes at the end of the input.
func (c *console) reader(opts ConsoleOptions) (<-chan string, func(), error) {
	lines := make(chan string)
	c.ready = make(chan struct{})
	if !opts.Terminal {
		done := make(chan struct{})
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(opts.In)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for {
				c.printf("> ")
				if !sc.Scan() {
					return
				}
				select {
				case lines <- sc.Text():
				case <-done:
					return
				}
				select {
				case <-c.ready:
				case <-done:
					return
				}
			}
		}()
		return lines, func() { close(done) }, nil
	}
	in, _ := opts.In.(*os.File)
	out, _ := opts.Out.(*os.File)
	if in == nil || out == nil {
		return nil, nil, errors.New("bot: a terminal console needs files for In and Out")
	}
	var saved *readline.State
	cfg := &readline.Config{
		Prompt:          "> ",
		HistoryFile:     opts.HistoryFile,
		HistoryLimit:    1000,
		AutoComplete:    consoleCompleter(),
		InterruptPrompt: "^C",
		EOFPrompt:       "",
		Stdin:           io.NopCloser(in),
		Stdout:          out,
		Stderr:          out,
		FuncIsTerminal:  func() bool { return true },
		FuncMakeRaw: func() error {
			st, err := readline.MakeRaw(int(in.Fd()))
			saved = st
			return err
		},
		FuncExitRaw: func() error {
			if saved == nil {
				return nil
			}
			return readline.Restore(int(in.Fd()), saved)
		},
		FuncGetWidth: func() int {
			if w, _, err := readline.GetSize(int(out.Fd())); err == nil && w > 0 {
				return w
			}
			return c.width
		},
	}
	if opts.HistoryFile != "" {
		_ = os.MkdirAll(filepath.Dir(opts.HistoryFile), 0o755)
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("bot: console line editor: %w", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(lines)
		for {
			line, err := rl.Readline()
			switch {
			case errors.Is(err, readline.ErrInterrupt):
				if line == "" {
					line = "\x03"
				} else {
					continue
				}
			case err != nil:
				return
			}
			select {
			case lines <- line:
			case <-done:
				return
			}
			select {
			case <-c.ready:
			case <-done:
				return
			}
		}
	}()
	return lines, func() { close(done); rl.Close() }, nil
}

// consoleCompleter completes command and subcommand names from the
// command table.
func consoleCompleter() readline.AutoCompleter {
	var items []readline.PrefixCompleterInterface
	for _, cmd := range commandTable {
		d := cmd.def()
		if !cmd.console {
			continue
		}
		var subs []readline.PrefixCompleterInterface
		for _, o := range d.Options {
			if o.Type == discordgo.ApplicationCommandOptionSubCommand {
				subs = append(subs, readline.PcItem(o.Name))
				if n := o.NameLocalizations[discordgo.German]; n != "" {
					subs = append(subs, readline.PcItem(n))
				}
			}
		}
		items = append(items, readline.PcItem("/"+d.Name, subs...))
	}
	for _, extra := range []string{"/next", "/prev", "/lang de", "/lang en", "/quit"} {
		items = append(items, readline.PcItem(extra))
	}
	return readline.NewPrefixCompleter(items...)
}

// console is the console's responder: it prints what Discord would show.
type console struct {
	b     *Bot
	out   io.Writer
	lang  lang
	color bool
	width int
	ready chan struct{} // the reader waits for it after each line

	mu      sync.Mutex
	choices []choice // the buttons on screen, by number-1
	last    *discordgo.Message
}

func (c *console) printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.out, format, args...)
}

// exec runs one console line; it reports whether to quit.
func (c *console) exec(ctx context.Context, line string) bool {
	if line == "" {
		return false
	}
	if n, err := strconv.Atoi(line); err == nil {
		c.press(ctx, n)
		return false
	}
	name, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(name, "/") {
		name, rest = "/"+cmdClaim, line
	}
	name = strings.ToLower(strings.TrimPrefix(name, "/"))
	switch name {
	case "quit", "exit", "q":
		return true
	case "lang":
		l, ok := l10n.Parse(rest)
		switch {
		case ok:
			c.lang = l
		case rest != "":
			// Say what is accepted rather than print the unchanged
			// language as if the switch had worked.
			c.printf("%s\n", c.lang.T(msgConsoleLangBad, rest))
			return false
		}
		c.printf("%s\n", c.lang.T(msgConsoleLang))
		return false
	case "next", "prev":
		c.page(ctx, name == "next")
		return false
	}
	cmd, d, ok := commandByName(name)
	if !ok {
		c.printf("%s\n", c.lang.T(msgConsoleUnknown, "/"+name))
		return false
	}
	if !cmd.console {
		c.printf("%s\n", c.lang.T(msgConsoleDiscord, name))
		return false
	}
	in, problem := c.input(d, rest)
	if problem != "" {
		c.printf("%s\n", problem)
		return false
	}
	c.mu.Lock()
	c.choices = nil
	c.mu.Unlock()
	c.b.serve(ctx, c, in)
	if d.Name == cmdHelp && in.stringOpt("command") == "" {
		c.printf("%s\n\n", c.lang.T(msgConsoleExtras))
	}
	return false
}

// base is an interaction in the console guild, from its operator.
func (c *console) base() Input {
	return Input{
		Kind:        KindCommand,
		Options:     map[string]any{},
		UserID:      "console",
		GuildID:     consoleGuild,
		ChannelID:   consoleChannel,
		Perms:       permAdministrator,
		Locale:      c.lang.DiscordLocale(),
		GuildLocale: c.lang.DiscordLocale(),
	}
}

// optionToken finds "name:" at a word start.
var optionToken = regexp.MustCompile(`(?:^|\s)([\p{L}_-]+):`)

// input turns a typed command line into an Input by the command's
// definition: a subcommand by its English or German name, then options
// as name:value (English or German names); text before the first name
// goes to the first text option.
func (c *console) input(d *discordgo.ApplicationCommand, rest string) (Input, string) {
	l := c.lang
	in := c.base()
	in.Command = d.Name
	opts := d.Options
	var subs []string
	for _, o := range d.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs = append(subs, localOptName(l, o))
		}
	}
	prefix := "/" + d.Name
	if len(subs) > 0 {
		word, after, _ := strings.Cut(rest, " ")
		var sub *discordgo.ApplicationCommandOption
		for _, o := range d.Options {
			if strings.EqualFold(o.Name, word) || strings.EqualFold(o.NameLocalizations[discordgo.German], word) {
				sub = o
			}
		}
		if sub == nil {
			return in, l.T(msgConsoleSubs, d.Name, strings.Join(subs, ", "))
		}
		in.Sub, opts, rest = sub.Name, sub.Options, strings.TrimSpace(after)
		prefix += " " + localOptName(l, sub)
	}
	values := map[string]string{}
	locs := optionToken.FindAllStringSubmatchIndex(rest, -1)
	lead := rest
	known := func(name string) *discordgo.ApplicationCommandOption {
		for _, o := range opts {
			if strings.EqualFold(o.Name, name) || strings.EqualFold(o.NameLocalizations[discordgo.German], name) {
				return o
			}
		}
		return nil
	}
	var found [][]int
	for _, m := range locs {
		if known(rest[m[2]:m[3]]) != nil {
			found = append(found, m)
		}
	}
	if len(found) > 0 {
		lead = rest[:found[0][0]]
		for i, m := range found {
			end := len(rest)
			if i+1 < len(found) {
				end = found[i+1][0]
			}
			values[known(rest[m[2]:m[3]]).Name] = strings.TrimSpace(rest[m[1]:end])
		}
	}
	if lead = strings.TrimSpace(lead); lead != "" {
		for _, o := range opts {
			if o.Type == discordgo.ApplicationCommandOptionString || o.Type == discordgo.ApplicationCommandOptionAttachment {
				if _, set := values[o.Name]; !set {
					values[o.Name] = lead
					break
				}
			}
		}
	}
	for _, o := range opts {
		v, set := values[o.Name]
		if !set {
			if o.Required && o.Type == discordgo.ApplicationCommandOptionChannel {
				in.Options[o.Name] = consoleChannel
				continue
			}
			if o.Required {
				return in, l.T(msgConsoleUsage, usage(l, prefix, opts))
			}
			continue
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionInteger:
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return in, l.T(msgConsoleBadNumber, localOptName(l, o), v)
			}
			in.Options[o.Name] = n
		case discordgo.ApplicationCommandOptionBoolean:
			switch strings.ToLower(v) {
			case "false", "nein", "no", "0":
				in.Options[o.Name] = false
			default:
				in.Options[o.Name] = true
			}
		case discordgo.ApplicationCommandOptionChannel:
			in.Options[o.Name] = consoleChannel
		case discordgo.ApplicationCommandOptionAttachment:
			// The console's operator names a file on this machine.
			data, err := os.ReadFile(v)
			if err != nil {
				return in, l.T(msgConsoleFile, v, err.Error())
			}
			id := "console-file"
			in.Options[o.Name] = id
			in.Attachments = map[string]*discordgo.MessageAttachment{id: {ID: id, Filename: filepath.Base(v), Size: len(data)}}
			in.localFiles = map[string][]byte{id: data}
		default:
			in.Options[o.Name] = v
		}
	}
	if d.Name == cmdClaim {
		in.Options["public"] = true
	}
	return in, ""
}

// press presses button n of the last message.
func (c *console) press(ctx context.Context, n int) {
	c.mu.Lock()
	if n < 1 || n > len(c.choices) {
		c.mu.Unlock()
		c.printf("%s\n", c.lang.T(msgConsoleNoButton, strconv.Itoa(n)))
		return
	}
	ch := c.choices[n-1]
	c.choices = nil
	c.mu.Unlock()
	in := c.base()
	in.Kind, in.CustomID, in.Message = KindComponent, ch.button.CustomID, ch.msg
	c.b.serve(ctx, c, in)
}

// page presses the last answer's Next or Previous button.
func (c *console) page(ctx context.Context, next bool) {
	want := ":prev"
	if next {
		want = ":next"
	}
	c.mu.Lock()
	for i, ch := range c.choices {
		if strings.HasSuffix(ch.button.CustomID, want) {
			c.mu.Unlock()
			c.press(ctx, i+1)
			return
		}
	}
	c.mu.Unlock()
	c.printf("%s\n", c.lang.T(msgConsoleNoPage))
}

// The responder methods print the message Discord would show.

func (c *console) respond(_ context.Context, r *discordgo.InteractionResponse) error {
	switch r.Type {
	case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
		c.printf("%s\n", c.lang.T(msgConsoleWorking))
		return nil
	}
	if r.Data != nil {
		c.show(r.Data.Content, r.Data.Embeds, r.Data.Components)
	}
	return nil
}

func (c *console) editOriginal(_ context.Context, e *discordgo.WebhookEdit) error {
	var content string
	var embeds []*discordgo.MessageEmbed
	var comps []discordgo.MessageComponent
	if e.Content != nil {
		content = *e.Content
	}
	if e.Embeds != nil {
		embeds = *e.Embeds
	}
	if e.Components != nil {
		comps = *e.Components
	}
	c.show(content, embeds, comps)
	return nil
}

func (c *console) deleteOriginal(context.Context) error { return nil }

func (c *console) followup(_ context.Context, p *discordgo.WebhookParams) error {
	c.show(p.Content, p.Embeds, p.Components)
	return nil
}

// postAlert prints an alert where Discord would post it in a channel.
func (c *console) postAlert(_ context.Context, _ string, m *discordgo.MessageSend) error {
	c.printf("%s\n", c.lang.T(msgConsoleAlert))
	c.show(m.Content, m.Embeds, m.Components)
	return nil
}

// show renders a message and numbers its buttons after those already on
// screen.
func (c *console) show(content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	msg := &discordgo.Message{Content: content, Embeds: embeds, Components: comps}
	for _, btn := range renderMessage(&b, c.color, c.width, c.b.now(), c.lang, content, embeds, comps, len(c.choices)+1) {
		c.choices = append(c.choices, choice{button: btn, msg: msg})
	}
	b.WriteString("\n")
	io.WriteString(c.out, b.String())
	c.last = msg
}
