package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/claimbot/claimbot/german"
)

// English questions over German passages. Without a model, the question is
// translated word by word with the English–German dictionaries Debian
// ships (package german: Ding and FreeDict), read once per process on the
// first English search. Each English word becomes one group of clauses, as
// a German word does in buildQuery: the word as typed (names, numbers and
// loan words match unchanged) and every German rendering the dictionaries
// give, weighted by how common that sense is. One group per English word
// keeps Bleve's coordination counting words, not renderings: a word with
// six senses weighs no more than a name. Two-word phrases the dictionaries
// know ("power plant": Kraftwerk) join the group of their first word.
// Without the dictionaries an English search matches what the words match
// as typed, as before translation existed.

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

// englishWords splits q into lower-case words with their spelling as typed.
func englishWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '.' && r != ','
	})
}

// buildEnglish is buildQuery for an English question.
func (ix *Index) buildEnglish(idx bleve.Index, q string) (plan, bool) {
	m := idx.Mapping()
	dict := englishDictionary()
	if !dict.DictionariesLoaded() {
		dict = nil
	}
	var p plan
	known := &termChecker{idx: idx}
	defer known.close()

	var words []string
	figure := false
	for i, w := range englishWords(q) {
		w = strings.Trim(w, "-'.,")
		lw := strings.ToLower(w)
		if lw == "" {
			continue
		}
		if englishFigureWords[lw] && i > 0 && strings.EqualFold(englishWords(q)[i-1], "how") {
			figure = true
		}
		if englishQuestionWords[lw] {
			words = append(words, "") // keeps phrase boundaries
			continue
		}
		words = append(words, w)
	}

	var groups [][]query.Query
	var df []uint64
	for i, w := range words {
		if w == "" {
			continue
		}
		var g []query.Query
		var n uint64
		addText := func(text string, boost float64) {
			toks := analyse(m, analyzerText, text)
			switch {
			case len(toks) == 1:
				c := known.count(fieldText, toks[0])
				if c == 0 {
					return
				}
				tq := bleve.NewTermQuery(toks[0])
				tq.SetField(fieldText)
				tq.SetBoost(boost)
				g = append(g, tq)
				n = max(n, c)
				p.marks.add(analyzerText, toks[0], 0)
			case len(toks) > 1 && len(toks) <= 3:
				pq := bleve.NewPhraseQuery(toks, fieldText)
				pq.SetBoost(boost)
				g = append(g, pq)
				for _, t := range toks {
					p.marks.add(analyzerText, t, 0)
				}
			}
		}
		// As typed: names, numbers, loan words.
		addText(w, boostText)
		for _, nt := range analyseTokens(m, analyzerNumbers, w) {
			tq := bleve.NewTermQuery(nt.term)
			tq.SetField(fieldNumbers)
			tq.SetBoost(boostNumbers)
			g = append(g, tq)
			p.marks.add(analyzerNumbers, nt.term, 0)
		}
		if dict != nil {
			seen := map[string]bool{}
			add := func(ts []german.Translation) {
				for _, t := range ts {
					if seen[t.German] {
						continue
					}
					seen[t.German] = true
					addText(t.German, boostTranslation*t.Weight)
				}
			}
			if i+1 < len(words) && words[i+1] != "" {
				add(dict.Translate(w + " " + words[i+1]))
			}
			add(dict.Translate(w))
		}
		if len(g) > 0 {
			groups = append(groups, g)
			df = append(df, n)
		}
	}
	if len(groups) == 0 {
		return p, false
	}
	var clauses []query.Query
	for _, g := range groups {
		if len(g) == 1 {
			clauses = append(clauses, g[0])
		} else {
			clauses = append(clauses, bleve.NewDisjunctionQuery(g...))
		}
	}
	if figure && boostFigure > 0 {
		tq := bleve.NewTermQuery(figureTerm)
		tq.SetField(fieldNumbers)
		tq.SetBoost(boostFigure)
		clauses = append(clauses, tq)
	}
	p.query = bleve.NewDisjunctionQuery(clauses...)
	p.candidateQuery = p.query
	// Pruning as for German questions: the rarest words name the
	// candidates, the common ones only together.
	order := make([]int, len(groups))
	dfs := map[int]uint64{}
	for i := range groups {
		order[i] = i
		dfs[i] = df[i]
	}
	if rare, common := distinctive(order, dfs, known.docCount()); rare != nil || common != nil {
		var dq []query.Query
		for _, i := range rare {
			dq = append(dq, clauses[i])
		}
		if len(common) > 1 {
			var all []query.Query
			for _, i := range common {
				all = append(all, clauses[i])
			}
			dq = append(dq, bleve.NewConjunctionQuery(all...))
		}
		p.driver = bleve.NewDisjunctionQuery(dq...)
	}
	return p, true
}
