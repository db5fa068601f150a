package bot

import (
	"github.com/bwmarrin/discordgo"
)

// Kind says what sort of interaction an Input is.
type Kind int

// Interaction kinds the bot handles.
const (
	KindCommand      Kind = iota // slash command or context-menu command
	KindAutocomplete             // an option is being typed
	KindComponent                // a button was pressed
)

// Input is everything a handler may know about one interaction, without
// discordgo's session: handlers are plain functions of it.
type Input struct {
	Kind Kind
	// Command is the command's (unlocalized) name; for components the
	// command whose message the button is on is not known, so it is empty.
	Command string
	// Sub is the subcommand, if any ("channel", "off").
	Sub string
	// Options holds option values: string, int64, bool; channel, user and
	// role options as their ID string.
	Options map[string]any
	// Focused is the option being typed (KindAutocomplete).
	Focused string
	// CustomID is the pressed button's custom_id (KindComponent).
	CustomID string
	// Message is the message a pressed button is on (KindComponent).
	Message *discordgo.Message
	// TargetText is the text of the message a context-menu command was
	// used on.
	TargetText string
	// Attachments are the files uploaded with attachment options, by
	// attachment ID (the option's value).
	Attachments map[string]*discordgo.MessageAttachment
	// localFiles are the contents of attachments the console's operator
	// named on this machine, by attachment ID; Discord's attachments are
	// downloaded instead.
	localFiles map[string][]byte

	UserID    string
	GuildID   string // "" in DMs
	ChannelID string
	// Perms are the member's permissions in the channel (0 in DMs).
	Perms int64
	// Roles are the member's role IDs.
	Roles []string
	// Locale is the user's client locale; GuildLocale the guild's.
	Locale      string
	GuildLocale string
}

func (in Input) lang() lang { return langOf(in.Locale) }

func (in Input) stringOpt(name string) string {
	s, _ := in.Options[name].(string)
	return s
}

func (in Input) intOpt(name string, def int64) int64 {
	if v, ok := in.Options[name].(int64); ok {
		return v
	}
	return def
}

func (in Input) boolOpt(name string) bool {
	v, _ := in.Options[name].(bool)
	return v
}

// Reply is what a handler answers: one message, possibly with follow-ups.
// One adapter (deliver) turns it into Discord API calls for every mode.
type Reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	// Ephemeral replies are seen only by the user who asked.
	Ephemeral bool
	// Update edits the message a pressed button is on instead of posting
	// a new message (KindComponent only).
	Update bool
	// Choices answer an autocomplete interaction.
	Choices []*discordgo.ApplicationCommandOptionChoice
	// FollowUps are further messages sent after this one.
	FollowUps []Reply
}

// textReply is an ephemeral message with only text.
func textReply(s string) Reply { return Reply{Content: s, Ephemeral: true} }

// inputOf turns a discordgo interaction into an Input.
func inputOf(i *discordgo.Interaction) Input {
	in := Input{
		GuildID:   i.GuildID,
		ChannelID: i.ChannelID,
		Locale:    string(i.Locale),
		Options:   map[string]any{},
	}
	if i.GuildLocale != nil {
		in.GuildLocale = string(*i.GuildLocale)
	}
	switch {
	case i.Member != nil:
		in.Perms = i.Member.Permissions
		in.Roles = i.Member.Roles
		if i.Member.User != nil {
			in.UserID = i.Member.User.ID
		}
	case i.User != nil:
		in.UserID = i.User.ID
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		in.Kind = KindCommand
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			in.Kind = KindAutocomplete
		}
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		in.Command = d.Name
		opts := d.Options
		if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
			in.Sub = opts[0].Name
			opts = opts[0].Options
		}
		for _, o := range opts {
			if o.Focused {
				in.Focused = o.Name
			}
			in.Options[o.Name] = optionValue(o)
		}
		if d.CommandType == discordgo.MessageApplicationCommand && d.Resolved != nil {
			if m, ok := d.Resolved.Messages[d.TargetID]; ok && m != nil {
				in.TargetText = m.Content
			}
		}
		if d.Resolved != nil {
			in.Attachments = d.Resolved.Attachments
		}
	case discordgo.InteractionMessageComponent:
		in.Kind = KindComponent
		d, _ := i.Data.(discordgo.MessageComponentInteractionData)
		in.CustomID = d.CustomID
		in.Message = i.Message
	}
	return in
}

// optionValue extracts an option's value without discordgo's accessors,
// which panic on a type mismatch (and autocomplete sends partial input).
func optionValue(o *discordgo.ApplicationCommandInteractionDataOption) any {
	switch v := o.Value.(type) {
	case float64:
		if o.Type == discordgo.ApplicationCommandOptionInteger {
			return int64(v)
		}
		return v
	case string:
		return v
	case bool:
		return v
	}
	return o.Value
}
