package articles

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// knownOutlets are news outlets and agencies recognised wherever they are
// named, because German reports often cite them without a cue phrase
// ("Bloomberg, beruft sich auf Geheimdienstdaten").
var knownOutlets = [...]string{
	"Bloomberg", "Reuters", "Associated Press", "AFP", "dpa", "New York Post", "New York Times",
	"Washington Post", "Wall Street Journal", "Financial Times", "Daily NK", "NK News", "Regnum",
	"TASS", "Tass", "RIA Nowosti", "Interfax", "Yonhap", "CNN", "BBC", "Kyiv Independent",
	"Kyiv Post", "Ukrainska Pravda", "Meduza", "Kommersant", "Iswestija", "Süddeutsche Zeitung",
	"Spiegel", "Tagesschau", "ZDF", "ARD", "Bild", "Welt", "FAZ", "Politico", "Guardian",
}

// idiomsOfOutletNouns are the words before an outlet's name that make it
// the common noun it also is, in idioms of German: "zur Welt kommen",
// "aus aller Welt", "auf die Welt", "im Bild". "der Welt" and "die Welt"
// stay the paper ("sagte der Welt", "Die Welt berichtet"), which a
// superlative's "der Welt" cannot be told from.
var idiomsOfOutletNouns = map[string][]string{
	"Welt": {"zur", "aller", "auf die", "in die", "ganzen", "gesamten", "dieser"},
	"Bild": {"im", "ins", "ein", "einem", "das", "dem", "neues", "klares"},
}

// nounIdiom: the outlet f is named in an idiom of its common noun.
func nounIdiom(text string, f found) bool {
	before := idiomsOfOutletNouns[f.name]
	if before == nil {
		return false
	}
	fields := strings.Fields(strings.ToLower(text[:f.pos]))
	for _, w := range before {
		ws := strings.Fields(w)
		if len(fields) >= len(ws) && strings.Join(fields[len(fields)-len(ws):], " ") == w {
			return true
		}
	}
	return false
}

// outletMentions finds the known outlets named in text as whole words, in
// the order of knownOutlets and then of position. A plain substring scan:
// one regexp alternation over all names backtracks on every paragraph. The
// scan is one pass for all outlets, which share few first bytes; one
// strings.Index per outlet stops at every capitalised German noun.
func outletMentions(text string) []found {
	type hit struct {
		k int
		f found
	}
	var hits []hit
	var next [len(knownOutlets)]int // per outlet, where its search goes on, as if alone
	for i := 0; i < len(text); i++ {
		for _, k := range outletsByFirstByte[text[i]] {
			o := knownOutlets[k]
			if i < next[k] || !strings.HasPrefix(text[i:], o) {
				continue
			}
			end := i + len(o)
			next[k] = end
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[end:])
			if (i == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
				hits = append(hits, hit{k, found{i, o}})
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].k < hits[j].k })
	out := make([]found, len(hits))
	for i, h := range hits {
		out[i] = h.f
	}
	return out
}

var outletsByFirstByte = func() (t [256][]int) {
	for k, o := range knownOutlets {
		t[o[0]] = append(t[o[0]], k)
	}
	return t
}()

const (
	// name is a run of capitalised words, allowing English connectives
	// ("Council for Foreign Relations").
	name   = `\p{Lu}[\p{L}\d&'-]*(?:\.[\p{L}\d]+)*(?:\s+(?:for|of|the|and|on)?\s*\p{Lu}[\p{L}\d&'-]*(?:\.[\p{L}\d]+)*){0,5}`
	quoted = `[„“"‚‘«»]([^„“”"‚‘’«»]{2,60})[“”"‘’«»]`
	adjs   = `(?:\p{Ll}+\s+(?:und\s+\p{Ll}+\s+)?){0,3}`
	// generic words that name the kind of source, not the source.
	generic = `(?:Nachrichtenagentur|Agentur|Zeitung|Zeitschrift|Newsportal|Portal|Nachrichtenportal|Sender|Magazin|Fernsehsender|Onlineportal|Website|Webseite|Blatt)`
)

// citePattern is a regexp with the words that must occur for it to match;
// checking those first keeps the regexps off most sentences, which matters
// when indexing thousands of articles.
type citePattern struct {
	triggers []string
	find     finder
}

func (p citePattern) applies(lower string) bool {
	for _, t := range p.triggers {
		if strings.Contains(lower, t) {
			return true
		}
	}
	return false
}

var citePatterns = []citePattern{
	{[]string{"laut"}, startsWith(citeRes[0], true, "laut")},
	{[]string{"wie "}, startsWith(citeRes[1], true, "wie")},
	{[]string{"schreibt", "schrieb", "meldet", "berichtet", "veröffentlichung"}, startsWith(citeRes[2], false, "schr", "meldet", "berichtet", "Veröffentlichung")},
	{[]string{"berufung"}, startsWith(citeRes[3], true, "unter berufung auf")},
	{[]string{"zufolge"}, within(citeRes[4], "zufolge", nameBytes)},
}

var citeRes = []*regexp.Regexp{
	// laut Bloomberg, laut der „New York Post“, Laut Bloomberg-Berichten
	regexp.MustCompile(`(?i:laut)\s+(?:der|dem|des|einem|einer)?\s*(?:` + quoted + `|` + adjs + `(?:` + generic + `\s+)?(` + name + `))`),
	// wie die russische Nachrichtenagentur Regnum berichtet
	regexp.MustCompile(`(?i:wie)\s+(?:die|der|das|den)?\s*` + adjs + `(?:` + generic + `\s+)?(?:` + quoted + `|(` + name + `))\s+(?:\p{Ll}+\s+){0,3}(?:berichtet|berichtete|schreibt|schrieb|meldet|meldete|mitteilte|mitteilt)`),
	// schreibt das nordkoreanische Newsportal “Daily NK“; in der Veröffentlichung der „New York Post“
	regexp.MustCompile(`(?:schreibt|schrieb|meldet|meldete|berichtet|berichtete|Veröffentlichung)\s+(?:die|der|das|des)\s+` + adjs + `(?:` + generic + `\s+)?` + quoted),
	// unter Berufung auf die Nachrichtenagentur X
	regexp.MustCompile(`(?i:unter Berufung auf)\s+(?:die|den|das|einen|eine)?\s*` + adjs + `(?:` + generic + `\s+)?(?:` + quoted + `|(` + name + `))`),
	// Bloomberg zufolge
	regexp.MustCompile(`(` + name + `)\s+zufolge`),
}

var (
	// Einem südkoreanischen Bericht zufolge
	reReportZufolge = regexp.MustCompile(`(?i:einem|einer|dem|der)\s+((?:\p{Ll}+\s+){1,2})(\p{Lu}\p{Ll}+)\s+zufolge`)
	// Nach Angaben des in New York ansässigen Council for Foreign Relations,
	// nach Angaben südkoreanischer und westlicher Geheimdienste
	reNachAngabenOf = regexp.MustCompile(`(?i:nach Angaben)\s+(?:des|der|von)\s+([^,.;]{2,90})`)
	reNachAngaben   = regexp.MustCompile(`(?i:nach Angaben)\s+((?:\p{Ll}+\s+(?:und\s+\p{Ll}+\s+)?){0,3}\p{Lu}\p{Ll}+)`)
	// Nach russischen Angaben
	reAdjAngaben = regexp.MustCompile(`(?i:nach)\s+(\p{Ll}+)en\s+Angaben`)
	reLastName   = regexp.MustCompile(name + `$`)
	reSameSource = regexp.MustCompile(`(?i)laut (?:derselben|der gleichen|dieser) Quelle`)
	// Das behauptete zumindest der russische Militärexperte Igor Korotchenko;
	// sagte Korotchenko
	reSpeaker = regexp.MustCompile(`(?:sagte|erklärte|behauptete|betonte|verkündete|warnte)\s+(?:zumindest\s+|jüngst\s+)?(?:(?:der|die)\s+(?:\p{Ll}+\s+){0,2}\p{Lu}\p{Ll}*(?:experte|expertin|chef|chefin|sprecher|sprecherin|minister|ministerin|präsident|präsidentin|sekretär|analyst)\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\b`)
	// Dies verkündete der Sekretär des russischen nationalen Sicherheitsrats, Sergei Schoigu,
	reSpeakerApposition = regexp.MustCompile(`(?:sagte|erklärte|behauptete|betonte|verkündete|warnte)\s+(?:der|die)\s+[^.]{0,80}?,\s+(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)[,.\s]`)
)

// The patterns above as finders: each names the literal its matches start
// with or must contain.
var (
	speechVerbs           = []string{"sagte", "erklärte", "behauptete", "betonte", "verkündete", "warnte"}
	findSameSource        = startsWith(reSameSource, true, "laut ")
	findReportZufolge     = within(reReportZufolge, "zufolge", wordBytes)
	findNachAngabenOf     = startsWith(reNachAngabenOf, true, "nach angaben")
	findNachAngaben       = startsWith(reNachAngaben, true, "nach angaben")
	findAdjAngaben        = startsWith(reAdjAngaben, true, "nach").needing("Angaben")
	findSpeaker           = startsWith(reSpeaker, false, speechVerbs...)
	findSpeakerApposition = startsWith(reSpeakerApposition, false, speechVerbs...)
)

// notNames are capitalised words the speaker pattern must not take for a
// person: sentence-initial pronouns and determiners.
var notNames = map[string]bool{
	"Er": true, "Sie": true, "Es": true, "Der": true, "Die": true, "Das": true, "Dieser": true, "Diese": true,
	"Man": true, "Wir": true, "Ich": true, "Im": true, "In": true, "Am": true,
}

// CitedSources returns the primary sources a piece of text cites, in order
// of first mention, without duplicates.
func CitedSources(text string) []string {
	s, _ := citedSources(text, "")
	return s
}

// citedSources also resolves "laut derselben Quelle" to the source cited
// last before it in the article (prev) and returns the last source cited
// here for the next paragraph.
func citedSources(text, prev string) ([]string, string) {
	var all []found
	add := func(pos int, s string) {
		s = normaliseSource(s)
		if s == "" || notNames[s] {
			return
		}
		all = append(all, found{pos, s})
	}
	folded := asciiLower(text)
	if prev != "" {
		for _, m := range findSameSource.findAll(text, folded) {
			add(m[0], prev)
		}
	}
	lower := lowerText(text)
	for _, p := range citePatterns {
		if !p.applies(lower) {
			continue
		}
		for _, m := range p.find.findAll(text, folded) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					add(m[g], text[m[g]:m[g+1]])
					break
				}
			}
		}
	}
	for _, f := range outletMentions(text) {
		if nounIdiom(text, f) {
			continue
		}
		add(f.pos, f.name)
	}
	if !strings.Contains(lower, "zufolge") && !strings.Contains(lower, "angaben") &&
		!strings.Contains(lower, "sagte") && !strings.Contains(lower, "erklärte") && !strings.Contains(lower, "behauptete") &&
		!strings.Contains(lower, "betonte") && !strings.Contains(lower, "verkündete") && !strings.Contains(lower, "warnte") {
		return finish(all, prev)
	}
	for _, m := range findReportZufolge.findAll(text, folded) {
		adj := strings.TrimSpace(text[m[2]:m[3]])
		noun := text[m[4]:m[5]]
		add(m[0], nominative(adj, noun))
	}
	for _, m := range findNachAngabenOf.findAll(text, folded) {
		phrase := cutAtVerb(strings.TrimSpace(text[m[2]:m[3]]))
		if n := reLastName.FindString(phrase); n != "" {
			// Keep leading adjectives ("ukrainischen Generalstabs") unless
			// other names stand before it ("in New York ansässigen Council").
			if rest := strings.TrimSpace(strings.TrimSuffix(phrase, n)); rest != "" && !strings.ContainsFunc(rest, isUpper) {
				n = phrase
			}
			add(m[2], n)
		} else {
			add(m[2], phrase)
		}
	}
	for _, m := range findNachAngaben.findAll(text, folded) {
		phrase := text[m[2]:m[3]]
		if strings.HasPrefix(phrase, "des ") || strings.HasPrefix(phrase, "der ") || strings.HasPrefix(phrase, "von ") {
			continue
		}
		add(m[2], phrase)
	}
	for _, m := range findAdjAngaben.findAll(text, folded) {
		add(m[2], text[m[2]:m[3]]+"en Angaben") // dative, as after "laut"
	}
	for _, f := range []finder{findSpeakerApposition, findSpeaker} {
		for _, m := range f.findAll(text, folded) {
			add(m[2], text[m[2]:m[3]])
		}
	}
	return finish(all, prev)
}

type found struct {
	pos  int
	name string
}

// finish orders sources by first mention and drops duplicates; a short name
// contained in a longer one ("York Post" in "New York Post") is dropped.
func finish(all []found, prev string) ([]string, string) {
	sort.SliceStable(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	var out []string
	for _, f := range all {
		dup := false
		for k, o := range out {
			switch {
			case strings.EqualFold(o, f.name), strings.Contains(o, f.name):
				dup = true
			case strings.Contains(f.name, o):
				out[k] = f.name
				dup = true
			}
		}
		if !dup {
			out = append(out, f.name)
		}
	}
	last := prev
	if len(out) > 0 {
		last = out[len(out)-1]
	}
	return out, last
}

var reGenericWord = regexp.MustCompile(`^` + generic + `\s+`)

func normaliseSource(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `„“”"‚‘’«».,;:`)
	s = reGenericWord.ReplaceAllString(s, "")
	for _, suffix := range []string{"-Berichten", "-Bericht", "-Angaben", "-Informationen", "-Berichte"} {
		s = strings.TrimSuffix(s, suffix)
	}
	if s == "beider Seiten" {
		s = "beiden Seiten" // dative, as after "laut"
	}
	switch strings.ToLower(s) {
	case "", "quelle", "derselben quelle", "angaben", "medien", "berichten", "experten":
		return ""
	}
	return s
}

// nominative turns the dative "südkoreanischen Bericht" of "einem
// südkoreanischen Bericht zufolge" into the nominative "südkoreanischer
// Bericht" for the common masculine source nouns, and leaves others as written.
func nominative(adj, noun string) string {
	switch noun {
	case "Bericht", "Geheimdienst", "Sprecher", "Insider", "Beamten", "Medienbericht", "Zeitungsbericht":
		words := strings.Fields(adj)
		for i, w := range words {
			if strings.HasSuffix(w, "en") {
				words[i] = strings.TrimSuffix(w, "en") + "er"
			}
		}
		return strings.Join(append(words, noun), " ")
	}
	return adj + " " + noun
}

// cutAtVerb ends a source phrase where the sentence's verb starts: "in New
// York ansässigen Council for Foreign Relations verfügt die Armee" becomes
// "in New York ansässigen Council for Foreign Relations". A lower-case word
// after a name is a verb unless it inflects like an adjective or joins
// names.
func cutAtVerb(phrase string) string {
	words := strings.Fields(phrase)
	sawName := false
	for i, w := range words {
		r := []rune(w)
		if isUpper(r[0]) {
			sawName = true
			continue
		}
		switch w {
		case "for", "of", "the", "and", "on", "und":
			continue
		}
		// An adjective after a name is attributive only before another
		// name ("in New York ansässigen Council").
		adjective := strings.HasSuffix(w, "e") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") ||
			strings.HasSuffix(w, "es") || strings.HasSuffix(w, "em")
		beforeName := i+1 < len(words) && isUpper([]rune(words[i+1])[0])
		if sawName && !(adjective && beforeName) {
			return strings.Join(words[:i], " ")
		}
	}
	return phrase
}
