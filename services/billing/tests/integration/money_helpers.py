"""What the money rules' tests feed billing: payments, air conditioner tickets, dispatch's
completed jobs."""

import uuid
from datetime import UTC, date, datetime

from aftersales.events import dispatch
from aftersales_testing.factories import publish_raw, ticket_created


def cash(amount, method="cash", reference=None):
    body = {"method": method, "amount": {"amount": amount, "currency": "CNY"}}
    return {**body, "reference": reference} if reference else body


async def aircon_ticket(books, *, region="east", reported=None):
    """An out-of-warranty air conditioner ticket (v2: billing learns its region)."""
    env = ticket_created(site={"region": region, "city": "Hangzhou", "line": "1 Lake Rd"})
    product = env.data.product.model_copy(
        update={
            "category": "air_conditioner",
            "warranty_until": date(2025, 1, 1),
            "in_warranty": False,
        }
    )
    data = env.data.model_copy(
        update={"product": product, "created_at": reported or datetime.now(UTC)}
    )
    env = env.model_copy(update={"data": data})
    await publish_raw(books.nats_url, env)
    return env


def v3(books, ticket, **fields):
    values = {
        "job_id": uuid.uuid4(),
        "ticket_id": ticket.data.ticket_id,
        "point_id": books.point_id,
        "technician_id": books.technician_id,
        "resolution": "on_site",
        "labor_minutes": 60,
        "parts": [],
        "travel_km": 5,
        "visit_number": 1,
        "arrived_late_minutes": 0,
        "completed_at": datetime.now(UTC),
        "category": ticket.data.product.category,
    }
    values.update(fields)
    return dispatch.JobCompleted(**values)


async def completed(books, job):
    await books.publish(job, "dispatch", job.job_id)
    return await books.charge_of(job.job_id)
