package library

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
)

// spam is an article that matches nearly every query about the corpus: the
// kind a moderator wants out of the answers without deleting it.
const spam = "---\ntitle: Alles über Nordkorea, Soldaten, Kursk und Minenräumer\npublisher: Spamblatt\npublished: 2025-01-01\n---\n\n" +
	"Nordkorea Soldaten Kursk Minenräumer Putin Kim Pjöngjang Front Russland Ukraine 100.000 Soldaten 1.000 Minenräumer 3.000 Soldaten.\n\n" +
	"Soldaten Soldaten Soldaten Nordkorea Nordkorea Kursk Kursk Minenräumer Minenräumer Bloomberg Pentagon Geheimdienst.\n"

func articlesOf(hits []index.Hit) []string {
	var ids []string
	for _, h := range hits {
		if !slices.Contains(ids, h.Article) {
			ids = append(ids, h.Article)
		}
	}
	return ids
}

func TestExcludeAndInclude(t *testing.T) {
	data := t.TempDir()
	l := open(t, Config{DataDir: data})
	ctx := context.Background()
	if _, err := l.Add(ctx, Base, []File{{Name: "spam.md", Data: []byte(spam)}}); err != nil {
		t.Fatal(err)
	}
	search := func(l *Library, q string) []string {
		t.Helper()
		res, err := l.Search(ctx, Base, q, index.SearchOptions{Limit: index.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		return articlesOf(res.Hits)
	}
	queries := []string{"Minenräumer Kursk", "Nordkorea Soldaten", "Putin Front", "100.000"}
	for _, q := range queries {
		if !slices.Contains(search(l, q), "spam") {
			t.Fatalf("%q does not find the spam article; the test needs one that matches everything", q)
		}
	}

	if err := l.Exclude(ctx, Base, "spam"); err != nil {
		t.Fatal(err)
	}
	check := func(l *Library, when string) {
		t.Helper()
		for _, q := range queries {
			if got := search(l, q); slices.Contains(got, "spam") || len(got) == 0 {
				t.Errorf("%s: %q finds %v; want the other articles only", when, q, got)
			}
		}
		if got := l.Excluded(Base); !slices.Equal(got, []string{"spam"}) {
			t.Errorf("%s: Excluded() = %v", when, got)
		}
		if _, ok := l.Article(Base, "spam"); !ok {
			t.Errorf("%s: the excluded article left the corpus", when)
		}
		entries, err := l.Timeline(ctx, Base, "Soldaten")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Article == "spam" {
				t.Errorf("%s: the timeline shows the excluded article", when)
			}
		}
		for _, a := range l.Contradictions(Base) {
			if a.New.Article == "spam" || slices.ContainsFunc(a.Existing, func(s claims.Side) bool { return s.Article == "spam" }) {
				t.Errorf("%s: contradiction with the excluded article: %s", when, a.Kind)
			}
		}
	}
	check(l, "after Exclude")

	// The exclusion is kept in the data directory: it survives a re-index
	// and a restart.
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	check(l, "after a re-index")
	l.Close()
	l = open(t, Config{DataDir: data})
	check(l, "after a restart")

	// An article added later raises no alert against an excluded one.
	rep, err := l.Add(ctx, Base, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}})
	if err != nil {
		t.Fatal(err)
	}
	if hasKind(rep.Alerts, "conflict", "spam") {
		t.Errorf("alert against the excluded article: %s", kinds(rep.Alerts))
	}

	tests := []struct {
		name string
		do   func() error
		code string
	}{
		{"exclude twice", func() error { return l.Exclude(ctx, Base, "spam") }, claimbot.ECONFLICT},
		{"exclude unknown", func() error { return l.Exclude(ctx, Base, "gibt-es-nicht") }, claimbot.ENOTFOUND},
		{"include not excluded", func() error { return l.Include(ctx, Base, "pentagon") }, claimbot.ENOTFOUND},
	}
	for _, tt := range tests {
		if err := tt.do(); claimbot.ErrorCode(err) != tt.code {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.code)
		}
	}

	if err := l.Include(ctx, Base, "spam"); err != nil {
		t.Fatal(err)
	}
	if got := search(l, "Minenräumer Kursk"); !slices.Contains(got, "spam") {
		t.Errorf("after Include, the article is still not found: %v", got)
	}
	l.Close()
	l = open(t, Config{DataDir: data})
	if len(l.Excluded(Base)) != 0 {
		t.Errorf("Include was not saved: %v", l.Excluded(Base))
	}
}

func TestExcludedFileCorrupt(t *testing.T) {
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "excluded.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), Config{DataDir: data})
	if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE || !strings.Contains(err.Error(), "excluded.json") {
		t.Errorf("got %v; want an error naming the file", err)
	}
}

func TestRemoveToTrashAndRestore(t *testing.T) {
	data := t.TempDir()
	l := open(t, Config{DataDir: data})
	ctx := context.Background()
	pentagon := testdata(t, "pentagon.md")
	if _, err := l.Add(ctx, Base, []File{{Name: "pentagon.md", Data: pentagon}}); err != nil {
		t.Fatal(err)
	}
	if err := l.Remove(ctx, Base, "pentagon"); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Article(Base, "pentagon"); ok {
		t.Fatal("removed article still indexed")
	}
	if got := l.Trashed(Base); !slices.Equal(got, []string{"pentagon"}) {
		t.Fatalf("Trashed() = %v", got)
	}
	// Not in the data directory's articles: a re-index must not bring it back.
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Article(Base, "pentagon"); ok {
		t.Fatal("a re-index brought back a removed article")
	}

	rep, err := l.Restore(ctx, Base, "pentagon")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Added, []string{"pentagon"}) || !hasKind(rep.Alerts, "conflict", "pentagon") {
		t.Errorf("restore report: added %v, alerts %s", rep.Added, kinds(rep.Alerts))
	}
	res, err := l.Search(ctx, Base, "Pentagon 3.000 Soldaten", index.SearchOptions{Limit: 1})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Article != "pentagon" {
		t.Errorf("restored article not found: %v %+v", err, res.Hits)
	}
	if len(l.Trashed(Base)) != 0 {
		t.Errorf("still in the trash: %v", l.Trashed(Base))
	}
	if got, err := os.ReadFile(filepath.Join(data, "collections", "base", "added", "pentagon.md")); err != nil || string(got) != string(pentagon) {
		t.Errorf("restored file: %v", err)
	}

	if _, err := l.Restore(ctx, Base, "pentagon"); claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		t.Errorf("restoring twice: got %v", err)
	}
	// Removed, then the same ID added anew: the old copy must not replace
	// it; it comes back beside it under an ID of its own.
	if err := l.Remove(ctx, Base, "pentagon"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(ctx, Base, []File{{Name: "pentagon.md", Data: append(pentagon, []byte("\nNeuer Absatz mit anderem Text.\n")...)}}); err != nil {
		t.Fatal(err)
	}
	rep, err = l.Restore(ctx, Base, "pentagon")
	if err != nil || !slices.Equal(rep.Added, []string{"pentagon-2"}) || len(rep.Renamed) != 1 || rep.Renamed[0].Wanted != "pentagon" {
		t.Fatalf("restoring beside a new article with its ID: %v, added %v, renamed %+v; want it as pentagon-2", err, rep.Added, rep.Renamed)
	}
	if a, ok := l.Article(Base, "pentagon"); !ok || len(a.Paragraphs) == 0 || !strings.Contains(a.Paragraphs[len(a.Paragraphs)-1].Text, "Neuer Absatz") {
		t.Errorf("the newer pentagon was replaced by the restored one")
	}
}
