package pgserver

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestNewDatabase: each test gets a database of its own on the server.
func TestNewDatabase(t *testing.T) {
	a, b := NewDatabase(t), NewDatabase(t)
	if a == b {
		t.Fatalf("two tests got the same database %q", a)
	}
	ctx := context.Background()
	for _, u := range []string{a, b} {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var name string
		if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
		conn.Close(ctx)
		t.Logf("%s → %s", u, name)
	}
}

func TestWithDatabase(t *testing.T) {
	for in, want := range map[string]string{
		"host=/tmp/x user=u dbname=postgres":   "host=/tmp/x user=u dbname=postgres dbname=t1",
		"postgres://u:p@localhost:5432/db?x=1": "postgres://u:p@localhost:5432/t1?x=1",
	} {
		if got := withDatabase(in, "t1"); got != want {
			t.Errorf("withDatabase(%q) = %q, want %q", in, got, want)
		}
	}
}
