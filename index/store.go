package index

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/claimbot/claimbot/articles"
	bolt "go.etcd.io/bbolt"
)

// Each generation keeps its articles, as JSON, in a bbolt file beside the
// Bleve index. They must not live in Bleve's internal key-values: scorch
// rewrites all of those into its root file after every batch and merge, so
// a rebuild would write O(articles²) bytes (tens of gigabytes at 100,000
// articles).
const articlesFile = "articles.db"

var bucketArticles = []byte("articles")

func openArticles(genDir string, timeout time.Duration) (*bolt.DB, error) {
	db, err := bolt.Open(filepath.Join(genDir, articlesFile), 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		return nil, fmt.Errorf("open article store: %w", err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketArticles)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("open article store: %w", err)
	}
	return db, nil
}

// putArticles stores arts in one transaction.
func putArticles(db *bolt.DB, arts []articles.Article) error {
	return db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		for _, a := range arts {
			data, err := json.Marshal(a)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(a.ID), data); err != nil {
				return err
			}
		}
		return nil
	})
}

func deleteArticles(db *bolt.DB, ids []string) error {
	return db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		for _, id := range ids {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

func getArticle(db *bolt.DB, id string) (articles.Article, bool) {
	var a articles.Article
	found := false
	_ = db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketArticles).Get([]byte(id))
		if data != nil && json.Unmarshal(data, &a) == nil {
			found = true
		}
		return nil
	})
	return a, found
}
