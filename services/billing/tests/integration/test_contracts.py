import uuid
from datetime import date, timedelta


def contract_body(product_ids, **overrides):
    today = date.today()
    body = {
        "contract_no": f"MC-{uuid.uuid4().hex[:8]}",
        "customer_id": str(uuid.uuid4()),
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
        product = uuid.uuid4()
        r = await billing.client.post(
            "/v1/contracts", json=contract_body([product]), headers=books.finance
        )
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
        product, other = uuid.uuid4(), uuid.uuid4()
        year = {"starts_on": "2027-01-01", "ends_on": "2027-12-31"}
        ok = await billing.client.post(
            "/v1/contracts", json=contract_body([product], **year), headers=books.finance
        )
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
            json=contract_body([uuid.uuid4()], contract_no=ok.json()["contract_no"]),
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
        assert [c["id"] for c in listed.json()["items"]] == [ok.json()["id"]]
        point = await billing.client.post(
            "/v1/contracts",
            json=contract_body([uuid.uuid4()]),
            headers=billing.auth("point", point_id=uuid.uuid4()),
        )
        assert point.status_code == 403
