"""A consumer's group is one transaction whose messages are parts of it: what a part changes
is kept, whether or not it was flushed or staged an event, and what a failed savepoint did is
not."""

import uuid

from feedback.adapters.tables import CarePlanRow


async def a_plan(svc) -> uuid.UUID:
    r = await svc.client.post(
        "/v1/care-plans",
        json={
            "customer_id": str(uuid.uuid4()),
            "customer_name": "Hotel Jinjiang",
            "level": "senior",
            "staff": "Manager Zhou",
            "first_visit_on": "2026-05-20",
        },
        headers=svc.auth("agent"),
    )
    assert r.status_code == 201, r.text
    return uuid.UUID(r.json()["id"])


async def staff_of(svc, plan_id: uuid.UUID) -> str:
    async with svc.db.uow() as uow:
        row = await uow.session.get(CarePlanRow, plan_id)
        assert row is not None
        return row.staff


async def test_a_parts_unflushed_change_is_kept_after_the_next_part(start_service):
    async with start_service("feedback", run_background=False) as svc:
        first, second = await a_plan(svc), await a_plan(svc)
        async with svc.db.uow() as uow:
            async with uow.part():
                row = await uow.session.get(CarePlanRow, first)
                assert row is not None
                row.staff = "Xu"  # changed, not flushed, no event staged
            async with uow.part():
                other = await uow.session.get(CarePlanRow, second)
                assert other is not None
                other.staff = "Li"
            await uow.commit()
        assert (await staff_of(svc, first), await staff_of(svc, second)) == ("Xu", "Li")


async def test_a_failed_savepoint_keeps_nothing_of_its_own(start_service):
    async with start_service("feedback", run_background=False) as svc:
        plan = await a_plan(svc)
        async with svc.db.uow() as uow:
            try:
                async with uow.savepoint():
                    row = await uow.session.get(CarePlanRow, plan)
                    assert row is not None
                    row.staff = "Xu"
                    await uow.session.flush()
                    raise LookupError("refused")
            except LookupError:
                pass
            await uow.commit()
        assert await staff_of(svc, plan) == "Manager Zhou"
