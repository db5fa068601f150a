package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
)

// nopCorpus is a Corpus for tests that never change the archive.
type nopCorpus struct{ *library.Library }

// TestSourceResolvesTyped: /source with a typed value (Enter without a
// suggestion) shows the full record for an ID or the only matching title,
// and lists the candidates, with their IDs, when a title is ambiguous.
func TestSourceResolvesTyped(t *testing.T) {
	h := newHarness(t, Config{})
	tests := []struct {
		typed string
		wants []string
		not   string
	}{
		{"004", []string{"Wladimir Putin: Kremlchef", "ID: 004"}, "Several"},
		{"Nordkorea plant massive Militärhilfe für Russland im Ukraine-Krieg", []string{"Publisher: Merkur", "Date: 18 Nov 2024", "Bloomberg"}, "Several"},
		{"nordkorea plant", []string{"Publisher: Merkur"}, "Several"},
		{"Nordkorea", []string{"Several articles match “Nordkorea”", "`002`", "`003`", "(18 Nov 2024)", "Run `/source` again"}, "Publisher:"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got := respText(first(t, h.run(guildUser(cmdSource, map[string]any{"article": tt.typed}))))
			mustContain(t, got, tt.wants...)
			if strings.Contains(got, tt.not) {
				t.Errorf("%q in:\n%s", tt.not, got)
			}
		})
	}
}

// TestSearchRateLimitCoversEveryCommand: /claim, /timeline and the page
// buttons share one per-user budget; each of them runs a search.
func TestSearchRateLimitCoversEveryCommand(t *testing.T) {
	h := newHarness(t, Config{ClaimRate: 2, ClaimWindow: 10 * time.Second})
	resp := first(t, h.run(guildUser(cmdClaim, map[string]any{"query": "Soldaten"})))
	mustContain(t, respText(resp), "Results 1–3")
	mustContain(t, respText(first(t, h.run(guildUser(cmdTimeline, map[string]any{"topic": "Soldaten"})))), "Timeline")
	limited := "You are checking claims quickly"
	mustContain(t, respText(first(t, h.run(guildUser(cmdTimeline, map[string]any{"topic": "Soldaten"})))), limited)
	next := buttons(resp.Data.Components)[1]
	press := Input{Kind: KindComponent, CustomID: next.CustomID, UserID: "u1", GuildID: "g1", Locale: "en-US",
		Message: &discordgo.Message{Embeds: resp.Data.Embeds, Components: resp.Data.Components}}
	page := first(t, h.run(press))
	mustContain(t, respText(page), limited)
	if page.Type == discordgo.InteractionResponseUpdateMessage {
		t.Error("a limited page press replaced the answer; want an ephemeral note beside it")
	}
	h.clock.Add(11 * time.Second)
	mustContain(t, respText(first(t, h.run(press))), "Results 4–4")
}

// TestShutdownCoversTheLongestFetch: on SIGTERM the bot waits for
// interactions in flight; with ingestion that wait is longer than a fetch
// may take, so a slow /article add is finished and answered, not
// abandoned half-way (it once waited 10 s for fetches of up to 30 s).
func TestShutdownCoversTheLongestFetch(t *testing.T) {
	for _, timeout := range []time.Duration{time.Second, 30 * time.Second, 2 * time.Minute} {
		ing := ingest.New(ingest.Options{Timeout: timeout})
		b, err := New(Config{}, Deps{Library: seedLib(), Ingest: &Ingest{Ingester: ing, Corpus: nopCorpus{}}})
		if err != nil {
			t.Fatal(err)
		}
		if b.cfg.ShutdownTimeout <= ing.Timeout() {
			t.Errorf("fetch timeout %s: shutdown waits %s", timeout, b.cfg.ShutdownTimeout)
		}
	}
	b, err := New(Config{ShutdownTimeout: 3 * time.Second}, Deps{Library: seedLib(), Ingest: &Ingest{Ingester: ingest.New(ingest.Options{}), Corpus: nopCorpus{}}})
	if err != nil {
		t.Fatal(err)
	}
	if b.cfg.ShutdownTimeout != 3*time.Second {
		t.Errorf("an explicit ShutdownTimeout became %s", b.cfg.ShutdownTimeout)
	}
}
