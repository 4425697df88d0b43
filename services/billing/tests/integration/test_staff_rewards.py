"""Staff rewards (feedback.staff.rewarded.v1): a partner point's technician's reward is paid
through the point's settlement as a line of its own, once per reward; one arriving after its
month closed is paid in the next open month; the company's own staff are not paid through a
point. An ungraded point's statement applies the grade it keeps."""

import uuid
from datetime import UTC, datetime

from aftersales.events import Money, feedback
from aftersales_testing.apps import drained, eventually, handled
from aftersales_testing.factories import publish_raw, read_events

from .test_settlements import _statement, last_month


def reward(books, month, amount=30_000, **fields):
    values = {
        "reward_id": uuid.uuid4(),
        "staff_id": books.technician_id,
        "role": "technician",
        "point_id": books.point_id,
        "technician_id": books.technician_id,
        "month": month,
        "amount": Money(amount=amount, currency="CNY"),
        "reason": "no substantiated complaint, 95 % satisfied on 24 jobs",
        "decided_at": datetime.now(UTC),
        **fields,
    }
    return feedback.StaffRewarded(**values)


async def test_a_partner_technicians_reward_is_a_line_of_the_points_statement_once(
    start_service, books_for
):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        charge = await books.charged(await books.ticket(in_warranty=True), completed_at=mid)
        assert charge["month"] == month
        before = await _statement(billing, month, books.point_id, books.finance)
        assert before["rewards"] == [] and before["rewards_total"]["amount"] == 0

        given = reward(books, month)
        env = await books.publish(given, "feedback", given.staff_id)
        await publish_raw(books.nats_url, env, msg_id=str(uuid.uuid4()))  # delivered twice
        again = await books.publish(given, "feedback", given.staff_id)  # a new copy, same reward
        await handled(billing, again)
        await drained(billing)

        doc = await _statement(billing, month, books.point_id, books.finance)
        [line] = doc["rewards"]
        assert line["reward_id"] == str(given.reward_id)
        assert line["technician_id"] == str(books.technician_id)
        assert line["amount"]["amount"] == 30_000 and "satisfied" in line["reason"]
        assert doc["rewards_total"]["amount"] == 30_000
        assert doc["graded"] == before["graded"]  # paid in full, not graded
        assert doc["net"]["amount"] == before["net"]["amount"] + 30_000

        # The point reads it in its own statement.
        own = await _statement(
            billing, month, books.point_id, billing.auth("point", point_id=books.point_id)
        )
        assert own["rewards_total"]["amount"] == 30_000


async def test_a_company_centres_reward_is_not_paid_through_a_point(start_service, books_for):
    month, _ = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.register_point(is_partner=False)
        given = reward(books, month)
        env = await books.publish(given, "feedback", given.staff_id)
        host = reward(books, month, role="host", point_id=None, technician_id=None)
        await books.publish(host, "feedback", host.staff_id)
        await handled(billing, env)
        await drained(billing)
        doc = await _statement(billing, month, books.point_id, books.finance)
        assert doc["rewards"] == [] and doc["net"]["amount"] == 0


async def test_a_reward_after_its_month_closed_is_paid_in_the_next_open_one(
    start_service, books_for, infrastructure
):
    closed_month, next_open = "2025-01", "2025-02"
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.register_point(is_partner=True)
        await books.graded(closed_month)
        r = await billing.client.post(
            f"/v1/settlements/{closed_month}/close", headers=books.finance
        )
        assert r.status_code == 200, r.text

        late = reward(books, closed_month, amount=12_345)
        env = await books.publish(late, "feedback", late.staff_id)
        await handled(billing, env)
        frozen = await billing.client.get(
            "/v1/settlements", params={"month": closed_month}, headers=books.finance
        )
        assert frozen.json()["items"] == []  # the closed month never changes
        doc = await _statement(billing, next_open, books.point_id, books.finance)
        [line] = doc["rewards"]
        assert line["month"] == closed_month and line["amount"]["amount"] == 12_345
        assert doc["net"]["amount"] == 12_345

        await books.graded(next_open)
        r = await billing.client.post(f"/v1/settlements/{next_open}/close", headers=books.finance)
        assert r.status_code == 200, r.text
        [closed] = [
            e
            for e in await read_events(
                infrastructure.broker_url, "billing.settlement.closed.v1", after=billing
            )
            if e.data.month == next_open
        ]
        assert closed.data.rewards.amount == 12_345 and closed.data.net.amount == 12_345


async def test_an_ungraded_point_is_settled_at_the_grade_it_keeps(start_service, books_for):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        await books.charged(await books.ticket(), completed_at=mid)  # A: work 200.00 → 60.00
        kept = feedback.PointGraded(
            point_id=books.point_id,
            month=month,
            grade="C",  # no reached callback: the grade it had, kept
            ungraded=True,
            outcomes={},
            graded_at=datetime.now(UTC),
        )
        await books.publish(kept, "feedback", books.point_id)

        async def graded():
            doc = await _statement(billing, month, books.point_id, books.finance)
            return doc["grade"] == "C" and doc

        doc = await eventually(graded)
        assert doc["grade_factor_percent"] == 90 and doc["graded"]["amount"] == 5_400


async def test_a_reward_for_a_point_billing_does_not_know_yet_waits_for_it(
    start_service, books_for
):
    """Who pays a reward depends on its point: one that arrives before the point's registration
    waits (delivered again) and is then paid through the point, never filed as the company's."""
    month, mid = last_month()
    async with start_service("billing", consumer_backoff_seconds=[0.2, 0.2, 0.2, 0.2]) as billing:
        books = books_for(billing)
        await books.price_list()
        early = reward(books, month)
        await books.publish(early, "feedback", early.staff_id)

        await books.register_point(is_partner=True)
        await books.charged(await books.ticket(in_warranty=True), completed_at=mid)

        async def paid() -> dict | None:
            doc = await _statement(billing, month, books.point_id, books.finance)
            return doc if doc["rewards"] else None

        doc = await eventually(paid, timeout=30)
        assert [line["reward_id"] for line in doc["rewards"]] == [str(early.reward_id)]
