package articles

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A finder returns exactly what re.FindAllStringSubmatchIndex(text, -1)
// returns for its regexp re, but runs re only where a match can be. An
// unanchored regexp with a case-insensitive or alternated start has no
// literal prefix to skip ahead with, so it backtracks from every position of
// a paragraph; on a corpus of long paragraphs full of cue words that was most
// of what parsing cost.
//
// folded is text with only ASCII letters lower-cased (asciiLower), so byte
// offsets agree with text.
type finder interface {
	findAll(text, folded string) [][]int
}

// startFinder serves a regexp whose every match starts with one of starts. It
// tries the regexp, anchored, only at the places where one of them occurs.
//
// This is exact when the regexp's start depends on nothing before the match
// (no leading \b, ^ or $), and when starts begin with an ASCII byte, which is
// always where a rune starts, as the regexp decodes text. With fold, starts
// are lower-case ASCII and are looked for in folded; that finds every
// case-insensitive match as long as starts contain no k or s, the only ASCII
// letters whose case folds include non-ASCII runes (K, ſ).
type startFinder struct {
	re       *regexp.Regexp
	anchored *regexp.Regexp
	starts   []string
	fold     bool
	// need, if not empty, occurs case-sensitively in every match, so a
	// match cannot start after its last occurrence.
	need string
}

const maxStarts = 8

func startsWith(re *regexp.Regexp, fold bool, starts ...string) *startFinder {
	if len(starts) > maxStarts {
		panic("articles: too many starts for one finder")
	}
	for _, st := range starts {
		if st == "" || st[0] >= utf8.RuneSelf || fold && (st != asciiLower(st) || strings.ContainsAny(st, "ks")) {
			panic("articles: finder start " + st + " breaks the rules of startFinder")
		}
	}
	return &startFinder{re: re, anchored: regexp.MustCompile(`^(?:` + re.String() + `)`), starts: starts, fold: fold}
}

func (f *startFinder) needing(s string) *startFinder {
	f.need = s
	return f
}

func (f *startFinder) findAll(text, folded string) [][]int {
	hay := text
	if f.fold {
		hay = folded
	}
	limit := len(text) - 1
	if f.need != "" {
		limit = strings.LastIndex(text, f.need)
	}
	// next[i] is the first occurrence of starts[i] at or after pos, or -1.
	var buf [maxStarts]int // on the stack: findAll runs for every paragraph
	next := buf[:len(f.starts)]
	for i, s := range f.starts {
		next[i] = indexFrom(hay, s, 0)
	}
	var out [][]int
	pos := 0
	for {
		p := -1
		for i, s := range f.starts {
			if next[i] >= 0 && next[i] < pos {
				next[i] = indexFrom(hay, s, pos)
			}
			if next[i] >= 0 && (p < 0 || next[i] < p) {
				p = next[i]
			}
		}
		if p < 0 || p > limit {
			return out
		}
		m := f.anchored.FindStringSubmatchIndex(text[p:])
		if m == nil {
			pos = p + 1
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		pos = m[1] // not empty: a match holds at least its start
	}
}

func indexFrom(s, sub string, from int) int {
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}

// runFinder serves a regexp without empty-width assertions whose matches
// contain need and consist only of runes that are non-ASCII or marked in
// inside. Any match then lies in one run of such bytes around an occurrence
// of need, and the regexp finds the same matches in that run alone, which is
// a clause rather than a paragraph. Runs end only at ASCII bytes, which start
// a rune however broken the UTF-8 around them, so a run decodes as it does
// within text.
type runFinder struct {
	re     *regexp.Regexp
	need   string
	inside *[128]bool
}

func within(re *regexp.Regexp, need string, inside *[128]bool) *runFinder {
	return &runFinder{re: re, need: need, inside: inside}
}

func (f *runFinder) in(c byte) bool { return c >= 0x80 || f.inside[c] }

func (f *runFinder) findAll(text, _ string) [][]int {
	var out [][]int
	for pos := 0; pos < len(text); {
		i := strings.Index(text[pos:], f.need)
		if i < 0 {
			break
		}
		i += pos
		start, end := i, i+len(f.need)
		for start > pos && f.in(text[start-1]) {
			start--
		}
		for end < len(text) && f.in(text[end]) {
			end++
		}
		for _, m := range f.re.FindAllStringSubmatchIndex(text[start:end], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			out = append(out, m)
		}
		pos = end
	}
	return out
}

// byteSet marks the ASCII letters and the given bytes.
func byteSet(extra string) *[128]bool {
	var set [128]bool
	for c := 'a'; c <= 'z'; c++ {
		set[c], set[c-'a'+'A'] = true, true
	}
	for i := 0; i < len(extra); i++ {
		set[extra[i]] = true
	}
	return &set
}

// The ASCII bytes that can be part of a name before "zufolge" (letters,
// digits, &'.- and white space), and of a phrase of words (letters and white
// space). A byte marked needlessly (\v is not in \s) only makes runs longer.
var (
	nameBytes = byteSet("0123456789&'.-\t\n\v\f\r ")
	wordBytes = byteSet("\t\n\v\f\r ")
)

// asciiLower lower-cases only A-Z, so byte offsets stay those of s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// lowerText is strings.ToLower(s) without strings.Map's call through a
// function value for every rune: German paragraphs are never pure ASCII,
// so ToLower's fast path does not apply to them.
func lowerText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(unicode.ToLower(r))
		i += n
	}
	return b.String()
}
