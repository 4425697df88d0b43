"""The ticket commands: cancel, resolve remotely, warranty remedies, and the catalogue that
decides what is offered and how fast."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import Envelope, dispatch
from aftersales_testing.apps import eventually
from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
    publish_raw,
    read_events,
)

PROBLEM = "application/problem+json"


async def test_cancel_before_departure_and_409_after(start_service, infrastructure):
    async with start_service("intake") as intake:
        early = await make_ticket(intake)
        r = await intake.client.post(
            f"/v1/tickets/{early['id']}/cancel",
            json={"reason": "customer fixed it"},
            headers={**intake.auth(), "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "cancelled"
        again = await intake.client.post(
            f"/v1/tickets/{early['id']}/cancel", json={"reason": "twice"}, headers=intake.auth()
        )
        assert again.status_code == 409 and again.headers["content-type"] == PROBLEM

        late = await make_ticket(intake)
        job = uuid.uuid4()
        await publish_raw(
            infrastructure.broker_url,
            Envelope.wrap(
                dispatch.JobStatusChanged(
                    job_id=job,
                    ticket_id=uuid.UUID(late["id"]),
                    status="en_route",
                    previous_status="scheduled",
                    at=datetime.now(UTC),
                ),
                source="dispatch",
                aggregate_id=job,
                aggregate_version=4,
            ),
        )

        async def on_the_way():
            t = (await intake.client.get(f"/v1/tickets/{late['id']}", headers=intake.auth())).json()
            return t["status"] == "in_progress"

        await eventually(on_the_way)
        r = await intake.client.post(
            f"/v1/tickets/{late['id']}/cancel", json={"reason": "too late"}, headers=intake.auth()
        )
        assert r.status_code == 409
        assert "on the way" in r.json()["detail"]
        stale = await intake.client.post(
            f"/v1/tickets/{late['id']}/resolve-remotely",
            json={"note": "x"},
            headers={**intake.auth(), "If-Match": '"1"'},
        )
        assert stale.status_code in (409, 412)
        [cancelled] = await read_events(
            infrastructure.broker_url, "intake.ticket.cancelled.v1", after=intake
        )
        assert str(cancelled.data.ticket_id) == early["id"]


async def test_resolve_remotely_closes_without_a_visit(start_service, infrastructure):
    async with start_service("intake") as intake:
        t = await make_ticket(intake, kind="consultation")
        r = await intake.client.post(
            f"/v1/tickets/{t['id']}/resolve-remotely",
            json={"note": "reset the remote's batteries"},
            headers=intake.auth(),
        )
        assert r.status_code == 200 and r.json()["status"] == "resolved_remotely"
        [event] = await read_events(
            infrastructure.broker_url, "intake.ticket.resolved_remotely.v1", after=intake
        )
        assert event.data.note == "reset the remote's batteries"
        missing = await intake.client.post(
            f"/v1/tickets/{uuid.uuid4()}/resolve-remotely",
            json={"note": "x"},
            headers=intake.auth(),
        )
        assert missing.status_code == 404


async def test_warranty_remedies_follow_the_policy(start_service, infrastructure):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        fresh = await make_product(
            intake, customer["id"], purchased_on=(date.today() - timedelta(days=3)).isoformat()
        )
        old = await make_product(
            intake, customer["id"], purchased_on=(date.today() - timedelta(days=60)).isoformat()
        )
        t_fresh = await make_ticket(intake, customer=customer, product=fresh)
        t_old = await make_ticket(intake, customer=customer, product=old)

        refused = await intake.client.post(
            f"/v1/tickets/{t_old['id']}/warranty-remedy",
            json={"remedy": "refund", "reason": "customer asks"},
            headers=intake.auth(),
        )
        assert refused.status_code == 422
        assert "within 7 days" in refused.json()["detail"]
        no_replace = await intake.client.post(
            f"/v1/tickets/{t_old['id']}/warranty-remedy",
            json={"remedy": "replace", "reason": "x", "new_serial_no": "NEW-1"},
            headers=intake.auth(),
        )
        assert no_replace.status_code == 422 and "failed repairs" in no_replace.json()["detail"]
        repair = await intake.client.post(
            f"/v1/tickets/{t_old['id']}/warranty-remedy",
            json={"remedy": "repair", "reason": "in warranty"},
            headers=intake.auth(),
        )
        assert repair.status_code == 200 and repair.json()["replacement_product"] is None

        replace = await intake.client.post(
            f"/v1/tickets/{t_fresh['id']}/warranty-remedy",
            json={"remedy": "replace", "reason": "dead on arrival", "new_serial_no": "NEW-2"},
            headers=intake.auth(),
        )
        assert replace.status_code == 200, replace.text
        new = replace.json()["replacement_product"]
        assert new["replaces_product_id"] == fresh["id"]
        assert new["serial_no"] == "NEW-2" and new["in_warranty"]
        # A replacement settles the request: the ticket ends, and nothing more is decided on it.
        assert replace.json()["ticket"]["status"] == "closed"
        assert replace.json()["ticket"]["closure_reason"] == "replaced"
        again = await intake.client.post(
            f"/v1/tickets/{t_fresh['id']}/warranty-remedy",
            json={"remedy": "refund", "reason": "x"},
            headers=intake.auth(),
        )
        assert again.status_code == 409
        second_call = await make_ticket(intake, customer=customer, product=fresh)
        refund = await intake.client.post(
            f"/v1/tickets/{second_call['id']}/warranty-remedy",
            json={
                "remedy": "refund",
                "reason": "changed mind within 7 days",
                "refund": {"amount": 259900, "currency": "CNY"},
            },
            headers=intake.auth(),
        )
        assert refund.status_code == 200, refund.text
        assert refund.json()["ticket"]["closure_reason"] == "refunded"
        gone = await intake.client.get(f"/v1/products/{fresh['id']}", headers=intake.auth())
        assert gone.json()["deregistered_at"] is not None  # the refunded unit went back
        no_more = await intake.client.post(
            "/v1/tickets",
            json={
                "customer_id": customer["id"],
                "product_id": fresh["id"],
                "kind": "repair",
                "description": "again",
                "channel": "hotline",
            },
            headers=intake.auth(),
        )
        assert no_more.status_code == 422
        decided = await read_events(
            infrastructure.broker_url, "intake.ticket.remedy_decided.v1", after=intake
        )
        assert [e.data.remedy for e in decided] == ["replace", "refund"]
        assert decided[0].data.replacement_product_id == uuid.UUID(new["id"])
        assert decided[1].data.refund.amount == 259900


async def test_the_catalogue_decides_what_is_offered_and_how_fast(start_service):
    async with start_service("intake") as intake:
        r = await intake.client.get("/v1/service-catalogue", headers=intake.auth())
        assert r.status_code == 200 and r.json()["categories"] == []
        etag = r.headers["etag"]
        body = {
            "categories": [
                {
                    "category": "water_heater",
                    "kinds": ["repair", "install"],
                    "respond_within_hours": {"repair": 2},
                }
            ]
        }
        no_match = await intake.client.put(
            "/v1/service-catalogue", json=body, headers=intake.auth("admin")
        )
        assert no_match.status_code == 428
        agent = await intake.client.put(
            "/v1/service-catalogue", json=body, headers={**intake.auth("agent"), "If-Match": etag}
        )
        assert agent.status_code == 403
        ok = await intake.client.put(
            "/v1/service-catalogue", json=body, headers={**intake.auth("admin"), "If-Match": etag}
        )
        assert ok.status_code == 200 and ok.headers["etag"] != etag
        stale = await intake.client.put(
            "/v1/service-catalogue", json=body, headers={**intake.auth("admin"), "If-Match": etag}
        )
        assert stale.status_code == 412

        customer = await make_customer(intake)
        heater = await make_product(intake, customer["id"], category="water_heater")
        t = await make_ticket(intake, customer=customer, product=heater, kind="repair")
        opened = datetime.fromisoformat(t["created_at"])
        assert datetime.fromisoformat(t["sla"]["respond_by"]) == opened + timedelta(hours=2)
        r = await intake.client.post(
            "/v1/tickets",
            headers=intake.auth(),
            json={
                "customer_id": customer["id"],
                "product_id": heater["id"],
                "kind": "training",
                "description": "teach me",
                "channel": "hotline",
            },
        )
        assert r.status_code == 422 and "not offered" in r.json()["detail"]
        other = await make_product(intake, customer["id"], category="refrigerator")
        await make_ticket(intake, customer=customer, product=other, kind="training")
