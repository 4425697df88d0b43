"""intake: the call register. ``create_app()`` is the uvicorn factory."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.privacy import export_router
from aftersales.service import ServiceDefinition, create_service_app
from intake.adapters.tables import metadata
from intake.api import catalogue, customers, notifications, products, tickets, webhooks
from intake.consumers import SUBSCRIPTIONS
from intake.settings import IntakeSettings
from intake.use_cases import privacy
from intake.use_cases.backfill import backfill_products
from intake.workers import customer_notifications, ticket_clocks, webhook_deliveries

DEFINITION = ServiceDefinition(
    name="intake",
    title="intake",
    description="The call register: customers, service vouchers, tickets and their timeline.",
    metadata=metadata,
    settings_cls=IntakeSettings,
    routers=(
        customers.router,
        products.router,
        tickets.router,
        catalogue.router,
        webhooks.router,
        notifications.router,
        export_router("intake", privacy.customer_export),
    ),
    subscriptions=SUBSCRIPTIONS,
    background=(webhook_deliveries, ticket_clocks, customer_notifications),
    backfills={"products": backfill_products},
)


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
