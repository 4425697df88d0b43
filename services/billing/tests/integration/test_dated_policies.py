"""A grace period changed by policy, approved by a second admin, applies only to jobs completed
from its date (issue 32): billing decides a late arrival's compensation by the version in force
when the job was completed, however late its report arrives, and a change never alters a
charge already made."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import feedback
from aftersales_testing.apps import SettableClock, handled

from .test_settlements import _statement

GRACE = "/v1/policies/billing.late_grace"


def compensation(charge: dict) -> int:
    return charge["late"]["compensation"]["amount"]  # type: ignore[no-any-return]


async def test_a_changed_late_grace_applies_only_to_jobs_completed_from_its_date(
    start_service, books_for
):
    t0 = datetime.now(UTC).replace(microsecond=0)
    clock = SettableClock(t0)
    async with start_service(
        "billing",
        clock=clock,
        policy_two_person=True,
        late_grace_minutes=30,
        late_compensation_per_day=5_000,
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        alice = billing.auth("admin", subject="alice")
        bob = billing.auth("admin", subject="bob")
        change = {"value": 120, "effective_from": (t0 + timedelta(hours=1)).isoformat()}
        proposed = await billing.client.post(f"{GRACE}/versions", json=change, headers=alice)
        assert proposed.status_code == 201, proposed.text
        clock.set(t0 + timedelta(minutes=5))
        approved = await billing.client.post(f"{GRACE}/versions/2/approve", headers=bob)
        assert approved.status_code == 200, approved.text
        clock.set(t0 + timedelta(hours=3))

        # Both arrived an hour late; one job was completed before the new grace's date.
        before = await books.charged(
            await books.ticket(), arrived_late_minutes=60, completed_at=t0 + timedelta(minutes=30)
        )
        after = await books.charged(
            await books.ticket(), arrived_late_minutes=60, completed_at=t0 + timedelta(hours=2)
        )
        assert compensation(before) == 5_000
        assert compensation(after) == 0

        # A second change dated back to t0 takes effect at its approval, never backwards: a
        # job completed before that approval, whose report only arrives now, keeps 120.
        back = {"value": 0, "effective_from": t0.isoformat(), "note": "no grace at all"}
        await billing.client.post(f"{GRACE}/versions", json=back, headers=alice)
        approved = await billing.client.post(f"{GRACE}/versions/3/approve", headers=bob)
        assert datetime.fromisoformat(approved.json()["in_force_from"]) == clock.now()
        late_fact = await books.charged(
            await books.ticket(), arrived_late_minutes=60, completed_at=t0 + timedelta(hours=2.5)
        )
        assert compensation(late_fact) == 0
        clock.set(t0 + timedelta(hours=4))
        from_now = await books.charged(
            await books.ticket(), arrived_late_minutes=60, completed_at=t0 + timedelta(hours=3.5)
        )
        assert compensation(from_now) == 5_000

        # The charges already made are as they were.
        again = await billing.client.get(f"/v1/charges/{after['id']}", headers=books.finance)
        assert compensation(again.json()) == 0


async def test_an_outcome_deduction_is_the_one_in_force_when_the_callback_was_recorded(
    start_service, books_for
):
    """A bad-attitude callback recorded before a changed deduction's date costs the point the
    old figure, even when it reaches billing after the change."""
    t0 = datetime.now(UTC).replace(microsecond=0)
    clock = SettableClock(t0)
    async with start_service(
        "billing", clock=clock, outcome_deductions={"bad_attitude": 10_000}
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        admin = billing.auth("admin")
        change = {"value": {"bad_attitude": 30_000}, "effective_from": t0.isoformat()}
        name = "/v1/policies/billing.outcome_deductions"
        assert (
            await billing.client.post(f"{name}/versions", json=change, headers=admin)
        ).is_success
        clock.set(t0 + timedelta(hours=1))
        approved = await billing.client.post(f"{name}/versions/2/approve", headers=admin)
        assert approved.status_code == 200, approved.text
        clock.set(t0 + timedelta(hours=2))

        amounts = []
        for recorded_at in (t0 + timedelta(minutes=30), t0 + timedelta(minutes=90)):
            ticket = await books.ticket()
            charge = await books.charged(ticket, completed_at=t0 - timedelta(hours=1))
            rude = feedback.CallbackRecorded(
                callback_id=uuid.uuid4(),
                ticket_id=ticket.data.ticket_id,
                job_id=uuid.UUID(charge["job_id"]),
                point_id=books.point_id,
                reached=True,
                outcome="bad_attitude",
                recorded_at=recorded_at,
            )
            await handled(billing, await books.publish(rude, "feedback", rude.callback_id))
            doc = await _statement(billing, charge["month"], books.point_id, books.finance)
            amounts.append(sum(d["amount"]["amount"] for d in doc["deductions"]))
        # Recorded before the new figure came into force (its approval): the old one.
        assert amounts == [10_000, 10_000 + 30_000]
