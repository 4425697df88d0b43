"""The 4-hour answer for tickets that need no visit, deadlines to finish, pauses, closure. The
deadlines are reached by moving the service's clock; each missed one is published once,
however the clock moves afterwards."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import Envelope, feedback
from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import make_ticket, publish_raw, read_events
from intake.use_cases.clocks import fire_due_breaches

PROBLEM = "application/problem+json"
RESPONSE = "intake.ticket.response_breached.v1"
COMPLETION = "intake.ticket.completion_breached.v1"
# 10:00 in Shanghai tomorrow: the service's clock, which the tests move (after today, as the
# factories' products are bought this month).
START = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0) + timedelta(days=1)
# The breach scanner runs when a test calls it: the background pass waits an hour.
SCANNED_BY_THE_TEST = {"clock_poll_seconds": 3600}


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_a_consultation_is_answered_and_a_resolved_answer_ends_it(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        question = await make_ticket(intake, kind="consultation")
        assert question["sla"]["respond_clock"] == "intake"
        r = await intake.client.post(
            f"/v1/tickets/{question['id']}/respond",
            json={"summary": "Explained the eco mode; a visit may follow.", "resolved": False},
            headers=agent,
        )
        assert r.status_code == 200, r.text
        answered = r.json()
        assert answered["status"] == "open" and answered["sla"]["responded_at"] is not None
        assert answered["closure_reason"] is None
        again = await intake.client.post(
            f"/v1/tickets/{question['id']}/respond",
            json={"summary": "twice", "resolved": True},
            headers=agent,
        )
        assert again.status_code == 409 and again.headers["content-type"] == PROBLEM

        settled = await make_ticket(intake, kind="consultation")
        r = await intake.client.post(
            f"/v1/tickets/{settled['id']}/respond",
            json={"summary": "Reset the breaker; it works.", "resolved": True},
            headers=agent,
        )
        assert r.status_code == 200, r.text
        # Solved on the phone, and called back like every request: it ends on that callback.
        assert r.json()["status"] == "resolved_remotely" and r.json()["closure_reason"] is None

        async def requested():
            found = await read_events(
                infrastructure.broker_url, "intake.ticket.callback_requested.v1", after=intake
            )
            return [e.data for e in found if str(e.data.ticket_id) == settled["id"]]

        [request] = await eventually(requested)
        await publish_raw(
            infrastructure.broker_url,
            Envelope.wrap(
                feedback.CallbackRecorded(
                    callback_id=uuid.uuid4(),
                    ticket_id=request.ticket_id,
                    reached=True,
                    outcome="satisfied",
                    score=5,
                    recorded_at=datetime.now(UTC),
                ),
                source="feedback",
                aggregate_id=uuid.uuid4(),
                aggregate_version=2,
            ),
        )

        async def ended():
            t = await intake.client.get(f"/v1/tickets/{settled['id']}", headers=agent)
            return t.json() if t.json()["closure_reason"] else None

        closed = await eventually(ended)
        assert closed["status"] == "closed" and closed["closure_reason"] == "resolved_remotely"

        listed = await intake.client.get(
            "/v1/tickets", params={"status": "closed", "kind": "consultation"}, headers=agent
        )
        ids = {t["id"] for t in listed.json()["items"]}
        assert settled["id"] in ids and question["id"] not in ids
        timeline = await intake.client.get(f"/v1/tickets/{settled['id']}/timeline", headers=agent)
        assert "intake.ticket.responded.v1" in [e["event"] for e in timeline.json()["entries"]]

        async def closed_event():
            events = await read_events(
                infrastructure.broker_url, "intake.ticket.closed.v2", after=intake
            )
            return [e.data for e in events if str(e.data.ticket_id) == settled["id"]]

        [event] = await eventually(closed_event)
        assert event.closure_reason == "resolved_remotely"


async def test_a_phone_solution_the_customer_disputes_is_reopened_for_a_visit(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        ticket = await make_ticket(intake, kind="repair")
        r = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/resolve-remotely",
            json={"note": "reset the unit"},
            headers=agent,
        )
        assert r.json()["status"] == "resolved_remotely"
        await publish_raw(
            infrastructure.broker_url,
            Envelope.wrap(
                feedback.CallbackRecorded(
                    callback_id=uuid.uuid4(),
                    ticket_id=uuid.UUID(ticket["id"]),
                    reached=True,
                    outcome="unsatisfied",
                    score=2,
                    recorded_at=datetime.now(UTC),
                ),
                source="feedback",
                aggregate_id=uuid.uuid4(),
                aggregate_version=2,
            ),
        )

        async def reopened():
            found = await read_events(
                infrastructure.broker_url, "intake.ticket.reopened.v1", after=intake
            )
            return [e.data for e in found if str(e.data.ticket_id) == ticket["id"]]

        [event] = await eventually(reopened)
        assert event.previous_job_id is None  # dispatch sends a first visit
        after = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=agent)
        assert after.json()["status"] == "reopened" and after.json()["closure_reason"] is None


async def test_a_visit_or_complaint_ticket_is_answered_elsewhere(start_service):
    async with start_service("intake") as intake:
        for kind, clock in (("repair", "dispatch"), ("complaint", "feedback")):
            ticket = await make_ticket(intake, kind=kind)
            assert ticket["sla"]["respond_clock"] == clock
            r = await intake.client.post(
                f"/v1/tickets/{ticket['id']}/respond",
                json={"summary": "answered", "resolved": True},
                headers=intake.auth(),
            )
            assert r.status_code == 409, r.text
            assert r.json()["respond_clock"] == clock
            after = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=intake.auth())
            assert after.json()["version"] == ticket["version"]  # nothing changed


async def test_deadlines_to_finish_come_from_the_kind_and_the_catalogue(start_service):
    async with start_service("intake") as intake:
        sample = await make_ticket(intake, kind="sample_test")
        opened = at(sample["created_at"])
        assert at(sample["sla"]["complete_by"]) - opened == timedelta(hours=24)
        training = await make_ticket(intake, kind="training")
        assert at(training["sla"]["complete_by"]) - at(training["created_at"]) == timedelta(
            hours=744
        )
        repair = await make_ticket(intake, kind="repair")
        assert repair["sla"]["complete_by"] is None  # the operator has set none

        admin = intake.auth("admin")
        current = await intake.client.get("/v1/service-catalogue", headers=admin)
        r = await intake.client.put(
            "/v1/service-catalogue",
            json={
                "categories": [
                    {
                        "category": "air_conditioner",
                        "kinds": ["repair", "install", "sample_test"],
                        "complete_within_hours": {"repair": 72},
                    }
                ]
            },
            headers={**admin, "If-Match": current.headers["ETag"]},
        )
        assert r.status_code == 200, r.text
        assert r.json()["default_complete_within_hours"]["training"] == 744
        repair = await make_ticket(intake, kind="repair")
        assert at(repair["sla"]["complete_by"]) - at(repair["created_at"]) == timedelta(hours=72)
        bad = await intake.client.put(
            "/v1/service-catalogue",
            json={
                "categories": [
                    {"category": "tv", "kinds": ["repair"], "complete_within_hours": {"repair": 0}}
                ]
            },
            headers={**admin, "If-Match": r.headers["ETag"]},
        )
        assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM


async def test_a_missed_answer_is_published_once_and_a_paused_ticket_does_not_breach(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        agent = intake.auth("agent")
        paused = await make_ticket(intake, kind="consultation")
        assert at(paused["sla"]["respond_by"]) == START + timedelta(hours=4)
        r = await intake.client.post(
            f"/v1/tickets/{paused['id']}/pause",
            json={"reason": "awaiting_customer", "note": "calls back after lunch"},
            headers=agent,
        )
        assert r.status_code == 200, r.text
        assert r.json()["pause"]["reason"] == "awaiting_customer"
        twice = await intake.client.post(
            f"/v1/tickets/{paused['id']}/pause", json={"reason": "other"}, headers=agent
        )
        assert twice.status_code == 409
        running = await make_ticket(intake, kind="consultation")

        missed_at = clock.advance(timedelta(hours=4, minutes=1))
        await fire_due_breaches(intake.db)
        now_running = await intake.client.get(f"/v1/tickets/{running['id']}", headers=agent)
        assert at(now_running.json()["sla"]["response_breached_at"]) == missed_at
        now_paused = (await intake.client.get(f"/v1/tickets/{paused['id']}", headers=agent)).json()
        assert now_paused["sla"]["response_breached_at"] is None

        r = await intake.client.post(f"/v1/tickets/{paused['id']}/resume", headers=agent)
        assert r.status_code == 200, r.text
        resumed = r.json()
        assert resumed["pause"] is None
        # Every clock continues where it stopped: the due time moves on by the pause.
        assert resumed["sla"]["paused_seconds"] == 4 * 3600 + 60
        assert at(resumed["sla"]["respond_by"]) == START + timedelta(hours=8, minutes=1)
        assert await _breaches(infrastructure, intake, RESPONSE, paused, running) == [
            running["id"]
        ]  # once, and not the paused one

        not_paused = await intake.client.post(f"/v1/tickets/{paused['id']}/resume", headers=agent)
        assert not_paused.status_code == 409
        closed = await make_ticket(intake, kind="consultation")
        await intake.client.post(
            f"/v1/tickets/{closed['id']}/cancel", json={"reason": "duplicate"}, headers=agent
        )
        late = await intake.client.post(
            f"/v1/tickets/{closed['id']}/pause", json={"reason": "other"}, headers=agent
        )
        assert late.status_code == 409 and late.headers["content-type"] == PROBLEM


async def _sample_arrived(intake, ticket, received_at):
    r = await intake.client.post(
        f"/v1/tickets/{ticket['id']}/sample-received",
        json={"received_at": received_at.isoformat(), "reference": "S-1"},
        headers=intake.auth("agent"),
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_a_missed_deadline_to_finish_is_published_once(start_service, infrastructure):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        ticket = await make_ticket(intake, kind="sample_test")  # a result within 24 hours
        ticket = await _sample_arrived(intake, ticket, START)  # of the sample's arrival
        assert at(ticket["sla"]["complete_by"]) == START + timedelta(hours=24)
        clock.advance(timedelta(hours=23, minutes=59))
        await fire_due_breaches(intake.db)
        assert await _breaches(infrastructure, intake, COMPLETION, ticket) == []

        missed_at = clock.advance(timedelta(minutes=2))
        await fire_due_breaches(intake.db)
        t = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=intake.auth())
        assert at(t.json()["sla"]["completion_breached_at"]) == missed_at
        [event] = await _breach_events(infrastructure, intake, COMPLETION, ticket)
        assert event.data.kind == "sample_test" and event.data.breached_at == missed_at


async def test_a_clock_set_back_after_a_deadline_fired_never_fires_it_twice(
    start_service, infrastructure
):
    """Both of intake's clocks on one ticket: the answer and the deadline to finish (a sample's
    result, 24 hours after its arrival)."""
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        ticket = await make_ticket(intake, kind="sample_test")
        await _sample_arrived(intake, ticket, START)
        clock.set(START + timedelta(hours=25))
        await fire_due_breaches(intake.db)
        for moment in (START, START + timedelta(hours=30), START + timedelta(days=3)):
            clock.set(moment)  # back before both deadlines, then past them again
            await fire_due_breaches(intake.db)
        assert await _breaches(infrastructure, intake, RESPONSE, ticket) == [ticket["id"]]
        assert await _breaches(infrastructure, intake, COMPLETION, ticket) == [ticket["id"]]
        t = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=intake.auth())
        sla = t.json()["sla"]
        fired_at = START + timedelta(hours=25)
        assert at(sla["response_breached_at"]) == at(sla["completion_breached_at"]) == fired_at


async def _breach_events(infrastructure, intake, subject, *tickets):
    """The ``subject`` breaches published about ``tickets``, once intake's outbox is drained."""
    wanted = {t["id"] for t in tickets}
    events = await read_events(infrastructure.broker_url, subject, after=intake)
    return [e for e in events if str(e.data.ticket_id) in wanted]


async def _breaches(infrastructure, intake, subject, *tickets):
    return [
        str(e.data.ticket_id)
        for e in await _breach_events(infrastructure, intake, subject, *tickets)
    ]
