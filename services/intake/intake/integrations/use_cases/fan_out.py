"""The webhook fan-out: every event of every service, intake's own included, queued for each
subscription that may see it, in each version it asked for; and which events the fan-out's
consumers need to be delivered at all. The worker that sends them is
:mod:`intake.integrations.use_cases.delivery`; the subscriptions are
:mod:`intake.integrations.use_cases.subscriptions`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from aftersales.events import REGISTRY as BUS
from aftersales.events import Envelope
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import CustomerRow, TicketRow
from intake.domain import event_catalogue
from intake.integrations.adapters import queue
from intake.integrations.domain.audience import Owner, event_types, facts_of, matches
from intake.integrations.use_cases.policy import WebhookPolicy
from intake.integrations.use_cases.privacy import erase

log = get_logger(__name__)
ROTATION_GRACE = timedelta(hours=24)


def versions_of(sunsets: event_catalogue.Sunsets, subject: str, today: date) -> list[str]:
    """``subject`` and the older versions integrators may still subscribe to ``today``, newest
    first."""
    return event_catalogue.subjects_of(subject, sunsets, today)


def available_subjects(sunsets: event_catalogue.Sunsets, today: date) -> list[str]:
    """Every subject an integrator may subscribe to ``today`` (retired versions left out)."""
    return [
        s
        for s in sorted(event_catalogue.REGISTRY)
        if not event_catalogue.retired(s, sunsets, today)
    ]


def subjects_for(policy: WebhookPolicy, owner: Owner, today: date) -> list[str]:
    """Every event subject ``owner`` may receive ``today``."""
    return event_types(owner, available_subjects(policy.sunsets, today))


def event_catalogue_for(
    policy: WebhookPolicy, owner: Owner, today: date
) -> list[event_catalogue.EventType]:
    subjects = subjects_for(policy, owner, today)
    return event_catalogue.catalogue(subjects, policy.sunsets, today)


# Make the fan-out consumers listen for what the active subscriptions name, as of ``uow``
# (``ConsumerRunner.refilter`` of each): called before a subscription's events may begin.
Listen = Callable[[UnitOfWork], Awaitable[None]]


async def listened_subjects(
    uow: UnitOfWork, producer: str, *, policy: WebhookPolicy, also: Iterable[str] = ()
) -> set[str]:
    """The subjects of ``producer`` on the bus that some active subscription names in one of
    their versions, and ``also`` (those that may concern a customer): what the fan-out's
    consumer of that stream is delivered at all."""
    patterns = await queue.active_patterns(uow.session)
    today = uow.now().date()
    return {
        s
        for s in BUS
        if s.startswith(f"{producer}.")
        and (s in also or any(matches(patterns, v) for v in versions_of(policy.sunsets, s, today)))
    }


async def fan_out(uow: UnitOfWork, event: Envelope[Any], *, policy: WebhookPolicy) -> None:
    """Queue one event, intake's own or another service's, for every subscription that may
    see it, in each version the subscription asked for (down-converted from the one on the
    bus). Runs as a consumer of each producer's stream, off the request path; the inbox makes
    it once-only. A ticket's tenant comes from intake's own tickets.

    An event that reaches the fan-out after its customer was erased (a late or repeated
    delivery) is queued with tombstones for their words, as the erasure left the others: the
    customer's row is read FOR KEY SHARE, so an erasure under way is waited for, and one that
    began later finds these deliveries to scrub."""
    ticket_id = getattr(event.data, "ticket_id", None)
    customer_id = getattr(event.data, "customer_id", None)
    tenant = None
    if ticket_id is not None:
        row = (
            await uow.session.execute(
                select(TicketRow.tenant_id, TicketRow.customer_id).where(TicketRow.id == ticket_id)
            )
        ).first()
        if row is not None:
            tenant, customer_id = row.tenant_id, row.customer_id
    erased = customer_id is not None and await uow.session.scalar(
        select(CustomerRow.erased_at.is_not(None))
        .where(CustomerRow.id == customer_id)
        .with_for_update(read=True, key_share=True)
    )
    queued = await queue.enqueue(
        uow.session,
        event,
        versions_of(policy.sunsets, event.type, uow.now().date()),
        facts_of(event.data, tenant),
        now=uow.now(),
    )
    if erased and queued and customer_id is not None:
        await erase(uow, customer_id)


async def listened(uow: UnitOfWork, *, policy: WebhookPolicy) -> Callable[[Envelope[Any]], bool]:
    """Which events some active subscription's patterns match, in any version it may be sent
    as, as of now: the consumers' relevance check, so that an event nobody subscribed to costs
    no inbox row, no ticket lookup and no savepoint. :func:`fan_out` still decides who may see
    an event."""
    patterns = await queue.active_patterns(uow.session)
    today = uow.now().date()
    known: dict[str, bool] = {}

    def wanted(event: Envelope[Any]) -> bool:
        if event.type not in known:
            versions = versions_of(policy.sunsets, event.type, today)
            known[event.type] = any(matches(patterns, s) for s in versions)
        return known[event.type]

    return wanted
