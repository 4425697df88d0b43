"""The schema's ``metadata`` and the declarative base every table of billing derives from."""

from __future__ import annotations

from sqlalchemy import DateTime
from sqlalchemy.orm import DeclarativeBase

from aftersales.database import make_metadata

metadata = make_metadata("billing")


TZ = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = metadata
