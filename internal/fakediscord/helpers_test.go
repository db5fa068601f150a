package fakediscord_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot/internal/fakediscord"
)

// rewrite sends discordgo's https://discord.com requests to the fake and
// refuses every other host, so no test can reach the network.
type rewrite struct{ base *url.URL }

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return nil, fmt.Errorf("test transport: refusing request to %s", r.URL.Host)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rw.base.Scheme, rw.base.Host, rw.base.Host
	return http.DefaultTransport.RoundTrip(r)
}

// newSession is a discordgo session whose REST calls go to fake; Open
// connects it to the fake's gateway.
func newSession(t *testing.T, fake *fakediscord.Server) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: rewrite{base}, Timeout: 10 * time.Second}
	s.Identify.Intents = discordgo.IntentsGuilds
	s.LogLevel = -1 // discordgo logs errors by default; the tests assert instead
	return s
}

// testCtx bounds every wait; nothing in these tests sleeps.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// recordingTB stands in for a test's testing.TB so that tests can see what
// the fake reports (Errorf, Logf) without failing themselves.
type recordingTB struct {
	testing.TB
	mu           sync.Mutex
	errors, logs []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Logf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func (r *recordingTB) reported() (errors, logs []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...), append([]string(nil), r.logs...)
}

// violationsContaining returns the violations whose reason contains sub.
func violationsContaining(vs []fakediscord.Violation, sub string) []fakediscord.Violation {
	var out []fakediscord.Violation
	for _, v := range vs {
		if strings.Contains(v.Reason, sub) {
			out = append(out, v)
		}
	}
	return out
}
