import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import intake
from aftersales_testing.apps import SettableClock, eventually
from billing.use_cases.contracts import (
    announce_expiring,
    invoice_contracts,
    request_planned_visits,
)

CUSTOMER = uuid.uuid4()


async def registered(books, customer_id=CUSTOMER, version=1, **changes):
    """A product as intake registers (or, from version 2, updates) it."""
    product_id = changes.pop("product_id", None) or uuid.uuid4()
    facts = {
        "product_id": product_id,
        "customer_id": customer_id,
        "category": "washing_machine",
        "model": "XQB70",
        "serial_no": uuid.uuid4().hex[:10],
        "purchased_on": date.today() - timedelta(days=100),
        "warranty_until": date.today() + timedelta(days=265),
    }
    if version == 1:
        data = intake.ProductRegistered(**facts, registered_at=datetime.now(UTC))
    else:
        data = intake.ProductUpdated(
            **facts, **changes, changes=sorted(changes), updated_at=datetime.now(UTC)
        )
    await books.publish(data, "intake", product_id, version=version)
    return product_id


async def sign(billing, books, body):
    """POST the contract once billing has heard of its products (its projection's barrier)."""

    async def answered():
        r = await billing.client.post("/v1/contracts", json=body, headers=books.finance)
        return None if "not a registered product" in r.text else r

    return await eventually(answered)


def contract_body(product_ids, **overrides):
    today = date.today()
    body = {
        "contract_no": f"MC-{uuid.uuid4().hex[:8]}",
        "customer_id": str(CUSTOMER),
        "product_ids": [str(p) for p in product_ids],
        "starts_on": (today - timedelta(days=30)).isoformat(),
        "ends_on": (today + timedelta(days=335)).isoformat(),
        "covers": {"labor": True, "parts": True, "travel": False},
        "visits_included": 2,
    }
    body.update(overrides)
    return body


async def test_a_covered_product_is_class_b_until_its_visits_are_used_up(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        product = await registered(books)
        r = await sign(billing, books, contract_body([product]))
        assert r.status_code == 201, r.text
        contract = r.json()
        assert contract["visits_left"] == 2

        first = await books.charged(await books.ticket(product_id=product))
        assert first["service_class"] == "B" and first["contract_id"] == contract["id"]
        assert "visit 1 of 2" in first["class_reason"]
        # labour, call-out and parts covered; travel (25 km: 30.00) is not
        assert first["customer_total"]["amount"] == 3_000
        assert first["company_cost"]["amount"] == 5_000 + 12_000 + 12_000
        second = await books.charged(await books.ticket(product_id=product))
        assert second["service_class"] == "B"
        third = await books.charged(await books.ticket(product_id=product))
        assert third["service_class"] == "A" and "used up" in third["class_reason"]

        got = await billing.client.get(f"/v1/contracts/{contract['id']}", headers=books.finance)
        assert (got.json()["visits_used"], got.json()["visits_left"]) == (2, 0)


async def test_overlapping_contracts_on_one_product_are_refused(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        product, other = await registered(books), await registered(books)
        year = {"starts_on": "2027-01-01", "ends_on": "2027-12-31"}
        await sign(
            billing, books, contract_body([other], starts_on="2020-01-01", ends_on="2020-02-01")
        )
        ok = await sign(billing, books, contract_body([product], **year))
        assert ok.status_code == 201
        clash = await billing.client.post(
            "/v1/contracts",
            json=contract_body([other, product], starts_on="2027-12-31", ends_on="2028-06-30"),
            headers=books.finance,
        )
        assert clash.status_code == 409 and clash.json()["product_id"] == str(product)
        after = await billing.client.post(
            "/v1/contracts",
            json=contract_body([other, product], starts_on="2028-01-01", ends_on="2028-06-30"),
            headers=books.finance,
        )
        assert after.status_code == 201
        same_no = await billing.client.post(
            "/v1/contracts",
            json=contract_body([other], contract_no=ok.json()["contract_no"]),
            headers=books.finance,
        )
        assert same_no.status_code == 409
        backwards = await billing.client.post(
            "/v1/contracts",
            json=contract_body([uuid.uuid4()], starts_on="2027-02-01", ends_on="2027-01-01"),
            headers=books.finance,
        )
        assert backwards.status_code == 422
        listed = await billing.client.get(
            "/v1/contracts", params={"customer_id": ok.json()["customer_id"]}, headers=books.finance
        )
        assert ok.json()["id"] in [c["id"] for c in listed.json()["items"]]
        point = await billing.client.post(
            "/v1/contracts",
            json=contract_body([uuid.uuid4()]),
            headers=billing.auth("point", point_id=uuid.uuid4()),
        )
        assert point.status_code == 403


async def test_a_contract_names_only_registered_products_of_its_customer(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        customer = uuid.uuid4()
        mine = await registered(books, customer_id=customer)
        theirs = await registered(books, customer_id=uuid.uuid4())
        ok = await sign(billing, books, contract_body([mine], customer_id=str(customer)))
        assert ok.status_code == 201, ok.text

        unknown = uuid.uuid4()
        r = await billing.client.post(
            "/v1/contracts",
            json=contract_body([unknown], customer_id=str(customer)),
            headers=books.finance,
        )
        assert r.status_code == 422 and r.json()["product_id"] == str(unknown)
        assert r.headers["content-type"] == "application/problem+json"
        other = await billing.client.post(
            "/v1/contracts",
            json=contract_body([theirs], customer_id=str(customer)),
            headers=books.finance,
        )
        assert other.status_code == 422 and "another customer" in other.json()["detail"]

        # A product refunded (deregistered by intake) is never covered again.
        gone = await registered(books, customer_id=customer, version=2, deregistered=True)
        refused = await sign(billing, books, contract_body([gone], customer_id=str(customer)))
        assert refused.status_code == 422 and "refunded" in refused.json()["detail"]
        listed = await billing.client.get(
            "/v1/contracts", params={"customer_id": str(customer)}, headers=books.finance
        )
        assert [c["id"] for c in listed.json()["items"]] == [ok.json()["id"]]


async def test_a_contract_earns_its_fee_each_quarter_is_renewed_and_plans_its_visits(
    start_service, books_for, infrastructure
):
    from aftersales_testing.factories import read_events

    # 10:00 in Shanghai on 10 March 2026; the scanners run when the test calls them.
    clock = SettableClock(datetime(2026, 3, 10, 2, 0, tzinfo=UTC))
    async with start_service("billing", clock=clock, worker_poll_seconds=3600) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        product = await registered(books)
        today = date(2026, 3, 10)
        body = contract_body(
            [product],
            starts_on=(today - timedelta(days=100)).isoformat(),
            ends_on=(today + timedelta(days=264)).isoformat(),
            fee=30_000,
            schedule="quarterly",
            maintenance_visits_per_year=2,
        )
        signed = await sign(billing, books, body)
        assert signed.status_code == 201, signed.text
        bad = {**body, "maintenance_visits_per_year": 5, "contract_no": "MC-bad"}
        r = await billing.client.post("/v1/contracts", json=bad, headers=books.finance)
        assert r.status_code == 422 and "maintenance_visits_per_year" in r.json()["detail"]
        contract = signed.json()
        assert contract["fee"]["amount"] == 30_000 and contract["schedule"] == "quarterly"
        url = f"/v1/contracts/{contract['id']}/billing"

        # Signed 100 days into its term: the quarters begun are invoiced one per pass.
        assert [await invoice_contracts(billing.db, policy) for _ in range(3)] == [1, 1, 0]
        detail = (await billing.client.get(url, headers=books.finance)).json()
        first, second = detail["invoices"]
        assert [i["number"][:3] for i in (first, second)] == ["CI-", "CI-"]
        assert first["period_start"] == body["starts_on"]
        assert first["amount"]["amount"] == 30_000 and first["status"] == "open"
        assert len(detail["planned_visits"]) == 2  # two a year within the term

        pay = f"/v1/contract-invoices/{first['id']}/payments"
        paid = await billing.client.post(
            pay,
            json={"method": "transfer", "amount": {"amount": 30_000, "currency": "CNY"}},
            headers=books.finance,
        )
        assert paid.status_code == 201 and paid.json()["status"] == "paid"
        over = await billing.client.post(
            f"/v1/contract-invoices/{second['id']}/payments",
            json={"method": "cash", "amount": {"amount": 30_001, "currency": "CNY"}},
            headers=books.finance,
        )
        assert over.status_code == 422
        assert (
            await billing.client.post(
                pay,
                json={"method": "cash", "amount": {"amount": 1, "currency": "CNY"}},
                headers=books.finance,
            )
        ).status_code == 409

        invoiced = await read_events(
            infrastructure.broker_url, "billing.contract.invoiced.v1", after=billing
        )
        mine = [e for e in invoiced if e.data.contract_id == uuid.UUID(contract["id"])]
        assert len(mine) == 2

        async def announced(subject):
            events = await read_events(infrastructure.broker_url, subject, after=billing)
            return [e for e in events if e.data.contract_id == uuid.UUID(contract["id"])]

        # Its first planned visit (three months into the term) is due: intake is asked for it.
        assert await request_planned_visits(billing.db, policy) == 1
        [due] = await announced("billing.contract.maintenance_due.v1")
        assert due.data.visit_no == 1 and due.data.product_id == product
        # Thirty days before its last day, its end is announced.
        ends_on = date.fromisoformat(body["ends_on"])
        last_day = datetime(ends_on.year, ends_on.month, ends_on.day, 2, tzinfo=UTC)
        clock.set(last_day - timedelta(days=31))
        assert await announce_expiring(billing.db, policy) == 0
        clock.advance(timedelta(days=1))
        assert await announce_expiring(billing.db, policy) == 1
        [expiring] = await announced("billing.contract.expiring.v1")
        assert expiring.data.ends_on == ends_on

        renew = f"/v1/contracts/{contract['id']}/renew"
        renewed = await billing.client.post(
            renew, json={"contract_no": body["contract_no"] + "-R"}, headers=books.finance
        )
        assert renewed.status_code == 201, renewed.text
        new = renewed.json()
        assert new["renewed_from"] == contract["id"] and new["fee"]["amount"] == 30_000
        assert (
            new["starts_on"]
            == (date.fromisoformat(body["ends_on"]) + timedelta(days=1)).isoformat()
        )
        again = await billing.client.post(
            renew, json={"contract_no": body["contract_no"] + "-R2"}, headers=books.finance
        )
        assert again.status_code == 409
        # A contract overlapping the renewal for the same product is refused.
        clash = contract_body(
            [product],
            starts_on=new["starts_on"],
            ends_on=new["ends_on"],
        )
        r = await billing.client.post("/v1/contracts", json=clash, headers=books.finance)
        assert r.status_code == 409
