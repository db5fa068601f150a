package fakediscord

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// check validates a request against Discord's OpenAPI document and the
// limits below, reports every problem as a violation and returns those
// Discord would refuse (the rest are team rules Discord accepts);
// unauthorized means Discord would answer 401 rather than 400.
func (s *Server) check(r *http.Request, req *Request, body any) (refused []string, unauthorized bool) {
	path, _ := apiPath(r.URL.Path)
	if s.spec != nil {
		var problems []string
		problems, unauthorized = s.spec.validate(req, path)
		for _, p := range problems {
			s.violate(req.Method, req.Path, req.Operation, "OpenAPI: "+p)
			refused = append(refused, p)
		}
	}
	lim := limitsFor(req.Operation, body)
	for _, p := range lim.refuse {
		s.violate(req.Method, req.Path, req.Operation, p)
		refused = append(refused, p)
	}
	for _, p := range lim.rules {
		s.violate(req.Method, req.Path, req.Operation, p)
	}
	return refused, unauthorized
}

// limits collects problems: refuse are limits Discord enforces, rules are
// the team's own (Discord accepts the request).
type limits struct{ refuse, rules []string }

func (l *limits) refusef(format string, args ...any) {
	l.refuse = append(l.refuse, fmt.Sprintf(format, args...))
}

// limitsFor runs the checks that Discord's OpenAPI document does not
// express, or expresses unreadably, for one operation's JSON body.
func limitsFor(op string, body any) limits {
	var l limits
	obj, _ := body.(map[string]any)
	switch op {
	case "bulk_set_application_commands", "bulk_set_guild_application_commands":
		list, _ := body.([]any)
		l.commandList(list)
	case "create_application_command", "create_guild_application_command":
		l.command(obj)
	case "create_interaction_response":
		data, _ := obj["data"].(map[string]any)
		switch int(num(obj["type"])) {
		case 4, 7:
			l.message(data)
		case 8:
			if choices, _ := data["choices"].([]any); len(choices) > 25 {
				l.refusef("autocomplete result has %d choices; Discord allows 25", len(choices))
			}
		}
	case "execute_webhook", "update_original_webhook_message", "update_webhook_message",
		"create_message", "update_message":
		l.message(obj)
	}
	return l
}

// message checks a message body (create or edit).
func (l *limits) message(m map[string]any) {
	if m == nil {
		return
	}
	content, _ := m["content"].(string)
	if n := utf8.RuneCountInString(content); n > 2000 {
		l.refusef("content is %d characters; Discord allows 2000", n)
	}
	embeds, _ := m["embeds"].([]any)
	if len(embeds) > 10 {
		l.refusef("%d embeds; Discord allows 10", len(embeds))
	}
	if n := embedText(embeds); n > 6000 {
		l.refusef("embeds hold %d characters of text in all; Discord allows 6000", n)
	}
	if (content != "" || len(embeds) > 0) && m["allowed_mentions"] == nil {
		l.rules = append(l.rules, "message with content or embeds but no allowed_mentions; "+
			"set it (e.g. parse: []) so quoted article text cannot ping anyone")
	}
}

// embedText counts what Discord counts toward the 6000 limit: titles,
// descriptions, field names and values, footer texts and author names.
func embedText(embeds []any) int {
	n := 0
	count := func(v any) {
		s, _ := v.(string)
		n += utf8.RuneCountInString(strings.TrimSpace(s))
	}
	for _, e := range embeds {
		e, _ := e.(map[string]any)
		count(e["title"])
		count(e["description"])
		if f, ok := e["footer"].(map[string]any); ok {
			count(f["text"])
		}
		if a, ok := e["author"].(map[string]any); ok {
			count(a["name"])
		}
		fields, _ := e["fields"].([]any)
		for _, f := range fields {
			f, _ := f.(map[string]any)
			count(f["name"])
			count(f["value"])
		}
	}
	return n
}

// commandName is Discord's rule for CHAT_INPUT command and option names
// (application-commands docs); the letters must also be lower case.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func (l *limits) commandList(cmds []any) {
	seen := map[string]bool{}
	perType := map[int]int{}
	for _, c := range cmds {
		c, _ := c.(map[string]any)
		l.command(c)
		typ := commandType(c)
		key := fmt.Sprintf("%d/%v", typ, c["name"])
		if seen[key] {
			l.refusef("command %q is registered twice", c["name"])
		}
		seen[key] = true
		perType[typ]++
	}
	for typ, limit := range map[int]int{1: 100, 2: 15, 3: 15} {
		if perType[typ] > limit {
			l.refusef("%d commands of type %d; Discord allows %d", perType[typ], typ, limit)
		}
	}
}

func commandType(c map[string]any) int {
	if t := int(num(c["type"])); t != 0 {
		return t
	}
	return 1 // CHAT_INPUT
}

func (l *limits) command(c map[string]any) {
	if c == nil {
		return
	}
	name, _ := c["name"].(string)
	typ := commandType(c)
	what := fmt.Sprintf("command %q", name)
	if typ == 1 {
		l.names(what, c)
		l.description(what, c["description"])
		opts, _ := c["options"].([]any)
		l.options(what, opts)
	} else {
		if n := utf8.RuneCountInString(name); n < 1 || n > 32 {
			l.refusef("%s: name must be 1-32 characters", what)
		}
		if d, _ := c["description"].(string); d != "" {
			l.refusef("%s: user and message commands must have an empty description", what)
		}
	}
	if n := commandChars(c); n > 8000 {
		l.refusef("%s has %d characters of names, descriptions and choices; Discord allows 8000", what, n)
	}
}

// names checks an object's name and its localized names.
func (l *limits) names(what string, obj map[string]any) {
	name, _ := obj["name"].(string)
	l.name(what, name)
	locs, _ := obj["name_localizations"].(map[string]any)
	for _, loc := range slices.Sorted(maps.Keys(locs)) {
		s, _ := locs[loc].(string)
		l.name(fmt.Sprintf("%s localized name (%s)", what, loc), s)
	}
}

func (l *limits) name(what, name string) {
	if !commandName.MatchString(name) {
		l.refusef("%s: name must match %s", what, commandName)
	} else if strings.ToLower(name) != name {
		l.refusef("%s: name must be lower case", what)
	}
}

func (l *limits) description(what string, v any) {
	d, _ := v.(string)
	if n := utf8.RuneCountInString(d); n < 1 || n > 100 {
		l.refusef("%s: description must be 1-100 characters, has %d", what, n)
	}
}

// options checks one level of options: names, descriptions, choices and
// Discord's rule that required options come before optional ones.
func (l *limits) options(parent string, opts []any) {
	if len(opts) > 25 {
		l.refusef("%s has %d options; Discord allows 25", parent, len(opts))
	}
	seen := map[string]bool{}
	optionalSeen := ""
	for _, o := range opts {
		o, _ := o.(map[string]any)
		name, _ := o["name"].(string)
		what := fmt.Sprintf("%s option %q", parent, name)
		l.names(what, o)
		l.description(what, o["description"])
		if seen[name] {
			l.refusef("%s appears twice", what)
		}
		seen[name] = true
		switch int(num(o["type"])) {
		case 1, 2: // SUB_COMMAND, SUB_COMMAND_GROUP
			sub, _ := o["options"].([]any)
			l.options(what, sub)
			continue
		}
		if required, _ := o["required"].(bool); required {
			if optionalSeen != "" {
				l.refusef("%s is required but comes after optional option %q; required options must come first", what, optionalSeen)
			}
		} else if optionalSeen == "" {
			optionalSeen = name
		}
		choices, _ := o["choices"].([]any)
		if len(choices) > 25 {
			l.refusef("%s has %d choices; Discord allows 25", what, len(choices))
		}
		if auto, _ := o["autocomplete"].(bool); auto && len(choices) > 0 {
			l.refusef("%s has both autocomplete and choices", what)
		}
	}
}

// commandChars approximates Discord's 8000-character budget per command.
func commandChars(c map[string]any) int {
	n := 0
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, k := range []string{"name", "description"} {
				s, _ := v[k].(string)
				n += utf8.RuneCountInString(s)
			}
			if s, ok := v["value"].(string); ok {
				n += utf8.RuneCountInString(s)
			}
			walk(v["options"])
			walk(v["choices"])
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(c)
	return n
}
