"""Prometheus metrics; every series carries the service label."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "aftersales_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "aftersales_http_request_seconds", "HTTP request latency", ["service", "method", "route"]
)
OUTBOX_PUBLISHED = Counter(
    "aftersales_outbox_published_total", "Events published from the outbox", ["service"]
)
OUTBOX_FAILURES = Counter(
    "aftersales_outbox_failures_total", "Relay rounds that failed and were retried", ["service"]
)
EVENTS_CONSUMED = Counter(
    "aftersales_events_consumed_total",
    "Event deliveries by outcome (processed, duplicate, ignored, irrelevant, twin,"
    " retried, dead_lettered)",
    ["service", "consumer", "outcome"],
)
SLA_TIMERS_FIRED = Counter(
    "aftersales_sla_timers_fired_total", "SLA clocks this process fired", ["service", "kind"]
)
SLA_BREACHES = Counter(
    "aftersales_sla_breaches_total", "SLA breaches published", ["service", "sla"]
)

# What the alerts watch, refreshed by each process's ``observe`` loop (aftersales.observe).
OUTBOX_UNSENT = Gauge(
    "aftersales_outbox_unsent", "Events in the outbox not yet published", ["service"]
)
OUTBOX_OLDEST_UNSENT_SECONDS = Gauge(
    "aftersales_outbox_oldest_unsent_seconds",
    "Age of the oldest event waiting in the outbox (0 when none waits)",
    ["service"],
)
DEAD_LETTERS = Gauge(
    "aftersales_dead_letters",
    "Dead-lettered messages not yet replayed",
    ["service", "consumer"],
)
CONSUMER_PENDING = Gauge(
    "aftersales_consumer_pending",
    "Messages of the consumer's stream it has not acked yet (undelivered plus in flight)",
    ["service", "consumer"],
)
