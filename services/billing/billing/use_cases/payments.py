"""Collecting what the customer owes: on site by the technician, or later by transfer.

A charge is ``paid`` when the customer has paid, by any method: invoices, events and webhooks
follow that, so no customer who paid is chased. Whether the company has the money is the other
fact (``billing.domain.payments``): a technician's cash until handed over or remitted, a
technician's card, transfer or wallet payment until finance reconciles its reference."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.scope import Scope
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.payments import PaymentRow
from billing.domain.charges import balance, status_for
from billing.domain.money import yuan
from billing.domain.payments import CASH, needs_reference


@dataclass(frozen=True)
class Payment:
    method: str
    amount: int
    currency: str
    reference: str | None = None


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
    the charge's technician until handed over (``billing.use_cases.cash``); anything else
    names the provider's reference, and one the technician records is unreconciled until
    finance matches it (``billing.use_cases.reconciliation``)."""
    charges = ChargeRepository(uow.session)
    charge = await charges.get(charge_id, scope=scope, lock=True)
    reference = cmd.reference
    if needs_reference(cmd.method) and not reference:
        raise Unprocessable(
            f"A {cmd.method} payment needs the provider's reference (the card slip's, the "
            "transfer's or the wallet transaction's number): finance matches it to the "
            "provider's statement.",
            method=cmd.method,
        )
    now = uow.now()
    # Finance records what it sees on its own statement: reconciled at once.
    reconciled = cmd.method != CASH and not on_site
    charges.add_payment(
        PaymentRow(
            id=uuid.uuid4(),
            charge_id=charge.id,
            method=cmd.method,
            amount=cmd.amount,
            recorded_by=actor,
            paid_at=now,
            held_by=charge.technician_id if on_site and cmd.method == CASH else None,
            point_id=charge.point_id,
            reference=reference,
            reconciled_at=now if reconciled else None,
            reconciled_by=actor if reconciled else None,
        )
    )
    # One provider payment pays once: the unique index on (method, reference) decides, before
    # anything else is checked (a retried payment hears that it was recorded already, even
    # when it would no longer fit the balance). A refusal below rolls the row back with the
    # transaction.
    try:
        await uow.session.flush()
    except IntegrityError as exc:
        raise Conflict(
            f"A {cmd.method} payment with this reference is recorded already: one provider "
            "payment pays once.",
            reference=reference,
        ) from exc
    check_payment(
        "charge",
        cmd,
        left=balance(charge.customer_total, charge.credited, charge.paid_total),
        currency=charge.currency,
        status=charge.status,
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
            f"The payment exceeds what is left to pay ({yuan(left)} {currency}).",
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
