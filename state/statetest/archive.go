package statetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

// ArchiveOptions say what an archive under test keeps.
type ArchiveOptions struct {
	// ChangeLog: the archive numbers its changes and returns them from
	// Changes (a shared database's); without it Seq is always 0.
	ChangeLog bool
}

// RunArchive runs the conformance suite of state.Archive. open must return
// a new, empty archive for each call and release it when the test ends.
func RunArchive(t *testing.T, opts ArchiveOptions, open func(t *testing.T) state.Archive) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, ArchiveOptions, state.Archive)
	}{
		{"AddAndSnapshot", testArchiveAdd},
		{"FailedUpdateChangesNothing", testArchiveRollback},
		{"TrashAndRestore", testArchiveTrash},
		{"Exclusions", testArchiveExclusions},
		{"ChangeLog", testArchiveChangeLog},
		{"ConcurrentWritersCommitInOrder", testArchiveConcurrent},
		{"InvalidArguments", testArchiveInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, opts, open(t))
		})
	}
}

func article(coll, id string) state.StoredArticle {
	return state.StoredArticle{Collection: coll, ID: id, File: id + ".md", Data: []byte("---\ntitle: " + id + "\n---\n\nText of " + id + ".\n")}
}

// add adds articles in one update and returns their sequence numbers.
func add(t *testing.T, a state.Archive, arts ...state.StoredArticle) []int64 {
	t.Helper()
	var seqs []int64
	must(t, a.Update(context.Background(), func(tx state.ArchiveTx) error {
		seqs = seqs[:0]
		for _, art := range arts {
			seq, err := tx.Add(art)
			if err != nil {
				return err
			}
			seqs = append(seqs, seq)
		}
		return nil
	}))
	return seqs
}

// Collections as the library names them: the base and guilds'.
const (
	g1c = "guild-1300000000000000001"
	g2c = "guild-1300000000000000002"
	g3c = "guild-1300000000000000003"
)

// ids lists articles as "collection/id ", sorted: Snapshot's order is the
// store's.
func ids(arts []state.StoredArticle) string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Collection+"/"+a.ID+" ")
	}
	sort.Strings(out)
	return strings.Join(out, "")
}

func snapshot(t *testing.T, a state.Archive) state.ArchiveSnapshot {
	t.Helper()
	snap, err := a.Snapshot(context.Background())
	must(t, err)
	return snap
}

func testArchiveAdd(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	id1, err := a.ArchiveID(ctx)
	must(t, err)
	if id2, _ := a.ArchiveID(ctx); id1 == "" || id2 != id1 {
		t.Errorf("ArchiveID = %q then %q; want one non-empty ID", id1, id2)
	}
	if snap := snapshot(t, a); len(snap.Articles) != 0 || snap.Seq != 0 {
		t.Fatalf("empty archive: %+v", snap)
	}
	seqs := add(t, a, article("base", "a1"), article(g1c, "g1"))
	seqs = append(seqs, add(t, a, article(g2c, "g2"))...)
	if o.ChangeLog && fmt.Sprint(seqs) != "[1 2 3]" || !o.ChangeLog && fmt.Sprint(seqs) != "[0 0 0]" {
		t.Errorf("sequence numbers %v", seqs)
	}
	snap := snapshot(t, a)
	if got := ids(snap.Articles); got != "base/a1 "+g1c+"/g1 "+g2c+"/g2 " {
		t.Errorf("snapshot articles = %q", got)
	}
	for _, art := range snap.Articles {
		want := article(art.Collection, art.ID)
		if art.File != want.File || string(art.Data) != string(want.Data) || art.At.IsZero() {
			t.Errorf("stored %+v; want file %s, its data and a time", art, want.File)
		}
	}
	if o.ChangeLog {
		last := int64(0)
		for _, art := range snap.Articles {
			last = max(last, art.Seq)
		}
		if snap.Seq != 3 || last != 3 {
			t.Errorf("snapshot at %d, last article at %d; want 3", snap.Seq, last)
		}
	}
	// An ID is one article's, whichever collection asks.
	err = a.Update(ctx, func(tx state.ArchiveTx) error {
		_, err := tx.Add(article(g3c, "a1"))
		return err
	})
	wantCode(t, "taken ID in another collection", err, claimbot.ECONFLICT)
	// A refused addition can be handled inside the update: the rest commits.
	must(t, a.Update(ctx, func(tx state.ArchiveTx) error {
		if _, err := tx.Add(article("base", "g1")); claimbot.ErrorCode(err) != claimbot.ECONFLICT {
			return fmt.Errorf("taken ID: %v, want ECONFLICT", err)
		}
		_, err := tx.Add(article("base", "a2"))
		return err
	}))
	if got := ids(snapshot(t, a).Articles); got != "base/a1 base/a2 "+g1c+"/g1 "+g2c+"/g2 " {
		t.Errorf("after a handled refusal: %q", got)
	}
	if last, err := a.LastChange(ctx); err != nil || o.ChangeLog && last != 4 || !o.ChangeLog && last != 0 {
		t.Errorf("LastChange = %d, %v", last, err)
	}
}

func testArchiveRollback(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	add(t, a, article("base", "a1"))
	boom := errors.New("boom")
	err := a.Update(ctx, func(tx state.ArchiveTx) error {
		if _, err := tx.Add(article("base", "a2")); err != nil {
			return err
		}
		if _, err := tx.SetExcluded("base", "a1", true); err != nil {
			return err
		}
		if _, err := tx.Trash("base", "a1"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Update returned %v; want fn's error", err)
	}
	snap := snapshot(t, a)
	if ids(snap.Articles) != "base/a1 " || len(snap.Excluded) != 0 {
		t.Errorf("after a failed update: %q, excluded %v; want it unchanged", ids(snap.Articles), snap.Excluded)
	}
	if tr, _ := a.Trashed(ctx, "base"); len(tr) != 0 {
		t.Errorf("trash after a failed update: %q", ids(tr))
	}
	if o.ChangeLog {
		if ch, _ := a.Changes(ctx, 0, 0); len(ch) != 1 {
			t.Errorf("%d changes logged; want the one that committed", len(ch))
		}
	}
	// The failed update's ID is free.
	add(t, a, article("base", "a2"))
}

func testArchiveTrash(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	add(t, a, article(g1c, "x"), article(g1c, "y"), article("base", "b"))
	trash := func(coll, id string) error {
		return a.Update(ctx, func(tx state.ArchiveTx) error { _, err := tx.Trash(coll, id); return err })
	}
	wantCode(t, "trash another collection's article", trash(g2c, "x"), claimbot.ENOTFOUND)
	wantCode(t, "trash an unknown article", trash(g1c, "nope"), claimbot.ENOTFOUND)
	must(t, trash(g1c, "x"))
	if got := ids(snapshot(t, a).Articles); got != "base/b "+g1c+"/y " {
		t.Errorf("after trashing x: %q", got)
	}
	tr, err := a.Trashed(ctx, g1c)
	must(t, err)
	if len(tr) != 1 || tr[0].ID != "x" || tr[0].File != "x.md" || string(tr[0].Data) != string(article(g1c, "x").Data) {
		t.Fatalf("trash = %+v", tr)
	}
	if other, _ := a.Trashed(ctx, g2c); len(other) != 0 {
		t.Errorf("another collection's trash = %q", ids(other))
	}
	wantCode(t, "trash twice", trash(g1c, "x"), claimbot.ENOTFOUND)
	// Restore: add it again and drop the trash copy, in one update.
	must(t, a.Update(ctx, func(tx state.ArchiveTx) error {
		if _, err := tx.Add(tr[0]); err != nil {
			return err
		}
		return tx.DropTrashed(g1c, "x")
	}))
	if got := ids(snapshot(t, a).Articles); got != "base/b "+g1c+"/x "+g1c+"/y " {
		t.Errorf("after restoring x: %q", got)
	}
	if tr, _ := a.Trashed(ctx, g1c); len(tr) != 0 {
		t.Errorf("trash after the restore = %q", ids(tr))
	}
	err = a.Update(ctx, func(tx state.ArchiveTx) error { return tx.DropTrashed(g1c, "x") })
	wantCode(t, "drop from the trash twice", err, claimbot.ENOTFOUND)
	// Trashing again replaces the older copy.
	must(t, trash(g1c, "x"))
	add(t, a, state.StoredArticle{Collection: g1c, ID: "x", File: "x.txt", Data: []byte("Neu\n\nAnders.\n")})
	must(t, trash(g1c, "x"))
	if tr, _ := a.Trashed(ctx, g1c); len(tr) != 1 || tr[0].File != "x.txt" {
		t.Errorf("trash after trashing a newer x = %+v", tr)
	}
}

func testArchiveExclusions(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	set := func(coll, id string, on bool) {
		t.Helper()
		must(t, a.Update(ctx, func(tx state.ArchiveTx) error { _, err := tx.SetExcluded(coll, id, on); return err }))
	}
	set("base", "b2", true)
	set("base", "b1", true)
	set(g1c, "b1", true)
	set(g2c, "g", true)
	set(g2c, "g", false)
	got := snapshot(t, a).Excluded
	if fmt.Sprint(got["base"]) != "[b1 b2]" || fmt.Sprint(got[g1c]) != "[b1]" || len(got[g2c]) != 0 {
		t.Errorf("exclusions = %v", got)
	}
}

func testArchiveChangeLog(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	add(t, a, article("base", "a"), article(g1c, "g"))
	must(t, a.Update(ctx, func(tx state.ArchiveTx) error {
		if _, err := tx.SetExcluded(g1c, "a", true); err != nil {
			return err
		}
		_, err := tx.Trash(g1c, "g")
		return err
	}))
	must(t, a.Update(ctx, func(tx state.ArchiveTx) error {
		_, err := tx.SetExcluded(g1c, "a", false)
		return err
	}))
	changes, err := a.Changes(ctx, 0, 0)
	must(t, err)
	if !o.ChangeLog {
		if len(changes) != 0 {
			t.Errorf("an archive without a change log returned %d changes", len(changes))
		}
		return
	}
	var got []string
	for _, c := range changes {
		s := fmt.Sprintf("%d %s %s/%s", c.Seq, c.Kind, c.Collection, c.ID)
		if c.Article != nil {
			s += " +article"
			if c.Article.ID != c.ID || c.Article.File != c.ID+".md" || c.Article.Seq != c.Seq || len(c.Article.Data) == 0 {
				t.Errorf("change %d carries %+v", c.Seq, c.Article)
			}
		}
		if c.At.IsZero() {
			t.Errorf("change %d has no time", c.Seq)
		}
		got = append(got, s)
	}
	// g was removed since: its "add" no longer carries it.
	want := []string{"1 add base/a +article", "2 add " + g1c + "/g", "3 exclude " + g1c + "/a", "4 remove " + g1c + "/g", "5 include " + g1c + "/a"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("change log =\n%q\nwant\n%q", got, want)
	}
	page, err := a.Changes(ctx, 2, 2)
	must(t, err)
	if len(page) != 2 || page[0].Seq != 3 || page[1].Seq != 4 {
		t.Errorf("Changes(after 2, limit 2) = %+v", page)
	}
	if rest, _ := a.Changes(ctx, 5, 0); len(rest) != 0 {
		t.Errorf("Changes after the last = %+v", rest)
	}
}

// testArchiveConcurrent: writers in parallel each see, as their Seq, a
// state nobody changes under them, and a reader following the log by
// "changes after the last one I applied" meets every change once, in
// order, with no gap: changes commit in sequence order.
func testArchiveConcurrent(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	const writers, each = 6, 5
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				err := a.Update(ctx, func(tx state.ArchiveTx) error {
					before, err := a.LastChange(ctx)
					if err != nil {
						return err
					}
					if before != tx.Seq() {
						return fmt.Errorf("inside Update the archive is at %d, Seq says %d", before, tx.Seq())
					}
					_, err = tx.Add(article("base", fmt.Sprintf("w%d-%d", w, i)))
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	seen := map[int64]bool{}
	var applied int64
	stop := make(chan struct{})
	var readErr error
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		for {
			select {
			case <-stop:
				return
			default:
			}
			changes, err := a.Changes(ctx, applied, 0)
			if err != nil {
				readErr = err
				return
			}
			for _, c := range changes {
				if c.Seq != applied+1 {
					readErr = fmt.Errorf("after change %d the reader got %d: a gap", applied, c.Seq)
					return
				}
				seen[c.Seq] = true
				applied = c.Seq
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-readerDone
	if readErr != nil {
		t.Fatal(readErr)
	}
	snap := snapshot(t, a)
	if len(snap.Articles) != writers*each {
		t.Fatalf("%d articles kept; want %d", len(snap.Articles), writers*each)
	}
	if !o.ChangeLog {
		return
	}
	rest, err := a.Changes(ctx, applied, 0)
	must(t, err)
	for _, c := range rest {
		if c.Seq != applied+1 {
			t.Fatalf("after change %d: %d", applied, c.Seq)
		}
		applied = c.Seq
	}
	if applied != writers*each || snap.Seq != applied {
		t.Errorf("log ends at %d, snapshot at %d; want %d", applied, snap.Seq, writers*each)
	}
}

func testArchiveInvalid(t *testing.T, o ArchiveOptions, a state.Archive) {
	ctx := context.Background()
	tests := []struct {
		name string
		fn   func(tx state.ArchiveTx) error
	}{
		{"add without ID", func(tx state.ArchiveTx) error {
			_, err := tx.Add(state.StoredArticle{Collection: "base", File: "a.md"})
			return err
		}},
		{"add without collection", func(tx state.ArchiveTx) error {
			_, err := tx.Add(state.StoredArticle{ID: "a", File: "a.md"})
			return err
		}},
		{"add without file", func(tx state.ArchiveTx) error {
			_, err := tx.Add(state.StoredArticle{Collection: "base", ID: "a"})
			return err
		}},
		{"add with NUL", func(tx state.ArchiveTx) error { _, err := tx.Add(article("base", "a\x00b")); return err }},
		{"trash without ID", func(tx state.ArchiveTx) error { _, err := tx.Trash("base", ""); return err }},
		{"exclude without collection", func(tx state.ArchiveTx) error { _, err := tx.SetExcluded("", "a", true); return err }},
	}
	for _, tt := range tests {
		wantCode(t, tt.name, a.Update(ctx, tt.fn), claimbot.EINVALID)
	}
	_, err := a.Trashed(ctx, "")
	wantCode(t, "trash of no collection", err, claimbot.EINVALID)
}
