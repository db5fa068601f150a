package bot

// The catalog of the checks that keep guilds apart and options away from
// files, beside text.go's and ingesttext.go's.
var (
	msgBadArticleID    = msg{"❌ “%s” is not an article ID. IDs are up to %d lower-case letters, digits, `-` and `_`; pick one from the suggestions while typing.", "❌ „%s“ ist keine Artikel-ID. IDs bestehen aus bis zu %d Kleinbuchstaben, Ziffern, `-` und `_`; wähle beim Tippen einen Vorschlag."}
	msgSourceChoose    = msg{"Several articles match “%s”. Which one?", "Mehrere Artikel passen zu „%s“. Welcher?"}
	msgSourceMore      = msg{"…and %d more; type more of the title.", "…und %d weitere; tippe mehr vom Titel."}
	msgNoSuchArticle   = msg{"❌ This server has no article `%s`. Pick one from the suggestions while typing.", "❌ Auf diesem Server gibt es keinen Artikel `%s`. Wähle beim Tippen einen Vorschlag."}
	msgNoSuchRemoved   = msg{"❌ This server has no removed article `%s` to restore.", "❌ Auf diesem Server gibt es keinen entfernten Artikel `%s`, den ich wiederherstellen könnte."}
	msgNotExcluded     = msg{"❌ `%s` is not excluded on this server.", "❌ `%s` ist auf diesem Server nicht ausgeschlossen."}
	msgAlreadyExcluded = msg{"`%s` is already excluded.", "`%s` ist schon ausgeschlossen."}
	msgBaseNotYours    = msg{"❌ `%s` belongs to the shared archive every server reads; only the bot's operators can remove it.", "❌ `%s` gehört zum gemeinsamen Archiv, das alle Server lesen; entfernen können ihn nur die Betreiber des Bots."}
	msgOnlyHere        = msg{"This changes only what this server sees.", "Das ändert nur, was dieser Server sieht."}
	msgRestoredAs      = msg{"Its ID `%s` was taken meanwhile, so it is back as `%s`.", "Seine ID `%s` war inzwischen vergeben; er ist jetzt `%s`."}
	msgFieldRenamed    = msg{"New ID", "Neue ID"}
	msgRenamed         = msg{"The ID `%s` was taken by another article, so this one is `%s`.", "Die ID `%s` hatte schon ein anderer Artikel; dieser heißt `%s`."}
	msgFieldWhoSees    = msg{"Who sees it", "Wer ihn sieht"}
	msgOnlyThisServer  = msg{"This server only: it is in this server's collection, beside the shared archive.", "Nur dieser Server: Er liegt in der Sammlung dieses Servers, neben dem gemeinsamen Archiv."}
	msgOperatorsOnly   = msg{"Only the bot's operators can do that: it changes the archive every server shares. Articles this server adds are indexed at once.", "Das dürfen nur die Betreiber des Bots: Es ändert das Archiv, das alle Server teilen. Artikel, die dieser Server hinzufügt, werden sofort indexiert."}
	msgFeedThisServer  = msg{"Its articles go to this server's collection only.", "Seine Artikel kommen nur in die Sammlung dieses Servers."}
	msgFeedItemRetry   = msg{"↻ %s: failed %d× (%s); next try %s", "↻ %s: %d× fehlgeschlagen (%s); nächster Versuch %s"}
	msgFeedItemGaveUp  = msg{"✖ %s: given up after %d tries (%s); it comes in if the feed republishes it", "✖ %s: nach %d Versuchen aufgegeben (%s); er kommt, wenn der Feed ihn neu veröffentlicht"}
	msgFeedItemsMore   = msg{"…and %d more failing items.", "…und %d weitere fehlerhafte Einträge."}
	msgStatsOwn        = msg{"This server's own", "Eigene dieses Servers"}
	msgStatsSkipped    = msg{"Skipped files", "Übersprungene Dateien"}
	msgStatsSkippedN   = msg{"%d (the log and `/reindex` name them)", "%d (Log und `/reindex` nennen sie)"}
	msgSourceHowPick   = msg{"Run `/source` again with the ID, or pick the article from the suggestions while typing.", "Führe `/source` mit der ID erneut aus oder wähle den Artikel beim Tippen aus den Vorschlägen."}
)
