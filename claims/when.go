package claims

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimbot/claimbot/articles"
)

// Window is the time a claim is about, as an interval of days. It is kept
// apart from the article's publication date: an article from November 2024
// saying "im vergangenen Jahr" speaks about 2023, and an undated article may
// still reveal its time ("Nach über 5 Monaten Krieg").
type Window struct {
	From, To time.Time // inclusive, midnight UTC; both zero when unknown
	// Basis says where the window comes from:
	//   "published" the article's stated publication date,
	//   "explicit"  a date in the sentence ("im April 2019"),
	//   "relative"  a relative phrase resolved against the publication date,
	//   "inferred"  read from the text of an undated article,
	//   "unknown"   nothing to go on.
	Basis string
	Cue   string // the words the window was read from
	// Anchor explains an inferred window: what the cue was resolved against.
	Anchor string
}

// Known reports whether the window has dates.
func (w Window) Known() bool { return !w.From.IsZero() }

// String renders the window in ISO 8601: a day, a month, a year, or an
// interval "2022-07/2022-08".
func (w Window) String() string {
	if !w.Known() {
		return ""
	}
	f, t := w.From, w.To
	switch {
	case f.Equal(t):
		return f.Format(time.DateOnly)
	case f.Day() == 1 && t.Equal(endOfMonth(f)):
		return f.Format("2006-01")
	case f.YearDay() == 1 && t.Equal(time.Date(f.Year(), 12, 31, 0, 0, 0, 0, time.UTC)):
		return f.Format("2006")
	case f.Year() == t.Year() && f.Month() == t.Month():
		return f.Format(time.DateOnly) + "/" + t.Format(time.DateOnly)
	case f.Day() == 1 && t.Equal(endOfMonth(t)):
		return f.Format("2006-01") + "/" + t.Format("2006-01")
	}
	return f.Format("2006-01") + "/" + t.Format("2006-01")
}

// Note explains the window in one English phrase for timelines and logs.
func (w Window) Note() string {
	switch w.Basis {
	case "published":
		return "publication date"
	case "explicit":
		return "stated: '" + w.Cue + "'"
	case "relative":
		return "'" + w.Cue + "' relative to " + w.Anchor
	case "inferred":
		if w.Anchor != "" {
			return "inferred: '" + w.Cue + "' (" + w.Anchor + ")"
		}
		return "inferred: '" + w.Cue + "'"
	}
	return "unknown: the article states no date"
}

func (w Window) overlaps(o Window) bool {
	return !w.From.After(o.To) && !o.From.After(w.To)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func endOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

func yearWindow(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 12, 31) }

// warStart is the start of Russia's full-scale invasion of Ukraine, the
// reference for "nach fünf Monaten Krieg".
var warStart = day(2022, 2, 24)

// anchorEvents are dated events that undated articles refer to. An article
// that says North Korea confirmed its troops "Ende April" for the first time
// was written after 28.04.2025. This is world knowledge and has to be kept
// up by hand, like the actor gazetteer.
var anchorEvents = []struct {
	date    time.Time
	all     []string // lower-case fragments that must all occur in one sentence
	article string   // a fragment the article must contain
	what    string
}{
	{day(2025, 4, 28), []string{"nordkorea", "bestätig", "erstmals"}, "", "North Korea first confirmed its troops in Russia on 2025-04-28"},
	{day(2024, 6, 19), []string{"strategische", "partnerschaft"}, "nordkorea", "Russia and North Korea signed their partnership treaty on 2024-06-19"},
}

var (
	reWarNoun     = regexp.MustCompile(`\b(?:krieg|krieges|kriegs|konflikt|konflikts|konfliktes|invasion|angriffskrieg|angriffskrieges|kämpfe|kämpfen)\b`)
	reWarDuration = regexp.MustCompile(`(?:^|[^\p{L}])(?:(seit|nach|vor|binnen|innerhalb)\s+)?(?:(über|mehr als|fast|knapp|beinahe|nahezu|rund|etwa|gut)\s+)?(\d{1,2}|ein|einem|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|anderthalb|eineinhalb)\s+(jahr|jahre|jahren|jahres|monat|monate|monaten|monats|woche|wochen|tag|tage|tagen)\b`)
	reAnyYear     = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	reMonthNoYear = regexp.MustCompile(`\b(anfang|mitte|ende)\s+(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b`)
)

var smallNumbers = map[string]float64{
	"ein": 1, "einem": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
	"sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "anderthalb": 1.5, "eineinhalb": 1.5,
}

var monthNames = map[string]time.Month{
	"januar": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6,
	"jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
	"okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}

// articleWindow is the time an article speaks from: its publication date, or
// what its text reveals, or unknown. It never becomes a publication date.
func articleWindow(a articles.Article) Window {
	if !a.Published.IsZero() {
		p := a.Published
		d := day(p.Year(), p.Month(), p.Day())
		return Window{From: d, To: d, Basis: "published", Cue: a.PublishedDate()}
	}
	var (
		best   Window
		lower  time.Time // latest "after this event" bound
		lowWhy string
		texts  = []string{a.Title}
		spans  [][2]int
	)
	for _, p := range a.Paragraphs {
		texts = append(texts, p.Text)
	}
	lows := make([]string, len(texts))
	same := make([]bool, len(texts)) // lows[i] keeps the offsets of texts[i]
	aboutThisWar := false
	for i, t := range texts {
		lows[i], same[i] = lowerSameWidth(t)
		if strings.Contains(lows[i], "ukrain") || strings.Contains(lows[i], "russland") {
			aboutThisWar = true
		}
	}
	articleHas := func(f string) bool {
		for _, l := range lows {
			if strings.Contains(l, f) {
				return true
			}
		}
		return false
	}
	for ti, t := range texts {
		lt := lows[ti]
		war := aboutThisWar && mayHoldWar(lt)
		anchor := false
		for _, ev := range anchorEvents {
			if strings.Contains(lt, ev.all[0]) {
				anchor = true
			}
		}
		if !war && !anchor {
			continue // most paragraphs give no clue to the date
		}
		spans = sentenceSpans(t, spans)
		for _, sp := range spans {
			s := t[sp[0]:sp[1]]
			var ls string
			if same[ti] {
				ls = lt[sp[0]:sp[1]]
			} else {
				ls = strings.ToLower(s)
			}
			if war && !best.Known() && mayHoldWar(ls) && reWarNoun.MatchString(ls) {
				if w, ok := warDuration(s, ls); ok {
					best = w
				}
			}
			for _, ev := range anchorEvents {
				if !anchor || ev.article != "" && !articleHas(ev.article) {
					continue
				}
				hit := true
				for _, f := range ev.all {
					if !strings.Contains(ls, f) {
						hit = false
						break
					}
				}
				if !hit || !ev.date.After(lower) {
					continue
				}
				lower, lowWhy = ev.date, ev.what
				if loc := reMonthNoYear.FindStringIndex(ls); loc != nil && !reAnyYear.MatchString(s) {
					m := ls[loc[0]:loc[1]]
					if len(ls) == len(s) {
						m = s[loc[0]:loc[1]]
					}
					// A month named without a year is this year's: the
					// article is from the rest of the event's year.
					_, end := yearWindow(ev.date.Year())
					if !best.Known() || best.Basis != "inferred" || !best.overlaps(Window{From: ev.date, To: end}) {
						best = Window{From: ev.date, To: end, Basis: "inferred", Cue: cueAround(s, m), Anchor: ev.what}
					}
				}
			}
		}
	}
	if best.Known() && !lower.IsZero() && best.To.Before(lower) {
		// The duration says earlier than an event the article knows about:
		// the event wins, the duration was about something else.
		best = Window{}
	}
	if best.Known() && !lower.IsZero() && best.From.Before(lower) && !best.To.Before(lower) {
		best.From = lower
		best.Anchor += "; after: " + lowWhy
	}
	if !best.Known() {
		return Window{Basis: "unknown"}
	}
	return best
}

// cueAround returns m with the words of its clause around it, up to the
// verb, for the note: "bestätigte Ende April erstmals offiziell".
func cueAround(s, m string) string {
	i := strings.Index(s, m)
	if i < 0 {
		return m
	}
	before := strings.Fields(s[:i])
	after := strings.Fields(s[i+len(m):])
	var pre []string
	if n := len(before); n > 0 {
		pre = before[n-1:]
	}
	var post []string
	for _, w := range after {
		if len(post) == 2 || strings.ContainsAny(w, ",.;") {
			break
		}
		post = append(post, w)
	}
	return strings.Join(append(append(pre, m), post...), " ")
}

// mayHoldWar is the cheap test before the war-duration regexps.
func mayHoldWar(ls string) bool {
	return (strings.Contains(ls, "krieg") || strings.Contains(ls, "konflikt") || strings.Contains(ls, "invasion") ||
		strings.Contains(ls, "kämpf")) && (strings.Contains(ls, "monat") || strings.Contains(ls, "jahr") ||
		strings.Contains(ls, "woche") || strings.Contains(ls, "tage"))
}

// warDuration reads "Nach über 5 Monaten Krieg", "dauert der Konflikt fast
// ein Jahr an" as a window counted from warStart. ls is s lower-cased.
func warDuration(orig, ls string) (Window, bool) {
	if !mayWarDuration(ls) {
		return Window{}, false
	}
	s := ls
	show := orig
	if len(orig) != len(ls) {
		show = ls
	}
	for _, m := range reWarDuration.FindAllStringSubmatchIndex(s, -1) {
		prep := strings.ToLower(group(s, m, 1))
		if prep == "vor" || prep == "binnen" || prep == "innerhalb" {
			continue // "vor zwei Jahren" is a point in the past, not the war's age
		}
		qual := strings.ToLower(group(s, m, 2))
		numText := strings.ToLower(group(s, m, 3))
		unit := strings.ToLower(group(s, m, 4))
		n, ok := smallNumbers[numText]
		if !ok {
			v, err := strconv.Atoi(numText)
			if err != nil {
				continue
			}
			n = float64(v)
		}
		months := n
		switch {
		case strings.HasPrefix(unit, "jahr"):
			months = n * 12
		case strings.HasPrefix(unit, "woche"):
			months = n / 4.345
		case strings.HasPrefix(unit, "tag"):
			months = n / 30.4
		}
		if months <= 0 || months > 120 {
			continue
		}
		step := 1.0 // the interval a bare count leaves open: [n, n+1) units
		switch {
		case strings.HasPrefix(unit, "jahr"):
			step = 12
		case strings.HasPrefix(unit, "woche"):
			step = 0.25
		case strings.HasPrefix(unit, "tag"):
			step = 1.0 / 30
		}
		lo, hi := months, months+step
		switch qual {
		case "fast", "knapp", "beinahe", "nahezu":
			lo, hi = months-min(step, 1), months
		case "rund", "etwa":
			lo, hi = months-min(step, 1), months+min(step, 1)
		case "über", "mehr als", "gut":
			lo, hi = months, months+min(step, 1)
		}
		from := addMonths(warStart, lo)
		to := addMonths(warStart, hi).AddDate(0, 0, -1)
		if to.Before(from) {
			to = from
		}
		start := m[0]
		if r, w := utf8.DecodeRuneInString(s[start:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			start += w // the character before the match
		}
		// Start the cue at the war noun when it comes first: "dauert der
		// Konflikt fast ein Jahr an" reads better than "fast ein Jahr".
		if wm := reWarNoun.FindAllStringIndex(s[max(0, m[0]-40):m[0]], -1); len(wm) > 0 {
			start = max(0, m[0]-40) + wm[len(wm)-1][0]
		}
		return Window{From: from, To: to, Basis: "inferred", Cue: strings.TrimSpace(show[start:m[1]]) + warNounAfter(show, m[1]),
			Anchor: "war began 2022-02-24"}, true
	}
	return Window{}, false
}

// warNumbers are the number words of reWarDuration.
var warNumbers = set("ein einem einen einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf anderthalb eineinhalb")

// mayWarDuration reports a number (digits, or a whole word of warNumbers)
// and white space right before "jahr", "monat", "woche" or "tag", which
// every match of reWarDuration has: the pattern is slow, and most
// sentences about the war give no duration. s is lower case.
func mayWarDuration(s string) bool {
	for i := 1; i < len(s); i++ {
		if !isPatternSpace(s[i-1]) {
			continue
		}
		if rest := s[i:]; !strings.HasPrefix(rest, "jahr") && !strings.HasPrefix(rest, "monat") &&
			!strings.HasPrefix(rest, "woche") && !strings.HasPrefix(rest, "tag") {
			continue
		}
		j := i - 1
		for j > 0 && isPatternSpace(s[j-1]) {
			j--
		}
		if j == 0 {
			continue
		}
		if isDigitByte(s[j-1]) {
			return true
		}
		k := j
		for k > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:k])
			if !unicode.IsLetter(r) {
				break
			}
			k -= w
		}
		if warNumbers[s[k:j]] {
			return true
		}
	}
	return false
}

// isPatternSpace is \s of a regexp: ASCII white space without \v.
func isPatternSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// warNounAfter appends "Krieg" to a cue like "Nach über 5 Monaten" when the
// noun follows directly, so the note reads as the text does.
func warNounAfter(s string, at int) string {
	rest := strings.Fields(s[at:])
	if len(rest) > 0 && reWarNoun.MatchString(strings.ToLower(rest[0])) {
		return " " + strings.Trim(rest[0], ".,;")
	}
	return ""
}

func addMonths(t time.Time, months float64) time.Time {
	whole := int(months)
	days := int((months - float64(whole)) * 30.44)
	return t.AddDate(0, whole, days)
}

func group(s string, m []int, g int) string {
	if m[2*g] < 0 {
		return ""
	}
	return s[m[2*g]:m[2*g+1]]
}

var (
	reDayDate      = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	reDayMonth     = regexp.MustCompile(`\b(\d{1,2})\.\s*(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b(?:\s+(\d{4}))?`)
	reMonthYear    = regexp.MustCompile(`\b(?:(anfang|mitte|ende)\s+)?(?:(?:im|des)\s+)?(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jan\.|feb\.|apr\.|aug\.|sept?\.|okt\.|nov\.|dez\.)\s+(\d{4})\b`)
	reYear         = regexp.MustCompile(`\b(?:(seit|im jahre?|anfang|mitte|ende|bis ende|im frühjahr|im sommer|im herbst|im winter)\s+)?((?:19|20)\d\d)\b`)
	reLastYear     = regexp.MustCompile(`\b(?:im\s+(?:vergangenen|letzten|vorigen)\s+jahr|vergangenes\s+jahr|letztes\s+jahr|im\s+vorjahr|vorigen\s+jahres|vergangenen\s+jahres|letzten\s+jahres)\b`)
	reThisYear     = regexp.MustCompile(`\b(?:in\s+diesem\s+jahr|dieses\s+jahr|diesen\s+jahres|im\s+laufenden\s+jahr|laufenden\s+jahres)\b`)
	reYearStart    = regexp.MustCompile(`\b(?:zu\s+beginn\s+des\s+jahres|anfang\s+des\s+jahres|anfang\s+dieses\s+jahres|zu\s+jahresbeginn|seit\s+jahresbeginn)\b`)
	reMonthRel     = regexp.MustCompile(`\b(?:(anfang|mitte|ende)\s+|im\s+)(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b`)
	reWeekend      = regexp.MustCompile(`\bam\s+(?:vergangenen\s+|letzten\s+)?wochenende\b`)
	reWeekday      = regexp.MustCompile(`\bam\s+(?:vergangenen\s+|letzten\s+)?(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b`)
	reYesterday    = regexp.MustCompile(`\bgestern\b`)
	reAgo          = regexp.MustCompile(`\bvor\s+(\d{1,2}|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+(tagen|wochen|monaten|jahren)\b`)
	reSinceWar     = regexp.MustCompile(`\bseit\s+(?:(?:dem\s+)?beginn\s+(?:des|der)\s+(?:\p{L}+\s+){0,2}(?:krieges|kriegs|invasion|angriffskrieges)|kriegsbeginn)\b`)
	reLastDays     = regexp.MustCompile(`\bin\s+den\s+letzten\s+(tagen|wochen|monaten)\b`)
	weekdayNumbers = map[string]time.Weekday{"sonntag": 0, "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6}
)

// partOfMonth narrows a month to Anfang (1–10), Mitte (11–20), Ende (21–).
func partOfMonth(part string, y int, m time.Month) (time.Time, time.Time) {
	first := day(y, m, 1)
	last := endOfMonth(first)
	switch strings.ToLower(part) {
	case "anfang":
		return first, day(y, m, 10)
	case "mitte":
		return day(y, m, 11), day(y, m, 20)
	case "ende":
		return day(y, m, 21), last
	}
	return first, last
}

func partOfYear(part string, y int) (time.Time, time.Time) {
	switch strings.ToLower(part) {
	case "anfang", "im frühjahr":
		return day(y, 1, 1), day(y, 4, 30)
	case "mitte", "im sommer":
		return day(y, 5, 1), day(y, 8, 31)
	case "ende", "bis ende", "im herbst":
		return day(y, 9, 1), day(y, 12, 31)
	}
	return yearWindow(y)
}

// sentenceWindow resolves the time expressions of one sentence against the
// article's window ref. ok is false when the sentence names no time; the
// claim then inherits ref.
//
// The patterns run on the lower-cased sentence (case-insensitive regexps
// are several times slower in Go), and each only when a word it needs
// occurs: most sentences name no time at all.
func sentenceWindow(orig string, ref Window) (Window, bool) {
	return sentenceWindowLower(orig, strings.ToLower(orig), ref)
}

// sentenceWindowLower is sentenceWindow for a caller that has already
// lower-cased the sentence: s is strings.ToLower(orig).
func sentenceWindowLower(orig, s string, ref Window) (Window, bool) {
	has := timeWords(s)
	if has == 0 {
		return Window{}, false
	}
	w, ok := resolveTime(s, has, ref)
	if ok && len(s) == len(orig) {
		// Show the cue as written; lower-casing German keeps byte offsets.
		if i := strings.Index(s, w.Cue); i >= 0 {
			w.Cue = orig[i : i+len(w.Cue)]
		}
	}
	return w, ok
}

const (
	hasDigit = 1 << iota
	hasMonth
	hasJahr
	hasSeit
	hasWeek
	hasDay
	hasVor
	hasLetzten
)

var monthWords = []string{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember", "jan.", "feb.", "apr.", "aug.", "sep", "okt.", "nov.", "dez."}

var dayWords = []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "gestern"}

// timeTriggers map the words each family of patterns needs to a flag.
var timeTriggers = func() map[string]int {
	m := map[string]int{"seit": hasSeit, "wochenende": hasWeek, "vor": hasVor, "letzten": hasLetzten, "gestern": hasDay}
	for _, w := range monthWords {
		m[strings.TrimSuffix(w, ".")] = hasMonth
	}
	m["sept"] = hasMonth
	for _, w := range dayWords {
		m[w] = hasDay
	}
	return m
}()

var triggerFilter = func() (f wordFilter) {
	for w := range timeTriggers {
		f.add(w)
	}
	return f
}()

// minTrigger and maxTrigger bound the length of the keys of timeTriggers,
// so that the many short words skip the lookup.
var minTrigger, maxTrigger = func() (lo, hi int) {
	lo = math.MaxInt
	for w := range timeTriggers {
		lo, hi = min(lo, len(w)), max(hi, len(w))
	}
	return lo, hi
}()

// timeWords scans the lower-cased sentence once and reports which kinds of
// time words it has, so that only the patterns that can match are run.
func timeWords(s string) int {
	h := 0
	for a := 0; a < len(s); {
		c := s[a]
		switch {
		case c >= '0' && c <= '9':
			h |= hasDigit
			a++
			continue
		case c < 0x80 && (c < 'a' || c > 'z'):
			a++
			continue
		}
		b := a
		for b < len(s) && (s[b] >= 'a' && s[b] <= 'z' || s[b] >= 0x80) {
			b++
		}
		if b == a {
			a++
			continue
		}
		w := s[a:b]
		if len(w) >= minTrigger && len(w) <= maxTrigger && triggerFilter.has(w) {
			h |= timeTriggers[w]
		}
		if strings.Contains(w, "jahr") {
			h |= hasJahr
		}
		if strings.HasPrefix(w, "wochenende") {
			h |= hasWeek
		}
		a = b
	}
	return h
}

func resolveTime(s string, has int, ref Window) (Window, bool) {
	explicit := func(f, t time.Time, cue string) (Window, bool) {
		return Window{From: f, To: t, Basis: "explicit", Cue: strings.TrimSpace(cue)}, true
	}
	if has&hasDigit == 0 || !mayDayDate(s) {
		// no "18.11.2024"
	} else if m := reDayDate.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			t := day(y, time.Month(mo), d)
			return explicit(t, t, m[0])
		}
	}
	if has&(hasDigit|hasMonth) != hasDigit|hasMonth {
		// no dates with month names
	} else if m := reDayMonth.FindStringSubmatch(s); m != nil && m[3] != "" {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		t := day(y, monthNames[strings.ToLower(m[2])], d)
		return explicit(t, t, m[0])
	}
	if has&(hasDigit|hasMonth) != hasDigit|hasMonth {
		// no "April 2024"
	} else if m := reMonthYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[3])
		mo := monthNames[strings.TrimSuffix(strings.ToLower(m[2]), ".")]
		f, t := partOfMonth(m[1], y, mo)
		return explicit(f, t, m[0])
	}
	if has&hasSeit != 0 && ref.Known() && (strings.Contains(s, "kriegsbeginn") ||
		strings.Contains(s, "beginn") && containsAny(s, "krieg", "invasion")) {
		if m := reSinceWar.FindString(s); m != "" {
			return relative(ref, warStart, ref.To, m)
		}
	}
	var years [][]int
	if has&hasDigit != 0 && hasYear(s) {
		years = reYear.FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range years {
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		if m[0] > 0 && (s[m[0]-1] == '.' || s[m[0]-1] == ',') {
			continue // part of a number
		}
		prep := strings.ToLower(group(s, m, 1))
		if prep == "seit" {
			if ref.Known() && ref.To.Year() >= y {
				return Window{From: day(y, 1, 1), To: ref.To, Basis: "explicit", Cue: s[m[0]:m[1]]}, true
			}
			continue
		}
		f, t := partOfYear(prep, y)
		return explicit(f, t, s[m[0]:m[1]])
	}
	if !ref.Known() {
		return Window{}, false
	}
	y := ref.To.Year()
	if has&hasJahr == 0 || !containsAny(s, "vergangene", "letzte", "vorjahr", "vorige") {
		// no relative years
	} else if m := reLastYear.FindString(s); m != "" {
		f, t := yearWindow(refYear(ref) - 1)
		return relative(ref, f, t, m)
	}
	if has&hasJahr == 0 || !containsAny(s, "beginn", "anfang") {
		// no "zu Beginn des Jahres"
	} else if m := reYearStart.FindString(s); m != "" {
		return relative(ref, day(refYear(ref), 1, 1), day(refYear(ref), 3, 31), m)
	}
	if has&hasJahr == 0 || !containsAny(s, "diese", "laufenden") {
		// no "in diesem Jahr"
	} else if m := reThisYear.FindString(s); m != "" {
		f, t := yearWindow(refYear(ref))
		return relative(ref, f, t, m)
	}
	if has&(hasDigit|hasMonth) != hasDigit|hasMonth {
		// no "18. November"
	} else if m := reDayMonth.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo := monthNames[strings.ToLower(m[2])]
		t := day(y, mo, d)
		if t.After(ref.To) {
			t = day(y-1, mo, d)
		}
		return relative(ref, t, t, m[0])
	}
	if has&hasMonth == 0 {
		// no "Ende April"
	} else if m := reMonthRel.FindStringSubmatch(s); m != nil {
		mo := monthNames[strings.ToLower(m[2])]
		f, t := partOfMonth(m[1], y, mo)
		if f.After(ref.To) {
			f, t = partOfMonth(m[1], y-1, mo)
		}
		return relative(ref, f, t, m[0])
	}
	dayRef := ref.From.Equal(ref.To)
	if has&hasWeek == 0 || !dayRef {
		// no weekend
	} else if m := reWeekend.FindString(s); m != "" {
		d := ref.From.AddDate(0, 0, -1)
		for d.Weekday() != time.Sunday {
			d = d.AddDate(0, 0, -1)
		}
		return relative(ref, d.AddDate(0, 0, -1), d, m)
	}
	if has&hasDay == 0 || !dayRef {
		// no weekday
	} else if m := reWeekday.FindStringSubmatch(s); m != nil {
		want := weekdayNumbers[strings.ToLower(m[1])]
		d := ref.From
		for d.Weekday() != want {
			d = d.AddDate(0, 0, -1)
		}
		return relative(ref, d, d, m[0])
	}
	if has&hasDay == 0 || !dayRef {
		// no "gestern"
	} else if m := reYesterday.FindString(s); m != "" {
		d := ref.From.AddDate(0, 0, -1)
		return relative(ref, d, d, m)
	}
	if has&hasVor == 0 || !containsAny(s, "tagen", "wochen", "monaten", "jahren") {
		// no "vor zwei Wochen"
	} else if m := reAgo.FindStringSubmatch(s); m != nil {
		n, ok := smallNumbers[strings.ToLower(m[1])]
		if !ok {
			v, _ := strconv.Atoi(m[1])
			n = float64(v)
		}
		var f, t time.Time
		switch strings.ToLower(m[2]) {
		case "tagen":
			f, t = ref.From.AddDate(0, 0, -int(n)), ref.To.AddDate(0, 0, -int(n))
		case "wochen":
			f, t = ref.From.AddDate(0, 0, -7*int(n)-3), ref.To.AddDate(0, 0, -7*int(n)+3)
		case "monaten":
			f, t = ref.From.AddDate(0, -int(n), -15), ref.To.AddDate(0, -int(n), 15)
		case "jahren":
			f, t = yearWindow(refYear(ref) - int(n))
		}
		return relative(ref, f, t, m[0])
	}
	if has&hasLetzten == 0 {
		// no "in den letzten Tagen"
	} else if m := reLastDays.FindStringSubmatch(s); m != nil {
		back := map[string]int{"tagen": 7, "wochen": 31, "monaten": 120}[strings.ToLower(m[1])]
		return relative(ref, ref.From.AddDate(0, 0, -back), ref.To, m[0])
	}
	return Window{}, false
}

// containsAny reports whether s contains one of the words. Besides the
// trigger words of timeWords, the patterns get a substring test each: one
// that every match of the pattern contains, so that the pattern only runs
// where it can match.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// mayDayDate reports digits, a stop, one or two digits, a stop and four
// digits, which every match of reDayDate has: the pattern runs on every
// sentence with a figure, and almost none has a date.
func mayDayDate(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '.' || !isDigitByte(s[i-1]) {
			continue
		}
		j := digitsEnd(s, i+1)
		if n := j - i - 1; n >= 1 && n <= 2 && j < len(s) && s[j] == '.' && digitsEnd(s, j+1)-(j+1) >= 4 {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// hasYear reports a free-standing 19xx or 20xx, the cheap test before the
// year pattern.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigits(s[i+2:i+4]) &&
			(i == 0 || s[i-1] < '0' || s[i-1] > '9') && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			return true
		}
	}
	return false
}

// refYear is the year a relative phrase counts from.
func refYear(ref Window) int {
	if ref.From.Year() == ref.To.Year() {
		return ref.From.Year()
	}
	return ref.To.Year()
}

func relative(ref Window, f, t time.Time, cue string) (Window, bool) {
	w := Window{From: f, To: t, Cue: strings.TrimSpace(cue)}
	switch ref.Basis {
	case "published":
		w.Basis = "relative"
		w.Anchor = "publication " + ref.From.Format(time.DateOnly)
	default:
		w.Basis = "inferred"
		w.Anchor = "relative to " + ref.String() + ", inferred from '" + ref.Cue + "'"
	}
	return w, true
}
