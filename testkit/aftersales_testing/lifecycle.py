"""Driving tickets through the whole lifecycle over HTTP while things break, and checking
afterwards that the four services agree: shared by the fault, soak and replica tests."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import nats

from aftersales_testing.factories import SIGNATURE
from aftersales_testing.stack import KEEP_ALIVE, ProcessStack
from aftersales_testing.world import PRICES

SERVICES = ("intake", "dispatch", "billing", "feedback")
RETRYABLE = {409, 500, 502, 503, 504}


class Retrying:
    """Calls that survive the faults: connection errors and 5xx are retried with the same
    request (and the same Idempotency-Key), so a retry replays instead of repeating. With
    several replicas of a service, calls go round-robin and fail over, as behind a balancer."""

    def __init__(self, stack: ProcessStack) -> None:
        self.stack = stack
        self.clients = {
            n: [
                httpx.AsyncClient(base_url=stack.url(n, i), timeout=15, limits=KEEP_ALIVE)
                for i in range(len(stack.replicas[n]))
            ]
            for n in SERVICES
        }
        self.turn = 0
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
            self.turn += 1
            # As a balancer's health check would: a replica whose process is gone gets no
            # calls (its port is free, and another test's server may be listening there).
            procs = self.stack.replicas[service]
            replicas = [c for c, p in zip(self.clients[service], procs, strict=True) if p.alive()]
            replicas = replicas or self.clients[service]
            client = replicas[self.turn % len(replicas)]
            try:
                r = await client.request(method, path, headers=headers, **kw)
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
        for replicas in self.clients.values():
            for c in replicas:
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
    as_point: dict[str, Any] = {"role": "point", "scope": {"point_id": point["id"]}}
    as_tech: dict[str, Any] = {"role": "technician", "scope": {"technician_id": tech["id"]}}
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
    steps: list[tuple[str, dict[str, Any]]] = [
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
        json={"reached": True, "outcome": "satisfied", "score": 5, "visit_confirmed": "yes"},
    )
    await api.until("intake", f"/v1/tickets/{ticket['id']}", lambda b: b["status"] == "closed")


async def setup(api: Retrying, region: str = "320102") -> tuple[dict[str, Any], list[Any]]:
    await api.call("billing", "PUT", "/v1/price-list", json=PRICES, role="finance")
    point = (
        await api.call(
            "dispatch",
            "POST",
            "/v1/points",
            role="admin",
            json={
                "code": "FAULTS",
                "name": "Faults",
                "regions": [region],
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
                    "address": {"region": region, "city": "Nanjing", "line": f"{i} Zhongshan Rd"},
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


async def verify(dsn: str, tickets: int) -> None:
    """Every ticket closed, the projections agree, nothing twice, nothing dead-lettered."""
    conn = await asyncpg.connect(dsn)
    try:
        q = conn.fetchval
        assert await q("SELECT count(*) FROM intake.tickets") == tickets
        assert await q("SELECT count(*) FROM intake.tickets WHERE status = 'closed'") == tickets
        # nothing exists twice
        assert await q("SELECT count(*) FROM dispatch.jobs") == tickets
        assert await q("SELECT count(*) FROM dispatch.jobs WHERE status = 'completed'") == tickets
        assert await q("SELECT count(*) FROM billing.charges") == tickets
        assert await q("SELECT count(DISTINCT job_id) FROM billing.charges") == tickets
        assert await q("SELECT count(*) FROM feedback.callbacks") == tickets
        assert (
            await q("SELECT count(*) FROM feedback.callbacks WHERE outcome = 'satisfied'")
            == tickets
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
