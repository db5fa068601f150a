package fakediscord_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

var claimCommand = &discordgo.ApplicationCommand{
	Name:                     "claim",
	Description:              "Find what the articles say about a claim",
	NameLocalizations:        &map[discordgo.Locale]string{discordgo.German: "behauptung"},
	DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.German: "Finde, was die Artikel zu einer Behauptung sagen"},
	DefaultMemberPermissions: ptr(int64(discordgo.PermissionSendMessages)),
	Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM},
	Options: []*discordgo.ApplicationCommandOption{{
		Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "Words to search for",
		Required: true, Autocomplete: true, MinLength: ptr(1), MaxLength: 300,
	}, {
		Type: discordgo.ApplicationCommandOptionInteger, Name: "limit", Description: "How many passages",
		MinValue: ptr(1.0), MaxValue: 10,
	}},
}

func ptr[T any](v T) *T { return &v }

// TestSessionEndToEnd drives a real discordgo session through the fake:
// READY, command registration, an INTERACTION_CREATE answered by the
// session's handler with a deferred response, an edit and a follow-up.
func TestSessionEndToEnd(t *testing.T) {
	t.Parallel() // discordgo's Close sleeps a second
	fake := fakediscord.New(t)
	ctx := testCtx(t)
	s := newSession(t, fake)

	ready := make(chan *discordgo.Ready, 1)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	handled := make(chan error, 1)
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		handled <- answer(s, ic.Interaction)
	})
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-ready:
		if r.User.ID != fake.BotUserID() || r.Application.ID != fake.AppID() || r.SessionID == "" {
			t.Errorf("READY = user %q app %q session %q", r.User.ID, r.Application.ID, r.SessionID)
		}
	case <-ctx.Done():
		t.Fatal("no READY event")
	}
	if id, ok := fake.Identify(); !ok || id.Intents != discordgo.IntentsGuilds || !id.Compress {
		t.Errorf("Identify = %+v, %v; want guild intents and compress (discordgo's default)", id, ok)
	}

	registered, err := s.ApplicationCommandBulkOverwrite(fake.AppID(), fakediscord.DefaultGuildID, []*discordgo.ApplicationCommand{claimCommand})
	if err != nil {
		t.Fatalf("BulkOverwrite: %v", err)
	}
	if len(registered) != 1 || registered[0].ID == "" || registered[0].DefaultMemberPermissions == nil ||
		*registered[0].DefaultMemberPermissions != discordgo.PermissionSendMessages {
		t.Fatalf("BulkOverwrite answered %+v", registered)
	}
	if got := fake.RegisteredCommands(fakediscord.DefaultGuildID); len(got) != 1 || got[0].ID != registered[0].ID {
		t.Fatalf("RegisteredCommands = %+v", got)
	}

	i := fake.Interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", "Minenräumer Kursk")).
		InGuild(fakediscord.DefaultGuildID, fakediscord.Member("1290000000000000777", discordgo.PermissionSendMessages)).
		Locale(discordgo.German).Build())
	select {
	case err := <-handled:
		if err != nil {
			t.Fatalf("handler: %v", err)
		}
	case <-ctx.Done():
		t.Fatal("handler never ran")
	}

	reqs := fake.InteractionResponses(i.Token)
	var ops []string
	for _, r := range reqs {
		ops = append(ops, r.Operation)
	}
	want := []string{"create_interaction_response", "update_original_webhook_message", "execute_webhook"}
	if len(ops) != len(want) || ops[0] != want[0] || ops[1] != want[1] || ops[2] != want[2] {
		t.Fatalf("interaction requests = %v, want %v", ops, want)
	}
	msgs := fake.InteractionMessages(i.Token)
	if len(msgs) != 2 {
		t.Fatalf("InteractionMessages = %d messages, want original + follow-up", len(msgs))
	}
	orig := msgs[0]
	if orig.Content != "Kursk: 2 Treffer (de)" || orig.Flags&discordgo.MessageFlagsEphemeral == 0 ||
		orig.Flags&discordgo.MessageFlagsLoading != 0 || len(orig.Components) != 1 {
		t.Errorf("original = %q flags %b components %d; want edited, ephemeral, no longer loading, one row",
			orig.Content, orig.Flags, len(orig.Components))
	}
	if msgs[1].Content != "Quellen folgen." || msgs[1].ChannelID != fakediscord.DefaultChannelID {
		t.Errorf("follow-up = %+v", msgs[1])
	}
	if v := fake.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

// answer is what a bot's handler does: defer ephemerally, edit, follow up.
func answer(s *discordgo.Session, i *discordgo.Interaction) error {
	data := i.ApplicationCommandData()
	if data.Name != "claim" || data.Options[0].StringValue() != "Minenräumer Kursk" ||
		i.Member == nil || i.Member.Permissions != discordgo.PermissionSendMessages || i.Locale != discordgo.German {
		return fmt.Errorf("unexpected interaction %+v", i)
	}
	none := &discordgo.MessageAllowedMentions{}
	if err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
	}); err != nil {
		return err
	}
	content := "Kursk: 2 Treffer (de)"
	row := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Mehr", CustomID: "more:1", Style: discordgo.SecondaryButton},
	}}}
	if _, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{
		Content: &content, Components: &row, AllowedMentions: none,
	}); err != nil {
		return err
	}
	m, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
		Content: "Quellen folgen.", AllowedMentions: none, Flags: discordgo.MessageFlagsEphemeral,
	})
	if err != nil {
		return err
	}
	if m == nil || m.ID == "" {
		return fmt.Errorf("follow-up answer without a message id: %+v", m)
	}
	return nil
}

// TestResumeAfterDrop cuts the gateway; discordgo must RESUME, and an event
// dispatched while it was away must arrive (replayed on RESUME).
func TestResumeAfterDrop(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t)
	ctx := testCtx(t)
	s := newSession(t, fake)
	got := make(chan string, 4)
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		got <- ic.MessageComponentData().CustomID
	})
	resumed := make(chan struct{}, 1)
	s.AddHandler(func(*discordgo.Session, *discordgo.Resumed) { resumed <- struct{}{} })
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}

	fake.Interact(fakediscord.Button("before").Build())
	if id := receive(t, ctx, got); id != "before" {
		t.Fatalf("got %q", id)
	}
	fake.DropGateway()
	fake.Interact(fakediscord.Button("during").Build())
	if err := fake.WaitResumed(ctx); err != nil {
		t.Fatal(err)
	}
	if id := receive(t, ctx, got); id != "during" {
		t.Fatalf("after resume got %q, want the replayed event", id)
	}
	receive(t, ctx, resumed)
	fake.Interact(fakediscord.Button("after").Build())
	if id := receive(t, ctx, got); id != "after" {
		t.Fatalf("got %q", id)
	}
}

func receive[T any](t *testing.T, ctx interface{ Done() <-chan struct{} }, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		t.Fatal("timed out waiting for an event")
	}
	var zero T
	return zero
}

// TestInjectedRateLimit: a 429 with retry_after makes discordgo wait and
// retry; the retry succeeds.
func TestInjectedRateLimit(t *testing.T) {
	fake := fakediscord.New(t)
	s := newSession(t, fake)
	limited := make(chan *discordgo.RateLimit, 1)
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) { limited <- rl })
	fake.Inject(fakediscord.Op("create_message"), fakediscord.RateLimited(50*time.Millisecond, false))

	m, err := s.ChannelMessageSendComplex(fakediscord.DefaultChannelID, &discordgo.MessageSend{
		Content: "Neue Widersprüche", AllowedMentions: &discordgo.MessageAllowedMentions{},
	})
	if err != nil {
		t.Fatalf("send after 429: %v", err)
	}
	var statuses []int
	for _, r := range fake.Requests() {
		statuses = append(statuses, r.Status)
	}
	if len(statuses) != 2 || statuses[0] != http.StatusTooManyRequests || statuses[1] != http.StatusOK {
		t.Fatalf("statuses = %v, want [429 200]", statuses)
	}
	if rl := receive(t, testCtx(t), limited); rl.RetryAfter != 50*time.Millisecond {
		t.Errorf("RateLimit event retry after %v", rl.RetryAfter)
	}
	if msgs := fake.Messages(fakediscord.DefaultChannelID); len(msgs) != 1 || msgs[0].ID != m.ID {
		t.Errorf("Messages = %+v, want the one message %s", msgs, m.ID)
	}
}

// TestInjectedFailures: scripted errors reach the bot as discordgo errors
// with Discord's JSON code, then the fake answers normally again.
func TestInjectedFailures(t *testing.T) {
	tests := []struct {
		name     string
		resp     fakediscord.Response
		wantCode int
	}{
		{"forbidden", fakediscord.Status(http.StatusForbidden), 50013},
		{"server error", fakediscord.Status(http.StatusInternalServerError), 0},
		{"unavailable", fakediscord.Status(http.StatusServiceUnavailable), -1},
		{"expired token", fakediscord.APIError(http.StatusUnauthorized, 50027, "Invalid Webhook Token"), 50027},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakediscord.New(t)
			s := newSession(t, fake)
			fake.Inject(fakediscord.Op("get_channel"), tt.resp)
			_, err := s.Channel(fakediscord.DefaultChannelID)
			var rest *discordgo.RESTError
			if !errors.As(err, &rest) || rest.Response.StatusCode != tt.resp.Status {
				t.Fatalf("err = %v, want HTTP %d", err, tt.resp.Status)
			}
			switch {
			case tt.wantCode < 0 && rest.Message != nil:
				t.Errorf("non-JSON body decoded as %+v", rest.Message)
			case tt.wantCode >= 0 && (rest.Message == nil || rest.Message.Code != tt.wantCode):
				t.Errorf("message = %+v, want code %d", rest.Message, tt.wantCode)
			}
			ch, err := s.Channel(fakediscord.DefaultChannelID)
			if err != nil || ch.ID != fakediscord.DefaultChannelID {
				t.Errorf("second call = %+v, %v; want the normal answer", ch, err)
			}
		})
	}
}

// TestPrivilegedIntentsRefused: asking for MESSAGE_CONTENT is a violation
// and Discord's 4014 close makes Open fail.
func TestPrivilegedIntentsRefused(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.CollectViolations())
	s := newSession(t, fake)
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentMessageContent
	s.ShouldReconnectOnError = false
	err := s.Open()
	if err == nil {
		_ = s.Close()
		t.Fatal("Open succeeded with a privileged intent")
	}
	if v := violationsContaining(fake.Violations(), "MESSAGE_CONTENT"); len(v) != 1 {
		t.Errorf("violations = %v, want one naming MESSAGE_CONTENT", fake.Violations())
	}
}
