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
	out := buf[:0]
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += w2
					continue
				}
				if j+w2 < len(s) {
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
			out = append(out, token{start: i, end: j, text: t, low: strings.ToLower(t), upper: unicode.IsUpper(r)})
			i = j
		default:
			out = append(out, token{start: i, end: i + w, text: s[i : i+w], low: s[i : i+w], punct: true})
			i += w
		}
	}
	return out
}

// umlautFold maps umlauts so stems of "Kämpfer" and "Kaempfer" agree.
var umlautFold = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")

// stem is a light German stemmer for nouns and adjectives: lower case,
// gender forms removed (Soldat:innen → soldat), umlauts folded, one
// inflection ending cut. It is deliberately cruder than Snowball: it only has
// to make the inflected forms of one word agree ("nordkoreanische",
// "nordkoreanischer"; "Soldaten", "Soldat"), and it must be fast.
func stem(w string) string {
	if i := strings.Index(w, "Innen"); i > 0 && i+5 == len(w) {
		w = w[:i] // SoldatInnen
	}
	w = strings.ToLower(w)
	for _, g := range []string{":innen", "*innen", "_innen", "/innen", ":in", "*in", "_in"} {
		if strings.HasSuffix(w, g) {
			w = w[:len(w)-len(g)]
			break
		}
	}
	w = umlautFold.Replace(w)
	for _, suf := range []string{"ern", "en", "er", "es", "em", "e", "n", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
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

// notAdjectives end like adjectives but are verbs, auxiliaries or function
// words; without them "hatte" in "laut X hatte Nordkorea" would extend the
// source's noun phrase over the actor.
var notAdjectives = set("hatte hatten habe haben hätte hätten werde werden wurde wurden würde würden wäre wären " +
	"sollte sollten solle sollen wollte wollten wolle wollen könnte könnten könne können müsse müssen musste " +
	"mussten dürfte dürften durfte konnte konnten möchte möchten gegen unter über aber oder oben neben wieder " +
	"immer später jeder jede jedes seither bereits bisher sehr mehr weiter weniger nie ohne sowie gewesen " +
	"worden sagte meldete erklärte berichtete sondern außer hinter innerhalb außerhalb entlang wegen trotz " +
	"während seien gebe stehe liege heute gestern morgen nahe")

// isAdjective is looksAdjective without the verbs and function words.
func isAdjective(lw string) bool {
	if notAdjectives[lw] || modalWords[lw] || hedgeWords[lw] {
		return false
	}
	if c, ok := cueWords[lw]; ok && c.form != fAny {
		return false
	}
	if separableVerb(lw) {
		return false
	}
	return looksAdjective(lw)
}

// separableVerb reports finite forms of the separable cue verbs ("feuerte"),
// which end like adjectives.
func separableVerb(lw string) bool {
	for _, sc := range separableCues {
		if sc.verbs[lw] {
			return true
		}
	}
	return denialSeparable[lw] || retractionSeparable[lw] != ""
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

// actorOfWord maps a word to an actor: a name ("Pjöngjang"), a nationality
// adjective ("nordkoreanischen") or a compound with a leader or troops head
// ("Nordkorea-Machthaber", "Nordkorea-Soldaten").
func actorOfWord(t token) string {
	if a, ok := actorWords[t.low]; ok {
		if t.upper || t.low == "usa" {
			return a
		}
	}
	// Nationality adjectives are lower case except at the start of a
	// sentence; capitalised elsewhere they start a name.
	if a, ok := actorAdjectives[adjStem(t.low)]; ok && (!t.upper || t.start == 0) {
		return a
	}
	if i := strings.IndexByte(t.low, '-'); i > 0 {
		first, head := t.low[:i], t.low[strings.LastIndexByte(t.low, '-')+1:]
		a, ok := actorWords[first]
		if !ok {
			return ""
		}
		if leaderHeads[head] {
			return a
		}
		if c, known := conceptOf(head); known && c.key != "" {
			return a
		}
		return ""
	}
	// Closed compounds of a leader noun: "Kremlchef".
	for _, pre := range []string{"kreml", "putin", "kim"} {
		if strings.HasPrefix(t.low, pre) && leaderHeads[t.low[len(pre):]] {
			return actorWords[pre]
		}
	}
	return ""
}
