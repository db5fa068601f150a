package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/german"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state/pgstate"
)

type app struct {
	getenv         func(string) string
	cfg            Config
	opts           options
	lang           l10n.Lang
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

var (
	msgIndexed        = l10n.New("Indexed %d articles, %d passages in %s.", "%d Artikel, %d Passagen indiziert in %s.")
	msgAddedIndexed   = l10n.New("Indexed in %s; the index now holds %d articles, %d passages.", "Indiziert in %s; der Index hat jetzt %d Artikel, %d Passagen.")
	msgChangeAdded    = l10n.New("added: %s", "neu: %s")
	msgChangeChanged  = l10n.New("changed: %s", "geändert: %s")
	msgChangeRemoved  = l10n.New("removed: %s", "entfernt: %s")
	msgChangeRenamed  = l10n.New("%s: the ID %s was taken by another article; added as %s", "%s: die ID %s hatte schon ein anderer Artikel; aufgenommen als %s")
	msgChangeSkipped  = l10n.New("skipped: %s", "übersprungen: %s")
	msgNoPassages     = l10n.New("No passages found for “%s”.\nTry fewer or other words, a figure as written in the news (“100.000”), or a name (“Schoigu”).", "Keine Passagen zu „%s“ gefunden.\nVersuche weniger oder andere Wörter, eine Zahl wie in der Meldung („100.000“) oder einen Namen („Schoigu“).")
	msgPassagesFooter = l10n.New("%d of %d matching passages (%s)", "%d von %d passenden Passagen (%s)")
	msgParagraph      = l10n.New("paragraph %d", "Absatz %d")
	msgArticle        = l10n.New("article %s", "Artikel %s")
	msgByAuthor       = l10n.New("by %s", "von %s")
	msgAccording      = l10n.New("according to %s", "laut %s")
	msgNoAlerts       = l10n.New("No contradictions with the indexed articles.", "Keine Widersprüche mit den indizierten Artikeln.")
	msgAlertsCount    = l10n.Plural("One contradiction:", "%d contradictions:", "Ein Widerspruch:", "%d Widersprüche:")
	msgNewSide        = l10n.New("new", "neu")
	msgEarlierSide    = l10n.New("earlier", "zuvor")
	msgHiddenBelow    = l10n.Plural("One more of lower severity; --min-severity %[2]s shows it.", "%d more of lower severity; --min-severity %s shows them.", "Ein weiterer mit geringerer Schwere; --min-severity %[2]s zeigt ihn.", "%d weitere mit geringerer Schwere; --min-severity %s zeigt sie.")
	msgNoneAtSeverity = l10n.New("No contradictions of severity %s or above.", "Keine Widersprüche der Schwere %s oder höher.")
	msgNoFigures      = l10n.New("No figures found for “%s”.", "Zu „%s“ keine Zahlen gefunden.")
	msgUndated        = l10n.New("undated", "ohne Datum")
	msgUnconfirmedCLI = l10n.New("unconfirmed", "unbestätigt")
)

// setup reads the configuration and applies the flags before a command
// runs; a bad setting is a ConfigError (exit 2) naming the key.
func (a *app) setup(cmd *cobra.Command) error {
	cfg, err := LoadConfig(a.getenv)
	if err != nil {
		return err
	}
	if a.opts.data != "" {
		cfg.DataDir = a.opts.data
	}
	if a.opts.articles != "" {
		cfg.ArticlesDir = a.opts.articles
	}
	a.cfg, a.lang, a.guild = cfg, cfg.Lang, strings.TrimSpace(a.opts.guild)
	// The index reads the German data through german.Default; the setting
	// may come from .env, which is not the process environment.
	german.Configure(cfg.GermanData)
	name := cmd.Name()
	if cmd == cmd.Root() {
		name = "console"
		if cfg.DiscordToken != "" || cfg.DiscordPublicKey != "" {
			name = "serve"
		}
	}
	if name == "serve" || name == "console" {
		// English questions are translated once the dictionaries are
		// read (seconds): start now, so the first ones usually are.
		_ = index.PrepareEnglish(false)
		// German questions look up word lists and strong verb forms, and
		// comparing claims Ding's English renderings: read them now
		// rather than in the first search or the first indexed article.
		go func() {
			_ = german.Default().LoadForQueries()    // missing data only means fewer forms
			_ = german.Default().LoadForComparison() // and fewer synonyms
		}()
	}
	a.logger, err = a.newLogFor(name)
	return err
}

// newLogFor picks where a command's logs go. The bot logs to stderr at
// CLAIMBOT_LOG_LEVEL (default info); the console to a file in the data
// directory, so answers are not interleaved with log lines; the other
// commands to stderr, warnings only unless CLAIMBOT_LOG_LEVEL asks for
// more. CLAIMBOT_LOG_FILE names a file, "-" (stderr) or "off".
func (a *app) newLogFor(command string) (*slog.Logger, error) {
	cfg := a.cfg
	if a.getenv("CLAIMBOT_LOG_LEVEL") == "" && command != "serve" && command != "console" {
		cfg.LogLevel = "warn"
	}
	dest := strings.TrimSpace(a.getenv("CLAIMBOT_LOG_FILE"))
	if dest == "" && command == "console" {
		dest = filepath.Join(cfg.DataDir, "claimbot.log")
	}
	switch dest {
	case "", "-":
		return newLogger(cfg, a.stderr), nil
	case "off":
		return slog.New(slog.DiscardHandler), nil
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, &ConfigError{"CLAIMBOT_LOG_FILE", fmt.Sprintf("%q: %v", dest, err)}
	}
	f, err := os.OpenFile(dest, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, &ConfigError{"CLAIMBOT_LOG_FILE", fmt.Sprintf("%q: %v", dest, err)}
	}
	if cfg.LogFormat == "" {
		cfg.LogFormat = "text"
	}
	return newLogger(cfg, f), nil
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	format := cfg.LogFormat
	if format == "" {
		format = "json"
		if isTerminalIO(w) {
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
	if !ok {
		return false
	}
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

func (a *app) printf(m l10n.Msg, args ...any) { fmt.Fprintln(a.stdout, a.lang.T(m, args...)) }

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

func (a *app) search(ctx context.Context, query string) error {
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	res, err := lib.Search(ctx, c, query, index.SearchOptions{Limit: a.opts.limit})
	if err != nil {
		return err
	}
	if a.opts.json {
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
		a.printf(msgNoPassages, query)
		return nil
	}
	for i, h := range res.Hits {
		fmt.Fprintf(a.stdout, "%d. %s\n", i+1, h.Title)
		fmt.Fprintf(a.stdout, "   %s\n", a.attribution(h))
		if len(h.Sources) > 0 {
			fmt.Fprintf(a.stdout, "   %s\n", a.lang.T(msgAccording, a.lang.List(h.Sources)))
		}
		if h.URL != "" {
			fmt.Fprintf(a.stdout, "   %s\n", h.URL)
		}
		for _, f := range h.Fragments {
			fmt.Fprintf(a.stdout, "   %s\n", f.Render("**", "**", nil))
		}
		fmt.Fprintln(a.stdout)
	}
	a.printf(msgPassagesFooter, len(res.Hits), int(res.Total), a.lang.Duration(res.Took))
	return nil
}

// attribution is the source line of a hit: author, outlet, date,
// paragraph and article ID; what the article does not state is left out.
func (a *app) attribution(h index.Hit) string {
	var parts []string
	if h.Author != "" {
		parts = append(parts, a.lang.T(msgByAuthor, h.Author))
	}
	if h.Publisher != "" {
		parts = append(parts, h.Publisher)
	}
	if !h.Published.IsZero() {
		parts = append(parts, a.lang.Date(h.Published))
	}
	parts = append(parts, a.lang.T(msgParagraph, h.Paragraph), a.lang.T(msgArticle, h.Article))
	return strings.Join(parts, " · ")
}

// --- index ---

func (a *app) index(ctx context.Context) error {
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	rep, err := lib.Build(ctx)
	if err != nil {
		return err
	}
	a.printf(msgIndexed, rep.Articles, rep.Passages, a.lang.Duration(rep.Took))
	a.printChanges(rep)
	return nil
}

func (a *app) printChanges(rep library.Report) {
	for _, c := range []struct {
		m   l10n.Msg
		ids []string
	}{{msgChangeAdded, rep.Added}, {msgChangeChanged, rep.Changed}, {msgChangeRemoved, rep.Removed}} {
		if len(c.ids) > 0 {
			a.printf(c.m, strings.Join(c.ids, ", "))
		}
	}
	for _, r := range rep.Renamed {
		a.printf(msgChangeRenamed, r.File, r.Wanted, r.ID)
	}
	for i, p := range rep.Problems {
		// The English message names the files' folders, for the operator
		// at the terminal; another language says why in its own words.
		if i < len(rep.ProblemErrs) && a.lang != l10n.EN {
			if s := claimbot.ErrorText(rep.ProblemErrs[i], a.lang); s != "" {
				p = s
			}
		}
		a.printf(msgChangeSkipped, p)
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
	Headline      string     `json:"headline"`
	Explanation   string     `json:"explanation"`
	ExplanationDE string     `json:"explanation_de"`
	Key           string     `json:"key"`
	New           jsonSide   `json:"new"`
	Existing      []jsonSide `json:"existing"`
}

func (a *app) toJSONAlert(al claims.Alert) jsonAlert {
	side := func(s claims.Side) jsonSide {
		src := s.Sources
		if src == nil {
			src = []string{}
		}
		return jsonSide{Article: s.Article, Title: s.Title, Publisher: s.Publisher, Published: s.Published,
			Paragraph: s.Paragraph, Passage: s.Passage, Claim: s.Claim, Figure: s.Figure, Sources: src}
	}
	out := jsonAlert{Kind: string(al.Kind), Severity: string(al.Severity), Headline: bot.AlertHeadline(a.lang, al),
		Explanation: al.Explanation.EN, ExplanationDE: al.Explanation.DE, Key: al.Key(), New: side(al.New), Existing: []jsonSide{}}
	for _, s := range al.Existing {
		out.Existing = append(out.Existing, side(s))
	}
	return out
}

func (a *app) add(ctx context.Context, args []string) error {
	urls, err := a.classifyAddArgs(args) // feeds.go
	if err != nil {
		return err
	}
	if urls {
		return a.addURLs(ctx, args, a.opts.json)
	}
	c, err := a.collection()
	if err != nil {
		return err
	}
	files, err := a.readArticleFiles(ctx, args) // feeds.go
	if err != nil {
		return err
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
	if a.opts.json {
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
		// AlertsFor names a guild's articles by the IDs the guild sees.
		for _, al := range lib.AlertsFor(c, rep) {
			out.Alerts = append(out.Alerts, a.toJSONAlert(al))
		}
		return writeJSON(a.stdout, out)
	}
	a.printf(msgAddedIndexed, a.lang.Duration(rep.Took), rep.Articles, rep.Passages)
	a.printChanges(rep)
	a.printAlerts(lib.AlertsFor(c, rep))
	return nil
}

// printAlerts prints alerts as a moderator reads them in Discord: one
// headline sentence (the kind said once), the severity, both passages.
func (a *app) printAlerts(alerts []claims.Alert) {
	l := a.lang
	if len(alerts) == 0 {
		a.printf(msgNoAlerts)
		return
	}
	a.printf(msgAlertsCount, len(alerts))
	for i, al := range alerts {
		fmt.Fprintf(a.stdout, "\n%d. [%s · %s] %s\n", i+1, bot.KindName(l, al.Kind), bot.SeverityName(l, al.Severity), bot.AlertHeadline(l, al))
		a.printSide(l.T(msgNewSide), al.New)
		for _, s := range al.Existing {
			a.printSide(l.T(msgEarlierSide), s)
		}
	}
}

func (a *app) printSide(label string, s claims.Side) {
	parts := []string{s.Title}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if t, err := time.Parse(time.DateOnly, s.Published); err == nil {
		parts = append(parts, a.lang.Date(t))
	}
	parts = append(parts, a.lang.T(msgParagraph, s.Paragraph), a.lang.T(msgArticle, s.Article))
	if len(s.Sources) > 0 {
		parts = append(parts, a.lang.T(msgAccording, a.lang.List(s.Sources)))
	}
	fmt.Fprintf(a.stdout, "   %-7s %s\n           „%s“\n", label, strings.Join(parts, " · "), articles.Truncate(s.Claim, 200))
}

// --- contradictions ---

func (a *app) contradictions(ctx context.Context, minSev claims.Severity) error {
	c, err := a.collection()
	if err != nil {
		return err
	}
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	var shown []claims.Alert
	hidden := 0
	for _, p := range lib.Contradictions(c) {
		if severityRank(p.Severity) >= severityRank(minSev) {
			shown = append(shown, p)
		} else {
			hidden++
		}
	}
	if a.opts.json {
		out := struct {
			MinSeverity string      `json:"min_severity"`
			Pairs       []jsonAlert `json:"pairs"`
			Hidden      int         `json:"hidden"`
		}{MinSeverity: string(minSev), Pairs: []jsonAlert{}, Hidden: hidden}
		for _, p := range shown {
			out.Pairs = append(out.Pairs, a.toJSONAlert(p))
		}
		return writeJSON(a.stdout, out)
	}
	if len(shown) == 0 {
		a.printf(msgNoneAtSeverity, bot.SeverityName(a.lang, minSev))
	} else {
		a.printAlerts(shown)
	}
	if hidden > 0 {
		next := "low"
		if minSev == claims.SeverityHigh {
			next = "medium"
		}
		fmt.Fprintln(a.stdout)
		a.printf(msgHiddenBelow, hidden, next)
	}
	return nil
}

// --- timeline ---

func (a *app) timeline(ctx context.Context, topic string) error {
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
	entries = bot.SortTimeline(entries)
	if a.opts.json {
		if entries == nil {
			entries = []claims.TimelineEntry{}
		}
		return writeJSON(a.stdout, struct {
			Topic   string                 `json:"topic"`
			Entries []claims.TimelineEntry `json:"entries"`
		}{topic, entries})
	}
	if len(entries) == 0 {
		a.printf(msgNoFigures, topic)
		return nil
	}
	l := a.lang
	for _, e := range entries {
		when := l.T(msgUndated)
		if e.When != "" {
			when = l.ISO(e.When)
		}
		line := fmt.Sprintf("%-22s %s", when, e.Figure)
		if len(e.Hedges) > 0 {
			line += " (" + l.T(msgUnconfirmedCLI) + ")"
		}
		if e.Relation == claims.KindUpdate || e.Relation.Alerts() {
			line += "  → " + bot.KindName(l, e.Relation)
		}
		fmt.Fprintln(a.stdout, line)
		var where []string
		if len(e.Sources) > 0 {
			where = append(where, l.T(msgAccording, l.List(e.Sources)))
		}
		if e.Publisher != "" {
			where = append(where, e.Publisher)
		}
		where = append(where, e.Title, l.T(msgParagraph, e.Paragraph), l.T(msgArticle, e.Article))
		fmt.Fprintf(a.stdout, "%-22s %s\n", "", strings.Join(where, " · "))
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

var _ = claimbot.EINVALID
