"""A job command as the routes run it, and a status report (from one route or a batch) as one:
``POST /v1/jobs/{id}/status`` and ``POST /v1/jobs/status-batch`` share them."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime

from aftersales.auth import Principal
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.jobs import JobRow
from dispatch.api.schemas.reports import StatusReportIn
from dispatch.api.scope import actor_of, scope_of
from dispatch.domain.fault_codes import ReportedCodes
from dispatch.use_cases import reports
from dispatch.use_cases.policy import DispatchPolicy

# A command on one job, given the time of its transaction (the service's clock).
JobCommand = Callable[[UnitOfWork, datetime], Awaitable[JobRow]]


def status_report_of(body: StatusReportIn) -> reports.StatusReport:
    sig = body.signature
    return reports.StatusReport(
        status=body.status,
        at=body.at,
        note=body.note,
        signature_image=sig.image_base64 if sig else None,
        signature_reference=sig.reference if sig else None,
        labor_minutes=body.labor_minutes,
        parts=tuple(reports.Part(p.sku, p.qty, p.source) for p in body.parts or ()),
        travel_km=body.travel_km,
        codes=ReportedCodes(body.symptom_code, body.cause_code, body.action_code),
        outcome=body.outcome,
        passed=body.passed,
        exclusion=body.exclusion.model_dump() if body.exclusion else None,
        delay_cause=body.delay_cause.model_dump() if body.delay_cause else None,
    )


def report_of(
    principal: Principal, job_id: uuid.UUID, cmd: reports.StatusReport, policy: DispatchPolicy
) -> JobCommand:
    """The report as a job command of the caller (a technician's or a partner's)."""
    return lambda uow, now: reports.report_status(
        uow,
        job_id,
        cmd,
        scope=scope_of(principal),
        role=principal.role,
        actor=actor_of(principal),
        now=now,
        policy=policy,
    )
