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

var (
	bucketArticles = []byte("articles")
	// bucketMeta holds each article's attribution, small enough to read
	// for every hit of every search (see passageDoc).
	bucketMeta = []byte("meta")
)

// articleMeta is what a hit needs of its article besides the passage.
type articleMeta struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Author    string `json:"author,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339; empty when the article states no date
}

func metaOf(a articles.Article) articleMeta {
	m := articleMeta{Title: a.Title, Publisher: a.Publisher, Author: a.Author, URL: a.URL}
	if !a.Published.IsZero() {
		m.Published = a.Published.Format(time.RFC3339)
	}
	return m
}

// attribute fills in the hits' article metadata in one read transaction.
// A hit whose article has no record keeps empty metadata: unknown stays
// unknown.
func attribute(db *bolt.DB, hits []Hit) error {
	if len(hits) == 0 || db == nil {
		return nil
	}
	return db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		for i := range hits {
			data := b.Get([]byte(hits[i].Article))
			if data == nil {
				continue
			}
			var m articleMeta
			if err := json.Unmarshal(data, &m); err != nil {
				return fmt.Errorf("article %s: %w", hits[i].Article, err)
			}
			h := &hits[i]
			h.Title, h.Publisher, h.Author, h.URL = m.Title, m.Publisher, m.Author, m.URL
			if t, err := time.Parse(time.RFC3339, m.Published); err == nil {
				h.Published = t
			}
		}
		return nil
	})
}

func openArticles(genDir string, timeout time.Duration) (*bolt.DB, error) {
	db, err := bolt.Open(filepath.Join(genDir, articlesFile), 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		return nil, fmt.Errorf("open article store: %w", err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketArticles, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("open article store: %w", err)
	}
	return db, nil
}

// putArticles stores arts in one transaction.
func putArticles(db *bolt.DB, arts []articles.Article) error {
	return db.Update(func(tx *bolt.Tx) error {
		b, mb := tx.Bucket(bucketArticles), tx.Bucket(bucketMeta)
		for _, a := range arts {
			data, err := json.Marshal(a)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(a.ID), data); err != nil {
				return err
			}
			if data, err = json.Marshal(metaOf(a)); err != nil {
				return err
			}
			if err := mb.Put([]byte(a.ID), data); err != nil {
				return err
			}
		}
		return nil
	})
}

func deleteArticles(db *bolt.DB, ids []string) error {
	return db.Update(func(tx *bolt.Tx) error {
		b, mb := tx.Bucket(bucketArticles), tx.Bucket(bucketMeta)
		for _, id := range ids {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
			if err := mb.Delete([]byte(id)); err != nil {
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
