"""Customer notifications: made from the events that concern a customer's ticket, queued in the
same transaction as the event's inbox row, and sent by
:mod:`intake.notifications.use_cases.sending`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select

from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import (
    CustomerRow,
    NotificationPreferenceRow,
    NotificationRow,
    TicketRow,
)
from intake.notifications.domain.quiet_hours import is_urgent
from intake.notifications.domain.templates import (
    CHANNELS,
    arrival_words,
    reason_words,
    render,
)
from intake.notifications.use_cases.policy import NotificationPolicy
from intake.notifications.use_cases.records import preferences_of, template_of
from intake.notifications.use_cases.triggers import TRIGGERS

log = get_logger(__name__)


async def notify(uow: UnitOfWork, event: Any, *, policy: NotificationPolicy) -> None:
    """Queue what ``event`` tells the ticket's customer, once per channel."""
    trigger = TRIGGERS[event.type](event.data, policy.tz)
    if trigger is None:
        return
    ticket = await uow.session.get(TicketRow, trigger.ticket_id)
    if ticket is None:
        return
    # FOR KEY SHARE against the erasure's FOR UPDATE: a message made while the customer is
    # being erased waits for it and then sees them erased (the erasure's scrub would not see a
    # message committed after it).
    customer = await uow.session.get(
        CustomerRow, ticket.customer_id, with_for_update={"read": True, "key_share": True}
    )
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
    if trigger.kind == "parts_shipped":
        facts["arrival"] = arrival_words(trigger.facts.get("promised_by"), prefs.locale)
    if trigger.kind == "sample_result":
        facts["sample_reference"] = ticket.sample_reference or ""
    text = render(template, facts)
    now = uow.now()
    before = booking.get("starts") or []
    previous = datetime.fromisoformat(before[0]) if before else None
    urgent = is_urgent(trigger.kind, now, previous, *trigger.starts)
    night = policy.quiet_hours.night_start(now)
    breaks = urgent and night is not None and not await _broke_tonight(uow, ticket.id, night)
    send_at = now if urgent and (night is None or breaks) else policy.quiet_hours.send_at(now)
    for channel in CHANNELS:
        recipient, skipped = _recipient(channel, customer, prefs, policy)
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
    policy: NotificationPolicy,
) -> tuple[str | None, str | None]:
    """Who gets it on ``channel``, or why nobody does."""
    if channel == "email":
        if not prefs.email:
            return None, "the customer opted out of e-mail"
        if not customer.email:
            return None, "the customer has no e-mail address"
        if not policy.smtp_host:
            return customer.email, "no SMTP server is configured (INTAKE_NOTIFY_SMTP_HOST)"
        return customer.email, None
    if not prefs.sms:
        return None, "the customer opted out of SMS"
    if not policy.gateway_url:
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
