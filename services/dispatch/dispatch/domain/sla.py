"""The clocks dispatch keeps for each job (fired by the timer worker, stored in the database).

- ``respond``: the ticket's ``respond_by`` — met when the point books an appointment with the
  customer (the customer then has an answer: who comes, and when).
- ``accept``: the offer's expiry — met by accept or reject; when it fires the offer expires and
  the job moves on to the next point.
- ``arrival``: the end of the appointment window plus a grace for phones that report late —
  met by the ``on_site`` report.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

SlaKind = Literal["respond", "accept", "arrival"]


def arrival_due(appointment_end: datetime, grace: timedelta) -> datetime:
    return appointment_end + grace


def arrival_breached(appointment_end: datetime, arrived_at: datetime) -> bool:
    return arrived_at > appointment_end
