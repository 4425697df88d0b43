"""The dead-letter list: what a consumer could never apply, recorded with its reason, for an
operator to list and replay (``aftersales dlq``). A replay goes through the inbox like any
delivery, so it takes effect once however often it is run."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nats.aio.msg import Msg
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.database import Database
from aftersales.logging import get_logger
from aftersales.messaging.delivery import prepare
from aftersales.messaging.inbox import apply_once
from aftersales.messaging.subscriptions import Handler

log = get_logger(__name__)


async def record_dead_letter(
    db: Database, consumer: str, msg: Msg, exc: Exception, deliveries: int
) -> bool:
    """Keep ``msg`` in the dead-letter table (once per consumer and event: a later failure of
    the same event updates its reason). False when it could not be recorded: the caller then
    leaves it in the stream."""
    dead = db.platform.dead_letters
    headers = dict(msg.headers or {})
    try:
        event_id = uuid.UUID(headers.get("Nats-Msg-Id", ""))
    except ValueError:
        event_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{msg.subject}:{msg.metadata.sequence.stream}")
    error = repr(exc)[:4000]
    try:
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                pg_insert(dead)
                .values(
                    id=uuid.uuid4(),
                    consumer=consumer,
                    event_id=event_id,
                    subject=msg.subject,
                    payload=msg.data,
                    headers=headers,
                    error=error,
                    deliveries=deliveries,
                )
                .on_conflict_do_update(
                    index_elements=["consumer", "event_id"],
                    set_={"error": error, "deliveries": deliveries, "replayed_at": None},
                )
            )
    except Exception as db_exc:
        log.error("consumer.dead_letter_failed", consumer=consumer, error=repr(db_exc))
        return False
    return True


@dataclass(frozen=True)
class ReplayResult:
    replayed: int
    failed: int
    errors: list[str]


async def list_dead_letters(
    db: Database, *, include_replayed: bool = False
) -> list[dict[str, Any]]:
    dead = db.platform.dead_letters
    query = select(dead).order_by(dead.c.failed_at)
    if not include_replayed:
        query = query.where(dead.c.replayed_at.is_(None))
    async with db.sessionmaker() as session:
        rows = (await session.execute(query)).mappings().all()
    return [dict(r) for r in rows]


async def replay_dead_letters(
    db: Database,
    handlers_by_consumer: Mapping[str, Mapping[str, Handler]],
    *,
    ids: list[uuid.UUID] | None = None,
) -> ReplayResult:
    """Apply dead letters again through the inbox, so a replay also takes effect only once."""
    dead = db.platform.dead_letters
    replayed, failed, errors = 0, 0, []
    for row in await list_dead_letters(db):
        if ids is not None and row["id"] not in ids:
            continue
        handlers = handlers_by_consumer.get(row["consumer"], {})
        try:
            # "<service>:<STREAM>", or "<service>:<STREAM>:<durable>" (see consumer_name)
            producer = str(row["consumer"]).split(":")[1].lower()
            delivery = prepare(
                handlers,
                producer=producer,
                raw=row["payload"],
                subject=row["subject"],
                headers=row["headers"],
            )
            if delivery.skip == "ignored":
                raise LookupError(f"no handler for {delivery.envelope.type} in {row['consumer']}")
            if delivery.handler is not None:  # else a copy published beside a newer one
                await apply_once(db, row["consumer"], delivery.envelope, delivery.handler)
        except Exception as exc:
            failed += 1
            errors.append(f"{row['id']}: {exc!r}")
            async with db.sessionmaker() as session, session.begin():
                await session.execute(
                    update(dead).where(dead.c.id == row["id"]).values(error=repr(exc)[:4000])
                )
            continue
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                update(dead).where(dead.c.id == row["id"]).values(replayed_at=func.now())
            )
        replayed += 1
    return ReplayResult(replayed, failed, errors)
