"""The agreed slot (section 4.2.1): a visit ticket opened without a window is listed for the centre
until an agent agrees one with the customer; the agreement reaches dispatch by event. Opening a
ticket refuses nothing it accepted before."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import nats
from nats.js.errors import NotFoundError

from aftersales_testing.apps import drained, published
from aftersales_testing.factories import make_customer, make_product, make_ticket, read_events

PROBLEM = "application/problem+json"
AGREED = "intake.ticket.window_agreed.v1"


def slot(days=2, hours=3):
    start = (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)
    return {"start": start.isoformat(), "end": (start + timedelta(hours=hours)).isoformat()}


async def listed(intake, agreed, **params):
    r = await intake.client.get(
        "/v1/tickets",
        params={"window_agreed": str(agreed).lower(), **params},
        headers=intake.auth("agent"),
    )
    assert r.status_code == 200, r.text
    return {t["id"] for t in r.json()["items"]}


async def agreed_events(infrastructure, intake, ticket):
    """The agreements published about ``ticket``, as JSON envelopes: read raw from the stream,
    so the reading needs no contract registry (dispatch's does)."""
    await published(intake)
    nc = await nats.connect(infrastructure.broker_url)
    try:
        js = nc.jetstream()
        last = (await js.stream_info("INTAKE")).state.last_seq
        found, seq = [], 1
        while seq <= last:
            try:
                msg = await js.get_msg("INTAKE", seq=seq, subject=AGREED, next=True)
            except NotFoundError:
                break
            if msg.seq is None or msg.seq > last:
                break
            envelope = json.loads(msg.data or b"{}")
            if envelope["data"]["ticket_id"] == ticket["id"]:
                found.append(envelope)
            seq = msg.seq + 1
        return found
    finally:
        await nc.close()


async def test_a_visit_without_a_slot_is_listed_until_one_is_agreed(start_service, infrastructure):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        open_ = await make_ticket(intake)  # a repair, no preferred_window: still accepted
        given = await make_ticket(intake, preferred_window=slot())
        question = await make_ticket(intake, kind="consultation")
        assert open_["window_agreed"] is False and given["window_agreed"] is True
        assert question["window_agreed"] is None  # no visit, no slot
        gone = await make_ticket(intake)  # no slot, then cancelled: no call left to make
        cancelled = await intake.client.post(
            f"/v1/tickets/{gone['id']}/cancel", json={"reason": "fixed it"}, headers=agent
        )
        assert cancelled.status_code == 200, cancelled.text
        assert await listed(intake, False) == {open_["id"]}
        assert await listed(intake, True) == {given["id"]}

        window = slot(days=3, hours=2)
        r = await intake.client.put(f"/v1/tickets/{open_['id']}/window", json=window, headers=agent)
        assert r.status_code == 200, r.text
        ticket = r.json()
        assert ticket["window_agreed"] is True and ticket["version"] == open_["version"] + 1
        start = datetime.fromisoformat(ticket["preferred_window"]["start"])
        assert start == datetime.fromisoformat(window["start"])
        assert await listed(intake, False) == set()
        # The same slot again: nothing changes, nobody is told twice.
        again = await intake.client.put(
            f"/v1/tickets/{open_['id']}/window", json=window, headers=agent
        )
        assert again.status_code == 200 and again.json()["version"] == ticket["version"]

        [event] = await agreed_events(infrastructure, intake, open_)
        assert event["type"] == AGREED and event["data"]["number"] == open_["number"]
        agreed = event["data"]["window"]
        assert datetime.fromisoformat(agreed["start"]) == datetime.fromisoformat(window["start"])
        assert datetime.fromisoformat(agreed["end"]) == datetime.fromisoformat(window["end"])
        assert event["data"]["agreed_by"].startswith("agent")
        assert event["aggregate_version"] == ticket["version"]
        timeline = await intake.client.get(f"/v1/tickets/{open_['id']}/timeline", headers=agent)
        assert AGREED in [e["event"] for e in timeline.json()["entries"]]

        created = await read_events(
            infrastructure.broker_url, "intake.ticket.created.v2", after=intake
        )
        said = {str(e.data.ticket_id): e.data.window_agreed for e in created}
        assert said[open_["id"]] is False and said[given["id"]] is True
        assert said[question["id"]] is None


async def test_a_bad_slot_is_refused_and_changes_nothing(start_service, infrastructure):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        ticket = await make_ticket(intake)
        backwards = slot()
        backwards["start"], backwards["end"] = backwards["end"], backwards["start"]
        past = slot(days=-2)
        for body in (backwards, past):
            r = await intake.client.put(
                f"/v1/tickets/{ticket['id']}/window", json=body, headers=agent
            )
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, r.text
        question = await make_ticket(intake, kind="consultation")
        r = await intake.client.put(
            f"/v1/tickets/{question['id']}/window", json=slot(), headers=agent
        )
        assert r.status_code == 409  # no visit to agree a slot for
        cancelled = await make_ticket(intake)
        await intake.client.post(
            f"/v1/tickets/{cancelled['id']}/cancel", json={"reason": "duplicate"}, headers=agent
        )
        r = await intake.client.put(
            f"/v1/tickets/{cancelled['id']}/window", json=slot(), headers=agent
        )
        assert r.status_code == 409 and r.headers["content-type"] == PROBLEM

        # A CRM agrees its own customers' slots, and sees no one else's ticket.
        crm = intake.auth("crm", tenant_id="shop-1")
        theirs = await make_ticket(intake, headers=intake.auth("crm", tenant_id="shop-1"))
        r = await intake.client.put(f"/v1/tickets/{ticket['id']}/window", json=slot(), headers=crm)
        assert r.status_code == 404
        r = await intake.client.put(f"/v1/tickets/{theirs['id']}/window", json=slot(), headers=crm)
        assert r.status_code == 200, r.text

        after = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=agent)
        assert after.json()["version"] == ticket["version"]
        assert after.json()["window_agreed"] is False
        await drained(intake)
        assert await agreed_events(infrastructure, intake, ticket) == []


async def test_a_window_given_when_opening_is_agreed_and_a_parts_order_has_none(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        order = await intake.client.post(
            "/v1/tickets",
            json={
                "customer_id": customer["id"],
                "product_id": product["id"],
                "kind": "parts_order",
                "description": "a filter",
                "channel": "app",
                "lines": [{"sku": "FILTER-1", "qty": 1}],
            },
            headers=intake.auth("agent"),
        )
        assert order.status_code == 201, order.text
        assert order.json()["window_agreed"] is None
        r = await intake.client.put(
            f"/v1/tickets/{order.json()['id']}/window",
            json=slot(),
            headers={**intake.auth("agent"), "If-Match": '"1"'},
        )
        assert r.status_code == 409
        unknown = await intake.client.put(
            f"/v1/tickets/{uuid.uuid4()}/window", json=slot(), headers=intake.auth("agent")
        )
        assert unknown.status_code == 404
