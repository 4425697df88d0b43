"""dispatch: network points, technicians, jobs. ``create_app()`` is the uvicorn factory."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.service import ServiceDefinition, create_service_app
from dispatch.adapters.tables import metadata
from dispatch.api import jobs
from dispatch.consumers import SUBSCRIPTIONS
from dispatch.settings import DispatchSettings

DEFINITION = ServiceDefinition(
    name="dispatch",
    title="dispatch",
    description="Routes every ticket that needs a visit to a network point and technician.",
    metadata=metadata,
    settings_cls=DispatchSettings,
    routers=(jobs.router,),
    subscriptions=SUBSCRIPTIONS,
)


def create_app(settings: DispatchSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
