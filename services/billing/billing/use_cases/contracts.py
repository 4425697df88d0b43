"""Maintenance contracts: which products they cover, when, what, and how many visits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict, Unprocessable
from billing.adapters.repositories import ContractRepository
from billing.adapters.tables import ContractRow, ProductFactsRow


@dataclass(frozen=True)
class NewContract:
    contract_no: str
    customer_id: uuid.UUID
    product_ids: list[uuid.UUID]
    starts_on: date
    ends_on: date
    covers_labour: bool
    covers_parts: bool
    covers_travel: bool
    visits_included: int | None


async def create_contract(uow: UnitOfWork, cmd: NewContract) -> ContractRow:
    if cmd.ends_on < cmd.starts_on:
        raise Unprocessable("ends_on must not be before starts_on.")
    if len(set(cmd.product_ids)) != len(cmd.product_ids):
        raise Unprocessable("A product is listed twice.")
    contracts = ContractRepository(uow.session)
    await _check_products(uow, cmd)
    await contracts.lock_products(cmd.product_ids)
    if await contracts.number_taken(cmd.contract_no):
        raise Conflict(f"Contract {cmd.contract_no} exists already.", contract_no=cmd.contract_no)
    clashes = await contracts.overlapping(cmd.product_ids, cmd.starts_on, cmd.ends_on)
    if clashes:
        no, product = clashes[0]
        raise Conflict(
            f"Product {product} is already covered by contract {no} for part of that period.",
            contract_no=no,
            product_id=str(product),
        )
    now = datetime.now(UTC)
    row = ContractRow(
        id=uuid.uuid4(),
        contract_no=cmd.contract_no,
        customer_id=cmd.customer_id,
        starts_on=cmd.starts_on,
        ends_on=cmd.ends_on,
        covers_labour=cmd.covers_labour,
        covers_parts=cmd.covers_parts,
        covers_travel=cmd.covers_travel,
        visits_included=cmd.visits_included,
        visits_used=0,
        version=1,
        created_at=now,
        updated_at=now,
    )
    await contracts.add(row, cmd.product_ids)
    await uow.session.flush()
    return row


async def _check_products(uow: UnitOfWork, cmd: NewContract) -> None:
    """Every product must be one intake registered, of the contract's customer, still held."""
    rows = await uow.session.scalars(
        select(ProductFactsRow).where(ProductFactsRow.product_id.in_(cmd.product_ids))
    )
    known = {r.product_id: r for r in rows}
    for product_id in cmd.product_ids:
        product = known.get(product_id)
        if product is None:
            raise Unprocessable(
                f"Product {product_id} is not a registered product "
                "(register it in intake first; billing hears of it within seconds).",
                product_id=str(product_id),
            )
        if product.customer_id != cmd.customer_id:
            raise Unprocessable(
                f"Product {product_id} belongs to another customer.", product_id=str(product_id)
            )
        if product.deregistered:
            raise Unprocessable(
                f"Product {product_id} was refunded and is no longer registered.",
                product_id=str(product_id),
            )
