"""The supervisor's board (admin and agent): the open requests by the clock that matters next
(answer due, arrival due, completion due, breached, paused), filtered by region, point and
kind; the jobs offered and not accepted, the unrouted ones with their reason, and routing by
hand. The counts refresh without a reload (htmx polls them every few seconds while the page
is visible). All from intake's and dispatch's board routes, with the person's token."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any
from urllib.parse import urlencode

from aftersales_client.api.dispatch import get_job, job_counts, list_jobs, list_points, route_job
from aftersales_client.api.intake import list_tickets, ticket_counts
from aftersales_client.models import ListJobsSort, ListTicketsSort, RouteIn
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.domain.problems import Problem
from console.domain.sessions import PREFIX
from console.pages.common import Posted, SignedIn, api, idempotency_key
from console.web import render

router = APIRouter(prefix=f"{PREFIX}/board")
KINDS = ("repair", "install", "relocation", "maintenance", "consultation", "training", "complaint")


def _filters(request: Request) -> dict[str, Any]:
    """The board's filters as the APIs take them (what is empty is left out)."""
    q = request.query_params
    found: dict[str, Any] = {}
    if q.get("region"):
        found["region"] = q["region"].strip()
    if q.get("point_id"):
        try:
            found["point_id"] = uuid.UUID(q["point_id"])
        except ValueError:
            found["point_id"] = q["point_id"]  # the API says why it is not one
    if q.get("kind"):
        found["kind"] = q["kind"]
    return found


def _counting(call: Any, where: dict[str, Any]) -> list[Any]:
    return [
        call.part("intake", ticket_counts.asyncio_detailed, **where),
        call.part("dispatch", job_counts.asyncio_detailed, **where),
    ]


async def _counts(request: Request, session: Any) -> dict[str, Any]:
    tickets, jobs = await asyncio.gather(*_counting(api(request, session), _filters(request)))
    return {"tickets": tickets, "jobs": jobs}


async def _point_of(call: Any, code: str) -> str | None:
    """The id of the point with ``code`` (the board's filter is typed, not picked from a list
    of hundreds), or None when there is no such point."""
    found = await call.part("dispatch", list_points.asyncio_detailed, code=code, limit=1)
    if isinstance(found, Problem) or not found["items"]:
        return None
    return str(found["items"][0]["id"])


@router.get("/")
async def board(request: Request, session: SignedIn, cursor: str | None = None) -> Response:
    call = api(request, session)
    where = _filters(request)
    code = (request.query_params.get("point") or "").strip()
    unknown_point = False
    if code and "point_id" not in where:
        point_id = await _point_of(call, code)
        unknown_point = point_id is None
        if point_id is not None:
            where["point_id"] = point_id
    # Every part of the board at once: a service down leaves only its parts unavailable.
    tickets, offered, unrouted, counted_tickets, counted_jobs = await asyncio.gather(
        call.part(
            "intake",
            list_tickets.asyncio_detailed,
            sort=ListTicketsSort.NEXT_DUE,
            limit=50,
            **({"cursor": cursor} if cursor else {}),
            **where,
        ),
        # The twenty whose clock runs out first (the counts say how many there are).
        *(
            call.part(
                "dispatch",
                list_jobs.asyncio_detailed,
                status=status,
                sort=ListJobsSort.NEXT_DUE,
                limit=20,
                **where,
            )
            for status in ("offered", "unrouted")
        ),
        *_counting(call, where),
    )
    filters = {k: str(v) for k, v in where.items()}
    return render(
        request,
        "board/home.html",
        {
            "tickets": counted_tickets,
            "jobs": counted_jobs,
            "list": tickets,
            "offered": offered,
            "unrouted": unrouted,
            "kinds": KINDS,
            "filters": filters,
            "point_code": code,
            "unknown_point": unknown_point,
            # The counts' poll and the next page keep the filters (the point by its id).
            "query": urlencode(filters),
            "new_key": uuid.uuid4,
            "done": request.query_params.get("done"),
        },
    )


@router.get("/counts")
async def counts(request: Request, session: SignedIn) -> Response:
    """The counts alone, for the board's polling."""
    return render(request, "board/_counts.html", await _counts(request, session))


@router.get("/jobs/{job_id}/route")
async def route_page(request: Request, job_id: uuid.UUID, session: SignedIn) -> Response:
    return await _route_page(request, session, job_id)


async def _route_page(
    request: Request, session: Any, job_id: uuid.UUID, error: Problem | None = None
) -> Response:
    """The job and the points to offer it to: those serving its district and category
    first, then the others."""
    call = api(request, session)
    job = await call("dispatch", get_job.asyncio_detailed, job_id)
    serving, others = await asyncio.gather(
        call.part(
            "dispatch",
            list_points.asyncio_detailed,
            region=job.get("region"),
            category=job.get("category"),
            active=True,
            limit=50,
        ),
        call.part("dispatch", list_points.asyncio_detailed, active=True, limit=100),
    )
    return render(
        request,
        "board/route.html",
        {
            "job": job,
            "serving": serving,
            "others": others,
            "error": error,
            "new_key": uuid.uuid4,
        },
        status=error.status if error else 200,
    )


@router.post("/jobs/{job_id}/route")
async def route(request: Request, job_id: uuid.UUID, session: Posted) -> Response:
    """Routing by hand: offer the job to the point chosen (or route it automatically again)."""
    form = await request.form()
    body: dict[str, Any] = {}
    if form.get("point_id"):
        body["point_id"] = str(form.get("point_id"))
    if form.get("note"):
        body["note"] = str(form.get("note"))
    try:
        await api(request, session).write(
            "dispatch",
            route_job.asyncio_detailed,
            job_id,
            key=idempotency_key(form),
            body=RouteIn.from_dict(body),
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict"):
            raise
        return await _route_page(request, session, job_id, error=problem)
    return RedirectResponse(f"{PREFIX}/board/?done=routed", status_code=303)
