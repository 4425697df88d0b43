"""Claims review as its users live it, end to end through the four services' public HTTP APIs,
run as separate processes as `make run` runs them: a point that inflates its labour is held
and adjusted by finance; a customer who says no one came holds the charge and opens a quality
complaint against the point; and a point's audit sample is asked first."""

import pytest

from aftersales_testing.apps import eventually
from aftersales_testing.world import World

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def process_stack_env() -> dict[str, str]:
    """Only each point's first job of a month is drawn for audit (no share by chance), so the
    story knows which callback is the sample."""
    return {"FEEDBACK_AUDIT_SHARE": "0"}


async def _done_job(world: World, code: str, region: str, **work):
    point, [tech] = await world.point(code, region)
    customer, product = await world.customer(region, in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech, **work)
    return point, ticket, job


async def _open_flags(world: World, point_id: str) -> list[dict]:
    page = await world.ok(
        await world.billing.get(
            "/v1/reviews", params={"status": "open", "point_id": point_id}, headers=world.finance
        )
    )
    return page["items"]


async def _statement(world: World, month: str, point_id: str) -> dict:
    page = await world.ok(
        await world.billing.get(
            "/v1/settlements", params={"month": month, "point_id": point_id}, headers=world.finance
        )
    )
    return page["items"][0]


async def test_a_point_that_inflates_labour_is_held_then_adjusted(world: World):
    point, _, job = await _done_job(world, "RV-INFLATE", "520101", labor_minutes=900)
    charge = await world.charge(job["id"])
    assert charge["held"] is True and "900 labour minutes" in charge["held_reason"]

    # The point's manager sees why, with the figure and the norm; finance sees it in the queue.
    own = await world.ok(await world.billing.get("/v1/reviews", headers=world.as_point(point)))
    [flag] = own["items"]
    assert (flag["rule"], flag["figure"], flag["norm"]) == ("implausible_labour", 900, 720)
    assert [f["id"] for f in await _open_flags(world, point["id"])] == [flag["id"]]
    statement = await _statement(world, charge["month"], point["id"])
    assert statement["jobs"] == 0 and statement["held"][0]["charge_id"] == charge["id"]

    adjusted = await world.ok(
        await world.billing.post(
            f"/v1/reviews/{flag['id']}/adjust",
            json={
                "note": "the job card shows 90 minutes",
                "credit": {"amount": 10_000, "currency": "CNY"},
                "point_deduction": {"amount": 20_000, "currency": "CNY"},
            },
            headers=world.finance,
        )
    )
    assert adjusted["status"] == "adjusted"
    released = await world.charge(job["id"])
    assert released["held"] is False and released["credited"]["amount"] == 10_000
    statement = await _statement(world, released["month"], point["id"])
    assert statement["jobs"] == 1 and statement["held"] == []
    assert {d["kind"]: d["amount"]["amount"] for d in statement["deductions"]}[
        "review_adjustment"
    ] == 20_000
    assert await _open_flags(world, point["id"]) == []


async def test_a_customer_who_says_no_one_came_holds_the_charge_and_complains_of_the_point(
    world: World,
):
    point, ticket, job = await _done_job(world, "RV-NOVISIT", "520102")
    charge = await world.charge(job["id"])
    assert charge["held"] is False
    await world.call_back(job["id"], "unsatisfied", score=1, visit_confirmed="no")

    async def held():
        found = await world.charge(job["id"])
        return found if found["held"] else None

    charge = await eventually(held, timeout=30)
    assert "no one came" in charge["held_reason"]
    [flag] = await _open_flags(world, point["id"])
    assert flag["rule"] == "no_visit" and flag["action"] == "hold"

    complaints = await world.ok(
        await world.feedback.get(
            "/v1/complaints", params={"ticket_id": ticket["id"]}, headers=world.agent
        )
    )
    [complaint] = complaints["items"]
    assert complaint["category"] == "quality" and complaint["point_id"] == point["id"]

    async def on_the_scorecard():
        cards = await world.ok(
            await world.feedback.get(
                "/v1/scorecards",
                params={"month": charge["month"], "point_id": point["id"]},
                headers=world.admin,
            )
        )
        card = cards["items"][0] if cards["items"] else None
        return card if card and card["flags"].get("no_visit") else None

    card = await eventually(on_the_scorecard, timeout=30)
    assert card["no_visits_confirmed"] == 1 and card["flags"]["no_visit"]["count"] == 1


async def test_a_points_audit_sample_is_asked_first(world: World):
    point, [tech] = await world.point("RV-AUDIT", "520103")
    jobs = []
    for _ in range(2):
        customer, product = await world.customer("520103", in_warranty=False)
        ticket = await world.ticket(customer, product)
        job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
        await world.fix_on_site(job, tech)
        jobs.append(job)
    first = await world.callback(jobs[0]["id"])  # the point's first job of the month
    second = await world.callback(jobs[1]["id"])
    assert first["audit"] is True
    # An attempt that did not reach the customer moves the first to the back by last change;
    # the audit sample stays in front.
    await world.ok(
        await world.feedback.post(
            f"/v1/callbacks/{first['id']}/result", json={"reached": False}, headers=world.agent
        )
    )
    queue = await world.ok(
        await world.feedback.get(
            "/v1/callbacks", params={"status": "due", "point_id": point["id"]}, headers=world.agent
        )
    )
    ids = [c["id"] for c in queue["items"]]
    assert ids[0] == first["id"] and second["id"] in ids

    not_asked = await world.feedback.post(
        f"/v1/callbacks/{first['id']}/result",
        json={"reached": True, "outcome": "satisfied", "score": 5},
        headers=world.agent,
    )
    assert not_asked.status_code == 422 and "audit" in not_asked.json()["detail"]
    await world.call_back(jobs[0]["id"], "satisfied", visit_confirmed="yes")
    recorded = await world.ok(
        await world.feedback.get(f"/v1/callbacks/{first['id']}", headers=world.agent)
    )
    assert recorded["visit_confirmed"] == "yes" and recorded["outcome"] == "satisfied"
