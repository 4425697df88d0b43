import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.events import dispatch as dispatch_events
from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import make_point, read_events

SHANGHAI = ZoneInfo("Asia/Shanghai")


def last_month(now):
    first = now.astimezone(SHANGHAI).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    mid = (first - timedelta(days=15)).astimezone(UTC)
    return mid.astimezone(SHANGHAI).strftime("%Y-%m"), mid


async def _job_with_outcome(desk, outcome, when, *, visit=1, late=0):
    ticket = await desk.ticket()
    job = await desk.complete(
        ticket.data.ticket_id, completed_at=when, visit_number=visit, arrived_late_minutes=late
    )
    cb = await desk.callback_of(job.job_id)
    if outcome is not None:
        r = await desk.result(cb, reached=True, outcome=outcome, score=4)
        assert r.status_code == 200, r.text
    return job


async def test_scorecards_count_what_the_customers_said(start_service, desk_for):
    month, mid = last_month(datetime.now(UTC))
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        for outcome in ("satisfied", "satisfied", "satisfied", "unsatisfied"):
            await _job_with_outcome(desk, outcome, mid)
        await _job_with_outcome(desk, "not_fixed_repeat", mid, visit=2, late=30)
        breached = await _job_with_outcome(desk, "bad_attitude", mid)
        await desk.publish(
            dispatch_events.SlaBreached(
                ticket_id=breached.ticket_id,
                job_id=breached.job_id,
                point_id=desk.point_id,
                sla="arrival",
                due_at=mid,
                breached_at=mid,
            ),
            "dispatch",
            breached.job_id,
        )

        async def card():
            r = await feedback.client.get(
                "/v1/scorecards", params={"month": month}, headers=desk.agent
            )
            items = r.json()["items"]
            return items and items[0]["sla_breaches"] == 1 and items[0]

        c = await eventually(card)
        assert c["point_id"] == str(desk.point_id)
        assert (c["jobs"], c["callbacks_reached"], c["satisfied"]) == (6, 6, 3)
        assert c["satisfaction_rate"] == 0.5
        assert c["first_visit_fix_rate"] == 1.0  # the one not fixed was a repeat visit
        assert c["repeat_visit_rate"] == round(1 / 6, 4)
        assert c["attitude_complaints"] == 1 and c["late_arrivals"] == 1
        assert c["sla_compliance"] == round(5 / 6, 4)
        assert c["grade"] == "D"
        techs = await feedback.client.get(
            "/v1/scorecards/technicians", params={"month": month}, headers=desk.agent
        )
        [t] = techs.json()["items"]
        assert t["technician_id"] == str(desk.technician_id) and t["jobs"] == 6
        csv = await feedback.client.get(
            "/v1/scorecards", params={"month": month, "format": "csv"}, headers=desk.agent
        )
        assert csv.text.splitlines()[0].startswith("month,point_id,grade,jobs")


async def test_grading_publishes_once_per_change_and_dispatch_and_billing_use_it(
    start_service, desk_for, infrastructure
):
    clock = SettableClock()
    month, mid = last_month(clock.now())
    async with (
        start_service("dispatch") as dispatch,
        start_service("billing") as billing,
        start_service("feedback", clock=clock) as feedback,
    ):
        good = await make_point(dispatch, code="GOOD")
        poor = await make_point(dispatch, code="POOR")
        good_desk = desk_for(feedback, point_id=uuid.UUID(good["id"]))
        poor_desk = desk_for(feedback, point_id=uuid.UUID(poor["id"]))
        for _ in range(3):
            await _job_with_outcome(good_desk, "satisfied", mid)
        await _job_with_outcome(poor_desk, "unsatisfied", mid)
        await _job_with_outcome(poor_desk, "satisfied", mid)

        early = await feedback.client.post(
            f"/v1/grading/{clock.now().astimezone(SHANGHAI):%Y-%m}", headers=feedback.auth("admin")
        )
        assert early.status_code == 422
        r = await feedback.client.post(f"/v1/grading/{month}", headers=feedback.auth("admin"))
        assert r.status_code == 200, r.text
        first = r.json()
        assert first["published"] == 2
        assert {g["point_id"]: g["grade"] for g in first["grades"]} == {
            good["id"]: "A",
            poor["id"]: "D",
        }
        rerun = await feedback.client.post(f"/v1/grading/{month}", headers=feedback.auth("admin"))
        assert rerun.json()["published"] == 0 and rerun.json()["unchanged"] == 2
        assert "Nothing changed" in rerun.json()["message"]

        # One more satisfied callback for the poor point changes its card: only it is re-published.
        await _job_with_outcome(poor_desk, "satisfied", mid)
        third = await feedback.client.post(f"/v1/grading/{month}", headers=feedback.auth("admin"))
        assert third.json()["published"] == 1 and third.json()["unchanged"] == 1
        assert third.json()["grades"][0]["point_id"] == poor["id"]

        graded = await read_events(
            infrastructure.broker_url, "feedback.point.graded.v1", after=feedback
        )
        assert sorted(str(e.data.point_id) for e in graded) == sorted(
            [good["id"], poor["id"], poor["id"]]
        )

        async def dispatch_knows():
            r = await dispatch.client.get(f"/v1/points/{good['id']}", headers=dispatch.auth())
            return r.json()["grade"] == "A" and r.json()["grade_month"] == month

        await eventually(dispatch_knows)

        async def billing_knows():
            r = await billing.client.get(
                "/v1/settlements",
                params={"month": month, "point_id": good["id"]},
                headers=billing.auth("finance"),
            )
            return r.json()["items"][0]["grade"] == "A" and r.json()["items"][0]

        statement = await eventually(billing_knows)
        assert statement["grade_factor_percent"] == 110
        # Every run says it is over, changed or not; billing may close the month after it.
        runs = await read_events(
            infrastructure.broker_url, "feedback.grading.completed.v1", after=feedback
        )
        assert [(e.data.month, e.data.points_graded) for e in runs] == [
            (month, 2),
            (month, 0),
            (month, 1),
        ]

        async def billing_closes():
            r = await billing.client.post(
                f"/v1/settlements/{month}/close", headers=billing.auth("finance")
            )
            return r.status_code == 200 and r

        await eventually(billing_closes)
