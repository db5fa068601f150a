package bot

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/state/boltstate"
)

// TestE2EReindexProblemsInReadersLanguage: the files a /reindex skipped
// are listed in the reader's language, naming each file but no folder of
// the operator's. (A German operator once read "kaputt.txt: binary data,
// not an article" and "zwilling.txt: article ID "zwilling" already used
// by zwilling.md" under „Übersprungene Dateien“.)
func TestE2EReindexProblemsInReadersLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		locale discordgo.Locale
		lang   l10n.Lang
		want   []string
	}{
		{"de", l10n.DE, []string{"kaputt.txt: Binärdaten, kein Artikel", `zwilling.txt: die Artikel-ID "zwilling" ist schon vergeben (an zwilling.md)`}},
		{discordgo.EnglishUS, l10n.EN, []string{"kaputt.txt: binary data, not an article", `zwilling.txt: article ID "zwilling" already used by zwilling.md`}},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale), func(t *testing.T) {
			dir := seedArticles(t)
			lib := openLibrary(t, dir)
			st, err := boltstate.Open(filepath.Join(t.TempDir(), "state.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			e := startE2E(t, lib, st, Config{GuildID: e2eGuild})
			for name, data := range map[string]string{
				"kaputt.txt":   "\x00\x01\x02\x03",
				"zwilling.md":  "Ein Zwilling\n\nDer erste Zwilling meldet 40 neue Stellen im Werk.\n",
				"zwilling.txt": "Noch ein Zwilling\n\nDer zweite Zwilling meldet 50 neue Stellen im Werk.\n",
			} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			i, resp := e.interact(fakediscord.SlashCommand("reindex").InGuild(e2eGuild, modMember()).Locale(tt.locale))
			if resp.Type != 5 {
				t.Fatalf("first response type %d; want a deferral", resp.Type)
			}
			report := decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
			var skipped string
			for _, em := range report.Embeds {
				for _, f := range em.Fields {
					if f.Name == tt.lang.T(msgReindexProblems) {
						skipped = f.Value
					}
				}
			}
			if skipped == "" {
				t.Fatalf("no field %q in the reply:\n%s", tt.lang.T(msgReindexProblems), report.text())
			}
			plain := strings.ReplaceAll(skipped, `\`, "")
			for _, want := range tt.want {
				if !strings.Contains(plain, want) {
					t.Errorf("the skipped files do not say %q:\n%s", want, skipped)
				}
			}
			if strings.Contains(plain, dir) {
				t.Errorf("the skipped files show the corpus folder %s:\n%s", dir, skipped)
			}
			masked := regexp.MustCompile(`\S+\.(txt|md)`).ReplaceAllString(plain, "…")
			if w := englishWords.FindString(masked); tt.lang == l10n.DE && w != "" {
				t.Errorf("the German list has English %q:\n%s", w, skipped)
			}
		})
	}
}
