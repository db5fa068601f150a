package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences splits German news text into sentences. Every non-space
// character of text ends up in exactly one sentence, in order, so the
// sentences put together give the text back up to white space.
//
// It is written for news prose rather than taken from a general splitter
// because the places general splitters get wrong are the ones that matter for
// figures: a break after "ca." or "etwa" detaches the qualifier from its
// number, a break after the ordinal in "der 3. Armee" makes "3" look like a
// count, and a break inside „…“ separates a claim from "sagte X".
func SplitSentences(text string) []string {
	spans := sentenceSpans(text, nil)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp[0]:sp[1]]
	}
	return out
}

// abbreviations end in a full stop that does not end a sentence. Keys are
// lower case without the stop. Single letters ("z. B.", "u. a.", initials)
// are handled separately.
var abbreviations = map[string]bool{
	"ca": true, "bzw": true, "vgl": true, "usw": true, "etc": true, "ggf": true, "sog": true, "inkl": true,
	"evtl": true, "zzgl": true, "rd": true, "nr": true, "dr": true, "prof": true, "st": true, "str": true,
	"hr": true, "fr": true, "mio": true, "mrd": true, "tsd": true, "jh": true, "abs": true,
	"bzgl": true, "gem": true, "lt": true, "max": true, "min": true, "mind": true, "ukr": true, "russ": true,
	"dt": true, "engl": true, "frz": true, "amerik": true, "jan": true, "feb": true, "mär": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "okt": true, "nov": true, "dez": true,
	"mo": true, "di": true, "mi": true, "do": true, "sa": true, "vs": true, "tel": true, "abb": true,
	"gen": true, "chr": true, "zit": true, "hrsg": true,
	"ua": true, "zb": true, "dh": true, "uvm": true, "ebd": true, "verh": true, "geb": true, "gest": true,
	"brig": true, "maj": true, "kap": true, "bd": true, "vol": true, "jr": true, "sen": true,
}

// sentenceStarters are capitalised words that typically open a sentence, so
// after "5." they mean the number ended the sentence rather than being an
// ordinal ("der 3. Armee").
var sentenceStarters = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true,
	"einen": true, "einem": true, "er": true, "sie": true, "es": true, "wir": true, "ich": true, "ihr": true,
	"man": true, "im": true, "in": true, "am": true, "an": true, "auf": true, "aus": true, "bei": true,
	"mit": true, "nach": true, "von": true, "vor": true, "zu": true, "zum": true, "zur": true, "doch": true,
	"denn": true, "aber": true, "und": true, "oder": true, "so": true, "dies": true, "diese": true,
	"dieser": true, "dieses": true, "damit": true, "dabei": true, "dann": true, "da": true, "danach": true,
	"laut": true, "nun": true, "jetzt": true, "auch": true, "noch": true, "bereits": true, "schon": true,
	"wie": true, "was": true, "wer": true, "wo": true, "wann": true, "warum": true, "seit": true,
	"trotz": true, "während": true, "weil": true, "wenn": true, "als": true, "um": true, "unterdessen": true,
	"zudem": true, "zugleich": true, "zuvor": true, "immerhin": true, "deshalb": true, "kürzlich": true,
	"insgesamt": true, "bisher": true, "demnach": true, "dort": true, "hier": true, "heute": true,
}

// quotePairs maps German opening quotation marks to the marks that close
// them. Only unambiguous openers are tracked: “ opens in English usage but
// closes in German, so it cannot start a quote span on its own.
//
// A switch rather than a map: it is asked about every character of the text.
func quotePairs(r rune) string {
	switch r {
	case '„':
		return "“”\""
	case '»':
		return "«"
	case '‚':
		return "‘’"
	}
	return ""
}

// sentenceSpans returns the [start, end) byte ranges of the sentences in
// text, trimmed of surrounding white space. buf is reused when it has room.
func sentenceSpans(text string, buf [][2]int) [][2]int {
	out := buf[:0]
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	quoteEnd := -1 // byte offset of the closing mark while inside „…“
	for i := 0; i < len(text); {
		if quoteEnd >= 0 && i >= quoteEnd {
			quoteEnd = -1
		}
		if c := text[i]; c < utf8.RuneSelf && c != '\n' && c != '.' && c != '!' && c != '?' {
			i++ // no case below
			continue
		}
		r, w := decodeRune(text, i)
		switch {
		case r == '\n':
			emit(i)
			quoteEnd = -1 // quotes do not span paragraphs or bullet items
			i += w
			continue
		case quoteEnd < 0 && quotePairs(r) != "":
			// Only treat it as a quote when it closes within a sane distance;
			// a stray opener must not swallow the rest of the text.
			if j := strings.IndexAny(text[i+w:min(len(text), i+w+600)], quotePairs(r)); j >= 0 {
				quoteEnd = i + w + j
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i + w
			for end < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || strings.ContainsRune("“”\"'’‘«»)]", r2) {
					end += w2
					continue
				}
				break
			}
			if quoteEnd >= 0 && end <= quoteEnd {
				// Inside a quote: the quote and what follows it ("…“, sagte
				// er.") belong together.
				i = end
				continue
			}
			if isBoundary(text, start, i, r, end) {
				emit(end)
			}
			i = end
			continue
		}
		i += w
	}
	emit(len(text))
	return out
}

// isBoundary decides whether the terminal mark r at text[at] (with closing
// marks up to end) ends a sentence.
func isBoundary(text string, start, at int, r rune, end int) bool {
	if end >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(next) {
		// Exports lose the space after a full stop ("entsenden.Die"): a
		// stop between a lower-case word and a capitalised word is a break,
		// but not in "z.B." or "18.11.2024".
		if r != '.' || end != at+1 || !unicode.IsUpper(next) {
			return false
		}
		return lowerRunBefore(text, at) >= 2 && nextIsLower(text, end)
	}
	j := end
	for j < len(text) {
		r2, w2 := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r2) {
			break
		}
		j += w2
	}
	if j >= len(text) {
		return true
	}
	n, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLower(n) || strings.ContainsRune(",;:)]", n) {
		return false
	}
	if r != '.' {
		return true
	}
	word := wordBefore(text, start, at)
	lw := strings.ToLower(word)
	switch {
	case word == "":
		return true
	case utf8.RuneCountInString(word) == 1 && unicode.IsLetter(firstRune(word)):
		return false // z. B., u. a., initials
	case abbreviations[lw]:
		return false
	case isDigits(word) && len(word) <= 2 && unicode.IsUpper(n):
		// "der 3. Armee", "am 18. November": an ordinal, unless the next
		// word is one that opens sentences, or the word before the number
		// takes a count and never an ordinal ("lag bei 23. Betroffen
		// sind …", "rund 40."), and the next word is no month ("auf 1.
		// Juni verschoben").
		nw := strings.ToLower(wordAt(text, j))
		if sentenceStarters[nw] {
			return true
		}
		_, month := monthNames[nw]
		return !month && countTaker(strings.ToLower(wordBefore(text, start, len(strings.TrimRightFunc(text[:at-len(word)], unicode.IsSpace)))))
	case strings.Count(word, ".") == 1 && isDigits(strings.ReplaceAll(word, ".", "")) && len(word) <= 5:
		// "18.11." is a date without a year.
		return false
	}
	return true
}

// countTaker reports the words after which a number is a count, never an
// ordinal: the prepositions of a level ("lag bei", "sank auf", "stieg
// um") and the qualifiers of a figure. An ordinal follows an article or a
// contracted preposition ("der 3.", "zum 3.", "am 3.").
func countTaker(lw string) bool {
	switch lw {
	case "bei", "auf", "um", "rund", "etwa", "circa", "zirka", "knapp", "fast", "nahezu", "beinahe", "gut", "über",
		"mindestens", "höchstens", "maximal", "lediglich", "nur", "insgesamt", "genau", "exakt", "als", "zu", "ungefähr":
		return true
	}
	return false
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// wordBefore returns the run of letters, digits and inner dots that ends at
// text[at] (exclusive), not reaching before start.
func wordBefore(text string, start, at int) string {
	i := at
	for i > start {
		r, w := utf8.DecodeLastRuneInString(text[start:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '.' && i-w > start && i < at) {
			i -= w
			continue
		}
		break
	}
	return strings.Trim(text[i:at], ".")
}

func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	return text[i:j]
}

func lowerRunBefore(text string, at int) int {
	n := 0
	for i := at; i > 0; {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLower(r) {
			break
		}
		n++
		i -= w
	}
	return n
}

func nextIsLower(text string, i int) bool {
	_, w := utf8.DecodeRuneInString(text[i:])
	if i+w >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+w:])
	return unicode.IsLower(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
