"""The applier: what a consumer does with the messages it fetched.

Every message is applied in a transaction that first inserts ``(consumer, event id)`` into the
inbox: a duplicate finds the row and is acked without running the handler again. A handler that
fails is nak'ed with a growing delay; after ``max_deliver`` attempts the message lands in the
dead-letter table (and is acked), from where an operator can list and replay it.

A fetched batch is split into lanes, one per aggregate in stream order, so a job's reports are
applied one after another; the lanes are dealt into up to ``concurrency`` groups worked on at
once. A group is one transaction, committed once and acked after the commit: a batch of 50
costs a handful of commits instead of 50. A message whose handler fails (a refusal, a deadlock,
a lost connection) rolls the group back, and the group is handled again one message per
transaction, where the failure is retried or dead-lettered alone. Handlers are written to be
correct under concurrency anyway (replicas share a consumer), so a lane is about order and fewer
lock waits, not safety.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import time
from collections.abc import Callable
from typing import Any

from nats.aio.msg import Msg
from sqlalchemy import exc as sa_exc

from aftersales import tracing
from aftersales.database import Database, sqlstate_of
from aftersales.events import Envelope
from aftersales.logging import get_logger, request_id_var, traceparent_var
from aftersales.messaging.dead_letters import record_dead_letter
from aftersales.messaging.delivery import Delivery, PoisonMessage, lane_of, prepare
from aftersales.messaging.inbox import apply_once, claim
from aftersales.messaging.subscriptions import (
    ConsumerSettings,
    Subscription,
    consumer_name,
)
from aftersales.metrics import EVENTS_CONSUMED
from aftersales.unit_of_work import UnitOfWork

log = get_logger(__name__)


# Connection loss, admin shutdown, serialization failure, deadlock, lock timeout, too many
# connections: the same event will succeed once the database is itself again.
TRANSIENT_SQLSTATES = frozenset(
    {
        "08000",
        "08001",
        "08003",
        "08004",
        "08006",
        "40001",
        "40P01",
        "55P03",
        "57P01",
        "57P02",
        "57P03",
        "53300",
    }
)


def is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) is an infrastructure hiccup rather than a refusal."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (ConnectionError, TimeoutError, OSError)):
            return True
        if isinstance(current, sa_exc.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(
            current, (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)
        ):
            return True
        current = current.__cause__ or current.__context__
    return sqlstate_of(exc) in TRANSIENT_SQLSTATES


class Applier:
    """Applies fetched messages for one consumer: lanes, groups, savepoints, the inbox,
    retries with backoff and dead letters. Knows nothing of how the messages were fetched."""

    def __init__(
        self,
        db: Database,
        *,
        service: str,
        subscription: Subscription,
        settings: ConsumerSettings,
    ) -> None:
        self.db = db
        self.service = service
        self.subscription = subscription
        self.settings = settings
        self.consumer_name = consumer_name(service, subscription)
        # When a message was last taken or finished: a busy group is working, not stalled.
        self.last_progress = time.monotonic()
        # What this applier (this replica) did with each message: processed, duplicate, ...
        self.outcomes: collections.Counter[str] = collections.Counter()

    def mark_progress(self) -> None:
        self.last_progress = time.monotonic()

    def _count(self, outcome: str) -> None:
        self.outcomes[outcome] += 1
        EVENTS_CONSUMED.labels(self.service, self.consumer_name, outcome).inc()

    async def apply_batch(self, msgs: list[Msg]) -> None:
        """Work through one fetched batch: its messages in lanes (one per aggregate, in stream
        order), the lanes dealt into up to ``concurrency`` groups, each group handled in one
        transaction (a savepoint per message) and acked after its commit."""
        self.mark_progress()  # messages arrived
        if self.settings.concurrency <= 1:
            groups = [msgs]  # one lane: exactly the stream's order
        else:
            by_aggregate: dict[object, list[Msg]] = {}
            for msg in msgs:
                by_aggregate.setdefault(lane_of(msg), []).append(msg)
            groups = [[] for _ in range(min(self.settings.concurrency, len(by_aggregate)))]
            for lane in sorted(by_aggregate.values(), key=len, reverse=True):
                min(groups, key=len).extend(lane)
        async with asyncio.TaskGroup() as group:
            for msgs_of_group in groups:
                group.create_task(self._apply_group(msgs_of_group))

    async def _apply_group(self, msgs: list[Msg]) -> None:
        """Handle ``msgs`` in one transaction: one commit (and one fsync) for the group instead
        of one per message. Each message is a part of the transaction with its own ids, but no
        savepoint of its own: a message whose handler fails rolls the group back, and the group
        is then handled one message per transaction, where a refusal is retried or dead-lettered
        as ever and the others are applied. Refusals are rare; the two statements a savepoint
        costs (SAVEPOINT, RELEASE) were paid for every message."""
        done: list[tuple[Msg, str]] = []
        poisoned: list[tuple[Msg, Exception]] = []
        culprit: tuple[Msg, Exception] | None = None
        try:
            async with self.db.uow() as uow:
                relevant = self.subscription.relevant
                wanted = None if relevant is None else await relevant(uow)
                for msg in msgs:
                    with self._enter(msg):
                        try:
                            outcome = await self._apply_in(uow, msg, wanted)
                        except Exception as exc:
                            culprit = (msg, exc)
                            raise
                    self.mark_progress()
                    if isinstance(outcome, Exception):
                        poisoned.append((msg, outcome))
                    else:
                        done.append((msg, outcome))
                await uow.commit()
        except asyncio.CancelledError:
            raise
        except Exception as broken:
            log.info(
                "consumer.group_failed",
                consumer=self.consumer_name,
                messages=len(msgs),
                error=repr(broken),
            )
            for msg in msgs:
                if culprit is not None and msg is culprit[0] and not is_transient(culprit[1]):
                    # Refused by its handler: retried later or dead-lettered, not run twice now.
                    with self._enter(msg):
                        await self._failed(msg, culprit[1])
                else:
                    await self._apply_alone(msg)
                self.mark_progress()
            return
        for msg, outcome in done:
            with contextlib.suppress(Exception):  # unacked, it comes again: the inbox has it
                await msg.ack()
            self._count(outcome)
        for msg, error in poisoned:
            await self._failed(msg, error)
        self.mark_progress()

    async def _apply_in(
        self, uow: UnitOfWork, msg: Msg, wanted: Callable[[Envelope[Any]], bool] | None
    ) -> str | PoisonMessage:
        """One message of a group, as a part of the group's transaction: its outcome, or why it
        can never be applied. A handler's failure is raised: the group is rolled back."""
        try:
            delivery = self._prepare(msg)
        except PoisonMessage as exc:
            return exc
        envelope, handler = delivery.envelope, delivery.handler
        if handler is None:
            return delivery.skip or "ignored"
        if wanted is not None and not wanted(envelope):
            return "irrelevant"
        async with uow.part():
            applied = await claim(uow, self.consumer_name, envelope)
            if applied:
                await handler(uow, envelope)
        return "processed" if applied else "duplicate"

    def _enter(self, msg: Msg) -> contextlib.AbstractContextManager[Any]:
        """The message's request id and trace, for its logs and the events it causes, and its
        span (continuing the publisher's trace)."""
        headers = msg.headers or {}
        request_id_var.set(headers.get("X-Request-ID"))
        traceparent_var.set(headers.get("traceparent"))
        return tracing.message_span(
            tracing.CONSUMER,
            msg.subject,
            service=self.service,
            parent=headers.get("traceparent"),
            **{"messaging.consumer.group.name": self.consumer_name},
        )

    def _prepare(self, msg: Msg) -> Delivery:
        return prepare(
            self.subscription.handlers,
            producer=self.subscription.producer,
            raw=msg.data,
            subject=msg.subject,
            headers=msg.headers,
        )

    async def _apply_alone(self, msg: Msg) -> None:
        """One message in a transaction of its own."""
        with self._enter(msg):
            try:
                delivery = self._prepare(msg)
                if delivery.handler is None:
                    await msg.ack()
                    self._count(delivery.skip or "ignored")
                    return
                applied = await apply_once(
                    self.db, self.consumer_name, delivery.envelope, delivery.handler
                )
                await msg.ack()
                self._count("processed" if applied else "duplicate")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                await self._failed(msg, exc)

    async def _failed(self, msg: Msg, exc: Exception) -> None:
        """A message that was not applied: retried later with a growing delay, or
        dead-lettered when it can never be (poison) or its handler keeps refusing it."""
        deliveries = msg.metadata.num_delivered
        poison = isinstance(exc, PoisonMessage)
        # An outage (database restarting, a deadlock) is waited out, never dead-lettered:
        # only an event its handler keeps refusing needs an operator.
        exhausted = deliveries >= self.settings.max_deliver and not is_transient(exc)
        if poison or exhausted:
            await self._dead_letter(msg, exc, deliveries)
            return
        delays = self.settings.backoff_seconds or [1.0]
        delay = delays[min(deliveries - 1, len(delays) - 1)]
        log.warning(
            "consumer.handler_failed",
            consumer=self.consumer_name,
            subject=msg.subject,
            deliveries=deliveries,
            retry_in=delay,
            error=repr(exc),
        )
        self._count("retried")
        with contextlib.suppress(Exception):
            await msg.nak(delay=delay)

    async def _dead_letter(self, msg: Msg, exc: Exception, deliveries: int) -> None:
        if not await record_dead_letter(self.db, self.consumer_name, msg, exc, deliveries):
            # Cannot record it: keep it in the stream instead.
            with contextlib.suppress(Exception):
                await msg.nak(delay=(self.settings.backoff_seconds or [1.0])[-1])
            return
        log.error(
            "consumer.dead_lettered",
            consumer=self.consumer_name,
            subject=msg.subject,
            deliveries=deliveries,
            error=repr(exc),
        )
        self._count("dead_lettered")
        with contextlib.suppress(Exception):
            await msg.ack()
