"""Samples (clause 10): a sample test needs no registered product, opens paused until its sample
arrives, and its 24 hours run from the arrival; its result is the centre's answer, which needs
the sample, and the customer is told it. The times are the service's clock, which the tests
move."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import make_customer, make_product, publish_raw, read_events
from intake.use_cases.clocks import fire_due_breaches

PROBLEM = "application/problem+json"
START = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0) + timedelta(days=1)
SCANNED_BY_THE_TEST = {"clock_poll_seconds": 3600}


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def open_sample(intake, customer, **overrides):
    body = {
        "customer_id": customer["id"],
        "kind": "sample_test",
        "category": "water_purifier",
        "topic": "tap water sample: hardness and chlorine",
        "description": "The customer brings a water sample to the centre.",
        "channel": "hotline",
        **overrides,
    }
    r = await intake.client.post("/v1/tickets", json=body, headers=intake.auth("agent"))
    assert r.status_code == 201, r.text
    return r.json()


async def post(intake, ticket, action, body):
    return await intake.client.post(
        f"/v1/tickets/{ticket['id']}/{action}", json=body, headers=intake.auth("agent")
    )


async def get(intake, ticket):
    r = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=intake.auth("agent"))
    return r.json()


async def test_a_sample_waits_for_its_arrival_and_its_24_hours_run_from_then(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        customer = await make_customer(intake)
        # A product of the category is registered (to someone): the category is one the
        # service knows, and the sample's own customer has none.
        await make_product(intake, (await make_customer(intake))["id"], category="water_purifier")
        sample = await open_sample(intake, customer)
        assert sample["product_id"] is None and sample["category"] == "water_purifier"
        assert sample["pause"]["reason"] == "awaiting_sample"
        assert sample["sla"]["respond_clock"] == "intake"

        # A result before the sample: 422, and nothing changes.
        early = await post(intake, sample, "respond", {"summary": "fine", "resolved": True})
        assert early.status_code == 422 and early.headers["content-type"] == PROBLEM
        assert "sample" in early.json()["detail"]
        # Nor does a plain resume lift the wait.
        resumed = await post(intake, sample, "resume", None)
        assert resumed.status_code == 409
        unchanged = await get(intake, sample)
        assert unchanged["version"] == sample["version"]
        assert unchanged["sla"]["responded_at"] is None and unchanged["pause"] is not None

        # No clock runs while it waits: two days later nothing has breached.
        clock.set(START + timedelta(days=2))
        await fire_due_breaches(intake.db)
        waiting = await get(intake, sample)
        assert waiting["sla"]["response_breached_at"] is None
        assert waiting["sla"]["completion_breached_at"] is None

        # It arrived two hours ago, recorded now: the 24 hours run from its arrival.
        arrived = START + timedelta(days=2) - timedelta(hours=2)
        r = await post(
            intake,
            sample,
            "sample-received",
            {"received_at": arrived.isoformat(), "reference": "W-0042"},
        )
        assert r.status_code == 200, r.text
        ticket = r.json()
        assert ticket["pause"] is None
        assert at(ticket["sample"]["received_at"]) == arrived
        assert ticket["sample"]["reference"] == "W-0042"
        assert at(ticket["sla"]["respond_by"]) == arrived + timedelta(hours=24)
        assert at(ticket["sla"]["complete_by"]) == arrived + timedelta(hours=24)

        twice = {"received_at": arrived.isoformat(), "reference": "x"}
        again = await post(intake, sample, "sample-received", twice)
        assert again.status_code == 409

        # A minute before its 24 hours: not late; the result is in time.
        clock.set(arrived + timedelta(hours=23, minutes=59))
        await fire_due_breaches(intake.db)
        answer = {"summary": "Hardness 120 mg/L: within limits.", "resolved": True}
        r = await post(intake, sample, "respond", answer)
        assert r.status_code == 200, r.text
        answered = r.json()
        assert answered["status"] == "resolved_remotely"
        assert answered["sla"]["response_breached_at"] is None

        events = await read_events(
            infrastructure.broker_url, "intake.ticket.responded.v1", after=intake
        )
        [result] = [e.data for e in events if str(e.data.ticket_id) == sample["id"]]
        assert result.in_time and result.kind == "sample_test"
        created = await read_events(
            infrastructure.broker_url, "intake.ticket.created.v2", after=intake
        )
        [opened] = [e.data for e in created if str(e.data.ticket_id) == sample["id"]]
        assert opened.product is None and opened.category == "water_purifier"
        assert opened.topic.startswith("tap water") and opened.window_agreed is None
        assert opened.site.line == customer["address"]["line"]
        paused = await read_events(
            infrastructure.broker_url, "intake.ticket.paused.v1", after=intake
        )
        assert [e.data.reason for e in paused if str(e.data.ticket_id) == sample["id"]] == [
            "awaiting_sample"
        ]


async def test_a_result_not_given_within_24_hours_of_the_arrival_is_late(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock, **SCANNED_BY_THE_TEST) as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        # With a registered product too: it is named, and the category is the product's.
        sample = await open_sample(
            intake, customer, product_id=product["id"], category=None, topic=None
        )
        assert sample["category"] == product["category"]
        clock.set(START + timedelta(hours=10))
        r = await post(
            intake, sample, "sample-received", {"received_at": START.isoformat(), "reference": "A"}
        )
        assert at(r.json()["sla"]["respond_by"]) == START + timedelta(hours=24)

        clock.set(START + timedelta(hours=24, minutes=1))
        await fire_due_breaches(intake.db)
        late = await get(intake, sample)
        assert at(late["sla"]["response_breached_at"]) == START + timedelta(hours=24, minutes=1)
        await post(intake, sample, "respond", {"summary": "No fault found.", "resolved": True})
        events = await read_events(
            infrastructure.broker_url, "intake.ticket.responded.v1", after=intake
        )
        [result] = [e.data for e in events if str(e.data.ticket_id) == sample["id"]]
        assert result.in_time is False


async def test_a_bad_arrival_is_refused_and_changes_nothing(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        await make_product(intake, customer["id"], category="water_purifier")
        sample = await open_sample(intake, customer)
        opened = at(sample["created_at"])
        for received_at, status in (
            (datetime.now(UTC) + timedelta(hours=1), 422),  # in the future
            (opened - timedelta(minutes=1), 422),  # before the ticket
            ("2030-01-01T10:00:00", 422),  # no timezone
        ):
            when = received_at if isinstance(received_at, str) else received_at.isoformat()
            body = {"received_at": when, "reference": "R"}
            r = await post(intake, sample, "sample-received", body)
            assert r.status_code == status, (when, r.text)
            assert r.headers["content-type"] == PROBLEM
        training = await open_sample(intake, customer, kind="training")
        r = await post(
            intake,
            training,
            "sample-received",
            {"received_at": datetime.now(UTC).isoformat(), "reference": "R"},
        )
        assert r.status_code == 409  # only a sample test takes a sample
        assert (await get(intake, sample))["version"] == sample["version"]
        r = await intake.client.post(
            f"/v1/tickets/{sample['id']}/pause",
            json={"reason": "awaiting_sample"},
            headers=intake.auth("agent"),
        )
        assert r.status_code == 422  # the wait for a sample is not a caller's to start
        # Nor can the centre end it on the phone before the sample is there to test.
        r = await post(intake, sample, "resolve-remotely", {"note": "told the result"})
        assert r.status_code == 422 and "not arrived" in r.json()["detail"]
        assert (await get(intake, sample))["status"] == sample["status"]


async def test_the_customer_is_told_the_result_once(
    start_service, infrastructure, mail, gateway, notifying
):
    _secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        customer = await make_customer(intake, email=address)
        await make_product(intake, customer["id"], category="water_purifier")
        sample = await open_sample(intake, customer)
        await post(
            intake,
            sample,
            "sample-received",
            {"received_at": datetime.now(UTC).isoformat(), "reference": "W-7"},
        )
        r = await post(
            intake, sample, "respond", {"summary": "Hardness 120 mg/L: fine.", "resolved": True}
        )
        assert r.status_code == 200, r.text

        async def told():
            return [m for m in mail.to(address) if sample["number"] in m["Subject"]]

        [message] = await eventually(told, timeout=30)
        body = message.get_content()
        assert "Hardness 120 mg/L" in body and "W-7" in body

        # The event delivered again (another message id, the same event): told once.
        [responded] = [
            e
            for e in await read_events(
                infrastructure.broker_url, "intake.ticket.responded.v1", after=intake
            )
            if str(e.data.ticket_id) == sample["id"]
        ]
        await publish_raw(infrastructure.broker_url, responded, msg_id=str(uuid.uuid4()))
        await drained(intake)
        records = await notifying.records(intake, sample["id"])
        assert sorted(n["kind"] for n in records) == ["sample_result", "sample_result"]
        assert {n["channel"] for n in records} == {"email", "sms"}
        assert len(mail.to(address)) == 1
