package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/relevance"
)

// XQuAD as a passage-retrieval benchmark (see ../shared/eval/xquad/SOURCE.md):
// each of the 240 German contexts is one article (its title line, a blank
// line, the paragraph); a question is answered when the passage of its
// context is returned. German questions measure monolingual retrieval,
// English questions (the parallel file, same ids) ask the German passages
// in another language. The distractor variant adds German prose from Debian
// packages, so that the contexts are not the only passages that share
// function words and common nouns with a question.

// XQuADQuestion is one question and the passage texts that answer it.
type XQuADQuestion struct {
	ID    string
	Query string
	// Expect holds the text of the context's passage (see rankOf).
	Expect []string
	// Half is the question's half of the benchmark (XQuADHalf).
	Half string
}

// The two halves of XQuAD. Ranking rules are tuned by looking at the
// misses of the tuning half only; the held-out half measures whether a
// rule is about German questions rather than about the questions it was
// tuned on.
const (
	HalfTuning  = "tuning"
	HalfHeldOut = "held-out"
)

// XQuADHalf is the half an XQuAD article belongs to, by the FNV-1a hash of
// its title: the split is by article, so that the five paragraphs of one
// topic (and the words they share) fall into the same half, and it is
// deterministic without a list. XQuAD's 48 articles split 24/24, with 549
// German questions in the tuning half and 641 held out.
func XQuADHalf(title string) string {
	h := fnv.New32a()
	h.Write([]byte(title))
	if h.Sum32()%2 == 0 {
		return HalfTuning
	}
	return HalfHeldOut
}

// XQuAD is the loaded benchmark: the context articles and the questions.
type XQuAD struct {
	Articles []articles.Article
	German   []XQuADQuestion
	English  []XQuADQuestion
}

type squadFile struct {
	Data []struct {
		Title      string `json:"title"`
		Paragraphs []struct {
			Context string `json:"context"`
			QAs     []struct {
				ID       string `json:"id"`
				Question string `json:"question"`
			} `json:"qas"`
		} `json:"paragraphs"`
	} `json:"data"`
}

func readSquad(path string) (squadFile, error) {
	var f squadFile
	data, err := os.ReadFile(path)
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// LoadXQuAD reads xquad.de.json and xquad.en.json from dir. The contexts
// are parsed with articles.Parse, the path every article takes, so the
// passages are the ones claimbot would index from such a file.
func LoadXQuAD(dir string) (*XQuAD, error) {
	de, err := readSquad(filepath.Join(dir, "xquad.de.json"))
	if err != nil {
		return nil, err
	}
	en, err := readSquad(filepath.Join(dir, "xquad.en.json"))
	if err != nil {
		return nil, err
	}
	english := map[string]string{}
	for _, a := range en.Data {
		for _, p := range a.Paragraphs {
			for _, q := range p.QAs {
				english[q.ID] = q.Question
			}
		}
	}
	x := &XQuAD{}
	n := 0
	for _, a := range de.Data {
		title := strings.ReplaceAll(a.Title, "_", " ")
		half := XQuADHalf(a.Title)
		for _, p := range a.Paragraphs {
			n++
			name := fmt.Sprintf("xquad-%03d.txt", n)
			// Two contexts have a line break inside; one paragraph is one
			// passage, so the text is put on one line.
			text := strings.Join(strings.Fields(p.Context), " ")
			art, err := articles.Parse(name, []byte(title+"\n\n"+text+"\n"))
			if err != nil {
				return nil, fmt.Errorf("xquad context %d: %w", n, err)
			}
			var expect []string
			for _, para := range art.Paragraphs {
				expect = append(expect, para.Text)
			}
			x.Articles = append(x.Articles, art)
			for _, q := range p.QAs {
				x.German = append(x.German, XQuADQuestion{ID: q.ID, Query: q.Question, Expect: expect, Half: half})
				if e, ok := english[q.ID]; ok {
					x.English = append(x.English, XQuADQuestion{ID: q.ID, Query: e, Expect: expect, Half: half})
				}
			}
		}
	}
	if len(x.German) == 0 {
		return nil, fmt.Errorf("%s: no questions", dir)
	}
	if len(x.English) != len(x.German) {
		return nil, fmt.Errorf("%s: %d German but %d English questions", dir, len(x.German), len(x.English))
	}
	return x, nil
}

// LoadDistractors reads the article files distractors.py wrote.
func LoadDistractors(dir string) ([]articles.Article, error) {
	arts, err := articles.LoadDir(os.DirFS(dir))
	if err != nil && !articles.IsPartial(err) {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%s: no distractor articles", dir)
	}
	return arts, nil
}

// GenerateDistractors runs script (distractors.py) to write n articles to
// out. It needs python3 and the Debian packages the script names.
func GenerateDistractors(ctx context.Context, script, out string, n int, stderr io.Writer) error {
	cmd := exec.CommandContext(ctx, "python3", script, out, fmt.Sprint(n))
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", script, err)
	}
	return nil
}

// RetrievalScore is the retrieval quality of one question set.
type RetrievalScore struct {
	Questions int
	MRR5      float64 // mean reciprocal rank of the context's passage within 5
	Success1  float64 // share of questions answered by the first passage
	Recall10  float64 // share of questions whose passage is within the first 10
	// Ranks are the ranks (1..10; 0 = not within 10) in question order.
	Ranks []int `json:"-"`
}

// XQuADDepth is how many passages each question asks for: recall@10.
const XQuADDepth = 10

// ScoreXQuAD asks search every question (workers at once) and scores the
// ranks of the contexts' passages.
func ScoreXQuAD(ctx context.Context, qs []XQuADQuestion, search func(ctx context.Context, q string, k int) ([]string, error), workers int) (RetrievalScore, error) {
	ranks := make([]int, len(qs))
	errs := make([]error, len(qs))
	if err := forEach(ctx, len(qs), workers, func(i int) {
		ps, err := search(ctx, qs[i].Query, XQuADDepth)
		if err != nil {
			errs[i] = fmt.Errorf("%q: %w", qs[i].Query, err)
			return
		}
		ranks[i] = rankOf(ps, qs[i].Expect)
	}); err != nil {
		return RetrievalScore{}, err
	}
	if err := errors.Join(errs...); err != nil {
		return RetrievalScore{}, err
	}
	return scoreRetrievalRanks(ranks), nil
}

// HalfScore is the score of the questions of one half (XQuADHalf) among
// qs, whose ranks s holds in question order.
func HalfScore(qs []XQuADQuestion, s RetrievalScore, half string) RetrievalScore {
	var ranks []int
	for i, q := range qs {
		if q.Half == half && i < len(s.Ranks) {
			ranks = append(ranks, s.Ranks[i])
		}
	}
	return scoreRetrievalRanks(ranks)
}

// rankOf is the 1-based rank of the first passage that is one of expect,
// or 0. Every engine returns the stored paragraph text unchanged, so the
// comparison is exact: a passage that merely contains the context (or
// shares its words) does not count.
func rankOf(passages, expect []string) int {
	for i, p := range passages {
		if i >= XQuADDepth {
			break
		}
		if slices.Contains(expect, p) {
			return i + 1
		}
	}
	return 0
}

func scoreRetrievalRanks(ranks []int) RetrievalScore {
	s := RetrievalScore{Questions: len(ranks), Ranks: ranks}
	for _, r := range ranks {
		if r == 1 {
			s.Success1++
		}
		if r > 0 && r <= relevance.K {
			s.MRR5 += 1 / float64(r)
		}
		if r > 0 {
			s.Recall10++
		}
	}
	if n := float64(len(ranks)); n > 0 {
		s.MRR5 /= n
		s.Success1 /= n
		s.Recall10 /= n
	}
	return s
}

// XQuADConfig is one xquad run.
type XQuADConfig struct {
	Data *XQuAD
	// Distractors, when set, are indexed beside the contexts for the
	// "+distractors" variants.
	Distractors []articles.Article
	// Peers are PeerFTS5 and PeerPostgres (unavailable ones are noted).
	Peers   []string
	WorkDir string
	Workers int
	Logger  *slog.Logger
}

// XQuADRow is one engine on one variant.
type XQuADRow struct {
	Engine   string
	Variant  string // "de alone", "de+distractors", "en alone", "en+distractors"
	Passages int
	Score    RetrievalScore
	// Tuning and HeldOut are Score on each half of the questions.
	Tuning, HeldOut RetrievalScore
	Build           time.Duration
}

// XQuADReport is the whole run.
type XQuADReport struct {
	Rows  []XQuADRow
	Notes []string
	Took  time.Duration
}

// RunXQuAD indexes the contexts (alone, then with the distractors) with
// claimbot's index and each peer and scores the German and English
// questions on each: the same passages and questions for every engine.
func RunXQuAD(ctx context.Context, cfg XQuADConfig) (*XQuADReport, error) {
	start := time.Now()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Workers < 1 {
		cfg.Workers = DefaultQualityWorkers
	}
	// English questions are translated once the dictionaries are read;
	// read them first so that no question is scored half translated.
	if err := index.PrepareEnglish(true); err != nil {
		log.Warn("no English–German dictionaries: English questions are matched as typed", "err", err)
	}
	rep := &XQuADReport{}
	type corpus struct {
		name string
		arts []articles.Article
	}
	corpora := []corpus{{"alone", cfg.Data.Articles}}
	if len(cfg.Distractors) > 0 {
		all := append(append([]articles.Article(nil), cfg.Data.Articles...), cfg.Distractors...)
		corpora = append(corpora, corpus{"+distractors", all})
	}
	score := func(e Engine, c corpus, passages int, took time.Duration) error {
		for _, lang := range []struct {
			name string
			qs   []XQuADQuestion
		}{{"de", cfg.Data.German}, {"en", cfg.Data.English}} {
			log.Info("xquad questions", "engine", e.Name(), "corpus", c.name, "lang", lang.name)
			search := e.Search
			if b, ok := e.(*Bleve); ok {
				// claimbot is told the question's language, as the bot
				// tells it an English-locale user's; the peers have no
				// such option and are the untranslated baseline.
				search = b.RankLang(lang.name)
			}
			s, err := ScoreXQuAD(ctx, lang.qs, search, cfg.Workers)
			if err != nil {
				return fmt.Errorf("%s %s %s: %w", e.Name(), lang.name, c.name, err)
			}
			variant := lang.name + " " + c.name
			if c.name != "alone" {
				variant = lang.name + c.name
			}
			rep.Rows = append(rep.Rows, XQuADRow{
				Engine: e.Name(), Variant: variant, Passages: passages, Score: s,
				Tuning: HalfScore(lang.qs, s, HalfTuning), HeldOut: HalfScore(lang.qs, s, HalfHeldOut),
				Build: took,
			})
		}
		return nil
	}
	work := cfg.WorkDir
	if work == "" {
		tmp, err := os.MkdirTemp("", "claimbench-xquad-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}

	for i, c := range corpora {
		log.Info("indexing", "engine", "bleve", "corpus", c.name, "passages", CountPassages(c.arts))
		b, st, err := BuildBleve(ctx, filepath.Join(work, fmt.Sprintf("bleve-%d", i)), c.arts)
		if err != nil {
			return nil, err
		}
		err = score(b, c, st.Passages, st.Took)
		b.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, peer := range cfg.Peers {
		switch peer {
		case PeerFTS5:
			for i, c := range corpora {
				log.Info("indexing", "engine", "fts5", "corpus", c.name)
				f, st, err := BuildFTS5(ctx, filepath.Join(work, fmt.Sprintf("fts5-%d.db", i)), c.arts, cfg.Workers)
				if err != nil {
					return nil, err
				}
				err = score(f, c, st.Passages, st.Took)
				f.Close()
				if err != nil {
					return nil, err
				}
			}
		case PeerPostgres:
			bin := FindPostgres()
			if bin == "" {
				rep.Notes = append(rep.Notes, "postgres: no PostgreSQL server binary (initdb/pg_ctl) installed")
				continue
			}
			srv, err := StartPostgres(ctx, bin, log)
			if err != nil {
				rep.Notes = append(rep.Notes, "postgres: "+err.Error())
				continue
			}
			rep.Notes = append(rep.Notes, "postgres: "+srv.Version(ctx)+", german config, ts_rank_cd, OR to_tsquery")
			err = func() error {
				for _, c := range corpora {
					log.Info("indexing", "engine", "postgres", "corpus", c.name)
					p, st, err := BuildPostgres(ctx, srv, c.arts, cfg.Workers+2)
					if err != nil {
						return err
					}
					err = score(p, c, st.Passages, st.Took)
					p.Close()
					if err != nil {
						return err
					}
				}
				return nil
			}()
			if serr := srv.Stop(); serr != nil {
				log.Warn("stopping PostgreSQL", "err", serr)
			}
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				rep.Notes = append(rep.Notes, "postgres: "+err.Error())
			}
		default:
			return nil, fmt.Errorf("unknown peer %q (want %s, %s)", peer, PeerFTS5, PeerPostgres)
		}
	}
	rep.Took = time.Since(start)
	return rep, nil
}

// Print writes the report as a Markdown table, one row per engine and
// variant, in the order variant, engine.
func (r *XQuADReport) Print(w io.Writer) {
	fmt.Fprintln(w, "| variant | engine | passages | questions | MRR@5 | success@1 | recall@10 | MRR@5 tuning | MRR@5 held-out |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, v := range []string{"de alone", "de+distractors", "en alone", "en+distractors"} {
		for _, row := range r.Rows {
			if row.Variant != v {
				continue
			}
			s := row.Score
			fmt.Fprintf(w, "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |\n", v, row.Engine, row.Passages, s.Questions, s.MRR5, s.Success1, s.Recall10, row.Tuning.MRR5, row.HeldOut.MRR5)
		}
	}
	if len(r.Rows) > 0 {
		fmt.Fprintf(w, "\nhalves by article, FNV-1a of its title (bench.XQuADHalf): %d questions tuning, %d held out\n",
			r.Rows[0].Tuning.Questions, r.Rows[0].HeldOut.Questions)
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "\n"+n)
	}
	fmt.Fprintf(w, "\ntook %s\n", r.Took.Round(time.Second))
}
