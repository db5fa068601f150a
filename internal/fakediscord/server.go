package fakediscord

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Fixed snowflakes for the fake's own application and bot user. They differ
// on purpose (as they do for older Discord apps) so that a bot confusing the
// two is caught.
const (
	appID     = "1290000000000000001"
	botUserID = "1290000000000000002"
	botName   = "claimbot"
)

// Server is a fake Discord: REST API and gateway on one httptest.Server.
// All methods are safe for concurrent use.
type Server struct {
	t       testing.TB
	cfg     config
	http    *httptest.Server
	spec    *spec // nil when the OpenAPI document is absent
	ids     snowflakes
	changed broadcast
	gw      *gateway

	closeOnce sync.Once

	mu           sync.Mutex
	requests     []Request
	violations   []Violation
	injections   []*injection
	channels     map[string]*discordgo.Channel
	roles        map[string][]*discordgo.Role // by guild ID; default: @everyone may view, send and embed
	botRoles     map[string][]string          // the bot member's roles, by guild ID
	lastGuild    string                       // the guild of the latest interaction
	channelMsgs  map[string][]*message        // by channel ID, in creation order
	interactions map[string]*interaction
	commands     map[string][]map[string]any // by guild ID, "" = global
}

// Request is one REST request the bot sent, as the fake received it.
type Request struct {
	Method string
	Path   string // as sent, e.g. "/api/v9/channels/1/messages"
	Query  url.Values
	Header http.Header
	// Body is the JSON body. For multipart/form-data requests (discordgo
	// uses them when files are attached) it is the payload_json part and the
	// file parts are in Files.
	Body  []byte
	Files []File

	// Operation is the operationId Discord's OpenAPI document gives the
	// route, e.g. "create_interaction_response"; "" for unknown routes.
	Operation string
	// Params are the path parameters by the document's names, e.g.
	// "channel_id", "interaction_token".
	Params map[string]string
	// Status is the HTTP status the fake answered with.
	Status int
}

// File is one file part of a multipart request.
type File struct {
	Field, Name, ContentType string
	Data                     []byte
}

// Decode unmarshals the request's JSON body into v.
func (r Request) Decode(v any) error { return json.Unmarshal(r.Body, v) }

// Op matches requests for any of the given operationIds, for WaitFor and
// Inject: Op("create_interaction_response"), Op("create_message").
func Op(operationIDs ...string) func(Request) bool {
	return func(r Request) bool { return slices.Contains(operationIDs, r.Operation) }
}

// Violation is a request (or gateway payload) that Discord would refuse or
// that breaks the team's rules.
type Violation struct {
	Method, Path string
	Operation    string
	Reason       string
}

func (v Violation) String() string {
	// Interaction tokens make paths unreadable; a prefix identifies them.
	segs := strings.Split(v.Path, "/")
	for i, s := range segs {
		if len(s) > 40 {
			segs[i] = s[:12] + "…"
		}
	}
	return fmt.Sprintf("%s %s (%s): %s", v.Method, strings.Join(segs, "/"), v.Operation, v.Reason)
}

// Option configures New.
type Option func(*config)

type config struct {
	collect  bool
	guilds   []string
	now      func() time.Time
	specPath string
}

// CollectViolations makes violations only recorded (see Server.Violations)
// instead of failing the test; for tests that provoke them on purpose.
func CollectViolations() Option { return func(c *config) { c.collect = true } }

// Guilds sets the guilds the bot is in: listed in READY, announced with
// GUILD_CREATE (with the GUILDS intent), and the only ones whose command
// routes answer (others get Discord's 403). The default is DefaultGuildID.
func Guilds(ids ...string) Option { return func(c *config) { c.guilds = ids } }

// Clock sets the source of message timestamps (default time.Now).
func Clock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// SpecPath overrides where the OpenAPI document is read from; the default
// is <repo>/../shared/discord-api-spec/openapi.json.
func SpecPath(path string) Option { return func(c *config) { c.specPath = path } }

// New starts a fake Discord on 127.0.0.1; t.Cleanup closes it.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	cfg := config{guilds: []string{DefaultGuildID}, now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{
		t:            t,
		cfg:          cfg,
		ids:          snowflakes{worker: 1},
		channels:     map[string]*discordgo.Channel{},
		roles:        map[string][]*discordgo.Role{},
		botRoles:     map[string][]string{},
		channelMsgs:  map[string][]*message{},
		interactions: map[string]*interaction{},
		commands:     map[string][]map[string]any{},
	}
	s.gw = newGateway(s)
	s.spec = specFor(t, cfg.specPath)

	mux := http.NewServeMux()
	mux.HandleFunc("/api/", s.serveREST)
	for _, p := range []string{gatewayPath, resumePath} {
		mux.HandleFunc(p, s.gw.serve)
		mux.HandleFunc(p+"/", s.gw.serve)
	}
	mux.HandleFunc("/", s.serveREST) // reports the unknown route
	s.http = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// Close shuts the gateway and the REST server down. New registers it with
// t.Cleanup; calling it earlier is allowed.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.gw.shutdown()
		s.http.Close()
	})
}

// URL is the fake's base URL, e.g. http://127.0.0.1:PORT. A RoundTripper
// that rewrites https://discord.com to it sends a session's REST calls here.
func (s *Server) URL() string { return s.http.URL }

// AppID is the fake application's ID (interactions carry it; webhooks and
// command routes must use it).
func (s *Server) AppID() string { return appID }

// BotUserID is the bot user's ID (READY, GET /users/@me, message authors).
func (s *Server) BotUserID() string { return botUserID }

// Requests returns every REST request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// WaitFor returns the first request, already received or still to come,
// that match accepts. It fails when ctx ends first.
func (s *Server) WaitFor(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	err := s.waitUntil(ctx, "waiting for a matching request", func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	return found, err
}

// Violations returns what the validator found so far. With
// CollectViolations they do not fail the test, so a test can assert on them.
func (s *Server) Violations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// AddChannel makes GET /channels/{id} answer with ch instead of a made-up
// guild text channel.
func (s *Server) AddChannel(ch *discordgo.Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[ch.ID] = ch
}

// SetGuildRoles makes GET /guilds/{id}/roles answer with roles instead of
// an @everyone role that may view channels, send messages and embed links.
func (s *Server) SetGuildRoles(guildID string, roles []*discordgo.Role) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.roles[guildID] = roles
}

// SetBotRoles sets the roles of the bot's member in a guild (GET
// /guilds/{id}/members/{bot}).
func (s *Server) SetBotRoles(guildID string, roleIDs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.botRoles[guildID] = roleIDs
}

// Messages returns the messages the bot created in a channel through
// POST /channels/{id}/messages, as they are now (edits applied, deleted ones
// left out). Interaction responses are in InteractionMessages.
func (s *Server) Messages(channelID string) []discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []discordgo.Message
	for _, m := range s.channelMsgs[channelID] {
		if !m.deleted {
			out = append(out, m.decode())
		}
	}
	return out
}

// InteractionResponses returns the requests answering one interaction: its
// callback, edits of @original and follow-ups, oldest first.
func (s *Server) InteractionResponses(token string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if r.Params["interaction_token"] == token || r.Params["webhook_token"] == token {
			out = append(out, r)
		}
	}
	return out
}

// InteractionMessages returns the messages a user sees for one
// interaction: the original response (if the callback created one) and then
// the follow-ups, as they are now.
func (s *Server) InteractionMessages(token string) []discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil {
		return nil
	}
	var out []discordgo.Message
	for _, m := range append([]*message{in.original}, in.followups...) {
		if m != nil && !m.deleted {
			out = append(out, m.decode())
		}
	}
	return out
}

// RegisteredCommands returns the commands registered for a guild ("" =
// global), as the fake answered them (with IDs).
func (s *Server) RegisteredCommands(guildID string) []discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []discordgo.ApplicationCommand
	for _, c := range s.commands[guildID] {
		var cmd discordgo.ApplicationCommand
		b, _ := json.Marshal(c)
		if err := json.Unmarshal(b, &cmd); err != nil {
			s.t.Errorf("fakediscord: stored command does not decode: %v", err)
		}
		out = append(out, cmd)
	}
	return out
}

// violate records a violation and, unless CollectViolations, fails the test.
func (s *Server) violate(method, path, op, reason string) {
	v := Violation{Method: method, Path: path, Operation: op, Reason: reason}
	s.mu.Lock()
	s.violations = append(s.violations, v)
	s.mu.Unlock()
	s.changed.notify()
	if s.cfg.collect {
		s.t.Logf("fakediscord: violation (collected): %s", v)
		return
	}
	s.t.Errorf("fakediscord: %s", v)
}

// waitUntil blocks until cond holds, re-checking whenever the fake's state
// changes.
func (s *Server) waitUntil(ctx context.Context, what string, cond func() bool) error {
	for {
		ch := s.changed.wait() // taken before checking, so no change is missed
		if cond() {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("fakediscord: %s: %w", what, ctx.Err())
		case <-ch:
		}
	}
}

// broadcast wakes every waiter whenever the fake's state changes.
type broadcast struct {
	mu sync.Mutex
	ch chan struct{}
}

func (b *broadcast) wait() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ch == nil {
		b.ch = make(chan struct{})
	}
	return b.ch
}

func (b *broadcast) notify() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ch != nil {
		close(b.ch)
		b.ch = nil
	}
}

// botUser is the bot's user object as Discord returns it.
func botUser() map[string]any {
	return map[string]any{
		"id": botUserID, "username": botName, "global_name": nil, "discriminator": "0",
		"avatar": nil, "bot": true, "system": false, "mfa_enabled": true,
		"verified": true, "flags": 0, "public_flags": 524288, "banner": nil, "accent_color": nil,
	}
}

// homeGuild is the first guild the bot is in ("" with Guilds()); made-up
// channels belong to it.
func (s *Server) homeGuild() string {
	if len(s.cfg.guilds) == 0 {
		return ""
	}
	return s.cfg.guilds[0]
}

// apiPath strips the /api/vN prefix; ok is false for other versions.
func apiPath(p string) (rest string, ok bool) {
	for _, v := range []string{"/api/v9/", "/api/v10/"} {
		if strings.HasPrefix(p, v) {
			return "/" + strings.TrimPrefix(p, v), true
		}
	}
	return p, false
}
