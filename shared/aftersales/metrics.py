"""Prometheus metrics; every series carries the service label."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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
    "Event deliveries by outcome (processed, duplicate, ignored, retried, dead_lettered)",
    ["service", "consumer", "outcome"],
)
SLA_TIMERS_FIRED = Counter(
    "aftersales_sla_timers_fired_total", "SLA clocks this process fired", ["service", "kind"]
)
