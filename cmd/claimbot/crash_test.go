package main

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// Crash tests: a real child process (this test binary, re-executed to run
// TestHelperCrashChild) works on a data directory and is killed with
// SIGKILL in the middle of a re-index or of adding an article. The parent
// then reopens the directory: the index answers, the state database is
// intact, and the interrupted work is either done or cleanly absent, never
// half there.

const (
	crashModeEnv     = "CLAIMBOT_CRASH_CHILD"
	crashDataEnv     = "CLAIMBOT_CRASH_DATA"
	crashArticlesEnv = "CLAIMBOT_CRASH_ARTICLES"
	crashBigEnv      = "CLAIMBOT_CRASH_BIG"

	// bigToken is in every paragraph of the big article and nowhere else.
	bigToken    = "Zeitlupenprotokoll"
	bigParas    = 450 // ~190,000 characters: under articles.MaxTextRunes, slow enough to kill mid-add
	crashGuild  = "1290000000000000123"
	crashChan   = "1290000000000000124"
	crashAlert  = "pending-alert-key"
	synthetic   = 40 // generated articles beside the seeds
	syntheticPs = 30 // paragraphs each
)

// TestHelperCrashChild is the child process, not a test of its own: it
// runs only when the parent sets CLAIMBOT_CRASH_CHILD. It prints a line
// when it reaches the work the parent kills it in.
func TestHelperCrashChild(t *testing.T) {
	mode := os.Getenv(crashModeEnv)
	if mode == "" {
		t.Skip("helper process for TestCrash*")
	}
	ctx := context.Background()
	data := os.Getenv(crashDataEnv)
	lib, err := library.Open(ctx, library.Config{DataDir: data, Articles: os.DirFS(os.Getenv(crashArticlesEnv)), ArticlesLabel: "test corpus"})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	st, err := boltstate.Open(filepath.Join(data, "state.db"))
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	// State writes keep going during the work, so the kill can land in
	// one of them too.
	go func() {
		for i := 0; ; i++ {
			st.AppendAudit(ctx, state.AuditEntry{GuildID: crashGuild, UserID: "u", Action: "tick", Detail: fmt.Sprint(i)})
		}
	}()
	switch mode {
	case "reindex":
		fmt.Println("WORKING")
		for {
			if _, err := lib.Reindex(ctx); err != nil {
				fmt.Println("ERROR", err)
				os.Exit(3)
			}
			fmt.Println("DONE")
		}
	case "add":
		big, err := os.ReadFile(os.Getenv(crashBigEnv))
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		fmt.Println("WORKING")
		if _, err := lib.Add(ctx, library.Base, []library.File{{Name: "zeitlupe.md", Data: big}}); err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		fmt.Println("DONE")
		select {}
	}
	os.Exit(3)
}

// crashFixture is a data directory with a built index over the seeds and
// generated articles, and state worth keeping.
type crashFixture struct {
	data, arts, big string
	bigParas        int // passages of the big article that carry bigToken
	bigAll          int // all passages of the big article
	stats           library.Stats
}

func newCrashFixture(t *testing.T) crashFixture {
	t.Helper()
	f := crashFixture{data: filepath.Join(t.TempDir(), "data"), arts: t.TempDir(), big: filepath.Join(t.TempDir(), "zeitlupe.md")}
	var seedParas []string
	err := fs.WalkDir(articles.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(articles.Default(), p)
		if err != nil {
			return err
		}
		a, err := articles.Parse(filepath.Base(p), raw)
		if err != nil {
			return err
		}
		for _, para := range a.Paragraphs {
			seedParas = append(seedParas, para.Text)
		}
		return os.WriteFile(filepath.Join(f.arts, filepath.Base(p)), raw, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < synthetic; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Synthetischer Bericht Nummer %d\n\n", i)
		for j := 0; j < syntheticPs; j++ {
			fmt.Fprintf(&b, "Kennwort%d: %s\n\n", i, seedParas[(i*syntheticPs+j)%len(seedParas)])
		}
		if err := os.WriteFile(filepath.Join(f.arts, fmt.Sprintf("%03d_synth.txt", 100+i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Das Zeitlupenprotokoll\npublisher: Testpost\npublished: 2025-01-02\n---\n\n")
	for j := 0; j < bigParas; j++ {
		fmt.Fprintf(&b, "Absatz %d im %s: %s\n\n", j+1, bigToken, seedParas[j%len(seedParas)])
	}
	if err := os.WriteFile(f.big, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	parsed, err := articles.Parse("zeitlupe.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	// Count the paragraphs the search for the token finds: seed passages
	// with bullet lists become paragraphs of their own, without the token
	// (and the title, which has it, is not searched).
	f.bigAll = len(parsed.Paragraphs)
	for _, p := range parsed.Paragraphs {
		if strings.Contains(p.Text, bigToken) {
			f.bigParas++
		}
	}

	ctx := context.Background()
	lib := f.open(t)
	f.stats = lib.Stats(library.Base)
	lib.Close()
	st, err := boltstate.Open(filepath.Join(f.data, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetGuildSettings(ctx, crashGuild, state.GuildSettings{AlertChannelID: crashChan}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ClaimAndEnqueueAlert(ctx, state.PendingAlert{GuildID: crashGuild, AlertKey: crashAlert, ChannelID: crashChan, Payload: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f crashFixture) open(t *testing.T) *library.Library {
	t.Helper()
	lib, err := library.Open(context.Background(), library.Config{DataDir: f.data, Articles: os.DirFS(f.arts), ArticlesLabel: "test corpus", LockTimeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("reopening the library after the crash: %v", err)
	}
	return lib
}

// runAndKill starts the child in mode, waits for its WORKING line, lets it
// work for a while (the kill point), and kills it with SIGKILL. It reports
// whether the child finished the work before the kill, and how long the
// work took if it did.
func (f crashFixture) runAndKill(t *testing.T, mode string, after time.Duration) (finished bool, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashModeEnv+"="+mode, crashDataEnv+"="+f.data, crashArticlesEnv+"="+f.arts, crashBigEnv+"="+f.big)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for line := range lines {
		if strings.HasPrefix(line, "ERROR") {
			t.Fatalf("child: %s", line)
		}
		if line == "WORKING" {
			break
		}
	}
	start := time.Now()
	// The kill point: a varied time into the work. Nothing is asserted
	// about time; the invariants below hold at any point.
	wait := after
	if wait < 0 {
		wait = time.Minute
	}
	timer := time.NewTimer(wait)
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				break wait
			}
			if line == "DONE" && !finished {
				finished, took = true, time.Since(start)
				if after < 0 {
					break wait // calibrating: kill at once
				}
			}
		case <-timer.C:
			break wait
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	go func() {
		for range lines {
		}
	}()
	return finished, took
}

// killPoints are times into the work to kill the child at: the work is
// timed once without a kill, then cut at fractions of that time, from the
// very start to just before the end. Nothing is asserted about time; the
// invariants hold at any point.
func (f crashFixture) killPoints(t *testing.T, mode string) []time.Duration {
	t.Helper()
	finished, took := f.runAndKill(t, mode, -1)
	if !finished {
		t.Fatal("calibration: the child never finished its work")
	}
	var out []time.Duration
	for _, frac := range []float64{0, 0.2, 0.45, 0.7, 0.9, 1.1} {
		out = append(out, time.Duration(frac*float64(took)))
	}
	t.Logf("%s takes %s in the child; killing at %v", mode, took, out)
	return out
}

// checkState: the state database opens and kept what was there.
func (f crashFixture) checkState(t *testing.T) {
	t.Helper()
	st, err := boltstate.Open(filepath.Join(f.data, "state.db"))
	if err != nil {
		t.Fatalf("state after the crash: %v", err)
	}
	defer st.Close()
	ctx := context.Background()
	if s, err := st.GuildSettings(ctx, crashGuild); err != nil || s.AlertChannelID != crashChan {
		t.Errorf("guild settings after the crash: %+v, %v", s, err)
	}
	pending, err := st.PendingAlerts(ctx, 0)
	if err != nil || len(pending) != 1 || pending[0].AlertKey != crashAlert {
		t.Errorf("outbox after the crash: %+v, %v", pending, err)
	}
	if _, err := st.Audit(ctx, crashGuild, 5); err != nil {
		t.Errorf("audit log after the crash: %v", err)
	}
}

func search(t *testing.T, lib *library.Library, q string) index.Result {
	t.Helper()
	res, err := lib.Search(context.Background(), library.Base, q, index.SearchOptions{Limit: 1})
	if err != nil {
		t.Fatalf("search %q after the crash: %v", q, err)
	}
	return res
}

func TestCrashDuringReindex(t *testing.T) {
	skipCrash(t)
	t.Parallel()
	f := newCrashFixture(t)
	// Each round adds an article to the corpus for the re-index to pick
	// up: after the kill, the index has the old generation (without it) or
	// the new one (with all of it).
	const freshParas = 40
	// Words far apart, so the search's fuzzy matching of unknown words
	// cannot find one for another.
	words := []string{"Apfelkuchen", "Leuchtturm", "Segelboot", "Zitronenfalter", "Wolkenkratzer", "Kaffeemaschine", "Gartenzwerg", "Schneemann"}
	addFresh := func(round int) string {
		token := words[round]
		var b strings.Builder
		fmt.Fprintf(&b, "Frischer Artikel %d\n\n", round)
		for j := 0; j < freshParas; j++ {
			fmt.Fprintf(&b, "Absatz %d über das %s und die Soldaten.\n\n", j, token)
		}
		if err := os.WriteFile(filepath.Join(f.arts, fmt.Sprintf("9%02d_frisch.txt", round)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return token
	}
	addFresh(0)
	points := f.killPoints(t, "reindex")
	lib := f.open(t)
	base := lib.Stats(library.Base) // with round 0's article, from the calibration
	lib.Close()
	prev := base
	for round, after := range points {
		token := addFresh(round + 1)
		finished, _ := f.runAndKill(t, "reindex", after)
		lib := f.open(t)
		st := lib.Stats(library.Base)
		got := search(t, lib, token).Total
		switch got {
		case 0:
			if finished {
				t.Errorf("killed %s in: the child finished the re-index, but the new article is not indexed", after)
			}
			if st.Articles != prev.Articles || st.Passages != prev.Passages {
				t.Errorf("killed %s in: the old generation should serve, stats %+v; want %+v", after, st, prev)
			}
		case freshParas:
			// The new generation has every article written so far.
			if st.Articles != base.Articles+round+1 || st.Passages != base.Passages+(round+1)*freshParas {
				t.Errorf("killed %s in: new generation with stats %+v; want %d articles, %d passages",
					after, st, base.Articles+round+1, base.Passages+(round+1)*freshParas)
			}
		default:
			t.Errorf("killed %s in: %d of %d passages of the new article: half a re-index", after, got, freshParas)
		}
		if res := search(t, lib, "Minenräumer Kursk"); len(res.Hits) == 0 {
			t.Errorf("killed %s in: the index does not answer", after)
		}
		if res := search(t, lib, fmt.Sprintf("Kennwort%d", synthetic/2)); res.Total != syntheticPs {
			t.Errorf("killed %s in: %d passages of a generated article; want %d", after, res.Total, syntheticPs)
		}
		prev = st
		lib.Close()
		f.checkState(t)
		t.Logf("killed %s in: finished=%v new generation=%v", after, finished, got > 0)
	}
	entries, _ := os.ReadDir(filepath.Join(f.data, "index"))
	gens := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "gen-") {
			gens++
		}
	}
	if gens != 1 {
		t.Errorf("%d index generations left on disk; abandoned ones should be removed on open", gens)
	}
}

func TestCrashDuringAdd(t *testing.T) {
	skipCrash(t)
	t.Parallel()
	points := newCrashFixture(t).killPoints(t, "add")
	for _, after := range points {
		t.Run(after.Round(time.Millisecond).String(), func(t *testing.T) {
			f := newCrashFixture(t)
			finished, _ := f.runAndKill(t, "add", after)
			lib := f.open(t)
			closed := false
			defer func() {
				if !closed {
					lib.Close()
				}
			}()
			st := lib.Stats(library.Base)
			got := int(search(t, lib, bigToken).Total)
			switch {
			case got == 0:
				if finished {
					t.Error("the child reported the article added, but it is gone")
				}
				if st.Articles != f.stats.Articles || st.Passages != f.stats.Passages {
					t.Errorf("article absent but stats %+v; want %+v", st, f.stats)
				}
			case got == f.bigParas:
				if st.Articles != f.stats.Articles+1 || st.Passages != f.stats.Passages+f.bigAll {
					t.Errorf("article present but stats %+v", st)
				}
			default:
				t.Fatalf("half an article: %d of %d passages indexed", got, f.bigParas)
			}
			// The kept file is the article's record: whatever the index
			// had, the next re-index makes index and files agree.
			kept := len(glob(t, filepath.Join(f.data, "collections", "base", "added", "zeitlupe.*"))) > 0
			if got == f.bigParas && !kept {
				t.Error("indexed, but the article file was not kept")
			}
			if _, err := lib.Reindex(context.Background()); err != nil {
				t.Fatal(err)
			}
			reindexed := int(search(t, lib, bigToken).Total)
			if kept && reindexed != f.bigParas || !kept && reindexed != 0 {
				t.Errorf("after a re-index: %d passages with the file kept=%v", reindexed, kept)
			}
			lib.Close()
			closed = true
			f.checkState(t)
			t.Logf("killed %s in: finished=%v indexed=%v kept=%v", after, finished, got > 0, kept)
		})
	}
}

// skipCrash skips the crash tests in -short mode and under the race
// detector: they kill processes at points in their I/O, which the race
// detector has nothing to add to but makes ten times slower (go test ./...
// runs them).
func skipCrash(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts child processes")
	}
	if raceEnabled {
		t.Skip("crash tests run without -race")
	}
}

func glob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
