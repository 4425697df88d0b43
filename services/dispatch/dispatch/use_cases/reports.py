"""What the technician's app or a partner shop reports: the job's way to completion.

On site, a job is either resolved (customer signs) or taken to the workshop: a product receipt
is issued and the product logged in; the repair card records labour and parts; the supervisor
inspects; the product goes back against the customer's signature, the receipt is voided and the
product logged out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import dispatch
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.fault_codes import FaultCodeRepository
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow, SignatureRow
from dispatch.adapters.tables.workshop import RepairCardRow, WorkshopLogRow
from dispatch.domain.fault_codes import ReportedCodes, check_codes, check_outcome
from dispatch.domain.jobs import (
    check_report,
    check_report_time,
    check_reporter,
    minutes_late,
    reported_late_by,
)
from dispatch.domain.signatures import parse_signature
from dispatch.domain.sla import arrival_breached
from dispatch.domain.workshop import receipt_number
from dispatch.use_cases import pauses, requisitions
from dispatch.use_cases.job_events import change, publish, publish_breach, publish_status
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.use_cases.stock import issue_parts, parts_on_model

WORK_REPORTS = frozenset({"resolved_on_site", "repaired"})
TRAVEL_REPORTS = frozenset({"on_site", "resolved_on_site", "taken_to_workshop"})


@dataclass(frozen=True)
class Part:
    sku: str
    qty: int
    source: str = "stock"  # or "customer": supplied by the customer, not issued nor charged


@dataclass(frozen=True)
class StatusReport:
    status: str
    at: datetime
    note: str | None = None
    signature_image: str | None = None
    signature_reference: str | None = None
    labor_minutes: int | None = None
    parts: tuple[Part, ...] = field(default_factory=tuple)
    travel_km: int | None = None
    codes: ReportedCodes = field(default_factory=ReportedCodes)
    outcome: str | None = None
    passed: bool | None = None  # inspected: False sends the product back to the bench
    # The warranty does not cover it ({reason, note, photo_ref?}); the outcome misuse claims it.
    exclusion: dict[str, str | None] | None = None
    # Arrived after the window, not the point's fault ({cause: customer|force_majeure, note}).
    delay_cause: dict[str, str] | None = None

    @property
    def signed(self) -> bool:
        return self.signature_image is not None or self.signature_reference is not None


def _check_fields(cmd: StatusReport) -> None:
    if cmd.status == "awaiting_parts":
        if not cmd.parts or any(p.source != "stock" for p in cmd.parts):
            raise Unprocessable("awaiting_parts names the parts needed: parts [{sku, qty}].")
        return
    if (cmd.codes.any or cmd.outcome is not None) and cmd.status not in WORK_REPORTS:
        raise Unprocessable(
            "Fault codes and the outcome are reported with resolved_on_site or repaired."
        )
    if cmd.outcome is not None:
        check_outcome(cmd.outcome, cmd.codes)
    if cmd.exclusion is not None and cmd.status not in WORK_REPORTS:
        raise Unprocessable("A warranty exclusion is claimed with resolved_on_site or repaired.")
    if cmd.delay_cause is not None and cmd.status not in WORK_REPORTS | {"on_site"}:
        raise Unprocessable("A delay cause is given with on_site, resolved_on_site or repaired.")
    if cmd.passed is not None and cmd.status != "inspected":
        raise Unprocessable("passed is reported with inspected.")
    if cmd.passed is False and not cmd.note:
        raise Unprocessable("A failed inspection needs a note saying what is still wrong.")
    if (cmd.labor_minutes is not None or cmd.parts) and cmd.status not in WORK_REPORTS:
        raise Unprocessable(
            "labor_minutes and parts are reported with resolved_on_site or repaired."
        )
    if cmd.travel_km is not None and cmd.status not in TRAVEL_REPORTS:
        raise Unprocessable(
            "travel_km is reported with on_site, resolved_on_site or taken_to_workshop."
        )


async def report_status(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    cmd: StatusReport,
    *,
    scope: Scope,
    role: str,
    actor: str,
    now: datetime,
    policy: DispatchPolicy,
) -> JobRow:
    jobs = JobRepository(uow.session)
    job = await jobs.get(job_id, scope=scope, lock=True)
    check_reporter(cmd.status, role)  # refused to the wrong role even as a repeat
    if job.last_report == cmd.status and job.last_report_at == cmd.at:
        return job  # the same report again (a phone retrying without a key): nothing to do
    rule = check_report(job.status, cmd.status, role=role, signed=cmd.signed)
    assert job.point_id is not None
    offered_at = await jobs.offered_at(job.id, job.point_id)
    if offered_at is None:  # data from before offers were kept: no time to check it against
        raise Conflict(
            f"Job {job.id} has no offer to its network point on record, so a report's time "
            "cannot be checked against it; the information centre must look into the job.",
            point_id=str(job.point_id),
        )
    check_report_time(
        cmd.at,
        offered_at=offered_at,
        last_at=job.last_report_at,
        now=now,
        max_skew=policy.clock_skew,
    )
    _check_fields(cmd)
    if cmd.codes.any:
        check_codes(
            cmd.codes, await FaultCodeRepository(uow.session).get(job.category), job.category
        )
    assert job.point_id is not None and job.technician_id is not None

    if rule.needs_signature:
        signature = parse_signature(
            cmd.signature_image, cmd.signature_reference, max_bytes=policy.signature_max_bytes
        )
        jobs.add_signature(
            SignatureRow(
                id=uuid.uuid4(),
                job_id=job.id,
                report=cmd.status,
                content_type=signature.content_type,
                image=signature.image,
                reference=signature.reference,
                sha256=signature.sha256,
                signed_at=cmd.at,
            )
        )
    if cmd.travel_km is not None:
        job.travel_km = cmd.travel_km
    if cmd.labor_minutes is not None:
        job.labor_minutes = cmd.labor_minutes
    waiting = cmd.status == "awaiting_parts"
    issued = [] if waiting else [(p.sku, p.qty) for p in cmd.parts if p.source == "stock"]
    if cmd.parts and not waiting:
        job.parts = [{"sku": sku, "qty": qty} for sku, qty in issued]
    if cmd.codes.any:
        job.symptom_code, job.cause_code = cmd.codes.symptom, cmd.codes.cause
        job.action_code = cmd.codes.action
    if cmd.outcome is not None:
        job.outcome = cmd.outcome
    if cmd.exclusion is not None:
        job.exclusion = cmd.exclusion
    elif cmd.outcome == "misuse" and job.exclusion is None:
        job.exclusion = {"reason": "misuse", "note": cmd.note or "misuse found", "photo_ref": None}
    if cmd.delay_cause is not None:
        job.delay_cause = cmd.delay_cause
    target = rule.target
    if cmd.status == "inspected" and cmd.passed is False:
        target = "in_workshop"  # the inspection failed: another repair

    await _apply(uow, job, cmd, actor=actor, now=now)
    job.last_report = cmd.status
    job.last_report_at = cmd.at
    supplied = [{"sku": p.sku, "qty": p.qty} for p in cmd.parts if p.source == "customer"]
    previous = change(
        uow,
        job,
        target,
        action=cmd.status,
        at=cmd.at,
        now=now,
        actor=actor,
        note=cmd.note,
        details={"customer_parts": supplied} if supplied else None,
    )
    if issued:  # from the point's stock; a shortfall where its books show too few
        await issue_parts(uow, job.id, job.point_id, issued, actor=actor)
    if waiting:
        await _wait_for_parts(uow, job, cmd, actor=actor)
    if target == "completed":
        job.outcome = job.outcome or "fixed"
        job.completed_at = cmd.at
        job.completed_received_at = now
        job.resolution = "on_site" if cmd.status == "resolved_on_site" else "workshop"
        model = (job.product or {}).get("model")
        fits = await parts_on_model(uow, [p["sku"] for p in job.parts], model)
        publish(uow, job, _completed(job, late_report=policy.late_report, fits=fits))
    else:
        publish_status(uow, job, previous, at=cmd.at, note=cmd.note)
    return job


async def _apply(
    uow: UnitOfWork, job: JobRow, cmd: StatusReport, *, actor: str, now: datetime
) -> None:
    jobs = JobRepository(uow.session)
    match cmd.status:
        case "on_site":
            await _arrived(uow, job, cmd.at, now=now)
        case "taken_to_workshop":
            job.receipt_no = receipt_number(cmd.at.year, await jobs.next_receipt_seq())
            jobs.add_repair_card(
                RepairCardRow(
                    job_id=job.id,
                    receipt_no=job.receipt_no,
                    received_at=cmd.at,
                    labor_minutes=0,
                    parts=[],
                )
            )
            jobs.log_workshop(_log(job, "in", cmd.at, actor))
        case "repaired":
            card = await _card(jobs, job)
            card.repaired_at = cmd.at
            card.labor_minutes = job.labor_minutes
            card.parts = job.parts
        case "inspected" if cmd.passed is False:
            card = await _card(jobs, job)
            card.failed_inspections = [
                *card.failed_inspections,
                {"at": cmd.at.isoformat(), "by": actor, "reason": cmd.note},
            ]
        case "inspected":
            card = await _card(jobs, job)
            card.inspected_at = cmd.at
            card.inspected_by = actor
        case "returned":
            card = await _card(jobs, job)
            card.returned_at = cmd.at
            card.receipt_voided_at = cmd.at
            jobs.log_workshop(_log(job, "out", cmd.at, actor))


async def _arrived(uow: UnitOfWork, job: JobRow, at: datetime, *, now: datetime) -> None:
    """Arrival settles the arrival clock: met in time, or breached now if the clock has not
    fired yet (a late report with an earlier ``at`` is judged by its ``at``)."""
    job.arrived_at = at
    job.arrived_received_at = now
    job.arrived_late_minutes = minutes_late(job.appointment_end, at)
    late = job.appointment_end is not None and arrival_breached(job.appointment_end, at)
    settled = await TimerRepository(uow.session).settle(
        job.id, ["arrival"], "fired" if late else "met", now
    )
    if late and settled:
        assert job.appointment_end is not None
        publish_breach(uow, job, "arrival", job.appointment_end, now, breached_at=at)


async def _card(jobs: JobRepository, job: JobRow) -> RepairCardRow:
    card = await jobs.repair_card(job.id)
    assert card is not None, "a job in the workshop always has its repair card"
    return card


def _log(job: JobRow, direction: str, at: datetime, actor: str) -> WorkshopLogRow:
    assert job.point_id is not None and job.receipt_no is not None
    return WorkshopLogRow(
        job_id=job.id,
        point_id=job.point_id,
        receipt_no=job.receipt_no,
        direction=direction,
        at=at,
        actor=actor,
    )


def _received(job: JobRow, late_report: timedelta) -> dispatch.ReceivedTimes | None:
    """The times the arrival and the completion reached dispatch, when either came in more
    than ``late_report`` after its ``at`` (a phone offline, or a time moved back): billing
    prices the job by both and holds the charge where the money differs."""
    late_by = max(
        reported_late_by(job.arrived_at, job.arrived_received_at),
        reported_late_by(job.completed_at, job.completed_received_at),
    )
    if late_by <= late_report:
        return None
    assert job.completed_received_at is not None
    return dispatch.ReceivedTimes(
        arrived_at=job.arrived_received_at,
        arrived_late_minutes=minutes_late(job.appointment_end, job.arrived_received_at),
        completed_at=job.completed_received_at,
        reported_late_by_minutes=int(late_by.total_seconds() // 60),
    )


def _completed(
    job: JobRow, *, late_report: timedelta, fits: dict[str, bool | None] | None = None
) -> dispatch.JobCompleted:
    """The work done: what billing prices (with the claimed exclusion and delay cause), the
    codes and outcome the callback and the ticket show, the unit, and, for a late report, the
    times it reached dispatch."""
    assert job.point_id and job.technician_id and job.completed_at and job.resolution
    return dispatch.JobCompleted(
        job_id=job.id,
        ticket_id=job.ticket_id,
        point_id=job.point_id,
        technician_id=job.technician_id,
        resolution=job.resolution,  # type: ignore[arg-type]
        labor_minutes=job.labor_minutes,
        parts=[
            dispatch.PartUsed(sku=p["sku"], qty=p["qty"], on_model=(fits or {}).get(p["sku"]))
            for p in job.parts
        ],
        travel_km=job.travel_km,
        visit_number=job.visit_number,
        arrived_late_minutes=job.arrived_late_minutes or 0,
        completed_at=job.completed_at,
        category=job.category,
        model=(job.product or {}).get("model"),
        serial_no=(job.product or {}).get("serial_no"),
        outcome=job.outcome or "fixed",  # type: ignore[arg-type]
        symptom_code=job.symptom_code,
        cause_code=job.cause_code,
        action_code=job.action_code,
        exclusion=job.exclusion,
        delay_cause=job.delay_cause,
        received=_received(job, late_report),
    )


async def _wait_for_parts(uow: UnitOfWork, job: JobRow, cmd: StatusReport, *, actor: str) -> None:
    """An urgent requisition for the job, and its clocks (and the ticket's) paused until the
    parts are received."""
    assert job.point_id is not None
    await requisitions.request(
        uow,
        requisitions.NewRequisition(
            point_id=job.point_id,
            lines=[(p.sku, p.qty) for p in cmd.parts],
            urgent=True,
            job_id=job.id,
        ),
        scope=Scope(),
        actor=actor,
    )
    if job.paused_at is None:
        await pauses.pause_for_parts(uow, job, note=cmd.note, at=cmd.at, actor=actor)
