"""三包 remedies: a refund is money paid back to the customer against a refund voucher
(``RF-YYYY-NNNNNN``, gapless, for the product's price), a replacement a cost the company bears.

A refund is bounded by the sale (``billing.domain.refunds``): with no sale price recorded, above
it, or above ``BILLING_REFUND_APPROVAL_ABOVE``, the voucher waits for finance to approve the
amount it checked against the proof of sale before it can be paid.
"""

from __future__ import annotations

import uuid

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Envelope, Money, billing, intake
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.documents import DocumentRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.repositories.remedies import RemedyRepository
from billing.adapters.tables.remedies import RemedyRow
from billing.domain.months import month_of
from billing.domain.numbering import document_number
from billing.domain.refunds import approval_needed, check_approval, why_approval
from billing.use_cases.policy import BillingPolicy
from billing.use_cases.price_lists import price_list_of


async def on_remedy_decided(
    uow: UnitOfWork, event: Envelope[intake.TicketRemedyDecided], *, policy: BillingPolicy
) -> None:
    d = event.data
    if d.remedy == "repair":
        return  # a repair is charged like any job, when it is completed
    facts_repo = FactsRepository(uow.session)
    await facts_repo.lock_ticket(d.ticket_id)
    remedies = RemedyRepository(uow.session)
    if any(r.remedy == d.remedy for r in await remedies.of_ticket(d.ticket_id)):
        return  # decided once already: no second voucher (numbers stay gapless)
    note = None
    voucher = None
    approval = "not_needed"
    price = d.purchase_price.amount if d.purchase_price else None
    if d.remedy == "refund":
        amount = d.refund.amount if d.refund else 0
        credit, cost = amount, amount
        approval = approval_needed(amount, price, above=policy.refund_approval_above)
        why = why_approval(amount, price, above=policy.refund_approval_above)
        if d.refund is None:
            note = "refund decided without an amount"
        if why is not None:
            note = "; ".join(x for x in (note, f"finance approves it first: {why}") if x)
        year = d.decided_at.astimezone(policy.tz).year
        seq = await DocumentRepository(uow.session).next_number("refund", year)
        voucher = document_number("refund", year, seq)
    else:
        credit, cost = 0, 0
        facts = await FactsRepository(uow.session).ticket(d.ticket_id)
        prices = await PriceListRepository(uow.session).in_force(d.decided_at)
        if facts is None or prices is None:
            note = "replacement value unknown (no ticket facts or price list yet)"
        else:
            value = price_list_of(prices).replacement_values.get(facts.category)
            if value is None:
                note = f"no replacement value for {facts.category} in price list {prices.version}"
            else:
                cost = value
    await remedies.record(
        {
            "voucher_no": voucher,
            "id": uuid.uuid4(),
            "ticket_id": d.ticket_id,
            "remedy": d.remedy,
            "reason": d.reason,
            "customer_credit": credit,
            "company_cost": cost,
            "currency": d.refund.currency if d.refund else policy.currency,
            "note": note,
            "month": month_of(d.decided_at, policy.tz),
            "decided_at": d.decided_at,
            "decided_amount": credit,
            "purchase_price": price,
            "proof_ref": d.proof_ref,
            "approval": approval,
        }
    )


async def pay_refund(
    uow: UnitOfWork, refund_id: uuid.UUID, *, method: str, reference: str | None, actor: str
) -> RemedyRow:
    """Finance pays a refund out to the customer: once, for the voucher's amount."""
    row = await RemedyRepository(uow.session).refund(refund_id, lock=True)
    if row.paid_at is not None:
        raise Conflict(
            f"Refund {row.voucher_no} was paid already.", paid_at=row.paid_at.isoformat()
        )
    if row.approval == "awaiting_approval":
        raise Conflict(
            f"Refund {row.voucher_no} waits for finance's approval of the amount checked "
            f"against the proof of sale (POST /v1/refunds/{row.id}/approve): "
            f"{row.note or 'no sale price is recorded'}.",
            approval=row.approval,
        )
    if row.customer_credit <= 0:
        raise Conflict(
            f"Refund {row.voucher_no} has no amount to pay: {row.note or 'none was decided'}."
        )
    now = uow.now()
    row.paid_at, row.paid_by, row.payment_method = now, actor, method
    row.payment_reference = reference
    assert row.voucher_no is not None
    uow.publish(
        billing.RefundPaid(
            refund_id=row.id,
            ticket_id=row.ticket_id,
            voucher_no=row.voucher_no,
            amount=Money(amount=row.customer_credit, currency=row.currency),
            method=method,  # type: ignore[arg-type]
            paid_at=now,
        ),
        aggregate_id=row.ticket_id,
        aggregate_version=2,
    )
    await uow.session.flush()
    return row


async def approve_refund(
    uow: UnitOfWork,
    refund_id: uuid.UUID,
    *,
    amount: int,
    currency: str,
    note: str,
    actor: str,
) -> RemedyRow:
    """Finance checked the proof of sale: the voucher is payable for ``amount`` (at most what
    was decided and the recorded price)."""
    row = await RemedyRepository(uow.session).refund(refund_id, lock=True)
    if row.paid_at is not None:
        raise Conflict(
            f"Refund {row.voucher_no} was paid already.", paid_at=row.paid_at.isoformat()
        )
    if row.approval != "awaiting_approval":
        raise Conflict(
            f"Refund {row.voucher_no} is not waiting for approval ({row.approval}).",
            approval=row.approval,
        )
    if currency != row.currency:
        raise Unprocessable(f"The refund is in {row.currency}, not {currency}.")
    check_approval(amount, decided=row.decided_amount, purchase_price=row.purchase_price)
    now = uow.now()
    row.customer_credit = row.company_cost = amount
    row.approval, row.approved_by, row.approved_at, row.approval_note = (
        "approved",
        actor,
        now,
        note,
    )
    await uow.session.flush()
    return row
