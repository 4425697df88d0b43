"""The NATS side of a consumer: its durable pull consumer on the producer's stream, the
filter it reads through, and a subscription that survives broker restarts.

nats-py loses a pull request the broker held when the broker restarts; fetches are therefore
short, and a watchdog re-binds the subscription when the consumer has work but nothing arrives.
A consumer never makes a stream (its producer does, and it may not): it waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

from nats.aio.msg import Msg
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError
from sqlalchemy import func, select

from aftersales.database import Database
from aftersales.logging import get_logger
from aftersales.messaging.link import NatsLink
from aftersales.messaging.subscriptions import ConsumerSettings, Subscription
from aftersales.unit_of_work import UnitOfWork

log = get_logger(__name__)

# The transaction lock under which a consumer's filter is read and set (any number fits).
_FILTER_LOCK = 0x6166745F66696C74  # "aft_filt"
STREAM_NOT_FOUND = 10059  # JetStream's error code (10014 is a consumer not found)


class Binding:
    """One durable pull consumer, bound and re-bound as the broker comes and goes.

    ``idle_seconds`` says how long the consumer has made no progress: the watchdog re-binds
    when that is long while the broker holds work for it."""

    def __init__(
        self,
        db: Database,
        link: NatsLink,
        *,
        service: str,
        name: str,
        subscription: Subscription,
        settings: ConsumerSettings,
        idle_seconds: Callable[[], float],
        on_rebind: Callable[[], None],
    ) -> None:
        self.db = db
        self.link = link
        self.name = name
        self.subscription = subscription
        self.settings = settings
        self.durable = subscription.durable or service
        self._idle_seconds = idle_seconds
        self._on_rebind = on_rebind
        self._psub: Any = None

    async def fetch(self) -> list[Msg]:
        """The next batch, or nothing when the broker had none (or could not be reached: the
        subscription is then dropped and made again on the next call)."""
        try:
            if self._psub is None:
                await self._bind()
            msgs: list[Msg] = await self._psub.fetch(
                self.settings.batch, timeout=self.settings.fetch_seconds
            )
            return msgs
        except TimeoutError:
            return []
        except asyncio.CancelledError:
            raise
        except NotFoundError:
            log.info("consumer.waiting_for_stream", consumer=self.name)
        except Exception as exc:
            log.warning("consumer.fetch_failed", consumer=self.name, error=repr(exc))
        await self.drop()
        await asyncio.sleep(0.5)
        return []

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
        log.info("consumer.filtered", consumer=self.name, subjects=len(subjects))

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
        log.info("consumer.bound", consumer=self.name)

    async def drop(self) -> None:
        """Unsubscribe (the durable stays): the next fetch binds again."""
        psub, self._psub = self._psub, None
        if psub is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(2):
                    await psub.unsubscribe()

    async def refresh_filter(self) -> None:
        """A ``listening`` consumer's filter, read again now and then: narrower once the last
        listener of an event has gone (growing is done by whoever adds one)."""
        while True:
            await asyncio.sleep(self.settings.filter_refresh_seconds)
            try:
                await self._refiltered()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("consumer.refilter_failed", consumer=self.name, error=repr(exc))

    async def watchdog(self) -> None:
        """Re-bind a subscription that has gone quiet while the broker holds work for it."""
        while True:
            await asyncio.sleep(self.settings.watchdog_seconds)
            idle = self._idle_seconds()
            if idle < self.settings.watchdog_seconds or self._psub is None:
                continue
            try:
                js = self.link.jetstream()
                info = await js.consumer_info(self.subscription.stream, self.durable, timeout=2)
            except NotFoundError:
                log.warning("consumer.missing", consumer=self.name)
                await self.drop()
                continue
            except Exception:
                continue
            if info.num_pending or info.num_ack_pending:
                log.warning(
                    "consumer.stalled_rebinding",
                    consumer=self.name,
                    pending=info.num_pending,
                    idle_seconds=round(idle, 1),
                )
                await self.drop()
                self._on_rebind()
