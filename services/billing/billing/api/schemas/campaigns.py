"""Free-service campaigns."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from aftersales.http.models import RequestModel
from billing.api.schemas.common import Category, Cover, Kind


class CampaignIn(RequestModel):
    name: str = Field(min_length=1, max_length=120)
    categories: list[Category] = Field(min_length=1, max_length=200)
    regions: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        min_length=1, max_length=500
    )
    kinds: list[Kind] = Field(min_length=1)
    from_: date = Field(alias="from")
    to: date
    covers: list[Cover] = Field(default=["labour", "parts", "travel"], min_length=1)


class CampaignOut(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True)

    id: uuid.UUID
    name: str
    categories: list[str]
    regions: list[str]
    kinds: list[str]
    from_: date = Field(serialization_alias="from")
    to: date
    covers: list[str]
    created_by: str
    created_at: datetime
