import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from aftersales_testing.apps import blocked_on_lock, drained, handled
from aftersales_testing.factories import read_events


async def test_out_of_warranty_repair_is_class_a_with_labour_parts_travel_and_call_out(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        prices = await books.price_list()
        ticket = await books.ticket(in_warranty=False)
        charge = await books.charged(ticket, labor_minutes=50, travel_km=25)
        assert charge["service_class"] == "A"
        assert "warranty ended" in charge["class_reason"]
        assert charge["price_list_version"] == prices["version"]
        lines = {line["kind"]: line for line in charge["lines"]}
        assert lines["callout"]["customer_pays"]["amount"] == 5_000
        assert lines["labour"]["customer_pays"]["amount"] == 12_000  # 4 quarters of 120.00/h
        assert lines["labour"]["quantity"] == 4
        assert lines["part"]["customer_pays"]["amount"] == 25_000
        assert lines["travel"]["customer_pays"]["amount"] == 3_000
        assert charge["customer_total"] == {"amount": 45_000, "currency": "CNY"}
        assert charge["company_cost"]["amount"] == 0
        assert charge["status"] == "open" and charge["balance"]["amount"] == 45_000
        assert charge["auto_invoice_at"] is not None


async def test_in_warranty_the_customer_pays_nothing_and_the_company_bears_parts_at_cost(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket(in_warranty=True))
        assert charge["service_class"] == "C" and "in warranty" in charge["class_reason"]
        assert charge["customer_total"]["amount"] == 0 and charge["status"] == "nothing_due"
        assert charge["company_cost"]["amount"] == 5_000 + 12_000 + 12_000 + 3_000
        assert charge["auto_invoice_at"] is None
        [issued] = await read_events(
            infrastructure.broker_url, "billing.charge.issued.v1", after=billing
        )
        assert issued.data.service_class == "C" and issued.data.customer_total.amount == 0


async def test_one_charge_per_job_under_duplicates_and_events_in_either_order(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        jobs = []
        for i in range(10):
            ticket = await books.ticket(publish=False)
            job = books.completed(ticket)
            if i % 2:  # the completion overtakes the ticket's creation
                # handled before the ticket is published: it waits for the ticket's facts
                await handled(billing, await books.publish(job, "dispatch", job.job_id))
                await books.publish(ticket.data, "intake", ticket.data.ticket_id)
            else:
                await books.publish(ticket.data, "intake", ticket.data.ticket_id)
                await books.publish(job, "dispatch", job.job_id)
            # and everything once more, as redeliveries with new message ids
            await books.publish(job, "dispatch", job.job_id, msg_id=str(uuid.uuid4()))
            await books.publish(
                ticket.data, "intake", ticket.data.ticket_id, msg_id=str(uuid.uuid4())
            )
            jobs.append(job)
        for job in jobs:
            await books.charge_of(job.job_id)
        await drained(billing)  # every copy handled and every event published
        r = await billing.client.get("/v1/charges", params={"limit": 100}, headers=books.finance)
        assert sorted(c["job_id"] for c in r.json()["items"]) == sorted(str(j.job_id) for j in jobs)
        issued = await read_events(
            infrastructure.broker_url, "billing.charge.issued.v1", after=billing
        )
        assert len(issued) == 10


async def test_a_job_completed_before_any_price_list_is_charged_once_one_exists(
    start_service, books_for
):
    async with start_service("billing", worker_poll_seconds=0.2) as billing:
        books = books_for(billing)
        ticket = await books.ticket()
        job = await books.complete(ticket)
        await drained(billing)
        r = await billing.client.get("/v1/charges", headers=books.finance)
        assert r.json()["items"] == []
        await books.price_list()
        charge = await books.charge_of(job.job_id)
        assert charge["customer_total"]["amount"] == 45_000


async def test_a_charge_keeps_the_prices_in_force_when_the_job_was_completed(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        first = await books.price_list()
        effective = datetime.now(UTC) + timedelta(seconds=2)
        dearer = {**first["labour_per_hour"], "washing_machine": 24_000}
        second = await books.price_list(
            labour_per_hour=dearer, effective_from=effective.isoformat()
        )
        assert second["version"] == first["version"] + 1
        past = await billing.client.put(
            "/v1/price-list",
            json={
                "labour_per_hour": dearer,
                "travel_bands": [{"up_to_km": 1, "fee": 0}],
                "effective_from": "2020-01-01T00:00:00Z",
            },
            headers=books.finance,
        )
        assert past.status_code == 422

        before = await books.charged(
            await books.ticket(), completed_at=effective - timedelta(seconds=1)
        )
        after = await books.charged(
            await books.ticket(), completed_at=effective + timedelta(seconds=1)
        )
        labour = lambda c: next(x for x in c["lines"] if x["kind"] == "labour")  # noqa: E731
        assert (before["price_list_version"], labour(before)["list_amount"]["amount"]) == (
            first["version"],
            12_000,
        )
        assert (after["price_list_version"], labour(after)["list_amount"]["amount"]) == (
            second["version"],
            24_000,
        )
        again = await billing.client.get(f"/v1/charges/{before['id']}", headers=books.finance)
        assert again.json()["lines"] == before["lines"]

        stale = await billing.client.put(
            "/v1/price-list",
            json={"labour_per_hour": dearer, "travel_bands": [{"up_to_km": 1, "fee": 0}]},
            headers={**books.finance, "If-Match": f'"{first["version"]}"'},
        )
        assert stale.status_code == 412
        versions = await billing.client.get("/v1/price-lists", headers=books.finance)
        assert [v["version"] for v in versions.json()["items"]] == [2, 1]


async def test_unknown_parts_are_charged_at_zero_and_flagged_for_review(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        from aftersales.events import dispatch

        charge = await books.charged(
            await books.ticket(), parts=[dispatch.PartUsed(sku="MYSTERY-9", qty=2)]
        )
        assert charge["review"] == ["part MYSTERY-9: not in the price list"]
        flagged = await billing.client.get(
            "/v1/charges", params={"needs_review": "true"}, headers=books.finance
        )
        assert [c["id"] for c in flagged.json()["items"]] == [charge["id"]]


async def test_a_late_arrival_credits_the_customer_per_started_day_past_the_grace(
    start_service, books_for
):
    async with start_service(
        "billing", late_compensation_per_day=5_000, late_grace_minutes=30
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket(), arrived_late_minutes=1_500)
        [comp] = [line for line in charge["lines"] if line["kind"] == "compensation"]
        assert comp["quantity"] == 2
        assert comp["customer_pays"]["amount"] == -10_000
        assert comp["company_bears"]["amount"] == 10_000
        assert charge["customer_total"]["amount"] == 45_000 - 10_000
        free = await books.charged(await books.ticket(in_warranty=True), arrived_late_minutes=31)
        assert free["customer_total"]["amount"] == -5_000 and free["status"] == "credit_due"
        assert free["late"]["minutes"] == 31 and free["late"]["compensation"]["amount"] == 5_000
        within = await books.charged(await books.ticket(), arrived_late_minutes=30)
        assert not [line for line in within["lines"] if line["kind"] == "compensation"]
        assert within["late"]["compensation"]["amount"] == 0


async def test_a_ticket_solved_on_the_phone_costs_nothing_once(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        from aftersales.events import intake

        ticket = uuid.uuid4()
        solved = intake.TicketResolvedRemotely(
            ticket_id=ticket, note="reset the unit", resolved_at=datetime.now(UTC)
        )
        await books.publish(solved, "intake", ticket)
        await books.publish(solved, "intake", ticket, msg_id=str(uuid.uuid4()))

        async def charged():
            r = await billing.client.get(
                "/v1/charges", params={"ticket_id": str(ticket)}, headers=books.finance
            )
            return r.json()["items"]

        from aftersales_testing.apps import eventually

        [charge] = await eventually(charged)
        await drained(billing)  # the second copy handled too
        assert len(await charged()) == 1
        assert charge["service_class"] == "C" and charge["customer_total"]["amount"] == 0
        assert charge["job_id"] is None and "remotely" in charge["class_reason"]


async def test_a_ticket_and_its_completed_job_handled_at_the_same_moment_still_make_a_charge(
    start_service, books_for, admin_dsn
):
    # The two facts arrive on different streams, so two consumers (or two replicas) may handle
    # them at once: the completed job is recorded while the ticket's facts are not committed
    # yet, and the ticket's facts are recorded while the job is not committed yet.
    from aftersales.events import Envelope
    from billing.use_cases.charging.completed_jobs import on_job_completed
    from billing.use_cases.projections import record_ticket

    async with start_service("billing", run_background=False) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        await books.price_list()
        ticket = await books.ticket(publish=False)
        job = books.completed(ticket)
        job_event = Envelope.wrap(
            job, source="dispatch", aggregate_id=job.job_id, aggregate_version=1
        )

        async def record_the_ticket() -> None:
            async with billing.db.uow() as uow:
                await record_ticket(uow, ticket, policy=policy)
                await uow.commit()

        async with billing.db.uow() as first:
            # No ticket yet: the job waits for it.
            await on_job_completed(first, job_event, policy=policy)
            second = asyncio.create_task(record_the_ticket())
            probe = await asyncpg.connect(admin_dsn)
            try:  # the ticket's handler is running, and waits for the ticket's lock
                await blocked_on_lock(probe)
            finally:
                await probe.close()
            await first.commit()
        await second

        charge = await books.charge_of(job.job_id, timeout=5)
        assert charge["ticket_id"] == str(ticket.data.ticket_id)
        assert charge["service_class"] == "A"


async def test_an_implausible_report_is_charged_but_held_until_finance_releases_it(
    start_service, books_for
):
    async with start_service("billing", max_labour_minutes=480) as billing:
        books = books_for(billing)
        await books.price_list()
        held = await books.charged(await books.ticket(in_warranty=False), labor_minutes=10_000)
        assert held["held"] is True and "10000 labour minutes" in held["held_reason"]
        assert held["auto_invoice_at"] is None
        url = f"/v1/charges/{held['id']}"
        refused = await billing.client.post(f"{url}/invoice", headers=books.finance)
        assert refused.status_code == 409 and "held" in refused.json()["detail"]

        async def jobs_settled() -> int:
            r = await billing.client.get(
                "/v1/settlements",
                params={"month": held["month"], "point_id": str(books.point_id)},
                headers=books.finance,
            )
            return sum(doc["jobs"] for doc in r.json()["items"])

        assert await jobs_settled() == 0
        agent = await billing.client.post(f"{url}/release", headers=billing.auth("agent"))
        assert agent.status_code == 403

        released = await billing.client.post(f"{url}/release", headers=books.finance)
        assert released.status_code == 200, released.text
        body = released.json()
        assert body["held"] is False and body["auto_invoice_at"] is not None
        assert any("released by finance" in note for note in body["review"])
        assert await jobs_settled() == 1
        again = await billing.client.post(f"{url}/release", headers=books.finance)
        assert again.status_code == 409
        invoiced = await billing.client.post(f"{url}/invoice", headers=books.finance)
        assert invoiced.status_code == 201
        plausible = await books.charged(await books.ticket(in_warranty=False), labor_minutes=60)
        assert plausible["held"] is False
