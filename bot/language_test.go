package bot

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/internal/workspace"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/relevance"
)

// neutralLib is the fake library with article text in Latin, so that every
// German or English word in a reply comes from the catalogue.
func neutralLib() *fakeLib {
	lib := seedLib()
	latin := func(i int) string {
		return []string{"Lorem ipsum", "Dolor sit amet", "Consectetur adipisci", "Sed eiusmod"}[i%4]
	}
	for i := range lib.hits {
		h := &lib.hits[i]
		h.Title = latin(i) + " tempor"
		h.Passage = "Lorem ipsum 100.000 dolor sit amet."
		h.Fragments = []index.Fragment{{{Text: "Lorem ipsum "}, {Text: "100.000", Match: true}, {Text: " dolor sit amet."}}}
		h.Sources = []string{"Cicero"}
		if h.Publisher != "" {
			h.Publisher = "Acta Diurna"
		}
	}
	for i := range lib.arts {
		a := &lib.arts[i]
		a.Title = latin(i) + " tempor"
		a.Author = ""
		if a.Publisher != "" {
			a.Publisher = "Acta Diurna"
		}
		for j := range a.Paragraphs {
			a.Paragraphs[j].Text = "Lorem ipsum 100.000 dolor sit amet."
			a.Paragraphs[j].Sources = []string{"Cicero"}
		}
	}
	side := func(s claims.Side) claims.Side {
		s.Title, s.Passage, s.Claim, s.Figure, s.Sources = "Lorem ipsum tempor", "Lorem ipsum 100.000 milites.", "Lorem ipsum 100.000 milites.", "100.000 milites", []string{"Cicero"}
		if s.Publisher != "" {
			s.Publisher = "Acta Diurna"
		}
		return s
	}
	for i := range lib.alerts {
		a := &lib.alerts[i]
		a.New = side(a.New)
		for j := range a.Existing {
			a.Existing[j] = side(a.Existing[j])
		}
		a.Explanation = claims.Text{}
	}
	for _, k := range []claims.Kind{claims.KindDenial, claims.KindRetraction, claims.KindUpdate} {
		a := lib.alerts[0]
		a.Kind = k
		lib.alerts = append(lib.alerts, a)
	}
	for i := range lib.timeline {
		e := &lib.timeline[i]
		e.Figure, e.Title, e.Sources = "100.000 milites", "Lorem ipsum tempor", []string{"Cicero"}
		if e.Publisher != "" {
			e.Publisher = "Acta Diurna"
		}
		if e.WhenBasis == "explicit" {
			e.WhenBasis, e.WhenCue = "relative", "Lorem"
		}
	}
	return lib
}

// replies renders what a reader in language l sees for a broad set of
// interactions: answers, refusals, errors, alerts, help and every error
// code.
func replies(t *testing.T, l lang) []string {
	t.Helper()
	h := newHarness(t, Config{})
	h.lib = neutralLib()
	h.b.lib = h.lib
	loc := l.DiscordLocale()
	ins := []Input{
		guildUser(cmdClaim, map[string]any{"query": "Lorem"}),
		guildUser(cmdClaim, map[string]any{"query": "nichts"}),
		guildUser(cmdClaim, map[string]any{"query": strings.Repeat("x", 301)}),
		guildUser(cmdClaim, map[string]any{"query": " "}),
		guildUser(cmdCheckClaim, nil),
		guildUser(cmdSource, map[string]any{"article": "002"}),
		guildUser(cmdSource, map[string]any{"article": "tempor"}),
		guildUser(cmdSource, map[string]any{"article": "zzz"}),
		guildUser(cmdTimeline, map[string]any{"topic": "milites"}),
		guildUser(cmdTimeline, map[string]any{"topic": ""}),
		guildUser(cmdStats, nil),
		guildUser(cmdHelp, nil),
		guildUser(cmdHelp, map[string]any{"command": "article"}),
		guildUser(cmdHelp, map[string]any{"command": "zzz"}),
		guildUser(cmdReindex, nil),
		moderator(cmdReindex, nil),
		moderator(cmdAlerts, map[string]any{"channel": "123"}),
		moderator(cmdArticle, map[string]any{"id": "002"}),
		moderator(cmdFeeds, nil),
		guildUser("gone", nil),
		{Kind: KindComponent, CustomID: "claim:3:3:ffffffffffffffffffff:next", UserID: "u1", GuildID: "g1"},
	}
	dm := guildUser(cmdAlerts, nil)
	dm.GuildID = ""
	ins = append(ins, dm)
	noOp := moderator(cmdReindex, nil)
	noOp.GuildID = "g2"
	ins = append(ins, noOp)
	mod := moderator(cmdAlerts, nil)
	mod.Sub = subAlertsOff
	ins = append(ins, mod)

	var out []string
	for _, in := range ins {
		in.Locale = loc
		for _, c := range h.run(in).all() {
			switch {
			case c.resp != nil && c.resp.Data != nil:
				out = append(out, messageText(c.resp.Data.Content, c.resp.Data.Embeds, c.resp.Data.Components))
			case c.edit != nil:
				var content string
				if c.edit.Content != nil {
					content = *c.edit.Content
				}
				var embeds []*discordgo.MessageEmbed
				if c.edit.Embeds != nil {
					embeds = *c.edit.Embeds
				}
				out = append(out, messageText(content, embeds, nil))
			case c.params != nil:
				out = append(out, messageText(c.params.Content, c.params.Embeds, c.params.Components))
			}
		}
	}
	for _, a := range h.lib.alerts {
		m := alertMessage(l, a, h.lib.urls)
		out = append(out, messageText(m.Content, m.Embeds, m.Components))
	}
	for _, code := range []string{claimbot.EINVALID, claimbot.ENOTFOUND, claimbot.ECONFLICT, claimbot.EFORBIDDEN,
		claimbot.ERATELIMIT, claimbot.EUNAVAILABLE, claimbot.ETIMEOUT, claimbot.EINTERNAL} {
		out = append(out, errorText(l, cmdClaim, claimbot.Errorf(code, "x")))
	}
	out = append(out, errorText(l, cmdReindex, claimbot.Errorf(claimbot.ECONFLICT, "x")), errorText(l, cmdClaim, errDraining),
		errorText(l, cmdClaim, errors.New("boom")))
	out = append(out, messageText("", []*discordgo.MessageEmbed{reindexEmbed(l, h.lib.report, 1)}, nil))
	return out
}

// messageText is a message's visible text including button labels.
func messageText(content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) string {
	s := text(content, embeds)
	for _, b := range buttons(comps) {
		s += "\n" + b.Label
	}
	return s
}

var (
	// A run of words between verbs and punctuation.
	runSplit = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]|[^\p{L}\p{N} '’-]+`)
	hasWord  = regexp.MustCompile(`\p{L}{3,}`)
)

// runs are the catalogue text's word runs ("Weitere Treffer", "laut").
func runs(s string) []string {
	var out []string
	for _, r := range runSplit.Split(s, -1) {
		r = strings.Trim(r, " '’-")
		if hasWord.MatchString(r) {
			out = append(out, r)
		}
	}
	return out
}

// TestRepliesSpeakOneLanguage: no German reply contains a phrase of the
// English catalogue, and no English reply one of the German catalogue. A
// phrase both languages of a message share ("Feeds", "claimbot") is
// neither.
func TestRepliesSpeakOneLanguage(t *testing.T) {
	entries := l10n.Entries()
	other := map[lang][]string{}
	for _, e := range entries {
		enRuns, deRuns := runs(e.EN), runs(e.DE)
		shared := map[string]bool{}
		for _, r := range enRuns {
			for _, d := range deRuns {
				if r == d {
					shared[r] = true
				}
			}
		}
		for _, r := range enRuns {
			if !shared[r] && !strings.Contains(e.DE, r) {
				other[de] = append(other[de], r)
			}
		}
		for _, r := range deRuns {
			if !shared[r] && !strings.Contains(e.EN, r) {
				other[en] = append(other[en], r)
			}
		}
	}
	for _, l := range l10n.Langs {
		t.Run(l.String(), func(t *testing.T) {
			all := replies(t, l)
			if len(all) < 30 {
				t.Fatalf("only %d replies rendered", len(all))
			}
			// Command names are not localized on Discord: "/article" is
			// what a German client types too.
			cmdName := regexp.MustCompile(`/[a-z]+`)
			for _, reply := range all {
				reply = cmdName.ReplaceAllString(reply, "/…")
				for _, r := range other[l] {
					re := regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(r) + `($|[^\p{L}])`)
					if re.MatchString(reply) {
						t.Errorf("the %s reply contains %q from the other language:\n%s", l, r, reply)
					}
				}
			}
		})
	}
}

// TestSharedEvalAnswersFitAPhone: the /claim answer to every query of
// ../shared/eval/queries.json, with default options on the seed corpus,
// is at most answerBudget (900) characters in both languages, counting
// everything Discord shows: text, embeds and button labels.
func TestSharedEvalAnswersFitAPhone(t *testing.T) {
	path := workspace.Need(t, "eval/queries.json")
	set, err := relevance.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	lib := openLibrary(t, seedArticles(t))
	b, err := New(Config{ClaimRate: 1000}, Deps{Library: lib, Now: func() time.Time { return epoch }})
	if err != nil {
		t.Fatal(err)
	}
	n, longest := 0, 0
	for _, g := range set.Groups() {
		for _, c := range set[g] {
			for _, l := range l10n.Langs {
				in := guildUser(cmdClaim, map[string]any{"query": c.Query})
				in.GuildID, in.Locale = "", l.DiscordLocale()
				r, err := b.claim(context.Background(), in)
				if err != nil {
					t.Fatalf("%q: %v", c.Query, err)
				}
				content, embeds, comps := message(r)
				got := replyLen(Reply{Content: content, Embeds: embeds, Components: comps})
				n++
				longest = max(longest, got)
				if got > answerBudget {
					t.Errorf("%s %q: %d characters; want <= %d:\n%s", l, c.Query, got, answerBudget, text(content, embeds))
				}
				if len(embeds) != 1 || !strings.Contains(embeds[0].Description, "`") {
					t.Errorf("%s %q: want one embed with the article ID", l, c.Query)
				}
			}
		}
	}
	t.Logf("%d answers, longest %d characters", n, longest)
}
