"""The operator's fault-code list, one category at a time (If-Match on its version)."""

from __future__ import annotations

from collections.abc import Mapping

from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.fault_codes import FaultCodeRepository
from dispatch.adapters.tables.fault_codes import FaultCodeListRow


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
    now = uow.now()
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
