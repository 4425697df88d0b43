"""The event envelope and the base of every event contract.

A contract is a frozen Pydantic model whose ``SUBJECT`` names its NATS subject, which is also the
envelope's ``type``. Strict when written, tolerant when read:

- a producer builds a contract from keyword arguments, and it refuses a field or a value it does
  not declare (``extra="forbid"``, each enum a ``Literal``);
- a consumer reads with :func:`aftersales.events.decode`, which ignores fields it does not know
  and reads an enum value it does not know as :class:`Unknown` (every enum of a contract is
  :data:`Open`), for the handler's declared fallback or the dead-letter list to deal with.

So a new optional field or enum value is added in place; only a change that alters the meaning
of what is there is a new version (``docs/adr/0001-one-version-on-the-bus.md``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Generic, TypeVar, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

# The validation context key that makes enums tolerant: set by ``decode`` only.
TOLERANT = "aftersales.tolerant"


class Unknown(str):
    """An enum value the reader's contract does not name: a newer producer's, read tolerantly.

    It is still the string that was sent, so a handler that only passes it on (the webhook
    fan-out) passes it on unchanged; any other handler names a fallback for it, or the event
    is dead-lettered with the field and the value as the reason."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Unknown({str.__repr__(self)})"


def _tolerate(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    try:
        return handler(value)
    except ValidationError:
        context = info.context
        if isinstance(value, str) and isinstance(context, dict) and context.get(TOLERANT):
            return Unknown(value)
        raise


T = TypeVar("T")
Open = Annotated[T, WrapValidator(_tolerate)]
"""An enum of a contract: strict for the producer, open to values a newer producer adds."""


def values_of(enum: Any) -> frozenset[str]:
    """The values an :data:`Open` (or plain ``Literal``) enum names."""
    args = get_args(enum)
    if args and get_origin(enum) is Annotated:
        return values_of(args[0])
    return frozenset(args)


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


__all__ = [
    "TOLERANT",
    "Contract",
    "Envelope",
    "EventData",
    "Money",
    "Open",
    "Unknown",
    "Window",
    "date",
    "utcnow",
    "values_of",
]


class PartsLine(Contract):
    """A line of parts: a SKU and how many (a parts order's, in every producer's events)."""

    sku: str
    qty: int
