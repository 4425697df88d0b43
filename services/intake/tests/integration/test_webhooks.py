"""Webhooks against a real local HTTP receiver that verifies every signature."""

import time
import uuid

import pytest
from sqlalchemy import select

from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_customer, make_ticket
from aftersales_testing.world import WebhookReceiver
from intake.adapters.tables import WebhookDeliveryRow
from intake.integrations.domain.webhooks import verify

FAST = {
    "webhook_allow_private_urls": True,
    "webhook_retry_schedule": [1, 1, 1],
    "webhook_poll_seconds": 0.2,
}


@pytest.fixture
def receiver_factory():
    made = []

    def make(*statuses):
        r = WebhookReceiver(list(statuses) or [200])
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


async def subscribe(intake, url, events=("intake.ticket.*",), headers=None):
    r = await intake.client.post(
        "/v1/webhooks",
        json={"url": url, "events": list(events)},
        headers=headers or intake.auth("crm", tenant_id="acme"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def test_deliveries_are_signed_retried_after_failures_and_logged(
    start_service, receiver_factory
):
    receiver = receiver_factory(500, 503, 200)
    async with start_service("intake", **FAST) as intake:
        crm = intake.auth("crm", tenant_id="acme")
        hook = await subscribe(intake, receiver.url, ["intake.ticket.created.v1"], crm)
        assert hook["secret"].startswith("whsec_")
        ticket = await make_ticket(intake, headers=crm)

        await eventually(lambda: _async(len(receiver.requests) >= 3), timeout=30)
        ids = {h["webhook-id"] for h, _ in receiver.requests}
        assert len(ids) == 1  # one message, retried: the same id every time
        for headers, body in receiver.requests:
            assert verify(hook["secret"], headers, body, now=int(time.time()))
        event = receiver.events()[0]
        assert event["type"] == "intake.ticket.created.v1"
        assert event["data"]["ticket_id"] == ticket["id"]

        async def logged():
            r = await intake.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=crm)
            [d] = r.json()
            return d if d["status"] == "succeeded" else None

        delivery = await eventually(logged)
        assert delivery["attempts"] == 3 and delivery["last_status_code"] == 200

        again = await intake.client.post(
            f"/v1/webhooks/{hook['id']}/deliveries/{delivery['id']}/redeliver", headers=crm
        )
        assert again.status_code == 202
        await eventually(lambda: _async(len(receiver.requests) == 4))


async def test_a_410_disables_the_subscription(start_service, receiver_factory):
    gone = receiver_factory(410)
    async with start_service("intake", **FAST) as intake:
        agent = intake.auth("agent")
        hook = await subscribe(intake, gone.url, ["intake.ticket.created.v2"], agent)
        await make_ticket(intake)

        async def disabled():
            r = await intake.client.get(f"/v1/webhooks/{hook['id']}", headers=agent)
            return r.json() if not r.json()["active"] else None

        body = await eventually(disabled)
        assert "410" in body["disabled_reason"]
        await make_ticket(intake)
        r = await intake.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=agent)
        assert [d["status"] for d in r.json()] == ["failed"]  # nothing new was queued
        assert len(gone.requests) == 1


async def test_rotation_signs_with_both_secrets_for_a_while(start_service, receiver_factory):
    receiver = receiver_factory(200)
    async with start_service("intake", **FAST) as intake:
        agent = intake.auth("agent")
        hook = await subscribe(intake, receiver.url, ["intake.ticket.created.v1"], agent)
        rotated = await intake.client.post(
            f"/v1/webhooks/{hook['id']}/rotate-secret", headers=agent
        )
        assert rotated.status_code == 200
        new_secret = rotated.json()["secret"]
        assert new_secret != hook["secret"]
        await make_ticket(intake)
        await eventually(lambda: _async(receiver.requests))
        headers, body = receiver.requests[0]
        assert len(headers["webhook-signature"].split()) == 2
        assert verify(new_secret, headers, body, now=int(time.time())) and verify(
            hook["secret"], headers, body, now=int(time.time())
        )


async def test_private_targets_are_refused_unless_allowed(start_service):
    async with start_service("intake") as intake:
        for url in (
            "http://127.0.0.1:9/x",
            "http://localhost/x",
            "http://10.0.0.8/x",
            "http://100.100.100.200/latest/meta-data",  # a cloud's metadata service
            "http://100.64.0.1/x",  # carrier-grade NAT
            "http://[2002:7f00:1::1]/x",  # 6to4 around loopback
            "http://[::ffff:127.0.0.1]/x",  # IPv4-mapped loopback
        ):
            r = await intake.client.post(
                "/v1/webhooks", json={"url": url, "events": [">"]}, headers=intake.auth()
            )
            assert r.status_code == 422, url
            assert "not a public address" in r.json()["detail"]
        # A name is not answered with where it points, nor whether it resolves at all (no DNS
        # oracle): a name that does not resolve is refused in the very words an inward one is.
        told = set()
        for host, hidden in (
            ("localhost", ("127.0.0.1", "::1")),
            ("no-such-host.invalid", ("Errno", "Name or service", "not known")),
        ):
            r = await intake.client.post(
                "/v1/webhooks",
                json={"url": f"http://{host}/x", "events": [">"]},
                headers=intake.auth(),
            )
            assert not any(h in r.text for h in hidden), r.text
            told.add((r.status_code, r.json()["detail"].replace(host, "<host>")))
        [(status, detail)] = told
        assert status == 422 and "not a public address" in detail
        listed = await intake.client.get("/v1/webhooks", headers=intake.auth())
        assert listed.json() == []  # nothing was stored
        bad = await intake.client.post(
            "/v1/webhooks",
            headers=intake.auth(),
            json={"url": "ftp://example.com/x", "events": [">"]},
        )
        assert bad.status_code == 422


async def test_a_crm_gets_only_its_tenants_events_and_webhooks(start_service, receiver_factory):
    acme_rx, beta_rx = receiver_factory(200), receiver_factory(200)
    async with start_service("intake", **FAST) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        acme_hook = await subscribe(intake, acme_rx.url, ["intake.ticket.created.v1"], acme)
        await subscribe(intake, beta_rx.url, ["intake.ticket.created.v1"], beta)
        assert (
            await intake.client.get(f"/v1/webhooks/{acme_hook['id']}", headers=beta)
        ).status_code == 404
        await make_ticket(intake, headers=acme)
        await make_ticket(intake, customer=await make_customer(intake))  # the centre's own
        await eventually(lambda: _async(acme_rx.requests))
        assert len(acme_rx.events()) == 1
        assert beta_rx.requests == []


async def _async(value):
    return value


async def test_an_event_nobody_listens_to_is_not_delivered_and_a_new_subscription_hears_the_next(
    start_service, receiver_factory
):
    """With no subscription, the broker does not deliver intake's own events to the fan-out
    at all; a subscription made afterwards hears the events that follow at once (its filter
    is set before it commits). Disabled, it is not heard again: until the filter is next read,
    its events reach the fan-out, which passes them over without an inbox row."""
    receiver = receiver_factory(200)
    async with start_service("intake", **FAST) as intake:
        [fan_out] = [r for r in intake.app.state.runners if r.subscription.stream == "INTAKE"]
        await make_ticket(intake)
        await drained(intake)
        assert sum(fan_out.outcomes.values()) == 0
        inbox = intake.db.platform.inbox
        async with intake.db.sessionmaker() as s:
            claimed = await s.scalars(
                select(inbox.c.event_id).where(inbox.c.consumer == fan_out.consumer_name)
            )
            assert list(claimed) == []

        agent = intake.auth("agent")
        hook = await subscribe(intake, receiver.url, ["intake.ticket.created.v1"], agent)
        heard = await make_ticket(intake)
        await eventually(lambda: _async(len(receiver.events()) >= 1))
        await drained(intake)
        assert [e["data"]["ticket_id"] for e in receiver.events()] == [heard["id"]]
        processed = fan_out.outcomes["processed"]
        assert processed >= 1

        off = await intake.client.post(f"/v1/webhooks/{hook['id']}/disable", headers=agent)
        assert off.status_code == 200, off.text
        await make_ticket(intake)
        await drained(intake)
        assert fan_out.outcomes["irrelevant"] == 1 and fan_out.outcomes["processed"] == processed
        assert len(receiver.events()) == 1


async def test_disable_stops_deliveries_and_enable_resumes_them(start_service, receiver_factory):
    receiver = receiver_factory(200)
    async with start_service("intake", **FAST) as intake:
        agent = intake.auth("agent")
        hook = await subscribe(intake, receiver.url, ["intake.ticket.created.v1"], agent)
        off = await intake.client.post(f"/v1/webhooks/{hook['id']}/disable", headers=agent)
        assert off.status_code == 200 and off.json()["active"] is False
        await make_ticket(intake)
        on = await intake.client.post(f"/v1/webhooks/{hook['id']}/enable", headers=agent)
        assert on.json()["active"] is True and on.json()["disabled_reason"] is None
        second = await make_ticket(intake)
        await eventually(lambda: _async(receiver.requests))
        await eventually(lambda: _async(len(receiver.events()) >= 1))
        assert [e["data"]["ticket_id"] for e in receiver.events()] == [second["id"]]
        missing = await intake.client.post(f"/v1/webhooks/{uuid.uuid4()}/enable", headers=agent)
        assert missing.status_code == 404


async def test_deleting_a_subscription_drops_its_queue_and_is_audited(
    start_service, receiver_factory
):
    down, other = receiver_factory(503), receiver_factory(200)
    settings = {**FAST, "webhook_retry_schedule": [3600]}  # the retry waits in the queue
    async with start_service("intake", **settings) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        point = intake.auth("point", point_id=str(uuid.uuid4()))
        hook = await subscribe(intake, down.url, ["intake.ticket.created.v1"], acme)
        kept = await subscribe(intake, other.url, ["intake.ticket.created.v1"], acme)
        await make_ticket(intake, headers=acme)

        async def queued():
            r = await intake.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=acme)
            return [d for d in r.json() if d["attempts"] == 1 and d["status"] == "pending"]

        await eventually(queued)

        # Only its owner (or the centre) may delete it: anyone else is told it does not exist.
        for stranger in (beta, point):
            r = await intake.client.delete(f"/v1/webhooks/{hook['id']}", headers=stranger)
            assert r.status_code == 404, r.text
        assert (await intake.client.get(f"/v1/webhooks/{hook['id']}", headers=acme)).is_success
        missing = await intake.client.delete(f"/v1/webhooks/{uuid.uuid4()}", headers=acme)
        assert missing.status_code == 404

        r = await intake.client.delete(f"/v1/webhooks/{hook['id']}", headers=acme)
        assert r.status_code == 204, r.text
        assert r.content == b""
        r = await intake.client.get(f"/v1/webhooks/{hook['id']}", headers=acme)
        assert r.status_code == 404
        listed = await intake.client.get("/v1/webhooks", headers=acme)
        assert [h["id"] for h in listed.json()] == [kept["id"]]
        delivery = WebhookDeliveryRow
        async with intake.db.sessionmaker() as session:
            left = await session.scalars(
                select(delivery.id).where(delivery.subscription_id == uuid.UUID(hook["id"]))
            )
            assert list(left) == []  # the queued retry went with it

        # Later events reach the owner's other subscription, and nothing more is queued.
        later = await make_ticket(intake, headers=acme)
        await eventually(
            lambda: _async(later["id"] in {e["data"]["ticket_id"] for e in other.events()})
        )
        await drained(intake)
        assert len(down.requests) == 1

        trail = await intake.client.get(
            "/v1/audit", params={"object_id": hook["id"]}, headers=intake.auth()
        )
        entry = next(e for e in trail.json()["items"] if e["action"] == "deleted")
        assert entry["object_type"] == "webhook_subscription"
        assert entry["actor"].startswith("crm:acme")
        assert entry["changes"]["url"] == {"before": down.url, "after": None}


async def test_a_receivers_answer_body_is_never_stored(start_service, receiver_factory):
    failing = receiver_factory(500)
    failing.reply = b"internal: db password is hunter2"
    async with start_service("intake", **{**FAST, "webhook_retry_schedule": [1]}) as intake:
        agent = intake.auth("agent")
        hook = await subscribe(intake, failing.url, ["intake.ticket.created.v1"], agent)
        await make_ticket(intake)

        async def failed():
            r = await intake.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=agent)
            done = [d for d in r.json() if d["status"] == "failed"]
            return done[0] if done else None

        delivery = await eventually(failed)
        assert delivery["last_status_code"] == 500
        assert delivery["last_error"] == "HTTP 500 Internal Server Error"
        assert "hunter2" not in str(delivery)


async def test_signing_secrets_are_sealed_at_rest_and_old_ones_sealed_at_start(
    start_service, receiver_factory, admin_dsn
):
    import asyncpg

    receiver = receiver_factory(200)
    async with start_service("intake", **FAST) as intake:
        agent = intake.auth("agent")
        hook = await subscribe(intake, receiver.url, ["intake.ticket.created.v1"], agent)
        conn = await asyncpg.connect(admin_dsn)
        try:
            stored = await conn.fetchval(
                "SELECT secret FROM intake.webhook_subscriptions WHERE id = $1",
                uuid.UUID(hook["id"]),
            )
            assert stored.startswith("enc:v1:") and hook["secret"] not in stored
            # A subscription from before sealing existed, with its secret in plain text.
            await conn.execute(
                "UPDATE intake.webhook_subscriptions SET secret = $1 WHERE id = $2",
                hook["secret"],
                uuid.UUID(hook["id"]),
            )
        finally:
            await conn.close()
    async with start_service("intake", **FAST) as intake:
        conn = await asyncpg.connect(admin_dsn)
        try:

            async def sealed():
                value = await conn.fetchval(
                    "SELECT secret FROM intake.webhook_subscriptions WHERE id = $1",
                    uuid.UUID(hook["id"]),
                )
                return value.startswith("enc:v1:")

            await eventually(sealed)
        finally:
            await conn.close()
        await make_ticket(intake)
        await eventually(lambda: _async(len(receiver.requests) == 1))
        headers, body = receiver.requests[0]
        assert verify(hook["secret"], headers, body, now=int(time.time()))


async def test_a_receiver_that_is_down_gets_everything_later_in_order_per_aggregate(
    start_service, receiver_factory
):
    # Down for the first three attempts; every retry of one event carries the same webhook-id.
    receiver = receiver_factory(503, 503, 503, 200)
    settings = {**FAST, "webhook_retry_schedule": [1] * 8}
    async with start_service("intake", **settings) as intake:
        crm = intake.auth("crm", tenant_id="acme")
        await subscribe(intake, receiver.url, ["intake.ticket.>"], crm)
        ticket = await make_ticket(intake, headers=crm)
        r = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/cancel", json={"reason": "bought a new one"}, headers=crm
        )
        assert r.status_code == 200, r.text

        async def all_accepted():
            types = [e["type"] for e in receiver.accepted()]
            return "intake.ticket.cancelled.v1" in types and types

        types = await eventually(all_accepted, timeout=60)
        ids = [h["webhook-id"] for h, _ in receiver.requests]
        # One event at a time: its retries, then the next (never the next while one is owed).
        firsts = list(dict.fromkeys(ids))
        assert ids == sorted(ids, key=firsts.index), ids
        assert ids[:4] == [ids[0]] * 4  # the first event, three refusals and the success
        assert types[:2] == ["intake.ticket.created.v2", "intake.ticket.created.v1"]
        assert types[-1] == "intake.ticket.cancelled.v1"
        versions = [e["aggregate_version"] for e in receiver.accepted()]
        assert versions == sorted(versions)
