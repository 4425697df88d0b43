"""Customers who are businesses (clauses 12-14): a customer's type, a dealer's onboarding and a
direct customer's usage guidance with their deadlines and checklists, and the quarterly report
to management. The deadlines are reached by moving the service's clock."""

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.events import Envelope, dispatch
from aftersales_testing.apps import SettableClock, handled
from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
    publish_raw,
    read_events,
)
from intake.use_cases.clocks import fire_due_breaches

PROBLEM = "application/problem+json"
COMPLETION = "intake.ticket.completion_breached.v1"
SHANGHAI = ZoneInfo("Asia/Shanghai")
DEALER_ITEMS = [
    "goods_shipped",
    "shop_fitting",
    "promotion_materials",
    "manuals",
    "brochures",
    "posters",
]


def _next_quarter() -> tuple[str, datetime]:
    """The next quarter (all of it after today, so the factories' purchases are in its past)
    and 10:00 in Shanghai on its second day: the service's clock, which the tests move."""
    today = datetime.now(SHANGHAI)
    q = (today.month - 1) // 3 + 1
    year, q = (today.year + 1, 1) if q == 4 else (today.year, q + 1)
    start = datetime(year, 3 * (q - 1) + 1, 2, 10, tzinfo=SHANGHAI).astimezone(UTC)
    return f"{year}-Q{q}", start


QUARTER, START = _next_quarter()
SCANNED_BY_THE_TEST = {"clock_poll_seconds": 3600}


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def duty(customer, kind, **overrides):
    return {
        "customer_id": customer["id"],
        "kind": kind,
        "category": "air_conditioner",
        "topic": "the inverter range",
        "description": f"{kind} for {customer['name']}",
        "channel": "partner",
        **overrides,
    }


async def _ticket(intake, ticket_id):
    r = await intake.client.get(f"/v1/tickets/{ticket_id}", headers=intake.auth("agent"))
    assert r.status_code == 200, r.text
    return r.json()


async def _tick(intake, ticket, item, note=None):
    return await intake.client.post(
        f"/v1/tickets/{ticket['id']}/checklist/{item}",
        json={"note": note} if note else {},
        headers=intake.auth("agent"),
    )


async def test_a_customer_is_a_consumer_unless_it_is_a_dealer_or_direct(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        consumer = await make_customer(intake)
        assert consumer["type"] == "consumer"  # nothing sent today changes
        dealer = await make_customer(intake, type="dealer")
        assert dealer["type"] == "dealer"
        bad = await intake.client.post(
            "/v1/customers",
            json={
                "name": "Wholesale Co",
                "phone": "13900000001",
                "address": {"region": "310115", "city": "Shanghai", "line": "1 Road"},
                "type": "wholesaler",
            },
            headers=agent,
        )
        assert bad.status_code == 422
        fleet = await make_customer(intake)
        read = await intake.client.get(f"/v1/customers/{fleet['id']}", headers=agent)
        r = await intake.client.patch(
            f"/v1/customers/{fleet['id']}",
            json={"type": "direct"},
            headers={**agent, "If-Match": read.headers["ETag"]},
        )
        assert r.status_code == 200, r.text
        assert r.json()["type"] == "direct"
        etag = r.headers["ETag"]
        for wrong in ({"type": None}, {"type": "wholesaler"}):
            refused = await intake.client.patch(
                f"/v1/customers/{fleet['id']}", json=wrong, headers={**agent, "If-Match": etag}
            )
            assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM
        shown = await intake.client.get(f"/v1/customers/{fleet['id']}", headers=agent)
        assert shown.json()["type"] == "direct" and shown.headers["ETag"] == etag  # unchanged
        listed = await intake.client.get("/v1/customers", params={"type": "dealer"}, headers=agent)
        assert [c["id"] for c in listed.json()["items"]] == [dealer["id"]]

        # Every event that carries the customer says its type.
        repair = await make_ticket(intake, customer=fleet)
        plain = await make_ticket(intake, customer=consumer)
        order = await make_ticket(
            intake, customer=dealer, kind="parts_order", lines=[{"sku": "FAN-01", "qty": 2}]
        )
        created = {
            str(e.data.ticket_id): e.data.customer.type
            for e in await read_events(
                infrastructure.broker_url, "intake.ticket.created.v2", after=intake
            )
        }
        assert created[repair["id"]] == "direct" and created[plain["id"]] == "consumer"
        placed = {
            str(e.data.ticket_id): e.data.customer.type
            for e in await read_events(
                infrastructure.broker_url, "intake.parts_order.placed.v1", after=intake
            )
        }
        assert placed[order["id"]] == "dealer"


async def test_a_dealer_is_onboarded_within_ten_days_with_its_materials(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        agent = intake.auth("agent")
        dealer = await make_customer(intake, type="dealer")
        await make_product(intake, (await make_customer(intake))["id"])  # a category it knows
        r = await intake.client.post(
            "/v1/tickets", json=duty(dealer, "dealer_onboarding"), headers=agent
        )
        assert r.status_code == 201, r.text
        ticket = r.json()
        assert ticket["product_id"] is None and ticket["window_agreed"] is None
        assert ticket["sla"]["respond_clock"] == "intake"
        assert at(ticket["sla"]["complete_by"]) == START + timedelta(days=10)
        assert [i["item"] for i in ticket["checklist"]] == DEALER_ITEMS
        assert all(i["done_at"] is None for i in ticket["checklist"])
        assert ticket["checklist_done_at"] is None

        early = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/resolve-remotely",
            json={"note": "goods sent"},
            headers=agent,
        )
        assert early.status_code == 409 and early.headers["content-type"] == PROBLEM
        assert early.json()["open_items"] == DEALER_ITEMS
        unknown = await _tick(intake, ticket, "flags")
        assert unknown.status_code == 404 and unknown.json()["items"] == DEALER_ITEMS
        assert (await _ticket(intake, ticket["id"]))["version"] == ticket["version"]

        shipped_at = clock.advance(timedelta(days=3))
        r = await _tick(intake, ticket, "goods_shipped", note="waybill SF1234567")
        assert r.status_code == 200, r.text
        [goods] = [i for i in r.json()["checklist"] if i["item"] == "goods_shipped"]
        assert at(goods["done_at"]) == shipped_at and goods["note"] == "waybill SF1234567"
        assert goods["done_by"].startswith("agent:")
        again = await _tick(intake, ticket, "goods_shipped")
        assert again.status_code == 409 and again.json()["done_by"] == goods["done_by"]

        clock.advance(timedelta(days=6))  # day 9: every material sent in time
        for item in DEALER_ITEMS[1:]:
            r = await _tick(intake, ticket, item)
            assert r.status_code == 200, r.text
        done = r.json()
        assert at(done["checklist_done_at"]) == START + timedelta(days=9)
        timeline = await intake.client.get(f"/v1/tickets/{ticket['id']}/timeline", headers=agent)
        [finished] = [
            e for e in timeline.json()["entries"] if e["event"] == "intake.ticket.checklist_done"
        ]
        assert finished["data"]["in_time"] is True

        clock.advance(timedelta(days=2))  # past the deadline: its work was done before it
        await fire_due_breaches(intake.db)
        breaches = await read_events(infrastructure.broker_url, COMPLETION, after=intake)
        assert ticket["id"] not in {str(e.data.ticket_id) for e in breaches}

        r = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/respond",
            json={"summary": "Goods and materials delivered to the new shop.", "resolved": True},
            headers=agent,
        )
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "resolved_remotely"
        ended = await _tick(intake, ticket, "posters")
        assert ended.status_code == 409


async def test_a_duty_for_the_wrong_customer_is_refused_and_opens_nothing(start_service):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        await make_product(intake, (await make_customer(intake))["id"])
        consumer = await make_customer(intake)
        dealer = await make_customer(intake, type="dealer")
        for customer, kind in (
            (consumer, "usage_guidance"),
            (dealer, "usage_guidance"),
            (consumer, "dealer_onboarding"),
            (consumer, "promotion_support"),
        ):
            r = await intake.client.post("/v1/tickets", json=duty(customer, kind), headers=agent)
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, r.text
            assert r.json()["customer_type"] == customer["type"]
        for customer in (consumer, dealer):
            listed = await intake.client.get(
                "/v1/tickets", params={"customer_id": customer["id"]}, headers=agent
            )
            assert listed.json()["items"] == []
        support = await intake.client.post(
            "/v1/tickets", json=duty(dealer, "promotion_support"), headers=agent
        )
        assert support.status_code == 201, support.text
        assert at(support.json()["sla"]["complete_by"]) - at(
            support.json()["created_at"]
        ) == timedelta(days=20)
        repair = await make_ticket(intake, customer=consumer)
        assert repair["checklist"] is None
        r = await _tick(intake, repair, "posters")
        assert r.status_code == 409 and r.headers["content-type"] == PROBLEM


async def test_a_direct_customers_quarter_reports_its_guidance_in_time_or_late(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        agent, admin = intake.auth("agent"), intake.auth("admin")
        fleet = await make_customer(intake, name="A Fleet Co", type="direct")
        idle = await make_customer(intake, name="B Mine Co", type="direct")
        await make_customer(intake, name="C Household")  # a consumer: not reported
        product = await make_product(intake, fleet["id"])
        guidance = {"product_id": product["id"], "category": None, "topic": None}
        in_time, late = [
            (
                await intake.client.post(
                    "/v1/tickets", json=duty(fleet, "usage_guidance", **guidance), headers=agent
                )
            ).json()
            for _ in range(2)
        ]
        assert at(late["sla"]["complete_by"]) == START + timedelta(days=10)
        repair = await make_ticket(intake, customer=fleet, product=product)
        job = uuid.uuid4()
        completed = Envelope.wrap(
            dispatch.JobCompleted(
                job_id=job,
                ticket_id=uuid.UUID(repair["id"]),
                point_id=uuid.uuid4(),
                technician_id=uuid.uuid4(),
                resolution="on_site",
                labor_minutes=30,
                parts=[],
                travel_km=5,
                visit_number=1,
                arrived_late_minutes=0,
                completed_at=START + timedelta(days=1),
                category="air_conditioner",
            ),
            source="dispatch",
            aggregate_id=job,
            aggregate_version=3,
            time=START + timedelta(days=1),
        )
        await publish_raw(infrastructure.broker_url, completed)
        await handled(intake, completed)

        clock.advance(timedelta(days=5))
        for item in ("guidance_given", "tracking_arranged"):
            assert (await _tick(intake, in_time, item)).status_code == 200
        clock.advance(timedelta(days=6))  # day 11: the other one is late
        await fire_due_breaches(intake.db)
        breaches = await read_events(infrastructure.broker_url, COMPLETION, after=intake)
        breached = {str(e.data.ticket_id) for e in breaches}
        assert late["id"] in breached and in_time["id"] not in breached
        running = (
            await intake.client.post(
                "/v1/tickets", json=duty(fleet, "usage_guidance", **guidance), headers=agent
            )
        ).json()

        r = await intake.client.get(
            "/v1/reports/direct-customers", params={"quarter": QUARTER}, headers=admin
        )
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["quarter"] == QUARTER
        assert [c["customer_id"] for c in report["customers"]] == [fleet["id"], idle["id"]]
        mine, nothing = report["customers"]
        assert mine["tickets"] == 4
        assert mine["by_kind"] == {"repair": 1, "usage_guidance": 3}
        assert (mine["visits_requested"], mine["visits_done"]) == (1, 1)
        results = {g["ticket_id"]: (g["result"], g["in_time"]) for g in mine["guidance"]}
        assert results == {
            in_time["id"]: ("in_time", True),
            late["id"]: ("late", False),
            running["id"]: ("running", None),
        }
        assert (mine["guidance_in_time"], mine["guidance_late"]) == (1, 1)
        assert (nothing["tickets"], nothing["guidance"], nothing["visits_done"]) == (0, [], 0)

        as_csv = await intake.client.get(
            "/v1/reports/direct-customers",
            params={"quarter": QUARTER, "format": "csv"},
            headers=admin,
        )
        assert as_csv.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        assert [row["name"] for row in rows] == ["A Fleet Co", "B Mine Co"]
        assert rows[0]["guidance"] == "3" and rows[0]["guidance_late"] == "1"
        assert f"{late['number']}:late" in rows[0]["guidance_tickets"]

        year, q = QUARTER.split("-Q")
        before = f"{int(year) - 1}-Q4" if q == "1" else f"{year}-Q{int(q) - 1}"
        earlier = await intake.client.get(
            "/v1/reports/direct-customers", params={"quarter": before}, headers=admin
        )
        assert [c["tickets"] for c in earlier.json()["customers"]] == [0, 0]
        forbidden = await intake.client.get(
            "/v1/reports/direct-customers", params={"quarter": QUARTER}, headers=agent
        )
        assert forbidden.status_code == 403
        bad = await intake.client.get(
            "/v1/reports/direct-customers", params={"quarter": "2027-Q5"}, headers=admin
        )
        assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM
