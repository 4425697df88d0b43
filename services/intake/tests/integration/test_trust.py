"""What a CRM or a point says is not taken on its word: refunds bounded by the recorded sale,
no other tenant's product named, and the centre's routing reasons kept to its staff."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import Envelope, dispatch
from aftersales_testing.apps import drained, eventually, handled
from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
    publish_raw,
    read_events,
)
from aftersales_testing.world import WebhookReceiver

FAST = {"webhook_allow_private_urls": True, "webhook_poll_seconds": 0.2}


async def test_a_refund_may_not_exceed_the_recorded_price_and_changes_nothing_if_it_does(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        crm = intake.auth("crm", tenant_id="acme")
        customer = await make_customer(intake, headers=crm)
        product = await make_product(
            intake,
            customer["id"],
            headers=crm,
            purchased_on=(date.today() - timedelta(days=2)).isoformat(),
            purchase_price={"amount": 300_000, "currency": "CNY"},
            sold_by="Suning, Pudong",
            proof_ref="INV-2026-000123",
        )
        assert product["purchase_price"] == {"amount": 300_000, "currency": "CNY"}
        ticket = await make_ticket(intake, customer=customer, product=product, headers=crm)

        greedy = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            json={
                "remedy": "refund",
                "reason": "dead on arrival",
                "refund": {"amount": 10_000_000_000, "currency": "CNY"},
            },
            headers=crm,
        )
        assert greedy.status_code == 422, greedy.text
        assert greedy.headers["content-type"].startswith("application/problem+json")
        assert "purchase price" in greedy.json()["detail"]
        assert greedy.json()["purchase_price"] == {"amount": 300_000, "currency": "CNY"}
        got = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=crm)
        assert got.json()["status"] == "open" and got.json()["version"] == ticket["version"]
        assert (
            await read_events(
                infrastructure.broker_url, "intake.ticket.remedy_decided.v1", after=intake
            )
            == []
        )

        fair = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            json={
                "remedy": "refund",
                "reason": "dead on arrival",
                "refund": {"amount": 300_000, "currency": "CNY"},
            },
            headers=crm,
        )
        assert fair.status_code == 200, fair.text
        [decided] = await eventually(
            lambda: read_events(
                infrastructure.broker_url, "intake.ticket.remedy_decided.v1", after=intake
            )
        )
        assert decided.data.purchase_price.amount == 300_000
        assert decided.data.proof_ref == "INV-2026-000123"


async def test_only_the_centre_changes_a_products_sale_once_registered(start_service):
    async with start_service("intake") as intake:
        crm = intake.auth("crm", tenant_id="acme")
        customer = await make_customer(intake, headers=crm)
        product = await make_product(intake, customer["id"], headers=crm)
        assert product["purchase_price"] is None
        path = f"/v1/products/{product['id']}"
        raise_it = {"purchase_price": {"amount": 99_000_000, "currency": "CNY"}}
        refused = await intake.client.patch(path, json=raise_it, headers={**crm, "If-Match": '"1"'})
        assert refused.status_code == 403, refused.text
        assert (await intake.client.get(path, headers=crm)).json()["purchase_price"] is None
        agent = {**intake.auth("agent"), "If-Match": '"1"'}
        checked = {"purchase_price": {"amount": 250_000, "currency": "CNY"}, "proof_ref": "INV-9"}
        ok = await intake.client.patch(path, json=checked, headers=agent)
        assert ok.status_code == 200, ok.text
        assert ok.json()["purchase_price"]["amount"] == 250_000
        assert ok.json()["proof_ref"] == "INV-9"


async def test_a_serial_registered_by_another_tenant_is_refused_without_naming_its_product(
    start_service,
):
    async with start_service("intake") as intake:
        acme, beta = intake.auth("crm", tenant_id="acme"), intake.auth("crm", tenant_id="beta")
        mine = await make_product(
            intake, (await make_customer(intake, headers=acme))["id"], headers=acme
        )
        serial = {"serial_no": mine["serial_no"], "model": mine["model"]}
        theirs = await make_customer(intake, headers=beta)
        r = await intake.client.post(
            f"/v1/customers/{theirs['id']}/products",
            json={**_product(), **serial},
            headers=beta,
        )
        assert r.status_code == 409, r.text
        assert mine["id"] not in r.text and "existing_id" not in r.json()
        again = await intake.client.post(
            f"/v1/customers/{(await make_customer(intake, headers=acme))['id']}/products",
            json={**_product(), **serial},
            headers=acme,
        )
        assert again.status_code == 409 and again.json()["existing_id"] == mine["id"]


def _product() -> dict:
    return {
        "category": "air_conditioner",
        "purchased_on": date.today().replace(day=1).isoformat(),
        "warranty_months": 12,
    }


async def test_the_routing_reason_naming_other_points_stays_with_the_centres_staff(
    start_service, infrastructure
):
    """An offer's full reason names the runner-up point: staff hear it; a point, a CRM and the
    timeline a CRM reads get the chosen point's own reason, in every version they asked for."""
    receivers = {who: WebhookReceiver() for who in ("staff", "crm", "point")}
    try:
        async with start_service("intake", **FAST) as intake:
            crm = intake.auth("crm", tenant_id="acme")
            point_id = uuid.uuid4()
            tokens = {
                "staff": intake.auth("agent"),
                "crm": crm,
                "point": intake.auth("point", point_id=str(point_id)),
            }
            patterns = {
                "staff": ["dispatch.job.routed.*"],
                "crm": ["dispatch.job.routed.*", "intake.ticket.status_changed.v1"],
                "point": ["dispatch.job.routed.v1", "dispatch.job.routed.v2"],
            }
            for who, rx in receivers.items():
                r = await intake.client.post(
                    "/v1/webhooks",
                    json={"url": rx.url, "events": patterns[who]},
                    headers=tokens[who],
                )
                assert r.status_code == 201, r.text
            ticket = await make_ticket(intake, headers=crm)
            routed = _routed(uuid.UUID(ticket["id"]), point_id)
            await publish_raw(infrastructure.broker_url, routed)
            await handled(intake, routed)
            await drained(intake)

            async def all_delivered():
                counts = {w: len(rx.events()) for w, rx in receivers.items()}
                return counts if counts == {"staff": 2, "crm": 3, "point": 2} else None

            await eventually(all_delivered, timeout=30)
            for rx in receivers.values():
                assert {e["type"] for e in rx.events()} >= {
                    "dispatch.job.routed.v1",
                    "dispatch.job.routed.v2",
                }
            staff_said = [e["data"]["why"] for e in receivers["staff"].events()]
            assert all("RUNNER-UP" in why for why in staff_said)
            for who in ("crm", "point"):
                sent = b"".join(body for _, body in receivers[who].requests)
                assert b"RUNNER-UP" not in sent and b"grade C" not in sent
                routed_said = [e for e in receivers[who].events() if "routed" in e["type"]]
                assert all(e["data"]["why"] == "CHOSEN (grade A): its own" for e in routed_said)

            timeline = f"/v1/tickets/{ticket['id']}/timeline"
            as_crm = (await intake.client.get(timeline, headers=crm)).text
            as_staff = (await intake.client.get(timeline, headers=intake.auth("agent"))).text
            assert "RUNNER-UP" in as_staff
            assert "RUNNER-UP" not in as_crm and "CHOSEN (grade A): its own" in as_crm
            [changed] = await read_events(
                infrastructure.broker_url, "intake.ticket.status_changed.v1", after=intake
            )
            assert "RUNNER-UP" not in changed.data.reason
    finally:
        for rx in receivers.values():
            rx.close()


def _routed(ticket_id: uuid.UUID, point_id: uuid.UUID) -> Envelope:
    job_id = uuid.uuid4()
    data = dispatch.JobRouted(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=point_id,
        attempt=1,
        why="CHOSEN (grade A) first of 2 with room; better grade than RUNNER-UP (grade C)",
        own_why="CHOSEN (grade A): its own",
        offer_expires_at=datetime.now(UTC) + timedelta(minutes=30),
        ticket_number="SR-2026-0000001",
        kind="repair",
        region="310115",
        product=dispatch.OfferedProduct(
            category="air_conditioner", model="KFR-35GW", serial_no="S", in_warranty=True
        ),
    )
    return Envelope.wrap(data, source="dispatch", aggregate_id=job_id, aggregate_version=1)
