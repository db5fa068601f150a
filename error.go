// Package claimbot holds the vocabulary shared by all of claimbot's packages:
// the application error type and its codes. Packages below it return these
// errors; the command line and the Discord adapter turn them into text for
// people in one place each.
package claimbot

import (
	"errors"
	"fmt"

	"github.com/claimbot/claimbot/l10n"
)

// Error codes. They say what the user can do about a failure, not where it
// happened.
const (
	EINVALID     = "invalid"     // the input is wrong; fix it and retry
	ENOTFOUND    = "not_found"   // the thing asked for does not exist
	ECONFLICT    = "conflict"    // already exists / already running
	EFORBIDDEN   = "forbidden"   // the caller may not do this
	ERATELIMIT   = "rate_limit"  // too many requests; retry later
	EUNAVAILABLE = "unavailable" // a dependency is down or locked; retry later
	ETIMEOUT     = "timeout"     // the work took too long
	EINTERNAL    = "internal"    // a bug or an unexpected failure
)

// Error is an application error: a code for programs and a message that is
// safe to show to a user. Err, when set, is the underlying cause for logs.
type Error struct {
	Code    string
	Message string
	Err     error
	// Text is the message for people as a catalogue message, for readers
	// of any language (ErrorText); Message stays the English one for logs
	// and programs. Zero when the error has none yet.
	Text Text
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an application error whose message is the formatted text.
// A %w verb keeps the cause reachable through errors.Is and errors.As.
func Errorf(code, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

func (e *Error) Error() string { return e.Message }

// ErrorCode returns the code of the first application error in err's chain,
// EINTERNAL for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of the first application
// error in err's chain; other errors get a generic message so internals never
// reach users.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Message != "":
		return e.Message
	default:
		return "internal error"
	}
}

// Text is a catalogue message with its arguments, rendered when it is
// shown, in the reader's language. Arguments that are Texts themselves
// (a reason inside a refusal) are rendered in the same language.
type Text struct {
	Msg  l10n.Msg
	Args []any
}

// T is a Text.
func T(m l10n.Msg, args ...any) Text { return Text{Msg: m, Args: args} }

// IsZero reports whether t has no message.
func (t Text) IsZero() bool { return t.Msg == (l10n.Msg{}) }

// In renders t in l.
func (t Text) In(l l10n.Lang) string {
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if at, ok := a.(Text); ok {
			a = at.In(l)
		}
		args[i] = a
	}
	return l.T(t.Msg, args...)
}

// String is t in English.
func (t Text) String() string { return t.In(l10n.EN) }

// Say gives e its message for people (Text) and returns e, so an error is
// made in one expression:
//
//	claimbot.Errorf(claimbot.EINVALID, "%q is not an absolute URL", s).Say(msgNotAbsolute, s)
func (e *Error) Say(m l10n.Msg, args ...any) *Error {
	e.Text = T(m, args...)
	return e
}

// ErrorText is the message for people of err in l: the Text of the first
// application error in its chain that has one. An error that wraps a more
// specific one ("nothing added: …" around why) thus says why. Without any,
// it is ErrorMessage in English and "" in other languages, where the
// caller says what the code means instead: English developer text must
// not reach a German reply.
func ErrorText(err error, l l10n.Lang) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if ae, ok := e.(*Error); ok && !ae.Text.IsZero() {
			return ae.Text.In(l)
		}
	}
	if l == l10n.EN {
		return ErrorMessage(err)
	}
	return ""
}
