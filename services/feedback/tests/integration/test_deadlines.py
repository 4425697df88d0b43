"""Feedback's deadlines, reached by moving the service's clock: a complaint's reply (24 hours)
and resolution (30 days), a callback's due time (48 hours after the job), and a month's end
before it is graded. Each missed deadline is reported once, whichever replica notices, and
however the clock moves afterwards."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import read_events
from feedback.adapters.tables import CallbackRow, ComplaintRow
from feedback.use_cases.centre import report_overdue_callbacks
from feedback.use_cases.complaints import report_overdue

# 10:00 in Shanghai, the network's time zone, on 10 March 2026.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
# The scanners run when a test calls them: the background pass waits an hour.
SCANNED_BY_THE_TEST = {"watch_poll_seconds": 3600}


async def _complaint(feedback, desk, text):
    ticket = await desk.ticket()
    r = await feedback.client.post(
        "/v1/complaints",
        json={"ticket_id": str(ticket.data.ticket_id), "text": text},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    return r.json()


async def _overdue(broker_url, feedback, subject, key, wanted):
    """The overdue events of ``subject`` about ``wanted`` (a complaint's or callback's id)."""
    events = await read_events(broker_url, subject, after=feedback)
    return [e.data for e in events if str(getattr(e.data, key)) == wanted]


async def test_missed_complaint_deadlines_are_reported_once_each_and_listed(
    start_service, desk_for, infrastructure
):
    """Two replicas watch the deadlines on the same clock, each with its own loop."""
    clock = SettableClock(START)
    often = {"watch_poll_seconds": 0.2}
    async with (
        start_service("feedback", clock=clock, **often) as feedback,
        start_service("feedback", clock=clock, **often),
    ):
        desk = desk_for(feedback)
        missed = await _complaint(feedback, desk, "no show")
        answered = await _complaint(feedback, desk, "late")
        assert datetime.fromisoformat(missed["reply_by"]) == START + timedelta(hours=24)
        assert datetime.fromisoformat(missed["resolve_by"]) == START + timedelta(days=30)
        reply = await feedback.client.post(
            f"/v1/complaints/{answered['id']}/reply",
            json={"text": "we are sorry"},
            headers=desk.agent,
        )
        assert reply.json()["status"] == "replied"
        again = await feedback.client.post(
            f"/v1/complaints/{answered['id']}/reply", json={"text": "twice"}, headers=desk.agent
        )
        assert again.status_code == 409

        async def reported(n):
            events = await read_events(
                infrastructure.broker_url, "feedback.complaint.overdue.v1", after=feedback
            )
            return len(events) >= n and events

        clock.advance(timedelta(hours=24, minutes=1))
        [late_reply] = [e.data for e in await eventually(lambda: reported(1))]
        assert (str(late_reply.complaint_id), late_reply.deadline) == (missed["id"], "reply")
        assert late_reply.noticed_at == START + timedelta(hours=24, minutes=1)
        got = await feedback.client.get(f"/v1/complaints/{missed['id']}", headers=desk.agent)
        assert got.json()["reply_overdue"] and not got.json()["resolve_overdue"]

        clock.set(START + timedelta(days=30, minutes=1))
        await eventually(lambda: reported(3))
        # A deadline is marked reported in the transaction that stages its event, and a pass
        # takes only unmarked ones: with every event published, no further one can come.
        await drained(feedback)
        events = await read_events(
            infrastructure.broker_url, "feedback.complaint.overdue.v1", after=feedback
        )
        assert sorted((str(e.data.complaint_id), e.data.deadline) for e in events) == sorted(
            [(missed["id"], "reply"), (missed["id"], "resolve"), (answered["id"], "resolve")]
        )
        listed = await feedback.client.get(
            "/v1/complaints", params={"overdue_only": "true"}, headers=desk.agent
        )
        assert len(listed.json()["items"]) == 2
        got = await feedback.client.get(f"/v1/complaints/{missed['id']}", headers=desk.agent)
        assert got.json()["reply_overdue"] and got.json()["resolve_overdue"]


async def test_a_complaint_deadline_is_reported_once_however_the_clock_moves(
    start_service, desk_for, infrastructure
):
    clock = SettableClock(START)
    async with start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as feedback:
        desk = desk_for(feedback)
        complaint = await _complaint(feedback, desk, "nobody called back")

        async def overdue(deadline):
            found = await _overdue(
                infrastructure.broker_url,
                feedback,
                "feedback.complaint.overdue.v1",
                "complaint_id",
                complaint["id"],
            )
            return [e.noticed_at for e in found if e.deadline == deadline]

        for deadline, past_it in (
            ("reply", timedelta(hours=24, minutes=1)),
            ("resolve", timedelta(days=30, minutes=1)),
        ):
            fired_at = START + past_it
            clock.set(fired_at)
            await report_overdue(feedback.db)
            await eventually(lambda d=deadline: overdue(d))  # the event is in the stream
            clock.set(START)  # back before every deadline: nothing is due
            await report_overdue(feedback.db)
            clock.set(fired_at + timedelta(hours=6))  # and past it again
            await report_overdue(feedback.db)
            await drained(feedback)
            assert await overdue(deadline) == [fired_at], deadline

        async with feedback.db.sessionmaker() as s:
            row = await s.get(ComplaintRow, uuid.UUID(complaint["id"]))
        assert row is not None
        assert row.reply_overdue_at == START + timedelta(hours=24, minutes=1)
        assert row.resolve_overdue_at == START + timedelta(days=30, minutes=1)


async def test_a_late_callback_counts_against_the_centre_not_the_point(
    start_service, desk_for, infrastructure
):
    clock = SettableClock(START)
    async with start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as fb:
        desk = desk_for(fb)
        ticket = await desk.ticket()
        job = await desk.complete(ticket.data.ticket_id)  # now, on feedback's clock
        callback = await desk.callback_of(job.job_id)
        assert datetime.fromisoformat(callback["due_at"]) == START + timedelta(hours=48)

        clock.advance(timedelta(hours=47))
        await report_overdue_callbacks(fb.db)
        await drained(fb)
        assert (
            await read_events(infrastructure.broker_url, "feedback.callback.overdue.v1", after=fb)
            == []
        )
        listed = await fb.client.get(
            "/v1/callbacks", params={"status": "overdue"}, headers=desk.agent
        )
        assert listed.json()["items"] == []

        clock.advance(timedelta(hours=1, minutes=1))
        await report_overdue_callbacks(fb.db)

        async def overdue():
            return await _overdue(
                infrastructure.broker_url,
                fb,
                "feedback.callback.overdue.v1",
                "callback_id",
                callback["id"],
            )

        [event] = await eventually(overdue)
        assert event.point_id == desk.point_id
        listed = await fb.client.get(
            "/v1/callbacks", params={"status": "overdue"}, headers=desk.agent
        )
        assert [c["id"] for c in listed.json()["items"]] == [callback["id"]]
        assert listed.json()["items"][0]["overdue"] is True
        r = await desk.result(callback, reached=True, outcome="satisfied", score=5)
        assert r.status_code == 200
        month = "2026-03"
        centre = await fb.client.get(
            "/v1/scorecards/centre", params={"month": month}, headers=desk.agent
        )
        assert centre.status_code == 200, centre.text
        card = centre.json()
        assert (card["callbacks"], card["done"], card["overdue"], card["done_in_time"]) == (
            1,
            1,
            1,
            0,
        )
        assert card["callback_on_time_rate"] == 0
        assert card["answers"] == "/v1/reports/centre?month=2026-03"  # intake's record
        points = await fb.client.get("/v1/scorecards", params={"month": month}, headers=desk.agent)
        [point] = points.json()["items"]
        assert point["satisfaction_rate"] == 1.0  # the point did its job; the lateness is ours
        bad = await fb.client.get(
            "/v1/scorecards/centre", params={"month": "2026-13"}, headers=desk.agent
        )
        assert bad.status_code == 422
        assert (
            await fb.client.get(
                "/v1/scorecards/centre",
                params={"month": month},
                headers=fb.auth("point", point_id=desk.point_id),
            )
        ).status_code == 403


async def test_a_late_callback_is_reported_once_however_the_clock_moves(
    start_service, desk_for, infrastructure
):
    clock = SettableClock(START)
    async with start_service("feedback", clock=clock, **SCANNED_BY_THE_TEST) as fb:
        desk = desk_for(fb)
        ticket = await desk.ticket()
        callback = await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)

        async def overdue():
            return await _overdue(
                infrastructure.broker_url,
                fb,
                "feedback.callback.overdue.v1",
                "callback_id",
                callback["id"],
            )

        fired_at = clock.advance(timedelta(hours=48, minutes=1))
        await report_overdue_callbacks(fb.db)
        await eventually(overdue)
        clock.set(START)  # back before the due time
        await report_overdue_callbacks(fb.db)
        clock.set(fired_at + timedelta(days=2))  # and past it again
        await report_overdue_callbacks(fb.db)
        await drained(fb)
        assert [e.noticed_at for e in await overdue()] == [fired_at]
        async with fb.db.sessionmaker() as s:
            marked = await s.scalars(
                select(CallbackRow.overdue_at).where(CallbackRow.id == uuid.UUID(callback["id"]))
            )
            assert list(marked) == [fired_at]


async def test_a_month_is_graded_once_its_last_day_is_over_in_network_time(start_service):
    # 23:59 on 31 March in Shanghai; still 15:59 in UTC.
    clock = SettableClock(datetime(2026, 3, 31, 15, 59, tzinfo=UTC))
    async with start_service("feedback", clock=clock) as feedback:
        admin = feedback.auth("admin")
        early = await feedback.client.post("/v1/grading/2026-03", headers=admin)
        assert early.status_code == 422, early.text
        assert "not over yet" in early.json()["detail"]
        clock.advance(timedelta(minutes=1))  # midnight in Shanghai: April
        graded = await feedback.client.post("/v1/grading/2026-03", headers=admin)
        assert graded.status_code == 200, graded.text
        assert graded.json()["month"] == "2026-03"
