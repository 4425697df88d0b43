"""The field and the call centre behind the intake load: workers that take every routed job
through accept, booking and the three status reports, and record a satisfied callback for every
completed job, so that dispatch, billing and feedback all work."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx

from aftersales_testing.factories import SIGNATURE
from aftersales_testing.stack import ProcessStack
from bench.load import post_retrying


def _report_crash(task: asyncio.Task[None]) -> None:
    """A worker that dies would leave its jobs unclosed and the phase waiting: say why."""
    if not task.cancelled() and task.exception() is not None:
        print(f"lifecycle worker crashed: {task.exception()!r}", flush=True)


class Lifecycle:
    """Field and call-centre workers: every routed job is taken to a satisfied callback.

    One poller per side lists the work (offered jobs, due callbacks) into a queue; ``field``
    and ``callers`` workers take from it, so the lifecycle's own concurrency is not what holds
    it back. The jobs' poller follows dispatch's sync cursor (``since``): each poll reads only
    the jobs changed since the last, in commit order, none skipped.
    """

    def __init__(
        self,
        stack: ProcessStack,
        technicians: list[dict[str, Any]],
        field: int = 16,
        callers: int = 4,
    ) -> None:
        self.stack = stack
        self.technician_of = {t["point_id"]: t for t in technicians}
        self.field_workers = field
        self.callers = callers
        self.completed = 0
        self.called_back = 0
        self.polls = 0  # the pollers' list requests, which the suite's CPU includes
        self.jobs: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.callbacks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def tasks(self) -> list[asyncio.Task[None]]:
        dispatch = self._client("dispatch")
        feedback = self._client("feedback")
        work = [
            self._poll(dispatch, "/v1/jobs", {"status": "offered"}, self.jobs, sync=True),
            self._poll(feedback, "/v1/callbacks", {"status": "due"}, self.callbacks),
            *(self._field(dispatch) for _ in range(self.field_workers)),
            *(self._call(feedback) for _ in range(self.callers)),
        ]
        tasks = [asyncio.create_task(w) for w in work]
        for task in tasks:
            task.add_done_callback(_report_crash)
        return tasks

    def _client(self, service: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.stack.url(service),
            headers=self.stack.auth("agent"),
            timeout=60,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=32),
        )

    async def _poll(
        self,
        c: httpx.AsyncClient,
        path: str,
        params: dict[str, str],
        queue: asyncio.Queue[dict[str, Any]],
        *,
        sync: bool = False,
    ) -> None:
        seen: set[str] = set()
        # The sync cursor; None lists the first page again each time (the callbacks, and jobs
        # from a service without `since`: bench.ab's base commit answers with no next_since).
        since: str | None = "" if sync else None
        while True:
            if queue.qsize() >= 50:  # the workers have enough in hand: don't list it again
                await asyncio.sleep(0.2)
                continue
            query = {**params, "limit": "100"}
            if since is not None:
                query["since"] = since
            r = await c.get(path, params=query)
            self.polls += 1
            body = r.json()
            if since is not None:
                since = body.get("next_since")
            fresh = [item for item in body["items"] if item["id"] not in seen]
            for item in fresh:
                seen.add(item["id"])
                queue.put_nowait(item)
            if not fresh:
                await asyncio.sleep(0.2)

    async def _post(
        self, c: httpx.AsyncClient, path: str, key: str, json: dict[str, Any] | None = None
    ) -> httpx.Response:
        return (await post_retrying(c, path, key=key, json=json))[0]

    async def _field(self, c: httpx.AsyncClient) -> None:
        while True:
            job = await self.jobs.get()
            j = job["id"]
            if (await self._post(c, f"/v1/jobs/{j}/accept", f"accept-{j}")).status_code != 200:
                continue
            start = datetime.now(UTC).timestamp() + 3600
            await self._post(
                c,
                f"/v1/jobs/{j}/assign",
                f"assign-{j}",
                {
                    "technician_id": self.technician_of[job["point_id"]]["id"],
                    "appointment": {
                        "start": datetime.fromtimestamp(start, UTC).isoformat(),
                        "end": datetime.fromtimestamp(start + 7200, UTC).isoformat(),
                    },
                },
            )
            for status, extra in (
                ("en_route", {}),
                ("on_site", {"travel_km": 5}),
                ("resolved_on_site", {"signature": SIGNATURE, "labor_minutes": 30}),
            ):
                await self._post(
                    c,
                    f"/v1/jobs/{j}/status",
                    f"{status}-{j}",
                    {"status": status, "at": datetime.now(UTC).isoformat(), **extra},
                )
            self.completed += 1

    async def _call(self, c: httpx.AsyncClient) -> None:
        while True:
            cb = await self.callbacks.get()
            r = await self._post(
                c,
                f"/v1/callbacks/{cb['id']}/result",
                f"callback-{cb['id']}",
                {"reached": True, "outcome": "satisfied", "score": 5, "visit_confirmed": "yes"},
            )
            self.called_back += r.status_code == 200
