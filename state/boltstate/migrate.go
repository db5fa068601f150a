package boltstate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/claimbot/claimbot/state"
	bolt "go.etcd.io/bbolt"
)

// migrate brings a file of an older format up to this one inside the
// opening transaction, so it is all or nothing, and says once in the log
// what changed.
//
// Format 1 had one list of feeds for every guild, keyed by URL, with the
// guild that added each as information only, and one ledger of ingested
// items keyed by URL or text hash. In format 2 feeds belong to a guild's
// collection or, with no guild, to the operators' shared base: the old
// feeds fed the one shared corpus, so they become operator feeds, and the
// guild that added one is kept as AddedIn. Of the old ledger, the links of
// items that became articles are kept as the operators' feed items;
// refusals are dropped so those items are tried again (they were refused
// for good, even when the cause was fixed), and text hashes are dropped
// because the library recognises duplicate text itself.
func (b *Store) migrate(tx *bolt.Tx, from uint64) error {
	if from != 1 {
		return fmt.Errorf("state database %s: cannot migrate format %d", b.path, from)
	}
	feeds := tx.Bucket(bucketFeeds)
	type old struct {
		k []byte
		f state.Feed
	}
	var olds []old
	if err := feeds.ForEach(func(k, v []byte) error {
		if bytes.IndexByte(k, 0) >= 0 {
			return nil // already scoped
		}
		var f state.Feed
		if err := json.Unmarshal(v, &f); err != nil {
			return fmt.Errorf("state database %s is corrupt: feed %q: %w", b.path, k, err)
		}
		olds = append(olds, old{bytes.Clone(k), f})
		return nil
	}); err != nil {
		return err
	}
	for _, o := range olds {
		f := o.f
		f.AddedIn, f.GuildID = f.GuildID, ""
		if err := feeds.Delete(o.k); err != nil {
			return err
		}
		if err := putJSON(feeds, scoped("", f.URL), f); err != nil {
			return err
		}
	}

	kept, dropped := 0, 0
	if items := tx.Bucket([]byte("items")); items != nil {
		type ingested struct {
			ArticleID string `json:"article_id"`
		}
		add := tx.Bucket(bucketFeedItems)
		if err := items.ForEach(func(k, v []byte) error {
			key := string(k)
			var it ingested
			if json.Unmarshal(v, &it) != nil || it.ArticleID == "" || !(strings.HasPrefix(key, "http://") || strings.HasPrefix(key, "https://")) {
				dropped++
				return nil
			}
			kept++
			return putJSON(add, scoped("", key), state.FeedItem{Feed: "(before format 2)", Link: key, Status: state.ItemAdded, ArticleID: it.ArticleID, At: b.stamp(time.Time{})})
		}); err != nil {
			return err
		}
		if err := tx.DeleteBucket([]byte("items")); err != nil {
			return err
		}
	}
	b.log.Info("state database migrated: feeds now belong to a guild or to the operators",
		"path", b.path, "from_format", from, "to_format", formatVersion,
		"operator_feeds", len(olds), "items_kept", kept, "items_dropped_to_retry", dropped)
	return nil
}
