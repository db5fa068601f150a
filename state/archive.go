package state

import (
	"context"
	"time"
)

// Archive keeps the articles added to collections (by moderators, feeds
// and the command line), the removed ones that can be restored, and each
// collection's exclusions: the source of truth a search index is built
// from. The base corpus (the embedded seeds or CLAIMBOT_ARTICLES) is not
// in it; every process reads that from its own files.
//
// An archive in a shared database also keeps a change log: every change
// gets the next sequence number, and changes commit in sequence order, so
// a process that applied everything up to n and then reads the changes
// after n misses nothing, whoever made them. One in a directory (package
// library's, for one process) has none: Seq is always 0 and Changes
// returns nothing.
//
// statetest.RunArchive is the contract's conformance suite.
type Archive interface {
	// ArchiveID identifies the archive (a database), so an index built
	// from another archive is not taken for this one's.
	ArchiveID(ctx context.Context) (string, error)
	// Snapshot returns every kept article, every collection's exclusions,
	// and the sequence number of the last change they include.
	Snapshot(ctx context.Context) (ArchiveSnapshot, error)
	// Changes returns up to limit changes after seq (all when limit <= 0),
	// in sequence order.
	Changes(ctx context.Context, after int64, limit int) ([]Change, error)
	// LastChange is the sequence number of the last committed change.
	LastChange(ctx context.Context) (int64, error)
	// Trashed returns a collection's removed articles, by ID.
	Trashed(ctx context.Context, collection string) ([]StoredArticle, error)
	// Update runs fn as the only writer of the archive, across processes:
	// what fn reads of the archive cannot change under it. fn's changes
	// commit together when it returns nil and are discarded when it
	// returns an error (which Update returns).
	Update(ctx context.Context, fn func(tx ArchiveTx) error) error
}

// ArchiveTx changes the archive inside Update. Each change returns its
// sequence number (0 in an archive without a change log).
type ArchiveTx interface {
	// Seq is the sequence number of the last change committed before
	// this transaction: the caller catches up to it before deciding.
	Seq() int64
	// Add keeps a new article; ECONFLICT when an article with its ID is
	// kept already (in any collection), EINVALID for a bad collection,
	// ID or file name. It does not touch the trash.
	Add(a StoredArticle) (int64, error)
	// Trash moves a kept article of the collection to its trash
	// (replacing an older copy there); ENOTFOUND when the collection
	// keeps no such article.
	Trash(collection, id string) (int64, error)
	// DropTrashed deletes a removed article from the trash (after it was
	// restored); ENOTFOUND when it is not there.
	DropTrashed(collection, id string) error
	// SetExcluded records that the collection excludes the article, or no
	// longer does. It does not check the article exists.
	SetExcluded(collection, id string, excluded bool) (int64, error)
}

// StoredArticle is an article file kept in a collection.
type StoredArticle struct {
	Collection string    `json:"collection"`
	ID         string    `json:"id"`
	File       string    `json:"file"` // the file name it is parsed as, e.g. "artikel.md"
	Data       []byte    `json:"data"`
	Seq        int64     `json:"seq"` // the change that added it
	At         time.Time `json:"at"`  // when it was added (or removed, in the trash)
}

// ArchiveSnapshot is the whole archive at one sequence number.
type ArchiveSnapshot struct {
	Seq      int64
	Articles []StoredArticle
	// Excluded are, by collection, the IDs it excludes, sorted.
	Excluded map[string][]string
}

// Change kinds.
const (
	ChangeAdd     = "add"     // an article was added (Article has it)
	ChangeRemove  = "remove"  // an article was moved to the trash
	ChangeExclude = "exclude" // a collection excludes an article
	ChangeInclude = "include" // a collection no longer excludes an article
)

// Change is one entry of the change log.
type Change struct {
	Seq        int64
	Kind       string
	Collection string
	ID         string // the article's
	At         time.Time
	// Article is the article an "add" added, nil when it has been removed
	// since (a later change in the log says so).
	Article *StoredArticle
}
