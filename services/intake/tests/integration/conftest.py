"""What the customer-notification tests share: a local SMTP server, a local SMS gateway, and
the events and records they read (as the ``notifying`` fixture: test modules import no helpers
under ``--import-mode=importlib``)."""

import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from aftersales.events import Envelope, Window, dispatch
from aftersales_testing.factories import make_customer, make_ticket
from aftersales_testing.mail import MailServer
from aftersales_testing.world import WebhookReceiver
from intake.integrations.domain.webhooks import new_secret

POINT, TECH = uuid.uuid4(), uuid.uuid4()


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


def en_route(ticket_id, job_id, version=2, at=None):
    data = dispatch.JobStatusChanged(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=POINT,
        technician_id=TECH,
        status="en_route",
        previous_status="scheduled",
        at=at or datetime.now(UTC),
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


async def value(v):
    """An ``eventually`` predicate of a plain value."""
    return v


@pytest.fixture
def notifying():
    return SimpleNamespace(
        channels=channels,
        scheduled=scheduled,
        en_route=en_route,
        customer_with_ticket=customer_with_ticket,
        records=records,
        value=value,
    )
