package bot

import (
	"errors"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/l10n"
)

// lang is the language a reply is written in (l10n.Lang). Discord sends
// the user's client locale with every interaction; German clients ("de")
// get German, everyone else English.
type lang = l10n.Lang

const (
	en = l10n.EN
	de = l10n.DE
)

// langOf maps a Discord locale ("de", "en-US", …) to a reply language.
func langOf(locale string) lang { return l10n.FromDiscord(locale) }

// The catalog. Keeping every user-facing sentence here makes it easy to
// review both languages side by side.
var (
	msgQueryEmpty    = l10n.New("Please give me a claim to look up, e.g. `/claim query: Wie viele Soldaten schickt Nordkorea?`", "Bitte gib eine Behauptung an, z. B. `/claim anfrage: Wie viele Soldaten schickt Nordkorea?`")
	msgQueryTooLong  = l10n.New("That query is %d characters long; the limit is %d. Please shorten it to the claim itself.", "Die Anfrage ist %d Zeichen lang; erlaubt sind %d. Bitte kürze sie auf die eigentliche Behauptung.")
	msgRateLimited   = l10n.New("You are checking claims quickly. Please try again %s.", "Du prüfst gerade sehr schnell. Bitte versuche es %s noch einmal.")
	msgNoResults     = l10n.New("No passage in the archive matches “%s”.", "Keine Passage im Archiv passt zu „%s“.")
	msgNoResultsTips = l10n.New("Tips: use fewer or more specific words (a name, a place, a number such as `100.000`), try the German spelling (e.g. `Pjöngjang`, `Nordkorea`), or look at `/timeline` for a subject.", "Tipps: weniger oder genauere Wörter verwenden (einen Namen, einen Ort, eine Zahl wie `100.000`), die deutsche Schreibweise probieren (z. B. `Pjöngjang`, `Nordkorea`) oder `/timeline` für ein Thema nutzen.")
	msgNoText        = l10n.New("That message has no text I could check.", "Diese Nachricht enthält keinen Text, den ich prüfen könnte.")
	msgNotModerator  = l10n.New("Only moderators (Manage Server, Administrator or the moderator role) can do that. Nothing was changed.", "Das dürfen nur Moderatoren (Server verwalten, Administrator oder die Moderatorenrolle). Es wurde nichts geändert.")
	msgNeedsServer   = l10n.New("This command only works in a server, not in direct messages.", "Dieser Befehl funktioniert nur auf einem Server, nicht in Direktnachrichten.")
	msgUnknownCmd    = l10n.New("I don't know that command (any more). The command list may be refreshing; please try again in a minute.", "Diesen Befehl kenne ich (nicht mehr). Die Befehlsliste wird vielleicht gerade aktualisiert; bitte versuche es in einer Minute noch einmal.")
	msgPageExpired   = l10n.New("These results have expired. Please run `/claim` again.", "Diese Ergebnisse sind abgelaufen. Bitte führe `/claim` erneut aus.")
	msgArticleNotFnd = l10n.New("I have no article “%s”. Pick one from the suggestions while typing.", "Einen Artikel „%s“ habe ich nicht. Wähle beim Tippen einen aus den Vorschlägen.")
	msgTimelineEmpty = l10n.New("I found no dated figures about “%s”. Try a shorter subject such as `Soldaten` or `Minenräumer`.", "Zu „%s“ habe ich keine datierten Zahlen gefunden. Versuche ein kürzeres Thema wie `Soldaten` oder `Minenräumer`.")
	msgTopicEmpty    = l10n.New("Please name a subject, e.g. `/timeline topic: Soldaten`.", "Bitte nenne ein Thema, z. B. `/timeline thema: Soldaten`.")

	msgFieldPublisher = l10n.New("Publisher", "Medium")
	msgFieldDate      = l10n.New("Date", "Datum")
	msgAccordingTo    = l10n.New("according to %s", "laut %s")

	msgPrev       = l10n.New("Previous", "Zurück")
	msgNext       = l10n.New("Next", "Weiter")
	msgParagraphN = l10n.New("¶ %d", "Abs. %d")

	msgAlertMore           = l10n.New("…and %d more earlier passages", "…und %d weitere frühere Passagen")
	msgAlertFooter         = l10n.New("Moderators: is this a real contradiction?", "Moderation: Ist das ein echter Widerspruch?")
	msgVerdictConfirmed    = l10n.New("Confirmed", "Bestätigt")
	msgVerdictNot          = l10n.New("Not a contradiction", "Kein Widerspruch")
	msgVerdictRecorded     = l10n.New("Verdict: **%s** by <@%s> %s", "Urteil: **%s** von <@%s> %s")
	msgVerdictField        = l10n.New("Verdict", "Urteil")
	msgAlertsSet           = l10n.New("Contradiction alerts for this server now go to <#%s>.", "Widerspruchswarnungen für diesen Server gehen jetzt nach <#%s>.")
	msgAlertsOff           = l10n.New("Contradiction alerts are now off for this server. Turn them on again with `/alerts channel`.", "Widerspruchswarnungen sind für diesen Server jetzt aus. Mit `/alerts kanal` schaltest du sie wieder ein.")
	msgAlertsBadChannel    = l10n.New("Please choose a text channel.", "Bitte wähle einen Textkanal.")
	msgReindexDone         = l10n.New("Re-indexed **%d** articles (**%d** passages) in %s.", "Neu indiziert: **%d** Artikel (**%d** Passagen) in %s.")
	msgReindexAdded        = l10n.New("Added", "Neu")
	msgReindexChanged      = l10n.New("Changed", "Geändert")
	msgReindexRemoved      = l10n.New("Removed", "Entfernt")
	msgReindexProblems     = l10n.New("Skipped files", "Übersprungene Dateien")
	msgReindexProblemPlain = l10n.New("a file was skipped; the log says why", "eine Datei wurde übersprungen; warum, steht im Log")
	msgReindexAlerts       = l10n.New("New contradiction alerts", "Neue Widerspruchswarnungen")
	msgReindexPosted       = l10n.New("Contradiction alerts posted to <#%[2]s>: %[1]d", "Widerspruchswarnungen gepostet in <#%[2]s>: %[1]d")
	msgReindexUpdates      = l10n.New("Updated figures", "Aktualisierte Zahlen")
	msgReindexNoChange     = l10n.New("No article changed.", "Kein Artikel hat sich geändert.")
	msgReindexAlertsNone   = l10n.New("none", "keine")

	msgStatsTitle     = l10n.New("Archive", "Archiv")
	msgStatsArticles  = l10n.New("Articles", "Artikel")
	msgStatsPassages  = l10n.New("Passages", "Passagen")
	msgStatsIndexAge  = l10n.New("Index built", "Index erstellt")
	msgStatsReindex   = l10n.New("Last re-index", "Letzte Neuindizierung")
	msgNever          = l10n.New("never", "nie")
	msgTimelineTitle  = l10n.New("Timeline: %s", "Zeitleiste: %s")
	msgSourceAuthor   = l10n.New("Author", "Autor")
	msgSourceParas    = l10n.New("Paragraphs", "Absätze")
	msgSourceAgencies = l10n.New("Agencies", "Agenturen")
	msgSourceCited    = l10n.New("Cited sources", "Zitierte Quellen")
	msgSourceID       = l10n.New("ID", "ID")

	msgConsoleNoPage     = l10n.New("Nothing to page.", "Hier gibt es nichts zu blättern.")
	msgConsoleUnknown    = l10n.New("Unknown command %s — try /help.", "Unbekannter Befehl %s – siehe /help.")
	msgConsoleWorking    = l10n.New("(working on it …)", "(einen Moment …)")
	msgConsoleAlert      = l10n.New("── alert (posted to the alert channel on Discord) ──", "── Warnung (auf Discord im Warnungskanal) ──")
	msgInDuration        = l10n.New("in %s", "in %s")
	msgAgo               = l10n.New("%s ago", "vor %s")
	msgErrInvalid        = l10n.New("That input doesn't work: %s", "Diese Eingabe geht nicht: %s")
	msgErrInvalidPlain   = l10n.New("That input doesn't work.", "Diese Eingabe geht nicht.")
	msgErrNotFound       = l10n.New("I couldn't find that.", "Das habe ich nicht gefunden.")
	msgErrReindexRunning = l10n.New("A re-index is already running. Its result will be posted when it finishes; please don't start another.", "Eine Neuindizierung läuft bereits. Ihr Ergebnis kommt, sobald sie fertig ist; bitte starte keine zweite.")
	msgErrConflict       = l10n.New("That is already in progress or already exists.", "Das läuft bereits oder existiert schon.")
	msgErrRateLimit      = l10n.New("Too many requests right now. Please try again in a moment.", "Gerade kommen zu viele Anfragen. Bitte versuche es gleich noch einmal.")
	msgErrUnavailable    = l10n.New("The archive is busy or unavailable right now (maybe a re-index). Please try again in a minute.", "Das Archiv ist gerade beschäftigt oder nicht erreichbar (vielleicht eine Neuindizierung). Bitte versuche es in einer Minute noch einmal.")
	msgErrTimeout        = l10n.New("That took too long. Please try a shorter or more specific query.", "Das hat zu lange gedauert. Bitte versuche eine kürzere oder genauere Anfrage.")
	msgErrDraining       = l10n.New("The bot is restarting. Please try again in a minute.", "Der Bot startet gerade neu. Bitte versuche es in einer Minute noch einmal.")
	msgErrInternal       = l10n.New("Something went wrong on my side. It has been logged; please try again later.", "Bei mir ist etwas schiefgegangen. Es wurde protokolliert; bitte versuche es später noch einmal.")
	msgStatsLastChange   = l10n.New("Last change", "Letzte Änderung")
)

// kindNames name alert kinds (claims.Alert.Kind) for people.
var kindNames = map[claims.Kind]l10n.Msg{
	claims.KindConflict:   l10n.New("conflicting figures", "widersprüchliche Zahlen"),
	claims.KindDenial:     l10n.New("denial", "Dementi"),
	claims.KindRetraction: l10n.New("retraction", "Rücknahme"),
	claims.KindUpdate:     l10n.New("update", "Aktualisierung"),
	claims.KindCompatible: l10n.New("compatible", "vereinbar"),
}

// kindText names an alert kind for people.
func kindText(l lang, kind claims.Kind) string {
	if m, ok := kindNames[kind]; ok {
		return l.T(m)
	}
	return string(kind)
}

var severityNames = map[claims.Severity]l10n.Msg{
	claims.SeverityHigh:   l10n.New("high", "hoch"),
	claims.SeverityMedium: l10n.New("medium", "mittel"),
	claims.SeverityLow:    l10n.New("low", "niedrig"),
}

// severityText names an alert severity for people.
func severityText(l lang, sev claims.Severity) string {
	if m, ok := severityNames[sev]; ok {
		return l.T(m)
	}
	return string(sev)
}

// verdictText names a stored verdict value for people.
func verdictText(l lang, v string) string {
	switch v {
	case "confirmed":
		return l.T(msgVerdictConfirmed)
	case "not_contradiction":
		return l.T(msgVerdictNot)
	}
	return v
}

// errorText is the one place where errors become text for users. Library
// and state errors carry a claimbot code; the code, not the (English,
// developer-facing) message, decides what the user reads. Only EINVALID keeps
// the error's own message, because it says what to fix.
func errorText(l lang, command string, err error) string {
	if err == nil {
		return ""
	}
	switch claimbot.ErrorCode(err) {
	case claimbot.EINVALID:
		if why := errorDetail(l, err); why != "" {
			return l.T(msgErrInvalid, why)
		}
		return l.T(msgErrInvalidPlain)
	case claimbot.ENOTFOUND:
		return l.T(msgErrNotFound)
	case claimbot.ECONFLICT:
		if command == cmdReindex {
			return l.T(msgErrReindexRunning)
		}
		return l.T(msgErrConflict)
	case claimbot.EFORBIDDEN:
		return l.T(msgNotModerator)
	case claimbot.ERATELIMIT:
		return l.T(msgErrRateLimit)
	case claimbot.EUNAVAILABLE:
		return l.T(msgErrUnavailable)
	case claimbot.ETIMEOUT:
		return l.T(msgErrTimeout)
	default:
		if errors.Is(err, errDraining) {
			return l.T(msgErrDraining)
		}
		return l.T(msgErrInternal)
	}
}

// errorDetail is what err itself says, for people, in l: its catalogue
// text (claimbot.ErrorText), or "" when it has none in l, and the caller
// says only what its code means. Every reply that quotes an error's own
// words takes them from here, so an English sentence from a package below
// cannot end up in a German reply.
func errorDetail(l lang, err error) string { return claimbot.ErrorText(err, l) }

// keptErrorText is an error the state store kept (a feed's or a feed
// item's last one, state.FeedCursor.Err) for people in l: its own words
// when it has them in l, rendered now rather than in the language of
// whoever was polling; else what its code means. A record from before
// codes were kept has no code and only its English words, which are
// shown as they are: there are no others.
func keptErrorText(l lang, err error) string {
	if why := errorDetail(l, err); why != "" {
		return why
	}
	if claimbot.ErrorCode(err) == "" {
		return claimbot.ErrorMessage(err)
	}
	return errorText(l, "", err)
}

// quoted is an error's own words as a quoted line under a reply, or ""
// when it has none in l.
func quoted(l lang, err error) string {
	if why := errorDetail(l, err); why != "" {
		return "\n> " + escapeMarkdown(oneLine(why))
	}
	return ""
}

// errDraining is returned for interactions that arrive during shutdown.
var errDraining = errors.New("bot: shutting down")
