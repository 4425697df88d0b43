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
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import nats
import pytest

from aftersales.devstack.nats import EmbeddedNats
from aftersales.devstack.ports import free_port
from aftersales.devstack.postgres import EmbeddedPostgres
from aftersales.devstack.stack import DATABASE, prepare_database
from aftersales.testing.factories import SIGNATURE
from aftersales.testing.plugin import TEST_JWT_SECRET
from aftersales.testing.stack import ProcessStack
from aftersales.testing.world import PRICES

TICKETS = int(os.environ.get("AFTERSALES_FAULT_TICKETS", "240"))
ROUNDS = int(os.environ.get("AFTERSALES_FAULT_ROUNDS", "1"))
SERVICES = ("intake", "dispatch", "billing", "feedback")
REGION = "320102"
RETRYABLE = {409, 500, 502, 503, 504}


class Retrying:
    """Calls that survive the faults: connection errors and 5xx are retried with the same
    request (and the same Idempotency-Key), so a retry replays instead of repeating."""

    def __init__(self, stack: ProcessStack) -> None:
        self.stack = stack
        self.clients = {n: httpx.AsyncClient(base_url=stack.url(n), timeout=15) for n in SERVICES}
        self.retries = 0

    async def call(
        self,
        service: str,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200, 201),
        role: str = "agent",
        scope: dict[str, Any] | None = None,
        deadline: float = 300,
        **kw: Any,
    ) -> httpx.Response:
        headers = {**self.stack.auth(role, **(scope or {})), **kw.pop("headers", {})}
        give_up = time.monotonic() + deadline
        while True:
            try:
                r = await self.clients[service].request(method, path, headers=headers, **kw)
                if r.status_code in ok:
                    return r
                if r.status_code not in RETRYABLE:
                    raise AssertionError(f"{method} {path}: {r.status_code} {r.text}")
            except httpx.TransportError:
                pass
            if time.monotonic() > give_up:
                raise AssertionError(f"{method} {path} did not succeed in {deadline}s")
            self.retries += 1
            await asyncio.sleep(0.5)

    async def until(
        self,
        service: str,
        path: str,
        found: Any,
        *,
        params: dict[str, Any] | None = None,
        deadline: float = 300,
    ) -> Any:
        give_up = time.monotonic() + deadline
        while time.monotonic() < give_up:
            r = await self.call(service, "GET", path, params=params, deadline=deadline)
            value = found(r.json())
            if value:
                return value
            await asyncio.sleep(0.3)
        raise AssertionError(f"GET {path} {params}: condition not met in {deadline}s")

    async def close(self) -> None:
        for c in self.clients.values():
            await c.aclose()


async def one_ticket(api: Retrying, i: int, crew: dict[str, Any], people: list[Any]) -> None:
    customer, product = people[i % len(people)]
    key = f"fault-{i}"
    ticket = (
        await api.call(
            "intake",
            "POST",
            "/v1/tickets",
            headers={"Idempotency-Key": key},
            json={
                "customer_id": customer["id"],
                "product_id": product["id"],
                "kind": "repair",
                "description": f"ticket {i}",
                "channel": "crm",
            },
        )
    ).json()
    job = await api.until(
        "dispatch",
        "/v1/jobs",
        lambda b: next((j for j in b["items"] if j["status"] == "offered"), None),
        params={"ticket_id": ticket["id"]},
    )
    point, tech = crew["point"], crew["technicians"][i % len(crew["technicians"])]
    as_point = {"role": "point", "scope": {"point_id": point["id"]}}
    as_tech = {"role": "technician", "scope": {"technician_id": tech["id"]}}
    await api.call("dispatch", "POST", f"/v1/jobs/{job['id']}/accept", ok=(200, 409), **as_point)
    start = datetime.now(UTC) + timedelta(hours=1)
    await api.call(
        "dispatch",
        "POST",
        f"/v1/jobs/{job['id']}/assign",
        headers={"Idempotency-Key": f"{key}-a"},
        json={
            "technician_id": tech["id"],
            "appointment": {
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
            },
        },
        **as_point,
    )
    now = datetime.now(UTC)
    steps = [
        ("en_route", {}),
        ("on_site", {"travel_km": 12}),
        ("resolved_on_site", {"signature": SIGNATURE, "labor_minutes": 40}),
    ]
    for n, (status, extra) in enumerate(steps):
        at = (now + timedelta(seconds=n)).isoformat()
        await api.call(
            "dispatch",
            "POST",
            f"/v1/jobs/{job['id']}/status",
            headers={"Idempotency-Key": f"{key}-{status}"},
            json={"status": status, "at": at, **extra},
            **as_tech,
        )
    charge = await api.until(
        "billing",
        "/v1/charges",
        lambda b: b["items"][0] if b["items"] else None,
        params={"job_id": job["id"]},
    )
    if charge["balance"]["amount"] > 0:
        await api.call(
            "billing",
            "POST",
            f"/v1/charges/{charge['id']}/payments",
            headers={"Idempotency-Key": f"{key}-pay"},
            json={"method": "cash", "amount": charge["balance"]},
            **as_tech,
        )
    callback = await api.until(
        "feedback",
        "/v1/callbacks",
        lambda b: b["items"][0] if b["items"] else None,
        params={"ticket_id": ticket["id"]},
    )
    await api.call(
        "feedback",
        "POST",
        f"/v1/callbacks/{callback['id']}/result",
        headers={"Idempotency-Key": f"{key}-cb"},
        json={"reached": True, "outcome": "satisfied", "score": 5},
    )
    await api.until("intake", f"/v1/tickets/{ticket['id']}", lambda b: b["status"] == "closed")


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


async def setup(api: Retrying) -> tuple[dict[str, Any], list[Any]]:
    await api.call("billing", "PUT", "/v1/price-list", json=PRICES)
    point = (
        await api.call(
            "dispatch",
            "POST",
            "/v1/points",
            json={
                "code": "FAULTS",
                "name": "Faults",
                "regions": [REGION],
                "categories": ["air_conditioner"],
                "daily_capacity": 10_000,
                "is_partner": False,
            },
        )
    ).json()
    techs = [
        (
            await api.call(
                "dispatch",
                "POST",
                f"/v1/points/{point['id']}/technicians",
                json={
                    "name": f"Tech {i}",
                    "phone": f"1370000{i:04d}",
                    "skills": ["air_conditioner"],
                },
            )
        ).json()
        for i in range(4)
    ]
    people = []
    for i in range(20):
        customer = (
            await api.call(
                "intake",
                "POST",
                "/v1/customers",
                json={
                    "name": f"Customer {i}",
                    "phone": f"1381234{i:04d}",
                    "address": {"region": REGION, "city": "Nanjing", "line": f"{i} Zhongshan Rd"},
                },
            )
        ).json()
        bought = date.today() - timedelta(days=30 if i % 2 else 900)
        product = (
            await api.call(
                "intake",
                "POST",
                f"/v1/customers/{customer['id']}/products",
                json={
                    "category": "air_conditioner",
                    "model": "KFR-50LW",
                    "serial_no": uuid.uuid4().hex[:10],
                    "purchased_on": bought.isoformat(),
                    "warranty_months": 12,
                },
            )
        ).json()
        people.append((customer, product))
    return {"point": point, "technicians": techs}, people


async def redelivered(nats_url: str) -> int:
    """Deliveries beyond the first, over every durable consumer: each delivery, first or not,
    takes a consumer sequence number, so those past the last stream sequence were repeats."""
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        total = 0
        for stream in ("INTAKE", "DISPATCH", "BILLING", "FEEDBACK"):
            for info in await js.consumers_info(stream):
                delivered = info.delivered
                if delivered is not None:
                    total += max(0, (delivered.consumer_seq or 0) - (delivered.stream_seq or 0))
        return total
    finally:
        await nc.close()


@pytest.mark.timeout(max(1800, 2 * TICKETS))
async def test_the_lifecycle_survives_killed_broker_services_and_database(tmp_path):
    pg = EmbeddedPostgres(tmp_path / "pg", free_port())
    broker = EmbeddedNats(tmp_path / "nats", free_port())
    pg.start()
    broker.start()
    stack = None
    api = None
    try:
        urls = await prepare_database(pg.admin_url, DATABASE)
        dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
        stack = ProcessStack(urls, broker.url, TEST_JWT_SECRET, tmp_path / "logs")
        await asyncio.to_thread(stack.start)
        api = Retrying(stack)
        crew, people = await setup(api)

        began = time.monotonic()
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
        await verify(dsn, broker.url, faults, api.retries)
        print(
            f"\n{TICKETS} tickets closed through {len(faults)} faults ({', '.join(faults)}); "
            f"{api.retries} client retries; {await redelivered(broker.url)} redeliveries; "
            f"{time.monotonic() - began:.0f} s"
        )
    finally:
        if api is not None:
            await api.close()
        if stack is not None:
            await asyncio.to_thread(stack.stop)
        broker.kill()
        pg.kill()


async def settle(dsn: str) -> None:
    """Wait until every outbox is sent and the counts stop moving."""
    conn = await asyncpg.connect(dsn)
    try:
        last = None
        for _ in range(120):
            unsent = sum(
                [
                    await conn.fetchval(f"SELECT count(*) FROM {s}.outbox WHERE sent_at IS NULL")
                    for s in SERVICES
                ]
            )
            counts = (
                await conn.fetchval("SELECT count(*) FROM intake.ticket_timeline"),
                await conn.fetchval("SELECT count(*) FROM billing.charges"),
            )
            if unsent == 0 and counts == last:
                return
            last = counts
            await asyncio.sleep(1)
        raise AssertionError("the services did not settle")
    finally:
        await conn.close()


async def verify(dsn: str, nats_url: str, faults: list[str], retries: int) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        q = conn.fetchval
        assert await q("SELECT count(*) FROM intake.tickets") == TICKETS
        assert await q("SELECT count(*) FROM intake.tickets WHERE status = 'closed'") == TICKETS
        # nothing exists twice
        assert await q("SELECT count(*) FROM dispatch.jobs") == TICKETS
        assert await q("SELECT count(*) FROM dispatch.jobs WHERE status = 'completed'") == TICKETS
        assert await q("SELECT count(*) FROM billing.charges") == TICKETS
        assert await q("SELECT count(DISTINCT job_id) FROM billing.charges") == TICKETS
        assert await q("SELECT count(*) FROM feedback.callbacks") == TICKETS
        assert (
            await q("SELECT count(*) FROM feedback.callbacks WHERE outcome = 'satisfied'")
            == TICKETS
        )
        assert await q("SELECT count(*) FROM billing.invoices") == await q(
            "SELECT count(DISTINCT charge_id) FROM billing.invoices"
        )

        # every projection agrees with its source
        def digest(value: str, order: str, table: str) -> str:
            return f"SELECT md5(string_agg({value}, ',' ORDER BY {order})) FROM {table}"

        checks = {
            "intake's jobs are dispatch's": (
                digest("current_job_id::text", "current_job_id", "intake.tickets"),
                digest("id::text", "id", "dispatch.jobs"),
            ),
            "intake's charges are billing's": (
                digest("charge_id::text || ':' || charge_total", "charge_id", "intake.tickets"),
                digest("id::text || ':' || customer_total", "id", "billing.charges"),
            ),
            "billing's tickets are intake's": (
                digest("ticket_id::text", "ticket_id", "billing.ticket_facts"),
                digest("id::text", "id", "intake.tickets"),
            ),
            "feedback's jobs are dispatch's": (
                digest("job_id::text", "job_id", "feedback.callbacks"),
                digest("id::text", "id", "dispatch.jobs"),
            ),
        }
        for name, (left, right) in checks.items():
            assert await q(left) == await q(right), name
        assert await q(
            "SELECT count(*) FROM intake.tickets WHERE charge_status = 'paid'"
        ) == await q("SELECT count(*) FROM billing.charges WHERE status = 'paid'")
        for s in SERVICES:
            assert await q(f"SELECT count(*) FROM {s}.dead_letters") == 0, f"{s} dead-lettered"
    finally:
        await conn.close()
    # the faults really bit
    assert faults.count("nats killed") >= 3 and "postgres restarted" in faults
    for s in SERVICES:
        assert faults.count(f"{s} killed") >= 2
    assert await redelivered(nats_url) > 0
    assert retries > 0
