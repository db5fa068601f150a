package library

// The catalogue of what the library's errors say to people
// (claimbot.Error's Text), so replies quote them in the reader's language;
// Message stays the English sentence for logs and Report.Problems.
import "github.com/claimbot/claimbot/l10n"

var (
	msgNotArticleFile = l10n.New("%s: not an article file (want %s)", "%s: keine Artikeldatei (erwartet: %s)")
	msgDuplicateOf    = l10n.New("%s: %s is in the archive already as article %s", "%s: %s ist schon als Artikel %s im Archiv")
	msgSameText       = l10n.New("the same text", "derselbe Text")
	msgItsURL         = l10n.New("its URL %s", "seine URL %s")
	msgIDsTaken       = l10n.New("%s: article ID %s and its numbered variants are all taken; rename the file", "%s: die Artikel-ID %s und ihre nummerierten Varianten sind alle vergeben; benenne die Datei um")
	msgIDUnusable     = l10n.New("%s: article ID %s cannot be used; rename the file", "%s: die Artikel-ID %s lässt sich nicht verwenden; benenne die Datei um")
	msgNoFiles        = l10n.New("no files given", "keine Dateien angegeben")
	msgNothingAdded   = l10n.Plural("nothing added: %[2]s (and %[1]d more problem)", "nothing added: %[2]s (and %[1]d more problems)",
		"nichts hinzugefügt: %[2]s (und %[1]d weiteres Problem)", "nichts hinzugefügt: %[2]s (und %[1]d weitere Probleme)")
	msgNotIndexed      = l10n.New("no article with ID %q is indexed", "ein Artikel mit der ID %q ist nicht im Index")
	msgAlreadyExcluded = l10n.New("%s is already excluded from lookups", "%s ist schon von Suchen ausgeschlossen")
	msgNotExcluded     = l10n.New("%s is not excluded from lookups", "%s ist nicht von Suchen ausgeschlossen")
	msgNoArticle       = l10n.New("no article with ID %q", "kein Artikel mit der ID %q")
	msgBaseNotYours    = l10n.New("%s belongs to the shared base collection, which only operators change; exclude it to keep it out of this server's answers", "%s gehört zur gemeinsamen Basissammlung, die nur die Betreiber ändern; schließe ihn aus, um ihn aus den Antworten dieses Servers herauszuhalten")
	msgInCorpus        = l10n.New("%s belongs to the %s; remove its file there and re-index", "%s gehört zur Quelle %s; entferne die Datei dort und indiziere neu")
	msgNoRemoved       = l10n.New("no removed article with ID %q", "kein entfernter Artikel mit der ID %q")
	msgEmptyTopic      = l10n.New("the topic is empty", "das Thema ist leer")
	msgTopicTooLong    = l10n.New("the topic has %d characters; at most %d are allowed", "das Thema hat %d Zeichen; erlaubt sind höchstens %d")
	msgReindexRunning  = l10n.New("a re-index is already running", "eine Neuindizierung läuft bereits")
	msgEmbeddedCorpus  = l10n.New("embedded corpus", "„eingebauter Korpus“")
	msgCorpusFolder    = l10n.New("base corpus folder", "„Ordner des Grundbestands“")
	msgIDTakenBy       = l10n.New("%s: article ID %s is taken by %s; skipped (rename the file)", "%s: die Artikel-ID %s ist schon vergeben (an %s); übersprungen (benenne die Datei um)")
	msgNotACollection  = l10n.New("article %s: %q is not a collection; skipped", "Artikel %s: %q ist keine Sammlung; übersprungen")
)
