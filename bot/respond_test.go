package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/library"
)

// TestDeferral drives the 3-second rule with an injected timer: the
// library is held until the bot has deferred, so the order is certain and
// nothing sleeps.
func TestDeferral(t *testing.T) {
	tests := []struct {
		name      string
		in        Input
		wantOps   string
		wantType  discordgo.InteractionResponseType
		wantFlags discordgo.MessageFlags
	}{
		{"ephemeral claim", guildUser(cmdClaim, map[string]any{"query": "Soldaten"}),
			"respond,edit", discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.MessageFlagsEphemeral},
		{"public claim", guildUser(cmdClaim, map[string]any{"query": "Soldaten", "public": true}),
			"respond,edit", discordgo.InteractionResponseDeferredChannelMessageWithSource, 0},
		{"public claim, no results: the public deferral is replaced", guildUser(cmdClaim, map[string]any{"query": "gar nichts", "public": true}),
			"respond,delete,followup", discordgo.InteractionResponseDeferredChannelMessageWithSource, 0},
		{"page button", Input{Kind: KindComponent, CustomID: "", UserID: "u1", GuildID: "g1"},
			"respond,edit", discordgo.InteractionResponseDeferredMessageUpdate, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			if tt.in.Kind == KindComponent {
				ref := h.b.queries.put("Soldaten")
				tt.in.CustomID = pageID(3, 3, ref, "next")
			}
			gate := make(chan struct{})
			h.lib.gate = gate
			h.timers.fire = true // the budget runs out at once
			rec := &recorder{hook: func(c call) {
				if c.op == "respond" {
					close(gate) // the search finishes only after the deferral
				}
			}}
			h.b.serve(context.Background(), rec, tt.in)
			if got := strings.Join(rec.ops(), ","); got != tt.wantOps {
				t.Fatalf("calls = %s; want %s", got, tt.wantOps)
			}
			d := rec.all()[0].resp
			if d.Type != tt.wantType {
				t.Errorf("deferral type = %d; want %d", d.Type, tt.wantType)
			}
			var flags discordgo.MessageFlags
			if d.Data != nil {
				flags = d.Data.Flags
			}
			if flags != tt.wantFlags {
				t.Errorf("deferral flags = %d; want %d", flags, tt.wantFlags)
			}
			last := rec.all()[len(rec.all())-1]
			switch last.op {
			case "edit":
				if last.edit.AllowedMentions == nil || last.edit.Content == nil || last.edit.Embeds == nil {
					t.Errorf("edit = %+v; want content, embeds and allowed_mentions set", last.edit)
				}
			case "followup":
				if last.params.Flags&discordgo.MessageFlagsEphemeral == 0 {
					t.Error("follow-up replacing a public deferral is not ephemeral")
				}
				mustContain(t, last.params.Content, "No passage")
			}
		})
	}
}

// TestNoDeferralWhenFast: with a budget that never runs out, the answer is
// the first response itself.
func TestNoDeferralWhenFast(t *testing.T) {
	h := newHarness(t, Config{})
	rec := h.run(guildUser(cmdClaim, map[string]any{"query": "Soldaten"}))
	if got := strings.Join(rec.ops(), ","); got != "respond" {
		t.Fatalf("calls = %s", got)
	}
	if h.timers.count != 1 {
		t.Errorf("%d timers; want the one budget", h.timers.count)
	}
}

// failingResponder fails the first response (e.g. 10062 Unknown
// interaction): the reply is dropped, but work after it still runs.
type failingResponder struct{ recorder }

func (f *failingResponder) respond(ctx context.Context, r *discordgo.InteractionResponse) error {
	f.recorder.respond(ctx, r)
	return errors.New("HTTP 404 Not Found, {\"code\": 10062}")
}

func TestFailedDeferralStillRunsTheCommand(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts", OperatorGuilds: []string{"g1"}})
	rec := &failingResponder{}
	h.b.serve(context.Background(), rec, moderator(cmdReindex, nil))
	if got := strings.Join(rec.ops(), ","); got != "respond" {
		t.Errorf("calls = %s; want only the failed deferral", got)
	}
	if len(h.posts.ops()) != 1 {
		t.Errorf("alerts after the re-index were not posted: %v", h.posts.ops())
	}
}

func TestPanicBecomesInternalError(t *testing.T) {
	h := newHarness(t, Config{})
	h.lib.hits = nil
	h.lib.arts = nil
	in := guildUser(cmdSource, map[string]any{"article": "x"})
	h.b.lib = panicLib{h.lib}
	mustContain(t, respText(first(t, h.run(in))), "Something went wrong")
}

type panicLib struct{ *fakeLib }

func (panicLib) Article(library.Collection, string) (articles.Article, bool) { panic("boom") }

// TestDrainWaitsForInflight: shutdown refuses new interactions at once and
// waits for the ones running; deterministic because the running one is
// held on a gate the test opens.
func TestDrainWaitsForInflight(t *testing.T) {
	h := newHarness(t, Config{})
	gate := make(chan struct{})
	h.lib.gate = gate
	deferred := make(chan struct{})
	rec := &recorder{hook: func(c call) {
		if c.op == "respond" {
			close(deferred)
		}
	}}
	served := make(chan struct{})
	go func() {
		defer close(served)
		h.b.serve(context.Background(), rec, moderator(cmdReindex, nil)) // slow: defers at once
	}()
	<-deferred
	idle := h.b.track.close() // what drain waits on
	late := h.run(guildUser(cmdStats, nil))
	mustContain(t, respText(first(t, late)), "restarting")
	select {
	case <-idle:
		t.Fatal("idle while an interaction was running")
	default:
	}
	close(gate)
	<-served
	<-idle
	if got := strings.Join(rec.ops(), ","); got != "respond,edit" {
		t.Errorf("the in-flight interaction got %s; want its answer", got)
	}
}

// TestDrainIsBounded: a stuck interaction does not block shutdown past
// ShutdownTimeout (the injected timer fires).
func TestDrainIsBounded(t *testing.T) {
	h := newHarness(t, Config{})
	h.lib.gate = make(chan struct{}) // never opened
	deferred := make(chan struct{})
	rec := &recorder{hook: func(c call) {
		if c.op == "respond" {
			close(deferred)
		}
	}}
	go h.b.serve(context.Background(), rec, moderator(cmdReindex, nil))
	<-deferred
	h.timers.setFire(true)
	h.b.drain() // returns although the re-index is still running
	if n := h.b.track.running(); n != 1 {
		t.Errorf("running = %d; want the stuck one", n)
	}
	close(h.lib.gate)
}
