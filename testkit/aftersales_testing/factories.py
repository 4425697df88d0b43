"""Small helpers that make test data through the public HTTP API, with random values."""

from __future__ import annotations

import base64
import collections
import json
import random
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import nats
from nats.js.errors import NotFoundError

from aftersales.events import Envelope, encode, intake
from aftersales.messaging.streams import ensure_stream, stream_for_subject
from aftersales_testing.apps import RunningService, drained, published


def soon(hours: float = 0) -> datetime:
    """A moment ``hours`` from now (UTC)."""
    return datetime.now(UTC) + timedelta(hours=hours)


# The smallest thing that passes as a PNG: what a signature pad would send, base64-encoded.
SIGNATURE = {
    "image_base64": base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(64))).decode(),
    "signer_name": "Zhang",
}


def _phone() -> str:
    return f"13{random.randint(100_000_000, 999_999_999)}"


async def make_customer(
    intake: RunningService, *, headers: dict[str, str] | None = None, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": f"Customer {uuid.uuid4().hex[:6]}",
        "phone": _phone(),
        "address": {"region": "310115", "city": "Shanghai", "line": "88 Century Avenue"},
    }
    body.update(overrides)
    r = await intake.client.post(
        "/v1/customers", json=body, headers=headers or intake.auth("agent")
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def make_product(
    intake: RunningService,
    customer_id: str,
    *,
    headers: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "category": "air_conditioner",
        "model": "KFR-35GW",
        "serial_no": uuid.uuid4().hex[:12].upper(),
        "purchased_on": date.today().replace(day=1).isoformat(),
        "warranty_months": 12,
    }
    body.update(overrides)
    r = await intake.client.post(
        f"/v1/customers/{customer_id}/products", json=body, headers=headers or intake.auth("agent")
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def make_ticket(
    intake: RunningService,
    *,
    customer: dict[str, Any] | None = None,
    product: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    # Extra headers go over the agent's token; a crm's token makes the customer and product its
    # own too, so that its ticket is for a customer of its tenant.
    headers = {**intake.auth("agent"), **(headers or {})}
    customer = customer or await make_customer(intake, headers=headers)
    product = product or await make_product(intake, customer["id"], headers=headers)
    body: dict[str, Any] = {
        "customer_id": customer["id"],
        "product_id": product["id"],
        "kind": "repair",
        "description": "The unit does not cool.",
        "channel": "hotline",
    }
    body.update(overrides)
    r = await intake.client.post("/v1/tickets", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def publish_raw(
    nats_url: str,
    envelope: Envelope[Any],
    *,
    msg_id: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Publish an event straight to JetStream (as a second delivery would arrive), with
    ``headers`` besides its message id (those its producer's outbox gave it, for a copy)."""
    await publish_body(
        nats_url,
        envelope.type,
        encode(envelope),
        msg_id=msg_id or str(envelope.id),
        headers=headers,
    )


async def publish_json(
    nats_url: str,
    payload: Mapping[str, Any],
    *,
    msg_id: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Publish an envelope given as JSON (one no contract of today describes: an older or a
    newer version, a field or value added since) on the subject its ``type`` names."""
    body = json.dumps(payload).encode()
    await publish_body(
        nats_url, payload["type"], body, msg_id=msg_id or str(payload["id"]), headers=headers
    )


async def publish_body(
    nats_url: str,
    subject: str,
    body: bytes,
    *,
    msg_id: str,
    headers: Mapping[str, str] | None = None,
) -> None:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        await ensure_stream(js, stream_for_subject(subject).lower())
        await js.publish(subject, body, headers={**(headers or {}), "Nats-Msg-Id": msg_id})
    finally:
        await nc.close()


async def stream_messages(nats_url: str, stream: str) -> int:
    nc = await nats.connect(nats_url)
    try:
        info = await nc.jetstream().stream_info(stream)
        return int(info.state.messages)
    except NotFoundError:
        return 0  # nothing was ever published there
    finally:
        await nc.close()


def recorded_events() -> list[list[dict[str, Any]]]:
    """Every event the suite published at 8db829b, before one version of each event went on the
    bus (``published_at_8db829b.json`` beside this module): each entry is one change, as the
    outbox wrote it (subject, headers, payload), with the older copies published beside the
    newest, newest first. A few tests then published an older version alone, as a producer did
    before the newer one existed: those entries start with it."""
    path = Path(__file__).with_name("published_at_8db829b.json")
    examples: list[list[dict[str, Any]]] = json.loads(path.read_text())["examples"]
    return examples


def ticket_created(site: dict[str, str] | None = None, **overrides: Any) -> Envelope[Any]:
    """An ``intake.ticket.created`` envelope with random ids, as intake would publish it;
    ``site`` defaults to the customer's address."""
    now = datetime.now(UTC)
    fields: dict[str, Any] = dict(
        ticket_id=uuid.uuid4(),
        number=f"SR-2026-{uuid.uuid4().int % 10_000_000:07d}",
        kind="repair",
        channel="hotline",
        description="leaks water",
        customer=intake.CustomerFacts(
            id=uuid.uuid4(),
            name="Zhang",
            phone="13800000000",
            region="440305",
            city="Shenzhen",
            line="1 Road",
        ),
        product=intake.ProductFacts(
            id=uuid.uuid4(),
            category="washing_machine",
            model="XQB",
            serial_no="S",
            purchased_on=date(2025, 1, 1),
            warranty_until=date(2027, 1, 1),
            in_warranty=True,
        ),
        respond_by=now + timedelta(hours=4),
        needs_visit=True,
        created_at=now,
    )
    fields.update(overrides)
    customer = fields["customer"]
    fields.setdefault(
        "site",
        intake.Site(
            **(site or {"region": customer.region, "city": customer.city, "line": customer.line})
        ),
    )
    fields.setdefault("respond_clock", "dispatch" if fields["needs_visit"] else "intake")
    data = intake.TicketCreated(**fields)
    return Envelope.wrap(data, source="intake", aggregate_id=data.ticket_id, aggregate_version=1)


def parts_order_placed(
    ticket_id: uuid.UUID | None = None, *lines: tuple[str, int], **overrides: Any
) -> intake.PartsOrderPlaced:
    """What ``intake.parts_order.placed.v1`` carries for an order of ``lines`` (default: two
    FAN-2), shipped to the customer of :func:`ticket_created`."""
    ticket = ticket_created().data
    customer = ticket.customer
    fields: dict[str, Any] = dict(
        ticket_id=ticket_id or uuid.uuid4(),
        number=ticket.number,
        channel="hotline",
        description="spare parts",
        customer=customer,
        ship_to=intake.Site(region=customer.region, city=customer.city, line=customer.line),
        lines=[intake.OrderLine(sku=sku, qty=qty) for sku, qty in (lines or (("FAN-2", 2),))],
        created_at=datetime.now(UTC),
    )
    return intake.PartsOrderPlaced(**{**fields, **overrides})


async def read_events(nats_url: str, subject: str, *, after: RunningService | None) -> list[Any]:
    """Every event on ``subject`` (a wildcard pattern too) once ``after`` has published all it
    committed, decoded, in stream order: see :func:`read_messages`."""
    return [e for e, _ in await read_messages(nats_url, subject, after=after)]


async def read_messages(
    nats_url: str, subject: str, *, after: RunningService | None
) -> list[tuple[Any, dict[str, str]]]:
    """Every event on ``subject`` once ``after`` has published all it committed, decoded, with
    the headers it was published with, in stream order.

    ``after`` is the running service that produces ``subject``: its outbox is drained first
    (:func:`~aftersales_testing.apps.published`), so everything it committed before the call
    is in the stream. ``None`` when no running service produces it, because the test published
    it itself (:func:`publish_raw`, :func:`publish_json`): a publish returns once JetStream
    acked it, so the stream is already final. Then the read takes exactly what the stream
    holds at that moment, up to its last sequence, with no wait for silence. Events that are
    still to come (a message not yet handled, a timer not yet due) need their own barrier:
    ``handled``, ``drained``, or ``eventually`` around the read."""
    from aftersales.events import decode

    producer = subject.split(".", 1)[0]
    if after is not None:
        if after.name != producer:
            raise ValueError(f"{subject} is published by {producer}, not by {after.name}")
        await published(after)
    stream = stream_for_subject(subject)
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        try:
            last = (await js.stream_info(stream)).state.last_seq
        except NotFoundError:
            return []  # no stream yet: nothing was ever published there
        messages: list[tuple[Any, dict[str, str]]] = []
        seq = 1
        while seq <= last:
            try:  # the first message on the subject from ``seq`` on
                msg = await js.get_msg(stream, seq=seq, subject=subject, next=True)
            except NotFoundError:
                break  # none left on the subject
            if msg.seq is None or msg.seq > last:
                break  # published after the read began
            messages.append((decode(msg.data or b""), dict(msg.headers or {})))
            seq = msg.seq + 1
        return messages
    finally:
        await nc.close()


async def redelivered(
    service: RunningService, nats_url: str, prefix: str, keep: Callable[[Any], bool]
) -> tuple[collections.Counter[str], int]:
    """Publish again, under new message ids and with their headers (as after a lost ack),
    every event of the subjects starting with ``prefix`` that the service's consumer of that
    stream handles and ``keep`` picks, of those already in the stream (the caller has seen
    them handled, so their producer's outbox has nothing more of them to publish), and wait
    until the service has handled the copies (:func:`drained`). Returns what the consumer
    made of the copies (its outcomes counted while they were handled: ``duplicate``, ...) and
    how many were sent."""
    stream = stream_for_subject(prefix)
    runner = next(
        r
        for r in service.app.state.runners
        if r.subscription.stream == stream and not r.subscription.durable
    )
    before = collections.Counter(runner.outcomes)
    copies = 0
    for subject in runner.subscription.handlers:
        if subject.startswith(prefix):
            for envelope, headers in await read_messages(nats_url, subject, after=None):
                if keep(envelope):
                    headers.pop("Nats-Msg-Id", None)
                    await publish_raw(nats_url, envelope, msg_id=str(uuid.uuid4()), headers=headers)
                    copies += 1
    await drained(service)
    return collections.Counter(runner.outcomes) - before, copies


async def tickets_created_again(
    service: RunningService, nats_url: str, tickets: list[dict[str, Any]]
) -> tuple[collections.Counter[str], int]:
    """Every ``intake.ticket.created`` event of ``tickets`` published once more
    to ``service``, as after a lost ack: :func:`redelivered`'s outcomes and number of copies."""
    ids = {str(t["id"]) for t in tickets}
    return await redelivered(
        service, nats_url, "intake.ticket.created.", lambda e: str(e.data.ticket_id) in ids
    )


async def make_point(dispatch: RunningService, **overrides: Any) -> dict[str, Any]:
    """A network point serving region 440305 for washing machines, with room for 10 a day."""
    body: dict[str, Any] = {
        "code": f"P-{uuid.uuid4().hex[:8]}",
        "name": "Shenzhen Nanshan service point",
        "regions": ["440305"],
        "categories": ["washing_machine"],
        "daily_capacity": 10,
        "is_partner": False,
    }
    body.update(overrides)
    r = await dispatch.client.post("/v1/points", json=body, headers=dispatch.auth("admin"))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def make_technician(
    dispatch: RunningService, point_id: str, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "Li Wei", "phone": _phone(), "skills": ["washing_machine"]}
    body.update(overrides)
    r = await dispatch.client.post(
        f"/v1/points/{point_id}/technicians", json=body, headers=dispatch.auth("agent")
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]
