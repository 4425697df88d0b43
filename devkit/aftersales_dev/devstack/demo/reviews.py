"""Claims review in the demo: one technician of the run claims 15 hours of labour on a simple
repair; billing holds the charge for finance, which lists the run's flags with their reasons
and adjusts the inflated claim (a deduction from the point's settlement)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from aftersales_dev.devstack.demo.network import point_codes
from aftersales_testing.world import World

INFLATED_MINUTES = 900  # beyond the 720 minutes a visit plausibly takes


def inflate_once(data: dict[str, Any]) -> bool:
    """Whether this report is the run's inflated claim (the first on-site repair reported)."""
    if data.get("inflated"):
        return False
    data["inflated"] = True
    return True


async def print_claims_review(w: World, data: dict[str, Any], console: Console) -> None:
    codes = point_codes(data)
    flags: list[dict[str, Any]] = []
    for point_id in codes:
        page = await w.ok(
            await w.billing.get(
                "/v1/reviews",
                params={"status": "open", "point_id": point_id, "limit": 100},
                headers=w.finance,
            )
        )
        flags.extend(page["items"])
    table = Table(title="Claims review: flagged claims of this run, with their reasons")
    for col in ("point", "rule", "action", "figure", "norm", "reason", "finance"):
        table.add_column(col)
    for flag in sorted(flags, key=lambda f: (f["flagged_at"], f["id"])):
        decision = ""
        if flag["rule"] == "implausible_labour":
            adjusted = await w.ok(
                await w.billing.post(
                    f"/v1/reviews/{flag['id']}/adjust",
                    json={
                        "note": "the job card shows 90 minutes of work",
                        "point_deduction": {"amount": 20_000, "currency": "CNY"},
                    },
                    headers=w.finance,
                )
            )
            decision = f"{adjusted['status']}: 200.00 off the point's settlement"
        table.add_row(
            codes.get(flag["point_id"], "?"),
            flag["rule"],
            flag["action"],
            _number(flag["figure"]),
            _number(flag["norm"]),
            flag["reason"][:70],
            decision,
        )
    console.print(table)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
