"""Rate limits: GCRA buckets in PostgreSQL, shared by replicas, per caller and class."""

import asyncpg

from aftersales.http.ratelimit import Limit, decide_from_tat, route_class
from aftersales.service import create_service_app
from aftersales_testing.apps import running

TIGHT = {
    "rate_limit_enabled": True,
    "rate_limits": {"agent": {"rate": 0.5, "burst": 3}, "unauthenticated": {"rate": 1, "burst": 5}},
}


def test_gcra_arithmetic_at_the_boundary():
    limit = Limit(rate=10, burst=20)  # 0.1 s apart, 2 s to earn a full burst back
    first = decide_from_tat(0.1, limit, admitted=True)
    assert (first.allowed, first.remaining) == (True, 19)
    last = decide_from_tat(2.0, limit, admitted=True)
    assert last.remaining == 0
    refused = decide_from_tat(2.0, limit, admitted=False)
    assert not refused.allowed and abs(refused.retry_after - 0.1) < 1e-9


def test_route_classes():
    assert route_class("POST", "/v1/tickets", "") == "writes"
    assert route_class("GET", "/v1/tickets", "") == "reads"
    assert route_class("GET", "/v1/reports/work", "month=2026-01") == "reports"
    assert route_class("GET", "/v1/settlements", "month=2026-01&format=csv") == "reports"


def test_the_class_is_read_from_the_query_as_the_route_reads_it():
    # percent-encoded, or the last of repeated values: the route answers CSV, so a report
    assert route_class("GET", "/v1/settlements", "month=2026-01&format=%63sv") == "reports"
    assert route_class("GET", "/v1/settlements", "format=json&format=csv") == "reports"
    # the text "format=csv" inside another parameter, or another value, is a read
    assert route_class("GET", "/v1/tickets", "q=format=csv") == "reads"
    assert route_class("GET", "/v1/tickets", "note=format%3Dcsv") == "reads"
    assert route_class("GET", "/v1/settlements", "format=csvx") == "reads"
    assert route_class("GET", "/v1/settlements", "format=csv&format=json") == "reads"


async def test_an_export_asked_for_in_disguise_is_limited_as_a_report(start_service):
    """``?format=%63sv`` is a CSV export all the same: it counts against the reports bucket,
    not against the far larger reads bucket."""
    limits = {
        "rate_limit_enabled": True,
        "rate_limits": {"finance:reports": {"rate": 0.01, "burst": 2}},
    }
    async with start_service("billing", **limits) as billing:
        finance = billing.auth("finance")
        answers = [
            await billing.client.get("/v1/settlements?month=2026-01&format=%63sv", headers=finance)
            for _ in range(3)
        ]
        assert [r.status_code for r in answers] == [200, 200, 429]
        assert answers[0].headers["content-type"].startswith("text/csv")
        assert answers[0].headers["ratelimit-policy"].startswith('"reports";q=2;')
        assert "finance reports" in answers[2].json()["detail"]
        # the same caller's reads are another bucket, untouched
        json = await billing.client.get("/v1/settlements?month=2026-01", headers=finance)
        assert json.status_code == 200


async def test_a_caller_over_its_burst_gets_429_with_the_draft_headers(start_service):
    async with start_service("intake", **TIGHT) as intake:
        agent = intake.auth("agent")
        answers = [await intake.client.get("/v1/tickets", headers=agent) for _ in range(4)]
        assert [r.status_code for r in answers] == [200, 200, 200, 429]
        assert answers[0].headers["ratelimit-policy"] == '"reads";q=3;w=6'
        assert answers[0].headers["ratelimit"].startswith('"reads";r=2;')
        refused = answers[3]
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert int(refused.headers["retry-after"]) >= 1
        assert "agent reads" in refused.json()["detail"]
        # Writes are another bucket, and another agent another caller.
        write = await intake.client.post("/v1/customers", json={}, headers=agent)
        assert write.status_code == 422
        other = await intake.client.get("/v1/tickets", headers=intake.auth("agent", subject="b"))
        assert other.status_code == 200


async def test_bad_tokens_are_limited_per_client_address(start_service):
    async with start_service("intake", **TIGHT) as intake:
        bad = {"Authorization": "Bearer not-a-token"}
        codes = [
            (await intake.client.get("/v1/tickets", headers=bad)).status_code for _ in range(8)
        ]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}


async def test_an_unlimited_admin_costs_no_database_round_trip(start_service, admin_dsn):
    async with start_service("intake", **TIGHT) as intake:
        for _ in range(30):
            assert (
                await intake.client.get("/v1/tickets", headers=intake.auth())
            ).status_code == 200
        conn = await asyncpg.connect(admin_dsn)
        try:
            assert await conn.fetchval("SELECT count(*) FROM intake.rate_limits") == 0
        finally:
            await conn.close()


async def test_two_replicas_share_one_bucket(start_service, settings_for):
    async with start_service("intake", **TIGHT) as first:
        second_app = create_service_app(
            first.app.state.definition, settings_for("intake", run_background=False, **TIGHT)
        )
        async with running("intake-2", second_app) as second:
            agent = first.auth("agent")
            codes = []
            for i in range(4):
                replica = (first, second)[i % 2]
                codes.append((await replica.client.get("/v1/tickets", headers=agent)).status_code)
            assert codes == [200, 200, 200, 429]
