"""Events feedback listens to."""

from __future__ import annotations

from functools import partial

from aftersales.events import billing, dispatch, intake
from aftersales.messaging.subscriptions import DEAD_LETTER, Subscription, reading
from feedback.use_cases import callbacks, flags, privacy, projections
from feedback.use_cases.policy import FeedbackPolicy


def subscriptions(policy: FeedbackPolicy) -> tuple[Subscription, ...]:
    """Feedback's consumers, their handlers bound to the service's rules."""
    return (
        Subscription(
            producer="intake",
            handlers={
                intake.TicketCreated.SUBJECT: partial(projections.record_ticket, policy=policy),
                intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
                intake.TicketClosed.SUBJECT: callbacks.on_ticket_closed,
                # A callback with no visit, by the reason intake gives; a reason feedback
                # does not know waits for the release that does (it may reopen things).
                intake.TicketCallbackRequested.SUBJECT: reading(
                    partial(callbacks.on_callback_requested, policy=policy),
                    reason=DEAD_LETTER,
                ),
            },
        ),
        Subscription(
            producer="dispatch",
            handlers={
                # The callback is made whatever the job's resolution and reported outcome: they
                # only inform the agent who calls.
                dispatch.JobCompleted.SUBJECT: reading(
                    partial(callbacks.on_job_completed, policy=policy),
                    resolution="on_site",
                    outcome="fixed",
                ),
                dispatch.SlaBreached.SUBJECT: partial(projections.record_breach, policy=policy),
                # Who was offered, assigned or booked for the ticket's jobs: whom a complaint
                # may name (a technician booked joins the staff register).
                dispatch.JobRouted.SUBJECT: projections.record_offered,
                dispatch.JobAccepted.SUBJECT: projections.record_accepted,
                dispatch.JobScheduled.SUBJECT: projections.record_scheduled,
            },
        ),
        Subscription(
            producer="billing",
            handlers={
                # The point's record: each review flag counts once on its scorecard, by rule
                # (a rule feedback does not know is counted by its name; nothing is decided).
                billing.ReviewFlagged.SUBJECT: partial(flags.on_review_flagged, policy=policy),
            },
        ),
    )
