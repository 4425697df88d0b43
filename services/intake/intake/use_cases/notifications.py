"""Customer notifications: made from the events that concern a customer's ticket, queued in the
same transaction as the event's inbox row, and sent by a worker that retries like webhooks.

Each message is handed over within ``INTAKE_NOTIFY_TIMEOUT_SECONDS`` all told, reading at most
64 KiB of the gateway's answer, in a task of its own: a slow gateway holds up its own messages
at most, never the e-mail ones, and never a batch."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any, cast
from zoneinfo import ZoneInfo

import aiosmtplib
import httpx
from sqlalchemy import exists, func, select, update

from aftersales.db import Database, UnitOfWork
from aftersales.events import EventData, dispatch, feedback
from aftersales.http.egress import post_within
from aftersales.http.etag import check_version
from aftersales.logging import get_logger
from intake.adapters.leases import Lanes, claim_due
from intake.adapters.tables import (
    CustomerRow,
    NotificationPreferenceRow,
    NotificationRow,
    NotificationTemplateRow,
    TicketRow,
)
from intake.domain.notifications import (
    CHANNELS,
    DEFAULTS,
    KINDS,
    LOCALES,
    Template,
    check_template,
    is_urgent,
    local_text,
    reason_words,
    render,
)
from intake.domain.webhooks import next_attempt, signed_headers
from intake.settings import IntakeSettings

log = get_logger(__name__)


@dataclass(frozen=True)
class Trigger:
    kind: str
    ticket_id: uuid.UUID
    facts: dict[str, str] = field(default_factory=dict)
    starts: tuple[datetime | None, ...] = ()
    # A reschedule's reason code: the customer is told its wording, in their language.
    reason_code: str | None = None


def _scheduled(d: EventData, tz: ZoneInfo) -> Trigger:
    s = cast(dispatch.JobScheduled, d)
    window = {
        "window_start": local_text(s.appointment.start, tz),
        "window_end": local_text(s.appointment.end, tz),
    }
    if s.rescheduled_reason or s.rescheduled_reason_code:
        # The point's own note (rescheduled_reason) stays inside: never in a message. An event
        # from before codes, with a note and no code, reads as "other".
        code = s.rescheduled_reason_code
        return Trigger(
            "rescheduled",
            s.ticket_id,
            window,
            (s.appointment.start,),
            reason_code=str(code) if code is not None else "other",
        )
    return Trigger("booked", s.ticket_id, window, (s.appointment.start,))


def _status(d: EventData, tz: ZoneInfo) -> Trigger | None:
    s = cast(dispatch.JobStatusChanged, d)
    return Trigger("en_route", s.ticket_id) if s.status == "en_route" else None


def _parts(kind: str) -> Callable[[EventData, ZoneInfo], Trigger]:
    def build(d: EventData, tz: ZoneInfo) -> Trigger:
        p = cast(dispatch.PartsOrderEvent, d)
        return Trigger(
            kind,
            p.ticket_id,
            {
                "order_number": p.number or "",
                "carrier": p.carrier or "",
                "tracking_no": p.tracking_no or "",
                "ship_by": local_text(p.ship_by, tz),
            },
        )

    return build


def _complaint(d: EventData, tz: ZoneInfo) -> Trigger:
    c = cast(feedback.ComplaintOpened, d)
    return Trigger("complaint_received", c.ticket_id, {"reply_by": local_text(c.reply_by, tz)})


# The events that tell a customer something, and what.
TRIGGERS: dict[str, Callable[[EventData, ZoneInfo], Trigger | None]] = {
    dispatch.JobScheduled.SUBJECT: _scheduled,
    dispatch.JobStatusChanged.SUBJECT: _status,
    dispatch.JobCompleted.SUBJECT: lambda d, tz: Trigger(
        "done", cast(dispatch.JobCompleted, d).ticket_id
    ),
    dispatch.PartsOrderShipped.SUBJECT: _parts("parts_shipped"),
    dispatch.PartsOrderShipOverdue.SUBJECT: _parts("parts_late"),
    feedback.ComplaintOpened.SUBJECT: _complaint,
}


def _settings(uow: UnitOfWork) -> IntakeSettings:
    settings = uow.db.settings
    return settings if isinstance(settings, IntakeSettings) else IntakeSettings()


async def template_of(uow: UnitOfWork, kind: str, locale: str) -> tuple[Template, int]:
    row = await uow.session.get(NotificationTemplateRow, (kind, locale))
    if row is None:
        return DEFAULTS[(kind, locale)], 0
    return Template(row.subject, row.body), row.version


async def preferences_of(uow: UnitOfWork, customer_id: uuid.UUID) -> NotificationPreferenceRow:
    row = await uow.session.get(NotificationPreferenceRow, customer_id)
    return row or NotificationPreferenceRow(
        customer_id=customer_id, email=True, sms=True, locale="zh-CN", version=0
    )


async def notify(uow: UnitOfWork, event: Any) -> None:
    """Queue what ``event`` tells the ticket's customer, once per channel."""
    settings = _settings(uow)
    zone = ZoneInfo(settings.business_timezone)
    trigger = TRIGGERS[event.type](event.data, zone)
    if trigger is None:
        return
    ticket = await uow.session.get(TicketRow, trigger.ticket_id)
    if ticket is None:
        return
    customer = await uow.session.get(CustomerRow, ticket.customer_id)
    if customer is None or customer.erased_at is not None:
        return
    prefs = await preferences_of(uow, customer.id)
    template, version = await template_of(uow, trigger.kind, prefs.locale)
    booking = await _last_booking(uow, ticket.id)
    facts = {
        "customer_name": customer.name,
        "ticket_number": ticket.number,
        # The window the customer was last told of (en route: "by {window_end}").
        **{k: v for k, v in booking.items() if k in ("window_start", "window_end")},
        **trigger.facts,
    }
    if trigger.kind == "rescheduled":
        facts["reason_code"] = trigger.reason_code or "other"
        facts["reason"] = reason_words(trigger.reason_code, prefs.locale)
    text = render(template, facts)
    now = datetime.now(UTC)
    before = booking.get("starts") or []
    previous = datetime.fromisoformat(before[0]) if before else None
    urgent = is_urgent(trigger.kind, now, previous, *trigger.starts)
    night = settings.quiet_hours.night_start(now)
    breaks = urgent and night is not None and not await _broke_tonight(uow, ticket.id, night)
    send_at = now if urgent and (night is None or breaks) else settings.quiet_hours.send_at(now)
    for channel in CHANNELS:
        recipient, skipped = _recipient(channel, customer, prefs, settings)
        uow.session.add(
            NotificationRow(
                id=uuid.uuid4(),
                event_id=event.id,
                ticket_id=ticket.id,
                customer_id=customer.id,
                kind=trigger.kind,
                channel=channel,
                locale=prefs.locale,
                template_version=version,
                recipient=recipient,
                subject=text.subject,
                body=text.body,
                facts={
                    **facts,
                    "starts": [s.isoformat() for s in trigger.starts if s is not None],
                },
                urgent=urgent,
                broke_quiet_hours=breaks and not skipped,
                status="skipped" if skipped else "pending",
                held_until=send_at if send_at > now and not skipped else None,
                attempts=0,
                next_attempt_at=send_at,
                last_error=skipped,
                created_at=now,
            )
        )
    await uow.session.flush()


async def _broke_tonight(uow: UnitOfWork, ticket_id: uuid.UUID, night: datetime) -> bool:
    """Has an urgent message about this ticket broken the quiet hours that began at ``night``?
    Urgent messages break them once a ticket a night; later ones wait for the morning. (The
    ticket's lock makes two urgent events handled at once agree on which one that is.)"""
    key = func.hashtextextended(f"intake.quiet_hours:{ticket_id}", 0)
    await uow.session.execute(select(func.pg_advisory_xact_lock(key)))
    broke = await uow.session.scalar(
        select(
            exists().where(
                NotificationRow.ticket_id == ticket_id,
                NotificationRow.broke_quiet_hours.is_(True),
                NotificationRow.created_at >= night,
            )
        )
    )
    return bool(broke)


def _recipient(
    channel: str,
    customer: CustomerRow,
    prefs: NotificationPreferenceRow,
    settings: IntakeSettings,
) -> tuple[str | None, str | None]:
    """Who gets it on ``channel``, or why nobody does."""
    if channel == "email":
        if not prefs.email:
            return None, "the customer opted out of e-mail"
        if not customer.email:
            return None, "the customer has no e-mail address"
        if not settings.notify_smtp_host:
            return customer.email, "no SMTP server is configured (INTAKE_NOTIFY_SMTP_HOST)"
        return customer.email, None
    if not prefs.sms:
        return None, "the customer opted out of SMS"
    if not settings.notify_gateway_url:
        return customer.phone, "no SMS gateway is configured (INTAKE_NOTIFY_GATEWAY_URL)"
    return customer.phone, None


async def _last_booking(uow: UnitOfWork, ticket_id: uuid.UUID) -> dict[str, Any]:
    """The facts of the last booking message (its window, its start), or nothing."""
    facts = await uow.session.scalar(
        select(NotificationRow.facts)
        .where(
            NotificationRow.ticket_id == ticket_id,
            NotificationRow.kind.in_(("booked", "rescheduled")),
        )
        .order_by(NotificationRow.created_at.desc())
        .limit(1)
    )
    return dict(facts or {})


# --- templates and preferences ---------------------------------------------------------------


async def list_templates(uow: UnitOfWork) -> list[dict[str, Any]]:
    out = []
    for kind in KINDS:
        for locale in LOCALES:
            template, version = await template_of(uow, kind, locale)
            out.append(
                {
                    "kind": kind,
                    "locale": locale,
                    "subject": template.subject,
                    "body": template.body,
                    "version": version,
                }
            )
    return out


async def put_template(
    uow: UnitOfWork,
    kind: str,
    locale: str,
    template: Template,
    *,
    actor: str,
    expected_version: int | None,
) -> dict[str, Any]:
    check_template(kind, template)
    row = await uow.session.get(NotificationTemplateRow, (kind, locale), with_for_update=True)
    current = row.version if row is not None else 0
    if expected_version is not None:
        check_version(expected_version, current)
    now = datetime.now(UTC)
    if row is None:
        row = NotificationTemplateRow(kind=kind, locale=locale, version=0)
        uow.session.add(row)
    row.subject, row.body = template.subject, template.body
    row.version = current + 1
    row.updated_by, row.updated_at = actor, now
    await uow.session.flush()
    return {
        "kind": kind,
        "locale": locale,
        "subject": row.subject,
        "body": row.body,
        "version": row.version,
    }


async def put_preferences(
    uow: UnitOfWork, customer_id: uuid.UUID, *, email: bool, sms: bool, locale: str
) -> NotificationPreferenceRow:
    row = await uow.session.get(NotificationPreferenceRow, customer_id, with_for_update=True)
    now = datetime.now(UTC)
    if row is None:
        row = NotificationPreferenceRow(customer_id=customer_id, version=0)
        uow.session.add(row)
    row.email, row.sms, row.locale = email, sms, locale
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row


async def of_ticket(uow: UnitOfWork, ticket_id: uuid.UUID) -> list[NotificationRow]:
    rows = await uow.session.scalars(
        select(NotificationRow)
        .where(NotificationRow.ticket_id == ticket_id)
        .order_by(NotificationRow.created_at, NotificationRow.channel)
    )
    return list(rows)


async def erase(uow: UnitOfWork, customer_id: uuid.UUID) -> None:
    """An erased customer's messages keep their record, not their words or address."""
    await uow.session.execute(
        update(NotificationRow)
        .where(NotificationRow.customer_id == customer_id)
        .values(recipient=None, subject="", body="", facts={})
    )


# --- sending ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sender:
    settings: IntakeSettings
    client: httpx.AsyncClient

    async def send(self, row: NotificationRow) -> None:
        """Hand the message to its channel within the deadline; raises on any failure."""
        s = self.settings
        if row.recipient is None:
            raise RuntimeError("no recipient")
        if row.channel == "email":
            message = EmailMessage()
            message["From"] = s.notify_email_from
            message["To"] = row.recipient
            message["Subject"] = row.subject
            message["Message-ID"] = f"<{row.id}@aftersales>"  # the same on every retry
            message.set_content(row.body)
            bound = asyncio.timeout(s.notify_timeout_seconds)
            try:
                async with bound:
                    await aiosmtplib.send(
                        message,
                        hostname=s.notify_smtp_host,
                        port=s.notify_smtp_port,
                        username=s.notify_smtp_username,
                        password=s.notify_smtp_password,
                        start_tls=s.notify_smtp_starttls,
                        timeout=s.notify_timeout_seconds,
                    )
            except TimeoutError as exc:
                if bound.expired():
                    raise TimeoutError(f"timed out after {s.notify_timeout_seconds:g} s") from exc
                raise
            return
        assert s.notify_gateway_url and s.notify_gateway_secret
        body = json.dumps(
            {
                "id": str(row.id),
                "channel": row.channel,
                "to": row.recipient,
                "subject": row.subject,
                "text": row.body,
                "locale": row.locale,
            },
            ensure_ascii=False,
        ).encode()
        headers = signed_headers([s.notify_gateway_secret], str(row.id), body)
        # The operator's own gateway: not an integrator's URL, so no egress policy; bounded
        # in time and in what is read of its answer like a webhook delivery.
        answer = await post_within(
            self.client,
            s.notify_gateway_url,
            content=body,
            headers=headers,
            deadline=s.notify_timeout_seconds,
            policy=None,
        )
        if answer.status_code >= 300:
            raise RuntimeError(f"the gateway answered HTTP {answer.status_code}")


async def send_due(db: Database, sender: Sender, lanes: Lanes) -> int:
    """Claim due messages with a lease and start each in a task of its own, as many per
    channel as its share of ``lanes`` has free; returns how many started. Safe on replicas."""
    share = max(1, lanes.size // len(CHANNELS))
    busy = lanes.busy
    started = 0
    for channel in CHANNELS:
        free = share - sum(1 for lane in busy if _channel_of(lane) == channel)
        claimed = await claim_due(
            db, NotificationRow, NotificationRow.channel == channel, batch=free
        )
        for notification_id in claimed:
            lanes.start((channel, notification_id), _send_one(db, sender, notification_id))
        started += len(claimed)
    return started


def _channel_of(lane: Hashable) -> str | None:
    return lane[0] if isinstance(lane, tuple) else None


async def _send_one(db: Database, sender: Sender, notification_id: uuid.UUID) -> None:
    async with db.sessionmaker() as session:
        row = await session.get(NotificationRow, notification_id)
        assert row is not None
    error: str | None = None
    try:
        await sender.send(row)
    except Exception as exc:  # any failure is retried on the schedule, and recorded
        error = f"{type(exc).__name__}: {exc}"[:500]
    now = datetime.now(UTC)
    async with db.sessionmaker() as session, session.begin():
        row = await session.get(NotificationRow, notification_id, with_for_update=True)
        assert row is not None
        row.attempts += 1
        row.held_until = None
        if error is None:
            row.status, row.sent_at, row.last_error = "sent", now, None
            return
        row.last_error = error
        retry_at = next_attempt(row.attempts, sender.settings.notify_retry_schedule, now)
        if retry_at is None:
            row.status = "failed"
            log.warning("notification.failed", notification_id=str(row.id), error=error)
        else:
            row.next_attempt_at = retry_at
