package ingest

// The catalogue of what ingest's errors say to people (claimbot.Error's
// Text), in English and German, so the Discord and command-line replies
// quote them in the reader's language. The errors' Message stays the
// English sentence for logs; where it quotes a library's or the network's
// own (English) detail, the catalogue text leaves that out.
import "github.com/claimbot/claimbot/l10n"

var (
	msgOnlyTextFiles  = l10n.New("%s: only .txt, .md and .html files can be added", "%s: Hinzufügen lassen sich nur .txt-, .md- und .html-Dateien")
	msgFileTooLarge   = l10n.New("%s is larger than the %s allowed", "%s ist größer als die erlaubten %s")
	msgNotText        = l10n.New("%s is %s, not text", "%s ist %s, kein Text")
	msgFileEmpty      = l10n.New("%s is empty", "%s ist leer")
	msgBinaryUTF16    = l10n.New("%s contains binary data, not text (UTF-16 files must be converted to UTF-8)", "%s enthält Binärdaten, keinen Text (UTF-16-Dateien müssen nach UTF-8 umgewandelt werden)")
	msgBinary         = l10n.New("%s contains binary data, not text", "%s enthält Binärdaten, keinen Text")
	msgTooShort       = l10n.New("%s is not an article: it has only %d characters of text (at least %d needed)", "%s ist kein Artikel: nur %d Zeichen Text (mindestens %d nötig)")
	msgUnknownCharset = l10n.New("%s: unknown character set in %q", "%s: unbekannter Zeichensatz in %q")
	msgNotHTML        = l10n.New("%s is not readable HTML", "%s ist kein lesbares HTML")
	msgNotArticle     = l10n.New("%s is not an article", "%s ist kein Artikel")
	msgNoTitle        = l10n.New("%s is not an article: the page has no title", "%s ist kein Artikel: die Seite hat keinen Titel")
	msgNotFeed        = l10n.New("%s is not an RSS or Atom feed", "%s ist kein RSS- oder Atom-Feed")
	msgItemFailed     = l10n.New("%s could not be added", "%s ließ sich nicht hinzufügen")
	msgItemsRetried   = l10n.Plural("%[1]d item will be tried again; first: %[2]s", "%[1]d items will be tried again; first: %[2]s",
		"%[1]d Eintrag wird erneut versucht; zuerst: %[2]s", "%[1]d Einträge werden erneut versucht; zuerst: %[2]s")
	msgItemsGaveUp = l10n.Plural("%[1]d item given up after %[2]d tries; first: %[3]s", "%[1]d items given up after %[2]d tries; first: %[3]s",
		"%[1]d Eintrag nach %[2]d Versuchen aufgegeben; zuerst: %[3]s", "%[1]d Einträge nach %[2]d Versuchen aufgegeben; zuerst: %[3]s")
	msgNotValidURL    = l10n.New("%s is not a valid URL", "%s ist keine gültige URL")
	msgNotAbsoluteURL = l10n.New("%q is not an absolute URL", "%q ist keine absolute URL")
	msgPageGone       = l10n.New("%s does not exist (the server answered %s)", "%s gibt es nicht (der Server antwortete %s)")
	msgRateLimited    = l10n.New("%s is rate limiting us (the server answered %s); try again later", "%s bremst unsere Anfragen (der Server antwortete %s); bitte später noch einmal versuchen")
	msgSiteDown       = l10n.New("%s is unavailable (the server answered %s); try again later", "%s ist nicht verfügbar (der Server antwortete %s); bitte später noch einmal versuchen")
	msgServerRefused  = l10n.New("%s was refused by the server (%s)", "%s wurde vom Server abgelehnt (%s)")
	msgNoContentType  = l10n.New("%s has no readable content type (%q); want %s", "%s hat keinen lesbaren Inhaltstyp (%q); erwartet: %s")
	msgWrongType      = l10n.New("%s is %s, not one of %s", "%s ist %s, nicht eines von %s")
	msgNoAnswer       = l10n.New("%s did not answer in time", "%s hat nicht rechtzeitig geantwortet")
	msgUnreachable    = l10n.New("could not reach %s", "%s war nicht erreichbar")
	msgRefused        = l10n.New("refused to fetch %s: %s", "Abruf von %s verweigert: %s")
	msgRefusedVia     = l10n.New("refused to fetch %s: it redirects to %s, and %s", "Abruf von %s verweigert: die Seite leitet auf %s um, und %s")

	// Why a fetch is refused (refusedError).
	msgTooManyRedirects = l10n.New("it redirects more than %d times", "sie leitet öfter als %d-mal um")
	msgOnlyHTTP         = l10n.New("only http and https URLs can be fetched, not %q", "abrufbar sind nur http- und https-URLs, nicht %q")
	msgNoHost           = l10n.New("the URL has no host", "die URL nennt keinen Host")
	msgNoUserinfo       = l10n.New("URLs with a user name or password are not fetched", "URLs mit Benutzername oder Passwort werden nicht abgerufen")
	msgResolvesTo       = l10n.New("%s resolves to %s, which is a %s address%s", "%s verweist auf %s, eine Adresse der Art „%s“%s")
	msgIsAddress        = l10n.New("%s is a %s address%s", "%s ist eine Adresse der Art „%s“%s")
	msgCannotCheck      = l10n.New("cannot check address %s", "die Adresse %s lässt sich nicht prüfen")
	msgAllowHint        = l10n.New(" (the bot's operator can allow private addresses with %s=1, for tests or an intranet archive)", " (wer den Bot betreibt, kann private Adressen mit %s=1 erlauben, für Tests oder ein Intranet-Archiv)")
)

// addressKinds name forbidden's kinds of address in both languages.
var addressKinds = map[string]l10n.Msg{
	"cloud metadata":         l10n.New("cloud metadata", "Cloud-Metadaten"),
	"invalid":                l10n.New("invalid", "ungültig"),
	"unspecified":            l10n.New("unspecified", "unbestimmt"),
	"multicast or broadcast": l10n.New("multicast or broadcast", "Multicast oder Broadcast"),
	"reserved":               l10n.New("reserved", "reserviert"),
	"loopback":               l10n.New("loopback", "Loopback"),
	"private":                l10n.New("private", "privat"),
	"link-local":             l10n.New("link-local", "link-lokal"),
	"carrier-grade NAT":      l10n.New("carrier-grade NAT", "Carrier-Grade-NAT"),
	"benchmarking":           l10n.New("benchmarking", "Benchmark"),
}
