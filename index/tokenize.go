package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Word break classes (Unicode UAX #29) of the characters fastTokenize
// knows; every other character sends the text to the Unicode tokenizer.
type wordClass uint8

const (
	wcUnknown   wordClass = iota // not known here: the Unicode tokenizer decides
	wcOther                      // breaks on both sides and is no token: space, most punctuation
	wcLetter                     // ALetter
	wcNumeric                    // Numeric
	wcExtendNum                  // ExtendNumLet: "_"
	wcMidLetter                  // MidLetter: between letters
	wcMidNum                     // MidNum: between digits
	wcMidBoth                    // MidNumLet and Single_Quote: between letters or between digits
)

// asciiClass holds the classes of the ASCII characters: tab, line breaks
// and the printable ones; other control characters are unknown.
var asciiClass = func() (t [utf8.RuneSelf]wordClass) {
	t['\t'], t['\n'], t['\r'] = wcOther, wcOther, wcOther
	for c := ' '; c <= '~'; c++ {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = wcLetter
		case c >= '0' && c <= '9':
			t[c] = wcNumeric
		case c == '_':
			t[c] = wcExtendNum
		case c == ':':
			t[c] = wcMidLetter
		case c == ',' || c == ';':
			t[c] = wcMidNum
		case c == '.' || c == '\'':
			t[c] = wcMidBoth
		default:
			t[c] = wcOther
		}
	}
	return t
}()

// runeClass is the class of a character beyond ASCII: the Latin-1
// letters, the quotes, dashes and signs of German text.
func runeClass(r rune) wordClass {
	switch {
	case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7: // À-ÿ without × and ÷
		return wcLetter
	}
	switch r {
	case '’', '‘':
		return wcMidBoth
	case '·':
		return wcMidLetter
	case '«', '»', '–', '—', '‐', '“', '„', '”', '‚', '…', '•', '°', '§', '\u00a0':
		return wcOther
	}
	return wcUnknown
}

// fastTokenize is the Unicode tokenizer for texts made only of the
// characters whose word break classes are above, which is nearly every
// German passage: a word is letters, digits and "_", with a MidLetter or
// MidNumLet mark joining two letters and a MidNum or MidNumLet mark two
// digits; it is numeric if it has digits and no letter. Segmenting every
// passage with the full Unicode rules was a fifth of its analysis time.
// It reports false for any other text (TestFastTokenize compares the two).
func fastTokenize(input []byte) (analysis.TokenStream, bool) {
	class := func(i int) (wordClass, int) {
		if c := input[i]; c < utf8.RuneSelf {
			return asciiClass[c], 1
		}
		r, size := utf8.DecodeRune(input[i:])
		if r == utf8.RuneError {
			return wcUnknown, size
		}
		return runeClass(r), size
	}
	toks := make([]analysis.Token, 0, len(input)/6+1)
	for i := 0; i < len(input); {
		c, size := class(i)
		switch c {
		case wcUnknown:
			return nil, false
		case wcLetter, wcNumeric, wcExtendNum:
		default:
			i += size
			continue
		}
		start := i
		hasLetter, hasDigit := c == wcLetter, c == wcNumeric
		prev := c
		i += size
		for i < len(input) {
			c, size := class(i)
			if c == wcUnknown {
				return nil, false
			}
			if c == wcLetter || c == wcNumeric || c == wcExtendNum {
				hasLetter = hasLetter || c == wcLetter
				hasDigit = hasDigit || c == wcNumeric
				prev = c
				i += size
				continue
			}
			joinsLetters := c == wcMidLetter || c == wcMidBoth
			joinsDigits := c == wcMidNum || c == wcMidBoth
			if !(prev == wcLetter && joinsLetters || prev == wcNumeric && joinsDigits) || i+size >= len(input) {
				break
			}
			next, nsize := class(i + size)
			if next == wcUnknown {
				return nil, false
			}
			if next != prev {
				break
			}
			i += size + nsize
		}
		typ := analysis.AlphaNumeric
		if !hasLetter && hasDigit {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: input[start:i], Start: start, End: i, Position: len(toks) + 1, Type: typ})
	}
	out := make(analysis.TokenStream, len(toks))
	for k := range toks {
		out[k] = &toks[k]
	}
	return out, true
}
