"""Collecting what the customer owes: on site by the technician, or later by transfer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, billing
from billing.adapters.repositories import ChargeRepository, Scope
from billing.adapters.tables import ChargeRow, PaymentRow
from billing.domain.charges import balance, status_for


@dataclass(frozen=True)
class Payment:
    method: str
    amount: int
    currency: str


async def record_payment(
    uow: UnitOfWork,
    charge_id: uuid.UUID,
    cmd: Payment,
    *,
    scope: Scope,
    actor: str,
    on_site: bool = False,
) -> ChargeRow:
    """A payment against a charge. Cash taken on site (recorded by the technician) is held by
    the charge's technician until handed over to the cashier (``billing.use_cases.cash``)."""
    charges = ChargeRepository(uow.session)
    charge = await charges.get(charge_id, scope=scope, lock=True)
    check_payment(
        "charge",
        cmd,
        left=balance(charge.customer_total, charge.credited, charge.paid_total),
        currency=charge.currency,
        status=charge.status,
    )
    now = datetime.now(UTC)
    charges.add_payment(
        PaymentRow(
            id=uuid.uuid4(),
            charge_id=charge.id,
            method=cmd.method,
            amount=cmd.amount,
            recorded_by=actor,
            paid_at=now,
            held_by=charge.technician_id if on_site and cmd.method == "cash" else None,
            point_id=charge.point_id,
        )
    )
    charge.paid_total += cmd.amount
    settle_status(uow, charge, now=now, method=cmd.method)
    # Paid on site or not, the charge is still invoiced the same day (marked paid when it is).
    return charge


def check_payment(what: str, cmd: Payment, *, left: int, currency: str, status: str) -> None:
    """A payment is in the document's currency, for something still owed, and not above it
    (partial payments are fine)."""
    if cmd.currency != currency:
        raise Unprocessable(f"The {what} is in {currency}, not {cmd.currency}.")
    if left <= 0:
        raise Conflict(f"Nothing is left to pay on this {what}.", **{f"{what}_status": status})
    if cmd.amount > left:
        raise Unprocessable(
            f"The payment exceeds what is left to pay ({left / 100:.2f} {currency}).",
            balance={"amount": left, "currency": currency},
        )


def settle_status(uow: UnitOfWork, charge: ChargeRow, *, now: datetime, method: str | None) -> None:
    """Recompute the status after a payment or credit note; publish when it became paid."""
    before = charge.status
    charge.status = status_for(charge.customer_total, charge.credited, charge.paid_total)
    charge.version += 1
    charge.updated_at = now
    if charge.status == "paid" and before != "paid" and method is not None:
        uow.publish(
            billing.ChargePaid(
                charge_id=charge.id,
                ticket_id=charge.ticket_id,
                amount_paid=Money(amount=charge.paid_total, currency=charge.currency),
                method=method,  # type: ignore[arg-type]
                paid_at=now,
            ),
            aggregate_id=charge.id,
            aggregate_version=charge.version,
        )
