"""Samples (docs/domain.md, clause 10): the customer's sample is tested as soon as it arrives and
the result given within 24 hours of its arrival, not of the call.

A ``sample_test`` ticket opens paused (``awaiting_sample``), so none of its clocks run; the
sample's arrival resumes them as of the moment it arrived; the result is the centre's answer
(``respond`` with ``resolved: true``), which needs the sample to have arrived. Pure rules: the
time is passed in.
"""

from __future__ import annotations

from datetime import datetime

from aftersales.errors import Conflict, Unprocessable
from intake.domain.clocks import AWAITING_SAMPLE, ENDED

SAMPLE_KIND = "sample_test"


def opens_awaiting_sample(kind: str) -> bool:
    return kind == SAMPLE_KIND


def check_can_receive_sample(
    kind: str,
    status: str,
    already_received: datetime | None,
    *,
    received_at: datetime,
    opened_at: datetime,
    now: datetime,
) -> None:
    if kind != SAMPLE_KIND:
        raise Conflict(f"A {kind} ticket takes no sample; only a sample_test does.")
    if status in ENDED:
        raise Conflict(f"The ticket is {status} already.", ticket_status=status)
    if already_received is not None:
        raise Conflict(
            f"The sample was received already ({already_received.isoformat()}).",
            received_at=already_received.isoformat(),
        )
    if received_at.tzinfo is None:
        raise Unprocessable("received_at must carry a timezone offset.")
    if received_at > now:
        raise Unprocessable("received_at lies in the future.")
    if received_at < opened_at:
        raise Unprocessable(
            "received_at is before the ticket was opened; a sample that came first is "
            "received when the ticket opens.",
            opened_at=opened_at.isoformat(),
        )


def check_sample_arrived(kind: str, received_at: datetime | None) -> None:
    """A sample test's answer is the sample's result: there is none before the sample."""
    if kind == SAMPLE_KIND and received_at is None:
        raise Unprocessable(
            "The sample has not arrived, so there is no result to give: record its arrival "
            "first (POST /v1/tickets/{id}/sample-received).",
            pause_reason=AWAITING_SAMPLE,
        )
