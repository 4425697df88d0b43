import uuid
from datetime import datetime

from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_ticket, publish_raw, read_events


async def test_one_callback_per_completed_job_due_in_48_hours_even_under_duplicates(
    start_service, desk_for
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        job = desk.completed(ticket.data.ticket_id)
        env = await desk.publish(job, "dispatch", job.job_id)
        for _ in range(3):
            await publish_raw(desk.nats_url, env, msg_id=str(uuid.uuid4()))
        other = await desk.complete(ticket.data.ticket_id, visit_number=2)
        cb = await desk.callback_of(job.job_id)
        await desk.callback_of(other.job_id)
        await drained(feedback)  # the three copies handled too
        r = await feedback.client.get("/v1/callbacks", headers=desk.agent)
        assert sorted(c["job_id"] for c in r.json()["items"]) == sorted(
            [str(job.job_id), str(other.job_id)]
        )
        due = datetime.fromisoformat(cb["due_at"]) - datetime.fromisoformat(cb["completed_at"])
        hours = due.total_seconds() / 3600
        assert hours == 48
        assert cb["status"] == "due" and cb["contact"]["phone"] == ticket.data.customer.phone


async def test_outcomes_are_checked_against_the_visit_number(start_service, desk_for):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        first = await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)
        r = await desk.result(first, reached=True, outcome="not_fixed_repeat", score=2)
        assert r.status_code == 422 and r.json()["visit_number"] == 1
        r = await desk.result(first, reached=True, outcome="not_fixed_first_visit", score=2)
        assert r.status_code == 200
        second = await desk.callback_of(
            (await desk.complete(ticket.data.ticket_id, visit_number=2)).job_id
        )
        r = await desk.result(second, reached=True, outcome="not_fixed_first_visit")
        assert r.status_code == 422
        assert (await desk.result(second, reached=True)).status_code == 422
        assert (
            await desk.result(second, reached=True, outcome="satisfied", score=6)
        ).status_code == 422
        ok = await desk.result(second, reached=True, outcome="satisfied", score=5, comment="great")
        assert ok.json()["status"] == "done" and ok.json()["outcome"] == "satisfied"
        again = await desk.result(second, reached=True, outcome="unsatisfied")
        assert again.status_code == 409


async def test_an_unreachable_customer_is_reported_after_the_last_attempt(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback", callback_max_attempts=3) as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        cb = await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)
        for n in range(1, 4):
            r = await desk.result(cb, reached=False, comment=f"no answer #{n}")
            assert r.status_code == 200
        body = r.json()
        assert body["status"] == "unreachable" and body["attempts"] == 3
        assert [a["note"] for a in body["attempt_log"]] == [
            "no answer #1",
            "no answer #2",
            "no answer #3",
        ]
        listed = await feedback.client.get(
            "/v1/callbacks", params={"status": "unreachable"}, headers=desk.agent
        )
        assert [c["id"] for c in listed.json()["items"]] == [cb["id"]]
        [event] = await read_events(
            infrastructure.broker_url, "feedback.callback.unreachable.v2", after=feedback
        )
        assert str(event.data.callback_id) == cb["id"] and event.data.attempts == 3


async def test_satisfied_closes_and_unsatisfied_reopens_the_ticket_in_intake(
    start_service, desk_for
):
    async with start_service("intake") as intake, start_service("feedback") as feedback:
        desk = desk_for(feedback)
        happy = await make_ticket(intake)
        unhappy = await make_ticket(intake)
        results = {happy["id"]: "satisfied", unhappy["id"]: "unsatisfied"}
        for ticket_id, outcome in results.items():
            job = await desk.complete(uuid.UUID(ticket_id))

            async def completed(tid=ticket_id):
                r = await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())
                return r.json()["status"] == "completed"

            await eventually(completed)
            cb = await desk.callback_of(job.job_id)
            r = await desk.result(
                cb, reached=True, outcome=outcome, score=5 if outcome == "satisfied" else 2
            )
            assert r.status_code == 200, r.text

        async def final(tid, status):
            r = await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())
            return r.json()["status"] == status and r.json()

        closed = await eventually(lambda: final(happy["id"], "closed"))
        assert closed["callback"]["outcome"] == "satisfied"
        reopened = await eventually(lambda: final(unhappy["id"], "reopened"))
        assert reopened["reopen_count"] == 1
