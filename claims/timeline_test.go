package claims

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func formatTimeline(es []TimelineEntry) string {
	var b strings.Builder
	for _, e := range es {
		hi := fnum(e.High)
		fmt.Fprintf(&b, "%-16s %-44s [%s, %s] rel=%s\n", or(e.When, "?"), e.Figure, fnum(e.Low), hi, or(e.Relation, "-"))
		fmt.Fprintf(&b, "                 %s | %s p%d | sources=%s | hedges=%s\n", e.WhenNote, e.Article[:3], e.Paragraph,
			or(strings.Join(e.Sources, "; "), "-"), or(strings.Join(e.Hedges, ","), "-"))
	}
	return b.String()
}

// TestTimelineGolden pins the timeline of North Korean soldiers on the
// seeds: 100.000 offered (2022), the withdrawal and 300–500 (2023), up to
// 100.000 considered and about 15.000 at the front (Nov 2024), more than
// 10.000 sent (2024, per the 2025 article), then thousands, 1.000 deminers
// and 5.000 soldiers for Kursk (2025).
func TestTimelineGolden(t *testing.T) {
	es := Timeline(seeds(t), "nordkoreanische Soldaten")
	golden(t, "timeline.golden", formatTimeline(es))
	var order []string
	for _, e := range es {
		order = append(order, e.Figure)
	}
	want := []string{"100.000 Soldaten", "zurückgezogen", "300–500 Soldaten", "bis zu 100.000 Soldaten",
		"etwa 15.000 Soldaten", "mehr als 10.000 Soldaten", "1.000 Minenräumer", "5.000 Soldaten"}
	i := 0
	for _, f := range order {
		if i < len(want) && strings.Contains(f, want[i]) {
			i++
		}
	}
	if i != len(want) {
		t.Errorf("timeline order %q lacks %q in this order", order, want[i:])
	}
	if _, err := json.Marshal(es); err != nil {
		t.Errorf("timeline must encode as JSON: %v", err)
	}
}

// TestTimelineTopics checks that topics match across German inflection and
// gender forms, and that a relation word in the topic picks that relation.
func TestTimelineTopics(t *testing.T) {
	as := seeds(t)
	base := formatTimeline(Timeline(as, "nordkoreanische Soldaten"))
	for _, topic := range []string{"nordkoreanischer Soldat", "Nordkoreanische Soldat:innen", "Soldaten Nordkoreas", "nordkoreanische Truppen"} {
		if got := formatTimeline(Timeline(as, topic)); got != base {
			t.Errorf("Timeline(%q) differs from Timeline(\"nordkoreanische Soldaten\"):\n%s", topic, got)
		}
	}
	tests := []struct {
		topic string
		want  []string // figures, in order
	}{
		{"aktive nordkoreanische Soldaten", []string{"fast 1,3 Millionen Soldat:innen"}},
		{"nordkoreanische Reservisten", []string{"600.000 Soldat:innen"}},
		{"aktive russische Soldaten", []string{"etwa 500.000 Soldaten"}},
		{"getötete russische Soldaten", []string{"bis zu 70.000 Soldaten"}},
		{"Raketen", []string{"etwa 120 Raketen"}},
		{"Minenräumer", []string{"1.000 Minenräumer"}},
		{"Pinguine", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Timeline(as, tt.topic) {
			got = append(got, e.Figure[strings.Index(e.Figure, ": ")+2:])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Timeline(%q) = %q, want %q", tt.topic, got, tt.want)
		}
	}
}
