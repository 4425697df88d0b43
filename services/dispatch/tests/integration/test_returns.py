"""Defective parts replaced under warranty or contract come back, or are published overdue."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.events import Envelope, Money, billing
from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import SIGNATURE, publish_raw, read_events
from dispatch.adapters.tables.returns import PartReturnRow
from dispatch.use_cases import returns

PUMP = {
    "sku": "PUMP-01",
    "name": "Drain pump",
    "categories": ["washing_machine"],
    "unit": "pcs",
    "standard_cost": 12000,
    "return_required": True,
    "return_within_days": 1,
}
TZ = ZoneInfo("Asia/Shanghai")
BELT = {"sku": "BELT-02", "name": "Belt", "categories": ["washing_machine"], "unit": "pcs"}


async def completed_with_parts(flow):
    job, point, tech = await flow.scheduled_job()
    me = flow.tech_auth(tech)
    await flow.report(job, "en_route", headers=me)
    await flow.report(job, "on_site", headers=me)
    r = await flow.report(
        job,
        "resolved_on_site",
        headers=me,
        signature=SIGNATURE,
        parts=[{"sku": "PUMP-01", "qty": 1}, {"sku": "BELT-02", "qty": 1}],
    )
    assert r.status_code == 200, r.text
    return r.json(), point


async def charged(url, job, service_class, issued_at):
    data = billing.ChargeIssued(
        charge_id=uuid.uuid4(),
        ticket_id=uuid.UUID(job["ticket_id"]),
        job_id=uuid.UUID(job["id"]),
        point_id=uuid.UUID(job["point_id"]),
        service_class=service_class,
        class_reason="test",
        customer_total=Money(amount=0),
        company_cost=Money(amount=20000),
        issued_at=issued_at,
    )
    env = Envelope.wrap(data, source="billing", aggregate_id=data.charge_id, aggregate_version=1)
    await publish_raw(url, env)


async def test_a_warranty_repairs_defective_part_comes_back(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=admin)
        paid, _ = await completed_with_parts(flow)
        warranty, point = await completed_with_parts(flow)
        await charged(infrastructure.broker_url, paid, "A", datetime.now(UTC))
        await charged(infrastructure.broker_url, warranty, "C", datetime.now(UTC))
        me = flow.point_auth(point)

        async def due():
            r = await dispatch.client.get("/v1/returns", headers=flow.agent)
            return r.json() or None

        [ret] = await eventually(due)  # the pump of the class C job; not the belt, not class A
        assert (ret["job_id"], ret["sku"], ret["status"]) == (warranty["id"], "PUMP-01", "due")
        others = dispatch.auth("point", point_id=uuid.uuid4())
        assert (await dispatch.client.get("/v1/returns", headers=others)).json() == []
        shipped = await dispatch.client.post(
            f"/v1/returns/{ret['id']}/ship", json={"tracking_no": "YT1"}, headers=me
        )
        assert shipped.json()["status"] == "shipped"
        assert (
            await dispatch.client.post(
                f"/v1/returns/{ret['id']}/receive", json={"condition": "as_reported"}, headers=me
            )
        ).status_code == 403  # the warehouse receives it
        got = await dispatch.client.post(
            f"/v1/returns/{ret['id']}/receive", json={"condition": "as_reported"}, headers=admin
        )
        assert got.json()["status"] == "received"
        twice = await dispatch.client.post(
            f"/v1/returns/{ret['id']}/receive", json={"condition": "as_reported"}, headers=admin
        )
        assert twice.status_code == 409


async def test_a_return_not_received_in_time_is_published_once(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, returns_poll_seconds=0.2) as dispatch:
        flow = flow_for(dispatch)
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=dispatch.auth("admin"))
        job, point = await completed_with_parts(flow)
        # The barrier's job, done the same day: charged later (each job goes to a fresh point
        # only while the points' loads differ on the day).
        later, _ = await completed_with_parts(flow)
        await charged(infrastructure.broker_url, job, "B", clock.now())
        [due] = await _returns_of(dispatch, flow, job)
        assert datetime.fromisoformat(due["due_at"]) == clock.now() + timedelta(days=1)
        assert due["overdue"] is False
        clock.advance(timedelta(days=1, minutes=1))  # the pump was due back a minute ago

        async def overdue():
            found = await read_events(
                infrastructure.broker_url, "dispatch.part_return.overdue.v1", after=dispatch
            )
            mine = [e.data for e in found if str(e.data.job_id) == job["id"]]
            return mine or None

        [event] = await eventually(overdue)
        assert (event.sku, event.qty, event.standard_cost) == ("PUMP-01", 1, 12000)
        assert str(event.point_id) == point["id"]
        listed = await dispatch.client.get(
            "/v1/returns", params={"status": "due"}, headers=flow.agent
        )
        assert [r["overdue"] for r in listed.json()] == [True]
        # The barrier: another overdue return, found by a later pass of the scanner.
        await charged(infrastructure.broker_url, later, "C", clock.now())
        await _returns_of(dispatch, flow, later)
        clock.advance(timedelta(days=1, minutes=1))

        async def later_overdue():
            found = await read_events(
                infrastructure.broker_url, "dispatch.part_return.overdue.v1", after=dispatch
            )
            return found if any(str(e.data.job_id) == later["id"] for e in found) else None

        found = await eventually(later_overdue)
        assert [str(e.data.job_id) for e in found].count(job["id"]) == 1  # once


async def _returns_of(dispatch, flow, job):
    """The job's returns, once dispatch has heard of its charge."""

    async def found():
        r = await dispatch.client.get("/v1/returns", headers=flow.agent)
        return [x for x in r.json() if x["job_id"] == job["id"]]

    return await eventually(found)


async def test_a_return_is_published_overdue_once_however_the_clock_moves(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    start = clock.now()
    # The scanner runs when the test calls it: its background pass waits an hour.
    async with start_service("dispatch", clock=clock, returns_poll_seconds=3600) as dispatch:
        flow = flow_for(dispatch)
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=dispatch.auth("admin"))
        job, _point = await completed_with_parts(flow)
        await charged(url, job, "B", start)
        [due] = await _returns_of(dispatch, flow, job)

        async def overdue():
            found = await read_events(url, "dispatch.part_return.overdue.v1", after=dispatch)
            return [e.data.noticed_at for e in found if str(e.data.job_id) == job["id"]]

        fired_at = start + timedelta(days=1, minutes=1)
        clock.set(fired_at)
        await returns.report_overdue(dispatch.db)
        await eventually(overdue)  # the event is in the stream
        clock.set(start)  # back before the due time: nothing is due
        await returns.report_overdue(dispatch.db)
        clock.set(fired_at + timedelta(days=5))  # and past it again
        await returns.report_overdue(dispatch.db)
        await drained(dispatch)
        assert await overdue() == [fired_at]
        async with dispatch.db.sessionmaker() as s:
            row = await s.get(PartReturnRow, uuid.UUID(due["id"]))
        assert row is not None and row.overdue_at == fired_at


async def test_the_parts_reports_value_stock_count_use_by_class_and_what_points_owe(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=admin)
        wh = (
            await dispatch.client.post(
                "/v1/warehouses", json={"code": "WH-R", "name": "W"}, headers=admin
            )
        ).json()
        await dispatch.client.post(
            "/v1/stock/receipts",
            json={
                "location_id": wh["id"],
                "lines": [{"sku": "PUMP-01", "qty": 3}, {"sku": "BELT-02", "qty": 4}],
            },
            headers=admin,
        )
        # Nothing on the point's books: both parts are issued as its shortfall.
        warranty, point = await completed_with_parts(flow)
        await charged(infrastructure.broker_url, warranty, "C", datetime.now(UTC))

        async def classed():
            r = await dispatch.client.get(
                "/v1/reports/parts-consumption",
                params={"month": datetime.now(UTC).astimezone(TZ).strftime("%Y-%m")},
                headers=flow.agent,
            )
            rows = r.json()
            return rows if rows and all(x["service_class"] == "C" for x in rows) else None

        rows = await eventually(classed)
        assert [(x["point_id"], x["sku"], x["qty"], x["value"]) for x in rows] == [
            (point["id"], "BELT-02", 1, 0),  # no standard cost
            (point["id"], "PUMP-01", 1, 12000),
        ]
        value = (await dispatch.client.get("/v1/reports/stock-value", headers=flow.agent)).json()
        assert [
            (v["code"], v["kind"], v["units"], v["value"], v["uncosted_skus"]) for v in value
        ] == [("WH-R", "warehouse", 7, 3 * 12000, 1)]  # the point holds nothing: it owes
        owes = (
            await dispatch.client.get("/v1/reports/points-owe-parts", headers=flow.agent)
        ).json()
        assert [
            (o["point_id"], o["shortfall_units"], o["shortfall_value"], o["returns_outstanding"])
            for o in owes
        ] == [(point["id"], 2, 12000, 1)]
        slow = await dispatch.client.get(
            "/v1/reports/slow-movers", params={"days": 1, "format": "csv"}, headers=flow.agent
        )
        assert slow.headers["content-type"].startswith("text/csv")
        lines = slow.text.strip().splitlines()
        assert lines[0] == "location_id,sku,on_hand,value,last_out_at"
        assert sorted(line.split(",")[1] for line in lines[1:]) == ["BELT-02", "PUMP-01"]
        r = await dispatch.client.get(
            "/v1/reports/parts-consumption", params={"month": "2026-13"}, headers=flow.agent
        )
        assert r.status_code == 422
        me = flow.point_auth(point)
        r = await dispatch.client.get("/v1/reports/stock-value", headers=me)
        assert r.status_code == 403


async def test_an_overturned_exclusion_makes_the_part_due_back_after_all(
    start_service, flow_for, infrastructure
):
    from aftersales_testing.apps import handled

    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=admin)
        job, _ = await completed_with_parts(flow)
        await charged(infrastructure.broker_url, job, "A", datetime.now(UTC))  # misuse: paid
        corrected = billing.ChargeCorrected(
            charge_id=uuid.uuid4(),
            ticket_id=uuid.UUID(job["ticket_id"]),
            job_id=uuid.UUID(job["id"]),
            correction="exclusion_overturned",
            service_class="C",
            reason="not misuse after all",
            amount=Money(amount=37_000),
            corrected_at=datetime.now(UTC),
        )
        env = Envelope.wrap(
            corrected, source="billing", aggregate_id=corrected.charge_id, aggregate_version=2
        )
        await publish_raw(infrastructure.broker_url, env)
        await handled(dispatch, env)
        r = await dispatch.client.get("/v1/returns", headers=flow.agent)
        [ret] = r.json()
        assert (ret["job_id"], ret["sku"], ret["service_class"]) == (job["id"], "PUMP-01", "C")
