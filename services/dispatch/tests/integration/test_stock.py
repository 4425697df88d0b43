"""Parts, warehouses and the stock ledger on real PostgreSQL and NATS."""

import asyncio
import uuid

import asyncpg

from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_point, read_events

PROBLEM = "application/problem+json"
PUMP = {
    "sku": "PUMP-01",
    "name": "Drain pump",
    "categories": ["washing_machine"],
    "unit": "pcs",
    "models": ["XQB70"],
    "standard_cost": 12000,
    "return_required": True,
    "return_within_days": 14,
}


async def setup(dispatch):
    admin = dispatch.auth("admin")
    r = await dispatch.client.post("/v1/parts", json=PUMP, headers=admin)
    assert r.status_code == 201, r.text
    r = await dispatch.client.post(
        "/v1/warehouses", json={"code": "WH-EAST", "name": "East warehouse"}, headers=admin
    )
    assert r.status_code == 201, r.text
    return admin, r.json()


async def level(dispatch, location, sku="PUMP-01", headers=None):
    r = await dispatch.client.get(
        "/v1/stock",
        params={"location_id": location, "sku": sku},
        headers=headers or dispatch.auth("agent"),
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    return items[0] if items else None


async def test_the_parts_master_and_who_keeps_what(start_service):
    async with start_service("dispatch") as dispatch:
        admin = dispatch.auth("admin")
        r = await dispatch.client.post("/v1/parts", json=PUMP, headers=admin)
        assert r.status_code == 201 and r.headers["location"] == "/v1/parts/PUMP-01"
        again = await dispatch.client.post("/v1/parts", json=PUMP, headers=admin)
        assert again.status_code == 409
        bad = await dispatch.client.post("/v1/parts", json={**PUMP, "sku": "pump 1"}, headers=admin)
        assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM
        found = await dispatch.client.get(
            "/v1/parts",
            params={"model": "XQB70"},
            headers=dispatch.auth("technician", technician_id=uuid.uuid4()),
        )
        assert [p["sku"] for p in found.json()] == ["PUMP-01"]

        finance = dispatch.auth("finance")
        cost = await dispatch.client.patch(
            "/v1/parts/PUMP-01", json={"standard_cost": 12500}, headers=finance
        )
        assert cost.status_code == 200 and cost.json()["standard_cost"] == 12500
        rename = await dispatch.client.patch(
            "/v1/parts/PUMP-01", json={"name": "Pump"}, headers=finance
        )
        assert rename.status_code == 403
        stale = await dispatch.client.patch(
            "/v1/parts/PUMP-01", json={"name": "Pump"}, headers={**admin, "If-Match": '"1"'}
        )
        assert stale.status_code == 412
        agent_create = await dispatch.client.post(
            "/v1/parts", json={**PUMP, "sku": "BELT-02"}, headers=dispatch.auth("agent")
        )
        assert agent_create.status_code == 403


async def test_receipts_transfers_and_adjustments_never_take_stock_below_zero(start_service):
    async with start_service("dispatch") as dispatch:
        admin, warehouse = await setup(dispatch)
        agent = dispatch.auth("agent")
        point = await make_point(dispatch)
        r = await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 5}]},
            headers=agent,
        )
        assert r.status_code == 201, r.text
        assert r.json()["items"][0]["on_hand_after"] == 5

        moved = await dispatch.client.post(
            "/v1/stock/transfers",
            json={
                "from_location_id": warehouse["id"],
                "to_location_id": point["id"],
                "lines": [{"sku": "PUMP-01", "qty": 3}],
            },
            headers=agent,
        )
        assert moved.status_code == 201, moved.text
        assert (await level(dispatch, warehouse["id"]))["on_hand"] == 2
        assert (await level(dispatch, point["id"]))["on_hand"] == 3

        too_many = await dispatch.client.post(
            "/v1/stock/transfers",
            json={
                "from_location_id": warehouse["id"],
                "to_location_id": point["id"],
                "lines": [{"sku": "PUMP-01", "qty": 3}],
            },
            headers=agent,
        )
        assert too_many.status_code == 409 and too_many.headers["content-type"] == PROBLEM
        assert (too_many.json()["available"], too_many.json()["wanted"]) == (2, 3)
        assert (await level(dispatch, warehouse["id"]))["on_hand"] == 2  # nothing moved
        assert (await level(dispatch, point["id"]))["on_hand"] == 3

        for body, status in (
            ({"location_id": str(uuid.uuid4()), "lines": [{"sku": "PUMP-01", "qty": 1}]}, 422),
            ({"location_id": warehouse["id"], "lines": [{"sku": "NOPE-1", "qty": 1}]}, 422),
            ({"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 0}]}, 422),
            ({"location_id": warehouse["id"], "lines": []}, 422),
        ):
            r = await dispatch.client.post("/v1/stock/receipts", json=body, headers=agent)
            assert r.status_code == status, (body, r.text)

        counted = {
            "location_id": point["id"],
            "sku": "PUMP-01",
            "qty": -1,
            "reason": "count found one missing",
        }
        assert (
            await dispatch.client.post("/v1/stock/adjustments", json=counted, headers=agent)
        ).status_code == 403
        r = await dispatch.client.post("/v1/stock/adjustments", json=counted, headers=admin)
        assert r.status_code == 201 and r.json()["items"][0]["on_hand_after"] == 2
        history = await dispatch.client.get(
            "/v1/stock/movements", params={"location_id": point["id"]}, headers=agent
        )
        assert [(m["kind"], m["qty"]) for m in history.json()["items"]] == [
            ("transfer_in", 3),
            ("adjust", -1),
        ]
        audit = await dispatch.client.get(
            "/v1/audit", params={"object_type": "stock"}, headers=admin
        )
        assert "adjusted" in [e["action"] for e in audit.json()["items"]]


async def test_a_point_sees_only_its_own_stock(start_service):
    async with start_service("dispatch") as dispatch:
        _admin, warehouse = await setup(dispatch)
        mine, theirs = await make_point(dispatch), await make_point(dispatch)
        for point in (mine, theirs):
            await dispatch.client.post(
                "/v1/stock/receipts",
                json={"location_id": point["id"], "lines": [{"sku": "PUMP-01", "qty": 2}]},
                headers=dispatch.auth("agent"),
            )
        me = dispatch.auth("point", point_id=mine["id"])
        r = await dispatch.client.get("/v1/stock", headers=me)
        assert {i["location_id"] for i in r.json()["items"]} == {mine["id"]}
        other = await dispatch.client.get(
            "/v1/stock", params={"location_id": theirs["id"]}, headers=me
        )
        assert other.status_code == 404
        moves = await dispatch.client.get(
            "/v1/stock/movements", params={"location_id": warehouse["id"]}, headers=me
        )
        assert moves.status_code == 404
        receipt = await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": mine["id"], "lines": [{"sku": "PUMP-01", "qty": 9}]},
            headers=me,
        )
        assert receipt.status_code == 403  # stock comes in through the warehouse side


async def test_falling_below_the_reorder_level_is_published_once_per_crossing(
    start_service, infrastructure
):
    async with start_service("dispatch") as dispatch:
        _admin, warehouse = await setup(dispatch)
        agent = dispatch.auth("agent")
        point = await make_point(dispatch)
        await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 6}]},
            headers=agent,
        )
        r = await dispatch.client.put(
            "/v1/stock/reorder-levels",
            json={"location_id": warehouse["id"], "levels": {"PUMP-01": 4}},
            headers=agent,
        )
        assert r.status_code == 200, r.text

        async def send(qty):
            r = await dispatch.client.post(
                "/v1/stock/transfers",
                json={
                    "from_location_id": warehouse["id"],
                    "to_location_id": point["id"],
                    "lines": [{"sku": "PUMP-01", "qty": qty}],
                },
                headers=agent,
            )
            assert r.status_code == 201, r.text

        await send(2)  # 6 → 4: at the level, not below it
        await send(1)  # 4 → 3: below (published)
        await send(1)  # 3 → 2: still below (not again)
        low = await dispatch.client.get(
            "/v1/stock", params={"below_reorder": "true"}, headers=agent
        )
        assert [(i["location_id"], i["on_hand"]) for i in low.json()["items"]] == [
            (warehouse["id"], 2)
        ]
        await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 10}]},
            headers=agent,
        )
        await send(9)  # 12 → 3: a second crossing (published again)

        async def crossings():
            found = await read_events(
                infrastructure.broker_url, "dispatch.stock.below_reorder.v1", after=dispatch
            )
            return found if len(found) >= 2 else None

        found = await eventually(crossings)
        assert [e.data.on_hand for e in found] == [3, 3]


async def test_two_replicas_never_hand_out_the_last_unit_twice(start_service, admin_dsn):
    # The replicas may wait on the held lock as long as a loaded machine needs to line both up.
    slow = {"db_lock_timeout_ms": 120_000}
    async with start_service("dispatch", **slow) as one, start_service("dispatch", **slow) as two:
        _admin, warehouse = await setup(one)
        agent = one.auth("agent")
        a, b = await make_point(one), await make_point(one)
        await one.client.post(
            "/v1/stock/receipts",
            json={"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 1}]},
            headers=agent,
        )

        def transfer(service, target):
            return service.client.post(
                "/v1/stock/transfers",
                json={
                    "from_location_id": warehouse["id"],
                    "to_location_id": target["id"],
                    "lines": [{"sku": "PUMP-01", "qty": 1}],
                },
                headers=agent,
            )

        # Hold the level's lock, send both transfers, and release it only once both wait on it.
        holder = await asyncpg.connect(admin_dsn)
        try:
            tx = holder.transaction()
            await tx.start()
            await holder.execute(
                "SELECT 1 FROM dispatch.stock_levels WHERE location_id = $1 FOR UPDATE",
                uuid.UUID(warehouse["id"]),
            )
            racing = asyncio.gather(transfer(one, a), transfer(two, b))

            async def both_waiting():
                return (
                    await holder.fetchval(
                        "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s USING (pid)"
                        " WHERE NOT l.granted AND s.query ILIKE '%stock_levels%'"
                    )
                    >= 2
                )

            await eventually(both_waiting, timeout=60)
            await tx.rollback()
        finally:
            # A failure above must not leave the lock held: the next test's cleanup waits on it.
            await holder.close()
        results = await racing
        assert sorted(r.status_code for r in results) == [201, 409]
        assert (await level(one, warehouse["id"]))["on_hand"] == 0
        got = [await level(one, p["id"]) for p in (a, b)]
        assert sorted((g or {"on_hand": 0})["on_hand"] for g in got) == [0, 1]


async def test_parts_used_on_a_job_are_issued_and_a_shortfall_is_owed_not_refused(
    start_service, flow_for
):
    from aftersales_testing.factories import SIGNATURE

    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        _admin, warehouse = await setup(dispatch)
        job, point, tech = await flow.scheduled_job()
        agent, me = dispatch.auth("agent"), flow.tech_auth(tech)
        await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": point["id"], "lines": [{"sku": "PUMP-01", "qty": 1}]},
            headers=agent,
        )
        await flow.report(job, "en_route", headers=me)
        await flow.report(job, "on_site", headers=me)
        r = await flow.report(
            job,
            "resolved_on_site",
            headers=me,
            signature=SIGNATURE,
            labor_minutes=30,
            parts=[
                {"sku": "PUMP-01", "qty": 2},  # one more than the books show
                {"sku": "GASKET-X", "qty": 1},  # not in the parts master: listed, not tracked
                {"sku": "HOSE-3", "qty": 1, "source": "customer"},
            ],
        )
        assert r.status_code == 200, r.text
        assert r.json()["parts"] == [
            {"sku": "PUMP-01", "qty": 2},
            {"sku": "GASKET-X", "qty": 1},
        ]
        owed = await level(dispatch, point["id"])
        assert (owed["on_hand"], owed["shortfall"]) == (0, 1)
        short = await dispatch.client.get(
            "/v1/stock", params={"shortfall": "true"}, headers=flow.point_auth(point)
        )
        assert [i["sku"] for i in short.json()["items"]] == ["PUMP-01"]
        moves = await dispatch.client.get(
            "/v1/stock/movements", params={"location_id": point["id"]}, headers=agent
        )
        issue = moves.json()["items"][-1]
        assert (issue["kind"], issue["qty"], issue["job_id"]) == ("issue", -2, job["id"])
        history = await dispatch.client.get(f"/v1/jobs/{job['id']}/history", headers=agent)
        details = [e.get("details") for e in history.json()["entries"] if e.get("details")]
        assert {"customer_parts": [{"sku": "HOSE-3", "qty": 1}]} in details

        await dispatch.client.post(
            "/v1/stock/receipts",
            json={"location_id": warehouse["id"], "lines": [{"sku": "PUMP-01", "qty": 3}]},
            headers=agent,
        )
        await dispatch.client.post(
            "/v1/stock/transfers",
            json={
                "from_location_id": warehouse["id"],
                "to_location_id": point["id"],
                "lines": [{"sku": "PUMP-01", "qty": 3}],
            },
            headers=agent,
        )
        cleared = await level(dispatch, point["id"])
        assert (cleared["on_hand"], cleared["shortfall"]) == (2, 0)  # the arrival paid it back


async def test_the_stock_pages_through_every_level_once_in_key_order(start_service):
    async with start_service("dispatch") as dispatch:
        admin, wh = await setup(dispatch)
        for sku in ("BELT-02", "FAN-03"):
            part = {**PUMP, "sku": sku, "return_required": False}
            assert (await dispatch.client.post("/v1/parts", json=part, headers=admin)).is_success
        other = (
            await dispatch.client.post(
                "/v1/warehouses", json={"code": "WH-WEST", "name": "West"}, headers=admin
            )
        ).json()
        lines = [{"sku": s, "qty": 2} for s in ("PUMP-01", "BELT-02", "FAN-03")]
        for location in (wh["id"], other["id"]):
            r = await dispatch.client.post(
                "/v1/stock/receipts", json={"location_id": location, "lines": lines}, headers=admin
            )
            assert r.status_code == 201, r.text
        seen, cursor = [], None
        while True:
            r = await dispatch.client.get(
                "/v1/stock",
                params={"limit": 2, **({"cursor": cursor} if cursor else {})},
                headers=admin,
            )
            seen += [(row["location_id"], row["sku"]) for row in r.json()["items"]]
            cursor = r.json()["next_cursor"]
            if not cursor:
                break
        expected = sorted(
            ((loc, s["sku"]) for loc in (wh["id"], other["id"]) for s in lines),
            key=lambda k: (uuid.UUID(k[0]), k[1]),
        )
        assert seen == expected  # each once, in (location, SKU) order
        r = await dispatch.client.get("/v1/stock", params={"cursor": "nonsense"}, headers=admin)
        assert r.status_code in (400, 422) and r.headers["content-type"] == PROBLEM
