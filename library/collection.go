package library

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/index"
)

// Collection names a set of articles in the one index: the shared base
// (the embedded corpus or CLAIMBOT_ARTICLES, plus what operators add),
// which every guild reads, or one guild's, which only that guild reads.
// A guild's view is the base and its own collection, minus the base's
// exclusions and its own.
type Collection string

// Base is the shared collection.
const Base Collection = index.BaseCollection

const guildPrefix = "guild-"

// GuildCollection is the collection of the guild with that Discord ID. The
// ID must be a snowflake (1 to 20 digits): a collection names a folder.
func GuildCollection(guildID string) (Collection, error) {
	if !snowflake(guildID) {
		return "", claimbot.Errorf(claimbot.EINVALID, "%q is not a guild ID (17 to 20 digits)", guildID)
	}
	return Collection(guildPrefix + guildID), nil
}

// Guild is the guild whose collection c is; "" for the base.
func (c Collection) Guild() string {
	if id, ok := strings.CutPrefix(string(c), guildPrefix); ok {
		return id
	}
	return ""
}

// IsBase reports whether c is the shared base.
func (c Collection) IsBase() bool { return c == Base }

func (c Collection) valid() bool { return c == Base || snowflake(c.Guild()) }

func (c Collection) check() error {
	if !c.valid() {
		return claimbot.Errorf(claimbot.EINVALID, "%q is not a collection", string(c))
	}
	return nil
}

func snowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// view is what a collection's readers see: its collections for the index
// filter, and which of them it is.
func (c Collection) view() []string {
	if c == Base {
		return []string{string(Base)}
	}
	return []string{string(Base), string(c)}
}

// sees reports whether an article of collection of is in c's view.
func (c Collection) sees(of string) bool {
	if of == "" {
		of = string(Base)
	}
	return of == string(Base) || of == string(c)
}

// Where a collection keeps its files: DATA/collections/<c>/added for the
// articles added to it, trash for the removed ones and excluded.json.
// Collection names are checked (valid), so they are never user text.
func (l *Library) collDir(c Collection) string {
	if !c.valid() {
		panic(fmt.Sprintf("library: invalid collection %q", string(c)))
	}
	return filepath.Join(l.cfg.DataDir, "collections", string(c))
}

func (l *Library) addedDir(c Collection) string { return filepath.Join(l.collDir(c), "added") }
func (l *Library) trashDir(c Collection) string { return filepath.Join(l.collDir(c), "trash") }
