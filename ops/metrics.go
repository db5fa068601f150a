package ops

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/claimbot/claimbot/bot"
	"github.com/claimbot/claimbot/ingest"
	"github.com/claimbot/claimbot/library"
)

// Options configure New.
type Options struct {
	// Now is the clock for ages (default time.Now).
	Now func() time.Time
	// NoRuntime leaves out the Go runtime and process collectors (tests
	// that compare whole expositions).
	NoRuntime bool
}

// Metrics is claimbot's Prometheus instrumentation. It implements
// bot.Metrics. Create it with New; it is safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry
	now func() time.Time

	interactions   *prometheus.CounterVec
	firstResponse  *prometheus.HistogramVec
	answer         *prometheus.HistogramVec
	deferrals      *prometheus.CounterVec
	deadlineMisses *prometheus.CounterVec

	searches       *prometheus.CounterVec
	searchDuration prometheus.Histogram

	reindexes       *prometheus.CounterVec
	reindexDuration prometheus.Histogram

	alerts *prometheus.CounterVec

	feedPolls     *prometheus.CounterVec
	feedFailures  prometheus.Counter
	feedItems     *prometheus.CounterVec
	feedLastPoll  prometheus.Gauge
	restRequests  *prometheus.CounterVec
	restErrors    *prometheus.CounterVec
	restDuration  *prometheus.HistogramVec
	rateLimits    *prometheus.CounterVec
	rateLimitWait prometheus.Counter
	restRetries   *prometheus.CounterVec
	gateway       *prometheus.CounterVec
	worker        prometheus.Gauge // nil until WatchReplica
}

var _ bot.Metrics = (*Metrics)(nil)

// Latency buckets in seconds: Discord's 3 s first-response limit and the
// 1.5 s deferral budget are bucket bounds, so the share of answers within
// them can be read off directly.
var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 1.5, 2, 3, 5, 10, 30, 60}

// New creates the metrics on a fresh private registry.
func New(opts Options) *Metrics {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	reg := prometheus.NewRegistry()
	if !opts.NoRuntime {
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	f := factory{reg}
	m := &Metrics{reg: reg, now: opts.Now}

	m.interactions = f.counterVec("claimbot_interactions_total",
		"Interactions answered, by command, kind and outcome (ok, invalid, refused, error, panic, unknown, draining, undelivered).",
		"command", "kind", "outcome")
	m.firstResponse = f.histogramVec("claimbot_interaction_first_response_seconds",
		"Time from receiving an interaction to its first response (answer or deferral); Discord allows 3 s.",
		latencyBuckets, "command")
	m.answer = f.histogramVec("claimbot_interaction_answer_seconds",
		"Time from receiving an interaction to its final answer (the edit after a deferral).",
		latencyBuckets, "command")
	m.deferrals = f.counterVec("claimbot_interaction_deferrals_total",
		"Interactions whose first response was a deferral.", "command")
	m.deadlineMisses = f.counterVec("claimbot_interaction_deadline_misses_total",
		"Interactions whose first response came after Discord's 3 s or never.", "command")

	m.searches = f.counterVec("claimbot_searches_total",
		"Library searches by outcome (ok, empty, invalid, timeout, error).", "outcome")
	m.searchDuration = f.histogram("claimbot_search_duration_seconds",
		"Duration of library searches.", []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10})

	m.reindexes = f.counterVec("claimbot_reindex_total", "Re-index runs by result (ok, error).", "result")
	m.reindexDuration = f.histogram("claimbot_reindex_duration_seconds",
		"Duration of re-index runs.", []float64{.1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300})

	m.alerts = f.counterVec("claimbot_alerts_total",
		"Contradiction alerts by stage: raised (by a re-index or addition), posted, queued (post failed, in the outbox), retried (posted from the outbox), dropped (outbox entry removed unposted).",
		"stage")

	m.feedPolls = f.counterVec("claimbot_feed_polls_total", "Feed poll passes by result (ok, error).", "result")
	m.feedFailures = f.counter("claimbot_feed_failures_total",
		"Feeds that could not be polled (one per feed and pass).")
	m.feedItems = f.counterVec("claimbot_feed_items_total",
		"Feed items by result (added, duplicate, refused, failed).", "result")
	m.feedLastPoll = f.gauge("claimbot_feed_last_poll_timestamp_seconds", "Unix time of the last feed poll pass.")

	m.restRequests = f.counterVec("claimbot_discord_rest_requests_total",
		"Discord REST responses by method, route template and status (0: no response).", "method", "route", "status")
	m.restErrors = f.counterVec("claimbot_discord_rest_errors_total",
		"Discord REST calls that failed: status 4xx/5xx, or 0 for no response.", "status")
	m.restDuration = f.histogramVec("claimbot_discord_rest_duration_seconds",
		"Duration of Discord REST requests.", latencyBuckets, "method")
	m.rateLimits = f.counterVec("claimbot_discord_rate_limit_waits_total",
		"429 answers from Discord that were waited out before retrying.", "route")
	m.rateLimitWait = f.counter("claimbot_discord_rate_limit_wait_seconds_total",
		"Seconds spent waiting out Discord's 429 answers.")
	m.restRetries = f.counterVec("claimbot_discord_rest_retries_total",
		"Retries of Discord REST calls after a 5xx, by operation (respond, edit, delete, followup, post).", "op")
	m.gateway = f.counterVec("claimbot_gateway_events_total",
		"Gateway connection events (ready, resumed, disconnected).", "event")
	return m
}

// Registry is the private registry, for adding collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// WatchLibrary exports the index's size and age, read from stats at every
// scrape.
func (m *Metrics) WatchLibrary(stats func() library.Stats) {
	f := factory{m.reg}
	f.gaugeFunc("claimbot_index_articles", "Articles in the index.", func() float64 { return float64(stats().Articles) })
	f.gaugeFunc("claimbot_index_passages", "Passages (paragraphs) in the index.", func() float64 { return float64(stats().Passages) })
	f.gaugeFunc("claimbot_index_age_seconds", "Seconds since the index was last rebuilt from scratch.", func() float64 {
		return m.age(stats().IndexBuilt)
	})
	f.gaugeFunc("claimbot_index_last_change_age_seconds", "Seconds since an article was last added, changed or removed.", func() float64 {
		return m.age(stats().LastChange)
	})
}

// WatchReplica exports how far this instance's index has got with the
// shared archive's change log (several instances on one database), read
// from status at every scrape.
func (m *Metrics) WatchReplica(status func() library.ReplicaStatus) {
	f := factory{m.reg}
	f.gaugeFunc("claimbot_replica_applied_sequence", "The last change of the shared archive this instance's index has applied.", func() float64 {
		return float64(status().Applied)
	})
	f.gaugeFunc("claimbot_replica_latest_sequence", "The newest change of the shared archive this instance knows of.", func() float64 {
		return float64(status().Latest)
	})
	f.gaugeFunc("claimbot_replica_lag_changes", "Changes of the shared archive this instance's index has not applied yet.", func() float64 {
		st := status()
		return float64(max(st.Latest-st.Applied, 0))
	})
	f.gaugeFunc("claimbot_replica_lag_seconds", "Seconds this instance's index has been behind the shared archive (0 when caught up).", func() float64 {
		return status().Lag.Seconds()
	})
	m.worker = f.gauge("claimbot_worker", "1 while this instance holds the worker lock and runs the shared jobs (feed polling, contradiction checks of new articles).")
}

// SetWorker records whether this instance holds the worker lock.
func (m *Metrics) SetWorker(leading bool) {
	if m.worker == nil {
		return
	}
	if leading {
		m.worker.Set(1)
	} else {
		m.worker.Set(0)
	}
}

func (m *Metrics) age(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return m.now().Sub(t).Seconds()
}

// Interaction implements bot.Metrics.
func (m *Metrics) Interaction(ev bot.InteractionEvent) {
	m.interactions.WithLabelValues(ev.Command, ev.Kind, ev.Outcome).Inc()
	if ev.First > 0 || ev.Final > 0 {
		m.firstResponse.WithLabelValues(ev.Command).Observe(ev.First.Seconds())
		m.answer.WithLabelValues(ev.Command).Observe(ev.Final.Seconds())
	}
	if ev.Deferred {
		m.deferrals.WithLabelValues(ev.Command).Inc()
	}
	if ev.DeadlineMissed {
		m.deadlineMisses.WithLabelValues(ev.Command).Inc()
	}
}

// Search implements bot.Metrics.
func (m *Metrics) Search(outcome string, took time.Duration) {
	m.searches.WithLabelValues(outcome).Inc()
	m.searchDuration.Observe(took.Seconds())
}

// Reindex implements bot.Metrics.
func (m *Metrics) Reindex(took time.Duration, err error) {
	if err != nil {
		m.reindexes.WithLabelValues("error").Inc()
		return
	}
	m.reindexes.WithLabelValues("ok").Inc()
	m.reindexDuration.Observe(took.Seconds())
}

// Alerts implements bot.Metrics.
func (m *Metrics) Alerts(stage string, n int) {
	if n > 0 {
		m.alerts.WithLabelValues(stage).Add(float64(n))
	}
}

// REST implements bot.Metrics.
func (m *Metrics) REST(method, route string, status int, took time.Duration) {
	code := strconv.Itoa(status)
	m.restRequests.WithLabelValues(method, route, code).Inc()
	m.restDuration.WithLabelValues(method).Observe(took.Seconds())
	if status == 0 || status >= 400 {
		m.restErrors.WithLabelValues(code).Inc()
	}
}

// RateLimited implements bot.Metrics.
func (m *Metrics) RateLimited(route string, wait time.Duration, _ bool) {
	m.rateLimits.WithLabelValues(route).Inc()
	m.rateLimitWait.Add(wait.Seconds())
}

// Retry implements bot.Metrics.
func (m *Metrics) Retry(op string) { m.restRetries.WithLabelValues(op).Inc() }

// Gateway implements bot.Metrics.
func (m *Metrics) Gateway(event string) { m.gateway.WithLabelValues(event).Inc() }

// FeedPoll counts one poll pass of the feed poller. It has the signature
// of ingest.PollerOptions.OnPoll, so the poller can report to it directly
// (or through a function that also does other things).
func (m *Metrics) FeedPoll(rep ingest.PollReport, err error) {
	m.feedLastPoll.Set(float64(m.now().UnixNano()) / 1e9)
	if err != nil {
		m.feedPolls.WithLabelValues("error").Inc()
	} else {
		m.feedPolls.WithLabelValues("ok").Inc()
	}
	for _, f := range rep.Feeds {
		if f.Err != "" {
			m.feedFailures.Inc()
		}
		m.feedItems.WithLabelValues("added").Add(float64(len(f.Added)))
		m.feedItems.WithLabelValues("duplicate").Add(float64(f.Duplicates))
		m.feedItems.WithLabelValues("refused").Add(float64(len(f.Refused)))
		m.feedItems.WithLabelValues("failed").Add(float64(len(f.Failed)))
	}
}

// factory registers collectors on one registry.
type factory struct{ reg *prometheus.Registry }

func (f factory) counter(name, help string) prometheus.Counter {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
	f.reg.MustRegister(c)
	return c
}

func (f factory) counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	f.reg.MustRegister(c)
	return c
}

func (f factory) gauge(name, help string) prometheus.Gauge {
	g := prometheus.NewGauge(prometheus.GaugeOpts{Name: name, Help: help})
	f.reg.MustRegister(g)
	return g
}

func (f factory) gaugeFunc(name, help string, fn func() float64) {
	f.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, fn))
}

func (f factory) histogram(name, help string, buckets []float64) prometheus.Histogram {
	h := prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets})
	f.reg.MustRegister(h)
	return h
}

func (f factory) histogramVec(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
	f.reg.MustRegister(h)
	return h
}
