package claims

import (
	"strconv"
	"strings"
	"time"

	"github.com/claimbot/claimbot/articles"
)

// Stage 1b: the time a sentence speaks about, resolved against the dateline.
//
// Window is the time a claim is about, as an interval of days. It is kept
// apart from the article's publication date: an article of 18 November
// saying "am Sonntag" speaks about the 17th, one saying "im vergangenen
// Jahr" about the year before.
type Window struct {
	From, To time.Time // inclusive, midnight UTC; both zero when unknown
	// Basis says where the window comes from:
	//   "published" the article's stated publication date (no time in the sentence),
	//   "explicit"  a date in the sentence ("am 18.11.2024", "im April 2019"),
	//   "relative"  a relative phrase resolved against the publication date ("am Sonntag"),
	//   "unknown"   nothing to go on.
	Basis string
	Cue   string // the words the window was read from
	// Anchor says what a relative phrase was resolved against.
	Anchor string
	// unsure marks a bare weekday of a sentence whose tense says neither
	// past nor present: resolved to the last such day, it may be the
	// coming one.
	unsure bool
	// said marks the time of a clause that gives a figure out ("meldete am
	// Donnerstag 14 Tote"): the figure's event may lie before it.
	said bool
	// span marks a count that runs up to To ("bis Ende März", "seit
	// Jahresbeginn"): a count up to another time is another state of it.
	span bool
	// onward marks a state set from the day after the dateline on
	// ("künftig"): two such states set on datelines more than
	// datelineDays apart are two settings, the later one moved on.
	onward bool
	// upTo is the dateline a count of a period still running is made up
	// to ("in diesem Jahr wurden 14 Wölfe überfahren"): two counts of the
	// period up to datelines more than datelineDays apart are two states.
	upTo time.Time
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
	case f.Day() == 1 && t.Equal(endOfMonth(t)):
		return f.Format("2006-01") + "/" + t.Format("2006-01")
	}
	return f.Format(time.DateOnly) + "/" + t.Format(time.DateOnly)
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
	}
	return "unknown: the article states no date"
}

func (w Window) overlaps(o Window) bool {
	return !w.From.After(o.To) && !o.From.After(w.To)
}

// reach is the window a comparison uses. A claim dated only by its
// article speaks about the two days before publication as well (news
// reports the night, the weekend), not about the weeks before: a death toll
// of the 3rd and one of the 6th are two states of the count.
func (w Window) reach() Window {
	if w.Basis == "published" {
		w.From = w.From.AddDate(0, 0, -2)
	}
	return w
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func endOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

func yearWindow(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 12, 31) }

// articleWindow is the time an article speaks from: its publication date,
// or unknown. An undated article's time is not guessed from its text: a
// duration ("nach fünf Monaten") needs to know since when, which is
// knowledge of the topic, not of the language.
func articleWindow(a articles.Article) Window {
	if a.Published.IsZero() {
		return Window{Basis: "unknown"}
	}
	p := a.Published
	d := day(p.Year(), p.Month(), p.Day())
	return Window{From: d, To: d, Basis: "published", Cue: a.PublishedDate()}
}

var monthNames = map[string]time.Month{
	"januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4, "apr": 4,
	"mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
	"sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}

var weekdays = map[string]time.Weekday{"sonntag": 0, "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4,
	"freitag": 5, "samstag": 6, "sonnabend": 6}

var smallNumbers = map[string]int{"ein": 1, "einem": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
	"fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}

// weekdayOf reads "montag", "montags", "montagabend", "montagmorgen".
func weekdayOf(lw string) (time.Weekday, bool) {
	if len(lw) < 6 {
		return 0, false
	}
	switch lw[:2] {
	case "mo", "di", "mi", "do", "fr", "sa", "so":
	default:
		return 0, false
	}
	for name, wd := range weekdays {
		if strings.HasPrefix(lw, name) {
			rest := lw[len(name):]
			switch rest {
			case "", "abend", "morgen", "nachmittag", "vormittag", "mittag", "früh", "nacht":
				return wd, true
			}
		}
	}
	return 0, false
}

// timeMention is one time expression of a sentence.
type timeMention struct {
	at int // token index where it starts
	w  Window
}

// timeTriggers are the words a time expression must contain; a sentence
// without any is skipped at once.
func timeTrigger(t token) bool {
	if t.punct {
		return false
	}
	lw := t.low
	if c := lw[0]; c >= '0' && c <= '9' {
		return true
	}
	switch lw {
	case "gestern", "vorgestern", "heute", "künftig", "nacht", "wochenende", "woche", "jahr", "jahres", "vorjahr", "monat",
		"monats", "vormonat", "quartal", "halbjahr", "jahresbeginn", "jahresende", "tagen", "wochen", "monaten", "jahren",
		"vortag", "vorabend", "einheit", "saison", "vorsaison":
		return true
	}
	if _, ok := feasts[lw]; ok {
		return true
	}
	if _, ok := seasons[lw]; ok {
		return true
	}
	if _, ok := monthNames[strings.TrimSuffix(lw, ".")]; ok {
		return true
	}
	_, ok := weekdayOf(lw)
	return ok
}

// sentenceTimes finds the time expressions of a sentence and resolves them
// against ref. future says the sentence speaks about what is to come ("am
// Samstag soll … stattfinden"), which moves a bare weekday or month forward;
// an, the sentence's analysis, moves a weekday forward in a clause in the
// present tense ("Am Freitag streiken die Busfahrer") and keeps a date
// still ahead in this year ("öffnet am 15. Juni"). A month stays where it
// is: "Im März liegt die Quote bei 5 Prozent" reports, and pastAt reads
// present plurals in -ten ("erhalten ab Juli") as past.
func sentenceTimes(toks []token, s string, ref Window, future bool, an *analysis, out []timeMention) []timeMention {
	out = out[:0]
	any := false
	for _, t := range toks {
		if timeTrigger(t) {
			any = true
			break
		}
	}
	if !any {
		return out
	}
	low := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].punct {
			return ""
		}
		return toks[i].low
	}
	cue := func(i, j int) string {
		if j >= len(toks) {
			j = len(toks) - 1
		}
		return strings.TrimSpace(s[toks[i].start:toks[j].end])
	}
	rel := func(at, end int, f, t time.Time) {
		w := Window{From: f, To: t, Cue: cue(at, end), Basis: "relative", Anchor: "publication " + ref.From.Format(time.DateOnly)}
		out = append(out, timeMention{at, w})
	}
	exp := func(at, end int, f, t time.Time) {
		out = append(out, timeMention{at, Window{From: f, To: t, Cue: cue(at, end), Basis: "explicit"}})
	}
	known := ref.Known()
	refDay := ref.To
	spanned := func() { out[len(out)-1].w.span = true }
	// spanPrep is the preposition that opens the expression starting at
	// token st: "bis Ende März", "bis zum 31. März", "seit Anfang Juni".
	spanPrep := func(st int) string {
		p := low(st - 1)
		if p == "zum" && low(st-2) == "bis" {
			return "bis"
		}
		if p == "bis" || p == "seit" {
			return p
		}
		return ""
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.punct {
			continue
		}
		lw := t.low
		// Start of the expression, with a part-of word before it.
		start := i
		part := ""
		if p := low(i - 1); p == "anfang" || p == "mitte" || p == "ende" {
			part, start = p, i-1
		}
		switch {
		case isDateToken(lw):
			if d, ok := parseDateToken(lw); ok {
				exp(start, i, d, d)
				continue
			}
		case isDigits(lw) && len(lw) <= 2 && i+2 < len(toks) && toks[i+1].text == ".":
			// "18. November", "18. November 2024"
			mo, ok := monthNames[low(i+2)]
			if !ok {
				break
			}
			d, _ := strconv.Atoi(lw)
			if d < 1 || d > 31 {
				break
			}
			if y, ok := yearAt(toks, i+3); ok {
				exp(start, i+3, day(y, mo, d), day(y, mo, d))
				i += 3
				continue
			}
			if !known {
				break
			}
			dt := day(refDay.Year(), mo, d)
			// "Ab dem 1. Januar kostet der Eintritt 8 Euro": from a day
			// on, as from a month on, is the coming one
			from := low(start-1) == "ab" || low(start-1) == "dem" && low(start-2) == "ab"
			switch {
			case from && !future && an != nil && an.startAhead(i):
				if dt.Before(refDay) {
					dt = day(refDay.Year()+1, mo, d)
				}
			case !future && dt.After(refDay) && !(an != nil && an.tenseAt(i) > 0):
				// (in the present tense a day still ahead is this year's:
				// "Das Freibad öffnet am 15. Juni")
				dt = day(refDay.Year()-1, mo, d)
			case future && dt.Before(refDay.AddDate(0, 0, -1)):
				dt = day(refDay.Year()+1, mo, d)
			}
			rel(start, i+2, dt, dt)
			if spanPrep(start) == "bis" {
				spanned()
			}
			i += 2
			continue
		}
		if mo, ok := monthNames[strings.TrimSuffix(lw, ".")]; ok && t.upper {
			// "von Januar bis März", "zwischen Januar und März (2023)"
			if p, n := low(i-1), low(i+1); (p == "von" || p == "zwischen") && (n == "bis" || n == "und") {
				if mo2, ok := monthNames[strings.TrimSuffix(low(i+2), ".")]; ok && i+2 < len(toks) && toks[i+2].upper {
					span := func(y int) (time.Time, time.Time) {
						y2 := y
						if mo2 < mo {
							y2++
						}
						return day(y, mo, 1), endOfMonth(day(y2, mo2, 1))
					}
					if y, ok := yearAt(toks, i+3); ok {
						f, to := span(y)
						if mo2 < mo {
							f, to = span(y - 1)
						}
						exp(i-1, i+3, f, to)
						i += 3
						continue
					}
					if known {
						f, to := span(refDay.Year())
						switch {
						case !future && f.After(refDay):
							f, to = span(refDay.Year() - 1)
						case future && to.Before(refDay):
							f, to = span(refDay.Year() + 1)
						}
						rel(i-1, i+2, f, to)
						i += 2
						continue
					}
				}
			}
			if y, ok := yearAt(toks, i+1); ok {
				f, to := partOfMonth(part, y, mo)
				exp(start, i+1, f, to)
				i++
				continue
			}
			if !known || !monthContext(low(i-1), part) {
				continue
			}
			y := refDay.Year()
			f, to := partOfMonth(part, y, mo)
			// "Eltern müssen ab Januar mehr bezahlen": from a month on, in
			// the present tense, is the coming one
			ahead := future || low(i-1) == "ab" && an != nil && an.startAhead(i)
			switch {
			case ahead:
				if to.Before(day(refDay.Year(), refDay.Month(), 1)) {
					f, to = partOfMonth(part, y+1, mo)
				}
			case !future && f.After(refDay):
				f, to = partOfMonth(part, y-1, mo)
			case future && to.Before(day(refDay.Year(), refDay.Month(), 1)):
				f, to = partOfMonth(part, y+1, mo)
			}
			switch spanPrep(start) {
			case "seit":
				// "seit Anfang Juni": from then up to the dateline
				if !future && refDay.After(f) {
					rel(start-1, i, f, refDay)
					spanned()
					continue
				}
			case "bis":
				rel(start, i, f, to)
				spanned()
				continue
			}
			rel(start, i, f, to)
			continue
		}
		if y, ok := yearAt(toks, i); ok {
			p := low(i - 1)
			switch {
			case p == "seit":
				if known && refDay.Year() >= y {
					exp(i-1, i, day(y, 1, 1), refDay)
					spanned()
				}
			case p == "bis":
				// a deadline, not the time of the claim
			default:
				if p == "jahr" || p == "jahre" {
					start = i - 1
					if low(i-2) == "im" {
						start = i - 2
					}
				}
				f, to := partOfYear(part, y)
				if se, ok := seasons[p]; ok {
					start = i - 1
					if low(i-2) == "im" {
						start = i - 2
					}
					f, to = day(y, time.Month(se[0]), 1), endOfMonth(day(y, time.Month(se[1]), 1))
				}
				if q, ok := quarterBefore(toks, i); ok {
					f, to = day(y, time.Month(3*q-2), 1), endOfMonth(day(y, time.Month(3*q), 1))
				}
				if h, ok := halfBefore(toks, i); ok {
					// "im ersten Halbjahr 2025"
					f, to = day(y, time.Month(6*h-5), 1), endOfMonth(day(y, time.Month(6*h), 1))
				}
				exp(start, i, f, to)
			}
			continue
		}
		if !known {
			continue
		}
		switch lw {
		case "saison", "vorsaison":
			// "in dieser Saison", "in der vergangenen Saison", "in der
			// Vorsaison": a season without its year is the one up to the
			// dateline, or the one a year before it ("die Saison 2024" has
			// its year)
			if _, y := yearAt(toks, i+1); y {
				break
			}
			p := low(i - 1)
			switch {
			case lw == "vorsaison" || lastWord(p, "vergangenen", "letzten", "vorigen", "vergangene", "letzte", "vorige"):
				rel(weekStart(toks, i), i, refDay.AddDate(0, -18, 0), refDay.AddDate(0, -6, -1))
				continue
			case lastWord(p, "dieser", "diese", "laufenden", "laufende", "aktuellen", "aktuelle"):
				rel(weekStart(toks, i), i, refDay.AddDate(0, -5, 0), refDay)
				if !future {
					out[len(out)-1].w.upTo = refDay // up to the dateline, as "in diesem Jahr"
				}
				continue
			case lastWord(p, "kommenden", "nächsten", "kommende", "nächste"):
				rel(weekStart(toks, i), i, refDay.AddDate(0, 0, 1), refDay.AddDate(1, 0, 0))
				continue
			}
		case "künftig":
			// "Künftig kostet der Eintritt 6 Euro": from the day after the
			// dateline on, a state set for what is to come
			rel(i, i, refDay.AddDate(0, 0, 1), refDay.AddDate(1, 0, 0))
			out[len(out)-1].w.onward = true
			continue
		case "gestern":
			d := refDay.AddDate(0, 0, -1)
			rel(i, i, d, d)
			continue
		case "vorgestern":
			d := refDay.AddDate(0, 0, -2)
			rel(i, i, d, d)
			continue
		case "heute":
			rel(i, i, refDay, refDay)
			continue
		case "vortag", "vorabend":
			// "am Vortag": the day before the article's
			d := refDay.AddDate(0, 0, -1)
			rel(weekStart(toks, i), i, d, d)
			continue
		case "einheit":
			// "am Tag der Deutschen Einheit"
			if low(i-1) == "deutschen" && low(i-2) == "der" && low(i-3) == "tag" {
				f, to := feastWindow(func(y int) (time.Time, time.Time) { return day(y, 10, 3), day(y, 10, 3) }, refDay, future)
				rel(i-3, i, f, to)
				continue
			}
		case "nacht":
			// "in der Nacht zu Montag", "in der Nacht zum Sonntag", "in der Nacht auf Dienstag"
			if n := low(i + 1); n == "zu" || n == "zum" || n == "auf" {
				if wd, ok := weekdayOf(low(i + 2)); ok {
					d := lastWeekday(refDay, wd, future)
					st := i
					if low(i-1) == "der" && low(i-2) == "in" {
						st = i - 2
					}
					rel(st, i+2, d.AddDate(0, 0, -1), d)
					i += 2
					continue
				}
			}
		case "wochenende":
			d := refDay
			if future || lastWord(low(i-1), "kommenden", "nächsten") || !lastWord(low(i-1), "vergangenen", "letzten", "vorigen") && an.tenseAt(i) > 0 {
				for d.Weekday() != time.Saturday {
					d = d.AddDate(0, 0, 1)
				}
				rel(start, i, d, d.AddDate(0, 0, 1))
				continue
			}
			if d.Weekday() != time.Sunday && d.Weekday() != time.Saturday || lastWord(low(i-1), "vergangenen", "letzten", "vorigen", "vorletzten", "vorvergangenen") {
				d = d.AddDate(0, 0, -1)
				for d.Weekday() != time.Sunday {
					d = d.AddDate(0, 0, -1)
				}
			} else if d.Weekday() == time.Saturday {
				d = d.AddDate(0, 0, 1)
			}
			if lastWord(low(i-1), "vorletzten", "vorvergangenen") {
				d = d.AddDate(0, 0, -7) // the weekend before the last
			}
			rel(weekStart(toks, i), i, d.AddDate(0, 0, -1), d)
			continue
		case "woche":
			p := low(i - 1)
			mon := refDay
			for mon.Weekday() != time.Monday {
				mon = mon.AddDate(0, 0, -1)
			}
			switch {
			case lastWord(p, "vergangenen", "letzten", "vorigen", "vergangene", "letzte", "vorige", "vorwoche"):
				rel(weekStart(toks, i), i, mon.AddDate(0, 0, -7), mon.AddDate(0, 0, -1))
				continue
			case lastWord(p, "vorletzten", "vorletzte", "vorvergangenen", "vorvergangene"):
				rel(weekStart(toks, i), i, mon.AddDate(0, 0, -14), mon.AddDate(0, 0, -8))
				continue
			case lastWord(p, "dieser", "diese", "laufenden"):
				rel(weekStart(toks, i), i, mon, refDay)
				continue
			case lastWord(p, "kommenden", "nächsten", "kommende", "nächste"):
				rel(weekStart(toks, i), i, mon.AddDate(0, 0, 7), mon.AddDate(0, 0, 13))
				continue
			}
		case "jahr", "jahres", "vorjahr":
			p := low(i - 1)
			y := refDay.Year()
			switch {
			case lw == "vorjahr" || lastWord(p, "vergangenen", "letzten", "vorigen", "vergangenes", "letztes", "voriges", "vergangene", "letzte", "vorige"):
				// "das vergangene Jahr" (weak ending after the article) too
				f, to := yearWindow(y - 1)
				rel(weekStart(toks, i), i, f, to)
				continue
			case lastWord(p, "diesem", "dieses", "laufenden", "diesen"):
				f, to := yearWindow(y)
				rel(weekStart(toks, i), i, f, to)
				if !future {
					// what happened in this year is counted up to the
					// dateline: two such counts months apart are two
					// states of it
					out[len(out)-1].w.upTo = refDay
				}
				continue
			case lastWord(p, "kommenden", "nächsten", "kommendes", "nächstes", "kommende", "nächste"):
				f, to := yearWindow(y + 1)
				rel(weekStart(toks, i), i, f, to)
				continue
			case p == "des" && (low(i-2) == "beginn" || low(i-2) == "anfang") && low(i-3) == "seit":
				rel(i-3, i, day(y, 1, 1), refDay) // since, as "seit Jahresbeginn"
				continue
			case p == "des" && (low(i-2) == "beginn" || low(i-2) == "anfang"):
				rel(i-2, i, day(y, 1, 1), day(y, 3, 31))
				continue
			}
		case "quartal":
			// "im ersten Quartal" without a year: the latest such quarter
			// that has begun by the dateline
			if q, ok := quarterBefore(toks, i+1); ok && !func() bool { _, y := yearAt(toks, i+1); return y }() {
				f, l := latestPeriod(refDay, 3, q)
				rel(weekStart(toks, i), i, f, l)
				continue
			}
		case "halbjahr":
			// "im ersten Halbjahr" without a year: the latest such half
			// that has begun by the dateline
			h := 0
			switch low(i - 1) {
			case "ersten", "1.":
				h = 1
			case "zweiten", "2.":
				h = 2
			}
			if _, y := yearAt(toks, i+1); h > 0 && !y {
				f, l := latestPeriod(refDay, 6, h)
				rel(weekStart(toks, i), i, f, l)
				continue
			}
		case "jahresbeginn":
			if low(i-1) == "seit" {
				rel(i-1, i, day(refDay.Year(), 1, 1), refDay)
				spanned()
			} else {
				rel(i, i, day(refDay.Year(), 1, 1), day(refDay.Year(), 3, 31))
			}
			continue
		case "monat", "monats", "vormonat":
			p := low(i - 1)
			first := day(refDay.Year(), refDay.Month(), 1)
			switch {
			case lw == "vormonat" || lastWord(p, "vergangenen", "letzten", "vorigen", "vergangene", "letzte", "vorige"):
				f := first.AddDate(0, -1, 0)
				rel(weekStart(toks, i), i, f, endOfMonth(f))
				continue
			case lastWord(p, "diesem", "dieses", "laufenden"):
				rel(weekStart(toks, i), i, first, endOfMonth(first))
				if !future {
					out[len(out)-1].w.upTo = refDay // up to the dateline, as this year
				}
				continue
			}
		case "tagen", "wochen", "monaten", "jahren":
			// "vor zwei Wochen", "vor 3 Tagen", "vor knapp zwei Wochen"
			if vorAt := i - 2; low(vorAt) == "vor" || low(i-3) == "vor" && agoQualifiers[low(i-2)] {
				if low(vorAt) != "vor" {
					vorAt = i - 3
				}
				n, ok := smallNumbers[low(i-1)]
				if !ok {
					n, _ = strconv.Atoi(low(i - 1))
				}
				if n <= 0 {
					break
				}
				var f, to time.Time
				switch lw {
				case "tagen":
					f, to = refDay.AddDate(0, 0, -n), refDay.AddDate(0, 0, -n)
				case "wochen":
					f, to = refDay.AddDate(0, 0, -7*n-3), refDay.AddDate(0, 0, -7*n+3)
				case "monaten":
					f, to = refDay.AddDate(0, -n, -15), refDay.AddDate(0, -n, 15)
				case "jahren":
					f, to = yearWindow(refDay.Year() - n)
				}
				rel(vorAt, i, f, to)
				continue
			}
			// "in den letzten Tagen"
			if p := low(i - 1); p == "letzten" || p == "vergangenen" {
				back := map[string]int{"tagen": 7, "wochen": 31, "monaten": 120, "jahren": 730}[lw]
				rel(weekStart(toks, i), i, refDay.AddDate(0, 0, -back), refDay)
				continue
			}
		}
		if se, ok := seasons[lw]; ok && t.upper {
			// "im vergangenen Winter", "in diesem Sommer", "im Herbst": a
			// season without its year (with one, yearAt read it above)
			p := low(i - 1)
			if _, y := yearAt(toks, i+1); !y && (p == "im" || p == "diesem" || p == "diesen" ||
				lastWord(p, "vergangenen", "letzten", "vorigen", "kommenden", "nächsten")) {
				window := func(y int) (time.Time, time.Time) {
					return day(y, time.Month(se[0]), 1), endOfMonth(day(y, time.Month(se[1]), 1))
				}
				y := refDay.Year()
				f, to := window(y)
				switch {
				case lastWord(p, "kommenden", "nächsten") || future:
					for to.Before(refDay) || lastWord(p, "kommenden", "nächsten") && !f.After(refDay) {
						y++
						f, to = window(y)
					}
				case p == "diesem" || p == "diesen":
					// this year's; a winter is the one that began in the
					// year's second half
					y = refDay.Year()
					if se[1] > 12 && refDay.Month() <= 6 {
						y--
					}
					f, to = window(y)
				case p == "im" && an != nil && an.tenseAt(i) > 0:
					// in the present tense the coming season, unless the
					// last is hardly over: "Im Sommer öffnet das Freibad
					// wieder" in November
					for f.After(refDay) {
						y--
						f, to = window(y)
					}
					if to.AddDate(0, 1, 0).Before(refDay) {
						f, to = window(y + 1)
					}
				case lastWord(p, "vergangenen", "letzten", "vorigen"):
					for !to.Before(refDay) {
						y--
						f, to = window(y)
					}
				default:
					for f.After(refDay) {
						y--
						f, to = window(y)
					}
				}
				rel(weekStart(toks, i), i, f, to)
				continue
			}
		}
		if feast, ok := feasts[lw]; ok {
			// "an Ostern", "in der Silvesternacht", "an Heiligabend 2023"
			if y, ok := yearAt(toks, i+1); ok {
				f, to := feast(y)
				exp(weekStart(toks, i), i+1, f, to)
				i++
				continue
			}
			// (in the present tense the coming one: "An Weihnachten öffnet
			// das Museum", "Zum Jahreswechsel steigt der Beitrag")
			f, to := feastWindow(feast, refDay, future || lastWord(low(i-1), "kommenden", "nächsten") || an != nil && an.tenseAt(i) > 0)
			rel(weekStart(toks, i), i, f, to)
			continue
		}
		if wd, ok := weekdayOf(lw); ok {
			p := low(i - 1)
			// "für Samstag angekündigt": what a day is set for lies ahead
			said := future || lastWord(p, "kommenden", "nächsten", "vergangenen", "letzten", "vorigen", "vorletzten", "vorvergangenen") || p == "für" || p == "seit"
			st := weekStart(toks, i)
			tense := 0
			if !said && an != nil {
				tense = an.tenseAt(i)
				k := i - 1
				if lastWord(low(k), "am", "vom", "zum") {
					k--
				}
				if tense > 0 && k >= 0 && toks[k].upper && !toks[k].punct {
					// "Den Schaden des Hagelsturms am Dienstag beziffert die
					// Stadt auf …": the day dates the noun before it, an
					// event the present tense does not date
					tense = 0
				}
			}
			fwd := future || lastWord(p, "kommenden", "nächsten") || p == "für" || tense > 0
			if lastWord(p, "vergangenen", "letzten", "vorigen", "vorletzten", "vorvergangenen") || p == "seit" {
				fwd = false // "seit Donnerstag betrifft": since the last one, whatever the tense
			}
			d := lastWeekday(refDay, wd, fwd)
			if lastWord(p, "vorletzten", "vorvergangenen") {
				d = d.AddDate(0, 0, -7)
			}
			if low(i-1) == "seit" {
				rel(i-1, i, d, refDay)
				spanned()
				continue
			}
			rel(st, i, d, d)
			// neither a word nor the tense says which: the day may as well
			// be the coming one
			out[len(out)-1].w.unsure = !said && tense == 0 && an != nil && !d.Equal(refDay)
			continue
		}
	}
	return out
}

// agoQualifiers may stand between "vor" and its number: "vor knapp zwei
// Wochen", "vor gut drei Jahren".
var agoQualifiers = set("knapp gut etwa rund fast ungefähr circa zirka beinahe")

// feasts are the holidays news date events by, each as its window in a
// year: fixed days, and those that move with Easter.
var feasts = map[string]func(y int) (time.Time, time.Time){
	"silvester":       func(y int) (time.Time, time.Time) { return day(y, 12, 31), day(y, 12, 31) },
	"silvesternacht":  func(y int) (time.Time, time.Time) { return day(y, 12, 31), day(y+1, 1, 1) },
	"silvesterabend":  func(y int) (time.Time, time.Time) { return day(y, 12, 31), day(y, 12, 31) },
	"neujahrsnacht":   func(y int) (time.Time, time.Time) { return day(y-1, 12, 31), day(y, 1, 1) },
	"jahreswechsel":   func(y int) (time.Time, time.Time) { return day(y-1, 12, 31), day(y, 1, 1) },
	"jahreswende":     func(y int) (time.Time, time.Time) { return day(y-1, 12, 31), day(y, 1, 1) },
	"neujahr":         func(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 1, 1) },
	"neujahrstag":     func(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 1, 1) },
	"heiligabend":     func(y int) (time.Time, time.Time) { return day(y, 12, 24), day(y, 12, 24) },
	"weihnachten":     func(y int) (time.Time, time.Time) { return day(y, 12, 24), day(y, 12, 26) },
	"weihnachtstagen": func(y int) (time.Time, time.Time) { return day(y, 12, 25), day(y, 12, 26) },
	"karfreitag":      easterOffset(-2, -2),
	"ostern":          easterOffset(0, 1),
	"ostersonntag":    easterOffset(0, 0),
	"ostermontag":     easterOffset(1, 1),
	"himmelfahrt":     easterOffset(39, 39),
	"pfingsten":       easterOffset(49, 50),
	"pfingstsonntag":  easterOffset(49, 49),
	"pfingstmontag":   easterOffset(50, 50),
	"fronleichnam":    easterOffset(60, 60),
}

// easterOffset is a feast's window in days after Easter Sunday.
func easterOffset(from, to int) func(y int) (time.Time, time.Time) {
	return func(y int) (time.Time, time.Time) {
		e := easter(y)
		return e.AddDate(0, 0, from), e.AddDate(0, 0, to)
	}
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous algorithm of Meeus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return day(y, time.Month(month), (h+l-7*m+114)%31+1)
}

// feastWindow is the feast's latest instance begun by ref, or with
// forward the first not yet over.
func feastWindow(feast func(y int) (time.Time, time.Time), ref time.Time, forward bool) (time.Time, time.Time) {
	y := ref.Year()
	f, to := feast(y)
	switch {
	case !forward && f.After(ref):
		f, to = feast(y - 1)
	case forward && to.Before(ref):
		f, to = feast(y + 1)
	}
	return f, to
}

// weekStart moves the cue of "vergangenen Woche" back over its article
// and adjective: "in der vergangenen Woche".
func weekStart(toks []token, i int) int {
	j := i
	for j > 0 && j > i-3 {
		p := toks[j-1].low
		if toks[j-1].punct || !(determiners[p] || p == "am" || p == "im" || p == "in" || p == "an" || looksAdjective(p) ||
			p == "vergangenen" || p == "letzten") {
			break
		}
		j--
	}
	return j
}

func lastWord(w string, opts ...string) bool {
	for _, o := range opts {
		if w == o {
			return true
		}
	}
	return false
}

// lastWeekday is the latest day on or before ref that is wd, or with
// forward the first on or after it.
func lastWeekday(ref time.Time, wd time.Weekday, forward bool) time.Time {
	d := ref
	step := -1
	if forward {
		step = 1
	}
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, step)
	}
	return d
}

// monthContext reports whether a month name without a year is a time:
// "im März", "Anfang März", "seit März", "bis März" (not "Mai" the name).
func monthContext(prev, part string) bool {
	return part != "" || prev == "im" || prev == "seit" || prev == "ab" || prev == "bis" || prev == "des" ||
		prev == "zum" || prev == "vom" || prev == "monat" || prev == "diesen" || prev == "vergangenen" || prev == "letzten"
}

func quarterBefore(toks []token, i int) (int, bool) {
	if i < 2 || toks[i-1].low != "quartal" {
		return 0, false
	}
	switch toks[i-2].low {
	case "ersten", "1":
		return 1, true
	case "zweiten", "2":
		return 2, true
	case "dritten", "3":
		return 3, true
	case "vierten", "4", "letzten":
		return 4, true
	}
	return 0, false
}

// halfBefore reads "ersten Halbjahr" or "zweiten Halbjahr" before token i.
func halfBefore(toks []token, i int) (int, bool) {
	if i < 2 || toks[i-1].low != "halbjahr" && toks[i-1].low != "halbjahres" {
		return 0, false
	}
	switch toks[i-2].low {
	case "ersten", "1":
		return 1, true
	case "zweiten", "2":
		return 2, true
	}
	return 0, false
}

// yearAt reads a year (1900–2100) at token i.
func yearAt(toks []token, i int) (int, bool) {
	if i < 0 || i >= len(toks) {
		return 0, false
	}
	lw := toks[i].low
	if len(lw) != 4 || !isDigits(lw) {
		return 0, false
	}
	y, _ := strconv.Atoi(lw)
	if y < 1900 || y > 2100 {
		return 0, false
	}
	// "2024" inside a figure ("2.024") is a number, not a year.
	if i > 0 && (toks[i-1].text == "." || toks[i-1].text == ",") && i > 1 && isDigits(toks[i-2].low) {
		return 0, false
	}
	return y, true
}

// isDateToken reports "18.11.2024" and "18.11." kept as one token.
func isDateToken(lw string) bool {
	return strings.Count(lw, ".") == 2 && len(lw) >= 8 && lw[0] >= '0' && lw[0] <= '9'
}

func parseDateToken(lw string) (time.Time, bool) {
	parts := strings.Split(lw, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	d, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	y, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	if y < 100 {
		y += 2000
	}
	if y < 1900 || y > 2100 {
		return time.Time{}, false
	}
	return day(y, time.Month(m), d), true
}

// partOfMonth narrows a month to Anfang (1–10), Mitte (11–20), Ende (21–).
func partOfMonth(part string, y int, m time.Month) (time.Time, time.Time) {
	first := day(y, m, 1)
	last := endOfMonth(first)
	switch part {
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
	switch part {
	case "anfang":
		return day(y, 1, 1), day(y, 4, 30)
	case "mitte":
		return day(y, 5, 1), day(y, 8, 31)
	case "ende":
		return day(y, 9, 1), day(y, 12, 31)
	}
	return yearWindow(y)
}

// sentenceWindow resolves the first time expression of a sentence against
// ref; ok is false when it names none.
func sentenceWindow(s string, ref Window) (Window, bool) {
	toks := tokenize(s, nil)
	var an analysis
	an.reset(s, strings.ToLower(s), toks)
	an.analyse()
	ms := sentenceTimes(toks, s, ref, futureSentence(toks), &an, nil)
	if len(ms) == 0 {
		return Window{}, false
	}
	return ms[0].w, true
}

// futureSentence reports whether the sentence speaks of what is to come:
// "wird … stattfinden", "soll … schließen", "kommenden Samstag".
func futureSentence(toks []token) bool {
	for _, t := range toks {
		switch t.low {
		case "wird", "werden", "soll", "sollen", "will", "wollen", "plant", "geplant", "kommenden", "nächsten",
			"kommende", "nächste", "künftig", "voraussichtlich":
			return true
		}
	}
	return false
}

// latestPeriod is the k-th period of months months in a year (quarter:
// 3, half-year: 6) that has begun by ref: this year's, or last year's when
// this year's lies ahead. It returns the period's first and last day.
func latestPeriod(ref time.Time, months, k int) (first, last time.Time) {
	y := ref.Year()
	start := time.Month(months*(k-1) + 1)
	if day(y, start, 1).After(ref) {
		y--
	}
	return day(y, start, 1), endOfMonth(day(y, time.Month(months*k), 1))
}
