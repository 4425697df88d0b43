"""The partner point's parts in a real browser: it asks for a part (a mistyped SKU is refused
in its language, with what was typed kept), receives it when the warehouse has shipped it,
uses it on a repair, and sends the defective one back with its tracking number, all from the
workshop page."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.world import PRICES, World

from .conftest import click, serious_violations, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")
COMPRESSOR = {
    "sku": "COMP-9",
    "name": "Compressor",
    "categories": ["air_conditioner"],
    "unit": "pcs",
    "standard_cost": 50_000,
    "return_required": True,
    "return_within_days": 3,
}


@pytest.fixture(scope="module")
def process_stack_env() -> dict[str, str]:
    return {"DISPATCH_RETURNS_POLL_SECONDS": "1"}


async def test_a_partner_asks_for_a_part_receives_it_and_sends_the_defective_one_back(
    process_stack, world: World, browser, screenshot
):
    await world.ok(await world.billing.put("/v1/price-list", json=PRICES, headers=world.finance))
    warehouse = await world.warehouse("WH-CONSOLE", [COMPRESSOR], {"COMP-9": 5})
    point, [tech] = await world.point("SHOP-PARTS", "330701")
    customer, product = await world.customer("330701", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    workshop = f"{process_stack.url('console')}/console/point/workshop"

    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    browser.get(workshop)
    wait_for(browser, "#sku").send_keys("坏 零件")  # not a SKU: dispatch's 422, in Chinese
    browser.find_element(By.XPATH, "//button[text()='申请']").click()
    problem = wait_for(browser, ".field-problems")
    assert "lines.0.sku" in problem.text and "格式不正确" in problem.text
    sku = browser.find_element(By.ID, "sku")
    assert sku.get_attribute("value") == "坏 零件"  # what was typed is kept
    sku.clear()
    sku.send_keys("COMP-9")
    browser.find_element(By.ID, "urgent").click()
    browser.find_element(By.XPATH, "//button[text()='申请']").click()
    wait_for(browser, ".notice")
    [asked] = await world.ok(
        await world.dispatch.get(
            "/v1/requisitions", params={"point_id": point["id"]}, headers=world.agent
        )
    )
    assert (asked["status"], asked["urgent"], asked["lines"][0]["requested"]) == (
        "requested",
        True,
        1,
    )

    # The centre approves and the warehouse ships it.
    path = f"/v1/requisitions/{asked['id']}"
    line = {"lines": [{"sku": "COMP-9", "qty": 1}]}
    await world.ok(await world.dispatch.post(f"{path}/approve", json=line, headers=world.agent))
    shipped = {"from_location_id": warehouse["id"], "carrier": "SF", "tracking_no": "SF900"}
    await world.ok(await world.dispatch.post(f"{path}/ship", json=shipped, headers=world.agent))

    browser.get(workshop)
    wait_for(browser, f"#requisition-{asked['id']}")
    assert "SF900" in browser.find_element(By.ID, f"requisition-{asked['id']}").text
    click(browser, f"//*[@id='requisition-{asked['id']}']//button[text()='确认收货']")
    wait_for(browser, ".notice")
    received = await world.ok(await world.dispatch.get(path, headers=world.agent))
    assert received["status"] == "received"

    # The part goes into the repair; the defective one is due back.
    await world.report(job, tech, "en_route")
    await world.report(job, tech, "on_site")
    await world.report(
        job,
        tech,
        "resolved_on_site",
        signature=SIGNATURE,
        labor_minutes=40,
        parts=[{"sku": "COMP-9", "qty": 1}],
    )

    async def due():
        r = await world.dispatch.get(
            "/v1/returns", params={"point_id": point["id"]}, headers=world.agent
        )
        return r.json() or None

    [back] = await eventually(due, timeout=30)
    browser.get(workshop)
    wait_for(browser, f"#carrier-{back['id']}").send_keys("EMS")
    browser.find_element(By.ID, f"tracking-{back['id']}").send_keys("EMS42")
    assert serious_violations(browser) == []
    screenshot(browser, "partner-workshop")
    click(browser, f"//*[@id='return-{back['id']}']//button[text()='已寄回']")
    wait_for(browser, ".notice")
    sent = await world.ok(
        await world.dispatch.get(
            "/v1/returns", params={"point_id": point["id"]}, headers=world.agent
        )
    )
    assert [(r["status"], r["carrier"], r["tracking_no"]) for r in sent] == [
        ("shipped", "EMS", "EMS42")
    ]
