// Package l10n is claimbot's one message catalogue and its locale
// formatting: every sentence a person reads — in Discord, in the console
// and on the command line — is declared once with New (or Plural) in the
// package that shows it, in English and German, and rendered with Lang.T
// in the reader's language.
//
// Messages are formatted by golang.org/x/text/message, so numbers in them
// follow the language (1.000 in German, 1,000 in English) and plural forms
// come from CLDR rules. The English text is the message's key, as in
// gettext: declaring one English sentence with two German translations
// panics at start-up, so a reviewer sees both languages side by side and a
// missing translation cannot compile (New takes both).
//
// Dates are formatted here too (18.11.2024 / 18 Nov 2024), and ISO 8601
// days, months, years and intervals (what claims.Window prints) are read
// back into the reader's form.
package l10n

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a reply language.
type Lang int

// The languages claimbot speaks. English is the zero value: Discord
// clients in any other locale than German get English.
const (
	EN Lang = iota
	DE
)

// Langs lists every language, for tests that render everything in each.
var Langs = []Lang{EN, DE}

// String is the language's code, "en" or "de".
func (l Lang) String() string {
	if l == DE {
		return "de"
	}
	return "en"
}

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == DE {
		return language.German
	}
	return language.English
}

// DiscordLocale is the Discord locale of the language ("de", "en-US").
func (l Lang) DiscordLocale() string {
	if l == DE {
		return "de"
	}
	return "en-US"
}

// FromDiscord maps a Discord locale ("de", "en-US", "fr", …) to a reply
// language: German for German clients, English for everyone else.
func FromDiscord(locale string) Lang {
	l, ok := Parse(locale)
	if !ok {
		return EN
	}
	return l
}

// Parse reads a language setting: "de", "en", a BCP 47 tag ("de-AT",
// "en-GB") or a POSIX locale ("de_DE.UTF-8"). ok is false for anything
// else, including the POSIX "C" locale.
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "de":
		return DE, true
	case "en":
		return EN, true
	}
	return EN, false
}

// Msg is a catalogue message. Its zero value renders as "".
type Msg struct{ key string }

// Key is the message's key, its English text (the English plural form
// for Plural), for keeping a message to render later; Lookup finds the
// message again.
func (m Msg) Key() string { return m.key }

// Lookup returns the message declared with key; false when no package of
// this program declares it (a message a later or earlier version of
// claimbot wrote, since changed or removed).
func Lookup(key string) (Msg, bool) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := entries[key]; !ok || key == "" {
		return Msg{}, false
	}
	return Msg{key: key}, true
}

// Entry is one catalogue message in both languages, for tests and review.
type Entry struct {
	EN, DE string
	Plural bool // EN and DE are "one|other" forms
}

var (
	mu       sync.Mutex
	builder  = catalog.NewBuilder(catalog.Fallback(language.English))
	entries  = map[string]Entry{}
	printers [2]*message.Printer
)

// New declares a message: a fmt format in English and in German, with
// the same verbs. Explicit argument indexes (%[2]s) let the languages
// order arguments differently. Integers given to %d are grouped by the
// language's rules; years and IDs must be passed as strings.
func New(en, de string) Msg {
	register(en, Entry{EN: en, DE: de})
	must(builder.SetString(language.English, en, en))
	must(builder.SetString(language.German, en, de))
	return Msg{key: en}
}

// Plural declares a message whose first argument is a count: the singular
// and plural forms in English, then in German ("%d Artikel" for both is
// fine). The key is the English plural form.
func Plural(enOne, enOther, deOne, deOther string) Msg {
	key := enOther
	register(key, Entry{EN: enOne + "|" + enOther, DE: deOne + "|" + deOther, Plural: true})
	must(builder.Set(language.English, key, plural.Selectf(1, "%d", "one", enOne, "other", enOther)))
	must(builder.Set(language.German, key, plural.Selectf(1, "%d", "one", deOne, "other", deOther)))
	return Msg{key: key}
}

func register(key string, e Entry) {
	mu.Lock()
	defer mu.Unlock()
	if key == "" {
		panic("l10n: empty message")
	}
	if old, ok := entries[key]; ok && old != e {
		panic(fmt.Sprintf("l10n: %q is declared twice with different translations: %q and %q", key, old.DE, e.DE))
	}
	entries[key] = e
	printers = [2]*message.Printer{}
}

func must(err error) {
	if err != nil {
		panic("l10n: " + err.Error())
	}
}

func (l Lang) printer() *message.Printer {
	mu.Lock()
	defer mu.Unlock()
	if l != DE {
		l = EN
	}
	if printers[l] == nil {
		printers[l] = message.NewPrinter(l.Tag(), message.Catalog(builder))
	}
	return printers[l]
}

// T renders a message in the language.
func (l Lang) T(m Msg, args ...any) string {
	if m.key == "" {
		return ""
	}
	return l.printer().Sprintf(m.key, args...)
}

// Both renders a message in both languages, English first (for matching
// text that may have been written in either, such as a field name on a
// message posted earlier).
func Both(m Msg) [2]string { return [2]string{EN.T(m), DE.T(m)} }

// Entries lists the catalogue, sorted by English text.
func Entries() []Entry {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EN < out[j].EN })
	return out
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Verbs lists a format's verbs, sorted, for comparing translations.
func Verbs(format string) []string {
	vs := verbRE.FindAllString(format, -1)
	out := vs[:0]
	for _, v := range vs {
		if v != "%%" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// Check reports catalogue entries that are incomplete: an empty side, or
// verbs that differ between the languages (a German sentence that drops
// the number the English one shows). Tests call it in every package that
// declares messages, so each test binary checks what it links.
func Check() []error {
	var errs []error
	for _, e := range Entries() {
		if strings.TrimSpace(strings.Trim(e.EN, "|")) == "" || strings.TrimSpace(strings.Trim(e.DE, "|")) == "" {
			errs = append(errs, fmt.Errorf("%q: a language is empty (de %q)", e.EN, e.DE))
			continue
		}
		ens, des := []string{e.EN}, []string{e.DE}
		if e.Plural {
			ens, des = strings.SplitN(e.EN, "|", 2), strings.SplitN(e.DE, "|", 2)
		}
		for i := range ens {
			if i < len(des) && strings.Join(Verbs(ens[i]), " ") != strings.Join(Verbs(des[i]), " ") {
				errs = append(errs, fmt.Errorf("%q and %q: the verbs differ (%v, %v)", ens[i], des[i], Verbs(ens[i]), Verbs(des[i])))
			}
		}
	}
	return errs
}

// Number formats an integer with the language's grouping: 100.000 or
// 100,000.
func (l Lang) Number(n int) string { return l.printer().Sprintf("%d", n) }

var (
	monthsEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsDE = [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}
)

// Date is a calendar day as readers write it: 18.11.2024, 18 Nov 2024.
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if l == DE {
		return t.Format("02.01.2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
}

// DayMonth is a day without its year, for a sentence whose year is clear:
// 18.11., 18 Nov.
func (l Lang) DayMonth(t time.Time) string {
	if l == DE {
		return t.Format("02.01.")
	}
	return fmt.Sprintf("%d %s", t.Day(), monthsEN[t.Month()-1])
}

// Month is a month: Nov. 2024, Nov 2024.
func (l Lang) Month(t time.Time) string {
	if l == DE {
		return monthsDE[t.Month()-1] + " " + t.Format("2006")
	}
	return monthsEN[t.Month()-1] + " " + t.Format("2006")
}

// DateTime is a moment in UTC: 18.11.2024, 08:31 UTC.
func (l Lang) DateTime(t time.Time) string {
	t = t.UTC()
	return l.Date(t) + ", " + t.Format("15:04") + " UTC"
}

// ISO renders an ISO 8601 day ("2024-11-18"), month ("2024-11"), year
// ("2024") or interval of those ("2025-04/2025-12") in the language;
// anything else comes back unchanged.
func (l Lang) ISO(s string) string {
	if from, to, ok := strings.Cut(s, "/"); ok {
		return l.ISO(from) + "–" + l.ISO(to)
	}
	for _, f := range []struct {
		layout string
		render func(time.Time) string
	}{
		{time.DateOnly, l.Date},
		{"2006-01", l.Month},
		{"2006", func(t time.Time) string { return t.Format("2006") }},
	} {
		if len(s) == len(f.layout) {
			if t, err := time.Parse(f.layout, s); err == nil {
				return f.render(t)
			}
		}
	}
	return s
}

// Duration is a duration for people: "850 ms", "2,4 s" / "2.4 s", "3 min".
func (l Lang) Duration(d time.Duration) string {
	p := l.printer()
	switch {
	case d < time.Second:
		return p.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return p.Sprintf("%.1f s", d.Seconds())
	case d < time.Hour:
		return p.Sprintf("%d min", int(d.Round(time.Minute).Minutes()))
	case d < 48*time.Hour:
		h, m := int(d.Hours()), int(d.Minutes())%60
		if m == 0 {
			return p.Sprintf("%d h", h)
		}
		return p.Sprintf("%d h %d min", h, m)
	}
	if l == DE {
		return p.Sprintf("%d Tage", int(d.Hours()/24))
	}
	return p.Sprintf("%d days", int(d.Hours()/24))
}

var msgAnd = New("and", "und")

// List joins names for a sentence: "A", "A and B", "A, B and C".
func (l Lang) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.T(msgAnd) + " " + items[len(items)-1]
}
