"""What dispatch does with intake's and feedback's events: rework, cancellation, dismissal,
grades — and that two replicas and duplicate deliveries still make one job per ticket."""

import uuid
from datetime import UTC, datetime

from aftersales.events import Envelope, feedback, intake
from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import SIGNATURE, make_technician, publish_raw, soon


async def _complete(flow, job, tech):
    me = flow.tech_auth(tech)
    for status in ("en_route", "on_site"):
        assert (await flow.report(job, status, headers=me)).status_code == 200
    r = await flow.report(job, "resolved_on_site", headers=me, signature=SIGNATURE)
    assert r.status_code == 200, r.text


async def _reopen(flow, job, reason):
    data = intake.TicketReopened(
        ticket_id=uuid.UUID(job["ticket_id"]),
        reason=reason,
        previous_job_id=uuid.UUID(job["id"]),
        reopen_count=job["visit_number"],
        reopened_at=datetime.now(UTC),
    )
    await publish_raw(
        flow.nats_url,
        Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=9),
    )


async def test_rework_goes_to_the_same_point_by_default(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        await flow.point_with_technician(code="AAA-FIRST-BY-CODE")
        await _complete(flow, job, tech)
        await _reopen(flow, job, "not_fixed_first_visit")
        rework = await flow.job_of(job["ticket_id"], visit=2, status="offered")
        assert rework["point_id"] == point["id"]
        assert rework["previous_job_id"] == job["id"]
        assert rework["rework_reason"] == "not_fixed_first_visit"
        assert rework["status_reason"].startswith("rework: back to the point")


async def test_after_bad_attitude_the_point_must_send_another_technician(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        colleague = await make_technician(dispatch, point["id"])
        await _complete(flow, job, tech)
        await _reopen(flow, job, "bad_attitude")
        rework = await flow.job_of(job["ticket_id"], visit=2, status="offered")
        assert rework["point_id"] == point["id"]
        mine = flow.point_auth(point)
        await flow.post(rework, "accept", headers=mine)
        window = {"start": soon(1).isoformat(), "end": soon(2).isoformat()}
        same = await flow.post(
            rework, "assign", {"technician_id": tech["id"], "appointment": window}, headers=mine
        )
        assert same.status_code == 422 and "another technician" in same.json()["detail"]
        other = await flow.post(
            rework,
            "assign",
            {"technician_id": colleague["id"], "appointment": window},
            headers=mine,
        )
        assert other.status_code == 200


async def test_not_fixed_after_several_visits_goes_to_another_point(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        second, _ = await flow.point_with_technician(code="ZZZ-LAST-BY-CODE")
        await _complete(flow, job, tech)
        await _reopen(flow, job, "not_fixed_repeat")
        rework = await flow.job_of(job["ticket_id"], visit=2, status="offered")
        assert rework["point_id"] == second["id"]
        outcomes = {c["point_id"]: c["outcome"] for c in rework["routing"]["candidates"]}
        assert outcomes[point["id"]] == "excluded"
        # A repeated reopen makes no second rework job.
        await _reopen(flow, job, "not_fixed_repeat")
        await drained(dispatch)
        r = await dispatch.client.get(
            "/v1/jobs", params={"ticket_id": job["ticket_id"]}, headers=flow.agent
        )
        assert sorted(j["visit_number"] for j in r.json()["items"]) == [1, 2]


async def test_a_cancelled_ticket_stops_its_job_and_its_clocks(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        data = intake.TicketCancelled(
            ticket_id=uuid.UUID(job["ticket_id"]),
            reason="bought a new one",
            cancelled_at=datetime.now(UTC),
        )
        await publish_raw(
            flow.nats_url,
            Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=3),
        )
        cancelled = await flow.job_of(job["ticket_id"], status="cancelled")
        assert "bought a new one" in cancelled["status_reason"]
        r = await flow.report(job, "en_route", headers=flow.tech_auth(tech))
        assert r.status_code == 409
        timers = await dispatch.client.get(f"/v1/jobs/{job['id']}/sla", headers=flow.agent)
        assert {t["state"] for t in timers.json()["timers"]} <= {"met", "cancelled"}
        assert {t["kind"]: t["state"] for t in timers.json()["timers"]}["arrival"] == "cancelled"


async def test_a_dismissed_technician_gets_no_jobs_and_loses_booked_ones(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        data = feedback.TechnicianDisciplined(
            technician_id=uuid.UUID(tech["id"]),
            point_id=uuid.UUID(point["id"]),
            complaint_id=uuid.uuid4(),
            strike=3,
            action="dismissal",
            decided_at=datetime.now(UTC),
        )
        await publish_raw(
            flow.nats_url,
            Envelope.wrap(
                data, source="feedback", aggregate_id=data.technician_id, aggregate_version=3
            ),
        )
        unassigned = await flow.job_of(job["ticket_id"], status="accepted")
        assert unassigned["technician_id"] is None and unassigned["appointment"] is None
        got = await dispatch.client.get(f"/v1/technicians/{tech['id']}", headers=flow.agent)
        assert got.json()["status"] == "dismissed"
        window = {"start": soon(1).isoformat(), "end": soon(2).isoformat()}
        r = await flow.post(
            job,
            "assign",
            {"technician_id": tech["id"], "appointment": window},
            headers=flow.point_auth(point),
        )
        assert r.status_code == 422 and "dismissed" in r.json()["detail"]
        back = await dispatch.client.patch(
            f"/v1/technicians/{tech['id']}", json={"active": True}, headers=flow.agent
        )
        assert back.status_code == 409
        # With its only technician gone, the point gets no new washing-machine jobs.
        env = await flow.ticket()
        fresh = await flow.job_of(env.data.ticket_id)
        assert fresh["status"] == "unrouted"


async def test_an_older_months_grade_arriving_late_changes_nothing(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _ = await flow.point_with_technician()
        await flow.grade(point, "A", month="2026-10")
        await flow.grade(point, "D", month="2026-09")
        await flow.grade(point, "B", month="2026-10")  # a re-run of October

        async def settled():
            r = await dispatch.client.get(f"/v1/points/{point['id']}", headers=flow.agent)
            return r.json()["version"] == 3 and r.json()

        got = await eventually(settled)
        assert (got["grade"], got["grade_month"]) == ("B", "2026-10")


async def test_two_replicas_and_duplicate_deliveries_route_each_ticket_exactly_once(
    start_service, flow_for
):
    small_batches = {"consumer_batch": 5}
    async with (
        start_service("dispatch", **small_batches) as one,
        start_service("dispatch", **small_batches) as two,
    ):
        flow = flow_for(one)
        await flow.point_with_technician(daily_capacity=500)
        tickets = []
        for _ in range(60):
            env = await flow.ticket()
            tickets.append(str(env.data.ticket_id))
            # the same event delivered again, as after a lost ack (another message id)
            await publish_raw(flow.nats_url, env, msg_id=str(uuid.uuid4()))

        async def all_routed():
            r = await one.client.get("/v1/jobs", params={"limit": 100}, headers=flow.agent)
            items = r.json()["items"]
            return len(items) >= 60 and items

        jobs = await eventually(all_routed, timeout=60)
        await drained(one)  # every copy handled, by whichever replica got it
        r = await two.client.get("/v1/jobs", params={"limit": 100}, headers=flow.agent)
        jobs = r.json()["items"]
        assert sorted(j["ticket_id"] for j in jobs) == sorted(tickets)
        assert {j["status"] for j in jobs} == {"offered"}
        assert {j["attempt"] for j in jobs} == {1}
        processed = [
            sum(r.outcomes["processed"] for r in replica.app.state.runners)
            for replica in (one, two)
        ]
        assert sum(processed) == 60
        assert all(n > 0 for n in processed), processed  # both replicas took a share
