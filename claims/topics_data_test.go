package claims_test

// This file checks only the labelled topics set in testdata/ (topics.json and
// topics_heldout.json): that it parses, that every label points at text that
// really exists, and that the set keeps the shape TOPICS.md promises. It calls
// nothing in package claims on purpose: the labels were written independently
// of the engine, and their validity must not depend on it.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

type tdvFile struct {
	Note string `json:"note"`
	Part string `json:"part"`
	// HeldoutOnly lists the topics that only the held-out part may use.
	HeldoutOnly []string  `json:"heldout_only_topics"`
	Cases       []tdvCase `json:"cases"`
}

type tdvCase struct {
	ID        string       `json:"id"`
	Topic     string       `json:"topic"`
	Kind      string       `json:"kind"`
	Why       string       `json:"why"`
	Traps     []string     `json:"traps"`
	Base      []tdvArticle `json:"base"`
	New       tdvArticle   `json:"new"`
	Expect    []tdvLabel   `json:"expect"`
	ExpectNot []tdvLabel   `json:"expect_not"`
}

type tdvArticle struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Publisher  string   `json:"publisher"`
	Published  string   `json:"published"`
	Author     string   `json:"author"`
	Paragraphs []string `json:"paragraphs"`
}

type tdvLabel struct {
	Kind         string       `json:"kind"`
	Severity     string       `json:"severity"`
	New          string       `json:"new"`
	NewParagraph int          `json:"new_paragraph"`
	Also         []tdvPassage `json:"also"`
	Earlier      []tdvPassage `json:"earlier"`
}

type tdvPassage struct {
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
}

var (
	tdvAlerting = map[string]bool{"conflict": true, "denial": true, "retraction": true}
	tdvSilent   = map[string]bool{"compatible": true, "update": true, "unrelated": true}
	tdvSeverity = map[string]bool{"": true, "high": true, "medium": true, "low": true}
	// The formats the article parser accepts for "published".
	tdvDateLayouts = []string{time.RFC3339, time.DateOnly, "02.01.2006", "02.01.2006 15:04"}
)

func tdvLoad(t *testing.T, name, part string) tdvFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var f tdvFile
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.Part != part {
		t.Errorf("%s: part = %q, want %q", name, f.Part, part)
	}
	return f
}

// TestTopicSetWellFormed validates the labelled topics set without running the
// engine. Its name deliberately does not match -run TestTopics, the scorer.
func TestTopicSetWellFormed(t *testing.T) {
	tuningFile := tdvLoad(t, "topics.json", "tuning")
	heldoutFile := tdvLoad(t, "topics_heldout.json", "heldout")
	tuning, heldout := tuningFile.Cases, heldoutFile.Cases
	if len(tuningFile.HeldoutOnly) > 0 {
		t.Error("topics.json must not declare heldout_only_topics")
	}

	ids := map[string]bool{}
	for _, part := range []struct {
		name  string
		cases []tdvCase
	}{{"tuning", tuning}, {"heldout", heldout}} {
		for _, c := range part.cases {
			if ids[c.ID] {
				t.Errorf("case id %q appears twice", c.ID)
			}
			ids[c.ID] = true
			tdvCheckCase(t, part.name, c)
		}
	}

	total := len(tuning) + len(heldout)
	if total < 170 {
		t.Errorf("%d cases, want at least 170", total)
	}
	if share := float64(len(heldout)) / float64(total); share < 0.35 || share > 0.45 {
		t.Errorf("held-out share %.2f, want about 0.40 (0.35–0.45)", share)
	}

	tuningTopics := map[string]bool{}
	for _, c := range tuning {
		tuningTopics[c.Topic] = true
	}
	heldoutTopics := map[string]int{}
	for _, c := range heldout {
		heldoutTopics[c.Topic]++
	}
	allTopics := map[string]bool{}
	for topic := range tuningTopics {
		allTopics[topic] = true
	}
	for topic := range heldoutTopics {
		allTopics[topic] = true
	}
	if len(allTopics) < 24 {
		t.Errorf("%d topics, want at least 24", len(allTopics))
	}
	// The declared held-out-only topics must be whole: used by held-out cases
	// and by no tuning case. A topic used only in held-out but not declared is
	// an error too, so the declaration and the data cannot drift apart.
	declared := map[string]bool{}
	for _, topic := range heldoutFile.HeldoutOnly {
		if declared[topic] {
			t.Errorf("held-out-only topic %q declared twice", topic)
		}
		declared[topic] = true
		if tuningTopics[topic] {
			t.Errorf("held-out-only topic %q appears in the tuning part", topic)
		}
		if heldoutTopics[topic] == 0 {
			t.Errorf("held-out-only topic %q has no held-out case", topic)
		}
	}
	for topic := range heldoutTopics {
		if !tuningTopics[topic] && !declared[topic] {
			t.Errorf("topic %q is only in the held-out part but not declared in heldout_only_topics", topic)
		}
	}
	if len(declared) < 8 {
		t.Errorf("%d held-out-only topics, want at least 8", len(declared))
	}
	sharedHeldout := 0
	for _, c := range heldout {
		if tuningTopics[c.Topic] {
			sharedHeldout++
		}
	}
	if sharedHeldout == 0 {
		t.Error("held-out part has no case from a shared topic")
	}

	war := 0
	for _, c := range append(append([]tdvCase{}, tuning...), heldout...) {
		if c.Topic == "war" {
			war++
		}
	}
	if float64(war) > 0.10*float64(total) {
		t.Errorf("war topic has %d of %d cases, want at most 10%%", war, total)
	}

	for _, part := range []struct {
		name  string
		cases []tdvCase
	}{{"tuning", tuning}, {"heldout", heldout}} {
		kinds := map[string]int{}
		multi, repeated := 0, 0
		for _, c := range part.cases {
			kinds[c.Kind]++
			for _, l := range c.Expect {
				if len(l.Earlier) > 1 {
					multi++
				}
				if len(l.Also) > 0 {
					repeated++
				}
			}
		}
		for k := range tdvAlerting {
			if kinds[k] == 0 {
				t.Errorf("%s: no %s case", part.name, k)
			}
		}
		for k := range tdvSilent {
			if kinds[k] == 0 {
				t.Errorf("%s: no %s case", part.name, k)
			}
		}
		if multi == 0 {
			t.Errorf("%s: no alert citing more than one earlier passage", part.name)
		}
		if repeated == 0 {
			t.Errorf("%s: no alert whose statement the new article repeats", part.name)
		}
		t.Logf("%s: %d cases, kinds %v", part.name, len(part.cases), kinds)
	}
}

func tdvCheckCase(t *testing.T, part string, c tdvCase) {
	t.Helper()
	where := part + "/" + c.ID
	if c.ID == "" || c.Topic == "" || strings.TrimSpace(c.Why) == "" {
		t.Errorf("%s: id, topic and why are required", where)
	}
	if !tdvAlerting[c.Kind] && !tdvSilent[c.Kind] {
		t.Errorf("%s: kind %q", where, c.Kind)
	}
	if len(c.Base) < 1 || len(c.Base) > 4 {
		t.Errorf("%s: %d base articles, want 1–4", where, len(c.Base))
	}
	arts := map[string]tdvArticle{}
	for _, a := range append(append([]tdvArticle{}, c.Base...), c.New) {
		if a.ID == "" {
			t.Errorf("%s: article without id", where)
		}
		if _, dup := arts[a.ID]; dup {
			t.Errorf("%s: article id %q twice", where, a.ID)
		}
		arts[a.ID] = a
		if a.Title == "" || a.Publisher == "" {
			t.Errorf("%s/%s: title and publisher are required", where, a.ID)
		}
		if n := len(a.Paragraphs); n < 1 || n > 5 {
			t.Errorf("%s/%s: %d paragraphs, want 1–5", where, a.ID, n)
		}
		for i, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Errorf("%s/%s: paragraph %d is empty", where, a.ID, i+1)
			}
		}
		if a.Published != "" && !tdvParsesAsDate(a.Published) {
			t.Errorf("%s/%s: published %q is not YYYY-MM-DD, RFC 3339 or DD.MM.YYYY [HH:MM]", where, a.ID, a.Published)
		}
	}

	alertKinds := map[string]bool{}
	for i, l := range c.Expect {
		lw := where + "/expect[" + strconv.Itoa(i) + "]"
		if !tdvAlerting[l.Kind] {
			t.Errorf("%s: kind %q does not alert", lw, l.Kind)
		}
		alertKinds[l.Kind] = true
		tdvCheckLabel(t, lw, c, arts, l)
	}
	for i, l := range c.ExpectNot {
		lw := where + "/expect_not[" + strconv.Itoa(i) + "]"
		if !tdvAlerting[l.Kind] && !tdvSilent[l.Kind] {
			t.Errorf("%s: kind %q", lw, l.Kind)
		}
		if len(l.Also) > 0 || l.Severity != "" {
			t.Errorf("%s: also and severity belong to expected alerts only", lw)
		}
		tdvCheckLabel(t, lw, c, arts, l)
	}
	switch {
	case tdvAlerting[c.Kind]:
		if !alertKinds[c.Kind] {
			t.Errorf("%s: case kind %s but no %s alert expected", where, c.Kind, c.Kind)
		}
	case tdvSilent[c.Kind]:
		if len(c.Expect) > 0 {
			t.Errorf("%s: silent case (%s) expects alerts", where, c.Kind)
		}
		found := false
		for _, l := range c.ExpectNot {
			found = found || l.Kind == c.Kind
		}
		if !found {
			t.Errorf("%s: silent case (%s) has no expect_not pair of that kind", where, c.Kind)
		}
	}
}

func tdvCheckLabel(t *testing.T, where string, c tdvCase, arts map[string]tdvArticle, l tdvLabel) {
	t.Helper()
	if !tdvSeverity[l.Severity] {
		t.Errorf("%s: severity %q", where, l.Severity)
	}
	tdvCheckPassage(t, where+" new", c.New, l.NewParagraph, l.New)
	for _, a := range l.Also {
		if a.Article != "" && a.Article != c.New.ID {
			t.Errorf("%s: also names article %q, want the new article", where, a.Article)
		}
		tdvCheckPassage(t, where+" also", c.New, a.Paragraph, a.Text)
	}
	if len(l.Earlier) == 0 {
		t.Errorf("%s: no earlier passage", where)
	}
	seen := map[string]bool{}
	for _, e := range l.Earlier {
		a, ok := arts[e.Article]
		if !ok || e.Article == c.New.ID {
			t.Errorf("%s: earlier article %q is not in the base", where, e.Article)
			continue
		}
		if seen[e.Article] {
			t.Errorf("%s: earlier cites article %q twice", where, e.Article)
		}
		seen[e.Article] = true
		tdvCheckPassage(t, where+" earlier "+e.Article, a, e.Paragraph, e.Text)
	}
}

// tdvCheckPassage requires text to occur exactly once in the article, in the
// paragraph the label names, so a scorer can locate it without guessing.
func tdvCheckPassage(t *testing.T, where string, a tdvArticle, paragraph int, text string) {
	t.Helper()
	if strings.TrimSpace(text) == "" {
		t.Errorf("%s: empty text", where)
		return
	}
	if paragraph < 1 || paragraph > len(a.Paragraphs) {
		t.Errorf("%s: paragraph %d does not exist in %s (%d paragraphs)", where, paragraph, a.ID, len(a.Paragraphs))
		return
	}
	if !strings.Contains(a.Paragraphs[paragraph-1], text) {
		t.Errorf("%s: %q is not in paragraph %d of %s", where, text, paragraph, a.ID)
	}
	if n := strings.Count(strings.Join(a.Paragraphs, "\n"), text); n != 1 {
		t.Errorf("%s: %q occurs %d times in %s, want once", where, text, n, a.ID)
	}
}

func tdvParsesAsDate(s string) bool {
	for _, layout := range tdvDateLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// TestTopicSetNewWellFormed validates topics_new.json, the second tuning
// file, case by case as above. Its topics must not be topics only the
// held-out part may use, and its ids must not clash with the other files.
func TestTopicSetNewWellFormed(t *testing.T) {
	extra := tdvLoad(t, "topics_new.json", "tuning")
	tuning := tdvLoad(t, "topics.json", "tuning")
	heldout := tdvLoad(t, "topics_heldout.json", "heldout")
	ids := map[string]bool{}
	for _, c := range append(tuning.Cases, heldout.Cases...) {
		ids[c.ID] = true
	}
	heldoutOnly := map[string]bool{}
	for _, topic := range heldout.HeldoutOnly {
		heldoutOnly[topic] = true
	}
	if len(extra.HeldoutOnly) > 0 {
		t.Error("topics_new.json must not declare heldout_only_topics")
	}
	if len(extra.Cases) == 0 {
		t.Fatal("topics_new.json has no case")
	}
	tdvCheckFile(t, "tuning-new", extra.Cases, ids, heldoutOnly, "is reserved for the held-out part")
}

// tdvCheckFile checks the cases of one file against the others: no id
// that ids already has (ids gains the file's), no topic of taken (why
// says whose it is), and each case well formed.
func tdvCheckFile(t *testing.T, part string, cases []tdvCase, ids, taken map[string]bool, why string) {
	t.Helper()
	for _, c := range cases {
		if ids[c.ID] {
			t.Errorf("case id %q appears twice", c.ID)
		}
		ids[c.ID] = true
		if taken[c.Topic] {
			t.Errorf("%s: topic %q %s", c.ID, c.Topic, why)
		}
		tdvCheckCase(t, part, c)
	}
}

// TestTopicSetNew3WellFormed validates topics_new3.json case by case. Its
// cases were written blind on topics of their own, so besides the checks
// above its topics must not occur in any other file, and its ids must not
// clash with theirs.
func TestTopicSetNew3WellFormed(t *testing.T) {
	blind := tdvLoad(t, "topics_new3.json", "tuning")
	if len(blind.HeldoutOnly) > 0 {
		t.Error("topics_new3.json must not declare heldout_only_topics")
	}
	if len(blind.Cases) < 60 {
		t.Errorf("topics_new3.json has %d cases, want at least 60", len(blind.Cases))
	}
	heldout := tdvLoad(t, "topics_heldout.json", "heldout")
	ids, otherTopics := map[string]bool{}, map[string]bool{}
	for _, topic := range heldout.HeldoutOnly {
		otherTopics[topic] = true
	}
	others := [][]tdvCase{heldout.Cases}
	for _, name := range []string{"topics.json", "topics_new.json", "topics_new2.json"} {
		others = append(others, tdvLoad(t, name, "tuning").Cases)
	}
	for _, cases := range others {
		for _, c := range cases {
			ids[c.ID] = true
			otherTopics[c.Topic] = true
		}
	}
	topics := map[string]bool{}
	tdvCheckFile(t, "unseen-new3", blind.Cases, ids, otherTopics, "is already used by another file")
	for _, c := range blind.Cases {
		topics[c.Topic] = true
	}
	if len(topics) < 14 {
		t.Errorf("topics_new3.json has %d topics, want at least 14", len(topics))
	}
}

// TestBlindTopicSetsWellFormed validates the files written blind on topics
// of their own (topics_new4.json on), case by case: their topics must not
// occur in any other file and their ids must not clash with any other
// file's (the held-out files are loaded here only to compare topics and
// ids); the later ones carry an id prefix of their own.
func TestBlindTopicSetsWellFormed(t *testing.T) {
	all := []string{"topics.json", "topics_new.json", "topics_new2.json", "topics_new3.json",
		"topics_new4.json", "topics_new5.json", "topics_new6.json"}
	for _, tc := range []struct {
		file, label, prefix string
		minCases, minTopics int
	}{
		{"topics_new4.json", "tuning-new4", "", 80, 16},
		{"topics_new5.json", "unseen-new5", "n5-", 60, 12},
		{"topics_new6.json", "tuning-new6", "n6-", 70, 14},
	} {
		t.Run(tc.file, func(t *testing.T) {
			blind := tdvLoad(t, tc.file, "tuning")
			if len(blind.HeldoutOnly) > 0 {
				t.Errorf("%s must not declare heldout_only_topics", tc.file)
			}
			if len(blind.Cases) < tc.minCases {
				t.Errorf("%s has %d cases, want at least %d", tc.file, len(blind.Cases), tc.minCases)
			}
			heldout := tdvLoad(t, "topics_heldout.json", "heldout")
			ids, otherTopics := map[string]bool{}, map[string]bool{}
			for _, topic := range heldout.HeldoutOnly {
				otherTopics[topic] = true
			}
			others := [][]tdvCase{heldout.Cases}
			for _, name := range all {
				if name != tc.file {
					others = append(others, tdvLoad(t, name, "tuning").Cases)
				}
			}
			for _, cases := range others {
				for _, c := range cases {
					ids[c.ID] = true
					otherTopics[c.Topic] = true
				}
			}
			tdvCheckFile(t, tc.label, blind.Cases, ids, otherTopics, "is already used by another file")
			topics := map[string]bool{}
			for _, c := range blind.Cases {
				topics[c.Topic] = true
				if tc.prefix != "" && !strings.HasPrefix(c.ID, tc.prefix) {
					t.Errorf("case id %q: want the prefix %s", c.ID, tc.prefix)
				}
			}
			if len(topics) < tc.minTopics {
				t.Errorf("%s has %d topics, want at least %d", tc.file, len(topics), tc.minTopics)
			}
		})
	}
}
