package pgserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Environment variables the tests read.
const (
	// EnvURL names a server the tests may create databases on; without it
	// they start a private cluster from the installed server binaries.
	EnvURL = "CLAIMBOT_TEST_DATABASE_URL"
	// EnvRequire set to 1 (CI) turns "no PostgreSQL here" from a skip into
	// a failure, so the PostgreSQL tests can never pass by not running.
	EnvRequire = "CLAIMBOT_REQUIRE_POSTGRES"
)

// shared is the server the tests of one test binary use, started on first
// use and stopped by Main.
var shared struct {
	mu      sync.Mutex
	main    bool    // Main is running the tests
	started bool    // a start was tried
	srv     *Server // the private cluster, if one was started
	admin   string  // URL of a database to create the others from
	err     error   // why there is no server
}

// Main runs the tests and then stops the cluster they started, if any.
// Every package whose tests call NewDatabase calls it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(pgserver.Main(m)) }
func Main(m *testing.M) int {
	shared.mu.Lock()
	shared.main = true
	shared.mu.Unlock()
	code := m.Run()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.srv != nil {
		if err := shared.srv.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgserver: stopping the test cluster:", err)
		}
		shared.srv = nil
	}
	return code
}

// NewDatabase returns the connection string of a new, empty database for
// one test, dropped when the test ends. The server is CLAIMBOT_TEST_DATABASE_URL's,
// or a private cluster started from the installed PostgreSQL (Debian's
// postgresql package). Without either the test is skipped, saying so, or
// fails when CLAIMBOT_REQUIRE_POSTGRES=1.
func NewDatabase(t testing.TB) string {
	t.Helper()
	admin, err := server()
	if err != nil {
		msg := fmt.Sprintf("no PostgreSQL to test with: %v (install Debian's postgresql package, or set %s)", err, EnvURL)
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("%s; %s=1 requires it", msg, EnvRequire)
		}
		t.Skipf("PostgreSQL tests skipped: %s; %s=1 makes this a failure", msg, EnvRequire)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	name := "claimbot_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Logf("dropping test database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Logf("dropping test database %s: %v", name, err)
		}
	})
	return withDatabase(admin, name)
}

// server returns the admin URL, starting the private cluster once.
func server() (string, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.started {
		return shared.admin, shared.err
	}
	shared.started = true
	if u := os.Getenv(EnvURL); u != "" {
		shared.admin = u
		return u, nil
	}
	if !shared.main {
		// A cluster started without Main would outlive the tests.
		shared.err = fmt.Errorf("the package's TestMain does not call pgserver.Main")
		return "", shared.err
	}
	bin := Find()
	if bin == "" {
		shared.err = fmt.Errorf("no initdb and pg_ctl found (in PATH or /usr/lib/postgresql/*/bin)")
		return "", shared.err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv, err := Start(ctx, bin, Options{})
	if err != nil {
		shared.err = err
		return "", err
	}
	shared.srv = srv
	shared.admin = srv.URL("postgres")
	return shared.admin, nil
}

// withDatabase is the connection string admin with another database.
func withDatabase(admin, name string) string {
	if strings.HasPrefix(admin, "postgres://") || strings.HasPrefix(admin, "postgresql://") {
		if u, err := url.Parse(admin); err == nil {
			u.Path = "/" + name
			return u.String()
		}
	}
	// Keyword/value form: a later keyword overrides an earlier one.
	return admin + " dbname=" + name
}
