"""What opening a ticket reads, in one round trip (the hot path: a one-statement create,
``aftersales.one_statement``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import String, bindparam, case, exists, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from intake.adapters.tables import CustomerRow, ProductRow, ServiceCategoryRow, ticket_number_seq


@dataclass(frozen=True)
class TicketContext:
    customer: CustomerRow
    product: ProductRow | None
    # The catalogue's entry for the product's category, or the one a ticket without a product
    # names.
    catalogue_entry: ServiceCategoryRow | None
    number_seq: int
    # Whether a registered product is of the named category (a category the service knows
    # without a catalogue entry); False when none was named.
    category_known: bool


_CATEGORY = bindparam("category", type_=String())
_OF_CATEGORY = aliased(ProductRow)
_TICKET_CONTEXT = (
    select(
        CustomerRow,
        ProductRow,
        ServiceCategoryRow,
        ticket_number_seq.next_value(),
        # Only looked up for a named category (a ticket without a product).
        case(
            (_CATEGORY.is_(None), false()),
            else_=exists().where(_OF_CATEGORY.category == _CATEGORY),
        ),
    )
    .select_from(CustomerRow)
    .outerjoin(ProductRow, ProductRow.id == bindparam("product_id"))
    .outerjoin(
        ServiceCategoryRow,
        ServiceCategoryRow.category == func.coalesce(ProductRow.category, _CATEGORY),
    )
    .where(CustomerRow.id == bindparam("customer_id"))
)


async def ticket_context(
    session: AsyncSession,
    customer_id: uuid.UUID,
    product_id: uuid.UUID | None,
    category: str | None = None,
) -> TicketContext | None:
    """Everything opening a ticket needs, in one round trip; None: no customer."""
    row = (
        await session.execute(
            _TICKET_CONTEXT,
            {"customer_id": customer_id, "product_id": product_id, "category": category},
        )
    ).first()
    if row is None:
        return None
    return TicketContext(row[0], row[1], row[2], int(row[3]), bool(row[4]))
