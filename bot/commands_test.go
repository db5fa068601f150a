package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/l10n"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// chatName is Discord's rule for chat-command and option names (the
// OpenAPI document does not encode it); they must also be lower case.
var chatName = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

func TestCommandsAreValid(t *testing.T) {
	cmds := Commands()
	seen := map[string]bool{}
	for _, c := range cmds {
		t.Run(c.Name, func(t *testing.T) {
			key := string(rune('0'+c.Type)) + c.Name
			if seen[key] {
				t.Errorf("duplicate command %q", c.Name)
			}
			seen[key] = true
			switch c.Type {
			case discordgo.ChatApplicationCommand:
				checkName(t, c.Name)
				if c.NameLocalizations != nil {
					for _, n := range *c.NameLocalizations {
						checkName(t, n)
					}
				}
				checkDescription(t, c.Description)
				if c.DescriptionLocalizations == nil || (*c.DescriptionLocalizations)[discordgo.German] == "" {
					t.Error("no German description")
				} else {
					checkDescription(t, (*c.DescriptionLocalizations)[discordgo.German])
				}
				checkOptions(t, c.Options)
			case discordgo.MessageApplicationCommand:
				if c.Description != "" || len(c.Options) > 0 {
					t.Error("context-menu commands take no description or options")
				}
				if n := runes(c.Name); n < 1 || n > 32 {
					t.Errorf("name %q has %d characters", c.Name, n)
				}
			default:
				t.Errorf("unexpected type %d", c.Type)
			}
		})
	}
}

func checkName(t *testing.T, n string) {
	t.Helper()
	if !chatName.MatchString(n) || strings.ToLower(n) != n {
		t.Errorf("invalid name %q", n)
	}
}

func checkDescription(t *testing.T, d string) {
	t.Helper()
	if n := runes(d); n < 1 || n > 100 {
		t.Errorf("description %q has %d characters; want 1-100", d, n)
	}
}

func checkOptions(t *testing.T, opts []*discordgo.ApplicationCommandOption) {
	t.Helper()
	if len(opts) > 25 {
		t.Errorf("%d options", len(opts))
	}
	optional := false
	for _, o := range opts {
		checkName(t, o.Name)
		for _, n := range o.NameLocalizations {
			checkName(t, n)
		}
		checkDescription(t, o.Description)
		if o.DescriptionLocalizations[discordgo.German] == "" {
			t.Errorf("option %q has no German description", o.Name)
		}
		if o.Required && optional {
			t.Errorf("required option %q after an optional one", o.Name)
		}
		optional = optional || !o.Required
		checkOptions(t, o.Options)
	}
}

// TestCommandPermissions is derived from the command table: what Discord
// is told (default_member_permissions, contexts, dm_permission) matches each
// row's moderator flag, and the bot itself refuses a moderator command to a
// member without the permission and in a DM before anything runs, whatever
// Discord shows.
func TestCommandPermissions(t *testing.T) {
	for _, c := range commandTable {
		d := c.def()
		t.Run(d.Name, func(t *testing.T) {
			var reg *discordgo.ApplicationCommand
			for _, r := range Commands() {
				if r.Name == d.Name {
					reg = r
				}
			}
			hasPerms := reg.DefaultMemberPermissions != nil && *reg.DefaultMemberPermissions == permManageGuild
			if hasPerms != c.moderator {
				t.Errorf("default_member_permissions = %v; want Manage Server: %v", reg.DefaultMemberPermissions, c.moderator)
			}
			dm := false
			if reg.Contexts != nil {
				for _, ctx := range *reg.Contexts {
					dm = dm || ctx == discordgo.InteractionContextBotDM
				}
			}
			if dm == c.moderator {
				t.Errorf("usable in DMs = %v; want %v", dm, !c.moderator)
			}
			// dm_permission is deprecated in favour of contexts but still set
			// for moderator commands, for older clients; check the wire form.
			data, _ := json.Marshal(reg)
			if c.moderator && !strings.Contains(string(data), `"dm_permission":false`) {
				t.Error("dm_permission should be false")
			}
			if d.Type != discordgo.ChatApplicationCommand {
				return
			}
			h := newHarness(t, Config{})
			member := guildUser(d.Name, map[string]any{})
			got := respText(first(t, h.run(member)))
			if refused := strings.Contains(got, en.T(msgNotModerator)); refused != c.moderator {
				t.Errorf("a member without Manage Server: refused = %v; want %v (%s)", refused, c.moderator, got)
			}
			dmIn := member
			dmIn.GuildID = ""
			got = respText(first(t, h.run(dmIn)))
			if refused := strings.Contains(got, en.T(msgNeedsServer)); refused != c.moderator {
				t.Errorf("in a DM: refused = %v; want %v (%s)", refused, c.moderator, got)
			}
			if c.operator {
				mod := moderator(d.Name, nil)
				mod.GuildID = "not-an-operator-guild"
				if got := respText(first(t, h.run(mod))); !strings.Contains(got, en.T(msgOperatorsOnly)) {
					t.Errorf("a moderator of another guild was not refused: %s", got)
				}
			}
		})
	}
	if check := Commands()[1]; check.NameLocalizations == nil || (*check.NameLocalizations)[discordgo.German] != "Behauptung prüfen" {
		t.Errorf("context menu German name = %v", check.NameLocalizations)
	}
}

// TestCommandsGolden keeps the registered JSON reviewable: any change to
// what Discord receives shows up in testdata/commands.json.
func TestCommandsGolden(t *testing.T) {
	got, err := json.MarshalIndent(Commands(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "commands.json", got)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./bot -run %s -update and review the diff\ngot:\n%s", name, t.Name(), got)
	}
}

// TestCatalogue checks every message this package (and what it links)
// declares: both languages present, the same verbs in each.
func TestCatalogue(t *testing.T) {
	for _, err := range l10n.Check() {
		t.Error(err)
	}
}
