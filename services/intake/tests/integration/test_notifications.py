"""Customer notifications against a real local SMTP server and a real local HTTP gateway."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.events import Envelope, Window, dispatch
from aftersales.testing.apps import eventually
from aftersales.testing.factories import make_customer, make_ticket, publish_raw
from aftersales.testing.mail import MailServer
from aftersales.testing.receivers import SlowReceiver
from aftersales.testing.world import WebhookReceiver
from intake.domain.notifications import REASON_WORDS
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


def scheduled(ticket_id, job_id, start, *, version=1, reason=None, code=None):
    data = dispatch.JobScheduled(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=POINT,
        technician_id=TECH,
        appointment=Window(start=start, end=start + timedelta(hours=2)),
        rescheduled_reason=reason,
        rescheduled_reason_code=code,
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
                ticket_id,
                job_id,
                sooner,
                version=2,
                reason="the technician is free earlier",
                code="technician_unavailable",
            ),
        )
        # The urgent message is the barrier: the routine one before it in the lane is queued.
        await eventually(lambda: _value(mail.to(address)), timeout=30)
        [urgent] = mail.to(address)
        # In the company's words: the code's wording, never the point's own note.
        assert REASON_WORDS["technician_unavailable"]["zh-CN"] in urgent.get_content()
        assert "the technician is free earlier" not in urgent.get_content()
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


async def test_a_template_may_hold_plain_placeholders_only(start_service):
    async with start_service("intake") as intake:
        admin = intake.auth("admin")
        for placeholder in (
            "{customer_name:>2000000000}",
            "{customer_name!r}",
            "{customer_name.__class__}",
            "{customer_name[0]}",
        ):
            r = await intake.client.put(
                "/v1/notification-templates/done/en",
                json={"subject": "Done", "body": f"Dear {placeholder}"},
                headers=admin,
            )
            assert r.status_code == 422, r.text
            assert placeholder in r.json()["detail"]
        listed = await intake.client.get("/v1/notification-templates", headers=admin)
        [done] = [t for t in listed.json() if (t["kind"], t["locale"]) == ("done", "en")]
        assert done["version"] == 0 and "{customer_name}" in done["body"]  # nothing stored


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


async def test_a_reschedule_tells_the_customer_the_codes_wording_never_the_points_note(
    start_service, mail, gateway, infrastructure
):
    note = "customer was rude, do not call 13800138000 again"
    _secret, settings = channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        zh_address, en_address = (f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(2))
        _zh, zh_ticket = await customer_with_ticket(intake, zh_address)
        en_customer, en_ticket = await customer_with_ticket(intake, en_address)
        r = await intake.client.put(
            f"/v1/customers/{en_customer['id']}/notification-preferences",
            json={"email": True, "sms": True, "locale": "en"},
            headers=intake.auth("agent"),
        )
        assert r.status_code == 200, r.text
        start = datetime.now(UTC) + timedelta(days=3)
        for ticket, code in ((zh_ticket, "weather"), (en_ticket, "parts_delayed")):
            await publish_raw(
                infrastructure.broker_url,
                scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start, reason=note, code=code),
            )
        # An event from before reason codes: the note alone, which reads as "other".
        await publish_raw(
            infrastructure.broker_url,
            scheduled(uuid.UUID(zh_ticket["id"]), uuid.uuid4(), start, reason=note),
        )

        await eventually(lambda: _value(len(mail.to(zh_address)) == 2), timeout=30)
        await eventually(lambda: _value(len(mail.to(en_address)) == 1), timeout=30)
        await eventually(lambda: _value(len(gateway.events()) == 3), timeout=30)
        zh_texts = sorted(m.get_content() for m in mail.to(zh_address))
        assert any(REASON_WORDS["weather"]["zh-CN"] in t for t in zh_texts)
        assert any(REASON_WORDS["other"]["zh-CN"] in t for t in zh_texts)
        [en_text] = [m.get_content() for m in mail.to(en_address)]
        assert f"Reason: {REASON_WORDS['parts_delayed']['en']}" in en_text
        told = [*zh_texts, en_text, *(e["text"] for e in gateway.events())]
        for ticket in (zh_ticket, en_ticket):
            told += [n["body"] + n["subject"] for n in await records(intake, ticket["id"])]
        assert not any("13800138000" in t or "rude" in t for t in told), told


async def test_urgent_messages_break_the_quiet_hours_once_a_ticket_a_night(
    start_service, mail, gateway, infrastructure
):
    now = datetime.now(SHANGHAI)
    quiet = f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"
    _secret, settings = channels(mail, gateway, notify_quiet_hours=quiet)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await customer_with_ticket(intake, address)
        _other_customer, other = await customer_with_ticket(intake, None)
        ticket_id, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()

        async def messages(of, count):
            got = await records(intake, of["id"])
            return got if len(got) == count else None

        # Booked (routine: it waits), then three changes within two hours of the visit, one
        # after the other, in one night: only the first change goes at once.
        for version in (1, 2, 3, 4):
            start = datetime.now(UTC) + timedelta(minutes=30 + 10 * version)
            code = "customer_request" if version > 1 else None
            await publish_raw(
                infrastructure.broker_url,
                scheduled(ticket_id, job_id, start, version=version, code=code),
            )
            await eventually(lambda v=version: messages(ticket, 2 * v), timeout=30)
        # Another ticket's urgent change may still break them (once a ticket, not once a night).
        await publish_raw(
            infrastructure.broker_url,
            scheduled(
                uuid.UUID(other["id"]),
                uuid.uuid4(),
                datetime.now(UTC) + timedelta(minutes=45),
                code="weather",
            ),
        )
        others = await eventually(lambda: messages(other, 2), timeout=30)

        got = await records(intake, ticket["id"])
        sent_now = [n for n in got if n["status"] != "skipped" and n["held_until"] is None]
        held = [n for n in got if n["held_until"] is not None]
        assert {n["kind"] for n in got} == {"booked", "rescheduled"}
        assert len(sent_now) == 2 and len({n["created_at"] for n in sent_now}) == 1, got
        assert all(n["kind"] == "rescheduled" and n["urgent"] for n in sent_now)
        first_change = min(n["created_at"] for n in got if n["kind"] == "rescheduled")
        assert sent_now[0]["created_at"] == first_change
        assert len(held) == 6 and all(n["status"] == "pending" for n in held)
        assert sum(n["urgent"] for n in held) == 4  # urgent, but this night's break is spent
        until = datetime.fromisoformat(held[0]["held_until"]).astimezone(SHANGHAI)
        assert f"{until:%H:%M}" == quiet.split("-")[1]
        await eventually(lambda: _value(len(mail.to(address)) == 1), timeout=30)
        [sms] = [n for n in others if n["channel"] == "sms"]
        assert sms["held_until"] is None and sms["urgent"]


async def test_a_gateway_that_drips_holds_up_no_e_mail_and_ends_at_the_deadline(
    start_service, mail, infrastructure
):
    deadline = 8
    gateway = SlowReceiver("drip", every=1.0)
    try:
        _secret, settings = channels(
            mail, gateway, notify_timeout_seconds=deadline, notify_retry_schedule=[600]
        )
        async with start_service("intake", **settings) as intake:
            addresses = [f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(2)]
            first = await customer_with_ticket(intake, addresses[0])
            second = await customer_with_ticket(intake, addresses[1])
            start = datetime.now(UTC) + timedelta(days=2)
            await publish_raw(
                infrastructure.broker_url,
                scheduled(uuid.UUID(first[1]["id"]), uuid.uuid4(), start),
            )
            await eventually(lambda: _value(gateway.arrived), timeout=30)  # SMS stuck
            await publish_raw(
                infrastructure.broker_url,
                scheduled(uuid.UUID(second[1]["id"]), uuid.uuid4(), start),
            )
            for address in addresses:
                await eventually(lambda a=address: _value(mail.to(a)), timeout=30)
            stuck = [n for n in await records(intake, first[1]["id"]) if n["channel"] == "sms"]
            assert [n["attempts"] for n in stuck] == [0]  # still in flight: nobody waited

            async def timed_out():
                got = await records(intake, first[1]["id"])
                sms = [n for n in got if n["channel"] == "sms" and n["attempts"]]
                return sms[0] if sms else None

            sms = await eventually(timed_out, timeout=deadline + 20)
            assert time.monotonic() - gateway.arrived[0] < deadline + 5
            assert (
                sms["status"] == "pending" and f"timed out after {deadline} s" in sms["last_error"]
            )
    finally:
        gateway.close()


async def _value(value):
    return value
