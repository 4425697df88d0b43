import pytest
from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from aftersales.auth import Principal, require_roles
from aftersales.database import make_metadata
from aftersales.service import ServiceDefinition, create_service_app
from aftersales.settings import ServiceSettings
from aftersales_testing.apps import RunningService

SECRET = "unit-test-secret-" + "y" * 32


class Echo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    count: int = 1


def build_app():
    router = APIRouter()

    @router.post("/v1/echo")
    async def echo(body: Echo, principal: Principal = require_roles("admin", "agent")) -> Echo:
        return body

    @router.get("/v1/conflict")
    async def conflict() -> dict:
        from aftersales.errors import Conflict

        raise Conflict("It clashes.", status="closed", type="x", existing_id="42")

    @router.get("/v1/boom")
    async def boom() -> dict:
        raise RuntimeError("secret internals: password=hunter2")

    definition = ServiceDefinition(
        name="kit",
        title="kit",
        description="test app",
        metadata=make_metadata("kit"),
        settings_cls=ServiceSettings,
        routers=(router,),
    )
    return create_service_app(definition, ServiceSettings(jwt_secret=SECRET, environment="test"))


@pytest.fixture
async def kit():
    """The kit's app factory around a tiny router; no lifespan, so no servers."""
    import httpx

    app = build_app()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://kit") as client:
        yield RunningService("kit", app, client)
