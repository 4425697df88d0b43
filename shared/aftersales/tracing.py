"""OpenTelemetry traces: one ticket's trace across the four services and the event bus.

Spans: each HTTP request (SERVER), each database transaction (the unit of work), each event the
outbox relay publishes (PRODUCER) and each message a consumer handles (CONSUMER). The W3C
``traceparent`` links them: a request's span becomes the parent of the events it stages (the
outbox row keeps the header), the relay's span is what the message carries, and a consumer's
span continues it, so the events it causes carry it further.

Exported over OTLP/HTTP when ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``..._TRACES_ENDPOINT``) is
set, with the standard ``OTEL_*`` variables for headers, timeouts and sampling. Without it,
tracing is off and costs one boolean check per span site: the trace context still travels in
``traceparent`` (aftersales.http.middleware), as it did before there were spans.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from aftersales.logging import traceparent_var

_PROPAGATOR = TraceContextTextMapPropagator()
_state: dict[str, Any] = {"enabled": False}

SERVER, CLIENT, PRODUCER, CONSUMER, INTERNAL = (
    SpanKind.SERVER,
    SpanKind.CLIENT,
    SpanKind.PRODUCER,
    SpanKind.CONSUMER,
    SpanKind.INTERNAL,
)


def enabled() -> bool:
    return bool(_state["enabled"])


def configure_tracing(service: str) -> bool:
    """Export this process's spans over OTLP when the environment asks for it; True if on."""
    if enabled():
        return True
    endpoint = os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or os.environ.get(
        "OTEL_EXPORTER_OTLP_ENDPOINT"
    )
    if not endpoint:
        return False
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    name = os.environ.get("OTEL_SERVICE_NAME") or f"aftersales-{service}"
    provider = TracerProvider(resource=Resource.create({"service.name": name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)  # for libraries that trace through the global one
    use_provider(provider)
    return True


def use_provider(provider: Any | None) -> None:
    """Send spans to ``provider`` (tests pass one with an in-memory exporter); None turns
    tracing off again."""
    _state["provider"] = provider
    _state["enabled"] = provider is not None


def shutdown() -> None:
    """Flush what is buffered (at a process's end)."""
    provider = _state.get("provider")
    if provider is not None and hasattr(provider, "force_flush"):
        provider.force_flush(5_000)


def _tracer() -> trace.Tracer:
    provider = _state.get("provider")
    return (provider or trace.get_tracer_provider()).get_tracer("aftersales")


def traceparent_of(current: Span) -> str | None:
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, context=trace.set_span_in_context(current))
    return carrier.get("traceparent")


def span(
    name: str,
    *,
    kind: SpanKind = INTERNAL,
    parent: str | None = None,
    attributes: Mapping[str, Any] | None = None,
) -> contextlib.AbstractContextManager[Span | None]:
    """A span, child of ``parent`` (a traceparent) or of the current span; while it is open,
    ``traceparent_var`` names it, so events staged inside carry it. With tracing off, a shared
    do-nothing context that yields None."""
    if not enabled():
        return _OFF
    return _recording(name, kind, parent, attributes)


_OFF: contextlib.nullcontext[None] = contextlib.nullcontext()


@contextlib.contextmanager
def _recording(
    name: str, kind: SpanKind, parent: str | None, attributes: Mapping[str, Any] | None
) -> Iterator[Span]:
    context = _PROPAGATOR.extract({"traceparent": parent}) if parent else None
    with _tracer().start_as_current_span(
        name, context=context, kind=kind, attributes=dict(attributes or {})
    ) as current:
        token = traceparent_var.set(traceparent_of(current))
        try:
            yield current
        finally:
            traceparent_var.reset(token)


def message_span(
    kind: SpanKind, subject: str, *, service: str, parent: str | None, **extra: str
) -> contextlib.AbstractContextManager[Span | None]:
    """A span about one message on the bus: published (PRODUCER) or handled (CONSUMER)."""
    verb = "publish" if kind == PRODUCER else "process"
    return span(
        f"{verb} {subject}",
        kind=kind,
        parent=parent,
        attributes={
            "aftersales.service": service,
            "messaging.system": "nats",
            "messaging.destination.name": subject,
            **extra,
        },
    )
