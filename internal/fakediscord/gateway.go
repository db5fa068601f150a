package fakediscord

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

const (
	// gatewayPath is what GET /gateway hands out; discordgo appends "/" and
	// "?v=9&encoding=json". resumePath is READY's resume_gateway_url
	// (discordgo v0.29.0 ignores it and resumes on gatewayPath).
	gatewayPath = "/gateway"
	resumePath  = "/gateway-resume"

	heartbeatIntervalMS = 41250 // Discord's usual value

	// Privileged intents need a switch in the developer portal; the bot
	// must not ask for them (Discord closes with 4014 when not enabled).
	privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

	writeTimeout = 10 * time.Second // guards against a client that stopped reading
)

// gateway is the websocket side of the fake: one session at a time, which
// is what a single-shard bot has.
type gateway struct {
	s        *Server
	upgrader websocket.Upgrader
	wg       sync.WaitGroup // connection handlers, waited for on shutdown

	mu          sync.Mutex
	closed      bool
	conns       map[*gwConn]bool
	live        *gwConn // receives dispatches; nil while disconnected
	session     *gwSession
	pending     []pendingEvent // dispatched before the first READY
	identify    *discordgo.Identify
	readies     int // READYs sent
	drops       int // DropGateway calls
	resumedDrop int // drops as of the last accepted RESUME
	sessions    int
	log         []string // what happened, for error messages
}

type gwSession struct {
	id       string
	seq      int64
	compress bool
	events   []frame // dispatches, replayed on RESUME
}

type pendingEvent struct {
	name string
	data json.RawMessage
}

// frame is a gateway payload. Discord sends "s" and "t" as null outside
// dispatches, so they are pointers without omitempty.
type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

type gwConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	path    string
	version int
	authed  bool // IDENTIFY or RESUME accepted on this connection
}

func newGateway(s *Server) *gateway {
	return &gateway{
		s:        s,
		upgrader: websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		conns:    map[*gwConn]bool{},
	}
}

func (g *gateway) url(path string) string {
	return "ws://" + strings.TrimPrefix(g.s.http.URL, "http://") + path
}

func (g *gateway) logf(format string, args ...any) {
	g.log = append(g.log, fmt.Sprintf(format, args...))
}

func (g *gateway) history() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.log) == 0 {
		return "nothing happened on the gateway"
	}
	return "gateway so far: " + strings.Join(g.log, "; ")
}

func (g *gateway) violate(reason string) {
	g.s.violate("GATEWAY", gatewayPath, "gateway", reason)
}

func (g *gateway) shutdown() {
	g.mu.Lock()
	g.closed = true
	for c := range g.conns {
		c.ws.Close()
	}
	g.mu.Unlock()
	g.wg.Wait()
}

// serve runs one websocket connection from upgrade to close.
func (g *gateway) serve(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		http.Error(w, "fake Discord is shut down", http.StatusServiceUnavailable)
		return
	}
	g.wg.Add(1)
	g.mu.Unlock()
	defer g.wg.Done()

	ws, err := g.upgrader.Upgrade(w, r, nil)
	if err != nil {
		g.violate("websocket upgrade failed: " + err.Error())
		return
	}
	version, _ := strconv.Atoi(r.URL.Query().Get("v"))
	c := &gwConn{ws: ws, path: r.URL.Path, version: version}
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		ws.Close()
		return
	}
	g.conns[c] = true
	g.logf("connect %s?%s", r.URL.Path, r.URL.RawQuery)
	g.mu.Unlock()
	g.s.changed.notify()
	defer func() {
		g.mu.Lock()
		delete(g.conns, c)
		if g.live == c {
			g.live = nil
		}
		g.mu.Unlock()
		ws.Close()
		g.s.changed.notify()
	}()

	if version != 9 && version != 10 {
		g.violate(fmt.Sprintf("gateway URL asks for API version %q; Discord serves 9 and 10", r.URL.Query().Get("v")))
		g.closeWith(c, 4012, "Invalid API version.")
		return
	}
	if enc := r.URL.Query().Get("encoding"); enc != "json" {
		g.violate(fmt.Sprintf("gateway encoding %q; the fake speaks json only", enc))
		g.closeWith(c, 4002, "Error while decoding payload.")
		return
	}
	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": heartbeatIntervalMS, "_trace": []string{`["gateway-fake",{"micros":0}]`}})
	if g.send(c, frame{Op: 10, D: hello}, false) != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return // dropped, closed by the client, or shut down
		}
		var f frame
		if err := json.Unmarshal(data, &f); err != nil {
			g.violate("gateway payload is not JSON: " + err.Error())
			g.closeWith(c, 4002, "Error while decoding payload.")
			return
		}
		if !g.handle(c, f) {
			return
		}
	}
}

// handle answers one client payload; false ends the connection.
func (g *gateway) handle(c *gwConn, f frame) bool {
	switch f.Op {
	case 1: // HEARTBEAT
		return g.send(c, frame{Op: 11, D: json.RawMessage("null")}, g.compressed(c)) == nil
	case 2:
		return g.onIdentify(c, f.D)
	case 6:
		return g.onResume(c, f.D)
	case 3, 4, 8: // presence, voice state, request guild members: accepted, ignored
		if !c.authed {
			g.violate(fmt.Sprintf("op %d before IDENTIFY", f.Op))
			g.closeWith(c, 4003, "Not authenticated.")
			return false
		}
		g.mu.Lock()
		g.logf("op %d", f.Op)
		g.mu.Unlock()
		return true
	}
	g.violate(fmt.Sprintf("unknown gateway opcode %d", f.Op))
	g.closeWith(c, 4001, "Unknown opcode.")
	return false
}

func (g *gateway) onIdentify(c *gwConn, d json.RawMessage) bool {
	if c.authed {
		g.violate("second IDENTIFY on one connection")
		g.closeWith(c, 4005, "Already authenticated.")
		return false
	}
	// Not decoded into discordgo.Identify: its presence.game does not
	// round-trip (created_at is marshalled as a string, read as int64).
	var raw struct {
		Token          string                       `json:"token"`
		Properties     discordgo.IdentifyProperties `json:"properties"`
		Compress       bool                         `json:"compress"`
		LargeThreshold int                          `json:"large_threshold"`
		Shard          *[2]int                      `json:"shard"`
		Intents        *discordgo.Intent            `json:"intents"`
	}
	if err := json.Unmarshal(d, &raw); err != nil {
		g.violate("IDENTIFY does not decode: " + err.Error())
		g.closeWith(c, 4002, "Error while decoding payload.")
		return false
	}
	if raw.Intents == nil {
		g.violate("IDENTIFY without intents (required since gateway v8)")
		g.closeWith(c, 4013, "Invalid intent(s).")
		return false
	}
	id := discordgo.Identify{
		Token: raw.Token, Properties: raw.Properties, Compress: raw.Compress,
		LargeThreshold: raw.LargeThreshold, Shard: raw.Shard, Intents: *raw.Intents,
	}
	g.mu.Lock()
	g.identify = &id
	g.logf("IDENTIFY intents=%d", id.Intents)
	g.mu.Unlock()

	if strings.TrimPrefix(id.Token, "Bot ") == "" {
		g.violate("IDENTIFY without a token")
		g.closeWith(c, 4004, "Authentication failed.")
		return false
	}
	if p := id.Intents & privilegedIntents; p != 0 {
		g.violate(fmt.Sprintf("IDENTIFY requests privileged intents %s (intents=%d); the bot must not need them", intentNames(p), id.Intents))
		g.closeWith(c, 4014, "Disallowed intent(s).")
		return false
	}
	if id.Shard != nil && (id.Shard[1] < 1 || id.Shard[0] >= id.Shard[1]) {
		g.violate(fmt.Sprintf("IDENTIFY with invalid shard %v", *id.Shard))
		g.closeWith(c, 4010, "Invalid shard.")
		return false
	}

	g.mu.Lock()
	defer g.mu.Unlock()
	g.sessions++
	sess := &gwSession{id: fmt.Sprintf("%032x", 0xfa4e0000+g.sessions), compress: id.Compress}
	g.session, g.live, c.authed = sess, c, true

	ready := map[string]any{
		"v": c.version, "user": botUser(), "session_id": sess.id, "session_type": "normal",
		"resume_gateway_url": g.url(resumePath), "guilds": g.unavailableGuilds(),
		"application":      map[string]any{"id": appID, "flags": 0},
		"private_channels": []any{}, "relationships": []any{}, "presences": []any{},
		"guild_join_requests": []any{}, "geo_ordered_rtc_regions": []string{"rotterdam", "frankfurt"},
		"user_settings": map[string]any{}, "_trace": []string{`["gateway-fake",{"micros":0}]`},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	sess.seq++
	if g.send(c, dispatchFrame(sess.seq, "READY", mustJSON(ready)), sess.compress) != nil {
		return false
	}
	g.logf("READY session=%s", sess.id)
	if id.Intents&discordgo.IntentGuilds != 0 {
		for _, gid := range g.s.cfg.guilds {
			g.dispatchLocked("GUILD_CREATE", mustJSON(g.s.guildCreate(gid)))
		}
	}
	for _, p := range g.pending {
		g.dispatchLocked(p.name, p.data)
	}
	g.pending = nil
	g.readies++
	g.s.changed.notify()
	return true
}

func (g *gateway) onResume(c *gwConn, d json.RawMessage) bool {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &r); err != nil {
		g.violate("RESUME does not decode: " + err.Error())
		g.closeWith(c, 4002, "Error while decoding payload.")
		return false
	}
	g.mu.Lock()
	g.logf("RESUME session=%s seq=%d via %s", r.SessionID, r.Seq, c.path)
	sess := g.session
	if sess == nil || r.SessionID != sess.id || strings.TrimPrefix(r.Token, "Bot ") == "" {
		// Discord: op 9 Invalid Session, not resumable; the client must IDENTIFY.
		g.logf("INVALID_SESSION")
		g.mu.Unlock()
		return g.send(c, frame{Op: 9, D: json.RawMessage("false")}, false) == nil
	}
	if r.Seq > sess.seq {
		g.mu.Unlock()
		g.closeWith(c, 4007, "Invalid seq.")
		return false
	}
	defer g.mu.Unlock()
	g.live, c.authed = c, true
	for _, e := range sess.events {
		if *e.S > r.Seq {
			if g.send(c, e, sess.compress) != nil {
				return false
			}
		}
	}
	sess.seq++
	if g.send(c, dispatchFrame(sess.seq, "RESUMED", mustJSON(map[string]any{"_trace": []string{`["gateway-fake",{"micros":0}]`}})), sess.compress) != nil {
		return false
	}
	g.logf("RESUMED")
	g.resumedDrop = g.drops
	g.s.changed.notify()
	return true
}

// dispatch sends an event on the live connection, or keeps it for RESUME
// replay while the bot is disconnected, or for READY before the first one.
func (g *gateway) dispatch(name string, data json.RawMessage) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.session == nil {
		g.pending = append(g.pending, pendingEvent{name, data})
		return
	}
	g.dispatchLocked(name, data)
}

func (g *gateway) dispatchLocked(name string, data json.RawMessage) {
	sess := g.session
	sess.seq++
	f := dispatchFrame(sess.seq, name, data)
	sess.events = append(sess.events, f)
	g.logf("%s seq=%d", name, sess.seq)
	if g.live != nil {
		_ = g.send(g.live, f, sess.compress) // on failure the bot resumes and gets it replayed
	}
}

func dispatchFrame(seq int64, name string, data json.RawMessage) frame {
	return frame{Op: 0, D: data, S: &seq, T: &name}
}

func (g *gateway) compressed(c *gwConn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return c.authed && g.session != nil && g.session.compress
}

// send writes one payload. With compress (the client's IDENTIFY asked for
// it) it goes out as a zlib-compressed binary frame, which discordgo
// inflates; otherwise as a text frame.
func (g *gateway) send(c *gwConn, f frame, compress bool) error {
	data, err := json.Marshal(f)
	if err != nil {
		return err
	}
	typ := websocket.TextMessage
	if compress {
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		_, _ = zw.Write(data)
		_ = zw.Close()
		data, typ = buf.Bytes(), websocket.BinaryMessage
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
	return c.ws.WriteMessage(typ, data)
}

// closeWith sends a close frame with one of Discord's gateway close codes.
func (g *gateway) closeWith(c *gwConn, code int, text string) {
	g.mu.Lock()
	g.logf("close %d %s", code, text)
	g.mu.Unlock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(writeTimeout))
}

// unavailableGuilds is READY's guild list; GUILD_CREATE fills them in.
func (g *gateway) unavailableGuilds() []any {
	out := make([]any, len(g.s.cfg.guilds))
	for i, id := range g.s.cfg.guilds {
		out[i] = map[string]any{"id": id, "unavailable": true}
	}
	return out
}

// guildCreate is a small but complete GUILD_CREATE payload.
func (s *Server) guildCreate(guildID string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	channels := []any{}
	if guildID == s.homeGuild() {
		if _, custom := s.channels[DefaultChannelID]; !custom {
			channels = append(channels, map[string]any{
				"id": DefaultChannelID, "type": 0, "name": "general", "position": 0,
				"permission_overwrites": []any{}, "nsfw": false, "topic": nil, "parent_id": nil,
				"rate_limit_per_user": 0, "flags": 0, "last_message_id": nil,
			})
		}
	}
	for _, ch := range s.channels {
		if ch.GuildID == guildID {
			channels = append(channels, ch)
		}
	}
	return map[string]any{
		"id": guildID, "name": "Fake Guild " + guildID[len(guildID)-3:], "icon": nil, "owner_id": "1290000000000000003",
		"unavailable": false, "large": false, "member_count": 2, "joined_at": timestamp(s.cfg.now()),
		"preferred_locale": "de", "features": []any{}, "premium_tier": 0, "system_channel_id": nil,
		"verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
		"mfa_level": 0, "nsfw_level": 0, "afk_timeout": 300,
		"roles": []any{map[string]any{
			"id": guildID, "name": "@everyone", "permissions": strconv.FormatInt(DefaultPermissions, 10),
			"position": 0, "color": 0, "hoist": false, "managed": false, "mentionable": false, "flags": 0,
		}},
		"channels": channels, "threads": []any{}, "members": []any{}, "presences": []any{},
		"voice_states": []any{}, "emojis": []any{}, "stickers": []any{}, "stage_instances": []any{},
		"guild_scheduled_events": []any{}, "soundboard_sounds": []any{},
	}
}

func intentNames(i discordgo.Intent) string {
	var names []string
	for bit, name := range map[discordgo.Intent]string{
		discordgo.IntentGuildMembers:   "GUILD_MEMBERS",
		discordgo.IntentGuildPresences: "GUILD_PRESENCES",
		discordgo.IntentMessageContent: "MESSAGE_CONTENT",
	} {
		if i&bit != 0 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return strings.Join(names, "+")
}

// Dispatch sends a gateway DISPATCH (op 0) with the next sequence number,
// e.g. Dispatch("INTERACTION_CREATE", payload). data may be any value that
// encodes to JSON, or raw JSON ([]byte, json.RawMessage). Events dispatched
// before the first READY are sent right after it; events dispatched while
// the bot is disconnected are replayed when it RESUMEs, as Discord does.
func (s *Server) Dispatch(event string, data any) {
	var raw json.RawMessage
	switch d := data.(type) {
	case json.RawMessage:
		raw = d
	case []byte:
		raw = d
	case *discordgo.Interaction:
		raw = interactionJSON(d)
	case discordgo.Interaction:
		raw = interactionJSON(&d)
	case *discordgo.InteractionCreate:
		raw = interactionJSON(d.Interaction)
	default:
		raw = mustJSON(d)
	}
	if event == "INTERACTION_CREATE" {
		s.learnInteraction(raw)
	}
	s.gw.dispatch(event, raw)
}

// DropGateway cuts the live gateway connection without a close frame, as
// a network failure would. discordgo then reconnects and RESUMEs (after the
// one-second sleep in its Close); WaitResumed waits for that.
func (s *Server) DropGateway() {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.live == nil {
		s.t.Errorf("fakediscord: DropGateway: no live gateway connection (%s)", strings.Join(g.log, "; "))
		return
	}
	g.live.ws.Close()
	g.live = nil
	g.drops++
	g.logf("dropped")
}

// WaitReady waits until the bot has IDENTIFYed, got READY and is connected.
func (s *Server) WaitReady(ctx context.Context) error {
	err := s.waitUntil(ctx, "waiting for READY", func() bool {
		s.gw.mu.Lock()
		defer s.gw.mu.Unlock()
		return s.gw.readies > 0 && s.gw.live != nil
	})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, s.gw.history())
	}
	return nil
}

// WaitResumed waits until the bot has RESUMEd its session after the last
// DropGateway (a fresh IDENTIFY does not count).
func (s *Server) WaitResumed(ctx context.Context) error {
	err := s.waitUntil(ctx, "waiting for RESUME", func() bool {
		s.gw.mu.Lock()
		defer s.gw.mu.Unlock()
		return s.gw.drops > 0 && s.gw.resumedDrop == s.gw.drops && s.gw.live != nil
	})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, s.gw.history())
	}
	return nil
}

// Identify returns the last IDENTIFY payload the bot sent (token,
// intents, compress, shard, properties; not presence); false before the
// first.
func (s *Server) Identify() (discordgo.Identify, bool) {
	s.gw.mu.Lock()
	defer s.gw.mu.Unlock()
	if s.gw.identify == nil {
		return discordgo.Identify{}, false
	}
	return *s.gw.identify, true
}
