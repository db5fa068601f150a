package claims

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/articles"
)

func formatTimeline(es []TimelineEntry) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%-16s %-44s [%s, %s] rel=%s\n", or(e.When, "?"), e.Figure, fnum(e.Low), fnum(e.High), or(string(e.Relation), "-"))
		fmt.Fprintf(&b, "                 %s | %s p%d | sources=%s | hedges=%s\n", e.WhenNote, e.Article[:min(3, len(e.Article))], e.Paragraph,
			or(strings.Join(e.Sources, "; "), "-"), or(strings.Join(e.Hedges, ","), "-"))
	}
	return b.String()
}

// TestTimelineGolden pins the timeline of soldiers on the seeds: the dated
// figures first, then the undated ones in publication order, since their
// time is not guessed.
func TestTimelineGolden(t *testing.T) {
	es := Timeline(seeds(t), "nordkoreanische Soldaten")
	golden(t, "timeline.golden", formatTimeline(es))
	if len(es) == 0 || es[0].When != "2024-11-18" {
		t.Fatalf("timeline %v: want the dated figures of 2024-11-18 first", es)
	}
	if _, err := json.Marshal(es); err != nil {
		t.Errorf("timeline must encode as JSON: %v", err)
	}
}

// TestTimelineTopics checks that topics match across inflection and
// gender forms, that a name narrows the topic, and that an adjective of
// the topic must be the figure's.
func TestTimelineTopics(t *testing.T) {
	as := []articles.Article{
		dated("a", "2025-02-15", "Nach Angaben der Polizei beteiligten sich am Samstag in Leipzig rund 4.000 Menschen an der Kundgebung."),
		dated("b", "2025-02-16", "Die Veranstalter sprachen am Samstag in Leipzig von mehr als 12.000 Teilnehmern."),
		dated("c", "2025-02-16", "In Dresden demonstrierten am Samstag 9.000 Menschen."),
		dated("d", "2025-03-01", "Die Stadt Leipzig zählt 620.000 Einwohner und 14.000 aktive Vereinsmitglieder."),
	}
	tests := []struct {
		topic string
		want  []string // figures, in order
	}{
		{"Teilnehmer Leipzig", []string{"rund 4.000 Menschen", "mehr als 12.000 Teilnehmern"}},
		{"Teilnehmerinnen", []string{"rund 4.000 Menschen", "mehr als 12.000 Teilnehmern", "9.000 Menschen"}},
		{"aktive Vereinsmitglieder", []string{"14.000 Vereinsmitglieder"}},
		{"Vereinsmitglieder", nil},
		{"Pinguine", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Timeline(as, tt.topic) {
			f := e.Figure
			if i := strings.Index(f, ": "); i >= 0 {
				f = f[i+2:]
			}
			got = append(got, f)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Timeline(%q) = %q, want %q", tt.topic, got, tt.want)
		}
	}
}
