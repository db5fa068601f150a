package library

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
)

// TestRemoveCorpusArticleShowsNoPath: removing an article of the base
// corpus folder says why without the folder's path, which is the
// operator's file system and no business of a Discord user's; the
// English message for logs keeps it. (It once said "pentagon belongs to
// the /srv/claimbot/articles; remove its file there and re-index".)
func TestRemoveCorpusArticleShowsNoPath(t *testing.T) {
	dir := seedDir(t)
	tests := []struct {
		name, label string
		want        map[l10n.Lang]string // in the text for people
	}{
		{"a folder", dir, map[l10n.Lang]string{l10n.EN: "base corpus folder", l10n.DE: "Grundbestand"}},
		{"the embedded corpus", "embedded corpus", map[l10n.Lang]string{l10n.EN: "embedded corpus", l10n.DE: "eingebauter Korpus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{ArticlesLabel: tt.label}
			if tt.label == dir {
				cfg.Articles = os.DirFS(dir)
			}
			l := open(t, cfg)
			id := l.Articles(Base)[0].ID
			err := l.Remove(context.Background(), Base, id)
			if claimbot.ErrorCode(err) != claimbot.EINVALID {
				t.Fatalf("removing corpus article %s: %v, want EINVALID", id, err)
			}
			for _, lang := range l10n.Langs {
				got := claimbot.ErrorText(err, lang)
				if strings.Contains(got, dir) || strings.Contains(got, string(filepath.Separator)+"tmp") {
					t.Errorf("%s: the text for people shows the path: %q", lang, got)
				}
				if !strings.Contains(got, tt.want[lang]) || !strings.Contains(got, id) {
					t.Errorf("%s: %q, want it to name %s and %q", lang, got, id, tt.want[lang])
				}
			}
			if !strings.Contains(claimbot.ErrorMessage(err), tt.label) {
				t.Errorf("the message for logs lost the corpus's name: %q", claimbot.ErrorMessage(err))
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
