package bench

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

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/claimbot/claimbot/articles"
)

// PGServer is a private PostgreSQL cluster in a temporary directory,
// listening only on a unix socket there. Stop removes it.
type PGServer struct {
	bin    string
	dir    string
	data   string
	runAs  string // "" or the system user the server runs as (root may not)
	log    *slog.Logger
	Socket string
}

// FindPostgres returns the bin directory of the newest installed server,
// or "" when there is none.
func FindPostgres() string {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "initdb")); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func pgVersion(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

// StartPostgres initialises and starts a throw-away cluster. As root it
// runs the server as the postgres system user, since PostgreSQL refuses to
// run as root.
func StartPostgres(ctx context.Context, bin string, log *slog.Logger) (*PGServer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp("", "claimbench-pg-")
	if err != nil {
		return nil, err
	}
	s := &PGServer{bin: bin, dir: dir, data: filepath.Join(dir, "data"), Socket: dir, log: log}
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
	if out, err := s.pg(ctx, "initdb", "-D", s.data, "-U", "bench", "-A", "trust", "-E", "UTF8",
		"--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %w: %s", err, out)
	}
	opts := strings.Join([]string{
		"-k " + dir, "-c listen_addresses=''", "-c max_connections=200", "-c shared_buffers=256MB",
		"-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c maintenance_work_mem=512MB",
		"-c default_text_search_config=pg_catalog.german",
	}, " ")
	if out, err := s.pg(ctx, "pg_ctl", "-D", s.data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", opts, "start"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %w: %s", err, out)
	}
	return s, nil
}

func (s *PGServer) pg(ctx context.Context, prog string, args ...string) ([]byte, error) {
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

// Version is the server's version string.
func (s *PGServer) Version(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, filepath.Join(s.bin, "postgres"), "--version").Output()
	if err != nil {
		return "PostgreSQL"
	}
	return strings.TrimSpace(string(out))
}

// Stop shuts the server down and deletes the cluster.
func (s *PGServer) Stop() error {
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

// Postgres is the PostgreSQL peer: one row per paragraph with a stored
// to_tsvector('german', text) column and a GIN index on it, ranked by
// ts_rank_cd. Mode "or" ORs the query words through to_tsquery; "and" is
// plainto_tsquery (all words must match).
type Postgres struct {
	pool *pgxpool.Pool
	Mode string
}

// BuildPostgres loads arts into a fresh table of srv's cluster.
func BuildPostgres(ctx context.Context, srv *PGServer, arts []articles.Article, conns int) (*Postgres, Build, error) {
	if conns < 4 {
		conns = 4
	}
	cfg, err := pgxpool.ParseConfig(fmt.Sprintf("host=%s user=bench dbname=postgres pool_max_conns=%d", srv.Socket, conns))
	if err != nil {
		return nil, Build{}, err
	}
	// A level that runs out of time cancels its queries. pgx's default
	// only drops the connection, and the server goes on running the query,
	// so at 128 clients the next level would start on a busy server; a
	// cancel request stops the query.
	cfg.ConnConfig.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: 5 * time.Second}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, Build{}, err
	}
	fail := func(err error) (*Postgres, Build, error) {
		pool.Close()
		return nil, Build{}, err
	}
	start := time.Now()
	for _, q := range []string{
		`DROP TABLE IF EXISTS passages`,
		`CREATE TABLE passages (id text PRIMARY KEY, text text NOT NULL,
		  tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', text)) STORED)`,
	} {
		if _, err := pool.Exec(ctx, q); err != nil {
			return fail(fmt.Errorf("%s: %w", q, err))
		}
	}
	var rows [][]any
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			rows = append(rows, []any{fmt.Sprintf("%s#%d", a.ID, p.N), p.Text})
		}
	}
	if _, err := pool.CopyFrom(ctx, pgx.Identifier{"passages"}, []string{"id", "text"}, pgx.CopyFromRows(rows)); err != nil {
		return fail(fmt.Errorf("copy: %w", err))
	}
	for _, q := range []string{
		`CREATE INDEX passages_tsv ON passages USING gin (tsv)`,
		`VACUUM ANALYZE passages`,
	} {
		if _, err := pool.Exec(ctx, q); err != nil {
			return fail(fmt.Errorf("%s: %w", q, err))
		}
	}
	st := Build{Passages: len(rows), Took: time.Since(start)}
	var size int64
	if err := pool.QueryRow(ctx, `SELECT pg_total_relation_size('passages')`).Scan(&size); err == nil {
		st.DiskBytes = size
	}
	return &Postgres{pool: pool, Mode: "or"}, st, nil
}

// WithMode returns the same table searched another way ("or", "and").
func (p *Postgres) WithMode(mode string) *Postgres { return &Postgres{pool: p.pool, Mode: mode} }

// Name implements Engine.
func (p *Postgres) Name() string {
	if p.Mode == "and" {
		return "postgres-and"
	}
	return "postgres"
}

// PGOrQuery is the to_tsquery text ORing the query words, each quoted so
// tsquery operators in them are literal; to_tsquery still stems each word
// and drops stop words.
func PGOrQuery(q string) string {
	words := QueryWords(q)
	var parts []string
	for _, w := range words {
		w = strings.NewReplacer(`'`, "", `\`, "").Replace(w)
		if w != "" {
			parts = append(parts, "'"+w+"'")
		}
	}
	return strings.Join(parts, " | ")
}

const (
	pgSearchOr  = `SELECT text FROM passages, to_tsquery('german', $1) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT $2`
	pgSearchAnd = `SELECT text FROM passages, plainto_tsquery('german', $1) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT $2`
)

// Search implements Engine.
func (p *Postgres) Search(ctx context.Context, q string, k int) ([]string, error) {
	sqlText, arg := pgSearchOr, PGOrQuery(q)
	if p.Mode == "and" {
		sqlText, arg = pgSearchAnd, q
	}
	if arg == "" {
		return nil, nil
	}
	rows, err := p.pool.Query(ctx, sqlText, arg, k)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// Close implements Engine; it closes the pool shared with WithMode copies.
func (p *Postgres) Close() error {
	p.pool.Close()
	return nil
}
