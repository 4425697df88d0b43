"""The field API: a technician's day, and a phone's queued reports replayed in one batch."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales_testing.factories import SIGNATURE

TZ = ZoneInfo("Asia/Shanghai")


async def two_jobs_of_one_technician(flow):
    job_a, point, tech = await flow.scheduled_job()
    env = await flow.ticket()
    job_b = await flow.job_of(env.data.ticket_id, status="offered")
    assert (await flow.post(job_b, "accept", headers=flow.point_auth(point))).status_code == 200
    a_start = datetime.fromisoformat(job_a["appointment"]["start"])
    start = a_start + timedelta(minutes=30)
    if start.astimezone(TZ).date() != a_start.astimezone(TZ).date():
        # job A is booked an hour from now: near the network's midnight, B goes before it, so
        # both stay on one working day whatever time the test runs
        start = a_start - timedelta(minutes=30)
    r = await flow.post(
        job_b,
        "assign",
        {
            "technician_id": tech["id"],
            "appointment": {
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
            },
        },
        headers=flow.point_auth(point),
    )
    assert r.status_code == 200, r.text
    return job_a, r.json(), point, tech


async def test_a_technicians_day_lists_its_jobs_in_order_with_what_the_visit_needs(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job_a, job_b, point, tech = await two_jobs_of_one_technician(flow)
        day = datetime.fromisoformat(job_a["appointment"]["start"]).astimezone(TZ).date()
        r = await dispatch.client.get(
            "/v1/me/jobs", params={"date": day.isoformat()}, headers=flow.tech_auth(tech)
        )
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        in_order = sorted(
            [job_a, job_b], key=lambda j: datetime.fromisoformat(j["appointment"]["start"])
        )
        assert [i["job"]["id"] for i in items] == [j["id"] for j in in_order]
        first = items[0]
        customer = first["job"]["customer"]
        assert customer["phone"] and customer["line"] and customer["city"]  # where to go
        assert first["job"]["product"]["model"] and first["job"]["appointment"]["end"]
        assert first["previous_visits"] == [] and first["repair_card"] is None
        other = await dispatch.client.get(
            "/v1/me/jobs",
            params={"date": day.isoformat()},
            headers=dispatch.auth("technician", technician_id=str(uuid.uuid4())),
        )
        assert other.json()["items"] == []
        elsewhere = await dispatch.client.get(
            "/v1/me/jobs",
            params={"date": (day + timedelta(days=1)).isoformat()},
            headers=flow.tech_auth(tech),
        )
        assert elsewhere.json()["items"] == []
        point_call = await dispatch.client.get("/v1/me/jobs", headers=flow.point_auth(point))
        assert point_call.status_code == 403


async def test_eight_queued_reports_are_applied_in_order_and_the_phone_learns_what_to_resend(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job_a, job_b, _point, tech = await two_jobs_of_one_technician(flow)
        me = flow.tech_auth(tech)
        # Queued while offline, sent at once: seconds apart (none before the job was offered).
        t0 = datetime.now(UTC)

        def at(seconds):
            return (t0 + timedelta(seconds=seconds)).isoformat()

        alone = await dispatch.client.post(
            f"/v1/jobs/{job_a['id']}/status",
            json={"status": "en_route", "at": at(0)},
            headers={**me, "Idempotency-Key": "a-1"},
        )
        assert alone.status_code == 200, alone.text
        by_reference = {"reference": "phone://sig/7"}
        reports = [
            {"job_id": job_a["id"], "idempotency_key": "a-1", "status": "en_route", "at": at(0)},
            {"job_id": job_b["id"], "idempotency_key": "b-1", "status": "en_route", "at": at(1)},
            {
                "job_id": job_a["id"],
                "idempotency_key": "a-2",
                "status": "on_site",
                "at": at(2),
                "travel_km": 3,
            },
            {
                "job_id": job_a["id"],
                "idempotency_key": "a-3",
                "status": "resolved_on_site",
                "at": at(3),
                "signature": SIGNATURE,  # an image: refused in a batch
            },
            {"job_id": job_b["id"], "idempotency_key": "b-2", "status": "on_site", "at": at(4)},
            {
                "job_id": job_a["id"],
                "idempotency_key": "a-4",
                "status": "resolved_on_site",
                "at": at(5),
                "signature": by_reference,
            },
            {
                "job_id": str(uuid.uuid4()),
                "idempotency_key": "x-1",
                "status": "en_route",
                "at": at(5),
            },
            {
                "job_id": job_b["id"],
                "idempotency_key": "b-3",
                "status": "resolved_on_site",
                "at": at(6),
                "labor_minutes": 30,
                "signature": by_reference,
            },
        ]
        r = await dispatch.client.post(
            "/v1/jobs/status-batch", json={"reports": reports}, headers=me
        )
        assert r.status_code == 200, r.text
        results = r.json()["results"]
        assert [(x["idempotency_key"], x["outcome"]) for x in results] == [
            ("a-1", "already_applied"),
            ("b-1", "applied"),
            ("a-2", "applied"),
            ("a-3", "refused"),
            ("b-2", "applied"),
            ("a-4", "refused"),
            ("x-1", "refused"),
            ("b-3", "applied"),
        ]
        problems = {x["idempotency_key"]: x["problem"] for x in results if x["problem"]}
        assert "by reference" in problems["a-3"]["detail"] and problems["a-3"]["status"] == 422
        assert "earlier report of this job" in problems["a-4"]["detail"]
        assert problems["x-1"]["status"] == 404
        assert (await flow.get(job_a))["status"] == "on_site"
        assert (await flow.get(job_b))["status"] == "completed"

        # The phone sends the refused one again, now by reference, and the rest as before.
        retry = [{**reports[3], "signature": by_reference}, reports[1], reports[7]]
        again = await dispatch.client.post(
            "/v1/jobs/status-batch", json={"reports": retry}, headers=me
        )
        assert [x["outcome"] for x in again.json()["results"]] == [
            "applied",
            "already_applied",
            "already_applied",
        ]
        assert (await flow.get(job_a))["status"] == "completed"
        too_many = await dispatch.client.post(
            "/v1/jobs/status-batch", json={"reports": [reports[1]] * 101}, headers=me
        )
        assert too_many.status_code == 422
