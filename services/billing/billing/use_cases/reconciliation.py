"""Matching technicians' non-cash payments to the provider's statement.

Finance sends a statement's lines (one, or a statement's worth) of one method: each reference
with the amount the provider paid. All or nothing: a reference no payment has, an amount that
differs, or a payment reconciled already refuses the whole request and changes nothing, so a
repeated statement never reconciles a payment twice. A payment whose partner point was
deducted for it at a month's close (left unreconciled too long) has the deduction reversed in
the first open month.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.payments import PaymentRepository
from billing.adapters.tables.payments import PaymentRow, ReconciliationRow
from billing.domain.money import yuan
from billing.use_cases.charging.issuing import settlement_month_for
from billing.use_cases.policy import BillingPolicy


@dataclass(frozen=True)
class StatementLine:
    reference: str
    amount: int
    currency: str


@dataclass(frozen=True)
class Reconciled:
    row: ReconciliationRow
    payments: list[PaymentRow]
    reversed_in: str | None


async def reconcile(
    uow: UnitOfWork,
    *,
    method: str,
    statement_ref: str,
    lines: list[StatementLine],
    actor: str,
    policy: BillingPolicy,
) -> Reconciled:
    references = [line.reference for line in lines]
    twice = sorted({r for r in references if references.count(r) > 1})
    if twice:
        raise Unprocessable(f"A reference is listed twice: {', '.join(twice)}.", references=twice)
    wrong_currency = sorted(line.reference for line in lines if line.currency != policy.currency)
    if wrong_currency:
        raise Unprocessable(
            f"Payments are in {policy.currency}: {', '.join(wrong_currency)}.",
            references=wrong_currency,
        )
    found = {
        p.reference: p
        for p in await PaymentRepository(uow.session).by_references(method, references)
    }
    unknown = [r for r in references if r not in found]
    if unknown:
        raise Unprocessable(
            f"No {method} payment is recorded with the reference(s) {', '.join(unknown)}.",
            references=unknown,
        )
    done = [found[r] for r in references if found[r].reconciled_at is not None]
    if done:
        raise Conflict(
            "Reconciled already: "
            + ", ".join(f"{p.reference} ({p.reconciled_at:%Y-%m-%d})" for p in done)
            + ". Nothing was changed.",
            references=[p.reference for p in done],
        )
    differ = [
        (line, found[line.reference])
        for line in lines
        if found[line.reference].amount != line.amount
    ]
    if differ:
        raise Unprocessable(
            "The statement's amount differs from the payment recorded: "
            + ", ".join(
                f"{line.reference} (statement {yuan(line.amount)}, recorded {yuan(p.amount)})"
                for line, p in differ
            )
            + ". Nothing was reconciled.",
            references=[line.reference for line, _ in differ],
        )
    now = uow.now()
    payments = [found[r] for r in references]
    reversed_in = None
    if any(p.deducted_month is not None for p in payments):
        reversed_in = await settlement_month_for(uow, now, policy)
    row = ReconciliationRow(
        id=uuid.uuid4(),
        method=method,
        statement_ref=statement_ref,
        payments=len(payments),
        amount=sum(p.amount for p in payments),
        currency=policy.currency,
        reconciled_by=actor,
        reconciled_at=now,
    )
    PaymentRepository(uow.session).add_reconciliation(row)
    for p in payments:
        p.reconciled_at, p.reconciled_by, p.reconciliation_id = now, actor, row.id
        if p.deducted_month is not None:
            p.reversed_month = reversed_in
    uow.publish(
        billing.PaymentsReconciled(
            reconciliation_id=row.id,
            statement_ref=statement_ref,
            payment_ids=[p.id for p in payments],
            amount=Money(amount=row.amount, currency=row.currency),
            reconciled_at=now,
        ),
        aggregate_id=row.id,
        aggregate_version=1,
    )
    await uow.session.flush()
    return Reconciled(row, payments, reversed_in)
