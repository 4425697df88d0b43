"""Deliveries promised by distance (clause 5): a paid parts order delivered after its promised
date earns a credit note on its charge per calendar day late, once however often dispatch's
event arrives; finance may waive it for an accepted outside cause (audited), and anything else
is a 4xx that changes nothing."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import dispatch
from aftersales_testing.apps import drained, handled
from aftersales_testing.factories import parts_order_placed, publish_raw, read_events

from .test_parts_orders import priced, transfer

# 10:00 in Shanghai on 12 March 2026.
DELIVERED_AT = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)


async def paid_order(billing, books, *lines):
    """A parts order priced by billing and paid in full."""
    ticket_id = uuid.uuid4()
    await books.publish(parts_order_placed(ticket_id, *lines), "intake", ticket_id)
    charge = await priced(billing, books, ticket_id)
    r = await billing.client.post(
        f"/v1/charges/{charge['id']}/payments",
        json=transfer(charge["customer_total"]["amount"]),
        headers=books.finance,
    )
    assert r.status_code == 201 and r.json()["status"] == "paid", r.text
    return ticket_id, r.json()


def delivered(ticket_id, promised_by, at=DELIVERED_AT):
    return dispatch.PartsOrderDelivered(
        ticket_id=ticket_id,
        lines=[dispatch.PartsOrderLine(sku="PUMP-01", qty=1)],
        ship_by=at - timedelta(days=3),
        carrier="SF",
        tracking_no="SF123",
        at=at,
        promised_by=promised_by,
    )


async def charge_now(billing, books, charge_id):
    r = await billing.client.get(f"/v1/charges/{charge_id}", headers=books.finance)
    assert r.status_code == 200
    return r.json()


async def test_a_delivery_a_day_late_is_credited_once_on_the_orders_charge(
    start_service, books_for, infrastructure
):
    async with start_service("billing", delivery_compensation_per_day=2_000) as billing:
        books = books_for(billing)
        await books.price_list()
        ticket_id, charge = await paid_order(billing, books, ("PUMP-01", 1))
        late = delivered(ticket_id, promised_by=date(2026, 3, 11))
        env = await books.publish(late, "dispatch", ticket_id, version=3)
        await publish_raw(books.nats_url, env, msg_id=str(uuid.uuid4()))  # delivered twice
        again = await books.publish(late, "dispatch", ticket_id, version=3)  # a second copy
        await handled(billing, again)
        await drained(billing)

        now = await charge_now(billing, books, charge["id"])
        delivery = now["delivery"]
        assert (delivery["promised_by"], delivery["delivered_on"]) == ("2026-03-11", "2026-03-12")
        assert delivery["days_late"] == 1 and delivery["compensation"]["amount"] == 2_000
        assert delivery["capped"] is False and delivery["waived"] is None
        assert now["credited"]["amount"] == 2_000
        assert now["status"] == "credit_due"  # paid in full: the company owes the customer
        notes = await billing.client.get(
            f"/v1/charges/{charge['id']}/credit-notes", headers=books.finance
        )
        [note] = notes.json()
        assert note["number"] == delivery["credit_note_number"]
        assert note["number"].startswith("CN-") and note["amount"]["amount"] == 2_000
        assert "promised 2026-03-11" in note["reason"]
        # The order's lines never changed.
        assert now["lines"] == charge["lines"]
        [corrected] = [
            e
            for e in await read_events(
                infrastructure.broker_url, "billing.charge.corrected.v1", after=billing
            )
            if str(e.data.charge_id) == charge["id"]
        ]
        assert corrected.data.correction == "delivery_compensation"
        assert corrected.data.credit_note_number == note["number"]


async def test_on_time_or_unpromised_deliveries_earn_nothing_and_a_long_delay_is_capped(
    start_service, books_for
):
    async with start_service("billing", delivery_compensation_per_day=2_000) as billing:
        books = books_for(billing)
        await books.price_list()
        on_time, first = await paid_order(billing, books, ("BELT-02", 1))
        unpromised, second = await paid_order(billing, books, ("BELT-02", 1))
        very_late, third = await paid_order(billing, books, ("BELT-02", 1))
        # 23:59 on the promised day in Shanghai is still on time.
        edge = datetime(2026, 3, 12, 15, 59, tzinfo=UTC)
        await books.publish(delivered(on_time, date(2026, 3, 12), at=edge), "dispatch", on_time)
        await books.publish(delivered(unpromised, None), "dispatch", unpromised)
        await books.publish(delivered(very_late, date(2026, 3, 1)), "dispatch", very_late)
        await drained(billing)

        assert (await charge_now(billing, books, first["id"]))["delivery"] is None
        assert (await charge_now(billing, books, second["id"]))["delivery"] is None
        capped = await charge_now(billing, books, third["id"])
        # 11 days x 20.00 = 220.00, but the order (a belt 40.00 and shipping 15.00) is 55.00
        assert capped["delivery"]["days_late"] == 11
        assert capped["delivery"]["capped"] is True
        assert capped["delivery"]["compensation"]["amount"] == third["customer_total"]["amount"]
        assert capped["credited"] == third["customer_total"]

        none = await billing.client.post(
            f"/v1/charges/{first['id']}/delivery-compensation/waive",
            json={"cause": "weather", "reason": "snow"},
            headers=books.finance,
        )
        assert none.status_code == 409
        assert "no delivery delay compensation" in none.json()["detail"]


async def test_finance_waives_a_late_deliverys_compensation_for_an_outside_cause(
    start_service, books_for
):
    async with start_service("billing", delivery_compensation_per_day=2_000) as billing:
        books = books_for(billing)
        await books.price_list()
        ticket_id, charge = await paid_order(billing, books, ("PUMP-01", 1))
        env = await books.publish(
            delivered(ticket_id, promised_by=date(2026, 3, 10)), "dispatch", ticket_id
        )
        await handled(billing, env)
        credited = await charge_now(billing, books, charge["id"])
        assert credited["delivery"]["compensation"]["amount"] == 4_000  # two days

        url = f"/v1/charges/{charge['id']}/delivery-compensation/waive"
        unknown = await billing.client.post(
            url, json={"cause": "traffic", "reason": "a jam"}, headers=books.finance
        )
        assert unknown.status_code == 422
        assert unknown.headers["content-type"].startswith("application/problem+json")
        technician = await billing.client.post(
            url,
            json={"cause": "weather", "reason": "snow"},
            headers=billing.auth("technician", technician_id=books.technician_id),
        )
        assert technician.status_code == 403
        assert await charge_now(billing, books, charge["id"]) == credited  # nothing changed

        r = await billing.client.post(
            url,
            json={"cause": "carrier_force_majeure", "reason": "the depot flooded"},
            headers=books.finance,
        )
        assert r.status_code == 200, r.text
        waived = r.json()["charge"]["delivery"]["waived"]
        assert waived["cause"] == "carrier_force_majeure" and waived["reason"]
        supp = r.json()["supplementary_charge"]
        assert supp["number"].startswith("SC-") and supp["supplements"] == charge["id"]
        assert supp["customer_total"]["amount"] == 4_000
        assert waived["supplementary_charge_number"] == supp["number"]

        again = await billing.client.post(
            url, json={"cause": "weather", "reason": "again"}, headers=books.finance
        )
        assert again.status_code == 409
        audit = await billing.client.get(
            "/v1/audit", params={"object_id": charge["id"]}, headers=billing.auth("admin")
        )
        [entry] = [
            e for e in audit.json()["items"] if e["action"] == "delivery compensation waived"
        ]
        assert entry["actor"]
        # Only the one waiver made a supplementary charge.
        r = await billing.client.get(
            "/v1/charges", params={"ticket_id": str(ticket_id)}, headers=books.finance
        )
        assert sorted(c["number"] is not None for c in r.json()["items"]) == [False, True]
