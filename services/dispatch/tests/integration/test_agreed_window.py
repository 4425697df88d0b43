"""The slot agreed with the customer (section 4.2.1): once a window is agreed, a booking outside
it is refused (422 naming it), but for a reschedule the customer asked for; a window agreed
after the booking sends a booking outside it back to the point, and leaves one inside it be."""

import uuid
from datetime import datetime, timedelta

from aftersales.events import Envelope, Window, intake
from aftersales_testing.apps import eventually, handled
from aftersales_testing.factories import publish_raw, read_events, soon


def booking(tech, start, end, **extra):
    return {
        "technician_id": tech["id"],
        "appointment": {"start": start.isoformat(), "end": end.isoformat()},
        **extra,
    }


async def agree(flow, ticket_id, start: datetime, end: datetime, *, agreed_at: datetime):
    data = intake.TicketWindowAgreed(
        ticket_id=ticket_id,
        number="SR-2026-0000001",
        window=Window(start=start, end=end),
        agreed_by="agent:alice",
        agreed_at=agreed_at,
    )
    env = Envelope.wrap(data, source="intake", aggregate_id=ticket_id, aggregate_version=3)
    await publish_raw(flow.nats_url, env)
    return env


async def test_a_booking_outside_the_agreed_window_is_refused_but_the_customer_may_move_it(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, tech = await flow.point_with_technician()
        window = Window(start=soon(2), end=soon(6))
        env = await flow.ticket(preferred_window=window, window_agreed=True)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["window_agreed"] is True
        [routed] = await read_events(
            infrastructure.broker_url, "dispatch.job.routed.v2", after=dispatch
        )
        assert routed.data.window_agreed is True
        mine = flow.point_auth(point)
        accepted = (await flow.post(job, "accept", headers=mine)).json()

        late = await flow.post(job, "assign", booking(tech, soon(7), soon(8)), headers=mine)
        assert late.status_code == 422, late.text
        problem = late.json()
        assert "agreed with the customer" in problem["detail"]
        assert problem["agreed_window"]["start"] == window.start.isoformat()
        assert window.start.isoformat() in problem["detail"]
        unchanged = await flow.get(job)
        assert unchanged["status"] == "accepted" and unchanged["version"] == accepted["version"]

        first = await flow.post(job, "assign", booking(tech, soon(3), soon(5)), headers=mine)
        assert first.status_code == 200, first.text
        # A reschedule for the point's own reasons stays inside the window...
        moved_by_point = booking(tech, soon(7), soon(9), reason_code="technician_unavailable")
        r = await flow.post(job, "assign", moved_by_point, headers=mine)
        assert r.status_code == 422 and "customer_request" in r.json()["detail"]
        # ...one the customer asked for may leave it, and is the window from then on.
        start, end = soon(26), soon(28)
        asked = booking(tech, start, end, reason_code="customer_request")
        r = await flow.post(job, "assign", asked, headers=mine)
        assert r.status_code == 200, r.text
        moved = r.json()
        assert moved["appointment"] == moved["preferred_window"]
        assert datetime.fromisoformat(moved["preferred_window"]["start"]) == start
        back = booking(tech, soon(3), soon(5), reason_code="technician_unavailable")
        r = await flow.post(job, "assign", back, headers=mine)
        assert r.status_code == 422  # the old window is gone
        scheduled = await read_events(
            infrastructure.broker_url, "dispatch.job.scheduled.v1", after=dispatch
        )
        assert [e.data.rescheduled_reason_code for e in scheduled] == [None, "customer_request"]


async def test_a_window_agreed_after_the_booking_sends_a_booking_outside_it_back_to_the_point(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()  # no window: booked within the hour
        assert job["window_agreed"] is False and job["preferred_window"] is None
        ticket_id = uuid.UUID(job["ticket_id"])
        booked_end = datetime.fromisoformat(job["appointment"]["end"])
        start, end = booked_end + timedelta(hours=3), booked_end + timedelta(hours=6)
        agreed_at = flow.now()
        await agree(flow, ticket_id, start, end, agreed_at=agreed_at)

        unbooked = await flow.job_of(ticket_id, status="accepted")
        assert unbooked["appointment"] is None and unbooked["technician_id"] is None
        assert unbooked["window_agreed"] is True
        assert datetime.fromisoformat(unbooked["preferred_window"]["start"]) == start
        assert "book again inside it" in unbooked["status_reason"]
        sla = await dispatch.client.get(f"/v1/jobs/{job['id']}/sla", headers=flow.agent)
        [arrival] = [t for t in sla.json()["timers"] if t["kind"] == "arrival"]
        assert arrival["state"] == "cancelled"

        async def back_to_the_point():
            changes = await read_events(
                infrastructure.broker_url, "dispatch.job.status_changed.v2", after=dispatch
            )
            return [
                (c.data.previous_status, c.data.status)
                for c in changes
                if str(c.data.job_id) == job["id"]
            ]

        assert ("scheduled", "accepted") in await eventually(back_to_the_point)

        mine = flow.point_auth(point)
        outside = await flow.post(job, "assign", booking(tech, soon(1), soon(2)), headers=mine)
        assert outside.status_code == 422 and "agreed" in outside.json()["detail"]
        inside = booking(tech, start, start + timedelta(hours=2))
        r = await flow.post(job, "assign", inside, headers=mine)
        assert r.status_code == 200, r.text
        version = r.json()["version"]

        # An older agreement arriving late (or the same one again) changes nothing.
        older = await agree(
            flow, ticket_id, soon(1), soon(2), agreed_at=agreed_at - timedelta(minutes=5)
        )
        await handled(dispatch, older)
        same = await agree(flow, ticket_id, start, end, agreed_at=agreed_at)
        await handled(dispatch, same)
        after = await flow.get(job)
        assert after["status"] == "scheduled" and after["version"] == version
        assert datetime.fromisoformat(after["preferred_window"]["start"]) == start


async def test_a_window_agreed_around_the_booking_keeps_it_and_binds_the_next(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        booked_start = datetime.fromisoformat(job["appointment"]["start"])
        booked_end = datetime.fromisoformat(job["appointment"]["end"])
        env = await agree(
            flow,
            uuid.UUID(job["ticket_id"]),
            booked_start - timedelta(minutes=30),
            booked_end + timedelta(minutes=30),
            agreed_at=flow.now(),
        )
        await handled(dispatch, env)
        kept = await flow.get(job)
        assert kept["status"] == "scheduled" and kept["appointment"] == job["appointment"]
        assert kept["window_agreed"] is True
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        assert history.json()["entries"][-1]["action"] == "window_agreed"
        later = booking(
            tech,
            booked_end + timedelta(hours=1),
            booked_end + timedelta(hours=2),
            reason_code="parts_delayed",
        )
        r = await flow.post(job, "assign", later, headers=flow.point_auth(point))
        assert r.status_code == 422 and "agreed" in r.json()["detail"]
