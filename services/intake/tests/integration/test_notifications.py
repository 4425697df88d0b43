"""What customers are told, in which words, on which channel, against a real local SMTP
server and a real local HTTP gateway (the helpers are conftest.py's ``notifying``)."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales_testing.apps import eventually
from aftersales_testing.factories import publish_raw
from intake.integrations.domain.webhooks import verify
from intake.notifications.domain.templates import REASON_WORDS

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def test_booking_and_en_route_reach_the_customer_by_email_and_a_signed_sms(
    start_service, mail, gateway, infrastructure, notifying
):
    secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await notifying.customer_with_ticket(intake, address)
        job_id = uuid.uuid4()
        start = datetime(2030, 5, 6, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
        await publish_raw(
            infrastructure.broker_url, notifying.scheduled(uuid.UUID(ticket["id"]), job_id, start)
        )
        await publish_raw(
            infrastructure.broker_url, notifying.en_route(uuid.UUID(ticket["id"]), job_id)
        )

        await eventually(lambda: notifying.value(len(mail.to(address)) == 2), timeout=30)
        # Sent as each falls due, side by side: the order of arrival is not promised.
        [booked] = [m for m in mail.to(address) if "预约" in m["Subject"]]
        [on_the_way] = [m for m in mail.to(address) if "出发" in m["Subject"]]
        assert ticket["number"] in booked["Subject"]
        assert "2030-05-06 09:00" in booked.get_content() and "11:00" in booked.get_content()
        assert "工程师" in on_the_way.get_content()  # zh-CN unless the customer chose otherwise

        await eventually(lambda: notifying.value(len(gateway.deliveries) == 2), timeout=30)
        for headers, body in gateway.deliveries:
            assert verify(secret, headers, body, now=int(time.time()))
        texts = [e["text"] for e in gateway.events()]
        assert any("2030-05-06 09:00" in t for t in texts)

        async def all_sent():
            got = await notifying.records(intake, ticket["id"])
            return got if len(got) == 4 and {n["status"] for n in got} == {"sent"} else None

        sent = await eventually(all_sent, timeout=30)
        assert {(n["kind"], n["channel"]) for n in sent} == {
            ("booked", "email"),
            ("booked", "sms"),
            ("en_route", "email"),
            ("en_route", "sms"),
        }


async def test_an_opted_out_channel_gets_nothing_and_the_locale_is_the_customers(
    start_service, mail, gateway, infrastructure, notifying
):
    _secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        customer, ticket = await notifying.customer_with_ticket(intake, address)
        r = await intake.client.put(
            f"/v1/customers/{customer['id']}/notification-preferences",
            json={"email": False, "sms": True, "locale": "en"},
            headers=intake.auth("agent"),
        )
        assert r.status_code == 200 and r.json()["version"] == 1, r.text
        start = datetime.now(UTC) + timedelta(days=2)
        await publish_raw(
            infrastructure.broker_url,
            notifying.scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start),
        )

        [sms] = await eventually(lambda: notifying.value(gateway.events()), timeout=30)
        assert sms["text"].startswith("Dear ") and sms["locale"] == "en"
        got = await notifying.records(intake, ticket["id"])
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
    start_service, mail, gateway, infrastructure, notifying
):
    _secret, settings = notifying.channels(mail, gateway)
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
        _customer, ticket = await notifying.customer_with_ticket(intake, address)
        start = datetime(2030, 5, 6, 1, 0, tzinfo=UTC)
        await publish_raw(
            infrastructure.broker_url,
            notifying.scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start),
        )
        await eventually(lambda: notifying.value(mail.to(address)), timeout=30)
        [message] = mail.to(address)
        assert message["Subject"] == f"已约好 {ticket['number']}"
        assert message.get_content().strip() == "2030-05-06 09:00 见"
        got = await notifying.records(intake, ticket["id"])
        assert {n["template_version"] for n in got} == {1}


async def test_a_template_may_hold_plain_placeholders_only(start_service, notifying):
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


async def test_a_reschedule_tells_the_customer_the_codes_wording_never_the_points_note(
    start_service, mail, gateway, infrastructure, notifying
):
    note = "customer was rude, do not call 13800138000 again"
    _secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        zh_address, en_address = (f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(2))
        _zh, zh_ticket = await notifying.customer_with_ticket(intake, zh_address)
        en_customer, en_ticket = await notifying.customer_with_ticket(intake, en_address)
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
                notifying.scheduled(
                    uuid.UUID(ticket["id"]), uuid.uuid4(), start, reason=note, code=code
                ),
            )
        # An event from before reason codes: the note alone, which reads as "other".
        await publish_raw(
            infrastructure.broker_url,
            notifying.scheduled(uuid.UUID(zh_ticket["id"]), uuid.uuid4(), start, reason=note),
        )

        await eventually(lambda: notifying.value(len(mail.to(zh_address)) == 2), timeout=30)
        await eventually(lambda: notifying.value(len(mail.to(en_address)) == 1), timeout=30)
        await eventually(lambda: notifying.value(len(gateway.events()) == 3), timeout=30)
        zh_texts = sorted(m.get_content() for m in mail.to(zh_address))
        assert any(REASON_WORDS["weather"]["zh-CN"] in t for t in zh_texts)
        assert any(REASON_WORDS["other"]["zh-CN"] in t for t in zh_texts)
        [en_text] = [m.get_content() for m in mail.to(en_address)]
        assert f"Reason: {REASON_WORDS['parts_delayed']['en']}" in en_text
        told = [*zh_texts, en_text, *(e["text"] for e in gateway.events())]
        for ticket in (zh_ticket, en_ticket):
            told += [
                n["body"] + n["subject"] for n in await notifying.records(intake, ticket["id"])
            ]
        assert not any("13800138000" in t or "rude" in t for t in told), told
