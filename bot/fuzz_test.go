package bot

import (
	"context"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state/boltstate"
)

// FuzzOptions runs every option that names an article, a feed or a
// channel with arbitrary text, as a moderator of a guild, through the real
// handlers, library and store (no Discord: the replies are recorded). For
// any input: no panic, a reply, nothing outside the data directory
// changed, nothing inside it changed unless the input named a record, and
// no stored alert channel that is not a channel ID. Fetches never leave
// the process: the ingester's resolver knows no host.
func FuzzOptions(f *testing.F) {
	for _, s := range []string{
		"../x", `..\x`, "/abs", "*", "?", "[", "a\x00b", strings.Repeat("a", 300), "../../x/notes", "../state",
		"spam", "002_faae90cb512dd3ab", "https://example.org/rss.xml", "http://127.0.0.1/feed", "file:///etc/passwd",
		"1290000000000000042", "<#1290000000000000042>", "@everyone", "`", "\u202e", "",
	} {
		f.Add(s)
	}
	root := f.TempDir()
	data := filepath.Join(root, "data")
	outside := filepath.Join(root, "x", "notes.md")
	if err := os.MkdirAll(filepath.Dir(outside), 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte("Q7sentinelZ\n\nNicht für den Index.\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	lib, err := library.Open(ctx, library.Config{DataDir: data})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { lib.Close() })
	st, err := boltstate.Open(filepath.Join(data, "state.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	const guild, mod = "1290000000000000010", "1290000000000000012"
	c, _ := library.GuildCollection(guild)
	if _, err := lib.Add(ctx, c, []library.File{{Name: "spam.md", Data: []byte("---\ntitle: Spam\n---\n\nNordkorea Soldaten Kursk 100.000 Minenräumer.\n")}}); err != nil {
		f.Fatal(err)
	}
	noDNS := func(context.Context, string) ([]netip.Addr, error) { return nil, errors.New("no DNS in this test") }
	b, err := New(Config{}, Deps{Library: lib, Store: st, Ingest: &Ingest{
		Ingester: ingest.New(ingest.Options{Resolver: noDNS}), Corpus: lib, Feeds: st,
	}})
	if err != nil {
		f.Fatal(err)
	}
	type option struct{ cmd, sub, name string }
	options := []option{
		{cmdArticle, subArticleRemove, "id"}, {cmdArticle, subArticleRestore, "id"},
		{cmdArticle, subArticleExclude, "id"}, {cmdArticle, subArticleInclude, "id"},
		{cmdArticle, subArticleAdd, "url"}, {cmdSource, "", "article"},
		{cmdFeeds, subFeedsAdd, "url"}, {cmdFeeds, subFeedsRemove, "url"},
		{cmdAlerts, subAlertsChannel, "channel"},
	}
	f.Fuzz(func(t *testing.T, s string) {
		before, beforeOut := fileHashes(t, data), fileHashes(t, filepath.Dir(outside))
		for _, o := range options {
			for _, kind := range []Kind{KindCommand, KindAutocomplete} {
				in := Input{Kind: kind, Command: o.cmd, Sub: o.sub, Options: map[string]any{o.name: s}, Focused: o.name,
					UserID: mod, GuildID: guild, ChannelID: guild, Perms: permManageGuild, Locale: "en-US"}
				rec := &recorder{}
				b.serve(ctx, rec, in)
				calls := rec.all()
				if len(calls) == 0 {
					t.Fatalf("%s %s %q: no reply", o.cmd, o.sub, s)
				}
				for _, c := range calls {
					var text string
					switch {
					case c.resp != nil && c.resp.Data != nil:
						text = respText(c.resp)
					case c.edit != nil && c.edit.Content != nil:
						text = *c.edit.Content
					}
					if strings.Contains(text, "Something went wrong") || strings.Contains(text, "Q7sentinelZ") {
						t.Fatalf("%s %s %q: %s", o.cmd, o.sub, s, text)
					}
				}
			}
		}
		sameTree(t, "outside the data directory after "+strconvQuote(s), beforeOut, fileHashes(t, filepath.Dir(outside)))
		after := fileHashes(t, data)
		for k, v := range before {
			if after[k] != v && !strings.HasPrefix(k, "collections"+string(filepath.Separator)) {
				t.Errorf("%s changed %s", strconvQuote(s), k)
			}
		}
		if s != "spam" && s != "002_faae90cb512dd3ab" {
			sameTree(t, "after "+strconvQuote(s), before, after)
		}
		settings, err := st.ListGuildSettings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for g, set := range settings {
			if set.AlertChannelID != "" && set.AlertChannelID != alertsOff && !isSnowflake(set.AlertChannelID) {
				t.Errorf("guild %s stores alert channel %q", g, set.AlertChannelID)
			}
		}
		if feeds, _ := st.AllFeeds(ctx); len(feeds) != 0 {
			t.Errorf("a feed was stored without being fetched: %+v", feeds)
		}
	})
}

func strconvQuote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + strings.ToValidUTF8(s, "�") + "\""
}
