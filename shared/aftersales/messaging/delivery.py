"""A message as its consumer takes it: read tolerantly, checked for where it comes from, and
matched to its handler (:func:`prepare`), or refused for good (:class:`PoisonMessage`).

Events are read with :func:`aftersales.events.read_message`: an older version still in the
stream is upgraded, a newer one this reader cannot know is poison (dead-lettered with that
reason, for replay once a version that knows it is deployed). An enum value the reader does
not know is read as the handler's fallback, or dead-lettered when the handler decides by it
(:func:`~aftersales.messaging.subscriptions.reading`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nats.aio.msg import Msg

from aftersales.events import (
    Envelope,
    UnreadableEvent,
    read_message,
    unknown_values,
    with_fallbacks,
)
from aftersales.events.upgrades import has_newer_twin
from aftersales.messaging.streams import stream_name
from aftersales.messaging.subscriptions import DEAD_LETTER, Handler


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
    """The handler's declared reading of enum values it does not know (``reading``)."""
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


_AGGREGATE = re.compile(rb'"aggregate_id"\s*:\s*"([0-9a-fA-F-]{36})"')


def lane_of(msg: Msg) -> object:
    """The aggregate a message is about (read from its payload without decoding it whole).

    A payload without one (it will be dead-lettered as unknown) gets a lane of its own.
    """
    match = _AGGREGATE.search(msg.data)
    return match.group(1).lower() if match else id(msg)
