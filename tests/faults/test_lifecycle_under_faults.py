"""Many tickets through the whole lifecycle while the broker, every service and the database
are killed or restarted under them. Afterwards every ticket is where it should be, the four
services agree with each other, nothing exists twice, nothing is dead-lettered — and the
faults really bit (messages were redelivered).

CI runs a few hundred tickets; ``make soak`` runs 5,000 with more rounds of faults
(``AFTERSALES_FAULT_TICKETS``, ``AFTERSALES_FAULT_ROUNDS``).
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from datetime import UTC, datetime

import asyncpg
import pytest

from aftersales.messaging.identity import BrokerCredentials
from aftersales.registry import SERVICE_NAMES
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, prepare_database
from aftersales_testing.lifecycle import (
    SERVICES,
    Retrying,
    one_ticket,
    redelivered,
    settle,
    setup,
    verify,
)
from aftersales_testing.plugin import TEST_JWT_SECRET
from aftersales_testing.stack import ProcessStack

TICKETS = int(os.environ.get("AFTERSALES_FAULT_TICKETS", "240"))
ROUNDS = int(os.environ.get("AFTERSALES_FAULT_ROUNDS", "1"))


async def chaos(
    stack: ProcessStack,
    broker: EmbeddedNats,
    pg: EmbeddedPostgres,
    rng: random.Random,
    log: list[str],
) -> None:
    faults: list[str] = []
    for _ in range(ROUNDS):
        round_faults = ["nats"] * 3 + [s for s in SERVICES for _ in range(2)]
        rng.shuffle(round_faults)
        faults += round_faults
    faults.insert(len(faults) // 2, "postgres")
    for fault in faults:
        await asyncio.sleep(rng.uniform(2.0, 4.0))
        if fault == "nats":
            broker.kill()
            log.append("nats killed")
            await asyncio.sleep(rng.uniform(1.0, 3.0))
            await asyncio.to_thread(broker.start)
        elif fault == "postgres":
            await asyncio.to_thread(pg.restart)
            log.append("postgres restarted")
        else:
            await asyncio.to_thread(stack.restart, fault)
            log.append(f"{fault} killed")


@pytest.mark.timeout(max(1800, 2 * TICKETS))
async def test_the_lifecycle_survives_killed_broker_services_and_database(tmp_path):
    pg = EmbeddedPostgres(tmp_path / "pg", free_port())
    creds = BrokerCredentials.ensure(tmp_path / "nats-credentials", SERVICE_NAMES)
    broker = EmbeddedNats(tmp_path / "nats", free_port(), credentials=creds)
    pg.start()
    broker.start()
    stack = None
    api = None
    try:
        urls = await prepare_database(pg.admin_url, DATABASE)
        dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
        stack = ProcessStack(
            urls, broker.url, TEST_JWT_SECRET, tmp_path / "logs", credentials=creds
        )
        await asyncio.to_thread(stack.start)
        api = Retrying(stack)
        crew, people = await setup(api)

        began = time.monotonic()
        began_at = datetime.now(UTC)
        rng = random.Random(42)
        faults: list[str] = []
        sem = asyncio.Semaphore(12)
        pace = 45.0 * ROUNDS / TICKETS  # spread the tickets over the faults

        async def paced(i: int) -> None:
            await asyncio.sleep(i * pace)
            async with sem:
                await one_ticket(api, i, crew, people)

        drivers = asyncio.gather(*(paced(i) for i in range(TICKETS)))
        await chaos(stack, broker, pg, rng, faults)
        await drivers
        await settle(dsn)
        await verify(dsn, TICKETS)
        bitten = await faults_bit(stack, broker, dsn, began_at, api.retries)
        print(
            f"\n{TICKETS} tickets closed through {len(faults)} faults ({', '.join(faults)}); "
            f"{api.retries} client retries; seen by the system: {bitten}; "
            f"{time.monotonic() - began:.0f} s"
        )
    finally:
        if api is not None:
            await api.close()
        if stack is not None:
            await asyncio.to_thread(stack.stop)
        broker.kill()
        pg.kill()


async def faults_bit(
    stack: ProcessStack, broker: EmbeddedNats, dsn: str, began: datetime, retries: int
) -> dict[str, int]:
    """That the faults really bit, from what the system itself recorded (not from the test's own
    list of what it meant to do): every service's log shows it started again, NATS's log shows
    it came back, PostgreSQL's postmaster started after the test began, JetStream redelivered
    and the clients had to retry."""
    starts = {
        name: proc.log_path.read_text(errors="replace").count("Application startup complete")
        for name, proc in stack.by_name.items()
    }
    for name in SERVICES:
        assert starts[name] >= 3, starts  # started, then killed and restarted at least twice
    nats_starts = broker.log_path.read_text(errors="replace").count("Server is ready")
    assert nats_starts >= 4, nats_starts  # started, then killed and restarted at least three times
    conn = await asyncpg.connect(dsn)
    try:
        assert await conn.fetchval("SELECT pg_postmaster_start_time()") > began
    finally:
        await conn.close()
    redeliveries = await redelivered(broker.url)
    assert redeliveries > 0
    assert retries > 0
    return {"nats_starts": nats_starts, "redeliveries": redeliveries, **starts}
