from datetime import date, timedelta

from aftersales_testing.factories import make_point, make_technician, read_events

POINT = {
    "code": "SZ-NS-01",
    "name": "Nanshan",
    "regions": ["440305", "440304"],
    "categories": ["air_conditioner"],
    "daily_capacity": 12,
    "is_partner": True,
}


async def test_an_administrator_registers_a_point_and_finds_it_by_region_and_category(
    start_service,
):
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("admin")
        r = await dispatch.client.post("/v1/points", json=POINT, headers=agent)
        assert r.status_code == 201, r.text
        point = r.json()
        assert r.headers["Location"] == f"/v1/points/{point['id']}"
        assert r.headers["ETag"] == '"1"'
        assert point["grade"] is None and point["active"] is True and point["is_partner"] is True
        assert point["regions"] == ["440304", "440305"]
        await make_point(dispatch, regions=["310115"])

        found = await dispatch.client.get(
            "/v1/points", params={"region": "440304", "category": "air_conditioner"}, headers=agent
        )
        assert [p["code"] for p in found.json()["items"]] == ["SZ-NS-01"]
        none = await dispatch.client.get(
            "/v1/points", params={"region": "440304", "category": "fridge"}, headers=agent
        )
        assert none.json()["items"] == []
        by_code = await dispatch.client.get(
            "/v1/points", params={"code": "SZ-NS-01"}, headers=agent
        )
        assert [p["id"] for p in by_code.json()["items"]] == [point["id"]]
        unknown = await dispatch.client.get("/v1/points", params={"code": "NOPE"}, headers=agent)
        assert unknown.json()["items"] == []

        again = await dispatch.client.post("/v1/points", json=POINT, headers=agent)
        assert again.status_code == 409
        assert again.headers["content-type"] == "application/problem+json"


async def test_clients_cannot_set_what_they_do_not_own(start_service):
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("admin")
        for extra in ({"grade": "A"}, {"version": 7}, {"active": False, "id": "x"}):
            r = await dispatch.client.post("/v1/points", json={**POINT, **extra}, headers=agent)
            assert r.status_code == 422, extra
        point = await make_point(dispatch)
        for patch in ({"grade": "A"}, {"code": "NEW"}, {"name": None}):
            r = await dispatch.client.patch(f"/v1/points/{point['id']}", json=patch, headers=agent)
            assert r.status_code == 422, patch
        tech = await make_technician(dispatch, point["id"])
        r = await dispatch.client.patch(
            f"/v1/technicians/{tech['id']}", json={"status": "dismissed"}, headers=agent
        )
        assert r.status_code == 422
        got = await dispatch.client.get(f"/v1/points/{point['id']}", headers=agent)
        assert got.json()["grade"] is None and got.json()["version"] == 1


async def test_a_point_is_changed_under_optimistic_concurrency(start_service, infrastructure):
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("admin")
        point = await make_point(dispatch)
        url = f"/v1/points/{point['id']}"
        r = await dispatch.client.patch(
            url,
            json={"daily_capacity": 25, "regions": ["440305", "440306"]},
            headers={**agent, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.json()["daily_capacity"] == 25 and r.headers["ETag"] == '"2"'
        stale = await dispatch.client.patch(
            url, json={"active": False}, headers={**agent, "If-Match": '"1"'}
        )
        assert stale.status_code == 412
        assert (await dispatch.client.get(url, headers=agent)).json()["active"] is True
        point_token = dispatch.auth("point", point_id=point["id"])
        assert (
            await dispatch.client.patch(url, json={"active": False}, headers=point_token)
        ).status_code == 403
        # Other services learn of the point and its changes (billing: is it a partner?).
        [registered] = await read_events(
            infrastructure.broker_url, "dispatch.point.registered.v1", after=dispatch
        )
        assert str(registered.data.point_id) == point["id"]
        [updated] = await read_events(
            infrastructure.broker_url, "dispatch.point.updated.v1", after=dispatch
        )
        assert updated.data.regions == ["440305", "440306"] and updated.aggregate_version == 2


async def test_technicians_belong_to_a_point_and_can_be_deactivated(start_service):
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("admin")
        point = await make_point(dispatch)
        r = await dispatch.client.post(
            f"/v1/points/{point['id']}/technicians",
            json={"name": "Wang", "phone": "13900000001", "skills": ["washing_machine", "fridge"]},
            headers=dispatch.auth("point", point_id=point["id"]),
        )
        assert r.status_code == 201, r.text
        tech = r.json()
        assert tech["status"] == "active" and tech["point_id"] == point["id"]
        missing = await dispatch.client.post(
            "/v1/points/00000000-0000-0000-0000-000000000001/technicians",
            json={"name": "Wang", "phone": "13900000001", "skills": ["fridge"]},
            headers=agent,
        )
        assert missing.status_code == 404

        off = await dispatch.client.patch(
            f"/v1/technicians/{tech['id']}", json={"active": False}, headers=agent
        )
        assert off.json()["status"] == "inactive"
        listed = await dispatch.client.get(
            f"/v1/points/{point['id']}/technicians", params={"status": "active"}, headers=agent
        )
        assert listed.json()["items"] == []


async def test_the_capacity_calendar_overrides_ranges_and_refuses_overlaps(start_service):
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("admin")
        point = await make_point(dispatch, daily_capacity=10)
        base = f"/v1/points/{point['id']}"
        peak = {
            "starts_on": "2027-07-01",
            "ends_on": "2027-08-31",
            "daily_capacity": 30,
            "reason": "air conditioner season",
        }
        r = await dispatch.client.post(f"{base}/capacity-overrides", json=peak, headers=agent)
        assert r.status_code == 201, r.text
        override = r.json()
        overlap = {**peak, "starts_on": "2027-08-31", "ends_on": "2027-09-02"}
        clash = await dispatch.client.post(
            f"{base}/capacity-overrides", json=overlap, headers=agent
        )
        assert clash.status_code == 409
        backwards = {**peak, "starts_on": "2027-10-02", "ends_on": "2027-10-01"}
        bad = await dispatch.client.post(
            f"{base}/capacity-overrides", json=backwards, headers=agent
        )
        assert bad.status_code == 422

        listed = await dispatch.client.get(f"{base}/capacity-overrides", headers=agent)
        assert [(o["starts_on"], o["daily_capacity"]) for o in listed.json()["items"]] == [
            ("2027-07-01", 30)
        ]
        cal = await dispatch.client.get(
            f"{base}/capacity", params={"from": "2027-06-30", "to": "2027-07-01"}, headers=agent
        )
        days = cal.json()["days"]
        assert [(d["day"], d["capacity"], d["overridden"]) for d in days] == [
            ("2027-06-30", 10, False),
            ("2027-07-01", 30, True),
        ]
        gone = await dispatch.client.delete(
            f"{base}/capacity-overrides/{override['id']}", headers=agent
        )
        assert gone.status_code == 204
        cal = await dispatch.client.get(
            f"{base}/capacity", params={"from": "2027-07-01"}, headers=agent
        )
        assert len(cal.json()["days"]) == 14 and cal.json()["days"][0]["capacity"] == 10
        far = (date(2027, 7, 1) + timedelta(days=200)).isoformat()
        too_long = await dispatch.client.get(
            f"{base}/capacity", params={"from": "2027-07-01", "to": far}, headers=agent
        )
        assert too_long.status_code == 422


async def test_a_point_lowers_its_capacity_but_neither_raises_it_nor_removes_the_operators(
    start_service,
):
    async with start_service("dispatch") as dispatch:
        admin = dispatch.auth("admin")
        point = await make_point(dispatch, daily_capacity=10)
        me = dispatch.auth("point", point_id=point["id"])
        base = f"/v1/points/{point['id']}"

        def days(first, last, capacity, reason="holidays"):
            return {
                "starts_on": first,
                "ends_on": last,
                "daily_capacity": capacity,
                "reason": reason,
            }

        for capacity in (10_000, 11):
            raised = await dispatch.client.post(
                f"{base}/capacity-overrides",
                json=days("2027-05-01", "2027-05-31", capacity),
                headers=me,
            )
            assert raised.status_code == 403, raised.text
            assert raised.headers["content-type"] == "application/problem+json"
            assert "10" in raised.json()["detail"]
        listed = await dispatch.client.get(f"{base}/capacity-overrides", headers=me)
        assert listed.json()["items"] == []
        cal = await dispatch.client.get(
            f"{base}/capacity", params={"from": "2027-05-01"}, headers=me
        )
        assert {d["capacity"] for d in cal.json()["days"]} == {10}

        lowered = await dispatch.client.post(
            f"{base}/capacity-overrides", json=days("2027-05-01", "2027-05-07", 4), headers=me
        )
        assert lowered.status_code == 201, lowered.text
        assert lowered.json()["made_by"] == "point"
        peak = await dispatch.client.post(
            f"{base}/capacity-overrides",
            json=days("2027-07-01", "2027-07-31", 30, "season"),
            headers=admin,
        )
        assert peak.status_code == 201 and peak.json()["made_by"] == "operator"
        closed = await dispatch.client.post(
            f"{base}/capacity-overrides",
            json=days("2027-08-01", "2027-08-02", 0, "suspended"),
            headers=dispatch.auth("agent"),
        )
        assert closed.status_code == 201

        for operators in (peak.json(), closed.json()):
            refused = await dispatch.client.delete(
                f"{base}/capacity-overrides/{operators['id']}", headers=me
            )
            assert refused.status_code == 403, refused.text
        listed = await dispatch.client.get(f"{base}/capacity-overrides", headers=me)
        assert [(o["daily_capacity"], o["made_by"]) for o in listed.json()["items"]] == [
            (4, "point"),
            (30, "operator"),
            (0, "operator"),
        ]
        mine = await dispatch.client.delete(
            f"{base}/capacity-overrides/{lowered.json()['id']}", headers=me
        )
        assert mine.status_code == 204
        theirs = await dispatch.client.delete(
            f"{base}/capacity-overrides/{closed.json()['id']}", headers=admin
        )
        assert theirs.status_code == 204
        listed = await dispatch.client.get(f"{base}/capacity-overrides", headers=admin)
        assert [o["id"] for o in listed.json()["items"]] == [peak.json()["id"]]
