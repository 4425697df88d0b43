"""feedback: callbacks, complaints, discipline, scorecards and grades."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.privacy import export_router
from aftersales.service import ServiceDefinition, create_service_app
from feedback.adapters.tables import metadata
from feedback.api import (
    callbacks,
    care,
    complaints,
    performance,
    receptions,
    reports,
    staff,
)
from feedback.consumers import subscriptions
from feedback.settings import FeedbackSettings
from feedback.use_cases import privacy
from feedback.use_cases.policy import FeedbackPolicy
from feedback.workers import complaint_deadlines, discipline_settings

DEFINITION = ServiceDefinition(
    name="feedback",
    title="feedback",
    description=(
        "Calls back every customer after a completed job, handles complaints with their "
        "deadlines and the discipline they bring, and turns the outcomes into each network "
        "point's scorecard and grade."
    ),
    metadata=metadata,
    settings_cls=FeedbackSettings,
    routers=(
        callbacks.router,
        complaints.router,
        performance.router,
        care.router,
        receptions.router,
        reports.router,
        staff.router,
        export_router("feedback", privacy.customer_export),
    ),
    subscriptions=subscriptions,
    background=(complaint_deadlines, discipline_settings),
    policy=FeedbackPolicy.from_settings,
)


def create_app(settings: FeedbackSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
