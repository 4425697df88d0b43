"""Cash taken on site (document §十): the technician holds it until it is handed over to the
cashier. A handover names the payments it settles; each is handed over once. Cash a partner
point still holds when a month is closed is netted in that month's settlement instead."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import Money, billing
from billing.adapters.repositories import CashRepository, Scope
from billing.adapters.tables import CashHandoverRow
from billing.use_cases.policy import policy_of


async def hand_over(
    uow: UnitOfWork,
    technician_id: uuid.UUID,
    payment_ids: list[uuid.UUID],
    *,
    scope: Scope,
    actor: str,
) -> CashHandoverRow:
    if len(set(payment_ids)) != len(payment_ids):
        raise Unprocessable("A payment is listed twice.")
    found = {p.id: p for p in await CashRepository(uow.session).for_handover(payment_ids)}
    for pid in payment_ids:
        p = found.get(pid)
        if p is None or not scope.allows(p.point_id, None):
            raise NotFound(f"Payment {pid} does not exist.", payment_id=str(pid))
        if p.method != "cash":
            raise Unprocessable(
                f"Payment {pid} was made by {p.method}, not in cash: there is nothing to hand "
                "over.",
                payment_id=str(pid),
            )
        if p.held_by is None:
            raise Unprocessable(
                f"Payment {pid} was taken by the cashier, not on site.", payment_id=str(pid)
            )
        if p.held_by != technician_id:
            raise Unprocessable(
                f"Payment {pid} is held by another technician.", payment_id=str(pid)
            )
        if p.handover_id is not None:
            raise Conflict(
                f"Payment {pid} was handed over already.",
                payment_id=str(pid),
                handover_id=str(p.handover_id),
            )
        if p.netted_month is not None:
            raise Conflict(
                f"Payment {pid} was netted in the point's settlement for {p.netted_month}.",
                payment_id=str(pid),
            )
    payments = [found[pid] for pid in payment_ids]
    now = datetime.now(UTC)
    currency = policy_of(uow).currency
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
