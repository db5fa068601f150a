package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
)

// responder is how one interaction is answered. Discord wants exactly one
// first response (respond) within 3 s; everything later goes through the
// interaction's webhook (edit, delete, follow-up). The gateway and HTTP
// modes differ only in how the first response travels; the console prints.
type responder interface {
	respond(ctx context.Context, r *discordgo.InteractionResponse) error
	editOriginal(ctx context.Context, e *discordgo.WebhookEdit) error
	deleteOriginal(ctx context.Context) error
	followup(ctx context.Context, p *discordgo.WebhookParams) error
}

// route describes how a command is run.
type route struct {
	handle func(ctx context.Context, in Input) (Reply, error)
	// moderator commands are refused to others before anything runs.
	moderator bool
	// guildOnly commands are refused in DMs.
	guildOnly bool
	// operator commands change what every guild sees: only operator
	// guilds may run them.
	operator bool
	// slow commands are deferred at once: their work is known to take
	// longer than Discord's 3 s.
	slow bool
	// public reports whether a deferred first response should be visible
	// to everyone; the deferral fixes the message's visibility.
	public func(Input) bool
}

// route finds the route for a command or a button.
func (b *Bot) route(in Input) (route, bool) {
	if in.Kind == KindComponent {
		switch componentAction(in.CustomID) {
		case actionPage:
			return route{handle: b.page}, true
		case actionVerdict:
			return route{handle: b.verdict, moderator: true, guildOnly: true}, true
		}
		return route{}, false
	}
	switch in.Command {
	case cmdClaim:
		return route{handle: b.claim, public: func(in Input) bool { return in.boolOpt("public") }}, true
	case cmdCheckClaim:
		return route{handle: b.checkClaim}, true
	case cmdSource:
		return route{handle: b.source}, true
	case cmdReindex:
		return route{handle: b.reindex, moderator: true, guildOnly: true, operator: true, slow: true}, true
	case cmdAlerts:
		return route{handle: b.alerts, moderator: true, guildOnly: true}, true
	case cmdStats:
		return route{handle: b.stats}, true
	case cmdTimeline:
		return route{handle: b.timeline}, true
	case cmdArticle:
		// Adding fetches a page or file: defer at once.
		return route{handle: b.article, moderator: true, guildOnly: true, slow: in.Sub == subArticleAdd}, true
	case cmdFeeds:
		return route{handle: b.feeds, moderator: true, guildOnly: true, slow: in.Sub == subFeedsAdd}, true
	}
	return route{}, false
}

// result is a handler's outcome.
type result struct {
	reply Reply
	err   error
}

// serve answers one interaction: guard checks, the handler, deferral when
// the handler is slow, and delivery. It returns when everything including
// follow-ups has been sent.
func (b *Bot) serve(ctx context.Context, rs responder, in Input) {
	// Interactions outlive the event that delivered them: once accepted,
	// an answer is owed even when shutdown cancels the parent context.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 14*time.Minute)
	defer cancel()
	log := b.log.With("command", in.Command, "kind", kindName(in.Kind), "guild", in.GuildID, "user", in.UserID)
	// obs times the answers and, when serve returns, logs one line and
	// records metrics; it also catches a panic outside the handler.
	obs := b.observe(rs, in)
	rs = obs
	started := b.track.start()
	if started {
		defer b.track.done() // after obs.finish: a panic answer is in flight too
	}
	defer obs.finish(ctx, log)
	b.rememberGuild(in.GuildID, in.GuildLocale)
	l := in.lang()

	if !started {
		obs.setOutcome(OutcomeDraining)
		b.deliverFirst(ctx, log, rs, in, textReply(errorText(l, in.Command, errDraining)))
		return
	}
	if in.Kind == KindAutocomplete {
		// Autocomplete cannot be deferred; it is answered from memory. It
		// passes the same guard as the command: suggestions show feeds and
		// excluded articles, which are the moderators' business.
		choices := []*discordgo.ApplicationCommandOptionChoice{}
		if r, ok := b.route(in); ok {
			if _, refused := b.guard(ctx, r, in); !refused {
				choices = b.autocomplete(in)
			} else {
				obs.setOutcome(OutcomeRefused)
			}
		}
		resp := &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: fitChoices(choices)},
		}
		if err := rs.respond(ctx, resp); err != nil {
			log.WarnContext(ctx, "autocomplete response failed", "err", err)
		}
		return
	}
	r, ok := b.route(in)
	if !ok {
		obs.setKnown(false)
		obs.setOutcome(OutcomeUnknown)
		b.deliverFirst(ctx, log, rs, in, textReply(l.t(msgUnknownCmd)))
		return
	}
	if refusal, refused := b.guard(ctx, r, in); refused {
		obs.setOutcome(OutcomeRefused)
		b.deliverFirst(ctx, log, rs, in, refusal)
		return
	}

	done := make(chan result, 1)
	go func() { done <- b.run(ctx, log, r, in) }()

	var res result
	deferred := r.slow
	if !deferred {
		select {
		case res = <-done:
		case <-b.after(b.cfg.DeferAfter):
			deferred = true
		}
	}
	if deferred {
		public := r.public != nil && r.public(in)
		deferral := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if in.Kind == KindComponent {
			deferral.Type = discordgo.InteractionResponseDeferredMessageUpdate
		} else if !public {
			deferral.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		err := rs.respond(ctx, deferral)
		if err != nil {
			log.WarnContext(ctx, "deferral failed", "err", err)
		}
		res = <-done
		if err == nil {
			b.deliverLater(ctx, log, rs, in, res.reply, public)
		}
	} else {
		b.deliverFirst(ctx, log, rs, in, res.reply)
	}
	obs.setResult(res.err)
	for _, f := range res.reply.FollowUps {
		if err := rs.followup(ctx, followupParams(f)); err != nil {
			log.WarnContext(ctx, "follow-up failed", "err", err)
		}
	}
}

// guard refuses moderator commands to others and guild commands in DMs.
func (b *Bot) guard(ctx context.Context, r route, in Input) (Reply, bool) {
	l := in.lang()
	if (r.guildOnly || r.moderator) && in.GuildID == "" {
		return textReply(l.t(msgNeedsServer)), true
	}
	if r.moderator && !b.isModerator(ctx, in) {
		return textReply(l.t(msgNotModerator)), true
	}
	if r.operator && !b.isOperator(in.GuildID) {
		return textReply(l.t(msgOperatorsOnly)), true
	}
	return Reply{}, false
}

// run calls the handler, turning errors and panics into replies.
func (b *Bot) run(ctx context.Context, log *slog.Logger, r route, in Input) (res result) {
	defer func() {
		if p := recover(); p != nil {
			log.ErrorContext(ctx, "handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res = result{reply: textReply(errorText(in.lang(), in.Command, panicError{p})), err: panicError{p}}
		}
	}()
	reply, err := r.handle(ctx, in)
	if err != nil {
		if claimbot.ErrorCode(err) == claimbot.EINTERNAL {
			log.ErrorContext(ctx, "command failed", "err", err)
		} else {
			log.InfoContext(ctx, "command refused", "code", claimbot.ErrorCode(err), "err", err)
		}
		return result{reply: textReply(errorText(in.lang(), in.Command, err)), err: err}
	}
	return result{reply: reply}
}

// deliverFirst sends a reply as the interaction's first response.
func (b *Bot) deliverFirst(ctx context.Context, log *slog.Logger, rs responder, in Input, r Reply) {
	resp := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(r),
	}
	if in.Kind == KindComponent && r.Update {
		resp.Type = discordgo.InteractionResponseUpdateMessage
		resp.Data.Flags = 0 // an update keeps the message's visibility
	}
	if err := rs.respond(ctx, resp); err != nil {
		log.WarnContext(ctx, "response failed", "err", err)
	}
}

// deliverLater sends a reply after a deferral. A deferral fixes the
// visibility of the original response, so an ephemeral reply (a refusal,
// "no results") after a public deferral replaces it with an ephemeral
// follow-up instead of showing it to everyone.
func (b *Bot) deliverLater(ctx context.Context, log *slog.Logger, rs responder, in Input, r Reply, public bool) {
	var err error
	switch {
	case in.Kind == KindComponent && !r.Update:
		err = rs.followup(ctx, followupParams(r))
	case in.Kind != KindComponent && r.Ephemeral && public:
		if err = rs.deleteOriginal(ctx); err != nil {
			log.WarnContext(ctx, "deleting the public deferral failed", "err", err)
		}
		err = rs.followup(ctx, followupParams(r))
	default:
		err = rs.editOriginal(ctx, webhookEdit(r))
	}
	if err != nil {
		log.WarnContext(ctx, "delivering the deferred reply failed", "err", err)
	}
}

// noMentions is set on every message: article text and user input must
// never ping anyone, whatever they contain.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// message is a reply cut to Discord's limits.
func message(r Reply) (content string, embeds []*discordgo.MessageEmbed, comps []discordgo.MessageComponent) {
	content = truncateMarkdown(r.Content, maxContent)
	embeds = fitEmbeds(r.Embeds)
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	comps = r.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	return content, embeds, comps
}

func responseData(r Reply) *discordgo.InteractionResponseData {
	content, embeds, comps := message(r)
	d := &discordgo.InteractionResponseData{
		Content:         content,
		Embeds:          embeds,
		Components:      comps,
		AllowedMentions: noMentions(),
	}
	if r.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

func webhookEdit(r Reply) *discordgo.WebhookEdit {
	content, embeds, comps := message(r)
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &comps,
		AllowedMentions: noMentions(),
	}
}

func followupParams(r Reply) *discordgo.WebhookParams {
	content, embeds, comps := message(r)
	p := &discordgo.WebhookParams{
		Content:         content,
		Embeds:          embeds,
		Components:      comps,
		AllowedMentions: noMentions(),
	}
	if r.Ephemeral {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	return p
}

// restResponder answers over Discord's REST API (gateway mode; HTTP mode
// for everything after the first response). With b set, failed calls are
// retried after Discord's 5xx (see withRetry).
type restResponder struct {
	s *discordgo.Session
	i *discordgo.Interaction
	b *Bot
}

func (r restResponder) do(ctx context.Context, op string, idempotent bool, call func() error) error {
	if r.b == nil {
		return call()
	}
	return r.b.withRetry(ctx, op, idempotent, call)
}

func (r restResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return r.do(ctx, "respond", false, func() error {
		return r.s.InteractionRespond(r.i, resp, discordgo.WithContext(ctx))
	})
}

// editOriginal uses a rate-limit bucket per interaction token: discordgo's
// InteractionResponseEdit puts every interaction's edits into one bucket
// (bwmarrin/discordgo#1384), serialising unrelated users' answers.
func (r restResponder) editOriginal(ctx context.Context, e *discordgo.WebhookEdit) error {
	uri := discordgo.EndpointWebhookMessage(r.i.AppID, r.i.Token, "@original")
	return r.do(ctx, "edit", true, func() error {
		_, err := r.s.RequestWithBucketID("PATCH", uri, e, discordgo.EndpointWebhookToken(r.i.AppID, r.i.Token), discordgo.WithContext(ctx))
		return err
	})
}

func (r restResponder) deleteOriginal(ctx context.Context) error {
	uri := discordgo.EndpointWebhookMessage(r.i.AppID, r.i.Token, "@original")
	return r.do(ctx, "delete", true, func() error {
		_, err := r.s.RequestWithBucketID("DELETE", uri, nil, discordgo.EndpointWebhookToken(r.i.AppID, r.i.Token), discordgo.WithContext(ctx))
		return err
	})
}

func (r restResponder) followup(ctx context.Context, p *discordgo.WebhookParams) error {
	return r.do(ctx, "followup", false, func() error {
		_, err := r.s.FollowupMessageCreate(r.i, true, p, discordgo.WithContext(ctx))
		return err
	})
}
