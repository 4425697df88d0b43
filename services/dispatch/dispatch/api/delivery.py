"""``GET/PUT /v1/delivery-bands``: the days a delivery to the door is promised in, by the
distance from the shipping warehouse's region to the address's (the document's clause 5)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.delivery import DeliveryBandsRow
from dispatch.api.deps import PolicyDep
from dispatch.api.schemas.delivery import (
    DeliveryBandsIn,
    DeliveryBandsOut,
    PairOut,
    PrefixBandOut,
)
from dispatch.api.scope import Admin
from dispatch.domain.delivery import Pair, PrefixBand, check_bands
from dispatch.use_cases import delivery as use_cases

router = APIRouter(prefix="/v1/delivery-bands", tags=["delivery bands"])
Readers = require_roles("admin", "agent", "finance")


def bands_out(row: DeliveryBandsRow | None, default_days: int) -> DeliveryBandsOut:
    bands = use_cases.bands_of(row)
    return DeliveryBandsOut(
        pairs=[
            PairOut(from_region=p.from_region, to_region=p.to_region, days=p.days)
            for p in bands.pairs
        ],
        prefix_bands=[
            PrefixBandOut(shared_prefix=b.shared_prefix, days=b.days) for b in bands.prefix_bands
        ],
        default_days=default_days,
        version=row.version if row else 0,
        updated_at=row.updated_at if row else None,
        updated_by=row.updated_by if row else None,
    )


@router.get("", response_model=DeliveryBandsOut)
async def get_delivery_bands(
    db: DatabaseDep, policy: PolicyDep, response: Response, principal: Principal = Readers
) -> DeliveryBandsOut:
    """The delivery bands and the default: the days a delivery is promised in, by distance."""
    async with db.uow() as uow:
        out = bands_out(await use_cases.current(uow), policy.delivery_default_days)
    response.headers["ETag"] = etag_of(out.version)
    return out


@router.put("", response_model=DeliveryBandsOut)
async def put_delivery_bands(
    body: DeliveryBandsIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Admin,
) -> Response:
    """Replace the delivery bands (optional `If-Match`); an unknown or invalid region, days
    below 1 or a band given twice is a 422 and nothing changes. Orders shipped already keep
    their promise."""
    expected = expected_version(request, required=False)
    bands = check_bands(
        (Pair(p.from_region, p.to_region, p.days) for p in body.pairs),
        (PrefixBand(b.shared_prefix, b.days) for b in body.prefix_bands),
    )

    async def command(uow: UnitOfWork) -> DeliveryBandsOut:
        row = await use_cases.replace_bands(
            uow, bands, expected_version=expected, actor=principal.actor, now=uow.now()
        )
        return bands_out(row, policy.delivery_default_days)

    async def before(uow: UnitOfWork) -> DeliveryBandsOut | None:
        row = await use_cases.current(uow)
        return None if row is None else bands_out(row, policy.delivery_default_days)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda o: {"ETag": etag_of(o.version)},  # type: ignore[attr-defined]
        audit=Audit("delivery_bands", "replaced", before=before, object_id=use_cases.KEY),
    )
