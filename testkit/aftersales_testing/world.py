"""A world of four running services driven through their public HTTP APIs only: what the
end-to-end stories, the fault tests and the demo build on."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol
from uuid import UUID

import httpx
from aftersales_client import AuthenticatedClient
from aftersales_client.api.billing import list_charges
from aftersales_client.api.dispatch import (
    accept_job,
    add_point_technician,
    assign_job,
    create_part,
    create_warehouse,
    list_jobs,
    receive_stock,
    register_point,
    report_status,
)
from aftersales_client.api.feedback import list_callbacks, post_result
from aftersales_client.api.intake import create_customer, create_product, create_ticket, get_ticket
from aftersales_client.models import (
    AssignIn,
    CallbackResultIn,
    CustomerIn,
    CustomerOut,
    PartMasterIn,
    PointIn,
    ProductIn,
    ProductOut,
    ReceiptIn,
    StatusReportIn,
    TechnicianIn,
    TicketIn,
    TicketOut,
    WarehouseIn,
)

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE

# Re-exported for the services' tests, which import them from here.
from aftersales_testing.webhooks import WebhookReceiver as WebhookReceiver
from aftersales_testing.webhooks import deliveries_of as deliveries_of
from aftersales_testing.webhooks import standard_webhooks_valid as standard_webhooks_valid

PRICES = {
    "labour_per_hour": {"air_conditioner": 12_000},
    "parts": {
        "COMP-7": {"price": 80_000, "cost": 50_000},
        "FAN-2": {"price": 6_000, "cost": 2_500},
    },
    "travel_bands": [
        {"up_to_km": 10, "fee": 0},
        {"up_to_km": 30, "fee": 3_000},
        {"up_to_km": 100, "fee": 8_000},
    ],
    "callout_fees": {"repair": 5_000},
}


def soon(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


class TokenIssuer(Protocol):
    def auth(self, role: str = "admin", **scope: Any) -> dict[str, str]: ...


@dataclass
class World:
    stack: TokenIssuer
    intake: httpx.AsyncClient
    dispatch: httpx.AsyncClient
    billing: httpx.AsyncClient
    feedback: httpx.AsyncClient
    # How the generated client's connections are made (the demo's honours 429); httpx's own
    # when None.
    transport: Callable[[], httpx.AsyncBaseTransport] | None = None
    _apis: dict[tuple[str, str], AuthenticatedClient] = field(default_factory=dict, init=False)

    @property
    def agent(self) -> dict[str, str]:
        return self.stack.auth("agent")

    @property
    def admin(self) -> dict[str, str]:
        return self.stack.auth("admin")

    @property
    def finance(self) -> dict[str, str]:
        return self.stack.auth("finance")

    async def ok(self, response: httpx.Response, status: int = 200) -> Any:
        assert response.status_code == status, response.text
        return response.json()

    def api(self, service: str, headers: dict[str, str]) -> AuthenticatedClient:
        """The generated client (clients/python), on ``service`` as the caller ``headers`` say:
        what an integrator uses instead of hand-built requests. One per caller, kept."""
        token = headers["Authorization"].split(" ", 1)[1]
        key = (service, token)
        if key not in self._apis:
            base = str(getattr(self, service).base_url)
            extra = {"transport": self.transport()} if self.transport else {}
            self._apis[key] = AuthenticatedClient(
                base_url=base, token=token, timeout=httpx.Timeout(60), httpx_args=extra
            )
        return self._apis[key]

    async def aclose(self) -> None:
        for api in self._apis.values():
            await api.get_async_httpx_client().aclose()
        self._apis.clear()

    async def customer(
        self,
        region: str,
        *,
        in_warranty: bool,
        headers: dict[str, str] | None = None,
        email: str | None = None,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        api = self.api("intake", headers or self.agent)
        customer = CustomerIn.from_dict(
            {
                "name": f"Customer {uuid.uuid4().hex[:6]}",
                "phone": f"139{uuid.uuid4().int % 10**8:08d}",
                "email": email,
                "address": {"region": region, "city": "Shanghai", "line": "1 Century Ave"},
            }
        )
        made = await create_customer.asyncio_detailed(client=api, body=customer)
        assert made.status_code == 201, made.content
        assert isinstance(made.parsed, CustomerOut)
        bought = date.today() - timedelta(days=30 if in_warranty else 800)
        product = ProductIn.from_dict(
            {
                "category": "air_conditioner",
                "model": "KFR-35GW",
                "serial_no": uuid.uuid4().hex[:10],
                "purchased_on": bought.isoformat(),
                "warranty_months": 12,
            }
        )
        registered = await create_product.asyncio_detailed(made.parsed.id, client=api, body=product)
        assert registered.status_code == 201, registered.content
        assert isinstance(registered.parsed, ProductOut)
        assert registered.parsed.in_warranty is in_warranty
        return json.loads(made.content), json.loads(registered.content)

    async def ticket(
        self,
        customer: dict[str, Any],
        product: dict[str, Any],
        *,
        headers: dict[str, str] | None = None,
        **body: Any,
    ) -> dict[str, Any]:
        payload = {
            "customer_id": customer["id"],
            "product_id": product["id"],
            "kind": "repair",
            "description": "not cooling",
            "channel": "hotline",
            **body,
        }
        made = await create_ticket.asyncio_detailed(
            client=self.api("intake", headers or self.agent),
            body=TicketIn.from_dict(payload),
            idempotency_key=str(uuid.uuid4()),
        )
        assert made.status_code == 201, made.content
        assert isinstance(made.parsed, TicketOut)
        return json.loads(made.content)  # type: ignore[no-any-return]

    async def call(self, operation: Any, status: int, *args: Any, **kwargs: Any) -> Any:
        """One call of the generated client's ``operation`` module, which must answer
        ``status``; the answer's JSON, as the services sent it."""
        response = await operation.asyncio_detailed(*args, **kwargs)
        assert response.status_code == status, response.content
        return json.loads(response.content)

    async def point(
        self, code: str, region: str, technicians: int = 1
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        body = {
            "code": code,
            "name": code,
            "regions": [region],
            "categories": ["air_conditioner"],
            "daily_capacity": 20,
            "is_partner": True,
        }
        point = await self.call(
            register_point,
            201,
            client=self.api("dispatch", self.admin),
            body=PointIn.from_dict(body),
        )
        techs = [
            await self.call(
                add_point_technician,
                201,
                UUID(point["id"]),
                client=self.api("dispatch", self.agent),
                body=TechnicianIn.from_dict(
                    {
                        "name": f"Tech {i}",
                        "phone": f"13700000{i:03d}",
                        "skills": ["air_conditioner"],
                    }
                ),
            )
            for i in range(technicians)
        ]
        return point, techs

    async def warehouse(
        self, code: str, parts: list[dict[str, Any]], stock: dict[str, int]
    ) -> dict[str, Any]:
        """The parts in the master (kept if there already), a warehouse, and its opening stock."""
        admin = self.api("dispatch", self.admin)
        for part in parts:
            r = await create_part.asyncio_detailed(client=admin, body=PartMasterIn.from_dict(part))
            assert r.status_code in (201, 409), r.content
        made = {"code": code, "name": f"Warehouse {code}"}
        wh = await self.call(create_warehouse, 201, client=admin, body=WarehouseIn.from_dict(made))
        opening = {
            "location_id": wh["id"],
            "lines": [{"sku": sku, "qty": qty} for sku, qty in stock.items()],
            "reference": "opening balance",
        }
        await self.call(
            receive_stock,
            201,
            client=self.api("dispatch", self.agent),
            body=ReceiptIn.from_dict(opening),
        )
        return wh  # type: ignore[no-any-return]

    def as_point(self, point: dict[str, Any]) -> dict[str, str]:
        return self.stack.auth("point", point_id=point["id"])

    def as_tech(self, tech: dict[str, Any]) -> dict[str, str]:
        return self.stack.auth("technician", technician_id=tech["id"])

    async def job(
        self, ticket_id: str, *, visit: int = 1, status: str | None = None
    ) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            page = await self.call(
                list_jobs, 200, client=self.api("dispatch", self.agent), ticket_id=UUID(ticket_id)
            )
            jobs = [j for j in page["items"] if j["visit_number"] == visit]
            return jobs[0] if jobs and (status is None or jobs[0]["status"] == status) else None

        return await eventually(found, timeout=30)  # type: ignore[no-any-return]

    async def book(
        self,
        job: dict[str, Any],
        point: dict[str, Any],
        tech: dict[str, Any],
        start_h: float = 1,
        end_h: float = 3,
    ) -> dict[str, Any]:
        as_point = self.api("dispatch", self.as_point(point))
        await self.call(accept_job, 200, UUID(job["id"]), client=as_point)
        body = {
            "technician_id": tech["id"],
            "appointment": {"start": soon(start_h), "end": soon(end_h)},
        }
        return await self.call(  # type: ignore[no-any-return]
            assign_job, 200, UUID(job["id"]), client=as_point, body=AssignIn.from_dict(body)
        )

    async def report(
        self,
        job: dict[str, Any],
        tech: dict[str, Any],
        status: str,
        headers: dict[str, str] | None = None,
        at: str | None = None,
        **fields: Any,
    ) -> Any:
        body = {"status": status, "at": at or datetime.now(UTC).isoformat(), **fields}
        return await self.call(
            report_status,
            200,
            UUID(job["id"]),
            client=self.api("dispatch", headers or self.as_tech(tech)),
            body=StatusReportIn.from_dict(body),
        )

    async def fix_on_site(self, job: dict[str, Any], tech: dict[str, Any], **fields: Any) -> Any:
        await self.report(job, tech, "en_route")
        await self.report(job, tech, "on_site", travel_km=fields.pop("travel_km", 5))
        return await self.report(
            job,
            tech,
            "resolved_on_site",
            signature=SIGNATURE,
            labor_minutes=fields.pop("labor_minutes", 30),
            **fields,
        )

    async def charge(self, job_id: str) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            page = await self.call(
                list_charges, 200, client=self.api("billing", self.agent), job_id=UUID(job_id)
            )
            return page["items"][0] if page["items"] else None

        return await eventually(found, timeout=30)  # type: ignore[no-any-return]

    async def callback(self, job_id: str) -> dict[str, Any]:
        async def found() -> dict[str, Any] | None:
            page = await self.call(
                list_callbacks, 200, client=self.api("feedback", self.agent), limit=100
            )
            mine = [c for c in page["items"] if c["job_id"] == job_id]
            return mine[0] if mine else None

        return await eventually(found, timeout=30)  # type: ignore[no-any-return]

    async def remote_callback(self, ticket_id: str) -> dict[str, Any]:
        """The callback after a request solved on the phone (it has no job)."""

        async def found() -> dict[str, Any] | None:
            page = await self.call(
                list_callbacks,
                200,
                client=self.api("feedback", self.agent),
                ticket_id=UUID(ticket_id),
            )
            mine = [c for c in page["items"] if c["job_id"] is None]
            return mine[0] if mine else None

        return await eventually(found, timeout=30)  # type: ignore[no-any-return]

    async def call_back(
        self, job_id: str, outcome: str, score: int = 5, visit_confirmed: str = "yes"
    ) -> Any:
        """The customer reached and answering ``outcome``; asked whether someone came (an
        audit job's callback must ask)."""
        cb = await self.callback(job_id)
        return await self.call(
            post_result,
            200,
            UUID(cb["id"]),
            client=self.api("feedback", self.agent),
            body=CallbackResultIn.from_dict(
                {
                    "reached": True,
                    "outcome": outcome,
                    "score": score,
                    "visit_confirmed": visit_confirmed,
                }
            ),
        )

    async def ticket_becomes(self, ticket_id: str, status: str) -> dict[str, Any]:
        async def reached() -> dict[str, Any] | None:
            ticket = await self.call(
                get_ticket, 200, UUID(ticket_id), client=self.api("intake", self.agent)
            )
            return ticket if ticket["status"] == status else None

        return await eventually(reached, timeout=30)  # type: ignore[no-any-return]
