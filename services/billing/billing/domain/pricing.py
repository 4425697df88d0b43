"""The price list: what labour, parts, travel and call-outs cost, and how a job is priced.

Labour is billed in started units of ``labour_unit_minutes`` (a quarter-hour by default):
45 minutes is 3 quarters, 46 minutes is 4. Each unit costs ``rate_per_hour x unit / 60``,
and the job's labour is ``units x rate_per_hour x unit / 60`` rounded once by the money rule.
Travel is the fee of the first band whose ``up_to_km`` covers the distance (the last band for
anything further). A part has a price (what a paying customer pays) and a cost (what the
company bears when it gives the part away under warranty or contract).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from aftersales.errors import Unprocessable
from billing.domain.money import round_half_away, yuan


@dataclass(frozen=True)
class Part:
    price: int
    cost: int


@dataclass(frozen=True)
class TravelBand:
    up_to_km: int
    fee: int


@dataclass(frozen=True)
class PriceList:
    labour_per_hour: dict[str, int]
    parts: dict[str, Part]
    travel_bands: tuple[TravelBand, ...]
    callout_fees: dict[str, int]
    replacement_values: dict[str, int] = field(default_factory=dict)
    labour_unit_minutes: int = 15

    def check(self) -> None:
        bands = [b.up_to_km for b in self.travel_bands]
        if not bands:
            raise Unprocessable("A price list needs at least one travel band.")
        if bands != sorted(bands) or len(set(bands)) != len(bands):
            raise Unprocessable("Travel bands must be in increasing order of up_to_km.")
        for sku, part in self.parts.items():
            if part.cost > part.price:
                raise Unprocessable(f"Part {sku}: the cost is above the price.")


@dataclass(frozen=True)
class ReportedWork:
    """What the point reported of a completed job and pricing reads: labour, parts, travel and
    how late it arrived. Kept as JSON on the completed job (its keys unchanged since the
    first version of ``dispatch.job.completed``)."""

    labor_minutes: int
    parts: tuple[tuple[str, int], ...]
    travel_km: int
    arrived_late_minutes: int

    @classmethod
    def of(cls, recorded: dict[str, Any]) -> ReportedWork:
        return cls(
            labor_minutes=int(recorded["labor_minutes"]),
            parts=tuple((str(p["sku"]), int(p["qty"])) for p in recorded["parts"]),
            travel_km=int(recorded["travel_km"]),
            arrived_late_minutes=int(recorded["arrived_late_minutes"]),
        )


@dataclass(frozen=True)
class PricedItem:
    """One thing the job used, at list price, with what it costs the company to give away."""

    kind: str  # labour | part | travel | callout
    description: str
    list_amount: int
    cost_amount: int
    sku: str | None = None
    quantity: int = 1
    unit_price: int | None = None
    priced: bool = True


def labour(prices: PriceList, category: str, minutes: int) -> PricedItem | None:
    if minutes <= 0:
        return None
    rate = prices.labour_per_hour.get(category)
    unit = prices.labour_unit_minutes
    units = math.ceil(minutes / unit)
    if rate is None:
        return PricedItem(
            "labour",
            f"labour, {minutes} min: no rate for {category}",
            0,
            0,
            quantity=units,
            priced=False,
        )
    amount = round_half_away(Fraction(units * rate * unit, 60))
    return PricedItem(
        "labour",
        f"labour, {minutes} min = {units} x {unit} min at {yuan(rate)}/h",
        amount,
        amount,
        quantity=units,
        unit_price=round_half_away(Fraction(rate * unit, 60)),
    )


def part(prices: PriceList, sku: str, qty: int) -> PricedItem:
    found = prices.parts.get(sku)
    if found is None:
        return PricedItem(
            "part", f"part {sku}: not in the price list", 0, 0, sku=sku, quantity=qty, priced=False
        )
    return PricedItem(
        "part",
        f"part {sku} x {qty}",
        found.price * qty,
        found.cost * qty,
        sku=sku,
        quantity=qty,
        unit_price=found.price,
    )


def travel(prices: PriceList, km: int) -> PricedItem | None:
    if km <= 0:
        return None
    band = next((b for b in prices.travel_bands if km <= b.up_to_km), prices.travel_bands[-1])
    return PricedItem(
        "travel", f"travel, {km} km (band up to {band.up_to_km} km)", band.fee, band.fee
    )


def callout(prices: PriceList, kind: str) -> PricedItem | None:
    fee = prices.callout_fees.get(kind)
    if not fee:
        return None
    return PricedItem("callout", f"call-out fee ({kind})", fee, fee)


def price_job(
    prices: PriceList,
    *,
    category: str,
    kind: str,
    labour_minutes: int,
    parts: list[tuple[str, int]],
    travel_km: int,
) -> list[PricedItem]:
    items = [
        callout(prices, kind),
        labour(prices, category, labour_minutes),
        *(part(prices, sku, qty) for sku, qty in parts),
        travel(prices, travel_km),
    ]
    return [i for i in items if i is not None]


def price_order(
    prices: PriceList, lines: list[tuple[str, int]], shipping_fee: int
) -> list[PricedItem]:
    """A customer's parts order: the parts at list price and the shipping fee; no labour."""
    items = [part(prices, sku, qty) for sku, qty in lines]
    if shipping_fee > 0:
        items.append(PricedItem("shipping", "shipping", shipping_fee, shipping_fee))
    return items
