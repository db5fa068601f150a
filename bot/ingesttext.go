package bot

// The catalog of /article and /feeds, beside text.go's so that the two
// stay reviewable side by side.
var (
	msgIngestOff       = msg{"Adding articles is not set up on this bot (it runs without a data directory or fetcher). Nothing was changed.", "Artikel hinzufügen ist bei diesem Bot nicht eingerichtet (er läuft ohne Datenverzeichnis oder Abrufer). Es wurde nichts geändert."}
	msgFeedsOff        = msg{"Feeds are not set up on this bot (they need the state database). Nothing was changed.", "Feeds sind bei diesem Bot nicht eingerichtet (sie brauchen die Zustandsdatenbank). Es wurde nichts geändert."}
	msgArticleAddWhat  = msg{"Attach a file (`.txt`, `.md` or `.html`) or give a `url`.", "Hänge eine Datei an (`.txt`, `.md` oder `.html`) oder gib eine `url` an."}
	msgArticleAddOne   = msg{"Give either a file or a `url`, not both.", "Gib entweder eine Datei oder eine `url` an, nicht beides."}
	msgArticleNeedsID  = msg{"Please give the article's ID (it is shown when the article is added, and in `/source`).", "Bitte gib die ID des Artikels an (sie steht in der Antwort beim Hinzufügen und in `/source`)."}
	msgNotAdded        = msg{"❌ Not added: %s", "❌ Nicht hinzugefügt: %s"}
	msgNothingChanged  = msg{"Nothing in the archive was changed.", "Am Archiv wurde nichts geändert."}
	msgWhyInvalid      = msg{"it is not something I can add.", "das kann ich nicht hinzufügen."}
	msgWhyDuplicate    = msg{"it is in the archive already.", "das ist schon im Archiv."}
	msgWhyGone         = msg{"the page does not exist.", "die Seite gibt es nicht."}
	msgWhyUnreachable  = msg{"the site could not be reached right now; please try again later.", "die Seite war gerade nicht erreichbar; bitte versuche es später noch einmal."}
	msgArticleAdded    = msg{"✅ Added: %s", "✅ Hinzugefügt: %s"}
	msgFieldAuthor     = msg{"Author", "Autor"}
	msgFieldCanonical  = msg{"Canonical URL", "Kanonische URL"}
	msgFieldParagraphs = msg{"Paragraphs", "Absätze"}
	msgFieldFrom       = msg{"Fetched from", "Abgerufen von"}
	msgFieldAlerts     = msg{"Contradiction alerts", "Widerspruchs-Warnungen"}
	msgUnknown         = msg{"unknown", "unbekannt"}
	msgNone            = msg{"none", "keine"}
	msgAlertsPostedIn  = msg{"%d (posted to <#%s>: %d)", "%d (gepostet in <#%s>: %d)"}
	msgAddedFooter     = msg{"Wrong? /article remove id:%[1]s removes it; /article exclude id:%[1]s keeps it out of answers.", "Falsch? /article remove id:%[1]s entfernt ihn; /article exclude id:%[1]s hält ihn aus Antworten heraus."}
	msgArticleRemoved  = msg{"🗑️ Removed **%s** (`%s`). Its file is in the trash; `/article restore id:%[2]s` brings it back.", "🗑️ Entfernt: **%s** (`%s`). Die Datei liegt im Papierkorb; `/article restore id:%[2]s` holt sie zurück."}
	msgArticleRestored = msg{"♻️ Restored **%s** (`%s`).", "♻️ Wiederhergestellt: **%s** (`%s`)."}
	msgArticleExcluded = msg{"🙈 **%s** (`%s`) stays in the archive but is no longer returned by `/claim`, `/timeline` or alerts. `/article include id:%[2]s` undoes it.", "🙈 **%s** (`%s`) bleibt im Archiv, erscheint aber nicht mehr in `/claim`, `/timeline` oder Warnungen. `/article include id:%[2]s` macht das rückgängig."}
	msgArticleIncluded = msg{"👁️ **%s** (`%s`) is returned in lookups again.", "👁️ **%s** (`%s`) erscheint wieder in Suchergebnissen."}
	msgArticleFailed   = msg{"❌ %s", "❌ %s"}
	msgRemoveBaseHint  = msg{"To keep it out of answers instead, use `/article exclude id:%s`.", "Um ihn stattdessen aus Antworten herauszuhalten, nutze `/article exclude id:%s`."}
	msgRestoreAlerts   = msg{"Contradiction alerts: %s", "Widerspruchs-Warnungen: %s"}

	msgFeedNeedsURL   = msg{"Please give the feed's URL, e.g. `/feeds add url:https://example.org/rss.xml`.", "Bitte gib die URL des Feeds an, z. B. `/feeds add url:https://example.org/rss.xml`."}
	msgFeedAdded      = msg{"📰 Subscribed to **%s** (%s items now): <%s>\nIt is polled every %s; new articles are added to the archive and their contradictions posted to the alert channel.", "📰 Abonniert: **%s** (%s Einträge derzeit): <%s>\nDer Feed wird alle %s abgerufen; neue Artikel kommen ins Archiv, ihre Widersprüche in den Warnungskanal."}
	msgFeedNotAdded   = msg{"❌ Feed not added: %s", "❌ Feed nicht hinzugefügt: %s"}
	msgFeedDuplicate  = msg{"That feed is subscribed already: <%s>.", "Dieser Feed ist schon abonniert: <%s>."}
	msgFeedRemoved    = msg{"Unsubscribed from <%s>. Articles already added stay in the archive.", "Abo beendet: <%s>. Schon hinzugefügte Artikel bleiben im Archiv."}
	msgFeedUnknown    = msg{"There is no feed <%s>. `/feeds list` shows the subscribed ones.", "Einen Feed <%s> gibt es nicht. `/feeds list` zeigt die abonnierten."}
	msgFeedsNone      = msg{"No feeds yet. Add one with `/feeds add url:…`.", "Noch keine Feeds. Füge einen mit `/feeds add url:…` hinzu."}
	msgFeedsTitle     = msg{"Feeds (%d)", "Feeds (%d)"}
	msgFeedLine       = msg{"added by %s %s · last poll %s", "hinzugefügt von %s %s · letzter Abruf %s"}
	msgFeedNotPolled  = msg{"not yet", "noch nicht"}
	msgFeedLastError  = msg{"⚠️ %s", "⚠️ %s"}
	msgFeedsFooter    = msg{"Polled every %s.", "Abruf alle %s."}
	msgFeedsUntitled  = msg{"(untitled feed)", "(Feed ohne Titel)"}
	msgFeedsAddedByCL = msg{"the command line", "der Kommandozeile"}
)
