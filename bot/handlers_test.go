package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

// first returns the first response of a recorded interaction.
func first(t *testing.T, rec *recorder) *discordgo.InteractionResponse {
	t.Helper()
	calls := rec.all()
	if len(calls) == 0 || calls[0].op != "respond" {
		t.Fatalf("calls = %v; want a first response", rec.ops())
	}
	return calls[0].resp
}

// text is everything a message shows, for substring checks.
func text(content string, embeds []*discordgo.MessageEmbed) string {
	var b strings.Builder
	b.WriteString(content + "\n")
	for _, e := range embeds {
		b.WriteString(e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + ": " + f.Value + "\n")
		}
		if e.Footer != nil {
			b.WriteString(e.Footer.Text + "\n")
		}
	}
	return b.String()
}

func respText(r *discordgo.InteractionResponse) string { return text(r.Data.Content, r.Data.Embeds) }

// mustNotContain fails for every one of nots that got contains.
func mustNotContain(t *testing.T, got string, nots ...string) {
	t.Helper()
	for _, n := range nots {
		if strings.Contains(got, n) {
			t.Errorf("unexpected %q in:\n%s", n, got)
		}
	}
}

func mustContain(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

func TestClaimAnswer(t *testing.T) {
	tests := []struct {
		name   string
		locale string
		public bool
		wants  []string
	}{
		{"English", "en-US", false, []string{
			"Nordkorea plant massive Militärhilfe", "**100.000 Soldaten**", "Merkur · 18 Nov 2024 · ¶ 1 · according to Bloomberg",
			"Article `002`", "More results", "• Wladimir Putin: Kremlchef schickt jetzt Tausende… – ¶ 5 · `004`",
			"Results 1–3 for", "⚠️ Disputed (result 1)", "New figure contradicts: 100.000 Soldaten according to Bloomberg",
		}},
		{"German", "de", true, []string{
			"Merkur · 18.11.2024 · Abs. 1 · laut Bloomberg", "Artikel `002`", "Weitere Treffer",
			"news.de · Abs. 2 · `000`", "Treffer 1–3 zu", "⚠️ Umstritten (Treffer 1)", "Neue Zahl widerspricht",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			in := guildUser(cmdClaim, map[string]any{"query": "Soldaten Minenräumer", "public": tt.public})
			in.Locale = tt.locale
			resp := first(t, h.run(in))
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Errorf("type = %d; want 4", resp.Type)
			}
			mustContain(t, respText(resp), tt.wants...)
			if eph := resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0; eph == tt.public {
				t.Errorf("ephemeral = %v with public = %v", eph, tt.public)
			}
			if am := resp.Data.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 {
				t.Errorf("allowed_mentions = %+v; want an empty parse list", am)
			}
			if len(resp.Data.Embeds) != 1 { // the top passage; the others and the note as fields
				t.Errorf("%d embeds; want 1", len(resp.Data.Embeds))
			}
			for _, unknown := range []string{"unknown", "unbekannt"} {
				if strings.Contains(respText(resp), unknown) {
					t.Errorf("unknown metadata labelled %q instead of left out", unknown)
				}
			}
			if resp.Data.Embeds[0].URL != "https://example.org/nk" {
				t.Errorf("URL = %q", resp.Data.Embeds[0].URL)
			}
			btns := buttons(resp.Data.Components)
			if len(btns) != 2 || !btns[0].Disabled || btns[1].Disabled {
				t.Errorf("buttons = %+v; want Previous disabled, Next enabled", btns)
			}
		})
	}
}

func TestClaimEscapesArticleText(t *testing.T) {
	h := newHarness(t, Config{})
	h.lib.hits = append(h.lib.hits[2:3], h.lib.hits...) // the passage with @everyone on top
	resp := first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "Kim", "results": int64(5)})))
	got := respText(resp)
	mustContain(t, got, "@\u200beveryone", `\<@123\>`, `Kim Jong\-un`)
	if strings.Contains(got, "@everyone") {
		t.Error("@everyone left intact")
	}
}

func TestClaimInputErrors(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		want     string
		searched bool
	}{
		{"empty", "   ", "Please give me a claim", false},
		{"too long", strings.Repeat("ä", 301), "301 characters long; the limit is 300", false},
		{"exactly the limit", strings.Repeat("ä", 300), "Results 1–3 for", true},
		{"no results", "gar nichts", "No passage in the archive matches", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			resp := first(t, h.run(guildUser(cmdClaim, map[string]any{"query": tt.query, "public": true})))
			mustContain(t, respText(resp), tt.want)
			if tt.want != "Results 1–3 for" && resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Error("error reply is not ephemeral")
			}
			if got := len(h.lib.searches) > 0; got != tt.searched {
				t.Errorf("searched = %v; want %v", got, tt.searched)
			}
		})
	}
}

func TestClaimNoResultsHasTips(t *testing.T) {
	h := newHarness(t, Config{})
	in := guildUser(cmdClaim, map[string]any{"query": "gar nichts *hier*"})
	in.Locale = "de"
	got := respText(first(t, h.run(in)))
	mustContain(t, got, "Keine Passage im Archiv passt zu „gar nichts \\*hier\\*“", "Tipps:", "/timeline")
}

func TestClaimRateLimit(t *testing.T) {
	h := newHarness(t, Config{ClaimRate: 5, ClaimWindow: 10 * time.Second})
	ask := func(user string) string {
		in := guildUser(cmdClaim, map[string]any{"query": "Soldaten"})
		in.UserID = user
		return respText(first(t, h.run(in)))
	}
	for i := range 5 {
		if got := ask("u1"); !strings.Contains(got, "Results 1–3") {
			t.Fatalf("request %d refused: %s", i+1, got)
		}
		h.clock.Add(time.Second)
	}
	want := fmt.Sprintf("<t:%d:R>", epoch.Add(10*time.Second).Unix())
	mustContain(t, ask("u1"), "try again "+want)
	if got := ask("u2"); !strings.Contains(got, "Results") {
		t.Errorf("another user was limited: %s", got)
	}
	h.clock.Add(5 * time.Second) // the first request left the window
	if got := ask("u1"); !strings.Contains(got, "Results") {
		t.Errorf("still limited after the window: %s", got)
	}
}

func TestPaging(t *testing.T) {
	h := newHarness(t, Config{})
	resp := first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "Soldaten"})))
	next := buttons(resp.Data.Components)[1]
	if runes(next.CustomID) > maxCustomID {
		t.Fatalf("custom_id %q too long", next.CustomID)
	}
	press := Input{Kind: KindComponent, CustomID: next.CustomID, UserID: "u1", GuildID: "g1", Locale: "en-US",
		Message: &discordgo.Message{Embeds: resp.Data.Embeds, Components: resp.Data.Components}}
	page := first(t, h.run(press))
	if page.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("type = %d; want 7 (update)", page.Type)
	}
	mustContain(t, respText(page), "Putin verliert", "Results 4–4 for")
	btns := buttons(page.Data.Components)
	if btns[0].Disabled || !btns[1].Disabled {
		t.Errorf("buttons on the last page = %+v", btns)
	}
	if last := h.lib.searches[len(h.lib.searches)-1]; last.Offset != 3 || last.Limit != 3 {
		t.Errorf("search = %+v; want offset 3 limit 3", last)
	}

	press.CustomID = "claim:3:3:ffffffffffffffffffff:next"
	mustContain(t, respText(first(t, h.run(press))), "These results have expired")
}

func TestCheckClaimContextMenu(t *testing.T) {
	h := newHarness(t, Config{})
	in := guildUser(cmdCheckClaim, nil)
	in.TargetText = strings.Repeat("Nordkorea schickt Soldaten. ", 30) // 840 characters
	resp := first(t, h.run(in))
	mustContain(t, respText(resp), "Results 1–3 for")
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("context-menu answer is not ephemeral")
	}
	in.TargetText = ""
	mustContain(t, respText(first(t, h.run(in))), "no text I could check")
}

func TestSourceAndAutocomplete(t *testing.T) {
	h := newHarness(t, Config{})
	tests := []struct{ arg, want string }{
		{"002", "Nordkorea plant massive Militärhilfe"},
		{"militärhilfe", "Publisher: Merkur"},
		{"004", "Paragraphs: 1"},
		{"gibt es nicht", "I have no article “gibt es nicht”"},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			mustContain(t, respText(first(t, h.run(guildUser(cmdSource, map[string]any{"article": tt.arg})))), tt.want)
		})
	}
	ac := guildUser(cmdSource, map[string]any{"article": "nordk"})
	ac.Kind, ac.Focused = KindAutocomplete, "article"
	resp := first(t, h.run(ac))
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("type = %d; want 8", resp.Type)
	}
	var ids []string
	for _, c := range resp.Data.Choices {
		ids = append(ids, c.Value.(string))
		checkLen(t, "choice", c.Name, maxChoiceName)
	}
	if strings.Join(ids, ",") != "002,003,004" {
		t.Errorf("choices = %v; want titles starting with Nordk, then words starting with it", ids)
	}
	if !strings.HasSuffix(resp.Data.Choices[0].Name, "(18 Nov 2024)") {
		t.Errorf("choice name %q lacks the date", resp.Data.Choices[0].Name)
	}
}

func TestModeratorCommandsRefused(t *testing.T) {
	tests := []struct {
		name string
		in   func() Input
		want string
	}{
		{"plain member", func() Input { return guildUser(cmdReindex, nil) }, "Only moderators"},
		{"DM", func() Input { in := guildUser(cmdReindex, nil); in.GuildID = ""; return in }, "only works in a server"},
		{"alerts DM", func() Input { in := guildUser(cmdAlerts, nil); in.GuildID = ""; in.Sub = subAlertsOff; return in }, "only works in a server"},
		{"German", func() Input { in := guildUser(cmdReindex, nil); in.Locale = "de"; return in }, "Das dürfen nur Moderatoren"},
		{"other role", func() Input { in := guildUser(cmdReindex, nil); in.Roles = []string{"r9"}; return in }, "Only moderators"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{ModeratorRoleID: "r1"})
			rec := h.run(tt.in())
			resp := first(t, rec)
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("refusal is type %d flags %d; want an ephemeral message", resp.Type, resp.Data.Flags)
			}
			mustContain(t, respText(resp), tt.want)
			if h.lib.reindexN != 0 || len(rec.all()) != 1 {
				t.Errorf("something ran: reindex %d, calls %v", h.lib.reindexN, rec.ops())
			}
		})
	}
}

func TestModeratorRecognised(t *testing.T) {
	tests := []struct {
		name   string
		perms  int64
		roles  []string
		stored string
	}{
		{"manage server", permManageGuild, nil, ""},
		{"administrator", permAdministrator, nil, ""},
		{"configured role", 0, []string{"r1"}, ""},
		{"stored role", 0, []string{"r2"}, "r2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{ModeratorRoleID: "r1"})
			if tt.stored != "" {
				h.store.SetGuildSettings(context.Background(), "g1", state.GuildSettings{ModeratorRoleID: tt.stored})
			}
			in := guildUser(cmdReindex, nil)
			in.Perms, in.Roles = tt.perms, tt.roles
			h.run(in)
			if h.lib.reindexN != 1 {
				t.Errorf("reindex ran %d times; want 1", h.lib.reindexN)
			}
		})
	}
}

func TestReindex(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts", OperatorGuilds: []string{"g1"}})
	rec := h.run(moderator(cmdReindex, nil))
	if got := strings.Join(rec.ops(), ","); got != "respond,edit" {
		t.Fatalf("calls = %s; want an immediate deferral, then the edit", got)
	}
	d := first(t, rec)
	if d.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || d.Data == nil || d.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("deferral = %+v; want type 5, ephemeral", d)
	}
	edit := rec.all()[1].edit
	mustContain(t, text(*edit.Content, *edit.Embeds), "Re-indexed **5** articles (**60** passages) in 1.2 s", "Added (1): 005", "New contradiction alerts: 1",
		"Contradiction alerts posted to <#alerts>: 1")
	if posts := h.posts.ops(); strings.Join(posts, ",") != "post:alerts" {
		t.Errorf("alert posts = %v; want one to the default channel", posts)
	}

	h.lib.reindexErr = claimbot.Errorf(claimbot.ECONFLICT, "a re-index is already running")
	rec = h.run(moderator(cmdReindex, nil))
	edit = rec.all()[1].edit
	mustContain(t, *edit.Content, "already running")
}

func TestAlertsCommand(t *testing.T) {
	h := newHarness(t, Config{AlertChannelID: "default"})
	ctx := context.Background()
	in := moderator(cmdAlerts, map[string]any{"channel": "1290000000000000042"})
	in.Sub = subAlertsChannel
	mustContain(t, respText(first(t, h.run(in))), "now go to <#1290000000000000042>")
	for _, bad := range []string{"c42", "<#1290000000000000042>", "../x", "1290000000000000042\x00"} {
		bad := moderator(cmdAlerts, map[string]any{"channel": bad})
		bad.Sub = subAlertsChannel
		mustContain(t, respText(first(t, h.run(bad))), "Please choose a text channel")
	}
	if s, _ := h.store.GuildSettings(ctx, "g1"); s.AlertChannelID != "1290000000000000042" {
		t.Errorf("stored channel = %q", s.AlertChannelID)
	}
	if ch, _ := h.b.alertChannel(ctx, "g1"); ch != "1290000000000000042" {
		t.Errorf("alert channel = %q", ch)
	}
	in = moderator(cmdAlerts, nil)
	in.Sub = subAlertsOff
	in.Locale = "de"
	mustContain(t, respText(first(t, h.run(in))), "jetzt aus")
	if ch, _ := h.b.alertChannel(ctx, "g1"); ch != "" {
		t.Errorf("alert channel after off = %q; want none (not the default)", ch)
	}
	if n := h.b.PostAlerts(ctx, "g1", h.lib.alerts); n != 0 {
		t.Errorf("posted %d alerts with alerts off", n)
	}
}

func TestVerdictButtons(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts"})
	ctx := context.Background()
	if n := h.b.PostAlerts(ctx, "g1", h.lib.alerts); n != 1 {
		t.Fatalf("posted %d; want 1", n)
	}
	msg := h.posts.all()[0].msg
	btns := buttons(msg.Components)
	if len(btns) != 2 {
		t.Fatalf("alert buttons = %+v", btns)
	}
	press := Input{Kind: KindComponent, CustomID: btns[1].CustomID, UserID: "u1", GuildID: "g1", Locale: "de",
		Message: &discordgo.Message{Embeds: msg.Embeds, Components: msg.Components}}

	mustContain(t, respText(first(t, h.run(press))), "Das dürfen nur Moderatoren")
	if _, ok, _ := h.store.Verdict(ctx, "g1", alertID(h.lib.alerts[0])); ok {
		t.Fatal("a non-moderator's verdict was stored")
	}

	press.Perms = permManageGuild
	resp := first(t, h.run(press))
	if resp.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("type = %d; want 7", resp.Type)
	}
	mustContain(t, respText(resp), "Urteil: **Kein Widerspruch** von <@u1>", "Neue Zahl widerspricht")
	for _, b := range buttons(resp.Data.Components) {
		if !b.Disabled {
			t.Errorf("button %q still enabled", b.Label)
		}
	}
	v, ok, _ := h.store.Verdict(ctx, "g1", alertID(h.lib.alerts[0]))
	if !ok || v.Value != state.VerdictNotContradiction || v.By != "u1" {
		t.Errorf("stored verdict = %+v, %v", v, ok)
	}
	// A dismissed pair is no longer mentioned in answers in that guild.
	got := respText(first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "Soldaten"}))))
	if strings.Contains(got, "Disputed") {
		t.Error("dismissed disagreement still shown")
	}
}

func TestStatsAndTimeline(t *testing.T) {
	h := newHarness(t, Config{})
	mustContain(t, respText(first(t, h.run(guildUser(cmdStats, nil)))),
		"Articles: 5", "Passages: 60", fmt.Sprintf("Index built: <t:%d:R>", epoch.Add(-time.Hour).Unix()), "Base articles: the embedded seed articles")
	// A directory corpus is named by the folder alone: the path is the
	// operator's business, and /stats is open to everyone.
	h.lib.stats.Corpus = "/srv/betreiber/geheim/artikel"
	got := respText(first(t, h.run(guildUser(cmdStats, nil))))
	mustContain(t, got, "Base articles from artikel")
	if strings.Contains(got, "/srv") || strings.Contains(got, "geheim") {
		t.Errorf("/stats shows the articles path: %s", got)
	}
	in := guildUser(cmdTimeline, map[string]any{"topic": "Soldaten"})
	in.Locale = "de"
	got = respText(first(t, h.run(in)))
	mustContain(t, got, "Zeitleiste: Soldaten", "`Juli 2022` **100.000 Soldaten** · laut Regnum · [2] Abs. 2",
		"`18.11.2024` **bis zu 100.000 Soldaten** · laut Bloomberg · [3] Abs. 1 · ↻ Aktualisierung",
		"`2022` **Tausende Soldaten** · *unbestätigt* · [1] Abs. 1",
		"**Ohne Datum: der Artikel nennt keines**\n• **keine Soldaten** · [4] Abs. 3 · ⚠️ Dementi",
		"[3] Merkur · Nordkorea plant massive Militärhilfe für Russland im Ukraine\\-Krieg · `002`")
	// By the start of their time: the year 2022 before July 2022, the
	// undated last.
	if a, b, c := strings.Index(got, "`2022`"), strings.Index(got, "Juli 2022"), strings.Index(got, "18.11.2024"); a > b || b > c {
		t.Error("timeline not in date order")
	}
	mustContain(t, respText(first(t, h.run(guildUser(cmdTimeline, map[string]any{"topic": "gar nichts"})))), "found no dated figures")
}

func TestErrorsBecomeText(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{claimbot.Errorf(claimbot.ETIMEOUT, "deadline"), "That took too long"},
		{claimbot.Errorf(claimbot.EUNAVAILABLE, "index locked"), "busy or unavailable"},
		{claimbot.Errorf(claimbot.EINVALID, "bad query syntax"), "That input doesn't work: bad query syntax"},
		{fmt.Errorf("disk on fire"), "Something went wrong on my side"},
	}
	for _, tt := range tests {
		h := newHarness(t, Config{})
		h.lib.searchErr = tt.err
		got := respText(first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "x"}))))
		mustContain(t, got, tt.want)
		if strings.Contains(got, "disk on fire") {
			t.Error("internal error text reached the user")
		}
	}
}

func TestUnknownAndDraining(t *testing.T) {
	h := newHarness(t, Config{})
	mustContain(t, respText(first(t, h.run(guildUser("nope", nil)))), "I don't know that command")
	<-h.b.track.close()
	mustContain(t, respText(first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "x"})))), "restarting")
	if len(h.lib.searches) != 0 {
		t.Error("searched while draining")
	}
}

// TestReplyJSON checks what goes on the wire for a result: allowed_mentions
// with an empty parse list, the ephemeral flag.
func TestReplyJSON(t *testing.T) {
	h := newHarness(t, Config{})
	resp := first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "x"})))
	data, _ := json.Marshal(resp)
	mustContain(t, string(data), `"allowed_mentions":{"parse":[]`, `"flags":64`, `"type":4`)
}
