"""Types several resources share: region codes, categories, SKUs, and the base of a PATCH."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from aftersales.http.models import RequestModel

RegionCode = Annotated[str, Field(pattern=r"^\d{6}$", description="administrative region code")]
Category = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]


class Patch(RequestModel):
    """A partial change: fields may be left out, not set to null."""

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(v is None for v in data.values()):
            raise ValueError("fields may be left out but not set to null")
        return data


SKU = r"^[A-Z0-9][A-Z0-9_\-.]{0,39}$"
