package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/internal/pgserver"
	"github.com/claimbot/claimbot/state/pgstate"
)

// The replica tests run two libraries (two instances, each with its own
// data directory and index) on one PostgreSQL archive. They need
// PostgreSQL (see internal/pgserver) and skip without it, saying so.
func TestMain(m *testing.M) { os.Exit(pgserver.Main(m)) }

type instance struct {
	lib   *Library
	store *pgstate.Store
	data  string
	stop  context.CancelFunc
	done  chan struct{}
}

// startInstance opens a library on the archive at url in data and follows
// the change log until the test ends or stop is called.
func startInstance(t *testing.T, url, data string) *instance {
	t.Helper()
	ctx := context.Background()
	st, err := pgstate.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Open(ctx, Config{DataDir: data, Archive: st, LockTimeout: 5 * time.Second})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	fctx, cancel := context.WithCancel(ctx)
	in := &instance{lib: lib, store: st, data: data, stop: cancel, done: make(chan struct{})}
	go func() {
		defer close(in.done)
		lib.Follow(fctx, st.WatchChanges(fctx), time.Second)
	}()
	t.Cleanup(in.close)
	return in
}

func (in *instance) close() {
	if in.stop == nil {
		return
	}
	in.stop()
	<-in.done
	in.lib.Close()
	in.store.Close()
	in.stop = nil
}

// eventually waits (bounded) until cond holds: replication is
// asynchronous; nothing is asserted about how long it takes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func article(title, body string) File {
	name := strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".md"
	return File{Name: name, Data: []byte("---\ntitle: " + title + "\npublisher: Testblatt\npublished: 2025-02-01\n---\n\n" + body + "\n")}
}

// TestReplicasFollowEachOther: what one instance adds, removes, restores,
// excludes and includes, the other's index and views follow.
func TestReplicasFollowEachOther(t *testing.T) {
	url := pgserver.NewDatabase(t)
	a := startInstance(t, url, t.TempDir())
	b := startInstance(t, url, t.TempDir())
	ctx := context.Background()
	g := guild(t, guildA)
	const q = "Pentagon 3.000 Soldaten"

	rep, err := a.lib.Add(ctx, g, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}})
	if err != nil {
		t.Fatal(err)
	}
	if !hasKind(rep.Alerts, "conflict", "pentagon") {
		t.Errorf("the addition raised %s; want its conflict", kinds(rep.Alerts))
	}
	eventually(t, "B finds A's article", func() bool { return slices.Contains(searchIDs(t, b.lib, g, q), "pentagon") })
	if slices.Contains(searchIDs(t, b.lib, Base, q), "pentagon") {
		t.Error("the base view of B sees guild A's article")
	}
	if err := a.lib.Exclude(ctx, g, "pentagon"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "B excludes it", func() bool { return b.lib.IsExcluded(g, "pentagon") })
	if err := b.lib.Include(ctx, g, "pentagon"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "A includes it again", func() bool { return !a.lib.IsExcluded(g, "pentagon") })
	if err := b.lib.Remove(ctx, g, "pentagon"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "A no longer finds it", func() bool { return !slices.Contains(searchIDs(t, a.lib, g, q), "pentagon") })
	if got := a.lib.Trashed(g); !slices.Equal(got, []string{"pentagon"}) {
		t.Errorf("A's trash = %v", got)
	}
	if _, err := a.lib.Restore(ctx, g, "pentagon"); err != nil {
		t.Fatal(err)
	}
	// Restored once: B's restore of the same article finds it gone.
	if _, err := b.lib.Restore(ctx, g, "pentagon"); claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		t.Errorf("a second restore: %v; want ENOTFOUND", err)
	}
	eventually(t, "B finds the restored article", func() bool { return slices.Contains(searchIDs(t, b.lib, g, q), "pentagon") })
	eventually(t, "B's replica status says caught up at change 5", func() bool {
		st := b.lib.ReplicaStatus()
		return st.Shared && st.Applied == 5 && st.Latest == 5 && st.Lag == 0
	})
	if err := b.lib.CaughtUp(ctx); err != nil {
		t.Errorf("B caught up: %v", err)
	}
}

// TestReplicasDecideTogether: two instances adding at once decide against
// everything committed before: the same page is added once, and a taken
// ID is renamed, although neither instance had heard of the other's
// addition yet.
func TestReplicasDecideTogether(t *testing.T) {
	url := pgserver.NewDatabase(t)
	a := startInstance(t, url, t.TempDir())
	b := startInstance(t, url, t.TempDir())
	b.stop() // B hears of nothing by itself now; it must catch up when it adds
	<-b.done
	ctx := context.Background()
	page := article("Streik in Hamburg", "Die Gewerkschaft meldete am Montag 4.000 Streikende im Hafen.")
	if _, err := a.lib.Add(ctx, Base, []File{page}); err != nil {
		t.Fatal(err)
	}
	rep, err := b.lib.Add(ctx, Base, []File{page})
	if claimbot.ErrorCode(err) != claimbot.ECONFLICT || len(rep.Duplicates) != 1 {
		t.Errorf("the same page through B: %v %+v; want a duplicate", err, rep.Duplicates)
	}
	other := article("Streik in Hamburg", "Ein anderer Text: der Hafenbetreiber zählte 2.500 Streikende.")
	rep, err = b.lib.Add(ctx, Base, []File{other})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Added, []string{"streik-in-hamburg-2"}) {
		t.Errorf("B's article with a taken ID was added as %v; want streik-in-hamburg-2", rep.Added)
	}
}

// TestReplicaRestartCatchesUp: an instance stopped while the other makes
// 100 changes catches up from where it stopped (no rebuild) and then
// answers exactly as the other does.
func TestReplicaRestartCatchesUp(t *testing.T) {
	url := pgserver.NewDatabase(t)
	a := startInstance(t, url, t.TempDir())
	bData := t.TempDir()
	b := startInstance(t, url, bData)
	ctx := context.Background()
	built := b.lib.Stats(Base).IndexBuilt
	b.close()

	g := guild(t, guildB)
	changes := 0
	for i := 0; changes < 100; i++ {
		c := Base
		if i%3 == 1 {
			c = g
		}
		f := article(fmt.Sprintf("Meldung %d", i), fmt.Sprintf("Im Bezirk Nummer%d wurden %d Wohnungen gebaut, meldete das Amt Kennzahl%d.", i, 100+i, i))
		rep, err := a.lib.Add(ctx, c, []File{f})
		if err != nil {
			t.Fatal(err)
		}
		changes++
		id := rep.Added[0]
		switch i % 5 {
		case 2:
			if err := a.lib.Remove(ctx, c, id); err != nil {
				t.Fatal(err)
			}
			changes++
		case 4:
			if err := a.lib.Exclude(ctx, c, id); err != nil {
				t.Fatal(err)
			}
			changes++
		}
	}
	b = startInstance(t, url, bData)
	if err := b.lib.CaughtUp(ctx); err != nil {
		t.Fatalf("right after opening: %v", err)
	}
	if got := b.lib.Stats(Base).IndexBuilt; !got.Equal(built) {
		t.Errorf("the restarted replica rebuilt its index (built %v, before %v); want a catch-up", got, built)
	}
	queries := []string{"Wohnungen gebaut", "Kennzahl7", "Nummer12 Bezirk", "Minenräumer Kursk", "Kennzahl4 Amt"}
	for _, c := range []Collection{Base, g} {
		for _, q := range queries {
			want, got := searchIDs(t, a.lib, c, q), searchIDs(t, b.lib, c, q)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q: restarted replica answers %v; the other instance %v", c, q, got, want)
			}
		}
		if sa, sb := a.lib.Stats(c), b.lib.Stats(c); sa.Articles != sb.Articles || sa.Passages != sb.Passages {
			t.Errorf("%s: stats %+v on the restarted replica, %+v on the other", c, sb, sa)
		}
	}
}

// TestReplicaRebuildsForAnotherArchive: a data directory whose index was
// built from another database is rebuilt from this one, not trusted.
func TestReplicaRebuildsForAnotherArchive(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	first := startInstance(t, pgserver.NewDatabase(t), data)
	if _, err := first.lib.Add(ctx, Base, []File{article("Nur im ersten Archiv", "Hier steht Einzigartigwort.")}); err != nil {
		t.Fatal(err)
	}
	first.close()
	second := startInstance(t, pgserver.NewDatabase(t), data)
	if ids := searchIDs(t, second.lib, Base, "Einzigartigwort"); len(ids) != 0 {
		t.Errorf("an article of another archive is served: %v", ids)
	}
}

// TestWorkerCheckRaisesTheAddersAlerts: the worker's check of a change
// from the log gives the alerts, with the same keys, that the instance
// which added the article raised, whatever was added after it.
func TestWorkerCheckRaisesTheAddersAlerts(t *testing.T) {
	url := pgserver.NewDatabase(t)
	a := startInstance(t, url, t.TempDir())
	w := startInstance(t, url, t.TempDir())
	ctx := context.Background()
	g := guild(t, guildA)
	rep, err := a.lib.Add(ctx, g, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}})
	if err != nil {
		t.Fatal(err)
	}
	// A later article on the same subject: the check of pentagon is as of
	// its own change, so this one is not in it.
	if _, err := a.lib.Add(ctx, g, []File{article("Pentagon korrigiert", "Das Pentagon spricht nun von 9.000 nordkoreanischen Soldaten in Kursk.")}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the worker has both changes", func() bool { return w.lib.ReplicaStatus().Applied >= 2 })
	reps, last, err := w.lib.CheckChanges(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if last != 2 || len(reps) != 2 || reps[0].Collection != g || !slices.Equal(reps[0].Added, []string{"pentagon"}) {
		t.Fatalf("CheckChanges = %d reports up to %d: %+v", len(reps), last, reps)
	}
	keys := func(r Report) []string {
		var out []string
		for _, al := range r.Alerts {
			out = append(out, al.Key())
		}
		slices.Sort(out)
		return out
	}
	if got, want := keys(reps[0]), keys(rep); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("the worker's alerts %v; the adder's %v", got, want)
	}
	if again, last2, _ := w.lib.CheckChanges(ctx, last, 100); len(again) != 0 || last2 != last {
		t.Errorf("checking after the last change: %d reports, up to %d", len(again), last2)
	}
}

// TestImportDataDirectory: an instance that kept its articles in its data
// directory and is then given a new database brings them along, once.
func TestImportDataDirectory(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	local := open(t, Config{DataDir: data})
	g := guild(t, guildA)
	if _, err := local.Add(ctx, g, []File{{Name: "pentagon.md", Data: testdata(t, "pentagon.md")}}); err != nil {
		t.Fatal(err)
	}
	seed := local.Articles(Base)[0].ID
	if err := local.Exclude(ctx, Base, seed); err != nil {
		t.Fatal(err)
	}
	local.Close()
	url := pgserver.NewDatabase(t)
	in := startInstance(t, url, data)
	if !slices.Contains(searchIDs(t, in.lib, g, "Pentagon 3.000 Soldaten"), "pentagon") {
		t.Error("the imported article is not served")
	}
	if !in.lib.IsExcluded(Base, seed) {
		t.Error("the imported exclusion does not hold")
	}
	other := startInstance(t, url, t.TempDir())
	if !slices.Contains(searchIDs(t, other.lib, g, "Pentagon 3.000 Soldaten"), "pentagon") {
		t.Error("another instance does not see the imported article")
	}
	if _, err := os.Stat(filepath.Join(data, "collections", string(g), "added", "pentagon.md")); err != nil {
		t.Errorf("the imported file is gone from the data directory: %v", err)
	}
}

// TestReplicasKeepGuildIDsPrivate: in a shared archive too, guild B's
// article named like guild A's gets the ID B asked for, through either
// instance and in the worker's check of the change log.
func TestReplicasKeepGuildIDsPrivate(t *testing.T) {
	url := pgserver.NewDatabase(t)
	one := startInstance(t, url, t.TempDir())
	two := startInstance(t, url, t.TempDir())
	ctx := context.Background()
	a, b := guild(t, guildA), guild(t, guildB)
	if _, err := one.lib.Add(ctx, a, []File{{Name: "plan.md", Data: []byte("Plan A\n\nDie Firma streicht 300 Stellen in der Verwaltung.\n")}}); err != nil {
		t.Fatal(err)
	}
	rep, err := two.lib.Add(ctx, b, []File{{Name: "plan.md", Data: []byte("Plan B\n\nDer Betrieb entlässt 120 Beschäftigte im Werk Süd.\n")}})
	if err != nil || !slices.Equal(rep.Added, []string{"plan"}) || len(rep.Renamed) != 0 {
		t.Fatalf("B's plan.md through the second instance: %v, added %v renamed %+v; want plan", err, rep.Added, rep.Renamed)
	}
	eventually(t, "the first instance has B's article", func() bool { _, ok := one.lib.Article(b, "plan"); return ok })
	for _, in := range []*instance{one, two} {
		if got, ok := in.lib.Article(b, "plan"); !ok || got.Title != "Plan B" || got.ID != "plan" {
			t.Errorf("B's plan: %q %q %v", got.ID, got.Title, ok)
		}
		if got, ok := in.lib.Article(a, "plan"); !ok || got.Title != "Plan A" {
			t.Errorf("A's plan: %q %v", got.Title, ok)
		}
	}
	reps, _, err := one.lib.CheckChanges(ctx, 0, 100)
	if err != nil || len(reps) != 2 || reps[1].Collection != b || !slices.Equal(reps[1].Added, []string{"plan"}) {
		t.Errorf("the worker's check: %v %+v; want B's addition as plan", err, reps)
	}
}
