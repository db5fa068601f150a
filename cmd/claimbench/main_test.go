package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary play the cold-start child: the benchmark
// re-executes its own binary, which under go test is this one.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && (os.Args[1] == "coldstart" || os.Args[1] == "e2e") {
		if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func noEnv(string) string { return "" }

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "no command"},
		{"unknown", []string{"bogus"}, "unknown command"},
		{"gen without out", []string{"gen", "--articles", "3"}, "--out"},
		{"bad prose", []string{"gen", "--out", "x", "--prose", "klingon"}, "--prose"},
		{"bad clients", []string{"run", "--clients", "8,zero"}, "--clients"},
		{"negative quality budget", []string{"run", "--quality-budget", "-1s"}, "--quality-budget"},
		{"zero level timeout", []string{"run", "--level-timeout", "0s"}, "--level-timeout"},
		{"coldstart without index", []string{"coldstart"}, "--index"},
		{"e2e without data", []string{"e2e"}, "--data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(t.Context(), tt.args, noEnv, strings.NewReader(""), &out, &errb)
			var ue usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a usage error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestGen(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	err := run(t.Context(), []string{"gen", "--articles", "4", "--seed", "2", "--out", dir, "--prose", "seeds"}, noEnv, nil, &out, &errb)
	if err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 4 || !strings.Contains(out.String(), "wrote 4 articles") {
		t.Errorf("%d files; output %q", len(files), out.String())
	}
}

// TestRunSmall runs the whole benchmark on a tiny corpus with the FTS5
// peer, including the cold start in a re-executed process, and checks that
// every section is reported. It asserts no timing.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds indexes; skipped with -short")
	}
	var out, errb bytes.Buffer
	args := []string{"run", "--articles", "15", "--prose", "seeds", "--peers", "fts5", "--clients", "2",
		"--queries", "10", "--single", "20", "--level-queries", "20", "--work", t.TempDir()}
	if err := run(t.Context(), args, noEnv, nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	report := out.String()
	for _, want := range []string{"### Build", "| bleve |", "| sqlite-fts5 |", "### Latency", "### Retrieval quality",
		"Cold start (exec → first answer", "/claim end to end (bot.HTTPHandler", "| /claim e2e | 1 |", "### Targets", "seed articles only",
		"### Where the time went", "| bleve: build |", "| sqlite-fts5: quality |", "| /claim e2e (fresh process", "| **run took** |"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}
