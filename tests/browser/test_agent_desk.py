"""The information centre's desk in a real browser: an agent finds a caller by phone and opens
a ticket with the slot agreed, from the keyboard; and records a satisfied callback, which ends
the ticket."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from aftersales_testing.world import World

from .conftest import serious_violations, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def typed_time(browser, element_id: str, moment: datetime) -> None:
    """A datetime-local field set as a person picks it (its value in the network's time)."""
    field = browser.find_element(By.ID, element_id)
    browser.execute_script(
        "arguments[0].value = arguments[1]", field, moment.strftime("%Y-%m-%dT%H:%M")
    )


async def test_an_agent_finds_a_caller_by_phone_and_opens_a_ticket_with_a_slot(
    process_stack, world: World, browser, screenshot
):
    await world.point("DESK-POINT", "330301")
    customer, product = await world.customer("330301", in_warranty=True)
    browser.get(await process_stack.console_link("agent"))
    search = wait_for(browser, "#q")
    assert browser.switch_to.active_element == search  # the desk opens ready to type
    search.send_keys(customer["phone"], Keys.ENTER)
    browser.find_element(By.LINK_TEXT, customer["name"]).click()
    wait_for(browser, "#open-h")
    assert product["serial_no"] in browser.page_source and "保修期内" in browser.page_source

    start = (datetime.now(SHANGHAI) + timedelta(days=1)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    Select(browser.find_element(By.ID, "kind")).select_by_value("repair")
    browser.find_element(By.ID, "description").send_keys("空调不制冷")
    typed_time(browser, "slot_start", start)
    typed_time(browser, "slot_end", start + timedelta(hours=2))
    assert serious_violations(browser) == []
    screenshot(browser, "agent-open-ticket")
    browser.find_element(By.ID, "description").send_keys(Keys.ENTER)  # sent from the keyboard
    wait_for(browser, "#ticket-status")
    assert browser.find_element(By.ID, "slot").text.startswith(start.strftime("%Y-%m-%d %H:%M"))
    screenshot(browser, "agent-ticket")

    page = await world.ok(
        await world.intake.get(
            "/v1/tickets", params={"customer_id": customer["id"]}, headers=world.agent
        )
    )
    [ticket] = page["items"]
    window = ticket["preferred_window"]
    assert datetime.fromisoformat(window["start"]) == start
    assert ticket["channel"] == "hotline" and ticket["description"] == "空调不制冷"


async def test_the_agent_records_a_satisfied_callback_and_the_ticket_ends(
    process_stack, world: World, browser, screenshot
):
    point, [tech] = await world.point("DESK-CALLBACK", "330302")
    customer, product = await world.customer("330302", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech)
    callback = await world.callback(job["id"])

    browser.get(await process_stack.console_link("agent", next_page="/console/agent/callbacks"))
    card = wait_for(browser, f"#callback-{callback['id']}")
    assert "抽检" in card.text  # the point's first job this month: the audit sample
    Select(card.find_element(By.NAME, "outcome")).select_by_value("satisfied")
    Select(card.find_element(By.NAME, "visit_confirmed")).select_by_value("yes")
    assert serious_violations(browser) == []
    screenshot(browser, "agent-callbacks")
    card.find_element(By.CSS_SELECTOR, "button[value=yes]").click()
    wait_for(browser, ".notice")
    ended = await world.ticket_becomes(ticket["id"], "closed")
    assert ended["status"] == "closed"
