"""A ticket create is a read and one statement (aftersales.one_statement): the round trips it
costs, and what the one statement guarantees — all or nothing, once per key."""

import asyncio
import contextvars
import uuid

import asyncpg
import pytest
from sqlalchemy import event

from aftersales_testing.apps import blocked_on_lock
from aftersales_testing.factories import make_customer, make_product
from intake.adapters.tables import CustomerRow

MINE: contextvars.ContextVar[bool] = contextvars.ContextVar("mine", default=False)


def count_round_trips(db, sent):
    """Every round trip a request of this task makes: SQLAlchemy's statements, and what the
    driver sends on its own (BEGIN, COMMIT, a raw statement). Background loops sharing the pool
    run in other contexts and are not counted."""

    @event.listens_for(db.engine.sync_engine, "before_cursor_execute")
    def statement(conn, cursor, sql, parameters, context, executemany):
        if MINE.get():
            sent.append(sql)

    def logged(record):  # SQLAlchemy's prepared statements do not pass here
        if MINE.get():
            sent.append(record.query)

    @event.listens_for(db.engine.sync_engine, "checkout")
    def checkout(dbapi_connection, record, proxy):
        if not record.info.get("counted"):
            dbapi_connection.driver_connection.add_query_logger(logged)
            record.info["counted"] = True


async def rows(admin_dsn, table, ticket_id=None):
    conn = await asyncpg.connect(admin_dsn)
    try:
        if ticket_id is None:
            return await conn.fetchval(f"SELECT count(*) FROM intake.{table}")
        column = "aggregate_id" if table == "outbox" else "ticket_id"
        return await conn.fetchval(
            f"SELECT count(*) FROM intake.{table} WHERE {column} = $1", uuid.UUID(ticket_id)
        )
    finally:
        await conn.close()


async def tickets_announced(admin_dsn):
    conn = await asyncpg.connect(admin_dsn)
    try:
        return await conn.fetchval(
            "SELECT count(*) FROM intake.outbox WHERE subject LIKE 'intake.ticket.created.%'"
        )
    finally:
        await conn.close()


async def ticket_body(intake):
    customer = await make_customer(intake)
    product = await make_product(intake, customer["id"])
    return (
        customer,
        product,
        {
            "customer_id": customer["id"],
            "product_id": product["id"],
            "kind": "repair",
            "description": "The unit does not cool.",
            "channel": "hotline",
        },
    )


async def test_a_keyed_create_is_two_round_trips_and_a_replay_three(start_service):
    async with start_service("intake") as intake:
        _, _, body = await ticket_body(intake)
        headers = {**intake.auth("admin"), "Idempotency-Key": "hot-1"}
        await intake.client.post(
            "/v1/tickets", json=body, headers={**headers, "Idempotency-Key": "warm"}
        )
        sent: list[str] = []
        count_round_trips(intake.db, sent)
        token = MINE.set(True)
        try:
            created = await intake.client.post("/v1/tickets", json=body, headers=headers)
            await asyncio.sleep(0)  # the driver's loggers run on the next turn of the loop
            first = list(sent)
            sent.clear()
            again = await intake.client.post("/v1/tickets", json=body, headers=headers)
            await asyncio.sleep(0)
        finally:
            MINE.reset(token)
        assert created.status_code == 201, created.text
        assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
        assert again.json() == created.json()
        # The ticket's context, then one statement: no BEGIN, no COMMIT, no INSERT of its own.
        assert len(first) == 2, first
        assert first[1].startswith("WITH claim")
        assert not any(q.strip().upper().startswith(("BEGIN", "COMMIT")) for q in first)
        # A replay: the context, the statement that finds the key held, the key's answer.
        assert len(sent) == 3, sent


async def test_the_key_guards_every_row_of_the_statement(start_service, admin_dsn):
    async with start_service("intake") as intake:
        _, _, body = await ticket_body(intake)
        headers = {**intake.auth("agent"), "Idempotency-Key": "once"}
        first = await intake.client.post("/v1/tickets", json=body, headers=headers)
        second = await intake.client.post("/v1/tickets", json=body, headers=headers)
        other = await intake.client.post(
            "/v1/tickets", json={**body, "description": "Another fault."}, headers=headers
        )
        assert first.status_code == second.status_code == 201
        assert second.json()["id"] == first.json()["id"]
        assert other.status_code == 422 and "different request" in other.json()["detail"]
        ticket = first.json()["id"]
        assert await rows(admin_dsn, "tickets") == 1
        assert await rows(admin_dsn, "ticket_timeline", ticket) == 1
        assert await rows(admin_dsn, "outbox", ticket) == 1


async def test_twins_in_flight_make_one_ticket(start_service, admin_dsn):
    """Two requests with one key, both held at their write: one creates, the other waits for
    the key's row and replays it."""
    async with start_service("intake") as intake:
        _, _, body = await ticket_body(intake)
        headers = {**intake.auth("agent"), "Idempotency-Key": "twins"}
        blocker = await asyncpg.connect(admin_dsn)
        probe = await asyncpg.connect(admin_dsn)
        try:
            tx = blocker.transaction()
            await tx.start()
            await blocker.execute("LOCK TABLE intake.ticket_timeline IN ACCESS EXCLUSIVE MODE")
            twins = [
                asyncio.create_task(intake.client.post("/v1/tickets", json=body, headers=headers))
                for _ in range(2)
            ]
            await blocked_on_lock(probe, relation="intake.ticket_timeline")
            await tx.rollback()
            answers = await asyncio.gather(*twins)
        finally:
            await blocker.close()
            await probe.close()
        assert [a.status_code for a in answers] == [201, 201]
        assert answers[0].json()["id"] == answers[1].json()["id"]
        assert sorted("idempotent-replayed" in a.headers for a in answers) == [False, True]
        assert await rows(admin_dsn, "tickets") == 1


async def test_a_failing_statement_writes_nothing_and_keeps_no_key(start_service, admin_dsn):
    async with start_service("intake") as intake:
        _, _, body = await ticket_body(intake)
        headers = {**intake.auth("agent"), "Idempotency-Key": "fails-once"}
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "CREATE FUNCTION intake.refuse() RETURNS trigger LANGUAGE plpgsql AS"
                " $$BEGIN RAISE EXCEPTION 'refused by the test'; END$$;"
                " CREATE TRIGGER refuse BEFORE INSERT ON intake.ticket_timeline"
                " FOR EACH ROW EXECUTE FUNCTION intake.refuse()"
            )
            with pytest.raises(asyncpg.RaiseError):  # the in-process client re-raises the 500
                await intake.client.post("/v1/tickets", json=body, headers=headers)
            assert await rows(admin_dsn, "tickets") == 0
            assert await tickets_announced(admin_dsn) == 0
            assert await rows(admin_dsn, "idempotency_keys") == 0
        finally:
            await conn.execute(
                "DROP TRIGGER IF EXISTS refuse ON intake.ticket_timeline;"
                " DROP FUNCTION IF EXISTS intake.refuse()"
            )
            await conn.close()
        retried = await intake.client.post("/v1/tickets", json=body, headers=headers)
        assert retried.status_code == 201 and "idempotent-replayed" not in retried.headers
        assert await rows(admin_dsn, "tickets") == 1
        assert await tickets_announced(admin_dsn) == 1


async def test_a_key_answers_as_before_when_the_request_would_now_be_refused(start_service):
    """The product changed owner after the ticket was opened: the same request, retried with
    its key, is the ticket it made, not "registered to another customer"."""
    async with start_service("intake") as intake:
        _, product, body = await ticket_body(intake)
        headers = {**intake.auth("agent"), "Idempotency-Key": "before-transfer"}
        first = await intake.client.post("/v1/tickets", json=body, headers=headers)
        buyer = await make_customer(intake)
        moved = await intake.client.post(
            f"/v1/products/{product['id']}/transfer",
            json={"customer_id": buyer["id"]},
            headers=intake.auth("agent"),
        )
        assert moved.status_code == 200, moved.text
        fresh = await intake.client.post(
            "/v1/tickets", json=body, headers={**headers, "Idempotency-Key": "after-transfer"}
        )
        assert fresh.status_code == 422
        again = await intake.client.post("/v1/tickets", json=body, headers=headers)
        assert again.status_code == 201 and again.json()["id"] == first.json()["id"]


async def test_a_one_statement_unit_of_work_refuses_to_write_on_its_own(start_service):
    async with start_service("intake") as intake, intake.db.uow(one_statement=True) as uow:
        uow.session.add(CustomerRow(id=uuid.uuid4(), name="x", phone="1"))
        with pytest.raises(RuntimeError, match="one statement"):
            await uow.session.flush()
