package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
)

// Questions. People ask "Wer gewann 2016 den Super Bowl?" as often as they
// type a claim, and the words that make it a question (wer, wann, welche),
// the auxiliaries around them (wurde, hat, kann) and the verbs of the
// question frame (gibt es, heißt) are in no way evidence of the answer: a
// passage that repeats them is not closer to it. The stop list of the
// German analyzer (Bleve's stop_de, Snowball's list) drops some of them
// ("wie", "was", "welche", "wird") but not "wer", "wann", "wurde", "gibt",
// "viele". questionWords is the rest: a closed list of German function
// words, with no topic word among them. They are removed from the query
// only; the index keeps every word, so phrases and titles are unaffected.
var questionWords = wordSet(
	// Interrogatives and the pronominal adverbs questions begin with.
	"wer wen wem wessen was wann warum weshalb weswegen wieso wie wo woher wohin "+
		"womit wodurch wofür wogegen worauf woran worin worüber worum worunter wovon wovor wozu "+
		"welche welcher welches welchem welchen wieviel wieviele viel viele vielen vieler "+
		"wievielte wievielten wievielter",
	// Forms of sein, haben and werden.
	"bin bist ist sind seid war warst waren wart wäre wären gewesen "+
		"habe hast hat haben habt hatte hattest hatten hätte hätten gehabt "+
		"werde wirst wird werden werdet wurde wurdest wurden würde würden worden geworden",
	// Modal verbs.
	"kann kannst können könnt konnte konnten könnte könnten muss musst müssen musste mussten "+
		"müsste müssten darf darfst dürfen durfte durften dürfte dürften soll sollst sollen "+
		"sollte sollten will willst wollen wollte wollten mag magst mögen mochte mochten möchte möchten",
	// The verbs of the question frame: "Was gibt es ...", "Wie heißt ...",
	// "Wie lautet ...".
	"gibt gab gaben gegeben heißt hieß hießen lautet lauten lautete lauteten",
)

// figureWords are the question words that ask for a count or an amount:
// the answer is a figure, so passages with one are preferred (see
// figureTerm).
var figureWords = wordSet("viel viele vielen vieler wieviel wieviele")

// figureTerm is the term the numbers field holds once for every passage
// with a figure (numberFilter). A "wie viele" question adds it as a clause
// of its own, weighted boostFigure.
const figureTerm = "has_figure"

// boostFigure weighs the figure clause; measured on XQuAD's "wie viel(e)"
// questions (BENCHMARKS.md).
var boostFigure = 0.5

// figurePos is the query position of the figure clause: no word's.
const figurePos = -1

// stopWords is the analyzer's German stop list (stop_de): words the query
// drops anyway, so they do not count as what is left of a question.
var stopWords = func() analysis.TokenMap {
	m := analysis.NewTokenMap()
	if err := m.LoadBytes(de.GermanStopWords); err != nil {
		panic(err) // a constant of the Bleve module
	}
	return m
}()

func wordSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// questionEvidence returns q with the question words blanked out (their
// bytes replaced by spaces, so the remaining words keep their offsets) and
// whether q asks "wie viel(e)". When nothing but question and stop words is
// left, q is returned unchanged: a query of function words alone is better
// answered by them than not at all.
func questionEvidence(q string) (string, bool) {
	var b []byte
	figure, dropped, kept := false, false, false
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) {
				kept = true
			}
			i += n
			continue
		}
		j := i
		for j < len(q) {
			r, n := utf8.DecodeRuneInString(q[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := strings.ToLower(q[i:j])
		// "wie viele": viel(e) only asks for a figure after "wie"; "viele
		// Soldaten" in a claim is an ordinary word.
		if figureWords[w] && (strings.HasPrefix(w, "wie") || precededByWie(q[:i])) {
			figure = true
		}
		if questionWords[w] && !strings.HasPrefix(q[j:], "-") && !strings.HasSuffix(q[:i], "-") {
			if b == nil {
				b = []byte(q)
			}
			for k := i; k < j; k++ {
				b[k] = ' '
			}
			dropped = true
		} else if !stopWords[w] {
			kept = true
		}
		i = j
	}
	if !dropped || !kept {
		return q, figure
	}
	return string(b), figure
}

// precededByWie reports whether the last word of s is "wie".
func precededByWie(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return len(s) >= 3 && strings.EqualFold(s[len(s)-3:], "wie") &&
		(len(s) == 3 || !unicode.IsLetter(rune(s[len(s)-4])))
}
