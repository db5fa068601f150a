package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state/pgstate"
)

type app struct {
	cfg            Config
	guild          string // --guild: the guild collection the command works on ("" the base)
	logger         *slog.Logger
	stdin          io.Reader
	stdout, stderr io.Writer

	// The PostgreSQL store with CLAIMBOT_DATABASE_URL, opened on first
	// use (shared.go).
	dbOnce sync.Once
	db     *pgstate.Store
	dbErr  error
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	format := cfg.LogFormat
	if format == "" {
		format = "json"
		if f, ok := w.(*os.File); ok && isTerminal(f) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// isTerminalIO reports whether a reader or writer is a terminal.
func isTerminalIO(v any) bool {
	f, ok := v.(*os.File)
	return ok && isTerminal(f)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (a *app) openLibrary(ctx context.Context) (*library.Library, error) {
	cfg := library.Config{DataDir: a.cfg.DataDir, Logger: a.logger}
	if a.cfg.ArticlesDir != "" {
		st, err := os.Stat(a.cfg.ArticlesDir)
		if err != nil || !st.IsDir() {
			return nil, &ConfigError{"CLAIMBOT_ARTICLES", fmt.Sprintf("%q is not a directory", a.cfg.ArticlesDir)}
		}
		cfg.Articles = os.DirFS(a.cfg.ArticlesDir)
		cfg.ArticlesLabel = a.cfg.ArticlesDir
	}
	if a.cfg.DatabaseURL != "" {
		db, err := a.database(ctx)
		if err != nil {
			return nil, err
		}
		cfg.Archive = db
	}
	return library.Open(ctx, cfg)
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("claimbot "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// --- search ---

type jsonHit struct {
	Article      string   `json:"article"`
	Title        string   `json:"title"`
	Publisher    string   `json:"publisher"`
	Author       string   `json:"author,omitempty"`
	URL          string   `json:"url,omitempty"`
	Published    string   `json:"published"`
	Paragraph    int      `json:"paragraph"`
	Heading      string   `json:"heading,omitempty"`
	Passage      string   `json:"passage"`
	Fragments    []string `json:"fragments"`
	CitedSources []string `json:"cited_sources"`
	Score        float64  `json:"score"`
}

func (a *app) search(ctx context.Context, args []string) error {
	fs := newFlags("search", a.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 5, "number of passages (1-50)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	query := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(query) == "" {
		return usageError("search needs a query, e.g. claimbot search \"Minenräumer Kursk\"")
	}
	if *limit < 1 || *limit > index.MaxLimit {
		return usageError(fmt.Sprintf("--limit must be between 1 and %d", index.MaxLimit))
	}
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	res, err := lib.Search(ctx, c, query, index.SearchOptions{Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Query string    `json:"query"`
			Hits  []jsonHit `json:"hits"`
		}{Query: res.Query, Hits: []jsonHit{}}
		for _, h := range res.Hits {
			jh := jsonHit{
				Article: h.Article, Title: h.Title, Publisher: h.Publisher, Author: h.Author, URL: h.URL,
				Published: h.PublishedDate(), Paragraph: h.Paragraph, Heading: h.Heading, Passage: h.Passage,
				Fragments: []string{}, CitedSources: h.Sources, Score: h.Score,
			}
			if jh.CitedSources == nil {
				jh.CitedSources = []string{}
			}
			for _, f := range h.Fragments {
				jh.Fragments = append(jh.Fragments, f.Render("<mark>", "</mark>", nil))
			}
			out.Hits = append(out.Hits, jh)
		}
		return writeJSON(a.stdout, out)
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(a.stdout, "No passages found for %q.\nTry fewer or other words, a figure as written in the news (\"100.000\"), or a name (\"Schoigu\").\n", query)
		return nil
	}
	for i, h := range res.Hits {
		fmt.Fprintf(a.stdout, "%d. %s\n", i+1, h.Title)
		fmt.Fprintf(a.stdout, "   %s\n", attribution(h))
		if len(h.Sources) > 0 {
			fmt.Fprintf(a.stdout, "   laut %s\n", strings.Join(h.Sources, ", "))
		}
		for _, f := range h.Fragments {
			fmt.Fprintf(a.stdout, "   %s\n", f.Render("**", "**", nil))
		}
		fmt.Fprintln(a.stdout)
	}
	fmt.Fprintf(a.stdout, "%d of %d matching passages (%s)\n", len(res.Hits), res.Total, res.Took.Round(time.Microsecond))
	return nil
}

// attribution is the source line of a hit: outlet, date, paragraph, with
// unknowns said as such.
func attribution(h index.Hit) string {
	pub := h.Publisher
	if pub == "" {
		pub = "publisher unknown"
	}
	date := h.PublishedDate()
	if date == "" {
		date = "date unknown"
	}
	parts := []string{pub, date, fmt.Sprintf("paragraph %d", h.Paragraph), "article " + h.Article}
	if h.Author != "" {
		parts = append([]string{"by " + h.Author}, parts...)
	}
	return strings.Join(parts, " · ")
}

// --- index ---

func (a *app) index(ctx context.Context, args []string) error {
	fs := newFlags("index", a.stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	rep, err := lib.Reindex(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Indexed %d articles, %d passages in %s.\n", rep.Articles, rep.Passages, rep.Took.Round(time.Millisecond))
	printChanges(a.stdout, rep)
	return nil
}

func printChanges(w io.Writer, rep library.Report) {
	for _, c := range []struct {
		label string
		ids   []string
	}{{"added", rep.Added}, {"changed", rep.Changed}, {"removed", rep.Removed}} {
		if len(c.ids) > 0 {
			fmt.Fprintf(w, "%s: %s\n", c.label, strings.Join(c.ids, ", "))
		}
	}
	for _, r := range rep.Renamed {
		fmt.Fprintf(w, "%s: the ID %s was taken by another article; added as %s\n", r.File, r.Wanted, r.ID)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "skipped: %s\n", p)
	}
}

// --- add ---

type jsonSide struct {
	Article   string   `json:"article"`
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	Published string   `json:"published"`
	Paragraph int      `json:"paragraph"`
	Passage   string   `json:"passage"`
	Claim     string   `json:"claim"`
	Figure    string   `json:"figure,omitempty"`
	Sources   []string `json:"sources"`
}

type jsonAlert struct {
	Kind          string     `json:"kind"`
	Severity      string     `json:"severity"`
	Explanation   string     `json:"explanation"`
	ExplanationDE string     `json:"explanation_de"`
	Key           string     `json:"key"`
	New           jsonSide   `json:"new"`
	Existing      []jsonSide `json:"existing"`
}

func toJSONAlert(al claims.Alert) jsonAlert {
	side := func(s claims.Side) jsonSide {
		src := s.Sources
		if src == nil {
			src = []string{}
		}
		return jsonSide{Article: s.Article, Title: s.Title, Publisher: s.Publisher, Published: s.Published,
			Paragraph: s.Paragraph, Passage: s.Passage, Claim: s.Claim, Figure: s.Figure, Sources: src}
	}
	out := jsonAlert{Kind: string(al.Kind), Severity: string(al.Severity), Explanation: al.Explanation.EN, ExplanationDE: al.Explanation.DE,
		Key: al.Key(), New: side(al.New), Existing: []jsonSide{}}
	for _, s := range al.Existing {
		out.Existing = append(out.Existing, side(s))
	}
	return out
}

func (a *app) add(ctx context.Context, args []string) error {
	fs := newFlags("add", a.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("add needs article files, e.g. claimbot add artikel.txt")
	}
	if urls := countURLs(fs.Args()); urls > 0 { // feeds.go
		if urls < fs.NArg() {
			return usageError("add takes either files or URLs, not both")
		}
		return a.addURLs(ctx, fs.Args(), *asJSON)
	}
	c, err := a.collection()
	if err != nil {
		return err
	}
	var files []library.File
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			return claimbot.Errorf(claimbot.EINVALID, "read %s: %v", p, err)
		}
		files = append(files, library.File{Name: filepath.Base(p), Data: data})
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	rep, err := lib.Add(ctx, c, files)
	if err != nil {
		return err
	}
	if *asJSON {
		type added struct {
			Article string `json:"article"`
			Title   string `json:"title"`
		}
		out := struct {
			Added    []added     `json:"added"`
			Alerts   []jsonAlert `json:"alerts"`
			Problems []string    `json:"problems,omitempty"`
		}{Added: []added{}, Alerts: []jsonAlert{}, Problems: rep.Problems}
		for _, id := range rep.Added {
			art, _ := lib.Article(c, id)
			out.Added = append(out.Added, added{Article: id, Title: art.Title})
		}
		for _, al := range rep.Alerts {
			out.Alerts = append(out.Alerts, toJSONAlert(al))
		}
		return writeJSON(a.stdout, out)
	}
	fmt.Fprintf(a.stdout, "Indexed in %s; the index now holds %d articles, %d passages.\n", rep.Took.Round(time.Millisecond), rep.Articles, rep.Passages)
	printChanges(a.stdout, rep)
	printAlerts(a.stdout, rep.Alerts)
	return nil
}

func printAlerts(w io.Writer, alerts []claims.Alert) {
	if len(alerts) == 0 {
		fmt.Fprintln(w, "No contradictions with the indexed articles.")
		return
	}
	fmt.Fprintf(w, "%d contradiction alert(s):\n", len(alerts))
	for i, al := range alerts {
		fmt.Fprintf(w, "\n%d. %s (%s): %s\n", i+1, strings.ToUpper(string(al.Kind)), al.Severity, al.Explanation.EN)
		sides := []struct {
			label string
			side  claims.Side
		}{{"new", al.New}}
		for _, s := range al.Existing {
			sides = append(sides, struct {
				label string
				side  claims.Side
			}{"earlier", s})
		}
		for _, s := range sides {
			date := s.side.Published
			if date == "" {
				date = "date unknown"
			}
			pub := s.side.Publisher
			if pub == "" {
				pub = "publisher unknown"
			}
			fmt.Fprintf(w, "   %-8s %s · %s · %s · paragraph %d", s.label, s.side.Title, pub, date, s.side.Paragraph)
			if len(s.side.Sources) > 0 {
				fmt.Fprintf(w, " · laut %s", strings.Join(s.side.Sources, ", "))
			}
			fmt.Fprintf(w, "\n            %q\n", s.side.Claim)
		}
	}
}

// --- contradictions ---

func (a *app) contradictions(ctx context.Context, args []string) error {
	fs := newFlags("contradictions", a.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	pairs := lib.Contradictions(c)
	if *asJSON {
		out := struct {
			Pairs []jsonAlert `json:"pairs"`
		}{Pairs: []jsonAlert{}}
		for _, p := range pairs {
			out.Pairs = append(out.Pairs, toJSONAlert(p))
		}
		return writeJSON(a.stdout, out)
	}
	printAlerts(a.stdout, pairs)
	return nil
}

// --- timeline ---

func (a *app) timeline(ctx context.Context, args []string) error {
	fs := newFlags("timeline", a.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	topic := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(topic) == "" {
		return usageError("timeline needs a topic, e.g. claimbot timeline \"nordkoreanische Soldaten\"")
	}
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	entries, err := lib.Timeline(ctx, c, topic)
	if err != nil {
		return err
	}
	if *asJSON {
		if entries == nil {
			entries = []claims.TimelineEntry{}
		}
		return writeJSON(a.stdout, struct {
			Topic   string                 `json:"topic"`
			Entries []claims.TimelineEntry `json:"entries"`
		}{topic, entries})
	}
	if len(entries) == 0 {
		fmt.Fprintf(a.stdout, "No figures found for %q.\n", topic)
		return nil
	}
	for _, e := range entries {
		when := e.When
		if when == "" {
			when = "date unknown"
		}
		if e.WhenNote != "" {
			when += " (" + e.WhenNote + ")"
		}
		line := fmt.Sprintf("%s  %s", when, e.Figure)
		if len(e.Hedges) > 0 {
			line += " [" + strings.Join(e.Hedges, ", ") + "]"
		}
		if e.Relation != "" {
			line += "  → " + string(e.Relation)
		}
		fmt.Fprintln(a.stdout, line)
		src := e.Publisher
		if src == "" {
			src = "publisher unknown"
		}
		if len(e.Sources) > 0 {
			src = "laut " + strings.Join(e.Sources, ", ") + " · " + src
		}
		fmt.Fprintf(a.stdout, "    %s · %s ¶%d\n    %q\n", src, e.Title, e.Paragraph, e.Claim)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
