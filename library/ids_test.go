package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/index"
)

// guildBSees is everything guild B is told while it adds, lists, finds,
// excludes, removes and restores articles named like guild A's.
func guildBSees(t *testing.T, l *Library) []string {
	t.Helper()
	ctx := context.Background()
	b := guild(t, guildB)
	var out []string
	say := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add := func(name, title, body string) Report {
		rep, err := l.Add(ctx, b, []File{{Name: name, Data: []byte("---\ntitle: " + title + "\n---\n\n" + body + "\n")}})
		say("add %s: added %v renamed %+v duplicates %+v problems %q err %v", name, rep.Added, rep.Renamed, rep.Duplicates, rep.Problems, err)
		return rep
	}
	add("entlassungsplan.md", "Plan B", "Der Betrieb entlässt 120 Beschäftigte im Werk Süd.")
	add("Entlassungsplan.txt", "Plan B zwei", "Der Betrieb entlässt 140 Beschäftigte im Werk Nord.") // taken in B's own view
	add("kopie.md", "Plan B", "Der Betrieb entlässt 120 Beschäftigte im Werk Süd.")                  // B's own duplicate
	for _, a := range l.Articles(b) {
		if a.Collection == string(b) {
			say("list %s %q", a.ID, a.Title)
		}
	}
	if a, ok := l.Article(b, "entlassungsplan"); ok {
		say("article entlassungsplan: %s %q %q", a.ID, a.Title, a.Paragraphs[0].Text)
	}
	res, err := l.Search(ctx, b, "Betrieb entlässt Beschäftigte", index.SearchOptions{Limit: index.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if strings.HasPrefix(h.Article, "entlassungsplan") {
			say("hit %s %s", h.ID, h.Article)
		}
	}
	say("exclude: %v; excluded %v; is %v", l.Exclude(ctx, b, "entlassungsplan"), l.Excluded(b), l.IsExcluded(b, "entlassungsplan"))
	say("include: %v; excluded %v", l.Include(ctx, b, "entlassungsplan"), l.Excluded(b))
	say("remove: %v; trashed %v", l.Remove(ctx, b, "entlassungsplan"), l.Trashed(b))
	rep, err := l.Restore(ctx, b, "entlassungsplan")
	say("restore: added %v renamed %+v err %v; trashed %v", rep.Added, rep.Renamed, err, l.Trashed(b))
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	for _, a := range l.Articles(b) {
		if a.Collection == string(b) {
			say("after re-index: %s %q", a.ID, a.Title)
		}
	}
	return out
}

// TestGuildIDsArePrivate: guild A holding entlassungsplan changes nothing
// guild B is told about its own entlassungsplan.md: B gets the ID its file
// names, in every answer, exactly as if A had none, while clashes in B's
// own view are still renamed and said. (B was once told "The ID
// entlassungsplan was taken by another article" and got
// entlassungsplan-2.)
func TestGuildIDsArePrivate(t *testing.T) {
	ctx := context.Background()
	alone := guildBSees(t, open(t, Config{}))

	l := open(t, Config{})
	a := guild(t, guildA)
	if _, err := l.Add(ctx, a, []File{{Name: "entlassungsplan.md", Data: []byte("---\ntitle: Plan A\n---\n\nDie Firma streicht 300 Stellen in der Verwaltung.\n")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(ctx, a, []File{{Name: "entlassungsplan-2.md", Data: []byte("---\ntitle: Plan A zwei\n---\n\nDie Firma streicht 310 Stellen im Vertrieb.\n")}}); err != nil {
		t.Fatal(err)
	}
	withA := guildBSees(t, l)
	if !slices.Equal(alone, withA) {
		t.Errorf("what B is told depends on A's articles:\nalone:\n  %s\nwith A's:\n  %s", strings.Join(alone, "\n  "), strings.Join(withA, "\n  "))
	}
	for _, want := range []string{
		"add entlassungsplan.md: added [entlassungsplan] renamed [] ",
		"add Entlassungsplan.txt: added [entlassungsplan-2] renamed [{File:Entlassungsplan.txt Wanted:entlassungsplan ID:entlassungsplan-2}]",
		"add kopie.md: added [] renamed [] duplicates [{File:kopie.md Of:entlassungsplan Why:the same text}]",
		"article entlassungsplan: entlassungsplan \"Plan B\"",
		"hit entlassungsplan#1 entlassungsplan",
		"restore: added [entlassungsplan] renamed [] err <nil>; trashed []",
		"after re-index: entlassungsplan \"Plan B\"",
	} {
		if !slices.ContainsFunc(withA, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("B is not told %q:\n  %s", want, strings.Join(withA, "\n  "))
		}
	}
	for _, s := range withA {
		if strings.Contains(s, "--") || strings.Contains(s, "Plan A") {
			t.Errorf("B is told about a key or A's article: %s", s)
		}
	}
	// A's articles are untouched by all of B's.
	for id, title := range map[string]string{"entlassungsplan": "Plan A", "entlassungsplan-2": "Plan A zwei"} {
		if got, ok := l.Article(a, id); !ok || got.Title != title {
			t.Errorf("A's %s: %q, %v; want %q", id, got.Title, ok, title)
		}
	}
}

// TestBaseTakesAGuildsPrivateID: when the base later gets an article
// whose ID a guild holds under its private key (ID--suffix, because
// another guild had the ID when it was added), that guild's view still
// has every ID once, and sees exactly what it would see had the other
// guild never held the ID. (B once saw two articles "entlassungsplan":
// the base's and its own.)
func TestBaseTakesAGuildsPrivateID(t *testing.T) {
	ctx := context.Background()
	file := func(title, body string) []File {
		return []File{{Name: "entlassungsplan.md", Data: []byte("---\ntitle: " + title + "\n---\n\n" + body + "\n")}}
	}
	tests := []struct {
		name string
		// base gives the base entlassungsplan, after A (if any) and B
		// added theirs.
		base func(t *testing.T, l *Library, dir string)
	}{
		{"a corpus file at the re-index", func(t *testing.T, l *Library, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "entlassungsplan.md"), file("Plan Basis", "Die Behörde nennt 500 Entlassungen im Land.")[0].Data, 0o644))
			if _, err := l.Reindex(ctx); err != nil {
				t.Fatal(err)
			}
		}},
		{"an operator's addition after A removed its own", func(t *testing.T, l *Library, dir string) {
			if a := guild(t, guildA); len(l.Articles(a)) > len(l.Articles(Base)) {
				must(t, l.Remove(ctx, a, "entlassungsplan"))
			}
			if _, err := l.Add(ctx, Base, file("Plan Basis", "Die Behörde nennt 500 Entlassungen im Land.")); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bSees := func(withA bool) []string {
				dir := seedDir(t)
				l := open(t, Config{Articles: os.DirFS(dir), ArticlesLabel: dir})
				if withA {
					if _, err := l.Add(ctx, guild(t, guildA), file("Plan A", "Die Firma streicht 300 Stellen in der Verwaltung.")); err != nil {
						t.Fatal(err)
					}
				}
				b := guild(t, guildB)
				if _, err := l.Add(ctx, b, file("Plan B", "Der Betrieb entlässt 120 Beschäftigte im Werk Süd.")); err != nil {
					t.Fatal(err)
				}
				tt.base(t, l, dir)
				var out []string
				seen := map[string]bool{}
				for _, a := range l.Articles(b) {
					if seen[a.ID] {
						t.Errorf("B sees two articles %s (with A's: %v)", a.ID, withA)
					}
					seen[a.ID] = true
					got, ok := l.Article(b, a.ID)
					if !ok || got.Title != a.Title {
						t.Errorf("B's %s: listed as %q, read as %q, %v", a.ID, a.Title, got.Title, ok)
					}
					if strings.HasPrefix(a.ID, "entlassungsplan") {
						out = append(out, a.ID+" "+a.Title)
					}
				}
				res, err := l.Search(ctx, b, "Entlassungen Beschäftigte Stellen", index.SearchOptions{Limit: index.MaxLimit})
				must(t, err)
				for _, h := range res.Hits {
					if a, ok := l.Article(b, h.Article); !ok || !seen[h.Article] {
						t.Errorf("B's hit %s is not an article of its list (%q, %v)", h.ID, a.Title, ok)
					}
				}
				return out
			}
			alone, withA := bSees(false), bSees(true)
			if !slices.Equal(alone, withA) {
				t.Errorf("what B sees depends on A's article:\nalone: %q\nwith A's: %q", alone, withA)
			}
			if !slices.Contains(withA, "entlassungsplan Plan Basis") && !slices.ContainsFunc(withA, func(s string) bool { return strings.HasSuffix(s, " Plan Basis") }) {
				t.Errorf("B does not see the base's article: %q", withA)
			}
		})
	}
}
