"""A month is graded by the weights and thresholds approved for its close (issue 32): a
threshold approved before the close counts, one approved after it does not, not even when the
month is graded again."""

from datetime import UTC, datetime, timedelta

from aftersales_testing.apps import SettableClock
from feedback.settings import DEFAULT_THRESHOLDS

from .test_grading import _job_with_outcome, last_month

THRESHOLDS = "/v1/policies/feedback.grading_thresholds"
LENIENT_C = {
    "min_satisfaction": 0,
    "min_first_visit_fix": 0,
    "min_sla_compliance": 0,
    "max_complaints_per_100": 100,
    "min_outcome_score": -10,
}


async def test_a_month_is_graded_by_the_thresholds_approved_for_its_close(start_service, desk_for):
    now = datetime.now(UTC).replace(microsecond=0)
    month, mid = last_month(now)
    clock = SettableClock(mid)
    async with start_service("feedback", clock=clock, policy_two_person=True) as feedback:
        alice = feedback.auth("admin", subject="alice")
        bob = feedback.auth("admin", subject="bob")
        desk = desk_for(feedback)
        await _job_with_outcome(desk, "satisfied", mid)
        await _job_with_outcome(desk, "unsatisfied", mid)
        # Mid-month the admins lower grade C: the month's close is graded by it.
        lenient = {**DEFAULT_THRESHOLDS, "C": LENIENT_C}
        body = {"value": lenient, "effective_from": mid.isoformat(), "note": "a softer C"}
        r = await feedback.client.post(f"{THRESHOLDS}/versions", json=body, headers=alice)
        assert r.status_code == 201, r.text
        clock.set(mid + timedelta(minutes=1))
        r = await feedback.client.post(f"{THRESHOLDS}/versions/2/approve", headers=bob)
        assert r.status_code == 200, r.text

        clock.set(now)
        # After the close the admins make C strict again, dated back into the month: it holds
        # from its approval, after the close.
        strict = {"value": DEFAULT_THRESHOLDS, "effective_from": mid.isoformat()}
        await feedback.client.post(f"{THRESHOLDS}/versions", json=strict, headers=alice)
        r = await feedback.client.post(f"{THRESHOLDS}/versions/3/approve", headers=bob)
        assert r.status_code == 200, r.text

        graded = await feedback.client.post(f"/v1/grading/{month}", headers=alice)
        assert graded.status_code == 200, graded.text
        assert [g["grade"] for g in graded.json()["grades"]] == ["C"]
        again = await feedback.client.post(f"/v1/grading/{month}", headers=alice)
        assert again.json()["published"] == 0 and again.json()["unchanged"] == 1
        assert (await feedback.client.get(THRESHOLDS, headers=alice)).json()["version"] == 3
