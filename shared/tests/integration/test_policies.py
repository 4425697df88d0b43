"""The dated policy store through a service's public API on real PostgreSQL and NATS:
version 1 from the environment, proposals and approvals by admins (two-person), a version
approved late holding from its approval, wrong values refused, the audit trail, and a later
change of the environment ignored and logged."""

import asyncio
from datetime import UTC, datetime, timedelta

from structlog.testing import capture_logs

from aftersales.policies import bootstrap, policies_of
from aftersales_testing.apps import SettableClock

GRACE = "/v1/policies/billing.late_grace"


def admins(svc):
    return svc.auth("admin", subject="alice"), svc.auth("admin", subject="bob")


async def test_the_environment_is_version_1_and_a_later_change_of_it_is_ignored_and_logged(
    start_service,
):
    async with start_service("billing", late_grace_minutes=30) as billing:
        alice, _ = admins(billing)
        listed = await billing.client.get("/v1/policies", headers=alice)
        assert listed.status_code == 200
        by_name = {p["name"]: p for p in listed.json()["items"]}
        assert set(by_name) == set(policies_of("billing"))
        assert by_name["billing.late_grace"]["value"] == 30
        assert by_name["billing.late_grace"]["version"] == 1
        one = (await billing.client.get(GRACE, headers=alice)).json()
        [v1] = one["versions"]
        assert v1["proposed_by"] == "environment" and v1["approved_by"] == "environment"
        assert v1["status"] == "approved" and v1["value"] == 30
    # The operator changes the environment: the store keeps its version, and says so at start.
    async with start_service("billing", late_grace_minutes=45) as billing:
        alice, _ = admins(billing)
        again = (await billing.client.get(GRACE, headers=alice)).json()
        assert again["value"] == 30 and len(again["versions"]) == 1
        settings = billing.app.state.settings
        with capture_logs() as logs:
            ignored = await bootstrap(
                billing.db, policies_of("billing"), settings, now=datetime.now(UTC)
            )
        assert ignored == ["billing.late_grace"]
        [warning] = [e for e in logs if e["event"] == "policy.environment_ignored"]
        assert warning["environment"] == 45 and warning["in_force"] == 30


async def test_an_admin_may_not_approve_their_own_proposal_while_two_person_is_on(start_service):
    async with start_service("billing", policy_two_person=True, late_grace_minutes=30) as billing:
        alice, bob = admins(billing)
        now = datetime.now(UTC)
        body = {"value": 60, "effective_from": now.isoformat(), "note": "clause 5 review"}
        proposed = await billing.client.post(f"{GRACE}/versions", json=body, headers=alice)
        assert proposed.status_code == 201, proposed.text
        assert proposed.json()["number"] == 2 and proposed.json()["status"] == "pending"
        own = await billing.client.post(f"{GRACE}/versions/2/approve", headers=alice)
        assert own.status_code == 409
        assert own.headers["content-type"].startswith("application/problem+json")
        assert "another admin" in own.json()["detail"]
        still = (await billing.client.get(GRACE, headers=alice)).json()
        assert still["value"] == 30 and still["versions"][1]["status"] == "pending"
        approved = await billing.client.post(f"{GRACE}/versions/2/approve", headers=bob)
        assert approved.status_code == 200, approved.text
        assert approved.json()["approved_by"] == "admin:bob"
        assert approved.json()["proposed_by"] == "admin:alice"
        twice = await billing.client.post(f"{GRACE}/versions/2/approve", headers=bob)
        assert twice.status_code == 409
        assert (await billing.client.get(GRACE, headers=alice)).json()["value"] == 60
        trail = await billing.client.get(
            "/v1/audit", params={"object_type": "policy"}, headers=alice
        )
        actions = [(e["action"], e["actor"]) for e in trail.json()["items"]]
        assert actions == [
            ("version_proposed", "admin:alice"),
            ("version_approved", "admin:bob"),
        ]


async def test_without_the_two_person_rule_the_proposer_may_approve(start_service):
    async with start_service("billing", policy_two_person=False) as billing:
        alice, _ = admins(billing)
        body = {"value": 45, "effective_from": datetime.now(UTC).isoformat()}
        assert (
            await billing.client.post(f"{GRACE}/versions", json=body, headers=alice)
        ).status_code == 201
        own = await billing.client.post(f"{GRACE}/versions/2/approve", headers=alice)
        assert own.status_code == 200, own.text


async def test_a_version_approved_after_its_effective_from_holds_from_its_approval(
    start_service,
):
    t0 = datetime(2027, 3, 1, 8, tzinfo=UTC)
    clock = SettableClock(t0)
    async with start_service(
        "billing", clock=clock, policy_two_person=True, late_grace_minutes=30
    ) as billing:
        alice, bob = admins(billing)
        past = {"value": 10, "effective_from": (t0 - timedelta(days=2)).isoformat()}
        future = {"value": 90, "effective_from": (t0 + timedelta(days=5)).isoformat()}
        await billing.client.post(f"{GRACE}/versions", json=past, headers=alice)
        await billing.client.post(f"{GRACE}/versions", json=future, headers=alice)
        clock.set(t0 + timedelta(hours=3))
        late = await billing.client.post(f"{GRACE}/versions/2/approve", headers=bob)
        on_time = await billing.client.post(f"{GRACE}/versions/3/approve", headers=bob)
        assert datetime.fromisoformat(late.json()["in_force_from"]) == t0 + timedelta(hours=3)
        assert datetime.fromisoformat(on_time.json()["in_force_from"]) == t0 + timedelta(days=5)
        # Now version 2 holds (approved, its date passed); version 3 waits for its date.
        assert (await billing.client.get(GRACE, headers=alice)).json()["value"] == 10
        clock.set(t0 + timedelta(days=5))
        assert (await billing.client.get(GRACE, headers=alice)).json()["version"] == 3


async def test_a_value_of_the_wrong_type_or_an_unknown_policy_changes_nothing(start_service):
    async with start_service("billing", late_grace_minutes=30) as billing:
        alice, _ = admins(billing)
        now = datetime.now(UTC).isoformat()
        for value in ("30", 12.5, -1, {"minutes": 30}, None):
            r = await billing.client.post(
                f"{GRACE}/versions", json={"value": value, "effective_from": now}, headers=alice
            )
            assert r.status_code == 422, (value, r.text)
            assert "integer of minutes" in r.json()["detail"]
        naive = await billing.client.post(
            f"{GRACE}/versions",
            json={"value": 30, "effective_from": "2027-03-01T08:00:00"},
            headers=alice,
        )
        assert naive.status_code == 422
        after = (await billing.client.get(GRACE, headers=alice)).json()
        assert [v["number"] for v in after["versions"]] == [1]
        trail = await billing.client.get(
            "/v1/audit", params={"object_type": "policy"}, headers=alice
        )
        assert trail.json()["items"] == []
        missing = await billing.client.get("/v1/policies/billing.no_such_thing", headers=alice)
        assert missing.status_code == 404
        none = await billing.client.post(f"{GRACE}/versions/7/approve", headers=alice)
        assert none.status_code == 404
        agent = await billing.client.post(
            f"{GRACE}/versions",
            json={"value": 30, "effective_from": now},
            headers=billing.auth("agent"),
        )
        assert agent.status_code == 403


async def test_every_service_serves_its_own_policies_under_its_name(start_service):
    async with start_service("intake") as intake:
        listed = await intake.client.get("/v1/policies", headers=intake.auth("admin"))
        assert listed.status_code == 200 and listed.json()["items"] == []
        other = await intake.client.get(GRACE, headers=intake.auth("admin"))
        assert other.status_code == 404  # billing's policy is not intake's


def test_the_operator_lists_the_policies_in_force_and_those_waiting(clean_state, infrastructure):
    from typer.testing import CliRunner

    from aftersales.bootstrap import service_url
    from aftersales.cli import app
    from aftersales.database import Database
    from aftersales.operations.database import DATABASE
    from aftersales.policies.domain import Version
    from aftersales.policies.store import PolicyRepository
    from aftersales.registry import service

    definition = service("billing").definition()
    settings = definition.settings_cls(late_grace_minutes=25)
    now = datetime.now(UTC)

    async def record() -> None:
        url = service_url(infrastructure.admin_url, "billing", DATABASE)
        db = Database(url, definition.metadata, pool_size=1)
        try:
            await bootstrap(db, policies_of("billing"), settings, now=now)
            async with db.uow() as uow:
                waiting = Version(2, 40, now + timedelta(days=1), "admin:alice", now)
                await PolicyRepository(uow.session, db.platform).add("billing.late_grace", waiting)
                await uow.commit()
        finally:
            await db.dispose()

    asyncio.run(record())
    env = {"DATABASE_URL": infrastructure.admin_url, "COLUMNS": "250"}
    listed = CliRunner().invoke(app, ["policies", "--service", "billing"], env=env)
    assert listed.exit_code == 0, listed.output
    [line] = [row for row in listed.output.splitlines() if "billing.late_grace" in row]
    cells = [c.strip() for c in line.strip("│ ").split("│")]
    assert cells[:3] == ["billing", "billing.late_grace", "25"]
    assert cells[5:] == ["environment", "1"]
