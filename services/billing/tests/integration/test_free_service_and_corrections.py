"""Free service and corrections of issued charges, through billing's public API on real
PostgreSQL and NATS: campaigns, warranty exclusions and their overturn by a credit note, waived
late compensation."""

from datetime import date, timedelta

from aftersales.events import dispatch
from aftersales_testing.factories import read_events

from .money_helpers import aircon_ticket, completed, v3
from .test_settlements import _statement


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
