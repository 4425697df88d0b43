"""``GET /v1/fault-codes`` and ``PUT /v1/fault-codes/{category}``: what a technician may report."""

from __future__ import annotations

import re

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.errors import Unprocessable
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.http.models import RequestModel
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.fault_codes import FaultCodeRepository
from dispatch.adapters.tables.fault_codes import FaultCodeListRow
from dispatch.api.scope import Admin
from dispatch.api.scope import Field as FieldStaff
from dispatch.use_cases.fault_codes import put_fault_codes as replace_fault_codes

router = APIRouter(prefix="/v1/fault-codes", tags=["fault codes"])

CODE = r"^[A-Z0-9][A-Z0-9_\-]{0,39}$"
CATEGORY = r"^[a-z0-9_\-]+$"
Codes = dict[str, str]


class FaultCodesIn(RequestModel):
    symptoms: dict[str, str] = Field(max_length=500, description="code → label")
    causes: dict[str, str] = Field(max_length=500)
    actions: dict[str, str] = Field(max_length=500)

    def checked(self) -> dict[str, Codes]:
        out: dict[str, Codes] = {}
        for kind in ("symptoms", "causes", "actions"):
            codes: Codes = getattr(self, kind)
            for code, label in codes.items():
                if not re.match(CODE, code):
                    raise Unprocessable(
                        f"{kind}: '{code}' is not a code (A-Z, 0-9, _ and -, up to 40).",
                    )
                if not 1 <= len(label) <= 200:
                    raise Unprocessable(f"{kind}: the label of '{code}' must be 1 to 200 long.")
            out[kind] = codes
        return out


class FaultCodesOut(BaseModel):
    category: str
    symptoms: Codes
    causes: Codes
    actions: Codes
    version: int


def _out(row: FaultCodeListRow) -> FaultCodesOut:
    return FaultCodesOut(
        category=row.category,
        symptoms=row.symptoms,
        causes=row.causes,
        actions=row.actions,
        version=row.version,
    )


@router.get("", response_model=list[FaultCodesOut])
async def list_fault_codes(
    db: DatabaseDep,
    category: str | None = Query(default=None, max_length=60, pattern=CATEGORY),
    principal: Principal = FieldStaff,
) -> list[FaultCodesOut]:
    """Every category's list (technicians' apps read it to offer the codes)."""
    async with db.uow() as uow:
        rows = await FaultCodeRepository(uow.session).all(category)
    return [_out(r) for r in rows]


@router.put("/{category}", response_model=FaultCodesOut)
async def put_fault_codes(
    request: Request,
    db: DatabaseDep,
    body: FaultCodesIn,
    category: str = Path(max_length=60, pattern=CATEGORY),
    principal: Principal = Admin,
) -> Response:
    """Replace one category's list. ``If-Match`` with its ETag when it exists (optional)."""
    expected = expected_version(request, required=False)
    lists = body.checked()

    async def command(uow: UnitOfWork) -> FaultCodesOut:
        return _out(await replace_fault_codes(uow, category, lists, expected_version=expected))

    async def before(uow: UnitOfWork) -> FaultCodesOut | None:
        row = await FaultCodeRepository(uow.session).row(category)
        return None if row is None else _out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda o: {"ETag": etag_of(o.version)},  # type: ignore[attr-defined]
        audit=Audit("fault_codes", "replaced", before=before, object_id=category),
    )
