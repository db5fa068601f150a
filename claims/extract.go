package claims

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimbot/claimbot/articles"
)

// Stage 3: claims. A sentence gives a figure claim for each measured
// quantity, a stance claim when it denies or takes something back, and
// otherwise a statement when it says that something happens, happened or
// is planned, so a later denial or retraction has something to target.

// Claim is one figure, stance or statement read from one sentence, with
// what is needed to decide whether another claim speaks about the same
// thing: the measured noun, the event's anchors, its time, the owner of the
// figure, and how firmly it is said.
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
	// "17 Menschen (verletzt)", "bestritten: Werk schließen".
	Figure      string
	HasQuantity bool
	Quantity    Quantity
	Unit        string // "%", "€", "t" … when the figure measures rather than counts

	// Head is the measured noun as written ("Teilnehmern", "Menschen");
	// Key is what is compared: its stem or its class ("tot" for Tote,
	// Todesopfer and "kamen ums Leben").
	Head string
	Key  string
	// Modifiers narrow the measured thing ("aktive", "schwer"): a figure of
	// active soldiers is not one of all soldiers.
	Modifiers []string
	Part      bool // "drei von ihnen", "darunter": part of a whole named before
	Change    int  // +1 or -1 for a change ("stieg um 3 Prozent"), 0 for a level
	Changing  bool // "stieg auf 17": the level after a change, a running count
	Correct   bool // "korrigierte … auf 12": replaces an earlier figure
	Increment bool // "weitere", "erneut": an addition, not a total

	// Owner is whose figure or plan it is ("Siemens", "Kölner"), as
	// written, apart from who says it (Sources); ownerKey is its name key.
	Owner      string
	ownerKey   string
	ownerAdj   bool   // the owner is an origin adjective on the measured noun
	ownerTitle string // the common noun before the owner's name: "sparkass" of "Die Sparkasse Celle"
	// Anchors are the names of the sentence that place the event; Places
	// those of them governed by a place preposition ("in Köln").
	Anchors   []string
	Places    []string
	locations []string // Places governed by a locative preposition
	// Event is what happens, as written: the content words of a statement
	// or of what a stance denies or takes back.
	Event string

	Mode    Mode
	Stance  Stance
	Negated bool // "nicht", or a figure of "keine"
	InQuote bool
	Hedges  []string // hedge cues found in the sentence, lower case
	Sources []string // who says it: cited in the sentence, then the paragraph's sources
	When    Window

	possible     bool     // "könnte", "möglicherweise": a possibility asserts nothing
	trend        int      // +1 or -1: a statement that something grew or shrank ("ist gewachsen", "sank")
	newOnes      bool     // the increment is "neue" alone: "120 neue Asylbewerber", a count of new ones
	decided      bool     // an announcement by a decision taken: "beschloss einen Haushalt mit 420 Millionen Euro"
	running      bool     // the paragraph marks a count as running on: a word of runningWords ("inzwischen")
	revised      bool     // the paragraph says a plan was changed: a word of revisionWords ("verschoben")
	provisional  bool     // a partial count: "nach Auszählung von 80 der 120 Wahlbezirke", "laut Hochrechnung"
	days         bool     // a count of days on which something happened: "an 14 Tagen überschritten"
	spot         string   // where in a place it is measured: "an der Landshuter Allee", "am Stachus" (name key)
	loss         bool     // a result given as a loss ("ein Verlust von 8 Millionen Euro"), below zero
	past         bool     // a report of what happened (perfect, past tense, a past date)
	standing     bool     // a standing state in the present tense: "verfügt über", "umfasst", "hat" (standingVerbs), "beträgt", "gibt es" (amountVerbs)
	holds        bool     // of those, a stock an owner holds: "verfügt über", "umfasst", "beschäftigt" (holdingVerbs)
	base         string   // what a change is measured against: "vormonat", "vorjahr"
	cue          string   // the stance word as written ("abgesagt", "zurückgezogen")
	commits      bool     // a stance on a plan or offer as such ("sein Angebot zurückgezogen")
	deniesStance bool     // a denial of a cancellation or retraction ("Berichte über eine Absage dementiert")
	dirs         int      // 1 a verb of making or adding, 2 of cutting or losing (words.go)
	sourceNames  []string // names inside the attribution
	preds        []string // predicate keys (verb skeletons)
	nouns        []string // content noun keys
	placeNouns   []string // those of nouns a locative governs ("im Tierheim"): where, not what
	nationwide   bool     // "bundesweit", "in deutschen Gewässern", "in Deutschland": the whole country
	regional     bool     // a place narrower than the country: "in Bayern", "im Freistaat", "im Landkreis"
	level        string   // the kind of place a noun names: "county" for "im Landkreis Celle", "sub" for "im Stadtteil"
	ownVerb      bool     // its sentence joins it to a figure with a verb of its own: "1.200 gepflanzt und 300 gefällt"
	earlier      bool     // of a time before the one reported, unstated: "damals", "früher", "vor der Sanierung"
	vote         int      // +1 or -1: people counted by the side they voted ("Für das Gesetz stimmten 71 Abgeordnete")
	motion       string   // the stem of what they voted on, when the clause names it ("gesetz")
	listed       []string // stems of the nouns a list names before its class: "buch", "dvds" for "Bücher, DVDs und andere Medien"
	instance     string   // which of several events its clause names: "2" for "beim zweiten Heimspiel", "weiter"
	causes       []string // nouns of its "gegen" and "für": "gegen die Schließung des Freibads"
	against      bool     // one of causes is a "gegen"
	allOf        []string // nouns after "alle", "sämtliche", as written: "auf allen Linien"
	compounds    []string // content nouns as written (lower case) long enough to be compounds
	ctx          *context
	order        articleOrder
}

// context is what a claim's article says around it: the names of its
// title, of each paragraph, and of the whole article.
type context struct {
	title     []string
	dateline  []string // name keys of the first paragraph's dateline: the town the article reports from
	paragraph map[int][]string
	all       []string
	// named are the names of the title and of the body outside
	// attributions: what the article is about, not who says it
	named []string
	// headline are the title's opening nouns its body never names
	// ("Drogenfund in Bremerhaven")
	headline []string
	// regional: the article speaks of a county, a region or a state
	// ("Der Landkreis Stade"), whose figures may be of any town in it
	regional bool
	text     string // title and body, lower case, umlauts folded
}

// mentions reports whether the article's text has the name key (or its
// first five letters, for "Schweinfurter" and "Schweinfurt").
func (c *context) mentions(key string) bool {
	if c == nil {
		return true
	}
	if len(key) > 5 {
		key = key[:5]
	}
	return strings.Contains(c.text, key)
}

// mentionsWord is mentions at the start of a word: "Glückstädter" names
// Glückstadt, "Rekordfund" no "Fund".
func (c *context) mentionsWord(key string) bool {
	if c == nil {
		return true
	}
	if len(key) > 5 {
		key = key[:5]
	}
	for i := 0; ; {
		j := strings.Index(c.text[i:], key)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(c.text[:j]); !unicode.IsLetter(r) {
			return true
		}
		i = j + 1
	}
}

func (c *context) paragraphNames(paragraph int) []string {
	if c == nil {
		return nil
	}
	return c.paragraph[paragraph]
}

// eventAround is around without the headline's nouns: the names a
// figure's event may be told by.
func (c *context) eventAround(paragraph int) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, k := range c.title {
		if !containsString(c.headline, k) {
			out = append(out, k)
		}
	}
	return append(out, c.paragraph[paragraph]...)
}

func (c *context) around(paragraph int) []string {
	if c == nil {
		return nil
	}
	out := append([]string(nil), c.title...)
	return append(out, c.paragraph[paragraph]...)
}

// articleOrder sorts articles by when they speak: publication date, then
// file name; undated articles come after the dated ones.
type articleOrder struct {
	t    time.Time
	file string
}

func (o articleOrder) before(p articleOrder) bool {
	switch {
	case o.t.IsZero() != p.t.IsZero():
		return !o.t.IsZero()
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
	return c.Negated || c.Stance == StanceDeny || (c.HasQuantity && c.Quantity.Zero)
}

// Extract reads the claims of an article, paragraph by paragraph. Titles and
// sub-headings give anchors but no claims: they repeat the body in
// compressed, often interrogative form ("Schickt Kim 100.000 Soldaten?").
func Extract(a articles.Article) []Claim {
	ex := extractors.Get().(*extractor)
	defer ex.release()
	ex.article = a
	ex.published = a.PublishedDate()
	ex.ref = articleWindow(a)
	ex.order = orderOf(a, ex.ref)
	ex.ctx = &context{paragraph: map[int][]string{}}
	texts := []string{a.Title}
	for _, p := range a.Paragraphs {
		texts = append(texts, p.Text)
	}
	ex.an.articleNouns = commonNouns(texts, nil)
	// the claims keep slices of it: a new array for each article
	ex.an.compoundBuf = make([]string, 0, 8)
	ex.an.datelines = nil
	if len(a.Paragraphs) > 0 {
		ex.an.datelines = datelineWords(a.Paragraphs[0].Text)
		for w := range ex.an.datelines {
			ex.ctx.dateline = append(ex.ctx.dateline, nameKey(w))
		}
		slices.Sort(ex.ctx.dateline) // a map's order would vary from run to run
	}
	ex.ctx.text = foldUmlauts(strings.ToLower(strings.Join(texts, "\n")))
	var opening []string
	if a.Title != "" {
		ex.ctx.title, opening = ex.namesOf(a.Title)
		ex.ctx.all = append(ex.ctx.all, ex.ctx.title...)
	}
	n := 0
	for _, p := range a.Paragraphs {
		n += 1 + strings.Count(p.Text, ". ")
	}
	out := make([]Claim, 0, n)
	for _, p := range a.Paragraphs {
		out = ex.paragraph(p, out)
	}
	// a headline's opening noun is the article's name for something
	// only when its body names it too
	for _, k := range ex.ctx.title {
		if !containsString(opening, k) || containsString(ex.ctx.named, k) {
			ex.ctx.named = appendUnique(ex.ctx.named, k)
		} else {
			ex.ctx.headline = append(ex.ctx.headline, k)
		}
	}
	return out
}

// datelineWords reads the dateline of a first paragraph, "Löhne – Auch
// im benachbarten Löhne …", "Frankfurt am Main – …": up to four words
// before a dash, the first capitalised. It returns nil when there is none.
func datelineWords(text string) map[string]bool {
	i := strings.Index(text, " – ")
	if i < 0 {
		i = strings.Index(text, " - ")
	}
	if i <= 0 || i > 40 {
		return nil
	}
	words := strings.Fields(text[:i])
	if len(words) > 4 || len(words) == 0 || !unicode.IsUpper(firstRune(words[0])) {
		return nil
	}
	m := map[string]bool{}
	for _, w := range words {
		w = strings.Trim(w, ".,")
		if w != "" && unicode.IsUpper(firstRune(w)) {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

var extractors = sync.Pool{New: func() any { return new(extractor) }}

func (ex *extractor) release() {
	ex.article, ex.published, ex.ref, ex.order, ex.ctx = articles.Article{}, "", Window{}, articleOrder{}, nil
	ex.an.articleNouns, ex.an.datelines, ex.an.compoundBuf = nil, nil, nil
	ex.last = sentenceContent{}
	clear(ex.toks[:cap(ex.toks)])
	clear(ex.qs[:cap(ex.qs)])
	ex.an.s, ex.an.ls, ex.an.toks = "", "", nil
	extractors.Put(ex)
}

// extractor holds per-article state and reusable buffers; each Extract has
// its own, so Extract is safe for concurrent use.
type extractor struct {
	article   articles.Article
	published string
	ref       Window
	order     articleOrder
	ctx       *context
	last      sentenceContent // the previous sentence's content words

	spans [][2]int
	toks  []token
	qs    []Quantity
	times []timeMention
	an    analysis
}

// namesOf returns the name keys of a text (a title), and those of them
// that open it or a part after a colon or dash and are compounds of
// listed words: a headline's noun without its article ("Drogenfund in
// Bremerhaven", "Rekordfund: …") as much as a name.
func (ex *extractor) namesOf(text string) (out, opening []string) {
	ex.spans = sentenceSpans(text, ex.spans)
	for _, sp := range ex.spans {
		s := text[sp[0]:sp[1]]
		ls, same := lowerSameWidth(s)
		if !same {
			ls = ""
		}
		ex.toks = tokenizeLower(s, ls, ex.toks)
		ex.an.reset(s, ls, ex.toks)
		ex.an.analyse()
		for i, k := range ex.an.name {
			if k != "" && (i == 0 || ex.an.name[i-1] != k) {
				out = appendUnique(out, k)
				if (i == 0 || ex.toks[i-1].punct) && !acronym(ex.toks[i].text) && !innerCapital(ex.toks[i].text) &&
					(i+1 == len(ex.toks) || ex.an.name[i+1] != k) && len(germanData().SplitCompound(ex.toks[i].low)) >= 2 {
					// (one word of the word lists' parts: "Drogenfund",
					// "Stellenabbau", not "BVG" or "Fraport")
					opening = appendUnique(opening, k)
				}
			}
		}
		for i, t := range ex.toks {
			if ex.an.role[i] == rAdj && strings.Contains(t.low, "isch") {
				out = appendUnique(out, nameKey(adjStem(t.low)))
			}
			if t.upper && regionNouns[t.low] != "" && regionNouns[t.low] != "town" {
				ex.ctx.regional = true
			}
		}
	}
	return out, opening
}

// carry is what a sentence passes to the next one in its paragraph: German
// news names the event once and goes on with "von ihnen", "davon" or with
// no subject at all.
type carry struct {
	when      Window
	hasWhen   bool
	owner     string
	ownerText string
	head      string
	key       string
	unit      string
	places    []string
	locations []string
}

func (ex *extractor) paragraph(p articles.Paragraph, out []Claim) []Claim {
	text := p.Text
	spans := append([][2]int(nil), sentenceSpans(text, ex.spans)...)
	prev := carry{}
	var names []string
	start := len(out)
	running, revised := false, false // a word of runningWords, of revisionWords in the paragraph
	for si, sp := range spans {
		s := strings.TrimLeft(text[sp[0]:sp[1]], "•·▪‣◦- ")
		before := len(out)
		out = ex.sentence(p, si+1, s, &prev, out)
		running, revised = running || ex.an.running, revised || ex.an.revised
		for i, k := range ex.an.name {
			if k != "" && (i == 0 || ex.an.name[i-1] != k) {
				names = appendUnique(names, k)
				if !ex.an.masked[i] {
					ex.ctx.named = appendUnique(ex.ctx.named, k)
				}
			}
		}
		for i, t := range ex.toks {
			if ex.an.role[i] == rAdj && strings.Contains(t.low, "isch") {
				names = appendUnique(names, nameKey(adjStem(t.low)))
			}
			if t.upper && regionNouns[t.low] != "" && regionNouns[t.low] != "town" {
				ex.ctx.regional = true
			}
		}
		for k := before; k < len(out); k++ {
			out[k].ID = ex.article.ID + "#" + strconv.Itoa(p.N) + "." + strconv.Itoa(si+1) + "." + strconv.Itoa(k-before+1)
		}
	}
	ex.ctx.paragraph[p.N] = names
	for _, n := range names {
		ex.ctx.all = appendUnique(ex.ctx.all, n)
	}
	// read once here, not for every pair compared
	for k := start; k < len(out); k++ {
		out[k].running, out[k].revised = running, revised
	}
	return out
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
	for _, q := range ex.qs {
		for k, t := range ex.toks {
			if t.start >= q.Start && t.end <= q.End && !t.punct {
				an.isNum[k] = true
			}
		}
	}
	an.analyse()
	ex.times = sentenceTimes(ex.toks, s, ex.ref, an.future || an.inClause(an.planAt, -1) && !an.reportativeSoll(-1), an, ex.times)
	ex.times = dropComparisonTimes(ex.toks, ex.times)
	// the time a sentence without one of its own goes on with is the
	// previous sentence's, not a time this one gives only for its saying
	before, hadWhen := prev.when, prev.hasWhen
	if len(ex.times) > 0 {
		prev.when, prev.hasWhen = ex.times[0].w, true
	}
	when := func(at int) Window {
		best, onward := -1, -1
		present := at >= 0 && an.tenseAt(at) > 0
		for k, m := range ex.times {
			if at >= 0 && m.at < len(an.clause) && an.clause[m.at] == an.clause[at] {
				if m.w.onward && onward < 0 {
					// "Künftig kostet die Karte ab Januar 58 Euro": the
					// clause's date says from when
					onward = k
					continue
				}
				w := m.w
				// "Die Polizei meldete am Donnerstag 14 Tote": the day
				// the figure was given out, which may be after its event
				w.said = an.reportedAt(m.at)
				return w
			}
			if best < 0 && !(at >= 0 && an.saidAt(m.at)) && !(present && an.tenseAt(m.at) < 0) {
				// (a past clause's time is not a present clause's: "beschloss
				// am Mittwoch eine Satzung, nach der ein Platz 245 Euro kostet")
				best = k
			}
		}
		if onward >= 0 {
			return ex.times[onward].w
		}
		if at >= 0 && an.standingAt(at) {
			// "Das Museum verfügt über 20.000 Objekte, die bis Ende April
			// umgezogen werden sollen": what an owner has holds on its
			// dateline; the time of another clause or sentence is another
			// event's
			return ex.ref
		}
		switch {
		case best >= 0:
			return ex.times[best].w
		case hadWhen:
			return before
		}
		return ex.ref
	}
	anchors, places, locations := an.sentenceNames()
	// "Bei Celle stießen ein Zug und ein Traktor zusammen. Dabei wurden
	// sechs Menschen verletzt": a sentence without a place of its own is
	// where the previous one was.
	unmasked := 0
	for k, key := range an.name {
		if key != "" && !an.masked[k] {
			unmasked++
		}
	}
	if len(places) == 0 && unmasked == 0 && len(ex.qs) > 0 {
		places, locations = prev.places, prev.locations
		for _, p := range places {
			anchors = appendUnique(append([]string(nil), anchors...), p)
		}
	} else if len(places) > 0 {
		prev.places, prev.locations = places, locations
	}
	var sourceNames []string
	for k, key := range an.name {
		if key != "" && an.masked[k] {
			sourceNames = appendUnique(sourceNames, key)
		}
	}
	owner, ownerText := an.subject(-1)
	if owner == "" {
		owner, ownerText = prev.owner, prev.ownerText
	}
	var sources []string
	sourcesDone := false
	// Sources as the sentence cites them are read for figures and stances;
	// a statement, the target of a later stance at most, keeps the
	// paragraph's and the speaker's: CitedSources on every sentence was a
	// seventh of the extraction time.
	cited := len(ex.qs) > 0 || len(an.denyAt) > 0 || len(an.retractAt) > 0
	base := func(at int) Claim {
		if !sourcesDone {
			var own []string
			if cited {
				own = articles.CitedSources(s)
			}
			sources = mergeSources(mergeSources(own, an.speakers()), p.Sources)
			sourcesDone = true
		}
		return Claim{
			Article: ex.article.ID, File: ex.article.File, Title: ex.article.Title, Publisher: ex.article.Publisher,
			Published: ex.published, Paragraph: p.N, Sentence: sn, Passage: p.Text, Text: s,
			Anchors: anchors, Places: places, locations: locations, sourceNames: sourceNames, Sources: sources, When: when(at),
			Hedges: an.hedgesFor(at), InQuote: at >= 0 && an.quoted[at], ctx: ex.ctx, order: ex.order,
		}
	}
	stanceAt := -1
	stance := StanceAssert
	switch {
	case len(an.denyAt) > 0:
		stance, stanceAt = StanceDeny, an.denyAt[0]
	case len(an.retractAt) > 0:
		stance, stanceAt = StanceRetract, an.retractAt[0]
	}
	figures := 0
	for qi := range ex.qs {
		q := ex.qs[qi]
		if q.End+1 < len(s) && s[q.End] == ':' && isDigitByte(s[q.End+1]) || q.Start > 1 && s[q.Start-1] == ':' && isDigitByte(s[q.Start-2]) {
			continue // a side of a result, read below
		}
		if q.Zero && stance == StanceDeny {
			if k := an.tokenAtByte(q.End); k >= 0 && denialIdiomNouns[an.toks[k].low] {
				continue // "keine Rede", "keine Pläne": a denial, no count of speeches or plans
			}
		}
		if q.Zero {
			if k := an.tokenAtByte(q.End); k >= 0 && infoNouns[an.toks[k].low] {
				continue // "machte keine Angaben", "gab keine Auskunft": nothing said, nothing denied
			}
		}
		c, ok := ex.figure(q, prev, base)
		if !ok {
			continue
		}
		at := an.tokenAtByte(q.Start)
		if stanceAt >= 0 && (an.clause[stanceAt] == an.clause[max(at, 0)] || stance == StanceDeny) {
			switch {
			case stance == StanceRetract && withdrawal(an, stanceAt):
				// "zog 2.000 Soldaten aus Kursk zurück": a withdrawal is an event
			case stance == StanceRetract && cancelWords[an.toks[stanceAt].low]:
				// "600 Flüge wurden gestrichen": a count of what was cancelled
			default:
				c.Stance, c.cue = stance, an.toks[stanceAt].text
			}
		}
		c.Figure = figureText(c)
		out = append(out, c)
		figures++
		prev.head, prev.key, prev.unit = c.Head, c.Key, c.Unit
	}
	// Results: "gewann mit 2:1", "endete 1:1".
	for k := 0; k+2 < len(ex.toks); k++ {
		a, colon, b := ex.toks[k], ex.toks[k+1], ex.toks[k+2]
		if colon.text != ":" || a.end != colon.start || colon.end != b.start || !isDigits(a.low) || !isDigits(b.low) ||
			len(a.low) > 2 || len(b.low) > 2 || clockTime(ex.toks, k) {
			continue
		}
		h, _ := strconv.Atoi(a.low)
		g, _ := strconv.Atoi(b.low)
		v := float64(h*1000+g) + 0.5 // never a round number
		c := base(k)
		c.HasQuantity, c.Quantity = true, Quantity{Low: v, High: v, Point: v, Text: a.text + ":" + b.text, Start: a.start, End: b.end}
		c.Unit, c.Head, c.Key = "score", "Ergebnis", "ergebnis"
		c.ownerKey, c.Owner = an.subject(k)
		c.Mode = an.mode(k)
		c.possible = an.possibility(k)
		c.Negated = an.negatedAt(k)
		c.Figure = c.Quantity.Text
		out = append(out, c)
		figures++
		k += 2
	}
	content := an.content()
	last := ex.last
	ex.last = sentenceContent{content: content, anchors: anchors, places: places, locations: locations}
	stanceAnchors, stancePlaces, stanceLocations := anchors, places, locations
	if stance == StanceDeny && an.anaphoricOpening() && (last.content.nouns != nil || last.content.preds != nil) {
		// "Das weist das Unternehmen zurück.", "Dem widersprach die
		// Stadt.": what is denied is the sentence before
		content = mergeContent(last.content, content)
		stanceAnchors = mergeNames(stanceAnchors, last.anchors)
		stancePlaces = mergeNames(stancePlaces, last.places)
		stanceLocations = mergeNames(stanceLocations, last.locations)
	}
	if stance != StanceAssert && (figures == 0 || !an.figureInClause(ex.qs, stanceAt)) && (len(content.nouns)+len(content.preds)+len(anchors) > 0 || an.commitment()) {
		c := base(stanceAt)
		c.Stance, c.cue = stance, an.toks[stanceAt].text
		c.commits = an.commitment()
		// "Berichte über eine Absage dementiert", "bestreitet, dass das
		// Konzert abgesagt sei": what is denied is itself a retraction
		c.deniesStance = stance == StanceDeny && len(an.retractAt) > 0
		c.possible = an.possibility(stanceAt)
		c.ownerKey, c.Owner = owner, ownerText
		c.Mode = an.mode(stanceAt)
		c.nouns, c.preds, c.Event, c.compounds = content.nouns, content.preds, content.text, content.compounds
		c.placeNouns = an.circumstanceNouns()
		c.Anchors, c.Places, c.locations = stanceAnchors, stancePlaces, stanceLocations
		if c.deniesStance {
			c.Event = strings.TrimSpace(an.toks[an.retractAt[0]].text + " " + c.Event) // "bestritten: Absage …"
		}
		c.Figure = figureText(c)
		out = append(out, c)
	} else if trend := an.trendIf(figures == 0 && stance == StanceAssert && len(content.nouns) > 0); figures == 0 && stance == StanceAssert && len(content.nouns) > 0 &&
		(len(content.preds) > 0 || len(content.nouns) > 1 || len(anchors) > 0 || trend != 0) {
		// a verb of growing or shrinking makes a statement of one noun:
		// "Die Wirtschaft ist gewachsen"
		at := content.first
		if an.datelineAt(at) {
			// "Wolfach – Einen Zusammenhang … gibt es nicht": the
			// statement is the clause after the dateline, its negation
			// and mode that clause's
			for at < len(an.toks)-1 && an.toks[at].text != "–" && an.toks[at].text != "-" {
				at++
			}
			at = min(at+1, len(an.toks)-1)
		}
		c := base(at)
		c.ownerKey, c.Owner = owner, ownerText
		c.Mode = an.mode(at)
		c.Negated = an.negatedAt(at)
		c.possible = an.possibility(at)
		// "wurde nicht geschlossen" reports; "wird nicht geschlossen" denies
		// a plan; "hat Lösegeld gezahlt" reports what was done
		c.past = an.pastAt(at)
		if !c.Negated {
			c.trend = trend
		}
		c.nouns, c.preds, c.Event, c.compounds = content.nouns, content.preds, content.text, content.compounds
		c.placeNouns = an.circumstanceNouns()
		c.Figure = figureText(c)
		out = append(out, c)
	}
	if o, ot := an.subject(-1); o != "" {
		prev.owner, prev.ownerText = o, ot
	}
	return out
}

// sentenceContent is what the previous sentence said, for a denial that
// refers to it by a pronoun.
type sentenceContent struct {
	content                    contentWords
	anchors, places, locations []string
}

// mergeNames adds the names of more to a copy of names.
func mergeNames(names, more []string) []string {
	if len(more) == 0 {
		return names
	}
	out := append([]string(nil), names...)
	for _, n := range more {
		out = appendUnique(out, n)
	}
	return out
}

// anaphoricOpening reports a sentence that opens with a pronoun standing
// for what was said before: "Das weist … zurück", "Dies bestritt …",
// "Dem widersprach …", "Diese Darstellung wies … zurück". "Das
// Unternehmen weist … zurück" opens with an article.
func (an *analysis) anaphoricOpening() bool {
	toks := an.toks
	if len(toks) < 2 {
		return false
	}
	switch toks[0].low {
	case "das", "dies", "dem", "dieses":
		return !toks[1].upper && !toks[1].punct || toks[1].text == ","
	case "diese", "diesen", "dieser", "den", "die", "der":
		return toks[1].upper && (sayNouns[toks[1].low] || claimNouns[toks[1].low])
	}
	return false
}

// claimNouns name what somebody said, as the object of a denial: "Diesen
// Vorwurf wies … zurück".
var claimNouns = set("vorwurf vorwürfe behauptung behauptungen meldung meldungen spekulation spekulationen " +
	"gerücht gerüchte darstellung darstellungen bericht berichte")

// mergeContent joins what a denial says itself to what it refers to.
func mergeContent(ref, own contentWords) contentWords {
	out := contentWords{first: own.first}
	out.nouns = append([]string(nil), ref.nouns...)
	for _, n := range own.nouns {
		out.nouns = appendUnique(out.nouns, n)
	}
	out.preds = append([]string(nil), ref.preds...)
	for _, p := range own.preds {
		out.preds = appendUnique(out.preds, p)
	}
	if len(ref.compounds)+len(own.compounds) > 0 {
		out.compounds = append(append([]string(nil), ref.compounds...), own.compounds...)
	}
	out.text = strings.TrimSpace(ref.text + " " + own.text)
	return out
}

// withdrawal reports "zurückziehen" of people or things, which is an event,
// not a retraction.
func withdrawal(an *analysis, at int) bool {
	lw := an.toks[at].low
	if !(strings.HasPrefix(lw, "zurückgezogen") || lw == "zurückziehen" || lw == "zieht" || lw == "zog" || lw == "zogen" || lw == "ziehen") {
		return false
	}
	for k, t := range an.toks {
		if an.clause[k] == an.clause[at] && (t.low == "aus" || t.low == "von") && k+1 < len(an.toks) && (an.role[k+1] == rName || determiners[an.toks[k+1].low]) {
			return true // "aus Kursk zurückgezogen"
		}
	}
	return false
}

func (an *analysis) figureInClause(qs []Quantity, at int) bool {
	for _, q := range qs {
		i := an.tokenAtByte(q.Start)
		if i >= 0 && at >= 0 && an.clause[i] == an.clause[at] {
			return true
		}
	}
	return false
}

// figure reads the claim of quantity q: its unit, its measured noun (after
// or before the figure), modifiers, owner, mode and polarity.
func (ex *extractor) figure(q Quantity, prev *carry, base func(int) Claim) (Claim, bool) {
	an := &ex.an
	toks := an.toks
	qs := an.tokenAtByte(q.Start)
	qe := an.tokenAtByte(q.End)
	if qs < 0 {
		return Claim{}, false
	}
	if an.masked[qs] && !sayNumber(an, qs) {
		return Claim{}, false
	}
	// "FSV Mainz 05", "A 7": a whole number right after a name belongs to
	// it ("Stärke 6,1" and "Bundesstraße 172" are read as figures).
	if qs > 0 && q.Qualifier == "" && !q.Vague && an.role[qs-1] == rName && !strings.ContainsAny(q.Text, ",.") && !an.masked[qs-1] {
		if qe < 0 || qe >= len(toks) || an.role[qe] != rNoun && units[toks[qe].low] == "" && toks[qe].low != "mal" {
			return Claim{}, false // ("in Dortmund 412 Mal": a count of times)
		}
	}
	if qs > 0 && q.Qualifier == "" && !q.Vague && !strings.ContainsAny(q.Text, ",.") && (namingNoun(toks[qs-1].low) || roadLetter(toks[qs-1].text)) &&
		(qe < 0 || qe >= len(toks) || !toks[qe].upper && units[toks[qe].low] == "") {
		// (not "in Halle 45 Häuser": a count of what follows)
		return Claim{}, false // "die Linie 5", "Gleis 3": a number that names
	}
	if qe < 0 {
		qe = len(toks)
	}
	unit := ""
	if q.Percent {
		unit = "%"
	}
	j := qe
	if unit == "" && j < len(toks) {
		if u, ok := units[toks[j].low]; ok {
			unit = u
			j++
		}
	}
	var mods []string
	head, key := "", ""
	part, inc, incOther := false, false, false
	headAt := -1
	days := false // "an 14 Tagen"
	if unit != "" && j < len(toks) && j == qe+1 && !toks[j].upper && dimensionAdjectives[adjStem(toks[j].low)] {
		// "eine 250 Kilogramm schwere Fliegerbombe": the adjective says
		// which size the unit gives, the noun after it what has it
		j++
	}
	if unit != "" && j+1 < len(toks) && (toks[j].low == "je" || toks[j].low == "pro") && (an.role[j+1] == rNoun || an.role[j+1] == rName) && toks[j+1].upper &&
		units[toks[j+1].low] == "" && !timeNouns[toks[j+1].low] {
		// "48 Euro je Aktie", "41,50 Euro pro Aktie": a price per thing,
		// whatever the sentence's nouns are (not "pro Sekunde", "pro
		// Kubikmeter": a rate of time or of another unit)
		head, key, headAt = toks[j+1].text, "je:"+nounKey(toks[j+1].text), j+1
		j = len(toks)
	}
	if head == "" && j+2 < len(toks) && (toks[j].low == "der" || toks[j].low == "von") && an.isNum[j+1] {
		// "in 3 von 40 Proben", "In zwölf der 40 untersuchten
		// Wasserproben": a count out of a whole that is given, of the
		// noun after it; the whole narrows what is counted
		k := j + 1
		for k < len(toks) && an.isNum[k] {
			k++
		}
		for k < len(toks) && k <= j+5 && an.role[k] != rNoun {
			k++
		}
		if k < len(toks) && an.role[k] == rNoun {
			head, headAt = toks[k].text, k
			mods = appendUnique(mods, "von "+toks[j+1].low)
			j = len(toks)
		}
	}
	limit := qe + 7
	for ; j < len(toks) && j < limit; j++ {
		t := toks[j]
		lw := t.low
		if k := an.attributeParticiple(j); k > j {
			// "300 im Container versteckte Päckchen", "12 am Montag
			// entdeckte Fälle": an extended attribute between the figure
			// and its noun describes the noun; the noun after it is what
			// is counted
			limit += k - j
			j = k
			continue
		}
		switch {
		case lw == "davon" || (lw == "von" || lw == "unter") && j+1 < len(toks) && (toks[j+1].low == "ihnen" || toks[j+1].low == "denen"):
			part = true
			head, key = prev.head, prev.key
			if bi := an.nounBeforeAny(qs); bi >= 0 {
				head, key, headAt = toks[bi].text, "", bi
				if genericHeads[toks[bi].low] {
					// "17 Menschen wurden verletzt, drei von ihnen schwer":
					// the part counts what the whole counts.
					if k, _ := an.predicateKey(bi); statusClasses[k] {
						key = k
					} else {
						key = "mensch"
					}
				}
			}
			if unit == "" {
				unit = prev.unit
			}
			j = len(toks)
			continue
		case t.punct && strings.Contains("„“”\"'‚‘’", t.text):
			continue
		case t.punct:
			j = len(toks)
			continue
		case timeNouns[lw]:
			// "zu sieben Jahren Haft", "drei Stunden Verspätung": a duration
			// measuring the noun after it; otherwise a duration, an age or a
			// date ("seit 30 Jahren") is no claim.
			if u, ok := durationUnits[lw]; ok && unit == "" && j+1 < len(toks) && an.role[j+1] == rNoun && !timeNouns[toks[j+1].low] {
				unit = u
				continue
			}
			if u, ok := durationUnits[lw]; ok && unit == "" && j == qe && qs >= 2 && toks[qs-1].low == "von" &&
				an.role[qs-2] == rNoun && !an.masked[qs-2] && !timeNouns[toks[qs-2].low] && toks[qs-2].low != "alter" {
				// "eine Laufzeit von 24 Monaten": the duration is the size
				// of the noun before "von" (an age is none: "im Alter von").
				unit = u
				j = len(toks)
				continue
			}
			if u, ok := durationUnits[lw]; ok && u == "Jahre" && unit == "" && j == qe {
				// An age is no claim, an average age a figure of a group:
				// "sind im Schnitt 61 Jahre alt", "Das Durchschnittsalter
				// liegt bei 56 Jahren" (not "im Alter von 54 Jahren").
				if j+1 < len(toks) && toks[j+1].low == "alt" {
					if !an.averaged(qs) {
						return Claim{}, false
					}
					unit, head, headAt = u, averageAgeHead, -1
					j = len(toks)
					continue
				}
				if bi := an.nounBefore(qs); bi >= 0 && strings.HasSuffix(toks[bi].low, "alter") && toks[bi].low != "alter" && !an.governed(bi) {
					unit, head, headAt = u, toks[bi].text, bi
					j = len(toks)
					continue
				}
			}
			if u, ok := durationUnits[lw]; ok && unit == "" && j == qe {
				if v := an.verbBeforeDuration(qs); v >= 0 {
					// "läuft 30 Monate", "warten Patienten derzeit fünf
					// Wochen": a bare duration after the verb measures what
					// the verb says; keyed as the verb.
					unit, head, key = u, toks[v].text, "v:"+an.pred[v]
					j = len(toks)
					continue
				}
				if bi := an.nounBefore(qs); bi >= 0 && spanNoun(toks[bi].low) {
					// "Die Wartezeit beträgt drei Wochen"
					unit, head, headAt = u, toks[bi].text, bi
					j = len(toks)
					continue
				}
				if v := an.verbAfterDuration(qs, j); v >= 0 {
					// "Bis zu zwei Stunden standen Autofahrer", "mussten
					// höchstens 45 Minuten warten": the verb right after
					// the duration says what lasted
					unit, head, key = u, toks[v].text, "v:"+durationVerbKey(an, v)
					j = len(toks)
					continue
				}
			}
			if lw == "mal" && j == qe && unit == "" {
				if v := an.timesVerb(qs, j); v >= 0 {
					// "musste 412 Mal ausrücken", "1.412 Mal wurde die
					// Feuerwehr alarmiert": how often the verb's event
					// happened, keyed as the verb, as the noun of the
					// act is ("Geburten")
					head, key = t.text, "v:"+an.pred[v]
					j = len(toks)
					continue
				}
			}
			if lw == "tagen" && j == qe && qs > 0 && toks[qs-1].low == "an" {
				// "an 14 Tagen überschritten": on how many days it
				// happened is a count of days, not a time (a qualifier,
				// "an rund 14 Tagen", is part of the figure).
				head, headAt, days = t.text, j, true
				j = len(toks)
				continue
			}
			return Claim{}, false
		case an.role[j] == rNoun || an.role[j] == rName && headAt < 0 && !an.place[j]:
			if an.role[j] == rName && !t.upper {
				j = len(toks)
				continue
			}
			head, headAt = t.text, j
			j = len(toks)
			continue
		case incrementWords[lw]:
			inc, incOther = true, incOther || !newForms[lw]
			continue
		case neutralModifiers[lw], an.role[j] == rDeg:
			continue // a degree word is read with its adjective
		case an.role[j] == rAdj:
			if originAdjective(lw) || participleAttribute(lw) {
				continue // an origin, read as the owner; a participle describing it
			}
			mods = appendUnique(mods, an.adjectiveModifier(j))
			continue
		case (lw == "der" || lw == "des" || lw == "von" || lw == "an" || lw == "mit") && (unit != "" || q.Vague):
			continue // "6 Prozent der Stimmen", "Hunderttausende von Munitionsstücken"
		default:
			j = len(toks)
		}
	}
	listFrom := -1 // the first noun of a list the figure counts
	if headAt > qs {
		if cls, n := an.listClass(headAt); cls >= 0 {
			if n >= 2 {
				listFrom = headAt
				// "610.000 Bücher, DVDs, Noten und andere Medien": the
				// figure counts the list, and the list is the class it
				// ends in, not its first noun
				head, headAt = toks[cls].text, cls
			} else {
				// "5 Kinder und andere Passanten": the figure may count
				// the one noun only, a part of those the class names
				part = true
			}
		}
	}
	if headAt >= 0 && commitmentNoun(toks[headAt].low) {
		return Claim{}, false // "keine Pläne": a stance, read below
	}
	// Before the figure: "Die Zahl der Verletzten stieg auf 17", "Die
	// Arbeitslosenquote lag bei 6,1 Prozent", "ein Defizit von 800 Millionen Euro".
	if head == "" || genericHeads[strings.ToLower(head)] && unit != "" {
		if bi := an.nounBefore(qs); bi >= 0 {
			head, headAt = toks[bi].text, bi
			mods = an.modifiersBefore(bi, mods)
		}
	}
	if head == "" {
		if k := an.subjectAfterVerb(qs, qe); k >= 0 {
			// "Um 460 Euro steigt der Eigenanteil", "Auf 2,9 Millionen
			// sank die Zahl der Entleihungen"
			head, headAt = toks[k].text, k
			mods = an.modifiersBefore(k, mods)
		}
	}
	if moneyUnits[unit] && (head == "" || headAt >= 0 && headAt < qs && !amountNoun(strings.ToLower(head))) && lowAt(toks, qs-1) != "von" {
		// (not "eine Ablösesumme von 50 Millionen Euro": the figure's own noun)
		if k := an.paidFor(qs); k >= 0 && k != headAt {
			// "zahlen Autofahrer für die einfache Fahrt 18 Euro", "Für
			// einen Ganztagsplatz zahlen Eltern 289 Euro": the price of
			// what is paid for, not of who pays
			head, headAt = toks[k].text, k
			mods = an.modifiersBefore(k, nil)
		}
	}
	mit := qs - 1
	for mit > 0 && neutralModifiers[toks[mit].low] {
		mit-- // "mit insgesamt 1,9 Milliarden Euro"
	}
	if unit != "" && mit >= 0 && toks[mit].low == "mit" {
		if v := an.valuationVerb(qs); v >= 0 {
			// "Das Angebot bewertet Lindquist mit 1,2 Milliarden Euro",
			// "wird der Hersteller mit 1,9 Milliarden Euro bewertet": the
			// figure is the value the verb gives, whoever is valued
			head, key, headAt = toks[v].text, "v:"+verbKey(toks[v].low), -1
		}
	}
	if moneyUnits[unit] && (head == "" && an.esGehtUm(qs) || headAt >= 0 && headAt < qs && an.governed(headAt)) {
		// "Um 31 Millionen Euro geht es im Jackpot", "Im Lotto-Jackpot
		// liegen bei der Ziehung 24 Millionen Euro": a sum without a noun
		// of its own is what lies in the noun "im" governs
		if k := an.containerNoun(qs); k >= 0 {
			head, key, headAt = toks[k].text, "", k
		}
	}
	if dim := unitDimensions[unit]; dim != "" && (head == "" || headAt >= 0 && headAt < qs && an.governed(headAt) && !an.genitiveAttribute(headAt)) {
		// "Mit 41,2 Grad erreichte das Thermometer …", "wurden an der
		// Wetterstation 38,9 Grad gemessen": no noun measures the figure
		// but a place or an instrument; the unit says what it is.
		head, key, headAt = dim, "", -1
	}
	if head == "" {
		return Claim{}, false
	}
	if key == "" {
		key = nounKey(head)
	}
	c := base(qs)
	c.HasQuantity, c.Quantity, c.Unit = true, q, unit
	incIn, incInOther := an.incrementIn(qs)
	c.Head, c.Key, c.Part, c.Increment = head, key, part || an.partOfClause(qs), inc || incIn
	if listFrom >= 0 {
		for k := listFrom; k < headAt; k++ {
			if !toks[k].punct && !listJoins[toks[k].low] && !classWords[toks[k].low] {
				c.listed = append(c.listed, stem(toks[k].text))
			}
		}
	}
	c.newOnes = c.Increment && !incOther && !incInOther
	c.days = days
	c.vote, c.motion = an.voteSide(qs, headAt)
	if headAt >= 0 {
		mods = an.modifiersBefore(headAt, mods)
	}
	// "17 Menschen wurden verletzt": the verb says what happened to the
	// people counted; any other verb ("zogen durch", "nahmen teil") counts
	// people taking part in what the sentence is about.
	generic := genericHeads[strings.ToLower(head)] || an.bothSexes(headAt)
	if (generic || head == prev.head && part && genericHeads[strings.ToLower(prev.head)]) && !(part && key != "") {
		c.Key = "mensch"
		if k, at := an.predicateKey(qs); k != "" && statusClasses[k] {
			c.Key = k
			c.Event = toks[at].text
			if lw := toks[at-1].low; at > 0 && (lw == "schwer" || lw == "leicht" || lw == "lebensgefährlich") {
				mods = appendUnique(mods, lw)
			}
		}
	}
	if !generic && !part && (!statusClasses[c.Key] || c.Key == "beschäftigt") {
		// "24 Fahrgäste wurden verletzt" counts the injured as "18
		// Menschen verletzt" does; "4.500 Beschäftigte beteiligten sich
		// am Warnstreik" counts those taking part. A head that names
		// what happened to them keeps it: in "mit vier Toten und rund 50
		// Verletzten" each noun says what its own figure counts.
		if k, _ := an.predicateKey(qs); k != "" && statusClasses[k] && k != "beschäftigt" {
			c.Key = k
		} else if k == "teilnehm" && c.Key == "beschäftigt" {
			c.Key = k
		} else if k := an.statusNoun(qs, headAt); k != "" {
			c.Key = k // "sieben Feuerwehrleute erlitten Verletzungen"
		}
		if lw := strings.ToLower(head); (strings.HasSuffix(lw, "ende") || strings.HasSuffix(lw, "enden")) && equivalences[foldUmlauts(lw)] == "" {
			c.Key = "teilnehm" // "Streikende", "Protestierende": people taking part
		}
	}
	if lh := strings.ToLower(head); !part && (genericHeads[lh] || strings.HasSuffix(lh, "wohner") || strings.HasSuffix(lh, "wohnern")) {
		if k := an.affectedBy(qs); k != "" {
			c.Key = k
		}
	}
	if c.Key == "teilnehm" || c.Key == "besucher" {
		c.Key = "mensch" // participants, visitors: people counted at an event
	}
	if i := strings.Index(c.Key, "|"); i > 0 {
		mods = appendUnique(mods, c.Key[i+1:])
		c.Key = c.Key[:i]
	}
	for _, m := range an.degreeNear(qs) {
		if m == "tödlich" && c.Key == "tot" {
			continue // "tödlich verletzt" counts the dead, whom nothing narrows
		}
		mods = appendUnique(mods, m)
	}
	for _, m := range an.frameOf(qs, headAt, unit) {
		mods = appendUnique(mods, m)
	}
	if an.changeStart(qs, qe) {
		// "stieg von 12 auf 40": the state before the change, compared
		// only with another such start
		mods = appendUnique(mods, "vorher")
	}
	if physicalUnit(unit) {
		// "stehen 1.000 Meter von den Häusern entfernt": a distance, not
		// the size of what stands there
		for k := qe; k < len(toks) && an.clause[k] == an.clause[qs]; k++ {
			if toks[k].low == "entfernt" {
				mods = appendUnique(mods, "entfernt")
			}
		}
	}
	c.Modifiers = mods
	c.Change, c.Changing = an.changeAt(qs)
	if c.Change == 0 && !c.Changing {
		c.Change = an.comparativeAfter(qe)
	}
	if k, sign := changeNounKey(foldUmlauts(strings.ToLower(head))); sign != 0 && c.Change == 0 && !c.Changing && !part {
		// "eine Lohnerhöhung von 5,1 Prozent" is "5,1 Prozent mehr Lohn".
		c.Key, c.Change = k, sign
	} else if k, sign := changeSynonymKey(head); sign != 0 && c.Change == 0 && !c.Changing && !part {
		// "Die Inflation lag bei 2,4 Prozent" is what "die Preise
		// stiegen um 2,4 Prozent" says: a thesaurus synonym is a change
		// noun ("Preissteigerung").
		c.Key, c.Change = k, sign
	}
	if moneyUnits[unit] && !part {
		// "einen Gewinn von 12 Millionen Euro erwirtschaftet" and "mit
		// einem Verlust von 8 Millionen Euro abgeschlossen" give one
		// result, on either side of zero
		switch lh := foldUmlauts(strings.ToLower(head)); {
		case strings.HasSuffix(lh, "gewinn") || strings.HasSuffix(lh, "gewinne"):
			c.Key = resultKey
		case strings.HasSuffix(lh, "verlust") || strings.HasSuffix(lh, "verluste"):
			c.Key, c.loss = resultKey, true
		}
	}
	c.base = an.comparisonBase(qs)
	c.dirs = an.directions(qs)
	c.Correct = an.inClause(an.correctAt, qs) || len(an.correctAt) > 0
	if listFrom >= 0 {
		// a listed word the dictionary does not know ("Tablets") is read
		// as a name; it is what is counted, not whose the count is
		saved := append([]bool(nil), an.masked[listFrom:headAt]...)
		for k := listFrom; k < headAt; k++ {
			an.masked[k] = true
		}
		c.ownerKey, c.Owner = an.ownerOf(headAt, qs)
		copy(an.masked[listFrom:headAt], saved)
	} else {
		c.ownerKey, c.Owner = an.ownerOf(headAt, qs)
	}
	if t, ok := strings.CutPrefix(c.Owner, "\x00"); ok {
		c.Owner, c.ownerAdj = t, true // an origin on the measured noun
	}
	c.ownerTitle = an.titleOf(c.ownerKey)
	if c.ownerKey == "" {
		c.ownerKey, c.Owner = prev.owner, prev.ownerText
	}
	c.Mode = an.mode(qs)
	c.decided = c.Mode == ModeAnnouncement && an.decidedAt(qs)
	c.possible = an.possibility(qs)
	c.provisional = an.partialCount() || an.soFar(qs)
	c.standing = an.standingAt(qs) || an.amountAt(qs)
	c.holds = an.holdsAt(qs)
	c.past = an.pastAt(qs) || c.When.Known() && c.When.Basis != "published" && ex.ref.Known() && c.When.To.Before(ex.ref.From)
	// Places of the figure's own clause narrow what it counts; a place of
	// the attribution ("teilte das Unternehmen in Schweinfurt mit") does not.
	c.locations = nil
	for _, l := range c.Places {
		for k, key := range an.name {
			if key == l && an.clause[k] == an.clause[qs] && an.locative(k) {
				c.locations = appendUnique(c.locations, l)
			}
		}
	}
	if len(c.locations) == 0 {
		// "Auch im benachbarten Löhne gilt ein Abkochgebot, betroffen
		// sind etwa 6.000 Einwohner": a clause without a place of its own
		// goes on where the clause before it is
		for _, l := range c.Places {
			for k, key := range an.name {
				if key == l && k < qs && !an.masked[k] && an.locative(k) {
					c.locations = appendUnique(c.locations, l)
				}
			}
		}
	}
	c.spot = an.spotOf(qs)
	c.earlier = an.earlierState(qs)
	c.instance, c.causes, c.against = an.instanceOf(qs)
	c.Negated = q.Zero || an.negatedAt(qs) && !an.negationIsQualifier(qs)
	if c.Negated && !q.Zero && headAt > qs && an.negatedAfter(qs, headAt) && (unit == "%" || !an.definiteBefore(qs) && !an.governedFigure(qs)) {
		// "20 Prozent der Bienenvölker haben den Winter nicht überlebt",
		// "Im Kreis sind 31 Hausarztsitze nicht besetzt": a share or a
		// count of those of whom the negated verb holds denies no figure;
		// it is compared only with figures of the negated verb. ("Die 300
		// Stellen werden nicht abgebaut" speaks of a number known before
		// and denies what was said of it.)
		// (A figure a preposition governs, "nach über 5 Monaten Krieg",
		// is not who the verb is said of.)
		c.Negated = false
		c.Modifiers = appendUnique(c.Modifiers, "nicht")
	}
	if an.unStateIn(qs) || slices.ContainsFunc(c.Modifiers, unState) {
		// "17 Hausarztsitze sind unbesetzt" is "nicht besetzt"
		mods := c.Modifiers[:0:0]
		for _, m := range c.Modifiers {
			if !unState(m) {
				mods = append(mods, m)
			}
		}
		c.Modifiers = appendUnique(mods, "nicht")
	}
	c.preds = an.clausePreds(qs)
	if lo, hi := an.conjunctSide(qs); lo > 0 || hi < len(toks) {
		c.ownVerb = true
	}
	c.nouns = an.clauseNouns(qs)
	c.placeNouns = an.placeNouns(qs)
	c.nationwide, c.regional, c.level, c.allOf = an.scopeOf(qs)
	for _, l := range c.locations {
		if l == homeCountry {
			c.nationwide = true
		} else {
			c.regional = true
		}
	}
	return c, true
}

// clockTime: "um 14:30 Uhr", "18:00".
func clockTime(toks []token, k int) bool {
	if k+3 < len(toks) && toks[k+3].low == "uhr" {
		return true
	}
	if len(toks[k+2].low) == 2 && k > 0 {
		switch toks[k-1].low {
		case "um", "gegen", "bis", "ab", "seit", "von":
			return true
		}
	}
	return false
}

// possibility reports a mere possibility in the clause of token i (or
// the sentence): "könnte", "möglicherweise", "halten es für möglich".
func (an *analysis) possibility(i int) bool {
	for k, t := range an.toks {
		if i >= 0 && an.clause[k] != an.clause[i] && !an.masked[k] {
			continue
		}
		switch t.low {
		case "könnte", "könnten", "möglicherweise", "womöglich", "vielleicht", "eventuell":
			return true
		case "möglich", "ausgeschlossen":
			if k > 0 && (an.toks[k-1].low == "für" || an.toks[k-1].low == "nicht") {
				return true
			}
		}
	}
	return false
}

// pastAt reports a past tense in the clause of token i: an auxiliary of
// the perfect or the passive past with a participle, or a past form in
// -te.
func (an *analysis) pastAt(i int) bool { return an.pastIn(i, true) }

// pastIn is pastAt; without ten it leaves out forms in -ten, which are
// as often a present plural of a stem in t ("erhalten", "gelten").
func (an *analysis) pastIn(i int, ten bool) bool {
	for k, t := range an.toks {
		if an.clause[k] != an.clause[i] || t.punct {
			continue
		}
		switch t.low {
		case "hat", "haben", "hatte", "hatten", "wurde", "wurden", "war", "waren", "ist", "sind":
			for j := k + 1; j < len(an.toks) && an.clause[j] == an.clause[k]; j++ {
				if lw := an.toks[j].low; strings.HasPrefix(lw, "ge") && len(lw) > 5 && !an.toks[j].upper || strings.Contains(lw, "ge") && (strings.HasSuffix(lw, "t") || strings.HasSuffix(lw, "en")) && an.role[j] == rPred && clauseEnd(an, j) ||
					lw == "worden" || participleWithoutGe(lw) && (an.role[j] == rPred || an.role[j] == rCue) && clauseEnd(an, j) && an.toks[j-1].low != "zu" {
					return true
				}
			}
		}
		if an.role[k] == rPred && (strings.HasSuffix(t.low, "te") || ten && strings.HasSuffix(t.low, "ten") && !an.infinitiveAt(k)) && !looksAdjectiveOnly(t.low) &&
			!(participleAttribute(t.low) && k+1 < len(an.toks) && an.toks[k+1].upper && an.role[k+1] == rNoun) {
			// (not "das am Montag vorgelegte Angebot": a participle
			// before its noun is an attribute)
			return true
		}
	}
	return false
}

// infinitiveAt reports a verb at the end of its clause under a modal or
// "wird" in the present ("soll 40 Millionen Euro kosten", "werden … gelten"):
// an infinitive, not a past in -ten.
func (an *analysis) infinitiveAt(k int) bool {
	if !clauseEnd(an, k) {
		return false
	}
	for j := k - 1; j >= 0 && an.clause[j] == an.clause[k]; j-- {
		if lw := an.toks[j].low; (modals[lw] || lw == "wird" || lw == "werden") && presentFinite[lw] {
			return true
		}
	}
	return false
}

// standingVerbs say what an owner has, holds, employs or can take in, or
// who lives in a place: "verfügt über 20.000 Objekte", "umfasst 80.000
// Akten", "besitzt", "beherbergt", "beschäftigt 900 Mitarbeiter", "fasst
// 16.000 Zuschauer", "hat 420 Mitglieder", "zählt 610 Mitglieder", "Zum
// Bestand gehören 12.000 Objekte", "In Zeitz leben 28.000 Menschen".
// In the present tense they give a standing state, one that holds over
// weeks and changes by acts a report names ("hat … gekauft", "ist auf …
// gewachsen"), not a level that moves from day to day ("Der Pegel liegt
// bei 6,20 Metern").
var standingVerbs = set("verfügt verfügen umfasst umfassen besitzt besitzen beherbergt beherbergen " +
	"beschäftigt beschäftigen fasst fassen hat haben zählt zählen leben wohnen gehört gehören")

// holdingVerbs are those of standingVerbs that say what an owner holds
// or contains, not the general "hat", "zählt": "hat derzeit 12
// Grippepatienten" is a load of the day, "verfügt derzeit über 40 Betten"
// a stock.
var holdingVerbs = set("verfügt verfügen umfasst umfassen besitzt besitzen beherbergt beherbergen " +
	"beschäftigt beschäftigen fasst fassen gehört gehören")

// holdsAt reports a holding verb in the clause of token i, standing as
// standingAt reads it.
func (an *analysis) holdsAt(i int) bool {
	if !an.standingAt(i) {
		return false
	}
	for k, t := range an.toks {
		if an.clause[k] == an.clause[i] && !t.upper && holdingVerbs[t.low] {
			return true
		}
	}
	return false
}

// standingAt reports a standing verb in the present tense in the clause
// of token i, with no modal or "werden" beside it ("soll … umfassen",
// "wird … verfügen" speak of what is to come) and no participle that
// makes "hat" the perfect ("hat 300 Bäume gepflanzt").
func (an *analysis) standingAt(i int) bool {
	found := false
	for k, t := range an.toks {
		if an.clause[k] != an.clause[i] || t.punct || t.upper {
			continue
		}
		if modals[t.low] || t.low == "wird" || t.low == "werden" {
			return false
		}
		found = found || standingVerbs[t.low]
	}
	return found && an.tenseAt(i) >= 0
}

// amountVerbs give what something amounts to or what there is: "Der
// Haushalt beträgt 90 Millionen Euro", "In Zeitz gibt es 42 Apotheken".
// Said of money or a count, that is a standing state too; of a level
// (a share, a length, a height) it is the level on the dateline.
var amountVerbs = set("beträgt betragen gibt")

// amountAt reports an amount verb in the present tense in the clause of
// token i: "beträgt", or "gibt" with its "es".
func (an *analysis) amountAt(i int) bool {
	found, es := false, false
	for k, t := range an.toks {
		if an.clause[k] != an.clause[i] || t.punct {
			continue
		}
		if modals[t.low] || t.low == "wird" || t.low == "werden" {
			return false
		}
		found = found || amountVerbs[t.low] && !t.upper
		es = es || t.low == "es"
	}
	if !found || an.tenseAt(i) < 0 {
		return false
	}
	for k, t := range an.toks {
		if an.clause[k] == an.clause[i] && t.low == "gibt" && !es {
			return false
		}
	}
	return true
}

// startAhead reports a clause in which "ab Juli" is the coming July: one
// in the present tense or the future, or one whose only mark of a past is
// a form in -ten ("Die Beschäftigten erhalten ab Juli 4,2 Prozent mehr"),
// not one in a past ("Ab Januar stiegen die Preise").
func (an *analysis) startAhead(i int) bool {
	if an.pastIn(i, false) {
		return false
	}
	for k, t := range an.toks {
		if an.clause[k] != an.clause[i] || t.punct || t.upper {
			continue
		}
		if strongPast(t.low) || (auxiliaries[t.low] || modals[t.low]) && !presentFinite[t.low] {
			return false
		}
	}
	return true
}

// tenseAt reads the tense of the clause around token i: 1 the present
// (a finite form in -t or -en, "streiken", "öffnet", "stimmt … ab"), -1 a
// past (the perfect or a form in -te as pastAt reads them, a strong past
// "kamen", "standen", "gab", a past auxiliary or modal), 0 neither or
// unsure ("sind … betroffen" is a state or a perfect). A bare weekday in
// the present is the coming one: "Am Freitag streiken die Busfahrer" in an
// article of Wednesday speaks of the Friday ahead.
func (an *analysis) tenseAt(i int) int {
	if an.pastAt(i) {
		return -1
	}
	present, perfect := false, ""
	for k, t := range an.toks {
		if an.clause[k] != an.clause[i] || t.punct || t.upper {
			continue
		}
		lw := t.low
		switch {
		case strongPast(lw):
			return -1
		case auxiliaries[lw] || modals[lw]:
			if !presentFinite[lw] {
				return -1 // "mussten", "wurden", "hätte", "sei": past or reported
			}
			if perfectAuxiliaries[lw] {
				perfect = lw
			} else {
				present = true
			}
		case (an.role[k] == rPred || an.role[k] == rCue) && len(lw) >= 4 &&
			(strings.HasSuffix(lw, "t") && !strings.HasSuffix(lw, "te") || strings.HasSuffix(lw, "en")):
			if perfect != "" && clauseEnd(an, k) {
				// a participle without ge-: "haben … demonstriert" is the
				// perfect, "sind … betroffen" a state or a perfect
				if perfect == "hat" || perfect == "haben" {
					return -1
				}
				return 0
			}
			present = true
		}
	}
	if present {
		return 1
	}
	return 0
}

// presentFinite are the present forms of the auxiliaries and modals; the
// others ("war", "wurde", "mussten", "hätte", "sei") say past or reported
// speech. perfectAuxiliaries make a perfect with a participle.
var (
	presentFinite = set("ist sind hat haben wird werden kann können muss müssen darf dürfen will wollen " +
		"soll sollen mag mögen")
	perfectAuxiliaries = set("ist sind hat haben")
)

// strongPastStems are the past stems of the strong and irregular verbs
// news use most: "kam", "gab", "stand". Their past has no -te, so pastAt
// cannot see it; the plural adds -en ("kamen", "standen").
var strongPastStems = []string{"kam", "gab", "ging", "stand", "lag", "fiel", "nahm", "brach", "fand", "starb",
	"traf", "hielt", "blieb", "zog", "rief", "sprach", "schrieb", "stieg", "sank", "fuhr", "flog", "lief", "sah",
	"saß", "trat", "wuchs", "verlor", "gewann", "begann", "hieß", "ließ", "schlug", "bot", "warf", "schien",
	"verschwand", "schloss", "floss", "sang", "griff", "riss", "schnitt", "stritt", "wies", "trieb", "lud",
	"schuf", "hob", "schoss", "gelang", "geschah", "bat", "half", "galt", "barg", "hing", "fing", "drang",
	"sprang", "stieß", "fror", "erschrak", "empfahl", "befahl", "litt", "mied", "schwieg", "wich", "zwang",
	"brannte", "kannte", "nannte", "rannte", "sandte", "wandte", "brachte", "dachte", "wusste"}

// strongPast reports a strong past form, alone or after a prefix
// ("bekam", "stattfanden", "teilnahmen").
func strongPast(lw string) bool {
	plural, mixed := strings.TrimSuffix(lw, "en"), strings.TrimSuffix(lw, "n") // "kamen", "brannten"
	for _, st := range strongPastStems {
		if strings.HasSuffix(lw, st) || strings.HasSuffix(plural, st) || strings.HasSuffix(mixed, st) {
			return true
		}
	}
	return false
}

// inseparablePrefixes take no ge- in the participle: "entstanden",
// "verletzt", "beschädigt", "zerstört".
var inseparablePrefixes = []string{"be", "emp", "ent", "er", "ver", "zer", "miss", "über", "unter", "hinter", "wider"}

// participleWithoutGe reports the participles that pastAt's ge- test
// misses: of a verb with an inseparable prefix ("ist ein Schaden
// entstanden", "sind verletzt worden") or in -ieren ("haben demonstriert").
func participleWithoutGe(lw string) bool {
	if len(lw) < 7 || !strings.HasSuffix(lw, "t") && !strings.HasSuffix(lw, "en") {
		return false
	}
	if strings.HasSuffix(lw, "iert") {
		return true
	}
	for _, p := range inseparablePrefixes {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return false
}

// looksAdjectiveOnly: a word in -te that is no past tense ("erste", "letzte").
func looksAdjectiveOnly(lw string) bool {
	return lw == "erste" || lw == "ersten" || lw == "letzte" || lw == "letzten" || lw == "beste" || lw == "besten"
}

// saidAt reports a time mention in an attribution ("wie das Landratsamt am
// Mittwoch mitteilte") or in a clause of saying ("teilte die Polizei am
// Mittwoch mit"): the day it was said, not the day of what another clause
// reports.
func (an *analysis) saidAt(i int) bool {
	if i < 0 || i >= len(an.toks) {
		return false
	}
	if an.masked[i] {
		return true
	}
	for _, k := range an.sayAt {
		if an.clause[k] == an.clause[i] {
			return true
		}
	}
	return false
}

// reportedAt reports a time mention in a clause whose verb gives a figure
// out ("meldete", "bezifferte", "nannte", "gab … an", "teilte … mit"):
// the time is the saying's. Counting and estimating ("zählte",
// "schätzte") happen at the time of what is counted.
func (an *analysis) reportedAt(i int) bool {
	for _, k := range an.sayAt {
		if an.clause[k] == an.clause[i] && !countVerbs[an.toks[k].low] {
			return true
		}
	}
	return false
}

// countVerbs are the verbs of sayVerbs that count or estimate.
var countVerbs = set("zählt zählte zählten gezählt schätzt schätzte schätzten schätzen geschätzt")

// sayNumber: "sprachen von 20.000 Teilnehmern" is masked as a source's
// words, but the figure is the claim.
func sayNumber(an *analysis, qs int) bool {
	for k := qs - 1; k >= 0 && k >= qs-3; k-- {
		if sayVerbs[an.toks[k].low] || an.toks[k].low == "von" || an.toks[k].low == "auf" {
			return true
		}
	}
	return an.clause[qs] != an.clause[max(0, qs-1)] || !an.masked[max(0, qs-1)]
}

// negationIsQualifier: "nicht mehr als 10.000" is a bound, read by the
// quantity, not a negation of the claim.
func (an *analysis) negationIsQualifier(qs int) bool {
	for _, n := range an.negs {
		if n == qs {
			return true // the quantity's own "nicht mehr als"
		}
	}
	return false
}

// definiteBefore reports an article or demonstrative before the figure at
// qs ("die 300 Stellen", "diese 40 Plätze"): a number the reader knows.
func (an *analysis) definiteBefore(qs int) bool {
	k := qs - 1
	for k >= 0 && neutralModifiers[an.toks[k].low] {
		k-- // "die insgesamt 300 Stellen"
	}
	return k >= 0 && definiteDeterminers[an.toks[k].low]
}

// governedFigure reports a preposition before the figure at qs.
func (an *analysis) governedFigure(qs int) bool {
	k := qs - 1
	for k >= 0 && (neutralModifiers[an.toks[k].low] || an.isNum[k]) {
		k--
	}
	return k >= 0 && prepositions[an.toks[k].low]
}

var definiteDeterminers = set("der die das den dem des diese dieser diesen diesem dieses jene jener jenen")

// unStateIn reports a predicative word after the figure at qs that
// negates a state by its prefix ("sind unbesetzt", "blieben unverletzt"):
// the state is "nicht besetzt". (An attribute of another noun, "nach
// unbestätigten Angaben", is not the counted ones' state.)
func (an *analysis) unStateIn(qs int) bool {
	for k := qs + 1; k < len(an.toks) && an.clause[k] == an.clause[qs]; k++ {
		if t := an.toks[k]; !t.upper && !an.masked[k] && an.role[k] != rAdj && unState(t.low) {
			return true
		}
	}
	return false
}

// unState: "un" before a participle or an adjective of "-bar", "-lich",
// "-ig" ("unbesetzt", "unverletzt", "unbewohnbar", "ungültig"), or an
// attribute's stem ("unbesetzt" of "unbesetzte"): the negated state, not a
// word of its own ("unter", "ungefähr", "unzählig").
func unState(w string) bool {
	rest, ok := strings.CutPrefix(w, "un")
	if !ok || len(rest) < 5 {
		return false
	}
	for _, p := range []string{"be", "ge", "ver", "er", "ent", "zer"} {
		if strings.HasPrefix(rest, p) && (strings.HasSuffix(rest, "t") || strings.HasSuffix(rest, "bar") || strings.HasSuffix(rest, "lich") || strings.HasSuffix(rest, "ig")) {
			return true
		}
	}
	return strings.HasSuffix(rest, "bar")
}

// negatedAfter reports that every negation of the clause of token qs
// comes after token head: the negation is the verb's, not the figure's
// ("nicht 20 Prozent").
func (an *analysis) negatedAfter(qs, head int) bool {
	any := false
	for _, n := range an.negs {
		if an.clause[n] != an.clause[qs] {
			continue
		}
		if n < head {
			return false
		}
		any = true
	}
	return any
}

// commitmentNoun reports nouns for a plan or promise as such: "Plan",
// "Angebot", "Zusage" — what a retraction takes back, not its content.
func commitmentNoun(lw string) bool {
	for _, w := range []string{"plan", "pläne", "plänen", "angebot", "zusage", "vorhaben", "absicht", "versprechen",
		"ankündigung", "vereinbarung", "zusicherung", "planung", "idee", "überlegung", "bericht", "berichte", "meldung",
		"meldungen", "gerücht", "gerüchte", "spekulation", "spekulationen", "darstellung", "vorwurf", "vorwürfe"} {
		if lw == w || len(lw) > len(w)+3 && strings.HasSuffix(lw, w) && !particleVerbNoun(lw, w) {
			return true
		}
	}
	return strings.HasSuffix(lw, "angebots") || strings.HasSuffix(lw, "plans") || strings.HasSuffix(lw, "berichten")
}

// particleVerbNoun: the compound ends in a particle and the commitment
// word, which makes it a noun of another verb: "Neuanmeldungen" are of
// "anmelden" (to register), "Rückmeldungen" of "zurückmelden", no
// reports ("Meldungen") of anything.
func particleVerbNoun(lw, w string) bool {
	rest := strings.TrimSuffix(lw, w)
	for _, p := range []string{"an", "ab", "um", "rück"} {
		if strings.HasSuffix(rest, p) {
			return true
		}
	}
	return false
}

// nounBefore finds the measured noun before a figure at token qs in its
// clause: the genitive of "Zahl der X", else the nearest common noun.
func (an *analysis) nounBefore(qs int) int {
	toks := an.toks
	start := clauseStart(an, qs)
	if start == qs && qs > 0 {
		start = clauseStart(an, qs-1) // "Die Quote: 6 Prozent"
	}
	// "ein Beben der Stärke 6,1", "Tempo 30", "Warnstufe 3": the noun
	// right before a value measures it.
	if qs >= 1 && an.role[qs-1] == rNoun && !an.masked[qs-1] && !transparentNouns[toks[qs-1].low] && !genericHeads[toks[qs-1].low] && !an.governed(qs-1) {
		return qs - 1
	}
	// "ein Defizit von 800 Millionen Euro", "ein Schaden in Höhe von …"
	if qs >= 2 && toks[qs-1].low == "von" {
		k := qs - 2
		if k >= 1 && toks[k].low == "höhe" && toks[k-1].low == "in" && k >= 2 {
			k -= 2
		}
		if an.role[k] == rNoun && !an.masked[k] && !transparentNouns[toks[k].low] {
			// "der Haushalt mit einem Volumen von 503 Milliarden Euro"
			if measureNouns[toks[k].low] {
				for m := k - 1; m >= start && m >= k-4; m-- {
					if an.role[m] == rNoun && !an.masked[m] {
						return m
					}
				}
			}
			return k
		}
	}
	for k := start; k < qs; k++ {
		if an.role[k] == rNoun && transparentNouns[toks[k].low] && !an.masked[k] {
			// ("Die Zahl der beim Landratsamt gemeldeten Pferde": a
			// preposition after the article opens an extended attribute,
			// read below)
			attribute := k+2 < qs && (toks[k+1].low == "des" || toks[k+1].low == "der") && prepositions[toks[k+2].low]
			for m := k + 1; m < qs && m <= k+4 && !attribute; m++ {
				if an.role[m] == rNoun && !transparentNouns[toks[m].low] {
					return m
				}
			}
			// "Die Menge des aus der „Loreley-Stern“ ausgelaufenen
			// Diesels": the genitive's noun after an extended attribute,
			// the first noun no preposition governs
			if k+1 < qs && (toks[k+1].low == "des" || toks[k+1].low == "der") {
				for m := k + 2; m < qs && m <= k+12 && !clauseBreak(toks[m]); m++ {
					if an.role[m] == rNoun && !an.masked[m] && !transparentNouns[toks[m].low] && !an.governed(m) {
						return m
					}
				}
			}
		}
	}
	if k := an.estimatedObject(start, qs); k >= 0 {
		return k
	}
	// The subject or object of the clause, not a noun in a prepositional
	// phrase or a genitive attribute: "Die Wahlbeteiligung bei der
	// Oberbürgermeisterwahl lag bei 63,1 Prozent", "die Kampftruppen des
	// Kreml um 20 Prozent".
	for k := qs - 1; k >= start; k-- {
		if an.masked[k] || an.role[k] != rNoun || transparentNouns[toks[k].low] {
			continue
		}
		if an.governed(k) || an.genitiveAttribute(k) {
			continue
		}
		return k
	}
	// "Die Zahl der Betriebe, die im März Kurzarbeit anzeigten, lag bei
	// 268": the clause of the figure begins with its verb; its subject
	// stands before the relative clause.
	if rel := an.relativeClauseBefore(start); rel > 0 {
		// (not "Von den 1.200 Stellen, die …, entfallen 400 auf …": a part)
		if k := an.nounBefore(rel); k >= 0 && !prepositions[an.toks[clauseStart(an, rel-1)].low] {
			return k
		}
	}
	for k := qs - 1; k >= start; k-- {
		if an.masked[k] || an.role[k] != rNoun || transparentNouns[toks[k].low] {
			continue
		}
		return k
	}
	return -1
}

// verbBeforeDuration is the content verb a bare duration at qs follows,
// over its subject and adverbs ("dauerte drei Stunden", "warten Patienten
// derzeit fünf Wochen"), or -1: after a preposition ("seit 30 Jahren") or
// an auxiliary ("sind 19 Jahre alt") a duration is no claim.
func (an *analysis) verbBeforeDuration(qs int) int {
	for k := qs - 1; k >= 0 && k >= qs-7 && an.clause[k] == an.clause[qs]; k-- {
		t := an.toks[k]
		switch {
		case an.pred[k] != "" && !an.masked[k] && !t.upper && adverbLike(t.low):
			continue // "durchschnittlich", "täglich": how, not what lasted
		case an.pred[k] != "" && !an.masked[k]:
			return k
		case adverbs[t.low] && !prepositions[t.low], an.role[k] == rNoun && !an.masked[k], an.role[k] == rName:
			continue
		case k < qs-1 && (placePrepositions[t.low] || determiners[t.low]) && !an.masked[k]:
			continue // "warten Patienten in Jena derzeit 40 Tage": a place between
		}
		return -1
	}
	return -1
}

// verbAfterDuration is the content verb right after a bare duration
// whose time noun is at tn, or -1. The duration must open its clause
// (after its qualifier: "Bis zu zwei Stunden standen …", the finite verb
// in second place) or the verb must end the clause ("mussten höchstens 45
// Minuten warten", "haben 18 Stunden verhandelt"). A preposition before
// the figure makes a time ("vor 40 Jahren gebaut", "nach zwei Stunden"),
// and an adverb or "alt" after it an offset or an age ("zwei Stunden
// später", "58 Jahre alt"); neither has a verb in that place.
func (an *analysis) verbAfterDuration(qs, tn int) int {
	v := tn + 1
	if v >= len(an.toks) || an.masked[v] || an.clause[v] != an.clause[qs] {
		return -1
	}
	lw := an.toks[v].low
	switch {
	case an.role[v] == rPred && an.pred[v] != "":
	case an.role[v] == rCue && !modals[lw] && !auxiliaries[lw] && !sayVerbs[lw]:
		// a verb of the cue lists ("standen") is a verb all the same
	default:
		return -1
	}
	if lw == "alt" || lw == "jung" || lw == "lang" || lw == "spät" || lw == "früh" || adverbs[lw] || strings.HasSuffix(lw, "er") {
		return -1 // "58 Jahre alt", "zwei Stunden später", "drei Jahre älter": no verb
	}
	switch an.toks[tn].low {
	case "jahren", "tagen", "monaten":
		return -1 // a dative: a preposition governs it ("im Alter zwischen 19 und 27 Jahren")
	}
	if qs > 0 && prepositions[an.toks[qs-1].low] || qs > 1 && an.role[qs-1] == rNoun && prepositions[an.toks[qs-2].low] {
		return -1
	}
	if clauseStart(an, qs) == qs || clauseEnd(an, v) {
		return v
	}
	return -1
}

// timesVerb is the content verb of the clause of a count of times ("412
// Mal", "Mal" at tn), the last one of the clause, or -1. An ordinal ("zum
// 3. Mal") is no count, nor is a ratio ("drei Mal so viele", "zwei Mal
// höher").
func (an *analysis) timesVerb(qs, tn int) int {
	if qs > 0 {
		switch an.toks[qs-1].low {
		case "zum", "beim", "das", "dem", "am":
			return -1
		}
	}
	if tn+1 < len(an.toks) {
		next := an.toks[tn+1]
		if next.low == "so" || next.low == "mehr" || next.low == "weniger" || !next.upper && len(next.low) > 3 && strings.HasSuffix(next.low, "er") {
			return -1
		}
	}
	v := -1
	for k := range an.toks {
		if an.clause[k] == an.clause[qs] && k != tn && an.pred[k] != "" && !an.masked[k] {
			v = k
		}
	}
	return v
}

// averageAgeHead is the noun an average age given with "alt" measures,
// as "Das Durchschnittsalter liegt bei 56 Jahren" names it.
const averageAgeHead = "Durchschnittsalter"

// averaged reports a word of averaging in the clause of the figure at qs:
// "im Schnitt", "im Durchschnitt", "durchschnittlich", "im Mittel".
func (an *analysis) averaged(qs int) bool {
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] {
			continue
		}
		switch t.low {
		case "durchschnittlich", "schnitt", "durchschnitt", "mittel":
			if t.low == "durchschnittlich" || k > 0 && an.toks[k-1].low == "im" {
				return true
			}
		}
	}
	return false
}

// durationVerbKey is the predicate key of the verb at v, also for a verb
// of the cue lists, which has none.
func durationVerbKey(an *analysis, v int) string {
	if an.pred[v] != "" {
		return an.pred[v]
	}
	return verbKey(an.toks[v].low)
}

// spanNoun names how long something lasts: "Dauer", "Wartezeit",
// "Laufzeit", "Frist".
func spanNoun(lw string) bool {
	for _, e := range []string{"dauer", "zeit", "frist"} {
		if strings.HasSuffix(lw, e) || strings.HasSuffix(lw, e+"en") {
			return true
		}
	}
	return false
}

// estimatedObject reads "Den Sachschaden beziffert die Polizei auf
// 500.000 Euro", "Die Brandfläche beziffert der Verband auf 400 Hektar":
// with a verb of estimating and "auf" before the figure, the noun before
// the verb is what is estimated when it is accusative ("den", "einen") or
// the noun after the verb is a nominative masculine subject ("der", "ein").
// It returns -1 otherwise, leaving the ordinary reading.
func (an *analysis) estimatedObject(start, qs int) int {
	toks := an.toks
	if qs < 3 || toks[qs-1].low != "auf" {
		return -1
	}
	v := -1
	for k := start + 1; k < qs-1; k++ {
		if !toks[k].upper && estimateVerb(foldUmlauts(toks[k].low)) {
			v = k
			break
		}
	}
	if v < 0 {
		return -1
	}
	head := func(from, to int, sayer bool) (int, string) {
		det := ""
		for k := from; k < to; k++ {
			if determiners[toks[k].low] && det == "" {
				det = toks[k].low
			}
			if an.role[k] == rNoun && (sayer || !an.masked[k]) && !an.governed(k) && !an.genitiveAttribute(k) {
				return k, det
			}
		}
		return -1, ""
	}
	n1, d1 := head(start, v, false)
	n2, d2 := head(v+1, qs-1, true) // the subject may be read as the source already
	if n1 < 0 || n2 < 0 {
		return -1
	}
	if d1 == "den" || d1 == "einen" || d2 == "der" || d2 == "ein" || amountNoun(toks[n1].low) {
		return n1
	}
	return -1
}

// estimateVerb: "beziffert", "schätzte", "veranschlagt", "taxiert" (folded).
func estimateVerb(f string) bool {
	for _, p := range []string{"beziffer", "schatz", "veranschlag", "taxier"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// measureNouns name the size of what stands before them: "ein Haushalt
// mit einem Volumen von …", "Aufträge im Wert von …".
var measureNouns = set("volumen gesamtvolumen umfang wert gesamtwert höhe größe betrag gesamtbetrag")

// statusNoun is the class of a status noun in the figure's clause besides
// the measured noun: "sieben Feuerwehrleute erlitten Verletzungen".
func (an *analysis) statusNoun(qs, head int) string {
	for k, t := range an.toks {
		if k == head || an.clause[k] != an.clause[qs] || an.role[k] != rNoun {
			continue
		}
		if cl := nounKey(t.text); statusClasses[cl] && cl != "beschäftigt" {
			return cl
		}
	}
	return ""
}

// titleOf is the common noun right before the name key's span in the
// sentence ("Sparkasse" of "Die Sparkasse Celle", "Klinikum" of "Das
// Klinikum Fulda"), as a noun key, or "". A place's title ("die Stadt
// Celle") is none: the place is the owner.
func (an *analysis) titleOf(key string) string {
	if key == "" || strings.HasPrefix(key, "~") {
		return ""
	}
	for k := 1; k < len(an.toks); k++ {
		if an.name[k] != key || an.name[k-1] == key {
			continue
		}
		t := an.toks[k-1]
		if an.role[k-1] != rNoun || !t.upper || an.masked[k-1] || placeTitles[foldUmlauts(t.low)] || regionNouns[t.low] != "" {
			return ""
		}
		return nounKey(t.text)
	}
	return ""
}

// subjectAfterVerb is the measured noun of a figure that opens its clause
// with its preposition ("Um 460 Euro steigt der Eigenanteil", "Auf 2,9
// Millionen sank die Zahl der Entleihungen"): the subject after the
// finite verb, through a transparent noun to its genitive; or -1. from
// is the first token after the figure and its unit.
func (an *analysis) subjectAfterVerb(qs, from int) int {
	toks := an.toks
	start := clauseStart(an, qs)
	if qs-start != 1 || !(toks[start].low == "um" || toks[start].low == "auf" || toks[start].low == "bei") {
		return -1
	}
	j := from
	for j < len(toks) && an.clause[j] == an.clause[qs] && (an.isNum[j] || units[toks[j].low] != "" ||
		!toks[j].upper && an.role[j] != rCue && an.pred[j] == "" && !auxiliaries[toks[j].low]) {
		j++ // the unit, "monatlich"
	}
	for j < len(toks) && an.clause[j] == an.clause[qs] && !toks[j].upper && (an.pred[j] != "" || an.role[j] == rCue || auxiliaries[toks[j].low]) {
		j++ // the verb
	}
	for k := j; k < len(toks) && k <= j+6 && an.clause[k] == an.clause[qs]; k++ {
		t := toks[k]
		switch {
		case t.punct:
			return -1
		case an.role[k] == rNoun && transparentNouns[t.low]:
			if k+2 < len(toks) && (toks[k+1].low == "der" || toks[k+1].low == "des") {
				for m := k + 2; m < len(toks) && m <= k+4; m++ {
					if an.role[m] == rNoun {
						return m
					}
				}
			}
			return k
		case an.role[k] == rNoun && !an.masked[k] && !an.governed(k):
			return k
		case determiners[t.low] || an.role[k] == rAdj || an.role[k] == rFunc:
			continue
		default:
			return -1
		}
	}
	return -1
}

// bothSexes reports a head at k that is "Frauen" or "Männer" joined by
// "und" to the other ("Frauen und Männer", "Männer und Frauen"): people,
// as "Menschen".
func (an *analysis) bothSexes(k int) bool {
	if k < 0 || k >= len(an.toks) {
		return false
	}
	other := map[string]string{"frauen": "männer", "männer": "frauen"}[an.toks[k].low]
	if other == "" {
		return false
	}
	return k+2 < len(an.toks) && an.toks[k+1].low == "und" && an.toks[k+2].low == other ||
		k >= 2 && an.toks[k-1].low == "und" && an.toks[k-2].low == other
}

// payVerbs are the forms of paying: who pays, and for what ("für").
var payVerbs = set("zahlen zahlt zahlte zahlten zahle gezahlt bezahlen bezahlt bezahlte bezahlten bezahle")

// paidFor returns the noun of "für" in the clause of the figure at qs when
// the clause's verb is one of paying and the noun is no person ("für
// Kinder" is a price's frame, read by frameOf), or -1.
func (an *analysis) paidFor(qs int) int {
	toks := an.toks
	pay := false
	for k := range toks {
		if an.clause[k] == an.clause[qs] && payVerbs[toks[k].low] {
			pay = true
			break
		}
	}
	if !pay {
		return -1
	}
	for k := range toks {
		if an.clause[k] != an.clause[qs] || toks[k].low != "für" || an.masked[k] {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			if an.role[j] == rName {
				return -1 // "für Ilir Rama": a player bought, not a price's thing
			}
			if an.role[j] == rNoun {
				if personHead(toks[j].text) || timeNouns[toks[j].low] {
					return -1
				}
				return j
			}
			if toks[j].punct || !(determiners[toks[j].low] || an.role[j] == rAdj || an.role[j] == rDeg) {
				break
			}
		}
	}
	return -1
}

// attributeParticiple returns the participle that ends an extended
// attribute opened by the preposition at j ("im Container versteckte",
// "am Montag entdeckte", "seit Stunden wartende"), read as an adjective
// of the noun after it, or -1.
func (an *analysis) attributeParticiple(j int) int {
	if !prepositions[an.toks[j].low] {
		return -1
	}
	for k := j + 1; k < len(an.toks) && k <= j+5; k++ {
		t := an.toks[k]
		if t.punct {
			return -1
		}
		if an.role[k] == rAdj && (participleForm(t.low) || presentParticiple(t.low)) && an.extendedAttribute(k) {
			return k
		}
		if !(t.upper || determiners[t.low] || an.role[k] == rAdj || an.role[k] == rDeg || an.isNum[k] || isDigitToken(t)) {
			return -1
		}
	}
	return -1
}

// participleAttribute reports a past participle used as an attribute
// ("der beschlossene Haushalt", "die gemeldeten Fälle"): it says what was
// done with the thing, it does not narrow what is counted. Participles of
// what happened to people ("verletzte") are classes of their own.
func participleAttribute(lw string) bool {
	if len(lw) <= 6 || equivalences[foldUmlauts(lw)] != "" {
		return false
	}
	for _, suf := range []string{"ene", "enen", "ener", "ete", "eten", "eter", "te", "ten"} {
		if strings.HasSuffix(lw, suf) {
			return strings.HasPrefix(lw, "ge") || strings.HasPrefix(lw, "be") || strings.HasPrefix(lw, "ver") ||
				strings.HasPrefix(lw, "er") || strings.HasPrefix(lw, "ent") || strings.Contains(lw[2:], "ge") ||
				strings.HasPrefix(lw, "unter") || strings.HasPrefix(lw, "zer") // "untersuchten", inseparable
		}
	}
	return false
}

// spotOf reads the spot of the figure's clause: the words after "an der",
// "an dem" or "am" up to their noun ("an der Landshuter Allee", "am
// Stachus"), as a name key, or "". A time after "am" ("am Montag") is no
// spot: times are function words here.
func (an *analysis) spotOf(qs int) string {
	toks := an.toks
	for k := 0; k+1 < len(toks); k++ {
		if an.clause[k] != an.clause[qs] || an.masked[k] {
			continue
		}
		from := -1
		switch {
		case toks[k].low == "am":
			from = k + 1
		case toks[k].low == "an" && k+2 < len(toks) && (toks[k+1].low == "der" || toks[k+1].low == "dem"):
			from = k + 2
		}
		if from < 0 {
			continue
		}
		for j := from; j < len(toks) && j <= from+3; j++ {
			if an.role[j] == rNoun || an.role[j] == rName {
				end := j
				for end+1 < len(toks) && (an.role[end+1] == rNoun || an.role[end+1] == rName) && toks[end+1].upper {
					end++
				}
				return nameKey(an.s[toks[from].start:toks[end].end])
			}
			if an.role[j] != rAdj {
				break
			}
		}
	}
	return ""
}

// esGehtUm reports "um" before the figure and "es geht"/"geht es" in its
// clause: "Um 31 Millionen Euro geht es am Samstag im Jackpot".
func (an *analysis) esGehtUm(qs int) bool {
	if qs == 0 || an.toks[qs-1].low != "um" {
		return false
	}
	for k := 0; k+1 < len(an.toks); k++ {
		a, b := an.toks[k].low, an.toks[k+1].low
		if an.clause[k] == an.clause[qs] && (a == "geht" && b == "es" || a == "es" && b == "geht" || a == "ging" && b == "es") {
			return true
		}
	}
	return false
}

// containerNoun is the first noun "im" governs in the figure's clause,
// over adjectives, or -1.
func (an *analysis) containerNoun(qs int) int {
	for k := 0; k+1 < len(an.toks); k++ {
		if an.clause[k] != an.clause[qs] || an.toks[k].low != "im" || an.masked[k] {
			continue
		}
		for j := k + 1; j < len(an.toks) && j <= k+3; j++ {
			if an.role[j] == rNoun {
				return j
			}
			if an.role[j] != rAdj {
				break
			}
		}
	}
	return -1
}

// moneyUnits are the units of amounts of money.
var moneyUnits = map[string]bool{"€": true, "$": true, "£": true, "CHF": true}

// resultKey is the key of a company's result, a profit or a loss.
const resultKey = "ergebnis"

// valuationVerb is the verb of valuing in the figure's clause ("bewertet",
// "bewertete", "bewerten"), whose "mit" gives the value, or -1.
func (an *analysis) valuationVerb(qs int) int {
	for k, t := range an.toks {
		if an.clause[k] == an.clause[qs] && !t.upper && !an.masked[k] && strings.HasPrefix(t.low, "bewert") {
			return k
		}
	}
	return -1
}

// dimensionAdjectives say which size a unit before them gives: "250
// Kilogramm schwer", "300 Meter lang" (stems, as adjStem cuts them).
var dimensionAdjectives = set("schwer lang breit hoch hohe tief groß dick weit stark")

// unitDimensions name what a unit measures when no noun says it: a
// temperature in degrees.
var unitDimensions = map[string]string{"°": "Temperatur"}

// durationUnits are the time nouns that measure a following noun.
var durationUnits = map[string]string{"jahr": "Jahre", "jahre": "Jahre", "jahren": "Jahre", "monat": "Monate", "monate": "Monate",
	"monaten": "Monate", "woche": "Wochen", "wochen": "Wochen", "tag": "Tage", "tage": "Tage", "tagen": "Tage",
	"stunde": "Stunden", "stunden": "Stunden", "minute": "Minuten", "minuten": "Minuten"}

// originAdjective reports adjectives of a place or people: "-isch"
// ("nordkoreanische", "bayerische") and "deutsch".
func originAdjective(lw string) bool {
	return strings.Contains(lw, "isch") || strings.HasPrefix(lw, "deutsch")
}

// comparisonBase reads what a change is measured against: "im Vergleich
// zum Vormonat", "gegenüber dem Vorjahr". A rise over the previous month
// says nothing about one over the year before.
func (an *analysis) comparisonBase(qs int) string {
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] {
			continue
		}
		switch lw := t.low; {
		case strings.HasPrefix(lw, "vorjahresmonat"):
			return "vorjahresmonat"
		case strings.HasPrefix(lw, "vorjahresquartal"):
			return "vorjahresquartal"
		case strings.HasPrefix(lw, "vorjahreszeitraum") || strings.HasPrefix(lw, "vorjahr"):
			return "vorjahr"
		case strings.HasPrefix(lw, "vormonat"):
			return "vormonat"
		case strings.HasPrefix(lw, "vorquartal"):
			return "vorquartal"
		case strings.HasPrefix(lw, "vorwoche"):
			return "vorwoche"
		}
	}
	return ""
}

// nounBeforeAny is the nearest common noun before token qs in the
// sentence: what "etwa 15.000 von ihnen" refers to.
func (an *analysis) nounBeforeAny(qs int) int {
	for k := qs - 1; k >= 0; k-- {
		if an.role[k] == rNoun && !an.masked[k] && !transparentNouns[an.toks[k].low] && !an.governed(k) {
			return k
		}
	}
	return -1
}

// modifiersBefore adds the narrowing adjectives before the noun at i.
func (an *analysis) modifiersBefore(i int, mods []string) []string {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		lw := an.toks[k].low
		if an.role[k] != rAdj {
			break
		}
		if neutralModifiers[lw] || incrementWords[lw] || originAdjective(lw) || participleAttribute(lw) {
			continue
		}
		if classWords[lw] && k > 0 && listJoins[an.toks[k-1].low] {
			continue // "und sonstige Waffen": the class of a list, not a kind of it
		}
		mods = appendUnique(mods, an.adjectiveModifier(k))
	}
	return mods
}

// adjectiveModifier is the modifier an attributive adjective at k gives:
// its stem, with the degree word before it ("besonders schwer", "frei
// zugänglich"), since "besonders schwere Unfälle" are a part of the
// "schweren", not the same ones.
func (an *analysis) adjectiveModifier(k int) string {
	if k > 0 && an.role[k-1] == rDeg {
		return an.toks[k-1].low + " " + adjStem(an.toks[k].low)
	}
	return adjStem(an.toks[k].low)
}

// degreeNear reads "schwer", "leicht" before the participle of a part:
// "drei von ihnen schwer".
func (an *analysis) degreeNear(qs int) []string {
	var out []string
	for k := qs + 1; k < len(an.toks) && k <= qs+6 && an.clause[k] == an.clause[qs]; k++ {
		switch lw := an.toks[k].low; lw {
		case "schwer", "leicht", "lebensgefährlich", "tödlich", "schwerst":
			out = append(out, lw)
		}
	}
	return out
}

// predicateKey returns the class or verb key of the content verb of the
// figure's clause, for a generic head: "17 Menschen wurden verletzt".
func (an *analysis) predicateKey(qs int) (string, int) {
	if at := an.fatalAt(qs); at >= 0 {
		return "tot", at
	}
	for _, ph := range phraseEquivalences {
		if at := strings.Index(an.ls, ph.phrase); at >= 0 {
			if i := an.tokenAtByte(at); i >= 0 && an.clause[i] == an.clause[qs] {
				return ph.key, i
			}
		}
	}
	best, bestD := -1, 1<<30
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] || an.masked[k] {
			continue
		}
		if an.pred[k] == "" && !(an.role[k] == rCue && equivalences[foldUmlauts(t.low)] != "") {
			continue
		}
		d := k - qs
		if d < 0 {
			d = -d + 3 // prefer the verb after the figure
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best < 0 {
		return "", -1
	}
	lw := foldUmlauts(an.toks[best].low)
	if k, ok := equivalences[lw]; ok {
		return k, best
	}
	if k, ok := verbClasses[an.pred[best]]; ok {
		return k, best
	}
	return "v:" + an.pred[best], best
}

// fatalAt is the verb of an injury or an accident that "tödlich" says
// killed ("wurden tödlich verletzt", "verunglückten … tödlich") in the
// clause of token qs, or -1. The adjective before a noun ("bei tödlichen
// Unfällen") says what the accidents were, not what befell those counted.
func (an *analysis) fatalAt(qs int) int {
	fatal := false
	for k, t := range an.toks {
		if an.clause[k] == an.clause[qs] && t.low == "tödlich" {
			fatal = true
			break
		}
	}
	if !fatal {
		return -1
	}
	for k, t := range an.toks {
		if an.clause[k] == an.clause[qs] && !an.masked[k] && fatalVerbs[verbKey(t.low)] {
			return k
		}
	}
	return -1
}

// fatalVerbs are the verbs "tödlich" turns into a death, by verbKey.
var fatalVerbs = verbSet("verletzen verletzt verletzte verletzten verunglücken verunglückt verunglückte verunglückten " +
	"verunfallen verunfallt verunfallte verunfallten")

// incrementIn reports "weitere", "erneut" … in the clause of token i.
// other reports one that is not a form of "neu".
func (an *analysis) incrementIn(i int) (found, other bool) {
	for j := max(0, i-2); j < len(an.toks) && j <= i+3; j++ {
		t := an.toks[j]
		if j > i && j+1 < len(an.toks) && listJoins[an.toks[j-1].low] && an.toks[j+1].upper && an.role[j+1] == rNoun {
			continue // "Tablets und weitere Geräte": the class of a list, no addition
		}
		if an.clause[j] == an.clause[i] && incrementWords[t.low] && !t.upper && !(j+1 < len(an.toks) && an.role[j] == rAdj && an.toks[j+1].upper && j < i) {
			// "weitere 3.000", "3.000 weitere", "erneut 3.000"; not "im neuen Stadtrat 24"
			found, other = true, other || !newForms[t.low]
		}
	}
	return found, other
}

// listClass reads a list of nouns from the figure's noun at i that ends
// in a class ("Bücher, DVDs und andere Medien", "Messer, Schlagstöcke
// und sonstige Waffen"): the class noun's index and how many nouns the
// list names before it, or -1.
func (an *analysis) listClass(i int) (int, int) {
	toks := an.toks
	n, k := 1, i+1
	noun := func(k int) bool { return (an.role[k] == rNoun || an.role[k] == rName) && toks[k].upper }
	for k+1 < len(toks) && toks[k].text == "," && noun(k+1) {
		n, k = n+1, k+2
	}
	if k+2 < len(toks) && listJoins[toks[k].low] && classWords[toks[k+1].low] && noun(k+2) {
		return k + 2, n
	}
	return -1, 0
}

// listJoins join the last noun of a list; classWords before a noun make
// it the class of the nouns listed before ("und andere Medien").
var (
	listJoins  = set("und oder sowie")
	classWords = set("andere anderen weitere weiteren sonstige sonstigen ähnliche ähnlichen vergleichbare vergleichbaren")
)

// decidedAt reports an announcement of the figure's clause made by a
// decision taken, in the past or the perfect: "beschloss", "hat …
// beschlossen", "vereinbarten", "entschied". What was decided is the
// decided thing's figure from then on, not an intention.
func (an *analysis) decidedAt(qs int) bool {
	if an.future || an.inClause(an.planAt, qs) {
		return false // "soll am Montag beschlossen werden": not taken yet
	}
	for _, k := range an.announce {
		if an.clause[k] == an.clause[qs] && decisionWords[an.toks[k].low] {
			return true
		}
	}
	return false
}

// decisionWords are the past forms of deciding among announceWords.
var decisionWords = set("beschlossen beschloss beschlossene vereinbart entschieden")

// newForms are the forms of "neu" among incrementWords: "120 neue Fälle"
// are counted anew, not added to another count, and two such counts of
// one time compare.
var newForms = set("neue neuen neuer neues")

// changeAt reads a change verb in the figure's clause: "stieg um 3
// Prozent" is a change (+1), "sank auf 17" the level after one.
func (an *analysis) changeAt(qs int) (change int, changing bool) {
	sign := 0
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] {
			continue
		}
		switch {
		case changeUp[t.low]:
			sign = 1
		case changeDown[t.low]:
			sign = -1
		}
		if cs, ok := changeSeparable[t.low]; ok && an.particleAfter(k, cs.particle) >= 0 {
			sign = cs.sign
		}
	}
	if sign == 0 {
		return 0, false
	}
	prep := ""
	if qs > 0 {
		prep = an.toks[qs-1].low
	}
	switch prep {
	case "um":
		return sign, false
	case "auf":
		return 0, true
	}
	return 0, false
}

// trend reads which way the sentence says something went: +1 for verbs
// of growing only ("stieg", "ist gewachsen", "nahm … zu", "legte … zu"), -1
// for verbs of shrinking only ("sank", "schrumpfte", "nahm … ab", "ging …
// zurück"), 0 for none or both ("Die Einnahmen stiegen, die Ausgaben
// sanken"). Forms of "fallen" are left out: "fiel aus" is a cancellation.
func (an *analysis) trend() int {
	up, down := false, false
	for k, t := range an.toks {
		if t.punct || t.upper || wordClass[t.low]&wTrend == 0 {
			continue
		}
		switch lw := t.low; {
		case trendUp[lw]:
			up = true
		case trendDown[lw]:
			down = true
		case takeForms[lw]:
			up = up || an.particleAfter(k, "zu") >= 0
			down = down || an.particleAfter(k, "ab") >= 0
		case lw == "legte" || lw == "legten" || lw == "legt" || lw == "legen":
			up = up || an.particleAfter(k, "zu") >= 0
		case lw == "ging" || lw == "gingen" || lw == "geht" || lw == "gehen":
			down = down || an.particleAfter(k, "zurück") >= 0
		}
	}
	switch {
	case up && !down:
		return 1
	case down && !up:
		return -1
	}
	return 0
}

// trendIf is trend when ok, else 0: only a statement needs it.
func (an *analysis) trendIf(ok bool) int {
	if !ok {
		return 0
	}
	return an.trend()
}

// trendUp and trendDown are the verbs of growing and shrinking a
// statement without a figure is read by; takeForms are "nehmen", which
// "zu" and "ab" make one of them.
var (
	trendUp = set("stieg stiegen steigt steigen gestiegen anstieg anstiegen wuchs wuchsen wächst wachsen gewachsen " +
		"anwuchs angewachsen zunahm zunahmen zugenommen zulegte zulegten zugelegt kletterte kletterten klettert geklettert")
	trendDown = set("sank sanken sinkt sinken gesunken schrumpfte schrumpften schrumpft schrumpfen geschrumpft " +
		"abnahm abnahmen abgenommen zurückging zurückgingen zurückgegangen")
	takeForms = set("nahm nahmen nimmt nehmen")
)

// directions reads the verbs of the figure's clause that make or add (1)
// and that cut or lose (2).
func (an *analysis) directions(qs int) int {
	d := 0
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] || t.punct || t.upper || an.pred[k] == "" && functionWord(t.low) {
			continue // (the skeleton of "bei" is the one of "bauen")
		}
		vk := verbKey(t.low)
		if an.pred[k] != "" {
			vk = an.pred[k]
		}
		switch {
		case growVerbs[vk] && shrinkVerbs[vk]:
			// "bauen" and "abbauen" have one key: the particle tells
			// building from cutting ("abgebaut", "baut … ab")
			if strings.HasPrefix(t.low, "ab") || an.particleAfter(k, "ab") >= 0 {
				d |= 2
			} else {
				d |= 1
			}
		case growVerbs[vk]:
			d |= 1
		case shrinkVerbs[vk]:
			d |= 2
		}
	}
	return d
}

// commitment reports a plan or offer noun in the sentence: what a
// retraction takes back as such.
func (an *analysis) commitment() bool {
	for k, t := range an.toks {
		if t.upper && (an.role[k] == rNoun || an.role[k] == rCue) && commitmentNoun(t.low) && !sayNouns[t.low] && !strings.HasPrefix(t.low, "bericht") {
			return true
		}
	}
	return false
}

// subject returns the owner of the clause of token i (or of the sentence):
// the first name not inside an attribution and not governed by a
// preposition, or a possessive genitive, or an origin adjective.
func (an *analysis) subject(i int) (string, string) {
	for k, t := range an.toks {
		if i >= 0 && an.clause[k] != an.clause[i] {
			continue
		}
		if an.role[k] != rName || an.masked[k] || an.place[k] || t.punct {
			continue
		}
		if k > 0 && an.name[k-1] == an.name[k] {
			continue
		}
		if an.governed(k) || an.datelineAt(k) {
			continue
		}
		return an.name[k], an.nameText(k)
	}
	// no name: an origin adjective on the subject, "die russische Armee"
	for k, t := range an.toks {
		if i >= 0 && an.clause[k] != an.clause[i] {
			continue
		}
		if an.role[k] == rAdj && strings.Contains(t.low, "isch") && !an.masked[k] && !an.governed(k) {
			return nameKey(adjStem(t.low)), t.text
		}
	}
	return "", ""
}

// datelineAt reports a name that opens the sentence before a dash:
// "Osnabrück – Die Bombe …" says where the report comes from, it is not
// the sentence's subject.
func (an *analysis) datelineAt(k int) bool {
	j := k
	for j+1 < len(an.toks) && an.name[j+1] == an.name[k] {
		j++
	}
	for i := 0; i < k; i++ {
		if an.name[i] != an.name[k] && !an.toks[i].punct {
			return false
		}
	}
	return j+1 < len(an.toks) && (an.toks[j+1].text == "–" || an.toks[j+1].text == "-")
}

// nameText is the name span of token k as written.
func (an *analysis) nameText(k int) string {
	i, j := k, k
	for i > 0 && an.name[i-1] == an.name[k] {
		i--
	}
	for j+1 < len(an.toks) && an.name[j+1] == an.name[k] {
		j++
	}
	return an.s[an.toks[i].start:an.toks[j].end]
}

// governed reports whether token k is governed by a preposition, allowing
// determiners, adjectives and one noun in between ("für die Stadt Köln").
func (an *analysis) governed(k int) bool {
	nouns := 0
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		t := an.toks[j]
		switch {
		case prepositions[t.low]:
			return true
		case t.punct:
			return false
		case determiners[t.low] || an.role[j] == rAdj:
			continue
		case an.role[j] == rName && an.name[j] == an.name[k]:
			continue
		case an.role[j] == rNoun && nouns == 0:
			nouns++
			continue
		}
		return false
	}
	return false
}

// ownerOf returns whose figure it is: a name on the measured noun ("die
// Kölner Polizei", "Siemens-Mitarbeiter", "der Haushalt der Stadt Köln",
// "Kölns Haushalt"), an origin adjective ("nordkoreanische Soldaten"),
// else the clause's subject, else the sentence's.
func (an *analysis) ownerOf(head, qs int) (string, string) {
	toks := an.toks
	if head >= 0 {
		if k := strings.IndexByte(toks[head].text, '-'); k > 0 && firstPartName(toks[head].text) {
			return nameKey(toks[head].text[:k]), toks[head].text[:k]
		}
		for j := head - 1; j >= 0 && j >= head-4; j-- {
			if an.role[j] == rName && !an.masked[j] && !an.place[j] {
				return an.name[j], an.nameText(j)
			}
			if an.role[j] == rAdj && originAdjective(toks[j].low) {
				return nameKey(adjStem(toks[j].low)), "\x00" + toks[j].text
			}
			if !(an.role[j] == rAdj || an.role[j] == rNum || determiners[toks[j].low] || neutralModifiers[toks[j].low] || toks[j].punct && !clauseBreak(toks[j])) {
				break
			}
		}
		if head+2 < len(toks) {
			p := toks[head+1].low
			if p == "von" || p == "aus" || p == "des" || p == "der" {
				for j := head + 2; j < len(toks) && j <= head+4; j++ {
					if an.role[j] == rName && !an.masked[j] {
						return an.name[j], an.nameText(j)
					}
					if !(determiners[toks[j].low] || an.role[j] == rAdj || an.role[j] == rNoun) {
						break
					}
				}
			}
		}
	}
	if o, ot := an.subject(qs); o != "" {
		return o, ot
	}
	if o, ot := an.subject(-1); o != "" {
		return o, ot
	}
	return an.subjectNoun(qs, head)
}

// subjectNoun is the owner when the clause names none: a noun with a
// definite article that is not governed by a preposition and is not the
// measured noun ("Laut derselben Quelle kann die Ukraine auf 400.000
// Soldaten zählen"). Its key starts with "~": a common noun may stand for a
// name the article gives elsewhere ("die Stadt" for Köln).
func (an *analysis) subjectNoun(qs, head int) (string, string) {
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] || k == head || an.role[k] != rNoun || an.masked[k] {
			continue
		}
		if k == clauseStart(an, k) && k+1 < len(an.toks) && pluralFinite(an, k+1) && personNoun(t.text) && !pluralLike(t.low) &&
			!transparentNouns[t.low] && !genericHeads[t.low] {
			// "Zollfahnder haben …": a bare plural of people before its
			// verb is who acted, one word as a role owner is
			return "~" + nounKey(t.text), t.text
		}
		if k == 0 {
			continue
		}
		if p := an.toks[k-1].low; p != "der" && p != "die" && p != "das" {
			continue
		}
		// only the noun that opens its clause: "Die Ukraine hat …", not the
		// object in "Ein Beben erschütterte die Region"
		if k-1 != clauseStart(an, k) && !(k >= 2 && (auxiliaries[an.toks[k-2].low] || modals[an.toks[k-2].low])) {
			continue // (or after the finite auxiliary: "Laut X kann die Ukraine …")
		}
		if transparentNouns[t.low] || genericHeads[t.low] || an.governed(k) || k > 1 && an.toks[k-2].low == "zahl" {
			continue
		}
		return "~" + nounKey(t.text), an.toks[k-1].text + " " + t.text
	}
	return "", ""
}

// clausePreds are the predicate keys of the figure's clause.
func (an *analysis) clausePreds(qs int) []string {
	lo, hi := an.conjunctSide(qs)
	var out []string
	for k := range an.toks {
		if an.clause[k] == an.clause[qs] && an.pred[k] != "" && !an.masked[k] && k >= lo && k < hi {
			out = appendUnique(out, an.pred[k])
		}
	}
	return out
}

// conjunctSide returns the tokens [lo, hi) whose verbs are the figure's at
// qs: all of its clause, or, where an "und" joins two figures each with a
// verb of its own ("hat 1.200 Bäume gepflanzt und 300 gefällt", "pflanzte
// 1.200 Bäume und fällte 300"), the side of the "und" the figure is on.
func (an *analysis) conjunctSide(qs int) (int, int) {
	toks := an.toks
	for u, t := range toks {
		if t.low != "und" || an.clause[u] != an.clause[qs] || u == qs-1 || u == qs+1 {
			continue
		}
		lo, hi := 0, len(toks)
		if u < qs {
			lo = u + 1
		} else {
			hi = u
		}
		// another figure on the other side, and a verb on each side
		other, here, there := false, false, false
		for k := range toks {
			if an.clause[k] != an.clause[qs] {
				continue
			}
			in := k >= lo && k < hi
			if an.isNum[k] && !in {
				other = true
			}
			if an.pred[k] != "" && !an.masked[k] {
				if in {
					here = true
				} else {
					there = true
				}
			}
		}
		if other && here && there {
			return lo, hi
		}
	}
	return 0, len(toks)
}

// changeStart reports a figure after "von" that a later "auf" and figure
// in its clause complete: "stieg von 12 auf 40", "sank von 14 auf 9".
func (an *analysis) changeStart(qs, qe int) bool {
	if qs == 0 || an.toks[qs-1].low != "von" {
		return false
	}
	for k := qe; k+1 < len(an.toks) && an.clause[k] == an.clause[qs]; k++ {
		if an.toks[k].low == "auf" && (an.isNum[k+1] || k+2 < len(an.toks) && an.isNum[k+2]) {
			return true
		}
	}
	return false
}

// clauseNouns are the content noun keys of the figure's clause.
func (an *analysis) clauseNouns(qs int) []string {
	var out []string
	for k, t := range an.toks {
		if an.clause[k] == an.clause[qs] && an.role[k] == rNoun && !an.masked[k] {
			out = appendUnique(out, nounKey(t.text))
		}
	}
	return out
}

// placeNouns are the nouns of the clause of token qs that say where it
// happens: governed by a locative preposition in the dative ("im
// Tierheim", "auf der Fähre", "an den Schulen"), not in the accusative of
// a direction ("auf das Tierheim").
func (an *analysis) placeNouns(qs int) []string {
	var out []string
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] || an.role[k] != rNoun || an.masked[k] {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			lw := an.toks[j].low
			if nounPlacePrepositions[lw] {
				if d := an.toks[j+1].low; j+1 < k && (d == "das" || d == "die" || d == "ein" || d == "eine") {
					break // "auf das Tierheim", "in die Stadt": where to
				}
				out = appendUnique(out, nounKey(t.text))
				break
			}
			if an.toks[j].punct || !(determiners[lw] || an.role[j] == rAdj || looksAdjective(lw) && !an.toks[j].upper) {
				break
			}
		}
	}
	return out
}

// circumstanceNouns are the nouns of a stance's sentence that a
// preposition governs, save the "über" and "von" of what reports say:
// "widerspricht dem Eindruck eines Ansturms auf das Tierheim" denies a
// rush; the Tierheim is where it would be.
func (an *analysis) circumstanceNouns() []string {
	var out []string
	for k, t := range an.toks {
		if an.role[k] != rNoun || an.masked[k] {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			lw := an.toks[j].low
			if prepositions[lw] {
				// "verzichtet auf die Verbindung": the stance verb's own object
				object := j > 0 && (slices.Contains(an.denyAt, j-1) || slices.Contains(an.retractAt, j-1))
				if lw != "über" && lw != "von" && lw != "vom" && !object {
					out = appendUnique(out, nounKey(t.text))
				}
				break
			}
			if an.toks[j].punct || !(determiners[lw] || an.role[j] == rAdj || looksAdjective(lw) && !an.toks[j].upper) {
				break
			}
		}
	}
	return out
}

// frameOf reads the frames in which a figure is not a count or price of
// the thing itself, each as a modifier, so that the figure is compared
// only with figures in the same frame: the price for a group ("Für Kinder
// kostet der Eintritt 2 Euro", "ermäßigt"), a number needed ("Nötig sind
// 8.000 Unterschriften"), a capacity ("ist für 3.000 Badegäste ausgelegt",
// "fasst 4.500 Zuschauer", "bietet Platz für 95 Kinder") and what remains
// ("Nach der Schließung bleiben 18 Filialen", "bleiben 14 übrig").
func (an *analysis) frameOf(qs, headAt int, unit string) []string {
	toks := an.toks
	var out []string
	bleib, left, level := false, false, false
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || t.punct {
			continue
		}
		lw := t.low
		switch {
		case neededWords[lw]:
			out = appendUnique(out, "nötig")
		case momentWords[lw] || lw == "spitze" && lowAt(toks, k-2) == "in" || lw == "beginn" && (lowAt(toks, k-1) == "zu" || lowAt(toks, k-1) == "bei") && !timeNouns[strings.TrimSuffix(lowAt(toks, k+2), "s")] && !timeNouns[lowAt(toks, k+2)]:
			// (not "zu Beginn des Jahres": a time, read as the window)
			out = appendUnique(out, "zeitweise") // "zu Beginn", "in der Spitze": a moment of the event
		case capacityWords[lw] || lw == "platz" && k+1 < len(toks) && toks[k+1].low == "für":
			out = appendUnique(out, "kapazität")
		case remainVerbs[lw]:
			bleib = true
			level = level || k+1 < len(toks) && toks[k+1].low == "bei" // "bleibt bei 5 Prozent": a level
		case lw == "übrig":
			out = appendUnique(out, "rest") // "nur noch 9 übrig"
		case lw == "erhalten" && bleib:
			left = true
		case lw == "geschlossen" || lw == "gesperrt" || lw == "zu":
			level = true // "bleiben geschlossen": what is shut, not what is left
		case moneyUnits[unit] && (lw == "ermäßigt" || lw == "ermäßigte" || lw == "ermäßigten"):
			out = appendUnique(out, "ermäßigt")
		case moneyUnits[unit] && lw == "für" && (k == 0 || an.role[k-1] != rNoun && !toks[k-1].punct || k == clauseStart(an, k)):
			// "Für Kinder kostet …", not "ein Platz für Kinder kostet"
			for j := k + 1; j < len(toks) && j <= k+3; j++ {
				if an.role[j] == rNoun || an.role[j] == rName {
					// (a capital after "Für" opening the sentence reads as a name)
					if j != headAt && personHead(toks[j].text) {
						out = appendUnique(out, nounKey(toks[j].text))
					}
					break
				}
				if toks[j].punct || !(determiners[toks[j].low] || an.role[j] == rAdj) {
					break
				}
			}
		}
	}
	if bleib && !level {
		if st := clauseStart(an, qs); left || toks[st].low == "nach" || lowAt(toks, qs-1) == "noch" {
			out = appendUnique(out, "rest")
		}
	}
	return out
}

func lowAt(toks []token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].low
}

// instanceOf reads which of several events of a kind the clause of token
// qs speaks of ("beim zweiten Heimspiel", "bei einem weiteren Unfall": an
// ordinal or "weiter" before a noun, not before a number, a time or
// "Mal") and the nouns of what people act for or against ("gegen die
// Schließung", "für den Klimaschutz").
func (an *analysis) instanceOf(qs int) (string, []string, bool) {
	toks := an.toks
	inst := ""
	against := false
	var causes []string
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || t.punct || k+1 >= len(toks) {
			continue
		}
		next := toks[k+1]
		if o := ordinalWords[strings.TrimRight(t.low, "nrms")]; o != "" && !t.upper && next.upper && !an.isNum[k+1] &&
			!timeNouns[next.low] && next.low != "mal" && (an.role[k+1] == rNoun || an.role[k+1] == rName) && inst == "" &&
			(o != "weiter" || indefinites[lowAt(toks, k-1)]) {
			// ("weitere Helfer" adds people; "ein weiterer Unfall" is another one)
			inst = o
		}
		if inst == "" && !t.upper && ordinalWords[strings.TrimRight(t.low, "nrms")] != "" && ordinalWords[strings.TrimRight(t.low, "nrms")] != "weiter" &&
			eventDays[next.low] && !an.isNum[k+1] {
			// "am ersten Tag des Stadtfests", "am zweiten Abend": a part of
			// the event's time
			inst = next.low + ordinalWords[strings.TrimRight(t.low, "nrms")]
		}
		if inst == "" && (t.low == "zum" || t.low == "zur" || t.low == "am" || t.low == "beim") && eventStages[next.low] != "" {
			// "zum Auftakt des Stadtfests", "zum Abschluss", "am Eröffnungstag"
			inst = eventStages[next.low]
		}
		if t.low == "gegen" || t.low == "für" {
			for j := k + 1; j < len(toks) && j <= k+4; j++ {
				if an.role[j] == rNoun && !timeNouns[toks[j].low] {
					causes = appendUnique(causes, nounKey(toks[j].text))
					against = against || t.low == "gegen"
					break
				}
				if toks[j].punct || an.isNum[j] || !(determiners[toks[j].low] || an.role[j] == rAdj || looksAdjective(toks[j].low)) {
					break
				}
			}
		}
	}
	return inst, causes, against
}

var indefinites = set("ein eine einem einen einer eines")

// eventDays are the time nouns an ordinal makes a part of an event:
// "am ersten Tag", "am zweiten Abend", "am dritten Wochenende".
var eventDays = set("tag abend wochenende")

// eventStages name the start or the end of an event after "zum", "zur",
// "am", "beim", each as the stage it is.
var eventStages = map[string]string{"auftakt": "start", "eröffnungstag": "start", "eröffnung": "start",
	"abschluss": "end", "schlusstag": "end", "abschlusstag": "end"}

// partOfTime reports an instance that names a day or a stage of an event
// (eventDays, eventStages), not another event.
func partOfTime(inst string) bool {
	if inst == "start" || inst == "end" {
		return true
	}
	for d := range eventDays {
		if strings.HasPrefix(inst, d) {
			return true
		}
	}
	return false
}

// ordinalWords are the ordinals and "weiter" without their endings.
var ordinalWords = map[string]string{
	"erste": "1", "zweite": "2", "dritte": "3", "vierte": "4", "fünfte": "5", "sechste": "6",
	"weitere": "weiter", "erneute": "weiter",
}

// earlierState reports a figure of a time before the one its article
// reports, said by a word, not a date: "damals", "früher", "ursprünglich",
// "bei der Gründung", "vor der Sanierung", "vor der Pandemie", and
// "bisher" or "zuletzt" with a past tense ("bisher kostete"; "bisher
// kostet" is the price until now).
func (an *analysis) earlierState(qs int) bool {
	toks := an.toks
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || t.punct {
			continue
		}
		switch lw := t.low; {
		case earlierWords[lw]:
			if lw == "früher" && lowAt(toks, k+1) == "als" {
				continue // "früher als geplant"
			}
			return true
		case (lw == "bisher" || lw == "zuletzt" || lw == "zuvor" || lw == "vorher") && an.tenseAt(qs) < 0:
			return true
		case lw == "gründung" && (lowAt(toks, k-1) == "der" && lowAt(toks, k-2) == "bei" || lowAt(toks, k-1) == "seiner" || lowAt(toks, k-1) == "ihrer"):
			return true
		case lw == "vor" && k+2 < len(toks) && determiners[toks[k+1].low] && toks[k+2].upper && !timeNouns[toks[k+2].low] &&
			(strings.HasSuffix(toks[k+2].low, "ung") || beforeEvents[toks[k+2].low]):
			return true // "vor der Sanierung", not "vor dem Rathaus"
		case lw == "vor" && k+1 < len(toks) && beforeEvents[toks[k+1].low]:
			return true // "vor Corona"
		}
	}
	return false
}

var (
	earlierWords = set("damals früher einst einstmals ursprünglich seinerzeit ehemals")
	// beforeEvents are events a "vor" dates a state by, besides the
	// nouns in -ung: "vor der Pandemie", "vor dem Umbau".
	beforeEvents = set("pandemie corona krise krieg umbau brand fusion reform wende flut")
)

// roadLetter reports the capital of a road's or route's name before its
// number: "die B 27", "auf der A 7", "die L 123".
func roadLetter(w string) bool {
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// infoNouns are what "keine" before them withholds rather than denies:
// "machte keine Angaben", "gab keine Auskunft".
var infoNouns = set("angaben angabe auskunft auskünfte informationen details einzelheiten stellungnahme kommentar")

// namingNoun reports a noun a number after it names rather than
// measures: "die Linie 5", "Gleis 3", "Halle 7", "Kapitel 2".
func namingNoun(lw string) bool {
	return namingNouns[lw] || strings.HasSuffix(lw, "linie") && len(lw) > 6
}

var (
	namingNouns = set("linie gleis bahnsteig halle haus zimmer raum saal tor ausgang eingang terminal kapitel artikel " +
		"paragraf paragraph nummer nr block etappe spieltag")
	momentWords   = set("zeitweise zwischenzeitlich gleichzeitig zeitgleich anfangs spitzenzeiten")
	neededWords   = set("nötig notwendig erforderlich vonnöten")
	capacityWords = set("ausgelegt fasst fassen fasste kapazität")
	remainVerbs   = set("bleiben bleibt verbleiben verbleibt blieben blieb")
)

// scopeOf reads how much of the country or of a kind the clause of token
// qs speaks about: all of it ("bundesweit", "in ganz Deutschland", "an
// deutschen Schulen", "auf allen Linien") or a part of the country named
// by a noun for one ("im Freistaat", "im Landkreis", "in der Stadt").
func (an *analysis) scopeOf(qs int) (nationwide, regional bool, level string, allOf []string) {
	toks := an.toks
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || t.punct {
			continue
		}
		lw := t.low
		switch {
		case lw == "bundesweit" || lw == "deutschlandweit":
			nationwide = true
		case lw == "landesweit":
			regional = true // a state's whole: "Landesweit wurden 38.000 eingebürgert"
			if level == "" {
				level = "state"
			}
		case regionNouns[lw] != "" && t.upper && k+1 < len(toks) && an.role[k+1] == rName && !an.masked[k] &&
			(k == 0 || determiners[toks[k-1].low]) && !an.governed(k):
			// "Der Bezirk Pankow will seine 8.600 Kleingärten sichern", "hat
			// die Stadt Stuttgart … eingebürgert": the owner says its level
			regional = true
			if level == "" {
				level = regionNouns[lw]
			}
		case (lw == "deutschen" || lw == "deutscher") && k > 0 && nounPlacePrepositions[toks[k-1].low] && k+1 < len(toks) && an.role[k+1] == rNoun:
			nationwide = true // "in deutschen Gewässern"
		case (lw == "ganzen" || lw == "gesamten") && k > 0 && (toks[k-1].low == "im" || toks[k-1].low == "in") && k+1 < len(toks) && (toks[k+1].low == "land" || toks[k+1].low == "bundesgebiet"):
			nationwide = true // "im ganzen Land"
		case regionNouns[lw] != "" && t.upper && k > 0 && nounPlacePrepositions[toks[k-1].low] ||
			regionNouns[lw] != "" && t.upper && k > 1 && determiners[toks[k-1].low] && nounPlacePrepositions[toks[k-2].low]:
			regional = true // "im Freistaat", "in der Stadt"
			if level == "" {
				level = regionNouns[lw]
			}
		case allWords[lw]:
			// "auf allen Linien", "in all ihren Filialen", "sämtlicher Werke"
			for j := k + 1; j < len(toks) && j <= k+3; j++ {
				if an.role[j] == rNoun {
					allOf = append(allOf, toks[j].text)
					break
				}
				if toks[j].punct || !(determiners[toks[j].low] || an.role[j] == rAdj) {
					break
				}
			}
		}
	}
	return nationwide, regional, level, allOf
}

// regionNouns name a part of the country without naming it, or say which
// kind of place a name is ("der Landkreis Celle", "die Stadt Celle"): the
// state, county, town or district the article is about, by level.
var regionNouns = map[string]string{
	"freistaat": "state", "bundesland": "state", "regierungsbezirk": "province",
	"landkreis": "county", "kreis": "county", "region": "county",
	"stadt": "town", "gemeinde": "town", "kommune": "town",
	"stadtteil": "sub", "ortsteil": "sub", "bezirk": "sub", "stadtbezirk": "sub", "viertel": "sub", "quartier": "sub",
}

// allWords say a figure is for every one of a kind.
var allWords = set("all alle allen aller sämtliche sämtlichen sämtlicher")

// nounPlacePrepositions govern a noun that says where: "im Tierheim",
// "auf der Fähre", "am Bahnhof".
var nounPlacePrepositions = set("in im bei beim an am auf")

// sentenceNames are the anchors of the sentence outside attributions, and
// those of them that are places.
func (an *analysis) sentenceNames() (anchors, places, locations []string) {
	for k, key := range an.name {
		if key == "" || k > 0 && an.name[k-1] == key {
			continue
		}
		anchors = appendUnique(anchors, key)
		if an.place[k] && !an.masked[k] {
			places = appendUnique(places, key)
			if an.locative(k) {
				locations = appendUnique(locations, key)
			}
		}
	}
	for k, t := range an.toks {
		if an.role[k] == rAdj && strings.Contains(t.low, "isch") {
			anchors = appendUnique(anchors, nameKey(adjStem(t.low)))
		}
	}
	return anchors, places, locations
}

// locative reports whether the name at k is governed by "in", "bei":
// where the event is, not where something goes.
func (an *analysis) locative(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		lw := an.toks[j].low
		if placePrepositions[lw] {
			return locativePrepositions[lw]
		}
		if an.toks[j].punct {
			return false
		}
	}
	return false
}

// speakers returns the sources the sentence names with a verb of saying
// that articles.CitedSources does not read: "Die Veranstalter sprachen
// von …", "Die Polizei teilte mit".
func (an *analysis) speakers() []string {
	var out []string
	for i := 0; i < len(an.toks); i++ {
		if !an.masked[i] || an.toks[i].punct || !an.toks[i].upper || an.role[i] == rCue || functionWord(an.toks[i].low) {
			continue
		}
		j := i
		for j+1 < len(an.toks) && an.masked[j+1] && an.toks[j+1].upper && !an.toks[j+1].punct && an.role[j+1] != rCue {
			j++
		}
		if sayNouns[an.toks[i].low] && i == j {
			i = j
			continue
		}
		w := an.s[an.toks[i].start:an.toks[j].end]
		if !functionWord(strings.ToLower(w)) {
			out = append(out, w)
		}
		i = j
	}
	if len(out) > 2 {
		out = out[:2]
	}
	return out
}

// content is what a statement or stance says happens: its content nouns,
// predicates and the words as written.
type contentWords struct {
	nouns, preds []string
	compounds    []string
	text         string
	first        int
}

func (an *analysis) content() contentWords {
	var cw contentWords
	cw.first = -1
	nc := 0 // compounds appended to the article's buffer
	var words []string
	for k, t := range an.toks {
		if an.masked[k] || t.punct {
			continue
		}
		switch an.role[k] {
		case rNoun:
			if commitmentNoun(t.low) || sayNouns[t.low] || transparentNouns[t.low] {
				continue
			}
			cw.nouns = appendUnique(cw.nouns, nounKey(t.text))
			if len(t.low) >= minCompoundWord {
				an.compoundBuf = append(an.compoundBuf, t.low)
				nc++
			}
			if strings.HasSuffix(t.low, "ung") && len(t.low) > 6 {
				vk := verbKey(t.low)
				cw.preds = appendUnique(cw.preds, vk) // "Schließung" is "schließen"
				if cl, ok := verbClasses[vk]; ok {
					cw.nouns = appendUnique(cw.nouns, cl) // "Evakuierung" names those evakuiert
				}
			}
			words = append(words, t.text)
		case rName:
			if k == 0 || an.name[k-1] != an.name[k] {
				words = append(words, t.text)
			}
		case rPred:
			if an.pred[k] == "" || wordClass[t.low]&wSeparable != 0 && (slices.Contains(an.denyAt, k) || slices.Contains(an.retractAt, k)) {
				continue // "weist … zurück" is the stance, not what it is about
			}
			cw.preds = appendUnique(cw.preds, an.pred[k])
			if cl, ok := verbClasses[an.pred[k]]; ok {
				cw.nouns = appendUnique(cw.nouns, cl) // "gestorben" counts as "Tote"
			}
			words = append(words, t.text)
			if cw.first < 0 {
				cw.first = k
			}
		case rCue:
			// "verletzt", "starben" are classes of their own
			if k2, ok := equivalences[foldUmlauts(t.low)]; ok {
				cw.nouns = appendUnique(cw.nouns, k2)
				words = append(words, t.text)
			}
		}
	}
	if nc > 0 {
		n := len(an.compoundBuf)
		cw.compounds = an.compoundBuf[n-nc : n : n]
	}
	if cw.first < 0 && len(an.toks) > 0 {
		cw.first = 0
	}
	if len(words) > 6 {
		words = words[:6]
	}
	cw.text = strings.Join(words, " ")
	return cw
}

// minCompoundWord is the length in bytes from which a noun may be a
// compound worth splitting when statements are compared ("Bombenfund").
const minCompoundWord = 8

// nounKey is the compared form of a noun: its class when the language
// names the same thing several ways, else its light stem; the head of a
// compound that counts a class ("Hochwassertote") is that class, with
// "schwer" or "leicht" kept as a modifier after "|".
func nounKey(noun string) string {
	if k, ok := nounKeys.Load(noun); ok {
		return k.(string)
	}
	k := computeNounKey(noun)
	if nounKeysSize.Add(1) > maxNounKeys {
		nounKeys.Clear() // bounded memory beats a perfect hit rate
		nounKeysSize.Store(0)
	}
	nounKeys.Store(noun, k)
	return k
}

// nounKeys caches nounKey: news repeats its nouns, and the key costs a
// stem, class lookups and a compound search.
var (
	nounKeys     sync.Map
	nounKeysSize atomic.Int64
)

const maxNounKeys = 200_000

func computeNounKey(noun string) string {
	lw := strings.ToLower(noun)
	if i := strings.LastIndexByte(lw, '-'); i > 0 && i+1 < len(lw) {
		lw = lw[i+1:]
		noun = noun[i+1:]
	}
	f := foldUmlauts(genderless(noun, lw))
	if k, ok := equivalences[f]; ok {
		return k
	}
	st := stem(noun)
	if k, ok := equivalences[st]; ok {
		return k
	}
	for i := 3; i+3 <= len(f) && len(f) > 6 && compoundEnding(f); i++ {
		if k, ok := equivalences[f[i:]]; ok && compoundable[k] {
			pre := f[:i]
			if pre == "schwer" || pre == "leicht" {
				return k + "|" + pre
			}
			return k
		}
	}
	for _, z := range []string{"zahlen", "zahl", "summe", "summen"} {
		if strings.HasSuffix(f, z) && len(f) > len(z)+3 && !strings.HasSuffix(f, "anzahl") {
			return nounKey(f[:len(f)-len(z)])
		}
	}
	if strings.HasPrefix(f, "ge") && (strings.HasSuffix(f, "te") || strings.HasSuffix(f, "ten")) && len(f) > 6 && len(f) <= 12 {
		return "v:" + verbKey(f)
	}
	return st
}

// compoundEnding is the cheap test before the compound search of
// nounKey: the word ends like a key of a compoundable class.
func compoundEnding(f string) bool {
	return compoundEndings[f[len(f)-3:]]
}

var compoundEndings = func() map[string]bool {
	m := map[string]bool{}
	for w, k := range equivalences {
		if compoundable[k] && len(w) >= 3 {
			m[w[len(w)-3:]] = true
		}
	}
	return m
}()

// genderless removes gender forms: Soldat:innen → soldat.
func genderless(w, lw string) string {
	if i := strings.Index(w, "Innen"); i > 0 && i+5 == len(w) {
		return strings.ToLower(w[:i])
	}
	for _, g := range []string{":innen", "*innen", "_innen", "/innen", ":in", "*in", "_in"} {
		if strings.HasSuffix(lw, g) {
			return lw[:len(lw)-len(g)]
		}
	}
	return lw
}

// figureText renders the claim in a few words.
func figureText(c Claim) string {
	switch {
	case c.HasQuantity:
		f := c.Quantity.Format()
		if c.Quantity.Zero {
			f = "keine"
		}
		if c.Unit != "" && c.Unit != "%" {
			f += " " + c.Unit
		}
		f += " " + c.Head
		if c.Event != "" && genericHeads[strings.ToLower(c.Head)] {
			f += " (" + c.Event + ")"
		}
		if c.Negated && !c.Quantity.Zero {
			f = "nicht " + f
		}
		switch c.Stance {
		case StanceDeny:
			f = "bestritten: " + f
		case StanceRetract:
			f = c.cue + ": " + f
		}
		return f
	case c.Stance == StanceDeny:
		return "bestritten: " + c.Event
	case c.Stance == StanceRetract:
		return c.cue + ": " + c.Event
	case c.Negated:
		return "nicht: " + c.Event
	}
	return c.Event
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

// comparativeAfter reads a change stated by a comparative after the
// figure: "6,8 Prozent mehr Firmeninsolvenzen als im Vorjahresmonat",
// "14 Prozent weniger Asylanträge". qe is the token after the figure.
func (an *analysis) comparativeAfter(qe int) int {
	for j := qe; j < len(an.toks) && j <= qe+1; j++ {
		switch an.toks[j].low {
		case "mehr", "höher":
			return 1
		case "weniger", "niedriger", "geringer":
			return -1
		}
		if units[an.toks[j].low] == "" {
			break
		}
	}
	return 0
}

// changeNouns are the nouns of a change, as the last part of a compound
// ("Lohnerhöhung", "Umsatzplus", "Preisanstieg"), keyed folded, with the
// direction of the change.
var changeNouns = []struct {
	suffix string
	sign   int
}{
	{"erhohung", 1}, {"anstieg", 1}, {"zuwachs", 1}, {"steigerung", 1}, {"zunahm", 1}, {"plus", 1},
	{"ruckgang", -1}, {"senkung", -1}, {"kurzung", -1}, {"abnahm", -1}, {"minus", -1},
}

// changeNounKey splits a change compound (lower case, umlauts folded)
// into the key of what changes and the direction: "lohnerhohung" is
// "lohn", +1. A bare change noun is left as
// it is (its genitive says what changes).
func changeNounKey(head string) (string, int) {
	for _, cn := range changeNouns {
		for _, suf := range []string{cn.suffix, cn.suffix + "e", cn.suffix + "es", cn.suffix + "en", cn.suffix + "s"} {
			if p, ok := strings.CutSuffix(head, suf); ok && len(p) >= 3 {
				if parts := germanData().SplitCompound(head); len(parts) >= 2 && strings.Join(parts[:len(parts)-1], "") == p {
					// the dictionary knows the first part as it is: the
					// "s" of "Preissteigerung" is the noun's own
					return nounKey(p), cn.sign
				}
				if len(p) > 4 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") {
					p = p[:len(p)-1] // the linking s: "Umsatzsteigerung"
				}
				return nounKey(p), cn.sign
			}
		}
	}
	return "", 0
}

// dropComparisonTimes removes the times a change is measured against
// ("als im Vorjahr", "gegenüber dem Vorjahresmonat", "im Vergleich zum
// April"): they are the base, not the time the claim speaks about.
func dropComparisonTimes(toks []token, ms []timeMention) []timeMention {
	out := ms[:0]
	for _, m := range ms {
		base := false
		for j := m.at - 1; j >= 0 && j >= m.at-3; j-- {
			lw := toks[j].low
			if lw == "als" || lw == "gegenüber" || lw == "vergleich" || lw == "verglichen" {
				base = true
				break
			}
			if toks[j].punct {
				break
			}
		}
		if !base {
			out = append(out, m)
		}
	}
	return out
}

// genitiveAttribute reports a noun after "der"/"des" (and adjectives)
// that follows a noun: "die Bettenauslastung der Dresdner Hotels".
func (an *analysis) genitiveAttribute(k int) bool {
	j := k - 1
	for j >= 0 && (an.role[j] == rAdj || an.role[j] == rName && an.place[j] || adverbs[an.toks[j].low] && j < k-1) {
		j-- // (an adverb in the phrase: "des inzwischen gelöschten Feuers")
	}
	// ("der Preis einer Fahrkarte", "die Dauer eines Antrags": an
	// indefinite genitive as much as a definite one)
	return j > 0 && j < k && (an.toks[j].low == "des" || an.toks[j].low == "der" || an.toks[j].low == "eines" || an.toks[j].low == "einer") && an.role[j-1] == rNoun
}

// relativeClauseBefore returns the comma that opens a relative clause
// closed right before start ("…, die im März Kurzarbeit anzeigten, lag
// bei 268"), or -1. The clause at start must begin with a verb.
func (an *analysis) relativeClauseBefore(start int) int {
	toks := an.toks
	if start < 2 || start >= len(toks) || toks[start-1].text != "," || toks[start].upper {
		return -1
	}
	for j := start - 2; j > 0 && j >= start-14; j-- {
		if toks[j].text != "," {
			continue
		}
		switch toks[j+1].low {
		case "die", "der", "das", "denen", "deren", "dessen", "welche", "welcher", "welches":
			return j
		}
		return -1
	}
	return -1
}

// partOfClause reads a part said as such in the figure's clause: "Allein
// in Mannheim waren 4.200 Menschen in Kurzarbeit", "Auf Gäste aus dem
// Ausland entfielen 1,3 Millionen Übernachtungen", "Die Sparte steuerte
// 150 Millionen Euro zum Umsatz bei".
func (an *analysis) partOfClause(qs int) bool {
	start := clauseStart(an, qs)
	for k := start; k < qs && k < len(an.toks); k++ {
		// "Allein in Bayern …", "An der Gesamtschule Nordend allein haben
		// 95 Kinder …": the place or time before it is a part of a whole
		// (not "allein lebende": an attribute)
		if lw := an.toks[k].low; (lw == "allein" || lw == "alleine") && !(k+1 < len(an.toks) && (an.role[k+1] == rAdj || an.role[k+1] == rPred && looksAdjective(an.toks[k+1].low))) {
			return true
		}
	}
	// "Am Kinderhaus Sonnenblume allein erhielten 60 Familien": "allein"
	// after the fronted place
	if start < qs && (nounPlacePrepositions[an.toks[start].low] || an.toks[start].low == "an") {
		for k := start + 2; k < qs && k <= start+6; k++ {
			if an.toks[k].punct || an.role[k] == rPred {
				break
			}
			if (an.toks[k].low == "allein" || an.toks[k].low == "alleine") && an.toks[k-1].upper {
				return true
			}
		}
	}
	// "Davon waren 9.200 gültig", "Von den 120 Mitarbeitern verlieren 40
	// ihren Job": the whole is named before the figure
	if start < qs && an.toks[start].low == "davon" && (start+1 >= len(an.toks) || an.toks[start+1].low != "aus") {
		return true
	}
	for k := start; k+2 < qs; k++ {
		if an.toks[k].low == "von" && (an.toks[k+1].low == "den" || an.toks[k+1].low == "der") && an.isNum[k+2] {
			return true
		}
	}
	for k, t := range an.toks {
		if an.clause[k] != an.clause[qs] {
			continue
		}
		switch t.low {
		case "entfallen", "entfielen", "entfällt", "entfiel", "entfallenden", "beigesteuert", "beizusteuern":
			return true
		case "steuerte", "steuerten", "steuert", "steuern":
			if an.particleAfter(k, "bei") >= 0 {
				return true // "steuerte 150 Millionen Euro zum Umsatz bei"
			}
		}
	}
	return false
}

// soFar reports "erst" right before the figure: "Bis 9.30 Uhr hatten erst
// 2.100 Anwohner das Sperrgebiet verlassen" is a count still running.
func (an *analysis) soFar(qs int) bool {
	return qs > 0 && an.toks[qs-1].low == "erst"
}

// affectedKey is the key of people counted as affected by something
// ("betroffen sind 6.000 Einwohner") when what affects them names no
// class of its own.
const affectedKey = "betroffen"

// affectedBy reads the frames that count people affected by something:
// "Von der Evakuierung sind 13.000 Menschen betroffen", "Das Abkochgebot
// betrifft 4.000 Menschen", "Für rund 25.000 Einwohner gilt ein
// Abkochgebot". When what affects them is the noun of a verb of what
// happens to people (Evakuierung: evakuieren) they are counted as that
// class; otherwise as affected. It returns "" outside those frames.
func (an *analysis) affectedBy(qs int) string {
	toks := an.toks
	frame := -1
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || an.masked[k] || t.upper {
			continue
		}
		switch t.low {
		case "betroffen", "betrifft", "betraf", "betreffen", "betrafen", "betreffe":
			frame = k
		case "gilt", "galt", "gelten", "galten", "gelte":
			// "für" governs the figure: the people it applies to
			if qs > 0 && toks[qs-1].low == "für" {
				frame = k
			}
		}
	}
	if frame < 0 {
		return ""
	}
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || an.role[k] != rNoun || an.masked[k] || k == qs {
			continue
		}
		if cl, ok := verbClasses[verbKey(t.low)]; ok && strings.HasSuffix(t.low, "ung") && statusClasses[cl] {
			return cl
		}
	}
	return affectedKey
}

// partialCount reports a sentence that gives a count in progress: "Nach
// Auszählung von 80 der 120 Wahlbezirke", "laut Hochrechnung", "nach
// dem Zwischenstand".
func (an *analysis) partialCount() bool {
	for _, t := range an.toks {
		switch t.low {
		case "auszählung", "ausgezählt", "hochrechnung", "hochrechnungen", "zwischenstand", "zwischenergebnis",
			"teilergebnis", "zwischenbilanz":
			return true
		}
	}
	return false
}
