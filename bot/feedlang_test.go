package bot

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/state"
)

// TestE2EFeedErrorsInReadersLanguage: /feeds list says why a feed or an
// item failed in the language of whoever reads it, whatever language the
// poller ran in: the store keeps each error's code and text, not English
// words. A row kept before that has only its English words, and still
// shows them. (German moderators once read "… is not an RSS or Atom feed",
// "… does not exist (the server answered 404 Not Found)" and "1 item(s)
// will be tried again; first: …" inside German replies.)
func TestE2EFeedErrorsInReadersLanguage(t *testing.T) {
	t.Parallel()
	site := newNewsSite(t)
	notFeed := site.serve("/feeds/kaputt.xml", "application/xml", "<html><body>Kein Feed</body></html>")
	gone := site.srv.URL + "/feeds/weg.xml"
	site.serve("/welt/kurz", "text/html; charset=utf-8", newsPage("Kurz gemeldet", "Testpost", "", "2024-11-18", "Nur ein Satz."))
	shortFeed := site.serve("/feeds/kurz.xml", "application/atom+xml", strings.NewReplacer("welt.xml", "kurz.xml", "/welt/pentagon-zaehlt", "/welt/kurz",
		"Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front", "Kurz gemeldet").Replace(feedAtom))
	const legacy = "https://alt.example/feed.xml"

	ib := startIngestBot(t, t.TempDir())
	e := ib.e2e
	ctx := context.Background()
	scope := e.bot.feedScope(e2eGuild)
	for _, u := range []string{notFeed, gone, shortFeed} {
		if err := ib.st.AddFeed(ctx, state.Feed{URL: u, GuildID: scope, AddedBy: modUser}); err != nil {
			t.Fatal(err)
		}
	}
	ib.ticks <- time.Now()
	select {
	case <-ib.polls:
	case <-e.ctx.Done():
		t.Fatal("the poll did not finish")
	}
	// A feed and an item whose errors were kept as English text only, as
	// every one was before codes were kept.
	if err := ib.st.AddFeed(ctx, state.Feed{URL: legacy, GuildID: scope}); err != nil {
		t.Fatal(err)
	}
	if err := ib.st.SetFeedCursor(ctx, scope, legacy, state.FeedCursor{LastPoll: time.Now(), LastError: "legacy: 503 Service Unavailable"}); err != nil {
		t.Fatal(err)
	}
	if err := ib.st.PutFeedItem(ctx, state.FeedItem{GuildID: scope, Feed: legacy, Link: "https://alt.example/1", Status: state.ItemFailed,
		Attempts: 1, LastError: "legacy: too short", NextAttempt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		locale discordgo.Locale
		lang   l10n.Lang
		want   []string
	}{
		{"de", l10n.DE, []string{
			"ist kein RSS- oder Atom-Feed",
			"gibt es nicht (der Server antwortete 404)",
			"1 Eintrag wird erneut versucht",
			"ist kein Artikel: nur 13 Zeichen Text",
			"legacy: 503 Service Unavailable", "legacy: too short",
		}},
		{discordgo.EnglishUS, l10n.EN, []string{
			"is not an RSS or Atom feed",
			"does not exist (the server answered 404)",
			"1 item will be tried again",
			"is not an article: it has only 13 characters of text",
			"legacy: 503 Service Unavailable", "legacy: too short",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale), func(t *testing.T) {
			_, resp := e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("list")).InGuild(e2eGuild, modMember()).Locale(tt.locale))
			got := strings.ReplaceAll(resp.Data.text(), `\`, "")
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("/feeds list does not say %q:\n%s", want, got)
				}
			}
			if tt.lang != l10n.DE {
				return
			}
			masked := regexp.MustCompile(`legacy: [^\n(]*|<[^>]*>|https?://\S+`).ReplaceAllString(got, "…")
			if w := englishWords.FindString(masked); w != "" {
				t.Errorf("the German list has English %q:\n%s", w, got)
			}
		})
	}
}
