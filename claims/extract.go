package claims

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimbot/claimbot/articles"
)

// Claim is one figure (or one explicit "none", denial or retraction) read
// from one sentence, with everything needed to decide whether another claim
// speaks about the same thing.
type Claim struct {
	ID        string // article#paragraph.sentence.n, stable for a given text
	Article   string // article ID
	File      string
	Title     string
	Publisher string
	Published string // "" or YYYY-MM-DD: the article's own date, never inferred
	Paragraph int    // 1-based, as articles.Paragraph.N
	Sentence  int    // 1-based within the paragraph
	Passage   string // the whole paragraph
	Text      string // the claim sentence

	// Figure is the claim in a few words: "etwa 15.000 Soldaten",
	// "Angebot zurückgezogen: Soldaten", "keine Arbeitskräfte".
	Figure      string
	HasQuantity bool
	Quantity    Quantity

	Noun    string // the counted noun as written ("Soldat:innen")
	Thing   string // its concept ("Soldaten"); "" for an unspecific retraction
	Measure string // "t", "km", "%" ... when the figure measures rather than counts
	Actor   string // whose figure: "Nordkorea", "Russland", ...
	// Relation is the German label of what the figure does ("schicken",
	// "anbieten", "im Einsatz", "getötet"); Family groups relations that are
	// compared ("transfer", "strength", "killed", ...).
	Relation string
	Family   string
	Mode     string // "plan" (offer, intention, possibility) or "report"
	Place    string // most specific place: "Kursk", "Front", "Ukraine"
	When     Window

	Negated   bool // "nicht", or a figure of "keine"
	Denied    bool // "bestreitet", "weist zurück", "dementiert"
	Retracted bool // "zieht sein Angebot zurück", "Rückzieher"
	Increment bool // "weitere", "erneut": an addition, not a total
	InQuote   bool
	Hedges    []string // hedge cues found in the sentence, lower case
	Sources   []string // who says it: cited in the sentence, then the paragraph's sources

	kind        relKind
	thingParent string
	order       articleOrder
}

// articleOrder sorts articles by when they speak: publication date, else the
// inferred window, then file name.
type articleOrder struct {
	t    time.Time
	file string
}

func (o articleOrder) before(p articleOrder) bool {
	switch {
	case o.t.IsZero() != p.t.IsZero():
		return !o.t.IsZero() // undated articles with nothing inferred go last
	case !o.t.Equal(p.t):
		return o.t.Before(p.t)
	}
	return o.file < p.file
}

func orderOf(a articles.Article, w Window) articleOrder {
	return articleOrder{t: w.From, file: a.File + "\x00" + a.ID}
}

// Hedged reports whether the claim is stated with reservation.
func (c Claim) Hedged() bool { return len(c.Hedges) > 0 }

// negative reports whether the claim says the thing did not (or will not)
// happen.
func (c Claim) negative() bool {
	return c.Negated || c.Denied || (c.HasQuantity && c.Quantity.Zero)
}

// Extract reads the claims of an article, paragraph by paragraph. Titles and
// sub-headings are left out: they repeat the body in compressed, often
// interrogative form ("Schickt Kim 100.000 Soldaten?").
func Extract(a articles.Article) []Claim {
	ex := extractors.Get().(*extractor)
	defer ex.release()
	ex.article = a
	ex.published = a.PublishedDate()
	ex.ref = articleWindow(a)
	ex.order = orderOf(a, ex.ref)
	var out []Claim
	for _, p := range a.Paragraphs {
		out = ex.paragraph(p, out)
	}
	return out
}

// extractors keeps the buffers of finished extractions for the next: an
// index run extracts many small articles, and growing the buffers anew for
// each showed in profiles. A Pool gives each goroutine its own extractor.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// release returns ex to extractors without holding on to the article.
func (ex *extractor) release() {
	ex.article, ex.published, ex.ref, ex.order = articles.Article{}, "", Window{}, articleOrder{}
	clear(ex.toks[:cap(ex.toks)])
	clear(ex.qs[:cap(ex.qs)])
	ex.an.s, ex.an.ls, ex.an.toks, ex.an.hedges, ex.an.first = "", "", nil, nil, ""
	extractors.Put(ex)
}

// extractor holds per-article state and reusable buffers; each Extract has
// its own, so Extract is safe for concurrent use.
type extractor struct {
	article   articles.Article
	published string // article.PublishedDate(), which formats a time
	ref       Window
	order     articleOrder

	spans [][2]int
	toks  []token
	qs    []Quantity
	an    analysis
}

func (ex *extractor) paragraph(p articles.Paragraph, out []Claim) []Claim {
	ex.spans = sentenceSpans(p.Text, ex.spans)
	prev := carry{}
	for si, sp := range ex.spans {
		s := p.Text[sp[0]:sp[1]]
		s = strings.TrimLeft(s, "•·▪‣◦- ")
		before := len(out)
		out = ex.sentence(p, si+1, s, &prev, out)
		for k := before; k < len(out); k++ {
			out[k].ID = ex.article.ID + "#" + strconv.Itoa(p.N) + "." + strconv.Itoa(si+1) + "." + strconv.Itoa(k-before+1)
		}
	}
	return out
}

// carry is what a sentence passes to the next one in the paragraph: German
// news often names the actor once and continues with "von ihnen" or with no
// subject at all ("Es wurden etwa 120 Raketen ... abgefeuert").
type carry struct {
	when  Window
	actor string
	noun  string // last counted noun
	owner string // its actor
}

// analysis is the per-sentence view the rules work on.
type analysis struct {
	s         string
	ls        string // strings.ToLower(s)
	toks      []token
	clause    []int  // clause number per token
	masked    []bool // tokens inside an attribution ("laut Bloomberg")
	quotes    [][2]int
	cues      []foundCue
	hedges    []string // sentence-wide hedge phrases ("heißt es")
	hedgeAt   []int    // token indexes of hedge words
	relative  []int    // clause numbers of relative clauses
	negs      []int    // token indexes of negations that count
	denial    bool
	retract   bool  // an offer is taken back
	retractAt []int // token indexes of retraction cues
	offerN    bool  // an offer noun occurs
	sondern   bool
	modal     []int

	// Memos of per-token lookups that several rules repeat.
	flags     []uint32 // lexFlags of each token
	actors    []string // actorOfWord of each token
	anyActor  bool
	cpts      []conceptMemo
	first     string // firstActor
	firstDone bool
}

type conceptMemo struct {
	done, known bool
	c           concept
}

// actorAt is actorOfWord(an.toks[i]).
func (an *analysis) actorAt(i int) string { return an.actors[i] }

// conceptAt is conceptOf(an.toks[i].text).
func (an *analysis) conceptAt(i int) (concept, bool) {
	m := &an.cpts[i]
	if !m.done {
		m.c, m.known = conceptOfLower(an.toks[i].text, an.toks[i].low)
		m.done = true
	}
	return m.c, m.known
}

type foundCue struct {
	i int // token index
	cue
}

func (ex *extractor) sentence(p articles.Paragraph, sn int, s string, prev *carry, out []Claim) []Claim {
	an := &ex.an
	ls, same := lowerSameWidth(s)
	tl := ls
	if !same {
		tl = ""
	}
	ex.toks = tokenizeLower(s, tl, ex.toks)
	an.reset(s, ls, ex.toks)
	ex.qs = parseQuantities(s, tl, ex.qs)
	// A sentence without its own time continues the previous sentence's:
	// "Russland führte am letzten Wochenende Angriffe durch. Es wurden etwa
	// 120 Raketen abgefeuert."
	when, ok := sentenceWindowLower(s, ls, ex.ref)
	switch {
	case ok:
		prev.when = when
	case prev.when.Known():
		when = prev.when
	default:
		when = ex.ref
	}
	if len(ex.qs) == 0 && !an.mayStance() {
		// Most sentences have neither a figure nor a word that makes a
		// claim without one; they only pass their time and actor on, and
		// the actor needs the attributions masked only if there is one.
		if an.anyActor {
			an.maskAttribution()
			if a := an.firstActor(); a != "" {
				prev.actor = a
			}
		}
		return out
	}
	an.analyse()

	sentActor := an.firstActor()
	defer func() {
		if sentActor != "" {
			prev.actor = sentActor
		}
	}()
	var sources []string
	sourcesDone := false
	mkBase := func() Claim {
		c := Claim{
			Article: ex.article.ID, File: ex.article.File, Title: ex.article.Title, Publisher: ex.article.Publisher,
			Published: ex.published, Paragraph: p.N, Sentence: sn, Passage: p.Text, Text: s,
			order: ex.order,
		}
		c.When = when
		return c
	}
	// Attribution parsing is the dearest step of a claim sentence, and most
	// candidate claims are dropped after mkBase, so only kept claims pay.
	keep := func(c Claim) {
		if !sourcesDone {
			sources, sourcesDone = mergeSources(articles.CitedSources(s), p.Sources), true
		}
		c.Sources = sources
		out = append(out, c)
	}
	var covered []string // things that already have a claim in this sentence
	for _, q := range ex.qs {
		qi := an.tokenAt(q.End)
		qs := an.tokenAt(q.Start)
		if qi < 0 {
			qi = len(an.toks)
		}
		if qs >= 0 && an.masked[qs] {
			continue
		}
		ni, measure, anaphor := an.nounAfter(qi)
		var noun string
		nt := -1 // the token noun was read from, if any
		switch {
		case anaphor:
			noun = prev.noun
			if bi := an.conceptBefore(qs, false); bi >= 0 {
				noun, nt = an.toks[bi].text, bi
			}
		case ni >= 0:
			noun, nt = an.toks[ni].text, ni
			if timeUnits[an.toks[ni].low] {
				continue
			}
		default:
			if bi := an.conceptBefore(qs, true); bi >= 0 {
				ni = bi
				noun, nt = an.toks[bi].text, bi
			}
		}
		if noun == "" {
			continue
		}
		c := mkBase()
		c.HasQuantity = true
		c.Quantity = q
		c.Noun = noun
		c.Measure = measure
		if q.Percent {
			c.Measure = "%"
		}
		var cpt concept
		var known bool
		if nt >= 0 {
			cpt, known = an.conceptAt(nt)
		} else {
			cpt, known = conceptOf(noun)
		}
		c.Thing, c.thingParent = cpt.key, cpt.parent
		anchor := qs
		if anchor < 0 {
			anchor = qi
		}
		ci := an.relationFor(anchor)
		if ci < 0 && !known {
			continue // neither a known thing nor a relation: not a claim we can compare
		}
		ex.fill(&c, ci, anchor, ni, anaphor, prev)
		if !known && c.Actor == "" {
			continue
		}
		c.Hedges = an.hedgesFor(anchor)
		c.Negated = an.negatedAt(anchor)
		c.Retracted = an.retractedAt(anchor)
		c.Increment = an.incrementAt(anchor)
		c.InQuote = an.inQuote(q.Start)
		c.Figure = figure(c)
		covered = append(covered, c.Thing)
		if ni >= 0 && !anaphor {
			prev.noun, prev.owner = an.toks[ni].text, c.Actor
		}
		keep(c)
	}
	// Claims without a figure: an offer taken back, a denial, a negated
	// report ("keine ..." has a figure and was handled above).
	if an.retract || an.denial || (len(an.negs) > 0 && !an.sondern) {
		things := an.conceptNouns()
		made := false
		for _, ti := range things {
			cpt, _ := an.conceptAt(ti)
			if slices.Contains(covered, cpt.key) {
				continue
			}
			ci := an.relationFor(ti)
			if !an.retract && !an.denial {
				// A bare negation counts only with a relation in its clause:
				// "nicht einmal Kim will helfen" says nothing about figures.
				if ci < 0 || an.clause[an.cues[ci].i] != an.clause[ti] || !an.negatedAt(ti) {
					continue
				}
			}
			if ci < 0 && !an.retract {
				continue
			}
			c := mkBase()
			c.Hedges = an.hedgesFor(ti)
			c.Noun = an.toks[ti].text
			c.Thing, c.thingParent = cpt.key, cpt.parent
			ex.fill(&c, ci, ti, ti, false, prev)
			c.Denied = an.denial
			c.Retracted = an.retract
			c.Negated = !an.denial && !an.retract
			if c.Retracted {
				c.Mode = "plan"
			}
			if c.Actor == "" || c.Family == "" {
				continue
			}
			covered = append(covered, cpt.key)
			c.Figure = figure(c)
			keep(c)
			made = true
		}
		if !made && an.retract && an.offerN && len(things) == 0 {
			// "hat sein Hilfsangebot zurückgezogen": the offer as a whole.
			c := mkBase()
			oi := an.offerNounIndex()
			c.Hedges = an.hedgesFor(oi)
			ex.fill(&c, an.relationFor(oi), oi, -1, false, prev)
			c.Retracted, c.Mode = true, "plan"
			if c.Family == "" {
				c.kind, c.Relation, c.Family = kOffer, relInfo[kOffer].label, relInfo[kOffer].family
			}
			c.Noun = an.toks[oi].text
			if c.Actor != "" {
				c.Figure = figure(c)
				keep(c)
			}
		}
	}
	return out
}

// fill sets relation, mode, actor and place of c. ci is the cue index (or
// -1), at the token the claim hangs on, ni the counted noun (or -1).
func (ex *extractor) fill(c *Claim, ci, at, ni int, anaphor bool, prev *carry) {
	an := &ex.an
	if ci >= 0 {
		fc := an.cues[ci]
		c.kind = fc.kind
		c.Mode = an.modeOf(ci)
		if fc.kind.isPlan() || (relInfo[fc.kind].family == "transfer" && c.Mode == "plan") {
			if up := an.planUpgrade(ci); up != kNone {
				c.kind = up
			}
		}
		if c.kind.isPlan() {
			c.Mode = "plan"
		}
	}
	if an.retractedAt(at) && c.kind != kNone && relInfo[c.kind].family == "transfer" {
		c.Mode = "plan"
	}
	c.Relation, c.Family = relInfo[c.kind].label, relInfo[c.kind].family
	if c.Mode == "" {
		c.Mode = "report"
	}
	// Actor: the owner written on the noun, then (for "erhalten") the
	// origin, then the sentence's subject-like first mention, then the
	// previous sentence's.
	switch {
	case anaphor && prev.owner != "":
		c.Actor = prev.owner
		if o := an.ownerOf(an.conceptBefore(at, false)); o != "" {
			c.Actor = o
		}
	case ni >= 0:
		if o := an.ownerOf(ni); o != "" {
			c.Actor = o
		}
	}
	if c.kind == kReceive {
		// "Russland erhielt Soldaten aus Nordkorea" is Nordkorea sending;
		// without an origin the sender is unknown, and the receiver must
		// not be taken for it.
		if c.Actor == "" {
			c.Actor = an.origin()
		}
		if c.Actor != "" {
			c.kind = kSend
			c.Relation = relInfo[kSend].label
		}
	} else {
		if c.Actor == "" {
			c.Actor = an.firstActor()
		}
		if c.Actor == "" {
			c.Actor = prev.actor
		}
	}
	c.Place = an.place(c.Actor)
}

// figure renders the claim in a few words.
func figure(c Claim) string {
	noun := c.Noun
	switch {
	case c.HasQuantity && c.Quantity.Zero:
		f := "keine " + noun
		if c.Retracted {
			f += " (Angebot zurückgezogen)"
		}
		return f
	case c.HasQuantity:
		f := c.Quantity.Format()
		if c.Measure != "" && c.Measure != "%" {
			f += " " + c.Measure
		}
		f += " " + noun
		if c.Negated {
			f = "nicht " + f
		}
		if c.Retracted {
			f += " (Angebot zurückgezogen)"
		}
		return f
	case c.Retracted && c.Thing == "":
		return noun + " zurückgezogen"
	case c.Retracted:
		return "Angebot zurückgezogen: " + noun
	case c.Denied:
		return "bestritten: " + noun
	}
	return "keine " + noun
}

func mergeSources(a, b []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{a, b} {
		for _, s := range list {
			k := strings.ToLower(s)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// relativePronouns open a relative clause after a comma. A hedge there
// ("Soldaten, die eingesetzt werden sollen") qualifies the noun, not the
// claim.
var relativePronouns = set("die der das dem den denen deren dessen welche welcher welches welchen welchem")

// hedgesFor returns the hedges that qualify a figure at token i: hedge
// phrases, and hedge words outside relative clauses or in i's own clause.
func (an *analysis) hedgesFor(i int) []string {
	out := append([]string(nil), an.hedges...)
	for _, h := range an.hedgeAt {
		cl := an.clause[h]
		if i >= 0 && i < len(an.clause) && cl != an.clause[i] && containsInt(an.relative, cl) {
			continue
		}
		out = appendUnique(out, an.toks[h].low)
	}
	return out
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// --- sentence analysis -------------------------------------------------

func (an *analysis) reset(s, ls string, toks []token) {
	an.s, an.ls, an.toks = s, ls, toks
	an.clause = resize(an.clause, len(toks))
	if cap(an.masked) < len(toks) {
		an.masked = make([]bool, len(toks))
	}
	an.masked = an.masked[:len(toks)]
	for i := range an.masked {
		an.masked[i] = false
	}
	an.quotes = an.quotes[:0]
	an.cues = an.cues[:0]
	an.hedges = nil
	an.hedgeAt = an.hedgeAt[:0]
	an.relative = an.relative[:0]
	an.negs = an.negs[:0]
	an.modal = an.modal[:0]
	an.denial, an.retract, an.offerN, an.sondern = false, false, false, false
	an.retractAt = an.retractAt[:0]
	if cap(an.actors) < len(toks) || cap(an.flags) < len(toks) {
		an.actors = make([]string, len(toks))
		an.flags = make([]uint32, len(toks))
	}
	an.actors, an.flags = an.actors[:len(toks)], an.flags[:len(toks)]
	an.anyActor = false
	for i, t := range toks {
		var f uint32
		if !t.punct { // every key is a word
			f = lexOf(t.low)
		}
		an.flags[i] = f
		an.actors[i] = actorOfWordLex(t, f)
		if an.actors[i] != "" {
			an.anyActor = true
		}
	}
	if cap(an.cpts) < len(toks) {
		an.cpts = make([]conceptMemo, len(toks))
	}
	an.cpts = an.cpts[:len(toks)]
	clear(an.cpts)
	an.first, an.firstDone = "", false
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// clauseBreak are marks that end a clause for the purpose of finding the
// verb a figure belongs to.
func clauseBreak(t token) bool {
	return t.punct && strings.Contains(",;:–—„“”\"«»‚‘’-", t.text)
}

func (an *analysis) analyse() {
	c := 0
	for i, t := range an.toks {
		if clauseBreak(t) {
			c++
		}
		an.clause[i] = c
	}
	// "Um nicht wortbrüchig zu werden, will Kim …": an infinitive clause
	// with um/ohne/statt is its own clause even without a comma, so its
	// "nicht" does not negate the main clause's figure.
	sub := 1000
	for i, t := range an.toks {
		if t.low != "um" && t.low != "ohne" && t.low != "statt" && t.low != "anstatt" {
			continue
		}
		for j := i + 1; j+1 < len(an.toks) && an.clause[j] == an.clause[i]; j++ {
			next := an.toks[j+1]
			if an.toks[j].low == "zu" && an.toks[j-1].low != "bis" && !next.punct && !next.upper && !isDigitToken(next) {
				sub++
				for k := i; k <= j+1; k++ {
					an.clause[k] = sub
				}
				break
			}
		}
	}
	for i, t := range an.toks {
		if i > 0 && an.toks[i-1].text == "," && relativePronouns[t.low] {
			an.relative = append(an.relative, an.clause[i])
		}
	}
	an.findQuotes()
	an.maskAttribution()
	an.findCues()
}

func (an *analysis) findQuotes() {
	open := -1
	for _, t := range an.toks {
		switch t.text {
		case "„", "»", "‚":
			open = t.end
		case "“", "”", "«", "‘", "’":
			if open >= 0 {
				an.quotes = append(an.quotes, [2]int{open, t.start})
				open = -1
			}
		}
	}
}

func (an *analysis) inQuote(at int) bool {
	for _, q := range an.quotes {
		if at >= q[0] && at < q[1] {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the first token starting at or after byte b.
func (an *analysis) tokenAt(b int) int {
	for i, t := range an.toks {
		if t.start >= b {
			return i
		}
	}
	return -1
}

var speechVerbs = set("sagte sagt sagten erklärte erklärt erklärten betonte betont betonten behauptete behauptet " +
	"verkündete verkündet teilte meldete meldet meldeten berichtete berichtet berichten schreibt schrieb schreiben " +
	"warnte warnt mitteilte mitteilt sagen erklären betonen melden")

// maskAttribution marks the noun phrases that name who says something
// ("laut Bloomberg", "Einem südkoreanischen Bericht zufolge", "sagte
// Kremlsprecher Peskow") so that "südkoreanischen" there is not taken for
// the actor of the claim.
func (an *analysis) maskAttribution() {
	toks := an.toks
	for i := 0; i < len(toks); i++ {
		if an.flags[i]&lxAttribution == 0 {
			continue // none of the cases below
		}
		t := toks[i]
		switch {
		case t.low == "laut":
			an.masked[i] = true
			an.maskNPForward(i + 1)
		case t.low == "angaben":
			an.masked[i] = true
			for j := i - 1; j >= 0 && (isAdjective(toks[j].low) || toks[j].low == "und" || toks[j].low == "nach"); j-- {
				an.masked[j] = true
				if toks[j].low == "nach" {
					break
				}
			}
			an.maskNPForward(i + 1)
		case t.low == "berufung":
			an.masked[i] = true
			an.maskNPForward(i + 1)
		case t.low == "zufolge":
			an.masked[i] = true
			an.maskNPBackward(i - 1)
		case t.low == "wie" && !t.upper || t.text == "Wie":
			for j := i + 1; j < len(toks) && j < i+9; j++ {
				if toks[j].punct && toks[j].text != "„" && toks[j].text != "“" && toks[j].text != "”" {
					break
				}
				if speechVerbs[toks[j].low] {
					for k := i; k <= j; k++ {
						an.masked[k] = true
					}
					break
				}
			}
		case speechVerbs[t.low]:
			if i+1 < len(toks) && (toks[i+1].text == "," || toks[i+1].low == "dass") {
				an.maskNPBackward(i - 1)
			} else {
				an.maskNPForward(i + 1)
			}
		case t.low == "so" && i > 0 && toks[i-1].text == ",":
			an.maskNPForward(i + 1)
		}
	}
}

// npWord reports whether a token can be part of a source's noun phrase.
func npWord(t token) bool {
	if t.punct {
		return strings.Contains("„“”\"", t.text)
	}
	return t.upper || determiners[t.low] || isAdjective(t.low) || t.low == "und" || t.low == "derselben" ||
		t.low == "des" || t.low == "der" || t.low == "beider"
}

// maskNPForward masks a noun phrase starting at token i: determiners and
// adjectives, then capitalised words (a name may have several: "New York
// Post"), with "und" joining two phrases. After the head only names and
// genitive attributes may follow, so the verb after the source ends it.
func (an *analysis) maskNPForward(i int) {
	seenHead := false
	for j := i; j < len(an.toks) && j < i+9; j++ {
		t := an.toks[j]
		switch {
		case t.punct && strings.Contains("„“”\"", t.text):
		case t.upper && !(seenHead && cueWordForm(t.low)):
			if seenHead && an.actorAt(j) != "" && !an.toks[j-1].upper && !an.toks[j-1].punct {
				return // "… Geheimdienste hatte Nordkorea": a new phrase
			}
			seenHead = true
		case t.low == "und":
		case !seenHead && (determiners[t.low] || isAdjective(t.low) || t.low == "derselben"):
		case seenHead && (t.low == "des" || t.low == "der"):
			// genitive attribute: "der Sekretär des Sicherheitsrats"
		default:
			return
		}
		an.masked[j] = true
	}
}

func (an *analysis) maskNPBackward(i int) {
	for j := i; j >= 0 && j > i-8; j-- {
		t := an.toks[j]
		if !npWord(t) || t.text == "," {
			return
		}
		an.masked[j] = true
	}
}

// cueWordForm reports words that end a source phrase even when capitalised
// (a sentence-initial verb).
func cueWordForm(lw string) bool {
	_, ok := cueWords[lw]
	return ok
}

func (an *analysis) findCues() {
	toks := an.toks
	phrases := false
	for i, t := range toks {
		if t.punct {
			continue
		}
		lw := t.low
		f := an.flags[i] &^ lxNotCue
		if f == 0 {
			continue // most words are in no list
		}
		if f&lxHedge != 0 && !an.masked[i] {
			an.hedgeAt = append(an.hedgeAt, i)
		}
		if f&lxModal != 0 {
			an.modal = append(an.modal, i)
		}
		if f&lxOfferNoun != 0 {
			an.offerN = true
		}
		if f&lxSondern != 0 {
			an.sondern = true
		}
		if f&lxDenial != 0 {
			an.denial = true
		}
		if f&lxPhrase != 0 {
			phrases = true
		}
		if f&lxNegation != 0 {
			next := ""
			if i+1 < len(toks) {
				next = toks[i+1].low
			}
			if !negationNotAfter[next] && next != "einmal" && next != "mehr" && next != "weniger" {
				an.negs = append(an.negs, i)
			} else if next == "einmal" && (i+2 >= len(toks) || !isDigitToken(toks[i+2])) {
				an.negs = append(an.negs, i) // "nicht einmal Kim will helfen"
			}
		}
		if c, ok := cueWords[lw]; f&lxCue != 0 && ok && !an.masked[i] {
			switch {
			case lw == "aktive" || lw == "aktiven" || lw == "aktiver":
				// attributive only: "aktive (russische) Soldaten"
				j := i + 1
				for j < len(toks) && isAdjective(toks[j].low) && !toks[j].upper {
					j++
				}
				if j < len(toks) && toks[j].upper {
					an.cues = append(an.cues, foundCue{i, c})
				}
			case lw == "bereit" && i+1 < len(toks) && toks[i+1].low == "erklärt":
				an.cues = append(an.cues, foundCue{i, cue{kOffer, fAny}})
			case lw == "aussicht":
				if i > 0 && toks[i-1].low == "in" {
					an.cues = append(an.cues, foundCue{i, c})
				}
			case c.form == fInfinitive && i > 0 && toks[i-1].low == "zu":
				an.cues = append(an.cues, foundCue{i, cue{c.kind, fZuInf}})
			default:
				an.cues = append(an.cues, foundCue{i, c})
			}
		}
		if f&lxBigram != 0 && i+1 < len(toks) {
			if c, ok := bigramCues[lw+" "+toks[i+1].low]; ok && c.kind != kNone {
				an.cues = append(an.cues, foundCue{i + 1, c})
			}
		}
		if f&lxSpecial != 0 {
			if (lw == "zählen" || lw == "zählt" || lw == "zählte" || lw == "zählten") && an.clauseHas(i, "auf") {
				an.cues = append(an.cues, foundCue{i, cue{kStrength, fAny}})
			}
			if lw == "front" && i >= 2 && toks[i-2].low == "an" && toks[i-1].low == "der" {
				an.cues = append(an.cues, foundCue{i, cue{kDeployed, fFinite}})
			}
		}
		if f&lxSeparable != 0 {
			for _, sc := range separableCues {
				if sc.verbs[lw] && an.particleAfter(i, sc.particle) >= 0 {
					an.cues = append(an.cues, foundCue{i, cue{sc.kind, fFinite}})
				}
			}
			if denialSeparable[lw] && an.particleAfter(i, "zurück") >= 0 {
				an.denial = true
			}
			if p, ok := retractionSeparable[lw]; ok && an.particleAfter(i, p) >= 0 {
				an.retract = true
				an.retractAt = append(an.retractAt, i)
				if p == "zurück" {
					an.cues = append(an.cues, foundCue{i, cue{kWithdraw, fFinite}})
				}
			}
		}
		if f&lxStrongRetraction != 0 {
			an.retract = true
			an.retractAt = append(an.retractAt, i)
		}
		if f&lxWeakRetraction != 0 {
			an.retract = true // checked against offer nouns below
			an.retractAt = append(an.retractAt, i)
			an.cues = append(an.cues, foundCue{i, cue{kWithdraw, fParticiple}})
		}
	}
	if phrases {
		for _, ph := range hedgePhrases {
			if strings.Contains(an.ls, ph) {
				an.hedges = appendUnique(an.hedges, ph)
			}
		}
	}
	// "zurückziehen" retracts only an offer; without one it is a
	// withdrawal of troops (the withdraw cue stays).
	if an.retract && !an.offerN && !an.hasStrongRetraction() {
		an.retract = false
	}
	if an.retract && an.offerN {
		// The withdraw cue was about the offer, not about troops.
		k := an.cues[:0]
		for _, c := range an.cues {
			if c.kind != kWithdraw {
				k = append(k, c)
			}
		}
		an.cues = k
	}
}

// mayStance reports whether a word of the sentence can make findCues set
// denial, retract or negs, the claims without a figure.
func (an *analysis) mayStance() bool {
	for i, t := range an.toks {
		if !t.punct && an.flags[i]&lxStance != 0 {
			return true
		}
	}
	return false
}

func isDigitToken(t token) bool {
	return t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

func (an *analysis) hasStrongRetraction() bool {
	for _, t := range an.toks {
		if strongRetraction[t.low] {
			return true
		}
	}
	return false
}

func (an *analysis) clauseHas(i int, w string) bool {
	for j, t := range an.toks {
		if an.clause[j] == an.clause[i] && t.low == w {
			return true
		}
	}
	return false
}

// particleAfter finds a separable particle (possibly two words, "zur
// verfügung") closing the clause of token i.
func (an *analysis) particleAfter(i int, particle string) int {
	words := strings.Fields(particle)
	for j := i + 1; j < len(an.toks); j++ {
		if an.clause[j] != an.clause[i] {
			return -1
		}
		if an.toks[j].punct {
			continue
		}
		if an.toks[j].low != words[0] {
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
		if !ok {
			continue
		}
		// The particle must end the clause (the verb bracket closes).
		if k+1 >= len(an.toks) || an.toks[k+1].punct {
			return j
		}
	}
	return -1
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// nounAfter finds the counted noun after a figure ending before token i:
// "100.000 Soldaten", "Tausende neue Soldaten", "Hunderttausende von
// Munitionsstücken", "5.000 Tonnen Munition". anaphor is set for "von ihnen",
// "davon".
func (an *analysis) nounAfter(i int) (ni int, measure string, anaphor bool) {
	toks := an.toks
	ni = -1
	for j := i; j < len(toks) && j < i+6; j++ {
		t := toks[j]
		switch {
		case t.low == "davon" || (t.low == "von" || t.low == "unter") && j+1 < len(toks) && (toks[j+1].low == "ihnen" || toks[j+1].low == "denen"):
			return -1, measure, true
		case t.punct && strings.Contains("„“”\"'‚‘’", t.text):
			continue
		case t.punct:
			return ni, measure, false
		case t.upper:
			if _, isActor := actorWords[t.low]; isActor {
				return ni, measure, false
			}
			if m, ok := measureWords[t.low]; ok && measure == "" && m != "" {
				measure = m
				ni = j
				continue
			}
			if m, ok := measureWords[t.low]; ok && m == "" && j+1 < len(toks) && (toks[j+1].low == "mit" || toks[j+1].low == "an" || toks[j+1].low == "von") {
				ni = j
				measure = t.text
				continue
			}
			return j, measure, false
		case t.low == "von" || t.low == "mit" || t.low == "an" && measure != "":
			continue
		case isAdjective(t.low) || incrementWords[t.low] || t.low == "aktive":
			continue
		default:
			return ni, measure, false
		}
	}
	return ni, measure, false
}

// conceptBefore finds the nearest known counted noun before token i in the
// sentence (sameClause: only in i's clause), for "etwa 15.000 von ihnen" and
// "die Zahl der Soldaten auf 700.000".
func (an *analysis) conceptBefore(i int, sameClause bool) int {
	if i < 0 {
		i = len(an.toks)
	}
	for j := min(i, len(an.toks)) - 1; j >= 0; j-- {
		t := an.toks[j]
		if sameClause && i < len(an.toks) && an.clause[j] != an.clause[i] {
			return -1
		}
		if !t.upper || an.masked[j] {
			continue
		}
		if _, ok := an.conceptAt(j); ok {
			return j
		}
	}
	return -1
}

// conceptNouns lists known counted nouns of the sentence outside
// attributions, one per concept.
func (an *analysis) conceptNouns() []int {
	var out []int
	seen := map[string]bool{}
	for j, t := range an.toks {
		if !t.upper || an.masked[j] {
			continue
		}
		if c, ok := an.conceptAt(j); ok && !seen[c.key] {
			if _, isActor := actorWords[t.low]; isActor {
				continue
			}
			seen[c.key] = true
			out = append(out, j)
		}
	}
	return out
}

func (an *analysis) offerNounIndex() int {
	for j, t := range an.toks {
		if offerNouns[t.low] {
			return j
		}
	}
	return 0
}

// relationFor picks the cue a figure at token i belongs to: the nearest cue
// in its clause, else the nearest in the sentence.
func (an *analysis) relationFor(i int) int {
	best, bestD := -1, math.MaxInt
	for pass := 0; pass < 2 && best < 0; pass++ {
		for k, c := range an.cues {
			if pass == 0 && (i >= len(an.clause) || an.clause[c.i] != an.clause[i]) {
				continue
			}
			d := c.i - i
			if d < 0 {
				d = -d
			}
			if d < bestD || d == bestD && c.kind.priority() > an.cues[best].kind.priority() {
				best, bestD = k, d
			}
		}
	}
	return best
}

// planUpgrade returns the stance of an offer or intention governing cue ci:
// in its clause, or in the clause before when ci is a "zu" infinitive
// ("erwägt, bis zu 100.000 Soldaten zu entsenden").
func (an *analysis) planUpgrade(ci int) relKind {
	c := an.cues[ci]
	cl := an.clause[c.i]
	best := kNone
	for _, o := range an.cues {
		oc := an.clause[o.i]
		if an.retract && offerNouns[an.toks[o.i].low] {
			continue // the offer being taken back is not the stance of the figure
		}
		if oc == cl || (c.form == fZuInf && oc < cl && oc >= cl-2) {
			if o.kind.isPlan() && o.kind.priority() > best.priority() {
				best = o.kind
			}
		}
	}
	if best.priority() > c.kind.priority() {
		return best
	}
	return kNone
}

// modeOf decides whether the cue states a plan or a report.
func (an *analysis) modeOf(ci int) string {
	c := an.cues[ci]
	if c.kind.isPlan() {
		return "plan"
	}
	switch c.form {
	case fZuInf:
		return "plan"
	case fInfinitive:
		if len(an.modal) > 0 {
			return "plan" // "will ... entsenden", "wird ... schicken", "könnte ... schicken"
		}
		return "report" // present plural: "Sie schicken"
	case fParticiple:
		for j := c.i + 1; j < len(an.toks) && j <= c.i+2; j++ {
			if an.toks[j].low == "werden" {
				return "plan" // "geschickt werden sollten"
			}
		}
	}
	return "report"
}

// ownerOf returns the actor written on the noun at i: a nationality
// adjective before it, a compound ("Nordkorea-Soldaten"), or "aus/von X",
// "des X" right after it.
func (an *analysis) ownerOf(i int) string {
	if i < 0 || i >= len(an.toks) {
		return ""
	}
	toks := an.toks
	if a := an.actorAt(i); a != "" {
		return a
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := toks[j]
		if t.punct && !strings.Contains("„“”\"", t.text) {
			break
		}
		if a, ok := actorAdjectives[adjStem(t.low)]; ok && !t.upper {
			return a
		}
		if !(isAdjective(t.low) || isDigitToken(t) || incrementWords[t.low] || t.punct) || t.upper && j != 0 {
			break
		}
	}
	if i+2 < len(toks) {
		p := toks[i+1].low
		if originPrepositions[p] || p == "des" || p == "der" {
			if a := an.actorAt(i + 2); a != "" && !an.masked[i+2] {
				return a
			}
		}
	}
	return ""
}

// origin returns the actor after "aus"/"von" anywhere in the sentence.
func (an *analysis) origin() string {
	for j := 0; j+1 < len(an.toks); j++ {
		if originPrepositions[an.toks[j].low] && !an.masked[j+1] {
			if a := an.actorAt(j + 1); a != "" {
				return a
			}
		}
	}
	return ""
}

// firstActor returns the first actor mention that is not inside an
// attribution and not governed by a preposition that makes it a place or a
// target ("nach Russland", "gegen die Ukraine").
func (an *analysis) firstActor() string {
	if !an.firstDone {
		an.first, an.firstDone = an.findFirstActor(), true
	}
	return an.first
}

func (an *analysis) findFirstActor() string {
	for j, t := range an.toks {
		if t.punct || an.masked[j] {
			continue
		}
		a := an.actorAt(j)
		if a == "" || an.guarded(j) {
			continue
		}
		return a
	}
	return ""
}

// guarded reports whether token j is governed by a place or target
// preposition, allowing determiners, adjectives and one apposition noun in
// between ("in die russische Region Kursk", "zu seinem Verbündeten
// Russland").
func (an *analysis) guarded(j int) bool {
	nouns := 0
	for k := j - 1; k >= 0 && k >= j-5; k-- {
		t := an.toks[k]
		switch {
		case guardPrepositions[t.low] || originPrepositions[t.low]:
			return true
		case t.punct:
			return false
		case determiners[t.low]:
			continue
		case isAdjective(t.low) && !t.upper && k > 0 && attributiveContext(an.toks[k-1]):
			// an adjective stands between a determiner or preposition and
			// its noun; "Am Wochenende feuerte Russland" has a verb there
			continue
		case t.upper && nouns == 0 && an.actorAt(k) == "" && !cueWordForm(t.low):
			nouns++
			continue
		}
		return false
	}
	return false
}

// attributiveContext reports tokens after which an adjective is attributive.
func attributiveContext(t token) bool {
	return determiners[t.low] || guardPrepositions[t.low] || originPrepositions[t.low] || isAdjective(t.low) && !t.upper
}

// place returns the most specific place of the sentence: a region, then
// the front, then a country that is a destination and not the actor.
func (an *analysis) place(actor string) string {
	region, front, country := "", "", ""
	for j, t := range an.toks {
		if t.punct || an.masked[j] {
			continue
		}
		lw := t.low
		if i := strings.IndexByte(lw, '-'); i > 0 {
			first, last := lw[:i], lw[strings.LastIndexByte(lw, '-')+1:]
			if _, ok := placeWords[first]; ok && (last == "region" || last == "gebiet" || last == "front") {
				lw = first
				if last == "front" {
					front = "Front"
				}
			} else if last == "front" {
				front = "Front"
				continue
			}
		}
		lw = strings.TrimSuffix(lw, "s")
		p, ok := placeWords[lw]
		if !ok {
			if lw == "russland" || t.low == "russlands" {
				p, ok = "Russland", true
			}
		}
		if !ok || !t.upper {
			continue
		}
		switch {
		case p == "Front":
			front = p
		case broadPlaces[p]:
			if country == "" && p != actor && an.destination(j) {
				country = p
			}
		default:
			if region == "" {
				region = p
			}
		}
	}
	switch {
	case region != "":
		return region
	case front != "":
		return front
	}
	return country
}

// destination reports whether a country at token j is where something goes
// or is: "nach Russland", "in die Ukraine", "in der Ukraine".
func (an *analysis) destination(j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		t := an.toks[k]
		switch {
		case t.low == "nach" || t.low == "in" || t.low == "ins" || t.low == "im" || t.low == "zu" || t.low == "zum":
			return true
		case determiners[t.low] || isAdjective(t.low) && !t.upper:
			continue
		case t.upper && k == j-1:
			continue // "zu seinem Verbündeten Russland"
		}
		return false
	}
	return false
}

// negatedAt reports a negation in the clause of token i.
func (an *analysis) negatedAt(i int) bool {
	if an.sondern {
		return false // "nicht 10.000, sondern 5.000": a correction, not a denial
	}
	for _, n := range an.negs {
		if i < len(an.clause) && an.clause[n] == an.clause[i] {
			return true
		}
	}
	return false
}

// retractedAt reports whether a figure at token i is the one taken back: a
// retraction cue in its clause. "Kim zog sein Angebot zurück, schickte aber
// 300 Soldaten" retracts the offer, not the 300.
func (an *analysis) retractedAt(i int) bool {
	if !an.retract {
		return false
	}
	for _, r := range an.retractAt {
		if i < len(an.clause) && an.clause[r] == an.clause[i] {
			return true
		}
	}
	return false
}

// incrementAt reports "weitere", "erneut" ... in the clause of token i.
func (an *analysis) incrementAt(i int) bool {
	for j, t := range an.toks {
		if i < len(an.clause) && an.clause[j] == an.clause[i] && incrementWords[t.low] && !t.upper {
			return true
		}
	}
	return false
}
