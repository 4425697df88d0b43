"""Events intake listens to: what dispatch, billing and feedback report about tickets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aftersales.db import UnitOfWork
from aftersales.events import CONTRACTS, Envelope, billing, dispatch, feedback
from aftersales.messaging.consumer import DEAD_LETTER, Subscription, reading
from intake.use_cases import (
    clocks,
    notifications,
    parts_orders,
    planned_visits,
    projection,
    webhooks,
)

JOB_EVENTS = (
    dispatch.JobRouted,
    dispatch.JobUnrouted,
    dispatch.JobAccepted,
    dispatch.JobScheduled,
    dispatch.JobCompleted,
)

OWN_EVENTS = tuple(c for c in CONTRACTS if c.SUBJECT.startswith("intake."))


async def tell(uow: UnitOfWork, event: Envelope[Any]) -> None:
    """An event that concerns a customer: to the webhook subscriptions, and to the customer."""
    await webhooks.fan_out(uow, event)
    await notifications.notify(uow, event)


async def told_or_listened(uow: UnitOfWork) -> Callable[[Envelope[Any]], bool]:
    """The fan-out consumers' relevance check: events some subscription listens to, and those
    that may concern a customer (checked by :func:`tell` itself)."""
    listened = await webhooks.listened(uow)
    return lambda event: event.type in notifications.TRIGGERS or listened(event)


def _every_event_of(producer: str) -> Subscription:
    """All of a producer's events, told to whoever outside may hear them: the webhook
    subscriptions that may see them and, for some, the ticket's customer. Its own durable
    consumer: a slow fan-out never holds up the ticket projection."""

    async def listening(uow: UnitOfWork) -> set[str]:
        return await webhooks.listened_subjects(uow, producer, also=notifications.TRIGGERS)

    return Subscription(
        producer=producer,
        handlers={
            c.SUBJECT: tell if c.SUBJECT in notifications.TRIGGERS else webhooks.fan_out
            for c in CONTRACTS
            if c.SUBJECT.startswith(f"{producer}.")
        },
        durable="intake_webhooks",
        relevant=told_or_listened,
        listening=listening,
    )


async def _own_listened(uow: UnitOfWork) -> set[str]:
    return await webhooks.listened_subjects(uow, "intake")


SUBSCRIPTIONS = (
    # intake's own events, fanned out to the webhook subscriptions.
    Subscription(
        producer="intake",
        handlers={e.SUBJECT: webhooks.fan_out for e in OWN_EVENTS},
        relevant=webhooks.listened,
        listening=_own_listened,
    ),
    _every_event_of("dispatch"),
    _every_event_of("billing"),
    _every_event_of("feedback"),
    Subscription(
        producer="dispatch",
        handlers={
            **{e.SUBJECT: projection.on_job_event for e in JOB_EVENTS},
            # A job status the ticket's lifecycle cannot place waits for a version that can.
            dispatch.JobStatusChanged.SUBJECT: reading(projection.on_job_event, status=DEAD_LETTER),
            dispatch.SlaBreached.SUBJECT: projection.on_sla_breached,
            dispatch.JobOfferDeclined.SUBJECT: projection.on_history_only,
            dispatch.JobPaused.SUBJECT: clocks.on_job_paused,
            dispatch.JobResumed.SUBJECT: clocks.on_job_resumed,
            dispatch.PartsOrderShipped.SUBJECT: parts_orders.on_shipped,
            dispatch.PartsOrderShipOverdue.SUBJECT: parts_orders.on_ship_overdue,
            dispatch.PartsOrderDelivered.SUBJECT: parts_orders.on_delivered,
        },
    ),
    Subscription(
        producer="billing",
        handlers={
            billing.ChargeIssued.SUBJECT: projection.on_charge_issued,
            billing.ChargePaid.SUBJECT: projection.on_charge_paid,
            billing.PartsOrderPaid.SUBJECT: parts_orders.on_paid,
            billing.PartsOrderCancelled.SUBJECT: parts_orders.on_cancelled,
            billing.MaintenanceVisitDue.SUBJECT: planned_visits.on_maintenance_due,
        },
    ),
    Subscription(
        producer="feedback",
        handlers={
            # An outcome the lifecycle does not know would reopen the ticket: it waits instead.
            feedback.CallbackRecorded.SUBJECT: reading(projection.on_callback, outcome=DEAD_LETTER),
            feedback.ComplaintOpened.SUBJECT: projection.on_complaint_opened,
            feedback.ComplaintResolved.SUBJECT: projection.on_complaint_resolved,
            feedback.ComplaintOverdue.SUBJECT: projection.on_complaint_overdue,
            feedback.ComplaintReplied.SUBJECT: projection.on_complaint_replied,
            feedback.CallbackUnreachable.SUBJECT: projection.on_unreachable,
            feedback.CallbackOverdue.SUBJECT: projection.on_history_only,
        },
    ),
)
