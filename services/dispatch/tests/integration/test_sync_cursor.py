"""GET /v1/jobs?since=: a sync that never skips a job committed late (issue 29).

``updated_at`` is stamped before the commit, so a job whose transaction commits after one
stamped later is missed by a poller that asks for ``updated_since`` the last time it saw. The
sync cursor returns the jobs in commit order, held back while an older transaction is in flight.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import orjson

from aftersales.http.pagination import SyncPosition, encode_sync_cursor
from aftersales_testing.apps import RunningService, eventually

PATH = "/v1/jobs"
# What a use case does to a job: a new version, stamped with the time it ran (before its commit).
BUMP = "UPDATE dispatch.jobs SET version = version + 1, updated_at = $2 WHERE id = $1::uuid"


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


async def jobs(flow: Any, n: int) -> list[dict[str, Any]]:
    return [await flow.job_of((await flow.ticket()).data.ticket_id) for _ in range(n)]


async def test_a_job_committed_after_a_later_stamped_one_is_missed_by_updated_since_not_by_since(
    start_service, flow_for, admin_dsn
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        first, second = await jobs(flow, 2)
        wanted = {(first["id"], first["version"]), (second["id"], second["version"])}
        _, since = await synced_until(dispatch, "", flow.agent, wanted)

        t0 = datetime.now(UTC)
        early, late = await asyncpg.connect(admin_dsn), await asyncpg.connect(admin_dsn)
        try:
            await early.execute("BEGIN")
            await early.execute(BUMP, first["id"], t0 + timedelta(seconds=1))  # stamped first
            await late.execute("BEGIN")
            await late.execute(BUMP, second["id"], t0 + timedelta(seconds=2))
            await late.execute("COMMIT")  # ... committed first

            r = await dispatch.client.get(
                PATH, params={"updated_since": t0.isoformat()}, headers=flow.agent
            )
            assert [j["id"] for j in r.json()["items"]] == [second["id"]]
            mark = max(datetime.fromisoformat(j["updated_at"]) for j in r.json()["items"])

            # While the older transaction is in flight, the sync holds back what came after it.
            held, since = await sync(dispatch, since, flow.agent)
            assert held == []

            await early.execute("COMMIT")
        finally:
            await early.close()
            await late.close()

        # The poller asks for what changed since the last change it saw: the first job is not
        # there, and never will be; it committed, stamped before the mark.
        r = await dispatch.client.get(
            PATH, params={"updated_since": mark.isoformat()}, headers=flow.agent
        )
        assert first["id"] not in [j["id"] for j in r.json()["items"]]
        now = (await dispatch.client.get(f"{PATH}/{first['id']}", headers=flow.agent)).json()
        assert now["version"] == first["version"] + 1
        assert datetime.fromisoformat(now["updated_at"]) < mark

        # The sync cursor brings both new versions, each once.
        new = {(first["id"], first["version"] + 1), (second["id"], second["version"] + 1)}
        came, since = await synced_until(dispatch, since, flow.agent, new)
        assert sorted([(j["id"], j["version"]) for j in held] + came) == sorted(new)
        assert (await sync(dispatch, since, flow.agent))[0] == []


async def test_a_sync_returns_every_job_once_across_pages_and_a_change_once_more(
    start_service, flow_for, admin_dsn
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        made = await jobs(flow, 7)
        pages: list[int] = []
        came: list[str] = []
        cursor = ""

        async def all_came() -> bool:
            nonlocal cursor
            items, cursor = await sync(dispatch, cursor, flow.agent, limit=3)
            pages.append(len(items))
            came.extend(j["id"] for j in items)
            return len(set(came)) == len(made)

        await eventually(all_came)
        assert sorted(came) == sorted(j["id"] for j in made)  # every job, none twice
        assert max(pages) == 3 and len([p for p in pages if p]) >= 3
        assert (await sync(dispatch, cursor, flow.agent, limit=3))[0] == []

        changed = made[2]
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(BUMP, changed["id"], datetime.now(UTC))
        finally:
            await conn.close()
        again, cursor = await synced_until(
            dispatch, cursor, flow.agent, {(changed["id"], changed["version"] + 1)}
        )
        assert again == [(changed["id"], changed["version"] + 1)]
        assert (await sync(dispatch, cursor, flow.agent))[0] == []


async def test_a_sync_cursor_of_another_list_or_a_forged_one_is_a_422(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        await jobs(flow, 2)
        _, real = await sync(dispatch, "", flow.agent)
        r = await dispatch.client.get(PATH, params={"limit": 1}, headers=flow.agent)
        list_cursor = r.json()["next_cursor"]
        assert list_cursor

        def problem(r: Any) -> dict[str, Any]:
            assert r.status_code == 422, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            body: dict[str, Any] = r.json()
            assert body["type"].endswith("/bad-sync-cursor")
            return body

        tickets = encode_sync_cursor("intake.tickets", SyncPosition(1))
        r = await dispatch.client.get(PATH, params={"since": tickets}, headers=flow.agent)
        assert "intake.tickets" in problem(r)["detail"]

        garbled = real[:20] + ("A" if real[20] != "A" else "B") + real[21:]
        made_up = orjson.dumps(["sync1", "dispatch.jobs", 1, None]) + bytes(8)  # no checksum
        forged = base64.urlsafe_b64encode(made_up).decode()
        ahead = encode_sync_cursor("dispatch.jobs", SyncPosition(2**62))
        for bad in ("not-a-cursor", garbled, forged, list_cursor, ahead):
            r = await dispatch.client.get(PATH, params={"since": bad}, headers=flow.agent)
            problem(r)
        r = await dispatch.client.get(
            PATH, params={"since": real, "cursor": list_cursor}, headers=flow.agent
        )
        problem(r)

        await sync(dispatch, real, flow.agent)  # the real one still goes on
