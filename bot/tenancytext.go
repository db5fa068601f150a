package bot

// The catalog of the checks that keep guilds apart and options away from
// files, beside text.go's and ingesttext.go's.
var (
	msgBadArticleID  = msg{"❌ “%s” is not an article ID. IDs are up to %d lower-case letters, digits, `-` and `_`; pick one from the suggestions while typing.", "❌ „%s“ ist keine Artikel-ID. IDs bestehen aus bis zu %d Kleinbuchstaben, Ziffern, `-` und `_`; wähle beim Tippen einen Vorschlag."}
	msgSourceChoose  = msg{"Several articles match “%s”. Which one?", "Mehrere Artikel passen zu „%s“. Welcher?"}
	msgSourceMore    = msg{"…and %d more; type more of the title.", "…und %d weitere; tippe mehr vom Titel."}
	msgStatsSkipped  = msg{"Skipped files", "Übersprungene Dateien"}
	msgStatsSkippedN = msg{"%d (the log and `/reindex` name them)", "%d (Log und `/reindex` nennen sie)"}
	msgSourceHowPick = msg{"Run `/source` again with the ID, or pick the article from the suggestions while typing.", "Führe `/source` mit der ID erneut aus oder wähle den Artikel beim Tippen aus den Vorschlägen."}
)
