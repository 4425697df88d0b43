"""Feeds billing the events it lives on, through real NATS, and reads it back over HTTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from aftersales.events import Envelope, EventData, dispatch, feedback, intake
from aftersales_testing.apps import RunningService, eventually, handled
from aftersales_testing.factories import publish_raw, ticket_created

PRICE_LIST = {
    "labour_per_hour": {"washing_machine": 12_000, "air_conditioner": 16_000},
    "parts": {
        "PUMP-01": {"price": 25_000, "cost": 12_000},
        "BELT-02": {"price": 4_000, "cost": 1_500},
    },
    "travel_bands": [
        {"up_to_km": 10, "fee": 0},
        {"up_to_km": 30, "fee": 3_000},
        {"up_to_km": 100, "fee": 8_000},
    ],
    "callout_fees": {"repair": 5_000, "install": 0},
    "replacement_values": {"washing_machine": 260_000},
}


@dataclass
class Books:
    billing: RunningService
    nats_url: str
    point_id: uuid.UUID = field(default_factory=uuid.uuid4)
    technician_id: uuid.UUID = field(default_factory=uuid.uuid4)

    @property
    def finance(self) -> dict[str, str]:
        """The back office's money desk: price lists, contracts, invoices, settlements."""
        return self.billing.auth("finance")

    async def publish(
        self,
        data: EventData,
        source: str,
        aggregate_id: uuid.UUID,
        msg_id: str | None = None,
        version: int = 1,
    ) -> Envelope[Any]:
        env = Envelope.wrap(
            data, source=source, aggregate_id=aggregate_id, aggregate_version=version
        )
        await publish_raw(self.nats_url, env, msg_id=msg_id)
        return env

    async def register_point(self, *, is_partner: bool, version: int = 1) -> None:
        """dispatch's word on the books' point (is it a partner?), handled before returning."""
        point = dispatch.PointRegistered(
            point_id=self.point_id,
            code=f"P-{str(self.point_id)[:8]}",
            name="Test point",
            is_partner=is_partner,
            regions=["east"],
            categories=["washing_machine"],
            active=True,
            at=datetime.now(UTC),
        )
        env = await self.publish(point, "dispatch", self.point_id, version=version)
        await handled(self.billing, env)

    async def graded(self, month: str) -> None:
        """feedback has graded the month (handled before returning): it may be closed."""
        done = feedback.GradingCompleted(
            month=month, points_graded=1, points_unchanged=0, completed_at=datetime.now(UTC)
        )
        env = await self.publish(done, "feedback", uuid.uuid5(uuid.NAMESPACE_URL, month))
        await handled(self.billing, env)

    async def price_list(self, **overrides: Any) -> dict[str, Any]:
        r = await self.billing.client.put(
            "/v1/price-list", json={**PRICE_LIST, **overrides}, headers=self.finance
        )
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    async def ticket(
        self,
        *,
        in_warranty: bool = False,
        kind: str = "repair",
        product_id: uuid.UUID | None = None,
        publish: bool = True,
        **overrides: Any,
    ) -> Envelope[intake.TicketCreated]:
        until = date.today() + timedelta(days=200) if in_warranty else date(2025, 1, 1)
        env = ticket_created(kind=kind, **overrides)
        product = env.data.product.model_copy(
            update={
                "warranty_until": until,
                "in_warranty": in_warranty,
                "id": product_id or env.data.product.id,
            }
        )
        data = env.data.model_copy(update={"product": product})
        env = env.model_copy(update={"data": data})
        if publish:
            await publish_raw(self.nats_url, env)
        return env  # type: ignore[return-value]

    def completed(
        self, ticket: Envelope[intake.TicketCreated], **fields: Any
    ) -> dispatch.JobCompleted:
        values: dict[str, Any] = {
            "job_id": uuid.uuid4(),
            "ticket_id": ticket.data.ticket_id,
            "point_id": self.point_id,
            "technician_id": self.technician_id,
            "resolution": "on_site",
            "labor_minutes": 50,
            "parts": [dispatch.PartUsed(sku="PUMP-01", qty=1)],
            "travel_km": 25,
            "visit_number": 1,
            "arrived_late_minutes": 0,
            "completed_at": datetime.now(UTC),
            "category": ticket.data.product.category,
        }
        values.update(fields)
        return dispatch.JobCompleted(**values)

    async def complete(
        self, ticket: Envelope[intake.TicketCreated], **fields: Any
    ) -> dispatch.JobCompleted:
        job = self.completed(ticket, **fields)
        await self.publish(job, "dispatch", job.job_id)
        return job

    async def charge_of(self, job_id: uuid.UUID, timeout: float = 20) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            r = await self.billing.client.get(
                "/v1/charges", params={"job_id": str(job_id)}, headers=self.finance
            )
            items = r.json()["items"]
            return items[0] if items else None

        return await eventually(found, timeout=timeout)  # type: ignore[no-any-return]

    async def charged(
        self, ticket: Envelope[intake.TicketCreated], **fields: Any
    ) -> dict[str, Any]:
        job = await self.complete(ticket, **fields)
        return await self.charge_of(job.job_id)


@pytest.fixture
def books_for(infrastructure):
    return lambda billing, **kw: Books(billing, infrastructure.broker_url, **kw)
