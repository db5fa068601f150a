package bot

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/state/boltstate"
)

// TestE2EAlertAfterReindex: a moderator puts a new article into the
// articles folder that contradicts a seed (the Pentagon's 3.000 soldiers at
// the front against the 15.000 another article reports for the same day)
// and runs /reindex; the alert reaches the guild's alert channel once, and
// a second /reindex posts nothing new. State is the real bbolt store.
func TestE2EAlertAfterReindex(t *testing.T) {
	t.Parallel()
	dir := seedArticles(t)
	lib := openLibrary(t, dir)
	st, err := boltstate.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := startE2E(t, lib, st, Config{GuildID: e2eGuild})
	const ch = "1290000000000000999"

	_, resp := e.interact(fakediscord.SlashCommand("alerts",
		fakediscord.SubCommand("channel", fakediscord.TypedOpt("channel", discordgo.ApplicationCommandOptionChannel, ch))).
		InGuild(e2eGuild, modMember()))
	mustContain(t, resp.Data.text(), "<#"+ch+">")

	article, err := os.ReadFile(filepath.Join("testdata", "009_pentagon_3000.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "009_pentagon_3000.md"), article, 0o644); err != nil {
		t.Fatal(err)
	}

	reindex := func() wireMessage {
		t.Helper()
		i, resp := e.interact(fakediscord.SlashCommand("reindex").InGuild(e2eGuild, modMember()))
		if resp.Type != 5 {
			t.Fatalf("first response type %d; want a deferral", resp.Type)
		}
		// Alerts are posted before the reply is edited in.
		return decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
	}

	report := reindex()
	mustContain(t, report.text(), "Added (1): 009\\_pentagon\\_3000", "New contradiction alerts: 1", "<#"+ch+">: 1")
	posted := e.fake.Messages(ch)
	if len(posted) != 1 {
		t.Fatalf("%d messages in the alert channel; want 1", len(posted))
	}
	alert := text(posted[0].Content, posted[0].Embeds)
	// The guild's locale is German.
	mustContain(t, alert, "Neue Zahl widerspricht", "3.000", "15.000", "Pentagon", "Testpost, 18.11.2024", `Pentagon \(18.11.\)`)
	if len(posted[0].Components) == 0 {
		t.Error("alert without verdict buttons")
	}

	report = reindex()
	mustContain(t, report.text(), "No article changed")
	if n := len(e.fake.Messages(ch)); n != 1 {
		t.Errorf("%d messages after the second /reindex; want still 1", n)
	}
}

// TestConsoleRealLibrary drives the console through stdin and stdout with
// the real library over the seed corpus.
func TestConsoleRealLibrary(t *testing.T) {
	t.Parallel()
	in := strings.NewReader("/claim Minenräumer Kursk\n/quit\n")
	var out bytes.Buffer
	if err := RunConsole(context.Background(), Deps{Library: e2eLibrary(t)}, ConsoleOptions{In: in, Out: &out, Lang: de}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	mustContain(t, got, "DISCORD_TOKEN", "1.000 Minenräumer", "Abs. ", "Artikel 004_4d7b7c7852ea0801")
}
