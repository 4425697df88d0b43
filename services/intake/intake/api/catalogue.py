from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from intake.api.deps import PolicyDep
from intake.api.schemas.catalogue import (
    CategoryOfferIO,
    ServiceCatalogueIO,
    ServiceCatalogueOut,
)
from intake.api.scope import Staff
from intake.domain.catalogue import CategoryOffer
from intake.domain.tickets import KINDS
from intake.use_cases.catalogue import Catalogue, read_catalogue, replace_catalogue
from intake.use_cases.policy import TicketPolicy

router = APIRouter(prefix="/v1/service-catalogue", tags=["service catalogue"])
Admin = require_roles("admin")


def _out(catalogue: Catalogue, policy: TicketPolicy) -> ServiceCatalogueOut:
    s = policy.response
    return ServiceCatalogueOut(
        categories=[
            CategoryOfferIO(
                category=o.category,
                kinds=sorted(o.kinds),  # type: ignore[arg-type]
                respond_within_hours=dict(o.respond_within_hours),  # type: ignore[arg-type]
                complete_within_hours=dict(o.complete_within_hours),  # type: ignore[arg-type]
            )
            for o in catalogue.offers
        ],
        revision=catalogue.revision,
        default_respond_within_hours={
            k: s.complaint_hours if k == "complaint" else s.default_hours for k in KINDS
        },
        default_complete_within_hours=dict(s.complete_within_hours),
    )


def _catalogue_now(
    policy: TicketPolicy,
) -> Callable[[UnitOfWork], Awaitable[ServiceCatalogueOut]]:
    async def load(uow: UnitOfWork) -> ServiceCatalogueOut:
        return _out(await read_catalogue(uow), policy)

    return load


@router.get("", response_model=ServiceCatalogueOut)
async def get_catalogue(
    db: DatabaseDep, policy: PolicyDep, response: Response, principal: Principal = Staff
) -> ServiceCatalogueOut:
    """Which kinds of service each product category is offered, and their response SLAs; with an
    `ETag` for `PUT`."""
    async with db.uow() as uow:
        catalogue = await read_catalogue(uow)
    response.headers["ETag"] = etag_of(catalogue.revision)
    return _out(catalogue, policy)


@router.put("", response_model=ServiceCatalogueOut)
async def put_catalogue(
    body: ServiceCatalogueIO,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Admin,
) -> Response:
    """Replace the whole catalogue. Needs ``If-Match`` with the ETag you read."""
    expected = expected_version(request, required=True)
    offers = [
        CategoryOffer(
            c.category,
            frozenset(c.kinds),
            {str(k): h for k, h in c.respond_within_hours.items()},
            {str(k): h for k, h in c.complete_within_hours.items()},
        )
        for c in body.categories
    ]

    async def command(uow: UnitOfWork) -> ServiceCatalogueOut:
        return _out(await replace_catalogue(uow, offers, expected_revision=expected), policy)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=lambda c: {"ETag": etag_of(c.revision)},  # type: ignore[attr-defined]
        audit=Audit(
            "service_catalogue",
            "replaced",
            before=_catalogue_now(policy),
            object_id="service-catalogue",
        ),
    )
