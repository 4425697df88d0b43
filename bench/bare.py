"""The yardstick: bare FastAPI endpoints that insert one row with asyncpg and return it, or
read it back by id.

No auth, no idempotency, no outbox, no ORM: what one HTTP request plus one INSERT costs on
this machine with the same server (uvicorn, one process) and the same PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
import orjson
from fastapi import FastAPI, Request
from pydantic import BaseModel
from starlette.responses import Response


class TicketIn(BaseModel):
    customer_id: uuid.UUID
    product_id: uuid.UUID
    kind: str
    description: str
    channel: str


def create_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = await asyncpg.create_pool(os.environ["BARE_DSN"], min_size=5, max_size=10)
        async with app.state.pool.acquire() as conn:
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS bare_tickets (id uuid PRIMARY KEY, body jsonb,"
                " created_at timestamptz NOT NULL)"
            )
        yield
        await app.state.pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/v1/tickets", status_code=201)
    async def create(body: TicketIn, request: Request) -> Response:
        row_id, now = uuid.uuid4(), datetime.now(UTC)
        payload = body.model_dump(mode="json")
        async with request.app.state.pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO bare_tickets (id, body, created_at) VALUES ($1, $2::jsonb, $3)",
                row_id,
                orjson.dumps(payload).decode(),
                now,
            )
        return Response(
            orjson.dumps({"id": str(row_id), **payload, "created_at": now.isoformat()}),
            status_code=201,
            media_type="application/json",
        )

    @app.get("/v1/tickets/{ticket_id}")
    async def read(ticket_id: uuid.UUID, request: Request) -> Response:
        async with request.app.state.pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT id, body, created_at FROM bare_tickets WHERE id = $1", ticket_id
            )
        if row is None:
            return Response(status_code=404)
        return Response(
            orjson.dumps(
                {"id": str(row["id"]), **orjson.loads(row["body"]), "created_at": row["created_at"]}
            ),
            media_type="application/json",
        )

    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready"}

    return app
