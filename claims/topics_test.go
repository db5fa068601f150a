package claims

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

// The topics set (testdata/TOPICS.md) is scored as the bot sees it: each
// case's base articles are indexed in order, the new article is added, and
// the alerts Detect raises are matched against the labels. The tuning part
// is printed case by case; the held-out part is scored and reported only
// as aggregate figures, so that nobody tunes a rule on what it prints.

type topicArticle struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Publisher  string   `json:"publisher"`
	Published  string   `json:"published"`
	Author     string   `json:"author"`
	Paragraphs []string `json:"paragraphs"`
}

type topicPassage struct {
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
}

type topicAlert struct {
	Kind         string         `json:"kind"`
	Severity     string         `json:"severity"`
	New          string         `json:"new"`
	NewParagraph int            `json:"new_paragraph"`
	Also         []topicPassage `json:"also"`
	Earlier      []topicPassage `json:"earlier"`
}

type topicCase struct {
	ID        string         `json:"id"`
	Topic     string         `json:"topic"`
	Kind      string         `json:"kind"`
	Why       string         `json:"why"`
	Traps     []string       `json:"traps"`
	Base      []topicArticle `json:"base"`
	New       topicArticle   `json:"new"`
	Expect    []topicAlert   `json:"expect"`
	ExpectNot []topicAlert   `json:"expect_not"`
}

type topicSet struct {
	Part  string      `json:"part"`
	Cases []topicCase `json:"cases"`
}

// parseTopicArticle turns a labelled article into what the bot indexes: a
// Markdown file with front matter, read by the article parser.
func parseTopicArticle(t testing.TB, caseID string, a topicArticle) articles.Article {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\n")
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	fmt.Fprintf(&b, "title: %s\n", q(a.Title))
	if a.Publisher != "" {
		fmt.Fprintf(&b, "publisher: %s\n", q(a.Publisher))
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "author: %s\n", q(a.Author))
	}
	if a.Published != "" {
		fmt.Fprintf(&b, "published: %s\n", q(a.Published))
	}
	b.WriteString("---\n\n")
	b.WriteString(strings.Join(a.Paragraphs, "\n\n"))
	b.WriteString("\n")
	art, err := articles.Parse(caseID+"-"+a.ID+".md", []byte(b.String()))
	if err != nil {
		t.Fatalf("%s/%s: %v", caseID, a.ID, err)
	}
	// The labels count paragraphs as written; the parser drops what looks
	// like page furniture (an interview's short question), so the body is
	// taken as labelled and only the metadata from the parser.
	art.Paragraphs = nil
	for i, p := range a.Paragraphs {
		art.Paragraphs = append(art.Paragraphs, articles.Paragraph{N: i + 1, Text: p, Sources: articles.CitedSources(p)})
	}
	return art
}

// topicScore counts hits per kind.
type topicScore struct {
	tp, fp, fn        map[Kind]int
	alertingArticles  int // new articles with at least one expected alert
	alertsOnAlerting  int // engine alerts raised by those articles
	silentCases       int
	silentWithAlerts  int
	cases             int
	notPairs, notHeld int            // expect_not pairs, and how many raised no alert
	stages            map[string]int // missed alerts by the stage that lost them
}

func newTopicScore() *topicScore {
	return &topicScore{tp: map[Kind]int{}, fp: map[Kind]int{}, fn: map[Kind]int{}, stages: map[string]int{}}
}

// runTopicCase scores one case and returns lines explaining its misses.
func runTopicCase(t testing.TB, c topicCase, sc *topicScore) []string {
	base := make([]articles.Article, len(c.Base))
	ids := map[string]string{}
	for i, a := range c.Base {
		base[i] = parseTopicArticle(t, c.ID, a)
		ids[base[i].ID] = a.ID
	}
	nw := parseTopicArticle(t, c.ID, c.New)
	got := []Alert{}
	for _, al := range Detect([]articles.Article{nw}, base) {
		if al.Kind.Alerts() {
			got = append(got, al)
		}
	}
	sc.cases++
	if len(c.Expect) > 0 {
		sc.alertingArticles++
		sc.alertsOnAlerting += len(got)
	} else {
		sc.silentCases++
		if len(got) > 0 {
			sc.silentWithAlerts++
		}
	}
	cited := func(al Alert) []string {
		var out []string
		for _, s := range al.Existing {
			out = append(out, ids[s.Article]+":"+fmt.Sprint(s.Paragraph))
		}
		sort.Strings(out)
		return out
	}
	var notes []string
	used := make([]bool, len(got))
	for _, e := range c.Expect {
		paras := map[int]bool{e.NewParagraph: true}
		for _, a := range e.Also {
			paras[a.Paragraph] = true
		}
		var want []string
		for _, p := range e.Earlier {
			want = append(want, p.Article+":"+fmt.Sprint(p.Paragraph))
		}
		sort.Strings(want)
		hit := false
		for i, al := range got {
			if used[i] || string(al.Kind) != e.Kind || !paras[al.New.Paragraph] || strings.Join(cited(al), " ") != strings.Join(want, " ") {
				continue
			}
			used[i], hit = true, true
			sc.tp[al.Kind]++
			break
		}
		if !hit {
			sc.fn[Kind(e.Kind)]++
			stage := missStage(nw, base, ids, e)
			sc.stages[e.Kind+": "+stage]++
			notes = append(notes, fmt.Sprintf("  missed %s (%s): new p%d %q against %v", e.Kind, stage, e.NewParagraph, e.New, want))
		}
	}
	for i, al := range got {
		if used[i] {
			continue
		}
		sc.fp[al.Kind]++
		notes = append(notes, fmt.Sprintf("  false %s (%s): new p%d %q against %v: %s", al.Kind, al.Severity, al.New.Paragraph, al.New.Figure, cited(al), al.Explanation.EN))
	}
	for _, n := range c.ExpectNot {
		sc.notPairs++
		raised := false
		for _, al := range got {
			if al.New.Paragraph != n.NewParagraph {
				continue
			}
			for _, s := range al.Existing {
				for _, p := range n.Earlier {
					if ids[s.Article] == p.Article && s.Paragraph == p.Paragraph {
						raised = true
					}
				}
			}
		}
		if !raised {
			sc.notHeld++
		}
	}
	return notes
}

func (sc *topicScore) report(name string) (string, float64, float64, float64) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n[%s] %d cases, %d with expected alerts, %d silent\n", name, sc.cases, sc.alertingArticles, sc.silentCases)
	fmt.Fprintf(&b, "%-11s %9s %9s  %s\n", "kind", "precision", "recall", "(tp/fp/fn)")
	var tp, fp, fn int
	for _, k := range []Kind{KindConflict, KindDenial, KindRetraction} {
		fmt.Fprintf(&b, "%-11s %9.2f %9.2f  (%d/%d/%d)\n", k, ratio(sc.tp[k], sc.tp[k]+sc.fp[k]), ratio(sc.tp[k], sc.tp[k]+sc.fn[k]), sc.tp[k], sc.fp[k], sc.fn[k])
		tp, fp, fn = tp+sc.tp[k], fp+sc.fp[k], fn+sc.fn[k]
	}
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	per := float64(sc.alertsOnAlerting) / float64(max(1, sc.alertingArticles))
	fmt.Fprintf(&b, "%-11s %9.2f %9.2f  (%d/%d/%d)\n", "ALERT", p, r, tp, fp, fn)
	fmt.Fprintf(&b, "alerts per alerting new article: %.2f (%d alerts from %d articles)\n", per, sc.alertsOnAlerting, sc.alertingArticles)
	fmt.Fprintf(&b, "silent cases that raised an alert: %d of %d; expect_not pairs that stayed silent: %d of %d\n",
		sc.silentWithAlerts, sc.silentCases, sc.notHeld, sc.notPairs)
	b.WriteString(stageReport(sc.stages))
	return b.String(), p, r, per
}

func readTopicSet(t *testing.T, name string) (topicSet, bool) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if os.IsNotExist(err) {
		return topicSet{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var set topicSet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return set, true
}

// TestTopics scores alerting on the topics set: precision and recall per
// kind (an alert counts only when it cites exactly the right earlier
// passages) and alerts per alerting new article, for the tuning and the
// held-out part separately.
func TestTopics(t *testing.T) {
	tuning, ok := readTopicSet(t, "topics.json")
	if !ok {
		t.Fatal("testdata/topics.json is missing")
	}
	sc := newTopicScore()
	for _, c := range tuning.Cases {
		if notes := runTopicCase(t, c, sc); len(notes) > 0 {
			t.Logf("%s (%s, %s):\n%s", c.ID, c.Topic, c.Kind, strings.Join(notes, "\n"))
		}
	}
	rep, p, r, per := sc.report("tuning")
	t.Log(rep)
	// Floors a little under what the rules reach on the tuning part, so a
	// change that loses ground fails here.
	if p < topicFloorPrecision || r < topicFloorRecall {
		t.Errorf("tuning: alert precision %.2f, recall %.2f; want at least %.2f and %.2f", p, r, topicFloorPrecision, topicFloorRecall)
	}
	if per > 1.5 {
		t.Errorf("tuning: %.2f alerts per alerting article, want at most 1.5", per)
	}

	// Further files, each on topics of its own, reported on their own and
	// without a floor, so their figures are visible as they are (TOPICS.md
	// says how and when each was written). The tuning ones are printed case
	// by case; the unseen ones, like the held-out file, only as aggregates,
	// so that the helpers tuning the rules cannot read their cases from a
	// failing run, and not at all under CLAIMBOT_TOPICS_TUNING_ONLY.
	for _, part := range []struct {
		file, label string
		unseen      bool
	}{
		{"topics_new.json", "tuning-new", false},
		{"topics_new2.json", "tuning-new2", false},
		{"topics_new4.json", "tuning-new4", false}, // written blind, tuned on since its first score
		{"topics_new6.json", "tuning-new6", false}, // the same, 2026-12-04
		{"topics_new3.json", "unseen-new3", true},  // written blind, never tuned on
		{"topics_new5.json", "unseen-new5", true},  // the same, 2026-12-04
	} {
		if part.unseen && os.Getenv("CLAIMBOT_TOPICS_TUNING_ONLY") != "" {
			t.Logf("CLAIMBOT_TOPICS_TUNING_ONLY is set: %s is not scored", part.label)
			continue
		}
		extra, ok := readTopicSet(t, part.file)
		if !ok {
			continue
		}
		es := newTopicScore()
		for _, c := range extra.Cases {
			if notes := runTopicCase(t, c, es); len(notes) > 0 && !part.unseen {
				t.Logf("%s (%s, %s):\n%s", c.ID, c.Topic, c.Kind, strings.Join(notes, "\n"))
			}
		}
		rep, _, _, _ := es.report(part.label)
		t.Log(rep)
	}

	if os.Getenv("CLAIMBOT_TOPICS_TUNING_ONLY") != "" {
		t.Log("CLAIMBOT_TOPICS_TUNING_ONLY is set: the held-out part is not scored")
		return
	}

	held, ok := readTopicSet(t, "topics_heldout.json")
	if !ok {
		t.Log("testdata/topics_heldout.json is missing: no held-out score")
		return
	}
	// Held-out: aggregate figures only. Nothing about a single case is
	// printed, on success or failure.
	hs := newTopicScore()
	for _, c := range held.Cases {
		runTopicCase(t, c, hs)
	}
	rep, _, _, _ = hs.report("held-out")
	t.Log(rep)
	if hs.cases == 0 {
		t.Error("held-out: no case scored")
	}
}

// Floors for the tuning part (see TestTopics).
const (
	topicFloorPrecision = 0.95
	topicFloorRecall    = 0.80
)
