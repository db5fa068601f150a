package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/library"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain German", "Nordkorea schickt 1.000 Minenräumer", "Nordkorea schickt 1.000 Minenräumer"},
		{"emphasis", "*fett* _kursiv_ ~~weg~~", `\*fett\* \_kursiv\_ \~\~weg\~\~`},
		{"code and spoiler", "`x` ||y||", "\\`x\\` \\|\\|y\\|\\|"},
		{"quote heading list", "> Zitat # Titel - Punkt", `\> Zitat \# Titel \- Punkt`},
		{"masked link", "[klick](https://evil.example)", `\[klick\]\(https://evil.example\)`},
		{"backslash first", `a\*b`, `a\\\*b`},
		{"everyone", "@everyone und @here", "@\u200beveryone und @\u200bhere"},
		{"user mention", "<@123456> <@!42> <@&7> <#9>", `\<@123456\> \<@!42\> \<@&7\> \<\#9\>`},
		{"timestamp token", "<t:1700000000:R>", `\<t:1700000000:R\>`},
		{"umlauts and emoji untouched", "Größe 🇺🇦 ✓", "Größe 🇺🇦 ✓"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnescapeMarkdownRoundTrip(t *testing.T) {
	for _, s := range []string{"a*b_c~d`e|f>g#h-i[j]k(l)m<n\\o", "@everyone", "Kim Jong-un", "Größe 🇺🇦"} {
		plain, bold := unescapeMarkdown(escapeMarkdown(s))
		if plain != s || len(bold) != 0 {
			t.Errorf("unescape(escape(%q)) = %q, %v; want the input, no bold", s, plain, bold)
		}
	}
	plain, bold := unescapeMarkdown(`1.000 **Minenräumer** in \*Kursk\*`)
	if plain != "1.000 Minenräumer in *Kursk*" || len(bold) != 1 || bold[0] != [2]int{6, 17} {
		t.Errorf("unescape = %q %v", plain, bold)
	}
}

func TestTruncateMarkdown(t *testing.T) {
	long := strings.Repeat("Größenänderung ", 40) // 600 runes, 2 bytes per umlaut
	tests := []struct {
		name string
		in   string
		n    int
	}{
		{"umlauts counted as one", long, 100},
		{"emoji", strings.Repeat("🇺🇦 Flagge ", 50), 57},
		{"open bold cut", "Anfang **" + long + "** Ende", 120},
		{"escape at the cut", strings.Repeat(`a\*`, 200), 51},
		{"half bold mark at the cut", strings.Repeat("x", 40) + " **fett**", 48},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncateMarkdown(tt.in, tt.n)
			if n := utf8.RuneCountInString(got); n > tt.n {
				t.Errorf("got %d runes, want <= %d: %q", n, tt.n, got)
			}
			if !strings.HasSuffix(got, "…") {
				t.Errorf("no ellipsis: %q", got)
			}
			if openBold(got) {
				t.Errorf("unbalanced bold: %q", got)
			}
			body := strings.TrimSuffix(strings.TrimSuffix(got, "…"), "**")
			if escapedAt([]rune(body+"x"), len([]rune(body))) {
				t.Errorf("dangling escape before the ellipsis: %q", got)
			}
		})
	}
	if got := truncateMarkdown("kurz", 10); got != "kurz" {
		t.Errorf("short text changed: %q", got)
	}
}

// TestFitEmbeds checks every per-embed limit and the 6000 total, with
// multi-byte text so that a byte count would go wrong.
func TestFitEmbeds(t *testing.T) {
	umlauts := strings.Repeat("äöüß", 2000)      // 8000 runes, 16000 bytes
	emoji := strings.Repeat("🙂", 3000)           // 3000 runes, 12000 bytes
	exact := strings.Repeat("ä", maxDescription) // exactly at the limit
	tests := []struct {
		name   string
		embeds func() []*discordgo.MessageEmbed
		keep   int // embeds expected to survive (-1: don't care)
	}{
		{"one huge embed", func() []*discordgo.MessageEmbed {
			fields := make([]*discordgo.MessageEmbedField, 30)
			for i := range fields {
				fields[i] = &discordgo.MessageEmbedField{Name: umlauts, Value: emoji}
			}
			return []*discordgo.MessageEmbed{{
				Title: umlauts, Description: umlauts, Fields: fields,
				Footer: &discordgo.MessageEmbedFooter{Text: umlauts},
				Author: &discordgo.MessageEmbedAuthor{Name: emoji},
			}}
		}, 1},
		{"eleven embeds", func() []*discordgo.MessageEmbed {
			var es []*discordgo.MessageEmbed
			for range 11 {
				es = append(es, &discordgo.MessageEmbed{Title: "t", Description: "d"})
			}
			return es
		}, 10},
		{"five full descriptions", func() []*discordgo.MessageEmbed {
			var es []*discordgo.MessageEmbed
			for range 5 {
				es = append(es, &discordgo.MessageEmbed{Title: "Titel", Description: exact})
			}
			return es
		}, 5},
		{"limit itself is kept", func() []*discordgo.MessageEmbed {
			return []*discordgo.MessageEmbed{{Description: exact}}
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitEmbeds(tt.embeds())
			if tt.keep >= 0 && len(got) != tt.keep {
				t.Errorf("kept %d embeds; want %d", len(got), tt.keep)
			}
			total := 0
			for _, e := range got {
				total += embedLen(e)
				checkLen(t, "title", e.Title, maxTitle)
				checkLen(t, "description", e.Description, maxDescription)
				if len(e.Fields) > maxFields {
					t.Errorf("%d fields", len(e.Fields))
				}
				for _, f := range e.Fields {
					checkLen(t, "field name", f.Name, maxFieldName)
					checkLen(t, "field value", f.Value, maxFieldValue)
				}
				if e.Footer != nil {
					checkLen(t, "footer", e.Footer.Text, maxFooter)
				}
				if e.Author != nil {
					checkLen(t, "author", e.Author.Name, maxAuthor)
				}
			}
			if total > maxEmbedTotal {
				t.Errorf("total %d characters; want <= %d", total, maxEmbedTotal)
			}
		})
	}
	one := fitEmbeds([]*discordgo.MessageEmbed{{Description: exact}})
	if one[0].Description != exact {
		t.Error("a description of exactly 4096 runes was cut")
	}
}

func checkLen(t *testing.T, what, s string, limit int) {
	t.Helper()
	if n := utf8.RuneCountInString(s); n > limit {
		t.Errorf("%s has %d characters; limit %d", what, n, limit)
	}
}

func TestFitChoices(t *testing.T) {
	var cs []*discordgo.ApplicationCommandOptionChoice
	for i := range 30 {
		cs = append(cs, &discordgo.ApplicationCommandOptionChoice{Name: strings.Repeat("Ü", 150) + string(rune('a'+i)), Value: "id"})
	}
	cs = append([]*discordgo.ApplicationCommandOptionChoice{{Name: "too long a value", Value: strings.Repeat("x", 101)}}, cs...)
	got := fitChoices(cs)
	if len(got) > maxChoices {
		t.Fatalf("%d choices", len(got))
	}
	for _, c := range got {
		checkLen(t, "choice name", c.Name, maxChoiceName)
		if v := c.Value.(string); runes(v) > maxChoiceValue {
			t.Errorf("choice value %d runes", runes(v))
		}
	}
}

func TestRenderSpans(t *testing.T) {
	f := index.Fragment{
		{Text: "Nordkorea wird 1.000 "},
		{Text: "Minenräumer ", Match: true},
		{Text: "und *5.000* Soldaten in die Region "},
		{Text: "Kursk", Match: true},
		{Text: " entsenden."},
	}
	want := `Nordkorea wird 1.000 **Minenräumer** und \*5.000\* Soldaten in die Region **Kursk** entsenden.`
	if got := renderSpans(f); got != want {
		t.Errorf("renderSpans = %q; want %q", got, want)
	}
}

func TestFragmentTextBudget(t *testing.T) {
	h := index.Hit{Fragments: []index.Fragment{{
		{Text: strings.Repeat("Wörter und ", 200)},
		{Text: "Treffer", Match: true},
	}}}
	got := fragmentText(h, 300)
	if n := runes(got); n > 320 {
		t.Errorf("fragment %d runes; want about 300", n)
	}
	if openBold(got) {
		t.Errorf("unbalanced bold: %q", got)
	}
	h = index.Hit{Passage: "Ganze\nPassage mit [Link](x)"}
	if got := fragmentText(h, 300); got != `Ganze Passage mit \[Link\]\(x\)` {
		t.Errorf("fallback to passage = %q", got)
	}
}

// TestRenderedGolden keeps what Discord receives for an answer and an
// alert reviewable as data (testdata/*.json; -update rewrites them).
func TestRenderedGolden(t *testing.T) {
	lib := seedLib()
	res, _ := lib.Search(context.Background(), library.Base, "Soldaten", index.SearchOptions{Limit: 3})
	tests := []struct {
		name string
		v    any
	}{
		{"claim_reply_de.json", responseData(renderResults(de, "Soldaten Minenräumer", "ref", res, 0, 3, lib.alerts))},
		{"claim_reply_en.json", responseData(renderResults(en, "Soldaten Minenräumer", "ref", res, 0, 3, lib.alerts))},
		{"alert_de.json", alertMessage(de, lib.alerts[0])},
		{"source_de.json", sourceEmbed(de, lib.arts[0])},
		{"timeline_de.json", timelineEmbed(de, "Soldaten", lib.timeline)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.MarshalIndent(tt.v, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, append(got, '\n'))
		})
	}
}
