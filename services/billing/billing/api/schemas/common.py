"""Types every resource's models share: amounts in fen, categories, SKUs, payment methods."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt

from aftersales.http.models import RequestModel

# Strict: "100" and true are not amounts of money.
Fen = Annotated[StrictInt, Field(ge=0, le=10**10, description="integer minor units (fen)")]


Category = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]


Sku = Annotated[str, Field(min_length=1, max_length=60)]


Schedule = Literal["once", "monthly", "quarterly", "yearly"]


Cover = Literal["labour", "parts", "travel"]


Kind = Literal[
    "install", "repair", "relocation", "maintenance", "consultation", "training", "complaint"
]


class MoneyIn(RequestModel):
    amount: StrictInt = Field(gt=0, le=10**10, description="integer minor units (fen)")
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")


PaymentMethod = Literal["cash", "card", "transfer", "wallet"]


NonCashMethod = Literal["card", "transfer", "wallet"]


Reference = Annotated[str, Field(min_length=1, max_length=100)]
