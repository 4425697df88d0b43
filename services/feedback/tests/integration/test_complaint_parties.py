"""A complaint is about the people who served its ticket: a CRM names only those, the centre
anyone else only with a reason on the record; and only substantiated complaints count against
a point, in a month not graded yet."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales_testing.apps import SettableClock, handled

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _month(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m")


def months_ago(n: int, now: datetime) -> tuple[str, datetime]:
    """The month ``n`` months before ``now``'s (network time), and a moment in its middle."""
    mid = now.astimezone(SHANGHAI).replace(day=15, hour=12, minute=0, second=0, microsecond=0)
    for _ in range(n):
        mid = (mid.replace(day=1) - timedelta(days=1)).replace(day=15)
    return _month(mid), mid.astimezone(UTC)


async def _complaints_of(feedback, ticket_id, headers):
    r = await feedback.client.get(
        "/v1/complaints", params={"ticket_id": str(ticket_id)}, headers=headers
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_a_crm_names_only_a_point_or_technician_that_was_offered_booked_or_sent(
    start_service, desk_for
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        crm = feedback.auth("crm", tenant_id="acme")
        ticket = await desk.ticket(tenant_id="acme")
        await handled(feedback, ticket)
        ticket_id = ticket.data.ticket_id
        offered_only = uuid.uuid4()
        await desk.offer(ticket_id, offered_only)  # offered, declined: it still had the job
        await desk.book(ticket_id)  # the desk's point accepted, its technician never came
        stranger_point, stranger_tech = uuid.uuid4(), uuid.uuid4()

        def complaint(**named):
            body = {"ticket_id": str(ticket_id), "text": "nobody came", **named}
            return feedback.client.post("/v1/complaints", json=body, headers=crm)

        for named in (
            {"point_id": str(stranger_point)},
            {"technician_id": str(stranger_tech)},
            {"point_id": str(desk.point_id), "technician_id": str(stranger_tech)},
        ):
            refused = await complaint(**named)
            assert refused.status_code == 422, (named, refused.text)
            assert refused.headers["content-type"] == "application/problem+json"
            # It names whom the CRM named, and no one the CRM does not know of.
            for party in (desk.point_id, desk.technician_id, offered_only):
                if str(party) not in named.values():
                    assert str(party) not in refused.text
        with_reason = await complaint(
            point_id=str(stranger_point), attribution_reason="the customer says so"
        )
        assert with_reason.status_code == 422
        assert await _complaints_of(feedback, ticket_id, desk.agent) == []

        no_show = await complaint(
            point_id=str(desk.point_id), technician_id=str(desk.technician_id)
        )
        assert no_show.status_code == 201, no_show.text
        assert no_show.json()["technician_id"] == str(desk.technician_id)
        declined = await complaint(point_id=str(offered_only))
        assert declined.status_code == 201, declined.text
        listed = await _complaints_of(feedback, ticket_id, crm)
        assert sorted(c["id"] for c in listed) == sorted(
            [no_show.json()["id"], declined.json()["id"]]
        )


async def test_the_centre_names_someone_outside_the_ticket_only_with_a_reason_on_the_record(
    start_service, desk_for
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        admin = feedback.auth("admin")
        crm = feedback.auth("crm", tenant_id="acme")
        ticket = await desk.ticket(tenant_id="acme")
        ticket_id = ticket.data.ticket_id
        await desk.callback_of((await desk.complete(ticket_id)).job_id)  # served by the desk
        subcontractor = uuid.uuid4()
        body = {"ticket_id": str(ticket_id), "text": "rude on the phone, 138 0000 0000"}

        bare = await feedback.client.post(
            "/v1/complaints", json={**body, "point_id": str(subcontractor)}, headers=desk.agent
        )
        assert bare.status_code == 422 and "attribution_reason" in bare.json()["detail"]
        assert await _complaints_of(feedback, ticket_id, desk.agent) == []

        reason = "the point sent a subcontractor's technician under its own name"
        r = await feedback.client.post(
            "/v1/complaints",
            json={**body, "point_id": str(subcontractor), "attribution_reason": reason},
            headers=desk.agent,
        )
        assert r.status_code == 201, r.text
        opened = r.json()
        assert opened["point_id"] == str(subcontractor)
        assert opened["attribution_reason"] == reason
        as_crm = await feedback.client.get(f"/v1/complaints/{opened['id']}", headers=crm)
        assert as_crm.status_code == 200 and as_crm.json()["attribution_reason"] is None

        trail = await feedback.client.get(
            "/v1/audit",
            params={"object_type": "complaint", "object_id": opened["id"]},
            headers=admin,
        )
        [entry] = trail.json()["items"]
        assert entry["action"] == "attributed" and entry["role"] == "agent"
        assert entry["changes"]["attribution_reason"] == {"before": None, "after": reason}
        assert entry["changes"]["point_id"] == {"before": None, "after": str(subcontractor)}
        assert "text" not in entry["changes"]  # the customer's words stay out of the trail

        # Moving a complaint to a stranger on resolve: the same rule, on the record too.
        ours = await feedback.client.post(
            "/v1/complaints", json={**body, "point_id": str(desk.point_id)}, headers=desk.agent
        )
        assert ours.status_code == 201, ours.text
        resolve = f"/v1/complaints/{ours.json()['id']}/resolve"
        moved = {"substantiated": True, "resolution": "confirmed", "point_id": str(subcontractor)}
        refused = await feedback.client.post(resolve, json=moved, headers=desk.agent)
        assert refused.status_code == 422
        still = await feedback.client.get(f"/v1/complaints/{ours.json()['id']}", headers=admin)
        assert still.json()["status"] == "open" and still.json()["point_id"] == str(desk.point_id)
        done = await feedback.client.post(
            resolve, json={**moved, "attribution_reason": reason}, headers=desk.agent
        )
        assert done.status_code == 200, done.text
        assert done.json()["point_id"] == str(subcontractor)
        trail = await feedback.client.get(
            "/v1/audit",
            params={"object_type": "complaint", "object_id": ours.json()["id"]},
            headers=admin,
        )
        [resolved] = trail.json()["items"]
        assert resolved["action"] == "resolved"
        assert resolved["changes"]["point_id"] == {
            "before": str(desk.point_id),
            "after": str(subcontractor),
        }
        assert resolved["changes"]["attribution_reason"]["after"] == reason


async def _satisfied_jobs(desk, n, when):
    tickets = []
    for _ in range(n):
        ticket = await desk.ticket()
        job = await desk.complete(ticket.data.ticket_id, completed_at=when)
        r = await desk.result(await desk.callback_of(job.job_id), reached=True, outcome="satisfied")
        assert r.status_code == 200, r.text
        tickets.append(ticket.data.ticket_id)
    return tickets


async def test_complaints_only_opened_leave_a_small_points_grade_where_it_was(
    start_service, desk_for
):
    clock = SettableClock()
    async with start_service("feedback", clock=clock) as feedback:
        desk = desk_for(feedback)
        month = _month(clock.now())
        tickets = await _satisfied_jobs(desk, 4, clock.now())

        async def card():
            r = await feedback.client.get(
                "/v1/scorecards",
                params={"month": month, "point_id": str(desk.point_id)},
                headers=desk.agent,
            )
            [found] = r.json()["items"]
            return found

        assert (await card())["grade"] == "A"
        opened = []
        for n in range(5):
            r = await feedback.client.post(
                "/v1/complaints",
                json={
                    "ticket_id": str(tickets[n % 4]),
                    "text": f"complaint {n}",
                    "point_id": str(desk.point_id),
                },
                headers=desk.agent,
            )
            assert r.status_code == 201, r.text
            opened.append(r.json()["id"])
        c = await card()
        assert (c["grade"], c["complaints"], c["complaints_per_100_jobs"]) == ("A", 0, 0.0)

        dismissed = await feedback.client.post(
            f"/v1/complaints/{opened[0]}/resolve",
            json={"substantiated": False, "resolution": "the customer was out"},
            headers=desk.agent,
        )
        assert dismissed.json()["counted_month"] is None
        assert (await card())["grade"] == "A"
        upheld = await feedback.client.post(
            f"/v1/complaints/{opened[1]}/resolve",
            json={"substantiated": True, "resolution": "confirmed"},
            headers=desk.agent,
        )
        assert upheld.json()["counted_month"] == month
        c = await card()
        assert (c["complaints"], c["complaints_per_100_jobs"], c["grade"]) == (1, 25.0, "D")


async def test_a_complaint_substantiated_after_its_month_was_graded_counts_in_the_next(
    start_service, desk_for
):
    clock = SettableClock()
    today = clock.now()
    earlier, in_earlier = months_ago(2, today)
    later, in_later = months_ago(1, today)
    async with start_service("feedback", clock=clock) as feedback:
        admin = feedback.auth("admin")
        desk = desk_for(feedback)
        tickets = await _satisfied_jobs(desk, 4, in_earlier)
        await _satisfied_jobs(desk, 4, in_later)
        clock.set(in_earlier)  # the complaint is made back then
        r = await feedback.client.post(
            "/v1/complaints",
            json={"ticket_id": str(tickets[0]), "text": "broke the door"},
            headers=desk.agent,
        )
        assert r.status_code == 201, r.text
        complaint = r.json()
        assert complaint["point_id"] == str(desk.point_id)  # the ticket's latest visit
        assert datetime.fromisoformat(complaint["opened_at"]) == in_earlier
        clock.set(today)

        def grades(run):
            assert run.status_code == 200, run.text
            return {g["point_id"]: g for g in run.json()["grades"]}

        first = grades(await feedback.client.post(f"/v1/grading/{earlier}", headers=admin))
        assert first[str(desk.point_id)]["grade"] == "A"

        upheld = await feedback.client.post(
            f"/v1/complaints/{complaint['id']}/resolve",
            json={"substantiated": True, "resolution": "confirmed"},
            headers=desk.agent,
        )
        assert upheld.status_code == 200, upheld.text
        assert upheld.json()["counted_month"] == later

        again = await feedback.client.post(f"/v1/grading/{earlier}", headers=admin)
        assert again.json()["published"] == 0  # the grade given stands
        card = await feedback.client.get(
            "/v1/scorecards",
            params={"month": earlier, "point_id": str(desk.point_id)},
            headers=admin,
        )
        assert card.json()["items"][0]["complaints"] == 0
        graded = grades(await feedback.client.post(f"/v1/grading/{later}", headers=admin))
        mine = graded[str(desk.point_id)]
        assert (mine["complaints"], mine["grade"]) == (1, "D")
