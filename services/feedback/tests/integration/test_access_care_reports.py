import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import dispatch as dispatch_events
from aftersales_testing.apps import SettableClock

# 11:00 on 20 May 2026 in Shanghai: the month and the day are the same in UTC and in network
# time, whatever the hour the test runs at.
MAY_20 = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)


async def test_a_point_reads_only_its_own_callbacks_and_scorecards(start_service, desk_for):
    async with start_service("feedback", clock=SettableClock(MAY_20)) as feedback:
        mine = desk_for(feedback)
        theirs = desk_for(feedback)
        own = await mine.callback_of(
            (await mine.complete((await mine.ticket()).data.ticket_id)).job_id
        )
        other = await theirs.callback_of(
            (await theirs.complete((await theirs.ticket()).data.ticket_id)).job_id
        )
        point = feedback.auth("point", point_id=mine.point_id)
        listed = await feedback.client.get("/v1/callbacks", headers=point)
        assert [c["id"] for c in listed.json()["items"]] == [own["id"]]
        assert (
            await feedback.client.get(f"/v1/callbacks/{other['id']}", headers=point)
        ).status_code == 404
        assert (
            await feedback.client.get(f"/v1/callbacks/{own['id']}", headers=point)
        ).status_code == 200
        write = await feedback.client.post(
            f"/v1/callbacks/{own['id']}/result", json={"reached": False}, headers=point
        )
        assert write.status_code == 403
        month = own["completed_at"][:7]
        cards = await feedback.client.get("/v1/scorecards", params={"month": month}, headers=point)
        assert [c["point_id"] for c in cards.json()["items"]] == [str(mine.point_id)]
        theirs_card = await feedback.client.get(
            "/v1/scorecards",
            params={"month": month, "point_id": str(theirs.point_id)},
            headers=point,
        )
        assert theirs_card.status_code == 404
        assert (await feedback.client.get("/v1/complaints", headers=point)).status_code == 403


async def test_a_crm_opens_and_reads_complaints_of_its_own_tickets_only(start_service, desk_for):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ours = await desk.ticket(tenant_id="acme")
        foreign = await desk.ticket(tenant_id="globex")
        crm = feedback.auth("crm", tenant_id="acme")
        from aftersales_testing.apps import eventually

        async def known():
            r = await feedback.client.post(
                "/v1/complaints",
                json={"ticket_id": str(ours.data.ticket_id), "text": "noisy"},
                headers=crm,
            )
            return r.status_code == 201 and r.json()

        complaint = await eventually(known)
        assert complaint["source"] == "crm"
        refused = await feedback.client.post(
            "/v1/complaints",
            json={"ticket_id": str(foreign.data.ticket_id), "text": "x"},
            headers=crm,
        )
        assert refused.status_code == 404
        theirs = await feedback.client.post(
            "/v1/complaints",
            json={"ticket_id": str(foreign.data.ticket_id), "text": "loud"},
            headers=desk.agent,
        )
        listed = await feedback.client.get("/v1/complaints", headers=crm)
        assert [c["id"] for c in listed.json()["items"]] == [complaint["id"]]
        hidden = await feedback.client.get(f"/v1/complaints/{theirs.json()['id']}", headers=crm)
        assert hidden.status_code == 404
        resolve = await feedback.client.post(
            f"/v1/complaints/{complaint['id']}/resolve", json={"substantiated": True}, headers=crm
        )
        assert resolve.status_code == 403


async def test_care_plans_list_due_visits_and_move_on_after_a_visit(start_service, desk_for):
    clock = SettableClock(MAY_20)
    async with start_service("feedback", clock=clock) as feedback:
        agent = feedback.auth("agent")
        today = date(2026, 5, 20)
        senior = await feedback.client.post(
            "/v1/care-plans",
            json={
                "customer_id": str(uuid.uuid4()),
                "customer_name": "Hotel Jinjiang",
                "level": "senior",
                "staff": "Manager Zhou",
                "first_visit_on": today.isoformat(),
            },
            headers=agent,
        )
        assert senior.status_code == 201 and senior.json()["cadence_months"] == 6
        assert senior.json()["due"] is True
        later = await feedback.client.post(
            "/v1/care-plans",
            json={
                "customer_id": str(uuid.uuid4()),
                "customer_name": "Clinic",
                "level": "ordinary",
                "staff": "Xu",
                "first_visit_on": (today + timedelta(days=20)).isoformat(),
            },
            headers=agent,
        )
        due = await feedback.client.get(
            "/v1/care-plans", params={"due_by": today.isoformat()}, headers=agent
        )
        assert [p["id"] for p in due.json()["items"]] == [senior.json()["id"]]
        visit = await feedback.client.post(
            f"/v1/care-plans/{senior.json()['id']}/visits",
            json={
                "visited_on": today.isoformat(),
                "staff": "Manager Zhou",
                "notes": "checked the chillers",
            },
            headers=agent,
        )
        assert visit.status_code == 201
        plan = visit.json()
        assert date.fromisoformat(plan["next_due_on"]) > today + timedelta(days=170)
        assert plan["due"] is False and plan["visits"][0]["notes"] == "checked the chillers"
        due = await feedback.client.get(
            "/v1/care-plans", params={"due_by": today.isoformat()}, headers=agent
        )
        assert due.json()["items"] == []
        assert later.json()["cadence_months"] == 1 and later.json()["due"] is False
        # Six months on, in the network's time zone (00:30 on 20 November in Shanghai), the
        # senior staff's next visit is due.
        clock.set(datetime(2026, 11, 19, 16, 30, tzinfo=UTC))
        again = await feedback.client.get(f"/v1/care-plans/{senior.json()['id']}", headers=agent)
        assert again.json()["next_due_on"] == "2026-11-20" and again.json()["due"] is True


async def test_quality_and_work_reports(start_service, desk_for):
    async with start_service("feedback", clock=SettableClock(MAY_20)) as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        first = await desk.complete(
            ticket.data.ticket_id, parts=[dispatch_events.PartUsed(sku="PUMP-01", qty=1)]
        )
        cb = await desk.callback_of(first.job_id)
        await desk.result(
            cb,
            reached=True,
            outcome="not_fixed_first_visit",
            score=2,
            comment="still leaking after the pump was changed",
        )
        second = await desk.complete(
            ticket.data.ticket_id,
            visit_number=2,
            resolution="workshop",
            parts=[dispatch_events.PartUsed(sku="SEAL-9", qty=2)],
        )
        await desk.callback_of(second.job_id)
        month = cb["completed_at"][:7]
        r = await feedback.client.get(
            "/v1/reports/quality", params={"from": month, "to": month}, headers=desk.agent
        )
        assert r.status_code == 200, r.text
        report = r.json()
        [model] = report["models"]
        assert model["model"] == ticket.data.product.model
        assert (model["jobs"], model["tickets"], model["repeat_visits"]) == (2, 1, 1)
        assert model["repeat_failure_rate"] == 1.0
        assert {p["sku"]: p["replaced"] for p in report["parts"]} == {"PUMP-01": 1, "SEAL-9": 2}
        assert report["comments"][0]["comment"] == "still leaking after the pump was changed"

        work = await feedback.client.get(
            "/v1/reports/work", params={"month": month}, headers=desk.agent
        )
        [tech] = work.json()["technicians"]
        assert (tech["jobs"], tech["on_site"], tech["workshop"], tech["labor_minutes"]) == (
            2,
            1,
            1,
            80,
        )
        csv = await feedback.client.get(
            "/v1/reports/work", params={"month": month, "format": "csv"}, headers=desk.agent
        )
        lines = csv.text.strip().splitlines()
        assert lines[0].startswith("month,kind,id,jobs") and len(lines) == 3
