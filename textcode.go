package claimbot

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/claimbot/claimbot/l10n"
)

// A Text is kept, in the state store, as what it is rather than as the
// words of one language: its catalogue message's key and its arguments,
// so it is rendered when it is read, in the reader's language. The form is
// JSON, {"m": key, "a": [arg, …]}, with each argument tagged by its kind
// ({"s": string}, {"d": integer}, {"f": float} or {"t": Text}), so an
// integer given to %d comes back an integer.

type storedText struct {
	M string      `json:"m"`
	A []storedArg `json:"a,omitempty"`
}

type storedArg struct {
	S *string     `json:"s,omitempty"`
	D *int64      `json:"d,omitempty"`
	F *float64    `json:"f,omitempty"`
	T *storedText `json:"t,omitempty"`
}

func (t Text) stored() storedText {
	st := storedText{M: t.Msg.Key()}
	for _, a := range t.Args {
		var sa storedArg
		switch v := a.(type) {
		case Text:
			s := v.stored()
			sa.T = &s
		case string:
			sa.S = &v
		case int:
			d := int64(v)
			sa.D = &d
		case int64:
			sa.D = &v
		case int32:
			d := int64(v)
			sa.D = &d
		case uint:
			d := int64(v)
			sa.D = &d
		case float64:
			sa.F = &v
		case float32:
			f := float64(v)
			sa.F = &f
		default: // anything else as fmt renders it
			s := fmt.Sprint(v)
			sa.S = &s
		}
		st.A = append(st.A, sa)
	}
	return st
}

// Encode returns t in the form the state store keeps, "" for the zero
// Text. DecodeText reads it back.
func (t Text) Encode() string {
	if t.IsZero() {
		return ""
	}
	b, err := json.Marshal(t.stored())
	if err != nil { // cannot happen: strings and numbers only
		return ""
	}
	return string(b)
}

// DecodeText reads a Text that Encode wrote. ok is false for "", for
// anything else Encode does not write, and for a message (or a message
// among its arguments) that this program's catalogue does not declare:
// one a later version changed or removed. The caller then shows what it
// kept besides (the English message, what the error's code means).
func DecodeText(s string) (t Text, ok bool) {
	if s == "" {
		return Text{}, false
	}
	var st storedText
	if err := json.Unmarshal([]byte(s), &st); err != nil {
		return Text{}, false
	}
	return st.text()
}

func (st storedText) text() (Text, bool) {
	m, ok := l10n.Lookup(st.M)
	if !ok {
		return Text{}, false
	}
	t := Text{Msg: m}
	for _, a := range st.A {
		switch {
		case a.T != nil:
			at, ok := a.T.text()
			if !ok {
				return Text{}, false
			}
			t.Args = append(t.Args, at)
		case a.S != nil:
			t.Args = append(t.Args, *a.S)
		case a.D != nil:
			t.Args = append(t.Args, int(*a.D))
		case a.F != nil:
			t.Args = append(t.Args, *a.F)
		default:
			return Text{}, false
		}
	}
	return t, true
}

// TextOf is err's message for people: the Text of the first application
// error in its chain that has one (as ErrorText renders it), the zero
// Text when none has.
func TextOf(err error) Text {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if ae, ok := e.(*Error); ok && !ae.Text.IsZero() {
			return ae.Text
		}
	}
	return Text{}
}

// KeptError is an error as the state store keeps it: its code, its
// English message and its Text encoded, so it can be said in the
// language of whoever reads it later. Keep splits an error into one;
// Err puts it back together.
type KeptError struct {
	Code, Message, Text string
}

// Keep is err as the state store keeps it; the zero KeptError for nil.
func Keep(err error) KeptError {
	if err == nil {
		return KeptError{}
	}
	return KeptError{Code: ErrorCode(err), Message: ErrorMessage(err), Text: TextOf(err).Encode()}
}

// Err is the kept error again, for ErrorText and whatever else turns
// errors into text for people; nil when nothing was kept. A record from
// before codes were kept has only its English message: its code is "".
func (k KeptError) Err() error {
	if k == (KeptError{}) {
		return nil
	}
	e := &Error{Code: k.Code, Message: k.Message}
	if t, ok := DecodeText(k.Text); ok {
		e.Text = t
	}
	return e
}
