package articles

import (
	"unicode/utf8"

	"github.com/claimbot/claimbot"
)

// Limits on one article. A news article has a title of a line and tens of
// paragraphs, a long read some 100,000 characters; a file far outside that
// is a mistake or an attack, and indexing it would cost memory out of all
// proportion (issue 11: 100,000 one-line paragraphs took the bot from 30
// MB to 1.4 GB, a 4 MB title to 1.5 GB). Parse
// refuses such files with the numbers, and checks the cheap limits (lines,
// front matter) before the expensive ones, so every add stays within the
// memory bound measured by BenchmarkAddLimits in package library.
const (
	// MaxParagraphs is the most reporting paragraphs one article may have.
	MaxParagraphs = 1000
	// MaxParagraphRunes is the longest one paragraph may be, in characters.
	MaxParagraphRunes = 20000
	// MaxTextRunes is the most text all paragraphs together may have.
	MaxTextRunes = 200000
	// MaxTitleRunes is the longest a title may be, in characters.
	MaxTitleRunes = 500
	// MaxLines is the most lines a file may have: paragraphs, headings,
	// datelines and Markdown's wrapped lines together.
	MaxLines = 20000
	// MaxFrontMatterBytes is the most a YAML front matter may hold.
	MaxFrontMatterBytes = 64 << 10
)

// MaxIDLen is the longest article ID.
const MaxIDLen = 100

// ValidID reports whether s is an article ID: 1 to MaxIDLen lower-case
// ASCII letters, digits, '-' and '_', not starting or ending with '-'.
// IDFromFile only ever returns such IDs (or ""), so the grammar excludes
// everything that could mean something to a file system or a pattern
// matcher: dots, slashes, backslashes, '*', '?', '[', NUL.
func ValidID(s string) bool {
	if s == "" || len(s) > MaxIDLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// CheckID returns an EINVALID error that says what an article ID looks like
// unless s is one. The message quotes at most a short, printable prefix of
// s, so hostile input is not echoed back whole.
func CheckID(s string) error {
	if ValidID(s) {
		return nil
	}
	return claimbot.Errorf(claimbot.EINVALID, "%q is not an article ID: IDs are 1 to %d lower-case letters, digits, - and _", Shown(s, 40), MaxIDLen).Say(msgBadID, Shown(s, 40), MaxIDLen)
}

// Shown cuts s to n runes and replaces control characters, so user input
// can be quoted in a message without being echoed back whole.
func Shown(s string, n int) string {
	out := make([]rune, 0, n)
	for _, r := range s {
		if len(out) == n {
			out = append(out, '…')
			break
		}
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			r = '�'
		}
		out = append(out, r)
	}
	return string(out)
}

// checkLimits refuses an article outside the limits above.
func checkLimits(name string, a *Article) error {
	if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes {
		return claimbot.Errorf(claimbot.EINVALID, "%s: the title has %d characters; at most %d are allowed", name, n, MaxTitleRunes).Say(msgTitleTooLong, name, n, MaxTitleRunes)
	}
	total := 0
	for _, p := range a.Paragraphs {
		n := utf8.RuneCountInString(p.Text)
		if n > MaxParagraphRunes {
			return claimbot.Errorf(claimbot.EINVALID, "%s: paragraph %d has %d characters; at most %d are allowed", name, p.N, n, MaxParagraphRunes).Say(msgParagraphTooLong, name, p.N, n, MaxParagraphRunes)
		}
		total += n
	}
	if total > MaxTextRunes {
		return claimbot.Errorf(claimbot.EINVALID, "%s: %d characters of text; at most %d are allowed in one article", name, total, MaxTextRunes).Say(msgTextTooLong, name, total, MaxTextRunes)
	}
	return nil
}
