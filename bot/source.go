package bot

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/library"
)

// autocomplete suggests articles by title for /source article: (and, in
// feeds.go, IDs and feed URLs for /article and /feeds). Only those
// options autocomplete; anything else gets no suggestions.
func (b *Bot) autocomplete(in Input) []*discordgo.ApplicationCommandOptionChoice {
	if in.Command == cmdArticle || in.Command == cmdFeeds {
		return b.ingestAutocomplete(in) // feeds.go
	}
	if in.Command != cmdSource || in.Focused != "article" {
		return []*discordgo.ApplicationCommandOptionChoice{}
	}
	matches := matchArticles(b.visibleArticles(b.collection(in.GuildID)), in.stringOpt("article"))
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(matches), maxChoices))
	for _, a := range matches {
		if len(choices) == maxChoices {
			break
		}
		if runes(a.ID) > maxChoiceValue {
			continue
		}
		name := oneLine(a.Title)
		if d := a.PublishedDate(); d != "" {
			name = truncatePlain(name, maxChoiceName-len(d)-3) + " (" + d + ")"
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: a.ID})
	}
	return choices
}

// visibleArticles lists c's view without its excluded articles, which
// are out of every answer, /source's too.
func (b *Bot) visibleArticles(c library.Collection) []articles.Article {
	var out []articles.Article
	for _, a := range b.lib.Articles(c) {
		if !b.lib.IsExcluded(c, a.ID) {
			out = append(out, a)
		}
	}
	return out
}

// matchArticles ranks articles for what a user typed: titles starting with
// it, then titles with a word starting with it, then titles or IDs
// containing it. Case and umlauts are folded; empty input lists the newest.
func matchArticles(all []articles.Article, typed string) []articles.Article {
	q := fold(strings.TrimSpace(typed))
	type scored struct {
		a     articles.Article
		score int
	}
	var ms []scored
	for _, a := range all {
		t := fold(oneLine(a.Title))
		score := 0
		switch {
		case q == "":
			score = 1
		case a.ID == typed:
			score = 5
		case strings.HasPrefix(t, q):
			score = 4
		case strings.Contains(" "+t, " "+q):
			score = 3
		case strings.Contains(t, q):
			score = 2
		case strings.Contains(fold(a.ID), q):
			score = 1
		}
		if score > 0 {
			ms = append(ms, scored{a, score})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].score != ms[j].score {
			return ms[i].score > ms[j].score
		}
		return ms[i].a.Published.After(ms[j].a.Published)
	})
	out := make([]articles.Article, len(ms))
	for i, m := range ms {
		out[i] = m.a
	}
	return out
}

// fold lower-cases and spells out umlauts so "pjongjang" finds
// "Pjöngjang" and "Pjoengjang".
var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "ae", "a", "oe", "o", "ue", "u")

func fold(s string) string { return folder.Replace(strings.ToLower(s)) }

// source is /source article:<id>: the article's metadata and summary. An
// option typed without picking a suggestion (Enter, in Discord too) is
// resolved like one: an ID, else a title; an ambiguous title lists the
// candidates instead of guessing.
func (b *Bot) source(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	typed := strings.TrimSpace(in.stringOpt("article"))
	c := b.collection(in.GuildID)
	id, candidates := resolveArticle(b.visibleArticles(c), typed)
	if id == "" && len(candidates) > 0 {
		return textReply(candidateList(l, typed, candidates)), nil
	}
	a, ok := b.lib.Article(c, id)
	if !ok {
		return textReply(l.t(msgArticleNotFnd, escapeMarkdown(truncatePlain(oneLine(typed), 100)))), nil
	}
	return Reply{Embeds: []*discordgo.MessageEmbed{sourceEmbed(l, a)}, Ephemeral: true}, nil
}

// resolveArticle finds the article a user means: the one with that ID, the
// one whose title it is, or the only best title match. Several equally good
// matches come back as candidates, best first, and id is "".
func resolveArticle(all []articles.Article, typed string) (id string, candidates []articles.Article) {
	if typed == "" {
		return "", nil
	}
	for _, a := range all {
		if a.ID == typed {
			return a.ID, nil
		}
	}
	q := fold(oneLine(typed))
	var exact []articles.Article
	for _, a := range all {
		if fold(oneLine(a.Title)) == q {
			exact = append(exact, a)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0].ID, nil
	case len(exact) > 1:
		return "", exact
	}
	ms := matchArticles(all, typed)
	if len(ms) == 1 {
		return ms[0].ID, nil
	}
	return "", ms
}

// maxCandidates is how many articles an ambiguous /source lists.
const maxCandidates = 10

// candidateList names the articles an ambiguous title could mean, with
// their IDs, so the user can run /source again with one.
func candidateList(l lang, typed string, cs []articles.Article) string {
	lines := []string{l.t(msgSourceChoose, escapeMarkdown(truncatePlain(oneLine(typed), 100)))}
	for i, a := range cs {
		if i == maxCandidates {
			lines = append(lines, l.t(msgSourceMore, len(cs)-i))
			break
		}
		line := "• " + escapeMarkdown(truncatePlain(oneLine(a.Title), 120))
		if d := a.PublishedDate(); d != "" {
			line += " (" + d + ")"
		}
		lines = append(lines, line+" — `"+a.ID+"`")
	}
	return strings.Join(append(lines, l.t(msgSourceHowPick)), "\n")
}

// sourceEmbed shows an article's metadata and its opening paragraph.
func sourceEmbed(l lang, a articles.Article) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       escapeMarkdown(truncatePlain(oneLine(a.Title), maxTitle-10)),
		Description: escapeMarkdown(oneLine(a.Summary(900))),
		Color:       colorInfo,
	}
	if validURL(a.URL) {
		e.URL = a.URL
	}
	field := func(name, value string, inline bool) {
		if value != "" {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value, Inline: inline})
		}
	}
	publisher := escapeMarkdown(a.Publisher)
	if publisher == "" {
		publisher = "*" + l.t(msgPubUnknown) + "*"
	}
	date := a.PublishedDate()
	if date == "" {
		date = "*" + l.t(msgDateUnknown) + "*"
	}
	field(l.t(msgFieldPublisher), publisher, true)
	field(l.t(msgFieldDate), date, true)
	field(l.t(msgSourceAuthor), escapeMarkdown(a.Author), true)
	field(l.t(msgSourceParas), strconv.Itoa(len(a.Paragraphs)), true)
	field(l.t(msgSourceAgencies), escapeMarkdown(strings.Join(a.Agencies, ", ")), true)
	var cited []string
	seen := map[string]bool{}
	for _, p := range a.Paragraphs {
		for _, s := range p.Sources {
			if !seen[s] {
				seen[s] = true
				cited = append(cited, escapeMarkdown(oneLine(s)))
			}
		}
	}
	field(l.t(msgSourceCited), strings.Join(cited, ", "), false)
	e.Footer = &discordgo.MessageEmbedFooter{Text: l.t(msgSourceID) + ": " + a.ID}
	return e
}
