package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// isModerator: Manage Server or Administrator in the member's permissions,
// or the configured or the guild's stored moderator role.
func (b *Bot) isModerator(ctx context.Context, in Input) bool {
	if in.GuildID == "" {
		return false
	}
	if in.Perms&(permAdministrator|permManageGuild) != 0 {
		return true
	}
	roles := []string{b.cfg.ModeratorRoleID}
	if s, err := b.store.GuildSettings(ctx, in.GuildID); err != nil {
		b.log.WarnContext(ctx, "reading guild settings failed", "guild", in.GuildID, "err", err)
	} else {
		roles = append(roles, s.ModeratorRoleID)
	}
	for _, r := range roles {
		if r != "" && slices.Contains(in.Roles, r) {
			return true
		}
	}
	return false
}

// audit records a moderator action; a failure is logged, not shown: the
// action itself succeeded.
func (b *Bot) audit(ctx context.Context, in Input, action, target, detail string) {
	err := b.store.AppendAudit(ctx, state.AuditEntry{
		GuildID: in.GuildID, UserID: in.UserID, Action: action, Target: target, Detail: detail, At: b.now(),
	})
	if err != nil {
		b.log.WarnContext(ctx, "audit failed", "action", action, "err", err)
	}
}

// reindex is /reindex, for operator guilds: rebuild the index, post the
// alerts the change raised to every guild that sees them, and report
// counts, changes, alerts and time. Posting comes first so the report can
// say where this guild's went; the reply is deferred anyway.
func (b *Bot) reindex(ctx context.Context, in Input) (Reply, error) {
	start := b.now()
	rep, err := b.lib.Reindex(ctx)
	b.metrics().Reindex(b.now().Sub(start), err)
	if err != nil {
		return Reply{}, err
	}
	posted := b.deliverReport(ctx, rep)
	here := posted[in.GuildID]
	total := 0
	for _, n := range posted {
		total += n
	}
	b.audit(ctx, in, "reindex", "", fmt.Sprintf("%d articles, %d alerts, %d posted", rep.Articles, len(rep.Alerts), total))
	l := in.lang()
	e := reindexEmbed(l, rep, len(b.postable(rep.Alerts)))
	if here > 0 {
		if ch, err := b.alertChannel(ctx, in.GuildID); err == nil && ch != "" && ch != consoleGuild {
			e.Description = strings.TrimSpace(e.Description + "\n" + l.T(msgReindexPosted, here, ch))
		}
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// contradictions is how many of the report's alerts go to alert channels;
// the rest are updates.
func reindexEmbed(l lang, rep library.Report, contradictions int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       "✅ " + l.T(msgReindexDone, rep.Articles, rep.Passages, formatDuration(rep.Took)),
		Color:       colorInfo,
		Description: "",
	}
	list := func(name string, ids []string) {
		if len(ids) == 0 {
			return
		}
		esc := make([]string, len(ids))
		for i, id := range ids {
			esc[i] = escapeMarkdown(id)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  fmt.Sprintf("%s (%d)", name, len(ids)),
			Value: strings.Join(esc, ", "),
		})
	}
	list(l.T(msgReindexAdded), rep.Added)
	list(l.T(msgReindexChanged), rep.Changed)
	list(l.T(msgReindexRemoved), rep.Removed)
	if len(rep.Added)+len(rep.Changed)+len(rep.Removed) == 0 {
		e.Description = l.T(msgReindexNoChange)
	}
	if lines := problemLines(l, rep); len(lines) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgReindexProblems), Value: strings.Join(lines, "\n")})
	}
	alerts := l.T(msgReindexAlertsNone)
	if contradictions > 0 {
		alerts = fmt.Sprint(contradictions)
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgReindexAlerts), Value: alerts, Inline: true})
	if n := len(rep.Alerts) - contradictions; n > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgReindexUpdates), Value: fmt.Sprint(n), Inline: true})
	}
	return e
}

// problemLines are the files a re-index skipped, each with why in the
// reader's language (the library's errors say it; Problems is the English
// for logs). A problem whose error says nothing in l is said plainly.
func problemLines(l lang, rep library.Report) []string {
	var lines []string
	for i, p := range rep.Problems {
		why := ""
		if i < len(rep.ProblemErrs) {
			why = errorDetail(l, rep.ProblemErrs[i])
		} else if l == l10n.EN {
			why = p
		}
		if why == "" {
			why = l.T(msgReindexProblemPlain)
		}
		lines = append(lines, "• "+escapeMarkdown(oneLine(why)))
	}
	return lines
}

// formatDuration rounds for people: "850 ms", "2.4 s".
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return d.Round(time.Second).String()
}

// alerts is /alerts channel:<#channel> and /alerts off.
func (b *Bot) alerts(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	s, err := b.store.GuildSettings(ctx, in.GuildID)
	if err != nil {
		return Reply{}, err
	}
	var text string
	switch in.Sub {
	case subAlertsChannel:
		ch := in.stringOpt("channel")
		if !isSnowflake(ch) {
			// A channel option carries a channel ID; anything else is not
			// stored, whatever sent it.
			return textReply(l.T(msgAlertsBadChannel)), nil
		}
		refusal, err := b.channelRefusal(ctx, l, in.GuildID, ch)
		if err != nil {
			return Reply{}, err
		}
		if refusal != "" {
			return textReply(refusal), nil
		}
		s.AlertChannelID = ch
		text = l.T(msgAlertsSet, ch)
	case subAlertsOff:
		s.AlertChannelID = alertsOff
		text = l.T(msgAlertsOff)
	default:
		return textReply(l.T(msgUnknownCmd)), nil
	}
	if err := b.store.SetGuildSettings(ctx, in.GuildID, s); err != nil {
		return Reply{}, err
	}
	b.audit(ctx, in, "settings", "alert_channel", s.AlertChannelID)
	return textReply(text), nil
}

// verdict is a moderator's button on an alert: the verdict is stored (so
// the pair does not alert again and, if dismissed, is no longer mentioned
// in answers) and the alert message shows it, buttons disabled.
func (b *Bot) verdict(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	value, key, ok := parseVerdictID(in.CustomID)
	if !ok {
		return textReply(l.T(msgUnknownCmd)), nil
	}
	v := state.Verdict{Value: value, By: in.UserID, At: b.now()}
	if err := b.store.SetVerdict(ctx, in.GuildID, key, v); err != nil {
		return Reply{}, err
	}
	b.audit(ctx, in, "verdict", key, value)
	r := Reply{Update: true}
	if in.Message != nil {
		r.Content = in.Message.Content
		for _, e := range in.Message.Embeds {
			r.Embeds = append(r.Embeds, requestEmbed(e))
		}
	}
	note := &discordgo.MessageEmbedField{
		Name:  l.T(msgVerdictField),
		Value: l.T(msgVerdictRecorded, verdictText(l, value), in.UserID, fmt.Sprintf("<t:%d:R>", v.At.Unix())),
	}
	if len(r.Embeds) == 0 {
		r.Embeds = []*discordgo.MessageEmbed{{Color: colorAlert}}
	}
	last := r.Embeds[len(r.Embeds)-1]
	last.Fields = append(slices.DeleteFunc(last.Fields, func(f *discordgo.MessageEmbedField) bool {
		return f.Name == l.T(msgVerdictField) || f.Name == de.T(msgVerdictField) || f.Name == en.T(msgVerdictField)
	}), note)
	r.Components = verdictButtons(l, key, value)
	return r, nil
}

// requestEmbed copies the parts of a received embed that a request may
// send back; received embeds carry read-only fields (proxy URLs, sizes).
func requestEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	c := &discordgo.MessageEmbed{
		Title: e.Title, Description: e.Description, URL: e.URL, Color: e.Color, Timestamp: e.Timestamp,
	}
	for _, f := range e.Fields {
		c.Fields = append(c.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
	}
	if e.Footer != nil {
		c.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer.Text}
	}
	if e.Author != nil {
		c.Author = &discordgo.MessageEmbedAuthor{Name: e.Author.Name, URL: e.Author.URL}
	}
	return c
}
