"""Finance in a real browser: a partner's technician took the customer's cash; finance records
the point's remittance of it, then closes last month (forced, with its reason, as the month
has not been graded)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from aftersales_testing.world import World

from .conftest import serious_violations, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_finance_records_the_remittance_and_closes_the_month(
    process_stack, world: World, browser, screenshot
):
    point, [tech] = await world.point("FIN-PARTNER", "330401")
    customer, product = await world.customer("330401", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech)
    charge = await world.charge(job["id"])
    amount = charge["customer_total"]["amount"]
    assert amount > 0
    paid = await world.billing.post(
        f"/v1/charges/{charge['id']}/payments",
        json={"method": "cash", "amount": {"amount": amount, "currency": "CNY"}},
        headers=world.as_tech(tech),
    )
    assert paid.status_code == 201, paid.text

    browser.get(await process_stack.console_link("finance"))
    owed = wait_for(browser, f"#owed-{point['id']}")
    assert f"{amount / 100:.2f}" in owed.text
    assert serious_violations(browser) == []
    screenshot(browser, "finance-home")
    owed.find_element(By.NAME, "reference").send_keys("BANK-REMIT-0001")
    owed.find_element(By.TAG_NAME, "button").click()
    wait_for(browser, ".notice")
    cash = await world.ok(
        await world.billing.get(
            "/v1/cash",
            params={"point_id": point["id"], "outstanding": "true"},
            headers=world.finance,
        )
    )
    assert cash["items"] == []  # the company has it now

    month = browser.find_element(By.ID, "month").get_attribute("value")
    browser.find_element(By.ID, "force").click()
    browser.find_element(By.ID, "reason").send_keys("no activity to grade last month")
    browser.find_element(By.XPATH, f"//button[contains(., '{month}')]").click()
    wait_for(browser, ".notice")
    screenshot(browser, "finance-month-closed")
    closed = await world.billing.post(f"/v1/settlements/{month}/close", headers=world.finance)
    assert closed.status_code == 409  # closed already: by the click above
