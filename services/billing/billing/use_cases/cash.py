"""Cash taken on site (document §十): the technician holds it until it is handed over, to the
point's office or to the company's cash desk. A handover names the payments it moves; each is
handed over once.

For one of the company's own points the office's handover ends it. A partner point owes its
technicians' cash until the company has it: finance records the point's remittance
(``remit``), or the technician hands it straight to the company's cash desk (finance or admin
receives the handover: a remittance too). A partner's handover to its own office only moves the
cash; what a partner still owes when a month is closed is netted in that month's settlement.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.cash import CashRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.scope import Scope
from billing.adapters.tables.cash import CashHandoverRow, CashRemittanceRow
from billing.adapters.tables.payments import PaymentRow
from billing.use_cases.policy import BillingPolicy


async def hand_over(
    uow: UnitOfWork,
    technician_id: uuid.UUID,
    payment_ids: list[uuid.UUID],
    *,
    scope: Scope,
    actor: str,
    policy: BillingPolicy,
    to_company: bool = False,
) -> CashHandoverRow:
    """``to_company``: the company's cash desk (finance, admin) receives it."""
    if len(set(payment_ids)) != len(payment_ids):
        raise Unprocessable("A payment is listed twice.")
    found = {p.id: p for p in await CashRepository(uow.session).for_handover(payment_ids)}
    for pid in payment_ids:
        p = found.get(pid)
        if p is None or not scope.allows(p.point_id, None):
            raise NotFound(f"Payment {pid} does not exist.", payment_id=str(pid))
        _check_on_site_cash(p, "hand over", technician_id=technician_id)
    payments = [found[pid] for pid in payment_ids]
    now = uow.now()
    currency = policy.currency
    row = CashHandoverRow(
        id=uuid.uuid4(),
        technician_id=technician_id,
        point_id=payments[0].point_id,
        amount=sum(p.amount for p in payments),
        currency=currency,
        payments=len(payments),
        received_by=actor,
        handed_at=now,
    )
    CashRepository(uow.session).add_handover(row)
    for p in payments:
        p.handover_id = row.id
    point = await FactsRepository(uow.session).point(row.point_id) if row.point_id else None
    if to_company and point is not None and point.is_partner:
        await _remitted(
            uow,
            point.point_id,
            payments,
            f"cash desk handover {row.id}",
            actor=actor,
            now=now,
            currency=currency,
        )
    uow.publish(
        billing.CashHandedOver(
            handover_id=row.id,
            technician_id=technician_id,
            point_id=row.point_id,
            payment_ids=payment_ids,
            amount=Money(amount=row.amount, currency=currency),
            handed_at=now,
        ),
        aggregate_id=technician_id,
        aggregate_version=1,
    )
    await uow.session.flush()
    return row


async def remit(
    uow: UnitOfWork,
    point_id: uuid.UUID,
    payment_ids: list[uuid.UUID],
    *,
    reference: str,
    actor: str,
    policy: BillingPolicy,
) -> CashRemittanceRow:
    """A partner point paid the company its technicians' cash (finance recorded it): the point
    owes it no more. Each payment is remitted once, and only by its own point."""
    if len(set(payment_ids)) != len(payment_ids):
        raise Unprocessable("A payment is listed twice.")
    point = await FactsRepository(uow.session).point(point_id)
    if point is None or not point.is_partner:
        raise Unprocessable(
            "This point is not a partner: the company's own points owe no remittance (their "
            "office's handover ends it).",
            point_id=str(point_id),
        )
    found = {p.id: p for p in await CashRepository(uow.session).for_handover(payment_ids)}
    for pid in payment_ids:
        p = found.get(pid)
        if p is None:
            raise NotFound(f"Payment {pid} does not exist.", payment_id=str(pid))
        if p.point_id != point_id:
            raise Unprocessable(
                f"Payment {pid} is another point's: a remittance holds one point's cash.",
                payment_id=str(pid),
            )
        _check_on_site_cash(p, "remit")
    payments = [found[pid] for pid in payment_ids]
    row = await _remitted(
        uow, point_id, payments, reference, actor=actor, now=uow.now(), currency=policy.currency
    )
    await uow.session.flush()
    return row


def _check_on_site_cash(
    p: PaymentRow, move: Literal["hand over", "remit"], *, technician_id: uuid.UUID | None = None
) -> None:
    """What a handover and a remittance may move: cash a technician took on site (held by
    ``technician_id``, when one is named), moved that way once, and not netted at a close."""
    pid = str(p.id)
    if p.method != "cash":
        raise Unprocessable(
            f"Payment {pid} was made by {p.method}, not in cash: there is nothing to {move}.",
            payment_id=pid,
        )
    if p.held_by is None:
        raise Unprocessable(f"Payment {pid} was taken by the cashier, not on site.", payment_id=pid)
    if technician_id is not None and p.held_by != technician_id:
        raise Unprocessable(f"Payment {pid} is held by another technician.", payment_id=pid)
    if move == "hand over" and p.handover_id is not None:
        raise Conflict(
            f"Payment {pid} was handed over already.",
            payment_id=pid,
            handover_id=str(p.handover_id),
        )
    if move == "remit" and p.remittance_id is not None:
        raise Conflict(
            f"Payment {pid} was remitted already.",
            payment_id=pid,
            remittance_id=str(p.remittance_id),
        )
    if p.netted_month is not None:
        raise Conflict(
            f"Payment {pid} was netted in the point's settlement for {p.netted_month}.",
            payment_id=pid,
        )


async def _remitted(
    uow: UnitOfWork,
    point_id: uuid.UUID,
    payments: list[PaymentRow],
    reference: str,
    *,
    actor: str,
    now: datetime,
    currency: str,
) -> CashRemittanceRow:
    row = CashRemittanceRow(
        id=uuid.uuid4(),
        point_id=point_id,
        reference=reference,
        amount=sum(p.amount for p in payments),
        currency=currency,
        payments=len(payments),
        received_by=actor,
        remitted_at=now,
    )
    CashRepository(uow.session).add_remittance(row)
    for p in payments:
        p.remittance_id = row.id
    uow.publish(
        billing.CashRemitted(
            remittance_id=row.id,
            point_id=point_id,
            payment_ids=[p.id for p in payments],
            amount=Money(amount=row.amount, currency=currency),
            reference=reference,
            remitted_at=now,
        ),
        aggregate_id=row.id,
        aggregate_version=1,
    )
    return row
