"""JSON structured logging; request id and trace context travel in contextvars."""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from contextvars import ContextVar
from typing import Any

import structlog

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
traceparent_var: ContextVar[str | None] = ContextVar("traceparent", default=None)


def _add_context(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    if (rid := request_id_var.get()) is not None:
        event.setdefault("request_id", rid)
    if (tp := traceparent_var.get()) is not None:
        event.setdefault("traceparent", tp)
        parts = tp.split("-")
        if len(parts) == 4:
            event.setdefault("trace_id", parts[1])
            event.setdefault("span_id", parts[2])
    return event


# The libraries that log through the standard library, bridged into the same JSON lines.
BRIDGED = ("uvicorn", "uvicorn.error", "uvicorn.access", "sqlalchemy", "alembic", "asyncio", "nats")


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    renderer = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        _add_context,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.bind_contextvars(service=service)
    # Standard-library records (uvicorn, SQLAlchemy, Alembic, ...) as the same JSON, with the
    # service, the request id and the trace of the request or message they happened in.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
        )
    )
    handler.set_name("aftersales")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "aftersales"]:
        root.removeHandler(old)  # configured again (tests start services many times)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in BRIDGED:
        bridged = logging.getLogger(name)
        bridged.handlers = []
        bridged.propagate = True


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
