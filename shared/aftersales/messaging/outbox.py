"""The outbox relay: publishes committed events to JetStream, at least once, in commit order.

Rows are claimed with ``FOR UPDATE SKIP LOCKED`` so several replicas share the work; the relay
is woken in process by each commit of its service that wrote events (``Database``'s
``on_outbox_commit``), and polls for rows another process wrote (another replica, a command).
A row is marked sent only after JetStream acked it; the ``Nats-Msg-Id`` header (= event id)
lets the stream drop the duplicate a crash between ack and mark would otherwise cause.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Any

from nats.js import JetStreamContext
from sqlalchemy import insert, select, update

from aftersales import tracing
from aftersales.database import Database
from aftersales.events import Envelope, encode
from aftersales.logging import get_logger, request_id_var, traceparent_var
from aftersales.messaging.link import NatsLink
from aftersales.messaging.streams import ensure_stream
from aftersales.metrics import OUTBOX_FAILURES, OUTBOX_PUBLISHED
from aftersales.tasks import stop_if_cancelled

log = get_logger(__name__)


def outbox_rows(envelopes: Sequence[Envelope[Any]]) -> list[dict[str, Any]]:
    """``envelopes`` as outbox rows, with the request's (or the message's) ids in their
    headers."""
    headers: dict[str, str] = {}
    if (rid := request_id_var.get()) is not None:
        headers["X-Request-ID"] = rid
    if (tp := traceparent_var.get()) is not None:
        headers["traceparent"] = tp
    return [
        {
            "id": e.id,
            "subject": e.type,
            "payload": encode(e),
            "headers": headers,
            "aggregate_id": e.aggregate_id,
        }
        for e in envelopes
    ]


async def write_outbox(session: Any, outbox: Any, envelopes: Sequence[Envelope[Any]]) -> None:
    """Stage ``envelopes`` in the outbox table of the session's transaction: the relay
    publishes them after the commit."""
    await session.execute(insert(outbox), outbox_rows(envelopes))


def notify_channel(schema: str) -> str:
    return f"{schema}_outbox"


def outbox_trigger_sql(schema: str) -> list[str]:
    """DDL for the NOTIFY trigger that each service's first migration made (frozen: migration
    0001 runs it, and a later one drops it since the relay is woken in process)."""
    channel = notify_channel(schema)
    return [
        f"""
        CREATE OR REPLACE FUNCTION {schema}.notify_outbox() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{channel}', '');
            RETURN NULL;
        END $$;
        """,
        f"""
        CREATE TRIGGER outbox_notify AFTER INSERT ON {schema}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION {schema}.notify_outbox();
        """,
    ]


class OutboxRelay:
    def __init__(
        self,
        db: Database,
        link: NatsLink,
        *,
        service: str,
        batch: int = 100,
        poll_seconds: float = 1.0,
        publish_timeout: float = 5.0,
        stream_replicas: int = 1,
    ) -> None:
        self.db = db
        self.stream_replicas = stream_replicas
        self.link = link
        self.service = service
        self.batch = batch
        self.poll_seconds = poll_seconds
        self.publish_timeout = publish_timeout
        # Its own connection: publishing is the system's heartbeat and must not wait for one.
        self._sessions = db.dedicated_sessionmaker()
        self._wake = asyncio.Event()
        self._stream_ready = False

    async def run(self) -> None:
        backoff = 0.2
        while True:
            try:
                if self.link.connected:
                    await self._ensure_stream()
                # Cleared before the read: a commit notified while the relay drains wakes it
                # again at once, so a drain that found less than a batch is the last until
                # the next notice (no empty read after each wake, three statements less).
                self._wake.clear()
                await self.drain()
                backoff = 0.2
                # asyncio.timeout, not wait_for: on 3.11 wait_for can lose a cancellation that
                # arrives as the event fires, and shutdown then hangs.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.poll_seconds):
                        await self._wake.wait()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # broker or database away: wait and try again
                stop_if_cancelled()
                OUTBOX_FAILURES.labels(self.service).inc()
                log.warning("outbox.relay_retry", error=repr(exc), wait=backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def drain(self) -> int:
        """Publish every pending row; returns how many were published."""
        total = 0
        while True:
            n = await self._publish_batch()
            total += n
            if n < self.batch:
                return total

    async def _publish_batch(self) -> int:
        outbox = self.db.platform.outbox
        async with self._sessions() as session, session.begin():
            rows = (
                await session.execute(
                    select(outbox.c.id, outbox.c.subject, outbox.c.payload, outbox.c.headers)
                    .where(outbox.c.sent_at.is_(None))
                    .order_by(outbox.c.seq)
                    .limit(self.batch)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            js = await self._ensure_stream()
            sent, error = await self._publish_rows(js, rows)
            if sent:
                await session.execute(
                    update(outbox)
                    .where(outbox.c.id.in_(sent))
                    .values(sent_at=self.db.clock.now(), attempts=outbox.c.attempts + 1)
                )
                OUTBOX_PUBLISHED.labels(self.service).inc(len(sent))
        if error is not None:
            self._stream_ready = False  # the broker may have lost it: check again next round
            raise error
        return len(sent)

    async def _publish_rows(
        self, js: JetStreamContext, rows: Sequence[Any]
    ) -> tuple[list[Any], Exception | None]:
        """Publish the rows back to back, then wait for their acks together.

        One connection keeps the messages in order on the wire, so the stream stores them in
        commit order, and the batch costs one round trip instead of one per row. Returns the
        ids JetStream acked (any subset is safe to mark: a resend is deduplicated by its
        ``Nats-Msg-Id``) and the first error.
        """
        pending: list[tuple[Any, asyncio.Future[Any]]] = []
        error: Exception | None = None
        for row in rows:
            headers = {**(row.headers or {}), "Nats-Msg-Id": str(row.id)}
            try:
                with tracing.message_span(
                    tracing.PRODUCER,
                    row.subject,
                    service=self.service,
                    parent=headers.get("traceparent"),
                    **{"messaging.message.id": str(row.id)},
                ) as span:
                    if span is not None:  # the consumer continues from this span
                        headers["traceparent"] = tracing.traceparent_of(span) or ""
                    future = await js.publish_async(
                        row.subject, row.payload, wait_stall=self.publish_timeout, headers=headers
                    )
            except Exception as exc:
                error = exc
                break
            pending.append((row.id, future))
        sent: list[Any] = []
        if pending:
            done, not_done = await asyncio.wait(
                [future for _, future in pending], timeout=self.publish_timeout
            )
            for future in not_done:
                future.cancel()
            for row_id, future in pending:
                if future in done and future.exception() is None:
                    sent.append(row_id)
                elif error is None:
                    error = (
                        future.exception()  # type: ignore[assignment]
                        if future in done
                        else TimeoutError("JetStream did not ack the publish in time")
                    )
        return sent, error

    async def _ensure_stream(self) -> JetStreamContext:
        """The JetStream context, after making sure our stream exists (once, or after an error)."""
        js = self.link.jetstream()
        if not self._stream_ready:
            await ensure_stream(js, self.service, self.stream_replicas)
            self._stream_ready = True
        return js

    def wake(self) -> None:
        """Publish now: a unit of work of this service committed events (``Database``'s
        ``on_outbox_commit``). Rows another process wrote are found by the poll."""
        self._wake.set()
