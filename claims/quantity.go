package claims

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quantity is a figure as an interval: what the text commits to, not a point
// it happens to print. "etwa 15.000" is [12.750, 17.250], "mehr als 10.000"
// is [10.000, +Inf), "Tausende" is [2.000, 9.999] and "keine" is [0, 0].
// Comparing intervals instead of numbers is what lets "etwa 15.000" and
// "mehr als 10.000" agree.
type Quantity struct {
	Low, High float64 // High is +Inf when the text gives no upper bound
	// Qualifier is the hedge on the figure as written, lower case:
	// "etwa", "mehr als", "bis zu", "lediglich", "keine", ... or "".
	Qualifier string
	Vague     bool // a plural of a round number word: "Tausende"
	Percent   bool // "20 %", "20 Prozent"
	Zero      bool // "keine", "kein"
	// Point is the number as printed when there is one (the upper end of a
	// range), used to show the figure and to allow for rounding.
	Point      float64
	Range      bool // "300 – 500", "zwischen 300 und 500"
	lowPrinted float64
	Text       string // the figure as it stands in the text
	Start, End int    // byte offsets of Text in the parsed string
}

// Approximation widths. They are conventions, not findings: wide enough that
// "etwa 15.000" and "knapp 15.000" agree, narrow enough that "etwa 15.000"
// and "etwa 5.000" do not.
const (
	approxWidth = 0.15 // etwa, rund, ca.
	almostWidth = 0.15 // fast, knapp: below the number only
	goodWidth   = 0.20 // gut 500: above the number only
	roundWidth  = 0.05 // a bare round number (N >= 100, N % 100 == 0)
)

var (
	reScale = regexp.MustCompile(`^[\s\x{00A0}\x{202F}]*(?i:(tausend|tsd\.?|millionen|million|mio\.?|milliarden|milliarde|mrd\.?|dutzend))(?:[^\p{L}]|$)`)
	rePct   = regexp.MustCompile(`^[\s\x{00A0}\x{202F}]*(%|(?i:prozent))(?:[^\p{L}]|$)`)
	reDash  = regexp.MustCompile(`^[\s\x{00A0}\x{202F}]*(?:–|—|-|bis)[\s\x{00A0}\x{202F}]*`)
	reUnd   = regexp.MustCompile(`^[\s\x{00A0}\x{202F}]+und[\s\x{00A0}\x{202F}]+`)
)

// The patterns above run after every number, and rarely match. Each guard
// below skips the white space a pattern allows and checks the one byte its
// match must start with (case folding adds no other forms of t, m and p),
// so the regexp only runs where it may match.

func scaleAfter(s string) []int {
	if c := firstAfterSpace(s, 0) | 0x20; c != 't' && c != 'm' && c != 'd' {
		return nil
	}
	return reScale.FindStringSubmatchIndex(s)
}

func percentAfter(s string) []int {
	if c := firstAfterSpace(s, 0); c != '%' && c|0x20 != 'p' {
		return nil
	}
	return rePct.FindStringSubmatchIndex(s)
}

func dashAfter(s string) []int {
	// '-', 'b' of "bis", or the lead byte of "–" and "—"
	if c := firstAfterSpace(s, 0); c != '-' && c != 'b' && c != 0xE2 {
		return nil
	}
	return reDash.FindStringIndex(s)
}

func undAfter(s string) []int {
	if firstAfterSpace(s, 1) != 'u' {
		return nil
	}
	return reUnd.FindStringIndex(s)
}

// firstAfterSpace returns the first byte of s after the white space the
// patterns allow ([\s\x{00A0}\x{202F}]), or 0 when s ends there or fewer
// than least spaces lead.
func firstAfterSpace(s string, least int) byte {
	n := 0
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += 2
		case strings.HasPrefix(s[i:], "\u202f"):
			i += 3
		case n < least:
			return 0
		default:
			return c
		}
	}
	return 0
}

var scaleValue = map[string]float64{
	"tausend": 1e3, "tsd": 1e3, "tsd.": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6,
	"milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "dutzend": 12,
}

// vagueWords are plurals of number words. The convention (after the claims
// research notes) is that the plural means at least twice the unit.
var vagueWords = map[string][2]float64{
	"dutzende": {24, 99}, "dutzenden": {24, 99},
	"hunderte": {200, 999}, "hunderten": {200, 999},
	"tausende": {2000, 9999}, "tausenden": {2000, 9999},
	"zehntausende": {20000, 99999}, "zehntausenden": {20000, 99999},
	"hunderttausende": {200000, 999999}, "hunderttausenden": {200000, 999999},
	"millionen": {2e6, 9.99e6},
}

// fewWords before "hundert"/"tausend" make a vague figure too ("einige
// Tausend").
var fewWords = map[string]bool{"einige": true, "mehrere": true, "viele": true, "ein paar": true, "etliche": true}

// qualifier is a word (or two) before a figure that changes its interval.
type qualifier struct {
	phrase string
	kind   qualKind
}

type qualKind uint8

const (
	qApprox qualKind = iota + 1
	qAlmost
	qGood
	qMore
	qAtLeast
	qLess
	qAtMost
	qExact
)

// qualifiers are matched against the words right before the figure, longest
// first, so "nicht mehr als" wins over "mehr als".
var qualifiers = []qualifier{
	{"nicht weniger als", qAtLeast}, {"nicht mehr als", qAtMost}, {"nicht einmal", qLess},
	{"deutlich mehr als", qMore}, {"weit mehr als", qMore}, {"mehr als", qMore}, {"weit über", qMore},
	{"weniger als", qLess}, {"gerade einmal", qExact}, {"gerade mal", qExact}, {"bis zu", qAtMost},
	{"schätzungsweise", qApprox}, {"ungefähr", qApprox}, {"annähernd", qApprox}, {"circa", qApprox},
	{"zirka", qApprox}, {"ca.", qApprox}, {"etwa", qApprox}, {"rund", qApprox},
	{"beinahe", qAlmost}, {"nahezu", qAlmost}, {"knapp", qAlmost}, {"fast", qAlmost},
	{"mindestens", qAtLeast}, {"wenigstens", qAtLeast}, {"höchstens", qAtMost}, {"maximal", qAtMost},
	{"allenfalls", qAtMost}, {"lediglich", qExact}, {"genau", qExact}, {"exakt", qExact}, {"nur", qExact},
	{"gut", qGood}, {"über", qMore}, {"unter", qLess},
}

// ParseQuantity returns the first figure in s.
func ParseQuantity(s string) (Quantity, bool) {
	qs := ParseQuantities(s)
	if len(qs) == 0 {
		return Quantity{}, false
	}
	return qs[0], true
}

// ParseQuantities finds the figures in one sentence: digits with German
// grouping ("100.000", "10 000"), decimals with scale words ("1,3
// Millionen"), ranges ("zwischen 300 – 500"), qualifiers ("mehr als", "bis
// zu", "fast"), percentages, number words ("zwölftausend"), vague plurals
// ("Tausende") and "keine". Dates, clock times, ordinals ("3. Armee"), bare
// years (1900–2100) and model numbers ("Su-35") are not figures.
func ParseQuantities(s string) []Quantity {
	return parseQuantities(s, "", nil)
}

// parseQuantities appends to out[:0]. ls is "" or the lower case of s with
// the same byte offsets (lowerSameWidth), which saves lower-casing words.
func parseQuantities(s, ls string, out []Quantity) []Quantity {
	out = out[:0]
	skipUntil := 0
	for a := 0; a < len(s); a++ {
		if s[a] < '0' || s[a] > '9' || (a > 0 && s[a-1] >= '0' && s[a-1] <= '9') {
			continue
		}
		if end, ok := dateAt(s, a); ok {
			a = end - 1 // "18.11.2024", "08:31" are times
			continue
		}
		if a >= 5 && s[a-1] == '/' && isDigits(s[a-5:a-1]) && (s[a-5] == '1' || s[a-5] == '2') && (a < 6 || s[a-6] < '0' || s[a-6] > '9') {
			// "die Spielzeit 2025/26", "im Schuljahr 2024/2025": a season
			for a < len(s) && s[a] >= '0' && s[a] <= '9' {
				a++
			}
			continue
		}
		b := scanNumber(s, a)
		if a < skipUntil || !numberBoundary(s, a, b) {
			a = b - 1
			continue
		}
		q, ok := numericFigure(s, a, b)
		if !ok {
			a = b - 1
			continue
		}
		skipUntil = q.End
		out = append(out, q)
		a = max(b, q.End) - 1
	}
	// Number words, vague plurals and "keine": a hand-written word scan,
	// since a regexp over every word of every sentence is the slowest part
	// of extraction.
	for a := 0; a < len(s); {
		r, w := decodeRune(s, a)
		if !isLetter(r) {
			a += w
			continue
		}
		b := a + w
		for b < len(s) {
			if c := s[b]; c < utf8.RuneSelf {
				if asciiClass[c]&aLetter == 0 {
					break
				}
				b++
				continue
			}
			r2, w2 := utf8.DecodeRuneInString(s[b:])
			if !unicode.IsLetter(r2) {
				break
			}
			b += w2
		}
		if b-a < 3 || !morphemeStart[s[a]|0x20] || a < skipUntil && overlapsAny(out, a, b) {
			a = b
			continue
		}
		word := s[a:b]
		var lw string
		if ls != "" {
			// The fold-equal forms of the morphemes' letters that keep
			// their width are just the capitals, so with widths kept,
			// numberMorpheme is a prefix test on the lower case.
			lw = ls[a:b]
			if !lowerMorpheme(lw) {
				a = b
				continue
			}
		} else {
			if !numberMorpheme(word) {
				a = b
				continue
			}
			lw = strings.ToLower(word)
		}
		if q, ok := wordFigure(s, a, b, word, lw); ok && !overlapsAny(out, q.Start, q.End) {
			out = insertSorted(out, q)
		}
		a = b
	}
	return out
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the ASCII case inline:
// the scans that use it look at every byte of every sentence.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isLetter is unicode.IsLetter with the ASCII case inline.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&aLetter != 0
	}
	return unicodeIsLetter(r)
}

// The unicode fallbacks are kept out of line so that the ASCII tests above
// stay small enough to inline.
//
//go:noinline
func unicodeIsLetter(r rune) bool { return unicode.IsLetter(r) }

const (
	aLetter = 1 << iota
	aDigit
	aSpace
)

// asciiClass classifies ASCII as unicode.IsLetter, IsDigit and IsSpace do.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if unicode.IsLetter(r) {
			t[r] |= aLetter
		}
		if unicode.IsDigit(r) {
			t[r] |= aDigit
		}
		if unicode.IsSpace(r) {
			t[r] |= aSpace
		}
	}
	return t
}()

// scanNumber returns the end of the number starting at s[i]: digits with
// German grouping ("100.000", "10 000" with any space) and an optional
// decimal part ("1,3").
func scanNumber(s string, i int) int {
	j := digitsEnd(s, i)
	if j-i <= 3 {
		k := j
		for {
			w := sepWidth(s, k)
			if w == 0 || digitsEnd(s, k+w)-(k+w) != 3 {
				break
			}
			k = k + w + 3
		}
		j = k
	}
	if j+1 < len(s) && s[j] == ',' && s[j+1] >= '0' && s[j+1] <= '9' {
		j = digitsEnd(s, j+1)
	}
	return j
}

func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// sepWidth is the byte width of a thousands separator at s[i], or 0.
func sepWidth(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == '.' || s[i] == ' ':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[i:], "\u202f"):
		return 3
	}
	return 0
}

// dateAt recognises "18.11.2024", "18.11." and "08:31" at s[i].
func dateAt(s string, i int) (int, bool) {
	d1 := digitsEnd(s, i)
	if d1-i > 2 || d1 >= len(s) {
		return 0, false
	}
	if s[d1] == ':' {
		d2 := digitsEnd(s, d1+1)
		if d2-d1-1 == 2 && (d2 == len(s) || !isWordByte(s[d2])) {
			return d2, true
		}
		return 0, false
	}
	if s[d1] != '.' {
		return 0, false
	}
	d2 := digitsEnd(s, d1+1)
	if n := d2 - d1 - 1; n < 1 || n > 2 || d2 >= len(s) || s[d2] != '.' {
		return 0, false
	}
	end := d2 + 1
	if y := digitsEnd(s, end); y-end == 4 || y-end == 2 {
		end = y
	}
	return end, true
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// numberMorphemes start or make up number words, vague plurals and "kein".
var numberMorphemes = []string{"kein", "tausend", "hundert", "dutzend", "million", "milliard", "zehn", "zwölf",
	"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig", "zwei", "drei", "vier",
	"fünf", "sechs", "sieben", "acht", "neun", "elf", "ein", "halbe", "anderthalb", "eineinhalb", "zehntausend",
	"hälfte", "dritt", "siebt"}

// morphemesByLetter groups numberMorphemes by first letter. Every morpheme
// starts with an ASCII letter, whose only case fold is its capital, so a
// word with another first byte cannot start with it.
var morphemesByLetter = func() (t [256][]string) {
	for _, m := range numberMorphemes {
		t[m[0]] = append(t[m[0]], m)
	}
	return t
}()

// morphemeStart marks the bytes of morphemesByLetter with entries.
var morphemeStart = func() (t [256]bool) {
	for c, ms := range morphemesByLetter {
		t[c] = len(ms) > 0
	}
	return t
}()

// numberMorpheme is the cheap test before wordFigure: does the word start
// with a number morpheme (any case)?
func numberMorpheme(w string) bool {
	c := w[0] | 0x20 // ASCII lower case; umlauts never start number words
	for _, m := range morphemesByLetter[c] {
		if len(w) >= len(m) && strings.EqualFold(w[:len(m)], m) {
			return true
		}
	}
	return false
}

// lowerMorpheme is numberMorpheme for a lower-case word.
func lowerMorpheme(lw string) bool {
	for _, m := range morphemesByLetter[lw[0]] {
		if strings.HasPrefix(lw, m) {
			return true
		}
	}
	return false
}

func overlapsAny(qs []Quantity, a, b int) bool {
	for _, q := range qs {
		if a < q.End && q.Start < b {
			return true
		}
	}
	return false
}

func insertSorted(qs []Quantity, q Quantity) []Quantity {
	i := len(qs)
	for i > 0 && qs[i-1].Start > q.Start {
		i--
	}
	qs = append(qs, Quantity{})
	copy(qs[i+1:], qs[i:])
	qs[i] = q
	return qs
}

// numberBoundary rejects digits glued to letters ("F16", "3D"), model
// numbers ("Su-35") and parts of longer numbers.
func numberBoundary(s string, a, b int) bool {
	if a > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		if (r == '-' || r == '.' || r == ',') && a-w > 0 {
			r2, _ := utf8.DecodeLastRuneInString(s[:a-w])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				return false
			}
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// parseNum reads "100.000", "10 000", "1,3" as a float.
func parseNum(t string) (float64, bool) {
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ',':
			b.WriteByte('.')
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func numericFigure(s string, a, b int) (Quantity, bool) {
	raw := s[a:b]
	v, ok := parseNum(raw)
	if !ok {
		return Quantity{}, false
	}
	end := b
	scaled := false
	if m := scaleAfter(s[end:]); m != nil {
		v *= scaleValue[strings.ToLower(s[end+m[2]:end+m[3]])]
		end += m[3]
		scaled = true
	}
	// An ordinal: "3. Armee", "zum 3. Mal". A stop at the very end of the
	// sentence is the sentence's own.
	if !scaled && end < len(s) && s[end] == '.' && end+1 < len(s) && !strings.ContainsAny(raw, ".,  ") {
		return Quantity{}, false
	}
	// A bare year is a time, not a count.
	if !scaled && len(raw) == 4 && isDigits(raw) && v >= 1900 && v <= 2100 {
		return Quantity{}, false
	}
	q := Quantity{Low: v, High: v, Point: v, Start: a}
	// Range: "300 – 500", "12.000-15.000", "2 bis 3 Millionen", "zwischen 300 und 500".
	var hi float64
	rangeEnd := -1
	if m := dashAfter(s[end:]); m != nil && !strings.HasPrefix(strings.TrimSpace(s[end+m[1]:]), "zu ") {
		hi, rangeEnd = secondNumber(s, end+m[1])
	}
	if rangeEnd < 0 && precededBy(s, a, "zwischen") {
		if m := undAfter(s[end:]); m != nil {
			hi, rangeEnd = secondNumber(s, end+m[1])
		}
	}
	if rangeEnd > 0 {
		if !scaled && hi >= 1000*v && v < 1000 {
			// "2 bis 3 Millionen": the scale belongs to both ends.
			for _, f := range []float64{1e9, 1e6, 1e3} {
				if hi >= f*v && hi/f >= v && hi/f < 1000 {
					v *= f
					break
				}
			}
		}
		if hi > v {
			q.Low, q.High, q.Point, q.Range, q.lowPrinted = v, hi, hi, true, v
			end = rangeEnd
		}
	}
	if m := percentAfter(s[end:]); m != nil {
		q.Percent = true
		end += m[3]
	}
	q.End = end
	applyQualifier(s, &q)
	q.Text = s[q.Start:q.End]
	return q, true
}

// secondNumber reads the upper end of a range starting at s[i:].
func secondNumber(s string, i int) (float64, int) {
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return 0, -1
	}
	b := scanNumber(s, i)
	if b < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[b:]); unicode.IsLetter(r) {
			return 0, -1
		}
	}
	v, ok := parseNum(s[i:b])
	if !ok {
		return 0, -1
	}
	if sm := scaleAfter(s[b:]); sm != nil {
		v *= scaleValue[strings.ToLower(s[b+sm[2]:b+sm[3]])]
		b += sm[3]
	}
	return v, b
}

// precededBy reports whether the word before s[at] is w (case-insensitive).
func precededBy(s string, at int, w string) bool {
	before := trimRightSpace(s[:at])
	if len(before) < len(w) || !utf8.RuneStart(before[len(before)-len(w)]) || !strings.EqualFold(before[len(before)-len(w):], w) {
		return false
	}
	rest := before[:len(before)-len(w)]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !unicode.IsLetter(r)
}

// trimRightSpace is strings.TrimRightFunc(s, unicode.IsSpace) without the
// indirect call per rune; applyQualifier asks it once per qualifier.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if asciiClass[c]&aSpace == 0 {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, w := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-w]
	}
	return s
}

// applyQualifier widens q by the qualifier right before it and moves
// q.Start to include it.
func applyQualifier(s string, q *Quantity) {
	at := q.Start
	if precededBy(s, at, "zwischen") {
		before := trimRightSpace(s[:at])
		at = len(before) - len("zwischen")
		q.Start = at
	}
	before := trimRightSpace(s[:at])
	if before == "" {
		return
	}
	// Every phrase ends in an ASCII byte, and no case fold of its letters
	// is narrower, so a text that ends in the phrase ends in that byte or
	// its capital: a cheap test before precededBy.
	last := before[len(before)-1] | 0x20
	for _, qu := range qualifiers {
		if qu.phrase[len(qu.phrase)-1]|0x20 != last || !precededBy(before, len(before), qu.phrase) {
			continue
		}
		if qu.phrase == "über" && governedByVerfuegen(before[:len(before)-len("über")]) {
			continue // "verfügt (laut X) über 500 Panzer" means has, not more than
		}
		if qu.phrase == "unter" && !q.Range && q.Point < 10 {
			continue
		}
		q.Qualifier = qu.phrase
		q.Start = len(before) - len(qu.phrase)
		widen(q, qu.kind)
		return
	}
}

// governedByVerfuegen reports whether a form of "verfügen" comes earlier in
// the clause that ends at the end of s.
func governedByVerfuegen(s string) bool {
	if i := strings.LastIndexAny(s, ",;.:"); i >= 0 {
		s = s[i+1:]
	}
	return strings.Contains(strings.ToLower(s), "verfüg")
}

func widen(q *Quantity, k qualKind) {
	switch k {
	case qApprox:
		q.Low, q.High = q.Low*(1-approxWidth), q.High*(1+approxWidth)
	case qAlmost:
		q.Low = q.High * (1 - almostWidth)
	case qGood:
		q.High = q.High * (1 + goodWidth)
	case qMore, qAtLeast:
		q.High = math.Inf(1)
	case qLess, qAtMost:
		q.Low = 0
	}
}

// wordFigure handles number words, vague plurals and "keine".
func wordFigure(s string, a, b int, w, lw string) (Quantity, bool) {
	switch lw {
	case "kein", "keine", "keinen", "keiner", "keinem", "keines":
		return Quantity{Low: 0, High: 0, Zero: true, Qualifier: "keine", Text: w, Start: a, End: b}, true
	}
	if r, ok := vagueWords[lw]; ok {
		if lw == "millionen" && numberBefore(s, a) {
			return Quantity{}, false // the scale of "1,3 Millionen", already read
		}
		q := Quantity{Low: r[0], High: r[1], Vague: true, Start: a, End: b}
		q.Point = r[0]
		applyQualifier(s, &q)
		q.Text = s[q.Start:q.End]
		return q, true
	}
	// "einige Tausend", "mehrere hundert"
	if lw == "tausend" || lw == "hundert" {
		if pw, start := prevWord(s, a); fewWords[strings.ToLower(pw)] {
			unit := 1000.0
			if lw == "hundert" {
				unit = 100
			}
			return Quantity{Low: 2 * unit, High: 10*unit - 1, Point: 2 * unit, Vague: true, Text: s[start:b], Start: start, End: b}, true
		}
	}
	if q, ok := fraction(s, a, b, lw); ok {
		return q, true
	}
	if unicode.IsUpper(firstRune(w)) && !sentenceInitial(s, a) && !afterDateline(s, a) {
		return Quantity{}, false // "Kanal Eins" is a name
	}
	var v float64
	end := b
	switch lw {
	case "halbe", "halben":
		v = 0.5
	case "anderthalb", "eineinhalb":
		v = 1.5
	default:
		n, ok := parseNumberWord(lw)
		if !ok {
			n, ok = halfMore(lw)
			if !ok {
				return Quantity{}, false
			}
			v = float64(n) + 0.5
			break
		}
		v = float64(n)
	}
	if nw, _ := nextWord(s, end); fractionNouns[strings.ToLower(nw)] != 0 {
		return Quantity{}, false // "zwei Drittel": read with the fraction
	}
	scaled := false
	if m := scaleAfter(s[end:]); m != nil {
		v *= scaleValue[strings.ToLower(s[end+m[2]:end+m[3]])]
		end += m[3]
		scaled = true
	}
	if !scaled {
		switch {
		case v != float64(int(v)):
			// "eine halbe Tonne", "anderthalb Liter", "zweieinhalb
			// Stunden": a measure; "die halbe Stadt" is none
			if nw, _ := nextWord(s, end); units[strings.ToLower(nw)] == "" && durationUnits[strings.ToLower(nw)] == "" {
				return Quantity{}, false
			}
		case lw == "ein", lw == "eine", lw == "eins", lw == "einen", lw == "einem", lw == "einer":
			return Quantity{}, false // the article, not a figure
		}
	}
	start := a
	if lw == "halbe" || lw == "halben" {
		if pw, at := prevWord(s, a); strings.EqualFold(pw, "eine") || strings.EqualFold(pw, "einer") {
			start = at
		}
	}
	q := Quantity{Low: v, High: v, Point: v, Start: start, End: end}
	if m := percentAfter(s[end:]); m != nil {
		q.Percent = true
		q.End = end + m[3]
	}
	applyQualifier(s, &q)
	q.Text = s[q.Start:q.End]
	return q, true
}

func numberBefore(s string, at int) bool {
	before := trimRightSpace(s[:at])
	if before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if unicode.IsDigit(r) {
		return true
	}
	pw, _ := prevWord(s, at)
	_, ok := parseNumberWord(strings.ToLower(pw))
	return ok || strings.EqualFold(pw, "halbe") || strings.EqualFold(pw, "anderthalb")
}

// fractionNouns are the denominators of fractions written as words.
var fractionNouns = map[string]float64{"hälfte": 2, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6,
	"achtel": 8, "zehntel": 10}

// ordinalShares are the ordinals of "jeder Fünfte": one in n.
var ordinalShares = map[string]float64{"zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6,
	"siebte": 7, "achte": 8, "neunte": 9, "zehnte": 10, "zwanzigste": 20, "hundertste": 100}

// fractionWidth is how loosely a fraction in words is meant: "die Hälfte"
// of a count is rarely exactly half.
const fractionWidth = 0.10

// fraction reads shares in words as percentages: "die Hälfte", "zwei
// Drittel", "ein Viertel", "jeder Fünfte", "jede zehnte", with a qualifier
// before them ("knapp die Hälfte", "mehr als ein Drittel").
func fraction(s string, a, b int, lw string) (Quantity, bool) {
	var v float64
	start := a
	pw, at := prevWord(s, a)
	plw := strings.ToLower(pw)
	if d := fractionNouns[lw]; d != 0 {
		n := 0
		switch {
		case lw == "hälfte" && (plw == "die" || plw == "der"), lw != "hälfte" && (plw == "ein" || plw == "einem"):
			n = 1 // (not "das Viertel", a part of town)
		default:
			if k, ok := parseNumberWord(plw); ok && k >= 2 && float64(k) < d && lw != "hälfte" {
				n = k
			}
		}
		if n == 0 {
			return Quantity{}, false
		}
		v, start = 100*float64(n)/d, at
	} else {
		base := strings.TrimSuffix(strings.TrimSuffix(lw, "n"), "r")
		d := ordinalShares[base]
		switch plw {
		case "jeder", "jede", "jedes", "jeden", "jedem":
		default:
			d = 0
		}
		if d == 0 {
			return Quantity{}, false
		}
		v, start = 100/d, at
	}
	q := Quantity{Low: v, High: v, Point: v, Percent: true, Start: start, End: b}
	applyQualifier(s, &q)
	if q.Qualifier == "" {
		q.Low, q.High = v*(1-fractionWidth), v*(1+fractionWidth)
	}
	q.Text = s[q.Start:q.End]
	return q, true
}

// nextWord returns the word after s[at:] begins (after spaces) and its offset.
func nextWord(s string, at int) (string, int) {
	i := at
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	return s[i:j], i
}

// prevWord returns the word before s[at] and its offset.
func prevWord(s string, at int) (string, int) {
	before := trimRightSpace(s[:at])
	i := len(before)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= w
	}
	return before[i:], i
}

// afterDateline reports a word that opens the sentence after its
// dateline: "Mittelberg – Sieben Tourengeher wurden …".
func afterDateline(s string, at int) bool {
	before := strings.TrimRight(s[:at], " ")
	if !strings.HasSuffix(before, "–") && !strings.HasSuffix(before, " -") {
		return false
	}
	return strings.Count(before, " ") <= 4
}

// sentenceInitial reports whether only punctuation precedes s[at].
func sentenceInitial(s string, at int) bool {
	for _, r := range s[:at] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var (
	numUnits = map[string]int{"ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
	numTeens = map[string]int{"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
	numTens  = map[string]int{"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
)

// parseNumberWord reads a German number word written as one word, up to
// 999.999: "zwölftausend", "dreihunderteinundzwanzig". Larger numbers are
// written with a separate scale word ("zwei Millionen"), handled by the
// caller.
func parseNumberWord(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	if i := strings.LastIndex(w, "tausend"); i >= 0 {
		k := 1
		if i > 0 {
			var ok bool
			if k, ok = below1000(w[:i]); !ok {
				return 0, false
			}
		}
		rest := w[i+len("tausend"):]
		r := 0
		if rest != "" {
			var ok bool
			if r, ok = below1000(strings.TrimPrefix(rest, "und")); !ok {
				return 0, false
			}
		}
		return k*1000 + r, true
	}
	return below1000(w)
}

// halfMore reads "zweieinhalb", "dreieinhalb", "zehneinhalb": a number
// word and a half, written as one word.
func halfMore(lw string) (int, bool) {
	n, ok := strings.CutSuffix(lw, "einhalb")
	if !ok || n == "" || n == "ein" {
		return 0, false
	}
	return parseNumberWord(n)
}

func below1000(w string) (int, bool) {
	if i := strings.Index(w, "hundert"); i >= 0 {
		h := 1
		if i > 0 {
			var ok bool
			if h, ok = numUnits[w[:i]]; !ok {
				return 0, false
			}
		}
		rest := w[i+len("hundert"):]
		if rest == "" {
			return h * 100, true
		}
		r, ok := below100(strings.TrimPrefix(rest, "und"))
		if !ok {
			return 0, false
		}
		return h*100 + r, true
	}
	return below100(w)
}

func below100(w string) (int, bool) {
	if v, ok := numUnits[w]; ok {
		return v, true
	}
	if v, ok := numTeens[w]; ok {
		return v, true
	}
	if v, ok := numTens[w]; ok {
		return v, true
	}
	if i := strings.Index(w, "und"); i > 0 {
		u, ok1 := numUnits[w[:i]]
		t, ok2 := numTens[w[i+3:]]
		if ok1 && ok2 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// isRound reports whether v looks rounded by the writer, which earns it a
// small tolerance when compared.
func isRound(v float64) bool {
	return v >= 100 && math.Mod(v, 100) == 0
}

// comparable returns the interval used for comparison: q widened by the
// rounding tolerance for bare round numbers.
func (q Quantity) comparable() (lo, hi float64) {
	lo, hi = q.Low, q.High
	if q.Qualifier != "" || q.Vague || q.Zero {
		return lo, hi
	}
	// "412 Millionen" is printed to the million and "1,2 Milliarden" to
	// the hundred million: a scaled figure is as round as its digits.
	if m, decimals, scale, ok := scaledMantissa(q.Text); ok && !q.Range {
		switch {
		case decimals > 0:
			half := 0.5 * math.Pow(10, -float64(decimals)) * scale
			return lo - half, hi + half
		case m >= 100 && !isRound(m):
			return lo, hi
		}
	}
	if isRound(q.Point) {
		lo, hi = lo*(1-roundWidth), hi*(1+roundWidth)
	}
	return lo, hi
}

// scaledMantissa reads a figure written with a scale word ("412
// Millionen", "1,25 Milliarden"): the number before it, its decimal
// places and the scale.
func scaledMantissa(text string) (m float64, decimals int, scale float64, ok bool) {
	num, rest, found := strings.Cut(strings.TrimSpace(text), " ")
	if !found {
		return 0, 0, 0, false
	}
	sc, known := scaleValue[strings.ToLower(strings.TrimSpace(rest))]
	if !known || sc < 1e6 {
		return 0, 0, 0, false
	}
	num = strings.ReplaceAll(num, ".", "")
	if i := strings.IndexByte(num, ','); i >= 0 {
		decimals = len(num) - i - 1
		num = num[:i] + "." + num[i+1:]
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, 0, 0, false
	}
	return v, decimals, sc, true
}

// center is the value the writer put forward: the printed number, the
// middle of a printed range or of a vague plural.
func (q Quantity) center() float64 {
	switch {
	case q.Vague:
		return (q.Low + q.High) / 2
	case q.Range:
		return (q.lowPrinted + q.Point) / 2
	}
	return q.Point
}

// Format renders the figure the German way: "etwa 15.000", "300–500",
// "mehr als 10.000", "1,3 Millionen", "Tausende", "keine".
func (q Quantity) Format() string {
	if q.Zero {
		return "keine"
	}
	if q.Vague {
		return strings.TrimSpace(q.Text)
	}
	var num string
	if q.Range {
		lo, hi := q.lowPrinted, q.Point
		if q.Qualifier == "bis zu" || q.Qualifier == "höchstens" || q.Qualifier == "maximal" {
			num = formatNumber(hi)
		} else {
			num = formatRange(lo, hi)
		}
	} else {
		num = formatNumber(q.Point)
	}
	if q.Percent {
		num += " %"
	}
	qual := q.Qualifier
	if qual == "zwischen" {
		qual = ""
	}
	if qual != "" {
		return qual + " " + num
	}
	return num
}

// formatRange writes "300–500" or "2–3 Millionen".
func formatRange(lo, hi float64) string {
	for _, sc := range []struct {
		f    float64
		name string
	}{{1e9, " Milliarden"}, {1e6, " Millionen"}} {
		if lo >= sc.f && hi >= sc.f {
			return strings.ReplaceAll(strconv.FormatFloat(lo/sc.f, 'f', -1, 64), ".", ",") + "–" +
				strings.ReplaceAll(strconv.FormatFloat(hi/sc.f, 'f', -1, 64), ".", ",") + sc.name
		}
	}
	return formatNumber(math.Round(lo)) + "–" + formatNumber(math.Round(hi))
}

// formatNumber writes v with German grouping, switching to "1,3 Millionen"
// for millions so the figure reads as it was written.
func formatNumber(v float64) string {
	switch {
	case v >= 1e9 && math.Mod(v, 1e9) != 0 && math.Mod(v, 1e7) == 0:
		return strings.ReplaceAll(strconv.FormatFloat(v/1e9, 'f', -1, 64), ".", ",") + " Milliarden"
	case v >= 1e6 && math.Mod(v, 1e6) != 0 && math.Mod(v, 1e4) == 0:
		return strings.ReplaceAll(strconv.FormatFloat(v/1e6, 'f', -1, 64), ".", ",") + " Millionen"
	case v >= 1e6 && math.Mod(v, 1e6) == 0 && v < 1e9:
		if v == 1e6 {
			return "1 Million"
		}
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + " Millionen"
	}
	if v != math.Trunc(v) {
		return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", ",")
	}
	digits := strconv.FormatFloat(v, 'f', 0, 64)
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
