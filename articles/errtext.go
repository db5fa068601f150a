package articles

// The catalogue of what Parse's and CheckID's errors say to people
// (claimbot.Error's Text), so the replies quoting them speak the reader's
// language; Message stays the English sentence for logs.
import "github.com/claimbot/claimbot/l10n"

var (
	msgBadID             = l10n.New("%q is not an article ID: IDs are 1 to %d lower-case letters, digits, - and _", "%q ist keine Artikel-ID: IDs sind 1 bis %d Kleinbuchstaben, Ziffern, - und _")
	msgTitleTooLong      = l10n.New("%s: the title has %d characters; at most %d are allowed", "%s: der Titel hat %d Zeichen; erlaubt sind höchstens %d")
	msgParagraphTooLong  = l10n.New("%s: paragraph %d has %d characters; at most %d are allowed", "%s: Absatz %d hat %d Zeichen; erlaubt sind höchstens %d")
	msgTextTooLong       = l10n.New("%s: %d characters of text; at most %d are allowed in one article", "%s: %d Zeichen Text; erlaubt sind höchstens %d in einem Artikel")
	msgNoIDInName        = l10n.New("%s: file name gives no article ID", "%s: aus dem Dateinamen ergibt sich keine Artikel-ID")
	msgTooManyLines      = l10n.New("%s: %d lines; at most %d are allowed in one article", "%s: %d Zeilen; erlaubt sind höchstens %d in einem Artikel")
	msgFrontMatterSize   = l10n.New("%s: the front matter has %d bytes; at most %d are allowed", "%s: der Front-Matter-Block hat %d Bytes; erlaubt sind höchstens %d")
	msgFrontMatter       = l10n.New("%s: the front matter cannot be read", "%s: der Front-Matter-Block ist nicht lesbar")
	msgFrontMatterWhy    = l10n.New("%s: front matter: %s", "%s: Front-Matter-Block: %s")
	msgBadPublished      = l10n.New("published %q: want YYYY-MM-DD, RFC 3339 or DD.MM.YYYY [HH:MM]", "published %q: erwartet wird JJJJ-MM-TT, RFC 3339 oder TT.MM.JJJJ [HH:MM]")
	msgTooManyParagraphs = l10n.New("%s: %d paragraphs; at most %d are allowed in one article", "%s: %d Absätze; erlaubt sind höchstens %d in einem Artikel")
	msgNoTitle           = l10n.New("%s: no title: the first non-empty line (or front matter title) is the title", "%s: kein Titel: Titel ist die erste nicht leere Zeile (oder title im Front-Matter-Block)")
	msgNoParagraphs      = l10n.New("%s: no paragraphs of text after the title", "%s: nach dem Titel folgt kein Absatz Text")
	msgTooLarge          = l10n.New("%s: %d bytes is more than the %d allowed for an article", "%s: %d Bytes sind mehr als die für einen Artikel erlaubten %d")
	msgEmptyFile         = l10n.New("%s: file is empty", "%s: die Datei ist leer")
	msgBinaryUTF16       = l10n.New("%s: binary data, not an article (UTF-16 files must be converted to UTF-8)", "%s: Binärdaten, kein Artikel (UTF-16-Dateien müssen nach UTF-8 umgewandelt werden)")
	msgUnreadable        = l10n.New("%s cannot be read", "%s lässt sich nicht lesen")
	msgIDUsed            = l10n.New("%s: article ID %q already used by %s", "%s: die Artikel-ID %q ist schon vergeben (an %s)")
	msgBinary            = l10n.New("%s: binary data, not an article", "%s: Binärdaten, kein Artikel")
)
