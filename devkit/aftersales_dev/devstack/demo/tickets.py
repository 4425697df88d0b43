"""One ticket driven along the path a real one might take: visits (on site, in the workshop,
waiting for a compressor), payments in the field, callbacks and rework; a remote resolution, a
cancellation, a customer's parts order."""

from __future__ import annotations

import random
import uuid
from typing import Any
from uuid import UUID

from aftersales_client.api.billing import list_charges
from aftersales_client.api.dispatch import (
    approve_requisition,
    assign_job,
    get_order,
    list_requisitions,
    mark_parts_order_delivered,
    receive_requisition,
    ship_parts_order,
    ship_requisition,
)
from aftersales_client.api.feedback import list_callbacks, post_result
from aftersales_client.api.intake import cancel_ticket, create_ticket, resolve_remotely
from aftersales_client.models import (
    ApproveIn,
    AssignIn,
    CallbackResultIn,
    CancelIn,
    DeliveredIn,
    PartsOrderOut,
    ReceiveIn,
    ResolveRemotelyIn,
    ShipIn,
    TicketIn,
)

from aftersales_dev.devstack.demo.network import crew_of
from aftersales_dev.devstack.demo.reviews import INFLATED_MINUTES, inflate_once
from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.world import World, soon


async def _call_back(
    w: World, ticket_id: str, job_id: str, outcome: str, score: int
) -> dict[str, Any]:
    """Feedback calls the customer back after the visit. The callback is looked up by its
    ticket: the stack may hold more callbacks than one page lists."""
    feedback = w.api("feedback", w.agent)

    async def due() -> dict[str, Any] | None:
        page = await w.call(
            list_callbacks, 200, client=feedback, ticket_id=UUID(ticket_id), limit=100
        )
        mine = [c for c in page["items"] if c["job_id"] == job_id]
        return mine[0] if mine else None

    callback = await eventually(due, timeout=30)
    return await w.call(  # type: ignore[no-any-return]
        post_result,
        200,
        UUID(callback["id"]),
        client=feedback,
        body=CallbackResultIn.from_dict(
            {"reached": True, "outcome": outcome, "score": score, "visit_confirmed": "yes"}
        ),
    )


async def _visit(
    w: World,
    rng: random.Random,
    data: dict[str, Any],
    ticket: dict[str, Any],
    visit: int,
    avoid: str | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    job = await w.job(ticket["id"], visit=visit, status="offered")
    point, techs = crew_of(data, job["point_id"])
    tech = rng.choice([t for t in techs if t["id"] != avoid])
    job = await w.book(job, point, tech)
    await w.report(job, tech, "en_route")
    await w.report(job, tech, "on_site", travel_km=rng.choice([3, 8, 15, 28, 45]))
    if rng.random() < 0.15:
        job = await _wait_for_compressor(w, data["warehouse"], job, point, tech)
        await w.report(job, tech, "en_route")
        await w.report(job, tech, "on_site", travel_km=5)
        await w.report(
            job,
            tech,
            "resolved_on_site",
            signature=SIGNATURE,
            labor_minutes=90,
            parts=[{"sku": "COMP-7", "qty": 1}],
        )
    elif rng.random() < 0.2:
        await w.report(job, tech, "taken_to_workshop", signature=SIGNATURE)
        await w.report(
            job,
            tech,
            "repaired",
            labor_minutes=rng.choice([60, 90, 120]),
            parts=[{"sku": "COMP-7", "qty": 1}],
        )
        await w.report(job, tech, "inspected", headers=w.as_point(point))
        await w.report(job, tech, "returned", signature=SIGNATURE)
    else:
        await w.report(
            job,
            tech,
            "resolved_on_site",
            signature=SIGNATURE,
            labor_minutes=INFLATED_MINUTES if inflate_once(data) else rng.choice([20, 35, 50]),
            parts=[{"sku": "FAN-2", "qty": 1}] if rng.random() < 0.4 else [],
        )
    charge = await w.charge(job["id"])
    if charge["balance"]["amount"] > 0 and rng.random() < 0.6:
        await _collect(w, rng, data, charge, point, tech)
    return job, tech


async def _collect(
    w: World,
    rng: random.Random,
    data: dict[str, Any],
    charge: dict[str, Any],
    point: dict[str, Any],
    tech: dict[str, Any],
) -> None:
    """The technician takes the customer's money on site: cash, or a card with the slip's
    reference (the acquirer's statement shows it later)."""
    # The first two payments of a run are one of each, so finance's side has both to show.
    taken_so_far = data["methods"]
    method = ["card", "cash"][len(taken_so_far)] if len(taken_so_far) < 2 else None
    method = method or rng.choice(["cash", "card"])
    taken_so_far.append(method)
    payment: dict[str, Any] = {"method": method, "amount": charge["balance"]}
    if method == "card":
        payment["reference"] = f"SLIP-{rng.randrange(10**12):012d}"
    paid = await w.ok(
        await w.billing.post(
            f"/v1/charges/{charge['id']}/payments", json=payment, headers=w.as_tech(tech)
        ),
        201,
    )
    if method == "card":
        data["cards"].append((payment["reference"], charge["balance"]))
    else:
        taken = paid["payments"][-1]
        data["cash"].setdefault(point["id"], []).append((taken["id"], taken["amount"]["amount"]))


async def _wait_for_compressor(
    w: World,
    warehouse: dict[str, Any],
    job: dict[str, Any],
    point: dict[str, Any],
    tech: dict[str, Any],
) -> dict[str, Any]:
    """The compressor is seized and the point has none: the job waits for the requisition
    (approved, shipped, received), then the same visit is booked again."""
    await w.report(
        job, tech, "awaiting_parts", parts=[{"sku": "COMP-7", "qty": 1}], note="compressor seized"
    )
    as_point, agent = w.api("dispatch", w.as_point(point)), w.api("dispatch", w.agent)
    mine = await w.call(list_requisitions, 200, client=as_point, point_id=UUID(point["id"]))
    [req] = [r for r in mine if r["job_id"] == job["id"]]
    req_id = UUID(req["id"])
    line = {"lines": [{"sku": "COMP-7", "qty": 1}]}
    await w.call(approve_requisition, 200, req_id, client=agent, body=ApproveIn.from_dict(line))
    shipping = {"from_location_id": warehouse["id"], "carrier": "SF", "tracking_no": "SF-D"}
    await w.call(ship_requisition, 200, req_id, client=agent, body=ShipIn.from_dict(shipping))
    await w.call(receive_requisition, 200, req_id, client=as_point, body=ReceiveIn.from_dict(line))
    booking = {"technician_id": tech["id"], "appointment": {"start": soon(1), "end": soon(3)}}
    return await w.call(  # type: ignore[no-any-return]
        assign_job, 200, UUID(job["id"]), client=as_point, body=AssignIn.from_dict(booking)
    )


async def _parts_order(
    w: World, rng: random.Random, data: dict[str, Any], customer: dict[str, Any]
) -> str:
    """A customer orders a fan motor or two, pays by transfer; the warehouse ships the order
    and the carrier delivers it, which closes the ticket."""
    placed = {
        "customer_id": customer["id"],
        "kind": "parts_order",
        "description": "spare fan motors",
        "channel": rng.choice(["hotline", "crm"]),
        "lines": [{"sku": "FAN-2", "qty": rng.choice([1, 2])}],
    }
    order = await w.call(
        create_ticket,
        201,
        client=w.api("intake", w.agent),
        body=TicketIn.from_dict(placed),
        idempotency_key=str(uuid.uuid4()),
    )
    data["tickets"].append(order["id"])
    data["orders"].append(order["id"])
    order_id = UUID(order["id"])
    finance = w.api("billing", w.finance)

    async def priced() -> dict[str, Any] | None:
        page = await w.call(list_charges, 200, client=finance, ticket_id=order_id)
        return page["items"][0] if page["items"] else None

    charge = await eventually(priced, timeout=30)
    transfer = {
        "method": "transfer",
        "amount": charge["balance"],
        "reference": f"BANK-{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}",
    }
    await w.ok(
        await w.billing.post(
            f"/v1/charges/{charge['id']}/payments", json=transfer, headers=w.finance
        ),
        201,
    )
    agent = w.api("dispatch", w.agent)

    async def paid() -> bool:
        r = await get_order.asyncio(order_id, client=agent)
        return isinstance(r, PartsOrderOut) and r.status == "paid" and bool(r.ship_to)

    await eventually(paid, timeout=30)
    shipping = {
        "from_location_id": data["warehouse"]["id"],
        "carrier": "SF",
        "tracking_no": f"SF{rng.randrange(10**9):09d}",
    }
    await w.call(ship_parts_order, 200, order_id, client=agent, body=ShipIn.from_dict(shipping))
    # The carrier's proof of delivery is optional: an empty one is "delivered now".
    await w.call(
        mark_parts_order_delivered, 200, order_id, client=agent, body=DeliveredIn.from_dict({})
    )
    await w.ticket_becomes(order["id"], "closed")
    return "delivered"


async def drive_ticket(w: World, rng: random.Random, data: dict[str, Any]) -> str:
    customer, product = rng.choice(data["people"])
    roll = rng.random()
    if roll < 0.06:
        ticket = await w.ticket(customer, product, kind="consultation")
        data["tickets"].append(ticket["id"])
        await w.call(
            resolve_remotely,
            200,
            UUID(ticket["id"]),
            client=w.api("intake", w.agent),
            body=ResolveRemotelyIn(note="explained the timer settings"),
        )
        # Called back like every request; satisfied, it ends the ticket.
        callback = await w.remote_callback(ticket["id"])
        await w.call(
            post_result,
            200,
            UUID(callback["id"]),
            client=w.api("feedback", w.agent),
            body=CallbackResultIn.from_dict(
                {"reached": True, "outcome": "satisfied", "score": 5, "visit_confirmed": "yes"}
            ),
        )
        await w.ticket_becomes(ticket["id"], "closed")
        return "resolved_remotely"
    if roll < 0.11:
        return await _parts_order(w, rng, data, customer)
    ticket = await w.ticket(customer, product, channel=rng.choice(["hotline", "crm", "app"]))
    data["tickets"].append(ticket["id"])
    if roll < 0.15:
        await w.job(ticket["id"], status="offered")
        await cancel_ticket.asyncio_detailed(
            UUID(ticket["id"]),
            client=w.api("intake", w.agent),
            body=CancelIn(reason="the customer fixed it"),
        )
        return "cancelled"
    avoid = None
    for visit in (1, 2, 3):
        job, tech = await _visit(w, rng, data, ticket, visit, avoid)
        outcome = "satisfied"
        if visit == 1:
            outcome = rng.choices(
                ["satisfied", "unsatisfied", "not_fixed_first_visit", "bad_attitude", "complaint"],
                weights=[80, 6, 6, 4, 4],
            )[0]
        await _call_back(w, ticket["id"], job["id"], outcome, 5 if outcome == "satisfied" else 2)
        if outcome == "satisfied":
            break
        avoid = tech["id"] if outcome == "bad_attitude" else None
    await w.ticket_becomes(ticket["id"], "closed")
    return "closed"
