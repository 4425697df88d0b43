"""The console's sign-in, sessions and form protection, over HTTP against the console and the
four services run as processes (as `make run` runs them)."""

import contextlib
import re
import uuid
from collections.abc import AsyncIterator
from urllib.parse import unquote

import httpx
import pytest

from aftersales_testing.world import World

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def process_stack_console() -> bool:
    return True


def browser(stack) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=stack.url("console"), timeout=30)


@contextlib.asynccontextmanager
async def signed_in(stack, role: str = "agent", **scope) -> AsyncIterator[httpx.AsyncClient]:
    async with browser(stack) as client:
        r = await client.get(await stack.console_link(role, **scope))
        assert r.status_code == 303, r.text
        yield client


async def test_a_link_signs_in_once_with_a_protected_cookie(process_stack):
    point = str(uuid.uuid4())
    link = await process_stack.console_link("point", point_id=point)
    async with browser(process_stack) as client:
        r = await client.get(link)
        assert r.status_code == 303 and r.headers["location"] == "/console/point/"
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/console/" in cookie
        again = await client.get(link)  # used: refused, and nobody new is signed in
        assert again.status_code == 400
        page = await client.get("/console/point/offers")
        assert page.status_code == 200, page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert '<html lang="zh-CN">' in page.text and "派单" in page.text
        english = await client.get("/console/point/offers?lang=en")
        assert '<html lang="en">' in english.text and "Offers" in english.text


async def test_without_a_session_the_page_asked_for_is_kept_for_after_sign_in(process_stack):
    async with browser(process_stack) as client:
        r = await client.get("/console/point/jobs?x=1")
        assert r.status_code == 303
        assert unquote(r.headers["location"]) == "/console/sign-in?next=/console/point/jobs?x=1"
        link = await process_stack.console_link("point", point_id=str(uuid.uuid4()))
        back = await client.get(link + "?next=/console/point/jobs")
        assert back.headers["location"] == "/console/point/jobs"
        away = await client.get(
            (await process_stack.console_link("agent")) + "?next=https://elsewhere.example/"
        )
        assert away.headers["location"] == "/console/agent/"  # never another site


async def test_a_form_without_its_csrf_token_is_refused(process_stack):
    async with signed_in(process_stack, "point", point_id=str(uuid.uuid4())) as client:
        r = await client.post("/console/sign-out", data={})
        assert r.status_code == 403 and "安全令牌" in r.text
        still = await client.get("/console/point/offers")
        assert still.status_code == 200  # not signed out
        token = re.search(r'name="csrf" value="([^"]+)"', still.text)
        assert token is not None
        out = await client.post("/console/sign-out", data={"csrf": token.group(1)})
        assert out.status_code == 303
        gone = await client.get("/console/point/offers")
        assert gone.status_code == 303  # signed out: back to sign-in


async def test_another_points_job_is_a_not_found_page(process_stack):
    world = World(
        process_stack,
        **{n: process_stack.client(n) for n in ("intake", "dispatch", "billing", "feedback")},
    )
    try:
        point, _ = await world.point("CONSOLE-P1", "330101")
        other, _ = await world.point("CONSOLE-P2", "330102")
        customer, product = await world.customer("330101", in_warranty=True)
        ticket = await world.ticket(customer, product)
        job = await world.job(ticket["id"], status="offered")
        assert job["point_id"] == point["id"]
    finally:
        await world.aclose()
    async with signed_in(process_stack, "point", point_id=other["id"]) as client:
        r = await client.get(f"/console/point/jobs/{job['id']}")
        assert r.status_code == 404 and "未找到" in r.text
    async with signed_in(process_stack, "point", point_id=point["id"]) as client:
        offers = await client.get("/console/point/offers")
        assert ticket["number"] in offers.text
        assert customer["name"] not in offers.text  # not before the point accepts
