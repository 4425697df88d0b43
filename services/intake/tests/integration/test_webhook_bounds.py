"""One receiver holds up no one: a total deadline per delivery, at most 64 KiB of an answer
read, a lane per subscription, a subscription failing too long switched off (its owner told),
and a cap on subscriptions per owner (disabled ones counted). Against real local receivers that
misbehave."""

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest

from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import make_ticket
from aftersales_testing.receivers import SlowReceiver
from aftersales_testing.world import WebhookReceiver
from intake.integrations.domain.webhooks import verify

FAST = {
    "webhook_allow_private_urls": True,
    "webhook_poll_seconds": 0.1,
}
CREATED = "intake.ticket.created.v1"
DISABLED = "intake.webhook.disabled.v1"
# The service's clock in the tests that move it: 10:00 in Shanghai tomorrow (after today, as the
# factories' products are bought this month).
START = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0) + timedelta(days=1)


@pytest.fixture
def receivers():
    made = []

    def keep(receiver):
        made.append(receiver)
        return receiver

    yield keep
    for r in made:
        r.close()


async def subscribe(intake, url, events, headers):
    r = await intake.client.post(
        "/v1/webhooks", json={"url": url, "events": list(events)}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()


async def deliveries(intake, hook, headers):
    r = await intake.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def _value(value):
    return value


async def test_a_receiver_that_drips_holds_up_its_own_lane_only_until_the_deadline(
    start_service, receivers
):
    """The drip receiver answers one byte a second and never finishes. While its first
    delivery is in flight, another subscription gets every event; the stuck delivery ends at
    the deadline, not later."""
    deadline = 12
    drip = receivers(SlowReceiver("drip", every=1.0))
    fast = receivers(WebhookReceiver([200]))
    settings = {**FAST, "webhook_timeout_seconds": deadline, "webhook_retry_schedule": [600]}
    async with start_service("intake", **settings) as intake:
        agent = intake.auth("agent")
        slow_hook = await subscribe(intake, drip.url, [CREATED], agent)
        fast_hook = await subscribe(intake, fast.url, [CREATED], agent)
        tickets = [await make_ticket(intake)]
        await eventually(lambda: _value(drip.arrived), timeout=30)  # its lane is now stuck
        tickets += [await make_ticket(intake) for _ in range(4)]

        async def all_five():
            got = {e["data"]["ticket_id"] for e in fast.events(CREATED)}
            return got >= {t["id"] for t in tickets}

        await eventually(all_five, timeout=30)
        for headers, body in fast.requests:
            assert verify(fast_hook["secret"], headers, body, now=int(time.time()))
        # The slow subscription's first delivery is still in flight: nobody waited for it.
        stuck = await deliveries(intake, slow_hook, agent)
        assert [d["attempts"] for d in stuck] == [0] * 5, stuck
        assert len(drip.requests) == 1

        async def timed_out():
            done = [d for d in await deliveries(intake, slow_hook, agent) if d["attempts"]]
            return done[0] if done else None

        first = await eventually(timed_out, timeout=deadline + 20)
        took = time.monotonic() - drip.arrived[0]
        assert first["status"] == "pending" and first["last_status_code"] is None
        assert first["last_error"] == f"timed out after {deadline} s"
        assert took < deadline + 5, took
        # One delivery of a subscription at a time: the next began only after the first ended.
        await eventually(lambda: _value(len(drip.arrived) >= 2), timeout=30)
        assert drip.arrived[1] - drip.arrived[0] >= deadline - 1


async def test_an_owner_with_many_slow_receivers_holds_its_own_few_lanes_only(
    start_service, receivers
):
    drip = receivers(SlowReceiver("drip", every=1.0))
    fast = receivers(WebhookReceiver([200]))
    settings = {
        **FAST,
        "webhook_timeout_seconds": 12,
        "webhook_retry_schedule": [600],
        "webhook_lanes": 3,
        "webhook_lanes_per_owner": 2,
    }
    async with start_service("intake", **settings) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        for _ in range(3):
            await subscribe(intake, drip.url, [CREATED], acme)
        await subscribe(intake, fast.url, [CREATED], beta)
        await make_ticket(intake, headers=acme)
        await eventually(lambda: _value(len(drip.arrived) >= 2), timeout=30)
        theirs = await make_ticket(intake, headers=beta)
        [event] = await eventually(lambda: _value(fast.events(CREATED)), timeout=30)
        assert event["data"]["ticket_id"] == theirs["id"]
        assert len(drip.arrived) == 2  # acme's third waits for one of its own lanes


async def test_an_endless_or_huge_answer_is_read_64_kib_at_most_and_thrown_away(
    start_service, receivers
):
    endless = receivers(SlowReceiver("endless"))
    huge = receivers(SlowReceiver("huge", size=1 << 30))
    settings = {**FAST, "webhook_timeout_seconds": 20, "webhook_retry_schedule": [600]}
    async with start_service("intake", **settings) as intake:
        agent = intake.auth("agent")
        hooks = [await subscribe(intake, r.url, [CREATED], agent) for r in (endless, huge)]
        before = rss_kib()
        began = time.monotonic()
        await make_ticket(intake)

        async def both_delivered():
            got = [await deliveries(intake, h, agent) for h in hooks]
            return got if all(d and d[0]["status"] == "succeeded" for d in got) else None

        for [delivery] in await eventually(both_delivered, timeout=30):
            assert delivery["attempts"] == 1 and delivery["last_status_code"] == 200
        assert time.monotonic() - began < 15  # not the deadline: the read stopped early
        for receiver in (endless, huge):
            # The caller hung up after its share; what got written is socket buffers at most.
            await eventually(lambda r=receiver: _value(r.hung_up), timeout=30)
            assert receiver.sent < 32 * 1024 * 1024, receiver.sent
        assert rss_kib() - before < 64 * 1024  # KiB: no body kept in memory


async def test_a_subscription_failing_for_the_window_is_disabled_and_its_owner_told(
    start_service, receivers
):
    """Three days (INTAKE_WEBHOOK_DISABLE_AFTER) of failures, reached by moving the clock."""
    failing = receivers(WebhookReceiver([500]))
    notices = receivers(WebhookReceiver([200]))
    strangers = receivers(WebhookReceiver([200]))
    staff = receivers(WebhookReceiver([200]))
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **FAST) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        agent = intake.auth("agent")
        broken = await subscribe(intake, failing.url, [CREATED], acme)
        await subscribe(intake, notices.url, [DISABLED], acme)
        await subscribe(intake, strangers.url, [DISABLED], beta)
        await subscribe(intake, staff.url, [DISABLED], agent)
        await make_ticket(intake, headers=acme)
        await _failing_since(intake, broken, acme, START)

        # A retry just inside the window fails too: still on.
        clock.set(START + timedelta(days=3) - timedelta(minutes=1))
        await eventually(lambda: _value(len(failing.requests) >= 2), timeout=30)
        await drained(intake)
        r = await intake.client.get(f"/v1/webhooks/{broken['id']}", headers=acme)
        assert r.json()["active"] is True and notices.requests == []

        # The next one, past the window: switched off, and its owner told.
        disabled_at = START + timedelta(days=3, minutes=1)
        clock.set(disabled_at)
        [notice] = await told_once(notices, DISABLED)
        data = notice["data"]
        assert data["subscription_id"] == broken["id"] and data["url"] == failing.url
        assert data["tenant_id"] == "acme"
        assert datetime.fromisoformat(data["failing_since"]) == START
        assert datetime.fromisoformat(data["disabled_at"]) == disabled_at
        assert "accepted no delivery since" in data["reason"]

        r = await intake.client.get(f"/v1/webhooks/{broken['id']}", headers=acme)
        off = r.json()
        assert off["active"] is False and off["disabled_reason"] == data["reason"]
        assert off["failing_since"] is not None

        # Nothing more is sent to it; its pending delivery ends failed at its next turn.
        tried = len(failing.requests)
        clock.advance(timedelta(minutes=10))

        async def ended():
            got = await deliveries(intake, broken, acme)
            return got if got and got[0]["status"] == "failed" else None

        [ended_delivery] = await eventually(ended, timeout=30)
        assert ended_delivery["last_error"] == "subscription disabled"
        await make_ticket(intake, headers=acme)
        await drained(intake)
        assert len(failing.requests) == tried
        await eventually(lambda: _value(staff.events(DISABLED)), timeout=30)  # staff see all
        assert strangers.requests == []  # another tenant hears nothing of it

        on = await intake.client.post(f"/v1/webhooks/{broken['id']}/enable", headers=acme)
        assert on.status_code == 200, on.text
        assert on.json()["active"] is True and on.json()["failing_since"] is None


async def test_a_clock_set_back_after_a_subscription_was_disabled_never_disables_it_twice(
    start_service, receivers
):
    failing = receivers(WebhookReceiver([500]))
    notices = receivers(WebhookReceiver([200]))
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **FAST) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        broken = await subscribe(intake, failing.url, [CREATED], acme)
        await subscribe(intake, notices.url, [DISABLED], acme)
        for _ in range(3):  # three deliveries waiting in the subscription's lane
            await make_ticket(intake, headers=acme)
        await _failing_since(intake, broken, acme, START)
        clock.set(START + timedelta(days=3, minutes=1))
        await told_once(notices, DISABLED)
        clock.advance(timedelta(minutes=10))  # past every delivery's next turn

        async def ended():
            got = await deliveries(intake, broken, acme)
            return got if all(d["status"] == "failed" for d in got) else None

        await eventually(ended, timeout=30)
        for moment in (START, START + timedelta(days=6)):
            clock.set(moment)  # back before the window began, then past it again
            await make_ticket(intake, headers=acme)
            await drained(intake)
        assert len(notices.events(DISABLED)) == 1
        got = await deliveries(intake, broken, acme)
        assert len(got) == 3 and {d["last_error"] for d in got} == {"subscription disabled"}


async def _failing_since(intake, hook, headers, since):
    """The barrier after a first failed attempt: the subscription is failing since ``since``."""

    async def failing():
        r = await intake.client.get(f"/v1/webhooks/{hook['id']}", headers=headers)
        return r.json() if r.json()["failing_since"] else None

    got = await eventually(failing, timeout=30)
    assert datetime.fromisoformat(got["failing_since"]) == since


async def told_once(receiver, subject):
    return await eventually(lambda: _value(receiver.events(subject)), timeout=40)


async def test_an_owner_has_at_most_its_share_of_subscriptions_disabled_or_not(
    start_service, receivers
):
    receiver = receivers(WebhookReceiver([200]))
    async with start_service("intake", **FAST, webhooks_per_owner=3) as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        made = [await subscribe(intake, receiver.url, [DISABLED], acme) for _ in range(3)]
        over = await intake.client.post(
            "/v1/webhooks", json={"url": receiver.url, "events": [DISABLED]}, headers=acme
        )
        assert over.status_code == 409, over.text
        assert "At most 3" in over.json()["detail"]
        assert "INTAKE_WEBHOOKS_PER_OWNER" in over.json()["detail"]
        listed = await intake.client.get("/v1/webhooks", headers=acme)
        assert len(listed.json()) == 3  # nothing was stored
        await subscribe(intake, receiver.url, [DISABLED], beta)  # another owner's share

        # Disabling makes no room: create, disable and create again does not grow without end.
        for hook in made:
            off = await intake.client.post(f"/v1/webhooks/{hook['id']}/disable", headers=acme)
            assert off.status_code == 200, off.text
        again = await intake.client.post(
            "/v1/webhooks", json={"url": receiver.url, "events": [DISABLED]}, headers=acme
        )
        assert again.status_code == 409, again.text
        assert "delete one" in again.json()["detail"]
        listed = await intake.client.get("/v1/webhooks", headers=acme)
        assert len(listed.json()) == 3
        on = await intake.client.post(f"/v1/webhooks/{made[0]['id']}/enable", headers=acme)
        assert on.status_code == 200, on.text  # its own place: enabling takes no more room

        # Deleting one does make room; someone else's, or one gone already, is a 404.
        stranger = await intake.client.delete(f"/v1/webhooks/{made[1]['id']}", headers=beta)
        assert stranger.status_code == 404, stranger.text
        gone = await intake.client.delete(f"/v1/webhooks/{made[1]['id']}", headers=acme)
        assert gone.status_code == 204, gone.text
        twice = await intake.client.delete(f"/v1/webhooks/{made[1]['id']}", headers=acme)
        assert twice.status_code == 404, twice.text
        await subscribe(intake, receiver.url, [DISABLED], acme)
        listed = await intake.client.get("/v1/webhooks", headers=acme)
        assert made[1]["id"] not in {h["id"] for h in listed.json()} and len(listed.json()) == 3

        # Creates at once queue on the owner's lock: none slips past the limit.
        point = intake.auth("point", point_id="6f1c3a52-8a7e-4d5e-9b1a-2f3c4d5e6f70")
        answers = await asyncio.gather(
            *(
                intake.client.post(
                    "/v1/webhooks",
                    json={"url": receiver.url, "events": ["dispatch.job.routed.v2"]},
                    headers=point,
                )
                for _ in range(6)
            )
        )
        assert sorted(a.status_code for a in answers) == [201] * 3 + [409] * 3
