package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 2: mentions and anchors. A sentence is read as tokens in clauses;
// each token is a function word, a name, a noun, an attributive adjective,
// a predicate (a verb or predicative word carrying content) or a cue of the
// closed lists. Names are found from the text alone: acronyms, internal
// capitals, appositions ("die Stadt Köln", "Bürgermeisterin Henriette
// Reker"), capitalised words governed by a place preposition without an
// article ("in Köln", "bei Siemens"), place adjectives ("die Kölner
// Polizei") and capitalised words joined to a name. Who says something
// ("laut Polizei", "sagte ein Sprecher") is masked: it is the source, not
// the event.

type role uint8

const (
	rFunc role = iota
	rName
	rNoun
	rAdj  // attributive adjective or participle
	rPred // content verb or predicative word
	rNum  // figure or number word
	rCue  // a word of the closed cue lists (saying, denying, plans …)
	rDeg  // an uninflected word before an attributive adjective: "frei" in "frei zugängliche"
)

// analysis is the per-sentence view the claim rules work on. Its slices
// are reused from sentence to sentence.
type analysis struct {
	s, ls  string
	toks   []token
	isNum  []bool // inside a figure, set before analyse
	role   []role
	clause []int
	masked []bool // inside an attribution: the source of the claim
	quoted []bool
	place  []bool   // a name governed by a place preposition, or a place adjective
	name   []string // name key of the span a name token belongs to, "" otherwise
	pred   []string // predicate key (skeleton, particle first) of rPred tokens

	negs      []int // negations that count
	hedgeAt   []int
	hedges    []string // sentence-wide hedge phrases
	denyAt    []int
	retractAt []int
	correctAt []int
	planAt    []int
	announce  []int
	forecast  []int
	sayAt     []int
	modalAt   []int
	sondern   bool
	// running and revised: a word of runningWords or revisionWords in the
	// sentence, which its paragraph's claims keep
	running, revised bool
	future           bool

	// articleNouns are the capitalised words the article writes after an
	// article or adjective somewhere: common nouns, not names.
	articleNouns map[string]bool
	// compoundBuf holds the article's content nouns that may be
	// compounds; each claim keeps its part (contentWords.compounds).
	compoundBuf []string
	// datelines are the lower-case words of the article's dateline
	// ("Löhne – …"): the place the article is written from is a name even
	// where the dictionary knows the word as a noun.
	datelines map[string]bool
}

func (an *analysis) reset(s, ls string, toks []token) {
	an.s, an.ls, an.toks = s, ls, toks
	n := len(toks)
	an.role = resizeRoles(an.role, n)
	an.isNum = resizeBools(an.isNum, n)
	an.clause = resizeInts(an.clause, n)
	an.masked = resizeBools(an.masked, n)
	an.quoted = resizeBools(an.quoted, n)
	an.place = resizeBools(an.place, n)
	if cap(an.name) < n {
		an.name = make([]string, n)
		an.pred = make([]string, n)
	}
	an.name, an.pred = an.name[:n], an.pred[:n]
	clear(an.name)
	clear(an.pred)
	an.negs, an.hedgeAt, an.hedges = an.negs[:0], an.hedgeAt[:0], an.hedges[:0]
	an.denyAt, an.retractAt, an.correctAt = an.denyAt[:0], an.retractAt[:0], an.correctAt[:0]
	an.planAt, an.announce, an.forecast, an.sayAt, an.modalAt = an.planAt[:0], an.announce[:0], an.forecast[:0], an.sayAt[:0], an.modalAt[:0]
	an.sondern, an.future = false, false
	an.running, an.revised = false, false
}

func resizeInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeBools(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeRoles(s []role, n int) []role {
	if cap(s) < n {
		return make([]role, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// clauseBreak are marks that end a clause.
func clauseBreak(t token) bool {
	return t.punct && strings.Contains(",;:–—„“”\"«»‚‘’()[]", t.text)
}

// analyse runs the stages over a tokenised sentence.
func (an *analysis) analyse() {
	toks := an.toks
	// Quotation marks around a short name („Xenia“, „Soziales Leipzig“)
	// do not break the clause; around a quote they do.
	short := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		if toks[i].text != "„" && toks[i].text != "»" && toks[i].text != "“" && toks[i].text != "\"" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if t := toks[j].text; t == "“" || t == "”" || t == "«" || t == "\"" {
				if j-i-1 <= 3 {
					short[i], short[j] = true, true
				}
				break
			}
			if toks[j].punct {
				break
			}
		}
	}
	c := 0
	for i, t := range toks {
		if clauseBreak(t) && !short[i] {
			c++
		}
		// "… ausgebildet und seien nicht beteiligt": "und" before a finite
		// auxiliary or modal starts a clause of its own.
		if (t.low == "und" || t.low == "oder" || t.low == "aber") && i+1 < len(toks) && (auxiliaries[toks[i+1].low] || modals[toks[i+1].low]) {
			c++
		}
		an.clause[i] = c
	}
	// "Um nicht wortbrüchig zu werden, will Kim …": an infinitive clause
	// with um/ohne/statt is its own clause even without a comma.
	sub := 1000
	for i, t := range toks {
		if t.low != "um" && t.low != "ohne" && t.low != "statt" && t.low != "anstatt" {
			continue
		}
		for j := i + 1; j+1 < len(toks) && an.clause[j] == an.clause[i]; j++ {
			if toks[j].low == "zu" && !toks[j+1].punct && !toks[j+1].upper && !isDigitToken(toks[j+1]) {
				sub++
				for k := i; k <= j+1; k++ {
					an.clause[k] = sub
				}
				break
			}
		}
	}
	an.findQuotes()
	an.classify()
	an.maskAttribution()
	an.findNames()
	an.findPredicates()
	an.findCues()
}

func (an *analysis) findQuotes() {
	open := -1
	for i, t := range an.toks {
		switch t.text {
		case "„", "»", "‚":
			open = i
		case "“", "”", "«", "‘":
			if open >= 0 {
				for k := open; k <= i; k++ {
					an.quoted[k] = true
				}
				open = -1
			}
		}
	}
}

// classify gives each token its first role from its form alone.
func (an *analysis) classify() {
	for i, t := range an.toks {
		lw := t.low
		switch {
		case t.punct:
			an.role[i] = rFunc
		case isDigitToken(t) || an.isNum[i] && !t.upper || an.isNum[i] && vagueWords[lw] != [2]float64{}:
			an.role[i] = rNum
		case an.isNum[i] && (i == 0 || an.toks[i-1].punct) && numberWordOpening(lw):
			// "Zwölf Menschen wurden verletzt": a number word capitalised
			// because it opens the sentence is a figure, not a name
			an.role[i] = rNum
		case functionWord(lw) || timeNouns[lw] && !t.upper:
			an.role[i] = rFunc
		case isCueWord(lw):
			an.role[i] = rCue
		case t.upper:
			an.role[i] = rNoun
		default:
			an.role[i] = rPred
		}
		if t.upper && timeNouns[lw] {
			an.role[i] = rFunc // "Montag", "März": times, read by stage 1b
		}
		if t.upper && periodNouns[lw] && i > 0 && (determiners[an.toks[i-1].low] || an.role[i-1] == rPred && looksAdjective(an.toks[i-1].low)) &&
			(i+1 >= len(an.toks) || !an.isNum[i+1] && !isDigitToken(an.toks[i+1])) {
			// "ein vorzeitiges Ende des Markts", "das Ende der Saison": with an
			// article the word names an event's end; "Ende 2026" is a time
			an.role[i] = rNoun
		}
		if _, ok := weekdayOf(lw); ok && t.upper {
			an.role[i] = rFunc // "Samstagabend"
		}
		if _, ok := units[lw]; ok && an.role[i] != rFunc {
			an.role[i] = rFunc
		}
	}
	// Attributive adjectives: lower-case words that inflect like
	// adjectives and stand before a noun ("500 neue Stellen", "die
	// städtische Bibliothek").
	for i := len(an.toks) - 1; i >= 0; i-- {
		t := an.toks[i]
		if an.role[i] != rPred && !(an.role[i] == rCue && !modals[t.low] && !auxiliaries[t.low]) || !looksAdjective(t.low) || i+1 >= len(an.toks) {
			continue
		}
		// no finite verb ends in -es or -em: "nach ersten Erkenntnissen
		// ausströmendes Gas" is an adjective whatever stands before it
		strong := len(t.low) > 4 && (strings.HasSuffix(t.low, "es") || strings.HasSuffix(t.low, "em"))
		j := i + 1
		if an.toks[j].upper && timeNouns[an.toks[j].low] && an.role[i] == rPred {
			// "im ersten Halbjahr", "im vergangenen Jahr": part of a time,
			// no verb of the clause
			an.role[i] = rFunc
			continue
		}
		if !(an.toks[j].upper && !an.toks[j].punct && (an.role[j] == rNoun || an.role[j] == rName) || an.role[j] == rAdj) {
			continue
		}
		// An attributive adjective follows an article, a number, a
		// preposition, another adjective or a mark; a verb in -te
		// ("tagte Verdi") follows its subject.
		if i > 1 && an.degreeWord(i-1) {
			// "300 frei zugängliche Spielplätze", "die besonders schweren
			// Fälle": an uninflected word in that place says how the
			// adjective holds; it is neither a verb nor the noun's end
			an.role[i-1] = rDeg
		} else if i > 0 && !strong && !an.extendedAttribute(i) {
			p := an.toks[i-1]
			if !(p.punct || determiners[p.low] || prepositions[p.low] || an.isNum[i-1] || isDigitToken(p) ||
				an.role[i-1] == rAdj || looksAdjective(p.low) && !p.upper ||
				!strings.HasSuffix(t.low, "te") && (conjunctions[p.low] || adverbs[p.low] || i > 1 && prepositions[an.toks[i-2].low] && !((an.role[i-1] == rNoun || calendarWord(p.low)) && (i == 2 || an.toks[i-3].punct)))) ||
				an.frontedYear(i-1) {
				// (after "In Thüringen" a word in -en is the verb: "In
				// Thüringen warten Patienten"; so after a fronted month or
				// day: "Ab April zahlen Autofahrer", or year: "Seit 2020
				// warten Patienten", "Im Jahr 2025 zahlten Mieter")
				continue
			}
		}
		an.role[i] = rAdj
	}
}

// degreeWord reports an uninflected lower-case word at k that stands
// where an attribute begins (after an article, a preposition or a number
// the figure) and before an adjective: "300 frei zugängliche", "der besonders
// schweren", "in öffentlich geförderten". An inflected word there is an
// adjective of its own, a capitalised one a noun.
func (an *analysis) degreeWord(k int) bool {
	t, p := an.toks[k], an.toks[k-1]
	if an.role[k] != rPred || t.upper || t.punct || looksAdjective(t.low) || an.isNum[k] || isDigitToken(t) {
		return false
	}
	return determiners[p.low] || prepositions[p.low] || an.isNum[k-1] || isDigitToken(p)
}

// frontedYear reports a year at k that ends a time phrase opening the
// clause: "Seit 2020", "Bis 2030", "Im Jahr 2025". The word after it is
// the finite verb, whatever its ending.
func (an *analysis) frontedYear(k int) bool {
	if k < 1 || !yearToken(an.toks[k].text) {
		return false
	}
	j := k - 1
	if an.toks[j].low == "jahr" && j > 0 {
		j--
	}
	return prepositions[an.toks[j].low] && (j == 0 || clauseBreak(an.toks[j-1]))
}

// yearToken: four digits from 1900 to 2099.
func yearToken(s string) bool {
	if len(s) != 4 || !(strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
		return false
	}
	for i := 2; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberWordOpening: a number word that may open a sentence capitalised
// ("Zwölf", "Drei", "Zweieinhalb"), not a noun of amounts ("Millionen",
// "Dutzend").
func numberWordOpening(lw string) bool {
	if vagueWords[lw] != [2]float64{} || strings.HasSuffix(lw, "illionen") || strings.HasSuffix(lw, "illiarden") || strings.HasPrefix(lw, "dutzend") {
		return false
	}
	_, ok := parseNumberWord(lw)
	return ok
}

// calendarWord: a month or a weekday ("april", "montag").
func calendarWord(lw string) bool {
	_, m := monthNames[lw]
	_, d := weekdays[lw]
	return m || d
}

func isCueWord(lw string) bool { return wordClass[lw]&wCue != 0 }

// quotedTitle reports a capitalised word that opens a quote of at most
// three words: a title, not a quoted statement.
func (an *analysis) quotedTitle(i int) bool {
	toks := an.toks
	if i == 0 || !toks[i].upper || (toks[i-1].text != "„" && toks[i-1].text != "»") {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		switch toks[j].text {
		case "“", "”", "«":
			return true
		}
		if toks[j].punct {
			return false
		}
	}
	return false
}

// extendedAttribute reports a participle or adjective that closes an
// extended attribute: an article, then a prepositional phrase, then the
// word before its noun ("die für Samstag angekündigte Drohnenshow", "den
// seit Jahren geplanten Neubau"). A finite verb never stands between an
// article and its noun, so the word is an attribute, not the clause's verb.
func (an *analysis) extendedAttribute(i int) bool {
	toks := an.toks
	if !participleForm(toks[i].low) && !presentParticiple(toks[i].low) {
		return false // an adjective there is read as before: names follow it ("des in New York ansässigen Council")
	}
	for k := i - 1; k >= 1 && k >= i-5; k-- {
		t := toks[k]
		if t.punct {
			return false
		}
		if prepositions[t.low] {
			// "die im Container versteckten", "300 im Container
			// versteckte Päckchen"
			return k < i-1 && (determiners[toks[k-1].low] || an.isNum[k-1] || isDigitToken(toks[k-1]))
		}
		if !(t.upper || an.isNum[k] || isDigitToken(t) || determiners[t.low] || an.role[k] == rAdj || looksAdjective(t.low)) {
			return false
		}
	}
	return false
}

// maskAttribution marks who says something: "laut Polizei", "nach
// Angaben der Veranstalter", "Einem Bericht zufolge", "sagte ein
// Sprecher", "Die Polizei teilte mit", "wie die Zeitung berichtet".
func (an *analysis) maskAttribution() {
	toks := an.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.punct {
			continue
		}
		lw := t.low
		switch {
		case lw == "laut" || lw == "gemäß":
			an.masked[i] = true
			an.maskNPForward(i + 1)
		case sayNouns[lw] && i > 0 && (toks[i-1].low == "nach" || an.toks[i-1].low == "den" || isAdjectiveish(toks[i-1].low)):
			an.masked[i] = true
			for j := i - 1; j >= 0 && (isAdjectiveish(toks[j].low) || toks[j].low == "und" || toks[j].low == "nach" || determiners[toks[j].low]); j-- {
				an.masked[j] = true
				if toks[j].low == "nach" {
					break
				}
			}
			if an.genitiveAfter(i + 1) {
				an.maskNPForward(i + 1)
			}
		case lw == "berufung":
			an.masked[i] = true
			an.maskNPForward(i + 1)
		case lw == "zufolge":
			an.masked[i] = true
			an.maskNPBackward(i - 1)
		case lw == "wie" && i+1 < len(toks):
			for j := i + 1; j < len(toks) && j < i+10; j++ {
				if toks[j].punct && !strings.Contains("„“”\"", toks[j].text) {
					break
				}
				if sayVerbs[toks[j].low] {
					for k := i; k <= j; k++ {
						an.masked[k] = true
					}
					break
				}
			}
		case lw == "so" && i > 0 && toks[i-1].text == ",":
			an.maskNPForward(i + 1)
		case sayVerbs[lw] && !(t.upper && i > 0) && !an.existential(i):
			// (mid-sentence, "Berichten" is the noun: "widersprach Berichten")
			an.sayAt = append(an.sayAt, i)
			start := clauseStart(an, i)
			subject := false
			passive := false
			figureFirst := false
			for k := start; k < i; k++ {
				if (an.role[k] == rNoun || an.role[k] == rName || toks[k].upper && !functionWord(toks[k].low)) && !an.governedSimple(k) {
					subject = true
				}
				if an.isNum[k] {
					figureFirst = true // "Rund 3.000 Teilnehmende zählte die Polizei": the object comes first
				}
				if toks[k].low == "wird" || toks[k].low == "wurde" || toks[k].low == "wurden" || toks[k].low == "werden" {
					passive = true
				}
			}
			switch {
			case figureFirst:
				an.maskNPForward(i + 1)
			case passive && strings.HasPrefix(lw, "ge"):
				// "Der Schaden wird auf 2,5 Millionen geschätzt": nobody is named
			case subject && i+2 < len(toks) && (toks[i+1].low == "der" || toks[start].low == "den" || toks[start].low == "einen" || amountOpens(an, i)) &&
				determiners[toks[i+1].low] && toks[i+2].upper && an.clause[i+2] == an.clause[i],
				subject && i+1 < len(toks) && (toks[start].low == "den" || toks[start].low == "einen") && toks[i+1].upper && !toks[i+1].punct &&
					an.clause[i+1] == an.clause[i]:
				// "Die Brandfläche beziffert der Verband auf 400 Hektar",
				// "Den Schaden beziffert die Polizei auf …", "Den Schaden
				// schätzen Experten auf …": the masculine
				// nominative after the verb, or the noun after the verb when
				// an accusative opens the clause, is the source.
				an.maskNPForward(i + 1)
			case subject && !(i > 0 && toks[i-1].text == ","):
				// "Die Polizei teilte mit", "Die Veranstalter sprachen von …":
				// the subject before the verb is the source.
				for k := start; k < i; k++ {
					if an.role[k] == rNum || toks[k].low == "dass" {
						break
					}
					an.masked[k] = true
				}
			default:
				// "…, sagte der Sprecher", "Das behauptete der Experte",
				// "Laut X sprach der Verband von …"
				an.maskNPForward(i + 1)
			}
		}
	}
}

// genitiveAfter reports a word at k that may open the genitive of whose
// statement ("nach Angaben der Polizei", "nach Erkenntnissen örtlicher
// Behörden", "nach Angaben Kiews", "von"): not a noun phrase in the
// nominative, which is what the sentence says ("Auslöser war nach
// ersten Erkenntnissen ausströmendes Gas", "eine defekte Leitung").
func (an *analysis) genitiveAfter(k int) bool {
	if k >= len(an.toks) {
		return false
	}
	t := an.toks[k]
	switch {
	case t.punct:
		return true // a quote: „…“
	case t.upper:
		return strings.HasSuffix(t.low, "s") || acronym(t.text) || innerCapital(t.text) || k+1 < len(an.toks) && an.toks[k+1].upper
	case determiners[t.low]:
		return t.low == "der" || t.low == "des" || t.low == "eines" || t.low == "einer" || strings.HasSuffix(t.low, "er") && !indefinite[t.low]
	case isAdjectiveish(t.low):
		return strings.HasSuffix(t.low, "er") || strings.HasSuffix(t.low, "en")
	}
	return true
}

// existential reports "gibt es", "es gab": there is, not a giving out
// ("gibt … an"); the clause before it is what there is, not who says it.
func (an *analysis) existential(i int) bool {
	switch an.toks[i].low {
	case "gibt", "gab", "gaben":
		return i+1 < len(an.toks) && an.toks[i+1].low == "es" || i > 0 && an.toks[i-1].low == "es"
	}
	return false
}

// amountOpens reports a clause opened by an amount noun before the verb
// at i ("Die Menge des ausgelaufenen Diesels beziffert das Amt auf …"): an
// amount estimates nothing, so it is the object, whatever its article.
func amountOpens(an *analysis, i int) bool {
	for k := 0; k < i; k++ {
		// (from the clause's first word: a quote inside the subject
		// starts no clause of its own)
		if an.role[k] == rNoun && an.clause[k] == an.clause[i] {
			return amountNoun(an.toks[k].low)
		}
	}
	return false
}

// amountNoun names how much of something there is: "Menge", "Zahl",
// "Höhe", "Brandfläche".
func amountNoun(lw string) bool {
	if transparentNouns[lw] || measureNouns[lw] {
		return true
	}
	for _, suf := range []string{"menge", "fläche", "summe", "zahl"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// governedSimple reports a preposition right before token k or before its
// article: "laut Polizei", "nach Angaben der Polizei".
func (an *analysis) governedSimple(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		lw := an.toks[j].low
		if prepositions[lw] || sayNouns[lw] {
			return true
		}
		if !(determiners[lw] || looksAdjective(lw) && !an.toks[j].upper) {
			return false
		}
	}
	return false
}

func isAdjectiveish(lw string) bool {
	return looksAdjective(lw) && !functionWord(lw) && !isCueWord(lw)
}

func clauseStart(an *analysis, i int) int {
	j := i
	for j > 0 && an.clause[j-1] == an.clause[i] && !clauseBreak(an.toks[j-1]) {
		j--
	}
	return j
}

// maskNPForward masks a noun phrase starting at token i: determiners and
// adjectives, then capitalised words, with "und" and genitive attributes
// ("der Sprecher des Konzerns").
func (an *analysis) maskNPForward(i int) {
	seenHead := false
	for j := i; j < len(an.toks) && j < i+12; j++ {
		t := an.toks[j]
		switch {
		case !seenHead && (t.low == "aus" || t.low == "von" || t.low == "in") && j+1 < len(an.toks) && (an.toks[j+1].upper || determiners[an.toks[j+1].low]):
			// "nach Angaben aus Kiew", "des in New York ansässigen Council"
		case seenHead && t.low == "für" && j+1 < len(an.toks) && an.toks[j+1].upper:
			// a body's remit: "des Landesamts für Umwelt und Geologie"
		case t.punct && strings.Contains("„“”\"", t.text):
		case t.punct:
			return
		case t.upper && !(seenHead && an.role[j] == rCue) && !timeNouns[t.low]:
			seenHead = true
		case seenHead && len(t.low) <= 3 && !isDigitToken(t) && !functionWord(t.low) && j+1 < len(an.toks) && an.toks[j+1].upper:
			// "Council for Foreign Relations"
		case t.low == "und" || t.low == "von" && seenHead:
		case !seenHead && (determiners[t.low] || isAdjectiveish(t.low) || t.low == "derselben"):
		case seenHead && (t.low == "des" || t.low == "der" || t.low == "in" || t.low == "aus") && j+1 < len(an.toks) && an.toks[j+1].upper:
			// genitive or place attribute: "der Sekretär des Sicherheitsrats", "die Polizei in Köln"
		case seenHead && (determiners[t.low] || isAdjectiveish(t.low)) && j+1 < len(an.toks) && an.toks[j+1].upper && an.toks[j-1].low == "des":
		default:
			return
		}
		an.masked[j] = true
	}
}

func (an *analysis) maskNPBackward(i int) {
	for j := i; j >= 0 && j > i-8; j-- {
		t := an.toks[j]
		if t.punct && !strings.Contains("„“”\"", t.text) {
			return
		}
		if !(t.punct || t.upper || determiners[t.low] || isAdjectiveish(t.low) || t.low == "und" || t.low == "des" || t.low == "der") {
			return
		}
		an.masked[j] = true
	}
}

// findNames marks name tokens and their spans.
func (an *analysis) findNames() {
	toks := an.toks
	isName := make([]bool, len(toks))
	for i, t := range toks {
		if an.role[i] != rNoun {
			continue
		}
		switch {
		case acronym(t.text):
			isName[i] = true
		case an.quotedTitle(i):
			// „Stadtflitzer S2“, „Der Salzkönig“: a short quote opening with
			// a capital names a product, a work or an operation
			isName[i] = true
		case an.datelines[t.low] && !(i > 0 && determiners[toks[i-1].low]):
			isName[i] = true
		case innerCapital(t.text):
			isName[i] = true
		case placeAdjective(an, i):
			isName[i] = true
			an.place[i] = true
		case i > 0 && looksAdjective(t.low) && !genericHeads[t.low] && i+1 < len(toks) && toks[i+1].upper && an.role[i+1] == rNoun &&
			(determiners[toks[i-1].low] || contractions[toks[i-1].low] || prepositions[toks[i-1].low]) && adjectiveForm(t.low):
			// a capitalised adjective inside a name: "die Deutsche Bahn",
			// "in der Sächsischen Schweiz", "das Rote Kreuz"
			isName[i], isName[i+1] = true, true
		case i > 0 && an.role[i-1] == rNoun && toks[i-1].upper && !placeAdjective(an, i-1) && !genericHeads[toks[i-1].low] && !genericHeads[t.low] &&
			(i == 1 || determiners[toks[i-2].low] || contractions[toks[i-2].low] || an.role[i-2] == rAdj || toks[i-2].punct):
			// apposition: "die Stadt Köln", "Trainer Thomas Tuchel"
			isName[i] = true
		case i > 0 && prepositions[toks[i-1].low] && !contractions[toks[i-1].low] && !fixedPhrase(toks[i-1].low, t.low) && !abstractNoun(t.low) && (i+1 == len(toks) || !(toks[i+1].low == "der" || toks[i+1].low == "des")) &&
			!coordinated(an, i) && (!pluralLike(t.low) || placePrepositions[toks[i-1].low] && toks[i-1].low != "vor" && (an.articleNouns == nil || !an.articleNouns[t.low]) &&
			!(toks[i-1].low == "bei" && len(germanData().SplitCompound(t.low)) >= 2)) && !(toks[i-1].low == "bei" && nominalisedPeople(t.low)):
			// ("bei Bauarbeiten": a plural compound of dictionary words is
			// an occasion, not a place)
			// "in Köln", "bei Siemens", "gegen Schalke": no article
			isName[i] = true
		case strings.HasSuffix(t.low, "s") && i+1 < len(toks) && an.role[i+1] == rNoun && (i == 0 || !determiners[toks[i-1].low] && an.role[i-1] != rAdj):
			// possessive genitive: "Kölns Oberbürgermeisterin", "Nordkoreas Armee"
			isName[i] = true
		case an.articleNouns != nil && !an.articleNouns[t.low] && !abstractNoun(t.low) && !genericHeads[t.low] && !causeWords[t.low] &&
			!pluralLike(t.low) && equivalences[foldUmlauts(t.low)] == "" && !adverbLike(t.low) && !coordinated(an, i) &&
			(i == 0 || !(determiners[toks[i-1].low] || prepositions[toks[i-1].low] || an.role[i-1] == rAdj || an.role[i-1] == rNum || quantityWords[toks[i-1].low])) &&
			!(i >= 2 && an.role[i-1] == rNoun && an.role[i-2] == rNum) && // "300 Päckchen Kokain": what they hold
			!(i > 0 && pluralVerb(an, i-1) && agentNoun(t.low) && len(germanData().SplitCompound(t.low)) >= 2) &&
			!((i == 0 || toks[i-1].punct) && i+1 < len(toks) && pluralFinite(an, i+1)):
			// A word the article never writes after an article or an
			// adjective, standing without one: "Siemens streicht", "sagte
			// Müller". (A compound of a doer after a plural verb, "zahlen
			// Autofahrer", is a plural without its article; "teilte
			// Hofmeister mit" names a firm. So is a noun that opens the
			// sentence before a plural verb: "Fahnder haben".)
			isName[i] = true
		}
	}
	// Names continue over adjacent capitalised words: "Angela Merkel",
	// "Fridays for Future" is read as far as capitals go.
	for i := 1; i < len(toks); i++ {
		if isName[i-1] && !an.place[i-1] && an.role[i] == rNoun && toks[i].upper && !genericHeads[toks[i].low] &&
			!(i > 1 && placePrepositions[toks[i-2].low] && pluralLike(toks[i].low)) {
			// ("in Bochum Schüsse": a plural after a place is the clause's noun)
			isName[i] = true
		}
	}
	// A place preposition governs the name of its phrase: "in Köln", "in
	// der Region Kursk", "aus dem nahen Passau".
	for i := range toks {
		if !isName[i] || an.place[i] {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			lw := toks[k].low
			if placePrepositions[lw] {
				an.place[i] = true
				break
			}
			if toks[k].punct || !(determiners[lw] || an.role[k] == rAdj || isName[k] || an.role[k] == rNoun && k == i-1) {
				break
			}
		}
	}
	for i := 0; i < len(toks); {
		if !isName[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && isName[j+1] {
			j++
		}
		key := nameKey(an.s[toks[i].start:toks[j].end])
		pl := false
		for k := i; k <= j; k++ {
			pl = pl || an.place[k]
		}
		for k := i; k <= j; k++ {
			an.role[k] = rName
			an.name[k] = key
			an.place[k] = pl
		}
		i = j + 1
	}
}

// presentParticiple reports the inflected forms of a present participle:
// "wartende", "leer stehenden".
func presentParticiple(lw string) bool {
	for _, suf := range []string{"ende", "enden", "ender", "endes", "endem"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}

// participleForm reports the inflected forms of a participle: weak
// ("angekündigte", "geplanten") and strong ("geschlossene").
func participleForm(lw string) bool {
	for _, suf := range []string{"te", "ten", "ter", "tes", "tem", "ene", "enen", "ener", "enes", "enem"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+3 {
			return true
		}
	}
	return false
}

// periodNouns name a part of a period as adverbs of time ("Ende 2026",
// "Mitte März") and an event's beginning or end as nouns ("das Ende des
// Markts").
var periodNouns = set("ende anfang beginn")

// sagenForms are the finite forms of "sagen", which "voraus" and "vorher"
// make a verb of predicting.
var sagenForms = set("sagt sagte sagten sagen")

// contractions are a preposition and an article in one word.
var contractions = set("im am zum zur beim vom ins ans aufs durchs fürs ums")

// commonNouns collects the capitalised words a text writes after an
// article, a contraction or an inflected adjective: those are common
// nouns, where a name stands alone ("Siemens", "Verdi").
func commonNouns(texts []string, into map[string]bool) map[string]bool {
	if into == nil {
		into = map[string]bool{}
	}
	for _, text := range texts {
		lt, same := lowerSameWidth(text)
		if !same {
			continue // odd letters: no evidence, names are then found by the other rules
		}
		prev, prev2, prev3, prev4 := "", "", "", ""
		for i := 0; i < len(text); {
			r, w := decodeRune(text, i)
			if !isLetter(r) && r != '-' {
				i += w
				continue
			}
			j := i + w
			for j < len(text) {
				r2, w2 := decodeRune(text, j)
				if !isLetter(r2) && r2 != '-' {
					break
				}
				j += w2
			}
			lw := lt[i:j]
			if unicode.IsUpper(r) {
				// (a unit measures a common noun: "1,8 Tonnen Kokain")
				opens := determiners[prev] || contractions[prev] || units[prev] != ""
				adj := looksAdjective(prev) && !functionWord(prev) && !isCueWord(prev) &&
					(determiners[prev2] || contractions[prev2] || prepositions[prev2] ||
						// an extended attribute: "Das am Montag vorgelegte Angebot"
						determiners[prev4] && !contractions[prev4] && prepositions[prev3])
				if opens || adj {
					into[lw] = true
				}
			}
			prev4, prev3, prev2, prev = prev3, prev2, prev, lw
			i = j
		}
	}
	return into
}

// adjectiveForm reports adjective endings that nouns rarely have:
// -ische, -ischen, -liche, -ige, and the short adjectives of names.
func adjectiveForm(lw string) bool {
	for _, suf := range []string{"ische", "ischen", "ischer", "isches", "liche", "lichen", "licher", "ige", "igen", "iger"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	switch lw {
	case "deutsche", "deutschen", "neue", "neuen", "rote", "roten", "alte", "alten", "große", "großen", "grüne", "grünen",
		"schwarze", "schwarzen", "weiße", "weißen", "freie", "freien", "vereinte", "vereinten", "erste", "ersten":
		return true
	}
	return false
}

// pluralLike reports endings of German plurals: "Einschnitte",
// "Verbänden", "Schildern". Names with them ("München") are then found
// only after "in" or "nach", or through apposition.
func pluralLike(lw string) bool {
	return strings.HasSuffix(lw, "en") || strings.HasSuffix(lw, "ern") || len(lw) > 6 && strings.HasSuffix(lw, "e")
}

// pluralVerb: a lower-case verb in -en at k, as a plural subject after it
// takes ("zahlen", "warten").
func pluralVerb(an *analysis, k int) bool {
	t := an.toks[k]
	return !t.upper && !t.punct && strings.HasSuffix(t.low, "en") && (an.role[k] == rPred || an.role[k] == rCue)
}

// pluralAuxiliaries are the plural finite forms of the auxiliaries and
// modals, which the word lists class as function words.
var pluralAuxiliaries = set("haben hatten sind waren wurden werden können konnten müssen mussten sollen sollten wollen wollten dürfen durften")

// pluralFinite: a plural finite verb at k ("haben", "zahlen", "wurden").
func pluralFinite(an *analysis, k int) bool {
	return pluralAuxiliaries[an.toks[k].low] && !an.toks[k].upper || pluralVerb(an, k)
}

// nominalisedPeople reports a participle or adjective in -ten or -igen
// used as a noun for people, as "bei" takes them: "bei Bekannten", "bei
// Verwandten", "bei Angehörigen". (Towns end in -ingen: "bei Tübingen".)
func nominalisedPeople(lw string) bool {
	if len(lw) < 7 {
		return false
	}
	return strings.HasSuffix(lw, "ten") && !strings.HasSuffix(lw, "sten") || strings.HasSuffix(lw, "igen") && !strings.HasSuffix(lw, "ingen")
}

// coordinated reports a noun in a list ("Stadt und Land", "Verbänden,
// Gewerkschaften und Initiativen"): lists of names are rare, lists of
// common nouns without articles are not.
func coordinated(an *analysis, i int) bool {
	n := len(an.toks)
	next := func(k int) string {
		if k < n {
			return an.toks[k].low
		}
		return ""
	}
	if w := next(i + 1); (w == "und" || w == "oder" || w == ",") && i+2 < n && an.toks[i+2].upper && !acronym(an.toks[i+2].text) {
		return true
	}
	if i > 1 && (an.toks[i-1].low == "und" || an.toks[i-1].low == "oder") && an.toks[i-2].upper && an.role[i-2] == rNoun {
		return true
	}
	return false
}

// adverbLike reports words whose ending makes them adverbs or adjectives
// when capitalised at the start of a sentence: "Ursprünglich",
// "Schätzungsweise", "Neuerdings".
func adverbLike(lw string) bool {
	for _, suf := range []string{"lich", "ig", "isch", "weise", "bar", "sam", "haft", "los", "mals", "stens", "ings", "wärts"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// acronym reports "VW", "ADAC", "IG", "THW": two or more capitals, no
// lower-case letters.
func acronym(w string) bool {
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLower(r):
			return false
		}
	}
	return caps >= 2
}

// innerCapital reports "BioNTech", "VfB", "McDonald": a capital after a
// lower-case letter.
func innerCapital(w string) bool {
	prevLower := false
	for _, r := range w {
		if unicode.IsUpper(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// placeAdjective reports "Kölner", "Münchner": a capitalised word in -er
// between an article or preposition and a noun, where German would write
// an adjective in lower case.
func placeAdjective(an *analysis, i int) bool {
	t := an.toks[i]
	if !t.upper || !strings.HasSuffix(t.low, "er") || len(t.low) < 5 || i+1 >= len(an.toks) || agentNoun(t.low) {
		return false
	}
	next := an.toks[i+1]
	if !next.upper || next.punct || an.role[i+1] == rFunc {
		return false
	}
	return i > 0 && (determiners[an.toks[i-1].low] || prepositions[an.toks[i-1].low])
}

// agentNoun reports nouns in -er made from a verb ("Autobauer",
// "Hersteller", "Betreiber"), which stand before a name in apposition
// where a place adjective ("Kölner") stands before a noun.
func agentNoun(lw string) bool {
	for _, suf := range []string{"bauer", "steller", "lieferer", "treiber", "bieter", "sorger", "händler", "wickler",
		"träger", "stalter", "sprecher", "leiter", "führer", "halter", "haber", "mieter", "käufer", "sitzer", "tümer",
		"fahrer", "arbeiter", "nehmer", "geber", "partner", "macher", "schreiber", "spieler", "trainer", "berater",
		"vertreter", "kläger", "richter", "minister", "meister", "täter", "retter", "helfer", "besucher", "bewohner",
		"anwohner", "einwohner", "nutzer", "kunden", "pächter", "verwalter", "prüfer", "planer", "forscher", "denker"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

func firstPartName(w string) bool {
	i := strings.IndexByte(w, '-')
	r, _ := utf8.DecodeRuneInString(w)
	return i > 2 && unicode.IsUpper(r)
}

// fixedPhrases are prepositional phrases without an article whose noun is
// no name: "nach Angaben", "vor Ort", "in Kraft".
var fixedPhrases = set("angaben angabe ort kraft gefahr sicherheit frage betrieb folge zukunft anfang ende " +
	"hilfe druck kritik protest sorge angst panik flammen brand verdacht absprache anlass beginn " +
	"grund gründen zeit zeiten beispiel teil höhe richtung schätzungen berichten informationen " +
	"erkenntnissen polizeiangaben veranstalterangaben")

func fixedPhrase(prep, noun string) bool {
	return fixedPhrases[noun] || prep == "zu" || prep == "um" || prep == "seit" || prep == "pro" || prep == "je"
}

// abstractNoun reports nouns whose ending makes them common nouns, not
// names: -ung, -heit, -keit, -schaft, -tion, -tät, -ismus, -nis.
func abstractNoun(lw string) bool {
	for _, suf := range []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
		"tionen", "tät", "täten", "ismus", "nis", "nisse", "ment", "mente", "ei", "eien"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// nameKey normalises a name for comparison: lower case, umlauts folded,
// a genitive "s" and an adjective "er" cut.
func nameKey(s string) string {
	k := foldUmlauts(strings.ToLower(s))
	k = strings.TrimSuffix(k, "'")
	if strings.HasSuffix(k, "er") && len(k) > 5 && !strings.Contains(k, " ") {
		k = k[:len(k)-2] // Kölner → koln
	}
	return k
}

// sameName reports whether two name keys name the same thing: equal, or
// one a prefix of the other of at least four letters ("koln", "kolns";
// "russland", "russisch" through the adjective's stem).
func sameName(a, b string) bool {
	if a == b {
		return a != ""
	}
	if initialism(a, b) || initialism(b, a) {
		return true
	}
	if strings.IndexByte(a, ' ') >= 0 || strings.IndexByte(b, ' ') >= 0 {
		// "Kim Jong-un Putin" (two names side by side) and "Kim Jong-un"
		for _, x := range strings.Fields(a) {
			for _, y := range strings.Fields(b) {
				if len(x) >= 4 && len(y) >= 4 && !placeTitles[x] && !placeTitles[y] && sameName(x, y) {
					return true
				}
			}
		}
		return false
	}
	n := commonPrefix(a, b)
	short := min(len(a), len(b))
	return n >= 4 && (n == short || n >= 5 && n*3 >= short*2 || n >= 4 && (strings.HasSuffix(a, "isch") || strings.HasSuffix(b, "isch")))
}

// initialism reports an abbreviation of a longer name: "nrw" for
// "nordrhein-westfalen", "vw" for "volkswagen" (its letters in order,
// the first one first).
func initialism(short, long string) bool {
	if len(short) < 2 || len(short) > 5 || len(long) < 8 || strings.ContainsAny(short, " -aeiou") || short[0] != long[0] {
		return false
	}
	if len(short) < 3 && !strings.ContainsAny(long, " -") && len(long) < 10 {
		return false
	}
	j := 1
	for i := 1; i < len(short); i++ {
		k := strings.IndexByte(long[j:], short[i])
		if k < 0 {
			return false
		}
		j += k + 1
	}
	return true
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// findPredicates gives content verbs their key: the skeleton of the verb's
// stem with a separable particle from the end of the clause first ("findet
// … statt" → stattfinden).
func (an *analysis) findPredicates() {
	toks := an.toks
	for i, t := range toks {
		if an.role[i] != rPred || an.masked[i] {
			continue
		}
		if separableParticles[t.low] && clauseEnd(an, i) {
			an.role[i] = rFunc // attached below
			continue
		}
		if looksAdjective(t.low) && len(t.low) <= 4 {
			continue
		}
		an.pred[i] = verbKey(t.low)
	}
	// Attach particles: the first predicate of the clause takes it.
	for i, t := range toks {
		if t.punct || !separableParticles[t.low] || !clauseEnd(an, i) || an.role[i] != rFunc {
			continue
		}
		for k := clauseStart(an, i); k < i; k++ {
			if an.pred[k] != "" || an.role[k] == rCue && (lightVerbs[toks[k].low] || sayVerbs[toks[k].low] || retractionSeparable[toks[k].low] != "") {
				if an.role[k] == rCue {
					break // "sagte … ab", "gab … bekannt" are cues with their particle
				}
				// one skeleton of particle and stem, as verbKey gives it
				// for "abbauen" and "abgebaut": "baut … ab" is "b" too
				an.pred[k] = skeleton(skeleton(t.low) + an.pred[k])
				break
			}
		}
	}
	an.idiomPredicates()
}

// eventIdioms are German idioms that say an event with a verb and a
// phrase ("zur Welt kommen", "ihr Leben lassen"); the verb of the idiom's
// clause takes the key of the event's own verb, so that "418 Tiere kamen
// zur Welt" is read as "geboren" and meets "Geburten", "ließen 41
// Menschen ihr Leben" as "gestorben", the dead. Keyed by the phrase, lower case;
// verbs by verbKey.
var eventIdioms = []struct {
	phrase string
	verbs  map[string]bool
	key    string
}{
	{"zur welt", bornVerbs, verbKey("geboren")},
	{"auf die welt", bornVerbs, verbKey("geboren")},
	{"das licht der welt", verbSet("erblicken erblickte erblickten erblickt"), verbKey("geboren")},
	{"ihr leben", lifeLeft, verbKey("gestorben")},
	{"sein leben", lifeLeft, verbKey("gestorben")},
}

// lifeLeft are the forms of "lassen" in "ließen ihr Leben".
var lifeLeft = verbSet("lassen ließ ließen gelassen lässt")

// bornVerbs come to the world or bring to it.
var bornVerbs = verbSet("kommen kam kamen kommt gekommen bringen brachte brachten bringt gebracht")

// idiomPredicates rekeys the verb of an idiom of eventIdioms in its clause.
func (an *analysis) idiomPredicates() {
	for _, id := range eventIdioms {
		if !strings.Contains(an.ls, id.phrase) {
			continue
		}
		words := strings.Fields(id.phrase)
		for i := 0; i+len(words) <= len(an.toks); i++ {
			match := true
			for j, w := range words {
				if an.toks[i+j].low != w {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			// (the verb may be read as a light verb, without a key of its own)
			for k, t := range an.toks {
				if an.clause[k] == an.clause[i] && !t.punct && !an.masked[k] && id.verbs[verbKey(t.low)] {
					an.pred[k] = id.key
				}
			}
		}
	}
}

// clauseEnd reports whether token i closes its clause.
func clauseEnd(an *analysis, i int) bool {
	return i+1 >= len(an.toks) || an.toks[i+1].punct || an.clause[i+1] != an.clause[i]
}

// verbKey is the skeleton of a verb form's stem: participle "ge", "zu" of
// an infinitive and inflection endings cut.
func verbKey(lw string) string {
	w := lw
	if i := strings.Index(w, "zu"); i > 1 && i+2 < len(w) && strings.HasSuffix(w, "en") {
		w = w[:i] + w[i+2:] // einzusetzen → einsetzen
	}
	if strings.HasPrefix(w, "ge") && len(w) > 5 && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")) {
		w = w[2:]
	}
	// "teilgenommen", "abgesagt": a particle, then the participle's "ge"
	if i := strings.Index(w, "ge"); i > 1 && i <= 6 && separableParticles[w[:i]] && len(w) > i+5 {
		w = w[:i] + w[i+2:]
	}
	for _, suf := range []string{"ungen", "ung", "test", "tet", "ten", "te", "en", "st", "et", "t", "e", "n"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return skeleton(w)
}

// findCues records negations, hedges, stances and modes.
func (an *analysis) findCues() {
	toks := an.toks
	for i, t := range toks {
		if t.punct {
			continue
		}
		lw := t.low
		wc := wordClass[lw]
		if wc&(wRunning|wRevision) != 0 {
			an.running, an.revised = an.running || wc&wRunning != 0, an.revised || wc&wRevision != 0
		} else if strings.IndexFunc(lw, notLetter) >= 0 {
			// "Corona-Zahlen": the lists are looked up by runs of letters
			for _, w := range letterWords(lw) {
				an.running, an.revised = an.running || runningWords[w], an.revised || revisionWords[w]
			}
		}
		if wc == 0 {
			continue // in no list: most words
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].low
		}
		switch {
		case negations[lw]:
			if !negationExceptions[next] || next == "einmal" && (i+2 >= len(toks) || !isDigitToken(toks[i+2])) {
				an.negs = append(an.negs, i)
			}
		case lw == "sondern":
			an.sondern = true
		}
		if sourceHedges[lw] {
			an.hedges = appendUnique(an.hedges, lw)
		}
		if an.masked[i] {
			continue
		}
		if an.role[i] == rAdj && !incrementWords[lw] {
			continue // "die geplanten Kürzungen", "erwartete Besucher": attributes, no stance
		}
		if hedgeWords[lw] || subjunctives[lw] && i > 0 {
			an.hedgeAt = append(an.hedgeAt, i)
		}
		if modals[lw] || lw == "wird" || lw == "werden" {
			an.modalAt = append(an.modalAt, i)
		}
		if denialWords[lw] {
			an.denyAt = append(an.denyAt, i)
		}
		if p, ok := denialSeparable[lw]; ok && an.particleAfter(i, p) >= 0 {
			an.denyAt = append(an.denyAt, i)
		}
		if retractionWords[lw] && !(lw == "fällt" && an.particleAfter(i, "aus") < 0) {
			an.retractAt = append(an.retractAt, i)
		}
		if p, ok := retractionSeparable[lw]; ok && an.particleAfter(i, p) >= 0 {
			an.retractAt = append(an.retractAt, i)
		}
		if correctionWords[lw] {
			an.correctAt = append(an.correctAt, i)
		}
		if planWords[lw] {
			an.planAt = append(an.planAt, i)
		}
		if announceWords[lw] {
			an.announce = append(an.announce, i)
		}
		if p, ok := announceSeparable[lw]; ok && an.particleAfter(i, p) >= 0 {
			an.announce = append(an.announce, i)
		}
		if forecastWords[lw] && lw != "bis" {
			an.forecast = append(an.forecast, i)
		}
		if sagenForms[lw] && (an.particleAfter(i, "voraus") >= 0 || an.particleAfter(i, "vorher") >= 0) {
			an.forecast = append(an.forecast, i) // "sagt … Temperaturen um 39 Grad voraus"
		}
		switch lw {
		case "wird", "werden", "kommenden", "nächsten", "künftig", "voraussichtlich":
			an.future = true
		}
	}
	// A demand or an obligation to take something back is no retraction:
	// "Die Stadt müsse die Einschnitte zurücknehmen", "fordert, den Plan zu stoppen".
	an.retractAt = an.withoutDemands(an.retractAt)
	an.denyAt = an.withoutDemands(an.denyAt)
	// The phrases all contain one of these words; most sentences have none.
	var es, nicht, keine, eis, heisst, berichte, unklar bool
	for _, t := range toks {
		switch t.low {
		case "es":
			es = true
		case "nicht":
			nicht = true
		case "keine", "keinen", "kein", "keiner":
			keine = true
		case "eis", "acta", "tisch", "fallen", "stattfinden", "statt", "abstand":
			eis = true
		case "heißt":
			heisst = true
		case "berichte", "berichten", "zufolge":
			berichte = true
		case "unklar", "bekannt", "offen", "bestätigt", "klar":
			unklar = true
		case "zu", "jeder", "rede", "dran":
			keine = true
		}
	}
	if es || nicht || heisst || berichte || unklar {
		for _, ph := range hedgePhrases {
			if strings.Contains(an.ls, ph) {
				an.hedges = appendUnique(an.hedges, ph)
			}
		}
	}
	if es || nicht || keine {
		for _, ph := range denialPhrases {
			if at := strings.Index(an.ls, ph); at >= 0 {
				if i := an.tokenAtByte(at); i >= 0 {
					an.denyAt = append(an.denyAt, i)
				}
			}
		}
	}
	if eis || nicht {
		for _, ph := range retractionPhrases {
			if at := strings.Index(an.ls, ph); at >= 0 && (at == 0 || an.ls[at-1] == ' ') {
				if ph == "doch nicht" && len(an.planAt) == 0 && !an.future {
					continue // "nun doch nicht" takes back a plan; "es waren doch nicht 500" corrects
				}
				if i := an.tokenAtByte(at); i >= 0 {
					an.retractAt = append(an.retractAt, i)
				}
			}
		}
	}
}

// demandWords make what follows a demand, not a fact.
var demandWords = set("muss müsse müssen musste sollte sollten solle fordert fordern forderte forderten verlangt " +
	"verlangte verlangen appelliert appellierte drängt drängte will wollen wolle könnte könnten ob")

func (an *analysis) withoutDemands(at []int) []int {
	kept := at[:0]
	for _, i := range at {
		demand := false
		for k, t := range an.toks {
			if demandWords[t.low] && (an.clause[k] == an.clause[i] || an.clause[k] == an.clause[i]-1 && an.zuInfinitive(i)) && k < i {
				demand = true
			}
		}
		if !demand {
			kept = append(kept, i)
		}
	}
	return kept
}

// tokenAtByte is the token starting at or after byte b, or -1.
func (an *analysis) tokenAtByte(b int) int {
	for i, t := range an.toks {
		if t.start >= b {
			return i
		}
	}
	return -1
}

// particleAfter finds a separable particle (possibly two words, "in
// aussicht") closing the clause of token i.
func (an *analysis) particleAfter(i int, particle string) int {
	words := strings.Fields(particle)
	for j := i + 1; j < len(an.toks); j++ {
		if an.clause[j] != an.clause[i] {
			return -1
		}
		if an.toks[j].punct || an.toks[j].low != words[0] {
			continue
		}
		k := j
		ok := true
		for _, w := range words[1:] {
			k++
			if k >= len(an.toks) || an.toks[k].low != w {
				ok = false
				break
			}
		}
		if ok && (k+1 >= len(an.toks) || an.toks[k+1].punct || an.clause[k+1] != an.clause[i]) {
			return j
		}
	}
	return -1
}

// inClause reports whether any of the token indexes is in the clause of
// token i (or anywhere, when i < 0).
func (an *analysis) inClause(list []int, i int) bool {
	for _, k := range list {
		if i < 0 || an.clause[k] == an.clause[i] {
			return true
		}
	}
	return false
}

// negatedAt reports a negation in the clause of token i.
func (an *analysis) negatedAt(i int) bool {
	if an.sondern {
		return false // "nicht 10.000, sondern 5.000": a correction, not a denial
	}
	return an.inClause(an.negs, i)
}

// hedgesFor returns the hedges that qualify the claim at token i:
// sentence-wide phrases and hedge words outside relative clauses.
func (an *analysis) hedgesFor(i int) []string {
	var out []string
	out = append(out, an.hedges...)
	for _, h := range an.hedgeAt {
		if i >= 0 && an.clause[h] != an.clause[i] && an.relativeClause(an.clause[h]) {
			continue
		}
		out = appendUnique(out, an.toks[h].low)
	}
	if an.reportativeSoll(i) {
		out = appendUnique(out, "soll") // "sollen … gestorben sein": hearsay
	}
	return out
}

// relativeClause reports whether clause c opens with a relative pronoun
// after a comma ("Soldaten, die eingesetzt werden sollen").
func (an *analysis) relativeClause(c int) bool {
	for i, t := range an.toks {
		if an.clause[i] == c {
			return i > 0 && an.toks[i-1].text == "," && relativePronouns[t.low] || t.text == "," && i+1 < len(an.toks) && relativePronouns[an.toks[i+1].low]
		}
	}
	return false
}

var relativePronouns = set("die der das dem den denen deren dessen welche welcher welches welchen welchem")

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func isDigitToken(t token) bool {
	return t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

// mode decides what kind of statement the clause of token i makes.
func (an *analysis) mode(i int) Mode {
	switch {
	case an.inClause(an.forecast, i) || an.inClause(an.forecast, -1) && !an.inClause(an.planAt, i):
		if an.inClause(an.forecast, i) {
			return ModeForecast
		}
	}
	if an.inClause(an.announce, i) {
		return ModeAnnouncement
	}
	if an.inClause(an.planAt, i) {
		// "soll … gestorben sein" is hearsay about the past, not a plan.
		if an.reportativeSoll(i) {
			return ModeReport
		}
		return ModePlan
	}
	// "wird … schließen": a future tense without a passive participle.
	for _, m := range an.modalAt {
		lw := an.toks[m].low
		if (lw == "wird" || lw == "werden") && an.clause[m] == an.clause[i] && !an.passiveAfter(m) && !an.passiveInfinitive(m) {
			return ModePlan
		}
	}
	// A plan word elsewhere governs a "zu" infinitive: "plant, das Werk zu schließen".
	if an.inClause(an.planAt, -1) && an.zuInfinitive(i) {
		return ModePlan
	}
	if an.inClause(an.announce, -1) && an.zuInfinitive(i) {
		return ModeAnnouncement
	}
	if an.inClause(an.forecast, -1) {
		return ModeForecast
	}
	return ModeReport
}

// reportativeSoll: "soll(en) … haben/sein" at the end of the clause, in
// a clause that names no time ahead ("Ab Januar soll die Gebühr 245 Euro
// betragen" is a plan).
func (an *analysis) reportativeSoll(i int) bool {
	for _, p := range an.planAt {
		lw := an.toks[p].low
		if lw != "soll" && lw != "sollen" && lw != "solle" || an.aheadIn(p) {
			continue
		}
		for j := p + 1; j < len(an.toks) && an.clause[j] == an.clause[p]; j++ {
			// "soll … gestorben sein", "soll … bei 45 Millionen liegen"
			// (not "sollen 60.000 Besucher kommen", "soll 39 Grad
			// erreichen": what is to happen, not what reportedly is)
			lw := an.toks[j].low
			if (lw == "haben" || lw == "sein" || lightVerbs[lw] && lw != "kommen" && lw != "erreichen") && clauseEnd(an, j) {
				return true
			}
		}
	}
	return false
}

// aheadIn reports a time ahead named in the clause of token p: "künftig",
// or "ab" before a month, a date or a year ("ab Januar", "ab dem 1. März",
// "ab 2027").
func (an *analysis) aheadIn(p int) bool {
	for k, t := range an.toks {
		if an.clause[k] != an.clause[p] {
			continue
		}
		if t.low == "künftig" {
			return true
		}
		if t.low == "ab" && k+1 < len(an.toks) {
			n := an.toks[k+1].low
			if n == "dem" && k+2 < len(an.toks) {
				n = an.toks[k+2].low
			}
			if _, ok := monthNames[strings.TrimSuffix(n, ".")]; ok || n != "" && n[0] >= '0' && n[0] <= '9' {
				return true
			}
		}
	}
	return false
}

// passiveInfinitive reports "werden" after its participle under a modal:
// "mussten 28.000 Puten getötet werden" happened, it is no future tense.
func (an *analysis) passiveInfinitive(m int) bool {
	if an.toks[m].low != "werden" || m == 0 {
		return false
	}
	p := an.toks[m-1].low
	return !an.toks[m-1].upper && len(p) > 5 && (strings.HasPrefix(p, "ge") || strings.Contains(p[2:], "ge")) &&
		(strings.HasSuffix(p, "t") || strings.HasSuffix(p, "en"))
}

// passiveAfter: "wurde/wird … verletzt" is a passive when a participle
// closes the clause; "wird … schließen" is a future.
func (an *analysis) passiveAfter(m int) bool {
	for j := m + 1; j < len(an.toks) && an.clause[j] == an.clause[m]; j++ {
		lw := an.toks[j].low
		if clauseEnd(an, j) || j+1 < len(an.toks) && an.toks[j+1].low == "werden" {
			return strings.HasPrefix(lw, "ge") || strings.HasSuffix(lw, "t") && !strings.HasSuffix(lw, "en")
		}
	}
	return false
}

// zuInfinitive reports a "zu" infinitive in the clause of token i.
func (an *analysis) zuInfinitive(i int) bool {
	for j, t := range an.toks {
		if an.clause[j] != an.clause[i] {
			continue
		}
		if t.low == "zu" && j+1 < len(an.toks) && !an.toks[j+1].upper && !an.toks[j+1].punct {
			return true
		}
		if strings.Contains(t.low, "zu") && strings.HasSuffix(t.low, "en") && an.role[j] == rPred && strings.Index(t.low, "zu") > 1 {
			return true
		}
	}
	return false
}

// quantityWords stand before a mass noun as an article would: "mehr
// Lohn", "weniger Geld" are no names.
var quantityWords = set("mehr weniger viel wenig etwas genug")

// placeTitles are the common nouns a place name may begin with ("Landkreis
// Cloppenburg", "Stadt Köln"): two names that share only one of them are
// two places. Keyed as name keys (lower case, umlauts folded).
var placeTitles = set("landkreis kreis stadt gemeinde region bezirk bundesland land stadtteil ortsteil " +
	"provinz freistaat hansestadt landeshauptstadt samtgemeinde verbandsgemeinde regierungsbezirk")
