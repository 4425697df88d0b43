"""Charges: a point reads only those of its own jobs; a technician only those of jobs assigned
to it, and records payments only on them."""


async def test_points_and_technicians_reach_only_their_own_charges(start_service, books_for):
    async with start_service("billing") as billing:
        a = books_for(billing)
        b = books_for(billing)
        await a.price_list()
        charge_a = await a.charged(await a.ticket())
        charge_b = await b.charged(await b.ticket())
        pay = {"method": "cash", "amount": {"amount": 100, "currency": "CNY"}}
        for books, own, other in ((a, charge_a, charge_b), (b, charge_b, charge_a)):
            point = billing.auth("point", point_id=books.point_id)
            tech = billing.auth("technician", technician_id=books.technician_id)
            for headers in (point, tech):
                listed = await billing.client.get("/v1/charges", headers=headers)
                assert [c["id"] for c in listed.json()["items"]] == [own["id"]]
                for url in (
                    f"/v1/charges/{other['id']}",
                    f"/v1/charges/{other['id']}/credit-notes",
                ):
                    assert (await billing.client.get(url, headers=headers)).status_code == 404
                assert (
                    await billing.client.get(f"/v1/charges/{own['id']}", headers=headers)
                ).status_code == 200
            stranger = await billing.client.post(
                f"/v1/charges/{other['id']}/payments", json=pay, headers=tech
            )
            assert stranger.status_code == 404
            assert (
                await billing.client.post(
                    f"/v1/charges/{own['id']}/payments", json=pay, headers=tech
                )
            ).status_code == 201
            assert (
                await billing.client.post(
                    f"/v1/charges/{own['id']}/payments", json=pay, headers=point
                )
            ).status_code == 403
            assert (
                await billing.client.post(f"/v1/charges/{own['id']}/invoice", headers=point)
            ).status_code == 403
        for charge in (charge_a, charge_b):
            got = await billing.client.get(f"/v1/charges/{charge['id']}", headers=a.finance)
            assert got.json()["paid"]["amount"] == 100
        crm = await billing.client.get("/v1/charges", headers=billing.auth("crm", tenant_id="acme"))
        assert crm.status_code == 403
