"""``aftersales demo``: a realistic data set loaded into the running stack, and a stream of
tickets driven through their whole lifecycle over the public HTTP APIs, then a summary.

The data: network points across six districts of Shanghai, technicians, customers with
air conditioners in and out of warranty, a maintenance contract, a price list. Each ticket
takes the path a real one might: repaired on site or in the workshop, paid in cash or by card
(with the slip's reference) or left to the same-day invoice, and called back — mostly
satisfied, sometimes not (then reworked), now and then a complaint; a few are solved on the
phone or cancelled. Spare parts run too: the points start with stock from a central
warehouse, some repairs wait for a compressor (a requisition shipped and received, then the
same visit goes on), and a few customers order parts, pay, and get them shipped and
delivered. At the end finance matches the card payments to the acquirer's statement, and
records one partner point's remittance of the cash its technicians took (until then the point
owes it, even once its office holds it).

The stack may hold other data: the README's tour (a point in Pudong, 310115, and its tickets),
an earlier run, a user's own. The demo touches none of it and counts none of it. Its districts
carry region codes of their own, drawn afresh each run among those no point serves yet (they
begin with 99, which no real region code does), so its tickets are routed to its own points
only; and what it prints is this run's: its tickets, their charges, its points' scorecards,
its locations' stock movements and returns, its parts orders.

The demo's calls of routes newer than the generated client (payments with a reference, the
reconciliation, the remittance) are plain HTTP requests.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx
from aftersales_client.api.billing import list_charges, register_contract, replace_price_list
from aftersales_client.api.dispatch import (
    approve_requisition,
    assign_job,
    get_order,
    list_points,
    list_requisitions,
    list_returns,
    mark_parts_order_delivered,
    receive_requisition,
    ship_parts_order,
    ship_requisition,
    stock_movements,
    transfer_stock,
)
from aftersales_client.api.feedback import list_callbacks, point_scorecards, post_result
from aftersales_client.api.intake import cancel_ticket, create_ticket, resolve_remotely
from aftersales_client.models import (
    ApproveIn,
    AssignIn,
    CallbackResultIn,
    CancelIn,
    ContractIn,
    DispatchTransferIn,
    PartsOrderOut,
    PriceListIn,
    ReceiveIn,
    ResolveRemotelyIn,
    ShipIn,
    TicketIn,
)
from aftersales_client.types import UNSET
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from aftersales.auth import JWTAuthenticator
from aftersales.settings import ServiceSettings
from aftersales.testing.apps import eventually
from aftersales.testing.factories import SIGNATURE
from aftersales.testing.world import PRICES, World, soon

# The districts of Shanghai the demo's network covers. Their region codes are the run's own
# (``_own_regions``), not the real ones (Pudong is 310115), which other data may use.
DISTRICTS = ("Huangpu", "Xuhui", "Changning", "Jing'an", "Putuo", "Pudong")
# No real region code begins with 99 (China's begin with 11 to 82).
OWN_REGION_PREFIX = "99"


class PoliteTransport(httpx.AsyncHTTPTransport):
    """A client that honours 429 as integrators should: wait ``Retry-After``, send again."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for _ in range(20):
            response = await super().handle_async_request(request)
            if response.status_code != 429:
                return response
            await response.aclose()
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))
        return response


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


async def _setup(w: World, rng: random.Random, customers: int) -> dict[str, Any]:
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


def _crew(world_data: dict[str, Any], point_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    for crew in world_data["points"].values():
        for point, techs in crew:
            if point["id"] == point_id:
                return point, techs
    raise LookupError(f"a job was offered to point {point_id}, which this run did not create")


def _codes(data: dict[str, Any]) -> dict[str, str]:
    """This run's points: code by id."""
    return {p["id"]: p["code"] for crew in data["points"].values() for p, _ in crew}


async def _call_back(
    w: World, ticket_id: str, job_id: str, outcome: str, score: int
) -> dict[str, Any]:
    """Feedback calls the customer back after the visit. The callback is looked up by its
    ticket: the stack may hold more callbacks than one page lists."""
    feedback = w.api("feedback", w.agent)

    async def due() -> dict[str, Any] | None:
        page = await w.call(
            list_callbacks, 200, client=feedback, ticket_id=UUID(ticket_id), limit=100
        )
        mine = [c for c in page["items"] if c["job_id"] == job_id]
        return mine[0] if mine else None

    callback = await eventually(due, timeout=30)
    return await w.call(  # type: ignore[no-any-return]
        post_result,
        200,
        UUID(callback["id"]),
        client=feedback,
        body=CallbackResultIn.from_dict({"reached": True, "outcome": outcome, "score": score}),
    )


async def _visit(
    w: World,
    rng: random.Random,
    data: dict[str, Any],
    ticket: dict[str, Any],
    visit: int,
    avoid: str | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    job = await w.job(ticket["id"], visit=visit, status="offered")
    point, techs = _crew(data, job["point_id"])
    tech = rng.choice([t for t in techs if t["id"] != avoid])
    job = await w.book(job, point, tech)
    await w.report(job, tech, "en_route")
    await w.report(job, tech, "on_site", travel_km=rng.choice([3, 8, 15, 28, 45]))
    if rng.random() < 0.15:
        job = await _wait_for_compressor(w, data["warehouse"], job, point, tech)
        await w.report(job, tech, "en_route")
        await w.report(job, tech, "on_site", travel_km=5)
        await w.report(
            job,
            tech,
            "resolved_on_site",
            signature=SIGNATURE,
            labor_minutes=90,
            parts=[{"sku": "COMP-7", "qty": 1}],
        )
    elif rng.random() < 0.2:
        await w.report(job, tech, "taken_to_workshop", signature=SIGNATURE)
        await w.report(
            job,
            tech,
            "repaired",
            labor_minutes=rng.choice([60, 90, 120]),
            parts=[{"sku": "COMP-7", "qty": 1}],
        )
        await w.report(job, tech, "inspected", headers=w.as_point(point))
        await w.report(job, tech, "returned", signature=SIGNATURE)
    else:
        await w.report(
            job,
            tech,
            "resolved_on_site",
            signature=SIGNATURE,
            labor_minutes=rng.choice([20, 35, 50]),
            parts=[{"sku": "FAN-2", "qty": 1}] if rng.random() < 0.4 else [],
        )
    charge = await w.charge(job["id"])
    if charge["balance"]["amount"] > 0 and rng.random() < 0.6:
        await _collect(w, rng, data, charge, point, tech)
    return job, tech


async def _collect(
    w: World,
    rng: random.Random,
    data: dict[str, Any],
    charge: dict[str, Any],
    point: dict[str, Any],
    tech: dict[str, Any],
) -> None:
    """The technician takes the customer's money on site: cash, or a card with the slip's
    reference (the acquirer's statement shows it later)."""
    # The first two payments of a run are one of each, so finance's side has both to show.
    taken_so_far = data["methods"]
    method = ["card", "cash"][len(taken_so_far)] if len(taken_so_far) < 2 else None
    method = method or rng.choice(["cash", "card"])
    taken_so_far.append(method)
    payment: dict[str, Any] = {"method": method, "amount": charge["balance"]}
    if method == "card":
        payment["reference"] = f"SLIP-{rng.randrange(10**12):012d}"
    paid = await w.ok(
        await w.billing.post(
            f"/v1/charges/{charge['id']}/payments", json=payment, headers=w.as_tech(tech)
        ),
        201,
    )
    if method == "card":
        data["cards"].append((payment["reference"], charge["balance"]))
    else:
        taken = paid["payments"][-1]
        data["cash"].setdefault(point["id"], []).append((taken["id"], taken["amount"]["amount"]))


async def _wait_for_compressor(
    w: World,
    warehouse: dict[str, Any],
    job: dict[str, Any],
    point: dict[str, Any],
    tech: dict[str, Any],
) -> dict[str, Any]:
    """The compressor is seized and the point has none: the job waits for the requisition
    (approved, shipped, received), then the same visit is booked again."""
    await w.report(
        job, tech, "awaiting_parts", parts=[{"sku": "COMP-7", "qty": 1}], note="compressor seized"
    )
    as_point, agent = w.api("dispatch", w.as_point(point)), w.api("dispatch", w.agent)
    mine = await w.call(list_requisitions, 200, client=as_point, point_id=UUID(point["id"]))
    [req] = [r for r in mine if r["job_id"] == job["id"]]
    req_id = UUID(req["id"])
    line = {"lines": [{"sku": "COMP-7", "qty": 1}]}
    await w.call(approve_requisition, 200, req_id, client=agent, body=ApproveIn.from_dict(line))
    shipping = {"from_location_id": warehouse["id"], "carrier": "SF", "tracking_no": "SF-D"}
    await w.call(ship_requisition, 200, req_id, client=agent, body=ShipIn.from_dict(shipping))
    await w.call(receive_requisition, 200, req_id, client=as_point, body=ReceiveIn.from_dict(line))
    booking = {"technician_id": tech["id"], "appointment": {"start": soon(1), "end": soon(3)}}
    return await w.call(  # type: ignore[no-any-return]
        assign_job, 200, UUID(job["id"]), client=as_point, body=AssignIn.from_dict(booking)
    )


async def _parts_order(
    w: World, rng: random.Random, data: dict[str, Any], customer: dict[str, Any]
) -> str:
    """A customer orders a fan motor or two, pays by transfer; the warehouse ships the order
    and the carrier delivers it, which closes the ticket."""
    placed = {
        "customer_id": customer["id"],
        "kind": "parts_order",
        "description": "spare fan motors",
        "channel": rng.choice(["hotline", "crm"]),
        "lines": [{"sku": "FAN-2", "qty": rng.choice([1, 2])}],
    }
    order = await w.call(
        create_ticket,
        201,
        client=w.api("intake", w.agent),
        body=TicketIn.from_dict(placed),
        idempotency_key=str(uuid.uuid4()),
    )
    data["tickets"].append(order["id"])
    data["orders"].append(order["id"])
    order_id = UUID(order["id"])
    finance = w.api("billing", w.finance)

    async def priced() -> dict[str, Any] | None:
        page = await w.call(list_charges, 200, client=finance, ticket_id=order_id)
        return page["items"][0] if page["items"] else None

    charge = await eventually(priced, timeout=30)
    transfer = {
        "method": "transfer",
        "amount": charge["balance"],
        "reference": f"BANK-{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}",
    }
    await w.ok(
        await w.billing.post(
            f"/v1/charges/{charge['id']}/payments", json=transfer, headers=w.finance
        ),
        201,
    )
    agent = w.api("dispatch", w.agent)

    async def paid() -> bool:
        r = await get_order.asyncio(order_id, client=agent)
        return isinstance(r, PartsOrderOut) and r.status == "paid" and bool(r.ship_to)

    await eventually(paid, timeout=30)
    shipping = {
        "from_location_id": data["warehouse"]["id"],
        "carrier": "SF",
        "tracking_no": f"SF{rng.randrange(10**9):09d}",
    }
    await w.call(ship_parts_order, 200, order_id, client=agent, body=ShipIn.from_dict(shipping))
    await w.call(mark_parts_order_delivered, 200, order_id, client=agent)
    await w.ticket_becomes(order["id"], "closed")
    return "delivered"


async def _one_ticket(w: World, rng: random.Random, data: dict[str, Any]) -> str:
    customer, product = rng.choice(data["people"])
    roll = rng.random()
    if roll < 0.06:
        ticket = await w.ticket(customer, product, kind="consultation")
        data["tickets"].append(ticket["id"])
        await w.call(
            resolve_remotely,
            200,
            UUID(ticket["id"]),
            client=w.api("intake", w.agent),
            body=ResolveRemotelyIn(note="explained the timer settings"),
        )
        # Called back like every request; satisfied, it ends the ticket.
        callback = await w.remote_callback(ticket["id"])
        await w.call(
            post_result,
            200,
            UUID(callback["id"]),
            client=w.api("feedback", w.agent),
            body=CallbackResultIn.from_dict({"reached": True, "outcome": "satisfied", "score": 5}),
        )
        await w.ticket_becomes(ticket["id"], "closed")
        return "resolved_remotely"
    if roll < 0.11:
        return await _parts_order(w, rng, data, customer)
    ticket = await w.ticket(customer, product, channel=rng.choice(["hotline", "crm", "app"]))
    data["tickets"].append(ticket["id"])
    if roll < 0.15:
        await w.job(ticket["id"], status="offered")
        await cancel_ticket.asyncio_detailed(
            UUID(ticket["id"]),
            client=w.api("intake", w.agent),
            body=CancelIn(reason="the customer fixed it"),
        )
        return "cancelled"
    avoid = None
    for visit in (1, 2, 3):
        job, tech = await _visit(w, rng, data, ticket, visit, avoid)
        outcome = "satisfied"
        if visit == 1:
            outcome = rng.choices(
                ["satisfied", "unsatisfied", "not_fixed_first_visit", "bad_attitude", "complaint"],
                weights=[80, 6, 6, 4, 4],
            )[0]
        await _call_back(w, ticket["id"], job["id"], outcome, 5 if outcome == "satisfied" else 2)
        if outcome == "satisfied":
            break
        avoid = tech["id"] if outcome == "bad_attitude" else None
    await w.ticket_becomes(ticket["id"], "closed")
    return "closed"


async def run_demo(
    urls: dict[str, str], secret: str, tickets: int, concurrency: int, seed: int, console: Console
) -> None:
    rng = random.Random(seed)
    clients = {
        name: httpx.AsyncClient(
            base_url=url,
            timeout=60,
            # Let an idle connection go before uvicorn closes it (5 s), never send on a closing one.
            transport=PoliteTransport(limits=httpx.Limits(keepalive_expiry=2)),
        )
        for name, url in urls.items()
    }
    w = World(
        Tokens(secret),
        **clients,
        transport=lambda: PoliteTransport(limits=httpx.Limits(keepalive_expiry=2)),
    )
    try:
        console.print(
            "[bold]Loading the network:[/] 12 points in 6 districts, 36 technicians, "
            f"{max(20, tickets // 2)} customers, a contract, a price list…"
        )
        data = await _setup(w, rng, max(20, tickets // 2))
        outcomes: Counter[str] = Counter()
        failures: list[str] = []
        sem = asyncio.Semaphore(concurrency)
        with Progress(console=console) as progress:
            task = progress.add_task("Tickets through their lifecycle", total=tickets)

            async def one(i: int) -> None:
                async with sem:
                    try:
                        outcomes[await _one_ticket(w, random.Random(seed * 1000 + i), data)] += 1
                    except Exception as exc:
                        failures.append(repr(exc)[:200])
                    progress.advance(task)

            await asyncio.gather(*(one(i) for i in range(tickets)))
        await _summary(w, data, console, outcomes, failures)
        await _field_money(w, data, console)
    finally:
        await w.aclose()
        for c in clients.values():
            await c.aclose()


async def _summary(
    w: World,
    data: dict[str, Any],
    console: Console,
    outcomes: Counter[str],
    failures: list[str],
) -> None:
    month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
    table = Table(title="Tickets by final status (this run)")
    table.add_column("status")
    table.add_column("tickets", justify="right")
    for status, n in sorted(outcomes.items()):
        table.add_row(status, str(n))
    if failures:
        table.add_row("[red]failed[/]", str(len(failures)))
    console.print(table)

    charges = Table(title="Charges by service class (this run)")
    for col in ("class", "charges", "customers pay", "company bears", "paid"):
        charges.add_column(col, justify="right")
    for cls, n, pay, bear, paid in _by_class(await _charges(w, data["tickets"])):
        charges.add_row(
            cls, str(n), f"{pay / 100:,.2f}", f"{bear / 100:,.2f}", f"{paid / 100:,.2f}"
        )
    console.print(charges)

    # Every point's card of the month; the demo shows its own points'.
    cards = await w.call(point_scorecards, 200, client=w.api("feedback", w.agent), month=month)
    points = _codes(data)
    mine = [c for c in cards.get("items", []) if c["point_id"] in points]
    grades = Table(title=f"This run's network points, {month}: the grade their scorecard gives")
    for col in ("point", "jobs", "satisfaction", "first-visit fix", "complaints/100", "grade"):
        grades.add_column(col, justify="right")
    for c in sorted(mine, key=lambda c: points[c["point_id"]]):

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v:.0%}"

        grades.add_row(
            points[c["point_id"]],
            str(c["jobs"]),
            pct(c["satisfaction_rate"]),
            pct(c["first_visit_fix_rate"]),
            "-" if c["complaints_per_100_jobs"] is None else f"{c['complaints_per_100_jobs']:.1f}",
            c.get("grade", "-"),
        )
    console.print(grades)
    await _parts_summary(w, data, console)
    if failures:
        console.print(f"[red]{len(failures)} ticket(s) failed[/]: {failures[:3]}")


async def _charges(w: World, tickets: list[str]) -> list[dict[str, Any]]:
    """Every charge of this run's tickets (a ticket has one per visit, or none)."""
    finance = w.api("billing", w.finance)
    sem = asyncio.Semaphore(8)

    async def of(ticket_id: str) -> list[dict[str, Any]]:
        async with sem:
            page = await w.call(
                list_charges, 200, client=finance, ticket_id=UUID(ticket_id), limit=100
            )
            return page["items"]  # type: ignore[no-any-return]

    found = await asyncio.gather(*(of(t) for t in tickets))
    return [c for charges in found for c in charges]


def _by_class(charges: list[dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    """Per service class: charges, what customers pay, what the company bears, what is paid
    (minor units), as finance's revenue report sums a month."""
    sums: dict[str, list[int]] = {}
    for c in charges:
        row = sums.setdefault(c["service_class"], [0, 0, 0, 0])
        row[0] += 1
        row[1] += c["customer_total"]["amount"]
        row[2] += c["company_cost"]["amount"]
        row[3] += c["paid"]["amount"]
    return [(cls, n, pay, bear, paid) for cls, (n, pay, bear, paid) in sorted(sums.items())]


async def _field_money(w: World, data: dict[str, Any], console: Console) -> None:
    """Finance's side of what the field took: the card slips matched to the acquirer's
    statement, and one partner point's remittance of its technicians' cash."""
    table = Table(title="Money in the field: the customer has paid; does the company have it?")
    for col in ("what", "payments", "CNY"):
        table.add_column(col, justify="right" if col != "what" else "left")
    cards = data["cards"]
    if cards:
        statement = f"ACQ-{date.today().isoformat()}-{uuid.uuid4().hex[:4].upper()}"
        done = await w.ok(
            await w.billing.post(
                "/v1/payments/reconcile",
                json={
                    "method": "card",
                    "statement_ref": statement,
                    "payments": [{"reference": ref, "amount": amount} for ref, amount in cards],
                },
                headers=w.finance,
            )
        )
        table.add_row(
            f"card payments reconciled (statement {statement})",
            str(len(done["payments"])),
            f"{done['amount']['amount'] / 100:,.2f}",
        )
    cash = data["cash"]
    if cash:
        point_id, taken = max(cash.items(), key=lambda kv: sum(a for _, a in kv[1]))
        codes = _codes(data)
        owed = await w.ok(
            await w.billing.get(
                "/v1/cash",
                params={"point_id": point_id, "outstanding": "true"},
                headers=w.finance,
            )
        )
        table.add_row(
            f"cash owed by partner {codes.get(point_id, point_id[:8])} before its remittance",
            str(len(owed["items"])),
            f"{owed['held']['amount'] / 100:,.2f}",
        )
        remitted = await w.ok(
            await w.billing.post(
                "/v1/cash-remittances",
                json={
                    "point_id": point_id,
                    "payment_ids": [pid for pid, _ in taken],
                    "reference": f"BANK-REMIT-{uuid.uuid4().hex[:6].upper()}",
                },
                headers=w.finance,
            ),
            201,
        )
        table.add_row(
            f"cash remitted by partner {codes.get(point_id, point_id[:8])}",
            str(remitted["payments"]),
            f"{remitted['amount']['amount'] / 100:,.2f}",
        )
    console.print(table)


async def _parts_summary(w: World, data: dict[str, Any], console: Console) -> None:
    """This run's parts: the movements at its warehouse and points, its points' defective
    returns, its customers' parts orders."""
    agent = w.api("dispatch", w.agent)
    points = list(_codes(data))
    moves: Counter[str] = Counter()
    for location_id in [data["warehouse"]["id"], *points]:
        cursor: str | None = None
        while True:
            body = await w.call(
                stock_movements,
                200,
                client=agent,
                location_id=UUID(location_id),
                limit=100,
                cursor=cursor or UNSET,
            )
            moves.update(m["kind"] for m in body["items"])
            cursor = body.get("next_cursor")
            if not cursor:
                break
    returns: Counter[str] = Counter()
    for point_id in points:
        listed = await w.call(list_returns, 200, client=agent, point_id=UUID(point_id), limit=100)
        returns.update(r["status"] for r in listed)
    orders: Counter[str] = Counter()
    for order_id in data["orders"]:
        orders[(await w.call(get_order, 200, UUID(order_id), client=agent))["status"]] += 1
    table = Table(title="Spare parts: stock movements, defective returns, parts orders")
    table.add_column("what")
    table.add_column("count", justify="right")
    for kind, n in sorted(moves.items()):
        table.add_row(f"movement: {kind}", str(n))
    for status, n in sorted(returns.items()):
        table.add_row(f"return: {status}", str(n))
    for status, n in sorted(orders.items()):
        table.add_row(f"parts order: {status}", str(n))
    console.print(table)
