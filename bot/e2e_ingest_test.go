package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/internal/fakediscord"
	"github.com/claimbot/claimbot/library"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
)

// End-to-end tests of growing the corpus through Discord: /article and
// /feeds against the fake Discord, with the real library, the real bbolt
// store and the real ingester. Pages, attachments and feeds come from an
// httptest server on 127.0.0.1, which only these tests' ingester may fetch
// from (AllowPrivate, the CLAIMBOT_ALLOW_PRIVATE_FETCH switch).

// newsSite serves article pages, uploaded files and feeds.
type newsSite struct {
	srv   *httptest.Server
	mu    sync.Mutex
	files map[string]servedFile
	hits  map[string]int
}

type servedFile struct{ contentType, body string }

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{files: map[string]servedFile{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		f, ok := s.files[r.URL.Path]
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", f.contentType)
		fmt.Fprint(w, strings.ReplaceAll(f.body, "{{BASE}}", s.srv.URL))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// serve publishes body at path and returns its URL.
func (s *newsSite) serve(path, contentType, body string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[path] = servedFile{contentType, body}
	return s.srv.URL + path
}

func (s *newsSite) requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// newsPage is an article page as news sites publish it.
func newsPage(title, publisher, author, published string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="%s"><meta name="author" content="%s">
<meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>`, title, publisher, author, published, title)
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// The Pentagon's 3.000 soldiers at the front on 2024-11-18 contradict seed
// 002's 15.000 on the same day (see testdata/009_pentagon_3000.md).
var pentagonPage = newsPage("Pentagon: Nur 3.000 nordkoreanische Soldaten an der Front", "Testpost", "Eva Brandt", "2024-11-18T10:00:00+01:00",
	"Nach Angaben des Pentagon sind derzeit lediglich 3.000 nordkoreanische Soldaten an der Front im Einsatz.",
	"Ein Sprecher des Verteidigungsministeriums in Washington sagte am Montag, die Zahl sei deutlich kleiner als in anderen Berichten genannt. Die übrigen Truppen würden noch im Osten Russlands ausgebildet und seien bislang nicht an Kampfhandlungen beteiligt.",
	"Beobachter in Seoul und Kiew wiesen darauf hin, dass sich die Angaben verschiedener Geheimdienste seit Wochen deutlich unterscheiden und eine unabhängige Überprüfung vor Ort kaum möglich ist.")

// feedPage is the article a feed announces; it contradicts seed 002 too.
var feedPage = newsPage("Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front", "Abendpost Test", "Lars Weber", "2024-11-18T18:00:00+01:00",
	"Nach Angaben des Pentagon sind derzeit lediglich 3.000 nordkoreanische Soldaten an der Front im Einsatz, wie die Abendpost am Abend erfuhr.",
	"Die Regierung in Washington rechnet damit, dass weitere Einheiten folgen könnten. Bestätigt ist das bislang nicht; ein Sprecher verwies auf laufende Beobachtungen entlang der Grenze zur Region Kursk.",
	"In Seoul hieß es, man beobachte die Verlegung der Truppen sehr genau und tausche sich eng mit den Verbündeten aus.")

const feedAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Abendpost Test – Welt</title>
  <id>{{BASE}}/feeds/welt.xml</id>
  <updated>2024-11-18T18:00:00+01:00</updated>
  <entry>
    <title>Abendpost: Pentagon zählt 3.000 Nordkoreaner an der Front</title>
    <id>urn:test:abendpost-pentagon</id>
    <link href="{{BASE}}/welt/pentagon-zaehlt"/>
    <published>2024-11-18T18:00:00+01:00</published>
    <updated>2024-11-18T18:00:00+01:00</updated>
  </entry>
</feed>`

// pionierMD is an upload with front matter; "Pionierkräfte" occurs nowhere
// in the seeds (its part "Kräfte" does, so a search for it finds seed
// passages too, ranked below this article's).
const pionierMD = `---
title: Seoul meldet Zahl der Pionierkräfte
publisher: Testzeitung
author: Mira Kim
published: 2025-07-02
---

Nordkorea hat laut dem südkoreanischen Geheimdienst weitere Pionierkräfte in die Region Kursk geschickt, um dort Minen zu räumen.

Die Pionierkräfte sollen vor allem beim Wiederaufbau von Straßen und Brücken helfen.
`

// fakeTicker is the feed poller's ticker; the test fires it.
type fakeTicker struct{ c chan time.Time }

func (f fakeTicker) C() <-chan time.Time { return f.c }
func (f fakeTicker) Stop()               {}

// ingestBot is a bot in gateway mode with ingestion, over a data directory.
type ingestBot struct {
	*e2e
	lib   *library.Library
	st    *boltstate.Store
	ticks chan time.Time
	polls chan ingest.PollReport // every poll after the first, when it is over
	stop  func()
}

// testPoller is the feed poller as cmd builds it: each item goes through
// the one library call into its feed's collection, and what it raised is
// delivered by the bot. *b is read when an item arrives, after New.
func testPoller(lib *library.Library, st ingest.FeedStore, b **Bot, opts ingest.PollerOptions) *ingest.Poller {
	return ingest.NewPoller(ingest.New(ingest.Options{AllowPrivate: true}), st, func(ctx context.Context, feed state.Feed, f ingest.Fetched) (string, error) {
		c := library.Base
		if feed.GuildID != "" {
			var err error
			if c, err = library.GuildCollection(feed.GuildID); err != nil {
				return "", err
			}
		}
		rep, err := lib.Add(ctx, c, []library.File{{Name: f.Name, Data: f.Data}})
		if err != nil {
			if len(rep.Duplicates) > 0 {
				return rep.Duplicates[0].Of, err
			}
			return "", err
		}
		(*b).Deliver(ctx, rep)
		return rep.Added[0], nil
	}, opts)
}

// startIngestBot opens the library and the store in dataDir and runs a bot
// against a fresh fake Discord. stop ends the bot and closes both, so a
// test can start another on the same directory.
func startIngestBot(t *testing.T, dataDir string) *ingestBot {
	t.Helper()
	return startIngestBotWith(t, dataDir, Config{GuildID: e2eGuild, AlertChannelID: e2eAlerts})
}

func startIngestBotWith(t *testing.T, dataDir string, cfg Config, opts ...fakediscord.Option) *ingestBot {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	lib, err := library.Open(ctx, library.Config{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	st, err := boltstate.Open(filepath.Join(dataDir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	ib := &ingestBot{lib: lib, st: st, ticks: make(chan time.Time, 1), polls: make(chan ingest.PollReport, 8)}
	polled := make(chan struct{})
	var once sync.Once
	e := &e2e{t: t, ctx: ctx, fake: fakediscord.New(t, opts...), lib: &gatedLib{Library: lib}, store: st,
		clock: &clock{now: time.Now()}, timers: &timers{only: 1500 * time.Millisecond}, logs: &syncBuffer{}}
	ib.e2e = e
	logger := slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	var b *Bot
	poller := testPoller(lib, st, &b, ingest.PollerOptions{
		Logger:    logger,
		NewTicker: func(time.Duration) ingest.Ticker { return fakeTicker{ib.ticks} },
		OnPoll: func(r ingest.PollReport, _ error) {
			first := false
			once.Do(func() { close(polled); first = true })
			if !first {
				ib.polls <- r
			}
		},
	})
	cfg.Token, cfg.APIBase, cfg.ClaimRate = e2eToken, e.fake.URL(), 1000
	b, err = New(cfg,
		Deps{Library: e.lib, Store: st, Now: e.clock.Now, After: e.timers.After, Logger: logger, Poller: poller, Ingest: &Ingest{
			Ingester: ingest.New(ingest.Options{AllowPrivate: true, Logger: logger}),
			Corpus:   lib,
			Feeds:    st,
		}})
	if err != nil {
		t.Fatal(err)
	}
	e.bot = b
	done := make(chan error, 1)
	go func() { done <- b.RunGateway(ctx) }()
	// The poller passes over the feeds once as it starts. Under load that
	// pass can come after a test has subscribed a feed and then ingest the
	// feed's items in the middle of the test; wait for it first.
	select {
	case <-polled:
	case <-ctx.Done():
		t.Fatal("the feed poller's start-up pass did not happen")
	}
	var stopOnce sync.Once
	ib.stop = func() {
		stopOnce.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("RunGateway: %v", err)
			}
			if err := st.Close(); err != nil {
				t.Errorf("closing the store: %v", err)
			}
			if err := lib.Close(); err != nil {
				t.Errorf("closing the library: %v", err)
			}
		})
	}
	t.Cleanup(ib.stop)
	if err := e.fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	return ib
}

// deferred runs a command that is deferred at once and returns the reply
// edited in afterwards.
func (e *e2e) deferred(b *fakediscord.Builder) wireMessage {
	e.t.Helper()
	i, resp := e.interact(b)
	if resp.Type != 5 || !resp.Data.ephemeral() {
		e.t.Fatalf("first response type %d flags %d; want an ephemeral deferral", resp.Type, resp.Data.Flags)
	}
	return decodeMessage(e.t, e.wait(i.Token, "update_original_webhook_message"))
}

// withAttachment sends a slash command whose option "file" is an uploaded
// file, with the attachment in data.resolved as Discord sends it.
func (e *e2e) withAttachment(bl *fakediscord.Builder, id, filename, url, contentType string, size int) (*discordgo.Interaction, wireResponse) {
	e.t.Helper()
	var payload map[string]any
	if err := json.Unmarshal(bl.JSON(), &payload); err != nil {
		e.t.Fatal(err)
	}
	data := payload["data"].(map[string]any)
	data["resolved"] = map[string]any{"attachments": map[string]any{id: map[string]any{
		"id": id, "filename": filename, "size": size, "url": url, "proxy_url": url, "content_type": contentType,
	}}}
	raw, err := json.Marshal(payload)
	if err != nil {
		e.t.Fatal(err)
	}
	i := e.fake.Prepare(bl.Build())
	e.fake.Dispatch("INTERACTION_CREATE", json.RawMessage(raw))
	return i, e.callback(i)
}

func attachmentCommand(id string) *fakediscord.Builder {
	return fakediscord.SlashCommand("article", fakediscord.SubCommand("add",
		fakediscord.TypedOpt("file", discordgo.ApplicationCommandOptionAttachment, id)))
}

func articleCmd(sub, id string) *fakediscord.Builder {
	return fakediscord.SlashCommand("article", fakediscord.SubCommand(sub, fakediscord.Opt("id", id))).InGuild(e2eGuild, modMember())
}

// claimText is the visible text of a /claim answer.
func (e *e2e) claimText(q string) string {
	e.t.Helper()
	_, resp := e.interact(fakediscord.SlashCommand("claim", fakediscord.Opt("query", q)))
	return resp.Data.text()
}

func (ib *ingestBot) audited(action, target string) bool {
	entries, err := ib.st.Audit(context.Background(), e2eGuild, 0)
	if err != nil {
		ib.t.Fatal(err)
	}
	for _, a := range entries {
		if a.Action == action && a.Target == target && a.UserID == modUser && !a.At.IsZero() {
			return true
		}
	}
	return false
}

// TestE2EArticleAndFeeds: moderators grow and curate the corpus through
// Discord; others cannot.
func TestE2EArticleAndFeeds(t *testing.T) {
	t.Parallel()
	site := newNewsSite(t)
	ib := startIngestBot(t, t.TempDir())
	e := ib.e2e
	attURL := site.serve("/attachments/1/pionier.md", "text/markdown; charset=utf-8", pionierMD)
	const attID = "1290000000000000901"
	before := ib.lib.Stats(e2eColl).Articles

	t.Run("attachment refused to a non-moderator", func(t *testing.T) {
		i, resp := e.withAttachment(attachmentCommand(attID), attID, "pionier.md", attURL, "text/markdown; charset=utf-8", len(pionierMD))
		if resp.Type != 4 || !resp.Data.ephemeral() {
			t.Errorf("type %d flags %d; want an ephemeral refusal", resp.Type, resp.Data.Flags)
		}
		mustContain(t, resp.Data.text(), "Only moderators", "Nothing was changed")
		if n := len(e.fake.InteractionResponses(i.Token)); n != 1 {
			t.Errorf("%d requests for the refused interaction; want just the refusal", n)
		}
		if n := site.requests("/attachments/1/pionier.md"); n != 0 {
			t.Errorf("the attachment was downloaded %d times", n)
		}
		if got := ib.lib.Stats(e2eColl).Articles; got != before {
			t.Errorf("%d articles after a refusal; want %d", got, before)
		}
	})

	t.Run("attachment by a moderator is indexed and found", func(t *testing.T) {
		i, resp := e.withAttachment(attachmentCommand(attID).InGuild(e2eGuild, modMember()), attID, "pionier.md", attURL, "text/markdown; charset=utf-8", len(pionierMD))
		if resp.Type != 5 || !resp.Data.ephemeral() {
			t.Fatalf("first response type %d flags %d; want an ephemeral deferral", resp.Type, resp.Data.Flags)
		}
		reply := decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
		mustContain(t, reply.text(), "Added: Seoul meldet Zahl der Pionierkräfte", "Publisher: Testzeitung", "Author: Mira Kim",
			"Date: 2025-07-02", "Paragraphs: 2", "ID: `pionier`", "Fetched from: pionier.md", "> Nordkorea hat laut dem südkoreanischen Geheimdienst",
			"Contradiction alerts: none")
		if got := ib.lib.Stats(e2eColl).Articles; got != before+1 {
			t.Errorf("%d articles; want %d", got, before+1)
		}
		mustContain(t, e.claimText("Pionierkräfte"), "**Pionierkräfte**", "Testzeitung")
		if !ib.audited("article.add", "pionier") {
			t.Error("no audit entry for the addition")
		}
	})

	t.Run("the same attachment again is a duplicate", func(t *testing.T) {
		i, _ := e.withAttachment(attachmentCommand(attID).InGuild(e2eGuild, modMember()), attID, "pionier.md", attURL, "text/markdown", len(pionierMD))
		reply := decodeMessage(t, e.wait(i.Token, "update_original_webhook_message"))
		mustContain(t, reply.text(), "Not added: it is in the archive already", "is in the archive already as article pionier", "Nothing in the archive was changed")
	})

	t.Run("url of a web page, with its contradiction alert", func(t *testing.T) {
		url := site.serve("/politik/pentagon-3000", "text/html; charset=utf-8", pentagonPage)
		reply := e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add", fakediscord.Opt("url", url))).InGuild(e2eGuild, modMember()))
		mustContain(t, reply.text(), "Added: Pentagon: Nur 3.000 nordkoreanische Soldaten an der Front", "Publisher: Testpost", "Author: Eva Brandt",
			"Date: 2024-11-18", "Paragraphs: 3", "Canonical URL: <"+url+">", "> Nach Angaben des Pentagon", "posted to <#"+e2eAlerts+">: 1")
		if len(reply.Embeds) != 1 || reply.Embeds[0].URL != url {
			t.Errorf("the reply does not link the article: %+v", reply.Embeds)
		}
		posted := e.fake.Messages(e2eAlerts)
		if len(posted) != 1 {
			t.Fatalf("%d messages in the alert channel; want 1", len(posted))
		}
		mustContain(t, text(posted[0].Content, posted[0].Embeds), "3.000", "15.000", "Testpost")
		mustContain(t, e.claimText("Pentagon 3.000 Soldaten Front"), "Testpost")

		again := e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add", fakediscord.Opt("url", url+"#oben"))).InGuild(e2eGuild, modMember()))
		mustContain(t, again.text(), "it is in the archive already", "is in the archive already as article")
	})

	t.Run("failures say why and change nothing", func(t *testing.T) {
		short := site.serve("/kurz", "text/html", newsPage("Kurz", "Testpost", "", "2024-11-18", "Nur ein Satz."))
		image := site.serve("/bild.html", "image/png", "\x89PNG")
		closed := httptest.NewServer(http.NotFoundHandler())
		closed.Close()
		tests := []struct {
			name, url string
			want      []string
		}{
			{"not an article", short, []string{"it is not something I can add", "is not an article"}},
			{"missing page", site.srv.URL + "/gibt-es-nicht", []string{"the page does not exist", "does not exist"}},
			{"not text", image, []string{"is image/png"}},
			{"unreachable", closed.URL + "/artikel", []string{"could not be reached", "could not reach"}},
			{"not a web address", "ftp://example.org/a.txt", []string{"only http and https"}},
		}
		n := ib.lib.Stats(e2eColl).Articles
		for _, tt := range tests {
			reply := e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add", fakediscord.Opt("url", tt.url))).InGuild(e2eGuild, modMember()))
			mustContain(t, reply.text(), append(tt.want, "Not added", "Nothing in the archive was changed")...)
		}
		mustContain(t, e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add")).InGuild(e2eGuild, modMember())).text(), "Attach a file")
		if got := ib.lib.Stats(e2eColl).Articles; got != n {
			t.Errorf("%d articles after refused additions; want %d", got, n)
		}
	})

	t.Run("exclude hides the article, include brings it back", func(t *testing.T) {
		_, resp := e.interact(articleCmd("exclude", "pionier"))
		mustContain(t, resp.Data.text(), "Seoul meldet Zahl der Pionierkräfte", "no longer returned")
		mustNotContain(t, e.claimText("Pionierkräfte"), "**Pionierkräfte**", "Testzeitung")
		if !ib.audited("article.exclude", "pionier") {
			t.Error("no audit entry for the exclusion")
		}
		_, resp = e.interact(articleCmd("exclude", "pionier"))
		mustContain(t, resp.Data.text(), "already excluded")
		_, resp = e.interact(fakediscord.Autocomplete("article", fakediscord.SubCommand("include", fakediscord.Focused("id", "pion"))).InGuild(e2eGuild, modMember()))
		if len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Value != "pionier" {
			t.Errorf("include suggestions: %+v", resp.Data.Choices)
		}

		_, resp = e.interact(articleCmd("include", "pionier"))
		mustContain(t, resp.Data.text(), "returned in lookups again")
		mustContain(t, e.claimText("Pionierkräfte"), "**Pionierkräfte**")
		if !ib.audited("article.include", "pionier") {
			t.Error("no audit entry for the inclusion")
		}
	})

	t.Run("remove and restore", func(t *testing.T) {
		_, resp := e.interact(articleCmd("remove", "pionier"))
		mustContain(t, resp.Data.text(), "Removed", "/article restore id:pionier")
		mustNotContain(t, e.claimText("Pionierkräfte"), "**Pionierkräfte**", "Testzeitung")
		_, resp = e.interact(articleCmd("restore", "pionier"))
		mustContain(t, resp.Data.text(), "Restored **Seoul meldet Zahl der Pionierkräfte**")
		mustContain(t, e.claimText("Pionierkräfte"), "**Pionierkräfte**")
		for _, action := range []string{"article.remove", "article.restore"} {
			if !ib.audited(action, "pionier") {
				t.Errorf("no audit entry %s", action)
			}
		}
		_, resp = e.interact(articleCmd("remove", "002_faae90cb512dd3ab"))
		mustContain(t, resp.Data.text(), "belongs to the shared archive", "only the bot's operators", "/article exclude id:002_faae90cb512dd3ab", "Nothing in the archive was changed")
		_, resp = e.interact(fakediscord.SlashCommand("article", fakediscord.SubCommand("exclude", fakediscord.Opt("id", "pionier"))))
		mustContain(t, resp.Data.text(), "Only moderators")
	})

	t.Run("feeds add, list and poll", func(t *testing.T) {
		site.serve("/welt/pentagon-zaehlt", "text/html; charset=utf-8", feedPage)
		feedURL := site.serve("/feeds/welt.xml", "application/atom+xml", feedAtom)
		reply := e.deferred(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("add", fakediscord.Opt("url", feedURL))).InGuild(e2eGuild, modMember()))
		mustContain(t, reply.text(), "Subscribed to **Abendpost Test – Welt** (1 items now)", feedURL, "every 15 min")
		if !ib.audited("feed.add", feedURL) {
			t.Error("no audit entry for the feed")
		}
		again := e.deferred(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("add", fakediscord.Opt("url", feedURL))).InGuild(e2eGuild, modMember()))
		mustContain(t, again.text(), "subscribed already")
		notFeed := e.deferred(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("add", fakediscord.Opt("url", site.srv.URL+"/politik/pentagon-3000"))).InGuild(e2eGuild, modMember()))
		mustContain(t, notFeed.text(), "Feed not added", "text/html")

		// The gateway runs the poller; a tick makes it poll. Its article
		// contradicts seed 002, so the alert shows that it was ingested.
		ib.ticks <- time.Now()
		alert, err := e.fake.WaitFor(e.ctx, func(r fakediscord.Request) bool {
			return r.Operation == "create_message" && r.Params["channel_id"] == e2eAlerts && strings.Contains(string(r.Body), "Abendpost Test")
		})
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, decodeMessage(t, alert).text(), "3.000", "15.000")
		select {
		case r := <-ib.polls:
			if len(r.Added()) != 1 {
				t.Errorf("the poll added %v; want the feed's article", r.Added())
			}
		case <-e.ctx.Done():
			t.Fatal("the poll did not finish")
		}
		mustContain(t, e.claimText("Abendpost Pentagon Nordkoreaner"), "Abendpost Test")

		_, resp := e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("list")).InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "Feeds (1)", "<"+feedURL+">", "added by <@"+modUser+">", "last poll <t:", "Polled every 15 min")
		_, resp = e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("list")))
		mustContain(t, resp.Data.text(), "Only moderators")
	})

	t.Run("feeds remove", func(t *testing.T) {
		feedURL := site.srv.URL + "/feeds/welt.xml"
		_, resp := e.interact(fakediscord.Autocomplete("feeds", fakediscord.SubCommand("remove", fakediscord.Focused("url", "welt"))).InGuild(e2eGuild, modMember()))
		if len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Value != feedURL {
			t.Errorf("remove suggestions: %+v", resp.Data.Choices)
		}
		_, resp = e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("remove", fakediscord.Opt("url", feedURL))).InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "Unsubscribed", "stay in the archive")
		if !ib.audited("feed.remove", feedURL) {
			t.Error("no audit entry for the removal")
		}
		_, resp = e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("list")).InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "No feeds yet")
		_, resp = e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("remove", fakediscord.Opt("url", feedURL))).InGuild(e2eGuild, modMember()))
		mustContain(t, resp.Data.text(), "There is no feed")
	})
}

// TestE2EIngestRestart: settings, feeds, verdicts, added articles and the
// record of what was ingested survive closing the bot and its store and
// starting again on the same data directory.
func TestE2EIngestRestart(t *testing.T) {
	t.Parallel()
	site := newNewsSite(t)
	dataDir := t.TempDir()
	const ch = "1290000000000000999"
	pageURL := site.serve("/politik/pentagon-3000", "text/html; charset=utf-8", pentagonPage)
	site.serve("/welt/pentagon-zaehlt", "text/html; charset=utf-8", feedPage)
	feedURL := site.serve("/feeds/welt.xml", "application/atom+xml", feedAtom)

	ib := startIngestBot(t, dataDir)
	e := ib.e2e
	_, resp := e.interact(fakediscord.SlashCommand("alerts",
		fakediscord.SubCommand("channel", fakediscord.TypedOpt("channel", discordgo.ApplicationCommandOptionChannel, ch))).
		InGuild(e2eGuild, modMember()))
	mustContain(t, resp.Data.text(), "<#"+ch+">")
	mustContain(t, e.deferred(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("add", fakediscord.Opt("url", feedURL))).InGuild(e2eGuild, modMember())).text(), "Subscribed")
	mustContain(t, e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add", fakediscord.Opt("url", pageURL))).InGuild(e2eGuild, modMember())).text(), "posted to <#"+ch+">: 1")

	// A moderator judges the alert.
	posted := e.fake.Messages(ch)
	if len(posted) != 1 {
		t.Fatalf("%d alerts in <#%s>; want 1", len(posted), ch)
	}
	msg := posted[0]
	var dismiss string
	for _, row := range msg.Components {
		for _, c := range row.(*discordgo.ActionsRow).Components {
			if b := c.(*discordgo.Button); b.Label == "Kein Widerspruch" || b.Label == "Not a contradiction" {
				dismiss = b.CustomID
			}
		}
	}
	_, key, ok := parseVerdictID(dismiss)
	if !ok {
		t.Fatalf("no verdict button in %+v", msg.Components)
	}
	_, resp = e.interact(fakediscord.Button(dismiss).OnMessage(&msg).InChannel(ch).InGuild(e2eGuild, modMember()))
	if resp.Type != 7 {
		t.Fatalf("verdict answered with type %d", resp.Type)
	}
	_, resp = e.interact(articleCmd("exclude", "000_d385df09853590cf"))
	mustContain(t, resp.Data.text(), "no longer returned")

	ib.stop()
	ib = startIngestBot(t, dataDir)
	e = ib.e2e
	ctx := context.Background()

	if s, err := ib.st.GuildSettings(ctx, e2eGuild); err != nil || s.AlertChannelID != ch {
		t.Errorf("alert channel after the restart: %q, %v", s.AlertChannelID, err)
	}
	if v, ok, err := ib.st.Verdict(ctx, e2eGuild, key); err != nil || !ok || v.Value != state.VerdictNotContradiction || v.By != modUser {
		t.Errorf("verdict after the restart: %+v %v %v", v, ok, err)
	}
	_, resp = e.interact(fakediscord.SlashCommand("feeds", fakediscord.SubCommand("list")).InGuild(e2eGuild, modMember()))
	mustContain(t, resp.Data.text(), "Feeds (1)", "<"+feedURL+">")
	mustContain(t, e.claimText("Pentagon 3.000 Soldaten Front"), "Testpost")
	res, err := ib.lib.Search(ctx, e2eColl, "Minenräumer Kursk", index.SearchOptions{Limit: index.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Article == "000_d385df09853590cf" {
			t.Errorf("the excluded article is found again after the restart")
		}
	}
	again := e.deferred(fakediscord.SlashCommand("article", fakediscord.SubCommand("add", fakediscord.Opt("url", pageURL))).InGuild(e2eGuild, modMember()))
	mustContain(t, again.text(), "it is in the archive already")

	// The judged pair does not alert again, in the channel kept in state.
	alerts := ib.lib.Disagreements(e2eColl, mustSearchIn(t, ib.lib, e2eColl, "Pentagon 3.000 Soldaten Front").Hits)
	e.bot.PostAlerts(ctx, e2eGuild, alerts)
	for _, m := range e.fake.Messages(ch) {
		for _, row := range m.Components {
			for _, c := range row.(*discordgo.ActionsRow).Components {
				if _, k, ok := parseVerdictID(c.(*discordgo.Button).CustomID); ok && k == key {
					t.Errorf("the judged alert was posted again after the restart")
				}
			}
		}
	}
}

// e2eColl is the collection of e2eGuild, where its moderators' additions go.
var e2eColl = library.Collection("guild-" + e2eGuild)

// TestE2EFeedsHTTPMode: RunHTTP runs the feed poller too, and a feed's
// alerts reach the guild that added it although, in HTTP mode, the bot
// learns guilds only from interactions (none here).
func TestE2EFeedsHTTPMode(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	site := newNewsSite(t)
	site.serve("/welt/pentagon-zaehlt", "text/html; charset=utf-8", feedPage)
	feedURL := site.serve("/feeds/welt.xml", "application/atom+xml", feedAtom)
	dataDir := t.TempDir()
	lib, err := library.Open(ctx, library.Config{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	st, err := boltstate.Open(filepath.Join(dataDir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const guild, ch = "1290000000000000444", "1290000000000000445"
	if err := st.SetGuildSettings(ctx, guild, state.GuildSettings{AlertChannelID: ch}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeed(ctx, state.Feed{URL: feedURL, GuildID: guild, AddedBy: modUser}); err != nil {
		t.Fatal(err)
	}

	fake := fakediscord.New(t)
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	var b *Bot
	poller := testPoller(lib, st, &b, ingest.PollerOptions{NewTicker: func(time.Duration) ingest.Ticker { return fakeTicker{make(chan time.Time)} }})
	b, err = New(Config{Token: "test-token", APIBase: fake.URL(), PublicKey: hex.EncodeToString(pub)}, Deps{
		Library: lib, Store: st, After: (&timers{}).After, Poller: poller,
		Ingest: &Ingest{Ingester: ingest.New(ingest.Options{AllowPrivate: true}), Corpus: lib, Feeds: st},
	})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- b.RunHTTP(runCtx) }()
	// RunHTTP polls at once: the feed's article is added and its alert
	// posted in the guild that subscribed.
	r, err := fake.WaitFor(ctx, func(r fakediscord.Request) bool {
		return r.Operation == "create_message" && r.Params["channel_id"] == ch
	})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, decodeMessage(t, r).text(), "Abendpost Test", "3.000", "15.000")
	stop()
	if err := <-done; err != nil {
		t.Errorf("RunHTTP: %v", err)
	}
	res := mustSearchIn(t, lib, library.Collection("guild-"+guild), "Abendpost Pentagon Nordkoreaner")
	if len(res.Hits) == 0 || res.Hits[0].Publisher != "Abendpost Test" {
		t.Errorf("the feed's article is not found first: %+v", res.Hits)
	}
}
