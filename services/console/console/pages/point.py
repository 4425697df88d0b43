"""The partner point's portal: its offers (the district and the product, never the customer
until it accepts), and its jobs of today and tomorrow per technician: assign, reschedule with
a reason code, report a status on a technician's behalf. Everything is the dispatch API's,
called with the point's own token: another point's job is the API's 404, shown as a page."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

from aftersales_client.api.dispatch import (
    accept_job,
    assign_job,
    get_job,
    job_history,
    list_jobs,
    list_point_technicians,
    reject_job,
    report_status,
)
from aftersales_client.models import AssignIn, ListJobsSort, RejectIn, StatusReportIn
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.domain.problems import Problem, changed_since, unreadable
from console.domain.sessions import PREFIX
from console.pages.common import Posted, SignedIn, api, idempotency_key
from console.web import SHANGHAI, form_time, render

router = APIRouter(prefix=f"{PREFIX}/point")
ACTIVE = (
    "accepted",
    "scheduled",
    "en_route",
    "on_site",
    "awaiting_parts",
    "in_workshop",
    "repaired",
    "inspected",
)
REPORTS = (
    "en_route",
    "on_site",
    "resolved_on_site",
    "taken_to_workshop",
    "repaired",
    "inspected",
    "returned",
)
RESCHEDULE_REASONS = (
    "customer_request",
    "technician_unavailable",
    "parts_delayed",
    "weather",
    "other",
)


def _mine(session: Any) -> uuid.UUID:
    assert session.person.point_id is not None
    return uuid.UUID(session.person.point_id)


@router.get("/")
async def portal(request: Request, session: SignedIn) -> Response:
    return RedirectResponse(f"{PREFIX}/point/offers", status_code=303)


@router.get("/offers")
async def offers(request: Request, session: SignedIn) -> Response:
    call = api(request, session)
    page = await call.part("dispatch", list_jobs.asyncio_detailed, status="offered", limit=100)
    template = "point/_offers.html" if request.headers.get("hx-request") else "point/offers.html"
    return render(request, template, {"offers": page, "new_key": uuid.uuid4})


@router.post("/offers/{job_id}/accept")
async def accept(request: Request, job_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    await api(request, session).write(
        "dispatch", accept_job.asyncio_detailed, job_id, key=idempotency_key(form)
    )
    return RedirectResponse(f"{PREFIX}/point/jobs/{job_id}?done=accepted", status_code=303)


@router.post("/offers/{job_id}/decline")
async def decline(request: Request, job_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    reason = str(form.get("reason") or "").strip()
    try:
        await api(request, session).write(
            "dispatch",
            reject_job.asyncio_detailed,
            job_id,
            key=idempotency_key(form),
            body=RejectIn(reason=reason),
        )
    except Problem as problem:
        if problem.kind != "invalid":
            raise
        page = await api(request, session).part(
            "dispatch", list_jobs.asyncio_detailed, status="offered", limit=100
        )
        return render(
            request,
            "point/offers.html",
            {"offers": page, "new_key": uuid.uuid4, "error": problem, "failed": str(job_id)},
            status=422,
        )
    return RedirectResponse(f"{PREFIX}/point/offers?done=declined", status_code=303)


@router.get("/jobs")
async def jobs(request: Request, session: SignedIn) -> Response:
    """Today's and tomorrow's jobs per technician, and the accepted ones still to assign."""
    call = api(request, session)
    # The point's open jobs by the clock due next, in one call, and its technicians, at once.
    page, techs = await asyncio.gather(
        call.part("dispatch", list_jobs.asyncio_detailed, sort=ListJobsSort.NEXT_DUE, limit=100),
        call.part("dispatch", list_point_technicians.asyncio_detailed, _mine(session), limit=100),
    )
    problem = page if isinstance(page, Problem) else None
    found = [] if problem else [j for j in page["items"] if j["status"] in ACTIVE]
    today = datetime.now(SHANGHAI).date()
    days = (today, today + timedelta(days=1))
    by_tech: dict[str, list[dict[str, Any]]] = {}
    to_assign = []
    for job in sorted(found, key=lambda j: (j.get("appointment") or {}).get("start") or ""):
        start = (job.get("appointment") or {}).get("start")
        if job["technician_id"] is None:
            to_assign.append(job)
        elif start and datetime.fromisoformat(start).astimezone(SHANGHAI).date() in days:
            by_tech.setdefault(job["technician_id"], []).append(job)
    names = {} if isinstance(techs, Problem) else {t["id"]: t["name"] for t in techs["items"]}
    return render(
        request,
        "point/jobs.html",
        {
            "problem": problem,
            "to_assign": to_assign,
            "by_tech": by_tech,
            "names": names,
            "days": days,
        },
    )


async def _job_page(request: Request, session: Any, job_id: uuid.UUID, **extra: Any) -> Response:
    call = api(request, session)
    job = await call("dispatch", get_job.asyncio_detailed, job_id)
    history = await call.part("dispatch", job_history.asyncio_detailed, job_id)
    techs = await call.part(
        "dispatch", list_point_technicians.asyncio_detailed, _mine(session), limit=100
    )
    status = extra.pop("status", 200)
    seen = extra.pop("seen", None)
    return render(
        request,
        "point/job.html",
        {
            "job": job,
            "history": history,
            "changed": changed_since(history, seen),
            "techs": techs,
            "reports": REPORTS,
            "reasons": RESCHEDULE_REASONS,
            "new_key": uuid.uuid4,
            "done": request.query_params.get("done"),
            **extra,
        },
        status=status,
    )


@router.get("/jobs/{job_id}")
async def job(request: Request, job_id: uuid.UUID, session: SignedIn) -> Response:
    return await _job_page(request, session, job_id)


@router.post("/jobs/{job_id}/assign")
async def assign(request: Request, job_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    try:
        start = form_time(form.get("start"))
        hours = float(str(form.get("hours") or "2"))
        body: dict[str, Any] = {
            "technician_id": str(form.get("technician_id") or ""),
            "appointment": {
                "start": start.isoformat(),
                "end": (start + timedelta(hours=hours)).isoformat(),
            },
        }
    except ValueError:
        return await _job_page(
            request,
            session,
            job_id,
            status=422,
            error=unreadable(),
            form_error="assign",
            values=dict(form),
        )
    if form.get("reason_code"):
        body["reason_code"] = str(form.get("reason_code"))
    return await _write(
        request,
        session,
        job_id,
        form,
        "assign",
        assign_job.asyncio_detailed,
        body=AssignIn.from_dict(body),
    )


@router.post("/jobs/{job_id}/report")
async def report(request: Request, job_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    status = str(form.get("status") or "")
    body: dict[str, Any] = {"status": status, "at": datetime.now(SHANGHAI).isoformat()}
    if form.get("note"):
        body["note"] = str(form.get("note"))
    if form.get("signature_reference"):
        body["signature"] = {"reference": str(form.get("signature_reference"))}
    for field in ("labor_minutes", "travel_km"):
        value = str(form.get(field) or "").strip()
        if value.isdigit():
            body[field] = int(value)
    try:
        model = StatusReportIn.from_dict(body)
    except (ValueError, KeyError):
        return await _job_page(
            request,
            session,
            job_id,
            status=422,
            error=unreadable(),
            form_error="report",
            values=dict(form),
        )
    return await _write(
        request, session, job_id, form, "report", report_status.asyncio_detailed, body=model
    )


async def _write(
    request: Request,
    session: Any,
    job_id: uuid.UUID,
    form: Any,
    what: str,
    operation: Any,
    **kwargs: Any,
) -> Response:
    """A job's write: done, back to the job; refused (422, 409) or stale (412), the job again
    with the problem beside the form and what was typed kept."""
    try:
        await api(request, session).write(
            "dispatch",
            operation,
            job_id,
            key=idempotency_key(form),
            version=str(form.get("version") or ""),
            **kwargs,
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict", "stale"):
            raise
        return await _job_page(
            request,
            session,
            job_id,
            status=problem.status,
            error=problem,
            form_error=what,
            values=dict(form),
            seen=str(form.get("seen") or "") if problem.kind == "stale" else None,
        )
    return RedirectResponse(f"{PREFIX}/point/jobs/{job_id}?done={what}", status_code=303)
