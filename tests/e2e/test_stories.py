"""The product's stories, end to end, through HTTP only, with the four services running as
separate processes exactly as `make run` runs them."""

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from aftersales.testing.apps import eventually
from aftersales.testing.factories import SIGNATURE
from aftersales.testing.world import World, deliveries_of, soon, standard_webhooks_valid

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def process_stack_env():
    # Story 4 arrives one minute late; with no grace that minute owes a day's compensation
    # (the default grace of 30 minutes is covered by billing's own tests and the money story).
    return {"BILLING_LATE_GRACE_MINUTES": "0"}


async def test_1_in_warranty_repair_fixed_on_site_is_free_and_closed_after_a_happy_callback(
    world: World, webhook_receiver
):
    crm = world.stack.auth("crm", tenant_id="story-1")
    hook = await world.ok(
        await world.intake.post(
            "/v1/webhooks",
            json={"url": webhook_receiver.url, "events": ["intake.ticket.>"]},
            headers=crm,
        ),
        201,
    )
    point, [tech] = await world.point("S1-POINT", "510001")
    customer, product = await world.customer("510001", in_warranty=True, headers=crm)
    ticket = await world.ticket(customer, product, headers=crm, channel="crm")
    job = await world.job(ticket["id"], status="offered")
    assert job["point_id"] == point["id"]
    job = await world.book(job, point, tech)
    await world.fix_on_site(job, tech)
    charge = await world.charge(job["id"])
    assert charge["service_class"] == "C" and charge["customer_total"]["amount"] == 0
    await world.call_back(job["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["charge"]["service_class"] == "C"

    expected = ["dispatched", "scheduled", "in_progress", "completed", "closed"]

    async def all_delivered():
        changes = [
            d
            for d in deliveries_of(webhook_receiver)
            if d["type"] == "intake.ticket.status_changed.v1"
            and d["data"]["ticket_id"] == ticket["id"]
        ]
        return changes if len(changes) >= len(expected) else None

    changes = await eventually(all_delivered, timeout=30)
    in_order = sorted(changes, key=lambda c: c["data"]["changed_at"])
    assert [c["data"]["status"] for c in in_order] == expected
    assert [c["data"]["previous_status"] for c in in_order] == ["open", *expected[:-1]]
    for headers, body in webhook_receiver.deliveries:
        assert standard_webhooks_valid(hook["secret"], headers, body)


async def test_2_out_of_warranty_workshop_repair_is_paid_on_site_and_invoiced(world: World):
    point, [tech] = await world.point("S2-POINT", "510002")
    customer, product = await world.customer("510002", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.report(job, tech, "en_route")
    await world.report(job, tech, "on_site", travel_km=25)
    taken = await world.report(job, tech, "taken_to_workshop", signature=SIGNATURE)
    receipt = taken["receipt_no"]
    assert receipt.startswith("RC-")
    await world.report(
        job,
        tech,
        "repaired",
        labor_minutes=100,
        parts=[{"sku": "COMP-7", "qty": 1}, {"sku": "FAN-2", "qty": 1}],
    )
    await world.report(job, tech, "inspected", headers=world.as_point(point))
    await world.report(job, tech, "returned", signature=SIGNATURE)
    card = await world.ok(
        await world.dispatch.get(f"/v1/jobs/{job['id']}/repair-card", headers=world.agent)
    )
    assert card["receipt_no"] == receipt and card["receipt_status"] == "voided"
    assert [e["direction"] for e in card["log"]] == ["in", "out"]

    charge = await world.charge(job["id"])
    assert charge["service_class"] == "A"
    kinds = {
        line["kind"]: line["customer_pays"]["amount"]
        for line in charge["lines"]
        if line["kind"] != "part"
    }
    assert kinds == {"callout": 5_000, "labour": 21_000, "travel": 3_000}  # 7 quarters of 120/h
    total = charge["customer_total"]["amount"]
    assert total == 5_000 + 21_000 + 80_000 + 6_000 + 3_000
    paid = await world.ok(
        await world.billing.post(
            f"/v1/charges/{charge['id']}/payments",
            json={"method": "cash", "amount": {"amount": total, "currency": "CNY"}},
            headers=world.as_tech(tech),
        ),
        201,
    )
    assert paid["status"] == "paid"
    invoice = await world.ok(
        await world.billing.post(f"/v1/charges/{charge['id']}/invoice", headers=world.finance), 201
    )
    assert invoice["number"].startswith("INV-") and invoice["amount"]["amount"] == total
    await world.call_back(job["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["charge"]["service_class"] == "A"


async def test_3_a_contract_covered_product_is_class_b_and_uses_a_visit(world: World):
    point, [tech] = await world.point("S3-POINT", "510003")
    customer, product = await world.customer("510003", in_warranty=False)
    today = datetime.now(UTC).date()
    body = {
        "contract_no": "MC-STORY-3",
        "customer_id": customer["id"],
        "product_ids": [product["id"]],
        "starts_on": (today - timedelta(days=10)).isoformat(),
        "ends_on": (today + timedelta(days=355)).isoformat(),
        "covers": {"labor": True, "parts": True, "travel": True},
        "visits_included": 4,
    }

    async def signed():  # billing learns of the product from intake's event
        r = await world.billing.post("/v1/contracts", json=body, headers=world.finance)
        return None if "not a registered product" in r.text else r

    contract = await world.ok(await eventually(signed), 201)
    ticket = await world.ticket(customer, product, kind="repair")
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech, parts=[{"sku": "FAN-2", "qty": 1}])
    charge = await world.charge(job["id"])
    assert charge["service_class"] == "B" and charge["contract_id"] == contract["id"]
    assert charge["customer_total"]["amount"] == 0 and charge["company_cost"]["amount"] > 0
    after = await world.ok(
        await world.billing.get(f"/v1/contracts/{contract['id']}", headers=world.agent)
    )
    assert (after["visits_used"], after["visits_left"]) == (1, 3)


async def test_4_a_late_arrival_compensates_the_customer_and_is_deducted_from_the_point(
    world: World,
):
    point, [tech] = await world.point("S4-POINT", "510004")
    customer, product = await world.customer("510004", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(
        await world.job(ticket["id"], status="offered"), point, tech, start_h=0.0003, end_h=0.0006
    )
    end = datetime.fromisoformat(job["appointment"]["end"])
    await asyncio.sleep(max(0.0, (end - datetime.now(UTC)).total_seconds()) + 1.5)
    await world.report(job, tech, "en_route", at=(end - timedelta(seconds=1)).isoformat())
    arrived = await world.report(job, tech, "on_site", at=(end + timedelta(seconds=1)).isoformat())
    assert arrived["arrived_late_minutes"] == 1
    await world.report(job, tech, "resolved_on_site", signature=SIGNATURE, labor_minutes=30)
    charge = await world.charge(job["id"])
    [comp] = [line for line in charge["lines"] if line["kind"] == "compensation"]
    assert comp["customer_pays"]["amount"] == -5_000 and comp["company_bears"]["amount"] == 5_000

    async def deducted():
        r = await world.billing.get(
            "/v1/settlements",
            params={"month": charge["month"], "point_id": point["id"]},
            headers=world.as_point(point),
        )
        [doc] = r.json()["items"]
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        return kinds if "late_compensation" in kinds and "sla_breach" in kinds else None

    kinds = await eventually(deducted, timeout=30)
    assert kinds["late_compensation"] == 5_000


async def test_5_not_fixed_twice_goes_to_another_point_and_is_closed_when_satisfied(world: World):
    first, [tech1] = await world.point("S5-A-FIRST", "510005")
    customer, product = await world.customer("510005", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job1 = await world.book(await world.job(ticket["id"], status="offered"), first, tech1)
    second, [tech2] = await world.point("S5-B-SECOND", "510005")
    await world.fix_on_site(job1, tech1)
    await world.call_back(job1["id"], "unsatisfied", score=2)  # reopens the ticket

    job2 = await world.job(ticket["id"], visit=2, status="offered")
    assert job2["point_id"] == first["id"]  # rework goes back to the same point
    job2 = await world.book(job2, first, tech1)
    await world.fix_on_site(job2, tech1)
    await world.call_back(job2["id"], "not_fixed_repeat", score=1)

    job3 = await world.job(ticket["id"], visit=3, status="offered")
    assert job3["point_id"] == second["id"]  # not fixed after several visits: another point
    job3 = await world.book(job3, second, tech2)
    await world.fix_on_site(job3, tech2)
    await world.call_back(job3["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["reopen_count"] == 2


async def test_6_three_substantiated_complaints_dismiss_a_technician(world: World):
    point, [bad, _good] = await world.point("S6-POINT", "510006", technicians=2)
    actions = []
    for n in range(3):
        customer, product = await world.customer("510006", in_warranty=True)
        ticket = await world.ticket(customer, product)
        job = await world.book(await world.job(ticket["id"], status="offered"), point, bad)
        await world.fix_on_site(job, bad)
        await world.callback(job["id"])
        complaint = await world.ok(
            await world.feedback.post(
                "/v1/complaints",
                json={
                    "ticket_id": ticket["id"],
                    "text": f"rude, visit {n}",
                    "technician_id": bad["id"],
                    "point_id": point["id"],
                },
                headers=world.agent,
            ),
            201,
        )
        await world.ok(
            await world.feedback.post(
                f"/v1/complaints/{complaint['id']}/resolve",
                json={"substantiated": True, "resolution": "confirmed"},
                headers=world.agent,
            )
        )
        record = await world.ok(
            await world.feedback.get(f"/v1/technicians/{bad['id']}/discipline", headers=world.agent)
        )
        actions.append(record["current_action"])
    assert actions == ["warning", "penalty", "dismissal"]

    async def dismissed():
        r = await world.dispatch.get(f"/v1/technicians/{bad['id']}", headers=world.agent)
        return r.json()["status"] == "dismissed"

    await eventually(dismissed, timeout=30)
    customer, product = await world.customer("510006", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.job(ticket["id"], status="offered")
    await world.ok(
        await world.dispatch.post(f"/v1/jobs/{job['id']}/accept", headers=world.as_point(point))
    )
    refused = await world.dispatch.post(
        f"/v1/jobs/{job['id']}/assign",
        json={"technician_id": bad["id"], "appointment": {"start": soon(1), "end": soon(2)}},
        headers=world.as_point(point),
    )
    assert refused.status_code == 422 and "dismissed" in refused.json()["detail"]


async def test_7_grading_makes_dispatch_prefer_the_better_point_and_settlement_apply_the_factor(
    world: World, admin_dsn
):
    shanghai = ZoneInfo("Asia/Shanghai")
    first_of_month = datetime.now(shanghai).replace(
        day=1, hour=10, minute=0, second=0, microsecond=0
    )
    last_month = first_of_month - timedelta(days=10)
    month = last_month.strftime("%Y-%m")
    good, [good_tech] = await world.point("S7-B-GOOD", "510007")
    poor, [poor_tech] = await world.point("S7-A-POOR", "510007")
    for point, tech, outcome in ((poor, poor_tech, "unsatisfied"), (good, good_tech, "satisfied")):
        customer, product = await world.customer("510007", in_warranty=True)
        ticket = await world.ticket(customer, product)
        job = await world.job(ticket["id"], status="offered")
        if job["point_id"] != point["id"]:
            job = await world.ok(
                await world.dispatch.post(
                    f"/v1/jobs/{job['id']}/route",
                    json={"point_id": point["id"]},
                    headers=world.agent,
                )
            )
        job = await world.book(job, point, tech)
        # The job was offered last month, and the technician's phone was offline since: it
        # reports with the real times (no report may be dated before its job's offer).
        await _offered_at(admin_dsn, job["id"], last_month - timedelta(hours=1))
        times = [last_month + timedelta(minutes=m) for m in (0, 20, 60)]
        await world.report(job, tech, "en_route", at=times[0].isoformat())
        await world.report(job, tech, "on_site", at=times[1].isoformat())
        await world.report(
            job,
            tech,
            "resolved_on_site",
            at=times[2].isoformat(),
            signature=SIGNATURE,
            labor_minutes=30,
        )
        await world.call_back(job["id"], outcome, score=4 if outcome == "satisfied" else 2)
        await world.charge(job["id"])

    graded = await world.ok(await world.feedback.post(f"/v1/grading/{month}", headers=world.admin))
    grades = {g["point_id"]: g["grade"] for g in graded["grades"]}
    assert grades[good["id"]] == "A" and grades[poor["id"]] == "D"

    async def dispatch_knows():
        r = await world.dispatch.get(f"/v1/points/{good['id']}", headers=world.agent)
        return r.json()["grade"] == "A"

    await eventually(dispatch_knows, timeout=30)
    customer, product = await world.customer("510007", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.job(ticket["id"], status="offered")
    assert job["point_id"] == good["id"] and "better grade" in job["status_reason"]

    async def factor():
        r = await world.billing.get(
            "/v1/settlements",
            params={"month": month, "point_id": good["id"]},
            headers=world.finance,
        )
        doc = r.json()["items"][0]
        return doc if doc["grade"] == "A" else None

    doc = await eventually(factor, timeout=30)
    assert doc["grade_factor_percent"] == 110
    assert doc["graded"]["amount"] == round(doc["gross"]["amount"] * 1.1)


async def _offered_at(admin_dsn: str, job_id: str, at: datetime) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(
            "UPDATE dispatch.job_offers SET offered_at = $2 WHERE job_id = $1", UUID(job_id), at
        )
    finally:
        await conn.close()


async def test_8_remote_resolution_and_cancellation_before_and_after_departure(world: World):
    point, [tech] = await world.point("S8-POINT", "510008")
    customer, product = await world.customer("510008", in_warranty=False)
    phoned = await world.ticket(customer, product, kind="consultation")
    solved = await world.ok(
        await world.intake.post(
            f"/v1/tickets/{phoned['id']}/resolve-remotely",
            json={"note": "reset the remote"},
            headers=world.agent,
        )
    )
    assert solved["status"] == "resolved_remotely"

    async def free_charge():
        r = await world.billing.get(
            "/v1/charges", params={"ticket_id": phoned["id"]}, headers=world.agent
        )
        return r.json()["items"]

    [charge] = await eventually(free_charge, timeout=30)
    assert charge["customer_total"]["amount"] == 0 and charge["job_id"] is None

    early = await world.ticket(customer, product)
    job = await world.book(await world.job(early["id"], status="offered"), point, tech)
    await world.ticket_becomes(early["id"], "scheduled")
    await world.ok(
        await world.intake.post(
            f"/v1/tickets/{early['id']}/cancel",
            json={"reason": "fixed it myself"},
            headers=world.agent,
        )
    )
    await world.job(early["id"], status="cancelled")

    late = await world.ticket(customer, product)
    job = await world.book(await world.job(late["id"], status="offered"), point, tech)
    await world.report(job, tech, "en_route")
    await world.ticket_becomes(late["id"], "in_progress")
    refused = await world.intake.post(
        f"/v1/tickets/{late['id']}/cancel", json={"reason": "too late"}, headers=world.agent
    )
    assert refused.status_code == 409


async def test_9_a_partner_point_never_sees_another_points_jobs_customers_or_settlements(
    world: World,
):
    mine, [my_tech] = await world.point("S9-A-MINE", "510009")
    other, [other_tech] = await world.point("S9-B-OTHER", "510010")
    jobs = {}
    for point, tech, region in ((mine, my_tech, "510009"), (other, other_tech, "510010")):
        customer, product = await world.customer(region, in_warranty=False)
        ticket = await world.ticket(customer, product)
        job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
        await world.fix_on_site(job, tech)
        jobs[point["id"]] = (job, await world.charge(job["id"]), customer)
    me = world.as_point(mine)
    their_job, their_charge, their_customer = jobs[other["id"]]
    listed = await world.dispatch.get("/v1/jobs", headers=me)
    assert {j["point_id"] for j in listed.json()["items"]} == {mine["id"]}
    assert (await world.dispatch.get(f"/v1/jobs/{their_job['id']}", headers=me)).status_code == 404
    assert (
        await world.billing.get(f"/v1/charges/{their_charge['id']}", headers=me)
    ).status_code == 404
    assert (
        await world.intake.get(f"/v1/customers/{their_customer['id']}", headers=me)
    ).status_code == 403
    settlements = await world.billing.get(
        "/v1/settlements",
        params={"month": their_charge["month"], "point_id": other["id"]},
        headers=me,
    )
    assert settlements.status_code == 404
    own = await world.billing.get(
        "/v1/settlements", params={"month": their_charge["month"]}, headers=me
    )
    assert [d["point_id"] for d in own.json()["items"]] == [mine["id"]]
