package bench

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/claimbot/claimbot/articles"
)

// Where Debian puts the German prose the generator draws on.
const (
	FortunesDir = "/usr/share/games/fortunes/de"
	ManpagesDir = "/usr/share/man/de"
)

// ProseSource selects where sentences come from.
type ProseSource string

// Prose sources.
const (
	// ProseAuto uses the Debian packages when installed, else the seeds.
	ProseAuto ProseSource = "auto"
	// ProseDebian requires the Debian packages.
	ProseDebian ProseSource = "debian"
	// ProseSeeds uses only the seed articles' sentences (small vocabulary;
	// for tests and machines without the packages).
	ProseSeeds ProseSource = "seeds"
)

// ProseOptions configure LoadProse.
type ProseOptions struct {
	Source ProseSource
	// Install runs apt-get to install fortunes-de, manpages-de and man-db
	// first (needs root and Debian's package mirror).
	Install bool
	// CacheDir keeps the rendered man pages between runs (rendering 1,300
	// pages takes about a minute). Empty: the user cache directory.
	CacheDir string
	// FortunesDir and ManpagesDir override the Debian locations (tests).
	FortunesDir, ManpagesDir string
	Logger                   *slog.Logger
	// Stderr receives apt-get's output when Install is set.
	Stderr io.Writer
}

// Prose is a pool of German sentences to build paragraphs from.
type Prose struct {
	Sentences []string
	// Origin describes where the sentences came from, for the report.
	Origin string
	// Fallback is set when the Debian prose was wanted but absent and the
	// seeds' sentences were used instead.
	Fallback bool
	// Fingerprint identifies the pool: the same seed and fingerprint give
	// the same corpus.
	Fingerprint string
}

// InstallCorpora installs the Debian packages the generator reads.
func InstallCorpora(ctx context.Context, stdout, stderr io.Writer) error {
	for _, args := range [][]string{
		{"apt-get", "update"},
		{"apt-get", "install", "-y", "fortunes-de", "manpages-de", "man-db"},
	} {
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = stdout, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", strings.Join(args, " "), err)
		}
	}
	return nil
}

// LoadProse collects the sentence pool.
func LoadProse(ctx context.Context, opts ProseOptions) (*Prose, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Source == "" {
		opts.Source = ProseAuto
	}
	if opts.FortunesDir == "" {
		opts.FortunesDir = FortunesDir
	}
	if opts.ManpagesDir == "" {
		opts.ManpagesDir = ManpagesDir
	}
	if opts.Install && opts.Source != ProseSeeds {
		if err := InstallCorpora(ctx, opts.Stderr, opts.Stderr); err != nil {
			return nil, err
		}
	}
	if opts.Source == ProseSeeds {
		return seedProse("seed articles only (--prose seeds)", false)
	}
	var (
		sents   []string
		origins []string
	)
	if s, err := fortuneSentences(opts.FortunesDir); err == nil && len(s) > 0 {
		sents = append(sents, s...)
		origins = append(origins, fmt.Sprintf("fortunes-de (%d sentences)", len(s)))
	} else {
		opts.Logger.Info("fortunes-de not available", "dir", opts.FortunesDir, "err", err)
	}
	if s, err := manpageSentences(ctx, opts); err == nil && len(s) > 0 {
		sents = append(sents, s...)
		origins = append(origins, fmt.Sprintf("manpages-de (%d sentences)", len(s)))
	} else {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		opts.Logger.Info("manpages-de not available", "dir", opts.ManpagesDir, "err", err)
	}
	if len(sents) < 1000 {
		if opts.Source == ProseDebian {
			return nil, errors.New("the German prose packages are not installed: run with --install-corpora " +
				"(apt-get install fortunes-de manpages-de man-db) or use --prose seeds")
		}
		return seedProse("NOTE: fortunes-de/manpages-de not installed; fell back to the seed articles' sentences "+
			"(small vocabulary, term statistics are NOT realistic; use --install-corpora)", true)
	}
	sents = dedupe(sents)
	return &Prose{Sentences: sents, Origin: strings.Join(origins, " + "), Fingerprint: fingerprint(sents)}, nil
}

func seedProse(origin string, fallback bool) (*Prose, error) {
	arts, err := articles.LoadDir(articles.Default())
	if err != nil {
		return nil, err
	}
	var sents []string
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			for _, s := range SplitSentences(p.Text) {
				if goodSentence(s) {
					sents = append(sents, s)
				}
			}
		}
	}
	sents = dedupe(sents)
	return &Prose{Sentences: sents, Origin: origin, Fallback: fallback, Fingerprint: fingerprint(sents)}, nil
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func fingerprint(sents []string) string {
	h := sha256.New()
	for _, s := range sents {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// fortuneSentences reads every fortune file (entries separated by "%"
// lines) and splits the entries into sentences.
func fortuneSentences(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.Contains(name, ".") || strings.Contains(name, "asciiart") {
			continue // .dat indexes, .u8 links, pictures
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !utf8.Valid(data) {
			continue
		}
		for _, entry := range strings.Split(string(data), "\n%\n") {
			text := strings.Join(strings.Fields(entry), " ")
			for _, s := range SplitSentences(text) {
				if goodSentence(s) {
					out = append(out, s)
				}
			}
		}
	}
	return out, nil
}

// manpageSentences renders the German man pages to text (cached) and splits
// their paragraphs into sentences.
func manpageSentences(ctx context.Context, opts ProseOptions) ([]string, error) {
	var files []string
	err := filepath.WalkDir(opts.ManpagesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".gz") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no man pages")
	}
	if _, err := exec.LookPath("man"); err != nil {
		return nil, errors.New("man (man-db) is not installed")
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s %d %d\n", f, st.Size(), st.ModTime().Unix())
	}
	key := hex.EncodeToString(h.Sum(nil)[:8])
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			cacheDir = filepath.Join(d, "claimbench")
		}
	}
	cacheFile := ""
	if cacheDir != "" {
		cacheFile = filepath.Join(cacheDir, "manpages-de-paragraphs-"+key+".txt")
		if data, err := os.ReadFile(cacheFile); err == nil {
			return proseSentences(strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")), nil
		}
	}
	opts.Logger.Info("rendering German man pages (once; cached)", "pages", len(files), "cache", cacheFile)
	results := make([][]string, len(files))
	if err := forEach(ctx, len(files), runtime.NumCPU()+1, func(i int) {
		results[i] = renderManpage(ctx, files[i])
	}); err != nil {
		return nil, err
	}
	var out []string
	for _, r := range results {
		out = append(out, r...)
	}
	if cacheFile != "" && len(out) > 0 {
		if err := os.MkdirAll(cacheDir, 0o755); err == nil {
			tmp := cacheFile + ".tmp"
			if os.WriteFile(tmp, []byte(strings.Join(out, "\n")+"\n"), 0o644) == nil {
				_ = os.Rename(tmp, cacheFile)
			}
		}
	}
	return proseSentences(out), nil
}

// renderManpage formats one page with a very wide line so that every
// paragraph is one line, and keeps the indented prose paragraphs.
func renderManpage(ctx context.Context, file string) []string {
	cmd := exec.CommandContext(ctx, "man", "-l", file)
	cmd.Env = append(os.Environ(), "MANWIDTH=4000", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "MAN_KEEP_FORMATTING=0", "PAGER=cat")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if cmd.Run() != nil {
		return nil
	}
	var out []string
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := stripOverstrike(sc.Text())
		if !strings.HasPrefix(line, "       ") {
			continue // headings and the page header
		}
		line = strings.Join(strings.Fields(line), " ")
		if utf8.RuneCountInString(line) < 60 || strings.HasPrefix(line, "-") {
			continue // option lists and synopsis lines
		}
		out = append(out, line)
	}
	return out
}

// proseSentences splits paragraphs into the sentences that read as prose.
func proseSentences(paras []string) []string {
	var out []string
	for _, p := range paras {
		for _, s := range SplitSentences(p) {
			if goodSentence(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// stripOverstrike removes the backspace bold/underline of nroff output.
func stripOverstrike(s string) string {
	if !strings.ContainsRune(s, '\b') {
		return s
	}
	r := []rune(s)
	out := r[:0]
	for _, c := range r {
		if c == '\b' {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"z.B.": true, "z. B.": true, "bzw.": true, "ggf.": true, "d.h.": true, "usw.": true, "Nr.": true, "vgl.": true,
	"ca.": true, "etc.": true, "Dr.": true, "Prof.": true, "St.": true, "u.a.": true, "inkl.": true, "bspw.": true,
	"evtl.": true, "z.": true, "u.": true, "d.": true, "S.": true, "Abs.": true, "Hr.": true, "Fr.": true, "sog.": true,
}

// SplitSentences cuts text into sentences at ".", "!" or "?" followed by a
// space and an upper-case letter or an opening quote, except after common
// abbreviations and ordinal numbers.
func SplitSentences(text string) []string {
	var out []string
	words := strings.Fields(text)
	start := 0
	for i := 0; i+1 < len(words); i++ {
		w := words[i]
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w, "\"“”»«'’)"))
		if last != '.' && last != '!' && last != '?' {
			continue
		}
		if abbreviations[strings.TrimLeft(w, "(\"„»")] || (last == '.' && isOrdinal(w)) || (last == '.' && utf8.RuneCountInString(w) <= 2) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(words[i+1])
		if !unicode.IsUpper(next) && !strings.ContainsRune("\"„“»«‚'", next) {
			continue
		}
		out = append(out, strings.Join(words[start:i+1], " "))
		start = i + 1
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

func isOrdinal(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// goodSentence keeps sentences that read as prose: a sensible length, a
// capital start and a full stop, mostly letters, no markup or paths, and
// nothing the article parser would take for page furniture.
func goodSentence(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 30 || n > 320 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(first) || !strings.ContainsRune(".!?", last) {
		return false
	}
	if strings.ContainsAny(s, "<>|{}[]=_\\/*#@$%^~`©\t") || strings.Contains(s, "--") {
		return false
	}
	if strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "»") != strings.Count(s, "«") {
		return false
	}
	lower := strings.ToLower(s)
	for _, en := range []string{" the ", " and ", " is ", " of ", " to ", " you "} {
		if strings.Contains(lower, en) {
			return false // English left in a German page
		}
	}
	for _, p := range []string{"bild:", "foto:", "lesen sie", "folgen sie", "erstellt von", "erfahren sie hier", "mehr zum thema", "beliebteste artikel", "zur startseite"} {
		if strings.Contains(lower, p) {
			return false
		}
	}
	letters, other, words := 0, 0, 0
	for _, f := range strings.Fields(s) {
		words++
		if utf8.RuneCountInString(f) > 40 {
			return false
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r):
		default:
			other++
		}
	}
	return words >= 5 && letters*100 >= (letters+other)*85
}

// forEach calls fn(i) for every i below n, from up to workers goroutines
// at once, and stops starting calls when ctx ends (then it returns ctx's
// error once the calls under way have returned).
func forEach(ctx context.Context, n, workers int, fn func(i int)) error {
	var g errgroup.Group
	g.SetLimit(max(workers, 1))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { fn(i); return nil })
	}
	_ = g.Wait() // fn reports its own errors
	return ctx.Err()
}
