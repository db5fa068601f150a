package library

import (
	"strconv"
	"strings"

	"github.com/claimbot/claimbot/claims"
	"github.com/claimbot/claimbot/index"
)

// Article IDs and guilds. The index, the archive and the change log know
// every article by one ID, unique across all collections. A guild must not
// learn from its own uploads which IDs other guilds use: guild A keeping
// entlassungsplan.md must not make guild B's entlassungsplan.md come back
// as entlassungsplan-2 with "that ID was taken". So a guild's view has IDs
// of its own: an article a guild adds is shown to it under the ID its file
// name gives whenever no article of its view (the base and its own) has
// that ID, whatever other guilds hold. When another guild's article holds
// the ID in the index, the article is kept under a key that only its guild
// can have, the ID plus the guild's suffix ("--" and the guild ID in base
// 36), and the library translates between that key and the shown ID at
// its edge: what it hands out for c's view (hits, articles, alerts,
// timelines, reports, lists) has c's shown IDs, and the IDs it is given
// for c are c's shown IDs. Whether a key needed the suffix depends on
// other guilds' articles, but nothing c sees does.
//
// The base's articles are everyone's and keep their keys: an operator's
// base addition whose ID a guild article holds is renamed, as before.
// Inside the library everything works on keys.

// guildSuffix is what a key of c's own has after the shown ID; "" for the
// base.
func guildSuffix(c Collection) string {
	g := c.Guild()
	if g == "" {
		return ""
	}
	n, err := strconv.ParseUint(g, 10, 64)
	if err != nil {
		return "--" + g // a snowflake above 2^64 has no base-36 form of its own here; the digits are unique too
	}
	return "--" + strconv.FormatUint(n, 36)
}

// qualified is the key of c's own article shown as id.
func qualified(c Collection, id string) string { return id + guildSuffix(c) }

// shownID is how c's view shows the article kept as key. Only c's own
// articles lose c's suffix: a base article whose file happened to be named
// like that keeps its name.
func (l *Library) shownID(c Collection, key string) string {
	sfx := guildSuffix(c)
	id, ok := strings.CutSuffix(key, sfx)
	if sfx == "" || !ok || id == "" {
		return key
	}
	if e, indexed := l.ix.Entry(key); indexed && collOfEntry(e.Collection) != c {
		return key
	}
	return id
}

// keyOf is the key of the article c's view shows as id: c's own article
// kept under its suffix if there is one, else id itself.
func (l *Library) keyOf(c Collection, id string) string {
	if c == Base {
		return id
	}
	if e, ok := l.ix.Entry(qualified(c, id)); ok && collOfEntry(e.Collection) == c {
		return qualified(c, id)
	}
	return id
}

func (l *Library) shownSide(c Collection, s claims.Side) claims.Side {
	s.Article = l.shownID(c, s.Article)
	return s
}

// shownAlerts returns alerts with c's shown IDs, in new slices: the
// alerts may be cached or another view's.
func (l *Library) shownAlerts(c Collection, alerts []claims.Alert) []claims.Alert {
	if c == Base || len(alerts) == 0 {
		return alerts
	}
	out := make([]claims.Alert, len(alerts))
	for i, a := range alerts {
		a.New = l.shownSide(c, a.New)
		ex := make([]claims.Side, len(a.Existing))
		for j, s := range a.Existing {
			ex[j] = l.shownSide(c, s)
		}
		a.Existing = ex
		out[i] = a
	}
	return out
}

func (l *Library) shownHits(c Collection, hits []index.Hit) []index.Hit {
	if c == Base {
		return hits
	}
	for i, h := range hits {
		if id := l.shownID(c, h.Article); id != h.Article {
			hits[i].Article, hits[i].ID = id, index.PassageID(id, h.Paragraph)
		}
	}
	return hits
}

func (l *Library) shownIDs(c Collection, keys []string) []string {
	if c == Base {
		return keys
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = l.shownID(c, k)
	}
	return out
}
