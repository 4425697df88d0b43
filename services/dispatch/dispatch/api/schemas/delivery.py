"""The delivery bands: the days a delivery to the door is promised in, by distance."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel

Region = Field(
    min_length=1,
    max_length=12,
    description="an administrative region code or its prefix: 2 digits a province, 4 a city,"
    " 6 a district (310000 is the province 31)",
)


class PairIn(RequestModel):
    from_region: str = Region
    to_region: str = Region
    days: int = Field(description="calendar days from shipping to arrival, at least 1")


class PrefixBandIn(RequestModel):
    shared_prefix: int = Field(
        description="2: the warehouse and the address are in the same province; 4: the same"
        " city; 6: the same district"
    )
    days: int = Field(description="calendar days from shipping to arrival, at least 1")


class DeliveryBandsIn(RequestModel):
    pairs: list[PairIn] = Field(default_factory=list, max_length=2000)
    prefix_bands: list[PrefixBandIn] = Field(default_factory=list, max_length=3)


class PairOut(BaseModel):
    from_region: str
    to_region: str
    days: int


class PrefixBandOut(BaseModel):
    shared_prefix: int
    days: int


class DeliveryBandsOut(BaseModel):
    pairs: list[PairOut] = Field(
        description="from the warehouse's region to the address's: the most specific wins"
    )
    prefix_bands: list[PrefixBandOut] = Field(
        description="when no pair matches: the longest prefix the two regions share"
    )
    default_days: int = Field(description="when nothing matches (DISPATCH_DELIVERY_DEFAULT_DAYS)")
    version: int = Field(description="0 before the first set; send it as If-Match to replace")
    updated_at: datetime | None
    updated_by: str | None
