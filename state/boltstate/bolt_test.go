package boltstate_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
	"github.com/claimbot/claimbot/state/boltstate"
	"github.com/claimbot/claimbot/state/statetest"
	bolt "go.etcd.io/bbolt"
)

var fixed = time.Date(2024, 11, 18, 12, 0, 0, 0, time.UTC)

func clock() time.Time { return fixed }

func openBolt(t *testing.T, path string) *boltstate.Store {
	t.Helper()
	s, err := boltstate.Open(path, boltstate.WithNow(clock), boltstate.WithLockTimeout(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBoltConformance(t *testing.T) {
	statetest.Run(t, func(t *testing.T) state.Store {
		s := openBolt(t, filepath.Join(t.TempDir(), "state.db"))
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// TestLegacyFeedErrors: feeds and items written before errors' codes and
// texts were kept (JSON records without them, in the same format 2) read
// with their English error, and take codes and texts from then on.
func TestLegacyFeedErrors(t *testing.T) {
	statetest.RunLegacyFeedErrors(t, func(t *testing.T, f state.Feed, it state.FeedItem) state.Store {
		path := filepath.Join(t.TempDir(), "state.db")
		openBolt(t, path).Close() // a file of this format, empty
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			// The fields the records had then.
			feed, _ := json.Marshal(map[string]any{"url": f.URL, "guild_id": f.GuildID, "added_by": f.AddedBy, "added": f.Added,
				"etag": f.ETag, "last_poll": f.LastPoll, "last_error": f.LastError})
			item, _ := json.Marshal(map[string]any{"guild_id": it.GuildID, "feed": it.Feed, "link": it.Link, "title": it.Title, "status": it.Status,
				"attempts": it.Attempts, "last_error": it.LastError, "next_attempt": it.NextAttempt, "at": it.At})
			if err := tx.Bucket([]byte("feeds")).Put([]byte(f.GuildID+"\x00"+f.URL), feed); err != nil {
				return err
			}
			return tx.Bucket([]byte("feed_items")).Put([]byte(it.GuildID+"\x00"+it.Link), item)
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		s := openBolt(t, path)
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestBoltSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", "state.db") // the directory is created
	s := openBolt(t, path)
	steps := []error{
		s.SetGuildSettings(ctx, "g1", state.GuildSettings{AlertChannelID: "c1", ModeratorRoleID: "r1"}),
		s.SetVerdict(ctx, "g1", "k1", state.Verdict{Value: state.VerdictConfirmed, By: "u1"}),
		s.EnqueueAlert(ctx, state.PendingAlert{GuildID: "g1", AlertKey: "k2", Payload: []byte("x")}),
		s.AppendAudit(ctx, state.AuditEntry{GuildID: "g1", UserID: "u1", Action: "verdict", Target: "k1"}),
		s.AddFeed(ctx, state.Feed{URL: "https://a.example/rss", GuildID: "g1"}),
		s.SetFeedCursor(ctx, "g1", "https://a.example/rss", state.FeedCursor{ETag: `"e"`}),
		s.PutFeedItem(ctx, state.FeedItem{GuildID: "g1", Feed: "https://a.example/rss", Link: "https://a.example/1", Status: state.ItemAdded, ArticleID: "a-1"}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if first, err := s.ClaimAlert(ctx, "g1", "k1"); err != nil || !first {
		t.Fatalf("ClaimAlert = %v, %v", first, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openBolt(t, path)
	defer s.Close()
	if got, _ := s.GuildSettings(ctx, "g1"); got.AlertChannelID != "c1" || got.ModeratorRoleID != "r1" {
		t.Errorf("settings after restart = %+v", got)
	}
	if v, ok, _ := s.Verdict(ctx, "g1", "k1"); !ok || v.Value != state.VerdictConfirmed || !v.At.Equal(fixed) {
		t.Errorf("verdict after restart = %+v, %v (At must come from the injected clock)", v, ok)
	}
	if first, err := s.ClaimAlert(ctx, "g1", "k1"); err != nil || first {
		t.Errorf("ClaimAlert after restart = %v, %v; want false: the alert was posted before the restart", first, err)
	}
	if p, _ := s.PendingAlerts(ctx, 0); len(p) != 1 || string(p[0].Payload) != "x" || !p[0].Enqueued.Equal(fixed) {
		t.Errorf("outbox after restart = %+v", p)
	}
	if a, _ := s.Audit(ctx, "g1", 0); len(a) != 1 || a[0].Target != "k1" || !a[0].At.Equal(fixed) {
		t.Errorf("audit after restart = %+v", a)
	}
	if f, _ := s.ListFeeds(ctx, "g1"); len(f) != 1 || f[0].ETag != `"e"` || !f[0].LastPoll.Equal(fixed) {
		t.Errorf("feeds after restart = %+v", f)
	}
	if it, ok, _ := s.FeedItem(ctx, "g1", "https://a.example/1"); !ok || it.ArticleID != "a-1" {
		t.Errorf("item after restart = %+v, %v", it, ok)
	}
	// The audit sequence continues after a restart instead of overwriting.
	if err := s.AppendAudit(ctx, state.AuditEntry{GuildID: "g1", UserID: "u2", Action: "settings"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Audit(ctx, "g1", 0); len(a) != 2 || a[0].UserID != "u2" || a[1].UserID != "u1" {
		t.Errorf("audit after append past restart = %+v", a)
	}
}

func TestBoltInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openBolt(t, path)
	defer s.Close()
	// bbolt's flock belongs to the open file, so a second open in this
	// process contends exactly like a second bot process would.
	_, err := boltstate.Open(path, boltstate.WithLockTimeout(50*time.Millisecond))
	if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE {
		t.Fatalf("second open: %v, want EUNAVAILABLE", err)
	}
	want := "state database " + path + " is in use by another claimbot process"
	if !strings.Contains(claimbot.ErrorMessage(err), want) {
		t.Errorf("second open: %q, want it to say %q", claimbot.ErrorMessage(err), want)
	}
}

func TestBoltRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, path string)
		want  string
	}{
		{
			name: "text file",
			write: func(t *testing.T, path string) {
				writeFile(t, path, []byte(strings.Repeat("Dies ist keine Datenbank.\n", 400)))
			},
			want: "is corrupt or not a claimbot state database",
		},
		{
			name: "short garbage",
			write: func(t *testing.T, path string) {
				writeFile(t, path, []byte("garbage"))
			},
			want: "state database",
		},
		{
			name: "damaged meta pages",
			write: func(t *testing.T, path string) {
				s := openBolt(t, path)
				s.Close()
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				// Overwrite both meta pages' checksummed bodies.
				page := os.Getpagesize()
				for _, off := range []int{64, page + 64} {
					copy(data[off:], []byte("XXXXXXXXXXXXXXXXXXXXXXXX"))
				}
				writeFile(t, path, data)
			},
			want: "is corrupt",
		},
		{
			name: "bbolt file of another program",
			write: func(t *testing.T, path string) {
				db, err := bolt.Open(path, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.Update(func(tx *bolt.Tx) error {
					_, err := tx.CreateBucket([]byte("_index"))
					return err
				}); err != nil {
					t.Fatal(err)
				}
				db.Close()
			},
			want: "is a bbolt file of another program",
		},
		{
			name: "newer format",
			write: func(t *testing.T, path string) {
				s := openBolt(t, path)
				s.Close()
				db, err := bolt.Open(path, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.Update(func(tx *bolt.Tx) error {
					return tx.Bucket([]byte("meta")).Put([]byte("version"), binary.BigEndian.AppendUint64(nil, 99))
				}); err != nil {
					t.Fatal(err)
				}
				db.Close()
			},
			want: "was written by a newer claimbot",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.db")
			tt.write(t, path)
			s, err := boltstate.Open(path, boltstate.WithLockTimeout(100*time.Millisecond))
			if err == nil {
				s.Close()
				t.Fatal("OpenBolt succeeded on a bad file")
			}
			msg := claimbot.ErrorMessage(err)
			t.Log(msg)
			if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE || !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) {
				t.Errorf("OpenBolt = [%s] %q; want EUNAVAILABLE naming %s and saying %q", claimbot.ErrorCode(err), msg, path, tt.want)
			}
		})
	}
}

func TestBoltClosed(t *testing.T) {
	s := openBolt(t, filepath.Join(t.TempDir(), "state.db"))
	s.Close()
	_, err := s.ClaimAlert(context.Background(), "g1", "k1")
	if claimbot.ErrorCode(err) != claimbot.EUNAVAILABLE {
		t.Errorf("use after Close: %v, want EUNAVAILABLE", err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
