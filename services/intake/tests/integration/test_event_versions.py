"""Integrators keep exactly the version they subscribed to, through the real fan-out."""

import time
import uuid
from datetime import date

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_ticket, read_events
from aftersales_testing.world import WebhookReceiver
from intake.domain.event_catalogue import copy_id
from intake.integrations.domain.webhooks import verify

FAST = {
    "webhook_allow_private_urls": True,
    "webhook_retry_schedule": [1, 1, 1],
    "webhook_poll_seconds": 0.2,
}


async def _subscribe(intake, url, events, headers):
    return await intake.client.post(
        "/v1/webhooks", json={"url": url, "events": events}, headers=headers
    )


async def test_a_v1_subscriber_gets_v1_made_from_the_one_version_on_the_bus(
    start_service, infrastructure
):
    """One ``created`` event on the bus; the v1 subscriber gets v1, under an id of its own
    derived from the event's, the same on every retry."""
    receiver = WebhookReceiver([503, 200])
    try:
        async with start_service("intake", **FAST) as intake:
            agent = intake.auth("agent")
            r = await _subscribe(intake, receiver.url, ["intake.ticket.created.v1"], agent)
            assert r.status_code == 201, r.text
            hook = r.json()
            ticket = await make_ticket(intake, headers=agent)

            async def accepted():
                return receiver.accepted()

            [v1] = await eventually(accepted, timeout=30)
            [on_the_bus] = await read_events(
                infrastructure.broker_url, "intake.ticket.created.*", after=intake
            )
            assert on_the_bus.type == "intake.ticket.created.v2"
            assert v1["type"] == "intake.ticket.created.v1"
            assert v1["data"]["ticket_id"] == ticket["id"]
            assert "site" not in v1["data"] and "respond_clock" not in v1["data"]
            ids = {h["webhook-id"] for h, _ in receiver.requests}
            assert ids == {v1["id"]} == {str(copy_id(on_the_bus.id, v1["type"]))}
            assert len(receiver.requests) == 2  # refused once, retried under the same id
            assert all(
                verify(hook["secret"], h, b, now=int(time.time())) for h, b in receiver.requests
            )
    finally:
        receiver.close()


async def test_a_subscription_to_a_version_never_published_is_refused(start_service):
    async with start_service("intake", **FAST) as intake:
        for events in (["dispatch.job.completed.v4"], ["intake.ticket.created.v0"]):
            r = await _subscribe(
                intake, "https://crm.example.com/hooks", events, intake.auth("agent")
            )
            assert r.status_code == 422, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            assert events[0] in r.json()["detail"]
        r = await intake.client.get("/v1/webhooks", headers=intake.auth("agent"))
        assert r.json() == []


async def test_the_catalogue_marks_older_versions_deprecated_until_their_sunset(start_service):
    async with start_service("intake", **FAST) as intake:
        r = await intake.client.get("/v1/webhooks/event-catalogue", headers=intake.auth("agent"))
        assert r.status_code == 200, r.text
        entries = {e["subject"]: e for e in r.json()}
        assert entries["dispatch.job.completed.v1"] == {
            "subject": "dispatch.job.completed.v1",
            "version": 1,
            "deprecated": True,
            "replaced_by": "dispatch.job.completed.v3",
            "sunset": None,
        }
        assert entries["dispatch.job.completed.v3"]["deprecated"] is False
        assert entries["billing.charge.issued.v1"]["deprecated"] is False
        point = intake.auth("point", point_id=str(uuid.uuid4()))
        r = await intake.client.get("/v1/webhooks/event-catalogue", headers=point)
        assert "dispatch.job.routed.v1" in {e["subject"] for e in r.json()}
        assert "intake.ticket.created.v2" not in {e["subject"] for e in r.json()}

    past = {
        "dispatch.job.completed.v1": date(2026, 1, 1),
        "dispatch.job.routed.v1": date(2099, 1, 1),
    }
    async with start_service("intake", **FAST, event_sunsets=past) as intake:
        agent = intake.auth("agent")
        r = await intake.client.get("/v1/webhooks/event-catalogue", headers=agent)
        entries = {e["subject"]: e for e in r.json()}
        assert "dispatch.job.completed.v1" not in entries
        assert entries["dispatch.job.routed.v1"]["sunset"] == "2099-01-01"
        types = (await intake.client.get("/v1/webhooks/event-types", headers=agent)).json()
        assert "dispatch.job.completed.v1" not in types and "dispatch.job.completed.v2" in types
        r = await _subscribe(
            intake, "https://crm.example.com/hooks", ["dispatch.job.completed.v1"], agent
        )
        assert r.status_code == 422, r.text
