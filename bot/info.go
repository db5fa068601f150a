package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
)

// stats is /stats: articles, passages, index age, last re-index.
func (b *Bot) stats(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	st := b.lib.Stats(b.collection(in.GuildID))
	when := func(t time.Time, style string) string {
		if t.IsZero() {
			return l.t(msgNever)
		}
		return fmt.Sprintf("<t:%d:%s>", t.Unix(), style)
	}
	e := &discordgo.MessageEmbed{
		Title: "📚 " + l.t(msgStatsTitle),
		Color: colorInfo,
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.t(msgStatsArticles), Value: strconv.Itoa(st.Articles), Inline: true},
			{Name: l.t(msgStatsPassages), Value: strconv.Itoa(st.Passages), Inline: true},
			{Name: l.t(msgStatsIndexAge), Value: when(st.IndexBuilt, "R"), Inline: true},
			{Name: l.t(msgStatsReindex), Value: when(st.IndexBuilt, "f"), Inline: true},
			{Name: l.t(msg{"Last change", "Letzte Änderung"}), Value: when(st.LastChange, "R"), Inline: true},
		},
	}
	if c := b.collection(in.GuildID); !c.IsBase() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgStatsOwn), Value: strconv.Itoa(st.Own), Inline: true})
	}
	if n := st.Skipped; n > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.t(msgStatsSkipped), Value: l.t(msgStatsSkippedN, n), Inline: true})
	}
	if st.Corpus != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: st.Corpus}
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// timeline is /timeline topic:<text>: the figures reported on a subject in
// date order, marking updates and contradictions.
func (b *Bot) timeline(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	topic := strings.TrimSpace(in.stringOpt("topic"))
	if topic == "" {
		return textReply(l.t(msgTopicEmpty)), nil
	}
	if n := runes(topic); n > maxQueryRunes {
		return textReply(l.t(msgQueryTooLong, n, maxQueryRunes)), nil
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	entries, err := b.lib.Timeline(ctx, b.collection(in.GuildID), topic)
	if err != nil {
		return Reply{}, err
	}
	if len(entries) == 0 {
		return textReply(l.t(msgTimelineEmpty, escapeMarkdown(truncatePlain(topic, 100)))), nil
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{timelineEmbed(l, topic, entries)}, Ephemeral: true}, nil
}

// timelineEmbed lists entries one per line, as many as fit.
func timelineEmbed(l lang, topic string, entries []claims.TimelineEntry) *discordgo.MessageEmbed {
	const budget = maxDescription - 100
	var b strings.Builder
	for i, e := range entries {
		line := timelineLine(l, e)
		if runes(b.String())+runes(line)+1 > budget {
			b.WriteString(l.t(msgTimelineMore, len(entries)-i))
			break
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return &discordgo.MessageEmbed{
		Title:       "🗓️ " + escapeMarkdown(l.t(msgTimelineTitle, truncatePlain(oneLine(topic), 200))),
		Description: strings.TrimSpace(b.String()),
		Color:       colorInfo,
	}
}

// timelineLine: "`2024-11-18` **100.000 Soldaten** — laut Bloomberg · Merkur, Abs. 4 · ⚠️ conflicting figures".
func timelineLine(l lang, e claims.TimelineEntry) string {
	when := e.When
	if when == "" {
		when = l.t(msgDateUnknown)
	}
	var parts []string
	head := "`" + strings.ReplaceAll(when, "`", "'") + "` **" + escapeMarkdown(oneLine(e.Figure)) + "**"
	if e.WhenNote != "" {
		head += " *(" + escapeMarkdown(oneLine(e.WhenNote)) + ")*"
	}
	parts = append(parts, head)
	if len(e.Sources) > 0 {
		parts = append(parts, sourceLine(l, e.Sources))
	}
	where := e.Publisher
	if where == "" {
		where = e.Title
	}
	where = escapeMarkdown(truncatePlain(oneLine(where), 80))
	if e.Paragraph > 0 {
		where += ", " + l.t(msgParagraphN, e.Paragraph)
	}
	parts = append(parts, where)
	switch e.Relation {
	case "conflict", "retraction", "denial":
		parts = append(parts, "⚠️ "+l.kindText(e.Relation))
	case "update":
		parts = append(parts, "↻ "+l.kindText(e.Relation))
	}
	return strings.Join(parts, " — ")
}
