"""Idempotency-Key on creating POSTs (through intake's real endpoints)."""

import asyncio

import asyncpg

from aftersales_testing.apps import blocked_on_lock
from aftersales_testing.factories import make_customer


def customer_body(phone="13911112222", name="Chen Jie"):
    return {
        "name": name,
        "phone": phone,
        "address": {"region": "110105", "city": "Beijing", "line": "5 Jianguo Road"},
    }


async def count_customers(admin_dsn):
    conn = await asyncpg.connect(admin_dsn)
    try:
        return await conn.fetchval("SELECT count(*) FROM intake.customers")
    finally:
        await conn.close()


async def test_same_key_same_body_replays_the_first_response(start_service, admin_dsn):
    async with start_service("intake") as intake:
        headers = {
            **intake.auth("crm", subject="crm-acme", tenant_id="acme"),
            "Idempotency-Key": "create-42",
        }
        first = await intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        second = await intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        assert first.status_code == second.status_code == 201
        assert second.json() == first.json()
        assert second.headers["idempotent-replayed"] == "true"
        assert second.headers["location"] == first.headers["location"]
        assert await count_customers(admin_dsn) == 1


async def test_same_key_other_body_is_422_and_changes_nothing(start_service, admin_dsn):
    async with start_service("intake") as intake:
        headers = {
            **intake.auth("crm", subject="crm-acme", tenant_id="acme"),
            "Idempotency-Key": "create-43",
        }
        assert (
            await intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        ).status_code == 201
        r = await intake.client.post(
            "/v1/customers", json=customer_body(phone="13900000001"), headers=headers
        )
        assert r.status_code == 422
        assert r.headers["content-type"] == "application/problem+json"
        assert "different request" in r.json()["detail"]
        assert await count_customers(admin_dsn) == 1


async def test_keys_belong_to_their_caller(start_service, admin_dsn):
    async with start_service("intake") as intake:
        a = {**intake.auth("crm", subject="crm-a", tenant_id="a"), "Idempotency-Key": "same"}
        b = {**intake.auth("crm", subject="crm-b", tenant_id="b"), "Idempotency-Key": "same"}
        ra = await intake.client.post("/v1/customers", json=customer_body("13900000011"), headers=a)
        rb = await intake.client.post("/v1/customers", json=customer_body("13900000012"), headers=b)
        assert ra.status_code == rb.status_code == 201
        assert ra.json()["id"] != rb.json()["id"]


async def test_a_key_replayed_by_another_tenant_with_the_same_subject_shows_nothing(
    start_service, admin_dsn
):
    """Two CRM tokens that share a ``sub`` but not a tenant are two callers: the second's
    "replay" is a request of its own and never returns the first tenant's customer."""
    async with start_service("intake") as intake:
        acme = {**intake.auth("crm", subject="crm", tenant_id="acme"), "Idempotency-Key": "k1"}
        beta = {**intake.auth("crm", subject="crm", tenant_id="beta"), "Idempotency-Key": "k1"}
        first = await intake.client.post("/v1/customers", json=customer_body(), headers=acme)
        second = await intake.client.post("/v1/customers", json=customer_body(), headers=beta)
        assert first.status_code == second.status_code == 201
        assert "idempotent-replayed" not in second.headers
        assert second.json()["id"] != first.json()["id"]
        theirs = await intake.client.get(f"/v1/customers/{first.json()['id']}", headers=beta)
        assert theirs.status_code == 404
        assert await count_customers(admin_dsn) == 2


async def test_same_key_while_the_first_is_in_flight_is_409(start_service, admin_dsn):
    async with start_service("intake") as intake:
        headers = {**intake.auth("agent"), "Idempotency-Key": "slow-one"}
        # Hold the customers table so the first request stays in flight.
        blocker = await asyncpg.connect(admin_dsn)
        tx = blocker.transaction()
        await tx.start()
        await blocker.execute("LOCK TABLE intake.customers IN ACCESS EXCLUSIVE MODE")
        first = asyncio.create_task(
            intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        )
        probe = await asyncpg.connect(admin_dsn)
        try:  # the first request is in flight: it waits for the table
            await blocked_on_lock(probe, relation="intake.customers")
        finally:
            await probe.close()
        second = await intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        assert second.status_code == 409
        assert second.headers["content-type"] == "application/problem+json"
        await tx.rollback()
        await blocker.close()
        assert (await first).status_code == 201
        third = await intake.client.post("/v1/customers", json=customer_body(), headers=headers)
        assert third.status_code == 201
        assert third.json()["id"] == (await first).json()["id"]


async def test_a_failed_request_releases_its_key(start_service):
    async with start_service("intake") as intake:
        existing = await make_customer(intake, phone="13900000099")
        headers = {**intake.auth("agent"), "Idempotency-Key": "retry-me"}
        dup = await intake.client.post(
            "/v1/customers", json=customer_body(phone="13900000099"), headers=headers
        )
        assert dup.status_code == 409
        assert dup.json()["existing_id"] == existing["id"]
        # The conflict was not remembered: the corrected request may reuse the key.
        ok = await intake.client.post(
            "/v1/customers", json=customer_body(phone="13900000098"), headers=headers
        )
        assert ok.status_code == 201
        assert "idempotent-replayed" not in ok.headers
