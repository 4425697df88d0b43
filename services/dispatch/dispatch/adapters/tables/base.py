"""The declarative base of dispatch's tables: the schema's ``metadata`` (complete only
once ``catalog`` is imported) and the column types they share."""

from __future__ import annotations

from sqlalchemy import (
    DateTime,
)
from sqlalchemy.orm import DeclarativeBase

from aftersales.database import make_metadata

metadata = make_metadata("dispatch")


TZ = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = metadata
