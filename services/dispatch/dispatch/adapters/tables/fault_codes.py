"""Each category's list of fault codes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Integer,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class FaultCodeListRow(Base):
    """The operator's fault codes for one product category: ``{code: label}`` per kind."""

    __tablename__ = "fault_codes"

    category: Mapped[str] = mapped_column(String(60), primary_key=True)
    symptoms: Mapped[dict[str, str]] = mapped_column(JSONB)
    causes: Mapped[dict[str, str]] = mapped_column(JSONB)
    actions: Mapped[dict[str, str]] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
