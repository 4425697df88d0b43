"""A newcomer's first half hour, in the order README.md gives it: the tour ("Try it") on the
four services run as processes, as `make run` runs them, then `make demo` on the same stack,
twice. The demo must end without a failed ticket, route none of its tickets to the tour's
point, and sum up its own run only, whatever the stack held before it."""

import io
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from rich.console import Console

from aftersales_dev.devstack.demo import run_demo
from aftersales_testing.apps import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

README = Path(__file__).resolve().parents[2] / "README.md"
# The ports `make run` serves the services on, which README's requests name.
PORTS = {8001: "intake", 8002: "dispatch", 8003: "billing", 8004: "feedback"}

# README's tour, request by request, as README writes them: (method, port, path). The test
# sends exactly these, in this order; `test_readme_still_shows_the_tour` keeps README in step.
TOUR = (
    ("POST", 8001, "/v1/customers"),
    ("POST", 8001, "/v1/customers/<customer id>/products"),
    ("POST", 8001, "/v1/tickets"),
    ("GET", 8002, "/v1/jobs?ticket_id=<ticket id>"),
    ("GET", 8001, "/v1/tickets/<ticket id>/timeline"),
    ("POST", 8002, "/v1/points"),
    ("POST", 8002, "/v1/points/<point id>/technicians"),
    ("POST", 8001, "/v1/tickets"),
    ("GET", 8002, "/v1/jobs?ticket_id=<next ticket id>"),
    ("POST", 8002, "/v1/jobs/<job id>/accept"),
    ("POST", 8002, "/v1/jobs/<job id>/assign"),
)

# A curl line's URL, placeholders (which hold spaces) included.
URL = re.compile(r"localhost:(\d+)(/(?:[^\s\"'<]|<[^>]*>)*)")


def readme_requests(text: str) -> Counter[tuple[str, int, str]]:
    """Every request README's shell blocks send with curl: (method, port, path)."""
    found: Counter[tuple[str, int, str]] = Counter()
    for line in text.splitlines():
        if "curl " not in line or not (url := URL.search(line)):
            continue
        method = m[1] if (m := re.search(r"-X\s+([A-Z]+)", line)) else "GET"
        found[(method, int(url[1]), url[2])] += 1
    return found


async def test_readme_still_shows_the_tour():
    shown = readme_requests(README.read_text())
    missing = Counter(TOUR) - shown
    assert not missing, f"README's tour no longer sends these requests: {sorted(missing)}"


class Tour:
    """README's requests against the test's stack: each placeholder filled with what an earlier
    answer gave, each request recorded so the test can hold it to TOUR."""

    def __init__(self, stack: Any) -> None:
        self.stack = stack
        self.ids: dict[str, str] = {}
        self.sent: list[tuple[str, int, str]] = []
        self.clients = {
            port: httpx.AsyncClient(base_url=stack.url(name), timeout=30)
            for port, name in PORTS.items()
        }

    async def send(
        self,
        method: str,
        port: int,
        path: str,
        headers: dict[str, str],
        status: int = 200,
        **kwargs: Any,
    ) -> Any:
        self.sent.append((method, port, path))
        return await self._request(method, port, path, headers, status, **kwargs)

    async def until(
        self, port: int, path: str, headers: dict[str, str], check: Callable[[Any], Any]
    ) -> Any:
        """GET ``path`` again until ``check`` finds what the reader waits for in the answer,
        as a reader runs the same curl once more: one request of the tour."""
        self.sent.append(("GET", port, path))

        async def found() -> Any:
            return check(await self._request("GET", port, path, headers, 200))

        return await eventually(found, timeout=30)

    async def _request(
        self, method: str, port: int, path: str, headers: dict[str, str], status: int, **kwargs: Any
    ) -> Any:
        url = re.sub(r"<([^>]+)>", lambda m: self.ids[m[1]], path)
        r = await self.clients[port].request(method, url, headers=headers, **kwargs)
        assert r.status_code == status, r.text
        return r.json()

    async def aclose(self) -> None:
        for c in self.clients.values():
            await c.aclose()


async def take_the_tour(stack: Any) -> dict[str, str]:
    """README's "Try it", step by step, with its bodies; the ids it handed out."""
    tour = Tour(stack)
    H = stack.auth("agent")
    try:
        customer = await tour.send(
            "POST",
            8001,
            "/v1/customers",
            H,
            201,
            json={
                "name": "Wang Fang",
                "phone": "+86 138 0013 8000",
                "address": {"region": "310115", "city": "Shanghai", "line": "1 Century Ave"},
            },
        )
        tour.ids["customer id"] = customer["id"]
        product = await tour.send(
            "POST",
            8001,
            "/v1/customers/<customer id>/products",
            H,
            201,
            json={
                "category": "air_conditioner",
                "model": "KFR-35GW",
                "serial_no": "SN1",
                "purchased_on": "2026-06-01",
                "warranty_months": 12,
            },
        )
        tour.ids["product id"] = product["id"]
        call = {
            "customer_id": customer["id"],
            "product_id": product["id"],
            "kind": "repair",
            "description": "not cooling",
            "channel": "hotline",
        }
        ticket = await tour.send(
            "POST", 8001, "/v1/tickets", H | {"Idempotency-Key": "call-0001"}, 201, json=call
        )
        tour.ids["ticket id"] = ticket["id"]

        def first_job(page: dict[str, Any]) -> dict[str, Any] | None:
            return page["items"][0] if page["items"] else None

        # "dispatch made a job": no point serves Pudong yet, so it waits, unrouted.
        waiting = await tour.until(8002, "/v1/jobs?ticket_id=<ticket id>", H, first_job)
        assert waiting["status"] == "unrouted", waiting
        # "and intake heard of it"
        await tour.until(
            8001,
            "/v1/tickets/<ticket id>/timeline",
            H,
            lambda timeline: any(e["event"].startswith("dispatch.") for e in timeline["entries"]),
        )

        A = stack.auth("admin")
        point = await tour.send(
            "POST",
            8002,
            "/v1/points",
            A,
            201,
            json={
                "code": "SH-PD-01",
                "name": "Pudong",
                "regions": ["310115"],
                "categories": ["air_conditioner"],
                "daily_capacity": 20,
            },
        )
        tour.ids["point id"] = point["id"]
        tech = await tour.send(
            "POST",
            8002,
            "/v1/points/<point id>/technicians",
            H,
            201,
            json={"name": "Li Wei", "phone": "13900000001", "skills": ["air_conditioner"]},
        )
        tour.ids["technician id"] = tech["id"]
        call["description"] = "still not cooling"
        again = await tour.send(
            "POST", 8001, "/v1/tickets", H | {"Idempotency-Key": "call-0002"}, 201, json=call
        )
        tour.ids["next ticket id"] = again["id"]

        job = await tour.until(
            8002,
            "/v1/jobs?ticket_id=<next ticket id>",
            H,
            lambda page: (j := first_job(page)) and j["status"] == "offered" and j,
        )
        assert job["point_id"] == point["id"] and "SH-PD-01" in str(job["routing"]), job
        tour.ids["job id"] = job["id"]
        P = stack.auth("point", point_id=point["id"])
        await tour.send("POST", 8002, "/v1/jobs/<job id>/accept", P)
        day = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()  # README's $DAY
        booked = await tour.send(
            "POST",
            8002,
            "/v1/jobs/<job id>/assign",
            P,
            json={
                "technician_id": tech["id"],
                "appointment": {"start": f"{day}T01:00:00Z", "end": f"{day}T03:00:00Z"},
            },
        )
        assert booked["technician_id"] == tech["id"], booked
        assert tour.sent == list(TOUR)
        return tour.ids | {"waiting job id": waiting["id"]}
    finally:
        await tour.aclose()


async def demo(stack: Any, seed: int) -> str:
    out = io.StringIO()
    urls = {name: stack.url(name) for name in PORTS.values()}
    await run_demo(
        urls,
        stack.secret,
        tickets=12,
        concurrency=4,
        seed=seed,
        console=Console(file=out, width=140),
    )
    return out.getvalue()


def runs_in(printed: str) -> set[str]:
    """The runs whose points a demo's output names (a point's code ends in its run's tag)."""
    return set(re.findall(r"SH-[A-Z]{3}-\d-(\w{4})\b", printed))


def count(printed: str, row: str) -> int:
    """The figure a demo table gives on ``row`` (0 when the table has no such row)."""
    found = re.search(rf"│\s*{re.escape(row)}\s*│\s*(\d+)\s*│", printed)
    return int(found[1]) if found else 0


def assert_the_run_went_well(printed: str) -> None:
    text = " ".join(printed.split())  # the tables wrap their titles
    assert "failed" not in text, printed
    assert "Tickets by final status" in text and "closed" in text
    # What it sums up is its own: the opening receipt of its warehouse (two parts), and as
    # many parts orders as it delivered.
    assert count(printed, "movement: receive") == 2, printed
    assert count(printed, "parts order: delivered") == count(printed, "delivered"), printed
    assert "SH-PD-01" not in printed  # the tour's point is not the demo's to show


async def test_the_tour_then_the_demo_twice(process_stack):
    ids = await take_the_tour(process_stack)

    # The seeds give each run a Pudong repair or two (what the tour's point would take) and
    # a parts order or two.
    first = await demo(process_stack, seed=12)
    assert_the_run_went_well(first)
    first_run = runs_in(first)
    assert len(first_run) == 1, first

    # An earlier run's network (graded by now) takes none of the next run's tickets, and the
    # next run shows its own points only.
    second = await demo(process_stack, seed=14)
    assert_the_run_went_well(second)
    second_run = runs_in(second)
    assert len(second_run) == 1 and second_run != first_run, second

    # The tour's point holds the tour's job and nothing else; its first ticket still waits.
    agent = process_stack.auth("agent")
    async with httpx.AsyncClient(base_url=process_stack.url("dispatch"), timeout=30) as dispatch:
        r = await dispatch.get(
            "/v1/jobs", params={"point_id": ids["point id"], "limit": 100}, headers=agent
        )
        assert r.status_code == 200, r.text
        assert [j["id"] for j in r.json()["items"]] == [ids["job id"]]
        r = await dispatch.get(f"/v1/jobs/{ids['waiting job id']}", headers=agent)
        assert r.status_code == 200 and r.json()["status"] == "unrouted", r.text
