package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// TestE2EAlertChannelPermissions: /alerts channel checks the bot's own
// permissions in the chosen channel (roles and channel overwrites, as
// Discord computes them) and refuses, naming what is missing, before it
// stores anything.
func TestE2EAlertChannelPermissions(t *testing.T) {
	t.Parallel()
	e := startE2E(t, &fakeLib{}, newMemStore(), Config{GuildID: e2eGuild})
	const (
		readOnly = "1290000000000000701"
		hidden   = "1290000000000000702"
		fine     = "1290000000000000703"
		botRole  = "1290000000000000710"
	)
	e.fake.SetGuildRoles(e2eGuild, []*discordgo.Role{
		{ID: e2eGuild, Name: "@everyone", Permissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages},
		{ID: botRole, Name: "claimbot", Permissions: discordgo.PermissionEmbedLinks},
	})
	e.fake.SetBotRoles(e2eGuild, []string{botRole})
	e.fake.AddChannel(&discordgo.Channel{ID: readOnly, GuildID: e2eGuild, Type: discordgo.ChannelTypeGuildText, Name: "news",
		PermissionOverwrites: []*discordgo.PermissionOverwrite{{ID: e2eGuild, Type: discordgo.PermissionOverwriteTypeRole, Deny: discordgo.PermissionSendMessages}}})
	e.fake.AddChannel(&discordgo.Channel{ID: hidden, GuildID: e2eGuild, Type: discordgo.ChannelTypeGuildText, Name: "mods",
		PermissionOverwrites: []*discordgo.PermissionOverwrite{{ID: e2eGuild, Type: discordgo.PermissionOverwriteTypeRole, Deny: discordgo.PermissionViewChannel}}})
	e.fake.AddChannel(&discordgo.Channel{ID: fine, GuildID: e2eGuild, Type: discordgo.ChannelTypeGuildText, Name: "alerts"})

	set := func(ch, locale string) string {
		_, resp := e.interact(fakediscord.SlashCommand("alerts",
			fakediscord.SubCommand("channel", fakediscord.TypedOpt("channel", discordgo.ApplicationCommandOptionChannel, ch))).
			InGuild(e2eGuild, modMember()).Locale(discordgo.Locale(locale)))
		return resp.Data.text()
	}
	mustContain(t, set(readOnly, "en-US"), "I cannot post alerts in <#"+readOnly+">: I lack **Send Messages** there", "Nothing was changed")
	mustContain(t, set(hidden, "de"), "Mir fehlt dort **Kanal ansehen**.")
	if s, _ := e.store.GuildSettings(e.ctx, e2eGuild); s.AlertChannelID != "" {
		t.Fatalf("a refused channel was stored: %q", s.AlertChannelID)
	}
	mustContain(t, set(fine, "en-US"), "now go to <#"+fine+">")
	if s, _ := e.store.GuildSettings(e.ctx, e2eGuild); s.AlertChannelID != fine {
		t.Errorf("stored %q; want %s", s.AlertChannelID, fine)
	}
}

// TestE2ETokenRejected: a token Discord refuses stops the start with the
// one sentence that says what to do, in both modes.
func TestE2ETokenRejected(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t)
	fake.Inject(func(r fakediscord.Request) bool { return r.Operation == "get_my_user" }, fakediscord.Status(http.StatusUnauthorized), fakediscord.Status(http.StatusUnauthorized))
	b, err := New(Config{Token: e2eToken, APIBase: fake.URL(), PublicKey: strings.Repeat("ab", 32)}, Deps{Library: &fakeLib{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for name, run := range map[string]func(context.Context) error{"gateway": b.RunGateway, "http": b.RunHTTP} {
		if err := run(ctx); !errors.Is(err, ErrTokenRejected) {
			t.Errorf("%s: %v; want ErrTokenRejected", name, err)
		}
	}
	if !strings.Contains(ErrTokenRejected.Error(), "Reset Token") {
		t.Errorf("the message does not say what to do: %v", ErrTokenRejected)
	}
}

// TestInviteURL: the invite asks for the two scopes and exactly the
// permissions an alert channel needs.
func TestInviteURL(t *testing.T) {
	got := InviteURL("1290000000000000001")
	want := "https://discord.com/oauth2/authorize?client_id=1290000000000000001&permissions=19456&scope=bot%20applications.commands"
	if got != want {
		t.Errorf("InviteURL = %s; want %s", got, want)
	}
	if InvitePermissions() != discordgo.PermissionViewChannel|discordgo.PermissionSendMessages|discordgo.PermissionEmbedLinks {
		t.Error("invite permissions are not View Channel, Send Messages, Embed Links")
	}
}

// TestChannelPermissions checks the computation on Discord's documented
// order: role allows, @everyone overwrite, role overwrites, member overwrite,
// Administrator above all.
func TestChannelPermissions(t *testing.T) {
	const g, u, r = "g", "u", "r"
	view, send := int64(discordgo.PermissionViewChannel), int64(discordgo.PermissionSendMessages)
	roles := []*discordgo.Role{{ID: g, Permissions: view}, {ID: r, Permissions: send}}
	tests := []struct {
		name  string
		mine  []string
		roles []*discordgo.Role
		ow    []*discordgo.PermissionOverwrite
		want  int64
	}{
		{"roles add up", []string{r}, roles, nil, view | send},
		{"everyone denied, role allowed", []string{r}, roles, []*discordgo.PermissionOverwrite{
			{ID: g, Type: discordgo.PermissionOverwriteTypeRole, Deny: send},
			{ID: r, Type: discordgo.PermissionOverwriteTypeRole, Allow: send}}, view | send},
		{"member overwrite last", []string{r}, roles, []*discordgo.PermissionOverwrite{
			{ID: u, Type: discordgo.PermissionOverwriteTypeMember, Deny: view}}, send},
		{"administrator", nil, []*discordgo.Role{{ID: g, Permissions: discordgo.PermissionAdministrator}}, []*discordgo.PermissionOverwrite{
			{ID: g, Type: discordgo.PermissionOverwriteTypeRole, Deny: view}}, discordgo.PermissionAll},
	}
	for _, tt := range tests {
		if got := channelPermissions(g, u, tt.mine, tt.roles, tt.ow); got != tt.want {
			t.Errorf("%s: %b; want %b", tt.name, got, tt.want)
		}
	}
}
