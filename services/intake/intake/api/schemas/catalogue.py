"""The service catalogue: which kinds each product category is offered, and how fast."""

from __future__ import annotations

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel as Request
from intake.domain.tickets import TicketKind


class CategoryOfferIO(Request):
    category: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")
    kinds: list[TicketKind] = Field(description="request kinds offered for this category")
    respond_within_hours: dict[TicketKind, int] = Field(
        default_factory=dict, description="per-kind response SLA; others use the default"
    )
    complete_within_hours: dict[TicketKind, int] = Field(
        default_factory=dict,
        description="per-kind hours to finish (e.g. training 744); others use the default",
    )


class ServiceCatalogueIO(Request):
    categories: list[CategoryOfferIO] = Field(
        max_length=500,
        description="categories without an entry are offered every kind (full service)",
    )


class ServiceCatalogueOut(BaseModel):
    categories: list[CategoryOfferIO]
    revision: int
    default_respond_within_hours: dict[str, float] = Field(
        description="the response SLA of kinds that a category entry does not set"
    )
    default_complete_within_hours: dict[str, float] = Field(
        description="hours to finish, per kind, where a category entry does not set them"
    )
