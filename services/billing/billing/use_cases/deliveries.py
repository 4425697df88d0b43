"""A paid parts order delivered after the date promised by distance (clause 5,
``billing.domain.deliveries``): each calendar day late earns the customer
``BILLING_DELIVERY_COMPENSATION_PER_DAY``, given as a credit note on the order's charge (issued
charges never change). Finance may waive it when an outside cause is accepted; the customer
then owes it back (a supplementary charge), as with a waived late-arrival compensation.

The charge is locked for both steps and keeps what was decided (``delivery_delay``), so a
redelivered ``dispatch.parts_order.delivered.v1`` credits nothing twice and a waiver is given
once.
"""

from __future__ import annotations

import uuid

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Envelope, dispatch
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.parts_orders import PartsOrderRow
from billing.domain.deliveries import WAIVER_CAUSES, compensation, days_late, delivered_on
from billing.domain.money import yuan
from billing.use_cases.charging.issuing import settlement_month_for
from billing.use_cases.corrections import announce_correction, owed_back, touch
from billing.use_cases.invoices import credit
from billing.use_cases.policy import BillingPolicy


async def on_delivered(
    uow: UnitOfWork, event: Envelope[dispatch.PartsOrderDelivered], *, policy: BillingPolicy
) -> None:
    """A delivery after its promised date: the compensation for each day late, once."""
    d = event.data
    if d.promised_by is None:
        return  # no promise was made (an order shipped before promises)
    on = delivered_on(d.at, policy.tz)
    days = days_late(d.promised_by, on)
    if days == 0:
        return
    order = await uow.session.get(PartsOrderRow, d.ticket_id)
    if order is None:
        return  # not an order billing priced
    charge = await ChargeRepository(uow.session).get(order.charge_id, lock=True)
    if charge.delivery_delay is not None:
        return  # decided already (a redelivery)
    # The rate approved for the day it was delivered (docs/policies.md).
    dated = await policy.as_of(uow, d.at)
    earned = compensation(
        days, dated.delivery_compensation_per_day, charge.customer_total - charge.credited
    )
    if earned is None:
        return
    reason = (
        f"delivered {days} day(s) after the promised {d.promised_by} (on {on}): "
        f"{days} x {yuan(earned.per_day)}"
        + (f", capped at the order's {yuan(earned.credited)}" if earned.capped else "")
    )
    note = None
    if earned.credited > 0:
        note = await credit(
            uow, charge, amount=earned.credited, reason=reason, actor="billing", policy=policy
        )
    now = uow.now()
    charge.delivery_delay = {
        "promised_by": d.promised_by.isoformat(),
        "delivered_at": d.at.isoformat(),
        "delivered_on": on.isoformat(),
        "days_late": days,
        "per_day": earned.per_day,
        "earned": earned.earned,
        "amount": earned.credited,
        "capped": earned.capped,
        "credit_note_number": note.number if note else None,
        "waived": None,
    }
    touch(charge, now)
    announce_correction(
        uow,
        charge,
        "delivery_compensation",
        reason,
        amount=earned.credited,
        now=now,
        credit_note=note,
    )


async def waive_delivery_compensation(
    uow: UnitOfWork,
    charge_id: uuid.UUID,
    *,
    cause: str,
    reason: str,
    actor: str,
    policy: BillingPolicy,
) -> tuple[ChargeRow, ChargeRow]:
    """Finance accepts an outside cause for the delay: the customer owes the compensation back
    (a supplementary charge)."""
    if cause not in WAIVER_CAUSES:
        raise Unprocessable(
            f"{cause!r} is not an accepted cause of a late delivery.", causes=list(WAIVER_CAUSES)
        )
    charge = await ChargeRepository(uow.session).get(charge_id, lock=True)
    delay = charge.delivery_delay
    if not delay or int(delay.get("amount") or 0) <= 0:
        raise Conflict(
            "This charge has no delivery delay compensation to waive.", charge_id=str(charge.id)
        )
    if delay.get("waived"):
        raise Conflict(
            "This charge's delivery compensation was waived already.", waived=delay["waived"]
        )
    amount = int(delay["amount"])
    why = f"delivery compensation waived ({cause}): {reason}"
    supplementary = await owed_back(
        uow,
        charge,
        kind="delivery_waived",
        description=f"late-delivery compensation given back: {why}",
        why=why,
        amount=amount,
        month=await settlement_month_for(uow, uow.now(), policy),
        policy=policy,
    )
    now = uow.now()
    charge.delivery_delay = {
        **delay,
        "waived": {
            "cause": cause,
            "reason": reason,
            "by": actor,
            "at": now.isoformat(),
            "supplementary_charge_id": str(supplementary.id),
            "supplementary_charge_number": supplementary.number,
        },
    }
    touch(charge, now)
    announce_correction(
        uow,
        charge,
        "delivery_compensation_waived",
        why,
        amount=amount,
        now=now,
        supplementary=supplementary,
    )
    await uow.session.flush()
    return charge, supplementary
