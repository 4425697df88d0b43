from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.errors import NotFound
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.price_lists import PriceListRepository
from billing.api.deps import PolicyDep
from billing.api.presenters import price_list_out
from billing.api.schemas.price_lists import PriceListIn, PriceListOut, PriceListVersions
from billing.api.scope import Centre, Finance, actor_of
from billing.use_cases.price_lists import NewPriceList, put_price_list

router = APIRouter(tags=["price list"])


async def _latest_price_list(uow: UnitOfWork) -> PriceListOut | None:
    """The newest version before a replacement, for the audit trail."""
    latest = await PriceListRepository(uow.session).latest()
    return price_list_out(latest) if latest is not None else None


@router.get("/v1/price-list", response_model=PriceListOut)
async def current_price_list(
    db: DatabaseDep,
    response: Response,
    at: datetime | None = Query(default=None, description="the list in force at this time"),
    principal: Principal = Centre,
) -> PriceListOut:
    """The price list in force: labour per hour by category, parts, travel bands, call-out fees."""
    async with db.uow() as uow:
        lists = PriceListRepository(uow.session)
        row = await lists.in_force(at or uow.now())
        latest = await lists.latest()
    if row is None:
        raise NotFound("No price list is in force at that time.")
    response.headers["ETag"] = etag_of(latest.version if latest else 0)
    return price_list_out(row)


@router.put("/v1/price-list", response_model=PriceListOut)
async def replace_price_list(
    body: PriceListIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Finance,
) -> Response:
    """A new version of the whole list, in force from ``effective_from`` (now by default).
    Charges keep the prices of the list they were computed with. ``If-Match`` (the ETag of
    ``GET /v1/price-list``) guards against overwriting a list you have not seen."""
    expected = expected_version(request, required=False)
    payload = body.model_dump(mode="json", exclude={"currency", "effective_from"})
    cmd = NewPriceList(body=payload, currency=body.currency, effective_from=body.effective_from)

    async def command(uow: UnitOfWork) -> PriceListOut:
        row = await put_price_list(
            uow,
            cmd,
            expected=expected,
            actor=actor_of(principal),
            now=uow.now(),
            currency=policy.currency,
        )
        return price_list_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda p: {"ETag": etag_of(p.version)},  # type: ignore[attr-defined]
        audit=Audit("price_list", "replaced", before=_latest_price_list),
    )


@router.get("/v1/price-lists", response_model=PriceListVersions)
async def price_list_versions(db: DatabaseDep, principal: Principal = Centre) -> PriceListVersions:
    """Every version of the price list, newest first."""
    async with db.uow() as uow:
        rows = await PriceListRepository(uow.session).versions()
    return PriceListVersions(items=[price_list_out(r) for r in rows])


@router.get("/v1/price-lists/{version}", response_model=PriceListOut)
async def price_list_version(
    version: Annotated[int, Path(ge=1, le=2**31 - 1)],
    db: DatabaseDep,
    principal: Principal = Centre,
) -> PriceListOut:
    """One version of the price list, as it was."""
    async with db.uow() as uow:
        row = await PriceListRepository(uow.session).version(version)
    return price_list_out(row)
