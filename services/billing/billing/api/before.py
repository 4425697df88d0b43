"""The object as it was before an audited write (``Audit(before=...)``), loaded in the write's
own transaction and shown as the route answers it, so the audit trail compares like with
like."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar

from aftersales.audit import Loader, Snapshot
from aftersales.unit_of_work import UnitOfWork

Row = TypeVar("Row")


def before_of(
    load: Callable[[UnitOfWork], Awaitable[Row]],
    present: Callable[[UnitOfWork, Row], Snapshot | Awaitable[Snapshot]],
) -> Loader:
    """``load`` the row, then ``present`` it (a presenter that reads more, such as a charge's
    lines and payments, awaits in the same transaction)."""

    async def before(uow: UnitOfWork) -> Snapshot:
        shown = present(uow, await load(uow))
        return await shown if inspect.isawaitable(shown) else shown

    return before
