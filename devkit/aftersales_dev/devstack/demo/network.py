"""The run's own network: region codes no point serves yet, points and their technicians,
customers and products, a contract, the price list, a warehouse and the points' opening stock."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aftersales_client.api.billing import register_contract, replace_price_list
from aftersales_client.api.dispatch import list_points, transfer_stock
from aftersales_client.models import ContractIn, DispatchTransferIn, PriceListIn

from aftersales.auth import JWTAuthenticator
from aftersales.settings import ServiceSettings
from aftersales_testing.world import PRICES, World

# The districts of Shanghai the demo's network covers. Their region codes are the run's own
# (``_own_regions``), not the real ones (Pudong is 310115), which other data may use.
DISTRICTS = ("Huangpu", "Xuhui", "Changning", "Jing'an", "Putuo", "Pudong")
# No real region code begins with 99 (China's begin with 11 to 82).
OWN_REGION_PREFIX = "99"


@dataclass
class Tokens:
    secret: str

    def auth(self, role: str = "admin", **scope: Any) -> dict[str, str]:
        token = JWTAuthenticator(ServiceSettings(jwt_secret=self.secret)).issue(role=role, **scope)
        return {"Authorization": f"Bearer {token}"}


PARTS = (
    {
        "sku": "COMP-7",
        "name": "Rotary compressor",
        "categories": ["air_conditioner"],
        "unit": "pcs",
        "standard_cost": 50_000,
        "return_required": True,
        "return_within_days": 30,
    },
    {
        "sku": "FAN-2",
        "name": "Indoor fan motor",
        "categories": ["air_conditioner"],
        "unit": "pcs",
        "standard_cost": 2_500,
    },
)


async def _stock(w: World, tag: str, point_ids: list[str]) -> dict[str, Any]:
    """The parts master, a central warehouse, and every point's opening balance (received
    from the warehouse: fan motors, no compressors — those are requisitioned when needed)."""
    wh = await w.warehouse(f"WH-SH-{tag}", list(PARTS), {"COMP-7": 200, "FAN-2": 500})
    for point_id in point_ids:
        transfer = {
            "from_location_id": wh["id"],
            "to_location_id": point_id,
            "lines": [{"sku": "FAN-2", "qty": 10}],
        }
        await w.call(
            transfer_stock,
            201,
            client=w.api("dispatch", w.agent),
            body=DispatchTransferIn.from_dict(transfer),
        )
    return wh


async def _own_regions(w: World) -> dict[str, str]:
    """A region code per district that no network point serves yet: the run's tickets are
    then offered to the run's points only, never to a point the stack held before (the tour's,
    an earlier run's), which the demo could not act for. Drawn without the run's seed, which
    every run of ``make demo`` shares."""
    agent = w.api("dispatch", w.agent)
    draw = random.SystemRandom()
    codes: dict[str, str] = {}
    while len(codes) < len(DISTRICTS):
        code = f"{OWN_REGION_PREFIX}{draw.randrange(10_000):04d}"
        if code in codes.values():
            continue
        served = await w.call(list_points, 200, client=agent, region=code, limit=1)
        if not served["items"]:
            codes[DISTRICTS[len(codes)]] = code
    return codes


async def load_network(w: World, rng: random.Random, customers: int) -> dict[str, Any]:
    r = await replace_price_list.asyncio_detailed(
        client=w.api("billing", w.finance), body=PriceListIn.from_dict(PRICES)
    )
    if r.status_code not in (200, 412):
        raise RuntimeError(f"price list refused: {r.content!r}")
    tag = uuid.uuid4().hex[:4].upper()
    regions = await _own_regions(w)
    points: dict[str, list[tuple[dict[str, Any], list[dict[str, Any]]]]] = {}
    for name, region in regions.items():
        for n in (1, 2):
            point, techs = await w.point(f"SH-{name[:3].upper()}-{n}-{tag}", region, technicians=3)
            points.setdefault(region, []).append((point, techs))
    ids = [point["id"] for crew in points.values() for point, _ in crew]
    warehouse = await _stock(w, tag, ids)
    people = []
    for i in range(customers):
        region = regions[rng.choice(DISTRICTS)]
        customer, product = await w.customer(region, in_warranty=rng.random() < 0.55)
        people.append((customer, product))
        if i == 0:
            today = date.today()
            contract = {
                "contract_no": f"MC-DEMO-{tag}",
                "customer_id": customer["id"],
                "product_ids": [product["id"]],
                "starts_on": (today - timedelta(days=30)).isoformat(),
                "ends_on": (today + timedelta(days=335)).isoformat(),
                "covers": {"labor": True, "parts": True, "travel": False},
                "visits_included": 6,
            }
            # Billing may not know the product yet: the demo goes on without the contract then.
            await register_contract.asyncio_detailed(
                client=w.api("billing", w.finance), body=ContractIn.from_dict(contract)
            )
    return {
        "points": points,
        "people": people,
        "warehouse": warehouse,
        # What this run made, the only things its summary counts.
        "tickets": [],
        "orders": [],
        # What the field took: card slips to reconcile, and cash by point to remit.
        "methods": [],
        "cards": [],
        "cash": {},
    }


def crew_of(
    world_data: dict[str, Any], point_id: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    for crew in world_data["points"].values():
        for point, techs in crew:
            if point["id"] == point_id:
                return point, techs
    raise LookupError(f"a job was offered to point {point_id}, which this run did not create")


def point_codes(data: dict[str, Any]) -> dict[str, str]:
    """This run's points: code by id."""
    return {p["id"]: p["code"] for crew in data["points"].values() for p, _ in crew}
