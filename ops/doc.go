// Package ops is what it takes to operate claimbot: Prometheus metrics on a
// private registry (never the global one, so tests and several bots in one
// process do not collide), and the health endpoints an orchestrator polls.
//
// The bot reports through the bot.Metrics interface, which *Metrics
// implements; the feed poller through Metrics.FeedPoll, which has the
// signature of ingest.PollerOptions.OnPoll; the index through
// Metrics.WatchLibrary, read at scrape time. Mux serves /healthz (the
// process is up), /readyz (every readiness check passes) and /metrics.
package ops
