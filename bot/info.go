package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/l10n"
)

// stats is /stats: articles, passages, index age, last re-index.
func (b *Bot) stats(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	st := b.lib.Stats(b.collection(in.GuildID))
	when := func(t time.Time, style string) string {
		if t.IsZero() {
			return l.T(msgNever)
		}
		return fmt.Sprintf("<t:%d:%s>", t.Unix(), style)
	}
	e := &discordgo.MessageEmbed{
		Title: "📚 " + l.T(msgStatsTitle),
		Color: colorInfo,
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.T(msgStatsArticles), Value: strconv.Itoa(st.Articles), Inline: true},
			{Name: l.T(msgStatsPassages), Value: strconv.Itoa(st.Passages), Inline: true},
			{Name: l.T(msgStatsIndexAge), Value: when(st.IndexBuilt, "R"), Inline: true},
			{Name: l.T(msgStatsReindex), Value: when(st.IndexBuilt, "f"), Inline: true},
			{Name: l.T(msgStatsLastChange), Value: when(st.LastChange, "R"), Inline: true},
		},
	}
	if c := b.collection(in.GuildID); !c.IsBase() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgStatsOwn), Value: strconv.Itoa(st.Own), Inline: true})
	}
	if n := st.Skipped; n > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgStatsSkipped), Value: l.T(msgStatsSkippedN, n), Inline: true})
	}
	switch st.Corpus {
	case "":
	case embeddedCorpus:
		e.Footer = &discordgo.MessageEmbedFooter{Text: l.T(msgEmbeddedCorpus)}
	default:
		// The label is the operator's CLAIMBOT_ARTICLES path; every user
		// sees /stats, so only the folder's own name is shown.
		e.Footer = &discordgo.MessageEmbedFooter{Text: l.T(msgCorpusDir, filepath.Base(st.Corpus))}
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// timeline is /timeline topic:<text>: the figures reported on a subject
// as a table in date order, undated ones last, paged.
func (b *Bot) timeline(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	topic := strings.TrimSpace(in.stringOpt("topic"))
	if topic == "" {
		return textReply(l.T(msgTopicEmpty)), nil
	}
	if n := runes(topic); n > maxQueryRunes {
		return textReply(l.T(msgQueryTooLong, n, maxQueryRunes)), nil
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	entries, err := b.lib.Timeline(ctx, b.collection(in.GuildID), topic)
	if err != nil {
		return Reply{}, err
	}
	if len(entries) == 0 {
		return textReply(l.T(msgTimelineEmpty, escapeMarkdown(truncatePlain(topic, 100)))), nil
	}
	r := renderTimeline(l, topic, b.queries.put(topic), entries, 0)
	r.Ephemeral = true
	return r, nil
}

// timelinePage is a /timeline page button.
func (b *Bot) timelinePage(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	offset, ref, ok := parseTimelineID(in.CustomID)
	if !ok {
		return textReply(l.T(msgPageExpired)), nil
	}
	topic, ok := b.queries.get(ref)
	if !ok {
		return textReply(l.T(msgPageExpired)), nil
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	entries, err := b.lib.Timeline(ctx, b.collection(in.GuildID), topic)
	if err != nil {
		return Reply{}, err
	}
	if len(entries) == 0 {
		return textReply(l.T(msgTimelineEmpty, escapeMarkdown(truncatePlain(topic, 100)))), nil
	}
	r := renderTimeline(l, topic, ref, entries, min(offset, len(entries)-1))
	r.Update = true
	return r, nil
}

// timelinePageSize entries fit a page comfortably on a phone.
const timelinePageSize = 10

// embeddedCorpus is the library's label for the embedded seed corpus
// (library.Config.ArticlesLabel); any other label is a directory.
const embeddedCorpus = "embedded corpus"

var (
	msgEmbeddedCorpus  = l10n.New("Base articles: the embedded seed articles", "Grundbestand: die eingebetteten Beispielartikel")
	msgCorpusDir       = l10n.New("Base articles from %s", "Grundbestand aus %s")
	msgTimelineUndated = l10n.New("Undated: %s", "Ohne Datum: %s")
	msgUndatedWhy      = l10n.New("the article states no date", "der Artikel nennt keines")
	msgTimelineFooter  = l10n.New("Entries %d–%d of %d · [n] are the articles listed below", "Einträge %d–%d von %d · [n] sind die unten genannten Artikel")
	msgTimelineSources = l10n.New("Articles", "Artikel")
	msgRelativeCue     = l10n.New("from “%s”", "aus „%s“")
)

// renderTimeline is one page of a timeline: a line per entry — the date
// (in the reader's form) in a fixed column, the figure, whom it cites, the
// article as a number [n] and its paragraph, and the entry's own marker
// (an update of, or a contradiction with, an earlier entry) — dated
// entries by start and end of their time, undated ones last under a
// heading that says why, and a legend naming each numbered article once.
func renderTimeline(l lang, topic, ref string, entries []claims.TimelineEntry, offset int) Reply {
	entries = sortedTimeline(entries)
	// One number per article across the whole timeline, so [2] means the
	// same article on every page.
	num := map[string]int{}
	for _, e := range entries {
		if _, ok := num[e.Article]; !ok {
			num[e.Article] = len(num) + 1
		}
	}
	end := min(offset+timelinePageSize, len(entries))
	page := entries[offset:end]
	var lines []string
	undatedHead := false
	var legend []string
	listed := map[string]bool{}
	for _, e := range page {
		if e.When == "" && !undatedHead {
			undatedHead = true
			lines = append(lines, "**"+l.T(msgTimelineUndated, l.T(msgUndatedWhy))+"**")
		}
		lines = append(lines, timelineLine(l, e, num[e.Article]))
		if !listed[e.Article] {
			listed[e.Article] = true
			legend = append(legend, timelineLegend(l, e, num[e.Article]))
		}
	}
	emb := &discordgo.MessageEmbed{
		Title:       "🗓️ " + escapeMarkdown(l.T(msgTimelineTitle, truncatePlain(oneLine(topic), 200))),
		Description: strings.Join(lines, "\n"),
		Color:       colorInfo,
		Fields:      []*discordgo.MessageEmbedField{{Name: l.T(msgTimelineSources), Value: strings.Join(legend, "\n")}},
		Footer:      &discordgo.MessageEmbedFooter{Text: l.T(msgTimelineFooter, offset+1, end, len(entries))},
	}
	r := Reply{Embeds: []*discordgo.MessageEmbed{emb}}
	if len(entries) > timelinePageSize {
		prev := max(offset-timelinePageSize, 0)
		r.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: l.T(msgPrev), Emoji: &discordgo.ComponentEmoji{Name: "◀️"}, Style: discordgo.SecondaryButton, CustomID: timelineID(prev, ref, "prev"), Disabled: offset == 0},
			discordgo.Button{Label: l.T(msgNext), Emoji: &discordgo.ComponentEmoji{Name: "▶️"}, Style: discordgo.SecondaryButton, CustomID: timelineID(end, ref, "next"), Disabled: end >= len(entries)},
		}}}
	}
	return r
}

// sortedTimeline orders entries by the start of their time, then its end
// ("2024" before "2024-11-19", "2025-04/2025-12" before "2025-09-05"),
// undated ones last in the order claims gave them.
func sortedTimeline(entries []claims.TimelineEntry) []claims.TimelineEntry {
	out := append([]claims.TimelineEntry(nil), entries...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.When == "") != (b.When == "") {
			return a.When != ""
		}
		af, at := isoBounds(a.When)
		bf, bt := isoBounds(b.When)
		if !af.Equal(bf) {
			return af.Before(bf)
		}
		return at.Before(bt)
	})
	return out
}

// isoBounds reads the first and last day of an ISO day, month, year or
// interval.
func isoBounds(s string) (from, to time.Time) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		from, _ = isoBounds(a)
		_, to = isoBounds(b)
		return from, to
	}
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(s) == len(f.layout) {
			if t, err := time.Parse(f.layout, s); err == nil {
				return t, f.next(t)
			}
		}
	}
	return time.Time{}, time.Time{}
}

// timelineLine: "`18.11.2024` **bis zu 100.000 Soldaten** · laut Bloomberg · [1] Abs. 4 · ↻ Aktualisierung".
func timelineLine(l lang, e claims.TimelineEntry, n int) string {
	var parts []string
	fig := "**" + escapeMarkdown(oneLine(e.Figure)) + "**"
	if e.When != "" {
		when := "`" + strings.ReplaceAll(l.ISO(e.When), "`", "'") + "`"
		if e.WhenBasis == "relative" && e.WhenCue != "" {
			when += " (" + l.T(msgRelativeCue, escapeMarkdown(truncatePlain(oneLine(e.WhenCue), 40))) + ")"
		}
		fig = when + " " + fig
	} else {
		fig = "• " + fig
	}
	parts = append(parts, fig)
	if len(e.Hedges) > 0 {
		parts = append(parts, "*"+l.T(msgUnconfirmed)+"*")
	}
	if s := sourceLine(l, e.Sources); s != "" {
		parts = append(parts, s)
	}
	where := "[" + strconv.Itoa(n) + "]"
	if e.Paragraph > 0 {
		where += " " + l.T(msgParagraphN, e.Paragraph)
	}
	parts = append(parts, where)
	switch e.Relation {
	case claims.KindConflict, claims.KindRetraction, claims.KindDenial:
		parts = append(parts, "⚠️ "+kindText(l, e.Relation))
	case claims.KindUpdate:
		parts = append(parts, "↻ "+kindText(l, e.Relation))
	}
	return strings.Join(parts, " · ")
}

// timelineLegend names article n once: "[1] news.de · „Titel“ · `id`".
func timelineLegend(l lang, e claims.TimelineEntry, n int) string {
	line := "[" + strconv.Itoa(n) + "] "
	if p := oneLine(e.Publisher); p != "" {
		line += escapeMarkdown(p) + " · "
	}
	return line + escapeMarkdown(truncatePlain(oneLine(firstNonEmpty(e.Title, e.Article)), 70)) + " · `" + e.Article + "`"
}

// Timeline page buttons: "tl:<offset>:<ref>:<which>".
func timelineID(offset int, ref, which string) string {
	return actionTimeline + ":" + strconv.Itoa(offset) + ":" + ref + ":" + which
}

func parseTimelineID(id string) (offset int, ref string, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 4 || parts[0] != actionTimeline {
		return 0, "", false
	}
	off, err := strconv.Atoi(parts[1])
	if err != nil || off < 0 || off > 100000 || parts[2] == "" {
		return 0, "", false
	}
	return off, parts[2], true
}

// SortTimeline orders timeline entries as /timeline shows them: by the
// start, then the end of their time; undated ones last.
func SortTimeline(entries []claims.TimelineEntry) []claims.TimelineEntry {
	return sortedTimeline(entries)
}
