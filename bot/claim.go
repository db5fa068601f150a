package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/state"
)

// maxQueryRunes is the longest claim the bot looks up.
const maxQueryRunes = index.MaxQueryRunes

// defaultResults is how many passages /claim shows without results:.
const defaultResults = 3

// Embed colours.
const (
	colorResult = 0x3B82F6
	colorWarn   = 0xF59E0B
	colorAlert  = 0xDC2626
	colorInfo   = 0x6B7280
	colorLow    = 0xEAB308
)

// claim is /claim query:<text> [results:<1-5>] [public:<bool>].
func (b *Bot) claim(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	query := strings.TrimSpace(in.stringOpt("query"))
	if query == "" {
		return textReply(l.T(msgQueryEmpty)), nil
	}
	if n := runes(query); n > maxQueryRunes {
		return textReply(l.T(msgQueryTooLong, n, maxQueryRunes)), nil
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	limit := int(min(max(in.intOpt("results", defaultResults), 1), maxResults))
	r, err := b.lookup(ctx, in, search{query, queryLang(in, query)}, 0, limit)
	if err != nil {
		return Reply{}, err
	}
	r.Ephemeral = r.Ephemeral || !in.boolOpt("public")
	return r, nil
}

// checkClaim is the "Check claim" message context menu: /claim on the
// text of the chosen message. Someone else's message cannot be shortened by
// the user, so a long one is cut to the query limit instead of refused.
func (b *Bot) checkClaim(ctx context.Context, in Input) (Reply, error) {
	l := in.lang()
	query := oneLine(in.TargetText)
	if query == "" {
		return textReply(l.T(msgNoText)), nil
	}
	if runes(query) > maxQueryRunes {
		query = strings.TrimSuffix(truncatePlain(query, maxQueryRunes), "…")
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	r, err := b.lookup(ctx, in, search{query, queryLang(in, query)}, 0, defaultResults)
	if err != nil {
		return Reply{}, err
	}
	r.Ephemeral = true
	return r, nil
}

// rateLimited answers users who search faster than the limit (one budget
// for /claim, Check claim, /timeline and the page buttons: each runs a
// search), with the time they may try again as a Discord timestamp.
func (b *Bot) rateLimited(in Input) (Reply, bool) {
	key := in.UserID
	if key == "" {
		key = "anonymous"
	}
	ok, retry := b.limiter.allow(key, b.now())
	if ok {
		return Reply{}, false
	}
	return textReply(in.lang().T(msgRateLimited, fmt.Sprintf("<t:%d:R>", retry.Unix()))), true
}

// page is the Previous/Next button of a /claim answer.
func (b *Bot) page(ctx context.Context, in Input) (Reply, error) {
	p, ok := parsePageID(in.CustomID)
	if !ok {
		return textReply(in.lang().T(msgPageExpired)), nil
	}
	s, ok := b.queries.getSearch(p.ref)
	if !ok {
		return textReply(in.lang().T(msgPageExpired)), nil
	}
	if r, limited := b.rateLimited(in); limited {
		return r, nil
	}
	// A page continues its search in the search's language: a German
	// reader paging an English user's public answer must get the next
	// hits of the same (translated) search, not of another one.
	r, err := b.lookup(ctx, in, s, p.offset, p.limit)
	if err != nil {
		return Reply{}, err
	}
	if r.Ephemeral { // nothing on this page any more (the index changed)
		return r, nil
	}
	r.Update = true
	return r, nil
}

// search is what a /claim looks for: the text and its language
// (index.SearchOptions.Lang, see queryLang).
type search struct {
	text string
	lang string
}

// lookup searches and renders one page of results.
func (b *Bot) lookup(ctx context.Context, in Input, s search, offset, limit int) (Reply, error) {
	query := s.text
	sctx, cancel := context.WithTimeout(ctx, b.cfg.SearchTimeout)
	defer cancel()
	start := b.now()
	c := b.collection(in.GuildID)
	res, err := b.lib.Search(sctx, c, query, index.SearchOptions{Limit: limit, Offset: offset, Lang: s.lang})
	b.metrics().Search(searchOutcome(len(res.Hits), err), b.now().Sub(start))
	if err != nil {
		return Reply{}, err
	}
	l := in.lang()
	if len(res.Hits) == 0 {
		return textReply(l.T(msgNoResults, escapeMarkdown(truncatePlain(query, 200))) + "\n" + l.T(msgNoResultsTips)), nil
	}
	// Updates (a later figure replacing an earlier one) are not
	// disagreements; /timeline shows them.
	alerts := b.postable(b.lib.Disagreements(c, res.Hits))
	alerts = b.withoutDismissed(ctx, in.GuildID, alerts)
	ref := b.queries.putSearch(s)
	return renderResults(l, query, ref, res, offset, limit, alerts, b.articleURLs(c)), nil
}

// withoutDismissed drops alerts a guild's moderators judged not to be a
// contradiction, so answers there stop repeating them.
func (b *Bot) withoutDismissed(ctx context.Context, guildID string, alerts []claims.Alert) []claims.Alert {
	if guildID == "" || len(alerts) == 0 {
		return alerts
	}
	out := alerts[:0:0]
	for _, a := range alerts {
		v, ok, err := b.store.Verdict(ctx, guildID, a.Key())
		if err == nil && ok && v.Value == state.VerdictNotContradiction {
			continue
		}
		out = append(out, a)
	}
	return out
}

// fragmentText renders a hit's best fragments with the matched words in
// bold, cut to about budget characters before escaping so no cut lands
// inside an escape or a bold mark.
func fragmentText(h index.Hit, budget int) string {
	frags := h.Fragments
	if len(frags) == 0 {
		frags = []index.Fragment{{{Text: h.Passage}}}
	}
	var parts []string
	left := budget
	for _, f := range frags {
		if left <= 20 {
			break
		}
		var cut index.Fragment
		for _, s := range f {
			s.Text = squashSpace(s.Text)
			if s.Text == "" {
				continue
			}
			if n := runes(s.Text); n > left {
				s.Text = truncatePlain(s.Text, left)
				cut = append(cut, s)
				left = 0
				break
			}
			left -= runes(s.Text)
			cut = append(cut, s)
		}
		parts = append(parts, strings.TrimSpace(renderSpans(cut)))
		left -= 3
	}
	return strings.Join(parts, " … ")
}

// renderSpans renders a fragment as Discord Markdown: text escaped,
// matches in bold. Spaces at a match's edges go outside the marks, since
// Discord does not render "**word **" as bold.
func renderSpans(f index.Fragment) string {
	var b strings.Builder
	for _, s := range f {
		if !s.Match || strings.TrimSpace(s.Text) == "" {
			b.WriteString(escapeMarkdown(s.Text))
			continue
		}
		t := strings.TrimLeft(s.Text, " ")
		b.WriteString(s.Text[:len(s.Text)-len(t)])
		core := strings.TrimRight(t, " ")
		b.WriteString("**" + escapeMarkdown(core) + "**")
		b.WriteString(t[len(core):])
	}
	// Adjacent matches ("100.000" and "Soldaten") read as one bold phrase;
	// "** **" can only come from the marks, since text escapes '*'.
	return strings.ReplaceAll(b.String(), "** **", " ")
}

// squashSpace replaces every run of white space (line breaks included)
// with one space, keeping a leading or trailing one: spans are
// concatenated, so their edge spaces separate words.
func squashSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// Component custom IDs. Discord allows 100 characters and returns the ID
// verbatim when the button is pressed.
const (
	actionPage     = "claim"
	actionTimeline = "tl"
	actionVerdict  = "verdict"
)

func componentAction(customID string) string {
	action, _, _ := strings.Cut(customID, ":")
	return action
}

type pageRef struct {
	offset, limit int
	ref           string
}

// pageID encodes a results page: "claim:<offset>:<limit>:<ref>:<which>".
// which keeps Previous and Next distinct when both point at page one.
func pageID(offset, limit int, ref, which string) string {
	return fmt.Sprintf("%s:%d:%d:%s:%s", actionPage, offset, limit, ref, which)
}

func parsePageID(id string) (pageRef, bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 5 || parts[0] != actionPage {
		return pageRef{}, false
	}
	off, err1 := strconv.Atoi(parts[1])
	lim, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || off < 0 || lim < 1 || lim > maxResults || off > 10000 {
		return pageRef{}, false
	}
	return pageRef{offset: off, limit: lim, ref: parts[3]}, true
}

// queryCache remembers the queries behind paging buttons: a query can be
// 300 characters, a custom_id only 100. The reference is a digest, so the
// same query always gets the same reference; the cache is bounded and an
// evicted or pre-restart reference gets "please run /claim again".
type queryCache struct {
	mu    sync.Mutex
	max   int
	m     map[string]search
	order []string
}

func newQueryCache(n int) *queryCache { return &queryCache{max: n, m: map[string]search{}} }

func (c *queryCache) put(q string) string { return c.putSearch(search{text: q}) }

func (c *queryCache) putSearch(s search) string {
	key := s.text
	if s.lang != "" {
		// The same words searched as English are another search, with
		// another reference; German searches keep the references they had.
		key = s.lang + "\x00" + s.text
	}
	sum := sha256.Sum256([]byte(key))
	ref := hex.EncodeToString(sum[:10])
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[ref]; !ok {
		if len(c.order) >= c.max {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, ref)
	}
	c.m[ref] = s
	return ref
}

func (c *queryCache) get(ref string) (string, bool) {
	s, ok := c.getSearch(ref)
	return s.text, ok
}

func (c *queryCache) getSearch(ref string) (search, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[ref]
	return s, ok
}
