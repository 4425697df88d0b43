"""feedback's tables for customers, receptions, planned-visit alerts and staff fines (schema
``feedback``; the rest are in ``tables``, on the same metadata)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Index, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from feedback.adapters.tables import TZ, Base


class CustomerRow(Base):
    """A customer as intake's ticket events describe them: the latest name, and the ``type``
    (consumer, dealer, direct; None until an event says one)."""

    __tablename__ = "customers"

    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str | None] = mapped_column(String(10))
    first_seen_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class ReceptionRow(Base):
    """A visiting customer's reception (clause 7): the host from arrival to departure, and what
    the host arranges (lodging, appointments, the return ticket)."""

    __tablename__ = "receptions"
    __table_args__ = (Index("ix_receptions_arrives_at_id", "arrives_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    host_staff_id: Mapped[uuid.UUID] = mapped_column(index=True)
    arrives_at: Mapped[datetime] = mapped_column(TZ)
    departs_at: Mapped[datetime] = mapped_column(TZ)
    arrangements: Mapped[list[str]] = mapped_column(JSONB)
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)


class VisitAlertRow(Base):
    """A planned visit reported late (``feedback.visit.overdue.v1``): one row per plan and due
    day, its primary key the claim that makes the event once whichever replica comes first."""

    __tablename__ = "visit_alerts"

    plan_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    due_on: Mapped[date] = mapped_column(Date, primary_key=True)
    noticed_at: Mapped[datetime] = mapped_column(TZ)


class StaffFineRow(Base):
    """A money penalty on a staff member: a substantiated complaint about a reception fines its
    host (clause 7), once per complaint."""

    __tablename__ = "staff_fines"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff_id: Mapped[uuid.UUID] = mapped_column(index=True)
    role: Mapped[str] = mapped_column(String(20))
    point_id: Mapped[uuid.UUID | None]
    complaint_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    reception_id: Mapped[uuid.UUID | None]
    reason: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    month: Mapped[str] = mapped_column(String(7))
    decided_at: Mapped[datetime] = mapped_column(TZ)
