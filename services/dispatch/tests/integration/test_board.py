"""What the console's board and the partner portal read: jobs by their site's region and
kind, in the order of the clock that matters next, and the counts of the open jobs in one
call; a point sees and counts only its own."""

import uuid
from datetime import datetime, timedelta

from aftersales.events import Envelope, intake
from aftersales_testing.apps import SettableClock, handled
from aftersales_testing.factories import publish_raw

PROBLEM = "application/problem+json"
NOWHERE = {"region": "500101", "city": "重庆", "line": "解放碑1号"}  # no point serves it
SHANGHAI = {"region": "310115", "city": "上海", "line": "世纪大道88号"}


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def _jobs(flow, headers=None, **params):
    r = await flow.dispatch.client.get("/v1/jobs", params=params, headers=headers or flow.agent)
    assert r.status_code == 200, r.text
    return r.json()


async def _counts(flow, headers=None, **params):
    r = await flow.dispatch.client.get(
        "/v1/jobs/counts", params=params, headers=headers or flow.agent
    )
    assert r.status_code == 200, r.text
    return r.json()


async def _book(flow, job, point, tech):
    r = await flow.post(job, "accept", headers=flow.point_auth(point))
    assert r.status_code == 200, r.text
    start = flow.later_today()
    r = await flow.post(
        job,
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
    return r.json()


async def _board(flow, clock):
    """Six open jobs, each with another clock next:

    - ``late``: unrouted, its booking was due an hour ago (breached);
    - ``offered``: offered to the Shenzhen point, accept-by in 30 minutes;
    - ``to_book``: unrouted, to be booked in two hours;
    - ``booked``: booked by the Shanghai point (arrival due at the appointment's end);
    - ``on_site``: the Shanghai point's technician is there, to finish in five hours;
    - ``paused``: unrouted, its ticket paused: no clock runs.
    """
    now = clock.now()
    south, _ = await flow.point_with_technician(code="P-SZ")
    east, east_tech = await flow.point_with_technician(code="P-SH", regions=["310115"])
    made = {}
    for name, fields in (
        ("late", {"site": NOWHERE, "respond_by": now - timedelta(hours=1)}),
        ("offered", {}),
        ("to_book", {"site": NOWHERE, "respond_by": now + timedelta(hours=2)}),
        ("booked", {"site": SHANGHAI, "kind": "install"}),
        ("on_site", {"site": SHANGHAI, "complete_by": now + timedelta(hours=5)}),
        ("paused", {"site": NOWHERE}),
    ):
        env = await flow.ticket(**fields)
        status = "unrouted" if fields.get("site") == NOWHERE else "offered"
        made[name] = (env, await flow.job_of(env.data.ticket_id, status=status))
    jobs = {name: job for name, (_, job) in made.items()}
    jobs["booked"] = await _book(flow, jobs["booked"], east, east_tech)
    await _book(flow, jobs["on_site"], east, east_tech)
    me = flow.tech_auth(east_tech)
    for status in ("en_route", "on_site"):
        r = await flow.report(jobs["on_site"], status, headers=me)
        assert r.status_code == 200, r.text
    paused_ticket = made["paused"][0].data.ticket_id
    pause = Envelope.wrap(
        intake.TicketPaused(
            ticket_id=paused_ticket,
            reason="awaiting_customer",
            paused_by="agent:test@centre",
            paused_at=now,
        ),
        source="intake",
        aggregate_id=paused_ticket,
        aggregate_version=2,
    )
    await publish_raw(flow.nats_url, pause)
    await handled(flow.dispatch, pause)
    return {name: await flow.get(job) for name, job in jobs.items()}, south, east, made


async def test_open_jobs_in_the_order_of_the_clock_that_matters_next(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock) as dispatch:
        flow = flow_for(dispatch)
        now = clock.now()
        jobs, south, east, _ = await _board(flow, clock)
        clocks = {name: job["next_clock"] for name, job in jobs.items()}
        assert clocks["late"]["clock"] == "respond"
        assert at(clocks["late"]["due"]) == now - timedelta(hours=1)
        assert clocks["offered"]["clock"] == "accept"
        assert at(clocks["offered"]["due"]) == at(jobs["offered"]["offer_expires_at"])
        assert clocks["to_book"]["clock"] == "respond"
        assert clocks["booked"]["clock"] == "arrival"
        assert at(clocks["booked"]["due"]) == at(jobs["booked"]["appointment"]["end"])
        assert jobs["booked"]["respond_by"] is None  # booked: answered
        assert clocks["on_site"]["clock"] == "completion"
        assert at(clocks["on_site"]["due"]) == now + timedelta(hours=5)
        assert clocks["paused"] is None

        by_id = {job["id"]: name for name, job in jobs.items()}
        timed = sorted((at(c["due"]), jobs[n]["id"]) for n, c in clocks.items() if c is not None)
        expected = [by_id[i] for _, i in timed] + ["paused"]
        assert expected[0] == "late" and expected[1] == "offered"

        seen, cursor, pages = [], None, 0
        while True:
            params = {"sort": "next_due", "limit": 4, **({"cursor": cursor} if cursor else {})}
            page = await _jobs(flow, **params)
            seen += [by_id[j["id"]] for j in page["items"]]
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == expected and pages == 2

        # Filters go with the order: the Shanghai point's jobs, by region or by point.
        east_first = [
            by_id[j["id"]] for j in (await _jobs(flow, sort="next_due", region="31"))["items"]
        ]
        assert east_first == [n for n in expected if n in ("booked", "on_site")]
        assert {by_id[j["id"]] for j in (await _jobs(flow, region="310000"))["items"]} == {
            "booked",
            "on_site",
        }
        assert [by_id[j["id"]] for j in (await _jobs(flow, region="5001"))["items"]] != []
        assert [by_id[j["id"]] for j in (await _jobs(flow, kind="install"))["items"]] == ["booked"]

        # A point lists only its own, in the same order.
        mine = await _jobs(flow, flow.point_auth(east), sort="next_due")
        assert [by_id[j["id"]] for j in mine["items"]] == east_first
        theirs = await _jobs(flow, flow.point_auth(south), sort="next_due", point_id=east["id"])
        assert theirs["items"] == []

        other = await dispatch.client.get("/v1/jobs", params={"limit": 1}, headers=flow.agent)
        mixed = await dispatch.client.get(
            "/v1/jobs",
            params={"sort": "next_due", "cursor": other.json()["next_cursor"]},
            headers=flow.agent,
        )
        assert mixed.status_code == 400 and mixed.headers["content-type"] == PROBLEM
        for params in (
            {"sort": "next_due", "status": "completed"},
            {"sort": "next_due", "since": ""},
            {"sort": "soonest"},
            {"region": "4"},
            {"region": "4403051"},
            {"kind": "Repair!"},
        ):
            r = await dispatch.client.get("/v1/jobs", params=params, headers=flow.agent)
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, params


async def test_the_boards_job_counts_in_one_call_and_a_point_counts_its_own(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock) as dispatch:
        flow = flow_for(dispatch)
        now = clock.now()
        jobs, south, east, made = await _board(flow, clock)
        board = await _counts(flow)
        assert board["total"] == 6
        assert board["by_status"] == {
            "unrouted": 3,
            "offered": 1,
            "accepted": 0,
            "scheduled": 1,
            "en_route": 0,
            "on_site": 1,
            "awaiting_parts": 0,
            "in_workshop": 0,
            "repaired": 0,
            "inspected": 0,
        }
        assert board["offered_not_accepted"] == 1 and board["unrouted"] == 3
        assert board["by_clock"] == {
            "accept_due": 1,
            "respond_due": 1,
            "arrival_due": 1,
            "completion_due": 1,
            "breached": 1,
            "paused": 1,
            "no_clock": 0,
        }
        assert at(board["as_of"]) == now

        assert (await _counts(flow, region="31"))["total"] == 2
        assert (await _counts(flow, region="500101"))["by_status"]["unrouted"] == 3
        assert (await _counts(flow, kind="install"))["total"] == 1
        assert (await _counts(flow, point_id=south["id"]))["offered_not_accepted"] == 1

        # A point counts its own jobs only, whatever point it names.
        own = await _counts(flow, flow.point_auth(east))
        assert own["total"] == 2 and own["unrouted"] == 0
        assert own["by_clock"]["arrival_due"] == 1 and own["by_clock"]["completion_due"] == 1
        south_view = await _counts(flow, flow.point_auth(south))
        assert south_view["total"] == 1 and south_view["offered_not_accepted"] == 1
        spying = await _counts(flow, flow.point_auth(south), point_id=east["id"])
        assert spying["total"] == 0

        for role, scope in (
            ("technician", {"technician_id": uuid.uuid4()}),
            ("app", {}),
            ("crm", {"tenant_id": "acme"}),
            ("finance", {}),
        ):
            r = await dispatch.client.get("/v1/jobs/counts", headers=dispatch.auth(role, **scope))
            assert r.status_code == 403, role
        for params in ({"region": "3"}, {"point_id": "P-SH"}, {"kind": "x" * 21}):
            r = await dispatch.client.get("/v1/jobs/counts", params=params, headers=flow.agent)
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, params

        # Resumed ten minutes later: the paused job's booking due moves on by the pause.
        before = await flow.get(jobs["paused"])
        resumed_at = clock.advance(timedelta(minutes=10))
        ticket_id = made["paused"][0].data.ticket_id
        resume = Envelope.wrap(
            intake.TicketResumed(
                ticket_id=ticket_id,
                paused_at=now,
                resumed_at=resumed_at,
                paused_seconds=600,
                resumed_by="agent:test@centre",
            ),
            source="intake",
            aggregate_id=ticket_id,
            aggregate_version=3,
        )
        await publish_raw(flow.nats_url, resume)
        await handled(dispatch, resume)
        after = await flow.get(jobs["paused"])
        assert at(after["respond_by"]) == at(before["respond_by"]) + timedelta(minutes=10)
        assert after["next_clock"]["clock"] == "respond"
        resumed = await _counts(flow)
        assert resumed["by_clock"]["paused"] == 0 and resumed["by_clock"]["respond_due"] == 2
