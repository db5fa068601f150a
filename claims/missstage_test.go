package claims

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimbot/claimbot/articles"
)

// missStage says at which stage of the engine an expected alert was lost,
// so that a set's misses can be counted by cause without printing a case:
// the held-out parts report these counts only as totals, which say where the
// engine is weak in general (reading claims, gates of the comparison,
// detection) and nothing about any one case's wording.
func missStage(nw articles.Article, base []articles.Article, ids map[string]string, e topicAlert) string {
	paras := map[int]bool{e.NewParagraph: true}
	for _, a := range e.Also {
		paras[a.Paragraph] = true
	}
	var news []Claim
	for _, c := range Extract(nw) {
		if paras[c.Paragraph] {
			news = append(news, c)
		}
	}
	if len(news) == 0 {
		return "no claim read in the new paragraph"
	}
	var olds []Claim
	for _, p := range e.Earlier {
		for _, a := range base {
			if ids[a.ID] != p.Article {
				continue
			}
			for _, c := range Extract(a) {
				if c.Paragraph == p.Paragraph {
					olds = append(olds, c)
				}
			}
		}
	}
	if len(olds) == 0 {
		return "no claim read in the earlier paragraph"
	}
	// The verdicts of every pair; a miss is put down to the verdict of the
	// pair that came closest: the right kind (then detection lost it), else
	// another alerting or notable kind, else the gate that said unrelated.
	// A figure's contradiction is lost where the figures were compared, so
	// when both sides read a figure only figure pairs count; a missing
	// figure is itself the stage that lost it.
	figures := func(cs []Claim) bool {
		for _, c := range cs {
			if c.HasQuantity {
				return true
			}
		}
		return false
	}
	nf, of := figures(news), figures(olds)
	if e.Kind == string(KindConflict) && nf != of {
		if !nf {
			return "no figure read in the new paragraph"
		}
		return "no figure read in the earlier paragraph"
	}
	reasons := map[string]int{}
	for _, x := range news {
		for _, y := range olds {
			if nf && of && (!x.HasQuantity || !y.HasQuantity) {
				// two statements beside the figures are no closer pair:
				// counted, they outvote the figures' own gate in a tie
				continue
			}
			v := judge(&x, &y)
			switch {
			case string(v.kind) == e.Kind:
				return "judged " + e.Kind + ", lost in detection"
			case v.kind.Alerts() || v.kind.Notable():
				reasons["judged "+string(v.kind)]++
			case v.why != "":
				reasons["unrelated by the "+v.why+" gate"]++
			default:
				reasons["judged "+string(v.kind)]++
			}
		}
	}
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ki, kj := keys[i], keys[j]
		// notable verdicts first: they came closer than a gate
		ni, nj := strings.HasPrefix(ki, "judged"), strings.HasPrefix(kj, "judged")
		if ni != nj {
			return ni
		}
		if reasons[ki] != reasons[kj] {
			return reasons[ki] > reasons[kj]
		}
		return ki < kj
	})
	return keys[0]
}

// stageReport lists a set's misses by stage, most frequent first.
func stageReport(stages map[string]int) string {
	if len(stages) == 0 {
		return ""
	}
	keys := make([]string, 0, len(stages))
	for k := range stages {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if stages[keys[i]] != stages[keys[j]] {
			return stages[keys[i]] > stages[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	b.WriteString("misses by stage:\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %3d  %s\n", stages[k], k)
	}
	return b.String()
}
