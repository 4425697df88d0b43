"""Event contracts of every producing service, registered in one discriminated union.

``decode(bytes)`` turns a message body into a typed ``Envelope[...]``; the ``type`` field picks
the contract. ``REGISTRY`` maps each subject to its contract class.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag, TypeAdapter

from aftersales.events import billing, dispatch, feedback, intake
from aftersales.events.base import Contract, Envelope, EventData, Money, Window, utcnow

CONTRACTS: tuple[type[EventData], ...] = (
    intake.TicketCreated,
    intake.TicketStatusChanged,
    intake.TicketReopened,
    intake.TicketClosed,
    intake.TicketCancelled,
    intake.TicketResolvedRemotely,
    intake.TicketRemedyDecided,
    intake.CustomerErased,
    intake.TicketCreatedV2,
    intake.TicketClosedV2,
    intake.TicketResponded,
    intake.TicketResponseBreached,
    intake.TicketCompletionBreached,
    intake.TicketPaused,
    intake.TicketResumed,
    intake.ProductRegistered,
    intake.ProductUpdated,
    intake.TicketCallbackRequested,
    intake.PartsOrderPlaced,
    dispatch.JobRoutedV2,
    dispatch.JobRouted,
    dispatch.JobUnrouted,
    dispatch.JobOfferDeclined,
    dispatch.JobAccepted,
    dispatch.JobScheduled,
    dispatch.JobStatusChanged,
    dispatch.JobCompleted,
    dispatch.JobCompletedV2,
    dispatch.JobCompletedV3,
    dispatch.PointRegistered,
    dispatch.PointUpdated,
    dispatch.JobStatusChangedV2,
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
    feedback.CallbackRecorded,
    feedback.ComplaintOpened,
    feedback.ComplaintResolved,
    feedback.ComplaintReplied,
    feedback.ComplaintOverdue,
    feedback.CallbackUnreachable,
    feedback.CallbackOverdue,
    feedback.CallbackRecordedV2,
    feedback.CallbackUnreachableV2,
    feedback.PointGraded,
    feedback.TechnicianDisciplined,
    feedback.GradingCompleted,
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


def decode(raw: bytes | str) -> Envelope[Any]:
    """Parse a message body; raises ``pydantic.ValidationError`` for an unknown or bad event."""
    return _adapter.validate_json(raw)


def encode(envelope: Envelope[Any]) -> bytes:
    return envelope.model_dump_json().encode()


# The header on an event naming the newer versions of it published in the same transaction.
NEWER_VERSIONS = "Aftersales-Newer-Versions"


def newer_versions(envelopes: list[Envelope[Any]]) -> dict[uuid.UUID, str]:
    """For each event published beside a newer version of itself (``….completed.v1`` beside
    ``….completed.v2``: the same change of the same aggregate, at the same version, in one
    transaction), the newer subjects, comma-separated: the value of :data:`NEWER_VERSIONS`."""
    family: dict[tuple[uuid.UUID, int, str], list[tuple[int, Envelope[Any]]]] = {}
    for e in envelopes:
        base, _, digits = e.type.rpartition(".v")
        if digits.isdigit():
            key = (e.aggregate_id, e.aggregate_version, base)
            family.setdefault(key, []).append((int(digits), e))
    newer: dict[uuid.UUID, str] = {}
    for versions in family.values():
        for version, e in versions:
            later = sorted((n, v.type) for n, v in versions if n > version)
            if later:
                newer[e.id] = ",".join(subject for _, subject in later)
    return newer


__all__ = [
    "CONTRACTS",
    "NEWER_VERSIONS",
    "REGISTRY",
    "AnyEnvelope",
    "Contract",
    "Envelope",
    "EventData",
    "Money",
    "Window",
    "billing",
    "decode",
    "dispatch",
    "encode",
    "feedback",
    "intake",
    "newer_versions",
    "utcnow",
]
