package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
)

// lang is the language a reply is written in. Discord sends the user's
// client locale with every interaction; German clients ("de") get German,
// everyone else English.
type lang int

const (
	en lang = iota
	de
)

// langOf maps a Discord locale ("de", "en-US", …) to a reply language.
func langOf(locale string) lang {
	if locale == "de" || strings.HasPrefix(locale, "de-") {
		return de
	}
	return en
}

// locale is the Discord locale of the language, for rendering back.
func (l lang) locale() string {
	if l == de {
		return "de"
	}
	return "en-US"
}

// msg is a message in the catalog; its text is a fmt format.
type msg struct{ en, de string }

// t formats a catalog message in the language.
func (l lang) t(m msg, args ...any) string {
	f := m.en
	if l == de {
		f = m.de
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// The catalog. Keeping every user-facing sentence here makes it easy to
// review both languages side by side.
var (
	msgQueryEmpty    = msg{"Please give me a claim to look up, e.g. `/claim query: Wie viele Soldaten schickt Nordkorea?`", "Bitte gib eine Behauptung an, z. B. `/claim query: Wie viele Soldaten schickt Nordkorea?`"}
	msgQueryTooLong  = msg{"That query is %d characters long; the limit is %d. Please shorten it to the claim itself.", "Die Anfrage ist %d Zeichen lang; erlaubt sind %d. Bitte kürze sie auf die eigentliche Behauptung."}
	msgRateLimited   = msg{"You are checking claims quickly. Please try again %s.", "Du prüfst gerade sehr schnell. Bitte versuche es %s noch einmal."}
	msgNoResults     = msg{"No passage in the archive matches “%s”.", "Keine Passage im Archiv passt zu „%s“."}
	msgNoResultsTips = msg{"Tips: use fewer or more specific words (a name, a place, a number such as `100.000`), try the German spelling (e.g. `Pjöngjang`, `Nordkorea`), or look at `/timeline` for a subject.", "Tipps: weniger oder genauere Wörter verwenden (einen Namen, einen Ort, eine Zahl wie `100.000`), die deutsche Schreibweise probieren (z. B. `Pjöngjang`, `Nordkorea`) oder `/timeline` für ein Thema nutzen."}
	msgNoText        = msg{"That message has no text I could check.", "Diese Nachricht enthält keinen Text, den ich prüfen könnte."}
	msgNotModerator  = msg{"Only moderators (Manage Server, Administrator or the moderator role) can do that. Nothing was changed.", "Das dürfen nur Moderatoren (Server verwalten, Administrator oder die Moderatorenrolle). Es wurde nichts geändert."}
	msgNeedsServer   = msg{"This command only works in a server, not in direct messages.", "Dieser Befehl funktioniert nur auf einem Server, nicht in Direktnachrichten."}
	msgUnknownCmd    = msg{"I don't know that command (any more). The command list may be refreshing; please try again in a minute.", "Diesen Befehl kenne ich (nicht mehr). Die Befehlsliste wird vielleicht gerade aktualisiert; bitte versuche es in einer Minute noch einmal."}
	msgPageExpired   = msg{"These results have expired. Please run `/claim` again.", "Diese Ergebnisse sind abgelaufen. Bitte führe `/claim` erneut aus."}
	msgArticleNotFnd = msg{"I have no article “%s”. Pick one from the suggestions while typing.", "Einen Artikel „%s“ habe ich nicht. Wähle beim Tippen einen aus den Vorschlägen."}
	msgTimelineEmpty = msg{"I found no dated figures about “%s”. Try a shorter subject such as `Soldaten` or `Minenräumer`.", "Zu „%s“ habe ich keine datierten Zahlen gefunden. Versuche ein kürzeres Thema wie `Soldaten` oder `Minenräumer`."}
	msgTopicEmpty    = msg{"Please name a subject, e.g. `/timeline topic: Soldaten`.", "Bitte nenne ein Thema, z. B. `/timeline topic: Soldaten`."}

	msgFieldPublisher = msg{"Publisher", "Medium"}
	msgFieldDate      = msg{"Date", "Datum"}
	msgFieldParagraph = msg{"Paragraph", "Absatz"}
	msgFieldSource    = msg{"Primary source", "Primärquelle"}
	msgDateUnknown    = msg{"date unknown", "Datum unbekannt"}
	msgPubUnknown     = msg{"publisher unknown", "Medium unbekannt"}
	msgNoSource       = msg{"no primary source named", "keine Primärquelle genannt"}
	msgAccordingTo    = msg{"according to %s", "laut %s"}
	msgAnd            = msg{"and", "und"}
	msgResultsFooter  = msg{"Results %d–%d of %d for “%s”", "Treffer %d–%d von %d für „%s“"}
	msgPrev           = msg{"Previous", "Zurück"}
	msgNext           = msg{"Next", "Weiter"}
	msgDisagree       = msg{"Sources disagree", "Quellen widersprechen sich"}
	msgDisagreeMore   = msg{"…and %d more disagreements.", "…und %d weitere Widersprüche."}
	msgParagraphN     = msg{"¶ %d", "Abs. %d"}

	msgAlertTitle        = msg{"Possible contradiction: %s (%s)", "Möglicher Widerspruch: %s (%s)"}
	msgAlertNew          = msg{"Newer: %s", "Neuer: %s"}
	msgAlertOld          = msg{"Earlier: %s", "Früher: %s"}
	msgAlertMore         = msg{"…and %d more earlier passages", "…und %d weitere frühere Passagen"}
	msgAlertFooter       = msg{"Moderators: is this a real contradiction?", "Moderation: Ist das ein echter Widerspruch?"}
	msgVerdictConfirmed  = msg{"Confirmed", "Bestätigt"}
	msgVerdictNot        = msg{"Not a contradiction", "Kein Widerspruch"}
	msgVerdictRecorded   = msg{"Verdict: **%s** by <@%s> %s", "Urteil: **%s** von <@%s> %s"}
	msgVerdictField      = msg{"Verdict", "Urteil"}
	msgAlertsSet         = msg{"Contradiction alerts for this server now go to <#%s>.", "Widerspruchs-Warnungen für diesen Server gehen jetzt nach <#%s>."}
	msgAlertsOff         = msg{"Contradiction alerts are now off for this server. Turn them on again with `/alerts channel`.", "Widerspruchs-Warnungen sind für diesen Server jetzt aus. Mit `/alerts channel` schaltest du sie wieder ein."}
	msgAlertsBadChannel  = msg{"Please choose a text channel.", "Bitte wähle einen Textkanal."}
	msgReindexDone       = msg{"Re-indexed **%d** articles (**%d** passages) in %s.", "Neu indexiert: **%d** Artikel (**%d** Passagen) in %s."}
	msgReindexAdded      = msg{"Added", "Neu"}
	msgReindexChanged    = msg{"Changed", "Geändert"}
	msgReindexRemoved    = msg{"Removed", "Entfernt"}
	msgReindexProblems   = msg{"Skipped files", "Übersprungene Dateien"}
	msgReindexAlerts     = msg{"New contradiction alerts", "Neue Widerspruchs-Warnungen"}
	msgReindexPosted     = msg{"Contradiction alerts posted to <#%[2]s>: %[1]d", "Widerspruchs-Warnungen gepostet in <#%[2]s>: %[1]d"}
	msgReindexUpdates    = msg{"Updated figures", "Aktualisierte Zahlen"}
	msgReindexNoChange   = msg{"No article changed.", "Kein Artikel hat sich geändert."}
	msgReindexAlertsNone = msg{"none", "keine"}

	msgStatsTitle     = msg{"Archive", "Archiv"}
	msgStatsArticles  = msg{"Articles", "Artikel"}
	msgStatsPassages  = msg{"Passages", "Passagen"}
	msgStatsIndexAge  = msg{"Index built", "Index erstellt"}
	msgStatsReindex   = msg{"Last re-index", "Letzte Neuindizierung"}
	msgNever          = msg{"never", "nie"}
	msgTimelineTitle  = msg{"Timeline: %s", "Zeitleiste: %s"}
	msgTimelineMore   = msg{"…and %d later entries.", "…und %d spätere Einträge."}
	msgSourceAuthor   = msg{"Author", "Autor"}
	msgSourceParas    = msg{"Paragraphs", "Absätze"}
	msgSourceAgencies = msg{"Agencies", "Agenturen"}
	msgSourceCited    = msg{"Cited sources", "Zitierte Quellen"}
	msgSourceID       = msg{"ID", "ID"}
)

// kindText names an alert kind (claims.Alert.Kind) for people.
func (l lang) kindText(kind claims.Kind) string {
	names := map[claims.Kind]msg{
		"conflict":   {"conflicting figures", "widersprüchliche Zahlen"},
		"denial":     {"denial", "Dementi"},
		"retraction": {"retraction", "Rückzug"},
		"update":     {"update", "Aktualisierung"},
		"compatible": {"compatible", "vereinbar"},
	}
	if m, ok := names[kind]; ok {
		return l.t(m)
	}
	return string(kind)
}

// severityText names an alert severity for people.
func (l lang) severityText(sev claims.Severity) string {
	names := map[claims.Severity]msg{
		"high":   {"high", "hoch"},
		"medium": {"medium", "mittel"},
		"low":    {"low", "niedrig"},
	}
	if m, ok := names[sev]; ok {
		return l.t(m)
	}
	return string(sev)
}

// verdictText names a stored verdict value for people.
func (l lang) verdictText(v string) string {
	switch v {
	case "confirmed":
		return l.t(msgVerdictConfirmed)
	case "not_contradiction":
		return l.t(msgVerdictNot)
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
		return l.t(msg{"That input doesn't work: %s", "Diese Eingabe geht nicht: %s"}, claimbot.ErrorMessage(err))
	case claimbot.ENOTFOUND:
		return l.t(msg{"I couldn't find that.", "Das habe ich nicht gefunden."})
	case claimbot.ECONFLICT:
		if command == cmdReindex {
			return l.t(msg{"A re-index is already running. Its result will be posted when it finishes; please don't start another.", "Eine Neuindizierung läuft bereits. Ihr Ergebnis kommt, sobald sie fertig ist; bitte starte keine zweite."})
		}
		return l.t(msg{"That is already in progress or already exists.", "Das läuft bereits oder existiert schon."})
	case claimbot.EFORBIDDEN:
		return l.t(msgNotModerator)
	case claimbot.ERATELIMIT:
		return l.t(msg{"Too many requests right now. Please try again in a moment.", "Gerade kommen zu viele Anfragen. Bitte versuche es gleich noch einmal."})
	case claimbot.EUNAVAILABLE:
		return l.t(msg{"The archive is busy or unavailable right now (maybe a re-index). Please try again in a minute.", "Das Archiv ist gerade beschäftigt oder nicht erreichbar (vielleicht eine Neuindizierung). Bitte versuche es in einer Minute noch einmal."})
	case claimbot.ETIMEOUT:
		return l.t(msg{"That took too long. Please try a shorter or more specific query.", "Das hat zu lange gedauert. Bitte versuche eine kürzere oder genauere Anfrage."})
	default:
		if errors.Is(err, errDraining) {
			return l.t(msg{"The bot is restarting. Please try again in a minute.", "Der Bot startet gerade neu. Bitte versuche es in einer Minute noch einmal."})
		}
		return l.t(msg{"Something went wrong on my side. It has been logged; please try again later.", "Bei mir ist etwas schiefgegangen. Es wurde protokolliert; bitte versuche es später noch einmal."})
	}
}

// errDraining is returned for interactions that arrive during shutdown.
var errDraining = errors.New("bot: shutting down")
