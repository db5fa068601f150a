package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// consoleGuild stands in for a guild in the console, whose user is the
// local operator and so a moderator.
const consoleGuild = "console"

// consoleWidth is where console output wraps.
const consoleWidth = 96

// RunConsole runs the bot as a read-eval-print loop on in and out: a
// person types /claim …, /source …, /timeline …, /stats, /reindex and sees
// what the bot would post on Discord, rendered as text. It uses the same
// handlers and replies as Discord; only the responder differs. It returns
// at /quit, at the end of in, or when ctx is cancelled.
func RunConsole(ctx context.Context, deps Deps, in io.Reader, out io.Writer) error {
	c := &console{out: out, lang: de}
	b, err := New(Config{AlertChannelID: consoleGuild, GuildID: consoleGuild}, deps)
	if err != nil {
		return err
	}
	b.post = c.postAlert
	c.b = b
	c.banner()

	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	for {
		c.printf("> ")
		select {
		case <-ctx.Done():
			c.printf("\n")
			return nil
		case err := <-readErr:
			c.printf("\n")
			return err
		case line := <-lines:
			if quit := c.exec(ctx, strings.TrimSpace(line)); quit {
				return nil
			}
		}
	}
}

// console is the console's responder: it prints what Discord would show.
type console struct {
	b    *Bot
	out  io.Writer
	lang lang

	mu   sync.Mutex
	last *discordgo.Message // the last answer, for /next and /prev
}

func (c *console) printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.out, format, args...)
}

func (c *console) banner() {
	c.printf(`claimbot console — what the bot would post on Discord, as text.
Type a claim, or: /claim <text>, /source <title or ID>, /timeline <topic>, /stats, /reindex,
/next and /prev to page, /lang de|en, /help, /quit.
To run on Discord instead, put DISCORD_TOKEN=<your bot token> (and DISCORD_GUILD_ID=<server ID>
for instant command updates) into .env and start the bot again.

`)
}

func (c *console) help() {
	c.printf(`/claim <text>        passages from the archive that match a claim (also: just type the claim)
/check <text>        the "Check claim" message menu, on that text
/source <title|ID>   an article's metadata and summary
/timeline <topic>    the figures reported on a subject, in date order
/stats               articles, passages, index age
/reindex             rebuild the index from the articles (alerts are printed)
/next, /prev         page through the last answer
/lang de|en          reply language (now: %s)
/quit                leave
`, c.lang.locale())
}

// exec runs one console line; it reports whether to quit.
func (c *console) exec(ctx context.Context, line string) bool {
	if line == "" {
		return false
	}
	cmd, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(cmd, "/") {
		cmd, rest = "/claim", line
	}
	in := Input{
		Kind:        KindCommand,
		Options:     map[string]any{},
		UserID:      "console",
		GuildID:     consoleGuild,
		ChannelID:   consoleGuild,
		Perms:       permAdministrator,
		Locale:      c.lang.locale(),
		GuildLocale: c.lang.locale(),
	}
	switch strings.ToLower(cmd) {
	case "/quit", "/exit", "/q":
		return true
	case "/help", "/?":
		c.help()
		return false
	case "/lang":
		if rest == "de" || rest == "en" {
			c.lang = langOf(rest)
		}
		c.printf("language: %s\n", c.lang.locale())
		return false
	case "/claim":
		in.Command = cmdClaim
		in.Options["query"] = rest
		in.Options["public"] = true
	case "/check":
		in.Command = cmdCheckClaim
		in.TargetText = rest
	case "/source":
		in.Command = cmdSource
		in.Options["article"] = rest
	case "/timeline":
		in.Command = cmdTimeline
		in.Options["topic"] = rest
	case "/stats":
		in.Command = cmdStats
	case "/reindex":
		in.Command = cmdReindex
	case "/next", "/prev":
		id, ok := c.button(cmd == "/next")
		if !ok {
			c.printf("%s\n", c.lang.t(msg{"Nothing to page.", "Hier gibt es nichts zu blättern."}))
			return false
		}
		in.Kind, in.CustomID = KindComponent, id
		c.mu.Lock()
		in.Message = c.last
		c.mu.Unlock()
	default:
		c.printf("%s\n", c.lang.t(msg{"Unknown command %s — try /help.", "Unbekannter Befehl %s – siehe /help."}, cmd))
		return false
	}
	c.b.serve(ctx, c, in)
	return false
}

// button finds the enabled Next or Previous button of the last answer.
func (c *console) button(next bool) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil {
		return "", false
	}
	want := ":prev"
	if next {
		want = ":next"
	}
	for _, row := range c.last.Components {
		r, ok := row.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, comp := range r.Components {
			if btn, ok := comp.(discordgo.Button); ok && !btn.Disabled && strings.HasSuffix(btn.CustomID, want) {
				return btn.CustomID, true
			}
		}
	}
	return "", false
}

// The responder methods print the message Discord would show.

func (c *console) respond(_ context.Context, r *discordgo.InteractionResponse) error {
	switch r.Type {
	case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
		c.printf("%s\n", c.lang.t(msg{"(working on it …)", "(einen Moment …)"}))
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
	c.printf("\n%s\n", c.lang.t(msg{"── alert (posted to the alert channel on Discord) ──", "── Warnung (auf Discord im Warnungs-Kanal) ──"}))
	c.show(m.Content, m.Embeds, m.Components)
	return nil
}

// show renders a message and remembers it for paging.
func (c *console) show(content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) {
	var b strings.Builder
	renderText(&b, c.b.now(), c.lang, content, embeds, comps)
	c.mu.Lock()
	defer c.mu.Unlock()
	io.WriteString(c.out, b.String())
	if len(comps) > 0 || len(embeds) > 0 {
		c.last = &discordgo.Message{Content: content, Embeds: embeds, Components: comps}
	}
}

// renderText writes a Discord message as plain text: Markdown removed,
// matched (bold) words marked with carets on the line below, embeds as
// blocks, buttons as [labels].
func renderText(w *strings.Builder, now time.Time, l lang, content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) {
	const indent = "   "
	if content != "" {
		writeMarked(w, "", md(content, now, l))
	}
	for _, e := range embeds {
		w.WriteString("\n")
		if e.Title != "" {
			w.WriteString("━━ " + md(e.Title, now, l).plain + "\n")
		}
		if e.URL != "" {
			w.WriteString(indent + e.URL + "\n")
		}
		if e.Description != "" {
			writeMarked(w, indent, md(e.Description, now, l))
		}
		var inline []string
		flush := func() {
			if len(inline) > 0 {
				writeMarked(w, indent, markedText{plain: strings.Join(inline, " · ")})
				inline = nil
			}
		}
		for _, f := range e.Fields {
			name := md(f.Name, now, l).plain
			value := md(f.Value, now, l)
			if f.Inline && !strings.Contains(value.plain, "\n") {
				inline = append(inline, name+": "+value.plain)
				continue
			}
			flush()
			writeMarked(w, indent, value.prefixed(name+": "))
		}
		flush()
		if e.Footer != nil && e.Footer.Text != "" {
			w.WriteString(indent + e.Footer.Text + "\n")
		}
	}
	var buttons []string
	for _, row := range comps {
		r, ok := row.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, comp := range r.Components {
			if btn, ok := comp.(discordgo.Button); ok {
				label := "[" + btn.Label + "]"
				if btn.Disabled {
					label = "(" + btn.Label + ")"
				}
				buttons = append(buttons, label)
			}
		}
	}
	if len(buttons) > 0 {
		w.WriteString(strings.Join(buttons, " ") + "\n")
	}
	w.WriteString("\n")
}

// markedText is plain text with rune ranges to mark.
type markedText struct {
	plain string
	bold  [][2]int
}

func (m markedText) prefixed(p string) markedText {
	n := runes(p)
	out := markedText{plain: p + m.plain}
	for _, r := range m.bold {
		out.bold = append(out.bold, [2]int{r[0] + n, r[1] + n})
	}
	return out
}

// discordToken matches the <…> tokens Discord renders: timestamps and
// mentions.
var discordToken = regexp.MustCompile(`^<(?:t:(-?\d+)(?::([tTdDfFR]))?|@!?(\d+)|@&(\d+)|#(\d+))>`)

// md turns this package's Discord Markdown into marked plain text.
func md(s string, now time.Time, l lang) markedText {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\\' && i+1 < len(rs) {
			b.WriteRune(rs[i])
			b.WriteRune(rs[i+1])
			i++
			continue
		}
		if rs[i] == '<' {
			rest := string(rs[i:])
			if m := discordToken.FindStringSubmatch(rest); m != nil {
				b.WriteString(tokenText(m, now, l))
				i += runes(m[0]) - 1
				continue
			}
		}
		if rs[i] == '`' || (rs[i] == '*' && !(i+1 < len(rs) && rs[i+1] == '*') && !(i > 0 && rs[i-1] == '*')) {
			continue // code and italics marks
		}
		b.WriteRune(rs[i])
	}
	plain, bold := unescapeMarkdown(b.String())
	return markedText{plain: plain, bold: bold}
}

// tokenText renders a timestamp or mention token for the console.
func tokenText(m []string, now time.Time, l lang) string {
	switch {
	case m[1] != "":
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		t := time.Unix(sec, 0).UTC()
		if m[2] == "R" {
			d := t.Sub(now)
			if d >= 0 {
				return l.t(msg{"in %s", "in %s"}, humanDuration(d))
			}
			return l.t(msg{"%s ago", "vor %s"}, humanDuration(-d))
		}
		return t.Format("2006-01-02 15:04 UTC")
	case m[3] != "":
		return "@" + m[3]
	case m[4] != "":
		return "@&" + m[4]
	default:
		return "#" + m[5]
	}
}

// writeMarked wraps text at consoleWidth and puts carets under marked
// characters.
func writeMarked(w *strings.Builder, indent string, m markedText) {
	rs := []rune(m.plain)
	marked := make([]bool, len(rs))
	for _, r := range m.bold {
		for i := max(r[0], 0); i < r[1] && i < len(rs); i++ {
			marked[i] = rs[i] != ' '
		}
	}
	width := consoleWidth - runes(indent)
	start := 0
	for start <= len(rs) {
		end := start
		for end < len(rs) && rs[end] != '\n' {
			end++
		}
		i := start
		if i == end {
			w.WriteString(strings.TrimRight(indent, " ") + "\n")
		}
		for i < end {
			j := min(i+width, end)
			if j < end {
				for k := j; k > i+width/2; k-- {
					if rs[k] == ' ' {
						j = k
						break
					}
				}
			}
			w.WriteString(indent + string(rs[i:j]) + "\n")
			var carets strings.Builder
			any := false
			for k := i; k < j; k++ {
				if marked[k] {
					carets.WriteByte('^')
					any = true
				} else {
					carets.WriteByte(' ')
				}
			}
			if any {
				w.WriteString(indent + strings.TrimRight(carets.String(), " ") + "\n")
			}
			i = j
			for i < end && rs[i] == ' ' {
				i++
			}
		}
		start = end + 1
	}
}

// humanDuration is a rough duration for people: "7 s", "3 min", "2 h 5 min", "4 d".
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second).Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		h := int(d.Hours())
		if m := int(d.Minutes()) % 60; m != 0 {
			return fmt.Sprintf("%d h %d min", h, m)
		}
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d d", int(d.Hours()/24))
}
