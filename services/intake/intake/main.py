"""intake: the call register. ``create_app()`` is the uvicorn factory."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.database import Database
from aftersales.privacy import export_router
from aftersales.service import ServiceDefinition, create_service_app
from intake.adapters.tables import metadata
from intake.api import board, catalogue, customers, products, reports, ticket_commands, tickets
from intake.consumers import subscriptions
from intake.integrations.api import routes as webhooks
from intake.integrations.workers import webhook_deliveries
from intake.notifications.api import routes as notifications
from intake.notifications.workers import customer_notifications
from intake.policy import IntakePolicy
from intake.settings import IntakeSettings
from intake.use_cases import privacy
from intake.use_cases.backfill import backfill_products
from intake.workers import ticket_clocks


async def _backfill_products(db: Database, policy: IntakePolicy) -> int:
    return await backfill_products(db, policy.tickets)


DEFINITION = ServiceDefinition(
    name="intake",
    title="intake",
    description="The call register: customers, service vouchers, tickets and their timeline.",
    metadata=metadata,
    settings_cls=IntakeSettings,
    policy=IntakePolicy.from_settings,
    routers=(
        customers.router,
        products.router,
        board.router,  # before tickets: /v1/tickets/counts is no ticket's id
        tickets.router,
        ticket_commands.router,
        catalogue.router,
        reports.router,
        webhooks.router,
        notifications.router,
        export_router("intake", privacy.customer_export),
    ),
    subscriptions=subscriptions,
    background=(webhook_deliveries, ticket_clocks, customer_notifications),
    backfills={"products": _backfill_products},
)


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
