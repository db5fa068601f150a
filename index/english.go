package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/claimbot/claimbot/german"
)

// English questions over German passages. Without a model, the question is
// translated word by word with the English–German dictionaries Debian
// ships (package german: Ding and FreeDict), read once per process
// (PrepareEnglish). An English question is built as a German one is
// (buildQuery: one group of clauses per word), with the English function
// words dropped instead of the German question words, and each word the
// passages do not have gets every German rendering the dictionaries give as
// further alternatives of its group, weighted by how common that sense is.
// One group per English word keeps Bleve's coordination counting words,
// not renderings: a word with six senses weighs no more than a name. Words
// the passages have (names, numbers, loan words, German words an English
// client typed) are searched as typed, exactly as in a German search. A
// word the passages have in both languages ("war", "hut") is taken as
// typed: the price of not guessing.

// translator gives the German renderings of an English word or phrase;
// *german.Data is one. Loaded says whether Translate would answer at once:
// reading the dictionaries takes seconds, more than a search may, so until
// they are read (PrepareEnglish starts that) English words are matched as
// typed only.
type translator interface {
	Translate(english string) []german.Translation
	DictionariesLoaded() bool
	LoadDictionaries() error
}

// PrepareEnglish reads the English–German dictionaries in the background,
// so that English searches are translated once they are read. wait blocks
// until then (for benchmarks and tests, which must not measure a search
// half translated); the bot starts it without waiting.
func PrepareEnglish(wait bool) error {
	d := englishDictionary()
	if !wait {
		go d.LoadDictionaries() //nolint:errcheck // a missing dictionary only means no translation
		return nil
	}
	return d.LoadDictionaries()
}

// englishDictionary is the translator English searches use; tests swap it.
var englishDictionary = func() translator { return german.Default() }

// boostTranslation weighs a rendering of weight 1 against a word matched as
// typed (boostText).
const boostTranslation = 0.8

// englishQuestionWords are English function words: interrogatives,
// auxiliaries, articles, pronouns and prepositions. Translated they would
// only add the German function words every passage has. A closed list of
// the language, no topic word among them.
var englishQuestionWords = wordSet(
	"what who whom whose which when where why how whatever",
	"is are was were be been being am do does did done doing have has had having "+
		"can could will would shall should may might must",
	"a an the this that these those some any each every all both either neither no not "+
		"of in on at to for from by with about into onto over under after before during "+
		"between through against among within without upon than as like per via "+
		"and or but nor so if then there here it its it's they them their he him his she her "+
		"we us our you your i me my one ones s",
	"also only just very much many more most other another such same own",
)

// englishFigureWords ask for a figure, as "wie viele" does.
var englishFigureWords = wordSet("many much")

// englishTranslator is the translator for a search in lang: nil for
// German, and nil until the dictionaries are read, so that an English
// question asked before then is searched exactly as before translation
// existed rather than half translated.
func englishTranslator(lang string) translator {
	if lang != "en" {
		return nil
	}
	if d := englishDictionary(); d != nil && d.DictionariesLoaded() {
		return d
	}
	return nil
}

func hasTranslation(tr translator, word string) bool { return len(tr.Translate(word)) > 0 }

// englishEvidence blanks the English function words of q (keeping every
// other byte where it was, as questionEvidence does) and reports whether
// it asks for a figure ("how many", "how much").
func englishEvidence(q string) (string, bool) {
	b := []byte(q)
	figure := false
	prev := ""
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(q) {
			r, n := utf8.DecodeRuneInString(q[j:])
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			j += n
		}
		w := strings.ToLower(q[i:j])
		if englishFigureWords[w] && prev == "how" {
			figure = true
		}
		if englishQuestionWords[w] && !strings.HasPrefix(q[j:], "-") && !strings.HasSuffix(q[:i], "-") {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		prev = w
		i = j
	}
	return string(b), figure
}

// addTranslations adds to the groups of q's words that no passage has
// (inText) their German renderings, weighted boostTranslation times the
// sense's weight; a word pair the dictionaries know ("power plant") adds
// its renderings to its first word's group. Words the passages have stay
// as typed only: names, numbers, loan words, and German words typed by an
// English client, which so search exactly as in German. It returns the
// positions that got renderings: they need no spelling variants of the
// English word.
func (ix *Index) addTranslations(m mapping.IndexMapping, q string, terms []queryTerm, inText map[int]bool, tr translator, known *termChecker, add func(int, query.Query, uint64), mk *marks) map[int]bool {
	done := map[int]bool{}
	render := func(pos int, ts []german.Translation, seen map[string]bool) {
		for _, t := range ts {
			if seen[t.German] {
				continue
			}
			seen[t.German] = true
			toks := analyse(m, analyzerText, t.German)
			boost := boostTranslation * t.Weight
			switch {
			case len(toks) == 1:
				n := known.count(fieldText, toks[0])
				if n == 0 {
					continue
				}
				tq := bleve.NewTermQuery(toks[0])
				tq.SetField(fieldText)
				tq.SetBoost(boost)
				add(pos, tq, n)
				mk.add(analyzerText, toks[0], 0)
				done[pos] = true
			case len(toks) > 1 && len(toks) <= 3:
				pq := bleve.NewPhraseQuery(toks, fieldText)
				pq.SetBoost(boost)
				add(pos, pq, 0)
				for _, tok := range toks {
					mk.add(analyzerText, tok, 0)
				}
				done[pos] = true
			}
		}
	}
	for i, t := range terms {
		seen := map[string]bool{}
		if i+1 < len(terms) && terms[i+1].pos == t.pos+1 && !(inText[t.pos] && inText[t.pos+1]) {
			render(t.pos, tr.Translate(q[t.start:terms[i+1].end]), seen)
		}
		if !inText[t.pos] {
			render(t.pos, tr.Translate(q[t.start:t.end]), seen)
		}
	}
	return done
}
