package fakediscord_test

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/internal/workspace"
)

// env is what a validation case gets: a REST-only session, the fake, and
// an interaction the fake has issued (not dispatched; no gateway needed).
type env struct {
	s    *discordgo.Session
	fake *fakediscord.Server
	i    *discordgo.Interaction
}

func newEnv(t *testing.T, opts ...fakediscord.Option) env {
	fake := fakediscord.New(t, append([]fakediscord.Option{fakediscord.CollectViolations()}, opts...)...)
	return env{s: newSession(t, fake), fake: fake, i: fake.Prepare(fakediscord.SlashCommand("claim").Build())}
}

func (e env) register(cmds ...*discordgo.ApplicationCommand) error {
	_, err := e.s.ApplicationCommandBulkOverwrite(e.fake.AppID(), "", cmds)
	return err
}

func (e env) respond(typ discordgo.InteractionResponseType, data *discordgo.InteractionResponseData) error {
	return e.s.InteractionRespond(e.i, &discordgo.InteractionResponse{Type: typ, Data: data})
}

var noMentions = &discordgo.MessageAllowedMentions{}

func cmd(name string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{Name: name, Description: "Search the articles", Options: opts}
}

func strOpt(name string, required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "text", Required: required,
	}
}

func choices(n int) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, n)
	for i := range out {
		out[i] = &discordgo.ApplicationCommandOptionChoice{Name: strings.Repeat("x", i+1), Value: "v"}
	}
	return out
}

// TestValidatorCatches provokes each check once and asserts on the
// collected violation and on the answer Discord would give.
func TestValidatorCatches(t *testing.T) {
	tests := []struct {
		name   string
		call   func(e env) error
		op     string // operation the violation names
		reason string // part of its reason
		status int    // HTTP status the bot gets; 0 = success (a team rule, not Discord's)
		spec   bool   // only the OpenAPI document catches it
	}{{
		name: "command name with a space",
		call: func(e env) error { return e.register(cmd("claim search")) },
		op:   "bulk_set_application_commands", reason: "name must match", status: 400,
	}, {
		name: "upper-case command name",
		call: func(e env) error { return e.register(cmd("Claim")) },
		op:   "bulk_set_application_commands", reason: "lower case", status: 400,
	}, {
		name: "required option after optional",
		call: func(e env) error { return e.register(cmd("claim", strOpt("limit", false), strOpt("query", true))) },
		op:   "bulk_set_application_commands", reason: "required options must come first", status: 400,
	}, {
		name: "upper-case localized option name",
		call: func(e env) error {
			o := strOpt("query", true)
			o.NameLocalizations = map[discordgo.Locale]string{discordgo.German: "Suche"}
			return e.register(cmd("claim", o))
		},
		op: "bulk_set_application_commands", reason: "lower case", status: 400,
	}, {
		name: "autocomplete with choices",
		call: func(e env) error {
			o := strOpt("query", true)
			o.Autocomplete, o.Choices = true, choices(2)
			return e.register(cmd("claim", o))
		},
		op: "bulk_set_application_commands", reason: "both autocomplete and choices", status: 400,
	}, {
		name: "same command twice",
		call: func(e env) error { return e.register(cmd("claim"), cmd("claim")) },
		op:   "bulk_set_application_commands", reason: "registered twice", status: 400,
	}, {
		name: "embeds over 6000 characters in all",
		call: func(e env) error {
			long := strings.Repeat("ü", 3500)
			return e.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
				Embeds: []*discordgo.MessageEmbed{{Description: long}, {Description: long}}, AllowedMentions: noMentions,
			})
		},
		op: "create_interaction_response", reason: "6000", status: 400,
	}, {
		name: "content over 2000 characters",
		call: func(e env) error {
			_, err := e.s.ChannelMessageSendComplex(fakediscord.DefaultChannelID, &discordgo.MessageSend{
				Content: strings.Repeat("ä", 2001), AllowedMentions: noMentions,
			})
			return err
		},
		op: "create_message", reason: "2001 characters", status: 400,
	}, {
		name: "eleven embeds",
		call: func(e env) error {
			embeds := make([]*discordgo.MessageEmbed, 11)
			for i := range embeds {
				embeds[i] = &discordgo.MessageEmbed{Title: "t"}
			}
			_, err := e.s.ChannelMessageSendComplex(fakediscord.DefaultChannelID, &discordgo.MessageSend{
				Embeds: embeds, AllowedMentions: noMentions,
			})
			return err
		},
		op: "create_message", reason: "11 embeds", status: 400,
	}, {
		name: "26 autocomplete choices",
		call: func(e env) error {
			e.i = e.fake.Prepare(fakediscord.Autocomplete("claim", fakediscord.Focused("query", "Ku")).Build())
			return e.respond(discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices(26)})
		},
		op: "create_interaction_response", reason: "26 choices", status: 400,
	}, {
		name: "content without allowed_mentions",
		call: func(e env) error {
			_, err := e.s.ChannelMessageSend(fakediscord.DefaultChannelID, "Neue Widersprüche")
			return err
		},
		op: "create_message", reason: "allowed_mentions",
	}, {
		name: "edit without allowed_mentions",
		call: func(e env) error {
			if err := e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, nil); err != nil {
				return err
			}
			content := "fertig"
			_, err := e.s.InteractionResponseEdit(e.i, &discordgo.WebhookEdit{Content: &content})
			return err
		},
		op: "update_original_webhook_message", reason: "allowed_mentions",
	}, {
		name: "second acknowledgement",
		call: func(e env) error {
			if err := e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, nil); err != nil {
				return err
			}
			return e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, nil)
		},
		op: "create_interaction_response", reason: "already acknowledged", status: 400,
	}, {
		name: "edit before acknowledging",
		call: func(e env) error {
			content := "zu früh"
			_, err := e.s.InteractionResponseEdit(e.i, &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions})
			return err
		},
		op: "update_original_webhook_message", reason: "before the interaction was acknowledged", status: 404,
	}, {
		name: "callback type that does not fit the interaction",
		call: func(e env) error {
			return e.respond(discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices(1)})
		},
		op: "create_interaction_response", reason: "not allowed for interaction type 2", status: 400,
	}, {
		name: "follow-up on the wrong application",
		call: func(e env) error {
			if err := e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, nil); err != nil {
				return err
			}
			e.i.AppID = "1290000000000000999"
			_, err := e.s.FollowupMessageCreate(e.i, true, &discordgo.WebhookParams{Content: "x", AllowedMentions: noMentions})
			return err
		},
		op: "execute_webhook", reason: "not the application id", status: 404,
	}, {
		name:   "route the fake does not implement",
		call:   func(e env) error { _, err := e.s.GuildBans(fakediscord.DefaultGuildID, 10, "", ""); return err },
		reason: "does not implement", status: 404, spec: true,
	}, {
		name: "modal title over 45 characters",
		call: func(e env) error {
			return e.respond(discordgo.InteractionResponseModal, &discordgo.InteractionResponseData{
				CustomID: "report", Title: strings.Repeat("T", 46),
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.TextInput{CustomID: "reason", Label: "Warum?", Style: discordgo.TextInputParagraph},
				}}},
			})
		},
		op: "create_interaction_response", reason: "OpenAPI", status: 400, spec: true,
	}, {
		name: "channel id that is not a snowflake",
		call: func(e env) error {
			_, err := e.s.ChannelMessageSendComplex("general", &discordgo.MessageSend{Content: "x", AllowedMentions: noMentions})
			return err
		},
		op: "create_message", reason: "OpenAPI", status: 400, spec: true,
	}, {
		name: "token without the Bot prefix",
		call: func(e env) error {
			e.s.Token = "test-token"
			_, err := e.s.Channel(fakediscord.DefaultChannelID)
			return err
		},
		op: "get_channel", reason: `"Bot <token>"`, status: 401, spec: true,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.spec {
				workspace.Need(t, "discord-api-spec/openapi.json")
			}
			e := newEnv(t)
			err := tt.call(e)
			var rest *discordgo.RESTError
			switch {
			case tt.status == 0 && err != nil:
				t.Fatalf("call failed: %v", err)
			case tt.status != 0 && (!errors.As(err, &rest) || rest.Response.StatusCode != tt.status):
				t.Fatalf("err = %v, want HTTP %d", err, tt.status)
			}
			vs := e.fake.Violations()
			matching := violationsContaining(vs, tt.reason)
			if len(matching) == 0 {
				t.Fatalf("no violation containing %q; got %v", tt.reason, vs)
			}
			if tt.op != "" && matching[0].Operation != tt.op {
				t.Errorf("violation names operation %q, want %q", matching[0].Operation, tt.op)
			}
		})
	}
}

// TestValidRequestsPass: what a correct bot sends raises no violation.
func TestValidRequestsPass(t *testing.T) {
	tests := []struct {
		name string
		call func(e env) error
	}{{
		name: "guild and global commands incl. a message context menu",
		call: func(e env) error {
			menu := &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "Find sources"}
			if err := e.register(claimCommand, menu); err != nil {
				return err
			}
			_, err := e.s.ApplicationCommandBulkOverwrite(e.fake.AppID(), fakediscord.DefaultGuildID, []*discordgo.ApplicationCommand{claimCommand})
			return err
		},
	}, {
		name: "create, list and delete one command",
		call: func(e env) error {
			c, err := e.s.ApplicationCommandCreate(e.fake.AppID(), "", cmd("reindex"))
			if err != nil {
				return err
			}
			if _, err := e.s.ApplicationCommands(e.fake.AppID(), ""); err != nil {
				return err
			}
			return e.s.ApplicationCommandDelete(e.fake.AppID(), "", c.ID)
		},
	}, {
		name: "message with embed and fields",
		call: func(e env) error {
			return e.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
				Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions,
				Embeds: []*discordgo.MessageEmbed{{
					Title: "Kursk", Description: strings.Repeat("ä", 4000), Color: 0x5865F2,
					Fields: []*discordgo.MessageEmbedField{{Name: "Quelle", Value: "tagesschau.de", Inline: true}},
					Footer: &discordgo.MessageEmbedFooter{Text: "claimbot"},
				}},
			})
		},
	}, {
		name: "25 autocomplete choices",
		call: func(e env) error {
			e.i = e.fake.Prepare(fakediscord.Autocomplete("claim", fakediscord.Focused("query", "Ku")).Build())
			return e.respond(discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices(25)})
		},
	}, {
		name: "modal",
		call: func(e env) error {
			return e.respond(discordgo.InteractionResponseModal, &discordgo.InteractionResponseData{
				CustomID: "report", Title: "Widerspruch melden",
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.TextInput{CustomID: "reason", Label: "Warum?", Style: discordgo.TextInputParagraph, Required: true, MaxLength: 500},
				}}},
			})
		},
	}, {
		name: "button update and deferred update",
		call: func(e env) error {
			e.i = e.fake.Prepare(fakediscord.Button("more:2").Build())
			if err := e.respond(discordgo.InteractionResponseUpdateMessage, &discordgo.InteractionResponseData{
				Content: "Seite 2", AllowedMentions: noMentions,
			}); err != nil {
				return err
			}
			e.i = e.fake.Prepare(fakediscord.Button("more:3").Build())
			return e.respond(discordgo.InteractionResponseDeferredMessageUpdate, nil)
		},
	}, {
		name: "file attached to a response (multipart)",
		call: func(e env) error {
			return e.respond(discordgo.InteractionResponseChannelMessageWithSource, &discordgo.InteractionResponseData{
				Content: "Zeitleiste im Anhang", AllowedMentions: noMentions,
				Files: []*discordgo.File{{Name: "timeline.csv", ContentType: "text/csv", Reader: strings.NewReader("when,figure\n")}},
			})
		},
	}, {
		name: "follow-up edit, read and delete",
		call: func(e env) error {
			if err := e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, nil); err != nil {
				return err
			}
			if _, err := e.s.InteractionResponseEdit(e.i, &discordgo.WebhookEdit{Content: ptr("1"), AllowedMentions: noMentions}); err != nil {
				return err
			}
			m, err := e.s.FollowupMessageCreate(e.i, true, &discordgo.WebhookParams{Content: "2", AllowedMentions: noMentions})
			if err != nil {
				return err
			}
			if _, err := e.s.FollowupMessageEdit(e.i, m.ID, &discordgo.WebhookEdit{Content: ptr("2b"), AllowedMentions: noMentions}); err != nil {
				return err
			}
			if _, err := e.s.InteractionResponse(e.i); err != nil {
				return err
			}
			if err := e.s.FollowupMessageDelete(e.i, m.ID); err != nil {
				return err
			}
			return e.s.InteractionResponseDelete(e.i)
		},
	}, {
		name: "channel message, edit and delete",
		call: func(e env) error {
			m, err := e.s.ChannelMessageSendComplex(fakediscord.DefaultChannelID, &discordgo.MessageSend{
				Content: "Neuer Widerspruch", AllowedMentions: noMentions,
				Embeds: []*discordgo.MessageEmbed{{Title: "100.000 vs. 300–500 Soldaten"}},
			})
			if err != nil {
				return err
			}
			if _, err := e.s.ChannelMessageEditComplex(&discordgo.MessageEdit{
				Channel: m.ChannelID, ID: m.ID, Content: ptr("Widerspruch (aktualisiert)"), AllowedMentions: noMentions,
			}); err != nil {
				return err
			}
			return e.s.ChannelMessageDelete(m.ChannelID, m.ID)
		},
	}, {
		name: "gateway, user and channel lookups",
		call: func(e env) error {
			if _, err := e.s.GatewayBot(); err != nil {
				return err
			}
			if u, err := e.s.User("@me"); err != nil || !u.Bot {
				return errors.Join(err, errors.New("GET /users/@me is not the bot"))
			}
			_, err := e.s.Channel(fakediscord.DefaultChannelID)
			return err
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			if err := tt.call(e); err != nil {
				t.Fatal(err)
			}
			for _, v := range e.fake.Violations() {
				t.Errorf("violation: %s", v)
			}
		})
	}
}

// TestViolationFailsTest: without CollectViolations a violation goes to
// t.Errorf, naming the operation and the reason.
func TestViolationFailsTest(t *testing.T) {
	rec := &recordingTB{TB: t}
	fake := fakediscord.New(rec)
	s := newSession(t, fake)
	_, _ = s.ChannelMessageSend(fakediscord.DefaultChannelID, "ohne allowed_mentions")
	errs, _ := rec.reported()
	if len(errs) != 1 || !strings.Contains(errs[0], "create_message") || !strings.Contains(errs[0], "allowed_mentions") {
		t.Errorf("Errorf calls = %q", errs)
	}
}

// TestSpecAbsent: without the document the fake says so and still serves.
func TestSpecAbsent(t *testing.T) {
	rec := &recordingTB{TB: t}
	fake := fakediscord.New(rec, fakediscord.SpecPath(t.TempDir()+"/missing.json"))
	s := newSession(t, fake)
	if _, err := s.Channel("general"); err != nil { // only the document would object
		t.Fatalf("Channel: %v", err)
	}
	errs, logs := rec.reported()
	if len(errs) != 0 {
		t.Errorf("Errorf calls = %q", errs)
	}
	if len(logs) != 1 || !strings.Contains(logs[0], "missing.json; skipping validation") {
		t.Errorf("Logf calls = %q", logs)
	}
}

// fatalTB records Fatalf and stops the goroutine as testing's Fatalf does.
type fatalTB struct {
	recordingTB
	fatal string
}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestSpecRequired: where the shared spec is missing, CI
// (CLAIMBOT_REQUIRE_SHARED=1) fails instead of running unvalidated.
func TestSpecRequired(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // no shared/ beside this module root
	t.Setenv(workspace.EnvRequire, "1")
	rec := &fatalTB{recordingTB: recordingTB{TB: t}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fakediscord.New(rec)
	}()
	<-done
	if !strings.Contains(rec.fatal, workspace.EnvRequire+"=1 but Discord's OpenAPI spec is absent") {
		t.Errorf("Fatalf = %q; want the missing spec reported", rec.fatal)
	}
}

// TestUnknownRoute404: a route Discord does not have is answered like
// Discord (404 JSON) and reported.
func TestUnknownRoute404(t *testing.T) {
	e := newEnv(t)
	_, err := e.s.Request(http.MethodGet, discordgo.EndpointAPI+"no/such/route", nil)
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != http.StatusNotFound || rest.Message == nil {
		t.Fatalf("err = %v, want a 404 with a JSON message", err)
	}
	if v := violationsContaining(e.fake.Violations(), "unknown route"); len(v) != 1 {
		t.Errorf("violations = %v", e.fake.Violations())
	}
}
