"""A customer's right to be forgotten, in the parts every service shares.

When intake erases a customer (``intake.customer.erased.v1``), each service replaces the
customer's personal data with tombstones in its own tables and, through ``scrub_platform``, in
what the kit keeps on its behalf: unsent and sent outbox payloads, dead letters and stored
idempotency responses. A JSON document is scrubbed where it speaks of that customer: any object
whose ``id`` or ``customer_id`` is the customer's, or whose ``customer`` is, has its personal
fields replaced, every address block in it too (``address``, ``site``, ``ship_to``,
``installation``), and the signatures of its reports. What remains in NATS is bounded by the
streams' retention (90 days, ``aftersales.messaging.streams``).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from fastapi import APIRouter
from sqlalchemy import select, update
from starlette.responses import Response

from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.unit_of_work import UnitOfWork

TOMBSTONE = "[erased]"
PERSONAL_KEYS = frozenset(
    {
        "name",
        "phone",
        "email",
        "city",
        "line",
        "postal_code",
        "customer_name",
        "customer_phone",
        "signer_name",
        "signature",
    }
)
# Blocks that are all about the customer when the object holding them is.
ADDRESS_KEYS = frozenset({"address", "customer", "site", "ship_to", "installation"})


def scrub(document: Any, customer_id: uuid.UUID, *, whole: bool = False) -> tuple[Any, bool]:
    """``document`` with the customer's personal fields tombstoned, and whether it changed;
    with ``whole`` every personal field in it (the document is all about the customer)."""
    target = str(customer_id)
    changed = False

    def about_customer(node: dict[str, Any]) -> bool:
        customer = node.get("customer")
        return (
            str(node.get("id")) == target
            or str(node.get("customer_id")) == target
            or (isinstance(customer, dict) and str(customer.get("id")) == target)
        )

    def walk(node: Any, inside: bool) -> Any:
        nonlocal changed
        if isinstance(node, dict):
            mine = inside or about_customer(node)
            out = {}
            for key, value in node.items():
                if mine and key in PERSONAL_KEYS and value not in (None, TOMBSTONE):
                    out[key] = TOMBSTONE
                    changed = True
                elif mine and key in ADDRESS_KEYS and isinstance(value, dict):
                    out[key] = walk(value, True)
                else:
                    out[key] = walk(value, False)
            return out
        if isinstance(node, list):
            return [walk(v, inside) for v in node]
        return node

    return walk(document, whole), changed


def scrub_bytes(raw: bytes, customer_id: uuid.UUID) -> bytes | None:
    """A stored JSON body scrubbed, or None when it held nothing of the customer."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    scrubbed, changed = scrub(document, customer_id)
    return orjson.dumps(scrubbed) if changed else None


async def scrub_platform(uow: UnitOfWork, customer_id: uuid.UUID) -> int:
    """Tombstone the customer in the outbox, the dead letters and the stored idempotency
    responses of this service; returns how many rows changed."""
    p = uow.db.platform
    needle = str(customer_id).encode()
    changed = 0
    for table, column, key in (
        (p.outbox, p.outbox.c.payload, (p.outbox.c.id,)),
        (p.dead_letters, p.dead_letters.c.payload, (p.dead_letters.c.id,)),
        (
            p.idempotency_keys,
            p.idempotency_keys.c.response_body,
            (p.idempotency_keys.c.principal, p.idempotency_keys.c.key),
        ),
    ):
        rows = (
            await uow.session.execute(
                select(*key, column).where(column.like(b"%" + needle + b"%")).with_for_update()
            )
        ).all()
        for row in rows:
            scrubbed = scrub_bytes(row[-1], customer_id)
            if scrubbed is None:
                continue
            where = [c == v for c, v in zip(key, row[:-1], strict=True)]
            await uow.session.execute(update(table).where(*where).values({column.key: scrubbed}))
            changed += 1
    return changed


def export_response(service: str, customer_id: uuid.UUID, data: dict[str, Any]) -> Response:
    """A service's part of a data subject's access request, as one JSON document."""
    body = {"service": service, "customer_id": str(customer_id), **data}
    return Response(
        orjson.dumps(body, default=str, option=orjson.OPT_NON_STR_KEYS),
        media_type="application/json",
    )


Exporter = Callable[[UnitOfWork, uuid.UUID], Awaitable[dict[str, Any]]]


def export_router(service: str, exporter: Exporter) -> APIRouter:
    """``GET /v1/customers/{id}/export`` (admin) for a service: what it holds about the
    customer. ``aftersales export-customer`` gathers all four into one file."""
    router = APIRouter(tags=["personal data"])

    @router.get("/v1/customers/{customer_id}/export")
    async def export_customer(
        customer_id: uuid.UUID, db: DatabaseDep, principal: Principal = require_roles("admin")
    ) -> Response:
        """Everything this service holds about the customer (a data subject's access request)."""
        async with db.uow() as uow:
            data = await exporter(uow, customer_id)
        return export_response(service, customer_id, data)

    return router


def columns(row: Any) -> dict[str, Any]:
    """A table row as plain data (for an export)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


__all__ = [
    "PERSONAL_KEYS",
    "TOMBSTONE",
    "columns",
    "export_response",
    "export_router",
    "scrub",
    "scrub_bytes",
    "scrub_platform",
]
