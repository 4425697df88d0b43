"""dispatch: network points, technicians, routing, jobs. ``create_app()`` is the uvicorn factory."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.privacy import export_router
from aftersales.service import ServiceDefinition, create_service_app
from dispatch.adapters.tables.catalog import metadata
from dispatch.api import (
    board,
    delivery,
    fault_codes,
    field,
    jobs,
    parts_orders,
    parts_reports,
    points,
    requisitions,
    returns,
    stock,
    technicians,
)
from dispatch.consumers import subscriptions
from dispatch.settings import DispatchSettings
from dispatch.use_cases import privacy
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.workers import parts_deadlines, sla_timers

DEFINITION = ServiceDefinition(
    name="dispatch",
    title="dispatch",
    description=(
        "Routes every ticket that needs a visit to a network point and technician, and takes "
        "the reports of the technicians' app and partner shops."
    ),
    metadata=metadata,
    settings_cls=DispatchSettings,
    routers=(
        points.router,
        technicians.router,
        field.router,
        board.router,  # before jobs: /v1/jobs/counts is no job's id
        jobs.router,
        fault_codes.router,
        stock.router,
        requisitions.router,
        returns.router,
        parts_orders.router,
        delivery.router,
        parts_reports.router,
        export_router("dispatch", privacy.customer_export),
    ),
    subscriptions=subscriptions,
    background=(sla_timers, parts_deadlines),
    policy=DispatchPolicy.from_settings,
)


def create_app(settings: DispatchSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
