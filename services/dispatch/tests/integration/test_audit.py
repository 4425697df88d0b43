"""The audit trail: every administrative write leaves an immutable record of who changed what."""

import asyncpg
import pytest

from aftersales_testing.factories import make_point


async def test_changes_to_a_point_are_recorded_with_actor_and_before_and_after(
    start_service, admin_dsn
):
    async with start_service("dispatch") as dispatch:
        admin = dispatch.auth("admin", subject="ops-1")
        point = await make_point(dispatch, daily_capacity=10)
        r = await dispatch.client.patch(
            f"/v1/points/{point['id']}",
            json={"daily_capacity": 12},
            headers={**admin, "X-Request-ID": "req-audit-1"},
        )
        assert r.status_code == 200, r.text

        trail = await dispatch.client.get(
            "/v1/audit",
            params={"object_type": "network_point", "object_id": point["id"]},
            headers=admin,
        )
        assert trail.status_code == 200
        registered, updated = trail.json()["items"]
        assert registered["action"] == "registered"
        assert updated["action"] == "updated" and updated["actor"] == "admin:ops-1"
        assert updated["request_id"] == "req-audit-1"
        assert updated["changes"] == {"daily_capacity": {"before": 10, "after": 12}}

        by_actor = await dispatch.client.get(
            "/v1/audit", params={"actor": "admin:ops-1"}, headers=admin
        )
        assert [e["action"] for e in by_actor.json()["items"]] == ["updated"]
        csv = await dispatch.client.get("/v1/audit", params={"format": "csv"}, headers=admin)
        assert csv.headers["content-type"].startswith("text/csv") and "daily_capacity" in csv.text
        agent = await dispatch.client.get("/v1/audit", headers=dispatch.auth("agent"))
        assert agent.status_code == 403

        conn = await asyncpg.connect(admin_dsn)
        try:
            for statement in (
                "UPDATE dispatch.audit_log SET actor = 'someone else'",
                "DELETE FROM dispatch.audit_log",
            ):
                with pytest.raises(asyncpg.RaiseError, match="append-only"):
                    await conn.execute(statement)
        finally:
            await conn.close()
