package fakediscord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// route is one REST endpoint the fake implements. pattern uses the path
// template and op the operationId of Discord's OpenAPI document, so that
// Request.Operation means the same with or without the document.
type route struct {
	method, pattern, op string
	handle              func(*Server, *call) reply
}

// routes are tried in order; literal segments ("@original") come before
// the parameters they would otherwise match.
var routes = []route{
	{"GET", "/gateway", "get_gateway", (*Server).getGateway},
	{"GET", "/gateway/bot", "get_bot_gateway", (*Server).getBotGateway},
	{"GET", "/users/@me", "get_my_user", (*Server).getMyUser},
	{"GET", "/applications/@me", "get_my_application", (*Server).getMyApplication},
	{"GET", "/oauth2/applications/@me", "get_my_oauth2_application", (*Server).getMyApplication},

	{"GET", "/applications/{application_id}/commands", "list_application_commands", (*Server).listCommands},
	{"PUT", "/applications/{application_id}/commands", "bulk_set_application_commands", (*Server).bulkSetCommands},
	{"POST", "/applications/{application_id}/commands", "create_application_command", (*Server).createCommand},
	{"DELETE", "/applications/{application_id}/commands/{command_id}", "delete_application_command", (*Server).deleteCommand},
	{"GET", "/applications/{application_id}/guilds/{guild_id}/commands", "list_guild_application_commands", (*Server).listCommands},
	{"PUT", "/applications/{application_id}/guilds/{guild_id}/commands", "bulk_set_guild_application_commands", (*Server).bulkSetCommands},
	{"POST", "/applications/{application_id}/guilds/{guild_id}/commands", "create_guild_application_command", (*Server).createCommand},
	{"DELETE", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", "delete_guild_application_command", (*Server).deleteCommand},

	{"POST", "/interactions/{interaction_id}/{interaction_token}/callback", "create_interaction_response", (*Server).interactionCallback},
	{"GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "get_original_webhook_message", (*Server).getWebhookMessage},
	{"PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "update_original_webhook_message", (*Server).editWebhookMessage},
	{"DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "delete_original_webhook_message", (*Server).deleteWebhookMessage},
	{"POST", "/webhooks/{webhook_id}/{webhook_token}", "execute_webhook", (*Server).executeWebhook},
	{"GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "get_webhook_message", (*Server).getWebhookMessage},
	{"PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "update_webhook_message", (*Server).editWebhookMessage},
	{"DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "delete_webhook_message", (*Server).deleteWebhookMessage},

	{"GET", "/guilds/{guild_id}/roles", "list_guild_roles", (*Server).listGuildRoles},
	{"GET", "/guilds/{guild_id}/members/{user_id}", "get_guild_member", (*Server).getGuildMember},

	{"GET", "/channels/{channel_id}", "get_channel", (*Server).getChannel},
	{"POST", "/channels/{channel_id}/messages", "create_message", (*Server).createChannelMessage},
	{"GET", "/channels/{channel_id}/messages/{message_id}", "get_message", (*Server).getChannelMessage},
	{"PATCH", "/channels/{channel_id}/messages/{message_id}", "update_message", (*Server).editChannelMessage},
	{"DELETE", "/channels/{channel_id}/messages/{message_id}", "delete_message", (*Server).deleteChannelMessage},
}

// matchRoute finds the route for a path without the /api/vN prefix.
// pathKnown reports whether some other method serves the path (405).
func matchRoute(method, path string) (rt *route, params map[string]string, pathKnown bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := range routes {
		p, ok := matchPattern(routes[i].pattern, segs)
		if !ok {
			continue
		}
		if routes[i].method == method {
			return &routes[i], p, true
		}
		pathKnown = true
	}
	return nil, nil, pathKnown
}

func matchPattern(pattern string, segs []string) (map[string]string, bool) {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	if len(ps) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range ps {
		if strings.HasPrefix(p, "{") {
			if segs[i] == "" {
				return nil, false
			}
			params[strings.Trim(p, "{}")] = segs[i]
		} else if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

// call is one request on its way through a handler.
type call struct {
	req        *Request
	body       any      // decoded JSON body, nil if none
	violations []string // reported once the handler has released the lock
}

// obj is the body as a JSON object (empty if it is something else).
func (c *call) obj() map[string]any {
	m, _ := c.body.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m
}

func (c *call) violate(format string, args ...any) {
	c.violations = append(c.violations, fmt.Sprintf(format, args...))
}

// reply is a handler's answer; body is already encoded so that it is a
// snapshot of state taken under the lock.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func ok(v any) reply { return reply{status: http.StatusOK, body: mustJSON(v)} }

func noContent() reply { return reply{status: http.StatusNoContent} }

// apiError is Discord's JSON error body, e.g. 404 / 10062 "Unknown interaction".
func apiError(status, code int, msg string) reply {
	return reply{status: status, body: mustJSON(map[string]any{"message": msg, "code": code})}
}

func invalidFormBody(reasons []string) reply {
	errs := make([]map[string]any, len(reasons))
	for i, r := range reasons {
		errs[i] = map[string]any{"code": "BASE_TYPE_INVALID", "message": r}
	}
	return reply{status: http.StatusBadRequest, body: mustJSON(map[string]any{
		"message": "Invalid Form Body", "code": 50035, "errors": map[string]any{"_errors": errs},
	})}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("fakediscord: encoding a response: %v", err))
	}
	return b
}

// serveREST handles every request under /api/ (and reports anything else).
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	req, err := readRequest(r)
	if err != nil {
		s.violate(r.Method, r.URL.Path, "", "unreadable request: "+err.Error())
		s.finish(w, &req, apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON."))
		return
	}
	path, versioned := apiPath(r.URL.Path)
	rt, params, pathKnown := matchRoute(r.Method, path)
	if !versioned || rt == nil {
		reason := "unknown route (Discord answers 404)"
		switch {
		case !versioned:
			reason = "not under /api/v9 or /api/v10"
		case pathKnown:
			reason = "method not allowed on this route"
		case s.spec != nil && s.spec.knows(r.Method, path):
			reason = "Discord has this route but the fake does not implement it yet (add it to rest.go)"
		}
		s.violate(r.Method, r.URL.Path, "", reason)
		s.finish(w, &req, apiError(http.StatusNotFound, 0, "404: Not Found"))
		return
	}
	req.Operation, req.Params = rt.op, params

	c := &call{req: &req}
	if len(req.Body) > 0 {
		if err := json.Unmarshal(req.Body, &c.body); err != nil {
			s.violate(req.Method, req.Path, req.Operation, "body is not JSON: "+err.Error())
			s.finish(w, &req, apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON."))
			return
		}
	}

	refused, unauthorized := s.check(r, &req, c.body)
	if rep, injected := s.takeInjection(req); injected {
		s.finish(w, &req, rep)
		return
	}
	if unauthorized {
		s.finish(w, &req, apiError(http.StatusUnauthorized, 0, "401: Unauthorized"))
		return
	}
	if len(refused) > 0 {
		s.finish(w, &req, invalidFormBody(refused))
		return
	}
	rep := rt.handle(s, c)
	for _, v := range c.violations {
		s.violate(req.Method, req.Path, req.Operation, v)
	}
	s.finish(w, &req, rep)
}

// finish records the request (so WaitFor sees the fake's state already
// updated) and then writes the answer.
func (s *Server) finish(w http.ResponseWriter, req *Request, rep reply) {
	req.Status = rep.status
	s.mu.Lock()
	s.requests = append(s.requests, *req)
	s.mu.Unlock()
	s.changed.notify()

	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	if h.Get("X-RateLimit-Limit") == "" && rep.status < 400 {
		// Like Discord: plenty left, so discordgo never waits on a healthy fake.
		h.Set("X-RateLimit-Limit", "5")
		h.Set("X-RateLimit-Remaining", "4")
		h.Set("X-RateLimit-Reset-After", "1.000")
		h.Set("X-RateLimit-Bucket", "fake-"+req.Operation)
	}
	if rep.body != nil && h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json")
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write(rep.body)
}

// readRequest copies what the fake needs out of r; for multipart bodies the
// payload_json part becomes Body.
func readRequest(r *http.Request) (Request, error) {
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone()}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return req, err
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		req.Body = body
		return req, nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	sawPayload := false
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return req, fmt.Errorf("multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return req, fmt.Errorf("multipart part %q: %w", p.FormName(), err)
		}
		if p.FormName() == "payload_json" {
			req.Body, sawPayload = data, true
			continue
		}
		req.Files = append(req.Files, File{Field: p.FormName(), Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
	}
	if !sawPayload {
		return req, fmt.Errorf("multipart body without a payload_json part")
	}
	return req, nil
}

// --- gateway, users, application ---

func (s *Server) getGateway(*call) reply {
	return ok(map[string]any{"url": s.gw.url(gatewayPath)})
}

func (s *Server) getBotGateway(*call) reply {
	return ok(map[string]any{
		"url": s.gw.url(gatewayPath), "shards": 1,
		"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1},
	})
}

func (s *Server) getMyUser(*call) reply { return ok(botUser()) }

func (s *Server) getMyApplication(*call) reply {
	return ok(map[string]any{
		"id": appID, "name": botName, "icon": nil, "description": "", "summary": "",
		"bot_public": false, "bot_require_code_grant": false, "flags": 0,
		"verify_key": strings.Repeat("0", 64), "team": nil, "bot": botUser(),
		"owner": map[string]any{"id": "1290000000000000003", "username": "owner", "discriminator": "0", "avatar": nil, "flags": 0},
	})
}

// --- application commands ---

// checkApp answers 403 like Discord when the bot names another
// application or a guild it is not in (see the Guilds option).
func (s *Server) checkApp(c *call) (reply, bool) {
	if got := c.req.Params["application_id"]; got != appID {
		c.violate("application_id %s is not the fake's application %s", got, appID)
		return apiError(http.StatusForbidden, 50001, "Missing Access"), false
	}
	if g, scoped := c.req.Params["guild_id"]; scoped && !slices.Contains(s.cfg.guilds, g) {
		c.violate("guild %s is not one the bot is in (fakediscord.Guilds sets them)", g)
		return apiError(http.StatusForbidden, 50001, "Missing Access"), false
	}
	return reply{}, true
}

func (s *Server) listCommands(c *call) reply {
	if rep, good := s.checkApp(c); !good {
		return rep
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[c.req.Params["guild_id"]]
	if cmds == nil {
		cmds = []map[string]any{}
	}
	return ok(cmds)
}

func (s *Server) bulkSetCommands(c *call) reply {
	if rep, good := s.checkApp(c); !good {
		return rep
	}
	items, isArray := c.body.([]any)
	if !isArray {
		return invalidFormBody([]string{"expected an array of commands"})
	}
	guild := c.req.Params["guild_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		cmd, _ := it.(map[string]any)
		out = append(out, s.storedCommand(cmd, guild))
	}
	s.commands[guild] = out
	return ok(out)
}

func (s *Server) createCommand(c *call) reply {
	if rep, good := s.checkApp(c); !good {
		return rep
	}
	guild := c.req.Params["guild_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	cmd := s.storedCommand(c.obj(), guild)
	for i, old := range s.commands[guild] {
		if old["id"] == cmd["id"] {
			s.commands[guild][i] = cmd
			return ok(cmd) // Discord: 200 when the command existed, 201 when new
		}
	}
	s.commands[guild] = append(s.commands[guild], cmd)
	rep := ok(cmd)
	rep.status = http.StatusCreated
	return rep
}

func (s *Server) deleteCommand(c *call) reply {
	if rep, good := s.checkApp(c); !good {
		return rep
	}
	guild, id := c.req.Params["guild_id"], c.req.Params["command_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.commands[guild] {
		if old["id"] == id {
			s.commands[guild] = append(s.commands[guild][:i:i], s.commands[guild][i+1:]...)
			return noContent()
		}
	}
	return apiError(http.StatusNotFound, 10063, "Unknown application command")
}

// storedCommand is the command as Discord answers it: the request plus ID,
// version and defaults. A command keeps its ID when a bulk overwrite
// repeats its name and type, as on Discord. Caller holds s.mu.
func (s *Server) storedCommand(req map[string]any, guild string) map[string]any {
	cmd := make(map[string]any, len(req)+6)
	for k, v := range req {
		cmd[k] = v
	}
	if cmd["type"] == nil {
		cmd["type"] = 1
	}
	id := ""
	for _, old := range s.commands[guild] {
		if old["name"] == cmd["name"] && fmt.Sprint(old["type"]) == fmt.Sprint(cmd["type"]) {
			id, _ = old["id"].(string)
		}
	}
	if id == "" {
		id = s.ids.next()
	}
	cmd["id"], cmd["application_id"], cmd["version"] = id, appID, s.ids.next()
	if guild != "" {
		cmd["guild_id"] = guild
	}
	switch p := cmd["default_member_permissions"].(type) {
	case float64:
		cmd["default_member_permissions"] = fmt.Sprintf("%.0f", p)
	case nil:
		cmd["default_member_permissions"] = nil
	}
	if cmd["description"] == nil {
		cmd["description"] = ""
	}
	if cmd["nsfw"] == nil {
		cmd["nsfw"] = false
	}
	if cmd["integration_types"] == nil {
		cmd["integration_types"] = []any{0}
	}
	if _, set := cmd["contexts"]; !set {
		cmd["contexts"] = nil
	}
	return cmd
}

// --- interactions ---

// callbackTypes are the callback types Discord accepts per interaction
// type: PING gets PONG, autocomplete only results, a modal cannot answer a
// modal, and only component interactions can update their message.
var callbackTypes = map[int][]int{
	1: {1},
	2: {4, 5, 9},
	3: {4, 5, 6, 7, 9},
	4: {8},
	5: {4, 5, 6, 7},
}

// callbackAllowed: an interaction the fake did not issue (it == 0) accepts
// any type, since the fake cannot know better.
func callbackAllowed(it, rt int) bool {
	return it == 0 || slices.Contains(callbackTypes[it], rt)
}

func (s *Server) interactionCallback(c *call) reply {
	id, token := c.req.Params["interaction_id"], c.req.Params["interaction_token"]
	body := c.obj()
	rt := int(num(body["type"]))
	data, _ := body["data"].(map[string]any)

	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil {
		// Not issued through Interact/Dispatch (e.g. HTTP-interactions mode).
		in = &interaction{id: id, token: token, channelID: DefaultChannelID}
		s.interactions[token] = in
	}
	if in.id != id {
		c.violate("callback for interaction %s with the token of interaction %s", id, in.id)
		return apiError(http.StatusNotFound, 10062, "Unknown interaction")
	}
	if in.acked != 0 {
		c.violate("interaction %s already acknowledged with type %d", id, in.acked)
		return apiError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	if !callbackAllowed(int(in.typ), rt) {
		c.violate("callback type %d is not allowed for interaction type %d", rt, in.typ)
		return invalidFormBody([]string{fmt.Sprintf("Interaction response type %d is not valid for this interaction", rt)})
	}
	if rt == 5 && data != nil && int64(num(data["flags"]))&^int64(1<<6) != 0 {
		c.violate("deferred response (type 5) may only carry the EPHEMERAL flag, got flags %v", data["flags"])
	}
	in.acked = discordgo.InteractionResponseType(rt)

	switch rt {
	case 4, 5:
		m := s.interactionMessage(in, false)
		m.apply(data)
		if rt == 5 {
			m.fields["flags"] = m.flags() | 1<<7 // LOADING: "bot is thinking"
		}
		in.original = m
	case 6, 7:
		if in.componentMsg != nil {
			m := &message{fields: cloneJSON(in.componentMsg)}
			in.original = m
		} else {
			in.original = s.interactionMessage(in, true)
		}
		if rt == 7 {
			in.original.apply(data)
			in.original.fields["edited_timestamp"] = timestamp(s.cfg.now())
		}
	}

	if c.req.Query.Get("with_response") != "true" {
		return noContent()
	}
	resp := map[string]any{
		"interaction": map[string]any{"id": in.id, "type": in.typ},
		"resource":    map[string]any{"type": rt},
	}
	if in.original != nil {
		resp["interaction"].(map[string]any)["response_message_id"] = in.original.id()
		resp["resource"].(map[string]any)["message"] = in.original.fields
	}
	return ok(resp)
}

// interactionMessage starts the message an interaction response creates.
// Caller holds s.mu.
func (s *Server) interactionMessage(in *interaction, followup bool) *message {
	typ := 20 // CHAT_INPUT_COMMAND
	if in.cmdType == 2 || in.cmdType == 3 {
		typ = 23 // CONTEXT_MENU_COMMAND
	}
	if followup || in.typ == 3 || in.typ == 5 {
		typ = 0
	}
	m := newMessage(s.ids.next(), in.channelID, discordgo.MessageType(typ), s.cfg.now())
	m.fields["webhook_id"] = appID
	m.fields["application_id"] = appID
	if in.guildID != "" {
		m.fields["guild_id"] = in.guildID
	}
	if !followup && in.user != nil {
		m.fields["interaction_metadata"] = map[string]any{
			"id": in.id, "type": in.typ, "user": in.user,
			"authorizing_integration_owners": map[string]any{},
		}
	}
	return m
}

// webhookInteraction resolves the interaction behind a webhook route and
// checks it may be used. Caller holds s.mu.
func (s *Server) webhookInteraction(c *call) (*interaction, reply, bool) {
	if got := c.req.Params["webhook_id"]; got != appID {
		c.violate("webhook_id %s is not the application id %s (interaction webhooks use the application id)", got, appID)
		return nil, apiError(http.StatusNotFound, 10015, "Unknown Webhook"), false
	}
	in := s.interactions[c.req.Params["webhook_token"]]
	if in == nil || in.acked == 0 {
		c.violate("interaction webhook used before the interaction was acknowledged with a callback")
		return nil, apiError(http.StatusNotFound, 10015, "Unknown Webhook"), false
	}
	return in, reply{}, true
}

// webhookMessage finds @original or a follow-up. Caller holds s.mu.
func (s *Server) webhookMessage(c *call, in *interaction) (*message, reply, bool) {
	id := c.req.Params["message_id"]
	if id == "" || id == "@original" {
		if in.original == nil || in.original.deleted {
			c.violate("interaction has no original message (it was answered with callback type %d)", in.acked)
			return nil, apiError(http.StatusNotFound, 10008, "Unknown Message"), false
		}
		return in.original, reply{}, true
	}
	for _, m := range append([]*message{in.original}, in.followups...) {
		if m != nil && !m.deleted && m.id() == id {
			return m, reply{}, true
		}
	}
	c.violate("no message %s belongs to this interaction", id)
	return nil, apiError(http.StatusNotFound, 10008, "Unknown Message"), false
}

func (s *Server) getWebhookMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, rep, good := s.webhookInteraction(c)
	if !good {
		return rep
	}
	m, rep, good := s.webhookMessage(c, in)
	if !good {
		return rep
	}
	return ok(m.fields)
}

func (s *Server) editWebhookMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, rep, good := s.webhookInteraction(c)
	if !good {
		return rep
	}
	m, rep, good := s.webhookMessage(c, in)
	if !good {
		return rep
	}
	s.editInteractionMessage(m, c.obj(), c.req.Files)
	return ok(m.fields)
}

// editInteractionMessage applies an edit; ephemerality cannot change and an
// edit ends the "thinking" state. Caller holds s.mu.
func (s *Server) editInteractionMessage(m *message, body map[string]any, files []File) {
	ephemeral := m.flags() & (1 << 6)
	m.apply(body)
	m.fields["flags"] = m.flags()&^(1<<6|1<<7) | ephemeral
	m.fields["edited_timestamp"] = timestamp(s.cfg.now())
	s.attachFiles(m, files)
}

func (s *Server) deleteWebhookMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, rep, good := s.webhookInteraction(c)
	if !good {
		return rep
	}
	m, rep, good := s.webhookMessage(c, in)
	if !good {
		return rep
	}
	m.deleted = true
	return noContent()
}

func (s *Server) executeWebhook(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	in, rep, good := s.webhookInteraction(c)
	if !good {
		return rep
	}
	body := c.obj()
	var m *message
	if o := in.original; o != nil && in.acked == 5 && o.flags()&(1<<7) != 0 {
		// Discord (deprecated, still live): the first follow-up after a
		// deferred response edits the "thinking" original instead.
		m = o
		s.editInteractionMessage(m, body, c.req.Files)
	} else {
		m = s.interactionMessage(in, true)
		m.apply(body)
		s.attachFiles(m, c.req.Files)
		in.followups = append(in.followups, m)
	}
	if c.req.Query.Get("wait") != "true" {
		return noContent()
	}
	return ok(m.fields)
}

// --- guilds ---

func (s *Server) listGuildRoles(c *call) reply {
	g := c.req.Params["guild_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	roles, set := s.roles[g]
	if !set {
		roles = []*discordgo.Role{{ID: g, Name: "@everyone",
			Permissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks}}
	}
	out := []map[string]any{}
	for i, r := range roles {
		out = append(out, map[string]any{
			"id": r.ID, "name": r.Name, "permissions": strconv.FormatInt(r.Permissions, 10), "position": i,
			"color": 0, "hoist": false, "managed": false, "mentionable": false, "flags": 0,
		})
	}
	return ok(out)
}

func (s *Server) getGuildMember(c *call) reply {
	g, u := c.req.Params["guild_id"], c.req.Params["user_id"]
	if u != botUserID {
		return apiError(http.StatusNotFound, 10007, "Unknown Member")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	roles := s.botRoles[g]
	if roles == nil {
		roles = []string{}
	}
	return ok(map[string]any{
		"user": botUser(), "roles": roles, "joined_at": "2024-01-01T00:00:00.000000+00:00",
		"deaf": false, "mute": false, "flags": 0, "pending": false,
	})
}

// --- channels ---

func (s *Server) getChannel(c *call) reply {
	id := c.req.Params["channel_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, known := s.channels[id]; known {
		return ok(ch)
	}
	// An unknown channel is taken to belong to the guild that interacted
	// last: the guild whose /alerts names it.
	guild := s.lastGuild
	if guild == "" {
		guild = s.homeGuild()
	}
	return ok(map[string]any{
		"id": id, "type": 0, "guild_id": guild, "name": "general", "position": 0,
		"permission_overwrites": []any{}, "nsfw": false, "topic": nil, "last_message_id": nil,
		"rate_limit_per_user": 0, "parent_id": nil, "flags": 0,
	})
}

func (s *Server) createChannelMessage(c *call) reply {
	ch := c.req.Params["channel_id"]
	body := c.obj()
	s.mu.Lock()
	defer s.mu.Unlock()
	typ := 0
	if body["message_reference"] != nil {
		typ = 19 // REPLY
	}
	m := newMessage(s.ids.next(), ch, discordgo.MessageType(typ), s.cfg.now())
	if g := s.channelGuild(ch); g != "" {
		m.fields["guild_id"] = g
	}
	m.apply(body)
	s.attachFiles(m, c.req.Files)
	s.channelMsgs[ch] = append(s.channelMsgs[ch], m)
	return ok(m.fields)
}

// channelGuild is the guild a channel belongs to. Caller holds s.mu.
func (s *Server) channelGuild(ch string) string {
	if c, known := s.channels[ch]; known {
		return c.GuildID
	}
	return s.homeGuild()
}

func (s *Server) channelMessage(c *call) (*message, reply, bool) {
	for _, m := range s.channelMsgs[c.req.Params["channel_id"]] {
		if !m.deleted && m.id() == c.req.Params["message_id"] {
			return m, reply{}, true
		}
	}
	return nil, apiError(http.StatusNotFound, 10008, "Unknown Message"), false
}

func (s *Server) getChannelMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, rep, good := s.channelMessage(c)
	if !good {
		return rep
	}
	return ok(m.fields)
}

func (s *Server) editChannelMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, rep, good := s.channelMessage(c)
	if !good {
		return rep
	}
	m.apply(c.obj())
	m.fields["edited_timestamp"] = timestamp(s.cfg.now())
	s.attachFiles(m, c.req.Files)
	return ok(m.fields)
}

func (s *Server) deleteChannelMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, rep, good := s.channelMessage(c)
	if !good {
		return rep
	}
	m.deleted = true
	return noContent()
}

// attachFiles turns uploaded files into attachment objects, as Discord
// does. Caller holds s.mu.
func (s *Server) attachFiles(m *message, files []File) {
	if len(files) == 0 {
		return
	}
	atts := make([]any, 0, len(files))
	for _, f := range files {
		id := s.ids.next()
		ch, _ := m.fields["channel_id"].(string)
		u := "https://cdn.discordapp.com/attachments/" + ch + "/" + id + "/" + f.Name
		atts = append(atts, map[string]any{
			"id": id, "filename": f.Name, "size": len(f.Data), "url": u, "proxy_url": u,
			"content_type": f.ContentType,
		})
	}
	m.fields["attachments"] = atts
}
