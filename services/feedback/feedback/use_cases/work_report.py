"""The monthly work report to management (clause 3), per technician, per point and per staff
member of the centre: the work done, the six callback outcomes, and, per person, the month's
strikes and reward (clause 1: the standard shows in rewards as well as penalties)."""

from __future__ import annotations

from typing import Any

from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.repositories.discipline import StrikeRepository
from feedback.adapters.repositories.reports import ReportRepository
from feedback.adapters.repositories.rewards import RewardRepository
from feedback.domain.callbacks import OUTCOMES
from feedback.use_cases.policy import FeedbackPolicy, month_bounds
from feedback.use_cases.rewards import staff_months

COLUMNS = (
    "month",
    "kind",
    "id",
    "jobs",
    "on_site",
    "workshop",
    "labor_minutes",
    "travel_km",
    "parts_lines",
    "callbacks_reached",
    "satisfied",
    "late_arrivals",
    "complaints",
    "role",
    *(f"outcome_{o}" for o in OUTCOMES),
    "strikes",
    "reward",
)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row as the CSV has it: each outcome a column of its own."""
    outcomes = row.get("outcomes") or {}
    return {**row, **{f"outcome_{o}": outcomes.get(o, 0) for o in OUTCOMES}}


async def work_report(
    uow: UnitOfWork, month: str, *, policy: FeedbackPolicy
) -> dict[str, list[dict[str, Any]]]:
    reports = ReportRepository(uow.session)
    complaints = ComplaintRepository(uow.session)
    start, end = month_bounds(month, policy)
    strikes = await StrikeRepository(uow.session).counts_between(start, end)
    rewards = {r.staff_id: r.amount for r in await RewardRepository(uow.session).of_month(month)}
    sections: dict[str, list[dict[str, Any]]] = {}
    for kind in ("technician", "point"):
        complained = await complaints.counts(month, by=kind)
        rows = []
        for r in await reports.work(month, by=kind):
            row: dict[str, Any] = {
                "month": month,
                "kind": kind,
                "id": str(r[0]),
                "jobs": int(r[1]),
                "on_site": int(r[2]),
                "workshop": int(r[3]),
                "labor_minutes": int(r[4]),
                "travel_km": int(r[5]),
                "parts_lines": int(r[6]),
                "callbacks_reached": int(r[7]),
                "satisfied": int(r[8]),
                "late_arrivals": int(r[9]),
                "complaints": complained.get(r[0], 0),
                "outcomes": dict(zip(OUTCOMES, (int(v) for v in r[10:16]), strict=True)),
            }
            if kind == "technician":
                row |= {
                    "role": "technician",
                    "strikes": strikes.get(r[0], 0),
                    "reward": rewards.get(r[0]),
                }
            rows.append(row)
        sections[kind] = rows
    # The centre's staff, and technicians with a strike or reward but no job this month.
    listed = {row["id"] for row in sections["technician"]}
    complained = await complaints.counts(month, by="staff")
    staff_rows = []
    for sm in await staff_months(uow, month):
        m = sm.member
        quiet = not (strikes.get(m.id) or rewards.get(m.id))
        if m.role == "technician" and (str(m.id) in listed or quiet):
            continue
        staff_rows.append(
            {
                "month": month,
                "kind": "staff",
                "id": str(m.id),
                "role": m.role,
                "name": m.name,
                "jobs": sm.month.jobs,
                "callbacks_reached": sm.month.reached,
                "satisfied": sm.month.satisfied,
                "complaints": complained.get(m.id, 0),
                "outcomes": {o: sm.outcomes.get(o, 0) for o in OUTCOMES},
                "strikes": strikes.get(m.id, 0),
                "reward": rewards.get(m.id),
            }
        )
    sections["staff"] = staff_rows
    return sections
