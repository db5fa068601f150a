package fakediscord_test

import (
	"crypto/ed25519"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// TestBuilders: each builder yields what discordgo decodes from Discord,
// so the typed accessors (which panic on the wrong type) work.
func TestBuilders(t *testing.T) {
	target := fakediscord.UserMessage("Laut Kreml kämpfen 100.000 Soldaten in Kursk.")
	tests := []struct {
		name  string
		b     *fakediscord.Builder
		check func(t *testing.T, i *discordgo.Interaction)
	}{{
		name: "slash command in the default guild",
		b:    fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk"), fakediscord.Opt("limit", 3)),
		check: func(t *testing.T, i *discordgo.Interaction) {
			d := i.ApplicationCommandData()
			if d.Name != "claim" || d.CommandType != discordgo.ChatApplicationCommand || d.ID == "" {
				t.Errorf("data = %+v", d)
			}
			if q, n := d.Options[0].StringValue(), d.Options[1].IntValue(); q != "Minenräumer Kursk" || n != 3 {
				t.Errorf("options = %q, %d", q, n)
			}
			if i.GuildID != fakediscord.DefaultGuildID || i.ChannelID != fakediscord.DefaultChannelID ||
				i.Member == nil || i.Member.User.ID != fakediscord.DefaultUserID || i.User != nil ||
				i.Member.Permissions != fakediscord.DefaultPermissions || i.Locale != discordgo.EnglishUS ||
				i.GuildLocale == nil || *i.GuildLocale != discordgo.German || i.Context != discordgo.InteractionContextGuild {
				t.Errorf("context = guild %q channel %q member %+v user %+v locale %q", i.GuildID, i.ChannelID, i.Member, i.User, i.Locale)
			}
		},
	}, {
		name: "in a guild with moderator permissions and German locale",
		b: fakediscord.SlashCommand("reindex").
			InGuild("1290000000000000101", fakediscord.Member("42", discordgo.PermissionManageMessages, "777")).
			Locale("de"),
		check: func(t *testing.T, i *discordgo.Interaction) {
			if i.GuildID != "1290000000000000101" || i.Member.Permissions != discordgo.PermissionManageMessages ||
				len(i.Member.Roles) != 1 || i.Locale != discordgo.German {
				t.Errorf("got guild %q member %+v locale %q", i.GuildID, i.Member, i.Locale)
			}
		},
	}, {
		name: "in a DM",
		b:    fakediscord.SlashCommand("claim").InDM("1290000000000000555"),
		check: func(t *testing.T, i *discordgo.Interaction) {
			if i.Member != nil || i.User == nil || i.User.ID != "1290000000000000555" || i.GuildID != "" ||
				i.Context != discordgo.InteractionContextBotDM || i.ChannelID == fakediscord.DefaultChannelID {
				t.Errorf("got member %+v user %+v guild %q context %d channel %q", i.Member, i.User, i.GuildID, i.Context, i.ChannelID)
			}
		},
	}, {
		name: "autocomplete",
		b:    fakediscord.Autocomplete("claim", fakediscord.Focused("query", "Minen")),
		check: func(t *testing.T, i *discordgo.Interaction) {
			o := i.ApplicationCommandData().Options[0]
			if i.Type != discordgo.InteractionApplicationCommandAutocomplete || !o.Focused || o.StringValue() != "Minen" {
				t.Errorf("type %d option %+v", i.Type, o)
			}
		},
	}, {
		name: "button",
		b:    fakediscord.Button("more:2"),
		check: func(t *testing.T, i *discordgo.Interaction) {
			d := i.MessageComponentData()
			if d.CustomID != "more:2" || d.ComponentType != discordgo.ButtonComponent {
				t.Errorf("data = %+v", d)
			}
			if i.Message == nil || i.Message.Author == nil || !i.Message.Author.Bot || len(i.Message.Components) != 1 {
				t.Fatalf("message = %+v", i.Message)
			}
			row := i.Message.Components[0].(*discordgo.ActionsRow)
			if b := row.Components[0].(*discordgo.Button); b.CustomID != "more:2" {
				t.Errorf("button = %+v", b)
			}
		},
	}, {
		name: "select menu",
		b:    fakediscord.Select("publisher", "tagesschau", "spiegel"),
		check: func(t *testing.T, i *discordgo.Interaction) {
			if v := i.MessageComponentData().Values; len(v) != 2 || v[1] != "spiegel" {
				t.Errorf("values = %v", v)
			}
		},
	}, {
		name: "message context menu",
		b:    fakediscord.MessageCommand("Find sources", target),
		check: func(t *testing.T, i *discordgo.Interaction) {
			d := i.ApplicationCommandData()
			m := d.Resolved.Messages[d.TargetID]
			if d.CommandType != discordgo.MessageApplicationCommand || d.TargetID != target.ID || m == nil || m.Content != target.Content {
				t.Errorf("data = %+v, message %+v", d, m)
			}
		},
	}, {
		name: "modal submit",
		b:    fakediscord.ModalSubmit("report", fakediscord.Field("reason", "Zahlen widersprechen sich")),
		check: func(t *testing.T, i *discordgo.Interaction) {
			d := i.ModalSubmitData()
			row := d.Components[0].(*discordgo.ActionsRow)
			if in := row.Components[0].(*discordgo.TextInput); d.CustomID != "report" || in.CustomID != "reason" || in.Value != "Zahlen widersprechen sich" {
				t.Errorf("data = %+v, input %+v", d, in)
			}
		},
	}, {
		name: "ping",
		b:    fakediscord.Ping(),
		check: func(t *testing.T, i *discordgo.Interaction) {
			if i.Type != discordgo.InteractionPing || i.Member != nil || i.GuildID != "" {
				t.Errorf("ping = %+v", i)
			}
		},
	}}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := tt.b.Build()
			if i.ID == "" || i.Token == "" || i.AppID == "" || i.Version != 1 || seen[i.ID] || seen[i.Token] {
				t.Errorf("id %q token %q app %q version %d (must be set and unique)", i.ID, i.Token, i.AppID, i.Version)
			}
			seen[i.ID], seen[i.Token] = true, true
			if raw := string(tt.b.JSON()); strings.Contains(raw, `"email"`) || strings.Contains(raw, `"token":""`) {
				t.Errorf("payload has fields Discord never sends: %s", raw)
			}
			tt.check(t, i)
		})
	}
}

// TestPrepareUsesRegisteredCommandID: an interaction for a registered
// command carries that command's id, as on Discord.
func TestPrepareUsesRegisteredCommandID(t *testing.T) {
	fake := fakediscord.New(t)
	s := newSession(t, fake)
	cmds, err := s.ApplicationCommandBulkOverwrite(fake.AppID(), "", []*discordgo.ApplicationCommand{claimCommand})
	if err != nil {
		t.Fatal(err)
	}
	i := fake.Prepare(fakediscord.SlashCommand("claim").Build())
	if got := i.ApplicationCommandData().ID; got != cmds[0].ID {
		t.Errorf("data.id = %s, want registered %s", got, cmds[0].ID)
	}
	if i.AppID != fake.AppID() {
		t.Errorf("application_id = %s", i.AppID)
	}
}

// TestSign: discordgo's own verifier accepts Sign's signature and rejects
// a tampered body.
func TestSign(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	pub := priv.Public().(ed25519.PublicKey)
	body := fakediscord.Ping().JSON()
	tests := []struct {
		name string
		body []byte
		want bool
	}{
		{"as signed", body, true},
		{"tampered", append(append([]byte(nil), body[:len(body)-1]...), ' ', '}'), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/interactions", strings.NewReader(string(tt.body)))
			r.Header.Set("X-Signature-Timestamp", "1767225600")
			r.Header.Set("X-Signature-Ed25519", fakediscord.Sign(priv, "1767225600", body))
			if got := discordgo.VerifyInteraction(r, pub); got != tt.want {
				t.Errorf("VerifyInteraction = %v, want %v", got, tt.want)
			}
			var ping discordgo.Interaction // the body is still readable afterwards
			if err := json.NewDecoder(r.Body).Decode(&ping); err != nil || ping.Type != discordgo.InteractionPing {
				t.Errorf("decode after verify: %v, %+v", err, ping)
			}
		})
	}
}
