"""Customer notifications against a real local SMTP server and a real local HTTP gateway."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.events import Envelope, Window, dispatch
from aftersales.testing.apps import eventually
from aftersales.testing.factories import make_customer, make_ticket, publish_raw
from aftersales.testing.mail import MailServer
from aftersales.testing.world import WebhookReceiver
from intake.domain.webhooks import new_secret, verify

POINT, TECH = uuid.uuid4(), uuid.uuid4()
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def mail():
    server = MailServer()
    yield server
    server.close()


@pytest.fixture
def gateway():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


def channels(mail, gateway, **extra):
    secret = new_secret()
    return secret, {
        "notify_smtp_host": mail.host,
        "notify_smtp_port": mail.port,
        "notify_gateway_url": gateway.url,
        "notify_gateway_secret": secret,
        "notify_quiet_hours": "00:00-00:00",  # never quiet, unless a test says so
        "notify_poll_seconds": 0.2,
        "notify_retry_schedule": [1, 1, 1],
        **extra,
    }


def scheduled(ticket_id, job_id, start, *, version=1, reason=None):
    data = dispatch.JobScheduled(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=POINT,
        technician_id=TECH,
        appointment=Window(start=start, end=start + timedelta(hours=2)),
        rescheduled_reason=reason,
    )
    return Envelope.wrap(data, source="dispatch", aggregate_id=job_id, aggregate_version=version)


def en_route(ticket_id, job_id, version=2):
    data = dispatch.JobStatusChanged(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=POINT,
        technician_id=TECH,
        status="en_route",
        previous_status="scheduled",
        at=datetime.now(UTC),
    )
    return Envelope.wrap(data, source="dispatch", aggregate_id=job_id, aggregate_version=version)


async def customer_with_ticket(intake, email):
    customer = await make_customer(intake, email=email)
    return customer, await make_ticket(intake, customer=customer)


async def records(intake, ticket_id):
    r = await intake.client.get(
        "/v1/notifications", params={"ticket_id": ticket_id}, headers=intake.auth("agent")
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_booking_and_en_route_reach_the_customer_by_email_and_a_signed_sms(
    start_service, mail, gateway, infrastructure
):
    secret, settings = channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await customer_with_ticket(intake, address)
        job_id = uuid.uuid4()
        start = datetime(2030, 5, 6, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
        await publish_raw(
            infrastructure.broker_url, scheduled(uuid.UUID(ticket["id"]), job_id, start)
        )
        await publish_raw(infrastructure.broker_url, en_route(uuid.UUID(ticket["id"]), job_id))

        await eventually(lambda: _value(len(mail.to(address)) == 2), timeout=30)
        # Sent as each falls due, side by side: the order of arrival is not promised.
        [booked] = [m for m in mail.to(address) if "预约" in m["Subject"]]
        [on_the_way] = [m for m in mail.to(address) if "出发" in m["Subject"]]
        assert ticket["number"] in booked["Subject"]
        assert "2030-05-06 09:00" in booked.get_content() and "11:00" in booked.get_content()
        assert "工程师" in on_the_way.get_content()  # zh-CN unless the customer chose otherwise

        await eventually(lambda: _value(len(gateway.deliveries) == 2), timeout=30)
        for headers, body in gateway.deliveries:
            assert verify(secret, headers, body)
        texts = [e["text"] for e in gateway.events()]
        assert any("2030-05-06 09:00" in t for t in texts)

        async def all_sent():
            got = await records(intake, ticket["id"])
            return got if len(got) == 4 and {n["status"] for n in got} == {"sent"} else None

        sent = await eventually(all_sent, timeout=30)
        assert {(n["kind"], n["channel"]) for n in sent} == {
            ("booked", "email"),
            ("booked", "sms"),
            ("en_route", "email"),
            ("en_route", "sms"),
        }


async def test_quiet_hours_hold_routine_messages_while_an_urgent_change_goes_at_once(
    start_service, mail, gateway, infrastructure
):
    now = datetime.now(SHANGHAI)
    quiet = f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"
    _secret, settings = channels(mail, gateway, notify_quiet_hours=quiet)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await customer_with_ticket(intake, address)
        ticket_id, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()
        soon = datetime.now(UTC) + timedelta(hours=5)
        await publish_raw(infrastructure.broker_url, scheduled(ticket_id, job_id, soon))
        # Moved to within two hours: urgent, so it goes now, quiet hours or not.
        sooner = datetime.now(UTC) + timedelta(minutes=90)
        await publish_raw(
            infrastructure.broker_url,
            scheduled(
                ticket_id, job_id, sooner, version=2, reason="the technician is free earlier"
            ),
        )
        # The urgent message is the barrier: the routine one before it in the lane is queued.
        await eventually(lambda: _value(mail.to(address)), timeout=30)
        [urgent] = mail.to(address)
        assert "the technician is free earlier" in urgent.get_content()
        got = await records(intake, ticket["id"])
        held = [n for n in got if n["kind"] == "booked"]
        assert {n["status"] for n in held} == {"pending"} and all(n["held_until"] for n in held)
        assert all(not n["urgent"] for n in held)
        assert all(n["urgent"] for n in got if n["kind"] == "rescheduled")
        until = datetime.fromisoformat(held[0]["held_until"]).astimezone(SHANGHAI)
        assert f"{until:%H:%M}" == quiet.split("-")[1]


async def test_an_opted_out_channel_gets_nothing_and_the_locale_is_the_customers(
    start_service, mail, gateway, infrastructure
):
    _secret, settings = channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        customer, ticket = await customer_with_ticket(intake, address)
        r = await intake.client.put(
            f"/v1/customers/{customer['id']}/notification-preferences",
            json={"email": False, "sms": True, "locale": "en"},
            headers=intake.auth("agent"),
        )
        assert r.status_code == 200 and r.json()["version"] == 1, r.text
        start = datetime.now(UTC) + timedelta(days=2)
        await publish_raw(
            infrastructure.broker_url, scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start)
        )

        [sms] = await eventually(lambda: _value(gateway.events()), timeout=30)
        assert sms["text"].startswith("Dear ") and sms["locale"] == "en"
        got = await records(intake, ticket["id"])
        [email] = [n for n in got if n["channel"] == "email"]
        assert email["status"] == "skipped" and "opted out" in email["last_error"]
        assert mail.to(address) == []
        other = await intake.client.put(
            f"/v1/customers/{uuid.uuid4()}/notification-preferences",
            json={"email": False},
            headers=intake.auth("agent"),
        )
        assert other.status_code == 404


async def test_a_template_names_only_its_placeholders_and_new_messages_use_the_new_version(
    start_service, mail, gateway, infrastructure
):
    _secret, settings = channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        admin = intake.auth("admin")
        bad = await intake.client.put(
            "/v1/notification-templates/booked/zh-CN",
            json={"subject": "预约 {ticket_number}", "body": "{customer_name} {technician_phone}"},
            headers=admin,
        )
        assert bad.status_code == 422 and "{technician_phone}" in bad.json()["detail"]
        agent_try = await intake.client.put(
            "/v1/notification-templates/booked/zh-CN",
            json={"subject": "x", "body": "y"},
            headers=intake.auth("agent"),
        )
        assert agent_try.status_code == 403
        good = await intake.client.put(
            "/v1/notification-templates/booked/zh-CN",
            json={"subject": "已约好 {ticket_number}", "body": "{window_start} 见"},
            headers=admin,
        )
        assert good.status_code == 200 and good.json()["version"] == 1, good.text
        listed = await intake.client.get("/v1/notification-templates", headers=admin)
        versions = {(t["kind"], t["locale"]): t["version"] for t in listed.json()}
        assert versions[("booked", "zh-CN")] == 1 and versions[("booked", "en")] == 0

        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await customer_with_ticket(intake, address)
        start = datetime(2030, 5, 6, 1, 0, tzinfo=UTC)
        await publish_raw(
            infrastructure.broker_url, scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start)
        )
        await eventually(lambda: _value(mail.to(address)), timeout=30)
        [message] = mail.to(address)
        assert message["Subject"] == f"已约好 {ticket['number']}"
        assert message.get_content().strip() == "2030-05-06 09:00 见"
        got = await records(intake, ticket["id"])
        assert {n["template_version"] for n in got} == {1}


async def test_a_gateway_that_is_down_gets_the_message_later_under_the_same_id(
    start_service, mail, infrastructure
):
    gateway = WebhookReceiver([503, 503, 200])
    try:
        _secret, settings = channels(mail, gateway)
        async with start_service("intake", **settings) as intake:
            _customer, ticket = await customer_with_ticket(intake, None)
            start = datetime.now(UTC) + timedelta(days=1)
            await publish_raw(
                infrastructure.broker_url,
                scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start),
            )

            async def sent():
                got = await records(intake, ticket["id"])
                sms = [n for n in got if n["channel"] == "sms" and n["status"] == "sent"]
                return sms[0] if sms else None

            sms = await eventually(sent, timeout=30)
            assert sms["attempts"] == 3
            assert len({h["webhook-id"] for h, _ in gateway.deliveries}) == 1
            assert len(gateway.deliveries) == 3
            got = await records(intake, ticket["id"])
            [email] = [n for n in got if n["channel"] == "email"]
            assert email["status"] == "skipped" and "no e-mail address" in email["last_error"]
    finally:
        gateway.close()


async def _value(value):
    return value
