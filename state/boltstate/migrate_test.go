package boltstate_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
	bolt "go.etcd.io/bbolt"
)

// writeFormat1 writes a state file as the first format did: feeds shared
// by every guild, keyed by URL, and one ledger of ingested items.
func writeFormat1(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		put := func(bucket, k, v string) error {
			b, err := tx.CreateBucketIfNotExists([]byte(bucket))
			if err != nil {
				return err
			}
			return b.Put([]byte(k), []byte(v))
		}
		for _, kv := range [][3]string{
			{"meta", "format", "claimbot-state"},
			{"meta", "version", string(binary.BigEndian.AppendUint64(nil, 1))},
			{"guilds", "g1", `{"alert_channel_id":"c1"}`},
			{"feeds", "https://a.example/rss", `{"url":"https://a.example/rss","guild_id":"g1","added_by":"u1","added":"2024-11-18T09:30:00Z","etag":"\"v1\"","last_poll":"2024-11-18T10:00:00Z"}`},
			{"feeds", "https://b.example/atom", `{"url":"https://b.example/atom","added":"2024-11-18T09:30:00Z","last_poll":"0001-01-01T00:00:00Z"}`},
			{"items", "https://a.example/1", `{"article_id":"a-1","at":"2024-11-18T10:00:00Z"}`},
			{"items", "sha256:00ff", `{"article_id":"a-1","at":"2024-11-18T10:00:00Z"}`},
			{"items", "refused:https://a.example/2", `{"article_id":"","at":"2024-11-18T10:00:00Z"}`},
		} {
			if err := put(kv[0], kv[1], kv[2]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrateFormat1: an existing state file opens with its feeds as the
// operators' feeds (the guild that added one kept as AddedIn), the links
// that became articles remembered, refused items forgotten so they are
// tried again, the rest as it was; the log says so once.
func TestMigrateFormat1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	writeFormat1(t, path)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	s, err := boltstateOpen(path, logger)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ops, err := s.ListFeeds(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 2 || ops[0].URL != "https://a.example/rss" || ops[0].AddedIn != "g1" || ops[0].GuildID != "" || ops[0].AddedBy != "u1" || ops[0].ETag != `"v1"` {
		t.Fatalf("operator feeds after migration = %+v", ops)
	}
	if g, _ := s.ListFeeds(ctx, "g1"); len(g) != 0 {
		t.Errorf("g1 owns %d feeds after migration; they fed the shared corpus", len(g))
	}
	if it, ok, _ := s.FeedItem(ctx, "", "https://a.example/1"); !ok || it.Status != state.ItemAdded || it.ArticleID != "a-1" {
		t.Errorf("ingested link after migration = %+v, %v", it, ok)
	}
	if _, ok, _ := s.FeedItem(ctx, "", "https://a.example/2"); ok {
		t.Error("a refused item is still remembered; it must be tried again")
	}
	if got, _ := s.GuildSettings(ctx, "g1"); got.AlertChannelID != "c1" {
		t.Errorf("settings after migration = %+v", got)
	}
	if n := strings.Count(logs.String(), "state database migrated"); n != 1 || !strings.Contains(logs.String(), "operator_feeds=2") {
		t.Errorf("log after migration:\n%s", logs.String())
	}
	s.Close()
	logs.Reset()
	s, err = boltstateOpen(path, logger)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if logs.Len() != 0 {
		t.Errorf("second open logged:\n%s", logs.String())
	}
	if ops, _ := s.ListFeeds(ctx, ""); len(ops) != 2 {
		t.Errorf("operator feeds after a second open = %+v", ops)
	}
}

func boltstateOpen(path string, logger *slog.Logger) (*boltstate.Store, error) {
	return boltstate.Open(path, boltstate.WithLogger(logger))
}
