"""Clause 15 as written: every service person is in the register and can be named in a
complaint; only a substantiated conduct complaint is a strike; strikes count for life unless an
operator sets a window, which the audit trail records."""

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import read_events
from feedback.use_cases.policy import FeedbackPolicy
from feedback.use_cases.settings_audit import record_strike_window


async def _register(feedback, **body):
    return await feedback.client.post("/v1/staff", json=body, headers=feedback.auth("admin"))


async def _complain(feedback, headers, ticket_id, **fields):
    body = {"ticket_id": str(ticket_id), "text": "rude on the phone", **fields}
    return await feedback.client.post("/v1/complaints", json=body, headers=headers)


async def _resolve(feedback, complaint_id, **fields):
    body = {"substantiated": True, "resolution": "checked with the recording", **fields}
    r = await feedback.client.post(
        f"/v1/complaints/{complaint_id}/resolve", json=body, headers=feedback.auth("agent")
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_the_register_holds_every_service_person_and_refuses_strangers(
    start_service, desk_for, infrastructure, payloads
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        admin = feedback.auth("admin")
        r = await _register(feedback, role="agent", name="Li Na", subject="alice")
        assert r.status_code == 201, r.text
        agent = r.json()
        assert (agent["role"], agent["source"], r.headers["location"]) == (
            "agent",
            "admin",
            f"/v1/staff/{agent['id']}",
        )
        host = (await _register(feedback, role="host", name="Wang")).json()
        # Technicians come from dispatch; a second entry for one sign-in is refused.
        assert (await _register(feedback, role="technician", name="X")).status_code == 422
        assert (
            await _register(feedback, role="host", name="Y", subject="alice")
        ).status_code == 409
        ticket = await desk.ticket(tenant_id="acme")
        await desk.book(ticket.data.ticket_id)  # dispatch booked the desk's technician
        listed = await feedback.client.get("/v1/staff", params={"limit": 100}, headers=admin)
        assert {(s["id"], s["role"], s["source"]) for s in listed.json()["items"]} == {
            (agent["id"], "agent", "admin"),
            (host["id"], "host", "admin"),
            (str(desk.technician_id), "technician", "dispatch"),
        }
        techs = await feedback.client.get("/v1/staff", params={"role": "technician"}, headers=admin)
        [tech] = techs.json()["items"]
        assert tech["point_id"] == str(desk.point_id)
        trail = await feedback.client.get(
            "/v1/audit", params={"object_type": "staff", "object_id": agent["id"]}, headers=admin
        )
        [entry] = trail.json()["items"]
        assert entry["action"] == "registered" and entry["changes"]["name"] == {"changed": True}

        ticket_id = ticket.data.ticket_id
        stranger = await _complain(feedback, desk.agent, ticket_id, staff_id=str(uuid.uuid4()))
        assert stranger.status_code == 422, stranger.text
        assert stranger.headers["content-type"] == "application/problem+json"
        crm = feedback.auth("crm", tenant_id="acme")
        assert (await _complain(feedback, crm, ticket_id, staff_id=agent["id"])).status_code == 422
        both = await _complain(
            feedback, desk.agent, ticket_id, staff_id=agent["id"], technician_id=tech["id"]
        )
        assert both.status_code == 422
        assert await desk.complaints_of(ticket_id) == []

        # The agent was rude on the phone: a conduct complaint, about the agent alone (not the
        # ticket's visit), a warning once substantiated.
        r = await _complain(feedback, desk.agent, ticket_id, staff_id=agent["id"])
        assert r.status_code == 201, r.text
        opened = r.json()
        assert (opened["staff_id"], opened["technician_id"], opened["point_id"]) == (
            agent["id"],
            None,
            None,
        )
        assert opened["category"] == "conduct"
        await _resolve(feedback, opened["id"])
        # A substantiated delay is no strike; a quality complaint the check found to be about
        # conduct is one.
        late = await _complain(feedback, desk.agent, ticket_id, staff_id=agent["id"])
        await _resolve(feedback, late.json()["id"], category="delay")
        recat = await _complain(
            feedback, desk.agent, ticket_id, staff_id=agent["id"], category="quality"
        )
        assert recat.json()["category"] == "quality"
        assert (await _resolve(feedback, recat.json()["id"], category="conduct"))[
            "category"
        ] == "conduct"
        record = await feedback.client.get(f"/v1/staff/{agent['id']}", headers=admin)
        assert record.status_code == 200
        body = record.json()
        assert (body["strikes_in_window"], body["current_action"], body["window_days"]) == (
            2,
            "penalty",
            None,
        )
        assert [s["complaint_id"] for s in body["strikes"]] == [opened["id"], recat.json()["id"]]

        disciplined = await payloads("feedback.staff.disciplined.v1", after=feedback)
        assert [(d["staff_id"], d["role"], d["action"]) for d in disciplined] == [
            (agent["id"], "agent", "warning"),
            (agent["id"], "agent", "penalty"),
        ]
        assert all(d["technician_id"] is None for d in disciplined)
        assert (
            await read_events(
                infrastructure.broker_url, "feedback.technician.disciplined.v1", after=feedback
            )
            == []
        )
        [first] = [
            e
            for e in await read_events(
                infrastructure.broker_url, "feedback.complaint.opened.v1", after=feedback
            )
            if str(e.data.complaint_id) == opened["id"]
        ]
        assert (str(first.data.staff_id), first.data.category) == (agent["id"], "conduct")
        missing = await feedback.client.get(f"/v1/staff/{uuid.uuid4()}", headers=admin)
        assert missing.status_code == 404


SHANGHAI = ZoneInfo("Asia/Shanghai")
STORY = ((0, "conduct"), (30, "quality"), (200, "conduct"), (430, "conduct"))


async def _strike_story(feedback, desk, clock, start):
    """Substantiated complaints about the desk's technician: conduct at ``start``, a quality
    complaint a month on, conduct again 200 days on and 14 months on (430 days)."""
    actions = []
    for days, category in STORY:
        clock.set(start + timedelta(days=days))
        ticket = await desk.ticket()
        await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)
        r = await _complain(
            feedback,
            desk.agent,
            ticket.data.ticket_id,
            technician_id=str(desk.technician_id),
            point_id=str(desk.point_id),
            category=category,
        )
        assert r.status_code == 201, r.text
        await _resolve(feedback, r.json()["id"])
        record = await feedback.client.get(
            f"/v1/technicians/{desk.technician_id}/discipline", headers=desk.agent
        )
        actions.append(record.json()["current_action"])
    return actions, record.json()


async def test_only_conduct_strikes_and_a_third_strike_fourteen_months_on_dismisses(
    start_service, desk_for, infrastructure, payloads
):
    clock = SettableClock()
    start = clock.now() - timedelta(days=500)
    async with start_service("feedback", clock=clock) as feedback:
        desk = desk_for(feedback)
        actions, record = await _strike_story(feedback, desk, clock, start)
        # The quality complaint graded the point but struck nobody.
        assert actions == ["warning", "warning", "penalty", "dismissal"]
        assert (record["window_days"], record["strikes_in_window"], record["dismissed"]) == (
            None,
            3,
            True,
        )
        assert [s["window_days"] for s in record["strikes"]] == [None, None, None]
        # Every substantiated complaint, the quality one too, counts on the point's card.
        months = [f"{(start + timedelta(days=d)).astimezone(SHANGHAI):%Y-%m}" for d, _ in STORY]
        card = await feedback.client.get(
            "/v1/scorecards",
            params={"month": months[1], "point_id": str(desk.point_id)},
            headers=desk.agent,
        )
        assert card.json()["items"][0]["complaints"] == months.count(months[1])
        technician = await read_events(
            infrastructure.broker_url, "feedback.technician.disciplined.v1", after=feedback
        )
        staff = await payloads("feedback.staff.disciplined.v1", after=feedback)
        assert [e.data.action for e in technician] == ["warning", "penalty", "dismissal"]
        assert [(d["role"], d["technician_id"], d["action"]) for d in staff] == [
            ("technician", str(desk.technician_id), a) for a in ("warning", "penalty", "dismissal")
        ]


async def test_a_strike_window_is_an_operators_choice_and_on_the_audit_trail(
    start_service, desk_for
):
    clock = SettableClock()
    start = clock.now() - timedelta(days=500)

    async def trail(feedback, n):
        async def found():
            r = await feedback.client.get(
                "/v1/audit", params={"object_type": "setting"}, headers=feedback.auth("admin")
            )
            items = r.json()["items"]
            return len(items) == n and items

        return await eventually(found)

    async with start_service("feedback", clock=clock, strike_window_days=365) as feedback:
        desk = desk_for(feedback)
        [applied] = await trail(feedback, 1)
        assert (applied["object_id"], applied["actor"], applied["role"]) == (
            "FEEDBACK_STRIKE_WINDOW_DAYS",
            "system:feedback",
            "system",
        )
        assert applied["changes"]["value"] == {"before": None, "after": 365}
        actions, record = await _strike_story(feedback, desk, clock, start)
        # 14 months on, the first strike has left the 365-day window: a penalty, not dismissal.
        assert actions == ["warning", "warning", "penalty", "penalty"]
        assert (record["window_days"], record["strikes_in_window"]) == (365, 2)
        assert [s["window_days"] for s in record["strikes"]] == [365, 365, 365]
    async with start_service("feedback", clock=clock) as feedback:  # back to the default
        entries = await trail(feedback, 2)
        assert entries[1]["changes"]["value"] == {"before": 365, "after": None}
        # The same value again records nothing (as at every restart with it).
        policy: FeedbackPolicy = feedback.app.state.policy
        assert await record_strike_window(feedback.db, policy) is False
        assert len(await trail(feedback, 2)) == 2
        record = await feedback.client.get(
            f"/v1/technicians/{desk.technician_id}/discipline", headers=feedback.auth("agent")
        )
        # Counted for life now: all three strikes count.
        assert (record.json()["window_days"], record.json()["strikes_in_window"]) == (None, 3)
