package articles

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // datelines are Berlin time; the binary must not depend on the host's zoneinfo
	"unicode"
	"unicode/utf8"

	"github.com/claimbot/claimbot"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds what Parse accepts; a news article is a few kilobytes.
const MaxFileSize = 5 << 20

var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded, so this cannot fail
	}
	return loc
}

// IDFromFile derives the stable article ID from a file name: the base name
// without extension, lower-cased, with anything outside [a-z0-9_-] replaced.
func IDFromFile(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-")
	if len(id) > MaxIDLen {
		id = strings.TrimRight(id[:MaxIDLen], "-")
	}
	return id
}

// Parse reads one article file. Plain text (first non-empty line is the
// title) and Markdown with YAML front matter are understood; the format is
// recognised from the content, not the name, so a .txt with front matter
// works too.
func Parse(name string, data []byte) (Article, error) {
	id := IDFromFile(name)
	if id == "" {
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: file name gives no article ID", name).Say(msgNoIDInName, name)
	}
	text, err := decodeText(name, data)
	if err != nil {
		return Article{}, err
	}
	if n := strings.Count(text, "\n") + 1; n > MaxLines {
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: %d lines; at most %d are allowed in one article", name, n, MaxLines).Say(msgTooManyLines, name, n, MaxLines)
	}
	a := Article{ID: id, File: filepath.Base(name)}
	body := text
	if fm, rest, ok := splitFrontMatter(text); ok {
		if len(fm) > MaxFrontMatterBytes {
			return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: the front matter has %d bytes; at most %d are allowed", name, len(fm), MaxFrontMatterBytes).Say(msgFrontMatterSize, name, len(fm), MaxFrontMatterBytes)
		}
		if err := applyFrontMatter(&a, fm); err != nil {
			e := claimbot.Errorf(claimbot.EINVALID, "%s: front matter: %v", name, err).Say(msgFrontMatter, name)
			// A date we could not read says which; YAML's own (English)
			// complaints stay in Message.
			if ae, ok := err.(*claimbot.Error); ok && !ae.Text.IsZero() {
				e.Say(msgFrontMatterWhy, name, ae.Text)
			}
			return Article{}, e
		}
		body = rest
	}
	if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes {
		// Refused before the body is read: the title is part of every check below.
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: the title has %d characters; at most %d are allowed", name, n, MaxTitleRunes).Say(msgTitleTooLong, name, n, MaxTitleRunes)
	}
	if n := parseBody(&a, body); n > MaxParagraphs {
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: %d paragraphs; at most %d are allowed in one article", name, n, MaxParagraphs).Say(msgTooManyParagraphs, name, n, MaxParagraphs)
	}
	if a.Title == "" {
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: no title: the first non-empty line (or front matter title) is the title", name).Say(msgNoTitle, name)
	}
	if len(a.Paragraphs) == 0 {
		return Article{}, claimbot.Errorf(claimbot.EINVALID, "%s: no paragraphs of text after the title", name).Say(msgNoParagraphs, name)
	}
	if err := checkLimits(name, &a); err != nil {
		return Article{}, err
	}
	return a, nil
}

// decodeText checks that data is text and returns it as UTF-8 with Unix
// line ends. Windows-1252/Latin-1 files, common in German exports, are
// converted rather than refused; binary data is refused.
func decodeText(name string, data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", claimbot.Errorf(claimbot.EINVALID, "%s: %d bytes is more than the %d allowed for an article", name, len(data), MaxFileSize).Say(msgTooLarge, name, len(data), MaxFileSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", claimbot.Errorf(claimbot.EINVALID, "%s: file is empty", name).Say(msgEmptyFile, name)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", claimbot.Errorf(claimbot.EINVALID, "%s: binary data, not an article (UTF-16 files must be converted to UTF-8)", name).Say(msgBinaryUTF16, name)
	}
	s := string(data)
	if !utf8.ValidString(s) {
		s = decodeWindows1252(data)
	}
	controls := 0
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			controls++
		}
	}
	if controls*50 > len(s) {
		return "", claimbot.Errorf(claimbot.EINVALID, "%s: binary data, not an article", name).Say(msgBinary, name)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, nil
}

// win1252 maps the bytes 0x80-0x9F that Windows-1252 uses for printable
// characters; all other bytes are Latin-1.
var win1252 = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x91: '‘', 0x92: '’',
	0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	for _, c := range data {
		if r, ok := win1252[c]; ok {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(rune(c))
	}
	return b.String()
}

func splitFrontMatter(s string) (fm, rest string, ok bool) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s, false
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return "", s, false
	}
	fm = s[4 : 4+end]
	rest = s[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		rest = ""
	}
	return fm, rest, true
}

type frontMatter struct {
	Title     string `yaml:"title"`
	URL       string `yaml:"url"`
	Publisher string `yaml:"publisher"`
	Author    string `yaml:"author"`
	Published string `yaml:"published"`
}

func applyFrontMatter(a *Article, src string) error {
	var fm frontMatter
	if err := yaml.Unmarshal([]byte(src), &fm); err != nil {
		return err
	}
	a.Title = clean(fm.Title)
	a.URL = strings.TrimSpace(fm.URL)
	a.Publisher = clean(fm.Publisher)
	a.Author = clean(fm.Author)
	if p := strings.TrimSpace(fm.Published); p != "" {
		t, clock, ok := parseDate(p)
		if !ok {
			return claimbot.Errorf(claimbot.EINVALID, "published %q: want YYYY-MM-DD, RFC 3339 or DD.MM.YYYY [HH:MM]", p).Say(msgBadPublished, p)
		}
		a.Published, a.PublishedHasClock = t, clock
	}
	return nil
}

func parseDate(s string) (t time.Time, clock bool, ok bool) {
	layouts := []struct {
		layout string
		clock  bool
	}{
		{time.RFC3339, true},
		{"2006-01-02T15:04", true},
		{"2006-01-02 15:04", true},
		{time.DateOnly, false},
		{"02.01.2006 15:04", true},
		{"2.1.2006 15:04", true},
		{"02.01.2006", false},
		{"2.1.2006", false},
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l.layout, s, berlin); err == nil {
			return t, l.clock, true
		}
	}
	return time.Time{}, false, false
}

var (
	reExternalID = regexp.MustCompile(`^\d{3,}:$`)
	reDateline   = regexp.MustCompile(`^(\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s+(\d{1,2}:\d{2})(?:\s*Uhr)?)?$`)
	reByline     = regexp.MustCompile(`^(?:Von|von|By)(?::\s*|\s+)(\p{Lu}[\p{L}.'-]*(?:\s+(?:und\s+)?\p{Lu}[\p{L}.'-]*){0,5})$`)
	reCreditLine = regexp.MustCompile(`^/([a-z0-9-]+\.[a-z]{2,})((?:/[a-z0-9]+)*)/?$`)
	reSelfNamed  = regexp.MustCompile(`(?i)\b(?:Redaktion von|Folgen Sie)\s+([a-z0-9-]+\.(?:de|at|ch|com|net))\b`)
	reBullet     = regexp.MustCompile(`^\s*(?:[•·▪‣◦]|[-*+]\s)\s*`)
	reMdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	reMdEmphasis = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	reMdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
)

// knownAgencies are news agencies that appear in credit lines.
var knownAgencies = map[string]string{
	"dpa": "dpa", "afp": "AFP", "ap": "AP", "reuters": "Reuters", "kna": "KNA", "epd": "epd", "sid": "SID", "apa": "APA",
}

// boilerplate reports lines that are page furniture, not reporting.
func boilerplate(line string) bool {
	// The prefixes are at most 26 runes, and lower-casing maps rune to rune,
	// so lower-casing the head of a long paragraph is enough.
	l := strings.ToLower(headRunes(line, 32))
	for _, p := range []string{
		"beliebteste artikel", "lesen sie außerdem", "lesen sie auch", "folgen sie ", "erfahren sie hier mehr",
		"mehr zum thema", "zur startseite", "hier finden sie brandheiße",
	} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	switch {
	case strings.HasPrefix(line, "Erstellt von") && reErstellt.MatchString(line):
		return true
	case strings.HasSuffix(line, "(Foto) Suche"), strings.HasSuffix(line, "(Video) Suche"):
		return true
	case strings.Contains(line, "Bild: ") || strings.HasPrefix(line, "Foto: ") || strings.HasPrefix(line, "Bildquelle"):
		// Caption lines end in a picture credit.
		return true
	case strings.Contains(line, "©") && utf8.RuneCountInString(line) < 300:
		return true
	}
	return false
}

var reErstellt = regexp.MustCompile(`^Erstellt von\b.*Uhr$|^Erstellt von\s*-?\s*$`)

// headRunes returns the first n runes of s.
func headRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

type block struct {
	text    string
	bullets bool
}

// parseBody reads the title, metadata lines and paragraphs of body into a.
// It returns the number of paragraphs; past MaxParagraphs it stops before
// the per-paragraph source analysis, which is what costs.
func parseBody(a *Article, body string) int {
	lines := strings.Split(body, "\n")
	var blocks []block
	var para []string // Markdown paragraphs may span lines
	markdown := false
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, block{text: strings.Join(para, " ")})
			para = nil
		}
	}
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			flush()
			continue
		}
		if reMdHeading.MatchString(line) {
			markdown = true
			flush()
			blocks = append(blocks, block{text: reMdHeading.ReplaceAllString(line, "") + "\n#"})
			continue
		}
		if reBullet.MatchString(raw) {
			flush()
			item := strings.TrimSpace(reBullet.ReplaceAllString(raw, ""))
			if n := len(blocks); n > 0 && blocks[n-1].bullets {
				blocks[n-1].text += "\n" + item
			} else {
				blocks = append(blocks, block{text: item, bullets: true})
			}
			continue
		}
		// Plain-text exports put one paragraph per line, with or without
		// blank lines between them; Markdown wraps paragraphs over lines.
		if markdown {
			para = append(para, line)
			continue
		}
		blocks = append(blocks, block{text: line})
	}
	flush()

	heading := ""
	for i, b := range blocks {
		text, explicitHeading := strings.CutSuffix(b.text, "\n#")
		text = cleanMarkdown(text)
		switch {
		case !b.bullets && a.Title == "" && reExternalID.MatchString(text) && a.ExternalID == "":
			a.ExternalID = strings.TrimSuffix(text, ":")
			continue
		case !b.bullets && a.Title == "":
			a.Title = clean(text)
			continue
		case b.bullets:
			// handled below as a paragraph
		case reDateline.MatchString(text):
			if a.Published.IsZero() {
				m := reDateline.FindStringSubmatch(text)
				if t, clock, ok := parseDate(strings.TrimSpace(m[1] + " " + m[2])); ok {
					a.Published, a.PublishedHasClock = t, clock
				}
			}
			continue
		case reByline.MatchString(text):
			if a.Author == "" {
				a.Author = reByline.FindStringSubmatch(text)[1]
			}
			continue
		case reCreditLine.MatchString(text):
			m := reCreditLine.FindStringSubmatch(text)
			if a.Publisher == "" {
				a.Publisher = m[1]
			}
			for _, part := range strings.Split(strings.Trim(m[2], "/"), "/") {
				if ag, ok := knownAgencies[part]; ok {
					a.Agencies = appendUnique(a.Agencies, ag)
				}
			}
			continue
		case boilerplate(text):
			if m := reSelfNamed.FindStringSubmatch(text); m != nil && a.Publisher == "" {
				a.Publisher = strings.ToLower(m[1])
			}
			continue
		case explicitHeading || isHeading(text, blocks, i):
			heading = clean(text)
			continue
		}
		if b.bullets {
			items := strings.Split(text, "\n")
			if allHeadings(items, blocks[i+1:]) {
				continue // a table of contents repeating the sub-headings
			}
			for k := range items {
				items[k] = "• " + clean(items[k])
			}
			text = strings.Join(items, "\n")
		} else {
			text = clean(text)
		}
		if a.Author != "" {
			// A closing "(Ares Abasi)" repeats the byline.
			text = strings.TrimSpace(strings.TrimSuffix(text, "("+a.Author+")"))
		}
		if text == "" {
			continue
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{N: len(a.Paragraphs) + 1, Heading: heading, Text: text})
	}
	if len(a.Paragraphs) > MaxParagraphs {
		return len(a.Paragraphs)
	}
	var lastSource string
	for i := range a.Paragraphs {
		a.Paragraphs[i].Sources, lastSource = citedSources(a.Paragraphs[i].Text, lastSource)
	}
	return len(a.Paragraphs)
}

// isHeading tells a sub-heading from a paragraph in plain text, where both
// are single lines: headings are short, end without sentence punctuation and
// are followed by more text.
func isHeading(text string, blocks []block, i int) bool {
	if i == len(blocks)-1 || utf8.RuneCountInString(text) > 110 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune(".!:;,…", last) {
		return false
	}
	if last == '?' || last == '"' || last == '“' || last == '”' {
		// A question or a quote on its own short line is a heading only when
		// it has no sentence inside it.
		return !strings.Contains(text[:len(text)-utf8.RuneLen(last)], ". ")
	}
	return true
}

func allHeadings(items []string, rest []block) bool {
	for _, it := range items {
		found := false
		for _, b := range rest {
			if !b.bullets && clean(strings.TrimSuffix(b.text, "\n#")) == clean(it) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// cleanMarkdown checks for the literals each pattern needs first: nearly
// every paragraph has none, and a regexp replace scans the whole paragraph.
func cleanMarkdown(s string) string {
	if strings.Contains(s, "](") {
		s = reMdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "**") || strings.Contains(s, "__") {
		s = reMdEmphasis.ReplaceAllString(s, "$1$2")
	}
	return s
}

// clean collapses runs of white space and restores the space that exports
// often lose after a full stop ("sollen.Dies verkündete").
func clean(s string) string {
	if !spacedOnce(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return unglue(s)
}

// spacedOnce reports whether s is already what joining its fields with single
// spaces gives, as most paragraphs are, so clean need not copy it.
func spacedOnce(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c == ' ' && s[i+1] == ' ') || (c != ' ' && asciiSpace(c)) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
}

// unglue inserts a space where a sentence ends right before the next one
// starts: two lower-case letters, a full stop, colon, ! or ?, then an
// upper-case and a lower-case letter. Abbreviations and numbers ("z.B.",
// "18.11.") do not match.
func unglue(s string) string {
	if !glued(s) {
		return s
	}
	var b strings.Builder
	r := []rune(s)
	last := 0
	for i := 2; i+2 < len(r); i++ {
		if strings.ContainsRune(".:!?", r[i]) && unicode.IsLower(r[i-1]) && unicode.IsLower(r[i-2]) &&
			unicode.IsUpper(r[i+1]) && unicode.IsLower(r[i+2]) {
			b.WriteString(string(r[last : i+1]))
			b.WriteByte(' ')
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(string(r[last:]))
	return b.String()
}

// glued reports whether unglue has anything to do, without unglue's copy of
// s to runes: the ".:!?" must be followed directly by a letter, which in
// most text it is not.
func glued(s string) bool {
	const marks = ".:!?"
	for m := 0; m < len(marks); m++ {
		for i := strings.IndexByte(s, marks[m]); i >= 0; {
			b1, n1 := utf8.DecodeLastRuneInString(s[:i])
			b2, _ := utf8.DecodeLastRuneInString(s[:i-n1])
			a1, m1 := utf8.DecodeRuneInString(s[i+1:])
			a2, _ := utf8.DecodeRuneInString(s[i+1+m1:])
			if unicode.IsUpper(a1) && unicode.IsLower(a2) && unicode.IsLower(b1) && unicode.IsLower(b2) {
				return true
			}
			next := strings.IndexByte(s[i+1:], marks[m])
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// isUpper reports whether r starts a proper noun or sentence.
func isUpper(r rune) bool { return unicode.IsUpper(r) }
