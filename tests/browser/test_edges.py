"""The console when the services say no for reasons of their own, in a real browser: a stale
edit (412) shows what someone else changed and keeps what was typed, to send again; a 429 says
when to try again. The points here may write twice in a row and then once a minute."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from aftersales_testing.world import World

from .conftest import click, serious_violations, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="session")
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def process_stack_env() -> dict[str, str]:
    return {
        "AFTERSALES_RATE_LIMIT_ENABLED": "true",
        "AFTERSALES_RATE_LIMITS": json.dumps({"point:writes": {"rate": 0.02, "burst": 2}}),
    }


async def _offered(world: World, code: str, region: str, jobs: int = 1):
    point, [tech] = await world.point(code, region)
    offered = []
    for _ in range(jobs):
        customer, product = await world.customer(region, in_warranty=True)
        ticket = await world.ticket(customer, product)
        offered.append(await world.job(ticket["id"], status="offered"))
    return point, tech, offered


def _at(hours: int) -> datetime:
    return (datetime.now(SHANGHAI) + timedelta(days=1)).replace(
        hour=hours, minute=0, second=0, microsecond=0
    )


async def test_a_stale_assignment_shows_what_changed_and_is_sent_again(
    process_stack, world: World, browser, screenshot
):
    point, tech, [job] = await _offered(world, "SHOP-STALE", "330601")
    path = f"/v1/jobs/{job['id']}"
    await world.ok(await world.dispatch.post(f"{path}/accept", headers=world.admin))
    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    browser.get(f"{process_stack.url('console')}/console/point/jobs/{job['id']}")
    wait_for(browser, "#assign-h")

    # Meanwhile the supervisor books the visit for the afternoon.
    booked = {
        "technician_id": tech["id"],
        "appointment": {"start": _at(15).isoformat(), "end": _at(17).isoformat()},
    }
    await world.ok(await world.dispatch.post(f"{path}/assign", json=booked, headers=world.admin))

    Select(browser.find_element(By.ID, "technician_id")).select_by_value(tech["id"])
    start = browser.find_element(By.ID, "start")
    browser.execute_script(
        "arguments[0].value = arguments[1]", start, _at(9).strftime("%Y-%m-%dT%H:%M")
    )
    browser.find_element(By.XPATH, "//button[text()='指派']").click()

    changed = wait_for(browser, "#changed")
    assert "已被他人修改" in browser.page_source
    assert "admin" in changed.text  # who changed it, and when
    assert browser.find_element(By.ID, "start").get_attribute("value") == _at(9).strftime(
        "%Y-%m-%dT%H:%M"
    )  # what was typed is kept
    assert serious_violations(browser) == []
    screenshot(browser, "partner-stale-edit")

    # Sent again, now as a reschedule of the visit someone else booked.
    Select(browser.find_element(By.ID, "reason_code")).select_by_index(0)
    click(browser, "//button[text()='改约']")
    wait_for(browser, ".notice")
    fresh = await world.ok(await world.dispatch.get(path, headers=world.admin))
    assert datetime.fromisoformat(fresh["appointment"]["start"]) == _at(9)


async def test_too_many_writes_say_when_to_try_again(
    process_stack, world: World, browser, screenshot
):
    point, _, jobs = await _offered(world, "SHOP-BUSY", "330602", jobs=3)
    browser.get(await process_stack.console_link("point", point_id=point["id"]))
    for job in jobs[:-1]:
        wait_for(browser, f"#offer-{job['id']}")
        click(browser, f"//*[@id='offer-{job['id']}']//button[text()='接单']")
        assert wait_for(browser, "#job-status").get_attribute("data-status") == "accepted"
        browser.get(f"{process_stack.url('console')}/console/point/offers")
    wait_for(browser, f"#offer-{jobs[-1]['id']}")
    click(browser, f"//*[@id='offer-{jobs[-1]['id']}']//button[text()='接单']")

    problem = wait_for(browser, ".problem")
    assert "请求过多" in problem.text and "秒后重试" in problem.text
    seconds = int(re.search(r"请在 (\d+) 秒后重试", problem.text).group(1))
    assert 1 <= seconds <= 50  # a write a minute: the next one within 50 s
    screenshot(browser, "partner-too-many")
    last = await world.ok(
        await world.dispatch.get(f"/v1/jobs/{jobs[-1]['id']}", headers=world.admin)
    )
    assert last["status"] == "offered"  # refused, so nothing was done
