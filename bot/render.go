package bot

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/articles"
)

// Discord's size limits. Discord counts characters, not bytes; a German
// umlaut is two bytes in Go but one character for Discord, so every check
// here counts runes.
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxEmbedTotal  = 6000
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
	maxCustomID    = 100
	maxButtonLabel = 80
)

func runes(s string) int { return utf8.RuneCountInString(s) }

// mdSpecial are the characters that start Discord Markdown: emphasis,
// strike-through, code, spoilers, quotes, headings, lists, masked links.
// '<' is included so that <@id>, <#id>, <t:…> and <:emoji:id> in article
// text stay text.
const mdSpecial = "\\*_~`|>#-[]()<"

// escapeMarkdown makes text from articles and users inert in Discord: every
// Markdown character is backslash-escaped, @everyone/@here get a zero-width
// space so they neither ping (allowed_mentions already forbids that) nor
// look like a ping, and line breaks are kept.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	for _, m := range []string{"@everyone", "@here"} {
		out = strings.ReplaceAll(out, m, "@\u200b"+m[1:])
	}
	return out
}

// unescapeMarkdown inverts escapeMarkdown and strips bold marks, for the
// console; it returns the plain text and the rune ranges that were bold.
func unescapeMarkdown(s string) (plain string, bold [][2]int) {
	var b strings.Builder
	n := 0
	start := -1
	rs := []rune(strings.ReplaceAll(s, "@\u200b", "@"))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && strings.ContainsRune(mdSpecial, rs[i+1]):
			i++
			b.WriteRune(rs[i])
			n++
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			i++
			if start < 0 {
				start = n
			} else {
				bold = append(bold, [2]int{start, n})
				start = -1
			}
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), bold
}

// oneLine collapses runs of white space (including line breaks) into single
// spaces: passages are quoted inline, and a line break in the middle of one
// could start a Markdown list or heading.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncateMarkdown cuts Markdown produced by this package to at most n runes
// without leaving a dangling escape or an unclosed bold mark.
func truncateMarkdown(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	if n < 8 {
		return string([]rune(s)[:n])
	}
	cut := strings.TrimSuffix(articles.Truncate(s, n-2), "…") // room for "**"
	rs := []rune(cut)
	// Count the trailing backslashes: an odd number escapes the ellipsis.
	bs := 0
	for i := len(rs) - 1; i >= 0 && rs[i] == '\\'; i-- {
		bs++
	}
	if bs%2 == 1 {
		rs = rs[:len(rs)-1]
	}
	// Drop trailing bold marks, whole or half: they are re-added below if
	// the bold is still open, so "**bo" and "**bold*" both end "**bold**…".
	for len(rs) > 0 && rs[len(rs)-1] == '*' && !escapedAt(rs, len(rs)-1) {
		rs = rs[:len(rs)-1]
	}
	cut = strings.TrimRight(string(rs), " ")
	if openBold(cut) {
		// Close the bold before the ellipsis so "…" is not bold-marked
		// text that never ends.
		return cut + "**…"
	}
	return cut + "…"
}

// escapedAt reports whether rs[i] is preceded by an odd number of
// backslashes.
func escapedAt(rs []rune, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && rs[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// openBold reports whether s has an unescaped "**" without its partner.
func openBold(s string) bool {
	open := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\\':
			i++
		case rs[i] == '*' && i+1 < len(rs) && rs[i+1] == '*':
			open = !open
			i++
		}
	}
	return open
}

// truncatePlain cuts text that is not Markdown (footers, author names,
// choice names) to n runes at a word boundary.
func truncatePlain(s string, n int) string { return articles.Truncate(s, n) }

// validURL reports whether s is an absolute http(s) URL Discord accepts in
// an embed; article files may carry anything in their URL line.
func validURL(s string) bool {
	if s == "" || runes(s) > 2048 {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// embedLen is what Discord counts towards the 6000-character total.
func embedLen(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	return n
}

// fitEmbeds enforces every per-embed limit and the 6000-character total of
// a message. It shrinks the longest texts first (descriptions, then field
// values) and drops trailing embeds only when shrinking cannot help, so a
// reply always goes out instead of being rejected with 50035.
func fitEmbeds(embeds []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if len(embeds) > maxEmbeds {
		embeds = embeds[:maxEmbeds]
	}
	for _, e := range embeds {
		e.Title = truncateMarkdown(e.Title, maxTitle)
		e.Description = truncateMarkdown(e.Description, maxDescription)
		if len(e.Fields) > maxFields {
			e.Fields = e.Fields[:maxFields]
		}
		for _, f := range e.Fields {
			f.Name = truncateMarkdown(f.Name, maxFieldName)
			f.Value = truncateMarkdown(f.Value, maxFieldValue)
		}
		if e.Footer != nil {
			e.Footer.Text = truncatePlain(e.Footer.Text, maxFooter)
		}
		if e.Author != nil {
			e.Author.Name = truncatePlain(e.Author.Name, maxAuthor)
		}
		if e.URL != "" && !validURL(e.URL) {
			e.URL = ""
		}
	}
	// Shortest a text is cut to before fields, then embeds, are dropped.
	const floor, nameFloor = 120, 60
	for {
		total := 0
		for _, e := range embeds {
			total += embedLen(e)
		}
		excess := total - maxEmbedTotal
		if excess <= 0 {
			return embeds
		}
		// The longest shrinkable text pays first.
		var longest *string
		lf := 0
		consider := func(s *string, fl int) {
			if n := runes(*s); n > fl && (longest == nil || n > runes(*longest)) {
				longest, lf = s, fl
			}
		}
		for _, e := range embeds {
			consider(&e.Description, floor)
			consider(&e.Title, nameFloor)
			for _, f := range e.Fields {
				consider(&f.Value, floor)
				consider(&f.Name, nameFloor)
			}
		}
		if longest != nil {
			*longest = truncateMarkdown(*longest, max(lf, runes(*longest)-excess))
			continue
		}
		if last := embeds[len(embeds)-1]; len(last.Fields) > 0 {
			last.Fields = last.Fields[:len(last.Fields)-1]
			continue
		}
		embeds = embeds[:len(embeds)-1]
	}
}

// fitChoices enforces the autocomplete limits: 25 choices, names and
// values of at most 100 characters.
func fitChoices(cs []*discordgo.ApplicationCommandOptionChoice) []*discordgo.ApplicationCommandOptionChoice {
	if len(cs) > maxChoices {
		cs = cs[:maxChoices]
	}
	out := cs[:0]
	for _, c := range cs {
		c.Name = truncatePlain(oneLine(c.Name), maxChoiceName)
		if v, ok := c.Value.(string); ok && runes(v) > maxChoiceValue {
			continue // a value cut short would name another article
		}
		if c.Name == "" {
			continue
		}
		out = append(out, c)
	}
	return out
}
