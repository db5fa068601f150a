package fakediscord

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// snowflakes makes Discord-shaped IDs. They count up from a fixed instant
// instead of reading the clock so that IDs, and golden files containing
// them, are the same on every run.
type snowflakes struct {
	worker uint64 // keeps the fake's and the builders' IDs apart
	n      atomic.Uint64
}

const (
	discordEpochMS = 1420070400000
	snowflakeBase  = 1767225600000 // 2026-01-01T00:00:00Z in ms
)

func (g *snowflakes) next() string {
	n := g.n.Add(1)
	ms := uint64(snowflakeBase-discordEpochMS) + n
	return strconv.FormatUint(ms<<22|g.worker<<17|n&0xfff, 10)
}

// message is a message as the fake keeps it: the JSON object Discord would
// return, so that fields discordgo cannot round-trip (components) survive.
type message struct {
	fields  map[string]any
	deleted bool
}

// messageKeys are the keys a create or edit body may set on a message.
var messageKeys = []string{"content", "embeds", "components", "flags", "tts", "attachments", "poll", "message_reference"}

func newMessage(id, channelID string, typ discordgo.MessageType, now time.Time) *message {
	return &message{fields: map[string]any{
		"id": id, "channel_id": channelID, "type": typ,
		"content": "", "author": botUser(), "timestamp": timestamp(now),
		"edited_timestamp": nil, "tts": false, "mention_everyone": false,
		"mentions": []any{}, "mention_roles": []any{}, "attachments": []any{},
		"embeds": []any{}, "components": []any{}, "pinned": false, "flags": 0,
	}}
}

// apply copies the message fields present in body (a create or edit
// request) onto m. Discord treats null as "clear".
func (m *message) apply(body map[string]any) {
	for _, k := range messageKeys {
		v, ok := body[k]
		if !ok {
			continue
		}
		if v == nil {
			switch k {
			case "content":
				v = ""
			case "flags":
				v = 0
			case "tts":
				v = false
			case "embeds", "components", "attachments":
				v = []any{}
			}
		}
		m.fields[k] = v
	}
	if embeds, ok := m.fields["embeds"].([]any); ok {
		for _, e := range embeds {
			if e, ok := e.(map[string]any); ok && e["type"] == nil {
				e["type"] = "rich" // Discord fills it in
			}
		}
	}
}

func (m *message) id() string {
	id, _ := m.fields["id"].(string)
	return id
}

func (m *message) flags() int64 { return int64(num(m.fields["flags"])) }

// decode turns the stored JSON into the struct tests assert on.
func (m *message) decode() discordgo.Message {
	var out discordgo.Message
	b, _ := json.Marshal(m.fields)
	_ = json.Unmarshal(b, &out) // the fake built these fields; a failure shows up as empty fields
	return out
}

// interaction is what the fake knows about one interaction: issued by
// Interact/Dispatch (typ != 0) or first seen in a callback.
type interaction struct {
	id, token, channelID, guildID string
	typ                           discordgo.InteractionType
	cmdType                       discordgo.ApplicationCommandType
	user                          map[string]any // the invoking user, for interaction_metadata
	componentMsg                  map[string]any // the message a component sat on

	acked     discordgo.InteractionResponseType // 0 = not acknowledged yet
	original  *message
	followups []*message
}

// timestamp formats t the way Discord does.
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000+00:00") }

// num reads a JSON number (float64 after decoding) as float64; 0 otherwise.
func num(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case json.Number:
		f, _ := n.Float64()
		return f
	}
	return 0
}

// cloneJSON deep-copies a decoded JSON object.
func cloneJSON(m map[string]any) map[string]any {
	var out map[string]any
	b, _ := json.Marshal(m)
	_ = json.Unmarshal(b, &out)
	return out
}
