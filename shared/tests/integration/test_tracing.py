"""One ticket's trace across the four services: the request's span in intake, the relay's
publish, each consumer's handling in dispatch, billing and feedback, and the database
transactions in between, all under the trace id the caller sent."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id

from aftersales import tracing
from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_ticket

TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4737"
SERVICES = ("intake", "dispatch", "billing", "feedback")


def traced(exporter):
    """The finished spans of the test's trace."""
    return [
        s for s in exporter.get_finished_spans() if format_trace_id(s.context.trace_id) == TRACE_ID
    ]


async def test_one_tickets_trace_spans_all_four_services(start_service):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use_provider(provider)
    try:
        async with (
            start_service("intake") as intake,
            start_service("dispatch") as dispatch,
            start_service("billing") as billing,
            start_service("feedback") as feedback,
        ):
            # customer, product and ticket, all in the caller's trace
            await make_ticket(intake, headers={"traceparent": f"00-{TRACE_ID}-00f067aa0ba902b7-01"})

            async def everywhere():
                handled = {
                    s.attributes.get("aftersales.service")
                    for s in traced(exporter)
                    if s.kind == SpanKind.CONSUMER
                }
                return handled >= {"dispatch", "billing", "feedback"}

            await eventually(everywhere)
            for service in (intake, dispatch, billing, feedback):
                await drained(service)
    finally:
        tracing.use_provider(None)

    mine = traced(exporter)
    assert {s.attributes["aftersales.service"] for s in mine} >= set(SERVICES)
    [request] = [s for s in mine if s.kind == SpanKind.SERVER and "tickets" in s.name]
    assert request.name == "POST /v1/tickets"
    assert format_span_id(request.parent.span_id) == "00f067aa0ba902b7"  # the caller's span
    # the request's transaction, the relay's publish of what it staged, and the consumers
    # continuing from that publish
    by_id = {s.context.span_id: s for s in mine}
    published = [s for s in mine if s.kind == SpanKind.PRODUCER]
    # intake's relay published the ticket's events; dispatch's, the job's it routed in turn
    assert {s.attributes["aftersales.service"] for s in published} >= {"intake", "dispatch"}
    for consumer in (s for s in mine if s.kind == SpanKind.CONSUMER):
        parent = by_id[consumer.parent.span_id]
        assert parent.kind == SpanKind.PRODUCER
    # the request's transaction in intake; each handled message's part of the group
    # transaction of its consumer
    work = {(s.name, s.attributes["aftersales.service"]) for s in mine}
    assert {("db.transaction", "intake"), ("db.part", "dispatch")} <= work
    assert {("db.part", "billing"), ("db.part", "feedback")} <= work


def test_with_the_endpoint_set_spans_are_exported_over_otlp(tmp_path):
    """The OTLP exporter as `make run` configures it (configured, not mocked): a process with
    OTEL_EXPORTER_OTLP_ENDPOINT set posts its spans to that collector."""
    received: list[tuple[str, bytes]] = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, body))
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        code = (
            "from aftersales import tracing\n"
            "assert tracing.configure_tracing('intake')\n"
            "with tracing.span('exported-span', attributes={'aftersales.service': 'intake'}):\n"
            "    pass\n"
            "tracing.shutdown()\n"
        )
        env = {
            **os.environ,
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{server.server_port}",
        }
        subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    finally:
        server.shutdown()
    [(path, body)] = received
    assert path == "/v1/traces"
    assert b"exported-span" in body and b"aftersales-intake" in body
