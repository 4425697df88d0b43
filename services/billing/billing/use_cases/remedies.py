"""三包 remedies: a refund is a credit to the customer, a replacement a cost the company bears."""

from __future__ import annotations

import uuid

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, intake
from billing.adapters.repositories import FactsRepository, PriceListRepository, RemedyRepository
from billing.domain.months import month_of
from billing.use_cases.policy import policy_of
from billing.use_cases.price_lists import price_list_of


async def on_remedy_decided(uow: UnitOfWork, event: Envelope[intake.TicketRemedyDecided]) -> None:
    d = event.data
    if d.remedy == "repair":
        return  # a repair is charged like any job, when it is completed
    policy = policy_of(uow)
    note = None
    if d.remedy == "refund":
        amount = d.refund.amount if d.refund else 0
        credit, cost = amount, amount
        if d.refund is None:
            note = "refund decided without an amount"
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
    await RemedyRepository(uow.session).record(
        {
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
        }
    )
