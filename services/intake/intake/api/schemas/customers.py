"""Customers and their products (service vouchers)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from aftersales.http.models import RequestModel as Request
from intake.api.schemas.common import Address, AddressIn, Money, MoneyIn
from intake.domain.business import CustomerType

TYPE_DESCRIPTION = (
    "consumer (the default), dealer (代理) or direct (an industrial or fleet customer): a "
    "business customer's duties are ticket kinds of their own"
)


class CustomerIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "王芳",
                    "phone": "13812345678",
                    "email": "wang.fang@example.com",
                    "address": {"region": "310115", "city": "上海", "line": "世纪大道88号"},
                    "external_ref": "CRM-000123",
                }
            ]
        }
    )

    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=5, max_length=40)
    email: EmailStr | None = None
    address: AddressIn
    external_ref: str | None = Field(default=None, min_length=1, max_length=100)
    type: CustomerType = Field(default="consumer", description=TYPE_DESCRIPTION)


class CustomerOut(BaseModel):
    id: uuid.UUID
    name: str
    phone: str
    email: str | None
    address: Address
    external_ref: str | None
    type: CustomerType = Field(default="consumer", description=TYPE_DESCRIPTION)
    version: int
    created_at: datetime
    updated_at: datetime


class CustomerPatch(Request):
    """Contact data; fields left out stay as they are."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=5, max_length=40)
    email: EmailStr | None = None
    address: AddressIn | None = None
    external_ref: str | None = Field(default=None, min_length=1, max_length=100)
    type: CustomerType | None = Field(default=None, description=TYPE_DESCRIPTION)


class ProductIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "category": "air_conditioner",
                    "model": "KFR-35GW",
                    "serial_no": "AC2026ABC123",
                    "purchased_on": "2026-06-18",
                    "warranty_months": 12,
                }
            ]
        }
    )

    category: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")
    model: str = Field(min_length=1, max_length=100)
    serial_no: str = Field(min_length=1, max_length=100)
    purchased_on: date
    warranty_months: int = Field(ge=0, le=120)
    contract_no: str | None = Field(default=None, min_length=1, max_length=60)
    purchase_price: MoneyIn | None = Field(
        default=None, description="what the customer paid for it: a refund may not exceed it"
    )
    sold_by: str | None = Field(
        default=None, min_length=1, max_length=200, description="the dealer or shop that sold it"
    )
    proof_ref: str | None = Field(
        default=None, min_length=1, max_length=100, description="the sale's invoice reference"
    )


class ProductOut(BaseModel):
    id: uuid.UUID
    customer_id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_months: int
    warranty_until: date
    in_warranty: bool
    contract_no: str | None
    replaces_product_id: uuid.UUID | None = None
    installation_address: Address | None = Field(
        default=None, description="where the product is installed, when not at the owner's"
    )
    notes: str | None = None
    deregistered_at: datetime | None = Field(default=None, description="refunded (三包)")
    purchase_price: Money | None = None
    sold_by: str | None = None
    proof_ref: str | None = None
    version: int


class ProductPatch(Request):
    """Fields left out stay as they are; ``null`` clears one. The sale's facts (price, seller,
    proof) are the information centre's to set after registration (a CRM gives them when it
    registers the product)."""

    installation_address: AddressIn | None = Field(
        default=None, description="visits go here; null: back to the owner's address"
    )
    notes: str | None = Field(default=None, max_length=4000)
    purchase_price: MoneyIn | None = None
    sold_by: str | None = Field(default=None, min_length=1, max_length=200)
    proof_ref: str | None = Field(default=None, min_length=1, max_length=100)
