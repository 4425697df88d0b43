"""Free training (clause 9): a sales training names no product, only the product category it is
about (dispatch routes by it) and its topic, and keeps its one-month deadline. Every ticket's
``intake.ticket.created.v2`` names its category."""

from datetime import datetime, timedelta

from aftersales_testing.factories import make_customer, make_product, read_events

PROBLEM = "application/problem+json"


def training(customer, **overrides):
    return {
        "customer_id": customer["id"],
        "kind": "training",
        "category": "air_conditioner",
        "topic": "selling the inverter range: energy labels and installation options",
        "description": "Sales training for the shop's new staff.",
        "channel": "partner",
        **overrides,
    }


async def test_a_sales_training_needs_no_product_and_keeps_its_month(start_service, infrastructure):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        shop = await make_customer(intake)
        owner = await make_customer(intake)
        product = await make_product(intake, owner["id"])  # the category is one the service knows
        r = await intake.client.post("/v1/tickets", json=training(shop), headers=agent)
        assert r.status_code == 201, r.text
        ticket = r.json()
        assert ticket["product_id"] is None and ticket["kind"] == "training"
        assert ticket["category"] == "air_conditioner" and ticket["topic"].startswith("selling")
        opened = datetime.fromisoformat(ticket["created_at"])
        assert datetime.fromisoformat(ticket["sla"]["complete_by"]) - opened == timedelta(hours=744)
        assert ticket["window_agreed"] is False  # a visit, its slot not yet agreed
        repair = await intake.client.post(
            "/v1/tickets",
            json={
                "customer_id": owner["id"],
                "product_id": product["id"],
                "kind": "repair",
                "description": "no cooling",
                "channel": "hotline",
            },
            headers=agent,
        )
        assert repair.status_code == 201, repair.text

        events = await read_events(
            infrastructure.broker_url, "intake.ticket.created.v2", after=intake
        )
        by_id = {str(e.data.ticket_id): e.data for e in events}
        created = by_id[ticket["id"]]
        assert created.product is None and created.needs_visit
        assert created.category == "air_conditioner" and created.topic == ticket["topic"]
        assert (created.site.region, created.site.line) == (
            shop["address"]["region"],
            shop["address"]["line"],
        )
        assert created.window_agreed is False
        assert created.complete_by == datetime.fromisoformat(ticket["sla"]["complete_by"])
        with_product = by_id[repair.json()["id"]]
        assert with_product.category == product["category"] == "air_conditioner"
        assert with_product.product is not None and with_product.topic is None


async def test_what_a_ticket_is_about_is_checked_and_a_refusal_writes_nothing(start_service):
    async with start_service("intake") as intake:
        agent, admin = intake.auth("agent"), intake.auth("admin")
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        current = await intake.client.get("/v1/service-catalogue", headers=admin)
        r = await intake.client.put(
            "/v1/service-catalogue",
            json={"categories": [{"category": "tv", "kinds": ["repair"]}]},
            headers={**admin, "If-Match": current.headers["ETag"]},
        )
        assert r.status_code == 200, r.text

        refused = {
            "no category": training(customer, category=None),
            "no topic": training(customer, topic=None),
            "a repair needs its product": training(customer, kind="repair"),
            "a category nobody knows": training(customer, category="hovercraft"),
            "not offered for the category": training(customer, category="tv"),
            "not the product's category": training(
                customer, product_id=product["id"], category="tv"
            ),
            "an order has lines, not a topic": training(
                customer,
                kind="parts_order",
                category=None,
                lines=[{"sku": "FILTER-1", "qty": 1}],
            ),
        }
        for why, body in refused.items():
            r = await intake.client.post("/v1/tickets", json=body, headers=agent)
            assert r.status_code == 422, (why, r.text)
            assert r.headers["content-type"] == PROBLEM, why
        offered = await intake.client.post(
            "/v1/tickets", json=training(customer, category="tv"), headers=agent
        )
        assert offered.json()["offered"] == ["repair"]
        listed = await intake.client.get(
            "/v1/tickets", params={"customer_id": customer["id"]}, headers=agent
        )
        assert listed.json()["items"] == []

        # With its product, a training may say what it is about too.
        r = await intake.client.post(
            "/v1/tickets",
            json=training(customer, product_id=product["id"], category=None),
            headers=agent,
        )
        assert r.status_code == 201, r.text
        assert r.json()["category"] == product["category"] and r.json()["topic"]
