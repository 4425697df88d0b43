"""What the other schemas share: addresses, money, time windows."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, StrictInt

from aftersales.http.models import RequestModel as Request


class AddressIn(Request):
    region: str = Field(pattern=r"^\d{6}$", description="administrative region code, e.g. 310115")
    city: str = Field(min_length=1, max_length=100)
    line: str = Field(min_length=1, max_length=300)
    postal_code: str | None = Field(default=None, max_length=12)


class Address(BaseModel):
    region: str
    city: str
    line: str
    postal_code: str | None


class Money(BaseModel):
    amount: int = Field(description="integer minor units (fen)")
    currency: str = "CNY"


class MoneyIn(Request):
    amount: StrictInt = Field(gt=0, le=100_000_000_00, description="integer minor units (fen)")
    currency: Literal["CNY"] = "CNY"


class WindowIn(Request):
    start: datetime
    end: datetime


class WindowOut(BaseModel):
    start: datetime
    end: datetime
