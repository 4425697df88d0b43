"""Clause 7: a visiting customer is hosted from arrival to departure, and a substantiated
complaint about the reception fines the host. Clause 8: a planned visit that is late is
published once, whichever replica notices first. Clauses 12-14: a direct customer gets
usage-tracking visits on a care plan."""

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import intake
from aftersales_testing.apps import SettableClock, drained, eventually, handled
from aftersales_testing.factories import read_events
from feedback.use_cases.care import report_late_visits

# 10:00 in Shanghai, the network's time zone, on 10 March 2026.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
SCANNED_BY_THE_TEST = {"watch_poll_seconds": 3600}


def _customer(type_=None, **overrides):
    values = dict(
        id=uuid.uuid4(),
        name="Guangzhou Fleet Ltd",
        phone="13800000001",
        region="440105",
        city="Guangzhou",
        line="8 Harbour Road",
        type=type_,
    )
    return intake.CustomerFacts(**{**values, **overrides})


async def _ticket(feedback, desk, customer, kind="repair"):
    env = await desk.ticket(customer=customer, kind=kind, created_at=desk.now())
    await handled(feedback, env)
    return env.data.ticket_id


async def _host(feedback, name="Wang Fang"):
    r = await feedback.client.post(
        "/v1/staff", json={"role": "host", "name": name}, headers=feedback.auth("admin")
    )
    assert r.status_code == 201, r.text
    return r.json()


async def _receive(feedback, customer_id, host_id, **overrides):
    body = {
        "customer_id": str(customer_id),
        "host_staff_id": str(host_id),
        "arrives_at": "2026-03-12T09:00:00+08:00",
        "departs_at": "2026-03-14T17:00:00+08:00",
        "arrangements": ["lodging", "appointments", "return_ticket"],
        **overrides,
    }
    return await feedback.client.post("/v1/receptions", json=body, headers=feedback.auth("agent"))


async def _receptions(feedback):
    r = await feedback.client.get(
        "/v1/receptions", params={"limit": 100}, headers=feedback.auth("agent")
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_a_visitor_is_hosted_and_bad_input_changes_nothing(start_service, desk_for):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        host = await _host(feedback)
        customer = _customer()
        # A visitor feedback has not heard of yet is received by intake's id; the name follows
        # when a ticket of theirs arrives.
        r = await _receive(feedback, customer.id, host["id"], arrangements=["lodging"])
        assert r.status_code == 201, r.text
        reception = r.json()
        assert r.headers["location"] == f"/v1/receptions/{reception['id']}"
        assert (reception["host_name"], reception["customer_name"]) == ("Wang Fang", None)
        assert reception["arrangements"] == ["lodging"]
        departs = datetime.fromisoformat(reception["departs_at"])
        assert departs == datetime(2026, 3, 14, 9, 0, tzinfo=UTC)

        stranger = await _receive(feedback, customer.id, uuid.uuid4())
        assert stranger.status_code == 422, stranger.text
        assert stranger.headers["content-type"] == "application/problem+json"
        backwards = await _receive(
            feedback,
            customer.id,
            host["id"],
            arrives_at="2026-03-14T09:00:00+08:00",
            departs_at="2026-03-12T09:00:00+08:00",
        )
        assert backwards.status_code == 422, backwards.text
        unknown = await _receive(feedback, customer.id, host["id"], arrangements=["golf"])
        assert unknown.status_code == 422
        crm = await feedback.client.post(
            "/v1/receptions",
            json={
                "customer_id": str(customer.id),
                "host_staff_id": host["id"],
                "arrives_at": "2026-03-12T09:00:00+08:00",
                "departs_at": "2026-03-14T17:00:00+08:00",
            },
            headers=feedback.auth("crm", tenant_id="acme"),
        )
        assert crm.status_code == 403
        assert [x["id"] for x in await _receptions(feedback)] == [reception["id"]]

        await _ticket(feedback, desk, customer)
        got = await feedback.client.get(
            f"/v1/receptions/{reception['id']}", headers=feedback.auth("agent")
        )
        assert got.json()["customer_name"] == "Guangzhou Fleet Ltd"
        missing = await feedback.client.get(
            f"/v1/receptions/{uuid.uuid4()}", headers=feedback.auth("agent")
        )
        assert missing.status_code == 404
        by_host = await feedback.client.get(
            "/v1/receptions",
            params={"host_staff_id": str(uuid.uuid4())},
            headers=feedback.auth("agent"),
        )
        assert by_host.json()["items"] == []


async def test_a_substantiated_reception_complaint_fines_the_host_once(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback", reception_penalty=30_000) as feedback:
        desk = desk_for(feedback)
        agent = feedback.auth("agent")
        host = await _host(feedback)
        other = await _host(feedback, name="Zhao Lei")
        visitor, someone_else = _customer(), _customer(name="Chen")
        reception = (await _receive(feedback, visitor.id, host["id"])).json()
        complaint_ticket = await _ticket(feedback, desk, visitor, kind="complaint")
        repair_ticket = await _ticket(feedback, desk, visitor)
        others_ticket = await _ticket(feedback, desk, someone_else, kind="complaint")

        async def complain(ticket_id, **fields):
            body = {
                "ticket_id": str(ticket_id),
                "text": "nobody met us at the station",
                "reception_id": reception["id"],
                **fields,
            }
            return await feedback.client.post("/v1/complaints", json=body, headers=agent)

        for refused in (
            await complain(repair_ticket),
            await complain(others_ticket),
            await complain(complaint_ticket, staff_id=other["id"]),
            await complain(complaint_ticket, reception_id=str(uuid.uuid4())),
        ):
            assert refused.status_code == 422, refused.text
        before = await desk.complaints_of(complaint_ticket)  # the ticket's own complaint

        r = await complain(complaint_ticket)
        assert r.status_code == 201, r.text
        complaint = r.json()
        assert (complaint["reception_id"], complaint["staff_id"]) == (reception["id"], host["id"])
        assert len(await desk.complaints_of(complaint_ticket)) == len(before) + 1
        assert await desk.complaints_of(repair_ticket) == []

        resolved = await feedback.client.post(
            f"/v1/complaints/{complaint['id']}/resolve",
            json={"substantiated": True, "resolution": "the host forgot the pick-up"},
            headers=agent,
        )
        assert resolved.status_code == 200, resolved.text
        detail = (
            await feedback.client.get(f"/v1/staff/{host['id']}", headers=feedback.auth("admin"))
        ).json()
        [fine] = detail["fines"]
        assert (fine["amount"], fine["currency"], fine["reception_id"]) == (
            30_000,
            "CNY",
            reception["id"],
        )
        assert fine["complaint_id"] == complaint["id"] and fine["reason"] == "reception"
        # A conduct complaint (the default) is a strike besides: the first, a warning.
        assert [s["action"] for s in detail["strikes"]] == ["warning"]
        other_detail = await feedback.client.get(
            f"/v1/staff/{other['id']}", headers=feedback.auth("admin")
        )
        assert other_detail.json()["fines"] == []

        await drained(feedback)
        fined = await read_events(
            infrastructure.broker_url, "feedback.staff.fined.v1", after=feedback
        )
        [event] = [e.data for e in fined if e.data.staff_id == uuid.UUID(host["id"])]
        assert (event.amount.amount, event.reception_id, event.role) == (
            30_000,
            uuid.UUID(reception["id"]),
            "host",
        )


async def test_an_unsubstantiated_reception_complaint_fines_nobody(start_service, desk_for):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        host = await _host(feedback)
        visitor = _customer()
        reception = (await _receive(feedback, visitor.id, host["id"])).json()
        ticket_id = await _ticket(feedback, desk, visitor, kind="complaint")
        r = await feedback.client.post(
            "/v1/complaints",
            json={
                "ticket_id": str(ticket_id),
                "text": "the hotel was far",
                "reception_id": reception["id"],
                "category": "other",
            },
            headers=desk.agent,
        )
        assert r.status_code == 201, r.text
        await feedback.client.post(
            f"/v1/complaints/{r.json()['id']}/resolve",
            json={"substantiated": False, "resolution": "the hotel was the customer's choice"},
            headers=desk.agent,
        )
        detail = await feedback.client.get(f"/v1/staff/{host['id']}", headers=feedback.auth())
        assert detail.json()["fines"] == [] and detail.json()["strikes"] == []


async def _plan(feedback, first_visit_on, level="ordinary"):
    r = await feedback.client.post(
        "/v1/care-plans",
        json={
            "customer_id": str(uuid.uuid4()),
            "customer_name": "Key Customer",
            "level": level,
            "staff": "Liu",
            "first_visit_on": first_visit_on.isoformat(),
        },
        headers=feedback.auth("agent"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def _late_events(infrastructure, feedback, plan_id):
    events = await read_events(
        infrastructure.broker_url, "feedback.visit.overdue.v1", after=feedback
    )
    return [e.data for e in events if str(e.data.plan_id) == plan_id]


async def test_a_late_planned_visit_is_published_once_by_whichever_replica_comes_first(
    start_service, infrastructure
):
    clock = SettableClock(START)
    today = date(2026, 3, 10)
    async with (
        start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as one,
        start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as two,
    ):
        late = await _plan(one, today)
        visited = await _plan(one, today, level="senior")
        r = await one.client.post(
            f"/v1/care-plans/{visited['id']}/visits",
            json={"visited_on": today.isoformat(), "staff": "Liu"},
            headers=one.auth("agent"),
        )
        assert r.json()["next_due_on"] == "2026-09-10"
        # On its due day a visit is not late yet (23:59 in Shanghai).
        clock.set(datetime(2026, 3, 10, 15, 59, tzinfo=UTC))
        assert await report_late_visits(one.db, one.app.state.policy) == 0

        clock.set(datetime(2026, 3, 10, 16, 0, tzinfo=UTC))  # 00:00 on the 11th in Shanghai
        counts = await asyncio.gather(
            *(report_late_visits(svc.db, svc.app.state.policy) for svc in (one, two, one, two))
        )
        assert sum(counts) == 1
        clock.advance(timedelta(days=3))
        assert await report_late_visits(two.db, two.app.state.policy) == 0
        clock.set(START)  # the clock going back and forth reports nothing again
        clock.set(datetime(2026, 3, 20, tzinfo=UTC))
        assert await report_late_visits(one.db, one.app.state.policy) == 0
        await drained(one)
        await drained(two)
        [event] = await _late_events(infrastructure, one, late["id"])
        assert (event.due_on, event.level, event.purpose) == (today, "ordinary", "care")
        assert event.noticed_at == datetime(2026, 3, 10, 16, 0, tzinfo=UTC)
        assert await _late_events(infrastructure, one, visited["id"]) == []
        got = await one.client.get(f"/v1/care-plans/{late['id']}", headers=one.auth("agent"))
        assert got.json()["late"] and got.json()["due"]

        # Visited late, the plan moves on; its next visit, missed, is reported once in turn.
        await one.client.post(
            f"/v1/care-plans/{late['id']}/visits",
            json={"visited_on": "2026-03-20", "staff": "Liu"},
            headers=one.auth("agent"),
        )
        clock.set(datetime(2026, 4, 21, 2, 0, tzinfo=UTC))
        counts = await asyncio.gather(
            report_late_visits(one.db, one.app.state.policy),
            report_late_visits(two.db, two.app.state.policy),
        )
        assert sorted(counts) == [0, 1]
        await drained(one)
        events = await _late_events(infrastructure, one, late["id"])
        assert [e.due_on for e in events] == [today, date(2026, 4, 20)]


async def test_the_background_watch_reports_a_late_visit_once(start_service, infrastructure):
    """Two replicas, each with its own loop, on the same clock."""
    clock = SettableClock(START)
    often = {"watch_poll_seconds": 0.2}
    async with (
        start_service("feedback", clock=clock, **often) as one,
        start_service("feedback", clock=clock, **often),
    ):
        plan = await _plan(one, date(2026, 3, 10))
        clock.set(datetime(2026, 3, 11, 2, 0, tzinfo=UTC))

        async def reported():
            return await _late_events(infrastructure, one, plan["id"])

        await eventually(reported)
        await drained(one)
        assert len(await reported()) == 1


async def test_a_direct_customer_gets_one_usage_tracking_plan(
    start_service, desk_for, infrastructure
):
    clock = SettableClock(START)
    async with start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as feedback:
        desk = desk_for(feedback)
        agent = feedback.auth("agent")
        direct, consumer, untyped = _customer("direct"), _customer("consumer"), _customer()
        for customer in (direct, direct, consumer, untyped):
            await _ticket(feedback, desk, customer)

        async def plans(customer_id):
            r = await feedback.client.get(
                "/v1/care-plans",
                params={"customer_id": str(customer_id), "purpose": "usage_tracking"},
                headers=agent,
            )
            return r.json()["items"]

        [plan] = await plans(direct.id)
        assert (plan["purpose"], plan["level"], plan["cadence_months"]) == (
            "usage_tracking",
            "ordinary",
            1,
        )
        assert plan["next_due_on"] == "2026-04-10" and plan["customer_name"] == direct.name
        assert await plans(consumer.id) == [] and await plans(untyped.id) == []
        # A customer first heard of untyped and later said to be direct gets one then.
        await _ticket(feedback, desk, untyped.model_copy(update={"type": "direct"}))
        assert len(await plans(untyped.id)) == 1

        # Its tracking visit, not made by its day, is published like any planned visit.
        clock.set(datetime(2026, 4, 11, 2, 0, tzinfo=UTC))
        assert await report_late_visits(feedback.db, feedback.app.state.policy) == 2
        await drained(feedback)
        [event] = await _late_events(infrastructure, feedback, plan["id"])
        assert (event.purpose, event.customer_id) == ("usage_tracking", direct.id)
