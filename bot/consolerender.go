package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/chzyer/readline"

	"github.com/claimbot/claimbot/l10n"
)

// The console shows a message as Discord would: Markdown rendered (bold,
// italics, code, quotes, masked links), each embed as a box in its colour,
// and buttons as numbered choices. With styles off (output that is not a
// terminal) the text is the same without escape sequences.

var msgJustNow = l10n.New("just now", "gerade eben")

// style is a terminal text style, as SGR parameters.
type style struct{ bold, italic, code, link, dim bool }

func (s style) sgr() string {
	var ps []string
	if s.bold {
		ps = append(ps, "1")
	}
	if s.dim {
		ps = append(ps, "2")
	}
	if s.italic {
		ps = append(ps, "3")
	}
	if s.link {
		ps = append(ps, "4")
	}
	if s.code {
		ps = append(ps, "36")
	}
	if len(ps) == 0 {
		return ""
	}
	return "\x1b[" + strings.Join(ps, ";") + "m"
}

// span is text in one style.
type span struct {
	text string
	st   style
}

// discordToken matches the <…> tokens Discord renders: timestamps,
// mentions and bracketed links.
var discordToken = regexp.MustCompile(`^<(?:t:(-?\d+)(?::([tTdDfFR]))?|@!?(\w+)|@&(\d+)|#(\d+)|(https?://[^>\s]+))>`)

var maskedLink = regexp.MustCompile(`^\[((?:\\.|[^\]\\])*)\]\((https?://[^)\s]+)\)`)

// markdown parses the Discord Markdown this package writes into spans.
// base is the style of the surrounding text (a title is bold).
func markdown(s string, base style, now time.Time, l lang) []span {
	var out []span
	var cur strings.Builder
	st := base
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, span{cur.String(), st})
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		rest := string(rs[i:])
		switch {
		case r == '\\' && i+1 < len(rs):
			i++
			cur.WriteRune(rs[i])
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			flush()
			st.bold = !st.bold
			i++
		case r == '*':
			flush()
			st.italic = !st.italic
		case r == '`':
			end := strings.IndexRune(string(rs[i+1:]), '`')
			if end < 0 {
				cur.WriteRune(r)
				continue
			}
			flush()
			code := string(rs[i+1:])[:end]
			c := st
			c.code = true
			out = append(out, span{code, c})
			i += len([]rune(code)) + 1
		case r == '[':
			if m := maskedLink.FindStringSubmatch(rest); m != nil {
				flush()
				c := st
				c.link = true
				for _, sp := range markdown(m[1], c, now, l) {
					out = append(out, span{sp.text, sp.st})
				}
				d := st
				d.dim = true
				out = append(out, span{" <" + m[2] + ">", d})
				i += len([]rune(m[0])) - 1
				continue
			}
			cur.WriteRune(r)
		case r == '<':
			if m := discordToken.FindStringSubmatch(rest); m != nil {
				cur.WriteString(tokenText(m, now, l))
				i += len([]rune(m[0])) - 1
				continue
			}
			cur.WriteRune(r)
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}

// tokenText renders a timestamp, mention or link token for the console.
func tokenText(m []string, now time.Time, l lang) string {
	switch {
	case m[1] != "":
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		t := time.Unix(sec, 0).UTC()
		if m[2] == "R" {
			d := t.Sub(now)
			if d > -time.Second && d < time.Second {
				return l.T(msgJustNow)
			}
			if d >= 0 {
				return l.T(msgInDuration, l.Duration(d))
			}
			return l.T(msgAgo, l.Duration(-d))
		}
		return l.DateTime(t)
	case m[3] != "":
		return "@" + m[3]
	case m[4] != "":
		return "@&" + m[4]
	case m[5] != "":
		return "#" + m[5]
	}
	return m[6]
}

// painter writes styled, wrapped lines with an optional prefix (an
// embed's border).
type painter struct {
	b      *strings.Builder
	color  bool
	width  int
	prefix string // printed before every line; may hold escape codes
	plen   int    // its visible width
}

func width(s string) int {
	n := 0
	for _, r := range s {
		n += readline.Runes{}.Width(r)
	}
	return n
}

// line writes spans as wrapped lines (a line break in the text starts a
// new line; "> " at a line's start is a quote bar).
func (p *painter) line(spans []span) {
	// Split into lines at '\n'.
	var lines [][]span
	cur := []span{}
	for _, sp := range spans {
		parts := strings.Split(sp.text, "\n")
		for i, part := range parts {
			if i > 0 {
				lines = append(lines, cur)
				cur = []span{}
			}
			if part != "" {
				cur = append(cur, span{part, sp.st})
			}
		}
	}
	lines = append(lines, cur)
	for _, ln := range lines {
		quote := false
		if len(ln) > 0 && strings.HasPrefix(ln[0].text, "> ") {
			quote = true
			ln[0].text = strings.TrimPrefix(ln[0].text, "> ")
		}
		p.wrapped(ln, quote)
	}
}

func (p *painter) wrapped(ln []span, quote bool) {
	lead := ""
	if quote {
		lead = "▎ "
		if p.color {
			lead = "\x1b[2m▎\x1b[0m "
		}
	}
	avail := max(p.width-p.plen-width(stripANSI(lead)), 20)
	// Words with their styles; spaces separate words.
	type word struct {
		parts []span
		w     int
	}
	var words []word
	var w word
	for _, sp := range ln {
		for i, chunk := range strings.Split(sp.text, " ") {
			if i > 0 {
				words = append(words, w)
				w = word{}
			}
			if chunk != "" {
				w.parts = append(w.parts, span{chunk, sp.st})
				w.w += width(chunk)
			}
		}
	}
	words = append(words, w)
	var out strings.Builder
	used := 0
	emit := func() {
		p.b.WriteString(p.prefix + lead + strings.TrimRight(out.String(), " ") + "\n")
		out.Reset()
		used = 0
	}
	for i, wd := range words {
		if used > 0 && used+1+wd.w > avail {
			emit()
		} else if i > 0 && used > 0 {
			out.WriteString(" ")
			used++
		}
		for _, part := range wd.parts {
			if p.color && part.st != (style{}) {
				out.WriteString(part.st.sgr() + part.text + "\x1b[0m")
			} else {
				out.WriteString(part.text)
			}
		}
		used += wd.w
	}
	emit()
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m|\x1b\\]8;;[^\x1b]*\x1b\\\\")

func stripANSI(s string) string { return ansi.ReplaceAllString(s, "") }

// choice is a button the console offers by number.
type choice struct {
	button discordgo.Button
	msg    *discordgo.Message
}

// renderMessage writes a message as Discord shows it and returns the
// enabled buttons in the order they are numbered, from first.
func renderMessage(b *strings.Builder, color bool, termWidth int, now time.Time, l lang, content string,
	embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent, first int) []discordgo.Button {
	p := &painter{b: b, color: color, width: termWidth}
	if content != "" {
		p.line(markdown(content, style{}, now, l))
	}
	boxWidth := min(termWidth, 100)
	for _, e := range embeds {
		bar := "│ "
		top, bottom := "╭"+strings.Repeat("─", boxWidth-1), "╰"+strings.Repeat("─", boxWidth-1)
		if color {
			c := fmt.Sprintf("\x1b[38;2;%d;%d;%dm", e.Color>>16&0xff, e.Color>>8&0xff, e.Color&0xff)
			bar = c + "│\x1b[0m "
			top, bottom = c+top+"\x1b[0m", c+bottom+"\x1b[0m"
		}
		b.WriteString(top + "\n")
		ep := &painter{b: b, color: color, width: boxWidth, prefix: bar, plen: 2}
		if e.Author != nil && e.Author.Name != "" {
			ep.line([]span{{e.Author.Name, style{dim: true}}})
		}
		if e.Title != "" {
			ep.line(markdown(e.Title, style{bold: true}, now, l))
		}
		if e.URL != "" {
			ep.line([]span{{e.URL, style{dim: true}}})
		}
		if e.Description != "" {
			ep.line(markdown(e.Description, style{}, now, l))
		}
		for i := 0; i < len(e.Fields); i++ {
			f := e.Fields[i]
			// Up to three inline fields side by side, as Discord does,
			// when they fit; else one under the other.
			if f.Inline {
				j := i
				var row []*discordgo.MessageEmbedField
				for j < len(e.Fields) && e.Fields[j].Inline && len(row) < 3 {
					row = append(row, e.Fields[j])
					j++
				}
				if inlineRow(ep, row, now, l) {
					i = j - 1
					continue
				}
			}
			ep.line(nil)
			ep.line(markdown(f.Name, style{bold: true}, now, l))
			ep.line(markdown(f.Value, style{}, now, l))
		}
		if e.Footer != nil && e.Footer.Text != "" {
			ep.line(nil)
			ep.line([]span{{e.Footer.Text, style{dim: true}}})
		}
		b.WriteString(bottom + "\n")
	}
	var enabled []discordgo.Button
	var labels []string
	for _, btn := range buttons(comps) {
		label := btn.Label
		if btn.Emoji != nil && btn.Emoji.Name != "" {
			if strings.Contains(btn.CustomID, ":prev") {
				label = btn.Emoji.Name + " " + label
			} else {
				label += " " + btn.Emoji.Name
			}
		}
		if btn.Disabled {
			if color {
				labels = append(labels, "\x1b[2m( "+label+" )\x1b[0m")
			} else {
				labels = append(labels, "( "+label+" )")
			}
			continue
		}
		n := first + len(enabled)
		enabled = append(enabled, btn)
		if color {
			labels = append(labels, fmt.Sprintf("\x1b[1m[%d]\x1b[0m %s", n, label))
		} else {
			labels = append(labels, fmt.Sprintf("[%d] %s", n, label))
		}
	}
	if len(labels) > 0 {
		b.WriteString(strings.Join(labels, "   ") + "\n")
	}
	return enabled
}

// inlineRow writes inline fields as "Name: value" side by side when the
// row fits on one line.
func inlineRow(p *painter, row []*discordgo.MessageEmbedField, now time.Time, l lang) bool {
	var spans []span
	total := 0
	for i, f := range row {
		if strings.Contains(f.Value, "\n") {
			return false
		}
		if i > 0 {
			spans = append(spans, span{"   ", style{}})
			total += 3
		}
		name := markdown(f.Name, style{bold: true}, now, l)
		value := markdown(f.Value, style{}, now, l)
		spans = append(spans, name...)
		spans = append(spans, span{": ", style{}})
		spans = append(spans, value...)
		for _, sp := range append(name, value...) {
			total += width(sp.text)
		}
		total += 2
	}
	if total > p.width-p.plen {
		return false
	}
	p.line(nil)
	p.line(spans)
	return true
}

// buttons lists a message's buttons in order.
func buttons(comps []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range comps {
		if row, ok := c.(discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if btn, ok := b.(discordgo.Button); ok {
					out = append(out, btn)
				}
			}
		}
	}
	return out
}
