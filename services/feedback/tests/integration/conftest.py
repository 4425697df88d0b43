"""Feeds feedback the events it lives on, through real NATS, and reads it back over HTTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from aftersales.events import Envelope, EventData, Window, dispatch, intake
from aftersales_testing.apps import RunningService, eventually, handled
from aftersales_testing.factories import publish_raw, ticket_created


@dataclass
class Desk:
    feedback: RunningService
    nats_url: str
    point_id: uuid.UUID = field(default_factory=uuid.uuid4)
    technician_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def agent(self) -> dict[str, str]:
        return self.feedback.auth("agent")

    def now(self) -> datetime:
        """The time on feedback's clock (a test's ``SettableClock``, or the system's): the
        events the desk publishes happen then."""
        return self.feedback.app.state.clock.now()

    async def publish(
        self, data: EventData, source: str, aggregate_id: uuid.UUID, msg_id: str | None = None
    ) -> Envelope[Any]:
        env = Envelope.wrap(data, source=source, aggregate_id=aggregate_id, aggregate_version=1)
        await publish_raw(self.nats_url, env, msg_id=msg_id)
        return env

    async def ticket(self, **overrides: Any) -> Envelope[intake.TicketCreated]:
        env = ticket_created(**overrides)
        await publish_raw(self.nats_url, env)
        return env

    def completed(self, ticket_id: uuid.UUID, **fields: Any) -> dispatch.JobCompleted:
        values: dict[str, Any] = {
            "job_id": uuid.uuid4(),
            "ticket_id": ticket_id,
            "point_id": self.point_id,
            "technician_id": self.technician_id,
            "resolution": "on_site",
            "labor_minutes": 40,
            "parts": [dispatch.PartUsed(sku="PUMP-01", qty=1)],
            "travel_km": 8,
            "visit_number": 1,
            "arrived_late_minutes": 0,
            "completed_at": self.now(),
            "category": "washing_machine",
        }
        values.update(fields)
        return dispatch.JobCompleted(**values)

    async def complete(self, ticket_id: uuid.UUID, **fields: Any) -> dispatch.JobCompleted:
        job = self.completed(ticket_id, **fields)
        await self.publish(job, "dispatch", job.job_id)
        return job

    async def offer(
        self, ticket_id: uuid.UUID, point_id: uuid.UUID | None = None
    ) -> Envelope[dispatch.JobRouted]:
        """Dispatch offers a job of the ticket to the point (the desk's own by default), and
        feedback has heard of it."""
        now = self.now()
        data = dispatch.JobRouted(
            job_id=uuid.uuid4(),
            ticket_id=ticket_id,
            point_id=point_id or self.point_id,
            attempt=1,
            why="nearest point with capacity",
            offer_expires_at=now + timedelta(minutes=30),
            ticket_number="SR-2026-0000001",
            kind="repair",
            region="440305",
            product=dispatch.OfferedProduct(
                category="washing_machine", model="XQB", serial_no="S", in_warranty=True
            ),
        )
        env = await self.publish(data, "dispatch", data.job_id)
        await handled(self.feedback, env)
        return env

    async def book(self, ticket_id: uuid.UUID) -> Envelope[dispatch.JobScheduled]:
        """The desk's point accepted a job of the ticket and booked its technician, who has
        not come (yet); feedback has heard of it."""
        now = self.now()
        job_id = uuid.uuid4()
        accepted = await self.publish(
            dispatch.JobAccepted(
                job_id=job_id, ticket_id=ticket_id, point_id=self.point_id, accepted_at=now
            ),
            "dispatch",
            job_id,
        )
        env = await self.publish(
            dispatch.JobScheduled(
                job_id=job_id,
                ticket_id=ticket_id,
                point_id=self.point_id,
                technician_id=self.technician_id,
                appointment=Window(start=now + timedelta(hours=2), end=now + timedelta(hours=4)),
            ),
            "dispatch",
            job_id,
        )
        await handled(self.feedback, accepted)
        await handled(self.feedback, env)
        return env

    async def callback_of(self, job_id: uuid.UUID) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            r = await self.feedback.client.get(
                "/v1/callbacks", params={"limit": 100}, headers=self.agent
            )
            mine = [c for c in r.json()["items"] if c["job_id"] == str(job_id)]
            return mine[0] if mine else None

        return await eventually(found)  # type: ignore[no-any-return]

    async def result(self, callback: dict[str, Any], **body: Any) -> Any:
        return await self.feedback.client.post(
            f"/v1/callbacks/{callback['id']}/result", json=body, headers=self.agent
        )


@pytest.fixture
def desk_for(infrastructure):
    return lambda feedback, **kw: Desk(feedback, infrastructure.broker_url, **kw)
