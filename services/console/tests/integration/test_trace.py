"""The OpenTelemetry trace of a click reaches the services: the console's request span and
the span of the dispatch request it makes for the page share the trace id the browser's side
sent, the dispatch span a child of the console's."""

from datetime import UTC, datetime

import httpx
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id

from aftersales import tracing
from aftersales.auth import JWTAuthenticator
from aftersales.settings import ServiceSettings
from aftersales_testing.apps import SettableClock
from aftersales_testing.plugin import TEST_JWT_SECRET
from console.adapters.links import issue_link
from console.main import create_app
from console.settings import ConsoleSettings

from .test_in_process import KEY

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


async def test_a_clicks_trace_continues_in_the_service_it_calls(start_service, service_urls):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use_provider(provider)
    try:
        async with start_service("dispatch") as dispatch:
            settings = ConsoleSettings(
                database_url=service_urls["console"],
                session_key=KEY,
                cookie_secure=False,
                dispatch_url="http://dispatch",
            )
            app = create_app(
                settings,
                clock=SettableClock(),
                transport=httpx.ASGITransport(app=dispatch.app),
            )
            async with app.router.lifespan_context(app):
                client = httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app), base_url="http://console"
                )
                async with client:
                    point = "7d0c1a52-6a1e-4c3d-9f10-2a4b5c6d7e8f"
                    token = JWTAuthenticator(ServiceSettings(jwt_secret=TEST_JWT_SECRET)).issue(
                        role="point", point_id=point
                    )
                    link = await issue_link(
                        service_urls["console"],
                        KEY,
                        token,
                        base_url="http://console",
                        now=datetime.now(UTC),
                    )
                    await client.get(link)
                    page = await client.get(
                        "/console/point/offers",
                        headers={"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"},
                    )
                    assert page.status_code == 200, page.text
    finally:
        tracing.use_provider(None)

    mine = [
        s for s in exporter.get_finished_spans() if format_trace_id(s.context.trace_id) == TRACE_ID
    ]
    [click] = [s for s in mine if s.name == "GET /console/point/offers"]
    assert click.kind == SpanKind.SERVER and format_span_id(click.parent.span_id) == CALLER_SPAN
    [called] = [s for s in mine if s.name == "GET /v1/jobs"]
    assert called.attributes["aftersales.service"] == "dispatch"
    assert called.parent.span_id == click.context.span_id  # the service's span under the click's
