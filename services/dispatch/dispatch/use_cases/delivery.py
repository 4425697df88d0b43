"""The operator's delivery bands (``GET/PUT /v1/delivery-bands``), and the arrival a delivery is
promised in by them (``dispatch.domain.delivery``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.delivery import DeliveryBandsRow
from dispatch.domain.delivery import Bands, Pair, PrefixBand

KEY = "default"


def bands_of(row: DeliveryBandsRow | None) -> Bands:
    if row is None:
        return Bands()
    return Bands(
        pairs=tuple(Pair(p["from_region"], p["to_region"], p["days"]) for p in row.pairs),
        prefix_bands=tuple(PrefixBand(b["shared_prefix"], b["days"]) for b in row.prefix_bands),
    )


async def current(uow: UnitOfWork, *, lock: bool = False) -> DeliveryBandsRow | None:
    return await uow.session.get(DeliveryBandsRow, KEY, with_for_update=lock)


async def replace_bands(
    uow: UnitOfWork,
    bands: Bands,
    *,
    expected_version: int | None,
    actor: str,
    now: datetime,
) -> DeliveryBandsRow:
    """Replace the whole set (``bands`` checked already: ``domain.delivery.check_bands``).
    Orders shipped before keep the promise they were given."""
    # The first set is inserted empty (version 0) if none is there, so that two replicas
    # replacing it at once queue on its row rather than both inserting.
    await uow.session.execute(
        pg_insert(DeliveryBandsRow)
        .values(key=KEY, pairs=[], prefix_bands=[], version=0, updated_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    row = await uow.session.get(DeliveryBandsRow, KEY, with_for_update=True, populate_existing=True)
    assert row is not None
    check_version(expected_version, row.version)
    row.pairs = [
        {"from_region": p.from_region, "to_region": p.to_region, "days": p.days}
        for p in bands.pairs
    ]
    row.prefix_bands = [
        {"shared_prefix": b.shared_prefix, "days": b.days} for b in bands.prefix_bands
    ]
    row.version += 1
    row.updated_at = now
    row.updated_by = actor
    await uow.session.flush()
    return row
