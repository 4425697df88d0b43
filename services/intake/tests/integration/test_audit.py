"""Customer edits are audited, personal fields as changed and never by value."""

from aftersales_testing.factories import make_customer


async def test_a_customer_edit_records_that_the_phone_changed_but_not_the_number(start_service):
    async with start_service("intake") as intake:
        crm = intake.auth("crm", subject="crm-acme", tenant_id="acme")
        customer = await make_customer(intake, headers=crm)
        r = await intake.client.patch(
            f"/v1/customers/{customer['id']}",
            json={"phone": "13911119999", "external_ref": "ACME-7"},
            headers={**crm, "If-Match": f'"{customer["version"]}"'},
        )
        assert r.status_code == 200, r.text
        trail = await intake.client.get(
            "/v1/audit", params={"object_id": customer["id"]}, headers=intake.auth()
        )
        [entry] = trail.json()["items"]
        assert entry["actor"] == "crm:crm-acme@acme" and entry["scope"] == "acme"
        assert entry["changes"]["phone"] == {"changed": True}
        assert entry["changes"]["external_ref"] == {"before": None, "after": "ACME-7"}
        assert "13911119999" not in trail.text and customer["phone"] not in trail.text
