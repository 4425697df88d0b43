"""The duties issue 32 adds, as their users live them, end to end through the four services'
public HTTP APIs on real PostgreSQL and NATS: a dealer onboarded within 10 days with its
materials, a direct customer's quarter (guidance, tracking visits, the report to management), a
visitor hosted whose substantiated reception complaint fines the host, and a grace period
changed by policy, approved by a second admin and applied only from its date.

These stories need time to pass, so the services run in-process here, all four reading one
clock the test moves forward (never back) from real now; every other wait is a barrier on
what an API (or, for an event, the stream) shows."""

import contextlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from aftersales_testing.apps import RunningService, SettableClock, eventually
from aftersales_testing.factories import SIGNATURE, read_events
from aftersales_testing.world import PRICES, World

SHANGHAI = ZoneInfo("Asia/Shanghai")
SERVICES = ("intake", "dispatch", "billing", "feedback")
PENALTY = 30_000  # what a substantiated reception complaint fines the host (300.00)
PER_DAY_LATE = 5_000
SETTINGS: dict[str, dict[str, Any]] = {
    "intake": {"clock_poll_seconds": 0.5},  # the breach scanner sees a moved clock at once
    "billing": {
        "policy_two_person": True,
        "late_grace_minutes": 30,
        "late_compensation_per_day": PER_DAY_LATE,
    },
    "feedback": {"reception_penalty": PENALTY, "watch_poll_seconds": 0.5},
}
DEALER_ITEMS = [
    "goods_shipped",
    "shop_fitting",
    "promotion_materials",
    "manuals",
    "brochures",
    "posters",
]
GRACE = "/v1/policies/billing.late_grace"


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
async def running(start_service, clock: SettableClock) -> AsyncIterator[dict[str, RunningService]]:
    async with contextlib.AsyncExitStack() as stack:
        yield {
            name: await stack.enter_async_context(
                start_service(name, clock=clock, **SETTINGS.get(name, {}))
            )
            for name in SERVICES
        }


@pytest.fixture
async def world(running: dict[str, RunningService]) -> AsyncIterator[World]:
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


def today(clock: SettableClock) -> date:
    return clock.now().astimezone(SHANGHAI).date()


def months(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


async def business(world: World, kind: str, name: str) -> dict:
    """A customer who is a business (``dealer`` or ``direct``)."""
    body = {"name": name, "phone": f"139{uuid.uuid4().int % 10**8:08d}", "type": kind}
    body["address"] = {"region": "310115", "city": "Shanghai", "line": "8 Harbour Road"}
    return await call(world.intake, "POST", "/v1/customers", world.agent, 201, json=body)


async def new_ticket(world: World, customer: dict, kind: str, **body: Any) -> dict:
    body = {"customer_id": customer["id"], "kind": kind, "channel": "partner", **body}
    headers = {**world.agent, "Idempotency-Key": str(uuid.uuid4())}
    return await call(world.intake, "POST", "/v1/tickets", headers, 201, json=body)


async def tick(world: World, ticket: dict, item: str, note: str | None = None) -> dict:
    path = f"/v1/tickets/{ticket['id']}/checklist/{item}"
    return await call(world.intake, "POST", path, world.agent, json={"note": note} if note else {})


async def visit(
    world: World, clock: SettableClock, job: dict, point: dict, tech: dict, late: int = 0
) -> dict:
    """The point books ``tech`` for two hours from an hour on; the hours pass on the shared clock
    as the technician sets off, arrives (``late`` minutes after the window) and fixes it."""
    as_point, path = world.as_point(point), f"/v1/jobs/{job['id']}"
    start = clock.now() + timedelta(hours=1)
    window = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()}
    booked = {"technician_id": tech["id"], "appointment": window}
    await call(world.dispatch, "POST", f"{path}/accept", as_point)
    await call(world.dispatch, "POST", f"{path}/assign", as_point, json=booked)
    for status, minutes, fields in (
        ("en_route", 60, {}),
        ("on_site", 120 + late if late else 20, {"travel_km": 5}),
        ("resolved_on_site", 40, {"signature": SIGNATURE, "labor_minutes": 30}),
    ):
        clock.advance(timedelta(minutes=minutes))
        done = await world.report(job, tech, status, at=clock.now().isoformat(), **fields)
    assert done["status"] == "completed"
    return done


async def test_a_dealer_is_onboarded_within_ten_days_with_its_materials_and_nothing_breached(
    world: World, clock
):
    await world.customer("310115", in_warranty=True)  # the air conditioners the centre serves
    dealer = await business(world, "dealer", "Hangzhou Cooling Dealer")
    slow = await business(world, "dealer", "Ningbo Dealer")
    about = {"category": "air_conditioner", "topic": "the inverter range"}
    signed = "Contract signed: the goods and the shop's materials within 10 days."
    onboarding = await new_ticket(world, dealer, "dealer_onboarding", description=signed, **about)
    late = await new_ticket(world, slow, "dealer_onboarding", description=signed, **about)
    opened = at(onboarding["created_at"])
    assert onboarding["product_id"] is None
    assert at(onboarding["sla"]["complete_by"]) == opened + timedelta(days=10)
    assert [i["item"] for i in onboarding["checklist"]] == DEALER_ITEMS
    path = f"/v1/tickets/{onboarding['id']}"
    done_note = {"note": "Goods and materials delivered to the new shop."}
    early = await world.intake.post(f"{path}/resolve-remotely", json=done_note, headers=world.agent)
    assert early.status_code == 409 and early.json()["open_items"] == DEALER_ITEMS

    clock.advance(timedelta(hours=1))  # the centre answers the dealer within the hour
    answer = {"summary": "Your goods leave the warehouse this week.", "resolved": False}
    await call(world.intake, "POST", f"{path}/respond", world.agent, json=answer)
    clock.advance(timedelta(days=3))
    shipped = await tick(world, onboarding, "goods_shipped", note="waybill SF1234567")
    [goods] = [i for i in shipped["checklist"] if i["item"] == "goods_shipped"]
    assert goods["note"] == "waybill SF1234567" and goods["done_by"].startswith("agent:")
    assert shipped["checklist_done_at"] is None

    clock.set(opened + timedelta(days=9))  # day 9: the shop is fitted and every material sent
    for item in DEALER_ITEMS[1:]:
        done = await tick(world, onboarding, item)
    assert all(i["done_at"] for i in done["checklist"])
    assert at(done["checklist_done_at"]) == opened + timedelta(days=9)
    ended = await call(
        world.intake, "POST", f"{path}/resolve-remotely", world.agent, json=done_note
    )
    assert ended["status"] == "resolved_remotely"
    timeline = await call(world.intake, "GET", f"{path}/timeline", world.agent)
    [finished] = [e for e in timeline["entries"] if e["event"] == "intake.ticket.checklist_done"]
    assert finished["data"]["in_time"] is True

    clock.set(opened + timedelta(days=11))  # past the deadline: the other dealer still waits

    async def other_breached() -> Any:
        other = await call(world.intake, "GET", f"/v1/tickets/{late['id']}", world.agent)
        return other["sla"]["completion_breached_at"]

    await eventually(other_breached, timeout=30)  # the centre's clocks have run the 11 days
    sla = (await call(world.intake, "GET", path, world.agent))["sla"]
    assert (sla["response_breached_at"], sla["completion_breached_at"]) == (None, None)


async def test_a_direct_customers_quarter_shows_its_guidance_tracking_visits_and_report(
    world: World, running, infrastructure, clock
):
    point, [tech] = await world.point("FLEET-POINT", "310115")
    fleet = await business(world, "direct", f"Fleet Co {uuid.uuid4().hex[:4]}")
    started = today(clock)
    quarter = f"{started.year}-Q{(started.month - 1) // 3 + 1}"
    bought = {"category": "air_conditioner", "model": "KFR-72LW", "serial_no": "FLEET-0001"}
    bought |= {"purchased_on": (started - timedelta(days=30)).isoformat(), "warranty_months": 12}
    product = await call(
        world.intake, "POST", f"/v1/customers/{fleet['id']}/products", world.agent, 201, json=bought
    )
    household, its_own = await world.customer("310115", in_warranty=True)
    wrong = {"customer_id": household["id"], "kind": "usage_guidance", "channel": "partner"}
    wrong |= {"product_id": its_own["id"], "description": "How to use it?"}
    refused = await world.intake.post("/v1/tickets", json=wrong, headers=world.agent)
    assert refused.status_code == 422 and refused.json()["customer_type"] == "consumer"
    guidance = await new_ticket(
        world, fleet, "usage_guidance", product_id=product["id"], description="New fleet units."
    )
    assert at(guidance["sla"]["complete_by"]) == at(guidance["created_at"]) + timedelta(days=10)

    async def tracking() -> Any:
        mine = {"customer_id": fleet["id"], "purpose": "usage_tracking"}
        plans = await call(world.feedback, "GET", "/v1/care-plans", world.agent, params=mine)
        return plans["items"]

    [plan] = await eventually(tracking, timeout=30)  # feedback heard the customer is direct
    assert (plan["level"], plan["cadence_months"], plan["customer_name"]) == (
        "ordinary",
        1,
        fleet["name"],
    )
    first_due = date.fromisoformat(plan["next_due_on"])
    assert months(started, first_due) == 1 and plan["late"] is False  # monthly, from today

    repair = await world.ticket(fleet, product, channel="partner")  # one unit breaks down
    await visit(world, clock, await world.job(repair["id"], status="offered"), point, tech)
    clock.advance(timedelta(days=5))
    await tick(world, guidance, "guidance_given", note="operators trained at the depot")
    done = await tick(world, guidance, "tracking_arranged")
    assert done["checklist_done_at"] is not None
    path = f"/v1/tickets/{guidance['id']}/respond"
    answer = {"summary": "Usage guidance given; monthly tracking visits agreed.", "resolved": True}
    await call(world.intake, "POST", path, world.agent, json=answer)

    clock.set(max(clock.now(), shanghai(first_due, 10)))  # the first tracking visit, on its day
    plan_path = f"/v1/care-plans/{plan['id']}"
    visited = {"visited_on": first_due.isoformat(), "staff": "Liu", "notes": "all units fine"}
    plan = await call(world.feedback, "POST", f"{plan_path}/visits", world.agent, 201, json=visited)
    assert [v["visited_on"] for v in plan["visits"]] == [first_due.isoformat()]
    second_due = date.fromisoformat(plan["next_due_on"])
    assert months(first_due, second_due) == 1 and plan["late"] is False

    clock.set(shanghai(second_due + timedelta(days=1), 10))  # the next one is missed

    async def alerted() -> Any:
        events = await read_events(
            infrastructure.broker_url, "feedback.visit.overdue.v1", after=running["feedback"]
        )
        return [e.data for e in events if str(e.data.plan_id) == plan["id"]]

    [overdue] = await eventually(alerted, timeout=30)
    assert (overdue.due_on, overdue.purpose) == (second_due, "usage_tracking")
    assert (await call(world.feedback, "GET", plan_path, world.agent))["late"] is True

    of_quarter = {"quarter": quarter}
    report = await call(
        world.intake, "GET", "/v1/reports/direct-customers", world.admin, params=of_quarter
    )
    assert report["quarter"] == quarter
    [mine] = [c for c in report["customers"] if c["customer_id"] == fleet["id"]]
    assert mine["by_kind"] == {"repair": 1, "usage_guidance": 1}
    assert (mine["visits_requested"], mine["visits_done"]) == (1, 1)
    [given] = mine["guidance"]
    assert (given["ticket_id"], given["result"], given["in_time"]) == (
        guidance["id"],
        "in_time",
        True,
    )
    assert (mine["guidance_in_time"], mine["guidance_late"]) == (1, 0)
    forbidden = await world.intake.get(
        "/v1/reports/direct-customers", params=of_quarter, headers=world.agent
    )
    assert forbidden.status_code == 403


async def test_a_visitors_substantiated_reception_complaint_fines_the_host(
    world: World, running, infrastructure, clock
):
    staff = {"role": "host", "name": "Wang Fang"}
    host = await call(world.feedback, "POST", "/v1/staff", world.admin, 201, json=staff)
    visitor, product = await world.customer("310115", in_warranty=True)
    arrives = clock.now() + timedelta(days=1)
    stay = {"customer_id": visitor["id"], "host_staff_id": host["id"]}
    stay |= {"arrives_at": arrives.isoformat()}
    backwards = {**stay, "departs_at": (arrives - timedelta(hours=1)).isoformat()}
    refused = await world.feedback.post("/v1/receptions", json=backwards, headers=world.agent)
    assert refused.status_code == 422
    stay |= {"departs_at": (arrives + timedelta(days=2)).isoformat()}
    stay |= {"arrangements": ["lodging", "appointments", "return_ticket"]}
    reception = await call(world.feedback, "POST", "/v1/receptions", world.agent, 201, json=stay)
    assert reception["host_name"] == "Wang Fang"
    assert reception["arrangements"] == ["lodging", "appointments", "return_ticket"]

    clock.set(arrives + timedelta(days=3))  # home again, the visitor calls to complain
    said = "Nobody met us at the station and the hotel was not booked."
    ticket = await new_ticket(
        world, visitor, "complaint", product_id=product["id"], description=said, channel="hotline"
    )

    async def heard() -> Any:
        of_ticket = {"ticket_id": ticket["id"]}
        return (await call(world.feedback, "GET", "/v1/complaints", world.agent, params=of_ticket))[
            "items"
        ]

    await eventually(heard, timeout=30)  # feedback has the complaint ticket
    seen = await call(world.feedback, "GET", f"/v1/receptions/{reception['id']}", world.agent)
    assert seen["customer_name"] == visitor["name"]
    about = {"ticket_id": ticket["id"], "text": said, "reception_id": reception["id"]}
    complaint = await call(world.feedback, "POST", "/v1/complaints", world.agent, 201, json=about)
    assert complaint["staff_id"] == host["id"]
    upheld = {"substantiated": True, "resolution": "the host forgot the pick-up"}
    path = f"/v1/complaints/{complaint['id']}/resolve"
    await call(world.feedback, "POST", path, world.agent, json=upheld)

    detail = await call(world.feedback, "GET", f"/v1/staff/{host['id']}", world.admin)
    [fine] = detail["fines"]
    assert (fine["amount"], fine["currency"], fine["reason"]) == (PENALTY, "CNY", "reception")
    assert (fine["reception_id"], fine["complaint_id"]) == (reception["id"], complaint["id"])

    async def published() -> Any:
        fined = await read_events(
            infrastructure.broker_url, "feedback.staff.fined.v1", after=running["feedback"]
        )
        return [e.data for e in fined if str(e.data.staff_id) == host["id"]]

    [event] = await eventually(published, timeout=30)
    assert (event.amount.amount, str(event.reception_id), event.role) == (
        PENALTY,
        reception["id"],
        "host",
    )


async def test_a_grace_period_approved_by_a_second_admin_applies_only_from_its_date(
    world: World, clock
):
    alice = world.stack.auth("admin", subject="alice")
    bob = world.stack.auth("admin", subject="bob")
    point, [tech] = await world.point("GRACE-POINT", "310115")
    effective = shanghai(today(clock) + timedelta(days=2), 0)  # midnight, two days on
    change = {"value": 120, "effective_from": effective.isoformat(), "note": "clause 5 review"}
    proposed = await call(world.billing, "POST", f"{GRACE}/versions", alice, 201, json=change)
    assert (proposed["number"], proposed["status"]) == (2, "pending")
    own = await world.billing.post(f"{GRACE}/versions/2/approve", headers=alice)
    assert own.status_code == 409 and "another admin" in own.json()["detail"]
    approved = await call(world.billing, "POST", f"{GRACE}/versions/2/approve", bob)
    assert (approved["proposed_by"], approved["approved_by"]) == ("admin:alice", "admin:bob")
    assert at(approved["in_force_from"]) == effective
    policy = await call(world.billing, "GET", GRACE, bob)
    assert (policy["value"], policy["version"]) == (30, 1)  # the old grace until the date

    async def late_repair() -> dict:
        """A repair whose technician arrives an hour after the window: its charge."""
        customer, product = await world.customer("310115", in_warranty=False)
        ticket = await world.ticket(customer, product)
        job = await world.job(ticket["id"], status="offered")
        await visit(world, clock, job, point, tech, late=60)
        return await world.charge(job["id"])

    before = await late_repair()
    assert clock.now() < effective
    assert (before["late"]["minutes"], before["late"]["compensation"]["amount"]) == (
        60,
        PER_DAY_LATE,
    )
    [comp] = [line for line in before["lines"] if line["kind"] == "compensation"]
    assert comp["customer_pays"]["amount"] == -PER_DAY_LATE

    clock.set(effective + timedelta(hours=9))
    policy = await call(world.billing, "GET", GRACE, alice)
    assert (policy["value"], policy["version"]) == (120, 2)
    after = await late_repair()  # an hour late is within the new two hours' grace
    assert (after["late"]["minutes"], after["late"]["compensation"]["amount"]) == (60, 0)
    assert not [line for line in after["lines"] if line["kind"] == "compensation"]
    again = await call(world.billing, "GET", f"/v1/charges/{before['id']}", world.finance)
    assert again["late"]["compensation"]["amount"] == PER_DAY_LATE  # a decision taken stays
    trail = await call(world.billing, "GET", "/v1/audit", alice, params={"object_type": "policy"})
    assert [(e["action"], e["actor"]) for e in trail["items"]] == [
        ("version_proposed", "admin:alice"),
        ("version_approved", "admin:bob"),
    ]
