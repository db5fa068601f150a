package bot

import (
	"context"
	"errors"
	"net/netip"
	"regexp"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/library"
)

// realErrors are errors the packages below the bot really return for a
// moderator's mistakes: refused, unreachable and malformed URLs, files
// that are no articles, a base article's removal, an empty topic.
func realErrors(t *testing.T) []error {
	t.Helper()
	ctx := context.Background()
	ing := ingest.New(ingest.Options{Resolver: func(context.Context, string) ([]netip.Addr, error) {
		return nil, errors.New("lookup x.example: no such host")
	}})
	var out []error
	keep := func(_ any, err error) {
		t.Helper()
		if err == nil {
			t.Fatal("no error")
		}
		out = append(out, err)
	}
	keep(ing.FetchArticle(ctx, "http://127.0.0.1/seite"))      // loopback address
	keep(ing.FetchArticle(ctx, "http://169.254.169.254/"))     // cloud metadata
	keep(ing.FetchArticle(ctx, "http://x.example/nachricht"))  // could not reach
	keep(ing.FetchArticle(ctx, "seite.html"))                  // not an absolute URL
	keep(ing.FetchArticle(ctx, "ftp://x.example/seite"))       // only http and https
	keep(ing.FetchArticle(ctx, "http://nutzer:pw@x.example/")) // user name
	keep(ing.FromFile(ctx, "bericht.pdf", []byte("%PDF"), "")) // only .txt, .md and .html
	keep(ing.FromFile(ctx, "leer.txt", []byte("  \n"), ""))
	keep(ing.FromFile(ctx, "binär.txt", []byte("a\x00b"), ""))

	lib := openLibrary(t, seedArticles(t))
	lib2, err := library.Open(ctx, library.Config{DataDir: t.TempDir()}) // the embedded corpus
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib2.Close() })
	seed := lib2.Articles(library.Base)[0].ID
	out = append(out, lib2.Remove(ctx, library.Base, seed)) // belongs to the embedded corpus
	for _, f := range []library.File{
		{Name: "notiz.md", Data: []byte("Nur ein Titel\n")},                                  // no paragraphs
		{Name: "notiz.md", Data: []byte("---\npublished: gestern\n---\n\nTitel\n\nText.\n")}, // published
		{Name: "notiz.md", Data: []byte("\n\n")},                                             // empty
		{Name: "notiz.pdf", Data: []byte("Titel\n\nText.\n")},                                // not an article file
	} {
		keep(lib.Add(ctx, library.Base, []library.File{f}))
	}
	a, _ := lib.Article(library.Base, lib.Articles(library.Base)[0].ID)
	var text strings.Builder
	for _, p := range a.Paragraphs {
		text.WriteString(p.Text + "\n\n")
	}
	keep(lib.Add(ctx, library.Base, []library.File{{Name: "kopie.md", Data: []byte("Kopie\n\n" + text.String())}})) // the same text
	keep(lib.Timeline(ctx, library.Base, " "))
	keep(lib.Add(ctx, library.Base, []library.File{{Name: "a.pdf"}, {Name: "b.md", Data: []byte("x")}})) // two problems
	return out
}

// englishWords are English function words and verbs of the errors' own
// sentences that are not German words, so a German reply holding one
// quotes untranslated English.
var englishWords = regexp.MustCompile(`(?i)\b(the|is|not|only|can|could|be|are|its|there|and|files?|added|has|have|was|which|with|refused|fetch|reach|belongs|remove|allowed|want|empty|binary|already|after|paragraphs)\b`)

// TestErrorRepliesSpeakOneLanguage: what the ingest and library errors
// say reaches a German moderator in German, in every reply that quotes
// them (/article add of a URL or file, /article remove, an invalid
// input), and an English one in English. Their messages were once quoted
// as they are, in English ("only .txt, .md and .html files can be added",
// "refused to fetch …: loopback address").
func TestErrorRepliesSpeakOneLanguage(t *testing.T) {
	h := newHarness(t, Config{})
	errs := realErrors(t)
	for _, l := range l10n.Langs {
		for _, err := range errs {
			var replies []string
			add := func(r Reply, rerr error) {
				if rerr != nil { // the bot answers what the code means
					replies = append(replies, errorText(l, cmdArticle, rerr))
					return
				}
				replies = append(replies, r.Content)
			}
			add(h.b.fetchRefusal(l, msgNotAdded, err))
			add(addRefusal(l, err))
			add(h.b.curationRefusal(l, subArticleRemove, "x", err))
			replies = append(replies, errorText(l, cmdClaim, err))
			for _, r := range replies {
				r = regexp.MustCompile("`[^`]*`|/[a-z]+|https?://\\S+|\\S+\\.(txt|md|html|pdf)").ReplaceAllString(r, "…")
				switch w := englishWords.FindString(r); {
				case l == l10n.DE && w != "":
					t.Errorf("the German reply to %q has English %q:\n%s", err, w, r)
				case l == l10n.EN && strings.ContainsAny(r, "äöüß"):
					t.Errorf("the English reply to %q has German:\n%s", err, r)
				}
			}
		}
	}
	// The German words say what the English ones say, not only what the
	// error's code means.
	for _, want := range []string{"Loopback", "nicht erreichbar", "keine absolute URL", "nur .txt-, .md- und .html-Dateien", "„eingebauter Korpus“", "kein Absatz", "derselbe Text", "JJJJ-MM-TT", "das Thema ist leer", "weiteres Problem"} {
		found := false
		for _, err := range errs {
			found = found || strings.Contains(errorDetail(l10n.DE, err), want)
		}
		if !found {
			t.Errorf("no German error says %q", want)
		}
	}
}
