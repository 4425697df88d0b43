import uuid
from datetime import datetime, timedelta

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_point, make_technician, read_events


async def test_a_complaint_outcome_opens_a_complaint_with_its_deadlines(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        cb = await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)
        r = await desk.result(
            cb, reached=True, outcome="complaint", score=1, comment="left a mess and was rude"
        )
        assert r.status_code == 200
        listed = await feedback.client.get(
            "/v1/complaints", params={"ticket_id": str(ticket.data.ticket_id)}, headers=desk.agent
        )
        [complaint] = listed.json()["items"]
        assert complaint["source"] == "callback" and complaint["text"] == "left a mess and was rude"
        assert complaint["technician_id"] == str(desk.technician_id)
        opened = datetime.fromisoformat(complaint["opened_at"])
        assert datetime.fromisoformat(complaint["reply_by"]) - opened == timedelta(hours=24)
        assert datetime.fromisoformat(complaint["resolve_by"]) - opened == timedelta(days=30)
        [event] = await read_events(
            infrastructure.broker_url, "feedback.complaint.opened.v1", after=feedback
        )
        assert str(event.data.complaint_id) == complaint["id"]


async def test_a_third_substantiated_complaint_dismisses_the_technician_in_dispatch(
    start_service, desk_for
):
    async with start_service("dispatch") as dispatch, start_service("feedback") as feedback:
        point = await make_point(dispatch)
        tech = await make_technician(dispatch, point["id"])
        desk = desk_for(
            feedback, point_id=uuid.UUID(point["id"]), technician_id=uuid.UUID(tech["id"])
        )
        actions = []
        for n in range(3):
            ticket = await desk.ticket()
            # The technician did the ticket's job: a complaint may name it.
            await desk.callback_of((await desk.complete(ticket.data.ticket_id)).job_id)
            r = await feedback.client.post(
                "/v1/complaints",
                json={
                    "ticket_id": str(ticket.data.ticket_id),
                    "text": f"complaint {n}",
                    "technician_id": tech["id"],
                    "point_id": point["id"],
                },
                headers=desk.agent,
            )
            resolved = await feedback.client.post(
                f"/v1/complaints/{r.json()['id']}/resolve",
                json={"substantiated": True, "resolution": "confirmed by the customer"},
                headers=desk.agent,
            )
            assert resolved.status_code == 200 and resolved.json()["substantiated"] is True
            record = await feedback.client.get(
                f"/v1/technicians/{tech['id']}/discipline", headers=desk.agent
            )
            actions.append(record.json()["current_action"])
        assert actions == ["warning", "penalty", "dismissal"]
        twice = await feedback.client.post(
            f"/v1/complaints/{r.json()['id']}/resolve",
            json={"substantiated": True},
            headers=desk.agent,
        )
        assert twice.status_code == 409

        async def dismissed():
            got = await dispatch.client.get(
                f"/v1/technicians/{tech['id']}", headers=dispatch.auth()
            )
            return got.json()["status"] == "dismissed"

        await eventually(dismissed)
        mine = await feedback.client.get(
            f"/v1/technicians/{tech['id']}/discipline",
            headers=feedback.auth("technician", technician_id=tech["id"]),
        )
        assert mine.json()["strikes_in_window"] == 3 and mine.json()["dismissed"] is True
        other = await feedback.client.get(
            f"/v1/technicians/{tech['id']}/discipline",
            headers=feedback.auth("technician", technician_id=uuid.uuid4()),
        )
        assert other.status_code == 404


async def test_an_unsubstantiated_complaint_is_no_strike(start_service, desk_for, infrastructure):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        await desk.book(ticket.data.ticket_id)
        r = await feedback.client.post(
            "/v1/complaints",
            json={
                "ticket_id": str(ticket.data.ticket_id),
                "text": "slow",
                "technician_id": str(desk.technician_id),
            },
            headers=desk.agent,
        )
        await feedback.client.post(
            f"/v1/complaints/{r.json()['id']}/resolve",
            json={"substantiated": False, "resolution": "the part was on back order"},
            headers=desk.agent,
        )
        record = await feedback.client.get(
            f"/v1/technicians/{desk.technician_id}/discipline", headers=desk.agent
        )
        assert record.json()["strikes"] == []
        [resolved] = await read_events(
            infrastructure.broker_url, "feedback.complaint.resolved.v1", after=feedback
        )
        assert resolved.data.substantiated is False
        assert (
            await read_events(
                infrastructure.broker_url, "feedback.technician.disciplined.v1", after=feedback
            )
            == []
        )
