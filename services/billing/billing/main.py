"""billing: service classes, charges, payments, invoices, settlements."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.privacy import export_router
from aftersales.service import ServiceDefinition, create_service_app
from billing.adapters.tables.schema import metadata
from billing.api import (
    campaigns,
    cash,
    charges,
    contracts,
    deliveries,
    documents,
    payments,
    price_lists,
    refunds,
    reports,
    reviews,
    settlements,
)
from billing.consumers import subscriptions
from billing.settings import BillingSettings
from billing.use_cases import privacy
from billing.use_cases.policy import BillingPolicy
from billing.workers import charges_and_invoices

DEFINITION = ServiceDefinition(
    name="billing",
    title="billing",
    description="Charges every completed job under its service class and settles with points.",
    metadata=metadata,
    settings_cls=BillingSettings,
    routers=(
        price_lists.router,
        contracts.router,
        contracts.invoices_router,
        campaigns.router,
        charges.router,
        deliveries.router,
        cash.router,
        payments.router,
        refunds.router,
        documents.router,
        settlements.router,
        reports.router,
        reviews.router,
        export_router("billing", privacy.customer_export),
    ),
    subscriptions=subscriptions,
    background=(charges_and_invoices,),
    policy=BillingPolicy.from_settings,
)


def create_app(settings: BillingSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
