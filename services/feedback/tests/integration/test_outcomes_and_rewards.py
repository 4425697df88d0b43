"""Outcomes that grade (section 4.2.3) and rewards (clause 1): each of the six outcomes is
counted per point and technician, grading weighs them, a point no callback reached keeps its
grade, and the month's grading rewards the staff who met the standard, once."""

import uuid
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from aftersales_testing.apps import SettableClock, drained, handled
from aftersales_testing.factories import publish_raw, read_events

SHANGHAI = ZoneInfo("Asia/Shanghai")


def months_ago(n, now):
    """The month ``n`` months before ``now``'s (network time), and a moment in its middle."""
    mid = now.astimezone(SHANGHAI).replace(day=15, hour=12, minute=0, second=0, microsecond=0)
    for _ in range(n):
        mid = (mid.replace(day=1) - timedelta(days=1)).replace(day=15)
    return f"{mid:%Y-%m}", mid.astimezone(UTC)


async def _jobs(desk, when, *outcomes, headers=None):
    """A job per outcome, done at ``when``; None leaves its callback due (nobody reached)."""
    for outcome in outcomes:
        ticket = await desk.ticket()
        job = await desk.complete(ticket.data.ticket_id, completed_at=when)
        cb = await desk.callback_of(job.job_id)
        if outcome is not None:
            r = await desk.result(cb, headers=headers, reached=True, outcome=outcome, score=3)
            assert r.status_code == 200, r.text


async def test_grading_weighs_the_six_outcomes_and_an_unreached_point_keeps_its_grade(
    start_service, desk_for, infrastructure
):
    clock = SettableClock()
    earlier, in_earlier = months_ago(2, clock.now())
    month, in_month = months_ago(1, clock.now())
    async with start_service("feedback", clock=clock) as feedback:
        admin = feedback.auth("admin")
        kept, new, rude, unhappy = (desk_for(feedback) for _ in range(4))
        await _jobs(kept, in_earlier, "satisfied", "satisfied")
        first = await feedback.client.post(f"/v1/grading/{earlier}", headers=admin)
        assert {g["point_id"]: g["grade"] for g in first.json()["grades"]} == {
            str(kept.point_id): "A"
        }

        await _jobs(kept, in_month, None)  # a job, its customer not reached (yet)
        await _jobs(new, in_month, None)
        # Both 6 of 7 satisfied (B by the plain rates); the rude one weighs down to C.
        await _jobs(rude, in_month, *["satisfied"] * 6, "bad_attitude")
        await _jobs(unhappy, in_month, *["satisfied"] * 6, "unsatisfied")
        # A copy of a completed job, delivered again under another message id: counted once.
        again = unhappy.completed(uuid.uuid4(), completed_at=in_month)
        env = await unhappy.publish(again, "dispatch", again.job_id)
        await publish_raw(unhappy.nats_url, env, msg_id=str(uuid.uuid4()))
        await handled(feedback, env)
        await drained(feedback)

        cards = await feedback.client.get("/v1/scorecards", params={"month": month}, headers=admin)
        by_point = {c["point_id"]: c for c in cards.json()["items"]}
        assert by_point[str(rude.point_id)]["outcomes"] == {
            "satisfied": 6,
            "unsatisfied": 0,
            "complaint": 0,
            "not_fixed_first_visit": 0,
            "not_fixed_repeat": 0,
            "bad_attitude": 1,
        }
        assert by_point[str(unhappy.point_id)]["jobs"] == 8  # the copy counted once
        assert by_point[str(unhappy.point_id)]["outcomes"]["unsatisfied"] == 1
        techs = await feedback.client.get(
            "/v1/scorecards/technicians",
            params={"month": month, "technician_id": str(rude.technician_id)},
            headers=admin,
        )
        [tech] = techs.json()["items"]
        assert tech["outcomes"]["bad_attitude"] == 1 and tech["outcomes"]["satisfied"] == 6
        csv = await feedback.client.get(
            "/v1/scorecards", params={"month": month, "format": "csv"}, headers=admin
        )
        header = csv.text.splitlines()[0].split(",")
        assert {"not_fixed_repeat", "complaint_outcomes", "outcome_score", "ungraded"} <= set(
            header
        )

        r = await feedback.client.post(f"/v1/grading/{month}", headers=admin)
        assert r.status_code == 200, r.text
        grades = {g["point_id"]: (g["grade"], g["ungraded"]) for g in r.json()["grades"]}
        assert grades == {
            str(kept.point_id): ("A", True),  # kept from the month before
            str(new.point_id): ("B", True),  # the starting grade, not an A for nothing
            str(rude.point_id): ("C", False),
            str(unhappy.point_id): ("B", False),
        }
        graded = [
            e
            for e in await read_events(
                infrastructure.broker_url, "feedback.point.graded.v1", after=feedback
            )
            if e.data.month == month
        ]
        events = {str(e.data.point_id): e.data for e in graded}
        assert events[str(rude.point_id)].outcomes["bad_attitude"] == 1
        assert (events[str(new.point_id)].ungraded, events[str(new.point_id)].grade) == (True, "B")
        assert events[str(kept.point_id)].outcomes == {
            o: 0
            for o in (
                "satisfied",
                "unsatisfied",
                "complaint",
                "not_fixed_first_visit",
                "not_fixed_repeat",
                "bad_attitude",
            )
        }


RULES = {
    "technician": {"min_satisfied_percent": 100, "min_jobs": 2, "amount": 30000},
    "agent": {"min_satisfied_percent": 50, "min_jobs": 2, "amount": 10000},
    "host": {"min_satisfied_percent": 0, "min_jobs": 0, "amount": 5000},
}


async def test_the_months_rewards_are_decided_once_and_shown_in_the_work_report(
    start_service, desk_for, payloads
):
    clock = SettableClock()
    month, in_month = months_ago(1, clock.now())
    async with start_service("feedback", clock=clock, reward_rules=RULES) as feedback:
        admin = feedback.auth("admin")

        async def register(**body):
            r = await feedback.client.post("/v1/staff", json=body, headers=admin)
            assert r.status_code == 201, r.text
            return r.json()["id"]

        alice = await register(role="agent", name="Alice", subject="alice")
        bob = await register(role="agent", name="Bob", subject="bob")
        host = await register(role="host", name="Host")
        await register(role="sales_service", name="No rule")
        by_alice = feedback.auth("agent", subject="alice")
        good, mixed, complained = (desk_for(feedback) for _ in range(3))
        await _jobs(good, in_month, "satisfied", "satisfied", headers=by_alice)
        await _jobs(mixed, in_month, "satisfied", "unsatisfied", headers=by_alice)
        await _jobs(complained, in_month, "satisfied", "satisfied", headers=by_alice)
        clock.set(in_month)  # a rude word that month, checked and upheld
        ticket = await complained.ticket()
        await complained.callback_of((await complained.complete(ticket.data.ticket_id)).job_id)
        r = await feedback.client.post(
            "/v1/complaints",
            json={
                "ticket_id": str(ticket.data.ticket_id),
                "text": "rude",
                "technician_id": str(complained.technician_id),
            },
            headers=by_alice,
        )
        assert r.status_code == 201, r.text
        resolved = await feedback.client.post(
            f"/v1/complaints/{r.json()['id']}/resolve",
            json={"substantiated": True, "resolution": "confirmed"},
            headers=by_alice,
        )
        assert resolved.status_code == 200, resolved.text
        clock.set(clock.now() + timedelta(days=40))  # the month is over

        run = await feedback.client.post(f"/v1/grading/{month}", headers=admin)
        assert run.status_code == 200, run.text
        assert run.json()["rewarded"] == 3
        rerun = await feedback.client.post(f"/v1/grading/{month}", headers=admin)
        assert rerun.json()["rewarded"] == 0
        listed = await feedback.client.get(
            "/v1/staff-rewards", params={"month": month}, headers=feedback.auth("finance")
        )
        assert listed.status_code == 200, listed.text
        rewards = {i["staff_id"]: i for i in listed.json()["items"]}
        assert {k: v["amount"] for k, v in rewards.items()} == {
            str(good.technician_id): 30000,
            alice: 10000,  # 5 of her 6 callbacks satisfied (two jobs each at least)
            host: 5000,
        }
        assert rewards[str(good.technician_id)]["point_id"] == str(good.point_id)
        assert rewards[alice]["jobs"] == 6 and rewards[alice]["satisfied"] == 5
        csv = await feedback.client.get(
            "/v1/staff-rewards", params={"month": month, "format": "csv"}, headers=admin
        )
        assert csv.text.splitlines()[0].startswith("id,staff_id,role,point_id,month,amount")
        events = await payloads("feedback.staff.rewarded.v1", after=feedback)
        assert sorted((d["staff_id"], d["amount"]["amount"]) for d in events) == sorted(
            (k, v["amount"]) for k, v in rewards.items()
        )
        [tech_reward] = [d for d in events if d["role"] == "technician"]
        assert tech_reward["technician_id"] == str(good.technician_id)
        assert (tech_reward["point_id"], tech_reward["month"]) == (str(good.point_id), month)

        work = await feedback.client.get("/v1/reports/work", params={"month": month}, headers=admin)
        assert work.status_code == 200, work.text
        techs = {t["id"]: t for t in work.json()["technicians"]}
        assert (
            techs[str(good.technician_id)]["reward"],
            techs[str(good.technician_id)]["strikes"],
        ) == (
            30000,
            0,
        )
        assert techs[str(mixed.technician_id)]["outcomes"]["unsatisfied"] == 1
        assert (
            techs[str(complained.technician_id)]["strikes"],
            techs[str(complained.technician_id)]["reward"],
        ) == (1, None)
        staff = {s["id"]: s for s in work.json()["staff"]}
        assert staff[alice]["outcomes"]["satisfied"] == 5 and staff[alice]["reward"] == 10000
        assert staff[bob]["jobs"] == 0 and staff[bob]["reward"] is None
        assert staff[host]["reward"] == 5000
        lines = (
            await feedback.client.get(
                "/v1/reports/work", params={"month": month, "format": "csv"}, headers=admin
            )
        ).text.splitlines()
        assert {"outcome_bad_attitude", "strikes", "reward"} <= set(lines[0].split(","))
