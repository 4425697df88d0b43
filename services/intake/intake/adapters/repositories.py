"""Queries of intake's tables; use cases talk to these, not to SQL.

``tenant`` arguments scope a crm integration to its own customers and tickets: ``None`` means
the caller sees everything (agents, admins, the service itself). A row outside the caller's
scope is reported exactly like a missing one (404), so its existence does not leak.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page, sync_page
from intake.adapters.board import counts, page_by_next_due
from intake.adapters.search import name_matches
from intake.adapters.tables import (
    CatalogueRevisionRow,
    CustomerRow,
    ProductRow,
    ServiceCategoryRow,
    TicketJobRow,
    TicketRow,
    TimelineRow,
)
from intake.domain.clocks import ENDED
from intake.domain.tickets import VISIT_KINDS


class CustomerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(
        self, customer_id: uuid.UUID, *, tenant: str | None = None, lock: bool = False
    ) -> CustomerRow:
        row = await self.session.get(CustomerRow, customer_id, with_for_update=lock)
        if row is None or (tenant is not None and row.tenant_id != tenant):
            raise NotFound(f"Customer {customer_id} does not exist.")
        return row

    async def find_same(
        self,
        phone_normalized: str,
        external_ref: str | None,
        tenant: str | None,
        *,
        exclude: uuid.UUID | None = None,
    ) -> CustomerRow | None:
        """The customer this one would duplicate (see ``intake.domain.customers``)."""
        stmt = select(CustomerRow).where(CustomerRow.phone_normalized == phone_normalized)
        stmt = stmt.where(
            CustomerRow.tenant_id == tenant
            if tenant is not None
            else CustomerRow.tenant_id.is_(None)
        )
        if external_ref is not None:
            stmt = stmt.where(
                (CustomerRow.external_ref == external_ref) | CustomerRow.external_ref.is_(None)
            )
        if exclude is not None:
            stmt = stmt.where(CustomerRow.id != exclude)
        return (await self.session.execute(stmt.limit(1))).scalar_one_or_none()

    async def find_external_ref(
        self, external_ref: str, tenant: str | None, *, exclude: uuid.UUID | None = None
    ) -> CustomerRow | None:
        stmt = select(CustomerRow).where(CustomerRow.external_ref == external_ref)
        stmt = stmt.where(
            CustomerRow.tenant_id == tenant
            if tenant is not None
            else CustomerRow.tenant_id.is_(None)
        )
        if exclude is not None:
            stmt = stmt.where(CustomerRow.id != exclude)
        return (await self.session.execute(stmt.limit(1))).scalar_one_or_none()

    async def page(
        self,
        *,
        tenant: str | None,
        phone_normalized: str | None,
        external_ref: str | None,
        cursor: str | None,
        limit: int,
        customer_type: str | None = None,
        name: str | None = None,
    ) -> tuple[list[CustomerRow], str | None]:
        stmt: Any = select(CustomerRow)
        if name is not None:
            stmt = stmt.where(*name_matches(name))
        if tenant is not None:
            stmt = stmt.where(CustomerRow.tenant_id == tenant)
        if phone_normalized is not None:
            stmt = stmt.where(CustomerRow.phone_normalized == phone_normalized)
        if external_ref is not None:
            stmt = stmt.where(CustomerRow.external_ref == external_ref)
        if customer_type is not None:
            stmt = stmt.where(CustomerRow.type == customer_type)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CustomerRow.__table__.c.created_at,
            id_col=CustomerRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    def add(self, row: CustomerRow) -> None:
        self.session.add(row)


class ProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(
        self, product_id: uuid.UUID, *, tenant: str | None = None, lock: bool = False
    ) -> ProductRow:
        """A product; a crm caller (``tenant``) sees only its own customers' products."""
        row = await self.session.get(ProductRow, product_id, with_for_update=lock)
        if row is not None and tenant is not None:
            owner = await self.session.get(CustomerRow, row.customer_id)
            row = row if owner is not None and owner.tenant_id == tenant else None
        if row is None:
            raise NotFound(f"Product {product_id} does not exist.")
        return row

    async def page(
        self,
        *,
        tenant: str | None,
        customer_id: uuid.UUID | None = None,
        serial_no: str | None = None,
        model: str | None = None,
        category: str | None = None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[ProductRow], str | None]:
        stmt: Any = select(ProductRow)
        if tenant is not None:
            stmt = stmt.join(CustomerRow, CustomerRow.id == ProductRow.customer_id).where(
                CustomerRow.tenant_id == tenant
            )
        for column, value in (
            (ProductRow.customer_id, customer_id),
            (ProductRow.serial_no, serial_no),
            (ProductRow.model, model),
            (ProductRow.category, category),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ProductRow.__table__.c.created_at,
            id_col=ProductRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def find_serial(self, category: str, model: str, serial_no: str) -> ProductRow | None:
        stmt = select(ProductRow).where(
            ProductRow.category == category,
            ProductRow.model == model,
            ProductRow.serial_no == serial_no,
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def add(self, row: ProductRow) -> None:
        self.session.add(row)


@dataclass(frozen=True)
class TicketFilter:
    tenant: str | None = None
    status: str | None = None
    closure_reason: str | None = None
    kind: str | None = None
    channel: str | None = None
    customer_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_since: datetime | None = None
    updated_until: datetime | None = None
    window_agreed: bool | None = None
    region: str | None = None  # a prefix (intake.domain.board.region_prefix)
    point_id: uuid.UUID | None = None


def _window_agreed_is(agreed: bool) -> Any:
    """Visit tickets whose slot is agreed (or not yet): a ticket with no visit is neither. The
    slots still to agree are the centre's list of calls to make: an ended ticket has none."""
    has_window = TicketRow.preferred_start.is_not(None)
    if agreed:
        return TicketRow.kind.in_(sorted(VISIT_KINDS)) & has_window
    return (
        TicketRow.kind.in_(sorted(VISIT_KINDS))
        & ~has_window
        & TicketRow.status.not_in(sorted(ENDED))
    )


def _status_is(status: str) -> Any:
    """``closed`` finds every ended ticket (its ``closure_reason`` says how it ended)."""
    if status == "closed":
        return TicketRow.closure_reason.is_not(None)
    return TicketRow.status == status


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, ticket_id: uuid.UUID, *, tenant: str | None = None) -> TicketRow:
        row = await self.session.get(TicketRow, ticket_id)
        if row is None or (tenant is not None and row.tenant_id != tenant):
            raise NotFound(f"Ticket {ticket_id} does not exist.")
        return row

    async def get_for_update(
        self, ticket_id: uuid.UUID, *, tenant: str | None = None
    ) -> TicketRow | None:
        """Locked, so concurrent writers (consumers, agents) never lose an update."""
        stmt = select(TicketRow).where(TicketRow.id == ticket_id).with_for_update()
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is not None and tenant is not None and row.tenant_id != tenant:
            return None
        return row

    def add(self, row: TicketRow) -> None:
        self.session.add(row)

    @staticmethod
    def _listed(where: TicketFilter) -> Any:
        stmt: Any = select(TicketRow)
        conditions: list[tuple[Any, Any]] = [
            (where.tenant, TicketRow.tenant_id.__eq__),
            (where.status, _status_is),
            (where.closure_reason, TicketRow.closure_reason.__eq__),
            (where.kind, TicketRow.kind.__eq__),
            (where.channel, TicketRow.channel.__eq__),
            (where.customer_id, TicketRow.customer_id.__eq__),
            (where.product_id, TicketRow.product_id.__eq__),
            (where.created_from, TicketRow.created_at.__ge__),
            (where.created_to, TicketRow.created_at.__lt__),
            (where.updated_since, TicketRow.updated_at.__ge__),
            (where.updated_until, TicketRow.updated_at.__lt__),
            (where.window_agreed, _window_agreed_is),
            (where.region, lambda prefix: TicketRow.region.startswith(prefix, autoescape=True)),
            (where.point_id, TicketRow.point_id.__eq__),
        ]
        for value, condition in conditions:
            if value is not None:
                stmt = stmt.where(condition(value))
        return stmt

    async def page(
        self, where: TicketFilter, *, cursor: str | None, limit: int, by_next_due: bool = False
    ) -> tuple[list[TicketRow], str | None]:
        if by_next_due:  # the open tickets, by the due time of their next clock
            return await page_by_next_due(
                self.session, self._listed(where), cursor=cursor, limit=limit
            )
        return await keyset_page(
            self.session,
            self._listed(where),
            sort_col=TicketRow.__table__.c.updated_at,
            id_col=TicketRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def counts(self, where: TicketFilter, now: datetime) -> dict[str, Any]:
        """The open tickets per status and clock bucket (``intake.adapters.board``)."""
        return await counts(self.session, self._listed(where).whereclause, now)

    async def sync(
        self, where: TicketFilter, *, since: str, limit: int
    ) -> tuple[list[TicketRow], str]:
        """The tickets written after the sync cursor ``since``, in commit order; the next
        cursor."""
        return await sync_page(
            self.session,
            self._listed(where),
            resource="intake.tickets",
            entity=TicketRow,
            since=since,
            limit=limit,
        )

    async def jobs(self, ticket_id: uuid.UUID) -> dict[uuid.UUID, TicketJobRow]:
        stmt = select(TicketJobRow).where(TicketJobRow.ticket_id == ticket_id)
        return {j.job_id: j for j in (await self.session.execute(stmt)).scalars()}

    def add_job(self, row: TicketJobRow) -> None:
        self.session.add(row)

    async def failed_repairs(self, product_id: uuid.UUID, cause_code: str | None) -> int:
        """Repairs of this product that did not fix it: of the same fault (``cause_code``) when
        it is known; every failed repair when it is not. A failure recorded before jobs kept
        their cause (no ``previous_job_id`` on its timeline entry) counts as the same fault."""
        failed_jobs = (
            select(func.count())
            .select_from(TicketJobRow)
            .join(TicketRow, TicketRow.id == TicketJobRow.ticket_id)
            .where(TicketRow.product_id == product_id, TicketJobRow.failed.is_(True))
        )
        if cause_code is not None:
            failed_jobs = failed_jobs.where(TicketJobRow.cause_code == cause_code)
        legacy = (
            select(func.count())
            .select_from(TimelineRow)
            .join(TicketRow, TicketRow.id == TimelineRow.ticket_id)
            .where(
                TicketRow.product_id == product_id,
                TimelineRow.event == "intake.ticket.reopened.v1",
                TimelineRow.data["reason"].astext.in_(
                    ["not_fixed_first_visit", "not_fixed_repeat"]
                ),
                ~TimelineRow.data.has_key("previous_job_id"),
            )
        )
        return int(await self.session.scalar(failed_jobs) or 0) + int(
            await self.session.scalar(legacy) or 0
        )

    async def latest_cause(self, ticket_id: uuid.UUID) -> str | None:
        """The fault the ticket's latest completed job found (its cause code)."""
        stmt = (
            select(TicketJobRow.cause_code)
            .where(TicketJobRow.ticket_id == ticket_id, TicketJobRow.cause_code.is_not(None))
            .order_by(TicketJobRow.updated_at.desc())
            .limit(1)
        )
        return await self.session.scalar(stmt)

    def record(
        self,
        ticket_id: uuid.UUID,
        at: datetime,
        event: str,
        summary: str,
        *,
        actor: str = "system",
        public_summary: str | None = None,
        **data: Any,
    ) -> None:
        self.session.add(
            TimelineRow(
                ticket_id=ticket_id,
                at=at,
                event=event,
                summary=summary,
                public_summary=public_summary if public_summary != summary else None,
                actor=actor,
                data=data,
            )
        )

    async def timeline(self, ticket_id: uuid.UUID) -> list[TimelineRow]:
        stmt = (
            select(TimelineRow).where(TimelineRow.ticket_id == ticket_id).order_by(TimelineRow.seq)
        )
        return list((await self.session.execute(stmt)).scalars())


class CatalogueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def all(self) -> list[ServiceCategoryRow]:
        stmt = select(ServiceCategoryRow).order_by(ServiceCategoryRow.category)
        return list((await self.session.execute(stmt)).scalars())

    async def revision(self, *, for_update: bool = False) -> CatalogueRevisionRow:
        stmt = select(CatalogueRevisionRow).where(CatalogueRevisionRow.id == 1)
        if for_update:
            stmt = stmt.with_for_update()
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            row = CatalogueRevisionRow(id=1, revision=0)
            self.session.add(row)
            await self.session.flush()
        return row

    async def replace(self, entries: list[ServiceCategoryRow]) -> None:
        for row in await self.all():
            await self.session.delete(row)
        await self.session.flush()
        self.session.add_all(entries)
