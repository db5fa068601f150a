package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/ingest"
)

// TestAddedEmbed: the reply to /article add shows every extracted field,
// says "unknown" where the page said nothing (so a bad extraction stands
// out), and stays within Discord's limits for long titles and text.
func TestAddedEmbed(t *testing.T) {
	long := strings.Repeat("Sehr langer Titel mit Umlauten äöü ", 20)
	tests := []struct {
		name   string
		f      ingest.Fetched
		a      articles.Article
		source string
		want   []string
	}{
		{
			name: "everything known",
			f: ingest.Fetched{ArticleID: "x-1", Title: "Titel", Publisher: "Testpost", Author: "Eva Brandt",
				Published: time.Date(2024, 11, 18, 10, 0, 0, 0, time.UTC), Canonical: "https://example.org/a", Paragraphs: 2},
			a:      articles.Article{Paragraphs: []articles.Paragraph{{N: 1, Text: "Erster Absatz."}, {N: 2, Text: "Zweiter *Absatz*."}}},
			source: "https://example.org/a?utm=x",
			want: []string{"Added: Titel", "Publisher: Testpost", "Author: Eva Brandt", "Date: 2024-11-18", "Paragraphs: 2", "ID: `x-1`",
				"Canonical URL: <https://example.org/a>", "Fetched from: <https://example.org/a?utm=x>", "> Erster Absatz.", `> Zweiter \*Absatz\*.`,
				"/article remove id:x-1"},
		},
		{
			name:   "nothing known",
			f:      ingest.Fetched{ArticleID: "upload", Title: "Upload", Paragraphs: 1},
			source: "upload.txt",
			want:   []string{"Publisher: *unknown*", "Author: *unknown*", "Date: *unknown*", "Canonical URL: *unknown*", "Fetched from: upload.txt"},
		},
		{
			name:   "long title and text",
			f:      ingest.Fetched{ArticleID: "lang", Title: long, Paragraphs: 5},
			a:      articles.Article{Paragraphs: []articles.Paragraph{{Text: long}, {Text: long}, {Text: long}, {Text: long}}},
			source: "lang.md",
			want:   []string{"Added: Sehr langer Titel"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := addedEmbed(en, tt.f, tt.a, tt.source)
			got := text("", []*discordgo.MessageEmbed{e})
			mustContain(t, got, tt.want...)
			if n := runes(e.Title); n > maxTitle {
				t.Errorf("title has %d characters", n)
			}
			if n := embedLen(e); n > 2000 {
				t.Errorf("embed has %d characters; the reply should stay short", n)
			}
			if lines := strings.Count(e.Description, "> "); lines > 3 {
				t.Errorf("%d quoted lines; want at most 3", lines)
			}
		})
	}
}

func TestHumanInterval(t *testing.T) {
	for d, want := range map[time.Duration]string{
		15 * time.Minute: "15 min", 2 * time.Hour: "2 h", 90 * time.Second: "1m30s", time.Minute: "1 min",
	} {
		if got := humanInterval(d); got != want {
			t.Errorf("humanInterval(%v) = %q; want %q", d, got, want)
		}
	}
}
