"""GET /v1/tickets?since=: the CRM's sync, never skipping a ticket committed late (issue 29).

``updated_at`` is stamped before the commit, so a ticket whose transaction commits after one
stamped later is missed by a CRM that asks for ``updated_since`` the last change it saw. The
sync cursor returns the tickets in commit order, held back while an older transaction is in
flight.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import orjson

from aftersales.http.pagination import SyncPosition, encode_sync_cursor
from aftersales_testing.apps import RunningService, eventually
from aftersales_testing.factories import make_customer, make_product, make_ticket

PATH = "/v1/tickets"
# What a use case does to a ticket: a new version, stamped with the time it ran (before its
# commit).
BUMP = "UPDATE intake.tickets SET version = version + 1, updated_at = $2 WHERE id = $1::uuid"


async def sync(
    svc: RunningService, since: str, headers: dict[str, str], limit: int = 100
) -> tuple[list[dict[str, Any]], str]:
    r = await svc.client.get(PATH, params={"since": since, "limit": limit}, headers=headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["next_cursor"] is None and body["next_since"]
    return body["items"], body["next_since"]


async def synced_until(
    svc: RunningService, since: str, headers: dict[str, str], wanted: set[tuple[str, int]]
) -> tuple[list[tuple[str, int]], str]:
    """Sync from ``since`` until every (id, version) in ``wanted`` came: all that came, in order,
    and the cursor to go on from."""
    came: list[tuple[str, int]] = []
    cursor = since

    async def arrived() -> bool:
        nonlocal cursor
        items, cursor = await sync(svc, cursor, headers)
        came.extend((i["id"], i["version"]) for i in items)
        return wanted <= set(came)

    await eventually(arrived)
    return came, cursor


async def tickets(intake: RunningService, n: int) -> list[dict[str, Any]]:
    customer = await make_customer(intake)
    product = await make_product(intake, customer["id"])
    return [await make_ticket(intake, customer=customer, product=product) for _ in range(n)]


async def test_a_ticket_committed_after_a_later_stamped_one_is_missed_by_updated_since_not_since(
    start_service, admin_dsn
):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        first, second = await tickets(intake, 2)
        wanted = {(first["id"], first["version"]), (second["id"], second["version"])}
        _, since = await synced_until(intake, "", agent, wanted)

        t0 = datetime.now(UTC)
        early, late = await asyncpg.connect(admin_dsn), await asyncpg.connect(admin_dsn)
        try:
            await early.execute("BEGIN")
            await early.execute(BUMP, first["id"], t0 + timedelta(seconds=1))  # stamped first
            await late.execute("BEGIN")
            await late.execute(BUMP, second["id"], t0 + timedelta(seconds=2))
            await late.execute("COMMIT")  # ... committed first

            r = await intake.client.get(
                PATH, params={"updated_since": t0.isoformat()}, headers=agent
            )
            assert [t["id"] for t in r.json()["items"]] == [second["id"]]
            mark = max(datetime.fromisoformat(t["updated_at"]) for t in r.json()["items"])

            # While the older transaction is in flight, the sync holds back what came after it.
            held, since = await sync(intake, since, agent)
            assert held == []

            await early.execute("COMMIT")
        finally:
            await early.close()
            await late.close()

        # The CRM asks for what changed since the last change it saw: the first ticket is not
        # there, and never will be; it committed, stamped before the mark.
        r = await intake.client.get(PATH, params={"updated_since": mark.isoformat()}, headers=agent)
        assert first["id"] not in [t["id"] for t in r.json()["items"]]
        now = (await intake.client.get(f"{PATH}/{first['id']}", headers=agent)).json()
        assert now["version"] == first["version"] + 1
        assert datetime.fromisoformat(now["updated_at"]) < mark

        # The sync cursor brings both new versions, each once.
        new = {(first["id"], first["version"] + 1), (second["id"], second["version"] + 1)}
        came, since = await synced_until(intake, since, agent, new)
        assert sorted([(t["id"], t["version"]) for t in held] + came) == sorted(new)
        assert (await sync(intake, since, agent))[0] == []


async def test_a_sync_returns_every_ticket_once_across_pages_and_a_change_once_more(
    start_service,
):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        made = await tickets(intake, 7)
        pages: list[int] = []
        came: list[str] = []
        cursor = ""

        async def all_came() -> bool:
            nonlocal cursor
            items, cursor = await sync(intake, cursor, agent, limit=3)
            pages.append(len(items))
            came.extend(t["id"] for t in items)
            return len(set(came)) == len(made)

        await eventually(all_came)
        assert sorted(came) == sorted(t["id"] for t in made)  # every ticket, none twice
        assert max(pages) == 3 and len([p for p in pages if p]) >= 3
        assert (await sync(intake, cursor, agent, limit=3))[0] == []

        # A change through the API (a remote resolution) comes once more, as the new version.
        changed = made[2]
        r = await intake.client.post(
            f"{PATH}/{changed['id']}/resolve-remotely", json={"note": "reset it"}, headers=agent
        )
        assert r.status_code == 200, r.text
        version = r.json()["version"]
        again, cursor = await synced_until(intake, cursor, agent, {(changed["id"], version)})
        assert again == [(changed["id"], version)]
        assert (await sync(intake, cursor, agent))[0] == []


async def test_a_jobs_sync_cursor_or_a_forged_one_sent_to_tickets_is_a_422(start_service):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        agent = intake.auth("agent")
        await tickets(intake, 2)
        _, real = await sync(intake, "", agent)
        r = await intake.client.get(PATH, params={"limit": 1}, headers=agent)
        list_cursor = r.json()["next_cursor"]
        assert list_cursor
        r = await dispatch.client.get("/v1/jobs", params={"since": ""}, headers=dispatch.auth())
        jobs_cursor = r.json()["next_since"]

        def problem(r: Any) -> dict[str, Any]:
            assert r.status_code == 422, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            body: dict[str, Any] = r.json()
            assert body["type"].endswith("/bad-sync-cursor")
            return body

        r = await intake.client.get(PATH, params={"since": jobs_cursor}, headers=agent)
        assert "dispatch.jobs" in problem(r)["detail"]

        garbled = real[:20] + ("A" if real[20] != "A" else "B") + real[21:]
        made_up = orjson.dumps(["sync1", "intake.tickets", 1, None]) + bytes(8)  # no checksum
        forged = base64.urlsafe_b64encode(made_up).decode()
        ahead = encode_sync_cursor("intake.tickets", SyncPosition(2**62))
        for bad in ("not-a-cursor", garbled, forged, list_cursor, ahead):
            r = await intake.client.get(PATH, params={"since": bad}, headers=agent)
            problem(r)
        r = await intake.client.get(
            PATH, params={"since": real, "cursor": list_cursor}, headers=agent
        )
        problem(r)

        await sync(intake, real, agent)  # the real one still goes on
