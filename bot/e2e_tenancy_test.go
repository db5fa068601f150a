package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
)

// End-to-end tests of guild isolation: one bot in two guilds (A and B)
// and an operator guild (O), with a DM user, against the fake Discord.
// Every rule of the tenancy model is one subtest; every request the bot
// sends is still validated against Discord's OpenAPI document.

const (
	guildA, guildB, guildO = "1290000000000000010", "1290000000000000020", "1290000000000000030"
	alertsA, alertsB       = "1290000000000000011", "1290000000000000021"
	alertsO                = "1290000000000000031"
	modA, modB, modO       = "1290000000000000012", "1290000000000000022", "1290000000000000032"
	memberA                = "1290000000000000013"
	dmUser                 = "1290000000000000099"
)

func moderatorOf(user string) *discordgo.Member {
	return fakediscord.Member(user, fakediscord.DefaultPermissions|discordgo.PermissionManageGuild)
}

// in sends a command in a guild as a user.
func in(b *fakediscord.Builder, guild, user string, mod bool) *fakediscord.Builder {
	m := fakediscord.Member(user, fakediscord.DefaultPermissions)
	if mod {
		m = moderatorOf(user)
	}
	return b.InGuild(guild, m)
}

func claimCmd(q string) *fakediscord.Builder {
	return fakediscord.SlashCommand("claim", fakediscord.Opt("query", q))
}

func sub(cmd, name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *fakediscord.Builder {
	return fakediscord.SlashCommand(cmd, fakediscord.SubCommand(name, opts...))
}

// fileHashes hashes every file under dir but the index's own, which
// changes as it pleases; a rule that changes nothing leaves it equal.
func fileHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() || strings.HasPrefix(rel, "index"+string(filepath.Separator)) || rel == "state.db" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[rel] = hex.EncodeToString(sum[:8])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestE2ETenancy(t *testing.T) {
	t.Parallel()
	site := newNewsSite(t)
	root := t.TempDir()
	dataDir := filepath.Join(root, "data")
	// Files an option must never reach: the live state beside the data
	// directory's articles, and notes outside it.
	outside := filepath.Join(root, "x", "notes.md")
	if err := os.MkdirAll(filepath.Dir(outside), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte("Q7sentinelZ\n\nDiese Notizen liegen außerhalb des Datenverzeichnisses.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ib := startIngestBotWith(t, dataDir, Config{OperatorGuilds: []string{guildO}}, fakediscord.Guilds(guildA, guildB, guildO))
	e := ib.e2e
	ctx := context.Background()
	for g, ch := range map[string]string{guildA: alertsA, guildB: alertsB, guildO: alertsO} {
		e.fake.AddChannel(&discordgo.Channel{ID: ch, GuildID: g, Type: discordgo.ChannelTypeGuildText, Name: "alerts"})
	}
	// A chooses its channel through Discord; B's and O's are in the store.
	_, resp := e.interact(in(sub("alerts", "channel", fakediscord.TypedOpt("channel", discordgo.ApplicationCommandOptionChannel, alertsA)), guildA, modA, true))
	mustContain(t, resp.Data.text(), "<#"+alertsA+">")
	for g, ch := range map[string]string{guildB: alertsB, guildO: alertsO} {
		if err := ib.st.SetGuildSettings(ctx, g, state.GuildSettings{AlertChannelID: ch}); err != nil {
			t.Fatal(err)
		}
	}
	pentagonURL := site.serve("/politik/pentagon-3000", "text/html; charset=utf-8", pentagonPage)
	const pentagonQuery = "Pentagon 3.000 Soldaten Front"

	t.Run("A's addition is seen and alerted in A only", func(t *testing.T) {
		reply := e.deferred(in(sub("article", "add", fakediscord.Opt("url", pentagonURL)), guildA, modA, true))
		mustContain(t, reply.text(), "Added: Pentagon", "This server only", "posted to <#"+alertsA+">: 1")
		mustContain(t, e.claimTextIn(pentagonQuery, guildA, memberA), "Testpost")
		for who, text := range map[string]string{
			"B":  e.claimTextIn(pentagonQuery, guildB, modB),
			"O":  e.claimTextIn(pentagonQuery, guildO, modO),
			"DM": e.claimTextDM(pentagonQuery, dmUser),
		} {
			if strings.Contains(text, "Testpost") {
				t.Errorf("%s's /claim shows A's article:\n%s", who, text)
			}
		}
		if n := len(e.fake.Messages(alertsA)); n != 1 {
			t.Errorf("%d alerts in A's channel; want 1", n)
		}
		for _, ch := range []string{alertsB, alertsO} {
			if n := len(e.fake.Messages(ch)); n != 0 {
				t.Errorf("A's alert reached %s: %d messages", ch, n)
			}
		}
		_, resp := e.interact(in(fakediscord.SlashCommand("source", fakediscord.Opt("article", "Pentagon: Nur 3.000 nordkoreanische Soldaten an der Front")), guildB, modB, false))
		mustContain(t, resp.Data.text(), "I have no article")
		_, resp = e.interact(in(fakediscord.Autocomplete("source", fakediscord.Focused("article", "Pentagon")), guildB, modB, false))
		if len(resp.Data.Choices) != 0 {
			t.Errorf("B's /source suggests A's article: %+v", resp.Data.Choices)
		}
		_, resp = e.interact(in(fakediscord.SlashCommand("stats"), guildA, memberA, false))
		mustContain(t, resp.Data.text(), "Articles: 6", "This server's own: 1")
		_, resp = e.interact(in(fakediscord.SlashCommand("stats"), guildB, modB, false))
		mustContain(t, resp.Data.text(), "Articles: 5", "This server's own: 0")
	})

	pentagonID := ""
	for _, a := range ib.lib.Articles(library.Collection("guild-" + guildA)) {
		if a.Collection != "" && a.Collection != "base" {
			pentagonID = a.ID
		}
	}
	if pentagonID == "" {
		t.Fatal("A's article is not in A's collection")
	}

	t.Run("B cannot change A's articles", func(t *testing.T) {
		before := fileHashes(t, dataDir)
		for subc, want := range map[string]string{
			"remove":  "This server has no article",
			"exclude": "This server has no article",
			"restore": "This server has no removed article",
			"include": "is not excluded on this server",
		} {
			_, resp := e.interact(in(sub("article", subc, fakediscord.Opt("id", pentagonID)), guildB, modB, true))
			mustContain(t, resp.Data.text(), want, "Nothing in the archive was changed")
		}
		for _, subc := range []string{"remove", "exclude", "restore", "include"} {
			_, resp := e.interact(in(fakediscord.Autocomplete("article", fakediscord.SubCommand(subc, fakediscord.Focused("id", "pentagon"))), guildB, modB, true))
			for _, c := range resp.Data.Choices {
				if c.Value == pentagonID {
					t.Errorf("B's /article %s suggests A's article", subc)
				}
			}
		}
		sameTree(t, "after B's attempts", before, fileHashes(t, dataDir))
		mustContain(t, e.claimTextIn(pentagonQuery, guildA, memberA), "Testpost")
	})

	t.Run("a guild cannot remove base articles", func(t *testing.T) {
		_, resp := e.interact(in(sub("article", "remove", fakediscord.Opt("id", "002_faae90cb512dd3ab")), guildA, modA, true))
		mustContain(t, resp.Data.text(), "belongs to the shared archive", "/article exclude id:002_faae90cb512dd3ab")
		mustContain(t, e.claimTextIn("Soldaten an der Front", guildB, modB), "002_faae90cb512dd3ab")
	})

	feedURL := site.serve("/feeds/welt.xml", "application/atom+xml", feedAtom)
	site.serve("/welt/pentagon-zaehlt", "text/html; charset=utf-8", feedPage)

	t.Run("feeds are per guild", func(t *testing.T) {
		reply := e.deferred(in(sub("feeds", "add", fakediscord.Opt("url", feedURL)), guildA, modA, true))
		mustContain(t, reply.text(), "Subscribed", "this server's collection only")
		_, resp := e.interact(in(sub("feeds", "list"), guildB, modB, true))
		mustContain(t, resp.Data.text(), "No feeds yet")
		if strings.Contains(resp.Data.text(), feedURL) || strings.Contains(resp.Data.text(), modA) {
			t.Errorf("B's /feeds list shows A's feed or who added it:\n%s", resp.Data.text())
		}
		_, resp = e.interact(in(sub("feeds", "remove", fakediscord.Opt("url", feedURL)), guildB, modB, true))
		mustContain(t, resp.Data.text(), "There is no feed")
		_, resp = e.interact(in(fakediscord.Autocomplete("feeds", fakediscord.SubCommand("remove", fakediscord.Focused("url", ""))), guildB, modB, true))
		if len(resp.Data.Choices) != 0 {
			t.Errorf("B's /feeds remove suggests %+v", resp.Data.Choices)
		}
		_, resp = e.interact(in(sub("feeds", "list"), guildA, modA, true))
		mustContain(t, resp.Data.text(), "Feeds (1)", "<"+feedURL+">", "<@"+modA+">")
		// A's feed article goes into A's collection, and its alert to A.
		ib.ticks <- time.Now()
		r := ib.waitPoll(t)
		if len(r.Added()) != 1 {
			t.Fatalf("the poll added %v; want A's feed article", r.Added())
		}
		mustContain(t, e.claimTextIn("Abendpost Pentagon Nordkoreaner", guildA, memberA), "Abendpost Test")
		if strings.Contains(e.claimTextIn("Abendpost Pentagon Nordkoreaner", guildB, modB), "Abendpost Test") {
			t.Error("B sees A's feed article")
		}
		if n := len(e.fake.Messages(alertsB)); n != 0 {
			t.Errorf("A's feed alerted in B: %d messages", n)
		}
		_, resp = e.interact(in(sub("feeds", "remove", fakediscord.Opt("url", feedURL)), guildA, modA, true))
		mustContain(t, resp.Data.text(), "Unsubscribed")
	})

	t.Run("operator feed alerts reach every guild", func(t *testing.T) {
		site.serve("/welt/geheimdienst", "text/html; charset=utf-8", newsPage("Morgenblatt: 8.000 Nordkoreaner an der Front", "Morgenblatt", "Jan Ohm", "2024-11-18T20:00:00+01:00",
			"Nach Angaben des südkoreanischen Geheimdienstes sind derzeit 8.000 nordkoreanische Soldaten an der Front im Einsatz, berichtet das Morgenblatt.",
			"Die Regierung in Seoul rechnet mit weiteren Verlegungen in den kommenden Wochen; unabhängig bestätigen ließ sich die Zahl zunächst nicht.",
			"Beobachter in Kiew verweisen auf abweichende Angaben anderer Dienste und mahnen zur Vorsicht bei allen Schätzungen."))
		opFeed := site.serve("/feeds/op.xml", "application/atom+xml", strings.ReplaceAll(strings.ReplaceAll(feedAtom, "/welt/pentagon-zaehlt", "/welt/geheimdienst"), "urn:test:abendpost-pentagon", "urn:test:morgenblatt"))
		reply := e.deferred(in(sub("feeds", "add", fakediscord.Opt("url", opFeed)), guildO, modO, true))
		mustContain(t, reply.text(), "Subscribed")
		if strings.Contains(reply.text(), "this server's collection only") {
			t.Error("an operator guild's feed is said to be its own")
		}
		if ops, _ := ib.st.ListFeeds(ctx, ""); len(ops) != 1 || ops[0].AddedIn != guildO {
			t.Fatalf("operator feeds = %+v; want the feed, added in O", ops)
		}
		beforeA, beforeB := len(e.fake.Messages(alertsA)), len(e.fake.Messages(alertsB))
		ib.ticks <- time.Now()
		if r := ib.waitPoll(t); len(r.Added()) != 1 {
			t.Fatalf("the poll added %v", r.Added())
		}
		for g, ch := range map[string]string{guildB: alertsB, guildO: alertsO} {
			msgs := e.fake.Messages(ch)
			if len(msgs) == 0 || !strings.Contains(text(msgs[len(msgs)-1].Content, msgs[len(msgs)-1].Embeds), "8.000") {
				t.Errorf("the base feed's alert did not reach guild %s", g)
			}
		}
		// A sees the base too; its own article (3.000 at the front) is
		// alerted against the new base article there, in A only.
		if len(e.fake.Messages(alertsA)) <= beforeA {
			t.Error("the base feed's alert did not reach guild A")
		}
		if got := len(e.fake.Messages(alertsB)) - beforeB; got != 1 {
			t.Errorf("%d alerts in B; want the base's one (A's own article's alert is A's)", got)
		}
		for _, who := range []string{"A", "B", "DM"} {
			var text string
			switch who {
			case "A":
				text = e.claimTextIn("Morgenblatt 8.000 Nordkoreaner", guildA, memberA)
			case "B":
				text = e.claimTextIn("Morgenblatt 8.000 Nordkoreaner", guildB, modB)
			default:
				text = e.claimTextDM("Morgenblatt 8.000 Nordkoreaner", dmUser)
			}
			mustContain(t, text, "Morgenblatt")
		}
	})

	t.Run("exclusions are per guild", func(t *testing.T) {
		const seed = "002_faae90cb512dd3ab"
		_, resp := e.interact(in(sub("article", "exclude", fakediscord.Opt("id", seed)), guildA, modA, true))
		mustContain(t, resp.Data.text(), "no longer returned", "only what this server sees")
		if strings.Contains(e.claimTextIn("etwa 15.000 an der Front", guildA, memberA), "etwa **15.000**") {
			t.Error("A still finds the article it excluded")
		}
		mustContain(t, e.claimTextIn("etwa 15.000 an der Front", guildB, modB), "15.000")
		mustContain(t, e.claimTextDM("etwa 15.000 an der Front", dmUser), "15.000")
		_, resp = e.interact(in(sub("article", "include", fakediscord.Opt("id", seed)), guildB, modB, true))
		mustContain(t, resp.Data.text(), "is not excluded on this server")
		_, resp = e.interact(in(sub("article", "include", fakediscord.Opt("id", seed)), guildA, modA, true))
		mustContain(t, resp.Data.text(), "returned in lookups again")
	})

	t.Run("autocomplete is refused like its command", func(t *testing.T) {
		_, resp := e.interact(in(sub("article", "exclude", fakediscord.Opt("id", "002_faae90cb512dd3ab")), guildA, modA, true))
		mustContain(t, resp.Data.text(), "no longer returned")
		if err := ib.st.AddFeed(ctx, state.Feed{URL: feedURL, GuildID: guildA, AddedBy: modA}); err != nil {
			t.Fatal(err)
		}
		asks := []struct {
			name string
			b    *fakediscord.Builder
		}{
			{"DM user, feed URLs", fakediscord.Autocomplete("feeds", fakediscord.SubCommand("remove", fakediscord.Focused("url", ""))).InDM(dmUser)},
			{"DM user, excluded articles", fakediscord.Autocomplete("article", fakediscord.SubCommand("include", fakediscord.Focused("id", ""))).InDM(dmUser)},
			{"member of A, feed URLs", in(fakediscord.Autocomplete("feeds", fakediscord.SubCommand("remove", fakediscord.Focused("url", ""))), guildA, memberA, false)},
			{"member of A, excluded articles", in(fakediscord.Autocomplete("article", fakediscord.SubCommand("include", fakediscord.Focused("id", ""))), guildA, memberA, false)},
			{"moderator of B, A's excluded articles", in(fakediscord.Autocomplete("article", fakediscord.SubCommand("include", fakediscord.Focused("id", ""))), guildB, modB, true)},
		}
		for _, a := range asks {
			_, resp := e.interact(a.b)
			if resp.Type != 8 || len(resp.Data.Choices) != 0 {
				t.Errorf("%s: type %d, choices %+v; want none", a.name, resp.Type, resp.Data.Choices)
			}
		}
		_, resp = e.interact(in(fakediscord.Autocomplete("article", fakediscord.SubCommand("include", fakediscord.Focused("id", ""))), guildA, modA, true))
		if len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Value != "002_faae90cb512dd3ab" {
			t.Errorf("A's moderator's include suggestions: %+v", resp.Data.Choices)
		}
		_, resp = e.interact(in(fakediscord.Autocomplete("feeds", fakediscord.SubCommand("remove", fakediscord.Focused("url", ""))), guildA, modA, true))
		if len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Value != feedURL {
			t.Errorf("A's moderator's feed suggestions: %+v", resp.Data.Choices)
		}
	})

	t.Run("no option reaches a path or a pattern", func(t *testing.T) {
		forms := []string{"../x", `..\x`, "/abs", "*", "?", "[", "a\x00b", strings.Repeat("a", 300),
			"../../x/notes", "../state", `..\..\x\notes`, "/" + filepath.Join(root, "x", "notes")}
		before := fileHashes(t, root)
		for _, form := range forms {
			for _, subc := range []string{"remove", "restore", "exclude", "include"} {
				_, resp := e.interact(in(sub("article", subc, fakediscord.Opt("id", form)), guildA, modA, true))
				got := resp.Data.text()
				mustContain(t, got, "is not an article ID", "Nothing in the archive was changed")
				if strings.Contains(got, "\x00") || len(got) > 700 {
					t.Errorf("/article %s %q: the reply echoes the input: %q", subc, form, got)
				}
			}
			// /source matches what was typed against titles and IDs of the
			// view's records ("?" is in a seed's title): never a file.
			_, resp := e.interact(in(fakediscord.SlashCommand("source", fakediscord.Opt("article", form)), guildA, memberA, false))
			if got := resp.Data.text(); strings.Contains(got, "Q7sentinelZ") || strings.Contains(got, "außerhalb") {
				t.Errorf("/source %q shows a file outside the data directory:\n%s", form, got)
			}
			_, resp = e.interact(in(sub("feeds", "remove", fakediscord.Opt("url", form)), guildA, modA, true))
			mustContain(t, resp.Data.text(), "There is no feed")
		}
		sameTree(t, "after every traversal form", before, fileHashes(t, root))
		if data, err := os.ReadFile(outside); err != nil || !strings.Contains(string(data), "außerhalb") {
			t.Errorf("the notes outside the data directory: %v", err)
		}
		if strings.Contains(e.claimTextIn("Notizen außerhalb Datenverzeichnisses", guildB, modB), "Q7sentinelZ") {
			t.Error("a file outside the data directory was indexed")
		}
	})

	t.Run("only operators change the base", func(t *testing.T) {
		for _, g := range []struct{ guild, mod string }{{guildA, modA}, {guildB, modB}} {
			_, resp := e.interact(in(fakediscord.SlashCommand("reindex"), g.guild, g.mod, true))
			mustContain(t, resp.Data.text(), "Only the bot's operators")
		}
		_, resp := e.interact(fakediscord.SlashCommand("reindex").InDM(dmUser))
		mustContain(t, resp.Data.text(), "only works in a server")
		page := site.serve("/wirtschaft/hafen", "text/html; charset=utf-8", newsPage("Hafen meldet Rekordumschlag", "Küstenpost", "Ina Kai", "2025-02-03T09:00:00+01:00",
			"Der Hafen hat im vergangenen Jahr 40 Millionen Tonnen umgeschlagen, so viel wie nie zuvor, teilte die Hafengesellschaft mit.",
			"Vor allem der Containerverkehr mit Skandinavien wuchs; die Zahl der Anläufe stieg um ein Zehntel auf mehr als 9.000 Schiffe.",
			"Für das laufende Jahr rechnet die Gesellschaft mit einem leichten Rückgang, weil zwei große Reedereien ihre Linien verlegen."))
		reply := e.deferred(in(sub("article", "add", fakediscord.Opt("url", page)), guildO, modO, true))
		mustContain(t, reply.text(), "Added: Hafen meldet Rekordumschlag")
		if strings.Contains(reply.text(), "This server only") {
			t.Error("an operator's addition is said to be the server's own")
		}
		mustContain(t, e.claimTextIn("Hafen Rekordumschlag Containerverkehr", guildB, modB), "Küstenpost")
		mustContain(t, e.claimTextDM("Hafen Rekordumschlag Containerverkehr", dmUser), "Küstenpost")
		reply = e.deferred(in(fakediscord.SlashCommand("reindex"), guildO, modO, true))
		mustContain(t, reply.text(), "Re-indexed")
		mustContain(t, e.claimTextIn(pentagonQuery, guildA, memberA), "Testpost") // A's collection survives a re-index
	})

	t.Run("/source resolves a typed title to the full record", func(t *testing.T) {
		// Enter without picking a suggestion sends the title as typed; it
		// once rendered a stub ("publisher unknown", 0 paragraphs).
		for _, typed := range []string{"Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando", "wladimir putin: kremlchef"} {
			_, resp := e.interact(in(fakediscord.SlashCommand("source", fakediscord.Opt("article", typed)), guildB, modB, false))
			got := resp.Data.text()
			mustContain(t, got, "Publisher: news.de", "ID: 004_4d7b7c7852ea0801", "Cited sources:")
			if strings.Contains(got, "Paragraphs: 0") || strings.Contains(got, "publisher unknown") {
				t.Errorf("typed %q gives a stub:\n%s", typed, got)
			}
		}
		_, resp := e.interact(in(fakediscord.SlashCommand("source", fakediscord.Opt("article", "Nordkorea")), guildB, modB, false))
		mustContain(t, resp.Data.text(), "Several articles match", "`002_faae90cb512dd3ab`", "`003_6c091646097290d1`")
	})

	t.Run("audit logs are per guild", func(t *testing.T) {
		for g, want := range map[string]string{guildA: "article.add", guildB: "", guildO: "reindex"} {
			entries, err := ib.st.Audit(ctx, g, 0)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, en := range entries {
				if en.GuildID != g {
					t.Errorf("guild %s's audit has an entry of %s", g, en.GuildID)
				}
				found = found || en.Action == want
			}
			if want != "" && !found {
				t.Errorf("guild %s's audit lacks %s", g, want)
			}
		}
	})

	t.Run("B adding what A has is not told that A has it", func(t *testing.T) {
		// The same page gives the same ID; A holding it must not rename
		// B's copy ("The ID … was taken by another article").
		reply := e.deferred(in(sub("article", "add", fakediscord.Opt("url", pentagonURL)), guildB, modB, true))
		mustContain(t, reply.text(), "Added: Pentagon", "id:"+pentagonID)
		for _, leak := range []string{"New ID", "taken", pentagonID + "-2", "--"} {
			if strings.Contains(reply.text(), leak) {
				t.Errorf("B's reply says %q:\n%s", leak, reply.text())
			}
		}
		_, resp := e.interact(in(sub("article", "remove", fakediscord.Opt("id", pentagonID)), guildB, modB, true))
		mustContain(t, resp.Data.text(), "Removed")
		mustContain(t, e.claimTextIn(pentagonQuery, guildA, memberA), "Testpost")
		if strings.Contains(e.claimTextIn(pentagonQuery, guildB, modB), "Testpost") {
			t.Error("B still sees a Pentagon article after removing its copy")
		}
	})
}

// claimTextIn is the visible text of /claim in a guild, asked by user.
func (e *e2e) claimTextIn(q, guild, user string) string {
	e.t.Helper()
	_, resp := e.interact(in(claimCmd(q), guild, user, false))
	return resp.Data.text()
}

// claimTextDM is the visible text of /claim in a direct message.
func (e *e2e) claimTextDM(q, user string) string {
	e.t.Helper()
	_, resp := e.interact(claimCmd(q).InDM(user))
	return resp.Data.text()
}

// waitPoll waits for the poll a tick started to finish.
func (ib *ingestBot) waitPoll(t *testing.T) (r ingest.PollReport) {
	t.Helper()
	select {
	case r = <-ib.polls:
	case <-ib.ctx.Done():
		t.Fatal("the poll did not finish")
	}
	return r
}

// sameTree fails the test for every file that changed, vanished or
// appeared.
func sameTree(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s changed or vanished", what, k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s: %s appeared", what, k)
		}
	}
}
