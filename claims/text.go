package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the sentence
	text       string // as written
	low        string // lower case
	punct      bool
	upper      bool // starts with a capital letter
}

// tokenize splits a sentence into words and punctuation. Words keep inner
// hyphens ("Kim Jong-un", "Nordkorea-Soldaten"), digit groups ("100.000",
// "1,3") and gender forms ("Soldat:innen"), because each of those is one
// unit of meaning for the rules.
func tokenize(s string, buf []token) []token {
	return tokenizeLower(s, "", buf)
}

// tokenizeLower is tokenize with ls, the lower case of s from lowerSameWidth
// (or "" when it changed a rune's width): the tokens' lower case is then a
// slice of it instead of an allocation per word.
func tokenizeLower(s, ls string, buf []token) []token {
	out := buf[:0]
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		switch {
		case isSpace(r):
			i += w
		case isAlnum(r):
			j := i + w
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf && asciiClass[c]&(aLetter|aDigit) != 0 {
					j++
					continue
				}
				r2, w2 := decodeRune(s, j)
				if isAlnum(r2) {
					j += w2
					continue
				}
				if j+w2 < len(s) && isJoiner(r2) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					prev, _ := utf8.DecodeLastRuneInString(s[:j])
					switch {
					case r2 == '-' && (unicode.IsLetter(r3) || unicode.IsDigit(r3)):
						j += w2
						continue
					case (r2 == '.' || r2 == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r3):
						j += w2
						continue
					case (r2 == ':' || r2 == '*' || r2 == '_' || r2 == '/') && strings.HasPrefix(s[j+w2:], "in"):
						j += w2
						continue
					}
				}
				break
			}
			t := s[i:j]
			var low string
			if ls != "" {
				low = ls[i:j]
			} else {
				low = strings.ToLower(t)
			}
			out = append(out, token{start: i, end: j, text: t, low: low, upper: unicode.IsUpper(r)})
			i = j
		default:
			out = append(out, token{start: i, end: i + w, text: s[i : i+w], low: s[i : i+w], punct: true})
			i += w
		}
	}
	return out
}

// isJoiner reports the marks that may continue a word in tokenize; only
// they are worth looking around.
func isJoiner(r rune) bool {
	switch r {
	case '-', '.', ',', ':', '*', '_', '/':
		return true
	}
	return false
}

// isAlnum is unicode.IsLetter(r) || unicode.IsDigit(r) with the ASCII case
// inline.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(aLetter|aDigit) != 0
	}
	return unicodeIsAlnum(r)
}

//go:noinline
func unicodeIsAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isSpace is unicode.IsSpace with the ASCII case inline.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&aSpace != 0
	}
	return unicodeIsSpace(r)
}

//go:noinline
func unicodeIsSpace(r rune) bool { return unicode.IsSpace(r) }

// lowerSameWidth returns strings.ToLower(s) and whether lower-casing kept
// every rune's byte width, so that offsets in s are offsets in the result.
// German always does; the check guards against the odd foreign letter
// ("İ") and invalid UTF-8, which strings.ToLower widens to U+FFFD.
func lowerSameWidth(s string) (string, bool) {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b.Cap() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[done:i])
				b.WriteByte(c + 'a' - 'A')
				done = i + 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if r == utf8.RuneError && w == 1 || utf8.RuneLen(l) != w {
			return strings.ToLower(s), false
		}
		if l != r {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			b.WriteRune(l)
			done = i + w
		}
		i += w
	}
	if done == 0 {
		return s, true // nothing to lower, as strings.ToLower returns it
	}
	b.WriteString(s[done:])
	return b.String(), true
}

// foldUmlauts maps umlauts so stems of "Kämpfer" and "Kaempfer" agree: ä,
// ö, ü (either case) to a, o, u and ß to ss. All of them are 0xC3 and one
// more byte, so a byte scan does it; a strings.Replacer with these pairs
// showed in profiles of the stemmer, which runs for every noun.
func foldUmlauts(w string) string {
	i := strings.IndexByte(w, 0xC3)
	if i < 0 {
		return w
	}
	b := make([]byte, 0, len(w))
	b = append(b, w[:i]...)
	for ; i < len(w); i++ {
		if w[i] == 0xC3 && i+1 < len(w) {
			if f := umlautFoldByte(w[i+1]); f != "" {
				b = append(b, f...)
				i++
				continue
			}
		}
		b = append(b, w[i])
	}
	return string(b)
}

// umlautFoldByte is the replacement of 0xC3 followed by c.
func umlautFoldByte(c byte) string {
	switch c {
	case 0xA4, 0x84: // ä Ä
		return "a"
	case 0xB6, 0x96: // ö Ö
		return "o"
	case 0xBC, 0x9C: // ü Ü
		return "u"
	case 0x9F: // ß
		return "ss"
	}
	return ""
}

// stem is a light German stemmer for nouns and adjectives: lower case,
// gender forms removed (Soldat:innen → soldat), umlauts folded, one
// inflection ending cut. It is deliberately cruder than Snowball: it only has
// to make the inflected forms of one word agree ("nordkoreanische",
// "nordkoreanischer"; "Soldaten", "Soldat"), and it must be fast.
func stem(w string) string {
	return stemLower(w, strings.ToLower(w))
}

// stemLower is stem for a caller that has lw = strings.ToLower(w).
func stemLower(w, lw string) string {
	if i := strings.Index(w, "Innen"); i > 0 && i+5 == len(w) {
		lw = strings.ToLower(w[:i]) // SoldatInnen
	}
	w = lw
	for _, g := range []string{":innen", "*innen", "_innen", "/innen", ":in", "*in", "_in"} {
		if strings.HasSuffix(w, g) {
			w = w[:len(w)-len(g)]
			break
		}
	}
	w = foldUmlauts(w)
	for _, suf := range []string{"ern", "en", "er", "es", "em", "e", "n", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			if suf == "s" && strings.HasSuffix(w, "eis") {
				// the "s" of "Preis", "Kreis", "Beweis" is the noun's
				// own: a genitive "s" after "ei" is rare ("des Breis")
				return w
			}
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// adjStem cuts an adjective ending: "nordkoreanischen" → "nordkoreanisch".
func adjStem(lw string) string {
	for _, suf := range []string{"en", "er", "es", "em", "e"} {
		if strings.HasSuffix(lw, suf) && len(lw)-len(suf) >= 4 {
			return lw[:len(lw)-len(suf)]
		}
	}
	return lw
}

// looksAdjective reports whether a lower-case word inflects like an
// attributive adjective or participle ("neue", "aktiven", "ballistische").
func looksAdjective(lw string) bool {
	if len(lw) < 3 {
		return false
	}
	for _, suf := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// skeleton is a word's consonants with umlauts folded, an "h" after a vowel
// and doubled letters dropped. German strong verbs change their vowel
// (schließen, schloss, geschlossen; streichen, strich, gestrichen), so the
// skeleton of a verb's stem is what its forms share.
func skeleton(w string) string {
	w = foldUmlauts(w)
	b := make([]byte, 0, len(w))
	prevVowel := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			prevVowel = true
			continue
		case 'h':
			if prevVowel {
				continue
			}
		}
		prevVowel = false
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
