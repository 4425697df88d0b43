import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select

from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import make_point, make_technician, make_ticket, read_events
from dispatch.adapters.tables.timers import SlaTimerRow


async def test_a_job_is_offered_to_the_better_graded_point_and_says_why(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        b, _ = await flow.point_with_technician(code="P-B")
        a, _ = await flow.point_with_technician(code="P-A")
        await flow.grade(a, "A")
        await flow.grade(b, "B")

        async def graded():
            r = await dispatch.client.get(f"/v1/points/{a['id']}", headers=flow.agent)
            return r.json()["grade"] == "A"

        await eventually(graded)
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == a["id"]
        assert job["attempt"] == 1 and job["offer_expires_at"]
        assert "better grade" in job["status_reason"] and "P-B" in job["status_reason"]
        outcomes = [(c["code"], c["outcome"]) for c in job["routing"]["candidates"]]
        assert outcomes == [("P-A", "chosen"), ("P-B", "eligible")]


async def test_region_category_skill_and_activity_all_must_match(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        await flow.point_with_technician(code="OTHER-REGION", regions=["310115"])
        await flow.point_with_technician(code="OTHER-CATEGORY", categories=["fridge"])
        await make_point(dispatch, code="NO-TECHNICIANS")
        unskilled = await make_point(dispatch, code="UNSKILLED")
        await make_technician(dispatch, unskilled["id"], skills=["fridge"])
        inactive, _ = await flow.point_with_technician(code="INACTIVE")
        await dispatch.client.patch(
            f"/v1/points/{inactive['id']}", json={"active": False}, headers=dispatch.auth("admin")
        )
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="unrouted")
        assert (
            "no network point serves region 440305 for category washing_machine"
            in (job["status_reason"])
        )

        # The agent routes it by hand.
        r = await flow.post(job, "route", {"point_id": inactive["id"]})
        assert r.status_code == 422
        r = await flow.post(job, "route", {"point_id": unskilled["id"], "note": "nearest shop"})
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "offered" and r.json()["point_id"] == unskilled["id"]
        assert (
            "by hand" in r.json()["status_reason"] and "nearest shop" in r.json()["status_reason"]
        )
        crm = await flow.post(job, "route", {}, headers=dispatch.auth("crm", tenant_id="acme"))
        assert crm.status_code == 403


async def test_a_full_day_or_a_holiday_sends_the_job_elsewhere(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        full, _ = await flow.point_with_technician(code="P-1", daily_capacity=1)
        closed, _ = await flow.point_with_technician(code="P-2", daily_capacity=5)
        spare, _ = await flow.point_with_technician(code="P-3", daily_capacity=5)
        await flow.grade(spare, "C")
        today_and_more = {
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "daily_capacity": 0,
            "reason": "closed for renovation",
        }
        r = await dispatch.client.post(
            f"/v1/points/{closed['id']}/capacity-overrides", json=today_and_more, headers=flow.agent
        )
        assert r.status_code == 201
        await eventually(lambda: _grade_is(dispatch, spare, "C"))

        first = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
        assert first["point_id"] == full["id"]  # P-1: ungraded (like B) beats P-3 (C)
        second = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
        assert second["point_id"] == spare["id"]
        outcomes = {c["code"]: c["outcome"] for c in second["routing"]["candidates"]}
        assert outcomes == {"P-1": "full", "P-2": "full", "P-3": "chosen"}


async def _grade_is(dispatch, point, grade):
    r = await dispatch.client.get(f"/v1/points/{point['id']}", headers=dispatch.auth())
    return r.json()["grade"] == grade


async def test_a_rejection_moves_the_job_to_the_next_point_until_none_is_left(
    start_service, flow_for, infrastructure
):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        # intake's test customers live in region 310115 and own air conditioners
        shanghai = {"regions": ["310115"], "categories": ["air_conditioner"]}
        first, _ = await flow.point_with_technician(code="P-1", **shanghai)
        second, _ = await flow.point_with_technician(code="P-2", **shanghai)
        ticket = await make_ticket(intake)
        job = await flow.job_of(ticket["id"], status="offered")
        assert job["point_id"] == first["id"]

        other = flow.point_auth(second)
        assert (
            await flow.post(job, "reject", {"reason": "busy"}, headers=other)
        ).status_code == 404
        assert (
            await flow.post(job, "reject", {}, headers=flow.point_auth(first))
        ).status_code == 422
        r = await flow.post(
            job, "reject", {"reason": "no spare parts"}, headers=flow.point_auth(first)
        )
        assert r.status_code == 200, r.text
        assert r.json()["point_id"] == second["id"] and r.json()["attempt"] == 2

        # The first point no longer sees the job.
        gone = await dispatch.client.get(f"/v1/jobs/{job['id']}", headers=flow.point_auth(first))
        assert gone.status_code == 404

        r = await flow.post(job, "reject", {"reason": "too far"}, headers=flow.point_auth(second))
        assert r.json()["status"] == "unrouted"
        assert "2 declined" in r.json()["status_reason"]

        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        offers = [(o["point_id"], o["outcome"], o["reason"]) for o in history.json()["offers"]]
        assert offers == [
            (first["id"], "declined", "no spare parts"),
            (second["id"], "declined", "too far"),
        ]

        async def ticket_heard_it():
            r = await intake.client.get(
                f"/v1/tickets/{ticket['id']}/timeline", headers=intake.auth()
            )
            events = [e["event"] for e in r.json()["entries"]]
            done = events.count("dispatch.job.offer_declined.v1") == 2
            return done and "dispatch.job.unrouted.v1" in events and events

        events = await eventually(ticket_heard_it)
        assert events.count("dispatch.job.routed.v2") == 2
        assert events[-1] == "dispatch.job.unrouted.v1"
        declined = await read_events(
            infrastructure.broker_url, "dispatch.job.offer_declined.v1", after=dispatch
        )
        assert [e.data.reason for e in declined] == ["no spare parts", "too far"]


async def test_accepting_twice_or_after_a_reroute_is_a_conflict(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _ = await flow.point_with_technician()
        job = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
        mine = flow.point_auth(point)
        ok = await flow.post(job, "accept", headers=mine)
        assert ok.status_code == 200 and ok.json()["status"] == "accepted"
        again = await flow.post(job, "accept", headers=mine)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/illegal-transition")
        assert (await flow.post(job, "reject", {"reason": "x"}, headers=mine)).status_code == 409
        assert (await flow.post(job, "route", {})).status_code == 409


async def test_an_offer_nobody_answers_expires_once_and_goes_to_the_next_point(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, timer_poll_seconds=0.1) as dispatch:
        flow = flow_for(dispatch)
        slow, _ = await flow.point_with_technician(code="P-1")
        quick, _ = await flow.point_with_technician(code="P-2")
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == slow["id"]
        expires = datetime.fromisoformat(job["offer_expires_at"])
        assert expires == clock.now() + dispatch.app.state.policy.offer_timeout
        clock.set(expires + timedelta(seconds=1))
        moved = await eventually(lambda: _job_at(flow, job, quick["id"]))
        assert moved["attempt"] == 2
        ok = await flow.post(moved, "accept", headers=flow.point_auth(quick))
        assert ok.status_code == 200
        # Accepting settled the second offer's clock: once no accept clock of the job is
        # pending and every staged event is published, no breach can still come.
        await eventually(lambda: _no_pending_clock(dispatch, job["id"], "accept"))
        await drained(dispatch)

        breaches = await read_events(
            infrastructure.broker_url, "dispatch.sla.breached.v1", after=dispatch
        )
        mine = [b for b in breaches if b.data.job_id == uuid.UUID(job["id"])]
        assert [(b.data.sla, str(b.data.point_id)) for b in mine] == [("accept", slow["id"])]
        declined = await read_events(
            infrastructure.broker_url, "dispatch.job.offer_declined.v1", after=dispatch
        )
        assert [(d.data.expired, str(d.data.point_id)) for d in declined] == [(True, slow["id"])]


async def _no_pending_clock(dispatch, job_id, kind):
    async with dispatch.db.uow() as uow:
        pending = await uow.session.scalar(
            select(func.count())
            .select_from(SlaTimerRow)
            .where(
                SlaTimerRow.job_id == uuid.UUID(job_id),
                SlaTimerRow.kind == kind,
                SlaTimerRow.state == "pending",
            )
        )
    return pending == 0


async def _job_at(flow, job, point_id):
    current = await flow.get(job)
    return current if current["point_id"] == point_id else None
