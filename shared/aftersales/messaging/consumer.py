"""The consumer runner: durable pull consumers with inbox dedup, backoff and dead letters.

Every message is applied in a savepoint that first inserts ``(consumer, event id)`` into the
inbox: a duplicate finds the row and is acked without running the handler again. A handler that
fails is nak'ed with a growing delay; after ``max_deliver`` attempts the message lands in the
dead-letter table (and is acked), from where an operator can list and replay it.

A fetched batch is split into lanes, one per aggregate in stream order, so a job's reports are
applied one after another; the lanes are dealt into up to ``concurrency`` groups worked on at
once. A group is one transaction with a savepoint per message, committed once and acked after
the commit: a batch of 50 costs a handful of commits instead of 50. A refused message rolls back
its savepoint alone; a group whose transaction breaks (deadlock, lost connection) is handled
again one message per transaction. Handlers are written to be correct under concurrency anyway
(replicas share a consumer), so a lane is about order and fewer lock waits, not safety.

Events are read tolerantly (``aftersales.events.read_message``): a consumer subscribes to the
family of each event it handles (``dispatch.job.completed.*``), so an older version still in the
stream is upgraded and handled, and a newer one it cannot know is dead-lettered with that
reason rather than never seen. An enum value the reader does not know is read as a fallback or
dead-lettered when the handler says so for that field (:func:`reading`).

nats-py loses a pull request the broker held when the broker restarts; fetches are therefore
short, and a watchdog re-binds the subscription when the consumer has work but nothing arrives.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from nats.aio.msg import Msg
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales import tracing
from aftersales.db import Database, UnitOfWork
from aftersales.events import (
    Envelope,
    UnreadableEvent,
    family_of,
    read_message,
    unknown_values,
    with_fallbacks,
)
from aftersales.events.upgrades import has_newer_twin
from aftersales.logging import get_logger, request_id_var, traceparent_var
from aftersales.messaging.link import NatsLink
from aftersales.messaging.streams import stream_name
from aftersales.metrics import EVENTS_CONSUMED

log = get_logger(__name__)

Handler = Callable[[UnitOfWork, Envelope[Any]], Awaitable[None]]
Relevance = Callable[[UnitOfWork], Awaitable[Callable[[Envelope[Any]], bool]]]
Listening = Callable[[UnitOfWork], Awaitable[Iterable[str]]]

# The transaction lock under which a consumer's filter is read and set (any number fits).
_FILTER_LOCK = 0x6166745F66696C74  # "aft_filt"
STREAM_NOT_FOUND = 10059  # JetStream's error code (10014 is a consumer not found)

# What a consumer filters on when nobody listens to any of its events: a subject of its
# producer's stream that no event is ever published on (a durable's filter cannot be empty).
NOBODY_LISTENS = "{producer}.nobody.listens.v0"

DEAD_LETTER = object()
"""For :func:`reading`: an unknown value in this field dead-letters the event."""


def reading(handler: Handler, **unknown: str | object) -> Handler:
    """``handler``, declaring what it does with an enum value it does not know, per field of
    the event's data (a dotted path: ``status``, ``exclusion.reason``): read it as a fallback
    value it knows, or :data:`DEAD_LETTER` (the event goes to the dead-letter list, with the
    field and the value as the reason, for replay once a version that knows it is deployed).
    A field not named here reaches the handler as the :class:`~aftersales.events.Unknown`
    string it was sent as: right for a field the handler only stores or passes on."""

    async def handle(uow: UnitOfWork, envelope: Envelope[Any]) -> None:
        await handler(uow, envelope)

    handle.unknown_values = MappingProxyType(dict(unknown))  # type: ignore[attr-defined]
    handle.__name__ = getattr(handler, "__name__", "handler")
    handle.__doc__ = handler.__doc__
    return handle


@dataclass(frozen=True)
class Subscription:
    """What one service consumes from one producer's stream.

    ``handlers`` names today's subject of each event (``dispatch.job.completed.v3``); the
    durable consumer filters on each one's family, so older versions still in the stream are
    upgraded to it and newer ones are dead-lettered with the reason.

    ``relevant``, when given, is read once per group's transaction and returns which events
    the handlers would act on at all; one it rules out is acked as ``irrelevant`` with no
    savepoint, no inbox row and no handler run. It is for handlers that do nothing for most
    events (a fan-out nobody subscribed to): it only saves work, so the handler must still
    check for itself, and an event it lets through is handled exactly as without it.

    ``listening``, when given, narrows the durable's filter itself to the subjects it returns
    (of those handled): the broker then delivers nothing else, not even to be passed over. It
    is read again every ``filter_refresh_seconds``, and whoever makes the set grow must call
    :meth:`ConsumerRunner.refilter` in the same transaction, before it commits, so that no
    event published after that commit is skipped (the broker never goes back for an event it
    filtered out). A consumer whose filter changes must accept that events it had filtered
    out stay unhandled: right for a fan-out to subscriptions that begin "from now".
    """

    producer: str
    handlers: Mapping[str, Handler]
    durable: str = ""
    relevant: Relevance | None = None
    listening: Listening | None = None

    @property
    def passes_over(self) -> bool:
        """Whether some deliveries may be acked without an inbox row (``irrelevant``):
        "handled" then shows in the consumer's acks, not in its inbox."""
        return self.relevant is not None

    @property
    def filter_subjects(self) -> list[str]:
        """The families of the events handled: every version of each."""
        return sorted({f"{family_of(s)[0]}.*" for s in self.handlers})

    async def filter_for(self, uow: UnitOfWork) -> list[str]:
        """The filter as of ``uow``: every family handled, or those ``listening`` names."""
        if self.listening is None:
            return self.filter_subjects
        listened = {f"{family_of(s)[0]}.*" for s in await self.listening(uow)}
        wanted = sorted(listened & set(self.filter_subjects))
        return wanted or [NOBODY_LISTENS.format(producer=self.producer)]

    @property
    def stream(self) -> str:
        return stream_name(self.producer)


def consumer_name(service: str, subscription: Subscription) -> str:
    """The inbox's and the dead letters' name for a consumer: a second durable of the same
    service on the same stream is a consumer of its own, with an inbox of its own."""
    name = f"{service}:{subscription.stream}"
    durable = subscription.durable or service
    return name if durable == service else f"{name}:{durable}"


@dataclass
class ConsumerSettings:
    batch: int = 50
    max_deliver: int = 5
    backoff_seconds: list[float] = field(default_factory=lambda: [1, 5, 15, 60])
    ack_wait_seconds: float = 30
    fetch_seconds: float = 1.0
    watchdog_seconds: float = 5.0
    stream_replicas: int = 1
    concurrency: int = 4
    filter_refresh_seconds: float = 30.0


class PoisonMessage(Exception):
    """The message can never be processed (not a known event): dead-letter it at once."""


class ForeignEvent(PoisonMessage):
    """The envelope claims another producer than the stream it came from: never applied."""


def check_provenance(
    envelope: Envelope[Any],
    *,
    producer: str,
    subject: str | None,
    published_as: str | None = None,
) -> None:
    """The second layer behind the broker's permissions: an event on ``producer``'s stream must
    say it comes from ``producer`` and carry the subject it was published on (``published_as``:
    its type before it was upgraded, when it was)."""
    if envelope.source != producer or not envelope.type.startswith(f"{producer}."):
        raise ForeignEvent(
            f"envelope from {envelope.source!r} of type {envelope.type!r}"
            f" arrived on {stream_name(producer)}, the stream of {producer!r}"
        )
    claimed = published_as or envelope.type
    if subject is not None and claimed != subject:
        raise ForeignEvent(f"envelope of type {claimed!r} was published on {subject!r}")


@dataclass(frozen=True)
class Delivery:
    """A message as its consumer takes it: the event (upgraded when it was published as an
    older version) and its handler, or why it is acked unhandled (``skip``)."""

    envelope: Envelope[Any]
    handler: Handler | None
    skip: str | None = None


def prepare(
    handlers: Mapping[str, Handler],
    *,
    producer: str,
    raw: bytes,
    subject: str | None,
    headers: Mapping[str, str] | None,
) -> Delivery:
    """Read ``raw``, check where it comes from and find its handler. Raises
    :class:`PoisonMessage` for what can never be handled: not an event this reader knows (a
    newer version included), a forged origin, or an enum value the handler decides by and does
    not know."""
    try:
        envelope, published_as = read_message(raw)
    except UnreadableEvent as exc:
        raise PoisonMessage(str(exc)) from exc
    check_provenance(envelope, producer=producer, subject=subject, published_as=published_as)
    handler = handlers.get(envelope.type)
    if handler is None:
        return Delivery(envelope, None, "ignored")
    if has_newer_twin(published_as, headers):
        return Delivery(envelope, None, "twin")
    return Delivery(_known_values(envelope, handler), handler)


def _known_values(envelope: Envelope[Any], handler: Handler) -> Envelope[Any]:
    """The handler's declared reading of enum values it does not know (:func:`reading`)."""
    unknown = unknown_values(envelope.data)
    treatment: Mapping[str, str | object] = getattr(handler, "unknown_values", {})
    if not unknown or not treatment:
        return envelope
    refused = [(path, value) for path, value in unknown if treatment.get(path) is DEAD_LETTER]
    if refused:
        named = ", ".join(f"{path}={value!r}" for path, value in refused)
        raise PoisonMessage(
            f"{envelope.type} carries {named}: a value this consumer does not know and decides"
            " by; deploy a version that knows it, then replay"
        )
    fallback = {path: value for path, value in treatment.items() if isinstance(value, str)}
    return envelope.model_copy(update={"data": with_fallbacks(envelope.data, fallback)})


async def claim(uow: UnitOfWork, consumer: str, envelope: Envelope[Any]) -> bool:
    """Insert ``(consumer, event id)`` into the inbox; False when it is there already (the event
    was applied before, and this is a redelivery)."""
    inbox = uow.db.platform.inbox
    inserted = (
        await uow.session.execute(
            pg_insert(inbox)
            .values(consumer=consumer, event_id=envelope.id, subject=envelope.type)
            .on_conflict_do_nothing()
            .returning(inbox.c.event_id)
        )
    ).first()
    return inserted is not None


async def apply_once(
    db: Database, consumer: str, envelope: Envelope[Any], handler: Handler
) -> bool:
    """Run ``handler`` in one transaction guarded by the inbox. False when already applied."""
    async with db.uow() as uow:
        if not await claim(uow, consumer, envelope):
            return False
        await handler(uow, envelope)
        await uow.commit()
    return True


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
        code = getattr(current, "sqlstate", None) or getattr(
            getattr(current, "orig", None), "sqlstate", None
        )
        if code in TRANSIENT_SQLSTATES:
            return True
        current = current.__cause__ or current.__context__
    return False


class ConsumerRunner:
    def __init__(
        self,
        db: Database,
        link: NatsLink,
        *,
        service: str,
        subscription: Subscription,
        settings: ConsumerSettings | None = None,
    ) -> None:
        self.db = db
        self.link = link
        self.service = service
        self.subscription = subscription
        self.settings = settings or ConsumerSettings()
        self.durable = subscription.durable or f"{service}"
        self._last_progress = time.monotonic()
        self._psub: Any = None
        # What this runner (this replica) did with each message: processed, duplicate, ...
        self.outcomes: collections.Counter[str] = collections.Counter()

    def _count(self, outcome: str) -> None:
        self.outcomes[outcome] += 1
        EVENTS_CONSUMED.labels(self.service, self.consumer_name, outcome).inc()

    @property
    def consumer_name(self) -> str:
        return consumer_name(self.service, self.subscription)

    async def run(self) -> None:
        await self.link.wait_ready()
        watchdog = asyncio.create_task(self._watchdog(), name=f"watchdog-{self.consumer_name}")
        refresh = (
            asyncio.create_task(self._refresh_filter(), name=f"filter-{self.consumer_name}")
            if self.subscription.listening is not None
            else None
        )
        try:
            while True:
                try:
                    if self._psub is None:
                        await self._bind()
                    msgs = await self._psub.fetch(
                        self.settings.batch, timeout=self.settings.fetch_seconds
                    )
                except TimeoutError:
                    continue
                except asyncio.CancelledError:
                    raise
                except NotFoundError:
                    # The producer makes its own stream; a consumer never does (it may not).
                    log.info("consumer.waiting_for_stream", consumer=self.consumer_name)
                    await self._drop_subscription()
                    await asyncio.sleep(0.5)
                    continue
                except Exception as exc:
                    log.warning(
                        "consumer.fetch_failed", consumer=self.consumer_name, error=repr(exc)
                    )
                    await self._drop_subscription()
                    await asyncio.sleep(0.5)
                    continue
                await self._process_batch(msgs)
        finally:
            for task in (watchdog, refresh):
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            await self._drop_subscription()

    def _config(self, subjects: list[str]) -> ConsumerConfig:
        return ConsumerConfig(
            durable_name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=self.settings.ack_wait_seconds,
            # Redelivery is bounded by our own count, which ends in the dead-letter table;
            # a server-side limit would silently stop delivering instead.
            max_deliver=-1,
            max_ack_pending=1000,
            filter_subjects=subjects if len(subjects) > 1 else None,
            filter_subject=subjects[0] if len(subjects) == 1 else None,
        )

    async def _ensure_filter(self, subjects: list[str], *, stream_may_be_missing: bool) -> None:
        """The durable consumer exists and filters on ``subjects``. With
        ``stream_may_be_missing``, a stream its producer has not made yet is left alone: the
        runner makes the consumer with the filter of that moment once the stream is there, and
        it reads the stream from its first event."""
        js = self.link.jetstream()
        try:
            info = await js.consumer_info(self.subscription.stream, self.durable)
            if (
                sorted(info.config.filter_subjects or [info.config.filter_subject or ""])
                == subjects
            ):
                return
        except NotFoundError as exc:
            if exc.err_code == STREAM_NOT_FOUND:
                if stream_may_be_missing:
                    return
                raise
        await js.add_consumer(self.subscription.stream, self._config(subjects))
        log.info("consumer.filtered", consumer=self.consumer_name, subjects=len(subjects))

    async def refilter(self, uow: UnitOfWork, *, binding: bool = False) -> None:
        """Set the durable's filter to what the subscription's ``listening`` says in ``uow``.
        Serialised with every other replica's by a transaction lock, so a narrower filter read
        from committed rows never overwrites a wider one set by a transaction not yet
        committed."""
        await uow.session.execute(select(func.pg_advisory_xact_lock(_FILTER_LOCK)))
        subjects = await self.subscription.filter_for(uow)
        await self._ensure_filter(subjects, stream_may_be_missing=not binding)

    async def _refiltered(self, *, binding: bool = False) -> None:
        async with self.db.uow() as uow:
            await self.refilter(uow, binding=binding)
            await uow.commit()

    async def _bind(self) -> None:
        if self.subscription.listening is None:
            subjects = self.subscription.filter_subjects
            await self._ensure_filter(subjects, stream_may_be_missing=False)
        else:
            await self._refiltered(binding=True)
        js = self.link.jetstream()
        self._psub = await js.pull_subscribe_bind(self.durable, self.subscription.stream)
        log.info("consumer.bound", consumer=self.consumer_name)

    async def _drop_subscription(self) -> None:
        psub, self._psub = self._psub, None
        if psub is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(2):
                    await psub.unsubscribe()

    async def _refresh_filter(self) -> None:
        """A ``listening`` consumer's filter, read again now and then: narrower once the last
        listener of an event has gone (growing is done by whoever adds one)."""
        while True:
            await asyncio.sleep(self.settings.filter_refresh_seconds)
            try:
                await self._refiltered()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning(
                    "consumer.refilter_failed", consumer=self.consumer_name, error=repr(exc)
                )

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(self.settings.watchdog_seconds)
            idle = time.monotonic() - self._last_progress
            if idle < self.settings.watchdog_seconds or self._psub is None:
                continue
            try:
                js = self.link.jetstream()
                info = await js.consumer_info(self.subscription.stream, self.durable, timeout=2)
            except NotFoundError:
                log.warning("consumer.missing", consumer=self.consumer_name)
                await self._drop_subscription()
                continue
            except Exception:
                continue
            if info.num_pending or info.num_ack_pending:
                log.warning(
                    "consumer.stalled_rebinding",
                    consumer=self.consumer_name,
                    pending=info.num_pending,
                    idle_seconds=round(idle, 1),
                )
                await self._drop_subscription()
                self._last_progress = time.monotonic()

    async def _process_batch(self, msgs: list[Msg]) -> None:
        """Work through one fetched batch: its messages in lanes (one per aggregate, in stream
        order), the lanes dealt into up to ``concurrency`` groups, each group handled in one
        transaction (a savepoint per message) and acked after its commit."""
        self._last_progress = time.monotonic()  # messages arrived
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
                group.create_task(self._process_group(msgs_of_group))

    async def _process_group(self, msgs: list[Msg]) -> None:
        """Handle ``msgs`` in one transaction, each message in a savepoint of its own: one
        commit (and one fsync) for the group instead of one per message. A message its handler
        refuses rolls back alone and is retried or dead-lettered as ever; anything that breaks
        the transaction itself (a deadlock, a lost connection, a lock timeout) sends the whole
        group through one transaction per message instead, where it is retried as ever."""
        done: list[tuple[Msg, str]] = []
        refused: list[tuple[Msg, Exception]] = []
        try:
            async with self.db.uow() as uow:
                relevant = self.subscription.relevant
                wanted = None if relevant is None else await relevant(uow)
                for msg in msgs:
                    with self._enter(msg):
                        outcome = await self._apply_in(uow, msg, wanted)
                    # Progress, for the watchdog: a slow group is working, not stalled.
                    self._last_progress = time.monotonic()
                    if isinstance(outcome, Exception):
                        refused.append((msg, outcome))
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
                await self._process(msg)
                self._last_progress = time.monotonic()
            return
        for msg, outcome in done:
            with contextlib.suppress(Exception):  # unacked, it comes again: the inbox has it
                await msg.ack()
            self._count(outcome)
        for msg, error in refused:
            await self._failed(msg, error)
        self._last_progress = time.monotonic()

    async def _apply_in(
        self, uow: UnitOfWork, msg: Msg, wanted: Callable[[Envelope[Any]], bool] | None
    ) -> str | Exception:
        """One message of a group, in a savepoint of the group's transaction: its outcome, or
        why it was refused. A transient error is raised: the transaction itself is broken."""
        try:
            delivery = self._prepare(msg)
        except PoisonMessage as exc:
            return exc
        envelope, handler = delivery.envelope, delivery.handler
        if handler is None:
            return delivery.skip or "ignored"
        if wanted is not None and not wanted(envelope):
            return "irrelevant"
        try:
            async with uow.savepoint():
                applied = await claim(uow, self.consumer_name, envelope)
                if applied:
                    await handler(uow, envelope)
        except Exception as exc:
            if is_transient(exc):
                raise
            return exc
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

    async def _process(self, msg: Msg) -> None:
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
        dead = self.db.platform.dead_letters
        headers = dict(msg.headers or {})
        try:
            event_id = uuid.UUID(headers.get("Nats-Msg-Id", ""))
        except ValueError:
            event_id = uuid.uuid5(
                uuid.NAMESPACE_URL, f"{msg.subject}:{msg.metadata.sequence.stream}"
            )
        try:
            async with self.db.sessionmaker() as session, session.begin():
                await session.execute(
                    pg_insert(dead)
                    .values(
                        id=uuid.uuid4(),
                        consumer=self.consumer_name,
                        event_id=event_id,
                        subject=msg.subject,
                        payload=msg.data,
                        headers=headers,
                        error=repr(exc)[:4000],
                        deliveries=deliveries,
                    )
                    .on_conflict_do_update(
                        index_elements=["consumer", "event_id"],
                        set_={
                            "error": repr(exc)[:4000],
                            "deliveries": deliveries,
                            "replayed_at": None,
                        },
                    )
                )
        except Exception as db_exc:  # cannot record it: keep it in the stream instead
            log.error("consumer.dead_letter_failed", error=repr(db_exc))
            with contextlib.suppress(Exception):
                await msg.nak(delay=self.settings.backoff_seconds[-1])
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


_AGGREGATE = re.compile(rb'"aggregate_id"\s*:\s*"([0-9a-fA-F-]{36})"')


def lane_of(msg: Msg) -> object:
    """The aggregate a message is about (read from its payload without decoding it whole).

    A payload without one (it will be dead-lettered as unknown) gets a lane of its own.
    """
    match = _AGGREGATE.search(msg.data)
    return match.group(1).lower() if match else id(msg)


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


__all__ = [
    "DEAD_LETTER",
    "ConsumerRunner",
    "ConsumerSettings",
    "Delivery",
    "Handler",
    "ReplayResult",
    "Subscription",
    "apply_once",
    "check_provenance",
    "list_dead_letters",
    "prepare",
    "reading",
    "replay_dead_letters",
]
