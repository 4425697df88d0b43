from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.campaigns import CampaignRepository
from billing.api.presenters import campaign_out
from billing.api.schemas.campaigns import CampaignIn, CampaignOut
from billing.api.scope import Centre, Finance, actor_of
from billing.use_cases.campaigns import NewCampaign, create_campaign

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"])


@router.post("", status_code=201, response_model=CampaignOut)
async def declare_campaign(
    body: CampaignIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Finance,
) -> Response:
    """A free service campaign (特别服务): jobs of these categories and kinds in these regions,
    reported between ``from`` and ``to``, are class C for what it covers."""
    cmd = NewCampaign(
        name=body.name,
        categories=body.categories,
        regions=body.regions,
        kinds=list(body.kinds),
        from_on=body.from_,
        to_on=body.to,
        covers=list(body.covers),
    )

    async def command(uow: UnitOfWork) -> CampaignOut:
        return campaign_out(await create_campaign(uow, cmd, actor=actor_of(principal)))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda c: {"Location": f"/v1/campaigns/{c.id}"},  # type: ignore[attr-defined]
        audit=Audit("campaign", "declared"),
    )


@router.get("", response_model=Page[CampaignOut])
async def list_campaigns(
    db: DatabaseDep,
    active_on: date | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Centre,
) -> Page[CampaignOut]:
    """Free-service campaigns and what they cover."""
    async with db.uow() as uow:
        rows, next_cursor = await CampaignRepository(uow.session).page(
            active_on=active_on, cursor=cursor, limit=limit
        )
    return Page[CampaignOut](items=[campaign_out(r) for r in rows], next_cursor=next_cursor)
