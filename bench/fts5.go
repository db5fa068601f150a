package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite with FTS5

	"github.com/claimbot/claimbot/articles"
)

// FTS5 is the SQLite peer: one row per paragraph in an FTS5 table with the
// unicode61 tokenizer folding diacritics (no German stemming: SQLite has
// none), ranked by bm25, the query an OR of the quoted query words.
type FTS5 struct {
	db   *sql.DB
	Path string
}

// BuildFTS5 creates the database at path (replacing it) and loads arts.
// conns bounds the connections searches may use at once.
func BuildFTS5(ctx context.Context, path string, arts []articles.Article, conns int) (*FTS5, Build, error) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
	ResetPeakRSS()
	start := time.Now()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, Build{}, err
	}
	f := &FTS5{db: db, Path: path}
	fail := func(err error) (*FTS5, Build, error) {
		db.Close()
		return nil, Build{}, err
	}
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE passages USING fts5(id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')`); err != nil {
		return fail(fmt.Errorf("create fts5 table: %w", err))
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO passages(id, text) VALUES (?, ?)`)
	if err != nil {
		tx.Rollback()
		return fail(err)
	}
	n := 0
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			if _, err := stmt.ExecContext(ctx, fmt.Sprintf("%s#%d", a.ID, p.N), p.Text); err != nil {
				tx.Rollback()
				return fail(err)
			}
			n++
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO passages(passages) VALUES ('optimize')`); err != nil {
		return fail(fmt.Errorf("fts5 optimize: %w", err))
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fail(err)
	}
	st := Build{Passages: n, Took: time.Since(start), DiskBytes: FileSize(path)}
	st.PeakRSS, _ = PeakRSS()
	if conns < 1 {
		conns = 1
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	return f, st, nil
}

// Name implements Engine.
func (f *FTS5) Name() string { return "sqlite-fts5" }

// FTS5Query is the MATCH expression for a claim: the words, each quoted
// (so FTS5 syntax in them is literal; a word its tokenizer splits, like
// "100.000", becomes a phrase), joined with OR.
func FTS5Query(q string) string {
	words := QueryWords(q)
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(words, " OR ")
}

// Search implements Engine.
func (f *FTS5) Search(ctx context.Context, q string, k int) ([]string, error) {
	m := FTS5Query(q)
	if m == "" {
		return nil, nil
	}
	rows, err := f.db.QueryContext(ctx, `SELECT text FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?`, m, k)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Close implements Engine.
func (f *FTS5) Close() error { return f.db.Close() }
