"""Late reports held with both figures, through billing's public API on real PostgreSQL and
NATS: dispatch says when a job's reports reached it (``received``); where the money those times
give differs from the money of the times the reports carry, the charge is held for finance,
which releases it on one basis. Nothing is refused: the work is always charged."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from aftersales.events import dispatch, feedback
from aftersales_testing.apps import handled
from aftersales_testing.factories import read_events

from .test_settlements import _statement, last_month


def received(
    *, arrived_late_minutes: int = 0, completed_at: datetime | None = None, late_by: int = 240
) -> dispatch.ReceivedTimes:
    now = datetime.now(UTC)
    return dispatch.ReceivedTimes(
        arrived_at=now - timedelta(minutes=50),
        arrived_late_minutes=arrived_late_minutes,
        completed_at=completed_at or now,
        reported_late_by_minutes=late_by,
    )


async def test_an_arrival_reported_on_time_but_received_late_is_held_with_both_figures(
    start_service, books_for, infrastructure
):
    async with start_service(
        "billing", late_compensation_per_day=5_000, late_grace_minutes=30
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        # The abuse: the technician dates the arrival inside the window; dispatch heard of it
        # 200 minutes after the window's end. By its report nobody owes the customer anything.
        charge = await books.charged(
            await books.ticket(),
            arrived_late_minutes=0,
            received=received(arrived_late_minutes=200),
        )
        assert charge["held"] is True and "late report" in charge["held_reason"]
        assert "compensation" in charge["held_reason"]
        late = charge["late_report"]
        assert late["basis"] is None and late["reported_late_by_minutes"] == 240
        figures = late["figures"]
        assert figures["reported"]["compensation"] == 0
        assert figures["received"]["compensation"] == 5_000
        assert figures["received"]["customer_total"] == charge["customer_total"]["amount"] - 5_000
        assert charge["auto_invoice_at"] is None
        url = f"/v1/charges/{charge['id']}"
        refused = await billing.client.post(f"{url}/invoice", headers=books.finance)
        assert refused.status_code == 409

        async def settled() -> dict:
            return await _statement(billing, charge["month"], books.point_id, books.finance)

        assert (await settled())["jobs"] == 0  # held: not settled

        # The customer paid the reported total on site; the charge is held all the same.
        tech = billing.auth("technician", technician_id=books.technician_id)
        cash = {"method": "cash", "amount": charge["customer_total"]}
        assert (await billing.client.post(f"{url}/payments", json=cash, headers=tech)).is_success

        # Corrected only once finance has chosen the times the charge stands on.
        for correction in ("late-compensation/waive", "exclusion/overturn"):
            early = await billing.client.post(
                f"{url}/{correction}", json={"reason": "x"}, headers=books.finance
            )
            assert early.status_code == 409 and "late report" in early.json()["detail"]

        blind = await billing.client.post(f"{url}/release", headers=books.finance)
        assert blind.status_code == 422 and "basis" in blind.json()["detail"]
        assert (await billing.client.get(url, headers=books.finance)).json()["held"] is True
        agent = await billing.client.post(
            f"{url}/release", json={"basis": "received"}, headers=billing.auth("agent")
        )
        assert agent.status_code == 403

        released = await billing.client.post(
            f"{url}/release",
            json={"basis": "received", "note": "the phone was online all afternoon"},
            headers=books.finance,
        )
        assert released.status_code == 200, released.text
        body = released.json()
        assert body["held"] is False and body["late_report"]["basis"] == "received"
        assert body["customer_total"]["amount"] == charge["customer_total"]["amount"] - 5_000
        assert body["late"]["compensation"]["amount"] == 5_000
        assert body["late"]["minutes"] == 200
        assert [line["kind"] for line in body["lines"]][-1] == "compensation"
        assert (
            sum(line["customer_pays"]["amount"] for line in body["lines"])
            == (body["customer_total"]["amount"])
        )
        assert body["auto_invoice_at"] is not None
        # Paid more than the received times give: the company owes the customer the difference.
        assert body["status"] == "credit_due" and body["balance"]["amount"] == -5_000
        doc = await settled()
        assert doc["jobs"] == 1
        assert {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}[
            "late_compensation"
        ] == 5_000
        [corrected] = await read_events(
            infrastructure.broker_url, "billing.charge.corrected.v1", after=billing
        )
        assert corrected.data.correction == "late_report_received_times"
        assert corrected.data.amount.amount == 5_000
        audit = await billing.client.get(
            "/v1/audit", params={"object_id": charge["id"]}, headers=billing.auth("admin")
        )
        [entry] = [e for e in audit.json()["items"] if e["action"] == "released"]
        assert entry["changes"]["basis"]["after"] == "received"
        assert (
            entry["changes"]["customer_total"]["before"]["amount"]
            == (charge["customer_total"]["amount"])
        )
        again = await billing.client.post(
            f"{url}/release", json={"basis": "reported"}, headers=books.finance
        )
        assert again.status_code == 409
        invoiced = await billing.client.post(f"{url}/invoice", headers=books.finance)
        assert invoiced.status_code == 201
        assert invoiced.json()["amount"] == body["customer_total"]
        # Released, its lines are as immutable as any issued charge's.
        async with billing.db.uow() as uow:
            try:
                await uow.session.execute(
                    text("DELETE FROM billing.charge_lines WHERE charge_id = :id"),
                    {"id": uuid.UUID(charge["id"])},
                )
                raise AssertionError("a released charge's lines were deleted")
            except Exception as exc:
                assert "immutable" in str(exc)


async def test_a_rework_dated_before_its_callback_is_held_and_released_on_the_reported_times(
    start_service, books_for, infrastructure
):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await books.ticket()
        first = await books.charged(ticket, completed_at=datetime.now(UTC) - timedelta(hours=6))
        callback = feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket.data.ticket_id,
            job_id=uuid.UUID(first["job_id"]),
            point_id=books.point_id,
            reached=True,
            outcome="not_fixed_first_visit",
            recorded_at=datetime.now(UTC) - timedelta(hours=3),
        )
        await handled(billing, await books.publish(callback, "feedback", callback.callback_id))
        # The abuse: the rework's reports dated last month, before the callback that found the
        # first visit's work unfixed: paid again, in an older month. Dispatch received them now.
        rework = await books.charged(
            ticket, visit_number=2, completed_at=mid, received=received(late_by=60 * 24 * 15)
        )
        assert rework["held"] is True and rework["unpaid_reason"] is None
        assert "not paid (a rework)" in rework["held_reason"]
        assert f"settlement month {month}" in rework["held_reason"]
        received_figures = rework["late_report"]["figures"]["received"]
        assert "rework" in received_figures["unpaid_reason"]
        assert received_figures["month"] != month
        doc = await _statement(billing, month, books.point_id, books.finance)
        assert doc["jobs"] == 0  # not in last month's statement while held

        url = f"/v1/charges/{rework['id']}/release"
        wrong = await billing.client.post(url, json={"basis": "sometime"}, headers=books.finance)
        assert wrong.status_code == 422
        # Finance believes the reports' times (the phone's log shows the visit last month).
        r = await billing.client.post(url, json={"basis": "reported"}, headers=books.finance)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["held"] is False and body["late_report"]["basis"] == "reported"
        assert body["lines"] == rework["lines"] and body["month"] == rework["month"]
        corrected = await read_events(
            infrastructure.broker_url, "billing.charge.corrected.v1", after=billing
        )
        assert corrected == []  # kept as issued: nothing to correct


async def test_a_late_report_that_changes_no_money_is_not_held_and_others_take_no_basis(
    start_service, books_for
):
    async with start_service("billing", late_grace_minutes=30, max_labour_minutes=480) as billing:
        books = books_for(billing)
        await books.price_list()
        # Received 90 minutes late, arriving 10 minutes after the window: within the grace.
        same = await books.charged(
            await books.ticket(), received=received(arrived_late_minutes=10, late_by=90)
        )
        assert same["held"] is False
        assert same["late_report"]["held"] is False and same["late_report"]["differences"] == []
        # An implausible report is released as it is: a basis is for a late report only.
        odd = await books.charged(await books.ticket(), labor_minutes=10_000)
        url = f"/v1/charges/{odd['id']}/release"
        basis = await billing.client.post(url, json={"basis": "received"}, headers=books.finance)
        assert basis.status_code == 422 and "not held for a late report" in basis.json()["detail"]
        plain = await billing.client.post(url, headers=books.finance)
        assert plain.status_code == 200 and plain.json()["held"] is False


async def test_a_charge_held_for_a_late_report_takes_no_credit_note_until_it_is_released(
    start_service, books_for
):
    async with start_service(
        "billing", late_compensation_per_day=5_000, late_grace_minutes=30
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        # By the received times the customer is owed 50.00 compensation: 50.00 less to pay.
        charge = await books.charged(
            await books.ticket(), received=received(arrived_late_minutes=200)
        )
        assert charge["held"] is True
        total = charge["customer_total"]["amount"]
        url = f"/v1/charges/{charge['id']}"
        # The abuse: a credit note while the hold waits, then a release on the received times
        # (50.00 less) would leave the company owing a customer who never paid.
        goodwill = {"amount": {"amount": total - 2_000}, "reason": "goodwill"}
        early = await billing.client.post(
            f"{url}/credit-notes", json=goodwill, headers=books.finance
        )
        assert early.status_code == 409 and "late report" in early.json()["detail"]
        notes = await billing.client.get(f"{url}/credit-notes", headers=books.finance)
        assert notes.json() == []
        assert (await billing.client.get(url, headers=books.finance)).json()["credited"][
            "amount"
        ] == 0

        released = await billing.client.post(
            f"{url}/release", json={"basis": "received"}, headers=books.finance
        )
        assert released.status_code == 200, released.text
        body = released.json()
        assert body["status"] == "open" and body["balance"]["amount"] == total - 5_000
        # Released, the charge is corrected as any other.
        late = await billing.client.post(
            f"{url}/credit-notes",
            json={"amount": {"amount": 1_000}, "reason": "goodwill"},
            headers=books.finance,
        )
        assert late.status_code == 201, late.text


async def test_a_release_on_the_received_times_is_refused_below_the_credits_already_given(
    start_service, books_for
):
    async with start_service(
        "billing", late_compensation_per_day=5_000, late_grace_minutes=30
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(
            await books.ticket(), received=received(arrived_late_minutes=200)
        )
        total = charge["customer_total"]["amount"]
        received_total = charge["late_report"]["figures"]["received"]["customer_total"]
        assert received_total == total - 5_000
        # A credit note given while the hold waited, before such credit notes were refused
        # (written as it was left in the books).
        async with billing.db.uow() as uow:
            await uow.session.execute(
                text("UPDATE billing.charges SET credited = :c WHERE id = :id"),
                {"c": total - 2_000, "id": uuid.UUID(charge["id"])},
            )
            await uow.commit()
        url = f"/v1/charges/{charge['id']}"
        refused = await billing.client.post(
            f"{url}/release", json={"basis": "received"}, headers=books.finance
        )
        assert refused.status_code == 409, refused.text
        assert "credit notes" in refused.json()["detail"].lower()
        after = (await billing.client.get(url, headers=books.finance)).json()
        assert after["held"] is True and after["late_report"]["basis"] is None
        assert after["customer_total"]["amount"] == total
        assert after["lines"] == charge["lines"]
        # On the reported times the credits fit: nothing is owed to a customer who never paid.
        reported = await billing.client.post(
            f"{url}/release", json={"basis": "reported"}, headers=books.finance
        )
        assert reported.status_code == 200, reported.text
        assert reported.json()["status"] == "open"
        assert reported.json()["balance"]["amount"] == 2_000
