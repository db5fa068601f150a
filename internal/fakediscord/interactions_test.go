package fakediscord_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// TestFollowupAfterDeferEditsOriginal: Discord's (deprecated but live)
// behaviour — the first follow-up after a deferred response replaces the
// "thinking" message instead of adding one.
func TestFollowupAfterDeferEditsOriginal(t *testing.T) {
	e := newEnv(t)
	if err := e.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource,
		&discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}); err != nil {
		t.Fatal(err)
	}
	thinking := e.fake.InteractionMessages(e.i.Token)
	if len(thinking) != 1 || thinking[0].Flags&discordgo.MessageFlagsLoading == 0 || thinking[0].Type != discordgo.MessageTypeChatInputCommand {
		t.Fatalf("after defer: %+v", thinking)
	}
	m, err := e.s.FollowupMessageCreate(e.i, true, &discordgo.WebhookParams{Content: "Ergebnis", AllowedMentions: noMentions})
	if err != nil {
		t.Fatal(err)
	}
	msgs := e.fake.InteractionMessages(e.i.Token)
	if len(msgs) != 1 || msgs[0].ID != m.ID || msgs[0].ID != thinking[0].ID || msgs[0].Content != "Ergebnis" ||
		msgs[0].Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("after follow-up: %+v", msgs)
	}
}

// TestCallbackWithResponse: ?with_response=true answers with the message
// (discordgo v0.29.0 never asks, a raw request does).
func TestCallbackWithResponse(t *testing.T) {
	e := newEnv(t)
	body, err := e.s.RequestWithBucketID("POST",
		discordgo.EndpointInteractionResponse(e.i.ID, e.i.Token)+"?with_response=true",
		discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "Hallo", AllowedMentions: noMentions}}, "callback")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Resource struct {
			Type    int
			Message discordgo.Message
		}
	}
	if err := json.Unmarshal(body, &got); err != nil || got.Resource.Type != 4 || got.Resource.Message.Content != "Hallo" {
		t.Errorf("answer %s (%v)", body, err)
	}
}

// TestMultipartRecorded: files travel as multipart; the fake validates the
// payload_json part, records the files and turns them into attachments.
func TestMultipartRecorded(t *testing.T) {
	e := newEnv(t)
	m, err := e.s.ChannelMessageSendComplex(fakediscord.DefaultChannelID, &discordgo.MessageSend{
		Content: "Zeitleiste", AllowedMentions: noMentions,
		Files: []*discordgo.File{{Name: "timeline.csv", ContentType: "text/csv", Reader: strings.NewReader("when,figure\n")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Filename != "timeline.csv" {
		t.Errorf("attachments = %+v", m.Attachments)
	}
	req, err := e.fake.WaitFor(testCtx(t), fakediscord.Op("create_message"))
	if err != nil {
		t.Fatal(err)
	}
	var sent discordgo.MessageSend
	if err := req.Decode(&sent); err != nil || sent.Content != "Zeitleiste" {
		t.Errorf("payload_json = %s (%v)", req.Body, err)
	}
	if len(req.Files) != 1 || req.Files[0].Field != "files[0]" || string(req.Files[0].Data) != "when,figure\n" {
		t.Errorf("files = %+v", req.Files)
	}
	if v := e.fake.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}
