"""The operator's fault-code list, one category at a time (If-Match on its version)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.http.etag import check_version
from dispatch.adapters.repositories import FaultCodeRepository
from dispatch.adapters.tables import FaultCodeListRow


async def put_fault_codes(
    uow: UnitOfWork,
    category: str,
    lists: Mapping[str, Mapping[str, str]],
    *,
    expected_version: int | None,
) -> FaultCodeListRow:
    """Replace the category's list. Codes already reported on jobs stay on those jobs."""
    repo = FaultCodeRepository(uow.session)
    row = await repo.row(category, lock=True)
    now = datetime.now(UTC)
    if row is None:
        check_version(expected_version, 0)
        row = FaultCodeListRow(category=category, version=0)
        repo.add(row)
    else:
        check_version(expected_version, row.version)
    row.symptoms = dict(lists["symptoms"])
    row.causes = dict(lists["causes"])
    row.actions = dict(lists["actions"])
    row.version += 1
    row.updated_at = now
    await uow.session.flush()
    return row
