"""The supervisor's board in a real browser: the open requests by the clock due next, counts
that move without a reload (htmx polling under the strict Content-Security-Policy), and an
unrouted job routed by hand."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from aftersales_testing.world import World

from .conftest import serious_violations, text_of, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_board_counts_without_a_reload_and_routes_an_unrouted_job_by_hand(
    process_stack, world: World, browser, screenshot
):
    point, _ = await world.point("BOARD-POINT", "330501")
    customer, product = await world.customer("330501", in_warranty=True)
    first = await world.ticket(customer, product)
    await world.job(first["id"], status="offered")
    await world.point("BOARD-OTHER", "330502")
    neighbour, neighbour_product = await world.customer("330502", in_warranty=True)
    elsewhere = await world.ticket(neighbour, neighbour_product)
    await world.job(elsewhere["id"], status="offered")
    stranded, stranded_product = await world.customer("990501", in_warranty=True)  # no point
    lost = await world.ticket(stranded, stranded_product)
    job = await world.job(lost["id"], status="unrouted")

    browser.get(await process_stack.console_link("admin"))
    wait_for(browser, "#count-total")
    before = int(text_of(browser, "count-total"))
    assert before >= 2 and first["number"] in browser.page_source
    assert int(text_of(browser, "count-unrouted")) == 1
    assert serious_violations(browser) == []
    screenshot(browser, "board")

    await world.ticket(customer, product)  # a new call: the count moves on its own
    WebDriverWait(browser, 30).until(lambda b: text_of(b, "count-total") == str(before + 1))

    browser.find_element(By.ID, f"unrouted-{job['id']}").find_element(By.TAG_NAME, "a").click()
    Select(wait_for(browser, "#point_id")).select_by_value(point["id"])
    assert serious_violations(browser) == []
    browser.find_element(By.XPATH, "//form[@id='route-form']//button").click()
    wait_for(browser, ".notice")
    routed = await world.ok(await world.dispatch.get(f"/v1/jobs/{job['id']}", headers=world.admin))
    assert routed["status"] == "offered" and routed["point_id"] == point["id"]

    # The board of one point, by its code typed in the filter.
    point_field = browser.find_element(By.ID, "point")
    point_field.send_keys("BOARD-POINT")
    point_field.submit()
    wait_for(browser, "#list-h")
    assert first["number"] in browser.page_source
    assert elsewhere["number"] not in browser.page_source  # another point's
    assert "point_id=" + point["id"] in browser.find_element(By.ID, "counts").get_attribute(
        "hx-get"
    )  # the counts poll keeps the filter
