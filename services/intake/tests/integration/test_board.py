"""What the console's board and the agent's desk read: customers found by name, tickets by
their site's region and their point, in the order of the clock that matters next, and the
counts of the open tickets in one call."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import Envelope, Window, dispatch
from aftersales_testing.apps import SettableClock, handled
from aftersales_testing.factories import make_customer, make_product, make_ticket, publish_raw

PROBLEM = "application/problem+json"
# The service's clock, which the tests move: tomorrow (the factories' products are bought this
# month, and a ticket is opened after its product was bought).
START = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0) + timedelta(days=1)
POINT, OTHER_POINT, TECH = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
SHANGHAI = {"region": "310115", "city": "上海", "line": "世纪大道88号"}
SHENZHEN = {"region": "440305", "city": "深圳", "line": "科技园1号"}
NANJING = {"region": "320102", "city": "南京", "line": "中山路1号"}


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def job_event(data, version):
    return Envelope.wrap(
        data, source="dispatch", aggregate_id=data.job_id, aggregate_version=version
    )


def routed(ticket_id, job_id, point_id):
    return dispatch.JobRouted(
        job_id=job_id,
        ticket_id=ticket_id,
        point_id=point_id,
        attempt=1,
        why="only match",
        offer_expires_at=START + timedelta(minutes=30),
        ticket_number="SR-2027-0000001",
        kind="repair",
        region="440305",
        product=dispatch.OfferedProduct(
            category="air_conditioner", model="KFR-35GW", serial_no="S", in_warranty=True
        ),
    )


async def names(intake, headers=None, **params):
    r = await intake.client.get("/v1/customers", params=params, headers=headers or intake.auth())
    assert r.status_code == 200, r.text
    return [c["name"] for c in r.json()["items"]]


async def listed(intake, headers=None, **params):
    r = await intake.client.get("/v1/tickets", params=params, headers=headers or intake.auth())
    assert r.status_code == 200, r.text
    return r.json()


async def counts(intake, headers=None, **params):
    r = await intake.client.get(
        "/v1/tickets/counts", params=params, headers=headers or intake.auth("agent")
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_customers_are_found_by_a_part_of_their_name_whatever_the_case(start_service):
    async with start_service("intake") as intake:
        for name in ("张伟明", "王张伟", "张明伟", "Zhang Wei", "zhang weiming", "100% Pure_Water"):
            await make_customer(intake, name=name)
        erased = await make_customer(intake, name="张伟东")
        r = await intake.client.post(f"/v1/customers/{erased['id']}/erase", headers=intake.auth())
        assert r.status_code == 200, r.text

        assert await names(intake, name="张伟") == ["张伟明", "王张伟"]
        assert await names(intake, name="ZHANG wei") == ["Zhang Wei", "zhang weiming"]
        assert await names(intake, name=" weiming ") == ["zhang weiming"]
        # A LIKE wildcard in the text is a character like any other.
        assert await names(intake, name="0%") == ["100% Pure_Water"]
        assert await names(intake, name="e_W") == ["100% Pure_Water"]
        assert await names(intake, name="g_W") == []
        # The erased customer is found neither by the old name nor by the tombstone.
        assert await names(intake, name="伟东") == []
        assert await names(intake, name="erased") == []

        # Paged with the cursor, in the order they were registered.
        first = await intake.client.get(
            "/v1/customers", params={"name": "zhang", "limit": 1}, headers=intake.auth()
        )
        assert [c["name"] for c in first.json()["items"]] == ["Zhang Wei"]
        rest = await intake.client.get(
            "/v1/customers",
            params={"name": "zhang", "limit": 1, "cursor": first.json()["next_cursor"]},
            headers=intake.auth(),
        )
        assert [c["name"] for c in rest.json()["items"]] == ["zhang weiming"]
        assert rest.json()["next_cursor"] is None

        # A name and a phone together: both must hold.
        phone = (await make_customer(intake, name="张伟", phone="13900001111"))["phone"]
        assert await names(intake, name="张伟", phone=phone) == ["张伟"]

        for short in ("张", " z ", ""):
            bad = await intake.client.get(
                "/v1/customers", params={"name": short}, headers=intake.auth()
            )
            assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM, short


async def test_a_crm_finds_by_name_only_its_own_tenants_customers(start_service):
    async with start_service("intake") as intake:
        acme = intake.auth("crm", subject="acme-crm", tenant_id="acme")
        beta = intake.auth("crm", subject="beta-crm", tenant_id="beta")
        await make_customer(intake, headers=acme, name="李娜 (acme)")
        await make_customer(intake, headers=beta, name="李娜 (beta)")
        assert await names(intake, acme, name="李娜") == ["李娜 (acme)"]
        assert await names(intake, beta, name="李娜") == ["李娜 (beta)"]
        assert await names(intake, intake.auth("agent"), name="李娜") == [
            "李娜 (acme)",
            "李娜 (beta)",
        ]


async def test_tickets_by_the_sites_region_and_the_point_their_job_is_with(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        shanghai = await make_customer(intake, address=SHANGHAI)
        shenzhen = await make_customer(intake, address=SHENZHEN)
        at_home = await make_ticket(intake, customer=shanghai)
        # Installed in Nanjing (320102): the visit goes there, so the ticket is Nanjing's.
        away = await make_product(intake, shanghai["id"])
        moved = await intake.client.patch(
            f"/v1/products/{away['id']}",
            json={
                "installation_address": {"region": "320102", "city": "南京", "line": "中山路1号"}
            },
            headers={**intake.auth(), "If-Match": f'"{away["version"]}"'},
        )
        assert moved.status_code == 200, moved.text
        installed = await make_ticket(intake, customer=shanghai, product=away)
        south = await make_ticket(intake, customer=shenzhen)
        assert (at_home["region"], installed["region"], south["region"]) == (
            "310115",
            "320102",
            "440305",
        )

        def ids(page):
            return {t["id"] for t in page["items"]}

        assert ids(await listed(intake, region="31")) == {at_home["id"]}
        assert ids(await listed(intake, region="310000")) == {at_home["id"]}
        assert ids(await listed(intake, region="3201")) == {installed["id"]}
        assert ids(await listed(intake, region="440305")) == {south["id"]}
        assert ids(await listed(intake, region="440300")) == {south["id"]}
        assert ids(await listed(intake, region="4403")) == {south["id"]}
        assert ids(await listed(intake, region="45")) == set()
        for bad in ("3", "310", "31011x", "3101150"):
            r = await intake.client.get(
                "/v1/tickets", params={"region": bad}, headers=intake.auth()
            )
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, bad

        mine, theirs = uuid.uuid4(), uuid.uuid4()
        for env in (
            job_event(routed(uuid.UUID(at_home["id"]), mine, POINT), 1),
            job_event(routed(uuid.UUID(south["id"]), theirs, OTHER_POINT), 1),
        ):
            await publish_raw(infrastructure.broker_url, env)
            await handled(intake, env)
        assert ids(await listed(intake, point_id=str(POINT))) == {at_home["id"]}
        assert ids(await listed(intake, point_id=str(OTHER_POINT), region="44")) == {south["id"]}
        assert ids(await listed(intake, point_id=str(OTHER_POINT), region="31")) == set()

        # Every point declined: the job is with no point now.
        unrouted = job_event(
            dispatch.JobUnrouted(job_id=mine, ticket_id=uuid.UUID(at_home["id"]), reason="none"),
            2,
        )
        await publish_raw(infrastructure.broker_url, unrouted)
        await handled(intake, unrouted)
        assert ids(await listed(intake, point_id=str(POINT))) == set()


async def _board(intake, clock, infrastructure):
    """Five open tickets, each with another clock next, and one cancelled:

    - ``late``: opened 5 h ago, unanswered: its answer was due an hour ago (breached);
    - ``answer``: opened 3 h ago: its answer is due in an hour;
    - ``arrival``: its visit is booked for the next two hours (point POINT);
    - ``fresh``: opened now: its answer is due in four hours;
    - ``paused``: paused: no clock runs.
    """
    customer = await make_customer(intake, address=SHANGHAI)
    tickets = {}
    for name, opened in (("late", -5), ("answer", -3), ("arrival", 0), ("fresh", 0)):
        clock.set(START + timedelta(hours=opened))
        tickets[name] = await make_ticket(intake, customer=customer)
    clock.set(START)
    tickets["paused"] = await make_ticket(intake, customer=customer)
    r = await intake.client.post(
        f"/v1/tickets/{tickets['paused']['id']}/pause",
        json={"reason": "awaiting_customer"},
        headers=intake.auth("agent"),
    )
    assert r.status_code == 200, r.text
    gone = await make_ticket(intake, customer=customer)
    r = await intake.client.post(
        f"/v1/tickets/{gone['id']}/cancel", json={"reason": "bought another"}, headers=intake.auth()
    )
    assert r.status_code == 200, r.text
    booked = job_event(
        dispatch.JobScheduled(
            job_id=uuid.uuid4(),
            ticket_id=uuid.UUID(tickets["arrival"]["id"]),
            point_id=POINT,
            technician_id=TECH,
            appointment=Window(start=START, end=START + timedelta(hours=2)),
        ),
        1,
    )
    await publish_raw(infrastructure.broker_url, booked)
    await handled(intake, booked)
    return tickets


async def test_open_tickets_in_the_order_of_the_clock_that_matters_next(
    start_service, infrastructure
):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock) as intake:
        tickets = await _board(intake, clock, infrastructure)
        order = ["late", "answer", "arrival", "fresh", "paused"]
        by_id = {t["id"]: name for name, t in tickets.items()}

        seen, cursor, pages = [], None, 0
        while True:
            params = {"sort": "next_due", "limit": 2, **({"cursor": cursor} if cursor else {})}
            page = await listed(intake, **params)
            seen += page["items"]
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert [by_id[t["id"]] for t in seen] == order and pages == 3
        clocks = {by_id[t["id"]]: t["next_clock"] for t in seen}
        assert clocks["late"]["clock"] == "answer"
        assert at(clocks["late"]["due"]) == START - timedelta(hours=1)
        assert clocks["answer"]["clock"] == "answer"
        assert at(clocks["answer"]["due"]) == START + timedelta(hours=1)
        assert clocks["arrival"]["clock"] == "arrival"
        assert at(clocks["arrival"]["due"]) == START + timedelta(hours=2)
        assert at(clocks["fresh"]["due"]) == START + timedelta(hours=4)
        assert clocks["paused"] is None

        # Filters go with the order; the default order is still the last change's.
        near = await listed(intake, sort="next_due", point_id=str(POINT))
        assert [by_id[t["id"]] for t in near["items"]] == ["arrival"]
        default = await listed(intake)
        assert len(default["items"]) == 6  # the cancelled one too

        # A cursor of another order, an ended status, a sync: refused, nothing listed.
        other = await intake.client.get("/v1/tickets", params={"limit": 1}, headers=intake.auth())
        mixed = await intake.client.get(
            "/v1/tickets",
            params={"sort": "next_due", "cursor": other.json()["next_cursor"]},
            headers=intake.auth(),
        )
        assert mixed.status_code == 400 and mixed.headers["content-type"] == PROBLEM
        for params in (
            {"sort": "next_due", "status": "cancelled"},
            {"sort": "next_due", "since": ""},
            {"sort": "soonest"},
        ):
            r = await intake.client.get("/v1/tickets", params=params, headers=intake.auth())
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, params


async def test_the_boards_counts_per_status_and_clock_in_one_call(start_service, infrastructure):
    clock = SettableClock(START)
    async with start_service("intake", clock=clock) as intake:
        await _board(intake, clock, infrastructure)
        board = await counts(intake)
        assert board["total"] == 5  # the cancelled ticket is not open
        assert board["by_status"] == {
            "open": 4,
            "dispatched": 0,
            "scheduled": 1,
            "in_progress": 0,
            "completed": 0,
            "reopened": 0,
        }
        assert board["by_clock"] == {
            "answer_due": 2,
            "arrival_due": 1,
            "completion_due": 0,
            "breached": 1,
            "paused": 1,
            "no_clock": 0,
        }
        assert at(board["as_of"]) == START

        # Two hours on: the answer due in an hour and the arrival have run out too.
        clock.advance(timedelta(hours=2, minutes=1))
        later = await counts(intake)
        assert later["by_clock"]["breached"] == 3 and later["by_clock"]["answer_due"] == 1

        at_point = await counts(intake, point_id=str(POINT))
        assert at_point["total"] == 1 and at_point["by_status"]["scheduled"] == 1
        assert (await counts(intake, region="31"))["total"] == 5
        assert (await counts(intake, region="44"))["total"] == 0
        assert (await counts(intake, kind="repair"))["total"] == 5
        assert (await counts(intake, kind="consultation"))["total"] == 0

        # A CRM counts its own tenant's open tickets: none of these.
        crm = intake.auth("crm", subject="acme-crm", tenant_id="acme")
        assert (await counts(intake, crm))["total"] == 0
        await make_ticket(intake, headers=crm)
        assert (await counts(intake, crm))["total"] == 1
        assert (await counts(intake))["total"] == 6

        for params in ({"region": "3"}, {"kind": "visit"}, {"point_id": "not-a-uuid"}):
            r = await intake.client.get(
                "/v1/tickets/counts", params=params, headers=intake.auth("agent")
            )
            assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, params
        point = intake.auth("point", point_id=POINT)
        assert (await intake.client.get("/v1/tickets/counts", headers=point)).status_code == 403
