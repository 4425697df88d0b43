"""The slot agreed with the customer (the document's section 4.2.1: the centre agrees a time
slot with the customer), when the centre records it after the ticket was opened
(``intake.ticket.window_agreed.v1``).

The window becomes the job's: from then on a booking must lie inside it, but for a reschedule
the customer asked for (``dispatch.domain.scheduling.check_window``). A job already booked
outside it goes back to its point (``accepted``) to book again inside it; a job whose
technician has left keeps its visit (the window is recorded, nothing moves). Agreements are
applied in the order they were made (``agreed_at``): a duplicate, or an older one arriving
late, changes nothing.
"""

from __future__ import annotations

from aftersales.events import Envelope, intake
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.tables.jobs import JobRow, RemoteTicketRow
from dispatch.domain.scheduling import CustomerWindow, window_agreed_later
from dispatch.use_cases.job_events import change, unbook

log = get_logger(__name__)


async def on_window_agreed(uow: UnitOfWork, event: Envelope[intake.TicketWindowAgreed]) -> None:
    agreed = event.data
    jobs = await JobRepository(uow.session).of_ticket(agreed.ticket_id, lock=True)
    if not jobs:
        await _remember(uow, agreed)
        return
    for job in jobs:
        await _apply(uow, job, agreed)


async def _apply(uow: UnitOfWork, job: JobRow, agreed: intake.TicketWindowAgreed) -> None:
    if job.window_agreed_at is not None and agreed.agreed_at <= job.window_agreed_at:
        return  # a duplicate, or an agreement older than the one the job holds
    window = CustomerWindow(agreed.window.start, agreed.window.end, agreed=True)
    appointment = (
        (job.appointment_start, job.appointment_end)
        if job.appointment_start is not None and job.appointment_end is not None
        else None
    )
    outcome = window_agreed_later(job.status, window, appointment)
    if outcome == "closed":
        return
    now = uow.now()
    job.preferred_start, job.preferred_end = window.start, window.end
    job.window_agreed, job.window_agreed_at = True, agreed.agreed_at
    job.window_agreed_by = agreed.agreed_by
    details = {"start": window.start.isoformat(), "end": window.end.isoformat()}
    if outcome != "unbook":
        note = (
            f"window agreed with the customer: {window.named()}"
            if outcome == "keep"
            else f"window agreed after the technician left ({window.named()}): the visit stands"
        )
        change(
            uow,
            job,
            job.status,
            action="window_agreed",
            at=agreed.agreed_at,
            now=now,
            actor=agreed.agreed_by,
            note=note,
            details=details,
        )
        return
    note = (
        f"the customer agreed {window.named()} with the centre; the booking lay outside it: "
        "book again inside it"
    )
    await unbook(
        uow,
        job,
        action="unbooked",
        at=agreed.agreed_at,
        now=now,
        actor=agreed.agreed_by,
        note=note,
        details=details,
    )


async def _remember(uow: UnitOfWork, agreed: intake.TicketWindowAgreed) -> None:
    """A ticket solved on the phone so far: the window waits with its facts, for the first
    visit a callback may still ask for."""
    remote = await uow.session.get(RemoteTicketRow, agreed.ticket_id, with_for_update=True)
    if remote is None:
        log.warning("window_agreed.no_ticket", ticket_id=str(agreed.ticket_id))
        return
    window = agreed.window.model_dump(mode="json")
    remote.facts = {**remote.facts, "preferred_window": window, "window_agreed": True}
