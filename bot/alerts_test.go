package bot

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

func TestAlertMessage(t *testing.T) {
	a := seedLib().alerts[0]
	a.New.Passage = strings.Repeat("Sehr langer Absatz über Soldaten. ", 60) + "100.000 Soldaten"
	tests := []struct {
		l     lang
		wants []string
	}{
		{de, []string{"Neue Zahl widerspricht: 100.000 Soldaten laut Bloomberg \\(18.11.2024\\) – zuvor keine Soldaten laut Daily NK",
			"Schwere: hoch", "Neu: Merkur, 18.11.2024", "Zuvor: Putin verliert seine letzten Verbündeten",
			"laut Bloomberg", "laut Daily NK", "**keine Soldaten**", "Abs. 3", "[Nordkorea plant massive Militärhilfe für Russland im Ukraine\\-Krieg](https://example.org/nk)"}},
		{en, []string{"New figure contradicts: 100.000 Soldaten according to Bloomberg \\(18 Nov 2024\\) – earlier keine Soldaten according to Daily NK",
			"Severity: high", "New: Merkur, 18 Nov 2024", "according to Daily NK"}},
	}
	for _, tt := range tests {
		t.Run(tt.l.DiscordLocale(), func(t *testing.T) {
			m := alertMessage(tt.l, a, seedLib().urls)
			mustContain(t, text(m.Content, m.Embeds), tt.wants...)
			if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil {
				t.Error("alert without allowed_mentions")
			}
			if n := embedLen(m.Embeds[0]); n > maxEmbedTotal {
				t.Errorf("alert has %d characters", n)
			}
			for _, f := range m.Embeds[0].Fields {
				checkLen(t, "field", f.Value, maxFieldValue)
			}
			btns := buttons(m.Components)
			if len(btns) != 2 || btns[0].Label != tt.l.T(msgVerdictConfirmed) || btns[1].Label != tt.l.T(msgVerdictNot) {
				t.Errorf("buttons = %+v", btns)
			}
			for _, b := range btns {
				if runes(b.CustomID) > maxCustomID {
					t.Errorf("custom_id %q too long", b.CustomID)
				}
				if v, id, ok := parseVerdictID(b.CustomID); !ok || id != alertID(a) || v == "" {
					t.Errorf("custom_id %q does not parse back", b.CustomID)
				}
			}
		})
	}
}

func TestAlertsPostedOncePerGuild(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts"})
	ctx := context.Background()
	for _, g := range []string{"g2", "g3"} {
		h.store.SetGuildSettings(ctx, g, state.GuildSettings{AlertChannelID: "alerts"})
	}
	alerts := h.lib.alerts
	if n := h.b.PostAlerts(ctx, "g1", alerts); n != 1 {
		t.Errorf("first post: %d; want 1", n)
	}
	if n := h.b.PostAlerts(ctx, "g1", alerts); n != 0 {
		t.Errorf("second post: %d; want 0", n)
	}
	if n := h.b.PostAlerts(ctx, "g2", alerts); n != 1 {
		t.Errorf("another guild: %d; want 1", n)
	}
	// A judged pair never alerts, even if its ledger entry is gone.
	h.store.SetVerdict(ctx, "g3", alertID(alerts[0]), state.Verdict{Value: state.VerdictConfirmed, By: "m"})
	if n := h.b.PostAlerts(ctx, "g3", alerts); n != 0 {
		t.Errorf("judged pair posted: %d", n)
	}
}

func TestDefaultAlertChannelBelongsToItsGuild(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts"})
	ctx := context.Background()
	h.b.rememberGuild("g2", "")
	if n := h.b.Deliver(ctx, library.Report{Collection: library.Base, Alerts: h.lib.alerts}); n != 1 {
		t.Errorf("broadcast posted %d; want 1 (only g1 uses the default channel)", n)
	}
	if ops := h.posts.ops(); len(ops) != 1 || ops[0] != "post:alerts" {
		t.Errorf("posts = %v", ops)
	}
}

func TestAlertOutbox(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts", OutboxInterval: time.Minute})
	ctx := context.Background()
	fail := errors.New("HTTP 503 Service Unavailable")
	h.b.post = func(context.Context, string, *discordgo.MessageSend) error { return fail }

	if n := h.b.PostAlerts(ctx, "g1", h.lib.alerts); n != 0 {
		t.Fatalf("posted %d while the channel fails", n)
	}
	pending, _ := h.store.PendingAlerts(ctx, 0)
	if len(pending) != 1 || pending[0].Attempts != 1 || pending[0].ChannelID != "alerts" ||
		!pending[0].NextAttempt.Equal(epoch.Add(time.Minute)) || pending[0].LastError != fail.Error() {
		t.Fatalf("outbox = %+v", pending)
	}
	// Not due yet: nothing is tried.
	tries := 0
	h.b.post = func(context.Context, string, *discordgo.MessageSend) error { tries++; return fail }
	h.b.RetryAlerts(ctx)
	if tries != 0 {
		t.Errorf("retried %d times before the entry was due", tries)
	}
	// Due, fails again: back-off doubles.
	h.clock.Add(time.Minute)
	h.b.RetryAlerts(ctx)
	pending, _ = h.store.PendingAlerts(ctx, 0)
	if tries != 1 || len(pending) != 1 || pending[0].Attempts != 2 || !pending[0].NextAttempt.Equal(h.clock.Now().Add(2*time.Minute)) {
		t.Fatalf("after a failed retry: tries %d, outbox %+v", tries, pending)
	}
	// Due, succeeds: posted in the guild's language and acked.
	h.clock.Add(2 * time.Minute)
	var posted *discordgo.MessageSend
	h.b.post = func(_ context.Context, ch string, m *discordgo.MessageSend) error { posted = m; return nil }
	h.b.RetryAlerts(ctx)
	if posted == nil {
		t.Fatal("not retried")
	}
	mustContain(t, text("", posted.Embeds), "Neue Zahl widerspricht")
	if pending, _ = h.store.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox after success = %+v", pending)
	}
	// The ledger still holds the pair: it is not posted again.
	if n := h.b.PostAlerts(ctx, "g1", h.lib.alerts); n != 0 {
		t.Errorf("posted again after the retry: %d", n)
	}
}

func TestOutboxDropsWhenAlertsTurnedOff(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts"})
	ctx := context.Background()
	h.b.post = func(context.Context, string, *discordgo.MessageSend) error { return errors.New("HTTP 403 Forbidden") }
	h.b.PostAlerts(ctx, "g1", h.lib.alerts)
	h.store.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: alertsOff})
	h.clock.Add(time.Hour)
	h.b.RetryAlerts(ctx)
	if pending, _ := h.store.PendingAlerts(ctx, 0); len(pending) != 0 {
		t.Errorf("outbox = %+v; want it emptied", pending)
	}
}

func TestAlertIDFitsCustomID(t *testing.T) {
	a := seedLib().alerts[0]
	a.New.Article = strings.Repeat("x", 200)
	id := alertID(a)
	if runes(verdictID(state.VerdictNotContradiction, id)) > maxCustomID {
		t.Errorf("custom_id for a long key has %d characters", runes(verdictID(state.VerdictNotContradiction, id)))
	}
	if alertID(a) != id {
		t.Error("alertID is not stable")
	}
}

func TestOnlyContradictionsArePosted(t *testing.T) {
	h := newHarness(t, Config{GuildID: "g1", AlertChannelID: "alerts", OperatorGuilds: []string{"g1"}})
	ctx := context.Background()
	upd := h.lib.alerts[0]
	upd.Kind, upd.Severity = "update", "low"
	upd.New.Article = "009"
	if n := h.b.PostAlerts(ctx, "g1", []claims.Alert{upd}); n != 0 {
		t.Errorf("an update was posted")
	}
	h.lib.report.Alerts = append(h.lib.report.Alerts, upd)
	rec := h.run(moderator(cmdReindex, nil))
	edit := rec.all()[1].edit
	mustContain(t, text("", *edit.Embeds), "New contradiction alerts: 1", "Updated figures: 1")
}

// TestAlertSettingsPersist: /alerts is stored in the state file and a bot
// started later (a restart) uses it.
func TestAlertSettingsPersist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	ctx := context.Background()
	for i, step := range []struct {
		sub, channel, want string
	}{
		{subAlertsChannel, "1290000000000000042", "1290000000000000042"},
		{subAlertsOff, "", ""},
	} {
		st, err := boltstate.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := New(Config{AlertChannelID: "default"}, Deps{Library: seedLib(), Store: st})
		if err != nil {
			t.Fatal(err)
		}
		in := moderator(cmdAlerts, map[string]any{"channel": step.channel})
		in.Sub = step.sub
		b.serve(ctx, &recorder{}, in)
		st.Close()

		st, err = boltstate.Open(path) // the restart
		if err != nil {
			t.Fatal(err)
		}
		b, _ = New(Config{AlertChannelID: "default"}, Deps{Library: seedLib(), Store: st})
		if ch, err := b.alertChannel(ctx, "g1"); err != nil || ch != step.want {
			t.Errorf("step %d: alert channel after restart = %q, %v; want %q", i, ch, err, step.want)
		}
		st.Close()
	}
}
