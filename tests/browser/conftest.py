"""The console in a real browser: Debian's Chromium driven through its chromedriver (Selenium
never downloads one here), against the four services and the console run as processes, as
`make run` runs them. Each story saves a screenshot (``AFTERSALES_SCREENSHOTS``: where `make
screenshots` keeps them for README.md, else the test's temporary folder), and pages are
checked with axe-core for labels and landmarks."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from aftersales_testing.world import PRICES, World

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# What axe-core may find and still pass: nothing serious or critical.
SERIOUS = frozenset({"serious", "critical"})


@pytest.fixture(scope="module")
def process_stack_console() -> bool:
    return True


@pytest_asyncio.fixture(loop_scope="session")
async def world(process_stack) -> AsyncIterator[World]:
    """The four services' APIs, to set up what a story starts from."""
    clients = {n: process_stack.client(n) for n in ("intake", "dispatch", "billing", "feedback")}
    w = World(process_stack, **clients)
    r = await w.billing.put("/v1/price-list", json=PRICES, headers=w.finance)
    assert r.status_code == 200, r.text
    try:
        yield w
    finally:
        await w.aclose()
        for c in clients.values():
            await c.aclose()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        raise RuntimeError("chromedriver is missing: `make browser` installs Debian's")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",  # root in CI's container
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=zh-CN",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def screenshot(tmp_path: Path):
    folder = Path(os.environ.get("AFTERSALES_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(driver: webdriver.Chrome, name: str) -> Path:
        path = folder / f"{name}.png"
        assert driver.save_screenshot(str(path)), path
        return path

    return take


def wait_for(driver: webdriver.Chrome, css: str, timeout: float = 20) -> Any:
    return WebDriverWait(driver, timeout).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def text_of(driver: webdriver.Chrome, element_id: str) -> str:
    """An element's text read in one step in the page, so a poll that swaps the element between
    finding it and reading it cannot leave the test holding a stale reference."""
    return str(
        driver.execute_script(
            "const e = document.getElementById(arguments[0]);return e ? e.textContent.trim() : '';",
            element_id,
        )
    )


def click(driver: webdriver.Chrome, xpath: str, timeout: float = 20) -> None:
    """Find and click in one retried step: a polled section may swap the element in between."""
    WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.XPATH, xpath).click() or True
    )


def serious_violations(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    """axe-core's serious and critical findings on the page shown."""
    driver.execute_script(AXE.read_text())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations)).catch(e => done([{id: String(e)}]));"
    )
    return [
        {"id": v["id"], "impact": v.get("impact"), "nodes": len(v.get("nodes", []))}
        for v in result
        if v.get("impact") in SERIOUS or "impact" not in v
    ]
