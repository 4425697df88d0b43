"""What comes off a point's settlement (deductions, staff penalties), the closed months and
the frozen statements."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class PointDeductionRow(Base):
    """What comes off a point's settlement: complaints, penalties, SLA breaches."""

    __tablename__ = "point_deductions"
    __table_args__ = (
        UniqueConstraint("kind", "source_id"),
        Index("ix_point_deductions_point_id_month", "point_id", "month"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    month: Mapped[str] = mapped_column(String(7))
    kind: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[uuid.UUID]
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(TZ)


class StaffPenaltyRow(Base):
    """A penalty on a staff member (the second strike, §1 (15)): the technician's ledger."""

    __tablename__ = "staff_penalties"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    technician_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    complaint_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    strike: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    # Deducted from the point's settlement too: only when the point is a partner.
    deducted_from_point: Mapped[bool] = mapped_column(Boolean)
    month: Mapped[str] = mapped_column(String(7))
    decided_at: Mapped[datetime] = mapped_column(TZ)


class StaffRewardRow(Base):
    """A staff member's reward for meeting the month's standard (``feedback.staff.rewarded.v1``),
    recorded once per reward. A partner point's staff are paid it through the point's
    settlement (``settlement_month``: the reward's month, or the first open one after it); the
    company pays its own staff itself."""

    __tablename__ = "staff_rewards"
    __table_args__ = (Index("ix_staff_rewards_point_id_month", "point_id", "settlement_month"),)

    reward_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff_id: Mapped[uuid.UUID] = mapped_column(index=True)
    role: Mapped[str] = mapped_column(String(30))
    point_id: Mapped[uuid.UUID | None]
    technician_id: Mapped[uuid.UUID | None]
    # The month the reward is for.
    month: Mapped[str] = mapped_column(String(7))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    paid_through_point: Mapped[bool] = mapped_column(Boolean)
    # The statement that pays it (a partner point's only).
    settlement_month: Mapped[str | None] = mapped_column(String(7))
    decided_at: Mapped[datetime] = mapped_column(TZ)
    recorded_at: Mapped[datetime] = mapped_column(TZ)


class ClosedMonthRow(Base):
    __tablename__ = "closed_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_by: Mapped[str] = mapped_column(String(200))
    closed_at: Mapped[datetime] = mapped_column(TZ)
    # Closed before feedback graded it: finance forced it, and why.
    forced_reason: Mapped[str | None] = mapped_column(Text)


class SettlementRow(Base):
    """A closed statement: immutable (a trigger refuses updates and deletes)."""

    __tablename__ = "settlements"
    __table_args__ = (UniqueConstraint("point_id", "month"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    month: Mapped[str] = mapped_column(String(7), index=True)
    jobs: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str | None] = mapped_column(String(1))
    grade_factor_percent: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(BigInteger)
    deductions: Mapped[int] = mapped_column(BigInteger)
    net: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    statement: Mapped[dict[str, Any]] = mapped_column(JSONB)
    closed_at: Mapped[datetime] = mapped_column(TZ)
