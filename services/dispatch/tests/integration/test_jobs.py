import uuid

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_ticket


async def test_a_ticket_needing_a_visit_becomes_an_unrouted_job_and_intake_hears_why(start_service):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        ticket = await make_ticket(intake, kind="repair")

        async def job():
            r = await dispatch.client.get(
                "/v1/jobs", params={"ticket_id": ticket["id"]}, headers=dispatch.auth("agent")
            )
            return r.json()["items"]

        [found] = await eventually(job)
        assert found["status"] == "unrouted"
        assert "310115" in found["status_reason"]
        assert found["ticket_number"] == ticket["number"]

        async def timeline_has_reason():
            r = await intake.client.get(
                f"/v1/tickets/{ticket['id']}/timeline", headers=intake.auth()
            )
            return [e for e in r.json()["entries"] if e["event"] == "dispatch.job.unrouted.v1"]

        [entry] = await eventually(timeline_has_reason)
        assert "no network point" in entry["summary"]


async def test_a_consultation_needs_no_job(start_service):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        consult = await make_ticket(intake, kind="consultation")
        repair = await make_ticket(intake, kind="repair")

        async def repair_job():
            r = await dispatch.client.get(
                "/v1/jobs", params={"ticket_id": repair["id"]}, headers=dispatch.auth()
            )
            return r.json()["items"]

        await eventually(repair_job)  # the consultation was consumed before it
        r = await dispatch.client.get(
            "/v1/jobs", params={"ticket_id": consult["id"]}, headers=dispatch.auth()
        )
        assert r.json()["items"] == []


async def test_a_point_sees_only_its_own_jobs(start_service):
    async with start_service("intake") as intake, start_service("dispatch") as dispatch:
        ticket = await make_ticket(intake)

        async def job():
            r = await dispatch.client.get("/v1/jobs", headers=dispatch.auth())
            return r.json()["items"]

        [found] = await eventually(job)
        point = dispatch.auth("point", point_id=uuid.uuid4())
        listed = await dispatch.client.get("/v1/jobs", headers=point)
        assert listed.json()["items"] == []
        one = await dispatch.client.get(f"/v1/jobs/{found['id']}", headers=point)
        assert one.status_code == 404
        assert ticket["id"] == found["ticket_id"]
