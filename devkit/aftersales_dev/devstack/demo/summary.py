"""What this run did, and only this run: its tickets by outcome, their charges by service class,
its points' grades, its parts, and finance's side of the money its technicians took."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from aftersales_client.api.billing import list_charges
from aftersales_client.api.dispatch import get_order, list_returns, stock_movements
from aftersales_client.api.feedback import point_scorecards
from aftersales_client.types import UNSET
from rich.console import Console
from rich.table import Table

from aftersales_dev.devstack.demo.network import point_codes
from aftersales_testing.world import World


async def print_summary(
    w: World,
    data: dict[str, Any],
    console: Console,
    outcomes: Counter[str],
    failures: list[str],
) -> None:
    month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
    table = Table(title="Tickets by final status (this run)")
    table.add_column("status")
    table.add_column("tickets", justify="right")
    for status, n in sorted(outcomes.items()):
        table.add_row(status, str(n))
    if failures:
        table.add_row("[red]failed[/]", str(len(failures)))
    console.print(table)

    charges = Table(title="Charges by service class (this run)")
    for col in ("class", "charges", "customers pay", "company bears", "paid"):
        charges.add_column(col, justify="right")
    for cls, n, pay, bear, paid in _by_class(await _charges(w, data["tickets"])):
        charges.add_row(
            cls, str(n), f"{pay / 100:,.2f}", f"{bear / 100:,.2f}", f"{paid / 100:,.2f}"
        )
    console.print(charges)

    # Every point's card of the month; the demo shows its own points'.
    cards = await w.call(point_scorecards, 200, client=w.api("feedback", w.agent), month=month)
    points = point_codes(data)
    mine = [c for c in cards.get("items", []) if c["point_id"] in points]
    grades = Table(title=f"This run's network points, {month}: the grade their scorecard gives")
    for col in ("point", "jobs", "satisfaction", "first-visit fix", "complaints/100", "grade"):
        grades.add_column(col, justify="right")
    for c in sorted(mine, key=lambda c: points[c["point_id"]]):

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v:.0%}"

        grades.add_row(
            points[c["point_id"]],
            str(c["jobs"]),
            pct(c["satisfaction_rate"]),
            pct(c["first_visit_fix_rate"]),
            "-" if c["complaints_per_100_jobs"] is None else f"{c['complaints_per_100_jobs']:.1f}",
            c.get("grade", "-"),
        )
    console.print(grades)
    await print_parts_summary(w, data, console)
    if failures:
        console.print(f"[red]{len(failures)} ticket(s) failed[/]: {failures[:3]}")


async def _charges(w: World, tickets: list[str]) -> list[dict[str, Any]]:
    """Every charge of this run's tickets (a ticket has one per visit, or none)."""
    finance = w.api("billing", w.finance)
    sem = asyncio.Semaphore(8)

    async def of(ticket_id: str) -> list[dict[str, Any]]:
        async with sem:
            page = await w.call(
                list_charges, 200, client=finance, ticket_id=UUID(ticket_id), limit=100
            )
            return page["items"]  # type: ignore[no-any-return]

    found = await asyncio.gather(*(of(t) for t in tickets))
    return [c for charges in found for c in charges]


def _by_class(charges: list[dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    """Per service class: charges, what customers pay, what the company bears, what is paid
    (minor units), as finance's revenue report sums a month."""
    sums: dict[str, list[int]] = {}
    for c in charges:
        row = sums.setdefault(c["service_class"], [0, 0, 0, 0])
        row[0] += 1
        row[1] += c["customer_total"]["amount"]
        row[2] += c["company_cost"]["amount"]
        row[3] += c["paid"]["amount"]
    return [(cls, n, pay, bear, paid) for cls, (n, pay, bear, paid) in sorted(sums.items())]


async def print_field_money(w: World, data: dict[str, Any], console: Console) -> None:
    """Finance's side of what the field took: the card slips matched to the acquirer's
    statement, and one partner point's remittance of its technicians' cash."""
    table = Table(title="Money in the field: the customer has paid; does the company have it?")
    for col in ("what", "payments", "CNY"):
        table.add_column(col, justify="right" if col != "what" else "left")
    cards = data["cards"]
    if cards:
        statement = f"ACQ-{date.today().isoformat()}-{uuid.uuid4().hex[:4].upper()}"
        done = await w.ok(
            await w.billing.post(
                "/v1/payments/reconcile",
                json={
                    "method": "card",
                    "statement_ref": statement,
                    "payments": [{"reference": ref, "amount": amount} for ref, amount in cards],
                },
                headers=w.finance,
            )
        )
        table.add_row(
            f"card payments reconciled (statement {statement})",
            str(len(done["payments"])),
            f"{done['amount']['amount'] / 100:,.2f}",
        )
    cash = data["cash"]
    if cash:
        point_id, taken = max(cash.items(), key=lambda kv: sum(a for _, a in kv[1]))
        codes = point_codes(data)
        owed = await w.ok(
            await w.billing.get(
                "/v1/cash",
                params={"point_id": point_id, "outstanding": "true"},
                headers=w.finance,
            )
        )
        table.add_row(
            f"cash owed by partner {codes.get(point_id, point_id[:8])} before its remittance",
            str(len(owed["items"])),
            f"{owed['held']['amount'] / 100:,.2f}",
        )
        remitted = await w.ok(
            await w.billing.post(
                "/v1/cash-remittances",
                json={
                    "point_id": point_id,
                    "payment_ids": [pid for pid, _ in taken],
                    "reference": f"BANK-REMIT-{uuid.uuid4().hex[:6].upper()}",
                },
                headers=w.finance,
            ),
            201,
        )
        table.add_row(
            f"cash remitted by partner {codes.get(point_id, point_id[:8])}",
            str(remitted["payments"]),
            f"{remitted['amount']['amount'] / 100:,.2f}",
        )
    console.print(table)


async def print_parts_summary(w: World, data: dict[str, Any], console: Console) -> None:
    """This run's parts: the movements at its warehouse and points, its points' defective
    returns, its customers' parts orders."""
    agent = w.api("dispatch", w.agent)
    points = list(point_codes(data))
    moves: Counter[str] = Counter()
    for location_id in [data["warehouse"]["id"], *points]:
        cursor: str | None = None
        while True:
            body = await w.call(
                stock_movements,
                200,
                client=agent,
                location_id=UUID(location_id),
                limit=100,
                cursor=cursor or UNSET,
            )
            moves.update(m["kind"] for m in body["items"])
            cursor = body.get("next_cursor")
            if not cursor:
                break
    returns: Counter[str] = Counter()
    for point_id in points:
        listed = await w.call(list_returns, 200, client=agent, point_id=UUID(point_id), limit=100)
        returns.update(r["status"] for r in listed)
    orders: Counter[str] = Counter()
    for order_id in data["orders"]:
        orders[(await w.call(get_order, 200, UUID(order_id), client=agent))["status"]] += 1
    table = Table(title="Spare parts: stock movements, defective returns, parts orders")
    table.add_column("what")
    table.add_column("count", justify="right")
    for kind, n in sorted(moves.items()):
        table.add_row(f"movement: {kind}", str(n))
    for status, n in sorted(returns.items()):
        table.add_row(f"return: {status}", str(n))
    for status, n in sorted(orders.items()):
        table.add_row(f"parts order: {status}", str(n))
    console.print(table)
