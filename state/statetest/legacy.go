package statetest

import (
	"context"
	"testing"
	"time"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
	"github.com/claimbot/claimbot/state"
)

// msgTestUnavailable is the text of the errors the suite keeps.
var msgTestUnavailable = l10n.New("statetest: %s is unavailable (the server answered %d)", "statetest: %s ist nicht verfügbar (der Server antwortete %d)")

// keptError is an error as the feed poller keeps one.
func keptError(url string) claimbot.KeptError {
	return claimbot.Keep(claimbot.Errorf(claimbot.EUNAVAILABLE, "%s is unavailable (the server answered 503)", url).Say(msgTestUnavailable, url, 503))
}

// A feed and an item as the stores kept them before they kept errors'
// codes and texts (state.FeedCursor.LastErrorCode and LastErrorText):
// the English message only.
var (
	LegacyFeed = state.Feed{URL: "https://alt.example/rss", GuildID: "g1", AddedBy: "u1", Added: t0,
		FeedCursor: state.FeedCursor{ETag: `"v1"`, LastPoll: t0.Add(time.Hour), LastError: "https://alt.example/rss is unavailable (the server answered 503 Service Unavailable); try again later"}}
	LegacyItem = state.FeedItem{GuildID: "g1", Feed: LegacyFeed.URL, Link: "https://alt.example/1", Title: "Eins", Status: state.ItemFailed,
		Attempts: 2, LastError: "https://alt.example/1 is not an article: it has only 13 characters of text (at least 300 needed)",
		NextAttempt: t0.Add(2 * time.Hour), At: t0.Add(time.Hour)}
)

// RunLegacyFeedErrors checks that a store opened on the feed and item
// rows of an earlier schema (LegacyFeed and LegacyItem, which seed writes
// in the implementation's old form, and then opens the store on them, so
// it migrates them) reads them with their English message and no code or
// text, so what they say is still shown, and that a code and text written
// since are kept.
func RunLegacyFeedErrors(t *testing.T, seed func(t *testing.T, f state.Feed, it state.FeedItem) state.Store) {
	t.Helper()
	ctx := context.Background()
	s := seed(t, LegacyFeed, LegacyItem)
	feeds, err := s.ListFeeds(ctx, LegacyFeed.GuildID)
	must(t, err)
	if len(feeds) != 1 {
		t.Fatalf("ListFeeds = %+v, want the old feed", feeds)
	}
	if got := feeds[0].FeedCursor; got.LastError != LegacyFeed.LastError || got.LastErrorCode != "" || got.LastErrorText != "" || got.ETag != LegacyFeed.ETag {
		t.Errorf("old feed's cursor = %+v, want its English error only", got)
	}
	it, ok, err := s.FeedItem(ctx, LegacyItem.GuildID, LegacyItem.Link)
	must(t, err)
	if !ok || it.LastError != LegacyItem.LastError || it.LastErrorCode != "" || it.LastErrorText != "" || it.Attempts != 2 {
		t.Errorf("old item = %+v, %v; want its English error only", it, ok)
	}
	for what, err := range map[string]error{"feed": feeds[0].Err(), "item": it.Err()} {
		if claimbot.ErrorMessage(err) == "" || claimbot.ErrorCode(err) != "" {
			t.Errorf("old %s's error = %v (code %q); want its English words and no code", what, err, claimbot.ErrorCode(err))
		}
	}

	// What the poller writes now keeps its code and text.
	k := keptError(LegacyFeed.URL)
	cur := state.FeedCursor{LastPoll: t0.Add(3 * time.Hour), LastError: k.Message, LastErrorCode: k.Code, LastErrorText: k.Text}
	must(t, s.SetFeedCursor(ctx, LegacyFeed.GuildID, LegacyFeed.URL, cur))
	it.LastError, it.LastErrorCode, it.LastErrorText = k.Message, k.Code, k.Text
	must(t, s.PutFeedItem(ctx, it))
	feeds, err = s.ListFeeds(ctx, LegacyFeed.GuildID)
	must(t, err)
	if got := feeds[0].FeedCursor; got.LastErrorCode != claimbot.EUNAVAILABLE || got.LastErrorText != k.Text || got.LastError != k.Message {
		t.Errorf("new cursor = %+v, want code %s and text %s", got, k.Code, k.Text)
	}
	if got, _, _ := s.FeedItem(ctx, it.GuildID, it.Link); got.LastErrorCode != claimbot.EUNAVAILABLE || got.LastErrorText != k.Text {
		t.Errorf("new item = %+v, want code %s and text %s", got, k.Code, k.Text)
	}
}
