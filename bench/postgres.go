package bench

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/internal/pgserver"
)

// PGServer is a private PostgreSQL cluster (package pgserver), listening
// only on a Unix socket in a temporary directory. Stop removes it.
type PGServer = pgserver.Server

// FindPostgres returns the bin directory of the newest installed server,
// or "" when there is none.
func FindPostgres() string { return pgserver.Find() }

// StartPostgres initialises and starts a throw-away cluster tuned for
// bulk loading and German full-text search.
func StartPostgres(ctx context.Context, bin string, log *slog.Logger) (*PGServer, error) {
	return pgserver.Start(ctx, bin, pgserver.Options{User: "bench", Logger: log, Settings: []string{
		"shared_buffers=256MB", "maintenance_work_mem=512MB", "default_text_search_config=pg_catalog.german",
	}})
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
	cfg, err := pgxpool.ParseConfig(fmt.Sprintf("%s pool_max_conns=%d", srv.URL("postgres"), conns))
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
