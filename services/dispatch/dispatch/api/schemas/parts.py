"""The parts master."""

from __future__ import annotations

from pydantic import BaseModel, Field, StrictInt

from aftersales.http.models import RequestModel
from dispatch.api.schemas.common import SKU


class PartMasterIn(RequestModel):
    sku: str = Field(pattern=SKU, description="upper-case letters, digits, _ - .")
    name: str = Field(min_length=1, max_length=200)
    categories: list[str] = Field(min_length=1, max_length=50)
    unit: str = Field(min_length=1, max_length=20, description="pcs, m, kg ...")
    models: list[str] = Field(default_factory=list, max_length=500)
    standard_cost: StrictInt | None = Field(default=None, ge=0, le=100_000_000_00)
    return_required: bool = False
    return_within_days: int = Field(default=30, ge=1, le=365)


class PartMasterPatch(RequestModel):
    """Fields left out stay as they are. ``finance`` may set only ``standard_cost``."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    categories: list[str] | None = Field(default=None, min_length=1, max_length=50)
    unit: str | None = Field(default=None, min_length=1, max_length=20)
    models: list[str] | None = Field(default=None, max_length=500)
    standard_cost: StrictInt | None = Field(default=None, ge=0, le=100_000_000_00)
    return_required: bool | None = None
    return_within_days: int | None = Field(default=None, ge=1, le=365)


class PartMasterOut(BaseModel):
    sku: str
    name: str
    categories: list[str]
    models: list[str]
    unit: str
    standard_cost: int | None
    return_required: bool
    return_within_days: int
    version: int
