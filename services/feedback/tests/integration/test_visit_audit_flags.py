"""Issue 31 through the API on real PostgreSQL and NATS: the callback confirms the visit (``no``
opens one quality complaint and is published), the audit sample must ask and comes first in the
queue, and billing's review flags make the point's record, counted once."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftersales.events import billing
from aftersales_testing.apps import drained, handled
from aftersales_testing.factories import publish_raw, read_events

SHANGHAI = ZoneInfo("Asia/Shanghai")


def last_month(now):
    """Last month (network time), a moment in its middle, and the first moment of this month."""
    first = now.astimezone(SHANGHAI).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    mid = (first - timedelta(days=15)).replace(hour=12)
    return f"{mid:%Y-%m}", mid.astimezone(UTC), first.astimezone(UTC)


async def _job(desk, **fields):
    ticket = await desk.ticket()
    job = await desk.complete(ticket.data.ticket_id, **fields)
    return job, await desk.callback_of(job.job_id)


async def _recorded(infrastructure, feedback, callback_id):
    found = await read_events(
        infrastructure.broker_url, "feedback.callback.recorded.v2", after=feedback
    )
    return [e.data for e in found if str(e.data.callback_id) == callback_id]


async def test_no_one_came_opens_one_quality_complaint_and_is_published(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback", audit_share=0) as feedback:
        desk = desk_for(feedback)
        job, cb = await _job(desk)
        # dispatch's event delivered again, as a copy: still one callback.
        env = await desk.publish(job, "dispatch", job.job_id, msg_id=str(uuid.uuid4()))
        await handled(feedback, env)
        key = {**desk.agent, "Idempotency-Key": f"no-visit-{cb['id']}"}
        first = await desk.result(
            cb, headers=key, reached=True, outcome="unsatisfied", visit_confirmed="no"
        )
        assert first.status_code == 200, first.text
        assert first.json()["visit_confirmed"] == "no"
        retried = await desk.result(
            cb, headers=key, reached=True, outcome="unsatisfied", visit_confirmed="no"
        )
        assert retried.status_code == 200 and retried.json() == first.json()
        again = await desk.result(cb, reached=True, outcome="unsatisfied", visit_confirmed="no")
        assert again.status_code == 409
        await drained(feedback)

        [complaint] = await desk.complaints_of(job.ticket_id)
        assert (complaint["category"], complaint["callback_id"]) == ("quality", cb["id"])
        assert complaint["point_id"] == str(desk.point_id)
        assert complaint["technician_id"] == str(desk.technician_id)
        [recorded] = await _recorded(infrastructure, feedback, cb["id"])
        assert (recorded.visit_confirmed, recorded.reached) == ("no", True)
        assert recorded.audit is True  # the point's first job of the month
        opened = await read_events(
            infrastructure.broker_url, "feedback.complaint.opened.v1", after=feedback
        )
        assert [(str(e.data.callback_id), e.data.category) for e in opened] == [
            (cb["id"], "quality")
        ]
        got = await feedback.client.get(f"/v1/callbacks/{cb['id']}", headers=desk.agent)
        assert (got.json()["visit_confirmed"], got.json()["audit"]) == ("no", True)

        # A rude technician who never came: one complaint for the callback, about quality.
        rude, rude_cb = await _job(desk)
        r = await desk.result(rude_cb, reached=True, outcome="bad_attitude", visit_confirmed="no")
        assert r.status_code == 200, r.text
        [only] = await desk.complaints_of(rude.ticket_id)
        assert (only["category"], only["callback_id"]) == ("quality", rude_cb["id"])


async def test_visit_confirmed_is_refused_where_it_cannot_be_said(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback", audit_share=0) as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        await desk.request_callback(ticket.data.ticket_id, "resolved_remotely", kind="repair")
        [phone] = await desk.callbacks_of(ticket.data.ticket_id)
        r = await desk.result(phone, reached=True, outcome="unsatisfied", visit_confirmed="no")
        assert r.status_code == 422 and "no one came" in r.json()["detail"]
        _, cb = await _job(desk)
        r = await desk.result(cb, reached=False, visit_confirmed="yes")
        assert r.status_code == 422 and "confirms nothing" in r.json()["detail"]
        await drained(feedback)
        for before in (phone, cb):
            got = await feedback.client.get(f"/v1/callbacks/{before['id']}", headers=desk.agent)
            assert (got.json()["status"], got.json()["attempts"]) == ("due", 0)
            assert await _recorded(infrastructure, feedback, before["id"]) == []
        assert await desk.complaints_of(ticket.data.ticket_id) == []


async def test_the_scorecard_counts_the_confirmed_no_visits(start_service, desk_for):
    month, mid, _ = last_month(datetime.now(UTC))
    async with start_service("feedback", audit_share=0) as feedback:
        desk, other = desk_for(feedback), desk_for(feedback)
        for said in ("no", "yes", None, "no"):
            _, cb = await _job(desk, completed_at=mid)
            r = await desk.result(cb, reached=True, outcome="unsatisfied", visit_confirmed=said)
            assert r.status_code == 200, r.text
        _, cb = await _job(other, completed_at=mid)
        assert (await other.result(cb, reached=True, outcome="satisfied")).status_code == 200
        cards = await feedback.client.get(
            "/v1/scorecards", params={"month": month}, headers=desk.agent
        )
        by_point = {c["point_id"]: c for c in cards.json()["items"]}
        assert by_point[str(desk.point_id)]["no_visits_confirmed"] == 2
        assert by_point[str(other.point_id)]["no_visits_confirmed"] == 0
        techs = await feedback.client.get(
            "/v1/scorecards/technicians",
            params={"month": month, "technician_id": str(desk.technician_id)},
            headers=desk.agent,
        )
        [tech] = techs.json()["items"]
        assert tech["no_visits_confirmed"] == 2 and "flags" not in tech
        csv = await feedback.client.get(
            "/v1/scorecards",
            params={"month": month, "point_id": str(desk.point_id), "format": "csv"},
            headers=desk.agent,
        )
        header, row = (line.split(",") for line in csv.text.splitlines()[:2])
        assert dict(zip(header, row, strict=True))["no_visits_confirmed"] == "2"


async def test_an_audit_job_must_ask_and_the_queue_lists_it_first(
    start_service, desk_for, infrastructure
):
    _, mid, this_month = last_month(datetime.now(UTC))
    async with start_service("feedback", audit_share=0) as feedback:
        desk = desk_for(feedback)
        first, first_cb = await _job(desk, completed_at=mid)  # the point's first of last month
        _, plain_cb = await _job(desk, completed_at=mid + timedelta(hours=1))
        # 00:30 on the 1st at the network's time (16:30 UTC the day before): this month's first.
        _, next_cb = await _job(desk, completed_at=this_month + timedelta(minutes=30))
        assert (first_cb["audit"], plain_cb["audit"], next_cb["audit"]) == (True, False, True)
        # dispatch's event for the first job again, as a copy: the draw stands.
        env = await desk.publish(first, "dispatch", first.job_id, msg_id=str(uuid.uuid4()))
        await handled(feedback, env)

        async def queue(**params):
            ids, cursor = [], None
            while True:
                page = {"limit": 1, **params, **({"cursor": cursor} if cursor else {})}
                r = await feedback.client.get("/v1/callbacks", params=page, headers=desk.agent)
                assert r.status_code == 200, r.text
                ids += [c["id"] for c in r.json()["items"]]
                if not (cursor := r.json()["next_cursor"]):
                    return ids

        # Audit callbacks first (the later one before the older plain one), page by page.
        assert await queue(status="due") == [first_cb["id"], next_cb["id"], plain_cb["id"]]

        refused = await desk.result(
            first_cb, reached=True, outcome="satisfied", score=5, visit_confirmed=None
        )
        assert refused.status_code == 422
        assert "audit sample" in refused.json()["detail"]
        again = await desk.result(
            first_cb, reached=True, outcome="satisfied", visit_confirmed="not_asked"
        )
        assert again.status_code == 422
        await drained(feedback)
        got = await feedback.client.get(f"/v1/callbacks/{first_cb['id']}", headers=desk.agent)
        assert (got.json()["status"], got.json()["attempts"]) == ("due", 0)
        assert await _recorded(infrastructure, feedback, first_cb["id"]) == []

        # A plain job's callback needs nothing new; an audit one may still fail to reach.
        ok = await desk.result(plain_cb, reached=True, outcome="satisfied", visit_confirmed=None)
        assert ok.status_code == 200 and ok.json()["visit_confirmed"] == "not_asked"
        assert (await desk.result(first_cb, reached=False)).status_code == 200
        asked = await desk.result(first_cb, reached=True, outcome="satisfied")  # yes
        assert asked.status_code == 200, asked.text
        unreached, reached = await _recorded(infrastructure, feedback, first_cb["id"])
        assert (unreached.audit, unreached.visit_confirmed) == (True, "not_asked")
        assert (reached.audit, reached.visit_confirmed) == (True, "yes")
        [plain] = await _recorded(infrastructure, feedback, plain_cb["id"])
        assert (plain.audit, plain.visit_confirmed) == (False, "not_asked")
        # Done, the audit callback takes its place by its last change.
        assert await queue() == [next_cb["id"], plain_cb["id"], first_cb["id"]]


def _flag(point_id, rule, flagged_at, **fields):
    values = {
        "review_id": uuid.uuid4(),
        "rule": rule,
        "action": "hold",
        "subject": "charge",
        "charge_id": uuid.uuid4(),
        "job_id": uuid.uuid4(),
        "point_id": point_id,
        "figure": 180,
        "norm": 95,
        "reason": f"{rule}: 180 against 95",
        "flagged_at": flagged_at,
    }
    return billing.ReviewFlagged(**{**values, **fields})


async def _scorecard(feedback, month, point_id, headers):
    r = await feedback.client.get(
        "/v1/scorecards", params={"month": month, "point_id": str(point_id)}, headers=headers
    )
    assert r.status_code == 200, r.text
    [card] = r.json()["items"]
    return card


@pytest.mark.parametrize(
    ("weights", "penalty", "grade"),
    [
        ({}, None, "A"),  # off by default: the flags show and weigh nothing
        # Weighed: 0.5 x 0.5 off the outcome score graded (1.0 -> 0.75: a B).
        ({"repeat_visit": 0.5}, 0.25, "B"),
    ],
)
async def test_billings_review_flags_count_once_on_the_scorecard_and_weigh_when_set(
    start_service, desk_for, weights, penalty, grade
):
    month, mid, this_month = last_month(datetime.now(UTC))
    async with start_service("feedback", flag_weights=weights) as feedback:
        desk = desk_for(feedback)
        await desk.satisfied_jobs(4, mid)
        twice = _flag(desk.point_id, "repeat_visit", mid)
        env = await desk.publish(twice, "billing", twice.review_id)
        await publish_raw(desk.nats_url, env, msg_id=str(uuid.uuid4()))  # a copy
        # The same review in another envelope (billing's outbox sent it again): once too.
        await desk.publish(twice, "billing", twice.review_id)
        await desk.publish(_flag(desk.point_id, "repeat_visit", mid), "billing", uuid.uuid4())
        await desk.publish(_flag(desk.point_id, "late_report", mid), "billing", uuid.uuid4())
        later = _flag(desk.point_id, "repeat_visit", this_month + timedelta(minutes=1))
        await desk.publish(later, "billing", later.review_id)  # this month's
        nobody = _flag(None, "cash_unremitted", mid, subject="cash")
        await desk.publish(nobody, "billing", nobody.review_id)
        await drained(feedback)

        card = await _scorecard(feedback, month, desk.point_id, desk.agent)
        assert card["jobs"] == 4
        assert card["flags"] == {
            "late_report": {"count": 1, "rate": 0.25},
            "repeat_visit": {"count": 2, "rate": 0.5},
        }
        assert (card["flag_penalty"], card["grade"]) == (penalty, grade)
