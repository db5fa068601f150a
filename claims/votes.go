package claims

import (
	"strings"
	"unicode"
)

// Votes. A vote is counted in two ways: by the votes cast one way ("mit
// 78 Ja-Stimmen angenommen", "21 Gegenstimmen") and by the voters said to
// have voted that way ("Für das Gesetz stimmten 71 Abgeordnete", "204
// Abgeordnete stimmten dagegen"). One voter is one vote, so the two are
// one measured thing, but only for the same side: the yes votes are not
// the no votes, nor the abstentions, nor all who voted ("stimmten über
// das Gesetz ab").

// voteHeadSide is the side a noun of votes names: +1 for "Ja-Stimmen",
// -1 for "Nein-Stimmen" and "Gegenstimmen", 0 for any other noun
// ("Stimmen" alone may be all votes cast).
func voteHeadSide(head string) int {
	lw := strings.ReplaceAll(strings.ToLower(head), "-", "")
	if !strings.HasSuffix(lw, "stimmen") && !strings.HasSuffix(lw, "stimme") {
		return 0
	}
	switch {
	case strings.HasPrefix(lw, "ja") || strings.HasPrefix(lw, "pro"):
		return 1
	case strings.HasPrefix(lw, "nein") || strings.HasPrefix(lw, "gegen") || strings.HasPrefix(lw, "contra") || strings.HasPrefix(lw, "kontra"):
		return -1
	}
	return 0
}

// voteVerbs are the forms of the verbs of casting a vote one way; with
// "ab" they say that a vote was held, not how it went.
var voteVerbs = set("stimmen stimmt stimmte stimmten gestimmt votieren votiert votierte votierten")

// yesVerbs cast a vote for what they govern: "zugestimmt", "stimmten … zu".
var yesVerbs = set("zugestimmt zuzustimmen")

// voteSide reads the side the people counted at qs voted, from the verb
// of the figure's clause and the preposition or adverb that says which
// way ("für", "dafür", "gegen", "dagegen", "mit Ja"), and the noun of the
// motion "für" or "gegen" governs ("Polizeigesetz"), or "".
func (an *analysis) voteSide(qs, head int) (int, string) {
	toks := an.toks
	verb, ab, zu := false, false, false
	side, sides := 0, 0
	motion := ""
	for k, t := range toks {
		if an.clause[k] != an.clause[qs] || t.punct {
			continue
		}
		switch lw := t.low; {
		case voteVerbs[lw]:
			verb = true
		case yesVerbs[lw]:
			verb, zu = true, true
		case lw == "abgestimmt" || lw == "abzustimmen":
			verb, ab = true, true
		case lw == "ab":
			ab = true
		case lw == "zu" && k == len(toks)-1 || lw == "zu" && k+1 < len(toks) && toks[k+1].punct:
			zu = true // "stimmten dem Gesetz zu": the particle closes the clause
		case lw == "für" || lw == "dafür" || lw == "gegen" || lw == "dagegen":
			s := 1
			if strings.HasSuffix(lw, "gegen") {
				s = -1
			}
			if side != s {
				sides++
			}
			side = s
			if lw == "für" || lw == "gegen" {
				for m := k + 1; m < len(toks) && m <= k+4 && an.clause[m] == an.clause[k]; m++ {
					if an.role[m] == rNoun && toks[m].upper {
						if m != head {
							motion = stem(toks[m].text)
						}
						break
					}
					if !(determiners[toks[m].low] || an.role[m] == rAdj) {
						break
					}
				}
			}
		case lw == "mit" && k+1 < len(toks) && (toks[k+1].low == "ja" || toks[k+1].low == "nein"):
			s := 1
			if toks[k+1].low == "nein" {
				s = -1
			}
			if side != s {
				sides++
			}
			side = s
		}
	}
	if !verb || ab {
		return 0, ""
	}
	if zu && side == 0 {
		side, sides = 1, 1
	}
	if sides != 1 {
		return 0, "" // both ways in one clause: which the count is, is not read
	}
	return side, motion
}

// votesOf: x counts the voters of one side ("Für das Gesetz stimmten 71
// Abgeordnete") and y the votes of that side ("78 Ja-Stimmen"), on one
// motion: the motion x names is a noun of y's sentence or paragraph ("das
// Gesetz", "das neue Schulgesetz"); without one, the clauses share their
// setting.
func votesOf(x, y *Claim) bool {
	if x.vote == 0 || x.Unit != y.Unit || voteHeadSide(y.Head) != x.vote || !voterHead(x.Head) || len(x.Modifiers) > 0 || groupOfVoters(x, y) {
		return false
	}
	if x.motion == "" {
		return sameSetting(x, y)
	}
	if containsNoun(y.nouns, x.motion) {
		return true
	}
	for _, w := range letterWords(y.Passage) {
		if unicode.IsUpper([]rune(w)[0]) && nounsMatch(stem(w), x.motion) {
			return true
		}
	}
	return false
}

// voterHead: a noun for people, or for people elected to vote
// ("Abgeordnete", whom the thesaurus gives as "Politiker"): a count of
// parties or of districts that voted one way is no count of votes.
func voterHead(head string) bool {
	if personHead(head) {
		return true
	}
	b := broaderOf(head)
	return b["politiker"] || b["volksvertreter"]
}

// groupOfVoters: the voters counted are of a group the sentence names
// after them ("41 Abgeordnete der Koalition", "6 Abgeordnete aus der
// FDP"), or "auch" some of them: a part of the votes, not all of one side.
// A group y names too is the body that voted ("380 Mitglieder des VfL
// Bochum" and the club's "412 Ja-Stimmen").
func groupOfVoters(x, y *Claim) bool {
	words := strings.Fields(x.Text)
	for i, w := range words {
		if strings.Trim(w, ",.;:!?„“\"()") != x.Head || strings.ContainsAny(w, ",.;:") {
			continue
		}
		if i+1 >= len(words) {
			break
		}
		switch strings.ToLower(words[i+1]) {
		case "der", "des", "aus", "von":
		default:
			continue
		}
		for _, g := range words[i+2:] {
			g = strings.Trim(g, ",.;:!?„“\"()")
			if g == "" || g == strings.ToLower(g) {
				continue // the article of "aus der FDP", an adjective
			}
			return !containsName(y.Anchors, nameKey(g)) && !containsString(y.nouns, stem(g)) && !(y.ownerKey != "" && sameName(y.ownerKey, nameKey(g)))
		}
	}
	for _, w := range words {
		if lw := strings.ToLower(w); lw == "auch" || lw == "darunter" {
			return true
		}
	}
	return false
}
