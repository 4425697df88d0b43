import asyncio
import re
from datetime import UTC, datetime, timedelta

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_customer, make_product, make_ticket, read_events


async def test_a_ticket_is_opened_with_number_sla_and_a_created_event(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        customer = await make_customer(
            intake, address={"region": "440305", "city": "Shenzhen", "line": "9 Keyuan Road"}
        )
        product = await make_product(
            intake, customer["id"], category="refrigerator", contract_no="MC-2026-7"
        )
        ticket = await make_ticket(intake, customer=customer, product=product, kind="install")
        assert re.fullmatch(r"SR-\d{4}-\d{7}", ticket["number"])
        assert ticket["status"] == "open"
        opened = datetime.fromisoformat(ticket["created_at"])
        assert datetime.fromisoformat(ticket["sla"]["respond_by"]) == opened + timedelta(hours=4)

        got = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=intake.auth())
        assert got.json() == ticket
        assert got.headers["etag"] == '"1"'

        [event] = await eventually(
            lambda: read_events(infrastructure.broker_url, "intake.ticket.created.v2", after=intake)
        )
        assert event.aggregate_id == event.data.ticket_id
        assert str(event.data.ticket_id) == ticket["id"]
        assert event.data.customer.region == "440305"
        assert event.data.product.category == "refrigerator"
        assert event.data.product.contract_no == "MC-2026-7"
        assert event.data.product.in_warranty is True
        assert event.data.needs_visit is True


async def test_concurrent_tickets_get_distinct_numbers(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        tickets = await asyncio.gather(
            *[make_ticket(intake, customer=customer, product=product) for _ in range(25)]
        )
        numbers = [t["number"] for t in tickets]
        assert len(set(numbers)) == 25


async def test_bad_ticket_requests_are_refused(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        base = {
            "customer_id": customer["id"],
            "product_id": product["id"],
            "kind": "repair",
            "description": "x",
            "channel": "hotline",
        }
        now = datetime.now(UTC)
        cases = [
            ({**base, "kind": "teleport"}, 422),
            ({**base, "channel": "pigeon"}, 422),
            ({**base, "status": "closed"}, 422),
            ({**base, "customer_id": "00000000-0000-0000-0000-000000000000"}, 404),
            (
                {
                    **base,
                    "preferred_window": {
                        "start": (now + timedelta(hours=5)).isoformat(),
                        "end": (now + timedelta(hours=1)).isoformat(),
                    },
                },
                422,
            ),
        ]
        for body, status in cases:
            r = await intake.client.post("/v1/tickets", json=body, headers=intake.auth())
            assert r.status_code == status, (body, r.text)
            assert r.headers["content-type"] == "application/problem+json"
        listed = await intake.client.get("/v1/tickets", headers=intake.auth())
        assert listed.json()["items"] == []


async def test_tickets_list_pages_with_a_cursor_and_filters(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        made = [await make_ticket(intake, customer=customer, product=product) for _ in range(5)]
        seen, cursor = [], None
        while True:
            params = {"limit": 2, "customer_id": customer["id"]}
            if cursor:
                params["cursor"] = cursor
            page = (
                await intake.client.get("/v1/tickets", params=params, headers=intake.auth())
            ).json()
            seen += [t["id"] for t in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [t["id"] for t in made]
        too_many = await intake.client.get(
            "/v1/tickets", params={"limit": 101}, headers=intake.auth()
        )
        assert too_many.status_code == 422
        bad = await intake.client.get(
            "/v1/tickets", params={"cursor": "zzz"}, headers=intake.auth()
        )
        assert bad.status_code == 400


async def test_customers_are_unique_by_phone_and_products_by_serial(start_service):
    async with start_service("intake") as intake:
        first = await make_customer(intake, phone="+86 139 1234 5678")
        dup = await intake.client.post(
            "/v1/customers",
            json={
                "name": "Other",
                "phone": "13912345678",
                "address": {"region": "310115", "city": "Shanghai", "line": "x"},
            },
            headers=intake.auth(),
        )
        assert dup.status_code == 409 and dup.json()["existing_id"] == first["id"]
        product = await make_product(intake, first["id"], serial_no="ABC123")
        again = await intake.client.post(
            f"/v1/customers/{first['id']}/products",
            json={
                "category": product["category"],
                "model": product["model"],
                "serial_no": "ABC123",
                "purchased_on": "2026-01-01",
                "warranty_months": 12,
            },
            headers=intake.auth(),
        )
        assert again.status_code == 409


async def test_technicians_and_points_may_not_open_tickets(start_service):
    async with start_service("intake") as intake:
        r = await intake.client.get(
            "/v1/tickets",
            headers=intake.auth("technician", technician_id="00000000-0000-0000-0000-000000000001"),
        )
        assert r.status_code == 403
