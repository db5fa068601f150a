package fakediscord

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Where builder interactions happen unless a test says otherwise.
const (
	DefaultGuildID   = "1290000000000000100"
	DefaultChannelID = "1290000000000000200"
	DefaultUserID    = "1290000000000000300"

	// DefaultPermissions are an ordinary member's channel permissions.
	DefaultPermissions int64 = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
		discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles | discordgo.PermissionReadMessageHistory |
		discordgo.PermissionAddReactions | discordgo.PermissionUseApplicationCommands

	// botPermissions are the bot's own (app_permissions) in the channel.
	botPermissions = DefaultPermissions | discordgo.PermissionUseExternalEmojis
)

// builderIDs are apart from the fake's (worker 2) so both can be mixed.
var builderIDs = snowflakes{worker: 2}

// joinedAt is when builder members joined; fixed so payloads are stable.
var joinedAt = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// Builder assembles an interaction as Discord sends it. Start with
// SlashCommand, Autocomplete, Button, Select, MessageCommand, ModalSubmit or
// Ping; modifiers return the builder; Build returns what discordgo decodes.
// Unless changed, the interaction comes from DefaultUserID with
// DefaultPermissions in DefaultChannelID of DefaultGuildID, locale en-US.
type Builder struct{ i discordgo.Interaction }

func newBuilder(typ discordgo.InteractionType, data discordgo.InteractionData) *Builder {
	id := builderIDs.next()
	b := &Builder{i: discordgo.Interaction{
		ID: id, AppID: appID, Type: typ, Data: data, Token: interactionToken(id), Version: 1,
		Locale: discordgo.EnglishUS, AppPermissions: botPermissions, Entitlements: []*discordgo.Entitlement{},
	}}
	return b.InGuild(DefaultGuildID, Member(DefaultUserID, DefaultPermissions)).InChannel(DefaultChannelID)
}

// interactionToken looks like Discord's (base64, "interaction:" prefix).
func interactionToken(id string) string {
	raw := "interaction:" + id + ":" + strconv.FormatUint(uint64(len(id))*0x9e3779b97f4a7c15, 36)
	return base64.RawURLEncoding.EncodeToString([]byte(raw)) + "." + base64.RawURLEncoding.EncodeToString([]byte("fakediscord-"+id))
}

// SlashCommand is a CHAT_INPUT command as the user submitted it.
func SlashCommand(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *Builder {
	return newBuilder(discordgo.InteractionApplicationCommand, discordgo.ApplicationCommandInteractionData{
		ID: builderIDs.next(), Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts,
	})
}

// Autocomplete is an autocomplete request while the user types; mark the
// option being typed with Focused.
func Autocomplete(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *Builder {
	return newBuilder(discordgo.InteractionApplicationCommandAutocomplete, discordgo.ApplicationCommandInteractionData{
		ID: builderIDs.next(), Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts,
	})
}

// Opt is a filled-in option; the type follows the value: string (3), int
// or int64 (4), bool (5), float64 (10). Numbers are stored as float64, as
// they arrive from JSON.
func Opt(name string, value any) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: value}
	switch v := value.(type) {
	case string:
		o.Type = discordgo.ApplicationCommandOptionString
	case int:
		o.Type, o.Value = discordgo.ApplicationCommandOptionInteger, float64(v)
	case int64:
		o.Type, o.Value = discordgo.ApplicationCommandOptionInteger, float64(v)
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	case float64:
		o.Type = discordgo.ApplicationCommandOptionNumber
	default:
		panic("fakediscord.Opt: unsupported value type; use TypedOpt")
	}
	return o
}

// TypedOpt is an option of an explicit type, e.g. a user or channel ID.
func TypedOpt(name string, typ discordgo.ApplicationCommandOptionType, value any) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: typ, Value: value}
}

// Focused is the string option the user is typing into (autocomplete).
func Focused(name, partial string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionString, Value: partial, Focused: true,
	}
}

// SubCommand is a sub-command option carrying its own options.
func SubCommand(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{
		Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts,
	}
}

// Button is a click on a button with customID, on a bot message that
// carries it (change the message with OnMessage).
func Button(customID string) *Builder {
	b := newBuilder(discordgo.InteractionMessageComponent, discordgo.MessageComponentInteractionData{
		CustomID: customID, ComponentType: discordgo.ButtonComponent,
	})
	msg := BotMessage("")
	msg.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: customID, Style: discordgo.SecondaryButton, CustomID: customID},
	}}}
	return b.OnMessage(msg)
}

// Select is a choice in a string select menu.
func Select(customID string, values ...string) *Builder {
	b := newBuilder(discordgo.InteractionMessageComponent, discordgo.MessageComponentInteractionData{
		CustomID: customID, ComponentType: discordgo.SelectMenuComponent, Values: values,
	})
	msg := BotMessage("")
	msg.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: customID, Options: []discordgo.SelectMenuOption{}},
	}}}
	return b.OnMessage(msg)
}

// MessageCommand is a message context-menu command (type 3) on target,
// which Discord sends in data.resolved.messages with its content even
// without the MESSAGE_CONTENT intent.
func MessageCommand(name string, target *discordgo.Message) *Builder {
	return newBuilder(discordgo.InteractionApplicationCommand, discordgo.ApplicationCommandInteractionData{
		ID: builderIDs.next(), Name: name, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID,
		Resolved: &discordgo.ApplicationCommandInteractionDataResolved{
			Messages: map[string]*discordgo.Message{target.ID: target},
		},
	})
}

// ModalSubmit is a submitted modal; fields are its text inputs.
func ModalSubmit(customID string, fields ...discordgo.TextInput) *Builder {
	rows := make([]discordgo.MessageComponent, len(fields))
	for i, f := range fields {
		rows[i] = discordgo.ActionsRow{Components: []discordgo.MessageComponent{f}}
	}
	return newBuilder(discordgo.InteractionModalSubmit, discordgo.ModalSubmitInteractionData{
		CustomID: customID, Components: rows,
	})
}

// Field is one filled-in text input of a modal.
func Field(customID, value string) discordgo.TextInput {
	return discordgo.TextInput{CustomID: customID, Value: value}
}

// Ping is Discord's PING, sent to HTTP-interactions endpoints only.
func Ping() *Builder {
	b := newBuilder(discordgo.InteractionPing, nil)
	b.i.GuildID, b.i.ChannelID, b.i.Member, b.i.User, b.i.GuildLocale = "", "", nil, nil, nil
	b.i.Locale, b.i.AppPermissions, b.i.AuthorizingIntegrationOwners = "", 0, nil
	return b
}

// InGuild places the interaction in a guild, invoked by member.
func (b *Builder) InGuild(guildID string, member *discordgo.Member) *Builder {
	loc := discordgo.German
	b.i.GuildID, b.i.Member, b.i.User, b.i.GuildLocale = guildID, member, nil, &loc
	b.i.Context = discordgo.InteractionContextGuild
	b.i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{
		discordgo.ApplicationIntegrationGuildInstall: guildID,
	}
	return b
}

// InDM places the interaction in the user's DM with the bot: user instead
// of member, no guild.
func (b *Builder) InDM(userID string) *Builder {
	b.i.GuildID, b.i.Member, b.i.User, b.i.GuildLocale = "", nil, DMUser(userID), nil
	b.i.ChannelID = dmChannelID(userID)
	b.i.Context = discordgo.InteractionContextBotDM
	b.i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{
		discordgo.ApplicationIntegrationGuildInstall: "0",
	}
	return b
}

// InChannel sets the channel the interaction happened in.
func (b *Builder) InChannel(channelID string) *Builder {
	b.i.ChannelID = channelID
	if b.i.Message != nil {
		b.i.Message.ChannelID = channelID
	}
	return b
}

// Locale sets the user's client language, e.g. Locale("de").
func (b *Builder) Locale(l discordgo.Locale) *Builder {
	b.i.Locale = l
	return b
}

// GuildLocale sets the guild's preferred language (default "de").
func (b *Builder) GuildLocale(l discordgo.Locale) *Builder {
	b.i.GuildLocale = &l
	return b
}

// AppPermissions sets the bot's own permissions in the channel.
func (b *Builder) AppPermissions(p int64) *Builder {
	b.i.AppPermissions = p
	return b
}

// OnMessage sets the message a component interaction came from.
func (b *Builder) OnMessage(m *discordgo.Message) *Builder {
	b.i.Message = m
	if m.ChannelID == "" {
		m.ChannelID = b.i.ChannelID
	}
	return b
}

// Build returns the interaction exactly as discordgo decodes it from the
// gateway (the payload goes through JSON). Each call makes a fresh copy
// with the same id and token.
func (b *Builder) Build() *discordgo.Interaction {
	var out discordgo.Interaction
	if err := json.Unmarshal(interactionJSON(&b.i), &out); err != nil {
		panic("fakediscord: builder produced an undecodable interaction: " + err.Error())
	}
	return &out
}

// JSON is the payload Discord would send, e.g. as the body of an
// HTTP-interactions request (sign it with Sign).
func (b *Builder) JSON() []byte { return interactionJSON(&b.i) }

// Member is a guild member with channel permissions perms.
func Member(userID string, perms int64, roles ...string) *discordgo.Member {
	if roles == nil {
		roles = []string{}
	}
	return &discordgo.Member{User: DMUser(userID), Roles: roles, JoinedAt: joinedAt, Permissions: perms}
}

// DMUser is a plain (non-bot) user.
func DMUser(userID string) *discordgo.User {
	short := userID
	if len(short) > 4 {
		short = short[len(short)-4:]
	}
	return &discordgo.User{ID: userID, Username: "user" + short, GlobalName: "User " + short, Discriminator: "0"}
}

// UserMessage is a message by DefaultUserID in DefaultChannelID, e.g. the
// target of MessageCommand.
func UserMessage(content string) *discordgo.Message {
	return &discordgo.Message{
		ID: builderIDs.next(), ChannelID: DefaultChannelID, GuildID: DefaultGuildID, Content: content,
		Timestamp: joinedAt.Add(24 * time.Hour), Author: DMUser(DefaultUserID), Type: discordgo.MessageTypeDefault,
	}
}

// BotMessage is an earlier message of the bot's in DefaultChannelID.
func BotMessage(content string) *discordgo.Message {
	m := UserMessage(content)
	m.Author = &discordgo.User{ID: botUserID, Username: botName, Discriminator: "0", Bot: true}
	return m
}

func dmChannelID(userID string) string {
	n, _ := strconv.ParseUint(userID, 10, 64)
	return strconv.FormatUint(n+1, 10) // stable per user, never a guild channel of ours
}

// Prepare fills in what a test left out so that the interaction is one the
// fake issued: id, token, application id, version, channel, and the
// command's registered id (so data.id matches RegisteredCommands). The fake
// then knows the interaction, e.g. for callback checks. It changes i and
// returns it.
func (s *Server) Prepare(i *discordgo.Interaction) *discordgo.Interaction {
	if i.ID == "" {
		i.ID = builderIDs.next()
	}
	if i.Token == "" {
		i.Token = interactionToken(i.ID)
	}
	if i.AppID == "" {
		i.AppID = appID
	}
	if i.Version == 0 {
		i.Version = 1
	}
	if i.ChannelID == "" && i.Type != discordgo.InteractionPing {
		i.ChannelID = DefaultChannelID
	}
	if d, isCmd := i.Data.(discordgo.ApplicationCommandInteractionData); isCmd {
		if id := s.commandID(i.GuildID, d.Name, d.CommandType); id != "" {
			d.ID = id
			i.Data = d
		}
	}
	s.learnInteraction(interactionJSON(i))
	return i
}

// Interact dispatches INTERACTION_CREATE for i after Prepare and returns it
// (its Token selects InteractionResponses and InteractionMessages).
func (s *Server) Interact(i *discordgo.Interaction) *discordgo.Interaction {
	s.Prepare(i)
	s.Dispatch("INTERACTION_CREATE", i)
	return i
}

// commandID finds a registered command, guild first, then global.
func (s *Server) commandID(guildID, name string, typ discordgo.ApplicationCommandType) string {
	if typ == 0 {
		typ = discordgo.ChatApplicationCommand
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range []string{guildID, ""} {
		for _, c := range s.commands[g] {
			if c["name"] == name && int(num(c["type"])) == int(typ) {
				id, _ := c["id"].(string)
				return id
			}
		}
	}
	return ""
}

// learnInteraction records an interaction the fake sends so that its
// callback and webhooks can be checked. A known token keeps its state.
func (s *Server) learnInteraction(raw json.RawMessage) {
	var v struct {
		ID        string `json:"id"`
		Token     string `json:"token"`
		Type      int    `json:"type"`
		ChannelID string `json:"channel_id"`
		GuildID   string `json:"guild_id"`
		Data      struct {
			Type int `json:"type"`
		} `json:"data"`
		Member *struct {
			User map[string]any `json:"user"`
		} `json:"member"`
		User    map[string]any `json:"user"`
		Message map[string]any `json:"message"`
	}
	if err := json.Unmarshal(raw, &v); err != nil || v.Token == "" {
		s.t.Errorf("fakediscord: INTERACTION_CREATE payload without id/token: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v.GuildID != "" {
		s.lastGuild = v.GuildID
	}
	if _, known := s.interactions[v.Token]; known {
		return
	}
	in := &interaction{
		id: v.ID, token: v.Token, typ: discordgo.InteractionType(v.Type), channelID: v.ChannelID,
		guildID: v.GuildID, user: v.User, componentMsg: v.Message,
	}
	if v.Member != nil {
		in.user = v.Member.User
	}
	if v.Type == 2 || v.Type == 4 {
		in.cmdType = discordgo.ApplicationCommandType(v.Data.Type)
	}
	if in.channelID == "" {
		in.channelID = DefaultChannelID
	}
	s.interactions[v.Token] = in
}

// interactionJSON encodes i the way Discord sends it. discordgo's own
// encoding is not usable for this: it drops message and modal components
// and adds fields Discord never sends (user.token, user.email).
func interactionJSON(i *discordgo.Interaction) json.RawMessage {
	m := map[string]any{
		"id": i.ID, "application_id": i.AppID, "type": i.Type, "token": i.Token, "version": i.Version,
	}
	if i.Type != discordgo.InteractionPing {
		entitlements := any([]any{})
		if len(i.Entitlements) > 0 {
			entitlements = i.Entitlements
		}
		owners := map[string]string{}
		for k, v := range i.AuthorizingIntegrationOwners {
			owners[strconv.Itoa(int(k))] = v
		}
		m["channel_id"], m["locale"], m["context"] = i.ChannelID, i.Locale, i.Context
		m["app_permissions"] = strconv.FormatInt(i.AppPermissions, 10)
		m["entitlements"], m["authorizing_integration_owners"] = entitlements, owners
		m["attachment_size_limit"] = 10 << 20
		ch := map[string]any{"id": i.ChannelID, "type": 0, "name": "general", "flags": 0, "nsfw": false}
		if i.GuildID == "" {
			ch = map[string]any{"id": i.ChannelID, "type": 1, "flags": 0, "last_message_id": nil}
		} else {
			ch["guild_id"] = i.GuildID
		}
		m["channel"] = ch
	}
	if i.GuildID != "" {
		m["guild_id"] = i.GuildID
		guild := map[string]any{"id": i.GuildID, "features": []any{}}
		if i.GuildLocale != nil {
			m["guild_locale"], guild["locale"] = *i.GuildLocale, *i.GuildLocale
		}
		m["guild"] = guild
	}
	if i.Member != nil {
		m["member"] = memberJSON(i.Member, true)
	}
	if i.User != nil {
		m["user"] = userJSON(i.User)
	}
	if i.Message != nil {
		m["message"] = messageJSON(i.Message)
	}
	if i.Data != nil {
		m["data"] = dataJSON(i.Data)
	}
	return mustJSON(m)
}

func dataJSON(d discordgo.InteractionData) any {
	switch d := d.(type) {
	case discordgo.ApplicationCommandInteractionData:
		out := map[string]any{"id": d.ID, "name": d.Name, "type": d.CommandType}
		if len(d.Options) > 0 {
			out["options"] = d.Options
		}
		if d.TargetID != "" {
			out["target_id"] = d.TargetID
		}
		if r := d.Resolved; r != nil {
			res := map[string]any{}
			if len(r.Messages) > 0 {
				msgs := map[string]any{}
				for id, msg := range r.Messages {
					msgs[id] = messageJSON(msg)
				}
				res["messages"] = msgs
			}
			if len(r.Users) > 0 {
				users := map[string]any{}
				for id, u := range r.Users {
					users[id] = userJSON(u)
				}
				res["users"] = users
			}
			if len(r.Members) > 0 {
				members := map[string]any{}
				for id, mem := range r.Members {
					members[id] = memberJSON(mem, false)
				}
				res["members"] = members
			}
			if len(r.Roles) > 0 {
				res["roles"] = r.Roles
			}
			if len(r.Channels) > 0 {
				res["channels"] = r.Channels
			}
			out["resolved"] = res
		}
		return out
	case discordgo.MessageComponentInteractionData:
		out := map[string]any{"custom_id": d.CustomID, "component_type": d.ComponentType}
		if d.ComponentType != discordgo.ButtonComponent {
			values := d.Values
			if values == nil {
				values = []string{}
			}
			out["values"] = values
		}
		return out
	case discordgo.ModalSubmitInteractionData:
		rows := []any{}
		id := 1
		for _, c := range d.Components {
			var row *discordgo.ActionsRow
			switch r := c.(type) {
			case discordgo.ActionsRow:
				row = &r
			case *discordgo.ActionsRow: // as decoded (Build's output)
				row = r
			default:
				rows = append(rows, c)
				continue
			}
			inputs := []any{}
			rowID := id
			id++
			for _, in := range row.Components {
				var ti *discordgo.TextInput
				switch v := in.(type) {
				case discordgo.TextInput:
					ti = &v
				case *discordgo.TextInput:
					ti = v
				}
				if ti != nil {
					// A submitted input carries only its id and value.
					inputs = append(inputs, map[string]any{"type": 4, "id": id, "custom_id": ti.CustomID, "value": ti.Value})
				} else {
					inputs = append(inputs, in)
				}
				id++
			}
			rows = append(rows, map[string]any{"type": 1, "id": rowID, "components": inputs})
		}
		return map[string]any{"custom_id": d.CustomID, "components": rows}
	}
	return d
}

func userJSON(u *discordgo.User) map[string]any {
	out := map[string]any{
		"id": u.ID, "username": u.Username, "global_name": orNull(u.GlobalName), "discriminator": u.Discriminator,
		"avatar": orNull(u.Avatar), "public_flags": u.PublicFlags, "avatar_decoration_data": nil, "primary_guild": nil,
	}
	if u.Discriminator == "" {
		out["discriminator"] = "0"
	}
	if u.Bot {
		out["bot"] = true
	}
	return out
}

// memberJSON: interaction payloads carry permissions; resolved members
// carry no user (it is in resolved.users).
func memberJSON(mem *discordgo.Member, withUser bool) map[string]any {
	roles := mem.Roles
	if roles == nil {
		roles = []string{}
	}
	out := map[string]any{
		"roles": roles, "joined_at": timestamp(mem.JoinedAt), "nick": orNull(mem.Nick), "avatar": orNull(mem.Avatar),
		"premium_since": nil, "deaf": mem.Deaf, "mute": mem.Mute, "pending": mem.Pending, "flags": mem.Flags,
		"permissions": strconv.FormatInt(mem.Permissions, 10), "communication_disabled_until": nil,
	}
	if withUser && mem.User != nil {
		out["user"] = userJSON(mem.User)
	}
	return out
}

func messageJSON(msg *discordgo.Message) map[string]any {
	out := map[string]any{
		"id": msg.ID, "channel_id": msg.ChannelID, "type": msg.Type, "content": msg.Content,
		"timestamp": timestamp(msg.Timestamp), "edited_timestamp": nil, "tts": msg.TTS,
		"mention_everyone": false, "mentions": []any{}, "mention_roles": []any{}, "attachments": []any{},
		"embeds": []any{}, "components": []any{}, "pinned": msg.Pinned, "flags": msg.Flags,
	}
	if msg.Author != nil {
		out["author"] = userJSON(msg.Author)
	}
	if len(msg.Embeds) > 0 {
		out["embeds"] = msg.Embeds
	}
	if len(msg.Components) > 0 {
		out["components"] = msg.Components
	}
	if msg.Author != nil && msg.Author.ID == botUserID {
		out["application_id"] = appID
	}
	if msg.GuildID != "" {
		out["guild_id"] = msg.GuildID
	}
	return out
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
