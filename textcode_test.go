package claimbot_test

import (
	"errors"
	"testing"

	"github.com/claimbot/claimbot"
	"github.com/claimbot/claimbot/l10n"
)

var (
	msgTestGone  = l10n.New("test: %s does not exist (the server answered %s)", "test: %s gibt es nicht (der Server antwortete %s)")
	msgTestShort = l10n.New("test: %s has only %d characters, %.1f%% of what is needed", "test: %s hat nur %d Zeichen, %.1f %% des Nötigen")
	msgTestRetry = l10n.Plural("test: %d item will be tried again; first: %s", "test: %d items will be tried again; first: %s",
		"test: %d Eintrag wird erneut versucht; zuerst: %s", "test: %d Einträge werden erneut versucht; zuerst: %s")
)

// TestTextKeptAndRead: a Text kept (Encode) and read back (DecodeText)
// says in each language what the Text said, numbers formatted as
// numbers and a Text among its arguments rendered in the same language;
// what cannot be read back is refused, so the caller shows what it kept
// besides.
func TestTextKeptAndRead(t *testing.T) {
	tests := []struct {
		name string
		text claimbot.Text
	}{
		{"strings", claimbot.T(msgTestGone, "https://a.example/x", "404 Not Found")},
		{"numbers", claimbot.T(msgTestShort, "https://a.example/x", 1234, 12.5)},
		{"a plural with a text inside", claimbot.T(msgTestRetry, 3, claimbot.T(msgTestShort, "https://a.example/y", 13, 4.0))},
		{"other kinds as fmt says them", claimbot.T(msgTestGone, errors.New("x"), 404)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept := tt.text.Encode()
			got, ok := claimbot.DecodeText(kept)
			if !ok {
				t.Fatalf("DecodeText(%s) failed", kept)
			}
			for _, l := range l10n.Langs {
				if want := tt.text.In(l); got.In(l) != want {
					t.Errorf("%s: %q, want %q (kept as %s)", l, got.In(l), want, kept)
				}
			}
		})
	}
	if (claimbot.Text{}).Encode() != "" {
		t.Error("the zero Text is kept as something")
	}
	for _, bad := range []string{"", "not json", `{"m":"test: no such message %s","a":[{"s":"x"}]}`,
		`{"m":"test: %d item will be tried again; first: %s","a":[{"d":1},{"t":{"m":"gone"}}]}`, `{"m":"test: %s does not exist (the server answered %s)","a":[{}]}`} {
		if _, ok := claimbot.DecodeText(bad); ok {
			t.Errorf("DecodeText(%q) succeeded", bad)
		}
	}
}

// TestKeptError: an error kept by Keep comes back from Err with its code,
// English message and text; a record from before codes were kept (only
// a message) comes back with no code and no text, and nothing kept is nil.
func TestKeptError(t *testing.T) {
	inner := claimbot.Errorf(claimbot.ENOTFOUND, "https://a.example/x does not exist (the server answered 404 Not Found)").Say(msgTestGone, "https://a.example/x", "404 Not Found")
	tests := []struct {
		name    string
		kept    claimbot.KeptError
		code    string
		message string
		de      string
	}{
		{"kept", claimbot.Keep(claimbot.Errorf(claimbot.EINVALID, "wrapped: %w", inner)), claimbot.EINVALID, "wrapped: https://a.example/x does not exist (the server answered 404 Not Found)",
			"test: https://a.example/x gibt es nicht (der Server antwortete 404 Not Found)"},
		{"no text", claimbot.Keep(claimbot.Errorf(claimbot.EUNAVAILABLE, "the disk is full")), claimbot.EUNAVAILABLE, "the disk is full", ""},
		{"from before codes", claimbot.KeptError{Message: "503 Service Unavailable"}, "", "503 Service Unavailable", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.kept.Err()
			if claimbot.ErrorCode(err) != tt.code || claimbot.ErrorMessage(err) != tt.message || claimbot.ErrorText(err, l10n.DE) != tt.de {
				t.Errorf("Err() = code %q, message %q, German %q; want %q, %q, %q", claimbot.ErrorCode(err), claimbot.ErrorMessage(err), claimbot.ErrorText(err, l10n.DE), tt.code, tt.message, tt.de)
			}
		})
	}
	if claimbot.Keep(nil) != (claimbot.KeptError{}) || (claimbot.KeptError{}).Err() != nil {
		t.Error("nothing kept is not nil")
	}
}
