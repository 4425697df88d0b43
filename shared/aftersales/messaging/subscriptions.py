"""What a service consumes: a :class:`Subscription` per producer's stream, its handlers, and
how a handler reads an enum value it does not know (:func:`reading`).

A subscription names today's subject of each event it handles; its durable consumer filters
on each one's family (``dispatch.job.completed.*``), so an older version still in the stream
is upgraded and handled, and a newer one it cannot know is dead-lettered with that reason
rather than never seen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from aftersales.events import Envelope, family_of
from aftersales.messaging.streams import stream_name

if TYPE_CHECKING:
    from aftersales.unit_of_work import UnitOfWork

Handler = Callable[["UnitOfWork", Envelope[Any]], Awaitable[None]]
Relevance = Callable[["UnitOfWork"], Awaitable[Callable[[Envelope[Any]], bool]]]
Listening = Callable[["UnitOfWork"], Awaitable[Iterable[str]]]

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
    :meth:`~aftersales.messaging.consumer.ConsumerRunner.refilter` in the same transaction,
    before it commits, so that no event published after that commit is skipped (the broker
    never goes back for an event it filtered out). A consumer whose filter changes must accept
    that events it had filtered out stay unhandled: right for a fan-out to subscriptions that
    begin "from now".
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
