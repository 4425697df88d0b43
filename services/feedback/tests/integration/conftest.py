"""Feeds feedback the events it lives on, through real NATS, and reads it back over HTTP."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import nats
import pytest
from nats.js.errors import NotFoundError

from aftersales.events import Envelope, EventData, Window, dispatch, intake
from aftersales.messaging.streams import stream_for_subject
from aftersales_testing.apps import RunningService, eventually, handled, published
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

    async def result(
        self, callback: dict[str, Any], *, headers: dict[str, str] | None = None, **body: Any
    ) -> Any:
        """Record the callback. A reached customer confirms the visit (``yes``) unless the test
        says otherwise: a point's first job of a month is in the audit sample, whose callback
        must ask. ``visit_confirmed=None`` sends none (as an integrator that never asks)."""
        if body.get("reached") and "visit_confirmed" not in body:
            body["visit_confirmed"] = "yes"
        if body.get("visit_confirmed", "") is None:
            del body["visit_confirmed"]
        return await self.feedback.client.post(
            f"/v1/callbacks/{callback['id']}/result", json=body, headers=headers or self.agent
        )

    async def request_callback(
        self,
        ticket_id: uuid.UUID,
        reason: str,
        *,
        complaint_id: uuid.UUID | None = None,
        kind: str = "complaint",
    ) -> Envelope[intake.TicketCallbackRequested]:
        """Intake asks for a callback with no visit (a fresh event each call), and feedback has
        handled it."""
        data = intake.TicketCallbackRequested(
            ticket_id=ticket_id,
            number="SR-2026-0000001",
            kind=kind,
            reason=reason,
            requested_at=self.now(),
            complaint_id=complaint_id,
        )
        env = await self.publish(data, "intake", ticket_id)
        await handled(self.feedback, env)
        return env

    async def callbacks_of(self, ticket_id: uuid.UUID) -> list[dict[str, Any]]:
        r = await self.feedback.client.get(
            "/v1/callbacks", params={"ticket_id": str(ticket_id)}, headers=self.agent
        )
        assert r.status_code == 200, r.text
        return r.json()["items"]  # type: ignore[no-any-return]

    async def complaints_of(self, ticket_id: uuid.UUID) -> list[dict[str, Any]]:
        r = await self.feedback.client.get(
            "/v1/complaints", params={"ticket_id": str(ticket_id)}, headers=self.agent
        )
        assert r.status_code == 200, r.text
        return r.json()["items"]  # type: ignore[no-any-return]

    async def satisfied_jobs(
        self, n: int, when: datetime, *, headers: dict[str, str] | None = None
    ) -> list[uuid.UUID]:
        """``n`` tickets, each with a job done at ``when`` whose customer said satisfied."""
        tickets = []
        for _ in range(n):
            ticket = await self.ticket()
            job = await self.complete(ticket.data.ticket_id, completed_at=when)
            r = await self.result(
                await self.callback_of(job.job_id),
                headers=headers,
                reached=True,
                outcome="satisfied",
            )
            assert r.status_code == 200, r.text
            tickets.append(ticket.data.ticket_id)
        return tickets


async def read_payloads(
    nats_url: str, subject: str, *, after: RunningService
) -> list[dict[str, Any]]:
    """The ``data`` of every event on ``subject`` once ``after`` published all it committed, as
    JSON: for an event this reader may not decode (a contract not registered yet)."""
    await published(after)
    stream = stream_for_subject(subject)
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        try:
            last = (await js.stream_info(stream)).state.last_seq
        except NotFoundError:
            return []
        found: list[dict[str, Any]] = []
        seq = 1
        while seq <= last:
            try:
                msg = await js.get_msg(stream, seq=seq, subject=subject, next=True)
            except NotFoundError:
                break
            if msg.seq is None or msg.seq > last:
                break
            found.append(json.loads(msg.data or b"{}")["data"])
            seq = msg.seq + 1
        return found
    finally:
        await nc.close()


@pytest.fixture
def payloads(infrastructure):
    """``await payloads(subject, after=service)``: :func:`read_payloads` on the test broker."""
    return lambda subject, *, after: read_payloads(infrastructure.broker_url, subject, after=after)


@pytest.fixture
def desk_for(infrastructure):
    return lambda feedback, **kw: Desk(feedback, infrastructure.broker_url, **kw)
