"""The consumer runner: a durable pull consumer per subscription, whose messages are applied
once each, in order per aggregate, with retries and dead letters.

It is three parts, each in a module of its own:

- :mod:`~aftersales.messaging.binding`: the NATS side (the durable, its filter, fetching, a
  watchdog that re-binds after a broker restart);
- :mod:`~aftersales.messaging.applier`: what is done with a fetched batch (lanes, one
  transaction per group with a savepoint per message, the inbox, retries, dead letters);
- :mod:`~aftersales.messaging.dead_letters`: the operator's list and replay.

What a service subscribes to is declared with :mod:`~aftersales.messaging.subscriptions`, and
how a message is read and checked in :mod:`~aftersales.messaging.delivery`. The names below are
re-exported so that services import them from one place.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import time

from aftersales.database import Database
from aftersales.messaging.applier import Applier, is_transient
from aftersales.messaging.binding import Binding
from aftersales.messaging.dead_letters import (
    ReplayResult,
    list_dead_letters,
    replay_dead_letters,
)
from aftersales.messaging.delivery import (
    Delivery,
    ForeignEvent,
    PoisonMessage,
    check_provenance,
    prepare,
)
from aftersales.messaging.inbox import apply_once, claim
from aftersales.messaging.link import NatsLink
from aftersales.messaging.subscriptions import (
    DEAD_LETTER,
    ConsumerSettings,
    Handler,
    Subscription,
    consumer_name,
    reading,
)
from aftersales.unit_of_work import UnitOfWork


class ConsumerRunner:
    """Fetches through a :class:`Binding` and hands each batch to an :class:`Applier`."""

    def __init__(
        self,
        db: Database,
        link: NatsLink,
        *,
        service: str,
        subscription: Subscription,
        settings: ConsumerSettings | None = None,
    ) -> None:
        self.service = service
        self.subscription = subscription
        self.settings = settings or ConsumerSettings()
        self.applier = Applier(
            db, service=service, subscription=subscription, settings=self.settings
        )
        self.binding = Binding(
            db,
            link,
            service=service,
            name=self.consumer_name,
            subscription=subscription,
            settings=self.settings,
            idle_seconds=lambda: time.monotonic() - self.applier.last_progress,
            on_rebind=self.applier.mark_progress,
        )
        self.link = link

    @property
    def consumer_name(self) -> str:
        return consumer_name(self.service, self.subscription)

    @property
    def durable(self) -> str:
        return self.binding.durable

    @property
    def outcomes(self) -> collections.Counter[str]:
        """What this runner (this replica) did with each message: processed, duplicate, ..."""
        return self.applier.outcomes

    async def refilter(self, uow: UnitOfWork) -> None:
        """See :meth:`Binding.refilter`: call it before committing what widens ``listening``."""
        await self.binding.refilter(uow)

    async def run(self) -> None:
        await self.link.wait_ready()
        tasks = [
            asyncio.create_task(self.binding.watchdog(), name=f"watchdog-{self.consumer_name}")
        ]
        if self.subscription.listening is not None:
            tasks.append(
                asyncio.create_task(
                    self.binding.refresh_filter(), name=f"filter-{self.consumer_name}"
                )
            )
        try:
            while True:
                msgs = await self.binding.fetch()
                if msgs:
                    await self.applier.apply_batch(msgs)
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await self.binding.drop()


__all__ = [
    "DEAD_LETTER",
    "ConsumerRunner",
    "ConsumerSettings",
    "Delivery",
    "ForeignEvent",
    "Handler",
    "PoisonMessage",
    "ReplayResult",
    "Subscription",
    "apply_once",
    "check_provenance",
    "claim",
    "consumer_name",
    "is_transient",
    "list_dead_letters",
    "prepare",
    "reading",
    "replay_dead_letters",
]
