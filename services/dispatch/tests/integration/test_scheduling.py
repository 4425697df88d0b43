from datetime import UTC, datetime, timedelta

from aftersales.events import Window
from aftersales_testing.factories import make_technician, read_events, soon


def booking(tech, start_h=1.0, end_h=3.0, **extra):
    return {
        "technician_id": tech["id"],
        "appointment": {"start": soon(start_h).isoformat(), "end": soon(end_h).isoformat()},
        **extra,
    }


async def test_a_point_books_a_skilled_technician_of_its_own_inside_the_preferred_window(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, tech = await flow.point_with_technician()
        other_point, stranger = await flow.point_with_technician(
            code="ELSEWHERE", regions=["310115"]
        )
        fridge_only = await make_technician(dispatch, point["id"], skills=["fridge"])
        preferred = Window(start=soon(2), end=soon(8))
        env = await flow.ticket(preferred_window=preferred)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        mine = flow.point_auth(point)
        early = await flow.post(job, "assign", booking(tech), headers=mine)
        assert early.status_code == 409  # not accepted yet
        await flow.post(job, "accept", headers=mine)

        for who, why in ((stranger, "belong"), (fridge_only, "skilled")):
            r = await flow.post(job, "assign", booking(who, 3, 5), headers=mine)
            assert r.status_code == 422 and why in r.json()["detail"], r.text
        outside = await flow.post(job, "assign", booking(tech, 1, 3), headers=mine)
        assert outside.status_code == 422 and "preferred" in outside.json()["detail"]
        backwards = await flow.post(job, "assign", booking(tech, 4, 3), headers=mine)
        assert backwards.status_code == 422

        r = await flow.post(job, "assign", booking(tech, 3, 5), headers=mine)
        assert r.status_code == 200, r.text
        booked = r.json()
        assert booked["status"] == "scheduled" and booked["technician_id"] == tech["id"]

        again = await flow.post(job, "assign", booking(tech, 4, 6), headers=mine)
        assert again.status_code == 422 and "reason" in again.json()["detail"]
        moved = await flow.post(
            job, "assign", booking(tech, 4, 6, reason="customer asked for later"), headers=mine
        )
        assert moved.status_code == 200
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        actions = [(e["action"], e["note"]) for e in history.json()["entries"]]
        assert ("rescheduled", "customer asked for later") in actions

        scheduled = await read_events(
            infrastructure.broker_url, "dispatch.job.scheduled.v1", after=dispatch
        )
        assert [e.data.rescheduled_reason for e in scheduled] == [None, "customer asked for later"]
        assert other_point["id"] != point["id"]


async def test_capacity_counts_the_booked_jobs_of_the_appointment_day(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, tech = await flow.point_with_technician(daily_capacity=2)
        mine = flow.point_auth(point)
        jobs = []
        for _ in range(2):
            job = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
            await flow.post(job, "accept", headers=mine)
            jobs.append(job)
        # Both hold today's two slots; booking one of them for a day next week frees one.
        next_week = booking(tech, 24 * 7, 24 * 7 + 2)
        r = await flow.post(jobs[0], "assign", next_week, headers=mine)
        assert r.status_code == 200, r.text
        third = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
        assert third["point_id"] == point["id"]
        await flow.post(third, "accept", headers=mine)
        # Next week's day now has one job; a second fits, a third does not.
        assert (await flow.post(jobs[1], "assign", next_week, headers=mine)).status_code == 200
        full = await flow.post(third, "assign", next_week, headers=mine)
        assert full.status_code == 409 and "fully booked" in full.json()["detail"]
        day = datetime.fromisoformat(next_week["appointment"]["start"]).astimezone(UTC)
        cal = await dispatch.client.get(
            f"/v1/points/{point['id']}/capacity",
            params={"from": (day - timedelta(days=1)).date().isoformat()},
            headers=mine,
        )
        assert max(d["booked"] for d in cal.json()["days"]) == 2
