package claims

import (
	"sort"
	"strings"
)

// All word lists live here so that extending the domain (a new actor, a new
// verb for "send") is a one-line change, not a hunt through the rules. Keys
// are lower case.

// relKind is the fine-grained relation a figure stands in.
type relKind uint8

const (
	kNone relKind = iota
	kOffer
	kConsider
	kPlan
	kSend
	kReceive
	kDeployed
	kStrength
	kReserve
	kKilled
	kLosses
	kWounded
	kFired
	kIntercepted
	kDeliver
	kProduce
	kIncrease
	kWithdraw
)

// relInfo names each relation (German label shown to users) and its family:
// figures are only compared within a family. Offering, planning, sending,
// delivering, receiving and being deployed are one family, "transfer",
// because they are stages of the same event (troops or goods going from A to
// B); the mode (plan or report) tells them apart, and the counted thing
// tells troops from shells.
var relInfo = [...]struct{ label, family string }{
	kNone:        {"", ""},
	kOffer:       {"anbieten", "transfer"},
	kConsider:    {"erwägen", "transfer"},
	kPlan:        {"planen", "transfer"},
	kSend:        {"schicken", "transfer"},
	kReceive:     {"erhalten", "transfer"},
	kDeployed:    {"im Einsatz", "transfer"},
	kStrength:    {"verfügen über", "strength"},
	kReserve:     {"in Reserve", "reserve"},
	kKilled:      {"getötet", "killed"},
	kLosses:      {"Verluste", "losses"},
	kWounded:     {"verwundet", "wounded"},
	kFired:       {"abfeuern", "fired"},
	kIntercepted: {"abfangen", "intercepted"},
	kDeliver:     {"liefern", "transfer"},
	kProduce:     {"herstellen", "produce"},
	kIncrease:    {"verstärken", "increase"},
	kWithdraw:    {"abziehen", "withdraw"},
}

// isPlan reports relations that are intentions by their meaning, whatever
// the verb's tense: an offer made in the past is still only an offer.
func (k relKind) isPlan() bool { return k == kOffer || k == kConsider || k == kPlan }

// priority orders cues of one clause: the more specific stance wins, so
// "100.000 Soldaten für den Einsatz versprochen" is an offer, not a
// deployment.
func (k relKind) priority() int {
	switch k {
	case kOffer:
		return 9
	case kConsider:
		return 8
	case kPlan:
		return 7
	case kWithdraw:
		return 6
	case kSend, kReceive, kDeliver, kFired, kIntercepted, kKilled, kLosses, kWounded, kReserve:
		return 5
	case kDeployed, kStrength, kProduce, kIncrease:
		return 4
	}
	return 0
}

// verbForm tells plans from reports for verbs whose stance depends on form:
// "entsenden" after "will" is a plan, "entsandt" a report.
type verbForm uint8

const (
	fAny        verbForm = iota // nouns, adjectives: stance from context
	fFinite                     // schickt, schickte: a report
	fParticiple                 // geschickt: a report unless "geschickt werden soll"
	fInfinitive                 // schicken: a plan after a modal or "zu"
	fZuInf                      // einzusetzen: a plan
)

type cue struct {
	kind relKind
	form verbForm
}

// cueWords maps a word form to the relation it signals.
var cueWords = func() map[string]cue {
	m := map[string]cue{}
	add := func(k relKind, f verbForm, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = cue{k, f}
		}
	}
	add(kOffer, fAny, "versprochen versprach versprachen verspricht versprechen zugesagt zusage zusagen zugesichert "+
		"angeboten anbieten anzubieten angebot angebots hilfsangebot hilfsangebots bietet bot boten bieten "+
		"bereiterklärt bereit aussicht")
	add(kConsider, fAny, "erwägt erwägen erwog erwogen prüft erwägung")
	add(kPlan, fAny, "plant plane planen planten geplant geplante geplanten plan pläne plänen vereinbart vereinbarung "+
		"angekündigt ankündigung beabsichtigt beabsichtigen vorgesehen")
	add(kSend, fParticiple, "geschickt entsandt gesandt gesendet verlegt abkommandiert bereitgestellt geschickten entsandten")
	add(kSend, fFinite, "schickt schickte schickten schicke entsendet entsandte entsende sendet sandte sandten verlegte verlegten")
	add(kSend, fInfinitive, "schicken entsenden senden verlegen bereitstellen zuschicken")
	add(kSend, fZuInf, "zuzuschicken bereitzustellen")
	add(kSend, fAny, "entsendung verlegung bereitstellung")
	add(kReceive, fFinite, "erhält erhielt erhielten erhalte bekommt bekam bekamen")
	add(kReceive, fParticiple, "erhalten bekommen")
	add(kDeployed, fParticiple, "eingesetzt stationiert")
	add(kDeployed, fInfinitive, "einsetzen kämpfen teilnehmen stationieren")
	add(kDeployed, fFinite, "kämpft kämpfte kämpften")
	add(kDeployed, fZuInf, "einzusetzen teilzunehmen")
	add(kStrength, fAny, "aktive aktiven aktiver aktiv umfasst umfasste umfassen starke starken starker stärke truppenstärke")
	add(kReserve, fAny, "reservist reservisten reservistinnen reservist:innen reservist*innen reserve")
	add(kKilled, fAny, "getötet tötete töteten gefallen gefallene gefallenen tote toten starben gestorben umgekommen getöteten")
	add(kLosses, fAny, "verluste verlust verlusten verloren verlor verlieren einbußen")
	add(kWounded, fAny, "verwundet verletzt verwundete verletzte verwundeten verletzten")
	add(kFired, fAny, "abgefeuert abfeuern abgefeuerten gestartet startete beschossen angegriffen")
	add(kIntercepted, fAny, "abgefangen abgewehrt abgeschossen zerstört")
	add(kDeliver, fParticiple, "geliefert beliefert exportiert")
	add(kDeliver, fFinite, "liefert lieferte lieferten liefere beliefert")
	add(kDeliver, fInfinitive, "liefern beliefern")
	add(kDeliver, fAny, "lieferung lieferungen")
	add(kProduce, fAny, "produziert produzieren hergestellt herstellen produktion")
	add(kIncrease, fInfinitive, "verstärken erhöhen aufstocken")
	add(kIncrease, fAny, "verstärkt erhöht aufgestockt gestiegen stieg")
	add(kWithdraw, fAny, "abgezogen abziehen abzug rückzug")
	return m
}()

// bigramCues are two-word cues, keyed "first second".
var bigramCues = map[string]cue{
	"im einsatz":    {kDeployed, fFinite},
	"ums leben":     {kKilled, fAny},
	"zur verfügung": {kOffer, fAny},
	"verfügt über":  {kStrength, fAny},
	"verfügen über": {kStrength, fAny},
	"verfügte über": {kStrength, fAny},
}

// separableCues are verbs whose particle closes the clause: "feuerte ...
// ab", "bietet ... an". The verb alone means something else ("setzte sich").
var separableCues = []struct {
	verbs    map[string]bool
	particle string
	kind     relKind
}{
	{set("feuert feuerte feuerten feuern"), "ab", kFired},
	{set("setzt setzte setzten setzen"), "ein", kDeployed},
	{set("nimmt nahm nahmen nehmen"), "teil", kDeployed},
	{set("stellt stellte stellten stellen"), "bereit", kSend},
	{set("stellt stellte stellten stellen"), "zur verfügung", kOffer},
	{set("sagt sagte sagten"), "zu", kOffer},
	{set("kündigt kündigte kündigten"), "an", kPlan},
	{set("bereitet bereitete bereiten"), "vor", kPlan},
	{set("fängt fing fingen"), "ab", kIntercepted},
	{set("zieht zog zogen"), "ab", kWithdraw},
	{set("griff griffen greift"), "an", kFired},
}

// Stance words. Read from the raw sentence: the search analyzer's German
// stop list removes most of them.
var (
	// denialWords deny that an event happened.
	denialWords = set("bestreitet bestritt bestritten bestreiten dementiert dementierte dementierten dementi dementieren " +
		"zurückgewiesen zurückweisen leugnet leugnete leugnen widerspricht widersprach widersprachen falschmeldung " +
		"unwahr haltlos erfunden")
	denialSeparable = set("weist wies weisen wiesen")

	// strongRetraction take back a commitment by their meaning.
	strongRetraction = set("rückzieher widerrufen widerruft widerrief abgesagt storniert aufgekündigt zurückgenommen " +
		"zurücknehmen verzichtet verzichten")
	// weakRetraction ("zurückziehen") takes back an offer only when the
	// object is one ("sein Angebot zurückziehen"); with troops as object it
	// is a withdrawal.
	weakRetraction      = set("zurückgezogen zurückziehen zurückzuziehen")
	retractionSeparable = map[string]string{
		"zieht": "zurück", "zog": "zurück", "ziehen": "zurück", "zogen": "zurück",
		"nimmt": "zurück", "nahm": "zurück", "nehmen": "zurück",
		"sagt": "ab", "sagte": "ab", "sagten": "ab", "kündigt": "auf", "kündigte": "auf",
	}
	// offerNouns are commitments that can be retracted.
	offerNouns = set("angebot angebots hilfsangebot hilfsangebots zusage zusagen versprechen plan pläne plänen " +
		"vereinbarung entsendung zusicherung")

	negationWords = set("nicht nie niemals keinesfalls keineswegs nirgends")
	// negationNotAfter: "nicht nur", "nicht klar" are not denials of the
	// claim; "nicht einmal N" and "nicht mehr als N" are read as qualifiers.
	negationNotAfter = set("nur klar bekannt bestätigt ausgeschlossen sicher unklar geklärt ganz zuletzt")

	// hedgeWords weaken a claim: reportative, epistemic or conditional.
	hedgeWords = set("angeblich offenbar vermutlich mutmaßlich möglicherweise womöglich wahrscheinlich wohl " +
		"anscheinend scheint scheinen schien potenziell eventuell unbestätigt unbestätigten gerüchte gerüchten " +
		"könnte könnten dürfte dürften soll sollen würde würden " +
		// Konjunktiv I/II of reported speech
		"sei seien habe hätte hätten wäre wären werde könne wolle plane schicke entsende erhalte verfüge liefere")
	hedgePhrases = []string{"heißt es", "es gibt berichte", "berichten zufolge", "nicht klar", "nicht bestätigt", "unklar"}

	// modalWords turn a following infinitive into a plan.
	modalWords = set("will wollen wollte wollten wolle wird werden werde würde würden soll sollen sollte sollten solle " +
		"könnte könnten kann können könne möchte möchten dürfte dürften muss müssen plant plane planen erwägt bereit")

	// incrementWords mark a figure as an addition, not a total: "weitere
	// 5.000" cannot contradict an earlier total of 10.000.
	incrementWords = set("weitere weiteren weiterer weiteres zusätzliche zusätzlichen zusätzlicher zusätzlich erneut " +
		"nochmals abermals neue neuen neuer")

	// determiners and similar small words may stand between a preposition
	// and the name it governs ("in die russische Region Kursk").
	determiners = set("der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner " +
		"ihr ihre ihren ihrem ihrer dessen deren diese dieser diesen diesem dieses jene gesamte gesamten ganze ganzen")

	// guardPrepositions make a following country a place or target, not the
	// actor: "nach Russland schicken", "gegen die Ukraine".
	guardPrepositions = set("nach in im ins an am ans gegen zu zum zur auf für bei beim mit um unter zwischen durch " +
		"gegenüber über wider vom")
	// originPrepositions mark where troops come from: with "erhalten" the
	// origin is the actor ("Russland erhielt Soldaten aus Nordkorea").
	originPrepositions = set("aus von")

	// timeUnits are nouns after which a number is a duration or an age.
	timeUnits = set("jahr jahre jahren jahres jahrs monat monate monaten monats woche wochen tag tage tagen tages " +
		"stunde stunden minute minuten sekunde sekunden mal uhr jahrzehnt jahrzehnte jahrzehnten jahrhundert " +
		"jahrhunderts lebensjahr lebensjahren grad prozentpunkte")
)

// Flags of lexFlags: which lists a word is in.
const (
	lxHedge = 1 << iota
	lxModal
	lxOfferNoun
	lxSondern
	lxDenial
	lxNegation
	lxCue
	lxBigram
	lxSpecial
	lxSeparable
	lxStrongRetraction
	lxWeakRetraction
	lxPhrase
	// Not cue lists: a key of actorWords, or an inflected form of a key of
	// actorAdjectives, so that actorOfWord shares the cue scan's lookup.
	lxActor
	lxActorAdj
	// A key of denialSeparable or retractionSeparable: lxSeparable is wider.
	lxStanceVerb
	// A word that starts an attribution in maskAttribution.
	lxAttribution
	// notAdjective holds.
	lxNotAdjective
)

const (
	lxActorFlags = lxActor | lxActorAdj
	lxNotCue     = lxActorFlags | lxStanceVerb | lxAttribution | lxNotAdjective
	// lxStance are the lists from which findCues sets denial, retract or
	// negs, the claims without a figure.
	lxStance = lxDenial | lxNegation | lxStrongRetraction | lxWeakRetraction | lxStanceVerb
)

// lexFlags merges the word lists into one map, so the cue scan costs one
// lookup per word and none for the many words in no list.
var lexFlags = func() map[string]uint32 {
	m := map[string]uint32{}
	mark := func(words map[string]bool, f uint32) {
		for w := range words {
			m[w] |= f
		}
	}
	mark(hedgeWords, lxHedge)
	mark(modalWords, lxModal)
	mark(offerNouns, lxOfferNoun)
	mark(denialWords, lxDenial)
	mark(negationWords, lxNegation)
	mark(strongRetraction, lxStrongRetraction)
	mark(weakRetraction, lxWeakRetraction)
	mark(denialSeparable, lxSeparable)
	m["sondern"] |= lxSondern
	for w := range cueWords {
		m[w] |= lxCue
	}
	for k := range bigramCues {
		m[strings.Fields(k)[0]] |= lxBigram
	}
	for _, w := range strings.Fields("zählen zählt zählte zählten front") {
		m[w] |= lxSpecial
	}
	for _, sc := range separableCues {
		mark(sc.verbs, lxSeparable)
	}
	for w := range retractionSeparable {
		m[w] |= lxSeparable
	}
	// first words of hedgePhrases
	for _, ph := range hedgePhrases {
		m[strings.Fields(ph)[0]] |= lxPhrase
	}
	m["heißt"] |= lxPhrase
	m["berichte"] |= lxPhrase
	m["berichten"] |= lxPhrase
	m["klar"] |= lxPhrase
	m["bestätigt"] |= lxPhrase
	// notAdjective can only hold for a key of one of its lists.
	notAdj := func(w string) {
		if notAdjective(w) {
			m[w] |= lxNotAdjective
		}
	}
	for _, list := range []map[string]bool{notAdjectives, modalWords, hedgeWords, denialSeparable} {
		for w := range list {
			notAdj(w)
		}
	}
	for w := range cueWords {
		notAdj(w)
	}
	for _, sc := range separableCues {
		for w := range sc.verbs {
			notAdj(w)
		}
	}
	for w := range retractionSeparable {
		notAdj(w)
	}
	mark(denialSeparable, lxStanceVerb)
	mark(speechVerbs, lxAttribution)
	for _, w := range strings.Fields("laut angaben berufung zufolge wie so") {
		m[w] |= lxAttribution
	}
	for w := range retractionSeparable {
		m[w] |= lxStanceVerb
	}
	for w := range actorWords {
		m[w] |= lxActor
	}
	// adjStem cuts at most one of these endings, so every word it maps to a
	// stem is the stem or the stem with one of them.
	for st := range actorAdjectives {
		for _, suf := range []string{"", "e", "en", "er", "es", "em"} {
			if w := st + suf; adjStem(w) == st {
				m[w] |= lxActorAdj
			}
		}
	}
	return m
}()

// lexOf is lexFlags[w], asked of every word of every sentence; lexFilter
// answers for most words, which are in no list, without hashing them.
func lexOf(w string) uint32 {
	if !lexFilter.has(w) {
		return 0
	}
	return lexFlags[w]
}

var lexFilter = func() (f wordFilter) {
	for w := range lexFlags {
		f.add(w)
	}
	return f
}()

// wordFilter is a Bloom filter with one hash over a word list: a word it
// rejects is not in the list. Its hash reads four bytes of the word, where
// a map lookup reads all of them and probes the table.
type wordFilter [1 << filterBits / 64]uint64

const filterBits = 14

func filterHash(w string) uint32 {
	n := len(w)
	x := uint32(w[0]) | uint32(w[min(1, n-1)])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24
	return x * 0x9E3779B1 >> (32 - filterBits)
}

func (f *wordFilter) add(w string) {
	if w == "" {
		return
	}
	h := filterHash(w)
	f[h/64] |= 1 << (h % 64)
}

func (f *wordFilter) has(w string) bool {
	if w == "" {
		return true // not filtered: ask the map
	}
	h := filterHash(w)
	return f[h/64]&(1<<(h%64)) != 0
}

// actorWords map names and their inflections to a canonical actor.
var actorWords = map[string]string{
	"nordkorea": "Nordkorea", "nordkoreas": "Nordkorea", "pjöngjang": "Nordkorea", "pjöngjangs": "Nordkorea",
	"pjoengjang": "Nordkorea", "kim": "Nordkorea", "kims": "Nordkorea", "dvrk": "Nordkorea",
	"russland": "Russland", "russlands": "Russland", "moskau": "Russland", "moskaus": "Russland", "kreml": "Russland",
	"kremls": "Russland", "putin": "Russland", "putins": "Russland", "kremlchef": "Russland", "kremlchefs": "Russland",
	"ukraine": "Ukraine", "kiew": "Ukraine", "kiews": "Ukraine", "kyjiw": "Ukraine", "selenskyj": "Ukraine",
	"selenskyjs": "Ukraine",
	"südkorea":   "Südkorea", "südkoreas": "Südkorea", "seoul": "Südkorea", "seouls": "Südkorea",
	"belarus": "Belarus", "minsk": "Belarus", "weißrussland": "Belarus", "lukaschenko": "Belarus",
	"china": "China", "chinas": "China", "peking": "China",
	"iran": "Iran", "irans": "Iran", "teheran": "Iran",
	"usa": "USA", "washington": "USA", "pentagon": "USA",
	"nato": "NATO",
}

// actorAdjectives are nationality adjective stems ("nordkoreanische
// Soldaten" are North Korea's).
var actorAdjectives = map[string]string{
	"nordkoreanisch": "Nordkorea", "russisch": "Russland", "ukrainisch": "Ukraine", "südkoreanisch": "Südkorea",
	"belarussisch": "Belarus", "weißrussisch": "Belarus", "chinesisch": "China", "iranisch": "Iran",
	"amerikanisch": "USA", "us-amerikanisch": "USA",
}

// leaderHeads are compound heads that make the first part the actor:
// "Nordkorea-Machthaber", "Kreml-Chef", "Kim-Regime".
var leaderHeads = set("machthaber machthabers despot despoten diktator diktators chef chefs regime regimes führung " +
	"regierung präsident staatschef armee militär vertraute vertrauter kumpel")

// places: regions are specific, countries and "Front" are broad.
var placeWords = map[string]string{
	"kursk": "Kursk", "belgorod": "Belgorod", "brjansk": "Brjansk", "donbass": "Donbass", "donbas": "Donbass",
	"donezk": "Donezk", "luhansk": "Luhansk", "ostukraine": "Ostukraine", "cherson": "Cherson",
	"saporischschja": "Saporischschja", "charkiw": "Charkiw", "krim": "Krim", "wolhynien": "Wolhynien",
	"front": "Front", "frontlinie": "Front", "russland": "Russland", "ukraine": "Ukraine",
}

// placeParent is the containment used to decide whether two places overlap.
var placeParent = map[string]string{
	"Kursk": "Russland", "Belgorod": "Russland", "Brjansk": "Russland", "Donezk": "Donbass", "Luhansk": "Donbass",
	"Donbass": "Ostukraine", "Ostukraine": "Ukraine", "Cherson": "Ukraine", "Saporischschja": "Ukraine",
	"Charkiw": "Ukraine", "Krim": "Ukraine", "Wolhynien": "Ukraine",
}

// broadPlaces overlap with everything in the war: troops "nach Russland"
// and "in die Ukraine" are, for a sending country, the same deployment, and
// "die Front" runs through both.
var broadPlaces = set("Russland Ukraine Front")

// concept is a counted thing. Parent lets a topic ("Soldaten") include
// kinds of it ("Minenräumer") in a timeline while comparisons keep them
// apart.
type concept struct {
	key, parent string
}

var conceptWords = []struct {
	concept
	words string
}{
	{concept{"Soldaten", ""}, "Soldat Soldaten Truppe Truppen Kampftruppen Kämpfer Freiwillige Freiwilligen Streitkräfte " +
		"Militärangehörige Rekruten Söldner Infanteristen Elitesoldaten Spezialkräfte Reservisten Gefallene Mann Kräfte"},
	{concept{"Minenräumer", "Soldaten"}, "Minenräumer Pioniere Pionier Minenräumkräfte Sappeure"},
	{concept{"Arbeiter", ""}, "Arbeiter Arbeitskräfte Bauarbeiter Gastarbeiter Hilfskräfte Militärbauarbeiter"},
	{concept{"Raketen", ""}, "Rakete Raketen Marschflugkörper Mehrfachraketen Lenkflugkörper"},
	{concept{"Drohnen", ""}, "Drohne Drohnen Kamikazedrohnen Angriffsdrohnen"},
	{concept{"Munition", ""}, "Munition Munitionsstücke Granaten Artilleriegranaten Geschosse Patronen"},
	{concept{"Panzer", ""}, "Panzer Kampfpanzer Schützenpanzer"},
	{concept{"Artillerie", ""}, "Haubitzen Artilleriesysteme Geschütze Raketenwerfer Mehrfachraketenwerfer Werfer"},
	{concept{"Verluste", ""}, "Verluste Tote Opfer"},
	{concept{"Verwundete", ""}, "Verwundete Verletzte"},
	{concept{"Zivilisten", ""}, "Zivilisten Menschen Einwohner Flüchtlinge"},
	{concept{"Flugzeuge", ""}, "Flugzeuge Kampfjets Jets Hubschrauber"},
	{concept{"Container", ""}, "Container"},
	{concept{"Nordkoreaner", ""}, "Nordkoreaner"},
	{concept{"Russen", ""}, "Russen"},
	{concept{"Ukrainer", ""}, "Ukrainer"},
}

// measureWords are units between a figure and the thing it measures:
// "5.000 Tonnen Munition" counts tonnes of ammunition.
var measureWords = map[string]string{
	"tonnen": "t", "tonne": "t", "kilometer": "km", "km": "km", "euro": "€", "dollar": "$", "us-dollar": "$",
	"rubel": "₽", "barrel": "bbl", "liter": "l", "quadratkilometer": "km²", "hektar": "ha", "meter": "m",
	"container": "", "lieferungen": "", "stück": "",
}

// nonThings are nouns whose stems collide with counted things but are never
// counted themselves: "Kampf" stems like "Kämpfer".
var nonThings = set("kampf krieg einsatz front armee region gebiet")

type stemConcept struct {
	stem string
	c    concept
}

// conceptStems is sorted longest first so compounds find their most
// specific head: "Raketenwerfer" is artillery, "Mehrfachraketen" rockets.
var conceptStems = func() []stemConcept {
	var out []stemConcept
	for _, cw := range conceptWords {
		for _, w := range strings.Fields(cw.words) {
			out = append(out, stemConcept{stem(w), cw.concept})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].stem) > len(out[j].stem) })
	return out
}()

// conceptStemsByLast splits conceptStems, in order, by the last byte of the
// stem: only stems with st's last byte can equal st or end it.
var conceptStemsByLast = func() (t [256][]stemConcept) {
	for _, sc := range conceptStems {
		t[sc.stem[len(sc.stem)-1]] = append(t[sc.stem[len(sc.stem)-1]], sc)
	}
	return t
}()

// conceptOf maps a noun to its concept: an exact stem match, or a compound
// ending in a known stem ("Kampftruppen" → Soldaten). Unknown nouns are
// their own concept, keyed by stem.
func conceptOf(noun string) (concept, bool) {
	return conceptOfLower(noun, strings.ToLower(noun))
}

// conceptOfLower is conceptOf for a caller that has the lower case of noun:
// lw is strings.ToLower(noun).
func conceptOfLower(noun, lw string) (concept, bool) {
	if _, ok := actorWords[lw]; ok {
		return concept{}, false
	}
	if _, ok := placeWords[lw]; ok {
		return concept{}, false
	}
	st := stemLower(noun, lw)
	if i := strings.LastIndexByte(st, '-'); i >= 0 {
		st = st[i+1:] // "Nordkorea-Soldaten": the head decides
	}
	if nonThings[st] {
		return concept{key: st}, false
	}
	if st == "" {
		return concept{key: st}, false
	}
	for _, sc := range conceptStemsByLast[st[len(st)-1]] {
		if st == sc.stem || (len(sc.stem) >= 5 && strings.HasSuffix(st, sc.stem)) {
			return sc.c, true
		}
	}
	return concept{key: st}, false
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
