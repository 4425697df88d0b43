"""The money rules of the original document, through billing's public API on real PostgreSQL
and NATS: campaigns, warranty exclusions and their overturn, waived late compensation, cash
handed over or netted, settlements that follow callback outcomes, refunds paid, penalties on the
technician."""

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text

from aftersales.events import Money, dispatch, feedback, intake
from aftersales.testing.apps import handled
from aftersales.testing.factories import publish_raw, read_events, ticket_created

from .test_settlements import _statement, last_month


def cash(amount, method="cash", reference=None):
    body = {"method": method, "amount": {"amount": amount, "currency": "CNY"}}
    return {**body, "reference": reference} if reference else body


async def aircon_ticket(books, *, region="east", reported=None):
    """An out-of-warranty air conditioner ticket (v2: billing learns its region)."""
    env = ticket_created(site={"region": region, "city": "Hangzhou", "line": "1 Lake Rd"})
    product = env.data.product.model_copy(
        update={
            "category": "air_conditioner",
            "warranty_until": date(2025, 1, 1),
            "in_warranty": False,
        }
    )
    data = env.data.model_copy(
        update={"product": product, "created_at": reported or datetime.now(UTC)}
    )
    env = env.model_copy(update={"data": data})
    await publish_raw(books.nats_url, env)
    return env


def v3(books, ticket, **fields):
    values = {
        "job_id": uuid.uuid4(),
        "ticket_id": ticket.data.ticket_id,
        "point_id": books.point_id,
        "technician_id": books.technician_id,
        "resolution": "on_site",
        "labor_minutes": 60,
        "parts": [],
        "travel_km": 5,
        "visit_number": 1,
        "arrived_late_minutes": 0,
        "completed_at": datetime.now(UTC),
        "category": ticket.data.product.category,
    }
    values.update(fields)
    return dispatch.JobCompleted(**values)


async def completed(books, job):
    await books.publish(job, "dispatch", job.job_id)
    return await books.charge_of(job.job_id)


async def test_a_campaign_makes_matching_jobs_free_and_reversed_dates_are_refused(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        today = date.today()
        body = {
            "name": "Air conditioners before summer",
            "categories": ["air_conditioner"],
            "regions": ["east"],
            "kinds": ["repair", "maintenance"],
            "from": (today - timedelta(days=3)).isoformat(),
            "to": (today + timedelta(days=30)).isoformat(),
            "covers": ["labour"],
        }
        reversed_ = await billing.client.post(
            "/v1/campaigns",
            json={**body, "from": body["to"], "to": body["from"]},
            headers=books.finance,
        )
        assert reversed_.status_code == 422 and "before it begins" in reversed_.json()["detail"]
        agent = await billing.client.post("/v1/campaigns", json=body, headers=billing.auth("agent"))
        assert agent.status_code == 403
        r = await billing.client.post("/v1/campaigns", json=body, headers=books.finance)
        assert r.status_code == 201, r.text
        campaign = r.json()
        assert campaign["from"] == body["from"] and campaign["covers"] == ["labour"]
        listed = await billing.client.get(
            "/v1/campaigns", params={"active_on": today.isoformat()}, headers=books.finance
        )
        assert [c["id"] for c in listed.json()["items"]] == [campaign["id"]]

        east = await completed(books, v3(books, await aircon_ticket(books)))
        assert east["service_class"] == "C" and east["campaign_id"] == campaign["id"]
        assert "Air conditioners before summer" in east["class_reason"]
        # labour (and its call-out) free; travel within 10 km costs nothing anyway
        assert east["customer_total"]["amount"] == 0
        west = await completed(books, v3(books, await aircon_ticket(books, region="west")))
        assert west["service_class"] == "A" and west["campaign_id"] is None


async def test_an_exclusion_is_paid_service_until_finance_overturns_it_with_a_credit_note(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await books.ticket(in_warranty=True)
        misuse = dispatch.ClaimedExclusion(
            reason="misuse", note="drum packed with bricks", photo_ref="photo-17"
        )
        charge = await completed(
            books,
            v3(books, ticket, exclusion=misuse, parts=[dispatch.PartUsed(sku="PUMP-01", qty=1)]),
        )
        assert charge["service_class"] == "A" and "misuse" in charge["class_reason"]
        assert charge["exclusion"]["photo_ref"] == "photo-17"
        assert charge["exclusion"]["otherwise"]["service_class"] == "C"
        owed = charge["customer_total"]["amount"]
        assert owed == 5_000 + 12_000 + 25_000  # call-out, an hour of labour, the pump

        url = f"/v1/charges/{charge['id']}/exclusion/overturn"
        tech = billing.auth("technician", technician_id=books.technician_id)
        assert (
            await billing.client.post(url, json={"reason": "x"}, headers=tech)
        ).status_code == 403
        r = await billing.client.post(
            url, json={"reason": "the bricks were the installer's"}, headers=books.finance
        )
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["charge"]["service_class"] == "C"
        assert out["credit_note"]["amount"]["amount"] == owed
        assert out["credit_note"]["number"].startswith("CN-")
        assert out["charge"]["status"] == "nothing_due"
        # Lines stay as issued: the correction is the credit note.
        assert sum(line["customer_pays"]["amount"] for line in out["charge"]["lines"]) == owed
        again = await billing.client.post(url, json={"reason": "again"}, headers=books.finance)
        assert again.status_code == 409
        plain = await books.charged(await books.ticket())
        none = await billing.client.post(
            f"/v1/charges/{plain['id']}/exclusion/overturn",
            json={"reason": "?"},
            headers=books.finance,
        )
        assert none.status_code == 409 and "no warranty exclusion" in none.json()["detail"]
        [corrected] = await read_events(
            infrastructure.broker_url, "billing.charge.corrected.v1", after=billing
        )
        assert corrected.data.correction == "exclusion_overturned"
        audit = await billing.client.get(
            "/v1/audit", params={"object_id": charge["id"]}, headers=billing.auth("admin")
        )
        assert any(e["action"] == "exclusion overturned" for e in audit.json()["items"])


async def test_a_waived_lateness_is_a_supplementary_charge_and_the_point_is_not_deducted(
    start_service, books_for
):
    async with start_service(
        "billing", late_compensation_per_day=5_000, late_grace_minutes=30
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        cause = dispatch.DelayCause(cause="customer", note="the customer moved the visit")
        charge = await completed(
            books,
            v3(books, await books.ticket(), arrived_late_minutes=200, delay_cause=cause),
        )
        assert charge["late"]["delay_cause"]["cause"] == "customer"
        assert charge["late"]["compensation"]["amount"] == 5_000
        url = f"/v1/charges/{charge['id']}/late-compensation/waive"
        r = await billing.client.post(
            url, json={"reason": "call log shows it"}, headers=books.finance
        )
        assert r.status_code == 200, r.text
        supp = r.json()["supplementary_charge"]
        assert supp["number"].startswith("SC-") and supp["supplements"] == charge["id"]
        assert supp["customer_total"]["amount"] == 5_000
        assert r.json()["charge"]["late"]["waived"]["reason"] == "call log shows it"
        again = await billing.client.post(url, json={"reason": "again"}, headers=books.finance)
        assert again.status_code == 409
        on_time = await completed(books, v3(books, await books.ticket()))
        none = await billing.client.post(
            f"/v1/charges/{on_time['id']}/late-compensation/waive",
            json={"reason": "?"},
            headers=books.finance,
        )
        assert none.status_code == 409 and "no late-arrival compensation" in none.json()["detail"]
        empty = await billing.client.post(url, json={"reason": ""}, headers=books.finance)
        assert empty.status_code == 422

        doc = await _statement(billing, charge["month"], books.point_id, books.finance)
        deductions = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert deductions["late_compensation"] == 5_000 and deductions["late_waived"] == -5_000
        assert doc["jobs"] == 2  # the supplementary charge is no job


async def test_cash_is_held_until_handed_over_once_and_a_partner_nets_what_it_still_owes(
    start_service, books_for
):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        tech = billing.auth("technician", technician_id=books.technician_id)
        point = billing.auth("point", point_id=books.point_id)
        first = await books.charged(await books.ticket())
        second = await books.charged(await books.ticket())
        third = await books.charged(await books.ticket(), completed_at=mid)

        async def pay(charge, body, who=tech):
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments", json=body, headers=who
            )
            assert r.status_code == 201, r.text
            return r.json()["payments"][-1]["id"]

        cash_one = await pay(first, cash(45_000))
        card = await pay(second, cash(20_000, "card", reference="SLIP-77"))
        at_desk = await pay(second, cash(25_000), who=books.finance)  # taken by the cashier
        kept = await pay(third, cash(45_000))
        async with billing.db.uow() as uow:  # taken on site last month, still held
            await uow.session.execute(
                text("UPDATE billing.payments SET paid_at = :at WHERE id = :id"),
                {"at": mid, "id": uuid.UUID(kept)},
            )
            await uow.commit()

        held = await billing.client.get(
            "/v1/cash",
            params={"technician_id": str(books.technician_id), "outstanding": "true"},
            headers=point,
        )
        assert held.status_code == 200
        assert {p["payment_id"] for p in held.json()["items"]} == {cash_one, kept}
        assert held.json()["held"]["amount"] == 90_000
        other_point = billing.auth("point", point_id=uuid.uuid4())

        async def hand(ids, who=point):
            return await billing.client.post(
                "/v1/cash-handovers",
                json={"technician_id": str(books.technician_id), "payment_ids": ids},
                headers=who,
            )

        assert (await hand([cash_one], other_point)).status_code == 404
        not_cash = await hand([card])
        assert not_cash.status_code == 422 and "not in cash" in not_cash.json()["detail"]
        assert (await hand([at_desk])).status_code == 422
        ok = await hand([cash_one])
        assert ok.status_code == 201 and ok.json()["amount"]["amount"] == 45_000
        twice = await hand([cash_one])
        assert twice.status_code == 409 and "handed over already" in twice.json()["detail"]
        # A partner's own office holding it is not the company having it: still outstanding.
        owed = await billing.client.get(
            "/v1/cash",
            params={"point_id": str(books.point_id), "outstanding": "true"},
            headers=point,
        )
        assert {p["payment_id"]: p["status"] for p in owed.json()["items"]} == {
            cash_one: "at_office",
            kept: "held",
        }
        assert owed.json()["held"]["amount"] == 90_000

        # Last month the partner kept 450.00 of its customers' cash: netted in its statement.
        doc = await _statement(billing, month, books.point_id, books.finance)
        assert {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}["cash_held"] == 45_000
        await books.graded(month)
        closed = await billing.client.post(f"/v1/settlements/{month}/close", headers=books.finance)
        assert closed.status_code == 200, closed.text
        after = await billing.client.get(
            "/v1/cash", params={"point_id": str(books.point_id)}, headers=books.finance
        )
        status = {p["payment_id"]: p["status"] for p in after.json()["items"]}
        assert status == {cash_one: "at_office", kept: "netted"}
        assert (await hand([kept])).status_code == 409


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
