"""The information centre's own record (clause 4, section 4.2.4): a month's requests answered by
their ``respond_by``, counted by kind and channel, and the share solved on the phone, as JSON or
CSV. The month is the business's (Asia/Shanghai); the service's clock is set by the test."""

import csv
import io
from datetime import UTC, datetime, timedelta

from aftersales_testing.apps import SettableClock
from aftersales_testing.factories import make_ticket

T0 = datetime(2031, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


async def test_a_months_answers_volumes_and_phone_solutions(start_service):
    clock = SettableClock(T0)
    async with start_service("intake", clock=clock, clock_poll_seconds=3600) as intake:
        agent = intake.auth("agent")

        async def post(ticket, action, body):
            r = await intake.client.post(
                f"/v1/tickets/{ticket['id']}/{action}", json=body, headers=agent
            )
            assert r.status_code == 200, r.text

        quick = await make_ticket(intake, kind="consultation")
        slow = await make_ticket(intake, kind="consultation", channel="crm")
        by_phone = await make_ticket(intake, kind="repair")
        await make_ticket(intake, kind="repair", channel="app")  # never answered
        await make_ticket(intake, kind="complaint", channel="letter")
        await make_ticket(intake, kind="sample_test")  # waiting for its sample: not due

        clock.set(T0 + timedelta(hours=1))
        await post(quick, "respond", {"summary": "Reset the unit.", "resolved": True})
        await post(by_phone, "resolve-remotely", {"note": "the breaker had tripped"})
        clock.set(T0 + timedelta(hours=5))
        await post(slow, "respond", {"summary": "A visit may follow.", "resolved": False})

        # The month's last hour in Shanghai, and the next month's first.
        clock.set(datetime(2031, 3, 31, 15, 30, tzinfo=UTC))
        await make_ticket(intake, kind="consultation", channel="walk_in")
        clock.set(datetime(2031, 3, 31, 16, 30, tzinfo=UTC))
        await make_ticket(intake, kind="consultation")
        clock.set(datetime(2031, 3, 31, 17, 0, tzinfo=UTC))

        r = await intake.client.get(
            "/v1/reports/centre", params={"month": "2031-03"}, headers=agent
        )
        assert r.status_code == 200, r.text
        march = r.json()
        assert march["tickets"] == 7
        # Due: the two answered, the repair never booked and the complaint never replied to;
        # not the ticket solved on the phone, the sample not yet arrived, nor the last one
        # (its 4 hours still run).
        assert (march["answers_due"], march["answered"], march["answered_in_time"]) == (4, 2, 1)
        assert march["answer_rate"] == 0.25
        assert march["by_kind"] == {
            "complaint": 1,
            "consultation": 3,
            "repair": 2,
            "sample_test": 1,
        }
        assert march["by_channel"] == {
            "app": 1,
            "crm": 1,
            "hotline": 3,
            "letter": 1,
            "walk_in": 1,
        }
        # Solved on the phone: the answered consultation and the repair, of 6 (not the
        # complaint).
        assert march["solved_on_phone"] == 2 and march["solved_on_phone_rate"] == 0.3333

        april = await intake.client.get(
            "/v1/reports/centre", params={"month": "2031-04"}, headers=intake.auth("admin")
        )
        assert april.json()["tickets"] == 1 and april.json()["answer_rate"] is None

        for how in ({"headers": {**agent, "Accept": "text/csv"}}, {"params": {"format": "csv"}}):
            params = {"month": "2031-03", **how.get("params", {})}
            r = await intake.client.get(
                "/v1/reports/centre", params=params, headers=how.get("headers", agent)
            )
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
            rows = list(csv.DictReader(io.StringIO(r.text)))
            value = {(row["measure"], row["key"]): row["value"] for row in rows}
            assert value[("answer_rate", "")] == "0.25"
            assert value[("kind", "consultation")] == "3"
            assert value[("channel", "walk_in")] == "1"


async def test_the_record_is_the_centres_and_a_month_is_a_month(start_service):
    async with start_service("intake") as intake:
        crm = intake.auth("crm", tenant_id="shop-1")
        r = await intake.client.get("/v1/reports/centre", params={"month": "2031-03"}, headers=crm)
        assert r.status_code == 403
        for month in ("2031-13", "March", "0000-01"):
            r = await intake.client.get(
                "/v1/reports/centre", params={"month": month}, headers=intake.auth("agent")
            )
            assert r.status_code == 422, month
            assert r.headers["content-type"] == "application/problem+json"
