package library

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
)

// englishWords are English words of the library's messages that are not
// German, so a German text holding one quotes untranslated English.
var englishWords = regexp.MustCompile(`(?i)\b(the|is|not|taken|by|skipped|rename|file|already|used|cannot|be|read|belongs|remove|there|and)\b`)

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

// TestReindexProblemsSayThemselves: every file a re-index skips comes
// with an error whose text says why in the reader's language, naming the
// file but no folder path; Problems keeps the English for logs. (The
// /reindex reply once listed "kaputt.txt: binary data, not an article" and
// "…/collections/base/pentagon.md: article ID pentagon is taken by
// /srv/articles/pentagon.md; skipped (rename the file)" in German replies.)
func TestReindexProblemsSayThemselves(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, l *Library, dir string)
		file  string               // the file the problem names
		want  map[l10n.Lang]string // what its text says
	}{
		{"binary file", func(t *testing.T, l *Library, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "kaputt.txt"), []byte{0, 1, 2, 3}, 0o644))
		}, "kaputt.txt", map[l10n.Lang]string{l10n.EN: "binary data", l10n.DE: "Binärdaten"}},
		{"two files give one ID", func(t *testing.T, l *Library, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "zwilling.md"), testdata(t, "pentagon.md"), 0o644))
			must(t, os.WriteFile(filepath.Join(dir, "zwilling.txt"), []byte("Ein Zwilling\n\nDer Text des Zwillings ist ein anderer als der des ersten.\n"), 0o644))
		}, "zwilling.txt", map[l10n.Lang]string{l10n.EN: "already used", l10n.DE: "schon vergeben"}},
		{"the corpus gains an added article's ID", func(t *testing.T, l *Library, dir string) {
			if _, err := l.Add(context.Background(), Base, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}}); err != nil {
				t.Fatal(err)
			}
			data := strings.Replace(string(testdata(t, "pentagon.md")), "3.000", "4.000", 1)
			must(t, os.WriteFile(filepath.Join(dir, "pentagon.md"), []byte(data), 0o644))
		}, "pentagon.md", map[l10n.Lang]string{l10n.EN: "taken", l10n.DE: "schon vergeben"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedDir(t)
			l := open(t, Config{Articles: os.DirFS(dir), ArticlesLabel: dir})
			tt.setup(t, l, dir)
			rep, err := l.Reindex(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) != 1 || len(rep.ProblemErrs) != 1 {
				t.Fatalf("problems %q, errors %v; want one each", rep.Problems, rep.ProblemErrs)
			}
			if rep.Problems[0] != claimbot.ErrorMessage(rep.ProblemErrs[0]) {
				t.Errorf("Problems[0] = %q, its error says %q", rep.Problems[0], claimbot.ErrorMessage(rep.ProblemErrs[0]))
			}
			for _, lang := range l10n.Langs {
				got := claimbot.ErrorText(rep.ProblemErrs[0], lang)
				switch {
				case !strings.Contains(got, tt.file) || !strings.Contains(got, tt.want[lang]):
					t.Errorf("%s: %q, want it to name %s and say %q", lang, got, tt.file, tt.want[lang])
				case strings.Contains(got, dir) || strings.Contains(got, "/"):
					t.Errorf("%s: %q shows a path", lang, got)
				case lang == l10n.DE && englishWords.MatchString(got):
					t.Errorf("German %q has English %q", got, englishWords.FindString(got))
				}
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
