package index

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/german"
)

// Search tuning. Exact German matches dominate; the spelling field only
// rescues what exact matching misses, so it is weighted well below.
const (
	// DefaultTimeout bounds a search whose context has no deadline.
	DefaultTimeout = 2 * time.Second
	maxQueryTerms  = 32
	maxClauses     = 2048

	boostText    = 1.0
	boostPhrase  = 1.0
	boostSpell   = 0.35
	boostNumbers = 1.5
	boostHeading = 0.3
	// A compound's part is weak evidence for the compound and the other
	// way round ("Rhein"/"Niederrhein"): it rescues a passage no exact
	// word finds, without outranking one that has the word itself.
	boostParts = 0.15
	// A noun typed in the genitive ("Warschaus") also finds its base
	// form ("Warschau") where the passages have both.
	boostGenitive = 0.6
	// An -isch adjective's noun ("schottisch": Schottland) is a related
	// word, not the word.
	boostDerived = 0.5

	fragmentRunes = 220
)

func setMaxClauses(n int) { searcher.DisjunctionMaxClauseCount = n }

var storedFields = []string{fieldText, fieldHeading, fieldArticle, fieldParagraph, fieldSources}

// searchSlots is how many searches run at once: two per core, so that one
// waiting on a page fault does not leave its core idle.
func searchSlots() int { return 2 * runtime.GOMAXPROCS(0) }

// Search finds the passages that best match a claim typed by a person. The
// input is never parsed as query syntax: it is analysed into terms and
// numbers, and the query is built from those.
func (ix *Index) Search(ctx context.Context, q string, opts SearchOptions) (Result, error) {
	start := time.Now()
	q = strings.TrimSpace(q)
	res := Result{Query: q}
	if err := validateQuery(q); err != nil {
		return res, err
	}
	if opts.Limit <= 0 {
		opts.Limit = 5
	}
	if opts.Limit > MaxLimit {
		opts.Limit = MaxLimit
	}
	if opts.Offset < 0 {
		opts.Offset = 0
	}
	if _, ok := ctx.Deadline(); !ok {
		// The language data a query is built from is read once per
		// process; that is start-up, not this search's work, and on a
		// loaded machine it alone can outlast DefaultTimeout. A caller
		// with a deadline of its own (the bot) reads it at start.
		_ = german.Default().LoadForQueries() // missing data only means fewer forms
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}

	// A search is CPU work on the mapped index. Past a few per core, more
	// at once only share the cores more thinly: every one of them gets
	// slower, and so do the goroutines that owe Discord a response within
	// 3 seconds. The rest wait here, in arrival order, within their
	// deadline.
	select {
	case ix.slots <- struct{}{}:
		defer func() { <-ix.slots }()
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return res, claimbot.Errorf(claimbot.ETIMEOUT, "the search took too long")
		}
		return res, ctx.Err()
	}

	// Holding serving for the whole search keeps its generation open: a
	// rebuild swaps generations only between searches.
	ix.serving.RLock()
	defer ix.serving.RUnlock()
	ix.mu.RLock()
	idx, store := ix.cur, ix.curArts
	ix.mu.RUnlock()
	if idx == nil {
		// Without this the search would answer "no hits" as if the
		// corpus had nothing.
		return res, errClosed()
	}
	tr := englishTranslator(opts.Lang)
	p, ok := ix.buildQuery(idx, q, true, tr)
	if !ok {
		res.Took = time.Since(start)
		return res, nil // only stop words: nothing to look for
	}
	sr, err := p.run(ctx, idx, opts)
	if err != nil && isTooManyClauses(err) {
		// A fuzzy term expanded too far (a very short or very common
		// stem): answer from exact matches rather than fail.
		p, _ = ix.buildQuery(idx, q, false, tr)
		sr, err = p.run(ctx, idx, opts)
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return res, claimbot.Errorf(claimbot.ETIMEOUT, "the search took too long")
		}
		if errors.Is(err, context.Canceled) {
			return res, err
		}
		if errors.Is(err, bleve.ErrorIndexClosed) {
			return res, errClosed() // closed while the query was built
		}
		return res, fmt.Errorf("search: %w", err)
	}
	res.Total = sr.Total
	m := idx.Mapping()
	for _, h := range sr.Hits {
		hit := toHit(h)
		if !opts.NoFragments {
			hit.Fragments = fragments(hit.Passage, p.marks.spans(m, hit.Passage), fragmentRunes)
		}
		res.Hits = append(res.Hits, hit)
	}
	if err := attribute(store, res.Hits); err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	res.Took = time.Since(start)
	return res, nil
}

func validateQuery(q string) error {
	n := utf8.RuneCountInString(q)
	switch {
	case q == "":
		return claimbot.Errorf(claimbot.EINVALID, "the query is empty")
	case n > MaxQueryRunes:
		return claimbot.Errorf(claimbot.EINVALID, "the query has %d characters; at most %d are allowed", n, MaxQueryRunes)
	case !utf8.ValidString(q):
		return claimbot.Errorf(claimbot.EINVALID, "the query is not valid text")
	}
	return nil
}

// run searches with the plan. Only the page is highlighted (see marks), and
// score ties are broken by passage ID among a few more hits than the page
// needs: asking Bleve for term locations or an _id sort costs that for every
// candidate passage, which at 100,000 articles is most of a query's time.
func (p plan) run(ctx context.Context, idx bleve.Index, opts SearchOptions) (*bleve.SearchResult, error) {
	q := p.query
	if p.driver != nil {
		q = &drivenQuery{full: p.candidateQuery, driver: p.driver}
	}
	sr, err := page(ctx, idx, q, opts, p.prox)
	if err == nil && p.driver != nil && sr.Total < uint64(opts.Limit) {
		// Fewer passages with a distinctive word than a page holds: the
		// rest may be in passages with only common words. Total does not
		// depend on the offset, so every page of a query takes the same
		// branch and pages never overlap.
		sr, err = page(ctx, idx, p.query, opts, p.prox)
	}
	return sr, err
}

// tieSlack is how many hits past the page are fetched to break score ties
// by ID. Equal scores are common (the same figure in several passages);
// the ID as tie-breaker keeps answers and pages stable.
const tieSlack = 8

func page(ctx context.Context, idx bleve.Index, q query.Query, opts SearchOptions, prox *proximity) (*bleve.SearchResult, error) {
	want := opts.Offset + opts.Limit
	// The first proxDepth passages are re-scored (proximity.go) whatever
	// the page: fetched in full, every page orders the same ones.
	n := want
	if prox != nil {
		n = max(n, proxDepth)
	}
	req := bleve.NewSearchRequestOptions(filtered(q, opts), n+tieSlack, 0, false)
	req.Fields = storedFields
	sr, err := idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := sr.Hits
	sortHits(hits)
	if len(hits) == n+tieSlack && hits[n-1].Score == hits[len(hits)-1].Score {
		// The tie at the end of what is ordered runs past what was
		// fetched: only a full sort by ID knows which of the tied
		// passages come first.
		req = bleve.NewSearchRequestOptions(filtered(q, opts), n, 0, false)
		req.Fields = storedFields
		req.SortBy([]string{"-_score", "_id"})
		if sr, err = idx.SearchInContext(ctx, req); err != nil {
			return nil, err
		}
		hits = sr.Hits
	}
	prox.rescore(idx.Mapping(), hits)
	sr.Hits = hits[min(opts.Offset, len(hits)):min(want, len(hits))]
	return sr, nil
}

func isTooManyClauses(err error) bool {
	return err != nil && strings.Contains(err.Error(), "TooManyClauses")
}

// plan is how one query is run: the scoring query, the clauses that
// select candidates (nil: every passage the query matches), and the terms to
// mark in the answers.
type plan struct {
	query query.Query
	// candidateQuery scores the same as query, checking the phrase only
	// in the passages it is asked about; it serves under a driver.
	candidateQuery query.Query
	driver         query.Query
	marks          marks
	// prox re-scores the first passages by how close the words lie (nil:
	// a query of one word).
	prox *proximity
}

// buildQuery turns the user's text into one group of clauses per query
// word (the word in the German field, in the spelling field, as a number,
// in the heading and title) and a phrase bonus. Bleve scales a
// disjunction's score by the share of clauses that match; grouping by word
// makes that share count words, so a word indexed in three fields weighs
// no more than a number indexed in one. Within a group the word's forms
// and alternatives count by the best of them, and the heading and title
// are added to it (wordGroup).
// It reports false when the text has no searchable term. With tr, the
// query is English (english.go): its function words are dropped, and each
// word the passages do not have gets its German renderings as alternatives
// in its group.
func (ix *Index) buildQuery(idx bleve.Index, q string, fuzzy bool, tr translator) (plan, bool) {
	m := idx.Mapping()
	var figure bool
	if tr != nil {
		q, figure = englishEvidence(q)
	} else {
		q, figure = questionEvidence(q) // question words are no evidence (question.go)
	}
	groups := map[int][]query.Query{}
	// The word in the passage's heading and its article's title: evidence
	// beside the word's forms in the text, not one more of them (wordGroup).
	titles := map[int][]query.Query{}
	df := map[int]uint64{} // at most the passages the group matches: the sum over its clauses
	var order []int
	add := func(pos int, qq query.Query, n uint64) {
		if _, ok := groups[pos]; !ok {
			order = append(order, pos)
		}
		groups[pos] = append(groups[pos], qq)
		df[pos] += n
	}
	term := func(t, field string, boost float64) query.Query {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		tq.SetBoost(boost)
		return tq
	}
	var p plan

	known := &termChecker{idx: idx}
	defer known.close()
	docs := known.docCount()
	prox := &proximity{}
	textTerms := analyseTokens(m, analyzerText, q)
	inText := map[int]bool{} // query positions whose word the text field has
	for _, t := range textTerms {
		n := known.count(fieldText, t.term)
		add(t.pos, term(t.term, fieldText, boostText), n)
		prox.add(t.pos, t.term, n, docs)
		titles[t.pos] = append(titles[t.pos], term(t.term, fieldHeading, boostHeading), term(t.term, fieldLeadTitle, boostHeading))
		// A genitive the stemmer keeps ("Warschaus", "Apothekers") is
		// the word the passages have without its -s; where they have the
		// genitive too, the base is an alternative, weighted lower.
		if g, gn := genitiveBase(m, known, q[t.start:t.end]); gn > 0 && g != t.term {
			b := boostText
			if n > 0 {
				b = boostGenitive
			}
			add(t.pos, term(g, fieldText, b), gn)
			prox.add(t.pos, g, gn, docs)
			p.marks.add(analyzerText, g, 0)
			n += gn
		}
		// An adjective of a name or group ("hugenottisch", "schottisch")
		// also finds the noun it is made from, where the passages have it.
		for _, d := range derivedNouns(m, known, q[t.start:t.end]) {
			if d.term == t.term {
				continue
			}
			add(t.pos, term(d.term, fieldText, boostDerived), d.n)
			prox.add(t.pos, d.term, d.n, docs)
			p.marks.add(analyzerText, d.term, 0)
		}
		// A noun in -schaft, -heit or -keit also finds the word it is made
		// from ("Ungleichheit": ungleich, "Bruderschaft": Brüder).
		for _, d := range suffixBase(m, known, q[t.start:t.end]) {
			add(t.pos, term(d.term, fieldText, boostDerived), d.n)
			prox.add(t.pos, d.term, d.n, docs)
			p.marks.add(analyzerText, d.term, 0)
		}
		// A noun from Latin or Greek in its other number ("Bakterien":
		// Bakterium, "Zentrum": Zentren), which the stemmer keeps apart.
		if boostForeign > 0 {
			for _, d := range appendKnown(nil, m, known, map[string]bool{t.term: true}, foreignForms(q[t.start:t.end])...) {
				add(t.pos, term(d.term, fieldText, boostForeign), d.n)
				prox.add(t.pos, d.term, d.n, docs)
				p.marks.add(analyzerText, d.term, 0)
			}
		}
		// Another form of the same verb ("verhindert": verhindern,
		// "gebaut": Bau, "Förderung": gefördert), where the passages have
		// it. German questions only: English words are no German verbs.
		if tr == nil && boostVerbForm > 0 {
			for _, d := range verbForms(m, known, q[t.start:t.end]) {
				add(t.pos, term(d.term, fieldText, boostVerbForm), d.n)
				prox.add(t.pos, d.term, d.n, docs)
				p.marks.add(analyzerText, d.term, 0)
			}
		}
		if tr == nil && boostStrongForm > 0 {
			for _, d := range strongForms(m, known, q[t.start:t.end]) {
				add(t.pos, term(d.term, fieldText, boostStrongForm), d.n)
				prox.add(t.pos, d.term, d.n, docs)
				p.marks.add(analyzerText, d.term, 0)
			}
		}
		if tr == nil && boostDegree > 0 {
			for _, d := range degreeForms(m, known, q[t.start:t.end]) {
				add(t.pos, term(d.term, fieldText, boostDegree), d.n)
				prox.add(t.pos, d.term, d.n, docs)
				p.marks.add(analyzerText, d.term, 0)
			}
		}
		if n > 0 {
			inText[t.pos] = true
		} else if tr == nil || !hasTranslation(tr, q[t.start:t.end]) {
			for _, sp := range known.splits(t.term) {
				add(t.pos, bleve.NewPhraseQuery(sp[:], fieldText), 0)
				p.marks.add(analyzerText, sp[0], 0)
				p.marks.add(analyzerText, sp[1], 0)
			}
		}
		p.marks.add(analyzerText, t.term, 0)
		// The word as a part of the passages' compounds.
		// Only a term the field has: a clause that cannot match would
		// only lengthen the search.
		// The count feeds candidate pruning (distinctive) like any clause's.
		if n := known.count(fieldParts, t.term); n > 0 {
			add(t.pos, term(t.term, fieldParts, boostParts), n)
		}
	}
	// The query's compounds by their parts, in the passages' words. The
	// parts join their word's group, so they are alternatives for it and
	// do not count as further matched words.
	for _, t := range analyseTokens(m, analyzerParts, q) {
		if n := known.count(fieldText, t.term); n > 0 {
			add(t.pos, term(t.term, fieldText, boostParts), n)
			p.marks.add(analyzerText, t.term, 0)
			prox.add(t.pos, t.term, n, docs)
		}
	}
	// The parts of the parts: the splitter stops at the longest head
	// ("Eisenbahnstrecken": Eisen + Bahnstrecken), while the passages may
	// have only the head's own parts ("Strecken").
	for _, t := range textTerms {
		for _, d := range subParts(m, known, q[t.start:t.end]) {
			add(t.pos, term(d.term, fieldText, boostParts), d.n)
			p.marks.add(analyzerText, d.term, 0)
			prox.add(t.pos, d.term, d.n, docs)
		}
	}
	translated := map[int]bool{}
	if tr != nil {
		// A rendering the passages have is a form of its English word
		// for proximity too.
		addRendering := func(pos int, qq query.Query, n uint64) {
			add(pos, qq, n)
			if tq, ok := qq.(*query.TermQuery); ok && tq.FieldVal == fieldText {
				prox.add(pos, tq.Term, n, docs)
			}
		}
		translated = ix.addTranslations(m, q, textTerms, inText, tr, known, addRendering, &p.marks)
	}
	allInText := len(inText) == len(textTerms)
	for _, t := range analyseTokens(m, analyzerSpellQuery, q) {
		// A word the index has as typed needs no spelling variants: the
		// spelling field would match the same passages again and only
		// lengthen the search. Word pairs help only when a word is missing
		// ("Jongun").
		if t.pair && allInText || !t.pair && inText[t.pos] {
			continue
		}
		// Fuzzy matching is for words the index does not have: a known
		// word already matches its spelling variants through the folding,
		// and building a Levenshtein automaton per word costs far more
		// than the search itself. Joined word pairs are matched exactly.
		if fuzzy && !t.pair && !translated[t.pos] {
			if f := fuzziness(t.term); f > 0 && known.count(fieldSpell, t.term) == 0 {
				fq := bleve.NewFuzzyQuery(t.term)
				fq.SetField(fieldSpell)
				fq.SetFuzziness(f)
				fq.SetPrefix(1)
				fq.SetBoost(boostSpell)
				add(t.pos, fq, 0)
				p.marks.add(analyzerSpell, t.term, f)
				continue
			}
		}
		add(t.pos, term(t.term, fieldSpell, boostSpell), 0)
		p.marks.add(analyzerSpell, t.term, 0)
	}
	for _, n := range analyseTokens(m, analyzerNumbers, q) {
		if n.term == figureTerm {
			continue
		}
		add(n.pos, term(n.term, fieldNumbers, boostNumbers), known.count(fieldNumbers, n.term))
		p.marks.add(analyzerNumbers, n.term, 0)
	}
	if len(groups) == 0 {
		return p, false
	}
	if figure && boostFigure > 0 {
		add(figurePos, term(figureTerm, fieldNumbers, boostFigure), known.count(fieldNumbers, figureTerm))
	}
	group := func(pos int) query.Query {
		g := groups[pos]
		if len(g) == 1 && len(titles[pos]) == 0 {
			return g[0]
		}
		return &wordGroup{clauses: g, titles: titles[pos], tie: groupTie}
	}
	// The driver only selects candidates (no scores): Bleve's own
	// disjunction matches the same passages and can OR their postings as
	// bitmaps.
	match := func(pos int) query.Query {
		g := append(append([]query.Query(nil), groups[pos]...), titles[pos]...)
		if len(g) > 1 {
			return bleve.NewDisjunctionQuery(g...)
		}
		return g[0]
	}
	var clauses []query.Query
	for _, pos := range order {
		clauses = append(clauses, group(pos))
	}
	if prox.done(); len(prox.idf) > 1 {
		p.prox = prox
	}
	p.query = bleve.NewDisjunctionQuery(clauses...)
	if len(textTerms) > 1 {
		// One analysis for both forms of the phrase bonus: Bleve's phrase
		// query for searches that score every match, and candidatePhrase,
		// which checks the phrase in each candidate only: Bleve's phrase
		// searcher reads the positions of every passage with all the
		// words, which for a claim of common words ("zufolge könnten bis
		// zu") costs more than the rest of the search.
		phrase := phraseOf(m.AnalyzerNamed(analyzerText).Analyze([]byte(q)))
		pq := query.NewMultiPhraseQuery(phrase, fieldText)
		pq.SetBoost(boostPhrase)
		clauses = slices.Clip(clauses) // the two appends must not share an array
		p.query = bleve.NewDisjunctionQuery(append(clauses, pq)...)
		lazy := &candidatePhrase{phrase: phrase, field: fieldText, boost: boostPhrase}
		p.candidateQuery = bleve.NewDisjunctionQuery(append(clauses, lazy)...)
	} else {
		p.candidateQuery = p.query
	}
	if rare, common := distinctive(order, df, docs); rare != nil || common != nil {
		var dq []query.Query
		for _, pos := range rare {
			dq = append(dq, match(pos))
		}
		if len(common) > 1 {
			var all []query.Query
			for _, pos := range common {
				all = append(all, match(pos))
			}
			dq = append(dq, bleve.NewConjunctionQuery(all...))
		}
		p.driver = bleve.NewDisjunctionQuery(dq...)
	}
	return p, true
}

// Candidate pruning. A claim is an OR of its words, and its common words
// ("Soldaten", "Russland", "zufolge") match a large share of all passages,
// every one of which would be scored. The passages worth answering with
// have one of the claim's rarer words, or else all of its common ones, so at
// scale only those are scored (in full, with every word: scores do not
// change). The rarest words are taken while the passages they select stay
// within a budget; the idea is Lucene's CommonTermsQuery.
var (
	pruneMinPassages uint64 = 20_000 // below this every candidate is cheap enough
	pruneBudget      uint64 = 2_500  // passages the rare words may select
)

// distinctive splits the query positions into the rare ones, any of which
// makes a passage a candidate, and the common ones, all of which together
// do. Both are nil when every passage the query matches should be scored.
func distinctive(order []int, df map[int]uint64, docs uint64) (rare, common []int) {
	if docs < pruneMinPassages || len(order) < 2 {
		return nil, nil
	}
	byDF := append([]int(nil), order...)
	sort.SliceStable(byDF, func(i, j int) bool { return df[byDF[i]] < df[byDF[j]] })
	var selected uint64
	for i, pos := range byDF {
		if selected+df[pos] > pruneBudget {
			return byDF[:i], byDF[i:]
		}
		selected += df[pos]
	}
	return nil, nil // every word is rare: nothing to prune
}

// fuzziness allows one edit from five letters and two from nine: short
// words have too many neighbours to be matched loosely.
func fuzziness(term string) int {
	n := utf8.RuneCountInString(term)
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	default:
		return 0
	}
}

// analyse runs text through a named analyzer of the mapping and returns the
// distinct terms, at most maxQueryTerms of them.
func analyse(m mapping.IndexMapping, analyzer, text string) []string {
	toks := analyseTokens(m, analyzer, text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.term
	}
	return out
}

type queryTerm struct {
	term       string
	pos        int  // the word's position in the query
	start, end int  // the word's bytes in the query
	pair       bool // a joined word pair from the shingle filter
}

func analyseTokens(m mapping.IndexMapping, analyzer, text string) []queryTerm {
	a := m.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	seen := map[string]bool{}
	var out []queryTerm
	for _, t := range toks {
		s := string(t.Term)
		if s == "" || seen[s] || !hasLetterOrDigit(s) {
			continue
		}
		// Numbers are matched by the numbers field, which knows that
		// "400 000" is one number; as words they would only add clauses
		// that cannot match and so dilute the score of those that do.
		if analyzer != analyzerNumbers && (NumberValues(s) != nil || startsWithDigit(s) && t.Type == analysis.Shingle) {
			continue
		}
		seen[s] = true
		out = append(out, queryTerm{term: s, pos: t.Position, start: t.Start, end: t.End, pair: t.Type == analysis.Shingle})
		if len(out) == maxQueryTerms {
			break
		}
	}
	return out
}

// termChecker answers how many passages hold a term, opening an index
// reader only when first asked.
type termChecker struct {
	idx    bleve.Index
	reader index.IndexReader
	failed bool
}

func (c *termChecker) open() bool {
	if c.reader == nil && !c.failed {
		adv, err := c.idx.Advanced()
		if err == nil {
			c.reader, err = adv.Reader()
		}
		c.failed = err != nil || c.reader == nil
	}
	return c.reader != nil
}

// count is the number of passages whose field holds the term (0 when the
// index cannot say, which falls back to fuzzy matching).
func (c *termChecker) count(field, term string) uint64 {
	if !c.open() {
		return 0
	}
	tfr, err := c.reader.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}

// splits returns the ways to cut a word the index lacks into two words it
// has, in order: "jongun" is "jong un" when the passages wrote "Jong-un".
func (c *termChecker) splits(term string) [][2]string {
	var out [][2]string
	for i := range term {
		if i < 2 || len(term)-i < 2 || !utf8.RuneStart(term[i]) {
			continue
		}
		a, b := term[:i], term[i:]
		if c.count(fieldText, a) > 0 && c.count(fieldText, b) > 0 {
			out = append(out, [2]string{a, b})
		}
	}
	return out
}

func (c *termChecker) docCount() uint64 {
	if !c.open() {
		return 0
	}
	n, err := c.reader.DocCount()
	if err != nil {
		return 0
	}
	return n
}

func (c *termChecker) close() {
	if c.reader != nil {
		c.reader.Close()
	}
}

// genitiveBase is the analysed form of word without its genitive ending
// (-s, -es) and the number of passages with it, when the word ends in one
// and the passages have the form (0 otherwise). The light stemmer removes
// an -s only after some consonants, so "Warschaus", "Teslas" and
// "Apothekers" keep theirs.
func genitiveBase(m mapping.IndexMapping, known *termChecker, word string) (string, uint64) {
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return "", 0 // only nouns take the genitive -s, and German capitalises them
	}
	for _, end := range []string{"es", "s"} {
		base, ok := strings.CutSuffix(word, end)
		if !ok || utf8.RuneCountInString(base) < 4 {
			continue
		}
		if ts := analyse(m, analyzerText, base); len(ts) == 1 {
			if n := known.count(fieldText, ts[0]); n > 0 {
				return ts[0], n
			}
		}
	}
	return "", 0
}

// subParts is the analysed head of the query word's head, when that head is
// a compound in turn, the passages have it and it is not the word or one of
// its own parts.
func subParts(m mapping.IndexMapping, known *termChecker, word string) []counted {
	data := german.Default()
	parts := data.SplitCompound(strings.ToLower(word))
	if len(parts) < 2 {
		return nil
	}
	seen := map[string]bool{}
	for _, t := range analyse(m, analyzerText, word) {
		seen[t] = true
	}
	for _, p := range parts {
		for _, t := range analyse(m, analyzerText, p) {
			seen[t] = true // looked up already, through the parts analyzer
		}
	}
	// Only the head's head: it names the kind of thing, as the word's own
	// head does ("Strecken" of "Eisenbahnstrecken"). A first part's parts
	// are not evidence: "Zeit" of "Zeitlupenprotokoll" would find every
	// passage that mentions time.
	sub := data.SplitCompound(parts[len(parts)-1])
	if len(sub) < 2 {
		return nil
	}
	return appendKnown(nil, m, known, seen, sub[len(sub)-1])
}

type counted struct {
	term string
	n    uint64
}

// appendKnown appends each form that analyses to one term not seen yet and
// that the passages have, with its count; seen records the terms taken.
func appendKnown(out []counted, m mapping.IndexMapping, known *termChecker, seen map[string]bool, forms ...string) []counted {
	for _, f := range forms {
		ts := analyse(m, analyzerText, f)
		if len(ts) != 1 || seen[ts[0]] {
			continue
		}
		seen[ts[0]] = true
		if n := known.count(fieldText, ts[0]); n > 0 {
			out = append(out, counted{ts[0], n})
		}
	}
	return out
}

// derivedNouns are the analysed nouns the passages have that an -isch
// adjective is derived from: the adjective without -isch and its
// inflection, with the endings German nouns of peoples and places take
// (Hugenott-en, Schott-land, Protestant-en, Amerik-a).
func derivedNouns(m mapping.IndexMapping, known *termChecker, word string) []counted {
	w := strings.ToLower(word)
	var stem string
	for _, end := range []string{"ische", "ischen", "ischer", "isches", "ischem", "isch"} {
		if s, ok := strings.CutSuffix(w, end); ok {
			stem = s
			break
		}
	}
	if utf8.RuneCountInString(stem) < 3 {
		return nil
	}
	forms := []string{stem, stem + "e", stem + "en", stem + "n", stem + "er", stem + "land", stem + "ien", stem + "a"}
	if s, ok := strings.CutSuffix(stem, "an"); ok {
		forms = append(forms, s+"a")
	}
	return appendKnown(nil, m, known, map[string]bool{}, forms...)
}

// nounSuffixes are the suffixes that make a noun of a noun or adjective,
// with their plural.
var nounSuffixes = []string{"schaften", "schaft", "heiten", "heit", "keiten", "keit"}

// suffixBase is the analysed word a capitalised noun in -schaft, -heit or
// -keit is made from, in the forms the passages have: the stem itself and
// its forms in -e and -en ("Gesundheit": gesund, "Wählerschaft": Wähler).
func suffixBase(m mapping.IndexMapping, known *termChecker, word string) []counted {
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return nil
	}
	w := strings.ToLower(word)
	var stem string
	for _, suf := range nounSuffixes {
		if s, ok := strings.CutSuffix(w, suf); ok {
			stem = s
			break
		}
	}
	if utf8.RuneCountInString(stem) < 3 {
		return nil
	}
	seen := map[string]bool{}
	for _, t := range analyse(m, analyzerText, word) {
		seen[t] = true
	}
	return appendKnown(nil, m, known, seen, stem, stem+"e", stem+"en")
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func toHit(h *search.DocumentMatch) Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	hit := Hit{
		ID: h.ID, Article: str(fieldArticle), Heading: str(fieldHeading), Passage: str(fieldText),
		Score: h.Score,
	}
	if p, ok := h.Fields[fieldParagraph].(float64); ok {
		hit.Paragraph = int(p)
	}
	switch v := h.Fields[fieldSources].(type) {
	case string:
		hit.Sources = []string{v}
	case []any:
		for _, s := range v {
			if s, ok := s.(string); ok {
				hit.Sources = append(hit.Sources, s)
			}
		}
	}
	return hit
}

// fragments cuts the passage into the excerpt with the most matched spans
// (or the opening, when nothing is marked), about size runes long, cut at
// word boundaries.
func fragments(text string, spans [][2]int, size int) []Fragment {
	spans = mergeSpans(text, spans)
	if utf8.RuneCountInString(text) <= size {
		return []Fragment{mark(text, 0, len(text), spans)}
	}
	// Slide a window over byte offsets; pick the start covering most spans.
	bestStart, bestCount := 0, -1
	for i, s := range spans {
		start := backToWord(text, s[0], size/4)
		end := forwardRunes(text, start, size)
		count := 0
		for _, t := range spans[i:] {
			if t[1] <= end {
				count++
			}
		}
		if count > bestCount {
			bestStart, bestCount = start, count
		}
	}
	end := forwardRunes(text, bestStart, size)
	end = backToSpace(text, bestStart, end)
	f := mark(text, bestStart, end, spans)
	if bestStart > 0 {
		f = append(Fragment{{Text: "… "}}, f...)
	}
	if end < len(text) {
		f = append(f, Span{Text: " …"})
	}
	return []Fragment{f}
}

func mergeSpans(text string, spans [][2]int) [][2]int {
	valid := spans[:0]
	for _, s := range spans {
		if s[0] >= 0 && s[1] <= len(text) && s[0] < s[1] {
			valid = append(valid, s)
		}
	}
	sort.Slice(valid, func(i, j int) bool { return valid[i][0] < valid[j][0] })
	var out [][2]int
	for _, s := range valid {
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

func mark(text string, from, to int, spans [][2]int) Fragment {
	var f Fragment
	pos := from
	for _, s := range spans {
		if s[1] <= from || s[0] >= to {
			continue
		}
		a, b := max(s[0], from), min(s[1], to)
		if a > pos {
			f = append(f, Span{Text: text[pos:a]})
		}
		f = append(f, Span{Text: text[a:b], Match: true})
		pos = b
	}
	if pos < to {
		f = append(f, Span{Text: text[pos:to]})
	}
	return f
}

// backToWord moves from byte offset i back by up to n runes, to the start of
// a word.
func backToWord(text string, i, n int) int {
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	return i
}

func forwardRunes(text string, i, n int) int {
	for k := 0; k < n && i < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

func backToSpace(text string, from, end int) int {
	if end >= len(text) {
		return len(text)
	}
	for j := end; j > from+(end-from)*2/3; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			return j - size
		}
		j -= size
	}
	return end
}

// boostVerbForm weighs another form of a question's verb: the light
// stemmer joins the inflections of nouns and adjectives but not of verbs
// ("verhindert" and "verhindern" stay two terms), and a question is often
// phrased with the verb where the passage has its noun or the other way
// round ("gebaut": Bau, "Förderung": gefördert). Chosen on XQuAD's tuning
// half (BENCHMARKS.md); a variable so that tests can turn it off.
var boostVerbForm = 0.5

// verbEndings are the endings of the present and past tense, the
// participle and the infinitive, longest first; each one cut off gives a
// candidate stem.
var verbEndings = []string{"eten", "ten", "tet", "te", "et", "t", "en", "n", "e"}

// separablePrefixes are the particles a participle's ge- follows
// ("eingebürgert": ein-ge-bürgert).
var separablePrefixes = []string{"ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "her", "hin", "mit", "nach", "um", "vor", "weg", "zu", "zurück"}

// verbForms are the analysed forms of the verb of word that the passages
// have and that the word's own analysis does not give: for a lower-case
// word (German capitalises nouns, so it is a verb, adjective or particle)
// its stem with each verb ending cut and the participle's ge- removed,
// then that stem's inflections, its participle and its noun in -ung; for a
// capitalised noun in -ung, the forms of its verb. Only forms the passages
// have count, so an adjective whose cut stem is no verb finds nothing.
func verbForms(m mapping.IndexMapping, known *termChecker, word string) []counted {
	r, _ := utf8.DecodeRuneInString(word)
	w := strings.ToLower(word)
	var stems []string
	if unicode.IsUpper(r) {
		for _, end := range []string{"ungen", "ung"} {
			if s, ok := strings.CutSuffix(w, end); ok {
				stems = append(stems, s)
				break
			}
		}
		// And the other way round: Multiplikation: multipliziert.
		if s, ok := cutAny(w, "ikationen", "ikation"); ok {
			stems = append(stems, s+"izier")
		} else if s, ok := cutAny(w, "ationen", "ation"); ok {
			stems = append(stems, s+"ier")
		}
	} else {
		for _, end := range verbEndings {
			if s, ok := strings.CutSuffix(w, end); ok {
				stems = append(stems, s)
			}
		}
	}
	var bases []string
	for _, s := range stems {
		if utf8.RuneCountInString(s) < 3 {
			continue
		}
		bases = append(bases, s)
		if rest, ok := strings.CutPrefix(s, "ge"); ok && utf8.RuneCountInString(rest) >= 3 {
			bases = append(bases, rest)
		}
		for _, p := range separablePrefixes {
			if rest, ok := strings.CutPrefix(s, p+"ge"); ok && utf8.RuneCountInString(rest) >= 3 {
				bases = append(bases, p+rest)
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range analyse(m, analyzerText, word) {
		seen[t] = true
	}
	var out []counted
	for _, s := range bases {
		forms := []string{s, s + "e", s + "en", s + "n", s + "t", s + "et", s + "te", s + "ten", s + "ung", s + "ungen", "ge" + s + "t", "ge" + s + "et"}
		if t, ok := strings.CutSuffix(s, "el"); ok {
			forms = append(forms, t+"lung") // entwickeln: Entwicklung
		}
		// A verb in -ieren has its noun in -ation, one in -izieren in
		// -ikation (multipliziert: Multiplikation, isoliert: Isolation).
		if t, ok := strings.CutSuffix(s, "izier"); ok {
			forms = append(forms, t+"ikation", t+"ikationen")
		} else if t, ok := strings.CutSuffix(s, "ier"); ok {
			forms = append(forms, t+"ation", t+"ationen")
		}
		out = appendKnown(out, m, known, seen, forms...)
	}
	return out
}

// boostStrongForm weighs a form of a strong or irregular verb that the
// dictionary lists ("umgibt": umgeben), as boostVerbForm weighs the
// forms of the ending rules. Chosen on XQuAD's tuning half (0.1 to 0.4
// alike, 0.5 and above worse: the forms of verbs as common as liegen
// then outweigh the question's other words; BENCHMARKS.md); a variable so
// that tests can turn it off.
var boostStrongForm = 0.3

// strongForms are the analysed forms the passages have of the strong or
// irregular verb of word, which no ending rule finds ("umgibt": umgeben,
// "geschlossen": schloss), from the dictionary's paradigms
// (german.VerbForms); an infinitive among them also gives its noun in
// -ung ("geschlossen": Schließung), and a capitalised noun in -ung its
// verb's forms ("Schließung": geschlossen).
func strongForms(m mapping.IndexMapping, known *termChecker, word string) []counted {
	r, _ := utf8.DecodeRuneInString(word)
	w := strings.ToLower(word)
	var forms []string
	if unicode.IsUpper(r) {
		for _, end := range []string{"ungen", "ung"} {
			if s, ok := strings.CutSuffix(w, end); ok {
				forms = german.Default().VerbForms(s + "en")
				break
			}
		}
	} else {
		forms = german.Default().VerbForms(w)
	}
	if forms == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, t := range analyse(m, analyzerText, word) {
		seen[t] = true
	}
	for _, f := range verbForms(m, known, word) {
		seen[f.term] = true // weighed as the ending rules' forms already
	}
	out := appendKnown(nil, m, known, seen, forms...)
	for _, f := range forms {
		if s, ok := strings.CutSuffix(f, "en"); ok && utf8.RuneCountInString(s) >= 3 {
			out = appendKnown(out, m, known, seen, s+"ung", s+"ungen")
		}
	}
	return out
}

// boostDegree weighs an adjective's superlative for its positive and the
// other way round ("groß": zweitgrößte, "ältesten": alt).
var boostDegree = 0.5

// adjectiveEndings are the endings of an inflected adjective, longest
// first, and none.
var adjectiveEndings = []string{"en", "er", "es", "em", "e", ""}

// degreeForms are the analysed forms the passages have of a lower-case
// word's other degree. The light stemmer joins an adjective with its
// comparative ("größer": groß) and cuts the superlative's -st after most
// consonants and its -est ("schönsten": schön, "ältesten": alt), but not
// after r, s or ß ("schwerste", "größte"), and nothing joins a positive
// with its superlative: "wie groß" is asked of "die größten Flughäfen". A
// word that ends in a superlative's -(e)st- and an ending finds its
// positive; any other lower-case word finds its superlatives. Umlauts need
// no rule: the text field folds them. Only forms the passages have count,
// so a word that is no adjective finds nothing, and forms verbForms gives
// (its -te cut takes "größte" to groß) are not given twice.
func degreeForms(m mapping.IndexMapping, known *termChecker, word string) []counted {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsLower(r) {
		return nil // German capitalises nouns: an adjective is lower-case
	}
	w := strings.ToLower(word)
	seen := map[string]bool{}
	for _, t := range analyse(m, analyzerText, word) {
		seen[t] = true
	}
	for _, f := range verbForms(m, known, word) {
		seen[f.term] = true
	}
	for _, end := range adjectiveEndings {
		s, ok := strings.CutSuffix(w, end)
		if !ok || end == "" && !strings.HasSuffix(s, "st") {
			continue
		}
		// größt- is groß + t: after s or ß the superlative adds only -t.
		for _, sup := range []string{"est", "st", "t"} {
			base, ok := strings.CutSuffix(s, sup)
			if !ok || utf8.RuneCountInString(base) < 3 {
				continue
			}
			if sup == "t" && !strings.HasSuffix(base, "ß") && !strings.HasSuffix(base, "s") {
				continue
			}
			return appendKnown(nil, m, known, seen, base, base+"e", base+"en")
		}
	}
	var forms []string
	for _, sup := range []string{"st", "est", "t"} {
		if sup == "t" && !strings.HasSuffix(w, "ß") && !strings.HasSuffix(w, "s") {
			continue
		}
		for _, end := range adjectiveEndings {
			if end != "" {
				forms = append(forms, w+sup+end)
			}
		}
	}
	return appendKnown(nil, m, known, seen, forms...)
}

// cutAny cuts the first of the suffixes w ends in.
func cutAny(w string, suffixes ...string) (string, bool) {
	for _, suf := range suffixes {
		if s, ok := strings.CutSuffix(w, suf); ok {
			return s, true
		}
	}
	return "", false
}

// boostForeign weighs the other number of a noun from Latin or Greek
// (foreignForms): nearly the word itself, a little less because an ending
// pair can meet by chance (Indien: Indium). XQuAD's tuning half gave the
// same at 0.4 to 1 (one question gains); a variable so that tests can turn
// it off.
var boostForeign = 0.8

// foreignEndings are the singular and plural endings of nouns German took
// from Latin and Greek: Bakterium/Bakterien, Zentrum/Zentren, Visum/Visa,
// Organismus/Organismen, Modus/Modi, Firma/Firmen, Schema/Schemata,
// Stadion/Stadien, Lexikon/Lexika, Konto/Konten, Cello/Celli, Basis/Basen,
// Matrix/Matrizen, Index/Indizes. The light stemmer cuts the plural's -en
// but not the singular's ending, so the two stay apart.
var foreignEndings = [][2]string{
	{"ium", "ien"}, {"um", "en"}, {"um", "a"}, {"us", "en"}, {"us", "i"},
	{"a", "en"}, {"ma", "mata"}, {"ion", "ien"}, {"on", "a"}, {"o", "en"},
	{"o", "i"}, {"is", "en"}, {"ix", "izen"}, {"ex", "izes"},
}

// foreignForms are the forms of a capitalised word in the other number of
// each foreign ending it has: the plural of a singular and the singular
// of a plural, lower-case. Which of them is a word is for the passages to
// say (appendKnown); stems under three letters are left alone ("Bus").
func foreignForms(word string) []string {
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return nil // German capitalises nouns
	}
	w := strings.ToLower(word)
	var out []string
	for _, e := range foreignEndings {
		for _, pair := range [][2]string{{e[0], e[1]}, {e[1], e[0]}} {
			if stem, ok := strings.CutSuffix(w, pair[0]); ok && utf8.RuneCountInString(stem) >= 3 {
				out = append(out, stem+pair[1])
			}
		}
	}
	return out
}
