"""The point signs off its inspection (the document's clause 12: the supervisor inspects repaired
goods before they go back): the point's own token or an admin; a technician and an agent of the
centre get a 403 that changes nothing, alone or in a batch. The workshop register shows who
inspected."""

import uuid

from aftersales_testing.factories import SIGNATURE, read_events


async def _repaired(flow):
    job, point, tech = await flow.scheduled_job()
    me = flow.tech_auth(tech)
    for status in ("en_route", "on_site"):
        assert (await flow.report(job, status, headers=me)).status_code == 200
    r = await flow.report(job, "taken_to_workshop", headers=me, signature=SIGNATURE)
    assert r.status_code == 200, r.text
    r = await flow.report(job, "repaired", headers=me, labor_minutes=45)
    assert r.status_code == 200, r.text
    return r.json(), point, tech


async def test_neither_the_technician_nor_an_agent_may_sign_off_and_nothing_changes(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _, tech = await _repaired(flow)
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        for caller in (flow.tech_auth(tech), flow.agent):
            r = await flow.report(job, "inspected", headers=caller)
            assert r.status_code == 403, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            assert "supervisor" in r.json()["detail"]
        # A batch refuses it the same way, with the problem it would have got alone.
        batch = await dispatch.client.post(
            "/v1/jobs/status-batch",
            json={
                "reports": [
                    {
                        "job_id": job["id"],
                        "idempotency_key": f"insp-{uuid.uuid4()}",
                        "status": "inspected",
                        "at": flow.now().isoformat(),
                    }
                ]
            },
            headers=flow.agent,
        )
        [result] = batch.json()["results"]
        assert result["outcome"] == "refused" and result["problem"]["status"] == 403

        after = await flow.get(job)
        assert after["status"] == "repaired" and after["version"] == job["version"]
        again = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        assert again.json() == history.json()
        card = await dispatch.client.get(f"/v1/jobs/{job['id']}/repair-card", headers=flow.agent)
        assert card.json()["inspected_by"] is None and card.json()["inspected_at"] is None
        changes = await read_events(
            infrastructure.broker_url, "dispatch.job.status_changed.v2", after=dispatch
        )
        assert "inspected" not in [c.data.status for c in changes]


async def test_the_point_signs_off_and_the_register_shows_who(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await _repaired(flow)
        supervisor = flow.point_auth(point)
        signed_at = flow.now()
        r = await flow.report(job, "inspected", headers=supervisor, at=signed_at)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "inspected"
        # The agent repeating the point's very report is still refused (not "nothing to do").
        repeat = await flow.report(job, "inspected", headers=flow.agent, at=signed_at)
        assert repeat.status_code == 403

        register = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"status": "in"}, headers=supervisor
        )
        [item] = register.json()["items"]
        assert item["job_id"] == job["id"]
        assert item["inspected_by"] == f"point:point-{point['id']}@{point['id']}"
        assert item["inspected_at"] is not None

        r = await flow.report(job, "returned", headers=flow.tech_auth(tech), signature=SIGNATURE)
        assert r.status_code == 200 and r.json()["status"] == "completed"
        out = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"status": "out"}, headers=supervisor
        )
        assert [i["inspected_by"] for i in out.json()["items"]] == [item["inspected_by"]]


async def test_an_admin_may_sign_off_too(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, _ = await _repaired(flow)
        admin = dispatch.auth("admin")
        r = await flow.report(job, "inspected", headers=admin)
        assert r.status_code == 200, r.text
        register = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"status": "in"}, headers=admin
        )
        [item] = register.json()["items"]
        assert item["inspected_by"].startswith("admin:")
