"""The partner point's portal in a real browser: a small shop with no system of its own accepts
the offer, assigns its technician and reports the visit done with the customer's signature
reference; it cannot open another point's job by typing its address; a form sent without its
CSRF token is refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from aftersales_testing.apps import eventually
from aftersales_testing.world import World

from .conftest import click, serious_violations, text_of, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def status_of(browser) -> str:
    return browser.find_element(By.ID, "job-status").get_attribute("data-status")


async def offered(world: World, code: str, region: str):
    point, [tech] = await world.point(code, region)
    customer, product = await world.customer(region, in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.job(ticket["id"], status="offered")
    assert job["point_id"] == point["id"]
    return point, tech, customer, ticket, job


async def test_a_partner_accepts_assigns_and_reports_the_visit_done(
    process_stack, world, browser, screenshot
):
    point, tech, customer, ticket, job = await offered(world, "SHOP-ACCEPT", "330201")
    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    wait_for(browser, f"#offer-{job['id']}")
    assert ticket["number"] in text_of(browser, f"offer-{job['id']}")
    assert customer["name"] not in browser.page_source
    assert serious_violations(browser) == []
    screenshot(browser, "partner-offers")

    click(browser, f"//*[@id='offer-{job['id']}']//button[text()='接单']")
    wait_for(browser, "#job-status")
    assert status_of(browser) == "accepted"
    assert customer["name"] in browser.page_source  # the customer, once accepted

    tomorrow = datetime.now(SHANGHAI).replace(hour=10, minute=0) + timedelta(days=1)
    Select(browser.find_element(By.ID, "technician_id")).select_by_value(tech["id"])
    start = browser.find_element(By.ID, "start")
    browser.execute_script(
        "arguments[0].value = arguments[1]", start, tomorrow.strftime("%Y-%m-%dT%H:%M")
    )
    browser.find_element(By.XPATH, "//button[text()='指派']").click()
    wait_for(browser, "#report-h")
    assert status_of(browser) == "scheduled"

    for status in ("en_route", "on_site"):
        Select(browser.find_element(By.ID, "status")).select_by_value(status)
        browser.find_element(By.XPATH, "//button[text()='提交报告']").click()
        wait_for(browser, "#report-h")
    Select(browser.find_element(By.ID, "status")).select_by_value("resolved_on_site")
    browser.find_element(By.ID, "labor_minutes").send_keys("45")
    browser.find_element(By.ID, "signature_reference").send_keys("shop://signatures/0042")
    assert serious_violations(browser) == []
    screenshot(browser, "partner-job-report")
    browser.find_element(By.XPATH, "//button[text()='提交报告']").click()
    wait_for(browser, "#history-h")
    assert status_of(browser) == "completed"

    async def charged():
        return await world.charge(job["id"])

    charge = await eventually(charged, timeout=30)
    # In warranty: the point's work is paid, not by the customer.
    assert charge["service_class"] == "C"

    # The point's month: the job on its statement, no cash owed; its workshop and stock.
    browser.get(f"{process_stack.url('console')}/console/point/month")
    assert wait_for(browser, "#statement-jobs").text == "1"
    assert browser.find_element(By.ID, "cash-owed").text == "0.00 CNY"
    assert serious_violations(browser) == []
    screenshot(browser, "partner-month")
    browser.get(f"{process_stack.url('console')}/console/point/workshop")
    wait_for(browser, "#reg-h")
    assert serious_violations(browser) == []


async def test_a_point_cannot_open_another_points_job_by_its_address(
    process_stack, world, browser, screenshot
):
    _, _, _, _, job = await offered(world, "SHOP-MINE", "330202")
    other, _ = await world.point("SHOP-OTHER", "330203")
    browser.get(await process_stack.console_link("point", point_id=other["id"]))
    wait_for(browser, "main h1")
    browser.get(f"{process_stack.url('console')}/console/point/jobs/{job['id']}")
    heading = wait_for(browser, "main h1")
    assert heading.text == "未找到"
    assert job["ticket_number"] not in browser.page_source
    screenshot(browser, "partner-not-found")


async def test_a_form_sent_without_its_csrf_token_is_refused(
    process_stack, world, browser, screenshot
):
    point, _, _, _, job = await offered(world, "SHOP-CSRF", "330204")
    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    wait_for(browser, f"#offer-{job['id']}")
    browser.execute_script(  # in one step, so the offers' poll cannot swap the form in between
        "const form = document.querySelector(`#offer-${arguments[0]} form`);"
        "form.querySelector('[name=csrf]').remove(); form.querySelector('button').click();",
        job["id"],
    )
    heading = wait_for(browser, "main h1")
    assert heading.text == "已拒绝"
    screenshot(browser, "refused-without-csrf")
    fresh = await world.ok(await world.dispatch.get(f"/v1/jobs/{job['id']}", headers=world.admin))
    assert fresh["status"] == "offered"  # nothing was done


async def test_the_offers_poll_leaves_a_reason_being_typed_alone(
    process_stack, world, browser, screenshot
):
    point, _, _, _, job = await offered(world, "SHOP-TYPING", "330205")
    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    reason = wait_for(browser, f"#reason-{job['id']}")
    reason.send_keys("技师休假")
    # The barrier: the next poll of the offers either was held back or has been swapped in.
    browser.execute_script(
        "window.pollOutcome = null;"
        "document.addEventListener('htmx:beforeRequest', e => {"
        "  if (e.defaultPrevented) { window.pollOutcome = 'held'; }"
        "});"
        "document.addEventListener('htmx:afterSettle', () => { window.pollOutcome = 'swapped'; });"
    )
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return window.pollOutcome"))
    assert text_value(browser, f"reason-{job['id']}") == "技师休假"

    click(browser, f"//*[@id='offer-{job['id']}']//button[text()='拒单']")
    wait_for(browser, ".notice")

    history = await world.ok(
        await world.dispatch.get(f"/v1/jobs/{job['id']}/history", headers=world.admin)
    )
    [mine] = [o for o in history["offers"] if o["point_id"] == point["id"]]
    assert (mine["outcome"], mine["reason"]) == ("declined", "技师休假")


def text_value(browser, element_id: str) -> str:
    return browser.execute_script(f"return document.getElementById('{element_id}').value")
