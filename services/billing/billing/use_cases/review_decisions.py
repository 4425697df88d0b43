"""Finance's decisions on the review queue: clear a flag, or clear it with an adjustment.

- **Clear** (``cleared``): finance has looked and the claim stands. A late report's flag is
  cleared on the basis finance names, as a release is (``releases``).
- **Adjust** (``adjusted``): the claim was wrong. Issued charges never change, so the
  correction is a credit note (the customer owes less), a supplementary charge (the customer
  owes more) and/or a deduction from the point's settlement (the work it is paid for was
  less), each in the first open month: an adjustment of a charge in a closed month goes to the
  next open one, as every correction does.

When the last hold on a charge is cleared either way, the charge is released: it is invoiced
and settled from then on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from aftersales.errors import Conflict, Unprocessable
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.reviews import ReviewRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.reviews import ReviewRow
from billing.domain.late_reports import Basis
from billing.domain.late_reports import pending as late_report_pending
from billing.domain.reviews import Finding, hold_reason
from billing.use_cases.charging.issuing import settlement_month_for
from billing.use_cases.corrections import announce_correction, owed_back, touch
from billing.use_cases.invoices import credit, not_pending
from billing.use_cases.policy import BillingPolicy
from billing.use_cases.releases import announce_received, choose_basis, close_flag, let_go


@dataclass(frozen=True)
class Adjustment:
    """What an adjustment issues (amounts in fen; at least one above zero)."""

    credit: int = 0
    supplementary: int = 0
    point_deduction: int = 0

    @property
    def empty(self) -> bool:
        return not (self.credit or self.supplementary or self.point_deduction)


async def _open_flag(uow: UnitOfWork, review_id: uuid.UUID) -> tuple[ReviewRow, ChargeRow | None]:
    """The flag locked, with its charge locked first (the order a release takes them in); a
    flag already decided is a conflict."""
    reviews = ReviewRepository(uow.session)
    charge_id = (await reviews.get(review_id)).charge_id
    charge = None
    if charge_id is not None:
        charge = await ChargeRepository(uow.session).get(charge_id, lock=True)
    flag = await reviews.get(review_id, lock=True)
    if flag.status != "open":
        raise Conflict(
            f"This flag was {flag.status} already.",
            status=flag.status,
            cleared_by=flag.cleared_by,
            cleared_at=flag.cleared_at.isoformat() if flag.cleared_at else None,
        )
    return flag, charge


async def clear_review(
    uow: UnitOfWork,
    review_id: uuid.UUID,
    *,
    note: str,
    actor: str,
    policy: BillingPolicy,
    basis: Basis | None = None,
) -> ReviewRow:
    flag, charge = await _open_flag(uow, review_id)
    if basis is not None and flag.rule != "late_report":
        raise Unprocessable("A basis is named only when clearing a late report's flag.")
    late = charge is not None and flag.rule == "late_report"
    if late:
        assert charge is not None
        if late_report_pending(charge.late_report):
            await choose_basis(uow, charge, basis, actor=actor, note=note)
        elif basis is not None:
            raise Unprocessable("This charge's late report stands on a basis already.")
    close_flag(flag, "cleared", actor=actor, note=note, now=uow.now())
    if charge is not None:
        await _after(uow, flag, charge, actor=actor, policy=policy, basis=basis)
        announce_received(uow, charge, basis, note)
    await uow.session.flush()
    return flag


async def adjust_review(
    uow: UnitOfWork,
    review_id: uuid.UUID,
    *,
    note: str,
    adjustment: Adjustment,
    actor: str,
    policy: BillingPolicy,
) -> ReviewRow:
    if adjustment.empty:
        raise Unprocessable(
            "An adjustment issues a credit note, a supplementary charge or a point deduction "
            "(an amount above zero); to clear the flag as it is, use /clear."
        )
    flag, charge = await _open_flag(uow, review_id)
    if charge is None:
        raise Unprocessable(
            "A finding on money the field holds is cleared, not adjusted: reconcile the payment "
            "or record the remittance, then clear it."
        )
    if flag.rule == "late_report" and late_report_pending(charge.late_report):
        raise Conflict(
            "This flag holds a late report: clear it on the basis 'reported' or 'received' "
            "first, then correct the charge.",
            charge_id=str(charge.id),
        )
    if adjustment.supplementary and adjustment.credit:
        raise Unprocessable("An adjustment credits the customer or charges more, not both.")
    not_pending(charge)
    why = f"review {flag.rule}: {note}"
    done: dict[str, Any] = {}
    now = uow.now()
    month = await settlement_month_for(uow, now, policy)
    if adjustment.credit:
        cn = await credit(
            uow, charge, amount=adjustment.credit, reason=why, actor=actor, policy=policy
        )
        done["credit_note_number"] = cn.number
        announce_correction(
            uow, charge, "review_adjusted", why, amount=adjustment.credit, now=now, credit_note=cn
        )
    if adjustment.supplementary:
        extra = await owed_back(
            uow,
            charge,
            kind="review_adjustment",
            description=f"owed after review: {why}",
            why=why,
            amount=adjustment.supplementary,
            month=month,
            policy=policy,
        )
        done |= {
            "supplementary_charge_id": str(extra.id),
            "supplementary_charge_number": extra.number,
        }
        touch(charge, now)
        announce_correction(
            uow,
            charge,
            "review_adjusted",
            why,
            amount=adjustment.supplementary,
            now=now,
            supplementary=extra,
        )
    if adjustment.point_deduction:
        if charge.point_id is None:
            raise Unprocessable("This charge has no point to deduct from.")
        await FactsRepository(uow.session).add_deduction(
            {
                "id": uuid.uuid4(),
                "point_id": charge.point_id,
                "month": month,
                "kind": "review_adjustment",
                "source_id": flag.id,
                "amount": adjustment.point_deduction,
                "reason": f"charge {charge.id}: {why}",
                "occurred_at": now,
            }
        )
        done |= {"point_deduction": adjustment.point_deduction, "month": month}
    close_flag(flag, "adjusted", actor=actor, note=note, now=now, correction=done)
    await _after(uow, flag, charge, actor=actor, policy=policy, basis=None)
    await uow.session.flush()
    return flag


async def _after(
    uow: UnitOfWork,
    flag: ReviewRow,
    charge: ChargeRow,
    *,
    actor: str,
    policy: BillingPolicy,
    basis: Basis | None,
) -> None:
    """The charge's hold follows its open flags: released with the last, else its reason
    names those left."""
    if flag.action != "hold" or charge.held_reason is None:
        return
    left = [f for f in await ReviewRepository(uow.session).open_holds(charge.id) if f.id != flag.id]
    if not left:
        await let_go(uow, charge, actor=actor, policy=policy, basis=basis)
        return
    charge.held_reason = hold_reason([Finding(f.rule, "hold", f.reason) for f in left])
    touch(charge, uow.now())
