"""Event contracts of every producing service, registered in one discriminated union.

One version of each event is on the bus: ``CONTRACTS`` holds it, ``REGISTRY`` maps each subject
to its contract class. ``decode(bytes)`` reads a message body tolerantly into a typed
``Envelope[...]`` (the ``type`` field picks the contract): fields it does not know are ignored,
enum values it does not know are :class:`Unknown`, and an older version still in a stream is
upgraded to today's (:mod:`aftersales.events.upgrades`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Annotated, Any, TypeVar, Union

from pydantic import Discriminator, Tag, TypeAdapter, ValidationError

from aftersales.events import billing, dispatch, feedback, intake
from aftersales.events.base import (
    TOLERANT,
    Contract,
    Envelope,
    EventData,
    Money,
    Unknown,
    Window,
    utcnow,
)
from aftersales.events.upgrades import upgraded

CONTRACTS: tuple[type[EventData], ...] = (
    intake.TicketCreated,
    intake.TicketStatusChanged,
    intake.TicketReopened,
    intake.TicketClosed,
    intake.TicketCancelled,
    intake.TicketResolvedRemotely,
    intake.TicketRemedyDecided,
    intake.CustomerErased,
    intake.TicketResponded,
    intake.TicketResponseBreached,
    intake.TicketCompletionBreached,
    intake.TicketPaused,
    intake.TicketResumed,
    intake.ProductRegistered,
    intake.ProductUpdated,
    intake.TicketCallbackRequested,
    intake.PartsOrderPlaced,
    intake.WebhookDisabled,
    intake.TicketWindowAgreed,
    dispatch.JobRouted,
    dispatch.JobUnrouted,
    dispatch.JobOfferDeclined,
    dispatch.JobAccepted,
    dispatch.JobScheduled,
    dispatch.JobStatusChanged,
    dispatch.JobCompleted,
    dispatch.PointRegistered,
    dispatch.PointUpdated,
    dispatch.SlaBreached,
    dispatch.JobPaused,
    dispatch.JobResumed,
    dispatch.StockBelowReorder,
    *dispatch.REQUISITION_EVENTS.values(),
    dispatch.PartReturnOverdue,
    dispatch.PartsOrderShipped,
    dispatch.PartsOrderDelivered,
    dispatch.PartsOrderShipOverdue,
    billing.ChargeIssued,
    billing.ChargePaid,
    billing.SettlementClosed,
    billing.PartsOrderPaid,
    billing.PartsOrderCancelled,
    billing.ContractInvoiced,
    billing.ContractExpiring,
    billing.ContractRenewed,
    billing.MaintenanceVisitDue,
    billing.ChargeCorrected,
    billing.CashHandedOver,
    billing.RefundPaid,
    billing.CashRemitted,
    billing.PaymentsReconciled,
    billing.ReviewFlagged,
    feedback.CallbackRecorded,
    feedback.ComplaintOpened,
    feedback.ComplaintResolved,
    feedback.ComplaintReplied,
    feedback.ComplaintOverdue,
    feedback.CallbackUnreachable,
    feedback.CallbackOverdue,
    feedback.PointGraded,
    feedback.TechnicianDisciplined,
    feedback.GradingCompleted,
    feedback.StaffDisciplined,
    feedback.StaffRewarded,
    feedback.VisitOverdue,
    feedback.StaffFined,
)

REGISTRY: dict[str, type[EventData]] = {c.SUBJECT: c for c in CONTRACTS}


def _event_type(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("type")
    return getattr(value, "type", None)


# Built from CONTRACTS at run time, so a static type checker sees only ``Any``.
AnyEnvelope: Any = Annotated[
    Union[tuple(Annotated[Envelope[c], Tag(c.SUBJECT)] for c in CONTRACTS)],  # type: ignore[valid-type]  # noqa: UP007
    Discriminator(_event_type),
]

_adapter: TypeAdapter[Envelope[Any]] = TypeAdapter(AnyEnvelope)


_VERSIONED = re.compile(r"^(?P<family>.+)\.v(?P<version>[0-9]+)$")


def family_of(subject: str) -> tuple[str, int]:
    """``dispatch.job.completed.v3`` -> ``("dispatch.job.completed", 3)``."""
    match = _VERSIONED.match(subject)
    if match is None:
        return subject, 0
    return match["family"], int(match["version"])


# Each event family's version on the bus.
CURRENT: dict[str, int] = dict(family_of(s) for s in REGISTRY)


class UnreadableEvent(ValueError):
    """A message this reader cannot read as any event it knows."""


class NewerVersion(UnreadableEvent):
    """A version of an event newer than the one this reader knows: its meaning changed (a new
    version is made only for a breaking change), so it is not guessed at."""


def parse(raw: bytes | str) -> dict[str, Any]:
    """The envelope as JSON, not yet validated; an :class:`UnreadableEvent` if it is none."""
    try:
        envelope = json.loads(raw)
    except ValueError as exc:
        raise UnreadableEvent(f"not JSON: {exc}") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("type"), str):
        raise UnreadableEvent("not an event envelope (no type)")
    return envelope


_READING = {TOLERANT: True}


def read(envelope: dict[str, Any]) -> Envelope[Any]:
    """A parsed envelope as today's contract, tolerantly (see the module's docstring)."""
    subject = envelope["type"]
    if subject not in REGISTRY:
        envelope = upgraded(envelope)
    if envelope["type"] not in REGISTRY:
        family, version = family_of(subject)
        if family in CURRENT and version > CURRENT[family]:
            raise NewerVersion(
                f"{subject} is newer than {family}.v{CURRENT[family]}, the version this"
                " reader knows: a new version changes the meaning, so this service must be"
                " deployed with it before the producer publishes it; replay it after that"
            )
        raise UnreadableEvent(f"{subject} is not an event this reader knows")
    try:
        return _adapter.validate_python(envelope, extra="ignore", context=_READING)
    except ValidationError as exc:
        raise UnreadableEvent(f"{subject} does not match its contract: {exc.errors()[:3]}") from exc


def read_message(raw: bytes | str) -> tuple[Envelope[Any], str]:
    """A message body read tolerantly (see the module's docstring), and the subject it was
    published as (an older one, when it was upgraded). Raises :class:`UnreadableEvent` for a
    body that is no event this reader knows."""
    try:  # the usual case, in one pass: an event of today's version
        envelope = _adapter.validate_json(raw, extra="ignore", context=_READING)
    except ValidationError:
        parsed = parse(raw)
        return read(parsed), parsed["type"]
    return envelope, envelope.type


def decode(raw: bytes | str) -> Envelope[Any]:
    """Read a message body tolerantly; see :func:`read_message`."""
    return read_message(raw)[0]


C = TypeVar("C", bound=Contract)


def reread(contract: type[C], data: Mapping[str, Any]) -> C:
    """Event data a reader stored (JSON), read back as tolerantly as it was first read."""
    return contract.model_validate(data, extra="ignore", context=_READING)


def encode(envelope: Envelope[Any]) -> bytes:
    return envelope.model_dump_json().encode()


def unknown_values(model: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Every :class:`Unknown` enum value in a decoded contract, with its field's dotted path
    (list items share their list's path)."""
    found: list[tuple[str, str]] = []
    if isinstance(model, Unknown):
        found.append((prefix, str(model)))
    elif isinstance(model, Contract):
        for name in type(model).model_fields:
            found += unknown_values(getattr(model, name), f"{prefix}{name}.")
    elif isinstance(model, list | tuple):
        for item in model:
            found += unknown_values(item, prefix)
    return [(path.rstrip("."), value) for path, value in found]


def with_fallbacks(model: Any, fallbacks: Mapping[str, str], prefix: str = "") -> Any:
    """``model`` with each :class:`Unknown` value at a path named in ``fallbacks`` replaced by
    that path's fallback (a value the reader knows)."""
    if isinstance(model, Unknown):
        return fallbacks.get(prefix, model)
    if isinstance(model, Contract):
        update = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            new = with_fallbacks(value, fallbacks, f"{prefix}.{name}" if prefix else name)
            if new is not value:
                update[name] = new
        return model.model_copy(update=update) if update else model
    if isinstance(model, list):
        items = [with_fallbacks(item, fallbacks, prefix) for item in model]
        return items if any(a is not b for a, b in zip(items, model, strict=True)) else model
    return model


__all__ = [
    "CONTRACTS",
    "CURRENT",
    "REGISTRY",
    "AnyEnvelope",
    "Contract",
    "Envelope",
    "EventData",
    "Money",
    "NewerVersion",
    "Unknown",
    "UnreadableEvent",
    "Window",
    "billing",
    "decode",
    "dispatch",
    "encode",
    "family_of",
    "feedback",
    "intake",
    "parse",
    "read",
    "read_message",
    "reread",
    "unknown_values",
    "utcnow",
    "with_fallbacks",
]
