"""The price list's models."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, Field

from aftersales.http.models import RequestModel
from billing.api.schemas.common import Category, Fen, Kind, Sku


class PartPrice(RequestModel):
    price: Fen
    cost: Fen = Field(description="what the company bears when it gives the part away")


class TravelBandIn(RequestModel):
    up_to_km: int = Field(ge=0, le=100_000)
    fee: Fen


class PriceListIn(RequestModel):
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    effective_from: AwareDatetime | None = Field(
        default=None, description="when the list takes effect; now if left out (never the past)"
    )
    labour_per_hour: dict[Category, Fen] = Field(min_length=1, max_length=200)
    labour_unit_minutes: int = Field(
        default=15, ge=1, le=60, description="labour is billed in started units of this length"
    )
    parts: dict[Sku, PartPrice] = Field(default_factory=dict, max_length=20_000)
    travel_bands: list[TravelBandIn] = Field(min_length=1, max_length=50)
    callout_fees: dict[Kind, Fen] = Field(default_factory=dict)
    replacement_values: dict[Category, Fen] = Field(
        default_factory=dict, description="what a 三包 replacement costs the company, by category"
    )


class PriceListOut(BaseModel):
    version: int
    effective_from: datetime
    currency: str
    labour_per_hour: dict[str, int]
    labour_unit_minutes: int
    parts: dict[str, dict[str, int]]
    travel_bands: list[dict[str, int]]
    callout_fees: dict[str, int]
    replacement_values: dict[str, int]
    created_by: str
    created_at: datetime


class PriceListVersions(BaseModel):
    items: list[PriceListOut]
