package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/claimbot/claimbot"
)

// opsState is what the bot keeps for operating it: metrics, readiness,
// and the REST retry policy.
type opsState struct {
	metrics Metrics
	// gatewayUp is true between READY/RESUMED and the next disconnect.
	gatewayUp atomic.Bool
	// httpOn is true while RunHTTP runs.
	httpOn atomic.Bool
	retry  retryPolicy
}

func (o *opsState) init(m Metrics) {
	if m == nil {
		m = nopMetrics{}
	}
	o.metrics = m
	o.retry = retryPolicy{attempts: 4, base: 250 * time.Millisecond, wait: sleepCtx}
}

// Ready reports whether the bot takes interactions: nil in HTTP mode while
// RunHTTP runs, and in gateway mode while the gateway session is up (after
// READY or RESUMED, until a disconnect). Otherwise it says why not. It is
// what /readyz asks, besides the index.
func (b *Bot) Ready() error {
	if b.track.isClosed() {
		return errors.New("shutting down")
	}
	switch {
	case b.ops.httpOn.Load():
		return nil
	case b.ops.gatewayUp.Load():
		return nil
	case b.session == nil:
		return errors.New("no Discord session")
	}
	return errors.New("not connected to the Discord gateway")
}

func (t *tracker) isClosed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.closed
}

// retryPolicy bounds the bot's own retries of REST calls after 5xx
// answers: discordgo retries only 502 (at once) and 429 (after the
// advertised wait), and gives up on 500, 503 and 504.
type retryPolicy struct {
	attempts int           // tries in all
	base     time.Duration // first back-off; doubles after each try
	wait     func(ctx context.Context, d time.Duration) error
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withRetry runs call until it succeeds, fails for good, or the attempts
// are used up. Only calls that are safe to repeat go through it: edits and
// deletes of the original response (idempotent), the first response
// (Discord refuses a second one, which then means the first arrived),
// follow-ups and channel posts (sent with a nonce where Discord supports
// one). A network error is retried only for idempotent calls, since the
// request may have been carried out.
func (b *Bot) withRetry(ctx context.Context, op string, idempotent bool, call func() error) error {
	p := b.ops.retry
	if p.attempts <= 0 {
		return call()
	}
	var err error
	for try := 1; ; try++ {
		err = call()
		if err == nil || try >= p.attempts || !retryable(err, idempotent) || ctx.Err() != nil {
			if err != nil && try > 1 && op == "respond" && alreadyAcknowledged(err) {
				return nil // an earlier try was carried out after all
			}
			return err
		}
		d := p.base << (try - 1)
		b.metrics().Retry(op)
		b.log.WarnContext(ctx, "Discord REST call failed; retrying", "op", op, "try", try, "backoff", d, "err", err)
		if p.wait(ctx, d) != nil {
			return err
		}
	}
}

// retryable reports whether a failed REST call may succeed when repeated:
// Discord's 500, 502, 503 and 504.
func retryable(err error, idempotent bool) bool {
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		if re.Response == nil {
			return false
		}
		switch re.Response.StatusCode {
		case 500, 502, 503, 504:
			return true
		}
		return false
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return false
	}
	// discordgo's own 502 retries exhausted, or no response at all.
	return idempotent || isExhausted502(err)
}

func isExhausted502(err error) bool {
	const prefix = "Exceeded Max retries HTTP 502"
	s := err.Error()
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// alreadyAcknowledged is Discord's 40060 "Interaction has already been
// acknowledged".
func alreadyAcknowledged(err error) bool {
	var re *discordgo.RESTError
	return errors.As(err, &re) && re.Message != nil && re.Message.Code == 40060
}

// interactionExpired is 10062 "Unknown interaction": the first response
// came after Discord's 3 seconds.
func interactionExpired(err error) bool {
	var re *discordgo.RESTError
	return errors.As(err, &re) && re.Message != nil && re.Message.Code == discordgo.ErrCodeUnknownInteraction
}

// errRequestGone: in HTTP mode the request was given up (it answered 503
// after firstResponseWait) before the first response was ready.
var errRequestGone = errors.New("bot: the interaction request ended before the first response")

// panicError is the error of a handler that panicked.
type panicError struct{ value any }

func (p panicError) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// observer wraps an interaction's responder to time its answers, notice
// failed deliveries, and, when serve ends, write the interaction's log line
// and metrics.
type observer struct {
	responder
	b     *Bot
	in    Input
	start time.Time

	mu                  sync.Mutex
	known               bool   // the command or button exists
	outcome             string // set by serve; OutcomeOK when unset
	firstAt, lastAt     time.Time
	responded, deferred bool
	failed, expired     bool
}

func (b *Bot) observe(rs responder, in Input) *observer {
	return &observer{responder: rs, b: b, in: in, start: b.now(), known: true}
}

func (o *observer) setOutcome(s string) {
	o.mu.Lock()
	o.outcome = s
	o.mu.Unlock()
}

func (o *observer) setKnown(ok bool) {
	o.mu.Lock()
	o.known = ok
	o.mu.Unlock()
}

// setResult classifies a handler's error.
func (o *observer) setResult(err error) {
	var pe panicError
	switch {
	case err == nil:
		return
	case errors.As(err, &pe):
		o.setOutcome(OutcomePanic)
		return
	}
	switch claimbot.ErrorCode(err) {
	case claimbot.EINVALID, claimbot.ENOTFOUND, claimbot.ECONFLICT:
		o.setOutcome(OutcomeInvalid)
	case claimbot.EFORBIDDEN:
		o.setOutcome(OutcomeRefused)
	default:
		o.setOutcome(OutcomeError)
	}
}

func (o *observer) delivered(err error, first bool, deferral bool) {
	now := o.b.now()
	o.mu.Lock()
	defer o.mu.Unlock()
	if err != nil {
		o.failed = true
		if first && (errors.Is(err, errRequestGone) || interactionExpired(err)) {
			o.expired = true
		}
		return
	}
	if first {
		o.responded, o.deferred, o.firstAt = true, deferral, now
	}
	o.lastAt = now
}

func (o *observer) respond(ctx context.Context, r *discordgo.InteractionResponse) error {
	err := o.responder.respond(ctx, r)
	deferral := r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource ||
		r.Type == discordgo.InteractionResponseDeferredMessageUpdate
	o.delivered(err, true, deferral)
	return err
}

func (o *observer) editOriginal(ctx context.Context, e *discordgo.WebhookEdit) error {
	err := o.responder.editOriginal(ctx, e)
	o.delivered(err, false, false)
	return err
}

func (o *observer) deleteOriginal(ctx context.Context) error {
	// Deleting a public deferral is a step, not an answer: it does not
	// move the answer's time.
	err := o.responder.deleteOriginal(ctx)
	if err != nil {
		o.mu.Lock()
		o.failed = true
		o.mu.Unlock()
	}
	return err
}

func (o *observer) followup(ctx context.Context, p *discordgo.WebhookParams) error {
	err := o.responder.followup(ctx, p)
	o.delivered(err, false, false)
	return err
}

// finish runs when serve returns (deferred): it turns a panic outside the
// handler into an error answer, so one bad interaction never takes the bot
// down, then records the interaction.
func (o *observer) finish(ctx context.Context, log *slog.Logger) {
	if p := recover(); p != nil {
		log.ErrorContext(ctx, "serving an interaction panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		o.setOutcome(OutcomePanic)
		o.answerPanic(ctx, log)
	}
	o.mu.Lock()
	ev := InteractionEvent{
		Command:  commandLabel(o.in, o.known),
		Kind:     kindName(o.in.Kind),
		Outcome:  o.outcome,
		Deferred: o.deferred,
	}
	if ev.Outcome == "" {
		ev.Outcome = OutcomeOK
	}
	if o.failed && ev.Outcome != OutcomePanic {
		ev.Outcome = OutcomeUndelivered
	}
	if o.responded {
		ev.First = o.firstAt.Sub(o.start)
		ev.Final = o.lastAt.Sub(o.start)
	}
	ev.DeadlineMissed = o.expired || !o.responded || ev.First > firstResponseDeadline
	o.mu.Unlock()

	o.b.metrics().Interaction(ev)
	lvl := slog.LevelInfo
	if ev.Outcome == OutcomeError || ev.Outcome == OutcomePanic || ev.Outcome == OutcomeUndelivered {
		lvl = slog.LevelWarn
	}
	log.LogAttrs(ctx, lvl, "interaction",
		slog.String("outcome", ev.Outcome),
		slog.Float64("latency_ms", ms(ev.Final)),
		slog.Float64("first_response_ms", ms(ev.First)),
		slog.Bool("deferred", ev.Deferred),
		slog.Bool("deadline_missed", ev.DeadlineMissed),
	)
}

// answerPanic tells the user something went wrong, if they have not been
// answered yet. It must not panic itself.
func (o *observer) answerPanic(ctx context.Context, log *slog.Logger) {
	defer func() {
		if p := recover(); p != nil {
			log.ErrorContext(ctx, "answering after a panic panicked too", "panic", fmt.Sprint(p))
		}
	}()
	o.mu.Lock()
	responded, deferred, final := o.responded, o.deferred, o.lastAt.After(o.firstAt)
	o.mu.Unlock()
	r := textReply(errorText(o.in.lang(), o.in.Command, panicError{}))
	switch {
	case !responded:
		if err := o.respond(ctx, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource, Data: responseData(r),
		}); err != nil {
			log.WarnContext(ctx, "error response after a panic failed", "err", err)
		}
	case deferred && !final:
		if err := o.editOriginal(ctx, webhookEdit(r)); err != nil {
			log.WarnContext(ctx, "error response after a panic failed", "err", err)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
