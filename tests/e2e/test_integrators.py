"""The integrators told, not left to poll, on the four services as processes: a partner point
gets its offer by webhook and accepts it; the technicians' app backend and the technician get
the assignment; the customer gets the booking and the en-route messages by e-mail (a real local
SMTP server); a phone replays its queued reports in one batch (one refused, the rest applied);
a CRM gets the charge and the callback result from its one subscription; a second point never
sees the first one's events, whatever wildcard it subscribed to."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from aftersales_client.api.billing import list_charges
from aftersales_client.api.dispatch import accept_job, assign_job, get_job, status_batch
from aftersales_client.api.feedback import list_callbacks, post_result
from aftersales_client.api.intake import create_webhook
from aftersales_client.models import (
    AssignIn,
    CallbackResultIn,
    JobOut,
    PageCallbackOut,
    PageChargeOut,
    Problem,
    StatusBatchIn,
    StatusBatchOut,
    WebhookIn,
    WebhookWithSecret,
)

from aftersales_testing.apps import eventually
from aftersales_testing.mail import MailServer
from aftersales_testing.webhooks import WebhookReceiver, standard_webhooks_valid
from aftersales_testing.world import World


@pytest.fixture(scope="module")
def mail_server():
    server = MailServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def process_stack_env(mail_server):
    return {
        "INTAKE_NOTIFY_SMTP_HOST": mail_server.host,
        "INTAKE_NOTIFY_SMTP_PORT": str(mail_server.port),
        "INTAKE_NOTIFY_QUIET_HOURS": "00:00-00:00",  # the story must not wait for the morning
        "INTAKE_NOTIFY_POLL_SECONDS": "0.2",
    }


@pytest.fixture
def receivers():
    made: list[WebhookReceiver] = []

    def make() -> WebhookReceiver:
        made.append(WebhookReceiver())
        return made[-1]

    yield make
    for r in made:
        r.close()


async def subscribe(world: World, url: str, events: list[str], headers: dict) -> dict:
    """The way an integrator does it: the generated client (clients/python)."""
    made = await create_webhook.asyncio_detailed(
        client=world.api("intake", headers), body=WebhookIn(url=url, events=events)
    )
    assert made.status_code == 201, made.content
    assert isinstance(made.parsed, WebhookWithSecret)
    return {"id": str(made.parsed.id), "secret": made.parsed.secret}


async def test_a_partner_an_app_a_phone_and_a_crm_are_told_what_concerns_each(
    world: World, receivers, mail_server
):
    point_a, [tech] = await world.point("INT-A", "530001")
    point_b, _ = await world.point("INT-B", "530002")
    crm = world.stack.auth("crm", tenant_id="integrators")
    app = world.stack.auth("app", subject="mobile-backend")
    rx = {name: receivers() for name in ("a", "b", "tech", "app", "crm")}
    hooks = {
        "a": await subscribe(
            world, rx["a"].url, ["dispatch.>", "billing.>", "feedback.>"], world.as_point(point_a)
        ),
        # Point B asks for everything it could: it still only ever gets its own.
        "b": await subscribe(
            world, rx["b"].url, ["dispatch.>", "billing.>", "feedback.>"], world.as_point(point_b)
        ),
        "tech": await subscribe(world, rx["tech"].url, ["dispatch.job.>"], world.as_tech(tech)),
        "app": await subscribe(world, rx["app"].url, [">"], app),
        "crm": await subscribe(
            world,
            rx["crm"].url,
            [
                "intake.ticket.created.v2",
                "billing.charge.issued.v1",
                "feedback.callback.recorded.v2",
            ],
            crm,
        ),
    }

    # What no token of that kind can receive is refused, naming the pattern.
    for events, headers in (
        (["intake.ticket.created.v2"], world.as_point(point_a)),
        (["feedback.point.graded.v1"], world.as_tech(tech)),
        (["billing.>"], app),
        (["nothing.published.here"], world.agent),
    ):
        refused = await create_webhook.asyncio_detailed(
            client=world.api("intake", headers), body=WebhookIn(url=rx["a"].url, events=events)
        )
        assert refused.status_code == 422, (events, refused.content)
        assert isinstance(refused.parsed, Problem) and events[0] in str(refused.parsed.detail)

    # A job for point B, so B has events of its own.
    other_customer, other_product = await world.customer("530002", in_warranty=True)
    other = await world.ticket(other_customer, other_product)
    other_job = await world.job(other["id"], status="offered")
    assert other_job["point_id"] == point_b["id"]

    # The CRM's customer calls; the offer reaches point A by webhook, with what it needs.
    address = "wang.fang@example.com"
    customer, product = await world.customer(
        "530001", in_warranty=False, headers=crm, email=address
    )
    ticket = await world.ticket(customer, product, headers=crm, channel="crm")

    async def offer_of(ticket_id):
        found = [
            e
            for e in rx["a"].events("dispatch.job.routed.v2")
            if e["data"]["ticket_id"] == ticket_id
        ]
        return found[0] if found else None

    offer = await eventually(lambda: offer_of(ticket["id"]), timeout=30)
    data = offer["data"]
    assert data["point_id"] == point_a["id"] and data["offer_expires_at"]
    assert data["region"] == "530001" and data["product"]["model"] and data["kind"] == "repair"
    assert data["ticket_number"] == ticket["number"]
    job_id = data["job_id"]
    # A second visit booked for the same technician later that day.
    second_ticket = await world.ticket(customer, product, headers=crm, channel="crm")
    second_id = (await eventually(lambda: offer_of(second_ticket["id"]), timeout=30))["data"][
        "job_id"
    ]

    # The point accepts from what it was told and assigns its technician.
    as_point = world.api("dispatch", world.as_point(point_a))
    for n, job in enumerate((job_id, second_id)):
        start = datetime.now(UTC) + timedelta(hours=1 + 3 * n)
        accepted = await accept_job.asyncio_detailed(UUID(job), client=as_point)
        assert accepted.status_code == 200, accepted.content
        window = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()}
        assigned = await assign_job.asyncio_detailed(
            UUID(job),
            client=as_point,
            body=AssignIn.from_dict({"technician_id": tech["id"], "appointment": window}),
        )
        assert assigned.status_code == 200, assigned.content

    async def assignment_told():
        return all(len(r.events("dispatch.job.scheduled.v1")) == 2 for r in (rx["tech"], rx["app"]))

    await eventually(assignment_told, timeout=30)

    # The phone was offline: eight queued reports in one batch, one of them refused.
    # Seconds apart, none before the jobs were offered (a report may not be dated earlier).
    t0 = datetime.now(UTC)

    def report(key, job, status, seconds, **fields):
        at = (t0 + timedelta(seconds=seconds)).isoformat()
        return {"job_id": job, "idempotency_key": key, "status": status, "at": at, **fields}

    ref = {"reference": "phone://signatures/1"}
    reports = [
        report("q-1", job_id, "en_route", 0),
        report("q-2", job_id, "on_site", 10, travel_km=4),
        report("q-3", job_id, "resolved_on_site", 20, signature=ref, labor_minutes=40),
        # Not this technician's job: refused, and only it.
        report("q-4", other_job["id"], "en_route", 21),
        report("q-5", second_id, "en_route", 22),
        report("q-6", second_id, "on_site", 30, travel_km=2),
        report("q-7", second_id, "taken_to_workshop", 35, signature=ref),
        report("q-8", second_id, "repaired", 38, labor_minutes=20),
    ]
    sent = await status_batch.asyncio_detailed(
        client=world.api("dispatch", world.as_tech(tech)),
        body=StatusBatchIn.from_dict({"reports": reports}),
    )
    assert sent.status_code == 200, sent.content
    assert isinstance(sent.parsed, StatusBatchOut)
    batch = sent.parsed.to_dict()
    results = {x["idempotency_key"]: x for x in batch["results"]}
    assert results.pop("q-4")["problem"]["status"] == 404
    assert {k: x["outcome"] for k, x in results.items()} == {k: "applied" for k in results}
    assert len(results) == 7
    done = await get_job.asyncio(UUID(job_id), client=world.api("dispatch", world.as_tech(tech)))
    assert isinstance(done, JobOut) and done.status == "completed"

    # The customer was told of both bookings and that the technician was on the way.
    async def mailed():
        subjects = [m["Subject"] for m in mail_server.to(address)]
        booked = [s for s in subjects if s.startswith("服务预约确认")]
        on_the_way = [s for s in subjects if s.startswith("工程师已出发")]
        return len(booked) == 2 and len(on_the_way) == 2 and subjects

    await eventually(mailed, timeout=30)
    booking = next(
        m for m in mail_server.to(address) if m["Subject"] == f"服务预约确认 {ticket['number']}"
    )
    assert "上门" in booking.get_content()

    # The charge and the callback result reach the CRM's one subscription, and point A.
    async def charged():
        page = await list_charges.asyncio(
            client=world.api("billing", world.agent), job_id=UUID(job_id)
        )
        return isinstance(page, PageChargeOut) and page.items

    await eventually(charged, timeout=30)

    async def callback_due():
        page = await list_callbacks.asyncio(
            client=world.api("feedback", world.agent), ticket_id=UUID(ticket["id"])
        )
        return isinstance(page, PageCallbackOut) and page.items

    [callback] = await eventually(callback_due, timeout=30)
    recorded = await post_result.asyncio_detailed(
        callback.id,
        client=world.api("feedback", world.agent),
        body=CallbackResultIn.from_dict(
            {"reached": True, "outcome": "satisfied", "score": 5, "visit_confirmed": "yes"}
        ),
    )
    assert recorded.status_code == 200, recorded.content

    async def crm_told():
        types = {e["type"] for e in rx["crm"].events()}
        wanted = {"billing.charge.issued.v1", "feedback.callback.recorded.v2"}
        return wanted <= types and types

    await eventually(crm_told, timeout=30)
    crm_events = rx["crm"].events()
    # Its tenant's tickets only (not the centre's own ticket for point B).
    assert {e["data"]["ticket_id"] for e in crm_events} == {ticket["id"], second_ticket["id"]}

    async def point_a_told():
        types = {e["type"] for e in rx["a"].events()}
        return {"billing.charge.issued.v1", "feedback.callback.recorded.v2"} <= types

    await eventually(point_a_told, timeout=30)

    # Barrier: B's own offer arrived after everything above was queued for it... or not at all.
    await eventually(lambda: _has(rx["b"], "dispatch.job.routed.v2"), timeout=30)
    for e in rx["a"].events():
        assert e["data"]["point_id"] == point_a["id"], e["type"]
    for e in rx["b"].events():
        assert e["data"]["point_id"] == point_b["id"], e["type"]
    assert all(e["data"]["technician_id"] == tech["id"] for e in rx["tech"].events())
    assert {e["type"].split(".")[1] for e in rx["app"].events()} == {"job"}
    for name, receiver in rx.items():
        for headers, body in receiver.deliveries:
            assert standard_webhooks_valid(hooks[name]["secret"], headers, body), name


async def _has(receiver: WebhookReceiver, event_type: str) -> bool:
    return bool(receiver.events(event_type))
