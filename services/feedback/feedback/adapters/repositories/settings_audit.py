"""The settings the audit trail records at startup (the strike window): written to the kit's
``audit_log`` by the service itself, not by a request."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.schema import Table

SETTING = "setting"


class SettingsAudit:
    def __init__(self, session: AsyncSession, audit_log: Table) -> None:
        self.session = session
        self.table = audit_log

    async def lock(self, name: str) -> None:
        """One replica at a time compares and records ``name``."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"feedback-setting:{name}"}
        )

    async def last(self, name: str) -> tuple[bool, Any]:
        """(whether the setting was ever recorded, the value recorded last)."""
        t = self.table
        stmt = (
            select(t.c.changes)
            .where(t.c.object_type == SETTING, t.c.object_id == name)
            .order_by(t.c.seq.desc())
            .limit(1)
        )
        found = (await self.session.execute(stmt)).first()
        if found is None:
            return False, None
        return True, (found[0].get("value") or {}).get("after")

    async def record(self, name: str, *, before: Any, after: Any, actor: str) -> None:
        await self.session.execute(
            pg_insert(self.table).values(
                id=uuid.uuid4(),
                actor=actor,
                role="system",
                scope=None,
                request_id=None,
                action="applied",
                object_type=SETTING,
                object_id=name,
                changes={"value": {"before": before, "after": after}},
            )
        )
