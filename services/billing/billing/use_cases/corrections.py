"""Corrections of an issued charge. Its lines never change once it may have been invoiced or
settled: what the customer no longer owes is
a credit note, what the customer now owes is a supplementary charge with its own gapless
number (``SC-YYYY-NNNNNN``). Each correction is published as ``billing.charge.corrected.v1``.

- **Overturning a warranty exclusion** (finance disagrees with the technician's claim): the
  charge goes back to the class it would have had, and the customer is credited the difference.
- **Waiving the late-arrival compensation** (finance accepts that the delay was the customer's
  or force majeure): the customer owes the compensation back (a supplementary charge) and the
  point's deduction for it is reversed in the first open month.

The one charge whose lines are replaced is a held one, released on a late report's received
times (``billing.use_cases.releases``): held, it was never invoiced nor settled, so no document
or statement carries the lines it replaces. It is announced here too
(``late_report_received_times``).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from aftersales.errors import Conflict
from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.documents import DocumentRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.documents import CreditNoteRow
from billing.domain.charges import Line
from billing.domain.classification import Classification
from billing.domain.numbering import document_number
from billing.use_cases.charging.issuing import ChargeDetails, issue_charge, settlement_month_for
from billing.use_cases.invoices import credit, not_pending
from billing.use_cases.policy import BillingPolicy


async def overturn_exclusion(
    uow: UnitOfWork, charge_id: uuid.UUID, *, reason: str, actor: str, policy: BillingPolicy
) -> tuple[ChargeRow, CreditNoteRow | None]:
    charge = await ChargeRepository(uow.session).get(charge_id, lock=True)
    not_pending(charge)
    claimed = charge.exclusion
    if claimed is None:
        raise Conflict("This charge claims no warranty exclusion.", charge_id=str(charge.id))
    if claimed.get("overturned"):
        raise Conflict(
            "This charge's exclusion was overturned already.", overturned=claimed["overturned"]
        )
    otherwise = claimed["otherwise"]
    owed_less = min(
        charge.customer_total - otherwise["customer_total"],
        charge.customer_total - charge.credited,
    )
    note = None
    if owed_less > 0:
        note = await credit(
            uow,
            charge,
            amount=owed_less,
            reason=f"warranty exclusion overturned: {reason}",
            policy=policy,
            actor=actor,
        )
    now = uow.now()
    charge.service_class = otherwise["service_class"]
    charge.class_reason = (
        f"{otherwise['class_reason']} (the {claimed['reason']} exclusion was overturned "
        f"by {actor}: {reason})"
    )
    charge.company_cost = otherwise["company_cost"]
    campaign = otherwise.get("campaign_id")
    charge.campaign_id = uuid.UUID(campaign) if campaign else None
    charge.exclusion = {
        **claimed,
        "overturned": {
            "by": actor,
            "at": now.isoformat(),
            "reason": reason,
            "credit_note": note.number if note else None,
        },
    }
    touch(charge, now)
    announce_correction(
        uow,
        charge,
        "exclusion_overturned",
        reason,
        amount=owed_less if note else 0,
        now=now,
        credit_note=note,
    )
    await uow.session.flush()
    return charge, note


async def waive_late_compensation(
    uow: UnitOfWork, charge_id: uuid.UUID, *, reason: str, actor: str, policy: BillingPolicy
) -> tuple[ChargeRow, ChargeRow]:
    charges = ChargeRepository(uow.session)
    charge = await charges.get(charge_id, lock=True)
    not_pending(charge)
    if charge.compensation <= 0:
        raise Conflict(
            "This charge has no late-arrival compensation to waive.",
            late_minutes=charge.late_minutes,
        )
    if charge.late_waived:
        raise Conflict(
            "This charge's late compensation was waived already.", waived=charge.late_waived
        )
    now = uow.now()
    amount = charge.compensation
    month = await settlement_month_for(uow, now, policy)
    cause = charge.delay_cause or {}
    why = f"late compensation waived ({cause.get('cause', 'cause accepted')}): {reason}"
    supplementary = await owed_back(
        uow,
        charge,
        kind="compensation_waived",
        description=f"late-arrival compensation given back: {why}",
        why=why,
        amount=amount,
        month=month,
        policy=policy,
    )
    number = supplementary.number
    if charge.point_id is not None:
        await FactsRepository(uow.session).add_deduction(
            {
                "id": uuid.uuid4(),
                "point_id": charge.point_id,
                "month": month,
                "kind": "late_waived",
                "source_id": charge.id,
                "amount": -amount,
                "reason": f"late compensation of charge {charge.id} waived: {reason}",
                "occurred_at": now,
            }
        )
    charge.late_waived = {
        "by": actor,
        "at": now.isoformat(),
        "reason": reason,
        "supplementary_charge_id": str(supplementary.id),
        "supplementary_charge_number": number,
    }
    touch(charge, now)
    announce_correction(
        uow,
        charge,
        "late_compensation_waived",
        reason,
        amount=amount,
        now=now,
        supplementary=supplementary,
    )
    await uow.session.flush()
    return charge, supplementary


async def owed_back(
    uow: UnitOfWork,
    charge: ChargeRow,
    *,
    kind: str,
    description: str,
    why: str,
    amount: int,
    month: str,
    policy: BillingPolicy,
) -> ChargeRow:
    """A supplementary charge (``SC-YYYY-NNNNNN``) for a compensation the customer owes back
    once finance waived it: the customer pays ``amount``, the company bears that much less."""
    now = uow.now()
    year = now.astimezone(policy.tz).year
    number = document_number(
        "supplementary",
        year,
        await DocumentRepository(uow.session).next_number("supplementary", year),
    )
    return await issue_charge(
        uow,
        Classification(charge.service_class, f"supplementary to charge {charge.id}: {why}"),
        [
            Line(
                kind=kind,
                description=description,
                list_amount=amount,
                customer_amount=amount,
                company_amount=-amount,
            )
        ],
        policy,
        now=now,
        ticket_id=charge.ticket_id,
        job_id=None,
        point_id=charge.point_id,
        technician_id=charge.technician_id,
        month=month,
        completed_at=now,
        price_list_version=None,
        review=[],
        details=ChargeDetails(number=number, supplements=charge.id),
        announce=False,
    )


def touch(charge: ChargeRow, now: datetime) -> None:
    charge.version += 1
    charge.updated_at = now


def announce_correction(
    uow: UnitOfWork,
    charge: ChargeRow,
    correction: str,
    reason: str,
    *,
    amount: int,
    now: datetime,
    credit_note: CreditNoteRow | None = None,
    supplementary: ChargeRow | None = None,
) -> None:
    extra: dict[str, Any] = {}
    if credit_note is not None:
        extra["credit_note_number"] = credit_note.number
    if supplementary is not None:
        extra["supplementary_charge_id"] = supplementary.id
        extra["supplementary_charge_number"] = supplementary.number
    uow.publish(
        billing.ChargeCorrected(
            charge_id=charge.id,
            ticket_id=charge.ticket_id,
            job_id=charge.job_id,
            correction=correction,  # type: ignore[arg-type]
            service_class=charge.service_class,  # type: ignore[arg-type]
            reason=reason,
            amount=Money(amount=amount, currency=charge.currency),
            corrected_at=now,
            **extra,
        ),
        aggregate_id=charge.id,
        aggregate_version=charge.version,
    )
