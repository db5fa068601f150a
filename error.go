// Package claimbot holds the vocabulary shared by all of claimbot's packages:
// the application error type and its codes. Packages below it return these
// errors; the command line and the Discord adapter turn them into text for
// people in one place each.
package claimbot

import (
	"errors"
	"fmt"
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
