"""Fault codes on reports and repair cards; the workshop's signature, failed inspections and
its in/out register."""

import uuid

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE, read_events

CODES = {
    "symptoms": {"E1": "does not drain", "E2": "noisy spin"},
    "causes": {"PUMP": "drain pump failed", "BEARING": "drum bearing worn"},
    "actions": {"REPLACE": "part replaced", "ADVISE": "advice given"},
}
PROBLEM = "application/problem+json"


async def test_an_admin_keeps_the_list_and_reports_must_use_it(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        assert (
            await dispatch.client.put(
                "/v1/fault-codes/washing_machine", json=CODES, headers=flow.agent
            )
        ).status_code == 403
        bad = await dispatch.client.put(
            "/v1/fault-codes/washing_machine",
            json={**CODES, "causes": {"lower case": "x"}},
            headers=admin,
        )
        assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM
        r = await dispatch.client.put("/v1/fault-codes/washing_machine", json=CODES, headers=admin)
        assert r.status_code == 200, r.text
        assert r.headers["etag"] == '"1"'
        stale = await dispatch.client.put(
            "/v1/fault-codes/washing_machine", json=CODES, headers={**admin, "If-Match": '"7"'}
        )
        assert stale.status_code == 412

        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        listed = await dispatch.client.get("/v1/fault-codes", headers=me)
        assert listed.json()[0]["causes"]["PUMP"] == "drain pump failed"
        await flow.report(job, "en_route", headers=me)
        await flow.report(job, "on_site", headers=me)
        before = await flow.get(job)
        wrong = await flow.report(
            job, "resolved_on_site", headers=me, signature=SIGNATURE, cause_code="GREMLINS"
        )
        assert wrong.status_code == 422 and wrong.json()["field"] == "cause_code"
        early = await flow.report(job, "en_route", headers=me, symptom_code="E1")
        assert early.status_code in (409, 422)
        assert (await flow.get(job))["version"] == before["version"]  # nothing changed

        r = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            signature=SIGNATURE,
            symptom_code="E1",
            cause_code="PUMP",
            action_code="REPLACE",
            labor_minutes=40,
        )
        assert r.status_code == 200, r.text
        assert (r.json()["cause_code"], r.json()["outcome"]) == ("PUMP", "fixed")

        async def completed():
            found = await read_events(
                infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
            )
            return [e.data for e in found if str(e.data.job_id) == job["id"]]

        [done] = await eventually(completed)
        assert (done.symptom_code, done.cause_code, done.action_code) == ("E1", "PUMP", "REPLACE")
        assert done.category == "washing_machine" and done.model == "XQB"
        # One version on the bus: no older copy beside it.
        assert (
            await read_events(
                infrastructure.broker_url, "dispatch.job.completed.v1", after=dispatch
            )
            == []
        )
        assert (
            await read_events(
                infrastructure.broker_url, "dispatch.job.completed.v2", after=dispatch
            )
            == []
        )


async def test_a_failed_inspection_goes_back_to_the_bench_and_the_register_shows_its_age(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        me, supervisor = flow.tech_auth(tech), flow.point_auth(point)
        await flow.report(job, "en_route", headers=me)
        await flow.report(job, "on_site", headers=me)
        r = await flow.report(job, "taken_to_workshop", headers=me, signature=SIGNATURE)
        assert r.status_code == 200, r.text
        await flow.report(job, "repaired", headers=me, labor_minutes=60)
        silent = await flow.report(job, "inspected", headers=supervisor, passed=False)
        assert silent.status_code == 422  # a failure says what is wrong
        failed = await flow.report(
            job, "inspected", headers=supervisor, passed=False, note="still leaks at the seal"
        )
        assert failed.status_code == 200, failed.text
        assert failed.json()["status"] == "in_workshop"
        card = await dispatch.client.get(f"/v1/jobs/{job['id']}/repair-card", headers=me)
        assert [f["reason"] for f in card.json()["failed_inspections"]] == [
            "still leaks at the seal"
        ]
        assert card.json()["inspected_at"] is None

        register = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"status": "in"}, headers=supervisor
        )
        [item] = register.json()["items"]
        assert item["job_id"] == job["id"] and item["failed_inspections"] == 1
        assert item["age_days"] == 0 and item["status"] == "in"
        old = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"older_than_days": 1}, headers=supervisor
        )
        assert old.json()["items"] == []
        other = dispatch.auth("point", point_id=uuid.uuid4())
        hidden = await dispatch.client.get(f"/v1/points/{point['id']}/workshop", headers=other)
        assert hidden.status_code == 404

        await flow.report(job, "repaired", headers=me, labor_minutes=30)
        assert (await flow.report(job, "inspected", headers=supervisor)).status_code == 200
        done = await flow.report(job, "returned", headers=me, signature=SIGNATURE)
        assert done.status_code == 200 and done.json()["status"] == "completed"
        out = await dispatch.client.get(
            f"/v1/points/{point['id']}/workshop", params={"status": "out"}, headers=supervisor
        )
        assert [i["job_id"] for i in out.json()["items"]] == [job["id"]]
