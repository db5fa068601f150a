package index

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
)

// TestOpenLocked: a second Open of a directory in use fails with
// EUNAVAILABLE naming the holder, and succeeds once the holder closed it.
// bbolt's flock is per open file description, so it conflicts within one
// process too, which lets the test play both processes.
func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	opts := Options{LockTimeout: 200 * time.Millisecond}
	first := openIndex(t, dir, opts)
	if err := first.Rebuild(context.Background(), seeds(t)); err != nil {
		t.Fatal(err)
	}

	second, err := Open(context.Background(), dir, opts)
	if err == nil {
		second.Close()
		t.Fatal("second Open of a held index succeeded")
	}
	if code := claimbot.ErrorCode(err); code != claimbot.EUNAVAILABLE {
		t.Fatalf("second Open: %v (code %q), want %s", err, code, claimbot.EUNAVAILABLE)
	}
	msg := claimbot.ErrorMessage(err)
	if want := fmt.Sprintf("pid %d", os.Getpid()); !strings.Contains(msg, want) || !strings.Contains(msg, dir) {
		t.Errorf("message %q does not name the holder (%s) and the directory", msg, want)
	}
	// The failed Open must not have disturbed the holder.
	if ids := hitIDs(t, first, "Kursk", 5); len(ids) == 0 {
		t.Error("the holder finds nothing after a failed second Open")
	}
	if got := genDirs(t, dir); len(got) != 1 {
		t.Errorf("generations after the failed Open: %q, want one", got)
	}

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	third := openIndex(t, dir, opts)
	if third.Stale() {
		t.Error("reopened index is stale")
	}
	if got, want := third.Stats().Articles, len(seeds(t)); got != want {
		t.Errorf("reopened index has %d articles, want %d", got, want)
	}
	if ids := hitIDs(t, third, "Kursk", 5); len(ids) == 0 {
		t.Error("reopened index finds nothing")
	}
}

// TestOpenCancelled: an Open whose context is done returns no index and
// keeps no lock, so the next Open succeeds.
func TestOpenCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ix, err := Open(ctx, dir, Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, context.Canceled) || ix != nil {
		t.Fatalf("Open with a cancelled context = %v, %v; want nil, context.Canceled", ix, err)
	}
	openIndex(t, dir, Options{LockTimeout: 200 * time.Millisecond})
}

// TestRebuildUnderSearch: searches running while the index is rebuilt,
// again and again, all succeed and all find passages.
func TestRebuildUnderSearch(t *testing.T) {
	ix := openIndex(t, t.TempDir(), Options{})
	base := seeds(t)
	// Two corpora of 40 × the seeds (1,280 passages, more than one batch;
	// 10 × with -short), alternated so every rebuild changes every passage ID.
	copies := 40
	if testing.Short() {
		copies = 10
	}
	corpora := [][]articles.Article{synthetic(base, "a", copies), synthetic(base, "b", copies)}
	if err := ix.Rebuild(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	queries := []string{"Nordkorea Soldaten", "100 000", "Shoigu Pyongyang", "Rückeroberung des Gebiets Kursk", "Wolhinien"}

	const searchers, rebuilds = 4, 3
	done := make(chan struct{})
	type tally struct {
		searches int
		problems []string
	}
	tallies := make([]tally, searchers)
	var wg sync.WaitGroup
	for g := range searchers {
		wg.Go(func() {
			tl := &tallies[g]
			for i := 0; ; i++ {
				select {
				case <-done:
					if tl.searches > 0 {
						return
					}
				default:
				}
				q := queries[(g+i)%len(queries)]
				res, err := ix.Search(context.Background(), q, SearchOptions{Limit: 10})
				tl.searches++
				switch {
				case err != nil:
					tl.problems = append(tl.problems, fmt.Sprintf("%q: %v", q, err))
				case len(res.Hits) == 0:
					tl.problems = append(tl.problems, fmt.Sprintf("%q: no hits", q))
				}
			}
		})
	}
	for r := range rebuilds {
		if err := ix.Rebuild(context.Background(), corpora[r%2]); err != nil {
			t.Errorf("rebuild %d: %v", r, err)
		}
	}
	close(done)
	wg.Wait()

	total := 0
	for g, tl := range tallies {
		total += tl.searches
		for _, p := range tl.problems {
			t.Errorf("searcher %d: %s", g, p)
		}
	}
	t.Logf("%d searches during %d rebuilds of %d passages", total, rebuilds, passages(corpora[0]))
	last := corpora[(rebuilds-1)%2]
	if st := ix.Stats(); st.Articles != len(last) || st.Passages != passages(last) {
		t.Errorf("Stats = %d articles, %d passages; want %d, %d", st.Articles, st.Passages, len(last), passages(last))
	}
	if got := genDirs(t, ix.dir); len(got) != 1 {
		t.Errorf("generations after the rebuilds: %q, want one", got)
	}
	for _, id := range hitIDs(t, ix, "Kursk", MaxLimit) {
		if !strings.HasPrefix(id, "syn"+string("ab"[(rebuilds-1)%2])) {
			t.Errorf("hit %s is not from the last corpus", id)
			break
		}
	}
}

// TestRebuildCancelled: a rebuild cancelled at any point before its commit
// leaves the old generation serving, unchanged, and no trace on disk.
func TestRebuildCancelled(t *testing.T) {
	big := synthetic(seeds(t), "big", 60) // 300 articles, more than one batch of passages
	tests := []struct {
		name  string
		after int // Rebuild's ctx.Err calls that pass
	}{
		{"before the first article", 0},
		{"after the first batch", len(big) / 2},
		{"at the commit point", len(big)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ix := openIndex(t, dir, Options{})
			if err := ix.Rebuild(context.Background(), seeds(t)); err != nil {
				t.Fatal(err)
			}
			before := ix.Stats()
			beforeHits := hitIDs(t, ix, "Kursk", MaxLimit)
			beforeGens := genDirs(t, dir)

			err := ix.Rebuild(newTripContext(tt.after, nil), big)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Rebuild = %v, want context.Canceled", err)
			}
			if after := ix.Stats(); after != before {
				t.Errorf("Stats changed: %+v, was %+v", after, before)
			}
			if got := hitIDs(t, ix, "Kursk", MaxLimit); !slices.Equal(got, beforeHits) {
				t.Errorf("Kursk finds %q, was %q", got, beforeHits)
			}
			if got := genDirs(t, dir); !slices.Equal(got, beforeGens) {
				t.Errorf("generations %q, was %q", got, beforeGens)
			}
			// And the old generation is what a restart finds.
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			again := openIndex(t, dir, Options{})
			if again.Stale() || again.Stats().Articles != before.Articles {
				t.Errorf("after reopening: stale %v, %d articles; want %d", again.Stale(), again.Stats().Articles, before.Articles)
			}
		})
	}
}

// Environment of the helper process TestRebuildKilled starts.
const (
	helperDirEnv  = "CLAIMBOT_INDEX_HELPER_DIR"
	helperReady   = "REBUILDING"
	helperCopies  = 200 // 1,000 articles
	helperParkAt  = 500 // articles indexed before the helper says it is rebuilding
	helperTimeout = 2 * time.Minute
)

// TestHelperProcess is not a test: TestRebuildKilled runs the test binary
// again with only this function selected and helperDirEnv set. It opens the
// index there and rebuilds it from a large corpus; half-way through (several
// batches written to the new generation) it prints helperReady and parks
// inside the rebuild until it is killed. Parking rather than racing on makes
// the kill land mid-rebuild every time, not only when the rebuild is slow.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		t.Skip("helper process of TestRebuildKilled")
	}
	ix, err := Open(context.Background(), dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper: open:", err)
		os.Exit(2)
	}
	corpus := synthetic(seeds(t), "killed", helperCopies)
	for {
		ctx := newTripContext(helperParkAt, func() {
			fmt.Println(helperReady)
			os.Stdout.Sync()
			// Parked: killed here. The timeout only ends an orphan.
			time.Sleep(helperTimeout)
			os.Exit(3)
		})
		if err := ix.Rebuild(ctx, corpus); err != nil {
			fmt.Fprintln(os.Stderr, "helper: rebuild:", err)
			os.Exit(2)
		}
	}
}

// TestRebuildKilled: a process killed (SIGKILL) in the middle of a rebuild
// leaves the old generation serving; the next Open removes the abandoned one.
func TestRebuildKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	old := openIndex(t, dir, Options{})
	if err := old.Rebuild(context.Background(), seeds(t)); err != nil {
		t.Fatal(err)
	}
	before := old.Stats()
	beforeHits := hitIDs(t, old, "Kursk", MaxLimit)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperDirEnv+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	t.Cleanup(func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	sc := bufio.NewScanner(stdout)
	ready := false
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == helperReady {
			ready = true
			break
		}
	}
	if !ready {
		cmd.Wait()
		t.Fatalf("helper ended without %s; stderr:\n%s", helperReady, stderr.String())
	}
	abandoned := genDirs(t, dir)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killed = true
	if len(abandoned) < 2 {
		t.Fatalf("generations while the helper rebuilt: %q; want the serving one and the new one", abandoned)
	}

	ix := openIndex(t, dir, Options{LockTimeout: 200 * time.Millisecond})
	if ix.Stale() {
		t.Error("index is stale after the kill; the old generation should serve")
	}
	st := ix.Stats()
	if st.Articles != before.Articles || st.Passages != before.Passages || !st.Built.Equal(before.Built) {
		t.Errorf("Stats after the kill = %+v, want %+v", st, before)
	}
	if got := hitIDs(t, ix, "Kursk", MaxLimit); !slices.Equal(got, beforeHits) {
		t.Errorf("Kursk finds %q after the kill, was %q", got, beforeHits)
	}
	gens := genDirs(t, dir)
	if len(gens) != 1 {
		t.Errorf("generations after reopening: %q; want only the serving one", gens)
	}
	for _, g := range gens {
		if !slices.Contains(abandoned, g) {
			t.Errorf("serving generation %s is new; want the one from before the kill", g)
		}
	}
}

// TestMappingVersion: an index written with another mapping version is not
// read with today's analyzers: Open discards it (Stale) and removes it.
func TestMappingVersion(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, idx bleve.Index)
	}{
		{"older version", setMappingVersion(MappingVersion - 1)},
		{"newer version", setMappingVersion(MappingVersion + 1)},
		{"no meta", func(t *testing.T, idx bleve.Index) {
			if err := idx.DeleteInternal([]byte(keyMeta)); err != nil {
				t.Fatal(err)
			}
		}},
		{"torn meta", func(t *testing.T, idx bleve.Index) {
			if err := idx.SetInternal([]byte(keyMeta), []byte(`{"mapping_version":`)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ix := openIndex(t, dir, Options{})
			if err := ix.Rebuild(context.Background(), seeds(t)); err != nil {
				t.Fatal(err)
			}
			gen := ix.curGen
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			idx, err := bleve.Open(filepath.Join(dir, gen))
			if err != nil {
				t.Fatal(err)
			}
			tt.change(t, idx)
			if err := idx.Close(); err != nil {
				t.Fatal(err)
			}

			again := openIndex(t, dir, Options{})
			if !again.Stale() {
				t.Error("Stale() = false for an index of another mapping")
			}
			if st := again.Stats(); st.Articles != 0 || st.Passages != 0 {
				t.Errorf("Stats = %+v, want an empty index", st)
			}
			if res, err := again.Search(context.Background(), "Kursk", SearchOptions{}); err != nil || len(res.Hits) != 0 {
				t.Errorf("Search = %d hits, %v; want none from the discarded index", len(res.Hits), err)
			}
			if _, err := os.Stat(filepath.Join(dir, gen)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("old generation %s still there (%v)", gen, err)
			}
			if gens := genDirs(t, dir); len(gens) != 1 || gens[0] != again.curGen {
				t.Errorf("generations %q, want only %s", gens, again.curGen)
			}
			// Rebuilding clears Stale, and the state survives a reopen.
			if err := again.Rebuild(context.Background(), seeds(t)); err != nil {
				t.Fatal(err)
			}
			if again.Stale() {
				t.Error("still stale after Rebuild")
			}
		})
	}
}

func setMappingVersion(v int) func(*testing.T, bleve.Index) {
	return func(t *testing.T, idx bleve.Index) {
		data, err := idx.GetInternal([]byte(keyMeta))
		if err != nil {
			t.Fatal(err)
		}
		m := decodeMeta(t, data)
		if _, ok := m["mapping_version"]; !ok {
			t.Fatalf("stored meta %s has no mapping_version", data)
		}
		m["mapping_version"] = v
		data, err = json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := idx.SetInternal([]byte(keyMeta), data); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenNewDirIsStale(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet")
	ix := openIndex(t, dir, Options{})
	if !ix.Stale() {
		t.Error("a new index is not stale")
	}
	if res, err := ix.Search(context.Background(), "Kursk", SearchOptions{}); err != nil || res.Total != 0 {
		t.Errorf("empty index: %d hits, %v", res.Total, err)
	}
}

const quokkaV1 = `Quokkas erobern die Insel Rottnest

Auf der Insel Rottnest leben nach einer Zählung der Parkverwaltung rund 12.345 Quokkas, mehr als je zuvor.

Die Tiere gelten als zutraulich; Besucher:innen dürfen sie trotzdem nicht füttern.

Ein dritter Absatz erwähnt den Leuchtturm von Wadjemup.
`

const quokkaV2 = `Quokkas erobern die Insel Rottnest

Auf der Insel Rottnest leben nach einer neuen Zählung rund 9.800 Kurzschwanzkängurus.

Die Tiere gelten als zutraulich; Besucher:innen dürfen sie trotzdem nicht füttern.
`

// TestUpsertRemove: articles added, changed and removed without a rebuild
// are found, replaced and gone, with the counts kept right, across a reopen.
func TestUpsertRemove(t *testing.T) {
	dir := t.TempDir()
	ix := openIndex(t, dir, Options{})
	base := seeds(t)
	if err := ix.Rebuild(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	baseStats := ix.Stats()
	parse := func(text string) articles.Article {
		t.Helper()
		a, err := articles.Parse("zz-quokka.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	v1, v2 := parse(quokkaV1), parse(quokkaV2)
	if len(v1.Paragraphs) != 3 || len(v2.Paragraphs) != 2 || v1.ID != v2.ID {
		t.Fatalf("parsed %d and %d paragraphs, IDs %q %q; the test expects 3, 2, one ID", len(v1.Paragraphs), len(v2.Paragraphs), v1.ID, v2.ID)
	}
	ctx := context.Background()
	found := func(q string) []string { return hitIDs(t, ix, q, MaxLimit) }
	counts := func(step string, articles, passages int) {
		t.Helper()
		if st := ix.Stats(); st.Articles != articles || st.Passages != passages {
			t.Errorf("%s: Stats = %d articles, %d passages; want %d, %d", step, st.Articles, st.Passages, articles, passages)
		}
	}

	// Add.
	if err := ix.Upsert(ctx, v1); err != nil {
		t.Fatal(err)
	}
	if got := found("Quokka"); !slices.Contains(got, PassageID(v1.ID, 1)) {
		t.Errorf("added article not found: %q", got)
	}
	if got := found("12345 Quokkas"); len(got) == 0 || got[0] != PassageID(v1.ID, 1) {
		t.Errorf("added article not found by its number: %q", got)
	}
	if got := found("Wadjemup"); !slices.Equal(got, []string{PassageID(v1.ID, 3)}) {
		t.Errorf("third paragraph: %q", got)
	}
	counts("after adding", baseStats.Articles+1, baseStats.Passages+3)
	if a, ok := ix.Article(v1.ID); !ok || a.Hash() != v1.Hash() {
		t.Errorf("Article(%q) = %v, stored article differs", v1.ID, ok)
	}

	// Change: the old text, including the dropped paragraph, is gone.
	if err := ix.Upsert(ctx, v2); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"12.345", "Parkverwaltung", "Wadjemup"} {
		if got := found(q); len(got) != 0 {
			t.Errorf("%q still finds %q after the change", q, got)
		}
	}
	if got := found("Kurzschwanzkängurus 9800"); len(got) == 0 || got[0] != PassageID(v2.ID, 1) {
		t.Errorf("changed text not found: %q", got)
	}
	counts("after changing", baseStats.Articles+1, baseStats.Passages+2)
	if m := ix.Manifest()[v2.ID]; m.Hash != v2.Hash() || m.Passages != 2 {
		t.Errorf("manifest entry %+v, want hash of v2 and 2 passages", m)
	}

	// The change survives a reopen.
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = openIndex(t, dir, Options{})
	counts("after reopening", baseStats.Articles+1, baseStats.Passages+2)
	if got := found("Kurzschwanzkängurus"); len(got) == 0 {
		t.Error("changed article lost on reopen")
	}

	// Remove: unknown IDs fail and remove nothing, even beside a known one.
	for _, ids := range [][]string{{"no-such-article"}, {v2.ID, "no-such-article"}} {
		err := ix.Remove(ctx, ids...)
		if code := claimbot.ErrorCode(err); code != claimbot.ENOTFOUND {
			t.Errorf("Remove(%q) = %v (code %q), want %s", ids, err, code, claimbot.ENOTFOUND)
		}
	}
	counts("after failed removes", baseStats.Articles+1, baseStats.Passages+2)
	if err := ix.Remove(ctx, v2.ID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Kurzschwanzkängurus", "Besucher:innen zutraulich"} {
		for _, id := range found(q) {
			if strings.HasPrefix(id, v2.ID+"#") {
				t.Errorf("removed article still found by %q: %s", q, id)
			}
		}
	}
	if _, ok := ix.Article(v2.ID); ok {
		t.Error("removed article still stored")
	}
	counts("after removing", baseStats.Articles, baseStats.Passages)
	if err := ix.Remove(ctx, v2.ID); claimbot.ErrorCode(err) != claimbot.ENOTFOUND {
		t.Errorf("second Remove = %v, want %s", err, claimbot.ENOTFOUND)
	}
}

// TestUpsertSameIDTwice: two versions of one article in one call leave the
// last one, whole.
func TestUpsertSameIDTwice(t *testing.T) {
	ix := seedIndex(t)
	v1, err := articles.Parse("zz-quokka.txt", []byte(quokkaV1))
	if err != nil {
		t.Fatal(err)
	}
	v2, err := articles.Parse("zz-quokka.txt", []byte(quokkaV2))
	if err != nil {
		t.Fatal(err)
	}
	base := ix.Stats()
	if err := ix.Upsert(context.Background(), v1, v2); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(t, ix, "Wadjemup Parkverwaltung", MaxLimit); len(got) != 0 {
		t.Errorf("first version still found: %q", got)
	}
	if st := ix.Stats(); st.Articles != base.Articles+1 || st.Passages != base.Passages+2 {
		t.Errorf("Stats = %+v, want one more article and two more passages than %+v", st, base)
	}
}
