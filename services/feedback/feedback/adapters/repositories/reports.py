"""The management's monthly work records and the quality department's report, read from the
callbacks (one per completed job, with what the job did) and the tickets' products."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, String, func, or_, select, true
from sqlalchemy import column as sql_column
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import CallbackRow, TicketContactRow
from feedback.domain.callbacks import NOT_FIXED, OUTCOMES


class ReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def work(self, month: str, *, by: str) -> list[Any]:
        """Per technician or point: jobs, on site, in the workshop, labour, travel, parts lines,
        callbacks reached, satisfied, late arrivals, then each of the six outcomes."""
        key = CallbackRow.point_id if by == "point" else CallbackRow.technician_id
        stmt = (
            select(
                key,
                func.count(),
                func.count().filter(CallbackRow.resolution == "on_site"),
                func.count().filter(CallbackRow.resolution == "workshop"),
                func.coalesce(func.sum(CallbackRow.labor_minutes), 0),
                func.coalesce(func.sum(CallbackRow.travel_km), 0),
                func.coalesce(func.sum(func.jsonb_array_length(CallbackRow.parts)), 0),
                func.count().filter(CallbackRow.reached.is_(True)),
                func.count().filter(CallbackRow.outcome == "satisfied"),
                func.count().filter(CallbackRow.arrived_late_minutes > 0),
                *(func.count().filter(CallbackRow.outcome == o) for o in OUTCOMES),
            )
            .where(CallbackRow.month == month, key.is_not(None))
            .group_by(key)
            .order_by(key)
        )
        return list((await self.session.execute(stmt)).all())

    async def quality(self, months: Sequence[str]) -> list[Any]:
        """Per product model: jobs, tickets, later visits, and the parts replaced."""
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                func.coalesce(TicketContactRow.category, "unknown"),
                func.count(),
                func.count(func.distinct(CallbackRow.ticket_id)),
                func.count().filter(CallbackRow.visit_number > 1),
                func.count().filter(CallbackRow.outcome.in_(NOT_FIXED)),
            )
            .select_from(CallbackRow)
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(CallbackRow.month.in_(months), CallbackRow.job_id.is_not(None))
            .group_by(TicketContactRow.product_model, TicketContactRow.category)
        )
        return list((await self.session.execute(stmt)).all())

    async def faults(self, months: Sequence[str], *, batch_prefix: int) -> list[Any]:
        """Jobs by model, batch (the serial's first ``batch_prefix`` characters), codes and
        outcome: where a fault clusters."""
        batch = func.left(CallbackRow.serial_no, batch_prefix)
        key = (
            CallbackRow.model,
            batch,
            CallbackRow.symptom_code,
            CallbackRow.cause_code,
            CallbackRow.action_code,
            CallbackRow.report_outcome,
        )
        stmt = (
            select(*key, func.count())
            .where(
                CallbackRow.month.in_(months),
                or_(
                    CallbackRow.cause_code.is_not(None),
                    CallbackRow.symptom_code.is_not(None),
                    CallbackRow.report_outcome.in_(("no_fault_found", "misuse")),
                ),
            )
            .group_by(*key)
            .order_by(func.count().desc())
        )
        return list((await self.session.execute(stmt)).all())

    async def parts_by_model(self, months: Sequence[str]) -> list[Any]:
        part = (
            func.jsonb_to_recordset(CallbackRow.parts)
            .table_valued(sql_column("sku", String), sql_column("qty", Integer))
            .render_derived(with_types=True)
            .alias("part")
        )
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                part.c.sku,
                func.sum(part.c.qty),
                func.count(),
            )
            .select_from(CallbackRow)
            .join(part, true())
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(CallbackRow.month.in_(months))
            .group_by(TicketContactRow.product_model, part.c.sku)
        )
        return list((await self.session.execute(stmt)).all())

    async def comments(self, months: Sequence[str], limit: int) -> list[Any]:
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                CallbackRow.outcome,
                CallbackRow.score,
                CallbackRow.comment,
                CallbackRow.recorded_at,
            )
            .select_from(CallbackRow)
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(
                CallbackRow.month.in_(months),
                CallbackRow.comment.is_not(None),
                CallbackRow.comment != "",
            )
            .order_by(CallbackRow.recorded_at.desc())
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).all())
