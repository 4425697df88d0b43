"""The completion tells billing which parts the parts master lists for the unit's model (the
claims review flags a part that is not)."""

from datetime import UTC, datetime, timedelta

from aftersales_testing.factories import SIGNATURE, read_events


async def test_the_completion_says_which_parts_the_master_lists_for_the_model(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        for sku, models in (("PUMP-01", ["XQB"]), ("BELT-02", ["KFR-35GW"]), ("HOSE-03", [])):
            part = {"sku": sku, "name": sku, "categories": ["washing_machine"], "unit": "pcs"}
            r = await dispatch.client.post(
                "/v1/parts", json={**part, "models": models}, headers=admin
            )
            assert r.status_code == 201, r.text
        job, _, tech = await flow.scheduled_job()  # the unit is an XQB
        me = flow.tech_auth(tech)
        start = datetime.now(UTC)
        assert (await flow.report(job, "en_route", headers=me, at=start)).status_code == 200
        assert (await flow.report(job, "on_site", headers=me, at=start)).status_code == 200
        used = ["PUMP-01", "BELT-02", "HOSE-03", "UNKNOWN-9"]
        done = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            at=start + timedelta(minutes=3),
            labor_minutes=45,
            parts=[{"sku": sku, "qty": 1} for sku in used],
            signature=SIGNATURE,
        )
        assert done.status_code == 200, done.text
        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert {p.sku: p.on_model for p in completed.data.parts} == {
            "PUMP-01": True,
            "BELT-02": False,  # the master lists it for another model only
            "HOSE-03": None,  # it names no model: it fits any
            "UNKNOWN-9": None,  # not in the master
        }
