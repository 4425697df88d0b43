"""Drives jobs through dispatch's public API and real events, for the tests beside it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from aftersales.events import Envelope, feedback, intake
from aftersales_testing.apps import RunningService, eventually
from aftersales_testing.factories import (
    make_point,
    make_technician,
    publish_raw,
    ticket_created,
)


@dataclass
class Flow:
    dispatch: RunningService
    nats_url: str

    @property
    def agent(self) -> dict[str, str]:
        return self.dispatch.auth("agent")

    def now(self) -> datetime:
        """The time on dispatch's clock (a test may have handed it a ``SettableClock``)."""
        now: datetime = self.dispatch.app.state.clock.now()
        return now

    def point_auth(self, point: dict[str, Any]) -> dict[str, str]:
        return self.dispatch.auth("point", point_id=point["id"])

    def tech_auth(self, tech: dict[str, Any]) -> dict[str, str]:
        return self.dispatch.auth("technician", technician_id=tech["id"])

    async def point_with_technician(
        self, **overrides: Any
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        point = await make_point(self.dispatch, **overrides)
        skills = overrides.get("categories", ["washing_machine"])
        tech = await make_technician(self.dispatch, point["id"], skills=skills)
        return point, tech

    async def ticket(self, **overrides: Any) -> Envelope[intake.TicketCreated]:
        env = ticket_created(**overrides)
        await publish_raw(self.nats_url, env)
        return env

    async def job_of(
        self, ticket_id: uuid.UUID | str, *, status: str | None = None, visit: int = 1
    ) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            r = await self.dispatch.client.get(
                "/v1/jobs", params={"ticket_id": str(ticket_id)}, headers=self.agent
            )
            jobs = [j for j in r.json()["items"] if j["visit_number"] == visit]
            if jobs and (status is None or jobs[0]["status"] == status):
                return jobs[0]
            return None

        return await eventually(found)  # type: ignore[no-any-return]

    async def get(self, job: dict[str, Any]) -> dict[str, Any]:
        r = await self.dispatch.client.get(f"/v1/jobs/{job['id']}", headers=self.agent)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    async def post(
        self,
        job: dict[str, Any],
        action: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        return await self.dispatch.client.post(
            f"/v1/jobs/{job['id']}/{action}", json=body, headers=headers or self.agent
        )

    async def scheduled_job(
        self, **ticket: Any
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """A fresh point and technician, a ticket, and its job accepted and booked."""
        point, tech = await self.point_with_technician()
        env = await self.ticket(**ticket)
        job = await self.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == point["id"]
        assert (await self.post(job, "accept", headers=self.point_auth(point))).status_code == 200
        start = self.later_today()
        r = await self.post(
            job,
            "assign",
            {
                "technician_id": tech["id"],
                "appointment": {
                    "start": start.isoformat(),
                    "end": (start + timedelta(hours=2)).isoformat(),
                },
            },
            headers=self.point_auth(point),
        )
        assert r.status_code == 200, r.text
        return r.json(), point, tech

    def later_today(self) -> datetime:
        """An appointment start an hour from now, on the network's working day of now (an hour
        ago instead, near its midnight; the window still ends in the future). The job then
        holds a slot on the day routing counts: booked onto tomorrow, it would leave its point
        looking free today and win the next ticket meant for a fresh point."""
        tz = ZoneInfo(self.dispatch.app.state.settings.business_timezone)
        now = self.now()
        start = now + timedelta(hours=1)
        if start.astimezone(tz).date() != now.astimezone(tz).date():
            start = now - timedelta(hours=1)
        return start

    async def report(
        self,
        job: dict[str, Any],
        status: str,
        *,
        headers: dict[str, str],
        at: datetime | None = None,
        **fields: Any,
    ) -> Any:
        body = {"status": status, "at": (at or self.now()).isoformat(), **fields}
        return await self.post(job, "status", body, headers=headers)

    async def grade(self, point: dict[str, Any], grade: str, month: str = "2026-10") -> None:
        data = feedback.PointGraded(
            point_id=uuid.UUID(point["id"]), month=month, grade=grade, graded_at=datetime.now(UTC)
        )
        await publish_raw(
            self.nats_url,
            Envelope.wrap(data, source="feedback", aggregate_id=data.point_id, aggregate_version=1),
        )


@pytest.fixture
def flow_for(infrastructure):
    return lambda dispatch, nats_url=None: Flow(dispatch, nats_url or infrastructure.broker_url)
