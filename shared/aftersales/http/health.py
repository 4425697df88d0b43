"""/healthz (alive), /readyz (database and NATS reachable), /metrics (Prometheus)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from starlette.responses import Response

from aftersales.http.problems import problem

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is alive")
async def healthz() -> dict[str, str]:
    """Always 200 while the process runs (a liveness probe)."""
    return {"status": "ok"}


@router.get("/readyz", summary="The database and the broker are reachable")
async def readyz(request: Request) -> Response:
    """200 when the database and the broker answer, 503 saying which does not (readiness)."""
    checks = {"database": "ok", "nats": "ok"}
    try:
        async with request.app.state.db.engine.connect() as conn:
            async with asyncio.timeout(2):
                await conn.execute(text("SELECT 1"))
    except Exception as exc:
        checks["database"] = f"unavailable: {type(exc).__name__}"
    if not request.app.state.link.connected:
        checks["nats"] = "unavailable"
    if all(v == "ok" for v in checks.values()):
        return Response(
            b'{"status":"ready","checks":{"database":"ok","nats":"ok"}}',
            media_type="application/json",
        )
    return problem(503, "A dependency is not reachable.", checks=checks)


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
