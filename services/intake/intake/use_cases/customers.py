"""Register customers and their products (service vouchers)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict
from intake.adapters.repositories import CustomerRepository, ProductRepository
from intake.adapters.tables import CustomerRow, ProductRow
from intake.domain.customers import normalise_phone
from intake.domain.products import check_purchase_date, warranty_until


@dataclass(frozen=True)
class RegisterCustomer:
    name: str
    phone: str
    region: str
    city: str
    line: str
    email: str | None = None
    postal_code: str | None = None
    external_ref: str | None = None


async def register_customer(uow: UnitOfWork, cmd: RegisterCustomer) -> CustomerRow:
    customers = CustomerRepository(uow.session)
    phone_normalized = normalise_phone(cmd.phone)
    existing = await customers.find_same(phone_normalized, cmd.external_ref)
    if existing is not None:
        raise Conflict(
            "A customer with this phone number (and external_ref) exists already.",
            existing_id=str(existing.id),
        )
    now = datetime.now(UTC)
    row = CustomerRow(
        id=uuid.uuid4(),
        name=cmd.name,
        phone=cmd.phone,
        phone_normalized=phone_normalized,
        email=cmd.email,
        region=cmd.region,
        city=cmd.city,
        line=cmd.line,
        postal_code=cmd.postal_code,
        external_ref=cmd.external_ref,
        version=1,
        created_at=now,
        updated_at=now,
    )
    customers.add(row)
    await uow.session.flush()
    return row


@dataclass(frozen=True)
class RegisterProduct:
    customer_id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_months: int
    contract_no: str | None = None


async def register_product(uow: UnitOfWork, cmd: RegisterProduct) -> ProductRow:
    await CustomerRepository(uow.session).get(cmd.customer_id)
    products = ProductRepository(uow.session)
    today = datetime.now(UTC).date()
    check_purchase_date(cmd.purchased_on, today)
    until = warranty_until(cmd.purchased_on, cmd.warranty_months)
    existing = await products.find_serial(cmd.category, cmd.model, cmd.serial_no)
    if existing is not None:
        raise Conflict(
            "This serial number is registered already for this category and model.",
            existing_id=str(existing.id),
        )
    now = datetime.now(UTC)
    row = ProductRow(
        id=uuid.uuid4(),
        customer_id=cmd.customer_id,
        category=cmd.category,
        model=cmd.model,
        serial_no=cmd.serial_no,
        purchased_on=cmd.purchased_on,
        warranty_months=cmd.warranty_months,
        warranty_until=until,
        contract_no=cmd.contract_no,
        version=1,
        created_at=now,
        updated_at=now,
    )
    products.add(row)
    await uow.session.flush()
    return row
