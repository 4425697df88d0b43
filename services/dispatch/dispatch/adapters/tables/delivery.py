"""The operator's delivery bands: the days a delivery takes by distance (clause 5)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class DeliveryBandsRow(Base):
    """The one set of bands (``key`` ``default``), replaced whole by ``PUT /v1/delivery-bands``:
    ``pairs`` ``[{from_region, to_region, days}]`` and ``prefix_bands``
    ``[{shared_prefix, days}]`` (``dispatch.domain.delivery``)."""

    __tablename__ = "delivery_bands"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    pairs: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    prefix_bands: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_by: Mapped[str | None] = mapped_column(String(200))
