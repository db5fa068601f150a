package library

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/articles"
	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
	"github.com/claimbot/claimbot/state"
)

// File is an article file to add.
type File struct {
	Name string
	Data []byte
}

// Report says what a re-index or an addition did.
type Report struct {
	// Collection is the collection that changed (Base for a re-index).
	Collection         Collection
	Articles, Passages int
	// Added are the IDs the new articles got, in the order of the files;
	// Changed and Removed are filled by a re-index.
	Added, Changed, Removed []string
	// Renamed says, for each added article whose file name gave an ID
	// that was taken, which ID it got instead.
	Renamed []Renamed
	// Duplicates are the files refused because the view has them (also
	// among Problems, in words).
	Duplicates []Duplicate
	// Problems are files skipped and why (duplicates among them), in
	// English for logs and scripts; nothing else was lost. ProblemErrs
	// are the same problems as errors, one each and in the same order,
	// whose text for people (claimbot.ErrorText) says them in a reader's
	// language, naming files but no folder of the operator's.
	Problems    []string
	ProblemErrs []error
	Took        time.Duration
	// Alerts are the contradictions the new or changed articles raise in
	// Collection's view: in a guild's, against the base and its own
	// articles; in the base's, against the base, which every guild sees.
	Alerts []claims.Alert
	// GuildAlerts are, by guild ID, the contradictions a change to the
	// base raises against a guild's own articles, which only that guild
	// sees (and, after a re-index, those of articles changed in a guild's
	// own folder).
	//
	// Alerts and GuildAlerts name articles by their keys (ids.go);
	// AlertsFor gives a view's share with the IDs that view shows. The
	// other fields have Collection's shown IDs.
	GuildAlerts map[string][]claims.Alert
}

// Renamed is an added article that got another ID than its file name
// gave, because that one was taken.
type Renamed struct {
	File, Wanted, ID string
}

// Duplicate is a file refused because the view has the article already:
// Of is that article's ID, Why what gave it away ("the same text", "its
// URL …").
type Duplicate struct {
	File, Of, Why string
}

// Add parses and indexes new article files into collection c without a
// rebuild, and keeps them in c's folder so a later re-index includes them.
// It is the one way articles come in: /article add, the feed poller, the
// command line and Restore all use it.
//
// Nothing is ever replaced. A file whose text, or whose canonical URL, is
// in c's view already is refused as a duplicate, whatever it is called. A
// file whose ID is taken by another article (in any collection) gets a
// new ID, said in Report.Renamed. Files that do not parse are refused with
// a message each; the others are added. It fails with ECONFLICT when every
// file was a duplicate, EINVALID when nothing could be added otherwise.
func (l *Library) Add(ctx context.Context, c Collection, files []File) (Report, error) {
	if err := c.check(); err != nil {
		return Report{}, err
	}
	l.changing.Lock()
	l.opened = nil // the build Open made no longer holds everything
	defer l.changing.Unlock()
	return l.add(ctx, c, files, nil)
}

// add adds files to c in one change of the archive, with extra's changes
// (Restore drops the trash copy). The decisions — duplicates, free IDs —
// are made inside the archive's update, after catching up with every
// change committed before it, and no other writer (in this process or
// another) commits until it is done: two instances adding the same page
// at once add it once.
func (l *Library) add(ctx context.Context, c Collection, files []File, extra func(tx state.ArchiveTx) error) (Report, error) {
	start := l.cfg.Now()
	var (
		rep          Report
		fresh        []articles.Article
		seqs         []int64
		before, last int64
	)
	err := l.arch.Update(ctx, func(tx state.ArchiveTx) error {
		before = tx.Seq()
		if err := l.catchUpTo(ctx, before); err != nil {
			return err
		}
		var stored []state.StoredArticle
		var err error
		rep, fresh, stored, err = l.decide(c, files)
		if err != nil {
			return err
		}
		// Kept first: if indexing then fails, the next catch-up or
		// re-index picks them up; if they were kept last, a crash could
		// lose an article the index already answered with.
		seqs = seqs[:0]
		for _, a := range stored {
			seq, err := tx.Add(a)
			if err != nil {
				return fmt.Errorf("keep article %s: %w", a.ID, err)
			}
			seqs = append(seqs, seq)
			last = seq
		}
		if extra != nil {
			return extra(tx)
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	err = l.applied(before, last, func() error {
		if err := l.ix.Upsert(ctx, fresh...); err != nil {
			return fmt.Errorf("index articles: %w", err)
		}
		for i, a := range fresh {
			l.rep.note(a.ID, seqs[i])
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	l.invalidate(c)
	rep.Alerts, rep.GuildAlerts = l.raiseAll(ctx, c, fresh, seqs)
	st := l.Stats(c)
	rep.Articles, rep.Passages = st.Articles, st.Passages
	rep.Took = l.cfg.Now().Sub(start)
	return rep, nil
}

// decide parses files for c and decides what becomes of each: refused
// (not an article, a duplicate of what c's view has), added under its
// name's ID, or under a free one when that is taken. It returns the
// report so far, the articles to add and their archive records. It fails
// with ECONFLICT when every file was a duplicate, EINVALID when nothing
// could be added otherwise.
func (l *Library) decide(c Collection, files []File) (Report, []articles.Article, []state.StoredArticle, error) {
	rep := Report{Collection: c}
	var (
		fresh  []articles.Article
		stored []state.StoredArticle
	)
	visible := l.ix.Entries(c.view()...)
	// Keys are unique across collections (ids.go); what a guild is told
	// about its IDs depends only on its view.
	keyTaken := func(key string) bool {
		if _, ok := l.ix.Entry(key); ok {
			return true
		}
		for _, a := range fresh {
			if a.ID == key {
				return true
			}
		}
		return false
	}
	shownTaken := keyTaken // the base's view is every key: its IDs are everyone's
	if c == Base {
		// Every guild sees the base's IDs, and its own keys kept under
		// its suffix without it (ids.go): the base taking such an ID
		// would show that guild two articles under one.
		guildShown := map[string]bool{}
		for key, e := range l.ix.Manifest() {
			if g := collOfEntry(e.Collection); g != Base {
				if id, ok := strings.CutSuffix(key, guildSuffix(g)); ok && id != "" {
					guildShown[id] = true
				}
			}
		}
		shownTaken = func(id string) bool { return keyTaken(id) || guildShown[id] }
	} else {
		shownTaken = func(id string) bool {
			if e, ok := visible[id]; ok && l.shownID(c, id) == id && (collOfEntry(e.Collection) == Base || collOfEntry(e.Collection) == c) {
				return true
			}
			if e, ok := l.ix.Entry(qualified(c, id)); ok && collOfEntry(e.Collection) == c {
				return true
			}
			for _, a := range fresh {
				if l.shownID(c, a.ID) == id {
					return true
				}
			}
			return false
		}
	}
	// The problems as errors too: the one that stopped a single file is
	// what the caller's reply quotes, in the reader's language.
	problem := func(err error) {
		rep.Problems = append(rep.Problems, claimbot.ErrorMessage(err))
		rep.ProblemErrs = append(rep.ProblemErrs, err)
	}
	for _, f := range files {
		name := filepath.Base(f.Name)
		if !articles.IsArticleFile(name) {
			want := strings.Join(articles.Extensions, ", ")
			problem(claimbot.Errorf(claimbot.EINVALID, "%s: not an article file (want %s)", name, want).Say(msgNotArticleFile, name, want))
			continue
		}
		a, err := articles.Parse(name, f.Data)
		if err != nil {
			problem(err)
			continue
		}
		if key, why := duplicateOf(a, visible, fresh); key != "" {
			id := l.shownID(c, key)
			whyText := claimbot.T(msgSameText)
			if u, ok := strings.CutPrefix(why, "its URL "); ok {
				whyText = claimbot.T(msgItsURL, u)
			}
			problem(claimbot.Errorf(claimbot.ECONFLICT, "%s: %s is in the archive already as article %s", name, why, id).Say(msgDuplicateOf, name, whyText, id))
			rep.Duplicates = append(rep.Duplicates, Duplicate{File: name, Of: id, Why: why})
			continue
		}
		want := a.ID
		if sfx := guildSuffix(c); sfx != "" {
			// A restored article comes back under its key's name.
			if id, ok := strings.CutSuffix(want, sfx); ok && id != "" {
				want = id
			}
			// Room for the suffix in every guild's IDs, whether or not
			// this one needs it, so that the ID shown never tells.
			if max := articles.MaxIDLen - len(sfx); len(want) > max {
				want = strings.TrimRight(want[:max], "-")
			}
		}
		id := want
		if shownTaken(id) {
			if id = freeID(want, shownTaken); id == "" {
				problem(claimbot.Errorf(claimbot.EINVALID, "%s: article ID %s and its numbered variants are all taken; rename the file", name, want).Say(msgIDsTaken, name, want))
				continue
			}
			rep.Renamed = append(rep.Renamed, Renamed{File: name, Wanted: want, ID: id})
		}
		key := id
		if c != Base && keyTaken(key) {
			// Another guild's article has it: keep this one under the key
			// only this guild can have.
			if key = qualified(c, id); keyTaken(key) || !articles.ValidID(key) {
				problem(claimbot.Errorf(claimbot.EINVALID, "%s: article ID %s cannot be used; rename the file", name, id).Say(msgIDUnusable, name, id))
				continue
			}
		}
		if key != a.ID {
			ext := strings.ToLower(filepath.Ext(name))
			renamed, err := articles.Parse(key+ext, f.Data)
			if err != nil {
				problem(err)
				continue
			}
			a, name = renamed, key+ext
		}
		if c != Base {
			a.Collection = string(c)
		}
		rep.Added = append(rep.Added, id)
		fresh = append(fresh, a)
		stored = append(stored, state.StoredArticle{Collection: string(c), ID: a.ID, File: a.ID + strings.ToLower(filepath.Ext(name)), Data: f.Data})
	}
	if len(fresh) == 0 {
		code := claimbot.EINVALID
		switch {
		case len(rep.Problems) == 0:
			return rep, nil, nil, claimbot.Errorf(claimbot.EINVALID, "no files given").Say(msgNoFiles)
		case len(rep.Duplicates) == len(rep.Problems):
			code = claimbot.ECONFLICT
		}
		err := claimbot.Errorf(code, "nothing added: %s", strings.Join(rep.Problems, "; "))
		// The first problem's Text says why, in the reader's language.
		err.Err = rep.ProblemErrs[0]
		if ae, ok := rep.ProblemErrs[0].(*claimbot.Error); ok && !ae.Text.IsZero() && len(rep.ProblemErrs) > 1 {
			err.Say(msgNothingAdded, len(rep.ProblemErrs)-1, ae.Text)
		}
		return rep, nil, nil, err
	}
	return rep, fresh, stored, nil
}

// duplicateOf returns the article of the view (or of this addition) that
// a is a copy of, and what gave it away; "" when there is none.
func duplicateOf(a articles.Article, visible map[string]index.ManifestEntry, fresh []articles.Article) (id, why string) {
	hash, u := a.TextHash(), canonicalURL(a.URL)
	for _, f := range fresh {
		if f.TextHash() == hash {
			return f.ID, "the same text"
		}
		if u != "" && canonicalURL(f.URL) == u {
			return f.ID, "its URL " + u
		}
	}
	for eid, e := range visible {
		if e.TextHash == hash {
			return eid, "the same text"
		}
	}
	if u == "" {
		return "", ""
	}
	for eid, e := range visible {
		if canonicalURL(e.URL) == u {
			return eid, "its URL " + u
		}
	}
	return "", ""
}

// freeID is the first of id-2, id-3, … that is not taken, within the ID
// grammar; "" when none of the first thousand is free.
func freeID(id string, taken func(string) bool) string {
	for n := 2; n < 1000; n++ {
		suffix := "-" + strconv.Itoa(n)
		stem := id
		if len(stem)+len(suffix) > articles.MaxIDLen {
			stem = strings.TrimRight(stem[:articles.MaxIDLen-len(suffix)], "-")
		}
		if cand := stem + suffix; articles.ValidID(cand) && !taken(cand) {
			return cand
		}
	}
	return ""
}

// canonicalURL is the form of an article URL two copies of a page share:
// scheme and host lower-cased, no default port, no fragment, no tracking
// parameters, no trailing slash. Anything but an http(s) URL is "".
func canonicalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Scheme, u.Host, u.Fragment = strings.ToLower(u.Scheme), strings.ToLower(u.Host), ""
	u.Host = strings.TrimSuffix(strings.TrimSuffix(u.Host, ":443"), ":80")
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	u.Path = strings.TrimSuffix(u.Path, "/")
	return u.String()
}

// raise returns the alerts that articles fresh in c raise in the views
// that see them, without excluded articles: in a guild's view for a guild
// collection; for the base, against the base (everyone's) and, by guild,
// against guilds' own articles (guildAlerts).
//
// The views are as of change asOf: articles the archive added after it
// are left out, so the check of an article gives the same alerts (with
// the same keys) whichever instance makes it and whatever was added since
// — the adding instance at once, the worker later from the change log. In
// an archive without a change log every sequence number is 0.
func (l *Library) raise(ctx context.Context, c Collection, fresh []articles.Article, asOf int64) ([]claims.Alert, map[string][]claims.Alert) {
	fresh = l.cur.without(c, fresh)
	skip := l.rep.after(asOf)
	if skip == nil {
		skip = map[string]bool{}
	}
	for _, a := range fresh {
		skip[a.ID] = true
	}
	var existing []articles.Article
	for _, a := range l.cur.without(c, l.viewArticles(c)) {
		if !skip[a.ID] {
			existing = append(existing, a)
		}
	}
	alerts := claims.Detect(fresh, existing)
	if c != Base || len(fresh) == 0 {
		return alerts, nil
	}
	return alerts, l.guildAlerts(ctx, fresh, skip)
}

// Checking a base addition against guilds' own articles must not cost a
// comparison per guild: with 1,000 guilds that took 27 s per addition. The
// index finds the guild articles that share words with each new article's
// title and lead (guildProbeHits passages a probe, every collection but
// the base), and only those are compared with it, in one pass; the alerts
// are then split by the guild whose articles they name. A contradiction
// needs shared words (the same figure, thing, actor), so the probes find
// the articles that can contradict; one whose every shared word is rare
// across all guilds' thousands of passages could still be missed.
const guildProbeHits = 50

// guildAlerts returns, by guild, what base articles fresh raise against
// guilds' own articles, each without what that guild excludes, nor the
// articles of skip.
func (l *Library) guildAlerts(ctx context.Context, fresh []articles.Article, skip map[string]bool) map[string][]claims.Alert {
	if n, _ := l.ix.Count(string(Base)); n == l.ix.ArticleCount() {
		return nil // no guild has articles
	}
	owner := map[string]Collection{}
	var candidates []articles.Article
	for _, a := range fresh {
		for _, q := range probes(a) {
			res, err := l.ix.Search(ctx, q, index.SearchOptions{Limit: guildProbeHits, NotCollections: []string{string(Base)}})
			if err != nil {
				l.cfg.Logger.Warn("finding guild articles for a base addition's alerts failed", "article", a.ID, "err", err)
				continue
			}
			for _, h := range res.Hits {
				e, ok := l.ix.Entry(h.Article)
				g := collOfEntry(e.Collection)
				if _, seen := owner[h.Article]; seen || !ok || g == Base || skip[h.Article] || l.cur.inView(g)[h.Article] {
					continue
				}
				if art, ok := l.ix.Article(h.Article); ok {
					owner[h.Article] = g
					candidates = append(candidates, art)
				}
			}
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	var out map[string][]claims.Alert
	for _, al := range claims.Detect(fresh, candidates) {
		byGuild := map[Collection][]claims.Side{}
		for _, s := range al.Existing {
			if g, ok := owner[s.Article]; ok {
				byGuild[g] = append(byGuild[g], s)
			}
		}
		for g, sides := range byGuild {
			if out == nil {
				out = map[string][]claims.Alert{}
			}
			ga := al
			ga.Existing = sides
			out[g.Guild()] = append(out[g.Guild()], ga)
		}
	}
	return out
}

// probes are the queries that find what an article is about: its title
// and its first two paragraphs, each cut at a word to what a search takes.
func probes(a articles.Article) []string {
	texts := []string{a.Title}
	for i, p := range a.Paragraphs {
		if i == 2 {
			break
		}
		texts = append(texts, p.Text)
	}
	var out []string
	for _, t := range texts {
		words := strings.Fields(t)
		var b strings.Builder
		for _, w := range words {
			if len([]rune(b.String()))+len([]rune(w))+1 > index.MaxQueryRunes {
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}
