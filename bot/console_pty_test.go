//go:build linux || darwin

package bot

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestConsoleOnATerminal drives the console through a pseudo-terminal as a
// person would: it edits a line with the arrow keys, recalls earlier lines
// from the history, and leaves with Ctrl-D.
func TestConsoleOnATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	go io.Copy(out, ptmx)

	history := filepath.Join(t.TempDir(), "history")
	done := make(chan error, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	go func() {
		done <- RunConsole(ctx, Deps{Library: seedLib(), Now: (&clock{now: epoch}).Now}, ConsoleOptions{
			In: tty, Out: tty, Terminal: true, Lang: de, HistoryFile: history,
		})
	}()
	seen := func() string { return stripANSI(out.String()) }
	// waitFor waits until the screen shows want n times; the bound is a
	// deadline for a hung console, not a timing assertion.
	waitFor := func(want string, n int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for strings.Count(seen(), want) < n {
			if time.Now().After(deadline) {
				t.Fatalf("the screen never showed %q %d times:\n%s", want, n, seen())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// waitReady is waitFor, then waits for the prompt after the last
	// want: readline puts the terminal in raw mode before it prints the
	// prompt, and keys typed earlier meet a cooked terminal that echoes
	// arrows as text and reads Ctrl-D itself (seen on a loaded CI host).
	waitReady := func(want string, n int) {
		t.Helper()
		waitFor(want, n)
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := seen()
			if strings.Contains(s[strings.LastIndex(s, want)+len(want):], "> ") {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no prompt after %q:\n%s", want, s)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	typeKeys := func(s string) {
		t.Helper()
		if _, err := ptmx.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	const (
		up    = "\x1b[A"
		left  = "\x1b[D"
		enter = "\r"
		ctrlD = "\x04"
	)
	waitFor("claimbot-Konsole", 1)
	waitFor("> ", 1)

	typeKeys("/stats" + enter)
	waitReady("Artikel: 5", 1)

	// Left arrow moves the cursor: "/stas", one left, "t" makes "/stats".
	typeKeys("/stas" + left + "t" + enter)
	waitReady("Artikel: 5", 2)

	typeKeys("/lang en" + enter)
	waitReady("Language: English", 1)

	// Up arrow twice recalls /stats from the history.
	typeKeys(up + up + enter)
	waitReady("Articles: 5", 1)

	// A number presses a button: /claim shows [1] Next.
	typeKeys("Minenräumer" + enter)
	waitReady("[1] Next", 1)
	typeKeys("1" + enter)
	waitReady("Results 4–4 for", 1)

	typeKeys(ctrlD)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunConsole = %v", err)
		}
	case <-ctx.Done():
		t.Fatalf("Ctrl-D did not end the console:\n%s", seen())
	}
	if strings.Contains(seen(), "^[[A") || strings.Contains(seen(), "[A/") {
		t.Errorf("an arrow key was typed into the line:\n%s", seen())
	}
	data, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	if h := string(data); !strings.Contains(h, "/stats\n") || !strings.Contains(h, "/lang en\n") {
		t.Errorf("history file = %q", h)
	}
}
