"""BOLA matrix: two points and two technicians, each calling every job and technician route on
its own objects and on the other's. The other's objects are answered 404 and stay unchanged."""

from datetime import UTC, datetime, timedelta

import jwt

from aftersales_testing.factories import soon, ticket_created
from aftersales_testing.plugin import TEST_JWT_SECRET

WINDOW = {"start": soon(30).isoformat(), "end": soon(32).isoformat()}


def job_routes(job, tech):
    j = f"/v1/jobs/{job['id']}"
    return [
        ("GET", j, None),
        ("GET", f"{j}/history", None),
        ("GET", f"{j}/sla", None),
        ("POST", f"{j}/accept", None),
        ("POST", f"{j}/reject", {"reason": "not mine"}),
        ("POST", f"{j}/assign", {"technician_id": tech["id"], "appointment": WINDOW}),
        ("POST", f"{j}/status", {"status": "en_route", "at": soon(0).isoformat()}),
    ]


def technician_routes(point, tech):
    return [
        ("GET", f"/v1/technicians/{tech['id']}", None),
        ("PATCH", f"/v1/technicians/{tech['id']}", {"phone": "13911112222"}),
        ("GET", f"/v1/points/{point['id']}", None),
        ("GET", f"/v1/points/{point['id']}/capacity?from=2027-01-01", None),
        (
            "POST",
            f"/v1/points/{point['id']}/technicians",
            {"name": "Intruder", "phone": "13900000000", "skills": ["washing_machine"]},
        ),
    ]


async def _call(client, method, url, body, headers):
    return await client.request(method, url, json=body, headers=headers)


def unscoped_token(role: str) -> dict[str, str]:
    """A token of a scoped role that lacks its scope claim (the CLI would refuse to mint it)."""
    now = datetime.now(UTC)
    claims = {"sub": f"{role}-x", "role": role, "iss": "aftersales", "aud": "aftersales"}
    claims |= {"iat": now, "exp": now + timedelta(hours=1)}
    token = jwt.encode(claims, TEST_JWT_SECRET, algorithm="HS256", headers={"typ": "JWT"})
    return {"Authorization": f"Bearer {token}"}


async def test_points_and_technicians_see_and_change_only_their_own(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        # Each point serves its own district, so each ticket is routed to a known point
        # whatever the time of day (booking moves a job's slot to the appointment's day).
        p1, t1 = await flow.point_with_technician(code="P-1", regions=["440301"])
        p2, t2 = await flow.point_with_technician(code="P-2", regions=["440302"])
        jobs = {}
        for point, tech in ((p1, t1), (p2, t2)):
            customer = ticket_created().data.customer.model_copy(
                update={"region": point["regions"][0]}
            )
            env = await flow.ticket(customer=customer)
            job = await flow.job_of(env.data.ticket_id, status="offered")
            assert job["point_id"] == point["id"]
            await flow.post(job, "accept", headers=flow.point_auth(point))
            window = {"start": soon(1).isoformat(), "end": soon(3).isoformat()}
            r = await flow.post(
                job,
                "assign",
                {"technician_id": tech["id"], "appointment": window},
                headers=flow.point_auth(point),
            )
            assert r.status_code == 200
            jobs[point["id"]] = r.json()

        callers = {
            "point 1": (flow.point_auth(p1), p1, t1),
            "point 2": (flow.point_auth(p2), p2, t2),
            "technician 1": (flow.tech_auth(t1), p1, t1),
            "technician 2": (flow.tech_auth(t2), p2, t2),
        }
        before = {pid: await flow.get(j) for pid, j in jobs.items()}
        for name, (headers, own_point, own_tech) in callers.items():
            other_point, other_tech = (p2, t2) if own_point is p1 else (p1, t1)
            other_job = jobs[other_point["id"]]
            own_job = jobs[own_point["id"]]

            for method, url, body in job_routes(other_job, own_tech):
                r = await _call(dispatch.client, method, url, body, headers)
                allowed = r.status_code == 404 or (
                    name.startswith("technician") and r.status_code == 403
                )
                assert allowed, (name, method, url, r.status_code, r.text)
            for method, url, _ in job_routes(own_job, own_tech)[:3]:
                r = await _call(dispatch.client, method, url, None, headers)
                assert r.status_code == 200, (name, url, r.text)

            for method, url, body in technician_routes(other_point, other_tech):
                r = await _call(dispatch.client, method, url, body, headers)
                assert r.status_code in (403, 404), (name, method, url, r.status_code)
                if method == "GET" and url.startswith("/v1/technicians"):
                    assert r.status_code == 404, name
                if not name.startswith("technician"):
                    assert r.status_code == 404, (name, method, url)
            own_tech_view = await dispatch.client.get(
                f"/v1/technicians/{own_tech['id']}", headers=headers
            )
            assert own_tech_view.status_code == 200

            listed = await dispatch.client.get("/v1/jobs", headers=headers)
            assert [j["id"] for j in listed.json()["items"]] == [own_job["id"]], name
            asked = await dispatch.client.get(
                "/v1/jobs", params={"point_id": other_point["id"]}, headers=headers
            )
            assert asked.json()["items"] == [], name
            team = await dispatch.client.get(
                f"/v1/points/{own_point['id']}/technicians", headers=headers
            )
            ids = {t["id"] for t in team.json()["items"]}
            assert other_tech["id"] not in ids and own_tech["id"] in ids, name

        after = {pid: await flow.get(j) for pid, j in jobs.items()}
        assert after == before
        for tech in (t1, t2):
            got = await dispatch.client.get(f"/v1/technicians/{tech['id']}", headers=flow.agent)
            assert got.json()["phone"] == tech["phone"]
        team = await dispatch.client.get(f"/v1/points/{p1['id']}/technicians", headers=flow.agent)
        assert len(team.json()["items"]) == 1


async def test_a_scoped_token_without_its_scope_is_refused(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _tech = await flow.point_with_technician()
        await flow.job_of((await flow.ticket()).data.ticket_id)
        for role in ("point", "technician", "crm"):
            token = unscoped_token(role)
            r = await dispatch.client.get("/v1/jobs", headers=token)
            assert r.status_code == 401, role
            assert "claim" in r.json()["detail"]
        r = await dispatch.client.get(f"/v1/points/{point['id']}", headers=unscoped_token("point"))
        assert r.status_code == 401
        crm = await dispatch.client.get("/v1/jobs", headers=dispatch.auth("crm", tenant_id="t"))
        assert crm.status_code == 403


async def test_a_status_report_key_replayed_by_another_points_technician_shows_nothing(
    start_service, flow_for
):
    """Both technicians' tokens carry the same ``sub``: the key is still theirs alone, and the
    job stays out of the second one's scope."""
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        p1, t1 = await flow.point_with_technician(code="P-1", regions=["440301"])
        _p2, t2 = await flow.point_with_technician(code="P-2", regions=["440302"])
        customer = ticket_created().data.customer.model_copy(update={"region": "440301"})
        env = await flow.ticket(customer=customer)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        await flow.post(job, "accept", headers=flow.point_auth(p1))
        window = {"start": soon(1).isoformat(), "end": soon(3).isoformat()}
        assign = {"technician_id": t1["id"], "appointment": window}
        r = await flow.post(job, "assign", assign, headers=flow.point_auth(p1))
        assert r.status_code == 200, r.text
        body = {"status": "en_route", "at": datetime.now(UTC).isoformat()}
        mine = dispatch.auth("technician", subject="phone-app", technician_id=t1["id"])
        theirs = dispatch.auth("technician", subject="phone-app", technician_id=t2["id"])
        key = {"Idempotency-Key": "report-1"}
        first = await flow.post(job, "status", body, headers={**mine, **key})
        assert first.status_code == 200, first.text
        replay = await flow.post(job, "status", body, headers={**theirs, **key})
        assert replay.status_code == 404
        assert "idempotent-replayed" not in replay.headers
        assert customer.phone not in replay.text and customer.name not in replay.text
        again = await flow.post(job, "status", body, headers={**mine, **key})
        assert again.headers["idempotent-replayed"] == "true"


async def test_a_point_never_sees_its_competitors_routing_data(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        winner, _ = await flow.point_with_technician(code="P-A")
        runner_up, _ = await flow.point_with_technician(code="P-B")
        job = await flow.job_of((await flow.ticket()).data.ticket_id, status="offered")
        chosen = next(p for p in (winner, runner_up) if p["id"] == job["point_id"])
        other = runner_up if chosen is winner else winner

        staff = await flow.get(job)
        assert {c["point_id"] for c in staff["routing"]["candidates"]} >= {other["id"]}

        url = f"/v1/jobs/{job['id']}"
        for headers in (flow.point_auth(chosen),):  # the offered point
            seen = await dispatch.client.get(url, headers=headers)
            assert seen.status_code == 200
            assert seen.headers["cache-control"] == "no-store"
            assert seen.json()["routing"] is None
            assert other["id"] not in seen.text and other["code"] not in seen.text
            history = await dispatch.client.get(f"{url}/history", headers=headers)
            assert other["id"] not in history.text and other["code"] not in history.text
            assert [o["why"] for o in history.json()["offers"]] == [None]
            listed = await dispatch.client.get("/v1/jobs", headers=headers)
            assert other["code"] not in listed.text


async def test_an_offered_job_shows_a_point_the_district_not_the_customer_until_it_accepts(
    start_service, flow_for
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _tech = await flow.point_with_technician(code="P-1", regions=["440301"])
        me = flow.point_auth(point)
        secrets = {"name": "Ouyang Xiu", "phone": "13912345678", "line": "88 Hidden Lane"}

        async def offered():
            customer = ticket_created().data.customer.model_copy(
                update={"region": "440301", "city": "Shenzhen", **secrets}
            )
            env = await flow.ticket(customer=customer)
            job = await flow.job_of(env.data.ticket_id, status="offered")
            assert job["point_id"] == point["id"]
            return job

        def hides(text: str) -> bool:
            return not any(value in text for value in secrets.values())

        job = await offered()
        url = f"/v1/jobs/{job['id']}"
        for headers in (me, dispatch.auth("app")):
            seen = await dispatch.client.get(url, headers=headers)
            assert seen.status_code == 200, seen.text
            assert seen.json()["customer"] == {"region": "440301", "city": "Shenzhen"}
            assert seen.json()["product"]["category"] == "washing_machine"
            listed = await dispatch.client.get("/v1/jobs", headers=headers)
            assert job["id"] in listed.text and hides(listed.text)
        staff = await flow.get(job)
        assert staff["customer"]["name"] == secrets["name"]

        accepted = await flow.post(job, "accept", headers=me)
        assert accepted.status_code == 200
        assert accepted.json()["customer"]["phone"] == secrets["phone"]
        seen = await dispatch.client.get(url, headers=me)
        assert {k: seen.json()["customer"][k] for k in secrets} == secrets

        # A point that declines has learnt nothing of whom it declined.
        other = await offered()
        declined = await flow.post(other, "reject", {"reason": "too far"}, headers=me)
        assert declined.status_code == 200, declined.text
        assert hides(declined.text)
