package bot

import (
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/library"
)

// answerBudget is how many characters a /claim answer may have by
// default: about one phone screen. Everything a page shows — title,
// excerpt, attribution, the other results, the disagreement note, footer
// and buttons — counts; the excerpt gives way first.
const answerBudget = 900

var (
	msgParagraphs    = l10n.New("¶ %s", "Abs. %s")
	msgArticleRef    = l10n.New("Article `%s`", "Artikel `%s`")
	msgMoreResults   = l10n.New("More results", "Weitere Treffer")
	msgSameArticle   = l10n.New("also in this article: %s", "auch in diesem Artikel: %s")
	msgDisagreeWith  = l10n.New("⚠️ Disputed (result %d)", "⚠️ Umstritten (Treffer %d)")
	msgDisagreeMoreN = l10n.Plural("and one more disagreement", "and %d more disagreements", "und ein weiterer Widerspruch", "und %d weitere Widersprüche")
	msgPageFooter    = l10n.New("Results %d–%d for “%s”", "Treffer %d–%d zu „%s“")
)

// urlsOf looks up the article URLs an answer links to.
type urlsOf func(articleID string) string

// articleURLs is urlsOf over c's view.
func (b *Bot) articleURLs(c library.Collection) urlsOf {
	return func(id string) string {
		if a, ok := b.lib.Article(c, id); ok && validURL(a.URL) {
			return a.URL
		}
		return ""
	}
}

// renderResults builds the answer to a claim: the page's top passage as
// one compact embed (excerpt with the matched words in bold, outlet · date
// · paragraph · whom it cites, the article ID; the title links to the
// article when its URL is known), the page's other passages grouped by
// article one line each, a note when sources disagree about a shown
// passage (tied to its result, with both articles linked), and paging
// buttons. Unknown metadata is left out, not labelled.
func renderResults(l lang, query, ref string, res index.Result, offset, limit int, alerts []claims.Alert, urls urlsOf) Reply {
	top := res.Hits[0]
	e := &discordgo.MessageEmbed{
		Title: escapeMarkdown(truncatePlain(oneLine(firstNonEmpty(top.Title, top.Article)), 120)),
		Color: colorResult,
	}
	if validURL(top.URL) {
		e.URL = top.URL
	}
	meta := attribution(l, top.Publisher, top.Published, top.Sources, []int{top.Paragraph})
	idLine := l.T(msgArticleRef, top.Article)

	if more := moreResults(l, res.Hits); more != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgMoreResults), Value: more})
	}
	if note := disagreementNote(l, res.Hits, offset, alerts, urls); note != nil {
		e.Fields = append(e.Fields, note)
	}
	e.Footer = &discordgo.MessageEmbedFooter{
		Text: l.T(msgPageFooter, offset+1, offset+len(res.Hits), truncatePlain(oneLine(query), 60)),
	}
	var r Reply
	if res.Total > uint64(offset+len(res.Hits)) || offset > 0 {
		prev := max(offset-limit, 0)
		next := offset + limit
		r.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: l.T(msgPrev), Emoji: &discordgo.ComponentEmoji{Name: "◀️"}, Style: discordgo.SecondaryButton, CustomID: pageID(prev, limit, ref, "prev"), Disabled: offset == 0},
			discordgo.Button{Label: l.T(msgNext), Emoji: &discordgo.ComponentEmoji{Name: "▶️"}, Style: discordgo.SecondaryButton, CustomID: pageID(next, limit, ref, "next"), Disabled: uint64(next) >= res.Total},
		}}}
	}
	// The excerpt gets what the rest leaves of the budget; escapes and
	// bold marks make it a little longer than asked, so it shrinks until
	// the whole answer fits.
	e.Description = meta + "\n" + idLine
	room := answerBudget - replyLen(Reply{Embeds: []*discordgo.MessageEmbed{e}, Components: r.Components}) - 1
	budget := max(room, 120)
	for range 8 {
		e.Description = fragmentText(top, budget) + "\n" + meta + "\n" + idLine
		over := replyLen(Reply{Embeds: []*discordgo.MessageEmbed{e}, Components: r.Components}) - answerBudget
		if over <= 0 || budget <= 120 {
			break
		}
		budget = max(budget-over-5, 120)
	}
	r.Embeds = []*discordgo.MessageEmbed{e}
	return r
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// attribution is "Merkur · 18.11.2024 · Abs. 4 · laut Bloomberg": only
// what is known.
func attribution(l lang, publisher string, published time.Time, sources []string, paragraphs []int) string {
	var parts []string
	if p := oneLine(publisher); p != "" {
		parts = append(parts, escapeMarkdown(p))
	}
	if !published.IsZero() {
		parts = append(parts, l.Date(published))
	}
	if len(paragraphs) > 0 {
		parts = append(parts, l.T(msgParagraphs, paragraphList(paragraphs)))
	}
	if s := sourceLine(l, sources); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

func paragraphList(ps []int) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strconv.Itoa(p)
	}
	return strings.Join(out, ", ")
}

// sourceLine is "laut Bloomberg und Reuters" / "according to …"; "" when
// the passage names no source.
func sourceLine(l lang, sources []string) string {
	if len(sources) == 0 {
		return ""
	}
	esc := make([]string, len(sources))
	for i, s := range sources {
		esc[i] = escapeMarkdown(oneLine(s))
	}
	return l.T(msgAccordingTo, l.List(esc))
}

// moreResults lists the page's other passages, one line per article:
// "• news.de: Titel · Abs. 2, 3 · `id`", or, for the top result's own
// article, "auch in diesem Artikel: Abs. 2".
func moreResults(l lang, hits []index.Hit) string {
	type group struct {
		h     index.Hit
		paras []int
	}
	var order []string
	groups := map[string]*group{}
	for _, h := range hits[1:] {
		g, ok := groups[h.Article]
		if !ok {
			g = &group{h: h}
			groups[h.Article] = g
			order = append(order, h.Article)
		}
		g.paras = append(g.paras, h.Paragraph)
	}
	var lines []string
	for _, id := range order {
		g := groups[id]
		if id == hits[0].Article {
			lines = append([]string{"• " + l.T(msgSameArticle, l.T(msgParagraphs, paragraphList(g.paras)))}, lines...)
			continue
		}
		line := "• " + escapeMarkdown(truncatePlain(oneLine(firstNonEmpty(g.h.Title, g.h.Article)), 60))
		if meta := attribution(l, g.h.Publisher, g.h.Published, nil, g.paras); meta != "" {
			line += " – " + meta
		}
		lines = append(lines, line+" · `"+id+"`")
	}
	return strings.Join(lines, "\n")
}

// disagreementNote ties the most severe disagreement about a shown
// passage to its result: the headline sentence and both articles linked.
func disagreementNote(l lang, hits []index.Hit, offset int, alerts []claims.Alert, urls urlsOf) *discordgo.MessageEmbedField {
	if len(alerts) == 0 {
		return nil
	}
	pos := map[string]int{}
	for i, h := range hits {
		k := index.PassageID(h.Article, h.Paragraph)
		if _, ok := pos[k]; !ok {
			pos[k] = offset + i + 1
		}
	}
	best, bestN := -1, 0
	for i, a := range alerts {
		n := 0
		for _, s := range append([]claims.Side{a.New}, a.Existing...) {
			if p, ok := pos[index.PassageID(s.Article, s.Paragraph)]; ok && (n == 0 || p < n) {
				n = p
			}
		}
		if n == 0 {
			continue
		}
		if best < 0 || severityRank(a.Severity) > severityRank(alerts[best].Severity) ||
			severityRank(a.Severity) == severityRank(alerts[best].Severity) && n < bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return nil
	}
	a := alerts[best]
	value := escapeMarkdown(headline(l, a))
	if links := sideLinks(l, a, urls); links != "" {
		value += "\n" + links
	}
	if n := len(alerts) - 1; n > 0 {
		value += "\n" + l.T(msgDisagreeMoreN, n)
	}
	return &discordgo.MessageEmbedField{Name: l.T(msgDisagreeWith, bestN), Value: value}
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

// sideLinks links both articles of an alert where their URLs are known:
// "[news.de](…) ↔ [Merkur](…)".
func sideLinks(l lang, a claims.Alert, urls urlsOf) string {
	if urls == nil {
		return ""
	}
	link := func(s claims.Side) string {
		u := urls(s.Article)
		if u == "" {
			return ""
		}
		label := firstNonEmpty(oneLine(s.Publisher), truncatePlain(oneLine(s.Title), 40), s.Article)
		return "[" + escapeMarkdown(label) + "](" + u + ")"
	}
	n, o := link(a.New), link(a.First())
	switch {
	case n != "" && o != "":
		return n + " ↔ " + o
	case n != "":
		return n
	}
	return o
}

// replyLen is what a reply costs on screen in characters: content,
// embeds as Discord counts them, and button labels.
func replyLen(r Reply) int {
	n := runes(r.Content)
	for _, e := range r.Embeds {
		n += embedLen(e)
	}
	for _, row := range r.Components {
		if ar, ok := row.(discordgo.ActionsRow); ok {
			for _, c := range ar.Components {
				if b, ok := c.(discordgo.Button); ok {
					n += runes(b.Label)
				}
			}
		}
	}
	return n
}
