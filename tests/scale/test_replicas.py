"""Beyond one machine, proven on loopback: a 3-node NATS cluster (streams with 3 replicas,
fsync before ack) and two replicas of every service on one PostgreSQL. Tickets go through the
lifecycle while one NATS node and one replica of each service are killed: nothing is lost,
nothing is done twice, and both replicas of each service did part of the work — its consumers,
its outbox relay and (for dispatch) its SLA timers.

``make test`` runs 300 tickets (a third before the kills, the rest through them); set
``AFTERSALES_REPLICA_TICKETS`` for more (1,000 took 15 minutes beside the rest of the suite
on two cores)."""

from __future__ import annotations

import asyncio
import os
import re

import asyncpg
import httpx
import nats
import pytest

from aftersales.messaging.identity import BrokerCredentials
from aftersales.registry import SERVICE_NAMES
from aftersales_dev.devstack.nats import NatsCluster
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, prepare_database
from aftersales_testing.apps import eventually
from aftersales_testing.lifecycle import SERVICES, Retrying, one_ticket, settle, setup, verify
from aftersales_testing.plugin import TEST_JWT_SECRET
from aftersales_testing.stack import ProcessStack

TICKETS = int(os.environ.get("AFTERSALES_REPLICA_TICKETS", "300"))
WORK = {
    "consumed": r'aftersales_events_consumed_total\{[^}]*outcome="processed"[^}]*\} ([0-9.e+]+)',
    "published": r"aftersales_outbox_published_total\{[^}]*\} ([0-9.e+]+)",
    "timers": r"aftersales_sla_timers_fired_total\{[^}]*\} ([0-9.e+]+)",
}


def work_done(metrics: str) -> dict[str, float]:
    return {k: sum(float(v) for v in re.findall(pattern, metrics)) for k, pattern in WORK.items()}


async def scrape(url: str) -> dict[str, float]:
    async with httpx.AsyncClient(timeout=10) as c:
        return work_done((await c.get(f"{url}/metrics")).text)


async def stream_replicas(nats_url: str) -> dict[str, int]:
    nc = await nats.connect(servers=nats_url.split(","))
    try:
        js = nc.jetstream()
        out = {}
        for stream in ("INTAKE", "DISPATCH", "BILLING", "FEEDBACK"):
            info = await js.stream_info(stream)
            out[stream] = info.config.num_replicas
        return out
    finally:
        await nc.close()


async def under_way(dsn: str, before: int) -> None:
    """The barrier for "the next wave is in flight": intake has opened a ticket beyond the
    ``before`` of the waves done, so the others driven beside it are on their way too."""
    conn = await asyncpg.connect(dsn)
    try:

        async def opened() -> bool:
            return bool(await conn.fetchval("SELECT count(*) FROM intake.tickets") > before)

        await eventually(opened, timeout=120)
    finally:
        await conn.close()


@pytest.mark.timeout(1800)
async def test_two_replicas_of_everything_share_the_work_and_survive_losing_one_each(tmp_path):
    pg = EmbeddedPostgres(tmp_path / "pg", free_port())
    creds = BrokerCredentials.ensure(tmp_path / "nats-credentials", SERVICE_NAMES)
    cluster = NatsCluster(tmp_path / "nats", credentials=creds)
    pg.start()
    cluster.start()
    stack = api = None
    try:
        urls = await prepare_database(pg.admin_url, DATABASE)
        dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
        stack = ProcessStack(
            urls,
            cluster.url,
            TEST_JWT_SECRET,
            tmp_path / "logs",
            replicas=2,
            credentials=creds,
            env={
                "AFTERSALES_STREAM_REPLICAS": "3",
                # answer within 0.36 s: most respond clocks run out, so the timers get work
                "INTAKE_RESPOND_WITHIN_HOURS": "0.0001",
            },
        )
        await asyncio.to_thread(stack.start)
        api = Retrying(stack)
        crew, people = await setup(api, region="330106")
        sem = asyncio.Semaphore(12)

        async def drive(i: int) -> None:
            async with sem:
                await one_ticket(api, i, crew, people)

        first = asyncio.gather(*(drive(i) for i in range(TICKETS // 3)))
        await first
        assert set((await stream_replicas(cluster.url)).values()) == {3}

        # What the second replicas did before they die.
        before = {name: await scrape(stack.url(name, 1)) for name in SERVICES}
        rest = asyncio.gather(*(drive(i) for i in range(TICKETS // 3, TICKETS)))
        await under_way(dsn, TICKETS // 3)  # the kills land in the middle of the rest
        cluster.nodes[0].kill()
        for name in SERVICES:
            stack.replicas[name][1].kill()
        await rest
        after = {name: await scrape(stack.url(name, 0)) for name in SERVICES}

        await settle(dsn)
        await verify(dsn, TICKETS)
        for name in SERVICES:
            for replica, done in (("first", after[name]), ("second", before[name])):
                assert done["consumed"] > 0, f"{name}'s {replica} replica consumed nothing"
                assert done["published"] > 0, f"{name}'s {replica} replica published nothing"
        timers = (before["dispatch"]["timers"], after["dispatch"]["timers"])
        assert all(t > 0 for t in timers), f"SLA clocks fired by each dispatch replica: {timers}"
    finally:
        if api is not None:
            await api.close()
        if stack is not None:
            await asyncio.to_thread(stack.stop)
        cluster.stop()
        pg.kill()
