"""Price lists are versioned: a new list never changes what was charged under an older one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftersales.errors import Unprocessable
from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.adapters.tables.price_lists import PriceListRow
from billing.domain.pricing import Part, PriceList, TravelBand


def price_list_of(row: PriceListRow) -> PriceList:
    body = row.body
    return PriceList(
        labour_per_hour=dict(body["labour_per_hour"]),
        parts={sku: Part(p["price"], p["cost"]) for sku, p in body["parts"].items()},
        travel_bands=tuple(TravelBand(b["up_to_km"], b["fee"]) for b in body["travel_bands"]),
        callout_fees=dict(body.get("callout_fees", {})),
        replacement_values=dict(body.get("replacement_values", {})),
        labour_unit_minutes=body.get("labour_unit_minutes", 15),
    )


@dataclass(frozen=True)
class NewPriceList:
    body: dict[str, Any]
    currency: str
    effective_from: datetime | None


async def put_price_list(
    uow: UnitOfWork,
    cmd: NewPriceList,
    *,
    expected: int | None,
    actor: str,
    now: datetime,
    currency: str,
) -> PriceListRow:
    if cmd.currency != currency:
        raise Unprocessable(f"Prices are in {currency}; this list is in {cmd.currency}.")
    lists = PriceListRepository(uow.session)
    latest = await lists.latest(lock=True)
    check_version(expected, latest.version if latest else 0)
    effective = cmd.effective_from or now
    if effective < now.replace(microsecond=0):
        raise Unprocessable(
            "A price list cannot take effect in the past: charges already issued keep their "
            "prices, and jobs completed before now are priced by the list then in force."
        )
    row = PriceListRow(
        version=(latest.version if latest else 0) + 1,
        effective_from=effective,
        currency=cmd.currency,
        body=cmd.body,
        created_by=actor,
        created_at=now,
    )
    price_list_of(row).check()
    lists.add(row)
    await uow.session.flush()
    return row
