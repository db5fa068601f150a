package claims

import "strings"

// Jobs and the people who hold them. A cut is reported by the jobs
// ("streicht 500 Stellen", "500 Arbeitsplätze werden abgebaut") or by the
// people who lose them ("800 Beschäftigte verlieren ihren Arbeitsplatz",
// "Der Stellenabbau betrifft 800 Beschäftigte"): one job lost is one
// person losing it, so the two count one thing. People who keep their
// jobs, or the whole staff, are not the jobs cut.

// jobKey is the key of "Stellen", "Arbeitsplätze" and "Jobs", one class.
var jobKey = nounKey("Stellen")

// staffKey is the key of "Beschäftigte", "Mitarbeiter", one class.
var staffKey = nounKey("Beschäftigte")

// jobsLostBy: x counts staff whose clause says they lose their job (a
// verb of losing with a job noun, or a noun for cutting jobs:
// "Stellenabbau", "Jobabbau").
func jobsLostBy(x *Claim) bool {
	if x.Key != staffKey || x.Unit != "" {
		return false
	}
	for _, n := range x.nouns {
		if n == jobKey && x.dirs == 2 {
			return true
		}
		if first, ok := strings.CutSuffix(n, "abbau"); ok && len(first) >= 3 {
			if k := nounKey(strings.ToUpper(first[:1]) + first[1:]); k == jobKey || strings.TrimRight(first, "ns") == jobKey {
				return true
			}
		}
	}
	return false
}

// jobsCut: y counts jobs its clause says are cut ("streicht", "abgebaut",
// "fallen weg").
func jobsCut(y *Claim) bool {
	if y.Key != jobKey || y.Unit != "" {
		return false
	}
	if y.dirs == 2 {
		return true
	}
	words := letterWords(strings.ToLower(y.Text))
	fall, weg := false, false
	for _, w := range words {
		switch {
		case w == "weg":
			weg = true
		case w == "weggefallen" || w == "wegfallen" || w == "wegfallenden":
			return true
		case strings.HasPrefix(w, "fall") || strings.HasPrefix(w, "fäll") || strings.HasPrefix(w, "fiel"):
			fall = true
		}
	}
	return fall && weg
}

// jobsOf: x counts the staff who lose their jobs and y the jobs cut, in
// one setting and one mode: a plan to cut 500 jobs and 300 people who
// have lost theirs so far are a plan and its progress, which the rules
// for one key read as an update.
func jobsOf(x, y *Claim) bool {
	return x.Mode == y.Mode && jobsLostBy(x) && jobsCut(y) && sameSetting(x, y)
}
