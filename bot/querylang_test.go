package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestClaimQueryLanguage checks which /claim searches are translated from
// English: those of English clients (or, without a client locale, English
// guilds) whose query does not read as German.
func TestClaimQueryLanguage(t *testing.T) {
	tests := []struct {
		name, locale, guildLocale, query, want string
	}{
		{"English client, English question", "en-US", "de", "How many soldiers did North Korea send?", "en"},
		{"British client", "en-GB", "", "troops sent to Kursk", "en"},
		{"English guild, no client locale", "", "en-US", "troops sent to Kursk", "en"},
		{"German client", "de", "en-US", "troops sent to Kursk", ""},
		{"French client", "fr", "", "soldiers sent to Kursk", ""},
		{"English client types German", "en-US", "en-US", "Wie viele Soldaten schickt Nordkorea?", ""},
		{"English client, umlaut", "en-US", "", "Minenräumer Kursk", ""},
		{"English client, names only", "en-US", "", "Kim Jong-un Putin", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			in := guildUser(cmdClaim, map[string]any{"query": tt.query})
			in.Locale, in.GuildLocale = tt.locale, tt.guildLocale
			first(t, h.run(in))
			if len(h.lib.searches) != 1 {
				t.Fatalf("%d searches, want 1", len(h.lib.searches))
			}
			if got := h.lib.searches[0].Lang; got != tt.want {
				t.Errorf("Lang = %q, want %q", got, tt.want)
			}
		})
	}
}

// A page button continues its search in the search's language, whoever
// presses it: a German reader paging an English user's public answer gets
// the next hits of the same translated search.
func TestClaimPageKeepsLanguage(t *testing.T) {
	for _, tt := range []struct{ asker, presser, want string }{
		{"en-US", "de", "en"},
		{"de", "en-US", ""},
	} {
		h := newHarness(t, Config{})
		in := guildUser(cmdClaim, map[string]any{"query": "troops sent to Kursk", "public": true})
		in.Locale = tt.asker
		resp := first(t, h.run(in))
		next := buttons(resp.Data.Components)[1]
		press := Input{Kind: KindComponent, CustomID: next.CustomID, UserID: "u2", GuildID: "g1", Locale: tt.presser,
			Message: &discordgo.Message{Embeds: resp.Data.Embeds, Components: resp.Data.Components}}
		first(t, h.run(press))
		if len(h.lib.searches) != 2 {
			t.Fatalf("%d searches, want 2", len(h.lib.searches))
		}
		for i, o := range h.lib.searches {
			if o.Lang != tt.want {
				t.Errorf("asked in %s, paged in %s: search %d Lang = %q, want %q", tt.asker, tt.presser, i, o.Lang, tt.want)
			}
		}
	}
}
