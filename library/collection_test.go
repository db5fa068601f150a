package library

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
)

const (
	guildA = "1290000000000000001"
	guildB = "1290000000000000002"
)

func guild(t *testing.T, id string) Collection {
	t.Helper()
	c, err := GuildCollection(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func searchIDs(t *testing.T, l *Library, c Collection, q string) []string {
	t.Helper()
	res, err := l.Search(context.Background(), c, q, index.SearchOptions{Limit: index.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	return articlesOf(res.Hits)
}

// TestGuildCollections: what guild A adds, excludes and removes changes
// only A's view; the base and guild B see none of it, B cannot change A's
// articles, A cannot change the base; a base addition reaches everyone.
func TestGuildCollections(t *testing.T) {
	ctx := context.Background()
	l := open(t, Config{})
	a, b := guild(t, guildA), guild(t, guildB)
	const q = "Pentagon 3.000 Soldaten"

	rep, err := l.Add(ctx, a, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Collection != a || !slices.Equal(rep.Added, []string{"pentagon"}) || !hasKind(rep.Alerts, "conflict", "pentagon") || rep.GuildAlerts != nil {
		t.Fatalf("A's add: %+v alerts %s", rep.Added, kinds(rep.Alerts))
	}
	for _, v := range []struct {
		c    Collection
		sees bool
	}{{a, true}, {b, false}, {Base, false}} {
		got := searchIDs(t, l, v.c, q)
		if slices.Contains(got, "pentagon") != v.sees {
			t.Errorf("%s's search finds %v; sees A's article: want %v", v.c, got, v.sees)
		}
		if _, ok := l.Article(v.c, "pentagon"); ok != v.sees {
			t.Errorf("%s's Article(pentagon) = %v, want %v", v.c, ok, v.sees)
		}
		if n := len(l.Articles(v.c)); (n == 6) != v.sees {
			t.Errorf("%s lists %d articles", v.c, n)
		}
		res, _ := l.Search(ctx, v.c, "Soldaten an der Front", index.SearchOptions{Limit: index.MaxLimit})
		sawPentagon := false
		for _, al := range l.Disagreements(v.c, res.Hits) {
			sawPentagon = sawPentagon || al.New.Article == "pentagon" || slices.ContainsFunc(al.Existing, func(s claims.Side) bool { return s.Article == "pentagon" })
		}
		if sawPentagon != v.sees {
			t.Errorf("%s's disagreement notes mention A's article: %v, want %v", v.c, sawPentagon, v.sees)
		}
	}
	if st := l.Stats(a); st.Articles != 6 || st.Own != 1 {
		t.Errorf("A's stats = %+v", st)
	}
	if st := l.Stats(b); st.Articles != 5 || st.Own != 0 {
		t.Errorf("B's stats = %+v", st)
	}

	// A excludes a base article: only A stops seeing it.
	seed := "002_faae90cb512dd3ab"
	if err := l.Exclude(ctx, a, seed); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, l, a, "Soldaten"); slices.Contains(got, seed) {
		t.Errorf("A still finds its excluded %s", seed)
	}
	for _, c := range []Collection{b, Base} {
		if got := searchIDs(t, l, c, "Soldaten"); !slices.Contains(got, seed) {
			t.Errorf("%s lost %s to A's exclusion: %v", c, seed, got)
		}
	}
	if !slices.Equal(l.Excluded(a), []string{seed}) || len(l.Excluded(b)) != 0 || len(l.Excluded(Base)) != 0 {
		t.Errorf("exclusions: A %v, B %v, base %v", l.Excluded(a), l.Excluded(b), l.Excluded(Base))
	}

	refusals := []struct {
		name string
		err  error
		code string
	}{
		{"A removes a base article", l.Remove(ctx, a, seed), claimbot.EFORBIDDEN},
		{"B removes A's article", l.Remove(ctx, b, "pentagon"), claimbot.ENOTFOUND},
		{"B excludes A's article", l.Exclude(ctx, b, "pentagon"), claimbot.ENOTFOUND},
		{"B includes A's exclusion", l.Include(ctx, b, seed), claimbot.ENOTFOUND},
		{"the base removes A's article", l.Remove(ctx, Base, "pentagon"), claimbot.ENOTFOUND},
	}
	for _, r := range refusals {
		if claimbot.ErrorCode(r.err) != r.code {
			t.Errorf("%s: %v, want %s", r.name, r.err, r.code)
		}
	}

	// B may add the same article: it cannot see A's copy, and nothing it
	// is told says A has one: B's copy has the ID its file name gives.
	repB, err := l.Add(ctx, b, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}})
	if err != nil {
		t.Fatalf("B adds the article A has: %v", err)
	}
	if !slices.Equal(repB.Added, []string{"pentagon"}) || len(repB.Renamed) != 0 || len(repB.Problems) != 0 {
		t.Errorf("B's copy: added %v renamed %+v problems %q; want pentagon, as if A had none", repB.Added, repB.Renamed, repB.Problems)
	}
	if got := searchIDs(t, l, b, q); !slices.Contains(got, "pentagon") {
		t.Errorf("B finds %v; want its own pentagon", got)
	}

	// A removes and restores its own article; B's stays, and B cannot
	// restore A's.
	if err := l.Remove(ctx, a, "pentagon"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Trashed(a), []string{"pentagon"}) || len(l.Trashed(b)) != 0 {
		t.Errorf("trash: A %v, B %v", l.Trashed(a), l.Trashed(b))
	}
	if got := searchIDs(t, l, b, q); !slices.Contains(got, "pentagon") {
		t.Errorf("after A's removal B finds %v; want its own pentagon", got)
	}
	if _, ok := l.Article(a, "pentagon"); ok {
		t.Error("A still has pentagon after removing it")
	}
	if _, err := l.Restore(ctx, b, "pentagon"); claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		t.Errorf("B restores A's article: %v", err)
	}
	if _, err := l.Restore(ctx, a, "pentagon"); err != nil {
		t.Fatal(err)
	}

	// The base gains an article contradicting A's and B's: its alerts are
	// for everyone, and A and B each hear about their own article.
	base, err := l.Add(ctx, Base, []File{{Name: "pionier.md", Data: []byte(contra)}})
	if err != nil {
		t.Fatal(err)
	}
	if !hasKind(l.AlertsFor(a, base), "conflict", "pentagon") || !hasKind(l.AlertsFor(b, base), "conflict", "pentagon") || len(base.GuildAlerts[guildA]) == 0 || len(base.GuildAlerts[guildB]) == 0 {
		t.Errorf("base addition: guild alerts A %s, B %s; want each against its own copy", kinds(l.AlertsFor(a, base)), kinds(l.AlertsFor(b, base)))
	}
	for _, al := range base.Alerts {
		if slices.ContainsFunc(al.Existing, func(s claims.Side) bool { return strings.HasPrefix(s.Article, "pentagon") }) || strings.HasPrefix(al.New.Article, "pentagon") {
			t.Errorf("an alert for everyone names a guild's article: %s", kinds([]claims.Alert{al}))
		}
	}
	for _, c := range []Collection{a, b, Base} {
		if !slices.Contains(searchIDs(t, l, c, "Pionierkräfte"), "pionier") {
			t.Errorf("%s does not see the base addition", c)
		}
	}
	if _, err := GuildCollection("../x"); claimbot.ErrorCode(err) != claimbot.EINVALID {
		t.Errorf("GuildCollection(../x) = %v", err)
	}
}

// contra reports 8.000 North Korean soldiers at the front on the day the
// Pentagon reports 3.000, for a base addition that contradicts guilds'.
const contra = `---
title: Geheimdienst meldet 8.000 Nordkoreaner an der Front
publisher: Morgenblatt
published: 2024-11-18
---

Nach Angaben des südkoreanischen Geheimdienstes sind derzeit 8.000 nordkoreanische Soldaten an der Front im Einsatz, darunter Pionierkräfte.
`

// TestNoSilentOverwrite: a file whose name gives an ID taken by another
// article gets a new ID and the report says so, both articles stay; a copy
// of an article's text or URL is refused as a duplicate whatever it is
// called. (claimbot add other/artikel.md once replaced artikel.md.)
func TestNoSilentOverwrite(t *testing.T) {
	ctx := context.Background()
	l := open(t, Config{})
	first := "---\ntitle: Erster Artikel\nurl: https://example.org/erster\n---\n\nDie Stadt meldet 1.200 neue Wohnungen im Jahr 2024.\n"
	other := "---\ntitle: Ein anderer Artikel\n---\n\nDer Hafen meldet 40 Millionen Tonnen Umschlag im Jahr 2024.\n"
	if _, err := l.Add(ctx, Base, []File{{Name: "artikel.md", Data: []byte(first)}}); err != nil {
		t.Fatal(err)
	}
	passages := l.Stats(Base).Passages
	rep, err := l.Add(ctx, Base, []File{{Name: "other/artikel.md", Data: []byte(other)}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Added, []string{"artikel-2"}) || len(rep.Renamed) != 1 || rep.Renamed[0] != (Renamed{File: "artikel.md", Wanted: "artikel", ID: "artikel-2"}) {
		t.Errorf("colliding ID: added %v renamed %+v", rep.Added, rep.Renamed)
	}
	if got := l.Stats(Base).Passages; got != passages+1 {
		t.Errorf("passages %d → %d; want one more", passages, got)
	}
	if a, ok := l.Article(Base, "artikel"); !ok || a.Title != "Erster Artikel" {
		t.Errorf("the first article was replaced: %+v", a)
	}
	dups := []struct{ name, file, data, why string }{
		{"same bytes, other name", "kopie.md", first, "the same text"},
		{"same text, other front matter", "abschrift.md", "---\ntitle: Abschrift\n---\n\nDie Stadt meldet 1.200 neue  Wohnungen im Jahr 2024.\n", "the same text"},
		{"same URL, other text", "neu.md", "---\ntitle: Neu\nurl: HTTPS://Example.org/erster/?utm_source=feed#top\n---\n\nGanz anderer Text über den Hafen.\n", "its URL https://example.org/erster"},
	}
	for _, d := range dups {
		_, err := l.Add(ctx, Base, []File{{Name: d.file, Data: []byte(d.data)}})
		if claimbot.ErrorCode(err) != claimbot.ECONFLICT || !strings.Contains(err.Error(), d.why) || !strings.Contains(err.Error(), "as article artikel") {
			t.Errorf("%s: %v; want ECONFLICT saying %q and naming artikel", d.name, err, d.why)
		}
	}
	// Two copies in one call: the second is the duplicate.
	rep, err = l.Add(ctx, Base, []File{{Name: "x.md", Data: []byte("Titel X\n\nEin Satz über 7 Brücken.\n")}, {Name: "y.md", Data: []byte("Titel Y\n\nEin Satz über 7 Brücken.\n")}})
	if err != nil || !slices.Equal(rep.Added, []string{"x"}) || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "as article x") {
		t.Errorf("two copies in one call: %v, added %v, problems %q", err, rep.Added, rep.Problems)
	}
	// Both survive a re-index under their IDs.
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"artikel", "artikel-2"} {
		if _, ok := l.Article(Base, id); !ok {
			t.Errorf("%s lost by a re-index", id)
		}
	}
}

// TestMigrateDataDir: a data directory from before collections opens with
// its added articles, trash and exclusions in the base collection, said
// once in the log.
func TestMigrateDataDir(t *testing.T) {
	data := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(data, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("added/pentagon.md", string(testdata(t, "pentagon.md")))
	write("trash/spam.md", spam)
	write("excluded.json", `{"articles":["002_faae90cb512dd3ab"]}`)
	var logs bytes.Buffer
	l := open(t, Config{DataDir: data, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if _, ok := l.Article(Base, "pentagon"); !ok {
		t.Error("the added article is not in the base after migration")
	}
	if !slices.Equal(l.Trashed(Base), []string{"spam"}) || !slices.Equal(l.Excluded(Base), []string{"002_faae90cb512dd3ab"}) {
		t.Errorf("trash %v, exclusions %v after migration", l.Trashed(Base), l.Excluded(Base))
	}
	if got := searchIDs(t, l, guild(t, guildA), "Soldaten"); slices.Contains(got, "002_faae90cb512dd3ab") || !slices.Contains(got, "pentagon") {
		t.Errorf("a guild's view after migration: %v; want the old exclusion and addition to hold for it", got)
	}
	if n := strings.Count(logs.String(), "data directory migrated"); n != 1 {
		t.Errorf("migration logged %d times:\n%s", n, logs.String())
	}
	for _, old := range []string{"added", "trash", "excluded.json"} {
		if _, err := os.Stat(filepath.Join(data, old)); !os.IsNotExist(err) {
			t.Errorf("%s still there: %v", old, err)
		}
	}
	l.Close()
	logs.Reset()
	l = open(t, Config{DataDir: data, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if strings.Contains(logs.String(), "migrated") {
		t.Errorf("second open migrated again:\n%s", logs.String())
	}
	if _, ok := l.Article(Base, "pentagon"); !ok {
		t.Error("the migrated article is gone after a second open")
	}
}

// TestLastChangeIsTheViews: /stats says when the guild's view last
// changed. Guild A adding or removing an article of its own moves A's
// last change and nobody else's; a base addition moves everyone's.
func TestLastChangeIsTheViews(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	l := open(t, Config{Now: func() time.Time { return now }})
	a, b := guild(t, guildA), guild(t, guildB)
	built := l.Stats(b).LastChange
	tick := func() time.Time { now = now.Add(time.Hour); return now }
	want := func(what string, c Collection, at time.Time) {
		t.Helper()
		if got := l.Stats(c).LastChange; !got.Equal(at) {
			t.Errorf("after %s, %s's last change is %v, want %v", what, c, got, at)
		}
	}

	addedA := tick()
	if _, err := l.Add(ctx, a, []File{article("Hafenbericht", "Der Hafen meldet 40 Millionen Tonnen Umschlag im Jahr 2024.")}); err != nil {
		t.Fatal(err)
	}
	want("A's addition", a, addedA)
	want("A's addition", b, built)
	want("A's addition", Base, built)
	if got := l.IndexStats().LastChange; !got.Equal(addedA) {
		t.Errorf("the index's last change is %v, want %v", got, addedA)
	}

	addedBase := tick()
	if _, err := l.Add(ctx, Base, []File{article("Stadtbericht", "Die Stadt meldet 1.200 neue Wohnungen im Jahr 2024.")}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []Collection{a, b, Base} {
		want("a base addition", c, addedBase)
	}

	removedA := tick()
	if err := l.Remove(ctx, a, "hafenbericht"); err != nil {
		t.Fatal(err)
	}
	want("A's removal", a, removedA)
	want("A's removal", b, addedBase)

	// Kept with the index: a restart reports the same.
	dir := l.cfg.DataDir
	l.Close()
	l = open(t, Config{DataDir: dir, Now: func() time.Time { return now }})
	want("a restart", a, removedA)
	want("a restart", b, addedBase)
}
