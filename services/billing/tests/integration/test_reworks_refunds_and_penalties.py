"""Settlements that follow callback outcomes (a rework of the point's own unfixed job is not paid),
refunds paid out once on a gapless voucher, and the second strike's penalty on the technician."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import Money, feedback, intake
from aftersales_testing.apps import handled
from aftersales_testing.factories import publish_raw, read_events

from .test_settlements import _statement


async def test_a_rework_of_the_points_own_unfixed_job_is_not_paid_and_outcomes_deduct(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await books.ticket()
        first = await books.charged(ticket, completed_at=datetime.now(UTC) - timedelta(hours=5))
        callback = feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket.data.ticket_id,
            job_id=uuid.UUID(first["job_id"]),
            point_id=books.point_id,
            reached=True,
            outcome="not_fixed_first_visit",
            recorded_at=datetime.now(UTC) - timedelta(hours=2),
        )
        env = await books.publish(callback, "feedback", callback.callback_id)
        await handled(billing, env)
        rework = await books.charged(ticket, visit_number=2)
        assert "rework" in rework["unpaid_reason"]
        rude = feedback.CallbackRecorded(
            **{**callback.model_dump(), "callback_id": uuid.uuid4(), "outcome": "bad_attitude"}
        )
        env = await books.publish(rude, "feedback", rude.callback_id)
        await handled(billing, env)

        doc = await _statement(billing, rework["month"], books.point_id, books.finance)
        [unpaid] = doc["unpaid_work"]
        assert unpaid["job_id"] == rework["job_id"] and unpaid["paid"]["amount"] == 0
        assert unpaid["work_value"]["amount"] == 20_000
        assert doc["by_class"]["A"]["work_value"]["amount"] == 20_000  # the first job only
        assert doc["jobs"] == 2  # both done; the rework is listed as unpaid
        deductions = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert deductions["outcome"] == 10_000

        # Another point's rework of the same ticket is paid: the fault was not its own.
        other = books_for(billing)
        paid = await other.charged(ticket, visit_number=3)
        assert paid["unpaid_reason"] is None


async def test_a_refund_gets_a_gapless_voucher_and_is_paid_out_once(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        tickets = [await books.ticket() for _ in range(2)]
        for t in tickets:
            decided = intake.TicketRemedyDecided(
                ticket_id=t.data.ticket_id,
                remedy="refund",
                reason="third failure",
                product_id=t.data.product.id,
                refund=Money(amount=199_900),
                purchase_price=Money(amount=219_900),  # within the price and the threshold
                proof_ref="INV-8812",
                decided_at=datetime.now(UTC),
            )
            env = await books.publish(decided, "intake", t.data.ticket_id)
            await publish_raw(books.nats_url, env, msg_id=str(uuid.uuid4()))  # delivered again
            await handled(billing, env)

        async def both():
            r = await billing.client.get(
                "/v1/refunds", params={"status": "unpaid"}, headers=books.finance
            )
            items = r.json()["items"]
            return len(items) >= 2 and items

        refunds = await both()
        numbers = sorted(r["voucher_no"] for r in refunds)
        year = datetime.now(UTC).year
        seqs = [int(n.rsplit("-", 1)[1]) for n in numbers]
        assert all(n.startswith(f"RF-{year}-") for n in numbers)
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gap, no duplicate
        refund = refunds[0]
        assert refund["approval"] == "not_needed" and refund["proof_ref"] == "INV-8812"
        assert refund["purchase_price"]["amount"] == 219_900
        url = f"/v1/refunds/{refund['id']}/pay"
        r = await billing.client.post(
            url, json={"method": "transfer", "reference": "BANK-1"}, headers=books.finance
        )
        assert r.status_code == 200 and r.json()["status"] == "paid"
        assert r.json()["amount"]["amount"] == 199_900
        again = await billing.client.post(url, json={"method": "transfer"}, headers=books.finance)
        assert again.status_code == 409
        bad = await billing.client.post(url, json={"method": "cheque"}, headers=books.finance)
        assert bad.status_code == 422
        [paid] = await read_events(
            infrastructure.broker_url, "billing.refund.paid.v1", after=billing
        )
        assert paid.data.voucher_no == refund["voucher_no"]


async def test_the_second_strike_penalty_falls_on_the_technician_and_only_a_partner_pays_it(
    start_service, books_for
):
    async with start_service("billing") as billing:
        own = books_for(billing)
        await own.register_point(is_partner=False)  # one of the company's service centres
        partner = books_for(billing)
        await partner.register_point(is_partner=True)
        month = None
        for books in (own, partner):
            penalty = feedback.TechnicianDisciplined(
                technician_id=books.technician_id,
                point_id=books.point_id,
                complaint_id=uuid.uuid4(),
                strike=2,
                action="penalty",
                decided_at=datetime.now(UTC),
            )
            env = await books.publish(penalty, "feedback", books.technician_id)
            await handled(billing, env)
        for books, deducted in ((own, False), (partner, True)):
            r = await billing.client.get(
                "/v1/staff-penalties",
                params={"technician_id": str(books.technician_id)},
                headers=books.finance,
            )
            [entry] = r.json()["items"]
            assert entry["amount"]["amount"] == 50_000 and entry["strike"] == 2
            assert entry["deducted_from_point"] is deducted
            month = entry["month"]
        own_doc = await _statement(billing, month, own.point_id, own.finance)
        assert not [d for d in own_doc["deductions"] if d["kind"] == "penalty"]
        partner_doc = await _statement(billing, month, partner.point_id, partner.finance)
        assert [d["amount"]["amount"] for d in partner_doc["deductions"]] == [50_000]
