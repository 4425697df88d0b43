"""Training is free (clause 9): a `training` job is class C at any warranty state, the company
bears its cost like warranty work and the point is paid its class C share; sales training needs
no product, and a ticket without one prices and settles."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.events import dispatch
from aftersales_testing.factories import publish_raw, ticket_created

from .test_contracts import contract_body, registered, sign

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def statement(billing, books, month):
    r = await billing.client.get(
        "/v1/settlements",
        params={"month": month, "point_id": str(books.point_id)},
        headers=books.finance,
    )
    assert r.status_code == 200, r.text
    [doc] = r.json()["items"]
    return doc


async def charged_without_product(books, ticket, **fields):
    """dispatch's completed job of a ticket with no product (the category it names)."""
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
        "category": ticket.data.category,
        **fields,
    }
    job = dispatch.JobCompleted(**values)
    await books.publish(job, "dispatch", job.job_id)
    return await books.charge_of(job.job_id)


async def no_product_ticket(books, kind, category="washing_machine"):
    """What intake announces for a ticket that names a category and a topic, no product."""
    env = ticket_created(kind=kind, product=None, category=category, topic="sales skills")
    assert env.data.product is None
    await publish_raw(books.nats_url, env)
    return env


async def test_a_training_out_of_warranty_is_free_and_the_company_bears_it(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list(callout_fees={"repair": 5_000, "training": 5_000})
        ticket = await books.ticket(in_warranty=False, kind="training")
        training = await books.charged(ticket, labor_minutes=60, travel_km=25)
        assert training["service_class"] == "C"
        assert "free training" in training["class_reason"]
        assert training["customer_total"]["amount"] == 0
        assert training["status"] == "nothing_due" and training["auto_invoice_at"] is None
        assert {line["kind"] for line in training["lines"]} >= {"callout", "labour", "travel"}
        assert all(line["customer_pays"]["amount"] == 0 for line in training["lines"])
        # call-out 50.00, labour 120.00, travel 30.00 and the pump at cost 120.00
        assert training["company_cost"]["amount"] == 5_000 + 12_000 + 3_000 + 12_000

        # The same work as a repair out of warranty is paid by the customer (class A).
        repair = await books.charged(
            await books.ticket(in_warranty=False), labor_minutes=60, travel_km=25
        )
        assert repair["service_class"] == "A" and repair["customer_total"]["amount"] > 0

        month = training["month"]
        doc = await statement(billing, books, month)
        assert doc["by_class"]["C"]["jobs"] == 1
        assert doc["by_class"]["C"]["work_value"]["amount"] == 20_000
        assert doc["by_class"]["C"]["owed"]["amount"] == 16_000  # 80 %, as warranty work


async def test_a_training_under_contract_counts_no_visit_and_ignores_an_exclusion(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        product = await registered(books)
        r = await sign(billing, books, contract_body([product]))
        assert r.status_code == 201, r.text
        contract = r.json()
        ticket = await books.ticket(in_warranty=False, kind="training", product_id=product)
        claimed = dispatch.ClaimedExclusion(reason="misuse", note="not a fault at all")
        charge = await books.charged(ticket, exclusion=claimed)
        assert charge["service_class"] == "C" and charge["customer_total"]["amount"] == 0
        assert charge["contract_id"] is None and charge["exclusion"] is None
        got = await billing.client.get(f"/v1/contracts/{contract['id']}", headers=books.finance)
        assert got.json()["visits_used"] == 0  # the contract's visits are for repairs
        # A repair of the same product is the contract's (class B), as before.
        repair = await books.charged(await books.ticket(product_id=product))
        assert repair["service_class"] == "B"


async def test_sales_training_without_a_product_is_free_and_settled(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await no_product_ticket(books, "training")
        charge = await charged_without_product(books, ticket, labor_minutes=90)
        assert charge["service_class"] == "C" and charge["customer_total"]["amount"] == 0
        assert charge["review"] == []  # priced by the category the ticket names
        assert charge["company_cost"]["amount"] == 18_000  # 6 quarters at 120.00/h
        doc = await statement(billing, books, charge["month"])
        assert doc["by_class"]["C"]["owed"]["amount"] == 14_400


async def test_a_ticket_without_a_product_has_no_warranty_and_no_contract(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await no_product_ticket(books, "repair")
        charge = await charged_without_product(books, ticket)
        assert charge["service_class"] == "A"
        assert "no registered product" in charge["class_reason"]
        assert charge["customer_total"]["amount"] == 5_000 + 12_000  # call-out and labour


async def test_a_campaign_covers_a_ticket_without_a_product_by_its_category(
    start_service, books_for
):
    today = datetime.now(SHANGHAI).date()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        r = await billing.client.post(
            "/v1/campaigns",
            json={
                "name": "demo days",
                "categories": ["air_conditioner"],
                "regions": ["440305"],
                "kinds": ["repair"],
                "from": str(today - timedelta(days=1)),
                "to": str(today + timedelta(days=1)),
            },
            headers=books.finance,
        )
        assert r.status_code == 201, r.text
        ticket = await no_product_ticket(books, "repair", category="air_conditioner")
        charge = await charged_without_product(books, ticket)
        assert charge["service_class"] == "C" and "demo days" in charge["class_reason"]
        assert charge["customer_total"]["amount"] == 0
