package bot

import (
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/l10n"
)

var (
	msgHeadConflict   = l10n.New("New figure contradicts: %s – earlier %s", "Neue Zahl widerspricht: %s – zuvor %s")
	msgHeadDenial     = l10n.New("Denied: %s – earlier reported: %s", "Dementi: %s – zuvor berichtet: %s")
	msgHeadRetraction = l10n.New("Taken back: %[2]s – now: %[1]s", "Zurückgenommen: %[2]s – jetzt: %[1]s")
	msgHeadUpdate     = l10n.New("Newer figure: %s – earlier %s", "Neuere Zahl: %s – zuvor %s")
	msgHeadOther      = l10n.New("Sources disagree: %s – earlier %s", "Quellen widersprechen sich: %s – zuvor %s")
	msgSideWhen       = l10n.New("%s (%s)", "%s (%s)")
	msgSideNew        = l10n.New("New: %s", "Neu: %s")
	msgSideOld        = l10n.New("Earlier: %s", "Zuvor: %s")
	msgSeverityLine   = l10n.New("Severity: %s", "Schwere: %s")
	msgUnconfirmed    = l10n.New("unconfirmed", "unbestätigt")
)

// headline is an alert in one sentence, in the reader's language: the
// kind, what the new article says, whom it cites and when, then what was
// said before. "Neue Zahl widerspricht: 4,1 Mio. Tonnen Weizen laut
// Bauernverband (20.11.) – zuvor 5,3 Mio. Tonnen laut Ministerium (19.11.)".
// The kind is said here once; nothing else repeats it.
func headline(l lang, a claims.Alert) string {
	old := a.First()
	sameYear := sameYear(a.New.Published, old.Published)
	n, o := sideSummary(l, a.New, sameYear), sideSummary(l, old, sameYear)
	m := msgHeadOther
	switch a.Kind {
	case claims.KindConflict:
		m = msgHeadConflict
	case claims.KindDenial:
		m = msgHeadDenial
	case claims.KindRetraction:
		m = msgHeadRetraction
	case claims.KindUpdate:
		m = msgHeadUpdate
	}
	return l.T(m, n, o)
}

func sameYear(a, b string) bool { return len(a) >= 4 && len(b) >= 4 && a[:4] == b[:4] }

// sideSummary is "100.000 Soldaten laut Regnum (18.11.)": the figure when
// the claim has one, else the claim sentence, cut short; who says it (the
// cited source, else the outlet); and the date when known.
func sideSummary(l lang, s claims.Side, shortDate bool) string {
	what := statement(s)
	if src := sourceLine(l, s.Sources); src != "" {
		what += " " + src
	} else if p := oneLine(s.Publisher); p != "" {
		what += " (" + p + ")"
	}
	if t, err := time.Parse(time.DateOnly, s.Published); err == nil {
		d := l.Date(t)
		if shortDate {
			d = l.DayMonth(t)
		}
		what = l.T(msgSideWhen, what, d)
	}
	return what
}

// statement is what a side claims, for a sentence: its figure when the
// figure is a quantity ("bis zu 100.000 Soldaten"), else the claim
// sentence itself in quotes, cut to a phrase. A stance's label (its
// content words, "bestritten: Werk schließen") means nothing to a reader.
func statement(s claims.Side) string {
	fig := oneLine(s.Figure)
	if fig != "" && len(claims.ParseQuantities(fig)) > 0 {
		return fig
	}
	text := oneLine(firstNonEmpty(s.Claim, s.Passage, fig))
	return "„" + strings.TrimSuffix(truncatePlain(strings.TrimRight(text, ".!?"), 90), "…") + ellipsisIfCut(text, 90) + "“"
}

func ellipsisIfCut(s string, n int) string {
	if runes(strings.TrimRight(s, ".!?")) > n {
		return "…"
	}
	return ""
}

// alertColor is the embed colour of a severity.
func alertColor(s claims.Severity) int {
	switch s {
	case claims.SeverityHigh:
		return colorAlert
	case claims.SeverityMedium:
		return colorWarn
	}
	return colorLow
}

// alertMessage is the channel message for a contradiction, readable at a
// glance: the headline sentence, the severity, the new passage and every
// earlier one it contradicts (as many as fit) with whom they cite, their
// outlet, date and paragraph and a link to the article where known, and
// the moderators' verdict buttons.
func alertMessage(l lang, a claims.Alert, urls urlsOf) *discordgo.MessageSend {
	e := &discordgo.MessageEmbed{
		Title:       "⚠️ " + escapeMarkdown(truncatePlain(headline(l, a), maxTitle-4)),
		Description: l.T(msgSeverityLine, severityText(l, a.Severity)),
		Color:       alertColor(a.Severity),
		Fields: []*discordgo.MessageEmbedField{
			{Name: l.T(msgSideNew, sideHeading(l, a.New)), Value: sideText(l, a.New, urls)},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: l.T(msgAlertFooter)},
	}
	for i, s := range a.Existing {
		if i == maxAlertSides {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name: l.T(msgAlertMore, len(a.Existing)-maxAlertSides), Value: moreSides(l, a.Existing[maxAlertSides:])})
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: l.T(msgSideOld, sideHeading(l, s)), Value: sideText(l, s, urls)})
	}
	_, embeds, _ := message(Reply{Embeds: []*discordgo.MessageEmbed{e}})
	return &discordgo.MessageSend{
		Embeds:          embeds,
		Components:      verdictButtons(l, alertID(a), ""),
		AllowedMentions: noMentions(),
	}
}

// maxAlertSides earlier passages are quoted in an alert; the rest are
// named. Each quote is up to ~600 characters and an embed holds 6,000.
const maxAlertSides = 4

// moreSides names the earlier passages an alert does not quote.
func moreSides(l lang, ss []claims.Side) string {
	var lines []string
	for _, s := range ss {
		line := "• " + sideHeading(l, s) + " · " + escapeMarkdown(truncatePlain(oneLine(s.Title), 80))
		if s.Paragraph > 0 {
			line += ", " + l.T(msgParagraphN, s.Paragraph)
		}
		lines = append(lines, line)
	}
	return truncatePlain(strings.Join(lines, "\n"), 1000)
}

// sideHeading is "news.de, 18.11.2024", or what of it is known, else the
// article's title.
func sideHeading(l lang, s claims.Side) string {
	var parts []string
	if p := oneLine(s.Publisher); p != "" {
		parts = append(parts, escapeMarkdown(p))
	}
	if t, err := time.Parse(time.DateOnly, s.Published); err == nil {
		parts = append(parts, l.Date(t))
	}
	if len(parts) == 0 {
		parts = append(parts, escapeMarkdown(truncatePlain(oneLine(firstNonEmpty(s.Title, s.Article)), 80)))
	}
	return strings.Join(parts, ", ")
}

// sideText quotes one side: its passage (or, when long, its claim
// sentence) with the figure in bold, then whom it cites and where it is,
// linked when the article's URL is known.
func sideText(l lang, s claims.Side, urls urlsOf) string {
	text := oneLine(s.Passage)
	if runes(text) > 500 && s.Claim != "" {
		text = oneLine(s.Claim)
	}
	text = truncatePlain(text, 500)
	quoted := escapeMarkdown(text)
	if fig := oneLine(s.Figure); fig != "" {
		if i := strings.Index(text, fig); i >= 0 {
			quoted = escapeMarkdown(text[:i]) + "**" + escapeMarkdown(fig) + "**" + escapeMarkdown(text[i+len(fig):])
		}
	}
	where := escapeMarkdown(truncatePlain(oneLine(firstNonEmpty(s.Title, s.Article)), 100))
	if urls != nil {
		if u := urls(s.Article); u != "" {
			where = "[" + where + "](" + u + ")"
		}
	}
	if s.Paragraph > 0 {
		where += ", " + l.T(msgParagraphN, s.Paragraph)
	}
	where += " · `" + s.Article + "`"
	if src := sourceLine(l, s.Sources); src != "" {
		where = src + " · " + where
	}
	return "> " + quoted + "\n" + where
}

// AlertHeadline is an alert in one plain-text sentence in the language,
// as alert messages title it; the command line prints the same.
func AlertHeadline(l l10n.Lang, a claims.Alert) string { return headline(l, a) }

// KindName names an alert kind in the language.
func KindName(l l10n.Lang, k claims.Kind) string { return kindText(l, k) }

// SeverityName names a severity in the language.
func SeverityName(l l10n.Lang, s claims.Severity) string { return severityText(l, s) }
