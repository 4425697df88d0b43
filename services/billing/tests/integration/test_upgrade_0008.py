"""The upgrade that brought partners' remittances (billing migration 0008) on books with
history, then billing's public API on them: cash handed over before the upgrade is not owed
after it, so the first close does not deduct years of a partner office's cash at once. Cash no
one had handed over stays owed, as it was before."""

import asyncio
import uuid
from datetime import datetime

import asyncpg

from aftersales.bootstrap import bootstrap, service_url
from aftersales.database import libpq_dsn
from aftersales.migrations import upgrade
from aftersales.registry import service
from aftersales.service import create_service_app
from aftersales_testing.apps import running

from .test_settlements import _statement, last_month

SCRATCH = "aftersales_billing_upgrade_0008"


async def _books_at_0007(admin_url: str) -> str:
    """A database of its own, its billing schema migrated up to 0007 (before remittances)."""
    conn = await asyncpg.connect(libpq_dsn(admin_url))
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
    finally:
        await conn.close()
    await bootstrap(admin_url, SCRATCH, ["billing"])
    url = service_url(admin_url, "billing", SCRATCH)
    await asyncio.to_thread(upgrade, "billing.migrations", url, "0007")
    return url


async def _history(
    url: str, month: str, at: datetime, point_id: uuid.UUID, *, is_partner: bool
) -> dict[str, uuid.UUID]:
    """A point's cash job of ``month``, paid in three parts by the technician before the
    upgrade: one handed to the point's office, one to the company's cash desk, one kept."""
    technician_id = uuid.uuid4()
    charge_id = uuid.uuid4()
    ids = {"office": uuid.uuid4(), "desk": uuid.uuid4(), "kept": uuid.uuid4()}
    conn = await asyncpg.connect(libpq_dsn(url))
    try:
        await conn.execute(
            "INSERT INTO billing.point_facts (point_id, code, name, is_partner,"
            " aggregate_version, updated_at) VALUES ($1, $2, 'a point', $3, 1, $4)",
            point_id,
            f"P-{str(point_id)[:8]}",
            is_partner,
            at,
        )
        await conn.execute(
            "INSERT INTO billing.charges (id, ticket_id, job_id, point_id, technician_id,"
            " service_class, class_reason, currency, customer_total, company_cost, work_value,"
            " compensation, credited, paid_total, status, review, month, completed_at,"
            " issued_at, version, updated_at, late_minutes)"
            " VALUES ($1, $2, $3, $4, $5, 'A', 'paid service', 'CNY', 90000, 0, 20000, 0, 0,"
            " 90000, 'paid', '[]', $6, $7, $7, 1, $7, 0)",
            charge_id,
            uuid.uuid4(),
            uuid.uuid4(),
            point_id,
            technician_id,
            month,
            at,
        )
        for part, payment_id in ids.items():
            await conn.execute(
                "INSERT INTO billing.payments (id, charge_id, method, amount, recorded_by,"
                " paid_at, held_by, point_id) VALUES ($1, $2, 'cash', 30000, 'technician:t',"
                " $3, $4, $5)",
                payment_id,
                charge_id,
                at,
                technician_id,
                point_id,
            )
            receiver = {"office": f"point:office@{point_id}", "desk": "finance:cashier"}
            if part in receiver:
                handover_id = uuid.uuid4()
                await conn.execute(
                    "INSERT INTO billing.cash_handovers (id, technician_id, point_id, amount,"
                    " currency, payments, received_by, handed_at)"
                    " VALUES ($1, $2, $3, 30000, 'CNY', 1, $4, $5)",
                    handover_id,
                    technician_id,
                    point_id,
                    receiver[part],
                    at,
                )
                await conn.execute(
                    "UPDATE billing.payments SET handover_id = $1 WHERE id = $2",
                    handover_id,
                    payment_id,
                )
    finally:
        await conn.close()
    return ids


async def test_cash_handed_over_before_the_upgrade_is_not_owed_after_it(
    infrastructure, settings_for, clean_state
):
    month, mid = last_month()
    url = await _books_at_0007(infrastructure.admin_url)
    partner, own = uuid.uuid4(), uuid.uuid4()
    partners = await _history(url, month, mid, partner, is_partner=True)
    owns = await _history(url, month, mid, own, is_partner=False)
    await asyncio.to_thread(upgrade, "billing.migrations", url)

    settings = settings_for("billing").model_copy(update={"database_url": url})
    app = create_service_app(service("billing").definition(), settings)
    async with running("billing", app) as billing:
        finance = billing.auth("finance")

        async def cash(**params: str) -> dict[str, str]:
            r = await billing.client.get("/v1/cash", params=params, headers=finance)
            assert r.status_code == 200, r.text
            return {p["payment_id"]: p["status"] for p in r.json()["items"]}

        # The partner's office had its technician's cash long before remittances existed (and
        # settled it outside the system): the company does not ask for it again.
        assert await cash(point_id=str(partner)) == {
            str(partners["office"]): "remitted",
            str(partners["desk"]): "remitted",
            str(partners["kept"]): "held",
        }
        # The company's own point: its office's handover ended it, as it always did.
        assert await cash(point_id=str(own)) == {
            str(owns["office"]): "handed_over",
            str(owns["desk"]): "handed_over",
            str(owns["kept"]): "held",
        }
        outstanding = await cash(outstanding="true")
        assert set(outstanding) == {str(partners["kept"]), str(owns["kept"])}

        # The first close after the upgrade nets only what no one had handed over.
        doc = await _statement(billing, month, partner, finance)
        held = [d for d in doc["deductions"] if d["kind"] == "cash_held"]
        assert [d["amount"]["amount"] for d in held] == [30_000]
        closed = await billing.client.post(
            f"/v1/settlements/{month}/close",
            json={"force": True, "reason": "the upgrade's first close"},
            headers=finance,
        )
        assert closed.status_code == 200, closed.text
        [frozen] = [d for d in closed.json()["items"] if d["point_id"] == str(partner)]
        assert {d["kind"]: d["amount"]["amount"] for d in frozen["deductions"]}[
            "cash_held"
        ] == 30_000
        assert (await cash(point_id=str(partner)))[str(partners["office"])] == "remitted"
        assert (await cash(point_id=str(partner)))[str(partners["kept"])] == "netted"
