// Package pgserver starts throw-away PostgreSQL clusters from the server
// binaries Debian's postgresql package installs: initdb into a temporary
// directory, pg_ctl start listening only on a Unix socket there. claimbench
// uses one to compare PostgreSQL's full-text search, and the tests of the
// PostgreSQL store and of several bot instances use one as their database
// (testing.go), so neither needs a server set up beforehand.
package pgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Server is a private PostgreSQL cluster in a temporary directory,
// listening only on a Unix socket there. Stop removes it.
type Server struct {
	bin   string
	dir   string
	data  string
	runAs string // "" or the system user the server runs as (root may not)
	log   *slog.Logger
	// Socket is the directory of the server's Unix socket (the host in a
	// connection string); User is the superuser, who needs no password.
	Socket, User string
}

// Find returns the bin directory of the newest installed server, or ""
// when there is none.
func Find() string {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "initdb")); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func version(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

// Options configure Start.
type Options struct {
	// User is the superuser's name (default "claimbot").
	User string
	// Settings are extra server settings ("name=value"), after the
	// defaults: no durability (fsync, synchronous_commit and
	// full_page_writes off: a throw-away cluster needs none) and 200
	// connections.
	Settings []string
	Logger   *slog.Logger
}

// Start initialises and starts a throw-away cluster with the server in
// bin (Find). As root it runs the server as the postgres system user, since
// PostgreSQL refuses to run as root.
func Start(ctx context.Context, bin string, opts Options) (*Server, error) {
	if opts.User == "" {
		opts.User = "claimbot"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp("", "claimbot-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, dir: dir, data: filepath.Join(dir, "data"), Socket: dir, User: opts.User, log: opts.Logger}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, errors.New("running as root and there is no postgres user to run the server as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.runAs = "postgres"
	}
	if out, err := s.pg(ctx, "initdb", "-D", s.data, "-U", opts.User, "-A", "trust", "-E", "UTF8",
		"--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %w: %s", err, out)
	}
	settings := append([]string{
		"listen_addresses=''", "max_connections=200", "fsync=off", "synchronous_commit=off", "full_page_writes=off",
	}, opts.Settings...)
	args := []string{"-k " + dir}
	for _, kv := range settings {
		args = append(args, "-c "+kv)
	}
	if out, err := s.pg(ctx, "pg_ctl", "-D", s.data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", strings.Join(args, " "), "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %w: %s%s", err, out, log)
	}
	return s, nil
}

func (s *Server) pg(ctx context.Context, prog string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, prog)
	var cmd *exec.Cmd
	if s.runAs != "" {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", s.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, path, args...)
	}
	cmd.Dir = s.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// URL is the connection string of a database on the server.
func (s *Server) URL(dbname string) string {
	return fmt.Sprintf("host=%s user=%s dbname=%s", s.Socket, s.User, dbname)
}

// Version is the server's version string.
func (s *Server) Version(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, filepath.Join(s.bin, "postgres"), "--version").Output()
	if err != nil {
		return "PostgreSQL"
	}
	return strings.TrimSpace(string(out))
}

// Stop shuts the server down and deletes the cluster.
func (s *Server) Stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := s.pg(ctx, "pg_ctl", "-D", s.data, "-m", "fast", "-w", "stop")
	if err != nil {
		s.log.Warn("pg_ctl stop", "err", err, "out", string(out))
	}
	if rerr := os.RemoveAll(s.dir); err == nil {
		err = rerr
	}
	return err
}
