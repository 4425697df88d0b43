"""Statements per closed ticket: each counted statement put in a category (foreign-key checks,
inbox, outbox and its parts, timeline, pollers, scanners, ...), summed per service and table,
and printed; two accounts side by side for an A/B."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

BENCH_ROLE = "postgres"  # the superuser: the bench's own queries (settle, latencies)
SERVICES = ("intake", "dispatch", "billing", "feedback")

# The bench's pollers: GET /v1/jobs?status=offered on dispatch, GET /v1/callbacks?status=due on
# feedback (bench/lifecycle_workers.py, Lifecycle._poll).
POLLED = {"dispatch": "dispatch.jobs", "feedback": "feedback.callbacks"}

# (category, test on the lower-cased statement); the first that matches wins. Categories whose
# test is None are decided in ``categorise``.
CATEGORIES: list[tuple[str, str | None]] = [
    ("foreign-key checks", r"^select (1|\$\d+) from only "),
    ("transaction control", r"^(begin|commit|rollback|savepoint|release|start transaction|end)\b"),
    ("inbox", r"\binbox\b"),
    ("outbox", r"\boutbox\b|pg_notify"),
    ("timeline", r"\b(ticket_timeline|job_history)\b"),
    ("idempotency keys", r"\bidempotency_keys\b|pg_try_advisory_xact_lock"),
    ("rate limits", r"\brate_limits\b"),
    ("audit", r"\baudit_log\b"),
    ("dead letters", r"\bdead_letters\b"),
    ("pollers' list reads", None),
    (
        "connection setup",
        r"typeinfo_tree|set_config|current_setting|pg_catalog\.version|^show |^set ",
    ),
    ("clock-driven scanners", None),
    ("webhook fan-out", r"\bwebhook_"),
    ("customer notifications", r"\bintake\.notification"),
    ("domain", None),
]

OUTBOX_PARTS = [
    ("insert", r"^insert into \w+\.outbox"),
    ("notify trigger", r"pg_notify"),
    ("relay claim", r"^select .* from \w+\.outbox .*for update"),
    ("mark sent", r"^update \w+\.outbox"),
    ("backlog gauge", r"count\(\*\)"),
]


def _flat(query: str) -> str:
    return " ".join(query.split()).lower()


def main_table(query: str) -> str:
    """The table a statement is about: INSERT INTO / UPDATE / DELETE FROM's, or a SELECT's
    first FROM outside parentheses; else the statement's first word(s)."""
    q = " ".join(query.split())
    m = re.match(r"(?i)(insert into|update|delete from)\s+(\"?[\w.\"]+)", q)
    if m:
        return m.group(2).replace('"', "")
    m = re.match(r'(?i)select (1|\$\d+) from only ("?[\w."]+)', q)
    if m:
        return "(RI check)"
    depth = 0
    i = 0
    lower = q.lower()
    while i < len(q):
        ch = q[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and lower.startswith(" from ", i):
            rest = q[i + 6 :].split(" ", 1)[0]
            return rest.replace('"', "").rstrip(",")
        i += 1
    return " ".join(q.split()[:2])


def _is_poll(role: str, flat: str) -> bool:
    table = POLLED.get(role)
    if table is None or not flat.startswith("select "):
        return False
    return (
        main_table(flat) == table
        and " limit " in flat
        and " order by " in flat
        and "for update" not in flat
    )


def categorise(role: str, query: str, idle: set[tuple[str, str]]) -> str:
    flat = _flat(query)
    for name, pattern in CATEGORIES:
        if name == "pollers' list reads":
            if _is_poll(role, flat):
                return name
            continue
        if name == "clock-driven scanners":
            if (role, flat) in idle:
                return name
            continue
        if pattern is None or re.search(pattern, flat):
            return name
    return "domain"


def outbox_part(query: str) -> str:
    flat = _flat(query)
    for name, pattern in OUTBOX_PARTS:
        if re.search(pattern, flat):
            return name
    return "other"


def short(query: str, width: int = 160) -> str:
    """A statement made readable: a long select list or insert column list folded."""
    q = " ".join(query.split())
    q = re.sub(r"::(TIMESTAMP WITH(OUT)? TIME ZONE|[A-Z_]+(\(\d+\))?(\[\])?)", "", q)  # $1::UUID
    m = re.match(r"(?i)^(select(?: distinct)? )(.*)$", q)
    if m:
        cols, depth, i = m.group(2), 0, 0
        while i < len(cols):
            if cols[i] == "(":
                depth += 1
            elif cols[i] == ")":
                depth -= 1
            elif depth == 0 and cols.lower().startswith(" from ", i):
                break
            i += 1
        if i > 60:
            n = cols[:i].count(",") + 1
            q = f"{m.group(1)}<{n} columns>{cols[i:]}"
    m = re.match(r"(?i)^(insert into [\w.]+) \(([^)]*)\) values \(.*?\)(.*)$", q)
    if m:
        q = f"{m.group(1)} (<{m.group(2).count(',') + 1} columns>) VALUES (...){m.group(3)}"
    return q if len(q) <= width else q[: width - 1] + "…"


def account(
    statements: list[dict[str, Any]],
    closed: int,
    *,
    seconds: float,
    polls: int,
    idle: dict[str, Any] | None = None,
    written: dict[str, Any] | None = None,
    top: int = 30,
) -> dict[str, Any]:
    """Statements per closed ticket: in total, by service, by category (with the outbox's
    parts), by table, the foreign-key checks' likely sources, and the ``top`` statements."""
    closed = max(1, closed)
    idle_statements = (idle or {}).get("statements", [])
    idle_seconds = float((idle or {}).get("seconds", 0)) or 1.0
    idle_keys = {(s["role"], _flat(s["query"])) for s in idle_statements if s["role"] in SERVICES}

    def per(n: float) -> float:
        return round(n / closed, 2)

    mine = [s for s in statements if s["role"] != BENCH_ROLE]
    total = sum(s["calls"] for s in mine)
    by_service: dict[str, int] = defaultdict(int)
    by_category: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    outbox: dict[str, int] = defaultdict(int)
    by_table: dict[str, int] = defaultdict(int)
    rows = []
    for s in mine:
        category = categorise(s["role"], s["query"], idle_keys)
        by_service[s["role"]] += s["calls"]
        by_category[category][s["role"]] += s["calls"]
        if category == "outbox":
            outbox[outbox_part(s["query"])] += s["calls"]
        table = main_table(s["query"])
        if table not in ("(RI check)",) and "." in table:
            by_table[table] += s["calls"]
        rows.append((s, category))
    categories = {
        name: {
            "per_ticket": per(sum(by_category[name].values())),
            "by_service": {svc: per(n) for svc, n in sorted(by_category[name].items())},
        }
        for name, _ in CATEGORIES
        if name in by_category
    }
    if outbox:
        categories["outbox"]["parts"] = {k: per(v) for k, v in outbox.items()}
    if "pollers' list reads" in categories:
        categories["pollers' list reads"]["requests"] = polls
    idle_total = sum(s["calls"] for s in idle_statements if s["role"] in SERVICES)
    rows.sort(key=lambda r: -r[0]["calls"])
    out: dict[str, Any] = {
        "tickets_closed": closed,
        "seconds": round(seconds, 1),
        "statements": total,
        "per_ticket": per(total),
        "top_level_per_ticket": per(sum(s["calls"] for s in mine if s["toplevel"])),
        "nested_per_ticket": per(sum(s["calls"] for s in mine if not s["toplevel"])),
        "by_service": {svc: per(n) for svc, n in sorted(by_service.items())},
        "categories": categories,
        # what the services run with no load at all (relays, scanners, consumers' clocks), at
        # the idle rate over this span: a share of the totals that is per second, not per ticket
        "at_idle_rate_per_ticket": per(idle_total / idle_seconds * seconds),
        "by_table": dict(sorted(((t, per(n)) for t, n in by_table.items()), key=lambda kv: -kv[1])),
        "top": [
            {
                "per_ticket": per(s["calls"]),
                "service": s["role"],
                "nested": not s["toplevel"],
                "category": category,
                "rows_per_call": round(s["rows"] / s["calls"], 2) if s["calls"] else 0,
                "statement": short(s["query"]),
                "query": s["query"],
            }
            for s, category in rows[:top]
        ],
        "all": [
            {
                "per_ticket": per(s["calls"]),
                "service": s["role"],
                "nested": not s["toplevel"],
                "category": category,
                "statement": short(s["query"], 400),
            }
            for s, category in rows
            if s["calls"] / closed >= 0.01
        ],
    }
    if written is not None:
        out["rows_written_per_ticket"] = {
            table: {k: per(v) for k, v in counts.items() if v}
            for table, counts in sorted(written["written"].items())
        }
        out["fk_estimate"] = fk_estimate(written, closed)
    return out


def fk_estimate(written: dict[str, Any], closed: int) -> dict[str, Any]:
    """Per foreign key: the rows inserted into and updated in its table per ticket. Every
    inserted row runs the key's check (unless the key is NULL: ``nullable`` says it may be).
    An update runs it when it changes the key, or when the row's current version was written by
    the same transaction (PostgreSQL's ``RI_FKey_fk_upd_check_required``: a second update of
    a row in one transaction, or in one consumer group's transaction, checks every key of the
    row again): the measured checks beyond the inserts' are those."""
    out = {}
    for key in written["foreign_keys"]:
        table = f"{key['schema']}.{key['child']}"
        counts = written["written"].get(table, {})
        if counts.get("inserted") or counts.get("updated"):
            out[f"{table}({key['columns']}) -> {key['parent']}"] = {
                "inserts_per_ticket": round(counts.get("inserted", 0) / closed, 2),
                "updates_per_ticket": round(counts.get("updated", 0) / closed, 2),
                "nullable": bool(key["nullable"]),
                "service": key["schema"],
            }
    return dict(sorted(out.items(), key=lambda kv: -kv[1]["inserts_per_ticket"]))


def format_account(report: dict[str, Any], title: str = "") -> str:
    """A readable table of ``account``'s result."""
    lines = []
    head = (
        f"{title}SQL statements per closed ticket: {report['per_ticket']} "
        f"({report['top_level_per_ticket']} sent by the services, "
        f"{report['nested_per_ticket']} run for them: RI checks, triggers); "
        f"{report['tickets_closed']} tickets closed in {report['seconds']} s, of which "
        f"{report['at_idle_rate_per_ticket']} per ticket at the idle rate"
    )
    lines.append(head)
    services = list(SERVICES)
    lines.append(f"  {'category':<26}{'per ticket':>11}" + "".join(f"{s:>10}" for s in services))
    for name, cat in sorted(report["categories"].items(), key=lambda kv: -kv[1]["per_ticket"]):
        cells = "".join(f"{cat['by_service'].get(s, 0):>10}" for s in services)
        lines.append(f"  {name:<26}{cat['per_ticket']:>11}{cells}")
        if "parts" in cat:
            for part, n in sorted(cat["parts"].items(), key=lambda kv: -kv[1]):
                lines.append(f"    {part:<24}{n:>11}")
    by = report["by_service"]
    lines.append(
        f"  {'total':<26}{report['per_ticket']:>11}"
        + "".join(f"{by.get(s, 0):>10}" for s in services)
    )
    if report.get("fk_estimate"):
        lines.append(
            "  foreign keys whose table was written (rows inserted, updated per ticket;"
            " * may be NULL):"
        )
        for key, v in report["fk_estimate"].items():
            star = "*" if v["nullable"] else ""
            lines.append(
                f"    {v['inserts_per_ticket']:>7}{v['updates_per_ticket']:>7}{star:1} {key}"
            )
        checks = report["categories"].get("foreign-key checks", {}).get("by_service", {})
        for svc in SERVICES:
            inserted = sum(
                v["inserts_per_ticket"]
                for v in report["fk_estimate"].values()
                if v["service"] == svc
            )
            if checks.get(svc) or inserted:
                lines.append(
                    f"    {svc}: {checks.get(svc, 0)} checks measured, {round(inserted, 2)} from"
                    f" inserts, {round(checks.get(svc, 0) - inserted, 2)} from updates"
                )
    lines.append("  top statements (per ticket, service, N = nested):")
    for t in report["top"]:
        nested = "N" if t["nested"] else " "
        lines.append(
            f"    {t['per_ticket']:>6} {t['service']:<9}{nested} {t['category'][:14]:<14} "
            f"{short(t['query'], 110)}"
        )
    return "\n".join(lines)


def compare(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Two accounts' categories side by side (A, B, B - A)."""
    names = sorted(
        set(a["categories"]) | set(b["categories"]),
        key=lambda n: (
            -max(
                a["categories"].get(n, {}).get("per_ticket", 0),
                b["categories"].get(n, {}).get("per_ticket", 0),
            )
        ),
    )
    lines = [f"  {'per closed ticket':<26}{'A':>9}{'B':>9}{'B - A':>9}"]
    for n in names:
        x = a["categories"].get(n, {}).get("per_ticket", 0)
        y = b["categories"].get(n, {}).get("per_ticket", 0)
        lines.append(f"  {n:<26}{x:>9}{y:>9}{round(y - x, 2):>9}")
    x, y = a["per_ticket"], b["per_ticket"]
    lines.append(f"  {'total':<26}{x:>9}{y:>9}{round(y - x, 2):>9}")
    return "\n".join(lines)
