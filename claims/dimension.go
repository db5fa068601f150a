package claims

import "strings"

// Dimensions: a measure in a physical unit named by its dimension ("eine
// Länge von 14 Kilometern", "die Höhe") or by the adjective of it ("30
// Meter hoch"), and a measure named by a word for stuff ("12.000
// Kubikmeter Material"). Such a noun names no thing of its own: what it
// measures is the event its clause says, which the other clause may say
// in a verb ("staute sich", "stürzten").

// dimensionWords map the nouns and adjectives of a dimension to the
// dimension: a height is no length.
var dimensionWords = func() (m map[string]string) {
	m = map[string]string{}
	for dim, words := range map[string]string{
		"länge":   "Länge lang",
		"höhe":    "Höhe hoch hohe hohen hoher",
		"breite":  "Breite breit",
		"tiefe":   "Tiefe tief",
		"gewicht": "Gewicht schwer wiegt wog wiegen",
		"dicke":   "Dicke dick",
	} {
		for _, w := range strings.Fields(words) {
			if w[0] >= 'A' && w[0] <= 'Z' {
				m[nounKey(w)] = dim
				m[strings.ToLower(w)] = dim
			} else {
				m[w] = dim
				m["v:"+verbKey(w)] = dim
			}
		}
	}
	return m
}()

// stuffWords name an amount of stuff by no kind of its own.
var stuffWords = set("material masse massen menge volumen umfang")

// dimensionOf is the dimension c's figure gives, by its measured noun (or
// the last part of it: "Rückstaulänge") or by an adjective or verb of its
// clause, or "".
func dimensionOf(c *Claim) string {
	if !physicalUnit(c.Unit) {
		return ""
	}
	if d := dimensionWords[c.Key]; d != "" {
		return d
	}
	if d := dimensionWords[lastPart(c.Head)]; d != "" {
		return d
	}
	for _, p := range c.preds {
		if d := dimensionWords["v:"+p]; d != "" {
			return d
		}
	}
	// "30 Meter hoch", "eine 250 Kilogramm schwere Bombe": the adjective
	// right after the unit (short adjectives are read as no verb)
	words := letterWords(strings.ToLower(c.Text))
	for i := 0; i+1 < len(words); i++ {
		if units[words[i]] == "" {
			continue
		}
		if d := dimensionWords[adjStem(words[i+1])]; d != "" {
			return d
		}
	}
	return ""
}

// lastPart is the last part of a noun as the dictionary splits it, or
// the noun, lower case.
func lastPart(head string) string {
	lw := strings.ToLower(head)
	if parts := splitNoun(lw).parts; len(parts) >= 2 {
		return parts[len(parts)-1]
	}
	return lw
}

// dimensionsDiffer: two measures of different dimensions ("30 Meter hoch",
// "eine Länge von 400 Metern").
func dimensionsDiffer(a, b *Claim) bool {
	da, db := dimensionOf(a), dimensionOf(b)
	return da != "" && db != "" && da != db
}

// measureOfEvent: x's measured noun names a dimension or stuff, the units
// are one physical unit, and the two clauses say one event: a noun of
// one whose last part is a verb of the other ("Rückstau", "staute sich";
// "Felssturz", "stürzten"), or one content verb.
func measureOfEvent(x, y *Claim) bool {
	if !physicalUnit(x.Unit) || x.Unit != y.Unit || x.Head == "" {
		return false
	}
	lp := lastPart(x.Head)
	if dimensionWords[lp] == "" && !stuffWords[lp] {
		return false
	}
	if dx, dy := dimensionOf(x), dimensionOf(y); dx != "" && dy != "" && dx != dy {
		return false
	}
	return eventSaidAcross(x, y) || eventSaidAcross(y, x) || commonContentPred(x, y)
}

// eventSaidAcross: a content noun of x whose last part, by the
// dictionary, is a verb of y ("Hangrutsch", "gerutscht").
func eventSaidAcross(x, y *Claim) bool {
	for _, n := range x.nouns {
		if n == x.Key || strings.HasPrefix(n, "v:") {
			continue
		}
		for _, p := range y.preds {
			if len(p) >= 2 && endsInVerb(n, p) {
				return true
			}
		}
	}
	return false
}

// endsInVerb reports a noun key that ends in a word of the verb key p's
// consonants, after three letters or more: "rückstau" in "stau" for
// "staute", "felssturz" in "sturz" for "stürzten". (The dictionary splits
// "Rückstau" as "Rücks", "Tau".) The word begins with the verb's first
// consonant and has at most three letters more than its consonants.
func endsInVerb(n, p string) bool {
	for i := 3; i+len(p) <= len(n); i++ {
		w := n[i:]
		if w[0] == p[0] && len(w) <= len(p)+3 && skeleton(w) == p {
			return true
		}
	}
	return false
}

// commonContentPred: the clauses share a verb of three consonants or more.
func commonContentPred(x, y *Claim) bool {
	for _, p := range x.preds {
		if len(p) >= 3 && containsString(y.preds, p) {
			return true
		}
	}
	return false
}
