"""Releasing a held charge: finance has looked at it and lets it go on to be invoiced and
settled. A charge is held by the review flags whose rule holds (``reviews``); a release clears
them all, and clearing the last of them one by one (``review_decisions``) releases it too.

- **An implausible report** (labour or travel beyond belief) is released as it is; a correction
  of the amount afterwards is a credit note, as for any issued charge.
- **A late report** (held with both figures: by the times the reports carry and by the times
  they reached dispatch) is released on one ``basis``, which finance must name:
  ``reported`` keeps the charge as issued; ``received`` replaces its lines, totals, class,
  month, lateness and rework rule with the received figures. That is the one exception to
  "lines never change": a held charge was never invoiced (an invoice is refused while it is
  held) nor settled (a statement leaves it out), so no document and no statement carries the
  lines replaced; credit notes and supplementary charges exist to correct documents the
  customer or the point already hold. None is issued while the late report waits
  (``invoices.not_pending``), and a release on ``received`` is refused while credits already on
  the charge exceed the total it would give: the customer would be owed money never paid.
  Both figures stay in ``late_report``, the audit trail keeps the charge before and after, and
  ``billing.charge.corrected.v1`` (``late_report_received_times``) tells the others (dispatch
  follows the class).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from aftersales.errors import Conflict, Unprocessable
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.contracts import ContractRepository
from billing.adapters.repositories.months import Months
from billing.adapters.repositories.reviews import ReviewRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.reviews import ReviewRow
from billing.domain.charges import totals
from billing.domain.late_reports import Basis
from billing.domain.late_reports import pending as late_report_pending
from billing.domain.money import yuan
from billing.use_cases.charging.completed_jobs import count_visit
from billing.use_cases.charging.drafts import line_of
from billing.use_cases.charging.issuing import line_rows, settlement_month_for
from billing.use_cases.charging.rework import rework_at
from billing.use_cases.corrections import announce_correction
from billing.use_cases.payments import settle_status
from billing.use_cases.policy import BillingPolicy


async def release_charge(
    uow: UnitOfWork,
    charge_id: uuid.UUID,
    *,
    actor: str,
    policy: BillingPolicy,
    basis: Basis | None = None,
    note: str | None = None,
) -> ChargeRow:
    """Let a held charge go: every hold on it is cleared, and it is invoiced and settled from
    now on (in the next open month when its own month has closed meanwhile)."""
    charge = await ChargeRepository(uow.session).get(charge_id, lock=True)
    if charge.held_reason is None:
        raise Conflict("This charge is not held.", charge_status=charge.status)
    await choose_basis(uow, charge, basis, actor=actor, note=note)
    now = uow.now()
    for flag in await ReviewRepository(uow.session).open_holds(charge.id):
        close_flag(flag, "cleared", actor=actor, note=note or "released", now=now)
    await let_go(uow, charge, actor=actor, policy=policy, basis=basis)
    announce_received(uow, charge, basis, note)
    await uow.session.flush()
    return charge


async def choose_basis(
    uow: UnitOfWork, charge: ChargeRow, basis: Basis | None, *, actor: str, note: str | None
) -> None:
    """A charge held for a late report stands on the basis finance names (on ``received``, its
    lines become what the received times give); any other charge takes no basis."""
    pending = late_report_pending(charge.late_report)
    if pending and basis is None:
        raise Unprocessable(
            "This charge is held for a late report: release it with the basis 'reported' (the "
            "times the reports carry) or 'received' (the times they reached dispatch).",
            late_report=charge.late_report,
        )
    if not pending and basis is not None:
        raise Unprocessable(
            "This charge is not held for a late report: it is released as it is, without a basis."
        )
    if not pending:
        return
    assert charge.late_report is not None and basis is not None
    now = uow.now()
    if basis == "received":
        _credits_within(charge, int(charge.late_report["figures"]["received"]["customer_total"]))
        await _apply_received(uow, charge, charge.late_report["figures"]["received"], now)
    charge.late_report = {
        **charge.late_report,
        "basis": basis,
        "released_by": actor,
        "released_at": now.isoformat(),
        "note": note,
    }


async def let_go(
    uow: UnitOfWork, charge: ChargeRow, *, actor: str, policy: BillingPolicy, basis: Basis | None
) -> None:
    """The charge's last hold is cleared: it goes on to be invoiced and settled."""
    now = uow.now()
    released = f"released by {actor}" + (f" on the {basis} times" if basis else "")
    charge.review = [*charge.review, f"{released}: {charge.held_reason}"]
    charge.held_reason, charge.released_by, charge.released_at = None, actor, now
    months = Months(uow.session)
    await months.lock_for_fact(charge.month)
    if await months.is_closed(charge.month):
        charge.month = await settlement_month_for(uow, now, policy)
    if charge.customer_total - charge.credited > 0 and charge.invoice_id is None:
        charge.auto_invoice_at = policy.auto_invoice_at(now)
    charge.version += 1
    charge.updated_at = now


def announce_received(
    uow: UnitOfWork, charge: ChargeRow, basis: Basis | None, note: str | None
) -> None:
    if basis != "received":
        return
    assert charge.late_report is not None
    announce_correction(
        uow,
        charge,
        "late_report_received_times",
        note or "released on the times the reports reached dispatch",
        amount=abs(
            charge.late_report["figures"]["reported"]["customer_total"] - charge.customer_total
        ),
        now=uow.now(),
    )


def close_flag(
    flag: ReviewRow,
    status: str,
    *,
    actor: str,
    note: str,
    now: datetime,
    correction: dict[str, Any] | None = None,
) -> None:
    flag.status, flag.cleared_by, flag.cleared_at, flag.note = status, actor, now, note
    flag.correction = correction
    flag.version += 1


def _credits_within(charge: ChargeRow, received_total: int) -> None:
    """Credit notes already on the charge (issued before a pending late report refused them)
    must fit in what the received times give: beyond it the customer would be owed money
    without having paid it."""
    if charge.credited > received_total:
        raise Conflict(
            f"Credit notes of {yuan(charge.credited)} {charge.currency} are on this charge, more "
            f"than the {yuan(received_total)} the received times give: release it on the "
            "reported times.",
            credited={"amount": charge.credited, "currency": charge.currency},
            received_total={"amount": received_total, "currency": charge.currency},
        )


async def _apply_received(
    uow: UnitOfWork, charge: ChargeRow, figures: dict[str, Any], now: datetime
) -> None:
    """The held charge becomes what the received times give (its payments and credit notes
    stay: its status follows, ``credit_due`` if the customer paid more than it now owes)."""
    new_contract = figures.get("contract_id")
    old = charge.contract_id if charge.service_class == "B" else None
    new = uuid.UUID(new_contract) if figures["service_class"] == "B" and new_contract else None
    if old != new:
        contracts = ContractRepository(uow.session)
        for contract_id, step in sorted(((old, -1), (new, +1)), key=lambda x: str(x[0])):
            if contract_id is not None:
                count_visit(await contracts.get(contract_id, lock=True), step, now)
    lines = [line_of(line) for line in figures["lines"]]
    t = totals(lines)
    await ChargeRepository(uow.session).replace_lines(charge.id, line_rows(charge.id, lines))
    completed_at = datetime.fromisoformat(figures["completed_at"])
    campaign = figures.get("campaign_id")
    charge.service_class = figures["service_class"]
    charge.class_reason = figures["class_reason"]
    charge.contract_id = uuid.UUID(new_contract) if new_contract else None
    charge.campaign_id = uuid.UUID(campaign) if campaign else None
    charge.price_list_version = figures["price_list_version"]
    charge.customer_total = t.customer_total
    charge.company_cost = t.company_cost
    charge.work_value = t.work_value
    charge.compensation = t.compensation
    charge.completed_at = completed_at
    charge.month = figures["month"]
    charge.late_minutes = int(figures["arrived_late_minutes"])
    charge.delay_cause = figures.get("delay_cause")
    charge.exclusion = figures.get("exclusion")
    if charge.point_id is not None:  # the callbacks known now, at the received completion
        charge.unpaid_reason = await rework_at(uow, charge.ticket_id, charge.point_id, completed_at)
    payments = await ChargeRepository(uow.session).payments(charge.id)
    settle_status(uow, charge, now=now, method=payments[-1].method if payments else None)
