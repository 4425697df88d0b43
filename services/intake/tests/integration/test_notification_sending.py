"""When customers are told: the quiet hours (reached by setting the service's clock), the
urgent messages that break them, and sends bounded and retried against a gateway that is
down or slow."""

import time
import uuid
from datetime import UTC, datetime, timedelta

from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import publish_raw
from aftersales_testing.receivers import SlowReceiver
from aftersales_testing.world import WebhookReceiver
from intake.notifications.domain.templates import REASON_WORDS

# 23:00 in Shanghai (the network's time zone) tomorrow, in the quiet hours, and 08:00 the
# morning after, when they end (after today, as the factories' products are bought this
# month). The service's clock is set: no test depends on the hour it runs at.
QUIET = "21:00-08:00"
NIGHT = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0) + timedelta(days=1)
MORNING = NIGHT + timedelta(hours=9)


async def test_quiet_hours_hold_routine_messages_while_an_urgent_change_goes_at_once(
    start_service, mail, gateway, infrastructure, notifying
):
    clock = SettableClock(NIGHT)
    _secret, settings = notifying.channels(mail, gateway, notify_quiet_hours=QUIET)
    async with start_service("intake", clock=clock, **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await notifying.customer_with_ticket(intake, address)
        ticket_id, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()
        soon = NIGHT + timedelta(hours=5)
        await publish_raw(infrastructure.broker_url, notifying.scheduled(ticket_id, job_id, soon))
        # Moved to within two hours: urgent, so it goes now, quiet hours or not.
        sooner = NIGHT + timedelta(minutes=90)
        await publish_raw(
            infrastructure.broker_url,
            notifying.scheduled(
                ticket_id,
                job_id,
                sooner,
                version=2,
                reason="the technician is free earlier",
                code="technician_unavailable",
            ),
        )
        # The urgent message is the barrier: the routine one before it in the lane is queued.
        await eventually(lambda: notifying.value(mail.to(address)), timeout=30)
        [urgent] = mail.to(address)
        # In the company's words: the code's wording, never the point's own note.
        assert REASON_WORDS["technician_unavailable"]["zh-CN"] in urgent.get_content()
        assert "the technician is free earlier" not in urgent.get_content()
        got = await notifying.records(intake, ticket["id"])
        held = [n for n in got if n["kind"] == "booked"]
        assert {n["status"] for n in held} == {"pending"}
        assert {datetime.fromisoformat(n["held_until"]) for n in held} == {MORNING}
        assert all(not n["urgent"] for n in held)
        assert all(n["urgent"] for n in got if n["kind"] == "rescheduled")

        # The morning comes: the held message goes, on both channels.
        clock.set(MORNING + timedelta(minutes=1))
        await eventually(lambda: notifying.value(len(mail.to(address)) == 2), timeout=30)
        await eventually(lambda: notifying.value(len(gateway.events()) == 2), timeout=30)


async def test_a_clock_set_back_into_the_night_never_sends_a_message_twice(
    start_service, mail, gateway, infrastructure, notifying
):
    clock = SettableClock(NIGHT)
    _secret, settings = notifying.channels(mail, gateway, notify_quiet_hours=QUIET)
    async with start_service("intake", clock=clock, **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await notifying.customer_with_ticket(intake, address)
        ticket_id, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()
        booked = notifying.scheduled(ticket_id, job_id, NIGHT + timedelta(days=1))
        await publish_raw(infrastructure.broker_url, booked)

        async def held():
            got = await notifying.records(intake, ticket["id"])
            return got if len(got) == 2 and all(n["held_until"] for n in got) else None

        await eventually(held, timeout=30)
        clock.set(MORNING + timedelta(minutes=1))
        await eventually(lambda: notifying.value(len(mail.to(address)) == 1), timeout=30)
        await eventually(lambda: notifying.value(len(gateway.events()) == 1), timeout=30)

        # Back into the night: a new routine message waits for the morning again...
        clock.set(NIGHT + timedelta(hours=1))
        await publish_raw(
            infrastructure.broker_url,
            notifying.en_route(ticket_id, job_id, at=NIGHT + timedelta(hours=1)),
        )

        async def en_route_held():
            got = await notifying.records(intake, ticket["id"])
            later = [n for n in got if n["kind"] == "en_route"]
            return later if len(later) == 2 and all(n["held_until"] for n in later) else None

        await eventually(en_route_held, timeout=30)
        # ...and past it once more: that one goes, the booking is never sent again.
        clock.set(MORNING + timedelta(hours=2))
        await eventually(lambda: notifying.value(len(mail.to(address)) == 2), timeout=30)
        await eventually(lambda: notifying.value(len(gateway.events()) == 2), timeout=30)

        async def all_sent():
            got = await notifying.records(intake, ticket["id"])
            return got if all(n["status"] == "sent" for n in got) else None

        got = await eventually(all_sent, timeout=30)
        assert sorted(n["kind"] for n in got) == ["booked", "booked", "en_route", "en_route"]
        assert all(n["attempts"] == 1 for n in got), got
        subjects = sorted(str(m["Subject"]) for m in mail.to(address))
        assert len(set(subjects)) == 2, subjects  # one booking, one "on the way"
        assert len({e["id"] for e in gateway.events()}) == 2


async def test_urgent_messages_break_the_quiet_hours_once_a_ticket_a_night(
    start_service, mail, gateway, infrastructure, notifying
):
    clock = SettableClock(NIGHT)
    _secret, settings = notifying.channels(mail, gateway, notify_quiet_hours=QUIET)
    async with start_service("intake", clock=clock, **settings) as intake:
        address = f"{uuid.uuid4().hex[:8]}@example.com"
        _customer, ticket = await notifying.customer_with_ticket(intake, address)
        _other_customer, other = await notifying.customer_with_ticket(intake, None)
        ticket_id, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()

        async def messages(of, count):
            got = await notifying.records(intake, of["id"])
            return got if len(got) == count else None

        # Booked (routine: it waits), then three changes within two hours of the visit, one
        # after the other, in one night: only the first change goes at once.
        for version in (1, 2, 3, 4):
            start = NIGHT + timedelta(minutes=30 + 10 * version)
            code = "customer_request" if version > 1 else None
            await publish_raw(
                infrastructure.broker_url,
                notifying.scheduled(ticket_id, job_id, start, version=version, code=code),
            )
            await eventually(lambda v=version: messages(ticket, 2 * v), timeout=30)
        # Another ticket's urgent change may still break them (once a ticket, not once a night).
        await publish_raw(
            infrastructure.broker_url,
            notifying.scheduled(
                uuid.UUID(other["id"]),
                uuid.uuid4(),
                NIGHT + timedelta(minutes=45),
                code="weather",
            ),
        )
        others = await eventually(lambda: messages(other, 2), timeout=30)

        got = await notifying.records(intake, ticket["id"])
        sent_now = [n for n in got if n["status"] != "skipped" and n["held_until"] is None]
        held = [n for n in got if n["held_until"] is not None]
        assert {n["kind"] for n in got} == {"booked", "rescheduled"}
        assert len(sent_now) == 2 and len({n["created_at"] for n in sent_now}) == 1, got
        assert all(n["kind"] == "rescheduled" and n["urgent"] for n in sent_now)
        first_change = min(n["created_at"] for n in got if n["kind"] == "rescheduled")
        assert sent_now[0]["created_at"] == first_change
        assert len(held) == 6 and all(n["status"] == "pending" for n in held)
        assert sum(n["urgent"] for n in held) == 4  # urgent, but this night's break is spent
        assert {datetime.fromisoformat(n["held_until"]) for n in held} == {MORNING}
        await eventually(lambda: notifying.value(len(mail.to(address)) == 1), timeout=30)
        [sms] = [n for n in others if n["channel"] == "sms"]
        assert sms["held_until"] is None and sms["urgent"]


async def test_a_gateway_that_is_down_gets_the_message_later_under_the_same_id(
    start_service, mail, infrastructure, notifying
):
    gateway = WebhookReceiver([503, 503, 200])
    try:
        _secret, settings = notifying.channels(mail, gateway)
        async with start_service("intake", **settings) as intake:
            _customer, ticket = await notifying.customer_with_ticket(intake, None)
            start = datetime.now(UTC) + timedelta(days=1)
            await publish_raw(
                infrastructure.broker_url,
                notifying.scheduled(uuid.UUID(ticket["id"]), uuid.uuid4(), start),
            )

            async def sent():
                got = await notifying.records(intake, ticket["id"])
                sms = [n for n in got if n["channel"] == "sms" and n["status"] == "sent"]
                return sms[0] if sms else None

            sms = await eventually(sent, timeout=30)
            assert sms["attempts"] == 3
            assert len({h["webhook-id"] for h, _ in gateway.deliveries}) == 1
            assert len(gateway.deliveries) == 3
            got = await notifying.records(intake, ticket["id"])
            [email] = [n for n in got if n["channel"] == "email"]
            assert email["status"] == "skipped" and "no e-mail address" in email["last_error"]
    finally:
        gateway.close()


async def test_a_gateway_that_drips_holds_up_no_e_mail_and_ends_at_the_deadline(
    start_service, mail, infrastructure, notifying
):
    deadline = 8
    gateway = SlowReceiver("drip", every=1.0)
    try:
        _secret, settings = notifying.channels(
            mail, gateway, notify_timeout_seconds=deadline, notify_retry_schedule=[600]
        )
        async with start_service("intake", **settings) as intake:
            addresses = [f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(2)]
            first = await notifying.customer_with_ticket(intake, addresses[0])
            second = await notifying.customer_with_ticket(intake, addresses[1])
            start = datetime.now(UTC) + timedelta(days=2)
            await publish_raw(
                infrastructure.broker_url,
                notifying.scheduled(uuid.UUID(first[1]["id"]), uuid.uuid4(), start),
            )
            await eventually(lambda: notifying.value(gateway.arrived), timeout=30)  # SMS stuck
            await publish_raw(
                infrastructure.broker_url,
                notifying.scheduled(uuid.UUID(second[1]["id"]), uuid.uuid4(), start),
            )
            for address in addresses:
                await eventually(lambda a=address: notifying.value(mail.to(a)), timeout=30)
            stuck = [
                n for n in await notifying.records(intake, first[1]["id"]) if n["channel"] == "sms"
            ]
            assert [n["attempts"] for n in stuck] == [0]  # still in flight: nobody waited

            async def timed_out():
                got = await notifying.records(intake, first[1]["id"])
                sms = [n for n in got if n["channel"] == "sms" and n["attempts"]]
                return sms[0] if sms else None

            sms = await eventually(timed_out, timeout=deadline + 20)
            assert time.monotonic() - gateway.arrived[0] < deadline + 5
            assert (
                sms["status"] == "pending" and f"timed out after {deadline} s" in sms["last_error"]
            )
    finally:
        gateway.close()
