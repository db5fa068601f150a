package claims

import "strings"

// People named by what they do: "380.000 Nutzer des Deutschlandtickets"
// and "450.000 Menschen nutzen das Deutschlandticket", "Abonnenten" and
// "haben ein Abo", "der Anteil der Radfahrer unter den Berufstätigen" and
// "21 Prozent der Berufstätigen fahren mit dem Rad". German makes a noun
// for the doer from the verb ("nutzen", "Nutzer"; "pendeln", "Pendler"),
// from a noun ("Abo", "Abonnent") or from both ("Rad fahren",
// "Radfahrer"); the other sentence says the same in its verb and nouns.

// doerSaid reports whether the clause of c says what the doer noun q (a
// noun key, "nutz", "abonnent", "radfahr") does: its verb ("nutzen"), its
// noun and verb for a compound ("Blut spenden" for "Blutspender"), or, in a
// clause without a content verb, the noun it is made from ("ein Abo
// haben").
func doerSaid(q string, c *Claim) bool {
	if len(q) < 4 || strings.HasPrefix(q, "v:") {
		return false
	}
	base := doerBase(q)
	if verbSaid(base, c) {
		return true
	}
	// "Einwohner", "Bewohner", "Anwohner": the verb without its prefix
	for _, pre := range []string{"ein", "be", "an"} {
		if b, ok := strings.CutPrefix(base, pre); ok && len(b) >= 4 && verbSaid(b, c) {
			return true
		}
	}
	// a compound: the first part is a noun or name of the clause, the last
	// one the doer of its verb ("Blut spenden", "mit dem Rad fahren")
	parts := germanData().SplitCompound(q + "er")
	if len(parts) < 2 {
		parts = germanData().SplitCompound(q)
	}
	if len(parts) >= 2 {
		first := stem(strings.Join(parts[:len(parts)-1], ""))
		last := doerBase(stem(parts[len(parts)-1]))
		return len(first) >= 3 && (containsString(c.nouns, first) || containsName(c.Anchors, first)) && verbSaid(last, c)
	}
	if contentPreds(c.preds) {
		return false // "haben ihr Abo gekündigt": what they did to it is said
	}
	for _, n := range c.nouns {
		if n != c.Key && len(n) >= 3 && len(n) < len(base) && strings.HasPrefix(base, n) {
			return true
		}
	}
	return false
}

// verbSaid: the stem of a doer noun is a verb of the clause.
func verbSaid(base string, c *Claim) bool {
	if len(base) < 3 {
		return false
	}
	sk := skeleton(base)
	if len(sk) >= 2 && containsString(c.preds, sk) {
		return true
	}
	return synonymVerbSaid(base, c)
}

// maxVerbSynonyms is how many synonyms a doer's verb may have for them to
// stand for it: "wohnen" has one ("leben": "Einwohner" and "In Hameln
// leben 50.000 Menschen"); "pendeln" has eight, among them "fahren", and
// those who cycle are not the commuters.
const maxVerbSynonyms = 2

// synonymVerbSaid: a verb of c's clause is a thesaurus synonym of the
// verb whose stem base is ("wohn"), a verb of one or two synonyms only.
func synonymVerbSaid(base string, c *Claim) bool {
	if len(c.preds) == 0 {
		return false
	}
	infs := []string{base + "en"}
	if n := len(base); n >= 4 && (base[n-1] == 'l' || base[n-1] == 'r') && !strings.ContainsRune("aeiouäöü", rune(base[n-2])) {
		infs = append(infs, base[:n-1]+"e"+base[n-1:]+"n") // "pendl": "pendeln"
	}
	for _, inf := range infs {
		for _, e := range synonymsOf(inf) {
			if e.lemma != inf || len(e.syns) > maxVerbSynonyms {
				continue
			}
			for syn := range e.syns {
				if k := verbKey(syn); len(k) >= 2 && containsString(c.preds, k) {
					return true
				}
			}
		}
	}
	return false
}

// doerBase cuts what makes a doer noun of a noun key: "abonnent" is made
// from "Abo(nnement)", "studierend" from "studieren"; a key has lost its
// "-er" already ("nutz", "pendl").
func doerBase(q string) string {
	for _, suf := range []string{"ent", "ant", "end"} {
		if b, ok := strings.CutSuffix(q, suf); ok && len(b) >= 3 {
			return b
		}
	}
	return q
}

// doersOf: x counts people by a doer noun, y counts people ("Menschen")
// and says what they do; both name another same thing (the ticket), and
// x's verb, if it has one, is y's ("1.500 Busfahrer streikten" are not
// those who rode the bus).
func doersOf(x, y *Claim) bool {
	if y.Key != genericKey || x.Unit != y.Unit || x.Key == genericKey || equivalenceKey(x.Key) {
		return false
	}
	if contentPreds(x.preds) && !sharesPredicate(x, y) {
		return false
	}
	return doerSaid(pairKey(x), y) && sameSetting(x, y)
}

// sameSetting: the clauses share a noun besides what they measure, or a
// name ("Bremen", read as a noun at the head of a sentence, too) while
// neither names another thing ("das Semesterticket").
func sameSetting(x, y *Claim) bool {
	if sharesOtherNoun(x, y) {
		return true
	}
	if !namesShared(x, y) && !nounNamed(x, y) && !nounNamed(y, x) {
		return false
	}
	return !otherNouns(x, y) && !otherNouns(y, x)
}

// nounNamed: a noun of x is a name of y's sentence.
func nounNamed(x, y *Claim) bool {
	for _, n := range x.nouns {
		if n != x.Key && len(n) >= 4 && containsName(y.Anchors, n) {
			return true
		}
	}
	return false
}

// otherNouns: x's clause has a content noun besides its measured noun, a
// name and the other's nouns ("das Semesterticket" against "das
// Deutschlandticket").
func otherNouns(x, y *Claim) bool {
	for _, n := range x.nouns {
		// (a place's title names no thing: "Die Stadt Bremen")
		if n != x.Key && len(n) >= 5 && !placeTitles[n] && !containsNoun(y.nouns, n) && !containsName(y.Anchors, n) && !containsName(y.ctx.around(y.Paragraph), n) &&
			!titleOfName(x, n) {
			return true
		}
	}
	return false
}

// titleOfName: the noun n stands right before one of c's names, as the
// kind of thing the name is ("Der Autozulieferer Brose", "die
// Gewerkschaft Verdi"): it names what the name does, no thing besides.
func titleOfName(c *Claim, n string) bool {
	words := strings.Fields(c.Text)
	for i := 0; i+1 < len(words); i++ {
		w := strings.Trim(words[i], ",.;:!?„“\"()")
		if w == "" || stem(w) != n || strings.ContainsAny(words[i], ",;:") {
			continue
		}
		next := strings.Trim(words[i+1], ",.;:!?„“\"()")
		if next != "" && containsName(c.Anchors, nameKey(next)) {
			return true
		}
	}
	return false
}

// sharesOtherNoun: a content noun of both clauses other than what either
// measures.
func sharesOtherNoun(x, y *Claim) bool {
	for _, n := range x.nouns {
		if n == x.Key || n == y.Key || len(n) < 5 || strings.HasPrefix(n, "v:") {
			continue
		}
		for _, m := range y.nouns {
			if m != y.Key && m != x.Key && nounsMatch(n, m) {
				return true
			}
		}
	}
	return false
}

// shareKeys are the nouns that measure a share of a population: "Der
// Anteil der Pendler unter den Beschäftigten", "die Quote".
var shareKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("Anteil Quote Prozentsatz") {
		m[nounKey(w)] = true
	}
	return m
}()

// populationKeys name a whole population without narrowing it: "der
// Anteil der Blutspender an der Bevölkerung".
var populationKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("Bevölkerung Einwohner Einwohnern Bürger Bürgern") {
		m[nounKey(w)] = true
	}
	return m
}()

// shareOf: x is a share ("Der Anteil der Raucher unter den Erwachsenen
// liegt bei 24 Prozent") and y a percentage of a population said to do
// something ("18 Prozent der Erwachsenen rauchen"): x names y's population,
// or names the whole population where y's population is a place's people
// ("an der Bevölkerung … in Sachsen", "der Sachsen"), and says as a doer
// noun what y's verb says.
func shareOf(x, y *Claim) bool {
	if x.Unit != "%" || y.Unit != "%" || !shareKeys[x.Key] || y.Key == "" || strings.HasPrefix(y.Key, "v:") {
		return false
	}
	population := containsNoun(x.nouns, y.Key)
	if !population {
		for _, n := range x.nouns {
			if populationKeys[n] && (containsName(x.Anchors, y.Key) || containsName(x.ctx.around(x.Paragraph), y.Key)) {
				population = true
			}
		}
	}
	return population && shareSaid(x, y)
}

// shareSaid: a noun of share x other than its key and y's population is
// said by y's clause.
func shareSaid(x, y *Claim) bool {
	for _, n := range x.nouns {
		if n != x.Key && !nounsMatch(n, y.Key) && doerSaid(n, y) {
			return true
		}
	}
	return false
}

// shareUnsaid: a share whose doers y's clause does not say ("Der Anteil
// der Autofahrer unter den Berufstätigen" against "21 Prozent der
// Berufstätigen fahren mit dem Rad"): the two measure different parts of
// one population, whatever else they share.
func shareUnsaid(x, y *Claim) bool {
	if x.Unit != "%" || y.Unit != "%" || !shareKeys[x.Key] || !containsNoun(x.nouns, y.Key) {
		return false
	}
	others := false
	for _, n := range x.nouns {
		if n != x.Key && !nounsMatch(n, y.Key) && !populationKeys[n] {
			others = true
		}
	}
	return others && !shareSaid(x, y)
}

// rateHeads end a compound that names a rate of what its first part
// says: "Recyclingquote", "Aufklärungsrate", "Impfquote".
var rateHeads = set("quote rate")

// rateModifier returns what a rate compound is a rate of, as the
// dictionary splits it ("recycling", "aufklärung"), or "". Of three parts
// the one next to the rate says what happens ("Grippeimpfquote": "impf";
// "gegen Grippe" is a noun of the other clause).
func rateModifier(head string) string {
	if head == "" {
		return ""
	}
	parts := splitNoun(strings.ToLower(head)).parts
	if len(parts) < 2 || !rateHeads[parts[len(parts)-1]] {
		return ""
	}
	return parts[len(parts)-2]
}

// eventSaid reports a verb of c's clause that is the noun m of a rate
// said as a verb: "Aufklärung", "aufgeklärt"; "Recycling", "recycelt";
// "arbeitslos", "waren arbeitslos".
func eventSaid(m string, c *Claim) bool {
	cands := []string{verbKey(m), skeleton(m)}
	for _, suf := range []string{"ierung", "ung", "ing"} {
		if b, ok := strings.CutSuffix(m, suf); ok && len(b) >= 3 {
			cands = append(cands, skeleton(b))
		}
	}
	for _, k := range cands {
		if len(k) >= 2 && containsString(c.preds, k) {
			return true
		}
	}
	return false
}

// rateOf: x is a rate ("Die Recyclingquote der Siedlungsabfälle") and y
// the share of what x names ("Von den Siedlungsabfällen … sind 58 Prozent
// recycelt worden"): y's verb says x's rate, and x's population is a noun
// of y's clause, whatever y's figure is read as measuring.
func rateOf(x, y *Claim) bool {
	if x.Unit != "%" || y.Unit != "%" {
		return false
	}
	m := rateModifier(x.Head)
	if m == "" || !eventSaid(m, y) {
		return false
	}
	for _, n := range x.nouns {
		if n != x.Key && len(n) >= 5 && !strings.HasPrefix(n, "v:") && (nounsMatch(n, y.Key) || containsNoun(y.nouns, n)) {
			return true
		}
	}
	return false
}

// rateUnsaid: x is a rate of one thing happening and y's clause says
// another ("Die Recyclingquote …" and "33 Prozent … wurden verbrannt"): a
// share of what was burnt is not the rate of what was recycled.
func rateUnsaid(x, y *Claim) bool {
	if x.Unit != "%" || y.Unit != "%" || !contentPreds(y.preds) {
		return false
	}
	m := rateModifier(x.Head)
	if m == "" || eventSaid(m, y) || containsNoun(y.nouns, stem(m)) {
		return false
	}
	return true
}

// compoundByAdjective: x's measured noun is a compound whose last part is
// y's measured noun, and the word before y's noun is an adjective or
// participle that contains the compound's first part: "Fundtiere" and
// "aufgefundene Tiere", "Großbrände" and "große Brände".
func compoundByAdjective(x, y *Claim) bool {
	if x.Head == "" || y.Head == "" || y.Key == "" || strings.HasPrefix(y.Key, "v:") {
		return false
	}
	parts := splitNoun(strings.ToLower(x.Head)).parts
	if len(parts) < 2 || stem(parts[len(parts)-1]) != y.Key {
		return false
	}
	m := foldUmlauts(strings.Join(parts[:len(parts)-1], ""))
	if len(m) < 3 {
		return false
	}
	words := strings.Fields(y.Text)
	for i := 1; i < len(words); i++ {
		if strings.Trim(words[i], ",.;:!?„“\"()") != y.Head {
			continue
		}
		adj := strings.Trim(words[i-1], ",.;:!?„“\"()")
		if adj != "" && adj == strings.ToLower(adj) && strings.Contains(foldUmlauts(adj), m) {
			return true
		}
	}
	return false
}

// actNounOf: x counts people by what they did ("600 Menschen bewarben
// sich", "haben sich angemeldet") and y counts the acts by the noun of
// that verb ("850 Bewerbungen", "Anmeldungen"), and the two share what the
// acts were for ("Stadtlauf"). A noun with a marked kind ("Ja-Stimmen")
// is left alone: which way a vote went is not read.
func actNounOf(x, y *Claim) bool {
	if x.Unit != "" || y.Unit != "" || strings.Contains(y.Head, "-") || x.Key == y.Key ||
		len(y.Key) < 5 || strings.HasPrefix(y.Key, "v:") || equivalenceKey(y.Key) {
		return false
	}
	sk := skeleton(y.Key)
	for _, p := range x.preds {
		// (a verb of two consonants, "ausleihen", only against a long noun)
		if (len(p) >= 3 || len(p) == 2 && len(y.Key) >= 6) && (sk == p || sk == p+"ng") {
			return sameSetting(x, y)
		}
	}
	return false
}

// verbNounOf: x's measured noun is made of a verb of y's clause
// ("Investitionen", "investiert"; "Sanierung", "saniert"), and the two
// share a noun besides ("in den Straßenbau").
func verbNounOf(x, y *Claim) bool {
	if v, ok := strings.CutPrefix(x.Key, "v:"); ok && x.Unit == "" && y.Unit == "" {
		// a noun keyed by its verb ("Geburten", "geboren"), counting the
		// acts, against those the verb befell ("1.200 Kinder geboren")
		return len(v) >= 2 && !strings.HasPrefix(y.Key, "v:") && containsString(y.preds, v) && sameSetting(x, y)
	}
	if len(x.Key) < 6 || strings.HasPrefix(x.Key, "v:") || equivalenceKey(x.Key) || x.Unit != y.Unit {
		return false
	}
	k := nounVerbKey(x.Key)
	if (len(k) < 3 || !containsString(y.preds, k)) && !compoundVerbSaid(x, y) {
		return false
	}
	if contentPreds(x.preds) && !sharesPredicate(x, y) {
		return false // "Investitionen … eingeplant" is a plan, not what was invested
	}
	return sameSetting(x, y)
}

// compoundVerbSaid: x's measured noun is a compound of a word and a noun
// made of a verb ("Neuzulassungen") and y's clause says both, the word
// apart and the verb ("neu zugelassen", "wieder angemeldet").
func compoundVerbSaid(x, y *Claim) bool {
	parts := germanData().SplitCompound(strings.ToLower(x.Head))
	if len(parts) != 2 || len(parts[0]) < 3 {
		return false
	}
	k := nounVerbKey(stem(parts[1]))
	if len(k) < 3 || !containsString(y.preds, k) {
		return false
	}
	first := parts[0]
	for _, w := range letterWords(y.Text) {
		if w == first || w == first+"mals" {
			return true // (lower case: an adverb or adjective, not a noun)
		}
	}
	return false
}

// nounVerbKey is the verb key of a noun made of a verb: "-ung" off
// ("sanierung", "sanier"), "-ation", "-ition" for "-ieren"
// ("investition", "investier"), or "".
func nounVerbKey(k string) string {
	for _, suf := range []string{"ation", "ition"} {
		if b, ok := strings.CutSuffix(k, suf); ok && len(b) >= 4 {
			return skeleton(b + "ier")
		}
	}
	if b, ok := strings.CutSuffix(k, "ung"); ok && len(b) >= 4 {
		return verbKey(b + "en")
	}
	return ""
}

// unsaidModifiers are c's modifiers but those the other's measured noun
// says as its first part: "große Brände" narrows nothing against
// "Großbrände".
func unsaidModifiers(c, other *Claim) []string {
	if len(c.Modifiers) == 0 || other.Head == "" {
		return c.Modifiers
	}
	parts := splitNoun(strings.ToLower(other.Head)).parts
	if len(parts) < 2 {
		return c.Modifiers
	}
	first := foldUmlauts(strings.Join(parts[:len(parts)-1], ""))
	var out []string
	for _, m := range c.Modifiers {
		if fm := foldUmlauts(strings.ToLower(m)); len(fm) < 3 || !strings.Contains(first, fm) {
			out = append(out, m)
		}
	}
	return out
}

// groupNouns end a compound that names a group of people by what its
// first part says they are: "Schulklasse" (Schüler), "Wandergruppe"
// (Wanderer).
var groupNouns = set("klasse gruppe mannschaft team einheit kurs jahrgang besatzung")

// personHead: a noun for people, by its form or, through the thesaurus,
// as a kind of person ("Jugendliche", "Erwachsene").
func personHead(head string) bool {
	lw := strings.ToLower(head)
	if genericHeads[lw] || personNoun(head) {
		return true
	}
	for _, w := range []string{head, lw + "r"} {
		b := broaderOf(w)
		if b["person"] || b["mensch"] {
			return true
		}
	}
	return false
}

// membersOfGroup: x counts people as members of a group ("17 Jugendliche
// einer Schulklasse") whose name begins with y's people ("Schüler"), and
// the two clauses share a name and a noun besides: the same people of one
// event.
func membersOfGroup(x, y *Claim) bool {
	if x.Unit != "" || y.Unit != "" || x.Key == y.Key || len(y.Key) < 4 || strings.HasPrefix(y.Key, "v:") ||
		!personHead(x.Head) || !personHead(y.Head) || occupation(x.Head) {
		return false
	}
	group := ""
	for _, n := range x.nouns {
		if n == x.Key {
			continue
		}
		parts := splitKey(n)
		if len(parts) >= 2 && groupNouns[parts[len(parts)-1]] && firstPartIs(parts, pairKey(y)) {
			group = n
			break
		}
	}
	if group == "" || !namesShared(x, y) {
		return false
	}
	for _, n := range x.nouns {
		if n != x.Key && n != group && n != y.Key && len(n) >= 5 && containsNoun(y.nouns, n) {
			return true
		}
	}
	return false
}

// occupation: people named by their work ("Lehrer", "Erzieher"), whom
// the word lists file under the working: a class's teachers are not its
// members, as people named by age or kind ("Jugendliche") are.
func occupation(head string) bool {
	b := broaderOf(head)
	return b["berufstätige"] || b["berufstätiger"]
}

// splitKey splits a noun key, which has lost its ending ("schulklass"),
// by the dictionary: as it is, or with the endings a key loses.
func splitKey(k string) []string {
	for _, end := range []string{"", "e", "en", "er"} {
		if parts := splitNoun(k + end).parts; len(parts) >= 2 {
			return parts
		}
	}
	return nil
}

// firstPartIs: the parts before a compound's last one are the noun key k,
// as written, as a stem ("schul" for "Schüler") or with the linking
// letters the split took off ("Wandergruppe" is split "wand", "gruppe").
func firstPartIs(parts []string, k string) bool {
	first := foldUmlauts(strings.Join(parts[:len(parts)-1], ""))
	if first == k || stem(first) == k {
		return true
	}
	rest, ok := strings.CutPrefix(k, first)
	return ok && len(first) >= 3 && (rest == "er" || rest == "en" || rest == "n" || rest == "e" || rest == "s")
}

// caseHeads end a compound that counts cases of what its first part
// names: "Grippefälle", "Masernerkrankungen", "Coronainfektionen".
var caseHeads = set("fall fälle fällen erkrankung erkrankungen infektion infektionen")

// illVerbs are the keys of the verbs of catching an illness: "erkrankt",
// "infiziert", "angesteckt".
var illVerbs = verbSet("erkranken erkrankt infizieren infiziert anstecken angesteckt")

// casesOf: x counts cases of an illness by a compound ("1.800
// Grippefälle") and y people said to have caught it ("2.300 Menschen an
// Grippe erkrankt"): one case is one person ill.
func casesOf(x, y *Claim) bool {
	if y.Key != genericKey || x.Unit != "" || y.Unit != "" || x.Head == "" {
		return false
	}
	parts := splitNoun(strings.ToLower(x.Head)).parts
	if len(parts) < 2 || !caseHeads[parts[len(parts)-1]] {
		return false
	}
	ill := false
	for _, p := range y.preds {
		ill = ill || illVerbs[p]
	}
	// (an illness at the head of a phrase is read as a name: "an Grippe")
	m := stem(strings.Join(parts[:len(parts)-1], ""))
	return ill && (containsString(y.nouns, m) || containsName(y.Anchors, m))
}

// withoutOf: x counts people by an adjective in "-los" ("62.000
// Arbeitslose", "Obdachlose") and y people "ohne" what the adjective is
// made of ("58.000 Menschen ohne Arbeit"): "ohne Arbeit" is "arbeitslos".
func withoutOf(x, y *Claim) bool {
	if y.Key != genericKey || x.Unit != "" || y.Unit != "" {
		return false
	}
	base, ok := strings.CutSuffix(x.Key, "los")
	if !ok || len(base) < 4 {
		return false
	}
	// (with its linking "s": "arbeitslos" is "Arbeit" + "s" + "los")
	short := strings.TrimSuffix(base, "s")
	words := letterWords(strings.ToLower(y.Text))
	for i := 0; i+1 < len(words); i++ {
		if w := foldUmlauts(words[i+1]); words[i] == "ohne" && (w == base || w == short || stem(w) == base) {
			return true
		}
	}
	return false
}

// pairKey is the key of a measured noun written as the pair of the
// feminine and the masculine plural ("Abonnentinnen und Abonnenten",
// "Schülerinnen und Schüler"): the masculine's. A feminine plural alone
// counts women only and keeps its key.
func pairKey(c *Claim) string {
	k, ok := strings.CutSuffix(c.Key, "inn")
	if !ok || len(k) < 4 || !strings.HasSuffix(c.Head, "innen") {
		return c.Key
	}
	words := strings.Fields(c.Text)
	for i := 0; i+1 < len(words); i++ {
		if strings.Trim(words[i], ",.;:") == c.Head && words[i+1] == "und" {
			return stem(k)
		}
	}
	return c.Key
}
