"""``aftersales demo``: a realistic data set loaded into the running stack, and a stream of
tickets driven through their whole lifecycle over the public HTTP APIs, then a summary.

The data: network points across six districts of Shanghai, technicians, customers with
air conditioners in and out of warranty, a maintenance contract, a price list. Each ticket
takes the path a real one might: repaired on site or in the workshop, paid in cash or by card
(with the slip's reference) or left to the same-day invoice, and called back — mostly
satisfied, sometimes not (then reworked), now and then a complaint; a few are solved on the
phone or cancelled. Spare parts run too: the points start with stock from a central
warehouse, some repairs wait for a compressor (a requisition shipped and received, then the
same visit goes on), and a few customers order parts, pay, and get them shipped and
delivered. At the end finance matches the card payments to the acquirer's statement, and
records one partner point's remittance of the cash its technicians took (until then the point
owes it, even once its office holds it). One technician claims 15 hours on a simple repair:
billing holds the charge, and finance reads the run's flagged claims with their reasons and
adjusts that one.

The stack may hold other data: the README's tour (a point in Pudong, 310115, and its tickets),
an earlier run, a user's own. The demo touches none of it and counts none of it. Its districts
carry region codes of their own, drawn afresh each run among those no point serves yet (they
begin with 99, which no real region code does), so its tickets are routed to its own points
only; and what it prints is this run's: its tickets, their charges, its points' scorecards,
its locations' stock movements and returns, its parts orders.

The demo's calls of routes newer than the generated client (payments with a reference, the
reconciliation, the remittance) are plain HTTP requests.

The package: network.py loads the run's own network, tickets.py drives one ticket along its
path, summary.py prints what this run did, reviews.py shows the flagged claims;
``run_demo`` here puts them together.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import httpx
from rich.console import Console
from rich.progress import Progress

from aftersales_dev.devstack.demo.network import Tokens, load_network
from aftersales_dev.devstack.demo.reviews import print_claims_review
from aftersales_dev.devstack.demo.summary import print_field_money, print_summary
from aftersales_dev.devstack.demo.tickets import drive_ticket
from aftersales_testing.world import World

__all__ = ["PoliteTransport", "run_demo"]


class PoliteTransport(httpx.AsyncHTTPTransport):
    """A client that honours 429 as integrators should: wait ``Retry-After``, send again."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for _ in range(20):
            response = await super().handle_async_request(request)
            if response.status_code != 429:
                return response
            await response.aclose()
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))
        return response


async def run_demo(
    urls: dict[str, str], secret: str, tickets: int, concurrency: int, seed: int, console: Console
) -> None:
    rng = random.Random(seed)
    clients = {
        name: httpx.AsyncClient(
            base_url=url,
            timeout=60,
            # Let an idle connection go before uvicorn closes it (5 s), never send on a closing one.
            transport=PoliteTransport(limits=httpx.Limits(keepalive_expiry=2)),
        )
        for name, url in urls.items()
    }
    w = World(
        Tokens(secret),
        **clients,
        transport=lambda: PoliteTransport(limits=httpx.Limits(keepalive_expiry=2)),
    )
    try:
        console.print(
            "[bold]Loading the network:[/] 12 points in 6 districts, 36 technicians, "
            f"{max(20, tickets // 2)} customers, a contract, a price list…"
        )
        data = await load_network(w, rng, max(20, tickets // 2))
        outcomes: Counter[str] = Counter()
        failures: list[str] = []
        sem = asyncio.Semaphore(concurrency)
        with Progress(console=console) as progress:
            task = progress.add_task("Tickets through their lifecycle", total=tickets)

            async def one(i: int) -> None:
                async with sem:
                    try:
                        outcomes[await drive_ticket(w, random.Random(seed * 1000 + i), data)] += 1
                    except Exception as exc:
                        failures.append(repr(exc)[:200])
                    progress.advance(task)

            await asyncio.gather(*(one(i) for i in range(tickets)))
        await print_summary(w, data, console, outcomes, failures)
        await print_field_money(w, data, console)
        await print_claims_review(w, data, console)
    finally:
        await w.aclose()
        for c in clients.values():
            await c.aclose()
