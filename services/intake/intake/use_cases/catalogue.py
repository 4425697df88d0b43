"""Replace the service catalogue as a whole (one revision, If-Match on it)."""

from __future__ import annotations

from dataclasses import dataclass

from aftersales.errors import Unprocessable
from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CatalogueRepository
from intake.adapters.tables import ServiceCategoryRow
from intake.domain.catalogue import CategoryOffer


@dataclass(frozen=True)
class Catalogue:
    offers: list[CategoryOffer]
    revision: int


async def read_catalogue(uow: UnitOfWork) -> Catalogue:
    repo = CatalogueRepository(uow.session)
    rows = await repo.all()
    return Catalogue(
        [
            CategoryOffer(
                r.category, frozenset(r.kinds), r.respond_within_hours, r.complete_within_hours
            )
            for r in rows
        ],
        (await repo.revision()).revision,
    )


async def replace_catalogue(
    uow: UnitOfWork, offers: list[CategoryOffer], *, expected_revision: int | None
) -> Catalogue:
    categories = [o.category for o in offers]
    if len(categories) != len(set(categories)):
        raise Unprocessable("Each category may appear only once in the catalogue.")
    repo = CatalogueRepository(uow.session)
    revision = await repo.revision(for_update=True)
    check_version(expected_revision, revision.revision)
    now = uow.now()
    await repo.replace(
        [
            ServiceCategoryRow(
                category=o.category,
                kinds=sorted(o.kinds),
                respond_within_hours=dict(o.respond_within_hours),
                complete_within_hours=dict(o.complete_within_hours),
                updated_at=now,
            )
            for o in offers
        ]
    )
    revision.revision += 1
    await uow.session.flush()
    return Catalogue(offers, revision.revision)
