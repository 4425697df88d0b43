from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.technicians import TechnicianRepository
from dispatch.api.presenters import technician_out
from dispatch.api.schemas.technicians import TechnicianOut, TechnicianPatch
from dispatch.api.scope import CentreOrPoint, Field, scope_of
from dispatch.use_cases.technicians import update_technician

router = APIRouter(prefix="/v1/technicians", tags=["technicians"])


async def _technician_now(uow: UnitOfWork, technician_id: uuid.UUID) -> TechnicianOut:
    """The technician before a change, for the audit trail (the command checks the scope)."""
    return technician_out(await TechnicianRepository(uow.session).get(technician_id, scope=Scope()))


@router.get("/{technician_id}", response_model=TechnicianOut)
async def get_technician(
    technician_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Field
) -> TechnicianOut:
    """One technician, with an `ETag`."""
    async with db.uow() as uow:
        row = await TechnicianRepository(uow.session).get(technician_id, scope=scope_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return technician_out(row)


@router.patch("/{technician_id}", response_model=TechnicianOut)
async def patch_technician(
    technician_id: uuid.UUID,
    body: TechnicianPatch,
    request: Request,
    db: DatabaseDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Change a technician's skills, phone or active flag (optional `If-Match`)."""
    expected = expected_version(request, required=False)
    changes = body.model_dump(exclude_unset=True)

    async def command(uow: UnitOfWork) -> TechnicianOut:
        row = await update_technician(
            uow, technician_id, changes, scope=scope_of(principal), expected=expected
        )
        return technician_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda t: {"ETag": etag_of(t.version)},  # type: ignore[attr-defined]
        audit=Audit(
            "technician", "updated", before=lambda uow: _technician_now(uow, technician_id)
        ),
    )
