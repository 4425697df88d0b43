"""Tickets sent to intake as an integrator sends them, from Python: the customer and product they
are for, a POST sent again on a dropped connection (its ``Idempotency-Key`` makes that safe), and
a paced stream of creates."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from bench.common import pct


async def setup_ticket_body(base: str, headers: dict[str, str], tag: str) -> dict[str, str]:
    """A customer and a product to open tickets for, through the public API."""
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as c:
        customer = (
            await c.post(
                "/v1/customers",
                json={
                    "name": "Bench",
                    "phone": f"136{time.time_ns() % 100_000_000:08d}",
                    "address": {"region": "310115", "city": "Shanghai", "line": "1 Bench Rd"},
                },
            )
        ).json()
        product = (
            await c.post(
                f"/v1/customers/{customer['id']}/products",
                json={
                    "category": "air_conditioner",
                    "model": "KFR-35GW",
                    "serial_no": f"B-{tag}-{time.time_ns()}",
                    "purchased_on": "2026-06-01",
                    "warranty_months": 12,
                },
            )
        ).json()
    return {
        "customer_id": customer["id"],
        "product_id": product["id"],
        "kind": "repair",
        "description": "benchmark ticket",
        "channel": "crm",
    }


async def post_retrying(
    c: httpx.AsyncClient,
    path: str,
    *,
    key: str,
    json: Any = None,
    attempts: int = 5,
    pause: float = 0.5,
) -> tuple[httpx.Response, int]:
    """POST with an ``Idempotency-Key``, sent again when the connection drops under load (a
    keep-alive connection the server closed as it was reused): the key makes that safe.
    Returns the response and how many times it was sent again."""
    for attempt in range(attempts):
        try:
            return await c.post(path, json=json, headers={"Idempotency-Key": key}), attempt
        except httpx.TransportError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(pause)
    raise AssertionError("unreachable")


async def drive(
    base: str,
    headers: dict[str, str],
    body: dict[str, str],
    tickets: int,
    concurrency: int,
    *,
    rate: float,
    tag: str = "b",
) -> dict[str, float]:
    """POST ``tickets`` tickets paced at ``rate``/s, each with its own ``Idempotency-Key``.

    A paced Python client, for latency below saturation and for lifecycle work that needs
    logic; never for a throughput figure (wrk gives those). Its own CPU is reported."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    cpu_before = time.process_time()
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30) as c:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(tickets):
            queue.put_nowait(i)
        request_ms: list[float] = []
        retries = 0
        started = time.perf_counter()

        async def worker() -> None:
            nonlocal retries
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
                t0 = time.perf_counter()
                r, retried = await post_retrying(
                    c, "/v1/tickets", key=f"{tag}{i}", json=body, attempts=3, pause=0
                )
                retries += retried
                request_ms.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()

        await asyncio.gather(*[worker() for _ in range(concurrency)])
        elapsed = time.perf_counter() - started
    return {
        "created": tickets,
        "seconds": round(elapsed, 2),
        "tickets_per_second": round(tickets / elapsed, 1),
        "request_p50_ms": round(pct(request_ms, 50), 1),
        "request_p99_ms": round(pct(request_ms, 99), 1),
        "retried_after_connection_error": retries,
        # The bench process's CPU while it drove them (its other tasks included).
        "client_cpu_ms_per_ticket": round((time.process_time() - cpu_before) * 1000 / tickets, 2),
    }
