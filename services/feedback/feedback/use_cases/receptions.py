"""Visiting customers' receptions (clause 7) and the fine a substantiated complaint about one
puts on its host."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from aftersales.errors import NotFound, Unprocessable
from aftersales.events import feedback
from aftersales.events.base import Money
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.contacts import ContactRepository
from feedback.adapters.repositories.receptions import FineRepository, ReceptionRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import ComplaintRow
from feedback.adapters.visit_tables import ReceptionRow, StaffFineRow
from feedback.domain.receptions import (
    ARRANGEMENTS,
    FINE_REASON,
    check_host,
    check_reception_complaint,
    check_stay,
    fine_due,
)
from feedback.use_cases.policy import FeedbackPolicy, month_of

CURRENCY = "CNY"


@dataclass(frozen=True)
class NewReception:
    customer_id: uuid.UUID
    host_staff_id: uuid.UUID
    arrives_at: datetime
    departs_at: datetime
    arrangements: tuple[str, ...] = ARRANGEMENTS
    notes: str | None = None


async def receive(uow: UnitOfWork, cmd: NewReception, *, actor: str) -> ReceptionRow:
    """A visiting customer's reception with its host (on the staff register, 422 otherwise)
    from arrival to departure (a departure before the arrival is a 422). A customer feedback
    has not heard of yet is accepted by its id: intake owns customers, and a visitor may come
    before any ticket of theirs reaches feedback."""
    check_stay(cmd.arrives_at, cmd.departs_at)
    host = await StaffRepository(uow.session).get(cmd.host_staff_id)
    check_host(cmd.host_staff_id, registered=host is not None, active=bool(host and host.active))
    now = uow.now()
    row = ReceptionRow(
        id=uuid.uuid4(),
        customer_id=cmd.customer_id,
        host_staff_id=cmd.host_staff_id,
        arrives_at=cmd.arrives_at,
        departs_at=cmd.departs_at,
        arrangements=[a for a in ARRANGEMENTS if a in cmd.arrangements],
        notes=cmd.notes,
        created_by=actor,
        created_at=now,
    )
    ReceptionRepository(uow.session).add(row)
    await uow.session.flush()
    return row


async def host_named(
    uow: UnitOfWork,
    reception_id: uuid.UUID,
    *,
    ticket_id: uuid.UUID,
    staff_id: uuid.UUID | None,
    technician_id: uuid.UUID | None,
) -> uuid.UUID:
    """The host a complaint about the reception names, once it is checked to be on a
    ``complaint`` ticket of the visiting customer and to name no one else (422 otherwise)."""
    try:
        reception = await ReceptionRepository(uow.session).get(reception_id)
    except NotFound:
        raise Unprocessable(
            f"Reception {reception_id} does not exist.", reception_id=str(reception_id)
        ) from None
    contact = await ContactRepository(uow.session).get(ticket_id)
    check_reception_complaint(
        ticket_kind=contact.kind if contact is not None else None,
        ticket_customer_id=contact.customer_id if contact is not None else None,
        reception_customer_id=reception.customer_id,
        host_staff_id=reception.host_staff_id,
        staff_named=staff_id,
        technician_named=technician_id,
    )
    return reception.host_staff_id


async def fine_host(
    uow: UnitOfWork, complaint: ComplaintRow, now: datetime, *, policy: FeedbackPolicy
) -> StaffFineRow | None:
    """A substantiated complaint about a reception fines its host the configured amount
    (``FEEDBACK_RECEPTION_PENALTY``), once per complaint (resolved again after a reopening, it
    fines no second time); published as ``feedback.staff.fined.v1``."""
    amount = policy.reception_penalty
    if not fine_due(
        substantiated=bool(complaint.substantiated),
        reception_id=complaint.reception_id,
        amount=amount,
    ):
        return None
    assert complaint.reception_id is not None
    reception = await ReceptionRepository(uow.session).get(complaint.reception_id)
    host_id = reception.host_staff_id
    fines = FineRepository(uow.session)
    await fines.lock_staff(host_id)
    if await fines.of_complaint(complaint.id) is not None:
        return None
    member = await StaffRepository(uow.session).get(host_id)
    row = StaffFineRow(
        id=uuid.uuid4(),
        staff_id=host_id,
        role=member.role if member is not None else "host",
        point_id=member.point_id if member is not None else None,
        complaint_id=complaint.id,
        reception_id=reception.id,
        reason=FINE_REASON,
        amount=amount,
        currency=CURRENCY,
        month=month_of(now, policy),
        decided_at=now,
    )
    earlier = await fines.of_staff(host_id)
    fines.add(row)
    uow.publish(
        feedback.StaffFined(
            fine_id=row.id,
            staff_id=host_id,
            role=row.role,  # type: ignore[arg-type]
            point_id=row.point_id,
            complaint_id=complaint.id,
            reception_id=reception.id,
            reason=FINE_REASON,
            amount=Money(amount=amount, currency=CURRENCY),
            decided_at=now,
        ),
        aggregate_id=host_id,
        aggregate_version=len(earlier) + 1,
    )
    return row
