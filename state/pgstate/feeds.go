package pgstate

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/state"
)

// Feeds and feed items are keyed by guild ("" the operators') and URL or
// link, as in the bbolt store. Ordering uses the "C" collation, so lists
// come in byte order whatever the database's locale.

const feedColumns = `guild_id, url, added_in, added_by, added, etag, last_modified, last_poll, last_error, last_error_code, last_error_text`

func scanFeeds(rows pgx.Rows) ([]state.Feed, error) {
	var out []state.Feed
	var f state.Feed
	var lastPoll pgtype.Timestamptz
	_, err := pgx.ForEachRow(rows, []any{&f.GuildID, &f.URL, &f.AddedIn, &f.AddedBy, &f.Added, &f.ETag, &f.LastModified, &lastPoll, &f.LastError, &f.LastErrorCode, &f.LastErrorText}, func() error {
		q := f
		q.Added = utc(q.Added)
		q.LastPoll = fromTZ(lastPoll)
		out = append(out, q)
		return nil
	})
	return out, err
}

// AddFeed implements state.Store.
func (s *Store) AddFeed(ctx context.Context, f state.Feed) error {
	if err := firstErr(required("feed URL", f.URL), noNUL("guild ID", f.GuildID), noNUL("added in", f.AddedIn), noNUL("added by", f.AddedBy)); err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO feeds (guild_id, url, added_in, added_by, added) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT DO NOTHING`, f.GuildID, f.URL, f.AddedIn, f.AddedBy, s.stamp(f.Added))
	if err != nil {
		return s.fail(ctx, "add feed", err)
	}
	if tag.RowsAffected() == 0 {
		return claimbot.Errorf(claimbot.ECONFLICT, "feed %s is already subscribed", f.URL)
	}
	return nil
}

// ListFeeds implements state.Store.
func (s *Store) ListFeeds(ctx context.Context, guildID string) ([]state.Feed, error) {
	if err := noNUL("guild ID", guildID); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds WHERE guild_id = $1 ORDER BY url COLLATE "C"`, guildID)
	if err != nil {
		return nil, s.fail(ctx, "list feeds", err)
	}
	out, err := scanFeeds(rows)
	return out, s.fail(ctx, "list feeds", err)
}

// AllFeeds implements state.Store.
func (s *Store) AllFeeds(ctx context.Context) ([]state.Feed, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY guild_id COLLATE "C", url COLLATE "C"`)
	if err != nil {
		return nil, s.fail(ctx, "list feeds", err)
	}
	out, err := scanFeeds(rows)
	return out, s.fail(ctx, "list feeds", err)
}

// RemoveFeed implements state.Store: the feed and its items go in one
// transaction.
func (s *Store) RemoveFeed(ctx context.Context, guildID, url string) error {
	if err := firstErr(required("feed URL", url), noNUL("guild ID", guildID)); err != nil {
		return err
	}
	return s.inTx(ctx, "remove feed", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM feeds WHERE guild_id = $1 AND url = $2`, guildID, url)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return claimbot.Errorf(claimbot.ENOTFOUND, "no feed %s is subscribed", url)
		}
		_, err = tx.Exec(ctx, `DELETE FROM feed_items WHERE guild_id = $1 AND feed = $2`, guildID, url)
		return err
	})
}

// SetFeedCursor implements state.Store.
func (s *Store) SetFeedCursor(ctx context.Context, guildID, url string, c state.FeedCursor) error {
	if err := firstErr(required("feed URL", url), noNUL("guild ID", guildID), noNUL("ETag", c.ETag),
		noNUL("Last-Modified", c.LastModified), noNUL("error", c.LastError), noNUL("error code", c.LastErrorCode), noNUL("error text", c.LastErrorText)); err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `UPDATE feeds SET etag = $3, last_modified = $4, last_poll = $5, last_error = $6, last_error_code = $7, last_error_text = $8
		WHERE guild_id = $1 AND url = $2`, guildID, url, c.ETag, c.LastModified, tz(c.LastPoll), c.LastError, c.LastErrorCode, c.LastErrorText)
	if err != nil {
		return s.fail(ctx, "set feed cursor", err)
	}
	if tag.RowsAffected() == 0 {
		return claimbot.Errorf(claimbot.ENOTFOUND, "no feed %s is subscribed", url)
	}
	return nil
}

const itemColumns = `guild_id, feed, link, title, status, article_id, attempts, last_error, next_attempt, updated, at, last_error_code, last_error_text`

func scanItems(rows pgx.Rows) ([]state.FeedItem, error) {
	var out []state.FeedItem
	var it state.FeedItem
	var next, updated pgtype.Timestamptz
	_, err := pgx.ForEachRow(rows, []any{&it.GuildID, &it.Feed, &it.Link, &it.Title, &it.Status, &it.ArticleID, &it.Attempts, &it.LastError, &next, &updated, &it.At, &it.LastErrorCode, &it.LastErrorText}, func() error {
		q := it
		q.NextAttempt, q.Updated, q.At = fromTZ(next), fromTZ(updated), utc(q.At)
		out = append(out, q)
		return nil
	})
	return out, err
}

// FeedItem implements state.Store.
func (s *Store) FeedItem(ctx context.Context, guildID, link string) (state.FeedItem, bool, error) {
	if err := firstErr(required("item link", link), noNUL("guild ID", guildID)); err != nil {
		return state.FeedItem{}, false, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+itemColumns+` FROM feed_items WHERE guild_id = $1 AND link = $2`, guildID, link)
	if err != nil {
		return state.FeedItem{}, false, s.fail(ctx, "read feed item", err)
	}
	items, err := scanItems(rows)
	if err != nil || len(items) == 0 {
		return state.FeedItem{}, false, s.fail(ctx, "read feed item", err)
	}
	return items[0], true, nil
}

// PutFeedItem implements state.Store.
func (s *Store) PutFeedItem(ctx context.Context, it state.FeedItem) error {
	if err := firstErr(required("item link", it.Link), required("item feed", it.Feed), noNUL("guild ID", it.GuildID),
		noNUL("title", it.Title), noNUL("article ID", it.ArticleID), noNUL("error", it.LastError),
		noNUL("error code", it.LastErrorCode), noNUL("error text", it.LastErrorText)); err != nil {
		return err
	}
	if err := state.ValidItemStatus(it.Status); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feed_items (`+itemColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (guild_id, link) DO UPDATE SET feed = EXCLUDED.feed, title = EXCLUDED.title, status = EXCLUDED.status,
			article_id = EXCLUDED.article_id, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
			last_error_code = EXCLUDED.last_error_code, last_error_text = EXCLUDED.last_error_text,
			next_attempt = EXCLUDED.next_attempt, updated = EXCLUDED.updated, at = EXCLUDED.at`,
		it.GuildID, it.Feed, it.Link, it.Title, it.Status, it.ArticleID, it.Attempts, it.LastError, tz(it.NextAttempt), tz(it.Updated), s.stamp(it.At),
		it.LastErrorCode, it.LastErrorText)
	return s.fail(ctx, "write feed item", err)
}

// FeedItems implements state.Store.
func (s *Store) FeedItems(ctx context.Context, guildID, feedURL string) ([]state.FeedItem, error) {
	if err := firstErr(required("feed URL", feedURL), noNUL("guild ID", guildID)); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+itemColumns+` FROM feed_items WHERE guild_id = $1 AND feed = $2 AND status IN ($3, $4)
		ORDER BY at, link COLLATE "C"`, guildID, feedURL, state.ItemFailed, state.ItemGaveUp)
	if err != nil {
		return nil, s.fail(ctx, "list feed items", err)
	}
	out, err := scanItems(rows)
	return out, s.fail(ctx, "list feed items", err)
}
