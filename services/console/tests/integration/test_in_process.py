"""The console run in process, on its real PostgreSQL schema, with a clock the test moves: a
session idle past its timeout leads back to sign-in and then to the page asked for, and a
service that does not answer shows which part of the page is unavailable while the rest
works. (The four services are not needed: the console reaches them only over HTTP.)"""

import contextlib
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import httpx
import pytest

from aftersales.auth import JWTAuthenticator
from aftersales.settings import ServiceSettings
from aftersales_dev.devstack.ports import free_port
from aftersales_testing.apps import SettableClock
from aftersales_testing.plugin import TEST_JWT_SECRET
from console.adapters.links import issue_link
from console.main import create_app
from console.settings import ConsoleSettings

KEY = "Zm9yLXRoZS10ZXN0cy1vbmx5LTMyLWJ5dGVzLWtleSE="  # 32 bytes, url-safe base64


@contextlib.asynccontextmanager
async def console(service_urls, clock, **settings) -> AsyncIterator[httpx.AsyncClient]:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    s = ConsoleSettings(
        database_url=service_urls["console"],
        session_key=KEY,
        cookie_secure=False,
        intake_url=closed,
        dispatch_url=closed,
        billing_url=closed,
        feedback_url=closed,
        service_timeout_seconds=2,
        **settings,
    )
    app = create_app(s, clock=clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://console") as client:
            yield client


async def sign_in(client, service_urls, role="point", **scope) -> httpx.Response:
    token = JWTAuthenticator(ServiceSettings(jwt_secret=TEST_JWT_SECRET)).issue(role=role, **scope)
    link = await issue_link(
        service_urls["console"], KEY, token, base_url="http://console", now=datetime.now(UTC)
    )
    return await client.get(link)


async def test_an_idle_session_leads_back_to_sign_in_and_then_to_the_page_asked_for(
    service_urls,
):
    clock = SettableClock()
    async with console(service_urls, clock, idle_timeout_minutes=30) as client:
        r = await sign_in(client, service_urls, point_id=str(uuid.uuid4()))
        assert r.status_code == 303
        clock.advance(timedelta(minutes=29))  # used within the timeout: kept alive
        assert (await client.get("/console/point/jobs")).status_code == 200
        clock.advance(timedelta(minutes=29))  # 29 minutes after that use: still alive
        assert (await client.get("/console/point/jobs")).status_code == 200
        clock.advance(timedelta(minutes=31))  # idle past the timeout: over
        over = await client.get("/console/point/jobs?day=tomorrow")
        assert over.status_code == 303
        assert unquote(over.headers["location"]) == (
            "/console/sign-in?next=/console/point/jobs?day=tomorrow"
        )
        page = await client.get(over.headers["location"])
        assert "会话已结束" in page.text  # your session is over: sign in again
        link_page = re.search(r"next=([^\"&]+)", over.headers["location"])
        assert link_page is not None
        token = JWTAuthenticator(ServiceSettings(jwt_secret=TEST_JWT_SECRET)).issue(
            role="point", point_id=str(uuid.uuid4())
        )
        link = await issue_link(
            service_urls["console"], KEY, token, base_url="http://console", now=clock.now()
        )
        back = await client.get(f"{link}?next={link_page.group(1)}")
        assert unquote(back.headers["location"]) == "/console/point/jobs?day=tomorrow"


async def test_a_service_that_does_not_answer_shows_which_part_is_unavailable(service_urls):
    async with console(service_urls, SettableClock()) as client:
        await sign_in(client, service_urls, point_id=str(uuid.uuid4()))
        page = await client.get("/console/point/jobs")
        assert page.status_code == 200  # the page itself still works
        assert "dispatch 服务没有响应" in page.text and "<h1>工单</h1>" in page.text
        english = await client.get("/console/point/jobs?lang=en")
        assert "the dispatch service does not answer" in english.text


@pytest.mark.parametrize("role", ["crm", "technician", "app"])
async def test_integrations_and_technicians_are_not_signed_in_to_the_console(service_urls, role):
    async with console(service_urls, SettableClock()) as client:
        scope = {"crm": {"tenant_id": "t1"}, "technician": {"technician_id": str(uuid.uuid4())}}
        r = await sign_in(client, service_urls, role=role, **scope.get(role, {}))
        assert r.status_code == 400 and "console_session" not in r.headers.get("set-cookie", "")
