"""Register customers and their products (service vouchers), and update contact data.

One customer per tenant and normalised phone number; when both sides carry an ``external_ref``
(the CRM's id) and the refs differ, they are different customers sharing a phone (a household
line, say). An ``external_ref`` is unique within a tenant. A duplicate is a 409 naming the
existing customer.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from aftersales.errors import Conflict, Forbidden, NotFound, Unprocessable
from aftersales.events import intake
from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CustomerRepository, ProductRepository
from intake.adapters.tables import CustomerRow, ProductRow
from intake.domain.business import DEFAULT_TYPE, check_type
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
    # consumer, dealer or direct (intake.domain.business).
    type: str = DEFAULT_TYPE


async def _check_unique(
    customers: CustomerRepository,
    phone_normalized: str,
    external_ref: str | None,
    tenant: str | None,
    exclude: uuid.UUID | None = None,
) -> None:
    if external_ref is not None:
        same_ref = await customers.find_external_ref(external_ref, tenant, exclude=exclude)
        if same_ref is not None:
            raise Conflict(
                "A customer with this external_ref exists already.", existing_id=str(same_ref.id)
            )
    same = await customers.find_same(phone_normalized, external_ref, tenant, exclude=exclude)
    if same is not None:
        raise Conflict(
            "A customer with this phone number exists already.", existing_id=str(same.id)
        )


async def register_customer(
    uow: UnitOfWork, cmd: RegisterCustomer, *, tenant: str | None
) -> CustomerRow:
    customers = CustomerRepository(uow.session)
    phone_normalized = normalise_phone(cmd.phone)
    await _check_unique(customers, phone_normalized, cmd.external_ref, tenant)
    now = uow.now()
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
        type=check_type(cmd.type),
        tenant_id=tenant,
        version=1,
        created_at=now,
        updated_at=now,
    )
    customers.add(row)
    await uow.session.flush()
    return row


async def update_customer(
    uow: UnitOfWork,
    customer_id: uuid.UUID,
    changes: dict[str, Any],
    *,
    tenant: str | None,
    expected_version: int | None,
) -> CustomerRow:
    customers = CustomerRepository(uow.session)
    row = await customers.get(customer_id, tenant=tenant)
    check_version(expected_version, row.version)
    if not changes:
        return row
    address = changes.pop("address", None)
    if address is not None:
        changes.update(address)
    if "type" in changes:
        check_type(changes["type"])
    if "phone" in changes:
        changes["phone_normalized"] = normalise_phone(changes["phone"])
    phone_normalized = changes.get("phone_normalized", row.phone_normalized)
    external_ref = changes.get("external_ref", row.external_ref)
    await _check_unique(customers, phone_normalized, external_ref, tenant, exclude=row.id)
    for field, value in changes.items():
        setattr(row, field, value)
    row.version += 1
    row.updated_at = uow.now()
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
    purchase_price: dict[str, Any] | None = None
    sold_by: str | None = None
    proof_ref: str | None = None


async def register_product(
    uow: UnitOfWork, cmd: RegisterProduct, *, tenant: str | None
) -> ProductRow:
    await CustomerRepository(uow.session).get(cmd.customer_id, tenant=tenant)
    products = ProductRepository(uow.session)
    today = uow.now().date()
    check_purchase_date(cmd.purchased_on, today)
    until = warranty_until(cmd.purchased_on, cmd.warranty_months)
    existing = await products.find_serial(cmd.category, cmd.model, cmd.serial_no)
    if existing is not None:
        # Named only to whom the other product is visible: not across CRM tenants.
        owner = await uow.session.get(CustomerRow, existing.customer_id)
        visible = tenant is None or (owner is not None and owner.tenant_id == tenant)
        raise Conflict(
            "This serial number is registered already for this category and model.",
            **({"existing_id": str(existing.id)} if visible else {}),
        )
    now = uow.now()
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
        purchase_price=cmd.purchase_price["amount"] if cmd.purchase_price else None,
        purchase_currency=cmd.purchase_price["currency"] if cmd.purchase_price else None,
        sold_by=cmd.sold_by,
        proof_ref=cmd.proof_ref,
        version=1,
        created_at=now,
        updated_at=now,
    )
    products.add(row)
    await uow.session.flush()
    await publish_product(uow, row, registered=True)
    return row


def _installation(row: ProductRow) -> intake.Address | None:
    if row.install_region is None or row.install_city is None or row.install_line is None:
        return None
    return intake.Address(
        region=row.install_region,
        city=row.install_city,
        line=row.install_line,
        postal_code=row.install_postal_code,
    )


async def publish_product(
    uow: UnitOfWork, row: ProductRow, *, registered: bool, changes: list[str] | None = None
) -> None:
    """The product as it is now, for the services that keep their own projection of products
    (billing checks contracts against it)."""
    facts = {
        "product_id": row.id,
        "customer_id": row.customer_id,
        "category": row.category,
        "model": row.model,
        "serial_no": row.serial_no,
        "purchased_on": row.purchased_on,
        "warranty_until": row.warranty_until,
        "contract_no": row.contract_no,
        "installation": _installation(row),
        "tenant_id": (await CustomerRepository(uow.session).get(row.customer_id)).tenant_id,
    }
    data: intake.ProductRegistered | intake.ProductUpdated
    if registered:
        data = intake.ProductRegistered(**facts, registered_at=row.created_at)
    else:
        data = intake.ProductUpdated(
            **facts,
            deregistered=row.deregistered_at is not None,
            changes=changes or [],
            updated_at=row.updated_at,
        )
    uow.publish(data, aggregate_id=row.id, aggregate_version=row.version)


async def update_product(
    uow: UnitOfWork,
    product_id: uuid.UUID,
    changes: dict[str, Any],
    *,
    tenant: str | None,
    expected_version: int | None,
) -> ProductRow:
    """The installation address (where visits go), notes and the sale's facts; ``null``
    clears one. A CRM (``tenant``) may not change the sale's facts once registered."""
    products = ProductRepository(uow.session)
    row = await products.get(product_id, tenant=tenant, lock=True)
    check_version(expected_version, row.version)
    if not changes:
        return row
    changed = sorted(changes)
    if "installation_address" in changes:
        address = changes.pop("installation_address") or {}
        row.install_region = address.get("region")
        row.install_city = address.get("city")
        row.install_line = address.get("line")
        row.install_postal_code = address.get("postal_code")
    if "notes" in changes:
        row.notes = changes.pop("notes")
    sale = {k: changes.pop(k) for k in SALE_FACTS if k in changes}
    if sale and tenant is not None:
        raise Forbidden(
            "The sale's price, seller and proof are given when the product is registered;"
            " after that only the information centre changes them."
        )
    if "purchase_price" in sale:
        price = sale["purchase_price"]
        row.purchase_price = price["amount"] if price else None
        row.purchase_currency = price["currency"] if price else None
    if "sold_by" in sale:
        row.sold_by = sale["sold_by"]
    if "proof_ref" in sale:
        row.proof_ref = sale["proof_ref"]
    row.version += 1
    row.updated_at = uow.now()
    await uow.session.flush()
    await publish_product(uow, row, registered=False, changes=changed)
    return row


SALE_FACTS = ("purchase_price", "sold_by", "proof_ref")


async def transfer_product(
    uow: UnitOfWork,
    product_id: uuid.UUID,
    new_owner: uuid.UUID,
    *,
    tenant: str | None,
    expected_version: int | None,
) -> ProductRow:
    """The product changes owner (sold on, given away): its history and warranty stay with it,
    and its open tickets keep the customer who reported them."""
    products = ProductRepository(uow.session)
    row = await products.get(product_id, tenant=tenant, lock=True)
    check_version(expected_version, row.version)
    try:
        await CustomerRepository(uow.session).get(new_owner, tenant=tenant)
    except NotFound as exc:
        raise Unprocessable(f"Customer {new_owner} does not exist.") from exc
    if new_owner == row.customer_id:
        raise Conflict("The product already belongs to this customer.")
    row.customer_id = new_owner
    row.version += 1
    row.updated_at = uow.now()
    await uow.session.flush()
    await publish_product(uow, row, registered=False, changes=["customer_id"])
    return row
