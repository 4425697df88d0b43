"""Free-service campaigns."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class CampaignRow(Base):
    """A free service campaign (特别服务): matching jobs are class C for what it covers."""

    __tablename__ = "campaigns"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    categories: Mapped[list[str]] = mapped_column(JSONB)
    regions: Mapped[list[str]] = mapped_column(JSONB)
    kinds: Mapped[list[str]] = mapped_column(JSONB)
    from_on: Mapped[date] = mapped_column(Date, index=True)
    to_on: Mapped[date] = mapped_column(Date, index=True)
    covers: Mapped[list[str]] = mapped_column(JSONB)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)
