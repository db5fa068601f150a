package claims

import "strings"

// Causes. A report names the cause of what happened ("Ursache war ein
// Kurzschluss", "Schuld sei ein Düngemittel", "Auslöser war Gas"); a later
// one denies it by the preposition that gives a cause ("nicht durch
// einen Kurzschluss ausgelöst", "nicht an einem Düngemittel gestorben",
// "ging nicht auf Gas zurück"). The two share one noun only, the cause,
// so the rule of two shared words that a plain "nicht" needs does not
// apply; the cause word and the preposition say what the "nicht" denies.

// causeWords name a cause in the sentence that gives it.
var causeWords = set("ursache auslöser schuld grund")

// causePrepositions govern a cause: "durch", "an" (sterben an), "wegen",
// "auf" (zurückgehen auf, zurückzuführen auf).
var causePrepositions = set("durch an am wegen aufgrund infolge auf")

// causeNamed is the key of the noun c's sentence gives as the cause of
// what happened, or "": in the clause of a cause word, the noun after an
// indefinite article ("Ursache war nach Angaben der Feuerwehr ein
// Kurzschluss"), else the last noun no preposition governs; not the
// genitive of what was caused ("Auslöser der Explosion").
func causeNamed(c *Claim) string {
	if c.HasQuantity || c.negative() || c.Stance != StanceAssert {
		return ""
	}
	words := strings.Fields(c.Text)
	for i, w := range words {
		if !causeWords[strings.ToLower(strings.Trim(w, ",.;:!?„“\"()"))] || strings.ContainsAny(w, ",.;:") {
			continue
		}
		last := ""
		for j := i + 1; j < len(words); j++ {
			x := strings.Trim(words[j], ",.;:!?„“\"()")
			end := strings.ContainsAny(words[j], ",.;:")
			if x != "" && x != strings.ToLower(x) && !(j == i+2 && genitiveArticle(words[j-1])) {
				prev := strings.ToLower(words[j-1])
				if j >= 2 && indefinite[prev] || j >= 3 && indefinite[strings.ToLower(words[j-2])] && prev == strings.ToLower(prev) {
					return stem(x)
				}
				if !prepositions[prev] && !(j >= 3 && prepositions[strings.ToLower(words[j-2])]) {
					last = stem(x)
				}
			}
			if end {
				break
			}
		}
		if len(last) >= 3 {
			return last
		}
	}
	return ""
}

// indefinite are the indefinite articles before a cause named.
var indefinite = set("ein eine einen einem einer eines")

func genitiveArticle(w string) bool {
	w = strings.ToLower(w)
	return w == "des" || w == "der"
}

// causeDenied: neg's sentence is negated and gives pos's cause after a
// preposition of causes.
func causeDenied(neg, pos *Claim) bool {
	if !neg.negative() || neg.HasQuantity {
		return false
	}
	cause := causeNamed(pos)
	if cause == "" {
		return false
	}
	words := strings.Fields(neg.Text)
	for i, w := range words {
		if !causePrepositions[strings.ToLower(w)] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+3; j++ {
			x := strings.Trim(words[j], ",.;:!?„“\"()")
			if x != "" && x != strings.ToLower(x) {
				if nounsMatch(stem(x), cause) {
					return true
				}
				break
			}
		}
	}
	return false
}
