import base64
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from aftersales_testing.apps import SettableClock
from aftersales_testing.factories import SIGNATURE, read_events

ORDER = ["en_route", "on_site", "taken_to_workshop", "repaired", "inspected", "returned"]


async def test_fixed_on_site_with_the_customers_signature_completes_the_job(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        start = datetime.now(UTC)  # a report may not be dated before the job was offered
        assert (await flow.report(job, "en_route", headers=me, at=start)).status_code == 200
        r = await flow.report(
            job, "on_site", headers=me, at=start + timedelta(minutes=2), travel_km=12
        )
        assert r.status_code == 200, r.text
        assert r.json()["arrived_late_minutes"] == 0
        unsigned = await flow.report(job, "resolved_on_site", headers=me, labor_minutes=45)
        assert unsigned.status_code == 422 and "signature" in unsigned.json()["detail"]
        done = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            at=start + timedelta(minutes=3),
            labor_minutes=45,
            parts=[{"sku": "PUMP-01", "qty": 1}],
            signature=SIGNATURE,
        )
        assert done.status_code == 200, done.text
        body = done.json()
        assert body["status"] == "completed" and body["resolution"] == "on_site"
        assert body["labor_minutes"] == 45 and body["travel_km"] == 12

        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        c = completed.data
        assert (c.resolution, c.labor_minutes, c.travel_km, c.arrived_late_minutes) == (
            "on_site",
            45,
            12,
            0,
        )
        assert [(p.sku, p.qty) for p in c.parts] == [("PUMP-01", 1)]
        assert str(c.point_id) == point["id"] and str(c.technician_id) == tech["id"]
        assert c.visit_number == 1
        changes = await read_events(
            infrastructure.broker_url, "dispatch.job.status_changed.v2", after=dispatch
        )
        assert [e.data.status for e in changes] == ["en_route", "on_site"]


async def test_a_report_claims_a_warranty_exclusion_and_a_delay_cause_for_billing(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        start = datetime.now(UTC)
        await flow.report(job, "en_route", headers=me, at=start)
        cause = {"cause": "force_majeure", "note": "the bridge was closed"}
        early = await flow.report(
            job,
            "on_site",
            headers=me,
            at=start + timedelta(minutes=2),
            exclusion={"reason": "misuse", "note": "x"},
        )
        assert early.status_code == 422  # an exclusion goes with the work report
        r = await flow.report(
            job, "on_site", headers=me, at=start + timedelta(minutes=2), delay_cause=cause
        )
        assert r.status_code == 200, r.text
        bad = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            at=start + timedelta(minutes=3),
            signature=SIGNATURE,
            exclusion={"reason": "bad luck", "note": "?"},
        )
        assert bad.status_code == 422
        done = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            at=start + timedelta(minutes=3),
            labor_minutes=30,
            signature=SIGNATURE,
            outcome="misuse",
            note="the filter was never cleaned",
        )
        assert done.status_code == 200, done.text
        [v3] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert v3.data.exclusion.reason == "misuse"
        assert v3.data.exclusion.note == "the filter was never cleaned"
        assert v3.data.delay_cause.cause == "force_majeure"
        assert v3.data.outcome == "misuse"


async def test_the_workshop_path_issues_a_receipt_keeps_a_repair_card_and_voids_it_on_return(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        me, supervisor = flow.tech_auth(tech), flow.point_auth(point)
        await flow.report(job, "en_route", headers=me)
        await flow.report(job, "on_site", headers=me)
        unsigned = await flow.report(job, "taken_to_workshop", headers=me, travel_km=8)
        assert unsigned.status_code == 422  # the customer signs the product over
        r = await flow.report(
            job, "taken_to_workshop", headers=me, travel_km=8, signature={"reference": "sig/41"}
        )
        assert r.status_code == 200, r.text
        receipt = r.json()["receipt_no"]
        assert receipt.startswith(f"RC-{datetime.now(UTC).year}-")
        assert r.json()["status"] == "in_workshop"

        card = await dispatch.client.get(f"/v1/jobs/{job['id']}/repair-card", headers=me)
        assert card.json()["receipt_status"] == "issued"
        assert [e["direction"] for e in card.json()["log"]] == ["in"]

        r = await flow.report(
            job,
            "repaired",
            headers=me,
            labor_minutes=120,
            parts=[{"sku": "COMP-7", "qty": 1}, {"sku": "SEAL-2", "qty": 3}],
        )
        assert r.status_code == 200
        assert (await flow.report(job, "inspected", headers=me)).status_code == 403
        assert (await flow.report(job, "inspected", headers=supervisor)).status_code == 200
        unsigned = await flow.report(job, "returned", headers=me)
        assert unsigned.status_code == 422
        done = await flow.report(job, "returned", headers=me, signature={"reference": "sig/42.png"})
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "completed" and done.json()["resolution"] == "workshop"

        card = (await dispatch.client.get(f"/v1/jobs/{job['id']}/repair-card", headers=me)).json()
        assert card["receipt_status"] == "voided" and card["receipt_no"] == receipt
        assert card["labor_minutes"] == 120 and len(card["parts"]) == 2
        assert card["inspected_by"] == f"point:point-{point['id']}@{point['id']}"
        assert [e["direction"] for e in card["log"]] == ["in", "out"]

        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert completed.data.resolution == "workshop" and completed.data.travel_km == 8
        assert completed.data.labor_minutes == 120
        changes = await read_events(
            infrastructure.broker_url, "dispatch.job.status_changed.v2", after=dispatch
        )
        in_workshop = [e for e in changes if e.data.status == "in_workshop"]
        assert in_workshop[0].data.receipt_no == receipt


async def test_every_report_out_of_order_is_a_conflict_and_changes_nothing(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, point, _tech = await flow.scheduled_job()
        me = flow.point_auth(point)
        extra = {"signature": SIGNATURE}
        for legal in ORDER:
            for report in [*ORDER, "resolved_on_site"]:
                if report == legal or (
                    legal == "taken_to_workshop" and report == "resolved_on_site"
                ):
                    continue
                before = await flow.get(job)
                r = await flow.report(job, report, headers=me, **extra)
                assert r.status_code == 409, (before["status"], report, r.text)
                assert r.headers["content-type"] == "application/problem+json"
                assert (await flow.get(job))["version"] == before["version"]
            signed = legal in ("returned", "taken_to_workshop")
            r = await flow.report(job, legal, headers=me, **(extra if signed else {}))
            assert r.status_code == 200, (legal, r.text)
        assert (await flow.get(job))["status"] == "completed"


async def test_a_repeated_report_is_a_no_op_with_or_without_a_key(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        at = datetime.now(UTC)
        key = {**me, "Idempotency-Key": str(uuid.uuid4())}
        first = await flow.report(job, "en_route", headers=key, at=at)
        replay = await flow.report(job, "en_route", headers=key, at=at)
        assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json() == first.json()
        # A phone retrying without a key, same status and time: answered, nothing changes.
        retry = await flow.report(job, "en_route", headers=me, at=at)
        assert retry.status_code == 200 and retry.json()["version"] == first.json()["version"]
        # The same key with another body is refused.
        other = await flow.report(job, "on_site", headers=key, at=at)
        assert other.status_code == 422
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=me)
        assert [e["action"] for e in history.json()["entries"]].count("en_route") == 1


async def test_report_times_sizes_and_fields_are_checked(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        future = await flow.report(
            job, "en_route", headers=me, at=datetime.now(UTC) + timedelta(hours=1)
        )
        assert future.status_code == 422
        naive = await flow.post(
            job, "status", {"status": "en_route", "at": "2026-11-27T10:00:00"}, headers=me
        )
        assert naive.status_code == 422
        months_ago = datetime.now(UTC) - timedelta(days=90)
        backdated = await flow.report(job, "en_route", headers=me, at=months_ago)
        assert backdated.status_code == 422 and "offered" in backdated.json()["detail"]
        assert (await flow.get(job))["status"] == "scheduled"  # nothing changed
        just_now = datetime.now(UTC)
        assert (await flow.report(job, "en_route", headers=me, at=just_now)).status_code == 200
        earlier = await flow.report(
            job, "on_site", headers=me, at=just_now - timedelta(microseconds=1)
        )
        assert earlier.status_code == 422 and "earlier" in earlier.json()["detail"]
        misplaced = await flow.report(job, "on_site", headers=me, labor_minutes=30)
        assert misplaced.status_code == 422
        assert (await flow.report(job, "on_site", headers=me)).status_code == 200
        huge = {"image_base64": base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 300_000).decode()}
        r = await flow.report(job, "resolved_on_site", headers=me, signature=huge)
        assert r.status_code == 422 and "larger" in r.json()["detail"]
        both = {**SIGNATURE, "reference": "x"}
        assert (
            await flow.report(job, "resolved_on_site", headers=me, signature=both)
        ).status_code == 422
        text = {"image_base64": base64.b64encode(b"hello, not a picture").decode()}
        assert (
            await flow.report(job, "resolved_on_site", headers=me, signature=text)
        ).status_code == 422
        assert (await flow.get(job))["status"] == "on_site"


async def test_a_report_on_a_job_with_no_offer_on_record_is_a_conflict_and_changes_nothing(
    start_service, flow_for, admin_dsn
):
    """No public path makes such a job (every offer writes its row), but data from before
    offers were kept may: without the offer's time a report's time cannot be checked."""
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "DELETE FROM dispatch.job_offers WHERE job_id = $1", uuid.UUID(job["id"])
            )
        finally:
            await conn.close()
        before = await flow.get(job)
        r = await flow.report(job, "en_route", headers=me)
        assert r.status_code == 409, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert "no offer" in r.json()["detail"]
        after = await flow.get(job)
        assert (after["status"], after["version"]) == ("scheduled", before["version"])
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=me)
        assert "en_route" not in [e["action"] for e in history.json()["entries"]]


async def test_a_late_arrival_is_measured_against_the_appointment_and_breaches_once(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock) as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        start = clock.now() + timedelta(minutes=1)
        r = await flow.post(
            job,
            "assign",
            {
                "technician_id": tech["id"],
                "reason": "customer asked for right now",
                "appointment": {
                    "start": start.isoformat(),
                    "end": (start + timedelta(minutes=2)).isoformat(),
                },
            },
            headers=flow.point_auth(point),
        )
        assert r.status_code == 200, r.text
        end = datetime.fromisoformat(r.json()["appointment"]["end"])
        # Past the window, within the arrival's grace: the timer has not fired.
        clock.set(end + timedelta(seconds=2))
        await flow.report(job, "en_route", headers=me, at=end - timedelta(seconds=1))
        r = await flow.report(job, "on_site", headers=me, at=end + timedelta(seconds=1))
        assert r.status_code == 200, r.text
        assert r.json()["arrived_late_minutes"] == 1  # started minutes
        done = await flow.report(job, "resolved_on_site", headers=me, signature=SIGNATURE)
        assert done.status_code == 200
        breaches = await read_events(
            infrastructure.broker_url, "dispatch.sla.breached.v1", after=dispatch
        )
        assert [(b.data.sla, b.data.due_at) for b in breaches] == [("arrival", end)]
        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert completed.data.arrived_late_minutes == 1
        timers = await dispatch.client.get(f"/v1/jobs/{job['id']}/sla", headers=me)
        states = {(t["kind"], t["state"]) for t in timers.json()["timers"]}
        assert ("arrival", "fired") in states and ("arrival", "cancelled") in states
        assert ("respond", "met") in states


async def test_a_report_that_reaches_dispatch_late_is_kept_with_both_times(
    start_service, flow_for, infrastructure
):
    """Nothing is refused: the job completes on the reports' times, and the completed event
    also carries when they reached dispatch, for billing to price both."""
    # 10:00 in Shanghai: the window (from 11:00) ends after the reports reach dispatch.
    clock = SettableClock(datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0))
    async with start_service("dispatch", clock=clock) as dispatch:  # 60 minutes, the default
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=flow.agent)
        [offered] = [e["at"] for e in history.json()["entries"] if e["action"] == "offered"]
        at = datetime.fromisoformat(offered)  # as early as allowed: before accept and booking
        clock.advance(timedelta(minutes=61))  # the phone was offline: they reach dispatch late
        for status in ("en_route", "on_site"):
            assert (await flow.report(job, status, headers=me, at=at)).status_code == 200
        done = await flow.report(
            job, "resolved_on_site", headers=me, at=at, signature=SIGNATURE, labor_minutes=30
        )
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "completed"
        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert completed.data.completed_at == at
        received = completed.data.received
        assert received is not None
        assert at < received.arrived_at <= received.completed_at
        assert received.arrived_late_minutes == 0  # the window had not ended


async def test_a_report_in_time_carries_no_second_set_of_times(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:  # 60 minutes, the default
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        me = flow.tech_auth(tech)
        for status in ("en_route", "on_site"):
            assert (await flow.report(job, status, headers=me)).status_code == 200
        done = await flow.report(job, "resolved_on_site", headers=me, signature=SIGNATURE)
        assert done.status_code == 200, done.text
        [completed] = await read_events(
            infrastructure.broker_url, "dispatch.job.completed.v3", after=dispatch
        )
        assert completed.data.received is None
