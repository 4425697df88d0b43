"""GET /v1/charges?since=: a sync that never skips a charge committed late (issue 29).

``updated_at`` is stamped before the commit, so a charge whose transaction commits after one
stamped later is missed by a poller that asks for ``updated_since`` the last time it saw. The
sync cursor returns the charges in commit order, held back while an older transaction is in
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

PATH = "/v1/charges"
# What a use case does to a charge: a new version, stamped with the time it ran (before its
# commit).
BUMP = "UPDATE billing.charges SET version = version + 1, updated_at = $2 WHERE id = $1::uuid"


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


async def charges(books: Any, n: int) -> list[dict[str, Any]]:
    await books.price_list()
    return [await books.charged(await books.ticket()) for _ in range(n)]


async def test_a_charge_committed_after_a_later_stamped_one_is_missed_by_updated_since_not_since(
    start_service, books_for, admin_dsn
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        first, second = await charges(books, 2)
        wanted = {(first["id"], first["version"]), (second["id"], second["version"])}
        _, since = await synced_until(billing, "", books.finance, wanted)

        t0 = datetime.now(UTC)
        early, late = await asyncpg.connect(admin_dsn), await asyncpg.connect(admin_dsn)
        try:
            await early.execute("BEGIN")
            await early.execute(BUMP, first["id"], t0 + timedelta(seconds=1))  # stamped first
            await late.execute("BEGIN")
            await late.execute(BUMP, second["id"], t0 + timedelta(seconds=2))
            await late.execute("COMMIT")  # ... committed first

            r = await billing.client.get(
                PATH, params={"updated_since": t0.isoformat()}, headers=books.finance
            )
            assert [c["id"] for c in r.json()["items"]] == [second["id"]]
            mark = max(datetime.fromisoformat(c["updated_at"]) for c in r.json()["items"])

            # While the older transaction is in flight, the sync holds back what came after it.
            held, since = await sync(billing, since, books.finance)
            assert held == []

            await early.execute("COMMIT")
        finally:
            await early.close()
            await late.close()

        # The poller asks for what changed since the last change it saw: the first charge is not
        # there, and never will be; it committed, stamped before the mark.
        r = await billing.client.get(
            PATH, params={"updated_since": mark.isoformat()}, headers=books.finance
        )
        assert first["id"] not in [c["id"] for c in r.json()["items"]]
        now = (await billing.client.get(f"{PATH}/{first['id']}", headers=books.finance)).json()
        assert now["version"] == first["version"] + 1
        assert datetime.fromisoformat(now["updated_at"]) < mark

        # The sync cursor brings both new versions, each once.
        new = {(first["id"], first["version"] + 1), (second["id"], second["version"] + 1)}
        came, since = await synced_until(billing, since, books.finance, new)
        assert sorted([(c["id"], c["version"]) for c in held] + came) == sorted(new)
        assert (await sync(billing, since, books.finance))[0] == []


async def test_a_sync_returns_every_charge_once_across_pages_and_a_change_once_more(
    start_service, books_for, admin_dsn
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        made = await charges(books, 7)
        pages: list[int] = []
        came: list[str] = []
        cursor = ""

        async def all_came() -> bool:
            nonlocal cursor
            items, cursor = await sync(billing, cursor, books.finance, limit=3)
            pages.append(len(items))
            came.extend(c["id"] for c in items)
            return len(set(came)) == len(made)

        await eventually(all_came)
        assert sorted(came) == sorted(c["id"] for c in made)  # every charge, none twice
        assert max(pages) == 3 and len([p for p in pages if p]) >= 3
        assert (await sync(billing, cursor, books.finance, limit=3))[0] == []

        changed = made[2]
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(BUMP, changed["id"], datetime.now(UTC))
        finally:
            await conn.close()
        again, cursor = await synced_until(
            billing, cursor, books.finance, {(changed["id"], changed["version"] + 1)}
        )
        assert again == [(changed["id"], changed["version"] + 1)]
        assert (await sync(billing, cursor, books.finance))[0] == []


async def test_a_sync_cursor_of_another_list_or_a_forged_one_is_a_422(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await charges(books, 2)
        _, real = await sync(billing, "", books.finance)
        r = await billing.client.get(PATH, params={"limit": 1}, headers=books.finance)
        list_cursor = r.json()["next_cursor"]
        assert list_cursor

        def problem(r: Any) -> dict[str, Any]:
            assert r.status_code == 422, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            body: dict[str, Any] = r.json()
            assert body["type"].endswith("/bad-sync-cursor")
            return body

        tickets = encode_sync_cursor("intake.tickets", SyncPosition(1))
        r = await billing.client.get(PATH, params={"since": tickets}, headers=books.finance)
        assert "intake.tickets" in problem(r)["detail"]

        garbled = real[:20] + ("A" if real[20] != "A" else "B") + real[21:]
        made_up = orjson.dumps(["sync1", "billing.charges", 1, None]) + bytes(8)  # no checksum
        forged = base64.urlsafe_b64encode(made_up).decode()
        ahead = encode_sync_cursor("billing.charges", SyncPosition(2**62))
        for bad in ("not-a-cursor", garbled, forged, list_cursor, ahead):
            r = await billing.client.get(PATH, params={"since": bad}, headers=books.finance)
            problem(r)
        r = await billing.client.get(
            PATH, params={"since": real, "cursor": list_cursor}, headers=books.finance
        )
        problem(r)

        await sync(billing, real, books.finance)  # the real one still goes on
