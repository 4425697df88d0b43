"""A ticket without a product (a sales training, a sample without a registered product) is
routed by the category it names, and its job works through its life: offered, booked, done,
reworked, and a first visit after a phone answer that did not satisfy."""

import uuid
from datetime import UTC, datetime

from aftersales.events import Envelope, intake
from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE, publish_raw, read_events

TRAINING = {
    "kind": "training",
    "product": None,
    "category": "washing_machine",
    "topic": "selling the new XQB range",
    "description": "sales training for the shop's new staff",
}


async def _reopen(flow, ticket_id, *, previous_job_id=None, reason="not_fixed_first_visit"):
    data = intake.TicketReopened(
        ticket_id=ticket_id,
        reason=reason,
        previous_job_id=previous_job_id,
        reopen_count=1,
        reopened_at=datetime.now(UTC),
    )
    await publish_raw(
        flow.nats_url,
        Envelope.wrap(data, source="intake", aggregate_id=ticket_id, aggregate_version=5),
    )


async def test_a_training_without_a_product_is_routed_booked_done_and_reworked(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job(**TRAINING)
        assert job["product"] is None
        assert (job["category"], job["topic"], job["kind"]) == (
            "washing_machine",
            TRAINING["topic"],
            "training",
        )
        [routed] = [
            e
            for e in await read_events(url, "dispatch.job.routed.v2", after=dispatch)
            if str(e.data.job_id) == job["id"]
        ]
        assert routed.data.product.category == "washing_machine"
        assert routed.data.product.model == "" and routed.data.topic == TRAINING["topic"]

        me = flow.tech_auth(tech)
        day = await dispatch.client.get("/v1/me/jobs", headers=me)
        [mine] = [i["job"] for i in day.json()["items"] if i["job"]["id"] == job["id"]]
        assert mine["product"] is None and mine["topic"] == TRAINING["topic"]

        for status in ("en_route", "on_site"):
            assert (await flow.report(job, status, headers=me)).status_code == 200
        done = await flow.report(
            job, "resolved_on_site", headers=me, signature=SIGNATURE, labor_minutes=90
        )
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "completed"

        async def completed():
            found = await read_events(url, "dispatch.job.completed.v3", after=dispatch)
            return [e.data for e in found if str(e.data.job_id) == job["id"]]

        [event] = await eventually(completed)
        assert event.category == "washing_machine"
        assert event.model is None and event.serial_no is None
        assert event.labor_minutes == 90

        await _reopen(flow, uuid.UUID(job["ticket_id"]), previous_job_id=uuid.UUID(job["id"]))
        rework = await flow.job_of(job["ticket_id"], visit=2, status="offered")
        assert rework["point_id"] == point["id"]
        assert rework["product"] is None and rework["topic"] == TRAINING["topic"]


async def test_a_ticket_without_a_product_answered_on_the_phone_gets_its_first_visit_later(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _ = await flow.point_with_technician()
        env = await flow.ticket(**{**TRAINING, "needs_visit": False})
        await _reopen(flow, env.data.ticket_id)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == point["id"] and job["product"] is None
        assert job["category"] == "washing_machine" and job["visit_number"] == 1


async def test_the_tickets_category_routes_even_when_a_product_has_another(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        fridges, _ = await flow.point_with_technician(categories=["fridge"], code="FRIDGES")
        env = await flow.ticket(category="fridge")  # the factory's product is a washing machine
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == fridges["id"] and job["category"] == "fridge"
        assert job["product"]["model"] == "XQB"
