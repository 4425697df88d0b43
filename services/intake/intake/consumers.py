"""Events intake listens to: what dispatch, billing and feedback report about tickets (the ticket
core's projection), and every service's events for the webhook fan-out and the customers'
messages (:mod:`intake.integrations`, :mod:`intake.notifications`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from aftersales.events import CONTRACTS, Envelope, billing, dispatch, feedback
from aftersales.messaging.subscriptions import DEAD_LETTER, Subscription, reading
from aftersales.unit_of_work import UnitOfWork
from intake.integrations.use_cases import fan_out
from intake.notifications.use_cases import notify
from intake.notifications.use_cases.triggers import TRIGGERS
from intake.policy import IntakePolicy
from intake.use_cases import clocks, parts_orders, planned_visits
from intake.use_cases.projection import callbacks, charges, complaints, jobs, timeline

JOB_EVENTS = (
    dispatch.JobRouted,
    dispatch.JobUnrouted,
    dispatch.JobAccepted,
    dispatch.JobScheduled,
    dispatch.JobCompleted,
)

OWN_EVENTS = tuple(c for c in CONTRACTS if c.SUBJECT.startswith("intake."))


async def tell(uow: UnitOfWork, event: Envelope[Any], *, policy: IntakePolicy) -> None:
    """An event that concerns a customer: to the webhook subscriptions, and to the customer."""
    await fan_out.fan_out(uow, event, policy=policy.webhooks)
    await notify.notify(uow, event, policy=policy.notifications)


async def told_or_listened(
    uow: UnitOfWork, *, policy: IntakePolicy
) -> Callable[[Envelope[Any]], bool]:
    """The fan-out consumers' relevance check: events some subscription listens to, and those
    that may concern a customer (checked by :func:`tell` itself)."""
    listened = await fan_out.listened(uow, policy=policy.webhooks)
    return lambda event: event.type in TRIGGERS or listened(event)


def _every_event_of(producer: str, policy: IntakePolicy) -> Subscription:
    """All of a producer's events, told to whoever outside may hear them: the webhook
    subscriptions that may see them and, for some, the ticket's customer. Its own durable
    consumer: a slow fan-out never holds up the ticket projection."""

    async def listening(uow: UnitOfWork) -> set[str]:
        return await fan_out.listened_subjects(uow, producer, policy=policy.webhooks, also=TRIGGERS)

    told = partial(tell, policy=policy)
    queued = partial(fan_out.fan_out, policy=policy.webhooks)
    return Subscription(
        producer=producer,
        handlers={
            c.SUBJECT: told if c.SUBJECT in TRIGGERS else queued
            for c in CONTRACTS
            if c.SUBJECT.startswith(f"{producer}.")
        },
        durable="intake_webhooks",
        relevant=partial(told_or_listened, policy=policy),
        listening=listening,
    )


def subscriptions(policy: IntakePolicy) -> tuple[Subscription, ...]:
    """intake's consumers, their handlers bound to the service's rules."""

    async def own_listened(uow: UnitOfWork) -> set[str]:
        return await fan_out.listened_subjects(uow, "intake", policy=policy.webhooks, also=TRIGGERS)

    told = partial(tell, policy=policy)
    queued = partial(fan_out.fan_out, policy=policy.webhooks)
    return (
        # intake's own events, fanned out to the webhook subscriptions; those that concern the
        # customer (a sample's result) told to them too.
        Subscription(
            producer="intake",
            handlers={e.SUBJECT: told if e.SUBJECT in TRIGGERS else queued for e in OWN_EVENTS},
            relevant=partial(told_or_listened, policy=policy),
            listening=own_listened,
        ),
        _every_event_of("dispatch", policy),
        _every_event_of("billing", policy),
        _every_event_of("feedback", policy),
        Subscription(
            producer="dispatch",
            handlers={
                **{e.SUBJECT: jobs.on_job_event for e in JOB_EVENTS},
                # A job status the ticket's lifecycle cannot place waits for a version that can.
                dispatch.JobStatusChanged.SUBJECT: reading(jobs.on_job_event, status=DEAD_LETTER),
                dispatch.SlaBreached.SUBJECT: jobs.on_sla_breached,
                dispatch.JobOfferDeclined.SUBJECT: timeline.on_history_only,
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
                billing.ChargeIssued.SUBJECT: charges.on_charge_issued,
                billing.ChargePaid.SUBJECT: charges.on_charge_paid,
                billing.PartsOrderPaid.SUBJECT: parts_orders.on_paid,
                billing.PartsOrderCancelled.SUBJECT: parts_orders.on_cancelled,
                billing.MaintenanceVisitDue.SUBJECT: partial(
                    planned_visits.on_maintenance_due, policy=policy.tickets
                ),
            },
        ),
        Subscription(
            producer="feedback",
            handlers={
                # An outcome the lifecycle does not know would reopen the ticket: it waits.
                feedback.CallbackRecorded.SUBJECT: reading(
                    callbacks.on_callback, outcome=DEAD_LETTER
                ),
                feedback.ComplaintOpened.SUBJECT: complaints.on_complaint_opened,
                feedback.ComplaintResolved.SUBJECT: complaints.on_complaint_resolved,
                feedback.ComplaintOverdue.SUBJECT: complaints.on_complaint_overdue,
                feedback.ComplaintReplied.SUBJECT: complaints.on_complaint_replied,
                feedback.CallbackUnreachable.SUBJECT: callbacks.on_unreachable,
                feedback.CallbackOverdue.SUBJECT: timeline.on_history_only,
            },
        ),
    )
