"""The event envelope and the base of every event contract.

A contract is a frozen Pydantic model whose ``SUBJECT`` names its NATS subject, which is also the
envelope's ``type``. A change to a published event is a new class with a new ``.vN`` subject.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field


class Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventData(Contract):
    SUBJECT: ClassVar[str]
    AGGREGATE: ClassVar[str]


class Money(Contract):
    amount: int = Field(description="integer minor units (fen for CNY)")
    currency: str = Field(default="CNY", min_length=3, max_length=3)


class Window(Contract):
    start: datetime
    end: datetime


D = TypeVar("D", bound=EventData)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Envelope(BaseModel, Generic[D]):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: uuid.UUID
    type: str
    source: str
    time: datetime
    aggregate_id: uuid.UUID
    aggregate_version: int
    data: D
    traceparent: str | None = None

    @classmethod
    def wrap(
        cls,
        data: D,
        *,
        source: str,
        aggregate_id: uuid.UUID,
        aggregate_version: int,
        traceparent: str | None = None,
        time: datetime | None = None,
    ) -> Envelope[D]:
        return Envelope[type(data)](  # type: ignore[misc,operator]
            id=uuid.uuid4(),
            type=data.SUBJECT,
            source=source,
            time=time or utcnow(),
            aggregate_id=aggregate_id,
            aggregate_version=aggregate_version,
            data=data,
            traceparent=traceparent,
        )


__all__ = ["Contract", "Envelope", "EventData", "Money", "Window", "date", "utcnow"]


class PartsLine(Contract):
    """A line of parts: a SKU and how many (a parts order's, in every producer's events)."""

    sku: str
    qty: int
