"""The original document's rules as its users live them (issue 30), end to end through the four
services' public HTTP APIs on real PostgreSQL and NATS: a free training, a sample tested within
24 hours of its arrival, a parts order delivered a day late and compensated, a rude technician
dismissed at his third substantiated conduct complaint 14 months after the first, and a month's
rewards paid through the point's settlement.

These stories need time to pass, so the services run in-process here, all four reading one
clock the test moves forward (never back) where the story says time passes; every other wait
is a barrier on what an API shows."""

import contextlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.world import PRICES, World

SHANGHAI = ZoneInfo("Asia/Shanghai")
SERVICES = ("intake", "dispatch", "billing", "feedback")
REWARD = 30_000
PER_DAY_LATE = 2_000
# Two satisfied jobs in a month, and no substantiated complaint, earn a technician 300.00.
REWARD_RULE = {"min_satisfied_percent": 100, "min_jobs": 2, "amount": REWARD}
SETTINGS: dict[str, dict[str, Any]] = {
    "intake": {"clock_poll_seconds": 0.5},  # the breach scanner sees a moved clock at once
    "billing": {"delivery_compensation_per_day": PER_DAY_LATE},
    "feedback": {"reward_rules": {"technician": REWARD_RULE}},
}
FAN = {"sku": "FAN-2", "name": "Fan motor", "categories": ["air_conditioner"], "unit": "pcs"}


class ByHost(httpx.AsyncBaseTransport):
    """The generated client's requests, each to the in-process app its host names."""

    def __init__(self, apps: dict[str, FastAPI]) -> None:
        self._apps = {host: httpx.ASGITransport(app=app) for host, app in apps.items()}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._apps[request.url.host].handle_async_request(request)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock()  # real now: the stories start today


@pytest.fixture
async def world(start_service, clock: SettableClock) -> AsyncIterator[World]:
    async with contextlib.AsyncExitStack() as stack:
        running = {
            name: await stack.enter_async_context(
                start_service(name, clock=clock, **SETTINGS.get(name, {}))
            )
            for name in SERVICES
        }
        apps = {name: svc.app for name, svc in running.items()}
        clients = (running[name].client for name in SERVICES)
        w = World(running["intake"], *clients, transport=lambda: ByHost(apps))
        await call(w.billing, "PUT", "/v1/price-list", w.finance, json=PRICES)
        try:
            yield w
        finally:
            await w.aclose()


async def call(
    client: httpx.AsyncClient, method: str, path: str, headers: dict, status: int = 200, **kw: Any
) -> Any:
    """One request, which must answer ``status``; its JSON."""
    r = await client.request(method, path, headers=headers, **kw)
    assert r.status_code == status, r.text
    return r.json()


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def shanghai(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI).astimezone(UTC)


def booking(clock: SettableClock, tech: dict) -> dict:
    """``tech`` booked for two hours from an hour after the shared clock's now."""
    start = clock.now() + timedelta(hours=1)
    window = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()}
    return {"technician_id": tech["id"], "appointment": window}


async def visit(world: World, clock: SettableClock, job: dict, point: dict, tech: dict) -> dict:
    """The point accepts the job and books ``tech``; the hours pass on the shared clock as the
    technician sets off, arrives and fixes it on site."""
    as_point, path = world.as_point(point), f"/v1/jobs/{job['id']}"
    await call(world.dispatch, "POST", f"{path}/accept", as_point)
    await call(world.dispatch, "POST", f"{path}/assign", as_point, json=booking(clock, tech))
    for status, minutes, fields in (
        ("en_route", 60, {}),
        ("on_site", 20, {"travel_km": 5}),
        ("resolved_on_site", 40, {"signature": SIGNATURE, "labor_minutes": 30}),
    ):
        clock.advance(timedelta(minutes=minutes))
        done = await world.report(job, tech, status, at=clock.now().isoformat(), **fields)
    assert done["status"] == "completed"
    return done


async def new_ticket(world: World, customer: dict, kind: str, **body: Any) -> dict:
    body = {"customer_id": customer["id"], "kind": kind, "channel": "hotline", **body}
    headers = {**world.agent, "Idempotency-Key": str(uuid.uuid4())}
    return await call(world.intake, "POST", "/v1/tickets", headers, 201, json=body)


async def notification(world: World, ticket_id: str, kind: str) -> dict:
    """The message about the ticket the customer is sent (or would be, on a channel set up)."""

    async def told() -> list[dict]:
        sent = await call(
            world.intake, "GET", "/v1/notifications", world.agent, params={"ticket_id": ticket_id}
        )
        return [n for n in sent if n["kind"] == kind]

    return (await eventually(told, timeout=30))[0]


async def test_a_sales_training_without_a_product_is_free_class_c(world: World, clock):
    point, [tech] = await world.point("TRAIN-AC", "330106")
    fridges = {"code": "TRAIN-FRIDGE", "name": "Fridges only", "regions": ["330106"]}
    fridges |= {"categories": ["fridge"], "daily_capacity": 20, "is_partner": True}
    fridges = await call(world.dispatch, "POST", "/v1/points", world.admin, 201, json=fridges)
    fridge_tech = {"name": "Fridge tech", "phone": "13700009999", "skills": ["fridge"]}
    path = f"/v1/points/{fridges['id']}/technicians"
    await call(world.dispatch, "POST", path, world.agent, 201, json=fridge_tech)
    shop, _ = await world.customer("330106", in_warranty=False)  # a shop selling air conditioners
    topic = "selling the inverter range: energy labels and installation options"
    about = {"category": "air_conditioner", "topic": topic, "channel": "partner"}
    training = await new_ticket(world, shop, "training", description="Shop staff.", **about)
    assert (training["product_id"], training["category"]) == (None, "air_conditioner")
    assert at(training["sla"]["complete_by"]) - at(training["created_at"]) == timedelta(days=31)

    job = await world.job(training["id"], status="offered")  # routed by what it is about
    assert job["point_id"] == point["id"] and job["product"] is None
    assert (job["kind"], job["category"], job["topic"]) == ("training", "air_conditioner", topic)
    await visit(world, clock, job, point, tech)

    charge = await world.charge(job["id"])
    assert charge["service_class"] == "C" and "free training" in charge["class_reason"]
    assert charge["customer_total"]["amount"] == 0 and charge["status"] == "nothing_due"
    assert all(line["customer_pays"]["amount"] == 0 for line in charge["lines"])
    assert charge["company_cost"]["amount"] == 6_000  # half an hour's labour at 120.00/h
    await world.call_back(job["id"], "satisfied")
    await world.ticket_becomes(training["id"], "closed")
    month = {"month": charge["month"], "point_id": point["id"]}
    settled = await call(
        world.billing, "GET", "/v1/settlements", world.as_point(point), params=month
    )
    [statement] = settled["items"]
    assert statement["by_class"]["C"]["jobs"] == 1
    assert statement["by_class"]["C"]["owed"]["amount"] == 4_800  # 80 %, as warranty work


async def test_a_sample_is_answered_within_24_hours_of_its_arrival_not_of_the_call(
    world: World, clock
):
    offers = await world.intake.get("/v1/service-catalogue", headers=world.admin)
    purifiers = {"categories": [{"category": "water_purifier", "kinds": ["sample_test"]}]}
    headers = {**world.admin, "If-Match": offers.headers["ETag"]}
    await call(world.intake, "PUT", "/v1/service-catalogue", headers, json=purifiers)
    customer, product = await world.customer("310104", in_warranty=True)
    # On the same call the customer asks about the air conditioner; nobody answers that one.
    question = await world.ticket(customer, product, kind="consultation", description="Filters?")
    about = {"category": "water_purifier", "topic": "tap water: hardness and chlorine"}
    sample = await new_ticket(world, customer, "sample_test", description="By post.", **about)
    assert sample["product_id"] is None and sample["pause"]["reason"] == "awaiting_sample"
    path = f"/v1/tickets/{sample['id']}"
    result = {"summary": "Hardness 120 mg/L, chlorine 0.3 mg/L: within limits.", "resolved": True}
    early = await world.intake.post(f"{path}/respond", json=result, headers=world.agent)
    assert early.status_code == 422 and "sample" in early.json()["detail"]

    clock.advance(timedelta(days=2))  # the sample comes by post two days later

    async def question_late() -> Any:
        ticket = await call(world.intake, "GET", f"/v1/tickets/{question['id']}", world.agent)
        return ticket["sla"]["response_breached_at"]

    await eventually(question_late)  # the centre's clocks have run the two days
    waiting = (await call(world.intake, "GET", path, world.agent))["sla"]
    assert waiting["response_breached_at"] is None and waiting["completion_breached_at"] is None

    arrived = clock.now() - timedelta(hours=1)
    arrival = {"received_at": arrived.isoformat(), "reference": "W-0042"}
    received = await call(
        world.intake, "POST", f"{path}/sample-received", world.agent, json=arrival
    )
    assert received["pause"] is None and received["sample"]["reference"] == "W-0042"
    assert at(received["sla"]["respond_by"]) == arrived + timedelta(hours=24)
    assert at(received["sla"]["complete_by"]) == arrived + timedelta(hours=24)

    clock.advance(timedelta(hours=20))  # tested the next morning, 21 hours after it arrived
    answered = await call(world.intake, "POST", f"{path}/respond", world.agent, json=result)
    assert answered["status"] == "resolved_remotely"
    assert at(answered["sla"]["responded_at"]) == arrived + timedelta(hours=21)
    assert answered["sla"]["response_breached_at"] is None
    told = await notification(world, sample["id"], "sample_result")
    assert "W-0042" in told["body"] and result["summary"] in told["body"]

    callback = await world.remote_callback(sample["id"])  # called back like every request
    satisfied = {"reached": True, "outcome": "satisfied", "score": 5, "visit_confirmed": "yes"}
    path = f"/v1/callbacks/{callback['id']}/result"
    await call(world.feedback, "POST", path, world.agent, json=satisfied)
    await world.ticket_becomes(sample["id"], "closed")


async def test_a_paid_parts_order_delivered_a_day_late_earns_a_days_credit_note(
    world: World, clock
):
    admin, agent, finance = world.admin, world.agent, world.finance
    bands = {"pairs": [{"from_region": "31", "to_region": "44", "days": 2}], "prefix_bands": []}
    await call(world.dispatch, "PUT", "/v1/delivery-bands", admin, json=bands)
    await call(world.dispatch, "POST", "/v1/parts", admin, 201, json=FAN)
    wh = {"code": "WH-SH", "name": "Shanghai warehouse", "region": "310115"}
    wh = await call(world.dispatch, "POST", "/v1/warehouses", admin, 201, json=wh)
    stock = {"location_id": wh["id"], "lines": [{"sku": "FAN-2", "qty": 10}], "reference": "open"}
    await call(world.dispatch, "POST", "/v1/stock/receipts", admin, 201, json=stock)

    customer, _ = await world.customer("440305", in_warranty=False)  # in Shenzhen
    fans = [{"sku": "FAN-2", "qty": 2}]
    order = await new_ticket(world, customer, "parts_order", description="Fans.", lines=fans)

    async def priced() -> Any:
        charges = {"ticket_id": order["id"]}
        return (await call(world.billing, "GET", "/v1/charges", finance, params=charges))["items"]

    [charge] = await eventually(priced, timeout=30)
    assert charge["customer_total"]["amount"] == 2 * 6_000 + 1_500  # parts and shipping
    payment = {"method": "transfer", "amount": charge["customer_total"], "reference": "BANK-77"}
    path = f"/v1/charges/{charge['id']}"
    paid = await call(world.billing, "POST", f"{path}/payments", finance, 201, json=payment)
    assert paid["status"] == "paid"

    async def to_ship() -> Any:
        ready = await call(
            world.dispatch, "GET", "/v1/parts-orders", agent, params={"status": "paid"}
        )
        return [o for o in ready if o["id"] == order["id"]]

    await eventually(to_ship, timeout=30)
    parcel = {"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF300"}
    shipping = f"/v1/parts-orders/{order['id']}"
    shipped = await call(world.dispatch, "POST", f"{shipping}/ship", agent, json=parcel)
    promised = clock.now().astimezone(SHANGHAI).date() + timedelta(days=2)
    assert shipped["promised_by"] == promised.isoformat()
    assert (shipped["promise_days"], shipped["promise_basis"]) == (2, "band 31 → 44")
    told = await notification(world, order["id"], "parts_shipped")
    assert promised.isoformat() in told["body"] and "SF300" in told["body"]

    async def on_the_ticket() -> Any:
        ticket = await call(world.intake, "GET", f"/v1/tickets/{order['id']}", agent)
        return (ticket["shipping"] or {}).get("promised_by")

    assert await eventually(on_the_ticket) == promised.isoformat()

    clock.set(shanghai(promised + timedelta(days=1), 10))  # the courier comes a day late
    delivered = await call(world.dispatch, "POST", f"{shipping}/delivered", agent)
    assert (delivered["days_late"], delivered["promised_by"]) == (1, promised.isoformat())
    ended = await world.ticket_becomes(order["id"], "closed")
    assert ended["closure_reason"] == "delivered"

    async def compensated() -> Any:
        now = await call(world.billing, "GET", path, finance)
        return now if now["delivery"] else None

    now = await eventually(compensated, timeout=30)
    assert now["delivery"]["days_late"] == 1 and now["delivery"]["waived"] is None
    assert now["delivery"]["compensation"]["amount"] == PER_DAY_LATE
    assert now["credited"]["amount"] == PER_DAY_LATE and now["status"] == "credit_due"
    [note] = await call(world.billing, "GET", f"{path}/credit-notes", finance)
    assert note["number"] == now["delivery"]["credit_note_number"]
    assert note["amount"]["amount"] == PER_DAY_LATE
    assert f"promised {promised.isoformat()}" in note["reason"]


async def rude_visit(world: World, clock: SettableClock, point: dict, tech: dict) -> dict:
    """A repair by ``tech``; on the callback the customer says he was rude, and the complaint
    that opens is checked and upheld. The technician's discipline record after it."""
    customer, product = await world.customer("440106", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await visit(world, clock, await world.job(ticket["id"], status="offered"), point, tech)
    await world.call_back(job["id"], "bad_attitude", score=1)
    complaints = await call(
        world.feedback, "GET", "/v1/complaints", world.agent, params={"ticket_id": ticket["id"]}
    )
    [complaint] = complaints["items"]
    assert (complaint["category"], complaint["technician_id"]) == ("conduct", tech["id"])
    upheld = {"substantiated": True, "resolution": "the call's recording confirms it"}
    path = f"/v1/complaints/{complaint['id']}/resolve"
    await call(world.feedback, "POST", path, world.agent, json=upheld)
    path = f"/v1/technicians/{tech['id']}/discipline"
    return await call(world.feedback, "GET", path, world.agent)


async def test_a_rude_technicians_third_conduct_strike_fourteen_months_on_dismisses_him(
    world: World, clock
):
    point, [rude, polite] = await world.point("RUDE-POINT", "440106", technicians=2)
    start, actions = clock.now(), []
    for months_on in (0, 7, 14):
        clock.set(max(clock.now(), start + timedelta(days=round(months_on * 30.44))))
        record = await rude_visit(world, clock, point, rude)
        actions.append(record["current_action"])
    assert actions == ["warning", "penalty", "dismissal"]
    assert (record["window_days"], record["strikes_in_window"]) == (None, 3)  # for life
    assert record["dismissed"] is True
    first, *_, third = record["strikes"]
    assert at(third["at"]) - at(first["at"]) > timedelta(days=420)

    async def dismissed() -> bool:
        tech = await call(world.dispatch, "GET", f"/v1/technicians/{rude['id']}", world.agent)
        return bool(tech["status"] == "dismissed")

    await eventually(dismissed, timeout=30)
    customer, product = await world.customer("440106", in_warranty=False)
    job = await world.job((await world.ticket(customer, product))["id"], status="offered")
    as_point, path = world.as_point(point), f"/v1/jobs/{job['id']}"
    await call(world.dispatch, "POST", f"{path}/accept", as_point)
    refused = await world.dispatch.post(
        f"{path}/assign", json=booking(clock, rude), headers=as_point
    )
    assert refused.status_code == 422 and "dismissed" in refused.json()["detail"]
    booked = await call(
        world.dispatch, "POST", f"{path}/assign", as_point, json=booking(clock, polite)
    )
    assert booked["technician_id"] == polite["id"]


async def test_a_month_of_satisfied_customers_rewards_the_technician_in_the_points_settlement(
    world: World, clock
):
    point, [tech] = await world.point("REWARD-POINT", "320105")
    for _ in range(2):
        customer, product = await world.customer("320105", in_warranty=True)
        ticket = await world.ticket(customer, product)
        job = await world.job(ticket["id"], status="offered")
        await visit(world, clock, job, point, tech)
        await world.call_back(job["id"], "satisfied")
        charge = await world.charge(job["id"])
    month = charge["month"]
    grade = f"/v1/grading/{month}"
    early = await world.feedback.post(grade, headers=world.admin)
    assert early.status_code == 422 and "not over" in early.json()["detail"]

    year, mon = map(int, month.split("-"))
    clock.set(shanghai(date(year + mon // 12, mon % 12 + 1, 2), 9))  # the month is over
    graded = await call(world.feedback, "POST", grade, world.admin)
    assert graded["rewarded"] == 1
    rewards = await call(
        world.feedback, "GET", "/v1/staff-rewards", world.finance, params={"month": month}
    )
    [reward] = rewards["items"]
    assert (reward["staff_id"], reward["role"]) == (tech["id"], "technician")
    assert (reward["point_id"], reward["amount"]) == (point["id"], REWARD)
    assert (reward["jobs"], reward["satisfied"]) == (2, 2)
    work = await call(
        world.feedback, "GET", "/v1/reports/work", world.admin, params={"month": month}
    )
    [worked] = [t for t in work["technicians"] if t["id"] == tech["id"]]
    assert (worked["reward"], worked["strikes"]) == (REWARD, 0)

    async def paid() -> Any:
        of_month = {"month": month, "point_id": point["id"]}
        settled = await call(
            world.billing, "GET", "/v1/settlements", world.as_point(point), params=of_month
        )
        [statement] = settled["items"]
        return statement if statement["rewards"] else None

    statement = await eventually(paid, timeout=30)
    [line] = statement["rewards"]
    assert line["technician_id"] == tech["id"] and line["amount"]["amount"] == REWARD
    assert statement["rewards_total"]["amount"] == REWARD
    assert statement["net"]["amount"] == (
        statement["graded"]["amount"] + REWARD - statement["deductions_total"]["amount"]
    )
