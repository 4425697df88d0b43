"""What webhook integrators may subscribe to: every event on the bus, and the older versions of
some, which integrators keep for as long as they subscribe to them.

One version of each event is on the bus (``aftersales.events``). An integrator that subscribed
to an older one (``dispatch.job.completed.v1``) still receives it: the fan-out down-converts the
newest event with the function below for that version. Each returns the older event, or None
when the older version cannot say what happened (a status or kind it has no name for; a
``ticket.closed`` that is not a satisfied callback, the only ending v1 ever reported): the
older version's narrower rules hold as they did when it was published beside the newer one.

A converted copy gets an id of its own, derived from the newest event's id and its version, so
a retried delivery keeps one ``webhook-id`` and a receiver can deduplicate. Older versions are
``deprecated``; each is kept until its sunset, "never" unless ``INTAKE_EVENT_SUNSETS`` names a
date for it (docs/contract.md lists them; dropping one means changing both).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Literal, TypeAlias

from aftersales.events import REGISTRY as BUS
from aftersales.events import Envelope, EventData, dispatch, family_of, feedback, intake
from aftersales.events.base import TOLERANT, Contract, Open, values_of

# A copy's id: uuid5 of the newest event's id and the copy's subject, in this namespace.
COPY_NAMESPACE = uuid.UUID("5d0c3d55-1b8e-4c53-9d35-7c2f0a7e6a27")

TicketKindV1: TypeAlias = Open[
    Literal[
        "install", "repair", "relocation", "maintenance", "consultation", "training", "complaint"
    ]
]
JobStatusV1: TypeAlias = Open[
    Literal[
        "unrouted",
        "offered",
        "accepted",
        "scheduled",
        "en_route",
        "on_site",
        "in_workshop",
        "repaired",
        "inspected",
        "completed",
        "cancelled",
    ]
]
V1_KINDS = values_of(TicketKindV1)
V1_JOB_STATUSES = values_of(JobStatusV1)


class CustomerFactsV1(Contract):
    """The customer as v1 said it: without the ``type`` v2 grew (a business customer)."""

    id: uuid.UUID
    name: str
    phone: str
    region: str
    city: str
    line: str


class TicketCreatedV1(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.created.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    kind: TicketKindV1
    channel: intake.Channel
    description: str
    customer: CustomerFactsV1
    product: intake.ProductFacts
    preferred_window: intake.Window | None = None
    respond_by: datetime
    needs_visit: bool
    created_at: datetime
    tenant_id: str | None = None


class TicketClosedV1(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.closed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    reason: str
    closed_at: datetime


class JobRoutedV1(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.routed.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    attempt: int
    why: str
    offer_expires_at: datetime


class JobStatusChangedV1(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.status_changed.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    status: JobStatusV1
    previous_status: JobStatusV1
    at: datetime
    note: str | None = None
    receipt_no: str | None = None


class PartUsedV1(Contract):
    """A part as versions 1 to 3 of ``dispatch.job.completed`` sent it (``on_model`` grew in
    place on v3)."""

    sku: str
    qty: int


# What a part of v3 grew since: left out of the older copies.
PARTS_GREW: dict[str, Any] = {"parts": {"__all__": {"on_model"}}}


class JobCompletedV1(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.completed.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    technician_id: uuid.UUID
    resolution: dispatch.Resolution
    labor_minutes: int
    parts: list[PartUsedV1]
    travel_km: int
    visit_number: int
    arrived_late_minutes: int
    completed_at: datetime


class JobCompletedV2(JobCompletedV1):
    SUBJECT: ClassVar[str] = "dispatch.job.completed.v2"

    category: str
    model: str | None = None
    serial_no: str | None = None
    outcome: dispatch.ReportOutcome = "fixed"
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None


class CallbackRecordedV1(EventData):
    SUBJECT: ClassVar[str] = "feedback.callback.recorded.v1"
    AGGREGATE: ClassVar[str] = "callback"

    callback_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    reached: bool
    outcome: feedback.CallbackOutcome | None = None
    score: int | None = None
    recorded_at: datetime


class CallbackUnreachableV1(EventData):
    SUBJECT: ClassVar[str] = "feedback.callback.unreachable.v1"
    AGGREGATE: ClassVar[str] = "callback"

    callback_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID
    point_id: uuid.UUID | None = None
    attempts: int
    given_up_at: datetime


def _fields_of(
    older: type[EventData], exclude: dict[str, Any] | None = None
) -> Callable[[Any], EventData]:
    """The older version made of the newer one's fields it has (values as they were sent),
    less those of its parts the newer one grew (``exclude``)."""

    def convert(newest: Any) -> EventData:
        data = newest.model_dump(include=set(older.model_fields), exclude=exclude)
        return older.model_validate(data, context={TOLERANT: True})

    return convert


def _when(
    rule: Callable[[Any], bool], older: type[EventData], exclude: dict[str, Any] | None = None
) -> Callable[[Any], EventData | None]:
    convert = _fields_of(older, exclude)
    return lambda newest: convert(newest) if rule(newest) else None


@dataclass(frozen=True)
class OlderVersion:
    """A version no longer on the bus: its contract, the bus's subject it is made from, and how."""

    contract: type[EventData]
    made_from: str
    convert: Callable[[Any], EventData | None]

    @property
    def subject(self) -> str:
        return self.contract.SUBJECT


OLDER: dict[str, OlderVersion] = {
    o.subject: o
    for o in (
        OlderVersion(
            TicketCreatedV1,
            intake.TicketCreated.SUBJECT,
            # v1 names a product: a training or sample test without one is not sent as v1.
            _when(
                lambda d: d.kind in V1_KINDS and d.product is not None,
                TicketCreatedV1,
                exclude={"customer": {"type"}},
            ),
        ),
        OlderVersion(
            TicketClosedV1,
            intake.TicketClosed.SUBJECT,
            lambda d: (
                TicketClosedV1(
                    ticket_id=d.ticket_id, reason="satisfied callback", closed_at=d.closed_at
                )
                if d.closure_reason == "satisfied"
                else None
            ),
        ),
        OlderVersion(JobRoutedV1, dispatch.JobRouted.SUBJECT, _fields_of(JobRoutedV1)),
        OlderVersion(
            JobStatusChangedV1,
            dispatch.JobStatusChanged.SUBJECT,
            _when(lambda d: {d.status, d.previous_status} <= V1_JOB_STATUSES, JobStatusChangedV1),
        ),
        OlderVersion(
            JobCompletedV2, dispatch.JobCompleted.SUBJECT, _fields_of(JobCompletedV2, PARTS_GREW)
        ),
        OlderVersion(
            JobCompletedV1, dispatch.JobCompleted.SUBJECT, _fields_of(JobCompletedV1, PARTS_GREW)
        ),
        OlderVersion(
            CallbackRecordedV1,
            feedback.CallbackRecorded.SUBJECT,
            _when(lambda d: d.job_id is not None, CallbackRecordedV1),
        ),
        OlderVersion(
            CallbackUnreachableV1,
            feedback.CallbackUnreachable.SUBJECT,
            _when(lambda d: d.job_id is not None, CallbackUnreachableV1),
        ),
    )
}

REGISTRY: dict[str, type[EventData]] = {
    **BUS,
    **{subject: older.contract for subject, older in OLDER.items()},
}
"""Every subject an integrator may subscribe to, and its contract."""

Sunsets = Mapping[str, date]


def retired(subject: str, sunsets: Sunsets, today: date) -> bool:
    """An older version past its sunset: no longer made, listed or subscribable."""
    sunset = sunsets.get(subject)
    return sunset is not None and today >= sunset


def subjects_of(subject: str, sunsets: Sunsets, today: date) -> list[str]:
    """``subject`` (on the bus) and the older versions made from it, newest first: the order in
    which they were published side by side."""
    older = sorted(
        (o.subject for o in OLDER.values() if o.made_from == subject),
        key=lambda s: family_of(s)[1],
        reverse=True,
    )
    return [subject, *(s for s in older if not retired(s, sunsets, today))]


def copy_id(event_id: uuid.UUID, subject: str) -> uuid.UUID:
    return uuid.uuid5(COPY_NAMESPACE, f"{event_id}:{subject}")


def copies(envelope: Envelope[Any], subjects: list[str]) -> list[Envelope[Any]]:
    """The event as each of ``subjects`` (its own and older ones, from :func:`subjects_of`),
    in that order; an older version that cannot say it is left out."""
    made: list[Envelope[Any]] = []
    for subject in subjects:
        if subject == envelope.type:
            made.append(envelope)
            continue
        data = OLDER[subject].convert(envelope.data)
        if data is not None:
            made.append(
                Envelope[type(data)](  # type: ignore[misc,operator]
                    id=copy_id(envelope.id, subject),
                    type=subject,
                    source=envelope.source,
                    time=envelope.time,
                    aggregate_id=envelope.aggregate_id,
                    aggregate_version=envelope.aggregate_version,
                    data=data,
                    traceparent=envelope.traceparent,
                )
            )
    return made


@dataclass(frozen=True)
class EventType:
    """One entry of the catalogue integrators read."""

    subject: str
    version: int
    deprecated: bool
    replaced_by: str | None
    sunset: date | None


def catalogue(subjects: list[str], sunsets: Sunsets, today: date) -> list[EventType]:
    """``subjects`` (those a caller may receive) as catalogue entries, retired ones left out."""
    entries = []
    for subject in subjects:
        if retired(subject, sunsets, today):
            continue
        older = OLDER.get(subject)
        entries.append(
            EventType(
                subject=subject,
                version=family_of(subject)[1],
                deprecated=older is not None,
                replaced_by=older.made_from if older else None,
                sunset=sunsets.get(subject),
            )
        )
    return entries
