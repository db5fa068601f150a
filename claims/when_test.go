package claims

import (
	"strings"
	"testing"
	"time"
)

// TestArticleWindow pins what the seeds reveal about their time. Only one
// seed states a date; the others are inferred and marked so, never turned
// into a publication date.
func TestArticleWindow(t *testing.T) {
	want := map[string]struct{ window, basis, cue string }{
		"000": {"2022-07/2022-08", "inferred", "Nach über 5 Monaten Krieg"},
		"001": {"2023-01/2023-02", "inferred", "fast ein Jahr"},
		"002": {"2024-11-18", "published", ""},
		"003": {"2022-07/2022-08", "inferred", "seit mehr als fünf Monaten"},
		"004": {"2025-04/2025-12", "inferred", "Ende April erstmals offiziell"},
	}
	for _, a := range seeds(t) {
		w := articleWindow(a)
		exp := want[a.ID[:3]]
		if w.String() != exp.window || w.Basis != exp.basis || !strings.Contains(w.Cue, exp.cue) {
			t.Errorf("%s: window %s basis %s cue %q, want %s %s %q", a.ID, w, w.Basis, w.Cue, exp.window, exp.basis, exp.cue)
		}
		if a.ID[:3] != "002" && a.PublishedDate() != "" {
			t.Errorf("%s: has a publication date %s it does not state", a.ID, a.PublishedDate())
		}
	}
}

func TestSentenceWindow(t *testing.T) {
	pub := Window{From: day(2024, 11, 18), To: day(2024, 11, 18), Basis: "published"}
	inferred := Window{From: day(2025, 4, 28), To: day(2025, 12, 31), Basis: "inferred", Cue: "Ende April"}
	tests := []struct {
		s     string
		ref   Window
		want  string
		basis string
	}{
		{"Am 18.11.2024 kamen sie.", pub, "2024-11-18", "explicit"},
		{"Im April 2019 trafen sie sich.", pub, "2019-04", "explicit"},
		{"Ende April 2024 kamen sie.", pub, "2024-04-21/2024-04-30", "explicit"},
		{"Im Jahr 2023 kamen sie.", pub, "2023", "explicit"},
		{"Anfang 2024 waren es mehr.", pub, "2024-01/2024-04", "explicit"},
		{"Seit 2022 kamen sie.", pub, "2022-01/2024-11", "explicit"},
		{"Im vergangenen Jahr kamen sie.", pub, "2023", "relative"},
		{"Im vergangenen Jahr kamen sie.", inferred, "2024", "inferred"},
		{"In diesem Jahr kamen sie.", pub, "2024", "relative"},
		{"Zu Beginn des Jahres waren es mehr.", pub, "2024-01/2024-03", "relative"},
		{"Ende April bestätigte Nordkorea.", pub, "2024-04-21/2024-04-30", "relative"},
		{"Im Dezember kamen sie.", pub, "2023-12", "relative"},
		{"Am letzten Wochenende griff Russland an.", pub, "2024-11-16/2024-11-17", "relative"},
		{"Am Sonntag griff Russland an.", pub, "2024-11-17", "relative"},
		{"Gestern griff Russland an.", pub, "2024-11-17", "relative"},
		{"Seit Beginn des großflächigen Krieges starben viele.", pub, "2022-02/2024-11", "relative"},
		{"Vor zwei Jahren kamen sie.", pub, "2022", "relative"},
		{"Kürzlich kamen sie.", pub, "", ""},
		{"Im vergangenen Jahr kamen sie.", Window{Basis: "unknown"}, "", ""},
	}
	for _, tt := range tests {
		w, ok := sentenceWindow(tt.s, tt.ref)
		if tt.want == "" {
			if ok {
				t.Errorf("%q: window %s, want none", tt.s, w)
			}
			continue
		}
		if !ok || w.String() != tt.want || w.Basis != tt.basis {
			t.Errorf("%q: %s (%s), want %s (%s)", tt.s, w, w.Basis, tt.want, tt.basis)
		}
	}
}

func TestWarDuration(t *testing.T) {
	tests := []struct{ s, want string }{
		{"Nach über 5 Monaten Krieg in der Ukraine", "2022-07/2022-08"},
		{"Nun dauert der Konflikt fast ein Jahr an", "2023-01/2023-02"},
		{"da sich der Krieg seit mehr als fünf Monaten hinzieht", "2022-07/2022-08"},
		{"Nach zwei Jahren Krieg", "2024-02/2025-02"},
		{"vor zwei Jahren begann der Krieg", ""},
	}
	for _, tt := range tests {
		w, ok := warDuration(tt.s, strings.ToLower(tt.s))
		if got := w.String(); (tt.want == "") == ok || got != tt.want {
			t.Errorf("%q: %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestWindowString(t *testing.T) {
	tests := []struct {
		f, t time.Time
		want string
	}{
		{day(2024, 11, 18), day(2024, 11, 18), "2024-11-18"},
		{day(2024, 4, 1), day(2024, 4, 30), "2024-04"},
		{day(2024, 1, 1), day(2024, 12, 31), "2024"},
		{day(2024, 11, 16), day(2024, 11, 17), "2024-11-16/2024-11-17"},
		{day(2022, 7, 24), day(2022, 8, 23), "2022-07/2022-08"},
	}
	for _, tt := range tests {
		if got := (Window{From: tt.f, To: tt.t}).String(); got != tt.want {
			t.Errorf("%v–%v: %q, want %q", tt.f, tt.t, got, tt.want)
		}
	}
	if (Window{}).String() != "" || (Window{}).Note() == "" {
		t.Error("unknown window should render empty with an explaining note")
	}
}
