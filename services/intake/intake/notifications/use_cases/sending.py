"""Sending the customers' messages as they fall due, retried like webhook deliveries.

Each message is handed over within ``INTAKE_NOTIFY_TIMEOUT_SECONDS`` all told, reading at most
64 KiB of the gateway's answer, in a task of its own: a slow gateway holds up its own messages
at most, never the e-mail ones, and never a batch."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib
import httpx

from aftersales.clock import Clock
from aftersales.database import Database
from aftersales.http.egress import post_within
from aftersales.logging import get_logger
from intake.adapters.leases import Lanes, claim_due
from intake.adapters.tables import (
    NotificationRow,
)
from intake.integrations.domain.webhooks import next_attempt, signed_headers
from intake.notifications.domain.templates import (
    CHANNELS,
)
from intake.notifications.use_cases.policy import NotificationPolicy

log = get_logger(__name__)


@dataclass(frozen=True)
class Sender:
    policy: NotificationPolicy
    client: httpx.AsyncClient
    clock: Clock

    async def send(self, row: NotificationRow) -> None:
        """Hand the message to its channel within the deadline; raises on any failure."""
        s = self.policy
        if row.recipient is None:
            raise RuntimeError("no recipient")
        if row.channel == "email":
            message = EmailMessage()
            message["From"] = s.email_from
            message["To"] = row.recipient
            message["Subject"] = row.subject
            message["Message-ID"] = f"<{row.id}@aftersales>"  # the same on every retry
            message.set_content(row.body)
            bound = asyncio.timeout(s.timeout_seconds)
            try:
                async with bound:
                    await aiosmtplib.send(
                        message,
                        hostname=s.smtp_host,
                        port=s.smtp_port,
                        username=s.smtp_username,
                        password=s.smtp_password,
                        start_tls=s.smtp_starttls,
                        timeout=s.timeout_seconds,
                    )
            except TimeoutError as exc:
                if bound.expired():
                    raise TimeoutError(f"timed out after {s.timeout_seconds:g} s") from exc
                raise
            return
        assert s.gateway_url and s.gateway_secret
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
        headers = signed_headers([s.gateway_secret], str(row.id), body, now=self.clock.now())
        # The operator's own gateway: not an integrator's URL, so no egress policy; bounded
        # in time and in what is read of its answer like a webhook delivery.
        answer = await post_within(
            self.client,
            s.gateway_url,
            content=body,
            headers=headers,
            deadline=s.timeout_seconds,
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
    now = db.clock.now()
    async with db.sessionmaker() as session, session.begin():
        row = await session.get(NotificationRow, notification_id, with_for_update=True)
        assert row is not None
        row.attempts += 1
        row.held_until = None
        if error is None:
            row.status, row.sent_at, row.last_error = "sent", now, None
            return
        row.last_error = error
        retry_at = next_attempt(row.attempts, sender.policy.retry_schedule, now)
        if retry_at is None:
            row.status = "failed"
            log.warning("notification.failed", notification_id=str(row.id), error=error)
        else:
            row.next_attempt_at = retry_at
