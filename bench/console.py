"""The console's pages at scale: the time to render the supervisor's board and a partner
point's jobs page with 10,000 open tickets over 500 points.

The four services and the console run as processes, as ``make run`` runs them, on an embedded
PostgreSQL and NATS. The network is loaded through the APIs: 500 points (one region each),
1,000 customers with a product, 10,000 tickets (each routed and offered to its region's point
by dispatch); the measured point accepts its offers and books them for tomorrow. Then wrk (a
compiled load generator, on the same two cores) requests each page for ``--seconds`` with a
signed-in session's cookie, at ``--connections`` connections: the latency percentiles are
wrk's, each page rendered by the console from the services' answers (the board: intake's
counts and first page by next_due, dispatch's counts, offered and unrouted jobs, the points).

    python -m bench.console [--tickets 10000] [--points 500] [--seconds 20] [--connections 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, prepare_database
from aftersales_testing.stack import ProcessStack
from bench.common import RESULTS, SECRET, machine
from bench.measure import wrk


async def _load(stack: ProcessStack, tickets: int, points: int) -> dict[str, object]:
    admin, agent = stack.auth("admin"), stack.auth("agent")
    limits = httpx.Limits(max_connections=8)
    async with (
        httpx.AsyncClient(base_url=stack.url("dispatch"), timeout=60, limits=limits) as d,
        httpx.AsyncClient(base_url=stack.url("intake"), timeout=60, limits=limits) as i,
    ):
        sem = asyncio.Semaphore(8)

        async def ok(r: httpx.Response) -> dict:
            assert r.status_code < 300, r.text
            return r.json()  # type: ignore[no-any-return]

        async def point(n: int) -> dict:
            async with sem:
                body = {
                    "code": f"B{n:04d}",
                    "name": f"Bench point {n}",
                    "regions": [f"31{n:04d}"],
                    "categories": ["air_conditioner"],
                    "daily_capacity": 1000,
                    "is_partner": True,
                }
                return await ok(await d.post("/v1/points", json=body, headers=admin))

        made = await asyncio.gather(*(point(n) for n in range(points)))
        tech = await ok(
            await d.post(
                f"/v1/points/{made[0]['id']}/technicians",
                json={"name": "Tech", "phone": "13700000001", "skills": ["air_conditioner"]},
                headers=agent,
            )
        )

        async def customer(n: int) -> tuple[str, str]:
            async with sem:
                region = f"31{n % points:04d}"
                body = {
                    "name": f"Customer {n}",
                    "phone": f"139{n:08d}",
                    "address": {"region": region, "city": "Shanghai", "line": f"{n} Road"},
                }
                c = await ok(await i.post("/v1/customers", json=body, headers=agent))
                product = {
                    "category": "air_conditioner",
                    "model": "KFR-35GW",
                    "serial_no": f"SN{n:08d}",
                    "purchased_on": "2026-06-01",
                    "warranty_months": 12,
                }
                p = await ok(
                    await i.post(f"/v1/customers/{c['id']}/products", json=product, headers=agent)
                )
                return c["id"], p["id"]

        people = await asyncio.gather(*(customer(n) for n in range(max(points, tickets // 10))))
        started = time.monotonic()

        async def ticket(n: int) -> None:
            async with sem:
                cid, pid = people[n % len(people)]
                body = {
                    "customer_id": cid,
                    "product_id": pid,
                    "kind": "repair",
                    "description": "not cooling",
                    "channel": "hotline",
                }
                await ok(
                    await i.post(
                        "/v1/tickets",
                        json=body,
                        headers={**agent, "Idempotency-Key": f"bench-{n}"},
                    )
                )

        await asyncio.gather(*(ticket(n) for n in range(tickets)))
        created = time.monotonic() - started
        # The measured point's offers: wait for them, accept them, book them for tomorrow.
        first = made[0]
        mine = stack.auth("point", point_id=first["id"])
        while True:
            page = await ok(
                await d.get("/v1/jobs", params={"status": "offered", "limit": 100}, headers=mine)
            )
            if len(page["items"]) >= tickets // points:
                break
            await asyncio.sleep(1)
        start = (datetime.now(UTC) + timedelta(days=1)).replace(hour=2, minute=0, second=0)
        for job in page["items"]:
            await ok(await d.post(f"/v1/jobs/{job['id']}/accept", headers=mine))
            window = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()}
            await ok(
                await d.post(
                    f"/v1/jobs/{job['id']}/assign",
                    json={"technician_id": tech["id"], "appointment": window},
                    headers=mine,
                )
            )
        counts = await ok(await i.get("/v1/tickets/counts", headers=admin))
    return {
        "points": points,
        "tickets_created": tickets,
        "tickets_open": counts["total"],
        "created_seconds": round(created, 1),
        "point_jobs_booked": len(page["items"]),
        "point_id": first["id"],
    }


async def _session(stack: ProcessStack, role: str, **scope: str) -> str:
    link = await stack.console_link(role, **scope)
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.get(link)
        return r.cookies["console_session"]


async def main(tickets: int, points: int, seconds: float, connections: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-console-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port())
        broker = EmbeddedNats(data / "nats", free_port())
        pg.start()
        broker.start()
        stack = None
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            stack = ProcessStack(urls, broker.url, SECRET, data / "logs", console=True)
            await asyncio.to_thread(stack.start)
            loaded = await _load(stack, tickets, points)
            admin = await _session(stack, "admin")
            point = await _session(stack, "point", point_id=str(loaded["point_id"]))
            base = stack.url("console")
            pages: dict[str, dict[str, object]] = {}
            for name, path, cookie in (
                ("board", "/console/board/", admin),
                ("portal_jobs", "/console/point/jobs", point),
                ("portal_offers", "/console/point/offers", point),
            ):
                # One person at a time (the render itself), then ``connections`` at once.
                for at_once in sorted({1, connections}):
                    run = await asyncio.to_thread(
                        wrk,
                        base + path,
                        "page.lua",
                        [cookie],
                        seconds=seconds,
                        connections=at_once,
                        threads=1,
                    )
                    pages.setdefault(name, {})[f"connections_{at_once}"] = run.as_dict()
        finally:
            if stack is not None:
                await asyncio.to_thread(stack.stop)
            broker.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": (
            f"wrk, 1 thread, 1 then {connections} connections, {seconds:g} s per page and"
            " number, against the console process (which calls intake and dispatch"
            " processes) on the same 2 cores"
        ),
        "loaded": loaded,
        "pages": pages,
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    result = asyncio.run(main(args.tickets, args.points, args.seconds, args.connections))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "console.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    cli()
