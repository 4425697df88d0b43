"""The roles table in docs/security.md is the truth: every route is listed, and every role is
tried on every route (a role not ticked gets 403; a ticked one never does)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from fastapi.routing import APIRoute

from aftersales.audit import router as audit_router
from aftersales.auth import ROLES
from aftersales.registry import SERVICES

ROLES_TABLE = Path(__file__).resolve().parents[2] / "docs" / "security.md"
ROW = re.compile(r"^\| (\w+) \| `([A-Z]+) (/\S+)` \|(.*)\|$")
SCOPES = {
    "crm": {"tenant_id": "roles-table"},
    "point": {"point_id": uuid.uuid4()},
    "technician": {"technician_id": uuid.uuid4()},
}


def documented() -> dict[tuple[str, str, str], set[str]]:
    text = ROLES_TABLE.read_text()
    start, end = text.index("<!-- roles-table:start -->"), text.index("<!-- roles-table:end -->")
    lines = text[start:end].splitlines()
    header = next(line for line in lines if line.startswith("| service | route |"))
    roles = [c.strip() for c in header.strip("|").split("|")[2:]]
    assert sorted(roles) == sorted(ROLES), "the table needs one column per role"
    table: dict[tuple[str, str, str], set[str]] = {}
    for line in lines:
        found = ROW.match(line)
        if found:
            service, method, path, cells = found.groups()
            ticks = [c.strip() for c in cells.split("|")]
            table[(service, method, path)] = {r for r, t in zip(roles, ticks, strict=True) if t}
    return table


def routes() -> set[tuple[str, str, str]]:
    """Every service's own routes and the kit's it mounts (the audit trail)."""
    out = set()
    for ref in SERVICES:
        for router in (*ref.definition().routers, audit_router):
            for route in router.routes:
                if isinstance(route, APIRoute):
                    out |= {(ref.name, m, route.path) for m in route.methods}
    return out


def test_every_route_is_in_the_table_and_nothing_else():
    table = documented()
    assert set(table) == routes(), {
        "missing from docs/security.md": sorted(routes() - set(table)),
        "no such route": sorted(set(table) - routes()),
    }


def concrete(path: str) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "month":
            return "2026-01"
        if name == "version":
            return "1"
        return str(uuid.uuid4())

    return re.sub(r"\{(\w+)\}", fill, path)


async def test_every_role_gets_exactly_the_access_the_table_gives(start_service):
    table = documented()
    wrong = []
    for ref in SERVICES:
        async with start_service(ref.name, run_background=False) as svc:
            for (service, method, path), allowed in sorted(table.items()):
                if service != ref.name:
                    continue
                url = concrete(path)
                for role in ROLES:
                    headers = svc.auth(role, **SCOPES.get(role, {}))
                    body = {} if method in ("POST", "PUT", "PATCH") else None
                    r = await svc.client.request(method, url, json=body, headers=headers)
                    refused = r.status_code == 403
                    if refused == (role in allowed):
                        wrong.append(f"{role} {method} {path}: {r.status_code}")
    assert wrong == []
